// The install step of a native polyblas backend: builds the shared binding (this package's native/
// sources, through the backend's CMakeLists.txt) with cmake-js against the node-api-headers package,
// so there is no download. It never fails an install: on any problem it prints one line saying why
// and that the backend will report itself unavailable, records the reason in <buildDir>/
// polyblas-build.json (the backend's loader shows it), and exits 0.
//
// A backend's scripts/install.mjs calls installNative({...}); its command line takes
//   --force    build even if nothing changed
//   --strict   exit 1 when the build fails (for CI that expects the library)
// and POLYBLAS_SKIP_NATIVE=1 skips the build (the backend then reports "native binding not found").
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** This package's directory: the shared sources and the CMake module live here. */
export const bindingDir = dirname(dirname(fileURLToPath(import.meta.url)));

/** Every file under the given directories, as [name for the hash, absolute path], sorted. */
function filesUnder(dirs) {
  const files = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath ?? entry.path, entry.name);
      files.push([relative(bindingDir, path), path]);
    }
  }
  return files.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** The most telling line of a failed build's output. */
function reasonFrom(output, logFile) {
  const ours = output.match(/POLYBLAS: ([^\n]*)/);
  if (ours) return ours[1].trim();
  const lines = output.split('\n').map((l) => l.trim()).filter(Boolean);
  const error = lines.find((l) => /error[: ]/i.test(l) && !/^ERR!|OMG/.test(l));
  return `compilation failed (${(error ?? lines.at(-1) ?? 'no output').slice(0, 200)}; see ${logFile})`;
}

/**
 * Builds one backend's addon and exits the process.
 *
 * @param {object} options
 * @param {string} options.root              the backend package's directory (holds CMakeLists.txt)
 * @param {string} options.packageName       e.g. '@polyblas/backend-openblas', for the one-line message
 * @param {string} options.backend           e.g. 'openblas', for the one-line message
 * @param {string} options.addonName         the CMake target: <buildDir>/Release/<addonName>.node
 * @param {string} [options.buildDir]        where to build (default <root>/build)
 * @param {Record<string, string>} [options.defines]  -D values always passed to CMake (so none lingers in its cache)
 * @param {string[]} [options.inputs]        extra directories and strings whose change forces a rebuild
 * @param {string | null} [options.unsupported]  a reason not to try at all on this platform
 * @param {string[]} [options.args]          the command line (default process.argv.slice(2))
 * @param {DirectAttempt[]} [options.direct]  where cmake is missing (or POLYBLAS_NATIVE_DIRECT=1):
 *   compile with the C++ compiler alone, trying these in order until one builds
 *
 * @typedef {object} DirectAttempt  one way to compile the addon without cmake
 * @property {string} label          what it is, for the log ('new-lapack interface')
 * @property {string} headerDir      the directory holding the backend's blas_lapack.h
 * @property {string[]} [defines]    NAME or NAME=VALUE
 * @property {string[]} [includeDirs] after headerDir
 * @property {string[]} [sources]    compiled with the shared ones
 * @property {string[]} [libs]       linker arguments ('-framework', 'Accelerate')
 */
export function installNative(options) {
  const { root, packageName, backend, addonName } = options;
  const buildDir = options.buildDir ?? join(root, 'build');
  const statusFile = join(buildDir, 'polyblas-build.json');
  const logFile = join(buildDir, 'polyblas-build.log');
  const addonFile = join(buildDir, 'Release', `${addonName}.node`);
  const args = new Set(options.args ?? process.argv.slice(2));
  const strict = args.has('--strict');
  const defines = options.defines ?? {};
  const tag = `${packageName}:`;

  function finish(ok, reason, inputs) {
    mkdirSync(buildDir, { recursive: true });
    writeFileSync(statusFile, JSON.stringify({ ok, reason: reason ?? undefined, inputs }, null, 2) + '\n');
    if (ok) console.log(`${tag} native binding built (${addonFile})`);
    else console.log(`${tag} native binding not built: ${reason}. The ${backend} backend will report itself unavailable.`);
    process.exit(!ok && strict ? 1 : 0);
  }

  /** A fingerprint of everything the build depends on, so an unchanged tree is not rebuilt. */
  function fingerprint() {
    const hash = createHash('sha256');
    const dirs = [join(root, 'native'), join(bindingDir, 'native'), join(bindingDir, 'cmake')];
    const strings = [];
    for (const input of options.inputs ?? []) (input.startsWith('/') && existsSync(input) ? dirs : strings).push(input);
    for (const [name, path] of [['CMakeLists.txt', join(root, 'CMakeLists.txt')], ...filesUnder(dirs)]) {
      hash.update(name).update(readFileSync(path));
    }
    const require = createRequire(join(bindingDir, 'package.json'));
    for (const dep of ['node-addon-api', 'node-api-headers', 'cmake-js']) {
      try {
        hash.update(dep + require(`${dep}/package.json`).version);
      } catch {
        hash.update(dep + ' missing');
      }
    }
    hash.update(process.platform + process.arch + process.version.split('.')[0] + JSON.stringify(defines) + strings.join('\n'));
    return hash.digest('hex').slice(0, 16);
  }

  /** The build without cmake: the compiler alone, one attempt after another. */
  function buildDirect(inputs) {
    const require = createRequire(join(bindingDir, 'package.json'));
    let addonApiDir;
    let headersDir;
    try {
      addonApiDir = dirname(require.resolve('node-addon-api/package.json'));
      headersDir = join(dirname(require.resolve('node-api-headers/package.json')), 'include');
    } catch (error) {
      finish(false, `node-addon-api or node-api-headers is not installed (${error.message.split('\n')[0]})`, inputs);
    }
    const cxx = process.env.CXX || (process.platform === 'darwin' ? 'clang++' : 'c++');
    const native = join(bindingDir, 'native');
    mkdirSync(join(buildDir, 'Release'), { recursive: true });
    const log = [];
    for (const attempt of options.direct) {
      const args = [
        '-std=c++17', '-O2', '-fPIC', '-fvisibility=hidden', '-fexceptions', '-Wall', '-Wextra', '-Wno-unused-parameter',
        ...['NAPI_VERSION=8', 'NAPI_CPP_EXCEPTIONS', 'NODE_ADDON_API_DISABLE_DEPRECATED', `NODE_GYP_MODULE_NAME=${addonName}`, ...(attempt.defines ?? [])].map((d) => `-D${d}`),
        ...[attempt.headerDir, ...(attempt.includeDirs ?? []), native, addonApiDir, headersDir].map((d) => `-I${d}`),
        ...['binding.cc', 'blas.cc', 'lapack.cc'].map((f) => join(native, f)), ...(attempt.sources ?? []),
        ...(process.platform === 'darwin' ? ['-bundle', '-undefined', 'dynamic_lookup'] : ['-shared']),
        '-o', addonFile, ...(attempt.libs ?? []),
      ];
      const run = spawnSync(cxx, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      log.push(`$ ${cxx} ${args.join(' ')}`, run.stdout ?? '', run.stderr ?? '', String(run.error ?? ''));
      writeFileSync(logFile, log.join('\n'));
      if (run.error) finish(false, `${cxx} not found (${process.platform === 'darwin' ? 'xcode-select --install' : 'apt-get install g++'})`, inputs);
      if (run.status === 0 && existsSync(addonFile)) {
        console.log(`${tag} built with ${cxx} alone (${attempt.label})`);
        finish(true, null, inputs);
      }
    }
    finish(false, reasonFrom(log.join('\n'), logFile), inputs);
  }

  function main() {
    if (process.env.POLYBLAS_SKIP_NATIVE === '1') finish(false, 'skipped (POLYBLAS_SKIP_NATIVE=1)', null);
    if (options.unsupported) finish(false, options.unsupported, null);
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
    const noCmake = cmake.error || cmake.status !== 0;
    if (options.direct && (noCmake || process.env.POLYBLAS_NATIVE_DIRECT === '1')) buildDirect(inputs);
    if (noCmake) finish(false, 'cmake not found (apt-get install cmake g++ / brew install cmake)', inputs);
    let cmakeJs;
    let addonApiDir;
    try {
      const require = createRequire(join(bindingDir, 'package.json'));
      cmakeJs = join(dirname(require.resolve('cmake-js/package.json')), 'bin', 'cmake-js');
      addonApiDir = dirname(require.resolve('node-addon-api/package.json'));
    } catch (error) {
      finish(false, `cmake-js or node-addon-api is not installed (${error.message.split('\n')[0]})`, inputs);
    }
    mkdirSync(buildDir, { recursive: true });
    const cmakeArgs = [
      `--CDNODE_ADDON_API_DIR=${addonApiDir}`,
      `--CDPOLYBLAS_BINDING_DIR=${bindingDir}`,
      ...Object.entries(defines).map(([key, value]) => `--CD${key}=${value}`),
    ];
    const run = spawnSync(
      process.execPath,
      [cmakeJs, 'build', '--directory', root, '--out', buildDir, '--parallel', '2', ...cmakeArgs],
      { cwd: root, encoding: 'utf8', env: { ...process.env, npm_config_nodedir: '' }, maxBuffer: 64 * 1024 * 1024 },
    );
    const output = `${run.stdout ?? ''}\n${run.stderr ?? ''}`;
    writeFileSync(logFile, output);
    if (run.error) finish(false, `cmake-js could not run (${run.error.message})`, inputs);
    if (run.status !== 0 || !existsSync(addonFile)) finish(false, reasonFrom(output, logFile), inputs);
    finish(true, null, inputs);
  }

  try {
    main();
  } catch (error) {
    console.log(`${tag} native binding not built: ${error instanceof Error ? error.message : String(error)}. The ${backend} backend will report itself unavailable.`);
    process.exit(strict ? 1 : 0);
  }
}
