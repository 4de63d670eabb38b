/**
 * polyblas backend on Apple Accelerate: every BLAS and LAPACK kernel of the contract through the
 * shared Node-API binding of `@polyblas/binding` (the same C++ sources as
 * `@polyblas/backend-openblas`), compiled at install against `<Accelerate/Accelerate.h>` and
 * linked with `-framework Accelerate`. On macOS 13.3 and later it uses Accelerate's new LAPACK
 * interface (LP64); on older macOS the CLAPACK interface; `showConfig()` says which.
 *
 * On any other platform the package installs without building anything and the backend reports
 * itself unavailable: "requires macOS (Accelerate framework)".
 *
 * Threads: Accelerate chooses its own thread count and offers no portable control, so this
 * backend reports the count as unknown and {@link setNumThreads} throws rather than pretend.
 *
 * @example
 * ```ts
 * import { descriptor } from '@polyblas/backend-accelerate';
 * const loaded = await descriptor.load();
 * if (loaded.available) console.log(loaded.backend.info()); // { library: 'Accelerate', interface: 'new-lapack', ... }
 * else console.log(loaded.reason); // on Linux: 'requires macOS (Accelerate framework)'
 * ```
 *
 * @packageDocumentation
 */
import { loadAddon, nativeKernels, type AsyncKernels, type NativeAddon } from '@polyblas/binding';
import type { Backend, BackendDescriptor, BackendInfo, BackendLoadResult } from '@polyblas/contract';

export type { AsyncKernels, NativeAddon, NativeLibraryInfo } from '@polyblas/binding';

/**
 * Why the backend is unavailable anywhere but macOS.
 *
 * @example
 * ```ts
 * import { UNSUPPORTED_PLATFORM } from '@polyblas/backend-accelerate';
 * console.log(UNSUPPORTED_PLATFORM); // 'requires macOS (Accelerate framework)'
 * ```
 */
export const UNSUPPORTED_PLATFORM = 'requires macOS (Accelerate framework)';

/**
 * What to do on a Mac where the binding was not built.
 *
 * @example
 * ```ts
 * import { INSTALL_HINT } from '@polyblas/backend-accelerate';
 * console.log(INSTALL_HINT);
 * ```
 */
export const INSTALL_HINT =
  'install the Xcode command line tools (xcode-select --install), then npm rebuild @polyblas/backend-accelerate';

/** Why a thread count cannot be set: said by every thread control here. */
const NO_THREAD_CONTROL =
  'Accelerate has no thread-count control (it chooses its own threads); use the openblas backend to set a count';

/**
 * Accelerate offers no thread-count control, so this always throws an Error saying so (rather
 * than pretend to have set a count).
 *
 * @example
 * ```ts
 * import { setNumThreads } from '@polyblas/backend-accelerate';
 * try {
 *   setNumThreads(1);
 * } catch (error) {
 *   console.log((error as Error).message); // 'accelerate: Accelerate has no thread-count control ...'
 * }
 * ```
 */
export function setNumThreads(n: number): never {
  throw new Error(`accelerate: cannot use ${n} threads: ${NO_THREAD_CONTROL}`);
}

/**
 * The number of threads Accelerate uses for one call: unknown, so null (Accelerate does not say).
 *
 * @example
 * ```ts
 * import { getNumThreads } from '@polyblas/backend-accelerate';
 * getNumThreads(); // null
 * ```
 */
export function getNumThreads(): null {
  return null;
}

function infoOf(native: NativeAddon): BackendInfo {
  const lib = native.libraryInfo();
  return {
    library: lib.library,
    // Accelerate ships with the OS: its version is the macOS version.
    ...(lib.version === '' ? {} : { version: `macOS ${lib.version}` }),
    interface: lib.interface,
    config: lib.config,
    integerWidth: lib.integerWidth,
    threads: lib.threads ?? undefined,
    threading: lib.threading,
    threadControl: 'none',
  };
}

/** The backend over a loaded binding (the real one, or the Linux test build). */
function backendOver(native: NativeAddon, name: string): Backend {
  const kernels = nativeKernels(native);
  return {
    name,
    kernels,
    info: () => infoOf(native),
    setNumThreads,
    // core's asynchronous API runs these on a libuv worker thread.
    asyncKernels: native.async,
  };
}

let addon: NativeAddon | null = null;
let loaded: BackendLoadResult | null = null;

/**
 * Loads the Accelerate backend (once; later calls return the same outcome). Anywhere but macOS
 * it is unavailable with {@link UNSUPPORTED_PLATFORM} as the reason.
 *
 * @example
 * ```ts
 * import { loadAccelerate } from '@polyblas/backend-accelerate';
 * const result = loadAccelerate();
 * if (!result.available) console.log(result.reason);
 * ```
 */
export function loadAccelerate(): BackendLoadResult {
  if (loaded !== null) return loaded;
  if (process.platform !== 'darwin') {
    loaded = { available: false, reason: UNSUPPORTED_PLATFORM };
    return loaded;
  }
  try {
    const native = loadAddon({
      addon: new URL('../build/Release/polyblas_accelerate.node', import.meta.url),
      status: new URL('../build/polyblas-build.json', import.meta.url),
      library: 'Accelerate',
      reportAsIs: /^requires macOS/,
    });
    loaded = { available: true, backend: backendOver(native, 'accelerate') };
    addon = native;
  } catch (error) {
    loaded = { available: false, reason: `${error instanceof Error ? error.message : String(error)}: ${INSTALL_HINT}` };
  }
  return loaded;
}

/**
 * The promise-returning forms of the native kernels (`asyncKernels().dgemm(...)` resolves once the
 * product is in C), run on a libuv worker thread; null until the backend is loaded.
 *
 * @example
 * ```ts
 * import { asyncKernels, loadAccelerate } from '@polyblas/backend-accelerate';
 * loadAccelerate();
 * const C = new Float64Array(4);
 * await asyncKernels()?.dgemm('N', 'N', 2, 2, 2, 1, new Float64Array([1, 2, 3, 4]), 2, 1, 0,
 *   new Float64Array([5, 6, 7, 8]), 2, 1, 0, 0, C, 2, 1, 0); // C = [19, 22, 43, 50]
 * ```
 */
export function asyncKernels(): AsyncKernels | null {
  return addon?.async ?? null;
}

/**
 * For tests on Linux only, never used by {@link descriptor}: loads the Linux test build
 * (`pnpm --filter @polyblas/backend-accelerate run build:linux-test`), which compiles this
 * backend's Accelerate header and the shared binding against a stand-in `<Accelerate/Accelerate.h>`
 * that maps Accelerate's new-LAPACK names onto OpenBLAS. The backend is named
 * `accelerate-linux-test`. It exercises this package's C++ and loader, not Apple's library.
 *
 * @example
 * ```ts
 * import { loadLinuxTestBuild } from '@polyblas/backend-accelerate';
 * const result = loadLinuxTestBuild();
 * if (result.available) result.backend.info().interface; // 'new-lapack'
 * ```
 */
export function loadLinuxTestBuild(): BackendLoadResult {
  try {
    const native = loadAddon({
      addon: new URL('../build-linux-test/Release/polyblas_accelerate_linux_test.node', import.meta.url),
      status: new URL('../build-linux-test/polyblas-build.json', import.meta.url),
      library: 'libopenblas',
    });
    return { available: true, backend: backendOver(native, 'accelerate-linux-test') };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { available: false, reason: `${why} (run: pnpm --filter @polyblas/backend-accelerate run build:linux-test)` };
  }
}

/**
 * How `@polyblas/core` finds this backend: name `accelerate`, priority 40, the highest, so it is
 * the default on a Mac where it loads (above OpenBLAS).
 *
 * @example
 * ```ts
 * import { registerBackend } from '@polyblas/core';
 * import { descriptor } from '@polyblas/backend-accelerate';
 * registerBackend(descriptor); // core already does this for the built-in name
 * ```
 */
export const descriptor: BackendDescriptor = {
  name: 'accelerate',
  priority: 40,
  load: loadAccelerate,
};
