/**
 * The shared conformance suites and the linalg battery against the real Accelerate backend. Runs
 * only on macOS where the binding is built (required there in CI); elsewhere it is skipped with a
 * message, and accelerate-linux.test.ts exercises the same C++ against a stand-in instead.
 */
import { describe, expect, it } from 'vitest';
import { referenceKernels } from '@polyblas/backend-js';
import { loadAccelerate } from '@polyblas/backend-accelerate';
import type { Kernels } from '@polyblas/contract';
import { blasConformance } from '../src/testing/blas.js';
import { eigConformance } from '../src/testing/lapack-eig.js';
import { factorizationConformance } from '../src/testing/lapack-factor.js';
import { svdConformance } from '../src/testing/lapack-svd.js';
import { linalgConformance } from '../src/testing/linalg.js';
import type { ConformanceTarget } from '../src/testing/target.js';

const onMac = process.platform === 'darwin';
const loaded = loadAccelerate();
const required = onMac && Boolean(process.env.CI);

describe('accelerate backend', () => {
  it.skipIf(loaded.available || required)(`is not available here, so it is not tested (${loaded.available ? '' : loaded.reason})`, () => {});

  it.runIf(loaded.available || required)('loads, with every kernel of the contract native and its interface reported', () => {
    expect(loaded.available ? 'available' : loaded.reason).toBe('available');
    if (!loaded.available) return;
    for (const [name, kernel] of Object.entries(loaded.backend.kernels)) {
      expect(kernel, name).not.toBe(referenceKernels[name as keyof Kernels]);
    }
    const info = loaded.backend.info();
    expect(info.library).toBe('Accelerate');
    expect(['new-lapack', 'clapack']).toContain(info.interface);
    expect(info.integerWidth).toBe(32);
    expect(() => loaded.backend.setNumThreads?.(1)).toThrow(/no thread-count control/);
  });
});

if (loaded.available) {
  const target: ConformanceTarget = {
    name: 'accelerate',
    kernels: { ...referenceKernels, ...loaded.backend.kernels } as Kernels,
  };
  blasConformance(target);
  factorizationConformance(target);
  svdConformance(target);
  eigConformance(target);
  linalgConformance('accelerate');
}
