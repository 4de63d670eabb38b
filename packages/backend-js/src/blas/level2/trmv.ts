/**
 * Level 2: triangular matrix-vector product.
 *
 * @module
 */
import type { Diag, FloatArray, Trans, Uplo } from '@polyblas/contract';
import { gemv } from './gemv.js';

/** Order of the diagonal blocks multiplied by plain loops; the coupling between blocks goes to gemv. */
const BLOCK = 64;

/**
 * `trmv`: x ← op(A)·x for triangular N×N A. op(A) = Aᵀ is read as A with its strides swapped and
 * its triangle flipped. Diagonal blocks run by columns (axpy form) or by rows (dot form), whichever
 * walks A contiguously; the blocks off the diagonal go through `gemv`, each before the part of x it
 * reads is overwritten.
 *
 * @example
 * ```ts
 * import { blasKernels } from '@polyblas/backend-js';
 * const trmv = blasKernels.dtrmv;
 * const A = new Float64Array([2, 0, 1, 4]); // lower [[2, 0], [1, 4]]
 * const x = new Float64Array([1, 2]);
 * trmv('L', 'N', 'N', 2, A, 2, 1, 0, x, 1, 0); // x = [2, 9]
 * ```
 */
export function trmv<T extends FloatArray>(
  uplo: Uplo, trans: Trans, diag: Diag, N: number,
  A: T, strideA1: number, strideA2: number, offsetA: number,
  x: T, strideX: number, offsetX: number,
): void {
  if (N <= 0) return;
  const upper = (uplo === 'U') === (trans === 'N');
  const sr = trans === 'N' ? strideA1 : strideA2;
  const sc = trans === 'N' ? strideA2 : strideA1;
  const nonUnit = diag === 'N';
  if (upper) {
    for (let start = 0; start < N; start += BLOCK) {
      const end = Math.min(N, start + BLOCK);
      const xb = offsetX + start * strideX;
      if (start > 0) gemv('N', start, end - start, 1, A, sr, sc, offsetA + start * sc, x, strideX, xb, 1, x, strideX, offsetX);
      multiplySmall(upper, nonUnit, end - start, A, sr, sc, offsetA + start * (sr + sc), x, strideX, xb);
    }
  } else {
    for (let end = N; end > 0; end -= BLOCK) {
      const start = Math.max(0, end - BLOCK);
      const xb = offsetX + start * strideX;
      if (end < N) {
        gemv('N', N - end, end - start, 1, A, sr, sc, offsetA + end * sr + start * sc, x, strideX, xb, 1, x, strideX, offsetX + end * strideX);
      }
      multiplySmall(upper, nonUnit, end - start, A, sr, sc, offsetA + start * (sr + sc), x, strideX, xb);
    }
  }
}

/** x ← op(A)·x with op(A) N×N triangular (row stride sr, column stride sc). */
function multiplySmall(
  upper: boolean, nonUnit: boolean, N: number, A: FloatArray, sr: number, sc: number, offsetA: number,
  x: FloatArray, strideX: number, offsetX: number,
): void {
  const sd = sr + sc;
  if (Math.abs(sr) <= Math.abs(sc)) {
    if (upper) {
      // xᵢ (i < j) gathers column j while xⱼ is still the original value.
      for (let j = 0; j < N; j++) {
        const jx = offsetX + j * strideX;
        const t = x[jx];
        if (t !== 0) {
          let ia = offsetA + j * sc;
          let ix = offsetX;
          for (let i = 0; i < j; i++) {
            x[ix] += t * A[ia];
            ia += sr;
            ix += strideX;
          }
        }
        if (nonUnit) x[jx] = t * A[offsetA + j * sd];
      }
    } else {
      for (let j = N - 1; j >= 0; j--) {
        const jx = offsetX + j * strideX;
        const t = x[jx];
        if (t !== 0) {
          let ia = offsetA + j * sd + sr;
          let ix = jx + strideX;
          for (let i = j + 1; i < N; i++) {
            x[ix] += t * A[ia];
            ia += sr;
            ix += strideX;
          }
        }
        if (nonUnit) x[jx] = t * A[offsetA + j * sd];
      }
    }
  } else if (upper) {
    // Row i needs xⱼ for j ≥ i only, which are not yet overwritten going down.
    for (let i = 0; i < N; i++) {
      const ixi = offsetX + i * strideX;
      let sum = nonUnit ? x[ixi] * A[offsetA + i * sd] : x[ixi];
      let ia = offsetA + i * sd + sc;
      let ix = ixi + strideX;
      for (let j = i + 1; j < N; j++) {
        sum += A[ia] * x[ix];
        ia += sc;
        ix += strideX;
      }
      x[ixi] = sum;
    }
  } else {
    for (let i = N - 1; i >= 0; i--) {
      const ixi = offsetX + i * strideX;
      let sum = nonUnit ? x[ixi] * A[offsetA + i * sd] : x[ixi];
      let ia = offsetA + i * sr;
      let ix = offsetX;
      for (let j = 0; j < i; j++) {
        sum += A[ia] * x[ix];
        ia += sc;
        ix += strideX;
      }
      x[ixi] = sum;
    }
  }
}
