/**
 * The shared conformance suites run against the WebAssembly backend: its kernels over the
 * reference kernels (exactly as the selector merges them), and the linalg battery through the
 * public API with the backend selected. The module is committed, so it must load everywhere.
 */
import { describe, expect, it } from 'vitest';
import { referenceKernels } from '@polyblas/backend-js';
import { descriptor } from '@polyblas/backend-wasm';
import type { Kernels } from '@polyblas/contract';
import { conformanceSuite, linalgConformance } from '../src/testing/index.js';

const loaded = await descriptor.load();

describe('wasm backend', () => {
  it('loads, with every kernel of the contract its own', () => {
    expect(loaded.available ? 'available' : loaded.reason).toBe('available');
    if (!loaded.available) return;
    expect(Object.keys(loaded.backend.kernels).sort()).toEqual(Object.keys(referenceKernels).sort());
    for (const [name, kernel] of Object.entries(loaded.backend.kernels)) {
      expect(kernel, name).not.toBe(referenceKernels[name as keyof Kernels]);
    }
    expect(loaded.backend.info().simd).toBe('SIMD128');
  });
});

if (loaded.available) {
  conformanceSuite({ name: 'wasm', kernels: { ...referenceKernels, ...loaded.backend.kernels } as Kernels });
  linalgConformance('wasm');
}
