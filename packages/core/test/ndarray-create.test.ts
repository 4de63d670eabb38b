import { describe, expect, test } from 'vitest';
import { NDArray, arange, array, empty, eye, full, ones, zeros } from '../src/ndarray/index.js';

describe('array from nested arrays', () => {
  test('shape, row-major data and dtype', () => {
    const a = array([[1, 2, 3], [4, 5, 6]]);
    expect(a.shape).toEqual([2, 3]);
    expect(a.dtype).toBe('float64');
    expect(Array.from(a.data)).toEqual([1, 2, 3, 4, 5, 6]);
    const s = array([[0.1]], { dtype: 'float32' });
    expect(s.data).toBeInstanceOf(Float32Array);
    expect(s.get(0, 0)).toBe(Math.fround(0.1));
    expect(array([]).shape).toEqual([0]);
    expect(array([[], [], []]).shape).toEqual([3, 0]);
    expect(array([[[1]], [[2]]]).shape).toEqual([2, 1, 1]);
  });

  test('NaN and infinities are data', () => {
    const a = array([NaN, Infinity, -Infinity]);
    expect(Number.isNaN(a.get(0))).toBe(true);
    expect(a.get(1)).toBe(Infinity);
  });

  test('order F stores column-major, shape reshapes in row-major index order', () => {
    const f = array([[1, 2], [3, 4]], { order: 'F' });
    expect(Array.from(f.data)).toEqual([1, 3, 2, 4]);
    expect(f.toArray()).toEqual([[1, 2], [3, 4]]);
    expect(array([[1, 2, 3], [4, 5, 6]], { shape: [3, 2] }).toArray()).toEqual([[1, 2], [3, 4], [5, 6]]);
  });

  test('rejects ragged, non-numeric and sparse input with the position', () => {
    const bad: [unknown, RegExp][] = [
      [[[1, 2, 3], [4, 5]], /^values\[1\]: expected an array of length 3/],
      [[[1, 2], [3, 'x']], /^values\[1\]\[1\]: expected a number, got "x"/],
      [[[1, 2], 3], /^values\[1\]: expected an array of length 2/],
      [[[1, 2], [3, [4]]], /^values\[1\]\[1\]: expected a number, got an array/],
      [[1, null], /^values\[1\]: expected a number, got null/],
      [[1, true], /^values\[1\]: expected a number/],
      [[1, { v: 1 }], /^values\[1\]: expected a number, got /],
      [[1, 2n], /^values\[1\]: expected a number/],
      // eslint-disable-next-line no-sparse-arrays
      [[[1, , 3], [4, 5, 6]], /^values\[0\]\[1\]: expected a number, got an empty slot/],
      ['12', /^values: /],
      [{ a: 1 }, /^values: /],
      [undefined, /^values: /],
    ];
    for (const [values, message] of bad) {
      expect(() => array(values as number[])).toThrow(TypeError);
      expect(() => array(values as number[])).toThrow(message);
    }
  });

  test('rows may be typed arrays or NDArrays (stacking)', () => {
    expect(array([arange(3), arange(3).add(1)]).toArray()).toEqual([[0, 1, 2], [1, 2, 3]]);
    expect(array([new Float64Array([1, 2]), new Float32Array([3, 4])]).toArray()).toEqual([[1, 2], [3, 4]]);
    expect(array([array(1), array(2)]).toArray()).toEqual([1, 2]);
    const t = arange(6).reshape(2, 3).T;
    const stacked = array([t, t.slice('::-1')]);
    expect(stacked.shape).toEqual([2, 3, 2]);
    expect(stacked.toArray()).toEqual([t.toArray(), t.slice('::-1').toArray()]);
    expect(() => array([arange(3), arange(2)])).toThrow(/^values\[1\]: expected an array of shape \[3\]/);
    expect(() => array([[1, 2], new Float64Array(3)])).toThrow(/^values\[1\]: expected an array of length 2/);
  });

  test('checks options', () => {
    expect(() => array([1], { dtype: 'int8' as 'float32' })).toThrow(/^options\.dtype: /);
    expect(() => array([1], { order: 'K' as 'C' })).toThrow(/^options\.order: /);
    expect(() => array([1, 2, 3], { shape: [2, 2] })).toThrow(/^options\.shape: .*size 3/);
    expect(() => array(arange(3), { shape: [2, 2] })).toThrow(/^options\.shape: /);
    expect(() => array(1, { shape: [2] })).toThrow(/^options\.shape: /);
    expect(() => array(new Float64Array(3), { shape: [2, 2] })).toThrow(/^options\.shape: /);
    expect(() => array([1], 5 as unknown as object)).toThrow(/^options: /);
  });
});

describe('array from flat and typed arrays', () => {
  test('a typed array of the right dtype with copy: false is wrapped', () => {
    const data = new Float64Array([1, 2, 3, 4, 5, 6]);
    const a = array(data, { shape: [2, 3], copy: false });
    expect(a.data).toBe(data);
    data[4] = 50;
    expect(a.get(1, 1)).toBe(50);
    const c = array(data, { shape: [2, 3] });
    expect(c.data).not.toBe(data);
    const converted = array(data, { copy: false, dtype: 'float32' });
    expect(converted.data).toBeInstanceOf(Float32Array);
  });

  test('Float32Array input keeps float32 unless dtype says otherwise', () => {
    const data = new Float32Array([1, 2]);
    expect(array(data).dtype).toBe('float32');
    expect(array(data, { copy: false }).data).toBe(data);
    expect(array(data, { dtype: 'float64' }).dtype).toBe('float64');
  });

  test('flat data with order F is read column-major (LAPACK layout)', () => {
    const colMajor = new Float64Array([1, 3, 2, 4]);
    const m = array(colMajor, { shape: [2, 2], order: 'F', copy: false });
    expect(m.toArray()).toEqual([[1, 2], [3, 4]]);
    expect(m.data).toBe(colMajor);
  });

  test('array-likes and integer typed arrays convert', () => {
    expect(array(new Int32Array([1, -2])).toArray()).toEqual([1, -2]);
    expect(array({ length: 2, 0: 5, 1: 6 } as ArrayLike<number>).toArray()).toEqual([5, 6]);
    expect(() => array({ length: 2, 0: 5, 1: 'a' } as unknown as ArrayLike<number>)).toThrow(/^values\[1\]: /);
  });

  test('a number is a 0-d array', () => {
    const a = array(3.5);
    expect(a.ndim).toBe(0);
    expect(a.shape).toEqual([]);
    expect(a.item()).toBe(3.5);
    expect(array(2, { shape: [1, 1] }).shape).toEqual([1, 1]);
  });
});

describe('array from an NDArray', () => {
  test('copies by default, returns the same array with copy: false when nothing changes', () => {
    const a = arange(6).reshape(2, 3);
    const c = array(a);
    expect(c.data).not.toBe(a.data);
    expect(c.toArray()).toEqual(a.toArray());
    expect(array(a, { copy: false })).toBe(a);
    const v = a.T;
    expect(array(v, { copy: false })).toBe(v);
    expect(array(v, { copy: false, order: 'F' })).toBe(v);
    const asC = array(v, { copy: false, order: 'C' });
    expect(asC.isContiguous('C')).toBe(true);
    expect(asC.toArray()).toEqual(v.toArray());
    expect(array(a, { copy: false, dtype: 'float32' }).dtype).toBe('float32');
    expect(array(a, { dtype: 'float32', order: 'F' }).isContiguous('F')).toBe(true);
    expect(array(a, { shape: [3, 2] }).toArray()).toEqual([[0, 1], [2, 3], [4, 5]]);
  });
});

describe('zeros, ones, empty, full', () => {
  test('shapes, values, dtype and order', () => {
    expect(zeros([2, 3]).toArray()).toEqual([[0, 0, 0], [0, 0, 0]]);
    expect(ones(3).toArray()).toEqual([1, 1, 1]);
    expect(full([2], -1.5).toArray()).toEqual([-1.5, -1.5]);
    expect(full(2, 0.1, { dtype: 'float32' }).get(0)).toBe(Math.fround(0.1));
    expect(Object.is(full(2, -0).get(1), -0)).toBe(true);
    expect(Number.isNaN(full(2, NaN).get(0))).toBe(true);
    expect(empty([2, 2]).shape).toEqual([2, 2]);
    expect(zeros([2, 3], { order: 'F' }).strides).toEqual([1, 2]);
    expect(ones([], {}).toArray()).toBe(1);
    expect(zeros([3, 0]).size).toBe(0);
    expect(ones(2, { dtype: 'float32' }).data).toBeInstanceOf(Float32Array);
  });

  test('shape errors name the shape', () => {
    expect(() => zeros(-1)).toThrow(RangeError);
    expect(() => zeros(-1)).toThrow(/^shape: expected a non-negative integer or an array/);
    expect(() => zeros([2, 1.5])).toThrow(/^shape\[1\]: /);
    expect(() => zeros([2, '3'] as unknown as number[])).toThrow(TypeError);
    expect(() => zeros('3' as unknown as number)).toThrow(/^shape: /);
    expect(() => full(2, '1' as unknown as number)).toThrow(/^value: /);
    expect(() => zeros(2, { dtype: 'float16' as 'float32' })).toThrow(/^options\.dtype: /);
  });
});

describe('eye', () => {
  test('ones exactly where j = i + k', () => {
    for (const [n, m, k] of [[3, 3, 0], [3, 5, 1], [4, 2, -1], [3, 3, 3], [3, 4, -5], [0, 2, 0]] as const) {
      const e = eye(n, m, { k });
      expect(e.shape).toEqual([n, m]);
      for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) expect(e.get(i, j)).toBe(j === i + k ? 1 : 0);
    }
    expect(eye(2).toArray()).toEqual([[1, 0], [0, 1]]);
    const f = eye(3, 4, { k: 1, order: 'F', dtype: 'float32' });
    expect(f.isContiguous('F')).toBe(true);
    expect(f.dtype).toBe('float32');
    expect(f.toArray()).toEqual(eye(3, 4, { k: 1 }).toArray());
  });

  test('argument errors', () => {
    expect(() => eye(-1)).toThrow(/^n: /);
    expect(() => eye(2, 1.5)).toThrow(/^m: /);
    expect(() => eye(2, 2, { k: 0.5 })).toThrow(/^options\.k: /);
  });
});

describe('arange', () => {
  test('numpy lengths and values', () => {
    expect(arange(4).toArray()).toEqual([0, 1, 2, 3]);
    expect(arange(0).size).toBe(0);
    expect(arange(-3).size).toBe(0);
    expect(arange(2, 5).toArray()).toEqual([2, 3, 4]);
    expect(arange(1, 2, 0.25).toArray()).toEqual([1, 1.25, 1.5, 1.75]);
    expect(arange(5, 0, -2).toArray()).toEqual([5, 3, 1]);
    expect(arange(0, 1, 0.1).size).toBe(10);
    expect(arange(0, 10, 3).toArray()).toEqual([0, 3, 6, 9]);
    expect(arange(2.5).toArray()).toEqual([0, 1, 2]);
    const a = arange(3, { dtype: 'float32' });
    expect(a.dtype).toBe('float32');
    expect(arange(1, 3, { dtype: 'float32' }).toArray()).toEqual([1, 2]);
    expect(arange(0, 1, 0.5, { dtype: 'float32' }).toArray()).toEqual([0, 0.5]);
    const values = arange(-1, 1, 0.3).toArray() as number[];
    values.forEach((v, i) => expect(v).toBe(-1 + i * 0.3));
  });

  test('argument errors', () => {
    expect(() => arange(0, 1, 0)).toThrow(/^step: /);
    expect(() => arange(Infinity)).toThrow(/^stop: /);
    expect(() => arange(NaN, 2)).toThrow(/^start: /);
    expect(() => arange('3' as unknown as number)).toThrow(TypeError);
  });

  test('results are NDArrays', () => {
    expect(arange(2)).toBeInstanceOf(NDArray);
  });
});
