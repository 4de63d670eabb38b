/**
 * What a LAPACK algorithm needs from the machine it runs on: the BLAS of its precision, the
 * precision's constants, and workspace. The algorithms are written once against this context, so
 * the TypeScript backend and the WebAssembly backend run the same code on their own kernels and
 * their own memory.
 *
 * @module
 */
import { blasOf, type ArrayOf, type Blas, type FloatArray, type Precision } from '@polyblas/contract';
import { blasKernels } from '../blas/index.js';

/**
 * A workspace: `data[offset .. offset + length - 1]` belongs to the caller until the top-level
 * routine returns.
 *
 * @example
 * ```ts
 * import type { Work } from '@polyblas/backend-js';
 * const w: Work<Float64Array> = { data: new Float64Array(8), offset: 0 };
 * ```
 */
export interface Work<T extends FloatArray> {
  readonly data: T;
  readonly offset: number;
}

/**
 * The environment of a LAPACK algorithm.
 *
 * Workspace rules: an algorithm asks for workspace with {@link LapackContext.work}, once per
 * top-level call where it can (not inside loops), and never frees it: the caller of the top-level
 * routine releases everything at once. Workspace may live in memory that is not a fresh
 * TypedArray (a WebAssembly heap), so always use `data` together with `offset`.
 *
 * @example
 * ```ts
 * import { createLapackContext } from '@polyblas/backend-js';
 * const ctx = createLapackContext('d');
 * const w = ctx.work(16); // zero-filled Float64Array workspace
 * ```
 */
export interface LapackContext<T extends FloatArray> {
  /** `'d'` or `'s'`. */
  readonly precision: Precision;
  /** The BLAS of this precision. */
  readonly blas: Blas<T>;
  /** Unit roundoff, LAPACK's `lamch('E')`: 2⁻⁵³ for d, 2⁻²⁴ for s. */
  readonly eps: number;
  /** Safe minimum, LAPACK's `lamch('S')`: the smallest x with 1/x finite. */
  readonly safmin: number;
  /** A zero-filled floating-point workspace of `n` elements. */
  work(n: number): Work<T>;
  /** A zero-filled integer workspace of `n` elements (always a plain Int32Array). */
  iwork(n: number): Int32Array;
  /**
   * Optional kernel for bdsqr's hot loop: applies queued rotation chains, in order, to rows of the
   * column-major double matrix W (`cols` columns). Returns false, leaving W untouched, when it
   * cannot reach W (the algorithm then rotates in TypeScript).
   */
  readonly rotateRows?: (W: Float64Array, ld: number, offset: number, cols: number, chains: RotationChains) => boolean;
  /**
   * Whether hseqr's multishift sweeps accumulate each window's reflectors into a small orthogonal
   * matrix and apply it to the rest of H and to Z with gemm (LAPACK's KACC22 = 1), instead of
   * applying the reflectors one by one. It does about twice the arithmetic, so it pays where gemm
   * runs much faster than scalar loops: the WebAssembly kernels turn it on; the TypeScript BLAS
   * leaves it off.
   */
  readonly accumulateReflectors?: boolean;
}

/**
 * Chains of plane rotations on consecutive rows, as bdsqr's sweeps produce them, queued to be
 * applied in order. Chain i covers rows `first[i] .. first[i]+count[i]`, with cosines and sines
 * at `c[at[i] + k]`, `s[at[i] + k]` for k = 0 .. count[i]−1. Forward: for k upwards, rows
 * (first+k, first+k+1) ← [c_k s_k; −s_k c_k]·(rows); backward: for k downwards, rows
 * (first+k+1, first+k) ← [c_k s_k; −s_k c_k]·(rows).
 *
 * @example
 * ```ts
 * import type { RotationChains } from '@polyblas/backend-js';
 * // one forward rotation by 90° of rows 0 and 1
 * const chains: RotationChains = {
 *   length: 1, at: new Int32Array([0]), first: new Int32Array([0]), count: new Int32Array([1]),
 *   forward: new Uint8Array([1]), c: new Float64Array([0]), s: new Float64Array([1]),
 * };
 * ```
 */
export interface RotationChains {
  /** Chains queued. */
  readonly length: number;
  /** Where each chain's coefficients start in `c` and `s`. */
  readonly at: Int32Array;
  readonly first: Int32Array;
  readonly count: Int32Array;
  /** 1: forward, 0: backward. */
  readonly forward: Uint8Array;
  readonly c: Float64Array;
  readonly s: Float64Array;
}

/**
 * A context over ordinary TypedArrays: workspace is freshly allocated and left to the garbage
 * collector. `blas` defaults to this package's TypeScript BLAS; another backend passes its own
 * kernels to run the same LAPACK algorithms on them.
 *
 * @example
 * ```ts
 * import { createLapackContext } from '@polyblas/backend-js';
 * const ctx = createLapackContext('s');
 * ctx.eps; // 2 ** -24
 * ```
 */
export function createLapackContext<P extends Precision>(
  precision: P,
  blas: Blas<ArrayOf<P>> = blasOf(blasKernels, precision),
): LapackContext<ArrayOf<P>> {
  const Ctor = (precision === 'd' ? Float64Array : Float32Array) as unknown as new (n: number) => ArrayOf<P>;
  return {
    precision,
    blas,
    eps: precision === 'd' ? 2 ** -53 : 2 ** -24,
    safmin: precision === 'd' ? 2 ** -1022 : 2 ** -126,
    work: (n) => ({ data: new Ctor(Math.max(0, n)), offset: 0 }),
    iwork: (n) => new Int32Array(Math.max(0, n)),
  };
}
