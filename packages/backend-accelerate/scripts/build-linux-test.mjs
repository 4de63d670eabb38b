#!/usr/bin/env node
// Builds the Linux test build of this backend (build-linux-test/Release/
// polyblas_accelerate_linux_test.node): the shared binding sources and native/accelerate/
// blas_lapack.h, exactly as on macOS, against linux-test/include/Accelerate/Accelerate.h, a
// stand-in declaring Accelerate's new-LAPACK names and signatures and mapping them onto OpenBLAS.
// It proves that the Accelerate header and the binding compile and compute through that
// interface; it proves nothing about Apple's library itself (see README.md).
//
//   node scripts/build-linux-test.mjs [--force] [--strict]
//
// Never used by the backend's default loading; tests load it explicitly (loadLinuxTestBuild()).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installNative } from '@polyblas/binding/build';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

installNative({
  root,
  packageName: '@polyblas/backend-accelerate (Linux test build)',
  backend: 'accelerate test',
  addonName: 'polyblas_accelerate_linux_test',
  buildDir: join(root, 'build-linux-test'),
  defines: { POLYBLAS_ACCELERATE_STAND_IN: 'ON' },
  inputs: [join(root, 'linux-test')],
  // POLYBLAS_NATIVE_DIRECT=1 (or no cmake) compiles with the C++ compiler alone, the path a Mac
  // without cmake takes.
  direct: [{
    label: 'Linux stand-in',
    headerDir: join(root, 'native', 'accelerate'),
    includeDirs: [join(root, 'linux-test', 'include')],
    sources: [join(root, 'linux-test', 'bridge.cc')],
    libs: ['-lopenblas'],
  }],
  unsupported: process.platform === 'linux' ? null : 'the stand-in build is for Linux (on macOS, build the real one)',
});
