/**
 * The workloads of the comparison (the published numpy BLAS write-ups), written as data: each case
 * names an operation and its sizes, how to time it and how to turn seconds per call into the
 * reported figure. The JavaScript worker and the Python (numpy) worker both run these same specs,
 * so every column measures exactly the same sizes.
 */

/** Quick (scaled down, a few minutes) or full (the published sizes). */
export type Mode = 'quick' | 'full';

/** Variants of the elementwise study. */
export type ElementwiseVariant = 'plain' | 'out' | 'blocked';

/**
 * One operation and its sizes. Inputs are uniform(0, 1) (standard normal for the elementwise
 * study, diagonally dominant for inv/solve, R·Rᵀ for Cholesky); each engine draws them with its own
 * generator, so the shapes and distributions match across columns but not the very numbers.
 *
 * @example
 * ```ts
 * const op: Operation = { kind: 'gemm', n: 512 };
 * ```
 */
export type Operation =
  | { kind: 'gemm'; n: number }
  | { kind: 'svdLoop'; n: number; iterations: number }
  | { kind: 'svd'; n: number }
  | { kind: 'thinSvd'; m: number; n: number }
  | { kind: 'cholesky'; n: number }
  | { kind: 'eig'; n: number }
  | { kind: 'vectorDot'; n: number }
  | { kind: 'inv'; n: number }
  | { kind: 'solve'; n: number }
  | { kind: 'elementwise'; n: number; variant: ElementwiseVariant };

/**
 * How a case is timed: `warmup` untimed calls, then `repeats` timed batches, each batch long enough
 * (`minSeconds`) for the clock; `budgetSeconds` lowers the repeats (never below `minRepeats`)
 * when one call is so slow that the repeats would exceed it.
 *
 * @example
 * ```ts
 * const timing: Timing = { warmup: 1, repeats: 5, minRepeats: 3, minSeconds: 0.05, budgetSeconds: 6 };
 * ```
 */
export interface Timing {
  warmup: number;
  repeats: number;
  minRepeats: number;
  minSeconds: number;
  budgetSeconds: number;
}

/**
 * How seconds per call become the figure: a rate (`work / seconds`, e.g. GFLOPS) or a scaled
 * time (`seconds * factor`, e.g. µs per call or ns per element).
 *
 * @example
 * ```ts
 * const gflops: Report = { kind: 'rate', work: (2 * 512 ** 3) / 1e9 };
 * ```
 */
export type Report = { kind: 'rate'; work: number } | { kind: 'time'; factor: number };

/** The reported units. */
export type Unit = 'GFLOPS' | 's' | 'ms' | 'µs/call' | 'ns/element';

/**
 * One measured case, as sent to a worker.
 *
 * @example
 * ```ts
 * const spec = WORKLOADS[0].cases('quick')[0];
 * spec.label; // 'svd-loop 300x300'
 * ```
 */
export interface CaseSpec {
  /** What the case is, for the table ("gemm n=512"). */
  readonly label: string;
  readonly unit: Unit;
  /** Whether a larger figure is better (GFLOPS) or worse (time). */
  readonly higherIsBetter: boolean;
  readonly op: Operation;
  readonly timing: Timing;
  readonly report: Report;
}

/**
 * A workload: a titled list of cases, with what quick mode scales said in the output.
 *
 * @example
 * ```ts
 * const gemm = WORKLOADS.find((w) => w.id === 'gemm')!;
 * gemm.cases('full').length; // 7 sizes, 64 ... 4096
 * ```
 */
export interface Workload {
  readonly id: string;
  readonly title: string;
  /** What quick mode scales down, said in the output. */
  readonly quickNote: string;
  cases(mode: Mode): CaseSpec[];
}

function timing(partial: Partial<Timing>): Timing {
  return { warmup: 1, repeats: 5, minRepeats: 3, minSeconds: 0, budgetSeconds: Infinity, ...partial };
}

const seconds = (factor = 1): Report => ({ kind: 'time', factor });

const gemm: Workload = {
  id: 'gemm',
  title: 'gemm sweep: C = A·B, float64, GFLOPS',
  quickNote: 'n = 64 ... 1024 (full: 64 ... 4096); fewer repeats for calls over a second',
  cases(mode) {
    const sizes = mode === 'quick' ? [64, 128, 256, 512, 1024] : [64, 128, 256, 512, 1024, 2048, 4096];
    return sizes.map((n) => ({
      label: `gemm n=${n}`,
      unit: 'GFLOPS',
      higherIsBetter: true,
      op: { kind: 'gemm', n },
      timing: timing({ repeats: mode === 'quick' ? 5 : 7, minSeconds: 0.05, budgetSeconds: mode === 'quick' ? 4 : 120 }),
      report: { kind: 'rate', work: (2 * n ** 3) / 1e9 },
    }));
  },
};

const svdLoop: Workload = {
  id: 'svd-loop',
  title: 'svd-loop: 300x300, 100 x (a += 1; full SVD), seconds per loop',
  quickNote: '5 iterations per run, reported scaled to 100, 3 runs (full: 100 iterations, 10 runs)',
  cases(mode) {
    const iterations = mode === 'quick' ? 5 : 100;
    return [{
      label: 'svd-loop 300x300',
      unit: 's',
      higherIsBetter: false,
      op: { kind: 'svdLoop', n: 300, iterations },
      // The published figure is a plain mean of 10 runs with no warm-up; the median is reported here.
      timing: timing({ warmup: 0, repeats: mode === 'quick' ? 3 : 10, minRepeats: 3, budgetSeconds: mode === 'quick' ? Infinity : 300 }),
      report: seconds(100 / iterations),
    }];
  },
};

const suite: Workload = {
  id: 'suite',
  title: 'the five-item suite (dot, vector dot, thin SVD, Cholesky, eig)',
  quickNote: 'matrix sizes divided by 4 (dot 1024, SVD 512x256, Cholesky 512, eig 512), 3 repeats (full: 4096, 2048x1024, 2048, 2048)',
  cases(mode) {
    const q = mode === 'quick';
    const n = q ? 1024 : 4096;
    const half = n / 2;
    const few = (repeats: number) => timing({ warmup: 1, repeats, minRepeats: q ? 2 : 3, budgetSeconds: q ? 6 : 120 });
    return [
      { label: `dot ${n}x${n}`, unit: 's', higherIsBetter: false, op: { kind: 'gemm', n }, timing: few(q ? 3 : 20), report: seconds() },
      {
        label: 'dot vectors 524288', unit: 'ms', higherIsBetter: false, op: { kind: 'vectorDot', n: 524288 },
        timing: timing({ warmup: 2, repeats: 5, minSeconds: 0.05 }), report: seconds(1e3),
      },
      { label: `thin SVD ${half}x${half / 2}`, unit: 's', higherIsBetter: false, op: { kind: 'thinSvd', m: half, n: half / 2 }, timing: few(3), report: seconds() },
      { label: `Cholesky ${half}`, unit: 's', higherIsBetter: false, op: { kind: 'cholesky', n: half }, timing: timing({ repeats: 3, minSeconds: q ? 0.02 : 0 }), report: seconds() },
      { label: `eig ${half}`, unit: 's', higherIsBetter: false, op: { kind: 'eig', n: half }, timing: few(3), report: seconds() },
    ];
  },
};

const small: Workload = {
  id: 'small',
  title: 'small-matrix latency: 10x10, microseconds per call',
  quickNote: 'same sizes as full, 5 batches of 50 ms (full: 15)',
  cases(mode) {
    const t = timing({ warmup: 200, repeats: mode === 'quick' ? 5 : 15, minSeconds: 0.05 });
    return [
      { label: 'inv 10x10', unit: 'µs/call', higherIsBetter: false, op: { kind: 'inv', n: 10 }, timing: t, report: seconds(1e6) },
      { label: 'solve 10x10', unit: 'µs/call', higherIsBetter: false, op: { kind: 'solve', n: 10 }, timing: t, report: seconds(1e6) },
    ];
  },
};

/** The elementwise sizes, 1e3 ... 1e7 (quick: ... 1e6). */
export function elementwiseSizes(mode: Mode): number[] {
  return mode === 'quick' ? [1e3, 1e4, 1e5, 1e6] : [1e3, 1e4, 1e5, 1e6, 1e7];
}

const elementwise: Workload = {
  id: 'elementwise',
  title: 'elementwise y / sqrt(x*x + y*y), nanoseconds per element',
  quickNote: 'n = 1e3 ... 1e6 (full: ... 1e7)',
  cases(mode) {
    const variants: ElementwiseVariant[] = ['plain', 'out', 'blocked'];
    return elementwiseSizes(mode).flatMap((n) => variants.map((variant): CaseSpec => ({
      label: `${variant} n=${n.toExponential(0).replace('+', '')}`,
      unit: 'ns/element',
      higherIsBetter: false,
      op: { kind: 'elementwise', n, variant },
      timing: timing({ warmup: 2, repeats: mode === 'quick' ? 5 : 9, minSeconds: 0.02 }),
      report: seconds(1e9 / n),
    })));
  },
};

/**
 * Every workload, in the order they run.
 *
 * @example
 * ```ts
 * WORKLOADS.map((w) => w.id); // ['svd-loop', 'suite', 'small', 'elementwise', 'gemm']
 * ```
 */
export const WORKLOADS: readonly Workload[] = [svdLoop, suite, small, elementwise, gemm];

/** The routine groups calibration measures, and the LAPACK/BLAS routines each routes. */
export const CALIBRATION_GROUPS = {
  gemm: { routines: ['gemm'], ops: ['gemm'] },
  'inv/solve': { routines: ['getrf', 'getri', 'getrs'], ops: ['inv', 'solve'] },
  svd: { routines: ['gesdd'], ops: ['svd'] },
} as const;

/** A calibration group name. */
export type CalibrationGroup = keyof typeof CALIBRATION_GROUPS;

/** The sizes calibration measures. */
export const CALIBRATION_SIZES: readonly number[] = [2, 3, 4, 6, 8, 10, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256];

/**
 * The calibration cases: gemm, inv, solve and full svd of an n×n matrix at each size, timed in
 * seconds per call.
 *
 * @example
 * ```ts
 * calibrationCases([2, 4]).map((c) => c.label); // ['gemm n=2', 'inv n=2', ...]
 * ```
 */
export function calibrationCases(sizes: readonly number[] = CALIBRATION_SIZES): CaseSpec[] {
  const ops = ['gemm', 'inv', 'solve', 'svd'] as const;
  return sizes.flatMap((n) => ops.map((kind): CaseSpec => ({
    label: `${kind} n=${n}`,
    unit: 'µs/call',
    higherIsBetter: false,
    op: { kind, n },
    timing: timing({ warmup: 20, repeats: 5, minSeconds: 0.02, budgetSeconds: 1 }),
    report: seconds(1e6),
  })));
}
