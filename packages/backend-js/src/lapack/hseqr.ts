/**
 * `hseqr`: eigenvalues, Schur form and Schur vectors of an upper Hessenberg matrix.
 *
 * Small matrices go to the double-shift `lahqr`. Larger ones use the small-bulge multishift QR
 * algorithm with aggressive early deflation (Braman, Byers and Mathias, 2002): each iteration
 * first computes the Schur form of a trailing window and deflates every eigenvalue of it whose
 * "spike" entry is negligible (reordering the others out of the way), then uses the window's
 * remaining eigenvalues as shifts for a chain of tightly packed double-shift bulges. The bulges are
 * chased within a small diagonal window at a time and applied to the rest of H and to Z
 * afterwards, so the large matrices are streamed once per window rather than once per bulge step:
 * either all of a window's reflectors per row or column in one pass, or, where the context asks
 * for it (`accumulateReflectors`, LAPACK's KACC22 = 1), accumulated into a small orthogonal U that
 * is applied with matrix products.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';
import type { LapackContext } from './context.js';
import { gehrd, gehrdWorkSize } from './gehrd.js';
import { lahqr } from './lahqr.js';
import { lanv2 } from './lanv2.js';
import { larf } from './larf.js';
import { larfg } from './larfg.js';
import { givens, lartg } from './lartg.js';

/** Below this order the double-shift lahqr is used. */
const NMIN = 75;
/** Skip the QR sweep when aggressive early deflation found more than this per cent of its window. */
const NIBBLE = 14;
/** After this many iterations without deflation the deflation window grows. */
const KEXNW = 5;
/** Every this many iterations without deflation, use exceptional shifts. */
const KEXSH = 6;
/** Rows per block when deferred reflectors are applied from the right. */
const ROW_BLOCK = 64;

/** The number of simultaneous shifts for an active block of order nh (as LAPACK's iparmq). */
function shiftCount(nh: number): number {
  let ns: number;
  if (nh < 30) ns = 2;
  else if (nh < 60) ns = 4;
  else if (nh < 150) ns = 10;
  else if (nh < 590) ns = Math.max(10, Math.floor(nh / Math.round(Math.log2(nh))));
  else if (nh < 3000) ns = 64;
  else if (nh < 6000) ns = 128;
  else ns = 256;
  return Math.max(2, ns - (ns % 2));
}

/**
 * Computes the eigenvalues of the upper Hessenberg N×N H (already triangular outside rows and
 * columns `ilo..ihi`, 0-based inclusive), with `wantt` its real Schur form T = Zᵀ·H·Z overwriting
 * H, and with `wantz` Z ← Z·(the orthogonal transformation) on all N rows of Z (pass Q from
 * `orghr` to get the Schur vectors of the original matrix). Eigenvalues are in `wr`/`wi`, complex
 * pairs consecutive with positive imaginary part first, in the order of T's diagonal.
 *
 * Returns 0, or i > 0 when the QR iteration failed to converge: eigenvalues i..ihi (0-based) are
 * then correct. A non-finite entry fails at once (ihi + 1, eigenvalues NaN).
 *
 * @example
 * ```ts
 * import { createLapackContext } from '@polyblas/backend-js';
 * import { hseqr } from './hseqr.js';
 * const ctx = createLapackContext('d');
 * const H = new Float64Array([0, 1, -1, 0]), wr = new Float64Array(2), wi = new Float64Array(2);
 * hseqr(ctx, true, false, 2, 0, 1, H, 2, 0, wr, 0, wi, 0, H, 2, 0); // wi = [1, -1]
 * ```
 */
export function hseqr<T extends FloatArray>(
  ctx: LapackContext<T>, wantt: boolean, wantz: boolean, N: number, ilo: number, ihi: number,
  H: T, ldh: number, offsetH: number, wr: T, offsetWr: number, wi: T, offsetWi: number,
  Z: T, ldz: number, offsetZ: number,
): number {
  if (N === 0) return 0;
  // Eigenvalues isolated by balancing.
  for (let i = 0; i < ilo; i++) {
    wr[offsetWr + i] = H[offsetH + i + i * ldh];
    wi[offsetWi + i] = 0;
  }
  for (let i = ihi + 1; i < N; i++) {
    wr[offsetWr + i] = H[offsetH + i + i * ldh];
    wi[offsetWi + i] = 0;
  }
  if (ilo > ihi) return 0;
  // A NaN or infinity would keep every deflation test false for the full iteration budget.
  for (let j = ilo; j <= ihi; j++) {
    for (let i = ilo; i <= Math.min(j + 1, ihi); i++) {
      if (!Number.isFinite(H[offsetH + i + j * ldh])) {
        for (let k = ilo; k <= ihi; k++) {
          wr[offsetWr + k] = NaN;
          wi[offsetWi + k] = NaN;
        }
        return ihi + 1;
      }
    }
  }
  const info = ihi - ilo + 1 < NMIN
    ? lahqr(ctx, wantt, wantz, N, ilo, ihi, H, ldh, offsetH, wr, offsetWr, wi, offsetWi, 0, N - 1, Z, ldz, offsetZ)
    : multishiftQR(ctx, wantt, wantz, N, ilo, ihi, H, ldh, offsetH, wr, offsetWr, wi, offsetWi, Z, ldz, offsetZ);
  // Below the subdiagonal, T is zero.
  if (wantt && info === 0) {
    for (let j = 0; j < N - 2; j++) for (let i = j + 2; i < N; i++) H[offsetH + i + j * ldh] = 0;
  }
  return info;
}

/** The multishift QR iteration with aggressive early deflation (LAPACK's laqr0 strategy). */
function multishiftQR<T extends FloatArray>(
  ctx: LapackContext<T>, wantt: boolean, wantz: boolean, N: number, ilo: number, ihi: number,
  H: T, ldh: number, oH: number, wr: T, owr: number, wi: T, owi: number, Z: T, ldz: number, oZ: number,
): number {
  const { blas } = ctx;
  const h = (i: number, j: number): number => oH + i + j * ldh;
  const nh0 = ihi - ilo + 1;
  // Below the subdiagonal H is zero by definition (gehrd leaves its reflectors there).
  for (let j = ilo; j <= ihi - 2; j++) for (let i = j + 2; i <= ihi; i++) H[h(i, j)] = 0;
  const ulp = 2 * ctx.eps;
  const smlnum = ctx.safmin * (nh0 / ulp);
  const nsmax = Math.min(shiftCount(nh0), nh0 - 1 - ((nh0 - 1) % 2));
  const nwr = Math.max(2, Math.min(nh0, nh0 <= 500 ? nsmax : Math.floor((3 * nsmax) / 2)));
  const nwmax = Math.min(nh0, 2 * nwr);

  // Workspace: AED's T and V (nwmax² each), the product scratch (N·nwmax), the shift problem
  // (nsmax²), and vectors.
  const ws = ctx.work(2 * nwmax * nwmax + N * nwmax + nsmax * nsmax + 4 * nwmax + 8);
  const W = ws.data;
  const tOff = ws.offset;
  const vOff = tOff + nwmax * nwmax;
  const pOff = vOff + nwmax * nwmax;
  const sOff = pOff + N * nwmax;
  const xOff = sOff + nsmax * nsmax; // spike / reflector scratch (nwmax + 1)
  const tauOff = xOff + nwmax + 2; // gehrd's tau in AED (nwmax)
  const vecOff = tauOff + nwmax + 2; // reflector copy (nwmax)

  // Either records of the reflectors chased within one window, per bulge (stride = steps per
  // window): position, length, τ, v(1), v(2), τ·v(1), τ·v(2); or the window's accumulated
  // transformation U (kduMax², the window's order being at most 3·steps + 3·bulges + 1), the rows
  // each of U's columns may be nonzero in, and the scratch of its products with H and Z (N·kduMax).
  const accumulating = ctx.accumulateReflectors === true;
  const recStride = Math.max(6, 3 * (nsmax / 2));
  const maxRecords = accumulating ? 0 : (nsmax / 2) * recStride;
  const recK = new Int32Array(maxRecords);
  const recN = new Int32Array(maxRecords);
  const recT = new Float64Array(maxRecords);
  const recV2 = new Float64Array(maxRecords);
  const recV3 = new Float64Array(maxRecords);
  const recT2 = new Float64Array(maxRecords);
  const recT3 = new Float64Array(maxRecords);
  const recCount = new Int32Array(nsmax / 2);
  const kduMax = accumulating ? 6 * (nsmax / 2) + 8 : 0;
  const acc = ctx.work(kduMax * kduMax + (accumulating ? N * kduMax : 0));
  const U = acc.data;
  const uOff = acc.offset;
  const prodOff = uOff + kduMax * kduMax;
  const uTop = new Int32Array(kduMax);
  const uBottom = new Int32Array(kduMax);
  const small = ctx.work(4);
  const sv = small.data;
  const so = small.offset;
  // Workspace of the routines called inside the iteration, requested once here.
  const lahqrScratch = ctx.work(4);
  const gehrdWork = ctx.work(gehrdWorkSize(nwmax, nwmax));

  const itmax = 30 * Math.max(10, nh0);
  let kbot = ihi;
  let ndfl = 1;
  let nw = nwr;
  let ndec = -1;
  for (let its = 0; its < itmax; its++) {
    if (kbot < ilo) return 0;
    // The active block ends at the lowest negligible subdiagonal entry (tested, not only compared
    // with zero). A converged eigenvalue left inside the block, typically a dominant one at the
    // top, smothers every new bulge: no shift information enters, the bulges decay to subnormal
    // numbers that are slow to compute with, and all progress is left to early deflation.
    let ktop = kbot;
    while (ktop > ilo && !negligibleSubdiagonal(ktop, ilo, kbot)) ktop--;
    const nh = kbot - ktop + 1;

    // Deflation window: larger when progress stalls, varied so that a stuck window moves.
    const nwupbd = Math.min(nh, nwmax);
    if (ndfl < KEXNW) nw = Math.min(nwupbd, nwr);
    else nw = Math.min(nwupbd, 2 * nw);
    if (nw < nwmax) {
      if (nw >= nh - 1) nw = nh;
      else {
        const kwtop = kbot - nw + 1;
        if (Math.abs(H[h(kwtop, kwtop - 1)]) > Math.abs(H[h(kwtop - 1, kwtop - 2)])) nw++;
      }
    }
    if (ndfl < KEXNW) ndec = -1;
    else if (ndec >= 0 || nw >= nwupbd) {
      ndec++;
      if (nw - ndec < 2) ndec = 0;
      nw -= ndec;
    }

    const [ls, ld] = earlyDeflation(ktop, kbot, nw);
    kbot -= ld;
    let ks = kbot - ls + 1;

    if ((ld === 0 || (100 * ld <= nw * NIBBLE && kbot - ktop + 1 > Math.min(NMIN, nwmax))) && kbot - ktop >= 2) {
      let ns = Math.min(nsmax, Math.max(2, kbot - ktop));
      ns -= ns % 2;
      if (ndfl % KEXSH === 0) {
        // Exceptional shifts from the trailing subdiagonal.
        ks = kbot - ns + 1;
        for (let i = kbot; i >= Math.max(ks + 1, ktop + 2); i -= 2) {
          const ss = Math.abs(H[h(i, i - 1)]) + Math.abs(H[h(i - 1, i - 2)]);
          const aa = 0.75 * ss + H[h(i, i)];
          const r = lanv2(aa, ss, -0.4375 * ss, aa, ctx.eps);
          wr[owr + i - 1] = r.rt1r;
          wi[owi + i - 1] = r.rt1i;
          wr[owr + i] = r.rt2r;
          wi[owi + i] = r.rt2i;
        }
        if (ks === ktop) {
          wr[owr + ks + 1] = H[h(ks + 1, ks + 1)];
          wi[owi + ks + 1] = 0;
          wr[owr + ks] = wr[owr + ks + 1];
          wi[owi + ks] = 0;
        }
      } else {
        if (kbot - ks + 1 <= ns / 2) {
          // Too few shifts from the deflation window: eigenvalues of the trailing ns×ns block.
          ks = kbot - ns + 1;
          for (let j = 0; j < ns; j++) {
            for (let i = 0; i < ns; i++) W[sOff + i + j * ns] = i <= j + 1 ? H[h(ks + i, ks + j)] : 0;
          }
          const inf = lahqr(ctx, false, false, ns, 0, ns - 1, W, ns, sOff, wr, owr + ks, wi, owi + ks, 0, 0, W, 1, sOff, lahqrScratch);
          ks += inf;
          if (ks >= kbot) {
            const r = lanv2(H[h(kbot - 1, kbot - 1)], H[h(kbot - 1, kbot)], H[h(kbot, kbot - 1)], H[h(kbot, kbot)], ctx.eps);
            wr[owr + kbot - 1] = r.rt1r;
            wi[owi + kbot - 1] = r.rt1i;
            wr[owr + kbot] = r.rt2r;
            wi[owi + kbot] = r.rt2i;
            ks = kbot - 1;
          }
        }
        if (kbot - ks + 1 > ns) {
          // Sort by decreasing magnitude (pairs stay together) so the smallest ns are used.
          let sorted = false;
          for (let k = kbot; k > ks && !sorted; k--) {
            sorted = true;
            for (let i = ks; i < k; i++) {
              if (Math.abs(wr[owr + i]) + Math.abs(wi[owi + i]) < Math.abs(wr[owr + i + 1]) + Math.abs(wi[owi + i + 1])) {
                sorted = false;
                let t = wr[owr + i];
                wr[owr + i] = wr[owr + i + 1];
                wr[owr + i + 1] = t;
                t = wi[owi + i];
                wi[owi + i] = wi[owi + i + 1];
                wi[owi + i + 1] = t;
              }
            }
          }
        }
        // Shuffle so that every consecutive pair is a conjugate pair or two real shifts.
        for (let i = kbot; i >= ks + 2; i -= 2) {
          if (wi[owi + i] !== -wi[owi + i - 1]) {
            let t = wr[owr + i];
            wr[owr + i] = wr[owr + i - 1];
            wr[owr + i - 1] = wr[owr + i - 2];
            wr[owr + i - 2] = t;
            t = wi[owi + i];
            wi[owi + i] = wi[owi + i - 1];
            wi[owi + i - 1] = wi[owi + i - 2];
            wi[owi + i - 2] = t;
          }
        }
      }
      // Two real shifts: use the one nearer H(kbot, kbot) twice.
      if (kbot - ks + 1 === 2 && wi[owi + kbot] === 0) {
        const hb = H[h(kbot, kbot)];
        if (Math.abs(wr[owr + kbot] - hb) < Math.abs(wr[owr + kbot - 1] - hb)) wr[owr + kbot - 1] = wr[owr + kbot];
        else wr[owr + kbot] = wr[owr + kbot - 1];
      }
      ns = Math.min(ns, kbot - ks + 1);
      ns -= ns % 2;
      ks = kbot - ns + 1;
      if (ns >= 2) sweep(ktop, kbot, ns, ks);
    }
    if (ld > 0) ndfl = 1;
    else ndfl++;
  }
  return kbot >= ilo ? kbot + 1 : 0;

  /**
   * Applies the orthogonal n×n Q (at qOff in Q, leading dimension n), a transformation of rows and
   * columns lo..lo+n−1 of H already applied inside that diagonal block, to the rest: the columns
   * to its right up to `right` ← Qᵀ·(them); the rows above it from `top`, and Z's columns
   * lo..lo+n−1, ← (them)·Q. The products go through `scratch` from sOff (N·n elements).
   */
  function transformOutside(Q: T, qOff: number, n: number, lo: number, top: number, right: number, scratch: T, sOff: number): void {
    const hi = lo + n - 1;
    if (right > hi) {
      const cols = right - hi;
      blas.gemm('T', 'N', n, cols, n, 1, Q, 1, n, qOff, H, 1, ldh, h(lo, hi + 1), 0, scratch, 1, n, sOff);
      for (let j = 0; j < cols; j++) blas.copy(n, scratch, 1, sOff + j * n, H, 1, h(lo, hi + 1 + j));
    }
    if (lo > top) {
      const rows = lo - top;
      blas.gemm('N', 'N', rows, n, n, 1, H, 1, ldh, h(top, lo), Q, 1, n, qOff, 0, scratch, 1, rows, sOff);
      for (let j = 0; j < n; j++) blas.copy(rows, scratch, 1, sOff + j * rows, H, 1, h(top, lo + j));
    }
    if (wantz) {
      blas.gemm('N', 'N', N, n, n, 1, Z, 1, ldz, oZ + lo * ldz, Q, 1, n, qOff, 0, scratch, 1, N, sOff);
      for (let j = 0; j < n; j++) blas.copy(N, scratch, 1, sOff + j * N, Z, 1, oZ + (lo + j) * ldz);
    }
  }

  /**
   * Whether H(k, k−1) may be set to zero (then sets it): the Ahues–Tisseur test, which compares
   * it with the nearby entries rather than only with the diagonal (as lahqr does). lo..hi is the
   * block whose neighbouring entries may be consulted.
   */
  function negligibleSubdiagonal(k: number, lo: number, hi: number): boolean {
    const sub = Math.abs(H[h(k, k - 1)]);
    if (sub === 0) return true;
    let deflate = sub <= smlnum;
    if (!deflate) {
      let tst = Math.abs(H[h(k - 1, k - 1)]) + Math.abs(H[h(k, k)]);
      if (tst === 0) {
        if (k - 2 >= lo) tst += Math.abs(H[h(k - 1, k - 2)]);
        if (k + 1 <= hi) tst += Math.abs(H[h(k + 1, k)]);
      }
      if (sub <= ulp * tst) {
        const sup = Math.abs(H[h(k - 1, k)]);
        const ab = Math.max(sub, sup);
        const ba = Math.min(sub, sup);
        const diff = Math.abs(H[h(k - 1, k - 1)] - H[h(k, k)]);
        const aa = Math.max(Math.abs(H[h(k, k)]), diff);
        const bb = Math.min(Math.abs(H[h(k, k)]), diff);
        const s = aa + ab;
        deflate = ba * (ab / s) <= Math.max(smlnum, ulp * (bb * (aa / s)));
      }
    }
    if (deflate) H[h(k, k - 1)] = 0;
    return deflate;
  }

  /**
   * Aggressive early deflation on the trailing nw×nw window of the active block ktop..kbot.
   * Returns [number of shifts left in wr/wi just above the deflated ones, number deflated].
   */
  function earlyDeflation(ktop: number, kbot: number, nwIn: number): [number, number] {
    const jw = Math.min(nwIn, kbot - ktop + 1);
    const kwtop = kbot - jw + 1;
    let s = kwtop === ktop ? 0 : H[h(kwtop, kwtop - 1)];
    if (jw === 1) {
      wr[owr + kwtop] = H[h(kwtop, kwtop)];
      wi[owi + kwtop] = 0;
      if (Math.abs(s) <= Math.max(smlnum, ulp * Math.abs(H[h(kwtop, kwtop)]))) {
        if (kwtop > ktop) H[h(kwtop, kwtop - 1)] = 0;
        return [0, 1];
      }
      return [1, 0];
    }
    const t = (i: number, j: number): number => tOff + i + j * jw;
    const v = (i: number, j: number): number => vOff + i + j * jw;
    for (let j = 0; j < jw; j++) {
      for (let i = 0; i < jw; i++) {
        W[t(i, j)] = i <= j + 1 ? H[h(kwtop + i, kwtop + j)] : 0;
        W[v(i, j)] = i === j ? 1 : 0;
      }
    }
    const infqr = lahqr(ctx, true, true, jw, 0, jw - 1, W, jw, tOff, wr, owr + kwtop, wi, owi + kwtop, 0, jw - 1, W, jw, vOff, lahqrScratch);
    for (let j = 0; j < jw - 2; j++) for (let i = j + 2; i < jw; i++) W[t(i, j)] = 0;

    // Test the eigenvalues from the bottom; move the ones that do not deflate to the top.
    let ns = jw;
    let ilst = infqr;
    while (ilst < ns) {
      const pair = ns >= 2 && W[t(ns - 1, ns - 2)] !== 0;
      if (!pair) {
        let foo = Math.abs(W[t(ns - 1, ns - 1)]);
        if (foo === 0) foo = Math.abs(s);
        if (Math.abs(s * W[v(0, ns - 1)]) <= Math.max(smlnum, ulp * foo)) ns -= 1;
        else {
          reorder(jw, ns - 1, ilst);
          ilst += 1;
        }
      } else {
        let foo = Math.abs(W[t(ns - 1, ns - 1)]) + Math.sqrt(Math.abs(W[t(ns - 1, ns - 2)])) * Math.sqrt(Math.abs(W[t(ns - 2, ns - 1)]));
        if (foo === 0) foo = Math.abs(s);
        if (Math.max(Math.abs(s * W[v(0, ns - 1)]), Math.abs(s * W[v(0, ns - 2)])) <= Math.max(smlnum, ulp * foo)) ns -= 2;
        else {
          reorder(jw, ns - 2, ilst);
          ilst += 2;
        }
      }
    }
    if (ns === 0) s = 0;

    // The window's eigenvalues, from its standardised blocks.
    for (let i = infqr; i < jw;) {
      if (i === jw - 1 || W[t(i + 1, i)] === 0) {
        wr[owr + kwtop + i] = W[t(i, i)];
        wi[owi + kwtop + i] = 0;
        i++;
      } else {
        const r = lanv2(W[t(i, i)], W[t(i, i + 1)], W[t(i + 1, i)], W[t(i + 1, i + 1)], ctx.eps);
        wr[owr + kwtop + i] = r.rt1r;
        wi[owi + kwtop + i] = r.rt1i;
        wr[owr + kwtop + i + 1] = r.rt2r;
        wi[owi + kwtop + i + 1] = r.rt2i;
        i += 2;
      }
    }

    if (ns < jw || s === 0) {
      if (ns > 1 && s !== 0) {
        // Reflect the spike back to a multiple of e1 and restore Hessenberg form of the top.
        for (let j = 0; j < ns; j++) W[xOff + j] = s * W[v(0, j)];
        // The new spike, β·e1, is read back below as s·V(0, 0).
        larfg(ctx, ns, W[xOff], W, 1, xOff + 1, W, tauOff);
        const tau = W[tauOff];
        W[xOff] = 1;
        larf(ctx, 'L', ns, jw, W, 1, xOff, tau, W, jw, tOff, W, pOff);
        larf(ctx, 'R', ns, ns, W, 1, xOff, tau, W, jw, tOff, W, pOff);
        larf(ctx, 'R', jw, ns, W, 1, xOff, tau, W, jw, vOff, W, pOff);
        gehrd(ctx, jw, 0, ns - 1, W, jw, tOff, W, tauOff, gehrdWork);
      }
      if (kwtop > 0) H[h(kwtop, kwtop - 1)] = s * W[v(0, 0)];
      for (let j = 0; j < jw; j++) {
        const last = Math.min(j + 1, jw - 1);
        for (let i = 0; i <= last; i++) H[h(kwtop + i, kwtop + j)] = W[t(i, j)];
      }
      if (ns > 1 && s !== 0) {
        // V ← V·Q of the Hessenberg reduction (reflectors below T's subdiagonal).
        for (let i = 0; i < ns - 2; i++) {
          const len = ns - 1 - i;
          W[vecOff] = 1;
          for (let r = 1; r < len; r++) W[vecOff + r] = W[t(i + 1 + r, i)];
          larf(ctx, 'R', jw, len, W, 1, vecOff, W[tauOff + i], W, jw, v(0, i + 1), W, pOff);
        }
      }
      // Carry the window's transformation to the rest of H and to Z.
      transformOutside(W, vOff, jw, kwtop, wantt ? 0 : ktop, wantt ? N - 1 : kbot, W, pOff);
    }
    return [ns - infqr, jw - ns];
  }

  /** Moves the diagonal block of the window's T starting at `from` up to `to`, updating V. */
  function reorder(n: number, from: number, to: number): void {
    const t = (i: number, j: number): number => tOff + i + j * n;
    let nbf = from + 1 < n && W[t(from + 1, from)] !== 0 ? 2 : 1;
    let here = from;
    while (here > to) {
      const nbnext = here >= 2 && W[t(here - 1, here - 2)] !== 0 ? 2 : 1;
      if (here - nbnext < to) return;
      if (!swapBlocks(ctx, n, W, n, tOff, W, n, vOff, here - nbnext, nbnext, nbf, smlnum)) return;
      here -= nbnext;
      nbf = here + 1 < n && W[t(here + 1, here)] !== 0 ? 2 : 1;
    }
  }

  /**
   * One multishift QR sweep: ns/2 bulges, three rows apart, chased from ktop to kbot with the
   * shifts wr/wi[ks..ks+ns−1] (consecutive pairs). Reflectors are applied inside a moving
   * diagonal window immediately and to the rest of H and to Z once per window.
   */
  function sweep(ktop: number, kbot: number, ns: number, ks: number): void {
    const nbmps = ns / 2;
    const i2 = wantt ? N - 1 : kbot;
    const i1 = wantt ? 0 : ktop;
    const lastStep = kbot - 1 - ktop + 3 * (nbmps - 1);
    const nstep = Math.max(6, 3 * nbmps);
    for (let t0 = 0; t0 <= lastStep; t0 += nstep) {
      const t1 = Math.min(lastStep, t0 + nstep - 1);
      const topKK = Math.max(ktop, ktop + t0 - 3 * (nbmps - 1));
      const w0 = Math.max(ktop, topKK - 1);
      const botKK = Math.min(kbot - 1, ktop + t1);
      const w1 = Math.min(kbot, botKK + 3);
      const kdu = w1 - w0 + 1;
      if (accumulating) {
        // U ← I; its column c is nonzero in rows uTop[c]..uBottom[c].
        for (let j = 0; j < kdu; j++) {
          const col = uOff + j * kdu;
          for (let i = 0; i < kdu; i++) U[col + i] = 0;
          U[col + j] = 1;
          uTop[j] = j;
          uBottom[j] = j;
        }
      } else {
        recCount.fill(0);
      }
      let count = 0;
      for (let step = t0; step <= t1; step++) {
        for (let b = 0; b < nbmps; b++) {
          const kk = ktop + step - 3 * b;
          if (kk < ktop) break;
          if (kk > kbot - 1) continue;
          const nr = Math.min(3, kbot - kk + 1);
          let beta: number;
          if (kk === ktop) {
            if (nr < 3) continue;
            firstColumn(ktop, wr[owr + ks + 2 * b], wi[owi + ks + 2 * b], wr[owr + ks + 2 * b + 1], wi[owi + ks + 2 * b + 1]);
            beta = larfg(ctx, 3, sv[so], sv, 1, so + 1, sv, so + 3);
          } else {
            sv[so] = H[h(kk, kk - 1)];
            sv[so + 1] = H[h(kk + 1, kk - 1)];
            sv[so + 2] = nr === 3 ? H[h(kk + 2, kk - 1)] : 0;
            beta = larfg(ctx, nr, sv[so], sv, 1, so + 1, sv, so + 3);
            H[h(kk, kk - 1)] = beta;
            H[h(kk + 1, kk - 1)] = 0;
            if (nr === 3) H[h(kk + 2, kk - 1)] = 0;
          }
          const tau = sv[so + 3];
          const v2 = tau === 0 ? 0 : sv[so + 1];
          const v3 = tau === 0 || nr < 3 ? 0 : sv[so + 2];
          const t2 = tau * v2;
          const t3 = tau * v3;
          if (accumulating) {
            if (tau === 0) continue;
            accumulate(kdu, kk - w0, nr, tau, v2, v3, t2, t3);
          } else {
            // Identity reflectors are recorded too, so each bulge's records are consecutive rows.
            const idx = b * recStride + recCount[b]++;
            recK[idx] = kk;
            recN[idx] = nr;
            recT[idx] = tau;
            recV2[idx] = v2;
            recV3[idx] = v3;
            recT2[idx] = t2;
            recT3[idx] = t3;
          }
          count++;
          if (tau === 0) continue;
          // Inside the window: rows kk..kk+2 from column kk, columns kk..kk+2 from row w0.
          if (nr === 3) {
            for (let j = kk, p = h(kk, kk); j <= w1; j++, p += ldh) {
              const sum = H[p] + v2 * H[p + 1] + v3 * H[p + 2];
              H[p] -= sum * tau;
              H[p + 1] -= sum * t2;
              H[p + 2] -= sum * t3;
            }
            const last = Math.min(kk + 3, kbot);
            for (let r = w0, p0 = h(w0, kk), p1 = p0 + ldh, p2 = p1 + ldh; r <= last; r++, p0++, p1++, p2++) {
              const sum = H[p0] + v2 * H[p1] + v3 * H[p2];
              H[p0] -= sum * tau;
              H[p1] -= sum * t2;
              H[p2] -= sum * t3;
            }
          } else {
            for (let j = kk, p = h(kk, kk); j <= w1; j++, p += ldh) {
              const sum = H[p] + v2 * H[p + 1];
              H[p] -= sum * tau;
              H[p + 1] -= sum * t2;
            }
            for (let r = w0, p0 = h(w0, kk), p1 = p0 + ldh; r <= kbot; r++, p0++, p1++) {
              const sum = H[p0] + v2 * H[p1];
              H[p0] -= sum * tau;
              H[p1] -= sum * t2;
            }
          }
        }
        // Vigilant deflation (LAWN 122): a subdiagonal entry a bulge has just left that became
        // negligible is set to zero at once. Bulges then introduced at ktop above a converged
        // eigenvalue are empty instead of ever smaller (down to slow subnormal arithmetic).
        for (let b = 0; b < nbmps; b++) {
          const kk = ktop + step - 3 * b;
          if (kk <= ktop) break;
          if (kk > kbot) continue;
          negligibleSubdiagonal(kk, ktop, kbot);
        }
      }
      if (count === 0) continue;
      if (accumulating) {
        transformOutside(U, uOff, kdu, w0, i1, i2, U, prodOff);
        continue;
      }
      // Outside the window. Bulge b's reflectors at step t overlap bulge b − 1's only at steps
      // t − 5..t − 1, which the chase did first, so applying all of bulge 0's reflectors, then
      // bulge 1's, ... is the same product; each bulge's run is a chain of consecutive positions
      // that slides along a row or column with two values carried in registers.
      let j = w1 + 1;
      for (; j + 3 <= i2; j += 4) applyLeft4(H, oH + j * ldh, ldh, nbmps);
      for (; j <= i2; j++) applyLeft(H, oH + j * ldh, nbmps);
      if (w0 > i1) applyRight(H, ldh, oH, i1, w0 - 1, nbmps);
      if (wantz) applyRight(Z, ldz, oZ, 0, N - 1, nbmps);
    }
  }

  /**
   * U ← U·P for the reflector P = I − τ·v·vᵀ, v = (1, v2, v3) (nr = 3) or (1, v2) (nr = 2), on
   * columns c.. of the kdu×kdu U: only the rows where those columns can be nonzero.
   */
  function accumulate(kdu: number, c: number, nr: number, tau: number, v2: number, v3: number, t2: number, t3: number): void {
    const p0 = uOff + c * kdu;
    const p1 = p0 + kdu;
    if (nr === 3) {
      const p2 = p1 + kdu;
      const top = Math.min(uTop[c], uTop[c + 1], uTop[c + 2]);
      const bottom = Math.max(uBottom[c], uBottom[c + 1], uBottom[c + 2]);
      for (let r = top; r <= bottom; r++) {
        const sum = U[p0 + r] + v2 * U[p1 + r] + v3 * U[p2 + r];
        U[p0 + r] -= sum * tau;
        U[p1 + r] -= sum * t2;
        U[p2 + r] -= sum * t3;
      }
      uTop[c] = uTop[c + 1] = uTop[c + 2] = top;
      uBottom[c] = uBottom[c + 1] = uBottom[c + 2] = bottom;
    } else {
      const top = Math.min(uTop[c], uTop[c + 1]);
      const bottom = Math.max(uBottom[c], uBottom[c + 1]);
      for (let r = top; r <= bottom; r++) {
        const sum = U[p0 + r] + v2 * U[p1 + r];
        U[p0 + r] -= sum * tau;
        U[p1 + r] -= sum * t2;
      }
      uTop[c] = uTop[c + 1] = top;
      uBottom[c] = uBottom[c + 1] = bottom;
    }
  }

  /** Applies the recorded chains from the left to one column (x[col + row]). */
  function applyLeft(x: T, col: number, nb: number): void {
    for (let b = 0; b < nb; b++) {
      const cnt = recCount[b];
      if (cnt === 0) continue;
      const first = b * recStride;
      let p = col + recK[first];
      let x0 = x[p];
      let x1 = x[p + 1];
      for (let r = first; r < first + cnt; r++) {
        if (recN[r] === 3) {
          const x2 = x[p + 2];
          const sum = x0 + recV2[r] * x1 + recV3[r] * x2;
          x[p] = x0 - sum * recT[r];
          x0 = x1 - sum * recT2[r];
          x1 = x2 - sum * recT3[r];
          p++;
        } else {
          // The last reflector of a chase (two rows): nothing follows it.
          const sum = x0 + recV2[r] * x1;
          x0 -= sum * recT[r];
          x1 -= sum * recT2[r];
        }
      }
      x[p] = x0;
      x[p + 1] = x1;
    }
  }

  /** applyLeft on four adjacent columns at once (independent chains interleaved). */
  function applyLeft4(x: T, col: number, ld: number, nb: number): void {
    for (let b = 0; b < nb; b++) {
      const cnt = recCount[b];
      if (cnt === 0) continue;
      const first = b * recStride;
      let p = col + recK[first];
      let a0 = x[p], a1 = x[p + 1];
      let b0 = x[p + ld], b1 = x[p + ld + 1];
      let c0 = x[p + 2 * ld], c1 = x[p + 2 * ld + 1];
      let d0 = x[p + 3 * ld], d1 = x[p + 3 * ld + 1];
      for (let r = first; r < first + cnt; r++) {
        const v2 = recV2[r];
        const tau = recT[r];
        const t2 = recT2[r];
        if (recN[r] === 3) {
          const v3 = recV3[r];
          const t3 = recT3[r];
          const a2 = x[p + 2], b2 = x[p + ld + 2], c2 = x[p + 2 * ld + 2], d2 = x[p + 3 * ld + 2];
          const sa = a0 + v2 * a1 + v3 * a2;
          const sb = b0 + v2 * b1 + v3 * b2;
          const sc = c0 + v2 * c1 + v3 * c2;
          const sd = d0 + v2 * d1 + v3 * d2;
          x[p] = a0 - sa * tau;
          x[p + ld] = b0 - sb * tau;
          x[p + 2 * ld] = c0 - sc * tau;
          x[p + 3 * ld] = d0 - sd * tau;
          a0 = a1 - sa * t2; a1 = a2 - sa * t3;
          b0 = b1 - sb * t2; b1 = b2 - sb * t3;
          c0 = c1 - sc * t2; c1 = c2 - sc * t3;
          d0 = d1 - sd * t2; d1 = d2 - sd * t3;
          p++;
        } else {
          const sa = a0 + v2 * a1;
          const sb = b0 + v2 * b1;
          const sc = c0 + v2 * c1;
          const sd = d0 + v2 * d1;
          a0 -= sa * tau; a1 -= sa * t2;
          b0 -= sb * tau; b1 -= sb * t2;
          c0 -= sc * tau; c1 -= sc * t2;
          d0 -= sd * tau; d1 -= sd * t2;
        }
      }
      x[p] = a0; x[p + 1] = a1;
      x[p + ld] = b0; x[p + ld + 1] = b1;
      x[p + 2 * ld] = c0; x[p + 2 * ld + 1] = c1;
      x[p + 3 * ld] = d0; x[p + 3 * ld + 1] = d1;
    }
  }

  /**
   * Applies the recorded chains from the right to rows r0..r1 of X (leading dimension ld), four
   * rows at a time (independent chains interleaved).
   */
  function applyRight(x: T, ld: number, base: number, r0: number, r1: number, nb: number): void {
    for (let rb = r0; rb <= r1; rb += ROW_BLOCK) {
      const re = Math.min(r1, rb + ROW_BLOCK - 1);
      for (let b = 0; b < nb; b++) {
        const cnt = recCount[b];
        if (cnt === 0) continue;
        const first = b * recStride;
        const last = first + cnt;
        const start = base + recK[first] * ld;
        let i = rb;
        for (; i + 3 <= re; i += 4) {
          let p = start + i;
          let a0 = x[p], b0 = x[p + 1], c0 = x[p + 2], d0 = x[p + 3];
          let a1 = x[p + ld], b1 = x[p + ld + 1], c1 = x[p + ld + 2], d1 = x[p + ld + 3];
          for (let r = first; r < last; r++) {
            const v2 = recV2[r];
            const tau = recT[r];
            const t2 = recT2[r];
            if (recN[r] === 3) {
              const v3 = recV3[r];
              const t3 = recT3[r];
              const q = p + 2 * ld;
              const a2 = x[q], b2 = x[q + 1], c2 = x[q + 2], d2 = x[q + 3];
              const sa = a0 + v2 * a1 + v3 * a2;
              const sb = b0 + v2 * b1 + v3 * b2;
              const sc = c0 + v2 * c1 + v3 * c2;
              const sd = d0 + v2 * d1 + v3 * d2;
              x[p] = a0 - sa * tau;
              x[p + 1] = b0 - sb * tau;
              x[p + 2] = c0 - sc * tau;
              x[p + 3] = d0 - sd * tau;
              a0 = a1 - sa * t2; a1 = a2 - sa * t3;
              b0 = b1 - sb * t2; b1 = b2 - sb * t3;
              c0 = c1 - sc * t2; c1 = c2 - sc * t3;
              d0 = d1 - sd * t2; d1 = d2 - sd * t3;
              p += ld;
            } else {
              const sa = a0 + v2 * a1;
              const sb = b0 + v2 * b1;
              const sc = c0 + v2 * c1;
              const sd = d0 + v2 * d1;
              a0 -= sa * tau; a1 -= sa * t2;
              b0 -= sb * tau; b1 -= sb * t2;
              c0 -= sc * tau; c1 -= sc * t2;
              d0 -= sd * tau; d1 -= sd * t2;
            }
          }
          x[p] = a0; x[p + 1] = b0; x[p + 2] = c0; x[p + 3] = d0;
          x[p + ld] = a1; x[p + ld + 1] = b1; x[p + ld + 2] = c1; x[p + ld + 3] = d1;
        }
        for (; i <= re; i++) {
          let p = start + i;
          let x0 = x[p];
          let x1 = x[p + ld];
          for (let r = first; r < last; r++) {
            if (recN[r] === 3) {
              const x2 = x[p + 2 * ld];
              const sum = x0 + recV2[r] * x1 + recV3[r] * x2;
              x[p] = x0 - sum * recT[r];
              x0 = x1 - sum * recT2[r];
              x1 = x2 - sum * recT3[r];
              p += ld;
            } else {
              const sum = x0 + recV2[r] * x1;
              x0 -= sum * recT[r];
              x1 -= sum * recT2[r];
            }
          }
          x[p] = x0;
          x[p + ld] = x1;
        }
      }
    }
  }

  /**
   * A multiple of the first column of (H − σ₁)(H − σ₂) at row k (three entries, into sv), scaled
   * against overflow.
   */
  function firstColumn(k: number, sr1: number, si1: number, sr2: number, si2: number): void {
    const h00 = H[h(k, k)];
    const h10 = H[h(k + 1, k)];
    const h20 = H[h(k + 2, k)];
    const s = Math.abs(h00 - sr2) + Math.abs(si2) + Math.abs(h10) + Math.abs(h20);
    if (s === 0) {
      sv[so] = 0;
      sv[so + 1] = 0;
      sv[so + 2] = 0;
      return;
    }
    const h21s = h10 / s;
    const h31s = h20 / s;
    sv[so] = (h00 - sr1) * ((h00 - sr2) / s) - si1 * (si2 / s) + H[h(k, k + 1)] * h21s + H[h(k, k + 2)] * h31s;
    sv[so + 1] = h21s * (h00 + H[h(k + 1, k + 1)] - sr1 - sr2) + H[h(k + 1, k + 2)] * h31s;
    sv[so + 2] = h31s * (h00 + H[h(k + 2, k + 2)] - sr1 - sr2) + h21s * H[h(k + 2, k + 1)];
  }
}

/**
 * Swaps the adjacent diagonal blocks T11 (n1×n1, at j1) and T22 (n2×n2) of the upper
 * quasi-triangular N×N T by an orthogonal similarity, also applied to the columns of Q. Returns
 * false, leaving everything unchanged, when the swap would perturb T by more than a small multiple
 * of ulp·‖T‖ (nearly equal eigenvalues of the two blocks).
 */
function swapBlocks<T extends FloatArray>(
  ctx: LapackContext<T>, N: number, T: T, ldt: number, oT: number, Q: T, ldq: number, oQ: number,
  j1: number, n1: number, n2: number, smlnum: number,
): boolean {
  const { blas } = ctx;
  const t = (i: number, j: number): number => oT + i + j * ldt;
  const g = givens();
  if (n1 === 1 && n2 === 1) {
    const t11 = T[t(j1, j1)];
    const t22 = T[t(j1 + 1, j1 + 1)];
    lartg(T[t(j1, j1 + 1)], t22 - t11, g);
    if (j1 + 2 < N) blas.rot(N - j1 - 2, T, ldt, t(j1, j1 + 2), T, ldt, t(j1 + 1, j1 + 2), g.c, g.s);
    blas.rot(j1, T, 1, t(0, j1), T, 1, t(0, j1 + 1), g.c, g.s);
    T[t(j1, j1)] = t22;
    T[t(j1 + 1, j1 + 1)] = t11;
    blas.rot(N, Q, 1, oQ + j1 * ldq, Q, 1, oQ + (j1 + 1) * ldq, g.c, g.s);
    return true;
  }
  const m = n1 + n2;
  const { D, K, rhs, M, Qs, QtD } = swapScratch;
  K.fill(0);
  M.fill(0);
  Qs.fill(0);
  let dnorm = 0;
  for (let j = 0; j < m; j++) {
    for (let i = 0; i < m; i++) {
      D[i + 4 * j] = T[t(j1 + i, j1 + j)];
      dnorm = Math.max(dnorm, Math.abs(D[i + 4 * j]));
    }
  }
  const eps = 2 * ctx.eps;
  const thresh = Math.max(10 * eps * dnorm, smlnum);
  // Solve T11·X − X·T22 = T12 (Kronecker form, complete pivoting, tiny pivots perturbed).
  const k = n1 * n2;
  for (let q = 0; q < n2; q++) {
    for (let p = 0; p < n1; p++) {
      const row = p + n1 * q;
      rhs[row] = D[p + 4 * (n1 + q)];
      for (let s = 0; s < n2; s++) {
        for (let r = 0; r < n1; r++) {
          const col = r + n1 * s;
          K[row + 4 * col] = (q === s ? D[p + 4 * r] : 0) - (p === r ? D[n1 + s + 4 * (n1 + q)] : 0);
        }
      }
    }
  }
  const x = solveSmall(K, rhs, k, Math.max(eps * dnorm, smlnum));
  // Orthogonal Qs with Qsᵀ·[−X; I] = [R; 0], by Givens rotations.
  for (let c = 0; c < n2; c++) {
    for (let r = 0; r < n1; r++) M[r + 4 * c] = -x[r + n1 * c];
    M[n1 + c + 4 * c] = 1;
  }
  for (let i = 0; i < m; i++) Qs[i + 4 * i] = 1;
  for (let c = 0; c < n2; c++) {
    for (let r = m - 1; r > c; r--) {
      lartg(M[r - 1 + 4 * c], M[r + 4 * c], g);
      for (let j = c; j < n2; j++) {
        const a = M[r - 1 + 4 * j];
        const b = M[r + 4 * j];
        M[r - 1 + 4 * j] = g.c * a + g.s * b;
        M[r + 4 * j] = -g.s * a + g.c * b;
      }
      for (let i = 0; i < m; i++) {
        const a = Qs[i + 4 * (r - 1)];
        const b = Qs[i + 4 * r];
        Qs[i + 4 * (r - 1)] = g.c * a + g.s * b;
        Qs[i + 4 * r] = -g.s * a + g.c * b;
      }
    }
  }
  // Test on the small block first: Qsᵀ·D·Qs must have a negligible lower-left n1×n2 block.
  for (let j = 0; j < m; j++) for (let i = 0; i < m; i++) {
    let s = 0;
    for (let l = 0; l < m; l++) s += Qs[l + 4 * i] * D[l + 4 * j];
    QtD[i + 4 * j] = s;
  }
  let lowerLeft = 0;
  for (let j = 0; j < n2; j++) for (let i = n2; i < m; i++) {
    let s = 0;
    for (let l = 0; l < m; l++) s += QtD[i + 4 * l] * Qs[l + 4 * j];
    lowerLeft = Math.max(lowerLeft, Math.abs(s));
  }
  if (!(lowerLeft <= thresh)) return false;

  // Apply to T (rows j1..j1+m−1 from column j1, columns j1..j1+m−1 up to row j1+m−1) and Q.
  // m is 3 or 4 here (two 1×1 blocks took the rotation above); the sums run over l upwards.
  const [q00, q10, q20, q30, q01, q11, q21, q31, q02, q12, q22, q32, q03, q13, q23, q33] = Qs;
  for (let j = j1, p = t(j1, j1); j < N; j++, p += ldt) {
    const x0 = T[p], x1 = T[p + 1], x2 = T[p + 2];
    if (m === 3) {
      T[p] = q00 * x0 + q10 * x1 + q20 * x2;
      T[p + 1] = q01 * x0 + q11 * x1 + q21 * x2;
      T[p + 2] = q02 * x0 + q12 * x1 + q22 * x2;
    } else {
      const x3 = T[p + 3];
      T[p] = q00 * x0 + q10 * x1 + q20 * x2 + q30 * x3;
      T[p + 1] = q01 * x0 + q11 * x1 + q21 * x2 + q31 * x3;
      T[p + 2] = q02 * x0 + q12 * x1 + q22 * x2 + q32 * x3;
      T[p + 3] = q03 * x0 + q13 * x1 + q23 * x2 + q33 * x3;
    }
  }
  const mulRight = (X: T, ldx: number, ox: number, rows: number): void => {
    const c0 = ox + j1 * ldx, c1 = c0 + ldx, c2 = c1 + ldx, c3 = c2 + ldx;
    if (m === 3) {
      for (let r = 0; r < rows; r++) {
        const x0 = X[c0 + r], x1 = X[c1 + r], x2 = X[c2 + r];
        X[c0 + r] = x0 * q00 + x1 * q10 + x2 * q20;
        X[c1 + r] = x0 * q01 + x1 * q11 + x2 * q21;
        X[c2 + r] = x0 * q02 + x1 * q12 + x2 * q22;
      }
    } else {
      for (let r = 0; r < rows; r++) {
        const x0 = X[c0 + r], x1 = X[c1 + r], x2 = X[c2 + r], x3 = X[c3 + r];
        X[c0 + r] = x0 * q00 + x1 * q10 + x2 * q20 + x3 * q30;
        X[c1 + r] = x0 * q01 + x1 * q11 + x2 * q21 + x3 * q31;
        X[c2 + r] = x0 * q02 + x1 * q12 + x2 * q22 + x3 * q32;
        X[c3 + r] = x0 * q03 + x1 * q13 + x2 * q23 + x3 * q33;
      }
    }
  };
  mulRight(T, ldt, oT, j1 + m);
  mulRight(Q, ldq, oQ, N);
  for (let j = 0; j < n2; j++) for (let i = n2; i < m; i++) T[t(j1 + i, j1 + j)] = 0;
  // Standardise the 2×2 blocks in their new places.
  if (n2 === 2) standardise(ctx, N, T, ldt, oT, Q, ldq, oQ, j1);
  if (n1 === 2) standardise(ctx, N, T, ldt, oT, Q, ldq, oQ, j1 + n2);
  return true;
}

/** Scratch of swapBlocks (at most 4×4; the routine is not re-entrant). */
const swapScratch = {
  D: new Float64Array(16), K: new Float64Array(16), rhs: new Float64Array(4), M: new Float64Array(16),
  Qs: new Float64Array(16), QtD: new Float64Array(16),
};

/** Puts the 2×2 block at j of a quasi-triangular T into standard form (lanv2), updating Q. */
function standardise<T extends FloatArray>(
  ctx: LapackContext<T>, N: number, T: T, ldt: number, oT: number, Q: T, ldq: number, oQ: number, j: number,
): void {
  const { blas } = ctx;
  const t = (i: number, c: number): number => oT + i + c * ldt;
  const r = lanv2(T[t(j, j)], T[t(j, j + 1)], T[t(j + 1, j)], T[t(j + 1, j + 1)], ctx.eps);
  T[t(j, j)] = r.a;
  T[t(j, j + 1)] = r.b;
  T[t(j + 1, j)] = r.c;
  T[t(j + 1, j + 1)] = r.d;
  if (j + 2 < N) blas.rot(N - j - 2, T, ldt, t(j, j + 2), T, ldt, t(j + 1, j + 2), r.cs, r.sn);
  blas.rot(j, T, 1, t(0, j), T, 1, t(0, j + 1), r.cs, r.sn);
  blas.rot(N, Q, 1, oQ + j * ldq, Q, 1, oQ + (j + 1) * ldq, r.cs, r.sn);
}

/** Scratch of solveSmall (not re-entrant). */
const solveScratch = { colPerm: new Int32Array(4), y: new Float64Array(4), x: new Float64Array(4) };

/** Solves the k×k (k ≤ 4, leading dimension 4) system K·x = b by complete pivoting. */
function solveSmall(K: Float64Array, b: Float64Array, k: number, smin: number): Float64Array {
  // K and b are scratch: eliminated in place.
  const A = K;
  const rhs = b;
  const { colPerm, y, x } = solveScratch;
  for (let i = 0; i < 4; i++) colPerm[i] = i;
  for (let p = 0; p < k; p++) {
    let bi = p;
    let bj = p;
    let best = -1;
    for (let j = p; j < k; j++) for (let i = p; i < k; i++) {
      if (Math.abs(A[i + 4 * j]) > best) {
        best = Math.abs(A[i + 4 * j]);
        bi = i;
        bj = j;
      }
    }
    if (bi !== p) {
      for (let j = 0; j < k; j++) {
        const s = A[p + 4 * j];
        A[p + 4 * j] = A[bi + 4 * j];
        A[bi + 4 * j] = s;
      }
      const s = rhs[p];
      rhs[p] = rhs[bi];
      rhs[bi] = s;
    }
    if (bj !== p) {
      for (let i = 0; i < k; i++) {
        const s = A[i + 4 * p];
        A[i + 4 * p] = A[i + 4 * bj];
        A[i + 4 * bj] = s;
      }
      const s = colPerm[p];
      colPerm[p] = colPerm[bj];
      colPerm[bj] = s;
    }
    if (Math.abs(A[p + 4 * p]) < smin) A[p + 4 * p] = smin;
    for (let i = p + 1; i < k; i++) {
      const l = A[i + 4 * p] / A[p + 4 * p];
      for (let j = p + 1; j < k; j++) A[i + 4 * j] -= l * A[p + 4 * j];
      rhs[i] -= l * rhs[p];
    }
  }
  for (let i = k - 1; i >= 0; i--) {
    let s = rhs[i];
    for (let j = i + 1; j < k; j++) s -= A[i + 4 * j] * y[j];
    y[i] = s / A[i + 4 * i];
  }
  for (let i = 0; i < k; i++) x[colPerm[i]] = y[i];
  return x;
}
