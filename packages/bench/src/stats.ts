/**
 * Timing for a noisy machine: warm-up runs first, then repeats, reported as median with min and
 * max so the spread is visible.
 */

export interface Sample {
  median: number;
  min: number;
  max: number;
  repeats: number;
}

export function summarize(values: readonly number[]): Sample {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], repeats: sorted.length };
}

/**
 * Seconds per call of `fn`: `warmup` untimed calls, then `repeats` timed ones. Calls shorter than
 * `minSeconds` are batched so the clock's resolution does not dominate.
 */
export function timeIt(fn: () => void, options: { warmup: number; repeats: number; minSeconds?: number }): Sample {
  for (let i = 0; i < options.warmup; i++) fn();
  let batch = 1;
  const minSeconds = options.minSeconds ?? 0;
  if (minSeconds > 0) {
    for (;;) {
      const t0 = performance.now();
      for (let i = 0; i < batch; i++) fn();
      const elapsed = (performance.now() - t0) / 1000;
      if (elapsed >= minSeconds || batch >= 1 << 24) break;
      batch = Math.ceil(batch * Math.min(100, Math.max(2, (1.2 * minSeconds) / Math.max(elapsed, 1e-9))));
    }
  }
  const seconds: number[] = [];
  for (let r = 0; r < options.repeats; r++) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) fn();
    seconds.push((performance.now() - t0) / 1000 / batch);
  }
  return summarize(seconds);
}
