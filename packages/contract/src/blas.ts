/**
 * BLAS levels 1-3 in kernel form.
 *
 * Every routine takes explicit offsets and strides (counted in elements), so that transposed,
 * sliced and reversed views reach a backend without copies:
 *
 * - a vector `x` of length `N` is `x[offsetX + i * strideX]` for `i = 0 .. N-1`; a stride may be
 *   negative (then `offsetX` is the index of the first element visited, not the lowest index);
 * - a matrix `A` is `A[offsetA + i * strideA1 + j * strideA2]` for row `i` and column `j`. Row-major
 *   storage has `strideA2 = 1`, column-major `strideA1 = 1`; any other pair is a strided view.
 *
 * Kernels are unchecked: `@polyblas/core` validates arguments once, before dispatch. Calling a
 * kernel with out-of-range offsets or strides is undefined behaviour for a JavaScript backend and
 * a thrown error (never a crash) for a native one.
 *
 * @module
 */
import type { Diag, FloatArray, Side, Trans, Uplo } from './types.js';

/**
 * `dot`: returns xᵀy.
 *
 * @example
 * ```ts
 * import type { Dot } from '@polyblas/contract';
 * const ddot: Dot<Float64Array> = (n, x, sx, ox, y, sy, oy) => {
 *   let s = 0;
 *   for (let i = 0; i < n; i++) s += x[ox + i * sx] * y[oy + i * sy];
 *   return s;
 * };
 * ddot(2, new Float64Array([1, 2]), 1, 0, new Float64Array([3, 4]), 1, 0); // 11
 * ```
 */
export type Dot<T extends FloatArray> = (
  N: number, x: T, strideX: number, offsetX: number, y: T, strideY: number, offsetY: number,
) => number;

/**
 * `axpy`: y ← αx + y.
 *
 * @example
 * ```ts
 * import type { Axpy } from '@polyblas/contract';
 * declare const daxpy: Axpy<Float64Array>;
 * const y = new Float64Array([1, 1]);
 * daxpy(2, 2, new Float64Array([1, 2]), 1, 0, y, 1, 0); // y = [3, 5]
 * ```
 */
export type Axpy<T extends FloatArray> = (
  N: number, alpha: number, x: T, strideX: number, offsetX: number, y: T, strideY: number, offsetY: number,
) => void;

/**
 * `scal`: x ← αx.
 *
 * @example
 * ```ts
 * import type { Scal } from '@polyblas/contract';
 * declare const dscal: Scal<Float64Array>;
 * const x = new Float64Array([1, 2]);
 * dscal(2, 3, x, 1, 0); // x = [3, 6]
 * ```
 */
export type Scal<T extends FloatArray> = (N: number, alpha: number, x: T, strideX: number, offsetX: number) => void;

/**
 * `copy` (y ← x) and `swap` (x ↔ y).
 *
 * @example
 * ```ts
 * import type { Copy } from '@polyblas/contract';
 * declare const dcopy: Copy<Float64Array>;
 * const y = new Float64Array(2);
 * dcopy(2, new Float64Array([1, 2]), 1, 0, y, 1, 0); // y = [1, 2]
 * ```
 */
export type Copy<T extends FloatArray> = (
  N: number, x: T, strideX: number, offsetX: number, y: T, strideY: number, offsetY: number,
) => void;

/**
 * `nrm2` (‖x‖₂, without overflow or harmful underflow) and `asum` (Σ|xᵢ|).
 *
 * @example
 * ```ts
 * import type { Norm } from '@polyblas/contract';
 * declare const dnrm2: Norm<Float64Array>;
 * dnrm2(2, new Float64Array([3, 4]), 1, 0); // 5
 * ```
 */
export type Norm<T extends FloatArray> = (N: number, x: T, strideX: number, offsetX: number) => number;

/**
 * `iamax`: the 0-based position `i` (not the array index) of the first element with the largest
 * |xᵢ|; -1 when `N < 1`.
 *
 * @example
 * ```ts
 * import type { Iamax } from '@polyblas/contract';
 * declare const idamax: Iamax<Float64Array>;
 * idamax(3, new Float64Array([1, -5, 5]), 1, 0); // 1
 * ```
 */
export type Iamax<T extends FloatArray> = (N: number, x: T, strideX: number, offsetX: number) => number;

/**
 * `rot`: applies the plane rotation [c s; -s c] to the pairs (xᵢ, yᵢ):
 * xᵢ ← c·xᵢ + s·yᵢ, yᵢ ← c·yᵢ − s·xᵢ.
 *
 * @example
 * ```ts
 * import type { Rot } from '@polyblas/contract';
 * declare const drot: Rot<Float64Array>;
 * const x = new Float64Array([1]), y = new Float64Array([0]);
 * drot(1, x, 1, 0, y, 1, 0, 0, 1); // x = [0], y = [-1]
 * ```
 */
export type Rot<T extends FloatArray> = (
  N: number, x: T, strideX: number, offsetX: number, y: T, strideY: number, offsetY: number, c: number, s: number,
) => void;

/**
 * `gemv`: y ← α·op(A)·x + β·y, with A of shape M×N (before op).
 * When β is 0, y is not read (NaN in y does not propagate).
 *
 * @example
 * ```ts
 * import type { Gemv } from '@polyblas/contract';
 * declare const dgemv: Gemv<Float64Array>;
 * const A = new Float64Array([1, 2, 3, 4]); // [[1, 2], [3, 4]] row-major
 * const y = new Float64Array(2);
 * dgemv('N', 2, 2, 1, A, 2, 1, 0, new Float64Array([1, 1]), 1, 0, 0, y, 1, 0); // y = [3, 7]
 * ```
 */
export type Gemv<T extends FloatArray> = (
  trans: Trans, M: number, N: number, alpha: number,
  A: T, strideA1: number, strideA2: number, offsetA: number,
  x: T, strideX: number, offsetX: number, beta: number,
  y: T, strideY: number, offsetY: number,
) => void;

/**
 * `ger`: A ← α·x·yᵀ + A, with A of shape M×N.
 *
 * @example
 * ```ts
 * import type { Ger } from '@polyblas/contract';
 * declare const dger: Ger<Float64Array>;
 * const A = new Float64Array(4);
 * dger(2, 2, 1, new Float64Array([1, 2]), 1, 0, new Float64Array([3, 4]), 1, 0, A, 2, 1, 0);
 * // A = [[3, 4], [6, 8]]
 * ```
 */
export type Ger<T extends FloatArray> = (
  M: number, N: number, alpha: number,
  x: T, strideX: number, offsetX: number,
  y: T, strideY: number, offsetY: number,
  A: T, strideA1: number, strideA2: number, offsetA: number,
) => void;

/**
 * `symv`: y ← α·A·x + β·y for symmetric N×N A, of which only the `uplo` triangle is read.
 *
 * @example
 * ```ts
 * import type { Symv } from '@polyblas/contract';
 * declare const dsymv: Symv<Float64Array>;
 * const A = new Float64Array([2, 0, 1, 3]); // lower triangle of [[2, 1], [1, 3]]
 * const y = new Float64Array(2);
 * dsymv('L', 2, 1, A, 2, 1, 0, new Float64Array([1, 1]), 1, 0, 0, y, 1, 0); // y = [3, 4]
 * ```
 */
export type Symv<T extends FloatArray> = (
  uplo: Uplo, N: number, alpha: number,
  A: T, strideA1: number, strideA2: number, offsetA: number,
  x: T, strideX: number, offsetX: number, beta: number,
  y: T, strideY: number, offsetY: number,
) => void;

/**
 * `trmv` (x ← op(A)·x) and `trsv` (x ← op(A)⁻¹·x) for triangular N×N A.
 * `trsv` does no singularity test: an exact zero on the diagonal gives Infinity or NaN.
 *
 * @example
 * ```ts
 * import type { Trmv } from '@polyblas/contract';
 * declare const dtrsv: Trmv<Float64Array>;
 * const A = new Float64Array([2, 0, 1, 4]); // lower [[2, 0], [1, 4]]
 * const x = new Float64Array([2, 9]);
 * dtrsv('L', 'N', 'N', 2, A, 2, 1, 0, x, 1, 0); // x = [1, 2]
 * ```
 */
export type Trmv<T extends FloatArray> = (
  uplo: Uplo, trans: Trans, diag: Diag, N: number,
  A: T, strideA1: number, strideA2: number, offsetA: number,
  x: T, strideX: number, offsetX: number,
) => void;

/**
 * `gemm`: C ← α·op(A)·op(B) + β·C, with op(A) M×K, op(B) K×N and C M×N.
 * When β is 0, C is not read; when α is 0 or K is 0, A and B are not read.
 *
 * @example
 * ```ts
 * import type { Gemm } from '@polyblas/contract';
 * declare const dgemm: Gemm<Float64Array>;
 * const A = new Float64Array([1, 2, 3, 4]), B = new Float64Array([5, 6, 7, 8]);
 * const C = new Float64Array(4);
 * dgemm('N', 'N', 2, 2, 2, 1, A, 2, 1, 0, B, 2, 1, 0, 0, C, 2, 1, 0); // C = [19, 22, 43, 50]
 * ```
 */
export type Gemm<T extends FloatArray> = (
  transA: Trans, transB: Trans, M: number, N: number, K: number, alpha: number,
  A: T, strideA1: number, strideA2: number, offsetA: number,
  B: T, strideB1: number, strideB2: number, offsetB: number, beta: number,
  C: T, strideC1: number, strideC2: number, offsetC: number,
) => void;

/**
 * `symm`: C ← α·A·B + β·C (side `'L'`, A M×M) or C ← α·B·A + β·C (side `'R'`, A N×N), with A
 * symmetric and only its `uplo` triangle read; B and C are M×N.
 *
 * @example
 * ```ts
 * import type { Symm } from '@polyblas/contract';
 * declare const dsymm: Symm<Float64Array>;
 * const A = new Float64Array([1, 0, 2, 3]); // lower triangle of [[1, 2], [2, 3]]
 * const B = new Float64Array([1, 0, 0, 1]), C = new Float64Array(4);
 * dsymm('L', 'L', 2, 2, 1, A, 2, 1, 0, B, 2, 1, 0, 0, C, 2, 1, 0); // C = [1, 2, 2, 3]
 * ```
 */
export type Symm<T extends FloatArray> = (
  side: Side, uplo: Uplo, M: number, N: number, alpha: number,
  A: T, strideA1: number, strideA2: number, offsetA: number,
  B: T, strideB1: number, strideB2: number, offsetB: number, beta: number,
  C: T, strideC1: number, strideC2: number, offsetC: number,
) => void;

/**
 * `syrk`: C ← α·A·Aᵀ + β·C (trans `'N'`, A N×K) or C ← α·Aᵀ·A + β·C (trans `'T'`, A K×N);
 * only the `uplo` triangle of the N×N C is read and written.
 *
 * @example
 * ```ts
 * import type { Syrk } from '@polyblas/contract';
 * declare const dsyrk: Syrk<Float64Array>;
 * const A = new Float64Array([1, 2]), C = new Float64Array(1);
 * dsyrk('L', 'N', 1, 2, 1, A, 2, 1, 0, 0, C, 1, 1, 0); // C = [5]
 * ```
 */
export type Syrk<T extends FloatArray> = (
  uplo: Uplo, trans: Trans, N: number, K: number, alpha: number,
  A: T, strideA1: number, strideA2: number, offsetA: number, beta: number,
  C: T, strideC1: number, strideC2: number, offsetC: number,
) => void;

/**
 * `trmm` (B ← α·op(A)·B or α·B·op(A)) and `trsm` (B ← α·op(A)⁻¹·B or α·B·op(A)⁻¹), with A
 * triangular (M×M for side `'L'`, N×N for `'R'`) and B M×N, overwritten.
 *
 * @example
 * ```ts
 * import type { Trmm } from '@polyblas/contract';
 * declare const dtrsm: Trmm<Float64Array>;
 * const A = new Float64Array([2, 0, 0, 4]), B = new Float64Array([2, 8]);
 * dtrsm('L', 'U', 'N', 'N', 2, 1, 1, A, 2, 1, 0, B, 1, 1, 0); // B = [1, 2]
 * ```
 */
export type Trmm<T extends FloatArray> = (
  side: Side, uplo: Uplo, transA: Trans, diag: Diag, M: number, N: number, alpha: number,
  A: T, strideA1: number, strideA2: number, offsetA: number,
  B: T, strideB1: number, strideB2: number, offsetB: number,
) => void;

/**
 * The BLAS routines of one precision, by their names without the precision letter.
 * LAPACK algorithms are written once against this shape and run in both precisions.
 *
 * @example
 * ```ts
 * import type { Blas } from '@polyblas/contract';
 * function frobenius(blas: Blas<Float64Array>, a: Float64Array): number {
 *   return blas.nrm2(a.length, a, 1, 0);
 * }
 * ```
 */
export interface Blas<T extends FloatArray> {
  dot: Dot<T>;
  axpy: Axpy<T>;
  scal: Scal<T>;
  copy: Copy<T>;
  swap: Copy<T>;
  nrm2: Norm<T>;
  asum: Norm<T>;
  iamax: Iamax<T>;
  rot: Rot<T>;
  gemv: Gemv<T>;
  ger: Ger<T>;
  symv: Symv<T>;
  trmv: Trmv<T>;
  trsv: Trmv<T>;
  gemm: Gemm<T>;
  symm: Symm<T>;
  syrk: Syrk<T>;
  trmm: Trmm<T>;
  trsm: Trmm<T>;
}

/**
 * A BLAS routine name without its precision letter (`'gemm'`, `'iamax'`, ...).
 *
 * @example
 * ```ts
 * import type { BlasRoutine } from '@polyblas/contract';
 * const r: BlasRoutine = 'gemm';
 * ```
 */
export type BlasRoutine = keyof Blas<Float64Array>;

/**
 * Every BLAS routine of the contract, in both precisions, by its full BLAS name
 * (`dgemm`, `sgemm`, `idamax`, `isamax`, ...).
 *
 * @example
 * ```ts
 * import type { BlasKernels } from '@polyblas/contract';
 * function gemmOf(k: BlasKernels) { return k.dgemm; }
 * ```
 */
export type BlasKernels = {
  [R in Exclude<BlasRoutine, 'iamax'> as `d${R}`]: Blas<Float64Array>[R];
} & {
  [R in Exclude<BlasRoutine, 'iamax'> as `s${R}`]: Blas<Float32Array>[R];
} & {
  idamax: Iamax<Float64Array>;
  isamax: Iamax<Float32Array>;
};
