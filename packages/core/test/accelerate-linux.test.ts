/**
 * The Accelerate backend's C++ (its blas_lapack.h with the shared binding), built on Linux against
 * the package's stand-in <Accelerate/Accelerate.h> that maps Accelerate's new-LAPACK names onto
 * OpenBLAS, loaded through the package's own loader and run through the shared conformance suites
 * and the linalg battery. What this proves and what it does not: packages/backend-accelerate/README.md.
 *
 * Skipped with a message where the test build is absent, except in CI, which builds it
 * (`pnpm --filter @polyblas/backend-accelerate run build:linux-test`) and fails without it.
 */
import { describe, expect, it } from 'vitest';
import { referenceKernels } from '@polyblas/backend-js';
import { getNumThreads, loadLinuxTestBuild, setNumThreads } from '@polyblas/backend-accelerate';
import type { Kernels } from '@polyblas/contract';
import { registerBackend } from '../src/backend/registry.js';
import { blasConformance } from '../src/testing/blas.js';
import { eigConformance } from '../src/testing/lapack-eig.js';
import { factorizationConformance } from '../src/testing/lapack-factor.js';
import { svdConformance } from '../src/testing/lapack-svd.js';
import { linalgConformance } from '../src/testing/linalg.js';
import { Rng } from '../src/testing/util.js';
import type { ConformanceTarget } from '../src/testing/target.js';

const onLinux = process.platform === 'linux';
const loaded = onLinux ? loadLinuxTestBuild() : null;
const required = onLinux && Boolean(process.env.CI);
const present = loaded?.available === true;

describe('accelerate Linux test build', () => {
  it.skipIf(present || required)(
    `is absent here, so the Accelerate C++ is not exercised (${loaded === null ? 'not Linux' : loaded.available ? '' : loaded.reason})`,
    () => {},
  );

  it.runIf(present || required)('loads through the package loader, with every kernel of the contract native', () => {
    expect(loaded?.available ? 'available' : loaded?.reason).toBe('available');
    if (!loaded?.available) return;
    expect(loaded.backend.name).toBe('accelerate-linux-test');
    for (const [name, kernel] of Object.entries(loaded.backend.kernels)) {
      expect(kernel, name).not.toBe(referenceKernels[name as keyof Kernels]);
    }
    expect(Object.keys(loaded.backend.kernels).sort()).toEqual(Object.keys(referenceKernels).sort());
  });

  it.runIf(present || required)('reports the new LAPACK interface, LP64, and threads as unknown and not settable', () => {
    if (!loaded?.available) throw new Error(loaded?.reason);
    const info = loaded.backend.info();
    expect(info).toMatchObject({ interface: 'new-lapack', integerWidth: 32, threadControl: 'none' });
    expect(info.library).toMatch(/^Accelerate \(Linux stand-in/);
    // ilaver through the header's declaration and the stand-in's bridge: a real LAPACK version.
    expect(info.config).toMatch(/^new-lapack interface, LP64, LAPACK 3\.\d+\.\d+$/);
    expect(info.threads).toBeUndefined();
    expect(info.threading).toMatch(/no thread-count control/);
    expect(() => loaded.backend.setNumThreads?.(2)).toThrow(/Accelerate has no thread-count control/);
    expect(() => setNumThreads(1)).toThrow(/Accelerate has no thread-count control/);
    expect(getNumThreads()).toBeNull();
  });

  it.runIf(present || required)('offers the promise forms, which give what the synchronous kernels give', async () => {
    if (!loaded?.available) throw new Error(loaded?.reason);
    const forms = loaded.backend.asyncKernels;
    const rng = new Rng(7);
    const n = 30;
    const a = Float64Array.from({ length: n * n }, () => rng.next() - 0.5);
    const b = Float64Array.from({ length: n * n }, () => rng.next() - 0.5);
    const [cSync, cAsync] = [new Float64Array(n * n), new Float64Array(n * n)];
    loaded.backend.kernels.dgemm!('N', 'T', n, n, n, 1, a, n, 1, 0, b, n, 1, 0, 0, cSync, n, 1, 0);
    await forms?.dgemm?.('N', 'T', n, n, n, 1, a, n, 1, 0, b, n, 1, 0, 0, cAsync, n, 1, 0);
    expect(cAsync).toEqual(cSync);
    // C = A·Bᵀ against the naive sum.
    for (const [i, j] of [[0, 0], [3, 17], [29, 29]]) {
      let sum = 0;
      for (let p = 0; p < n; p++) sum += a[i * n + p] * b[j * n + p];
      expect(Math.abs(cSync[i * n + j] - sum)).toBeLessThan(1e-13 * n);
    }
    const [sSync, sAsync] = [new Float64Array(n), new Float64Array(n)];
    const dummy = new Float64Array(1);
    const gesdd = (s: Float64Array) => [ 'N', n, n, Float64Array.from(a), n, 0, s, 0, dummy, 1, 0, dummy, 1, 0 ] as const;
    expect(loaded.backend.kernels.dgesdd!(...gesdd(sSync))).toBe(0);
    expect(await forms?.dgesdd?.(...gesdd(sAsync))).toBe(0);
    expect(sAsync).toEqual(sSync);
  });
});

if (present && loaded?.available) {
  const target: ConformanceTarget = {
    name: 'accelerate-linux-test',
    kernels: { ...referenceKernels, ...loaded.backend.kernels } as Kernels,
  };
  blasConformance(target);
  factorizationConformance(target);
  svdConformance(target);
  eigConformance(target);
  // The API battery through the selector, with the test build registered under its own name
  // (priority 0: never a default; this registry lives only in this test file).
  registerBackend({ name: 'accelerate-linux-test', priority: 0, load: () => loaded });
  linalgConformance('accelerate-linux-test');
}
