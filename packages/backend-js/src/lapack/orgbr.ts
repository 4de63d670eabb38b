/**
 * `orgbr`: forms the orthogonal factors of a bidiagonal reduction.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';
import type { LapackContext } from './context.js';
import { orgqr } from './orgqr.js';

/**
 * Forms Q or Pᵀ of the reduction A = Q·B·Pᵀ that {@link gebrd} computed for a K×N matrix with
 * K ≥ N (upper bidiagonal B):
 * - `'Q'`: A (M×N, M ≥ N ≥ K here meaning the reflector count) holds K column reflectors below its
 *   diagonal as gebrd left them; it is overwritten by the first N columns of Q = H₀···H_{K−1}
 *   (M×M when N = M: the reflectors then fill only the first K columns).
 * - `'P'`: the leading N×N block of A holds gebrd's row reflectors right of its superdiagonal;
 *   it is overwritten by Pᵀ (N×N, first row and column those of the identity). The reflectors
 *   are transposed into `work` ((N−1)² elements) and formed there by {@link orgqr}.
 *
 * Only M, N and K are read for `'Q'`; only N for `'P'`.
 *
 * @example
 * ```ts
 * import { createLapackContext } from '@polyblas/backend-js';
 * import { orgbr } from './orgbr.js';
 * const ctx = createLapackContext('d');
 * // after gebrd(ctx, m, n, A, m, 0, d, 0, e, 0, tq, 0, tp, 0, w, 0) with m >= n:
 * // copy A into Q (m×n), then orgbr(ctx, 'Q', m, n, n, Q, m, 0, tq, 0, w, 0);
 * // copy A's top n×n into PT, then orgbr(ctx, 'P', n, n, n, PT, n, 0, tp, 0, w, 0);
 * ```
 */
export function orgbr<T extends FloatArray>(
  ctx: LapackContext<T>, vect: 'Q' | 'P', M: number, N: number, K: number, A: T, lda: number, offsetA: number,
  tau: T, offsetTau: number, work: T, offsetWork: number,
): number {
  if (vect === 'Q') return orgqr(ctx, M, N, K, A, lda, offsetA, tau, offsetTau);
  if (N === 0) return 0;
  const n1 = N - 1;
  // Reflector i acts on coordinates i+1 .. N−1 with its unit element at i+1: as a column of the
  // (N−1)×(N−1) matrix W (coordinates shifted by one) it has the QR layout orgqr expects.
  for (let i = 0; i < n1; i++) {
    for (let r = i + 1; r < n1; r++) work[offsetWork + r + i * n1] = A[offsetA + i + (r + 1) * lda];
  }
  if (n1 > 0) orgqr(ctx, n1, n1, n1, work, n1, offsetWork, tau, offsetTau);
  // P = diag(1, W), so Pᵀ = diag(1, Wᵀ).
  A[offsetA] = 1;
  for (let j = 1; j < N; j++) {
    A[offsetA + j * lda] = 0;
    A[offsetA + j] = 0;
    for (let i = 1; i < N; i++) A[offsetA + i + j * lda] = work[offsetWork + (j - 1) + (i - 1) * n1];
  }
  return 0;
}
