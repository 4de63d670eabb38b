import { describe, expect, test } from 'vitest';
import { Generator, defaultRng, random, standardNormal, uniform, type NDArray } from '../src/ndarray/index.js';

const N = 100_000;

function values(a: NDArray): number[] {
  return Array.from(a.data);
}

function moments(xs: readonly number[]): { mean: number; variance: number; skew: number; kurtosis: number } {
  const n = xs.length;
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (const x of xs) {
    const d = x - mean;
    m2 += d * d;
    m3 += d * d * d;
    m4 += d * d * d * d;
  }
  m2 /= n;
  m3 /= n;
  m4 /= n;
  return { mean, variance: m2, skew: m3 / m2 ** 1.5, kurtosis: m4 / (m2 * m2) };
}

describe('PCG32 core', () => {
  test('reproduces the reference sequence of pcg32_srandom_r(42, 54) from the PCG distribution', () => {
    // The generator's internal state is set up exactly as the reference C code does.
    const g = new Generator(0) as unknown as {
      stateHi: number; stateLo: number; incHi: number; incLo: number; step(): void; nextUint32(): number;
    };
    g.incHi = 0;
    g.incLo = (54 << 1) | 1;
    g.stateHi = 0;
    g.stateLo = 0;
    g.step();
    g.stateLo += 42;
    g.step();
    const out = Array.from({ length: 6 }, () => g.nextUint32());
    expect(out).toEqual([0xa15c02b7, 0x7b47f409, 0xba1d3330, 0x83d2f293, 0xbfa4784b, 0xcbed606e]);
  });

  test('doubles are built from two 32-bit outputs with 53 bits', () => {
    const a = new Generator(99);
    const b = new Generator(99);
    for (let i = 0; i < 100; i++) {
      const hi = a.nextUint32() >>> 5;
      const lo = a.nextUint32() >>> 6;
      expect(b.nextDouble()).toBe((hi * 2 ** 26 + lo) / 2 ** 53);
    }
  });

  test('outputs are unsigned 32-bit integers that use all the bits', () => {
    const g = new Generator(5);
    let or = 0;
    let and = 0xffffffff;
    for (let i = 0; i < 1000; i++) {
      const u = g.nextUint32();
      expect(Number.isInteger(u) && u >= 0 && u < 2 ** 32).toBe(true);
      or = (or | u) >>> 0;
      and = (and & u) >>> 0;
    }
    expect(or).toBe(0xffffffff);
    expect(and).toBe(0);
  });
});

describe('reproducibility', () => {
  test('the same seed gives the same numbers; calls continue one sequence', () => {
    expect(values(new Generator(42).random([3, 4]))).toEqual(values(new Generator(42).random([3, 4])));
    expect(values(defaultRng(7).uniform(-1, 1, 50))).toEqual(values(uniform(-1, 1, 50, { seed: 7 })));
    expect(values(random(20, { seed: 3 }))).toEqual(values(new Generator(3).random(20)));
    expect(values(standardNormal(21, { seed: 3 }))).toEqual(values(new Generator(3).standardNormal(21)));
    const g = new Generator(11);
    const parts = [...values(g.random(3)), ...values(g.random(4))];
    expect(parts).toEqual(values(new Generator(11).random(7)));
    // Normal deviates come in pairs; an odd split still continues the same stream.
    const h = new Generator(12);
    const normals = [...values(h.standardNormal(3)), ...values(h.standardNormal(5))];
    expect(normals).toEqual(values(new Generator(12).standardNormal(8)));
  });

  test('different seeds give different streams, also for neighbouring and large seeds', () => {
    const seeds = [0, 1, 2, 3, 42, 43, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1, 2 ** 53 - 1];
    const streams = seeds.map((s) => values(new Generator(s).random(8)));
    for (let i = 0; i < seeds.length; i++) {
      for (let j = i + 1; j < seeds.length; j++) {
        // Not equal, and not one stream shifted by a step or two.
        expect(streams[i]).not.toEqual(streams[j]);
        expect(streams[i]!.slice(1)).not.toEqual(streams[j]!.slice(0, 7));
        expect(streams[i]!.slice(2)).not.toEqual(streams[j]!.slice(0, 6));
      }
    }
  });

  test('neighbouring seeds are uncorrelated', () => {
    const x = values(new Generator(1000).random(N));
    const y = values(new Generator(1001).random(N));
    const mx = moments(x);
    const my = moments(y);
    let cov = 0;
    for (let i = 0; i < N; i++) cov += (x[i]! - mx.mean) * (y[i]! - my.mean);
    const corr = cov / N / Math.sqrt(mx.variance * my.variance);
    expect(Math.abs(corr)).toBeLessThan(0.015); // sd of corr is 1/sqrt(N) = 0.0032
  });

  test('unseeded generators differ', () => {
    expect(values(new Generator().random(4))).not.toEqual(values(new Generator().random(4)));
    expect(values(random(4))).not.toEqual(values(random(4)));
  });
});

describe('distributions (1e5 samples, loose bounds)', () => {
  test('random: uniform on [0, 1)', () => {
    const xs = values(new Generator(2024).random(N));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const m = moments(xs);
    expect(Math.abs(m.mean - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(m.variance - 1 / 12)).toBeLessThan(0.002);
    // Chi-square over 20 equal bins: 19 degrees of freedom, 99.99% quantile is about 50.
    const bins = new Array<number>(20).fill(0);
    for (const x of xs) bins[Math.floor(x * 20)]!++;
    const expected = N / 20;
    const chi2 = bins.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(50);
    // Successive pairs: no serial correlation.
    let lag = 0;
    for (let i = 1; i < N; i++) lag += (xs[i]! - 0.5) * (xs[i - 1]! - 0.5);
    expect(Math.abs(lag / (N - 1) / (1 / 12))).toBeLessThan(0.015);
  });

  test('uniform(low, high) scales and shifts', () => {
    const xs = values(uniform(-3, 5, N, { seed: 8 }));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(-3);
    expect(Math.max(...xs)).toBeLessThan(5);
    const m = moments(xs);
    expect(Math.abs(m.mean - 1)).toBeLessThan(0.04);
    expect(Math.abs(m.variance - 64 / 12)).toBeLessThan(0.1);
  });

  test('standardNormal: mean 0, variance 1, symmetric, normal tails', () => {
    const zs = values(new Generator(77).standardNormal(N));
    const m = moments(zs);
    expect(Math.abs(m.mean)).toBeLessThan(0.02);
    expect(Math.abs(m.variance - 1)).toBeLessThan(0.03);
    expect(Math.abs(m.skew)).toBeLessThan(0.05);
    expect(Math.abs(m.kurtosis - 3)).toBeLessThan(0.1);
    const within = (k: number): number => zs.filter((z) => Math.abs(z) < k).length / N;
    expect(Math.abs(within(1) - 0.682689)).toBeLessThan(0.01);
    expect(Math.abs(within(2) - 0.954500)).toBeLessThan(0.005);
    expect(Math.abs(within(3) - 0.997300)).toBeLessThan(0.001);
  });

  test('normal(loc, scale)', () => {
    const xs = values(new Generator(5).normal(10, 2, N));
    const m = moments(xs);
    expect(Math.abs(m.mean - 10)).toBeLessThan(0.04);
    expect(Math.abs(Math.sqrt(m.variance) - 2)).toBeLessThan(0.04);
  });

  test('float32 samples stay in [0, 1) and are multiples of 2^-24', () => {
    const a = new Generator(1).random(N, { dtype: 'float32' });
    expect(a.dtype).toBe('float32');
    for (const x of a.data) {
      expect(x >= 0 && x < 1).toBe(true);
      expect(Number.isInteger(x * 2 ** 24)).toBe(true);
    }
    expect(Math.abs(moments(Array.from(a.data)).mean - 0.5)).toBeLessThan(0.005);
    expect(standardNormal([2, 2], { seed: 1, dtype: 'float32' }).data).toBeInstanceOf(Float32Array);
  });
});

describe('shapes and errors', () => {
  test('shapes', () => {
    expect(random([2, 3], { seed: 1 }).shape).toEqual([2, 3]);
    expect(random(0, { seed: 1 }).size).toBe(0);
    expect(random([], { seed: 1 }).ndim).toBe(0);
  });

  test('errors name the argument', () => {
    expect(() => new Generator(-1)).toThrow(RangeError);
    expect(() => new Generator(-1)).toThrow(/^seed: /);
    expect(() => new Generator(1.5)).toThrow(/^seed: /);
    expect(() => new Generator(2 ** 53)).toThrow(/^seed: /);
    expect(() => new Generator('1' as unknown as number)).toThrow(TypeError);
    expect(() => random(2, { seed: -3 })).toThrow(/^options\.seed: /);
    expect(() => random(-2)).toThrow(/^shape: /);
    expect(() => random(2, { dtype: 'int32' as 'float32' })).toThrow(/^options\.dtype: /);
    expect(() => uniform(NaN, 1, 2)).toThrow(/^low: /);
    expect(() => uniform(0, Infinity, 2)).toThrow(/^high: /);
    expect(() => new Generator(1).normal(0, -1, 2)).toThrow(/^scale: /);
  });
});
