/**
 * `potrf`: Cholesky factorisation by recursive blocking.
 *
 * @module
 */
import type { FloatArray, Uplo } from '@polyblas/contract';
import type { LapackContext } from './context.js';
import { potf2 } from './potf2.js';

/**
 * Orders at or below this are factored by the unblocked {@link potf2}; the recursion of
 * {@link potrf} splits larger ones at multiples of it.
 *
 * @example
 * ```ts
 * import { POTRF_BLOCK } from './potrf.js'; // internal, not exported by @polyblas/backend-js
 * POTRF_BLOCK; // 48
 * ```
 */
export const POTRF_BLOCK = 48;

/**
 * Cholesky factorisation A = L·Lᵀ (`'L'`) or Uᵀ·U (`'U'`) of the symmetric positive definite N×N
 * column-major A (see the contract's `Potrf`); only the `uplo` triangle is read and overwritten.
 * Returns the order of the first leading minor that is not positive definite (the factorisation
 * stops there), or 0.
 *
 * Recursive: with A split into halves, factor A11, solve for the off-diagonal block (one trsm),
 * update A22 (one syrk) and factor it. Almost all the flops land in large trsm and syrk calls.
 *
 * @example
 * ```ts
 * import { createLapackContext } from '@polyblas/backend-js';
 * import { potrf } from './potrf.js'; // internal; the public kernel is lapackKernels.dpotrf
 * const ctx = createLapackContext('d');
 * const A = new Float64Array([4, 2, 2, 5]);
 * potrf(ctx, 'L', 2, A, 2, 0); // 0; lower triangle = [[2, 0], [1, 2]]
 * ```
 */
export function potrf<T extends FloatArray>(
  ctx: LapackContext<T>, uplo: Uplo, N: number, A: T, lda: number, offsetA: number,
): number {
  if (N <= POTRF_BLOCK) return potf2(ctx, uplo, N, A, lda, offsetA);
  const { blas } = ctx;
  // A multiple of the base block for n1 keeps the leaves full-sized.
  const n1 = Math.max(POTRF_BLOCK, Math.floor(N / 2 / POTRF_BLOCK) * POTRF_BLOCK);
  const n2 = N - n1;
  const info = potrf(ctx, uplo, n1, A, lda, offsetA);
  if (info > 0) return info;
  const a22 = offsetA + n1 * (lda + 1);
  if (uplo === 'L') {
    // L21 = A21·L11⁻ᵀ;  A22 ← A22 − L21·L21ᵀ
    const a21 = offsetA + n1;
    blas.trsm('R', 'L', 'T', 'N', n2, n1, 1, A, 1, lda, offsetA, A, 1, lda, a21);
    blas.syrk('L', 'N', n2, n1, -1, A, 1, lda, a21, 1, A, 1, lda, a22);
  } else {
    // U12 = U11⁻ᵀ·A12;  A22 ← A22 − U12ᵀ·U12
    const a12 = offsetA + n1 * lda;
    blas.trsm('L', 'U', 'T', 'N', n1, n2, 1, A, 1, lda, offsetA, A, 1, lda, a12);
    blas.syrk('U', 'T', n2, n1, -1, A, 1, lda, a12, 1, A, 1, lda, a22);
  }
  const info2 = potrf(ctx, uplo, n2, A, lda, a22);
  return info2 > 0 ? info2 + n1 : 0;
}
