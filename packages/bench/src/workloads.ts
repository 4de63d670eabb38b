/**
 * The workloads of the comparison (the published numpy BLAS write-ups): each is a list of cases,
 * each case an operation, how to time it, and how to turn seconds into the figure reported.
 */
import type { ElementwiseVariant, Engine } from './engines.js';
import { timeIt, type Sample } from './stats.js';

export type Mode = 'quick' | 'full';

export interface Case {
  /** What the case is, for the table ("gemm n=512"). */
  readonly label: string;
  /** The reported unit. */
  readonly unit: 'GFLOPS' | 's' | 'ms' | 'µs/call' | 'ns/element';
  /** Whether a larger figure is better (GFLOPS) or worse (time). */
  readonly higherIsBetter: boolean;
  /** Prepares inputs, then times; null when the engine has no such operation. */
  run(engine: Engine): Sample | null;
}

export interface Workload {
  readonly id: string;
  readonly title: string;
  /** What quick mode scales down, said in the output. */
  readonly quickNote: string;
  cases(mode: Mode): Case[];
}

function scale(sample: Sample, factor: (seconds: number) => number): Sample {
  const a = factor(sample.min);
  const b = factor(sample.max);
  return { median: factor(sample.median), min: Math.min(a, b), max: Math.max(a, b), repeats: sample.repeats };
}

function seconds(label: string, repeats: number, prepare: (e: Engine) => (() => void) | null, unit: Case['unit'] = 's'): Case {
  const factor = unit === 'ms' ? 1e3 : unit === 'µs/call' ? 1e6 : 1;
  return {
    label,
    unit,
    higherIsBetter: false,
    run(engine) {
      const fn = prepare(engine);
      if (fn === null) return null;
      const sample = timeIt(fn, { warmup: 1, repeats, minSeconds: unit === 's' ? 0 : 0.05 });
      return scale(sample, (s) => s * factor);
    },
  };
}

const gemm: Workload = {
  id: 'gemm',
  title: 'gemm sweep: C = A·B, float64',
  quickNote: 'n up to 1024 (full: up to 4096)',
  cases(mode) {
    const sizes = mode === 'quick' ? [64, 128, 256, 512, 1024] : [64, 128, 256, 512, 1024, 2048, 4096];
    return sizes.map((n) => ({
      label: `gemm n=${n}`,
      unit: 'GFLOPS' as const,
      higherIsBetter: true,
      run(engine: Engine) {
        const sample = timeIt(engine.prepareGemm(n), { warmup: 1, repeats: n >= 2048 ? 3 : 5, minSeconds: 0.05 });
        return scale(sample, (s) => (2 * n * n * n) / s / 1e9);
      },
    }));
  },
};

const svdLoop: Workload = {
  id: 'svd-loop',
  title: 'svd-loop: 300x300, 100 x (a += 1; full SVD), seconds per loop',
  quickNote: '10 iterations per loop, reported scaled to 100, 3 runs (full: 100 iterations, 10 runs)',
  cases(mode) {
    const iterations = mode === 'quick' ? 10 : 100;
    const runs = mode === 'quick' ? 3 : 10;
    return [{
      label: 'svd-loop 300x300',
      unit: 's',
      higherIsBetter: false,
      run(engine: Engine) {
        const sample = timeIt(engine.prepareSvdLoop(300, iterations), { warmup: 0, repeats: runs });
        return scale(sample, (s) => (s * 100) / iterations);
      },
    }];
  },
};

const suite: Workload = {
  id: 'suite',
  title: 'the five-item suite (dot, vector dot, thin SVD, Cholesky, eig)',
  quickNote: 'sizes divided by 4 (dot 1024, SVD 512x256, Cholesky 512, eig 512)',
  cases(mode) {
    const q = mode === 'quick';
    const n = q ? 1024 : 4096;
    const half = n / 2;
    return [
      seconds(`dot ${n}x${n}`, q ? 3 : 20, (e) => e.prepareGemm(n)),
      seconds('dot vectors 524288', 5, (e) => e.prepareVectorDot(524288), 'ms'),
      seconds(`thin SVD ${half}x${half / 2}`, 3, (e) => e.prepareThinSvd(half, half / 2)),
      seconds(`Cholesky ${half}`, 3, (e) => e.prepareCholesky(half)),
      seconds(`eig ${half}`, q ? 1 : 3, (e) => e.prepareEig(half)),
    ];
  },
};

const small: Workload = {
  id: 'small',
  title: 'small-matrix latency: 10x10, microseconds per call',
  quickNote: 'same as full',
  cases() {
    return [
      seconds('inv 10x10', 5, (e) => e.prepareInv(10), 'µs/call'),
      seconds('solve 10x10', 5, (e) => e.prepareSolve(10), 'µs/call'),
    ];
  },
};

const elementwise: Workload = {
  id: 'elementwise',
  title: 'elementwise y / sqrt(x*x + y*y), nanoseconds per element',
  quickNote: 'n up to 1e6 (full: up to 1e7)',
  cases(mode) {
    const sizes = mode === 'quick' ? [1e3, 1e4, 1e5, 1e6] : [1e3, 1e4, 1e5, 1e6, 1e7];
    const variants: ElementwiseVariant[] = ['plain', 'out', 'blocked'];
    return sizes.flatMap((n) => variants.map((variant) => ({
      label: `${variant} n=${n.toExponential(0).replace('+', '')}`,
      unit: 'ns/element' as const,
      higherIsBetter: false,
      run(engine: Engine) {
        const fn = engine.prepareElementwise(n, variant);
        if (fn === null) return null;
        return scale(timeIt(fn, { warmup: 2, repeats: 5, minSeconds: 0.02 }), (s) => (s / n) * 1e9);
      },
    })));
  },
};

export const WORKLOADS: readonly Workload[] = [svdLoop, suite, small, elementwise, gemm];
