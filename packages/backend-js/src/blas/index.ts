/**
 * The TypeScript BLAS: levels 1-3, each routine written once, generic over the element type, and
 * bound to both precisions.
 *
 * @module
 */
import type { BlasKernels } from '@polyblas/contract';
import { asum } from './level1/asum.js';
import { axpy } from './level1/axpy.js';
import { copy } from './level1/copy.js';
import { dot } from './level1/dot.js';
import { iamax } from './level1/iamax.js';
import { nrm2 } from './level1/nrm2.js';
import { rot } from './level1/rot.js';
import { scal } from './level1/scal.js';
import { swap } from './level1/swap.js';
import { gemv } from './level2/gemv.js';
import { ger } from './level2/ger.js';
import { symv } from './level2/symv.js';
import { trmv } from './level2/trmv.js';
import { trsv } from './level2/trsv.js';
import { gemm } from './level3/gemm.js';
import { symm } from './level3/symm.js';
import { syrk } from './level3/syrk.js';
import { trmm } from './level3/trmm.js';
import { trsm } from './level3/trsm.js';

export { asum, axpy, copy, dot, iamax, nrm2, rot, scal, swap };
export { gemv, ger, symv, trmv, trsv };
export { gemm, symm, syrk, trmm, trsm };

/**
 * Every BLAS kernel of the contract under its full name (`ddot`, `sdot`, ..., `idamax`,
 * `isamax`): the same generic function serves the `d` (Float64Array) and `s` (Float32Array) names.
 * Arithmetic is done in double precision; results stored into a Float32Array are rounded there.
 *
 * @example
 * ```ts
 * import { blasKernels } from '@polyblas/backend-js';
 * const A = new Float64Array([1, 2, 3, 4]); // [[1, 2], [3, 4]] row-major
 * const y = new Float64Array(2);
 * blasKernels.dgemv('N', 2, 2, 1, A, 2, 1, 0, new Float64Array([1, 1]), 1, 0, 0, y, 1, 0); // y = [3, 7]
 * blasKernels.snrm2(2, new Float32Array([3, 4]), 1, 0); // 5
 * ```
 */
export const blasKernels: BlasKernels = {
  ddot: dot, sdot: dot,
  daxpy: axpy, saxpy: axpy,
  dscal: scal, sscal: scal,
  dcopy: copy, scopy: copy,
  dswap: swap, sswap: swap,
  dnrm2: nrm2, snrm2: nrm2,
  dasum: asum, sasum: asum,
  idamax: iamax, isamax: iamax,
  drot: rot, srot: rot,
  dgemv: gemv, sgemv: gemv,
  dger: ger, sger: ger,
  dsymv: symv, ssymv: symv,
  dtrmv: trmv, strmv: trmv,
  dtrsv: trsv, strsv: trsv,
  dgemm: gemm, sgemm: gemm,
  dsymm: symm, ssymm: symm,
  dsyrk: syrk, ssyrk: syrk,
  dtrmm: trmm, strmm: trmm,
  dtrsm: trsm, strsm: trsm,
};
