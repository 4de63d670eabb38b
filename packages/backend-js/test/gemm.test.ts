import { describe, expect, test } from 'vitest';
import type { FloatArray, Trans } from '@polyblas/contract';
import {
  gemm, gemmBlocked, gemmUnpacked, GEMM_BLOCKING, type GemmBlocking,
} from '../src/blas/level3/gemm.js';
import { GEMM_MR, GEMM_NR } from '../src/blas/level3/gemm-kernel.js';
import { Rng } from '@polyblas/core/testing';

type GemmFn = (
  transA: Trans, transB: Trans, M: number, N: number, K: number, alpha: number,
  A: FloatArray, sA1: number, sA2: number, oA: number,
  B: FloatArray, sB1: number, sB2: number, oB: number, beta: number,
  C: FloatArray, sC1: number, sC2: number, oC: number,
) => void;

/** A seeded generator of numbers in [0, 1), from the shared test generator. */
function rng(seed: number): () => number {
  const generator = new Rng(seed);
  return () => generator.next();
}

type Layout = 'col' | 'row' | 'strided' | 'negative' | 'mixed';
const LAYOUTS: Layout[] = ['col', 'row', 'strided', 'negative', 'mixed'];
const GUARD = 3;

interface View {
  data: FloatArray;
  s1: number;
  s2: number;
  offset: number;
  /** true at indices that belong to the matrix. */
  inside: Uint8Array;
}

function strides(layout: Layout, rows: number, cols: number): [number, number] {
  switch (layout) {
    case 'col': return [1, rows + 2];
    case 'row': return [cols + 1, 1];
    case 'strided': return [2, 2 * rows + 3];
    case 'negative': return [-1, -(rows + 1)];
    case 'mixed': return [-(cols + 2), 1];
  }
}

/** Stores a rows×cols matrix in the given layout, surrounded by `fill` (guards and gaps). */
function makeView(
  ctor: Float64ArrayConstructor | Float32ArrayConstructor, layout: Layout, rows: number, cols: number,
  value: (i: number, j: number) => number, fill: number,
): View {
  const [s1, s2] = strides(layout, rows, cols);
  const lo = Math.min(0, (rows - 1) * s1) + Math.min(0, (cols - 1) * s2);
  const hi = Math.max(0, (rows - 1) * s1) + Math.max(0, (cols - 1) * s2);
  const empty = rows === 0 || cols === 0;
  const offset = GUARD - (empty ? 0 : lo);
  const size = empty ? 2 * GUARD : offset + hi + 1 + GUARD;
  const data = new ctor(size).fill(fill);
  const inside = new Uint8Array(size);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      data[offset + i * s1 + j * s2] = value(i, j);
      inside[offset + i * s1 + j * s2] = 1;
    }
  }
  return { data, s1, s2, offset, inside };
}

function at(v: View, i: number, j: number): number {
  return v.data[v.offset + i * v.s1 + j * v.s2];
}

interface Case {
  transA: Trans; transB: Trans; M: number; N: number; K: number;
  alpha: number; beta: number; single: boolean;
  layoutA: Layout; layoutB: Layout; layoutC: Layout;
  nanC?: boolean; nanAB?: boolean;
  /** Puts +Infinity at op(A)(M-1, 0): padded tiles then hold Inf·0 = NaN, which must not leak. */
  infA?: boolean;
}

/**
 * Runs one case through `fn` and checks it against the naive triple loop in double:
 * |C - Cref| ≤ 4·eps·(K·|α|·max|A|·max|B| + |β|·max|C₀|) elementwise (plus the rounding of the
 * stored value in single precision), and every element outside C keeps its guard value.
 */
function check(fn: GemmFn, c: Case, seed: number): void {
  const ctor = c.single ? Float32Array : Float64Array;
  const eps = c.single ? 2 ** -23 : 2 ** -52;
  const r = rng(seed);
  const rand = () => 2 * r() - 1;
  const [aRows, aCols] = c.transA === 'N' ? [c.M, c.K] : [c.K, c.M];
  const [bRows, bCols] = c.transB === 'N' ? [c.K, c.N] : [c.N, c.K];
  // Gaps and guards of A and B hold NaN: reading outside the matrices would show in C.
  const A = makeView(ctor, c.layoutA, aRows, aCols, (i, j) => {
    if (c.infA && (c.transA === 'N' ? i === c.M - 1 && j === 0 : j === c.M - 1 && i === 0)) return Infinity;
    return c.nanAB ? NaN : rand();
  }, NaN);
  const B = makeView(ctor, c.layoutB, bRows, bCols, () => (c.nanAB ? NaN : rand()), NaN);
  const SENTINEL = 12345.5;
  const C = makeView(ctor, c.layoutC, c.M, c.N, () => (c.nanC ? NaN : rand()), SENTINEL);
  const C0 = C.data.slice();

  const opA = (i: number, k: number) => (c.transA === 'N' ? at(A, i, k) : at(A, k, i));
  const opB = (k: number, j: number) => (c.transB === 'N' ? at(B, k, j) : at(B, j, k));
  let maxA = 0, maxB = 0, maxC = 0;
  if (!c.nanAB) {
    for (let i = 0; i < c.M; i++) {
      for (let k = 0; k < c.K; k++) if (Number.isFinite(opA(i, k))) maxA = Math.max(maxA, Math.abs(opA(i, k)));
    }
    for (let k = 0; k < c.K; k++) for (let j = 0; j < c.N; j++) maxB = Math.max(maxB, Math.abs(opB(k, j)));
  }
  if (!c.nanC) for (let i = 0; i < c.M; i++) for (let j = 0; j < c.N; j++) maxC = Math.max(maxC, Math.abs(at(C, i, j)));

  const ref = new Float64Array(c.M * c.N);
  for (let i = 0; i < c.M; i++) {
    for (let j = 0; j < c.N; j++) {
      let s = 0;
      if (c.alpha !== 0) for (let k = 0; k < c.K; k++) s += opA(i, k) * opB(k, j);
      ref[i + j * c.M] = (c.alpha === 0 ? 0 : c.alpha * s) + (c.beta === 0 ? 0 : c.beta * at(C, i, j));
    }
  }

  fn(c.transA, c.transB, c.M, c.N, c.K, c.alpha, A.data, A.s1, A.s2, A.offset,
    B.data, B.s1, B.s2, B.offset, c.beta, C.data, C.s1, C.s2, C.offset);

  const bound = 4 * eps * (Math.max(c.K, 1) * Math.abs(c.alpha) * maxA * maxB + Math.abs(c.beta) * maxC);
  let worst = 0;
  for (let i = 0; i < c.M; i++) {
    for (let j = 0; j < c.N; j++) {
      const got = at(C, i, j), want = ref[i + j * c.M];
      const err = Number.isFinite(want)
        ? Math.abs(got - want) - (bound + eps * Math.abs(want))
        : (Object.is(got, want) ? 0 : 1);
      if (!(err <= 0)) {
        throw new Error(`C(${i},${j}) = ${got}, expected ${want} ± ${bound} in ${JSON.stringify(c)}`);
      }
      worst = Math.max(worst, err);
    }
  }
  for (let p = 0; p < C.data.length; p++) {
    if (!C.inside[p] && !Object.is(C.data[p], C0[p])) throw new Error(`wrote outside C at ${p} in ${JSON.stringify(c)}`);
  }
  expect(worst).toBeLessThanOrEqual(0);
}

const TRANS: [Trans, Trans][] = [['N', 'N'], ['N', 'T'], ['T', 'N'], ['T', 'T']];
const pick = <X>(r: () => number, xs: readonly X[]): X => xs[Math.floor(r() * xs.length)];
const SIZES = [0, 1, 2, 3, 5, 7, 8, 9, 13, 17, 31, 33, 37];
const SCALARS = [1, -1, 0.5, 2.25, -0.75];

function randomCases(seed: number, count: number, sizes: readonly number[]): Case[] {
  const r = rng(seed);
  const cases: Case[] = [];
  for (let n = 0; n < count; n++) {
    const [transA, transB] = TRANS[n % 4];
    cases.push({
      transA, transB, M: pick(r, sizes), N: pick(r, sizes), K: pick(r, sizes),
      alpha: pick(r, SCALARS), beta: pick(r, [0, 1, ...SCALARS]), single: r() < 0.5,
      layoutA: pick(r, LAYOUTS), layoutB: pick(r, LAYOUTS), layoutC: pick(r, LAYOUTS),
    });
  }
  return cases;
}

const TINY_BLOCKS: GemmBlocking[] = [
  { mc: 8, kc: 5, nc: 12 },
  { mc: GEMM_MR, kc: 1, nc: GEMM_NR },
  { mc: 2 * GEMM_MR + 1, kc: 7, nc: 3 * GEMM_NR + 2 }, // not whole tiles: rounded down inside
];

const PATHS: [string, GemmFn][] = [
  ['gemm', gemm],
  ['gemmUnpacked', gemmUnpacked],
  ['gemmBlocked (default blocks)', (...a) => gemmBlocked(...a, GEMM_BLOCKING)],
  ...TINY_BLOCKS.map((b): [string, GemmFn] => [
    `gemmBlocked ${JSON.stringify(b)}`, (...a) => gemmBlocked(...a, b),
  ]),
];

describe.each(PATHS)('%s', (_name, fn) => {
  test('matches the naive product on random shapes, transposes, layouts and precisions', () => {
    const cases = randomCases(20261121, 240, SIZES);
    cases.forEach((c, n) => check(fn, c, 1000 + n));
  });

  test('every transpose pair and every layout, both precisions', () => {
    let seed = 1;
    for (const [transA, transB] of TRANS) {
      for (const layout of LAYOUTS) {
        for (const single of [false, true]) {
          check(fn, {
            transA, transB, M: 11, N: 10, K: 9, alpha: 1.5, beta: -0.5, single,
            layoutA: layout, layoutB: LAYOUTS[(seed + 1) % 5], layoutC: LAYOUTS[(seed + 2) % 5],
          }, seed++);
        }
      }
    }
  });

  test('beta = 0 does not read C: NaN in C does not propagate', () => {
    for (const [transA, transB] of TRANS) {
      for (const single of [false, true]) {
        check(fn, { transA, transB, M: 13, N: 9, K: 6, alpha: 2, beta: 0, single, layoutA: 'col', layoutB: 'row', layoutC: 'strided', nanC: true }, 7);
        check(fn, { transA, transB, M: 13, N: 9, K: 0, alpha: 2, beta: 0, single, layoutA: 'col', layoutB: 'row', layoutC: 'negative', nanC: true }, 8);
        check(fn, { transA, transB, M: 5, N: 9, K: 6, alpha: 0, beta: 0, single, layoutA: 'row', layoutB: 'col', layoutC: 'col', nanC: true, nanAB: true }, 9);
      }
    }
  });

  test('alpha = 0 or K = 0 does not read A or B', () => {
    for (const [transA, transB] of TRANS) {
      for (const beta of [1, -2, 0.5]) {
        check(fn, { transA, transB, M: 10, N: 7, K: 8, alpha: 0, beta, single: false, layoutA: 'col', layoutB: 'mixed', layoutC: 'row', nanAB: true }, 11);
        check(fn, { transA, transB, M: 10, N: 7, K: 0, alpha: 3, beta, single: true, layoutA: 'strided', layoutB: 'row', layoutC: 'col', nanAB: true }, 12);
      }
    }
  });

  test('an infinite element of A spoils only its own row of C', () => {
    let seed = 30;
    for (const [transA, transB] of TRANS) {
      for (const [M, N, K] of [[GEMM_MR + 1, GEMM_NR + 1, 5], [13, 11, 4], [40, 41, 9]]) {
        check(fn, {
          transA, transB, M, N, K, alpha: 1, beta: 0.5, single: seed % 2 === 0, infA: true,
          layoutA: LAYOUTS[seed % 5], layoutB: 'col', layoutC: LAYOUTS[(seed + 3) % 5],
        }, seed++);
      }
    }
  });

  test('empty and single-element products', () => {
    for (const [M, N, K] of [[0, 0, 0], [0, 5, 3], [5, 0, 3], [1, 1, 1], [1, 1, 17], [1, 9, 1], [9, 1, 1]]) {
      check(fn, { transA: 'T', transB: 'N', M, N, K, alpha: -1, beta: 0.5, single: false, layoutA: 'negative', layoutB: 'col', layoutC: 'row' }, M * 100 + N * 10 + K);
    }
  });
});

describe('sizes that cross the default cache blocks and tiles', () => {
  const { mc, kc, nc } = GEMM_BLOCKING;
  const big: [number, number, number][] = [
    [mc + 1, GEMM_NR * 3 + 1, kc + 1],
    [GEMM_MR + 1, nc + GEMM_NR + 1, 3],
    [1, 2 * nc + 3, 5],
    [GEMM_MR * 5 + 3, 67, 2 * kc + 1],
    [mc * 2 + 1, 37, 40],
  ];
  test.each(big)('%i×%i, K = %i', (M, N, K) => {
    let seed = M;
    for (const [transA, transB] of TRANS) {
      for (const single of [false, true]) {
        const layouts = LAYOUTS;
        check((...a) => gemmBlocked(...a, GEMM_BLOCKING), {
          transA, transB, M, N, K, alpha: 0.75, beta: single ? 0 : -1, single,
          layoutA: layouts[seed % 5], layoutB: layouts[(seed + 2) % 5], layoutC: layouts[(seed + 4) % 5],
        }, seed++);
      }
    }
  });

  test('thin products through gemm: 300×3×201 and 2×300×199', () => {
    check(gemm, { transA: 'N', transB: 'T', M: 300, N: 3, K: 201, alpha: 2, beta: 0, single: true, layoutA: 'col', layoutB: 'row', layoutC: 'col', nanC: true }, 5);
    check(gemm, { transA: 'T', transB: 'N', M: 2, N: 300, K: 199, alpha: -1, beta: 0.5, single: false, layoutA: 'mixed', layoutB: 'negative', layoutC: 'row' }, 6);
  });

  test('257×257×257 and 513×33×513 through gemm, both precisions', () => {
    check(gemm, { transA: 'N', transB: 'N', M: 257, N: 257, K: 257, alpha: 1, beta: 0, single: false, layoutA: 'col', layoutB: 'col', layoutC: 'col', nanC: true }, 3);
    check(gemm, { transA: 'T', transB: 'T', M: 513, N: 33, K: 513, alpha: -1, beta: 1, single: true, layoutA: 'row', layoutB: 'negative', layoutC: 'strided' }, 4);
  });
});
