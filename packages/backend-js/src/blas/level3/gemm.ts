/**
 * General matrix multiply, blocked in the Goto/BLIS way: the loops over cache blocks, the packing
 * and the ragged edges are written here once; the tile-shaped arithmetic lives in the micro-kernel
 * (`gemm-kernel.ts`). Small products skip the packing and run a direct loop.
 *
 * @module
 */
import type { FloatArray, Trans } from '@polyblas/contract';
import { GEMM_MR, GEMM_NR, gemmMicroKernel } from './gemm-kernel.js';
import { packGemmA, packGemmB } from './gemm-pack.js';

/**
 * Cache block sizes of the blocked gemm: an `mc`×`kc` block of op(A) and a `kc`×`nc` block of op(B)
 * are packed at a time.
 *
 * @example
 * ```ts
 * import type { GemmBlocking } from './gemm.js';
 * const tiny: GemmBlocking = { mc: 8, kc: 5, nc: 12 }; // exercises every block edge in tests
 * ```
 */
export interface GemmBlocking {
  readonly mc: number;
  readonly kc: number;
  readonly nc: number;
}

/**
 * The block sizes {@link gemm} uses, chosen on an AMD Zen 5 (48 KiB L1d, 1 MiB L2 per core): the
 * kc×nr micro-panel of op(B) (16 KiB) stays in L1 while the mc×kc block of op(A) (768 KiB) stays in
 * L2, and the kc×nc block of op(B) (4 MiB) in L3. In JavaScript the micro-kernel, not memory, is the
 * limit: sizes from 64 to 1024 were within 10% of each other; a long kc won because C is read and
 * written once per kc.
 *
 * @example
 * ```ts
 * import { GEMM_BLOCKING } from './gemm.js';
 * const bytesOfPackedA = GEMM_BLOCKING.mc * GEMM_BLOCKING.kc * 8;
 * ```
 */
export const GEMM_BLOCKING: GemmBlocking = { mc: 192, kc: 512, nc: 1024 };

/**
 * Below this many multiply-adds (M·N·K) packing costs more than it saves, and {@link gemm} runs
 * {@link gemmUnpacked}; so it does when op(A) has fewer rows than two tiles or op(B) fewer columns
 * (thin products waste much of each padded tile, and their packing is not amortized).
 * Measured crossovers: about 16³, 5 rows and 7 columns.
 *
 * @example
 * ```ts
 * import { GEMM_SMALL_WORK } from './gemm.js';
 * const direct = 12 * 12 * 12 < GEMM_SMALL_WORK;
 * ```
 */
export const GEMM_SMALL_WORK = 16 * 16 * 16;

/**
 * `gemm`: C ← α·op(A)·op(B) + β·C, with op(A) M×K, op(B) K×N and C M×N.
 * When β is 0, C is not read; when α is 0 or K is 0, A and B are not read.
 * Element (i,j) of A is `A[offsetA + i*strideA1 + j*strideA2]` (likewise B and C); strides may be
 * negative, so row-major, column-major and transposed or reversed views are all accepted.
 * Float32 data is multiplied and summed in double; C is rounded to float32 when stored, once per
 * {@link GEMM_BLOCKING}.kc-long stretch of K.
 *
 * @example
 * ```ts
 * import { gemm } from './gemm.js'; // internal; the public kernel is blasKernels.dgemm
 * const A = new Float64Array([1, 2, 3, 4]), B = new Float64Array([5, 6, 7, 8]);
 * const C = new Float64Array(4);
 * gemm('N', 'N', 2, 2, 2, 1, A, 2, 1, 0, B, 2, 1, 0, 0, C, 2, 1, 0); // C = [19, 22, 43, 50]
 * ```
 */
export function gemm<T extends FloatArray>(
  transA: Trans, transB: Trans, M: number, N: number, K: number, alpha: number,
  A: T, strideA1: number, strideA2: number, offsetA: number,
  B: T, strideB1: number, strideB2: number, offsetB: number, beta: number,
  C: T, strideC1: number, strideC2: number, offsetC: number,
): void {
  if (M <= 0 || N <= 0) return;
  if (M * N * K < GEMM_SMALL_WORK || M < 2 * GEMM_MR || N < 2 * GEMM_NR) {
    gemmUnpacked(transA, transB, M, N, K, alpha, A, strideA1, strideA2, offsetA,
      B, strideB1, strideB2, offsetB, beta, C, strideC1, strideC2, offsetC);
  } else {
    gemmBlocked(transA, transB, M, N, K, alpha, A, strideA1, strideA2, offsetA,
      B, strideB1, strideB2, offsetB, beta, C, strideC1, strideC2, offsetC, GEMM_BLOCKING);
  }
}

/** Running sums of one column of C in double (so float32 products are not rounded early). */
let columnSums = new Float64Array(0);

/**
 * {@link gemm} without packing, one column of C at a time: column j accumulates
 * Σₖ op(A)(:, k)·op(B)(k, j) in double, four k at once, and is stored once. The fastest way for small
 * products and for products with very few rows or columns. Same arguments and semantics as
 * {@link gemm}.
 *
 * @example
 * ```ts
 * import { gemmUnpacked } from './gemm.js';
 * const A = new Float64Array([1, 2, 3, 4]), B = new Float64Array([5, 6, 7, 8]);
 * const C = new Float64Array(4);
 * gemmUnpacked('N', 'N', 2, 2, 2, 1, A, 2, 1, 0, B, 2, 1, 0, 0, C, 2, 1, 0); // C = [19, 22, 43, 50]
 * ```
 */
export function gemmUnpacked<T extends FloatArray>(
  transA: Trans, transB: Trans, M: number, N: number, K: number, alpha: number,
  A: T, strideA1: number, strideA2: number, offsetA: number,
  B: T, strideB1: number, strideB2: number, offsetB: number, beta: number,
  C: T, strideC1: number, strideC2: number, offsetC: number,
): void {
  if (M <= 0 || N <= 0) return;
  if (alpha === 0 || K <= 0) {
    scaleMatrix(M, N, beta, C, strideC1, strideC2, offsetC);
    return;
  }
  // op(X) is X with its two strides swapped.
  const sAi = transA === 'N' ? strideA1 : strideA2;
  const sAk = transA === 'N' ? strideA2 : strideA1;
  const sBk = transB === 'N' ? strideB1 : strideB2;
  const sBj = transB === 'N' ? strideB2 : strideB1;
  if (columnSums.length < M) columnSums = new Float64Array(M);
  const sums = columnSums;
  const K4 = K - (K % 4);
  for (let j = 0; j < N; j++) {
    for (let i = 0; i < M; i++) sums[i] = 0;
    const bColumn = offsetB + j * sBj;
    let k = 0;
    // Four columns of op(A) per sweep: a quarter of the loads and stores of the sums.
    for (; k < K4; k += 4) {
      const b = bColumn + k * sBk;
      const b0 = B[b], b1 = B[b + sBk], b2 = B[b + 2 * sBk], b3 = B[b + 3 * sBk];
      let a = offsetA + k * sAk;
      for (let i = 0; i < M; i++) {
        sums[i] += (A[a] * b0 + A[a + sAk] * b1) + (A[a + 2 * sAk] * b2 + A[a + 3 * sAk] * b3);
        a += sAi;
      }
    }
    for (; k < K; k++) {
      const bk = B[bColumn + k * sBk];
      let a = offsetA + k * sAk;
      for (let i = 0; i < M; i++) {
        sums[i] += A[a] * bk;
        a += sAi;
      }
    }
    let c = offsetC + j * strideC2;
    if (beta === 0) {
      for (let i = 0; i < M; i++, c += strideC1) C[c] = alpha * sums[i];
    } else {
      for (let i = 0; i < M; i++, c += strideC1) C[c] = alpha * sums[i] + beta * C[c];
    }
  }
}

/** Packed blocks of op(A) (from 0) and op(B) (after them); kept between calls, grown on demand. */
let packed = new Float64Array(0);
const edgeTile = new Float64Array(GEMM_MR * GEMM_NR);

/**
 * {@link gemm} by packed cache blocks and the register-tiled micro-kernel, with the block sizes
 * given (tests pass tiny blocks to cross every block edge). Same arguments and semantics as
 * {@link gemm}. The packing buffer is kept between calls and grows when a larger block needs it.
 *
 * @example
 * ```ts
 * import { gemmBlocked, GEMM_BLOCKING } from './gemm.js';
 * const A = new Float64Array([1, 2, 3, 4]), B = new Float64Array([5, 6, 7, 8]);
 * const C = new Float64Array(4);
 * gemmBlocked('N', 'N', 2, 2, 2, 1, A, 2, 1, 0, B, 2, 1, 0, 0, C, 2, 1, 0, GEMM_BLOCKING);
 * // C = [19, 22, 43, 50]
 * ```
 */
export function gemmBlocked<T extends FloatArray>(
  transA: Trans, transB: Trans, M: number, N: number, K: number, alpha: number,
  A: T, strideA1: number, strideA2: number, offsetA: number,
  B: T, strideB1: number, strideB2: number, offsetB: number, beta: number,
  C: T, strideC1: number, strideC2: number, offsetC: number,
  blocking: GemmBlocking,
): void {
  if (M <= 0 || N <= 0) return;
  scaleMatrix(M, N, beta, C, strideC1, strideC2, offsetC);
  if (alpha === 0 || K <= 0) return;
  const sAi = transA === 'N' ? strideA1 : strideA2;
  const sAk = transA === 'N' ? strideA2 : strideA1;
  const sBk = transB === 'N' ? strideB1 : strideB2;
  const sBj = transB === 'N' ? strideB2 : strideB1;
  // Block sizes are whole tiles, so only the last block of each loop has a ragged edge.
  const MC = Math.max(GEMM_MR, blocking.mc - (blocking.mc % GEMM_MR));
  const NC = Math.max(GEMM_NR, blocking.nc - (blocking.nc % GEMM_NR));
  const KC = Math.max(1, blocking.kc);
  const kcMax = Math.min(KC, K);
  const bStart = Math.min(MC, Math.ceil(M / GEMM_MR) * GEMM_MR) * kcMax;
  const length = bStart + Math.min(NC, Math.ceil(N / GEMM_NR) * GEMM_NR) * kcMax;
  if (packed.length < length) packed = new Float64Array(length);
  const p = packed;

  for (let jc = 0; jc < N; jc += NC) {
    const nc = Math.min(NC, N - jc);
    for (let pc = 0; pc < K; pc += KC) {
      const kc = Math.min(KC, K - pc);
      packGemmB(kc, nc, B, sBk, sBj, offsetB + pc * sBk + jc * sBj, GEMM_NR, p, bStart);
      for (let ic = 0; ic < M; ic += MC) {
        const mc = Math.min(MC, M - ic);
        packGemmA(mc, kc, alpha, A, sAi, sAk, offsetA + ic * sAi + pc * sAk, GEMM_MR, p, 0);
        multiplyPackedBlocks(mc, nc, kc, p, bStart, C, strideC1, strideC2,
          offsetC + ic * strideC1 + jc * strideC2);
      }
    }
  }
}

/** C block (mc×nc at offsetC) += packed A block (at 0) · packed B block (at bStart), tile by tile. */
function multiplyPackedBlocks(
  mc: number, nc: number, kc: number, p: Float64Array, bStart: number,
  C: FloatArray, strideC1: number, strideC2: number, offsetC: number,
): void {
  for (let jr = 0; jr < nc; jr += GEMM_NR) {
    const cols = Math.min(GEMM_NR, nc - jr);
    const bi = bStart + jr * kc;
    for (let ir = 0; ir < mc; ir += GEMM_MR) {
      const rows = Math.min(GEMM_MR, mc - ir);
      const ai = ir * kc;
      const ci = offsetC + ir * strideC1 + jr * strideC2;
      if (rows === GEMM_MR && cols === GEMM_NR) {
        gemmMicroKernel(kc, p, ai, bi, C, ci, strideC1, strideC2);
      } else {
        // Ragged edge: the kernel fills a whole zero-padded tile; only its valid part reaches C.
        edgeTile.fill(0);
        gemmMicroKernel(kc, p, ai, bi, edgeTile, 0, GEMM_NR, 1);
        for (let r = 0; r < rows; r++) {
          for (let c = 0; c < cols; c++) {
            C[ci + r * strideC1 + c * strideC2] += edgeTile[r * GEMM_NR + c];
          }
        }
      }
    }
  }
}

/** C ← β·C for an M×N matrix; β = 0 writes zeros without reading C, β = 1 touches nothing. */
function scaleMatrix(
  M: number, N: number, beta: number, C: FloatArray, strideC1: number, strideC2: number,
  offsetC: number,
): void {
  if (beta === 1) return;
  // Walk the smaller stride innermost.
  const inner = Math.abs(strideC1) <= Math.abs(strideC2);
  const nInner = inner ? M : N, nOuter = inner ? N : M;
  const sInner = inner ? strideC1 : strideC2, sOuter = inner ? strideC2 : strideC1;
  for (let o = 0; o < nOuter; o++) {
    let c = offsetC + o * sOuter;
    if (beta === 0) {
      for (let q = 0; q < nInner; q++, c += sInner) C[c] = 0;
    } else {
      for (let q = 0; q < nInner; q++, c += sInner) C[c] *= beta;
    }
  }
}
