/**
 * The version of `@polyblas/backend-js` (kept equal to its package.json by
 * `pnpm run version-packages`; a test fails when they differ).
 *
 * @example
 * ```ts
 * import { VERSION } from '@polyblas/backend-js';
 * console.log(VERSION);
 * ```
 */
export const VERSION = '0.1.0';
