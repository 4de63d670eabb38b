/**
 * The polyblas reference backend: BLAS levels 1-3 and LAPACK written in TypeScript. It is
 * complete, runs wherever JavaScript runs, and fills in every routine another backend lacks.
 * `@polyblas/core` depends on it, so installing core alone gives a working library.
 *
 * @example
 * ```ts
 * import { referenceKernels } from '@polyblas/backend-js';
 * const c = new Float64Array(4);
 * referenceKernels.dgemm('N', 'N', 2, 2, 2, 1, new Float64Array([1, 2, 3, 4]), 2, 1, 0,
 *   new Float64Array([5, 6, 7, 8]), 2, 1, 0, 0, c, 2, 1, 0); // c = [19, 22, 43, 50]
 * ```
 *
 * @packageDocumentation
 */
import type { Backend, Kernels } from '@polyblas/contract';
import { blasKernels } from './blas/index.js';
import { lapackKernels } from './lapack/index.js';
import { VERSION } from './version.js';

export { blasKernels } from './blas/index.js';
export { createLapackKernels, lapackKernels } from './lapack/index.js';
export { VERSION } from './version.js';
export { createLapackContext, type LapackContext, type RotationChains, type Work } from './lapack/context.js';

/**
 * Every kernel of the contract, in TypeScript.
 *
 * @example
 * ```ts
 * import { referenceKernels } from '@polyblas/backend-js';
 * referenceKernels.dnrm2(2, new Float64Array([3, 4]), 1, 0); // 5
 * ```
 */
export const referenceKernels: Kernels = { ...blasKernels, ...lapackKernels };

/**
 * The TypeScript backend as the selector sees it (registered by `@polyblas/core` as `js`).
 *
 * @example
 * ```ts
 * import { jsBackend } from '@polyblas/backend-js';
 * jsBackend.info().library; // 'polyblas (TypeScript)'
 * ```
 */
export const jsBackend: Backend = {
  name: 'js',
  kernels: referenceKernels,
  info: () => ({ library: 'polyblas (TypeScript)', version: VERSION, threads: 1, simd: 'none', integerWidth: 32 }),
  getNumThreads: () => 1,
};
