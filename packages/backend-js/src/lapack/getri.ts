/**
 * `getri`: inverse of a matrix from its LU factors.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';
import type { LapackContext } from './context.js';
import { trtri } from './trtri.js';

/** Columns of the inverse solved for at once (one gemm per block). */
const GETRI_BLOCK = 64;

/**
 * Overwrites the LU factors of the N×N A (from `getrf`) with A⁻¹ = U⁻¹·L⁻¹·Pᵀ. Returns i > 0
 * when U(i, i) is exactly zero (A is singular; A is then left with its factors), 0 otherwise.
 *
 * U is inverted in place ({@link trtri}); then X·L = U⁻¹ is solved for X from the last block
 * column to the first, with the needed part of L copied to workspace because X overwrites it:
 * one gemm subtracts the columns already solved, then the block's own columns are solved from
 * its last to its first (L's diagonal block is unit lower triangular, so each column is an
 * update by the columns after it in the block, taken four at a time). Finally the columns are swapped back in reverse
 * pivot order. Up to {@link GETRI_BLOCK} columns there is a single block and no gemm.
 *
 * @example
 * ```ts
 * import { createLapackContext } from '@polyblas/backend-js';
 * import { getrf } from './getrf.js'; // internal; the public kernel is lapackKernels.dgetrf
 * import { getri } from './getri.js'; // internal; the public kernel is lapackKernels.dgetri
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
  const nb = Math.min(GETRI_BLOCK, N);
  // work(i, c) for rows i of A and the c-th column of the current block: L's strict lower part.
  const { data: work, offset: w0 } = ctx.work(N * nb);
  const last = Math.floor((N - 1) / nb) * nb;
  for (let j = last; j >= 0; j -= nb) {
    const jb = Math.min(nb, N - j);
    for (let c = 0; c < jb; c++) {
      const col = offsetA + (j + c) * lda;
      for (let i = j + c + 1, w = w0 + i + c * N; i < N; i++, w++) {
        work[w] = A[col + i];
        A[col + i] = 0;
      }
    }
    // X(:, j:j+jb) = (U⁻¹(:, j:j+jb) − X(:, j+jb:)·L(j+jb:, j:j+jb))·L(j:j+jb, j:j+jb)⁻¹
    if (j + jb < N) {
      ctx.blas.gemm('N', 'N', N, jb, N - j - jb, -1, A, 1, lda, offsetA + (j + jb) * lda, work, 1, N, w0 + j + jb, 1,
        A, 1, lda, offsetA + j * lda);
    }
    for (let c = jb - 2; c >= 0; c--) {
      // X(:, j+c) −= X(:, i)·L(i, j+c) for the block's columns i after j+c, four at a time (each
      // pass loads and stores the target column once).
      const target = offsetA + (j + c) * lda;
      const end = target + N;
      const l = w0 + c * N;
      let i = j + c + 1;
      for (; i + 3 < j + jb; i += 4) {
        const l0 = work[l + i], l1 = work[l + i + 1], l2 = work[l + i + 2], l3 = work[l + i + 3];
        const d0 = offsetA + i * lda - target, d1 = d0 + lda, d2 = d1 + lda, d3 = d2 + lda;
        for (let t = target; t < end; t++) A[t] -= l0 * A[t + d0] + l1 * A[t + d1] + l2 * A[t + d2] + l3 * A[t + d3];
      }
      for (; i < j + jb; i++) {
        const li = work[l + i];
        const d = offsetA + i * lda - target;
        for (let t = target; t < end; t++) A[t] -= li * A[t + d];
      }
    }
  }
  // A⁻¹ = X·Pᵀ: undo the row swaps of P as column swaps, last first.
  for (let j = N - 2; j >= 0; j--) {
    const p = ipiv[offsetIpiv + j] - 1;
    if (p === j) continue;
    for (let r = 0, a = offsetA + j * lda, b = offsetA + p * lda; r < N; r++) {
      const t = A[a + r];
      A[a + r] = A[b + r];
      A[b + r] = t;
    }
  }
  return 0;
}
