/**
 * The Accelerate backend off macOS: installing never fails and never builds, the backend reports
 * itself unavailable with the reason, and forcing it names the backends that are available.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { descriptor, loadAccelerate, UNSUPPORTED_PLATFORM } from '@polyblas/backend-accelerate';

const packageRoot = fileURLToPath(new URL('../../backend-accelerate/', import.meta.url));
const notMac = process.platform !== 'darwin';

afterEach(() => {
  delete process.env.POLYBLAS_BACKEND;
});

describe.runIf(notMac)('accelerate off macOS', () => {
  it('installs without building: one line, exit 0 (also with --strict absent), reason recorded', () => {
    const run = spawnSync(process.execPath, [join(packageRoot, 'scripts', 'install.mjs')], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual([
      '@polyblas/backend-accelerate: native binding not built: requires macOS (Accelerate framework). The accelerate backend will report itself unavailable.',
    ]);
    const status = JSON.parse(readFileSync(join(packageRoot, 'build', 'polyblas-build.json'), 'utf8')) as { ok: boolean; reason?: string };
    expect(status).toMatchObject({ ok: false, reason: 'requires macOS (Accelerate framework)' });
  });

  it('reports itself unavailable with the reason, at priority 40', async () => {
    expect(UNSUPPORTED_PLATFORM).toBe('requires macOS (Accelerate framework)');
    expect(loadAccelerate()).toEqual({ available: false, reason: UNSUPPORTED_PLATFORM });
    expect(await descriptor.load()).toEqual({ available: false, reason: UNSUPPORTED_PLATFORM });
    expect(descriptor).toMatchObject({ name: 'accelerate', priority: 40 });
  });

  it('POLYBLAS_BACKEND=accelerate is an error giving that reason and the available backends', async () => {
    vi.resetModules();
    process.env.POLYBLAS_BACKEND = 'accelerate';
    const core = await import('@polyblas/core');
    const available = core.showConfig().backends.filter((b) => b.available).map((b) => b.name);
    expect(available).toContain('js');
    expect(core.showConfig().backends.find((b) => b.name === 'accelerate')).toMatchObject({
      available: false, reason: 'requires macOS (Accelerate framework)',
    });
    expect(() => core.getBackend()).toThrow(
      `POLYBLAS_BACKEND=accelerate: "accelerate" is not available: requires macOS (Accelerate framework). Available backends: ${available.join(', ')}`,
    );
  });
});
