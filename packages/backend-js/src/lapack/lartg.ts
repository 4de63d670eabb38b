/**
 * Plane rotation generation.
 *
 * @module
 */

/**
 * A plane rotation [c s; −s c] and the value r it produces: c·f + s·g = r, −s·f + c·g = 0.
 *
 * @example
 * ```ts
 * import { givens, type Givens } from './lartg.js';
 * const rot: Givens = givens(); // { c: 1, s: 0, r: 0 }
 * ```
 */
export interface Givens {
  c: number;
  s: number;
  r: number;
}

/**
 * A fresh rotation record for {@link lartg} to fill (allocate once, reuse in loops).
 *
 * @example
 * ```ts
 * import { givens, lartg } from './lartg.js';
 * const rot = givens();
 * lartg(3, 4, rot); // rot = { c: 0.6, s: 0.8, r: 5 }
 * ```
 */
export function givens(): Givens {
  return { c: 1, s: 0, r: 0 };
}

// Inside (SQUARE_MIN, SQUARE_MAX) the sum of squares f² + g² is a normal double with room to
// spare, so sqrt(f² + g²) is accurate; outside it, f and g are scaled first.
const SQUARE_MIN = 2 ** -960;
const SQUARE_MAX = 2 ** 960;

/**
 * `lartg`: generates the plane rotation with c·f + s·g = r and −s·f + c·g = 0, writing c, s, r
 * into `out`. Conventions (LAPACK 3.10): c ≥ 0; r has the sign of f when f ≠ 0; g = 0 gives
 * (1, 0, f); f = 0 gives (0, sign(g), |g|). Arithmetic is in double and avoids overflow and
 * harmful underflow by scaling only when f or g is far from 1.
 *
 * @example
 * ```ts
 * import { givens, lartg } from './lartg.js';
 * const rot = givens();
 * lartg(-3, 4, rot); // rot = { c: 0.6, s: -0.8, r: -5 }
 * ```
 */
export function lartg(f: number, g: number, out: Givens): void {
  if (g === 0) {
    out.c = 1;
    out.s = 0;
    out.r = f;
    return;
  }
  if (f === 0) {
    out.c = 0;
    out.s = g > 0 ? 1 : -1;
    out.r = Math.abs(g);
    return;
  }
  const q = f * f + g * g;
  if (q > SQUARE_MIN && q < SQUARE_MAX) {
    // One division (a reciprocal) instead of two: the generation sits on the serial critical
    // path of bulge chasing, where division latency dominates. An underflowed f² or g² here is
    // negligible next to the other square, so only the sum needs to be in range.
    const d = Math.sqrt(q);
    const inv = f > 0 ? 1 / d : -1 / d;
    out.c = f * inv;
    out.s = g * inv;
    out.r = f > 0 ? d : -d;
    return;
  }
  const af = Math.abs(f);
  const ag = Math.abs(g);
  // Scale by the larger magnitude so the sum of squares is between 1 and 2.
  const u = Math.max(af, ag);
  const fs = f / u;
  const gs = g / u;
  const d = Math.sqrt(fs * fs + gs * gs);
  out.c = Math.abs(fs) / d;
  const rs = f > 0 ? d : -d;
  out.s = gs / rs;
  out.r = rs * u;
}
