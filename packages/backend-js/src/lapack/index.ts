/**
 * The LAPACK algorithms bound into kernels.
 *
 * @module
 */
import type { LapackKernels } from '@polyblas/contract';
import { createLapackContext, type LapackContext } from './context.js';
import { eigKernels } from './eig-kernels.js';
import { factorKernels } from './factor-kernels.js';
import { svdKernels } from './svd-kernels.js';

/**
 * Binds every LAPACK algorithm to a pair of contexts (double and single precision). The
 * TypeScript backend binds them to its own BLAS; another backend binds the same algorithms to its
 * kernels and memory, so each algorithm exists once.
 *
 * @example
 * ```ts
 * import { createLapackContext, createLapackKernels } from '@polyblas/backend-js';
 * const lapack = createLapackKernels(createLapackContext('d'), createLapackContext('s'));
 * const ipiv = new Int32Array(2);
 * lapack.dgetrf(2, 2, new Float64Array([4, 2, 1, 3]), 2, 0, ipiv, 0); // 0
 * ```
 */
export function createLapackKernels(
  ctxD: LapackContext<Float64Array>,
  ctxS: LapackContext<Float32Array>,
): LapackKernels {
  return { ...factorKernels(ctxD, ctxS), ...svdKernels(ctxD, ctxS), ...eigKernels(ctxD, ctxS) };
}

/**
 * The LAPACK kernels of the TypeScript backend, on its own BLAS.
 *
 * @example
 * ```ts
 * import { lapackKernels } from '@polyblas/backend-js';
 * const A = new Float64Array([4, 2, 2, 5]);
 * lapackKernels.dpotrf('L', 2, A, 2, 0); // 0: A's lower triangle holds [[2, 0], [1, 2]]
 * ```
 */
export const lapackKernels: LapackKernels = createLapackKernels(createLapackContext('d'), createLapackContext('s'));
