/**
 * `geqr2`: unblocked Householder QR.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';
import type { LapackContext } from './context.js';
import { larf } from './larf.js';
import { larfg } from './larfg.js';

/**
 * Householder QR of the M×N column-major A, one column at a time, with the same output as
 * `geqrf` (R on and above the diagonal, reflectors below it, τ in `tau`). For each column a
 * reflector from {@link larfg} annihilates it below the diagonal and {@link larf} applies it to
 * the columns on the right. `work` is scratch of N elements from `offsetWork`. Returns 0.
 *
 * @example
 * ```ts
 * import { createLapackContext } from '@polyblas/backend-js';
 * import { geqr2 } from './geqr2.js'; // internal, not exported by @polyblas/backend-js
 * const ctx = createLapackContext('d');
 * const A = new Float64Array([3, 4]), tau = new Float64Array(1);
 * geqr2(ctx, 2, 1, A, 2, 0, tau, 0, ctx.work(1).data, 0); // A = [-5, 0.5], tau = [1.6]
 * ```
 */
export function geqr2<T extends FloatArray>(
  ctx: LapackContext<T>, M: number, N: number, A: T, lda: number, offsetA: number, tau: T, offsetTau: number,
  work: T, offsetWork: number,
): number {
  const k = Math.min(M, N);
  for (let i = 0; i < k; i++) {
    const ii = offsetA + i * (lda + 1);
    const beta = larfg(ctx, M - i, A[ii], A, 1, ii + 1, tau, offsetTau + i);
    if (i < N - 1) {
      // The reflector's implicit leading 1 sits where R(i, i) goes; store it for larf.
      A[ii] = 1;
      larf(ctx, 'L', M - i, N - i - 1, A, 1, ii, tau[offsetTau + i], A, lda, ii + lda, work, offsetWork);
    }
    A[ii] = beta;
  }
  return 0;
}
