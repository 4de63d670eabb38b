#!/usr/bin/env node
// dgemm GFLOPS through the polyblas OpenBLAS kernel against a C program calling cblas_dgemm
// directly, at n = 1024, 2048, 4096, for the default core type and OPENBLAS_CORETYPE=SkylakeX,
// with 1 thread and with OpenBLAS's default thread count. Prints the median of several runs.
//
//   node scripts/bench.mjs                 all sizes
//   node scripts/bench.mjs 1024 2048       chosen sizes
//   BENCH_CORETYPES=default,SkylakeX,Haswell node scripts/bench.mjs
//   node scripts/bench.mjs --overhead      microseconds per call of small kernels
//
// The C program is compiled into a temporary directory (needs cc and libopenblas). OPENBLAS_CORETYPE
// is read when the library loads, so every configuration runs in its own process.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const addonPath = new URL('../build/Release/polyblas_openblas.node', import.meta.url).pathname;
const reps = (n) => (n >= 4096 ? 3 : n >= 2048 ? 5 : 9);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (process.argv[2] === '--child-js') {
  // One configuration through the kernel: dgemm(N, N) on row-major Float64Arrays, as matmul calls it.
  const addon = createRequire(import.meta.url)(addonPath);
  const n = Number(process.argv[3]);
  const threads = Number(process.argv[4]);
  if (threads > 0) addon.setNumThreads(threads);
  const A = new Float64Array(n * n), B = new Float64Array(n * n), C = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) { A[i] = Math.random() - 0.5; B[i] = Math.random() - 0.5; }
  addon.dgemm('N', 'N', n, n, n, 1, A, n, 1, 0, B, n, 1, 0, 0, C, n, 1, 0); // warm-up
  const seconds = [];
  const cpu = [];
  for (let r = 0; r < reps(n); r++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    addon.dgemm('N', 'N', n, n, n, 1, A, n, 1, 0, B, n, 1, 0, 0, C, n, 1, 0);
    seconds.push(Number(process.hrtime.bigint() - t0) / 1e9);
    const c1 = process.cpuUsage(c0);
    cpu.push((c1.user + c1.system) / 1e6);
  }
  const info = addon.libraryInfo();
  process.stdout.write(JSON.stringify({ seconds, cpu, core: info.coreType, threads: info.threads }));
  process.exit(0);
}

if (process.argv[2] === '--overhead') {
  // Microseconds per call of small kernels: the binding's fixed cost (argument checks, the trip
  // into native code) next to the arithmetic. Wall clock, and CPU time in [].
  const addon = createRequire(import.meta.url)(addonPath);
  const measure = (label, calls, fn) => {
    for (let i = 0; i < Math.min(calls, 2000); i++) fn();
    const times = [];
    for (let round = 0; round < 5; round++) {
      const c0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < calls; i++) fn();
      const wall = Number(process.hrtime.bigint() - t0) / 1e3 / calls;
      const c = process.cpuUsage(c0);
      times.push([wall, (c.user + c.system) / calls]);
    }
    const wall = median(times.map((t) => t[0]));
    const cpu = median(times.map((t) => t[1]));
    console.log(`${label.padEnd(38)}${wall.toFixed(2).padStart(8)} us  [${cpu.toFixed(2).padStart(6)} us cpu]`);
  };
  const x = new Float64Array(1), y = new Float64Array(1);
  const n = 10;
  const A = new Float64Array(n * n).map((_, k) => Math.sin(k) + (k % (n + 1) === 0 ? n : 0));
  const B = new Float64Array(n * n).fill(1), C = new Float64Array(n * n), W = new Float64Array(n * n);
  const ipiv = new Int32Array(n), b = new Float64Array(n);
  console.log('per-call cost through the kernels (median of 5 rounds)');
  measure('ddot n=1', 200000, () => addon.ddot(1, x, 1, 0, y, 1, 0));
  measure('dgemm 10x10', 100000, () => addon.dgemm('N', 'N', n, n, n, 1, A, n, 1, 0, B, n, 1, 0, 0, C, n, 1, 0));
  measure('inverse 10x10 (copy, dgetrf, dgetri)', 50000, () => {
    W.set(A);
    addon.dgetrf(n, n, W, n, 0, ipiv, 0);
    addon.dgetri(n, W, n, 0, ipiv, 0);
  });
  measure('solve 10x10 (copy, dgetrf, dgetrs)', 50000, () => {
    W.set(A);
    b.fill(1);
    addon.dgetrf(n, n, W, n, 0, ipiv, 0);
    addon.dgetrs('N', n, 1, W, n, 0, ipiv, 0, b, n, 0);
  });
  process.exit(0);
}

const C_SOURCE = `
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <cblas.h>
extern void openblas_set_num_threads(int);
extern int openblas_get_num_threads(void);
extern char* openblas_get_corename(void);
int main(int argc, char** argv) {
  int n = atoi(argv[1]), reps = atoi(argv[2]), threads = atoi(argv[3]);
  if (threads > 0) openblas_set_num_threads(threads);
  double *a = malloc(sizeof(double) * n * n), *b = malloc(sizeof(double) * n * n), *c = malloc(sizeof(double) * n * n);
  for (long i = 0; i < (long)n * n; i++) { a[i] = rand() / (double)RAND_MAX - 0.5; b[i] = rand() / (double)RAND_MAX - 0.5; }
  cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1, a, n, b, n, 0, c, n);
  double* wall = malloc(sizeof(double) * reps);
  double* cpu = malloc(sizeof(double) * reps);
  for (int r = 0; r < reps; r++) {
    struct timespec t0, t1, c0, c1;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1, a, n, b, n, 0, c, n);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
    wall[r] = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
    cpu[r] = (c1.tv_sec - c0.tv_sec) + (c1.tv_nsec - c0.tv_nsec) / 1e9;
  }
  printf("{\\"core\\":\\"%s\\",\\"threads\\":%d,\\"seconds\\":[", openblas_get_corename(), openblas_get_num_threads());
  for (int r = 0; r < reps; r++) printf("%s%.9f", r ? "," : "", wall[r]);
  printf("],\\"cpu\\":[");
  for (int r = 0; r < reps; r++) printf("%s%.9f", r ? "," : "", cpu[r]);
  printf("]}");
  return 0;
}
`;

function compileC() {
  const dir = mkdtempSync(join(tmpdir(), 'polyblas-bench-'));
  writeFileSync(join(dir, 'dgemm.c'), C_SOURCE);
  let flags = ['-lopenblas'];
  try {
    flags = execFileSync('pkg-config', ['--cflags', '--libs', 'openblas'], { encoding: 'utf8' }).trim().split(/\s+/);
  } catch {
    // fall back to the default search path
  }
  const exe = join(dir, 'dgemm');
  const cc = spawnSync('cc', ['-O2', '-o', exe, join(dir, 'dgemm.c'), ...flags], { encoding: 'utf8' });
  if (cc.status !== 0) {
    console.log(`(C reference not compiled: ${cc.stderr || cc.error})`);
    return null;
  }
  return exe;
}

function runConfig(kind, exe, n, threads, coretype) {
  const env = { ...process.env };
  if (coretype) env.OPENBLAS_CORETYPE = coretype;
  else delete env.OPENBLAS_CORETYPE;
  const out = kind === 'js'
    ? execFileSync(process.execPath, [new URL(import.meta.url).pathname, '--child-js', String(n), String(threads)], { env, encoding: 'utf8' })
    : execFileSync(exe, [String(n), String(reps(n)), String(threads)], { env, encoding: 'utf8' });
  const result = JSON.parse(out);
  const flops = 2 * n ** 3;
  // Per CPU-second: what the cores did while they ran this process, less sensitive to other load.
  return { ...result, gflops: flops / median(result.seconds) / 1e9, perCpu: flops / median(result.cpu) / 1e9 };
}

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
// BENCH_CORETYPES=default,SkylakeX,Haswell chooses the configurations ('default' leaves it unset).
const CORETYPES = (process.env.BENCH_CORETYPES ?? 'default,SkylakeX').split(',').map((c) => (c === 'default' ? undefined : c));
const exe = compileC();
console.log('dgemm GFLOPS, median of runs (row-major N x N, alpha 1, beta 0); wall clock, and per CPU-second in []');
console.log('n     core type (requested -> used)  threads  polyblas kernel          C cblas_dgemm            ratio (wall, cpu)');
for (const n of sizes.length ? sizes : [1024, 2048, 4096]) {
  for (const coretype of CORETYPES) {
    for (const threads of [1, 0]) {
      const js = runConfig('js', exe, n, threads, coretype);
      const c = exe ? runConfig('c', exe, n, threads, coretype) : null;
      const label = `${coretype ?? '(unset)'} -> ${js.core}`.padEnd(31);
      const cell = (r) => `${r.gflops.toFixed(1).padStart(7)} [${r.perCpu.toFixed(1).padStart(6)}]`.padEnd(25);
      console.log(
        `${String(n).padEnd(6)}${label}${String(js.threads).padEnd(9)}${cell(js)}${c ? cell(c) : 'n/a'.padEnd(25)}` +
        (c ? `${(js.gflops / c.gflops).toFixed(3)}, ${(js.perCpu / c.perCpu).toFixed(3)}` : ''),
      );
    }
  }
}
