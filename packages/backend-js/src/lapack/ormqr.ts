/**
 * `ormqr`: multiplies by the Q of a QR factorisation, blocked.
 *
 * @module
 */
import type { FloatArray, Side, Trans } from '@polyblas/contract';
import type { LapackContext } from './context.js';
import { larfb } from './larfb.js';
import { larft } from './larft.js';
import { orm2r } from './orm2r.js';

/** Reflectors combined into one block reflector. */
const ORMQR_BLOCK = 32;

/**
 * C ← op(Q)·C (side `'L'`) or C·op(Q) (side `'R'`) for the M×N column-major C, with Q given by K
 * reflectors from `geqrf` (A is M×K for `'L'`, N×K for `'R'`; see the contract's `Ormqr`).
 * Returns 0.
 *
 * Blocked: each run of reflectors becomes I − V·T·Vᵀ ({@link larft}) and reaches C through
 * {@link larfb} (trmm and gemm); A is only read.
 *
 * @example
 * ```ts
 * import { createLapackContext } from '@polyblas/backend-js';
 * import { geqrf } from './geqrf.js'; // internal; the public kernel is lapackKernels.dgeqrf
 * import { ormqr } from './ormqr.js'; // internal; the public kernel is lapackKernels.dormqr
 * const ctx = createLapackContext('d');
 * const A = new Float64Array([3, 4]), tau = new Float64Array(1);
 * geqrf(ctx, 2, 1, A, 2, 0, tau, 0);
 * const b = new Float64Array([3, 4]);
 * ormqr(ctx, 'L', 'T', 2, 1, 1, A, 2, 0, tau, 0, b, 2, 0); // b = Qᵀ·b = [-5, 0]
 * ```
 */
export function ormqr<T extends FloatArray>(
  ctx: LapackContext<T>, side: Side, trans: Trans, M: number, N: number, K: number,
  A: T, lda: number, offsetA: number, tau: T, offsetTau: number, C: T, ldc: number, offsetC: number,
): number {
  if (M <= 0 || N <= 0 || K <= 0) return 0;
  const left = side === 'L';
  const nb = ORMQR_BLOCK;
  const wlen = left ? N : M;
  if (K <= nb) {
    const w = ctx.work(wlen);
    return orm2r(ctx, side, trans, M, N, K, A, lda, offsetA, tau, offsetTau, C, ldc, offsetC, w.data, w.offset);
  }
  const { data: work, offset: w0 } = ctx.work(nb * nb + wlen * nb);
  const wT = w0;
  const wW = w0 + nb * nb;
  const nq = left ? M : N;
  const forward = left === (trans === 'T');
  const blocks = Math.ceil(K / nb);
  for (let b = 0; b < blocks; b++) {
    const i = (forward ? b : blocks - 1 - b) * nb;
    const ib = Math.min(nb, K - i);
    const ii = offsetA + i * (lda + 1);
    larft(ctx, 'C', nq - i, ib, A, lda, ii, tau, offsetTau + i, work, nb, wT);
    if (left) larfb(ctx, 'L', trans, 'C', M - i, N, ib, A, lda, ii, work, nb, wT, C, ldc, offsetC + i, work, N, wW);
    else larfb(ctx, 'R', trans, 'C', M, N - i, ib, A, lda, ii, work, nb, wT, C, ldc, offsetC + i * ldc, work, M, wW);
  }
  return 0;
}
