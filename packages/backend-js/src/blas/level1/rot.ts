/**
 * Level 1: plane rotation.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';

/**
 * `rot`: applies [c s; -s c] to the pairs (xᵢ, yᵢ): xᵢ ← c·xᵢ + s·yᵢ, yᵢ ← c·yᵢ − s·xᵢ.
 *
 * @example
 * ```ts
 * import { blasKernels } from '@polyblas/backend-js';
 * const rot = blasKernels.drot;
 * const x = new Float64Array([1]), y = new Float64Array([0]);
 * rot(1, x, 1, 0, y, 1, 0, 0, 1); // x = [0], y = [-1]
 * ```
 */
export function rot<T extends FloatArray>(
  N: number, x: T, strideX: number, offsetX: number, y: T, strideY: number, offsetY: number, c: number, s: number,
): void {
  let ix = offsetX;
  let iy = offsetY;
  for (let i = 0; i < N; i++) {
    const xi = x[ix];
    const yi = y[iy];
    x[ix] = c * xi + s * yi;
    y[iy] = c * yi - s * xi;
    ix += strideX;
    iy += strideY;
  }
}
