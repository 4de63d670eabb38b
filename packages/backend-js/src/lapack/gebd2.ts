/**
 * `gebd2`: unblocked reduction to upper bidiagonal form.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';
import type { LapackContext } from './context.js';
import { larf } from './larf.js';
import { larfg } from './larfg.js';

/**
 * Reduces the M×N column-major A (M ≥ N) to upper bidiagonal form B = Qᵀ·A·P by Householder
 * reflectors from alternate sides. On exit the diagonal and superdiagonal of A hold B (also
 * copied to `d` and `e`); below the diagonal, column i holds the reflector vᵢ of
 * Hᵢ = I − tauq[i]·vᵢ·vᵢᵀ (vᵢ(i) = 1 implicit); right of the superdiagonal, row i holds uᵢ of
 * Gᵢ = I − taup[i]·uᵢ·uᵢᵀ (uᵢ(i+1) = 1 implicit). Q = H₀···H_{N−1}, P = G₀···G_{N−2}, and
 * taup[N−1] = 0. `work` needs max(M, N) elements.
 *
 * @example
 * ```ts
 * import { createLapackContext } from '@polyblas/backend-js';
 * import { gebd2 } from './gebd2.js';
 * const ctx = createLapackContext('d');
 * const A = new Float64Array([3, 4, 0, 0]); // 2x2
 * const d = new Float64Array(2), e = new Float64Array(1), tq = new Float64Array(2), tp = new Float64Array(2);
 * gebd2(ctx, 2, 2, A, 2, 0, d, 0, e, 0, tq, 0, tp, 0, new Float64Array(2), 0); // d = [-5, 0]
 * ```
 */
export function gebd2<T extends FloatArray>(
  ctx: LapackContext<T>, M: number, N: number, A: T, lda: number, offsetA: number,
  d: T, offsetD: number, e: T, offsetE: number, tauq: T, offsetTauq: number, taup: T, offsetTaup: number,
  work: T, offsetWork: number,
): void {
  for (let i = 0; i < N; i++) {
    const aii = offsetA + i + i * lda;
    const below = offsetA + Math.min(i + 1, M - 1) + i * lda;
    const beta = larfg(ctx, M - i, A[aii], A, 1, below, tauq, offsetTauq + i);
    d[offsetD + i] = beta;
    if (i < N - 1) {
      A[aii] = 1;
      larf(ctx, 'L', M - i, N - i - 1, A, 1, aii, tauq[offsetTauq + i], A, lda, aii + lda, work, offsetWork);
    }
    A[aii] = beta;
    if (i < N - 1) {
      const aij = aii + lda; // A(i, i+1)
      const right = offsetA + i + Math.min(i + 2, N - 1) * lda;
      const gamma = larfg(ctx, N - i - 1, A[aij], A, lda, right, taup, offsetTaup + i);
      e[offsetE + i] = gamma;
      A[aij] = 1;
      larf(ctx, 'R', M - i - 1, N - i - 1, A, lda, aij, taup[offsetTaup + i], A, lda, aij + 1, work, offsetWork);
      A[aij] = gamma;
    } else {
      taup[offsetTaup + i] = 0;
    }
  }
}
