/**
 * The one question the API layers ask before calling a kernel: which kernel set serves this
 * routine at this size. Answered by the selector (see select.ts).
 *
 * @module
 */
export { kernelsFor } from './select.js';
