/**
 * Naive BLAS in double precision, for conformance tests: each routine is the textbook formula,
 * one output element at a time, in kernel form (offsets and strides).
 *
 * An output is described by {@link Expected}: the value every element of the output buffer should
 * have, and a magnitude per element (the sum of the absolute values of the terms that make it up)
 * that scales the rounding error allowed there. Elements the routine must not touch keep a NaN
 * magnitude and must come back bit for bit unchanged.
 *
 * @module
 */
import type { Diag, Side, Trans, Uplo } from '@polyblas/contract';

/**
 * The expected contents of one output buffer.
 *
 * @example
 * ```ts
 * import { expectedOf } from '@polyblas/core/testing';
 * const e = expectedOf(new Float64Array([1, 2]));
 * e.value; // Float64Array [1, 2]
 * e.bound; // Float64Array [NaN, NaN]: nothing may change yet
 * ```
 */
export interface Expected {
  /** The value each element should hold afterwards. */
  readonly value: Float64Array;
  /** Σ|terms| for each element written by the routine; NaN where the routine must not write. */
  readonly bound: Float64Array;
}

/**
 * A fresh {@link Expected} for a buffer the routine has not yet touched.
 *
 * @example
 * ```ts
 * import { expectedOf } from '@polyblas/core/testing';
 * expectedOf(new Float32Array(3)).value.length; // 3
 * ```
 */
export function expectedOf(buffer: ArrayLike<number>): Expected {
  return { value: Float64Array.from(buffer), bound: new Float64Array(buffer.length).fill(NaN) };
}

/** A vector in kernel form: element i is `data[offset + i * stride]`. */
interface Vec {
  data: ArrayLike<number>;
  stride: number;
  offset: number;
}

const vecAt = (v: Vec, i: number): number => v.data[v.offset + i * v.stride];

function put(e: Expected, index: number, value: number, bound: number): void {
  e.value[index] = value;
  e.bound[index] = bound;
}

/**
 * Element (i, j) of a matrix in kernel form.
 *
 * @example
 * ```ts
 * import { matrixAt } from '@polyblas/core/testing';
 * matrixAt(new Float64Array([1, 2, 3, 4]), 2, 1, 0, 1, 0); // 3 (row-major [[1, 2], [3, 4]])
 * ```
 */
export function matrixAt(A: ArrayLike<number>, s1: number, s2: number, offset: number, i: number, j: number): number {
  return A[offset + i * s1 + j * s2];
}

/**
 * Element (i, j) of op(T) for triangular T, reading only the `uplo` triangle (and not the diagonal
 * when it is implicitly unit).
 *
 * @example
 * ```ts
 * import { triangularAt } from '@polyblas/core/testing';
 * const T = new Float64Array([NaN, 0, 5, NaN]); // lower, unit: [[1, 0], [5, 1]] row-major
 * triangularAt('L', 'T', 'U', T, 2, 1, 0, 0, 1); // 5
 * ```
 */
export function triangularAt(
  uplo: Uplo, trans: Trans, diag: Diag, T: ArrayLike<number>, s1: number, s2: number, offset: number, i: number, j: number,
): number {
  const r = trans === 'N' ? i : j;
  const c = trans === 'N' ? j : i;
  if (r === c) return diag === 'U' ? 1 : T[offset + r * s1 + c * s2];
  const inside = uplo === 'L' ? r > c : r < c;
  return inside ? T[offset + r * s1 + c * s2] : 0;
}

/**
 * Element (i, j) of symmetric S of which only the `uplo` triangle is stored.
 *
 * @example
 * ```ts
 * import { symmetricAt } from '@polyblas/core/testing';
 * symmetricAt('L', new Float64Array([1, NaN, 2, 3]), 2, 1, 0, 0, 1); // 2
 * ```
 */
export function symmetricAt(uplo: Uplo, S: ArrayLike<number>, s1: number, s2: number, offset: number, i: number, j: number): number {
  const swap = uplo === 'L' ? i < j : i > j;
  return swap ? S[offset + j * s1 + i * s2] : S[offset + i * s1 + j * s2];
}

/**
 * xᵀy and Σ|xᵢyᵢ|.
 *
 * @example
 * ```ts
 * import { referenceDot } from '@polyblas/core/testing';
 * referenceDot(2, [1, -2], 1, 0, [3, 4], 1, 0); // { value: -5, bound: 11 }
 * ```
 */
export function referenceDot(
  n: number, x: ArrayLike<number>, sx: number, ox: number, y: ArrayLike<number>, sy: number, oy: number,
): { value: number; bound: number } {
  let value = 0;
  let bound = 0;
  for (let i = 0; i < n; i++) {
    const p = x[ox + i * sx] * y[oy + i * sy];
    value += p;
    bound += Math.abs(p);
  }
  return { value, bound };
}

/**
 * ‖x‖₂ computed with a scale (never overflows or underflows), for checking `nrm2`.
 *
 * @example
 * ```ts
 * import { referenceNrm2 } from '@polyblas/core/testing';
 * referenceNrm2(2, [3e300, 4e300], 1, 0); // 5e300
 * ```
 */
export function referenceNrm2(n: number, x: ArrayLike<number>, sx: number, ox: number): number {
  let max = 0;
  let nan = false;
  for (let i = 0; i < n; i++) {
    const a = Math.abs(x[ox + i * sx]);
    if (a !== a) nan = true;
    else if (a > max) max = a;
  }
  if (nan) return NaN;
  if (max === 0 || max === Infinity) return max;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = x[ox + i * sx] / max;
    sum += v * v;
  }
  return max * Math.sqrt(sum);
}

/**
 * The expected y after y ← αx + y.
 *
 * @example
 * ```ts
 * import { expectedOf, referenceAxpy } from '@polyblas/core/testing';
 * const y = [1, 1], e = expectedOf(y);
 * referenceAxpy(2, 2, [1, 2], 1, 0, y, 1, 0, e); // e.value = [3, 5]
 * ```
 */
export function referenceAxpy(
  n: number, alpha: number, x: ArrayLike<number>, sx: number, ox: number,
  y: ArrayLike<number>, sy: number, oy: number, e: Expected,
): void {
  for (let i = 0; i < n; i++) {
    const a = alpha * x[ox + i * sx];
    const b = y[oy + i * sy];
    put(e, oy + i * sy, alpha === 0 ? b : a + b, Math.abs(a) + Math.abs(b));
  }
}

/**
 * The expected y after y ← α·op(A)·x + β·y (y not read when β is 0).
 *
 * @example
 * ```ts
 * import { expectedOf, referenceGemv } from '@polyblas/core/testing';
 * const y = [0, 0], e = expectedOf(y);
 * referenceGemv('N', 2, 2, 1, [1, 2, 3, 4], 2, 1, 0, [1, 1], 1, 0, 0, y, 1, 0, e); // e.value = [3, 7]
 * ```
 */
export function referenceGemv(
  trans: Trans, M: number, N: number, alpha: number, A: ArrayLike<number>, s1: number, s2: number, oa: number,
  x: ArrayLike<number>, sx: number, ox: number, beta: number, y: ArrayLike<number>, sy: number, oy: number, e: Expected,
): void {
  const m = trans === 'N' ? M : N;
  const n = trans === 'N' ? N : M;
  const X: Vec = { data: x, stride: sx, offset: ox };
  for (let i = 0; i < m; i++) {
    let sum = 0;
    let bound = 0;
    if (alpha !== 0) {
      for (let j = 0; j < n; j++) {
        const a = trans === 'N' ? matrixAt(A, s1, s2, oa, i, j) : matrixAt(A, s1, s2, oa, j, i);
        const p = a * vecAt(X, j);
        sum += p;
        bound += Math.abs(p);
      }
    }
    finish(e, oy + i * sy, alpha, sum, bound, beta, y);
  }
}

/** Stores α·sum + β·c (c not read when β is 0) and its magnitude. */
function finish(e: Expected, index: number, alpha: number, sum: number, bound: number, beta: number, c: ArrayLike<number>): void {
  let value = alpha * sum;
  let b = Math.abs(alpha) * bound;
  if (beta !== 0) {
    value += beta * c[index];
    b += Math.abs(beta * c[index]);
  }
  put(e, index, value, b);
}

/**
 * The expected A after A ← α·x·yᵀ + A.
 *
 * @example
 * ```ts
 * import { expectedOf, referenceGer } from '@polyblas/core/testing';
 * const A = [0, 0, 0, 0], e = expectedOf(A);
 * referenceGer(2, 2, 1, [1, 2], 1, 0, [3, 4], 1, 0, A, 2, 1, 0, e); // e.value = [3, 4, 6, 8]
 * ```
 */
export function referenceGer(
  M: number, N: number, alpha: number, x: ArrayLike<number>, sx: number, ox: number,
  y: ArrayLike<number>, sy: number, oy: number, A: ArrayLike<number>, s1: number, s2: number, oa: number, e: Expected,
): void {
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < N; j++) {
      const index = oa + i * s1 + j * s2;
      const p = alpha === 0 ? 0 : alpha * x[ox + i * sx] * y[oy + j * sy];
      put(e, index, A[index] + p, Math.abs(A[index]) + Math.abs(p));
    }
  }
}

/**
 * The expected y after y ← α·S·x + β·y for symmetric S stored in its `uplo` triangle.
 *
 * @example
 * ```ts
 * import { expectedOf, referenceSymv } from '@polyblas/core/testing';
 * const y = [0, 0], e = expectedOf(y);
 * referenceSymv('L', 2, 1, [2, NaN, 1, 3], 2, 1, 0, [1, 1], 1, 0, 0, y, 1, 0, e); // e.value = [3, 4]
 * ```
 */
export function referenceSymv(
  uplo: Uplo, N: number, alpha: number, A: ArrayLike<number>, s1: number, s2: number, oa: number,
  x: ArrayLike<number>, sx: number, ox: number, beta: number, y: ArrayLike<number>, sy: number, oy: number, e: Expected,
): void {
  for (let i = 0; i < N; i++) {
    let sum = 0;
    let bound = 0;
    if (alpha !== 0) {
      for (let j = 0; j < N; j++) {
        const p = symmetricAt(uplo, A, s1, s2, oa, i, j) * x[ox + j * sx];
        sum += p;
        bound += Math.abs(p);
      }
    }
    finish(e, oy + i * sy, alpha, sum, bound, beta, y);
  }
}

/**
 * The expected x after x ← op(T)·x for triangular T (also the residual of `trsv`).
 *
 * @example
 * ```ts
 * import { expectedOf, referenceTrmv } from '@polyblas/core/testing';
 * const x = [1, 2], e = expectedOf(x);
 * referenceTrmv('L', 'N', 'N', 2, [2, NaN, 1, 4], 2, 1, 0, x, 1, 0, e); // e.value = [2, 9]
 * ```
 */
export function referenceTrmv(
  uplo: Uplo, trans: Trans, diag: Diag, N: number, A: ArrayLike<number>, s1: number, s2: number, oa: number,
  x: ArrayLike<number>, sx: number, ox: number, e: Expected,
): void {
  const out = new Float64Array(N);
  const bounds = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) {
      const t = triangularAt(uplo, trans, diag, A, s1, s2, oa, i, j);
      if (t === 0) continue;
      const p = t * x[ox + j * sx];
      out[i] += p;
      bounds[i] += Math.abs(p);
    }
  }
  for (let i = 0; i < N; i++) put(e, ox + i * sx, out[i], bounds[i]);
}

/**
 * The expected C after C ← α·op(A)·op(B) + β·C (C not read when β is 0).
 *
 * @example
 * ```ts
 * import { expectedOf, referenceGemm } from '@polyblas/core/testing';
 * const C = [0], e = expectedOf(C);
 * referenceGemm('N', 'N', 1, 1, 2, 1, [1, 2], 2, 1, 0, [3, 4], 1, 1, 0, 0, C, 1, 1, 0, e); // e.value = [11]
 * ```
 */
export function referenceGemm(
  transA: Trans, transB: Trans, M: number, N: number, K: number, alpha: number,
  A: ArrayLike<number>, sa1: number, sa2: number, oa: number,
  B: ArrayLike<number>, sb1: number, sb2: number, ob: number, beta: number,
  C: ArrayLike<number>, sc1: number, sc2: number, oc: number, e: Expected,
): void {
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < N; j++) {
      let sum = 0;
      let bound = 0;
      if (alpha !== 0) {
        for (let p = 0; p < K; p++) {
          const a = transA === 'N' ? matrixAt(A, sa1, sa2, oa, i, p) : matrixAt(A, sa1, sa2, oa, p, i);
          const b = transB === 'N' ? matrixAt(B, sb1, sb2, ob, p, j) : matrixAt(B, sb1, sb2, ob, j, p);
          sum += a * b;
          bound += Math.abs(a * b);
        }
      }
      finish(e, oc + i * sc1 + j * sc2, alpha, sum, bound, beta, C);
    }
  }
}

/**
 * The expected C after C ← α·S·B + β·C (side `'L'`) or α·B·S + β·C (side `'R'`), S symmetric in
 * its `uplo` triangle.
 *
 * @example
 * ```ts
 * import { expectedOf, referenceSymm } from '@polyblas/core/testing';
 * const C = [0], e = expectedOf(C);
 * referenceSymm('L', 'U', 1, 1, 2, [3], 1, 1, 0, [2], 1, 1, 0, 0, C, 1, 1, 0, e); // e.value = [12]
 * ```
 */
export function referenceSymm(
  side: Side, uplo: Uplo, M: number, N: number, alpha: number,
  A: ArrayLike<number>, sa1: number, sa2: number, oa: number,
  B: ArrayLike<number>, sb1: number, sb2: number, ob: number, beta: number,
  C: ArrayLike<number>, sc1: number, sc2: number, oc: number, e: Expected,
): void {
  const K = side === 'L' ? M : N;
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < N; j++) {
      let sum = 0;
      let bound = 0;
      if (alpha !== 0) {
        for (let p = 0; p < K; p++) {
          const prod = side === 'L'
            ? symmetricAt(uplo, A, sa1, sa2, oa, i, p) * matrixAt(B, sb1, sb2, ob, p, j)
            : matrixAt(B, sb1, sb2, ob, i, p) * symmetricAt(uplo, A, sa1, sa2, oa, p, j);
          sum += prod;
          bound += Math.abs(prod);
        }
      }
      finish(e, oc + i * sc1 + j * sc2, alpha, sum, bound, beta, C);
    }
  }
}

/**
 * The expected C after C ← α·A·Aᵀ + β·C (trans `'N'`) or α·Aᵀ·A + β·C (`'T'`), only the `uplo`
 * triangle written.
 *
 * @example
 * ```ts
 * import { expectedOf, referenceSyrk } from '@polyblas/core/testing';
 * const C = [0], e = expectedOf(C);
 * referenceSyrk('L', 'N', 1, 2, 1, [1, 2], 2, 1, 0, 0, C, 1, 1, 0, e); // e.value = [5]
 * ```
 */
export function referenceSyrk(
  uplo: Uplo, trans: Trans, N: number, K: number, alpha: number,
  A: ArrayLike<number>, sa1: number, sa2: number, oa: number, beta: number,
  C: ArrayLike<number>, sc1: number, sc2: number, oc: number, e: Expected,
): void {
  for (let j = 0; j < N; j++) {
    const from = uplo === 'L' ? j : 0;
    const to = uplo === 'L' ? N - 1 : j;
    for (let i = from; i <= to; i++) {
      let sum = 0;
      let bound = 0;
      if (alpha !== 0) {
        for (let p = 0; p < K; p++) {
          const prod = trans === 'N'
            ? matrixAt(A, sa1, sa2, oa, i, p) * matrixAt(A, sa1, sa2, oa, j, p)
            : matrixAt(A, sa1, sa2, oa, p, i) * matrixAt(A, sa1, sa2, oa, p, j);
          sum += prod;
          bound += Math.abs(prod);
        }
      }
      finish(e, oc + i * sc1 + j * sc2, alpha, sum, bound, beta, C);
    }
  }
}

/**
 * The expected B after B ← α·op(T)·B (side `'L'`) or α·B·op(T) (side `'R'`) for triangular T
 * (also the residual of `trsm`).
 *
 * @example
 * ```ts
 * import { expectedOf, referenceTrmm } from '@polyblas/core/testing';
 * const B = [1, 1], e = expectedOf(B);
 * referenceTrmm('L', 'U', 'N', 'N', 2, 1, 1, [2, 1, NaN, 4], 2, 1, 0, B, 1, 1, 0, e); // e.value = [3, 4]
 * ```
 */
export function referenceTrmm(
  side: Side, uplo: Uplo, transA: Trans, diag: Diag, M: number, N: number, alpha: number,
  A: ArrayLike<number>, sa1: number, sa2: number, oa: number,
  B: ArrayLike<number>, sb1: number, sb2: number, ob: number, e: Expected,
): void {
  const K = side === 'L' ? M : N;
  const out = new Float64Array(M * N);
  const bounds = new Float64Array(M * N);
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < N; j++) {
      let sum = 0;
      let bound = 0;
      if (alpha !== 0) {
        for (let p = 0; p < K; p++) {
          const t = side === 'L'
            ? triangularAt(uplo, transA, diag, A, sa1, sa2, oa, i, p)
            : triangularAt(uplo, transA, diag, A, sa1, sa2, oa, p, j);
          if (t === 0) continue;
          const prod = t * (side === 'L' ? matrixAt(B, sb1, sb2, ob, p, j) : matrixAt(B, sb1, sb2, ob, i, p));
          sum += prod;
          bound += Math.abs(prod);
        }
      }
      out[i + j * M] = alpha * sum;
      bounds[i + j * M] = Math.abs(alpha) * bound;
    }
  }
  for (let i = 0; i < M; i++) for (let j = 0; j < N; j++) put(e, ob + i * sb1 + j * sb2, out[i + j * M], bounds[i + j * M]);
}
