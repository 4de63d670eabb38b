/**
 * `gelsd`: minimum-norm least squares through the singular value decomposition.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';
import { bdsqr } from './bdsqr.js';
import type { LapackContext } from './context.js';
import { gebrd, gebrdWorkSize } from './gebrd.js';
import { geqrf } from './geqrf.js';
import { gesdd } from './gesdd.js';
import { orgbr } from './orgbr.js';
import { ormqr } from './ormqr.js';

/**
 * `gelsd`: the minimum-norm solution X of min ‖B − A·X‖₂ for the M×N column-major A (destroyed),
 * following the contract's `Gelsd`. With the thin SVD A = U·Σ·Vᵀ ({@link gesdd}, values in `s`,
 * descending), values ≤ rcond·s[0] count as zero (rcond < 0: machine precision), the effective
 * rank r goes to `rank[offsetRank]`, and X = V(:, 0:r)·Σ(0:r)⁻¹·U(:, 0:r)ᵀ·B overwrites the first
 * N rows of B (ldb ≥ max(M, N)). Returns 0, or `info > 0` when the SVD did not converge (B is
 * then not a solution), or min(M, N) with NaN in `s` and X (rank 0) when A or B holds a NaN or an
 * infinity.
 *
 * For M ≥ N, U is never formed: B is carried through the reduction instead (Qᵀ·B by the
 * reflectors of the QR and bidiagonal steps, then the left rotations of {@link bdsqr} applied to
 * its rows), which saves forming Q and rotating its M columns. For M < N the thin SVD comes from
 * {@link gesdd}.
 *
 * @example
 * ```ts
 * import { createLapackContext } from '@polyblas/backend-js';
 * import { gelsd } from './gelsd.js';
 * const ctx = createLapackContext('d');
 * const A = new Float64Array([1, 1, 1, 0, 1, 2]); // 3x2
 * const B = new Float64Array([1, 2, 3]), s = new Float64Array(2), rank = new Int32Array(1);
 * gelsd(ctx, 3, 2, 1, A, 3, 0, B, 3, 0, s, 0, -1, rank, 0); // B[0..1] = [1, 1], rank = [2]
 * ```
 */
export function gelsd<T extends FloatArray>(
  ctx: LapackContext<T>, M: number, N: number, nrhs: number, A: T, lda: number, offsetA: number,
  B: T, ldb: number, offsetB: number, s: T, offsetS: number, rcond: number, rank: Int32Array, offsetRank: number,
): number {
  const k = Math.min(M, N);
  if (k === 0) {
    rank[offsetRank] = 0;
    for (let j = 0; j < nrhs; j++) B.fill(0, offsetB + j * ldb, offsetB + j * ldb + N);
    return 0;
  }
  let finite = true;
  for (let j = 0; j < N && finite; j++) for (let i = 0; i < M; i++) if (!Number.isFinite(A[offsetA + i + j * lda])) finite = false;
  for (let j = 0; j < nrhs && finite; j++) for (let i = 0; i < M; i++) if (!Number.isFinite(B[offsetB + i + j * ldb])) finite = false;
  if (!finite) {
    // NaN or ±Infinity in A or B: no solution; reported as non-convergence with NaN results.
    s.fill(NaN, offsetS, offsetS + k);
    for (let j = 0; j < nrhs; j++) B.fill(NaN, offsetB + j * ldb, offsetB + j * ldb + N);
    rank[offsetRank] = 0;
    return k;
  }
  if (M >= N) return gelsdTall(ctx, M, N, nrhs, A, lda, offsetA, B, ldb, offsetB, s, offsetS, rcond, rank, offsetRank);
  const { data: w, offset: w0 } = ctx.work(M * k + k * N + k * nrhs);
  const oU = w0;
  const oVT = oU + M * k;
  const oC = oVT + k * N;
  const info = gesdd(ctx, 'S', M, N, A, lda, offsetA, s, offsetS, w, M, oU, w, k, oVT);
  if (info > 0) return info;
  const threshold = (rcond < 0 ? ctx.eps : rcond) * s[offsetS];
  let r = 0;
  while (r < k && s[offsetS + r] > threshold) r++;
  rank[offsetRank] = r;
  if (r === 0 || nrhs === 0) {
    for (let j = 0; j < nrhs; j++) B.fill(0, offsetB + j * ldb, offsetB + j * ldb + N);
    return 0;
  }
  const { blas } = ctx;
  // C = Σ⁻¹·U(:, 0:r)ᵀ·B, then X = V(:, 0:r)·C.
  blas.gemm('T', 'N', r, nrhs, M, 1, w, 1, M, oU, B, 1, ldb, offsetB, 0, w, 1, k, oC);
  for (let i = 0; i < r; i++) blas.scal(nrhs, 1 / s[offsetS + i], w, k, oC + i);
  blas.gemm('T', 'N', N, nrhs, r, 1, w, 1, k, oVT, w, 1, k, oC, 0, B, 1, ldb, offsetB);
  return 0;
}

/** gelsd for M ≥ N ≥ 1: the SVD with B carried through it in place of U. */
function gelsdTall<T extends FloatArray>(
  ctx: LapackContext<T>, M: number, N: number, nrhs: number, A: T, lda: number, offsetA: number,
  B: T, ldb: number, offsetB: number, s: T, offsetS: number, rcond: number, rank: Int32Array, offsetRank: number,
): number {
  const { blas } = ctx;
  // Scale A into a safe range (as gesdd does); X scales back by the same factor at the end.
  const smlnum = Math.sqrt(ctx.safmin) / ctx.eps;
  const bignum = 1 / smlnum;
  let anrm = 0;
  for (let j = 0; j < N; j++) {
    for (let i = 0; i < M; i++) {
      const v = Math.abs(A[offsetA + i + j * lda]);
      if (v > anrm || v !== v) anrm = v;
    }
  }
  let scale = 1;
  if (anrm > 0 && anrm < smlnum) scale = smlnum / anrm;
  else if (anrm > bignum) scale = bignum / anrm;
  if (scale !== 1) for (let j = 0; j < N; j++) blas.scal(M, scale, A, 1, offsetA + j * lda);

  const qrFirst = M >= Math.floor((11 * N) / 6) && M > N;
  const mb = qrFirst ? N : M;
  const { data: w, offset: w0 } = ctx.work(
    4 * N + (qrFirst ? N + N * N : 0) + gebrdWorkSize(mb, N) + (N - 1) * (N - 1) + N * N + N * nrhs,
  );
  const oD = w0;
  const oE = oD + N;
  const oTauq = oE + N;
  const oTaup = oTauq + N;
  const oTau = oTaup + N;
  const oR = oTau + (qrFirst ? N : 0);
  const oGebrd = oR + (qrFirst ? N * N : 0);
  const oP = oGebrd + gebrdWorkSize(mb, N);
  const oVT = oP + (N - 1) * (N - 1);
  const oC = oVT + N * N;

  let R = A;
  let ldr = lda;
  let oRm = offsetA;
  if (qrFirst) {
    // A = Q·R: B ← Qᵀ·B, and only the N×N triangle R is reduced further.
    geqrf(ctx, M, N, A, lda, offsetA, w, oTau);
    ormqr(ctx, 'L', 'T', M, nrhs, N, A, lda, offsetA, w, oTau, B, ldb, offsetB);
    for (let j = 0; j < N; j++) for (let i = 0; i <= j; i++) w[oR + i + j * N] = A[offsetA + i + j * lda];
    R = w;
    ldr = N;
    oRm = oR;
  }
  gebrd(ctx, mb, N, R, ldr, oRm, w, oD, w, oE, w, oTauq, w, oTaup, w, oGebrd);
  // B ← Q_Bᵀ·B; its first N rows then meet the bidiagonal's left rotations.
  ormqr(ctx, 'L', 'T', mb, nrhs, N, R, ldr, oRm, w, oTauq, B, ldb, offsetB);
  for (let j = 0; j < N; j++) for (let i = 0; i < N; i++) w[oVT + i + j * N] = R[oRm + i + j * ldr];
  orgbr(ctx, 'P', N, N, N, w, N, oVT, w, oTaup, w, oP);
  const d = new Float64Array(N);
  const e = new Float64Array(N);
  for (let i = 0; i < N; i++) d[i] = w[oD + i];
  for (let i = 0; i < N - 1; i++) e[i] = w[oE + i];
  const info = bdsqr(ctx.precision, N, d, e, w, N, oVT, N, B, ldb, offsetB, nrhs, ctx.rotateRows);
  for (let i = 0; i < N; i++) s[offsetS + i] = d[i] / scale;
  if (info > 0) return info;

  const threshold = (rcond < 0 ? ctx.eps : rcond) * d[0];
  let r = 0;
  while (r < N && d[r] > threshold) r++;
  rank[offsetRank] = r;
  // X = V(:, 0:r)·Σ⁻¹·C(0:r, :) with C = (Uᵀ·B) in B's first rows, times the scale of A.
  for (let j = 0; j < nrhs; j++) {
    for (let i = 0; i < r; i++) w[oC + i + j * N] = (B[offsetB + i + j * ldb] / d[i]) * scale;
  }
  if (r === 0 || nrhs === 0) {
    for (let j = 0; j < nrhs; j++) B.fill(0, offsetB + j * ldb, offsetB + j * ldb + N);
    return 0;
  }
  blas.gemm('T', 'N', N, nrhs, r, 1, w, 1, N, oVT, w, 1, N, oC, 0, B, 1, ldb, offsetB);
  return 0;
}
