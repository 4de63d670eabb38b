/**
 * `orghr`: forms the orthogonal matrix of the Hessenberg reduction.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';
import type { LapackContext } from './context.js';
import { larf } from './larf.js';
import { larfb } from './larfb.js';
import { larft } from './larft.js';

/** Reflectors per block of the backward accumulation. */
const NB = 32;

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
  if (nh > 0) generateQ(ctx, nh, Q, ldq, q(ilo + 1, ilo + 1), tau, offsetTau + ilo);
}

/**
 * Overwrites the m×m V, holding m reflectors in geqrf's layout, with Q = H(0)···H(m − 1), built
 * backwards in blocks: each block of reflectors is applied to the columns already formed by a
 * level-3 block reflector, then expanded in place.
 */
function generateQ<T extends FloatArray>(
  ctx: LapackContext<T>, m: number, V: T, ldv: number, offsetV: number, tau: T, offsetTau: number,
): void {
  const { blas } = ctx;
  const v = (i: number, j: number): number => offsetV + i + j * ldv;
  const nb = Math.min(NB, m);
  const ws = ctx.work(nb * nb + m * nb + m);
  const W = ws.data;
  const tOff = ws.offset;
  const fOff = tOff + nb * nb;
  const lOff = fOff + m * nb;
  const lastStart = Math.floor((m - 1) / nb) * nb;
  for (let start = lastStart; start >= 0; start -= nb) {
    const ib = Math.min(nb, m - start);
    const end = start + ib;
    if (end < m) {
      larft(ctx, 'C', m - start, ib, V, ldv, v(start, start), tau, offsetTau + start, W, nb, tOff);
      larfb(ctx, 'L', 'N', 'C', m - start, m - end, ib, V, ldv, v(start, start), W, nb, tOff, V, ldv, v(start, end), W, m, fOff);
    }
    // Expand the block's own columns, last reflector first.
    for (let j = end - 1; j >= start; j--) {
      const t = tau[offsetTau + j];
      if (j < end - 1) {
        V[v(j, j)] = 1;
        larf(ctx, 'L', m - j, end - j - 1, V, 1, v(j, j), t, V, ldv, v(j, j + 1), W, lOff);
      }
      blas.scal(m - j - 1, -t, V, 1, v(j + 1, j));
      V[v(j, j)] = 1 - t;
      for (let i = start; i < j; i++) V[v(i, j)] = 0;
    }
    for (let j = start; j < end; j++) for (let i = 0; i < start; i++) V[v(i, j)] = 0;
  }
}
