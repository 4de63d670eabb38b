/**
 * Products of matrices: matrixPower, multiDot, and the trace.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';
import { describe } from '../errors.js';
import {
  NDArray, alloc, asMatrixStack, asSquareStack, blasFor, identityStack, numberOption, optionsOf, resultDType,
  rowMajorCopy, scalarOrArray, shapeError, stackShape, toNDArray, wrap, type ArrayInput, type DType,
} from './internal.js';
import { invSteps } from './solve.js';
import { SYNC, call, runSync, type Run, type Steps } from './steps.js';

/** C = A·B for `count` consecutive row-major M×K and K×N matrices, by gemm. */
function* matmulStack(
  dtype: DType, count: number, m: number, k: number, n: number, a: FloatArray, b: FloatArray,
): Steps<FloatArray> {
  const c = alloc(dtype, count * m * n);
  if (m === 0 || n === 0 || count === 0) return c;
  const gemm = blasFor('gemm', dtype, Math.max(m, k, n)).gemm;
  for (let t = 0; t < count; t++) {
    yield call(gemm, 'N', 'N', m, n, k, 1, a, k, 1, t * m * k, b, n, 1, t * k * n, 0, c, n, 1, t * m * n);
  }
  return c;
}

/**
 * A square matrix (or each matrix of a stack) raised to the integer power `n`, as
 * `numpy.linalg.matrix_power`, by repeated squaring: n = 0 gives the identity, negative n the
 * power of the inverse (which throws {@link LinAlgError} `'Singular matrix'` when there is none).
 *
 * @throws TypeError when `a` is not an NDArray, nested arrays of numbers or a
 *  Float64Array/Float32Array, holds anything but numbers (holes, strings, booleans, BigInt,
 *  objects), or its buffer was detached, or `n` is not an integer
 * @throws RangeError when `a` is not a square matrix or stack, or has more than 2³¹ − 1 elements
 * @throws LinAlgError `'Singular matrix'` for a negative `n` when a matrix has no inverse
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * linalg.matrixPower(array([[1, 1], [1, 0]]), 10).toArray(); // [[89, 55], [55, 34]]
 * linalg.matrixPower(array([[2, 0], [0, 4]]), -1).toArray(); // [[0.5, 0], [0, 0.25]]
 * ```
 */
export function matrixPower(a: ArrayInput, n: number): NDArray {
  return runSync(matrixPowerSteps(a, n, SYNC));
}

/** {@link matrixPower}, as kernel steps. @internal */
export function* matrixPowerSteps(a: unknown, n: number, run: Run): Steps<NDArray> {
  const A = asSquareStack(a, 'a');
  if (typeof n !== 'number' || !Number.isInteger(n)) throw new TypeError(`n: expected an integer exponent, got ${describe(n)}`);
  const { batch, count, rows: size } = stackShape(A);
  const dtype = resultDType(A);
  if (n === 0) return identityStack(dtype, batch, size);
  let z = n < 0 ? ((yield* invSteps(A, run)).data as FloatArray) : rowMajorCopy(A, dtype);
  let e = Math.abs(n);
  let result: FloatArray | null = null;
  // Binary powering: z runs through A, A², A⁴, ...; result collects the set bits of n.
  for (;;) {
    if (e % 2 === 1) result = result === null ? z : yield* matmulStack(dtype, count, size, size, size, result, z);
    e = Math.floor(e / 2);
    if (e === 0) break;
    z = yield* matmulStack(dtype, count, size, size, size, z, z);
  }
  return wrap(result === null ? z : result, A.shape);
}

/**
 * The costs of the optimal parenthesisation of a chain with dimensions `p` (matrix i is
 * p[i]×p[i+1]): `split[i][j]` is where the product of matrices i..j splits.
 */
function chainOrder(p: readonly number[]): number[][] {
  const n = p.length - 1;
  const cost = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const split = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let len = 1; len < n; len++) {
    for (let i = 0; i + len < n; i++) {
      const j = i + len;
      cost[i][j] = Infinity;
      for (let s = i; s < j; s++) {
        const c = cost[i][s] + cost[s + 1][j] + p[i] * p[s + 1] * p[j + 1];
        if (c < cost[i][j]) {
          cost[i][j] = c;
          split[i][j] = s;
        }
      }
    }
  }
  return split;
}

/**
 * The product of two or more matrices with the cheapest order of multiplication, as
 * `numpy.linalg.multi_dot` (dynamic programming over the parenthesisations). The first array
 * may be a vector (a row vector) and the last may be a vector (a column vector); the dimensions
 * they add are dropped from the result, and two vectors give a number.
 *
 * @throws TypeError when `arrays` is not an array, or one of its entries is not an NDArray, nested
 *  arrays of numbers or a Float64Array/Float32Array (`arrays[i]` is named), or is detached
 * @throws RangeError when there are fewer than two arrays, an inner array is not a matrix, a shape
 *  does not chain with the previous one, or an array has more than 2³¹ − 1 elements
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * const a = array([[1, 2]]), b = array([[3], [4]]), c = array([[5, 6]]);
 * linalg.multiDot([a, b, c]).toArray(); // [[55, 66]] computed as a·(b·c) or (a·b)·c, whichever is cheaper
 * linalg.multiDot([array([1, 2]), array([[1, 0], [0, 1]]), array([3, 4])]); // 11
 * ```
 */
export function multiDot(arrays: readonly ArrayInput[]): number | NDArray {
  return runSync(multiDotSteps(arrays));
}

/** {@link multiDot}, as kernel steps. @internal */
export function* multiDotSteps(arrays: readonly unknown[]): Steps<number | NDArray> {
  if (!Array.isArray(arrays)) throw new TypeError(`arrays: expected an array of arrays, got ${describe(arrays)}`);
  if (arrays.length < 2) throw new RangeError(`arrays: expected at least two arrays, got ${arrays.length}`);
  const last = arrays.length - 1;
  // Array.from visits holes too (map would skip them and leave a hole in mats).
  const mats = Array.from(arrays, (value, i) => {
    const a = toNDArray(value, `arrays[${i}]`);
    if (a.ndim === 1 && (i === 0 || i === last)) {
      return i === 0
        ? new NDArray(a.data, [1, a.shape[0]], [0, a.strides[0]], a.offset)
        : new NDArray(a.data, [a.shape[0], 1], [a.strides[0], 0], a.offset);
    }
    if (a.ndim !== 2) {
      shapeError(`arrays[${i}]`, i === 0 || i === last ? 'a vector or a matrix' : 'a matrix (two dimensions)', a.shape);
    }
    return a;
  });
  for (let i = 0; i < last; i++) {
    if (mats[i].shape[1] !== mats[i + 1].shape[0]) {
      throw new RangeError(
        `arrays[${i + 1}]: expected ${mats[i].shape[1]} rows to match the columns of arrays[${i}], got shape [${mats[i + 1].shape.join(', ')}]`,
      );
    }
  }
  const dtype = resultDType(...mats);
  const dims = [mats[0].shape[0], ...mats.map((a) => a.shape[1])];
  const data = mats.map((a) => rowMajorCopy(a, dtype));
  const split = chainOrder(dims);
  function* multiply(i: number, j: number): Steps<FloatArray> {
    if (i === j) return data[i];
    const s = split[i][j];
    const left = yield* multiply(i, s);
    const right = yield* multiply(s + 1, j);
    return yield* matmulStack(dtype, 1, dims[i], dims[s + 1], dims[j + 1], left, right);
  }
  const product = yield* multiply(0, last);
  const firstVector = toNDArray(arrays[0], 'arrays[0]').ndim === 1;
  const lastVector = toNDArray(arrays[last], `arrays[${last}]`).ndim === 1;
  const shape = [...(firstVector ? [] : [dims[0]]), ...(lastVector ? [] : [dims[last + 1]])];
  return scalarOrArray(product, shape);
}

/**
 * The sum of a diagonal of a matrix (or of each matrix of a stack, over the last two axes), as
 * `numpy.linalg.trace`: the main diagonal, or with `offset` k the elements (i, i + k) (k < 0:
 * below it). A number for a matrix, an NDArray for a stack.
 *
 * @throws TypeError when `a` is not an NDArray, nested arrays of numbers or a
 *  Float64Array/Float32Array, holds anything but numbers (holes, strings, booleans, BigInt,
 *  objects), or its buffer was detached
 * @throws TypeError when `options` is not an object, names an unknown option, or `offset` is not an
 *  integer
 * @throws RangeError when `a` has fewer than two dimensions or more than 2³¹ − 1 elements
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * linalg.trace(array([[1, 2], [3, 4]])); // 5
 * linalg.trace(array([[1, 2], [3, 4]]), { offset: 1 }); // 2
 * ```
 */
export function trace(a: ArrayInput, options?: { offset?: number }): number | NDArray {
  const A = asMatrixStack(a, 'a');
  const offset = numberOption(optionsOf<{ offset: number }>(options, ['offset']).offset, 'options.offset', 0);
  if (!Number.isInteger(offset)) throw new TypeError(`options.offset: expected an integer, got ${offset}`);
  const { batch, count, rows: m, cols: n } = stackShape(A);
  const dtype = A.dtype === 'float32' ? 'float32' : 'float64';
  const data = rowMajorCopy(A, dtype);
  const out = alloc(dtype, count);
  const first = Math.max(0, -offset);
  for (let t = 0; t < count; t++) {
    let sum = 0;
    for (let i = first; i < m && i + offset < n; i++) sum += data[t * m * n + i * n + i + offset];
    out[t] = sum;
  }
  return scalarOrArray(out, batch);
}
