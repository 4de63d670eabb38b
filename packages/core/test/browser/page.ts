/**
 * The end-to-end page's script: imports polyblas by name (the page's import map points at the
 * bundle), runs `linalg.svd` and `matmul` on the backend chosen by default and again on the
 * TypeScript backend, checks each result against the mathematics here in the page, and hands
 * the figures to `polyblasReport` (page.html), which posts them to the test's server.
 */
import { getBackend, setBackend, showConfig } from '@polyblas/core';
import { instantiateThreaded } from '@polyblas/backend-wasm';
import { runOnCurrentBackend, type BackendRun } from './checks.js';
import type { WorkerReport } from './worker.js';

export type { BackendRun, WorkerReport };

/** The page's report, posted as JSON. */
export interface PageResults {
  userAgent: string;
  defaultBackend: string;
  backends: { name: string; available: boolean | null; reason?: string }[];
  /** showConfig()'s entry for the selected backend (library, SIMD, threads, ...). */
  active: Record<string, unknown>;
  /** Why the pthreads build refused to load (it is for Node only). */
  threadedBuild: string;
  runs: BackendRun[];
  /** The same checks in a module Web Worker. */
  worker: WorkerReport;
}

/** How long the worker may take to report. */
const WORKER_TIMEOUT_MS = 10_000;

/** The parts of the browser's Worker the page uses (the tests compile without the DOM library). */
interface PageWorker {
  addEventListener(type: 'message', listener: (event: { data: WorkerReport | { error: string } }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
  terminate(): void;
}
type WorkerConstructor = new (url: URL, options: { type: 'module' }) => PageWorker;

/** Runs worker.js as a module worker and resolves to its report. */
function runWorker(): Promise<WorkerReport> {
  const { Worker } = globalThis as unknown as { Worker: WorkerConstructor };
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    const timer = setTimeout(() => {
      worker.terminate();
      reject(new Error(`the worker did not report within ${WORKER_TIMEOUT_MS / 1000} s`));
    }, WORKER_TIMEOUT_MS);
    const settle = (): void => {
      clearTimeout(timer);
      worker.terminate();
    };
    worker.addEventListener('message', (event) => {
      settle();
      if ('error' in event.data) reject(new Error(`in the worker: ${event.data.error}`));
      else resolve(event.data);
    });
    worker.addEventListener('error', (event) => {
      settle();
      reject(new Error(`the worker failed: ${event.message || 'worker.js or a module it imports did not load'}`));
    });
  });
}

interface PageGlobals {
  navigator: { userAgent: string };
  polyblasReport(results: PageResults): void;
  polyblasError(message: string): void;
}
const page = globalThis as unknown as PageGlobals;

async function main(): Promise<PageResults> {
  const config = showConfig();
  const active = config.backends.find((b) => b.name === config.active);
  const results: PageResults = {
    userAgent: page.navigator.userAgent,
    defaultBackend: getBackend(),
    backends: config.backends.map(({ name, available, reason }) => ({ name, available, reason })),
    active: { ...active },
    threadedBuild: await instantiateThreaded().then(
      () => 'loaded',
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    ),
    runs: [runOnCurrentBackend()],
    worker: await runWorker(),
  };
  await setBackend('js');
  results.runs.push(runOnCurrentBackend());
  return results;
}

main().then(
  (results) => page.polyblasReport(results),
  (error: unknown) => page.polyblasError(error instanceof Error ? (error.stack ?? error.message) : String(error)),
);
