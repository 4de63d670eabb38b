#!/usr/bin/env node
// Builds the native binding (build/Release/polyblas_openblas.node): the shared sources of
// @polyblas/binding with native/openblas/blas_lapack.h, linked to OpenBLAS. Never fails an install:
// on any problem it prints one line saying why, records the reason in build/polyblas-build.json
// (the backend shows it), and exits 0.
//
//   node scripts/install.mjs            build if the sources or the toolchain changed
//   node scripts/install.mjs --force    build even if nothing changed
//   node scripts/install.mjs --strict   exit 1 when the build fails (for CI that expects OpenBLAS)
//
// POLYBLAS_SKIP_NATIVE=1 skips the build (the backend then reports "native binding not found").
// POLYBLAS_OPENBLAS_LIBRARY=/path/to/libopenblas.so links that library instead of searching.
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const packageName = '@polyblas/backend-openblas';

// Installations of OpenBLAS in the usual places: a new or removed one triggers a rebuild.
const KNOWN_LIBRARIES = [
  '/usr/lib/x86_64-linux-gnu/libopenblas.so', '/usr/lib/aarch64-linux-gnu/libopenblas.so',
  '/opt/homebrew/opt/openblas/lib/libopenblas.dylib', '/usr/local/opt/openblas/lib/libopenblas.dylib',
];

try {
  const { installNative } = await import('@polyblas/binding/build');
  installNative({
    root,
    packageName,
    backend: 'openblas',
    addonName: 'polyblas_openblas',
    // Always passed, so an earlier value does not linger in CMake's cache.
    defines: { OPENBLAS_LIBRARY: process.env.POLYBLAS_OPENBLAS_LIBRARY ?? '' },
    inputs: KNOWN_LIBRARIES.filter((lib) => existsSync(lib)).map((lib) => `found ${lib}`),
  });
} catch (error) {
  // Only reached when @polyblas/binding itself cannot be loaded.
  console.log(`${packageName}: native binding not built: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}. The openblas backend will report itself unavailable.`);
  process.exit(process.argv.includes('--strict') ? 1 : 0);
}
