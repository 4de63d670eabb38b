/**
 * Level 1: Euclidean norm without overflow or harmful underflow.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';

/**
 * Below this, a plain sum of squares may have lost digits to underflow (each square that falls into
 * the subnormal range is off by up to 2⁻¹⁰⁷⁵; against a sum of at least 2⁻⁹⁶⁰ that is far below eps).
 */
const SMALL_SUM = 2 ** -960;
/** Exponents are clamped here so the scale factor 2^±e stays a finite normal number. */
const MAX_EXPONENT = 1000;

/**
 * `nrm2`: ‖x‖₂. The common case is a single pass that sums the squares directly. Only when that sum
 * overflowed, or is so small that squares may have underflowed, do two more passes find the largest
 * |xᵢ| and sum the squares again scaled by an exact power of two (a multiplication, never a
 * division per element). Float32 input never needs them: its squares lie far inside the double
 * range.
 *
 * @example
 * ```ts
 * import { blasKernels } from '@polyblas/backend-js';
 * const nrm2 = blasKernels.dnrm2;
 * nrm2(2, new Float64Array([3e300, 4e300]), 1, 0); // 5e300
 * ```
 */
export function nrm2<T extends FloatArray>(N: number, x: T, strideX: number, offsetX: number): number {
  if (N <= 0) return 0;
  let sum = 0;
  if (strideX === 1) {
    let sum2 = 0;
    const end = offsetX + N - 1;
    let i = offsetX;
    for (; i < end; i += 2) {
      const a = x[i];
      const b = x[i + 1];
      sum += a * a;
      sum2 += b * b;
    }
    if (i === end) sum += x[i] * x[i];
    sum += sum2;
  } else {
    for (let i = 0, ix = offsetX; i < N; i++, ix += strideX) sum += x[ix] * x[ix];
  }
  // NaN input gives a NaN sum; an infinite element gives an infinite sum and is found below.
  if (sum !== sum) return NaN;
  if (sum >= SMALL_SUM && sum < Infinity) return Math.sqrt(sum);
  return rescaledNorm(N, x, strideX, offsetX);
}

/** ‖x‖₂ summed in units of a power of two near max|xᵢ|. */
function rescaledNorm(N: number, x: FloatArray, strideX: number, offsetX: number): number {
  let max = 0;
  for (let i = 0, ix = offsetX; i < N; i++, ix += strideX) {
    const a = Math.abs(x[ix]);
    if (a > max) max = a;
  }
  if (max === 0 || max === Infinity) return max;
  const e = Math.min(MAX_EXPONENT, Math.max(-MAX_EXPONENT, Math.floor(Math.log2(max))));
  const scale = 2 ** -e;
  let sum = 0;
  for (let i = 0, ix = offsetX; i < N; i++, ix += strideX) {
    const v = x[ix] * scale;
    sum += v * v;
  }
  return Math.sqrt(sum) * 2 ** e;
}
