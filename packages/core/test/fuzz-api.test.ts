/**
 * Seeded random calls through the public API (products, linalg, elementwise functions) with
 * random shapes (right and wrong), dtypes, layouts (steps, negative steps, transposes, zero
 * strides, offsets), detached buffers, non-finite values and junk arguments and options. Every
 * call must either throw one of the documented error classes (TypeError and RangeError with a
 * message that starts with the argument it names, LinAlgError, BackendError) or return a result
 * that passes a cheap check against mathematics (shape and dtype always; values, residuals or
 * reconstructions when the inputs are finite); and no input may change. Run against every
 * backend available here (openblas required in CI).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadOpenblas } from '@polyblas/backend-openblas';
import { descriptor } from '@polyblas/backend-wasm';
import * as core from '../src/index.js';
import { BackendError, LinAlgError, NDArray, add, array, divide, dot, linalg, matmul, multiply, setBackend, sqrt, subtract, zeros } from '../src/index.js';
import { snapshotInput } from '../src/testing/bad-input.js';
import { Rng } from '../src/testing/util.js';

const CALLS = 10_000;

/* ---------------------------------------------------------------- dense reading of results */

interface Dense {
  readonly shape: readonly number[];
  readonly v: number[];
  readonly dtype: 'float64' | 'float32';
}

/** The values of an NDArray read through its strides, row-major. */
function dense(a: NDArray): Dense {
  const v: number[] = [];
  const index = new Array<number>(a.ndim).fill(0);
  for (let k = 0; k < a.size; k++) {
    let p = a.offset;
    for (let d = 0; d < a.ndim; d++) p += index[d] * a.strides[d];
    v.push(a.data[p]);
    for (let d = a.ndim - 1; d >= 0; d--) {
      if (++index[d] < a.shape[d]) break;
      index[d] = 0;
    }
  }
  return { shape: [...a.shape], v, dtype: a.dtype };
}

/** What array() makes of an accepted input (NDArrays pass through). */
function asDense(value: unknown): Dense {
  return dense(value instanceof NDArray ? value : array(value as number[]));
}

const epsOf = (dtype: string): number => (dtype === 'float32' ? 2 ** -23 : 2 ** -52);
const finite = (d: Dense): boolean => d.v.every(Number.isFinite);
const size = (shape: readonly number[]): number => shape.reduce((p, n) => p * n, 1);
const maxAbs = (v: readonly number[]): number => v.reduce((m, x) => Math.max(m, Math.abs(x)), 0);

/** Matrix t of a stack [..., r, c] as row-major values. */
function matrix(d: Dense, t: number): { r: number; c: number; v: number[] } {
  const r = d.shape[d.shape.length - 2];
  const c = d.shape[d.shape.length - 1];
  return { r, c, v: d.v.slice(t * r * c, (t + 1) * r * c) };
}

function mul(a: readonly number[], b: readonly number[], m: number, k: number, n: number): number[] {
  const c = new Array<number>(m * n).fill(0);
  for (let i = 0; i < m; i++) for (let p = 0; p < k; p++) for (let j = 0; j < n; j++) c[i * n + j] += a[i * k + p] * b[p * n + j];
  return c;
}

function transpose(a: readonly number[], m: number, n: number): number[] {
  const t = new Array<number>(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) t[j * m + i] = a[i * n + j];
  return t;
}

/** ‖x − y‖∞ ≤ tol, with a message. */
function close(x: readonly number[], y: readonly number[], tol: number, what: string): void {
  expect(x.length, what).toBe(y.length);
  let worst = 0;
  for (let i = 0; i < x.length; i++) worst = Math.max(worst, Math.abs(x[i] - y[i]));
  expect(worst, `${what}: error ${worst} above ${tol}`).toBeLessThanOrEqual(tol);
}

/** numpy's broadcast of two shapes, or null. */
function broadcastShape(a: readonly number[], b: readonly number[]): number[] | null {
  const n = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = a[a.length - n + i] ?? 1;
    const y = b[b.length - n + i] ?? 1;
    if (x !== y && x !== 1 && y !== 1) return null;
    out.push(x === 1 ? y : x);
  }
  return out;
}

/** The value of a broadcast operand at a full index of `shape`. */
function at(d: Dense, shape: readonly number[], index: readonly number[]): number {
  let p = 0;
  const lead = shape.length - d.shape.length;
  for (let k = 0; k < d.shape.length; k++) p = p * d.shape[k] + (d.shape[k] === 1 ? 0 : index[lead + k]);
  return d.v[p];
}

function* indices(shape: readonly number[]): Generator<number[]> {
  const n = size(shape);
  const index = new Array<number>(shape.length).fill(0);
  for (let k = 0; k < n; k++) {
    yield index;
    for (let d = shape.length - 1; d >= 0; d--) {
      if (++index[d] < shape[d]) break;
      index[d] = 0;
    }
  }
}

/* ---------------------------------------------------------------- random inputs */

type DType = 'float64' | 'float32';

/** A view of fresh random storage with random strides (permuted axes, gaps, reversals, zeros) and offset. */
function stridedView(rng: Rng, shape: number[], dtype: DType, allowZero: boolean): NDArray {
  const nd = shape.length;
  const order = Array.from({ length: nd }, (_, i) => i).sort(() => rng.next() - 0.5);
  const strides = new Array<number>(nd).fill(0);
  let step = 1;
  for (const axis of order) {
    const gap = rng.int(1, 2);
    strides[axis] = allowZero && shape[axis] > 1 && rng.next() < 0.1 ? 0 : step * gap * (rng.next() < 0.3 ? -1 : 1);
    step *= gap * Math.max(shape[axis], 1);
  }
  let lo = 0;
  let hi = 0;
  if (size(shape) > 0) {
    for (let k = 0; k < nd; k++) {
      const span = (shape[k] - 1) * strides[k];
      if (span < 0) lo += span;
      else hi += span;
    }
  }
  const offset = -lo + rng.int(0, 2);
  const length = size(shape) === 0 ? offset + rng.int(0, 2) : offset + hi + 1 + rng.int(0, 2);
  const data = dtype === 'float32' ? new Float32Array(length) : new Float64Array(length);
  for (let i = 0; i < data.length; i++) data[i] = rng.normal();
  return new NDArray(data, shape, strides, offset);
}

const JUNK: (() => unknown)[] = [
  () => null,
  () => undefined,
  () => 'abc',
  () => ({}),
  () => new Int32Array(4),
  () => [[1, 2], [3]],
  // eslint-disable-next-line no-sparse-arrays
  () => [[1, , 2], [3, 4, 5]],
  () => [['1', '2'], ['3', '4']],
  () => [[true, false], [false, true]],
  () => [[1n, 2n], [3n, 4n]],
  () => [[{}, 1], [1, 1]],
  () => Symbol('x'),
  () => () => 1,
];

function detachedNd(shape: number[]): NDArray {
  const a = zeros(shape);
  structuredClone(a.data.buffer, { transfer: [a.data.buffer as ArrayBuffer] });
  return a;
}

/** An operand meant to have `shape` (sometimes junk, detached, nested or a typed array instead). */
function operand(rng: Rng, shape: number[], options: { allowZero?: boolean; spd?: boolean } = {}): unknown {
  const r = rng.next();
  if (r < 0.03) return JUNK[rng.int(0, JUNK.length - 1)]();
  if (r < 0.06) return detachedNd(shape);
  const dtype: DType = rng.next() < 0.3 ? 'float32' : 'float64';
  const a = stridedView(rng, shape, dtype, options.allowZero ?? true);
  if (options.spd && shape.length >= 2 && shape[shape.length - 1] === shape[shape.length - 2]) makeSpd(a);
  if (rng.next() < 0.04 && a.size > 0) {
    // One non-finite element somewhere.
    const index = a.shape.map((n) => rng.int(0, n - 1));
    a.set(index, [NaN, Infinity, -Infinity][rng.int(0, 2)]);
  }
  if (r < 0.16) return a.toArray();
  if (r < 0.2 && a.ndim === 1) return a.copy().data;
  return a;
}

/** Overwrites each matrix of a (its own storage) with B·Bᵀ + n·I, symmetric positive definite. */
function makeSpd(a: NDArray): void {
  const n = a.shape[a.ndim - 1];
  const d = dense(a);
  const count = size(a.shape.slice(0, -2));
  if (a.strides.some((s, k) => s === 0 && a.shape[k] > 1)) return;
  for (let t = 0; t < count; t++) {
    const b = d.v.slice(t * n * n, (t + 1) * n * n);
    const s = mul(b, transpose(b, n, n), n, n, n);
    const lead: number[] = [];
    let rest = t;
    for (let k = a.ndim - 3; k >= 0; k--) {
      lead[k] = rest % a.shape[k];
      rest = Math.floor(rest / a.shape[k]);
    }
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a.set([...lead, i, j], s[i * n + j] + (i === j ? n : 0));
  }
}

/** A shape for a matrix argument: usually right (square when asked), sometimes wrong. */
function matrixShape(rng: Rng, squareWanted: boolean): number[] {
  const r = rng.next();
  const n = rng.int(0, 5);
  if (r < 0.06) return [];
  if (r < 0.14) return [rng.int(0, 5)];
  const m = squareWanted && rng.next() < 0.85 ? n : rng.int(0, 5);
  if (r < 0.3) return [rng.int(0, 3), m, n];
  return [m, n];
}

/** An `out` array: contiguous, or a view with permuted, gapped or reversed axes (never repeated elements). */
function outArray(rng: Rng, shape: number[], dtype: DType): NDArray {
  return rng.next() < 0.5 ? zeros(shape, { dtype }) : stridedView(rng, shape, dtype, false);
}

/** Options: usually none or valid ones, sometimes an unknown name, a wrong value or a non-object. */
function options(rng: Rng, valid: Record<string, readonly unknown[]>): unknown {
  const r = rng.next();
  if (r < 0.5) return undefined;
  if (r < 0.53) return [null, 5, 'x', [1]][rng.int(0, 3)];
  const o: Record<string, unknown> = {};
  for (const [key, choices] of Object.entries(valid)) if (rng.next() < 0.6) o[key] = choices[rng.int(0, choices.length - 1)];
  if (r < 0.6) o[['foo', 'axes', 'full_matrices', 'dtype'][rng.int(0, 3)]] = 1;
  else if (r < 0.66) {
    const keys = Object.keys(valid);
    if (keys.length > 0) o[keys[rng.int(0, keys.length - 1)]] = ['nope', 1.5, {}, NaN, -1][rng.int(0, 4)];
  }
  return o;
}

/* ---------------------------------------------------------------- the calls */

interface Call {
  readonly name: string;
  readonly args: unknown[];
  /** Indexes of args whose contents must survive the call. */
  readonly inputs: number[];
  readonly run: () => unknown;
  readonly check: (result: unknown) => void;
}

const resultDtype = (...xs: unknown[]): DType => (xs.every((x) => asDense(x).dtype === 'float32') ? 'float32' : 'float64');

function expectArray(result: unknown, shape: readonly number[], dtype?: DType): Dense {
  expect(result).toBeInstanceOf(NDArray);
  const d = dense(result as NDArray);
  expect(d.shape).toEqual(shape);
  if (dtype) expect(d.dtype).toBe(dtype);
  return d;
}

function stackCount(shape: readonly number[]): number {
  return size(shape.slice(0, -2));
}

const linalgCalls: Record<string, (rng: Rng) => Call> = {
  solve(rng) {
    const a = operand(rng, matrixShape(rng, true));
    const A = a instanceof NDArray ? a : null;
    const n = A && A.ndim >= 2 ? A.shape[A.ndim - 1] : rng.int(0, 4);
    const b = operand(rng, rng.next() < 0.5 ? [rng.next() < 0.9 ? n : n + 1] : [n, rng.int(0, 3)]);
    return {
      name: 'solve', args: [a, b], inputs: [0, 1], run: () => linalg.solve(a as NDArray, b as NDArray),
      check: (x) => {
        const da = asDense(a);
        const db = asDense(b);
        const vector = db.shape.length === 1;
        const dx = expectArray(x, vector ? [...da.shape.slice(0, -1)] : [...da.shape.slice(0, -2), ...db.shape.slice(-2)], resultDtype(a, b));
        if (!finite(da) || !finite(db) || !finite(dx) || da.shape.length !== 2 || db.shape.length > 2) return;
        const nn = da.shape[0];
        const k = vector ? 1 : db.shape[1];
        const ax = mul(da.v, dx.v, nn, nn, k);
        const tol = 1e3 * Math.max(nn, 1) * epsOf(dx.dtype) * (maxAbs(da.v) * maxAbs(dx.v) * nn + maxAbs(db.v));
        close(ax, db.v, tol, 'A·x − b');
      },
    };
  },
  inv(rng) {
    const a = operand(rng, matrixShape(rng, true));
    return {
      name: 'inv', args: [a], inputs: [0], run: () => linalg.inv(a as NDArray),
      check: (x) => {
        const da = asDense(a);
        const dx = expectArray(x, da.shape, resultDtype(a));
        if (!finite(da) || !finite(dx)) return;
        const n = da.shape[da.shape.length - 1];
        for (let t = 0; t < stackCount(da.shape); t++) {
          const A = matrix(da, t).v;
          const X = matrix(dx, t).v;
          const I = Array.from({ length: n * n }, (_, i) => (i % (n + 1) === 0 ? 1 : 0));
          close(mul(A, X, n, n, n), I, 1e3 * n * epsOf(dx.dtype) * maxAbs(A) * maxAbs(X) * n, 'A·inv(A) − I');
        }
      },
    };
  },
  det(rng) {
    const a = operand(rng, matrixShape(rng, true));
    return {
      name: 'det', args: [a], inputs: [0], run: () => linalg.det(a as NDArray),
      check: (r) => {
        const da = asDense(a);
        const batch = da.shape.slice(0, -2);
        const values = batch.length === 0 ? (expect(typeof r).toBe('number'), [r as number]) : expectArray(r, batch).v;
        if (!finite(da)) return;
        const n = da.shape[da.shape.length - 1];
        values.forEach((d, t) => {
          const A = matrix(da, t).v;
          // Hadamard's bound scales the error of an LU determinant.
          let hadamard = 1;
          for (let i = 0; i < n; i++) hadamard *= Math.hypot(...A.slice(i * n, i * n + n)) || 1;
          expect(Math.abs(d - naiveDet(A, n)), 'det').toBeLessThanOrEqual(1e3 * n * epsOf(da.dtype) * hadamard + 1e-300);
        });
      },
    };
  },
  cholesky(rng) {
    const a = operand(rng, matrixShape(rng, true), { spd: rng.next() < 0.8, allowZero: false });
    const o = options(rng, { upper: [true, false] });
    return {
      name: 'cholesky', args: [a, o], inputs: [0, 1], run: () => linalg.cholesky(a as NDArray, o as never),
      check: (l) => {
        const da = asDense(a);
        const dl = expectArray(l, da.shape, resultDtype(a));
        const n = da.shape[da.shape.length - 1];
        const upper = (o as { upper?: boolean } | undefined)?.upper === true;
        for (let t = 0; t < stackCount(da.shape); t++) {
          const L = matrix(dl, t).v;
          for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (upper ? j < i : j > i) expect(L[i * n + j]).toBe(0);
          const product = upper ? mul(transpose(L, n, n), L, n, n, n) : mul(L, transpose(L, n, n), n, n, n);
          const A = matrix(da, t).v;
          // Only the triangle read is data; compare that triangle.
          const tri = (v: number[]): number[] => v.filter((_, k) => (upper ? k % n >= Math.floor(k / n) : k % n <= Math.floor(k / n)));
          close(tri(product), tri(A), 1e3 * n * epsOf(dl.dtype) * maxAbs(tri(A)), 'L·Lᵀ − A');
        }
      },
    };
  },
  qr(rng) {
    const a = operand(rng, matrixShape(rng, false));
    const o = options(rng, { mode: ['reduced', 'complete', 'r', 'raw'] });
    return {
      name: 'qr', args: [a, o], inputs: [0, 1], run: () => linalg.qr(a as NDArray, o as never),
      check: (res) => {
        const da = asDense(a);
        const [m, n] = da.shape.slice(-2);
        const k = Math.min(m, n);
        const mode = (o as { mode?: string } | undefined)?.mode ?? 'reduced';
        const { q, r } = res as { q?: NDArray; r: NDArray };
        const batch = da.shape.slice(0, -2);
        const rRows = mode === 'complete' ? m : k;
        const dr = expectArray(r, [...batch, rRows, n], resultDtype(a));
        if (mode === 'r') return expect(q).toBeUndefined();
        const dq = expectArray(q, [...batch, m, mode === 'complete' ? m : k]);
        if (!finite(da)) return;
        for (let t = 0; t < stackCount(da.shape); t++) {
          const R = matrix(dr, t).v;
          for (let i = 0; i < rRows; i++) for (let j = 0; j < Math.min(i, n); j++) expect(R[i * n + j]).toBe(0);
          const Q = matrix(dq, t);
          close(mul(Q.v, R, m, Q.c, n), matrix(da, t).v, 1e3 * Math.max(m, n, 1) * epsOf(dr.dtype) * (maxAbs(da.v) * Math.max(m, n) + 1), 'Q·R − A');
        }
      },
    };
  },
  svd(rng) {
    const a = operand(rng, matrixShape(rng, false));
    const o = options(rng, { fullMatrices: [true, false], computeUV: [true, false] });
    return {
      name: 'svd', args: [a, o], inputs: [0, 1], run: () => linalg.svd(a as NDArray, o as never),
      check: (res) => {
        const da = asDense(a);
        const [m, n] = da.shape.slice(-2);
        const k = Math.min(m, n);
        const batch = da.shape.slice(0, -2);
        const opts = (o ?? {}) as { fullMatrices?: boolean; computeUV?: boolean };
        const s = opts.computeUV === false ? res : (res as { s: NDArray }).s;
        const ds = expectArray(s, [...batch, k], resultDtype(a));
        for (let t = 0; t < stackCount(da.shape); t++) {
          const sv = ds.v.slice(t * k, t * k + k);
          for (let i = 0; i < k; i++) {
            expect(sv[i]).toBeGreaterThanOrEqual(0);
            if (i > 0) expect(sv[i]).toBeLessThanOrEqual(sv[i - 1]);
          }
        }
        if (opts.computeUV === false) return;
        const full = opts.fullMatrices !== false;
        const { u, vt } = res as { u: NDArray; vt: NDArray };
        const du = expectArray(u, [...batch, m, full ? m : k]);
        const dvt = expectArray(vt, [...batch, full ? n : k, n]);
        for (let t = 0; t < stackCount(da.shape); t++) {
          const U = matrix(du, t);
          const V = matrix(dvt, t);
          const us = new Array<number>(m * k);
          for (let i = 0; i < m; i++) for (let j = 0; j < k; j++) us[i * k + j] = U.v[i * U.c + j] * ds.v[t * k + j];
          const reconstruction = mul(us, V.v.slice(0, k * n), m, k, n);
          close(reconstruction, matrix(da, t).v, 1e3 * Math.max(m, n, 1) * epsOf(ds.dtype) * (maxAbs(da.v) * Math.max(m, n) + 1), 'U·S·Vᵀ − A');
        }
      },
    };
  },
  eigh(rng) {
    const a = operand(rng, matrixShape(rng, true));
    const o = options(rng, { uplo: ['L', 'U', 'X'] });
    return {
      name: 'eigh', args: [a, o], inputs: [0, 1], run: () => linalg.eigh(a as NDArray, o as never),
      check: (res) => {
        const da = asDense(a);
        const n = da.shape[da.shape.length - 1];
        const { values, vectors } = res as { values: NDArray; vectors: NDArray };
        const dw = expectArray(values, da.shape.slice(0, -1), resultDtype(a));
        const dv = expectArray(vectors, da.shape);
        const upper = (o as { uplo?: string } | undefined)?.uplo === 'U';
        for (let t = 0; t < stackCount(da.shape); t++) {
          const A = matrix(da, t).v;
          const S = A.map((_, k) => {
            const i = Math.floor(k / n);
            const j = k % n;
            return upper ? A[Math.min(i, j) * n + Math.max(i, j)] : A[Math.max(i, j) * n + Math.min(i, j)];
          });
          const V = matrix(dv, t).v;
          const w = dw.v.slice(t * n, t * n + n);
          const lambda = new Array<number>(n * n).fill(0);
          for (let j = 0; j < n; j++) lambda[j * n + j] = w[j];
          close(mul(S, V, n, n, n), mul(V, lambda, n, n, n), 1e3 * n * epsOf(dw.dtype) * (maxAbs(S) * n + 1), 'A·V − V·Λ');
        }
      },
    };
  },
  eig(rng) {
    const a = operand(rng, matrixShape(rng, true));
    return {
      name: 'eig', args: [a], inputs: [0], run: () => linalg.eig(a as NDArray),
      check: (res) => {
        const da = asDense(a);
        const n = da.shape[da.shape.length - 1];
        const { values, vectors } = res as { values: { re: NDArray; im: NDArray }; vectors: { re: NDArray; im: NDArray } };
        const wr = expectArray(values.re, da.shape.slice(0, -1), resultDtype(a));
        const wi = expectArray(values.im, da.shape.slice(0, -1));
        const vr = expectArray(vectors.re, da.shape);
        const vi = expectArray(vectors.im, da.shape);
        for (let t = 0; t < stackCount(da.shape); t++) {
          const A = matrix(da, t).v;
          const Vr = matrix(vr, t).v;
          const Vi = matrix(vi, t).v;
          const AVr = mul(A, Vr, n, n, n);
          const AVi = mul(A, Vi, n, n, n);
          // (A − λ)v = 0 with λ = α + iβ, v = x + iy: A x − α x + β y = 0 and A y − α y − β x = 0.
          const re: number[] = [];
          const im: number[] = [];
          for (let i = 0; i < n; i++) {
            for (let j = 0; j < n; j++) {
              const alpha = wr.v[t * n + j];
              const beta = wi.v[t * n + j];
              re.push(AVr[i * n + j] - alpha * Vr[i * n + j] + beta * Vi[i * n + j]);
              im.push(AVi[i * n + j] - alpha * Vi[i * n + j] - beta * Vr[i * n + j]);
            }
          }
          const tol = 1e4 * n * epsOf(wr.dtype) * (maxAbs(A) * n + 1);
          close(re, new Array<number>(re.length).fill(0), tol, 'A·v − λ·v (real part)');
          close(im, new Array<number>(im.length).fill(0), tol, 'A·v − λ·v (imaginary part)');
        }
      },
    };
  },
  lstsq(rng) {
    const shape = matrixShape(rng, false);
    const a = operand(rng, shape.length === 3 ? shape.slice(1) : shape);
    const m = a instanceof NDArray && a.ndim === 2 ? a.shape[0] : rng.int(0, 4);
    const b = operand(rng, rng.next() < 0.5 ? [rng.next() < 0.9 ? m : m + 1] : [m, rng.int(0, 3)]);
    const o = options(rng, { rcond: [undefined, -1, 1e-10, 0.5] });
    return {
      name: 'lstsq', args: [a, b, o], inputs: [0, 1, 2], run: () => linalg.lstsq(a as NDArray, b as NDArray, o as never),
      check: (res) => {
        const da = asDense(a);
        const db = asDense(b);
        const [mm, n] = da.shape;
        const k = db.shape.length === 1 ? 1 : db.shape[1];
        const { x, rank, s } = res as { x: NDArray; rank: number; s: NDArray };
        const dx = expectArray(x, db.shape.length === 1 ? [n] : [n, k], resultDtype(a, b));
        expectArray(s, [Math.min(mm, n)]);
        expect(rank).toBeGreaterThanOrEqual(0);
        expect(rank).toBeLessThanOrEqual(Math.min(mm, n));
        // The normal equations Aᵀ(A·x − b) = 0 hold for every least-squares solution (not for the
        // truncated one a large rcond asks for).
        const rcond = (o as { rcond?: unknown } | undefined)?.rcond;
        if ((rcond !== undefined && rcond !== -1 && rcond !== 1e-10) || !finite(da) || !finite(db)) return;
        const r = mul(da.v, dx.v, mm, n, k).map((v, i) => v - db.v[i]);
        const g = mul(transpose(da.v, mm, n), r, n, mm, k);
        const scale = maxAbs(da.v) * Math.max(mm, 1) * (maxAbs(da.v) * maxAbs(dx.v) * n + maxAbs(db.v));
        close(g, new Array<number>(g.length).fill(0), 1e4 * Math.max(mm, n, 1) * epsOf(dx.dtype) * scale + 1e-300, 'Aᵀ(A·x − b)');
      },
    };
  },
  norm(rng) {
    const x = operand(rng, Array.from({ length: rng.int(0, 3) }, () => rng.int(0, 4)));
    const ords = [undefined, null, 1, 2, -1, -2, Infinity, -Infinity, 0, 3, 'fro', 'nuc', 'bad', NaN];
    const axes = [undefined, undefined, null, 0, 1, -1, [0, 1], [1, 0], [0, 0], 5, 1.5];
    const ord = ords[rng.int(0, ords.length - 1)];
    const axis = axes[rng.int(0, axes.length - 1)];
    return {
      name: 'norm', args: [x, ord, axis], inputs: [0], run: () => linalg.norm(x as NDArray, ord as never, axis as never),
      check: (r) => {
        const dx = asDense(x);
        if (typeof r !== 'number') expect(r).toBeInstanceOf(NDArray);
        if ((ord === undefined || ord === null) && (axis === undefined || axis === null)) {
          expect(typeof r).toBe('number');
          if (!finite(dx)) return;
          const reference = Math.hypot(...dx.v);
          expect(Math.abs((r as number) - reference)).toBeLessThanOrEqual(1e-12 * reference + 1e-300);
        }
      },
    };
  },
};

const elementwise = { add, subtract, multiply, divide } as const;
const reference: Record<string, (x: number, y: number) => number> = {
  add: (x, y) => x + y, subtract: (x, y) => x - y, multiply: (x, y) => x * y, divide: (x, y) => x / y,
};

function elementwiseCall(rng: Rng): Call {
  const names = [...Object.keys(elementwise), 'sqrt'];
  const name = names[rng.int(0, names.length - 1)];
  const shapeA = Array.from({ length: rng.int(0, 3) }, () => rng.int(0, 3));
  // b: often broadcast-compatible (a suffix with some ones), sometimes random.
  const shapeB = rng.next() < 0.8
    ? shapeA.slice(rng.int(0, shapeA.length)).map((n) => (rng.next() < 0.3 ? 1 : n))
    : Array.from({ length: rng.int(0, 3) }, () => rng.int(0, 3));
  const pick = (shape: number[]): unknown => (rng.next() < 0.15 ? rng.normal() : operand(rng, shape));
  const a = pick(shapeA);
  const b = pick(shapeB);
  const outShape = rng.next() < 0.8 ? broadcastShape(shapeA, shapeB) ?? shapeA : shapeB;
  const out = rng.next() < 0.2 ? outArray(rng, outShape, rng.next() < 0.3 ? 'float32' : 'float64') : undefined;
  const o = rng.next() < 0.05 ? { out, where: true } : out === undefined ? undefined : { out };
  const operandDense = (v: unknown): Dense => (typeof v === 'number' ? { shape: [], v: [v], dtype: 'float64' } : dense(v as NDArray));
  if (name === 'sqrt') {
    return {
      name, args: [a, o], inputs: [0], run: () => sqrt(a as NDArray, o as never),
      check: (r) => {
        const da = operandDense(a);
        const d = expectArray(r, out?.shape ?? da.shape);
        const tol = d.dtype === 'float32' || da.dtype === 'float32' || typeof a === 'number' ? 2e-7 : 1e-15;
        for (const index of indices(d.shape)) {
          const want = Math.sqrt(at(da, d.shape, index));
          const got = at(d, d.shape, index);
          if (Number.isNaN(want)) expect(got).toBeNaN();
          else if (!Number.isFinite(want)) expect(got).toBe(want);
          else expect(Math.abs(got - want)).toBeLessThanOrEqual(tol * Math.abs(want) + 1e-300);
        }
      },
    };
  }
  const f = elementwise[name as keyof typeof elementwise];
  return {
    name, args: [a, b, o], inputs: [0, 1], run: () => f(a as NDArray, b as NDArray, o as never),
    check: (r) => {
      const da = operandDense(a);
      const db = operandDense(b);
      const shape = broadcastShape(da.shape, db.shape);
      expect(shape).not.toBeNull();
      if (out !== undefined) expect(r).toBe(out);
      const d = expectArray(r, out?.shape ?? shape!);
      const single = d.dtype === 'float32' || [a, b].some((v) => v instanceof NDArray && v.dtype === 'float32');
      // A float32 result is computed in float32: a number operand meets it rounded to float32.
      const computedSingle = [a, b].every((v) => typeof v === 'number' || (v as NDArray).dtype === 'float32')
        && [a, b].some((v) => typeof v !== 'number');
      const round = (v: unknown, x: number): number => (computedSingle && typeof v === 'number' ? Math.fround(x) : x);
      const tol = single ? 2e-7 : 1e-15;
      for (const index of indices(d.shape)) {
        const want = reference[name](round(a, at(da, d.shape, index)), round(b, at(db, d.shape, index)));
        const got = at(d, d.shape, index);
        if (Number.isNaN(want)) expect(got).toBeNaN();
        else if (!Number.isFinite(want) || Math.abs(want) > 3e38) expect(Math.abs(got)).toBeGreaterThan(single ? 1e38 : 1e307);
        else expect(Math.abs(got - want), `${name} at ${index}`).toBeLessThanOrEqual(tol * Math.abs(want) + 1e-300);
      }
    },
  };
}

function productCall(rng: Rng): Call {
  const useDot = rng.next() < 0.3;
  const k = rng.int(0, 4);
  const shapeA = rng.next() < 0.25 ? [k] : [...(rng.next() < 0.25 ? [rng.int(1, 2)] : []), rng.int(0, 4), k];
  const kb = rng.next() < 0.9 ? k : k + 1;
  const shapeB = rng.next() < 0.25 ? [kb] : [...(rng.next() < 0.25 ? [rng.int(1, 2)] : []), kb, rng.int(0, 4)];
  const a = operand(rng, shapeA);
  const b = operand(rng, shapeB);
  const outDtype: DType = rng.next() < 0.8 ? (a instanceof NDArray && b instanceof NDArray && a.dtype === 'float32' && b.dtype === 'float32' ? 'float32' : 'float64') : 'float32';
  const out = !useDot && rng.next() < 0.15 ? outArray(rng, rng.next() < 0.8 ? matmulShape(shapeA, shapeB) ?? [1] : [7], outDtype) : undefined;
  const o = out === undefined ? (rng.next() < 0.05 ? { outt: 1 } : undefined) : { out };
  return {
    name: useDot ? 'dot' : 'matmul', args: [a, b, o], inputs: [0, 1],
    run: () => (useDot ? dot(a as NDArray, b as NDArray) : matmul(a as NDArray, b as NDArray, o as never)),
    check: (r) => {
      const da = asDense(a);
      const db = asDense(b);
      if (useDot && da.shape.length === 1 && db.shape.length === 1) {
        expect(typeof r).toBe('number');
        const want = da.v.reduce((s, x, i) => s + x * db.v[i], 0);
        const bound = da.v.reduce((s, x, i) => s + Math.abs(x * db.v[i]), 0);
        if (finite(da) && finite(db)) expect(Math.abs((r as number) - want)).toBeLessThanOrEqual(4 * da.v.length * epsOf(resultDtype(a, b)) * bound + 1e-300);
        return;
      }
      if (useDot && (da.shape.length > 2 || db.shape.length > 2)) {
        // numpy's dot over N-d operands: only the shape is checked here.
        expectArray(r, db.shape.length === 1 ? da.shape.slice(0, -1) : [...da.shape.slice(0, -1), ...db.shape.slice(0, -2), ...db.shape.slice(-1)]);
        return;
      }
      const shape = matmulShape(da.shape, db.shape)!;
      if (out !== undefined) expect(r).toBe(out);
      const dr = expectArray(r, shape, resultDtype(a, b));
      if (!finite(da) || !finite(db)) return;
      // Reference: promote vectors, broadcast the batch, multiply naively.
      const A = da.shape.length === 1 ? { shape: [1, da.shape[0]], v: da.v, dtype: da.dtype } : da;
      const B = db.shape.length === 1 ? { shape: [db.shape[0], 1], v: db.v, dtype: db.dtype } : db;
      const [m, kk] = A.shape.slice(-2);
      const n = B.shape[B.shape.length - 1];
      const batch = broadcastShape(A.shape.slice(0, -2), B.shape.slice(0, -2))!;
      const want: number[] = [];
      const bound: number[] = [];
      for (const index of indices(batch)) {
        const ia = A.shape.length === 3 && A.shape[0] !== 1 ? index[index.length - 1] : 0;
        const ib = B.shape.length === 3 && B.shape[0] !== 1 ? index[index.length - 1] : 0;
        const Am = A.v.slice(ia * m * kk, (ia + 1) * m * kk);
        const Bm = B.v.slice(ib * kk * n, (ib + 1) * kk * n);
        want.push(...mul(Am, Bm, m, kk, n));
        bound.push(...mul(Am.map(Math.abs), Bm.map(Math.abs), m, kk, n));
      }
      const e = epsOf(dr.dtype);
      for (let i = 0; i < want.length; i++) expect(Math.abs(dr.v[i] - want[i])).toBeLessThanOrEqual(4 * (kk + 1) * e * bound[i] + 1e-300);
    },
  };
}

/** numpy's matmul result shape, or null when the operands do not multiply. */
function matmulShape(a: readonly number[], b: readonly number[]): number[] | null {
  if (a.length === 0 || b.length === 0) return null;
  const A = a.length === 1 ? [1, a[0]] : a;
  const B = b.length === 1 ? [b[0], 1] : b;
  if (A[A.length - 1] !== B[B.length - 2]) return null;
  const batch = broadcastShape(A.slice(0, -2), B.slice(0, -2));
  if (batch === null) return null;
  return [...batch, ...(a.length === 1 ? [] : [A[A.length - 2]]), ...(b.length === 1 ? [] : [B[B.length - 1]])];
}

function naiveDet(a: readonly number[], n: number): number {
  const m = [...a];
  let det = 1;
  for (let j = 0; j < n; j++) {
    let p = j;
    for (let i = j + 1; i < n; i++) if (Math.abs(m[i * n + j]) > Math.abs(m[p * n + j])) p = i;
    if (m[p * n + j] === 0) return 0;
    if (p !== j) {
      for (let c = 0; c < n; c++) [m[j * n + c], m[p * n + c]] = [m[p * n + c], m[j * n + c]];
      det = -det;
    }
    det *= m[j * n + j];
    for (let i = j + 1; i < n; i++) {
      const f = m[i * n + j] / m[j * n + j];
      for (let c = j; c < n; c++) m[i * n + c] -= f * m[j * n + c];
    }
  }
  return det;
}

function randomCall(rng: Rng): Call {
  const r = rng.next();
  if (r < 0.2) return productCall(rng);
  if (r < 0.35) return elementwiseCall(rng);
  const names = Object.keys(linalgCalls);
  return linalgCalls[names[rng.int(0, names.length - 1)]](rng);
}

/** The arguments of a call, for the message of a failed check. */
function describeArgs(args: readonly unknown[]): string {
  return JSON.stringify(args.map((a) => (a instanceof NDArray
    ? { shape: a.shape, strides: a.strides, offset: a.offset, dtype: a.dtype, values: a.data.length ? dense(a).v : 'detached' }
    : a)), (_, v) => (typeof v === 'bigint' ? `${v}n` : typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
}

/** An argument name at the start of a message: `a: `, `options.out: `, `arrays[1]: `, `ord: `. */
const NAMED = /^[A-Za-z_$][\w$]*(\.[\w$]+|\[\d+\])*: /;

function fuzz(backend: string, seed: number): void {
  describe(`API fuzz on ${backend}`, () => {
    beforeAll(async () => {
      await setBackend(backend);
    });
    it(`${CALLS} random calls: a documented error or a checked result, inputs unchanged`, () => {
      const rng = new Rng(seed);
      const outcomes: Record<string, number> = {};
      for (let i = 0; i < CALLS; i++) {
        const call = randomCall(rng);
        const before = call.inputs.map((k) => snapshotInput(call.args[k]));
        let result: unknown;
        let error: unknown;
        let threw = false;
        try {
          result = call.run();
        } catch (e) {
          error = e;
          threw = true;
        }
        const where = `call ${i} (${call.name})`;
        if (threw) {
          const kind = (error as Error)?.constructor;
          expect([TypeError, RangeError, LinAlgError, BackendError], `${where}: ${String(error)}`).toContain(kind);
          if (kind === TypeError || kind === RangeError) expect((error as Error).message, where).toMatch(NAMED);
          outcomes[`${call.name} ${(error as Error).name}`] = (outcomes[`${call.name} ${(error as Error).name}`] ?? 0) + 1;
        } else {
          try {
            call.check(result);
          } catch (e) {
            throw new Error(`${where}: ${(e as Error).message}\nwith ${describeArgs(call.args)}`, { cause: e });
          }
          outcomes[`${call.name} ok`] = (outcomes[`${call.name} ok`] ?? 0) + 1;
        }
        expect(call.inputs.map((k) => snapshotInput(call.args[k])), `${where}: an input changed`).toStrictEqual(before);
      }
      // The mix must exercise both outcomes of every function.
      for (const name of [...Object.keys(linalgCalls), 'matmul', 'dot', 'add', 'sqrt']) {
        expect(outcomes[`${name} ok`] ?? 0, `${name} never succeeded`).toBeGreaterThan(0);
      }
      expect(Object.entries(outcomes).filter(([k]) => !k.endsWith(' ok')).length).toBeGreaterThan(10);
    });

    it(`${SWEEP_CALLS} calls of every public function with arguments drawn from a pool of junk and valid values`, () => {
      const rng = new Rng(seed + 1000);
      let succeeded = 0;
      for (let i = 0; i < SWEEP_CALLS; i++) {
        const [name, f] = SWEEP_FUNCTIONS[rng.int(0, SWEEP_FUNCTIONS.length - 1)];
        const pool = argumentPool();
        const args = Array.from({ length: rng.int(0, 4) }, () => pool[rng.int(0, pool.length - 1)]);
        const before = args.map(snapshotInput);
        const where = `call ${i} (${name})`;
        try {
          const result = f(...args);
          succeeded++;
          // Whatever comes back is a number, an NDArray, or an object of them (no undefined, no junk).
          const walk = (v: unknown): void => {
            if (v instanceof NDArray || typeof v === 'number') return;
            expect(v !== null && typeof v === 'object', `${where}: returned ${String(v)}`).toBe(true);
            Object.values(v as object).forEach(walk);
          };
          walk(result);
        } catch (error) {
          const kind = (error as Error)?.constructor;
          expect([TypeError, RangeError, LinAlgError, BackendError], `${where}: ${String(error)}`).toContain(kind);
          if (kind === TypeError || kind === RangeError) expect((error as Error).message, where).toMatch(NAMED_OR_PAIR);
        }
        // An `out` option is the one argument a call may write.
        const writable = args.map((a) => a !== null && typeof a === 'object' && 'out' in a);
        const after = args.map(snapshotInput);
        expect(after.filter((_, k) => !writable[k]), `${where}: an input changed`).toStrictEqual(before.filter((_, k) => !writable[k]));
      }
      expect(succeeded).toBeGreaterThan(SWEEP_CALLS / 20);
    });
  });
}

const SWEEP_CALLS = 5000;

/** Every function of the public API that takes arrays (constructors included, with small sizes only). */
const SWEEP_FUNCTIONS: [string, (...args: unknown[]) => unknown][] = [
  ...Object.entries(linalg).filter(([k, v]) => typeof v === 'function' && k !== 'LinAlgError').map(([k, v]) => [`linalg.${k}`, v] as [string, (...args: unknown[]) => unknown]),
  ...['matmul', 'dot', 'vdot', 'inner', 'outer', 'add', 'subtract', 'multiply', 'divide', 'sqrt', 'square', 'negative', 'abs', 'array', 'zeros', 'ones', 'eye', 'full', 'arange', 'empty']
    .map((k) => [k, (core as unknown as Record<string, (...args: unknown[]) => unknown>)[k]] as [string, (...args: unknown[]) => unknown]),
];

/** Fresh values for the sweep: junk of every kind, small valid arrays and views, and options. */
function argumentPool(): unknown[] {
  const detached = zeros([2, 2]);
  structuredClone(detached.data.buffer, { transfer: [detached.data.buffer as ArrayBuffer] });
  return [
    undefined, null, 0, -1, 1.5, NaN, Infinity, 2, -2, 'x', 'fro', 'nuc', true, 1n, Symbol('s'), () => 1, {}, { foo: 1 },
    [], [1, 2], [[1, 2], [3, 4]], [[[1, 2], [3, 4]]], [0, 1], [[1, 2], [3]], new Float64Array([1, 2, 3, 4]), new Int32Array(3),
    zeros([0]), zeros([2, 2]), array([[4, 1], [1, 3]]), array([[1, 2, 3], [4, 5, 6]]), zeros([2, 2, 2]), array(3), detached,
    new NDArray(new Float64Array([1, 2]), [3, 2], [0, 1]), array([[1, 2], [3, 4]]).T, array([[1, NaN], [Infinity, 4]]),
    new NDArray(new Float64Array([1, 2, 3, 4, 5, 6]), [2, 2], [-2, -1], 5), [zeros([2, 2]), zeros([2, 2])],
    { axis: 0 }, { ord: 1 }, { keepdims: true }, { offset: 1 }, { ind: 1 }, { axes: [0] }, { mode: 'r' }, { uplo: 'U' },
    { upper: true }, { rcond: -1 }, { out: zeros([2, 2]) }, { hermitian: true }, { fullMatrices: false }, { computeUV: false },
    { tol: 1 }, { rtol: 1 }, { dtype: 'float32' }, { shape: [2, 2] }, { order: 'F' }, { copy: false }, { k: 1 },
  ];
}

/** Like NAMED, and also `n, m: ` (eye names both of its sizes). */
const NAMED_OR_PAIR = /^[A-Za-z_$][\w$]*(\.[\w$]+|\[\d+\])*(, [A-Za-z_$][\w$]*)*: /;

fuzz('js', 20261121);

const openblas = loadOpenblas();
describe.runIf(Boolean(process.env.CI) || openblas.available)('openblas for the API fuzz', () => {
  it('is available', () => {
    expect(openblas.available ? 'available' : openblas.reason).toBe('available');
  });
});
if (openblas.available) fuzz('openblas', 20261122);

const wasm = await descriptor.load();
if (wasm.available) fuzz('wasm', 20261123);

/* ---------------------------------------------------------------- one outcome on every backend */

const AGREEMENT_CASES = 3000;

/**
 * Matrices whose entries are drawn from normals, zeros (structural singularity), NaN and ±Infinity:
 * inputs on which LAPACK libraries differ most (pivot order, blocking, NaN tests), so that a
 * backend-dependent answer shows up as a different outcome.
 */
function edgeCases(): { name: string; run: () => unknown }[] {
  const rng = new Rng(20261124);
  const calls: Record<string, (a: NDArray, b: NDArray) => unknown> = {
    solve: (a, b) => linalg.solve(a, b), inv: (a) => linalg.inv(a), det: (a) => linalg.det(a),
    slogdet: (a) => linalg.slogdet(a), cholesky: (a) => linalg.cholesky(a), qr: (a) => linalg.qr(a),
    svd: (a) => linalg.svd(a), eigh: (a) => linalg.eigh(a), eig: (a) => linalg.eig(a), lstsq: (a, b) => linalg.lstsq(a, b),
    pinv: (a) => linalg.pinv(a), cond: (a) => linalg.cond(a), cond1: (a) => linalg.cond(a, 1), norm2: (a) => linalg.norm(a, 2),
    matmul: (a, b) => matmul(a, b), matrixPower: (a) => linalg.matrixPower(a, -2), matrixRank: (a) => linalg.matrixRank(a),
    eigvals: (a) => linalg.eigvals(a),
  };
  const names = Object.keys(calls);
  return Array.from({ length: AGREEMENT_CASES }, () => {
    const n = rng.int(1, 4);
    const dtype = rng.next() < 0.3 ? 'float32' : 'float64';
    const name = names[rng.int(0, names.length - 1)];
    // Some matrices are finite but scaled to the ends of the range (subnormal, near overflow).
    // Not for products: a sum of products that overflow with both signs is NaN evaluated one way
    // and ±Infinity with fused multiply-adds (OpenBLAS), both correct IEEE evaluations.
    const products = name === 'matmul' || name === 'matrixPower';
    const scales = products
      ? (dtype === 'float32' ? [1e-12, 1e12] : [1e-100, 1e100])
      : (dtype === 'float32' ? [1e-42, 1e-36, 1e30, 1e36] : [1e-315, 1e-305, 1e-250, 1e250, 1e300, 1e306]);
    const scale = rng.next() < 0.3 ? scales[rng.int(0, scales.length - 1)] : 1;
    const nonFinite = scale === 1 ? 0.2 : 0;
    const make = (length: number): Float64Array | Float32Array => {
      const d = dtype === 'float32' ? new Float32Array(length) : new Float64Array(length);
      for (let k = 0; k < length; k++) {
        const r = rng.next();
        d[k] = r < nonFinite / 2 ? NaN : r < nonFinite * 0.75 ? Infinity : r < nonFinite ? -Infinity : r < 0.35 ? 0 : scale * rng.normal();
      }
      return d;
    };
    const a = new NDArray(make(n * n), [n, n]);
    const b = new NDArray(make(n), [n]);
    return { name, run: () => calls[name](a, b) };
  });
}

/** The outcome of a call: the error class and message, or success and whether a NaN came out. */
function outcomeOf(run: () => unknown): string {
  try {
    const values: number[] = [];
    const walk = (v: unknown): void => {
      if (v instanceof NDArray) values.push(...dense(v).v);
      else if (typeof v === 'number') values.push(v);
      else if (v !== null && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(run());
    return values.some(Number.isNaN) ? 'a result with NaN' : 'a result';
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
}

const backends = ['js', ...(openblas.available ? ['openblas'] : []), ...(wasm.available ? ['wasm'] : [])];
describe.runIf(backends.length > 1)('one outcome on every backend', () => {
  it(`${AGREEMENT_CASES} calls on non-finite and singular matrices: the same error or the same kind of result`, async () => {
    const cases = edgeCases();
    const outcomes: Record<string, string[]> = {};
    for (const backend of backends) {
      await setBackend(backend);
      outcomes[backend] = cases.map((c) => outcomeOf(c.run));
    }
    for (const backend of backends.slice(1)) {
      const differing = cases.flatMap((c, i) => (outcomes[backend][i] === outcomes.js[i] ? [] : [`${i} ${c.name}: js ${outcomes.js[i]}, ${backend} ${outcomes[backend][i]}`]));
      expect(differing, backend).toEqual([]);
    }
  });
});
