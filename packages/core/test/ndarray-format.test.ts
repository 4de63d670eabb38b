import { describe, expect, test } from 'vitest';
import { arange, array, eye, zeros } from '../src/ndarray/index.js';

// The expected strings are numpy 2's repr() of the same arrays.
describe('toString prints like numpy repr', () => {
  test('matrices and higher dimensions', () => {
    expect(String(array([[1, 2], [3, 4]]))).toBe('array([[1., 2.],\n       [3., 4.]])');
    expect(String(eye(2))).toBe('array([[1., 0.],\n       [0., 1.]])');
    expect(String(arange(24).reshape(2, 3, 4))).toBe(
      'array([[[ 0.,  1.,  2.,  3.],\n' +
        '        [ 4.,  5.,  6.,  7.],\n' +
        '        [ 8.,  9., 10., 11.]],\n' +
        '\n' +
        '       [[12., 13., 14., 15.],\n' +
        '        [16., 17., 18., 19.],\n' +
        '        [20., 21., 22., 23.]]])',
    );
  });

  test('views print their own elements', () => {
    expect(String(arange(6).reshape(2, 3).T)).toBe('array([[0., 3.],\n       [1., 4.],\n       [2., 5.]])');
    expect(String(arange(5).slice('::-2'))).toBe('array([4., 2., 0.])');
  });

  test('float32 shows its dtype and its own shortest digits', () => {
    expect(String(array([0.5, 1], { dtype: 'float32' }))).toBe('array([0.5, 1. ], dtype=float32)');
    expect(String(array([0.1, 0.2], { dtype: 'float32' }))).toBe('array([0.1, 0.2], dtype=float32)');
    expect(String(array([1 / 3], { dtype: 'float32' }))).toBe('array([0.33333334], dtype=float32)');
    expect(String(array(5, { dtype: 'float32' }))).toBe('array(5., dtype=float32)');
  });

  test('positional digits, padding and signs', () => {
    expect(String(array([1 / 3]))).toBe('array([0.33333333])');
    expect(String(array([-0]))).toBe('array([-0.])');
    expect(String(array([1, 1000]))).toBe('array([   1., 1000.])');
    expect(String(array([0.0001]))).toBe('array([0.0001])');
    expect(String(array([-1.5, 2.25]))).toBe('array([-1.5 ,  2.25])');
    expect(String(array(5))).toBe('array(5.)');
  });

  test('scientific notation when magnitudes span too far', () => {
    expect(String(array([1e-5, 1, 1.5]))).toBe('array([1.0e-05, 1.0e+00, 1.5e+00])');
    expect(String(array([1e10]))).toBe('array([1.e+10])');
    expect(String(array([123456789]))).toBe('array([1.23456789e+08])');
    expect(String(array([1, 1001]))).toBe('array([1.000e+00, 1.001e+03])');
  });

  test("Node's inspect (console.log) uses the same repr", () => {
    const a = array([[1, 2], [3, 4]]);
    const inspect = (a as unknown as Record<symbol, () => string>)[Symbol.for('nodejs.util.inspect.custom')]!;
    expect(inspect.call(a)).toBe(String(a));
  });

  test('nan and inf', () => {
    expect(String(array([NaN, 1, -Infinity]))).toBe('array([ nan,   1., -inf])');
    expect(String(array([NaN]))).toBe('array([nan])');
  });

  test('empty arrays show shape and dtype', () => {
    expect(String(zeros(0))).toBe('array([], dtype=float64)');
    expect(String(zeros([0, 3]))).toBe('array([], shape=(0, 3), dtype=float64)');
    expect(String(zeros([0], { dtype: 'float32' }))).toBe('array([], dtype=float32)');
  });

  test('long rows wrap at 75 characters', () => {
    expect(String(arange(30))).toBe(
      'array([ 0.,  1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9., 10., 11., 12.,\n' +
        '       13., 14., 15., 16., 17., 18., 19., 20., 21., 22., 23., 24., 25.,\n' +
        '       26., 27., 28., 29.])',
    );
  });

  test('more than 1000 elements are summarised', () => {
    expect(String(arange(2000))).toBe(
      'array([0.000e+00, 1.000e+00, 2.000e+00, ..., 1.997e+03, 1.998e+03,\n       1.999e+03])',
    );
    const big = String(arange(40 * 40).reshape(40, 40).slice(null, '::-1').add(1001));
    const lines = big.split('\n');
    expect(lines[0]).toBe('array([[1040., 1039., 1038., ..., 1003., 1002., 1001.],');
    expect(lines[3]).toBe('       ...,');
    expect(lines[lines.length - 1]).toBe('       [2600., 2599., 2598., ..., 2563., 2562., 2561.]])');
  });
});
