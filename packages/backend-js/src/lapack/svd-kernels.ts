/**
 * The singular value routines bound into kernels.
 *
 * @module
 */
import type { FloatArray, Lapack, LapackKernels } from '@polyblas/contract';
import type { LapackContext } from './context.js';
import { gelsd } from './gelsd.js';
import { gesdd } from './gesdd.js';

/**
 * The kernels {@link svdKernels} returns: the SVD and SVD-based least squares in both precisions.
 *
 * @example
 * ```ts
 * import type { SvdKernels } from './svd-kernels.js'; // internal, not exported by @polyblas/backend-js
 * function svdOf(k: SvdKernels) { return k.dgesdd; }
 * ```
 */
export type SvdKernels = Pick<LapackKernels, 'dgesdd' | 'sgesdd' | 'dgelsd' | 'sgelsd'>;

/** The routines of one precision, bound to its context. */
function bind<T extends FloatArray>(ctx: LapackContext<T>): Pick<Lapack<T>, 'gesdd' | 'gelsd'> {
  return {
    gesdd: (jobz, M, N, A, lda, offsetA, s, offsetS, U, ldu, offsetU, VT, ldvt, offsetVT) =>
      gesdd(ctx, jobz, M, N, A, lda, offsetA, s, offsetS, U, ldu, offsetU, VT, ldvt, offsetVT),
    gelsd: (M, N, nrhs, A, lda, offsetA, B, ldb, offsetB, s, offsetS, rcond, rank, offsetRank) =>
      gelsd(ctx, M, N, nrhs, A, lda, offsetA, B, ldb, offsetB, s, offsetS, rcond, rank, offsetRank),
  };
}

/**
 * Binds `gesdd` and `gelsd` to a double and a single precision context, as kernels named by the
 * contract.
 *
 * @example
 * ```ts
 * import { createLapackContext } from '@polyblas/backend-js';
 * import { svdKernels } from './svd-kernels.js'; // internal, not exported by @polyblas/backend-js
 * const k = svdKernels(createLapackContext('d'), createLapackContext('s'));
 * const s = new Float64Array(2), none = new Float64Array(1);
 * k.dgesdd('N', 2, 2, new Float64Array([3, 0, 0, 4]), 2, 0, s, 0, none, 1, 0, none, 1, 0); // s = [4, 3]
 * ```
 */
export function svdKernels(ctxD: LapackContext<Float64Array>, ctxS: LapackContext<Float32Array>): SvdKernels {
  const d = bind(ctxD);
  const s = bind(ctxS);
  return { dgesdd: d.gesdd, sgesdd: s.gesdd, dgelsd: d.gelsd, sgelsd: s.gelsd };
}
