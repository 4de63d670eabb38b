/**
 * Level 1: y ← x.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';

/**
 * `copy`: y ← x.
 *
 * @example
 * ```ts
 * import { blasKernels } from '@polyblas/backend-js';
 * const copy = blasKernels.dcopy;
 * const y = new Float64Array(2);
 * copy(2, new Float64Array([1, 2]), 1, 0, y, 1, 0); // y = [1, 2]
 * ```
 */
export function copy<T extends FloatArray>(
  N: number, x: T, strideX: number, offsetX: number, y: T, strideY: number, offsetY: number,
): void {
  if (N <= 0) return;
  if (strideX === 1 && strideY === 1 && (x !== y || offsetX !== offsetY)) {
    // TypedArray.set handles an overlap within one buffer as a memmove would.
    y.set(x.subarray(offsetX, offsetX + N), offsetY);
    return;
  }
  let ix = offsetX;
  let iy = offsetY;
  for (let i = 0; i < N; i++) {
    y[iy] = x[ix];
    ix += strideX;
    iy += strideY;
  }
}
