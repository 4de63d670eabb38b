/**
 * What a backend is: a set of kernels (all or part of the contract), a description of itself, and
 * the descriptor through which the selector loads it.
 *
 * @module
 */
import type { BlasKernels } from './blas.js';
import type { LapackKernels } from './lapack.js';

/**
 * Every kernel of the contract by its full BLAS/LAPACK name.
 *
 * @example
 * ```ts
 * import type { Kernels } from '@polyblas/contract';
 * function svd(k: Kernels) { return k.dgesdd; }
 * ```
 */
export type Kernels = BlasKernels & LapackKernels;

/**
 * A kernel's full name: `'dgemm'`, `'sgetrf'`, `'idamax'`, ...
 *
 * @example
 * ```ts
 * import type { KernelName } from '@polyblas/contract';
 * const name: KernelName = 'dgesdd';
 * ```
 */
export type KernelName = keyof Kernels;

/**
 * The promise-returning forms of kernels: the same arguments, the same result once the work is
 * done. A backend that can compute off the calling thread offers them (see
 * {@link Backend.asyncKernels}); the arrays it is given must stay untouched until the promise
 * settles.
 *
 * @example
 * ```ts
 * import type { AsyncKernels } from '@polyblas/contract';
 * declare const forms: Partial<AsyncKernels>;
 * const info = await forms.dpotrf?.('L', 2, new Float64Array([4, 2, 2, 5]), 2, 0); // 0
 * ```
 */
export type AsyncKernels = {
  [K in KernelName]: (...args: Parameters<Kernels[K]>) => Promise<ReturnType<Kernels[K]>>;
};

/**
 * How a backend describes itself in `showConfig()`. Every field is JSON-serialisable.
 *
 * @example
 * ```ts
 * import type { BackendInfo } from '@polyblas/contract';
 * const info: BackendInfo = { library: 'OpenBLAS', version: '0.3.21', threads: 2, simd: 'AVX2' };
 * ```
 */
export interface BackendInfo {
  /** The library that does the arithmetic (`'polyblas (TypeScript)'`, `'OpenBLAS'`, ...). */
  library?: string;
  /** That library's version. */
  version?: string;
  /** The CPU core type the library's kernels were chosen for, where it says (`'Haswell'`). */
  coreType?: string;
  /** Width in bits of the integers the library takes (32 for LP64, 64 for ILP64). */
  integerWidth?: number;
  /** Threads the library uses for one call. */
  threads?: number;
  /** The SIMD instruction set the kernels use (`'none'`, `'SIMD128'`, `'AVX2'`). */
  simd?: string;
  /** Anything else worth reporting, such as a build configuration string. */
  [key: string]: string | number | boolean | null | undefined | readonly string[];
}

/**
 * A loaded backend. `kernels` may hold only part of the contract: the selector falls back to the
 * reference backend routine by routine for what is missing.
 *
 * @example
 * ```ts
 * import type { Backend } from '@polyblas/contract';
 * const backend: Backend = {
 *   name: 'tiny',
 *   kernels: { ddot: (n, x, sx, ox, y, sy, oy) => { let s = 0; for (let i = 0; i < n; i++) s += x[ox + i * sx] * y[oy + i * sy]; return s; } },
 *   info: () => ({ library: 'tiny', threads: 1 }),
 * };
 * ```
 */
export interface Backend {
  /** The name users select it by (`POLYBLAS_BACKEND`). */
  readonly name: string;
  /** The kernels it implements. */
  readonly kernels: Partial<Kernels>;
  /** Its description for `showConfig()`; called each time a report is made. */
  info(): BackendInfo;
  /** Sets the number of threads one call may use, where the library allows it. */
  setNumThreads?(n: number): void;
  /** The number of threads one call may use. */
  getNumThreads?(): number;
  /**
   * Promise forms of some of `kernels` that run off the calling thread (a native library on a
   * worker thread). `@polyblas/core`'s asynchronous API awaits these where present and calls the
   * synchronous kernel otherwise.
   */
  readonly asyncKernels?: Partial<AsyncKernels>;
}

/**
 * The outcome of loading a backend: the backend, or the reason it cannot be used here (with what
 * to do about it, where there is something to do).
 *
 * @example
 * ```ts
 * import type { BackendLoadResult } from '@polyblas/contract';
 * const missing: BackendLoadResult = {
 *   available: false,
 *   reason: 'libopenblas not found: apt-get install libopenblas-dev',
 * };
 * ```
 */
export type BackendLoadResult =
  | { readonly available: true; readonly backend: Backend }
  | { readonly available: false; readonly reason: string };

/**
 * How a backend makes itself known to the selector: a name, a priority (higher wins by default),
 * and a loader that is called at most once.
 *
 * @example
 * ```ts
 * import type { BackendDescriptor } from '@polyblas/contract';
 * const descriptor: BackendDescriptor = {
 *   name: 'mine',
 *   priority: 5,
 *   load: async () => ({ available: false, reason: 'requires macOS' }),
 * };
 * ```
 */
export interface BackendDescriptor {
  /** The name users select it by; lower-case letters, digits and dashes. */
  readonly name: string;
  /** Default order among available backends: higher first (accelerate 40, openblas 30, wasm 20, js 10). */
  readonly priority: number;
  /** Loads the backend, or says why it cannot be used. Must not throw; a throw is reported as unavailable. */
  load(): BackendLoadResult | Promise<BackendLoadResult>;
}
