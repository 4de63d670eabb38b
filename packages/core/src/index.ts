/**
 * polyblas: numpy.linalg-shaped linear algebra for JavaScript over pluggable BLAS/LAPACK
 * backends. Importing this module selects a backend (`POLYBLAS_BACKEND` forces one; otherwise the
 * fastest available: accelerate > openblas > wasm > js) before your code runs.
 *
 * @example
 * ```ts
 * import { array, linalg, matmul, showConfig } from '@polyblas/core';
 * const a = array([[4, 1], [2, 3]]);
 * const { s } = linalg.svd(a);
 * matmul(a, a.T).toArray();
 * showConfig().active; // 'js' when only core is installed
 * ```
 *
 * @packageDocumentation
 */
import './backend/builtin.js';
import { ready } from './backend/select.js';

export * from './ndarray/index.js';
export * as linalg from './linalg/index.js';
export { matmul, matmulAsync, dot, vdot, inner, outer } from './products.js';
export { LinAlgError, BackendError } from './errors.js';
export { registerBackend } from './backend/registry.js';
export { BUILTIN_PRIORITIES } from './backend/builtin.js';
export {
  ready, setBackend, getBackend, setSizePolicy, getSizePolicy, DEFAULT_SIZE_RULES,
  type SizePolicy, type SizeRule, type SelectionSource,
} from './backend/select.js';
export { showConfig, formatConfig, type ConfigReport, type BackendReport } from './backend/config.js';
export { VERSION } from './version.js';
export type * from '@polyblas/contract';
export { BLAS_ROUTINES, LAPACK_ROUTINES, KERNEL_NAMES, kernelName, blasOf, lapackOf } from '@polyblas/contract';

// The selection is made before any importer runs, so every call can be synchronous.
await ready();
