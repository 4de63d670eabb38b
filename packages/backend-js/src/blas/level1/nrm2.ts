/**
 * Level 1: Euclidean norm without overflow or harmful underflow.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';

/** Below this largest |xᵢ| the plain sum of squares may lose digits to underflow (2⁻⁵⁰⁰). */
const SMALL = 2 ** -500;
/** Exponents are clamped here so the scale factor 2^±e stays a finite normal number. */
const MAX_EXPONENT = 1000;

/**
 * `nrm2`: ‖x‖₂. One pass sums the squares directly; only when that sum overflowed or the largest
 * element is so small that squares underflow does a second pass rescale by an exact power of two
 * (a multiplication, never a division per element). Float32 input never needs the second pass:
 * its squares are far inside the double range.
 *
 * @example
 * ```ts
 * import { nrm2 } from '@polyblas/backend-js';
 * nrm2(2, new Float64Array([3e300, 4e300]), 1, 0); // 5e300
 * ```
 */
export function nrm2<T extends FloatArray>(N: number, x: T, strideX: number, offsetX: number): number {
  if (N <= 0) return 0;
  let sum = 0;
  let max = 0;
  let ix = offsetX;
  for (let i = 0; i < N; i++) {
    const v = x[ix];
    sum += v * v;
    const a = Math.abs(v);
    if (a > max) max = a;
    ix += strideX;
  }
  // NaN anywhere makes sum NaN; an infinite element makes max infinite: both are the answer.
  if (sum !== sum || max === Infinity) return sum !== sum ? NaN : Infinity;
  if (max === 0) return 0;
  if (sum < Infinity && max >= SMALL) return Math.sqrt(sum);
  const e = Math.min(MAX_EXPONENT, Math.max(-MAX_EXPONENT, Math.floor(Math.log2(max))));
  const scale = 2 ** -e;
  sum = 0;
  ix = offsetX;
  for (let i = 0; i < N; i++) {
    const v = x[ix] * scale;
    sum += v * v;
    ix += strideX;
  }
  return Math.sqrt(sum) * 2 ** e;
}
