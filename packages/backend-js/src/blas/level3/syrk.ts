/**
 * Level 3: symmetric rank-k update.
 *
 * @module
 */
import type { FloatArray, Trans, Uplo } from '@polyblas/contract';
import { gemm } from './gemm.js';

/** Diagonal blocks up to this order are computed by plain loops; larger ones split in two. */
const BLOCK = 32;

/**
 * `syrk`: C ← α·A·Aᵀ + β·C (trans `'N'`, A N×K) or C ← α·Aᵀ·A + β·C (trans `'T'`, A K×N). Only the
 * `uplo` triangle of the N×N C is read and written. When β is 0, C is not read; when α is 0 or K
 * is 0, A is not read.
 *
 * Reduced to the lower triangle of α·A·Aᵀ (the upper triangle of C is the lower triangle of Cᵀ,
 * and Aᵀ·A is A·Aᵀ for the transposed view), then split recursively: two half-size triangles and
 * one `gemm` for the off-diagonal block; the smallest diagonal blocks also go through `gemm`.
 *
 * @example
 * ```ts
 * import { blasKernels } from '@polyblas/backend-js';
 * const syrk = blasKernels.dsyrk;
 * const A = new Float64Array([1, 2]), C = new Float64Array(1);
 * syrk('L', 'N', 1, 2, 1, A, 2, 1, 0, 0, C, 1, 1, 0); // C = [5]
 * ```
 */
export function syrk<T extends FloatArray>(
  uplo: Uplo, trans: Trans, N: number, K: number, alpha: number,
  A: T, strideA1: number, strideA2: number, offsetA: number, beta: number,
  C: T, strideC1: number, strideC2: number, offsetC: number,
): void {
  if (N <= 0) return;
  const a1 = trans === 'N' ? strideA1 : strideA2;
  const a2 = trans === 'N' ? strideA2 : strideA1;
  const c1 = uplo === 'L' ? strideC1 : strideC2;
  const c2 = uplo === 'L' ? strideC2 : strideC1;
  if (alpha === 0 || K <= 0) {
    if (beta === 1) return;
    for (let j = 0; j < N; j++) {
      for (let i = j, ic = offsetC + j * (c1 + c2); i < N; i++, ic += c1) C[ic] = beta === 0 ? 0 : beta * C[ic];
    }
    return;
  }
  updateLower(N, K, alpha, A, a1, a2, offsetA, beta, C, c1, c2, offsetC);
}

/** Lower triangle of C (n×n) ← α·A·Aᵀ + β·C with A n×k. */
function updateLower<T extends FloatArray>(
  n: number, k: number, alpha: number,
  A: T, a1: number, a2: number, oa: number, beta: number,
  C: T, c1: number, c2: number, oc: number,
): void {
  if (n <= BLOCK) {
    updateSmall(n, k, alpha, A, a1, a2, oa, beta, C, c1, c2, oc);
    return;
  }
  const n1 = BLOCK * Math.ceil(n / BLOCK / 2);
  const n2 = n - n1;
  updateLower(n1, k, alpha, A, a1, a2, oa, beta, C, c1, c2, oc);
  // C21 ← α·A2·A1ᵀ + β·C21: A1ᵀ is A1 read with swapped strides.
  gemm('N', 'N', n2, n1, k, alpha, A, a1, a2, oa + n1 * a1, A, a2, a1, oa, beta, C, c1, c2, oc + n1 * c1);
  updateLower(n2, k, alpha, A, a1, a2, oa + n1 * a1, beta, C, c1, c2, oc + n1 * (c1 + c2));
}

/**
 * A small diagonal block: the full square α·A·Aᵀ goes to `gemm` in a scratch buffer (twice the
 * needed products, but at matrix-multiply speed), and its lower triangle is merged into C.
 */
function updateSmall<T extends FloatArray>(
  n: number, k: number, alpha: number,
  A: T, a1: number, a2: number, oa: number, beta: number,
  C: T, c1: number, c2: number, oc: number,
): void {
  const square = new Float64Array(n * n);
  gemm<FloatArray>('N', 'N', n, n, k, alpha, A, a1, a2, oa, A, a2, a1, oa, 0, square, 1, n, 0);
  for (let j = 0; j < n; j++) {
    for (let i = j, ic = oc + j * (c1 + c2), is = j * (n + 1); i < n; i++, ic += c1, is++) {
      C[ic] = beta === 0 ? square[is] : square[is] + beta * C[ic];
    }
  }
}
