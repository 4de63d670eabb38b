// The TypeScript singular value kernels against the conformance suite, and the auxiliaries they
// are built from (plane rotations, 2×2 SVD, bidiagonal QR) against their defining identities.
import { describe, expect, it } from 'vitest';
import type { Kernels } from '@polyblas/contract';
import { blasKernels } from '../../backend-js/src/blas/index.js';
import { bdsqr } from '../../backend-js/src/lapack/bdsqr.js';
import { createLapackContext } from '../../backend-js/src/lapack/context.js';
import { las2 } from '../../backend-js/src/lapack/las2.js';
import { givens, lartg } from '../../backend-js/src/lapack/lartg.js';
import { lasv2 } from '../../backend-js/src/lapack/lasv2.js';
import { svdKernels } from '../../backend-js/src/lapack/svd-kernels.js';
import { svdConformance } from '../src/testing/lapack-svd.js';
import { Rng } from '../src/testing/util.js';

// The suite only calls gesdd and gelsd; the other LAPACK kernels are not needed here.
const kernels = { ...blasKernels, ...svdKernels(createLapackContext('d'), createLapackContext('s')) } as Kernels;
svdConformance({ name: 'js', kernels });

const EPS = 2 ** -52;

/** A value with a random sign and a magnitude 10^[-e, e], or zero one time in six. */
function wide(rng: Rng, e: number): number {
  if (rng.int(0, 5) === 0) return 0;
  return (rng.next() < 0.5 ? -1 : 1) * (0.5 + rng.next()) * 10 ** rng.int(-e, e);
}

describe('plane rotations and 2×2 SVD', () => {
  it('lartg: c·f + s·g = r, −s·f + c·g = 0, c ≥ 0, r has the sign of f, for magnitudes 1e-300 .. 1e300', () => {
    const rng = new Rng(41);
    const rot = givens();
    for (let t = 0; t < 5000; t++) {
      const f = wide(rng, 300);
      const g = wide(rng, 300);
      lartg(f, g, rot);
      const scale = Math.max(Math.abs(f), Math.abs(g));
      if (scale === 0) {
        expect([rot.c, rot.s, rot.r]).toEqual([1, 0, 0]);
        continue;
      }
      // Checked in units of the larger input, as the products may underflow.
      const fu = f / scale;
      const gu = g / scale;
      expect(Math.abs(rot.c * fu + rot.s * gu - rot.r / scale)).toBeLessThan(4 * EPS);
      expect(Math.abs(-rot.s * fu + rot.c * gu)).toBeLessThan(4 * EPS);
      expect(Math.abs(rot.c * rot.c + rot.s * rot.s - 1)).toBeLessThan(4 * EPS);
      expect(rot.c).toBeGreaterThanOrEqual(0);
      if (f !== 0) expect(Math.sign(rot.r)).toBe(Math.sign(f));
      else expect(rot.r).toBe(Math.abs(g));
    }
  });

  it('lasv2 diagonalises [f g; 0 h] and las2 agrees; σmax·σmin = |f·h| to a few ulps', () => {
    const rng = new Rng(42);
    const r = { ssmin: 0, ssmax: 0, csl: 1, snl: 0, csr: 1, snr: 0 };
    const p = { ssmin: 0, ssmax: 0 };
    for (let t = 0; t < 5000; t++) {
      const f = wide(rng, 20);
      const g = wide(rng, 20);
      const h = wide(rng, 20);
      lasv2(f, g, h, r);
      const scale = Math.max(Math.abs(f), Math.abs(g), Math.abs(h)) || 1;
      const [fu, gu, hu] = [f / scale, g / scale, h / scale];
      // [csl snl; −snl csl]·[f g; 0 h]·[csr −snr; snr csr] = diag(ssmax, ssmin).
      const a11 = r.csl * fu;
      const a12 = r.csl * gu + r.snl * hu;
      const a21 = -r.snl * fu;
      const a22 = -r.snl * gu + r.csl * hu;
      const off1 = -a11 * r.snr + a12 * r.csr;
      const off2 = a21 * r.csr + a22 * r.snr;
      expect(Math.abs(a11 * r.csr + a12 * r.snr - r.ssmax / scale)).toBeLessThan(8 * EPS);
      expect(Math.abs(off1)).toBeLessThan(8 * EPS);
      expect(Math.abs(off2)).toBeLessThan(8 * EPS);
      expect(Math.abs(-a21 * r.snr + a22 * r.csr - r.ssmin / scale)).toBeLessThan(8 * EPS);
      expect(Math.abs(r.ssmax)).toBeGreaterThanOrEqual(Math.abs(r.ssmin));
      las2(f, g, h, p);
      const rel = (x: number, y: number) => (x === y ? 0 : Math.abs(x - y) / Math.max(Math.abs(x), Math.abs(y)));
      expect(rel(p.ssmax, Math.abs(r.ssmax))).toBeLessThan(8 * EPS);
      expect(rel(p.ssmin, Math.abs(r.ssmin))).toBeLessThan(8 * EPS);
      if (f !== 0 && h !== 0) expect(rel(p.ssmin * p.ssmax, Math.abs(f * h))).toBeLessThan(8 * EPS);
    }
  });
});

describe('bdsqr', () => {
  /** B = Q·Σ·Pᵀ from bdsqr with identity starts; returns the scaled residual and orthogonality. */
  function decompose(d0: Float64Array, e0: Float64Array): { values: Float64Array; residual: number; orth: number; info: number } {
    const n = d0.length;
    const d = d0.slice();
    const e = e0.slice();
    const VT = new Float64Array(n * n);
    const UT = new Float64Array(n * n);
    for (let i = 0; i < n; i++) VT[i + i * n] = UT[i + i * n] = 1;
    const info = bdsqr('d', n, d, e, VT, n, 0, n, UT, n, 0, n);
    let err = 0;
    let orth = 0;
    let norm = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let b = 0;
        let qq = 0;
        let pp = 0;
        for (let k = 0; k < n; k++) {
          b += UT[k + i * n] * d[k] * VT[k + j * n];
          qq += UT[i + k * n] * UT[j + k * n];
          pp += VT[i + k * n] * VT[j + k * n];
        }
        const exact = i === j ? d0[i] : j === i + 1 ? e0[i] : 0;
        norm = Math.max(norm, Math.abs(exact));
        err = Math.max(err, Math.abs(b - exact));
        orth = Math.max(orth, Math.abs(qq - (i === j ? 1 : 0)), Math.abs(pp - (i === j ? 1 : 0)));
      }
    }
    return { values: d, residual: err / ((norm || 1) * n * EPS), orth: orth / (n * EPS), info };
  }

  it('vectors: B = Q·Σ·Pᵀ with orthogonal Q and P; values descending, equal to the values-only run', () => {
    const rng = new Rng(43);
    for (const n of [1, 2, 3, 7, 31, 32, 60]) {
      const d0 = Float64Array.from({ length: n }, () => rng.signed());
      const e0 = Float64Array.from({ length: Math.max(0, n - 1) }, () => rng.signed());
      const r = decompose(d0, e0);
      expect(r.info).toBe(0);
      expect(r.residual, `n = ${n}`).toBeLessThan(30);
      expect(r.orth, `n = ${n}`).toBeLessThan(30);
      const alone = d0.slice();
      const none = new Float64Array(0);
      expect(bdsqr('d', n, alone, e0.slice(), none, 1, 0, 0, none, 1, 0, 0)).toBe(0);
      for (let i = 0; i < n; i++) {
        if (i > 0) expect(r.values[i]).toBeLessThanOrEqual(r.values[i - 1]);
        expect(Math.abs(alone[i] - r.values[i])).toBeLessThan(30 * n * EPS * r.values[0]);
      }
    }
  });

  it('high relative accuracy: the product of the values equals |det B| = Π|dᵢ| even when they span 1e-280 .. 1', () => {
    const rng = new Rng(44);
    for (const n of [10, 40, 80]) {
      // Strongly graded diagonal and off-diagonal: tiny values only a relative method gets right.
      const d0 = Float64Array.from({ length: n }, (_, i) => (0.5 + rng.next()) * 10 ** ((-280 * i) / (n - 1)));
      const e0 = Float64Array.from({ length: n - 1 }, (_, i) => (0.5 + rng.next()) * 10 ** ((-280 * (i + 0.5)) / (n - 1)));
      const values = d0.slice();
      const none = new Float64Array(0);
      expect(bdsqr('d', n, values, e0.slice(), none, 1, 0, 0, none, 1, 0, 0)).toBe(0);
      let logProduct = 0;
      let logDet = 0;
      for (let i = 0; i < n; i++) {
        logProduct += Math.log(values[i]);
        logDet += Math.log(Math.abs(d0[i]));
      }
      // Each value carries a relative error of a few n·eps; the log of the product adds them up.
      expect(Math.abs(logProduct - logDet), `n = ${n}`).toBeLessThan(30 * n * n * EPS);
      const r = decompose(d0, e0);
      expect(r.residual).toBeLessThan(30);
      expect(r.orth).toBeLessThan(30);
    }
  });

  it('zeros on the diagonal or off it split or deflate without loss', () => {
    const rng = new Rng(45);
    const n = 25;
    const d0 = Float64Array.from({ length: n }, (_, i) => (i % 6 === 2 ? 0 : rng.signed()));
    const e0 = Float64Array.from({ length: n - 1 }, (_, i) => (i % 7 === 4 ? 0 : rng.signed()));
    const r = decompose(d0, e0);
    expect(r.info).toBe(0);
    expect(r.residual).toBeLessThan(30);
    expect(r.orth).toBeLessThan(30);
    expect(r.values[n - 1]).toBe(0);
  });

  it('single precision vectors are rotated in double and written back', () => {
    const rng = new Rng(46);
    const n = 40;
    const d0 = Float64Array.from({ length: n }, () => rng.signed());
    const e0 = Float64Array.from({ length: n - 1 }, () => rng.signed());
    const VT = new Float32Array(n * n + 3).fill(7);
    for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) VT[3 + i + j * n] = i === j ? 1 : 0;
    const d = d0.slice();
    expect(bdsqr('s', n, d, e0.slice(), VT, n, 3, n, new Float32Array(0), 1, 0, 0)).toBe(0);
    expect(Array.from(VT.subarray(0, 3))).toEqual([7, 7, 7]);
    let orth = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let p = 0;
        for (let k = 0; k < n; k++) p += VT[3 + i + k * n] * VT[3 + j + k * n];
        orth = Math.max(orth, Math.abs(p - (i === j ? 1 : 0)));
      }
    }
    expect(orth / (n * 2 ** -23)).toBeLessThan(30);
  });
});
