/**
 * The gemm micro-kernel: the only part of the blocked {@link gemm} that depends on the tile shape.
 * It multiplies one packed 4-row micro-panel of op(A) by one packed 4-column micro-panel of
 * op(B) and adds the 4×4 product to C. Its 16 accumulators live in local variables so
 * V8 keeps them in registers; a larger tile spills them to the stack and runs slower.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';

/**
 * Rows of the micro-kernel's tile.
 *
 * @example
 * ```ts
 * import { GEMM_MR } from './gemm-kernel.js';
 * const paddedRows = Math.ceil(10 / GEMM_MR) * GEMM_MR;
 * ```
 */
export const GEMM_MR = 4;

/**
 * Columns of the micro-kernel's tile.
 *
 * @example
 * ```ts
 * import { GEMM_NR } from './gemm-kernel.js';
 * const paddedColumns = Math.ceil(10 / GEMM_NR) * GEMM_NR;
 * ```
 */
export const GEMM_NR = 4;

/**
 * C[ci + r*rs + c*cs] += Σₖ a[ai + k*4 + r] · b[bi + k*4 + c] for the full 4×4 tile,
 * k = 0 … kc-1. `a` and `b` are packed micro-panels (see `packGemmA`, `packGemmB`).
 *
 * @example
 * ```ts
 * import { GEMM_MR, GEMM_NR, gemmMicroKernel } from './gemm-kernel.js';
 * const a = new Float64Array(GEMM_MR).fill(1), b = new Float64Array(GEMM_NR).fill(2);
 * const C = new Float64Array(GEMM_MR * GEMM_NR);
 * gemmMicroKernel(1, a, 0, b, 0, C, 0, GEMM_NR, 1); // every element of C is 2
 * ```
 */
export function gemmMicroKernel(
  kc: number, a: Float64Array, ai: number, b: Float64Array, bi: number,
  C: FloatArray, ci: number, rs: number, cs: number,
): void {
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
  let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
  let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  // Packed indices stay far below 2^31, so `| 0` is exact and spares V8 its overflow checks.
  const end = ai + kc * 4;
  while (ai < end) {
    const a0 = a[ai];
    const a1 = a[(ai + 1) | 0];
    const a2 = a[(ai + 2) | 0];
    const a3 = a[(ai + 3) | 0];
    const b0 = b[bi];
    c00 += a0 * b0; c10 += a1 * b0; c20 += a2 * b0; c30 += a3 * b0;
    const b1 = b[(bi + 1) | 0];
    c01 += a0 * b1; c11 += a1 * b1; c21 += a2 * b1; c31 += a3 * b1;
    const b2 = b[(bi + 2) | 0];
    c02 += a0 * b2; c12 += a1 * b2; c22 += a2 * b2; c32 += a3 * b2;
    const b3 = b[(bi + 3) | 0];
    c03 += a0 * b3; c13 += a1 * b3; c23 += a2 * b3; c33 += a3 * b3;
    ai = (ai + 4) | 0;
    bi = (bi + 4) | 0;
  }
  const row0 = ci;
  C[row0] += c00;
  C[row0 + cs] += c01;
  C[row0 + 2 * cs] += c02;
  C[row0 + 3 * cs] += c03;
  const row1 = row0 + rs;
  C[row1] += c10;
  C[row1 + cs] += c11;
  C[row1 + 2 * cs] += c12;
  C[row1 + 3 * cs] += c13;
  const row2 = row1 + rs;
  C[row2] += c20;
  C[row2 + cs] += c21;
  C[row2 + 2 * cs] += c22;
  C[row2 + 3 * cs] += c23;
  const row3 = row2 + rs;
  C[row3] += c30;
  C[row3 + cs] += c31;
  C[row3 + 2 * cs] += c32;
  C[row3 + 3 * cs] += c33;
}
