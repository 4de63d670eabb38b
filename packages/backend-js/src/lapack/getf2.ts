/**
 * `getf2`: LU factorisation of a panel, by recursion on the columns.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';
import type { LapackContext } from './context.js';
import { laswp } from './laswp.js';

/**
 * LU factorisation with partial pivoting, A = P·L·U, of the M×N column-major A, as `getrf` but
 * without blocking: used for the panels of `getrf` and for small matrices.
 *
 * It splits the columns in halves (Toledo's recursive LU): factor the left half, apply its swaps
 * and L⁻¹ to the right half, update the rest with one gemm, factor it, and swap the left half's
 * lower rows. Most flops land in trsm and gemm even for a tall, narrow panel. `ipiv` (1-based,
 * min(M, N) entries) indexes rows of this A. Returns the first i (1-based) with U(i, i) exactly
 * zero, or 0; that column is left unscaled and the factorisation goes on.
 *
 * @example
 * ```ts
 * import { createLapackContext, getf2 } from '@polyblas/backend-js';
 * const ctx = createLapackContext('d');
 * const A = new Float64Array([1, 3, 2, 4]), ipiv = new Int32Array(2);
 * getf2(ctx, 2, 2, A, 2, 0, ipiv, 0); // 0; ipiv = [2, 2]; A = [3, 1/3, 4, 2/3]
 * ```
 */
export function getf2<T extends FloatArray>(
  ctx: LapackContext<T>, M: number, N: number, A: T, lda: number, offsetA: number, ipiv: Int32Array, offsetIpiv: number,
): number {
  if (M === 0 || N === 0) return 0;
  const { blas } = ctx;
  if (M === 1) {
    ipiv[offsetIpiv] = 1;
    return A[offsetA] === 0 ? 1 : 0;
  }
  if (N === 1) {
    const p = blas.iamax(M, A, 1, offsetA);
    ipiv[offsetIpiv] = p + 1;
    const pivot = A[offsetA + p];
    if (pivot === 0) return 1;
    if (p !== 0) {
      A[offsetA + p] = A[offsetA];
      A[offsetA] = pivot;
    }
    // 1/pivot overflows for a pivot below safmin: divide instead.
    if (Math.abs(pivot) >= ctx.safmin) blas.scal(M - 1, 1 / pivot, A, 1, offsetA + 1);
    else for (let i = 1; i < M; i++) A[offsetA + i] /= pivot;
    return 0;
  }
  const mn = Math.min(M, N);
  const n1 = mn >> 1;
  const n2 = N - n1;
  const right = offsetA + n1 * lda;
  // [A11; A21] = P1·[L11; L21]·U11
  const info1 = getf2(ctx, M, n1, A, lda, offsetA, ipiv, offsetIpiv);
  // [A12; A22] ← P1ᵀ·[A12; A22]; A12 ← L11⁻¹·A12; A22 ← A22 − A21·A12
  laswp(n2, A, lda, right, 0, n1, ipiv, offsetIpiv, 1);
  blas.trsm('L', 'L', 'N', 'U', n1, n2, 1, A, 1, lda, offsetA, A, 1, lda, right);
  blas.gemm('N', 'N', M - n1, n2, n1, -1, A, 1, lda, offsetA + n1, A, 1, lda, right, 1, A, 1, lda, right + n1);
  // A22 = P2·L22·U22, then the pivots become rows of this A and move A21's rows too.
  const info2 = getf2(ctx, M - n1, n2, A, lda, right + n1, ipiv, offsetIpiv + n1);
  for (let i = n1; i < mn; i++) ipiv[offsetIpiv + i] += n1;
  laswp(n1, A, lda, offsetA, n1, mn, ipiv, offsetIpiv, 1);
  if (info1 > 0) return info1;
  return info2 > 0 ? info2 + n1 : 0;
}
