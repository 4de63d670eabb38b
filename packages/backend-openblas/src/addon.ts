/**
 * Loading the compiled binding (build/Release/polyblas_openblas.node) and what it exports.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Kernels } from '@polyblas/contract';

/** What the library reports about itself (native `libraryInfo()`). */
export interface NativeLibraryInfo {
  library: string;
  version: string;
  config: string;
  coreType: string;
  threads: number;
  integerWidth: number;
  threading: string;
}

/**
 * The same kernels returning promises: arguments are checked at once (a bad call rejects with the
 * same TypeError/RangeError), the work runs on a libuv worker thread, and the arrays are kept alive
 * until the promise settles. They must not be transferred, resized or written to meanwhile.
 */
export type AsyncKernels = {
  [K in keyof Kernels]: (...args: Parameters<Kernels[K]>) => Promise<ReturnType<Kernels[K]>>;
};

/** The native module: every kernel of the contract under its BLAS/LAPACK name, plus the library controls. */
export type NativeAddon = Kernels & {
  async: AsyncKernels;
  libraryInfo(): NativeLibraryInfo;
  getNumThreads(): number;
  setNumThreads(n: number): void;
};

/** The build's outcome, written by scripts/install.mjs next to the addon. */
interface BuildStatus {
  ok: boolean;
  reason?: string;
}

const ADDON_PATH = '../build/Release/polyblas_openblas.node';
const STATUS_PATH = '../build/polyblas-build.json';

/** Why the last build did not produce the addon, when the install script recorded it. */
function buildFailure(): string | null {
  try {
    const status = JSON.parse(readFileSync(new URL(STATUS_PATH, import.meta.url), 'utf8')) as BuildStatus;
    return status.ok ? null : status.reason ?? null;
  } catch {
    return null;
  }
}

/**
 * Loads the native binding, or throws an Error whose message says why (the reason the build
 * recorded, or the loader's message).
 */
export function loadAddon(): NativeAddon {
  const require = createRequire(import.meta.url);
  try {
    return require(ADDON_PATH) as NativeAddon;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'MODULE_NOT_FOUND') {
      const why = buildFailure();
      if (why?.startsWith('libopenblas not found')) throw new Error(why);
      throw new Error(`native binding not found (${why === null ? 'not built at install' : `build failed: ${why}`})`);
    }
    const message = error instanceof Error ? error.message : String(error);
    // The addon was built but the library it links to is gone (uninstalled, or moved).
    if (/libopenblas/.test(message)) throw new Error(`libopenblas not found (${message})`);
    throw new Error(`native binding failed to load (${message})`);
  }
}
