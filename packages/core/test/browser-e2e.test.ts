/**
 * polyblas in a browser, end to end: core and the wasm backend are bundled for the browser with
 * esbuild, served to headless Chromium from a local server, and the page runs `linalg.svd` and
 * `matmul` through `@polyblas/core` on the default backend, in a module Web Worker on wasm, and on
 * the TypeScript one, checks the results against the mathematics and posts its figures back. Chromium is Debian's `chromium`
 * (or the binary named by `CHROMIUM_BIN`); without it this file is skipped, except in CI.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, delimiter, extname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBrowserBundle, ENTRY_NAMES } from './browser/build.mjs';
import type { PageResults } from './browser/page.js';

/** How long the page may take, from starting Chromium to its report. */
const PAGE_TIMEOUT_MS = 20_000;

/** Flags for a headless run that stays off the network (this network refuses connections). */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function findChromium(): string | null {
  const candidates = process.env.CHROMIUM_BIN
    ? [process.env.CHROMIUM_BIN]
    : (process.env.PATH ?? '').split(delimiter).flatMap((dir) => ['chromium', 'chromium-browser'].map((name) => join(dir, name)));
  for (const file of candidates) {
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return null;
}

const chromium = findChromium();
const inCI = process.env.CI === 'true' || process.env.CI === '1';
const MISSING = 'chromium not found (apt-get install chromium, or set CHROMIUM_BIN)';

const CONTENT_TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

/** A server for the built files that resolves `report` with the page's posted JSON. */
async function serve(root: string) {
  const files = new Set(await readdir(root));
  let deliver!: (body: { results: PageResults | null; errors: string[] }) => void;
  const report = new Promise<{ results: PageResults | null; errors: string[] }>((resolve) => (deliver = resolve));
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (request.method === 'POST' && path === '/report') {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        response.writeHead(204).end();
        deliver(JSON.parse(Buffer.concat(chunks).toString('utf8')) as { results: PageResults | null; errors: string[] });
      });
      return;
    }
    // Only the built files themselves, by their plain names.
    const name = path === '/' ? 'index.html' : path.slice(1);
    if (request.method !== 'GET' || !files.has(name)) {
      response.writeHead(404).end();
      return;
    }
    readFile(join(root, name)).then(
      (body) => response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(name)] ?? 'application/octet-stream' }).end(body),
      () => response.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, report, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/**
 * Opens `url` in headless Chromium with a fresh profile and waits for `report`; then kills the
 * browser's whole process group and removes the profile, whatever happened.
 */
async function openInChromium<T>(binary: string, url: string, report: Promise<T>): Promise<T> {
  const profile = await mkdtemp(join(tmpdir(), 'polyblas-chromium-'));
  const child = spawn(binary, [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, url], {
    detached: true, // its own process group, so the renderers and helpers go with it
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  const exited = new Promise<string>((resolve) => {
    child.on('exit', (code, signal) => resolve(`exited (${signal ?? `code ${code}`})`));
    child.on('error', (error) => resolve(`could not start: ${error.message}`));
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the page did not report within ${PAGE_TIMEOUT_MS / 1000} s; chromium's stderr:\n${stderr}`)),
      PAGE_TIMEOUT_MS,
    );
  });
  const early = exited.then((how): never => {
    throw new Error(`chromium ${how} before the page reported; its stderr:\n${stderr}`);
  });
  try {
    return await Promise.race([report, timeout, early]);
  } finally {
    clearTimeout(timer);
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // the group is already gone
      }
      await exited;
    }
    await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
}

if (!chromium && !inCI) console.warn(`browser-e2e: skipped, ${MISSING}`);

describe.runIf(!chromium && inCI)('browser end to end', () => {
  it('needs chromium in CI', () => {
    throw new Error(`${MISSING}: the browser test must run in CI`);
  });
});

describe.skipIf(!chromium)(`browser end to end${chromium ? '' : ` (skipped: ${MISSING})`}`, () => {
  let outdir = '';
  let metafile: Awaited<ReturnType<typeof buildBrowserBundle>>;

  beforeAll(async () => {
    outdir = await mkdtemp(join(tmpdir(), 'polyblas-browser-'));
    metafile = await buildBrowserBundle({ outdir, page: true });
  });

  afterAll(async () => {
    if (outdir) await rm(outdir, { recursive: true, force: true });
  });

  it('bundles core and the wasm backend without Node modules or the native backends', async () => {
    const inputs = Object.keys(metafile.inputs);
    expect(inputs.some((f) => f.includes('packages/core/src/'))).toBe(true);
    expect(inputs.some((f) => f.includes('packages/backend-wasm/src/'))).toBe(true);
    expect(inputs.filter((f) => /backend-(openblas|accelerate)|node_modules/.test(f))).toEqual([]);
    const external = Object.values(metafile.inputs).flatMap((input) => input.imports.filter((i) => i.external).map((i) => i.path));
    expect(external).toEqual([]);

    const outputs = Object.keys(metafile.outputs).filter((f) => f.endsWith('.js'));
    expect(outputs.map((f) => basename(f)).sort()).toEqual(
      expect.arrayContaining([`${ENTRY_NAMES.core}.js`, `${ENTRY_NAMES.wasm}.js`]),
    );
    for (const file of outputs) {
      const text = await readFile(join(outdir, basename(file)), 'utf8');
      // No static or literal dynamic import of a Node module, no require, no worker_threads.
      expect(text, file).not.toMatch(/\b(from|import)\s*\(?\s*["'](node:|(fs|path|os|url|module|child_process|worker_threads)["'])/);
      expect(text, file).not.toMatch(/\brequire\s*\(|worker_threads/);
      // The pthreads loader names Node modules only inside its own function, behind its Node check.
      const withoutThreadedLoader = text.replace(/async function instantiateThreaded\([\s\S]*?\n}\n/, '');
      expect(withoutThreadedLoader, file).not.toMatch(/["'`]node:/);
    }
  });

  it('runs svd and matmul in headless Chromium on wasm by default, on wasm in a module worker, and on js when forced', async () => {
    const server = await serve(outdir);
    let posted: { results: PageResults | null; errors: string[] };
    try {
      posted = await openInChromium(chromium!, server.url, server.report);
    } finally {
      await server.close();
    }
    expect(posted.errors).toEqual([]);
    const results = posted.results!;
    expect(results.userAgent).toMatch(/Chrome/);

    // The wasm backend is selected by default; the native ones explain why they are not there.
    expect(results.defaultBackend).toBe('wasm');
    expect(results.active).toMatchObject({ name: 'wasm', available: true, simd: 'SIMD128', threading: 'none' });
    const byName = Object.fromEntries(results.backends.map((b) => [b.name, b]));
    expect(byName.js.available).toBe(true);
    expect(byName.openblas).toMatchObject({ available: false, reason: expect.stringContaining('not installed') });
    expect(byName.accelerate).toMatchObject({ available: false, reason: expect.stringContaining('macOS') });
    expect(results.threadedBuild).toMatch(/Node only/);

    expect(results.runs.map((r) => r.backend)).toEqual(['wasm', 'js']);
    for (const run of results.runs) {
      expect(run.svd.reconstruction, run.backend).toBeLessThan(1e-12);
      expect(run.svd.orthogonalityU, run.backend).toBeLessThan(1e-12);
      expect(run.svd.orthogonalityV, run.backend).toBeLessThan(1e-12);
      expect(run.svd.descending, run.backend).toBe(true);
      expect(run.matmul.error, run.backend).toBeLessThan(1e-13);
    }

    // In a module worker: core loads; wasm is either found by name (the worker applied the page's
    // import map) or unavailable with the documented reason until its descriptor is registered.
    const worker = results.worker;
    if (worker.foundByName === 'wasm') expect(worker.reasonBefore).toBeNull();
    else {
      expect(worker.foundByName).toBe('js');
      expect(worker.reasonBefore).toContain('not installed');
    }
    expect(worker.runs.map((r) => r.backend)).toEqual(['wasm']);
    for (const run of worker.runs) {
      expect(run.svd.reconstruction, 'worker').toBeLessThan(1e-12);
      expect(run.svd.orthogonalityU, 'worker').toBeLessThan(1e-12);
      expect(run.svd.orthogonalityV, 'worker').toBeLessThan(1e-12);
      expect(run.svd.descending, 'worker').toBe(true);
      expect(run.matmul.error, 'worker').toBeLessThan(1e-13);
    }
  });
});
