/**
 * The singular value decomposition and what is built on it: svd, svdvals, pinv, matrixRank.
 *
 * A row-major copy of the M×N A is the N×M Aᵀ to LAPACK. gesdd of Aᵀ = U'·Σ·V'ᵀ gives
 * A = V'·Σ·U'ᵀ: A's U is V' and A's Vᵀ is U'ᵀ. U' written column-major is exactly A's Vᵀ in
 * row-major order, and V'ᵀ column-major is A's U row-major, so gesdd writes the results in place.
 * That is how square and wide matrices go. A tall A goes in column-major instead (one copy, as
 * the row-major one would be) and its factors are transposed back, because gesdd handles a tall
 * matrix faster than the wide transpose of it.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';
import { LinAlgError } from '../errors.js';
import { symmetric } from './eig.js';
import {
  NDArray, alloc, asMatrixStack, asSquareStack, booleanOption, assertFinite, blasFor, columnToRowMajor, epsOf, gatherColumnMajor,
  lapackFor, numberOption, optionsOf,
  resultDType, rowMajorCopy, scalarOrArray, stackShape, toNDArray, wrap, type ArrayInput, type DType,
  type StackShape,
} from './internal.js';
import { call, runSync, type Steps } from './steps.js';

/** The raw results of {@link decompose}: C-ordered buffers for the whole stack. @internal */
export interface SvdBuffers {
  readonly shape: StackShape;
  readonly dtype: DType;
  /** `count × k` singular values, descending per matrix. */
  readonly s: FloatArray;
  /** `count × M × uCols`, or null without vectors. */
  readonly u: FloatArray | null;
  /** `count × vtRows × N`, or null without vectors. */
  readonly vt: FloatArray | null;
  readonly uCols: number;
  readonly vtRows: number;
}

/** The SVD of every matrix of a validated stack. @internal */
export function* decompose(A: NDArray, job: 'A' | 'S' | 'N'): Steps<SvdBuffers> {
  const shape = stackShape(A);
  const { count, rows: m, cols: n } = shape;
  const k = Math.min(m, n);
  const dtype = resultDType(A);
  const uCols = job === 'A' ? m : k;
  const vtRows = job === 'A' ? n : k;
  const s = alloc(dtype, count * k);
  const u = job === 'N' ? null : alloc(dtype, count * m * uCols);
  const vt = job === 'N' ? null : alloc(dtype, count * vtRows * n);
  if (count === 0) return { shape, dtype, s, u, vt, uCols, vtRows };
  if (k === 0) {
    // No singular values; the full bases are identities.
    for (let t = 0; t < count; t++) {
      if (u !== null) for (let i = 0; i < uCols; i++) u[t * m * uCols + i * uCols + i] = 1;
      if (vt !== null) for (let i = 0; i < vtRows; i++) vt[t * vtRows * n + i * n + i] = 1;
    }
    return { shape, dtype, s, u, vt, uCols, vtRows };
  }
  const gesdd = lapackFor('gesdd', dtype, Math.max(m, n)).gesdd;
  const dummy = alloc(dtype, 1);
  if (m > n) {
    // gesdd is faster on a tall matrix than on the wide Aᵀ (its QR path over its LQ path), so a
    // tall A goes in column-major and its factors come back transposed into row-major order.
    const buf = gatherColumnMajor(A, alloc(dtype, A.size));
    assertFinite(buf);
    const uc = job === 'N' ? dummy : alloc(dtype, m * uCols);
    const vtc = job === 'N' ? dummy : alloc(dtype, vtRows * n);
    for (let t = 0; t < count; t++) {
      const info = job === 'N'
        ? yield call(gesdd, 'N', m, n, buf, m, t * m * n, s, t * k, dummy, 1, 0, dummy, 1, 0)
        : yield call(gesdd, job, m, n, buf, m, t * m * n, s, t * k, uc, m, 0, vtc, vtRows, 0);
      if (info > 0) throw new LinAlgError('SVD did not converge');
      if (job !== 'N') {
        columnToRowMajor(uc, 0, m, m, uCols, u!, t * m * uCols);
        columnToRowMajor(vtc, 0, vtRows, vtRows, n, vt!, t * vtRows * n);
      }
    }
    return { shape, dtype, s, u, vt, uCols, vtRows };
  }
  const buf = rowMajorCopy(A, dtype);
  assertFinite(buf);
  for (let t = 0; t < count; t++) {
    // gesdd of the N×M Aᵀ: its U (N×vtRows, ld N) is A's Vᵀ, its Vᵀ (uCols×M, ld uCols) is A's U.
    const info = job === 'N'
      ? yield call(gesdd, 'N', n, m, buf, n, t * m * n, s, t * k, dummy, 1, 0, dummy, 1, 0)
      : yield call(gesdd, job, n, m, buf, n, t * m * n, s, t * k, vt!, n, t * vtRows * n, u!, uCols, t * m * uCols);
    if (info > 0) throw new LinAlgError('SVD did not converge');
  }
  return { shape, dtype, s, u, vt, uCols, vtRows };
}

/**
 * The SVD of every matrix of a stack of symmetric matrices through their eigendecomposition
 * A = V·diag(λ)·Vᵀ: S = |λ| descending, U = V in that order, and the rows of Vᵀ carry the signs
 * of λ (+1 for λ = 0, where numpy leaves a zero row). @internal
 */
export function* decomposeHermitian(A: NDArray, vectors: boolean): Steps<SvdBuffers> {
  const square = asSquareStack(A, 'a');
  const shape = stackShape(square);
  const { count, rows: n } = shape;
  const { values, vectors: v } = yield* symmetric(square, 'L', vectors);
  const dtype = values.dtype;
  const lambda = values.data;
  const s = alloc(dtype, count * n);
  const u = vectors ? alloc(dtype, count * n * n) : null;
  const vt = vectors ? alloc(dtype, count * n * n) : null;
  const order = Array.from({ length: n }, (_, i) => i);
  for (let t = 0; t < count; t++) {
    const o = t * n;
    // Ties in |λ| go to the larger eigenvalue first, as numpy's reversed ascending order does.
    order.sort((i, j) => Math.abs(lambda[o + j]) - Math.abs(lambda[o + i]) || j - i);
    for (let i = 0; i < n; i++) {
      const src = order[i];
      const l = lambda[o + src];
      s[o + i] = Math.abs(l);
      if (u !== null && vt !== null && v !== null) {
        const sign = l < 0 ? -1 : 1;
        for (let r = 0; r < n; r++) {
          const x = v.data[t * n * n + r * n + src];
          u[t * n * n + r * n + i] = x;
          vt[t * n * n + i * n + r] = sign * x;
        }
      }
    }
  }
  return { shape, dtype, s, u, vt, uCols: n, vtRows: n };
}

/**
 * The singular value decomposition A = U·diag(S)·Vᵀ, as `numpy.linalg.svd`, of a matrix or a
 * stack of them (`[..., M, N]`, K = min(M, N)), by divide and conquer (gesdd).
 * - `fullMatrices: true` (default): U `[..., M, M]`, Vᵀ `[..., N, N]`;
 *   `false`: U `[..., M, K]`, Vᵀ `[..., K, N]`.
 * - S `[..., K]` is descending.
 * - `computeUV: false` returns S alone (an NDArray), as numpy does.
 * - `hermitian: true` takes `a` as symmetric (its lower triangle is read) and computes the SVD
 *   from the eigendecomposition, which is faster.
 *
 * Throws {@link LinAlgError} for infinite or NaN input and when the iteration does not converge
 * (`'SVD did not converge'`).
 *
 * @throws TypeError when `a` is not an NDArray, nested arrays of numbers or a
 *  Float64Array/Float32Array, holds anything but numbers (holes, strings, booleans, BigInt,
 *  objects), or its buffer was detached
 * @throws TypeError when `options` is not an object, names an unknown option, or `fullMatrices`,
 *  `computeUV` or `hermitian` is not a boolean
 * @throws RangeError when `a` has fewer than two dimensions or more than 2³¹ − 1 elements, or is
 *  not square with `hermitian: true`
 * @throws LinAlgError `'Array must not contain infs or NaNs'`, or `'SVD did not converge'`
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * const { u, s, vt } = linalg.svd(array([[3, 0], [0, 4], [0, 0]]));
 * s.toArray(); // [4, 3]; u is 3x3, vt is 2x2
 * const thin = linalg.svd(array([[3, 0], [0, 4], [0, 0]]), { fullMatrices: false }); // u is 3x2
 * const values = linalg.svd(array([[3, 0], [0, 4]]), { computeUV: false }); // NDArray [4, 3]
 * ```
 */
export function svd(a: ArrayInput, options: { fullMatrices?: boolean; computeUV: false; hermitian?: boolean }): NDArray;
export function svd(
  a: ArrayInput, options?: { fullMatrices?: boolean; computeUV?: true; hermitian?: boolean },
): { u: NDArray; s: NDArray; vt: NDArray };
export function svd(
  a: ArrayInput, options?: { fullMatrices?: boolean; computeUV?: boolean; hermitian?: boolean },
): { u: NDArray; s: NDArray; vt: NDArray } | NDArray;
export function svd(
  a: ArrayInput, options?: { fullMatrices?: boolean; computeUV?: boolean; hermitian?: boolean },
): { u: NDArray; s: NDArray; vt: NDArray } | NDArray {
  return runSync(svdSteps(a, options));
}

/** {@link svd}, as kernel steps. @internal */
export function* svdSteps(a: unknown, options: unknown): Steps<{ u: NDArray; s: NDArray; vt: NDArray } | NDArray> {
  const A = asMatrixStack(a, 'a');
  const opts = optionsOf<{ fullMatrices: boolean; computeUV: boolean; hermitian: boolean }>(options, ['fullMatrices', 'computeUV', 'hermitian']);
  const fullMatrices = opts.fullMatrices ?? true;
  const computeUV = opts.computeUV ?? true;
  const hermitian = booleanOption(opts.hermitian, 'options.hermitian');
  if (typeof fullMatrices !== 'boolean') throw new TypeError(`options.fullMatrices: expected a boolean, got ${typeof fullMatrices}`);
  if (typeof computeUV !== 'boolean') throw new TypeError(`options.computeUV: expected a boolean, got ${typeof computeUV}`);
  const r = hermitian ? yield* decomposeHermitian(A, computeUV) : yield* decompose(A, computeUV ? (fullMatrices ? 'A' : 'S') : 'N');
  const { batch, rows: m, cols: n } = r.shape;
  const s = wrap(r.s, [...batch, Math.min(m, n)]);
  if (!computeUV) return s;
  return { u: wrap(r.u!, [...batch, m, r.uCols]), s, vt: wrap(r.vt!, [...batch, r.vtRows, n]) };
}

/**
 * The singular values of a matrix or of each matrix of a stack, descending, as
 * `numpy.linalg.svdvals` (the same as `svd(a, { computeUV: false })`).
 *
 * @throws TypeError when `a` is not an NDArray, nested arrays of numbers or a
 *  Float64Array/Float32Array, holds anything but numbers (holes, strings, booleans, BigInt,
 *  objects), or its buffer was detached
 * @throws RangeError when `a` has fewer than two dimensions or more than 2³¹ − 1 elements
 * @throws LinAlgError `'Array must not contain infs or NaNs'`, or `'SVD did not converge'`
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * linalg.svdvals(array([[0, 2], [1, 0]])).toArray(); // [2, 1]
 * ```
 */
export function svdvals(a: ArrayInput): NDArray {
  return runSync(svdvalsSteps(a));
}

/** {@link svdvals}, as kernel steps. @internal */
export function* svdvalsSteps(a: unknown): Steps<NDArray> {
  return (yield* svdSteps(a, { computeUV: false })) as NDArray;
}

/**
 * The Moore-Penrose pseudo-inverse, as `numpy.linalg.pinv`, of a matrix or a stack
 * (`[..., M, N]` gives `[..., N, M]`): V·diag(1/S)·Uᵀ from the SVD, with singular values at
 * or below `rtol · max(S)` treated as zero. `rtol` defaults to numpy's 1e-15. `hermitian: true`
 * takes `a` as symmetric and works from its eigendecomposition.
 *
 * @throws TypeError when `a` is not an NDArray, nested arrays of numbers or a
 *  Float64Array/Float32Array, holds anything but numbers (holes, strings, booleans, BigInt,
 *  objects), or its buffer was detached
 * @throws TypeError when `options` is not an object, names an unknown option, or `rtol` is not a
 *  number or `hermitian` not a boolean
 * @throws RangeError when `a` has fewer than two dimensions or more than 2³¹ − 1 elements, is not
 *  square with `hermitian: true`, or `rtol` is NaN
 * @throws LinAlgError `'Array must not contain infs or NaNs'`, or `'SVD did not converge'`
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * linalg.pinv(array([[1, 0], [0, 0]])).toArray(); // [[1, 0], [0, 0]]
 * linalg.pinv(array([[1], [1]])).toArray(); // [[0.5, 0.5]]
 * ```
 */
export function pinv(a: ArrayInput, options?: { rtol?: number; hermitian?: boolean }): NDArray {
  return runSync(pinvSteps(a, options));
}

/** {@link pinv}, as kernel steps. @internal */
export function* pinvSteps(a: unknown, options: unknown): Steps<NDArray> {
  const A = asMatrixStack(a, 'a');
  const opts = optionsOf<{ rtol: number; hermitian: boolean }>(options, ['rtol', 'hermitian']);
  const rtol = numberOption(opts.rtol, 'options.rtol', 1e-15);
  const hermitian = booleanOption(opts.hermitian, 'options.hermitian');
  const { batch, count, rows: m, cols: n } = stackShape(A);
  const dtype = resultDType(A);
  const out = alloc(dtype, count * n * m);
  const k = Math.min(m, n);
  if (count === 0 || k === 0) return wrap(out, [...batch, n, m]);
  const { s, u, vt } = hermitian ? yield* decomposeHermitian(A, true) : yield* decompose(A, 'S');
  const gemm = blasFor('gemm', dtype, Math.max(m, n)).gemm;
  for (let t = 0; t < count; t++) {
    const so = t * k;
    const cutoff = rtol * s[so];
    const vo = t * k * n;
    // Scale row i of Vᵀ by 1/sᵢ (or 0), then pinv = (scaled Vᵀ)ᵀ·Uᵀ.
    for (let i = 0; i < k; i++) {
      const si = s[so + i];
      const f = si > cutoff ? 1 / si : 0;
      for (let j = 0; j < n; j++) vt![vo + i * n + j] *= f;
    }
    // op(A) = Vᵀᵀ (N×K) read from the K×N row-major block with strides (1, N); op(B) = Uᵀ
    // (K×M) read from the M×K row-major block with strides (1, K).
    yield call(gemm, 'N', 'N', n, m, k, 1, vt!, 1, n, vo, u!, 1, k, t * m * k, 0, out, m, 1, t * n * m);
  }
  return wrap(out, [...batch, n, m]);
}

/**
 * The rank of a matrix (or of each matrix of a stack) by the SVD, as `numpy.linalg.matrix_rank`:
 * the number of singular values above `tol`, which defaults to `S.max() · rtol` with
 * `rtol = max(M, N) · eps` of the dtype. For a 0-d or 1-d input: 1 unless every element is zero.
 * `hermitian: true` takes `a` as symmetric and counts |eigenvalues| instead. A number for a
 * matrix, an NDArray for a stack.
 *
 * @throws TypeError when `a` is not an NDArray, nested arrays of numbers or a
 *  Float64Array/Float32Array, holds anything but numbers (holes, strings, booleans, BigInt,
 *  objects), or its buffer was detached
 * @throws TypeError when `options` is not an object, names an unknown option, or `tol` or `rtol` is
 *  not a number, or `hermitian` not a boolean
 * @throws RangeError when `a` has more than 2³¹ − 1 elements, is not square with `hermitian: true`,
 *  or `tol` or `rtol` is NaN
 * @throws LinAlgError `'Array must not contain infs or NaNs'`, or `'SVD did not converge'`
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * linalg.matrixRank(array([[1, 2], [2, 4]])); // 1
 * linalg.matrixRank(array([[1, 2], [3, 4]])); // 2
 * ```
 */
export function matrixRank(a: ArrayInput, options?: { tol?: number; rtol?: number; hermitian?: boolean }): number | NDArray {
  return runSync(matrixRankSteps(a, options));
}

/** {@link matrixRank}, as kernel steps. @internal */
export function* matrixRankSteps(a: unknown, options: unknown): Steps<number | NDArray> {
  const A = toNDArray(a, 'a');
  const opts = optionsOf<{ tol: number; rtol: number; hermitian: boolean }>(options, ['tol', 'rtol', 'hermitian']);
  const hermitian = booleanOption(opts.hermitian, 'options.hermitian');
  const tol = numberOption(opts.tol, 'options.tol', NaN);
  if (A.ndim < 2) {
    const data = rowMajorCopy(A, 'float64');
    return data.some((v) => v !== 0) ? 1 : 0;
  }
  const { batch, count, rows: m, cols: n } = stackShape(A);
  const dtype = resultDType(A);
  const rtol = numberOption(opts.rtol, 'options.rtol', Math.max(m, n) * epsOf(dtype));
  const k = Math.min(m, n);
  const ranks = new Float64Array(count);
  if (count > 0 && k > 0) {
    const { s } = hermitian ? yield* decomposeHermitian(A, false) : yield* decompose(A, 'N');
    for (let t = 0; t < count; t++) {
      const threshold = Number.isNaN(tol) ? s[t * k] * rtol : tol;
      let r = 0;
      for (let i = 0; i < k; i++) if (s[t * k + i] > threshold) r++;
      ranks[t] = r;
    }
  }
  return scalarOrArray(ranks, batch);
}
