/**
 * Everything built on the LU factorisation: solve, inv, det, slogdet.
 *
 * A row-major copy of A is Aᵀ to LAPACK. LU of Aᵀ gives det(Aᵀ) = det(A); getrs with trans 'T'
 * on the factors of Aᵀ solves A·X = B; getri on them gives (Aᵀ)⁻¹ = (A⁻¹)ᵀ, which read back in
 * row-major order is A⁻¹. No transposing copies.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';
import { LinAlgError } from '../errors.js';
import {
  NDArray, alloc, asSquareStack, assertFinite, broadcastIndex, broadcastShapes, columnToRowMajor, gatherRowMajor, lapackFor,
  matrixStarts, pivotBuffer, product, resultDType, rowMajorCopy, safeExponent, scalarOrArray, scaleByPowerOfTwo, shapeError,
  stackShape, toNDArray, workBuffer, wrap, type ArrayInput,
} from './internal.js';
import { SYNC, call, runSync, type Run, type Steps } from './steps.js';

/**
 * Solves the linear system A·x = b (or A·X = B for several right-hand sides) by LU factorisation
 * with partial pivoting, as `numpy.linalg.solve`.
 *
 * `a` is a square matrix or a stack of them (`[..., M, M]`). `b` is a vector `[M]` (then the
 * result is `[..., M]`) or a matrix / stack of matrices `[..., M, K]`, whose leading dimensions
 * broadcast with those of `a`. Throws {@link LinAlgError} `'Singular matrix'` when a pivot is
 * exactly zero.
 *
 * @throws TypeError when `a` or `b` is not an NDArray, nested arrays of numbers or a
 *  Float64Array/Float32Array, holds anything but numbers (holes, strings, booleans, BigInt,
 *  objects), or its buffer was detached
 * @throws RangeError when `a` is not a square matrix or stack, `b` is 0-d, has a row count other
 *  than `a`'s, or leading dimensions that do not broadcast with `a`'s, or an input has more than
 *  2³¹ − 1 elements
 * @throws LinAlgError `'Singular matrix'` when a matrix of `a` is exactly singular, `'Array must
 *  not contain infs or NaNs'` when `a` or `b` holds one (numpy returns a backend-dependent mix
 *  of numbers and NaN)
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * const x = linalg.solve(array([[3, 1], [1, 2]]), array([9, 8]));
 * x.toArray(); // [2, 3]
 * ```
 */
export function solve(a: ArrayInput, b: ArrayInput): NDArray {
  return runSync(solveSteps(a, b, SYNC));
}

/** {@link solve}, as kernel steps. @internal */
export function* solveSteps(a: unknown, b: unknown, run: Run): Steps<NDArray> {
  const A = asSquareStack(a, 'a');
  // b is read matrix by matrix between kernel calls: an asynchronous run takes its own copy first.
  const B = run.sync ? toNDArray(b, 'b') : toNDArray(b, 'b').copy();
  const { batch: aBatch, rows: n } = stackShape(A);
  const isVector = B.ndim === 1;
  if (B.ndim === 0) shapeError('b', 'a vector or a matrix', B.shape);
  const bRows = isVector ? B.shape[0] : B.shape[B.ndim - 2];
  if (bRows !== n) {
    shapeError('b', `${n} rows to match a of shape [${A.shape.join(', ')}]`, B.shape);
  }
  const k = isVector ? 1 : B.shape[B.ndim - 1];
  const bBatch = isVector ? [] : B.shape.slice(0, -2);
  const batch = broadcastShapes(aBatch, bBatch);
  if (batch === null) {
    throw new RangeError(
      `b: expected leading dimensions that broadcast with those of a [${aBatch.join(', ')}], got shape [${B.shape.join(', ')}]`,
    );
  }
  const dtype = resultDType(A, B);
  const count = product(batch);
  const outShape = isVector ? [...batch, n] : [...batch, n, k];
  const x = alloc(dtype, count * n * k);
  if (count === 0 || n === 0 || k === 0) return wrap(x, outShape);

  const aCount = product(aBatch);
  // The factors of every matrix of a, then (for several right-hand sides) one column-major B.
  // A single right-hand side is solved in place in x: a row-major [n] is a column-major n×1.
  const luSize = aCount * n * n;
  const lu = workBuffer(run, dtype, luSize + (k === 1 ? 0 : n * k));
  gatherRowMajor(A, lu);
  const ipiv = pivotBuffer(run, aCount * n);
  const factored = new Uint8Array(aCount);
  // Matrices of subnormal or huge entries are factored scaled by 2^e (OpenBLAS multiplies by the
  // reciprocal of a subnormal pivot, which overflows): A·x = b is (2^e·A)·(2^-e·x) = b.
  // Allocated only when a matrix needs scaling (rare): small solves allocate just their result.
  let exponents: Int16Array | null = null;
  const aIndex = broadcastIndex(aBatch, batch);
  const bIndex = broadcastIndex(bBatch, batch);
  const bStarts = matrixStarts(B, bBatch.length);
  const rs = B.strides[isVector ? 0 : B.ndim - 2];
  const cs = isVector ? 0 : B.strides[B.ndim - 1];
  const getrf = lapackFor('getrf', dtype, n).getrf;
  const getrs = lapackFor('getrs', dtype, n).getrs;
  for (let t = 0; t < count; t++) {
    const ia = aIndex[t];
    if (!factored[ia]) {
      const e = safeExponent(lu, ia * n * n, n * n, dtype);
      // LU of a matrix holding an infinity or a NaN gives finite-looking garbage whose pattern
      // depends on the backend's pivoting and blocking: refuse it, as the factorisations do.
      if (Number.isNaN(e)) throw notFinite();
      if (e !== 0) {
        (exponents ??= new Int16Array(aCount))[ia] = e;
        scaleByPowerOfTwo(lu, ia * n * n, n * n, e);
      }
      if ((yield call(getrf, n, n, lu, n, ia * n * n, ipiv, ia * n)) > 0) throw new LinAlgError('Singular matrix');
      factored[ia] = 1;
    }
    const rhs = k === 1 ? x : lu;
    const offset = k === 1 ? t * n : luSize;
    copyColumnMajor(B.data, bStarts[bIndex[t]], rs, cs, n, k, rhs, offset);
    assertFinite(rhs.subarray(offset, offset + n * k));
    yield call(getrs, 'T', n, k, lu, n, ia * n * n, ipiv, ia * n, rhs, n, offset);
    if (exponents !== null) scaleByPowerOfTwo(rhs, offset, n * k, exponents[ia]);
    if (k > 1) columnToRowMajor(lu, luSize, n, n, k, x, t * n * k);
  }
  return wrap(x, outShape);
}

/** Copies the rows×cols matrix at `src[start]` (strides rs, cs) column-major into `dst` from `offset`. */
function copyColumnMajor(
  src: FloatArray, start: number, rs: number, cs: number, rows: number, cols: number, dst: FloatArray, offset: number,
): void {
  for (let j = 0; j < cols; j++) {
    for (let i = 0, from = start + j * cs, to = offset + j * rows; i < rows; i++, from += rs, to++) dst[to] = src[from];
  }
}

/**
 * The inverse of a square matrix, or of each matrix of a stack, as `numpy.linalg.inv` (LU with
 * partial pivoting). Throws {@link LinAlgError} `'Singular matrix'` when a pivot is exactly zero.
 *
 * @throws TypeError when `a` is not an NDArray, nested arrays of numbers or a
 *  Float64Array/Float32Array, holds anything but numbers (holes, strings, booleans, BigInt,
 *  objects), or its buffer was detached
 * @throws RangeError when `a` is not a square matrix or stack, or has more than 2³¹ − 1 elements
 * @throws LinAlgError `'Singular matrix'` when a matrix of `a` is exactly singular, `'Array must
 *  not contain infs or NaNs'` when `a` holds one
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * linalg.inv(array([[4, 7], [2, 6]])).toArray(); // [[0.6, -0.7], [-0.2, 0.4]]
 * ```
 */
export function inv(a: ArrayInput): NDArray {
  return runSync(invSteps(a, SYNC));
}

/** {@link inv}, as kernel steps. @internal */
export function* invSteps(a: unknown, run: Run): Steps<NDArray> {
  const A = asSquareStack(a, 'a');
  const { count, rows: n } = stackShape(A);
  const dtype = resultDType(A);
  const buf = rowMajorCopy(A, dtype);
  if (count === 0 || n === 0) return wrap(buf, A.shape);
  const getrf = lapackFor('getrf', dtype, n).getrf;
  const getri = lapackFor('getri', dtype, n).getri;
  const ipiv = pivotBuffer(run, n);
  for (let t = 0; t < count; t++) {
    const off = t * n * n;
    // As in solve: factor 2^e·A when its entries are subnormal or huge; A⁻¹ = 2^e·(2^e·A)⁻¹.
    const e = safeExponent(buf, off, n * n, dtype);
    // See solve: a non-finite entry would give a backend-dependent mix of numbers and NaN.
    if (Number.isNaN(e)) throw notFinite();
    scaleByPowerOfTwo(buf, off, n * n, e);
    if ((yield call(getrf, n, n, buf, n, off, ipiv, 0)) > 0 || (yield call(getri, n, buf, n, off, ipiv, 0)) > 0) {
      throw new LinAlgError('Singular matrix');
    }
    scaleByPowerOfTwo(buf, off, n * n, e);
  }
  return wrap(buf, A.shape);
}

/** What {@link luDeterminants} finds: per matrix, the sign, log|det| and det. */
interface Determinants {
  readonly batch: readonly number[];
  readonly dtype: 'float64' | 'float32';
  readonly sign: Float64Array;
  readonly logAbs: Float64Array;
  readonly det: Float64Array;
}

/** LU-factors each matrix of the stack and finds sign, log|det| and det per matrix. */
function* luDeterminants(a: unknown, run: Run): Steps<Determinants> {
  const A = asSquareStack(a, 'a');
  const { batch, count, rows: n } = stackShape(A);
  const dtype = resultDType(A);
  const result = { batch, dtype, sign: new Float64Array(count), logAbs: new Float64Array(count), det: new Float64Array(count) };
  if (count === 0) return result;
  const buf = gatherRowMajor(A, workBuffer(run, dtype, A.size));
  const getrf = n > 0 ? lapackFor('getrf', dtype, n).getrf : null;
  const ipiv = pivotBuffer(run, n);
  for (let t = 0; t < count; t++) {
    const off = t * n * n;
    // As in solve: factor 2^e·A when its entries are subnormal or huge, and undo the scaling in
    // each diagonal factor, so the product under- or overflows only where the determinant does.
    const e = safeExponent(buf, off, n * n, dtype);
    if (Number.isNaN(e)) {
      // The determinant of a matrix with an infinity or a NaN is NaN on every backend, rather than
      // whatever mix of ±Infinity and NaN its pivoting order produces.
      result.sign[t] = result.logAbs[t] = result.det[t] = NaN;
      continue;
    }
    scaleByPowerOfTwo(buf, off, n * n, e);
    if (getrf !== null) yield call(getrf, n, n, buf, n, off, ipiv, 0);
    const unscale = 2 ** -e;
    let sign = 1;
    let logAbs = 0;
    let det = 1;
    for (let i = 0; i < n; i++) {
      const u = buf[off + i + i * n];
      if (ipiv[i] !== i + 1) sign = -sign;
      det *= u * unscale;
      if (u < 0) sign = -sign;
      logAbs += Math.log(Math.abs(u)) - e * Math.LN2;
    }
    if (logAbs === -Infinity) sign = 0;
    if (Number.isNaN(logAbs)) sign = NaN;
    // The sign of the product is the pivot parity times the signs of U's diagonal; + 0 turns a
    // singular matrix's -0 into numpy's 0.
    result.sign[t] = sign;
    result.logAbs[t] = logAbs;
    result.det[t] = ipivParity(ipiv, n) * det + 0;
  }
  return result;
}

function notFinite(): LinAlgError {
  return new LinAlgError('Array must not contain infs or NaNs');
}

function ipivParity(ipiv: Int32Array, n: number): number {
  let p = 1;
  for (let i = 0; i < n; i++) if (ipiv[i] !== i + 1) p = -p;
  return p;
}

/**
 * The determinant, as `numpy.linalg.det`: a number for a matrix, an NDArray of the leading
 * dimensions for a stack. Computed from the LU factorisation; the determinant of a 0×0 matrix
 * is 1. Overflows to ±Infinity where the product does: use {@link slogdet} for large matrices.
 * A matrix holding an infinity or a NaN has determinant NaN.
 *
 * @throws TypeError when `a` is not an NDArray, nested arrays of numbers or a
 *  Float64Array/Float32Array, holds anything but numbers (holes, strings, booleans, BigInt,
 *  objects), or its buffer was detached
 * @throws RangeError when `a` is not a square matrix or stack, or has more than 2³¹ − 1 elements
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * linalg.det(array([[1, 2], [3, 4]])); // -2 (to rounding)
 * ```
 */
export function det(a: ArrayInput): number | NDArray {
  return runSync(detSteps(a, SYNC));
}

/** {@link det}, as kernel steps. @internal */
export function* detSteps(a: unknown, run: Run): Steps<number | NDArray> {
  const { batch, dtype, det: values } = yield* luDeterminants(a, run);
  const out = alloc(dtype, product(batch));
  out.set(values);
  return scalarOrArray(out, batch);
}

/**
 * The sign and the natural logarithm of the absolute value of the determinant, as
 * `numpy.linalg.slogdet`: det = sign·exp(logabsdet) without overflow. For a singular matrix
 * sign is 0 and logabsdet is -Infinity; for a matrix holding an infinity or a NaN both are NaN.
 * Numbers for a matrix, NDArrays for a stack.
 *
 * @throws TypeError when `a` is not an NDArray, nested arrays of numbers or a
 *  Float64Array/Float32Array, holds anything but numbers (holes, strings, booleans, BigInt,
 *  objects), or its buffer was detached
 * @throws RangeError when `a` is not a square matrix or stack, or has more than 2³¹ − 1 elements
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * const { sign, logabsdet } = linalg.slogdet(array([[1e200, 0], [0, -1e200]]));
 * // sign = -1, logabsdet = 2·200·ln 10 ≈ 921.03
 * ```
 */
export function slogdet(a: ArrayInput): { sign: number | NDArray; logabsdet: number | NDArray } {
  return runSync(slogdetSteps(a, SYNC));
}

/** {@link slogdet}, as kernel steps. @internal */
export function* slogdetSteps(a: unknown, run: Run): Steps<{ sign: number | NDArray; logabsdet: number | NDArray }> {
  const { batch, dtype, sign, logAbs } = yield* luDeterminants(a, run);
  const count = product(batch);
  const s = alloc(dtype, count);
  const l = alloc(dtype, count);
  s.set(sign);
  l.set(logAbs);
  return { sign: scalarOrArray(s, batch), logabsdet: scalarOrArray(l, batch) };
}
