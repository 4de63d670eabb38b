/**
 * Level 3: triangular solve with many right-hand sides.
 *
 * @module
 */
import type { Diag, FloatArray, Side, Trans, Uplo } from '@polyblas/contract';
import { scal } from '../level1/scal.js';
import { trsv } from '../level2/trsv.js';
import { gemm } from './gemm.js';
import { fromLeft } from './triangular.js';

/** Triangles up to this order are solved by substitution loops; larger ones split in two. */
const BLOCK = 32;
/** Below this many right-hand sides, one `trsv` per column beats matrix-multiply updates. */
const FEW_RHS = 12;

/**
 * `trsm`: B ← α·op(A)⁻¹·B (side `'L'`, A M×M) or B ← α·B·op(A)⁻¹ (side `'R'`, A N×N), with A
 * triangular and B M×N overwritten. There is no singularity test. When α is 0, B is set to zero
 * without being read.
 *
 * Every case is first reduced to B ← α·T⁻¹·B from the left with T lower or upper triangular (a
 * right-side solve is the left-side solve of Bᵀ; op(A) = Aᵀ is A with swapped strides). The
 * triangle is then split recursively: the two half-size solves recurse, and the coupling block
 * is one `gemm`, so large solves run at nearly the speed of the matrix multiply. A few
 * right-hand sides are solved one by one with `trsv` instead.
 *
 * @example
 * ```ts
 * import { blasKernels } from '@polyblas/backend-js';
 * const trsm = blasKernels.dtrsm;
 * const A = new Float64Array([2, 0, 0, 4]), B = new Float64Array([2, 8]);
 * trsm('L', 'U', 'N', 'N', 2, 1, 1, A, 2, 1, 0, B, 1, 1, 0); // B = [1, 2]
 * ```
 */
export function trsm<T extends FloatArray>(
  side: Side, uplo: Uplo, transA: Trans, diag: Diag, M: number, N: number, alpha: number,
  A: T, strideA1: number, strideA2: number, offsetA: number,
  B: T, strideB1: number, strideB2: number, offsetB: number,
): void {
  fromLeft(solve, side, uplo, transA, diag, M, N, alpha, A, strideA1, strideA2, offsetA, B, strideB1, strideB2, offsetB);
}

/** B ← α·T⁻¹·B with T m×m triangular (strides t1, t2) and B m×n: by columns or recursively. */
function solve<T extends FloatArray>(
  lower: boolean, unit: boolean, m: number, n: number, alpha: number,
  A: T, t1: number, t2: number, oa: number,
  B: T, b1: number, b2: number, ob: number,
): void {
  if (n >= FEW_RHS || m <= BLOCK) {
    solveLeft(lower, unit, m, n, alpha, A, t1, t2, oa, B, b1, b2, ob);
    return;
  }
  for (let j = 0; j < n; j++) {
    scal(m, alpha, B, b1, ob + j * b2);
    trsv(lower ? 'L' : 'U', 'N', unit ? 'U' : 'N', m, A, t1, t2, oa, B, b1, ob + j * b2);
  }
}

/** B ← α·T⁻¹·B, splitting T recursively. */
function solveLeft<T extends FloatArray>(
  lower: boolean, unit: boolean, m: number, n: number, alpha: number,
  A: T, t1: number, t2: number, oa: number,
  B: T, b1: number, b2: number, ob: number,
): void {
  if (m <= BLOCK) {
    solveSmall(lower, unit, m, n, alpha, A, t1, t2, oa, B, b1, b2, ob);
    return;
  }
  // Keep the first part a whole number of blocks so the leaves are full-sized.
  const m1 = BLOCK * Math.ceil(m / BLOCK / 2);
  const m2 = m - m1;
  if (lower) {
    // [T11 0; T21 T22]: X1 = α·T11⁻¹B1, then T22·X2 = αB2 − T21·X1.
    solveLeft(lower, unit, m1, n, alpha, A, t1, t2, oa, B, b1, b2, ob);
    gemm('N', 'N', m2, n, m1, -1, A, t1, t2, oa + m1 * t1, B, b1, b2, ob, alpha, B, b1, b2, ob + m1 * b1);
    solveLeft(lower, unit, m2, n, 1, A, t1, t2, oa + m1 * (t1 + t2), B, b1, b2, ob + m1 * b1);
  } else {
    // [T11 T12; 0 T22]: X2 = α·T22⁻¹B2, then T11·X1 = αB1 − T12·X2.
    solveLeft(lower, unit, m2, n, alpha, A, t1, t2, oa + m1 * (t1 + t2), B, b1, b2, ob + m1 * b1);
    gemm('N', 'N', m1, n, m2, -1, A, t1, t2, oa + m1 * t2, B, b1, b2, ob + m1 * b1, alpha, B, b1, b2, ob);
    solveLeft(lower, unit, m1, n, 1, A, t1, t2, oa, B, b1, b2, ob);
  }
}

/** Below this many right-hand sides a small triangle is solved in place, column by column. */
const FEW_COLUMNS = 8;
/** Right-hand sides staged at a time: a BLOCK×PANEL double panel stays in the L2 cache. */
const PANEL = 512;

/**
 * Substitution for a small triangle. With many right-hand sides, panels of B are copied into a
 * contiguous row-major double buffer, so the work is long unit-stride row updates (two rows
 * updated from four solved rows per sweep) on one array type whatever the layout and precision
 * of B.
 */
function solveSmall<T extends FloatArray>(
  lower: boolean, unit: boolean, m: number, n: number, alpha: number,
  A: T, t1: number, t2: number, oa: number,
  B: T, b1: number, b2: number, ob: number,
): void {
  if (n < FEW_COLUMNS) {
    solveColumns(lower, unit, m, n, alpha, A, t1, t2, oa, B, b1, b2, ob);
    return;
  }
  // The triangle, row-major, with the reciprocals of its diagonal on the diagonal.
  const tri = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    const kFrom = lower ? 0 : i + 1;
    const kTo = lower ? i : m;
    for (let k = kFrom; k < kTo; k++) tri[i * m + k] = A[oa + i * t1 + k * t2];
    tri[i * m + i] = unit ? 1 : 1 / A[oa + i * (t1 + t2)];
  }
  const width = Math.min(n, PANEL);
  const panel = new Float64Array(m * width);
  for (let j0 = 0; j0 < n; j0 += width) {
    const w = Math.min(width, n - j0);
    const first = ob + j0 * b2;
    for (let i = 0; i < m; i++) {
      for (let j = 0, ib = first + i * b1, ip = i * w; j < w; j++, ib += b2, ip++) panel[ip] = alpha * B[ib];
    }
    solvePanel(lower, unit, m, w, tri, panel);
    for (let i = 0; i < m; i++) {
      for (let j = 0, ib = first + i * b1, ip = i * w; j < w; j++, ib += b2, ip++) B[ib] = panel[ip];
    }
  }
}

/**
 * Solves tri·X = P in place for the row-major m×w panel P (tri as built by solveSmall). Rows are
 * solved in pairs, so each solved row loaded from memory serves both rows of the pair.
 */
function solvePanel(lower: boolean, unit: boolean, m: number, w: number, tri: Float64Array, P: Float64Array): void {
  const dir = lower ? 1 : -1;
  let step = 0;
  for (; step + 1 < m; step += 2) {
    // Rows i and i2 = the next one in solving order; both depend on the rows in [kFrom, kTo).
    const i = lower ? step : m - 1 - step;
    const i2 = i + dir;
    const row = i * w;
    const end = row + w;
    const next = dir * w;
    const kFrom = lower ? 0 : i + 1;
    const kTo = lower ? i : m;
    let k = kFrom;
    for (; k + 3 < kTo; k += 4) {
      const a0 = tri[i * m + k], a1 = tri[i * m + k + 1], a2 = tri[i * m + k + 2], a3 = tri[i * m + k + 3];
      const b0 = tri[i2 * m + k], b1 = tri[i2 * m + k + 1], b2 = tri[i2 * m + k + 2], b3 = tri[i2 * m + k + 3];
      const d0 = k * w - row;
      const d1 = d0 + w;
      const d2 = d1 + w;
      const d3 = d2 + w;
      for (let p = row; p < end; p++) {
        const x0 = P[p + d0], x1 = P[p + d1], x2 = P[p + d2], x3 = P[p + d3];
        P[p] -= a0 * x0 + a1 * x1 + a2 * x2 + a3 * x3;
        P[p + next] -= b0 * x0 + b1 * x1 + b2 * x2 + b3 * x3;
      }
    }
    for (; k < kTo; k++) {
      const a = tri[i * m + k];
      const b = tri[i2 * m + k];
      const d = k * w - row;
      for (let p = row; p < end; p++) {
        const x = P[p + d];
        P[p] -= a * x;
        P[p + next] -= b * x;
      }
    }
    // Finish row i, then remove it from row i2 and finish that.
    const r = unit ? 1 : tri[i * m + i];
    const r2 = unit ? 1 : tri[i2 * m + i2];
    const link = tri[i2 * m + i];
    for (let p = row; p < end; p++) {
      const x = P[p] * r;
      P[p] = x;
      P[p + next] = (P[p + next] - link * x) * r2;
    }
  }
  if (step < m) {
    // The last row when m is odd.
    const i = lower ? m - 1 : 0;
    const row = i * w;
    const end = row + w;
    const kFrom = lower ? 0 : 1;
    const kTo = lower ? m - 1 : m;
    for (let k = kFrom; k < kTo; k++) {
      const t = tri[i * m + k];
      const d = k * w - row;
      for (let p = row; p < end; p++) P[p] -= t * P[p + d];
    }
    if (!unit) {
      const r = tri[i * m + i];
      for (let p = row; p < end; p++) P[p] *= r;
    }
  }
}

/** Substitution in place, one column of B at a time (for few right-hand sides). */
function solveColumns<T extends FloatArray>(
  lower: boolean, unit: boolean, m: number, n: number, alpha: number,
  A: T, t1: number, t2: number, oa: number,
  B: T, b1: number, b2: number, ob: number,
): void {
  const td = t1 + t2;
  for (let j = 0; j < n; j++) {
    const col = ob + j * b2;
    if (alpha !== 1) for (let i = 0, ib = col; i < m; i++, ib += b1) B[ib] *= alpha;
    if (lower) {
      for (let k = 0; k < m; k++) {
        const kb = col + k * b1;
        let t = B[kb];
        if (!unit) B[kb] = t /= A[oa + k * td];
        if (t === 0) continue;
        for (let i = k + 1, ia = oa + k * td + t1, ib = kb + b1; i < m; i++, ia += t1, ib += b1) B[ib] -= t * A[ia];
      }
    } else {
      for (let k = m - 1; k >= 0; k--) {
        const kb = col + k * b1;
        let t = B[kb];
        if (!unit) B[kb] = t /= A[oa + k * td];
        if (t === 0) continue;
        for (let i = 0, ia = oa + k * t2, ib = col; i < k; i++, ia += t1, ib += b1) B[ib] -= t * A[ia];
      }
    }
  }
}
