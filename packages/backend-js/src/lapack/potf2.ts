/**
 * `potf2`: unblocked Cholesky factorisation.
 *
 * @module
 */
import type { FloatArray, Uplo } from '@polyblas/contract';
import type { LapackContext } from './context.js';

/**
 * Cholesky factorisation A = L·Lᵀ (`'L'`) or Uᵀ·U (`'U'`) of the symmetric N×N column-major A,
 * one column (row) at a time: the diagonal from a dot product, the rest of the column from a
 * gemv. Only the `uplo` triangle is read and written. Returns the order i (1-based) of the first
 * leading minor that is not positive definite (its pivot is ≤ 0 or NaN; A(i, i) then holds that
 * pivot and the factorisation stops), or 0.
 *
 * @example
 * ```ts
 * import { createLapackContext } from '@polyblas/backend-js';
 * import { potf2 } from './potf2.js'; // internal, not exported by @polyblas/backend-js
 * const ctx = createLapackContext('d');
 * const A = new Float64Array([4, 2, 2, 5]);
 * potf2(ctx, 'L', 2, A, 2, 0); // 0; lower triangle = [[2, 0], [1, 2]]
 * ```
 */
export function potf2<T extends FloatArray>(
  ctx: LapackContext<T>, uplo: Uplo, N: number, A: T, lda: number, offsetA: number,
): number {
  const { blas } = ctx;
  // Lower: row j of L to the left of the diagonal is (stride lda); the column below is (stride 1).
  // Upper: the same with the roles of the strides exchanged, so one loop serves both.
  const along = uplo === 'L' ? lda : 1; // step along the factored part of row/column j
  const across = uplo === 'L' ? 1 : lda; // step into the part still to be computed
  for (let j = 0; j < N; j++) {
    const jj = offsetA + j * (lda + 1);
    const start = offsetA + j * across; // (j, 0) for 'L', (0, j) for 'U'
    const pivot = A[jj] - blas.dot(j, A, along, start, A, along, start);
    if (!(pivot > 0)) {
      A[jj] = pivot;
      return j + 1;
    }
    const ajj = Math.sqrt(pivot);
    A[jj] = ajj;
    const rest = N - j - 1;
    if (rest > 0) {
      // 'L': A(j+1:, j) −= A(j+1:, 0:j)·A(j, 0:j)ᵀ;  'U': A(j, j+1:) −= A(0:j, j)ᵀ·A(0:j, j+1:)
      if (j > 0) {
        blas.gemv('N', rest, j, -1, A, across, along, start + across, A, along, start, 1, A, across, jj + across);
      }
      blas.scal(rest, 1 / ajj, A, across, jj + across);
    }
  }
  return 0;
}
