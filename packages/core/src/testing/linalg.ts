/**
 * The API-level accuracy battery for `linalg`, run against one backend: every function checked
 * against mathematics (scaled residuals, reconstructions and orthogonality in LAPACK's style,
 * passing below 30; naive definitions for norms and products), on stacks, float32, transposed and
 * strided views and empty inputs, with error types and messages, and with every input verified
 * unchanged after every call.
 *
 * @module
 */
import { beforeAll, describe, expect, it } from 'vitest';
import '../backend/builtin.js';
import { setBackend } from '../backend/select.js';
import { LinAlgError } from '../errors.js';
import * as linalg from '../linalg/index.js';
import { NDArray } from '../ndarray/index.js';
import { Rng, geometric, matrixWithSingularValues, symmetricWithEigenvalues } from './util.js';

type DType = 'float64' | 'float32';
type Precision = 'd' | 's';

/** The threshold of LAPACK's scaled test ratios. */
const THRESHOLD = 30;

const eps = (dtype: DType): number => (dtype === 'float32' ? 2 ** -23 : 2 ** -52);
const precisionOf = (dtype: DType): Precision => (dtype === 'float32' ? 's' : 'd');

/** A dense double copy of one matrix of an NDArray (by its strides), row-major. */
interface Dense {
  readonly m: number;
  readonly n: number;
  readonly d: Float64Array;
}

/** The element of `a` at a full index, read through its strides. */
function at(a: NDArray, index: readonly number[]): number {
  let p = a.offset;
  for (let k = 0; k < index.length; k++) p += index[k] * a.strides[k];
  return a.data[p];
}

/** Matrix `batch` (C-order position among the leading dimensions) of a stack, as a Dense matrix. */
function dense(a: NDArray, batch = 0): Dense {
  const nd = a.ndim;
  const lead = a.shape.slice(0, nd - 2);
  const index: number[] = [];
  let rest = batch;
  for (let d = lead.length - 1; d >= 0; d--) {
    index[d] = rest % lead[d];
    rest = Math.floor(rest / lead[d]);
  }
  const m = a.shape[nd - 2];
  const n = a.shape[nd - 1];
  const d = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) d[i * n + j] = at(a, [...index, i, j]);
  return { m, n, d };
}

/** A 1-d NDArray (or the row `batch` of a stack of vectors) as doubles. */
function vector(a: NDArray, batch = 0): Float64Array {
  const len = a.shape[a.ndim - 1];
  const lead = a.shape.slice(0, -1);
  const index: number[] = [];
  let rest = batch;
  for (let d = lead.length - 1; d >= 0; d--) {
    index[d] = rest % lead[d];
    rest = Math.floor(rest / lead[d]);
  }
  return Float64Array.from({ length: len }, (_, i) => at(a, [...index, i]));
}

function mul(a: Dense, b: Dense): Dense {
  const d = new Float64Array(a.m * b.n);
  for (let i = 0; i < a.m; i++) {
    for (let p = 0; p < a.n; p++) {
      const x = a.d[i * a.n + p];
      if (x === 0) continue;
      for (let j = 0; j < b.n; j++) d[i * b.n + j] += x * b.d[p * b.n + j];
    }
  }
  return { m: a.m, n: b.n, d };
}

function transpose(a: Dense): Dense {
  const d = new Float64Array(a.m * a.n);
  for (let i = 0; i < a.m; i++) for (let j = 0; j < a.n; j++) d[j * a.m + i] = a.d[i * a.n + j];
  return { m: a.n, n: a.m, d };
}

function sub(a: Dense, b: Dense): Dense {
  return { m: a.m, n: a.n, d: a.d.map((v, i) => v - b.d[i]) };
}

function identity(n: number): Dense {
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++) d[i * n + i] = 1;
  return { m: n, n, d };
}

/** The 1-norm (largest column sum), as LAPACK's tests use. */
function norm1(a: Dense): number {
  let r = 0;
  for (let j = 0; j < a.n; j++) {
    let s = 0;
    for (let i = 0; i < a.m; i++) s += Math.abs(a.d[i * a.n + j]);
    r = Math.max(r, s);
  }
  return r;
}

function frob(a: Dense | Float64Array): number {
  const d = a instanceof Float64Array ? a : a.d;
  let s = 0;
  for (const v of d) s += v * v;
  return Math.sqrt(s);
}

/** ‖QᵀQ − I‖₁ / (max(m, n)·eps): orthonormal columns. */
function orthogonality(q: Dense, dtype: DType): number {
  if (q.n === 0) return 0;
  return norm1(sub(mul(transpose(q), q), identity(q.n))) / (Math.max(q.m, q.n) * eps(dtype));
}

/** ‖A − B‖₁ / (max(m, n)·‖A‖₁·eps): a reconstruction. */
function reconstruction(a: Dense, b: Dense, dtype: DType): number {
  const scale = norm1(a);
  if (scale === 0) return norm1(b);
  return norm1(sub(a, b)) / (Math.max(a.m, a.n, 1) * scale * eps(dtype));
}

/** A column-major buffer from util.ts as a column-major NDArray view (a transposed layout). */
function fromColumnMajor(data: Float64Array | Float32Array, m: number, n: number): NDArray {
  return new NDArray(data, [m, n], [1, Math.max(m, 1)]);
}

/** A row-major (C-contiguous) NDArray with the same values. */
function rowMajor(a: NDArray): NDArray {
  return a.copy('C');
}

/** A strided view: the matrix embedded in every other row and every third column of a larger buffer, with reversed rows. */
function stridedView(a: NDArray): NDArray {
  const [m, n] = [a.shape[0], a.shape[1]];
  const Ctor = a.dtype === 'float32' ? Float32Array : Float64Array;
  const big = new Ctor(Math.max(1, 2 * m * 3 * n + 5)).fill(NaN);
  // Row i goes to row 2(m−1−i) of a 2m×3n buffer, column j to column 3j, after 5 padding elements.
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) big[5 + 2 * (m - 1 - i) * 3 * n + 3 * j] = at(a, [i, j]);
  return new NDArray(big, [m, n], [-2 * 3 * n, 3], 5 + 2 * (m - 1) * 3 * n);
}

/** A stack `[...batch, m, n]` of independent random matrices with singular values from 1 to 1/cond. */
function randomStack(dtype: DType, batch: readonly number[], m: number, n: number, rng: Rng, cond = 10): NDArray {
  const count = batch.reduce((p, d) => p * d, 1);
  const Ctor = dtype === 'float32' ? Float32Array : Float64Array;
  const data = new Ctor(count * m * n);
  for (let t = 0; t < count; t++) {
    const cm = matrixWithSingularValues(precisionOf(dtype), m, n, geometric(Math.min(m, n), cond), rng);
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) data[t * m * n + i * n + j] = cm[i + j * m];
  }
  return new NDArray(data, [...batch, m, n]);
}

function randomVector(dtype: DType, shape: readonly number[], rng: Rng): NDArray {
  const size = shape.reduce((p, d) => p * d, 1);
  const data = dtype === 'float32' ? new Float32Array(size) : new Float64Array(size);
  for (let i = 0; i < size; i++) data[i] = rng.signed();
  return new NDArray(data, shape);
}

/** A symmetric matrix with the given eigenvalues, as a row-major NDArray. */
function symmetric(dtype: DType, lambda: readonly number[], rng: Rng): NDArray {
  const n = lambda.length;
  return rowMajor(fromColumnMajor(symmetricWithEigenvalues(precisionOf(dtype), n, lambda, rng), n, n));
}

/** Calls `f` and fails if any NDArray among `inputs` changed (NaN-aware, bit for bit). */
function unchanged<R>(inputs: readonly unknown[], f: () => R): R {
  const arrays = inputs.filter((x): x is NDArray => x instanceof NDArray);
  const before = arrays.map((a) => Float64Array.from(a.data));
  const result = f();
  arrays.forEach((a, k) => {
    for (let i = 0; i < a.data.length; i++) {
      if (!Object.is(a.data[i], before[k][i])) throw new Error(`input ${k} was modified at data index ${i}`);
    }
  });
  return result;
}

/** Layout variants of one matrix: C-contiguous, Fortran-ordered (a transposed view), strided with a negative stride. */
function layouts(a: NDArray): [string, NDArray][] {
  return [
    ['C-contiguous', rowMajor(a)],
    ['column-major view', rowMajor(a).copy('F')],
    ['strided view', stridedView(a)],
  ];
}

/**
 * Registers the linalg accuracy battery for one backend with vitest: selects the backend by name
 * in `beforeAll`, then checks every linalg function against mathematics.
 *
 * @example
 * ```ts
 * // packages/core/test/linalg-js.test.ts
 * import { linalgConformance } from '../src/testing/linalg.js';
 * linalgConformance('js');
 * ```
 */
export function linalgConformance(name: string): void {
  describe(`linalg on ${name}`, () => {
    beforeAll(async () => {
      await setBackend(name);
    });

    for (const dtype of ['float64', 'float32'] as const) {
      describe(dtype, () => {
        const e = eps(dtype);

        it('solve: scaled residuals for vectors, matrices, layouts and broadcast stacks', () => {
          const rng = new Rng(11);
          for (const n of [1, 2, 5, 17, 40]) {
            const a = randomStack(dtype, [], n, n, rng, 100);
            for (const [, view] of layouts(a)) {
              const b = randomVector(dtype, [n], rng);
              const x = unchanged([view, b], () => linalg.solve(view, b));
              expect(x.shape).toEqual([n]);
              expect(x.dtype).toBe(dtype);
              const A = dense(a);
              const X = { m: n, n: 1, d: vector(x) };
              const r = sub(mul(A, X), { m: n, n: 1, d: vector(b) });
              expect(norm1(r) / (norm1(A) * norm1(X) * n * e)).toBeLessThan(THRESHOLD);
            }
            const B = randomStack(dtype, [], n, 3, rng);
            const X = unchanged([a, B], () => linalg.solve(a, B));
            expect(X.shape).toEqual([n, 3]);
            const r = sub(mul(dense(a), dense(X)), dense(B));
            expect(norm1(r) / (norm1(dense(a)) * norm1(dense(X)) * n * e)).toBeLessThan(THRESHOLD);
          }
          // a [2, 1, 4, 4] with b [3, 4, 2] broadcasts to [2, 3, 4, 2]; a [2, 4, 4] with b [4] gives [2, 4].
          const a = randomStack(dtype, [2, 1], 4, 4, rng);
          const b = randomStack(dtype, [3], 4, 2, rng);
          const x = unchanged([a, b], () => linalg.solve(a, b));
          expect(x.shape).toEqual([2, 3, 4, 2]);
          for (let t = 0; t < 6; t++) {
            const A = dense(a, Math.floor(t / 3));
            const r = sub(mul(A, dense(x, t)), dense(b, t % 3));
            expect(norm1(r) / (norm1(A) * norm1(dense(x, t)) * 4 * e)).toBeLessThan(THRESHOLD);
          }
          const a2 = randomStack(dtype, [2], 4, 4, rng);
          const v = randomVector(dtype, [4], rng);
          const xv = linalg.solve(a2, v);
          expect(xv.shape).toEqual([2, 4]);
          for (let t = 0; t < 2; t++) {
            const r = sub(mul(dense(a2, t), { m: 4, n: 1, d: vector(xv, t) }), { m: 4, n: 1, d: vector(v) });
            expect(norm1(r) / (norm1(dense(a2, t)) * frob(vector(xv, t)) * 4 * e)).toBeLessThan(THRESHOLD);
          }
        });

        it('inv: A·A⁻¹ ≈ I, stacks and layouts', () => {
          const rng = new Rng(12);
          for (const n of [1, 3, 8, 33]) {
            const a = randomStack(dtype, [], n, n, rng, 50);
            for (const [, view] of layouts(a)) {
              const ai = unchanged([view], () => linalg.inv(view));
              expect(ai.shape).toEqual([n, n]);
              expect(ai.dtype).toBe(dtype);
              const A = dense(a);
              const AI = dense(ai);
              const ratio = norm1(sub(mul(A, AI), identity(n))) / (n * norm1(A) * norm1(AI) * e);
              expect(ratio).toBeLessThan(THRESHOLD);
            }
          }
          const s = randomStack(dtype, [2, 3], 5, 5, rng);
          const si = linalg.inv(s);
          expect(si.shape).toEqual([2, 3, 5, 5]);
          for (let t = 0; t < 6; t++) {
            const A = dense(s, t);
            const AI = dense(si, t);
            expect(norm1(sub(mul(A, AI), identity(5))) / (5 * norm1(A) * norm1(AI) * e)).toBeLessThan(THRESHOLD);
          }
        });

        it('det and slogdet: matrices of known determinant', () => {
          const rng = new Rng(13);
          for (const n of [1, 2, 6, 20]) {
            const lambda = Array.from({ length: n }, (_, i) => (i % 3 === 1 ? -1 : 1) * (1 + rng.next()));
            const expected = lambda.reduce((p, v) => p * v, 1);
            const a = symmetric(dtype, lambda, rng);
            for (const [, view] of layouts(a)) {
              const d = unchanged([view], () => linalg.det(view)) as number;
              expect(typeof d).toBe('number');
              // The matrix itself is stored with rounding: allow the condition-number-scaled bound.
              expect(Math.abs(d - expected) / Math.abs(expected)).toBeLessThan(THRESHOLD * n * 2 * e);
              const { sign, logabsdet } = unchanged([view], () => linalg.slogdet(view));
              expect(sign).toBe(Math.sign(expected));
              expect(Math.abs((logabsdet as number) - Math.log(Math.abs(expected)))).toBeLessThan(THRESHOLD * n * 2 * e);
            }
          }
          // Singular: det 0, slogdet (0, -Infinity).
          const singular = new NDArray(new Float64Array([1, 2, 2, 4]), [2, 2]);
          expect(linalg.det(dtype === 'float32' ? singular.astype('float32') : singular)).toBe(0);
          expect(linalg.slogdet(singular)).toEqual({ sign: 0, logabsdet: -Infinity });
          // Large: det overflows float range, slogdet does not.
          const big = symmetric(dtype, Array.from({ length: 60 }, () => (dtype === 'float32' ? 1e3 : 1e10)), rng);
          const { sign, logabsdet } = linalg.slogdet(big);
          expect(sign).toBe(1);
          const expectedLog = 60 * Math.log(dtype === 'float32' ? 1e3 : 1e10);
          expect(Math.abs((logabsdet as number) - expectedLog) / expectedLog).toBeLessThan(THRESHOLD * 60 * e);
          // Stacks give arrays of the leading shape.
          const stack = randomStack(dtype, [2, 2], 3, 3, rng);
          const ds = linalg.det(stack) as NDArray;
          expect(ds.shape).toEqual([2, 2]);
          expect(ds.dtype).toBe(dtype);
          for (let t = 0; t < 4; t++) expect(ds.data[t]).toBeCloseTo(linalg.det(new NDArray(Float64Array.from(dense(stack, t).d), [3, 3])) as number, dtype === 'float32' ? 4 : 10);
        });

        it('cholesky: reconstruction, triangularity, upper and lower, stacks', () => {
          const rng = new Rng(14);
          for (const n of [1, 4, 25]) {
            const a = symmetric(dtype, Array.from({ length: n }, () => 0.5 + rng.next()), rng);
            for (const [, view] of layouts(a)) {
              const l = unchanged([view], () => linalg.cholesky(view));
              const L = dense(l);
              for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) expect(L.d[i * n + j]).toBe(0);
              expect(reconstruction(dense(a), mul(L, transpose(L)), dtype)).toBeLessThan(THRESHOLD);
              const u = unchanged([view], () => linalg.cholesky(view, { upper: true }));
              const U = dense(u);
              for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) expect(U.d[i * n + j]).toBe(0);
              expect(reconstruction(dense(a), mul(transpose(U), U), dtype)).toBeLessThan(THRESHOLD);
            }
          }
          // Only the named triangle is read: garbage in the other one changes nothing.
          const a = symmetric(dtype, [1, 2, 3], rng);
          const lowerOnly = rowMajor(a);
          const upperOnly = rowMajor(a);
          for (let i = 0; i < 3; i++) {
            for (let j = 0; j < 3; j++) {
              if (j > i) lowerOnly.data[i * 3 + j] = 99;
              if (j < i) upperOnly.data[i * 3 + j] = -99;
            }
          }
          expect(Array.from(linalg.cholesky(lowerOnly).data)).toEqual(Array.from(linalg.cholesky(a).data));
          expect(Array.from(linalg.cholesky(upperOnly, { upper: true }).data)).toEqual(Array.from(linalg.cholesky(a, { upper: true }).data));
          const stack = new NDArray(
            Float64Array.from([...dense(symmetric(dtype, [1, 2], rng)).d, ...dense(symmetric(dtype, [3, 4], rng)).d]), [2, 2, 2],
          );
          const ls = linalg.cholesky(stack);
          expect(ls.shape).toEqual([2, 2, 2]);
          for (let t = 0; t < 2; t++) expect(reconstruction(dense(stack, t), mul(dense(ls, t), transpose(dense(ls, t))), 'float64')).toBeLessThan(THRESHOLD);
        });

        it('qr: reconstruction and orthogonality in every mode, wide and tall, stacks', () => {
          const rng = new Rng(15);
          for (const [m, n] of [[1, 1], [5, 3], [3, 5], [20, 20], [40, 7], [6, 30]]) {
            const a = randomStack(dtype, [], m, n, rng, 1e3);
            const k = Math.min(m, n);
            for (const [, view] of layouts(a)) {
              const { q, r } = unchanged([view], () => linalg.qr(view));
              expect(q.shape).toEqual([m, k]);
              expect(r.shape).toEqual([k, n]);
              expect(q.dtype).toBe(dtype);
              expect(orthogonality(dense(q), dtype)).toBeLessThan(THRESHOLD);
              expect(reconstruction(dense(a), mul(dense(q), dense(r)), dtype)).toBeLessThan(THRESHOLD);
              const R = dense(r);
              for (let i = 0; i < k; i++) for (let j = 0; j < Math.min(i, n); j++) expect(R.d[i * n + j]).toBe(0);
            }
            const c = unchanged([a], () => linalg.qr(a, { mode: 'complete' }));
            expect(c.q.shape).toEqual([m, m]);
            expect(c.r.shape).toEqual([m, n]);
            expect(orthogonality(dense(c.q), dtype)).toBeLessThan(THRESHOLD);
            expect(reconstruction(dense(a), mul(dense(c.q), dense(c.r)), dtype)).toBeLessThan(THRESHOLD);
            const only = unchanged([a], () => linalg.qr(a, { mode: 'r' }));
            expect(Object.keys(only)).toEqual(['r']);
            expect(only.r.shape).toEqual([k, n]);
            // RᵀR = AᵀA whatever the signs of R's rows.
            expect(reconstruction(mul(transpose(dense(a)), dense(a)), mul(transpose(dense(only.r)), dense(only.r)), dtype)).toBeLessThan(THRESHOLD);
          }
          const stack = randomStack(dtype, [3], 6, 4, rng);
          const { q, r } = linalg.qr(stack);
          expect(q.shape).toEqual([3, 6, 4]);
          expect(r.shape).toEqual([3, 4, 4]);
          for (let t = 0; t < 3; t++) {
            expect(orthogonality(dense(q, t), dtype)).toBeLessThan(THRESHOLD);
            expect(reconstruction(dense(stack, t), mul(dense(q, t), dense(r, t)), dtype)).toBeLessThan(THRESHOLD);
          }
        });

        it('svd: reconstruction, orthogonality, known singular values, both fullMatrices, stacks', () => {
          const rng = new Rng(16);
          for (const [m, n] of [[1, 1], [4, 4], [7, 3], [3, 7], [30, 12], [12, 30], [25, 25]]) {
            const k = Math.min(m, n);
            const sigma = geometric(k, 1e4);
            const a = rowMajor(fromColumnMajor(matrixWithSingularValues(precisionOf(dtype), m, n, sigma, rng), m, n));
            for (const [, view] of layouts(a)) {
              for (const fullMatrices of [true, false]) {
                const { u, s, vt } = unchanged([view], () => linalg.svd(view, { fullMatrices }));
                const uc = fullMatrices ? m : k;
                const vr = fullMatrices ? n : k;
                expect(u.shape).toEqual([m, uc]);
                expect(s.shape).toEqual([k]);
                expect(vt.shape).toEqual([vr, n]);
                expect(s.dtype).toBe(dtype);
                expect(orthogonality(dense(u), dtype)).toBeLessThan(THRESHOLD);
                expect(orthogonality(transpose(dense(vt)), dtype)).toBeLessThan(THRESHOLD);
                const sv = vector(s);
                const sigmaMat = { m: uc, n: vr, d: new Float64Array(uc * vr) };
                for (let i = 0; i < k; i++) sigmaMat.d[i * vr + i] = sv[i];
                expect(reconstruction(dense(a), mul(mul(dense(u), sigmaMat), dense(vt)), dtype)).toBeLessThan(THRESHOLD);
                for (let i = 0; i < k; i++) {
                  if (i > 0) expect(sv[i]).toBeLessThanOrEqual(sv[i - 1]);
                  expect(Math.abs(sv[i] - sigma[i]) / (Math.max(m, n) * e * sigma[0])).toBeLessThan(THRESHOLD);
                }
              }
            }
            const values = unchanged([a], () => linalg.svd(a, { computeUV: false }));
            expect(values).toBeInstanceOf(NDArray);
            const vals = linalg.svdvals(a);
            for (let i = 0; i < k; i++) {
              expect(Math.abs(values.data[i] - sigma[i])).toBeLessThan(THRESHOLD * Math.max(m, n) * e);
              expect(Math.abs(vals.data[i] - sigma[i])).toBeLessThan(THRESHOLD * Math.max(m, n) * e);
            }
          }
          const stack = randomStack(dtype, [2, 2], 5, 3, rng);
          const { u, s, vt } = linalg.svd(stack, { fullMatrices: false });
          expect(u.shape).toEqual([2, 2, 5, 3]);
          expect(s.shape).toEqual([2, 2, 3]);
          expect(vt.shape).toEqual([2, 2, 3, 3]);
          for (let t = 0; t < 4; t++) {
            const sv = vector(s, t);
            const S = { m: 3, n: 3, d: new Float64Array([sv[0], 0, 0, 0, sv[1], 0, 0, 0, sv[2]]) };
            expect(reconstruction(dense(stack, t), mul(mul(dense(u, t), S), dense(vt, t)), dtype)).toBeLessThan(THRESHOLD);
          }
        });

        it('hermitian: svd, pinv and matrixRank of symmetric matrices through the eigendecomposition', () => {
          const rng = new Rng(33);
          const lambda = [3, -2, 0.5, -0.25, 0, 0];
          const a = symmetric(dtype, lambda, rng);
          for (const [, view] of layouts(a)) {
            const { u, s, vt } = unchanged([view], () => linalg.svd(view, { hermitian: true }));
            const expected = lambda.map(Math.abs).sort((x, y) => y - x);
            const sv = vector(s);
            sv.forEach((v, i) => expect(Math.abs(v - expected[i]) / (6 * e * 3)).toBeLessThan(THRESHOLD));
            expect(orthogonality(dense(u), dtype)).toBeLessThan(THRESHOLD);
            expect(orthogonality(transpose(dense(vt)), dtype)).toBeLessThan(THRESHOLD);
            const S = { m: 6, n: 6, d: new Float64Array(36) };
            for (let i = 0; i < 6; i++) S.d[i * 6 + i] = sv[i];
            expect(reconstruction(dense(a), mul(mul(dense(u), S), dense(vt)), dtype)).toBeLessThan(THRESHOLD);
            const valuesOnly = vector(linalg.svd(view, { hermitian: true, computeUV: false }));
            valuesOnly.forEach((v, i) => expect(Math.abs(v - expected[i]) / (6 * e * 3)).toBeLessThan(THRESHOLD));
            expect(linalg.matrixRank(view, { hermitian: true })).toBe(4);
            const p = unchanged([view], () => linalg.pinv(view, { hermitian: true, rtol: dtype === 'float32' ? 1e-4 : 1e-10 }));
            const A = dense(a);
            const X = dense(p);
            expect(norm1(sub(mul(mul(A, X), A), A)) / (norm1(A) * 6 * e * 12)).toBeLessThan(THRESHOLD);
            expect(norm1(sub(mul(mul(X, A), X), X)) / (norm1(X) * 6 * e * 12)).toBeLessThan(THRESHOLD);
          }
          expect(() => linalg.svd(randomStack(dtype, [], 3, 4, rng), { hermitian: true })).toThrow(/^a: expected a square matrix/);
        });

        it('eigh and eigvalsh: residuals, orthogonality, known spectra, uplo, stacks', () => {
          const rng = new Rng(17);
          for (const n of [1, 2, 9, 32]) {
            const lambda = Array.from({ length: n }, () => 4 * rng.signed()).sort((x, y) => x - y);
            const a = symmetric(dtype, lambda, rng);
            for (const [, view] of layouts(a)) {
              const { values, vectors } = unchanged([view], () => linalg.eigh(view));
              expect(values.shape).toEqual([n]);
              expect(vectors.shape).toEqual([n, n]);
              expect(values.dtype).toBe(dtype);
              const w = vector(values);
              const V = dense(vectors);
              const VL = { m: n, n, d: V.d.map((v, idx) => v * w[idx % n]) };
              const A = dense(a);
              expect(norm1(sub(mul(A, V), VL)) / (n * norm1(A) * e)).toBeLessThan(THRESHOLD);
              expect(orthogonality(V, dtype)).toBeLessThan(THRESHOLD);
              for (let i = 0; i < n; i++) {
                if (i > 0) expect(w[i]).toBeGreaterThanOrEqual(w[i - 1]);
                expect(Math.abs(w[i] - lambda[i]) / (n * e * 4)).toBeLessThan(THRESHOLD);
              }
              const only = vector(unchanged([view], () => linalg.eigvalsh(view)));
              for (let i = 0; i < n; i++) expect(Math.abs(only[i] - lambda[i]) / (n * e * 4)).toBeLessThan(THRESHOLD);
            }
          }
          // uplo: only that triangle is read.
          const a = symmetric(dtype, [1, 2, 3], rng);
          const upperOnly = rowMajor(a);
          for (let i = 1; i < 3; i++) for (let j = 0; j < i; j++) upperOnly.data[i * 3 + j] = 50;
          for (let i = 1; i < 3; i++) upperOnly.data[i * 3] = NaN;
          const w = vector(linalg.eigvalsh(upperOnly, { uplo: 'U' }));
          [1, 2, 3].forEach((v, i) => expect(Math.abs(w[i] - v)).toBeLessThan(THRESHOLD * 3 * e * 3));
          const stack = new NDArray(Float64Array.from([...dense(symmetric('float64', [1, 5], rng)).d, ...dense(symmetric('float64', [-2, 0], rng)).d]), [2, 2, 2]);
          const { values } = linalg.eigh(stack);
          expect(values.shape).toEqual([2, 2]);
          [1, 5, -2, 0].forEach((v, i) => expect(Math.abs(values.data[i] - v)).toBeLessThan(1e-13));
        });

        it('eig and eigvals: complex residuals, conjugate pairs, known spectra, stacks', () => {
          const rng = new Rng(18);
          for (const n of [1, 2, 5, 16]) {
            const a = randomStack(dtype, [], n, n, rng, 10);
            for (const [, view] of layouts(a)) {
              const { values, vectors } = unchanged([view], () => linalg.eig(view));
              expect(values.re.shape).toEqual([n]);
              expect(vectors.im.shape).toEqual([n, n]);
              expect(values.re.dtype).toBe(dtype);
              const wr = vector(values.re);
              const wi = vector(values.im);
              const Vr = dense(vectors.re);
              const Vi = dense(vectors.im);
              const A = dense(a);
              // A(Vr + iVi) − (Vr + iVi)·diag(wr + i·wi), real and imaginary parts.
              const AVr = mul(A, Vr);
              const AVi = mul(A, Vi);
              let worst = 0;
              for (let j = 0; j < n; j++) {
                let colNorm = 0;
                let res = 0;
                for (let i = 0; i < n; i++) {
                  const re = AVr.d[i * n + j] - (Vr.d[i * n + j] * wr[j] - Vi.d[i * n + j] * wi[j]);
                  const im = AVi.d[i * n + j] - (Vr.d[i * n + j] * wi[j] + Vi.d[i * n + j] * wr[j]);
                  res += Math.hypot(re, im);
                  colNorm += Vr.d[i * n + j] ** 2 + Vi.d[i * n + j] ** 2;
                }
                expect(Math.abs(Math.sqrt(colNorm) - 1)).toBeLessThan(THRESHOLD * n * e);
                worst = Math.max(worst, res);
              }
              expect(worst / (n * norm1(A) * e)).toBeLessThan(THRESHOLD);
              for (let j = 0; j < n; j++) {
                if (wi[j] > 0) {
                  expect(wi[j + 1]).toBe(-wi[j]);
                  expect(wr[j + 1]).toBe(wr[j]);
                }
              }
              const ev = unchanged([view], () => linalg.eigvals(view));
              const sortKey = (re: Float64Array, im: Float64Array) =>
                Array.from(re, (r, i) => [r, im[i]] as const).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
              const got = sortKey(vector(ev.re), vector(ev.im));
              const ref = sortKey(wr, wi);
              got.forEach(([r, i], idx) => {
                expect(Math.abs(r - ref[idx][0])).toBeLessThan(THRESHOLD * n * e * norm1(A) * 10);
                expect(Math.abs(i - ref[idx][1])).toBeLessThan(THRESHOLD * n * e * norm1(A) * 10);
              });
            }
          }
          // A rotation has eigenvalues ±i; an upper-triangular matrix its diagonal.
          const rot = new NDArray(new Float64Array([0, -1, 1, 0]), [2, 2]);
          const r = linalg.eigvals(dtype === 'float32' ? rot.astype('float32') : rot);
          expect(Array.from(r.re.data)).toEqual([0, 0]);
          expect(Array.from(r.im.data).map(Math.abs)).toEqual([1, 1]);
          const tri = new NDArray(new Float64Array([3, 1, 2, 0, -1, 5, 0, 0, 7]), [3, 3]);
          const t = linalg.eigvals(tri);
          expect(Array.from(t.re.data).sort((x, y) => x - y)).toEqual([-1, 3, 7]);
          const stack = randomStack(dtype, [2], 4, 4, rng);
          const es = linalg.eig(stack);
          expect(es.values.re.shape).toEqual([2, 4]);
          expect(es.vectors.re.shape).toEqual([2, 4, 4]);
        });

        it('lstsq: normal equations (full rank), minimum norm (rank deficient), residuals, rcond', () => {
          const rng = new Rng(19);
          for (const [m, n, nrhs] of [[10, 4, 1], [30, 30, 2], [6, 9, 3], [40, 5, 0]]) {
            const a = randomStack(dtype, [], m, n, rng, 100);
            const b = nrhs === 0 ? randomVector(dtype, [m], rng) : randomStack(dtype, [], m, nrhs, rng);
            const cols = nrhs === 0 ? 1 : nrhs;
            for (const [, view] of layouts(a)) {
              const { x, residuals, rank, s } = unchanged([view, b], () => linalg.lstsq(view, b));
              expect(x.shape).toEqual(nrhs === 0 ? [n] : [n, nrhs]);
              expect(x.dtype).toBe(dtype);
              expect(rank).toBe(Math.min(m, n));
              expect(s.shape).toEqual([Math.min(m, n)]);
              const A = dense(a);
              const X = nrhs === 0 ? { m: n, n: 1, d: vector(x) } : dense(x);
              const B = nrhs === 0 ? { m, n: 1, d: vector(b) } : dense(b);
              const R = sub(B, mul(A, X));
              // Aᵀ(b − Ax) = 0, scaled as LAPACK's least-squares tests scale it.
              const ratio = norm1(mul(transpose(A), R)) / (norm1(A) * (norm1(A) * norm1(X) + norm1(B)) * Math.max(m, n) * e);
              expect(ratio).toBeLessThan(THRESHOLD);
              if (m > n) {
                expect(residuals.shape).toEqual([cols]);
                for (let j = 0; j < cols; j++) {
                  let sq = 0;
                  for (let i = 0; i < m; i++) sq += R.d[i * cols + j] ** 2;
                  expect(Math.abs(residuals.data[j] - sq)).toBeLessThanOrEqual(THRESHOLD * m * e * Math.max(sq, norm1(B) ** 2 * e));
                }
              } else {
                expect(residuals.shape).toEqual([0]);
              }
            }
          }
          // Rank deficient A = B·C (rank 3): x lies in the row space of C and solves the normal equations.
          const m = 12;
          const n = 8;
          const Bf = randomStack(dtype, [], m, 3, rng);
          const Cf = randomStack(dtype, [], 3, n, rng);
          const A = mul(dense(Bf), dense(Cf));
          const a = new NDArray(dtype === 'float32' ? Float32Array.from(A.d) : Float64Array.from(A.d), [m, n]);
          const b = randomVector(dtype, [m], rng);
          const { x, rank, residuals } = linalg.lstsq(a, b);
          expect(rank).toBe(3);
          expect(residuals.shape).toEqual([0]);
          const C = dense(Cf);
          const xv = { m: n, n: 1, d: vector(x) };
          // Projection onto the row space of C: Cᵀ (C Cᵀ)⁻¹ C x, with a naive 3×3 solve.
          const projected = mul(transpose(C), solveSmall(mul(C, transpose(C)), mul(C, xv)));
          expect(frob(sub(xv, projected)) / frob(xv)).toBeLessThan(THRESHOLD * n * e * 100);
          const r = sub({ m, n: 1, d: vector(b) }, mul(dense(a), xv));
          expect(norm1(mul(transpose(dense(a)), r)) / (norm1(dense(a)) ** 2 * frob(xv) * m * e)).toBeLessThan(THRESHOLD * 100);
          // rcond large enough drops singular values: rank falls.
          const graded = rowMajor(fromColumnMajor(matrixWithSingularValues(precisionOf(dtype), 8, 5, [1, 0.5, 0.1, 1e-3, 1e-5], rng), 8, 5));
          expect(linalg.lstsq(graded, randomVector(dtype, [8], rng), { rcond: 1e-2 }).rank).toBe(3);
          expect(linalg.lstsq(graded, randomVector(dtype, [8], rng), { rcond: 1e-4 }).rank).toBe(4);
        });

        it('pinv: the four Moore-Penrose conditions, full rank and rank deficient, stacks', () => {
          const rng = new Rng(20);
          const cases: [number, number, number[]][] = [[5, 5, geometric(5, 10)], [8, 3, geometric(3, 10)], [3, 8, geometric(3, 10)], [7, 6, [1, 0.7, 0.3, 0, 0, 0]]];
          for (const [m, n, sigma] of cases) {
            const a = rowMajor(fromColumnMajor(matrixWithSingularValues(precisionOf(dtype), m, n, sigma, rng), m, n));
            for (const [, view] of layouts(a)) {
              const p = unchanged([view], () => linalg.pinv(view, { rtol: dtype === 'float32' ? 1e-4 : 1e-10 }));
              expect(p.shape).toEqual([n, m]);
              expect(p.dtype).toBe(dtype);
              const A = dense(a);
              const X = dense(p);
              const scale = Math.max(m, n) * e * 10; // κ of the retained part is at most 10 / 0.3
              expect(norm1(sub(mul(mul(A, X), A), A)) / (norm1(A) * scale)).toBeLessThan(THRESHOLD * 4);
              expect(norm1(sub(mul(mul(X, A), X), X)) / (norm1(X) * scale)).toBeLessThan(THRESHOLD * 4);
              const AX = mul(A, X);
              const XA = mul(X, A);
              expect(norm1(sub(AX, transpose(AX))) / scale).toBeLessThan(THRESHOLD * 4);
              expect(norm1(sub(XA, transpose(XA))) / scale).toBeLessThan(THRESHOLD * 4);
            }
          }
          const stack = randomStack(dtype, [2], 4, 3, rng);
          const ps = linalg.pinv(stack);
          expect(ps.shape).toEqual([2, 3, 4]);
          for (let t = 0; t < 2; t++) {
            expect(norm1(sub(mul(dense(ps, t), dense(stack, t)), identity(3))) / (4 * e * 10)).toBeLessThan(THRESHOLD);
          }
        });

        it('matrixRank: constructed ranks, tol, vectors, stacks', () => {
          const rng = new Rng(21);
          for (const [m, n, r] of [[6, 6, 6], [6, 6, 3], [10, 4, 2], [4, 10, 1], [5, 5, 0]]) {
            const sigma = Array.from({ length: Math.min(m, n) }, (_, i) => (i < r ? 1 + i : 0));
            const a = rowMajor(fromColumnMajor(matrixWithSingularValues(precisionOf(dtype), m, n, sigma, rng), m, n));
            for (const [, view] of layouts(a)) expect(unchanged([view], () => linalg.matrixRank(view))).toBe(r);
          }
          const graded = rowMajor(fromColumnMajor(matrixWithSingularValues(precisionOf(dtype), 5, 5, [1, 1e-1, 1e-2, 1e-3, 1e-4], rng), 5, 5));
          expect(linalg.matrixRank(graded, { tol: 5e-3 })).toBe(3);
          expect(linalg.matrixRank(graded, { rtol: 5e-2 })).toBe(2);
          expect(linalg.matrixRank(new NDArray(new Float64Array([0, 0, 0]), [3]))).toBe(0);
          expect(linalg.matrixRank(new NDArray(new Float64Array([0, 2, 0]), [3]))).toBe(1);
          const stack = randomStack(dtype, [3], 4, 4, rng);
          const ranks = linalg.matrixRank(stack) as NDArray;
          expect(Array.from(ranks.data)).toEqual([4, 4, 4]);
        });

        it('norm: vector and matrix orders against naive definitions, axes, keepdims', () => {
          const rng = new Rng(22);
          const v = randomVector(dtype, [7], rng);
          const x = vector(v);
          const abs = Array.from(x, Math.abs);
          const tol = (value: number) => THRESHOLD * 7 * e * Math.max(1, Math.abs(value));
          const naiveVector: [number | null, number][] = [
            [null, Math.sqrt(abs.reduce((s, t) => s + t * t, 0))],
            [2, Math.sqrt(abs.reduce((s, t) => s + t * t, 0))],
            [1, abs.reduce((s, t) => s + t, 0)],
            [Infinity, Math.max(...abs)],
            [-Infinity, Math.min(...abs)],
            [0, abs.filter((t) => t !== 0).length],
            [3, abs.reduce((s, t) => s + t ** 3, 0) ** (1 / 3)],
            [0.5, abs.reduce((s, t) => s + t ** 0.5, 0) ** 2],
            [-1, 1 / abs.reduce((s, t) => s + 1 / t, 0)],
          ];
          for (const [ord, expected] of naiveVector) {
            const got = unchanged([v], () => linalg.norm(v, ord));
            expect(Math.abs(got - expected)).toBeLessThan(tol(expected));
          }
          const sigma = [3, 2, 0.5];
          const a = rowMajor(fromColumnMajor(matrixWithSingularValues(precisionOf(dtype), 4, 3, sigma, rng), 4, 3));
          const A = dense(a);
          const colSums = [0, 1, 2].map((j) => [0, 1, 2, 3].reduce((s, i) => s + Math.abs(A.d[i * 3 + j]), 0));
          const rowSums = [0, 1, 2, 3].map((i) => [0, 1, 2].reduce((s, j) => s + Math.abs(A.d[i * 3 + j]), 0));
          const naiveMatrix: [number | 'fro' | 'nuc' | null, number][] = [
            [null, frob(A)], ['fro', frob(A)], ['nuc', 5.5], [2, 3], [-2, 0.5],
            [1, Math.max(...colSums)], [-1, Math.min(...colSums)],
            [Infinity, Math.max(...rowSums)], [-Infinity, Math.min(...rowSums)],
          ];
          for (const [, view] of layouts(a)) {
            for (const [ord, expected] of naiveMatrix) {
              const got = unchanged([view], () => linalg.norm(view, ord));
              expect(Math.abs(got - expected)).toBeLessThan(THRESHOLD * 4 * e * 4);
            }
          }
          // Axes: vector norms along an axis, matrix norms over an axis pair, keepdims.
          const t3 = randomVector(dtype, [2, 3, 4], rng);
          const rows = linalg.norm(t3, 2, 1) as NDArray;
          expect(rows.shape).toEqual([2, 4]);
          for (let i = 0; i < 2; i++) {
            for (let k = 0; k < 4; k++) {
              const naive = Math.hypot(...[0, 1, 2].map((j) => at(t3, [i, j, k])));
              expect(Math.abs(at(rows, [i, k]) - naive)).toBeLessThan(THRESHOLD * 3 * e);
            }
          }
          const kept = linalg.norm(t3, 1, -1, { keepdims: true }) as NDArray;
          expect(kept.shape).toEqual([2, 3, 1]);
          expect(Math.abs(at(kept, [1, 2, 0]) - [0, 1, 2, 3].reduce((s, k) => s + Math.abs(at(t3, [1, 2, k])), 0))).toBeLessThan(THRESHOLD * 4 * e);
          const mats = linalg.norm(t3, 'fro', [2, 1]) as NDArray;
          expect(mats.shape).toEqual([2]);
          expect(Math.abs(mats.data[1] - Math.hypot(...Array.from({ length: 12 }, (_, q) => at(t3, [1, q % 3, Math.floor(q / 3)]))))).toBeLessThan(THRESHOLD * 12 * e);
          const inf = linalg.norm(t3, Infinity, [1, 2]) as NDArray;
          const naiveInf = Math.max(...[0, 1, 2].map((j) => [0, 1, 2, 3].reduce((s, k) => s + Math.abs(at(t3, [0, j, k])), 0)));
          expect(Math.abs(inf.data[0] - naiveInf)).toBeLessThan(THRESHOLD * 4 * e);
          // No axis, no ord: the 2-norm of everything, any number of dimensions; keepdims keeps every axis.
          expect(Math.abs(linalg.norm(t3) - frob(Float64Array.from(t3.data)))).toBeLessThan(THRESHOLD * 24 * e);
          expect((linalg.norm(t3, null, null, { keepdims: true }) as NDArray).shape).toEqual([1, 1, 1]);
          // The array API's vectorNorm (any set of axes) and matrixNorm (last two axes).
          expect(Math.abs((linalg.vectorNorm(t3) as number) - frob(Float64Array.from(t3.data)))).toBeLessThan(THRESHOLD * 24 * e);
          const over02 = linalg.vectorNorm(t3, { axis: [0, 2], ord: 1 }) as NDArray;
          expect(over02.shape).toEqual([3]);
          let naive02 = 0;
          for (let i = 0; i < 2; i++) for (let k = 0; k < 4; k++) naive02 += Math.abs(at(t3, [i, 1, k]));
          expect(Math.abs(over02.data[1] - naive02)).toBeLessThan(THRESHOLD * 8 * e);
          const m1 = linalg.matrixNorm(t3, { ord: 1, keepdims: true }) as NDArray;
          expect(m1.shape).toEqual([2, 1, 1]);
          expect(m1.data[1]).toBe((linalg.norm(t3, 1, [-2, -1]) as NDArray).data[1]);
          // No overflow or underflow in the 2-norm.
          const huge = new NDArray(new Float64Array([3e300, 4e300]), [2]);
          expect(linalg.norm(huge)).toBeCloseTo(5e300, -288);
          const tiny = new NDArray(new Float64Array([3e-300, 4e-300]), [2]);
          expect(linalg.norm(tiny) / 5e-300).toBeCloseTo(1, 12);
        });

        it('cond: known condition numbers in every order', () => {
          const rng = new Rng(23);
          const a = rowMajor(fromColumnMajor(matrixWithSingularValues(precisionOf(dtype), 6, 6, geometric(6, 1e3), rng), 6, 6));
          const c2 = unchanged([a], () => linalg.cond(a)) as number;
          expect(Math.abs(c2 - 1e3) / 1e3).toBeLessThan(THRESHOLD * 6 * e * 1e3);
          expect(Math.abs((linalg.cond(a, -2) as number) - 1e-3) / 1e-3).toBeLessThan(THRESHOLD * 6 * e * 1e3);
          for (const p of ['fro', 'nuc', 1, -1, Infinity, -Infinity] as const) {
            const got = unchanged([a], () => linalg.cond(a, p)) as number;
            const expected = linalg.norm(a, p) * linalg.norm(linalg.inv(a), p);
            expect(Math.abs(got - expected) / expected).toBeLessThan(THRESHOLD * 6 * e * 1e3);
          }
          const singular = new NDArray(new Float64Array([1, 2, 2, 4]), [2, 2]);
          expect(linalg.cond(singular, 1)).toBe(Infinity);
          expect(linalg.cond(new NDArray(new Float64Array(4), [2, 2]))).toBe(Infinity);
          const rect = randomStack(dtype, [], 5, 3, rng, 20);
          expect(Math.abs((linalg.cond(rect) as number) - 20) / 20).toBeLessThan(THRESHOLD * 5 * e * 20);
          const stack = randomStack(dtype, [2], 3, 3, rng, 7);
          const cs = linalg.cond(stack) as NDArray;
          expect(cs.shape).toEqual([2]);
          for (const v of cs.data) expect(Math.abs(v - 7) / 7).toBeLessThan(THRESHOLD * 3 * e * 7);
        });

        it('matrixPower, multiDot and trace against naive products', () => {
          const rng = new Rng(24);
          const a = randomStack(dtype, [], 4, 4, rng, 3);
          const A = dense(a);
          let naive = identity(4);
          for (let p = 1; p <= 7; p++) {
            naive = mul(naive, A);
            const got = unchanged([a], () => linalg.matrixPower(a, p));
            expect(got.dtype).toBe(dtype);
            expect(norm1(sub(dense(got), naive)) / (p * norm1(naive) * 4 * e * 3 ** p)).toBeLessThan(THRESHOLD);
          }
          expect(Array.from(linalg.matrixPower(a, 0).data)).toEqual(Array.from(identity(4).d));
          const m3 = linalg.matrixPower(a, -3);
          const p3 = linalg.matrixPower(a, 3);
          expect(norm1(sub(mul(dense(m3), dense(p3)), identity(4))) / (4 * e * 3 ** 6)).toBeLessThan(THRESHOLD);
          const stack = randomStack(dtype, [2], 3, 3, rng);
          const ps = linalg.matrixPower(stack, 2);
          expect(ps.shape).toEqual([2, 3, 3]);
          expect(norm1(sub(dense(ps, 1), mul(dense(stack, 1), dense(stack, 1)))) / (3 * e * 10)).toBeLessThan(THRESHOLD);

          const shapes = [[3, 10], [10, 2], [2, 7], [7, 5]];
          const chain = shapes.map(([m, n]) => randomStack(dtype, [], m, n, rng));
          const got = unchanged(chain, () => linalg.multiDot(chain)) as NDArray;
          expect(got.shape).toEqual([3, 5]);
          const ref = chain.map((c) => dense(c)).reduce(mul);
          expect(norm1(sub(dense(got), ref)) / (norm1(ref) * 10 * e * 10)).toBeLessThan(THRESHOLD);
          const v1 = randomVector(dtype, [3], rng);
          const v2 = randomVector(dtype, [5], rng);
          const both = linalg.multiDot([v1, ...chain, v2]) as number;
          expect(typeof both).toBe('number');
          const refBoth = mul(mul({ m: 1, n: 3, d: vector(v1) }, ref), { m: 5, n: 1, d: vector(v2) }).d[0];
          expect(Math.abs(both - refBoth)).toBeLessThan(THRESHOLD * 10 * e * 100);
          expect((linalg.multiDot([v1, chain[0]]) as NDArray).shape).toEqual([10]);
          expect((linalg.multiDot([chain[3], v2]) as NDArray).shape).toEqual([7]);

          const sq = randomStack(dtype, [], 4, 5, rng);
          const S = dense(sq);
          expect(Math.abs((linalg.trace(sq) as number) - [0, 1, 2, 3].reduce((s, i) => s + S.d[i * 5 + i], 0))).toBeLessThan(10 * e);
          expect(Math.abs((linalg.trace(sq, { offset: 2 }) as number) - (S.d[2] + S.d[8] + S.d[14]))).toBeLessThan(10 * e);
          expect(Math.abs((linalg.trace(sq, { offset: -3 }) as number) - S.d[15])).toBeLessThan(10 * e);
          expect((linalg.trace(randomStack(dtype, [2, 3], 2, 2, rng)) as NDArray).shape).toEqual([2, 3]);
        });
      });
    }

    it('matrixTranspose, diagonal, tensorinv and tensorsolve', () => {
      const rng = new Rng(32);
      const s = randomStack('float64', [2], 3, 4, rng);
      const t = unchanged([s], () => linalg.matrixTranspose(s));
      expect(t.shape).toEqual([2, 4, 3]);
      expect(at(t, [1, 3, 2])).toBe(at(s, [1, 2, 3]));
      for (const offset of [0, 2, -1, 5]) {
        const d = unchanged([s], () => linalg.diagonal(s, { offset }));
        const len = Math.max(0, offset >= 0 ? Math.min(3, 4 - offset) : Math.min(3 + offset, 4));
        expect(d.shape).toEqual([2, len]);
        for (let i = 0; i < len; i++) {
          const [r, c] = offset >= 0 ? [i, i + offset] : [i - offset, i];
          expect(at(d, [1, i])).toBe(at(s, [1, r, c]));
        }
      }
      // tensorinv: [2, 3, 6] with ind 2 is a 6×6 map; its inverse [6, 2, 3] composes to the identity.
      const a = randomStack('float64', [], 6, 6, rng);
      const a3 = new NDArray(Float64Array.from(dense(a).d), [2, 3, 6]);
      const ia = unchanged([a3], () => linalg.tensorinv(a3));
      expect(ia.shape).toEqual([6, 2, 3]);
      const product = mul(dense(a), { m: 6, n: 6, d: Float64Array.from(rowMajor(ia).data) });
      expect(norm1(sub(product, identity(6))) / (6 * 10 * 2 ** -52 * 10)).toBeLessThan(THRESHOLD);
      // tensorsolve: tensordot(a, x, 1) = b with a [2, 3, 6] and b [2, 3] gives x [6].
      const b = randomVector('float64', [2, 3], rng);
      const x = unchanged([a3, b], () => linalg.tensorsolve(a3, b));
      expect(x.shape).toEqual([6]);
      const r = sub(mul(dense(a), { m: 6, n: 1, d: vector(x) }), { m: 6, n: 1, d: Float64Array.from(b.data) });
      expect(norm1(r) / (norm1(dense(a)) * frob(vector(x)) * 6 * 2 ** -52)).toBeLessThan(THRESHOLD);
      // axes moves an axis of a to the end first: a' = a with axis 0 last.
      const moved = new NDArray(a3.data, [2, 6, 3], [18, 1, 6]); // moved[i, k, j] = a3[i, j, k]
      const xm = linalg.tensorsolve(moved, b, { axes: [1] });
      expect(Array.from(xm.data).every((v, i) => Math.abs(v - x.data[i]) < 1e-12)).toBe(true);
      expect(() => linalg.tensorinv(new NDArray(new Float64Array(6), [2, 3]))).toThrow(/^a: /);
      expect(() => linalg.tensorsolve(a3, randomVector('float64', [6], rng))).toThrow(LinAlgError);
    });

    it('results never share memory with the inputs', () => {
      const rng = new Rng(34);
      const a = randomStack('float64', [], 3, 3, rng);
      const spd = symmetric('float64', [1, 2, 3], rng);
      const b = randomVector('float64', [3], rng);
      const results: NDArray[] = [
        linalg.solve(a, b), linalg.inv(a), linalg.cholesky(spd), linalg.qr(a).q, linalg.qr(a).r,
        linalg.svd(a).u, linalg.svd(a).vt, linalg.eigh(spd).vectors, linalg.eig(a).vectors.re, linalg.lstsq(a, b).x,
        linalg.pinv(a), linalg.matrixPower(a, 1), linalg.matrixPower(a, 0), linalg.multiDot([a, a]) as NDArray,
        linalg.diagonal(a), linalg.tensorinv(a, { ind: 1 }),
      ];
      for (const r of results) {
        expect(r.data.buffer).not.toBe(a.data.buffer);
        expect(r.data.buffer).not.toBe(spd.data.buffer);
        expect(r.isContiguous('C')).toBe(true);
      }
    });

    it('mixed float32/float64 inputs compute in float64', () => {
      const rng = new Rng(30);
      const a = randomStack('float32', [], 4, 4, rng);
      const b = randomVector('float64', [4], rng);
      expect(linalg.solve(a, b).dtype).toBe('float64');
      expect(linalg.lstsq(a, b).x.dtype).toBe('float64');
      expect(linalg.multiDot([a, a.astype('float64')])).toHaveProperty('dtype', 'float64');
    });

    it('nested arrays of numbers are accepted', () => {
      expect(linalg.det([[1, 2], [3, 4]])).toBeCloseTo(-2, 12);
      expect(Array.from(linalg.solve([[2, 0], [0, 4]], [2, 2]).data)).toEqual([1, 0.5]);
    });

    it('stacks given as views with permuted leading axes and transposed matrices', () => {
      const rng = new Rng(31);
      const s = randomStack('float64', [2, 3], 4, 4, rng);
      // v[i, j] = s[j, i]ᵀ, through strides alone.
      const v = new NDArray(s.data, [3, 2, 4, 4], [s.strides[1], s.strides[0], s.strides[3], s.strides[2]], s.offset);
      const dv = unchanged([v], () => linalg.det(v)) as NDArray;
      const ds = linalg.det(s) as NDArray;
      const iv = unchanged([v], () => linalg.inv(v));
      const is = linalg.inv(s);
      for (let i = 0; i < 3; i++) {
        for (let j = 0; j < 2; j++) {
          expect(Math.abs(at(dv, [i, j]) - at(ds, [j, i]))).toBeLessThan(1e-12 * Math.abs(at(ds, [j, i])) + 1e-14);
          for (let p = 0; p < 4; p++) {
            for (let q = 0; q < 4; q++) expect(Math.abs(at(iv, [i, j, p, q]) - at(is, [j, i, q, p]))).toBeLessThan(1e-10);
          }
        }
      }
      const sv = linalg.svdvals(v);
      const ss = linalg.svdvals(s);
      expect(Math.abs(at(sv, [2, 1, 0]) - at(ss, [1, 2, 0]))).toBeLessThan(1e-13);
    });

    it('non-finite input ends in NaN results or a LinAlgError, never a hang or another error', () => {
      const values = [NaN, Infinity, -Infinity];
      for (const bad of values) {
        const a = new NDArray(new Float64Array([1, 2, bad, 4, 5, 6, 7, 8, 10]), [3, 3]);
        const b = new NDArray(new Float64Array([1, 2, 3]), [3]);
        const calls: (() => unknown)[] = [
          () => linalg.solve(a, b), () => linalg.inv(a), () => linalg.det(a), () => linalg.slogdet(a),
          () => linalg.cholesky(a), () => linalg.qr(a), () => linalg.svd(a), () => linalg.eigh(a), () => linalg.eig(a),
          () => linalg.lstsq(a, b), () => linalg.pinv(a), () => linalg.matrixRank(a), () => linalg.norm(a, 2),
          () => linalg.norm(a), () => linalg.cond(a), () => linalg.cond(a, 1), () => linalg.matrixPower(a, 3),
        ];
        for (const call of calls) {
          try {
            unchanged([a, b], call);
          } catch (error) {
            expect(error).toBeInstanceOf(LinAlgError);
          }
        }
      }
    });

    it('empty inputs follow numpy', () => {
      const empty = (shape: number[]) => new NDArray(new Float64Array(0), shape);
      expect(linalg.inv(empty([0, 0])).shape).toEqual([0, 0]);
      expect(linalg.det(empty([0, 0]))).toBe(1);
      expect(linalg.slogdet(empty([0, 0]))).toEqual({ sign: 1, logabsdet: 0 });
      expect((linalg.det(empty([2, 0, 0])) as NDArray).toArray()).toEqual([1, 1]);
      expect(linalg.inv(empty([0, 3, 3])).shape).toEqual([0, 3, 3]);
      expect(linalg.solve(empty([0, 0]), empty([0])).shape).toEqual([0]);
      expect(linalg.cholesky(empty([0, 0])).shape).toEqual([0, 0]);
      const full = linalg.svd(empty([0, 3]));
      expect(full.u.shape).toEqual([0, 0]);
      expect(full.s.shape).toEqual([0]);
      expect(full.vt.toArray()).toEqual([[1, 0, 0], [0, 1, 0], [0, 0, 1]]);
      const thin = linalg.svd(empty([3, 0]), { fullMatrices: false });
      expect(thin.u.shape).toEqual([3, 0]);
      expect(thin.vt.shape).toEqual([0, 0]);
      const q = linalg.qr(empty([3, 0]), { mode: 'complete' });
      expect(q.q.toArray()).toEqual([[1, 0, 0], [0, 1, 0], [0, 0, 1]]);
      expect(q.r.shape).toEqual([3, 0]);
      expect(linalg.qr(empty([0, 4])).r.shape).toEqual([0, 4]);
      expect(linalg.eigh(empty([0, 0])).values.shape).toEqual([0]);
      expect(linalg.eig(empty([0, 0])).vectors.re.shape).toEqual([0, 0]);
      expect(linalg.pinv(empty([0, 3])).shape).toEqual([3, 0]);
      expect(linalg.matrixPower(empty([0, 0]), 3).shape).toEqual([0, 0]);
      const ls = linalg.lstsq(empty([0, 2]), empty([0]));
      expect(ls.x.toArray()).toEqual([0, 0]);
      expect(ls.rank).toBe(0);
      const tall = linalg.lstsq(empty([3, 0]), new NDArray(new Float64Array([1, 2, 2]), [3]));
      expect(tall.x.shape).toEqual([0]);
      expect(tall.residuals.toArray()).toEqual([9]);
      expect(linalg.norm(empty([0]))).toBe(0);
      expect(linalg.norm(empty([0]), Infinity)).toBe(0);
      expect(() => linalg.norm(empty([0]), -Infinity)).toThrow(/^ord: /);
      for (const ord of [1, -1, 2, -2, Infinity, -Infinity, 'fro', 'nuc'] as const) expect(linalg.norm(empty([0, 3]), ord)).toBe(0);
      expect(linalg.trace(empty([0, 0]))).toBe(0);
    });

    it('errors: kinds and messages name the argument', () => {
      const rect = new NDArray(new Float64Array(12), [3, 4]);
      const sq = new NDArray(new Float64Array([1, 2, 3, 4]), [2, 2]);
      expect(() => linalg.inv(rect)).toThrow(new RangeError('a: expected a square matrix (last two dimensions equal), got shape [3, 4]'));
      expect(() => linalg.det(new NDArray(new Float64Array(3), [3]))).toThrow(RangeError);
      expect(() => linalg.det(new NDArray(new Float64Array(3), [3]))).toThrow(/^a: expected an array of at least two dimensions/);
      expect(() => linalg.inv('x' as never)).toThrow(TypeError);
      expect(() => linalg.inv(null as never)).toThrow(/^a: /);
      expect(() => linalg.solve(sq, new NDArray(new Float64Array(3), [3]))).toThrow(/^b: expected 2 rows/);
      expect(() => linalg.solve(sq, { length: 2 } as never)).toThrow(TypeError);
      expect(() => linalg.qr(sq, { mode: 'raw' as never })).toThrow(/^options.mode/);
      expect(() => linalg.eigh(sq, { uplo: 'X' as never })).toThrow(RangeError);
      expect(() => linalg.norm(sq, 3)).toThrow(/^ord: /);
      expect(() => linalg.norm(new NDArray(new Float64Array(3), [3]), 'fro')).toThrow(/^ord: /);
      expect(() => linalg.norm(sq, null, 2)).toThrow(/^axis: /);
      expect(() => linalg.norm(new NDArray(new Float64Array(8), [2, 2, 2]), 1)).toThrow(/^x: /);
      expect(() => linalg.matrixPower(sq, 1.5)).toThrow(TypeError);
      expect(() => linalg.multiDot([sq])).toThrow(/^arrays: /);
      expect(() => linalg.multiDot([sq, rect.T, sq])).toThrow(/^arrays\[1\]: /);
      expect(() => linalg.lstsq(new NDArray(new Float64Array(8), [2, 2, 2]), sq)).toThrow(/^a: /);
      expect(() => linalg.cholesky(sq, { upper: 'yes' as never })).toThrow(TypeError);
      const singular = new NDArray(new Float64Array([1, 2, 2, 4]), [2, 2]);
      expect(() => linalg.inv(singular)).toThrow(new LinAlgError('Singular matrix'));
      expect(() => linalg.solve(singular, new NDArray(new Float64Array([1, 1]), [2]))).toThrow(new LinAlgError('Singular matrix'));
      expect(() => linalg.matrixPower(singular, -1)).toThrow(LinAlgError);
      expect(() => linalg.cholesky(new NDArray(new Float64Array([1, 2, 2, 1]), [2, 2]))).toThrow(new LinAlgError('Matrix is not positive definite'));
      const bad = new NDArray(new Float64Array([1, 0, NaN, 1]), [2, 2]); // NaN in the lower triangle, which eigh reads
      for (const f of [linalg.svd, linalg.eig, linalg.eigh, linalg.eigvals, linalg.pinv, linalg.svdvals] as ((a: NDArray) => unknown)[]) {
        expect(() => unchanged([bad], () => f(bad))).toThrow(new LinAlgError('Array must not contain infs or NaNs'));
      }
      const inf = new NDArray(new Float64Array([1, Infinity, 0, 1]), [2, 2]);
      expect(() => linalg.lstsq(inf, new NDArray(new Float64Array([1, 1]), [2]))).toThrow(LinAlgError);
      expect(() => linalg.cond(new NDArray(new Float64Array(0), [0, 0]))).toThrow(LinAlgError);
    });
  });
}

/** Solves a small dense system by Gaussian elimination with partial pivoting (test reference). */
function solveSmall(a: Dense, b: Dense): Dense {
  const n = a.m;
  const m = a.d.slice();
  const x = b.d.slice();
  const k = b.n;
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let i = c + 1; i < n; i++) if (Math.abs(m[i * n + c]) > Math.abs(m[p * n + c])) p = i;
    for (let j = 0; j < n; j++) [m[c * n + j], m[p * n + j]] = [m[p * n + j], m[c * n + j]];
    for (let j = 0; j < k; j++) [x[c * k + j], x[p * k + j]] = [x[p * k + j], x[c * k + j]];
    for (let i = c + 1; i < n; i++) {
      const f = m[i * n + c] / m[c * n + c];
      for (let j = c; j < n; j++) m[i * n + j] -= f * m[c * n + j];
      for (let j = 0; j < k; j++) x[i * k + j] -= f * x[c * k + j];
    }
  }
  for (let c = n - 1; c >= 0; c--) {
    for (let j = 0; j < k; j++) {
      let s = x[c * k + j];
      for (let i = c + 1; i < n; i++) s -= m[c * n + i] * x[i * k + j];
      x[c * k + j] = s / m[c * n + c];
    }
  }
  return { m: n, n: k, d: x };
}
