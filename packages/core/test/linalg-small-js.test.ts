/**
 * inv, solve and det at every order from 1 to 40 on the TypeScript backend: the sizes where
 * getf2's column loop hands over to recursion (32) and where getri's four-column updates leave a
 * remainder, through the public API, in both precisions, with right-hand sides in every layout.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import '../src/backend/builtin.js';
import { setBackend } from '../src/backend/select.js';
import { linalg } from '../src/index.js';
import { NDArray } from '../src/ndarray/index.js';
import { Rng } from '../src/testing/util.js';

/** A seeded generator of numbers in [0, 1), from the shared test generator. */
function random(seed: number): () => number {
  const generator = new Rng(seed);
  return () => generator.next();
}

type DType = 'float64' | 'float32';
const eps = (dtype: DType) => (dtype === 'float32' ? 2 ** -23 : 2 ** -52);
/** LAPACK's threshold for scaled residuals. */
const THRESHOLD = 30;

/** A random n×n matrix (entries in [-1, 1)) with rows swapped about, so pivoting is exercised. */
function randomMatrix(dtype: DType, n: number, next: () => number): NDArray {
  const data = dtype === 'float32' ? new Float32Array(n * n) : new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) data[i] = 2 * next() - 1;
  return new NDArray(data, [n, n]);
}

/** Element (i, j) of a 2-d array, or element i of a 1-d one (j ignored), through its strides. */
function get(a: NDArray, i: number, j = 0): number {
  return a.data[a.offset + i * a.strides[0] + (a.ndim > 1 ? j * a.strides[1] : 0)];
}

/** max over columns of Σ|·|: the 1-norm of an rows×cols matrix given by an accessor. */
function norm1(rows: number, cols: number, value: (i: number, j: number) => number): number {
  let best = 0;
  for (let j = 0; j < cols; j++) {
    let s = 0;
    for (let i = 0; i < rows; i++) s += Math.abs(value(i, j));
    best = Math.max(best, s);
  }
  return best;
}

/** ‖A·X − B‖₁ / (‖A‖₁·‖X‖₁·n·ε) for X n×k (1-d arrays are n×1). */
function solveRatio(a: NDArray, x: NDArray, b: NDArray, dtype: DType): number {
  const n = a.shape[0];
  const k = x.ndim === 1 ? 1 : x.shape[1];
  const residual = (i: number, j: number) => {
    let s = -get(b, i, j);
    for (let p = 0; p < n; p++) s += get(a, i, p) * get(x, p, j);
    return s;
  };
  return norm1(n, k, residual) / (norm1(n, n, (i, j) => get(a, i, j)) * norm1(n, k, (i, j) => get(x, i, j)) * n * eps(dtype));
}

describe('small matrices on the TypeScript backend', () => {
  beforeAll(async () => {
    await setBackend('js');
  });

  for (const dtype of ['float64', 'float32'] as const) {
    it(`inv: A·A⁻¹ ≈ I for n = 1 … 40 (${dtype})`, () => {
      const next = random(1);
      for (let n = 1; n <= 40; n++) {
        const a = randomMatrix(dtype, n, next);
        const ai = linalg.inv(a);
        expect(ai.shape).toEqual([n, n]);
        expect(ai.dtype).toBe(dtype);
        const residual = (i: number, j: number) => {
          let s = i === j ? -1 : 0;
          for (let p = 0; p < n; p++) s += get(a, i, p) * get(ai, p, j);
          return s;
        };
        const ratio = norm1(n, n, residual) / (n * norm1(n, n, (i, j) => get(a, i, j)) * norm1(n, n, (i, j) => get(ai, i, j)) * eps(dtype));
        expect(ratio, `n = ${n}`).toBeLessThan(THRESHOLD);
      }
    });

    it(`solve: one and several right-hand sides, contiguous and strided, for n = 1 … 40 (${dtype})`, () => {
      const next = random(2);
      for (let n = 1; n <= 40; n++) {
        const a = randomMatrix(dtype, n, next);
        const wide = randomMatrix(dtype, n, next);
        // b contiguous, b a column of a matrix (stride n), b reversed; B contiguous and transposed.
        const cases: NDArray[] = [
          new NDArray(wide.data.slice(0, n), [n]),
          new NDArray(wide.data, [n], [n], 0),
          new NDArray(wide.data, [n], [-1], n - 1),
          new NDArray(wide.data, [n, Math.min(n, 3)], [n, 1], 0),
          new NDArray(wide.data, [n, Math.min(n, 3)], [1, n], 0),
        ];
        for (const b of cases) {
          const before = Array.from(b.data);
          const x = linalg.solve(a, b);
          expect(x.shape).toEqual(b.shape);
          expect(solveRatio(a, x, b, dtype), `n = ${n}, b strides [${b.strides.join(', ')}]`).toBeLessThan(THRESHOLD);
          expect(Array.from(b.data)).toEqual(before);
        }
      }
    });

    it(`det: the product of a triangular matrix's diagonal after row swaps, n = 1 … 40 (${dtype})`, () => {
      const next = random(3);
      for (let n = 1; n <= 40; n++) {
        // Rows of an upper triangular matrix in reverse order: det = (−1)^⌊n/2⌋ · Π diag.
        const data = dtype === 'float32' ? new Float32Array(n * n) : new Float64Array(n * n);
        let expected = n % 4 === 2 || n % 4 === 3 ? -1 : 1;
        for (let i = 0; i < n; i++) {
          const d = 0.5 + next();
          expected *= dtype === 'float32' ? Math.fround(d) : d;
          const row = n - 1 - i;
          data[row * n + i] = d;
          for (let j = i + 1; j < n; j++) data[row * n + j] = 2 * next() - 1;
        }
        const det = linalg.det(new NDArray(data, [n, n])) as number;
        expect(Math.abs(det - expected) / Math.abs(expected), `n = ${n}`).toBeLessThan(4 * n * eps(dtype));
      }
    });
  }

  it('solve with broadcast stacks reuses each factorisation for every right-hand side it serves', () => {
    const next = random(4);
    const a = new NDArray(Float64Array.from({ length: 2 * 12 * 12 }, () => 2 * next() - 1), [2, 1, 12, 12]);
    const b = new NDArray(Float64Array.from({ length: 3 * 12 * 2 }, () => 2 * next() - 1), [3, 12, 2]);
    const x = linalg.solve(a, b);
    expect(x.shape).toEqual([2, 3, 12, 2]);
    for (let s = 0; s < 2; s++) {
      for (let t = 0; t < 3; t++) {
        const as = new NDArray(a.data, [12, 12], [12, 1], s * 144);
        const bt = new NDArray(b.data, [12, 2], [2, 1], t * 24);
        const xt = new NDArray(x.data, [12, 2], [2, 1], (s * 3 + t) * 24);
        expect(solveRatio(as, xt, bt, 'float64')).toBeLessThan(THRESHOLD);
      }
    }
  });
});
