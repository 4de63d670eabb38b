/**
 * The NDArray layer of polyblas: the array type, its constructors, seeded random arrays and
 * elementwise arithmetic.
 *
 * @example
 * ```ts
 * import { array, add, sqrt, defaultRng } from '@polyblas/core';
 * const rng = defaultRng(42);
 * const x = rng.standardNormal(1000);
 * const y = rng.standardNormal(1000);
 * const r = sqrt(add(x.square(), y.square()));
 * ```
 *
 * @module
 */
export { NDArray, type DType, type Order, type SliceSpec, type NestedArray } from './ndarray.js';
export {
  array,
  zeros,
  ones,
  empty,
  full,
  eye,
  arange,
  type ArrayInput,
  type ArrayOptions,
  type CreateOptions,
  type EyeOptions,
} from './create.js';
export {
  Generator,
  defaultRng,
  random,
  uniform,
  standardNormal,
  type RandomOptions,
  type SeededOptions,
} from './random.js';
export {
  add,
  subtract,
  multiply,
  divide,
  sqrt,
  square,
  negative,
  abs,
  type Operand,
  type ElementwiseOptions,
} from './elementwise.js';
