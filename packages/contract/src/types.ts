/**
 * Element types and the single-letter options shared by BLAS and LAPACK.
 *
 * @module
 */

/**
 * A floating-point typed array: `Float64Array` for double (`d`) routines,
 * `Float32Array` for single (`s`) routines.
 *
 * @example
 * ```ts
 * import type { FloatArray } from '@polyblas/contract';
 * const x: FloatArray = new Float64Array([1, 2, 3]);
 * ```
 */
export type FloatArray = Float64Array | Float32Array;

/**
 * The precision prefix of a kernel name: `d` (float64) or `s` (float32).
 *
 * @example
 * ```ts
 * import type { Precision } from '@polyblas/contract';
 * const p: Precision = 'd'; // dgemm, dgetrf, ...
 * ```
 */
export type Precision = 'd' | 's';

/**
 * The typed array that holds the elements of a precision.
 *
 * @example
 * ```ts
 * import type { ArrayOf } from '@polyblas/contract';
 * const x: ArrayOf<'s'> = new Float32Array(4);
 * ```
 */
export type ArrayOf<P extends Precision> = P extends 'd' ? Float64Array : Float32Array;

/**
 * Whether an operand is used as it is (`'N'`) or transposed (`'T'`).
 *
 * @example
 * ```ts
 * import type { Trans } from '@polyblas/contract';
 * const t: Trans = 'T';
 * ```
 */
export type Trans = 'N' | 'T';

/**
 * Which triangle of a symmetric or triangular matrix is referenced: upper (`'U'`) or lower (`'L'`).
 *
 * @example
 * ```ts
 * import type { Uplo } from '@polyblas/contract';
 * const u: Uplo = 'L';
 * ```
 */
export type Uplo = 'U' | 'L';

/**
 * On which side a matrix multiplies: `'L'` for op(A)·B, `'R'` for B·op(A).
 *
 * @example
 * ```ts
 * import type { Side } from '@polyblas/contract';
 * const s: Side = 'L';
 * ```
 */
export type Side = 'L' | 'R';

/**
 * Whether a triangular matrix has an implicit unit diagonal (`'U'`) or not (`'N'`).
 *
 * @example
 * ```ts
 * import type { Diag } from '@polyblas/contract';
 * const d: Diag = 'N';
 * ```
 */
export type Diag = 'N' | 'U';

/**
 * Which singular vectors `gesdd` computes: all (`'A'`), the thin set (`'S'`) or none (`'N'`).
 *
 * @example
 * ```ts
 * import type { SvdJob } from '@polyblas/contract';
 * const job: SvdJob = 'S';
 * ```
 */
export type SvdJob = 'A' | 'S' | 'N';

/**
 * Whether eigenvectors are computed (`'V'`) or only eigenvalues (`'N'`).
 *
 * @example
 * ```ts
 * import type { EigJob } from '@polyblas/contract';
 * const job: EigJob = 'V';
 * ```
 */
export type EigJob = 'N' | 'V';
