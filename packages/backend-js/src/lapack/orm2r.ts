/**
 * `orm2r`: multiplies by the Q of a QR factorisation, unblocked.
 *
 * @module
 */
import type { FloatArray, Side, Trans } from '@polyblas/contract';
import type { LapackContext } from './context.js';
import { larf } from './larf.js';

/**
 * C ← op(Q)·C (side `'L'`) or C·op(Q) (side `'R'`) for the M×N column-major C, with
 * Q = H(0)···H(K−1) given by K reflectors from `geqrf` in A (M×K for `'L'`, N×K for `'R'`), one
 * reflector at a time ({@link larf}), in the order the product needs. A's diagonal is borrowed
 * for the implicit unit and restored. `work` is scratch of N (`'L'`) or M (`'R'`) elements.
 * Returns 0.
 *
 * @example
 * ```ts
 * import { createLapackContext } from '@polyblas/backend-js';
 * import { geqrf } from './geqrf.js'; // internal; the public kernel is lapackKernels.dgeqrf
 * import { orm2r } from './orm2r.js'; // internal, not exported by @polyblas/backend-js
 * const ctx = createLapackContext('d');
 * const A = new Float64Array([3, 4]), tau = new Float64Array(1);
 * geqrf(ctx, 2, 1, A, 2, 0, tau, 0);
 * const b = new Float64Array([3, 4]);
 * orm2r(ctx, 'L', 'T', 2, 1, 1, A, 2, 0, tau, 0, b, 2, 0, ctx.work(1).data, 0); // b = [-5, 0]
 * ```
 */
export function orm2r<T extends FloatArray>(
  ctx: LapackContext<T>, side: Side, trans: Trans, M: number, N: number, K: number,
  A: T, lda: number, offsetA: number, tau: T, offsetTau: number, C: T, ldc: number, offsetC: number,
  work: T, offsetWork: number,
): number {
  if (M <= 0 || N <= 0 || K <= 0) return 0;
  const left = side === 'L';
  // Qᵀ·C and C·Q apply H(0) first; Q·C and C·Qᵀ apply H(K−1) first.
  const forward = left === (trans === 'T');
  for (let s = 0; s < K; s++) {
    const i = forward ? s : K - 1 - s;
    const ii = offsetA + i * (lda + 1);
    const aii = A[ii];
    A[ii] = 1;
    if (left) larf(ctx, 'L', M - i, N, A, 1, ii, tau[offsetTau + i], C, ldc, offsetC + i, work, offsetWork);
    else larf(ctx, 'R', M, N - i, A, 1, ii, tau[offsetTau + i], C, ldc, offsetC + i * ldc, work, offsetWork);
    A[ii] = aii;
  }
  return 0;
}
