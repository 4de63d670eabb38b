#!/usr/bin/env node
/**
 * Measures a pthreads build of gemm against the single-threaded one, printing dgemm GFLOPS at
 * n = 256 ... 2048 with 1 and 2 threads. The threaded module is not shipped yet: this script
 * builds it from csrc/ (gemm.c with per-thread packing buffers, threads.c splitting C into column
 * blocks) into a temporary directory, so it needs emcc on PATH.
 *
 * emscripten 3.1.6 facts it relies on: pthreads work with a CommonJS MODULARIZE build given its
 * wasmBinary (an ES6 build with pthreads does not load in Node); the main thread may block in
 * pthread_join under Node.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const csrc = join(root, 'csrc');
const env = { ...process.env, NODE_PATH: process.env.NODE_PATH || '/usr/share/nodejs' };
const work = mkdtempSync(join(tmpdir(), 'polyblas-threads-'));
const threads = Number(process.env.THREADS ?? 2);

try {
  const flags = ['-O3', '-msimd128', '-pthread', '-DPB_THREADS', '-DPB_DOUBLE'];
  const emcc = (args) => execFileSync('emcc', args, { cwd: work, env, stdio: ['ignore', 'inherit', 'inherit'] });
  emcc([...flags, '-c', join(csrc, 'gemm.c'), '-o', 'gemm.o']);
  emcc([...flags, '-c', join(csrc, 'threads.c'), '-o', 'threads.o']);
  emcc([
    '-O3', '-msimd128', '-pthread', '-Wno-pthreads-mem-growth', '-sUSE_PTHREADS=1', `-sPTHREAD_POOL_SIZE=${threads}`,
    '-sMODULARIZE=1', '-sEXPORT_NAME=createPolyblasThreads', '-sENVIRONMENT=node,worker',
    '-sALLOW_MEMORY_GROWTH=1', '-sINITIAL_MEMORY=33554432', '-sMAXIMUM_MEMORY=2147483648',
    '-sEXPORTED_FUNCTIONS=_pb_dgemm_mt,_malloc,_free', '-sEXPORTED_RUNTIME_METHODS=HEAPF64',
    'gemm.o', 'threads.o', '-o', 'polyblas-threads.js',
  ]);
  const create = createRequire(import.meta.url)(join(work, 'polyblas-threads.js'));
  const M = await create({ wasmBinary: readFileSync(join(work, 'polyblas-threads.wasm')) });
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  for (const n of [256, 512, 1024, 2048]) {
    const pa = M._malloc(n * n * 8), pb = M._malloc(n * n * 8), pc = M._malloc(n * n * 8);
    let H = M.HEAPF64;
    for (let i = 0; i < n * n; i++) {
      H[pa / 8 + i] = Math.sin(i) / 2;
      H[pb / 8 + i] = Math.cos(i) / 2;
    }
    const parts = [];
    for (const t of [1, threads]) {
      const run = () => M._pb_dgemm_mt(t, n, n, n, 1, pa, 1, n, pb, 1, n, 0, pc, 1, n);
      run();
      const reps = n <= 512 ? 10 : 5;
      const times = [];
      for (let r = 0; r < reps; r++) {
        const t0 = performance.now();
        run();
        times.push(performance.now() - t0);
      }
      H = M.HEAPF64;
      let s = 0;
      for (let p = 0; p < n; p++) s += H[pa / 8 + 3 + p * n] * H[pb / 8 + p + 5 * n];
      if (Math.abs(s - H[pc / 8 + 3 + 5 * n]) > 1e-9) throw new Error(`wrong product with ${t} threads`);
      const gflops = (ms) => ((2 * n ** 3) / (ms * 1e6)).toFixed(1);
      parts.push(`${t} thread${t > 1 ? 's' : ''}: best ${gflops(Math.min(...times))}, median ${gflops(median(times))}`);
    }
    console.log(`dgemm n=${n} GFLOPS, ${parts.join('; ')}`);
    M._free(pa);
    M._free(pb);
    M._free(pc);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exit(0);
