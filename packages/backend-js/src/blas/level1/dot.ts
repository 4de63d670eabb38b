/**
 * Level 1: inner product.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';

/**
 * `dot`: returns xᵀy, accumulated in double precision.
 *
 * @example
 * ```ts
 * import { blasKernels } from '@polyblas/backend-js';
 * const dot = blasKernels.ddot;
 * dot(2, new Float64Array([1, 2]), 1, 0, new Float64Array([3, 4]), 1, 0); // 11
 * ```
 */
export function dot<T extends FloatArray>(
  N: number, x: T, strideX: number, offsetX: number, y: T, strideY: number, offsetY: number,
): number {
  let sum = 0;
  if (N <= 0) return sum;
  if (strideX === 1 && strideY === 1) {
    // Two accumulators shorten the dependency chain of the additions.
    let sum2 = 0;
    const end = offsetX + N - 1;
    let ix = offsetX;
    let iy = offsetY;
    for (; ix < end; ix += 2, iy += 2) {
      sum += x[ix] * y[iy];
      sum2 += x[ix + 1] * y[iy + 1];
    }
    if (ix === end) sum += x[ix] * y[iy];
    return sum + sum2;
  }
  let ix = offsetX;
  let iy = offsetY;
  for (let i = 0; i < N; i++) {
    sum += x[ix] * y[iy];
    ix += strideX;
    iy += strideY;
  }
  return sum;
}
