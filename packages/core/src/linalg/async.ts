/**
 * The same functions as `linalg`, returning promises: `await linalg.async.svd(a)` gives what
 * `linalg.svd(a)` gives, and the same errors reject the promise (TypeError, RangeError,
 * {@link LinAlgError}).
 *
 * Where the work runs:
 * - **openblas** (and any backend offering promise forms of its kernels): each LAPACK and BLAS
 *   call runs on a worker thread of Node's thread pool, so the event loop stays free during
 *   a large factorisation; the steps between kernel calls (checks, copies) run on the calling
 *   thread.
 * - **js and wasm**: the computation runs on the calling thread, as the synchronous form does, and
 *   the promise settles when it is done. To keep an event loop free with these backends, run
 *   polyblas in a worker (`worker_threads`, or a Web Worker in a browser).
 *
 * Inputs: every function copies its inputs before the promise is returned, so the caller may
 * change or drop them at once. `matmul` (the same function as the top-level `matmulAsync`) is the
 * exception: it reads its operands in place. Several calls may be in flight at once; each works on
 * its own buffers.
 *
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * const a = array([[4, 1], [1, 3]]);
 * const [x, { s }] = await Promise.all([linalg.async.solve(a, array([1, 2])), linalg.async.svd(a)]);
 * ```
 *
 * @module
 */
import type { NDArray } from '../ndarray/index.js';
import type { ComplexArray } from './eig.js';
import { eigSteps, eighSteps, eigvalsSteps, eigvalshSteps } from './eig.js';
import { choleskySteps, qrSteps, type QrMode } from './factor.js';
import type { ArrayInput } from './internal.js';
import { lstsqSteps, type LstsqResult } from './lstsq.js';
import { condSteps, matrixNormSteps, normSteps, type NormOrder } from './norm.js';
import { matrixPowerSteps, multiDotSteps } from './products.js';
import { detSteps, invSteps, slogdetSteps, solveSteps } from './solve.js';
import { ASYNC, runAsync } from './steps.js';
import { matrixRankSteps, pinvSteps, svdSteps, svdvalsSteps } from './svd.js';
import { tensorinvSteps, tensorsolveSteps } from './tensor.js';

/**
 * {@link linalg.solve} as a promise.
 *
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * const x = await linalg.async.solve(array([[3, 1], [1, 2]]), array([9, 8])); // [2, 3]
 * ```
 */
export function solve(a: ArrayInput, b: ArrayInput): Promise<NDArray> {
  return runAsync(solveSteps(a, b, ASYNC));
}

/**
 * {@link linalg.inv} as a promise.
 *
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * const ainv = await linalg.async.inv(array([[4, 7], [2, 6]])); // [[0.6, -0.7], [-0.2, 0.4]]
 * ```
 */
export function inv(a: ArrayInput): Promise<NDArray> {
  return runAsync(invSteps(a, ASYNC));
}

/**
 * {@link linalg.det} as a promise.
 *
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * await linalg.async.det(array([[1, 2], [3, 4]])); // -2
 * ```
 */
export function det(a: ArrayInput): Promise<number | NDArray> {
  return runAsync(detSteps(a, ASYNC));
}

/**
 * {@link linalg.slogdet} as a promise.
 *
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * const { sign, logabsdet } = await linalg.async.slogdet(array([[2, 0], [0, 3]])); // 1, ln 6
 * ```
 */
export function slogdet(a: ArrayInput): Promise<{ sign: number | NDArray; logabsdet: number | NDArray }> {
  return runAsync(slogdetSteps(a, ASYNC));
}

/**
 * {@link linalg.cholesky} as a promise.
 *
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * const l = await linalg.async.cholesky(array([[4, 2], [2, 5]])); // [[2, 0], [1, 2]]
 * ```
 */
export function cholesky(a: ArrayInput, options?: { upper?: boolean }): Promise<NDArray> {
  return runAsync(choleskySteps(a, options));
}

/**
 * {@link linalg.qr} as a promise.
 *
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * const { q, r } = await linalg.async.qr(array([[3, 1], [4, 2]]));
 * ```
 */
export function qr(a: ArrayInput, options?: { mode?: 'reduced' | 'complete' }): Promise<{ q: NDArray; r: NDArray }>;
export function qr(a: ArrayInput, options: { mode: 'r' }): Promise<{ r: NDArray }>;
export function qr(a: ArrayInput, options?: { mode?: QrMode }): Promise<{ q?: NDArray; r: NDArray }>;
export function qr(a: ArrayInput, options?: { mode?: QrMode }): Promise<{ q?: NDArray; r: NDArray }> {
  return runAsync(qrSteps(a, options));
}

/**
 * {@link linalg.svd} as a promise.
 *
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * const { u, s, vt } = await linalg.async.svd(array([[3, 0], [0, 4], [0, 0]])); // s = [4, 3]
 * const values = await linalg.async.svd(array([[3, 0], [0, 4]]), { computeUV: false });
 * ```
 */
export function svd(
  a: ArrayInput, options: { fullMatrices?: boolean; computeUV: false; hermitian?: boolean },
): Promise<NDArray>;
export function svd(
  a: ArrayInput, options?: { fullMatrices?: boolean; computeUV?: true; hermitian?: boolean },
): Promise<{ u: NDArray; s: NDArray; vt: NDArray }>;
export function svd(
  a: ArrayInput, options?: { fullMatrices?: boolean; computeUV?: boolean; hermitian?: boolean },
): Promise<{ u: NDArray; s: NDArray; vt: NDArray } | NDArray>;
export function svd(
  a: ArrayInput, options?: { fullMatrices?: boolean; computeUV?: boolean; hermitian?: boolean },
): Promise<{ u: NDArray; s: NDArray; vt: NDArray } | NDArray> {
  return runAsync(svdSteps(a, options));
}

/**
 * {@link linalg.svdvals} as a promise.
 *
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * const s = await linalg.async.svdvals(array([[0, 2], [1, 0]])); // [2, 1]
 * ```
 */
export function svdvals(a: ArrayInput): Promise<NDArray> {
  return runAsync(svdvalsSteps(a));
}

/**
 * {@link linalg.pinv} as a promise.
 *
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * const p = await linalg.async.pinv(array([[1], [1]])); // [[0.5, 0.5]]
 * ```
 */
export function pinv(a: ArrayInput, options?: { rtol?: number; hermitian?: boolean }): Promise<NDArray> {
  return runAsync(pinvSteps(a, options));
}

/**
 * {@link linalg.matrixRank} as a promise.
 *
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * await linalg.async.matrixRank(array([[1, 2], [2, 4]])); // 1
 * ```
 */
export function matrixRank(
  a: ArrayInput, options?: { tol?: number; rtol?: number; hermitian?: boolean },
): Promise<number | NDArray> {
  return runAsync(matrixRankSteps(a, options));
}

/**
 * {@link linalg.eigh} as a promise.
 *
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * const { values, vectors } = await linalg.async.eigh(array([[2, 1], [1, 2]])); // values [1, 3]
 * ```
 */
export function eigh(a: ArrayInput, options?: { uplo?: 'L' | 'U' }): Promise<{ values: NDArray; vectors: NDArray }> {
  return runAsync(eighSteps(a, options));
}

/**
 * {@link linalg.eigvalsh} as a promise.
 *
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * const w = await linalg.async.eigvalsh(array([[2, 1], [1, 2]])); // [1, 3]
 * ```
 */
export function eigvalsh(a: ArrayInput, options?: { uplo?: 'L' | 'U' }): Promise<NDArray> {
  return runAsync(eigvalshSteps(a, options));
}

/**
 * {@link linalg.eig} as a promise.
 *
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * const { values } = await linalg.async.eig(array([[0, -1], [1, 0]])); // ±i
 * ```
 */
export function eig(a: ArrayInput): Promise<{ values: ComplexArray; vectors: ComplexArray }> {
  return runAsync(eigSteps(a));
}

/**
 * {@link linalg.eigvals} as a promise.
 *
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * const { re, im } = await linalg.async.eigvals(array([[2, 0], [0, 3]])); // re [2, 3], im [0, 0]
 * ```
 */
export function eigvals(a: ArrayInput): Promise<ComplexArray> {
  return runAsync(eigvalsSteps(a));
}

/**
 * {@link linalg.lstsq} as a promise.
 *
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * const { x, rank } = await linalg.async.lstsq(array([[1, 0], [1, 1], [1, 2]]), array([1, 2, 3.1]));
 * ```
 */
export function lstsq(a: ArrayInput, b: ArrayInput, options?: { rcond?: number }): Promise<LstsqResult> {
  return runAsync(lstsqSteps(a, b, options));
}

/**
 * {@link linalg.norm} as a promise (only the 2, -2 and `'nuc'` matrix norms call a kernel).
 *
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * await linalg.async.norm(array([[1, 2], [3, 4]]), 2); // 5.4649…
 * ```
 */
export function norm(
  x: ArrayInput, ord?: NormOrder, axis?: number | readonly [number, number] | null,
  options?: { keepdims?: boolean },
): Promise<number | NDArray> {
  return runAsync(normSteps(x, ord, axis, options));
}

/**
 * {@link linalg.matrixNorm} as a promise.
 *
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * await linalg.async.matrixNorm(array([[1, 2], [3, 4]]), { ord: 'nuc' }); // 5.8309…
 * ```
 */
export function matrixNorm(x: ArrayInput, options?: { keepdims?: boolean; ord?: NormOrder }): Promise<number | NDArray> {
  return runAsync(matrixNormSteps(x, options));
}

/**
 * {@link linalg.cond} as a promise.
 *
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * await linalg.async.cond(array([[1, 0], [0, 1e-3]])); // 1000
 * ```
 */
export function cond(x: ArrayInput, p?: NormOrder): Promise<number | NDArray> {
  return runAsync(condSteps(x, p, ASYNC));
}

/**
 * {@link linalg.matrixPower} as a promise.
 *
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * const f = await linalg.async.matrixPower(array([[1, 1], [1, 0]]), 10); // [[89, 55], [55, 34]]
 * ```
 */
export function matrixPower(a: ArrayInput, n: number): Promise<NDArray> {
  return runAsync(matrixPowerSteps(a, n, ASYNC));
}

/**
 * {@link linalg.multiDot} as a promise.
 *
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * await linalg.async.multiDot([array([1, 2]), array([[1, 0], [0, 1]]), array([3, 4])]); // 11
 * ```
 */
export function multiDot(arrays: readonly ArrayInput[]): Promise<number | NDArray> {
  return runAsync(multiDotSteps(arrays));
}

/**
 * {@link linalg.tensorinv} as a promise.
 *
 * @example
 * ```ts
 * import { eye, linalg } from '@polyblas/core';
 * const ainv = await linalg.async.tensorinv(eye(4).reshape(4, 2, 2), { ind: 1 }); // shape [2, 2, 4]
 * ```
 */
export function tensorinv(a: ArrayInput, options?: { ind?: number }): Promise<NDArray> {
  return runAsync(tensorinvSteps(a, options, ASYNC));
}

/**
 * {@link linalg.tensorsolve} as a promise.
 *
 * @example
 * ```ts
 * import { eye, linalg, ones } from '@polyblas/core';
 * const x = await linalg.async.tensorsolve(eye(6).reshape(2, 3, 6), ones([2, 3])); // shape [6]
 * ```
 */
export function tensorsolve(a: ArrayInput, b: ArrayInput, options?: { axes?: readonly number[] }): Promise<NDArray> {
  return runAsync(tensorsolveSteps(a, b, options, ASYNC));
}

export { matmulAsync as matmul } from '../products.js';
