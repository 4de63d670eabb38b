/**
 * Small-matrix latency (workload 3): microseconds per call of inv, solve, det, cholesky and eigh
 * through the public API, for n = 2, 3, 4, 10, 16, 32, on whichever backend the process selected
 * (`POLYBLAS_BACKEND=js` for the TypeScript one). Each figure is the median of repeated batches of
 * calls, with the spread (min–max) beside it. On a shared machine wall-clock time counts the time
 * other processes hold the cores, so the process's CPU time per call is printed as well (it
 * includes the garbage collector's threads). ml-matrix's inverse and solve are printed as the
 * pure-JavaScript reference.
 *
 * Usage: `node packages/bench/dist/small-latency.js [--repeats N] [--batch-ms 20] [--sizes 2,3,10] [--routines inv,solve]`
 */
import { array, getBackend, linalg, type NDArray } from '@polyblas/core';
import { Matrix, inverse, solve as mlSolve } from 'ml-matrix';
import { summarize, type Sample } from './stats.js';

const ROUTINES = ['inv', 'solve', 'det', 'cholesky', 'eigh', 'ml-matrix inverse', 'ml-matrix solve'] as const;
type Routine = (typeof ROUTINES)[number];

/** A seeded generator (mulberry32), so every run times the same matrices. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Diagonally dominant random entries: well conditioned, as in an extended Kalman filter. */
function wellConditioned(n: number, seed: number): number[][] {
  const next = random(seed);
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => 2 * next() - 1 + (i === j ? n : 0)));
}

/** R·Rᵀ + n·I: symmetric positive definite. */
function spd(n: number, seed: number): number[][] {
  const next = random(seed);
  const r = Array.from({ length: n }, () => Array.from({ length: n }, () => next()));
  return r.map((ri, i) => r.map((rj, j) => ri.reduce((s, v, k) => s + v * rj[k], 0) + (i === j ? n : 0)));
}

/** The operation to time, its inputs built untimed. */
function prepare(routine: Routine, n: number): () => unknown {
  const a = array(wellConditioned(n, 1));
  const b: NDArray = array(wellConditioned(n, 2)[0]);
  switch (routine) {
    case 'inv': return () => linalg.inv(a);
    case 'solve': return () => linalg.solve(a, b);
    case 'det': return () => linalg.det(a);
    case 'cholesky': { const f = array(spd(n, 3)); return () => linalg.cholesky(f); }
    case 'eigh': { const f = array(spd(n, 3)); return () => linalg.eigh(f); }
    case 'ml-matrix inverse': { const m = new Matrix(wellConditioned(n, 1)); return () => inverse(m); }
    case 'ml-matrix solve': {
      const m = new Matrix(wellConditioned(n, 1));
      const v = Matrix.columnVector(wellConditioned(n, 2)[0]);
      return () => mlSolve(m, v);
    }
  }
}

/** Wall-clock and CPU seconds per call of `fn`, from batches of about `batchSeconds` each. */
function measure(fn: () => unknown, repeats: number, batchSeconds: number): { wall: Sample; cpu: Sample } {
  let batch = 1;
  for (let t0 = performance.now(); performance.now() - t0 < 200; ) fn(); // warm-up: let the JIT settle
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) fn();
    const elapsed = (performance.now() - t0) / 1000;
    if (elapsed >= batchSeconds) break;
    batch = Math.ceil(batch * Math.min(100, Math.max(2, (1.2 * batchSeconds) / Math.max(elapsed, 1e-9))));
  }
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) fn();
    const t1 = performance.now();
    const c = process.cpuUsage(c0);
    wall.push((t1 - t0) / 1000 / batch);
    cpu.push((c.user + c.system) / 1e6 / batch);
  }
  return { wall: summarize(wall), cpu: summarize(cpu) };
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const repeats = Number(option('--repeats') ?? 15);
const sizes = (option('--sizes') ?? '2,3,4,10,16,32').split(',').map(Number);
const routines = (option('--routines')?.split(',') ?? ROUTINES) as readonly Routine[];
for (const r of routines) if (!ROUTINES.includes(r)) throw new RangeError(`--routines: unknown "${r}"; valid: ${ROUTINES.join(', ')}`);

const batchSeconds = Number(option('--batch-ms') ?? 20) / 1000;
const us = (x: number) => (x * 1e6).toFixed(2);
const format = (s: Sample) => `${us(s.median)} (${us(s.min)}–${us(s.max)})`;
console.log(`small-matrix latency, µs/call: median (min–max) of ${repeats} batches of ~${batchSeconds * 1e3} ms; backend ${getBackend()}`);
console.log(['routine'.padEnd(18), 'clock ', ...sizes.map((n) => `n=${n}`.padEnd(22))].join(''));
for (const routine of routines) {
  const samples = sizes.map((n) => measure(prepare(routine, n), repeats, batchSeconds));
  console.log([routine.padEnd(18), 'wall ', ...samples.map((s) => format(s.wall).padEnd(22))].join(''));
  console.log([''.padEnd(18), 'cpu  ', ...samples.map((s) => format(s.cpu).padEnd(22))].join(''));
}
