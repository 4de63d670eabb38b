/**
 * What `trmm` and `trsm` share: every side, triangle and transpose reduced to one operation from
 * the left on a lower or upper triangle.
 *
 * @module
 */
import type { Diag, FloatArray, Side, Trans, Uplo } from '@polyblas/contract';

/**
 * B ← α·f(T)·B with T m×m triangular (`lower` or upper, strides t1 and t2) and B m×n.
 *
 * @example
 * ```ts
 * // internal to backend-js (level3/triangular.ts)
 * import type { LeftTriangularOp } from './triangular.js';
 * ```
 */
export type LeftTriangularOp<T extends FloatArray> = (
  lower: boolean, unit: boolean, m: number, n: number, alpha: number,
  A: T, t1: number, t2: number, oa: number,
  B: T, b1: number, b2: number, ob: number,
) => void;

/**
 * Runs a triangular level-3 operation given in BLAS form through its left-side form: op(A) = Aᵀ
 * is A with swapped strides and the flipped triangle, and a right-side operation is the
 * left-side one on Bᵀ. When α is 0, B is set to zero without being read.
 *
 * @example
 * ```ts
 * // internal to backend-js (level3/triangular.ts); trmm and trsm are its callers
 * import { fromLeft } from './triangular.js';
 * ```
 */
export function fromLeft<T extends FloatArray>(
  operation: LeftTriangularOp<T>,
  side: Side, uplo: Uplo, transA: Trans, diag: Diag, M: number, N: number, alpha: number,
  A: T, strideA1: number, strideA2: number, offsetA: number,
  B: T, strideB1: number, strideB2: number, offsetB: number,
): void {
  if (M <= 0 || N <= 0) return;
  if (alpha === 0) {
    for (let j = 0; j < N; j++) for (let i = 0; i < M; i++) B[offsetB + i * strideB1 + j * strideB2] = 0;
    return;
  }
  const unit = diag === 'U';
  if (side === 'L') {
    const t1 = transA === 'N' ? strideA1 : strideA2;
    const t2 = transA === 'N' ? strideA2 : strideA1;
    const lower = (uplo === 'L') === (transA === 'N');
    operation(lower, unit, M, N, alpha, A, t1, t2, offsetA, B, strideB1, strideB2, offsetB);
  } else {
    // B·op(A) = (op(A)ᵀ·Bᵀ)ᵀ, and likewise for the inverse.
    const t1 = transA === 'N' ? strideA2 : strideA1;
    const t2 = transA === 'N' ? strideA1 : strideA2;
    const lower = (uplo === 'L') === (transA === 'T');
    operation(lower, unit, N, M, alpha, A, t1, t2, offsetA, B, strideB2, strideB1, offsetB);
  }
}
