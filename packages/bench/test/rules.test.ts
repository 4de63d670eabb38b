import { describe, expect, it } from 'vitest';
import { deriveRules, winners, type CalibrationTiming } from '../src/rules.js';

const SIZES = [2, 4, 8, 16, 32, 64, 128, 256];

/** Synthetic timings: a fixed cost per call plus a cubic term, per backend and operation. */
function synthetic(model: Record<string, { overhead: number; perFlop: number }>, ops: string[]): CalibrationTiming[] {
  return Object.entries(model).flatMap(([backend, { overhead, perFlop }]) =>
    ops.flatMap((op) => SIZES.map((n) => ({ backend, op, n, seconds: overhead + perFlop * n ** 3 }))));
}

describe('winners', () => {
  it('compares the geometric mean over a group and keeps the default within the margin', () => {
    const timings: CalibrationTiming[] = [
      { backend: 'openblas', op: 'inv', n: 10, seconds: 4 }, { backend: 'openblas', op: 'solve', n: 10, seconds: 1 },
      { backend: 'js', op: 'inv', n: 10, seconds: 1 }, { backend: 'js', op: 'solve', n: 10, seconds: 1 },
      { backend: 'openblas', op: 'gemm', n: 10, seconds: 1 }, { backend: 'js', op: 'gemm', n: 10, seconds: 0.95 },
    ];
    const w = winners(timings, 'openblas');
    expect(w.find((x) => x.group === 'inv/solve')).toMatchObject({ n: 10, winner: 'js' });
    expect(w.find((x) => x.group === 'inv/solve')!.seconds.openblas).toBeCloseTo(2, 12);
    // 5% faster is within the 10% margin: not worth routing.
    expect(w.find((x) => x.group === 'gemm')).toMatchObject({ winner: 'openblas' });
    expect(winners(timings, 'openblas', 0).find((x) => x.group === 'gemm')).toMatchObject({ winner: 'js' });
  });
});

describe('deriveRules', () => {
  it('routes small sizes to a backend with less overhead, up to the crossover', () => {
    // js: 1 µs overhead, slow arithmetic; openblas: 4 µs overhead, fast arithmetic. Crossover where
    // 1e-6 + 1e-9 n³ = 4e-6 + 1e-10 n³, n³ = 3333, n ≈ 15.
    const timings = synthetic({ js: { overhead: 1e-6, perFlop: 1e-9 }, openblas: { overhead: 4e-6, perFlop: 1e-10 } }, ['inv', 'solve']);
    expect(deriveRules(timings, 'openblas')).toEqual([{ routines: ['getrf', 'getri', 'getrs'], maxSize: 8, backend: 'js' }]);
  });

  it('routes a middle band to a third backend, naming the default for the sizes below it', () => {
    const timings = synthetic({
      openblas: { overhead: 1e-6, perFlop: 1e-10 },
      wasm: { overhead: 0.2e-6, perFlop: 3e-10 },
      js: { overhead: 0.1e-6, perFlop: 2e-9 },
    }, ['gemm']);
    const w = winners(timings, 'openblas').map((x) => x.winner);
    expect(w[0]).toBe('js');
    const rules = deriveRules(timings, 'openblas');
    expect(rules.every((r) => r.routines.join() === 'gemm')).toBe(true);
    // Rules are ordered by size and the first match wins: reconstruct the winner of each size.
    const routed = (n: number) => rules.find((r) => n <= r.maxSize)?.backend ?? 'openblas';
    for (const [i, n] of SIZES.entries()) expect(routed(n)).toBe(w[i]);
    expect(rules.map((r) => r.maxSize)).toEqual([...rules.map((r) => r.maxSize)].sort((a, b) => a - b));
  });

  it('ignores a lone size won by another backend between two sizes the same backend wins', () => {
    const timings = synthetic({ openblas: { overhead: 1e-6, perFlop: 1e-10 }, js: { overhead: 2e-6, perFlop: 1e-10 } }, ['svd']);
    timings.find((t) => t.backend === 'js' && t.n === 32)!.seconds = 1e-9;
    expect(deriveRules(timings, 'openblas')).toEqual([]);
    // At the smallest size a single win is still a run of its own.
    timings.find((t) => t.backend === 'js' && t.n === 2)!.seconds = 1e-9;
    expect(deriveRules(timings, 'openblas')).toEqual([{ routines: ['gesdd'], maxSize: 2, backend: 'js' }]);
  });

  it('derives nothing when the default wins everywhere, and skips missing or non-finite timings', () => {
    const timings = synthetic({ openblas: { overhead: 1e-7, perFlop: 1e-11 }, js: { overhead: 1e-6, perFlop: 1e-9 } }, ['gemm', 'inv', 'solve', 'svd']);
    expect(deriveRules(timings, 'openblas')).toEqual([]);
    expect(deriveRules([...timings, { backend: 'js', op: 'gemm', n: 2, seconds: NaN }], 'openblas')).toEqual([]);
  });
});
