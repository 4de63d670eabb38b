/**
 * `getf2`: LU factorisation of a panel: a column loop for narrow panels, recursion on the columns
 * for wide ones.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';
import type { LapackContext } from './context.js';
import { laswp } from './laswp.js';

/**
 * Panels with min(M, N) up to this are factored by the column loop (left-looking LU); larger
 * ones are split in halves. Up to here the loop beats the split's trsm and gemm calls, and a
 * 32-column panel of a tall matrix still stays in the L2 cache.
 *
 * @example
 * ```ts
 * import { GETF2_LEAF } from './getf2.js'; // internal, not exported by @polyblas/backend-js
 * GETF2_LEAF; // 32
 * ```
 */
export const GETF2_LEAF = 32;

/**
 * LU factorisation with partial pivoting, A = P·L·U, of the M×N column-major A, as `getrf` but
 * without blocking: used for the panels of `getrf` and for small matrices.
 *
 * Panels with min(M, N) up to {@link GETF2_LEAF} are factored column by column, left-looking:
 * each column is brought up to date with the columns before it (four at a time), then its pivot
 * is the largest entry on or below the diagonal, its row is swapped and the column below the
 * pivot scaled. Larger panels are split in halves (Toledo's recursive LU): factor the left half,
 * apply its swaps and L⁻¹ to the right half, update the rest with one gemm, factor it, and swap
 * the left half's lower rows, so most flops of a tall, wide panel land in trsm and gemm. `ipiv`
 * (1-based, min(M, N) entries) indexes rows of this A. Returns the first i (1-based) with
 * U(i, i) exactly zero, or 0; that column is left unscaled and the factorisation goes on.
 *
 * @example
 * ```ts
 * import { createLapackContext } from '@polyblas/backend-js';
 * import { getf2 } from './getf2.js'; // internal, not exported by @polyblas/backend-js
 * const ctx = createLapackContext('d');
 * const A = new Float64Array([1, 3, 2, 4]), ipiv = new Int32Array(2);
 * getf2(ctx, 2, 2, A, 2, 0, ipiv, 0); // 0; ipiv = [2, 2]; A = [3, 1/3, 4, 2/3]
 * ```
 */
export function getf2<T extends FloatArray>(
  ctx: LapackContext<T>, M: number, N: number, A: T, lda: number, offsetA: number, ipiv: Int32Array, offsetIpiv: number,
): number {
  if (M === 0 || N === 0) return 0;
  const mn = Math.min(M, N);
  if (mn <= GETF2_LEAF) return factorColumns(ctx.safmin, M, N, A, lda, offsetA, ipiv, offsetIpiv);
  const { blas } = ctx;
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

/**
 * The column loop of {@link getf2}, left-looking (for M, N ≥ 1): column j receives the row swaps
 * made so far, then A(i, j) −= Σₖ L(i, k)·U(k, j) over k < min(i, j), four columns of L at a
 * time (each pass loads and stores column j once), then its pivot is chosen, its row swapped
 * across the columns already factored, and L's column scaled. Columns past min(M, N) of a wide
 * panel only receive the swaps and the triangular solve.
 */
function factorColumns<T extends FloatArray>(
  safmin: number, M: number, N: number, A: T, lda: number, offsetA: number, ipiv: Int32Array, offsetIpiv: number,
): number {
  const mn = Math.min(M, N);
  let info = 0;
  for (let j = 0; j < N; j++) {
    const col = offsetA + j * lda;
    const end = col + M;
    const done = Math.min(j, mn);
    for (let k = 0; k < done; k++) {
      const p = ipiv[offsetIpiv + k] - 1;
      if (p !== k) {
        const t = A[col + k];
        A[col + k] = A[col + p];
        A[col + p] = t;
      }
    }
    let k = 0;
    for (; k + 3 < done; k += 4) {
      // U(k:k+4, j) from the unit lower 4×4 block of L, then the rows below it.
      const c0 = offsetA + k * lda;
      const c1 = c0 + lda;
      const c2 = c1 + lda;
      const c3 = c2 + lda;
      const u0 = A[col + k];
      const u1 = A[col + k + 1] - A[c0 + k + 1] * u0;
      const u2 = A[col + k + 2] - A[c0 + k + 2] * u0 - A[c1 + k + 2] * u1;
      const u3 = A[col + k + 3] - A[c0 + k + 3] * u0 - A[c1 + k + 3] * u1 - A[c2 + k + 3] * u2;
      A[col + k + 1] = u1;
      A[col + k + 2] = u2;
      A[col + k + 3] = u3;
      const d0 = c0 - col;
      const d1 = c1 - col;
      const d2 = c2 - col;
      const d3 = c3 - col;
      for (let i = col + k + 4; i < end; i++) A[i] -= A[i + d0] * u0 + A[i + d1] * u1 + A[i + d2] * u2 + A[i + d3] * u3;
    }
    for (; k < done; k++) {
      const u = A[col + k];
      const d = offsetA + k * lda - col;
      for (let i = col + k + 1; i < end; i++) A[i] -= A[i + d] * u;
    }
    if (j >= mn) continue;
    // The first entry of largest magnitude (a NaN is never chosen over the first entry, as in iamax).
    let p = j;
    let max = Math.abs(A[col + j]);
    for (let i = j + 1; i < M; i++) {
      const v = Math.abs(A[col + i]);
      if (v > max) {
        max = v;
        p = i;
      }
    }
    ipiv[offsetIpiv + j] = p + 1;
    const pivot = A[col + p];
    if (pivot === 0) {
      // The column is zero from the diagonal down: no swap, nothing to scale.
      if (info === 0) info = j + 1;
      continue;
    }
    if (p !== j) {
      for (let c = 0, a = offsetA + j, b = offsetA + p; c <= j; c++, a += lda, b += lda) {
        const t = A[a];
        A[a] = A[b];
        A[b] = t;
      }
    }
    // 1/pivot overflows for a pivot below safmin: divide instead.
    if (Math.abs(pivot) >= safmin) {
      const r = 1 / pivot;
      for (let i = col + j + 1; i < end; i++) A[i] *= r;
    } else {
      for (let i = col + j + 1; i < end; i++) A[i] /= pivot;
    }
  }
  return info;
}
