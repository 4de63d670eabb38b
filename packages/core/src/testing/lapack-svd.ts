/**
 * Conformance of the singular value kernels (`gesdd`, `gelsd`) with LAPACK-style scaled measures:
 * each ratio divides an error by what rounding allows, so a correct backend scores O(1); the pass
 * mark is 30, as in LAPACK's own tests.
 *
 * - reconstruction ‖A − U·Σ·Vᵀ‖₁ / (‖A‖₁·max(M, N)·eps);
 * - orthogonality ‖UᵀU − I‖₁ / (M·eps) and ‖Vᵀ·V − I‖₁ / (N·eps) (rows of Vᵀ);
 * - values descending and non-negative; the values-only run equal to the full run's to
 *   max|Δσ| / (σmax·k·eps); constructed matrices' known values to max|Δσ| / (σmax·max(M, N)·eps);
 * - least squares: agreement with the exact (minimum-norm) solution scaled by the condition
 *   number, the residual's orthogonality to the range of A, and the detected rank.
 *
 * Inputs sit inside larger buffers (offset, leading dimension above the row count, sentinels
 * around) so that kernels are checked for honouring them and writing nowhere else.
 *
 * @module
 */
import { describe, expect, it } from 'vitest';
import { lapackOf, type FloatArray, type Lapack, type Precision, type SvdJob } from '@polyblas/contract';
import { extractMatrix, placeMatrix, type Layout, type Placed } from './lapack-factor.js';
import type { ConformanceTarget } from './target.js';
import {
  Rng, allocate, epsOf, geometric, matrixNorm, matrixWithSingularValues, naiveMatmul, orthogonalityRatio,
  randomMatrix,
} from './util.js';

/** The pass mark of every scaled measure. */
const THRESHOLD = 30;
const SENTINEL = -1234.5;
const TIGHT: Layout = { offset: 0, pad: 0 };
const PADDED: Layout = { offset: 5, pad: 3 };

/** num/den with 0/0 = 0 and x/0 = Infinity (a zero matrix must be reproduced exactly). */
function ratio(num: number, den: number): number {
  if (den === 0) return num === 0 ? 0 : Infinity;
  return num / den;
}

/** Buffer elements outside the matrix that no longer hold the sentinel. */
function strayWrites(p: Placed): number {
  let count = 0;
  for (let t = 0; t < p.data.length; t++) {
    const r = t - p.offset;
    const i = r % p.ld;
    const j = Math.floor(r / p.ld);
    if (!(r >= 0 && j < p.cols && i < p.rows) && p.data[t] !== SENTINEL) count++;
  }
  return count;
}

/** An empty buffer in a layout (sentinels outside, zeros inside). */
function placeEmpty(precision: Precision, m: number, n: number, layout: Layout): Placed {
  return placeMatrix(precision, m, n, new Float64Array(m * n), layout);
}

function lapackFor(target: ConformanceTarget, precision: Precision): Lapack<FloatArray> {
  return lapackOf(target.kernels, precision) as unknown as Lapack<FloatArray>;
}

/** Solves the small dense system M·X = R (k×k, k×nrhs, column-major) in double by Gaussian elimination with partial pivoting. */
function solveDense(k: number, nrhs: number, mat: Float64Array, rhs: Float64Array): Float64Array {
  const a = mat.slice();
  const x = rhs.slice();
  for (let c = 0; c < k; c++) {
    let p = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(a[r + c * k]) > Math.abs(a[p + c * k])) p = r;
    if (p !== c) {
      for (let j = 0; j < k; j++) [a[c + j * k], a[p + j * k]] = [a[p + j * k], a[c + j * k]];
      for (let j = 0; j < nrhs; j++) [x[c + j * k], x[p + j * k]] = [x[p + j * k], x[c + j * k]];
    }
    for (let r = c + 1; r < k; r++) {
      const f = a[r + c * k] / a[c + c * k];
      for (let j = c; j < k; j++) a[r + j * k] -= f * a[c + j * k];
      for (let j = 0; j < nrhs; j++) x[r + j * k] -= f * x[c + j * k];
    }
  }
  for (let j = 0; j < nrhs; j++) {
    for (let r = k - 1; r >= 0; r--) {
      let s = x[r + j * k];
      for (let c = r + 1; c < k; c++) s -= a[r + c * k] * x[c + j * k];
      x[r + j * k] = s / a[r + r * k];
    }
  }
  return x;
}

/** One matrix of the gesdd battery: its entries (double, column-major) and, when known, its singular values. */
interface SvdCase {
  readonly name: string;
  readonly m: number;
  readonly n: number;
  readonly a: Float64Array;
  readonly sigma?: readonly number[];
  readonly layout: Layout;
}

/** The gesdd battery for one precision. */
function svdCases(precision: Precision): SvdCase[] {
  const rng = new Rng(2024);
  const cases: SvdCase[] = [];
  const random = (name: string, m: number, n: number, layout: Layout = PADDED): void => {
    cases.push({ name, m, n, a: Float64Array.from(randomMatrix('d', m, n, rng)), layout });
  };
  const known = (name: string, m: number, n: number, sigma: number[], layout: Layout = PADDED): void => {
    const a = Float64Array.from(matrixWithSingularValues(precision, m, n, sigma, rng));
    const all = [...sigma, ...new Array(Math.max(0, Math.min(m, n) - sigma.length)).fill(0)].sort((x, y) => y - x);
    cases.push({ name, m, n, a, sigma: all, layout });
  };
  random('1x1', 1, 1, TIGHT);
  random('2x2', 2, 2);
  random('row 1x9', 1, 9);
  random('column 9x1', 9, 1, TIGHT);
  random('random 8x8', 8, 8, TIGHT);
  random('random 7x4', 7, 4);
  random('random 4x7', 4, 7);
  random('square 50 (below the block crossover)', 50, 50);
  random('square 100 (blocked reduction)', 100, 100, TIGHT);
  random('square 131 (blocked, ragged panel)', 131, 131);
  random('tall 200x20 (QR first)', 200, 20);
  random('wide 20x200 (QR first, transposed)', 20, 200);
  random('tall 90x70 (direct)', 90, 70);
  random('wide 70x90 (direct, transposed)', 70, 90, TIGHT);
  random('tall 150x80 (QR first, blocked)', 150, 80);
  known('known values 30x20', 30, 20, geometric(20, 100).map((x) => 3 * x));
  known(`ill-conditioned (cond ${precision === 'd' ? '1e12' : '1e5'})`, 60, 50, geometric(50, precision === 'd' ? 1e12 : 1e5));
  known('ill-conditioned wide', 40, 70, geometric(40, precision === 'd' ? 1e12 : 1e5));
  known('rank-deficient 40x30 rank 10', 40, 30, geometric(10, 10));
  known('rank-deficient wide 25x45 rank 7', 25, 45, geometric(7, 5));
  known('repeated values', 36, 36, [...new Array(12).fill(2), ...new Array(12).fill(1), ...new Array(12).fill(0.5)]);
  known('clustered values', 80, 80, Array.from({ length: 80 }, (_, i) => 1 + 1e-9 * i));
  const zero = new Float64Array(7 * 5);
  cases.push({ name: 'zero 7x5', m: 7, n: 5, a: zero, sigma: [0, 0, 0, 0, 0], layout: PADDED });
  const id = new Float64Array(6 * 6);
  for (let i = 0; i < 6; i++) id[i + i * 6] = 1;
  cases.push({ name: 'identity 6x6', m: 6, n: 6, a: id, sigma: [1, 1, 1, 1, 1, 1], layout: PADDED });
  const diagValues = [3, -7, 0.5, 0, -2, 11, 1e-3];
  const diag = new Float64Array(7 * 7);
  diagValues.forEach((v, i) => (diag[i + i * 7] = v));
  cases.push({
    name: 'diagonal, unsorted with signs and a zero', m: 7, n: 7, a: diag,
    sigma: diagValues.map(Math.abs).sort((x, y) => y - x), layout: TIGHT,
  });
  // Graded: rows and columns scaled over many orders of magnitude.
  const graded = Float64Array.from(randomMatrix('d', 24, 24, rng));
  for (let j = 0; j < 24; j++) for (let i = 0; i < 24; i++) graded[i + j * 24] *= 2 ** (-(i + j) / 2);
  cases.push({ name: 'graded 24x24', m: 24, n: 24, a: graded, layout: PADDED });
  // Tiny and huge entries (scaled into range inside the routine).
  const tinyScale = precision === 'd' ? 1e-300 : 1e-35;
  const hugeScale = precision === 'd' ? 1e300 : 1e35;
  for (const [label, scale] of [['tiny', tinyScale], ['huge', hugeScale]] as const) {
    const sigma = geometric(12, 10).map((x) => x * scale);
    known(`${label} entries 15x12`, 15, 12, sigma);
  }
  // Rounding the constructed matrix to the target precision keeps its values within the measure.
  return cases.map((c) => ({ ...c, a: precision === 's' ? Float64Array.from(Float32Array.from(c.a)) : c.a }));
}

/** Runs gesdd on one case and job, checks everything that job produces, returns the values. */
function checkGesdd(lapack: Lapack<FloatArray>, precision: Precision, c: SvdCase, jobz: SvdJob): Float64Array {
  const { m, n } = c;
  const k = Math.min(m, n);
  const eps = epsOf(precision);
  const ucols = jobz === 'A' ? m : jobz === 'S' ? k : 0;
  const vrows = jobz === 'A' ? n : jobz === 'S' ? k : 0;
  const a = placeMatrix(precision, m, n, c.a, c.layout);
  const sOff = c.layout.offset;
  const s = allocate(precision, sOff + k + 1).fill(SENTINEL);
  const u = placeEmpty(precision, Math.max(ucols ? m : 1, 1), Math.max(ucols, 1), c.layout);
  const vt = placeEmpty(precision, Math.max(vrows, 1), Math.max(vrows ? n : 1, 1), c.layout);
  const info = lapack.gesdd(jobz, m, n, a.data, a.ld, a.offset, s, sOff, u.data, u.ld, u.offset, vt.data, vt.ld, vt.offset);
  const label = `${c.name}, jobz ${jobz}`;
  expect(info, label).toBe(0);
  expect(strayWrites(a), `${label}: writes outside A`).toBe(0);
  for (let t = 0; t < s.length; t++) {
    if (t < sOff || t >= sOff + k) expect(s[t], `${label}: writes outside s`).toBe(SENTINEL);
  }
  const values = Float64Array.from({ length: k }, (_, i) => s[sOff + i]);
  for (let i = 0; i < k; i++) {
    expect(values[i], `${label}: s[${i}] >= 0`).toBeGreaterThanOrEqual(0);
    if (i > 0) expect(values[i], `${label}: descending at ${i}`).toBeLessThanOrEqual(values[i - 1]);
  }
  if (c.sigma) {
    const smax = c.sigma[0] ?? 0;
    let err = 0;
    for (let i = 0; i < k; i++) err = Math.max(err, Math.abs(values[i] - c.sigma[i]));
    expect(ratio(err, smax * Math.max(m, n) * eps), `${label}: known values`).toBeLessThan(THRESHOLD);
  }
  if (jobz === 'N') return values;
  expect(strayWrites(u), `${label}: writes outside U`).toBe(0);
  expect(strayWrites(vt), `${label}: writes outside VT`).toBe(0);
  const U = extractMatrix(u);
  const VT = extractMatrix(vt);
  // A − U(:, 0:k)·Σ·Vᵀ(0:k, :).
  const us = new Float64Array(m * k);
  for (let j = 0; j < k; j++) for (let i = 0; i < m; i++) us[i + j * m] = U[i + j * m] * values[j];
  const usv = naiveMatmul('N', 'N', m, n, k, us, m, VT, vrows);
  for (let t = 0; t < m * n; t++) usv[t] -= c.a[t];
  const residual = ratio(matrixNorm('1', m, n, usv), matrixNorm('1', m, n, c.a) * Math.max(m, n) * eps);
  expect(residual, `${label}: ‖A − UΣVᵀ‖/(‖A‖·max(m,n)·eps)`).toBeLessThan(THRESHOLD);
  expect(orthogonalityRatio(precision, m, ucols, U, m), `${label}: ‖UᵀU − I‖/(m·eps)`).toBeLessThan(THRESHOLD);
  const V = new Float64Array(n * vrows);
  for (let j = 0; j < n; j++) for (let i = 0; i < vrows; i++) V[j + i * n] = VT[i + j * vrows];
  expect(orthogonalityRatio(precision, n, vrows, V, n), `${label}: ‖VᵀV − I‖/(n·eps)`).toBeLessThan(THRESHOLD);
  return values;
}

/** The gesdd part of the suite. */
function gesddConformance(target: ConformanceTarget, precision: Precision): void {
  describe(`gesdd (${precision}) on ${target.name}`, () => {
    const lapack = lapackFor(target, precision);
    for (const c of svdCases(precision)) {
      it(`${c.name} (${c.m}x${c.n}): jobz A, S, N`, () => {
        const full = checkGesdd(lapack, precision, c, 'A');
        const thin = checkGesdd(lapack, precision, c, 'S');
        const only = checkGesdd(lapack, precision, c, 'N');
        const k = Math.min(c.m, c.n);
        const smax = full[0] ?? 0;
        let dThin = 0;
        let dOnly = 0;
        for (let i = 0; i < k; i++) {
          dThin = Math.max(dThin, Math.abs(thin[i] - full[i]));
          dOnly = Math.max(dOnly, Math.abs(only[i] - full[i]));
        }
        const scale = smax * Math.max(k, 1) * epsOf(precision);
        expect(ratio(dThin, scale), `${c.name}: thin values = full values`).toBeLessThan(THRESHOLD);
        expect(ratio(dOnly, scale), `${c.name}: values-only = full values`).toBeLessThan(THRESHOLD);
      });
    }

    it('empty matrices: 0xN and Nx0 return no values; full factors are orthogonal', () => {
      for (const [m, n] of [[0, 5], [5, 0], [0, 0]] as const) {
        for (const jobz of ['A', 'S', 'N'] as const) {
          const s = allocate(precision, 1).fill(SENTINEL);
          const ucols = jobz === 'A' ? m : 0;
          const vrows = jobz === 'A' ? n : 0;
          const U = allocate(precision, Math.max(1, m * ucols));
          const VT = allocate(precision, Math.max(1, vrows * n));
          const info = lapack.gesdd(jobz, m, n, allocate(precision, 1), Math.max(1, m), 0, s, 0,
            U, Math.max(1, m), 0, VT, Math.max(1, vrows), 0);
          expect(info).toBe(0);
          expect(s[0]).toBe(SENTINEL);
          if (jobz === 'A') {
            expect(orthogonalityRatio(precision, m, m, U, Math.max(1, m))).toBeLessThan(THRESHOLD);
            expect(orthogonalityRatio(precision, n, n, VT, Math.max(1, n))).toBeLessThan(THRESHOLD);
          }
        }
      }
    });

    it('a non-finite entry (NaN, ±Infinity): info > 0 and NaN values, never an endless iteration', () => {
      for (const bad of [NaN, Infinity, -Infinity]) {
        for (const [m, n] of [[12, 12], [30, 8], [1, 1]] as const) {
          for (const jobz of ['A', 'S', 'N'] as const) {
            const k = Math.min(m, n);
            const a = randomMatrix(precision, m, n, new Rng(5));
            a[Math.floor((m * n) / 2)] = bad;
            const s = allocate(precision, k);
            const U = allocate(precision, m * m);
            const VT = allocate(precision, n * n);
            const info = lapack.gesdd(jobz, m, n, a, m, 0, s, 0, U, m, 0, VT, jobz === 'A' ? n : k, 0);
            expect(info, `${bad} in ${m}x${n}, jobz ${jobz}`).toBeGreaterThan(0);
            expect(Number.isNaN(s[0]), `${bad} in ${m}x${n}, jobz ${jobz}: values`).toBe(true);
          }
        }
      }
    });

    it('the contract example: diag(3, 4) has values [4, 3]', () => {
      const Ctor = precision === 'd' ? Float64Array : Float32Array;
      const s = new Ctor(2);
      const U = new Ctor(4);
      const VT = new Ctor(4);
      expect(lapack.gesdd('A', 2, 2, Ctor.of(3, 0, 0, 4), 2, 0, s, 0, U, 2, 0, VT, 2, 0)).toBe(0);
      expect(Array.from(s)).toEqual([4, 3]);
    });
  });
}

/** Runs gelsd with B (max(M, N)×nrhs) placed in a padded buffer; returns X (N×nrhs), rank, s. */
function runGelsd(
  lapack: Lapack<FloatArray>, precision: Precision, m: number, n: number, nrhs: number,
  a0: Float64Array, b0: Float64Array, rcond: number, layout: Layout,
): { info: number; x: Float64Array; rank: number; s: Float64Array } {
  const rows = Math.max(m, n, 1);
  const bFull = new Float64Array(rows * nrhs);
  for (let j = 0; j < nrhs; j++) for (let i = 0; i < m; i++) bFull[i + j * rows] = b0[i + j * m];
  const a = placeMatrix(precision, m, n, a0, layout);
  const b = placeMatrix(precision, rows, nrhs, bFull, layout);
  const k = Math.min(m, n);
  const s = allocate(precision, k + 2);
  const rank = new Int32Array(3).fill(-5);
  const info = lapack.gelsd(m, n, nrhs, a.data, a.ld, a.offset, b.data, b.ld, b.offset, s, 1, rcond, rank, 1);
  expect(strayWrites(b), 'writes outside B').toBe(0);
  expect(rank[0]).toBe(-5);
  expect(rank[2]).toBe(-5);
  const bOut = extractMatrix(b);
  const x = new Float64Array(n * nrhs);
  for (let j = 0; j < nrhs; j++) for (let i = 0; i < n; i++) x[i + j * n] = bOut[i + j * rows];
  return { info, x, rank: rank[1], s: Float64Array.from(s.subarray(1, 1 + k)) };
}

/** ‖X − X*‖₁ / (‖X*‖₁·κ·max(M, N)·eps). */
function solutionError(precision: Precision, m: number, n: number, nrhs: number, x: Float64Array, exact: Float64Array, kappa: number): number {
  const diff = x.map((v, t) => v - exact[t]);
  return ratio(matrixNorm('1', n, nrhs, diff), matrixNorm('1', n, nrhs, exact) * kappa * Math.max(m, n) * epsOf(precision));
}

/** The gelsd part of the suite. */
function gelsdConformance(target: ConformanceTarget, precision: Precision): void {
  describe(`gelsd (${precision}) on ${target.name}`, () => {
    const lapack = lapackFor(target, precision);
    const eps = epsOf(precision);
    const round = (a: FloatArray): Float64Array => Float64Array.from(precision === 's' ? Float32Array.from(a) : a);

    it('full-rank overdetermined, consistent: X equals the exact solution', () => {
      const rng = new Rng(31);
      for (const [m, n, nrhs, layout] of [[30, 10, 3, PADDED], [12, 12, 2, TIGHT], [60, 25, 1, PADDED]] as const) {
        const a = round(matrixWithSingularValues(precision, m, n, geometric(n, 10), rng));
        const xTrue = Float64Array.from(randomMatrix('d', n, nrhs, rng));
        const b = round(Float64Array.from(naiveMatmul('N', 'N', m, nrhs, n, a, m, xTrue, n)) as unknown as FloatArray);
        // The exact solution of the rounded problem, by the normal equations in double (κ = 10).
        const exact = solveDense(n, nrhs, naiveMatmul('T', 'N', n, n, m, a, m, a, m), naiveMatmul('T', 'N', n, nrhs, m, a, m, b, m));
        const r = runGelsd(lapack, precision, m, n, nrhs, a, b, -1, layout);
        expect(r.info).toBe(0);
        expect(r.rank).toBe(n);
        expect(solutionError(precision, m, n, nrhs, r.x, exact, 10), `${m}x${n}`).toBeLessThan(THRESHOLD);
      }
    });

    it('tiny and huge A and B (scaled into range inside): X is unchanged', () => {
      const rng = new Rng(36);
      const scales = precision === 'd' ? [1e-300, 1e300] : [1e-35, 1e35];
      for (const [m, n] of [[30, 10], [14, 12], [8, 20]] as const) {
        const a = round(matrixWithSingularValues(precision, m, n, geometric(Math.min(m, n), 10), rng));
        const xTrue = Float64Array.from(randomMatrix('d', n, 1, rng));
        const b = round(Float64Array.from(naiveMatmul('N', 'N', m, 1, n, a, m, xTrue, n)) as unknown as FloatArray);
        const reference = runGelsd(lapack, precision, m, n, 1, a, b, -1, TIGHT).x;
        for (const t of scales) {
          const r = runGelsd(lapack, precision, m, n, 1, a.map((v) => v * t), b.map((v) => v * t), -1, TIGHT);
          expect(r.info).toBe(0);
          expect(r.rank).toBe(Math.min(m, n));
          expect(solutionError(precision, m, n, 1, r.x, reference, 10), `${m}x${n}, scale ${t}`).toBeLessThan(THRESHOLD);
        }
      }
    });

    it('inconsistent overdetermined: the residual is orthogonal to the range of A', () => {
      const rng = new Rng(32);
      for (const [m, n, nrhs] of [[40, 15, 2], [25, 24, 3]] as const) {
        const a = round(matrixWithSingularValues(precision, m, n, geometric(n, 20), rng));
        const b = round(randomMatrix('d', m, nrhs, rng));
        const r = runGelsd(lapack, precision, m, n, nrhs, a, b, -1, PADDED);
        expect(r.info).toBe(0);
        const res = naiveMatmul('N', 'N', m, nrhs, n, a, m, r.x, n);
        for (let t = 0; t < res.length; t++) res[t] -= b[t];
        const atr = naiveMatmul('T', 'N', n, nrhs, m, a, m, res, m);
        const normA = matrixNorm('1', m, n, a);
        const scale = normA * Math.max(matrixNorm('1', m, nrhs, res), normA * matrixNorm('1', n, nrhs, r.x)) * Math.max(m, n) * eps;
        expect(ratio(matrixNorm('1', n, nrhs, atr), 20 * scale), `${m}x${n}: ‖Aᵀ(AX − B)‖`).toBeLessThan(THRESHOLD);
        const exact = solveDense(n, nrhs, naiveMatmul('T', 'N', n, n, m, a, m, a, m), naiveMatmul('T', 'N', n, nrhs, m, a, m, b, m));
        expect(solutionError(precision, m, n, nrhs, r.x, exact, 20 * 20), `${m}x${n}: X`).toBeLessThan(THRESHOLD);
      }
    });

    it('underdetermined: the minimum-norm solution', () => {
      const rng = new Rng(33);
      for (const [m, n, nrhs] of [[10, 30, 2], [1, 6, 1], [19, 20, 1]] as const) {
        const a = round(matrixWithSingularValues(precision, m, n, geometric(m, 10), rng));
        const b = round(randomMatrix('d', m, nrhs, rng));
        // X* = Aᵀ·(A·Aᵀ)⁻¹·B.
        const y = solveDense(m, nrhs, naiveMatmul('N', 'T', m, m, n, a, m, a, m), b);
        const exact = naiveMatmul('T', 'N', n, nrhs, m, a, m, y, m);
        const r = runGelsd(lapack, precision, m, n, nrhs, a, b, -1, PADDED);
        expect(r.info).toBe(0);
        expect(r.rank).toBe(m);
        expect(solutionError(precision, m, n, nrhs, r.x, exact, 10), `${m}x${n}`).toBeLessThan(THRESHOLD);
      }
    });

    it('rank-deficient: detects the rank and returns the minimum-norm least-squares solution', () => {
      const rng = new Rng(34);
      for (const [m, n, rk, nrhs] of [[20, 15, 6, 2], [12, 18, 5, 1], [16, 16, 1, 1]] as const) {
        // A = Y·Z with Y (m×r) and Z (r×n) of full rank r: the minimum-norm solution is
        // X* = Zᵀ(ZZᵀ)⁻¹(YᵀY)⁻¹YᵀB.
        const Y = round(randomMatrix('d', m, rk, rng));
        const Z = round(randomMatrix('d', rk, n, rng));
        const a = naiveMatmul('N', 'N', m, n, rk, Y, m, Z, rk);
        const aRounded = round(a as unknown as FloatArray);
        const b = round(randomMatrix('d', m, nrhs, rng));
        const rcond = precision === 'd' ? 1e-10 : 1e-4;
        const r = runGelsd(lapack, precision, m, n, nrhs, aRounded, b, rcond, PADDED);
        expect(r.info).toBe(0);
        expect(r.rank, `${m}x${n} rank ${rk}`).toBe(rk);
        const w = solveDense(rk, nrhs, naiveMatmul('T', 'N', rk, rk, m, Y, m, Y, m), naiveMatmul('T', 'N', rk, nrhs, m, Y, m, b, m));
        const z = solveDense(rk, nrhs, naiveMatmul('N', 'T', rk, rk, n, Z, rk, Z, rk), w);
        const exact = naiveMatmul('T', 'N', n, nrhs, rk, Z, rk, z, rk);
        // Rounding A to the precision perturbs it by eps·‖A‖; the truncated SVD solution moves by
        // that times κ_r², κ_r = σ₁/σ_r of the kept part.
        const kappa = r.s[0] / r.s[rk - 1];
        expect(solutionError(precision, m, n, nrhs, r.x, exact, kappa * kappa), `${m}x${n}: X`).toBeLessThan(THRESHOLD);
      }
    });

    it('rcond < 0 keeps every non-zero value; a zero matrix has rank 0 and X = 0', () => {
      const rng = new Rng(35);
      const a = round(randomMatrix('d', 9, 6, rng));
      const r = runGelsd(lapack, precision, 9, 6, 1, a, round(randomMatrix('d', 9, 1, rng)), -1, TIGHT);
      expect(r.rank).toBe(6);
      const z = runGelsd(lapack, precision, 5, 7, 2, new Float64Array(35), round(randomMatrix('d', 5, 2, rng)), -1, PADDED);
      expect(z.info).toBe(0);
      expect(z.rank).toBe(0);
      expect(Array.from(z.x)).toEqual(new Array(14).fill(0));
      const e = runGelsd(lapack, precision, 0, 3, 1, new Float64Array(0), new Float64Array(0), -1, TIGHT);
      expect(e.rank).toBe(0);
      expect(Array.from(e.x)).toEqual([0, 0, 0]);
    });

    it('a non-finite entry in A or B: info > 0, rank 0 and NaN in X', () => {
      for (const bad of [NaN, Infinity]) {
        for (const [m, n, inB] of [[9, 4, false], [4, 9, false], [9, 4, true]] as const) {
          const a = randomMatrix('d', m, n, new Rng(37));
          const b = randomMatrix('d', m, 1, new Rng(38));
          if (inB) b[2] = bad;
          else a[3] = bad;
          const r = runGelsd(lapack, precision, m, n, 1, Float64Array.from(a), Float64Array.from(b), -1, TIGHT);
          expect(r.info, `${bad} in ${inB ? 'B' : 'A'}, ${m}x${n}`).toBeGreaterThan(0);
          expect(r.rank).toBe(0);
          expect(Number.isNaN(r.x[0])).toBe(true);
        }
      }
    });

    it('the contract example: the line through (0, 1), (1, 2), (2, 3)', () => {
      const a = Float64Array.of(1, 1, 1, 0, 1, 2);
      const r = runGelsd(lapack, precision, 3, 2, 1, a, Float64Array.of(1, 2, 3), -1, TIGHT);
      expect(r.rank).toBe(2);
      expect(Math.abs(r.x[0] - 1)).toBeLessThan(THRESHOLD * 3 * eps);
      expect(Math.abs(r.x[1] - 1)).toBeLessThan(THRESHOLD * 3 * eps);
    });
  });
}

/**
 * The singular value conformance suite: `gesdd` (jobz A, S, N) over random, ill-conditioned,
 * rank-deficient, zero, identity, diagonal, graded, tiny/huge, repeated and clustered, tall, wide,
 * empty matrices, in tight and padded layouts; and `gelsd` on full-rank, inconsistent,
 * underdetermined and rank-deficient problems. Both precisions.
 *
 * @example
 * ```ts
 * import { referenceKernels } from '@polyblas/backend-js';
 * import { svdConformance } from '@polyblas/core/testing';
 * svdConformance({ name: 'js', kernels: referenceKernels });
 * ```
 */
export function svdConformance(target: ConformanceTarget): void {
  for (const precision of ['d', 's'] as const) {
    gesddConformance(target, precision);
    gelsdConformance(target, precision);
  }
}
