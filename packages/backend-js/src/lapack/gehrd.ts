/**
 * `gehrd`: reduction of a general matrix to upper Hessenberg form by orthogonal similarity,
 * blocked (`lahr2` panels and level-3 updates) with the unblocked `gehd2` for the last columns.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';
import type { LapackContext, Work } from './context.js';
import { larf } from './larf.js';
import { larfb } from './larfb.js';
import { larfg } from './larfg.js';

/** Panel width of the blocked reduction. */
const NB = 32;
/** Below this many remaining columns the unblocked code finishes. */
const CROSSOVER = 128;

/**
 * Reduces rows and columns `ilo..ihi` (0-based, inclusive) of the N×N A to upper Hessenberg form
 * H = Qᵀ·A·Q (A is already triangular outside that block, as `gebal` leaves it). Q is the product
 * of reflectors H(i) = I − τᵢ·vᵢ·vᵢᵀ, i = ilo..ihi − 1, with vᵢ(0:i) = 0, vᵢ(i + 1) = 1 and
 * vᵢ(i + 2:ihi) stored in A below the subdiagonal of column i; τᵢ in `tau[offsetTau + i]`.
 * `work` ({@link gehrdWorkSize} elements), when given, saves a workspace request.
 *
 * @example
 * ```ts
 * import { createLapackContext } from '@polyblas/backend-js';
 * import { gehrd } from './gehrd.js';
 * const ctx = createLapackContext('d');
 * const A = new Float64Array(9).map((_, k) => k + 1), tau = new Float64Array(3);
 * gehrd(ctx, 3, 0, 2, A, 3, 0, tau, 0); // A(2, 0) now holds the reflector, H(2, 0) = 0
 * ```
 */
export function gehrd<T extends FloatArray>(
  ctx: LapackContext<T>, N: number, ilo: number, ihi: number, A: T, lda: number, offsetA: number,
  tau: T, offsetTau: number, work?: Work<T>,
): void {
  for (let i = 0; i < ilo; i++) tau[offsetTau + i] = 0;
  for (let i = Math.max(0, ihi); i < N - 1; i++) tau[offsetTau + i] = 0;
  const nh = ihi - ilo + 1;
  if (nh <= 1) return;
  const { blas } = ctx;
  const a = (i: number, j: number): number => offsetA + i + j * lda;
  const nb = Math.min(NB, nh);
  // Workspace: T (nb×nb), Y (N×nb), larfb scratch (N×nb), lahr2 scratch (nb), gehd2 scratch (N).
  const ws = work ?? ctx.work(gehrdWorkSize(N, nh));
  const W = ws.data;
  const tOff = ws.offset;
  const yOff = tOff + nb * nb;
  const fOff = yOff + N * nb;
  const sOff = fOff + N * nb;
  const hOff = sOff + nb;

  let i = ilo;
  if (nh > CROSSOVER) {
    for (; i + nb < ihi - CROSSOVER + 1; i += nb) {
      const ib = nb;
      lahr2(ctx, ihi, i, ib, A, lda, offsetA, tau, offsetTau, W, nb, tOff, W, N, yOff, { data: W, offset: sOff });
      // Right update of the columns after the panel: A(0:ihi, i+ib:ihi) −= Y·V(i+ib:ihi, :)ᵀ.
      const ei = A[a(i + ib, i + ib - 1)];
      A[a(i + ib, i + ib - 1)] = 1;
      blas.gemm('N', 'T', ihi + 1, ihi - i - ib + 1, ib, -1, W, 1, N, yOff, A, 1, lda, a(i + ib, i), 1, A, 1, lda, a(0, i + ib));
      A[a(i + ib, i + ib - 1)] = ei;
      // Right update of the panel's own columns in rows 0..i: A(0:i, i+1:i+ib−1) −= Y(0:i, :)·V1ᵀ.
      blas.trmm('R', 'L', 'T', 'U', i + 1, ib - 1, 1, A, 1, lda, a(i + 1, i), W, 1, N, yOff);
      for (let j = 0; j < ib - 1; j++) blas.axpy(i + 1, -1, W, 1, yOff + j * N, A, 1, a(0, i + j + 1));
      // Left update of the trailing columns: A(i+1:ihi, i+ib:N−1) ← Hᵀ·A.
      larfb(ctx, 'L', 'T', 'C', ihi - i, N - i - ib, ib, A, lda, a(i + 1, i), W, nb, tOff,
        A, lda, a(i + 1, i + ib), W, N, fOff);
    }
  }
  gehd2(ctx, N, i, ihi, A, lda, offsetA, tau, offsetTau, W, hOff);
}

/**
 * The workspace {@link gehrd} needs for order N with an active block of order nh (for callers
 * that pass their own).
 *
 * @example
 * ```ts
 * import { gehrdWorkSize } from './gehrd.js';
 * gehrdWorkSize(100, 100); // elements
 * ```
 */
export function gehrdWorkSize(N: number, nh: number): number {
  const nb = Math.min(NB, Math.max(1, nh));
  return nb * nb + 2 * N * nb + nb + N;
}

/**
 * `gehd2`: the unblocked reduction of columns `ilo..ihi − 1` (see {@link gehrd}); `work` holds N
 * scratch elements from `offsetWork`.
 *
 * @example
 * ```ts
 * import { createLapackContext } from '@polyblas/backend-js';
 * import { gehd2 } from './gehrd.js';
 * const ctx = createLapackContext('d');
 * const A = new Float64Array(9).map((_, k) => k + 1), tau = new Float64Array(3);
 * gehd2(ctx, 3, 0, 2, A, 3, 0, tau, 0, new Float64Array(3), 0);
 * ```
 */
export function gehd2<T extends FloatArray>(
  ctx: LapackContext<T>, N: number, ilo: number, ihi: number, A: T, lda: number, offsetA: number,
  tau: T, offsetTau: number, work: T, offsetWork: number,
): void {
  const a = (i: number, j: number): number => offsetA + i + j * lda;
  for (let i = ilo; i < ihi; i++) {
    const beta = larfg(ctx, ihi - i, A[a(i + 1, i)], A, 1, a(Math.min(i + 2, N - 1), i), tau, offsetTau + i);
    A[a(i + 1, i)] = 1;
    const t = tau[offsetTau + i];
    larf(ctx, 'R', ihi + 1, ihi - i, A, 1, a(i + 1, i), t, A, lda, a(0, i + 1), work, offsetWork);
    larf(ctx, 'L', ihi - i, N - i - 1, A, 1, a(i + 1, i), t, A, lda, a(i + 1, i + 1), work, offsetWork);
    A[a(i + 1, i)] = beta;
  }
}

/**
 * `lahr2`: reduces the `nb` columns from column k of the N×N A (rows up to `ihi`) so that
 * the subdiagonal and below of these columns hold reflectors, and returns what the blocked update
 * needs: the nb×nb upper triangular T of the block reflector (Q = I − V·T·Vᵀ) and Y = A·V·T
 * (rows 0..ihi, leading dimension `ldy`). Only the panel's columns of A are updated.
 * `work` holds nb scratch elements.
 *
 * @example
 * ```ts
 * // Called by gehrd: lahr2(ctx, ihi, i, nb, A, lda, 0, tau, 0, T, nb, 0, Y, n, 0, ctx.work(nb));
 * ```
 */
export function lahr2<T extends FloatArray>(
  ctx: LapackContext<T>, ihi: number, k: number, nb: number, A: T, lda: number, offsetA: number,
  tau: T, offsetTau: number, Tm: T, ldt: number, offsetT: number, Y: T, ldy: number, offsetY: number,
  work: Work<T>,
): void {
  const { blas } = ctx;
  const a = (i: number, j: number): number => offsetA + i + j * lda;
  const y = (i: number, j: number): number => offsetY + i + j * ldy;
  const tt = (i: number, j: number): number => offsetT + i + j * ldt;
  const w = work.data;
  const wo = work.offset;
  const rows = ihi - k; // rows k+1..ihi
  let ei = 0;
  for (let jj = 0; jj < nb; jj++) {
    const j = k + jj;
    if (jj > 0) {
      // Right update of column j in rows k+1..ihi: A(:, j) −= Y·V(j, 0:jj)ᵀ (row j of V).
      blas.gemv('N', rows, jj, -1, Y, 1, ldy, y(k + 1, 0), A, lda, a(j, k), 1, A, 1, a(k + 1, j));
      // Left update with Qᵀ = I − V·Tᵀ·Vᵀ on b = A(k+1:ihi, j); V1 = V(k+1:j, 0:jj) unit lower.
      blas.copy(jj, A, 1, a(k + 1, j), w, 1, wo);
      blas.trmv('L', 'T', 'U', jj, A, 1, lda, a(k + 1, k), w, 1, wo);
      blas.gemv('T', ihi - j, jj, 1, A, 1, lda, a(j + 1, k), A, 1, a(j + 1, j), 1, w, 1, wo);
      blas.trmv('U', 'T', 'N', jj, Tm, 1, ldt, offsetT, w, 1, wo);
      blas.gemv('N', ihi - j, jj, -1, A, 1, lda, a(j + 1, k), w, 1, wo, 1, A, 1, a(j + 1, j));
      blas.trmv('L', 'N', 'U', jj, A, 1, lda, a(k + 1, k), w, 1, wo);
      blas.axpy(jj, -1, w, 1, wo, A, 1, a(k + 1, j));
      A[a(j, j - 1)] = ei;
    }
    // The reflector annihilating A(j+2:ihi, j).
    ei = larfg(ctx, ihi - j, A[a(j + 1, j)], A, 1, a(Math.min(j + 2, ihi), j), tau, offsetTau + j);
    A[a(j + 1, j)] = 1;
    const t = tau[offsetTau + j];
    // Y(k+1:ihi, jj) = A(k+1:ihi, j+1:ihi)·v − Y(:, 0:jj)·(V(j+1:ihi, 0:jj)ᵀ·v), scaled by τ.
    blas.gemv('N', rows, ihi - j, 1, A, 1, lda, a(k + 1, j + 1), A, 1, a(j + 1, j), 0, Y, 1, y(k + 1, jj));
    blas.gemv('T', ihi - j, jj, 1, A, 1, lda, a(j + 1, k), A, 1, a(j + 1, j), 0, Tm, 1, tt(0, jj));
    blas.gemv('N', rows, jj, -1, Y, 1, ldy, y(k + 1, 0), Tm, 1, tt(0, jj), 1, Y, 1, y(k + 1, jj));
    blas.scal(rows, t, Y, 1, y(k + 1, jj));
    // T(0:jj, jj) = −τ·T(0:jj, 0:jj)·T(0:jj, jj).
    blas.scal(jj, -t, Tm, 1, tt(0, jj));
    blas.trmv('U', 'N', 'N', jj, Tm, 1, ldt, offsetT, Tm, 1, tt(0, jj));
    Tm[tt(jj, jj)] = t;
  }
  A[a(k + nb, k + nb - 1)] = ei;
  // Rows 0..k of Y: Y(0:k, :) = A(0:k, k+1:ihi)·V·T.
  for (let jj = 0; jj < nb; jj++) blas.copy(k + 1, A, 1, a(0, k + 1 + jj), Y, 1, y(0, jj));
  blas.trmm('R', 'L', 'N', 'U', k + 1, nb, 1, A, 1, lda, a(k + 1, k), Y, 1, ldy, offsetY);
  if (ihi > k + nb) {
    blas.gemm('N', 'N', k + 1, nb, ihi - k - nb, 1, A, 1, lda, a(0, k + nb + 1), A, 1, lda, a(k + nb + 1, k), 1, Y, 1, ldy, offsetY);
  }
  blas.trmm('R', 'U', 'N', 'N', k + 1, nb, 1, Tm, 1, ldt, offsetT, Y, 1, ldy, offsetY);
}
