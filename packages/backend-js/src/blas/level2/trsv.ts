/**
 * Level 2: triangular solve with one right-hand side.
 *
 * @module
 */
import type { Diag, FloatArray, Trans, Uplo } from '@polyblas/contract';
import { gemv } from './gemv.js';

/** Order of the diagonal blocks solved by substitution; the coupling between blocks goes to gemv. */
const BLOCK = 64;

/**
 * `trsv`: x ← op(A)⁻¹·x for triangular N×N A, by substitution. There is no singularity test: an
 * exact zero on the diagonal gives Infinity or NaN. As in `trmv`, op(A) = Aᵀ is A with swapped
 * strides and the flipped triangle. Diagonal blocks are solved by substitution along the
 * contiguous direction of A; the solved block then updates the rest of x through `gemv`.
 *
 * @example
 * ```ts
 * import { blasKernels } from '@polyblas/backend-js';
 * const trsv = blasKernels.dtrsv;
 * const A = new Float64Array([2, 0, 1, 4]); // lower [[2, 0], [1, 4]]
 * const x = new Float64Array([2, 9]);
 * trsv('L', 'N', 'N', 2, A, 2, 1, 0, x, 1, 0); // x = [1, 2]
 * ```
 */
export function trsv<T extends FloatArray>(
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
    for (let end = N; end > 0; end -= BLOCK) {
      const start = Math.max(0, end - BLOCK);
      const xb = offsetX + start * strideX;
      solveSmall(upper, nonUnit, end - start, A, sr, sc, offsetA + start * (sr + sc), x, strideX, xb);
      if (start > 0) gemv('N', start, end - start, -1, A, sr, sc, offsetA + start * sc, x, strideX, xb, 1, x, strideX, offsetX);
    }
  } else {
    for (let start = 0; start < N; start += BLOCK) {
      const end = Math.min(N, start + BLOCK);
      const xb = offsetX + start * strideX;
      solveSmall(upper, nonUnit, end - start, A, sr, sc, offsetA + start * (sr + sc), x, strideX, xb);
      if (end < N) {
        gemv('N', N - end, end - start, -1, A, sr, sc, offsetA + end * sr + start * sc, x, strideX, xb, 1, x, strideX, offsetX + end * strideX);
      }
    }
  }
}

/** Substitution for op(A)·x = b with op(A) N×N (row stride sr, column stride sc). */
function solveSmall(
  upper: boolean, nonUnit: boolean, N: number, A: FloatArray, sr: number, sc: number, offsetA: number,
  x: FloatArray, strideX: number, offsetX: number,
): void {
  const sd = sr + sc;
  if (Math.abs(sr) <= Math.abs(sc)) {
    // Column form: once xⱼ is known, remove its contribution from the rest.
    if (upper) {
      for (let j = N - 1; j >= 0; j--) {
        const jx = offsetX + j * strideX;
        let t = x[jx];
        if (nonUnit) x[jx] = t /= A[offsetA + j * sd];
        if (t !== 0) {
          let ia = offsetA + j * sc;
          let ix = offsetX;
          for (let i = 0; i < j; i++) {
            x[ix] -= t * A[ia];
            ia += sr;
            ix += strideX;
          }
        }
      }
    } else {
      for (let j = 0; j < N; j++) {
        const jx = offsetX + j * strideX;
        let t = x[jx];
        if (nonUnit) x[jx] = t /= A[offsetA + j * sd];
        if (t !== 0) {
          let ia = offsetA + j * sd + sr;
          let ix = jx + strideX;
          for (let i = j + 1; i < N; i++) {
            x[ix] -= t * A[ia];
            ia += sr;
            ix += strideX;
          }
        }
      }
    }
  } else if (upper) {
    // Row form: xᵢ = (bᵢ − Σⱼ aᵢⱼxⱼ) / aᵢᵢ over the already solved xⱼ.
    for (let i = N - 1; i >= 0; i--) {
      const ixi = offsetX + i * strideX;
      let sum = x[ixi];
      let ia = offsetA + i * sd + sc;
      let ix = ixi + strideX;
      for (let j = i + 1; j < N; j++) {
        sum -= A[ia] * x[ix];
        ia += sc;
        ix += strideX;
      }
      x[ixi] = nonUnit ? sum / A[offsetA + i * sd] : sum;
    }
  } else {
    for (let i = 0; i < N; i++) {
      const ixi = offsetX + i * strideX;
      let sum = x[ixi];
      let ia = offsetA + i * sr;
      let ix = offsetX;
      for (let j = 0; j < i; j++) {
        sum -= A[ia] * x[ix];
        ia += sc;
        ix += strideX;
      }
      x[ixi] = nonUnit ? sum / A[offsetA + i * sd] : sum;
    }
  }
}
