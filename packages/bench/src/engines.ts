/**
 * The same operations through each engine: polyblas (whichever backend the process selected) and
 * ml-matrix, the most used pure-JavaScript matrix library, as the baseline the project is measured
 * against. Each `prepare*` builds its inputs untimed and returns the operation to time.
 */
import {
  add, divide, empty, linalg, matmul, multiply, sqrt, standardNormal, uniform, dot, type NDArray,
} from '@polyblas/core';
import type { ElementwiseVariant, Operation } from './workloads.js';
import { EigenvalueDecomposition, CholeskyDecomposition, Matrix, SingularValueDecomposition, inverse, solve } from 'ml-matrix';

/**
 * An engine: a way to build each operation's inputs (untimed) and return the call to time.
 *
 * @example
 * ```ts
 * const call = ENGINES.polyblas.prepareGemm(256);
 * call();
 * ```
 */
export interface Engine {
  readonly name: string;
  prepareGemm(n: number): () => void;
  prepareSvdLoop(n: number, iterations: number): () => void;
  prepareSvd(n: number): () => void;
  prepareThinSvd(m: number, n: number): () => void;
  prepareCholesky(n: number): () => void;
  prepareEig(n: number): () => void;
  prepareVectorDot(n: number): () => void;
  prepareInv(n: number): () => void;
  prepareSolve(n: number): () => void;
  /** null where the engine has no such operation. */
  prepareElementwise(n: number, variant: ElementwiseVariant): (() => void) | null;
}

/**
 * The call to time for `op` on `engine`, or null where the engine has no such operation.
 *
 * @example
 * ```ts
 * const call = prepare(ENGINES.polyblas, { kind: 'inv', n: 10 });
 * ```
 */
export function prepare(engine: Engine, op: Operation): (() => void) | null {
  switch (op.kind) {
    case 'gemm': return engine.prepareGemm(op.n);
    case 'svdLoop': return engine.prepareSvdLoop(op.n, op.iterations);
    case 'svd': return engine.prepareSvd(op.n);
    case 'thinSvd': return engine.prepareThinSvd(op.m, op.n);
    case 'cholesky': return engine.prepareCholesky(op.n);
    case 'eig': return engine.prepareEig(op.n);
    case 'vectorDot': return engine.prepareVectorDot(op.n);
    case 'inv': return engine.prepareInv(op.n);
    case 'solve': return engine.prepareSolve(op.n);
    case 'elementwise': return engine.prepareElementwise(op.n, op.variant);
  }
}

/** A well-conditioned n×n matrix: diagonally dominant random entries. */
function wellConditioned(n: number, seed: number): NDArray {
  const a = uniform(-1, 1, [n, n], { seed });
  for (let i = 0; i < n; i++) a.set([i, i], a.get(i, i) + n);
  return a;
}

/** F = R·Rᵀ of a random R: symmetric positive definite (as the five-item suite builds it). */
function spd(n: number, seed: number): NDArray {
  const r = uniform(0, 1, [n, n], { seed });
  const f = matmul(r, r.T);
  for (let i = 0; i < n; i++) f.set([i, i], f.get(i, i) + n * 1e-8);
  return f;
}

const CHUNK = 4096;

/** polyblas through its public API, on the backend the process selected. */
export const polyblas: Engine = {
  name: 'polyblas',
  prepareGemm(n) {
    const a = uniform(0, 1, [n, n], { seed: 0 });
    const b = uniform(0, 1, [n, n], { seed: 1 });
    const c = empty([n, n]);
    return () => void matmul(a, b, { out: c });
  },
  prepareSvdLoop(n, iterations) {
    const initial = uniform(0, 1, [n, n], { seed: 42 });
    return () => {
      const a = initial.copy();
      for (let i = 0; i < iterations; i++) {
        add(a, 1, { out: a });
        linalg.svd(a);
      }
    };
  },
  prepareSvd(n) {
    const a = uniform(0, 1, [n, n], { seed: 0 });
    return () => void linalg.svd(a);
  },
  prepareThinSvd(m, n) {
    const a = uniform(0, 1, [m, n], { seed: 0 });
    return () => void linalg.svd(a, { fullMatrices: false });
  },
  prepareCholesky(n) {
    const f = spd(n, 0);
    return () => void linalg.cholesky(f);
  },
  prepareEig(n) {
    const a = uniform(0, 1, [n, n], { seed: 0 });
    return () => void linalg.eig(a);
  },
  prepareVectorDot(n) {
    const x = uniform(0, 1, [n], { seed: 0 });
    const y = uniform(0, 1, [n], { seed: 1 });
    return () => void dot(x, y);
  },
  prepareInv(n) {
    const a = wellConditioned(n, 0);
    return () => void linalg.inv(a);
  },
  prepareSolve(n) {
    const a = wellConditioned(n, 0);
    const b = uniform(0, 1, [n], { seed: 1 });
    return () => void linalg.solve(a, b);
  },
  prepareElementwise(n, variant) {
    const x = standardNormal([n], { seed: 0 });
    const y = standardNormal([n], { seed: 1 });
    if (variant === 'plain') return () => void divide(y, sqrt(add(multiply(x, x), multiply(y, y))));
    if (variant === 'out') {
      const t = empty([n]);
      const u = empty([n]);
      return () => {
        multiply(x, x, { out: t });
        multiply(y, y, { out: u });
        add(t, u, { out: t });
        sqrt(t, { out: t });
        divide(y, t, { out: t });
      };
    }
    // Blocked: the same in-place steps on cache-sized chunks, so temporaries stay in L1/L2.
    const out = empty([n]);
    const t = empty([CHUNK]);
    const u = empty([CHUNK]);
    return () => {
      for (let start = 0; start < n; start += CHUNK) {
        const stop = Math.min(n, start + CHUNK);
        const span = `${start}:${stop}`;
        const xs = x.slice(span);
        const ys = y.slice(span);
        const ts = stop - start === CHUNK ? t : t.slice(`0:${stop - start}`);
        const us = stop - start === CHUNK ? u : u.slice(`0:${stop - start}`);
        multiply(xs, xs, { out: ts });
        multiply(ys, ys, { out: us });
        add(ts, us, { out: ts });
        sqrt(ts, { out: ts });
        divide(ys, ts, { out: out.slice(span) });
      }
    };
  },
};

function toMl(a: NDArray): Matrix {
  return new Matrix(a.toArray() as number[][]);
}

/** ml-matrix, the pure-JavaScript baseline. */
export const mlMatrix: Engine = {
  name: 'ml-matrix',
  prepareGemm(n) {
    const a = toMl(uniform(0, 1, [n, n], { seed: 0 }));
    const b = toMl(uniform(0, 1, [n, n], { seed: 1 }));
    return () => void a.mmul(b);
  },
  prepareSvdLoop(n, iterations) {
    const initial = toMl(uniform(0, 1, [n, n], { seed: 42 }));
    return () => {
      const a = initial.clone();
      for (let i = 0; i < iterations; i++) {
        a.add(1);
        new SingularValueDecomposition(a, { computeLeftSingularVectors: true, computeRightSingularVectors: true });
      }
    };
  },
  prepareSvd(n) {
    const a = toMl(uniform(0, 1, [n, n], { seed: 0 }));
    return () => void new SingularValueDecomposition(a, { computeLeftSingularVectors: true, computeRightSingularVectors: true });
  },
  prepareThinSvd(m, n) {
    const a = toMl(uniform(0, 1, [m, n], { seed: 0 }));
    return () => void new SingularValueDecomposition(a, { autoTranspose: true });
  },
  prepareCholesky(n) {
    const f = toMl(spd(n, 0));
    return () => void new CholeskyDecomposition(f);
  },
  prepareEig(n) {
    const a = toMl(uniform(0, 1, [n, n], { seed: 0 }));
    return () => void new EigenvalueDecomposition(a, { assumeSymmetric: false });
  },
  prepareVectorDot(n) {
    const x = toMl(uniform(0, 1, [1, n], { seed: 0 }));
    const y = toMl(uniform(0, 1, [1, n], { seed: 1 }));
    return () => void x.dot(y);
  },
  prepareInv(n) {
    const a = toMl(wellConditioned(n, 0));
    return () => void inverse(a);
  },
  prepareSolve(n) {
    const a = toMl(wellConditioned(n, 0));
    const b = toMl(uniform(0, 1, [n, 1], { seed: 1 }));
    return () => void solve(a, b);
  },
  prepareElementwise(n, variant) {
    if (variant !== 'plain') return null;
    const x = toMl(standardNormal([1, n], { seed: 0 }));
    const y = toMl(standardNormal([1, n], { seed: 1 }));
    return () => void Matrix.div(y, Matrix.sqrt(Matrix.add(Matrix.mul(x, x), Matrix.mul(y, y))));
  },
};

/** The engines a worker can run, by name. */
export const ENGINES: Readonly<Record<string, Engine>> = { polyblas, 'ml-matrix': mlMatrix };
