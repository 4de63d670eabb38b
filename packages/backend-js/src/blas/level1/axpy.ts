/**
 * Level 1: y ← αx + y.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';

/**
 * `axpy`: y ← αx + y. Does nothing when α is 0 (x is not read).
 *
 * @example
 * ```ts
 * import { blasKernels } from '@polyblas/backend-js';
 * const axpy = blasKernels.daxpy;
 * const y = new Float64Array([1, 1]);
 * axpy(2, 2, new Float64Array([1, 2]), 1, 0, y, 1, 0); // y = [3, 5]
 * ```
 */
export function axpy<T extends FloatArray>(
  N: number, alpha: number, x: T, strideX: number, offsetX: number, y: T, strideY: number, offsetY: number,
): void {
  if (N <= 0 || alpha === 0) return;
  if (strideX === 1 && strideY === 1) {
    const shift = offsetY - offsetX;
    const end = offsetX + N;
    for (let ix = offsetX; ix < end; ix++) y[ix + shift] += alpha * x[ix];
    return;
  }
  let ix = offsetX;
  let iy = offsetY;
  for (let i = 0; i < N; i++) {
    y[iy] += alpha * x[ix];
    ix += strideX;
    iy += strideY;
  }
}
