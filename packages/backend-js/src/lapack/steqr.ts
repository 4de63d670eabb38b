/**
 * `steqr`: eigenvalues and eigenvectors of a symmetric tridiagonal matrix by the implicitly
 * shifted QL/QR iteration.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';
import type { LapackContext } from './context.js';
import { givens, lartg } from './lartg.js';

const sign = (a: number, b: number): number => (b >= 0 ? Math.abs(a) : -Math.abs(a));

/**
 * The eigen-decomposition of the symmetric 2×2 [a b; b c]: rt1 ≥ rt2 in absolute value, and the
 * unit eigenvector (cs1, sn1) of rt1.
 */
function laev2(a: number, b: number, c: number, out: { rt1: number; rt2: number; cs1: number; sn1: number }): void {
  const sm = a + c;
  const df = a - c;
  const adf = Math.abs(df);
  const tb = b + b;
  const ab = Math.abs(tb);
  const [acmx, acmn] = Math.abs(a) > Math.abs(c) ? [a, c] : [c, a];
  let rt: number;
  if (adf > ab) rt = adf * Math.sqrt(1 + (ab / adf) ** 2);
  else if (adf < ab) rt = ab * Math.sqrt(1 + (adf / ab) ** 2);
  else rt = ab * Math.SQRT2;
  let sgn1: number;
  if (sm < 0) {
    out.rt1 = 0.5 * (sm - rt);
    sgn1 = -1;
    // The smaller root from the product of the roots, without cancellation.
    out.rt2 = (acmx / out.rt1) * acmn - (b / out.rt1) * b;
  } else if (sm > 0) {
    out.rt1 = 0.5 * (sm + rt);
    sgn1 = 1;
    out.rt2 = (acmx / out.rt1) * acmn - (b / out.rt1) * b;
  } else {
    out.rt1 = 0.5 * rt;
    out.rt2 = -0.5 * rt;
    sgn1 = 1;
  }
  let sgn2: number;
  let cs: number;
  if (df >= 0) {
    cs = df + rt;
    sgn2 = 1;
  } else {
    cs = df - rt;
    sgn2 = -1;
  }
  if (Math.abs(cs) > ab) {
    const ct = -tb / cs;
    out.sn1 = 1 / Math.sqrt(1 + ct * ct);
    out.cs1 = ct * out.sn1;
  } else if (ab === 0) {
    out.cs1 = 1;
    out.sn1 = 0;
  } else {
    const tn = -cs / tb;
    out.cs1 = 1 / Math.sqrt(1 + tn * tn);
    out.sn1 = tn * out.cs1;
  }
  if (sgn1 === sgn2) {
    const tn = out.cs1;
    out.cs1 = -out.sn1;
    out.sn1 = tn;
  }
}

/**
 * Computes all eigenvalues of the symmetric tridiagonal matrix with diagonal `d` (N) and
 * off-diagonal `e` (N − 1, destroyed), and with `wantz` applies the eigenvector rotations to the
 * columns of the N×N Z: pass the identity for the eigenvectors of the tridiagonal matrix, or the Q
 * of the tridiagonal reduction for those of the original matrix. On exit `d` is ascending and the
 * columns of Z are permuted to match. Each unreduced block is iterated by QL or QR (towards its
 * smaller end) with Wilkinson-like shifts; at most 30·N sweeps in all.
 *
 * Returns 0, or the number of off-diagonal elements that did not converge to zero.
 *
 * @example
 * ```ts
 * import { createLapackContext } from '@polyblas/backend-js';
 * import { steqr } from './steqr.js';
 * const ctx = createLapackContext('d');
 * const d = new Float64Array([2, 2]), e = new Float64Array([1]);
 * steqr(ctx, false, 2, d, 0, e, 0, d, 1, 0); // d = [1, 3]
 * ```
 */
export function steqr<T extends FloatArray>(
  ctx: LapackContext<T>, wantz: boolean, N: number, d: T, offsetD: number, e: T, offsetE: number,
  Z: T, ldz: number, offsetZ: number,
): number {
  if (N <= 1) return 0;
  const { blas } = ctx;
  // Work in plain doubles: d and e are small and touched constantly.
  const D = new Float64Array(N);
  const E = new Float64Array(N);
  for (let i = 0; i < N; i++) D[i] = d[offsetD + i];
  for (let i = 0; i < N - 1; i++) E[i] = e[offsetE + i];
  const eps = ctx.eps;
  const eps2 = eps * eps;
  const safmin = ctx.safmin;
  const safmax = 1 / safmin;
  const ssfmax = Math.sqrt(safmax) / 3;
  const ssfmin = Math.sqrt(safmin) / eps2;
  const nmaxit = N * 30;
  let jtot = 0;
  const g2 = givens();
  const ev = { rt1: 0, rt2: 0, cs1: 0, sn1: 0 };
  const col = (j: number): number => offsetZ + j * ldz;

  let l1 = 0;
  while (l1 < N && jtot < nmaxit) {
    if (l1 > 0) E[l1 - 1] = 0;
    let m = l1;
    for (; m < N - 1; m++) {
      const tst = Math.abs(E[m]);
      if (tst === 0) break;
      if (tst <= Math.sqrt(Math.abs(D[m])) * Math.sqrt(Math.abs(D[m + 1])) * eps) {
        E[m] = 0;
        break;
      }
    }
    let l = l1;
    const lsv = l;
    let lend = m;
    const lendsv = lend;
    l1 = m + 1;
    if (lend === l) continue;

    // Scale the block into a safe range.
    let anorm = 0;
    for (let i = l; i <= lend; i++) anorm = Math.max(anorm, Math.abs(D[i]));
    for (let i = l; i < lend; i++) anorm = Math.max(anorm, Math.abs(E[i]));
    if (anorm === 0) continue;
    let scaled = 1;
    if (anorm > ssfmax) scaled = ssfmax / anorm;
    else if (anorm < ssfmin) scaled = ssfmin / anorm;
    if (scaled !== 1) {
      for (let i = l; i <= lend; i++) D[i] *= scaled;
      for (let i = l; i < lend; i++) E[i] *= scaled;
    }

    // QL towards the bottom when the top is larger, QR otherwise.
    if (Math.abs(D[lend]) < Math.abs(D[l])) {
      lend = lsv;
      l = lendsv;
    }

    if (lend > l) {
      // QL iteration.
      for (;;) {
        let mm = l;
        if (l !== lend) {
          for (; mm < lend; mm++) {
            const tst = Math.abs(E[mm]) ** 2;
            if (tst <= eps2 * Math.abs(D[mm]) * Math.abs(D[mm + 1]) + safmin) break;
          }
        } else mm = lend;
        if (mm < lend) E[mm] = 0;
        let p = D[l];
        if (mm === l) {
          l++;
          if (l <= lend) continue;
          break;
        }
        if (mm === l + 1) {
          laev2(D[l], E[l], D[l + 1], ev);
          if (wantz) blas.rot(N, Z, 1, col(l), Z, 1, col(l + 1), ev.cs1, ev.sn1);
          D[l] = ev.rt1;
          D[l + 1] = ev.rt2;
          E[l] = 0;
          l += 2;
          if (l <= lend) continue;
          break;
        }
        if (jtot === nmaxit) break;
        jtot++;
        let g = (D[l + 1] - p) / (2 * E[l]);
        let r = Math.hypot(g, 1);
        g = D[mm] - p + E[l] / (g + sign(r, g));
        let s = 1;
        let c = 1;
        p = 0;
        for (let i = mm - 1; i >= l; i--) {
          const f = s * E[i];
          const b = c * E[i];
          lartg(g, f, g2);
          c = g2.c;
          s = g2.s;
          r = g2.r;
          if (i !== mm - 1) E[i + 1] = r;
          g = D[i + 1] - p;
          r = (D[i] - g) * s + 2 * c * b;
          p = s * r;
          D[i + 1] = g + p;
          g = c * r - b;
          if (wantz) blas.rot(N, Z, 1, col(i), Z, 1, col(i + 1), c, -s);
        }
        D[l] -= p;
        E[l] = g;
      }
    } else {
      // QR iteration.
      for (;;) {
        let mm = l;
        if (l !== lend) {
          for (; mm > lend; mm--) {
            const tst = Math.abs(E[mm - 1]) ** 2;
            if (tst <= eps2 * Math.abs(D[mm]) * Math.abs(D[mm - 1]) + safmin) break;
          }
        } else mm = lend;
        if (mm > lend) E[mm - 1] = 0;
        let p = D[l];
        if (mm === l) {
          l--;
          if (l >= lend) continue;
          break;
        }
        if (mm === l - 1) {
          laev2(D[l - 1], E[l - 1], D[l], ev);
          if (wantz) blas.rot(N, Z, 1, col(l - 1), Z, 1, col(l), ev.cs1, ev.sn1);
          D[l - 1] = ev.rt1;
          D[l] = ev.rt2;
          E[l - 1] = 0;
          l -= 2;
          if (l >= lend) continue;
          break;
        }
        if (jtot === nmaxit) break;
        jtot++;
        let g = (D[l - 1] - p) / (2 * E[l - 1]);
        let r = Math.hypot(g, 1);
        g = D[mm] - p + E[l - 1] / (g + sign(r, g));
        let s = 1;
        let c = 1;
        p = 0;
        for (let i = mm; i <= l - 1; i++) {
          const f = s * E[i];
          const b = c * E[i];
          lartg(g, f, g2);
          c = g2.c;
          s = g2.s;
          r = g2.r;
          if (i !== mm) E[i - 1] = r;
          g = D[i] - p;
          r = (D[i + 1] - g) * s + 2 * c * b;
          p = s * r;
          D[i] = g + p;
          g = c * r - b;
          if (wantz) blas.rot(N, Z, 1, col(i), Z, 1, col(i + 1), c, s);
        }
        D[l] -= p;
        E[l - 1] = g;
      }
    }
    if (scaled !== 1) {
      for (let i = lsv; i <= lendsv; i++) D[i] /= scaled;
      for (let i = lsv; i < lendsv; i++) E[i] /= scaled;
    }
  }

  let info = 0;
  if (jtot >= nmaxit) for (let i = 0; i < N - 1; i++) if (E[i] !== 0) info++;
  // Ascending order (selection sort: at most N − 1 column swaps).
  for (let i = 0; i < N - 1; i++) {
    let k = i;
    let p = D[i];
    for (let j = i + 1; j < N; j++) {
      if (D[j] < p) {
        k = j;
        p = D[j];
      }
    }
    if (k !== i) {
      D[k] = D[i];
      D[i] = p;
      if (wantz) blas.swap(N, Z, 1, col(i), Z, 1, col(k));
    }
  }
  for (let i = 0; i < N; i++) d[offsetD + i] = D[i];
  for (let i = 0; i < N - 1; i++) e[offsetE + i] = E[i];
  return info;
}
