/**
 * Level 2: rank-1 update.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';

/**
 * `ger`: A ← α·x·yᵀ + A, with A of shape M×N. Updates run along the smaller stride of A.
 *
 * @example
 * ```ts
 * import { ger } from '@polyblas/backend-js';
 * const A = new Float64Array(4);
 * ger(2, 2, 1, new Float64Array([1, 2]), 1, 0, new Float64Array([3, 4]), 1, 0, A, 2, 1, 0);
 * // A = [[3, 4], [6, 8]]
 * ```
 */
export function ger<T extends FloatArray>(
  M: number, N: number, alpha: number,
  x: T, strideX: number, offsetX: number,
  y: T, strideY: number, offsetY: number,
  A: T, strideA1: number, strideA2: number, offsetA: number,
): void {
  if (M <= 0 || N <= 0 || alpha === 0) return;
  // Aᵀ ← α·y·xᵀ + Aᵀ is the same update; transpose so the inner loop has the smaller stride.
  let m = M, n = N;
  let u = x, su = strideX, ou = offsetX;
  let v = y, sv = strideY, ov = offsetY;
  let s1 = strideA1, s2 = strideA2;
  if (Math.abs(strideA1) > Math.abs(strideA2)) {
    m = N; n = M;
    u = y; su = strideY; ou = offsetY;
    v = x; sv = strideX; ov = offsetX;
    s1 = strideA2; s2 = strideA1;
  }
  let iv = ov;
  let colStart = offsetA;
  for (let j = 0; j < n; j++) {
    const t = alpha * v[iv];
    iv += sv;
    if (t !== 0) {
      if (s1 === 1 && su === 1) {
        const shift = ou - colStart;
        const end = colStart + m;
        for (let ia = colStart; ia < end; ia++) A[ia] += t * u[ia + shift];
      } else {
        let ia = colStart;
        let iu = ou;
        for (let i = 0; i < m; i++) {
          A[ia] += t * u[iu];
          ia += s1;
          iu += su;
        }
      }
    }
    colStart += s2;
  }
}
