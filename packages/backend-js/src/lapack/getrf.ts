/**
 * `getrf`: blocked LU factorisation with partial pivoting.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';
import type { LapackContext } from './context.js';
import { getf2 } from './getf2.js';
import { laswp } from './laswp.js';

/**
 * Panel width of {@link getrf}: matrices with min(M, N) up to this are factored by {@link getf2}
 * alone; larger ones get rank-`GETRF_BLOCK` gemm updates of the trailing matrix.
 *
 * @example
 * ```ts
 * import { GETRF_BLOCK } from './getrf.js'; // internal, not exported by @polyblas/backend-js
 * GETRF_BLOCK; // 128
 * ```
 */
export const GETRF_BLOCK = 128;

/**
 * LU factorisation with partial pivoting, A = P·L·U, of the M×N column-major A (see the
 * contract's `Getrf`): L (unit diagonal, not stored) below the diagonal, U on and above it,
 * `ipiv` 1-based. Returns the first i with U(i, i) exactly zero (the factorisation is complete),
 * or 0.
 *
 * Right-looking and blocked: each panel of {@link GETRF_BLOCK} columns is factored by
 * {@link getf2}; its swaps are applied to both sides, then the block row of U comes from one trsm
 * and the trailing matrix from one gemm.
 *
 * @example
 * ```ts
 * import { createLapackContext } from '@polyblas/backend-js';
 * import { getrf } from './getrf.js'; // internal; the public kernel is lapackKernels.dgetrf
 * const ctx = createLapackContext('d');
 * const A = new Float64Array([1, 3, 2, 4]), ipiv = new Int32Array(2);
 * getrf(ctx, 2, 2, A, 2, 0, ipiv, 0); // 0; ipiv = [2, 2]
 * ```
 */
export function getrf<T extends FloatArray>(
  ctx: LapackContext<T>, M: number, N: number, A: T, lda: number, offsetA: number, ipiv: Int32Array, offsetIpiv: number,
): number {
  const mn = Math.min(M, N);
  if (mn <= GETRF_BLOCK) return getf2(ctx, M, N, A, lda, offsetA, ipiv, offsetIpiv);
  const { blas } = ctx;
  let info = 0;
  for (let j = 0; j < mn; j += GETRF_BLOCK) {
    const jb = Math.min(GETRF_BLOCK, mn - j);
    const diag = offsetA + j + j * lda;
    const panelInfo = getf2(ctx, M - j, jb, A, lda, diag, ipiv, offsetIpiv + j);
    if (info === 0 && panelInfo > 0) info = panelInfo + j;
    for (let i = j; i < j + jb; i++) ipiv[offsetIpiv + i] += j;
    laswp(j, A, lda, offsetA, j, j + jb, ipiv, offsetIpiv, 1);
    const rest = N - j - jb;
    if (rest > 0) {
      const right = offsetA + (j + jb) * lda;
      laswp(rest, A, lda, right, j, j + jb, ipiv, offsetIpiv, 1);
      blas.trsm('L', 'L', 'N', 'U', jb, rest, 1, A, 1, lda, diag, A, 1, lda, right + j);
      if (M > j + jb) {
        blas.gemm('N', 'N', M - j - jb, rest, jb, -1, A, 1, lda, diag + jb, A, 1, lda, right + j, 1, A, 1, lda, right + j + jb);
      }
    }
  }
  return info;
}
