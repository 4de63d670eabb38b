/**
 * Test inputs and measures shared by the conformance suites: a seeded generator, matrices of known
 * structure (condition number, rank, definiteness), and the norms used by LAPACK's scaled
 * residual tests. Matrices here are column-major with leading dimension = rows.
 *
 * @module
 */
import type { FloatArray, Precision } from '@polyblas/contract';

/**
 * A small, seeded, platform-independent generator (SplitMix32 mixing) of doubles in [0, 1).
 *
 * @example
 * ```ts
 * import { Rng } from '@polyblas/core/testing';
 * const rng = new Rng(42);
 * rng.next(); // same value on every machine
 * ```
 */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** A double in [0, 1) with 53 random bits. */
  next(): number {
    const hi = this.next32() >>> 5;
    const lo = this.next32() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  }
  /** A double in [-1, 1). */
  signed(): number {
    return 2 * this.next() - 1;
  }
  /** A standard normal deviate (Box-Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  private next32(): number {
    this.state = (this.state + 0x9e3779b9) | 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  }
}

/**
 * The machine epsilon numpy reports (`np.finfo(dtype).eps`): 2⁻⁵² for d, 2⁻²³ for s.
 *
 * @example
 * ```ts
 * import { epsOf } from '@polyblas/core/testing';
 * epsOf('d'); // 2.220446049250313e-16
 * ```
 */
export function epsOf(precision: Precision): number {
  return precision === 'd' ? 2 ** -52 : 2 ** -23;
}

/**
 * A new zero-filled array of a precision.
 *
 * @example
 * ```ts
 * import { allocate } from '@polyblas/core/testing';
 * allocate('s', 4); // Float32Array(4)
 * ```
 */
export function allocate(precision: Precision, n: number): FloatArray {
  return precision === 'd' ? new Float64Array(n) : new Float32Array(n);
}

/**
 * An M×N column-major matrix with entries uniform in [-1, 1).
 *
 * @example
 * ```ts
 * import { Rng, randomMatrix } from '@polyblas/core/testing';
 * const a = randomMatrix('d', 3, 2, new Rng(1));
 * ```
 */
export function randomMatrix(precision: Precision, m: number, n: number, rng: Rng): FloatArray {
  const a = allocate(precision, m * n);
  for (let i = 0; i < a.length; i++) a[i] = rng.signed();
  return a;
}

/**
 * Applies a random Householder reflector to the rows (side 'L') or columns (side 'R') of an
 * M×N column-major matrix in double precision; products of these are random orthogonal matrices.
 */
function reflect(a: Float64Array, m: number, n: number, side: 'L' | 'R', rng: Rng): void {
  const len = side === 'L' ? m : n;
  if (len < 2) return;
  const v = new Float64Array(len);
  let nrm = 0;
  for (let i = 0; i < len; i++) {
    v[i] = rng.normal();
    nrm += v[i] * v[i];
  }
  const scale = 2 / nrm;
  if (side === 'L') {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let i = 0; i < m; i++) s += v[i] * a[i + j * m];
      s *= scale;
      for (let i = 0; i < m; i++) a[i + j * m] -= s * v[i];
    }
  } else {
    for (let i = 0; i < m; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += a[i + j * m] * v[j];
      s *= scale;
      for (let j = 0; j < n; j++) a[i + j * m] -= s * v[j];
    }
  }
}

/**
 * An M×N column-major matrix U·diag(σ)·Vᵀ with random orthogonal U and V and the given singular
 * values (missing ones are zero). With σ geometrically spaced from 1 to 1/κ it has condition
 * number κ; with trailing zeros it has the rank of the non-zero count.
 *
 * @example
 * ```ts
 * import { Rng, matrixWithSingularValues, geometric } from '@polyblas/core/testing';
 * const a = matrixWithSingularValues('d', 50, 40, geometric(40, 1e12), new Rng(7)); // cond 1e12
 * ```
 */
export function matrixWithSingularValues(
  precision: Precision, m: number, n: number, sigma: ArrayLike<number>, rng: Rng,
): FloatArray {
  const a = new Float64Array(m * n);
  const k = Math.min(m, n, sigma.length);
  for (let i = 0; i < k; i++) a[i + i * m] = sigma[i];
  // A few reflectors per side mix every row and column; more add nothing for testing purposes.
  const rounds = Math.min(4, Math.max(m, n));
  for (let r = 0; r < rounds; r++) {
    reflect(a, m, n, 'L', rng);
    reflect(a, m, n, 'R', rng);
  }
  return precision === 'd' ? a : Float32Array.from(a);
}

/**
 * k values spaced geometrically from 1 down to 1/cond.
 *
 * @example
 * ```ts
 * import { geometric } from '@polyblas/core/testing';
 * geometric(3, 100); // [1, 0.1, 0.01]
 * ```
 */
export function geometric(k: number, cond: number): number[] {
  return Array.from({ length: k }, (_, i) => (k === 1 ? 1 : cond ** (-i / (k - 1))));
}

/**
 * A symmetric positive definite N×N column-major matrix with the given eigenvalues (all > 0),
 * Q·diag(λ)·Qᵀ with random orthogonal Q; or symmetric indefinite when some λ are negative.
 *
 * @example
 * ```ts
 * import { Rng, symmetricWithEigenvalues } from '@polyblas/core/testing';
 * const spd = symmetricWithEigenvalues('d', 4, [4, 3, 2, 1], new Rng(3));
 * ```
 */
export function symmetricWithEigenvalues(precision: Precision, n: number, lambda: ArrayLike<number>, rng: Rng): FloatArray {
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) a[i + i * n] = lambda[i];
  const rounds = Math.min(4, n);
  for (let r = 0; r < rounds; r++) {
    // The same reflector on both sides keeps the matrix symmetric and the spectrum unchanged.
    const v = new Float64Array(n);
    let nrm = 0;
    for (let i = 0; i < n; i++) {
      v[i] = rng.normal();
      nrm += v[i] * v[i];
    }
    const h = (x: Float64Array, side: 'L' | 'R') => {
      const scale = 2 / nrm;
      for (let t = 0; t < n; t++) {
        let s = 0;
        for (let u = 0; u < n; u++) s += v[u] * (side === 'L' ? x[u + t * n] : x[t + u * n]);
        s *= scale;
        for (let u = 0; u < n; u++) {
          if (side === 'L') x[u + t * n] -= s * v[u];
          else x[t + u * n] -= s * v[u];
        }
      }
    };
    h(a, 'L');
    h(a, 'R');
  }
  for (let j = 0; j < n; j++) for (let i = j + 1; i < n; i++) a[j + i * n] = a[i + j * n];
  return precision === 'd' ? a : Float32Array.from(a);
}

/**
 * Norms of an M×N column-major matrix with leading dimension `ld`, in double precision:
 * `'1'` (max column sum), `'I'` (max row sum), `'F'` (Frobenius), `'M'` (max |aᵢⱼ|).
 *
 * @example
 * ```ts
 * import { matrixNorm } from '@polyblas/core/testing';
 * matrixNorm('F', 2, 1, new Float64Array([3, 4])); // 5
 * ```
 */
export function matrixNorm(kind: '1' | 'I' | 'F' | 'M', m: number, n: number, a: ArrayLike<number>, ld = m, offset = 0): number {
  let result = 0;
  if (kind === '1') {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let i = 0; i < m; i++) s += Math.abs(a[offset + i + j * ld]);
      result = Math.max(result, s);
    }
  } else if (kind === 'I') {
    for (let i = 0; i < m; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += Math.abs(a[offset + i + j * ld]);
      result = Math.max(result, s);
    }
  } else if (kind === 'F') {
    let scale = 0;
    let ssq = 1;
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < m; i++) {
        const v = Math.abs(a[offset + i + j * ld]);
        if (v === 0) continue;
        if (scale < v) {
          ssq = 1 + ssq * (scale / v) ** 2;
          scale = v;
        } else ssq += (v / scale) ** 2;
      }
    }
    result = scale * Math.sqrt(ssq);
  } else {
    for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) result = Math.max(result, Math.abs(a[offset + i + j * ld]));
  }
  return result;
}

/**
 * C = op(A)·op(B) in double precision for column-major operands (a naive reference, for tests).
 *
 * @example
 * ```ts
 * import { naiveMatmul } from '@polyblas/core/testing';
 * naiveMatmul('N', 'N', 1, 1, 2, new Float64Array([1, 2]), 1, new Float64Array([3, 4]), 2); // [11]
 * ```
 */
export function naiveMatmul(
  transA: 'N' | 'T', transB: 'N' | 'T', m: number, n: number, k: number,
  a: ArrayLike<number>, lda: number, b: ArrayLike<number>, ldb: number,
): Float64Array {
  const c = new Float64Array(m * n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < m; i++) {
      let s = 0;
      for (let p = 0; p < k; p++) {
        const aip = transA === 'N' ? a[i + p * lda] : a[p + i * lda];
        const bpj = transB === 'N' ? b[p + j * ldb] : b[j + p * ldb];
        s += aip * bpj;
      }
      c[i + j * m] = s;
    }
  }
  return c;
}

/**
 * ‖QᵀQ − I‖₁ / (n·eps) for the M×N column-major Q: LAPACK's orthogonality ratio (pass below 30).
 *
 * @example
 * ```ts
 * import { orthogonalityRatio } from '@polyblas/core/testing';
 * orthogonalityRatio('d', 2, 2, new Float64Array([1, 0, 0, 1])); // 0
 * ```
 */
export function orthogonalityRatio(precision: Precision, m: number, n: number, q: ArrayLike<number>, ld = m): number {
  if (n === 0) return 0;
  const qtq = naiveMatmul('T', 'N', n, n, m, q, ld, q, ld);
  for (let i = 0; i < n; i++) qtq[i + i * n] -= 1;
  return matrixNorm('1', n, n, qtq) / (Math.max(m, n, 1) * epsOf(precision));
}
