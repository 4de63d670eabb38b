/**
 * `gebrd`: blocked reduction to upper bidiagonal form.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';
import type { LapackContext } from './context.js';
import { gebd2 } from './gebd2.js';
import { labrd } from './labrd.js';

/** Rows and columns per panel of the blocked reduction. */
export const GEBRD_BLOCK = 32;
/** Below this many columns the unblocked reduction is used for the rest. */
const GEBRD_CROSSOVER = 64;

/**
 * Workspace (elements) that {@link gebrd} needs for an M×N matrix.
 *
 * @example
 * ```ts
 * import { gebrdWorkSize } from './gebrd.js';
 * gebrdWorkSize(300, 300); // (300 + 300) * 32
 * ```
 */
export function gebrdWorkSize(M: number, N: number): number {
  return Math.max(M, N) + (M + N) * GEBRD_BLOCK;
}

/**
 * Reduces the M×N column-major A (M ≥ N) to upper bidiagonal form B = Qᵀ·A·P, with the same
 * output layout as {@link gebd2} (reflectors below the diagonal and right of the superdiagonal,
 * `d`, `e`, `tauq`, `taup`). Panels of {@link GEBRD_BLOCK} are reduced by {@link labrd}, which
 * leaves the trailing matrix to two gemm updates, so half of the 4·M·N² − 4/3·N³ flops run in
 * matrix-matrix products; the other half are the matrix-vector products no bidiagonal reduction
 * avoids. `work` needs {@link gebrdWorkSize}(M, N) elements.
 *
 * @example
 * ```ts
 * import { createLapackContext } from '@polyblas/backend-js';
 * import { gebrd, gebrdWorkSize } from './gebrd.js';
 * const ctx = createLapackContext('d');
 * const w = ctx.work(gebrdWorkSize(2, 2));
 * const A = new Float64Array([3, 4, 0, 0]);
 * const d = new Float64Array(2), e = new Float64Array(1), tq = new Float64Array(2), tp = new Float64Array(2);
 * gebrd(ctx, 2, 2, A, 2, 0, d, 0, e, 0, tq, 0, tp, 0, w.data, w.offset); // d = [-5, 0]
 * ```
 */
export function gebrd<T extends FloatArray>(
  ctx: LapackContext<T>, M: number, N: number, A: T, lda: number, offsetA: number,
  d: T, offsetD: number, e: T, offsetE: number, tauq: T, offsetTauq: number, taup: T, offsetTaup: number,
  work: T, offsetWork: number,
): void {
  if (N === 0) return;
  const nb = GEBRD_BLOCK;
  const { blas } = ctx;
  const ldx = M;
  const ldy = N;
  const oX = offsetWork;
  const oY = oX + M * nb;
  let i = 0;
  if (N > GEBRD_CROSSOVER) {
    for (; N - i > GEBRD_CROSSOVER; i += nb) {
      const m = M - i;
      const n = N - i;
      const aii = offsetA + i + i * lda;
      labrd(ctx, m, n, nb, A, lda, aii, d, offsetD + i, e, offsetE + i, tauq, offsetTauq + i, taup, offsetTaup + i,
        work, ldx, oX, work, ldy, oY);
      // Trailing update: A22 −= V·Y2ᵀ + X2·U.
      const a22 = aii + nb + nb * lda;
      blas.gemm('N', 'T', m - nb, n - nb, nb, -1, A, 1, lda, aii + nb, work, 1, ldy, oY + nb, 1, A, 1, lda, a22);
      blas.gemm('N', 'N', m - nb, n - nb, nb, -1, work, 1, ldx, oX + nb, A, 1, lda, aii + nb * lda, 1, A, 1, lda, a22);
      for (let j = 0; j < nb; j++) {
        A[aii + j + j * lda] = d[offsetD + i + j];
        A[aii + j + (j + 1) * lda] = e[offsetE + i + j];
      }
    }
  }
  gebd2(ctx, M - i, N - i, A, lda, offsetA + i + i * lda, d, offsetD + i, e, offsetE + i,
    tauq, offsetTauq + i, taup, offsetTaup + i, work, offsetWork + (M + N) * nb);
}
