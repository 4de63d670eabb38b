/**
 * Elementwise arithmetic with numpy's broadcasting and `out` arguments.
 *
 * Three paths, chosen per call: when every array (inputs and output) has the same shape and is
 * contiguous in the same order, one flat loop runs over `data`; a number operand gets its own flat
 * loop; everything else (broadcasting, transposed or sliced views) goes through a strided loop nest
 * whose innermost axis is a tight loop (see strided.ts), and whose contiguous rows reuse the flat
 * loops (kernels.ts). Arithmetic is done in double precision and rounded once when stored into a
 * Float32Array, which gives the correctly rounded float32 result for + - * / and sqrt.
 *
 * An `out` that overlaps an input in any way other than element-for-element (a shifted slice of
 * the same data, a transpose of itself, a row broadcast over its own matrix) gets a copy of that
 * input first, so the result is always the one computed from the original values, as in numpy.
 *
 * @module
 */
import { rangeError, rejectUnknownOptions, typeError } from '../errors.js';
import { NDArray, internalArray, type DType } from './ndarray.js';
import {
  allocateFloats,
  broadcastShapes,
  broadcastStrides,
  checkElementCount,
  cStrides,
  detachedError,
  fStrides,
  isContiguousLayout,
  reach,
  shapeText,
  type FloatArray,
} from './layout.js';
import { forEachRow, planLoops } from './strided.js';
import {
  ABS, ADD, DIVIDE, MULTIPLY, NEGATIVE, ROUND_TO_SINGLE, SQRT, SQUARE, SUBTRACT,
  type BinaryKernel, type UnaryKernel,
} from './kernels.js';

/**
 * An operand of an elementwise function: an NDArray, or a number that acts as an array of any
 * shape holding that value.
 *
 * @example
 * ```ts
 * import { add, array, type Operand } from '@polyblas/core';
 * const x: Operand = 2;
 * add(array([1, 2]), x).toArray(); // [3, 4]
 * ```
 */
export type Operand = NDArray | number;

/**
 * Options of the elementwise functions. `out` receives the result instead of a new array: it must
 * have the broadcast shape of the operands and may be one of them (`add(a, 1, { out: a })` is
 * numpy's `a += 1`). A float64 result written into a float32 `out` is rounded, as numpy's
 * `same_kind` casting allows; a float32 result (all array operands float32) is computed as
 * float32 even when `out` is float64, as numpy does.
 *
 * @example
 * ```ts
 * import { multiply, zeros, array, type ElementwiseOptions } from '@polyblas/core';
 * const options: ElementwiseOptions = { out: zeros(2) };
 * multiply(array([1, 2]), 3, options); // returns options.out, now [3, 6]
 * ```
 */
export interface ElementwiseOptions {
  out?: NDArray | undefined;
}

/**
 * Below this many elements a flat loop keeps its offsets; above it the operands are re-based with
 * `subarray` (a cheap view) so the loop indexes from 0, which V8 compiles to a tighter loop.
 */
const REBASE_MIN = 256;

function flatBinary(
  kernel: BinaryKernel, n: number, x: FloatArray, xo: number, y: FloatArray, yo: number, o: FloatArray, oo: number,
): void {
  if ((xo !== 0 || yo !== 0 || oo !== 0) && n >= REBASE_MIN) {
    kernel.flat(n, x.subarray(xo, xo + n), 0, y.subarray(yo, yo + n), 0, o.subarray(oo, oo + n), 0);
  } else {
    kernel.flat(n, x, xo, y, yo, o, oo);
  }
}

function flatRight(kernel: BinaryKernel, n: number, x: FloatArray, xo: number, s: number, o: FloatArray, oo: number): void {
  if ((xo !== 0 || oo !== 0) && n >= REBASE_MIN) kernel.flatScalarRight(n, x.subarray(xo, xo + n), 0, s, o.subarray(oo, oo + n), 0);
  else kernel.flatScalarRight(n, x, xo, s, o, oo);
}

function flatLeft(kernel: BinaryKernel, n: number, s: number, y: FloatArray, yo: number, o: FloatArray, oo: number): void {
  if ((yo !== 0 || oo !== 0) && n >= REBASE_MIN) kernel.flatScalarLeft(n, s, y.subarray(yo, yo + n), 0, o.subarray(oo, oo + n), 0);
  else kernel.flatScalarLeft(n, s, y, yo, o, oo);
}

function flatUnary(kernel: UnaryKernel, n: number, x: FloatArray, xo: number, o: FloatArray, oo: number): void {
  if ((xo !== 0 || oo !== 0) && n >= REBASE_MIN) kernel.flat(n, x.subarray(xo, xo + n), 0, o.subarray(oo, oo + n), 0);
  else kernel.flat(n, x, xo, o, oo);
}

/** Checks an operand: an NDArray with attached data, or a number. */
function checkOperand(value: unknown, argument: string): asserts value is Operand {
  if (typeof value === 'number') return;
  if (!(value instanceof NDArray)) typeError(argument, 'an NDArray or a number', value);
  if (value.size > 0 && value.data.length === 0) throw detachedError(argument);
}

/** The `out` option, checked: an NDArray with attached data and no repeated (stride 0) elements. */
function checkOut(options: ElementwiseOptions | undefined): NDArray | undefined {
  if (options === undefined || options === null) return undefined;
  if (typeof options !== 'object' || Array.isArray(options) || options instanceof NDArray) {
    typeError('options', 'an object such as { out }', options);
  }
  rejectUnknownOptions(options, ['out']);
  const out = options.out;
  if (out === undefined || out === null) return undefined;
  if (!(out instanceof NDArray)) typeError('options.out', 'an NDArray', out);
  if (out.size > 0 && out.data.length === 0) throw detachedError('options.out');
  for (let k = 0; k < out.ndim; k++) {
    if (out.strides[k] === 0 && out.shape[k]! > 1) {
      rangeError('options.out', 'an array without repeated elements (a broadcast view cannot be written)', out);
    }
  }
  return out;
}

/** The result dtype: float32 only when every array operand is float32; numbers do not promote. */
function resultDType(a: Operand, b?: Operand): DType {
  const aSingle = typeof a !== 'number' && a.dtype === 'float32';
  const bSingle = b !== undefined && typeof b !== 'number' && b.dtype === 'float32';
  const aArray = typeof a !== 'number';
  const bArray = b !== undefined && typeof b !== 'number';
  if (!aArray && !bArray) return 'float64';
  return (!aArray || aSingle) && (!bArray || bSingle) ? 'float32' : 'float64';
}

const NO_AXES: readonly number[] = Object.freeze([]);

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** The result shape (operands broadcast together, and with `out` if given), or a RangeError. */
function resultShape(a: Operand, b: Operand | undefined, out: NDArray | undefined): readonly number[] {
  const shapeA = typeof a === 'number' ? NO_AXES : a.shape;
  const shapeB = b === undefined || typeof b === 'number' ? NO_AXES : b.shape;
  const shape =
    shapeB.length === 0 || sameShape(shapeA, shapeB) ? shapeA : shapeA.length === 0 ? shapeB : broadcastShapes(shapeA, shapeB);
  if (shape === null) {
    rangeError('b', `a shape that broadcasts with the shape ${shapeText(shapeA)} of a`, b);
  }
  if (out !== undefined && !sameShape(shape, out.shape)) {
    const withOut = broadcastShapes(shape, out.shape);
    if (withOut === null || !sameShape(withOut, out.shape)) {
      rangeError('options.out', `an array of the result shape ${shapeText(shape)}`, out);
    }
  }
  return out !== undefined ? out.shape : shape;
}

/** A new result array: column-major when every array operand is, else row-major. */
function allocate(shape: readonly number[], dtype: DType, inputs: readonly Operand[]): NDArray {
  let fortran = false;
  for (const v of inputs) {
    if (typeof v === 'number') continue;
    const f = v.ndim > 1 && v.isContiguous('F') && !v.isContiguous('C') && v.ndim === shape.length;
    if (!f) {
      fortran = false;
      break;
    }
    fortran = true;
  }
  checkElementCount(shape, inputs.length > 1 ? 'b' : 'a', 'an operand that broadcasts to a result');
  const size = shape.reduce((p, n) => p * n, 1);
  const data = allocateFloats(dtype, size, inputs.length > 1 ? 'b' : 'a');
  return internalArray(data, shape, fortran ? fStrides(shape) : cStrides(shape), 0);
}

/** The byte range [lo, hi) of the buffer that an array reaches. */
function byteRange(a: NDArray): [number, number] {
  const [lo, hi] = reach(a.shape, a.strides);
  const bytes = a.data.BYTES_PER_ELEMENT;
  const start = a.data.byteOffset + (a.offset + lo) * bytes;
  return [start, a.data.byteOffset + (a.offset + hi + 1) * bytes];
}

/**
 * The input to read from, given that the output will be written as the loop runs: the input
 * itself when it cannot be disturbed by those writes (another buffer, disjoint bytes, or exactly
 * the output's own elements read before each is written), else a copy taken first.
 */
function safeInput(input: NDArray, out: NDArray): NDArray {
  // In place on the very same array (a += 1): each element is read before it is written.
  if (input === out) return input;
  if (input.size === 0 || out.size === 0 || input.data.buffer !== out.data.buffer) return input;
  const [a0, a1] = byteRange(input);
  const [b0, b1] = byteRange(out);
  if (a1 <= b0 || b1 <= a0) return input;
  const sameElements =
    input.data.BYTES_PER_ELEMENT === out.data.BYTES_PER_ELEMENT &&
    input.data.byteOffset + input.offset * input.data.BYTES_PER_ELEMENT ===
      out.data.byteOffset + out.offset * out.data.BYTES_PER_ELEMENT &&
    (() => {
      const strides = broadcastStrides(out.shape, input.shape, input.strides);
      for (let k = 0; k < out.ndim; k++) if (out.shape[k]! > 1 && strides[k] !== out.strides[k]) return false;
      return true;
    })();
  return sameElements ? input : input.copy();
}

/**
 * Whether these arrays all have exactly `shape` and are all contiguous in one order (C or F),
 * so that element i of each is `data[offset + i]`.
 */
function sameFlatLayout(shape: readonly number[], a: NDArray, b: NDArray, c?: NDArray): boolean {
  if (!sameShape(a.shape, shape) || !sameShape(b.shape, shape) || (c !== undefined && !sameShape(c.shape, shape))) return false;
  for (const order of ['C', 'F'] as const) {
    if (
      isContiguousLayout(shape, a.strides, order) &&
      isContiguousLayout(shape, b.strides, order) &&
      (c === undefined || isContiguousLayout(shape, c.strides, order))
    ) {
      return true;
    }
  }
  return false;
}

function binary(kernel: BinaryKernel, a: unknown, b: unknown, options: ElementwiseOptions | undefined): NDArray {
  checkOperand(a, 'a');
  checkOperand(b, 'b');
  const given = checkOut(options);
  const shape = resultShape(a, b, given);
  const dtype = resultDType(a, b);
  const out = given ?? allocate(shape, dtype, [a, b]);
  if (out.size === 0) return out;
  // numpy computes a float32 result in float32, so a number meets a float32 array as a float32.
  // A fresh result cannot overlap the inputs; a given out may.
  const x = typeof a === 'number' ? (dtype === 'float32' ? Math.fround(a) : a) : given ? safeInput(a, out) : a;
  const y = typeof b === 'number' ? (dtype === 'float32' ? Math.fround(b) : b) : given ? safeInput(b, out) : b;
  runBinary(kernel, x, y, shape, out);
  if (dtype === 'float32' && out.dtype === 'float64') roundToSingle(out);
  return out;
}

/** Computes `out = x op y` (shapes already checked; inputs safe to read while out is written). */
function runBinary(kernel: BinaryKernel, x: NDArray | number, y: NDArray | number, shape: readonly number[], out: NDArray): void {
  const o = out.data;
  const n = out.size;
  if (typeof x !== 'number' && typeof y !== 'number') {
    if (sameFlatLayout(shape, x, y, out)) return flatBinary(kernel, n, x.data, x.offset, y.data, y.offset, o, out.offset);
  } else if (typeof x !== 'number' && typeof y === 'number') {
    if (sameFlatLayout(shape, x, out)) return flatRight(kernel, n, x.data, x.offset, y, o, out.offset);
  } else if (typeof x === 'number' && typeof y !== 'number') {
    if (sameFlatLayout(shape, y, out)) return flatLeft(kernel, n, x, y.data, y.offset, o, out.offset);
  } else if (typeof x === 'number' && typeof y === 'number') {
    // Both numbers: fill the output with the one value.
    const value = new Float64Array(1);
    kernel.flat(1, new Float64Array([x]), 0, new Float64Array([y]), 0, value, 0);
    out.fill(value[0]!);
    return;
  }

  // General path: broadcasting and arbitrary strides. A number is a one-element array of stride 0.
  const zeros = new Array<number>(shape.length).fill(0);
  const xData = typeof x === 'number' ? new Float64Array([x]) : x.data;
  const yData = typeof y === 'number' ? new Float64Array([y]) : y.data;
  const xStrides = typeof x === 'number' ? zeros : broadcastStrides(shape, x.shape, x.strides);
  const yStrides = typeof y === 'number' ? zeros : broadcastStrides(shape, y.shape, y.strides);
  const plan = planLoops(shape, [out.strides, xStrides, yStrides]);
  const start = [out.offset, typeof x === 'number' ? 0 : x.offset, typeof y === 'number' ? 0 : y.offset];
  forEachRow(plan, start, (len, offsets, inner) => {
    const oo = offsets[0]!;
    const xo = offsets[1]!;
    const yo = offsets[2]!;
    const os = inner[0]!;
    const xs = inner[1]!;
    const ys = inner[2]!;
    // Rows that are contiguous, or contiguous against one broadcast value, use the flat loops.
    if (os === 1 && xs === 1 && ys === 1) flatBinary(kernel, len, xData, xo, yData, yo, o, oo);
    else if (os === 1 && xs === 1 && ys === 0) flatRight(kernel, len, xData, xo, yData[yo]!, o, oo);
    else if (os === 1 && xs === 0 && ys === 1) flatLeft(kernel, len, xData[xo]!, yData, yo, o, oo);
    else kernel.strided(len, xData, xo, xs, yData, yo, ys, o, oo, os);
  });
}

function unary(kernel: UnaryKernel, a: unknown, options: ElementwiseOptions | undefined): NDArray {
  checkOperand(a, 'a');
  const given = checkOut(options);
  const shape = resultShape(a, undefined, given);
  const dtype = resultDType(a);
  const out = given ?? allocate(shape, dtype, [a]);
  if (out.size === 0) return out;
  const x = typeof a === 'number' ? internalArray(new Float64Array([a]), []) : given ? safeInput(a, out) : a;
  runUnary(kernel, x, shape, out);
  if (dtype === 'float32' && out.dtype === 'float64') roundToSingle(out);
  return out;
}

/** Computes `out = op(x)` (shape already checked; x safe to read while out is written). */
function runUnary(kernel: UnaryKernel, x: NDArray, shape: readonly number[], out: NDArray): void {
  if (sameFlatLayout(shape, x, out)) return flatUnary(kernel, out.size, x.data, x.offset, out.data, out.offset);
  const xStrides = broadcastStrides(shape, x.shape, x.strides);
  const plan = planLoops(shape, [out.strides, xStrides]);
  const xData = x.data;
  const o = out.data;
  forEachRow(plan, [out.offset, x.offset], (len, offsets, inner) => {
    if (inner[0] === 1 && inner[1] === 1) flatUnary(kernel, len, xData, offsets[1]!, o, offsets[0]!);
    else kernel.strided(len, xData, offsets[1]!, inner[1]!, o, offsets[0]!, inner[0]!);
  });
}

/**
 * Rounds a float64 `out` that received a float32 result: numpy computes that result in float32
 * and only then casts it into `out`, and so do we (one more pass, only in this mixed case).
 */
function roundToSingle(out: NDArray): void {
  runUnary(ROUND_TO_SINGLE, out, out.shape, out);
}

/**
 * `a + b` elementwise, with numpy broadcasting (shapes are aligned at their last axes; lengths
 * must match or be 1). Either operand may be a number. The result is float32 only when every
 * array operand is float32.
 *
 * @example
 * ```ts
 * import { add, array } from '@polyblas/core';
 * add(array([[1, 2], [3, 4]]), array([10, 20])).toArray(); // [[11, 22], [13, 24]]
 * const a = array([1, 2, 3]);
 * add(a, 1, { out: a }); // in place, like a += 1
 * ```
 */
export function add(a: Operand, b: Operand, options?: ElementwiseOptions): NDArray {
  return binary(ADD, a, b, options);
}

/**
 * `a - b` elementwise, with numpy broadcasting; see {@link add} for operands and `out`.
 *
 * @example
 * ```ts
 * import { subtract, array } from '@polyblas/core';
 * subtract(1, array([1, 2, 3])).toArray(); // [0, -1, -2]
 * ```
 */
export function subtract(a: Operand, b: Operand, options?: ElementwiseOptions): NDArray {
  return binary(SUBTRACT, a, b, options);
}

/**
 * `a * b` elementwise, with numpy broadcasting; see {@link add} for operands and `out`.
 *
 * @example
 * ```ts
 * import { multiply, array } from '@polyblas/core';
 * multiply(array([[1], [2]]), array([1, 10, 100])).toArray(); // [[1, 10, 100], [2, 20, 200]]
 * ```
 */
export function multiply(a: Operand, b: Operand, options?: ElementwiseOptions): NDArray {
  return binary(MULTIPLY, a, b, options);
}

/**
 * `a / b` elementwise (IEEE division: x/0 is ±Infinity, 0/0 is NaN), with numpy broadcasting;
 * see {@link add} for operands and `out`.
 *
 * @example
 * ```ts
 * import { divide, array } from '@polyblas/core';
 * divide(array([1, 2, 3]), 2).toArray(); // [0.5, 1, 1.5]
 * ```
 */
export function divide(a: Operand, b: Operand, options?: ElementwiseOptions): NDArray {
  return binary(DIVIDE, a, b, options);
}

/**
 * The elementwise square root (NaN for negative elements, as numpy gives with a warning).
 *
 * @example
 * ```ts
 * import { sqrt, array } from '@polyblas/core';
 * sqrt(array([1, 4, 9])).toArray(); // [1, 2, 3]
 * ```
 */
export function sqrt(a: Operand, options?: ElementwiseOptions): NDArray {
  return unary(SQRT, a, options);
}

/**
 * The elementwise square `a * a`.
 *
 * @example
 * ```ts
 * import { square, array } from '@polyblas/core';
 * square(array([-3, 0.5])).toArray(); // [9, 0.25]
 * ```
 */
export function square(a: Operand, options?: ElementwiseOptions): NDArray {
  return unary(SQUARE, a, options);
}

/**
 * The elementwise negation `-a`.
 *
 * @example
 * ```ts
 * import { negative, array } from '@polyblas/core';
 * negative(array([1, -2])).toArray(); // [-1, 2]
 * ```
 */
export function negative(a: Operand, options?: ElementwiseOptions): NDArray {
  return unary(NEGATIVE, a, options);
}

/**
 * The elementwise absolute value.
 *
 * @example
 * ```ts
 * import { abs, array } from '@polyblas/core';
 * abs(array([-1.5, 2])).toArray(); // [1.5, 2]
 * ```
 */
export function abs(a: Operand, options?: ElementwiseOptions): NDArray {
  return unary(ABS, a, options);
}
