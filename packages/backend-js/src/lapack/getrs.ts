/**
 * `getrs`: solves a linear system with the LU factors from `getrf`.
 *
 * @module
 */
import type { FloatArray, Trans } from '@polyblas/contract';
import type { LapackContext } from './context.js';
import { laswp } from './laswp.js';

/**
 * Solves op(A)·X = B for the N×N A factored by `getrf` (P·L·U in `A`, pivots in `ipiv`); the
 * N×nrhs B is overwritten by X. `'N'`: X = U⁻¹·L⁻¹·Pᵀ·B; `'T'`: X = P·L⁻ᵀ·U⁻ᵀ·B. A singular U
 * gives Infinity or NaN (check getrf's info first). Always returns 0.
 *
 * @example
 * ```ts
 * import { createLapackContext } from '@polyblas/backend-js';
 * import { getrf } from './getrf.js'; // internal; the public kernel is lapackKernels.dgetrf
 * import { getrs } from './getrs.js'; // internal; the public kernel is lapackKernels.dgetrs
 * const ctx = createLapackContext('d');
 * const A = new Float64Array([1, 3, 2, 4]), ipiv = new Int32Array(2);
 * getrf(ctx, 2, 2, A, 2, 0, ipiv, 0);
 * const b = new Float64Array([5, 11]); // [[1, 2], [3, 4]]·[1, 2]
 * getrs(ctx, 'N', 2, 1, A, 2, 0, ipiv, 0, b, 2, 0); // b = [1, 2]
 * ```
 */
export function getrs<T extends FloatArray>(
  ctx: LapackContext<T>, trans: Trans, N: number, nrhs: number, A: T, lda: number, offsetA: number,
  ipiv: Int32Array, offsetIpiv: number, B: T, ldb: number, offsetB: number,
): number {
  if (N === 0 || nrhs === 0) return 0;
  const { blas } = ctx;
  if (trans === 'N') {
    laswp(nrhs, B, ldb, offsetB, 0, N, ipiv, offsetIpiv, 1);
    blas.trsm('L', 'L', 'N', 'U', N, nrhs, 1, A, 1, lda, offsetA, B, 1, ldb, offsetB);
    blas.trsm('L', 'U', 'N', 'N', N, nrhs, 1, A, 1, lda, offsetA, B, 1, ldb, offsetB);
  } else {
    blas.trsm('L', 'U', 'T', 'N', N, nrhs, 1, A, 1, lda, offsetA, B, 1, ldb, offsetB);
    blas.trsm('L', 'L', 'T', 'U', N, nrhs, 1, A, 1, lda, offsetA, B, 1, ldb, offsetB);
    laswp(nrhs, B, ldb, offsetB, 0, N, ipiv, offsetIpiv, -1);
  }
  return 0;
}
