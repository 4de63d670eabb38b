/**
 * `lahqr`: the Francis double-shift QR iteration on a Hessenberg matrix, one bulge at a time.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';
import type { LapackContext, Work } from './context.js';
import { lanv2 } from './lanv2.js';
import { larfg } from './larfg.js';

/**
 * Computes the eigenvalues of the upper Hessenberg N×N H in rows and columns `ilo..ihi` (0-based,
 * inclusive; H is already upper triangular outside that block), and with `wantt` the real Schur
 * form T that overwrites H: 1×1 blocks and standardised 2×2 blocks of complex pairs. With `wantz`
 * the orthogonal transformations are applied to rows `iloz..ihiz` of the columns `ilo..ihi` of Z.
 * Eigenvalues `ilo..ihi` go to `wr`/`wi` (pairs consecutive, positive imaginary part first).
 *
 * `scratch` (4 elements), when given, saves a workspace request (for callers in a loop).
 *
 * Returns 0, or `i + 1 > 0` when the iteration did not converge within 30 sweeps per row:
 * eigenvalues `i + 1 .. ihi` are then correct and H(ilo..i, ilo..i) is unfinished.
 *
 * @example
 * ```ts
 * import { createLapackContext } from '@polyblas/backend-js';
 * import { lahqr } from './lahqr.js';
 * const ctx = createLapackContext('d');
 * const H = new Float64Array([0, 1, -1, 0]), wr = new Float64Array(2), wi = new Float64Array(2);
 * lahqr(ctx, true, false, 2, 0, 1, H, 2, 0, wr, 0, wi, 0, 0, 1, H, 2, 0); // wi = [1, -1]
 * ```
 */
export function lahqr<T extends FloatArray>(
  ctx: LapackContext<T>, wantt: boolean, wantz: boolean, N: number, ilo: number, ihi: number,
  H: T, ldh: number, offsetH: number, wr: T, offsetWr: number, wi: T, offsetWi: number,
  iloz: number, ihiz: number, Z: T, ldz: number, offsetZ: number, scratch?: Work<T>,
): number {
  if (N === 0) return 0;
  const h = (i: number, j: number): number => offsetH + i + j * ldh;
  if (ilo === ihi) {
    wr[offsetWr + ilo] = H[h(ilo, ilo)];
    wi[offsetWi + ilo] = 0;
    return 0;
  }
  // Entries below the subdiagonal are zero by definition; clear any rounding debris.
  for (let j = ilo; j <= ihi - 3; j++) {
    H[h(j + 2, j)] = 0;
    H[h(j + 3, j)] = 0;
  }
  if (ilo <= ihi - 2) H[h(ihi, ihi - 2)] = 0;

  const nh = ihi - ilo + 1;
  const ulp = 2 * ctx.eps;
  const smlnum = ctx.safmin * (nh / ulp);
  let i1 = 0;
  let i2 = N - 1;
  const itmax = 30 * Math.max(10, nh);
  const exceptionalEvery = 10;
  let sinceDeflation = 0;
  const work = scratch ?? ctx.work(4);
  const v = work.data;
  const vo = work.offset;

  let i = ihi;
  while (i >= ilo) {
    // Iterate on the active block l..i until one or two eigenvalues split off at its bottom.
    let l = ilo;
    let converged = false;
    for (let its = 0; its <= itmax; its++) {
      let k = i;
      for (; k > l; k--) {
        const sub = Math.abs(H[h(k, k - 1)]);
        if (sub <= smlnum) break;
        let tst = Math.abs(H[h(k - 1, k - 1)]) + Math.abs(H[h(k, k)]);
        if (tst === 0) {
          if (k - 2 >= ilo) tst += Math.abs(H[h(k - 1, k - 2)]);
          if (k + 1 <= ihi) tst += Math.abs(H[h(k + 1, k)]);
        }
        if (sub <= ulp * tst) {
          // Ahues & Tisseur: negligible relative to the nearby 2×2 eigenvalue problem.
          const sup = Math.abs(H[h(k - 1, k)]);
          const ab = Math.max(sub, sup);
          const ba = Math.min(sub, sup);
          const hkk = Math.abs(H[h(k, k)]);
          const diff = Math.abs(H[h(k - 1, k - 1)] - H[h(k, k)]);
          const aa = Math.max(hkk, diff);
          const bb = Math.min(hkk, diff);
          const s = aa + ab;
          if (ba * (ab / s) <= Math.max(smlnum, ulp * (bb * (aa / s)))) break;
        }
      }
      l = k;
      if (l > ilo) H[h(l, l - 1)] = 0;
      if (l >= i - 1) {
        converged = true;
        break;
      }
      sinceDeflation++;
      if (!wantt) {
        i1 = l;
        i2 = i;
      }

      // Shifts: the trailing 2×2 eigenvalues, or an exceptional pair when progress stalls.
      let h11: number, h12: number, h21: number, h22: number;
      if (sinceDeflation % (2 * exceptionalEvery) === 0) {
        const s = Math.abs(H[h(l + 1, l)]) + Math.abs(H[h(l + 2, l + 1)]);
        h11 = 0.75 * s + H[h(l, l)];
        h12 = -0.4375 * s;
        h21 = s;
        h22 = h11;
      } else if (sinceDeflation % exceptionalEvery === 0) {
        const s = Math.abs(H[h(i, i - 1)]) + Math.abs(H[h(i - 1, i - 2)]);
        h11 = 0.75 * s + H[h(i, i)];
        h12 = -0.4375 * s;
        h21 = s;
        h22 = h11;
      } else {
        h11 = H[h(i - 1, i - 1)];
        h21 = H[h(i, i - 1)];
        h12 = H[h(i - 1, i)];
        h22 = H[h(i, i)];
      }
      let rt1r = 0, rt1i = 0, rt2r = 0, rt2i = 0;
      const s0 = Math.abs(h11) + Math.abs(h12) + Math.abs(h21) + Math.abs(h22);
      if (s0 !== 0) {
        h11 /= s0;
        h21 /= s0;
        h12 /= s0;
        h22 /= s0;
        const tr = (h11 + h22) / 2;
        const det = (h11 - tr) * (h22 - tr) - h12 * h21;
        const rtdisc = Math.sqrt(Math.abs(det));
        if (det >= 0) {
          rt1r = tr * s0;
          rt2r = rt1r;
          rt1i = rtdisc * s0;
          rt2i = -rt1i;
        } else {
          // Two real shifts: use the one nearer h22 twice.
          rt1r = tr + rtdisc;
          rt2r = tr - rtdisc;
          if (Math.abs(rt1r - h22) <= Math.abs(rt2r - h22)) {
            rt1r *= s0;
            rt2r = rt1r;
          } else {
            rt2r *= s0;
            rt1r = rt2r;
          }
        }
      }

      // Start the bulge where two consecutive subdiagonals are small enough to allow it.
      let m = i - 2;
      for (; m >= l; m--) {
        let h21s = H[h(m + 1, m)];
        let s = Math.abs(H[h(m, m)] - rt2r) + Math.abs(rt2i) + Math.abs(h21s);
        h21s = H[h(m + 1, m)] / s;
        let v0 = h21s * H[h(m, m + 1)] + (H[h(m, m)] - rt1r) * ((H[h(m, m)] - rt2r) / s) - rt1i * (rt2i / s);
        let v1 = h21s * (H[h(m, m)] + H[h(m + 1, m + 1)] - rt1r - rt2r);
        let v2 = h21s * H[h(m + 2, m + 1)];
        s = Math.abs(v0) + Math.abs(v1) + Math.abs(v2);
        v0 /= s;
        v1 /= s;
        v2 /= s;
        v[vo] = v0;
        v[vo + 1] = v1;
        v[vo + 2] = v2;
        if (m === l) break;
        const h00 = Math.abs(H[h(m, m - 1)]) * (Math.abs(v1) + Math.abs(v2));
        const h01 = Math.abs(v0) * (Math.abs(H[h(m - 1, m - 1)]) + Math.abs(H[h(m, m)]) + Math.abs(H[h(m + 1, m + 1)]));
        if (h00 <= ulp * h01) break;
      }

      // The double-shift sweep: chase the bulge from row m to the bottom of the block.
      for (let kk = m; kk <= i - 1; kk++) {
        const nr = Math.min(3, i - kk + 1);
        if (kk > m) {
          v[vo] = H[h(kk, kk - 1)];
          v[vo + 1] = H[h(kk + 1, kk - 1)];
          if (nr === 3) v[vo + 2] = H[h(kk + 2, kk - 1)];
        }
        const beta = larfg(ctx, nr, v[vo], v, 1, vo + 1, v, vo + 3);
        v[vo] = beta;
        const t1 = v[vo + 3];
        if (kk > m) {
          H[h(kk, kk - 1)] = beta;
          H[h(kk + 1, kk - 1)] = 0;
          if (kk < i - 1) H[h(kk + 2, kk - 1)] = 0;
        } else if (m > l) {
          // Equivalent to negating H(k, k−1), and right even when v(2), v(3) underflow.
          H[h(kk, kk - 1)] *= 1 - t1;
        }
        const v2 = v[vo + 1];
        const t2 = t1 * v2;
        if (nr === 3) {
          const v3 = v[vo + 2];
          const t3 = t1 * v3;
          for (let j = kk, p = h(kk, kk); j <= i2; j++, p += ldh) {
            const sum = H[p] + v2 * H[p + 1] + v3 * H[p + 2];
            H[p] -= sum * t1;
            H[p + 1] -= sum * t2;
            H[p + 2] -= sum * t3;
          }
          const last = Math.min(kk + 3, i);
          for (let j = i1, p0 = h(i1, kk), p1 = p0 + ldh, p2 = p1 + ldh; j <= last; j++, p0++, p1++, p2++) {
            const sum = H[p0] + v2 * H[p1] + v3 * H[p2];
            H[p0] -= sum * t1;
            H[p1] -= sum * t2;
            H[p2] -= sum * t3;
          }
          if (wantz) {
            for (let j = iloz, p0 = offsetZ + iloz + kk * ldz, p1 = p0 + ldz, p2 = p1 + ldz; j <= ihiz; j++, p0++, p1++, p2++) {
              const sum = Z[p0] + v2 * Z[p1] + v3 * Z[p2];
              Z[p0] -= sum * t1;
              Z[p1] -= sum * t2;
              Z[p2] -= sum * t3;
            }
          }
        } else if (nr === 2) {
          for (let j = kk, p = h(kk, kk); j <= i2; j++, p += ldh) {
            const sum = H[p] + v2 * H[p + 1];
            H[p] -= sum * t1;
            H[p + 1] -= sum * t2;
          }
          for (let j = i1, p0 = h(i1, kk), p1 = p0 + ldh; j <= i; j++, p0++, p1++) {
            const sum = H[p0] + v2 * H[p1];
            H[p0] -= sum * t1;
            H[p1] -= sum * t2;
          }
          if (wantz) {
            for (let j = iloz, p0 = offsetZ + iloz + kk * ldz, p1 = p0 + ldz; j <= ihiz; j++, p0++, p1++) {
              const sum = Z[p0] + v2 * Z[p1];
              Z[p0] -= sum * t1;
              Z[p1] -= sum * t2;
            }
          }
        }
      }
    }
    if (!converged) return i + 1;

    if (l === i) {
      wr[offsetWr + i] = H[h(i, i)];
      wi[offsetWi + i] = 0;
    } else {
      // A 2×2 block: standardise it and carry the rotation through the rest of T and Z.
      const r = lanv2(H[h(i - 1, i - 1)], H[h(i - 1, i)], H[h(i, i - 1)], H[h(i, i)], ctx.eps);
      H[h(i - 1, i - 1)] = r.a;
      H[h(i - 1, i)] = r.b;
      H[h(i, i - 1)] = r.c;
      H[h(i, i)] = r.d;
      wr[offsetWr + i - 1] = r.rt1r;
      wi[offsetWi + i - 1] = r.rt1i;
      wr[offsetWr + i] = r.rt2r;
      wi[offsetWi + i] = r.rt2i;
      if (wantt) {
        if (i2 > i) ctx.blas.rot(i2 - i, H, ldh, h(i - 1, i + 1), H, ldh, h(i, i + 1), r.cs, r.sn);
        ctx.blas.rot(i - i1 - 1, H, 1, h(i1, i - 1), H, 1, h(i1, i), r.cs, r.sn);
      }
      if (wantz) ctx.blas.rot(ihiz - iloz + 1, Z, 1, offsetZ + iloz + (i - 1) * ldz, Z, 1, offsetZ + iloz + i * ldz, r.cs, r.sn);
    }
    sinceDeflation = 0;
    i = l - 1;
  }
  return 0;
}
