/**
 * The WebAssembly backend's memory handling, beyond what the shared conformance suite covers:
 * operands that alias one another or share a buffer, sparse views that are gathered rather than
 * copied as a span, growth of the WebAssembly memory between calls, workspace that does not fit
 * the reservation, and the arena returning to where it started after every call. Results are
 * checked against the TypeScript reference kernels run on identical inputs.
 */
import { describe, expect, it } from 'vitest';
import { referenceKernels } from '@polyblas/backend-js';
import { Heap, createWasmBackend, instantiate, type WasmMemory } from '@polyblas/backend-wasm';
import type { Kernels } from '@polyblas/contract';
import { Rng } from '../src/testing/util.js';

const instance = await instantiate();
const { heap } = instance;
const kernels = createWasmBackend(instance).kernels as Kernels;

/** A seeded generator of numbers in [-0.5, 0.5), from the shared test generator. */
function rng(seed: number): () => number {
  const generator = new Rng(seed);
  return () => generator.next() - 0.5;
}

function random(n: number, seed: number): Float64Array {
  const next = rng(seed);
  return Float64Array.from({ length: n }, next);
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance: number): void {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < actual.length; i++) {
    if (Number.isNaN(expected[i])) expect(Number.isNaN(actual[i]), `element ${i}`).toBe(true);
    else worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
  }
  expect(worst).toBeLessThanOrEqual(tolerance);
}

describe('wasm backend: operands sharing memory', () => {
  it('overlapping copy and swap within one array behave as the reference does', () => {
    for (const [sx, sy, ox, oy] of [[1, 1, 0, 1], [1, 1, 1, 0], [2, 1, 0, 3], [-1, 1, 9, 0], [1, -2, 0, 18]]) {
      const a = random(24, 7);
      const b = a.slice();
      kernels.dcopy(8, a, sx, ox, a, sy, oy);
      referenceKernels.dcopy(8, b, sx, ox, b, sy, oy);
      expect(Array.from(a)).toEqual(Array.from(b));
      kernels.dswap(8, a, sx, ox, a, sy, oy);
      referenceKernels.dswap(8, b, sx, ox, b, sy, oy);
      expect(Array.from(a)).toEqual(Array.from(b));
    }
  });

  it('different views of one buffer (subarrays that overlap) are staged as one span', () => {
    const buffer = random(40, 3);
    const expected = buffer.slice();
    const x = buffer.subarray(0, 20);
    const y = buffer.subarray(10, 30);
    kernels.daxpy(15, 0.5, x, 1, 2, y, 1, 0);
    referenceKernels.daxpy(15, 0.5, expected.subarray(0, 20), 1, 2, expected.subarray(10, 30), 1, 0);
    expectClose(buffer, expected, 1e-15);
  });

  it('gemm with C inside the same array as A and B', () => {
    const n = 6;
    const a = random(3 * n * n + 5, 11);
    const b = a.slice();
    kernels.dgemm('N', 'T', n, n, n, 1.5, a, 1, n, 0, a, n, 1, n * n, 0.5, a, 1, n, 2 * n * n + 5);
    referenceKernels.dgemm('N', 'T', n, n, n, 1.5, b, 1, n, 0, b, n, 1, n * n, 0.5, b, 1, n, 2 * n * n + 5);
    expectClose(a, b, 1e-13);
  });

  it('float32 views at odd element offsets', () => {
    const base = new Float32Array(33).map((_, i) => i - 16);
    const view = base.subarray(1);
    const expected = base.slice();
    kernels.sscal(10, 3, view, 3, 1);
    referenceKernels.sscal(10, 3, expected.subarray(1), 3, 1);
    expect(Array.from(base)).toEqual(Array.from(expected));
  });
});

describe('wasm backend: sparse views', () => {
  it('a column of a wide row-major matrix is gathered, and nothing around it is written', () => {
    const rows = 50;
    const cols = 4000;
    const A = random(rows * cols, 5);
    for (let k = 0; k < A.length; k++) if (k % cols !== 7) A[k] = NaN;
    const y = new Float64Array(rows);
    const before = A.slice();
    kernels.dscal(rows, 2, A, cols, 7);
    for (let k = 0; k < A.length; k++) {
      if (k % cols === 7) expect(A[k]).toBe(2 * before[k]);
      else expect(Number.isNaN(A[k])).toBe(true);
    }
    const x = random(rows, 9);
    kernels.dgemv('T', rows, 1, 1, A, cols, 1, 7, x, 1, 0, 0, y, 1, 0);
    let dot = 0;
    for (let i = 0; i < rows; i++) dot += A[i * cols + 7] * x[i];
    expect(Math.abs(y[0] - dot)).toBeLessThan(1e-13);
  });

  it('a small block of a large matrix is gathered for gemm', () => {
    const ld = 3000;
    const big = random(ld * 20, 21);
    const copy = big.slice();
    const B = random(5 * 4, 22);
    kernels.dgemm('N', 'N', 5, 4, 5, 1, big, 1, ld, 100, B, 1, 5, 0, 1, big, 1, ld, 200);
    referenceKernels.dgemm('N', 'N', 5, 4, 5, 1, copy, 1, ld, 100, B, 1, 5, 0, 1, copy, 1, ld, 200);
    expectClose(big, copy, 1e-14);
  });

  it('gemm with alpha = 0 does not need A and B to hold anything', () => {
    const C = random(6, 4);
    const expected = C.map((v) => 2 * v);
    kernels.dgemm('N', 'N', 2, 3, 4, 0, new Float64Array(0), 1, 2, 0, new Float64Array(0), 1, 4, 0, 2, C, 1, 2, 0);
    expectClose(C, expected, 0);
  });
});

describe('wasm backend: memory growth and the arena', () => {
  it('a call that grows memory, then small BLAS and LAPACK calls, all correct; the arena is released', () => {
    const start = heap.mark();
    const n = 1200; // three 1200x1200 doubles exceed the initial 16 MiB
    const A = random(n * n, 1);
    const B = random(n * n, 2);
    const C = new Float64Array(n * n);
    kernels.dgemm('N', 'N', n, n, n, 1, A, 1, n, 0, B, 1, n, 0, 0, C, 1, n, 0);
    expect(heap.bytes()).toBeGreaterThan(16 * 2 ** 20);
    for (const [i, j] of [[0, 0], [n - 1, n - 1], [17, 1011]]) {
      let s = 0;
      for (let p = 0; p < n; p++) s += A[i + p * n] * B[p + j * n];
      expect(Math.abs(C[i + j * n] - s)).toBeLessThan(1e-11);
    }
    expect(heap.mark()).toBe(start);
    const m = 40;
    const S = random(m * m, 3);
    for (let j = 0; j < m; j++) S[j + j * m] += m;
    const lu = S.slice();
    const ipiv = new Int32Array(m);
    expect(kernels.dgetrf(m, m, lu, m, 0, ipiv, 0)).toBe(0);
    const luRef = S.slice();
    const ipivRef = new Int32Array(m);
    referenceKernels.dgetrf(m, m, luRef, m, 0, ipivRef, 0);
    expect(Array.from(ipiv)).toEqual(Array.from(ipivRef));
    expectClose(lu, luRef, 1e-12);
    expect(heap.mark()).toBe(start);
  });

  it('repeated calls leave the arena where it was and do not grow memory', () => {
    const start = heap.mark();
    const n = 30;
    const A = random(n * n, 8);
    const s = new Float64Array(n);
    const U = new Float64Array(n * n);
    const VT = new Float64Array(n * n);
    kernels.dgesdd('A', n, n, A.slice(), n, 0, s, 0, U, n, 0, VT, n, 0);
    const bytes = heap.bytes();
    for (let r = 0; r < 300; r++) {
      kernels.dgesdd('S', n, n, A.slice(), n, 0, s, 0, U, n, 0, VT, n, 0);
      kernels.ddot(n, A, 1, 0, A, n, 0);
      kernels.sgemv('N', 3, 3, 1, new Float32Array(9), 1, 3, 0, new Float32Array(3), 1, 0, 0, new Float32Array(3), 1, 0);
    }
    expect(heap.mark()).toBe(start);
    expect(heap.bytes()).toBe(bytes);
  });
});

describe('Heap', () => {
  function fakeMemory(pages: number): WasmMemory {
    let buffer = new ArrayBuffer(pages * 65536);
    return {
      get buffer() {
        return buffer;
      },
      grow(more: number) {
        const old = buffer.byteLength / 65536;
        const next = new ArrayBuffer(buffer.byteLength + more * 65536);
        new Uint8Array(next).set(new Uint8Array(buffer));
        buffer = next;
        return old;
      },
    };
  }

  it('grows between allocations, refreshes its views, and never grows while locked', () => {
    const memory = fakeMemory(1);
    const h = new Heap(memory, 1000);
    const mark = h.mark();
    const p = h.alloc(60000);
    expect(p).toBeGreaterThanOrEqual(1000);
    h.f64()[p / 8] = 42;
    const q = h.alloc(100000);
    expect(q).toBeGreaterThan(p);
    expect(h.f64().buffer).toBe(memory.buffer);
    expect(h.f64()[p / 8]).toBe(42);
    h.lock();
    expect(h.alloc(10 * h.bytes())).toBe(-1);
    h.unlock();
    h.release(mark);
    expect(h.mark()).toBe(mark);
  });

  it('with memory that cannot grow, a LAPACK call whose workspace does not fit still computes the right answer', async () => {
    // A second instance whose memory refuses to grow past its initial 16 MiB: the SVD's operands
    // fit, its workspace does not, so part of it is served by ordinary arrays.
    const fresh = await instantiate();
    const real = fresh.heap.memory;
    const frozen: WasmMemory = {
      get buffer() {
        return real.buffer;
      },
      grow() {
        throw new RangeError('memory is frozen for this test');
      },
    };
    const frozenHeap = new Heap(frozen, fresh.exports.pb_heap_base());
    const backend = createWasmBackend({ exports: fresh.exports, heap: frozenHeap }).kernels as Kernels;
    const n = 560;
    const A = random(n * n, 30);
    const s = new Float64Array(n);
    const U = new Float64Array(n * n);
    const VT = new Float64Array(n * n);
    const bytes = frozenHeap.bytes();
    expect(backend.dgesdd('A', n, n, A.slice(), n, 0, s, 0, U, n, 0, VT, n, 0)).toBe(0);
    expect(frozenHeap.bytes()).toBe(bytes);
    // ‖A − U·Σ·Vᵀ‖_max, on a few columns.
    let worst = 0;
    for (const j of [0, 1, n >> 1, n - 1]) {
      for (let i = 0; i < n; i++) {
        let v = 0;
        for (let k = 0; k < n; k++) v += U[i + k * n] * s[k] * VT[k + j * n];
        worst = Math.max(worst, Math.abs(v - A[i + j * n]));
      }
    }
    expect(worst).toBeLessThan(1e-11);
    for (let k = 1; k < n; k++) expect(s[k]).toBeLessThanOrEqual(s[k - 1]);
  });
});
