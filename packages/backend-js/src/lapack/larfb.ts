/**
 * `larfb`: applies a block reflector to a matrix.
 *
 * @module
 */
import type { FloatArray, Side, Trans } from '@polyblas/contract';
import type { LapackContext } from './context.js';
import type { Storev } from './larft.js';

/**
 * Applies the block reflector H = I − V·T·Vᵀ (forward order, T from {@link larft}) or Hᵀ to the
 * M×N column-major C: C ← op(H)·C (side `'L'`, reflectors of length M) or C·op(H) (side `'R'`,
 * reflectors of length N), with op given by `trans`.
 *
 * V holds K reflectors as `larft` reads them (storev `'C'`: one per column, unit diagonal and
 * upper triangle implicit and not read; `'R'`: one per row). `work` is scratch of K columns with
 * leading dimension `ldwork ≥ N` (side `'L'`) or `≥ M` (side `'R'`). The work is three matrix
 * products (trmm, gemm) with W = Cᵀ·V (or C·V) in between, so it runs at level-3 speed.
 *
 * @example
 * ```ts
 * import { createLapackContext } from '@polyblas/backend-js';
 * import { larft } from './larft.js'; // internal, not exported by @polyblas/backend-js
 * import { larfb } from './larfb.js'; // internal, not exported by @polyblas/backend-js
 * const ctx = createLapackContext('d');
 * // after geqrf on a 3x2 A (m = 3, k = 2), apply Qᵀ to a 3x4 C:
 * // larft(ctx, 'C', 3, 2, A, 3, 0, tau, 0, T, 2, 0);
 * // larfb(ctx, 'L', 'T', 'C', 3, 4, 2, A, 3, 0, T, 2, 0, C, 3, 0, ctx.work(4 * 2).data, 4, 0);
 * ```
 */
export function larfb<T extends FloatArray>(
  ctx: LapackContext<T>, side: Side, trans: Trans, storev: Storev, M: number, N: number, K: number,
  V: T, ldv: number, offsetV: number, Tm: T, ldt: number, offsetT: number,
  C: T, ldc: number, offsetC: number, work: T, ldwork: number, offsetWork: number,
): void {
  if (M <= 0 || N <= 0 || K <= 0) return;
  const { blas } = ctx;
  // Both storages are the same lower unit trapezoidal matrix (length × K) seen through strides:
  // element r of reflector j is at offsetV + r*rs + j*cs.
  const rs = storev === 'C' ? 1 : ldv;
  const cs = storev === 'C' ? ldv : 1;
  const V2 = offsetV + K * rs;
  if (side === 'L') {
    // W (N×K) = Cᵀ·V = C1ᵀ·V1 + C2ᵀ·V2, with C1 the first K rows of C.
    for (let j = 0; j < K; j++) blas.copy(N, C, ldc, offsetC + j, work, 1, offsetWork + j * ldwork);
    blas.trmm('R', 'L', 'N', 'U', N, K, 1, V, rs, cs, offsetV, work, 1, ldwork, offsetWork);
    if (M > K) {
      blas.gemm('T', 'N', N, K, M - K, 1, C, 1, ldc, offsetC + K, V, rs, cs, V2, 1, work, 1, ldwork, offsetWork);
    }
    // H·C = C − V·(W·Tᵀ)ᵀ and Hᵀ·C = C − V·(W·T)ᵀ.
    blas.trmm('R', 'U', trans === 'N' ? 'T' : 'N', 'N', N, K, 1, Tm, 1, ldt, offsetT, work, 1, ldwork, offsetWork);
    if (M > K) {
      blas.gemm('N', 'T', M - K, N, K, -1, V, rs, cs, V2, work, 1, ldwork, offsetWork, 1, C, 1, ldc, offsetC + K);
    }
    blas.trmm('R', 'L', 'T', 'U', N, K, 1, V, rs, cs, offsetV, work, 1, ldwork, offsetWork);
    for (let j = 0; j < K; j++) blas.axpy(N, -1, work, 1, offsetWork + j * ldwork, C, ldc, offsetC + j);
  } else {
    // W (M×K) = C·V = C1·V1 + C2·V2, with C1 the first K columns of C.
    for (let j = 0; j < K; j++) blas.copy(M, C, 1, offsetC + j * ldc, work, 1, offsetWork + j * ldwork);
    blas.trmm('R', 'L', 'N', 'U', M, K, 1, V, rs, cs, offsetV, work, 1, ldwork, offsetWork);
    if (N > K) {
      blas.gemm('N', 'N', M, K, N - K, 1, C, 1, ldc, offsetC + K * ldc, V, rs, cs, V2, 1, work, 1, ldwork, offsetWork);
    }
    // C·H = C − (W·T)·Vᵀ and C·Hᵀ = C − (W·Tᵀ)·Vᵀ.
    blas.trmm('R', 'U', trans, 'N', M, K, 1, Tm, 1, ldt, offsetT, work, 1, ldwork, offsetWork);
    if (N > K) {
      blas.gemm('N', 'T', M, N - K, K, -1, work, 1, ldwork, offsetWork, V, rs, cs, V2, 1, C, 1, ldc, offsetC + K * ldc);
    }
    blas.trmm('R', 'L', 'T', 'U', M, K, 1, V, rs, cs, offsetV, work, 1, ldwork, offsetWork);
    for (let j = 0; j < K; j++) blas.axpy(M, -1, work, 1, offsetWork + j * ldwork, C, 1, offsetC + j * ldc);
  }
}
