/**
 * `trtri`: inverse of a triangular matrix, in place.
 *
 * @module
 */
import type { Diag, FloatArray, Uplo } from '@polyblas/contract';
import type { LapackContext } from './context.js';

/** Diagonal blocks inverted by the unblocked loop; the rest is trmm and trsm. */
const TRTRI_BLOCK = 64;

/**
 * Overwrites the `uplo` triangle of the N×N column-major A with its inverse (the other triangle
 * is not referenced; with diag `'U'` the diagonal is taken as 1 and not referenced either).
 * Returns i > 0 when A(i, i) (1-based) is exactly zero, leaving A unchanged; 0 otherwise.
 *
 * Blocked by columns: with the part already inverted, a block column of the inverse is one trmm
 * and one trsm, then its diagonal block is inverted column by column.
 *
 * @example
 * ```ts
 * import { createLapackContext, trtri } from '@polyblas/backend-js';
 * const ctx = createLapackContext('d');
 * const A = new Float64Array([2, 0, 1, 4]); // upper [[2, 1], [0, 4]]
 * trtri(ctx, 'U', 'N', 2, A, 2, 0); // 0; A = [0.5, 0, -0.125, 0.25]
 * ```
 */
export function trtri<T extends FloatArray>(
  ctx: LapackContext<T>, uplo: Uplo, diag: Diag, N: number, A: T, lda: number, offsetA: number,
): number {
  if (diag === 'N') {
    for (let i = 0; i < N; i++) if (A[offsetA + i * (lda + 1)] === 0) return i + 1;
  }
  const { blas } = ctx;
  const at = (i: number, j: number) => offsetA + i + j * lda;
  if (uplo === 'U') {
    for (let j = 0; j < N; j += TRTRI_BLOCK) {
      const jb = Math.min(TRTRI_BLOCK, N - j);
      // A(0:j, j:j+jb) ← −inv(A(0:j, 0:j))·A(0:j, j:j+jb)·inv(A(j:j+jb, j:j+jb))
      if (j > 0) {
        blas.trmm('L', 'U', 'N', diag, j, jb, 1, A, 1, lda, offsetA, A, 1, lda, at(0, j));
        blas.trsm('R', 'U', 'N', diag, j, jb, -1, A, 1, lda, at(j, j), A, 1, lda, at(0, j));
      }
      invertDiagonalBlock(uplo, diag, jb, A, lda, at(j, j));
    }
  } else {
    const last = Math.floor((N - 1) / TRTRI_BLOCK) * TRTRI_BLOCK;
    for (let j = last; j >= 0; j -= TRTRI_BLOCK) {
      const jb = Math.min(TRTRI_BLOCK, N - j);
      const below = N - j - jb;
      if (below > 0) {
        blas.trmm('L', 'L', 'N', diag, below, jb, 1, A, 1, lda, at(j + jb, j + jb), A, 1, lda, at(j + jb, j));
        blas.trsm('R', 'L', 'N', diag, below, jb, -1, A, 1, lda, at(j, j), A, 1, lda, at(j + jb, j));
      }
      invertDiagonalBlock(uplo, diag, jb, A, lda, at(j, j));
    }
  }
  return 0;
}

/**
 * Unblocked inverse of an N×N triangular block with non-zero diagonal (LAPACK's trti2): column j
 * of the inverse is −inv(T(j, j))·(the inverse found so far)·(column j of T), a triangular
 * matrix-vector product written out here because the block is small. It runs by rows (dot
 * products), in the order that reads each entry of the column before overwriting it.
 */
function invertDiagonalBlock<T extends FloatArray>(uplo: Uplo, diag: Diag, N: number, A: T, lda: number, offsetA: number): void {
  const unit = diag === 'U';
  if (uplo === 'U') {
    for (let j = 0; j < N; j++) {
      const col = offsetA + j * lda;
      let minusAjj = -1;
      if (!unit) {
        const inverse = 1 / A[col + j];
        A[col + j] = inverse;
        minusAjj = -inverse;
      }
      // A(i, j) for i < j, top down: row i of the inverse times A(i:j, j), which is still original.
      for (let i = 0; i < j; i++) {
        const ii = offsetA + i * (lda + 1);
        let sum = unit ? A[col + i] : A[ii] * A[col + i];
        for (let k = i + 1, a = ii + lda; k < j; k++, a += lda) sum += A[a] * A[col + k];
        A[col + i] = minusAjj * sum;
      }
    }
  } else {
    for (let j = N - 1; j >= 0; j--) {
      const col = offsetA + j * lda;
      let minusAjj = -1;
      if (!unit) {
        const inverse = 1 / A[col + j];
        A[col + j] = inverse;
        minusAjj = -inverse;
      }
      // A(i, j) for i > j, bottom up: row i of the inverse times A(j+1:i+1, j).
      for (let i = N - 1; i > j; i--) {
        const ii = offsetA + i * (lda + 1);
        let sum = unit ? A[col + i] : A[ii] * A[col + i];
        for (let k = j + 1, a = offsetA + i + k * lda; k < i; k++, a += lda) sum += A[a] * A[col + k];
        A[col + i] = minusAjj * sum;
      }
    }
  }
}
