/**
 * The bad-input battery against the OpenBLAS backend. Skipped when the binding is not built here,
 * except in CI, where OpenBLAS is installed and an unavailable backend is a failure.
 */
import { describe, expect, it } from 'vitest';
import { loadOpenblas } from '@polyblas/backend-openblas';
import { badInputConformance } from '../src/testing/bad-input.js';

const loaded = loadOpenblas();

describe.runIf(Boolean(process.env.CI) || loaded.available)('openblas for the bad-input battery', () => {
  it('is available', () => {
    expect(loaded.available ? 'available' : loaded.reason).toBe('available');
  });
});

if (loaded.available) badInputConformance('openblas');
