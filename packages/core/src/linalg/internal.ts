/**
 * What every linalg function shares: turning arguments into NDArrays and validating them once,
 * copying matrices into LAPACK work buffers (the caller's data is never handed to a kernel that
 * writes), looping over stacks of matrices, and building results.
 *
 * Layout: {@link gatherRowMajor} copies a stack into C order. A row-major M×N matrix read as
 * column-major with leading dimension N is its transpose, so routines whose mathematics allows it
 * (det, solve, inv, cholesky, svd, eigvalsh) hand LAPACK Aᵀ without any transposing copy;
 * {@link gatherColumnMajor} serves the rest (qr, eig, lstsq).
 *
 * @module
 */
import {
  blasOf, lapackOf, type Blas, type BlasRoutine, type FloatArray, type Kernels, type Lapack, type LapackRoutine,
  type Precision,
} from '@polyblas/contract';
import { kernelsFor } from '../backend/dispatch.js';
import { LinAlgError, describe, rejectUnknownOptions } from '../errors.js';
import { NDArray, array } from '../ndarray/index.js';
import { internalArray } from '../ndarray/ndarray.js';
import { checkElementCount, detachedError, isDetached } from '../ndarray/layout.js';
import type { Run } from './steps.js';

export { NDArray };

/**
 * What the linalg functions accept as an array: an NDArray, nested arrays of numbers or a
 * Float64Array/Float32Array (converted as `array(values)` would convert them).
 *
 * @example
 * ```ts
 * import { linalg } from '@polyblas/core';
 * const a: linalg.ArrayInput = [[2, 0], [0, 2]];
 * linalg.det(a); // 4
 * ```
 */
export type ArrayInput = NDArray | readonly number[] | readonly (readonly number[])[] | readonly unknown[] | Float64Array | Float32Array;

/** float64 or float32. @internal */
export type DType = 'float64' | 'float32';

/** The kernel precision of a dtype. @internal */
export function precisionOf(dtype: DType): Precision {
  return dtype === 'float32' ? 's' : 'd';
}

/** float32 only when every input is float32 (numpy's promotion of mixed float32/float64). @internal */
export function resultDType(...arrays: readonly NDArray[]): DType {
  return arrays.every((a) => a.dtype === 'float32') ? 'float32' : 'float64';
}

/** numpy's `finfo(dtype).eps`. @internal */
export function epsOf(dtype: DType): number {
  return dtype === 'float32' ? 2 ** -23 : 2 ** -52;
}

/** A zero-filled buffer of a dtype. @internal */
export function alloc(dtype: DType, n: number): FloatArray {
  return dtype === 'float32' ? new Float32Array(n) : new Float64Array(n);
}

/**
 * Largest work buffer, in elements, kept from one call to the next (256 KiB of float64); larger
 * ones are allocated per call and left to the garbage collector.
 */
const SCRATCH_LIMIT = 32768;
let scratch64 = new Float64Array(0);
let scratch32 = new Float32Array(0);
let scratchPivots = new Int32Array(0);

/**
 * A buffer of at least `n` elements of `dtype` for data that never leaves the call (LU factors,
 * right-hand sides being solved), with arbitrary contents. In a synchronous run, buffers up to
 * {@link SCRATCH_LIMIT} elements are reused from call to call: allocating a typed array costs more
 * than factoring a 10×10 matrix (the next linalg call may overwrite it). An asynchronous run gets
 * a fresh buffer, since other calls run while it waits.
 * @internal
 */
export function workBuffer(run: Run, dtype: DType, n: number): FloatArray {
  if (!run.sync || n > SCRATCH_LIMIT) return alloc(dtype, n);
  if (dtype === 'float32') {
    if (scratch32.length < n) scratch32 = new Float32Array(Math.max(n, 2 * scratch32.length));
    return scratch32;
  }
  if (scratch64.length < n) scratch64 = new Float64Array(Math.max(n, 2 * scratch64.length));
  return scratch64;
}

/** A pivot buffer of at least `n` entries, reused as {@link workBuffer} reuses its buffers. @internal */
export function pivotBuffer(run: Run, n: number): Int32Array {
  if (!run.sync || n > SCRATCH_LIMIT) return new Int32Array(n);
  if (scratchPivots.length < n) scratchPivots = new Int32Array(Math.max(n, 2 * scratchPivots.length));
  return scratchPivots;
}

/** Throws a RangeError about a shape, in the errors.ts wording. @internal */
export function shapeError(argument: string, expected: string, shape: readonly number[]): never {
  throw new RangeError(`${argument}: expected ${expected}, got shape [${shape.join(', ')}]`);
}

/**
 * The argument as an NDArray: NDArrays pass through untouched, nested arrays of numbers are
 * converted; anything else is a TypeError naming the argument.
 * @internal
 */
export function toNDArray(value: unknown, argument: string): NDArray {
  if (value instanceof NDArray) {
    // A transferred buffer reads as length 0: without this check its elements would read as NaN.
    if (value.size > 0 && value.data.length === 0) throw detachedError(argument);
    // Every function works on a copy, indexed with 32-bit integers by the kernels.
    checkElementCount(value.shape, argument, 'an array (linalg works on a copy)');
    return value;
  }
  if ((value instanceof Float64Array || value instanceof Float32Array) && isDetached(value)) throw detachedError(argument);
  if (Array.isArray(value) || value instanceof Float64Array || value instanceof Float32Array) {
    try {
      return array(value as number[]);
    } catch (error) {
      const reason = error instanceof Error ? error.message.replace(/^values: /, '') : String(error);
      throw new TypeError(`${argument}: expected an NDArray, nested arrays of numbers or a Float64Array/Float32Array (${reason})`);
    }
  }
  throw new TypeError(`${argument}: expected an NDArray, nested arrays of numbers or a Float64Array/Float32Array, got ${describe(value)}`);
}

/** Validates a stack of matrices (ndim ≥ 2). @internal */
export function asMatrixStack(value: unknown, argument: string): NDArray {
  const a = toNDArray(value, argument);
  if (a.ndim < 2) shapeError(argument, 'an array of at least two dimensions (a matrix or a stack of matrices)', a.shape);
  return a;
}

/** Validates a stack of square matrices. @internal */
export function asSquareStack(value: unknown, argument: string): NDArray {
  const a = asMatrixStack(value, argument);
  if (a.shape[a.ndim - 1] !== a.shape[a.ndim - 2]) {
    shapeError(argument, 'a square matrix (last two dimensions equal)', a.shape);
  }
  return a;
}

/** The shape of a stack and its matrices. @internal */
export interface StackShape {
  /** Leading (batch) dimensions. */
  readonly batch: readonly number[];
  /** Number of matrices (product of batch). */
  readonly count: number;
  readonly rows: number;
  readonly cols: number;
}

/** Splits the shape of an array of ndim ≥ 2 into batch dimensions and the matrix. @internal */
export function stackShape(a: NDArray): StackShape {
  // A loop, not shape.slice: slicing the frozen shape array is a slow path in V8.
  const shape = a.shape;
  const batch: number[] = [];
  let count = 1;
  for (let d = 0; d < a.ndim - 2; d++) {
    batch.push(shape[d]);
    count *= shape[d];
  }
  return { batch, count, rows: shape[a.ndim - 2], cols: shape[a.ndim - 1] };
}

/** Product of a list of dimensions. @internal */
export function product(dims: readonly number[]): number {
  let p = 1;
  for (const d of dims) p *= d;
  return p;
}

/**
 * Calls `visit(base, k)` for every combination of indices over the leading `dims` of `a`, with
 * `base` the data index of that sub-array's first element and `k` its position in C order.
 */
function forEachLeading(a: NDArray, dims: number, visit: (base: number, k: number) => void): void {
  const shape = a.shape;
  const strides = a.strides;
  let total = 1;
  for (let d = 0; d < dims; d++) total *= shape[d];
  if (total === 0) return;
  const index = new Array<number>(dims).fill(0);
  let base = a.offset;
  for (let k = 0; k < total; k++) {
    visit(base, k);
    for (let d = dims - 1; d >= 0; d--) {
      index[d]++;
      base += strides[d];
      if (index[d] < shape[d]) break;
      base -= strides[d] * shape[d];
      index[d] = 0;
    }
  }
}

/**
 * The data index of the first element of each sub-array over the leading `dims` axes of `a`, in
 * C order (one entry, `a.offset`, when `dims` is 0).
 * @internal
 */
export function matrixStarts(a: NDArray, dims: number): Int32Array {
  let total = 1;
  for (let d = 0; d < dims; d++) total *= a.shape[d];
  const starts = new Int32Array(total);
  forEachLeading(a, dims, (base, k) => {
    starts[k] = base;
  });
  return starts;
}

/**
 * Copies every element of `a` into `dst` (from `dstOffset`) in C order; the result has the
 * dtype of `dst`. Contiguous float inputs of the same type are copied in one `set`.
 * @internal
 */
export function gatherRowMajor(a: NDArray, dst: FloatArray, dstOffset = 0): FloatArray {
  const n = a.size;
  if (n === 0) return dst;
  if (a.isContiguous('C')) {
    dst.set(a.data.subarray(a.offset, a.offset + n), dstOffset);
    return dst;
  }
  if (a.ndim === 0) {
    dst[dstOffset] = a.data[a.offset];
    return dst;
  }
  const last = a.ndim - 1;
  const len = a.shape[last];
  const s = a.strides[last];
  const src = a.data;
  forEachLeading(a, last, (base, k) => {
    const o = dstOffset + k * len;
    for (let i = 0; i < len; i++) dst[o + i] = src[base + i * s];
  });
  return dst;
}

/** A fresh C-ordered copy of `a`'s elements in a buffer of `dtype`. @internal */
export function rowMajorCopy(a: NDArray, dtype: DType): FloatArray {
  return gatherRowMajor(a, alloc(dtype, a.size));
}

/** The side of the square blocks the layout-changing copies work in (32×32 float64 is 8 KiB). */
const TILE = 32;

/**
 * Writes `lines` consecutive runs of `length` elements into `dst` from `dstStart`, element e of
 * run l being `src[srcStart + l·lineStep + e·elementStep]`: a change of layout. In square tiles,
 * because a source read across its own layout misses the cache on every element otherwise.
 */
function copyInTiles(
  src: FloatArray, srcStart: number, lineStep: number, elementStep: number, lines: number, length: number,
  dst: FloatArray, dstStart: number,
): void {
  for (let l0 = 0; l0 < lines; l0 += TILE) {
    const l1 = Math.min(lines, l0 + TILE);
    for (let e0 = 0; e0 < length; e0 += TILE) {
      const e1 = Math.min(length, e0 + TILE);
      for (let l = l0; l < l1; l++) {
        const from = srcStart + l * lineStep;
        const to = dstStart + l * length;
        for (let e = e0; e < e1; e++) dst[to + e] = src[from + e * elementStep];
      }
    }
  }
}

/**
 * Copies a stack of M×N matrices into `dst` as consecutive column-major matrices with leading
 * dimension M (matrix k from `k·M·N`).
 * @internal
 */
export function gatherColumnMajor(a: NDArray, dst: FloatArray): FloatArray {
  const { rows, cols } = stackShape(a);
  if (a.size === 0) return dst;
  const rs = a.strides[a.ndim - 2];
  const cs = a.strides[a.ndim - 1];
  const src = a.data;
  const columnMajor = rs === 1 && (cs === rows || cols === 1);
  forEachLeading(a, a.ndim - 2, (base, k) => {
    const o = k * rows * cols;
    // Already column-major (a Fortran-ordered input, or the transpose of a row-major one): one copy.
    if (columnMajor) {
      dst.set(src.subarray(base, base + rows * cols), o);
      return;
    }
    copyInTiles(src, base, cs, rs, cols, rows, dst, o);
  });
  return dst;
}

/**
 * Copies the column-major M×N matrix at `src[srcOffset]` (leading dimension `ld`) into `dst` in
 * row-major order from `dstOffset`.
 * @internal
 */
export function columnToRowMajor(
  src: FloatArray, srcOffset: number, ld: number, rows: number, cols: number, dst: FloatArray, dstOffset: number,
): void {
  copyInTiles(src, srcOffset, 1, ld, rows, cols, dst, dstOffset);
}

/** Throws LinAlgError when a buffer holds an infinity or a NaN (numpy's `_assert_finite`). @internal */
export function assertFinite(data: ArrayLike<number>, start = 0, end = data.length): void {
  for (let i = start; i < end; i++) {
    const v = data[i];
    if (v - v !== 0) throw new LinAlgError('Array must not contain infs or NaNs');
  }
}

/**
 * The exponent e such that 2^e brings the largest magnitude of `data[offset, offset + length)`
 * near 1, when that magnitude lies outside the range where every LAPACK implementation computes
 * safely (2^±960 for float64, 2^±100 for float32, about where LAPACK's own drivers rescale:
 * reciprocals of subnormal pivots overflow, squares of huge entries overflow); 0 otherwise and
 * for an all-zero block; NaN when the block holds an infinity or a NaN (one pass does both, as
 * the LU routines need both). Scaling by 2^e is exact. @internal
 */
export function safeExponent(data: ArrayLike<number>, offset: number, length: number, dtype: DType): number {
  let max = 0;
  const end = offset + length;
  for (let i = offset; i < end; i++) {
    const a = Math.abs(data[i]);
    // Fails for a new maximum and for NaN; only then is the value looked at further.
    if (!(a <= max)) {
      if (a !== a || a === Infinity) return NaN;
      max = a;
    }
  }
  const bound = dtype === 'float32' ? 100 : 960;
  if (max === 0 || (max >= 2 ** -bound && max <= 2 ** bound)) return 0;
  return Math.max(-1000, Math.min(1000, -Math.round(Math.log2(max))));
}

/** Multiplies `data[offset, offset + length)` by 2^e (exactly, barring underflow). @internal */
export function scaleByPowerOfTwo(data: FloatArray, offset: number, length: number, e: number): void {
  if (e === 0) return;
  // 2^e itself may not be representable for |e| > 1023: apply it in two halves.
  const f1 = 2 ** Math.trunc(e / 2);
  const f2 = 2 ** (e - Math.trunc(e / 2));
  for (let i = offset; i < offset + length; i++) data[i] = data[i] * f1 * f2;
}

/** A C-contiguous NDArray over a buffer this layer allocated. @internal */
export function wrap(data: FloatArray, shape: readonly number[]): NDArray {
  return internalArray(data, shape);
}

/** A number for a 0-d result (numpy's scalar), otherwise an NDArray of `shape`. @internal */
export function scalarOrArray(data: FloatArray, shape: readonly number[]): number | NDArray {
  return shape.length === 0 ? data[0] : wrap(data, shape);
}

/** An identity stack of shape `[...batch, n, n]`. @internal */
export function identityStack(dtype: DType, batch: readonly number[], n: number): NDArray {
  const count = product(batch);
  const data = alloc(dtype, count * n * n);
  for (let k = 0; k < count; k++) for (let i = 0; i < n; i++) data[k * n * n + i * n + i] = 1;
  return wrap(data, [...batch, n, n]);
}

/** Per-precision views of each kernel set, built once (a view copies 12 or 19 entries by name). */
const lapackViews = new WeakMap<Kernels, Partial<Record<Precision, Lapack<FloatArray>>>>();
const blasViews = new WeakMap<Kernels, Partial<Record<Precision, Blas<FloatArray>>>>();

/** The LAPACK routines of a precision from the kernel set that serves `routine` at `size`. @internal */
export function lapackFor(routine: LapackRoutine, dtype: DType, size: number): Lapack<FloatArray> {
  const kernels = kernelsFor(routine, size);
  const p = precisionOf(dtype);
  let views = lapackViews.get(kernels);
  if (views === undefined) lapackViews.set(kernels, (views = {}));
  return (views[p] ??= lapackOf(kernels, p) as Lapack<FloatArray>);
}

/** The BLAS routines of a precision from the kernel set that serves `routine` at `size`. @internal */
export function blasFor(routine: BlasRoutine, dtype: DType, size: number): Blas<FloatArray> {
  const kernels = kernelsFor(routine, size);
  const p = precisionOf(dtype);
  let views = blasViews.get(kernels);
  if (views === undefined) blasViews.set(kernels, (views = {}));
  return (views[p] ??= blasOf(kernels, p) as Blas<FloatArray>);
}

/**
 * Reads an options object: non-objects and option names outside `known` are TypeErrors naming
 * them. @internal
 */
export function optionsOf<T extends object>(options: unknown, known: readonly (keyof T & string)[], argument = 'options'): Partial<T> {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options) || ArrayBuffer.isView(options) || options instanceof NDArray) {
    throw new TypeError(`${argument}: expected an options object, got ${describe(options)}`);
  }
  rejectUnknownOptions(options, known, argument);
  return options as Partial<T>;
}

/** Validates an optional boolean option (default false). @internal */
export function booleanOption(value: unknown, argument: string): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean') throw new TypeError(`${argument}: expected a boolean, got ${describe(value)}`);
  return value;
}

/** Validates an optional finite number option. @internal */
export function numberOption(value: unknown, argument: string, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number') throw new TypeError(`${argument}: expected a number, got ${describe(value)}`);
  if (Number.isNaN(value)) throw new RangeError(`${argument}: expected a number, got NaN`);
  return value;
}

/** Broadcasts two batch shapes as numpy does; null when they are incompatible. @internal */
export function broadcastShapes(a: readonly number[], b: readonly number[]): number[] | null {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const da = a[a.length - n + i] ?? 1;
    const db = b[b.length - n + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) return null;
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/**
 * For each position of the broadcast batch shape `out`, the C-order index of the matching
 * matrix of a stack with batch shape `from` (size-1 and missing axes repeat).
 * @internal
 */
export function broadcastIndex(from: readonly number[], out: readonly number[]): Int32Array {
  const total = product(out);
  const map = new Int32Array(total);
  const offset = out.length - from.length;
  const index = new Array<number>(out.length).fill(0);
  for (let k = 0; k < total; k++) {
    let f = 0;
    for (let d = 0; d < from.length; d++) f = f * from[d] + (from[d] === 1 ? 0 : index[d + offset]);
    map[k] = f;
    for (let d = out.length - 1; d >= 0; d--) {
      if (++index[d] < out[d]) break;
      index[d] = 0;
    }
  }
  return map;
}
