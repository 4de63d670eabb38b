/**
 * The shared half of polyblas's native backends: loading a compiled binding and what it exports.
 * The binding itself (native/*.cc, one set of library-neutral C++ sources over CBLAS and LAPACK),
 * the CMake function that builds it against a backend's own `blas_lapack.h`
 * (`cmake/PolyblasBinding.cmake`) and the never-failing install step (`@polyblas/binding/build`)
 * live in this package too; `@polyblas/backend-openblas` and `@polyblas/backend-accelerate` differ
 * only in that header, their link settings and their TypeScript specifics.
 *
 * @example
 * ```ts
 * import { loadAddon, nativeKernels } from '@polyblas/binding';
 * const native = loadAddon({
 *   addon: new URL('../build/Release/polyblas_openblas.node', import.meta.url),
 *   status: new URL('../build/polyblas-build.json', import.meta.url),
 *   library: 'libopenblas',
 * });
 * nativeKernels(native).dgemm; // the native dgemm
 * ```
 *
 * @packageDocumentation
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { KERNEL_NAMES } from '@polyblas/contract';
import type { Kernels } from '@polyblas/contract';

/**
 * What the library reports about itself (the binding's `libraryInfo()`).
 *
 * @example
 * ```ts
 * import type { NativeLibraryInfo } from '@polyblas/binding';
 * const info: NativeLibraryInfo = {
 *   library: 'OpenBLAS', version: '0.3.21', config: 'OpenBLAS 0.3.21 DYNAMIC_ARCH', coreType: 'Haswell',
 *   threads: 8, integerWidth: 32, threading: 'pthreads', interface: 'cblas+fortran',
 * };
 * ```
 */
export interface NativeLibraryInfo {
  /** The library's name (`'OpenBLAS'`, `'Accelerate'`). */
  library: string;
  /** Its version, or `''` where it has no way to say. */
  version: string;
  /** Its build configuration or interface description. */
  config: string;
  /** The CPU core type its kernels were chosen for, or `''`. */
  coreType: string;
  /** Threads one call uses, or null where the library does not say. */
  threads: number | null;
  /** Width in bits of the library's integers: 32 (LP64) or 64 (ILP64). */
  integerWidth: number;
  /** How the library threads (`'pthreads'`, `'openmp'`, `'none'`, or a description). */
  threading: string;
  /** Which of the library's C interfaces the binding was compiled against. */
  interface: string;
}

/**
 * The binding's kernels returning promises: arguments are checked at once (a bad call rejects with
 * the same TypeError/RangeError), the work runs on a libuv worker thread, and the arrays are kept
 * alive until the promise settles. They must not be transferred, resized or written to meanwhile.
 *
 * @example
 * ```ts
 * import type { AsyncKernels } from '@polyblas/binding';
 * declare const forms: AsyncKernels;
 * const info = await forms.dpotrf('L', 2, new Float64Array([4, 2, 2, 5]), 2, 0); // 0
 * ```
 */
export type AsyncKernels = {
  [K in keyof Kernels]: (...args: Parameters<Kernels[K]>) => Promise<ReturnType<Kernels[K]>>;
};

/**
 * The native module: every kernel of the contract under its BLAS/LAPACK name, their promise forms,
 * and the library controls.
 *
 * @example
 * ```ts
 * import type { NativeAddon } from '@polyblas/binding';
 * declare const native: NativeAddon;
 * if (native.canSetThreads()) native.setNumThreads(1);
 * ```
 */
export type NativeAddon = Kernels & {
  /** The promise forms of the kernels. */
  async: AsyncKernels;
  /** What the library reports about itself. */
  libraryInfo(): NativeLibraryInfo;
  /** Threads one call uses, or null where the library does not say. */
  getNumThreads(): number | null;
  /** Whether the library lets the thread count be set. */
  canSetThreads(): boolean;
  /** Sets the thread count; throws where the library has no such control. */
  setNumThreads(n: number): void;
};

/**
 * The outcome of the last build, as the install step records it next to the addon.
 *
 * @example
 * ```ts
 * import type { BuildStatus } from '@polyblas/binding';
 * const status: BuildStatus = { ok: false, reason: 'requires macOS (Accelerate framework)' };
 * ```
 */
export interface BuildStatus {
  /** Whether the addon was built. */
  ok: boolean;
  /** Why not, when it was not. */
  reason?: string;
}

/**
 * Reads the status file the install step wrote; null when there is none (never built here).
 *
 * @example
 * ```ts
 * import { readBuildStatus } from '@polyblas/binding';
 * readBuildStatus(new URL('../build/polyblas-build.json', import.meta.url))?.reason;
 * ```
 */
export function readBuildStatus(status: URL): BuildStatus | null {
  try {
    const parsed = JSON.parse(readFileSync(status, 'utf8')) as BuildStatus;
    return typeof parsed.ok === 'boolean' ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * Where a backend's addon is and how to word its failures.
 *
 * @example
 * ```ts
 * import type { AddonLocation } from '@polyblas/binding';
 * const location: AddonLocation = {
 *   addon: new URL('../build/Release/polyblas_openblas.node', import.meta.url),
 *   status: new URL('../build/polyblas-build.json', import.meta.url),
 *   library: 'libopenblas',
 * };
 * ```
 */
export interface AddonLocation {
  /** The compiled addon (`build/Release/<name>.node`). */
  addon: URL;
  /** The install step's status file (`build/polyblas-build.json`). */
  status: URL;
  /**
   * The library's file name stem (`'libopenblas'`): a recorded reason that starts with
   * "<library> not found", or a load error that names it, is reported as the library missing.
   */
  library: string;
  /** Recorded build failures to report as they are, without "native binding not found (...)". */
  reportAsIs?: RegExp;
}

/**
 * Loads a native binding, or throws an Error whose message says why: the reason the install step
 * recorded (the library is missing, the platform is not supported, the compiler failed), or the
 * loader's own message.
 *
 * @example
 * ```ts
 * import { loadAddon } from '@polyblas/binding';
 * try {
 *   loadAddon({
 *     addon: new URL('../build/Release/polyblas_openblas.node', import.meta.url),
 *     status: new URL('../build/polyblas-build.json', import.meta.url),
 *     library: 'libopenblas',
 *   });
 * } catch (error) {
 *   console.log((error as Error).message); // e.g. 'libopenblas not found'
 * }
 * ```
 */
export function loadAddon(location: AddonLocation): NativeAddon {
  const require = createRequire(location.addon);
  try {
    return require(fileURLToPath(location.addon)) as NativeAddon;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'MODULE_NOT_FOUND') {
      const why = readBuildStatus(location.status);
      const reason = why === null || why.ok ? null : why.reason ?? 'unknown reason';
      if (reason !== null && (reason.startsWith(`${location.library} not found`) || location.reportAsIs?.test(reason))) {
        throw new Error(reason);
      }
      throw new Error(`native binding not found (${reason === null ? 'not built at install' : `build failed: ${reason}`})`);
    }
    const message = error instanceof Error ? error.message : String(error);
    // The addon was built but the library it links to is gone (uninstalled, or moved).
    if (message.includes(location.library)) throw new Error(`${location.library} not found (${message})`);
    throw new Error(`native binding failed to load (${message})`);
  }
}

/**
 * The contract's kernels from a loaded binding, by name; throws when the binding lacks any (an
 * addon built from older sources).
 *
 * @example
 * ```ts
 * import { nativeKernels, type NativeAddon } from '@polyblas/binding';
 * declare const native: NativeAddon;
 * const kernels = nativeKernels(native); // { ddot, ..., dgesdd, ... }
 * ```
 */
export function nativeKernels(native: NativeAddon): Kernels {
  const missing = KERNEL_NAMES.filter((name) => typeof native[name] !== 'function');
  if (missing.length > 0) throw new Error(`native binding lacks ${missing.join(', ')} (rebuild it)`);
  const kernels: Partial<Kernels> = {};
  for (const name of KERNEL_NAMES) (kernels as Record<string, unknown>)[name] = native[name];
  return kernels as Kernels;
}
