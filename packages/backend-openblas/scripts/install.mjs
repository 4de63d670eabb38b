#!/usr/bin/env node
// Builds the native binding (build/Release/polyblas_openblas.node) with cmake-js against the
// node-api-headers package: no download. Never fails an install: on any problem it prints one line
// saying why and that the backend will report itself unavailable, records the reason in
// build/polyblas-build.json (the backend shows it), and exits 0.
//
//   node scripts/install.mjs            build if the sources or the toolchain changed
//   node scripts/install.mjs --force    build even if nothing changed
//   node scripts/install.mjs --strict   exit 1 when the build fails (for CI that expects OpenBLAS)
//
// POLYBLAS_SKIP_NATIVE=1 skips the build (the backend then reports "native binding not found").
// POLYBLAS_OPENBLAS_LIBRARY=/path/to/libopenblas.so links that library instead of searching.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const buildDir = join(root, 'build');
const statusFile = join(buildDir, 'polyblas-build.json');
const logFile = join(buildDir, 'polyblas-build.log');
const addonFile = join(buildDir, 'Release', 'polyblas_openblas.node');
const args = new Set(process.argv.slice(2));
const strict = args.has('--strict');
const tag = '@polyblas/backend-openblas:';

function finish(ok, reason, inputs) {
  mkdirSync(buildDir, { recursive: true });
  writeFileSync(statusFile, JSON.stringify({ ok, reason: reason ?? undefined, inputs }, null, 2) + '\n');
  if (ok) {
    console.log(`${tag} native binding built (${addonFile})`);
  } else {
    console.log(`${tag} native binding not built: ${reason}. The openblas backend will report itself unavailable.`);
  }
  process.exit(!ok && strict ? 1 : 0);
}

/** A fingerprint of everything the build depends on, so an unchanged tree is not rebuilt. */
function fingerprint() {
  const hash = createHash('sha256');
  const files = ['CMakeLists.txt', ...readdirSync(join(root, 'native'), { recursive: true }).map((f) => join('native', String(f)))];
  for (const file of files.sort()) {
    const path = join(root, file);
    try {
      hash.update(file).update(readFileSync(path));
    } catch {
      // a directory
    }
  }
  const require = createRequire(join(root, 'package.json'));
  for (const dep of ['node-addon-api', 'node-api-headers', 'cmake-js']) {
    try {
      hash.update(dep + require(`${dep}/package.json`).version);
    } catch {
      hash.update(dep + ' missing');
    }
  }
  hash.update(process.platform + process.arch + (process.env.POLYBLAS_OPENBLAS_LIBRARY ?? ''));
  // The library found last time: a changed OpenBLAS installation triggers a rebuild.
  for (const lib of ['/usr/lib/x86_64-linux-gnu/libopenblas.so', '/usr/lib/aarch64-linux-gnu/libopenblas.so', '/opt/homebrew/opt/openblas/lib/libopenblas.dylib', '/usr/local/opt/openblas/lib/libopenblas.dylib']) {
    if (existsSync(lib)) hash.update(lib);
  }
  return hash.digest('hex').slice(0, 16);
}

/** The most telling line of a failed build's output. */
function reasonFrom(output) {
  const ours = output.match(/POLYBLAS: ([^\n]*)/);
  if (ours) return ours[1].trim();
  const lines = output.split('\n').map((l) => l.trim()).filter(Boolean);
  const error = lines.find((l) => /error[: ]/i.test(l) && !/^ERR!|OMG/.test(l));
  return `compilation failed (${(error ?? lines.at(-1) ?? 'no output').slice(0, 200)}; see ${logFile})`;
}

function main() {
  if (process.env.POLYBLAS_SKIP_NATIVE === '1') finish(false, 'skipped (POLYBLAS_SKIP_NATIVE=1)', null);
  let inputs = null;
  try {
    inputs = fingerprint();
  } catch (error) {
    finish(false, `cannot read the native sources (${error.message})`, null);
  }
  let previous = null;
  try {
    previous = JSON.parse(readFileSync(statusFile, 'utf8'));
  } catch {
    // never built here
  }
  if (!args.has('--force') && existsSync(addonFile) && previous?.ok && previous.inputs === inputs) {
    console.log(`${tag} native binding up to date`);
    process.exit(0);
  }
  if (!previous?.ok) {
    // A failed configure caches what it did not find (and a half-written build tree): start clean.
    rmSync(join(buildDir, 'CMakeCache.txt'), { force: true });
    rmSync(join(buildDir, 'CMakeFiles'), { recursive: true, force: true });
  }
  const cmake = spawnSync('cmake', ['--version'], { encoding: 'utf8' });
  if (cmake.error || cmake.status !== 0) {
    finish(false, 'cmake not found (apt-get install cmake g++ / brew install cmake)', inputs);
  }
  let cmakeJs;
  let addonApiDir;
  try {
    const require = createRequire(join(root, 'package.json'));
    cmakeJs = join(dirname(require.resolve('cmake-js/package.json')), 'bin', 'cmake-js');
    addonApiDir = dirname(require.resolve('node-addon-api/package.json'));
  } catch (error) {
    finish(false, `cmake-js or node-addon-api is not installed (${error.message.split('\n')[0]})`, inputs);
  }
  mkdirSync(buildDir, { recursive: true });
  const run = spawnSync(
    process.execPath,
    [
      cmakeJs, 'build', '--directory', root, '--out', buildDir, '--parallel', '2', `--CDNODE_ADDON_API_DIR=${addonApiDir}`,
      // Always passed, so an earlier value does not linger in CMake's cache.
      `--CDOPENBLAS_LIBRARY=${process.env.POLYBLAS_OPENBLAS_LIBRARY ?? ''}`,
    ],
    { cwd: root, encoding: 'utf8', env: { ...process.env, npm_config_nodedir: '' }, maxBuffer: 64 * 1024 * 1024 },
  );
  const output = `${run.stdout ?? ''}\n${run.stderr ?? ''}`;
  writeFileSync(logFile, output);
  if (run.error) finish(false, `cmake-js could not run (${run.error.message})`, inputs);
  if (run.status !== 0 || !existsSync(addonFile)) finish(false, reasonFrom(output), inputs);
  finish(true, null, inputs);
}

try {
  main();
} catch (error) {
  console.log(`${tag} native binding not built: ${error instanceof Error ? error.message : String(error)}. The openblas backend will report itself unavailable.`);
  process.exit(strict ? 1 : 0);
}
