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
 * import { createLapackContext } from '@polyblas/backend-js';
 * import { trtri } from './trtri.js'; // internal, not exported by @polyblas/backend-js
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
 * matrix-vector product written out here because the block is small, four columns of the
 * inverse at a time (one load and store of the column per four).
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
      // x = A(0:j, j) ← inv(A(0:j, 0:j))·x by columns of the inverse, four at a time: they add to
      // the rows above them, then their own rows take the 4×4 triangle (x there is still original).
      let k = 0;
      for (; k + 3 < j; k += 4) {
        const c0 = offsetA + k * lda;
        const c1 = c0 + lda;
        const c2 = c1 + lda;
        const c3 = c2 + lda;
        const x0 = A[col + k];
        const x1 = A[col + k + 1];
        const x2 = A[col + k + 2];
        const x3 = A[col + k + 3];
        for (let i = 0; i < k; i++) A[col + i] += A[c0 + i] * x0 + A[c1 + i] * x1 + A[c2 + i] * x2 + A[c3 + i] * x3;
        const k1 = k + 1;
        const k2 = k + 2;
        const k3 = k + 3;
        A[col + k] = (unit ? x0 : A[c0 + k] * x0) + A[c1 + k] * x1 + A[c2 + k] * x2 + A[c3 + k] * x3;
        A[col + k1] = (unit ? x1 : A[c1 + k1] * x1) + A[c2 + k1] * x2 + A[c3 + k1] * x3;
        A[col + k2] = (unit ? x2 : A[c2 + k2] * x2) + A[c3 + k2] * x3;
        A[col + k3] = unit ? x3 : A[c3 + k3] * x3;
      }
      for (; k < j; k++) {
        const ck = offsetA + k * lda;
        const t = A[col + k];
        for (let i = 0; i < k; i++) A[col + i] += t * A[ck + i];
        A[col + k] = unit ? t : t * A[ck + k];
      }
      for (let i = 0; i < j; i++) A[col + i] *= minusAjj;
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
      // x = A(j+1:N, j), the same from the bottom up: columns of the inverse add to the rows below
      // them, then their own rows take the 4×4 triangle.
      let k = N - 4;
      for (; k > j; k -= 4) {
        const c0 = offsetA + k * lda;
        const c1 = c0 + lda;
        const c2 = c1 + lda;
        const c3 = c2 + lda;
        const x0 = A[col + k];
        const x1 = A[col + k + 1];
        const x2 = A[col + k + 2];
        const x3 = A[col + k + 3];
        for (let i = k + 4; i < N; i++) A[col + i] += A[c0 + i] * x0 + A[c1 + i] * x1 + A[c2 + i] * x2 + A[c3 + i] * x3;
        const k1 = k + 1;
        const k2 = k + 2;
        const k3 = k + 3;
        A[col + k3] = (unit ? x3 : A[c3 + k3] * x3) + A[c0 + k3] * x0 + A[c1 + k3] * x1 + A[c2 + k3] * x2;
        A[col + k2] = (unit ? x2 : A[c2 + k2] * x2) + A[c0 + k2] * x0 + A[c1 + k2] * x1;
        A[col + k1] = (unit ? x1 : A[c1 + k1] * x1) + A[c0 + k1] * x0;
        A[col + k] = unit ? x0 : A[c0 + k] * x0;
      }
      for (k += 3; k > j; k--) {
        const ck = offsetA + k * lda;
        const t = A[col + k];
        for (let i = k + 1; i < N; i++) A[col + i] += t * A[ck + i];
        A[col + k] = unit ? t : t * A[ck + k];
      }
      for (let i = j + 1; i < N; i++) A[col + i] *= minusAjj;
    }
  }
}
