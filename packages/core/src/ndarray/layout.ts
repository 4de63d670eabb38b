/**
 * Shapes, strides and the checks on them that every NDArray operation shares. Internal to the
 * ndarray layer: nothing here is part of the public API.
 *
 * @module
 */
import { rangeError, typeError } from '../errors.js';

import type { FloatArray } from '@polyblas/contract';

export type { FloatArray };

/**
 * Whether `value` is an integer that `Number` represents exactly.
 *
 * @example
 * ```ts
 * import { isInteger } from './layout.js';
 * isInteger(3);   // true
 * isInteger(2.5); // false
 * isInteger(2 ** 53); // false
 * ```
 *
 * @internal
 */
export function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/**
 * A shape argument (a number or an array of numbers) as a fresh array, or a TypeError/RangeError
 * naming `argument`.
 *
 * @example
 * ```ts
 * import { toShape } from './layout.js';
 * toShape(3);      // [3]
 * toShape([2, 3]); // [2, 3]
 * toShape([-1]);   // RangeError: shape[0]: expected a non-negative integer, got number -1
 * ```
 *
 * @internal
 */
export function toShape(value: unknown, argument = 'shape'): number[] {
  const expected = 'a non-negative integer or an array of non-negative integers';
  if (typeof value === 'number') {
    if (!isInteger(value) || value < 0) rangeError(argument, expected, value);
    return [value];
  }
  if (!Array.isArray(value)) typeError(argument, expected, value);
  // Built by push so the array is packed: V8 reads packed arrays faster, and every NDArray
  // keeps one of these.
  const shape: number[] = [];
  for (let k = 0; k < value.length; k++) {
    const n: unknown = value[k];
    if (typeof n !== 'number') typeError(`${argument}[${k}]`, 'a non-negative integer', n);
    if (!isInteger(n) || n < 0) rangeError(`${argument}[${k}]`, 'a non-negative integer', n);
    shape.push(n);
  }
  const size = sizeOf(shape);
  if (!Number.isSafeInteger(size)) rangeError(argument, 'a shape whose size is a safe integer', value);
  return shape;
}

/**
 * The number of elements of a shape.
 *
 * @example
 * ```ts
 * import { sizeOf } from './layout.js';
 * sizeOf([2, 3]); // 6
 * sizeOf([]);     // 1
 * ```
 *
 * @internal
 */
export function sizeOf(shape: readonly number[]): number {
  let size = 1;
  for (let k = 0; k < shape.length; k++) size *= shape[k]!;
  return size;
}

/**
 * Row-major (C) strides, in elements, of a contiguous array of this shape.
 *
 * @example
 * ```ts
 * import { cStrides } from './layout.js';
 * cStrides([2, 3, 4]); // [12, 4, 1]
 * ```
 *
 * @internal
 */
export function cStrides(shape: readonly number[]): number[] {
  // Filled by push (then reversed) so the array is packed, as NDArray stores it.
  const strides: number[] = [];
  let step = 1;
  for (let k = shape.length - 1; k >= 0; k--) {
    strides.push(step);
    step *= Math.max(shape[k]!, 1);
  }
  return strides.reverse();
}

/**
 * Column-major (Fortran) strides, in elements, of a contiguous array of this shape.
 *
 * @example
 * ```ts
 * import { fStrides } from './layout.js';
 * fStrides([2, 3, 4]); // [1, 2, 6]
 * ```
 *
 * @internal
 */
export function fStrides(shape: readonly number[]): number[] {
  const strides: number[] = [];
  let step = 1;
  for (let k = 0; k < shape.length; k++) {
    strides.push(step);
    step *= Math.max(shape[k]!, 1);
  }
  return strides;
}

/**
 * Whether elements laid out with these strides are contiguous in the given order. Axes of length 1
 * never matter, and an empty array is contiguous in both orders (numpy's flags agree).
 *
 * @example
 * ```ts
 * import { isContiguousLayout } from './layout.js';
 * isContiguousLayout([2, 3], [3, 1], 'C'); // true
 * isContiguousLayout([2, 3], [1, 2], 'C'); // false (column-major)
 * ```
 *
 * @internal
 */
export function isContiguousLayout(shape: readonly number[], strides: readonly number[], order: 'C' | 'F'): boolean {
  const nd = shape.length;
  for (let k = 0; k < nd; k++) if (shape[k] === 0) return true;
  let step = 1;
  for (let j = 0; j < nd; j++) {
    const k = order === 'C' ? nd - 1 - j : j;
    const n = shape[k]!;
    if (n !== 1 && strides[k] !== step) return false;
    step *= n;
  }
  return true;
}

/**
 * The lowest and highest offsets (relative to element [0,...,0]) an array reaches; size > 0.
 *
 * @example
 * ```ts
 * import { reach } from './layout.js';
 * reach([3, 2], [-2, 1]); // [-4, 1]
 * ```
 *
 * @internal
 */
export function reach(shape: readonly number[], strides: readonly number[]): [number, number] {
  let lo = 0;
  let hi = 0;
  for (let k = 0; k < shape.length; k++) {
    const span = (shape[k]! - 1) * strides[k]!;
    if (span < 0) lo += span;
    else hi += span;
  }
  return [lo, hi];
}

/**
 * The shape that numpy broadcasting gives to operands of these shapes, or null when they do not
 * broadcast (trailing axes must be equal or 1).
 *
 * @example
 * ```ts
 * import { broadcastShapes } from './layout.js';
 * broadcastShapes([3, 1], [4]); // [3, 4]
 * broadcastShapes([2], [3]);    // null
 * ```
 *
 * @internal
 */
export function broadcastShapes(...shapes: (readonly number[])[]): number[] | null {
  let nd = 0;
  for (const s of shapes) nd = Math.max(nd, s.length);
  const result = new Array<number>(nd).fill(1);
  for (const s of shapes) {
    const lead = nd - s.length;
    for (let k = 0; k < s.length; k++) {
      const n = s[k]!;
      const r = result[lead + k]!;
      if (n === r || n === 1) continue;
      if (r === 1) result[lead + k] = n;
      else return null;
    }
  }
  return result;
}

/**
 * Strides of an operand seen through a broadcast to `shape`: leading missing axes and axes of
 * length 1 that are stretched get stride 0.
 *
 * @example
 * ```ts
 * import { broadcastStrides } from './layout.js';
 * broadcastStrides([3, 4], [4], [1]);    // [0, 1]
 * broadcastStrides([3, 4], [3, 1], [1, 1]); // [1, 0]
 * ```
 *
 * @internal
 */
export function broadcastStrides(shape: readonly number[], own: readonly number[], ownStrides: readonly number[]): number[] {
  const nd = shape.length;
  const lead = nd - own.length;
  const strides = new Array<number>(nd).fill(0);
  for (let k = 0; k < own.length; k++) {
    strides[lead + k] = own[k] === 1 && shape[lead + k] !== 1 ? 0 : ownStrides[k]!;
  }
  return strides;
}

/**
 * `[2, 3]` as text for messages.
 *
 * @example
 * ```ts
 * import { shapeText } from './layout.js';
 * shapeText([2, 3]); // '[2, 3]'
 * ```
 *
 * @internal
 */
export function shapeText(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/**
 * Whether a typed array's buffer has been detached (transferred to a worker, or by
 * `ArrayBuffer.prototype.transfer`). A detached buffer reports length 0; constructing a view on it
 * throws, which is how this is told apart from a genuinely empty buffer where `detached` is not
 * yet available.
 *
 * @example
 * ```ts
 * import { isDetached } from './layout.js';
 * const data = new Float64Array(4);
 * isDetached(data); // false until data.buffer is transferred
 * ```
 *
 * @internal
 */
export function isDetached(data: FloatArray): boolean {
  if (data.length !== 0) return false;
  const buffer = data.buffer as ArrayBuffer & { detached?: boolean };
  if (typeof buffer.detached === 'boolean') return buffer.detached;
  try {
    new Uint8Array(buffer, 0, 0);
    return false;
  } catch {
    return true;
  }
}

/**
 * The TypeError for an operation on an array whose buffer was detached.
 *
 * @example
 * ```ts
 * import { detachedError } from './layout.js';
 * throw detachedError('a'); // TypeError: a: expected an array whose ArrayBuffer is attached, ...
 * ```
 *
 * @internal
 */
export function detachedError(argument: string): TypeError {
  return new TypeError(
    `${argument}: expected an array whose ArrayBuffer is attached, got one whose buffer was detached (transferred)`,
  );
}

/**
 * The most elements an array that polyblas allocates (a result, or a working copy of an input)
 * may have: 2³¹ − 1, so that every index into it fits the 32-bit integers of LAPACK, pivot
 * arrays and the native and wasm bindings. Above it a RangeError names the argument, rather than
 * the engine failing an allocation of tens of gigabytes, or an index wrapping around.
 *
 * @example
 * ```ts
 * import { MAX_ELEMENTS } from './layout.js';
 * MAX_ELEMENTS; // 2147483647
 * ```
 *
 * @internal
 */
export const MAX_ELEMENTS = 2 ** 31 - 1;

/**
 * Throws a RangeError naming `argument` when an array of `shape` would have more than
 * {@link MAX_ELEMENTS} elements.
 *
 * @example
 * ```ts
 * import { checkElementCount } from './layout.js';
 * checkElementCount([65536, 65536], 'a'); // RangeError: a: expected at most 2147483647 elements, ...
 * ```
 *
 * @internal
 */
export function checkElementCount(shape: readonly number[], argument: string, what = 'an array'): void {
  const size = sizeOf(shape);
  if (size > MAX_ELEMENTS) {
    throw new RangeError(
      `${argument}: expected ${what} of at most ${MAX_ELEMENTS} elements, got shape ${shapeText(shape)} (${size} elements)`,
    );
  }
}

/**
 * A zero-filled Float64Array or Float32Array of `size` elements. When the engine cannot allocate
 * it (more elements than a typed array may hold, or not enough memory), a RangeError names
 * `argument` and the size asked for, instead of the engine's message that names nothing.
 *
 * @example
 * ```ts
 * import { allocateFloats } from './layout.js';
 * allocateFloats('float64', 4, 'shape'); // Float64Array(4)
 * allocateFloats('float64', 2 ** 40, 'shape'); // RangeError: shape: expected a size that can be allocated, ...
 * ```
 *
 * @internal
 */
export function allocateFloats(dtype: 'float64' | 'float32', size: number, argument: string): FloatArray {
  try {
    return dtype === 'float32' ? new Float32Array(size) : new Float64Array(size);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const bytes = size * (dtype === 'float32' ? 4 : 8);
    throw new RangeError(
      `${argument}: expected a size that can be allocated, got ${size} ${dtype} elements (${bytes} bytes): ${error.message}`,
    );
  }
}
