#!/usr/bin/env node
// Builds the native binding on macOS (build/Release/polyblas_accelerate.node): the shared sources
// of @polyblas/binding with native/accelerate/blas_lapack.h, linked with -framework Accelerate.
// Anywhere else it builds nothing and records "requires macOS (Accelerate framework)", which the
// backend reports. Never fails an install: on any problem it prints one line saying why and exits 0.
//
//   node scripts/install.mjs            build if the sources or the toolchain changed
//   node scripts/install.mjs --force    build even if nothing changed
//   node scripts/install.mjs --strict   exit 1 when the build fails (for CI on a Mac)
//
// POLYBLAS_SKIP_NATIVE=1 skips the build. POLYBLAS_ACCELERATE_INTERFACE=new-lapack|clapack
// overrides the choice of Accelerate's LAPACK interface (default: by the macOS version).
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const packageName = '@polyblas/backend-accelerate';

try {
  const { installNative } = await import('@polyblas/binding/build');
  installNative({
    root,
    packageName,
    backend: 'accelerate',
    addonName: 'polyblas_accelerate',
    unsupported: process.platform === 'darwin' ? null : 'requires macOS (Accelerate framework)',
    defines: { POLYBLAS_ACCELERATE_INTERFACE: process.env.POLYBLAS_ACCELERATE_INTERFACE || 'auto' },
  });
} catch (error) {
  // Only reached when @polyblas/binding itself cannot be loaded.
  console.log(`${packageName}: native binding not built: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}. The accelerate backend will report itself unavailable.`);
  process.exit(process.argv.includes('--strict') ? 1 : 0);
}
