/**
 * `getri`: inverse of a matrix from its LU factors.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';
import type { LapackContext } from './context.js';
import { trtri } from './trtri.js';

/** Columns of L⁻¹ solved for at once. */
const GETRI_BLOCK = 64;

/**
 * Overwrites the LU factors of the N×N A (from `getrf`) with A⁻¹ = U⁻¹·L⁻¹·Pᵀ. Returns i > 0
 * when U(i, i) is exactly zero (A is singular; A is then left with its factors), 0 otherwise.
 *
 * U is inverted in place ({@link trtri}); then X·L = U⁻¹ is solved for X from the last block
 * column to the first, with the needed part of L copied to workspace because X overwrites it
 * (gemm for the columns already solved, trsm for the unit lower diagonal block); finally the
 * columns are swapped back in reverse pivot order.
 *
 * @example
 * ```ts
 * import { createLapackContext, getrf, getri } from '@polyblas/backend-js';
 * const ctx = createLapackContext('d');
 * const A = new Float64Array([4, 2, 7, 6]), ipiv = new Int32Array(2); // [[4, 7], [2, 6]]
 * getrf(ctx, 2, 2, A, 2, 0, ipiv, 0);
 * getri(ctx, 2, A, 2, 0, ipiv, 0); // A = [0.6, -0.2, -0.7, 0.4]
 * ```
 */
export function getri<T extends FloatArray>(
  ctx: LapackContext<T>, N: number, A: T, lda: number, offsetA: number, ipiv: Int32Array, offsetIpiv: number,
): number {
  if (N === 0) return 0;
  const info = trtri(ctx, 'U', 'N', N, A, lda, offsetA);
  if (info > 0) return info;
  const { blas } = ctx;
  const nb = Math.min(GETRI_BLOCK, N);
  // work(i, c) for rows i of A and the c-th column of the current block: L's strict lower part.
  const { data: work, offset: w0 } = ctx.work(N * nb);
  const last = Math.floor((N - 1) / nb) * nb;
  for (let j = last; j >= 0; j -= nb) {
    const jb = Math.min(nb, N - j);
    for (let c = 0; c < jb; c++) {
      const col = offsetA + (j + c) * lda;
      for (let i = j + c + 1; i < N; i++) {
        work[w0 + i + c * N] = A[col + i];
        A[col + i] = 0;
      }
    }
    // X(:, j:j+jb) = (U⁻¹(:, j:j+jb) − X(:, j+jb:)·L(j+jb:, j:j+jb))·L(j:j+jb, j:j+jb)⁻¹
    if (j + jb < N) {
      blas.gemm('N', 'N', N, jb, N - j - jb, -1, A, 1, lda, offsetA + (j + jb) * lda, work, 1, N, w0 + j + jb, 1,
        A, 1, lda, offsetA + j * lda);
    }
    blas.trsm('R', 'L', 'N', 'U', N, jb, 1, work, 1, N, w0 + j, A, 1, lda, offsetA + j * lda);
  }
  // A⁻¹ = X·Pᵀ: undo the row swaps of P as column swaps, last first.
  for (let j = N - 2; j >= 0; j--) {
    const p = ipiv[offsetIpiv + j] - 1;
    if (p !== j) blas.swap(N, A, 1, offsetA + j * lda, A, 1, offsetA + p * lda);
  }
  return 0;
}
