/**
 * The bad-input battery: every kind of malformed argument the public API can be handed (wrong
 * shapes, kinds and dtypes, holes and junk values, NaN and Infinity, empty arrays, singular and
 * indefinite matrices, negative and zero strides, views past the end of their buffer, detached
 * buffers, sizes past 32-bit indices, unknown options and wrong option values), run against one
 * backend through the selector. Each case either expects the documented error, whose type is
 * checked and whose message must start with the argument it names, or a result that a check
 * verifies against mathematics; and every case checks that the caller's inputs (their whole
 * buffers, views and nested arrays alike) are exactly as they were before the call.
 *
 * @module
 */
import { beforeAll, describe, expect, it } from 'vitest';
import '../backend/builtin.js';
import { setBackend } from '../backend/select.js';
import { LinAlgError } from '../errors.js';
import * as linalg from '../linalg/index.js';
import { add, array, defaultRng, divide, eye, NDArray, sqrt, zeros } from '../ndarray/index.js';
import { dot, inner, matmul, vdot } from '../products.js';

/**
 * What a case expects: an error of a class whose message matches, or a result that passes a check.
 *
 * @example
 * ```ts
 * import type { Expectation } from '@polyblas/core/testing';
 * const singular: Expectation = { error: RangeError, message: /^a: expected a square matrix/ };
 * ```
 */
export type Expectation =
  | { readonly error: typeof TypeError | typeof RangeError | typeof LinAlgError; readonly message: RegExp }
  | { readonly check: (result: unknown) => void };

/**
 * One bad-input case: a category, a name, what it expects, and a builder that makes fresh
 * inputs and returns the call followed by every input whose contents must survive it.
 *
 * @example
 * ```ts
 * import type { BadInputCase } from './bad-input.js';
 * const byName = (cases: readonly BadInputCase[]) => new Map(cases.map((c) => [c.name, c]));
 * ```
 */
export interface BadInputCase {
  readonly category: string;
  readonly name: string;
  readonly expect: Expectation;
  readonly build: () => readonly [() => unknown, ...unknown[]];
}

/* eslint-disable @typescript-eslint/no-explicit-any -- bad input is, by definition, mistyped */
const anyLinalg = linalg as any;
const anyMatmul = matmul as any;
const anyAdd = add as any;
const anySqrt = sqrt as any;
/* eslint-enable @typescript-eslint/no-explicit-any */

/** A float64 matrix (or vector) from nested arrays. */
const m = (rows: unknown): NDArray => array(rows as number[][]);
const spd = (): NDArray => m([[4, 1], [1, 3]]);
const square = (): NDArray => m([[2, 1], [1, 3]]);

/** An NDArray whose buffer has been transferred away (detached), as postMessage would leave it. */
function detachedArray(shape: number[] = [2, 2]): NDArray {
  const a = zeros(shape);
  a.data.fill(1);
  structuredClone(a.data.buffer, { transfer: [a.data.buffer as ArrayBuffer] });
  return a;
}

function detachedTyped(n = 4): Float64Array {
  const data = new Float64Array(n).fill(1);
  structuredClone(data.buffer, { transfer: [data.buffer] });
  return data;
}

/** A view of one stored element repeated over a shape (every stride 0): tiny storage, huge size. */
const broadcast = (shape: number[]): NDArray => new NDArray(new Float64Array([1]), shape, shape.map(() => 0));

/** Dense row-major values of an NDArray read through its strides. */
function values(a: NDArray): number[] {
  const out: number[] = [];
  const index = new Array<number>(a.ndim).fill(0);
  for (let k = 0; k < a.size; k++) {
    let p = a.offset;
    for (let d = 0; d < a.ndim; d++) p += index[d] * a.strides[d];
    out.push(a.data[p]);
    for (let d = a.ndim - 1; d >= 0; d--) {
      if (++index[d] < a.shape[d]) break;
      index[d] = 0;
    }
  }
  return out;
}

/** Asserts an NDArray result of a shape whose values are within `tol` of `expected` (row-major). */
function near(expected: readonly number[], shape: readonly number[], tol = 1e-10): (result: unknown) => void {
  return (result) => {
    expect(result).toBeInstanceOf(NDArray);
    const r = result as NDArray;
    expect(r.shape).toEqual(shape);
    const got = values(r);
    expect(got.length).toBe(expected.length);
    for (let i = 0; i < got.length; i++) {
      if (Number.isNaN(expected[i])) expect(got[i], `element ${i}`).toBeNaN();
      else if (!Number.isFinite(expected[i])) expect(got[i], `element ${i}`).toBe(expected[i]);
      else expect(Math.abs(got[i] - expected[i]), `element ${i}: ${got[i]} vs ${expected[i]}`).toBeLessThanOrEqual(tol * (1 + Math.abs(expected[i])));
    }
  };
}

function scalar(expected: number, tol = 1e-10): (result: unknown) => void {
  return (result) => {
    expect(typeof result).toBe('number');
    if (Number.isNaN(expected)) expect(result).toBeNaN();
    else if (!Number.isFinite(expected)) expect(result).toBe(expected);
    else expect(Math.abs((result as number) - expected)).toBeLessThanOrEqual(tol * (1 + Math.abs(expected)));
  };
}

/** Naive row-major product of an m×k and a k×n matrix given as flat values. */
function product(a: readonly number[], b: readonly number[], rows: number, inner: number, cols: number): number[] {
  const c = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      let s = 0;
      for (let p = 0; p < inner; p++) s += a[i * inner + p] * b[p * cols + j];
      c[i * cols + j] = s;
    }
  }
  return c;
}

/** Asserts that A·X reproduces B (all given as NDArrays) to a residual relative to the data. */
function residual(A: NDArray, B: NDArray, tol = 1e-10): (result: unknown) => void {
  return (result) => {
    expect(result).toBeInstanceOf(NDArray);
    const X = result as NDArray;
    const n = A.shape[0];
    const k = B.ndim === 1 ? 1 : B.shape[1];
    expect(X.shape).toEqual(B.shape);
    const ax = product(values(A), values(X), n, A.shape[1], k);
    const b = values(B);
    const scale = Math.max(1, ...values(A).map(Math.abs)) * Math.max(1, ...values(X).map(Math.abs));
    for (let i = 0; i < b.length; i++) expect(Math.abs(ax[i] - b[i])).toBeLessThanOrEqual(tol * scale);
  };
}

function throws(
  category: string, name: string, error: typeof TypeError | typeof RangeError | typeof LinAlgError, message: RegExp,
  build: BadInputCase['build'],
): BadInputCase {
  return { category, name, expect: { error, message }, build };
}

function works(category: string, name: string, check: (result: unknown) => void, build: BadInputCase['build']): BadInputCase {
  return { category, name, expect: { check }, build };
}

const SINGULAR = /^Singular matrix$/;
const NOT_PD = /^Matrix is not positive definite$/;
const NOT_FINITE = /^Array must not contain infs or NaNs$/;

/**
 * Every case of the battery (fresh inputs are made by each case's `build`).
 *
 * @example
 * ```ts
 * import { badInputCases } from './bad-input.js';
 * badInputCases().length; // well over 60
 * ```
 */
export function badInputCases(): BadInputCase[] {
  const shapes = 'wrong shapes and dimension mismatches';
  const nonSquare = 'non-square where square is needed';
  const dtypes = 'wrong and mixed dtypes';
  const junk = 'non-numeric and sparse arrays';
  const nonFinite = 'NaN and Infinity';
  const empty = 'empty and 0-size arrays';
  const singular = 'singular and not positive definite';
  const strides = 'negative and zero strides';
  const pastEnd = 'views past the end of their buffer';
  const detached = 'detached ArrayBuffers';
  const overflow = 'sizes past 32-bit index arithmetic';
  const unknown = 'unknown options';
  const optionValues = 'wrong option values';
  return [
    // Wrong shapes and dimension mismatches.
    throws(shapes, 'solve: b with the wrong number of rows', RangeError, /^b: expected 2 rows/, () => {
      const a = square();
      const b = m([1, 2, 3]);
      return [() => linalg.solve(a, b), a, b];
    }),
    throws(shapes, 'solve: a vector as a', RangeError, /^a: expected an array of at least two dimensions/, () => {
      const a = m([1, 2]);
      const b = m([1, 2]);
      return [() => linalg.solve(a, b), a, b];
    }),
    throws(shapes, 'solve: a 0-d b', RangeError, /^b: /, () => {
      const a = square();
      const b = array(3);
      return [() => linalg.solve(a, b), a, b];
    }),
    throws(shapes, 'solve: batch dimensions that do not broadcast', RangeError, /^b: expected leading dimensions/, () => {
      const a = zeros([2, 3, 3]);
      const b = zeros([3, 3, 1]);
      return [() => linalg.solve(a, b), a, b];
    }),
    throws(shapes, 'matmul: inner dimensions differ', RangeError, /^b: expected 3 rows/, () => {
      const a = zeros([2, 3]);
      const b = zeros([2, 3]);
      return [() => matmul(a, b), a, b];
    }),
    throws(shapes, 'matmul: batch dimensions that do not broadcast', RangeError, /^b: expected batch dimensions/, () => {
      const a = zeros([2, 2, 3]);
      const b = zeros([3, 3, 2]);
      return [() => matmul(a, b), a, b];
    }),
    throws(shapes, 'matmul: a 0-d operand', RangeError, /^a: expected an array of at least 1 dimension/, () => {
      const a = array(2);
      const b = square();
      return [() => matmul(a, b), a, b];
    }),
    throws(shapes, 'matmul: options.out of the wrong shape', RangeError, /^options\.out: /, () => {
      const a = square();
      const out = zeros([3, 2]);
      return [() => matmul(a, a, { out }), a, out];
    }),
    throws(shapes, 'dot: vectors of different lengths', RangeError, /^b: /, () => {
      const a = m([1, 2]);
      const b = m([1, 2, 3]);
      return [() => dot(a, b), a, b];
    }),
    throws(shapes, 'dot: N-D operands that do not contract', RangeError, /^b: /, () => {
      const a = zeros([2, 3]);
      const b = zeros([2, 2, 2]);
      return [() => dot(a, b), a, b];
    }),
    throws(shapes, 'vdot: different sizes', RangeError, /^b: /, () => {
      const a = zeros([2, 2]);
      const b = zeros([5]);
      return [() => vdot(a, b), a, b];
    }),
    throws(shapes, 'inner: last axes differ', RangeError, /^b: /, () => {
      const a = zeros([2, 3]);
      const b = zeros([2, 2]);
      return [() => inner(a, b), a, b];
    }),
    throws(shapes, 'add: shapes that do not broadcast', RangeError, /^b: /, () => {
      const a = zeros([2, 3]);
      const b = zeros([3, 2]);
      return [() => add(a, b), a, b];
    }),
    throws(shapes, 'add: options.out of the wrong shape', RangeError, /^options\.out: /, () => {
      const a = zeros([2, 3]);
      const out = zeros([3]);
      return [() => add(a, 1, { out }), a, out];
    }),
    throws(shapes, 'lstsq: a stack as a', RangeError, /^a: expected a matrix/, () => {
      const a = zeros([2, 2, 2]);
      const b = zeros([2]);
      return [() => linalg.lstsq(a, b), a, b];
    }),
    throws(shapes, 'lstsq: b with the wrong number of rows', RangeError, /^b: expected 3 rows/, () => {
      const a = zeros([3, 2]);
      const b = zeros([2]);
      return [() => linalg.lstsq(a, b), a, b];
    }),
    throws(shapes, 'multiDot: a chain that does not match', RangeError, /^arrays\[1\]: /, () => {
      const a = zeros([2, 3]);
      const b = zeros([2, 2]);
      return [() => linalg.multiDot([a, b]), a, b];
    }),
    throws(shapes, 'norm: a matrix order for a 3-d array without axes', RangeError, /^x: /, () => {
      const x = zeros([2, 2, 2]);
      return [() => linalg.norm(x, 1), x];
    }),
    throws(shapes, 'tensorinv: unequal products of the index groups', RangeError, /^a: /, () => {
      const a = zeros([2, 3]);
      return [() => linalg.tensorinv(a, { ind: 1 }), a];
    }),

    // Non-square where square is needed.
    ...(
      [
        ['inv', (a: NDArray) => linalg.inv(a)],
        ['det', (a: NDArray) => linalg.det(a)],
        ['slogdet', (a: NDArray) => linalg.slogdet(a)],
        ['cholesky', (a: NDArray) => linalg.cholesky(a)],
        ['eig', (a: NDArray) => linalg.eig(a)],
        ['eigh', (a: NDArray) => linalg.eigh(a)],
        ['matrixPower', (a: NDArray) => linalg.matrixPower(a, 2)],
        ['solve', (a: NDArray) => linalg.solve(a, zeros([2]))],
        ['svd (hermitian)', (a: NDArray) => linalg.svd(a, { hermitian: true })],
      ] as const
    ).map(([fn, call]) =>
      throws(nonSquare, `${fn}: a 2x3 matrix`, RangeError, /^a: expected a square matrix/, () => {
        const a = m([[1, 2, 3], [4, 5, 6]]);
        return [() => call(a), a];
      }),
    ),
    throws(nonSquare, 'cond: p = 1 of a 2x3 matrix', RangeError, /^x: expected a square matrix/, () => {
      const x = m([[1, 2, 3], [4, 5, 6]]);
      return [() => linalg.cond(x, 1), x];
    }),

    // Wrong and mixed dtypes.
    throws(dtypes, 'inv: an Int32Array', TypeError, /^a: /, () => {
      const a = new Int32Array([1, 2, 3, 4]);
      return [() => anyLinalg.inv(a), a];
    }),
    throws(dtypes, 'det: a DataView', TypeError, /^a: /, () => {
      const a = new DataView(new ArrayBuffer(32));
      return [() => anyLinalg.det(a), a];
    }),
    throws(dtypes, 'matmul: options.out of the wrong dtype', RangeError, /^options\.out: expected dtype float64/, () => {
      const a = square();
      const out = zeros([2, 2], { dtype: 'float32' });
      return [() => matmul(a, a, { out }), a, out];
    }),
    works(dtypes, 'solve: float32 a with float64 b gives float64', (r) => {
      expect((r as NDArray).dtype).toBe('float64');
      residual(square(), m([1, 2]), 1e-6)(r);
    }, () => {
      const a = square().astype('float32');
      const b = m([1, 2]);
      return [() => linalg.solve(a, b), a, b];
    }),
    works(dtypes, 'matmul: float32 times float64 gives the float64 product', (r) => {
      expect((r as NDArray).dtype).toBe('float64');
      near([5, 5, 5, 10], [2, 2])(r);
    }, () => {
      const a = square().astype('float32');
      const b = square();
      return [() => matmul(a, b), a, b];
    }),
    works(dtypes, 'add: float32 plus float64 gives float64', (r) => {
      expect((r as NDArray).dtype).toBe('float64');
      near([4, 2, 2, 6], [2, 2])(r);
    }, () => {
      const a = square().astype('float32');
      const b = square();
      return [() => add(a, b), a, b];
    }),
    works(dtypes, 'det: rows mixing a Float32Array and plain numbers', scalar(-2), () => {
      const rows = [[1, 2], new Float32Array([3, 4])];
      return [() => anyLinalg.det(rows), rows];
    }),
    works(dtypes, 'matmul: an Int32Array operand is converted as array() converts it', scalar(5), () => {
      const a = new Int32Array([1, 2]);
      const b = m([1, 2]);
      return [() => (anyMatmul(a, b) as NDArray).item(), a, b];
    }),

    // Non-numeric and sparse arrays.
    throws(junk, 'inv: a hole in a nested array', TypeError, /^a: .*sparse/, () => {
      // eslint-disable-next-line no-sparse-arrays
      const a = [[1, , 3], [4, 5, 6], [7, 8, 9]];
      return [() => anyLinalg.inv(a), a];
    }),
    throws(junk, 'inv: strings', TypeError, /^a: .*"1"/, () => {
      const a = [['1', '2'], ['3', '4']];
      return [() => anyLinalg.inv(a), a];
    }),
    throws(junk, 'det: booleans', TypeError, /^a: .*boolean/, () => {
      const a = [[true, false], [false, true]];
      return [() => anyLinalg.det(a), a];
    }),
    throws(junk, 'solve: BigInt in b', TypeError, /^b: .*bigint/, () => {
      const a = square();
      const b = [1n, 2n];
      return [() => anyLinalg.solve(a, b), a, b];
    }),
    throws(junk, 'eigh: an object in the matrix', TypeError, /^a: /, () => {
      const a = [[{ valueOf: () => 1 }, 0], [0, 1]];
      return [() => anyLinalg.eigh(a), a];
    }),
    throws(junk, 'inv: ragged rows', TypeError, /^a: /, () => {
      const a = [[1, 2], [3]];
      return [() => anyLinalg.inv(a), a];
    }),
    throws(junk, 'matmul: strings', TypeError, /^a: /, () => {
      const a = [['1', '2']];
      const b = m([[1], [2]]);
      return [() => anyMatmul(a, b), a, b];
    }),
    throws(junk, 'matmul: null b', TypeError, /^b: /, () => {
      const a = square();
      return [() => anyMatmul(a, null), a];
    }),
    throws(junk, 'add: a plain array operand', TypeError, /^b: expected an NDArray or a number/, () => {
      const a = square();
      const b = [1, 2];
      return [() => anyAdd(a, b), a, b];
    }),
    throws(junk, 'sqrt: a string', TypeError, /^a: /, () => [() => anySqrt('4')]),
    throws(junk, 'norm: undefined', TypeError, /^x: /, () => [() => anyLinalg.norm(undefined)]),
    throws(junk, 'lstsq: a function as b', TypeError, /^b: /, () => {
      const a = square();
      return [() => anyLinalg.lstsq(a, () => 1), a];
    }),
    throws(junk, 'multiDot: not a list', TypeError, /^arrays: /, () => {
      const a = square();
      return [() => anyLinalg.multiDot(a), a];
    }),
    throws(junk, 'multiDot: a hole in the list', TypeError, /^arrays\[1\]: /, () => {
      const a = square();
      // eslint-disable-next-line no-sparse-arrays
      const list = [a, , a];
      return [() => anyLinalg.multiDot(list), a, list];
    }),
    throws(junk, "tensorsolve: options.axes ['0']", TypeError, /^options\.axes\[0\]: /, () => {
      const a = square();
      const b = m([1, 2]);
      return [() => anyLinalg.tensorsolve(a, b, { axes: ['0'] }), a, b];
    }),
    throws(junk, 'matrixPower: a string exponent', TypeError, /^n: /, () => {
      const a = square();
      return [() => anyLinalg.matrixPower(a, '2'), a];
    }),

    // NaN and Infinity.
    throws(nonFinite, 'svd: NaN', LinAlgError, NOT_FINITE, () => {
      const a = m([[NaN, 1], [1, 1]]);
      return [() => linalg.svd(a), a];
    }),
    throws(nonFinite, 'eig: Infinity', LinAlgError, NOT_FINITE, () => {
      const a = m([[Infinity, 1], [1, 1]]);
      return [() => linalg.eig(a), a];
    }),
    throws(nonFinite, 'eigh: NaN in the lower triangle', LinAlgError, NOT_FINITE, () => {
      const a = m([[1, 2], [NaN, 1]]);
      return [() => linalg.eigh(a), a];
    }),
    works(nonFinite, 'eigh: NaN only in the unread upper triangle', (r) => {
      near([-1, 3], [2])((r as { values: NDArray }).values);
    }, () => {
      const a = m([[1, NaN], [2, 1]]);
      return [() => linalg.eigh(a), a];
    }),
    throws(nonFinite, 'cholesky: NaN', LinAlgError, NOT_FINITE, () => {
      const a = m([[NaN, 1], [1, 1]]);
      return [() => linalg.cholesky(a), a];
    }),
    throws(nonFinite, 'lstsq: Infinity in b', LinAlgError, NOT_FINITE, () => {
      const a = m([[1, 0], [0, 1], [1, 1]]);
      const b = m([1, Infinity, 0]);
      return [() => linalg.lstsq(a, b), a, b];
    }),
    throws(nonFinite, 'pinv: NaN', LinAlgError, NOT_FINITE, () => {
      const a = m([[1, NaN], [1, 1]]);
      return [() => linalg.pinv(a), a];
    }),
    throws(nonFinite, 'matrixRank: -Infinity', LinAlgError, NOT_FINITE, () => {
      const a = m([[1, -Infinity], [1, 1]]);
      return [() => linalg.matrixRank(a), a];
    }),
    throws(nonFinite, 'inv: NaN', LinAlgError, NOT_FINITE, () => {
      const a = m([[NaN, 1], [1, 1]]);
      return [() => linalg.inv(a), a];
    }),
    throws(nonFinite, 'inv: Infinity (LU would leave finite-looking garbage)', LinAlgError, NOT_FINITE, () => {
      const a = m([[0.5, 0.7], [0.8, Infinity]]);
      return [() => linalg.inv(a), a];
    }),
    throws(nonFinite, 'solve: Infinity in b', LinAlgError, NOT_FINITE, () => {
      const a = square();
      const b = m([1, -Infinity]);
      return [() => linalg.solve(a, b), a, b];
    }),
    throws(nonFinite, 'qr: NaN', LinAlgError, NOT_FINITE, () => {
      const a = m([[1, 2], [NaN, 4], [5, 6]]);
      return [() => linalg.qr(a), a];
    }),
    throws(nonFinite, 'matrixPower: -1 of a matrix holding Infinity', LinAlgError, NOT_FINITE, () => {
      const a = m([[Infinity, 0], [0, 1]]);
      return [() => linalg.matrixPower(a, -1), a];
    }),
    works(nonFinite, 'det: NaN gives NaN', scalar(NaN), () => {
      const a = m([[NaN, 1], [1, 1]]);
      return [() => linalg.det(a), a];
    }),
    works(nonFinite, 'det: -Infinity gives NaN on every backend', scalar(NaN), () => {
      const a = m([[-0.7, 0.9, 1e300], [-1.7, 0, -Infinity], [-0.9, -0.5, 2.5]]);
      return [() => linalg.det(a), a];
    }),
    works(nonFinite, 'slogdet: Infinity gives (NaN, NaN)', (r) => {
      const { sign, logabsdet } = r as { sign: number; logabsdet: number };
      expect(sign).toBeNaN();
      expect(logabsdet).toBeNaN();
    }, () => {
      const a = m([[Infinity, 1], [1, 1]]);
      return [() => linalg.slogdet(a), a];
    }),
    works(nonFinite, 'cond: p = 1 with a NaN is NaN', scalar(NaN), () => {
      const x = m([[NaN, 1], [1, 1]]);
      return [() => linalg.cond(x, 1), x];
    }),
    works(nonFinite, 'cond: p = Infinity with an infinity is Infinity', scalar(Infinity), () => {
      const x = m([[Infinity, 1], [1, 1]]);
      return [() => linalg.cond(x, Infinity), x];
    }),
    works(nonFinite, 'matmul: NaN reaches exactly the entries it touches', near([NaN, NaN, 3, 4], [2, 2]), () => {
      const a = m([[NaN, 1], [1, 1]]);
      const b = square();
      return [() => matmul(a, b), a, b];
    }),
    works(nonFinite, 'lstsq: finite entries of 1e308 (near overflow)', (r) => {
      near([2 / 3, 2 / 3], [2], 1e-12)((r as { x: NDArray }).x);
    }, () => {
      const a = m([[1e308, 0], [0, 1e308], [1e308, 1e308]]);
      const b = m([1e308, 1e308, 1e308]);
      return [() => linalg.lstsq(a, b), a, b];
    }),
    works(nonFinite, 'lstsq: entries of 1e-310 (subnormal)', (r) => {
      near([2 / 3, 2 / 3], [2], 1e-9)((r as { x: NDArray }).x);
    }, () => {
      const a = m([[1e-310, 0], [0, 1e-310], [1e-310, 1e-310]]);
      const b = m([1e-310, 1e-310, 1e-310]);
      return [() => linalg.lstsq(a, b), a, b];
    }),
    works(nonFinite, 'solve: a well-conditioned matrix of subnormal entries', near([0.4, 0.4], [2], 1e-9), () => {
      const a = m([[2e-310, 0.5e-310], [0.5e-310, 2e-310]]);
      const b = m([1e-310, 1e-310]);
      return [() => linalg.solve(a, b), a, b];
    }),
    works(nonFinite, 'solve: float32 subnormal entries', near([0.4, 0.4], [2], 1e-5), () => {
      const a = m([[2e-40, 0.5e-40], [0.5e-40, 2e-40]]).astype('float32');
      const b = m([1e-40, 1e-40]).astype('float32');
      return [() => linalg.solve(a, b), a, b];
    }),
    works(nonFinite, 'slogdet: subnormal entries give a finite logarithm', (r) => {
      const { sign, logabsdet } = r as { sign: number; logabsdet: number };
      expect(sign).toBe(1);
      // det = (4 − 0.25)·1e-620
      expect(Math.abs(logabsdet - (Math.log(3.75) - 620 * Math.LN10))).toBeLessThan(1e-9);
    }, () => {
      const a = m([[2e-310, 0.5e-310], [0.5e-310, 2e-310]]);
      return [() => linalg.slogdet(a), a];
    }),
    works(nonFinite, 'det: subnormal entries underflow to 0', scalar(0), () => {
      const a = m([[2e-310, 0.5e-310], [0.5e-310, 2e-310]]);
      return [() => linalg.det(a), a];
    }),
    works(nonFinite, 'norm: Infinity', scalar(Infinity), () => {
      const x = m([1, -Infinity, 2]);
      return [() => linalg.norm(x), x];
    }),
    works(nonFinite, 'divide: by zero is IEEE', near([Infinity, -Infinity, NaN], [3]), () => {
      const a = m([1, -1, 0]);
      return [() => divide(a, 0), a];
    }),
    throws(nonFinite, 'norm: ord NaN', RangeError, /^ord: /, () => {
      const x = m([1, 2]);
      return [() => linalg.norm(x, NaN), x];
    }),

    // Empty and 0-size arrays.
    works(empty, 'inv: 0x0', near([], [0, 0]), () => {
      const a = zeros([0, 0]);
      return [() => linalg.inv(a), a];
    }),
    works(empty, 'det: 0x0 is 1', scalar(1), () => {
      const a = zeros([0, 0]);
      return [() => linalg.det(a), a];
    }),
    works(empty, 'inv: a stack of no matrices', near([], [0, 3, 3]), () => {
      const a = zeros([0, 3, 3]);
      return [() => linalg.inv(a), a];
    }),
    works(empty, 'solve: 0x0 with an empty b', near([], [0]), () => {
      const a = zeros([0, 0]);
      const b = zeros([0]);
      return [() => linalg.solve(a, b), a, b];
    }),
    works(empty, 'svd: 0x3 gives no values and identity Vt', (r) => {
      const { u, s, vt } = r as { u: NDArray; s: NDArray; vt: NDArray };
      expect(u.shape).toEqual([0, 0]);
      expect(s.shape).toEqual([0]);
      near([1, 0, 0, 0, 1, 0, 0, 0, 1], [3, 3])(vt);
    }, () => {
      const a = zeros([0, 3]);
      return [() => linalg.svd(a), a];
    }),
    works(empty, 'lstsq: 0x3 gives x = 0 and rank 0', (r) => {
      const { x, rank } = r as { x: NDArray; rank: number };
      near([0, 0, 0], [3])(x);
      expect(rank).toBe(0);
    }, () => {
      const a = zeros([0, 3]);
      const b = zeros([0]);
      return [() => linalg.lstsq(a, b), a, b];
    }),
    works(empty, 'matmul: 2x0 by 0x3 is zeros', near([0, 0, 0, 0, 0, 0], [2, 3]), () => {
      const a = zeros([2, 0]);
      const b = zeros([0, 3]);
      return [() => matmul(a, b), a, b];
    }),
    works(empty, 'dot: empty vectors give 0', scalar(0), () => {
      const a = zeros([0]);
      return [() => dot(a, a), a];
    }),
    works(empty, 'norm: empty vector is 0', scalar(0), () => {
      const x = zeros([0]);
      return [() => linalg.norm(x), x];
    }),
    throws(empty, 'norm: -Infinity of an empty vector', RangeError, /^ord: /, () => {
      const x = zeros([0]);
      return [() => linalg.norm(x, -Infinity), x];
    }),
    throws(empty, 'cond: 0x0', LinAlgError, /^cond is not defined on empty arrays$/, () => {
      const x = zeros([0, 0]);
      return [() => linalg.cond(x), x];
    }),
    works(empty, 'eigh: 0x0', (r) => near([], [0])((r as { values: NDArray }).values), () => {
      const a = zeros([0, 0]);
      return [() => linalg.eigh(a), a];
    }),

    // Singular and not positive definite.
    throws(singular, 'inv: singular', LinAlgError, SINGULAR, () => {
      const a = m([[1, 2], [2, 4]]);
      return [() => linalg.inv(a), a];
    }),
    throws(singular, 'solve: singular', LinAlgError, SINGULAR, () => {
      const a = m([[1, 2], [2, 4]]);
      const b = m([1, 1]);
      return [() => linalg.solve(a, b), a, b];
    }),
    throws(singular, 'inv: the second matrix of a stack is singular', LinAlgError, SINGULAR, () => {
      const a = m([[[2, 0], [0, 2]], [[0, 0], [0, 0]]]);
      return [() => linalg.inv(a), a];
    }),
    throws(singular, 'matrixPower: -1 of a singular matrix', LinAlgError, SINGULAR, () => {
      const a = m([[1, 2], [2, 4]]);
      return [() => linalg.matrixPower(a, -1), a];
    }),
    throws(singular, 'tensorsolve: singular', LinAlgError, SINGULAR, () => {
      const a = zeros([2, 2]);
      const b = m([1, 1]);
      return [() => linalg.tensorsolve(a, b), a, b];
    }),
    works(singular, 'det: singular is 0', scalar(0), () => {
      const a = m([[1, 2], [2, 4]]);
      return [() => linalg.det(a), a];
    }),
    works(singular, 'slogdet: singular is (0, -Infinity)', (r) => {
      const { sign, logabsdet } = r as { sign: number; logabsdet: number };
      expect(sign).toBe(0);
      expect(logabsdet).toBe(-Infinity);
    }, () => {
      const a = m([[1, 2], [2, 4]]);
      return [() => linalg.slogdet(a), a];
    }),
    works(singular, 'cond: singular is Infinity', scalar(Infinity), () => {
      const x = m([[0, 0], [0, 0]]);
      return [() => linalg.cond(x), x];
    }),
    works(singular, 'lstsq: rank-deficient gives the minimum-norm solution', (r) => {
      const { x, rank } = r as { x: NDArray; rank: number };
      expect(rank).toBe(1);
      near([0.2, 0.4], [2])(x);
    }, () => {
      const a = m([[1, 2], [2, 4]]);
      const b = m([1, 2]);
      return [() => linalg.lstsq(a, b), a, b];
    }),
    throws(singular, 'cholesky: indefinite', LinAlgError, NOT_PD, () => {
      const a = m([[1, 2], [2, 1]]);
      return [() => linalg.cholesky(a), a];
    }),
    throws(singular, 'cholesky: a negative diagonal', LinAlgError, NOT_PD, () => {
      const a = m([[-1, 0], [0, 1]]);
      return [() => linalg.cholesky(a), a];
    }),
    throws(singular, 'cholesky: upper, semi-definite', LinAlgError, NOT_PD, () => {
      const a = m([[1, 1], [1, 1]]);
      return [() => linalg.cholesky(a, { upper: true }), a];
    }),

    // Negative and zero strides (views made through the NDArray constructor).
    works(strides, 'inv: both axes reversed', (r) => {
      // The view is [[3, 1], [1, 2]]: its inverse is [[2, -1], [-1, 3]] / 5.
      near([0.4, -0.2, -0.2, 0.6], [2, 2])(r);
    }, () => {
      const a = new NDArray(new Float64Array([2, 1, 1, 3]), [2, 2], [-2, -1], 3);
      return [() => linalg.inv(a), a];
    }),
    works(strides, 'solve: b read backwards', residual(square(), m([2, 1])), () => {
      const a = square();
      const b = new NDArray(new Float64Array([1, 2]), [2], [-1], 1);
      return [() => linalg.solve(a, b), a, b];
    }),
    works(strides, 'matmul: negative strides on both operands', near([7, 6, 4, 7], [2, 2]), () => {
      const a = new NDArray(new Float64Array([2, 1, 1, 3]), [2, 2], [-2, -1], 3);
      const b = square();
      return [() => matmul(a, b), a, b];
    }),
    works(strides, 'matmul: a zero-stride (broadcast) operand', near([5, 5, 5, 5], [2, 2]), () => {
      const a = new NDArray(new Float64Array([2, 1]), [2, 2], [0, 1]);
      const b = square();
      return [() => matmul(a, b), a, b];
    }),
    works(strides, 'det: equal rows through a zero stride is 0', scalar(0), () => {
      const a = new NDArray(new Float64Array([2, 1]), [2, 2], [0, 1]);
      return [() => linalg.det(a), a];
    }),
    works(strides, 'eigh: a transposed view', (r) => near([2.381966011250105, 4.618033988749895], [2])((r as { values: NDArray }).values), () => {
      const a = new NDArray(new Float64Array([4, 1, 1, 3]), [2, 2], [1, 2]);
      return [() => linalg.eigh(a), a];
    }),
    works(strides, 'norm: every other element backwards', scalar(Math.sqrt(4 * 4 + 2 * 2)), () => {
      const x = new NDArray(new Float64Array([1, 2, 3, 4]), [2], [-2], 3);
      return [() => linalg.norm(x), x];
    }),
    throws(strides, 'matmul: a broadcast options.out', RangeError, /^options\.out: /, () => {
      const a = square();
      const out = new NDArray(new Float64Array(2), [2, 2], [0, 1]);
      return [() => matmul(a, a, { out }), a, out];
    }),
    throws(strides, 'add: a broadcast options.out', RangeError, /^options\.out: /, () => {
      const a = square();
      const out = new NDArray(new Float64Array(2), [2, 2], [0, 1]);
      return [() => add(a, 1, { out }), a, out];
    }),
    throws(strides, 'constructor: a fractional stride', TypeError, /^strides\[1\]: /, () => [
      () => new NDArray(new Float64Array(4), [2, 2], [2, 0.5]),
    ]),

    // Views past the end of their buffer.
    throws(pastEnd, 'constructor: a shape larger than the data', RangeError, /^shape: /, () => [
      () => new NDArray(new Float64Array(4), [2, 3]),
    ]),
    throws(pastEnd, 'constructor: strides that step past the end', RangeError, /^strides: /, () => [
      () => new NDArray(new Float64Array(4), [2, 2], [3, 1]),
    ]),
    throws(pastEnd, 'constructor: a negative stride that steps before the start', RangeError, /^strides: /, () => [
      () => new NDArray(new Float64Array(4), [3], [-1], 1),
    ]),
    throws(pastEnd, 'constructor: an offset past the end', RangeError, /^offset: /, () => [
      () => new NDArray(new Float64Array(4), [1], [1], 4),
    ]),
    throws(pastEnd, 'constructor: a negative offset', RangeError, /^offset: /, () => [
      () => new NDArray(new Float64Array(4), [1], [1], -1),
    ]),
    works(pastEnd, 'solve: a view ending exactly at the end of its buffer', residual(square(), m([1, 2])), () => {
      const a = new NDArray(new Float64Array([9, 9, 9, 2, 1, 1, 3]), [2, 2], [2, 1], 3);
      const b = m([1, 2]);
      return [() => linalg.solve(a, b), a, b];
    }),

    // Detached ArrayBuffers.
    throws(detached, 'inv: a detached matrix', TypeError, /^a: .*detached/, () => {
      const a = detachedArray();
      return [() => linalg.inv(a), a];
    }),
    throws(detached, 'solve: a detached b', TypeError, /^b: .*detached/, () => {
      const a = square();
      const b = detachedArray([2]);
      return [() => linalg.solve(a, b), a, b];
    }),
    throws(detached, 'qr: a detached matrix', TypeError, /^a: .*detached/, () => {
      const a = detachedArray();
      return [() => linalg.qr(a), a];
    }),
    throws(detached, 'eig: a detached matrix', TypeError, /^a: .*detached/, () => {
      const a = detachedArray();
      return [() => linalg.eig(a), a];
    }),
    throws(detached, 'lstsq: a detached Float64Array', TypeError, /^a: .*detached/, () => {
      const a = detachedTyped();
      const b = m([1, 2, 3, 4]);
      return [() => linalg.lstsq(a, b), a, b];
    }),
    throws(detached, 'matmul: a detached b', TypeError, /^b: .*detached/, () => {
      const a = square();
      const b = detachedArray();
      return [() => matmul(a, b), a, b];
    }),
    throws(detached, 'matmul: a detached options.out', TypeError, /^options\.out: .*detached/, () => {
      const a = square();
      const out = detachedArray();
      return [() => matmul(a, a, { out }), a, out];
    }),
    throws(detached, 'dot: a detached a', TypeError, /^a: .*detached/, () => {
      const a = detachedArray([2]);
      const b = m([1, 2]);
      return [() => dot(a, b), a, b];
    }),
    throws(detached, 'add: a detached operand', TypeError, /^b: .*detached/, () => {
      const a = square();
      const b = detachedArray();
      return [() => add(a, b), a, b];
    }),
    throws(detached, 'norm: a detached vector', TypeError, /^x: .*detached/, () => {
      const x = detachedArray([3]);
      return [() => linalg.norm(x), x];
    }),
    throws(detached, 'multiDot: a detached middle matrix', TypeError, /^arrays\[1\]: .*detached/, () => {
      const a = square();
      const b = detachedArray();
      return [() => linalg.multiDot([a, b, a]), a, b];
    }),
    throws(detached, 'constructor: over a detached buffer', TypeError, /^data: .*detached/, () => [
      () => new NDArray(detachedTyped(), [0]),
    ]),

    // Sizes whose index arithmetic passes 32 bits.
    throws(overflow, 'constructor: [65536, 65536] over 4 elements', RangeError, /^shape: /, () => [
      () => new NDArray(new Float64Array(4), [65536, 65536]),
    ]),
    throws(overflow, 'constructor: a stride of 2^40', RangeError, /^strides: /, () => [
      () => new NDArray(new Float64Array(4), [2, 2], [2 ** 40, 1]),
    ]),
    throws(overflow, 'constructor: a stride past 2^53', TypeError, /^strides\[0\]: /, () => [
      () => new NDArray(new Float64Array(4), [2, 2], [2 ** 54, 1]),
    ]),
    throws(overflow, 'constructor: a shape whose size passes 2^53', RangeError, /^shape/, () => [
      () => new NDArray(new Float64Array(4), [2 ** 30, 2 ** 30, 2 ** 30], [0, 0, 0]),
    ]),
    throws(overflow, 'inv: a stride-0 [65536, 65536] view', RangeError, /^a: .*2147483647 elements/, () => {
      const a = broadcast([65536, 65536]);
      return [() => linalg.inv(a), a];
    }),
    throws(overflow, 'svd: a stride-0 stack of 2^32 elements', RangeError, /^a: /, () => {
      const a = broadcast([1024, 2048, 2048]);
      return [() => linalg.svd(a), a];
    }),
    throws(overflow, 'norm: a stride-0 [65536, 65536] view', RangeError, /^x: /, () => {
      const x = broadcast([65536, 65536]);
      return [() => linalg.norm(x), x];
    }),
    throws(overflow, 'matmul: a product of 2^32 elements', RangeError, /^b: /, () => {
      const a = broadcast([65536, 1]);
      const b = broadcast([1, 65536]);
      return [() => matmul(a, b), a, b];
    }),
    throws(overflow, 'matmul: a stride-0 [65536, 65536] operand', RangeError, /^a: expected an operand of at most/, () => {
      const a = broadcast([65536, 65536]);
      const b = broadcast([65536]);
      return [() => matmul(a, b), a, b];
    }),
    throws(overflow, 'dot: stride-0 vectors of 2^31 elements', RangeError, /^a: /, () => {
      const a = broadcast([2 ** 31]);
      return [() => dot(a, a), a];
    }),
    throws(overflow, 'add: a broadcast result of 2^32 elements', RangeError, /^b: /, () => {
      const a = broadcast([65536, 1]);
      const b = broadcast([1, 65536]);
      return [() => add(a, b), a, b];
    }),
    // 2^33 elements: more than an engine's typed array may hold, so no allocation is attempted.
    throws(overflow, 'zeros: 2^33 elements', RangeError, /^shape: expected a size that can be allocated/, () => [
      () => zeros([2 ** 17, 2 ** 16]),
    ]),
    throws(overflow, 'eye: 10^10 elements', RangeError, /^n, m: /, () => [() => eye(100000)]),
    throws(overflow, 'copy: a stride-0 view of 2^33 elements', RangeError, /^this: /, () => {
      const a = broadcast([2 ** 17, 2 ** 16]);
      return [() => a.copy(), a];
    }),
    throws(overflow, 'standardNormal: 2^33 elements', RangeError, /^shape: /, () => [
      () => defaultRng(1).standardNormal([2 ** 33]),
    ]),
    works(overflow, 'matmul: a stride-0 [65536, 65536] operand times a vector', (r) => {
      expect((r as NDArray).shape).toEqual([2]);
      near([65536, 65536], [2])(r);
    }, () => {
      const a = new NDArray(new Float64Array([1]), [2, 65536], [0, 0]);
      const b = new NDArray(new Float64Array([1]), [65536], [0]);
      return [() => matmul(a, b), a, b];
    }),

    // Unknown options (numpy rejects unexpected keyword arguments).
    ...(
      [
        ['cholesky', 'uper', (o: object) => linalg.cholesky(spd(), o as never)],
        ['qr', 'mod', (o: object) => linalg.qr(spd(), o as never)],
        ['svd', 'full_matrices', (o: object) => linalg.svd(spd(), o as never)],
        ['eigh', 'UPLO', (o: object) => linalg.eigh(spd(), o as never)],
        ['eigvalsh', 'lower', (o: object) => linalg.eigvalsh(spd(), o as never)],
        ['lstsq', 'rcnd', (o: object) => linalg.lstsq(spd(), m([1, 2]), o as never)],
        ['norm', 'keepdim', (o: object) => linalg.norm(spd(), null, null, o as never)],
        ['vectorNorm', 'axes', (o: object) => linalg.vectorNorm(spd(), o as never)],
        ['matrixNorm', 'axis', (o: object) => linalg.matrixNorm(spd(), o as never)],
        ['pinv', 'rcond', (o: object) => linalg.pinv(spd(), o as never)],
        ['matrixRank', 'tolerance', (o: object) => linalg.matrixRank(spd(), o as never)],
        ['trace', 'off', (o: object) => linalg.trace(spd(), o as never)],
        ['diagonal', 'k', (o: object) => linalg.diagonal(spd(), o as never)],
        ['tensorinv', 'index', (o: object) => linalg.tensorinv(spd(), o as never)],
        ['tensorsolve', 'axis', (o: object) => linalg.tensorsolve(spd(), m([1, 2]), o as never)],
        ['matmul', 'outt', (o: object) => matmul(spd(), spd(), o as never)],
        ['add', 'where', (o: object) => add(spd(), 1, o as never)],
        ['sqrt', 'dtype', (o: object) => sqrt(spd(), o as never)],
      ] as const
    ).map(([fn, option, call]) =>
      throws(unknown, `${fn}: { ${option} }`, TypeError, new RegExp(`^options\\.${option}: unexpected option`), () => {
        const options = { [option]: 1 };
        return [() => call(options), options];
      }),
    ),
    throws(unknown, 'svd: an array as options', TypeError, /^options: /, () => {
      const a = spd();
      return [() => anyLinalg.svd(a, [true]), a];
    }),
    throws(unknown, 'matmul: a number as options', TypeError, /^options: /, () => {
      const a = spd();
      return [() => anyMatmul(a, a, 5), a];
    }),

    // Wrong option values.
    throws(optionValues, "qr: mode 'raw'", RangeError, /^options\.mode: /, () => {
      const a = spd();
      return [() => anyLinalg.qr(a, { mode: 'raw' }), a];
    }),
    throws(optionValues, "eigh: uplo 'X'", RangeError, /^options\.uplo: /, () => {
      const a = spd();
      return [() => anyLinalg.eigh(a, { uplo: 'X' }), a];
    }),
    throws(optionValues, "svd: fullMatrices 'no'", TypeError, /^options\.fullMatrices: /, () => {
      const a = spd();
      return [() => anyLinalg.svd(a, { fullMatrices: 'no' }), a];
    }),
    throws(optionValues, 'svd: hermitian 1', TypeError, /^options\.hermitian: /, () => {
      const a = spd();
      return [() => anyLinalg.svd(a, { hermitian: 1 }), a];
    }),
    throws(optionValues, 'cholesky: upper 1', TypeError, /^options\.upper: /, () => {
      const a = spd();
      return [() => anyLinalg.cholesky(a, { upper: 1 }), a];
    }),
    throws(optionValues, "lstsq: rcond 'x'", TypeError, /^options\.rcond: /, () => {
      const a = spd();
      const b = m([1, 2]);
      return [() => anyLinalg.lstsq(a, b, { rcond: 'x' }), a, b];
    }),
    throws(optionValues, 'lstsq: rcond NaN', RangeError, /^options\.rcond: /, () => {
      const a = spd();
      const b = m([1, 2]);
      return [() => linalg.lstsq(a, b, { rcond: NaN }), a, b];
    }),
    throws(optionValues, "norm: keepdims 'yes'", TypeError, /^options\.keepdims: /, () => {
      const a = spd();
      return [() => anyLinalg.norm(a, null, null, { keepdims: 'yes' }), a];
    }),
    throws(optionValues, 'norm: matrix order 3', RangeError, /^ord: /, () => {
      const a = spd();
      return [() => linalg.norm(a, 3), a];
    }),
    throws(optionValues, 'norm: the same axis twice', RangeError, /^axis: /, () => {
      const a = spd();
      return [() => linalg.norm(a, null, [0, 0]), a];
    }),
    throws(optionValues, "vectorNorm: ord 'fro'", TypeError, /^options\.ord: /, () => {
      const a = spd();
      return [() => anyLinalg.vectorNorm(a, { ord: 'fro' }), a];
    }),
    throws(optionValues, 'tensorsolve: a repeated axis', RangeError, /^options\.axes: expected distinct axes/, () => {
      const a = m([[2]]);
      const b = m([1]);
      return [() => linalg.tensorsolve(a, b, { axes: [0, 0] }), a, b];
    }),
    throws(optionValues, 'vectorNorm: a repeated axis', RangeError, /^options\.axis: /, () => {
      const a = spd();
      return [() => linalg.vectorNorm(a, { axis: [0, 0] }), a];
    }),
    throws(optionValues, 'matrixPower: n = 1.5', TypeError, /^n: /, () => {
      const a = spd();
      return [() => linalg.matrixPower(a, 1.5), a];
    }),
    throws(optionValues, 'trace: offset 0.5', TypeError, /^options\.offset: /, () => {
      const a = spd();
      return [() => linalg.trace(a, { offset: 0.5 }), a];
    }),
    throws(optionValues, 'tensorinv: ind 0', RangeError, /^options\.ind: /, () => {
      const a = spd();
      return [() => linalg.tensorinv(a, { ind: 0 }), a];
    }),
    throws(optionValues, 'matmul: options.out a plain array', TypeError, /^options\.out: /, () => {
      const a = spd();
      const out = [[0, 0], [0, 0]];
      return [() => anyMatmul(a, a, { out }), a, out];
    }),
    throws(optionValues, 'add: options.out a Float64Array', TypeError, /^options\.out: /, () => {
      const a = spd();
      const out = new Float64Array(4);
      return [() => anyAdd(a, 1, { out }), a, out];
    }),
  ];
}

/** The elements of a typed array as numbers (none for a detached one, whose length reads 0). */
function elements(data: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < data.length; i++) out.push(data[i]);
  return out;
}

/**
 * A deep copy of an input for the comparison after a call: NDArrays with their whole buffer,
 * typed arrays, and nested plain arrays with their holes kept. Compare two snapshots with
 * `toStrictEqual`.
 *
 * @example
 * ```ts
 * import { snapshotInput } from './bad-input.js';
 * const a = [[1, 2], [3, 4]];
 * const before = snapshotInput(a);
 * // ... call the API with a, then: expect(snapshotInput(a)).toStrictEqual(before)
 * ```
 */
export function snapshotInput(value: unknown): unknown {
  if (value instanceof NDArray) {
    return { shape: [...value.shape], strides: [...value.strides], offset: value.offset, data: elements(value.data) };
  }
  if (value instanceof DataView) return value.byteLength === 0 ? [] : elements(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
  if (ArrayBuffer.isView(value)) return elements(value as unknown as ArrayLike<number>);
  if (Array.isArray(value)) {
    const copy = new Array<unknown>(value.length);
    // for-in visits only the elements present, so holes stay holes.
    for (const i in value) copy[Number(i)] = snapshotInput(value[Number(i)]);
    return copy;
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, snapshotInput(v)]));
  }
  return value;
}

/**
 * Runs one case: builds fresh inputs, calls, checks the error or the result, and checks that every
 * input is unchanged.
 *
 * @example
 * ```ts
 * import { badInputCases, runBadInputCase } from './bad-input.js';
 * for (const c of badInputCases()) runBadInputCase(c);
 * ```
 */
export function runBadInputCase(c: BadInputCase): void {
  const [call, ...inputs] = c.build();
  const before = inputs.map(snapshotInput);
  let result: unknown;
  let thrown: unknown;
  let threw = false;
  try {
    result = call();
  } catch (error) {
    thrown = error;
    threw = true;
  }
  if ('error' in c.expect) {
    expect(threw, `${c.name}: expected ${c.expect.error.name}, returned ${String(result)}`).toBe(true);
    expect(thrown).toBeInstanceOf(c.expect.error);
    expect((thrown as Error).constructor).toBe(c.expect.error);
    expect((thrown as Error).message).toMatch(c.expect.message);
  } else {
    if (threw) throw thrown;
    c.expect.check(result);
  }
  expect(inputs.map(snapshotInput), `${c.name}: inputs changed`).toStrictEqual(before);
}

/**
 * Registers the bad-input battery for one backend with vitest: selects the backend by name in
 * `beforeAll`, then runs every case of {@link badInputCases} as its own test, grouped by category.
 *
 * @example
 * ```ts
 * // packages/core/test/bad-input-js.test.ts
 * import { badInputConformance } from '../src/testing/bad-input.js';
 * badInputConformance('js');
 * ```
 */
export function badInputConformance(name: string): void {
  describe(`bad input on ${name}`, () => {
    beforeAll(async () => {
      await setBackend(name);
    });
    const cases = badInputCases();
    it('has at least 60 cases', () => {
      expect(cases.length).toBeGreaterThanOrEqual(60);
    });
    const categories = [...new Set(cases.map((c) => c.category))];
    for (const category of categories) {
      describe(category, () => {
        for (const c of cases.filter((x) => x.category === category)) {
          it(c.name, () => runBadInputCase(c), 20_000);
        }
      });
    }
  });
}
