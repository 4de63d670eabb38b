import type { Metafile } from 'esbuild';

/** Output names (without `.js`) of the two library entry points. */
export declare const ENTRY_NAMES: { readonly core: string; readonly wasm: string };

/**
 * Bundles core and the wasm backend into `outdir` for browsers and, with `page: true`, the
 * end-to-end page beside them. Resolves to esbuild's metafile.
 *
 * @example
 * ```ts
 * import { buildBrowserBundle } from './browser/build.mjs';
 * const metafile = await buildBrowserBundle({ outdir: '/tmp/polyblas-browser', page: true });
 * ```
 */
export declare function buildBrowserBundle(options: { outdir: string; page?: boolean; minify?: boolean }): Promise<Metafile>;
