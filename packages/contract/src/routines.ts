/**
 * The contract's routine names at run time, and views of a kernel set by precision.
 *
 * @module
 */
import type { Blas, BlasKernels, BlasRoutine } from './blas.js';
import type { KernelName } from './backend.js';
import type { Lapack, LapackKernels, LapackRoutine } from './lapack.js';
import type { ArrayOf, Precision } from './types.js';

/**
 * The BLAS routines of the contract, without precision letter.
 *
 * @example
 * ```ts
 * import { BLAS_ROUTINES } from '@polyblas/contract';
 * BLAS_ROUTINES.includes('gemm'); // true
 * ```
 */
export const BLAS_ROUTINES: readonly BlasRoutine[] = [
  'dot', 'axpy', 'scal', 'copy', 'swap', 'nrm2', 'asum', 'iamax', 'rot',
  'gemv', 'ger', 'symv', 'trmv', 'trsv',
  'gemm', 'symm', 'syrk', 'trmm', 'trsm',
];

/**
 * The LAPACK routines of the contract, without precision letter.
 *
 * @example
 * ```ts
 * import { LAPACK_ROUTINES } from '@polyblas/contract';
 * LAPACK_ROUTINES.includes('gesdd'); // true
 * ```
 */
export const LAPACK_ROUTINES: readonly LapackRoutine[] = [
  'getrf', 'getrs', 'getri', 'potrf', 'potrs', 'geqrf', 'orgqr', 'ormqr', 'gesdd', 'syevd', 'geev', 'gelsd',
];

/**
 * The full name of a routine in a precision: `kernelName('d', 'gemm') === 'dgemm'`,
 * `kernelName('s', 'iamax') === 'isamax'`.
 *
 * @example
 * ```ts
 * import { kernelName } from '@polyblas/contract';
 * kernelName('s', 'gesdd'); // 'sgesdd'
 * ```
 */
export function kernelName(precision: Precision, routine: BlasRoutine | LapackRoutine): KernelName {
  return (routine === 'iamax' ? `i${precision}amax` : `${precision}${routine}`) as KernelName;
}

/**
 * Every kernel name of the contract, both precisions.
 *
 * @example
 * ```ts
 * import { KERNEL_NAMES } from '@polyblas/contract';
 * KERNEL_NAMES.length; // 62
 * ```
 */
export const KERNEL_NAMES: readonly KernelName[] = (['d', 's'] as const).flatMap((p) =>
  [...BLAS_ROUTINES, ...LAPACK_ROUTINES].map((r) => kernelName(p, r)),
);

/**
 * The BLAS routines of one precision from a complete kernel set, by short name, so that an
 * algorithm written once against {@link Blas} runs in either precision.
 *
 * @example
 * ```ts
 * import { blasOf, type Kernels } from '@polyblas/contract';
 * declare const kernels: Kernels;
 * const blas = blasOf(kernels, 's');
 * blas.nrm2(2, new Float32Array([3, 4]), 1, 0); // 5
 * ```
 */
export function blasOf<P extends Precision>(kernels: BlasKernels, precision: P): Blas<ArrayOf<P>> {
  const view: Record<string, unknown> = {};
  for (const r of BLAS_ROUTINES) view[r] = kernels[kernelName(precision, r) as keyof BlasKernels];
  return view as unknown as Blas<ArrayOf<P>>;
}

/**
 * The LAPACK routines of one precision from a complete kernel set, by short name.
 *
 * @example
 * ```ts
 * import { lapackOf, type Kernels } from '@polyblas/contract';
 * declare const kernels: Kernels;
 * const lapack = lapackOf(kernels, 'd');
 * // lapack.getrf(n, n, a, n, 0, ipiv, 0)
 * ```
 */
export function lapackOf<P extends Precision>(kernels: LapackKernels, precision: P): Lapack<ArrayOf<P>> {
  const view: Record<string, unknown> = {};
  for (const r of LAPACK_ROUTINES) view[r] = kernels[kernelName(precision, r) as keyof LapackKernels];
  return view as unknown as Lapack<ArrayOf<P>>;
}
