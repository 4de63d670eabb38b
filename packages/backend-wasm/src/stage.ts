/**
 * Copying a kernel's operands into the WebAssembly heap and back, once per top-level call.
 *
 * An operand is described by where its array, strides and offset sit in the kernel's argument
 * list and by its extent. Operands of one buffer whose index ranges overlap are staged together as
 * one contiguous span, so aliasing between them behaves as it does on the caller's array. A lone
 * operand that is dense enough is copied as its span (a `set` of a subarray, strides kept);
 * a sparse one (a column of a wide row-major matrix, say) is gathered into a packed column-major
 * block. Only operands the kernel writes are copied back, and of those only the elements the
 * kernel may write (a gathered view) or the span they came from, unchanged elements included
 * (a span): elements outside every view are never written.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';
import type { Arena } from './heap.js';

/**
 * One array argument of a kernel: argument positions of the array, its strides (-1: unit row
 * stride, as in LAPACK; for s2, -1: a vector) and its offset, with its shape and whether the
 * kernel writes it.
 *
 * @example
 * ```ts
 * import type { Operand } from '@polyblas/backend-wasm';
 * // x of ddot(N, x, strideX, offsetX, ...):
 * const x: Operand = { arr: 1, s1: 2, s2: -1, off: 3, rows: 10, cols: 1, write: false };
 * ```
 */
export interface Operand {
  readonly arr: number;
  readonly s1: number;
  readonly s2: number;
  readonly off: number;
  readonly rows: number;
  readonly cols: number;
  readonly write: boolean;
}

/**
 * Shorthand for an {@link Operand}.
 *
 * @example
 * ```ts
 * import { operand } from '@polyblas/backend-wasm';
 * const y = operand(4, 5, -1, 6, 10, 1, true); // the written vector y of daxpy
 * ```
 */
export function operand(arr: number, s1: number, s2: number, off: number, rows: number, cols: number, write: boolean): Operand {
  return { arr, s1, s2, off, rows, cols, write };
}

type Ctor = new (buffer: ArrayBufferLike, byteOffset?: number, length?: number) => FloatArray;

interface Placed {
  readonly op: Operand;
  readonly array: FloatArray;
  readonly st1: number;
  readonly st2: number;
  /** Index of the operand's offset within its buffer (in elements). */
  readonly at: number;
  readonly lo: number;
  readonly hi: number;
}

interface Group {
  readonly members: Placed[];
  readonly buffer: ArrayBufferLike;
  /** The array all members share, or null when they are different views of the buffer. */
  array: FloatArray | null;
  lo: number;
  hi: number;
  gather: boolean;
  /** Heap element index of the group's first element. */
  heapIndex: number;
}

/**
 * Runs `run` on copies of the operands in the heap (the argument list rewritten to heap views,
 * offsets and, for gathered operands, strides), copies written operands back and frees the heap.
 * When the heap cannot hold them, returns `fallback()` instead. `reserveBytes` more are made
 * available (memory grown if needed) before any view is taken, for `run` to allocate without
 * growing. With `emptyToHeap`, operands with
 * no elements are pointed at the heap too (a kernel that reads none of them may still want a heap
 * array); otherwise they are passed unchanged.
 *
 * @example
 * ```ts
 * import { stageCall, operand, type Arena } from '@polyblas/backend-wasm';
 * declare const heap: Arena;
 * declare const direct: (...args: unknown[]) => number;
 * const x = new Float64Array([3, 4]);
 * stageCall(heap, 'd', [2, x, 1, 0], [operand(1, 2, -1, 3, 2, 1, false)], direct, () => 5, true);
 * ```
 */
export function stageCall<R>(
  heap: Arena, precision: 'd' | 's', args: unknown[], operands: readonly Operand[],
  run: (...args: unknown[]) => R, fallback: () => R, emptyToHeap: boolean, reserveBytes = 0,
): R {
  const bytes = precision === 'd' ? 8 : 4;
  const HeapCtor = (precision === 'd' ? Float64Array : Float32Array) as unknown as Ctor;
  const placed: Placed[] = [];
  const empty: Operand[] = [];
  for (const op of operands) {
    if (op.rows <= 0 || op.cols <= 0) {
      empty.push(op);
      continue;
    }
    const array = args[op.arr] as FloatArray;
    const st1 = op.s1 < 0 ? 1 : (args[op.s1] as number);
    const st2 = op.s2 < 0 ? 0 : (args[op.s2] as number);
    const at = array.byteOffset / bytes + (args[op.off] as number);
    const d1 = (op.rows - 1) * st1;
    const d2 = (op.cols - 1) * st2;
    placed.push({
      op, array, st1, st2, at,
      lo: at + Math.min(0, d1) + Math.min(0, d2),
      hi: at + Math.max(0, d1) + Math.max(0, d2),
    });
  }
  // Group operands of one buffer whose ranges overlap (a few operands: quadratic is fine).
  const groups: Group[] = [];
  for (const p of placed) {
    const buffer = p.array.buffer;
    let target: Group | null = null;
    for (const g of groups) {
      if (g.buffer === buffer && p.lo <= g.hi && g.lo <= p.hi) {
        target = g;
        break;
      }
    }
    if (target) {
      target.members.push(p);
      if (target.array !== p.array) target.array = null;
      target.lo = Math.min(target.lo, p.lo);
      target.hi = Math.max(target.hi, p.hi);
    } else {
      groups.push({ members: [p], buffer, array: p.array, lo: p.lo, hi: p.hi, gather: false, heapIndex: 0 });
    }
  }
  /** An array to copy a group from and to, and the buffer index of its element 0. */
  const source = (g: Group): [FloatArray, number] =>
    g.array !== null
      ? [g.array, g.array.byteOffset / bytes]
      : [new HeapCtor(g.buffer, 0, Math.floor(g.buffer.byteLength / bytes)), 0];
  const mark = heap.mark();
  try {
    for (const g of groups) {
      const span = g.hi - g.lo + 1;
      const count = g.members.length === 1 ? g.members[0].op.rows * g.members[0].op.cols : span;
      g.gather = g.members.length === 1 && span > 2 * count + 64;
      const address = heap.alloc((g.gather ? count : span) * bytes);
      if (address < 0) return fallback();
      g.heapIndex = address / bytes;
    }
    // Room for what `run` will allocate while the views below are in use (so it need not grow).
    if (reserveBytes > 0) heap.reserve(reserveBytes);
    // Views only after every allocation: an allocation may have grown (and detached) the memory.
    const view = precision === 'd' ? heap.f64() : heap.f32();
    const call = args.slice();
    for (const g of groups) {
      const [whole, shift] = source(g);
      if (g.gather) {
        const { op, st1, st2, at } = g.members[0];
        let k = g.heapIndex;
        for (let j = 0; j < op.cols; j++) {
          for (let i = 0, src = at - shift + j * st2; i < op.rows; i++, src += st1) view[k++] = whole[src];
        }
        call[op.arr] = view;
        call[op.off] = g.heapIndex;
        if (op.s1 >= 0) call[op.s1] = 1;
        if (op.s2 >= 0) call[op.s2] = Math.max(1, op.rows);
      } else {
        const from = Math.max(0, g.lo - shift);
        const to = Math.min(whole.length - 1, g.hi - shift);
        if (to >= from) view.set(whole.subarray(from, to + 1), g.heapIndex + (from + shift - g.lo));
        for (const m of g.members) {
          call[m.op.arr] = view;
          call[m.op.off] = g.heapIndex + (m.at - g.lo);
        }
      }
    }
    if (emptyToHeap) {
      for (const op of empty) {
        call[op.arr] = view;
        call[op.off] = 0;
      }
    }
    const result = run(...call);
    const out = precision === 'd' ? heap.f64() : heap.f32();
    for (const g of groups) {
      if (!g.members.some((m) => m.op.write)) continue;
      const [whole, shift] = source(g);
      if (g.gather) {
        const { op, st1, st2, at } = g.members[0];
        let k = g.heapIndex;
        for (let j = 0; j < op.cols; j++) {
          for (let i = 0, dst = at - shift + j * st2; i < op.rows; i++, dst += st1) whole[dst] = out[k++];
        }
      } else {
        const from = Math.max(0, g.lo - shift);
        const to = Math.min(whole.length - 1, g.hi - shift);
        if (to >= from) {
          whole.set(out.subarray(g.heapIndex + (from + shift - g.lo), g.heapIndex + (to + shift - g.lo) + 1), from);
        }
      }
    }
    return result;
  } finally {
    heap.release(mark);
  }
}
