/**
 * The pthreads build of the WebAssembly backend (Node): the BLAS conformance suite and the LU,
 * Cholesky and QR suites with gemm split over two threads, and products large enough to be split
 * checked against a naive reference, as is an SVD whose rotation batches are split. The threaded
 * module is committed, so it must load here.
 */
import { describe, expect, it } from 'vitest';
import { referenceKernels } from '@polyblas/backend-js';
import { createWasmBackend, instantiateThreaded } from '@polyblas/backend-wasm';
import type { Kernels } from '@polyblas/contract';
import { blasConformance } from '../src/testing/blas.js';
import { factorizationConformance } from '../src/testing/lapack-factor.js';
import { Rng } from '../src/testing/util.js';

const backend = createWasmBackend(await instantiateThreaded(), 2, 4);
const kernels = { ...referenceKernels, ...backend.kernels } as Kernels;

/** A seeded generator of numbers in [-0.5, 0.5), from the shared test generator. */
function rng(seed: number): () => number {
  const generator = new Rng(seed);
  return () => generator.next() - 0.5;
}

describe('wasm backend, pthreads build', () => {
  it('reports its threads', () => {
    expect(backend.getNumThreads?.()).toBe(2);
    expect(backend.info().threading).toBe('pthreads (up to 4)');
  });

  it('split products match a naive product, in both precisions and with 2, 3 and 4 threads', () => {
    for (const threads of [2, 3, 4]) {
      backend.setNumThreads?.(threads);
      for (const [m, n, k] of [[130, 257, 129], [300, 97, 101]]) {
        const next = rng(m * n + threads);
        const A = Float64Array.from({ length: m * k }, next);
        const B = Float64Array.from({ length: k * n }, next);
        const C = Float64Array.from({ length: m * n }, next);
        const expected = C.map((c, idx) => {
          const i = idx % m;
          const j = Math.floor(idx / m);
          let s = 0;
          for (let p = 0; p < k; p++) s += A[i + p * m] * B[j + p * n];
          return 0.5 * c + 2 * s;
        });
        kernels.dgemm('N', 'T', m, n, k, 2, A, 1, m, 0, B, 1, n, 0, 0.5, C, 1, m, 0);
        let worst = 0;
        for (let i = 0; i < C.length; i++) worst = Math.max(worst, Math.abs(C[i] - expected[i]));
        expect(worst).toBeLessThan(1e-12);
        const A32 = Float32Array.from(A);
        const B32 = Float32Array.from(B);
        const C32 = new Float32Array(m * n);
        kernels.sgemm('N', 'T', m, n, k, 1, A32, 1, m, 0, B32, 1, n, 0, 0, C32, 1, m, 0);
        // Bound: k·eps·Σ|a||b| with |a|, |b| ≤ 1/2.
        const bound = k * 2 ** -23 * k * 0.25;
        let worst32 = 0;
        for (let idx = 0; idx < C32.length; idx++) {
          const i = idx % m;
          const j = Math.floor(idx / m);
          let s = 0;
          for (let p = 0; p < k; p++) s += A32[i + p * m] * B32[j + p * n];
          worst32 = Math.max(worst32, Math.abs(C32[idx] - s));
        }
        expect(worst32).toBeLessThan(bound);
      }
    }
    backend.setNumThreads?.(2);
  });

  it('an SVD whose rotation batches split over threads reconstructs with orthogonal factors', () => {
    for (const threads of [2, 3]) {
      backend.setNumThreads?.(threads);
      const n = 210;
      const A = Float64Array.from({ length: n * n }, rng(n + threads));
      const s = new Float64Array(n);
      const U = new Float64Array(n * n);
      const VT = new Float64Array(n * n);
      expect(kernels.dgesdd('A', n, n, A.slice(), n, 0, s, 0, U, n, 0, VT, n, 0)).toBe(0);
      // max |A - U·Σ·Vᵀ| and max |UᵀU - I|, |VVᵀ - I|.
      let residual = 0;
      let orthogonality = 0;
      for (let j = 0; j < n; j++) {
        for (let i = 0; i < n; i++) {
          let usv = 0;
          let utu = 0;
          let vvt = 0;
          for (let k = 0; k < n; k++) {
            usv += U[i + k * n] * s[k] * VT[k + j * n];
            utu += U[k + i * n] * U[k + j * n];
            vvt += VT[i + k * n] * VT[j + k * n];
          }
          residual = Math.max(residual, Math.abs(usv - A[i + j * n]));
          const id = i === j ? 1 : 0;
          orthogonality = Math.max(orthogonality, Math.abs(utu - id), Math.abs(vvt - id));
        }
      }
      expect(residual).toBeLessThan(1e-12);
      expect(orthogonality).toBeLessThan(1e-12);
    }
    backend.setNumThreads?.(2);
  });
});

blasConformance({ name: 'wasm-pthreads', kernels });
factorizationConformance({ name: 'wasm-pthreads', kernels });
