/**
 * Singular values of a 2×2 triangular matrix.
 *
 * @module
 */

/**
 * The two singular values of a 2×2 triangular matrix.
 *
 * @example
 * ```ts
 * import type { SingularPair } from './las2.js';
 * const p: SingularPair = { ssmin: 0, ssmax: 0 };
 * ```
 */
export interface SingularPair {
  ssmin: number;
  ssmax: number;
}

/**
 * `las2`: the singular values of [f g; 0 h], ssmin ≤ ssmax, both ≥ 0, each to high relative
 * accuracy. Uses σmax·σmin = |f·h| and σmax ± σmin = sqrt((|f| ± |h|)² + g²), rearranged so that
 * nothing cancels, overflows or underflows needlessly.
 *
 * @example
 * ```ts
 * import { las2 } from './las2.js';
 * const p = { ssmin: 0, ssmax: 0 };
 * las2(3, 0, 4, p); // p = { ssmin: 3, ssmax: 4 }
 * ```
 */
export function las2(f: number, g: number, h: number, out: SingularPair): void {
  const fa = Math.abs(f);
  const ga = Math.abs(g);
  const ha = Math.abs(h);
  const lo = Math.min(fa, ha);
  const hi = Math.max(fa, ha);
  if (lo === 0) {
    out.ssmin = 0;
    if (hi === 0) out.ssmax = ga;
    else {
      const big = Math.max(hi, ga);
      const small = Math.min(hi, ga) / big;
      out.ssmax = big * Math.sqrt(1 + small * small);
    }
    return;
  }
  if (ga < hi) {
    const sum = 1 + lo / hi;
    const diff = (hi - lo) / hi;
    const gr = (ga / hi) * (ga / hi);
    const c = 2 / (Math.sqrt(sum * sum + gr) + Math.sqrt(diff * diff + gr));
    out.ssmin = lo * c;
    out.ssmax = hi / c;
    return;
  }
  const ratio = hi / ga;
  if (ratio === 0) {
    // |g| dwarfs the diagonal: σmax = |g| and σmin = |f·h|/|g| to working precision.
    out.ssmin = (lo * hi) / ga;
    out.ssmax = ga;
    return;
  }
  const sum = 1 + lo / hi;
  const diff = (hi - lo) / hi;
  const c = 1 / (Math.sqrt(1 + (sum * ratio) ** 2) + Math.sqrt(1 + (diff * ratio) ** 2));
  out.ssmin = 2 * (lo * c) * ratio;
  out.ssmax = ga / (c + c);
}
