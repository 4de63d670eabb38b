/**
 * Level 2: general matrix-vector product.
 *
 * @module
 */
import type { FloatArray, Trans } from '@polyblas/contract';
import { scal } from '../level1/scal.js';

/**
 * `gemv`: y ← α·op(A)·x + β·y, with A of shape M×N (before op). When β is 0, y is not read; when
 * α is 0, A and x are not read. The loop order follows the smaller stride of A, so row-major and
 * column-major storage (and their transposes) both walk memory contiguously.
 *
 * @example
 * ```ts
 * import { gemv } from '@polyblas/backend-js';
 * const A = new Float64Array([1, 2, 3, 4]); // [[1, 2], [3, 4]] row-major
 * const y = new Float64Array(2);
 * gemv('N', 2, 2, 1, A, 2, 1, 0, new Float64Array([1, 1]), 1, 0, 0, y, 1, 0); // y = [3, 7]
 * ```
 */
export function gemv<T extends FloatArray>(
  trans: Trans, M: number, N: number, alpha: number,
  A: T, strideA1: number, strideA2: number, offsetA: number,
  x: T, strideX: number, offsetX: number, beta: number,
  y: T, strideY: number, offsetY: number,
): void {
  // op(A) is m×n with row stride sr and column stride sc.
  const m = trans === 'N' ? M : N;
  const n = trans === 'N' ? N : M;
  const sr = trans === 'N' ? strideA1 : strideA2;
  const sc = trans === 'N' ? strideA2 : strideA1;
  if (m <= 0) return;
  if (beta !== 1) scal(m, beta, y, strideY, offsetY);
  if (alpha === 0 || n <= 0) return;
  if (Math.abs(sr) <= Math.abs(sc)) {
    // Columns are contiguous: y += (α·xⱼ)·A[:, j], one column at a time.
    let ix = offsetX;
    let colStart = offsetA;
    for (let j = 0; j < n; j++) {
      const t = alpha * x[ix];
      ix += strideX;
      if (t !== 0) {
        let ia = colStart;
        if (sr === 1 && strideY === 1) {
          const shift = ia - offsetY;
          const end = offsetY + m;
          for (let iy = offsetY; iy < end; iy++) y[iy] += t * A[iy + shift];
        } else {
          let iy = offsetY;
          for (let i = 0; i < m; i++) {
            y[iy] += t * A[ia];
            ia += sr;
            iy += strideY;
          }
        }
      }
      colStart += sc;
    }
  } else {
    // Rows are contiguous: yᵢ += α·(A[i, :]·x).
    let iy = offsetY;
    let rowStart = offsetA;
    for (let i = 0; i < m; i++) {
      let sum = 0;
      let ia = rowStart;
      if (sc === 1 && strideX === 1) {
        const shift = offsetX - ia;
        const end = ia + n;
        for (; ia < end; ia++) sum += A[ia] * x[ia + shift];
      } else {
        let ix = offsetX;
        for (let j = 0; j < n; j++) {
          sum += A[ia] * x[ix];
          ia += sc;
          ix += strideX;
        }
      }
      y[iy] += alpha * sum;
      iy += strideY;
      rowStart += sr;
    }
  }
}
