#!/usr/bin/env node
/**
 * Speed of the WebAssembly backend, printed (never asserted):
 *   - dgemm and sgemm GFLOPS at n = 256, 512, 1024 through the backend's kernels (operands staged
 *     through the heap on every call, as users call them), best and median of several runs;
 *   - dgemm GFLOPS with the pthreads build, 1 thread and THREADS threads (default 2), n up to 2048;
 *   - with --svd: the svd-loop (300x300, 100 x (a += 1; full SVD)) through @polyblas/core's public
 *     API with the backend POLYBLAS_BACKEND names (wasm when unset), then with the js backend for
 *     comparison (--runs N, default 1).
 *
 * Run after building: pnpm run build (root) or npx tsc -b packages/backend-wasm packages/core.
 */
import { createWasmBackend, descriptor, instantiateThreaded, MAX_THREADS } from '../dist/index.js';

const args = process.argv.slice(2);
const withSvd = args.includes('--svd');
const runsArg = args.indexOf('--runs');
const svdRuns = runsArg >= 0 ? Number(args[runsArg + 1]) : 1;

const loaded = await descriptor.load();
if (!loaded.available) {
  console.error(`wasm backend unavailable: ${loaded.reason}`);
  process.exit(1);
}
const { kernels } = loaded.backend;

function seeded(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function gemmFigures(label, kernels, p, Ctor, sizes) {
  const gemm = kernels[`${p}gemm`];
  for (const n of sizes) {
    const rng = seeded(n);
    const A = Ctor.from({ length: n * n }, rng);
    const B = Ctor.from({ length: n * n }, rng);
    const C = new Ctor(n * n);
    const run = () => gemm('N', 'N', n, n, n, 1, A, 1, n, 0, B, 1, n, 0, 0, C, 1, n, 0);
    run();
    const reps = n <= 256 ? 30 : n <= 512 ? 10 : 5;
    const times = [];
    for (let r = 0; r < reps; r++) {
      const t0 = performance.now();
      run();
      times.push(performance.now() - t0);
    }
    const gflops = (t) => ((2 * n ** 3) / (t * 1e6)).toFixed(1);
    console.log(`${p}gemm n=${n} ${label}: best ${gflops(Math.min(...times))} GFLOPS, median ${gflops(median(times))} GFLOPS`);
  }
}

for (const [p, Ctor] of [['d', Float64Array], ['s', Float32Array]]) gemmFigures('(1 thread)', kernels, p, Ctor, [256, 512, 1024]);

const threads = Math.min(MAX_THREADS, Number(process.env.THREADS ?? 2));
try {
  const threaded = createWasmBackend(await instantiateThreaded(), 1, MAX_THREADS);
  for (const t of [1, threads]) {
    threaded.setNumThreads(t);
    gemmFigures(`(pthreads build, ${t} thread${t > 1 ? 's' : ''})`, threaded.kernels, 'd', Float64Array, [512, 1024, 2048]);
  }
} catch (error) {
  console.log(`pthreads build unavailable: ${error.message}`);
}
if (withSvd) {
  // In this workspace core does not depend on @polyblas/backend-wasm, so its by-name import of the
  // package would fail; a resolve hook points that name at this package, as an install beside
  // core would. Selection then goes through core's selector (POLYBLAS_BACKEND is honoured).
  const { register } = await import('node:module');
  const target = new URL('../dist/index.js', import.meta.url).href;
  const hook = `export async function resolve(specifier, context, next) {
    return specifier === '@polyblas/backend-wasm' ? { url: ${JSON.stringify(target)}, shortCircuit: true } : next(specifier, context);
  }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
  let core;
  try {
    core = await import('../../core/dist/index.js');
  } catch (error) {
    console.error(`svd-loop skipped: @polyblas/core is not built (${error.message})`);
    process.exit(0);
  }
  const { setBackend, getBackend, uniform, add, linalg } = core;
  const names = process.env.POLYBLAS_BACKEND ? [null, 'js'] : ['wasm', 'js'];
  for (const requested of names) {
    if (requested !== null) await setBackend(requested);
    const name = getBackend();
    const initial = uniform(0, 1, [300, 300], { seed: 42 });
    const seconds = [];
    for (let r = 0; r < svdRuns; r++) {
      const a = initial.copy();
      const t0 = performance.now();
      for (let i = 0; i < 100; i++) {
        add(a, 1, { out: a });
        linalg.svd(a);
      }
      seconds.push((performance.now() - t0) / 1000);
    }
    console.log(`svd-loop 300x300 (${name}): median ${median(seconds).toFixed(2)} s over ${svdRuns} run(s)`);
  }
}
