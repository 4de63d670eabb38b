/**
 * Packing for the blocked `gemm`: copies a block of op(A) or op(B), read through any strides,
 * into a contiguous Float64Array laid out exactly as the micro-kernel walks it. Partial tiles at the
 * block edges are padded with zeros, so the micro-kernel never sees a ragged edge.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';

/**
 * Packs an `mc`×`kc` block of op(A), scaled by `alpha`, into micro-panels of `mr` rows:
 * element (i, k) of the block lands at `packed[offset + (i - i % mr) * kc + k * mr + i % mr]`.
 * Rows past `mc` in the last micro-panel are zero.
 *
 * @param mc - rows of the block; `kc` - columns (the shared dimension).
 * @param A - source; element (i, k) of the block is `A[offsetA + i*strideI + k*strideK]`.
 * @param mr - micro-panel height (the micro-kernel's row count).
 * @param packed - destination, with `ceil(mc/mr)*mr*kc` elements from `offset` on.
 *
 * @example
 * ```ts
 * import { packGemmA } from './gemm-pack.js';
 * const A = new Float64Array([1, 2, 3, 4, 5, 6]); // 3×2, column-major
 * const packed = new Float64Array(8);
 * packGemmA(3, 2, 1, A, 1, 3, 0, 2, packed, 0); // packed = [1, 2, 4, 5, 3, 0, 6, 0]
 * ```
 */
export function packGemmA<T extends FloatArray>(
  mc: number, kc: number, alpha: number,
  A: T, strideI: number, strideK: number, offsetA: number,
  mr: number, packed: Float64Array, offset: number,
): void {
  let w = offset;
  for (let i0 = 0; i0 < mc; i0 += mr) {
    const rows = mc - i0 < mr ? mc - i0 : mr;
    let rowStart = offsetA + i0 * strideI;
    if (rows === mr) {
      for (let k = 0; k < kc; k++) {
        let a = rowStart;
        for (let r = 0; r < mr; r++) {
          packed[w++] = alpha * A[a];
          a += strideI;
        }
        rowStart += strideK;
      }
    } else {
      for (let k = 0; k < kc; k++) {
        let a = rowStart;
        let r = 0;
        for (; r < rows; r++) {
          packed[w++] = alpha * A[a];
          a += strideI;
        }
        for (; r < mr; r++) packed[w++] = 0;
        rowStart += strideK;
      }
    }
  }
}

/**
 * Packs a `kc`×`nc` block of op(B) into micro-panels of `nr` columns: element (k, j) of the block
 * lands at `packed[offset + (j - j % nr) * kc + k * nr + j % nr]`. Columns past `nc` in the last
 * micro-panel are zero.
 *
 * @param kc - rows of the block (the shared dimension); `nc` - columns.
 * @param B - source; element (k, j) of the block is `B[offsetB + k*strideK + j*strideJ]`.
 * @param nr - micro-panel width (the micro-kernel's column count).
 * @param packed - destination, with `ceil(nc/nr)*nr*kc` elements from `offset` on.
 *
 * @example
 * ```ts
 * import { packGemmB } from './gemm-pack.js';
 * const B = new Float64Array([1, 2, 3, 4, 5, 6]); // 2×3, row-major
 * const packed = new Float64Array(8);
 * packGemmB(2, 3, B, 3, 1, 0, 2, packed, 0); // packed = [1, 2, 4, 5, 3, 0, 6, 0]
 * ```
 */
export function packGemmB<T extends FloatArray>(
  kc: number, nc: number,
  B: T, strideK: number, strideJ: number, offsetB: number,
  nr: number, packed: Float64Array, offset: number,
): void {
  let w = offset;
  for (let j0 = 0; j0 < nc; j0 += nr) {
    const cols = nc - j0 < nr ? nc - j0 : nr;
    let rowStart = offsetB + j0 * strideJ;
    if (cols === nr) {
      for (let k = 0; k < kc; k++) {
        let b = rowStart;
        for (let c = 0; c < nr; c++) {
          packed[w++] = B[b];
          b += strideJ;
        }
        rowStart += strideK;
      }
    } else {
      for (let k = 0; k < kc; k++) {
        let b = rowStart;
        let c = 0;
        for (; c < cols; c++) {
          packed[w++] = B[b];
          b += strideJ;
        }
        for (; c < nr; c++) packed[w++] = 0;
        rowStart += strideK;
      }
    }
  }
}
