/**
 * The end-to-end page's module Web Worker: loads polyblas in the worker, notes which backend core
 * found there by itself (a worker may not see the page's import map, and then core cannot find
 * `@polyblas/backend-wasm` by name), hands core the wasm backend's descriptor as docs/browser.md
 * shows for that case, and runs the page's svd and matmul checks on it. Posts a
 * {@link WorkerReport}, or `{ error }`.
 */
import { getBackend, registerBackend, setBackend, showConfig } from '@polyblas/core';
import { descriptor as wasm } from '@polyblas/backend-wasm';
import { runOnCurrentBackend, type BackendRun } from './checks.js';

/** What the worker posts back to the page. */
export interface WorkerReport {
  /** The backend core selected in the worker on its own. */
  foundByName: string;
  /** Why wasm was unavailable before it was registered, if it was. */
  reasonBefore: string | null;
  /** The checks, run on wasm after registration. */
  runs: BackendRun[];
}

interface WorkerScope {
  postMessage(message: unknown): void;
}
const scope = globalThis as unknown as WorkerScope;

async function main(): Promise<WorkerReport> {
  const foundByName = getBackend();
  const before = showConfig().backends.find((b) => b.name === 'wasm');
  if (foundByName !== 'wasm') {
    registerBackend(wasm);
    await setBackend('wasm');
  }
  return { foundByName, reasonBefore: before?.available ? null : (before?.reason ?? 'not listed'), runs: [runOnCurrentBackend()] };
}

main().then(
  (report) => scope.postMessage(report),
  (error: unknown) => scope.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
);
