/**
 * `trevc`: eigenvectors of a real upper quasi-triangular matrix (a real Schur form), transformed
 * back by the Schur vectors.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';
import type { LapackContext } from './context.js';

/** Columns of eigenvectors back-transformed together by one gemm. */
const BLOCK = 64;

/**
 * A scratch solver for the tiny (1×1 or 2×2) shifted systems of the substitution, in complex
 * arithmetic: (C − λ·I)·x = scale·b with C real and λ = lr + i·li. Keeps the solution below
 * `bignum` by choosing `scale ≤ 1`, and perturbs pivots below `smin` to `smin`.
 */
class SmallSolver {
  /** Solution real and imaginary parts, and the scale applied to the right-hand side. */
  xr0 = 0;
  xi0 = 0;
  xr1 = 0;
  xi1 = 0;
  scale = 1;

  constructor(private readonly bignum: number) {}

  solve1(c: number, lr: number, li: number, br: number, bi: number, smin: number): void {
    let pr = c - lr;
    let pi = -li;
    if (Math.abs(pr) + Math.abs(pi) < smin) {
      pr = smin;
      pi = 0;
    }
    this.scale = 1;
    const pabs = Math.abs(pr) + Math.abs(pi);
    const babs = Math.abs(br) + Math.abs(bi);
    if (pabs < 1 && babs > 1 && babs > this.bignum * pabs) {
      this.scale = 1 / babs;
      br *= this.scale;
      bi *= this.scale;
    }
    const [qr, qi] = cdiv(br, bi, pr, pi);
    this.xr0 = qr;
    this.xi0 = qi;
  }

  /**
   * 2×2: C = [c00 c01; c10 c11] − λ·I, by Gaussian elimination with complete pivoting.
   */
  solve2(
    c00: number, c01: number, c10: number, c11: number, lr: number, li: number,
    br0: number, bi0: number, br1: number, bi1: number, smin: number,
  ): void {
    // Entries as complex numbers: the diagonal carries −λ.
    const er = [c00 - lr, c10, c01, c11 - lr];
    const ei = [-li, 0, 0, -li];
    // index = row + 2·col
    let best = 0;
    let bestAbs = -1;
    for (let t = 0; t < 4; t++) {
      const a = Math.abs(er[t]) + Math.abs(ei[t]);
      if (a > bestAbs) {
        bestAbs = a;
        best = t;
      }
    }
    this.scale = 1;
    const br = [br0, br1];
    const bi = [bi0, bi1];
    if (bestAbs < smin) {
      // Numerically zero matrix: solve with smin·I.
      const babs = Math.max(Math.abs(br0) + Math.abs(bi0), Math.abs(br1) + Math.abs(bi1));
      if (smin < 1 && babs > 1 && babs > this.bignum * smin) this.scale = 1 / babs;
      this.xr0 = (br0 * this.scale) / smin;
      this.xi0 = (bi0 * this.scale) / smin;
      this.xr1 = (br1 * this.scale) / smin;
      this.xi1 = (bi1 * this.scale) / smin;
      return;
    }
    const pr = best & 1;
    const pc = best >> 1;
    const r2 = 1 - pr;
    const c2 = 1 - pc;
    const pRe = er[pr + 2 * pc], pIm = ei[pr + 2 * pc];
    const [lRe, lIm] = cdiv(er[r2 + 2 * pc], ei[r2 + 2 * pc], pRe, pIm);
    const uRe = er[pr + 2 * c2], uIm = ei[pr + 2 * c2];
    let u22r = er[r2 + 2 * c2] - (lRe * uRe - lIm * uIm);
    let u22i = ei[r2 + 2 * c2] - (lRe * uIm + lIm * uRe);
    if (Math.abs(u22r) + Math.abs(u22i) < smin) {
      u22r = smin;
      u22i = 0;
    }
    let y1r = br[pr];
    let y1i = bi[pr];
    let y2r = br[r2] - (lRe * y1r - lIm * y1i);
    let y2i = bi[r2] - (lRe * y1i + lIm * y1r);
    const uabs = Math.abs(u22r) + Math.abs(u22i);
    const yabs = Math.max(Math.abs(y2r) + Math.abs(y2i), Math.abs(y1r) + Math.abs(y1i));
    if (uabs < 1 && yabs > 1 && yabs > this.bignum * uabs) {
      this.scale = 1 / yabs;
      y1r *= this.scale;
      y1i *= this.scale;
      y2r *= this.scale;
      y2i *= this.scale;
    }
    const [x2r, x2i] = cdiv(y2r, y2i, u22r, u22i);
    const [x1r, x1i] = cdiv(y1r - (uRe * x2r - uIm * x2i), y1i - (uRe * x2i + uIm * x2r), pRe, pIm);
    if (pc === 0) {
      this.xr0 = x1r; this.xi0 = x1i; this.xr1 = x2r; this.xi1 = x2i;
    } else {
      this.xr0 = x2r; this.xi0 = x2i; this.xr1 = x1r; this.xi1 = x1i;
    }
  }
}

/** (ar + i·ai) / (br + i·bi) without needless overflow (Smith's method). */
function cdiv(ar: number, ai: number, br: number, bi: number): [number, number] {
  if (bi === 0) return [ar / br, ai / br];
  if (Math.abs(br) >= Math.abs(bi)) {
    const r = bi / br;
    const d = br + bi * r;
    return [(ar + ai * r) / d, (ai - ar * r) / d];
  }
  const r = br / bi;
  const d = bi + br * r;
  return [(ar * r + ai) / d, (ai * r - ar) / d];
}

/**
 * Computes right and/or left eigenvectors of the N×N upper quasi-triangular T (a real Schur form
 * from `hseqr`: standardised 2×2 blocks for complex pairs) and multiplies them by the Schur vectors:
 * on entry VR (VL) holds Q, on exit the eigenvectors of Q·T·Qᵀ. Column j is the vector of
 * eigenvalue j; for a complex pair j, j + 1 (positive imaginary part first) columns j and j + 1
 * hold the real and imaginary parts of the vector of eigenvalue j. Right vectors satisfy
 * A·x = λ·x, left vectors uᴴ·A = λ·uᴴ. Vectors are scaled to largest component magnitude about 1,
 * not normalised. Solutions are scaled against overflow and tiny pivots are perturbed to
 * ulp·|λ|, so a defective matrix still gets finite (nearly parallel) vectors.
 *
 * @example
 * ```ts
 * import { createLapackContext } from '@polyblas/backend-js';
 * import { trevc } from './trevc.js';
 * const ctx = createLapackContext('d');
 * const T = new Float64Array([1, 0, 1, 2]); // [[1, 1], [0, 2]]
 * const VR = new Float64Array([1, 0, 0, 1]);
 * trevc(ctx, false, true, 2, T, 2, 0, VR, 2, 0, VR, 2, 0); // VR = [1, 0, 1, 1]
 * ```
 */
export function trevc<T extends FloatArray>(
  ctx: LapackContext<T>, wantLeft: boolean, wantRight: boolean, N: number, T: T, ldt: number, offsetT: number,
  VL: T, ldvl: number, offsetVL: number, VR: T, ldvr: number, offsetVR: number,
): void {
  if (N === 0) return;
  const t = (i: number, j: number): number => offsetT + i + j * ldt;
  const ulp = 2 * ctx.eps;
  const smlnum = ctx.safmin * (N / ulp);
  const bignum = (1 - ulp) / smlnum;
  const nb = Math.min(BLOCK, N);
  // Workspace: column norms of T's strict upper part, a block of nb + 1 solution columns and the
  // gemm product.
  const ws = ctx.work(N + 2 * N * (nb + 1));
  const W = ws.data;
  const cn = ws.offset;
  const xb = cn + N;
  const prod = xb + N * (nb + 1);
  for (let j = 0; j < N; j++) {
    let s = 0;
    for (let i = 0; i < j; i++) s += Math.abs(T[t(i, j)]);
    W[cn + j] = s;
  }
  const solver = new SmallSolver(bignum);
  const isPair = (k: number): boolean => k + 1 < N && T[t(k + 1, k)] !== 0;
  const blas = ctx.blas;

  if (wantRight) {
    // A block holds the vectors of eigenvalues jlo..jhi, eigenvalue j in block column
    // nb − 1 − (jhi − j); vector j has rows 0..j, the rows below it up to jhi are zero.
    let jhi = N - 1;
    let ki = N - 1;
    const flush = (jlo: number): void => {
      const cols = jhi - jlo + 1;
      const first = xb + (nb - cols) * N;
      blas.gemm('N', 'N', N, cols, jhi + 1, 1, VR, 1, ldvr, offsetVR, W, 1, N, first, 0, W, 1, N, prod);
      for (let c = 0; c < cols; c++) blas.copy(N, W, 1, prod + c * N, VR, 1, offsetVR + (jlo + c) * ldvr);
    };
    while (ki >= 0) {
      const pair = ki > 0 && T[t(ki, ki - 1)] !== 0;
      const jfirst = pair ? ki - 1 : ki;
      if (jhi - jfirst + 1 > nb) {
        flush(ki + 1);
        jhi = ki;
      }
      const col = (j: number): number => xb + (nb - 1 - (jhi - j)) * N;
      if (pair) rightPair(ki, col(ki - 1), col(ki));
      else rightReal(ki, col(ki));
      for (let j = jfirst; j <= ki; j++) for (let r = ki + 1; r <= jhi; r++) W[col(j) + r] = 0;
      ki = jfirst - 1;
    }
    flush(0);
  }

  if (wantLeft) {
    // A block holds the vectors of eigenvalues jlo..jhi, eigenvalue j in block column j − jlo;
    // vector j has rows j..N−1, the rows above it down to jlo are zero.
    let jlo = 0;
    let ki = 0;
    const flush = (jhi: number): void => {
      const cols = jhi - jlo + 1;
      const rows = N - jlo;
      blas.gemm('N', 'N', N, cols, rows, 1, VL, 1, ldvl, offsetVL + jlo * ldvl, W, 1, N, xb + jlo, 0, W, 1, N, prod);
      for (let c = 0; c < cols; c++) blas.copy(N, W, 1, prod + c * N, VL, 1, offsetVL + (jlo + c) * ldvl);
    };
    while (ki < N) {
      const pair = isPair(ki);
      const jlast = pair ? ki + 1 : ki;
      if (jlast - jlo + 1 > nb) {
        flush(ki - 1);
        jlo = ki;
      }
      const col = (j: number): number => xb + (j - jlo) * N;
      if (pair) leftPair(ki, col(ki), col(ki + 1));
      else leftReal(ki, col(ki));
      for (let j = ki; j <= jlast; j++) for (let r = jlo; r < ki; r++) W[col(j) + r] = 0;
      ki = jlast + 1;
    }
    flush(N - 1);
  }

  /** Scales x[o + lo .. o + hi] (and y, when given) by s. */
  function scaleRange(o: number, lo: number, hi: number, s: number, o2 = -1): void {
    for (let r = lo; r <= hi; r++) W[o + r] *= s;
    if (o2 >= 0) for (let r = lo; r <= hi; r++) W[o2 + r] *= s;
  }

  /** Scales the vector so that its largest component has magnitude 1. */
  function normaliseMax(o: number, lo: number, hi: number, o2 = -1): void {
    let m = 0;
    for (let r = lo; r <= hi; r++) {
      const a = Math.abs(W[o + r]) + (o2 >= 0 ? Math.abs(W[o2 + r]) : 0);
      if (a > m) m = a;
    }
    if (m > 0) scaleRange(o, lo, hi, 1 / m, o2);
  }

  /** Right eigenvector of the real eigenvalue T(k, k), into W[x + 0..k]. */
  function rightReal(k: number, x: number): void {
    const wr = T[t(k, k)];
    const smin = Math.max(ulp * Math.abs(wr), smlnum);
    W[x + k] = 1;
    for (let r = 0; r < k; r++) W[x + r] = -T[t(r, k)];
    let j = k - 1;
    while (j >= 0) {
      if (j > 0 && T[t(j, j - 1)] !== 0) {
        solver.solve2(T[t(j - 1, j - 1)], T[t(j - 1, j)], T[t(j, j - 1)], T[t(j, j)], wr, 0,
          W[x + j - 1], 0, W[x + j], 0, smin);
        if (solver.scale !== 1) scaleRange(x, 0, k, solver.scale);
        W[x + j - 1] = solver.xr0;
        W[x + j] = solver.xr1;
        const big = Math.max(Math.abs(solver.xr0), Math.abs(solver.xr1));
        if (big > 1 && Math.max(W[cn + j - 1], W[cn + j]) > bignum / big) {
          scaleRange(x, 0, k, 1 / big);
        }
        if (j > 1) {
          const a = W[x + j - 1];
          const b = W[x + j];
          const c0 = t(0, j - 1);
          const c1 = t(0, j);
          for (let r = 0; r < j - 1; r++) W[x + r] -= a * T[c0 + r] + b * T[c1 + r];
        }
        j -= 2;
      } else {
        solver.solve1(T[t(j, j)], wr, 0, W[x + j], 0, smin);
        if (solver.scale !== 1) scaleRange(x, 0, k, solver.scale);
        W[x + j] = solver.xr0;
        const big = Math.abs(solver.xr0);
        if (big > 1 && W[cn + j] > bignum / big) scaleRange(x, 0, k, 1 / big);
        if (j > 0) blas.axpy(j, -W[x + j], T, 1, t(0, j), W, 1, x);
        j -= 1;
      }
    }
    normaliseMax(x, 0, k);
  }

  /** Right eigenvector of the pair at k − 1, k (eigenvalue wr + i·wi, wi > 0): real part into
   * W[xr + 0..k], imaginary part into W[xi + 0..k]. */
  function rightPair(k: number, xr: number, xi: number): void {
    const wr = T[t(k, k)];
    const b = T[t(k - 1, k)];
    const c = T[t(k, k - 1)];
    const wi = Math.sqrt(Math.abs(b)) * Math.sqrt(Math.abs(c));
    const smin = Math.max(ulp * (Math.abs(wr) + wi), smlnum);
    // (B − λ)·x = 0 for the standardised block B = [a b; c a], a − λ = −i·wi.
    if (Math.abs(b) >= Math.abs(c)) {
      W[xr + k - 1] = 1;
      W[xi + k - 1] = 0;
      W[xr + k] = 0;
      W[xi + k] = wi / b;
    } else {
      W[xr + k - 1] = 0;
      W[xi + k - 1] = wi / c;
      W[xr + k] = 1;
      W[xi + k] = 0;
    }
    for (let r = 0; r < k - 1; r++) {
      W[xr + r] = -W[xr + k - 1] * T[t(r, k - 1)] - W[xr + k] * T[t(r, k)];
      W[xi + r] = -W[xi + k - 1] * T[t(r, k - 1)] - W[xi + k] * T[t(r, k)];
    }
    let j = k - 2;
    while (j >= 0) {
      if (j > 0 && T[t(j, j - 1)] !== 0) {
        solver.solve2(T[t(j - 1, j - 1)], T[t(j - 1, j)], T[t(j, j - 1)], T[t(j, j)], wr, wi,
          W[xr + j - 1], W[xi + j - 1], W[xr + j], W[xi + j], smin);
        if (solver.scale !== 1) scaleRange(xr, 0, k, solver.scale, xi);
        W[xr + j - 1] = solver.xr0;
        W[xi + j - 1] = solver.xi0;
        W[xr + j] = solver.xr1;
        W[xi + j] = solver.xi1;
        const big = Math.max(Math.abs(solver.xr0) + Math.abs(solver.xi0), Math.abs(solver.xr1) + Math.abs(solver.xi1));
        if (big > 1 && Math.max(W[cn + j - 1], W[cn + j]) > bignum / big) scaleRange(xr, 0, k, 1 / big, xi);
        if (j > 1) update2(j - 1, t(0, j - 1), t(0, j), xr, xi, W[xr + j - 1], W[xr + j], W[xi + j - 1], W[xi + j]);
        j -= 2;
      } else {
        solver.solve1(T[t(j, j)], wr, wi, W[xr + j], W[xi + j], smin);
        if (solver.scale !== 1) scaleRange(xr, 0, k, solver.scale, xi);
        W[xr + j] = solver.xr0;
        W[xi + j] = solver.xi0;
        const big = Math.abs(solver.xr0) + Math.abs(solver.xi0);
        if (big > 1 && W[cn + j] > bignum / big) scaleRange(xr, 0, k, 1 / big, xi);
        if (j > 0) update1(j, t(0, j), xr, xi, W[xr + j], W[xi + j]);
        j -= 1;
      }
    }
    normaliseMax(xr, 0, k, xi);
  }

  /** W[xr + 0..len−1] −= a·T(c0) + b·T(c1) and W[xi + ..] −= c·T(c0) + d·T(c1) (columns of T at c0, c1). */
  function update2(len: number, c0: number, c1: number, xr: number, xi: number, a: number, b: number, c: number, d: number): void {
    for (let r = 0; r < len; r++) {
      const u = T[c0 + r];
      const v = T[c1 + r];
      W[xr + r] -= a * u + b * v;
      W[xi + r] -= c * u + d * v;
    }
  }

  /** W[xr + 0..len−1] −= a·T(c0) and W[xi + ..] −= b·T(c0). */
  function update1(len: number, c0: number, xr: number, xi: number, a: number, b: number): void {
    for (let r = 0; r < len; r++) {
      const u = T[c0 + r];
      W[xr + r] -= a * u;
      W[xi + r] -= b * u;
    }
  }

  /** Left eigenvector of the real eigenvalue T(k, k): solves Tᵀ·u = λ·u, into W[x + k..N−1]. */
  function leftReal(k: number, x: number): void {
    const wr = T[t(k, k)];
    const smin = Math.max(ulp * Math.abs(wr), smlnum);
    W[x + k] = 1;
    let j = k + 1;
    while (j < N) {
      if (isPair(j)) {
        const r0 = -blas.dot(j - k, T, 1, t(k, j), W, 1, x + k);
        const r1 = -blas.dot(j - k, T, 1, t(k, j + 1), W, 1, x + k);
        // The transposed block.
        solver.solve2(T[t(j, j)], T[t(j + 1, j)], T[t(j, j + 1)], T[t(j + 1, j + 1)], wr, 0, r0, 0, r1, 0, smin);
        if (solver.scale !== 1) scaleRange(x, k, j - 1, solver.scale);
        W[x + j] = solver.xr0;
        W[x + j + 1] = solver.xr1;
        guardLeft(x, -1, k, j + 1, Math.max(W[cn + Math.min(j + 2, N - 1)], 0));
        j += 2;
      } else {
        const r0 = -blas.dot(j - k, T, 1, t(k, j), W, 1, x + k);
        solver.solve1(T[t(j, j)], wr, 0, r0, 0, smin);
        if (solver.scale !== 1) scaleRange(x, k, j - 1, solver.scale);
        W[x + j] = solver.xr0;
        guardLeft(x, -1, k, j, W[cn + Math.min(j + 1, N - 1)]);
        j += 1;
      }
    }
    normaliseMax(x, k, N - 1);
  }

  /** Left eigenvector of the pair at k, k + 1 (eigenvalue λ = wr + i·wi, wi > 0): u with
   * uᴴ·T = λ·uᴴ, i.e. Tᵀ·u = λ̄·u; real part into W[xr + k..], imaginary part into W[xi + k..]. */
  function leftPair(k: number, xr: number, xi: number): void {
    const wr = T[t(k, k)];
    const b = T[t(k, k + 1)];
    const c = T[t(k + 1, k)];
    const wi = Math.sqrt(Math.abs(b)) * Math.sqrt(Math.abs(c));
    const smin = Math.max(ulp * (Math.abs(wr) + wi), smlnum);
    // (Bᵀ − λ̄)·u = 0 for Bᵀ = [a c; b a], a − λ̄ = i·wi.
    if (Math.abs(c) >= Math.abs(b)) {
      W[xr + k] = 1;
      W[xi + k] = 0;
      W[xr + k + 1] = 0;
      W[xi + k + 1] = -wi / c;
    } else {
      W[xr + k] = 0;
      W[xi + k] = c / wi;
      W[xr + k + 1] = 1;
      W[xi + k + 1] = 0;
    }
    let j = k + 2;
    while (j < N) {
      const len = j - k;
      if (isPair(j)) {
        const r0r = -blas.dot(len, T, 1, t(k, j), W, 1, xr + k);
        const r0i = -blas.dot(len, T, 1, t(k, j), W, 1, xi + k);
        const r1r = -blas.dot(len, T, 1, t(k, j + 1), W, 1, xr + k);
        const r1i = -blas.dot(len, T, 1, t(k, j + 1), W, 1, xi + k);
        solver.solve2(T[t(j, j)], T[t(j + 1, j)], T[t(j, j + 1)], T[t(j + 1, j + 1)], wr, -wi, r0r, r0i, r1r, r1i, smin);
        if (solver.scale !== 1) scaleRange(xr, k, j - 1, solver.scale, xi);
        W[xr + j] = solver.xr0;
        W[xi + j] = solver.xi0;
        W[xr + j + 1] = solver.xr1;
        W[xi + j + 1] = solver.xi1;
        guardLeft(xr, xi, k, j + 1, W[cn + Math.min(j + 2, N - 1)]);
        j += 2;
      } else {
        const r0r = -blas.dot(len, T, 1, t(k, j), W, 1, xr + k);
        const r0i = -blas.dot(len, T, 1, t(k, j), W, 1, xi + k);
        solver.solve1(T[t(j, j)], wr, -wi, r0r, r0i, smin);
        if (solver.scale !== 1) scaleRange(xr, k, j - 1, solver.scale, xi);
        W[xr + j] = solver.xr0;
        W[xi + j] = solver.xi0;
        guardLeft(xr, xi, k, j, W[cn + Math.min(j + 1, N - 1)]);
        j += 1;
      }
    }
    normaliseMax(xr, k, N - 1, xi);
  }

  /** Rescales a partial left solution when the next dot products could overflow. */
  function guardLeft(xr: number, xi: number, k: number, last: number, nextNorm: number): void {
    let m = 0;
    for (let r = k; r <= last; r++) {
      const a = Math.abs(W[xr + r]) + (xi >= 0 ? Math.abs(W[xi + r]) : 0);
      if (a > m) m = a;
    }
    if (m > 1 && nextNorm > bignum / m) scaleRange(xr, k, last, 1 / m, xi);
  }
}
