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
// Without cmake on the PATH it compiles with clang++ alone, so the Xcode command line tools are all
// a Mac needs. POLYBLAS_SKIP_NATIVE=1 skips the build. POLYBLAS_ACCELERATE_INTERFACE=new-lapack|clapack
// overrides the choice of Accelerate's LAPACK interface (default: by the macOS version).
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const packageName = '@polyblas/backend-accelerate';

/** The macOS version as [major, minor], or null where sw_vers does not answer. */
function macosVersion() {
  try {
    const [major, minor] = execFileSync('sw_vers', ['-productVersion'], { encoding: 'utf8' }).trim().split('.').map(Number);
    return [major, minor ?? 0];
  } catch {
    return null;
  }
}

// Without cmake (the Xcode command line tools alone), the compiler builds the addon directly: the
// new LAPACK interface on macOS 13.3 and later, falling back to CLAPACK, as CMakeLists.txt chooses.
const requested = process.env.POLYBLAS_ACCELERATE_INTERFACE || 'auto';
const version = process.platform === 'darwin' ? macosVersion() : null;
const newLapackHere = version !== null && (version[0] > 13 || (version[0] === 13 && version[1] >= 3));
const attempts = {
  'new-lapack': { label: 'new-lapack interface', defines: ['ACCELERATE_NEW_LAPACK=1'] },
  clapack: { label: 'clapack interface', defines: ['PB_ACCELERATE_CLAPACK=1'] },
};
const order = requested === 'auto' ? (newLapackHere ? ['new-lapack', 'clapack'] : ['clapack']) : [requested];
const direct = order.filter((name) => name in attempts).map((name) => ({
  ...attempts[name],
  headerDir: join(root, 'native', 'accelerate'),
  libs: ['-framework', 'Accelerate'],
}));

try {
  const { installNative } = await import('@polyblas/binding/build');
  installNative({
    root,
    packageName,
    backend: 'accelerate',
    addonName: 'polyblas_accelerate',
    unsupported: process.platform === 'darwin' ? null : 'requires macOS (Accelerate framework)',
    defines: { POLYBLAS_ACCELERATE_INTERFACE: requested },
    direct,
  });
} catch (error) {
  // Only reached when @polyblas/binding itself cannot be loaded.
  console.log(`${packageName}: native binding not built: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}. The accelerate backend will report itself unavailable.`);
  process.exit(process.argv.includes('--strict') ? 1 : 0);
}
