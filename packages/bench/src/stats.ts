/**
 * Timing for a noisy machine: warm-up runs first, then repeats, reported as the median with the
 * min and max beside it so the spread is visible.
 */
import type { Report, Timing } from './workloads.js';

/**
 * A summary of repeated measurements.
 *
 * @example
 * ```ts
 * const s: Sample = { median: 2, min: 1, max: 3, repeats: 3 };
 * ```
 */
export interface Sample {
  median: number;
  min: number;
  max: number;
  repeats: number;
  /** Calls per timed batch (short calls are batched so the clock's resolution does not matter). */
  batch?: number;
}

/**
 * The median, min and max of `values`.
 *
 * @example
 * ```ts
 * summarize([3, 1, 2]); // { median: 2, min: 1, max: 3, repeats: 3 }
 * ```
 */
export function summarize(values: readonly number[]): Sample {
  if (values.length === 0) throw new RangeError('summarize: no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], repeats: sorted.length };
}

/**
 * Turns a sample of seconds per call into the reported figure; a rate inverts, so min and max swap.
 *
 * @example
 * ```ts
 * toFigure({ median: 2, min: 1, max: 4, repeats: 3 }, { kind: 'rate', work: 8 }); // median 4, min 2, max 8
 * ```
 */
export function toFigure(sample: Sample, report: Report): Sample {
  const f = report.kind === 'rate' ? (s: number) => report.work / s : (s: number) => s * report.factor;
  const a = f(sample.min);
  const b = f(sample.max);
  return { ...sample, median: f(sample.median), min: Math.min(a, b), max: Math.max(a, b) };
}

/**
 * How many repeats fit: `timing.repeats`, lowered so that repeats × seconds per batch stays within
 * the budget, but never below `timing.minRepeats`.
 *
 * @example
 * ```ts
 * plannedRepeats({ warmup: 1, repeats: 5, minRepeats: 3, minSeconds: 0, budgetSeconds: 4 }, 2); // 3
 * ```
 */
export function plannedRepeats(timing: Timing, secondsPerBatch: number): number {
  if (!(secondsPerBatch > 0) || !Number.isFinite(timing.budgetSeconds)) return timing.repeats;
  const fit = Math.floor(timing.budgetSeconds / secondsPerBatch);
  return Math.max(Math.min(timing.minRepeats, timing.repeats), Math.min(timing.repeats, fit));
}

/**
 * Seconds per call of `fn`: `warmup` untimed calls, then timed batches. Calls shorter than
 * `minSeconds` are batched so the clock's resolution does not dominate; the repeats shrink for
 * slow calls (see {@link plannedRepeats}).
 *
 * @example
 * ```ts
 * const s = timeIt(() => Math.sqrt(2), { warmup: 10, repeats: 5, minRepeats: 3, minSeconds: 0.01, budgetSeconds: 1 });
 * ```
 */
export function timeIt(fn: () => void, timing: Timing, now: () => number = () => performance.now() / 1e3): Sample {
  let warmSeconds = 0;
  for (let i = 0; i < timing.warmup; i++) {
    const t0 = now();
    fn();
    warmSeconds = now() - t0;
  }
  let batch = 1;
  let batchSeconds = warmSeconds;
  if (timing.minSeconds > 0) {
    for (;;) {
      const t0 = now();
      for (let i = 0; i < batch; i++) fn();
      batchSeconds = now() - t0;
      if (batchSeconds >= timing.minSeconds || batch >= 1 << 24) break;
      batch = Math.ceil(batch * Math.min(100, Math.max(2, (1.2 * timing.minSeconds) / Math.max(batchSeconds, 1e-9))));
    }
  }
  // Without a warm-up or batching there is no estimate yet: the first repeat gives it.
  let repeats = batchSeconds > 0 ? plannedRepeats(timing, batchSeconds) : timing.repeats;
  const seconds: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = now();
    for (let i = 0; i < batch; i++) fn();
    const elapsed = now() - t0;
    seconds.push(elapsed / batch);
    if (r === 0 && !(batchSeconds > 0)) repeats = plannedRepeats(timing, elapsed);
  }
  return { ...summarize(seconds), batch };
}

/**
 * A number in three or four significant figures, for tables and chart labels.
 *
 * @example
 * ```ts
 * formatValue(0.012345); // '0.0123'
 * formatValue(1234.5); // '1235'
 * ```
 */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const abs = Math.abs(value);
  return abs >= 100 ? value.toFixed(0) : abs >= 10 ? value.toFixed(1) : abs >= 1 ? value.toFixed(2) : value.toPrecision(3);
}

/**
 * The spread of a sample as ± the larger distance from the median to min or max, in percent.
 *
 * @example
 * ```ts
 * spreadPercent({ median: 10, min: 9, max: 12, repeats: 3 }); // 20
 * ```
 */
export function spreadPercent(sample: Sample): number {
  if (sample.median === 0) return 0;
  return (100 * Math.max(sample.median - sample.min, sample.max - sample.median)) / Math.abs(sample.median);
}
