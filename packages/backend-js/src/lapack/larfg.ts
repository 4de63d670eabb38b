/**
 * `larfg`: generates an elementary reflector (Householder transformation).
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';
import type { LapackContext } from './context.js';

/**
 * Generates H = I − τ·v·vᵀ with v = [1; x'] such that H·[α; x] = [β; 0] and Hᵀ·H = I.
 *
 * On entry `x` (N − 1 elements, `x[offsetX + i*strideX]`) holds the vector below α; on exit it
 * holds v(1:N−1) (v(0) = 1 is implicit). τ is written to `tau[offsetTau]` and β is **returned**:
 * the caller stores it where α was (typically the diagonal). When x is zero (or N ≤ 1), τ = 0, H is
 * the identity and β = α. Otherwise 1 ≤ τ ≤ 2 and |β| = ‖[α; x]‖₂ with the sign opposite to α, so
 * the subtraction α − β never cancels. Norms below safmin/eps are rescaled first, so tiny vectors
 * still give an accurate v.
 *
 * @example
 * ```ts
 * import { createLapackContext } from '@polyblas/backend-js';
 * import { larfg } from './larfg.js'; // internal, not exported by @polyblas/backend-js
 * const ctx = createLapackContext('d');
 * const x = new Float64Array([4]), tau = new Float64Array(1);
 * const beta = larfg(ctx, 2, 3, x, 1, 0, tau, 0); // beta = -5, tau[0] = 1.6, x = [0.5]
 * ```
 */
export function larfg<T extends FloatArray>(
  ctx: LapackContext<T>, N: number, alpha: number, x: T, strideX: number, offsetX: number, tau: T, offsetTau: number,
): number {
  if (N <= 1) {
    tau[offsetTau] = 0;
    return alpha;
  }
  const { blas } = ctx;
  let xnorm = blas.nrm2(N - 1, x, strideX, offsetX);
  if (xnorm === 0) {
    tau[offsetTau] = 0;
    return alpha;
  }
  let beta = -Math.sign(alpha || 1) * Math.hypot(alpha, xnorm);
  // A norm this small would make 1/(α − β) overflow or lose bits to underflow: scale up, at most
  // 20 times (each by 1/smallest), recompute, and scale β back at the end.
  const small = ctx.safmin / ctx.eps;
  let rescaled = 0;
  if (Math.abs(beta) < small) {
    const big = 1 / small;
    do {
      rescaled++;
      blas.scal(N - 1, big, x, strideX, offsetX);
      beta *= big;
      alpha *= big;
    } while (Math.abs(beta) < small && rescaled < 20);
    xnorm = blas.nrm2(N - 1, x, strideX, offsetX);
    beta = -Math.sign(alpha || 1) * Math.hypot(alpha, xnorm);
  }
  tau[offsetTau] = (beta - alpha) / beta;
  blas.scal(N - 1, 1 / (alpha - beta), x, strideX, offsetX);
  for (let k = 0; k < rescaled; k++) beta *= small;
  return beta;
}
