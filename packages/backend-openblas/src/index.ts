/**
 * polyblas backend on OpenBLAS: every BLAS and LAPACK kernel of the contract through one Node-API
 * binding over CBLAS and the Fortran-ABI LAPACK symbols, working in place on the caller's
 * TypedArrays. The binding is compiled when the package is installed; where that was not possible
 * (no libopenblas, no compiler) the backend reports itself unavailable with the reason, and
 * `@polyblas/core` moves on to the next backend.
 *
 * Threads: {@link setNumThreads}, {@link getNumThreads}, {@link withThreads}, and the
 * `POLYBLAS_NUM_THREADS` environment variable (read when the backend loads). OpenBLAS's thread
 * count is per process: it applies to calls from every worker thread.
 *
 * Core type: OpenBLAS chooses its kernels once, when the library loads, from the CPU or from
 * `OPENBLAS_CORETYPE` (for example `OPENBLAS_CORETYPE=SkylakeX` for AVX-512 kernels). Set it in the
 * environment before the process starts (`OPENBLAS_CORETYPE=SkylakeX node app.js`); setting it
 * later has no effect once the library is loaded. A name OpenBLAS does not know is ignored (it keeps
 * the core it detected, and `showConfig()` shows which); a known core whose instructions this CPU
 * lacks makes the backend unavailable instead of letting the process die of an illegal instruction.
 *
 * @example
 * ```ts
 * import { descriptor } from '@polyblas/backend-openblas';
 * const loaded = await descriptor.load();
 * if (loaded.available) console.log(loaded.backend.info()); // { library: 'OpenBLAS', coreType: 'Haswell', ... }
 * else console.log(loaded.reason);
 * ```
 *
 * @packageDocumentation
 */
import { readFileSync } from 'node:fs';
import { nativeKernels, type AsyncKernels, type NativeAddon } from '@polyblas/binding';
import type { Backend, BackendDescriptor, BackendInfo, BackendLoadResult } from '@polyblas/contract';
import { loadAddon } from './addon.js';
import { simdOfCore, unsupportedCoreType, type CpuFlags } from './coretype.js';

export { simdOfCore, unsupportedCoreType, type CpuFlags } from './coretype.js';
export type { AsyncKernels, NativeAddon, NativeLibraryInfo } from '@polyblas/binding';

/**
 * What to do when OpenBLAS is missing.
 *
 * @example
 * ```ts
 * import { INSTALL_HINT } from '@polyblas/backend-openblas';
 * console.log(INSTALL_HINT);
 * ```
 */
export const INSTALL_HINT =
  'apt-get install libopenblas-dev (Debian/Ubuntu) or brew install openblas (macOS), then npm rebuild @polyblas/backend-openblas';

/**
 * Reads a thread count as `POLYBLAS_NUM_THREADS` gives it: a positive integer, or an Error saying so.
 *
 * @example
 * ```ts
 * import { parseThreadCount } from '@polyblas/backend-openblas';
 * parseThreadCount('4'); // 4
 * parseThreadCount('four'); // throws RangeError
 * ```
 */
export function parseThreadCount(value: string, source = 'POLYBLAS_NUM_THREADS'): number {
  const trimmed = value.trim();
  const n = /^[0-9]+$/.test(trimmed) ? Number(trimmed) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new RangeError(`${source} must be a positive integer, got ${JSON.stringify(value)}`);
  }
  return n;
}

/** This CPU's feature flags (Linux only; elsewhere unknown). */
function cpuFlags(): CpuFlags {
  if (process.platform !== 'linux') return null;
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => /^(flags|Features)\s*:/.test(l));
    return line ? new Set(line.split(':')[1].trim().split(/\s+/)) : null;
  } catch {
    return null;
  }
}

let addon: NativeAddon | null = null;

function requireAddon(): NativeAddon {
  if (addon === null) throw new Error('the OpenBLAS backend is not loaded (load it through its descriptor, or @polyblas/core)');
  return addon;
}

/**
 * Sets the number of threads OpenBLAS uses for one call (for the whole process).
 *
 * @example
 * ```ts
 * import { setNumThreads } from '@polyblas/backend-openblas';
 * setNumThreads(1); // single-threaded BLAS, e.g. when the application runs its own workers
 * ```
 */
export function setNumThreads(n: number): void {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`threads must be a positive integer, got ${n}`);
  requireAddon().setNumThreads(n);
}

/**
 * The number of threads OpenBLAS uses for one call.
 *
 * @example
 * ```ts
 * import { getNumThreads } from '@polyblas/backend-openblas';
 * getNumThreads(); // e.g. 8
 * ```
 */
export function getNumThreads(): number {
  // OpenBLAS always reports its count.
  return requireAddon().getNumThreads() ?? 1;
}

/**
 * Runs `fn` with OpenBLAS limited to `n` threads and restores the previous count afterwards (when
 * `fn` returns a promise, once it settles), as threadpoolctl's `threadpool_limits` does for numpy.
 * The count is per process, so overlapping asynchronous uses see each other's setting.
 *
 * @example
 * ```ts
 * import { withThreads } from '@polyblas/backend-openblas';
 * const result = withThreads(1, () => heavyComputation());
 * ```
 */
export function withThreads<R>(n: number, fn: () => R): R {
  const previous = getNumThreads();
  setNumThreads(n);
  let result: R;
  try {
    result = fn();
  } catch (error) {
    setNumThreads(previous);
    throw error;
  }
  if (result instanceof Promise) {
    return result.finally(() => setNumThreads(previous)) as R;
  }
  setNumThreads(previous);
  return result;
}

function infoOf(native: NativeAddon): BackendInfo {
  const lib = native.libraryInfo();
  return {
    library: lib.library,
    version: lib.version,
    config: lib.config,
    coreType: lib.coreType,
    coreTypeRequested: process.env.OPENBLAS_CORETYPE ?? null,
    threads: lib.threads ?? undefined,
    threading: lib.threading,
    interface: lib.interface,
    integerWidth: lib.integerWidth,
    simd: simdOfCore(lib.coreType),
  };
}

/** Loads the binding and builds the backend; throws with the reason it cannot. */
function createBackend(): Backend {
  const requestedCore = process.env.OPENBLAS_CORETYPE;
  if (requestedCore !== undefined) {
    const problem = unsupportedCoreType(requestedCore, cpuFlags());
    if (problem !== null) throw new Error(problem);
  }
  const threadsVariable = process.env.POLYBLAS_NUM_THREADS;
  const threads = threadsVariable === undefined || threadsVariable === '' ? null : parseThreadCount(threadsVariable);
  const native = loadAddon();
  const kernels = nativeKernels(native);
  addon = native;
  if (threads !== null) native.setNumThreads(threads);
  return {
    name: 'openblas',
    kernels,
    asyncKernels: native.async,
    info: () => infoOf(native),
    setNumThreads,
    getNumThreads,
  };
}

/**
 * The promise-returning forms of the native kernels (`asyncKernels().dgemm(...)` resolves once the
 * product is in C), for an asynchronous API to build on; null until the backend is loaded.
 *
 * @example
 * ```ts
 * import { asyncKernels, loadOpenblas } from '@polyblas/backend-openblas';
 * loadOpenblas();
 * const C = new Float64Array(4);
 * await asyncKernels()?.dgemm('N', 'N', 2, 2, 2, 1, new Float64Array([1, 2, 3, 4]), 2, 1, 0,
 *   new Float64Array([5, 6, 7, 8]), 2, 1, 0, 0, C, 2, 1, 0); // C = [19, 22, 43, 50]
 * ```
 */
export function asyncKernels(): AsyncKernels | null {
  return addon?.async ?? null;
}

let loaded: BackendLoadResult | null = null;

/**
 * Loads the OpenBLAS backend (once; later calls return the same outcome).
 *
 * @example
 * ```ts
 * import { loadOpenblas } from '@polyblas/backend-openblas';
 * const result = loadOpenblas();
 * if (result.available) result.backend.kernels.dgemm; // the native dgemm
 * ```
 */
export function loadOpenblas(): BackendLoadResult {
  if (loaded !== null) return loaded;
  try {
    loaded = { available: true, backend: createBackend() };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    const setting = /POLYBLAS_NUM_THREADS|OPENBLAS_CORETYPE/.test(why);
    loaded = { available: false, reason: setting ? why : `${why}: ${INSTALL_HINT}` };
  }
  return loaded;
}

/**
 * How `@polyblas/core` finds this backend: name `openblas`, priority 30 (above wasm and js, below
 * Accelerate).
 *
 * @example
 * ```ts
 * import { registerBackend } from '@polyblas/core';
 * import { descriptor } from '@polyblas/backend-openblas';
 * registerBackend(descriptor); // core already does this for the built-in name
 * ```
 */
export const descriptor: BackendDescriptor = {
  name: 'openblas',
  priority: 30,
  load: loadOpenblas,
};
