/**
 * LAPACK routines in kernel form, in the Fortran convention that OpenBLAS, Accelerate and
 * reference LAPACK share: matrices are column-major with a leading dimension, so element (i, j)
 * of `A` is `A[offsetA + i + j * lda]`, and `lda >= max(1, rows)`.
 *
 * Each routine returns LAPACK's `info`: 0 on success, `i > 0` for a numerical failure (a zero
 * pivot, a leading minor that is not positive definite, no convergence) as the reference LAPACK
 * documents for that routine. Workspace is the backend's business and never appears here.
 * Pivot indices (`ipiv`) are 1-based, as in Fortran, so native backends pass them through.
 *
 * @module
 */
import type { EigJob, FloatArray, Side, SvdJob, Trans, Uplo } from './types.js';

/**
 * `getrf`: LU factorisation with partial pivoting, A = P·L·U, overwriting the M×N A with L
 * (unit diagonal, not stored) and U; `ipiv[offsetIpiv + i]` (1-based) is the row swapped with row
 * `i + 1`. Returns `info > 0` when U(info, info) is exactly zero (the factorisation is still
 * complete).
 *
 * @example
 * ```ts
 * import type { Getrf } from '@polyblas/contract';
 * declare const dgetrf: Getrf<Float64Array>;
 * const A = new Float64Array([1, 3, 2, 4]); // [[1, 2], [3, 4]] column-major
 * const ipiv = new Int32Array(2);
 * dgetrf(2, 2, A, 2, 0, ipiv, 0); // 0; ipiv = [2, 2]
 * ```
 */
export type Getrf<T extends FloatArray> = (
  M: number, N: number, A: T, lda: number, offsetA: number, ipiv: Int32Array, offsetIpiv: number,
) => number;

/**
 * `getrs`: solves op(A)·X = B with the LU factors from `getrf`; B (N×nrhs) is overwritten by X.
 *
 * @example
 * ```ts
 * import type { Getrs } from '@polyblas/contract';
 * declare const dgetrs: Getrs<Float64Array>;
 * // after dgetrf(n, n, A, n, 0, ipiv, 0):
 * // dgetrs('N', n, 1, A, n, 0, ipiv, 0, b, n, 0);
 * ```
 */
export type Getrs<T extends FloatArray> = (
  trans: Trans, N: number, nrhs: number, A: T, lda: number, offsetA: number,
  ipiv: Int32Array, offsetIpiv: number, B: T, ldb: number, offsetB: number,
) => number;

/**
 * `getri`: overwrites the LU factors from `getrf` with A⁻¹. Returns `info > 0` when A is singular.
 *
 * @example
 * ```ts
 * import type { Getri } from '@polyblas/contract';
 * declare const dgetri: Getri<Float64Array>;
 * // after dgetrf(n, n, A, n, 0, ipiv, 0) === 0:
 * // dgetri(n, A, n, 0, ipiv, 0); // A now holds the inverse
 * ```
 */
export type Getri<T extends FloatArray> = (
  N: number, A: T, lda: number, offsetA: number, ipiv: Int32Array, offsetIpiv: number,
) => number;

/**
 * `potrf`: Cholesky factorisation of a symmetric positive definite N×N A: A = L·Lᵀ (`'L'`) or
 * Uᵀ·U (`'U'`), overwriting that triangle. Returns `info > 0` when the leading minor of order
 * `info` is not positive definite.
 *
 * @example
 * ```ts
 * import type { Potrf } from '@polyblas/contract';
 * declare const dpotrf: Potrf<Float64Array>;
 * const A = new Float64Array([4, 2, 2, 5]);
 * dpotrf('L', 2, A, 2, 0); // 0; lower triangle = [[2, 0], [1, 2]]
 * ```
 */
export type Potrf<T extends FloatArray> = (uplo: Uplo, N: number, A: T, lda: number, offsetA: number) => number;

/**
 * `potrs`: solves A·X = B with the Cholesky factor from `potrf`; B (N×nrhs) is overwritten by X.
 *
 * @example
 * ```ts
 * import type { Potrs } from '@polyblas/contract';
 * declare const dpotrs: Potrs<Float64Array>;
 * // after dpotrf('L', n, A, n, 0) === 0:
 * // dpotrs('L', n, 1, A, n, 0, b, n, 0);
 * ```
 */
export type Potrs<T extends FloatArray> = (
  uplo: Uplo, N: number, nrhs: number, A: T, lda: number, offsetA: number, B: T, ldb: number, offsetB: number,
) => number;

/**
 * `geqrf`: Householder QR of the M×N A. R overwrites the upper triangle; the reflectors
 * H(i) = I − τᵢ·vᵢ·vᵢᵀ (vᵢ(i) = 1 implicit, the rest below the diagonal) and
 * `tau[offsetTau + i]`, for i < min(M, N), represent Q = H(1)·H(2)···H(k).
 *
 * @example
 * ```ts
 * import type { Geqrf } from '@polyblas/contract';
 * declare const dgeqrf: Geqrf<Float64Array>;
 * const A = new Float64Array([3, 4]); // 2x1
 * const tau = new Float64Array(1);
 * dgeqrf(2, 1, A, 2, 0, tau, 0); // R = [[-5]] (sign as LAPACK chooses)
 * ```
 */
export type Geqrf<T extends FloatArray> = (
  M: number, N: number, A: T, lda: number, offsetA: number, tau: T, offsetTau: number,
) => number;

/**
 * `orgqr`: overwrites the M×N A (M ≥ N ≥ K), holding K reflectors from `geqrf`, with the first N
 * columns of Q.
 *
 * @example
 * ```ts
 * import type { Orgqr } from '@polyblas/contract';
 * declare const dorgqr: Orgqr<Float64Array>;
 * // after dgeqrf(m, n, A, m, 0, tau, 0):
 * // dorgqr(m, n, n, A, m, 0, tau, 0); // A = thin Q
 * ```
 */
export type Orgqr<T extends FloatArray> = (
  M: number, N: number, K: number, A: T, lda: number, offsetA: number, tau: T, offsetTau: number,
) => number;

/**
 * `ormqr`: C ← op(Q)·C (side `'L'`) or C·op(Q) (side `'R'`), with Q given by K reflectors from
 * `geqrf` (A is M×K for `'L'`, N×K for `'R'`); C is M×N.
 *
 * @example
 * ```ts
 * import type { Ormqr } from '@polyblas/contract';
 * declare const dormqr: Ormqr<Float64Array>;
 * // Qᵀb for least squares, after dgeqrf(m, n, A, m, 0, tau, 0):
 * // dormqr('L', 'T', m, 1, n, A, m, 0, tau, 0, b, m, 0);
 * ```
 */
export type Ormqr<T extends FloatArray> = (
  side: Side, trans: Trans, M: number, N: number, K: number,
  A: T, lda: number, offsetA: number, tau: T, offsetTau: number, C: T, ldc: number, offsetC: number,
) => number;

/**
 * `gesdd`: singular value decomposition A = U·Σ·Vᵀ of the M×N A (destroyed). `s` receives the
 * min(M, N) singular values in descending order. `jobz`: `'A'` all of U (M×M) and Vᵀ (N×N); `'S'`
 * the thin U (M×k) and Vᵀ (k×N), k = min(M, N); `'N'` values only (U and VT are not referenced).
 * Returns `info > 0` when the iteration did not converge.
 *
 * @example
 * ```ts
 * import type { Gesdd } from '@polyblas/contract';
 * declare const dgesdd: Gesdd<Float64Array>;
 * const A = new Float64Array([3, 0, 0, 4]);
 * const s = new Float64Array(2), U = new Float64Array(4), VT = new Float64Array(4);
 * dgesdd('A', 2, 2, A, 2, 0, s, 0, U, 2, 0, VT, 2, 0); // s = [4, 3]
 * ```
 */
export type Gesdd<T extends FloatArray> = (
  jobz: SvdJob, M: number, N: number, A: T, lda: number, offsetA: number, s: T, offsetS: number,
  U: T, ldu: number, offsetU: number, VT: T, ldvt: number, offsetVT: number,
) => number;

/**
 * `syevd`: eigenvalues (ascending, into `w`) and, for `jobz = 'V'`, orthonormal eigenvectors
 * (overwriting A, column j for w[j]) of the symmetric N×N A, of which the `uplo` triangle is read.
 * Returns `info > 0` when the iteration did not converge.
 *
 * @example
 * ```ts
 * import type { Syevd } from '@polyblas/contract';
 * declare const dsyevd: Syevd<Float64Array>;
 * const A = new Float64Array([2, 1, 1, 2]), w = new Float64Array(2);
 * dsyevd('V', 'L', 2, A, 2, 0, w, 0); // w = [1, 3]
 * ```
 */
export type Syevd<T extends FloatArray> = (
  jobz: EigJob, uplo: Uplo, N: number, A: T, lda: number, offsetA: number, w: T, offsetW: number,
) => number;

/**
 * `geev`: eigenvalues (wr + i·wi) and, optionally, left and right eigenvectors of the general N×N
 * A (destroyed). Complex conjugate pairs are consecutive, positive imaginary part first; their
 * vectors use LAPACK's packing: for a pair at j, j+1, column j holds the real part and column j+1
 * the imaginary part of the vector for wr[j] + i·wi[j]. Each vector has Euclidean norm 1 and
 * largest component real. Returns `info > 0` when the QR iteration did not converge.
 *
 * @example
 * ```ts
 * import type { Geev } from '@polyblas/contract';
 * declare const dgeev: Geev<Float64Array>;
 * const A = new Float64Array([0, 1, -1, 0]); // rotation by 90 degrees
 * const wr = new Float64Array(2), wi = new Float64Array(2), VR = new Float64Array(4);
 * dgeev('N', 'V', 2, A, 2, 0, wr, 0, wi, 0, new Float64Array(1), 1, 0, VR, 2, 0); // wi = [1, -1]
 * ```
 */
export type Geev<T extends FloatArray> = (
  jobvl: EigJob, jobvr: EigJob, N: number, A: T, lda: number, offsetA: number,
  wr: T, offsetWr: number, wi: T, offsetWi: number,
  VL: T, ldvl: number, offsetVL: number, VR: T, ldvr: number, offsetVR: number,
) => number;

/**
 * `gelsd`: minimum-norm least-squares solution of A·X ≈ B through the SVD of the M×N A
 * (destroyed). B is max(M, N)×nrhs on entry (its first M rows hold B) and its first N rows hold X
 * on exit. Singular values ≤ rcond·s[0] are treated as zero (rcond < 0: machine precision);
 * `rank[offsetRank]` receives the effective rank. Returns `info > 0` on non-convergence.
 *
 * @example
 * ```ts
 * import type { Gelsd } from '@polyblas/contract';
 * declare const dgelsd: Gelsd<Float64Array>;
 * const A = new Float64Array([1, 1, 1, 0, 1, 2]); // 3x2 column-major
 * const B = new Float64Array([1, 2, 3]), s = new Float64Array(2), rank = new Int32Array(1);
 * dgelsd(3, 2, 1, A, 3, 0, B, 3, 0, s, 0, -1, rank, 0); // B[0..1] = [1, 1]
 * ```
 */
export type Gelsd<T extends FloatArray> = (
  M: number, N: number, nrhs: number, A: T, lda: number, offsetA: number, B: T, ldb: number, offsetB: number,
  s: T, offsetS: number, rcond: number, rank: Int32Array, offsetRank: number,
) => number;

/**
 * The LAPACK routines of one precision, by their names without the precision letter.
 *
 * @example
 * ```ts
 * import type { Lapack } from '@polyblas/contract';
 * function luInPlace(lapack: Lapack<Float64Array>, n: number, a: Float64Array): Int32Array {
 *   const ipiv = new Int32Array(n);
 *   lapack.getrf(n, n, a, n, 0, ipiv, 0);
 *   return ipiv;
 * }
 * ```
 */
export interface Lapack<T extends FloatArray> {
  getrf: Getrf<T>;
  getrs: Getrs<T>;
  getri: Getri<T>;
  potrf: Potrf<T>;
  potrs: Potrs<T>;
  geqrf: Geqrf<T>;
  orgqr: Orgqr<T>;
  ormqr: Ormqr<T>;
  gesdd: Gesdd<T>;
  syevd: Syevd<T>;
  geev: Geev<T>;
  gelsd: Gelsd<T>;
}

/**
 * A LAPACK routine name without its precision letter (`'getrf'`, `'gesdd'`, ...).
 *
 * @example
 * ```ts
 * import type { LapackRoutine } from '@polyblas/contract';
 * const r: LapackRoutine = 'gesdd';
 * ```
 */
export type LapackRoutine = keyof Lapack<Float64Array>;

/**
 * Every LAPACK routine of the contract, in both precisions, by its full name (`dgetrf`, `sgetrf`, ...).
 *
 * @example
 * ```ts
 * import type { LapackKernels } from '@polyblas/contract';
 * function svdOf(k: LapackKernels) { return k.dgesdd; }
 * ```
 */
export type LapackKernels = {
  [R in LapackRoutine as `d${R}`]: Lapack<Float64Array>[R];
} & {
  [R in LapackRoutine as `s${R}`]: Lapack<Float32Array>[R];
};
