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
export class Heap {
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
