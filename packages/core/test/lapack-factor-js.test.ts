// The TypeScript LU, Cholesky and QR against the conformance suite, and the Householder
// auxiliaries they are built from against explicit reflector products.
import { describe, expect, it } from 'vitest';
import type { FloatArray, Kernels } from '@polyblas/contract';
import { blasKernels } from '../../backend-js/src/blas/index.js';
import { createLapackContext, type LapackContext } from '../../backend-js/src/lapack/context.js';
import { factorKernels } from '../../backend-js/src/lapack/factor-kernels.js';
import { larf } from '../../backend-js/src/lapack/larf.js';
import { larfb } from '../../backend-js/src/lapack/larfb.js';
import { larfg } from '../../backend-js/src/lapack/larfg.js';
import { larft } from '../../backend-js/src/lapack/larft.js';
import { trtri } from '../../backend-js/src/lapack/trtri.js';
import { factorizationConformance } from '../src/testing/lapack-factor.js';
import { Rng, epsOf, matrixNorm, naiveMatmul, randomMatrix } from '../src/testing/util.js';

// The other LAPACK routines are not exercised here; the suite only calls the factorisation kernels.
const kernels = { ...blasKernels, ...factorKernels(createLapackContext('d'), createLapackContext('s')) } as Kernels;
factorizationConformance({ name: 'js', kernels });

/** Explicit H = I − τ·v·vᵀ (n×n). */
function reflector(n: number, v: ArrayLike<number>, tau: number): Float64Array {
  const h = new Float64Array(n * n);
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) h[i + j * n] = (i === j ? 1 : 0) - tau * v[i] * v[j];
  return h;
}

function transpose(n: number, a: ArrayLike<number>): Float64Array {
  const t = new Float64Array(n * n);
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) t[j + i * n] = a[i + j * n];
  return t;
}

for (const p of ['d', 's'] as const) {
  const ctx = createLapackContext(p) as LapackContext<FloatArray>;
  const Ctor = p === 'd' ? Float64Array : Float32Array;
  const eps = epsOf(p);

  describe(`Householder auxiliaries (${p})`, () => {
    it('larfg maps [α; x] to [β; 0] with an orthogonal H, |β| = ‖[α; x]‖, also for tiny and huge norms', () => {
      const rng = new Rng(11);
      const cases: [number, number][] = [[1, 1], [2, 1], [5, 1], [17, 1e3], [9, 1e-30], [4, 1e-42]];
      if (p === 'd') cases.push([9, 1e-300], [5, 1e-310], [6, 1e300]);
      for (const [n, scale] of cases) {
        const x = new Ctor(2 * n + 1).fill(99);
        for (let i = 1; i < n; i++) x[1 + 2 * (i - 1)] = scale * rng.signed();
        const alpha = Ctor.of(scale * rng.signed())[0];
        const input = Float64Array.from({ length: n }, (_, i) => (i === 0 ? alpha : x[1 + 2 * (i - 1)]));
        const tau = new Ctor(3);
        const beta = larfg(ctx, n, alpha, x, 2, 1, tau, 2);
        expect(x[0]).toBe(99); // stride 2 from offset 1: nothing else is touched
        if (n === 1) {
          expect(tau[2]).toBe(0);
          expect(beta).toBe(alpha);
          continue;
        }
        const norm = Math.hypot(...input);
        expect(Math.abs(Math.abs(beta) - norm)).toBeLessThanOrEqual(10 * eps * norm);
        expect(Math.sign(beta)).toBe(-Math.sign(alpha));
        expect(tau[2]).toBeGreaterThanOrEqual(1);
        expect(tau[2]).toBeLessThanOrEqual(2);
        const v = Float64Array.from({ length: n }, (_, i) => (i === 0 ? 1 : x[1 + 2 * (i - 1)]));
        const h = reflector(n, v, tau[2]);
        // Checked in units of the norm (an exact power-of-two rescaling), as subnormals have too
        // few bits for a residual.
        const e = -Math.round(Math.log2(norm));
        const inUnits = (t: number) => t * 2 ** (e >> 1) * 2 ** (e - (e >> 1)); // 2^e may overflow alone
        const hx = naiveMatmul('N', 'N', n, 1, n, h, n, input.map(inUnits), n);
        hx[0] -= inUnits(beta);
        expect(matrixNorm('M', n, 1, hx) / (n * eps), `n = ${n}, scale = ${scale}`).toBeLessThan(30);
        const hth = naiveMatmul('T', 'N', n, n, n, h, n, h, n);
        for (let i = 0; i < n; i++) hth[i + i * n] -= 1;
        expect(matrixNorm('1', n, n, hth) / (n * eps)).toBeLessThan(30);
      }
    });

    it('larfg with x = 0 gives H = I and β = α', () => {
      const x = new Ctor(3);
      const tau = Ctor.of(7);
      expect(larfg(ctx, 4, -2.5, x, 1, 0, tau, 0)).toBe(-2.5);
      expect(tau[0]).toBe(0);
      expect(Array.from(x)).toEqual([0, 0, 0]);
    });

    it('larf applies H from either side, with trailing zeros in v and a zero column in C', () => {
      const rng = new Rng(12);
      for (const side of ['L', 'R'] as const) {
        for (const [m, n, zerosV] of [[5, 3, 0], [6, 4, 2], [1, 3, 0], [4, 1, 1]] as const) {
          const len = side === 'L' ? m : n;
          const ldc = m + 2;
          const offC = 3;
          const c = new Ctor(offC + ldc * n).fill(99);
          const cd = new Float64Array(m * n);
          for (let j = 0; j < n; j++) {
            for (let i = 0; i < m; i++) {
              c[offC + i + j * ldc] = j === n - 1 && n > 1 ? 0 : rng.signed();
              cd[i + j * m] = c[offC + i + j * ldc];
            }
          }
          const v = new Ctor(2 * len);
          for (let i = 0; i < len - zerosV; i++) v[2 * i] = rng.signed();
          const vd = Float64Array.from({ length: len }, (_, i) => v[2 * i]);
          const h = reflector(len, vd, 1.3);
          const expected = side === 'L' ? naiveMatmul('N', 'N', m, n, m, h, m, cd, m) : naiveMatmul('N', 'N', m, n, n, cd, m, h, n);
          larf(ctx, side, m, n, v, 2, 0, 1.3, c, ldc, offC, ctx.work(side === 'L' ? n : m).data, 0);
          const got = new Float64Array(m * n);
          for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) got[i + j * m] = c[offC + i + j * ldc] - expected[i + j * m];
          expect(matrixNorm('M', m, n, got) / (matrixNorm('M', m, n, cd) * len * eps)).toBeLessThan(30);
          for (let j = 0; j < n; j++) for (let i = m; i < ldc && offC + i + j * ldc < c.length; i++) expect(c[offC + i + j * ldc]).toBe(99);
        }
      }
    });

    it('larft + larfb equal the product of the single reflectors (both sides, transposes and storages)', () => {
      const rng = new Rng(13);
      for (const storev of ['C', 'R'] as const) {
        for (const [len, k] of [[7, 3], [4, 4], [9, 1], [12, 5], [40, 33]] as const) {
          const ldv = storev === 'C' ? len + 1 : k + 2;
          const offV = 2;
          const V = new Ctor(offV + ldv * (storev === 'C' ? k : len));
          const tau = new Ctor(k);
          const vectors: Float64Array[] = [];
          for (let j = 0; j < k; j++) {
            const vj = new Float64Array(len);
            vj[j] = 1;
            for (let r = j + 1; r < len; r++) vj[r] = Ctor.of(rng.signed())[0];
            vectors.push(vj);
            for (let r = 0; r < len; r++) {
              // Garbage where the unit and the zeros are implicit: it must not be read.
              V[storev === 'C' ? offV + r + j * ldv : offV + j + r * ldv] = r < j ? 99 : r === j ? -7 : vj[r];
            }
            tau[j] = j === 1 && k > 2 ? 0 : 2 / vj.reduce((s, t) => s + t * t, 0); // one H(j) = I
          }
          let H: Float64Array = new Float64Array(len * len);
          for (let i = 0; i < len; i++) H[i + i * len] = 1;
          for (let j = 0; j < k; j++) H = naiveMatmul('N', 'N', len, len, len, H, len, reflector(len, vectors[j], tau[j]), len);
          const ldt = k + 1;
          const T = new Ctor(1 + ldt * k);
          larft(ctx, storev, len, k, V, ldv, offV, tau, 0, T, ldt, 1);
          for (const side of ['L', 'R'] as const) {
            for (const trans of ['N', 'T'] as const) {
              const m = side === 'L' ? len : 3;
              const n = side === 'L' ? 3 : len;
              const ldc = m + 1;
              const c = new Ctor(1 + ldc * n);
              const cd = new Float64Array(m * n);
              for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) cd[i + j * m] = c[1 + i + j * ldc] = rng.signed();
              const op = trans === 'N' ? H : transpose(len, H);
              const expected = side === 'L' ? naiveMatmul('N', 'N', m, n, m, op, m, cd, m) : naiveMatmul('N', 'N', m, n, n, cd, m, op, n);
              const ldw = (side === 'L' ? n : m) + 1;
              const w = ctx.work(ldw * k + 2);
              larfb(ctx, side, trans, storev, m, n, k, V, ldv, offV, T, ldt, 1, c, ldc, 1, w.data, ldw, w.offset + 2);
              const diff = new Float64Array(m * n);
              for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) diff[i + j * m] = c[1 + i + j * ldc] - expected[i + j * m];
              expect(matrixNorm('M', m, n, diff) / (matrixNorm('M', m, n, cd) * len * k * eps), `${storev}${side}${trans} ${len}x${k}`)
                .toBeLessThan(30);
            }
          }
        }
      }
    });
  });
}

for (const p of ['d', 's'] as const) {
  const ctx = createLapackContext(p) as LapackContext<FloatArray>;
  describe(`trtri (${p})`, () => {
    it('inverts upper and lower, unit and non-unit triangles in place, leaving the other triangle alone', () => {
      const rng = new Rng(14);
      for (const uplo of ['U', 'L'] as const) {
        for (const diag of ['N', 'U'] as const) {
          for (const n of [1, 2, 7, 63, 64, 65, 150]) {
            const lda = n + 3;
            const offset = 2;
            const a = randomMatrix(p, offset + lda * n, 1, rng);
            // A well-conditioned triangle: a dominant diagonal and small entries off it.
            const t = new Float64Array(n * n);
            for (let j = 0; j < n; j++) {
              for (let i = 0; i < n; i++) {
                const at = offset + i + j * lda;
                const inside = uplo === 'U' ? i < j : i > j;
                if (i === j) a[at] = diag === 'U' ? 99 : 2 + a[at];
                else if (inside) a[at] = a[at] / n;
                if (i === j) t[i + j * n] = diag === 'U' ? 1 : a[at];
                else if (inside) t[i + j * n] = a[at];
              }
            }
            const before = Float64Array.from(a);
            expect(trtri(ctx, uplo, diag, n, a, lda, offset)).toBe(0);
            const inv = new Float64Array(n * n);
            for (let j = 0; j < n; j++) {
              for (let i = 0; i < n; i++) {
                const at = offset + i + j * lda;
                const inside = uplo === 'U' ? i < j : i > j;
                if (i === j && diag === 'N') inv[i + j * n] = a[at];
                else if (i === j) inv[i + j * n] = 1;
                else if (inside) inv[i + j * n] = a[at];
                if (!inside && !(i === j && diag === 'N')) expect(a[at]).toBe(before[at]);
              }
            }
            const r = naiveMatmul('N', 'N', n, n, n, t, n, inv, n);
            for (let i = 0; i < n; i++) r[i + i * n] -= 1;
            const den = matrixNorm('1', n, n, t) * matrixNorm('1', n, n, inv) * n * epsOf(p);
            expect(matrixNorm('1', n, n, r) / den, `${uplo}${diag} n = ${n}`).toBeLessThan(30);
          }
        }
      }
    });

    it('reports the first zero on the diagonal and leaves A unchanged', () => {
      const a = new (p === 'd' ? Float64Array : Float32Array)([2, 0, 0, 1, 0, 0, 1, 1, 0]); // upper, A(1,1) = A(2,2) = 0
      const before = Array.from(a);
      expect(trtri(ctx, 'U', 'N', 3, a, 3, 0)).toBe(2);
      expect(Array.from(a)).toEqual(before);
    });
  });
}
