/**
 * Level 2: symmetric matrix-vector product.
 *
 * @module
 */
import type { FloatArray, Uplo } from '@polyblas/contract';
import { scal } from '../level1/scal.js';

/**
 * `symv`: y ← α·A·x + β·y for symmetric N×N A, of which only the `uplo` triangle is read. When β
 * is 0, y is not read. Each stored column is read once and used twice (as a column and, by
 * symmetry, as a row), walking memory along the smaller stride of A.
 *
 * @example
 * ```ts
 * import { symv } from '@polyblas/backend-js';
 * const A = new Float64Array([2, 0, 1, 3]); // lower triangle of [[2, 1], [1, 3]]
 * const y = new Float64Array(2);
 * symv('L', 2, 1, A, 2, 1, 0, new Float64Array([1, 1]), 1, 0, 0, y, 1, 0); // y = [3, 4]
 * ```
 */
export function symv<T extends FloatArray>(
  uplo: Uplo, N: number, alpha: number,
  A: T, strideA1: number, strideA2: number, offsetA: number,
  x: T, strideX: number, offsetX: number, beta: number,
  y: T, strideY: number, offsetY: number,
): void {
  if (N <= 0) return;
  if (beta !== 1) scal(N, beta, y, strideY, offsetY);
  if (alpha === 0) return;
  // The lower triangle with strides (s1, s2) is the upper triangle with strides (s2, s1): pick the
  // view whose columns are contiguous.
  let lower = uplo === 'L';
  let s1 = strideA1, s2 = strideA2;
  if (Math.abs(s1) > Math.abs(s2)) {
    s1 = strideA2; s2 = strideA1;
    lower = !lower;
  }
  const unit = s1 === 1 && strideX === 1 && strideY === 1;
  if (lower) {
    for (let j = 0; j < N; j++) {
      const xj = x[offsetX + j * strideX];
      const t = alpha * xj;
      const diag = offsetA + j * (s1 + s2);
      let sum = 0;
      if (unit) {
        // Column j below the diagonal lines up with x and y from position j + 1.
        const ax = offsetX + j - diag;
        const ay = offsetY + j - diag;
        const end = diag + N - j;
        for (let ia = diag + 1; ia < end; ia++) {
          const a = A[ia];
          y[ia + ay] += t * a;
          sum += a * x[ia + ax];
        }
      } else {
        let ia = diag + s1;
        let ix = offsetX + (j + 1) * strideX;
        let iy = offsetY + (j + 1) * strideY;
        for (let i = j + 1; i < N; i++) {
          const a = A[ia];
          y[iy] += t * a;
          sum += a * x[ix];
          ia += s1;
          ix += strideX;
          iy += strideY;
        }
      }
      y[offsetY + j * strideY] += t * A[diag] + alpha * sum;
    }
  } else {
    for (let j = 0; j < N; j++) {
      const xj = x[offsetX + j * strideX];
      const t = alpha * xj;
      const top = offsetA + j * s2;
      let sum = 0;
      if (unit) {
        const ax = offsetX - top;
        const ay = offsetY - top;
        const end = top + j;
        for (let ia = top; ia < end; ia++) {
          const a = A[ia];
          y[ia + ay] += t * a;
          sum += a * x[ia + ax];
        }
      } else {
        let ia = top;
        let ix = offsetX;
        let iy = offsetY;
        for (let i = 0; i < j; i++) {
          const a = A[ia];
          y[iy] += t * a;
          sum += a * x[ix];
          ia += s1;
          ix += strideX;
          iy += strideY;
        }
      }
      y[offsetY + j * strideY] += t * A[top + j * s1] + alpha * sum;
    }
  }
}
