/**
 * `potrs`: solves a linear system with the Cholesky factor from `potrf`.
 *
 * @module
 */
import type { FloatArray, Uplo } from '@polyblas/contract';
import type { LapackContext } from './context.js';

/**
 * Solves A·X = B for the symmetric positive definite N×N A factored by `potrf` (L·Lᵀ or Uᵀ·U in
 * the `uplo` triangle of A); the N×nrhs B is overwritten by X with two triangular solves (trsm).
 * Always returns 0.
 *
 * @example
 * ```ts
 * import { createLapackContext } from '@polyblas/backend-js';
 * import { potrf } from './potrf.js'; // internal; the public kernel is lapackKernels.dpotrf
 * import { potrs } from './potrs.js'; // internal; the public kernel is lapackKernels.dpotrs
 * const ctx = createLapackContext('d');
 * const A = new Float64Array([4, 2, 2, 5]);
 * potrf(ctx, 'L', 2, A, 2, 0);
 * const b = new Float64Array([8, 12]); // [[4, 2], [2, 5]]·[1, 2]
 * potrs(ctx, 'L', 2, 1, A, 2, 0, b, 2, 0); // b = [1, 2]
 * ```
 */
export function potrs<T extends FloatArray>(
  ctx: LapackContext<T>, uplo: Uplo, N: number, nrhs: number, A: T, lda: number, offsetA: number,
  B: T, ldb: number, offsetB: number,
): number {
  if (N === 0 || nrhs === 0) return 0;
  const { blas } = ctx;
  const first = uplo === 'L' ? 'N' : 'T';
  const second = uplo === 'L' ? 'T' : 'N';
  blas.trsm('L', uplo, first, 'N', N, nrhs, 1, A, 1, lda, offsetA, B, 1, ldb, offsetB);
  blas.trsm('L', uplo, second, 'N', N, nrhs, 1, A, 1, lda, offsetA, B, 1, ldb, offsetB);
  return 0;
}
