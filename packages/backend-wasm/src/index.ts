/**
 * polyblas backend on WebAssembly: BLAS kernels written in C with SIMD128 and compiled with
 * emscripten, and backend-js's LAPACK algorithms running on those kernels inside WebAssembly
 * memory. No native build and no system library: it runs wherever WebAssembly with SIMD runs
 * (Node 20, current browsers). The compiled module is embedded in this package (base64), so
 * loading it needs no file system and no fetch.
 *
 * Kernels take ordinary TypedArrays, as the contract says: each top-level call copies its operands
 * into the WebAssembly heap once, computes there and copies the results back. A LAPACK call keeps
 * its panels and workspaces in the heap for the whole factorisation.
 *
 * @example
 * ```ts
 * import { descriptor } from '@polyblas/backend-wasm';
 * const loaded = await descriptor.load();
 * if (loaded.available) {
 *   const C = new Float64Array(4);
 *   loaded.backend.kernels.dgemm?.('N', 'N', 2, 2, 2, 1, new Float64Array([1, 2, 3, 4]), 2, 1, 0,
 *     new Float64Array([5, 6, 7, 8]), 2, 1, 0, 0, C, 2, 1, 0); // C = [19, 22, 43, 50]
 * }
 * ```
 *
 * @packageDocumentation
 */
import { blasKernels, lapackKernels } from '@polyblas/backend-js';
import { blasOf } from '@polyblas/contract';
import type { Backend, BackendDescriptor, BackendLoadResult, Kernels } from '@polyblas/contract';
import { heapBlas, stagedBlasKernels, type WasmExports } from './blas.js';
import { Heap, type Arena, type WasmMemory } from './heap.js';
import { heapContext, heapLapackKernels } from './lapack.js';
import { instantiateThreaded, MAX_THREADS } from './threads.js';
import { WASM_BASE64 } from './wasm-binary.js';

export { Heap, BlockHeap, type Arena, type WasmMemory } from './heap.js';
export { instantiateThreaded, MAX_THREADS } from './threads.js';
export { heapBlas, stagedBlasKernels, type WasmExports } from './blas.js';
export { heapContext, heapLapackKernels, type RotationKernels } from './lapack.js';
export { stageCall, operand, type Operand } from './stage.js';

/**
 * This package's version.
 *
 * @example
 * ```ts
 * import { VERSION } from '@polyblas/backend-wasm';
 * console.log(VERSION); // '0.1.0'
 * ```
 */
export const VERSION = '0.1.0';

/** The parts of the WebAssembly API used here (not every TypeScript lib declares them). */
interface WasmApi {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: Record<string, unknown> } }>;
  validate(bytes: Uint8Array): boolean;
}

function decodeBase64(text: string): Uint8Array {
  const atob = (globalThis as unknown as { atob: (s: string) => string }).atob;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * The module's bytes, decoded from the embedded base64.
 *
 * @example
 * ```ts
 * import { wasmBytes } from '@polyblas/backend-wasm';
 * wasmBytes().length; // about 46 kB
 * ```
 */
export function wasmBytes(): Uint8Array {
  return decodeBase64(WASM_BASE64);
}

/**
 * What a loaded module offers: its exports and the arena over its memory.
 *
 * @example
 * ```ts
 * import { instantiate } from '@polyblas/backend-wasm';
 * const { heap } = await instantiate();
 * heap.bytes(); // 16777216 at first
 * ```
 */
export interface WasmInstance {
  readonly exports: WasmExports;
  readonly heap: Arena;
}

/**
 * Compiles and instantiates the module (it imports nothing).
 *
 * @example
 * ```ts
 * import { instantiate } from '@polyblas/backend-wasm';
 * const { exports, heap } = await instantiate();
 * ```
 */
export async function instantiate(): Promise<WasmInstance> {
  const api = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
  if (!api) throw new Error('WebAssembly is not available in this environment');
  const bytes = wasmBytes();
  if (!api.validate(bytes)) throw new Error('this WebAssembly engine cannot run the module (it needs SIMD128)');
  const { instance } = await api.instantiate(bytes, {});
  const raw = instance.exports;
  if (typeof raw._initialize === 'function') (raw._initialize as () => void)();
  const memory = raw.memory as WasmMemory;
  const exports = raw as unknown as WasmExports;
  return { exports, heap: new Heap(memory, exports.pb_heap_base()) };
}

/**
 * Builds the backend on an instantiated module. `threads` (for the pthreads build, whose gemm can
 * split its work) is the number of threads one call may use, at most `maxThreads`.
 *
 * @example
 * ```ts
 * import { createWasmBackend, instantiate } from '@polyblas/backend-wasm';
 * const backend = createWasmBackend(await instantiate());
 * backend.kernels.ddot?.(2, new Float64Array([1, 2]), 1, 0, new Float64Array([3, 4]), 1, 0); // 11
 * ```
 */
export function createWasmBackend({ exports, heap }: WasmInstance, threads = 1, maxThreads = threads): Backend {
  let count = Math.max(1, Math.min(threads, maxThreads));
  const current = () => count;
  const direct = {
    d: heapBlas('d', exports, heap, blasOf(blasKernels, 'd'), current),
    s: heapBlas('s', exports, heap, blasOf(blasKernels, 's'), current),
  };
  // bdsqr rotates in double for both precisions, and only double vectors can be in the heap.
  const ctxD = heapContext('d', heap, direct.d, {
    lasrBatch: exports.pb_dlasr_batch, lasrBatchMt: exports.pb_dlasr_batch_mt, threads: current,
  });
  const lapack = heapLapackKernels(heap, ctxD, heapContext('s', heap, direct.s), lapackKernels);
  const kernels: Kernels = { ...stagedBlasKernels(heap, direct, blasKernels), ...lapack };
  return {
    name: 'wasm',
    kernels,
    info: () => ({
      library: 'polyblas (WebAssembly)',
      version: VERSION,
      threads: count,
      threading: maxThreads > 1 ? `pthreads (up to ${maxThreads})` : 'none',
      simd: 'SIMD128',
      integerWidth: 32,
      heapBytes: heap.bytes(),
    }),
    setNumThreads: (n: number) => {
      if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`threads must be a positive integer, got ${n}`);
      count = Math.min(n, maxThreads);
    },
    getNumThreads: () => count,
  };
}

let loading: Promise<BackendLoadResult> | null = null;

/** Threads asked for through POLYBLAS_NUM_THREADS (Node), or 1. */
function requestedThreads(): number {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const value = env?.POLYBLAS_NUM_THREADS?.trim();
  if (!value) return 1;
  const n = /^[0-9]+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`POLYBLAS_NUM_THREADS must be a positive integer, got ${JSON.stringify(value)}`);
  return n;
}

/**
 * Loads the WebAssembly backend (once); unavailable, with the reason, where WebAssembly or SIMD128
 * is missing. With `POLYBLAS_NUM_THREADS` above 1 in Node, the pthreads build is loaded and gemm
 * uses up to that many threads (at most {@link MAX_THREADS}); if it cannot load, the
 * single-threaded module is used and `info().threadingError` says why.
 *
 * @example
 * ```ts
 * import { loadWasm } from '@polyblas/backend-wasm';
 * const loaded = await loadWasm();
 * console.log(loaded.available ? loaded.backend.info() : loaded.reason);
 * ```
 */
export function loadWasm(): Promise<BackendLoadResult> {
  loading ??= load().catch(
    (error: unknown): BackendLoadResult => ({ available: false, reason: error instanceof Error ? error.message : String(error) }),
  );
  return loading;
}

async function load(): Promise<BackendLoadResult> {
  const threads = requestedThreads();
  if (threads > 1) {
    try {
      return { available: true, backend: createWasmBackend(await instantiateThreaded(), threads, MAX_THREADS) };
    } catch (error) {
      const backend = createWasmBackend(await instantiate());
      const reason = error instanceof Error ? error.message : String(error);
      return { available: true, backend: { ...backend, info: () => ({ ...backend.info(), threadingError: reason }) } };
    }
  }
  return { available: true, backend: createWasmBackend(await instantiate()) };
}

/**
 * The backend as the selector sees it: name `wasm`, priority 20 (below native libraries, above
 * the TypeScript reference).
 *
 * @example
 * ```ts
 * import { descriptor } from '@polyblas/backend-wasm';
 * descriptor.name; // 'wasm'
 * ```
 */
export const descriptor: BackendDescriptor = {
  name: 'wasm',
  priority: 20,
  load: loadWasm,
};
