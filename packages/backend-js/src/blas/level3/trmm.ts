/**
 * Level 3: triangular matrix multiply.
 *
 * @module
 */
import type { Diag, FloatArray, Side, Trans, Uplo } from '@polyblas/contract';
import { scal } from '../level1/scal.js';
import { trmv } from '../level2/trmv.js';
import { gemm } from './gemm.js';
import { fromLeft } from './triangular.js';

/** Triangles up to this order are multiplied by plain loops; larger ones split in two. */
const BLOCK = 32;
/** Below this many columns of B, one `trmv` per column beats matrix-multiply updates. */
const FEW_COLUMNS_TRMV = 12;

/**
 * `trmm`: B ← α·op(A)·B (side `'L'`, A M×M) or B ← α·B·op(A) (side `'R'`, A N×N), with A
 * triangular and B M×N overwritten. When α is 0, B is set to zero without being read.
 *
 * As in `trsm`, every case becomes B ← α·T·B from the left (a right-side product is the
 * left-side product of Bᵀ), and the triangle splits recursively into two half-size products and
 * one `gemm` for the coupling block. A few columns of B are multiplied one by one with `trmv`.
 *
 * @example
 * ```ts
 * import { blasKernels } from '@polyblas/backend-js';
 * const trmm = blasKernels.dtrmm;
 * const A = new Float64Array([2, 1, 0, 4]), B = new Float64Array([1, 1]);
 * trmm('L', 'U', 'N', 'N', 2, 1, 1, A, 2, 1, 0, B, 1, 1, 0); // B = [3, 4]
 * ```
 */
export function trmm<T extends FloatArray>(
  side: Side, uplo: Uplo, transA: Trans, diag: Diag, M: number, N: number, alpha: number,
  A: T, strideA1: number, strideA2: number, offsetA: number,
  B: T, strideB1: number, strideB2: number, offsetB: number,
): void {
  fromLeft(multiply, side, uplo, transA, diag, M, N, alpha, A, strideA1, strideA2, offsetA, B, strideB1, strideB2, offsetB);
}

/** B ← α·T·B with T m×m triangular (strides t1, t2) and B m×n: by columns or recursively. */
function multiply<T extends FloatArray>(
  lower: boolean, unit: boolean, m: number, n: number, alpha: number,
  A: T, t1: number, t2: number, oa: number,
  B: T, b1: number, b2: number, ob: number,
): void {
  if (n >= FEW_COLUMNS_TRMV || m <= BLOCK) {
    multiplyLeft(lower, unit, m, n, alpha, A, t1, t2, oa, B, b1, b2, ob);
    return;
  }
  for (let j = 0; j < n; j++) {
    trmv(lower ? 'L' : 'U', 'N', unit ? 'U' : 'N', m, A, t1, t2, oa, B, b1, ob + j * b2);
    scal(m, alpha, B, b1, ob + j * b2);
  }
}

/** B ← α·T·B, splitting T recursively. */
function multiplyLeft<T extends FloatArray>(
  lower: boolean, unit: boolean, m: number, n: number, alpha: number,
  A: T, t1: number, t2: number, oa: number,
  B: T, b1: number, b2: number, ob: number,
): void {
  if (m <= BLOCK) {
    multiplySmall(lower, unit, m, n, alpha, A, t1, t2, oa, B, b1, b2, ob);
    return;
  }
  const m1 = BLOCK * Math.ceil(m / BLOCK / 2);
  const m2 = m - m1;
  if (lower) {
    // [T11 0; T21 T22]: B2 ← α(T22·B2 + T21·B1) needs the old B1, so it goes first.
    multiplyLeft(lower, unit, m2, n, alpha, A, t1, t2, oa + m1 * (t1 + t2), B, b1, b2, ob + m1 * b1);
    gemm('N', 'N', m2, n, m1, alpha, A, t1, t2, oa + m1 * t1, B, b1, b2, ob, 1, B, b1, b2, ob + m1 * b1);
    multiplyLeft(lower, unit, m1, n, alpha, A, t1, t2, oa, B, b1, b2, ob);
  } else {
    // [T11 T12; 0 T22]: B1 ← α(T11·B1 + T12·B2) needs the old B2, so it goes first.
    multiplyLeft(lower, unit, m1, n, alpha, A, t1, t2, oa, B, b1, b2, ob);
    gemm('N', 'N', m1, n, m2, alpha, A, t1, t2, oa + m1 * t2, B, b1, b2, ob + m1 * b1, 1, B, b1, b2, ob);
    multiplyLeft(lower, unit, m2, n, alpha, A, t1, t2, oa + m1 * (t1 + t2), B, b1, b2, ob + m1 * b1);
  }
}

/** Below this many columns of B a small triangle is applied in place, column by column. */
const FEW_COLUMNS = 8;
/** Columns of B staged at a time: a BLOCK×PANEL double panel stays in the L2 cache. */
const PANEL = 512;

/**
 * B ← α·T·B for a small triangle. With many columns, panels of B are copied into a contiguous
 * row-major double buffer, so the work is long unit-stride row updates (two rows from four per
 * sweep) on one array type whatever the layout and precision of B.
 */
function multiplySmall<T extends FloatArray>(
  lower: boolean, unit: boolean, m: number, n: number, alpha: number,
  A: T, t1: number, t2: number, oa: number,
  B: T, b1: number, b2: number, ob: number,
): void {
  if (n < FEW_COLUMNS) {
    multiplyColumns(lower, unit, m, n, alpha, A, t1, t2, oa, B, b1, b2, ob);
    return;
  }
  // α·T, row-major.
  const tri = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    const kFrom = lower ? 0 : i + 1;
    const kTo = lower ? i : m;
    for (let k = kFrom; k < kTo; k++) tri[i * m + k] = alpha * A[oa + i * t1 + k * t2];
    tri[i * m + i] = unit ? alpha : alpha * A[oa + i * (t1 + t2)];
  }
  const width = Math.min(n, PANEL);
  const panel = new Float64Array(m * width);
  for (let j0 = 0; j0 < n; j0 += width) {
    const w = Math.min(width, n - j0);
    const first = ob + j0 * b2;
    for (let i = 0; i < m; i++) {
      for (let j = 0, ib = first + i * b1, ip = i * w; j < w; j++, ib += b2, ip++) panel[ip] = B[ib];
    }
    multiplyPanel(lower, m, w, tri, panel);
    for (let i = 0; i < m; i++) {
      for (let j = 0, ib = first + i * b1, ip = i * w; j < w; j++, ib += b2, ip++) B[ib] = panel[ip];
    }
  }
}

/**
 * P ← tri·P in place for the row-major m×w panel P. Rows are rewritten in pairs, in the order that
 * keeps every row they read unchanged until both are done, so each row loaded from memory serves
 * both rows of the pair.
 */
function multiplyPanel(lower: boolean, m: number, w: number, tri: Float64Array, P: Float64Array): void {
  // Lower: rows from the bottom, each reading the rows above it; upper: from the top.
  const dir = lower ? -1 : 1;
  let step = 0;
  for (; step + 1 < m; step += 2) {
    const i = lower ? m - 1 - step : step;
    const i2 = i + dir;
    const row = i * w;
    const end = row + w;
    const next = dir * w;
    // Row i also reads row i2, so that term goes first, with both diagonal scalings.
    const d = tri[i * m + i];
    const d2 = tri[i2 * m + i2];
    const link = tri[i * m + i2];
    for (let p = row; p < end; p++) {
      const x2 = P[p + next];
      P[p] = d * P[p] + link * x2;
      P[p + next] = d2 * x2;
    }
    // Rows both read: those beyond i2 in the reading direction.
    const kFrom = lower ? 0 : i + 2;
    const kTo = lower ? i - 1 : m;
    let k = kFrom;
    for (; k + 3 < kTo; k += 4) {
      const a0 = tri[i * m + k], a1 = tri[i * m + k + 1], a2 = tri[i * m + k + 2], a3 = tri[i * m + k + 3];
      const b0 = tri[i2 * m + k], b1 = tri[i2 * m + k + 1], b2 = tri[i2 * m + k + 2], b3 = tri[i2 * m + k + 3];
      const d0 = k * w - row;
      const e1 = d0 + w;
      const e2 = e1 + w;
      const e3 = e2 + w;
      for (let p = row; p < end; p++) {
        const x0 = P[p + d0], x1 = P[p + e1], x2 = P[p + e2], x3 = P[p + e3];
        P[p] += a0 * x0 + a1 * x1 + a2 * x2 + a3 * x3;
        P[p + next] += b0 * x0 + b1 * x1 + b2 * x2 + b3 * x3;
      }
    }
    for (; k < kTo; k++) {
      const a = tri[i * m + k];
      const b = tri[i2 * m + k];
      const dk = k * w - row;
      for (let p = row; p < end; p++) {
        const x = P[p + dk];
        P[p] += a * x;
        P[p + next] += b * x;
      }
    }
  }
  if (step < m) {
    // The last row when m is odd reads nothing but itself.
    const i = lower ? 0 : m - 1;
    const d = tri[i * m + i];
    if (d !== 1) for (let p = i * w, end = p + w; p < end; p++) P[p] *= d;
  }
}

/** B ← α·T·B in place, one column of B at a time (for few columns). */
function multiplyColumns<T extends FloatArray>(
  lower: boolean, unit: boolean, m: number, n: number, alpha: number,
  A: T, t1: number, t2: number, oa: number,
  B: T, b1: number, b2: number, ob: number,
): void {
  const td = t1 + t2;
  for (let j = 0; j < n; j++) {
    const col = ob + j * b2;
    // Each bₖ spreads into the rows it reaches before being overwritten itself.
    for (let step = 0; step < m; step++) {
      const k = lower ? m - 1 - step : step;
      const kb = col + k * b1;
      const t = alpha * B[kb];
      if (t !== 0) {
        if (lower) {
          for (let i = k + 1, ia = oa + k * td + t1, ib = kb + b1; i < m; i++, ia += t1, ib += b1) B[ib] += t * A[ia];
        } else {
          for (let i = 0, ia = oa + k * t2, ib = col; i < k; i++, ia += t1, ib += b1) B[ib] += t * A[ia];
        }
      }
      B[kb] = unit ? t : t * A[oa + k * td];
    }
  }
}
