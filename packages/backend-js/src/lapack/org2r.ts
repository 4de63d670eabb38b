/**
 * `org2r`: the explicit Q of a QR factorisation, unblocked.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';
import type { LapackContext } from './context.js';
import { larf } from './larf.js';

/**
 * Overwrites the M×N column-major A (M ≥ N ≥ K), whose first K columns hold reflectors as
 * `geqrf` leaves them, with the first N columns of Q = H(0)·H(1)···H(K−1). Works backwards from
 * the identity: column i of Q comes from H(i) applied to eᵢ, and H(i) is applied (by
 * {@link larf}) to the columns right of it. `work` is scratch of N elements. Returns 0.
 *
 * @example
 * ```ts
 * import { createLapackContext } from '@polyblas/backend-js';
 * import { geqrf } from './geqrf.js'; // internal; the public kernel is lapackKernels.dgeqrf
 * import { org2r } from './org2r.js'; // internal, not exported by @polyblas/backend-js
 * const ctx = createLapackContext('d');
 * const A = new Float64Array([3, 4]), tau = new Float64Array(1);
 * geqrf(ctx, 2, 1, A, 2, 0, tau, 0);
 * org2r(ctx, 2, 1, 1, A, 2, 0, tau, 0, ctx.work(1).data, 0); // A = [-0.6, -0.8]
 * ```
 */
export function org2r<T extends FloatArray>(
  ctx: LapackContext<T>, M: number, N: number, K: number, A: T, lda: number, offsetA: number,
  tau: T, offsetTau: number, work: T, offsetWork: number,
): number {
  if (N <= 0) return 0;
  const { blas } = ctx;
  // Columns K..N−1 start as columns of the identity.
  for (let j = K; j < N; j++) {
    const col = offsetA + j * lda;
    for (let i = 0; i < M; i++) A[col + i] = 0;
    A[col + j] = 1;
  }
  for (let i = K - 1; i >= 0; i--) {
    const ii = offsetA + i * (lda + 1);
    const t = tau[offsetTau + i];
    if (i < N - 1) {
      A[ii] = 1;
      larf(ctx, 'L', M - i, N - i - 1, A, 1, ii, t, A, lda, ii + lda, work, offsetWork);
    }
    // Column i = H(i)·eᵢ = eᵢ − τ·vᵢ (vᵢ(i) = 1), zero above the diagonal.
    if (i < M - 1) blas.scal(M - i - 1, -t, A, 1, ii + 1);
    A[ii] = 1 - t;
    const col = offsetA + i * lda;
    for (let r = 0; r < i; r++) A[col + r] = 0;
  }
  return 0;
}
