/**
 * `geev`: eigenvalues and eigenvectors of a general real matrix.
 *
 * @module
 */
import type { EigJob, FloatArray } from '@polyblas/contract';
import type { LapackContext } from './context.js';
import { gebak } from './gebak.js';
import { gebal } from './gebal.js';
import { gehrd } from './gehrd.js';
import { hseqr } from './hseqr.js';
import { givens, lartg } from './lartg.js';
import { orghr } from './orghr.js';
import { trevc } from './trevc.js';

/**
 * The `geev` kernel (see the contract's `Geev`): balance, reduce to Hessenberg form, run the
 * Francis QR iteration to the real Schur form (accumulating the Schur vectors when vectors are
 * wanted), solve for the eigenvectors of the quasi-triangular form and transform them back, undo
 * the balancing, and normalise every vector to Euclidean norm 1 with its largest component real.
 * A is destroyed. Returns `info > 0` when the QR iteration did not converge: eigenvalues
 * `info..N − 1` (0-based) are then correct and no vectors are computed.
 *
 * @example
 * ```ts
 * import { createLapackContext } from '@polyblas/backend-js';
 * import { geev } from './geev.js';
 * const ctx = createLapackContext('d');
 * const A = new Float64Array([0, 1, -1, 0]); // rotation by 90°
 * const wr = new Float64Array(2), wi = new Float64Array(2), VR = new Float64Array(4);
 * geev(ctx, 'N', 'V', 2, A, 2, 0, wr, 0, wi, 0, VR, 1, 0, VR, 2, 0); // wi = [1, -1]
 * ```
 */
export function geev<T extends FloatArray>(
  ctx: LapackContext<T>, jobvl: EigJob, jobvr: EigJob, N: number, A: T, lda: number, offsetA: number,
  wr: T, offsetWr: number, wi: T, offsetWi: number,
  VL: T, ldvl: number, offsetVL: number, VR: T, ldvr: number, offsetVR: number,
): number {
  if (N === 0) return 0;
  const wantvl = jobvl === 'V';
  const wantvr = jobvr === 'V';
  const { blas } = ctx;
  const a = (i: number, j: number): number => offsetA + i + j * lda;

  // Bring the entries into a safe range (the result is scaled back at the end).
  const smlnum = Math.sqrt(ctx.safmin) / (2 * ctx.eps);
  const bignum = 1 / smlnum;
  let anrm = 0;
  for (let j = 0; j < N; j++) {
    for (let i = 0; i < N; i++) {
      const v = Math.abs(A[a(i, j)]);
      if (v > anrm || Number.isNaN(v)) anrm = v;
    }
  }
  let scaleTo = 0;
  if (anrm > 0 && anrm < smlnum) scaleTo = smlnum;
  else if (anrm > bignum) scaleTo = bignum;
  if (scaleTo !== 0) for (let j = 0; j < N; j++) blas.scal(N, scaleTo / anrm, A, 1, a(0, j));

  const balance = gebal(ctx, 'B', N, A, lda, offsetA);
  const { ilo, ihi } = balance;
  const tw = ctx.work(N);
  gehrd(ctx, N, ilo, ihi, A, lda, offsetA, tw.data, tw.offset);

  let info: number;
  if (wantvl || wantvr) {
    // Schur vectors into one of the outputs, copied to the other afterwards.
    const Z = wantvr ? VR : VL;
    const ldz = wantvr ? ldvr : ldvl;
    const oz = wantvr ? offsetVR : offsetVL;
    for (let j = 0; j < N; j++) blas.copy(N, A, 1, a(0, j), Z, 1, oz + j * ldz);
    orghr(ctx, N, ilo, ihi, Z, ldz, oz, tw.data, tw.offset);
    info = hseqr(ctx, true, true, N, ilo, ihi, A, lda, offsetA, wr, offsetWr, wi, offsetWi, Z, ldz, oz);
    if (info === 0) {
      if (wantvl && wantvr) for (let j = 0; j < N; j++) blas.copy(N, VR, 1, offsetVR + j * ldvr, VL, 1, offsetVL + j * ldvl);
      trevc(ctx, wantvl, wantvr, N, A, lda, offsetA, VL, ldvl, offsetVL, VR, ldvr, offsetVR);
      if (wantvr) {
        gebak(ctx, balance, 'R', N, N, VR, ldvr, offsetVR);
        normalise(VR, ldvr, offsetVR);
      }
      if (wantvl) {
        gebak(ctx, balance, 'L', N, N, VL, ldvl, offsetVL);
        normalise(VL, ldvl, offsetVL);
      }
    }
  } else {
    info = hseqr(ctx, false, false, N, ilo, ihi, A, lda, offsetA, wr, offsetWr, wi, offsetWi, A, lda, offsetA);
  }

  if (scaleTo !== 0) {
    // Undo the scaling of the eigenvalues that were computed.
    const from = info > 0 ? info : 0;
    const f = anrm / scaleTo;
    for (let i = from; i < N; i++) {
      wr[offsetWr + i] *= f;
      wi[offsetWi + i] *= f;
    }
  }
  return info;

  /** Euclidean norm 1 per eigenvector, and for complex vectors the largest component real. */
  function normalise(V: T, ldv: number, offsetV: number): void {
    const g = givens();
    for (let j = 0; j < N; j++) {
      const col = offsetV + j * ldv;
      const im = wi[offsetWi + j];
      if (im === 0) {
        const nrm = blas.nrm2(N, V, 1, col);
        if (nrm > 0) blas.scal(N, 1 / nrm, V, 1, col);
      } else if (im > 0) {
        const next = col + ldv;
        const nrm = Math.hypot(blas.nrm2(N, V, 1, col), blas.nrm2(N, V, 1, next));
        if (nrm > 0) {
          blas.scal(N, 1 / nrm, V, 1, col);
          blas.scal(N, 1 / nrm, V, 1, next);
        }
        let k = 0;
        let best = -1;
        for (let i = 0; i < N; i++) {
          const m = V[col + i] * V[col + i] + V[next + i] * V[next + i];
          if (m > best) {
            best = m;
            k = i;
          }
        }
        // Multiply by the unit complex number that makes component k real.
        lartg(V[col + k], V[next + k], g);
        blas.rot(N, V, 1, col, V, 1, next, g.c, g.s);
        V[next + k] = 0;
      }
    }
  }
}
