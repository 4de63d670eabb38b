/**
 * `laswp`: row interchanges recorded by a pivoted factorisation.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';

/** Columns swapped together, so each row pair is visited once per cache-sized strip. */
const STRIP = 32;

/**
 * Swaps rows of the N-column, column-major A: for each i in k1..k2−1 (0-based) row i with row
 * `ipiv[offsetIpiv + i] − 1` (pivots are 1-based and index rows of A). `direction` 1 applies the
 * swaps in increasing i (as a factorisation made them, P·A); −1 in decreasing i (undoes them,
 * Pᵀ·A). Pure data movement: no arithmetic, so it needs no BLAS.
 *
 * @example
 * ```ts
 * import { laswp } from './laswp.js'; // internal, not exported by @polyblas/backend-js
 * const A = new Float64Array([1, 2, 3, 4]); // 2x2, rows [1, 3] and [2, 4]
 * laswp(2, A, 2, 0, 0, 1, new Int32Array([2]), 0, 1); // A = [2, 1, 4, 3]
 * ```
 */
export function laswp<T extends FloatArray>(
  N: number, A: T, lda: number, offsetA: number, k1: number, k2: number,
  ipiv: Int32Array, offsetIpiv: number, direction: 1 | -1,
): void {
  for (let j0 = 0; j0 < N; j0 += STRIP) {
    const j1 = Math.min(N, j0 + STRIP);
    for (let s = 0; s < k2 - k1; s++) {
      const i = direction === 1 ? k1 + s : k2 - 1 - s;
      const p = ipiv[offsetIpiv + i] - 1;
      if (p === i) continue;
      for (let j = j0; j < j1; j++) {
        const a = offsetA + i + j * lda;
        const b = offsetA + p + j * lda;
        const t = A[a];
        A[a] = A[b];
        A[b] = t;
      }
    }
  }
}
