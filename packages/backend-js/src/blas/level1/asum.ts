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
 * import { asum } from '@polyblas/backend-js';
 * asum(3, new Float64Array([1, -2, 3]), 1, 0); // 6
 * ```
 */
export function asum<T extends FloatArray>(N: number, x: T, strideX: number, offsetX: number): number {
  let sum = 0;
  let ix = offsetX;
  for (let i = 0; i < N; i++) {
    sum += Math.abs(x[ix]);
    ix += strideX;
  }
  return sum;
}
