/**
 * The shared kernel conformance suites, run against the OpenBLAS backend's native kernels (over
 * the reference kernels, exactly as the selector merges them), and the linalg battery through the
 * public API with the backend selected. Skipped when the binding is not built here, except in CI,
 * where OpenBLAS is installed and an unavailable backend is a failure.
 */
import { describe, expect, it } from 'vitest';
import { referenceKernels } from '@polyblas/backend-js';
import { loadOpenblas } from '@polyblas/backend-openblas';
import type { Kernels } from '@polyblas/contract';
import { blasConformance } from '../src/testing/blas.js';
import { eigConformance } from '../src/testing/lapack-eig.js';
import { factorizationConformance } from '../src/testing/lapack-factor.js';
import { svdConformance } from '../src/testing/lapack-svd.js';
import { linalgConformance } from '../src/testing/linalg.js';
import type { ConformanceTarget } from '../src/testing/target.js';

const loaded = loadOpenblas();
const required = Boolean(process.env.CI);

describe('openblas backend', () => {
  it.runIf(required || loaded.available)('loads, with every kernel of the contract native', () => {
    expect(loaded.available ? 'available' : loaded.reason).toBe('available');
    if (!loaded.available) return;
    for (const [name, kernel] of Object.entries(loaded.backend.kernels)) {
      expect(kernel, name).not.toBe(referenceKernels[name as keyof Kernels]);
    }
    expect(Object.keys(loaded.backend.kernels).sort()).toEqual(Object.keys(referenceKernels).sort());
  });
});

if (loaded.available) {
  const target: ConformanceTarget = {
    name: 'openblas',
    kernels: { ...referenceKernels, ...loaded.backend.kernels } as Kernels,
  };
  blasConformance(target);
  factorizationConformance(target);
  svdConformance(target);
  eigConformance(target);
  linalgConformance('openblas');
}
