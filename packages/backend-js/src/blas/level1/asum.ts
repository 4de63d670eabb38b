/**
 * Level 1: Σ|xᵢ|.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';

/**
 * `asum`: Σ|xᵢ|, accumulated in double precision.
 *
 * @example
 * ```ts
 * import { blasKernels } from '@polyblas/backend-js';
 * const asum = blasKernels.dasum;
 * asum(3, new Float64Array([1, -2, 3]), 1, 0); // 6
 * ```
 */
export function asum<T extends FloatArray>(N: number, x: T, strideX: number, offsetX: number): number {
  let sum = 0;
  if (N <= 0) return sum;
  if (strideX === 1) {
    // Two accumulators shorten the dependency chain of the additions.
    let sum2 = 0;
    const end = offsetX + N - 1;
    let i = offsetX;
    for (; i < end; i += 2) {
      sum += Math.abs(x[i]);
      sum2 += Math.abs(x[i + 1]);
    }
    if (i === end) sum += Math.abs(x[i]);
    return sum + sum2;
  }
  for (let i = 0, ix = offsetX; i < N; i++, ix += strideX) sum += Math.abs(x[ix]);
  return sum;
}
