/**
 * `orghr`: forms the orthogonal matrix of the Hessenberg reduction.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';
import type { LapackContext } from './context.js';
import { orgqr } from './orgqr.js';

/**
 * Overwrites the N×N Q, which on entry holds what {@link gehrd} left in A (reflectors below the
 * subdiagonal of columns `ilo..ihi − 1`), with the orthogonal Q of H = Qᵀ·A·Q. Q is the identity
 * outside rows and columns `ilo + 1..ihi`.
 *
 * @example
 * ```ts
 * import { createLapackContext } from '@polyblas/backend-js';
 * import { gehrd } from './gehrd.js';
 * import { orghr } from './orghr.js';
 * const ctx = createLapackContext('d');
 * const A = new Float64Array(9).map((_, k) => k + 1), tau = new Float64Array(3);
 * gehrd(ctx, 3, 0, 2, A, 3, 0, tau, 0);
 * const Q = A.slice();
 * orghr(ctx, 3, 0, 2, Q, 3, 0, tau, 0); // Qᵀ·A0·Q is the Hessenberg form
 * ```
 */
export function orghr<T extends FloatArray>(
  ctx: LapackContext<T>, N: number, ilo: number, ihi: number, Q: T, ldq: number, offsetQ: number,
  tau: T, offsetTau: number,
): void {
  if (N === 0) return;
  const q = (i: number, j: number): number => offsetQ + i + j * ldq;
  // Shift the reflectors one column to the right, so the block starting at (ilo+1, ilo+1) has
  // geqrf's layout, and make the rest the identity.
  for (let j = ihi; j > ilo; j--) {
    for (let i = 0; i < j; i++) Q[q(i, j)] = 0;
    for (let i = j + 1; i <= ihi; i++) Q[q(i, j)] = Q[q(i, j - 1)];
    for (let i = ihi + 1; i < N; i++) Q[q(i, j)] = 0;
  }
  for (let j = 0; j <= ilo; j++) {
    for (let i = 0; i < N; i++) Q[q(i, j)] = 0;
    Q[q(j, j)] = 1;
  }
  for (let j = ihi + 1; j < N; j++) {
    for (let i = 0; i < N; i++) Q[q(i, j)] = 0;
    Q[q(j, j)] = 1;
  }
  const nh = ihi - ilo;
  if (nh > 0) orgqr(ctx, nh, nh, nh, Q, ldq, q(ilo + 1, ilo + 1), tau, offsetTau + ilo);
}
