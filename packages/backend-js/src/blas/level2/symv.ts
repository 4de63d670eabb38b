/**
 * Level 2: symmetric matrix-vector product.
 *
 * @module
 */
import type { FloatArray, Uplo } from '@polyblas/contract';
import { scal } from '../level1/scal.js';

/**
 * `symv`: y ← α·A·x + β·y for symmetric N×N A, of which only the `uplo` triangle is read. When β
 * is 0, y is not read.
 *
 * Each stored column is read once and used twice: as a column (added into y) and, by symmetry, as
 * a row (a dot product with x). The lower triangle with strides (s1, s2) is the upper triangle with
 * (s2, s1), so the view whose columns are contiguous is used; four columns go per sweep, and a
 * strided x or y is staged in a contiguous copy.
 *
 * @example
 * ```ts
 * import { blasKernels } from '@polyblas/backend-js';
 * const symv = blasKernels.dsymv;
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
  const flip = Math.abs(strideA1) > Math.abs(strideA2);
  const lower = (uplo === 'L') !== flip;
  const s1 = flip ? strideA2 : strideA1;
  const s2 = flip ? strideA1 : strideA2;
  if (s1 !== 1) {
    stridedSymv(lower, N, alpha, A, s1, s2, offsetA, x, strideX, offsetX, y, strideY, offsetY);
    return;
  }
  if (strideX === 1 && strideY === 1) {
    contiguousSymv(lower, N, alpha, A, s2, offsetA, x, offsetX, y, offsetY);
    return;
  }
  const xc = new Float64Array(N);
  const yc = new Float64Array(N);
  for (let i = 0, ix = offsetX, iy = offsetY; i < N; i++, ix += strideX, iy += strideY) {
    xc[i] = x[ix];
    yc[i] = y[iy];
  }
  contiguousSymv(lower, N, alpha, A, s2, offsetA, xc, 0, yc, 0);
  for (let i = 0, iy = offsetY; i < N; i++, iy += strideY) y[iy] = yc[i];
}

/** y += α·A·x with unit row stride in A and contiguous x, y; four columns per sweep. */
function contiguousSymv(
  lower: boolean, n: number, alpha: number, A: FloatArray, s2: number, oa: number,
  x: FloatArray, ox: number, y: FloatArray, oy: number,
): void {
  // Element (i, j) of A is A[oa + i + j*s2]; entries of x and y are addressed from their offsets.
  let j = 0;
  for (; j + 3 < n; j += 4) {
    const c0 = oa + j * s2;
    const c1 = c0 + s2;
    const c2 = c1 + s2;
    const c3 = c2 + s2;
    const t0 = alpha * x[ox + j];
    const t1 = alpha * x[ox + j + 1];
    const t2 = alpha * x[ox + j + 2];
    const t3 = alpha * x[ox + j + 3];
    let s0 = 0, s1 = 0, sum2 = 0, s3 = 0;
    // Rows outside the 4×4 diagonal block: below it for the lower triangle, above it for the upper.
    const from = lower ? j + 4 : 0;
    const to = lower ? n : j;
    for (let i = from; i < to; i++) {
      const a0 = A[c0 + i];
      const a1 = A[c1 + i];
      const a2 = A[c2 + i];
      const a3 = A[c3 + i];
      const xi = x[ox + i];
      y[oy + i] += t0 * a0 + t1 * a1 + t2 * a2 + t3 * a3;
      s0 += a0 * xi;
      s1 += a1 * xi;
      sum2 += a2 * xi;
      s3 += a3 * xi;
    }
    y[oy + j] += alpha * s0;
    y[oy + j + 1] += alpha * s1;
    y[oy + j + 2] += alpha * sum2;
    y[oy + j + 3] += alpha * s3;
    diagonalBlock(lower, j, 4, alpha, A, s2, oa, x, ox, y, oy);
  }
  for (; j < n; j++) {
    const c = oa + j * s2;
    const t = alpha * x[ox + j];
    let s = 0;
    const from = lower ? j + 1 : 0;
    const to = lower ? n : j;
    for (let i = from; i < to; i++) {
      const a = A[c + i];
      y[oy + i] += t * a;
      s += a * x[ox + i];
    }
    y[oy + j] += t * A[c + j] + alpha * s;
  }
}

/** The b×b diagonal block at (j, j), from its stored triangle. */
function diagonalBlock(
  lower: boolean, j: number, b: number, alpha: number, A: FloatArray, s2: number, oa: number,
  x: FloatArray, ox: number, y: FloatArray, oy: number,
): void {
  for (let k = 0; k < b; k++) {
    const c = oa + (j + k) * s2;
    const t = alpha * x[ox + j + k];
    y[oy + j + k] += t * A[c + j + k];
    const from = lower ? k + 1 : 0;
    const to = lower ? b : k;
    for (let r = from; r < to; r++) {
      const a = A[c + j + r];
      y[oy + j + r] += t * a;
      y[oy + j + k] += alpha * a * x[ox + j + r];
    }
  }
}

/** y += α·A·x when A has no unit stride. */
function stridedSymv(
  lower: boolean, n: number, alpha: number, A: FloatArray, s1: number, s2: number, oa: number,
  x: FloatArray, sx: number, ox: number, y: FloatArray, sy: number, oy: number,
): void {
  for (let j = 0; j < n; j++) {
    const t = alpha * x[ox + j * sx];
    const c = oa + j * s2;
    let s = 0;
    const from = lower ? j + 1 : 0;
    const to = lower ? n : j;
    for (let i = from, ia = c + from * s1, ix = ox + from * sx, iy = oy + from * sy; i < to; i++, ia += s1, ix += sx, iy += sy) {
      const a = A[ia];
      y[iy] += t * a;
      s += a * x[ix];
    }
    y[oy + j * sy] += t * A[c + j * s1] + alpha * s;
  }
}
