/**
 * The backends polyblas ships: the TypeScript reference, always present, and the optional
 * packages a user may install beside core, found by name at run time.
 *
 * @module
 */
import { jsBackend } from '@polyblas/backend-js';
import type { BackendDescriptor, BackendLoadResult } from '@polyblas/contract';
import { registerBackend } from './registry.js';

/**
 * Default priorities: the selector prefers the highest available one, as conda's
 * `blas=*=*accelerate*` and numpy's wheels prefer Accelerate on macOS and OpenBLAS elsewhere.
 *
 * @example
 * ```ts
 * import { BUILTIN_PRIORITIES } from '@polyblas/core';
 * BUILTIN_PRIORITIES.openblas > BUILTIN_PRIORITIES.wasm; // true
 * ```
 */
export const BUILTIN_PRIORITIES = { accelerate: 40, openblas: 30, wasm: 20, js: 10 } as const;

function isModuleNotFound(error: unknown, specifier: string): boolean {
  const e = error as { code?: string; message?: string } | null;
  if (e?.code === 'ERR_MODULE_NOT_FOUND' || e?.code === 'MODULE_NOT_FOUND') return String(e.message).includes(specifier);
  // Browsers and bundlers word it in their own ways.
  return /failed to (resolve|fetch)|cannot find|not found/i.test(String(e?.message)) && String(e?.message).includes(specifier);
}

/** Why a backend cannot run on this platform at all, before looking for its package. */
type PlatformCheck = () => string | null;

const requiresMacOS: PlatformCheck = () => {
  const platform = (globalThis as { process?: { platform?: string } }).process?.platform;
  return platform === 'darwin' ? null : 'requires macOS (Accelerate framework)';
};

/** A descriptor for a backend published as its own package, imported only when probed. */
function optionalPackage(name: keyof typeof BUILTIN_PRIORITIES, specifier: string, platform?: PlatformCheck): BackendDescriptor {
  return {
    name,
    priority: BUILTIN_PRIORITIES[name],
    async load(): Promise<BackendLoadResult> {
      const unsupported = platform?.() ?? null;
      if (unsupported !== null) return { available: false, reason: unsupported };
      let module: { descriptor?: BackendDescriptor };
      try {
        // A computed specifier keeps bundlers from pulling optional native packages into a browser build.
        const target = specifier;
        module = (await import(/* @vite-ignore */ target)) as { descriptor?: BackendDescriptor };
      } catch (error) {
        if (isModuleNotFound(error, specifier)) {
          return { available: false, reason: `${specifier} is not installed (npm install ${specifier})` };
        }
        return { available: false, reason: `${specifier} failed to load: ${error instanceof Error ? error.message : String(error)}` };
      }
      if (!module.descriptor || typeof module.descriptor.load !== 'function') {
        return { available: false, reason: `${specifier} does not export a backend descriptor` };
      }
      return module.descriptor.load();
    },
  };
}

registerBackend(optionalPackage('accelerate', '@polyblas/backend-accelerate', requiresMacOS));
registerBackend(optionalPackage('openblas', '@polyblas/backend-openblas'));
registerBackend(optionalPackage('wasm', '@polyblas/backend-wasm'));
registerBackend({ name: 'js', priority: BUILTIN_PRIORITIES.js, load: () => ({ available: true, backend: jsBackend }) });
