/**
 * Eigenvalue problems: symmetric (eigh, eigvalsh) and general (eig, eigvals).
 *
 * The symmetric routines read one triangle. A row-major copy is Aᵀ to LAPACK, whose upper
 * triangle is A's lower one, so `uplo` is swapped and no transposing copy is needed. A general
 * matrix and its transpose share eigenvalues (eigvals), but not right eigenvectors, so eig copies
 * A column-major.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';
import { LinAlgError } from '../errors.js';
import {
  NDArray, alloc, asSquareStack, assertFinite, columnToRowMajor, gatherColumnMajor, lapackFor, optionsOf,
  resultDType, rowMajorCopy, stackShape, wrap, type ArrayInput,
} from './internal.js';
import { call, runSync, type Steps } from './steps.js';

/**
 * A complex array as two real arrays of the same shape, as {@link eig} and {@link eigvals} return.
 *
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * const w: linalg.ComplexArray = linalg.eigvals(array([[0, -1], [1, 0]]));
 * w.im.toArray(); // [1, -1]
 * ```
 */
export interface ComplexArray {
  /** Real parts. */
  readonly re: NDArray;
  /** Imaginary parts. */
  readonly im: NDArray;
}

function uploOf(options: unknown): 'L' | 'U' {
  const uplo = optionsOf<{ uplo: 'L' | 'U' }>(options, ['uplo']).uplo ?? 'L';
  if (uplo !== 'L' && uplo !== 'U') throw new RangeError(`options.uplo: expected 'L' or 'U', got ${JSON.stringify(uplo)}`);
  return uplo;
}

/** numpy's finiteness check, on the triangle that is read only (the other may hold anything). */
function assertTriangleFinite(buf: FloatArray, count: number, n: number, uplo: 'L' | 'U'): void {
  for (let t = 0; t < count; t++) {
    for (let i = 0; i < n; i++) {
      const from = uplo === 'L' ? 0 : i;
      const to = uplo === 'L' ? i + 1 : n;
      assertFinite(buf.subarray(t * n * n + i * n + from, t * n * n + i * n + to));
    }
  }
}

/** Eigenvalues (ascending) and optionally eigenvectors of a stack of symmetric matrices. @internal */
export function* symmetric(a: unknown, uplo: 'L' | 'U', vectors: boolean): Steps<{ values: NDArray; vectors: NDArray | null }> {
  const A = asSquareStack(a, 'a');
  const { batch, count, rows: n } = stackShape(A);
  const dtype = resultDType(A);
  const w = alloc(dtype, count * n);
  const buf = rowMajorCopy(A, dtype);
  const out = vectors ? alloc(dtype, count * n * n) : null;
  if (count > 0 && n > 0) {
    assertTriangleFinite(buf, count, n, uplo);
    const syevd = lapackFor('syevd', dtype, n).syevd;
    for (let t = 0; t < count; t++) {
      const off = t * n * n;
      if ((yield call(syevd, vectors ? 'V' : 'N', uplo === 'L' ? 'U' : 'L', n, buf, n, off, w, t * n)) > 0) {
        throw new LinAlgError('Eigenvalues did not converge');
      }
      if (out !== null) columnToRowMajor(buf, off, n, n, n, out, off);
    }
  }
  return { values: wrap(w, [...batch, n]), vectors: out === null ? null : wrap(out, A.shape) };
}

/**
 * Eigenvalues and eigenvectors of a real symmetric matrix (or of each matrix of a stack), as
 * `numpy.linalg.eigh`: `values` ascending, `vectors[:, j]` the unit eigenvector of `values[j]`.
 * Only the `uplo` triangle (`'L'` by default) is read. Throws {@link LinAlgError} for infinite or
 * NaN input and `'Eigenvalues did not converge'`.
 *
 * @throws TypeError when `a` is not an NDArray, nested arrays of numbers or a
 *  Float64Array/Float32Array, holds anything but numbers (holes, strings, booleans, BigInt,
 *  objects), or its buffer was detached
 * @throws TypeError when `options` is not an object or names an unknown option
 * @throws RangeError when `a` is not a square matrix or stack, has more than 2³¹ − 1 elements, or
 *  `uplo` is not `'L'` or `'U'`
 * @throws LinAlgError `'Array must not contain infs or NaNs'` (in the triangle read), or
 *  `'Eigenvalues did not converge'`
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * const { values, vectors } = linalg.eigh(array([[2, 1], [1, 2]]));
 * values.toArray(); // [1, 3]; vectors columns ±[0.707, -0.707] and ±[0.707, 0.707]
 * ```
 */
export function eigh(a: ArrayInput, options?: { uplo?: 'L' | 'U' }): { values: NDArray; vectors: NDArray } {
  return runSync(eighSteps(a, options));
}

/** {@link eigh}, as kernel steps. @internal */
export function* eighSteps(a: unknown, options: unknown): Steps<{ values: NDArray; vectors: NDArray }> {
  const { values, vectors } = yield* symmetric(a, uploOf(options), true);
  return { values, vectors: vectors! };
}

/**
 * Eigenvalues of a real symmetric matrix (or of each matrix of a stack), ascending, as
 * `numpy.linalg.eigvalsh`. Only the `uplo` triangle (`'L'` by default) is read.
 *
 * @throws TypeError when `a` is not an NDArray, nested arrays of numbers or a
 *  Float64Array/Float32Array, holds anything but numbers (holes, strings, booleans, BigInt,
 *  objects), or its buffer was detached
 * @throws TypeError when `options` is not an object or names an unknown option
 * @throws RangeError when `a` is not a square matrix or stack, has more than 2³¹ − 1 elements, or
 *  `uplo` is not `'L'` or `'U'`
 * @throws LinAlgError `'Array must not contain infs or NaNs'` (in the triangle read), or
 *  `'Eigenvalues did not converge'`
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * linalg.eigvalsh(array([[2, 1], [1, 2]])).toArray(); // [1, 3]
 * ```
 */
export function eigvalsh(a: ArrayInput, options?: { uplo?: 'L' | 'U' }): NDArray {
  return runSync(eigvalshSteps(a, options));
}

/** {@link eigvalsh}, as kernel steps. @internal */
export function* eigvalshSteps(a: unknown, options: unknown): Steps<NDArray> {
  return (yield* symmetric(a, uploOf(options), false)).values;
}

function* general(a: unknown, vectors: boolean): Steps<{ values: ComplexArray; vectors: ComplexArray | null }> {
  const A = asSquareStack(a, 'a');
  const { batch, count, rows: n } = stackShape(A);
  const dtype = resultDType(A);
  const wr = alloc(dtype, count * n);
  const wi = alloc(dtype, count * n);
  const vre = vectors ? alloc(dtype, count * n * n) : null;
  const vim = vectors ? alloc(dtype, count * n * n) : null;
  if (count > 0 && n > 0) {
    // Eigenvalues are those of Aᵀ too, so only the vectors need A itself column-major.
    const buf = vectors ? gatherColumnMajor(A, alloc(dtype, A.size)) : rowMajorCopy(A, dtype);
    assertFinite(buf);
    const geev = lapackFor('geev', dtype, n).geev;
    const vr = vectors ? alloc(dtype, n * n) : alloc(dtype, 1);
    const vl = alloc(dtype, 1);
    for (let t = 0; t < count; t++) {
      const off = t * n * n;
      const info = yield call(geev, 'N', vectors ? 'V' : 'N', n, buf, n, off, wr, t * n, wi, t * n, vl, 1, 0, vr, vectors ? n : 1, 0);
      if (info > 0) throw new LinAlgError('Eigenvalues did not converge');
      if (vre !== null && vim !== null) unpackVectors(n, vr, wi, t * n, vre, vim, off);
    }
  }
  const shape = [...batch, n];
  return {
    values: { re: wrap(wr, shape), im: wrap(wi, shape) },
    vectors: vre === null || vim === null ? null : { re: wrap(vre, A.shape), im: wrap(vim, A.shape) },
  };
}

/**
 * Unpacks geev's real storage of complex eigenvectors (a conjugate pair at j, j+1 stores the real
 * part in column j and the imaginary part in column j+1) into row-major real and imaginary parts.
 */
function unpackVectors(
  n: number, vr: FloatArray, wi: FloatArray, wiOffset: number, re: FloatArray, im: FloatArray, off: number,
): void {
  for (let j = 0; j < n; j++) {
    if (wi[wiOffset + j] !== 0 && j + 1 < n) {
      for (let i = 0; i < n; i++) {
        const x = vr[i + j * n];
        const y = vr[i + (j + 1) * n];
        re[off + i * n + j] = x;
        im[off + i * n + j] = y;
        re[off + i * n + j + 1] = x;
        im[off + i * n + j + 1] = -y;
      }
      j++;
    } else {
      for (let i = 0; i < n; i++) re[off + i * n + j] = vr[i + j * n];
    }
  }
}

/**
 * Eigenvalues and right eigenvectors of a general real square matrix (or of each matrix of a
 * stack), as `numpy.linalg.eig`. Both are complex in general, so each comes as `{ re, im }`:
 * `values.re[j] + i·values.im[j]` has the eigenvector whose components are
 * `vectors.re[:, j] + i·vectors.im[:, j]` (unit Euclidean norm). Complex eigenvalues come in
 * conjugate pairs, positive imaginary part first. Throws {@link LinAlgError} for infinite or NaN
 * input and `'Eigenvalues did not converge'`.
 *
 * @throws TypeError when `a` is not an NDArray, nested arrays of numbers or a
 *  Float64Array/Float32Array, holds anything but numbers (holes, strings, booleans, BigInt,
 *  objects), or its buffer was detached
 * @throws RangeError when `a` is not a square matrix or stack, or has more than 2³¹ − 1 elements
 * @throws LinAlgError `'Array must not contain infs or NaNs'`, or `'Eigenvalues did not converge'`
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * const { values, vectors } = linalg.eig(array([[0, -1], [1, 0]])); // rotation by 90°
 * values.re.toArray(); // [0, 0]
 * values.im.toArray(); // [1, -1]
 * ```
 */
export function eig(a: ArrayInput): { values: ComplexArray; vectors: ComplexArray } {
  return runSync(eigSteps(a));
}

/** {@link eig}, as kernel steps. @internal */
export function* eigSteps(a: unknown): Steps<{ values: ComplexArray; vectors: ComplexArray }> {
  const { values, vectors } = yield* general(a, true);
  return { values, vectors: vectors! };
}

/**
 * Eigenvalues of a general real square matrix (or of each matrix of a stack), as
 * `numpy.linalg.eigvals`, as real and imaginary parts.
 *
 * @throws TypeError when `a` is not an NDArray, nested arrays of numbers or a
 *  Float64Array/Float32Array, holds anything but numbers (holes, strings, booleans, BigInt,
 *  objects), or its buffer was detached
 * @throws RangeError when `a` is not a square matrix or stack, or has more than 2³¹ − 1 elements
 * @throws LinAlgError `'Array must not contain infs or NaNs'`, or `'Eigenvalues did not converge'`
 * @example
 * ```ts
 * import { array, linalg } from '@polyblas/core';
 * const { re, im } = linalg.eigvals(array([[2, 0], [0, 3]]));
 * re.toArray(); // [2, 3] (in the order LAPACK finds them)
 * ```
 */
export function eigvals(a: ArrayInput): ComplexArray {
  return runSync(eigvalsSteps(a));
}

/** {@link eigvals}, as kernel steps. @internal */
export function* eigvalsSteps(a: unknown): Steps<ComplexArray> {
  return (yield* general(a, false)).values;
}
