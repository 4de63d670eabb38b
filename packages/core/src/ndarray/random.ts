/**
 * Seeded random arrays that are the same on every run and every platform.
 *
 * The generator is PCG32 (O'Neill, "PCG: A Family of Simple Fast Space-Efficient Statistically
 * Good Algorithms for Random Number Generation", 2014): a 64-bit linear congruential state
 * (multiplier 6364136223846793005) whose output is permuted by an xorshift and a data-dependent
 * rotation (XSH-RR), 32 bits per step. The 64-bit arithmetic is done on two 32-bit halves with
 * `Math.imul` and exact 16-bit partial products, so results never depend on floating-point
 * details. Doubles take 53 bits from two outputs; float32 values take 24 bits from one, so they
 * stay below 1 after rounding. Normal deviates use Marsaglia's polar method, which is exact
 * (no tables, no approximated inverse CDF).
 *
 * @module
 */
import { rangeError, typeError } from '../errors.js';
import { internalArray, type NDArray, type DType } from './ndarray.js';
import { allocateFloats, sizeOf, toShape, type FloatArray } from './layout.js';

/** 6364136223846793005, the 64-bit LCG multiplier of PCG, as two 32-bit halves. */
const MUL_HI = 0x5851f42d;
const MUL_LO = 0x4c957f2d;

/** The high 32 bits of the 64-bit product of two unsigned 32-bit integers, exactly. */
function mulHigh32(a: number, b: number): number {
  const a0 = a & 0xffff;
  const a1 = a >>> 16;
  const b0 = b & 0xffff;
  const b1 = b >>> 16;
  const low = a0 * b0;
  const mid1 = a1 * b0;
  const mid2 = a0 * b1;
  const carry = ((low >>> 16) + (mid1 & 0xffff) + (mid2 & 0xffff)) >>> 16;
  return (a1 * b1 + (mid1 >>> 16) + (mid2 >>> 16) + carry) >>> 0;
}

/** A 32-bit integer hash with good avalanche (bijective on 32 bits); spreads seeds. */
function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** 53 bits of entropy for an unseeded generator, from the platform's CSPRNG where there is one. */
function entropySeed(): number {
  const crypto = (globalThis as { crypto?: { getRandomValues(array: Uint32Array): Uint32Array } }).crypto;
  const words = new Uint32Array(2);
  if (crypto && typeof crypto.getRandomValues === 'function') crypto.getRandomValues(words);
  else for (let k = 0; k < 2; k++) words[k] = Math.floor(Math.random() * 2 ** 32) ^ Date.now();
  return (words[0]! & 0x1fffff) * 2 ** 32 + words[1]!;
}

function checkSeed(seed: unknown, argument: string): number {
  if (typeof seed !== 'number') typeError(argument, 'a non-negative integer', seed);
  if (!Number.isSafeInteger(seed) || seed < 0) rangeError(argument, 'a non-negative integer below 2^53', seed);
  return seed;
}

function checkDType(dtype: unknown): DType {
  if (dtype === undefined) return 'float64';
  if (dtype !== 'float64' && dtype !== 'float32') typeError('options.dtype', "'float64' or 'float32'", dtype);
  return dtype;
}

function checkOptions(options: unknown): void {
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    typeError('options', 'an options object', options);
  }
}

/**
 * Options of the {@link Generator} methods: the dtype of the result (default `'float64'`).
 *
 * @example
 * ```ts
 * import { defaultRng, type RandomOptions } from '@polyblas/core';
 * const options: RandomOptions = { dtype: 'float32' };
 * defaultRng(1).random(3, options).dtype; // 'float32'
 * ```
 */
export interface RandomOptions {
  dtype?: DType | undefined;
}

/**
 * Options of the module-level random functions: a `seed` (a fresh generator with that seed is
 * used, so equal seeds give equal arrays) and the `dtype`. Without a seed a shared, randomly
 * seeded generator is used.
 *
 * @example
 * ```ts
 * import { random, type SeededOptions } from '@polyblas/core';
 * const options: SeededOptions = { seed: 42 };
 * random([2, 2], options).toArray(); // the same numbers on every run and platform
 * ```
 */
export interface SeededOptions extends RandomOptions {
  seed?: number | undefined;
}

/**
 * A seeded PCG32 random number generator, in the manner of numpy's `numpy.random.Generator`:
 * the same seed gives the same sequence on every platform; successive calls continue the
 * sequence. Without a seed it is seeded from the platform's entropy.
 *
 * @example
 * ```ts
 * import { Generator } from '@polyblas/core';
 * const rng = new Generator(42);
 * const a = rng.uniform(-1, 1, [300, 300]);  // the same matrix on every machine
 * const z = rng.standardNormal(1000);        // continues the same sequence
 * ```
 */
export class Generator {
  private stateHi = 0;
  private stateLo = 0;
  private readonly incHi: number;
  private readonly incLo: number;
  private spareNormal = 0;
  private hasSpareNormal = false;

  /**
   * A generator seeded with a non-negative integer below 2^53, or from entropy when the seed is
   * omitted.
   *
   * @example
   * ```ts
   * import { Generator } from '@polyblas/core';
   * new Generator(7).random(2).toArray(); // two numbers in [0, 1), always the same two
   * ```
   */
  constructor(seed?: number) {
    const value = seed === undefined ? entropySeed() : checkSeed(seed, 'seed');
    const lo = value >>> 0;
    const hi = Math.floor(value / 2 ** 32) >>> 0;
    // Spread the seed over the 64-bit start state and the 63-bit stream selector, so nearby
    // seeds start far apart and on different streams.
    const h = mix32(hi ^ 0x9e3779b9);
    const initHi = mix32(lo ^ h);
    const initLo = mix32(initHi ^ lo ^ 0x85ebca6b);
    const seqHi = mix32(initLo ^ h ^ 0xc2b2ae35);
    const seqLo = mix32(seqHi ^ lo ^ 0x27d4eb2f);
    // inc = (seq << 1) | 1: the stream must be odd.
    this.incHi = ((seqHi << 1) | (seqLo >>> 31)) >>> 0;
    this.incLo = ((seqLo << 1) | 1) >>> 0;
    // PCG's seeding: step from 0, add the initial state, step again.
    this.step();
    const sum = this.stateLo + initLo;
    this.stateLo = sum >>> 0;
    this.stateHi = (this.stateHi + initHi + (sum > 0xffffffff ? 1 : 0)) >>> 0;
    this.step();
  }

  /** state = state * MUL + inc (mod 2^64). */
  private step(): void {
    const hi = this.stateHi;
    const lo = this.stateLo;
    const productLo = Math.imul(lo, MUL_LO) >>> 0;
    const productHi = (mulHigh32(lo, MUL_LO) + Math.imul(hi, MUL_LO) + Math.imul(lo, MUL_HI)) >>> 0;
    const sum = productLo + this.incLo;
    this.stateLo = sum >>> 0;
    this.stateHi = (productHi + this.incHi + (sum > 0xffffffff ? 1 : 0)) >>> 0;
  }

  /**
   * The next 32 random bits, as an unsigned integer in [0, 2^32).
   *
   * @example
   * ```ts
   * import { Generator } from '@polyblas/core';
   * new Generator(1).nextUint32(); // an integer in [0, 4294967296), the same on every run
   * ```
   */
  nextUint32(): number {
    const hi = this.stateHi;
    const lo = this.stateLo;
    this.step();
    // XSH-RR: ((state ^ (state >> 18)) >> 27) truncated to 32 bits, rotated right by state >> 59.
    const xHi = hi ^ (hi >>> 18);
    const xLo = lo ^ ((lo >>> 18) | (hi << 14));
    const xorshifted = ((xLo >>> 27) | (xHi << 5)) >>> 0;
    const rot = hi >>> 27;
    return ((xorshifted >>> rot) | (xorshifted << ((32 - rot) & 31))) >>> 0;
  }

  /**
   * The next double in [0, 1), with 53 random bits (every representable multiple of 2^-53).
   *
   * @example
   * ```ts
   * import { Generator } from '@polyblas/core';
   * const u = new Generator(1).nextDouble(); // 0 <= u < 1
   * ```
   */
  nextDouble(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** A float32 value in [0, 1): 24 random bits, so rounding to float32 cannot reach 1. */
  private nextSingle(): number {
    return (this.nextUint32() >>> 8) / 16777216;
  }

  /** A standard normal deviate by Marsaglia's polar method; the second of each pair is kept. */
  private nextNormal(): number {
    if (this.hasSpareNormal) {
      this.hasSpareNormal = false;
      return this.spareNormal;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.nextDouble() - 1;
      v = 2 * this.nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * f;
    this.hasSpareNormal = true;
    return u * f;
  }

  private allocate(shape: unknown, options: RandomOptions | undefined): { data: FloatArray; dims: number[] } {
    checkOptions(options);
    const dims = toShape(shape, 'shape');
    const dtype = checkDType(options?.dtype);
    const size = sizeOf(dims);
    return { data: allocateFloats(dtype, size, 'shape'), dims };
  }

  /**
   * An array of uniform samples from [0, 1).
   *
   * @example
   * ```ts
   * import { Generator } from '@polyblas/core';
   * new Generator(0).random([2, 3]).shape; // [2, 3], all in [0, 1)
   * ```
   */
  random(shape: readonly number[] | number, options?: RandomOptions): NDArray {
    const { data, dims } = this.allocate(shape, options);
    if (data instanceof Float32Array) for (let i = 0; i < data.length; i++) data[i] = this.nextSingle();
    else for (let i = 0; i < data.length; i++) data[i] = this.nextDouble();
    return internalArray(data, dims);
  }

  /**
   * An array of uniform samples from [low, high) (`low + (high - low) * u`; as in numpy, rounding
   * can give `high` itself when the interval is wide relative to the precision).
   *
   * @example
   * ```ts
   * import { Generator } from '@polyblas/core';
   * new Generator(42).uniform(-1, 1, [300, 300]); // the svd-loop benchmark input
   * ```
   */
  uniform(low: number, high: number, shape: readonly number[] | number, options?: RandomOptions): NDArray {
    if (typeof low !== 'number' || !Number.isFinite(low)) typeError('low', 'a finite number', low);
    if (typeof high !== 'number' || !Number.isFinite(high)) typeError('high', 'a finite number', high);
    if (!Number.isFinite(high - low)) rangeError('high', 'a finite width high - low', high);
    const { data, dims } = this.allocate(shape, options);
    const width = high - low;
    if (data instanceof Float32Array) for (let i = 0; i < data.length; i++) data[i] = low + width * this.nextSingle();
    else for (let i = 0; i < data.length; i++) data[i] = low + width * this.nextDouble();
    return internalArray(data, dims);
  }

  /**
   * An array of samples from the standard normal distribution (mean 0, variance 1).
   *
   * @example
   * ```ts
   * import { Generator } from '@polyblas/core';
   * new Generator(0).standardNormal(1000).shape; // [1000]
   * ```
   */
  standardNormal(shape: readonly number[] | number, options?: RandomOptions): NDArray {
    const { data, dims } = this.allocate(shape, options);
    for (let i = 0; i < data.length; i++) data[i] = this.nextNormal();
    return internalArray(data, dims);
  }

  /**
   * An array of samples from the normal distribution with mean `loc` and standard deviation
   * `scale` (`loc + scale * z`).
   *
   * @example
   * ```ts
   * import { Generator } from '@polyblas/core';
   * new Generator(0).normal(10, 2, 5).shape; // [5]
   * ```
   */
  normal(loc: number, scale: number, shape: readonly number[] | number, options?: RandomOptions): NDArray {
    if (typeof loc !== 'number' || !Number.isFinite(loc)) typeError('loc', 'a finite number', loc);
    if (typeof scale !== 'number' || !Number.isFinite(scale)) typeError('scale', 'a finite number', scale);
    if (scale < 0) rangeError('scale', 'a non-negative number', scale);
    const { data, dims } = this.allocate(shape, options);
    for (let i = 0; i < data.length; i++) data[i] = loc + scale * this.nextNormal();
    return internalArray(data, dims);
  }
}

/**
 * A new {@link Generator}, seeded with `seed` or from entropy, like `numpy.random.default_rng`.
 *
 * @example
 * ```ts
 * import { defaultRng } from '@polyblas/core';
 * const rng = defaultRng(0);
 * rng.standardNormal([2, 2]); // the same on every run
 * ```
 */
export function defaultRng(seed?: number): Generator {
  return new Generator(seed);
}

let shared: Generator | undefined;

function generatorFor(options: SeededOptions | undefined): Generator {
  checkOptions(options);
  if (options?.seed !== undefined) return new Generator(checkSeed(options.seed, 'options.seed'));
  shared ??= new Generator();
  return shared;
}

/**
 * An array of uniform samples from [0, 1), from a generator seeded with `options.seed` (or the
 * shared entropy-seeded one).
 *
 * @example
 * ```ts
 * import { random } from '@polyblas/core';
 * random([2, 2], { seed: 42 }); // reproducible
 * random(3);                    // different each run
 * ```
 */
export function random(shape: readonly number[] | number, options?: SeededOptions): NDArray {
  return generatorFor(options).random(shape, { dtype: options?.dtype });
}

/**
 * An array of uniform samples from [low, high), from a generator seeded with `options.seed` (or
 * the shared entropy-seeded one).
 *
 * @example
 * ```ts
 * import { uniform } from '@polyblas/core';
 * const a = uniform(-1, 1, [300, 300], { seed: 42 });
 * ```
 */
export function uniform(low: number, high: number, shape: readonly number[] | number, options?: SeededOptions): NDArray {
  return generatorFor(options).uniform(low, high, shape, { dtype: options?.dtype });
}

/**
 * An array of standard normal samples, from a generator seeded with `options.seed` (or the shared
 * entropy-seeded one).
 *
 * @example
 * ```ts
 * import { standardNormal } from '@polyblas/core';
 * const z = standardNormal([1000], { seed: 0 });
 * ```
 */
export function standardNormal(shape: readonly number[] | number, options?: SeededOptions): NDArray {
  return generatorFor(options).standardNormal(shape, { dtype: options?.dtype });
}
