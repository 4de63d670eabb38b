/**
 * `gebal`: balancing of a general matrix before its eigenvalues are computed.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';
import type { LapackContext } from './context.js';

/**
 * The outcome of {@link gebal}: rows and columns outside `ilo..ihi` (0-based, inclusive) hold
 * eigenvalues isolated by permutation. `scale[j]` is, for j in `ilo..ihi`, the diagonal scaling
 * factor of row and column j, and otherwise the (0-based) index that row and column j were swapped
 * with.
 *
 * @example
 * ```ts
 * import type { Balance } from './gebal.js';
 * const b: Balance = { ilo: 0, ihi: 1, scale: new Float64Array([1, 1]) };
 * ```
 */
export interface Balance {
  ilo: number;
  ihi: number;
  scale: Float64Array;
}

/**
 * Balances the N×N A in place: A ← D⁻¹·Pᵀ·A·P·D. The permutation P moves rows and columns that
 * isolate eigenvalues to the ends (the result is upper triangular outside `ilo..ihi`); the diagonal
 * D, of powers of 2 (exact), makes row and column norms of `ilo..ihi` comparable, which reduces
 * the norm and so the rounding error of the eigenvalues. `job`: `'N'` neither, `'P'` permute,
 * `'S'` scale, `'B'` both.
 *
 * @example
 * ```ts
 * import { createLapackContext } from '@polyblas/backend-js';
 * import { gebal } from './gebal.js';
 * const ctx = createLapackContext('d');
 * const A = new Float64Array([1, 0, 2, 3]); // [[1, 2], [0, 3]]: already triangular
 * gebal(ctx, 'B', 2, A, 2, 0); // { ilo: 0, ihi: 0, ... } (everything isolated)
 * ```
 */
export function gebal<T extends FloatArray>(
  ctx: LapackContext<T>, job: 'N' | 'P' | 'S' | 'B', N: number, A: T, lda: number, offsetA: number,
): Balance {
  const scale = new Float64Array(N).fill(1);
  if (N === 0) return { ilo: 0, ihi: -1, scale };
  const a = (i: number, j: number): number => offsetA + i + j * lda;
  const { blas } = ctx;
  let k = 0;
  let l = N - 1;
  if (job === 'N') return { ilo: 0, ihi: N - 1, scale };

  if (job === 'P' || job === 'B') {
    const exchange = (j: number, m: number): void => {
      scale[m] = j;
      if (j === m) return;
      blas.swap(l + 1, A, 1, a(0, j), A, 1, a(0, m));
      blas.swap(N - k, A, lda, a(j, k), A, lda, a(m, k));
    };
    // Rows with no off-diagonal entry in columns k..l isolate an eigenvalue: move them to the bottom.
    let found = true;
    while (found && l >= 0) {
      found = false;
      for (let j = l; j >= 0; j--) {
        let zero = true;
        for (let i = 0; i <= l; i++) {
          if (i !== j && A[a(j, i)] !== 0) {
            zero = false;
            break;
          }
        }
        if (zero) {
          exchange(j, l);
          if (l === 0) {
            // Everything is isolated; the last swap was row 0 with itself.
            scale[0] = 1;
            return { ilo: 0, ihi: 0, scale };
          }
          l--;
          found = true;
          break;
        }
      }
    }
    // Columns with no off-diagonal entry in rows k..l: move them to the left.
    found = true;
    while (found) {
      found = false;
      for (let j = k; j <= l; j++) {
        let zero = true;
        for (let i = k; i <= l; i++) {
          if (i !== j && A[a(i, j)] !== 0) {
            zero = false;
            break;
          }
        }
        if (zero) {
          exchange(j, k);
          k++;
          found = true;
          break;
        }
      }
    }
  }
  for (let i = k; i <= l; i++) scale[i] = 1;
  if (job === 'P') return { ilo: k, ihi: l, scale };

  // Scaling by powers of 2 until row and column 2-norms of the block are within a factor of 2.
  const radix = 2;
  const sfmin1 = ctx.safmin / (2 * ctx.eps);
  const sfmax1 = 1 / sfmin1;
  const sfmin2 = sfmin1 * radix;
  const sfmax2 = 1 / sfmin2;
  let noconv = true;
  let sweeps = 0;
  while (noconv && sweeps++ < 1000) {
    noconv = false;
    for (let i = k; i <= l; i++) {
      let c = blas.nrm2(l - k + 1, A, 1, a(k, i));
      let r = blas.nrm2(l - k + 1, A, lda, a(i, k));
      const ica = blas.iamax(l + 1, A, 1, a(0, i));
      let ca = Math.abs(A[a(ica, i)]);
      const ira = blas.iamax(N - k, A, lda, a(i, k));
      let ra = Math.abs(A[a(i, ira + k)]);
      if (c === 0 || r === 0) continue;
      if (!Number.isFinite(c + r + ca + ra)) return { ilo: k, ihi: l, scale };
      let g = r / radix;
      let f = 1;
      const s = c + r;
      while (c < g && Math.max(f, c, ca) < sfmax2 && Math.min(r, g, ra) > sfmin2) {
        f *= radix;
        c *= radix;
        ca *= radix;
        r /= radix;
        g /= radix;
        ra /= radix;
      }
      g = c / radix;
      while (g >= r && Math.max(r, ra) < sfmax2 && Math.min(f, c, g, ca) > sfmin2) {
        f /= radix;
        c /= radix;
        g /= radix;
        ca /= radix;
        r *= radix;
        ra *= radix;
      }
      // Only a clear improvement is worth a change.
      if (c + r >= 0.95 * s) continue;
      if (f < 1 && scale[i] < 1 && f * scale[i] <= sfmin1) continue;
      if (f > 1 && scale[i] > 1 && scale[i] >= sfmax1 / f) continue;
      scale[i] *= f;
      noconv = true;
      blas.scal(N - k, 1 / f, A, lda, a(i, k));
      blas.scal(l + 1, f, A, 1, a(0, i));
    }
  }
  return { ilo: k, ihi: l, scale };
}
