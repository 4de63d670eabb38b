/**
 * The errors polyblas throws. Bad arguments are `TypeError` (wrong kind: a string where an array
 * goes, a hole or a BigInt inside one, a detached buffer, an unknown option name) or `RangeError`
 * (right kind, wrong value: a shape, an axis, a size past 2³¹ − 1 elements), and their messages
 * start with the argument (`a: `, `options.out: `, `arrays[1]: `) and say what was expected;
 * numerical failures are {@link LinAlgError}, as numpy raises `numpy.linalg.LinAlgError`; a
 * backend selection that cannot be made is a {@link BackendError}.
 *
 * @module
 */

/**
 * A numerical failure of a linear-algebra routine: a singular matrix where an inverse or a solve
 * was asked for, a matrix that is not positive definite in a Cholesky factorisation, or an
 * iteration that did not converge.
 *
 * @example
 * ```ts
 * import { linalg, array, LinAlgError } from '@polyblas/core';
 * try {
 *   linalg.inv(array([[1, 2], [2, 4]]));
 * } catch (e) {
 *   if (e instanceof LinAlgError) console.log(e.message); // 'Singular matrix'
 * }
 * ```
 */
export class LinAlgError extends Error {
  override readonly name = 'LinAlgError';
}

/**
 * The error a backend selection produced: an unknown backend name, or a forced backend that is not
 * available here. Its message lists the valid or the available backends.
 *
 * @example
 * ```ts
 * import { setBackend, BackendError } from '@polyblas/core';
 * try {
 *   await setBackend('nonsense');
 * } catch (e) {
 *   if (e instanceof BackendError) console.log(e.message); // lists the valid names
 * }
 * ```
 */
export class BackendError extends Error {
  override readonly name = 'BackendError';
}

/** Throws a TypeError naming the argument and what was expected. @internal */
export function typeError(argument: string, expected: string, got?: unknown): never {
  throw new TypeError(`${argument}: expected ${expected}${got === undefined ? '' : `, got ${describe(got)}`}`);
}

/** Throws a RangeError naming the argument and what was expected. @internal */
export function rangeError(argument: string, expected: string, got?: unknown): never {
  throw new RangeError(`${argument}: expected ${expected}${got === undefined ? '' : `, got ${describe(got)}`}`);
}

/** A description already worded for an error message ("shape [2, 3]"), printed as it is. @internal */
export class Worded {
  constructor(readonly text: string) {}
}

/** Marks text as already worded, so an error message prints it without quotes. @internal */
export function worded(text: string): Worded {
  return new Worded(text);
}

/** A short description of a value for an error message. @internal */
export function describe(value: unknown): string {
  if (value instanceof Worded) return value.text;
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name} of length ${(value as unknown as ArrayLike<unknown>).length}`;
  if (typeof value === 'object') {
    const ctor = (value as object).constructor;
    if (ctor && ctor.name === 'NDArray') {
      const a = value as { shape: readonly number[]; dtype: string };
      return `an NDArray of shape [${a.shape.join(', ')}] and dtype ${a.dtype}`;
    }
    return ctor && ctor !== Object && ctor.name ? `a ${ctor.name}` : 'an object';
  }
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return `${typeof value} ${String(value)}`;
}

/**
 * Throws a TypeError naming the first property of an options object that is not one of `known`,
 * as numpy rejects an unexpected keyword argument: a misspelt option (`{ fullmatrices: false }`)
 * must not silently fall back to the default. @internal
 */
export function rejectUnknownOptions(options: object, known: readonly string[], argument = 'options'): void {
  for (const key in options) {
    if (!Object.prototype.hasOwnProperty.call(options, key) || known.includes(key)) continue;
    const expected = known.length === 0 ? 'no options' : `only ${known.map((k) => `'${k}'`).join(', ')}`;
    throw new TypeError(`${argument}.${key}: unexpected option (expected ${expected})`);
  }
}
