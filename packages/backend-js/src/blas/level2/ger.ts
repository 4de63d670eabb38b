/**
 * Level 2: rank-1 update.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';

/**
 * `ger`: A ← α·x·yᵀ + A, with A of shape M×N. The update runs along the contiguous direction of
 * A (Aᵀ ← α·y·xᵀ + Aᵀ is the same update), four columns per sweep so each element of the
 * streamed vector is loaded once for four columns.
 *
 * @example
 * ```ts
 * import { blasKernels } from '@polyblas/backend-js';
 * const ger = blasKernels.dger;
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
  // Orient so that u runs along the smaller stride s1 of A and v across it.
  const flip = Math.abs(strideA1) > Math.abs(strideA2);
  const m = flip ? N : M;
  const n = flip ? M : N;
  const u: FloatArray = flip ? y : x;
  const su = flip ? strideY : strideX;
  const ou = flip ? offsetY : offsetX;
  const v: FloatArray = flip ? x : y;
  const sv = flip ? strideX : strideY;
  const ov = flip ? offsetX : offsetY;
  const s1 = flip ? strideA2 : strideA1;
  const s2 = flip ? strideA1 : strideA2;
  if (s1 === 1) {
    if (su === 1) addOuter(m, n, alpha, u, ou, v, sv, ov, A, s2, offsetA);
    else {
      const w = new Float64Array(m);
      for (let i = 0, iu = ou; i < m; i++, iu += su) w[i] = u[iu];
      addOuter(m, n, alpha, w, 0, v, sv, ov, A, s2, offsetA);
    }
    return;
  }
  for (let j = 0; j < n; j++) {
    const t = alpha * v[ov + j * sv];
    for (let i = 0, ia = offsetA + j * s2, iu = ou; i < m; i++, ia += s1, iu += su) A[ia] += t * u[iu];
  }
}

/** A[:, j] += (α·vⱼ)·u for A with unit row stride and contiguous u, four columns at a time. */
function addOuter(
  m: number, n: number, alpha: number, u: FloatArray, ou: number,
  v: FloatArray, sv: number, ov: number, A: FloatArray, s2: number, oa: number,
): void {
  const end = ou + m;
  let j = 0;
  for (; j + 3 < n; j += 4) {
    const iv = ov + j * sv;
    const t0 = alpha * v[iv];
    const t1 = alpha * v[iv + sv];
    const t2 = alpha * v[iv + 2 * sv];
    const t3 = alpha * v[iv + 3 * sv];
    const d0 = oa + j * s2 - ou;
    const d1 = d0 + s2;
    const d2 = d1 + s2;
    const d3 = d2 + s2;
    for (let i = ou; i < end; i++) {
      const ui = u[i];
      A[i + d0] += t0 * ui;
      A[i + d1] += t1 * ui;
      A[i + d2] += t2 * ui;
      A[i + d3] += t3 * ui;
    }
  }
  for (; j < n; j++) {
    const t = alpha * v[ov + j * sv];
    const d = oa + j * s2 - ou;
    for (let i = ou; i < end; i++) A[i + d] += t * u[i];
  }
}
