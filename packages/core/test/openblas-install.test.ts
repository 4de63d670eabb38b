/**
 * The OpenBLAS backend's install step never fails an install: whatever goes wrong, it prints one
 * line saying why, records the reason for the backend to report, and exits 0 (1 only with --strict).
 * Runs on a copy of the package, so the real build is untouched.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const source = fileURLToPath(new URL('../../backend-openblas/', import.meta.url));
const copy = mkdtempSync(join(tmpdir(), 'polyblas-openblas-install-'));
for (const entry of ['CMakeLists.txt', 'native', 'scripts', 'package.json']) cpSync(join(source, entry), join(copy, entry), { recursive: true });
symlinkSync(join(source, 'node_modules'), join(copy, 'node_modules'));

afterAll(() => rmSync(copy, { recursive: true, force: true }));

function install(env: Record<string, string>, ...args: string[]) {
  const run = spawnSync(process.execPath, [join(copy, 'scripts', 'install.mjs'), ...args], {
    cwd: copy, env: { ...process.env, ...env }, encoding: 'utf8',
  });
  const status = JSON.parse(readFileSync(join(copy, 'build', 'polyblas-build.json'), 'utf8')) as { ok: boolean; reason?: string };
  return { code: run.status, lines: run.stdout.trim().split('\n'), status };
}

describe('openblas install script', () => {
  it('exits 0 with one line and a recorded reason when the library cannot be used', () => {
    const r = install({ POLYBLAS_OPENBLAS_LIBRARY: '/nonexistent/libopenblas.so' });
    expect(r.code).toBe(0);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(/^@polyblas\/backend-openblas: native binding not built: .+\. The openblas backend will report itself unavailable\.$/);
    expect(r.status.ok).toBe(false);
    expect(r.status.reason).toMatch(/libopenblas|cmake not found/);
  });

  it('exits 0 when cmake is missing, and 1 only when asked to be strict', () => {
    const noTools = { PATH: '/nonexistent' };
    const r = install(noTools);
    expect(r.code).toBe(0);
    expect(r.status.reason).toMatch(/cmake not found/);
    expect(install(noTools, '--strict').code).toBe(1);
  });

  it('can be skipped', () => {
    const r = install({ POLYBLAS_SKIP_NATIVE: '1' });
    expect(r.code).toBe(0);
    expect(r.status).toMatchObject({ ok: false, reason: 'skipped (POLYBLAS_SKIP_NATIVE=1)' });
  });
});
