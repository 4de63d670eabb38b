/**
 * `gebak`: undoes the balancing of `gebal` on eigenvectors.
 *
 * @module
 */
import type { FloatArray, Side } from '@polyblas/contract';
import type { LapackContext } from './context.js';
import type { Balance } from './gebal.js';

/**
 * Transforms the M eigenvectors in the N×M V of the balanced matrix into those of the original:
 * right vectors (side `'R'`) x = P·D·x', left vectors (side `'L'`) y = P·D⁻¹·y'.
 *
 * @example
 * ```ts
 * import { createLapackContext } from '@polyblas/backend-js';
 * import { gebal } from './gebal.js';
 * import { gebak } from './gebak.js';
 * const ctx = createLapackContext('d');
 * // const bal = gebal(ctx, 'B', n, A, n, 0); ... compute V of the balanced A ...
 * // gebak(ctx, bal, 'R', n, m, V, n, 0);
 * ```
 */
export function gebak<T extends FloatArray>(
  ctx: LapackContext<T>, balance: Balance, side: Side, N: number, M: number, V: T, ldv: number, offsetV: number,
): void {
  if (N === 0 || M === 0) return;
  const { ilo, ihi, scale } = balance;
  const { blas } = ctx;
  for (let i = ilo; i <= ihi; i++) {
    const s = side === 'R' ? scale[i] : 1 / scale[i];
    if (s !== 1) blas.scal(M, s, V, ldv, offsetV + i);
  }
  // Swaps in the reverse of the order gebal made them.
  for (let i = ilo - 1; i >= 0; i--) {
    const k = scale[i];
    if (k !== i) blas.swap(M, V, ldv, offsetV + i, V, ldv, offsetV + k);
  }
  for (let i = ihi + 1; i < N; i++) {
    const k = scale[i];
    if (k !== i) blas.swap(M, V, ldv, offsetV + i, V, ldv, offsetV + k);
  }
}
