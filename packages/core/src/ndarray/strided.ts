/**
 * The loop nest behind every strided operation: several operands (the first one the output)
 * walked together over one shape, with the innermost axis handed to a tight kernel loop.
 * Internal to the ndarray layer.
 *
 * @module
 */

/**
 * A loop nest: `shape[k]` iterations of axis k, operand j advancing `strides[j][k]` each.
 *
 * @example
 * ```ts
 * import type { LoopPlan } from './strided.js';
 * const plan: LoopPlan = { shape: [3, 4], strides: [[4, 1], [1, 3]] };
 * ```
 *
 * @internal
 */
export interface LoopPlan {
  readonly shape: number[];
  readonly strides: number[][];
}

/**
 * Plans the loops over `shape` for operands with these strides (each of length `shape.length`).
 * Axes of length 1 are dropped; the remaining ones are ordered so the first operand (the output)
 * moves by its smallest stride innermost, which keeps writes sequential; then neighbouring axes
 * that every operand walks as one contiguous run are merged, so a contiguous or a partly
 * contiguous operand set needs few, long inner loops.
 *
 * @example
 * ```ts
 * import { planLoops } from './strided.js';
 * // A contiguous output and a transposed input of shape [3, 4]: two loops, inner axis 1.
 * planLoops([3, 4], [[4, 1], [1, 3]]); // { shape: [3, 4], strides: [[4, 1], [1, 3]] }
 * // Two contiguous operands merge into one loop of 12.
 * planLoops([3, 4], [[4, 1], [4, 1]]); // { shape: [12], strides: [[1], [1]] }
 * ```
 *
 * @internal
 */
export function planLoops(shape: readonly number[], strides: readonly (readonly number[])[]): LoopPlan {
  const axes: number[] = [];
  for (let k = 0; k < shape.length; k++) if (shape[k] !== 1) axes.push(k);
  // Outer axes first: larger |stride| of the output, then of the next operands; stable otherwise.
  axes.sort((p, q) => {
    for (const s of strides) {
      const d = Math.abs(s[q]!) - Math.abs(s[p]!);
      if (d !== 0) return d;
    }
    return p - q;
  });
  const dims: number[] = [];
  const steps: number[][] = strides.map(() => []);
  for (const k of axes) {
    const last = dims.length - 1;
    if (last >= 0) {
      // Merge axis k (inner) into the previous (outer) one when outer = inner stride x inner length.
      const n = shape[k]!;
      let mergeable = true;
      for (let j = 0; j < strides.length; j++) {
        if (steps[j]![last] !== strides[j]![k]! * n) {
          mergeable = false;
          break;
        }
      }
      if (mergeable) {
        dims[last] = dims[last]! * n;
        for (let j = 0; j < strides.length; j++) steps[j]![last] = strides[j]![k]!;
        continue;
      }
    }
    dims.push(shape[k]!);
    for (let j = 0; j < strides.length; j++) steps[j]!.push(strides[j]![k]!);
  }
  return { shape: dims, strides: steps };
}

/**
 * Calls `row(n, offsets, innerStrides)` once per innermost run of a planned loop nest: `n`
 * elements, operand j starting at `offsets[j]` and moving by `innerStrides[j]`. The callback must
 * not keep or modify the arrays it is given. The caller handles empty shapes.
 *
 * @example
 * ```ts
 * import { forEachRow, planLoops } from './strided.js';
 * const plan = planLoops([2, 3], [[3, 1]]);
 * forEachRow(plan, [0], (n, offsets, inner) => {
 *   // one call: n = 6, offsets = [0], inner = [1]
 * });
 * ```
 *
 * @internal
 */
export function forEachRow(
  plan: LoopPlan,
  start: readonly number[],
  row: (n: number, offsets: number[], innerStrides: number[]) => void,
): void {
  const { shape, strides } = plan;
  const nd = shape.length;
  const m = start.length;
  const offsets = start.slice();
  if (nd === 0) {
    row(1, offsets, new Array<number>(m).fill(0));
    return;
  }
  const inner = strides.map((s) => s[nd - 1]!);
  const n = shape[nd - 1]!;
  if (nd === 1) {
    row(n, offsets, inner);
    return;
  }
  const counter = new Array<number>(nd - 1).fill(0);
  for (;;) {
    row(n, offsets, inner);
    let k = nd - 2;
    for (; k >= 0; k--) {
      if (++counter[k]! < shape[k]!) {
        for (let j = 0; j < m; j++) offsets[j] = offsets[j]! + strides[j]![k]!;
        break;
      }
      counter[k] = 0;
      const back = shape[k]! - 1;
      for (let j = 0; j < m; j++) offsets[j] = offsets[j]! - strides[j]![k]! * back;
    }
    if (k < 0) return;
  }
}

/**
 * Copies the elements of a strided source into a strided destination of the same shape, in any
 * element order (the two must not overlap).
 *
 * @example
 * ```ts
 * import { copyStrided } from './strided.js';
 * const src = new Float64Array([1, 2, 3, 4]);
 * const dst = new Float64Array(4);
 * copyStrided([2, 2], dst, 0, [2, 1], src, 0, [1, 2]); // dst = [1, 3, 2, 4] (a transpose)
 * ```
 *
 * @internal
 */
export function copyStrided(
  shape: readonly number[],
  dst: Float64Array | Float32Array,
  dstOffset: number,
  dstStrides: readonly number[],
  src: Float64Array | Float32Array,
  srcOffset: number,
  srcStrides: readonly number[],
): void {
  for (const n of shape) if (n === 0) return;
  const plan = planLoops(shape, [dstStrides, srcStrides]);
  forEachRow(plan, [dstOffset, srcOffset], (n, offsets, inner) => {
    const o = offsets[0]!;
    const x = offsets[1]!;
    const os = inner[0]!;
    const xs = inner[1]!;
    if (os === 1 && xs === 1) {
      for (let i = 0; i < n; i++) dst[o + i] = src[x + i]!;
    } else {
      for (let i = 0; i < n; i++) dst[o + i * os] = src[x + i * xs]!;
    }
  });
}
