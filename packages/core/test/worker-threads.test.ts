/**
 * The native and wasm backends work in several worker_threads at once: four workers, each
 * importing the built @polyblas/core (packages/core/dist: build first, as CI does) with
 * POLYBLAS_BACKEND set to its own backend, wait for one another and then run solve, svd and matmul
 * on seeded inputs concurrently, checking residuals in the worker; the parent checks what each
 * posts back. OpenBLAS must be available in CI and wherever the workspace's binding loads;
 * elsewhere its workers must fail with the selection error naming it.
 */
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { BackendDescriptor } from '@polyblas/contract';

const dist = new URL('../dist/index.js', import.meta.url);
const workerFile = new URL('./workers/linalg-worker.mjs', import.meta.url);
const BACKENDS = ['openblas', 'wasm', 'js', 'openblas'] as const;

const openblasDescriptor = ((await import('@polyblas/backend-openblas')) as { descriptor: BackendDescriptor }).descriptor;
const openblasAvailable = Boolean(process.env.CI) || (await openblasDescriptor.load()).available;

interface WorkerReport {
  threadId: number;
  error?: string;
  together?: boolean;
  backend?: string;
  library?: string;
  worst?: Record<string, number>;
}

function start(backend: string, seed: number, barrier: SharedArrayBuffer): Promise<WorkerReport> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile, {
      env: { ...process.env, POLYBLAS_BACKEND: backend },
      workerData: { seed, rounds: 3, barrier, workers: BACKENDS.length },
    });
    let report: WorkerReport | null = null;
    worker.on('message', (message: WorkerReport) => (report = message));
    worker.on('error', reject);
    worker.on('exit', (code) => (report && code === 0 ? resolve(report) : reject(new Error(`worker for ${backend} exited ${code} without a report`))));
  });
}

describe('worker_threads', () => {
  it('runs openblas, wasm and js in four workers at once, each with right answers', async () => {
    expect(existsSync(dist), 'packages/core/dist is missing: run `pnpm run build` first').toBe(true);
    const barrier = new SharedArrayBuffer(4);
    const reports = await Promise.all(BACKENDS.map((backend, i) => start(backend, 1000 + i, barrier)));

    expect(new Set(reports.map((r) => r.threadId)).size).toBe(BACKENDS.length);
    reports.forEach((report, i) => {
      const backend = BACKENDS[i];
      if (backend === 'openblas' && !openblasAvailable) {
        expect(report.error).toMatch(/openblas/);
        return;
      }
      expect(report.error, backend).toBeUndefined();
      // Every worker had loaded before any of them computed.
      expect(report.together, backend).toBe(true);
      expect(report.backend).toBe(backend);
      expect(report.library, backend).toBeTruthy();
      expect(Object.keys(report.worst!).sort()).toEqual(['matmul32', 'matmul64', 'solve32', 'solve64', 'svd32', 'svd64']);
      for (const [check, value] of Object.entries(report.worst!)) {
        expect(Number.isFinite(value), `${backend} ${check}`).toBe(true);
        expect(value, `${backend} ${check}`).toBeLessThan(20);
      }
    });
  });
});
