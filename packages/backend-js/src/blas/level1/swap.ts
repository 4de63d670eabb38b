/**
 * Level 1: x ↔ y.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';

/**
 * `swap`: exchanges the elements of x and y.
 *
 * @example
 * ```ts
 * import { blasKernels } from '@polyblas/backend-js';
 * const swap = blasKernels.dswap;
 * const x = new Float64Array([1, 2]), y = new Float64Array([3, 4]);
 * swap(2, x, 1, 0, y, 1, 0); // x = [3, 4], y = [1, 2]
 * ```
 */
export function swap<T extends FloatArray>(
  N: number, x: T, strideX: number, offsetX: number, y: T, strideY: number, offsetY: number,
): void {
  let ix = offsetX;
  let iy = offsetY;
  for (let i = 0; i < N; i++) {
    const t = x[ix];
    x[ix] = y[iy];
    y[iy] = t;
    ix += strideX;
    iy += strideY;
  }
}
