/**
 * `lanv2`: the standardised Schur form of a real 2×2 matrix.
 *
 * @module
 */

/**
 * The result of {@link lanv2}: the standardised block [a b; c d], its eigenvalues
 * (rt1r + i·rt1i, rt2r + i·rt2i) and the rotation (cs, sn).
 *
 * @example
 * ```ts
 * import type { Lanv2Result } from './lanv2.js';
 * const r: Lanv2Result = { a: 1, b: 0, c: 0, d: 2, rt1r: 1, rt1i: 0, rt2r: 2, rt2i: 0, cs: 1, sn: 0 };
 * ```
 */
export interface Lanv2Result {
  a: number;
  b: number;
  c: number;
  d: number;
  rt1r: number;
  rt1i: number;
  rt2r: number;
  rt2i: number;
  cs: number;
  sn: number;
}

const sign = (a: number, b: number): number => (b >= 0 ? Math.abs(a) : -Math.abs(a));

/**
 * Computes the rotation [cs −sn; sn cs] with
 * [a b; c d] = [cs −sn; sn cs]·[aa bb; cc dd]·[cs sn; −sn cs], where either cc = 0 (two real
 * eigenvalues, upper triangular) or aa = dd and bb·cc < 0 (a complex conjugate pair).
 *
 * @param eps - unit roundoff of the working precision (decides when nearly equal real roots are
 *   treated as a pair)
 *
 * @example
 * ```ts
 * import { lanv2 } from './lanv2.js';
 * const r = lanv2(0, -1, 1, 0, 2 ** -53); // rotation by 90°: already standard, rt1i = 1
 * ```
 */
export function lanv2(a: number, b: number, c: number, d: number, eps: number): Lanv2Result {
  let cs = 1;
  let sn = 0;
  if (c === 0) {
    // already upper triangular
  } else if (b === 0) {
    // swap rows and columns
    cs = 0;
    sn = 1;
    const t = d;
    d = a;
    a = t;
    b = -c;
    c = 0;
  } else if (a - d === 0 && (b >= 0) !== (c >= 0)) {
    // already a standard complex block
  } else {
    const temp = a - d;
    let p = 0.5 * temp;
    const bcmax = Math.max(Math.abs(b), Math.abs(c));
    const bcmis = Math.min(Math.abs(b), Math.abs(c)) * sign(1, b) * sign(1, c);
    const scale = Math.max(Math.abs(p), bcmax);
    let z = (p / scale) * p + (bcmax / scale) * bcmis;
    if (z >= 4 * eps) {
      // real eigenvalues: triangularise
      z = p + sign(Math.sqrt(scale) * Math.sqrt(z), p);
      a = d + z;
      d = d - (bcmax / z) * bcmis;
      const tau = Math.hypot(c, z);
      cs = z / tau;
      sn = c / tau;
      b = b - c;
      c = 0;
    } else {
      // complex or nearly equal real eigenvalues: make the diagonal equal
      const sigma = b + c;
      const tau = Math.hypot(sigma, temp);
      cs = Math.sqrt(0.5 * (1 + Math.abs(sigma) / tau));
      sn = -(p / (tau * cs)) * sign(1, sigma);
      const aa = a * cs + b * sn;
      const bb = -a * sn + b * cs;
      const cc = c * cs + d * sn;
      const dd = -c * sn + d * cs;
      a = aa * cs + cc * sn;
      b = bb * cs + dd * sn;
      c = -aa * sn + cc * cs;
      d = -bb * sn + dd * cs;
      const mid = 0.5 * (a + d);
      a = mid;
      d = mid;
      if (c !== 0) {
        if (b !== 0) {
          if ((b >= 0) === (c >= 0)) {
            // real eigenvalues after all: one more rotation triangularises
            const sab = Math.sqrt(Math.abs(b));
            const sac = Math.sqrt(Math.abs(c));
            p = sign(sab * sac, c);
            const t = 1 / Math.sqrt(Math.abs(b + c));
            a = mid + p;
            d = mid - p;
            b = b - c;
            c = 0;
            const cs1 = sab * t;
            const sn1 = sac * t;
            const ncs = cs * cs1 - sn * sn1;
            sn = cs * sn1 + sn * cs1;
            cs = ncs;
          }
        } else {
          b = -c;
          c = 0;
          const t = cs;
          cs = -sn;
          sn = t;
        }
      }
    }
  }
  const rt1r = a;
  const rt2r = d;
  let rt1i = 0;
  let rt2i = 0;
  if (c !== 0) {
    rt1i = Math.sqrt(Math.abs(b)) * Math.sqrt(Math.abs(c));
    rt2i = -rt1i;
  }
  return { a, b, c, d, rt1r, rt1i, rt2r, rt2i, cs, sn };
}
