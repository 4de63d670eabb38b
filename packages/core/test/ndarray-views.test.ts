import { describe, expect, test } from 'vitest';
import { NDArray, arange, array, zeros, type NestedArray } from '../src/ndarray/index.js';

/** Every index of a shape, in row-major order. */
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

/** Python's list slicing, as the reference for NDArray.slice on one axis. */
function pySlice<T>(items: readonly T[], start?: number, stop?: number, step = 1): T[] {
  const n = items.length;
  const out: T[] = [];
  if (step > 0) {
    let i = start === undefined ? 0 : start < 0 ? Math.max(start + n, 0) : Math.min(start, n);
    const end = stop === undefined ? n : stop < 0 ? Math.max(stop + n, 0) : Math.min(stop, n);
    for (; i < end; i += step) out.push(items[i]!);
  } else {
    let i = start === undefined ? n - 1 : start < 0 ? Math.max(start + n, -1) : Math.min(start, n - 1);
    const end = stop === undefined ? -1 : stop < 0 ? Math.max(stop + n, -1) : Math.min(stop, n - 1);
    for (; i > end; i += step) out.push(items[i]!);
  }
  return out;
}

function detach(buffer: ArrayBuffer): void {
  (globalThis as unknown as { structuredClone(v: unknown, o: unknown): unknown }).structuredClone(buffer, {
    transfer: [buffer],
  });
}

describe('constructor', () => {
  test('wraps data without copying, default strides are row-major', () => {
    const data = new Float64Array([1, 2, 3, 4, 5, 6]);
    const a = new NDArray(data, [2, 3]);
    expect(a.data).toBe(data);
    expect(a.strides).toEqual([3, 1]);
    expect(a.offset).toBe(0);
    expect(a.ndim).toBe(2);
    expect(a.size).toBe(6);
    expect(a.dtype).toBe('float64');
    expect(new NDArray(new Float32Array(2), [2]).dtype).toBe('float32');
    expect(Object.isFrozen(a.shape)).toBe(true);
    expect(Object.isFrozen(a.strides)).toBe(true);
  });

  test('negative and zero strides reach the expected elements', () => {
    const data = new Float64Array([0, 1, 2, 3, 4, 5]);
    expect(new NDArray(data, [3], [-2], 5).toArray()).toEqual([5, 3, 1]);
    expect(new NDArray(data, [2, 3], [0, 1], 1).toArray()).toEqual([[1, 2, 3], [1, 2, 3]]);
    expect(new NDArray(data, [3, 2], [1, 3]).toArray()).toEqual([[0, 3], [1, 4], [2, 5]]);
    expect(new NDArray(data, [2, 2], [-3, -1], 5).toArray()).toEqual([[5, 4], [2, 1]]);
  });

  test('rejects views that reach outside data, naming the argument', () => {
    const data = new Float64Array(6);
    expect(() => new NDArray(data, [2, 4])).toThrow(RangeError);
    expect(() => new NDArray(data, [2, 4])).toThrow(/^shape: .*length 6/);
    expect(() => new NDArray(data, [3], [3])).toThrow(/^strides: .*indices 0 to 6/);
    expect(() => new NDArray(data, [3], [-1], 1)).toThrow(/^strides: /);
    expect(() => new NDArray(data, [2], [1], 6)).toThrow(/^offset: /);
    expect(() => new NDArray(data, [2], [1], 5)).toThrow(/^strides: /);
    expect(() => new NDArray(data, [2], [1], -1)).toThrow(/^offset: /);
    expect(() => new NDArray(data, [2], [1], 0.5)).toThrow(/^offset: /);
    expect(() => new NDArray(data, [2], [1, 1])).toThrow(/^strides: /);
    expect(() => new NDArray(data, [2], [0.5])).toThrow(/^strides\[0\]: /);
    expect(() => new NDArray(data, [-1])).toThrow(/^shape\[0\]: /);
    expect(() => new NDArray(data, [1.5])).toThrow(RangeError);
    expect(() => new NDArray([1, 2] as unknown as Float64Array, [2])).toThrow(TypeError);
    expect(() => new NDArray([1, 2] as unknown as Float64Array, [2])).toThrow(/^data: /);
    // Every in-range layout is accepted, including the last element exactly.
    expect(new NDArray(data, [2, 3], [1, 2], 0).get(1, 2)).toBe(0);
    expect(new NDArray(data, [3], [-2], 4).size).toBe(3);
  });

  test('empty views reach nothing and may sit at the end of data', () => {
    const data = new Float64Array(4);
    expect(new NDArray(data, [0, 5], [100, 100], 4).size).toBe(0);
    expect(() => new NDArray(data, [0], [1], 5)).toThrow(/^offset: /);
  });

  test('a detached buffer is a clear TypeError, at construction and later', () => {
    const data = new Float64Array(4);
    const a = new NDArray(data, [2, 2]);
    detach(data.buffer as ArrayBuffer);
    expect(() => new NDArray(data, [2, 2])).toThrow(TypeError);
    expect(() => new NDArray(data, [2, 2])).toThrow(/^data: .*detached/);
    expect(() => a.get(0, 0)).toThrow(/detached/);
    expect(() => a.set([0, 0], 1)).toThrow(/detached/);
    expect(() => a.toArray()).toThrow(/detached/);
    expect(() => a.copy()).toThrow(/detached/);
    expect(() => a.add(1)).toThrow(/^a: .*detached/);
    // A resizable buffer could shrink under a checked view, so it is refused.
    const resizable = new (ArrayBuffer as unknown as new (n: number, o: object) => ArrayBuffer)(32, { maxByteLength: 64 });
    expect(() => new NDArray(new Float64Array(resizable), [4])).toThrow(/^data: .*resizable/);
    expect(() => array(new Float64Array(resizable), { copy: false })).toThrow(/^data: .*resizable/);
    expect(array(new Float64Array(resizable)).size).toBe(4); // a copy is fine
    expect(arange(3).T.shape).toEqual([3]); // an internal construction in between does not lift the check
    expect(() => new NDArray(new Float64Array(resizable), [4])).toThrow(TypeError);
    // A genuinely empty buffer is not detached: the view is simply out of range.
    expect(() => new NDArray(new Float64Array(0), [1])).toThrow(RangeError);
    expect(new NDArray(new Float64Array(0), [0]).size).toBe(0);
  });
});

describe('get and set', () => {
  test('match the stride formula, with negative indices from the end', () => {
    const data = Float64Array.from({ length: 24 }, (_, i) => i * 1.5);
    const shape = [2, 3, 4];
    const strides = [1, 2, 6];
    const a = new NDArray(data, shape, strides, 0);
    for (const idx of indices(shape)) {
      const p = idx[0]! * 1 + idx[1]! * 2 + idx[2]! * 6;
      expect(a.get(...idx)).toBe(data[p]);
      expect(a.get(idx[0]! - 2, idx[1]! - 3, idx[2]! - 4)).toBe(data[p]);
    }
  });

  test('set writes through to the data and returns the array', () => {
    const a = zeros([2, 3]);
    expect(a.set([1, -1], 7)).toBe(a);
    expect(a.data[5]).toBe(7);
    const b = zeros(2, { dtype: 'float32' });
    b.set([0], 0.1);
    expect(b.get(0)).toBe(Math.fround(0.1));
  });

  test('errors name the index argument', () => {
    const a = zeros([2, 3]);
    expect(() => a.get(0)).toThrow(/^index: .*one index per axis/);
    expect(() => a.get(2, 0)).toThrow(RangeError);
    expect(() => a.get(2, 0)).toThrow(/^index\[0\]: .*\[-2, 2\)/);
    expect(() => a.get(0, -4)).toThrow(/^index\[1\]: /);
    expect(() => a.get(0, 0.5)).toThrow(TypeError);
    expect(() => a.set([0, 0], '1' as unknown as number)).toThrow(/^value: /);
    expect(() => a.set(0 as unknown as number[], 1)).toThrow(/^index: /);
    expect(array(3).get()).toBe(3);
  });
});

describe('views share memory', () => {
  test('slice, transpose and reshape views write through', () => {
    const a = arange(12).reshape(3, 4);
    const row = a.slice(1);
    const col = a.slice(null, 2);
    const t = a.T;
    const r = a.reshape(2, 6);
    expect(row.data).toBe(a.data);
    expect(col.data).toBe(a.data);
    expect(t.data).toBe(a.data);
    expect(r.data).toBe(a.data);
    row.set([2], 100);
    expect(a.get(1, 2)).toBe(100);
    expect(col.get(1)).toBe(100);
    expect(t.get(2, 1)).toBe(100);
    expect(r.get(1, 0)).toBe(100);
    t.set([0, 2], -5);
    expect(a.get(2, 0)).toBe(-5);
  });

  test('copy and astype do not share memory', () => {
    const a = arange(6).reshape(2, 3);
    const c = a.copy();
    const d = a.astype('float64');
    c.set([0, 0], 9);
    d.set([0, 0], 9);
    expect(a.get(0, 0)).toBe(0);
    expect(c.data).not.toBe(a.data);
    expect(d.data).not.toBe(a.data);
  });
});

describe('slice', () => {
  const base = Array.from({ length: 7 }, (_, i) => i);
  const a = arange(7);
  const cases: [number | undefined, number | undefined, number | undefined][] = [];
  for (const start of [undefined, -9, -7, -3, -1, 0, 1, 3, 6, 7, 9]) {
    for (const stop of [undefined, -9, -7, -2, 0, 2, 5, 7, 10]) {
      for (const step of [undefined, 1, 2, 3, -1, -2, -3, 8, -8]) cases.push([start, stop, step]);
    }
  }

  test('matches Python slicing for every combination of bounds and steps', () => {
    for (const [start, stop, step] of cases) {
      const expected = pySlice(base, start, stop, step);
      const fromObject = a.slice({ start, stop, step });
      expect(fromObject.toArray(), `${start}:${stop}:${step}`).toEqual(expected);
      const text = `${start ?? ''}:${stop ?? ''}${step === undefined ? '' : `:${step}`}`;
      expect(a.slice(text).toArray(), text).toEqual(expected);
      expect(fromObject.data).toBe(a.data);
    }
  });

  test("agrees with Python's own list slicing on spot checks", () => {
    // Outputs of list(range(7))[spec] in CPython.
    const python: [string, number[]][] = [
      ['::-2', [6, 4, 2, 0]],
      ['-9:-2', [0, 1, 2, 3, 4]],
      ['5:1:-2', [5, 3]],
      ['9:-9:-3', [6, 3, 0]],
      ['1:6:8', [1]],
      ['-3::-8', [4]],
      ['::3', [0, 3, 6]],
      ['-1:-8:-1', [6, 5, 4, 3, 2, 1, 0]],
      ['3:3', []],
      ['6:0:-1', [6, 5, 4, 3, 2, 1]],
      ['-2:', [5, 6]],
      ['0:-1:2', [0, 2, 4]],
    ];
    for (const [spec, expected] of python) expect(a.slice(spec).toArray(), spec).toEqual(expected);
  });

  test('numbers drop axes; missing trailing specs and null or ":" keep whole axes', () => {
    const m = arange(24).reshape(2, 3, 4);
    expect(m.slice(1).shape).toEqual([3, 4]);
    expect(m.slice(1, 2).toArray()).toEqual([20, 21, 22, 23]);
    expect(m.slice(-1, -1, -1).ndim).toBe(0);
    expect(m.slice(-1, -1, -1).item()).toBe(23);
    expect(m.slice(null, ':', 0).toArray()).toEqual([[0, 4, 8], [12, 16, 20]]);
    expect(m.slice('...', 3).toArray()).toEqual([[3, 7, 11], [15, 19, 23]]);
    expect(m.slice(0, '...').shape).toEqual([3, 4]);
    expect(m.slice(0, '...', 1).toArray()).toEqual([1, 5, 9]);
    expect(m.slice('1').shape).toEqual([3, 4]);
    expect(m.slice().shape).toEqual([2, 3, 4]);
  });

  test('steps and negative steps on several axes at once', () => {
    const m = arange(20).reshape(4, 5);
    const v = m.slice('::-2', '1::2');
    const expected: number[][] = [];
    for (const i of [3, 1]) expected.push([1, 3].map((j) => i * 5 + j));
    expect(v.toArray()).toEqual(expected);
    expect(v.strides).toEqual([-10, 2]);
    // A slice of a slice composes.
    expect(v.slice('::-1', -1).toArray()).toEqual([8, 18]);
  });

  test('empty slices have zero length and keep a valid offset', () => {
    const m = arange(12).reshape(3, 4);
    const e = m.slice('3:', '1:3');
    expect(e.shape).toEqual([0, 2]);
    expect(e.size).toBe(0);
    expect(e.toArray()).toEqual([]);
    expect(m.slice(':', '4:').toArray()).toEqual([[], [], []]);
    expect(m.slice('2:1').shape).toEqual([0, 4]);
    expect(arange(5).slice('::-1').slice('5:').size).toBe(0);
    expect(arange(0).slice('::-1').size).toBe(0);
  });

  test('slice strings: spaces, signs, empty parts', () => {
    const a = arange(6);
    expect(a.slice(' 1 : 4 ').toArray()).toEqual([1, 2, 3]);
    expect(a.slice('+1:-1:+2').toArray()).toEqual([1, 3]);
    expect(a.slice('::').toArray()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(a.slice(':').toArray()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(a.slice('-0').ndim).toBe(0);
    expect(a.slice(' -2 ').item()).toBe(4);
    for (const bad of ['1:2:3:4', '1:-', '', ' ', 'x', '1.5:', ':2e1', '--1:']) {
      expect(() => a.slice(bad), bad).toThrow(TypeError);
      expect(() => a.slice(bad), bad).toThrow(/^specs\[0\]: /);
    }
  });

  test('errors name the spec', () => {
    const m = arange(6).reshape(2, 3);
    expect(() => m.slice(2)).toThrow(RangeError);
    expect(() => m.slice(2)).toThrow(/^specs\[0\]: /);
    expect(() => m.slice(0, -4)).toThrow(/^specs\[1\]: /);
    expect(() => m.slice('::0')).toThrow(/^specs\[0\]: .*non-zero step/);
    expect(() => m.slice({ step: 0 })).toThrow(/^specs\[0\]\.step: /);
    expect(() => m.slice('a:b')).toThrow(TypeError);
    expect(() => m.slice(0.5)).toThrow(/^specs\[0\]: /);
    expect(() => m.slice(0, 0, 0)).toThrow(/^specs: /);
    expect(() => m.slice('...', '...')).toThrow(/^specs: /);
    expect(() => m.slice([1] as unknown as number)).toThrow(/^specs\[0\]: /);
  });
});

describe('transpose', () => {
  test('T reverses axes; a permutation moves shape and strides together', () => {
    const a = arange(24).reshape(2, 3, 4);
    const t = a.T;
    expect(t.shape).toEqual([4, 3, 2]);
    const p = a.transpose(1, -1, 0);
    expect(p.shape).toEqual([3, 4, 2]);
    expect(a.transpose([2, 0, 1]).shape).toEqual([4, 2, 3]);
    for (const [i, j, k] of indices([2, 3, 4]) as Iterable<[number, number, number]>) {
      expect(t.get(k, j, i)).toBe(a.get(i, j, k));
      expect(p.get(j, k, i)).toBe(a.get(i, j, k));
    }
    expect(arange(3).T.toArray()).toEqual([0, 1, 2]);
  });

  test('rejects what is not a permutation', () => {
    const a = zeros([2, 3]);
    expect(() => a.transpose(0)).toThrow(/^axes: /);
    expect(() => a.transpose(0, 0)).toThrow(/^axes: /);
    expect(() => a.transpose(0, 2)).toThrow(RangeError);
    expect(() => a.transpose(0, 0.5)).toThrow(/^axes\[1\]: /);
  });
});

describe('reshape', () => {
  function sameElementsRowMajor(a: NDArray, b: NDArray): void {
    const xs: number[] = [];
    const ys: number[] = [];
    for (const idx of indices(a.shape)) xs.push(a.get(...idx));
    for (const idx of indices(b.shape)) ys.push(b.get(...idx));
    expect(ys).toEqual(xs);
  }

  test('contiguous arrays reshape to views, with one -1 inferred', () => {
    const a = arange(24);
    for (const shape of [[2, 3, 4], [4, -1], [24], [1, 24, 1], [2, 1, 3, 1, 4], [-1, 2, 3]]) {
      const r = a.reshape(shape);
      expect(r.data).toBe(a.data);
      sameElementsRowMajor(a, r);
    }
    expect(a.reshape(4, -1).shape).toEqual([4, 6]);
    expect(array(5).reshape(1, 1).toArray()).toEqual([[5]]);
    expect(arange(1).reshape([]).ndim).toBe(0);
  });

  test('non-contiguous arrays give views where numpy does', () => {
    const m = arange(60).reshape(3, 4, 5);
    const cases: [NDArray, number[]][] = [
      [arange(20).slice('::2'), [2, 5]],                // evenly stepped 1-D
      [m.slice(null, '1:3'), [3, 2, 5]],                // trivial
      [m.slice(null, '1:3'), [3, 10]],                  // merge axes 1 and 2 (contiguous rows)
      [m.slice('::2'), [2, 20]],                        // merge inner axes of a stepped view
      [m.slice('::-1'), [3, 2, 10]],                    // negative outer stride, split the inner run
      [m.transpose(1, 0, 2), [4, 3, 5]],                // no change of shape
      [m.T, [5, 2, 2, 3]],                              // split the (column-major) axes
      [m.slice(null, null, '::2'), [3, 2, 2, 3]],       // split a strided axis
      [arange(12).reshape(3, 4).slice(null, '::2'), [6]], // rows and steps line up evenly
      [m.slice(0).T, [5, 4, 1]],                        // trailing length-1 axis
    ];
    for (const [v, shape] of cases) {
      const r = v.reshape(shape);
      expect(r.data, `${v.shape} -> ${shape}`).toBe(v.data);
      sameElementsRowMajor(v, r);
    }
  });

  test('layouts that cannot be viewed are copied, with the right elements', () => {
    const m = arange(12).reshape(3, 4);
    const cases: [NDArray, number[]][] = [
      [m.T, [12]],
      [m.T, [2, 6]],
      [m.slice(null, '1:3'), [6]],
      [m.slice(null, '::-1'), [2, 6]],
      [m.slice(null, ':3'), [9]],
    ];
    for (const [v, shape] of cases) {
      const r = v.reshape(shape);
      expect(r.data, `${v.shape} -> ${shape}`).not.toBe(v.data);
      expect(r.isContiguous()).toBe(true);
      sameElementsRowMajor(v, r);
    }
    expect(m.T.reshape(12).toArray()).toEqual([0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11]);
  });

  test('views exactly where numpy 2.4 gives views (np.shares_memory after reshape)', () => {
    // [base shape, transpose, slice specs, target shape, numpy returned a view]
    const cases: [number[], number[], string[], number[], boolean][] = [
      [[1, 12, 1], [0, 1, 2], [":", "::-1", ":"], [4, 1, 3], true],
      [[6, 4, 2], [0, 1, 2], ["::2", "::2", "::-1"], [3, 2, 2], true],
      [[5, 1, 4], [0, 2, 1], ["::2", "1:4", ":"], [3, 3], true],
      [[2, 2, 3, 2], [2, 1, 0, 3], [":", "::-1", "::2", "1:2"], [3, 1, 2], true],
      [[5, 1, 4], [2, 0, 1], ["1:4", "::2", ":"], [1, 3, 3], true],
      [[1, 12, 1], [0, 1, 2], [":", "::-1", ":"], [2, 3, 2], true],
      [[5, 1, 4], [0, 2, 1], ["::2", "1:4", ":"], [3, 3], true],
      [[1, 12, 1], [2, 1, 0], [":", "::-1", ":"], [4, 3], true],
      [[1, 12, 1], [0, 1, 2], [":", "::-1", ":"], [6, 2], true],
      [[4, 6], [0, 1], ["::-1", "::-1"], [8, 3], true],
      [[1, 12, 1], [0, 1, 2], [":", "1:12", ":"], [1, 11, 1], true],
      [[5, 1, 4], [1, 2, 0], [":", "::2", ":"], [2, 5, 1], true],
      [[6, 4, 2], [0, 1, 2], [":", ":", "1:2"], [3, 1, 8], true],
      [[1, 12, 1], [2, 1, 0], [":", "::-1", ":"], [6, 2], true],
      [[4, 6], [1, 0], ["1:6", ":"], [1, 1, 20], false],
      [[2, 3, 4], [2, 1, 0], [":", ":", ":"], [4, 6, 1], false],
      [[4, 6], [1, 0], [":", ":"], [12, 2], false],
      [[6, 4, 2], [0, 1, 2], ["::-1", "::-1", ":"], [2, 1, 24], false],
      [[3, 8], [0, 1], ["::2", ":"], [4, 4], false],
      [[5, 1, 4], [0, 1, 2], [":", ":", "::-1"], [1, 4, 5], false],
      [[2, 3, 4], [0, 1, 2], ["1:2", "::-1", "::2"], [6], false],
      [[6, 4, 2], [1, 2, 0], ["::-1", ":", ":"], [48], false],
      [[3, 8], [0, 1], ["1:3", "1:8"], [14, 1], false],
      [[4, 6], [1, 0], [":", ":"], [3, 8], false],
    ];
    for (const [base, perm, specs, target, view] of cases) {
      const a = arange(base.reduce((p, n) => p * n, 1)).reshape(base);
      const v = a.transpose(perm).slice(...specs);
      const r = v.reshape(target);
      expect(r.data === a.data, `${base} T${perm} [${specs}] -> ${target}`).toBe(view);
      sameElementsRowMajor(v, r);
    }
  });

  test('empty arrays reshape freely among shapes of size 0', () => {
    expect(zeros([0, 3]).reshape(3, 0, 5).shape).toEqual([3, 0, 5]);
    expect(() => zeros([0, 3]).reshape(-1, 0)).toThrow(/^shape: /);
  });

  test('errors name the shape', () => {
    const a = arange(6);
    expect(() => a.reshape(4)).toThrow(RangeError);
    expect(() => a.reshape(4)).toThrow(/^shape: .*size 6/);
    expect(() => a.reshape(-1, -1)).toThrow(/^shape: .*one -1/);
    expect(() => a.reshape(4, -1)).toThrow(/^shape: /);
    expect(() => a.reshape(2, -3)).toThrow(/^shape\[1\]: /);
    expect(() => a.reshape(2.5 as number)).toThrow(/^shape\[0\]: /);
  });
});

describe('contiguity, copy, astype', () => {
  test('isContiguous follows numpy flags', () => {
    const m = zeros([3, 4]);
    expect(m.isContiguous()).toBe(true);
    expect(m.isContiguous('F')).toBe(false);
    expect(m.T.isContiguous('F')).toBe(true);
    expect(m.slice(1).isContiguous('F')).toBe(true);
    expect(m.slice(null, 1).isContiguous()).toBe(false);
    expect(m.slice('1:2').isContiguous('F')).toBe(true);
    expect(zeros([0, 3]).slice(null, '::2').isContiguous()).toBe(true);
    expect(zeros([1, 3]).isContiguous('F')).toBe(true);
    expect(zeros([2, 3]).isContiguous('F')).toBe(false);
    expect(() => m.isContiguous('X' as 'C')).toThrow(/^order: /);
  });

  test('copy in either order keeps the elements', () => {
    const v = arange(24).reshape(2, 3, 4).slice('::-1', null, '::2');
    for (const order of ['C', 'F'] as const) {
      const c = v.copy(order);
      expect(c.isContiguous(order)).toBe(true);
      expect(c.offset).toBe(0);
      expect(c.toArray()).toEqual(v.toArray());
    }
    expect(Array.from(array([[1, 2], [3, 4]]).copy('F').data)).toEqual([1, 3, 2, 4]);
    // Contiguous views at an offset take the block-copy path.
    const rows = arange(12).reshape(3, 4).slice('1:3');
    expect(rows.copy().toArray()).toEqual([[4, 5, 6, 7], [8, 9, 10, 11]]);
    expect(Array.from(rows.copy().data)).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
    const cols = arange(12).reshape(4, 3).T.slice(null, '1:3');
    expect(cols.isContiguous('F')).toBe(true);
    expect(cols.copy('F').toArray()).toEqual(cols.toArray());
    expect(cols.astype('float32').toArray()).toEqual(cols.toArray());
  });

  test('astype converts, rounds to float32 and always copies', () => {
    const a = array([0.1, 1 / 3, 1e40]);
    const s = a.astype('float32');
    expect(s.dtype).toBe('float32');
    expect(s.data).toBeInstanceOf(Float32Array);
    expect(s.toArray()).toEqual([Math.fround(0.1), Math.fround(1 / 3), Infinity]);
    expect(s.astype('float64').toArray()).toEqual([Math.fround(0.1), Math.fround(1 / 3), Infinity]);
    expect(a.astype('float64').data).not.toBe(a.data);
    expect(arange(6).reshape(2, 3).T.astype('float32').isContiguous('F')).toBe(true);
    expect(() => a.astype('int32' as 'float32')).toThrow(/^dtype: /);
  });
});

describe('toArray, item, fill, ravel', () => {
  test('round trips through array()', () => {
    const nested: NestedArray[] = [
      [[1, 2, 3], [4, 5, 6]],
      [[[1], [2]], [[3], [4]]],
      [],
      [[], []],
      [NaN, -Infinity, -0, 5e-324],
    ];
    for (const values of nested) {
      const a = array(values);
      const back = a.toArray();
      expect(back).toEqual(values);
      expect(array(back as NestedArray).toArray()).toEqual(values);
    }
    expect(Object.is((array([-0]).toArray() as number[])[0], -0)).toBe(true);
    expect(array(2.5).toArray()).toBe(2.5);
  });

  test('toArray of strided views', () => {
    const v = arange(12).reshape(3, 4).slice('::-1', '::3');
    expect(v.toArray()).toEqual([[8, 11], [4, 7], [0, 3]]);
  });

  test('item needs exactly one element', () => {
    expect(array([[7]]).item()).toBe(7);
    expect(arange(5).slice('2:3').item()).toBe(2);
    expect(() => arange(2).item()).toThrow(RangeError);
    expect(() => zeros(0).item()).toThrow(/size 1/);
  });

  test('fill writes only the view', () => {
    const a = zeros([3, 4]);
    a.slice('::2', '1::2').fill(5);
    expect(a.toArray()).toEqual([[0, 5, 0, 5], [0, 0, 0, 0], [0, 5, 0, 5]]);
    a.slice(1).fill(2);
    expect(a.toArray()).toEqual([[0, 5, 0, 5], [2, 2, 2, 2], [0, 5, 0, 5]]);
    a.T.fill(1);
    expect(a.toArray()).toEqual([[1, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1]]);
  });

  test('ravel is reshape(-1)', () => {
    const m = arange(6).reshape(2, 3);
    expect(m.ravel().data).toBe(m.data);
    expect(m.T.ravel().toArray()).toEqual([0, 3, 1, 4, 2, 5]);
  });
});
