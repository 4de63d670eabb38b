/**
 * Where this package's compiled binding is (build/Release/polyblas_openblas.node), loaded through
 * the shared loader of `@polyblas/binding`.
 *
 * @module
 */
import { loadAddon as loadBinding, type NativeAddon } from '@polyblas/binding';

/**
 * Loads the OpenBLAS build of the native binding, or throws an Error whose message says why (the
 * reason the build recorded, or the loader's message).
 */
export function loadAddon(): NativeAddon {
  return loadBinding({
    addon: new URL('../build/Release/polyblas_openblas.node', import.meta.url),
    status: new URL('../build/polyblas-build.json', import.meta.url),
    library: 'libopenblas',
  });
}
