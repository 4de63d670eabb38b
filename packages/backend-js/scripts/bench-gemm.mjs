// Prints the speed of the TypeScript backend's gemm in GFLOPS (2·M·N·K / time).
//
// This script builds nothing: it imports the compiled module. Build first, from the repository root:
//   npx tsc -b packages/backend-js
//   node packages/backend-js/scripts/bench-gemm.mjs [sizes...]        e.g. ... 256 512 1024
//
// Each figure is the median of several timed runs after warm-up runs, so other work on the machine
// disturbs it less; the spread (fastest .. slowest timed run) is printed beside it. The last column
// divides by the process's CPU time instead of wall time: on a machine shared with other work it
// shows what the code does when it has the core to itself.
import { gemm } from '../dist/blas/level3/gemm.js';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const ns = sizes.length > 0 ? sizes : [64, 128, 256, 512, 1024];

/** mulberry32: seeded uniform numbers in [-1, 1). */
function filled(Ctor, length, seed) {
  let s = seed >>> 0;
  const out = new Ctor(length);
  for (let i = 0; i < length; i++) {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = 2 * (((t ^ (t >>> 14)) >>> 0) / 4294967296) - 1;
  }
  return out;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Times C ← A·B (or Aᵀ·B) on n×n column-major matrices; returns GFLOPS figures. */
function bench(Ctor, n, transA) {
  const A = filled(Ctor, n * n, 1), B = filled(Ctor, n * n, 2), C = new Ctor(n * n);
  const flops = 2 * n * n * n;
  const run = () => gemm(transA, 'N', n, n, n, 1, A, 1, n, 0, B, 1, n, 0, 0, C, 1, n, 0);
  // Enough runs for about a second of timing per case, at least 5 (and 3 warm-ups).
  const t0 = performance.now();
  run();
  const once = Math.max(performance.now() - t0, 1e-3);
  const reps = Math.max(5, Math.min(200, Math.round(1000 / once)));
  for (let w = 0; w < Math.min(3, reps); w++) run();
  const times = [], cpuTimes = [];
  for (let r = 0; r < reps; r++) {
    const cpu = process.cpuUsage();
    const s = performance.now();
    run();
    times.push(performance.now() - s);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
  }
  const g = (ms) => flops / ms / 1e6;
  return {
    median: g(median(times)), best: g(Math.min(...times)), worst: g(Math.max(...times)),
    cpu: g(median(cpuTimes)), reps,
  };
}

console.log(`gemm, @polyblas/backend-js, Node ${process.version}`);
console.log('GFLOPS: median of wall-clock runs (fastest .. slowest run), then median by CPU time');
const cases = [
  ['float64', Float64Array, 'N'],
  ['float32', Float32Array, 'N'],
  ['float64, op(A) = Aᵀ', Float64Array, 'T'],
];
for (const [label, Ctor, transA] of cases) {
  for (const n of ns) {
    const r = bench(Ctor, n, transA);
    console.log(`${label.padEnd(20)} n=${String(n).padStart(5)}  ${r.median.toFixed(2).padStart(6)}` +
      `  (${r.best.toFixed(2)} .. ${r.worst.toFixed(2)}, ${r.reps} runs)  cpu ${r.cpu.toFixed(2)}`);
  }
}
