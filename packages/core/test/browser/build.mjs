// Builds polyblas for a page: @polyblas/core and @polyblas/backend-wasm from their TypeScript
// sources into ESM files for browsers, plus the end-to-end test's page script.
//
//   node packages/core/test/browser/build.mjs <outdir>
//
// Two entry points sharing one chunk (backend-js and contract): core imports the wasm backend by a
// specifier computed at run time, which a page resolves through its import map (see page.html).
// The optional native backends are never reached at build time and so stay out.
import { builtinModules } from 'node:module';
import { mkdir, copyFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import esbuild from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));
const packages = resolve(here, '../../..');

/** The workspace packages the bundle takes from source; anything else of @polyblas is left out. */
const SOURCES = {
  '@polyblas/core': resolve(packages, 'core/src/index.ts'),
  '@polyblas/contract': resolve(packages, 'contract/src/index.ts'),
  '@polyblas/backend-js': resolve(packages, 'backend-js/src/index.ts'),
  '@polyblas/backend-wasm': resolve(packages, 'backend-wasm/src/index.ts'),
};

/** Output names (without `.js`) of the two library entry points. */
export const ENTRY_NAMES = { core: 'polyblas', wasm: 'polyblas-backend-wasm' };

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Resolves the workspace packages to their sources and fails the build on any Node module. */
const browserOnly = {
  name: 'polyblas-browser',
  setup(build) {
    build.onResolve({ filter: /^@polyblas\// }, (args) => {
      const path = SOURCES[args.path];
      return path ? { path } : { errors: [{ text: `${args.path} is not part of the browser build` }] };
    });
    build.onResolve({ filter: /.*/ }, (args) =>
      NODE_BUILTINS.has(args.path) ? { errors: [{ text: `Node-only module "${args.path}" imported by ${args.importer}` }] } : undefined,
    );
  },
};

/**
 * Bundles core and the wasm backend into `outdir` (ES2022, platform browser, code splitting) and,
 * with `page: true`, compiles the test page's script (which imports `@polyblas/core` by name) and
 * its worker's script, and copies page.html beside them. Resolves to esbuild's metafile, which lists every import.
 */
export async function buildBrowserBundle({ outdir, page = false, minify = false }) {
  await mkdir(outdir, { recursive: true });
  const library = await esbuild.build({
    entryPoints: { [ENTRY_NAMES.core]: SOURCES['@polyblas/core'], [ENTRY_NAMES.wasm]: SOURCES['@polyblas/backend-wasm'] },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify,
    metafile: true,
    // The packages' "sideEffects" lists name their dist/ files; read from the sources, they would
    // mark core's backend registration (backend/builtin.ts) as removable.
    ignoreAnnotations: true,
    logLevel: 'warning',
    plugins: [browserOnly],
  });
  if (page) {
    await esbuild.build({
      entryPoints: [resolve(here, 'page.ts')],
      outdir,
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      external: ['@polyblas/core', '@polyblas/backend-wasm'],
      logLevel: 'silent',
    });
    // A worker does not necessarily see the page's import map: its script names the library's
    // files by relative URL instead.
    await esbuild.build({
      entryPoints: [resolve(here, 'worker.ts')],
      outdir,
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      logLevel: 'silent',
      plugins: [{
        name: 'polyblas-worker',
        setup(build) {
          build.onResolve({ filter: /^@polyblas\/(core|backend-wasm)$/ }, (args) => ({
            path: `./${args.path === '@polyblas/core' ? ENTRY_NAMES.core : ENTRY_NAMES.wasm}.js`,
            external: true,
          }));
        },
      }],
    });
    await copyFile(resolve(here, 'page.html'), resolve(outdir, 'index.html'));
  }
  return library.metafile;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const outdir = resolve(process.argv[2] ?? 'browser-bundle');
  const metafile = await buildBrowserBundle({ outdir, page: process.argv.includes('--page'), minify: process.argv.includes('--minify') });
  for (const [file, { bytes }] of Object.entries(metafile.outputs)) console.log(`${file}  ${(bytes / 1024).toFixed(1)} kB`);
}
