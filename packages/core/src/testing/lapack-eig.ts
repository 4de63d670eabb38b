/**
 * Conformance of the eigenvalue kernels (`syevd`, `geev`) with LAPACK-style scaled measures: each
 * ratio divides an error by what rounding allows (‖A‖·n·eps), so a correct backend scores O(1)
 * and the pass mark is 30, as in LAPACK's own tests.
 *
 * - syevd: ‖A·Z − Z·Λ‖₁/(‖A‖₁·n·eps), ‖ZᵀZ − I‖₁/(n·eps), ascending order, constructed spectra
 *   recovered, values-only runs agreeing with full runs, the unreferenced triangle never read.
 * - geev: ‖A·V − V·Λ‖₁/(‖A‖₁·n·eps) and ‖Aᴴ·U − U·Λᴴ‖₁/(‖A‖₁·n·eps) in complex arithmetic,
 *   Euclidean norm 1 with a real largest component, conjugate pairs consecutive with the positive
 *   imaginary part first, and known spectra recovered to within their condition: for eigenvalue j
 *   with unit left and right vectors u, v the error bound is ‖A‖·eps/|uᴴv|, so the measure is
 *   |λ − λ_true|·|uᴴv|/(‖A‖·n·eps).
 *
 * Every matrix sits inside a larger buffer (an offset in front, a leading dimension above the row
 * count, a sentinel around it), so kernels are also checked for honouring offsets and leading
 * dimensions and for writing nowhere else.
 *
 * @module
 */
import { describe, expect, it } from 'vitest';
import { lapackOf, type EigJob, type FloatArray, type Lapack, type Precision, type Uplo } from '@polyblas/contract';
import type { ConformanceTarget } from './target.js';
import { Rng, allocate, epsOf, geometric, matrixNorm, matrixWithSingularValues, symmetricWithEigenvalues } from './util.js';

/** The pass mark of every scaled measure. */
const THRESHOLD = 30;

/** Fills every buffer element outside the matrix; any other value there afterwards is a stray write. */
const SENTINEL = -1234.5;

/** A square matrix in a buffer: `offset` elements in front, leading dimension n + pad. */
interface Placed {
  readonly data: FloatArray;
  readonly n: number;
  readonly ld: number;
  readonly offset: number;
}

const LAYOUTS = [
  { offset: 0, pad: 0 },
  { offset: 3, pad: 2 },
] as const;

function place(precision: Precision, n: number, a: ArrayLike<number>, layout: { offset: number; pad: number }, fill = SENTINEL): Placed {
  const ld = Math.max(1, n + layout.pad);
  const data = allocate(precision, layout.offset + ld * n + 2).fill(fill);
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) data[layout.offset + i + j * ld] = a[i + j * n];
  return { data, n, ld, offset: layout.offset };
}

/** The matrix part of a placed buffer as a dense double array. */
function extract(p: Placed): Float64Array {
  const out = new Float64Array(p.n * p.n);
  for (let j = 0; j < p.n; j++) for (let i = 0; i < p.n; i++) out[i + j * p.n] = p.data[p.offset + i + j * p.ld];
  return out;
}

/** Whether every element outside the matrix still holds the sentinel. */
function untouchedOutside(p: Placed): boolean {
  for (let k = 0; k < p.data.length; k++) {
    const rel = k - p.offset;
    const inside = rel >= 0 && rel < p.ld * p.n && rel % p.ld < p.n;
    if (!inside && p.data[k] !== SENTINEL) return false;
  }
  return true;
}

/** A dense N×N matrix rounded to the precision (so tests compare with exactly what the kernel saw). */
function rounded(precision: Precision, a: ArrayLike<number>): Float64Array {
  return Float64Array.from(precision === 'd' ? a : Float32Array.from(a));
}

function symmetricPart(n: number, a: Float64Array): Float64Array {
  for (let j = 0; j < n; j++) for (let i = j + 1; i < n; i++) a[j + i * n] = a[i + j * n];
  return a;
}

/** Random orthogonal similarity Q·B·Qᵀ by a few random reflectors (spectrum unchanged, normality kept). */
function orthogonalSimilarity(n: number, b: Float64Array, rng: Rng): Float64Array {
  const a = Float64Array.from(b);
  for (let round = 0; round < Math.min(4, n); round++) {
    const v = Float64Array.from({ length: n }, () => rng.normal());
    const scale = 2 / v.reduce((s, t) => s + t * t, 0);
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += v[i] * a[i + j * n];
      for (let i = 0; i < n; i++) a[i + j * n] -= scale * s * v[i];
    }
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += a[i + j * n] * v[j];
      for (let j = 0; j < n; j++) a[i + j * n] -= scale * s * v[j];
    }
  }
  return a;
}

/** The complex eigenvector j from geev's packing (real and imaginary parts). */
function vectorOf(v: Float64Array, n: number, wi: ArrayLike<number>, j: number): [Float64Array, Float64Array] {
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  if (wi[j] === 0) {
    for (let i = 0; i < n; i++) re[i] = v[i + j * n];
  } else {
    const first = wi[j] > 0 ? j : j - 1;
    const sign = wi[j] > 0 ? 1 : -1;
    for (let i = 0; i < n; i++) {
      re[i] = v[i + first * n];
      im[i] = sign * v[i + (first + 1) * n];
    }
  }
  return [re, im];
}

/**
 * max_j ‖op(A)·v_j − μ_j·v_j‖₁ / (‖A‖₁·n·eps), with op(A) = A and μ = λ (right vectors) or
 * op(A) = Aᵀ = Aᴴ and μ = λ̄ (left vectors).
 */
function eigenResidual(
  precision: Precision, n: number, a: Float64Array, v: Float64Array, wr: ArrayLike<number>, wi: ArrayLike<number>, left: boolean,
): number {
  const anorm = matrixNorm('1', n, n, a) || 1;
  let worst = 0;
  for (let j = 0; j < n; j++) {
    const [re, im] = vectorOf(v, n, wi, j);
    const lr = wr[j];
    const li = left ? -wi[j] : wi[j];
    let colSum = 0;
    for (let i = 0; i < n; i++) {
      let sr = 0;
      let si = 0;
      for (let k = 0; k < n; k++) {
        const aik = left ? a[k + i * n] : a[i + k * n];
        sr += aik * re[k];
        si += aik * im[k];
      }
      sr -= lr * re[i] - li * im[i];
      si -= lr * im[i] + li * re[i];
      colSum += Math.hypot(sr, si);
    }
    worst = Math.max(worst, colSum);
  }
  return worst / (anorm * Math.max(n, 1) * epsOf(precision));
}

/** max_j of |‖v_j‖₂ − 1| and of how far the largest component is from being real, over n·eps. */
function normalisationError(precision: Precision, n: number, v: Float64Array, wi: ArrayLike<number>): number {
  let worst = 0;
  for (let j = 0; j < n; j++) {
    const [re, im] = vectorOf(v, n, wi, j);
    let ss = 0;
    let biggest = 0;
    let biggestReal = 0;
    for (let i = 0; i < n; i++) {
      const m = Math.hypot(re[i], im[i]);
      ss += m * m;
      biggest = Math.max(biggest, m);
      if (im[i] === 0) biggestReal = Math.max(biggestReal, m);
    }
    worst = Math.max(worst, Math.abs(Math.sqrt(ss) - 1), biggest - biggestReal);
  }
  return worst / (Math.max(n, 1) * epsOf(precision));
}

/** Complex conjugate pairs consecutive, positive imaginary part first, with equal real parts. */
function pairsWellFormed(n: number, wr: ArrayLike<number>, wi: ArrayLike<number>): boolean {
  for (let j = 0; j < n; j++) {
    if (wi[j] > 0) {
      if (j + 1 >= n || wi[j + 1] !== -wi[j] || wr[j + 1] !== wr[j]) return false;
      j++;
    } else if (wi[j] < 0) return false;
  }
  return true;
}

/** |uᴴv| for unit left and right vectors of eigenvalue j: the reciprocal condition of λ_j. */
function reciprocalCondition(n: number, vl: Float64Array, vr: Float64Array, wi: ArrayLike<number>, j: number): number {
  const [ur, ui] = vectorOf(vl, n, wi, j);
  const [vr2, vi2] = vectorOf(vr, n, wi, j);
  let sr = 0;
  let si = 0;
  for (let i = 0; i < n; i++) {
    // conj(u)·v
    sr += ur[i] * vr2[i] + ui[i] * vi2[i];
    si += ur[i] * vi2[i] - ui[i] * vr2[i];
  }
  return Math.hypot(sr, si);
}

interface GeevRun {
  info: number;
  wr: Float64Array;
  wi: Float64Array;
  vl: Float64Array;
  vr: Float64Array;
  clean: boolean;
}

function runGeev(
  lapack: Lapack<FloatArray>, precision: Precision, n: number, a: ArrayLike<number>,
  jobvl: EigJob, jobvr: EigJob, layout: { offset: number; pad: number },
): GeevRun {
  const A = place(precision, n, a, layout);
  const VL = place(precision, n, new Float64Array(n * n), { offset: layout.offset + 1, pad: layout.pad + 1 });
  const VR = place(precision, n, new Float64Array(n * n), { offset: layout.offset + 2, pad: layout.pad });
  const wr = allocate(precision, n + 2 * layout.offset + 1).fill(SENTINEL);
  const wi = allocate(precision, n + layout.offset + 3).fill(SENTINEL);
  const ow = layout.offset;
  const oi = layout.offset + 1;
  const info = lapack.geev(jobvl, jobvr, n, A.data, A.ld, A.offset, wr, ow, wi, oi,
    VL.data, VL.ld, VL.offset, VR.data, VR.ld, VR.offset);
  let clean = untouchedOutside(A) && untouchedOutside(VL) && untouchedOutside(VR);
  for (let k = 0; k < wr.length; k++) if ((k < ow || k >= ow + n) && wr[k] !== SENTINEL) clean = false;
  for (let k = 0; k < wi.length; k++) if ((k < oi || k >= oi + n) && wi[k] !== SENTINEL) clean = false;
  return {
    info,
    wr: Float64Array.from(wr.subarray(ow, ow + n)),
    wi: Float64Array.from(wi.subarray(oi, oi + n)),
    vl: extract(VL),
    vr: extract(VR),
    clean,
  };
}

interface SyevdRun {
  info: number;
  w: Float64Array;
  z: Float64Array;
  clean: boolean;
}

function runSyevd(
  lapack: Lapack<FloatArray>, precision: Precision, n: number, a: ArrayLike<number>, jobz: EigJob, uplo: Uplo,
  layout: { offset: number; pad: number },
): SyevdRun {
  // The triangle that is not referenced holds NaN: reading it would spoil the result.
  const masked = Float64Array.from(a);
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) if (uplo === 'L' ? i < j : i > j) masked[i + j * n] = NaN;
  const A = place(precision, n, masked, layout);
  const w = allocate(precision, n + layout.offset + 2).fill(SENTINEL);
  const info = lapack.syevd(jobz, uplo, n, A.data, A.ld, A.offset, w, layout.offset);
  let clean = untouchedOutside(A);
  for (let k = 0; k < w.length; k++) if ((k < layout.offset || k >= layout.offset + n) && w[k] !== SENTINEL) clean = false;
  return { info, w: Float64Array.from(w.subarray(layout.offset, layout.offset + n)), z: extract(A), clean };
}

/** ‖A·Z − Z·Λ‖₁/(‖A‖₁·n·eps) for a symmetric A. */
function symmetricResidual(precision: Precision, n: number, a: Float64Array, z: Float64Array, w: Float64Array): number {
  if (n === 0) return 0;
  const anorm = matrixNorm('1', n, n, a) || 1;
  let worst = 0;
  for (let j = 0; j < n; j++) {
    let col = 0;
    for (let i = 0; i < n; i++) {
      let s = -w[j] * z[i + j * n];
      for (let k = 0; k < n; k++) s += a[i + k * n] * z[k + j * n];
      col += Math.abs(s);
    }
    worst = Math.max(worst, col);
  }
  return worst / (anorm * n * epsOf(precision));
}

function orthogonality(precision: Precision, n: number, z: Float64Array): number {
  if (n === 0) return 0;
  let worst = 0;
  for (let j = 0; j < n; j++) {
    let col = 0;
    for (let k = 0; k < n; k++) {
      let s = j === k ? -1 : 0;
      for (let i = 0; i < n; i++) s += z[i + j * n] * z[i + k * n];
      col += Math.abs(s);
    }
    worst = Math.max(worst, col);
  }
  return worst / (n * epsOf(precision));
}

/** A named symmetric test matrix (column-major, full) and its spectrum when known. */
interface SymmetricCase {
  readonly name: string;
  readonly n: number;
  readonly a: Float64Array;
  readonly spectrum?: number[];
}

function symmetricCases(precision: Precision): SymmetricCase[] {
  const rng = new Rng(precision === 'd' ? 101 : 202);
  const cases: SymmetricCase[] = [];
  const random = (n: number): Float64Array => {
    const a = new Float64Array(n * n);
    for (let j = 0; j < n; j++) for (let i = j; i < n; i++) a[i + j * n] = rng.signed();
    return symmetricPart(n, a);
  };
  for (const n of [0, 1, 2, 3, 5, 17, 64, 100, 150]) cases.push({ name: `random ${n}`, n, a: random(n) });
  const known = (name: string, lambda: number[]): void => {
    const n = lambda.length;
    cases.push({ name, n, a: Float64Array.from(symmetricWithEigenvalues('d', n, lambda, rng)), spectrum: lambda });
  };
  known('indefinite 40', Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 1 : -1) * (1 + i / 7)));
  known('indefinite 130', Array.from({ length: 130 }, (_, i) => Math.sin(i + 1) * 3));
  known('repeated 60', Array.from({ length: 60 }, (_, i) => [2, -1, 0.5][i % 3]));
  known('ill-conditioned 50', geometric(50, 1e12));
  known('clustered 30', Array.from({ length: 30 }, (_, i) => 1 + i * 1e-9));
  known('clusters 90', Array.from({ length: 90 }, (_, i) => Math.floor(i / 10) + (i % 10) * 1e-10));
  // Wilkinson's W+ of order 101: pairs of eigenvalues equal to many digits.
  const wn = 101;
  const wilk = new Float64Array(wn * wn);
  for (let i = 0; i < wn; i++) {
    wilk[i + i * wn] = Math.abs(i - 50);
    if (i > 0) wilk[i + (i - 1) * wn] = wilk[i - 1 + i * wn] = 1;
  }
  cases.push({ name: 'Wilkinson W+ 101', n: wn, a: wilk });
  cases.push({ name: 'zero 7', n: 7, a: new Float64Array(49), spectrum: Array(7).fill(0) });
  const big = precision === 'd' ? 1e300 : 1e36;
  const tiny = precision === 'd' ? 1e-300 : 1e-36;
  cases.push({ name: 'huge entries 40', n: 40, a: random(40).map((x) => x * big) });
  cases.push({ name: 'tiny entries 40', n: 40, a: random(40).map((x) => x * tiny) });
  const eye = new Float64Array(36);
  for (let i = 0; i < 6; i++) eye[i + i * 6] = 1;
  cases.push({ name: 'identity 6', n: 6, a: eye, spectrum: Array(6).fill(1) });
  const diag = new Float64Array(25);
  const dvals = [3, -1, 4, 1, -5];
  for (let i = 0; i < 5; i++) diag[i + i * 5] = dvals[i];
  cases.push({ name: 'diagonal 5', n: 5, a: diag, spectrum: dvals });
  // Graded: D·S·D with D = diag(4^-i), entries over 30 orders of magnitude in double.
  const g = random(24);
  const grade = precision === 'd' ? 4 : 2;
  for (let j = 0; j < 24; j++) for (let i = 0; i < 24; i++) g[i + j * 24] *= grade ** -(i + j);
  cases.push({ name: 'graded 24', n: 24, a: g });
  // Tridiagonal already (nothing to reduce).
  const t = new Float64Array(400);
  for (let i = 0; i < 20; i++) {
    t[i + i * 20] = 2;
    if (i > 0) t[i + (i - 1) * 20] = t[i - 1 + i * 20] = -1;
  }
  cases.push({
    name: 'tridiagonal 20', n: 20, a: t,
    spectrum: Array.from({ length: 20 }, (_, k) => 2 - 2 * Math.cos(((k + 1) * Math.PI) / 21)),
  });
  return cases;
}

/** A named general test matrix and, when known, its eigenvalues (as [re, im] pairs). */
interface GeneralCase {
  readonly name: string;
  readonly n: number;
  readonly a: Float64Array;
  readonly spectrum?: [number, number][];
}

function generalCases(precision: Precision): GeneralCase[] {
  const rng = new Rng(precision === 'd' ? 303 : 404);
  const cases: GeneralCase[] = [];
  const random = (n: number): Float64Array => Float64Array.from({ length: n * n }, () => rng.signed());
  for (const n of [0, 1, 2, 3, 4, 7, 20, 50, 150]) cases.push({ name: `random ${n}`, n, a: random(n) });

  // Block-diagonal real Schur form with known eigenvalues, hidden by an orthogonal similarity.
  const schurCase = (name: string, blocks: [number, number][]): void => {
    const n = blocks.reduce((s, [, im]) => s + (im === 0 ? 1 : 2), 0);
    const b = new Float64Array(n * n);
    const spectrum: [number, number][] = [];
    let k = 0;
    for (const [re, im] of blocks) {
      if (im === 0) {
        b[k + k * n] = re;
        spectrum.push([re, 0]);
        k++;
      } else {
        // [re, im·2; −im/2, re] has eigenvalues re ± i·im.
        b[k + k * n] = re;
        b[k + 1 + (k + 1) * n] = re;
        b[k + (k + 1) * n] = 2 * im;
        b[k + 1 + k * n] = -im / 2;
        spectrum.push([re, im], [re, -im]);
        k += 2;
      }
    }
    // Some coupling above the diagonal (the Schur form of a non-normal matrix).
    for (let j = 0; j < n; j++) for (let i = 0; i < j; i++) if (b[i + j * n] === 0 && !(i + 1 === j && b[j + i * n] !== 0)) b[i + j * n] = 0.3 * rng.signed();
    cases.push({ name, n, a: orthogonalSimilarity(n, b, rng), spectrum });
  };
  schurCase('known Schur form 9', [[1, 0], [2, 3], [-1, 0], [0.5, 0.25], [-3, 0], [4, 0]]);
  schurCase('known Schur form 40', Array.from({ length: 25 }, (_, i) => [Math.cos(i), i % 3 === 0 ? 0 : 1 + (i % 5)] as [number, number]));
  // Large enough for the multishift QR with early deflation.
  schurCase('known Schur form 120', Array.from({ length: 75 }, (_, i) => [Math.sin(i), i % 3 === 0 ? 0 : 0.5 + (i % 7) / 3] as [number, number]));
  schurCase('repeated eigenvalues 12', [[2, 0], [2, 0], [2, 0], [1, 1], [1, 1], [-1, 0], [-1, 0], [-1, 0], [-1, 0], [3, 0]]);

  // Companion matrix of (x − 1)(x + 2)(x − 3)(x² − 2x + 5): roots 1, −2, 3, 1 ± 2i.
  const coeffs = [30, -37, 6, 4, -4]; // x⁵ − 4x⁴ + 4x³ + 6x² − 37x + 30, low order first
  const nc = 5;
  const comp = new Float64Array(nc * nc);
  for (let i = 1; i < nc; i++) comp[i + (i - 1) * nc] = 1;
  for (let i = 0; i < nc; i++) comp[i + (nc - 1) * nc] = -coeffs[i];
  cases.push({ name: 'companion 5', n: nc, a: comp, spectrum: [[1, 0], [-2, 0], [3, 0], [1, 2], [1, -2]] });

  // Rotations: a 2×2 one and a block diagonal of several, mixed orthogonally.
  const rot = (t: number): Float64Array => Float64Array.from([Math.cos(t), Math.sin(t), -Math.sin(t), Math.cos(t)]);
  cases.push({ name: 'rotation 2', n: 2, a: rot(0.7), spectrum: [[Math.cos(0.7), Math.sin(0.7)], [Math.cos(0.7), -Math.sin(0.7)]] });
  const angles = [0.3, 1.1, 2.5, Math.PI / 2];
  const rb = new Float64Array(64);
  const rs: [number, number][] = [];
  angles.forEach((t, q) => {
    const r = rot(t);
    for (let j = 0; j < 2; j++) for (let i = 0; i < 2; i++) rb[2 * q + i + (2 * q + j) * 8] = r[i + 2 * j];
    rs.push([Math.cos(t), Math.sin(t)], [Math.cos(t), -Math.sin(t)]);
  });
  cases.push({ name: 'rotations 8', n: 8, a: orthogonalSimilarity(8, rb, rng), spectrum: rs });

  cases.push({ name: 'zero 6', n: 6, a: new Float64Array(36), spectrum: Array.from({ length: 6 }, () => [0, 0] as [number, number]) });
  const eye = new Float64Array(25);
  for (let i = 0; i < 5; i++) eye[i + i * 5] = 1;
  cases.push({ name: 'identity 5', n: 5, a: eye, spectrum: Array.from({ length: 5 }, () => [1, 0] as [number, number]) });
  const dvals = [4, -2, 0.5, 7, -3, 1];
  const diag = new Float64Array(36);
  dvals.forEach((v, i) => (diag[i + i * 6] = v));
  cases.push({ name: 'diagonal 6', n: 6, a: diag, spectrum: dvals.map((v) => [v, 0] as [number, number]) });
  // Upper triangular: eigenvalues on the diagonal (balancing isolates them all).
  const tri = new Float64Array(100);
  for (let j = 0; j < 10; j++) for (let i = 0; i <= j; i++) tri[i + j * 10] = i === j ? j - 4.5 : rng.signed();
  cases.push({ name: 'upper triangular 10', n: 10, a: tri, spectrum: Array.from({ length: 10 }, (_, j) => [j - 4.5, 0] as [number, number]) });
  // Lower triangular with a dense middle block: part isolated, part iterated.
  const mixed = random(12);
  for (let j = 0; j < 12; j++) for (let i = 0; i < 12; i++) if ((i < 3 || j < 3 || i > 9 || j > 9) && i < j) mixed[i + j * 12] = 0;
  cases.push({ name: 'partly triangular 12', n: 12, a: mixed });
  // Graded (balancing matters): D·R·D⁻¹ with D = diag(8^i), same spectrum as R, entries over a huge range.
  const gr = random(16);
  for (let j = 0; j < 16; j++) for (let i = 0; i < 16; i++) gr[i + j * 16] *= 8 ** (i - j);
  cases.push({ name: 'graded 16', n: 16, a: gr });
  // Nearly singular (condition number 1e10): tiny eigenvalues among ordinary ones.
  cases.push({ name: 'ill-conditioned 40', n: 40, a: Float64Array.from(matrixWithSingularValues('d', 40, 40, geometric(40, 1e10), rng)) });
  // Entries near the overflow and underflow thresholds (the kernels scale internally).
  const big = precision === 'd' ? 1e300 : 1e36;
  const tiny = precision === 'd' ? 1e-300 : 1e-36;
  cases.push({ name: 'huge entries 30', n: 30, a: random(30).map((x) => x * big) });
  cases.push({ name: 'tiny entries 30', n: 30, a: random(30).map((x) => x * tiny) });
  // Ill-conditioned eigenvalues: a Jordan-like block plus a random perturbation.
  const jordan = new Float64Array(64);
  for (let i = 0; i < 8; i++) {
    jordan[i + i * 8] = 1;
    if (i < 7) jordan[i + (i + 1) * 8] = 1;
  }
  cases.push({ name: 'defective 8', n: 8, a: jordan });
  // A Hessenberg matrix (already reduced) with tiny subdiagonal entries.
  const hess = random(30);
  for (let j = 0; j < 30; j++) for (let i = j + 2; i < 30; i++) hess[i + j * 30] = 0;
  for (let j = 0; j < 29; j += 4) hess[j + 1 + j * 30] *= 1e-13;
  cases.push({ name: 'Hessenberg with small subdiagonal 30', n: 30, a: hess });
  // Entries uniform in [0, 1): one dominant eigenvalue ≈ n/2 far from the others (|λ| ≲ √(n/12)),
  // which converges first, at the top, while the multishift sweeps go on below it.
  cases.push({ name: 'uniform [0, 1) 200', n: 200, a: Float64Array.from({ length: 200 * 200 }, () => rng.next()) });
  return cases;
}

/**
 * Runs the eigenvalue conformance suite (`dsyevd`, `ssyevd`, `dgeev`, `sgeev`) against a target.
 *
 * @example
 * ```ts
 * import { referenceKernels } from '@polyblas/backend-js';
 * import { eigConformance } from '@polyblas/core/testing';
 * eigConformance({ name: 'js', kernels: referenceKernels });
 * ```
 */
export function eigConformance(target: ConformanceTarget): void {
  for (const precision of ['d', 's'] as const) {
    const lapack = lapackOf(target.kernels, precision) as unknown as Lapack<FloatArray>;
    const eps = epsOf(precision);

    describe(`${target.name}: ${precision}syevd`, () => {
      for (const c of symmetricCases(precision)) {
        it(`${c.name}: residual, orthogonality, order, spectrum, values-only agreement`, () => {
          const a = rounded(precision, c.a);
          const n = c.n;
          for (const [li, layout] of LAYOUTS.entries()) {
            const uplo: Uplo = li === 0 ? 'L' : 'U';
            const full = runSyevd(lapack, precision, n, a, 'V', uplo, layout);
            expect(full.info, 'info').toBe(0);
            expect(full.clean, 'no writes outside A and w').toBe(true);
            for (let j = 1; j < n; j++) expect(full.w[j], 'ascending').toBeGreaterThanOrEqual(full.w[j - 1]);
            expect(symmetricResidual(precision, n, a, full.z, full.w), `residual (${uplo})`).toBeLessThan(THRESHOLD);
            expect(orthogonality(precision, n, full.z), `orthogonality (${uplo})`).toBeLessThan(THRESHOLD);
            const anorm = matrixNorm('1', n, n, a) || 1;
            const values = runSyevd(lapack, precision, n, a, 'N', uplo, layout);
            expect(values.info).toBe(0);
            expect(values.clean).toBe(true);
            for (let j = 0; j < n; j++) {
              expect(Math.abs(values.w[j] - full.w[j]) / (anorm * n * eps), 'values-only agrees').toBeLessThan(THRESHOLD);
            }
            if (c.spectrum) {
              const sorted = [...c.spectrum].sort((x, y) => x - y);
              for (let j = 0; j < n; j++) {
                expect(Math.abs(full.w[j] - sorted[j]) / (anorm * n * eps), `eigenvalue ${j}`).toBeLessThan(THRESHOLD);
              }
            }
          }
        });
      }

      it('a NaN entry returns (no endless iteration)', () => {
        for (const n of [5, 90]) {
          const a = symmetricPart(n, Float64Array.from({ length: n * n }, (_, k) => Math.cos(k)));
          a[n + 1] = NaN;
          const r = runSyevd(lapack, precision, n, a, 'V', 'L', LAYOUTS[0]);
          expect(r.clean).toBe(true);
          expect(r.info > 0 || r.w.some((x) => Number.isNaN(x))).toBe(true);
        }
      });

      it('1×1 and 0×0 edge cases', () => {
        const one = runSyevd(lapack, precision, 1, [-3.5], 'V', 'U', { offset: 2, pad: 1 });
        expect(one.w[0]).toBe(-3.5);
        expect(Math.abs(one.z[0])).toBe(1);
        const none = runSyevd(lapack, precision, 0, [], 'V', 'L', { offset: 1, pad: 0 });
        expect(none.info).toBe(0);
        expect(none.clean).toBe(true);
      });
    });

    describe(`${target.name}: ${precision}geev`, () => {
      for (const c of generalCases(precision)) {
        it(`${c.name}: residuals, normalisation, pairs, spectrum`, () => {
          const a = rounded(precision, c.a);
          const n = c.n;
          const anorm = matrixNorm('1', n, n, a) || 1;
          const both = runGeev(lapack, precision, n, a, 'V', 'V', LAYOUTS[1]);
          expect(both.info, 'info').toBe(0);
          expect(both.clean, 'no writes outside the outputs').toBe(true);
          expect(pairsWellFormed(n, both.wr, both.wi), 'conjugate pairs').toBe(true);
          expect(eigenResidual(precision, n, a, both.vr, both.wr, both.wi, false), 'right residual').toBeLessThan(THRESHOLD);
          expect(eigenResidual(precision, n, a, both.vl, both.wr, both.wi, true), 'left residual').toBeLessThan(THRESHOLD);
          expect(normalisationError(precision, n, both.vr, both.wi), 'right normalisation').toBeLessThan(THRESHOLD);
          expect(normalisationError(precision, n, both.vl, both.wi), 'left normalisation').toBeLessThan(THRESHOLD);
          // Each eigenvalue to within its condition number (from the computed vectors).
          const rcond = Array.from({ length: n }, (_, j) => Math.max(reciprocalCondition(n, both.vl, both.vr, both.wi, j), eps));
          const near = (wr: number, wi: number, j: number): number =>
            (Math.hypot(wr - both.wr[j], wi - both.wi[j]) * rcond[j]) / (anorm * n * eps);
          if (c.spectrum) {
            const used = new Array<boolean>(n).fill(false);
            for (let j = 0; j < n; j++) {
              // Match each computed eigenvalue with the closest unused true one.
              let best = -1;
              for (let t = 0; t < n; t++) {
                if (used[t]) continue;
                if (best < 0 || Math.hypot(c.spectrum[t][0] - both.wr[j], c.spectrum[t][1] - both.wi[j])
                  < Math.hypot(c.spectrum[best][0] - both.wr[j], c.spectrum[best][1] - both.wi[j])) best = t;
              }
              used[best] = true;
              expect(near(c.spectrum[best][0], c.spectrum[best][1], j), `eigenvalue ${j}`).toBeLessThan(THRESHOLD);
            }
          }
          // Other job combinations and the tight layout: same eigenvalues to within their condition.
          const runs: [EigJob, EigJob][] = [['N', 'N'], ['N', 'V'], ['V', 'N']];
          for (const [jl, jr] of runs) {
            const r = runGeev(lapack, precision, n, a, jl, jr, LAYOUTS[0]);
            expect(r.info).toBe(0);
            expect(r.clean).toBe(true);
            expect(pairsWellFormed(n, r.wr, r.wi)).toBe(true);
            for (let j = 0; j < n; j++) {
              let closest = Infinity;
              for (let t = 0; t < n; t++) closest = Math.min(closest, near(r.wr[t], r.wi[t], j));
              expect(closest, `${jl}${jr} eigenvalue ${j}`).toBeLessThan(THRESHOLD);
            }
            if (jr === 'V') expect(eigenResidual(precision, n, a, r.vr, r.wr, r.wi, false)).toBeLessThan(THRESHOLD);
            if (jl === 'V') expect(eigenResidual(precision, n, a, r.vl, r.wr, r.wi, true)).toBeLessThan(THRESHOLD);
          }
        });
      }

      it('1×1 and 0×0 edge cases', () => {
        const one = runGeev(lapack, precision, 1, [2.5], 'V', 'V', LAYOUTS[1]);
        expect(one.info).toBe(0);
        expect([one.wr[0], one.wi[0]]).toEqual([2.5, 0]);
        expect([Math.abs(one.vl[0]), Math.abs(one.vr[0])]).toEqual([1, 1]);
        const none = runGeev(lapack, precision, 0, [], 'V', 'V', LAYOUTS[1]);
        expect(none.info).toBe(0);
        expect(none.clean).toBe(true);
      });

      it('a NaN entry returns (no endless iteration), also past the multishift size', () => {
        for (const n of [5, 90]) {
          const a = Float64Array.from({ length: n * n }, (_, k) => Math.sin(k));
          a[n + 1] = NaN;
          const r = runGeev(lapack, precision, n, a, 'V', 'V', LAYOUTS[0]);
          expect(r.clean).toBe(true);
          expect(r.info > 0 || r.wr.some((x) => Number.isNaN(x))).toBe(true);
        }
      });

      it('the contract example: a rotation by 90 degrees', () => {
        const r = runGeev(lapack, precision, 2, [0, 1, -1, 0], 'N', 'V', LAYOUTS[0]);
        expect(Array.from(r.wi)).toEqual([1, -1]);
        expect(Array.from(r.wr)).toEqual([0, 0]);
      });
    });
  }
}
