import { describe, expect, test } from 'vitest';
import {
  Generator,
  NDArray,
  abs,
  add,
  arange,
  array,
  divide,
  multiply,
  negative,
  sqrt,
  square,
  subtract,
  zeros,
  type DType,
  type Operand,
} from '../src/ndarray/index.js';

type Binary = (a: Operand, b: Operand, options?: { out?: NDArray }) => NDArray;
type Unary = (a: Operand, options?: { out?: NDArray }) => NDArray;

const BINARY: [string, Binary, (x: number, y: number) => number][] = [
  ['add', add, (x, y) => x + y],
  ['subtract', subtract, (x, y) => x - y],
  ['multiply', multiply, (x, y) => x * y],
  ['divide', divide, (x, y) => x / y],
];
const UNARY: [string, Unary, (x: number) => number][] = [
  ['sqrt', sqrt, Math.sqrt],
  ['square', square, (x) => x * x],
  ['negative', negative, (x) => -x],
  ['abs', abs, Math.abs],
];

function* indices(shape: readonly number[]): IterableIterator<number[]> {
  const n = shape.reduce((p, d) => p * d, 1);
  for (let flat = 0; flat < n; flat++) {
    const idx = new Array<number>(shape.length);
    let rest = flat;
    for (let k = shape.length - 1; k >= 0; k--) {
      idx[k] = rest % shape[k]!;
      rest = Math.floor(rest / shape[k]!);
    }
    yield idx;
  }
}

/** The value an operand contributes at a result index under numpy broadcasting, read with get(). */
function valueAt(v: Operand, idx: readonly number[]): number {
  if (typeof v === 'number') return v;
  const lead = idx.length - v.ndim;
  return v.get(...v.shape.map((n, k) => (n === 1 ? 0 : idx[lead + k]!)));
}

function isF32(v: Operand): boolean {
  return typeof v !== 'number' && v.dtype === 'float32';
}

/** The naive result: element by element over get(), rounded as numpy would. */
function naiveBinary(f: (x: number, y: number) => number, a: Operand, b: Operand, shape: readonly number[], outDType: DType): number[] {
  const arrays = [a, b].filter((v) => typeof v !== 'number');
  const single = arrays.length > 0 && arrays.every(isF32);
  const r = (x: number): number => (single ? Math.fround(x) : x);
  const store = (x: number): number => (outDType === 'float32' ? Math.fround(x) : x);
  const out: number[] = [];
  for (const idx of indices(shape)) out.push(store(r(f(r(valueAt(a, idx)), r(valueAt(b, idx))))));
  return out;
}

function flatten(a: NDArray): number[] {
  return [...indices(a.shape)].map((idx) => a.get(...idx));
}

/** An array of the shape with random values in one of several memory layouts. */
function makeArray(shape: number[], layout: string, dtype: DType, rng: Generator): NDArray {
  const fill = (s: number[]): NDArray => rng.uniform(0.5, 4, s, { dtype });
  switch (layout) {
    case 'C':
      return fill(shape);
    case 'F':
      return fill(shape).copy('F');
    case 'T':
      return fill([...shape].reverse()).T;
    case 'step': {
      // Reversed first axis and every other element of the last axis of a larger array.
      const big = [...shape];
      if (big.length > 0) big[big.length - 1] = big[big.length - 1]! * 2;
      const base = fill(big);
      if (shape.length === 0) return base;
      const specs = shape.map((_, k) => (k === shape.length - 1 ? '::2' : k === 0 ? '::-1' : null));
      return base.slice(...specs);
    }
    case 'offset': {
      const base = fill([shape.reduce((p, n) => p * n, 1) + 3]);
      return base.slice('3:').reshape(shape);
    }
    default:
      throw new Error(layout);
  }
}

const LAYOUTS = ['C', 'F', 'T', 'step', 'offset'];

describe('binary operations against a naive loop over get()', () => {
  const rng = new Generator(1234);
  const shapePairs: [number[], number[]][] = [
    [[7], [7]],
    [[3, 4], [3, 4]],
    [[2, 3, 4], [2, 3, 4]],
    [[3, 1], [1, 4]],
    [[2, 3, 4], [4]],
    [[2, 3, 4], [3, 1]],
    [[4], [2, 3, 4]],
    [[1], [5]],
    [[], [3, 2]],
    [[2, 1, 3], [2, 4, 1]],
    [[3, 300], [300]], // rows long enough for the re-based flat loops
    [[300, 2], [300, 1]],
  ];

  for (const [name, fn, f] of BINARY) {
    test(`${name}: every layout pair, broadcasting, both dtypes`, () => {
      for (const [sa, sb] of shapePairs) {
        for (const la of LAYOUTS) {
          for (const lb of ['C', 'T', 'step']) {
            for (const [da, db] of [['float64', 'float64'], ['float32', 'float32'], ['float32', 'float64']] as [DType, DType][]) {
              const a = makeArray(sa, la, da, rng);
              const b = makeArray(sb, lb, db, rng);
              const r = fn(a, b);
              const shape = r.shape;
              const expectedDType = da === 'float32' && db === 'float32' ? 'float32' : 'float64';
              expect(r.dtype).toBe(expectedDType);
              expect(flatten(r), `${sa}/${la}/${da} ${sb}/${lb}/${db}`).toEqual(naiveBinary(f, a, b, shape, expectedDType));
            }
          }
        }
      }
    });

    test(`${name}: number operands on either side`, () => {
      for (const layout of LAYOUTS) {
        for (const dtype of ['float64', 'float32'] as DType[]) {
          const a = makeArray([3, 5], layout, dtype, rng);
          const s = 0.1;
          const right = fn(a, s);
          const left = fn(s, a);
          // A number does not promote: a float32 array stays float32, and the number enters as float32.
          expect(right.dtype).toBe(dtype);
          expect(flatten(right)).toEqual(naiveBinary(f, a, s, [3, 5], dtype));
          expect(flatten(left)).toEqual(naiveBinary(f, s, a, [3, 5], dtype));
        }
      }
      const both = fn(3, 2);
      expect(both.ndim).toBe(0);
      expect(both.item()).toBe(f(3, 2));
    });
  }
});

describe('unary operations against a naive loop over get()', () => {
  const rng = new Generator(99);
  for (const [name, fn, f] of UNARY) {
    test(`${name}: layouts and dtypes`, () => {
      for (const shape of [[6], [3, 4], [2, 3, 2], [], [2, 300]]) {
        for (const layout of LAYOUTS) {
          for (const dtype of ['float64', 'float32'] as DType[]) {
            const a = makeArray(shape, layout, dtype, rng).subtract(2);
            const r = fn(a);
            expect(r.dtype).toBe(dtype);
            const round = dtype === 'float32' ? Math.fround : (x: number) => x;
            expect(flatten(r)).toEqual(flatten(a).map((x) => round(f(x))));
          }
        }
      }
      expect(fn(4).item()).toBe(f(4));
    });
  }

  test('IEEE special values', () => {
    const a = array([-1, -0, 0, Infinity, -Infinity, NaN]);
    expect(Object.is(sqrt(a).get(1), -0)).toBe(true);
    expect(Number.isNaN(sqrt(a).get(0))).toBe(true);
    expect(sqrt(a).get(3)).toBe(Infinity);
    expect(Object.is(negative(a).get(2), -0)).toBe(true);
    expect(abs(a).toArray()).toEqual([1, 0, 0, Infinity, Infinity, NaN]);
    expect(divide(array([1, -1, 0]), 0).toArray()).toEqual([Infinity, -Infinity, NaN]);
  });
});

describe('out', () => {
  test('receives the result in any layout and is returned', () => {
    const rng = new Generator(5);
    for (const layout of LAYOUTS) {
      const a = makeArray([3, 4], 'C', 'float64', rng);
      const b = makeArray([4], 'C', 'float64', rng);
      const out = makeArray([3, 4], layout, 'float64', rng);
      expect(multiply(a, b, { out })).toBe(out);
      expect(flatten(out)).toEqual(naiveBinary((x, y) => x * y, a, b, [3, 4], 'float64'));
      expect(sqrt(a, { out })).toBe(out);
      expect(flatten(out)).toEqual(flatten(a).map(Math.sqrt));
    }
  });

  test('a float64 result into a float32 out is rounded; a float32 result is float32 even in a float64 out', () => {
    const a = array([0.1, 0.2]);
    const out32 = zeros(2, { dtype: 'float32' });
    add(a, array([0.7, 1e-9]), { out: out32 });
    expect(out32.toArray()).toEqual([Math.fround(0.1 + 0.7), Math.fround(0.2 + 1e-9)]);
    const f32 = array([0.1, 0.2], { dtype: 'float32' });
    const out64 = zeros(2);
    add(f32, f32, { out: out64 });
    expect(out64.toArray()).toEqual([Math.fround(Math.fround(0.1) * 2), Math.fround(Math.fround(0.2) * 2)]);
    // numpy computes float32 inputs in float32, then casts into the float64 out.
    const thirds = zeros([2, 2]);
    divide(array([[1, 2], [4, 5]], { dtype: 'float32' }), array([3, 7], { dtype: 'float32' }), { out: thirds.T });
    expect(thirds.toArray()).toEqual([[Math.fround(1 / 3), Math.fround(4 / 3)], [Math.fround(2 / 7), Math.fround(5 / 7)]]);
    expect(sqrt(array([2], { dtype: 'float32' }), { out: zeros(1) }).item()).toBe(Math.fround(Math.SQRT2));
    expect(add(array([1], { dtype: 'float32' }), 0.1, { out: zeros(1) }).item()).toBe(Math.fround(1 + Math.fround(0.1)));
  });

  test('out may be an input: in-place updates', () => {
    const a = arange(6).reshape(2, 3);
    add(a, 1, { out: a });
    expect(a.toArray()).toEqual([[1, 2, 3], [4, 5, 6]]);
    multiply(a, a, { out: a });
    expect(a.toArray()).toEqual([[1, 4, 9], [16, 25, 36]]);
    sqrt(a, { out: a });
    expect(a.toArray()).toEqual([[1, 2, 3], [4, 5, 6]]);
    const t = a.T;
    subtract(t, t, { out: t });
    expect(a.toArray()).toEqual([[0, 0, 0], [0, 0, 0]]);
  });

  test('overlapping but shifted input and out give the result of the original values', () => {
    const base = arange(8);
    add(base.slice('1:'), 10, { out: base.slice(':7') }); // out[i] = in[i + 1] + 10
    expect(base.toArray()).toEqual([11, 12, 13, 14, 15, 16, 17, 7]);
    const back = arange(8);
    add(back.slice(':7'), 10, { out: back.slice('1:') }); // would smear forward without a copy
    expect(back.toArray()).toEqual([0, 10, 11, 12, 13, 14, 15, 16]);
    // Long enough for the flat loops to re-base their operands at the offsets.
    const long = arange(1001);
    add(long.slice('1:'), 1, { out: long.slice(':1000') });
    expect(long.toArray()).toEqual([...Array.from({ length: 1000 }, (_, i) => i + 2), 1000]);
    const longer = arange(1001);
    multiply(longer.slice(':1000'), longer.slice(':1000'), { out: longer.slice('1:') });
    expect(longer.toArray()).toEqual([0, ...Array.from({ length: 1000 }, (_, i) => i * i)]);
    const rev = arange(6);
    negative(rev.slice('::-1'), { out: rev });
    expect(rev.toArray()).toEqual([-5, -4, -3, -2, -1, -0]);
    // A row broadcast over the matrix it belongs to.
    const m = arange(6).reshape(2, 3);
    add(m, m.slice(0), { out: m });
    expect(m.toArray()).toEqual([[0, 2, 4], [3, 5, 7]]);
    // A transpose written onto itself.
    const s = arange(9).reshape(3, 3);
    add(s.T, 0, { out: s });
    expect(s.toArray()).toEqual([[0, 3, 6], [1, 4, 7], [2, 5, 8]]);
    // Float32 and float64 views of one buffer overlap too.
    const buffer = new ArrayBuffer(32);
    const f64 = new NDArray(new Float64Array(buffer), [4]).fill(1);
    const f32 = new NDArray(new Float32Array(buffer), [8]);
    const expected = Array.from(new Float32Array(new Float64Array([1, 1, 1, 1]).buffer), (x) => Math.fround(x * 2));
    multiply(f32, 2, { out: f32 });
    expect(Array.from(f32.data)).toEqual(expected);
    expect(f64.size).toBe(4);
  });

  test('out may have a larger shape that the operands broadcast to (as numpy allows)', () => {
    expect(add(1, 2, { out: zeros(3) }).toArray()).toEqual([3, 3, 3]);
    expect(sqrt(array([4]), { out: zeros([2, 2]) }).toArray()).toEqual([[2, 2], [2, 2]]);
  });

  test('errors name options.out', () => {
    expect(() => add(zeros(3), 1, { out: zeros(4) })).toThrow(RangeError);
    expect(() => add(zeros(3), 1, { out: zeros(4) })).toThrow(/^options\.out: .*result shape \[3\]/);
    expect(() => add(zeros([2, 3]), 1, { out: zeros(3) })).toThrow(/^options\.out: /);
    expect(() => add(zeros(3), 1, { out: [0, 0, 0] as unknown as NDArray })).toThrow(TypeError);
    expect(() => add(zeros(3), 1, { out: [0, 0, 0] as unknown as NDArray })).toThrow(/^options\.out: /);
    const broadcastView = new NDArray(new Float64Array(3), [2, 3], [0, 1]);
    expect(() => add(zeros([2, 3]), 1, { out: broadcastView })).toThrow(/^options\.out: .*broadcast/);
    expect(() => add(zeros(3), 1, 5 as unknown as { out?: NDArray })).toThrow(/^options: /);
  });
});

describe('operands', () => {
  test('errors name the argument', () => {
    expect(() => add([1, 2] as unknown as NDArray, 1)).toThrow(TypeError);
    expect(() => add([1, 2] as unknown as NDArray, 1)).toThrow(/^a: expected an NDArray or a number/);
    expect(() => add(1, '2' as unknown as number)).toThrow(/^b: /);
    expect(() => sqrt(null as unknown as number)).toThrow(/^a: /);
    expect(() => add(zeros([2, 3]), zeros([2]))).toThrow(RangeError);
    expect(() => add(zeros([2, 3]), zeros([2]))).toThrow(/^b: .*broadcasts with the shape \[2, 3\]/);
  });

  test('empty arrays give empty results', () => {
    expect(add(zeros([0, 3]), 1).shape).toEqual([0, 3]);
    expect(multiply(zeros([0, 3]), zeros(3)).shape).toEqual([0, 3]);
    expect(sqrt(zeros(0)).size).toBe(0);
  });

  test('the convenience methods forward', () => {
    const a = array([1, 4, 9]);
    expect(a.add(1).toArray()).toEqual([2, 5, 10]);
    expect(a.subtract(a).toArray()).toEqual([0, 0, 0]);
    expect(a.multiply(2).toArray()).toEqual([2, 8, 18]);
    expect(a.divide(array([1, 2, 3])).toArray()).toEqual([1, 2, 3]);
    expect(a.sqrt().toArray()).toEqual([1, 2, 3]);
    expect(a.square().toArray()).toEqual([1, 16, 81]);
    expect(a.negative().abs().toArray()).toEqual([1, 4, 9]);
    const out = zeros(3);
    expect(a.add(1, { out })).toBe(out);
  });

  test('a column-major input gives a column-major result', () => {
    const f = arange(6).reshape(2, 3).copy('F');
    expect(add(f, f).isContiguous('F')).toBe(true);
    expect(sqrt(f).isContiguous('F')).toBe(true);
    expect(add(f, arange(6).reshape(2, 3)).isContiguous('C')).toBe(true);
  });
});

describe('the elementwise benchmark expression y / sqrt(x*x + y*y)', () => {
  test('plain, with out, and blocked agree with the naive result', () => {
    const rng = new Generator(3);
    const n = 10_000;
    const x = rng.standardNormal(n);
    const y = rng.standardNormal(n);
    const expected = flatten(x).map((xi, i) => {
      const yi = y.get(i);
      return yi / Math.sqrt(xi * xi + yi * yi);
    });
    const plain = divide(y, sqrt(add(multiply(x, x), multiply(y, y))));
    expect(flatten(plain)).toEqual(expected);

    const t1 = zeros(n);
    const t2 = zeros(n);
    multiply(x, x, { out: t1 });
    multiply(y, y, { out: t2 });
    add(t1, t2, { out: t1 });
    sqrt(t1, { out: t1 });
    divide(y, t1, { out: t1 });
    expect(flatten(t1)).toEqual(expected);

    const block = 1024;
    const result = zeros(n);
    const w1 = zeros(block);
    const w2 = zeros(block);
    for (let start = 0; start < n; start += block) {
      const m = Math.min(block, n - start);
      const xs = x.slice(`${start}:${start + m}`);
      const ys = y.slice(`${start}:${start + m}`);
      const a = w1.slice(`:${m}`);
      const b = w2.slice(`:${m}`);
      multiply(xs, xs, { out: a });
      multiply(ys, ys, { out: b });
      add(a, b, { out: a });
      sqrt(a, { out: a });
      divide(ys, a, { out: result.slice(`${start}:${start + m}`) });
    }
    expect(flatten(result)).toEqual(expected);
  });
});
