/**
 * `larft`: the triangular factor of a block reflector.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';
import type { LapackContext } from './context.js';

/**
 * How the reflector vectors of a block reflector are stored: one per column (`'C'`, as `geqrf`
 * leaves them below the diagonal) or one per row (`'R'`, as `gelqf` leaves them right of it).
 *
 * @example
 * ```ts
 * import type { Storev } from './larft.js'; // internal, not exported by @polyblas/backend-js
 * const storev: Storev = 'C';
 * ```
 */
export type Storev = 'C' | 'R';

/**
 * Forms the K×K upper triangular T of the block reflector H = H(0)·H(1)···H(K−1) = I − V·T·Vᵀ
 * (forward order), where H(i) = I − τᵢ·vᵢ·vᵢᵀ.
 *
 * With storev `'C'`, V is N×K column-major and vᵢ is column i: vᵢ(i) = 1 and vᵢ(0:i) = 0 are
 * implicit (the diagonal and upper triangle of V are not read). With storev `'R'`, V is K×N and
 * vᵢ is row i, with the same implicit unit and zeros left of the diagonal. Only the upper triangle
 * of T is written. T is built column by column from T(0:i, i) = −τᵢ·T(0:i, 0:i)·V(:, 0:i)ᵀ·vᵢ.
 *
 * @example
 * ```ts
 * import { createLapackContext } from '@polyblas/backend-js';
 * import { larft } from './larft.js'; // internal, not exported by @polyblas/backend-js
 * const ctx = createLapackContext('d');
 * // two reflectors of length 3 (e.g. from geqrf on a 3x2 A) and their taus:
 * const V = new Float64Array([1, 0.5, 0.25, 0, 1, 0.5]), tau = new Float64Array([1.2, 1.5]);
 * const T = new Float64Array(4);
 * larft(ctx, 'C', 3, 2, V, 3, 0, tau, 0, T, 2, 0); // I - V·T·Vᵀ = H(0)·H(1)
 * ```
 */
export function larft<T extends FloatArray>(
  ctx: LapackContext<T>, storev: Storev, N: number, K: number, V: T, ldv: number, offsetV: number,
  tau: T, offsetTau: number, Tm: T, ldt: number, offsetT: number,
): void {
  if (N === 0) return;
  const { blas } = ctx;
  // In either storage, V's entry (row, reflector) is at row*rs + reflector*cs.
  const rs = storev === 'C' ? 1 : ldv;
  const cs = storev === 'C' ? ldv : 1;
  for (let i = 0; i < K; i++) {
    const ti = tau[offsetTau + i];
    const colT = offsetT + i * ldt;
    if (ti === 0) {
      for (let j = 0; j <= i; j++) Tm[colT + j] = 0;
      continue;
    }
    // Trailing zeros of vᵢ shorten the products below.
    let lastv = N;
    while (lastv > i + 1 && V[offsetV + (lastv - 1) * rs + i * cs] === 0) lastv--;
    // T(j, i) = −τᵢ·(V(i, j)·1 + V(i+1:lastv, j)ᵀ·vᵢ(i+1:lastv)) for j < i.
    for (let j = 0; j < i; j++) Tm[colT + j] = -ti * V[offsetV + i * rs + j * cs];
    if (i > 0 && lastv > i + 1) {
      const below = offsetV + (i + 1) * rs;
      blas.gemv('T', lastv - i - 1, i, -ti, V, rs, cs, below, V, rs, below + i * cs, 1, Tm, 1, colT);
    }
    if (i > 0) blas.trmv('U', 'N', 'N', i, Tm, 1, ldt, offsetT, Tm, 1, colT);
    Tm[colT + i] = ti;
  }
}
