#!/usr/bin/env node
/**
 * GFLOPS of `matmul` (C = A·B, float64 and float32) through the public API on the selected
 * backend (POLYBLAS_BACKEND chooses), for n = 256, 512, 1024 or the sizes given as arguments.
 *
 * usage: node dist/gemm-gflops.js [n ...]
 */
import { empty, getBackend, matmul, uniform, type DType } from '@polyblas/core';
import { timeIt } from './stats.js';

const sizes = process.argv.slice(2).map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error('usage: gemm-gflops [n ...]   (positive integers)');
  process.exit(2);
}
console.log(`matmul GFLOPS on backend "${getBackend()}" (median of 5 after warm-up; min-max in brackets)`);
for (const dtype of ['float64', 'float32'] as DType[]) {
  for (const n of sizes.length ? sizes : [256, 512, 1024]) {
    const a = uniform(0, 1, [n, n], { seed: 0, dtype });
    const b = uniform(0, 1, [n, n], { seed: 1, dtype });
    const c = empty([n, n], { dtype });
    const s = timeIt(() => void matmul(a, b, { out: c }), { warmup: 2, repeats: 5, minRepeats: 5, minSeconds: 0.1, budgetSeconds: Infinity });
    const gflops = (t: number) => (2 * n ** 3) / t / 1e9;
    console.log(`  ${dtype} n=${String(n).padStart(4)}: ${gflops(s.median).toFixed(2)} GFLOPS [${gflops(s.max).toFixed(2)}-${gflops(s.min).toFixed(2)}]`);
  }
}
