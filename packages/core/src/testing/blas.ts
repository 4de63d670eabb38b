/**
 * The BLAS conformance suite: every routine of the contract, in both precisions, against the naive
 * double-precision reference, on seeded random problems.
 *
 * Each routine runs on shapes that include 0, 1, odd sizes and sizes past typical block sizes, on
 * row-major, column-major, padded, step-2 and reversed (negative-stride) views, with every option
 * combination and the special scalars α ∈ {1, 0, random} and β ∈ {0, 1, random}. Results must lie
 * within a rounding bound scaled by the precision's eps and the length of each sum; triangular
 * solves are checked by their residual. Every buffer carries guard elements around and between the
 * elements of its view, and every element a routine must not write has to come back bit for bit
 * unchanged; read-only operands must not change at all. Where the contract says an operand is
 * not read (C when β = 0, A and B of gemm when α = 0 or K = 0, the triangle of a symmetric or
 * triangular matrix that is not referenced, a unit diagonal) it is filled with NaN.
 *
 * @module
 */
import { describe, expect, it } from 'vitest';
import { blasOf } from '@polyblas/contract';
import type { Blas, Diag, FloatArray, Precision, Side, Trans, Uplo } from '@polyblas/contract';
import type { ConformanceTarget } from './target.js';
import { Rng, allocate, epsOf } from './util.js';
import {
  expectedOf, referenceAxpy, referenceDot, referenceGemm, referenceGemv, referenceGer, referenceNrm2,
  referenceSymm, referenceSymv, referenceSyrk, referenceTrmm, referenceTrmv, type Expected,
} from './reference-blas.js';

/** How a matrix sits in its buffer. */
interface Layout {
  readonly name: string;
  readonly rowMajor: boolean;
  /** Distance between neighbours along the contiguous direction. */
  readonly step: number;
  readonly reverseRows: boolean;
  readonly reverseCols: boolean;
  /** Extra elements per leading dimension. */
  readonly pad: number;
}

const LAYOUTS: readonly Layout[] = [
  { name: 'col-major', rowMajor: false, step: 1, reverseRows: false, reverseCols: false, pad: 0 },
  { name: 'row-major', rowMajor: true, step: 1, reverseRows: false, reverseCols: false, pad: 0 },
  { name: 'col-major padded', rowMajor: false, step: 1, reverseRows: false, reverseCols: false, pad: 3 },
  { name: 'row-major padded', rowMajor: true, step: 1, reverseRows: false, reverseCols: false, pad: 2 },
  { name: 'col-major step 2', rowMajor: false, step: 2, reverseRows: false, reverseCols: false, pad: 0 },
  { name: 'row-major step 2', rowMajor: true, step: 2, reverseRows: false, reverseCols: false, pad: 1 },
  { name: 'row-major reversed', rowMajor: true, step: 1, reverseRows: true, reverseCols: true, pad: 1 },
  { name: 'col-major rows reversed', rowMajor: false, step: 1, reverseRows: true, reverseCols: false, pad: 0 },
  { name: 'row-major cols reversed step 2', rowMajor: true, step: 2, reverseRows: false, reverseCols: true, pad: 0 },
];

const VECTOR_STRIDES: readonly number[] = [1, 2, -1, -3];

/** Elements before and after every view. */
const GUARD = 3;

interface MatrixView {
  readonly data: FloatArray;
  readonly s1: number;
  readonly s2: number;
  readonly offset: number;
  readonly layout: string;
}

interface VectorView {
  readonly data: FloatArray;
  readonly stride: number;
  readonly offset: number;
}

/** Fills a buffer's guard and gap elements: NaN, or values no result could plausibly produce. */
function background(data: FloatArray, nan: boolean, rng: Rng): void {
  for (let k = 0; k < data.length; k++) data[k] = nan ? NaN : 1000 + rng.signed();
}

function makeMatrix(
  precision: Precision, m: number, n: number, layout: Layout, rng: Rng,
  fill: (i: number, j: number) => number, nanBackground = false,
): MatrixView {
  const lead = layout.step * ((layout.rowMajor ? n : m) + layout.pad);
  const abs1 = layout.rowMajor ? lead : layout.step;
  const abs2 = layout.rowMajor ? layout.step : lead;
  const span1 = Math.max(m - 1, 0) * abs1;
  const span2 = Math.max(n - 1, 0) * abs2;
  const length = (m > 0 && n > 0 ? span1 + span2 + 1 : 0) + 2 * GUARD;
  const s1 = layout.reverseRows ? -abs1 : abs1;
  const s2 = layout.reverseCols ? -abs2 : abs2;
  const offset = GUARD + (layout.reverseRows ? span1 : 0) + (layout.reverseCols ? span2 : 0);
  const data = allocate(precision, length);
  background(data, nanBackground, rng);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) data[offset + i * s1 + j * s2] = fill(i, j);
  return { data, s1, s2, offset, layout: layout.name };
}

function makeVector(
  precision: Precision, n: number, stride: number, rng: Rng, fill: (i: number) => number, nanBackground = false,
): VectorView {
  const span = Math.max(n - 1, 0) * Math.abs(stride);
  const length = (n > 0 ? span + 1 : 0) + 2 * GUARD;
  const offset = GUARD + (stride < 0 ? span : 0);
  const data = allocate(precision, length);
  background(data, nanBackground, rng);
  for (let i = 0; i < n; i++) data[offset + i * stride] = fill(i);
  return { data, stride, offset };
}

/** A triangular matrix that is well conditioned: |diagonal| in [1, 2), off-diagonal entries small. */
function triangularFill(uplo: Uplo, diag: Diag, n: number, rng: Rng): (i: number, j: number) => number {
  return (i, j) => {
    if (i === j) return diag === 'U' ? NaN : (rng.next() < 0.5 ? -1 : 1) * (1 + rng.next());
    const inside = uplo === 'L' ? i > j : i < j;
    return inside ? rng.signed() / Math.max(1, n) : NaN;
  };
}

function symmetricFill(uplo: Uplo, rng: Rng): (i: number, j: number) => number {
  return (i, j) => ((uplo === 'L' ? i >= j : i <= j) ? rng.signed() : NaN);
}

/** Collected mismatches of one test (the first few, with enough context to reproduce them). */
class Failures {
  readonly list: string[] = [];
  add(message: string): void {
    if (this.list.length < 10) this.list.push(message);
  }
}

/**
 * Compares a buffer with its expected contents: elements with a bound must be within tol·bound of
 * their value; all others must be bit for bit what they were before.
 */
function check(
  failures: Failures, label: string, got: ArrayLike<number>, before: ArrayLike<number>, e: Expected, tol: number,
): void {
  for (let k = 0; k < got.length; k++) {
    const bound = e.bound[k];
    if (Number.isNaN(bound)) {
      if (!Object.is(got[k], before[k])) failures.add(`${label}: element ${k} is not part of the result but changed from ${before[k]} to ${got[k]}`);
    } else {
      const err = Math.abs(got[k] - e.value[k]);
      const allowed = tol * bound + Number.MIN_VALUE;
      if (!(err <= allowed)) failures.add(`${label}: element ${k} is ${got[k]}, expected ${e.value[k]} (error ${err}, allowed ${allowed})`);
    }
  }
}

/** Snapshots of read-only operands, to check afterwards that a routine left them alone. */
function keep(arrays: readonly FloatArray[]): { check(failures: Failures, routine: string): void } {
  const copies = arrays.map((a) => a.slice());
  return {
    check(failures, routine) {
      arrays.forEach((a, n) => {
        for (let k = 0; k < a.length; k++) {
          if (!Object.is(a[k], copies[n][k])) {
            failures.add(`${routine}: read-only operand ${n + 1} changed at element ${k}`);
            return;
          }
        }
      });
    },
  };
}

/** The rounding allowance for a result built from sums of `terms` products. */
function tolerance(precision: Precision, terms: number): number {
  return 4 * (terms + 4) * epsOf(precision);
}

const pick = <V>(rng: Rng, list: readonly V[]): V => list[rng.int(0, list.length - 1)];

/** A scalar that is not special: magnitude in [0.5, 1.5), either sign. */
const generic = (rng: Rng): number => (rng.next() < 0.5 ? -1 : 1) * (0.5 + rng.next());

const ALPHA_KINDS = ['one', 'zero', 'random'] as const;
const BETA_KINDS = ['zero', 'one', 'random'] as const;

function scalar(kind: 'one' | 'zero' | 'random', rng: Rng): number {
  return kind === 'one' ? 1 : kind === 'zero' ? 0 : generic(rng);
}

/** α and β for case c: nine consecutive cases cover every pair of special values. */
function scalarsFor(c: number, rng: Rng): { alpha: number; beta: number } {
  return { alpha: scalar(ALPHA_KINDS[c % 3], rng), beta: scalar(BETA_KINDS[Math.floor(c / 3) % 3], rng) };
}

const VECTOR_SIZES = [0, 1, 2, 3, 7, 16, 33, 100];

type Suite = (blas: Blas<FloatArray>, precision: Precision, rng: Rng, failures: Failures) => void;

/* ------------------------------------------------------------------------------------------ */
/* Level 1                                                                                     */
/* ------------------------------------------------------------------------------------------ */

const level1: Record<string, Suite> = {
  dot(blas, p, rng, f) {
    for (const n of VECTOR_SIZES) {
      for (const sx of VECTOR_STRIDES) {
        const sy = pick(rng, VECTOR_STRIDES);
        const x = makeVector(p, n, sx, rng, () => rng.signed());
        const y = makeVector(p, n, sy, rng, () => rng.signed());
        const got = blas.dot(n, x.data, sx, x.offset, y.data, sy, y.offset);
        const want = referenceDot(n, x.data, sx, x.offset, y.data, sy, y.offset);
        const allowed = tolerance(p, n) * want.bound + Number.MIN_VALUE;
        if (!(Math.abs(got - want.value) <= allowed)) f.add(`dot n=${n} sx=${sx} sy=${sy}: ${got}, expected ${want.value}`);
      }
    }
  },

  axpy(blas, p, rng, f) {
    for (const n of VECTOR_SIZES) {
      for (const alpha of [0, 1, -1, generic(rng)]) {
        const sx = pick(rng, VECTOR_STRIDES);
        const sy = pick(rng, VECTOR_STRIDES);
        const x = makeVector(p, n, sx, rng, () => rng.signed());
        const y = makeVector(p, n, sy, rng, () => rng.signed());
        const before = y.data.slice();
        const e = expectedOf(before);
        referenceAxpy(n, alpha, x.data, sx, x.offset, before, sy, y.offset, e);
        const inputs = keep([x.data]);
        blas.axpy(n, alpha, x.data, sx, x.offset, y.data, sy, y.offset);
        inputs.check(f, 'axpy');
        check(f, `axpy n=${n} alpha=${alpha} sx=${sx} sy=${sy}`, y.data, before, e, tolerance(p, 1));
      }
    }
  },

  scal(blas, p, rng, f) {
    for (const n of VECTOR_SIZES) {
      for (const alpha of [0, 1, -1, generic(rng)]) {
        const sx = pick(rng, VECTOR_STRIDES);
        const x = makeVector(p, n, sx, rng, () => rng.signed());
        const before = x.data.slice();
        const e = expectedOf(before);
        for (let i = 0; i < n; i++) {
          const k = x.offset + i * sx;
          e.value[k] = alpha * before[k];
          e.bound[k] = Math.abs(e.value[k]);
        }
        blas.scal(n, alpha, x.data, sx, x.offset);
        check(f, `scal n=${n} alpha=${alpha} sx=${sx}`, x.data, before, e, tolerance(p, 1));
      }
    }
  },

  copy(blas, p, rng, f) {
    for (const n of VECTOR_SIZES) {
      for (const sx of VECTOR_STRIDES) {
        const sy = pick(rng, VECTOR_STRIDES);
        const x = makeVector(p, n, sx, rng, () => rng.signed());
        const y = makeVector(p, n, sy, rng, () => rng.signed());
        const before = y.data.slice();
        const e = expectedOf(before);
        for (let i = 0; i < n; i++) {
          e.value[y.offset + i * sy] = x.data[x.offset + i * sx];
          e.bound[y.offset + i * sy] = 0;
        }
        const xBefore = x.data.slice();
        blas.copy(n, x.data, sx, x.offset, y.data, sy, y.offset);
        check(f, `copy n=${n} sx=${sx} sy=${sy}`, y.data, before, e, 0);
        check(f, `copy (source) n=${n} sx=${sx} sy=${sy}`, x.data, xBefore, expectedOf(xBefore), 0);
      }
    }
  },

  swap(blas, p, rng, f) {
    for (const n of VECTOR_SIZES) {
      for (const sx of VECTOR_STRIDES) {
        const sy = pick(rng, VECTOR_STRIDES);
        const x = makeVector(p, n, sx, rng, () => rng.signed());
        const y = makeVector(p, n, sy, rng, () => rng.signed());
        const xBefore = x.data.slice();
        const yBefore = y.data.slice();
        const ex = expectedOf(xBefore);
        const ey = expectedOf(yBefore);
        for (let i = 0; i < n; i++) {
          const kx = x.offset + i * sx;
          const ky = y.offset + i * sy;
          ex.value[kx] = yBefore[ky];
          ex.bound[kx] = 0;
          ey.value[ky] = xBefore[kx];
          ey.bound[ky] = 0;
        }
        blas.swap(n, x.data, sx, x.offset, y.data, sy, y.offset);
        check(f, `swap x n=${n} sx=${sx} sy=${sy}`, x.data, xBefore, ex, 0);
        check(f, `swap y n=${n} sx=${sx} sy=${sy}`, y.data, yBefore, ey, 0);
      }
    }
  },

  nrm2(blas, p, rng, f) {
    // Scales where a plain sum of squares overflows, underflows or loses digits to subnormals.
    const scales = p === 'd'
      ? [1, 1e300, 1e-300, 1e-310, 1e154, 1e-160, 2 ** 1000, 2 ** -1070, 2 ** -479, 2 ** -482]
      : [1, 1e30, 1e-30, 1e-40, 3e37, 1e19, 1e-20];
    for (const n of VECTOR_SIZES) {
      for (const scale of scales) {
        const sx = pick(rng, VECTOR_STRIDES);
        const x = makeVector(p, n, sx, rng, () => scale * rng.signed());
        const got = blas.nrm2(n, x.data, sx, x.offset);
        const want = referenceNrm2(n, x.data, sx, x.offset);
        const allowed = tolerance(p, n) * want;
        if (!(Math.abs(got - want) <= allowed)) f.add(`nrm2 n=${n} scale=${scale} sx=${sx}: ${got}, expected ${want}`);
      }
    }
    // One huge element among ordinary ones, and one ordinary element among tiny ones.
    const big = p === 'd' ? 1e300 : 1e30;
    const tiny = p === 'd' ? 1e-300 : 1e-30;
    for (const [label, values] of [
      ['huge among ones', [1, big, 1, -1, 2]],
      ['one among tiny', [tiny, -tiny, 1, tiny]],
      ['all zero', [0, 0, 0]],
      ['infinite', [1, -Infinity, 1]],
      ['NaN', [1, NaN, 2]],
      ['largest finite', [p === 'd' ? Number.MAX_VALUE : 3.4028234663852886e38, p === 'd' ? Number.MAX_VALUE : 3.4028234663852886e38]],
    ] as const) {
      const x = makeVector(p, values.length, 1, rng, (i) => values[i]);
      const got = blas.nrm2(values.length, x.data, 1, x.offset);
      const want = referenceNrm2(values.length, x.data, 1, x.offset);
      const ok = Number.isNaN(want) ? Number.isNaN(got) : want === Infinity ? got === Infinity : Math.abs(got - want) <= tolerance(p, values.length) * want;
      if (!ok) f.add(`nrm2 ${label}: ${got}, expected ${want}`);
    }
  },

  asum(blas, p, rng, f) {
    for (const n of VECTOR_SIZES) {
      for (const sx of VECTOR_STRIDES) {
        const x = makeVector(p, n, sx, rng, () => rng.signed());
        const got = blas.asum(n, x.data, sx, x.offset);
        let want = 0;
        for (let i = 0; i < n; i++) want += Math.abs(x.data[x.offset + i * sx]);
        if (!(Math.abs(got - want) <= tolerance(p, n) * want)) f.add(`asum n=${n} sx=${sx}: ${got}, expected ${want}`);
      }
    }
  },

  iamax(blas, p, rng, f) {
    for (const n of VECTOR_SIZES) {
      for (const sx of VECTOR_STRIDES) {
        // Few distinct magnitudes, both signs, so the largest one is often tied: the first wins.
        const x = makeVector(p, n, sx, rng, () => (rng.next() < 0.5 ? -1 : 1) * rng.int(0, 4));
        let want = n < 1 ? -1 : 0;
        for (let i = 1; i < n; i++) {
          if (Math.abs(x.data[x.offset + i * sx]) > Math.abs(x.data[x.offset + want * sx])) want = i;
        }
        const got = blas.iamax(n, x.data, sx, x.offset);
        if (got !== want) f.add(`iamax n=${n} sx=${sx}: ${got}, expected ${want}`);
      }
    }
  },

  rot(blas, p, rng, f) {
    for (const n of VECTOR_SIZES) {
      const theta = 2 * Math.PI * rng.next();
      for (const [c, s] of [[Math.cos(theta), Math.sin(theta)], [0, 1], [1, 0], [-1, 0]]) {
        const sx = pick(rng, VECTOR_STRIDES);
        const sy = pick(rng, VECTOR_STRIDES);
        const x = makeVector(p, n, sx, rng, () => rng.signed());
        const y = makeVector(p, n, sy, rng, () => rng.signed());
        const xBefore = x.data.slice();
        const yBefore = y.data.slice();
        const ex = expectedOf(xBefore);
        const ey = expectedOf(yBefore);
        for (let i = 0; i < n; i++) {
          const kx = x.offset + i * sx;
          const ky = y.offset + i * sy;
          const xi = xBefore[kx];
          const yi = yBefore[ky];
          ex.value[kx] = c * xi + s * yi;
          ex.bound[kx] = Math.abs(c * xi) + Math.abs(s * yi);
          ey.value[ky] = c * yi - s * xi;
          ey.bound[ky] = Math.abs(c * yi) + Math.abs(s * xi);
        }
        blas.rot(n, x.data, sx, x.offset, y.data, sy, y.offset, c, s);
        check(f, `rot x n=${n} c=${c} s=${s}`, x.data, xBefore, ex, tolerance(p, 2));
        check(f, `rot y n=${n} c=${c} s=${s}`, y.data, yBefore, ey, tolerance(p, 2));
      }
    }
  },
};

/* ------------------------------------------------------------------------------------------ */
/* Level 2                                                                                     */
/* ------------------------------------------------------------------------------------------ */

const MATRIX_SHAPES: readonly (readonly [number, number])[] = [
  [0, 0], [0, 3], [3, 0], [1, 1], [1, 6], [7, 1], [5, 3], [3, 5], [17, 33], [33, 17], [64, 65], [70, 41],
];
const SQUARE_SIZES = [0, 1, 2, 3, 5, 8, 17, 33, 64, 70, 100];

const TRANSES: readonly Trans[] = ['N', 'T'];
const UPLOS: readonly Uplo[] = ['U', 'L'];
const DIAGS: readonly Diag[] = ['N', 'U'];
const SIDES: readonly Side[] = ['L', 'R'];

const level2: Record<string, Suite> = {
  gemv(blas, p, rng, f) {
    for (const trans of TRANSES) {
      MATRIX_SHAPES.forEach(([M, N], c) => {
        const { alpha, beta } = scalarsFor(c, rng);
        const m = trans === 'N' ? M : N;
        const n = trans === 'N' ? N : M;
        const A = makeMatrix(p, M, N, pick(rng, LAYOUTS), rng, () => rng.signed());
        const sx = pick(rng, VECTOR_STRIDES);
        const sy = pick(rng, VECTOR_STRIDES);
        const x = makeVector(p, n, sx, rng, () => rng.signed());
        const y = makeVector(p, m, sy, rng, () => (beta === 0 ? NaN : rng.signed()), beta === 0);
        const before = y.data.slice();
        const e = expectedOf(before);
        referenceGemv(trans, M, N, alpha, A.data, A.s1, A.s2, A.offset, x.data, sx, x.offset, beta, before, sy, y.offset, e);
        const inputs = keep([A.data, x.data]);
        blas.gemv(trans, M, N, alpha, A.data, A.s1, A.s2, A.offset, x.data, sx, x.offset, beta, y.data, sy, y.offset);
        inputs.check(f, 'gemv');
        check(f, `gemv ${trans} M=${M} N=${N} alpha=${alpha} beta=${beta} A ${A.layout} sx=${sx} sy=${sy}`, y.data, before, e, tolerance(p, n));
      });
    }
  },

  ger(blas, p, rng, f) {
    for (const [M, N] of MATRIX_SHAPES) {
      for (const alpha of [0, 1, generic(rng)]) {
        const A = makeMatrix(p, M, N, pick(rng, LAYOUTS), rng, () => rng.signed());
        const sx = pick(rng, VECTOR_STRIDES);
        const sy = pick(rng, VECTOR_STRIDES);
        const x = makeVector(p, M, sx, rng, () => rng.signed());
        const y = makeVector(p, N, sy, rng, () => rng.signed());
        const before = A.data.slice();
        const e = expectedOf(before);
        referenceGer(M, N, alpha, x.data, sx, x.offset, y.data, sy, y.offset, before, A.s1, A.s2, A.offset, e);
        const inputs = keep([x.data, y.data]);
        blas.ger(M, N, alpha, x.data, sx, x.offset, y.data, sy, y.offset, A.data, A.s1, A.s2, A.offset);
        inputs.check(f, 'ger');
        check(f, `ger M=${M} N=${N} alpha=${alpha} A ${A.layout} sx=${sx} sy=${sy}`, A.data, before, e, tolerance(p, 2));
      }
    }
  },

  symv(blas, p, rng, f) {
    for (const uplo of UPLOS) {
      SQUARE_SIZES.forEach((n, c) => {
        const { alpha, beta } = scalarsFor(c, rng);
        const A = makeMatrix(p, n, n, pick(rng, LAYOUTS), rng, symmetricFill(uplo, rng));
        const sx = pick(rng, VECTOR_STRIDES);
        const sy = pick(rng, VECTOR_STRIDES);
        const x = makeVector(p, n, sx, rng, () => rng.signed());
        const y = makeVector(p, n, sy, rng, () => (beta === 0 ? NaN : rng.signed()), beta === 0);
        const before = y.data.slice();
        const e = expectedOf(before);
        referenceSymv(uplo, n, alpha, A.data, A.s1, A.s2, A.offset, x.data, sx, x.offset, beta, before, sy, y.offset, e);
        const inputs = keep([A.data, x.data]);
        blas.symv(uplo, n, alpha, A.data, A.s1, A.s2, A.offset, x.data, sx, x.offset, beta, y.data, sy, y.offset);
        inputs.check(f, 'symv');
        check(f, `symv ${uplo} n=${n} alpha=${alpha} beta=${beta} A ${A.layout} sx=${sx} sy=${sy}`, y.data, before, e, tolerance(p, n));
      });
    }
  },

  trmv(blas, p, rng, f) {
    for (const uplo of UPLOS) for (const trans of TRANSES) for (const diag of DIAGS) {
      for (const n of SQUARE_SIZES) {
        const A = makeMatrix(p, n, n, pick(rng, LAYOUTS), rng, triangularFill(uplo, diag, n, rng));
        const sx = pick(rng, VECTOR_STRIDES);
        const x = makeVector(p, n, sx, rng, () => rng.signed());
        const before = x.data.slice();
        const e = expectedOf(before);
        referenceTrmv(uplo, trans, diag, n, A.data, A.s1, A.s2, A.offset, before, sx, x.offset, e);
        const inputs = keep([A.data]);
        blas.trmv(uplo, trans, diag, n, A.data, A.s1, A.s2, A.offset, x.data, sx, x.offset);
        inputs.check(f, 'trmv');
        check(f, `trmv ${uplo}${trans}${diag} n=${n} A ${A.layout} sx=${sx}`, x.data, before, e, tolerance(p, n));
      }
    }
  },

  trsv(blas, p, rng, f) {
    for (const uplo of UPLOS) for (const trans of TRANSES) for (const diag of DIAGS) {
      for (const n of SQUARE_SIZES) {
        const A = makeMatrix(p, n, n, pick(rng, LAYOUTS), rng, triangularFill(uplo, diag, n, rng));
        const sx = pick(rng, VECTOR_STRIDES);
        const x = makeVector(p, n, sx, rng, () => rng.signed());
        const b = x.data.slice();
        const inputs = keep([A.data]);
        blas.trsv(uplo, trans, diag, n, A.data, A.s1, A.s2, A.offset, x.data, sx, x.offset);
        inputs.check(f, 'trsv');
        // Residual: op(A)·x must reproduce b to within rounding of |op(A)|·|x| + |b|.
        const residual = expectedOf(x.data);
        referenceTrmv(uplo, trans, diag, n, A.data, A.s1, A.s2, A.offset, x.data, sx, x.offset, residual);
        const target = expectedOf(b);
        for (let k = 0; k < b.length; k++) {
          if (!Number.isNaN(residual.bound[k])) target.bound[k] = residual.bound[k] + Math.abs(b[k]);
        }
        check(f, `trsv ${uplo}${trans}${diag} n=${n} A ${A.layout} sx=${sx} (op(A)·x vs b)`, residual.value, b, target, tolerance(p, n));
      }
    }
  },
};

/* ------------------------------------------------------------------------------------------ */
/* Level 3                                                                                     */
/* ------------------------------------------------------------------------------------------ */

const GEMM_SHAPES: readonly (readonly [number, number, number])[] = [
  [0, 0, 0], [0, 3, 2], [3, 0, 2], [3, 2, 0], [1, 1, 1], [1, 7, 5], [7, 1, 5], [5, 3, 1], [4, 6, 9],
  [17, 33, 9], [33, 17, 65], [70, 41, 33], [65, 70, 130], [9, 130, 70],
];
const LEVEL3_SHAPES: readonly (readonly [number, number])[] = [
  [0, 0], [0, 3], [3, 0], [1, 1], [1, 6], [7, 1], [3, 5], [5, 3], [33, 17], [17, 33], [70, 40], [9, 130], [130, 9],
];

const level3: Record<string, Suite> = {
  gemm(blas, p, rng, f) {
    for (const transA of TRANSES) for (const transB of TRANSES) {
      GEMM_SHAPES.forEach(([M, N, K], c) => {
        const { alpha, beta } = scalarsFor(c, rng);
        // With α = 0 or K = 0 neither A nor B may be read.
        const unread = alpha === 0 || K === 0;
        const value = () => (unread ? NaN : rng.signed());
        const A = transA === 'N'
          ? makeMatrix(p, M, K, pick(rng, LAYOUTS), rng, value)
          : makeMatrix(p, K, M, pick(rng, LAYOUTS), rng, value);
        const B = transB === 'N'
          ? makeMatrix(p, K, N, pick(rng, LAYOUTS), rng, value)
          : makeMatrix(p, N, K, pick(rng, LAYOUTS), rng, value);
        const C = makeMatrix(p, M, N, pick(rng, LAYOUTS), rng, () => (beta === 0 ? NaN : rng.signed()), beta === 0);
        const before = C.data.slice();
        const e = expectedOf(before);
        referenceGemm(transA, transB, M, N, K, alpha, A.data, A.s1, A.s2, A.offset, B.data, B.s1, B.s2, B.offset, beta, before, C.s1, C.s2, C.offset, e);
        const inputs = keep([A.data, B.data]);
        blas.gemm(transA, transB, M, N, K, alpha, A.data, A.s1, A.s2, A.offset, B.data, B.s1, B.s2, B.offset, beta, C.data, C.s1, C.s2, C.offset);
        inputs.check(f, 'gemm');
        check(f, `gemm ${transA}${transB} M=${M} N=${N} K=${K} alpha=${alpha} beta=${beta} A ${A.layout}, B ${B.layout}, C ${C.layout}`, C.data, before, e, tolerance(p, K));
      });
    }
  },

  symm(blas, p, rng, f) {
    for (const side of SIDES) for (const uplo of UPLOS) {
      LEVEL3_SHAPES.forEach(([M, N], c) => {
        const { alpha, beta } = scalarsFor(c, rng);
        const k = side === 'L' ? M : N;
        const A = makeMatrix(p, k, k, pick(rng, LAYOUTS), rng, symmetricFill(uplo, rng));
        const B = makeMatrix(p, M, N, pick(rng, LAYOUTS), rng, () => rng.signed());
        const C = makeMatrix(p, M, N, pick(rng, LAYOUTS), rng, () => (beta === 0 ? NaN : rng.signed()), beta === 0);
        const before = C.data.slice();
        const e = expectedOf(before);
        referenceSymm(side, uplo, M, N, alpha, A.data, A.s1, A.s2, A.offset, B.data, B.s1, B.s2, B.offset, beta, before, C.s1, C.s2, C.offset, e);
        const inputs = keep([A.data, B.data]);
        blas.symm(side, uplo, M, N, alpha, A.data, A.s1, A.s2, A.offset, B.data, B.s1, B.s2, B.offset, beta, C.data, C.s1, C.s2, C.offset);
        inputs.check(f, 'symm');
        check(f, `symm ${side}${uplo} M=${M} N=${N} alpha=${alpha} beta=${beta} A ${A.layout}, B ${B.layout}, C ${C.layout}`, C.data, before, e, tolerance(p, k));
      });
    }
  },

  syrk(blas, p, rng, f) {
    for (const uplo of UPLOS) for (const trans of TRANSES) {
      LEVEL3_SHAPES.forEach(([N, K], c) => {
        const { alpha, beta } = scalarsFor(c, rng);
        const A = trans === 'N'
          ? makeMatrix(p, N, K, pick(rng, LAYOUTS), rng, () => rng.signed())
          : makeMatrix(p, K, N, pick(rng, LAYOUTS), rng, () => rng.signed());
        // The other triangle of C is random: it must be neither written nor, with β = 0, matter.
        const C = makeMatrix(p, N, N, pick(rng, LAYOUTS), rng, () => (beta === 0 ? NaN : rng.signed()), beta === 0);
        const before = C.data.slice();
        const e = expectedOf(before);
        referenceSyrk(uplo, trans, N, K, alpha, A.data, A.s1, A.s2, A.offset, beta, before, C.s1, C.s2, C.offset, e);
        const inputs = keep([A.data]);
        blas.syrk(uplo, trans, N, K, alpha, A.data, A.s1, A.s2, A.offset, beta, C.data, C.s1, C.s2, C.offset);
        inputs.check(f, 'syrk');
        check(f, `syrk ${uplo}${trans} N=${N} K=${K} alpha=${alpha} beta=${beta} A ${A.layout}, C ${C.layout}`, C.data, before, e, tolerance(p, K));
      });
    }
  },

  trmm(blas, p, rng, f) {
    for (const side of SIDES) for (const uplo of UPLOS) for (const trans of TRANSES) for (const diag of DIAGS) {
      LEVEL3_SHAPES.forEach(([M, N], c) => {
        const alpha = scalar(ALPHA_KINDS[c % 3], rng);
        const k = side === 'L' ? M : N;
        const A = makeMatrix(p, k, k, pick(rng, LAYOUTS), rng, triangularFill(uplo, diag, k, rng));
        const B = makeMatrix(p, M, N, pick(rng, LAYOUTS), rng, () => rng.signed());
        const before = B.data.slice();
        const e = expectedOf(before);
        referenceTrmm(side, uplo, trans, diag, M, N, alpha, A.data, A.s1, A.s2, A.offset, before, B.s1, B.s2, B.offset, e);
        const inputs = keep([A.data]);
        blas.trmm(side, uplo, trans, diag, M, N, alpha, A.data, A.s1, A.s2, A.offset, B.data, B.s1, B.s2, B.offset);
        inputs.check(f, 'trmm');
        check(f, `trmm ${side}${uplo}${trans}${diag} M=${M} N=${N} alpha=${alpha} A ${A.layout}, B ${B.layout}`, B.data, before, e, tolerance(p, k));
      });
    }
  },

  trsm(blas, p, rng, f) {
    for (const side of SIDES) for (const uplo of UPLOS) for (const trans of TRANSES) for (const diag of DIAGS) {
      LEVEL3_SHAPES.forEach(([M, N], c) => {
        const alpha = scalar(ALPHA_KINDS[c % 3], rng);
        const k = side === 'L' ? M : N;
        const A = makeMatrix(p, k, k, pick(rng, LAYOUTS), rng, triangularFill(uplo, diag, k, rng));
        const B = makeMatrix(p, M, N, pick(rng, LAYOUTS), rng, () => rng.signed());
        const b = B.data.slice();
        const inputs = keep([A.data]);
        blas.trsm(side, uplo, trans, diag, M, N, alpha, A.data, A.s1, A.s2, A.offset, B.data, B.s1, B.s2, B.offset);
        inputs.check(f, 'trsm');
        const label = `trsm ${side}${uplo}${trans}${diag} M=${M} N=${N} alpha=${alpha} A ${A.layout}, B ${B.layout}`;
        if (alpha === 0) {
          const e = expectedOf(b);
          for (let i = 0; i < M; i++) for (let j = 0; j < N; j++) {
            const idx = B.offset + i * B.s1 + j * B.s2;
            e.value[idx] = 0;
            e.bound[idx] = 0;
          }
          check(f, label, B.data, b, e, 0);
          return;
        }
        // Residual: op(A)·X (or X·op(A)) must reproduce α·B to within rounding.
        const residual = expectedOf(B.data);
        referenceTrmm(side, uplo, trans, diag, M, N, 1, A.data, A.s1, A.s2, A.offset, B.data, B.s1, B.s2, B.offset, residual);
        const target = expectedOf(b);
        for (let idx = 0; idx < b.length; idx++) {
          if (Number.isNaN(residual.bound[idx])) continue;
          target.value[idx] = alpha * b[idx];
          target.bound[idx] = residual.bound[idx] + Math.abs(alpha * b[idx]);
        }
        check(f, `${label} (residual)`, residual.value, b, target, tolerance(p, k));
      });
    }
  },
};

/**
 * Runs the BLAS conformance suite against a backend: one test per routine and precision.
 *
 * @example
 * ```ts
 * // packages/backend-foo/test/blas.test.ts
 * import { blasConformance } from '@polyblas/core/testing';
 * import { fooKernels } from '../src/index.js';
 * blasConformance({ name: 'foo', kernels: fooKernels });
 * ```
 */
export function blasConformance(target: ConformanceTarget): void {
  describe(`BLAS conformance: ${target.name}`, () => {
    for (const precision of ['d', 's'] as const) {
      describe(precision === 'd' ? 'double (d)' : 'single (s)', () => {
        const blas = blasOf(target.kernels, precision) as unknown as Blas<FloatArray>;
        for (const [level, suites] of [['level 1', level1], ['level 2', level2], ['level 3', level3]] as const) {
          describe(level, () => {
            for (const [routine, suite] of Object.entries(suites)) {
              it(routine, () => {
                const failures = new Failures();
                suite(blas, precision, new Rng(seedOf(routine, precision)), failures);
                expect(failures.list).toEqual([]);
              });
            }
          });
        }
      });
    }
  });
}

/** A fixed seed per routine and precision, so a failure reproduces on its own. */
function seedOf(routine: string, precision: Precision): number {
  let h = precision === 'd' ? 17 : 29;
  for (let i = 0; i < routine.length; i++) h = Math.imul(h, 31) + routine.charCodeAt(i);
  return h >>> 0;
}
