/**
 * Real installs from packed tarballs, as a user would install the published packages: every
 * workspace package is packed with `pnpm -r pack` (needs a build first: CI builds before tests),
 * then three scratch projects outside the workspace `npm install` core alone, core with
 * backend-openblas, and core with backend-wasm (the wasm one with no compiler, cmake or
 * emscripten on PATH). The packages are not on the registry and `workspace:*` dependencies become
 * plain versions in the tarballs, so "core alone" means the core tarball together with the
 * tarballs of its own @polyblas dependencies, found from each packed package.json, transitively;
 * third-party dependencies (cmake-js, node-addon-api, ...) come from the registry. The three
 * installs run at once and share the user's npm cache.
 *
 * In each project a plain `node` script (install/check.mjs) reports the backend chosen by default
 * and the inv and matmul residuals on every available backend, `npx polyblas info` must work, and
 * `tsc --noEmit` (the workspace's TypeScript) must type a small file importing @polyblas/core
 * from the installed declarations. The wasm project also bundles check.mjs for browsers with
 * esbuild from its node_modules, as an application would, and runs the bundle. The tarballs themselves must hold no tests, no tsbuildinfo and
 * no build directories, and every entry point they declare.
 *
 * OpenBLAS must build at install in CI and wherever the workspace's own binding loads; elsewhere
 * the backend must report why it is unavailable.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import esbuild from 'esbuild';
import type { BackendDescriptor } from '@polyblas/contract';

const workspace = fileURLToPath(new URL('../../../', import.meta.url));
const fixtures = fileURLToPath(new URL('./install/', import.meta.url));
const INSTALL_TIMEOUT = 600_000;

/** What a packed package.json says, as far as this test reads it. */
interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  main?: string;
  types?: string;
  bin?: string | Record<string, string>;
  exports?: unknown;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  devDependencies?: Record<string, string>;
}

interface Tarball {
  file: string;
  manifest: Manifest;
  entries: string[];
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => resolve({ code: null, stdout, stderr: stderr + String(error) }));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function describeRun(what: string, r: Run): string {
  return `${what} exited ${r.code}\n--- stdout\n${r.stdout.slice(-4000)}\n--- stderr\n${r.stderr.slice(-4000)}`;
}

/** The environment of a user's shell: nothing from the test runner's package manager or polyblas settings. */
function userEnvironment(): NodeJS.ProcessEnv {
  const keep = /^npm_config_(registry|cache|userconfig|globalconfig|proxy|https_proxy|noproxy|strict_ssl|cafile)$/i;
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^POLYBLAS_/.test(key) || (/^npm_/i.test(key) && !keep.test(key))) continue;
    env[key] = value;
  }
  return env;
}

/** The npm CLI scripts (npm-cli.js, npx-cli.js) of the npm on PATH, run with this node. */
function npmScripts(): { npm: string; npx: string } {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'npm');
    if (!dir || !existsSync(candidate)) continue;
    const bin = dirname(realpathSync(candidate));
    const npm = join(bin, 'npm-cli.js');
    const npx = join(bin, 'npx-cli.js');
    if (existsSync(npm) && existsSync(npx)) return { npm, npx };
  }
  throw new Error('npm not found on PATH');
}

function tar(args: readonly string[]): string {
  const r = spawnSync('tar', args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`tar ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** Every file path an exports map, main, types or bin points to. */
function entryPoints(manifest: Manifest): string[] {
  const paths: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string') paths.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(manifest.exports);
  walk(manifest.main);
  walk(manifest.types);
  walk(manifest.bin);
  return [...new Set(paths.filter((p) => !p.includes('*')).map((p) => p.replace(/^\.\//, '')))];
}

/** The names of the @polyblas packages `manifest` needs installed beside it. */
function polyblasDependencies(manifest: Manifest): Array<[string, string]> {
  const requiredPeers = Object.entries(manifest.peerDependencies ?? {}).filter(([name]) => !manifest.peerDependenciesMeta?.[name]?.optional);
  return [...Object.entries(manifest.dependencies ?? {}), ...Object.entries(manifest.optionalDependencies ?? {}), ...requiredPeers].filter(([name]) =>
    name.startsWith('@polyblas/'),
  );
}

/** `roots` and the @polyblas packages they depend on, transitively, each from its tarball. */
function closure(packed: Map<string, Tarball>, roots: readonly string[]): Tarball[] {
  const seen = new Map<string, Tarball>();
  const queue = [...roots];
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (seen.has(name)) continue;
    const tarball = packed.get(name);
    if (!tarball) throw new Error(`${name} was not packed`);
    seen.set(name, tarball);
    for (const [dependency, range] of polyblasDependencies(tarball.manifest)) {
      const target = packed.get(dependency);
      if (!target) throw new Error(`${name} depends on ${dependency}, which was not packed`);
      // workspace:* packs to the exact version; workspace:^ and workspace:~ to a range starting at it.
      expect([target.manifest.version, `^${target.manifest.version}`, `~${target.manifest.version}`], `${name} -> ${dependency}`).toContain(range);
      queue.push(dependency);
    }
  }
  return [...seen.values()];
}

interface Scenario {
  title: string;
  install: string[];
  /** Only node and npm on PATH: no compiler, cmake or emscripten. */
  bare?: boolean;
}

interface Installed {
  dir: string;
  env: NodeJS.ProcessEnv;
  tarballs: Tarball[];
  result: Run;
}

interface CheckReport {
  selected: string;
  config: { active: string; backends: Array<{ name: string; available: boolean | null; reason?: string }> };
  results: Record<string, { active: string; inv64: number; inv32: number; matmul64: number; matmul32: number }>;
}

const scenarios: Scenario[] = [
  { title: 'core alone', install: ['@polyblas/core'] },
  { title: 'core + backend-openblas', install: ['@polyblas/core', '@polyblas/backend-openblas'] },
  { title: 'core + backend-wasm', install: ['@polyblas/core', '@polyblas/backend-wasm'], bare: true },
];

// In CI OpenBLAS is installed; elsewhere it must build wherever the workspace's own binding loads.
const openblasDescriptor = ((await import('@polyblas/backend-openblas')) as { descriptor: BackendDescriptor }).descriptor;
const openblasRequired = Boolean(process.env.CI) || (await openblasDescriptor.load()).available;

const root = mkdtempSync(join(tmpdir(), 'polyblas-tarballs-'));
const packed = new Map<string, Tarball>();
const installs = new Map<string, Promise<Installed>>();
const npm = npmScripts();

function packAll(): void {
  const destination = join(root, 'tarballs');
  mkdirSync(destination);
  const r = spawnSync('pnpm', ['-r', 'pack', '--pack-destination', destination], { cwd: workspace, encoding: 'utf8', env: userEnvironment() });
  if (r.status !== 0) throw new Error(describeRun('pnpm -r pack', { code: r.status, stdout: r.stdout, stderr: r.stderr + String(r.error ?? '') }));
  for (const name of readdirSync(destination).filter((f) => f.endsWith('.tgz'))) {
    const file = join(destination, name);
    const manifest = JSON.parse(tar(['-xzOf', file, 'package/package.json'])) as Manifest;
    const entries = tar(['-tzf', file]).split('\n').filter(Boolean).map((e) => e.replace(/^package\//, ''));
    // Private packages (the bench) are never published.
    if (!manifest.private) packed.set(manifest.name, { file, manifest, entries });
  }
}

async function installScenario(scenario: Scenario): Promise<Installed> {
  const dir = join(root, scenario.title.replace(/[^a-z]+/g, '-'));
  mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'scratch', version: '1.0.0', private: true, type: 'module' }, null, 2));
  for (const fixture of ['check.mjs', 'residuals.mjs', 'types.ts']) copyFileSync(join(fixtures, fixture), join(dir, fixture));
  const env = userEnvironment();
  if (scenario.bare) {
    const bin = join(dir, '.bare-bin');
    mkdirSync(bin);
    symlinkSync(process.execPath, join(bin, 'node'));
    // npx runs its command through sh; a shell is not a toolchain.
    symlinkSync('/bin/sh', join(bin, 'sh'));
    env.PATH = bin;
  }
  const tarballs = closure(packed, scenario.install);
  const result = await run(process.execPath, [npm.npm, 'install', '--no-audit', '--no-fund', '--foreground-scripts', ...tarballs.map((t) => t.file)], dir, env);
  return { dir, env, tarballs, result };
}

beforeAll(() => {
  packAll();
  for (const scenario of scenarios) {
    const installing = installScenario(scenario);
    installing.catch(() => undefined); // reported by the test that awaits it
    installs.set(scenario.title, installing);
  }
}, 120_000);

afterAll(async () => {
  await Promise.allSettled(installs.values());
  rmSync(root, { recursive: true, force: true });
}, INSTALL_TIMEOUT);

describe('packed tarballs', () => {
  it('cover every public workspace package', () => {
    const packagesDir = join(workspace, 'packages');
    const names = readdirSync(packagesDir)
      .filter((d) => existsSync(join(packagesDir, d, 'package.json')))
      .map((d) => JSON.parse(readFileSync(join(packagesDir, d, 'package.json'), 'utf8')) as Manifest)
      .filter((m) => !m.private)
      .map((m) => m.name);
    expect([...packed.keys()].sort()).toEqual(names.sort());
    expect(names).toContain('@polyblas/core');
  });

  it('hold no tests, tsbuildinfo, build directories or workspace: ranges, and every declared entry point', () => {
    for (const { manifest, entries } of packed.values()) {
      const unwanted = entries.filter(
        (e) => /(^|\/)(test|tests|__tests__|build|node_modules)\//.test(e) || /\.(test|spec)\.[cm]?[jt]sx?(\.map)?$/.test(e) || /\.tsbuildinfo$/.test(e),
      );
      expect(unwanted, manifest.name).toEqual([]);
      for (const entry of entryPoints(manifest)) expect(entries, `${manifest.name} declares ${entry} (not built? pnpm run build)`).toContain(entry);
      for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies', 'devDependencies'] as const) {
        for (const [name, range] of Object.entries(manifest[field] ?? {})) expect(range, `${manifest.name} ${field} ${name}`).not.toMatch(/^workspace:/);
      }
    }
  });
});

for (const scenario of scenarios) {
  describe(`npm install ${scenario.title}`, () => {
    it('installs, selects the expected backend, computes right answers, and types resolve', async () => {
      const { dir, env, tarballs, result } = await installs.get(scenario.title)!;
      expect(result.code, describeRun('npm install', result)).toBe(0);

      // Every @polyblas package came from a tarball of this workspace, and only those asked for.
      const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')) as { packages: Record<string, { resolved?: string; version?: string }> };
      const installed = Object.entries(lock.packages)
        .filter(([path]) => /(^|\/)node_modules\/@polyblas\//.test(path))
        .map(([path, entry]) => ({ name: path.replace(/^.*node_modules\//, ''), ...entry }));
      expect(installed.map((p) => p.name).sort()).toEqual(tarballs.map((t) => t.manifest.name).sort());
      for (const p of installed) expect(p.resolved, p.name).toMatch(/^file:.*\.tgz$/);

      const withOpenblas = scenario.install.includes('@polyblas/backend-openblas');
      const withWasm = scenario.install.includes('@polyblas/backend-wasm');

      const check = await run(process.execPath, ['check.mjs'], dir, env);
      expect(check.code, describeRun('node check.mjs', check)).toBe(0);
      const report = JSON.parse(check.stdout) as CheckReport;
      const status = Object.fromEntries(report.config.backends.map((b) => [b.name, b]));
      if (withOpenblas) {
        if (openblasRequired) expect(status.openblas?.reason ?? 'available').toBe('available');
        // Built, or the install's reason is what the backend reports.
        else if (!status.openblas?.available) expect(status.openblas?.reason).toMatch(/^native binding|^libopenblas|^POLYBLAS_/);
      } else {
        expect(status.openblas?.reason).toMatch(/not installed/);
      }
      if (withWasm) expect(status.wasm?.reason ?? 'available').toBe('available');
      else expect(status.wasm?.reason).toMatch(/not installed/);

      const expected = status.openblas?.available ? 'openblas' : status.wasm?.available ? 'wasm' : 'js';
      expect(report.selected).toBe(expected);
      expect(Object.keys(report.results).sort()).toEqual(['js', ...(status.openblas?.available ? ['openblas'] : []), ...(withWasm ? ['wasm'] : [])].sort());
      for (const [name, r] of Object.entries(report.results)) {
        expect(r.active).toBe(name);
        // Scaled residuals: a correct result is a modest multiple of 1 at most.
        for (const key of ['inv64', 'inv32', 'matmul64', 'matmul32'] as const) {
          expect(Number.isFinite(r[key]), `${name} ${key}`).toBe(true);
          expect(r[key], `${name} ${key}`).toBeLessThan(10);
        }
      }

      const info = await run(process.execPath, [npm.npx, '--no', 'polyblas', 'info'], dir, env);
      expect(info.code, describeRun('npx polyblas info', info)).toBe(0);
      expect(info.stdout).toContain(`active backend: ${expected} (default order)`);

      // Types: the workspace's compiler against the installed declarations only.
      writeFileSync(
        join(dir, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022'], types: [], skipLibCheck: false },
          files: ['types.ts'],
        }),
      );
      const tsc = join(dirname(createRequire(join(workspace, 'package.json')).resolve('typescript/package.json')), 'bin', 'tsc');
      const types = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], dir, env);
      expect(types.code, describeRun('tsc --noEmit', types)).toBe(0);
    }, INSTALL_TIMEOUT);

    if (scenario.install.includes('@polyblas/backend-wasm')) {
      it('bundles for the browser from the installed packages, keeping what their sideEffects mark, and the bundle computes right answers', async () => {
        const { dir, env, result } = await installs.get(scenario.title)!;
        expect(result.code, describeRun('npm install', result)).toBe(0);
        // As an application's bundler would: from node_modules, "sideEffects" honoured (esbuild's
        // default), for browsers, so a Node module anywhere in the published code fails the build.
        const built = await esbuild.build({
          absWorkingDir: dir,
          entryPoints: [join(dir, 'check.mjs')],
          outdir: join(dir, 'bundle'),
          bundle: true,
          format: 'esm',
          platform: 'browser',
          target: 'es2022',
          metafile: true,
          logLevel: 'silent',
        });
        const inputs = Object.keys(built.metafile.inputs);
        expect(inputs.filter((f) => f.startsWith('node_modules/') && !f.startsWith('node_modules/@polyblas/'))).toEqual([]);

        const check = await run(process.execPath, [join('bundle', 'check.js')], dir, env);
        expect(check.code, describeRun('node bundle/check.js', check)).toBe(0);
        const report = JSON.parse(check.stdout) as CheckReport;
        // core registers its backends as a side effect of importing backend/builtin.js: with
        // "sideEffects": false in core's package.json this bundle runs and knows no backend at all.
        expect(report.config.backends.map((b) => b.name).sort()).toEqual(['accelerate', 'js', 'openblas', 'wasm']);
        // The bundle holds core; it still finds the wasm package in node_modules by name.
        expect(report.selected).toBe('wasm');
        expect(Object.keys(report.results).sort()).toEqual(['js', 'wasm']);
        for (const [name, r] of Object.entries(report.results)) {
          for (const key of ['inv64', 'inv32', 'matmul64', 'matmul32'] as const) expect(r[key], `${name} ${key}`).toBeLessThan(10);
        }
      }, INSTALL_TIMEOUT);
    }
  });
}
