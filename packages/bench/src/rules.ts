/**
 * Size-policy rules from calibration timings: for each routine group, which backend is fastest at
 * each measured size, turned into the `{ routines, maxSize, backend }` rules core's selector reads
 * (first matching rule wins; sizes above every rule go to the selected backend).
 */
import { CALIBRATION_GROUPS, type CalibrationGroup } from './workloads.js';

/**
 * One timing: seconds per call of one operation (`gemm`, `inv`, `solve`, `svd`) at size n.
 *
 * @example
 * ```ts
 * const t: CalibrationTiming = { backend: 'js', op: 'inv', n: 10, seconds: 3e-6 };
 * ```
 */
export interface CalibrationTiming {
  backend: string;
  op: string;
  n: number;
  seconds: number;
}

/**
 * A rule in the shape of core's `SizeRule`.
 *
 * @example
 * ```ts
 * const rule: Rule = { routines: ['getrf', 'getri', 'getrs'], maxSize: 16, backend: 'js' };
 * ```
 */
export interface Rule {
  routines: string[];
  maxSize: number;
  backend: string;
}

/**
 * The winner at one size of one group: the backend with the smallest geometric mean of time over
 * the group's operations, unless it beats the default backend by less than `margin` (a fraction),
 * in which case the default keeps it (noise should not route calls).
 *
 * @example
 * ```ts
 * // see deriveRules
 * ```
 */
export interface Crossover {
  group: CalibrationGroup;
  n: number;
  winner: string;
  /** Geometric-mean seconds per call of each backend at this size. */
  seconds: Record<string, number>;
}

function geometricMean(values: readonly number[]): number {
  return Math.exp(values.reduce((s, v) => s + Math.log(v), 0) / values.length);
}

/**
 * The winner of each group at each size.
 *
 * @example
 * ```ts
 * winners([{ backend: 'js', op: 'gemm', n: 4, seconds: 1 }, { backend: 'openblas', op: 'gemm', n: 4, seconds: 2 }], 'openblas');
 * // [{ group: 'gemm', n: 4, winner: 'js', seconds: { js: 1, openblas: 2 } }]
 * ```
 */
export function winners(timings: readonly CalibrationTiming[], defaultBackend: string, margin = 0.1): Crossover[] {
  const result: Crossover[] = [];
  for (const [group, { ops }] of Object.entries(CALIBRATION_GROUPS) as [CalibrationGroup, { ops: readonly string[] }][]) {
    const mine = timings.filter((t) => ops.includes(t.op) && t.seconds > 0 && Number.isFinite(t.seconds));
    const sizes = [...new Set(mine.map((t) => t.n))].sort((a, b) => a - b);
    const backends = [...new Set(mine.map((t) => t.backend))];
    for (const n of sizes) {
      const seconds: Record<string, number> = {};
      for (const b of backends) {
        const values = ops.map((op) => mine.find((t) => t.backend === b && t.op === op && t.n === n)?.seconds);
        if (values.every((v): v is number => v !== undefined)) seconds[b] = geometricMean(values);
      }
      const ranked = Object.entries(seconds).sort((a, b) => a[1] - b[1]);
      if (ranked.length === 0) continue;
      let winner = ranked[0][0];
      const incumbent = seconds[defaultBackend];
      if (incumbent !== undefined && winner !== defaultBackend && ranked[0][1] > incumbent * (1 - margin)) winner = defaultBackend;
      result.push({ group, n, winner, seconds });
    }
  }
  return result;
}

/**
 * Rules from the timings. Per group, every measured size is assigned a backend so that the summed
 * slowdown against the fastest backend at each size (in log ratio) plus `switchCost` for every
 * change of backend (including the return to the default above the largest size) is smallest: a
 * shortest path over (size, backend), so a lone noisy size is not worth two switches while a band
 * of clear wins is. Each run of sizes that is not on the default backend becomes a rule reaching up
 * to the last size of the run; a default run below a routed one gets a rule of its own, because the
 * first matching rule wins.
 *
 * @example
 * ```ts
 * const rules = deriveRules(timings, 'openblas');
 * // e.g. [{ routines: ['getrf', 'getri', 'getrs'], maxSize: 12, backend: 'js' }]
 * ```
 */
export function deriveRules(timings: readonly CalibrationTiming[], defaultBackend: string, switchCost = 0.5): Rule[] {
  const rules: Rule[] = [];
  for (const [group, { routines }] of Object.entries(CALIBRATION_GROUPS) as [CalibrationGroup, { routines: readonly string[] }][]) {
    const points = winners(timings, defaultBackend, 0).filter((w) => w.group === group);
    if (points.length === 0) continue;
    const backends = [...new Set(points.flatMap((p) => Object.keys(p.seconds)))];
    if (!backends.includes(defaultBackend)) continue;
    // cost[i][b]: how much slower backend b is than the fastest at size i (log ratio), Infinity if unmeasured.
    const cost = points.map((p) => {
      const best = Math.min(...Object.values(p.seconds));
      return backends.map((b) => (p.seconds[b] === undefined ? Infinity : Math.log(p.seconds[b] / best)));
    });
    const total: number[][] = [];
    const from: number[][] = [];
    cost.forEach((row, i) => {
      total.push([]);
      from.push([]);
      row.forEach((c, b) => {
        if (i === 0) {
          total[i][b] = c;
          from[i][b] = b;
          return;
        }
        let bestPrev = b;
        let bestValue = total[i - 1][b];
        total[i - 1].forEach((value, prev) => {
          if (prev !== b && value + switchCost < bestValue) {
            bestValue = value + switchCost;
            bestPrev = prev;
          }
        });
        total[i][b] = c + bestValue;
        from[i][b] = bestPrev;
      });
    });
    const last = points.length - 1;
    const home = backends.indexOf(defaultBackend);
    let choice = home;
    total[last].forEach((value, b) => {
      if (value + (b === home ? 0 : switchCost) < total[last][choice] + (choice === home ? 0 : switchCost)) choice = b;
    });
    const assigned: string[] = [];
    for (let i = last; i >= 0; i--) {
      assigned[i] = backends[choice];
      choice = from[i][choice];
    }
    const runs: { backend: string; maxSize: number }[] = [];
    assigned.forEach((name, i) => {
      const run = runs[runs.length - 1];
      if (run?.backend === name) run.maxSize = points[i].n;
      else runs.push({ backend: name, maxSize: points[i].n });
    });
    while (runs.length > 0 && runs[runs.length - 1].backend === defaultBackend) runs.pop();
    for (const run of runs) rules.push({ routines: [...routines], maxSize: run.maxSize, backend: run.backend });
  }
  return rules;
}
