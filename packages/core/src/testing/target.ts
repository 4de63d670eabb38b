/**
 * What a conformance suite runs against.
 *
 * @module
 */
import type { Kernels } from '@polyblas/contract';

/**
 * A backend under test: its name and a complete kernel set (for a partial backend, its own
 * kernels over the reference ones, exactly as the selector would run them).
 *
 * @example
 * ```ts
 * import { referenceKernels } from '@polyblas/backend-js';
 * import type { ConformanceTarget } from '@polyblas/core/testing';
 * const target: ConformanceTarget = { name: 'js', kernels: referenceKernels };
 * ```
 */
export interface ConformanceTarget {
  readonly name: string;
  readonly kernels: Kernels;
}
