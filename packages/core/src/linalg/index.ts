/**
 * Linear algebra shaped like `numpy.linalg`, in camelCase: the same functions, defaults, shapes
 * and return conventions. Every function validates its arguments once (TypeError for the wrong
 * kind, RangeError for the wrong value or shape, naming the argument), never modifies its inputs,
 * handles stacks of matrices (`[..., M, N]`) as numpy does, keeps float32 in float32 and
 * computes on the selected backend's kernels. Numerical failures throw {@link LinAlgError}.
 *
 * Bad input, the same on every backend: an option name a function does not know is a TypeError
 * naming it (as numpy rejects an unexpected keyword argument); an array whose buffer was detached
 * is a TypeError; an input of more than 2³¹ − 1 elements is a RangeError; an infinity or a NaN is
 * a LinAlgError for the factorisations and solvers (solve, inv, cholesky, qr, svd, eig, eigh,
 * lstsq, pinv, matrixRank), while det and slogdet return NaN for such a matrix. Each function's
 * `@throws` lists the rest.
 *
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * const a = array([[4, 1], [1, 3]]);
 * linalg.solve(a, array([1, 2])); // NDArray [0.0909…, 0.6363…]
 * linalg.det(a); // 11
 * ```
 *
 * @module
 */
export { solve, inv, det, slogdet } from './solve.js';
export { cholesky, qr, type QrMode } from './factor.js';
export { svd, svdvals, pinv, matrixRank } from './svd.js';
export { eigh, eigvalsh, eig, eigvals, type ComplexArray } from './eig.js';
export { lstsq, type LstsqResult } from './lstsq.js';
export { norm, vectorNorm, matrixNorm, cond, type NormOrder } from './norm.js';
export { matrixPower, multiDot, trace } from './products.js';
export { matrixTranspose, diagonal, tensorinv, tensorsolve } from './tensor.js';
export { matmul, outer } from '../products.js';
export type { ArrayInput } from './internal.js';
export { LinAlgError } from '../errors.js';
export * as async from './async.js';
