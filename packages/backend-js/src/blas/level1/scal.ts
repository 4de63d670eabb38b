/**
 * Level 1: x ← αx.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';

/**
 * `scal`: x ← αx. With α = 0 the elements are set to zero without being read, so NaN in x does
 * not survive (the convention LAPACK relies on when it clears workspace).
 *
 * @example
 * ```ts
 * import { blasKernels } from '@polyblas/backend-js';
 * const scal = blasKernels.dscal;
 * const x = new Float64Array([1, 2]);
 * scal(2, 3, x, 1, 0); // x = [3, 6]
 * ```
 */
export function scal<T extends FloatArray>(N: number, alpha: number, x: T, strideX: number, offsetX: number): void {
  if (N <= 0 || alpha === 1) return;
  if (strideX === 1) {
    const end = offsetX + N;
    if (alpha === 0) x.fill(0, offsetX, end);
    else for (let i = offsetX; i < end; i++) x[i] *= alpha;
    return;
  }
  let ix = offsetX;
  if (alpha === 0) {
    for (let i = 0; i < N; i++, ix += strideX) x[ix] = 0;
  } else {
    for (let i = 0; i < N; i++, ix += strideX) x[ix] *= alpha;
  }
}
