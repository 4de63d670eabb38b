/**
 * `geqrf`: blocked Householder QR.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';
import type { LapackContext } from './context.js';
import { geqr2 } from './geqr2.js';
import { larfb } from './larfb.js';
import { larft } from './larft.js';

/**
 * Reflectors per block of {@link geqrf}: each block reaches the trailing columns as one block
 * reflector.
 *
 * @example
 * ```ts
 * import { GEQRF_BLOCK } from './geqrf.js'; // internal, not exported by @polyblas/backend-js
 * GEQRF_BLOCK; // 32
 * ```
 */
export const GEQRF_BLOCK = 32;

/**
 * Householder QR of the M×N column-major A (see the contract's `Geqrf`): R on and above the
 * diagonal; the reflectors H(i) = I − τᵢ·vᵢ·vᵢᵀ below it (vᵢ(i) = 1 implicit) with τᵢ in `tau`,
 * Q = H(0)·H(1)···H(k−1), k = min(M, N). Returns 0.
 *
 * Blocked: each panel of {@link GEQRF_BLOCK} columns is factored by {@link geqr2}, its reflectors
 * are combined into I − V·T·Vᵀ ({@link larft}) and applied to the trailing columns at once
 * ({@link larfb}: trmm and gemm).
 *
 * @example
 * ```ts
 * import { createLapackContext } from '@polyblas/backend-js';
 * import { geqrf } from './geqrf.js'; // internal; the public kernel is lapackKernels.dgeqrf
 * const ctx = createLapackContext('d');
 * const A = new Float64Array([3, 4]), tau = new Float64Array(1);
 * geqrf(ctx, 2, 1, A, 2, 0, tau, 0); // R = [[-5]], tau = [1.6]
 * ```
 */
export function geqrf<T extends FloatArray>(
  ctx: LapackContext<T>, M: number, N: number, A: T, lda: number, offsetA: number, tau: T, offsetTau: number,
): number {
  const k = Math.min(M, N);
  if (k === 0) return 0;
  const nb = GEQRF_BLOCK;
  if (k <= nb || N <= nb) {
    const w = ctx.work(N);
    return geqr2(ctx, M, N, A, lda, offsetA, tau, offsetTau, w.data, w.offset);
  }
  // One allocation: T (nb×nb), then W (N×nb) for larfb, which also serves geqr2 (N elements).
  const { data: work, offset: w0 } = ctx.work(nb * nb + N * nb);
  const wT = w0;
  const wW = w0 + nb * nb;
  for (let i = 0; i < k; i += nb) {
    const ib = Math.min(nb, k - i);
    const ii = offsetA + i * (lda + 1);
    geqr2(ctx, M - i, ib, A, lda, ii, tau, offsetTau + i, work, wW);
    const rest = N - i - ib;
    if (rest > 0) {
      larft(ctx, 'C', M - i, ib, A, lda, ii, tau, offsetTau + i, work, nb, wT);
      larfb(ctx, 'L', 'T', 'C', M - i, rest, ib, A, lda, ii, work, nb, wT, A, lda, ii + ib * lda, work, rest, wW);
    }
  }
  return 0;
}
