/**
 * The pthreads build, for Node: the same kernels with a gemm that splits its work over a pool of
 * worker threads (SharedArrayBuffer memory). It is emscripten's CommonJS glue, loaded only here and
 * only in Node, so nothing Node-specific is on the browser path.
 *
 * @module
 */
import { BlockHeap } from './heap.js';
import type { WasmExports } from './blas.js';
import type { WasmInstance } from './index.js';

/** Threads one call may use in the pthreads build: the calling thread and its pool of three. */
export const MAX_THREADS = 4;

interface EmscriptenModule {
  wasmMemory: { buffer: ArrayBuffer; grow(pages: number): number };
  _malloc(bytes: number): number;
  PThread?: { unusedWorkers: { unref(): void }[]; runningWorkers: { unref(): void }[] };
  [name: string]: unknown;
}

/**
 * Loads the pthreads build (Node only) and returns it with a heap of blocks from its own malloc
 * (its allocator also hands out thread stacks, so the arena cannot own the memory above the static
 * data as the single-threaded module's does).
 *
 * @example
 * ```ts
 * import { instantiateThreaded, createWasmBackend } from '@polyblas/backend-wasm';
 * const backend = createWasmBackend(await instantiateThreaded(), 2);
 * ```
 */
export async function instantiateThreaded(): Promise<WasmInstance> {
  const proc = (globalThis as { process?: { versions?: { node?: string } } }).process;
  if (!proc?.versions?.node) throw new Error('the pthreads build runs in Node only');
  // Computed specifiers keep bundlers from pulling Node modules into a browser build.
  const names = ['node:module', 'node:fs', 'node:url'];
  const [{ createRequire }, { readFileSync }, { fileURLToPath }] = (await Promise.all(
    names.map((name) => import(/* @vite-ignore */ name)),
  )) as [
    { createRequire(url: string): (id: string) => unknown },
    { readFileSync(path: string): Uint8Array },
    { fileURLToPath(url: string): string },
  ];
  const here = (import.meta as unknown as { url: string }).url;
  const Url = (globalThis as unknown as { URL: new (path: string, base: string) => { href: string } }).URL;
  const file = (name: string) => fileURLToPath(new Url(`../wasm/threads/${name}`, here).href);
  const create = createRequire(here)(file('polyblas-threads.cjs')) as (options: object) => Promise<EmscriptenModule>;
  const module = await create({
    wasmBinary: readFileSync(file('polyblas-threads.wasm')),
    locateFile: (path: string) => (path.endsWith('.worker.js') ? file('polyblas-threads.worker.cjs') : file(path)),
  });
  // Idle pool workers must not keep the process alive.
  for (const worker of [...(module.PThread?.unusedWorkers ?? []), ...(module.PThread?.runningWorkers ?? [])]) worker.unref();
  const exports: WasmExports = {};
  for (const [name, value] of Object.entries(module)) {
    if (name.startsWith('_pb_') && typeof value === 'function') exports[name.slice(1)] = value as (...args: number[]) => number;
  }
  return { exports, heap: new BlockHeap(module.wasmMemory, (bytes) => module._malloc(bytes)) };
}
