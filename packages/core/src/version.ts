/**
 * The version of `@polyblas/core`, kept equal to its package.json by `pnpm run version-packages`
 * (a test fails when they differ).
 *
 * @example
 * ```ts
 * import { VERSION } from '@polyblas/core';
 * console.log(`polyblas ${VERSION}`);
 * ```
 */
export const VERSION = '0.1.0';
