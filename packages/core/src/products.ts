/**
 * Matrix and vector products: `matmul`, `dot`, `vdot`, `inner`, `outer`, as numpy defines them.
 * Every product reaches the backend's `gemm` or `dot` with the operands' own strides, so
 * transposed and sliced views are never copied.
 *
 * @module
 */
import type { FloatArray, Gemm, Kernels } from '@polyblas/contract';
import { kernelsFor } from './backend/select.js';
import { rangeError, rejectUnknownOptions, typeError, worded } from './errors.js';
import { checkElementCount, detachedError, isDetached } from './ndarray/layout.js';
import { array, empty, multiply, NDArray, type ArrayInput, type DType } from './ndarray/index.js';
import { call, runAsync, runSync, type KernelCall, type Steps } from './linalg/steps.js';

function toArray(value: ArrayInput, argument: string): NDArray {
  if (value instanceof NDArray) {
    // A transferred buffer reads as length 0: without this check the product would be all NaN.
    if (value.size > 0 && value.data.length === 0) throw detachedError(argument);
    // A broadcast view may be tiny in memory and huge in size; the native and wasm backends copy
    // operands they cannot read in place, which past 32-bit indices fails inside the binding.
    checkElementCount(value.shape, argument, 'an operand');
    return value;
  }
  if (ArrayBuffer.isView(value) && isDetached(value as FloatArray)) throw detachedError(argument);
  try {
    return array(value);
  } catch (error) {
    // Name the product's own argument, not array()'s.
    if (error instanceof TypeError) typeError(argument, 'an NDArray, a number, a nested array of numbers or a Float64Array/Float32Array', value);
    throw error;
  }
}

/** Both operands in the result's dtype: float32 only when both are. */
function commonDtype(a: NDArray, b: NDArray): [NDArray, NDArray, DType] {
  if (a.dtype === b.dtype) return [a, b, a.dtype];
  return [a.dtype === 'float64' ? a : a.astype('float64'), b.dtype === 'float64' ? b : b.astype('float64'), 'float64'];
}

function checkOut(out: unknown, shape: readonly number[], dtype: DType): NDArray {
  if (!(out instanceof NDArray)) return typeError('options.out', 'an NDArray', out);
  if (out.size > 0 && out.data.length === 0) throw detachedError('options.out');
  for (let k = 0; k < out.ndim; k++) {
    // A broadcast view repeats elements: each would receive several results, the last one winning.
    if (out.strides[k] === 0 && out.shape[k] > 1) {
      rangeError('options.out', 'an array without repeated elements (a broadcast view cannot be written)', out);
    }
  }
  if (out.shape.length !== shape.length || out.shape.some((d, i) => d !== shape[i])) {
    rangeError('options.out', `shape [${shape.join(', ')}]`, worded(`shape [${out.shape.join(', ')}]`));
  }
  if (out.dtype !== dtype) rangeError('options.out', `dtype ${dtype}`, out.dtype);
  return out;
}

function sharesMemory(x: NDArray, y: NDArray): boolean {
  return x.data.buffer === y.data.buffer;
}

/** The gemm call C[offC..] = A·B for one M×K by K×N pair given by strides (every product makes it). */
function gemmInto(
  kernels: Kernels, M: number, N: number, K: number,
  a: NDArray, sa1: number, sa2: number, oa: number,
  b: NDArray, sb1: number, sb2: number, ob: number,
  c: NDArray, sc1: number, sc2: number, oc: number,
): KernelCall {
  const gemm = (a.dtype === 'float64' ? kernels.dgemm : kernels.sgemm) as Gemm<FloatArray>;
  return call(
    gemm, 'N', 'N', M, N, K, 1, a.data as FloatArray, sa1, sa2, oa, b.data as FloatArray, sb1, sb2, ob, 0,
    c.data as FloatArray, sc1, sc2, oc,
  );
}

/** Broadcasts two batch shapes as numpy does, naming the operands in the error. */
function broadcastShapes(x: readonly number[], y: readonly number[]): number[] {
  const n = Math.max(x.length, y.length);
  const shape: number[] = [];
  for (let i = 0; i < n; i++) {
    const dx = x[x.length - n + i] ?? 1;
    const dy = y[y.length - n + i] ?? 1;
    if (dx !== dy && dx !== 1 && dy !== 1) {
      rangeError('b', `batch dimensions that broadcast with a's [${x.join(', ')}]`, worded(`[${y.join(', ')}]`));
    }
    shape.push(dx === 1 ? dy : dx);
  }
  return shape;
}

/**
 * The matrix product of two arrays, as numpy's `matmul` (the `@` operator):
 * 2-D × 2-D is the matrix product; a 1-D operand is promoted to a row (first) or column (second)
 * vector and that axis is removed from the result; arrays of more dimensions are stacks of
 * matrices in the last two axes, whose leading axes broadcast. Two 1-D operands give a 0-d array
 * (read it with `.item()`). The result is float32 only when both operands are.
 *
 * @param a - left operand, shape (..., M, K) or (K)
 * @param b - right operand, shape (..., K, N) or (K)
 * @param options - `out`: an array of the result's shape and dtype to write into
 * @throws TypeError when `a` or `b` is not an NDArray, a number, nested arrays of numbers or a
 *  typed array of numbers, or is detached; when `options` is not an object or names an unknown
 *  option; or when `options.out` is not an NDArray or is detached
 * @throws RangeError when an operand is 0-d, the inner dimensions differ, the batch dimensions do
 *  not broadcast, an operand or the result has more than 2³¹ − 1 elements, or `options.out` has the
 *  wrong shape or dtype or repeats elements (a broadcast view)
 * @example
 * ```ts
 * import { array, matmul } from '@polyblas/core';
 * const c = matmul(array([[1, 2], [3, 4]]), array([[5, 6], [7, 8]]));
 * c.toArray(); // [[19, 22], [43, 50]]
 * matmul(array([[1, 2], [3, 4]]).T, array([1, 1])).toArray(); // [4, 6]
 * ```
 */
export function matmul(a: ArrayInput, b: ArrayInput, options?: { out?: NDArray }): NDArray {
  return runSync(matmulSteps(a, b, options));
}

/** {@link matmul}, as kernel steps. @internal */
export function* matmulSteps(a: ArrayInput, b: ArrayInput, options: { out?: NDArray } | undefined): Steps<NDArray> {
  if (options === null || options === undefined) options = {};
  else if (typeof options !== 'object' || Array.isArray(options) || options instanceof NDArray) typeError('options', 'an options object such as { out }', options);
  rejectUnknownOptions(options, ['out']);
  let x = toArray(a, 'a');
  let y = toArray(b, 'b');
  if (x.ndim === 0) rangeError('a', 'an array of at least 1 dimension (use multiply for scalars)', x);
  if (y.ndim === 0) rangeError('b', 'an array of at least 1 dimension (use multiply for scalars)', y);
  let dtype: DType;
  [x, y, dtype] = commonDtype(x, y);
  const xVector = x.ndim === 1;
  const yVector = y.ndim === 1;
  const x2 = xVector ? x.reshape(1, x.shape[0]) : x;
  const y2 = yVector ? y.reshape(y.shape[0], 1) : y;
  const M = x2.shape[x2.ndim - 2];
  const K = x2.shape[x2.ndim - 1];
  const N = y2.shape[y2.ndim - 1];
  if (y2.shape[y2.ndim - 2] !== K) {
    rangeError('b', `${K} rows to match the ${K} columns of a (a has shape [${x.shape.join(', ')}])`, worded(`shape [${y.shape.join(', ')}]`));
  }
  const batch = broadcastShapes(x2.shape.slice(0, -2), y2.shape.slice(0, -2));
  const fullShape = [...batch, M, N];
  checkElementCount(fullShape, 'b', `an operand whose product with a of shape [${x.shape.join(', ')}] is an array`);
  const resultShape = [...batch, ...(xVector ? [] : [M]), ...(yVector ? [] : [N])];
  const out = options.out === undefined ? undefined : checkOut(options.out, resultShape, dtype);
  // Overlapping output would be read after being written, and an output that cannot take the
  // (..., M, N) shape as a view cannot be written through: both go through fresh memory.
  const writable = out !== undefined && !sharesMemory(out, x) && !sharesMemory(out, y)
    && (out.ndim === fullShape.length || out.isContiguous());
  const target = writable ? out : empty(resultShape, { dtype });
  const c = target.ndim === fullShape.length ? target : target.reshape(fullShape);
  const kernels = kernelsFor('gemm', Math.max(M, N, K));
  const batchSize = batch.reduce((p, d) => p * d, 1);
  const index = new Array<number>(batch.length).fill(0);
  const offsetIn = (arr: NDArray, i: readonly number[]): number => {
    let off = arr.offset;
    const lead = arr.ndim - 2;
    for (let d = 0; d < lead; d++) {
      const dim = i[batch.length - lead + d];
      if (arr.shape[d] !== 1) off += dim * arr.strides[d];
    }
    return off;
  };
  for (let t = 0; t < batchSize; t++) {
    yield gemmInto(
      kernels, M, N, K,
      x2, x2.strides[x2.ndim - 2], x2.strides[x2.ndim - 1], offsetIn(x2, index),
      y2, y2.strides[y2.ndim - 2], y2.strides[y2.ndim - 1], offsetIn(y2, index),
      c, c.strides[c.ndim - 2], c.strides[c.ndim - 1], offsetIn(c, index),
    );
    for (let d = batch.length - 1; d >= 0; d--) {
      if (++index[d] < batch[d]) break;
      index[d] = 0;
    }
  }
  if (out !== undefined && target !== out) {
    // Multiplying by one copies every value exactly, NaN and -0 included.
    multiply(target, 1, { out });
    return out;
  }
  return target;
}

function dotKernel(kernels: Kernels, x: NDArray, y: NDArray): number {
  const dot = x.dtype === 'float64' ? kernels.ddot : kernels.sdot;
  return (dot as (...args: unknown[]) => number)(x.size, x.data, x.strides[0], x.offset, y.data, y.strides[0], y.offset);
}

/**
 * {@link matmul} as a promise: on a backend with promise forms of its kernels (openblas) the
 * products run on a worker thread and the event loop stays free; elsewhere they run on the calling
 * thread. `a` and `b` are read in place, without a copy, and `options.out` is written when the work
 * is done: leave them unchanged until the promise settles. The same as `linalg.async.matmul`.
 *
 * @throws the errors of {@link matmul}, as a rejection
 * @example
 * ```ts
 * import { array, matmulAsync } from '@polyblas/core';
 * const c = await matmulAsync(array([[1, 2], [3, 4]]), array([[5, 6], [7, 8]]));
 * c.toArray(); // [[19, 22], [43, 50]]
 * ```
 */
export function matmulAsync(a: ArrayInput, b: ArrayInput, options?: { out?: NDArray }): Promise<NDArray> {
  return runAsync(matmulSteps(a, b, options));
}

/**
 * numpy's `dot`: for two 1-D arrays the inner product (a number); for 2-D arrays the matrix
 * product; for N-D × M-D the sum product over the last axis of `a` and the second-to-last of `b`
 * (result shape `a.shape[:-1] + b.shape[:-2] + b.shape[-1:]`); with a number, the elementwise
 * product.
 *
 * @throws TypeError when `a` or `b` is not an NDArray, a number, nested arrays of numbers or a
 *  typed array of numbers, or is detached
 * @throws RangeError when the contracted dimensions differ, or an operand has more than 2³¹ − 1
 *  elements
 * @example
 * ```ts
 * import { array, dot } from '@polyblas/core';
 * dot(array([1, 2, 3]), array([4, 5, 6])); // 32
 * (dot(array([[1, 0], [0, 1]]), array([[4, 1], [2, 2]])) as NDArray).toArray(); // [[4, 1], [2, 2]]
 * ```
 */
export function dot(a: ArrayInput, b: ArrayInput): number | NDArray {
  let x = toArray(a, 'a');
  let y = toArray(b, 'b');
  if (x.ndim === 0 || y.ndim === 0) {
    const scalar = x.ndim === 0 ? x.item() : y.item();
    const other = x.ndim === 0 ? y : x;
    return other.multiply(scalar);
  }
  [x, y] = commonDtype(x, y);
  if (x.ndim === 1 && y.ndim === 1) {
    if (x.shape[0] !== y.shape[0]) rangeError('b', `length ${x.shape[0]} to match a`, worded(`length ${y.shape[0]}`));
    return dotKernel(kernelsFor('dot', x.size), x, y);
  }
  if (y.ndim <= 2) return matmul(x, y);
  // General case: contract a's last axis with b's second-to-last, as a single gemm.
  const K = x.shape[x.ndim - 1];
  if (y.shape[y.ndim - 2] !== K) {
    rangeError('b', `shape with ${K} in its second-to-last axis to match a`, worded(`shape [${y.shape.join(', ')}]`));
  }
  const yFirst = y.transpose(...[y.ndim - 2, ...Array.from({ length: y.ndim }, (_, i) => i).filter((i) => i !== y.ndim - 2)]);
  const left = x.reshape(-1, K);
  const right = yFirst.reshape(K, -1);
  const shape = [...x.shape.slice(0, -1), ...y.shape.slice(0, -2), y.shape[y.ndim - 1]];
  return matmul(left, right).reshape(shape);
}

/**
 * numpy's `vdot`: both arrays flattened, then their inner product (a number).
 *
 * @throws TypeError when `a` or `b` is not an NDArray, a number, nested arrays of numbers or a
 *  typed array of numbers, or is detached
 * @throws RangeError when `a` and `b` have different sizes, or more than 2³¹ − 1 elements
 * @example
 * ```ts
 * import { array, vdot } from '@polyblas/core';
 * vdot(array([[1, 2], [3, 4]]), array([[1, 1], [1, 1]])); // 10
 * ```
 */
export function vdot(a: ArrayInput, b: ArrayInput): number {
  let x = toArray(a, 'a').reshape(-1);
  let y = toArray(b, 'b').reshape(-1);
  if (x.size !== y.size) rangeError('b', `${x.size} elements to match a`, worded(`${y.size} elements`));
  [x, y] = commonDtype(x, y);
  return dotKernel(kernelsFor('dot', x.size), x, y);
}

/**
 * numpy's `inner`: the sum product over the last axes. Two 1-D arrays give a number; otherwise
 * the result has shape `a.shape[:-1] + b.shape[:-1]`.
 *
 * @throws TypeError when `a` or `b` is not an NDArray, a number, nested arrays of numbers or a
 *  typed array of numbers, or is detached
 * @throws RangeError when the last axes differ in length, or an operand has more than 2³¹ − 1
 *  elements
 * @example
 * ```ts
 * import { array, inner } from '@polyblas/core';
 * inner(array([1, 2]), array([3, 4])); // 11
 * (inner(array([[1, 2], [3, 4]]), array([1, 1])) as NDArray).toArray(); // [3, 7]
 * ```
 */
export function inner(a: ArrayInput, b: ArrayInput): number | NDArray {
  const x = toArray(a, 'a');
  const y = toArray(b, 'b');
  if (x.ndim === 0 || y.ndim === 0) return dot(x, y);
  const K = x.shape[x.ndim - 1];
  if (y.shape[y.ndim - 1] !== K) rangeError('b', `last axis of length ${K} to match a`, worded(`shape [${y.shape.join(', ')}]`));
  if (x.ndim === 1 && y.ndim === 1) return dot(x, y);
  const result = matmul(x.reshape(-1, K), y.reshape(-1, K).T);
  return result.reshape([...x.shape.slice(0, -1), ...y.shape.slice(0, -1)]);
}

/**
 * numpy's `outer`: both arrays flattened, then the M×N matrix aᵢ·bⱼ.
 *
 * @throws TypeError when `a` or `b` is not an NDArray, a number, nested arrays of numbers or a
 *  typed array of numbers, or is detached
 * @throws RangeError when an operand or the result has more than 2³¹ − 1 elements
 * @example
 * ```ts
 * import { array, outer } from '@polyblas/core';
 * outer(array([1, 2]), array([3, 4, 5])).toArray(); // [[3, 4, 5], [6, 8, 10]]
 * ```
 */
export function outer(a: ArrayInput, b: ArrayInput): NDArray {
  const x = toArray(a, 'a').reshape(-1, 1);
  const y = toArray(b, 'b').reshape(1, -1);
  return matmul(x, y);
}
