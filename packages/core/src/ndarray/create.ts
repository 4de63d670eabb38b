/**
 * Array constructors: `array` from nested arrays, flat arrays, typed arrays or other NDArrays, and
 * `zeros`, `ones`, `empty`, `full`, `eye`, `arange`.
 *
 * @module
 */
import { rangeError, typeError } from '../errors.js';
import { NDArray, internalArray, type DType, type NestedArray, type Order } from './ndarray.js';
import {
  allocateFloats, cStrides, detachedError, fStrides, isInteger, shapeText, sizeOf, toShape, type FloatArray,
} from './layout.js';
import { copyStrided } from './strided.js';

/**
 * Options shared by the constructors: the element type (default `'float64'`) and the memory
 * order (default `'C'`, row-major; `'F'` is column-major as LAPACK wants it).
 *
 * @example
 * ```ts
 * import { zeros, type CreateOptions } from '@polyblas/core';
 * const options: CreateOptions = { dtype: 'float32', order: 'F' };
 * zeros([2, 2], options).dtype; // 'float32'
 * ```
 */
export interface CreateOptions {
  dtype?: DType | undefined;
  order?: Order | undefined;
}

/**
 * Options of {@link array}: besides `dtype` and `order`, a `shape` for flat input (or a reshape
 * of nested input) and `copy: false` to wrap a TypedArray of the right dtype without copying.
 *
 * @example
 * ```ts
 * import { array, type ArrayOptions } from '@polyblas/core';
 * const options: ArrayOptions = { shape: [2, 2], order: 'F', copy: false };
 * array(new Float64Array([1, 2, 3, 4]), options).get(0, 1); // 3
 * ```
 */
export interface ArrayOptions extends CreateOptions {
  shape?: readonly number[] | number | undefined;
  copy?: boolean | undefined;
}

/**
 * The values {@link array} accepts: a number, nested arrays of numbers, any array-like of numbers
 * (including typed arrays), or an NDArray.
 *
 * @example
 * ```ts
 * import { array, type ArrayInput } from '@polyblas/core';
 * const v: ArrayInput = [[1, 2], [3, 4]];
 * array(v).shape; // [2, 2]
 * ```
 */
export type ArrayInput = number | NestedArray | ReadonlyArray<unknown> | ArrayLike<number> | FloatArray | NDArray;

function checkDType(dtype: unknown, argument = 'options.dtype'): DType {
  if (dtype === undefined) return 'float64';
  if (dtype !== 'float64' && dtype !== 'float32') typeError(argument, "'float64' or 'float32'", dtype);
  return dtype;
}

function checkOrder(order: unknown, argument = 'options.order'): Order {
  if (order === undefined) return 'C';
  if (order !== 'C' && order !== 'F') typeError(argument, "'C' or 'F'", order);
  return order;
}

function checkOptions(options: unknown): void {
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    typeError('options', 'an options object', options);
  }
}

function allocate(dtype: DType, size: number, argument = 'values'): FloatArray {
  return allocateFloats(dtype, size, argument);
}

function stridesOf(shape: readonly number[], order: Order): number[] {
  return order === 'C' ? cStrides(shape) : fStrides(shape);
}

/** A level of nesting: a plain array or a typed array (an NDArray is handled on its own). */
function isSequence(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

/** The shape of nested arrays, read along the first elements; checked in full later. */
function nestedShape(values: ReadonlyArray<unknown>): number[] {
  const shape: number[] = [];
  let level: unknown = values;
  for (;;) {
    if (level instanceof NDArray) {
      shape.push(...level.shape);
      break;
    }
    if (!isSequence(level)) break;
    shape.push(level.length);
    if (level.length === 0) break;
    level = level[0];
  }
  return shape;
}

/**
 * Copies rectangular nested arrays (plain arrays, typed arrays or NDArrays at any level) into
 * `out` in row-major order, or throws a TypeError naming the offending position.
 */
function fillNested(values: ReadonlyArray<unknown>, shape: readonly number[], out: FloatArray): void {
  let position = 0;
  const nd = shape.length;
  const walk = (level: unknown, axis: number, path: string): void => {
    if (level instanceof NDArray) {
      const rest = shape.slice(axis);
      if (level.ndim !== rest.length || level.shape.some((n, k) => n !== rest[k])) {
        typeError(path, `an array of shape ${shapeText(rest)} (nested arrays must be rectangular)`, level);
      }
      if (level.size > 0 && level.data.length === 0) throw detachedError(path);
      copyStrided(rest, out, position, cStrides(rest), level.data, level.offset, level.strides);
      position += level.size;
      return;
    }
    if (axis === nd) {
      if (typeof level !== 'number') typeError(path, 'a number', level);
      out[position++] = level;
      return;
    }
    const n = shape[axis]!;
    if (!isSequence(level) || level.length !== n) {
      typeError(path, `an array of length ${n} (nested arrays must be rectangular)`, level);
    }
    const sparse = Array.isArray(level);
    for (let i = 0; i < n; i++) {
      const where = `${path}[${i}]`;
      if (sparse && !(i in level)) {
        throw new TypeError(`${where}: expected ${axis === nd - 1 ? 'a number' : 'an array'}, got an empty slot (sparse array)`);
      }
      walk(level[i], axis + 1, where);
    }
  };
  walk(values, 0, 'values');
}

/** Copies a flat array-like of numbers, checking each element. */
function fillFlat(values: ArrayLike<unknown>, out: FloatArray): void {
  const n = values.length;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v !== 'number') {
      if (Array.isArray(values) && !(i in values)) {
        throw new TypeError(`values[${i}]: expected a number, got an empty slot (sparse array)`);
      }
      typeError(`values[${i}]`, 'a number', v);
    }
    out[i] = v;
  }
}

/**
 * An NDArray from values:
 * - nested arrays (`[[1, 2], [3, 4]]`): checked to be rectangular and numeric (NaN and Infinity
 *   are data and allowed); a TypeError names the offending position, like `values[1][2]`. Rows
 *   may also be typed arrays or NDArrays (`array([x, y])` stacks two arrays of one shape);
 * - a number: a 0-d array;
 * - a flat typed array or array-like: a 1-D array, or with `shape` an array of that shape whose
 *   elements are read from the flat values in `order` (`'F'` reads column-major data as LAPACK
 *   stores it). A `Float64Array`/`Float32Array` gives its own dtype unless `dtype` says otherwise,
 *   and with `copy: false` and a matching dtype it is wrapped without copying, so the array and
 *   the typed array share memory;
 * - an NDArray: a copy (with `copy: false`, the same array or a view when no conversion is needed).
 *
 * With nested or NDArray input, `shape` reshapes the values (row-major index order) and `order`
 * picks the memory layout of the result. `copy: false` means "copy only if needed", like
 * `numpy.asarray`.
 *
 * @example
 * ```ts
 * import { array } from '@polyblas/core';
 * array([[1, 2, 3], [4, 5, 6]]).shape;                      // [2, 3]
 * array([1, 2, 3, 4], { shape: [2, 2] }).toArray();         // [[1, 2], [3, 4]]
 * const lapackData = new Float64Array([1, 2, 3, 4]);        // column-major 2x2
 * const m = array(lapackData, { shape: [2, 2], order: 'F', copy: false });
 * m.get(0, 1);                                              // 3, and m.data === lapackData
 * array([1, 2], { dtype: 'float32' }).dtype;                // 'float32'
 * ```
 */
export function array(values: ArrayInput, options?: ArrayOptions): NDArray {
  checkOptions(options);
  const order = checkOrder(options?.order);
  const copy = options?.copy ?? true;
  if (typeof copy !== 'boolean') typeError('options.copy', 'a boolean', copy);
  const shape = options?.shape === undefined ? undefined : toShape(options.shape, 'options.shape');

  if (values instanceof NDArray) {
    const dtype = options?.dtype === undefined ? values.dtype : checkDType(options.dtype);
    checkSize(shape, values.size);
    const shaped = shape === undefined ? values : values.reshape(shape);
    const orderGiven = options?.order !== undefined;
    if (!copy && dtype === shaped.dtype && (!orderGiven || shaped.isContiguous(order))) return shaped;
    if (dtype === shaped.dtype) {
      const keep = !shaped.isContiguous('C') && shaped.isContiguous('F') ? 'F' : 'C';
      return shaped.copy(orderGiven ? order : keep);
    }
    const converted = shaped.astype(dtype);
    return !orderGiven || converted.isContiguous(order) ? converted : converted.copy(order);
  }

  if (typeof values === 'number') {
    const dtype = checkDType(options?.dtype);
    const data = allocate(dtype, 1);
    data[0] = values;
    checkSize(shape, 1);
    const scalar = internalArray(data, []);
    return shape === undefined ? scalar : scalar.reshape(shape);
  }

  if (values instanceof Float64Array || values instanceof Float32Array) {
    const own: DType = values instanceof Float32Array ? 'float32' : 'float64';
    const dtype = options?.dtype === undefined ? own : checkDType(options.dtype);
    const dims = shape ?? [values.length];
    if (sizeOf(dims) !== values.length) {
      rangeError('options.shape', `a shape of size ${values.length} (the length of values)`, shape);
    }
    // The caller's own storage goes through every check of the public constructor.
    if (!copy && dtype === own) return new NDArray(values, dims, stridesOf(dims, order), 0);
    const data = allocate(dtype, values.length);
    data.set(values);
    return internalArray(data, dims, stridesOf(dims, order), 0);
  }

  if (Array.isArray(values)) {
    const dtype = checkDType(options?.dtype);
    const nested = nestedShape(values);
    const data = allocate(dtype, sizeOf(nested));
    fillNested(values, nested, data);
    checkSize(shape, data.length);
    const result = internalArray(data, nested);
    const shaped = shape === undefined ? result : result.reshape(shape);
    return order === 'C' ? shaped : shaped.copy(order);
  }

  if (values !== null && typeof values === 'object' && typeof (values as ArrayLike<unknown>).length === 'number') {
    const like = values as ArrayLike<unknown>;
    const dtype = checkDType(options?.dtype);
    if (!isInteger(like.length) || like.length < 0) typeError('values', 'an array-like with a valid length', values);
    const dims = shape ?? [like.length];
    if (sizeOf(dims) !== like.length) {
      rangeError('options.shape', `a shape of size ${like.length} (the length of values)`, shape);
    }
    const data = allocate(dtype, like.length);
    fillFlat(like, data);
    return internalArray(data, dims, stridesOf(dims, order), 0);
  }

  return typeError('values', 'a number, nested arrays of numbers, a typed array or an NDArray', values);
}

/** A RangeError unless `shape` (when given) holds exactly `size` elements. */
function checkSize(shape: readonly number[] | undefined, size: number): void {
  if (shape !== undefined && sizeOf(shape) !== size) {
    rangeError('options.shape', `a shape of size ${size} (the number of values)`, [...shape]);
  }
}

function filled(shape: unknown, value: number, options: CreateOptions | undefined, fill: boolean): NDArray {
  checkOptions(options);
  const dims = toShape(shape, 'shape');
  const dtype = checkDType(options?.dtype);
  const order = checkOrder(options?.order);
  const data = allocate(dtype, sizeOf(dims), 'shape');
  if (fill && !Object.is(value, 0)) data.fill(value); // -0 must be written
  return internalArray(data, dims, stridesOf(dims, order), 0);
}

/**
 * A new array of zeros.
 *
 * @example
 * ```ts
 * import { zeros } from '@polyblas/core';
 * zeros([2, 3]).toArray();               // [[0, 0, 0], [0, 0, 0]]
 * zeros(4, { dtype: 'float32' }).dtype;  // 'float32'
 * ```
 */
export function zeros(shape: readonly number[] | number, options?: CreateOptions): NDArray {
  return filled(shape, 0, options, false);
}

/**
 * A new array of ones.
 *
 * @example
 * ```ts
 * import { ones } from '@polyblas/core';
 * ones(3).toArray(); // [1, 1, 1]
 * ```
 */
export function ones(shape: readonly number[] | number, options?: CreateOptions): NDArray {
  return filled(shape, 1, options, true);
}

/**
 * A new array whose contents the caller will overwrite. (JavaScript zero-fills new typed arrays,
 * so these are in fact zeros; do not rely on it, as numpy's `empty` does not.)
 *
 * @example
 * ```ts
 * import { empty } from '@polyblas/core';
 * const work = empty([3, 3], { order: 'F' });
 * work.strides; // [1, 3]
 * ```
 */
export function empty(shape: readonly number[] | number, options?: CreateOptions): NDArray {
  return filled(shape, 0, options, false);
}

/**
 * A new array with every element set to `value` (rounded to float32 when `dtype` is `'float32'`).
 *
 * @example
 * ```ts
 * import { full } from '@polyblas/core';
 * full([2, 2], 7).toArray(); // [[7, 7], [7, 7]]
 * ```
 */
export function full(shape: readonly number[] | number, value: number, options?: CreateOptions): NDArray {
  if (typeof value !== 'number') typeError('value', 'a number', value);
  return filled(shape, value, options, true);
}

/**
 * Options of {@link eye}: the diagonal `k` (0 the main one, positive above, negative below), plus
 * `dtype` and `order`.
 *
 * @example
 * ```ts
 * import { eye, type EyeOptions } from '@polyblas/core';
 * const options: EyeOptions = { k: 1 };
 * eye(3, undefined, options).get(0, 1); // 1
 * ```
 */
export interface EyeOptions extends CreateOptions {
  k?: number | undefined;
}

/**
 * An n x m matrix (m defaults to n) with ones on diagonal `k` and zeros elsewhere.
 *
 * @example
 * ```ts
 * import { eye } from '@polyblas/core';
 * eye(2).toArray();                  // [[1, 0], [0, 1]]
 * eye(2, 3, { k: 1 }).toArray();     // [[0, 1, 0], [0, 0, 1]]
 * ```
 */
export function eye(n: number, m?: number | null, options?: EyeOptions): NDArray {
  if (typeof n !== 'number') typeError('n', 'a non-negative integer', n);
  if (!isInteger(n) || n < 0) rangeError('n', 'a non-negative integer', n);
  const cols = m ?? n;
  if (typeof cols !== 'number') typeError('m', 'a non-negative integer', cols);
  if (!isInteger(cols) || cols < 0) rangeError('m', 'a non-negative integer', cols);
  checkOptions(options);
  const k = options?.k ?? 0;
  if (!isInteger(k)) typeError('options.k', 'an integer', k);
  let result: NDArray;
  try {
    result = zeros([n, cols], options);
  } catch (error) {
    // The shape is eye's n and m: name those rather than zeros' argument.
    if (error instanceof RangeError && error.message.startsWith('shape: ')) throw new RangeError(`n, m: ${error.message.slice(7)}`);
    throw error;
  }
  const [rowStride, colStride] = result.strides as [number, number];
  for (let i = Math.max(0, -k); i < n && i + k < cols; i++) result.data[i * rowStride + (i + k) * colStride] = 1;
  return result;
}

/**
 * Evenly spaced values in the half-open interval [start, stop): `start + i * step` for
 * `i < ceil((stop - start) / step)`, like numpy's `arange`. Called with one number it counts
 * from 0. Options may follow the numbers.
 *
 * @example
 * ```ts
 * import { arange } from '@polyblas/core';
 * arange(4).toArray();            // [0, 1, 2, 3]
 * arange(1, 2, 0.25).toArray();   // [1, 1.25, 1.5, 1.75]
 * arange(5, 0, -2).toArray();     // [5, 3, 1]
 * arange(3, { dtype: 'float32' }).dtype; // 'float32'
 * ```
 */
export function arange(stop: number, options?: CreateOptions): NDArray;
export function arange(start: number, stop: number, options?: CreateOptions): NDArray;
export function arange(start: number, stop: number, step: number, options?: CreateOptions): NDArray;
export function arange(...args: unknown[]): NDArray {
  let options: CreateOptions | undefined;
  const last = args[args.length - 1];
  if (args.length > 0 && (last === undefined || (typeof last === 'object' && last !== null))) {
    options = last as CreateOptions | undefined;
    args = args.slice(0, -1);
  }
  while (args.length > 1 && args[args.length - 1] === undefined) args = args.slice(0, -1);
  const names = args.length === 1 ? ['stop'] : ['start', 'stop', 'step'];
  if (args.length < 1 || args.length > 3) typeError('arange', 'one to three numbers and optional options', args.length);
  args.forEach((v, k) => {
    if (typeof v !== 'number') typeError(names[k]!, 'a number', v);
    if (!Number.isFinite(v)) rangeError(names[k]!, 'a finite number', v);
  });
  const [start, stop, step] = args.length === 1 ? [0, args[0] as number, 1] : [args[0] as number, args[1] as number, (args[2] as number | undefined) ?? 1];
  if (step === 0) rangeError('step', 'a non-zero number', step);
  const length = Math.max(0, Math.ceil((stop - start) / step));
  if (!Number.isSafeInteger(length) || length > 2 ** 32) rangeError('stop', `a range of at most 2^32 elements, not ${length}`);
  checkOptions(options);
  const dtype = checkDType(options?.dtype);
  const data = allocate(dtype, length, 'stop');
  for (let i = 0; i < length; i++) data[i] = start + i * step;
  return internalArray(data, [length]);
}
