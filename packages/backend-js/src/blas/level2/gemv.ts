/**
 * Level 2: general matrix-vector product.
 *
 * @module
 */
import type { FloatArray, Trans } from '@polyblas/contract';
import { scal } from '../level1/scal.js';

/**
 * `gemv`: y ← α·op(A)·x + β·y, with A of shape M×N (before op). When β is 0, y is not read; when
 * α is 0, A and x are not read.
 *
 * The loop order follows the contiguous direction of A: along columns it adds four scaled columns
 * into y per sweep, along rows it takes four dot products per sweep of x, so y (or x) is loaded once
 * for four columns (or rows) of A. A strided x or y is staged in a contiguous copy first.
 *
 * @example
 * ```ts
 * import { blasKernels } from '@polyblas/backend-js';
 * const gemv = blasKernels.dgemv;
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
  if (sr === 1) {
    if (strideY === 1) {
      addColumns(m, n, alpha, A, sc, offsetA, x, strideX, offsetX, y, offsetY);
    } else {
      const acc = gather(m, y, strideY, offsetY);
      addColumns(m, n, alpha, A, sc, offsetA, x, strideX, offsetX, acc, 0);
      scatter(m, acc, y, strideY, offsetY);
    }
  } else if (sc === 1) {
    if (strideX === 1) dotRows(m, n, alpha, A, sr, offsetA, x, offsetX, y, strideY, offsetY);
    else dotRows(m, n, alpha, A, sr, offsetA, gather(n, x, strideX, offsetX), 0, y, strideY, offsetY);
  } else {
    stridedProduct(m, n, alpha, A, sr, sc, offsetA, x, strideX, offsetX, y, strideY, offsetY);
  }
}

/** A contiguous double-precision copy of a strided vector. */
function gather(n: number, v: FloatArray, stride: number, offset: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0, iv = offset; i < n; i++, iv += stride) out[i] = v[iv];
  return out;
}

function scatter(n: number, from: Float64Array, v: FloatArray, stride: number, offset: number): void {
  for (let i = 0, iv = offset; i < n; i++, iv += stride) v[iv] = from[i];
}

/** y[oy..oy+m) += α·A·x for A with unit row stride: four columns per sweep over y. */
function addColumns(
  m: number, n: number, alpha: number, A: FloatArray, sc: number, oa: number,
  x: FloatArray, sx: number, ox: number, y: FloatArray, oy: number,
): void {
  const end = oy + m;
  let j = 0;
  for (; j + 3 < n; j += 4) {
    const ix = ox + j * sx;
    const t0 = alpha * x[ix];
    const t1 = alpha * x[ix + sx];
    const t2 = alpha * x[ix + 2 * sx];
    const t3 = alpha * x[ix + 3 * sx];
    const d0 = oa + j * sc - oy;
    const d1 = d0 + sc;
    const d2 = d1 + sc;
    const d3 = d2 + sc;
    for (let i = oy; i < end; i++) y[i] += t0 * A[i + d0] + t1 * A[i + d1] + t2 * A[i + d2] + t3 * A[i + d3];
  }
  for (; j < n; j++) {
    const t = alpha * x[ox + j * sx];
    const d = oa + j * sc - oy;
    for (let i = oy; i < end; i++) y[i] += t * A[i + d];
  }
}

/** y += α·A·x for A with unit column stride and contiguous x: four dot products per sweep over x. */
function dotRows(
  m: number, n: number, alpha: number, A: FloatArray, sr: number, oa: number,
  x: FloatArray, ox: number, y: FloatArray, sy: number, oy: number,
): void {
  const xEnd = ox + n;
  let i = 0;
  for (; i + 3 < m; i += 4) {
    const d0 = oa + i * sr - ox;
    const d1 = d0 + sr;
    const d2 = d1 + sr;
    const d3 = d2 + sr;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let j = ox; j < xEnd; j++) {
      const xj = x[j];
      s0 += A[j + d0] * xj;
      s1 += A[j + d1] * xj;
      s2 += A[j + d2] * xj;
      s3 += A[j + d3] * xj;
    }
    const iy = oy + i * sy;
    y[iy] += alpha * s0;
    y[iy + sy] += alpha * s1;
    y[iy + 2 * sy] += alpha * s2;
    y[iy + 3 * sy] += alpha * s3;
  }
  for (; i < m; i++) {
    const d = oa + i * sr - ox;
    let s = 0;
    for (let j = ox; j < xEnd; j++) s += A[j + d] * x[j];
    y[oy + i * sy] += alpha * s;
  }
}

/** y += α·A·x when neither stride of A is 1: by columns or rows along the smaller stride. */
function stridedProduct(
  m: number, n: number, alpha: number, A: FloatArray, sr: number, sc: number, oa: number,
  x: FloatArray, sx: number, ox: number, y: FloatArray, sy: number, oy: number,
): void {
  if (Math.abs(sr) <= Math.abs(sc)) {
    for (let j = 0; j < n; j++) {
      const t = alpha * x[ox + j * sx];
      for (let i = 0, ia = oa + j * sc, iy = oy; i < m; i++, ia += sr, iy += sy) y[iy] += t * A[ia];
    }
  } else {
    for (let i = 0; i < m; i++) {
      let s = 0;
      for (let j = 0, ia = oa + i * sr, ix = ox; j < n; j++, ia += sc, ix += sx) s += A[ia] * x[ix];
      y[oy + i * sy] += alpha * s;
    }
  }
}
