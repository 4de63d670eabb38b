import { describe, expect, it } from 'vitest';
import { formatValue, plannedRepeats, spreadPercent, summarize, timeIt, toFigure } from '../src/stats.js';
import type { Timing } from '../src/workloads.js';

const timing = (partial: Partial<Timing>): Timing => ({ warmup: 0, repeats: 5, minRepeats: 3, minSeconds: 0, budgetSeconds: Infinity, ...partial });

describe('summarize', () => {
  it('gives the median (mean of the middle two for an even count), min, max and count', () => {
    expect(summarize([5, 1, 3])).toEqual({ median: 3, min: 1, max: 5, repeats: 3 });
    expect(summarize([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4, repeats: 4 });
    expect(summarize([7])).toEqual({ median: 7, min: 7, max: 7, repeats: 1 });
    expect(() => summarize([])).toThrow(RangeError);
  });
});

describe('toFigure', () => {
  it('scales times and inverts rates, so the slowest batch becomes the lowest rate', () => {
    const s = { median: 2, min: 1, max: 4, repeats: 3 };
    expect(toFigure(s, { kind: 'time', factor: 1e3 })).toMatchObject({ median: 2000, min: 1000, max: 4000, repeats: 3 });
    expect(toFigure(s, { kind: 'rate', work: 8 })).toMatchObject({ median: 4, min: 2, max: 8, repeats: 3 });
  });
});

describe('plannedRepeats', () => {
  it('keeps the repeats within the budget but never below the minimum', () => {
    expect(plannedRepeats(timing({ budgetSeconds: 10 }), 1)).toBe(5);
    expect(plannedRepeats(timing({ budgetSeconds: 4 }), 1)).toBe(4);
    expect(plannedRepeats(timing({ budgetSeconds: 4 }), 3)).toBe(3);
    expect(plannedRepeats(timing({ budgetSeconds: 4, minRepeats: 9 }), 3)).toBe(5);
    expect(plannedRepeats(timing({}), 100)).toBe(5);
    // JSON turns Infinity into null: no budget.
    expect(plannedRepeats(timing({ budgetSeconds: null as unknown as number }), 100)).toBe(5);
  });
});

describe('timeIt', () => {
  it('warms up, batches short calls up to minSeconds and reports seconds per call', () => {
    let clock = 0;
    let calls = 0;
    const fn = () => { calls++; clock += 0.001; };
    const s = timeIt(fn, timing({ warmup: 2, repeats: 3, minSeconds: 0.01 }), () => clock);
    expect(s.batch).toBeGreaterThanOrEqual(10);
    expect(s.repeats).toBe(3);
    expect(s.median).toBeCloseTo(0.001, 12);
    expect(s.min).toBeCloseTo(0.001, 12);
    expect(calls).toBeGreaterThan(2 + 3 * 10);
  });

  it('plans the repeats from the first one when there is no warm-up', () => {
    let clock = 0;
    let calls = 0;
    const s = timeIt(() => { calls++; clock += 100; }, timing({ warmup: 0, repeats: 10, minRepeats: 3, budgetSeconds: 300 }), () => clock);
    expect(s.repeats).toBe(3);
    expect(calls).toBe(3);
  });

  it('lowers the repeats for slow calls', () => {
    let clock = 0;
    const s = timeIt(() => { clock += 2; }, timing({ warmup: 1, repeats: 10, minRepeats: 2, budgetSeconds: 5 }), () => clock);
    expect(s.repeats).toBe(2);
    expect(s.median).toBe(2);
  });
});

describe('formatting', () => {
  it('prints three or four significant figures and the spread in percent', () => {
    expect(formatValue(0.012345)).toBe('0.0123');
    expect(formatValue(12.345)).toBe('12.3');
    expect(formatValue(1234.5)).toBe('1235');
    expect(formatValue(0)).toBe('0');
    expect(spreadPercent({ median: 10, min: 9, max: 12, repeats: 3 })).toBeCloseTo(20, 12);
    expect(spreadPercent({ median: 10, min: 7, max: 11, repeats: 3 })).toBeCloseTo(30, 12);
  });
});
