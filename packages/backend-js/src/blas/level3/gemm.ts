/**
 * General matrix multiply.
 *
 * @module
 */
import type { FloatArray, Trans } from '@polyblas/contract';

/**
 * `gemm`: C ← α·op(A)·op(B) + β·C, with op(A) M×K, op(B) K×N and C M×N.
 * When β is 0, C is not read; when α is 0 or K is 0, A and B are not read.
 * Element (i,j) of A is `A[offsetA + i*strideA1 + j*strideA2]` (likewise B and C); strides may be
 * negative, so row-major, column-major and transposed or reversed views are all accepted.
 *
 * @example
 * ```ts
 * import { gemm } from '@polyblas/backend-js';
 * const A = new Float64Array([1, 2, 3, 4]), B = new Float64Array([5, 6, 7, 8]);
 * const C = new Float64Array(4);
 * gemm('N', 'N', 2, 2, 2, 1, A, 2, 1, 0, B, 2, 1, 0, 0, C, 2, 1, 0); // C = [19, 22, 43, 50]
 * ```
 */
export function gemm<T extends FloatArray>(
  transA: Trans, transB: Trans, M: number, N: number, K: number, alpha: number,
  A: T, strideA1: number, strideA2: number, offsetA: number,
  B: T, strideB1: number, strideB2: number, offsetB: number, beta: number,
  C: T, strideC1: number, strideC2: number, offsetC: number,
): void {
  if (M <= 0 || N <= 0) return;
  // op(X) is X with its two strides swapped.
  const sAi = transA === 'N' ? strideA1 : strideA2;
  const sAk = transA === 'N' ? strideA2 : strideA1;
  const sBk = transB === 'N' ? strideB1 : strideB2;
  const sBj = transB === 'N' ? strideB2 : strideB1;
  const skipProduct = alpha === 0 || K <= 0;
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < N; j++) {
      let sum = 0;
      if (!skipProduct) {
        let a = offsetA + i * sAi;
        let b = offsetB + j * sBj;
        for (let k = 0; k < K; k++) {
          sum += A[a]! * B[b]!;
          a += sAk;
          b += sBk;
        }
        sum *= alpha;
      }
      const c = offsetC + i * strideC1 + j * strideC2;
      C[c] = beta === 0 ? sum : beta === 1 ? C[c]! + sum : beta * C[c]! + sum;
    }
  }
}
