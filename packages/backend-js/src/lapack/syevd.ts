/**
 * `syevd`: eigenvalues and eigenvectors of a real symmetric matrix.
 *
 * @module
 */
import type { EigJob, FloatArray, Uplo } from '@polyblas/contract';
import type { LapackContext } from './context.js';
import { ormqr } from './ormqr.js';
import { stedc } from './stedc.js';
import { steqr } from './steqr.js';
import { sytrd } from './sytrd.js';

/**
 * The `syevd` kernel (see the contract's `Syevd`): the `uplo` triangle is mirrored into the lower
 * one and reduced to tridiagonal form by orthogonal similarity (blocked). Values only
 * (`jobz = 'N'`): the implicit QL/QR iteration without vectors (O(N²)). With vectors: divide and
 * conquer on the tridiagonal matrix, then the orthogonal factor of the reduction applied to its
 * eigenvectors by block reflectors; the result overwrites A. Eigenvalues are ascending in `w`. Returns `info > 0` when the
 * iteration did not converge (the number of unconverged off-diagonal elements).
 *
 * @example
 * ```ts
 * import { createLapackContext } from '@polyblas/backend-js';
 * import { syevd } from './syevd.js';
 * const ctx = createLapackContext('d');
 * const A = new Float64Array([2, 1, 1, 2]), w = new Float64Array(2);
 * syevd(ctx, 'V', 'L', 2, A, 2, 0, w, 0); // w = [1, 3]
 * ```
 */
export function syevd<T extends FloatArray>(
  ctx: LapackContext<T>, jobz: EigJob, uplo: Uplo, N: number, A: T, lda: number, offsetA: number,
  w: T, offsetW: number,
): number {
  if (N === 0) return 0;
  const a = (i: number, j: number): number => offsetA + i + j * lda;
  const wantz = jobz === 'V';
  if (N === 1) {
    w[offsetW] = A[a(0, 0)];
    if (wantz) A[a(0, 0)] = 1;
    return 0;
  }
  if (uplo === 'U') {
    for (let j = 0; j < N; j++) for (let i = j + 1; i < N; i++) A[a(i, j)] = A[a(j, i)];
  }
  // Bring the entries into a safe range (the eigenvalues are scaled back at the end).
  const smlnum = Math.sqrt(ctx.safmin / (2 * ctx.eps));
  const bignum = 1 / smlnum;
  let anrm = 0;
  for (let j = 0; j < N; j++) {
    for (let i = j; i < N; i++) {
      const v = Math.abs(A[a(i, j)]);
      if (v > anrm || Number.isNaN(v)) anrm = v;
    }
  }
  let factor = 1;
  if (anrm > 0 && anrm < smlnum) factor = smlnum / anrm;
  else if (anrm > bignum) factor = bignum / anrm;
  if (factor !== 1) for (let j = 0; j < N; j++) ctx.blas.scal(N - j, factor, A, 1, a(j, j));

  const ws = ctx.work(2 * N);
  const e = ws.data;
  const eo = ws.offset;
  const tau = ws.offset + N;
  sytrd(ctx, N, A, lda, offsetA, w, offsetW, e, eo, e, tau);
  let info: number;
  if (wantz) {
    // Eigenvectors of the tridiagonal matrix by divide and conquer, then Z ← Q·Z: Q is I in row
    // and column 0 and, below, the Q of a QR factorisation whose reflectors sytrd left in A(1:, 0:).
    const zw = ctx.work(N * N);
    info = stedc(ctx, N, w, offsetW, e, eo, zw.data, N, zw.offset);
    if (info === 0) {
      ormqr(ctx, 'L', 'N', N - 1, N, N - 1, A, lda, a(1, 0), e, tau, zw.data, N, zw.offset + 1);
      for (let j = 0; j < N; j++) ctx.blas.copy(N, zw.data, 1, zw.offset + j * N, A, 1, a(0, j));
    }
  } else {
    info = steqr(ctx, false, N, w, offsetW, e, eo, A, lda, offsetA);
  }
  if (factor !== 1) {
    const count = info === 0 ? N : info - 1;
    for (let i = 0; i < count; i++) w[offsetW + i] /= factor;
  }
  return info;
}
