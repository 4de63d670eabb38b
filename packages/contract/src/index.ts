/**
 * The polyblas kernel contract: the BLAS (levels 1-3) and LAPACK routine signatures that every
 * backend implements, in both precisions, and the shape of a backend. `@polyblas/core` re-exports
 * all of it; backend authors may depend on this package alone.
 *
 * @example
 * ```ts
 * import { kernelName, type Backend } from '@polyblas/contract';
 * kernelName('d', 'gemm'); // 'dgemm'
 * ```
 *
 * @packageDocumentation
 */
export type * from './types.js';
export type * from './blas.js';
export type * from './lapack.js';
export type * from './backend.js';
export { BLAS_ROUTINES, LAPACK_ROUTINES, KERNEL_NAMES, kernelName, blasOf, lapackOf } from './routines.js';
