/**
 * `gelsd`: minimum-norm least squares through the singular value decomposition.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';
import type { LapackContext } from './context.js';
import { gesdd } from './gesdd.js';

/**
 * `gelsd`: the minimum-norm solution X of min ‖B − A·X‖₂ for the M×N column-major A (destroyed),
 * following the contract's `Gelsd`. With the thin SVD A = U·Σ·Vᵀ ({@link gesdd}, values in `s`,
 * descending), values ≤ rcond·s[0] count as zero (rcond < 0: machine precision), the effective
 * rank r goes to `rank[offsetRank]`, and X = V(:, 0:r)·Σ(0:r)⁻¹·U(:, 0:r)ᵀ·B overwrites the first
 * N rows of B (ldb ≥ max(M, N)). Returns 0, or gesdd's `info > 0` when the SVD did not converge
 * (B is then unchanged).
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
