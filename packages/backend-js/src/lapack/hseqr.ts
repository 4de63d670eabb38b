/**
 * `hseqr`: eigenvalues, Schur form and Schur vectors of an upper Hessenberg matrix.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';
import type { LapackContext } from './context.js';
import { lahqr } from './lahqr.js';

/**
 * Computes the eigenvalues of the upper Hessenberg N×N H (already triangular outside rows and
 * columns `ilo..ihi`, 0-based inclusive), with `wantt` its real Schur form T = Zᵀ·H·Z overwriting
 * H, and with `wantz` Z ← Z·(the orthogonal transformation) on all N rows of Z (pass Q from
 * `orghr` to get the Schur vectors of the original matrix). Eigenvalues are in `wr`/`wi`, complex
 * pairs consecutive with positive imaginary part first, in the order of T's diagonal.
 *
 * Returns 0, or i > 0 when the QR iteration failed to converge: eigenvalues i..ihi (0-based) are
 * then correct.
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
  const info = lahqr(ctx, wantt, wantz, N, ilo, ihi, H, ldh, offsetH, wr, offsetWr, wi, offsetWi, 0, N - 1, Z, ldz, offsetZ);
  // Below the subdiagonal, T is zero.
  if (wantt && info === 0) {
    for (let j = 0; j < N - 2; j++) for (let i = j + 2; i < N; i++) H[offsetH + i + j * ldh] = 0;
  }
  return info;
}
