/**
 * `larf`: applies an elementary reflector to a matrix.
 *
 * @module
 */
import type { FloatArray, Side } from '@polyblas/contract';
import type { LapackContext } from './context.js';

/**
 * Applies H = I − τ·v·vᵀ to the M×N column-major C: C ← H·C (side `'L'`, v has M elements) or
 * C ← C·H (side `'R'`, v has N elements). H is symmetric, so this is also Hᵀ.
 *
 * Every element of v is read, including v(0): callers holding v in a factored matrix with an
 * implicit unit first element set it to 1 around the call. Trailing zeros of v and the all-zero
 * columns (`'L'`) or rows (`'R'`) of C they leave untouched are skipped. `work` must hold N
 * (side `'L'`) or M (side `'R'`) elements from `offsetWork`; it is scratch.
 *
 * @example
 * ```ts
 * import { createLapackContext } from '@polyblas/backend-js';
 * import { larf } from './larf.js'; // internal, not exported by @polyblas/backend-js
 * const ctx = createLapackContext('d');
 * const v = new Float64Array([1, 0.5]), C = new Float64Array([3, 4]); // 2x1
 * larf(ctx, 'L', 2, 1, v, 1, 0, 1.6, C, 2, 0, ctx.work(1).data, 0); // C = [-5, 0]
 * ```
 */
export function larf<T extends FloatArray>(
  ctx: LapackContext<T>, side: Side, M: number, N: number, v: T, strideV: number, offsetV: number, tau: number,
  C: T, ldc: number, offsetC: number, work: T, offsetWork: number,
): void {
  if (tau === 0) return;
  const left = side === 'L';
  // Length of v up to its last non-zero element.
  let lastv = left ? M : N;
  while (lastv > 0 && v[offsetV + (lastv - 1) * strideV] === 0) lastv--;
  if (lastv === 0) return;
  const { blas } = ctx;
  if (left) {
    const lastc = lastNonZeroColumn(lastv, N, C, ldc, offsetC);
    if (lastc === 0) return;
    // w = C(0:lastv, 0:lastc)ᵀ·v, then C -= τ·v·wᵀ.
    blas.gemv('T', lastv, lastc, 1, C, 1, ldc, offsetC, v, strideV, offsetV, 0, work, 1, offsetWork);
    blas.ger(lastv, lastc, -tau, v, strideV, offsetV, work, 1, offsetWork, C, 1, ldc, offsetC);
  } else {
    const lastc = lastNonZeroRow(M, lastv, C, ldc, offsetC);
    if (lastc === 0) return;
    // w = C(0:lastc, 0:lastv)·v, then C -= τ·w·vᵀ.
    blas.gemv('N', lastc, lastv, 1, C, 1, ldc, offsetC, v, strideV, offsetV, 0, work, 1, offsetWork);
    blas.ger(lastc, lastv, -tau, work, 1, offsetWork, v, strideV, offsetV, C, 1, ldc, offsetC);
  }
}

/** The number of leading columns of the M×N C up to its last column with a non-zero element. */
function lastNonZeroColumn(M: number, N: number, C: FloatArray, ldc: number, offsetC: number): number {
  for (let j = N - 1; j >= 0; j--) {
    const col = offsetC + j * ldc;
    for (let i = 0; i < M; i++) if (C[col + i] !== 0) return j + 1;
  }
  return 0;
}

/** The number of leading rows of the M×N C up to its last row with a non-zero element. */
function lastNonZeroRow(M: number, N: number, C: FloatArray, ldc: number, offsetC: number): number {
  let last = 0;
  for (let j = 0; j < N && last < M; j++) {
    const col = offsetC + j * ldc;
    let i = M - 1;
    while (i >= last && C[col + i] === 0) i--;
    if (i + 1 > last) last = i + 1;
  }
  return last;
}
