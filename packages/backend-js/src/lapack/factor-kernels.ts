/**
 * The factorisation routines (LU, Cholesky, Householder QR) bound into kernels.
 *
 * @module
 */
import type { FloatArray, Lapack, LapackKernels } from '@polyblas/contract';
import type { LapackContext } from './context.js';
import { geqrf } from './geqrf.js';
import { getrf } from './getrf.js';
import { getri } from './getri.js';
import { getrs } from './getrs.js';
import { orgqr } from './orgqr.js';
import { ormqr } from './ormqr.js';
import { potrf } from './potrf.js';
import { potrs } from './potrs.js';

/**
 * The kernels {@link factorKernels} returns: LU, Cholesky and QR in both precisions.
 *
 * @example
 * ```ts
 * import type { FactorKernels } from './factor-kernels.js'; // internal, not exported by @polyblas/backend-js
 * function lu(k: FactorKernels) { return k.dgetrf; }
 * ```
 */
export type FactorKernels = Pick<
  LapackKernels,
  | 'dgetrf' | 'dgetrs' | 'dgetri' | 'dpotrf' | 'dpotrs' | 'dgeqrf' | 'dorgqr' | 'dormqr'
  | 'sgetrf' | 'sgetrs' | 'sgetri' | 'spotrf' | 'spotrs' | 'sgeqrf' | 'sorgqr' | 'sormqr'
>;

type FactorRoutines<T extends FloatArray> = Pick<
  Lapack<T>, 'getrf' | 'getrs' | 'getri' | 'potrf' | 'potrs' | 'geqrf' | 'orgqr' | 'ormqr'
>;

/** The routines of one precision, bound to its context. */
function bind<T extends FloatArray>(ctx: LapackContext<T>): FactorRoutines<T> {
  return {
    getrf: (M, N, A, lda, offsetA, ipiv, offsetIpiv) => getrf(ctx, M, N, A, lda, offsetA, ipiv, offsetIpiv),
    getrs: (trans, N, nrhs, A, lda, offsetA, ipiv, offsetIpiv, B, ldb, offsetB) =>
      getrs(ctx, trans, N, nrhs, A, lda, offsetA, ipiv, offsetIpiv, B, ldb, offsetB),
    getri: (N, A, lda, offsetA, ipiv, offsetIpiv) => getri(ctx, N, A, lda, offsetA, ipiv, offsetIpiv),
    potrf: (uplo, N, A, lda, offsetA) => potrf(ctx, uplo, N, A, lda, offsetA),
    potrs: (uplo, N, nrhs, A, lda, offsetA, B, ldb, offsetB) => potrs(ctx, uplo, N, nrhs, A, lda, offsetA, B, ldb, offsetB),
    geqrf: (M, N, A, lda, offsetA, tau, offsetTau) => geqrf(ctx, M, N, A, lda, offsetA, tau, offsetTau),
    orgqr: (M, N, K, A, lda, offsetA, tau, offsetTau) => orgqr(ctx, M, N, K, A, lda, offsetA, tau, offsetTau),
    ormqr: (side, trans, M, N, K, A, lda, offsetA, tau, offsetTau, C, ldc, offsetC) =>
      ormqr(ctx, side, trans, M, N, K, A, lda, offsetA, tau, offsetTau, C, ldc, offsetC),
  };
}

/**
 * Binds LU (`getrf`, `getrs`, `getri`), Cholesky (`potrf`, `potrs`) and Householder QR (`geqrf`,
 * `orgqr`, `ormqr`) to a double and a single precision context, as kernels named by the contract.
 *
 * @example
 * ```ts
 * import { createLapackContext } from '@polyblas/backend-js';
 * import { factorKernels } from './factor-kernels.js'; // internal, not exported by @polyblas/backend-js
 * const k = factorKernels(createLapackContext('d'), createLapackContext('s'));
 * k.dpotrf('L', 2, new Float64Array([4, 2, 2, 5]), 2, 0); // 0
 * ```
 */
export function factorKernels(ctxD: LapackContext<Float64Array>, ctxS: LapackContext<Float32Array>): FactorKernels {
  const d = bind(ctxD);
  const s = bind(ctxS);
  return {
    dgetrf: d.getrf, dgetrs: d.getrs, dgetri: d.getri, dpotrf: d.potrf, dpotrs: d.potrs,
    dgeqrf: d.geqrf, dorgqr: d.orgqr, dormqr: d.ormqr,
    sgetrf: s.getrf, sgetrs: s.getrs, sgetri: s.getri, spotrf: s.potrf, spotrs: s.potrs,
    sgeqrf: s.geqrf, sorgqr: s.orgqr, sormqr: s.ormqr,
  };
}
