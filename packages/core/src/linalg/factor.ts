/**
 * Cholesky and QR factorisations.
 *
 * @module
 */
import { LinAlgError } from '../errors.js';
import {
  NDArray, alloc, asMatrixStack, asSquareStack, assertFinite, columnToRowMajor, gatherColumnMajor, lapackFor,
  optionsOf, resultDType, rowMajorCopy, stackShape, wrap, type ArrayInput,
} from './internal.js';
import { call, runSync, type Steps } from './steps.js';

/**
 * The Cholesky factor of a symmetric positive definite matrix (or of each matrix of a stack), as
 * `numpy.linalg.cholesky`: the lower-triangular L with A = L·Lᵀ, reading only A's lower
 * triangle; with `{ upper: true }` the upper-triangular U with A = Uᵀ·U, reading only the upper
 * triangle. Throws {@link LinAlgError} `'Matrix is not positive definite'`.
 *
 * @throws TypeError when `a` is not an NDArray, nested arrays of numbers or a
 *  Float64Array/Float32Array, holds anything but numbers (holes, strings, booleans, BigInt,
 *  objects), or its buffer was detached
 * @throws TypeError when `options` is not an object, names an unknown option, or `upper` is not a
 *  boolean
 * @throws RangeError when `a` is not a square matrix or stack, or has more than 2³¹ − 1 elements
 * @throws LinAlgError `'Matrix is not positive definite'`, or `'Array must not contain infs or
 *  NaNs'` when the triangle read holds NaN or Infinity
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * linalg.cholesky(array([[4, 2], [2, 5]])).toArray(); // [[2, 0], [1, 2]]
 * linalg.cholesky(array([[4, 2], [2, 5]]), { upper: true }).toArray(); // [[2, 1], [0, 2]]
 * ```
 */
export function cholesky(a: ArrayInput, options?: { upper?: boolean }): NDArray {
  return runSync(choleskySteps(a, options));
}

/** {@link cholesky}, as kernel steps. @internal */
export function* choleskySteps(a: unknown, options: unknown): Steps<NDArray> {
  const A = asSquareStack(a, 'a');
  const upper = optionsOf<{ upper: boolean }>(options, ['upper']).upper ?? false;
  if (typeof upper !== 'boolean') throw new TypeError(`options.upper: expected a boolean, got ${typeof upper}`);
  const { count, rows: n } = stackShape(A);
  const dtype = resultDType(A);
  const buf = rowMajorCopy(A, dtype);
  if (count === 0 || n === 0) return wrap(buf, A.shape);
  const potrf = lapackFor('potrf', dtype, n).potrf;
  for (let t = 0; t < count; t++) {
    const off = t * n * n;
    // A NaN pivot passes LAPACK's `ajj <= 0` test in some libraries and not in others: reject
    // non-finite input (of the triangle that is read) the same way on every backend.
    for (let i = 0, row = off; i < n; i++, row += n) assertFinite(buf, upper ? row + i : row, upper ? row + n : row + i + 1);
    // The buffer is Aᵀ column-major: A's lower triangle is its upper one, and the factor U of
    // Aᵀ = Uᵀ·U read back row-major is L = Uᵀ.
    if ((yield call(potrf, upper ? 'L' : 'U', n, buf, n, off)) > 0) throw new LinAlgError('Matrix is not positive definite');
    for (let i = 0, row = off; i < n; i++, row += n) {
      if (upper) buf.fill(0, row, row + i);
      else buf.fill(0, row + i + 1, row + n);
    }
  }
  return wrap(buf, A.shape);
}

/**
 * The modes of {@link qr}: `'reduced'` (thin Q and R), `'complete'` (square Q) or `'r'` (R only).
 *
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * const mode: linalg.QrMode = 'complete';
 * linalg.qr(array([[1], [1]]), { mode }).q.shape; // [2, 2]
 * ```
 */
export type QrMode = 'reduced' | 'complete' | 'r';

/**
 * The QR factorisation A = Q·R by Householder reflections, as `numpy.linalg.qr`, for a matrix or
 * a stack of them (`[..., M, N]`, K = min(M, N)):
 * - `'reduced'` (default): Q `[..., M, K]` with orthonormal columns, R `[..., K, N]` upper
 *   triangular;
 * - `'complete'`: Q `[..., M, M]` orthogonal, R `[..., M, N]`;
 * - `'r'`: only R `[..., K, N]`.
 *
 * @throws TypeError when `a` is not an NDArray, nested arrays of numbers or a
 *  Float64Array/Float32Array, holds anything but numbers (holes, strings, booleans, BigInt,
 *  objects), or its buffer was detached
 * @throws TypeError when `options` is not an object or names an unknown option
 * @throws RangeError when `a` has fewer than two dimensions or more than 2³¹ − 1 elements, or
 *  `mode` is not `'reduced'`, `'complete'` or `'r'`
 * @throws LinAlgError `'Array must not contain infs or NaNs'`
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * const { q, r } = linalg.qr(array([[3, 1], [4, 2]]));
 * // q·r reproduces a; r = [[-5, -2.2], [0, 0.4]] up to the signs of its rows
 * const { r: rOnly } = linalg.qr(array([[3, 1], [4, 2]]), { mode: 'r' });
 * ```
 */
export function qr(a: ArrayInput, options?: { mode?: 'reduced' | 'complete' }): { q: NDArray; r: NDArray };
export function qr(a: ArrayInput, options: { mode: 'r' }): { r: NDArray };
export function qr(a: ArrayInput, options?: { mode?: QrMode }): { q?: NDArray; r: NDArray };
export function qr(a: ArrayInput, options?: { mode?: QrMode }): { q?: NDArray; r: NDArray } {
  return runSync(qrSteps(a, options));
}

/** {@link qr}, as kernel steps. @internal */
export function* qrSteps(a: unknown, options: unknown): Steps<{ q?: NDArray; r: NDArray }> {
  const A = asMatrixStack(a, 'a');
  const mode = optionsOf<{ mode: QrMode }>(options, ['mode']).mode ?? 'reduced';
  if (mode !== 'reduced' && mode !== 'complete' && mode !== 'r') {
    throw new RangeError(`options.mode: expected 'reduced', 'complete' or 'r', got ${JSON.stringify(mode)}`);
  }
  const { batch, count, rows: m, cols: n } = stackShape(A);
  const k = Math.min(m, n);
  const dtype = resultDType(A);
  const rRows = mode === 'complete' ? m : k;
  const qCols = mode === 'complete' ? m : k;
  const r = alloc(dtype, count * rRows * n);
  const wantQ = mode !== 'r';
  if (k === 0 || count === 0) {
    // No reflectors: Q is the identity (of which 'reduced' keeps no columns) and R is zero.
    const result: { q?: NDArray; r: NDArray } = { r: wrap(r, [...batch, rRows, n]) };
    if (wantQ) {
      const q = alloc(dtype, count * m * qCols);
      for (let t = 0; t < count; t++) for (let i = 0; i < qCols; i++) q[t * m * qCols + i * qCols + i] = 1;
      result.q = wrap(q, [...batch, m, qCols]);
    }
    return result;
  }
  const buf = gatherColumnMajor(A, alloc(dtype, A.size));
  // Householder vectors built from an infinity or a NaN mix NaN with finite-looking entries in a
  // backend-dependent pattern: refuse it, as svd and eig do.
  assertFinite(buf);
  const q = wantQ ? alloc(dtype, count * m * qCols) : null;
  const geqrf = lapackFor('geqrf', dtype, Math.max(m, n)).geqrf;
  const orgqr = wantQ ? lapackFor('orgqr', dtype, m).orgqr : null;
  const tau = alloc(dtype, k);
  const work = wantQ ? alloc(dtype, m * qCols) : null;
  for (let t = 0; t < count; t++) {
    const off = t * m * n;
    yield call(geqrf, m, n, buf, m, off, tau, 0);
    const ro = t * rRows * n;
    for (let i = 0; i < Math.min(rRows, k); i++) {
      for (let j = i; j < n; j++) r[ro + i * n + j] = buf[off + i + j * m];
    }
    if (q !== null && work !== null && orgqr !== null) {
      work.fill(0);
      work.set(buf.subarray(off, off + m * k));
      yield call(orgqr, m, qCols, k, work, m, 0, tau, 0);
      columnToRowMajor(work, 0, m, m, qCols, q, t * m * qCols);
    }
  }
  const result: { q?: NDArray; r: NDArray } = { r: wrap(r, [...batch, rRows, n]) };
  if (q !== null) result.q = wrap(q, [...batch, m, qCols]);
  return result;
}
