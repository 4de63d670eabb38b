/**
 * `sytrd`: reduction of a symmetric matrix to tridiagonal form by orthogonal similarity, blocked
 * (`latrd` panels and a level-3 rank-2k update of the trailing matrix), with the unblocked
 * `sytd2` for the last columns. The lower triangle is used.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';
import type { LapackContext } from './context.js';
import { larfg } from './larfg.js';

/** Panel width. */
const NB = 32;
/** Below this order the unblocked code finishes. */
const CROSSOVER = 64;
/** Column block width of the rank-2k update (bounds the work spent above the diagonal). */
const UPDATE_COLUMNS = 128;

/**
 * Reduces the symmetric N×N A, given by its lower triangle, to tridiagonal T = Qᵀ·A·Q: the
 * diagonal goes to `d`, the subdiagonal to `e` (N − 1 elements). Q = H(0)···H(N − 2) with
 * H(i) = I − τᵢ·vᵢ·vᵢᵀ, vᵢ(0:i) = 0, vᵢ(i + 1) = 1 and vᵢ(i + 2:N − 1) stored below the subdiagonal
 * of column i of A, τᵢ in `tau`. The strict upper triangle of A is used as scratch.
 *
 * @example
 * ```ts
 * import { createLapackContext } from '@polyblas/backend-js';
 * import { sytrd } from './sytrd.js';
 * const ctx = createLapackContext('d');
 * const A = new Float64Array([2, 1, 1, 1, 2, 1, 1, 1, 2]);
 * const d = new Float64Array(3), e = new Float64Array(2), tau = new Float64Array(2);
 * sytrd(ctx, 3, A, 3, 0, d, 0, e, 0, tau, 0);
 * ```
 */
export function sytrd<T extends FloatArray>(
  ctx: LapackContext<T>, N: number, A: T, lda: number, offsetA: number,
  d: T, offsetD: number, e: T, offsetE: number, tau: T, offsetTau: number,
): void {
  if (N === 0) return;
  const { blas } = ctx;
  const a = (i: number, j: number): number => offsetA + i + j * lda;
  const nb = Math.min(NB, N);
  // Workspace: X = [V W] and Y = [W V] (N × 2nb each) for the rank-2k update.
  const ws = ctx.work(4 * N * nb + N);
  const W = ws.data;
  const xOff = ws.offset; // [V W]
  const yOff = xOff + 2 * N * nb; // [W V]
  const sOff = yOff + 2 * N * nb;
  let i = 0;
  if (N > CROSSOVER) {
    for (; i < N - CROSSOVER; i += nb) {
      const m = N - i;
      // latrd's W (rows i..N−1) sits right after the V part of X = [V W], so X starting at
      // row nb is [V(i+nb.., :) W(i+nb.., :)] once V is copied in at rows nb...
      latrd(ctx, m, nb, A, lda, a(i, i), e, offsetE + i, tau, offsetTau + i, W, N, xOff + N * nb);
      const rest = m - nb;
      for (let c = 0; c < nb; c++) {
        blas.copy(rest, A, 1, a(i + nb, i + c), W, 1, xOff + nb + c * N);
        blas.copy(rest, W, 1, xOff + (nb + c) * N + nb, W, 1, yOff + c * N);
        blas.copy(rest, A, 1, a(i + nb, i + c), W, 1, yOff + (nb + c) * N);
      }
      // A22 −= V·Wᵀ + W·Vᵀ = X·Yᵀ with Y = [W V], lower triangle, one column block at a time.
      for (let c0 = 0; c0 < rest; c0 += UPDATE_COLUMNS) {
        const cols = Math.min(UPDATE_COLUMNS, rest - c0);
        blas.gemm('N', 'T', rest - c0, cols, 2 * nb, -1, W, 1, N, xOff + nb + c0, W, 1, N, yOff + c0, 1,
          A, 1, lda, a(i + nb + c0, i + nb + c0));
      }
      for (let j = i; j < i + nb; j++) {
        A[a(j + 1, j)] = e[offsetE + j];
        d[offsetD + j] = A[a(j, j)];
      }
    }
  }
  sytd2(ctx, N - i, A, lda, a(i, i), d, offsetD + i, e, offsetE + i, tau, offsetTau + i, W, sOff);
}

/**
 * `sytd2`: the unblocked tridiagonal reduction of {@link sytrd} (lower triangle); `work` holds N
 * scratch elements.
 *
 * @example
 * ```ts
 * import { createLapackContext } from '@polyblas/backend-js';
 * import { sytd2 } from './sytrd.js';
 * const ctx = createLapackContext('d');
 * const A = new Float64Array([2, 1, 1, 2]);
 * const d = new Float64Array(2), e = new Float64Array(1), tau = new Float64Array(1);
 * sytd2(ctx, 2, A, 2, 0, d, 0, e, 0, tau, 0, new Float64Array(2), 0); // d = [2, 2], e = [1]
 * ```
 */
export function sytd2<T extends FloatArray>(
  ctx: LapackContext<T>, N: number, A: T, lda: number, offsetA: number,
  d: T, offsetD: number, e: T, offsetE: number, tau: T, offsetTau: number, work: T, offsetWork: number,
): void {
  const { blas } = ctx;
  const a = (i: number, j: number): number => offsetA + i + j * lda;
  for (let i = 0; i < N - 1; i++) {
    const m = N - i - 1;
    const beta = larfg(ctx, m, A[a(i + 1, i)], A, 1, a(Math.min(i + 2, N - 1), i), tau, offsetTau + i);
    e[offsetE + i] = beta;
    const t = tau[offsetTau + i];
    if (t !== 0) {
      A[a(i + 1, i)] = 1;
      const v = a(i + 1, i);
      // w = τ·A·v − ½τ²(vᵀA v)·v, then A ← A − v·wᵀ − w·vᵀ (lower triangle).
      blas.symv('L', m, t, A, 1, lda, a(i + 1, i + 1), A, 1, v, 0, work, 1, offsetWork);
      const alpha = -0.5 * t * blas.dot(m, work, 1, offsetWork, A, 1, v);
      blas.axpy(m, alpha, A, 1, v, work, 1, offsetWork);
      for (let c = 0; c < m; c++) {
        const col = a(i + 1 + c, i + 1 + c);
        blas.axpy(m - c, -A[v + c], work, 1, offsetWork + c, A, 1, col);
        blas.axpy(m - c, -work[offsetWork + c], A, 1, v + c, A, 1, col);
      }
      A[a(i + 1, i)] = beta;
    }
    d[offsetD + i] = A[a(i, i)];
  }
  d[offsetD + N - 1] = A[a(N - 1, N - 1)];
}

/**
 * `latrd`: reduces the first `nb` columns of the symmetric M×M A (lower triangle) and returns the
 * M×nb W with which the trailing matrix is updated: A22 ← A22 − V·Wᵀ − W·Vᵀ. The reflectors stay
 * in A with their unit elements stored (A(j + 1, j) = 1); the subdiagonal goes to `e`.
 *
 * @example
 * ```ts
 * // Called by sytrd: latrd(ctx, m, nb, A, lda, offset, e, 0, tau, 0, W, ldw, 0);
 * ```
 */
export function latrd<T extends FloatArray>(
  ctx: LapackContext<T>, M: number, nb: number, A: T, lda: number, offsetA: number,
  e: T, offsetE: number, tau: T, offsetTau: number, W: T, ldw: number, offsetW: number,
): void {
  const { blas } = ctx;
  const a = (i: number, j: number): number => offsetA + i + j * lda;
  const w = (i: number, j: number): number => offsetW + i + j * ldw;
  for (let i = 0; i < nb; i++) {
    const len = M - i;
    if (i > 0) {
      // Bring column i up to date with the panel's earlier reflectors.
      blas.gemv('N', len, i, -1, A, 1, lda, a(i, 0), W, ldw, w(i, 0), 1, A, 1, a(i, i));
      blas.gemv('N', len, i, -1, W, 1, ldw, w(i, 0), A, lda, a(i, 0), 1, A, 1, a(i, i));
    }
    if (i < M - 1) {
      const m = len - 1;
      const beta = larfg(ctx, m, A[a(i + 1, i)], A, 1, a(Math.min(i + 2, M - 1), i), tau, offsetTau + i);
      e[offsetE + i] = beta;
      A[a(i + 1, i)] = 1;
      const v = a(i + 1, i);
      const wi = w(i + 1, i);
      blas.symv('L', m, 1, A, 1, lda, a(i + 1, i + 1), A, 1, v, 0, W, 1, wi);
      if (i > 0) {
        blas.gemv('T', m, i, 1, W, 1, ldw, w(i + 1, 0), A, 1, v, 0, W, 1, w(0, i));
        blas.gemv('N', m, i, -1, A, 1, lda, a(i + 1, 0), W, 1, w(0, i), 1, W, 1, wi);
        blas.gemv('T', m, i, 1, A, 1, lda, a(i + 1, 0), A, 1, v, 0, W, 1, w(0, i));
        blas.gemv('N', m, i, -1, W, 1, ldw, w(i + 1, 0), W, 1, w(0, i), 1, W, 1, wi);
      }
      const t = tau[offsetTau + i];
      blas.scal(m, t, W, 1, wi);
      const alpha = -0.5 * t * blas.dot(m, W, 1, wi, A, 1, v);
      blas.axpy(m, alpha, A, 1, v, W, 1, wi);
    }
  }
}
