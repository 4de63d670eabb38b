/**
 * Vector and matrix norms (norm) and the condition number (cond).
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';
import { LinAlgError, describe } from '../errors.js';
import {
  NDArray, alloc, asMatrixStack, asSquareStack, optionsOf, product, rowMajorCopy, scalarOrArray, stackShape, toNDArray, wrap,
  type ArrayInput, type DType,
} from './internal.js';
import { invSteps } from './solve.js';
import { SYNC, runSync, type Run, type Steps } from './steps.js';
import { decompose } from './svd.js';

/**
 * The order of a norm, as numpy's `ord`: for vectors any number (Infinity, -Infinity, 0 counts
 * non-zeros, p for (Σ|xᵢ|ᵖ)^(1/p)); for matrices `'fro'`, `'nuc'`, 1, -1, 2, -2, Infinity,
 * -Infinity. `null`/`undefined` is the 2-norm of vectors and the Frobenius norm of matrices.
 *
 * @example
 * ```ts
 * import type { linalg } from '@polyblas/core';
 * const ord: linalg.NormOrder = 'nuc';
 * ```
 */
export type NormOrder = number | 'fro' | 'nuc' | null | undefined;

/** The Euclidean norm of `len` values from `data[off]` (scaled, so it neither overflows nor underflows). */
function euclidean(data: Float64Array, off: number, len: number): number {
  let scale = 0;
  for (let i = 0; i < len; i++) scale = Math.max(scale, Math.abs(data[off + i]));
  if (scale === 0 || !Number.isFinite(scale)) {
    if (Number.isNaN(scale)) return NaN;
    let nan = false;
    for (let i = 0; i < len; i++) nan ||= Number.isNaN(data[off + i]);
    return nan ? NaN : scale;
  }
  let sum = 0;
  for (let i = 0; i < len; i++) {
    const v = data[off + i] / scale;
    sum += v * v;
  }
  return scale * Math.sqrt(sum);
}

function pNorm(data: Float64Array, off: number, len: number, ord: number | null): number {
  if (ord === null || ord === 2) return euclidean(data, off, len);
  if (ord === Infinity || ord === -Infinity) {
    // numpy: the largest magnitude of nothing is 0, the smallest is undefined.
    if (len === 0 && ord < 0) throw new RangeError(`ord: ${ord} is not defined for an empty vector`);
    if (len === 0) return 0;
    let r = Math.abs(data[off]);
    for (let i = 1; i < len; i++) {
      const v = Math.abs(data[off + i]);
      r = ord > 0 ? Math.max(r, v) : Math.min(r, v);
    }
    return r;
  }
  let sum = 0;
  if (ord === 0) {
    for (let i = 0; i < len; i++) sum += data[off + i] !== 0 ? 1 : 0;
    return sum;
  }
  if (ord === 1) {
    for (let i = 0; i < len; i++) sum += Math.abs(data[off + i]);
    return sum;
  }
  for (let i = 0; i < len; i++) sum += Math.abs(data[off + i]) ** ord;
  return sum ** (1 / ord);
}

/** The 1/-1 (column sums) and ±Infinity (row sums) norms of a row-major r×c block. */
function sumNorm(data: Float64Array, off: number, r: number, c: number, ord: number): number {
  const byColumn = ord === 1 || ord === -1;
  const outer = byColumn ? c : r;
  const inner = byColumn ? r : c;
  if (outer === 0) return 0; // numpy (2.x) gives 0 for every norm of an empty matrix
  let result = ord > 0 ? -Infinity : Infinity;
  for (let p = 0; p < outer; p++) {
    let sum = 0;
    for (let q = 0; q < inner; q++) sum += Math.abs(data[off + (byColumn ? q * c + p : p * c + q)]);
    result = ord > 0 ? Math.max(result, sum) : Math.min(result, sum);
  }
  return result;
}

function normalizeAxis(axis: number, ndim: number, argument: string): number {
  if (!Number.isInteger(axis)) throw new TypeError(`${argument}: expected an integer axis, got ${describe(axis)}`);
  if (axis < -ndim || axis >= ndim) {
    throw new RangeError(`${argument}: expected an axis in [${-ndim}, ${ndim - 1}] for an array of ${ndim} dimensions, got ${axis}`);
  }
  return axis < 0 ? axis + ndim : axis;
}

/** The view of `a` with the given axes last, in that order (an O(1) view through the constructor). */
function moveLast(a: NDArray, axes: readonly number[]): NDArray {
  const order = [...Array.from({ length: a.ndim }, (_, d) => d).filter((d) => !axes.includes(d)), ...axes];
  return new NDArray(a.data, order.map((d) => a.shape[d]), order.map((d) => a.strides[d]), a.offset);
}

/**
 * A vector or matrix norm, as `numpy.linalg.norm(x, ord, axis, keepdims)`.
 *
 * - `axis` undefined/null: with `ord` undefined, the 2-norm of all elements flattened (any
 *   number of dimensions); with an `ord`, `x` must be a vector or a matrix.
 * - `axis` a number: vector norms along that axis. `axis` a pair: matrix norms over those axes
 *   (rows, columns).
 * - Vector orders: any number (see {@link NormOrder}); matrix orders: `'fro'`, `'nuc'`, ±1, ±2,
 *   ±Infinity (2 and -2 are the largest and smallest singular values, `'nuc'` their sum).
 *
 * The result is a number when no axes remain, otherwise an NDArray; `keepdims` keeps the reduced
 * axes as size 1.
 *
 * @throws TypeError when `x` is not an NDArray, nested arrays of numbers or a
 *  Float64Array/Float32Array, holds anything but numbers (holes, strings, booleans, BigInt,
 *  objects), or its buffer was detached
 * @throws TypeError when `ord` is not a number, `'fro'`, `'nuc'` or null, `axis` is not an integer
 *  or a pair of integers, or `options` is not an object, names an unknown option or `keepdims` is
 *  not a boolean
 * @throws RangeError when `ord` is NaN or not defined for the vector or matrix case, `axis` is out
 *  of range or repeats an axis, `x` needs axes for `ord` (more than two dimensions) or has more
 *  than 2³¹ − 1 elements
 * @throws LinAlgError `'Array must not contain infs or NaNs'` for the 2, -2 and `'nuc'` matrix
 *  norms (they take an SVD)
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * linalg.norm(array([3, 4])); // 5
 * linalg.norm(array([[1, 2], [3, 4]]), 1); // 6 (largest column sum)
 * linalg.norm(array([[1, 2], [3, 4]]), 2, 1); // NDArray [√5, 5] (row norms)
 * ```
 */
export function norm(x: ArrayInput, ord?: NormOrder): number;
export function norm(
  x: ArrayInput, ord: NormOrder, axis: number | readonly [number, number] | null | undefined,
  options?: { keepdims?: boolean },
): number | NDArray;
export function norm(
  x: ArrayInput, ord?: NormOrder, axis?: number | readonly [number, number] | null,
  options?: { keepdims?: boolean },
): number | NDArray {
  return runSync(normSteps(x, ord, axis, options));
}

/** {@link norm}, as kernel steps. @internal */
export function* normSteps(
  x: unknown, ord: NormOrder | undefined, axis: number | readonly [number, number] | null | undefined, options: unknown,
): Steps<number | NDArray> {
  const X = toNDArray(x, 'x');
  const keepdims = optionsOf<{ keepdims: boolean }>(options, ['keepdims']).keepdims ?? false;
  if (typeof keepdims !== 'boolean') throw new TypeError(`options.keepdims: expected a boolean, got ${describe(keepdims)}`);
  if (ord !== null && ord !== undefined && typeof ord !== 'number' && ord !== 'fro' && ord !== 'nuc') {
    throw new TypeError(`ord: expected a number, 'fro', 'nuc' or null, got ${describe(ord)}`);
  }
  if (typeof ord === 'number' && Number.isNaN(ord)) throw new RangeError('ord: expected a number, got NaN');
  const ndim = X.ndim;
  const dtype: DType = X.dtype === 'float32' ? 'float32' : 'float64';
  const ordValue = ord ?? null;

  let axes: number[];
  if (axis === undefined || axis === null) {
    if (ordValue === null || (ordValue === 'fro' && ndim === 2) || (ordValue === 2 && ndim === 1)) {
      const data = rowMajorCopy(X, 'float64') as Float64Array;
      const r = euclidean(data, 0, data.length);
      if (!keepdims) return r;
      const out = alloc(dtype, 1);
      out[0] = r;
      return wrap(out, new Array<number>(ndim).fill(1));
    }
    if (ndim !== 1 && ndim !== 2) {
      throw new RangeError(`x: expected a vector or a matrix for ord ${JSON.stringify(ordValue)} without axis, got shape [${X.shape.join(', ')}]`);
    }
    axes = ndim === 1 ? [0] : [0, 1];
  } else if (typeof axis === 'number') {
    axes = [normalizeAxis(axis, ndim, 'axis')];
  } else if (Array.isArray(axis) && axis.length === 2) {
    axes = [normalizeAxis(axis[0], ndim, 'axis[0]'), normalizeAxis(axis[1], ndim, 'axis[1]')];
    if (axes[0] === axes[1]) throw new RangeError(`axis: expected two different axes, got [${axis.join(', ')}]`);
  } else {
    throw new TypeError(`axis: expected an axis or a pair of axes, got ${describe(axis)}`);
  }

  if (axes.length === 1) {
    if (ordValue === 'fro' || ordValue === 'nuc') throw new RangeError(`ord: invalid norm order '${ordValue}' for vectors`);
    return reduceVectors(X, axes, ordValue, keepdims);
  }
  const view = moveLast(X, axes);
  const outerShape = view.shape.slice(0, ndim - axes.length);
  const count = product(outerShape);
  const out = alloc(dtype, count);
  const r = X.shape[axes[0]];
  const c = X.shape[axes[1]];
  if (ordValue === 2 || ordValue === -2 || ordValue === 'nuc') {
    const k = Math.min(r, c);
    const { s } = yield* decompose(view, 'N');
    for (let t = 0; t < count; t++) {
      if (k === 0) out[t] = 0;
      else if (ordValue === 'nuc') {
        let sum = 0;
        for (let i = 0; i < k; i++) sum += s[t * k + i];
        out[t] = sum;
      } else out[t] = ordValue === 2 ? s[t * k] : s[t * k + k - 1];
    }
  } else if (ordValue === null || ordValue === 'fro') {
    const data = rowMajorCopy(view, 'float64') as Float64Array;
    for (let t = 0; t < count; t++) out[t] = euclidean(data, t * r * c, r * c);
  } else if (ordValue === 1 || ordValue === -1 || ordValue === Infinity || ordValue === -Infinity) {
    const data = rowMajorCopy(view, 'float64') as Float64Array;
    for (let t = 0; t < count; t++) out[t] = sumNorm(data, t * r * c, r, c, ordValue);
  } else {
    throw new RangeError(`ord: expected a matrix norm order ('fro', 'nuc', 1, -1, 2, -2, Infinity, -Infinity), got ${JSON.stringify(ordValue)}`);
  }
  return finish(X, axes, out, outerShape, keepdims);
}

/** The reduction's result: a number when no axes remain, the kept shape with `keepdims`. */
function finish(X: NDArray, axes: readonly number[], out: FloatArray, outerShape: readonly number[], keepdims: boolean): number | NDArray {
  if (!keepdims) return scalarOrArray(out, outerShape);
  return wrap(out, X.shape.map((d, i) => (axes.includes(i) ? 1 : d)));
}

/** Vector norms over the given axes taken together (one vector per position of the others). */
function reduceVectors(X: NDArray, axes: readonly number[], ord: number | null, keepdims: boolean): number | NDArray {
  const view = moveLast(X, axes);
  const outerShape = view.shape.slice(0, X.ndim - axes.length);
  const count = product(outerShape);
  const len = product(axes.map((d) => X.shape[d]));
  const out = alloc(X.dtype === 'float32' ? 'float32' : 'float64', count);
  const data = rowMajorCopy(view, 'float64') as Float64Array;
  for (let t = 0; t < count; t++) out[t] = pNorm(data, t * len, len, ord);
  return finish(X, axes, out, outerShape, keepdims);
}

/**
 * A vector norm, as `numpy.linalg.vector_norm` (the array API's): over all elements
 * (`axis` undefined/null, whatever the number of dimensions), over one axis, or over several
 * axes taken together. `ord` is any number (default 2; see {@link NormOrder}).
 *
 * @throws TypeError when `x` is not an NDArray, nested arrays of numbers or a
 *  Float64Array/Float32Array, holds anything but numbers (holes, strings, booleans, BigInt,
 *  objects), or its buffer was detached
 * @throws TypeError when `options` is not an object, names an unknown option, or `ord` is not a
 *  number, `axis` not an axis or a list of axes, or `keepdims` not a boolean
 * @throws RangeError when an axis is out of range or repeated, `ord` is -Infinity on an empty
 *  vector, or `x` has more than 2³¹ − 1 elements
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * linalg.vectorNorm(array([[3, 0], [0, 4]])); // 5
 * linalg.vectorNorm(array([[3, 0], [0, 4]]), { axis: 0, ord: 1 }); // NDArray [3, 4]
 * ```
 */
export function vectorNorm(
  x: ArrayInput, options?: { axis?: number | readonly number[] | null; keepdims?: boolean; ord?: number },
): number | NDArray {
  const X = toNDArray(x, 'x');
  const opts = optionsOf<{ axis: number | readonly number[] | null; keepdims: boolean; ord: number }>(options, ['axis', 'keepdims', 'ord']);
  const ord = opts.ord ?? 2;
  if (typeof ord !== 'number' || Number.isNaN(ord)) throw new TypeError(`options.ord: expected a number, got ${describe(ord)}`);
  const keepdims = opts.keepdims ?? false;
  if (typeof keepdims !== 'boolean') throw new TypeError(`options.keepdims: expected a boolean, got ${describe(keepdims)}`);
  const axis = opts.axis ?? null;
  let axes: number[];
  if (axis === null) axes = Array.from({ length: X.ndim }, (_, d) => d);
  else if (typeof axis === 'number') axes = [normalizeAxis(axis, X.ndim, 'options.axis')];
  else if (Array.isArray(axis)) {
    axes = axis.map((d: number, i: number) => normalizeAxis(d, X.ndim, `options.axis[${i}]`));
    if (new Set(axes).size !== axes.length) throw new RangeError(`options.axis: expected distinct axes, got [${axis.join(', ')}]`);
  } else throw new TypeError(`options.axis: expected an axis or a list of axes, got ${describe(axis)}`);
  return reduceVectors(X, axes, ord, keepdims);
}

/**
 * A matrix norm over the last two axes, as `numpy.linalg.matrix_norm` (the array API's):
 * `ord` is `'fro'` (default), `'nuc'`, ±1, ±2 or ±Infinity, as in {@link norm}.
 *
 * @throws TypeError when `x` is not an NDArray, nested arrays of numbers or a
 *  Float64Array/Float32Array, holds anything but numbers (holes, strings, booleans, BigInt,
 *  objects), or its buffer was detached
 * @throws TypeError when `options` is not an object, names an unknown option, or `ord` or
 *  `keepdims` has the wrong type
 * @throws RangeError when `x` has fewer than two dimensions or more than 2³¹ − 1 elements, or `ord`
 *  is not a matrix norm order
 * @throws LinAlgError `'Array must not contain infs or NaNs'` for the 2, -2 and `'nuc'` orders
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * linalg.matrixNorm(array([[1, 2], [3, 4]]), { ord: 1 }); // 6
 * ```
 */
export function matrixNorm(x: ArrayInput, options?: { keepdims?: boolean; ord?: NormOrder }): number | NDArray {
  return runSync(matrixNormSteps(x, options));
}

/** {@link matrixNorm}, as kernel steps. @internal */
export function* matrixNormSteps(x: unknown, options: unknown): Steps<number | NDArray> {
  const X = asMatrixStack(x, 'x');
  const opts = optionsOf<{ keepdims: boolean; ord: NormOrder }>(options, ['keepdims', 'ord']);
  return yield* normSteps(X, opts.ord ?? 'fro', [-2, -1], { keepdims: opts.keepdims ?? false });
}

/**
 * The condition number of a matrix (or of each matrix of a stack), as `numpy.linalg.cond`:
 * for `p` undefined or 2 the ratio of the largest to the smallest singular value (any shape),
 * for -2 its inverse; for `'fro'`, `'nuc'`, ±1, ±Infinity `norm(A, p)·norm(A⁻¹, p)` (square
 * matrices). A singular matrix gives Infinity. A number for a matrix, an NDArray for a stack.
 *
 * @throws TypeError when `x` is not an NDArray, nested arrays of numbers or a
 *  Float64Array/Float32Array, holds anything but numbers (holes, strings, booleans, BigInt,
 *  objects), or its buffer was detached
 * @throws RangeError when `x` has fewer than two dimensions or more than 2³¹ − 1 elements, `p` is
 *  not a norm order, or `x` is not square for a `p` other than 2 and -2
 * @throws LinAlgError `'cond is not defined on empty arrays'`, or `'Array must not contain infs or
 *  NaNs'` for p = 2 or -2
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * linalg.cond(array([[1, 0], [0, 1e-3]])); // 1000
 * linalg.cond(array([[1, 0], [0, 1e-3]]), Infinity); // 1000
 * ```
 */
export function cond(x: ArrayInput, p?: NormOrder): number | NDArray {
  return runSync(condSteps(x, p, SYNC));
}

/** {@link cond}, as kernel steps. @internal */
export function* condSteps(x: unknown, p: NormOrder | undefined, run: Run): Steps<number | NDArray> {
  const X = asMatrixStack(x, 'x');
  const { batch, count, rows: m, cols: n } = stackShape(X);
  if (m === 0 || n === 0) throw new LinAlgError('cond is not defined on empty arrays');
  const dtype: DType = X.dtype === 'float32' ? 'float32' : 'float64';
  const out = alloc(dtype, count);
  const pv = p ?? null;
  if (pv === null || pv === 2 || pv === -2) {
    const k = Math.min(m, n);
    if (count > 0) {
      const { s } = yield* decompose(X, 'N');
      for (let t = 0; t < count; t++) {
        const r = pv === -2 ? s[t * k + k - 1] / s[t * k] : s[t * k] / s[t * k + k - 1];
        // 0/0 for a zero matrix: numpy reports Infinity for a singular matrix without NaN entries.
        out[t] = Number.isNaN(r) ? Infinity : r;
      }
    }
    return scalarOrArray(out, batch);
  }
  if (pv !== 'fro' && pv !== 'nuc' && pv !== 1 && pv !== -1 && pv !== Infinity && pv !== -Infinity) {
    throw new RangeError(`p: expected undefined, 'fro', 'nuc', 1, -1, 2, -2, Infinity or -Infinity, got ${describe(pv)}`);
  }
  asSquareStack(X, 'x');
  const data = rowMajorCopy(X, dtype);
  for (let t = 0; t < count; t++) {
    const matrix = wrap(data.subarray(t * n * n, (t + 1) * n * n), [n, n]);
    let r: number;
    try {
      r = norm(matrix, pv) * norm(yield* invSteps(matrix, run), pv);
    } catch (error) {
      if (!(error instanceof LinAlgError)) throw error;
      r = Infinity;
    }
    let hasNaN = false;
    for (let i = 0; i < n * n; i++) hasNaN ||= Number.isNaN(data[t * n * n + i]);
    // inv refuses infinities and NaNs: a NaN makes the condition number NaN, an infinity Infinity.
    out[t] = hasNaN ? NaN : Number.isNaN(r) ? Infinity : r;
  }
  return scalarOrArray(out, batch);
}
