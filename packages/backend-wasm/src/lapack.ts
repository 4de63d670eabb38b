/**
 * The LAPACK kernels of the WebAssembly backend: backend-js's algorithms, bound to contexts whose
 * BLAS is the WebAssembly kernels and whose workspace is carved from the WebAssembly heap. A
 * top-level call copies its matrices into the heap once, runs the algorithm there (panels,
 * reflectors and workspaces never leave the heap), copies the results out and frees the heap.
 *
 * @module
 */
import { createLapackKernels, type LapackContext, type Work } from '@polyblas/backend-js';
import type { ArrayOf, Blas, LapackKernels, LapackRoutine, Precision } from '@polyblas/contract';
import { LAPACK_ROUTINES, kernelName } from '@polyblas/contract';
import type { Arena } from './heap.js';
import { operand, stageCall, type Operand } from './stage.js';

/**
 * A LAPACK context over the heap. `work()` takes zero-filled workspace from the arena; the arena
 * is locked while an algorithm runs, so a request that does not fit is served by an ordinary
 * array (correct, slower) and remembered in `shortfall` so the next call reserves more. With the
 * module's `pb_dlasr_batch` in `rotations`, bdsqr's rotation chains run in WebAssembly on vectors
 * that live in the heap (`rotateRows`); with the pthreads build's `pb_dlasr_batch_mt` and more
 * than one thread, large batches split their columns over the threads. hseqr's sweeps apply their
 * reflectors outside the bulge-chasing window with gemm (`accumulateReflectors`).
 *
 * @example
 * ```ts
 * import { heapContext, type Arena, type WasmExports } from '@polyblas/backend-wasm';
 * declare const heap: Arena, blas: Blas<Float64Array>, exports: WasmExports;
 * const ctx = heapContext('d', heap, blas, { lasrBatch: exports.pb_dlasr_batch });
 * ```
 */
export function heapContext<P extends Precision>(
  precision: P, heap: Arena, blas: Blas<ArrayOf<P>>, rotations: RotationKernels = {},
): LapackContext<ArrayOf<P>> & { shortfall: number } {
  const bytes = precision === 'd' ? 8 : 4;
  const Ctor = (precision === 'd' ? Float64Array : Float32Array) as unknown as new (n: number) => ArrayOf<P>;
  const ctx = {
    precision,
    blas,
    eps: precision === 'd' ? 2 ** -53 : 2 ** -24,
    safmin: precision === 'd' ? 2 ** -1022 : 2 ** -126,
    shortfall: 0,
    work(size: number): Work<ArrayOf<P>> {
      const n = Math.max(0, size);
      const address = heap.alloc(n * bytes);
      if (address < 0) {
        ctx.shortfall += n * bytes;
        return { data: new Ctor(n), offset: 0 };
      }
      const data = (precision === 'd' ? heap.f64() : heap.f32()) as ArrayOf<P>;
      const offset = address / bytes;
      data.fill(0, offset, offset + n);
      return { data, offset };
    },
    iwork: (n: number) => new Int32Array(Math.max(0, n)),
    rotateRows: rotations.lasrBatch
      ? heapRotateRows(heap, rotations, (bytes: number) => (ctx.shortfall += bytes))
      : undefined,
    // gemm here runs about ten times faster than hseqr's scalar reflector loops.
    accumulateReflectors: true,
  };
  return ctx;
}

/**
 * The module's kernels for bdsqr's rotation chains: `lasrBatch(sequences, at, first, count,
 * forward, c, s, N, A, lda)` (addresses in the heap), and in the pthreads build
 * `lasrBatchMt(threads, ...the same)` with `threads()` the threads a call may use.
 *
 * @example
 * ```ts
 * import type { RotationKernels, WasmExports } from '@polyblas/backend-wasm';
 * declare const exports: WasmExports;
 * const rotations: RotationKernels = { lasrBatch: exports.pb_dlasr_batch };
 * ```
 */
export interface RotationKernels {
  readonly lasrBatch?: (...args: number[]) => number;
  readonly lasrBatchMt?: (...args: number[]) => number;
  readonly threads?: () => number;
}

/** Element-rotations below which a batch stays on one thread (thread start-up costs more). */
const LASR_MT_MIN_WORK = 400_000;

/**
 * bdsqr's rotation chains on heap vectors through the module's lasr_batch: the queued chains'
 * description and coefficients are copied into the heap for the call. W outside the heap, or no
 * room for the copy, declines the call (bdsqr then rotates in TypeScript).
 */
function heapRotateRows(
  heap: Arena, rotations: RotationKernels, shortfall: (bytes: number) => void,
): NonNullable<LapackContext<Float64Array>['rotateRows']> {
  const { lasrBatch, lasrBatchMt, threads } = rotations;
  return (W, ld, offset, cols, chains) => {
    if (W.buffer !== heap.memory.buffer || !lasrBatch) return false;
    const n = chains.length;
    if (n === 0 || cols <= 0) return true;
    let used = 0;
    let rotationsQueued = 0;
    for (let i = 0; i < n; i++) {
      used = Math.max(used, chains.at[i] + chains.count[i]);
      rotationsQueued += chains.count[i];
    }
    const bytes = 16 * used + 16 * n + 64;
    const mark = heap.mark();
    try {
      const address = heap.alloc(bytes);
      if (address < 0) {
        shortfall(bytes);
        return false;
      }
      const f64 = heap.f64();
      const c = address, s = c + 8 * used, ints = s + 8 * used;
      f64.set(chains.c.subarray(0, used), c / 8);
      f64.set(chains.s.subarray(0, used), s / 8);
      const i32 = new Int32Array(heap.memory.buffer, ints, 3 * n);
      i32.set(chains.at.subarray(0, n), 0);
      i32.set(chains.first.subarray(0, n), n);
      i32.set(chains.count.subarray(0, n), 2 * n);
      const forward = ints + 12 * n;
      new Uint8Array(heap.memory.buffer, forward, n).set(chains.forward.subarray(0, n));
      const t = lasrBatchMt && threads && rotationsQueued * cols >= LASR_MT_MIN_WORK ? threads() : 1;
      const A = W.byteOffset + 8 * offset;
      if (t > 1 && lasrBatchMt) lasrBatchMt(t, n, ints, ints + 4 * n, ints + 8 * n, forward, c, s, cols, A, ld);
      else lasrBatch(n, ints, ints + 4 * n, ints + 8 * n, forward, c, s, cols, A, ld);
      return true;
    } finally {
      heap.release(mark);
    }
  };
}

/** Column-major operand: array, leading dimension and offset positions, rows × columns. */
function mat(arr: number, ld: number, off: number, rows: number, cols: number, write: boolean): Operand {
  return operand(arr, -1, ld, off, Math.max(0, rows), Math.max(0, cols), write);
}

/** Contiguous vector operand. */
function vec(arr: number, off: number, length: number, write: boolean): Operand {
  return operand(arr, -1, -1, off, Math.max(0, length), 1, write);
}

const num = (v: unknown) => v as number;

/** The operands of each routine, from its arguments (positions as in the contract's signatures). */
const OPERANDS: Record<LapackRoutine, (a: readonly unknown[]) => Operand[]> = {
  getrf: (a) => [mat(2, 3, 4, num(a[0]), num(a[1]), true)],
  getrs: (a) => [mat(3, 4, 5, num(a[1]), num(a[1]), false), mat(8, 9, 10, num(a[1]), num(a[2]), true)],
  getri: (a) => [mat(1, 2, 3, num(a[0]), num(a[0]), true)],
  potrf: (a) => [mat(2, 3, 4, num(a[1]), num(a[1]), true)],
  potrs: (a) => [mat(3, 4, 5, num(a[1]), num(a[1]), false), mat(6, 7, 8, num(a[1]), num(a[2]), true)],
  geqrf: (a) => [mat(2, 3, 4, num(a[0]), num(a[1]), true), vec(5, 6, Math.min(num(a[0]), num(a[1])), true)],
  orgqr: (a) => [mat(3, 4, 5, num(a[0]), num(a[1]), true), vec(6, 7, num(a[2]), false)],
  ormqr: (a) => {
    const M = num(a[2]), N = num(a[3]), K = num(a[4]);
    return [mat(5, 6, 7, a[0] === 'L' ? M : N, K, false), vec(8, 9, K, false), mat(10, 11, 12, M, N, true)];
  },
  gesdd: (a) => {
    const M = num(a[1]), N = num(a[2]), k = Math.min(M, N);
    const all = a[0] === 'A', none = a[0] === 'N';
    return [
      mat(3, 4, 5, M, N, true), vec(6, 7, k, true),
      mat(8, 9, 10, none ? 0 : M, all ? M : k, true), mat(11, 12, 13, none ? 0 : all ? N : k, N, true),
    ];
  },
  syevd: (a) => [mat(3, 4, 5, num(a[2]), num(a[2]), true), vec(6, 7, num(a[2]), true)],
  geev: (a) => {
    const N = num(a[2]);
    return [
      mat(3, 4, 5, N, N, true), vec(6, 7, N, true), vec(8, 9, N, true),
      mat(10, 11, 12, a[0] === 'V' ? N : 0, N, true), mat(13, 14, 15, a[1] === 'V' ? N : 0, N, true),
    ];
  },
  gelsd: (a) => {
    const M = num(a[0]), N = num(a[1]);
    return [mat(3, 4, 5, M, N, true), mat(6, 7, 8, Math.max(M, N), num(a[2]), true), vec(9, 10, Math.min(M, N), true)];
  },
};

/** Heap workspace to set aside before an algorithm starts, in elements, from its largest dimension. */
function workEstimate(operands: readonly Operand[]): number {
  let size = 0;
  for (const op of operands) size = Math.max(size, op.rows, op.cols);
  return 4 * size * size + 256 * size + 4096;
}

/**
 * The LAPACK kernels of both precisions over ordinary TypedArrays, running backend-js's
 * algorithms on the heap contexts. Where the heap cannot hold a call's matrices, the call runs on
 * the fallback kernel instead.
 *
 * @example
 * ```ts
 * import { heapLapackKernels, heapContext, type Arena } from '@polyblas/backend-wasm';
 * import { lapackKernels } from '@polyblas/backend-js';
 * declare const heap: Arena, ctxD: ReturnType<typeof heapContext<'d'>>, ctxS: ReturnType<typeof heapContext<'s'>>;
 * const lapack = heapLapackKernels(heap, ctxD, ctxS, lapackKernels);
 * lapack.dpotrf('L', 2, new Float64Array([4, 2, 2, 5]), 2, 0); // 0
 * ```
 */
export function heapLapackKernels(
  heap: Arena,
  ctxD: LapackContext<Float64Array> & { shortfall: number },
  ctxS: LapackContext<Float32Array> & { shortfall: number },
  fallback: LapackKernels,
): LapackKernels {
  const inner = createLapackKernels(ctxD, ctxS);
  /** Extra workspace (bytes) that calls have needed beyond the estimate; grows, never shrinks. */
  let learned = 0;
  const kernels: Record<string, unknown> = {};
  for (const precision of ['d', 's'] as const) {
    const ctx = precision === 'd' ? ctxD : ctxS;
    const bytes = precision === 'd' ? 8 : 4;
    for (const routine of LAPACK_ROUTINES) {
      const name = kernelName(precision, routine);
      const algorithm = inner[name as keyof LapackKernels] as unknown as (...args: unknown[]) => number;
      const slow = fallback[name as keyof LapackKernels] as unknown as (...args: unknown[]) => number;
      const operandsOf = OPERANDS[routine];
      kernels[name] = (...args: unknown[]) => {
        const operands = operandsOf(args);
        // Workspace is set aside before the operands' views are taken; once locked, the heap cannot
        // grow under the algorithm's views.
        const reserve = workEstimate(operands) * bytes + learned;
        const run = (...call: unknown[]) => {
          ctx.shortfall = 0;
          heap.lock();
          try {
            return algorithm(...call);
          } finally {
            heap.unlock();
            if (ctx.shortfall > 0) learned = Math.max(learned, 2 * ctx.shortfall);
          }
        };
        return stageCall(heap, precision, args, operands, run, () => slow(...args), false, reserve);
      };
    }
  }
  return kernels as unknown as LapackKernels;
}
