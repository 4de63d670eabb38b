/**
 * `labrd`: one panel of the blocked bidiagonal reduction.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';
import type { LapackContext } from './context.js';
import { larfg } from './larfg.js';

/**
 * Reduces the first `nb` rows and columns of the M×N column-major A (M ≥ N > nb) to upper
 * bidiagonal form, as {@link gebd2} would, but touches the trailing matrix only through the
 * matrix-vector products it needs: it also returns X (M×nb) and Y (N×nb) such that the trailing
 * block is brought up to date by two matrix products,
 * A(nb:, nb:) ← A(nb:, nb:) − V·Y(nb:, :)ᵀ − X(nb:, :)·U,
 * with V = A(nb:M, 0:nb) (the column reflectors) and U = A(0:nb, nb:N) (the row reflectors).
 * On exit the unit elements A(i, i) and A(i, i+1) are left equal to 1 for that update; `d` and
 * `e` hold the bidiagonal entries (the caller writes them back).
 *
 * @example
 * ```ts
 * import { createLapackContext } from '@polyblas/backend-js';
 * import { labrd } from './labrd.js';
 * const ctx = createLapackContext('d');
 * // for a 100x80 A: labrd(ctx, 100, 80, 16, A, 100, 0, d, 0, e, 0, tq, 0, tp, 0, X, 100, 0, Y, 80, 0)
 * ```
 */
export function labrd<T extends FloatArray>(
  ctx: LapackContext<T>, M: number, N: number, nb: number, A: T, lda: number, oA: number,
  d: T, offsetD: number, e: T, offsetE: number, tauq: T, offsetTauq: number, taup: T, offsetTaup: number,
  X: T, ldx: number, oX: number, Y: T, ldy: number, oY: number,
): void {
  const { blas } = ctx;
  const at = (i: number, j: number): number => oA + i + j * lda;
  const xt = (i: number, j: number): number => oX + i + j * ldx;
  const yt = (i: number, j: number): number => oY + i + j * ldy;
  for (let i = 0; i < nb; i++) {
    // Bring column i up to date: A(i:, i) −= V(i:, 0:i)·Y(i, 0:i)ᵀ + X(i:, 0:i)·U(0:i, i).
    blas.gemv('N', M - i, i, -1, A, 1, lda, at(i, 0), Y, ldy, yt(i, 0), 1, A, 1, at(i, i));
    blas.gemv('N', M - i, i, -1, X, 1, ldx, xt(i, 0), A, 1, at(0, i), 1, A, 1, at(i, i));
    const beta = larfg(ctx, M - i, A[at(i, i)], A, 1, at(Math.min(i + 1, M - 1), i), tauq, offsetTauq + i);
    d[offsetD + i] = beta;
    A[at(i, i)] = 1;
    // Y(i+1:, i) = τq·(A(i:, i+1:)ᵀ·v − Y(i+1:, 0:i)·(V(i:, 0:i)ᵀ·v) − U(0:i, i+1:)ᵀ·(X(i:, 0:i)ᵀ·v)),
    // with Y(0:i, i) as scratch for the short vectors.
    const rest = N - i - 1;
    blas.gemv('T', M - i, rest, 1, A, 1, lda, at(i, i + 1), A, 1, at(i, i), 0, Y, 1, yt(i + 1, i));
    blas.gemv('T', M - i, i, 1, A, 1, lda, at(i, 0), A, 1, at(i, i), 0, Y, 1, yt(0, i));
    blas.gemv('N', rest, i, -1, Y, 1, ldy, yt(i + 1, 0), Y, 1, yt(0, i), 1, Y, 1, yt(i + 1, i));
    blas.gemv('T', M - i, i, 1, X, 1, ldx, xt(i, 0), A, 1, at(i, i), 0, Y, 1, yt(0, i));
    blas.gemv('T', i, rest, -1, A, 1, lda, at(0, i + 1), Y, 1, yt(0, i), 1, Y, 1, yt(i + 1, i));
    blas.scal(rest, tauq[offsetTauq + i], Y, 1, yt(i + 1, i));
    // Bring row i up to date: A(i, i+1:) −= Y(i+1:, 0:i+1)·V(i, 0:i+1)ᵀ + U(0:i, i+1:)ᵀ·X(i, 0:i)ᵀ.
    blas.gemv('N', rest, i + 1, -1, Y, 1, ldy, yt(i + 1, 0), A, lda, at(i, 0), 1, A, lda, at(i, i + 1));
    blas.gemv('T', i, rest, -1, A, 1, lda, at(0, i + 1), X, ldx, xt(i, 0), 1, A, lda, at(i, i + 1));
    const gamma = larfg(ctx, rest, A[at(i, i + 1)], A, lda, at(i, Math.min(i + 2, N - 1)), taup, offsetTaup + i);
    e[offsetE + i] = gamma;
    A[at(i, i + 1)] = 1;
    // X(i+1:, i) = τp·(A(i+1:, i+1:)·u − V(i+1:, 0:i+1)·(Y(i+1:, 0:i+1)ᵀ·u) − X(i+1:, 0:i)·(U(0:i, i+1:)·u)),
    // with X(0:i+1, i) as scratch.
    const below = M - i - 1;
    blas.gemv('N', below, rest, 1, A, 1, lda, at(i + 1, i + 1), A, lda, at(i, i + 1), 0, X, 1, xt(i + 1, i));
    blas.gemv('T', rest, i + 1, 1, Y, 1, ldy, yt(i + 1, 0), A, lda, at(i, i + 1), 0, X, 1, xt(0, i));
    blas.gemv('N', below, i + 1, -1, A, 1, lda, at(i + 1, 0), X, 1, xt(0, i), 1, X, 1, xt(i + 1, i));
    blas.gemv('N', i, rest, 1, A, 1, lda, at(0, i + 1), A, lda, at(i, i + 1), 0, X, 1, xt(0, i));
    blas.gemv('N', below, i, -1, X, 1, ldx, xt(i + 1, 0), X, 1, xt(0, i), 1, X, 1, xt(i + 1, i));
    blas.scal(below, taup[offsetTaup + i], X, 1, xt(i + 1, i));
  }
}
