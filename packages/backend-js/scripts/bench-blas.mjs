// Prints how fast the TypeScript BLAS runs the level-3 routines built on gemm (trsm, trmm, syrk,
// symm) compared with gemm itself on the same number of flops, and the level-1/2 rates.
//
// This script builds nothing: it imports the compiled module. Build first, from the repository root:
//   npx tsc -b packages/backend-js
//   node packages/backend-js/scripts/bench-blas.mjs [n]          e.g. ... 1024 (default 512)
//
// Level 3: every routine runs on n×n operands, column-major and row-major, interleaved with gemm
// so that other work on the machine disturbs both alike; each figure is the median of the timed
// runs. "vs gemm" is the routine's time over gemm's time for the same flops (1.00 = gemm speed).
import { blasKernels as k } from '../dist/blas/index.js';

const n = Number(process.argv[2]) > 0 ? Number(process.argv[2]) : 512;
const RUNS = 5;

/** mulberry32: seeded uniform numbers in [-1, 1). */
function filled(length, seed) {
  let s = seed >>> 0;
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = 2 * (((t ^ (t >>> 14)) >>> 0) / 4294967296) - 1;
  }
  return out;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function timed(fn) {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

// A well-conditioned triangle: a dominant diagonal.
const A = filled(n * n, 1);
for (let i = 0; i < n; i++) A[i + i * n] = n;
const B = filled(n * n, 2);
const C = filled(n * n, 3);
const X = B.slice();

console.log(`level 3, n = ${n} (median of ${RUNS} runs)`);
for (const [s1, s2, layout] of [[1, n, 'column-major'], [n, 1, 'row-major']]) {
  const gemm = () => k.dgemm('N', 'N', n, n, n, 1, A, s1, s2, 0, B, s1, s2, 0, 0, C, s1, s2, 0);
  // [label, flops relative to n³, run]
  const cases = [];
  for (const side of ['L', 'R']) {
    for (const uplo of ['L', 'U']) {
      for (const trans of ['N', 'T']) {
        cases.push([`trsm ${side}${uplo}${trans}`, 1, () => k.dtrsm(side, uplo, trans, 'N', n, n, 1, A, s1, s2, 0, X, s1, s2, 0)]);
      }
    }
  }
  cases.push(['trmm LLN', 1, () => k.dtrmm('L', 'L', 'N', 'N', n, n, 1, A, s1, s2, 0, X, s1, s2, 0)]);
  cases.push(['trmm RUT', 1, () => k.dtrmm('R', 'U', 'T', 'N', n, n, 1, A, s1, s2, 0, X, s1, s2, 0)]);
  cases.push(['syrk LN', 1, () => k.dsyrk('L', 'N', n, n, 1, A, s1, s2, 0, 0, C, s1, s2, 0)]);
  cases.push(['syrk UT', 1, () => k.dsyrk('U', 'T', n, n, 1, A, s1, s2, 0, 0, C, s1, s2, 0)]);
  cases.push(['symm LL', 2, () => k.dsymm('L', 'L', n, n, 1, A, s1, s2, 0, B, s1, s2, 0, 0, C, s1, s2, 0)]);
  cases.push(['symm RU', 2, () => k.dsymm('R', 'U', n, n, 1, A, s1, s2, 0, B, s1, s2, 0, 0, C, s1, s2, 0)]);
  gemm();
  for (const [label, flops, run] of cases) {
    run();
    const mine = [];
    const ref = [];
    for (let r = 0; r < RUNS; r++) {
      ref.push(timed(gemm));
      mine.push(timed(run));
    }
    const t = median(mine);
    const g = median(ref) * (flops / 2);
    const gflops = (flops * n ** 3) / t / 1e6;
    console.log(`  ${layout.padEnd(12)} ${label.padEnd(9)} ${t.toFixed(1).padStart(8)} ms  ${gflops.toFixed(2)} GFLOP/s  vs gemm ${(t / g).toFixed(2)}`);
  }
}

// Level 2 on an n×n matrix that stays in cache for moderate n; level 1 on 4096 elements.
console.log(`level 2, n = ${n}`);
const x = filled(n, 4);
const y = filled(n, 5);
const reps = Math.max(1, Math.round(2e7 / (n * n)));
const rate = (label, flopsPerRep, run) => {
  run();
  const t = median(Array.from({ length: RUNS }, () => timed(() => { for (let r = 0; r < reps; r++) run(); })));
  console.log(`  ${label.padEnd(24)} ${((flopsPerRep * reps) / t / 1e6).toFixed(2)} GFLOP/s`);
};
for (const [s1, s2, layout] of [[1, n, 'col'], [n, 1, 'row']]) {
  rate(`gemv N ${layout}`, 2 * n * n, () => k.dgemv('N', n, n, 1, A, s1, s2, 0, x, 1, 0, 1, y, 1, 0));
  rate(`gemv T ${layout}`, 2 * n * n, () => k.dgemv('T', n, n, 1, A, s1, s2, 0, x, 1, 0, 1, y, 1, 0));
  rate(`ger ${layout}`, 2 * n * n, () => k.dger(n, n, 1e-12, x, 1, 0, y, 1, 0, C, s1, s2, 0));
  rate(`symv L ${layout}`, 2 * n * n, () => k.dsymv('L', n, 1, A, s1, s2, 0, x, 1, 0, 0, y, 1, 0));
  rate(`trsv LN ${layout}`, n * n, () => k.dtrsv('L', 'N', 'N', n, A, s1, s2, 0, y.fill(1), 1, 0));
  rate(`trmv UT ${layout}`, n * n, () => k.dtrmv('U', 'T', 'N', n, A, s1, s2, 0, y.fill(1e-3), 1, 0));
}
console.log('level 1, 4096 elements');
const m = 4096;
const u = filled(m, 6);
const v = filled(m, 7);
const reps1 = 2000;
const rate1 = (label, flopsPerRep, run) => {
  run();
  const t = median(Array.from({ length: RUNS }, () => timed(() => { for (let r = 0; r < reps1; r++) run(); })));
  console.log(`  ${label.padEnd(24)} ${((flopsPerRep * reps1) / t / 1e6).toFixed(2)} GFLOP/s`);
};
rate1('dot', 2 * m, () => k.ddot(m, u, 1, 0, v, 1, 0));
rate1('axpy', 2 * m, () => k.daxpy(m, 1e-12, u, 1, 0, v, 1, 0));
rate1('nrm2', 2 * m, () => k.dnrm2(m, u, 1, 0));
rate1('asum', m, () => k.dasum(m, u, 1, 0));
rate1('rot', 6 * m, () => k.drot(m, u, 1, 0, v, 1, 0, 0.6, 0.8));
