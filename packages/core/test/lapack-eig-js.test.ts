// The TypeScript eigensolvers (syevd, geev) against the conformance suite.
import { describe, expect, it } from 'vitest';
import type { Kernels } from '@polyblas/contract';
import { blasKernels } from '../../backend-js/src/blas/index.js';
import { createLapackContext } from '../../backend-js/src/lapack/context.js';
import { eigKernels } from '../../backend-js/src/lapack/eig-kernels.js';
import { gehrd } from '../../backend-js/src/lapack/gehrd.js';
import { hseqr } from '../../backend-js/src/lapack/hseqr.js';
import { orghr } from '../../backend-js/src/lapack/orghr.js';
import { eigConformance } from '../src/testing/lapack-eig.js';
import { Rng, epsOf } from '../src/testing/util.js';

// Only the eigenvalue kernels (and the BLAS under them) are exercised by this suite.
const kernels = { ...blasKernels, ...eigKernels(createLapackContext('d'), createLapackContext('s')) } as Kernels;
eigConformance({ name: 'js', kernels });

// The real Schur form from hseqr directly: A·Z = Z·T with Z orthogonal and T quasi-triangular,
// for matrices large enough for the multishift QR with early deflation. Entries uniform in
// [0, 1) give one dominant eigenvalue that converges at the top while sweeps continue below it.
describe('js hseqr: real Schur form', () => {
  const oneNorm = (n: number, x: Float64Array): number => {
    let best = 0;
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += Math.abs(x[i + j * n]);
      best = Math.max(best, s);
    }
    return best;
  };
  const product = (n: number, x: ArrayLike<number>, y: ArrayLike<number>, transX = false): Float64Array => {
    const c = new Float64Array(n * n);
    for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) {
      const ykj = y[k + j * n];
      if (ykj === 0) continue;
      for (let i = 0; i < n; i++) c[i + j * n] += (transX ? x[k + i * n] : x[i + k * n]) * ykj;
    }
    return c;
  };
  const cases: [string, number, (rng: Rng) => number][] = [
    ['uniform [0, 1)', 300, (rng) => rng.next()],
    ['uniform [-1, 1)', 300, (rng) => rng.signed()],
  ];
  // Both ways of applying a sweep's reflectors outside its window: one by one, and accumulated
  // into a small orthogonal matrix applied with gemm (what the WebAssembly backend uses).
  for (const accumulateReflectors of [false, true]) for (const precision of ['d', 's'] as const) {
    for (const [name, n, draw] of cases) {
      const how = accumulateReflectors ? ', reflectors accumulated' : '';
      it(`${precision} ${name} ${n}${how}: residual, orthogonality, quasi-triangular T, eigenvalues on its diagonal`, () => {
        const ctx = { ...createLapackContext(precision), accumulateReflectors };
        const make = (len: number) => (precision === 'd' ? new Float64Array(len) : new Float32Array(len));
        const rng = new Rng(precision === 'd' ? 7 : 8);
        const A = make(n * n);
        for (let k = 0; k < n * n; k++) A[k] = draw(rng);
        const a = Float64Array.from(A);
        const H = make(n * n);
        H.set(A);
        const tau = make(n);
        gehrd(ctx, n, 0, n - 1, H, n, 0, tau, 0);
        const Z = make(n * n);
        Z.set(H);
        orghr(ctx, n, 0, n - 1, Z, n, 0, tau, 0);
        const wr = make(n);
        const wi = make(n);
        expect(hseqr(ctx, true, true, n, 0, n - 1, H, n, 0, wr, 0, wi, 0, Z, n, 0), 'info').toBe(0);
        const t = Float64Array.from(H);
        const z = Float64Array.from(Z);
        const eps = epsOf(precision);

        const az = product(n, a, z);
        const zt = product(n, z, t);
        for (let k = 0; k < n * n; k++) az[k] -= zt[k];
        expect(oneNorm(n, az) / (oneNorm(n, a) * n * eps), 'residual').toBeLessThan(30);
        const ztz = product(n, z, z, true);
        for (let i = 0; i < n; i++) ztz[i + i * n] -= 1;
        expect(oneNorm(n, ztz) / (n * eps), 'orthogonality').toBeLessThan(30);

        for (let j = 0; j < n; j++) for (let i = j + 2; i < n; i++) expect(t[i + j * n]).toBe(0);
        for (let j = 0; j < n;) {
          if (j + 1 < n && t[j + 1 + j * n] !== 0) {
            // A standardised 2×2 block: equal diagonal, off-diagonal entries of opposite signs.
            expect(j + 2 >= n || t[j + 2 + (j + 1) * n] === 0, `isolated block at ${j}`).toBe(true);
            expect(t[j + j * n]).toBe(t[j + 1 + (j + 1) * n]);
            expect(t[j + 1 + j * n] * t[j + (j + 1) * n]).toBeLessThan(0);
            expect([wr[j], wr[j + 1]]).toEqual([t[j + j * n], t[j + j * n]]);
            expect(wi[j]).toBeGreaterThan(0);
            expect(wi[j + 1]).toBe(-wi[j]);
            j += 2;
          } else {
            expect([wr[j], wi[j]]).toEqual([t[j + j * n], 0]);
            j++;
          }
        }
      });
    }
  }
});
