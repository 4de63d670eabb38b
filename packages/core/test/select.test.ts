import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';

type Core = typeof import('@polyblas/core');

/** A fresh copy of core, selecting with the given POLYBLAS_BACKEND, as a new process would. */
async function freshCore(backendVariable?: string): Promise<Core> {
  vi.resetModules();
  if (backendVariable === undefined) delete process.env.POLYBLAS_BACKEND;
  else process.env.POLYBLAS_BACKEND = backendVariable;
  return import('@polyblas/core');
}

afterEach(() => {
  delete process.env.POLYBLAS_BACKEND;
});

const PRIORITY_ORDER = ['accelerate', 'openblas', 'wasm', 'js'];

/** The built-in backends this machine can load, highest priority first. */
async function availableHere(): Promise<string[]> {
  const core = await freshCore();
  return core.showConfig().backends.filter((b) => b.available).map((b) => b.name);
}

describe('default selection', () => {
  it('picks the highest-priority available backend and reports every known one', async () => {
    const available = await availableHere();
    const core = await freshCore();
    const report = core.showConfig();
    expect(report.backends.map((b) => b.name)).toEqual(PRIORITY_ORDER);
    expect(available).toContain('js');
    expect(core.getBackend()).toBe(available[0]);
    expect(report.active).toBe(available[0]);
    expect(report.source).toBe('default');
    const js = report.backends.find((b) => b.name === 'js')!;
    expect(js.available).toBe(true);
    expect(js.library).toBe('polyblas (TypeScript)');
    for (const b of report.backends.filter((x) => !x.available)) {
      expect(b.available).toBe(false);
      expect(b.reason).toMatch(/not installed \(npm install @polyblas\/backend-|requires macOS|not found/);
    }
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('prints a readable report', async () => {
    const [first] = await availableHere();
    const core = await freshCore();
    const text = core.formatConfig(core.showConfig());
    expect(text).toContain(`active backend: ${first} (default order)`);
    expect(text).toMatch(new RegExp(`\\* ${first}\\s+available`));
    expect(text).toMatch(/ js\s+available\n\s+library: polyblas \(TypeScript\)/);
    for (const b of core.showConfig().backends.filter((x) => !x.available)) {
      expect(text).toContain(`${b.name.padEnd(11)} unavailable: ${b.reason}`);
    }
  });
});

describe('POLYBLAS_BACKEND', () => {
  it('forces a backend by name', async () => {
    const core = await freshCore('js');
    expect(core.showConfig().active).toBe('js');
    expect(core.showConfig().source).toBe('POLYBLAS_BACKEND');
    expect(core.showConfig().requested).toEqual(['js']);
  });

  it('takes an ordered preference and uses the first available', async () => {
    const available = await availableHere();
    const core = await freshCore('accelerate, wasm ,js');
    expect(core.getBackend()).toBe(available.includes('wasm') ? 'wasm' : 'js');
    expect(core.showConfig().requested).toEqual(['accelerate', 'wasm', 'js']);
  });

  it('names the valid backends when a name is unknown, and every call throws that error', async () => {
    const core = await freshCore('nonsense');
    expect(() => core.getBackend()).toThrow(core.BackendError);
    expect(() => core.getBackend()).toThrow(/unknown backend "nonsense"; valid names are accelerate, openblas, wasm, js/);
    expect(core.showConfig().active).toBeNull();
    expect(core.showConfig().error).toMatch(/POLYBLAS_BACKEND: unknown backend "nonsense"/);
    expect(() => core.matmul(core.eye(2), core.eye(2))).toThrow(/unknown backend "nonsense"/);
  });

  it.skipIf(process.platform === 'darwin')('says why a forced backend is unavailable and what is available', async () => {
    const available = await availableHere();
    const core = await freshCore('accelerate');
    expect(() => core.getBackend()).toThrow(core.BackendError);
    expect(() => core.getBackend()).toThrow(
      new RegExp(`POLYBLAS_BACKEND=accelerate: "accelerate" is not available: .+\\. Available backends: ${available.join(', ')}$`),
    );
  });

  it('rejects an empty entry in the list', async () => {
    const core = await freshCore('js,,wasm');
    expect(() => core.getBackend()).toThrow(/POLYBLAS_BACKEND: expected a comma-separated list/);
  });
});

describe('setBackend', () => {
  it('switches, rejects unknown names without changing the selection, and returns to the default', async () => {
    const core = await freshCore();
    await expect(core.setBackend('js')).resolves.toBe('js');
    expect(core.showConfig().source).toBe('setBackend');
    await expect(core.setBackend('nonsense')).rejects.toThrow(/setBackend: unknown backend "nonsense"/);
    core.registerBackend({ name: 'absent', priority: 0, load: () => ({ available: false, reason: 'needs the absent library' }) });
    await expect(core.setBackend('absent')).rejects.toThrow(/setBackend=absent: "absent" is not available: needs the absent library\. Available backends: .*js/);
    expect(core.getBackend()).toBe('js');
    expect(core.showConfig().source).toBe('setBackend');
    await core.setBackend('default');
    expect(core.showConfig().source).toBe('default');
    await expect(core.setBackend(42 as unknown as string)).rejects.toThrow(TypeError);
  });
});

describe('registerBackend', () => {
  it('validates descriptors', async () => {
    const core = await freshCore();
    expect(() => core.registerBackend({ name: 'Bad Name', priority: 1, load: () => ({ available: false, reason: 'x' }) })).toThrow(
      /descriptor.name/,
    );
    expect(() => core.registerBackend({ name: 'ok', priority: NaN, load: () => ({ available: false, reason: 'x' }) })).toThrow(
      /descriptor.priority/,
    );
  });

  it('replaces a backend that was unavailable, but never one that loaded', async () => {
    const core = await freshCore();
    core.registerBackend({ name: 'late', priority: 0, load: () => ({ available: false, reason: 'could not be imported' }) });
    await expect(core.setBackend('late')).rejects.toThrow(/could not be imported/);
    const js = (await import('@polyblas/backend-js')).jsBackend;
    core.registerBackend({ name: 'late', priority: 0, load: () => ({ available: true, backend: { ...js, name: 'late' } }) });
    await expect(core.setBackend('late')).resolves.toBe('late');
    expect(core.linalg.det(core.array([[2, 0], [0, 3]]))).toBeCloseTo(6, 12);
    expect(() => core.registerBackend({ name: 'late', priority: 0, load: () => ({ available: false, reason: 'x' }) })).toThrow(
      /already loaded/,
    );
  });

  it('runs a partial backend, falling back to the reference routine by routine', async () => {
    const core = await freshCore();
    let calls = 0;
    core.registerBackend({
      name: 'partial',
      priority: 100,
      load: () => ({
        available: true,
        backend: {
          name: 'partial',
          kernels: {
            ddot: (n, x, sx, ox, y, sy, oy) => {
              calls++;
              let s = 0;
              for (let i = 0; i < n; i++) s += x[ox + i * sx] * y[oy + i * sy];
              return s;
            },
          },
          info: () => ({ library: 'partial test backend' }),
        },
      }),
    });
    await core.setBackend('partial');
    expect(core.dot(core.array([1, 2, 3]), core.array([4, 5, 6]))).toBe(32);
    expect(calls).toBe(1);
    // gemm is not implemented by the partial backend: the reference serves it.
    expect(core.matmul(core.array([[1, 2]]), core.array([[3], [4]])).toArray()).toEqual([[11]]);
    const report = core.showConfig().backends.find((b) => b.name === 'partial')!;
    expect(report.fallback).toContain('dgemm');
    expect(report.fallback).not.toContain('ddot');
  });

  it('reports a loader that throws as unavailable, with its message', async () => {
    const core = await freshCore();
    core.registerBackend({ name: 'broken', priority: 1, load: () => { throw new Error('library failed to load: libfoo.so'); } });
    await expect(core.setBackend('broken')).rejects.toThrow(/"broken" is not available: library failed to load: libfoo.so/);
    expect(core.showConfig().backends.find((b) => b.name === 'broken')).toMatchObject({ available: false, reason: 'library failed to load: libfoo.so' });
  });
});

describe('size policy', () => {
  it('routes small problems to the named backend only when the backend was chosen by default', async () => {
    const core = await freshCore();
    const { referenceKernels } = await import('@polyblas/backend-js');
    let routed = 0;
    core.registerBackend({
      name: 'small',
      priority: 1,
      load: () => ({
        available: true,
        backend: {
          name: 'small',
          kernels: { dgemm: (...args: Parameters<typeof referenceKernels.dgemm>) => { routed++; referenceKernels.dgemm(...args); } },
          info: () => ({}),
        },
      }),
    });
    await core.setSizePolicy({ mode: 'auto', rules: [{ routines: ['gemm'], maxSize: 4, backend: 'small' }] });
    expect(core.getSizePolicy().routing).toBe(true);
    core.matmul(core.eye(4), core.eye(4));
    expect(routed).toBe(1);
    core.matmul(core.eye(5), core.eye(5));
    expect(routed).toBe(1);
    await core.setBackend('js');
    expect(core.getSizePolicy().routing).toBe(false);
    core.matmul(core.eye(2), core.eye(2));
    expect(routed).toBe(1);
    expect(core.showConfig().sizePolicy.rules).toHaveLength(1);
    await expect(core.setSizePolicy({ mode: 'auto', rules: [{ routines: ['gemm'], maxSize: 4, backend: 'nope' }] })).rejects.toThrow(
      /policy.rules\[0\].backend/,
    );
    await core.setSizePolicy('off');
    expect(core.getSizePolicy()).toMatchObject({ mode: 'off', routing: false });
  });
});

describe('shipped size rules', () => {
  it('name real routines and route them only while the backend was chosen by default', async () => {
    const core = await freshCore();
    const { BLAS_ROUTINES, LAPACK_ROUTINES } = await import('@polyblas/contract');
    const routines: readonly string[] = [...BLAS_ROUTINES, ...LAPACK_ROUTINES];
    expect(core.DEFAULT_SIZE_RULES.length).toBeGreaterThan(0);
    for (const rule of core.DEFAULT_SIZE_RULES) {
      for (const r of rule.routines) expect(routines).toContain(r);
      expect(rule.maxSize).toBeGreaterThan(0);
    }
    await core.setSizePolicy('auto');
    expect(core.showConfig().sizePolicy.rules).toEqual(core.DEFAULT_SIZE_RULES);
    // The shipped rules name js, which is always available: they route while the selection is the default.
    expect(core.DEFAULT_SIZE_RULES.every((r) => r.backend === 'js')).toBe(true);
    expect(core.getSizePolicy().routing).toBe(true);
    const small = core.array([[4, 1], [2, 3]]);
    const inverse = core.linalg.inv(small);
    const product = core.matmul(small, inverse).toArray() as number[][];
    product.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(i === j ? 1 : 0, 14)));
    await core.setBackend('js');
    expect(core.getSizePolicy().routing).toBe(false);
  });
});

describe('polyblas info', () => {
  const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
  const run = (args: string[], backend?: string) => {
    const env = { ...process.env };
    delete env.POLYBLAS_BACKEND;
    if (backend !== undefined) env.POLYBLAS_BACKEND = backend;
    try {
      return { code: 0, out: execFileSync(process.execPath, [cli, ...args], { env, encoding: 'utf8', stdio: 'pipe' }) };
    } catch (error) {
      const e = error as { status: number; stdout: string; stderr: string };
      return { code: e.status, out: e.stdout + e.stderr };
    }
  };

  it('is built (run `pnpm run build` first)', () => {
    expect(existsSync(cli)).toBe(true);
  });

  it('prints the report, as text and as JSON', () => {
    expect(run(['info']).out).toMatch(/active backend: [a-z]+ \(default order\)/);
    const json = JSON.parse(run(['info', '--json'], 'js').out);
    expect(json.active).toBe('js');
  });

  it('exits non-zero with the selection error for an unknown backend', () => {
    const { code, out } = run(['info'], 'nonsense');
    expect(code).toBe(1);
    expect(out).toMatch(/selection error: POLYBLAS_BACKEND: unknown backend "nonsense"; valid names are/);
  });

  it('rejects unknown commands and options', () => {
    expect(run(['frobnicate']).code).toBe(2);
    expect(run(['info', '--yaml']).code).toBe(2);
  });
});

describe('version', () => {
  it('matches package.json', async () => {
    const core = await freshCore();
    const { createRequire } = await import('node:module');
    const require = createRequire(import.meta.url);
    expect(core.VERSION).toBe(require('../package.json').version);
    const js = await import('@polyblas/backend-js');
    expect(js.VERSION).toBe(require('../../backend-js/package.json').version);
  });
});
