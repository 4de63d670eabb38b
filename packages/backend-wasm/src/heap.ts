/**
 * The WebAssembly module's memory as an arena: top-level calls take what they need above the
 * module's static data and give it all back when they return. Memory only grows between
 * allocations made by this class, and views over it are fetched afresh after every allocation,
 * so no stale view is used after growth. While {@link Heap.lock} is held (a LAPACK algorithm is
 * running on views of this memory), the arena does not grow at all: a request that does not fit
 * returns -1 and the caller uses ordinary arrays instead.
 *
 * @module
 */

/** The WebAssembly memory object, as much of it as the arena uses. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

const PAGE = 65536;
/** The module's memory limit (it is built with MAXIMUM_MEMORY = 2 GiB). */
const MAX_BYTES = 2 ** 31;

/**
 * A bump allocator over WebAssembly memory.
 *
 * @example
 * ```ts
 * import { Heap } from '@polyblas/backend-wasm';
 * declare const memory: WebAssembly.Memory;
 * const heap = new Heap(memory, 65536);
 * const mark = heap.mark();
 * const p = heap.alloc(8 * 100); // byte address, or -1
 * heap.f64()[p / 8] = 1;
 * heap.release(mark);
 * ```
 */
export class Heap implements Arena {
  private top: number;
  private locked = false;
  private f64View: Float64Array;
  private f32View: Float32Array;
  /** The highest address ever handed out, for reports. */
  highWater: number;

  constructor(
    readonly memory: WasmMemory,
    base: number,
  ) {
    this.top = align(base, 64);
    this.highWater = this.top;
    this.f64View = new Float64Array(memory.buffer);
    this.f32View = new Float32Array(memory.buffer);
  }

  /** The current double view of the whole memory (refreshed after growth). */
  f64(): Float64Array {
    if (this.f64View.buffer !== this.memory.buffer) this.refresh();
    return this.f64View;
  }

  /** The current single view of the whole memory (refreshed after growth). */
  f32(): Float32Array {
    if (this.f32View.buffer !== this.memory.buffer) this.refresh();
    return this.f32View;
  }

  /** The current arena position, to {@link release} back to. */
  mark(): number {
    return this.top;
  }

  /** Frees everything allocated since `mark`. */
  release(mark: number): void {
    this.top = mark;
  }

  /** Memory currently in use by the module and the arena, in bytes. */
  bytes(): number {
    return this.memory.buffer.byteLength;
  }

  /**
   * Takes `bytes` bytes aligned to 64 and returns their address, growing memory if needed and
   * allowed; -1 when they cannot be had (locked, or past the memory limit).
   */
  alloc(bytes: number): number {
    const p = align(this.top, 64);
    const end = p + Math.max(0, bytes);
    if (!this.ensure(end)) return -1;
    this.top = end;
    if (end > this.highWater) this.highWater = end;
    return p;
  }

  /** Grows memory now so that `bytes` more can be allocated later while locked; false if impossible. */
  reserve(bytes: number): boolean {
    return this.ensure(align(this.top, 64) + bytes);
  }

  /** While locked, memory does not grow, so views handed out stay valid. */
  lock(): void {
    this.locked = true;
  }

  unlock(): void {
    this.locked = false;
  }

  get isLocked(): boolean {
    return this.locked;
  }

  private ensure(end: number): boolean {
    const size = this.memory.buffer.byteLength;
    if (end <= size) return true;
    if (this.locked || end > MAX_BYTES) return false;
    // Grow geometrically so that a sequence of growing calls does not grow memory every time.
    const target = Math.min(MAX_BYTES, Math.max(end, Math.floor(size * 1.5)));
    try {
      this.memory.grow(Math.ceil((target - size) / PAGE));
    } catch {
      try {
        this.memory.grow(Math.ceil((end - size) / PAGE));
      } catch {
        return false;
      }
    }
    this.refresh();
    return true;
  }

  private refresh(): void {
    this.f64View = new Float64Array(this.memory.buffer);
    this.f32View = new Float32Array(this.memory.buffer);
  }
}

function align(n: number, to: number): number {
  return Math.ceil(n / to) * to;
}

/**
 * What the kernels need of an arena over WebAssembly memory: {@link Heap} for the single-threaded
 * module (which owns its memory above its static data), {@link BlockHeap} for a module whose
 * memory is shared with its own allocator (the pthreads build, where thread stacks come from
 * malloc).
 *
 * @example
 * ```ts
 * import type { Arena } from '@polyblas/backend-wasm';
 * function scratch(arena: Arena, n: number): number {
 *   return arena.alloc(8 * n); // byte address, or -1
 * }
 * ```
 */
export interface Arena {
  readonly memory: WasmMemory;
  f64(): Float64Array;
  f32(): Float32Array;
  mark(): number;
  release(mark: number): void;
  bytes(): number;
  alloc(bytes: number): number;
  reserve(bytes: number): boolean;
  lock(): void;
  unlock(): void;
}

/**
 * An arena made of blocks from an allocator (`malloc`): allocation bumps through the current
 * block and moves on to the next free block, or asks the allocator for a new one (never while
 * locked). Blocks are kept for reuse, never freed. A mark is an address inside a block.
 *
 * @example
 * ```ts
 * import { BlockHeap } from '@polyblas/backend-wasm';
 * declare const memory: WebAssembly.Memory, malloc: (bytes: number) => number;
 * const heap = new BlockHeap(memory, malloc);
 * const mark = heap.mark();
 * const p = heap.alloc(800);
 * heap.release(mark);
 * ```
 */
export class BlockHeap implements Arena {
  private readonly blocks: { start: number; end: number }[] = [];
  private current = -1;
  private top = 0;
  private locked = false;
  private f64View: Float64Array;
  private f32View: Float32Array;

  constructor(
    readonly memory: WasmMemory,
    private readonly malloc: (bytes: number) => number,
  ) {
    this.f64View = new Float64Array(memory.buffer);
    this.f32View = new Float32Array(memory.buffer);
  }

  f64(): Float64Array {
    if (this.f64View.buffer !== this.memory.buffer) this.f64View = new Float64Array(this.memory.buffer);
    return this.f64View;
  }

  f32(): Float32Array {
    if (this.f32View.buffer !== this.memory.buffer) this.f32View = new Float32Array(this.memory.buffer);
    return this.f32View;
  }

  mark(): number {
    return this.current < 0 ? -1 : this.top;
  }

  release(mark: number): void {
    if (mark < 0) {
      this.current = -1;
      return;
    }
    const i = this.blocks.findIndex((b) => b.start <= mark && mark <= b.end);
    this.current = i;
    this.top = mark;
  }

  bytes(): number {
    return this.memory.buffer.byteLength;
  }

  alloc(bytes: number): number {
    const size = Math.max(0, bytes);
    if (this.current >= 0) {
      const p = align(this.top, 64);
      if (p + size <= this.blocks[this.current].end) {
        this.top = p + size;
        return p;
      }
    }
    // The next free block that is large enough, or a new one.
    for (let i = this.current + 1; i < this.blocks.length; i++) {
      const b = this.blocks[i];
      if (b.end - b.start >= size) {
        this.current = i;
        this.top = b.start + size;
        return b.start;
      }
    }
    if (this.locked) return -1;
    const last = this.blocks.length > 0 ? this.blocks[this.blocks.length - 1] : null;
    const want = Math.max(size, 2 ** 20, last ? 2 * (last.end - last.start) : 0);
    let address = this.newBlock(want);
    if (address < 0 && want > size) address = this.newBlock(size);
    if (address < 0) return -1;
    this.current = this.blocks.length - 1;
    this.top = address + size;
    return address;
  }

  reserve(bytes: number): boolean {
    const mark = this.mark();
    const ok = this.alloc(bytes) >= 0;
    this.release(mark);
    return ok;
  }

  lock(): void {
    this.locked = true;
  }

  unlock(): void {
    this.locked = false;
  }

  /** A block of `bytes` usable bytes from the allocator, 64-byte aligned; its start, or -1. */
  private newBlock(bytes: number): number {
    let raw: number;
    try {
      raw = this.malloc(bytes + 64);
    } catch {
      return -1;
    }
    if (!raw) return -1;
    const start = align(raw, 64);
    this.blocks.push({ start, end: start + bytes });
    return start;
  }
}
