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
    const table: Record<string, number[]> = {
      // n:         2  4  8 16 32 64 128 256
      js:       [1, 1, 1, 5, 5, 5, 9, 9],
      wasm:     [2, 2, 2, 1, 1, 1, 3, 3],
      openblas: [4, 4, 4, 3, 3, 3, 1, 1],
    };
    const timings = Object.entries(table).flatMap(([backend, row]) => row.map((seconds, i) => ({ backend, op: 'gemm', n: SIZES[i], seconds })));
    expect(deriveRules(timings, 'openblas')).toEqual([
      { routines: ['gemm'], maxSize: 8, backend: 'js' },
      { routines: ['gemm'], maxSize: 64, backend: 'wasm' },
    ]);
    // A default band below a routed one needs its own rule, since the first matching rule wins.
    table.openblas = [0.5, 0.5, 0.5, 3, 3, 3, 1, 1];
    const again = Object.entries(table).flatMap(([backend, row]) => row.map((seconds, i) => ({ backend, op: 'gemm', n: SIZES[i], seconds })));
    expect(deriveRules(again, 'openblas')).toEqual([
      { routines: ['gemm'], maxSize: 8, backend: 'openblas' },
      { routines: ['gemm'], maxSize: 64, backend: 'wasm' },
    ]);
  });

  it('is not moved by a lone small win, but is by a band of them or one large win', () => {
    const flat = () => synthetic({ openblas: { overhead: 1e-6, perFlop: 1e-10 }, js: { overhead: 1e-6, perFlop: 1e-10 } }, ['svd']);
    const js = (timings: CalibrationTiming[], n: number) => timings.find((t) => t.backend === 'js' && t.n === n)!;
    let timings = flat();
    js(timings, 32).seconds /= 1.25;
    js(timings, 2).seconds /= 1.25;
    expect(deriveRules(timings, 'openblas')).toEqual([]);
    timings = flat();
    for (const n of [2, 4, 8, 16]) js(timings, n).seconds /= 1.2;
    expect(deriveRules(timings, 'openblas')).toEqual([{ routines: ['gesdd'], maxSize: 16, backend: 'js' }]);
    timings = flat();
    js(timings, 2).seconds /= 3;
    expect(deriveRules(timings, 'openblas')).toEqual([{ routines: ['gesdd'], maxSize: 2, backend: 'js' }]);
  });

  it('derives nothing when the default wins everywhere, and skips missing or non-finite timings', () => {
    const timings = synthetic({ openblas: { overhead: 1e-7, perFlop: 1e-11 }, js: { overhead: 1e-6, perFlop: 1e-9 } }, ['gemm', 'inv', 'solve', 'svd']);
    expect(deriveRules(timings, 'openblas')).toEqual([]);
    expect(deriveRules([...timings, { backend: 'js', op: 'gemm', n: 2, seconds: NaN }], 'openblas')).toEqual([]);
    // inv/solve needs both operations: a backend with only one of them is not a candidate.
    const partial = [...timings, { backend: 'wasm', op: 'inv', n: 2, seconds: 1e-12 }];
    expect(deriveRules(partial, 'openblas')).toEqual([]);
  });
});
