/**
 * `gesdd`: singular value decomposition of a general matrix.
 *
 * @module
 */
import type { FloatArray, SvdJob } from '@polyblas/contract';
import { bdsqr } from './bdsqr.js';
import type { LapackContext } from './context.js';
import { gebrd, gebrdWorkSize } from './gebrd.js';
import { geqrf } from './geqrf.js';
import { orgbr } from './orgbr.js';
import { ormqr } from './ormqr.js';

/**
 * Copies the transpose of the `rows`×`cols` column-major src into dst (cols×rows), in tiles so
 * that both sides stay in cache.
 */
function transpose<T extends FloatArray>(
  rows: number, cols: number, src: T, lds: number, os: number, dst: T, ldd: number, od: number,
): void {
  const tile = 32;
  for (let j0 = 0; j0 < cols; j0 += tile) {
    const j1 = Math.min(cols, j0 + tile);
    for (let i0 = 0; i0 < rows; i0 += tile) {
      const i1 = Math.min(rows, i0 + tile);
      for (let j = j0; j < j1; j++) {
        for (let i = i0; i < i1; i++) dst[od + j + i * ldd] = src[os + i + j * lds];
      }
    }
  }
}

/** Sets the M×N column-major A to the identity (ones on the diagonal, zeros elsewhere). */
function setIdentity<T extends FloatArray>(M: number, N: number, A: T, lda: number, offsetA: number): void {
  for (let j = 0; j < N; j++) {
    const col = offsetA + j * lda;
    A.fill(0, col, col + M);
    if (j < M) A[col + j] = 1;
  }
}

/** Copies the M×N column-major src into dst. */
function copyMatrix<T extends FloatArray>(M: number, N: number, src: T, lds: number, os: number, dst: T, ldd: number, od: number): void {
  for (let j = 0; j < N; j++) {
    const s = os + j * lds;
    const d = od + j * ldd;
    for (let i = 0; i < M; i++) dst[d + i] = src[s + i];
  }
}

/**
 * The largest |aᵢⱼ| of the M×N column-major A (NaN if any entry is NaN).
 */
function maxAbs<T extends FloatArray>(M: number, N: number, A: T, lda: number, offsetA: number): number {
  let max = 0;
  for (let j = 0; j < N; j++) {
    const col = offsetA + j * lda;
    for (let i = 0; i < M; i++) {
      const v = Math.abs(A[col + i]);
      if (v > max || v !== v) max = v;
    }
  }
  return max;
}

/**
 * `gesdd`: A = U·Σ·Vᵀ for the M×N column-major A (destroyed), following the contract's `Gesdd`:
 * `s` gets the min(M, N) singular values, descending and non-negative; `jobz` `'A'` gives the full
 * U (M×M) and Vᵀ (N×N), `'S'` the thin U (M×k) and Vᵀ (k×N), `'N'` values only. Returns 0, or the
 * number of superdiagonal entries that did not converge (then the values are not sorted), or
 * min(M, N) with NaN in every output when A holds a NaN or an infinity.
 *
 * The method (M ≥ N; a wide matrix is solved through its transpose): when M is well above N
 * (M ≥ 11·N/6) a QR factorisation comes first and only the N×N triangle R is reduced; the matrix
 * is reduced to bidiagonal form by the blocked {@link gebrd}; Q and Pᵀ are formed by
 * {@link orgbr}; the bidiagonal SVD is {@link bdsqr} (implicit-shift QR with zero-shift sweeps,
 * so every singular value of the bidiagonal is relatively accurate), which rotates Qᵀ and Pᵀ into
 * the singular vectors. With `'N'` no vector is formed or rotated. A matrix whose largest entry is
 * near underflow or overflow is scaled into range first.
 *
 * Why QR iteration and not divide and conquer (which gives LAPACK's gesdd its name): divide and
 * conquer wins where a matrix product runs an order of magnitude faster per flop than a plane
 * rotation, as in an optimised native BLAS. In TypeScript the rotation chains of bdsqr reach about
 * 1 ns per element and rotation (6 flops: about 6 Gflop/s), at or above the rate of a TypeScript
 * gemm (measured 1.6-2.1 Gflop/s at n = 300-512). Divide and conquer plus the back-transformation
 * of its vectors needs about 9.3·n³ gemm flops; forming Q and Pᵀ needs 2.7·n³ gemm flops and
 * rotating them about 1.25·n³ rotation steps (measured 3.4·10⁷ for n = 300, with bdsqr shifting
 * by the singular values of a values-only pre-pass), so QR iteration takes less time here, and it
 * keeps every singular value of the bidiagonal relatively accurate.
 *
 * @example
 * ```ts
 * import { createLapackContext } from '@polyblas/backend-js';
 * import { gesdd } from './gesdd.js';
 * const ctx = createLapackContext('d');
 * const A = new Float64Array([3, 0, 0, 4]);
 * const s = new Float64Array(2), U = new Float64Array(4), VT = new Float64Array(4);
 * gesdd(ctx, 'A', 2, 2, A, 2, 0, s, 0, U, 2, 0, VT, 2, 0); // s = [4, 3]
 * ```
 */
export function gesdd<T extends FloatArray>(
  ctx: LapackContext<T>, jobz: SvdJob, M: number, N: number, A: T, lda: number, offsetA: number,
  s: T, offsetS: number, U: T, ldu: number, offsetU: number, VT: T, ldvt: number, offsetVT: number,
): number {
  if (M === 0 || N === 0) {
    // No values; full factors are still orthogonal (identities).
    if (jobz === 'A') {
      if (M > 0) setIdentity(M, M, U, ldu, offsetU);
      if (N > 0) setIdentity(N, N, VT, ldvt, offsetVT);
    }
    return 0;
  }
  const anrm = maxAbs(M, N, A, lda, offsetA);
  if (!Number.isFinite(anrm)) {
    // NaN or ±Infinity in A: no decomposition; reported as non-convergence with NaN results.
    const k = Math.min(M, N);
    s.fill(NaN, offsetS, offsetS + k);
    if (jobz !== 'N') {
      const ucols = jobz === 'A' ? M : k;
      const vrows = jobz === 'A' ? N : k;
      for (let j = 0; j < ucols; j++) U.fill(NaN, offsetU + j * ldu, offsetU + j * ldu + M);
      for (let j = 0; j < N; j++) VT.fill(NaN, offsetVT + j * ldvt, offsetVT + j * ldvt + vrows);
    }
    return k;
  }
  // Scale A into a safe range so that no intermediate overflows or underflows.
  const smlnum = Math.sqrt(ctx.safmin) / ctx.eps;
  const bignum = 1 / smlnum;
  let scale = 1;
  if (anrm > 0 && anrm < smlnum) scale = smlnum / anrm;
  else if (anrm > bignum) scale = bignum / anrm;
  if (scale !== 1) for (let j = 0; j < N; j++) ctx.blas.scal(M, scale, A, 1, offsetA + j * lda);

  let info: number;
  if (M >= N) {
    info = gesddTall(ctx, jobz, M, N, A, lda, offsetA, s, offsetS, U, ldu, offsetU, VT, ldvt, offsetVT);
  } else {
    // A = (Aᵀ)ᵀ: with Aᵀ = U'·Σ·V'ᵀ, U = V' and Vᵀ = U'ᵀ.
    const wantAll = jobz === 'A';
    const ncu = wantAll ? N : M; // columns of U' (N×ncu)
    const { data: w, offset: w0 } = ctx.work(N * M + (jobz === 'N' ? 0 : N * ncu + M * M));
    const oAt = w0;
    const oU = oAt + N * M;
    const oVT = oU + N * ncu;
    transpose(M, N, A, lda, offsetA, w, N, oAt);
    info = gesddTall(ctx, jobz, N, M, w, N, oAt, s, offsetS, w, N, oU, w, M, oVT);
    if (jobz !== 'N') {
      transpose(M, M, w, M, oVT, U, ldu, offsetU);
      transpose(N, ncu, w, N, oU, VT, ldvt, offsetVT);
    }
  }
  if (scale !== 1) {
    const k = Math.min(M, N);
    for (let i = 0; i < k; i++) s[offsetS + i] /= scale;
  }
  return info;
}

/** gesdd for M ≥ N ≥ 1, A already scaled. */
function gesddTall<T extends FloatArray>(
  ctx: LapackContext<T>, jobz: SvdJob, M: number, N: number, A: T, lda: number, offsetA: number,
  s: T, offsetS: number, U: T, ldu: number, offsetU: number, VT: T, ldvt: number, offsetVT: number,
): number {
  const wantVectors = jobz !== 'N';
  const qrFirst = M >= Math.floor((11 * N) / 6) && M > N;
  // Workspace, carved from one allocation: d, e, tauq, taup, tau (QR), R (QR), gebrd's work, and
  // Uᵀ (the left vectors, kept transposed while bdsqr rotates them). Pᵀ is formed before Uᵀ is
  // filled, so its (N−1)² scratch lives in Uᵀ's place (N·nru ≥ N²).
  const nru = qrFirst ? N : M;
  const sizes = {
    bidiag: 4 * N,
    tau: qrFirst ? N : 0,
    r: qrFirst ? N * N : 0,
    gebrd: gebrdWorkSize(qrFirst ? N : M, N),
    ut: wantVectors ? N * nru : 0,
  };
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  const { data: w, offset: w0 } = ctx.work(total);
  const oD = w0;
  const oE = oD + N;
  const oTauq = oE + N;
  const oTaup = oTauq + N;
  const oTau = oTaup + N;
  const oR = oTau + sizes.tau;
  const oGebrd = oR + sizes.r;
  const oUT = oGebrd + sizes.gebrd;
  const oP = oUT;

  // B is reduced from the matrix held at (Bmat, ldb, ob): A itself, or R after a QR step.
  let Bmat = A;
  let ldb = lda;
  let ob = offsetA;
  let mb = M;
  if (qrFirst) {
    geqrf(ctx, M, N, A, lda, offsetA, w, oTau);
    for (let j = 0; j < N; j++) {
      for (let i = 0; i <= j; i++) w[oR + i + j * N] = A[offsetA + i + j * lda];
    }
    Bmat = w;
    ldb = N;
    ob = oR;
    mb = N;
  }
  gebrd(ctx, mb, N, Bmat, ldb, ob, w, oD, w, oE, w, oTauq, w, oTaup, w, oGebrd);

  const d = new Float64Array(N);
  const e = new Float64Array(N);
  for (let i = 0; i < N; i++) d[i] = w[oD + i];
  for (let i = 0; i < N - 1; i++) e[i] = w[oE + i];

  if (!wantVectors) {
    const none = w.subarray(0, 0) as T;
    const info = bdsqr(ctx.precision, N, d, e, none, 1, 0, 0, none, 1, 0, 0);
    for (let i = 0; i < N; i++) s[offsetS + i] = d[i];
    return info;
  }

  // Pᵀ into VT (N×N).
  copyMatrix(N, N, Bmat, ldb, ob, VT, ldvt, offsetVT);
  orgbr(ctx, 'P', N, N, N, VT, ldvt, offsetVT, w, oTaup, w, oP);

  let info: number;
  if (!qrFirst) {
    // Q into U (M×N or M×M), then its first N columns, transposed, into Uᵀ for bdsqr.
    const ncu = jobz === 'A' ? M : N;
    copyMatrix(M, N, A, lda, offsetA, U, ldu, offsetU);
    orgbr(ctx, 'Q', M, ncu, N, U, ldu, offsetU, w, oTauq, w, oP);
    transpose(M, N, U, ldu, offsetU, w, N, oUT);
    info = bdsqr(ctx.precision, N, d, e, VT, ldvt, offsetVT, N, w, N, oUT, M, ctx.rotateRows);
    transpose(N, M, w, N, oUT, U, ldu, offsetU);
  } else {
    // Q_B of R's reduction, transposed, is rotated by bdsqr into U_Rᵀ; then U = Q_R·[U_R; 0].
    orgbr(ctx, 'Q', N, N, N, w, N, oR, w, oTauq, w, oP);
    transpose(N, N, w, N, oR, w, N, oUT);
    info = bdsqr(ctx.precision, N, d, e, VT, ldvt, offsetVT, N, w, N, oUT, N, ctx.rotateRows);
    const ncu = jobz === 'A' ? M : N;
    setIdentity(M, ncu, U, ldu, offsetU);
    transpose(N, N, w, N, oUT, U, ldu, offsetU);
    ormqr(ctx, 'L', 'N', M, ncu, N, A, lda, offsetA, w, oTau, U, ldu, offsetU);
  }
  for (let i = 0; i < N; i++) s[offsetS + i] = d[i];
  return info;
}
