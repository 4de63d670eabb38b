/**
 * Level 3: symmetric matrix multiply.
 *
 * @module
 */
import type { FloatArray, Side, Uplo } from '@polyblas/contract';
import { gemm } from './gemm.js';

/** Diagonal blocks of A up to this order are applied by plain loops; larger ones split in two. */
const BLOCK = 32;

/**
 * `symm`: C ← α·A·B + β·C (side `'L'`, A M×M) or C ← α·B·A + β·C (side `'R'`, A N×N), with A
 * symmetric and only its `uplo` triangle read; B and C are M×N. When β is 0, C is not read; when
 * α is 0, A and B are not read.
 *
 * Reduced to C ← α·A·B + β·C from the left with the lower triangle of A stored (a right-side
 * product is the left-side product of the transposes; the upper triangle with strides (s1, s2) is
 * the lower one with (s2, s1)), then A is split recursively: its diagonal blocks recurse and the
 * off-diagonal block, used once as itself and once transposed, goes to `gemm` twice.
 *
 * @example
 * ```ts
 * import { blasKernels } from '@polyblas/backend-js';
 * const symm = blasKernels.dsymm;
 * const A = new Float64Array([1, 0, 2, 3]); // lower triangle of [[1, 2], [2, 3]]
 * const B = new Float64Array([1, 0, 0, 1]), C = new Float64Array(4);
 * symm('L', 'L', 2, 2, 1, A, 2, 1, 0, B, 2, 1, 0, 0, C, 2, 1, 0); // C = [1, 2, 2, 3]
 * ```
 */
export function symm<T extends FloatArray>(
  side: Side, uplo: Uplo, M: number, N: number, alpha: number,
  A: T, strideA1: number, strideA2: number, offsetA: number,
  B: T, strideB1: number, strideB2: number, offsetB: number, beta: number,
  C: T, strideC1: number, strideC2: number, offsetC: number,
): void {
  if (M <= 0 || N <= 0) return;
  if (alpha === 0) {
    if (beta === 1) return;
    for (let j = 0; j < N; j++) {
      for (let i = 0, ic = offsetC + j * strideC2; i < M; i++, ic += strideC1) C[ic] = beta === 0 ? 0 : beta * C[ic];
    }
    return;
  }
  const a1 = uplo === 'L' ? strideA1 : strideA2;
  const a2 = uplo === 'L' ? strideA2 : strideA1;
  if (side === 'L') {
    multiplyLower(M, N, alpha, A, a1, a2, offsetA, B, strideB1, strideB2, offsetB, beta, C, strideC1, strideC2, offsetC);
  } else {
    // C ← α·B·A + β·C is Cᵀ ← α·A·Bᵀ + β·Cᵀ.
    multiplyLower(N, M, alpha, A, a1, a2, offsetA, B, strideB2, strideB1, offsetB, beta, C, strideC2, strideC1, offsetC);
  }
}

/** C ← α·A·B + β·C with A m×m symmetric (lower triangle stored), B and C m×n. */
function multiplyLower<T extends FloatArray>(
  m: number, n: number, alpha: number,
  A: T, a1: number, a2: number, oa: number,
  B: T, b1: number, b2: number, ob: number, beta: number,
  C: T, c1: number, c2: number, oc: number,
): void {
  if (m <= BLOCK) {
    multiplySmall(m, n, alpha, A, a1, a2, oa, B, b1, b2, ob, beta, C, c1, c2, oc);
    return;
  }
  const m1 = BLOCK * Math.ceil(m / BLOCK / 2);
  const m2 = m - m1;
  const a21 = oa + m1 * a1;
  const b2Start = ob + m1 * b1;
  const c2Start = oc + m1 * c1;
  // [C1; C2] = α·[A11 A21ᵀ; A21 A22]·[B1; B2] + β·[C1; C2].
  multiplyLower(m1, n, alpha, A, a1, a2, oa, B, b1, b2, ob, beta, C, c1, c2, oc);
  gemm('N', 'N', m1, n, m2, alpha, A, a2, a1, a21, B, b1, b2, b2Start, 1, C, c1, c2, oc);
  gemm('N', 'N', m2, n, m1, alpha, A, a1, a2, a21, B, b1, b2, ob, beta, C, c1, c2, c2Start);
  multiplyLower(m2, n, alpha, A, a1, a2, oa + m1 * (a1 + a2), B, b1, b2, b2Start, 1, C, c1, c2, c2Start);
}

/** A small diagonal block of A, expanded to a full square, goes to `gemm`. */
function multiplySmall<T extends FloatArray>(
  m: number, n: number, alpha: number,
  A: T, a1: number, a2: number, oa: number,
  B: T, b1: number, b2: number, ob: number, beta: number,
  C: T, c1: number, c2: number, oc: number,
): void {
  const square = new Float64Array(m * m);
  for (let j = 0; j < m; j++) {
    for (let i = j; i < m; i++) {
      const a = A[oa + i * a1 + j * a2];
      square[i + j * m] = a;
      square[j + i * m] = a;
    }
  }
  gemm<FloatArray>('N', 'N', m, n, m, alpha, square, 1, m, 0, B, b1, b2, ob, beta, C, c1, c2, oc);
}
