import { describe, expect, it } from 'vitest';
import { array, dot, empty, inner, matmul, NDArray, outer, uniform, vdot, zeros } from '@polyblas/core';

/** numpy's matmul by its definition, one element at a time through get(), for 2-D operands. */
function naive2d(a: NDArray, b: NDArray): number[][] {
  const [m, k] = a.shape;
  const n = b.shape[1];
  return Array.from({ length: m }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      let s = 0;
      for (let p = 0; p < k; p++) s += a.get(i, p) * b.get(p, j);
      return s;
    }),
  );
}

function expectClose(actual: unknown, expected: unknown, tol = 1e-12): void {
  const flat = (x: unknown): number[] => (Array.isArray(x) ? x.flatMap(flat) : [x as number]);
  const a = flat(actual);
  const e = flat(expected);
  expect(a.length).toBe(e.length);
  const scale = Math.max(1, ...e.map(Math.abs));
  for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - e[i])).toBeLessThanOrEqual(tol * scale);
}

describe('matmul', () => {
  it('multiplies 2-D arrays, including transposed, sliced and reversed views, without touching inputs', () => {
    const a = uniform(-1, 1, [7, 9], { seed: 1 });
    const b = uniform(-1, 1, [9, 5], { seed: 2 });
    const before = [a.toArray(), b.toArray()];
    expectClose(matmul(a, b).toArray(), naive2d(a, b));
    const big = uniform(-1, 1, [12, 14], { seed: 3 });
    const views: [NDArray, NDArray][] = [
      [a.T.T, b],
      [big.slice('1:8', '0:9'), big.T.slice('2:11', '3:8')],
      [big.slice('::-2', '::-2').slice(':', '0:3'), big.slice('0:3', '::3')],
      [big.slice('::2', '1:10'), b],
    ];
    for (const [x, y] of views) expectClose(matmul(x, y).toArray(), naive2d(x, y));
    expect([a.toArray(), b.toArray()]).toEqual(before);
  });

  it('handles empty dimensions', () => {
    expect(matmul(zeros([3, 0]), zeros([0, 4])).toArray()).toEqual(zeros([3, 4]).toArray());
    expect(matmul(zeros([0, 3]), zeros([3, 2])).shape).toEqual([0, 2]);
  });

  it('promotes 1-D operands and removes the promoted axis', () => {
    const a = array([[1, 2, 3], [4, 5, 6]]);
    expect(matmul(a, array([1, 0, -1])).toArray()).toEqual([-2, -2]);
    expect(matmul(array([1, -1]), a).toArray()).toEqual([-3, -3, -3]);
    const scalar = matmul(array([1, 2, 3]), array([4, 5, 6]));
    expect(scalar.ndim).toBe(0);
    expect(scalar.item()).toBe(32);
  });

  it('broadcasts stacks of matrices in the leading axes', () => {
    const a = uniform(-1, 1, [2, 1, 3, 4], { seed: 4 });
    const b = uniform(-1, 1, [3, 4, 2], { seed: 5 });
    const c = matmul(a, b);
    expect(c.shape).toEqual([2, 3, 3, 2]);
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < 3; j++) {
        expectClose(c.slice(i, j).toArray(), naive2d(a.slice(i, 0), b.slice(j)));
      }
    }
  });

  it('keeps float32 when both operands are float32 and promotes mixed operands to float64', () => {
    const a = uniform(-1, 1, [5, 6], { seed: 6, dtype: 'float32' });
    const b = uniform(-1, 1, [6, 3], { seed: 7, dtype: 'float32' });
    const c = matmul(a, b);
    expect(c.dtype).toBe('float32');
    expectClose(c.toArray(), naive2d(a, b), 1e-6);
    expect(matmul(a, b.astype('float64')).dtype).toBe('float64');
  });

  it('writes into out, also when out overlaps an operand', () => {
    const a = uniform(-1, 1, [4, 4], { seed: 8 });
    const b = uniform(-1, 1, [4, 4], { seed: 9 });
    const expected = naive2d(a, b);
    const out = empty([4, 4]);
    expect(matmul(a, b, { out })).toBe(out);
    expectClose(out.toArray(), expected);
    const aliased = a.copy();
    matmul(aliased, b, { out: aliased });
    expectClose(aliased.toArray(), expected);
    const strided = zeros([4, 8]).slice(':', '::2');
    matmul(a, b, { out: strided });
    expectClose(strided.toArray(), expected);
  });

  it('names the argument in its errors', () => {
    expect(() => matmul(zeros([2, 3]), zeros([2, 3]))).toThrow(/b: expected 3 rows to match the 3 columns of a/);
    expect(() => matmul(array(1), zeros([2]))).toThrow(/a: expected an array of at least 1 dimension/);
    expect(() => matmul(zeros([2, 2]), zeros([2, 2]), { out: zeros([3, 2]) })).toThrow(/options.out: expected shape \[2, 2\]/);
    expect(() => matmul(zeros([2, 2]), zeros([2, 2]), { out: zeros([2, 2], { dtype: 'float32' }) })).toThrow(/options.out: expected dtype float64/);
    expect(() => matmul(zeros([2, 2, 2]), zeros([3, 2, 2]))).toThrow(/b: expected batch dimensions that broadcast/);
    expect(() => matmul('x' as unknown as NDArray, zeros([2]))).toThrow(TypeError);
  });

  it('accepts nested arrays', () => {
    expect(matmul([[1, 2], [3, 4]], [[5, 6], [7, 8]]).toArray()).toEqual([[19, 22], [43, 50]]);
  });
});

describe('dot, vdot, inner, outer', () => {
  it('dot: vectors give a number, matrices the product, N-D the sum over the last and second-to-last axes', () => {
    expect(dot(array([1, 2, 3]), array([4, 5, 6]))).toBe(32);
    expect((dot(array([[1, 2], [3, 4]]), array([[5, 6], [7, 8]])) as NDArray).toArray()).toEqual([[19, 22], [43, 50]]);
    expect((dot(array([1, 2]), 3) as NDArray).toArray()).toEqual([3, 6]);
    const a = uniform(-1, 1, [2, 3, 4], { seed: 10 });
    const b = uniform(-1, 1, [5, 4, 2], { seed: 11 });
    const c = dot(a, b) as NDArray;
    expect(c.shape).toEqual([2, 3, 5, 2]);
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < 3; j++) {
        for (let k = 0; k < 5; k++) {
          for (let m = 0; m < 2; m++) {
            let s = 0;
            for (let p = 0; p < 4; p++) s += a.get(i, j, p) * b.get(k, p, m);
            expect(Math.abs(c.get(i, j, k, m) - s)).toBeLessThan(1e-12);
          }
        }
      }
    }
    expect(() => dot(array([1, 2]), array([1, 2, 3]))).toThrow(/b: expected length 2/);
  });

  it('dot honours strides, including negative ones', () => {
    const x = array([1, 2, 3, 4, 5, 6]);
    expect(dot(x.slice('::2'), x.slice('::-2'))).toBe(1 * 6 + 3 * 4 + 5 * 2);
  });

  it('vdot flattens; inner sums over last axes; outer flattens then multiplies', () => {
    expect(vdot(array([[1, 2], [3, 4]]), array([[1, 1], [1, 1]]))).toBe(10);
    expect(inner(array([1, 2]), array([3, 4]))).toBe(11);
    expect((inner(array([[1, 2], [3, 4]]), array([[1, 0], [0, 1], [1, 1]])) as NDArray).toArray()).toEqual([[1, 2, 3], [3, 4, 7]]);
    expect(outer(array([1, 2]), array([[3, 4], [5, 6]])).toArray()).toEqual([[3, 4, 5, 6], [6, 8, 10, 12]]);
    expect(() => vdot(array([1, 2]), array([1]))).toThrow(/b: expected 2 elements/);
  });
});
