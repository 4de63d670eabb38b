/**
 * Level 1: position of the largest |xᵢ|.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';

/**
 * `iamax`: the 0-based position of the first element with the largest |xᵢ|; -1 when N < 1.
 * A NaN is never larger than anything, as in the reference BLAS (pivoting is by the numbers
 * that compare).
 *
 * @example
 * ```ts
 * import { blasKernels } from '@polyblas/backend-js';
 * const iamax = blasKernels.idamax;
 * iamax(3, new Float64Array([1, -5, 5]), 1, 0); // 1
 * ```
 */
export function iamax<T extends FloatArray>(N: number, x: T, strideX: number, offsetX: number): number {
  if (N < 1) return -1;
  let best = 0;
  let max = Math.abs(x[offsetX]);
  let ix = offsetX + strideX;
  for (let i = 1; i < N; i++) {
    const v = Math.abs(x[ix]);
    if (v > max) {
      max = v;
      best = i;
    }
    ix += strideX;
  }
  return best;
}
