/**
 * Conformance of the factorisation kernels (LU, Cholesky, Householder QR and their solvers) with
 * LAPACK-style scaled residuals: each ratio divides an error by what rounding allows
 * (‖A‖·n·eps), so a correct backend scores O(1) and the pass mark is 30, as in LAPACK's own tests.
 *
 * Every input sits inside a larger buffer (an offset in front, a leading dimension above the row
 * count, a sentinel value around it) so that kernels are also checked for honouring `offset` and
 * `lda` and for writing nowhere else.
 *
 * @module
 */
import { describe, expect, it } from 'vitest';
import { lapackOf, type FloatArray, type Lapack, type Precision, type Trans, type Uplo } from '@polyblas/contract';
import type { ConformanceTarget } from './target.js';
import {
  Rng, allocate, epsOf, geometric, matrixNorm, matrixWithSingularValues, naiveMatmul, orthogonalityRatio,
  randomMatrix, symmetricWithEigenvalues,
} from './util.js';

/** The pass mark of every scaled residual. */
const THRESHOLD = 30;

/** Fills every buffer element outside the matrix; any other value there afterwards is a stray write. */
const SENTINEL = -1234.5;

/**
 * Where a matrix sits in its buffer: `offset` elements in front and `pad` extra rows per column
 * (leading dimension = rows + pad).
 *
 * @example
 * ```ts
 * import type { Layout } from './lapack-factor.js'; // internal, not exported by @polyblas/core/testing
 * const padded: Layout = { offset: 3, pad: 2 };
 * ```
 */
export interface Layout {
  readonly offset: number;
  readonly pad: number;
}

const TIGHT: Layout = { offset: 0, pad: 0 };
const PADDED: Layout = { offset: 3, pad: 2 };

/**
 * A matrix in a buffer with its layout.
 *
 * @example
 * ```ts
 * import { placeMatrix } from './lapack-factor.js'; // internal, not exported by @polyblas/core/testing
 * const m = placeMatrix('d', 2, 2, new Float64Array([1, 2, 3, 4]), { offset: 1, pad: 1 });
 * m.data[m.offset + 1 + 1 * m.ld]; // 4
 * ```
 */
export interface Placed {
  readonly data: FloatArray;
  readonly rows: number;
  readonly cols: number;
  readonly ld: number;
  readonly offset: number;
}

/**
 * Copies the M×N column-major `values` (leading dimension M) into a new buffer of a precision with
 * the given layout; every other element of the buffer holds a sentinel.
 *
 * @example
 * ```ts
 * import { placeMatrix } from './lapack-factor.js'; // internal, not exported by @polyblas/core/testing
 * const m = placeMatrix('s', 2, 1, [3, 4], { offset: 2, pad: 1 }); // ld 3, data length 2 + 3 + 1
 * ```
 */
export function placeMatrix(precision: Precision, m: number, n: number, values: ArrayLike<number>, layout: Layout): Placed {
  const ld = Math.max(1, m + layout.pad);
  const data = allocate(precision, layout.offset + ld * n + 1).fill(SENTINEL);
  for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) data[layout.offset + i + j * ld] = values[i + j * m];
  return { data, rows: m, cols: n, ld, offset: layout.offset };
}

/**
 * The matrix of a {@link Placed} buffer as a tight column-major Float64Array.
 *
 * @example
 * ```ts
 * import { placeMatrix, extractMatrix } from './lapack-factor.js'; // internal, not exported by @polyblas/core/testing
 * extractMatrix(placeMatrix('d', 1, 2, [5, 6], { offset: 1, pad: 2 })); // Float64Array [5, 6]
 * ```
 */
export function extractMatrix(p: Placed): Float64Array {
  const out = new Float64Array(p.rows * p.cols);
  for (let j = 0; j < p.cols; j++) for (let i = 0; i < p.rows; i++) out[i + j * p.rows] = p.data[p.offset + i + j * p.ld];
  return out;
}

/** The number of buffer elements outside the matrix that no longer hold the sentinel. */
function strayWrites(p: Placed): number {
  let count = 0;
  for (let t = 0; t < p.data.length; t++) {
    const r = t - p.offset;
    const i = r % p.ld;
    const j = Math.floor(r / p.ld);
    const inside = r >= 0 && j < p.cols && i < p.rows;
    if (!inside && p.data[t] !== SENTINEL) count++;
  }
  return count;
}

/** num/den, with 0/0 = 0 and x/0 = Infinity (a zero matrix must be reproduced exactly). */
function ratio(num: number, den: number): number {
  if (den === 0) return num === 0 ? 0 : Infinity;
  return num / den;
}

/** A − B for column-major matrices of the same shape (tight). */
function minus(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  const out = new Float64Array(a.length);
  for (let t = 0; t < a.length; t++) out[t] = a[t] - b[t];
  return out;
}

function identity(n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) out[i + i * n] = 1;
  return out;
}

/** The kernels of one precision, typed over FloatArray (each buffer is allocated in that precision). */
function lapackFor(target: ConformanceTarget, precision: Precision): Lapack<FloatArray> {
  return lapackOf(target.kernels, precision) as unknown as Lapack<FloatArray>;
}

/**
 * Runs getrf on A (M×N, tight column-major, double) in the given layout and checks P·A = L·U:
 * ‖P·A − L·U‖₁ / (‖A‖₁·max(M, N)·eps), the pivots' range, and that nothing outside A was written.
 * Returns info and the factors for further use.
 */
function checkLu(
  lapack: Lapack<FloatArray>, precision: Precision, m: number, n: number, a0: Float64Array, layout: Layout,
): { info: number; factored: Placed; ipiv: Int32Array } {
  const k = Math.min(m, n);
  const a = placeMatrix(precision, m, n, a0, layout);
  const ipiv = new Int32Array(k + 2).fill(-7);
  const info = lapack.getrf(m, n, a.data, a.ld, a.offset, ipiv, 1);
  expect(strayWrites(a), 'getrf wrote outside A').toBe(0);
  expect(ipiv[0]).toBe(-7);
  expect(ipiv[k + 1]).toBe(-7);
  for (let i = 0; i < k; i++) {
    expect(ipiv[1 + i]).toBeGreaterThanOrEqual(i + 1);
    expect(ipiv[1 + i]).toBeLessThanOrEqual(m);
  }
  const f = extractMatrix(a);
  const l = new Float64Array(m * k);
  const u = new Float64Array(k * n);
  for (let j = 0; j < k; j++) {
    l[j + j * m] = 1;
    for (let i = j + 1; i < m; i++) l[i + j * m] = f[i + j * m];
  }
  for (let j = 0; j < n; j++) for (let i = 0; i <= Math.min(j, k - 1); i++) u[i + j * k] = f[i + j * m];
  const pa = Float64Array.from(a0);
  for (let i = 0; i < k; i++) {
    const p = ipiv[1 + i] - 1;
    for (let j = 0; j < n; j++) {
      const t = pa[i + j * m];
      pa[i + j * m] = pa[p + j * m];
      pa[p + j * m] = t;
    }
  }
  const lu = naiveMatmul('N', 'N', m, n, k, l, m, u, k);
  const resid = ratio(matrixNorm('1', m, n, minus(pa, lu)), matrixNorm('1', m, n, a0) * Math.max(m, n) * epsOf(precision));
  expect(resid, `‖P·A − L·U‖ ratio (${m}x${n})`).toBeLessThan(THRESHOLD);
  return { info, factored: a, ipiv: ipiv.subarray(1, 1 + k) };
}

/** ‖op(A)·X − B‖₁ / (‖op(A)‖₁·‖X‖₁·n·eps) for square A. */
function solveRatio(precision: Precision, trans: Trans, n: number, nrhs: number, a0: Float64Array, x: Float64Array, b: Float64Array): number {
  const ax = naiveMatmul(trans, 'N', n, nrhs, n, a0, n, x, n);
  const anorm = matrixNorm(trans === 'N' ? '1' : 'I', n, n, a0);
  return ratio(matrixNorm('1', n, nrhs, minus(ax, b)), anorm * matrixNorm('1', n, nrhs, x) * n * epsOf(precision));
}

/** LU, the two solves and the inverse of a square A. */
function checkLuSolveInverse(lapack: Lapack<FloatArray>, precision: Precision, n: number, a0: Float64Array, rng: Rng): void {
  const layout = n % 2 === 0 ? PADDED : TIGHT;
  const { info, factored, ipiv } = checkLu(lapack, precision, n, n, a0, layout);
  expect(info).toBe(0);
  const nrhs = 3;
  for (const trans of ['N', 'T'] as const) {
    const b0 = randomMatrix('d', n, nrhs, rng);
    const b = placeMatrix(precision, n, nrhs, b0, PADDED);
    const roundedB = extractMatrix(b);
    expect(lapack.getrs(trans, n, nrhs, factored.data, factored.ld, factored.offset, ipiv, 0, b.data, b.ld, b.offset)).toBe(0);
    expect(strayWrites(b), 'getrs wrote outside B').toBe(0);
    expect(solveRatio(precision, trans, n, nrhs, a0, extractMatrix(b), roundedB), `getrs ${trans} ratio (n = ${n})`)
      .toBeLessThan(THRESHOLD);
  }
  expect(lapack.getri(n, factored.data, factored.ld, factored.offset, ipiv, 0)).toBe(0);
  expect(strayWrites(factored), 'getri wrote outside A').toBe(0);
  const inv = extractMatrix(factored);
  const residual = minus(naiveMatmul('N', 'N', n, n, n, a0, n, inv, n), identity(n));
  const den = matrixNorm('1', n, n, a0) * matrixNorm('1', n, n, inv) * n * epsOf(precision);
  expect(ratio(matrixNorm('1', n, n, residual), den), `‖A·A⁻¹ − I‖ ratio (n = ${n})`).toBeLessThan(THRESHOLD);
}

/**
 * Runs potrf on the symmetric A in the given layout; when it succeeds checks
 * ‖A − L·Lᵀ‖₁ / (‖A‖₁·n·eps) (or Uᵀ·U), that the other triangle was not touched, and potrs.
 */
function checkCholesky(
  lapack: Lapack<FloatArray>, precision: Precision, uplo: Uplo, n: number, a0: Float64Array, layout: Layout, rng: Rng,
): number {
  const a = placeMatrix(precision, n, n, a0, layout);
  const before = extractMatrix(a);
  const info = lapack.potrf(uplo, n, a.data, a.ld, a.offset);
  expect(strayWrites(a), 'potrf wrote outside A').toBe(0);
  const f = extractMatrix(a);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const other = uplo === 'L' ? i < j : i > j;
      if (other) expect(f[i + j * n], 'potrf wrote the other triangle').toBe(before[i + j * n]);
    }
  }
  if (info !== 0) return info;
  // L (lower) such that A = L·Lᵀ, from either triangle.
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) for (let i = j; i < n; i++) l[i + j * n] = uplo === 'L' ? f[i + j * n] : f[j + i * n];
  const llt = naiveMatmul('N', 'T', n, n, n, l, n, l, n);
  const resid = ratio(matrixNorm('1', n, n, minus(before, llt)), matrixNorm('1', n, n, before) * n * epsOf(precision));
  expect(resid, `‖A − L·Lᵀ‖ ratio (${uplo}, n = ${n})`).toBeLessThan(THRESHOLD);
  const nrhs = 2;
  const b = placeMatrix(precision, n, nrhs, randomMatrix('d', n, nrhs, rng), PADDED);
  const b0 = extractMatrix(b);
  expect(lapack.potrs(uplo, n, nrhs, a.data, a.ld, a.offset, b.data, b.ld, b.offset)).toBe(0);
  expect(strayWrites(b), 'potrs wrote outside B').toBe(0);
  expect(solveRatio(precision, 'N', n, nrhs, before, extractMatrix(b), b0), `potrs ratio (${uplo}, n = ${n})`)
    .toBeLessThan(THRESHOLD);
  return 0;
}

/**
 * geqrf, then orgqr (thin Q, and the full M×M Q when M > N) and ormqr (both sides, both
 * transposes) checked against each other and against A = Q·R.
 */
function checkQr(lapack: Lapack<FloatArray>, precision: Precision, m: number, n: number, a0: Float64Array, layout: Layout, rng: Rng): void {
  const eps = epsOf(precision);
  const k = Math.min(m, n);
  const a = placeMatrix(precision, m, n, a0, layout);
  const aIn = extractMatrix(a);
  const tau = allocate(precision, k + 2).fill(SENTINEL);
  expect(lapack.geqrf(m, n, a.data, a.ld, a.offset, tau, 1)).toBe(0);
  expect(strayWrites(a), 'geqrf wrote outside A').toBe(0);
  expect(tau[0]).toBe(SENTINEL);
  expect(tau[k + 1]).toBe(SENTINEL);
  const f = extractMatrix(a);
  const r = new Float64Array(k * n);
  for (let j = 0; j < n; j++) for (let i = 0; i <= Math.min(j, k - 1); i++) r[i + j * k] = f[i + j * m];

  // Thin Q (M×k) from the first k columns of the factored A.
  const qThin = placeMatrix(precision, m, k, f.subarray(0, m * k), layout);
  expect(lapack.orgqr(m, k, k, qThin.data, qThin.ld, qThin.offset, tau, 1)).toBe(0);
  expect(strayWrites(qThin), 'orgqr wrote outside A').toBe(0);
  const q = extractMatrix(qThin);
  const qr = naiveMatmul('N', 'N', m, n, k, q, m, r, k);
  const anorm = matrixNorm('1', m, n, aIn);
  expect(ratio(matrixNorm('1', m, n, minus(aIn, qr)), anorm * Math.max(m, n) * eps), `‖A − Q·R‖ ratio (${m}x${n})`)
    .toBeLessThan(THRESHOLD);
  expect(orthogonalityRatio(precision, m, k, q), `‖QᵀQ − I‖ ratio (${m}x${n})`).toBeLessThan(THRESHOLD);

  // Full Q (M×M): orgqr with N > K.
  let qFull = q;
  if (m > k) {
    const full = new Float64Array(m * m);
    full.set(f.subarray(0, m * k));
    const qf = placeMatrix(precision, m, m, full, layout);
    expect(lapack.orgqr(m, m, k, qf.data, qf.ld, qf.offset, tau, 1)).toBe(0);
    qFull = extractMatrix(qf);
    expect(orthogonalityRatio(precision, m, m, qFull), `full Q orthogonality (${m}x${n})`).toBeLessThan(THRESHOLD);
    // Its first k columns span the same space as the thin Q: Q_fullᵀ·A = [R; 0].
    const qta = naiveMatmul('T', 'N', m, n, m, qFull, m, aIn, m);
    const rFull = new Float64Array(m * n);
    for (let j = 0; j < n; j++) for (let i = 0; i < k; i++) rFull[i + j * m] = r[i + j * k];
    expect(ratio(matrixNorm('1', m, n, minus(qta, rFull)), anorm * m * eps), `‖Qᵀ·A − R‖ ratio (${m}x${n})`)
      .toBeLessThan(THRESHOLD);
  }

  // ormqr against the explicit Q.
  const other = 3;
  for (const side of ['L', 'R'] as const) {
    for (const trans of ['N', 'T'] as const) {
      const rows = side === 'L' ? m : other;
      const cols = side === 'L' ? other : m;
      const c = placeMatrix(precision, rows, cols, randomMatrix('d', rows, cols, rng), PADDED);
      const c0 = extractMatrix(c);
      const code = lapack.ormqr(side, trans, rows, cols, k, a.data, a.ld, a.offset, tau, 1, c.data, c.ld, c.offset);
      expect(code).toBe(0);
      expect(strayWrites(c), 'ormqr wrote outside C').toBe(0);
      expect(extractMatrix(a), 'ormqr changed A').toEqual(f);
      const expected = side === 'L'
        ? naiveMatmul(trans, 'N', m, other, m, qFull, m, c0, m)
        : naiveMatmul('N', trans, other, m, m, c0, other, qFull, m);
      const err = matrixNorm('1', rows, cols, minus(extractMatrix(c), expected));
      expect(ratio(err, matrixNorm('1', rows, cols, c0) * m * eps), `ormqr ${side}${trans} ratio (${m}x${n})`)
        .toBeLessThan(THRESHOLD);
    }
  }
}

/** A symmetric positive definite matrix with eigenvalues from 1 down to 1/cond. */
function spd(precision: Precision, n: number, cond: number, rng: Rng): Float64Array {
  return Float64Array.from(symmetricWithEigenvalues(precision, n, geometric(n, cond), rng));
}

/**
 * Registers the factorisation conformance tests for a target: getrf/getrs/getri, potrf/potrs and
 * geqrf/orgqr/ormqr, in both precisions, on random, ill-conditioned, rank-deficient, singular,
 * indefinite, zero, identity, diagonal, tall, wide and empty matrices, with offsets and leading
 * dimensions larger than the row count, at sizes on both sides of the usual block sizes.
 *
 * @example
 * ```ts
 * import { referenceKernels } from '@polyblas/backend-js';
 * import { factorizationConformance } from '@polyblas/core/testing';
 * factorizationConformance({ name: 'js', kernels: referenceKernels });
 * ```
 */
export function factorizationConformance(target: ConformanceTarget): void {
  for (const precision of ['d', 's'] as const) {
    const lapack = lapackFor(target, precision);
    const illCond = precision === 'd' ? 1e12 : 1e5;
    const squareSizes = [1, 2, 3, 5, 16, 31, 33, 47, 49, 63, 65, 100, 127, 129, 200];

    describe(`${target.name}: LU (${precision}getrf, getrs, getri)`, () => {
      it('random square matrices: P·A = L·U, solves and inverse', () => {
        const rng = new Rng(101);
        for (const n of squareSizes) checkLuSolveInverse(lapack, precision, n, Float64Array.from(randomMatrix(precision, n, n, rng)), rng);
      });

      it(`ill-conditioned matrices (cond ${illCond})`, () => {
        const rng = new Rng(102);
        for (const n of [20, 70]) {
          const a0 = Float64Array.from(matrixWithSingularValues(precision, n, n, geometric(n, illCond), rng));
          checkLuSolveInverse(lapack, precision, n, a0, rng);
        }
      });

      it('identity and diagonal matrices', () => {
        const rng = new Rng(103);
        for (const n of [1, 4, 70]) {
          checkLuSolveInverse(lapack, precision, n, identity(n), rng);
          const d = new Float64Array(n * n);
          for (let i = 0; i < n; i++) d[i + i * n] = (i % 2 === 0 ? 1 : -1) * (1 + i);
          const { ipiv } = checkLu(lapack, precision, n, n, d, PADDED);
          for (let i = 0; i < n; i++) expect(ipiv[i], 'a diagonal matrix needs no pivoting').toBe(i + 1);
          checkLuSolveInverse(lapack, precision, n, d, rng);
        }
      });

      it('tall and wide matrices', () => {
        const rng = new Rng(104);
        for (const [m, n] of [[5, 1], [1, 5], [40, 7], [7, 40], [100, 40], [40, 100], [130, 70], [70, 130], [300, 140], [140, 300]] as const) {
          const { info } = checkLu(lapack, precision, m, n, Float64Array.from(randomMatrix(precision, m, n, rng)), PADDED);
          expect(info).toBe(0);
        }
      });

      it('singular matrices: info is the first zero pivot and the factorisation is complete', () => {
        const rng = new Rng(105);
        for (const [n, zeroCols] of [[1, [0]], [5, [2]], [40, [10, 30]], [100, [80]], [130, [70, 20]], [200, [150, 199]]] as const) {
          const a0 = Float64Array.from(randomMatrix(precision, n, n, rng));
          for (const c of zeroCols) for (let i = 0; i < n; i++) a0[i + c * n] = 0;
          const { info, factored, ipiv } = checkLu(lapack, precision, n, n, a0, PADDED);
          expect(info).toBe(Math.min(...zeroCols) + 1);
          expect(lapack.getri(n, factored.data, factored.ld, factored.offset, ipiv, 0)).toBe(info);
        }
        // The zero matrix: no pivoting is possible, U = 0.
        for (const [m, n] of [[4, 4], [6, 3], [3, 6]] as const) {
          const { info, factored } = checkLu(lapack, precision, m, n, new Float64Array(m * n), TIGHT);
          expect(info).toBe(1);
          expect(matrixNorm('M', m, n, extractMatrix(factored))).toBe(0);
        }
      });

      it('empty matrices return at once', () => {
        for (const [m, n] of [[0, 0], [0, 5], [5, 0]] as const) {
          const a = placeMatrix(precision, m, n, new Float64Array(0), PADDED);
          const ipiv = new Int32Array(2).fill(-7);
          expect(lapack.getrf(m, n, a.data, a.ld, a.offset, ipiv, 0)).toBe(0);
          expect(strayWrites(a)).toBe(0);
          expect(Array.from(ipiv)).toEqual([-7, -7]);
        }
        const a = placeMatrix(precision, 3, 3, identity(3), TIGHT);
        const b = placeMatrix(precision, 3, 0, [], PADDED);
        const ipiv = new Int32Array([1, 2, 3]);
        expect(lapack.getrs('N', 3, 0, a.data, a.ld, a.offset, ipiv, 0, b.data, b.ld, b.offset)).toBe(0);
        expect(strayWrites(b)).toBe(0);
        const e = placeMatrix(precision, 0, 0, [], PADDED);
        expect(lapack.getrs('T', 0, 2, e.data, e.ld, e.offset, ipiv, 0, e.data, e.ld, e.offset)).toBe(0);
        expect(lapack.getri(0, e.data, e.ld, e.offset, ipiv, 0)).toBe(0);
        expect(strayWrites(e)).toBe(0);
      });
    });

    describe(`${target.name}: Cholesky (${precision}potrf, potrs)`, () => {
      it('random positive definite matrices, both triangles', () => {
        const rng = new Rng(201);
        for (const uplo of ['L', 'U'] as const) {
          for (const n of squareSizes) {
            const layout = n % 2 === 0 ? PADDED : TIGHT;
            expect(checkCholesky(lapack, precision, uplo, n, spd(precision, n, 100, rng), layout, rng)).toBe(0);
          }
        }
      });

      it(`ill-conditioned positive definite matrices (cond ${illCond})`, () => {
        const rng = new Rng(202);
        for (const uplo of ['L', 'U'] as const) {
          for (const n of [20, 97]) {
            expect(checkCholesky(lapack, precision, uplo, n, spd(precision, n, illCond, rng), PADDED, rng)).toBe(0);
          }
        }
      });

      it('identity and diagonal matrices', () => {
        const rng = new Rng(203);
        for (const uplo of ['L', 'U'] as const) {
          for (const n of [1, 3, 60]) {
            expect(checkCholesky(lapack, precision, uplo, n, identity(n), PADDED, rng)).toBe(0);
            const d = new Float64Array(n * n);
            for (let i = 0; i < n; i++) d[i + i * n] = (1 + i) * (1 + i);
            expect(checkCholesky(lapack, precision, uplo, n, d, TIGHT, rng)).toBe(0);
          }
        }
      });

      it('indefinite matrices: info is the order of the first leading minor that is not positive definite', () => {
        const rng = new Rng(204);
        for (const uplo of ['L', 'U'] as const) {
          // A positive definite matrix with A(k, k) = −1: leading minors up to order k are positive
          // definite, and the next pivot is −1 − (a positive number).
          for (const [n, k] of [[1, 0], [4, 0], [6, 3], [60, 59], [100, 70], [130, 10]] as const) {
            const a0 = spd(precision, n, 10, rng);
            a0[k + k * n] = -1;
            expect(checkCholesky(lapack, precision, uplo, n, a0, PADDED, rng), `n = ${n}, k = ${k}`).toBe(k + 1);
          }
          // Symmetric indefinite with a spread spectrum.
          for (const n of [5, 50, 120]) {
            const lambda = Array.from({ length: n }, (_, i) => (i % 3 === 2 ? -1 : 1) * (1 + i));
            const info = checkCholesky(lapack, precision, uplo, n, Float64Array.from(symmetricWithEigenvalues(precision, n, lambda, rng)), TIGHT, rng);
            expect(info).toBeGreaterThan(0);
            expect(info).toBeLessThanOrEqual(n);
          }
          // The zero matrix fails at once.
          expect(checkCholesky(lapack, precision, uplo, 3, new Float64Array(9), TIGHT, rng)).toBe(1);
        }
      });

      it('empty matrices return at once', () => {
        for (const uplo of ['L', 'U'] as const) {
          const e = placeMatrix(precision, 0, 0, [], PADDED);
          expect(lapack.potrf(uplo, 0, e.data, e.ld, e.offset)).toBe(0);
          expect(lapack.potrs(uplo, 0, 2, e.data, e.ld, e.offset, e.data, e.ld, e.offset)).toBe(0);
          const a = placeMatrix(precision, 2, 2, identity(2), TIGHT);
          const b = placeMatrix(precision, 2, 0, [], PADDED);
          expect(lapack.potrs(uplo, 2, 0, a.data, a.ld, a.offset, b.data, b.ld, b.offset)).toBe(0);
          expect(strayWrites(e) + strayWrites(b)).toBe(0);
        }
      });
    });

    describe(`${target.name}: Householder QR (${precision}geqrf, orgqr, ormqr)`, () => {
      it('random square, tall and wide matrices', () => {
        const rng = new Rng(301);
        const shapes = [[1, 1], [2, 2], [5, 5], [31, 31], [33, 33], [65, 65], [100, 100], [6, 1], [1, 6], [40, 7], [7, 40],
          [90, 33], [33, 90], [120, 70], [70, 120]] as const;
        for (const [m, n] of shapes) {
          const layout = (m + n) % 2 === 0 ? PADDED : TIGHT;
          checkQr(lapack, precision, m, n, Float64Array.from(randomMatrix(precision, m, n, rng)), layout, rng);
        }
      });

      it(`ill-conditioned and rank-deficient matrices`, () => {
        const rng = new Rng(302);
        for (const [m, n] of [[50, 50], [80, 40], [40, 80]] as const) {
          const k = Math.min(m, n);
          checkQr(lapack, precision, m, n, Float64Array.from(matrixWithSingularValues(precision, m, n, geometric(k, illCond), rng)), PADDED, rng);
          const sigma = geometric(k, 10).map((s, i) => (i < k / 2 ? s : 0)); // rank k/2
          checkQr(lapack, precision, m, n, Float64Array.from(matrixWithSingularValues(precision, m, n, sigma, rng)), TIGHT, rng);
        }
      });

      it('zero, identity and diagonal matrices', () => {
        const rng = new Rng(303);
        for (const n of [3, 40]) {
          checkQr(lapack, precision, n, n, new Float64Array(n * n), PADDED, rng);
          checkQr(lapack, precision, n + 5, n, new Float64Array((n + 5) * n), TIGHT, rng);
          checkQr(lapack, precision, n, n, identity(n), PADDED, rng);
          const d = identity(n).map((v, t) => v * (t % 3 === 0 ? -2 : 3));
          checkQr(lapack, precision, n, n, d, TIGHT, rng);
        }
      });

      it('ormqr(Qᵀ) applied to the Q of orgqr gives the identity', () => {
        // Qᵀ·Q = I through the kernels alone: ormqr('L', 'T') applied to the explicit Q.
        const rng = new Rng(304);
        for (const [m, n] of [[20, 12], [70, 70], [100, 45]] as const) {
          const a = placeMatrix(precision, m, n, randomMatrix(precision, m, n, rng), PADDED);
          const tau = allocate(precision, n);
          lapack.geqrf(m, n, a.data, a.ld, a.offset, tau, 0);
          const qp = placeMatrix(precision, m, n, extractMatrix(a), TIGHT);
          lapack.orgqr(m, n, n, qp.data, qp.ld, qp.offset, tau, 0);
          const qtq = placeMatrix(precision, m, n, extractMatrix(qp), PADDED);
          lapack.ormqr('L', 'T', m, n, n, a.data, a.ld, a.offset, tau, 0, qtq.data, qtq.ld, qtq.offset);
          const result = extractMatrix(qtq);
          const eye = new Float64Array(m * n);
          for (let i = 0; i < n; i++) eye[i + i * m] = 1;
          expect(matrixNorm('1', m, n, minus(result, eye)) / (m * epsOf(precision))).toBeLessThan(THRESHOLD);
        }
      });

      it('empty matrices and K = 0 return at once (Q = I)', () => {
        for (const [m, n] of [[0, 0], [0, 4], [4, 0]] as const) {
          const a = placeMatrix(precision, m, n, new Float64Array(0), PADDED);
          const tau = allocate(precision, 2).fill(SENTINEL);
          expect(lapack.geqrf(m, n, a.data, a.ld, a.offset, tau, 0)).toBe(0);
          expect(strayWrites(a)).toBe(0);
          expect(Array.from(tau)).toEqual([SENTINEL, SENTINEL]);
        }
        const tau = allocate(precision, 1);
        const e = placeMatrix(precision, 0, 0, [], PADDED);
        expect(lapack.orgqr(0, 0, 0, e.data, e.ld, e.offset, tau, 0)).toBe(0);
        expect(strayWrites(e)).toBe(0);
        const q = placeMatrix(precision, 4, 2, new Float64Array(8).fill(7), PADDED);
        expect(lapack.orgqr(4, 2, 0, q.data, q.ld, q.offset, tau, 0)).toBe(0);
        expect(Array.from(extractMatrix(q))).toEqual([1, 0, 0, 0, 0, 1, 0, 0]);
        for (const side of ['L', 'R'] as const) {
          const c = placeMatrix(precision, 3, 3, [1, 2, 3, 4, 5, 6, 7, 8, 9], PADDED);
          expect(lapack.ormqr(side, 'N', 3, 3, 0, q.data, q.ld, q.offset, tau, 0, c.data, c.ld, c.offset)).toBe(0);
          expect(Array.from(extractMatrix(c))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
          const z = placeMatrix(precision, 0, 3, [], PADDED);
          expect(lapack.ormqr(side, 'T', 0, 3, 0, q.data, q.ld, q.offset, tau, 0, z.data, z.ld, z.offset)).toBe(0);
          expect(strayWrites(z)).toBe(0);
        }
      });
    });
  }
}
