/**
 * The WebAssembly gemm on shapes that cross its cache blocks (K past one KC block, so later blocks
 * accumulate into C; M past MC; N past NC) and its register-tile edges, with C column-major (the
 * micro-kernel updates whole tiles in vectors) and row-major (every tile through the strided
 * update), against a naive product; and trmm's row-wise leaf (a right-side product with a
 * column-major B, as larfb forms W·T) across its column chunks.
 */
import { describe, expect, it } from 'vitest';
import { createWasmBackend, instantiate } from '@polyblas/backend-wasm';
import type { Kernels } from '@polyblas/contract';
import { Rng } from '../src/testing/util.js';

const kernels = createWasmBackend(await instantiate()).kernels as Kernels;

const SHAPES: readonly (readonly [number, number, number])[] = [
  [130, 9, 300], [261, 13, 37], [6, 1030, 257], [67, 35, 520],
];

describe('wasm gemm across cache blocks', () => {
  for (const precision of ['d', 's'] as const) {
    it(`${precision}gemm: column- and row-major C, beta 0, 1 and 0.5`, () => {
      const rng = new Rng(precision === 'd' ? 21 : 22);
      const random = (length: number) => {
        const a = precision === 'd' ? new Float64Array(length) : new Float32Array(length);
        for (let i = 0; i < length; i++) a[i] = rng.signed();
        return a;
      };
      const gemm = precision === 'd' ? kernels.dgemm : kernels.sgemm;
      const unit = precision === 'd' ? 2 ** -52 : 2 ** -23;
      SHAPES.forEach(([M, N, K], shape) => {
        const A = random(M * K);
        const B = random(K * N);
        for (const beta of [0, 1, 0.5]) {
          for (const rowMajorC of [false, true]) {
            const [c1, c2] = rowMajorC ? [N, 1] : [1, M];
            const C = random(M * N);
            const expected = Float64Array.from(C);
            for (let j = 0; j < N; j++) {
              for (let i = 0; i < M; i++) {
                let sum = 0;
                for (let p = 0; p < K; p++) sum += A[i + p * M] * B[p + j * K];
                const at = i * c1 + j * c2;
                expected[at] = 1.5 * sum + (beta === 0 ? 0 : beta * C[at]);
              }
            }
            (gemm as (...args: unknown[]) => void)('N', 'N', M, N, K, 1.5, A, 1, M, 0, B, 1, K, 0, beta, C, c1, c2, 0);
            let worst = 0;
            for (let i = 0; i < C.length; i++) worst = Math.max(worst, Math.abs(C[i] - expected[i]));
            // |sum| terms are at most 1 each: the error stays within a few K units of roundoff.
            expect(worst, `shape ${shape} beta ${beta} ${rowMajorC ? 'row' : 'column'}-major C`).toBeLessThan(4 * K * unit * 1.5 + 4 * unit);
          }
        }
      });
    });
  }
});

describe('wasm trmm with contiguous rows of B', () => {
  it('dtrmm right side, column-major B, every triangle, transpose and diagonal', () => {
    const rng = new Rng(23);
    for (const [M, N] of [[600, 32], [7, 13], [530, 5]] as const) {
      for (const uplo of ['L', 'U'] as const) for (const trans of ['N', 'T'] as const) for (const diag of ['N', 'U'] as const) {
        const alpha = rng.next() < 0.5 ? 1 : 0.7;
        // A: N x N column-major; entries outside the triangle (and a unit diagonal) are NaN.
        const A = new Float64Array(N * N);
        for (let j = 0; j < N; j++) {
          for (let i = 0; i < N; i++) {
            const inside = uplo === 'L' ? i > j : i < j;
            A[i + j * N] = i === j ? (diag === 'U' ? NaN : 1 + rng.next()) : inside ? rng.signed() : NaN;
          }
        }
        const op = (i: number, j: number) => {
          const [r, c] = trans === 'N' ? [i, j] : [j, i];
          if (r === c) return diag === 'U' ? 1 : A[r + c * N];
          return (uplo === 'L' ? r > c : r < c) ? A[r + c * N] : 0;
        };
        const B = Float64Array.from({ length: M * N }, () => rng.signed()); // column-major: (i, j) at i + j*M
        const expected = new Float64Array(M * N);
        for (let i = 0; i < M; i++) {
          for (let j = 0; j < N; j++) {
            let sum = 0;
            for (let k = 0; k < N; k++) sum += B[i + k * M] * op(k, j);
            expected[i + j * M] = alpha * sum;
          }
        }
        kernels.dtrmm('R', uplo, trans, diag, M, N, alpha, A, 1, N, 0, B, 1, M, 0);
        let worst = 0;
        for (let i = 0; i < B.length; i++) worst = Math.max(worst, Math.abs(B[i] - expected[i]));
        expect(worst, `M=${M} N=${N} ${uplo}${trans}${diag}`).toBeLessThan(1e-13);
      }
    }
  });
});
