/**
 * The BLAS of one precision on WebAssembly: {@link heapBlas} calls the C kernels on arrays that
 * already live in the heap (what the LAPACK algorithms use while they run), and
 * {@link stagedBlasKernels} wraps those calls for ordinary TypedArrays, staging operands through
 * the heap once per call.
 *
 * @module
 */
import type { Blas, BlasKernels, BlasRoutine, FloatArray, Precision } from '@polyblas/contract';
import { BLAS_ROUTINES, kernelName } from '@polyblas/contract';
import type { Arena } from './heap.js';
import { operand, stageCall, type Operand } from './stage.js';

/** The functions the module exports, by their C names (`pb_dgemm`, ...). */
export type WasmExports = Record<string, (...args: number[]) => number>;

/**
 * The BLAS of one precision, calling the WebAssembly kernels directly on heap arrays. A call with
 * any array outside the heap goes to `fallback` (the TypeScript kernel) instead: this runs inside
 * LAPACK algorithms, where the heap must not grow, so nothing is staged here.
 *
 * @example
 * ```ts
 * import { heapBlas, type Arena, type WasmExports } from '@polyblas/backend-wasm';
 * import { blasKernels } from '@polyblas/backend-js';
 * import { blasOf } from '@polyblas/contract';
 * declare const exports: WasmExports, heap: Arena;
 * const blas = heapBlas('d', exports, heap, blasOf(blasKernels, 'd'));
 * // blas.gemm(...) on heap.f64() with heap offsets
 * ```
 */
export function heapBlas<T extends FloatArray>(
  precision: Precision, x: WasmExports, heap: Arena, fallback: Blas<T>, threads: () => number = () => 1,
): Blas<T> {
  const bytes = precision === 'd' ? 8 : 4;
  const memory = heap.memory;
  const f = (name: string) => {
    const fn = x[`pb_${precision}${name}`];
    if (typeof fn !== 'function') throw new Error(`WebAssembly module lacks pb_${precision}${name}`);
    return fn;
  };
  const dot = f('dot'), axpy = f('axpy'), scal = f('scal'), copy = f('copy'), swap = f('swap');
  const nrm2 = f('nrm2'), asum = f('asum'), iamax = f('iamax'), rot = f('rot');
  const gemv = f('gemv'), ger = f('ger'), symv = f('symv'), trmv = f('trmv'), trsv = f('trsv');
  const gemm = f('gemm'), symm = f('symm'), syrk = f('syrk'), trmm = f('trmm'), trsm = f('trsm');
  // The pthreads build also has gemm_mt(threads, ...), worth its thread start-up from about 144³.
  const gemmMt = x[`pb_${precision}gemm_mt`] as ((...args: number[]) => number) | undefined;
  const ok = (a: T) => a.buffer === memory.buffer;
  const at = (a: T, offset: number) => a.byteOffset + offset * bytes;
  return {
    dot: (N, X, sx, ox, Y, sy, oy) =>
      ok(X) && ok(Y) ? dot(N, at(X, ox), sx, at(Y, oy), sy) : fallback.dot(N, X, sx, ox, Y, sy, oy),
    axpy: (N, alpha, X, sx, ox, Y, sy, oy) => {
      if (ok(X) && ok(Y)) axpy(N, alpha, at(X, ox), sx, at(Y, oy), sy);
      else fallback.axpy(N, alpha, X, sx, ox, Y, sy, oy);
    },
    scal: (N, alpha, X, sx, ox) => {
      if (ok(X)) scal(N, alpha, at(X, ox), sx);
      else fallback.scal(N, alpha, X, sx, ox);
    },
    copy: (N, X, sx, ox, Y, sy, oy) => {
      if (ok(X) && ok(Y)) copy(N, at(X, ox), sx, at(Y, oy), sy);
      else fallback.copy(N, X, sx, ox, Y, sy, oy);
    },
    swap: (N, X, sx, ox, Y, sy, oy) => {
      if (ok(X) && ok(Y)) swap(N, at(X, ox), sx, at(Y, oy), sy);
      else fallback.swap(N, X, sx, ox, Y, sy, oy);
    },
    nrm2: (N, X, sx, ox) => (ok(X) ? nrm2(N, at(X, ox), sx) : fallback.nrm2(N, X, sx, ox)),
    asum: (N, X, sx, ox) => (ok(X) ? asum(N, at(X, ox), sx) : fallback.asum(N, X, sx, ox)),
    iamax: (N, X, sx, ox) => (ok(X) ? iamax(N, at(X, ox), sx) : fallback.iamax(N, X, sx, ox)),
    rot: (N, X, sx, ox, Y, sy, oy, c, s) => {
      if (ok(X) && ok(Y)) rot(N, at(X, ox), sx, at(Y, oy), sy, c, s);
      else fallback.rot(N, X, sx, ox, Y, sy, oy, c, s);
    },
    gemv: (trans, M, N, alpha, A, a1, a2, oa, X, sx, ox, beta, Y, sy, oy) => {
      if (!(ok(A) && ok(X) && ok(Y))) fallback.gemv(trans, M, N, alpha, A, a1, a2, oa, X, sx, ox, beta, Y, sy, oy);
      else if (trans === 'N') gemv(M, N, alpha, at(A, oa), a1, a2, at(X, ox), sx, beta, at(Y, oy), sy);
      else gemv(N, M, alpha, at(A, oa), a2, a1, at(X, ox), sx, beta, at(Y, oy), sy);
    },
    ger: (M, N, alpha, X, sx, ox, Y, sy, oy, A, a1, a2, oa) => {
      if (ok(A) && ok(X) && ok(Y)) ger(M, N, alpha, at(X, ox), sx, at(Y, oy), sy, at(A, oa), a1, a2);
      else fallback.ger(M, N, alpha, X, sx, ox, Y, sy, oy, A, a1, a2, oa);
    },
    symv: (uplo, N, alpha, A, a1, a2, oa, X, sx, ox, beta, Y, sy, oy) => {
      if (ok(A) && ok(X) && ok(Y)) symv(uplo === 'L' ? 1 : 0, N, alpha, at(A, oa), a1, a2, at(X, ox), sx, beta, at(Y, oy), sy);
      else fallback.symv(uplo, N, alpha, A, a1, a2, oa, X, sx, ox, beta, Y, sy, oy);
    },
    trmv: (uplo, trans, diag, N, A, a1, a2, oa, X, sx, ox) => {
      if (!(ok(A) && ok(X))) fallback.trmv(uplo, trans, diag, N, A, a1, a2, oa, X, sx, ox);
      else if (trans === 'N') trmv(uplo === 'L' ? 1 : 0, diag === 'U' ? 1 : 0, N, at(A, oa), a1, a2, at(X, ox), sx);
      else trmv(uplo === 'L' ? 0 : 1, diag === 'U' ? 1 : 0, N, at(A, oa), a2, a1, at(X, ox), sx);
    },
    trsv: (uplo, trans, diag, N, A, a1, a2, oa, X, sx, ox) => {
      if (!(ok(A) && ok(X))) fallback.trsv(uplo, trans, diag, N, A, a1, a2, oa, X, sx, ox);
      else if (trans === 'N') trsv(uplo === 'L' ? 1 : 0, diag === 'U' ? 1 : 0, N, at(A, oa), a1, a2, at(X, ox), sx);
      else trsv(uplo === 'L' ? 0 : 1, diag === 'U' ? 1 : 0, N, at(A, oa), a2, a1, at(X, ox), sx);
    },
    gemm: (tA, tB, M, N, K, alpha, A, a1, a2, oa, B, b1, b2, ob, beta, C, c1, c2, oc) => {
      if (!(ok(A) && ok(B) && ok(C))) {
        fallback.gemm(tA, tB, M, N, K, alpha, A, a1, a2, oa, B, b1, b2, ob, beta, C, c1, c2, oc);
        return;
      }
      const ta = tA === 'N';
      const tb = tB === 'N';
      const t = gemmMt && M * N * K >= MT_MIN_WORK ? threads() : 1;
      if (gemmMt && t > 1) {
        gemmMt(t, M, N, K, alpha, at(A, oa), ta ? a1 : a2, ta ? a2 : a1, at(B, ob), tb ? b1 : b2, tb ? b2 : b1, beta, at(C, oc), c1, c2);
      } else {
        gemm(M, N, K, alpha, at(A, oa), ta ? a1 : a2, ta ? a2 : a1, at(B, ob), tb ? b1 : b2, tb ? b2 : b1, beta, at(C, oc), c1, c2);
      }
    },
    symm: (side, uplo, M, N, alpha, A, a1, a2, oa, B, b1, b2, ob, beta, C, c1, c2, oc) => {
      if (ok(A) && ok(B) && ok(C)) {
        symm(side === 'R' ? 1 : 0, uplo === 'L' ? 1 : 0, M, N, alpha, at(A, oa), a1, a2, at(B, ob), b1, b2, beta, at(C, oc), c1, c2);
      } else {
        fallback.symm(side, uplo, M, N, alpha, A, a1, a2, oa, B, b1, b2, ob, beta, C, c1, c2, oc);
      }
    },
    syrk: (uplo, trans, N, K, alpha, A, a1, a2, oa, beta, C, c1, c2, oc) => {
      if (!(ok(A) && ok(C))) fallback.syrk(uplo, trans, N, K, alpha, A, a1, a2, oa, beta, C, c1, c2, oc);
      else if (trans === 'N') syrk(uplo === 'L' ? 1 : 0, N, K, alpha, at(A, oa), a1, a2, beta, at(C, oc), c1, c2);
      else syrk(uplo === 'L' ? 1 : 0, N, K, alpha, at(A, oa), a2, a1, beta, at(C, oc), c1, c2);
    },
    trmm: (side, uplo, transA, diag, M, N, alpha, A, a1, a2, oa, B, b1, b2, ob) => {
      if (!(ok(A) && ok(B))) {
        fallback.trmm(side, uplo, transA, diag, M, N, alpha, A, a1, a2, oa, B, b1, b2, ob);
        return;
      }
      const t = transA === 'T';
      trmm(side === 'R' ? 1 : 0, (uplo === 'L') !== t ? 1 : 0, diag === 'U' ? 1 : 0, M, N, alpha,
        at(A, oa), t ? a2 : a1, t ? a1 : a2, at(B, ob), b1, b2);
    },
    trsm: (side, uplo, transA, diag, M, N, alpha, A, a1, a2, oa, B, b1, b2, ob) => {
      if (!(ok(A) && ok(B))) {
        fallback.trsm(side, uplo, transA, diag, M, N, alpha, A, a1, a2, oa, B, b1, b2, ob);
        return;
      }
      const t = transA === 'T';
      trsm(side === 'R' ? 1 : 0, (uplo === 'L') !== t ? 1 : 0, diag === 'U' ? 1 : 0, M, N, alpha,
        at(A, oa), t ? a2 : a1, t ? a1 : a2, at(B, ob), b1, b2);
    },
  };
}

/** Multiply-adds below which a threaded gemm runs on one thread. */
const MT_MIN_WORK = 144 ** 3;

/** The operands of each routine, from its arguments (positions as in the contract's signatures). */
const OPERANDS: Record<BlasRoutine, (a: readonly unknown[]) => Operand[]> = {
  dot: (a) => [operand(1, 2, -1, 3, n(a[0]), 1, false), operand(4, 5, -1, 6, n(a[0]), 1, false)],
  axpy: (a) => [operand(2, 3, -1, 4, n(a[0]), 1, false), operand(5, 6, -1, 7, n(a[0]), 1, true)],
  scal: (a) => [operand(2, 3, -1, 4, n(a[0]), 1, true)],
  copy: (a) => [operand(1, 2, -1, 3, n(a[0]), 1, false), operand(4, 5, -1, 6, n(a[0]), 1, true)],
  swap: (a) => [operand(1, 2, -1, 3, n(a[0]), 1, true), operand(4, 5, -1, 6, n(a[0]), 1, true)],
  nrm2: (a) => [operand(1, 2, -1, 3, n(a[0]), 1, false)],
  asum: (a) => [operand(1, 2, -1, 3, n(a[0]), 1, false)],
  iamax: (a) => [operand(1, 2, -1, 3, n(a[0]), 1, false)],
  rot: (a) => [operand(1, 2, -1, 3, n(a[0]), 1, true), operand(4, 5, -1, 6, n(a[0]), 1, true)],
  gemv: (a) => {
    const rows = n(a[1]), cols = n(a[2]), t = a[0] === 'T';
    return [operand(4, 5, 6, 7, rows, cols, false), operand(8, 9, -1, 10, t ? rows : cols, 1, false),
      operand(12, 13, -1, 14, t ? cols : rows, 1, true)];
  },
  ger: (a) => [operand(3, 4, -1, 5, n(a[0]), 1, false), operand(6, 7, -1, 8, n(a[1]), 1, false),
    operand(9, 10, 11, 12, n(a[0]), n(a[1]), true)],
  symv: (a) => [operand(3, 4, 5, 6, n(a[1]), n(a[1]), false), operand(7, 8, -1, 9, n(a[1]), 1, false),
    operand(11, 12, -1, 13, n(a[1]), 1, true)],
  trmv: (a) => [operand(4, 5, 6, 7, n(a[3]), n(a[3]), false), operand(8, 9, -1, 10, n(a[3]), 1, true)],
  trsv: (a) => [operand(4, 5, 6, 7, n(a[3]), n(a[3]), false), operand(8, 9, -1, 10, n(a[3]), 1, true)],
  gemm: (a) => {
    const M = n(a[2]), N = n(a[3]), K = n(a[4]);
    return [
      a[0] === 'N' ? operand(6, 7, 8, 9, M, K, false) : operand(6, 7, 8, 9, K, M, false),
      a[1] === 'N' ? operand(10, 11, 12, 13, K, N, false) : operand(10, 11, 12, 13, N, K, false),
      operand(15, 16, 17, 18, M, N, true),
    ];
  },
  symm: (a) => {
    const M = n(a[2]), N = n(a[3]), k = a[0] === 'L' ? M : N;
    return [operand(5, 6, 7, 8, k, k, false), operand(9, 10, 11, 12, M, N, false), operand(14, 15, 16, 17, M, N, true)];
  },
  syrk: (a) => {
    const N = n(a[2]), K = n(a[3]);
    return [a[1] === 'N' ? operand(5, 6, 7, 8, N, K, false) : operand(5, 6, 7, 8, K, N, false),
      operand(10, 11, 12, 13, N, N, true)];
  },
  trmm: (a) => triangularOperands(a),
  trsm: (a) => triangularOperands(a),
};

function triangularOperands(a: readonly unknown[]): Operand[] {
  const M = n(a[4]), N = n(a[5]), k = a[0] === 'L' ? M : N;
  return [operand(7, 8, 9, 10, k, k, false), operand(11, 12, 13, 14, M, N, true)];
}

function n(value: unknown): number {
  return Math.max(0, value as number);
}

/**
 * The BLAS kernels of both precisions for ordinary TypedArrays: each call copies its operands into
 * the heap, runs the WebAssembly kernel there and copies written operands back. Where the heap
 * cannot hold the operands, the call runs on the fallback kernel instead.
 *
 * @example
 * ```ts
 * import { stagedBlasKernels, type Arena } from '@polyblas/backend-wasm';
 * import { blasKernels } from '@polyblas/backend-js';
 * import { blasOf } from '@polyblas/contract';
 * declare const direct: { d: Blas<Float64Array>; s: Blas<Float32Array> }, heap: Arena;
 * const kernels = stagedBlasKernels(heap, direct, blasKernels);
 * kernels.ddot(2, new Float64Array([1, 2]), 1, 0, new Float64Array([3, 4]), 1, 0); // 11
 * ```
 */
export function stagedBlasKernels(
  heap: Arena,
  direct: { d: Blas<Float64Array>; s: Blas<Float32Array> },
  fallback: BlasKernels,
): BlasKernels {
  const kernels: Record<string, unknown> = {};
  for (const precision of ['d', 's'] as const) {
    for (const routine of BLAS_ROUTINES) {
      const name = kernelName(precision, routine);
      const run = direct[precision][routine] as unknown as (...args: unknown[]) => unknown;
      const slow = fallback[name as keyof BlasKernels] as unknown as (...args: unknown[]) => unknown;
      const operandsOf = OPERANDS[routine];
      kernels[name] = (...args: unknown[]) =>
        stageCall(heap, precision, args, operandsOf(args), run, () => slow(...args), true);
    }
  }
  return kernels as unknown as BlasKernels;
}
