/**
 * The conformance suite every backend runs against itself: kernel-level checks of the BLAS
 * against a naive reference, LAPACK-style scaled residual tests of every LAPACK routine, and the
 * accuracy battery of the `linalg` API. It registers vitest tests, so import it from a test file:
 *
 * @example
 * ```ts
 * // packages/backend-mine/test/conformance.test.ts
 * import { referenceKernels } from '@polyblas/backend-js';
 * import { conformanceSuite } from '@polyblas/core/testing';
 * import { descriptor } from '../src/index.js';
 *
 * const loaded = await descriptor.load();
 * if (!loaded.available) throw new Error(loaded.reason);
 * conformanceSuite({ name: 'mine', kernels: { ...referenceKernels, ...loaded.backend.kernels } });
 * ```
 *
 * @packageDocumentation
 */
import { blasConformance } from './blas.js';
import { eigConformance } from './lapack-eig.js';
import { factorizationConformance } from './lapack-factor.js';
import { svdConformance } from './lapack-svd.js';
import type { ConformanceTarget } from './target.js';

export type { ConformanceTarget } from './target.js';
export { blasConformance } from './blas.js';
export { factorizationConformance } from './lapack-factor.js';
export { svdConformance } from './lapack-svd.js';
export { eigConformance } from './lapack-eig.js';
export { linalgConformance } from './linalg.js';
export { badInputConformance, badInputCases, runBadInputCase, snapshotInput, type BadInputCase, type Expectation } from './bad-input.js';
export {
  Rng, epsOf, allocate, randomMatrix, matrixWithSingularValues, geometric, symmetricWithEigenvalues,
  matrixNorm, naiveMatmul, orthogonalityRatio,
} from './util.js';
export * from './reference-blas.js';

/**
 * Every kernel-level suite (BLAS, LU/Cholesky/QR, SVD and least squares, eigenproblems) against
 * one target. Run `linalgConformance(name)` as well for the API-level battery through the
 * selector.
 *
 * @example
 * ```ts
 * import { referenceKernels } from '@polyblas/backend-js';
 * import { conformanceSuite } from '@polyblas/core/testing';
 * conformanceSuite({ name: 'js', kernels: referenceKernels });
 * ```
 */
export function conformanceSuite(target: ConformanceTarget): void {
  blasConformance(target);
  factorizationConformance(target);
  svdConformance(target);
  eigConformance(target);
}
