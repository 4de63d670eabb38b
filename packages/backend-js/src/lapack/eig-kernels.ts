/**
 * The eigenvalue routines (`syevd`, `geev`) bound into kernels.
 *
 * @module
 */
import type { FloatArray, Lapack, LapackKernels } from '@polyblas/contract';
import type { LapackContext } from './context.js';
import { geev } from './geev.js';
import { syevd } from './syevd.js';

/**
 * The kernels {@link eigKernels} returns: `syevd` and `geev` in both precisions.
 *
 * @example
 * ```ts
 * import type { EigKernels } from './eig-kernels.js'; // internal, not exported by @polyblas/backend-js
 * function symmetricEig(k: EigKernels) { return k.dsyevd; }
 * ```
 */
export type EigKernels = Pick<LapackKernels, 'dsyevd' | 'ssyevd' | 'dgeev' | 'sgeev'>;

/** The routines of one precision, bound to its context. */
function bind<T extends FloatArray>(ctx: LapackContext<T>): Pick<Lapack<T>, 'syevd' | 'geev'> {
  return {
    syevd: (jobz, uplo, N, A, lda, offsetA, w, offsetW) => syevd(ctx, jobz, uplo, N, A, lda, offsetA, w, offsetW),
    geev: (jobvl, jobvr, N, A, lda, offsetA, wr, offsetWr, wi, offsetWi, VL, ldvl, offsetVL, VR, ldvr, offsetVR) =>
      geev(ctx, jobvl, jobvr, N, A, lda, offsetA, wr, offsetWr, wi, offsetWi, VL, ldvl, offsetVL, VR, ldvr, offsetVR),
  };
}

/**
 * Binds the symmetric (`syevd`) and general (`geev`) eigensolvers to a double and a single
 * precision context, as kernels named by the contract.
 *
 * @example
 * ```ts
 * import { createLapackContext } from '@polyblas/backend-js';
 * import { eigKernels } from './eig-kernels.js'; // internal, not exported by @polyblas/backend-js
 * const k = eigKernels(createLapackContext('d'), createLapackContext('s'));
 * const w = new Float64Array(2);
 * k.dsyevd('N', 'L', 2, new Float64Array([2, 1, 1, 2]), 2, 0, w, 0); // w = [1, 3]
 * ```
 */
export function eigKernels(ctxD: LapackContext<Float64Array>, ctxS: LapackContext<Float32Array>): EigKernels {
  const d = bind(ctxD);
  const s = bind(ctxS);
  return { dsyevd: d.syevd, dgeev: d.geev, ssyevd: s.syevd, sgeev: s.geev };
}
