/**
 * Least squares through the SVD (gelsd).
 *
 * @module
 */
import { LinAlgError } from '../errors.js';
import {
  NDArray, alloc, assertFinite, epsOf, gatherColumnMajor, lapackFor, numberOption, optionsOf, resultDType,
  rowMajorCopy, safeExponent, scaleByPowerOfTwo, shapeError, toNDArray, wrap, type ArrayInput,
} from './internal.js';
import { call, runSync, type Steps } from './steps.js';

/**
 * What {@link lstsq} returns.
 *
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * const fit: linalg.LstsqResult = linalg.lstsq(array([[1, 0], [1, 1], [1, 2]]), array([1, 2, 3]));
 * fit.rank; // 2
 * ```
 */
export interface LstsqResult {
  /** The minimum-norm least-squares solution: `[N]` for a vector b, `[N, K]` for a matrix b. */
  readonly x: NDArray;
  /**
   * Squared Euclidean norms of the residual columns b − A·x, `[K]` (`[1]` for a vector b), when
   * rank = N and M > N; otherwise an empty array.
   */
  readonly residuals: NDArray;
  /** The effective rank of a. */
  readonly rank: number;
  /** The singular values of a, descending, `[min(M, N)]`. */
  readonly s: NDArray;
}

/**
 * The least-squares solution of A·x ≈ b with the smallest norm, as `numpy.linalg.lstsq`, by the
 * SVD. `a` is an M×N matrix and `b` a vector `[M]` or a matrix `[M, K]`. Singular values at or
 * below `rcond · max(S)` count as zero; `rcond` defaults to `eps · max(M, N)` of the dtype (pass
 * -1 for machine precision). Throws {@link LinAlgError} for infinite or NaN input and when the SVD
 * does not converge.
 *
 * @throws TypeError when `a` or `b` is not an NDArray, nested arrays of numbers or a
 *  Float64Array/Float32Array, holds anything but numbers (holes, strings, booleans, BigInt,
 *  objects), or its buffer was detached
 * @throws TypeError when `options` is not an object, names an unknown option, or `rcond` is not a
 *  number
 * @throws RangeError when `a` is not a matrix, `b` is not a vector or matrix with `a`'s row count,
 *  an input has more than 2³¹ − 1 elements, or `rcond` is NaN
 * @throws LinAlgError `'Array must not contain infs or NaNs'`, or `'SVD did not converge in Linear
 *  Least Squares'`
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * // Fit y = c0 + c1·t through (0, 1), (1, 2), (2, 3.1)
 * const { x, residuals, rank, s } = linalg.lstsq(array([[1, 0], [1, 1], [1, 2]]), array([1, 2, 3.1]));
 * x.toArray(); // ≈ [0.9833, 1.05]; rank = 2; residuals ≈ [0.001667]
 * ```
 */
export function lstsq(a: ArrayInput, b: ArrayInput, options?: { rcond?: number }): LstsqResult {
  return runSync(lstsqSteps(a, b, options));
}

/** {@link lstsq}, as kernel steps. @internal */
export function* lstsqSteps(a: unknown, b: unknown, options: unknown): Steps<LstsqResult> {
  const A = toNDArray(a, 'a');
  const B = toNDArray(b, 'b');
  if (A.ndim !== 2) shapeError('a', 'a matrix (two dimensions)', A.shape);
  const [m, n] = A.shape as [number, number];
  if (B.ndim !== 1 && B.ndim !== 2) shapeError('b', 'a vector or a matrix', B.shape);
  if (B.shape[0] !== m) shapeError('b', `${m} rows to match a of shape [${m}, ${n}]`, B.shape);
  const isVector = B.ndim === 1;
  const k = isVector ? 1 : B.shape[1];
  const dtype = resultDType(A, B);
  const rcond = numberOption(optionsOf<{ rcond: number }>(options, ['rcond']).rcond, 'options.rcond', epsOf(dtype) * Math.max(m, n));
  const minMN = Math.min(m, n);
  const x = alloc(dtype, n * k);
  const s = alloc(dtype, minMN);
  let rank = 0;

  const aRows = rowMajorCopy(A, 'float64');
  const bRows = rowMajorCopy(isVector ? new NDArray(B.data, [m, 1], [B.strides[0], 1], B.offset) : B, 'float64');
  assertFinite(aRows);
  assertFinite(bRows);
  if (minMN > 0) {
    const lda = Math.max(1, m);
    const ldb = Math.max(1, m, n);
    // gelsd needs at least one right-hand side to report the rank and singular values.
    const nrhs = Math.max(k, 1);
    const work = gatherColumnMajor(A, alloc(dtype, m * n));
    const rhs = alloc(dtype, ldb * nrhs);
    for (let j = 0; j < k; j++) for (let i = 0; i < m; i++) rhs[i + j * ldb] = bRows[i * k + j];
    // Entries near the ends of the double range overflow or underflow inside some gelsd
    // implementations (the TypeScript one returned NaN for entries of 1e308): bring A and B into a
    // safe range by exact powers of two, as LAPACK's own gelsd does, and scale the results back.
    const ea = safeExponent(aRows, 0, aRows.length, dtype);
    const eb = safeExponent(bRows, 0, bRows.length, dtype);
    scaleByPowerOfTwo(work, 0, m * n, ea);
    scaleByPowerOfTwo(rhs, 0, rhs.length, eb);
    const rankOut = new Int32Array(1);
    const gelsd = lapackFor('gelsd', dtype, Math.max(m, n)).gelsd;
    if ((yield call(gelsd, m, n, nrhs, work, lda, 0, rhs, ldb, 0, s, 0, rcond, rankOut, 0)) > 0) {
      throw new LinAlgError('SVD did not converge in Linear Least Squares');
    }
    rank = rankOut[0];
    for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) x[i * k + j] = rhs[i + j * ldb];
    // A·x = B became (2^ea·A)·(2^(eb−ea)·x) = 2^eb·B.
    scaleByPowerOfTwo(x, 0, n * k, ea - eb);
    scaleByPowerOfTwo(s, 0, minMN, -ea);
  }

  // Residuals from the data itself, so they do not depend on what a backend leaves in B.
  let residuals = alloc(dtype, 0);
  if (rank === n && m > n) {
    residuals = alloc(dtype, k);
    for (let j = 0; j < k; j++) {
      let sum = 0;
      for (let i = 0; i < m; i++) {
        let r = bRows[i * k + j];
        for (let p = 0; p < n; p++) r -= aRows[i * n + p] * x[p * k + j];
        sum += r * r;
      }
      residuals[j] = sum;
    }
  }
  return {
    x: wrap(x, isVector ? [n] : [n, k]),
    residuals: wrap(residuals, [residuals.length]),
    rank,
    s: wrap(s, [minMN]),
  };
}
