/**
 * The NDArray: a strided view of a `Float64Array` or `Float32Array`. Views (slices, transposes,
 * most reshapes) are O(1) and share memory with the array they come from.
 *
 * @module
 */
import { rangeError, typeError } from '../errors.js';
import { add, subtract, multiply, divide, sqrt, square, negative, abs } from './elementwise.js';
import type { ElementwiseOptions, Operand } from './elementwise.js';
import { formatArray } from './format.js';
import {
  allocateFloats,
  cStrides,
  detachedError,
  fStrides,
  isContiguousLayout,
  isDetached,
  isInteger,
  reach,
  shapeText,
  sizeOf,
  toShape,
  type FloatArray,
} from './layout.js';
import { copyStrided } from './strided.js';

/**
 * The element type of an NDArray: `'float64'` (stored in a `Float64Array`) or `'float32'`
 * (stored in a `Float32Array`).
 *
 * @example
 * ```ts
 * import { zeros, type DType } from '@polyblas/core';
 * const dtype: DType = 'float32';
 * zeros([2, 2], { dtype }).data; // Float32Array(4)
 * ```
 */
export type DType = 'float64' | 'float32';

/**
 * A memory order: `'C'` is row-major (the last index varies fastest), `'F'` is column-major
 * (Fortran, LAPACK: the first index varies fastest).
 *
 * @example
 * ```ts
 * import { zeros, type Order } from '@polyblas/core';
 * const order: Order = 'F';
 * zeros([2, 3], { order }).strides; // [1, 2]
 * ```
 */
export type Order = 'C' | 'F';

/**
 * One axis of a {@link NDArray.slice} call, as in Python:
 * - a number: that single index (negative counts from the end); the axis is dropped;
 * - a string `'start:stop:step'` with any part omitted (`':'`, `'1:'`, `'::-1'`, `'-3:'`), or a
 *   string holding one integer (`'2'`, like the number);
 * - an object `{ start?, stop?, step? }` with Python's meaning of missing parts;
 * - `null` or `':'`: the whole axis;
 * - `'...'`: as many whole axes as needed to reach the specs that follow (at most one).
 *
 * @example
 * ```ts
 * import { arange, type SliceSpec } from '@polyblas/core';
 * const everyOther: SliceSpec = { step: 2 };
 * arange(6).slice(everyOther).toArray(); // [0, 2, 4]
 * arange(6).slice('::-2').toArray();     // [5, 3, 1]
 * ```
 */
export type SliceSpec = number | string | null | { start?: number; stop?: number; step?: number };

/**
 * Nested plain arrays of numbers, as {@link NDArray.toArray} returns them and
 * {@link array} accepts them: `[[1, 2], [3, 4]]`.
 *
 * @example
 * ```ts
 * import { array, type NestedArray } from '@polyblas/core';
 * const rows: NestedArray = [[1, 2], [3, 4]];
 * array(rows).shape; // [2, 2]
 * ```
 */
export type NestedArray = Array<number | NestedArray>;

const freeze = <T>(values: T[]): readonly T[] => Object.freeze(values);

/** True while this layer constructs an array over storage it allocated or already checked. */
let knownStorage = false;

/** The key Node's `util.inspect` (and so `console.log`) looks up; a plain global symbol, no import. */
const inspectCustom: unique symbol = Symbol.for('nodejs.util.inspect.custom') as never;

/**
 * An n-dimensional array of float64 or float32 numbers: a view of `data` with a shape, strides
 * (in elements; negative for reversed axes, 0 for broadcast ones) and the offset of element
 * `[0, ..., 0]`. Slicing, transposing and (when the layout allows) reshaping give new views of
 * the same `data` in O(1); `copy`, `astype` and the constructors give fresh arrays.
 *
 * @example
 * ```ts
 * import { NDArray } from '@polyblas/core';
 * // A 2x3 row-major matrix over existing storage, then its transpose (no copy):
 * const a = new NDArray(new Float64Array([1, 2, 3, 4, 5, 6]), [2, 3]);
 * a.get(1, 2);        // 6
 * a.T.get(2, 1);      // 6
 * a.T.strides;        // [1, 3]
 * ```
 */
export class NDArray {
  /** `'float64'` or `'float32'`, from the type of `data`. */
  readonly dtype: DType;
  /** The length of each axis (frozen). */
  readonly shape: readonly number[];
  /** The step in `data`, in elements, between neighbours along each axis (frozen). */
  readonly strides: readonly number[];
  /** The index in `data` of element `[0, ..., 0]`. */
  readonly offset: number;
  /** The storage, shared with every view of it. */
  readonly data: FloatArray;
  /** The number of axes. */
  readonly ndim: number;
  /** The number of elements: the product of `shape` (1 for a 0-d array). */
  readonly size: number;

  /**
   * The low-level view constructor: wraps `data` without copying. `strides` default to row-major
   * contiguous, `offset` to 0. Every index the view can reach must lie inside `data`: otherwise a
   * RangeError names the argument at fault. A `data` whose buffer was detached, or over a
   * resizable ArrayBuffer (which could shrink under the view), is a TypeError; an array whose
   * buffer is detached later (transferred to a worker) throws a TypeError when next used.
   *
   * @example
   * ```ts
   * import { NDArray } from '@polyblas/core';
   * const data = new Float64Array([1, 2, 3, 4, 5, 6]);
   * new NDArray(data, [3, 2], [1, 3]).toArray(); // [[1, 4], [2, 5], [3, 6]] (column-major view)
   * new NDArray(data, [3], [-2], 4).toArray();   // [5, 3, 1]
   * new NDArray(data, [2, 3], [0, 1]).toArray(); // [[1, 2, 3], [1, 2, 3]] (broadcast row)
   * ```
   */
  constructor(data: FloatArray, shape: readonly number[] | number, strides?: readonly number[], offset = 0) {
    if (data instanceof Float64Array) this.dtype = 'float64';
    else if (data instanceof Float32Array) this.dtype = 'float32';
    else typeError('data', 'a Float64Array or a Float32Array', data);
    if (isDetached(data)) throw detachedError('data');
    const known = knownStorage;
    knownStorage = false;
    // The bounds are checked once, here; a resizable buffer could shrink under the view later.
    // (Skipped for storage this layer made or already checked: reading `buffer` of a small typed
    // array makes V8 move it off the heap, a cost every small result would pay.)
    if (!known && (data.buffer as { resizable?: boolean }).resizable === true) {
      typeError('data', 'a typed array over a fixed-length ArrayBuffer (not a resizable one)', data);
    }
    const dims = toShape(shape, 'shape');
    const nd = dims.length;
    let steps: number[];
    if (strides === undefined) {
      steps = cStrides(dims);
    } else {
      if (!Array.isArray(strides)) typeError('strides', `an array of ${nd} integers`, strides);
      if (strides.length !== nd) rangeError('strides', `one stride per axis of shape ${shapeText(dims)} (${nd})`, strides);
      steps = [];
      for (let k = 0; k < nd; k++) {
        const step: unknown = strides[k];
        if (!isInteger(step)) typeError(`strides[${k}]`, 'an integer', step);
        steps.push(step);
      }
    }
    if (typeof offset !== 'number') typeError('offset', 'a non-negative integer', offset);
    if (!isInteger(offset) || offset < 0) rangeError('offset', 'a non-negative integer', offset);
    const size = sizeOf(dims);
    const length = data.length;
    if (size === 0) {
      if (offset > length) rangeError('offset', `at most the data length ${length}`, offset);
    } else {
      if (offset >= length) rangeError('offset', `an index into data of length ${length}`, offset);
      const [lo, hi] = reach(dims, steps);
      if (offset + lo < 0 || offset + hi >= length) {
        const culprit = strides === undefined ? 'shape' : 'strides';
        rangeError(
          culprit,
          `every reachable index inside data of length ${length}, but shape ${shapeText(dims)}, ` +
            `strides ${shapeText(steps)} and offset ${offset} reach indices ${offset + lo} to ${offset + hi}`,
        );
      }
    }
    this.data = data;
    this.shape = freeze(dims);
    this.strides = freeze(steps);
    this.offset = offset;
    this.ndim = nd;
    this.size = size;
  }

  /** The position in `data` of a full index, with negative indices counted from the end. */
  private position(index: readonly number[], argument: string): number {
    const nd = this.ndim;
    if (index.length !== nd) {
      rangeError(argument, `one index per axis of shape ${shapeText(this.shape)} (${nd}), got ${index.length}`);
    }
    let p = this.offset;
    for (let k = 0; k < nd; k++) {
      let i = index[k]!;
      const n = this.shape[k]!;
      if (!Number.isInteger(i)) typeError(`${argument}[${k}]`, 'an integer', i);
      if (i < 0) i += n;
      if (i < 0 || i >= n) rangeError(`${argument}[${k}]`, `an integer in [${-n}, ${n}) for axis ${k}`, index[k]);
      p += i * this.strides[k]!;
    }
    if (this.data.length === 0) throw detachedError('this');
    return p;
  }

  /**
   * The element at an index (one integer per axis; negative ones count from the end).
   *
   * @example
   * ```ts
   * import { array } from '@polyblas/core';
   * const a = array([[1, 2, 3], [4, 5, 6]]);
   * a.get(0, 1);   // 2
   * a.get(-1, -1); // 6
   * ```
   */
  get(...index: number[]): number {
    return this.data[this.position(index, 'index')]!;
  }

  /**
   * Sets the element at an index (stored with the array's precision) and returns the array.
   * Views share memory, so the change shows through every view of the same data.
   *
   * @example
   * ```ts
   * import { zeros } from '@polyblas/core';
   * const a = zeros([2, 2]);
   * a.set([0, 1], 5).set([-1, -1], 7);
   * a.toArray(); // [[0, 5], [0, 7]]
   * ```
   */
  set(index: readonly number[], value: number): this {
    if (!Array.isArray(index)) typeError('index', 'an array of integers', index);
    if (typeof value !== 'number') typeError('value', 'a number', value);
    this.data[this.position(index, 'index')] = value;
    return this;
  }

  /**
   * The transpose: the axes reversed, as an O(1) view.
   *
   * @example
   * ```ts
   * import { array } from '@polyblas/core';
   * array([[1, 2, 3], [4, 5, 6]]).T.toArray(); // [[1, 4], [2, 5], [3, 6]]
   * ```
   */
  get T(): NDArray {
    return this.transpose();
  }

  /**
   * A view with the axes permuted: axis k of the result is axis `axes[k]` of this array (negative
   * values count from the end). With no arguments the axes are reversed. The permutation may
   * also be passed as one array. O(1).
   *
   * @example
   * ```ts
   * import { zeros } from '@polyblas/core';
   * zeros([2, 3, 4]).transpose(1, 0, 2).shape; // [3, 2, 4]
   * zeros([2, 3, 4]).transpose().shape;        // [4, 3, 2]
   * ```
   */
  transpose(...axes: number[] | [readonly number[]]): NDArray {
    const nd = this.ndim;
    if (axes.length === 0) {
      // The common case (T): reversed axes, no permutation to check.
      const shape = new Array<number>(nd);
      const strides = new Array<number>(nd);
      for (let k = 0; k < nd; k++) {
        shape[k] = this.shape[nd - 1 - k]!;
        strides[k] = this.strides[nd - 1 - k]!;
      }
      return internalArray(this.data, shape, strides, this.offset);
    }
    const perm: readonly unknown[] = axes.length === 1 && Array.isArray(axes[0]) ? axes[0] : axes;
    if (perm.length !== nd) rangeError('axes', `a permutation of the ${nd} axes of shape ${shapeText(this.shape)}`, perm);
    const seen = new Array<boolean>(nd).fill(false);
    const shape = new Array<number>(nd);
    const strides = new Array<number>(nd);
    for (let k = 0; k < nd; k++) {
      let ax = perm[k];
      if (!isInteger(ax)) typeError(`axes[${k}]`, 'an integer', ax);
      if (ax < 0) ax += nd;
      if (ax < 0 || ax >= nd || seen[ax]) {
        rangeError('axes', `a permutation of the ${nd} axes of shape ${shapeText(this.shape)}`, [...perm]);
      }
      seen[ax] = true;
      shape[k] = this.shape[ax]!;
      strides[k] = this.strides[ax]!;
    }
    return internalArray(this.data, shape, strides, this.offset);
  }

  /**
   * A view of part of the array, with Python's slicing rules, in O(1). One spec per leading axis
   * (missing trailing specs take whole axes): a number picks one index and drops the axis;
   * `'start:stop:step'` (parts optional, steps may be negative), `{ start, stop, step }`, `null`
   * or `':'` keep the axis; `'...'` stands for as many whole axes as needed. Out-of-range slice
   * bounds are clipped as in Python, so a slice may be empty; an out-of-range single index is a
   * RangeError.
   *
   * @example
   * ```ts
   * import { arange } from '@polyblas/core';
   * const a = arange(12).reshape(3, 4);
   * a.slice(1).toArray();            // [4, 5, 6, 7]          (row 1)
   * a.slice(null, -1).toArray();     // [3, 7, 11]            (last column)
   * a.slice('::2', '1:3').toArray(); // [[1, 2], [9, 10]]
   * a.slice('::-1').get(0, 0);       // 8
   * a.slice('...', 0).toArray();     // [0, 4, 8]
   * ```
   */
  slice(...specs: SliceSpec[]): NDArray {
    const nd = this.ndim;
    let ellipses = 0;
    for (const spec of specs) if (typeof spec === 'string' && spec.trim() === '...') ellipses++;
    if (ellipses > 1) rangeError('specs', "at most one '...'", specs.length);
    const explicit = specs.length - ellipses;
    if (explicit > nd) rangeError('specs', `at most one spec per axis of shape ${shapeText(this.shape)} (${nd}), got ${explicit}`);
    const shape: number[] = [];
    const strides: number[] = [];
    let offset = this.offset;
    let axis = 0;
    for (let k = 0; k < specs.length; k++) {
      const spec = specs[k];
      const argument = `specs[${k}]`;
      if (typeof spec === 'string' && spec.trim() === '...') {
        for (let fill = nd - explicit; fill > 0; fill--, axis++) {
          shape.push(this.shape[axis]!);
          strides.push(this.strides[axis]!);
        }
        continue;
      }
      const n = this.shape[axis]!;
      const stride = this.strides[axis]!;
      const parsed = parseSliceSpec(spec, argument);
      if (typeof parsed === 'number') {
        const i = parsed < 0 ? parsed + n : parsed;
        if (i < 0 || i >= n) rangeError(argument, `an index in [${-n}, ${n}) for axis ${axis}`, spec);
        offset += i * stride;
      } else {
        const [start, length, step] = sliceIndices(parsed, n);
        if (length > 0) offset += start * stride;
        shape.push(length);
        strides.push(stride * step);
      }
      axis++;
    }
    for (; axis < nd; axis++) {
      shape.push(this.shape[axis]!);
      strides.push(this.strides[axis]!);
    }
    // An empty view reaches nothing: keep the base offset so it stays inside the data.
    if (sizeOf(shape) === 0) offset = this.offset;
    return internalArray(this.data, shape, strides, offset);
  }

  /**
   * The same elements in a new shape, read and written in row-major (C) index order. One length
   * may be -1 and is inferred. Returns an O(1) view sharing data whenever the strides allow it
   * (always for contiguous arrays, and also for many non-contiguous ones: a slice with a step, a
   * transposed array split or merged along axes that stay adjacent in memory); otherwise, as
   * numpy does, it returns a row-major copy. Use {@link NDArray.isContiguous} or compare `data`
   * if you must know.
   *
   * @example
   * ```ts
   * import { arange } from '@polyblas/core';
   * const a = arange(6);
   * const b = a.reshape(2, 3);     // view: b.data === a.data
   * a.reshape([3, -1]).shape;      // [3, 2]
   * const t = b.T.reshape(6);      // copy: the transpose is not row-major
   * t.toArray();                   // [0, 3, 1, 4, 2, 5]
   * ```
   */
  reshape(...shape: number[] | [readonly number[]]): NDArray {
    const requested: unknown = shape.length === 1 && Array.isArray(shape[0]) ? shape[0] : shape;
    const dims = this.resolveShape(requested as readonly unknown[]);
    if (this.size === 0) return internalArray(this.data, dims, cStrides(dims), this.offset);
    const strides = reshapeStrides(this.shape, this.strides, dims);
    if (strides) return internalArray(this.data, dims, strides, this.offset);
    return this.copy('C').reshape(dims);
  }

  /** A requested shape with its -1 resolved, checked against this array's size. */
  private resolveShape(requested: readonly unknown[]): number[] {
    const dims: number[] = [];
    let inferred = -1;
    for (let k = 0; k < requested.length; k++) {
      const n = requested[k];
      if (!isInteger(n)) typeError(`shape[${k}]`, 'an integer', n);
      if (n === -1) {
        if (inferred >= 0) rangeError('shape', 'at most one -1', [...requested]);
        inferred = k;
        dims.push(1);
      } else if (n < 0) {
        rangeError(`shape[${k}]`, 'a non-negative integer or -1', n);
      } else {
        dims.push(n);
      }
    }
    const known = sizeOf(dims);
    if (inferred >= 0) {
      if (known === 0 || this.size % known !== 0) {
        rangeError('shape', `a shape that the ${this.size} elements of shape ${shapeText(this.shape)} fill`, [...requested]);
      }
      dims[inferred] = this.size / known;
    } else if (known !== this.size) {
      rangeError('shape', `a shape of size ${this.size} (the size of ${shapeText(this.shape)})`, [...requested]);
    }
    return dims;
  }

  /**
   * Whether the elements are contiguous in memory in row-major (`'C'`, the default) or
   * column-major (`'F'`) order, as numpy's `flags` report it (axes of length 1 never matter).
   *
   * @example
   * ```ts
   * import { zeros } from '@polyblas/core';
   * const a = zeros([2, 3]);
   * a.isContiguous();        // true
   * a.T.isContiguous();      // false
   * a.T.isContiguous('F');   // true
   * ```
   */
  isContiguous(order: Order = 'C'): boolean {
    if (order !== 'C' && order !== 'F') typeError('order', "'C' or 'F'", order);
    return isContiguousLayout(this.shape, this.strides, order);
  }

  /**
   * A fresh contiguous copy, row-major (`'C'`, the default) or column-major (`'F'`).
   *
   * @example
   * ```ts
   * import { array } from '@polyblas/core';
   * const a = array([[1, 2], [3, 4]]);
   * const f = a.copy('F');
   * f.strides;          // [1, 2]
   * Array.from(f.data); // [1, 3, 2, 4]
   * ```
   */
  copy(order: Order = 'C'): NDArray {
    return this.copyAs(this.dtype, order);
  }

  /**
   * A new array with the elements converted to `dtype` (to float32 they round to nearest); always
   * a copy, even when `dtype` is this array's. The layout is kept column-major when this array
   * is column-major contiguous and not row-major, else it is row-major (numpy's `order='K'` for
   * the common cases).
   *
   * @example
   * ```ts
   * import { array } from '@polyblas/core';
   * const a = array([0.1, 0.5]).astype('float32');
   * a.dtype;   // 'float32'
   * a.get(0);  // 0.10000000149011612
   * ```
   */
  astype(dtype: DType): NDArray {
    if (dtype !== 'float64' && dtype !== 'float32') typeError('dtype', "'float64' or 'float32'", dtype);
    const order = !this.isContiguous('C') && this.isContiguous('F') ? 'F' : 'C';
    return this.copyAs(dtype, order);
  }

  private copyAs(dtype: DType, order: Order): NDArray {
    if (order !== 'C' && order !== 'F') typeError('order', "'C' or 'F'", order);
    if (this.size > 0 && this.data.length === 0) throw detachedError('this');
    const data = allocateFloats(dtype, this.size, 'this');
    const strides = order === 'C' ? cStrides(this.shape) : fStrides(this.shape);
    if (this.size > 0 && isContiguousLayout(this.shape, this.strides, order)) {
      // Already laid out as wanted: one block copy (converting when the dtype changes).
      data.set(this.data.subarray(this.offset, this.offset + this.size));
    } else {
      copyStrided(this.shape, data, 0, strides, this.data, this.offset, this.strides);
    }
    return internalArray(data, this.shape, strides, 0);
  }

  /**
   * The elements as nested plain arrays (row-major nesting); a 0-d array gives its number.
   * `array(a.toArray())` rebuilds an equal array.
   *
   * @example
   * ```ts
   * import { arange } from '@polyblas/core';
   * arange(6).reshape(2, 3).toArray(); // [[0, 1, 2], [3, 4, 5]]
   * arange(1).reshape([]).toArray();   // 0
   * ```
   */
  toArray(): number | NestedArray {
    if (this.size > 0 && this.data.length === 0) throw detachedError('this');
    const { data, shape, strides } = this;
    const nd = this.ndim;
    if (nd === 0) return data[this.offset]!;
    const build = (axis: number, at: number): NestedArray => {
      const n = shape[axis]!;
      const stride = strides[axis]!;
      const out: NestedArray = new Array(n);
      if (axis === nd - 1) for (let i = 0; i < n; i++) out[i] = data[at + i * stride]!;
      else for (let i = 0; i < n; i++) out[i] = build(axis + 1, at + i * stride);
      return out;
    };
    return build(0, this.offset);
  }

  /**
   * The single element of an array of size 1 (of any number of axes); a RangeError otherwise.
   *
   * @example
   * ```ts
   * import { array } from '@polyblas/core';
   * array([[7]]).item(); // 7
   * ```
   */
  item(): number {
    if (this.size !== 1) rangeError('this', `an array of size 1 for item()`, this);
    if (this.data.length === 0) throw detachedError('this');
    return this.data[this.offset]!;
  }

  /**
   * Sets every element to `value` and returns the array (views share the change).
   *
   * @example
   * ```ts
   * import { zeros } from '@polyblas/core';
   * const a = zeros([2, 3]);
   * a.slice(null, '1:').fill(9);
   * a.toArray(); // [[0, 9, 9], [0, 9, 9]]
   * ```
   */
  fill(value: number): this {
    if (typeof value !== 'number') typeError('value', 'a number', value);
    if (this.size > 0 && this.data.length === 0) throw detachedError('this');
    if (this.size === 0) return this;
    if (this.isContiguous('C') || this.isContiguous('F')) {
      const [lo] = reach(this.shape, this.strides);
      this.data.fill(value, this.offset + lo, this.offset + lo + this.size);
      return this;
    }
    const source = new Float64Array([value]);
    copyStrided(this.shape, this.data, this.offset, this.strides, source, 0, new Array<number>(this.ndim).fill(0));
    return this;
  }

  /**
   * The elements as one axis in row-major order: a view when the layout allows it, else a copy
   * (like `reshape(-1)`).
   *
   * @example
   * ```ts
   * import { array } from '@polyblas/core';
   * array([[1, 2], [3, 4]]).ravel().toArray(); // [1, 2, 3, 4]
   * ```
   */
  ravel(): NDArray {
    return this.reshape(-1);
  }

  /**
   * `this + other`, elementwise with broadcasting; see {@link add}.
   *
   * @example
   * ```ts
   * import { array } from '@polyblas/core';
   * array([1, 2]).add(10).toArray(); // [11, 12]
   * ```
   */
  add(other: Operand, options?: ElementwiseOptions): NDArray {
    return add(this, other, options);
  }

  /**
   * `this - other`, elementwise with broadcasting; see {@link subtract}.
   *
   * @example
   * ```ts
   * import { array } from '@polyblas/core';
   * array([1, 2]).subtract(array([1, 1])).toArray(); // [0, 1]
   * ```
   */
  subtract(other: Operand, options?: ElementwiseOptions): NDArray {
    return subtract(this, other, options);
  }

  /**
   * `this * other`, elementwise with broadcasting; see {@link multiply}.
   *
   * @example
   * ```ts
   * import { array } from '@polyblas/core';
   * array([1, 2]).multiply(3).toArray(); // [3, 6]
   * ```
   */
  multiply(other: Operand, options?: ElementwiseOptions): NDArray {
    return multiply(this, other, options);
  }

  /**
   * `this / other`, elementwise with broadcasting; see {@link divide}.
   *
   * @example
   * ```ts
   * import { array } from '@polyblas/core';
   * array([1, 2]).divide(2).toArray(); // [0.5, 1]
   * ```
   */
  divide(other: Operand, options?: ElementwiseOptions): NDArray {
    return divide(this, other, options);
  }

  /**
   * The elementwise square root; see {@link sqrt}.
   *
   * @example
   * ```ts
   * import { array } from '@polyblas/core';
   * array([4, 9]).sqrt().toArray(); // [2, 3]
   * ```
   */
  sqrt(options?: ElementwiseOptions): NDArray {
    return sqrt(this, options);
  }

  /**
   * The elementwise square; see {@link square}.
   *
   * @example
   * ```ts
   * import { array } from '@polyblas/core';
   * array([-2, 3]).square().toArray(); // [4, 9]
   * ```
   */
  square(options?: ElementwiseOptions): NDArray {
    return square(this, options);
  }

  /**
   * The elementwise negation; see {@link negative}.
   *
   * @example
   * ```ts
   * import { array } from '@polyblas/core';
   * array([1, -2]).negative().toArray(); // [-1, 2]
   * ```
   */
  negative(options?: ElementwiseOptions): NDArray {
    return negative(this, options);
  }

  /**
   * The elementwise absolute value; see {@link abs}.
   *
   * @example
   * ```ts
   * import { array } from '@polyblas/core';
   * array([1, -2]).abs().toArray(); // [1, 2]
   * ```
   */
  abs(options?: ElementwiseOptions): NDArray {
    return abs(this, options);
  }

  /**
   * numpy's repr of the array: `array([[1., 2.],\n       [3., 4.]])`, with `dtype=float32` for
   * float32 arrays, aligned columns, scientific notation when magnitudes differ widely, and `...`
   * for arrays of more than 1000 elements.
   *
   * @example
   * ```ts
   * import { array } from '@polyblas/core';
   * String(array([[1, 2], [3, 4]]));
   * // array([[1., 2.],
   * //        [3., 4.]])
   * String(array([0.5, 1], { dtype: 'float32' })); // 'array([0.5, 1. ], dtype=float32)'
   * ```
   */
  toString(): string {
    if (this.size > 0 && this.data.length === 0) throw detachedError('this');
    return formatArray(this);
  }

  /** `console.log(a)` in Node prints the numpy repr too. */
  [inspectCustom](): string {
    return this.size > 0 && this.data.length === 0 ? 'NDArray(<detached>)' : formatArray(this);
  }
}

/** A slice spec reduced to an index (number) or to optional start/stop/step. */
function parseSliceSpec(
  spec: unknown,
  argument: string,
): number | { start: number | undefined; stop: number | undefined; step: number | undefined } {
  const expected = "an integer, a 'start:stop:step' string, a {start, stop, step} object, null or '...'";
  if (spec === null || spec === undefined) return { start: undefined, stop: undefined, step: undefined };
  if (typeof spec === 'number') {
    if (!isInteger(spec)) typeError(argument, expected, spec);
    return spec;
  }
  if (typeof spec === 'string') {
    // Hand-parsed (no split or regex): slicing strings is on the path of every blocked loop.
    const first = spec.indexOf(':');
    if (first < 0) {
      const index = parseInteger(spec, 0, spec.length);
      if (index === undefined || index === null) typeError(argument, expected, spec);
      return index;
    }
    const second = spec.indexOf(':', first + 1);
    if (second >= 0 && spec.indexOf(':', second + 1) >= 0) typeError(argument, expected, spec);
    const start = parseInteger(spec, 0, first);
    const stop = parseInteger(spec, first + 1, second < 0 ? spec.length : second);
    const step = second < 0 ? undefined : parseInteger(spec, second + 1, spec.length);
    if (start === null || stop === null || step === null) typeError(argument, expected, spec);
    if (step === 0) rangeError(argument, 'a non-zero step', spec);
    return { start, stop, step };
  }
  if (typeof spec === 'object' && !Array.isArray(spec) && !ArrayBuffer.isView(spec)) {
    const { start, stop, step } = spec as { start?: unknown; stop?: unknown; step?: unknown };
    for (const [name, v] of [['start', start], ['stop', stop], ['step', step]] as const) {
      if (v !== undefined && v !== null && !isInteger(v)) typeError(`${argument}.${name}`, 'an integer', v);
    }
    if (step === 0) rangeError(`${argument}.step`, 'a non-zero integer', step);
    const value = (v: unknown): number | undefined => (v === undefined || v === null ? undefined : (v as number));
    return { start: value(start), stop: value(stop), step: value(step) };
  }
  return typeError(argument, expected, spec);
}

/**
 * The integer written in `text[from, to)` (spaces around it allowed, an optional sign, decimal
 * digits): undefined when the part is empty, null when it is not an integer.
 */
function parseInteger(text: string, from: number, to: number): number | undefined | null {
  while (from < to && text.charCodeAt(from) === 32) from++;
  while (to > from && text.charCodeAt(to - 1) === 32) to--;
  if (from === to) return undefined;
  let sign = 1;
  const lead = text.charCodeAt(from);
  if (lead === 43 || lead === 45) {
    if (lead === 45) sign = -1;
    from++;
    if (from === to) return null;
  }
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return null;
    value = value * 10 + digit;
  }
  return Number.isSafeInteger(value) ? sign * value : null;
}

/** Python's slice.indices(): the first index, the number of elements and the step on an axis of length n. */
function sliceIndices(
  { start, stop, step = 1 }: { start: number | undefined; stop: number | undefined; step: number | undefined },
  n: number,
): [number, number, number] {
  let first: number;
  let last: number;
  if (step > 0) {
    first = start === undefined ? 0 : start < 0 ? Math.max(start + n, 0) : Math.min(start, n);
    last = stop === undefined ? n : stop < 0 ? Math.max(stop + n, 0) : Math.min(stop, n);
    return [first, last > first ? Math.ceil((last - first) / step) : 0, step];
  }
  first = start === undefined ? n - 1 : start < 0 ? Math.max(start + n, -1) : Math.min(start, n - 1);
  last = stop === undefined ? -1 : stop < 0 ? Math.max(stop + n, -1) : Math.min(stop, n - 1);
  return [first, first > last ? Math.ceil((first - last) / -step) : 0, step];
}

/**
 * Strides that give a view of the new shape over the same elements in row-major index order, or
 * null when none exist. Axes of length 1 are set aside; the old and new lengths are then matched
 * in groups of equal product, and a group of old axes can be re-split only if it is itself one
 * evenly strided run (each axis's stride = the next axis's stride x its length).
 */
function reshapeStrides(oldShape: readonly number[], oldStrides: readonly number[], newShape: readonly number[]): number[] | null {
  const od: number[] = [];
  const os: number[] = [];
  for (let k = 0; k < oldShape.length; k++) {
    if (oldShape[k] !== 1) {
      od.push(oldShape[k]!);
      os.push(oldStrides[k]!);
    }
  }
  const nd = newShape.length;
  const ns = new Array<number>(nd).fill(0);
  let oi = 0;
  let oj = 1;
  let ni = 0;
  let nj = 1;
  while (ni < nd && oi < od.length) {
    let np = newShape[ni]!;
    let op = od[oi]!;
    while (np !== op) {
      if (np < op) np *= newShape[nj++]!;
      else op *= od[oj++]!;
    }
    for (let k = oi; k < oj - 1; k++) {
      if (os[k] !== od[k + 1]! * os[k + 1]!) return null;
    }
    ns[nj - 1] = os[oj - 1]!;
    for (let k = nj - 1; k > ni; k--) ns[k - 1] = ns[k]! * newShape[k]!;
    ni = nj++;
    oi = oj++;
  }
  // Trailing axes of length 1: any stride works; use the contiguous one.
  for (let k = ni; k < nd; k++) ns[k] = k > 0 ? ns[k - 1]! : 1;
  return ns;
}

/**
 * Constructs an NDArray over storage this layer allocated, or took from an existing NDArray (so
 * it is known to be a fixed-length buffer); every other check of the constructor still runs.
 *
 * @example
 * ```ts
 * import { internalArray } from './ndarray.js';
 * const a = internalArray(new Float64Array(6), [2, 3]);
 * ```
 *
 * @internal
 */
export function internalArray(data: FloatArray, shape: readonly number[], strides?: readonly number[], offset = 0): NDArray {
  knownStorage = true;
  try {
    return new NDArray(data, shape, strides, offset);
  } finally {
    knownStorage = false;
  }
}
