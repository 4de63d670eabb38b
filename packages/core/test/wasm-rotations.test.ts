/**
 * bdsqr's rotation chains in the WebAssembly backend: the heap context's rotateRows kernel
 * against rotations applied one by one with a naive loop, and full SVDs whose sweeps run in both
 * directions (graded matrices chase bottom-up) checked by reconstruction and orthogonality.
 */
import { describe, expect, it } from 'vitest';
import { blasKernels } from '@polyblas/backend-js';
import { Heap, createWasmBackend, heapBlas, heapContext, instantiate, type WasmMemory } from '@polyblas/backend-wasm';
import { blasOf, type Kernels } from '@polyblas/contract';
import { Rng, matrixNorm, naiveMatmul, orthogonalityRatio } from '../src/testing/util.js';

const instance = await instantiate();
const { heap, exports } = instance;
const ctx = heapContext('d', heap, heapBlas('d', exports, heap, blasOf(blasKernels, 'd')), { lasrBatch: exports.pb_dlasr_batch });
const rotateRows = ctx.rotateRows!;

interface Chain {
  forward: boolean;
  first: number;
  c: number[];
  s: number[];
}

/** The chains packed as bdsqr queues them. */
function pack(chains: Chain[]) {
  const total = chains.reduce((sum, ch) => sum + ch.c.length, 0);
  const packed = {
    length: chains.length,
    at: new Int32Array(chains.length),
    first: new Int32Array(chains.length),
    count: new Int32Array(chains.length),
    forward: new Uint8Array(chains.length),
    c: new Float64Array(total),
    s: new Float64Array(total),
  };
  let at = 0;
  chains.forEach((ch, i) => {
    packed.at[i] = at;
    packed.first[i] = ch.first;
    packed.count[i] = ch.c.length;
    packed.forward[i] = ch.forward ? 1 : 0;
    packed.c.set(ch.c, at);
    packed.s.set(ch.s, at);
    at += ch.c.length;
  });
  return packed;
}

/** Each rotation applied to the whole row pair, in the order the chains define. */
function naive(W: Float64Array, ld: number, offset: number, cols: number, chains: Chain[]): void {
  for (const ch of chains) {
    const n = ch.c.length;
    for (let t = 0; t < n; t++) {
      const k = ch.forward ? t : n - 1 - t;
      // forward rotates (first+k, first+k+1); backward (first+k+1, first+k)
      const a = ch.first + (ch.forward ? k : k + 1);
      const b = ch.first + (ch.forward ? k + 1 : k);
      for (let j = 0; j < cols; j++) {
        const x = W[offset + a + j * ld];
        const y = W[offset + b + j * ld];
        W[offset + a + j * ld] = ch.c[k] * x + ch.s[k] * y;
        W[offset + b + j * ld] = ch.c[k] * y - ch.s[k] * x;
      }
    }
  }
}

function randomChains(rng: Rng, rows: number, howMany: number): Chain[] {
  const chains: Chain[] = [];
  for (let i = 0; i < howMany; i++) {
    const first = rng.int(0, rows - 2);
    const count = rng.int(1, rows - 1 - first);
    const c: number[] = [];
    const s: number[] = [];
    for (let k = 0; k < count; k++) {
      const angle = 2 * Math.PI * rng.next();
      c.push(Math.cos(angle));
      s.push(Math.sin(angle));
    }
    chains.push({ forward: rng.next() < 0.5, first, c, s });
  }
  return chains;
}

describe('wasm rotateRows (bdsqr rotation chains)', () => {
  it('matches the rotations applied one by one, for every column count up to 19', () => {
    const rng = new Rng(11);
    for (let cols = 1; cols <= 19; cols++) {
      const rows = rng.int(2, 40);
      const ld = rows + rng.int(0, 3);
      const offset = rng.int(0, 5);
      const chains = randomChains(rng, rows, rng.int(1, 6));
      const mark = heap.mark();
      const address = heap.alloc(8 * (offset + ld * cols));
      expect(address).toBeGreaterThanOrEqual(0);
      const view = heap.f64();
      const base = address / 8;
      const expected = new Float64Array(offset + ld * cols);
      for (let i = 0; i < expected.length; i++) expected[i] = rng.signed();
      view.set(expected, base);
      naive(expected, ld, offset, cols, chains);
      expect(rotateRows(view, ld, base + offset, cols, pack(chains))).toBe(true);
      let worst = 0;
      for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(view[base + i] - expected[i]));
      heap.release(mark);
      expect(worst, `cols ${cols}`).toBeLessThanOrEqual(1e-14);
    }
  });

  it('declines when a locked heap has no room for the coefficients: W untouched, shortfall recorded, arena unchanged', () => {
    // A one-page memory that cannot grow, nearly all taken.
    const buffer = new ArrayBuffer(65536);
    const memory: WasmMemory = {
      get buffer() {
        return buffer;
      },
      grow() {
        throw new RangeError('no growth in this test');
      },
    };
    const small = new Heap(memory, 0);
    let called = 0;
    const tight = heapContext('d', small, heapBlas('d', exports, small, blasOf(blasKernels, 'd')), {
      lasrBatch: () => {
        called++;
        return 0;
      },
    });
    const address = small.alloc(65536 - 64);
    const view = small.f64();
    view.set([1, 2, 3, 4], address / 8);
    small.lock();
    const mark = small.mark();
    const chains = pack([{ forward: true, first: 0, c: [0, 0, 0], s: [1, 1, 1] }]);
    expect(tight.rotateRows!(view, 4, address / 8, 1, chains)).toBe(false);
    expect(called).toBe(0);
    expect(Array.from(view.subarray(address / 8, address / 8 + 4))).toEqual([1, 2, 3, 4]);
    expect(tight.shortfall).toBeGreaterThan(0);
    expect(small.mark()).toBe(mark);
  });

  it('declines a matrix outside the heap and leaves it untouched', () => {
    const W = new Float64Array([1, 2, 3, 4]);
    const chains = pack([{ forward: true, first: 0, c: [0], s: [1] }]);
    expect(rotateRows(W, 2, 0, 2, chains)).toBe(false);
    expect(Array.from(W)).toEqual([1, 2, 3, 4]);
  });
});

describe('wasm dgesdd with rotations in WebAssembly', () => {
  const kernels = createWasmBackend(instance).kernels as Kernels;

  /** max(‖A − U·Σ·Vᵀ‖₁ / (‖A‖₁·n·eps), orthogonality of U and V). */
  function check(n: number, A: Float64Array): number {
    const s = new Float64Array(n);
    const U = new Float64Array(n * n);
    const VT = new Float64Array(n * n);
    expect(kernels.dgesdd('A', n, n, A.slice(), n, 0, s, 0, U, n, 0, VT, n, 0)).toBe(0);
    for (let i = 1; i < n; i++) expect(s[i]).toBeLessThanOrEqual(s[i - 1]);
    const US = U.slice();
    for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) US[i + j * n] *= s[j];
    const R = naiveMatmul('N', 'N', n, n, n, US, n, VT, n);
    for (let i = 0; i < R.length; i++) R[i] -= A[i];
    const residual = matrixNorm('1', n, n, R) / (matrixNorm('1', n, n, A) * n * 2 ** -52);
    return Math.max(residual, orthogonalityRatio('d', n, n, U), orthogonalityRatio('d', n, n, VT));
  }

  it('random and graded matrices (both chase directions) reconstruct with orthogonal factors', () => {
    const rng = new Rng(5);
    for (const n of [9, 33, 70]) {
      const A = Float64Array.from({ length: n * n }, () => rng.signed());
      expect(check(n, A), `random ${n}`).toBeLessThan(20);
      // Rows, then columns, graded over many orders of magnitude: the large end at the top, then
      // at the bottom, so bdsqr chases in each direction.
      for (const down of [true, false]) {
        const G = A.slice();
        for (let j = 0; j < n; j++) {
          for (let i = 0; i < n; i++) G[i + j * n] *= 10 ** (-8 * (down ? i + j : 2 * n - 2 - i - j) / n);
        }
        expect(check(n, G), `graded ${n} ${down ? 'down' : 'up'}`).toBeLessThan(20);
      }
    }
  });
});
