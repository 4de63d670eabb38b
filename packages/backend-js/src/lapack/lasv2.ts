/**
 * Singular value decomposition of a 2×2 upper triangular matrix.
 *
 * @module
 */

/**
 * The SVD of a 2×2 upper triangular matrix, as {@link lasv2} returns it.
 *
 * @example
 * ```ts
 * import type { Svd2 } from './lasv2.js';
 * const r: Svd2 = { ssmin: 0, ssmax: 0, csl: 1, snl: 0, csr: 1, snr: 0 };
 * ```
 */
export interface Svd2 {
  ssmin: number;
  ssmax: number;
  csl: number;
  snl: number;
  csr: number;
  snr: number;
}

const EPS = 2 ** -53;

/**
 * `lasv2`: the SVD of [f g; 0 h]:
 * [csl snl; −snl csl]·[f g; 0 h]·[csr −snr; snr csr] = [ssmax 0; 0 ssmin],
 * with |ssmax| ≥ |ssmin| (signed, so the identity holds exactly) and both values accurate to a
 * few ulps relative to themselves (Demmel and Kahan, "Accurate singular values of bidiagonal
 * matrices", 1990). The rotation is computed in double for both precisions.
 *
 * @example
 * ```ts
 * import { lasv2 } from './lasv2.js';
 * const r = { ssmin: 0, ssmax: 0, csl: 1, snl: 0, csr: 1, snr: 0 };
 * lasv2(1, 0, 2, r); // r.ssmax = 2, r.ssmin = 1 (the columns and rows are swapped)
 * ```
 */
export function lasv2(f: number, g: number, h: number, out: Svd2): void {
  // Work with |ft| >= |ht|; when |h| > |f| the transposed, reversed matrix is used and the
  // roles of the left and right rotations swap at the end.
  const swap = Math.abs(h) > Math.abs(f);
  const ft = swap ? h : f;
  const ht = swap ? f : h;
  const fa = Math.abs(ft);
  const ha = Math.abs(ht);
  const gt = g;
  const ga = Math.abs(g);
  // Which entry holds the largest magnitude decides how the signs are fixed at the end.
  let largest: 'f' | 'g' | 'h' = swap ? 'h' : 'f';
  let ssmin: number;
  let ssmax: number;
  let clt: number;
  let slt: number;
  let crt: number;
  let srt: number;
  if (ga === 0) {
    ssmin = ha;
    ssmax = fa;
    clt = 1;
    crt = 1;
    slt = 0;
    srt = 0;
  } else {
    let gSmall = true;
    ssmin = 0;
    ssmax = 0;
    clt = 1;
    crt = 1;
    slt = 0;
    srt = 0;
    if (ga > fa) {
      largest = 'g';
      if (fa / ga < EPS) {
        // g dominates: σmax = |g| to working precision.
        gSmall = false;
        ssmax = ga;
        ssmin = ha > 1 ? fa / (ga / ha) : (fa / ga) * ha;
        clt = 1;
        slt = ht / gt;
        srt = 1;
        crt = ft / gt;
      }
    }
    if (gSmall) {
      const d = fa - ha;
      // l = (|f| − |h|)/|f| in [0, 1]; exactly 1 when h is negligible.
      let l = d === fa ? 1 : d / fa;
      const m = gt / ft;
      let t = 2 - l;
      const mm = m * m;
      const s = Math.sqrt(t * t + mm);
      const r = l === 0 ? Math.abs(m) : Math.sqrt(l * l + mm);
      const a = 0.5 * (s + r);
      ssmin = ha / a;
      ssmax = fa * a;
      if (mm === 0) {
        // m is so small that m² underflowed: use the limits of the formulas below.
        if (l === 0) t = Math.sign(ft) * 2 * (gt >= 0 ? 1 : -1);
        else t = gt / (ft >= 0 ? d : -d) + m / t;
      } else {
        t = (m / (s + t) + m / (r + l)) * (1 + a);
      }
      l = Math.sqrt(t * t + 4);
      crt = 2 / l;
      srt = t / l;
      clt = (crt + srt * m) / a;
      slt = ((ht / ft) * srt) / a;
    }
  }
  let csl: number;
  let snl: number;
  let csr: number;
  let snr: number;
  if (swap) {
    csl = srt;
    snl = crt;
    csr = slt;
    snr = clt;
  } else {
    csl = clt;
    snl = slt;
    csr = crt;
    snr = srt;
  }
  // Signs: the diagonal of the rotated matrix must reproduce f·h = ssmax·ssmin.
  const sgn = (x: number): number => (x < 0 || Object.is(x, -0) ? -1 : 1);
  let tsign: number;
  if (largest === 'f') tsign = sgn(csr) * sgn(csl) * sgn(f);
  else if (largest === 'g') tsign = sgn(snr) * sgn(csl) * sgn(g);
  else tsign = sgn(snr) * sgn(snl) * sgn(h);
  out.ssmax = tsign * Math.abs(ssmax);
  out.ssmin = tsign * sgn(f) * sgn(h) * Math.abs(ssmin);
  out.csl = csl;
  out.snl = snl;
  out.csr = csr;
  out.snr = snr;
}
