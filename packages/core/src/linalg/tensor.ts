/**
 * numpy.linalg's shape utilities and tensor forms: matrixTranspose, diagonal, tensorinv,
 * tensorsolve.
 *
 * @module
 */
import { LinAlgError, describe } from '../errors.js';
import {
  NDArray, alloc, asMatrixStack, numberOption, optionsOf, product, resultDType, rowMajorCopy, toNDArray, wrap,
  type ArrayInput,
} from './internal.js';
import { invSteps, solveSteps } from './solve.js';
import { SYNC, runSync, type Run, type Steps } from './steps.js';

/**
 * Each matrix of a stack transposed (the last two axes swapped), as
 * `numpy.linalg.matrix_transpose`: an O(1) view of the same data.
 *
 * @throws TypeError when `x` is not an NDArray, nested arrays of numbers or a
 *  Float64Array/Float32Array, holds anything but numbers (holes, strings, booleans, BigInt,
 *  objects), or its buffer was detached
 * @throws RangeError when `x` has fewer than two dimensions or more than 2³¹ − 1 elements
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * linalg.matrixTranspose(array([[1, 2, 3], [4, 5, 6]])).toArray(); // [[1, 4], [2, 5], [3, 6]]
 * ```
 */
export function matrixTranspose(x: ArrayInput): NDArray {
  const X = asMatrixStack(x, 'x');
  const nd = X.ndim;
  const shape = [...X.shape];
  const strides = [...X.strides];
  [shape[nd - 2], shape[nd - 1]] = [shape[nd - 1], shape[nd - 2]];
  [strides[nd - 2], strides[nd - 1]] = [strides[nd - 1], strides[nd - 2]];
  return new NDArray(X.data, shape, strides, X.offset);
}

/**
 * The diagonals of a matrix or of each matrix of a stack, as `numpy.linalg.diagonal`:
 * `[..., K]` holding elements (i, i + offset). A new array (numpy returns a read-only view).
 *
 * @throws TypeError when `x` is not an NDArray, nested arrays of numbers or a
 *  Float64Array/Float32Array, holds anything but numbers (holes, strings, booleans, BigInt,
 *  objects), or its buffer was detached
 * @throws TypeError when `options` is not an object, names an unknown option, or `offset` is not an
 *  integer
 * @throws RangeError when `x` has fewer than two dimensions or more than 2³¹ − 1 elements
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * linalg.diagonal(array([[1, 2], [3, 4]])).toArray(); // [1, 4]
 * linalg.diagonal(array([[1, 2], [3, 4]]), { offset: -1 }).toArray(); // [3]
 * ```
 */
export function diagonal(x: ArrayInput, options?: { offset?: number }): NDArray {
  const X = asMatrixStack(x, 'x');
  const offset = numberOption(optionsOf<{ offset: number }>(options, ['offset']).offset, 'options.offset', 0);
  if (!Number.isInteger(offset)) throw new TypeError(`options.offset: expected an integer, got ${describe(offset)}`);
  const nd = X.ndim;
  const m = X.shape[nd - 2];
  const n = X.shape[nd - 1];
  const len = Math.max(0, offset >= 0 ? Math.min(m, n - offset) : Math.min(m + offset, n));
  const shape = [...X.shape.slice(0, -2), len];
  if (len === 0) return wrap(alloc(X.dtype, product(shape)), shape);
  const start = X.offset + (offset >= 0 ? offset * X.strides[nd - 1] : -offset * X.strides[nd - 2]);
  const view = new NDArray(X.data, shape, [...X.strides.slice(0, -2), X.strides[nd - 2] + X.strides[nd - 1]], start);
  return wrap(rowMajorCopy(view, X.dtype), shape);
}

/**
 * The inverse of an N-dimensional array seen as a linear map, as `numpy.linalg.tensorinv`: with
 * `ind` (default 2) leading axes as the output index, `a` of shape `[...out, ...in]` (equal
 * products) gives `[...in, ...out]` with `tensordot(inv, a, ind)` the identity.
 *
 * @throws TypeError when `a` is not an NDArray, nested arrays of numbers or a
 *  Float64Array/Float32Array, holds anything but numbers (holes, strings, booleans, BigInt,
 *  objects), or its buffer was detached
 * @throws TypeError when `options` is not an object, names an unknown option, or `ind` is not a
 *  number
 * @throws RangeError when `ind` is not a positive integer up to `a.ndim`, the two index groups have
 *  different products, or `a` has more than 2³¹ − 1 elements
 * @throws LinAlgError `'Singular matrix'`
 * @example
 * ```ts
 * import { eye, linalg } from '@polyblas/core';
 * const a = eye(6).reshape(6, 2, 3).multiply(4);
 * linalg.tensorinv(a, { ind: 1 }).shape; // [2, 3, 6], every non-zero 0.25
 * ```
 */
export function tensorinv(a: ArrayInput, options?: { ind?: number }): NDArray {
  return runSync(tensorinvSteps(a, options, SYNC));
}

/** {@link tensorinv}, as kernel steps. @internal */
export function* tensorinvSteps(a: unknown, options: unknown, run: Run): Steps<NDArray> {
  const A = toNDArray(a, 'a');
  const ind = numberOption(optionsOf<{ ind: number }>(options, ['ind']).ind, 'options.ind', 2);
  if (!Number.isInteger(ind) || ind <= 0) throw new RangeError(`options.ind: expected a positive integer, got ${describe(ind)}`);
  if (ind > A.ndim) throw new RangeError(`options.ind: expected at most the ${A.ndim} dimensions of a, got ${ind}`);
  const outer = A.shape.slice(0, ind);
  const inner = A.shape.slice(ind);
  const rows = product(outer);
  if (rows !== product(inner)) {
    throw new RangeError(
      `a: expected the product of the first ${ind} dimensions to equal that of the rest, got shape [${A.shape.join(', ')}]`,
    );
  }
  const dtype = resultDType(A);
  const square = wrap(rowMajorCopy(A, dtype), [rows, rows]);
  return wrap((yield* invSteps(square, run)).data as Float64Array | Float32Array, [...inner, ...outer]);
}

/**
 * Solves the tensor equation `tensordot(a, x, x.ndim) = b` for x, as `numpy.linalg.tensorsolve`:
 * the trailing axes of `a` (after `b.ndim` leading ones) index x, and their product must equal
 * the product of b's shape. `axes` lists axes of `a` to move to the end first, in that order.
 *
 * @throws TypeError when `a` or `b` is not an NDArray, nested arrays of numbers or a
 *  Float64Array/Float32Array, holds anything but numbers (holes, strings, booleans, BigInt,
 *  objects), or its buffer was detached
 * @throws TypeError when `options` is not an object, names an unknown option, or `axes` is not a
 *  list
 * @throws RangeError when an entry of `axes` is not an axis of `a`, `b` has more dimensions than
 *  `a`, or an input has more than 2³¹ − 1 elements
 * @throws LinAlgError when the shapes do not form a square system, or `'Singular matrix'`
 * @example
 * ```ts
 * import { eye, linalg, ones } from '@polyblas/core';
 * const a = eye(6).reshape(2, 3, 6).multiply(2);
 * linalg.tensorsolve(a, ones([2, 3])).shape; // [6], every element 0.5
 * ```
 */
export function tensorsolve(a: ArrayInput, b: ArrayInput, options?: { axes?: readonly number[] }): NDArray {
  return runSync(tensorsolveSteps(a, b, options, SYNC));
}

/** {@link tensorsolve}, as kernel steps. @internal */
export function* tensorsolveSteps(a: unknown, b: unknown, options: unknown, run: Run): Steps<NDArray> {
  let A = toNDArray(a, 'a');
  const B = toNDArray(b, 'b');
  const axes = optionsOf<{ axes: readonly number[] }>(options, ['axes']).axes;
  if (axes !== undefined && axes !== null) {
    if (!Array.isArray(axes)) throw new TypeError(`options.axes: expected a list of axes, got ${describe(axes)}`);
    const moved = Array.from(axes as readonly unknown[], (d, i) => {
      if (typeof d !== 'number' || !Number.isInteger(d)) {
        throw new TypeError(`options.axes[${i}]: expected an integer axis, got ${describe(d)}`);
      }
      if (d < -A.ndim || d >= A.ndim) {
        throw new RangeError(`options.axes[${i}]: expected an axis of a (${A.ndim} dimensions), got ${describe(d)}`);
      }
      return d < 0 ? d + A.ndim : d;
    });
    // A repeated axis would make a view with more axes than a has.
    if (new Set(moved).size !== moved.length) throw new RangeError(`options.axes: expected distinct axes, got [${axes.join(', ')}]`);
    const order = [...Array.from({ length: A.ndim }, (_, d) => d).filter((d) => !moved.includes(d)), ...moved];
    A = new NDArray(A.data, order.map((d) => A.shape[d]), order.map((d) => A.strides[d]), A.offset);
  }
  if (B.ndim > A.ndim) throw new RangeError(`b: expected at most the ${A.ndim} dimensions of a, got shape [${B.shape.join(', ')}]`);
  const xShape = A.shape.slice(B.ndim);
  const n = product(xShape);
  if (product(A.shape.slice(0, B.ndim)) !== n || product(B.shape) !== n) {
    throw new LinAlgError(
      `Input arrays must satisfy prod(a.shape[b.ndim:]) == prod(a.shape[:b.ndim]) == b.size, got a [${A.shape.join(', ')}] and b [${B.shape.join(', ')}]`,
    );
  }
  const dtype = resultDType(A, B);
  const x = yield* solveSteps(wrap(rowMajorCopy(A, dtype), [n, n]), wrap(rowMajorCopy(B, dtype), [n]), run);
  return wrap(x.data as Float64Array | Float32Array, xShape);
}
