/**
 * `orgqr`: the explicit Q of a QR factorisation, blocked.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';
import type { LapackContext } from './context.js';
import { larfb } from './larfb.js';
import { larft } from './larft.js';
import { org2r } from './org2r.js';

/** Reflectors combined into one block reflector. */
const ORGQR_BLOCK = 32;

/**
 * Overwrites the M×N column-major A (M ≥ N ≥ K), holding K reflectors from `geqrf`, with the
 * first N columns of Q = H(0)·H(1)···H(K−1) (see the contract's `Orgqr`). Returns 0.
 *
 * Blocked from the last block of reflectors back to the first: the columns of the last block and
 * those beyond K are formed by {@link org2r}; each earlier block is applied to the columns on its
 * right as one block reflector ({@link larft}, {@link larfb}) and then expanded in place.
 *
 * @example
 * ```ts
 * import { createLapackContext } from '@polyblas/backend-js';
 * import { geqrf } from './geqrf.js'; // internal; the public kernel is lapackKernels.dgeqrf
 * import { orgqr } from './orgqr.js'; // internal; the public kernel is lapackKernels.dorgqr
 * const ctx = createLapackContext('d');
 * const A = new Float64Array([3, 4]), tau = new Float64Array(1);
 * geqrf(ctx, 2, 1, A, 2, 0, tau, 0);
 * orgqr(ctx, 2, 1, 1, A, 2, 0, tau, 0); // A = [-0.6, -0.8]
 * ```
 */
export function orgqr<T extends FloatArray>(
  ctx: LapackContext<T>, M: number, N: number, K: number, A: T, lda: number, offsetA: number,
  tau: T, offsetTau: number,
): number {
  if (N <= 0) return 0;
  const nb = ORGQR_BLOCK;
  if (K <= nb) {
    const w = ctx.work(N);
    return org2r(ctx, M, N, K, A, lda, offsetA, tau, offsetTau, w.data, w.offset);
  }
  // T (nb×nb), then W (N×nb) for larfb, which also serves org2r (N elements).
  const { data: work, offset: w0 } = ctx.work(nb * nb + N * nb);
  const wT = w0;
  const wW = w0 + nb * nb;
  // The last block starts at a multiple of nb; it and the columns past K are done unblocked.
  const lastStart = Math.floor((K - 1) / nb) * nb;
  for (let j = lastStart; j < N; j++) {
    const col = offsetA + j * lda;
    for (let i = 0; i < lastStart; i++) A[col + i] = 0;
  }
  const at = (i: number) => offsetA + i * (lda + 1);
  org2r(ctx, M - lastStart, N - lastStart, K - lastStart, A, lda, at(lastStart), tau, offsetTau + lastStart, work, wW);
  for (let i = lastStart - nb; i >= 0; i -= nb) {
    const rest = N - i - nb;
    // Apply H(i)···H(i+nb−1) to A(i:M, i+nb:N), already holding the trailing part of Q.
    larft(ctx, 'C', M - i, nb, A, lda, at(i), tau, offsetTau + i, work, nb, wT);
    larfb(ctx, 'L', 'N', 'C', M - i, rest, nb, A, lda, at(i), work, nb, wT, A, lda, at(i) + nb * lda, work, rest, wW);
    org2r(ctx, M - i, nb, nb, A, lda, at(i), tau, offsetTau + i, work, wW);
    for (let j = i; j < i + nb; j++) {
      const col = offsetA + j * lda;
      for (let r = 0; r < i; r++) A[col + r] = 0;
    }
  }
  return 0;
}
