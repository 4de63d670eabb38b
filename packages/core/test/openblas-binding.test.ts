/**
 * The native binding's guards: every malformed call into the raw kernels is a thrown TypeError or
 * RangeError (never a crash, never a write outside the views it was given), and the thread
 * controls of the OpenBLAS backend. Skipped where the binding is not built (required in CI).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it, vi } from 'vitest';
import { KERNEL_NAMES } from '@polyblas/contract';
import {
  asyncKernels, getNumThreads, loadOpenblas, parseThreadCount, setNumThreads, simdOfCore, unsupportedCoreType, withThreads,
} from '@polyblas/backend-openblas';
import { Rng } from '../src/testing/util.js';

const loaded = loadOpenblas();
const run = loaded.available || Boolean(process.env.CI);
const packageRoot = fileURLToPath(new URL('../../backend-openblas/', import.meta.url));
const addonPath = `${packageRoot}build/Release/polyblas_openblas.node`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Fn = (...args: any[]) => unknown;
const kernel = (name: string): Fn => {
  if (!loaded.available) throw new Error(loaded.reason);
  return (loaded.backend.kernels as Record<string, Fn>)[name];
};

/** A typed array that is a window into a larger buffer whose outside is a sentinel, to catch stray writes. */
class Guarded<T extends Float64Array | Float32Array | Int32Array> {
  static readonly PAD = 16;
  readonly view: T;
  private readonly whole: T;
  constructor(Ctor: { new (n: number): T }, length: number, fill: (i: number) => number) {
    this.whole = new Ctor(length + 2 * Guarded.PAD);
    this.whole.fill(-7777);
    this.view = this.whole.subarray(Guarded.PAD, Guarded.PAD + length) as T;
    for (let i = 0; i < length; i++) this.view[i] = fill(i);
  }
  intact(): boolean {
    const n = this.whole.length;
    for (let i = 0; i < Guarded.PAD; i++) if (this.whole[i] !== -7777 || this.whole[n - 1 - i] !== -7777) return false;
    return true;
  }
}

function detached<T extends Float64Array | Float32Array | Int32Array>(array: T): T {
  structuredClone(array.buffer, { transfer: [array.buffer as ArrayBuffer] });
  return array;
}

describe.runIf(run)('native binding guards', () => {
  it('rejects a wrong number of arguments for every kernel', () => {
    for (const name of KERNEL_NAMES) {
      const fn = kernel(name);
      expect(() => fn(), name).toThrow(TypeError);
      expect(() => fn(...new Array(fn.length + 30).fill(0)), name).toThrow(/expected \d+ arguments/);
    }
  });

  it('rejects typed arrays of the other precision and non-arrays', () => {
    const A = new Float64Array(4);
    const B = new Float64Array(4);
    const C = new Float64Array(4);
    const dgemm = kernel('dgemm');
    expect(() => dgemm('N', 'N', 2, 2, 2, 1, new Float32Array(4), 2, 1, 0, B, 2, 1, 0, 0, C, 2, 1, 0)).toThrow(/A must be a Float64Array/);
    expect(() => dgemm('N', 'N', 2, 2, 2, 1, A, 2, 1, 0, [1, 2, 3, 4], 2, 1, 0, 0, C, 2, 1, 0)).toThrow(TypeError);
    expect(() => dgemm('N', 'N', 2, 2, 2, 1, A, 2, 1, 0, B, 2, 1, 0, 0, null, 2, 1, 0)).toThrow(TypeError);
    expect(() => kernel('sgemm')('N', 'N', 2, 2, 2, 1, new Float32Array(4), 2, 1, 0, new Float32Array(4), 2, 1, 0, 0, C, 2, 1, 0)).toThrow(/C must be a Float32Array/);
    expect(() => kernel('dgetrf')(2, 2, new Float64Array(4), 2, 0, new Float64Array(2), 0)).toThrow(/ipiv must be a Int32Array/);
    expect(() => kernel('sdot')(2, new Float64Array(2), 1, 0, new Float32Array(2), 1, 0)).toThrow(TypeError);
    expect(() => kernel('ddot')(2, new Uint8Array(16), 1, 0, new Float64Array(2), 1, 0)).toThrow(TypeError);
  });

  it('rejects non-integer, non-finite, negative and oversized counts, and unknown options', () => {
    const x = new Float64Array(8);
    const dnrm2 = kernel('dnrm2');
    for (const bad of [1.5, NaN, Infinity, -1, 2 ** 31, '3', undefined]) {
      expect(() => dnrm2(bad, x, 1, 0), String(bad)).toThrow(/N must/);
    }
    expect(() => dnrm2(2, x, 1, -1)).toThrow(/offsetX must be in/);
    expect(() => dnrm2(2, x, 0.5, 0)).toThrow(/strideX must be an integer/);
    const A = new Float64Array(4);
    expect(() => kernel('dgemv')('C', 2, 2, 1, A, 2, 1, 0, x, 1, 0, 0, x, 1, 4)).toThrow(/trans must be one of 'N', 'T'/);
    expect(() => kernel('dpotrf')('l', 2, A, 2, 0)).toThrow(/uplo must be one of/);
    expect(() => kernel('dgesdd')('O', 2, 2, A, 2, 0, x, 0, A, 2, 0, A, 2, 0)).toThrow(/jobz/);
  });

  it('rejects offsets, strides and leading dimensions that reach outside the array', () => {
    const x = new Float64Array(10);
    expect(kernel('ddot')(5, x, 2, 1, x, 1, 0)).toBe(0); // indices 1..9 fit...
    expect(() => kernel('ddot')(5, x, 2, 2, x, 1, 0)).toThrow(/reaches index 10/); // ...2..10 do not
    expect(() => kernel('ddot')(5, x, 3, 0, x, 1, 0)).toThrow(/reaches index 12/);
    expect(() => kernel('daxpy')(3, 1, x, -1, 1, x, 1, 0)).toThrow(/reaches index -1/);
    expect(() => kernel('dscal')(11, 2, x, 1, 0)).toThrow(RangeError);
    const A = new Float64Array(12);
    const dgemm = kernel('dgemm');
    // 3x4 row-major with a padded lead of 5 needs index 2*5 + 3 = 13.
    expect(() => dgemm('N', 'N', 3, 4, 1, 1, new Float64Array(3), 1, 1, 0, new Float64Array(4), 4, 1, 0, 0, A, 5, 1, 0)).toThrow(/C \(3x4, strides 5, 1, offset 0\) reaches index 13/);
    // A reversed view whose first element is too close to the start.
    expect(() => dgemm('N', 'N', 3, 4, 1, 1, new Float64Array(3), 1, 1, 0, new Float64Array(4), 4, 1, 0, 0, A, -4, 1, 7)).toThrow(/reaches index -1/);
    // LAPACK: lda below the row count, and a matrix past the end.
    expect(() => kernel('dgetrf')(3, 3, new Float64Array(9), 2, 0, new Int32Array(3), 0)).toThrow(/lda must be at least max\(1, 3\)/);
    expect(() => kernel('dgetrf')(3, 3, new Float64Array(9), 3, 1, new Int32Array(3), 0)).toThrow(RangeError);
    expect(() => kernel('dgetrf')(3, 3, new Float64Array(9), 3, 0, new Int32Array(2), 0)).toThrow(/ipiv/);
    expect(() => kernel('dgesdd')('A', 3, 2, new Float64Array(6), 3, 0, new Float64Array(2), 0, new Float64Array(6), 3, 0, new Float64Array(4), 2, 0)).toThrow(/U \(3x3/);
    expect(() => kernel('dgelsd')(2, 3, 1, new Float64Array(6), 2, 0, new Float64Array(3), 2, 0, new Float64Array(2), 0, -1, new Int32Array(1), 0)).toThrow(/ldb must be at least max\(1, 3\)/);
  });

  it('rejects pivots that are not row numbers, before LAPACK follows them', () => {
    const A = new Float64Array([4, 1, 1, 3]);
    const b = new Float64Array(2);
    expect(() => kernel('dgetrs')('N', 2, 1, A, 2, 0, new Int32Array([0, 2]), 0, b, 2, 0)).toThrow(/ipiv\[0\] is 0/);
    expect(() => kernel('dgetri')(2, A, 2, 0, new Int32Array([1, 3]), 0)).toThrow(/ipiv\[1\] is 3/);
  });

  it('rejects detached buffers, and accepts them where nothing is read', () => {
    const dgemm = kernel('dgemm');
    const C = new Float64Array(4);
    expect(() => dgemm('N', 'N', 2, 2, 2, 1, detached(new Float64Array(4)), 2, 1, 0, new Float64Array(4), 2, 1, 0, 0, C, 2, 1, 0)).toThrow(/A is detached/);
    expect(() => kernel('dpotrf')('L', 2, detached(new Float64Array(4)), 2, 0)).toThrow(/A is detached/);
    expect(() => kernel('sgetrf')(2, 2, new Float32Array(4), 2, 0, detached(new Int32Array(2)), 0)).toThrow(/ipiv is detached/);
    expect(kernel('ddot')(0, detached(new Float64Array(4)), 1, 0, detached(new Float64Array(4)), 1, 0)).toBe(0);
  });

  it('negative strides: the offset is the first element visited', () => {
    // x visited as x[5], x[3], x[1]; y as y[0], y[1], y[2].
    const x = Float64Array.of(0, 30, 0, 20, 0, 10);
    const y = Float64Array.of(1, 2, 3);
    expect(kernel('ddot')(3, x, -2, 5, y, 1, 0)).toBe(10 * 1 + 20 * 2 + 30 * 3);
    kernel('daxpy')(3, 1, x, -2, 5, y, 1, 0);
    expect(Array.from(y)).toEqual([11, 22, 33]);
    expect(kernel('idamax')(3, Float64Array.of(5, 1, -5), -1, 2)).toBe(0); // -5 is visited first
    expect(kernel('idamax')(3, Float64Array.of(5, 1, -5), 1, 0)).toBe(0);
    const copied = new Float32Array(3);
    kernel('scopy')(3, Float32Array.of(1, 2, 3), 1, 0, copied, -1, 2);
    expect(Array.from(copied)).toEqual([3, 2, 1]);
  });

  it('non-finite LAPACK input gives info >= 0 (a LinAlgError in core), never a rejected-argument Error', () => {
    for (const p of ['d', 's'] as const) {
      const T = p === 'd' ? Float64Array : Float32Array;
      const n = 6;
      for (const bad of [NaN, Infinity, -Infinity]) {
        const matrix = () => {
          const a = new T(n * n);
          for (let k = 0; k < n * n; k++) a[k] = Math.sin(k) + (k % (n + 1) === 0 ? 3 : 0);
          a[7] = bad;
          return a;
        };
        const infos = [
          kernel(`${p}getrf`)(n, n, matrix(), n, 0, new Int32Array(n), 0),
          kernel(`${p}potrf`)('L', n, matrix(), n, 0),
          kernel(`${p}geqrf`)(n, n, matrix(), n, 0, new T(n), 0),
          kernel(`${p}gesdd`)('S', n, n, matrix(), n, 0, new T(n), 0, new T(n * n), n, 0, new T(n * n), n, 0),
          kernel(`${p}syevd`)('V', 'U', n, matrix(), n, 0, new T(n), 0),
          kernel(`${p}geev`)('V', 'V', n, matrix(), n, 0, new T(n), 0, new T(n), 0, new T(n * n), n, 0, new T(n * n), n, 0),
          kernel(`${p}gelsd`)(n, n, 1, matrix(), n, 0, new T(n), n, 0, new T(n), 0, -1, new Int32Array(1), 0),
        ];
        for (const info of infos) expect(info).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('survives 10,000 random calls: each returns or throws a TypeError/RangeError, and writes only inside its views', () => {
    const rng = new Rng(2024);
    const signatures = buildSignatures();
    let thrown = 0;
    for (let call = 0; call < 10_000; call++) {
      const name = KERNEL_NAMES[rng.int(0, KERNEL_NAMES.length - 1)];
      const precision = name.startsWith('i') ? name[1] : name[0];
      const routine = name.startsWith('i') ? 'iamax' : name.slice(1);
      const guards: Guarded<Float64Array | Float32Array | Int32Array>[] = [];
      const args = signatures[routine].map((code) => randomArgument(code, precision, rng, guards));
      try {
        const result = kernel(name)(...args);
        expect(result === undefined || typeof result === 'number', name).toBe(true);
      } catch (error) {
        thrown++;
        if (!(error instanceof TypeError || error instanceof RangeError)) {
          throw new Error(`${name}(${args.map(describeArg).join(', ')}) threw ${String(error)}`);
        }
      }
      for (const g of guards) {
        if (!g.intact()) throw new Error(`${name}(${args.map(describeArg).join(', ')}) wrote outside a view`);
      }
    }
    // Both outcomes must be well represented for the test to mean something.
    expect(thrown).toBeGreaterThan(1000);
    expect(thrown).toBeLessThan(9000);
  });
});

/** Argument codes: o:<letters> option, n count, a scalar, X float array, I Int32Array, s stride, f offset, l leading dimension. */
function buildSignatures(): Record<string, string[]> {
  const vec = (x = 'X') => [x, 's', 'f'];
  const mat = ['X', 's', 's', 'f'];
  const col = ['X', 'l', 'f'];
  return {
    dot: ['n', ...vec(), ...vec()],
    axpy: ['n', 'a', ...vec(), ...vec()],
    scal: ['n', 'a', ...vec()],
    copy: ['n', ...vec(), ...vec()],
    swap: ['n', ...vec(), ...vec()],
    nrm2: ['n', ...vec()],
    asum: ['n', ...vec()],
    iamax: ['n', ...vec()],
    rot: ['n', ...vec(), ...vec(), 'a', 'a'],
    gemv: ['o:NT', 'n', 'n', 'a', ...mat, ...vec(), 'a', ...vec()],
    ger: ['n', 'n', 'a', ...vec(), ...vec(), ...mat],
    symv: ['o:UL', 'n', 'a', ...mat, ...vec(), 'a', ...vec()],
    trmv: ['o:UL', 'o:NT', 'o:NU', 'n', ...mat, ...vec()],
    trsv: ['o:UL', 'o:NT', 'o:NU', 'n', ...mat, ...vec()],
    gemm: ['o:NT', 'o:NT', 'n', 'n', 'n', 'a', ...mat, ...mat, 'a', ...mat],
    symm: ['o:LR', 'o:UL', 'n', 'n', 'a', ...mat, ...mat, 'a', ...mat],
    syrk: ['o:UL', 'o:NT', 'n', 'n', 'a', ...mat, 'a', ...mat],
    trmm: ['o:LR', 'o:UL', 'o:NT', 'o:NU', 'n', 'n', 'a', ...mat, ...mat],
    trsm: ['o:LR', 'o:UL', 'o:NT', 'o:NU', 'n', 'n', 'a', ...mat, ...mat],
    getrf: ['n', 'n', ...col, 'I', 'f'],
    getrs: ['o:NT', 'n', 'n', ...col, 'I', 'f', ...col],
    getri: ['n', ...col, 'I', 'f'],
    potrf: ['o:UL', 'n', ...col],
    potrs: ['o:UL', 'n', 'n', ...col, ...col],
    geqrf: ['n', 'n', ...col, 'X', 'f'],
    orgqr: ['n', 'n', 'n', ...col, 'X', 'f'],
    ormqr: ['o:LR', 'o:NT', 'n', 'n', 'n', ...col, 'X', 'f', ...col],
    gesdd: ['o:ASN', 'n', 'n', ...col, 'X', 'f', ...col, ...col],
    syevd: ['o:NV', 'o:UL', 'n', ...col, 'X', 'f'],
    geev: ['o:NV', 'o:NV', 'n', ...col, 'X', 'f', 'X', 'f', ...col, ...col],
    gelsd: ['n', 'n', 'n', ...col, ...col, 'X', 'f', 'a', 'I', 'f'],
  };
}

function randomArgument(
  code: string, precision: string, rng: Rng, guards: Guarded<Float64Array | Float32Array | Int32Array>[],
): unknown {
  const odd = rng.next() < 0.03;
  if (odd) return [undefined, null, -1, 0.5, NaN, 2 ** 40, 'N', {}, new Float64Array(1)][rng.int(0, 8)];
  if (code.startsWith('o:')) {
    const letters = code.slice(2);
    return rng.next() < 0.97 ? letters[rng.int(0, letters.length - 1)] : ['X', 'NN', '', 'n'][rng.int(0, 3)];
  }
  switch (code) {
    case 'n': return rng.int(0, 7);
    case 'a': return rng.next() < 0.2 ? 0 : rng.signed();
    case 's': return rng.int(-4, 4);
    case 'f': return rng.int(0, 12);
    case 'l': return rng.int(0, 9);
    case 'I': {
      if (rng.next() < 0.05) return detached(new Int32Array(4));
      const g = new Guarded(Int32Array, rng.int(0, 12), () => rng.int(-1, 8));
      guards.push(g);
      return g.view;
    }
    default: {
      const wrongKind = rng.next() < 0.04;
      const Ctor = (precision === 'd') !== wrongKind ? Float64Array : Float32Array;
      if (rng.next() < 0.03) return detached(new Ctor(8));
      const g = new Guarded<Float64Array | Float32Array>(Ctor, rng.int(0, 90), () => rng.signed());
      guards.push(g);
      return g.view;
    }
  }
}

function describeArg(a: unknown): string {
  if (ArrayBuffer.isView(a)) return `${a.constructor.name}(${(a as Float64Array).length})`;
  return typeof a === 'string' ? `'${a}'` : String(a);
}

describe.runIf(run)('threads', () => {
  it('get, set and withThreads (restored after a return, a throw and a promise)', async () => {
    const initial = getNumThreads();
    expect(initial).toBeGreaterThanOrEqual(1);
    setNumThreads(1);
    expect(getNumThreads()).toBe(1);
    expect(withThreads(2, () => getNumThreads())).toBe(Math.min(2, maxThreads()));
    expect(getNumThreads()).toBe(1);
    expect(() => withThreads(2, () => { throw new Error('inside'); })).toThrow('inside');
    expect(getNumThreads()).toBe(1);
    await withThreads(2, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      expect(getNumThreads()).toBe(Math.min(2, maxThreads()));
    });
    expect(getNumThreads()).toBe(1);
    for (const bad of [0, -1, 1.5, NaN]) expect(() => setNumThreads(bad)).toThrow(RangeError);
    setNumThreads(initial);
    if (loaded.available) expect(loaded.backend.info().threads).toBe(initial);
  });

  it('POLYBLAS_NUM_THREADS: a positive integer, or a reason that says so', async () => {
    expect(parseThreadCount('3')).toBe(3);
    for (const bad of ['0', '-2', 'two', '1.5', ' ']) expect(() => parseThreadCount(bad)).toThrow(/must be a positive integer/);
    const before = process.env.POLYBLAS_NUM_THREADS;
    const threads = getNumThreads();
    try {
      vi.resetModules();
      process.env.POLYBLAS_NUM_THREADS = 'lots';
      const fresh = await import('@polyblas/backend-openblas');
      const result = await fresh.descriptor.load();
      expect(result).toEqual({ available: false, reason: 'POLYBLAS_NUM_THREADS must be a positive integer, got "lots"' });
      vi.resetModules();
      process.env.POLYBLAS_NUM_THREADS = '1';
      const good = await (await import('@polyblas/backend-openblas')).descriptor.load();
      expect(good.available && good.backend.getNumThreads?.()).toBe(1);
    } finally {
      if (before === undefined) delete process.env.POLYBLAS_NUM_THREADS;
      else process.env.POLYBLAS_NUM_THREADS = before;
      setNumThreads(threads);
      vi.resetModules();
    }
  });
});

/** OpenBLAS caps the count at the threads it was started with (the core count by default). */
function maxThreads(): number {
  return Number(execFileSync(process.execPath, ['-e', `process.stdout.write(String(require(${JSON.stringify(addonPath)}).getNumThreads()))`], { encoding: 'utf8' }));
}

describe.runIf(run)('core type and worker threads', () => {
  const probe = `const a = require(${JSON.stringify(addonPath)});
    const C = new Float64Array(4);
    a.dgemm('N', 'N', 2, 2, 2, 1, Float64Array.of(1, 2, 3, 4), 2, 1, 0, Float64Array.of(5, 6, 7, 8), 2, 1, 0, 0, C, 2, 1, 0);
    process.stdout.write(JSON.stringify({ core: a.libraryInfo().coreType, c: Array.from(C) }));`;
  const withCore = (value: string | undefined) => {
    const env = { ...process.env };
    if (value === undefined) delete env.OPENBLAS_CORETYPE;
    else env.OPENBLAS_CORETYPE = value;
    return JSON.parse(execFileSync(process.execPath, ['-e', probe], { env, encoding: 'utf8' })) as { core: string; c: number[] };
  };

  it('an OPENBLAS_CORETYPE OpenBLAS does not know falls back to the detected core, and computes', () => {
    const detected = withCore(undefined);
    expect(detected.c).toEqual([19, 22, 43, 50]);
    const bogus = withCore('NoSuchCore');
    expect(bogus).toEqual(detected);
    expect(withCore('').core).toBe(detected.core);
  });

  it('a known core type is honoured when the CPU supports it, refused before loading when it does not', () => {
    const haswell = withCore('Haswell');
    expect(haswell).toEqual({ core: 'Haswell', c: [19, 22, 43, 50] });
    expect(simdOfCore('Haswell')).toBe('AVX2');
    expect(simdOfCore('SkylakeX')).toBe('AVX-512');
    expect(unsupportedCoreType('SkylakeX', new Set(['avx2', 'fma', 'avx']))).toMatch(/needs avx512f, avx512dq, avx512bw, avx512vl/);
    expect(unsupportedCoreType('SkylakeX', new Set(['avx512f', 'avx512dq', 'avx512bw', 'avx512vl']))).toBeNull();
    expect(unsupportedCoreType('NoSuchCore', new Set())).toBeNull();
    expect(unsupportedCoreType('Haswell', null)).toBeNull();
  });

  it('loads in several worker threads at once, each computing', async () => {
    const source = `const { parentPort } = require('node:worker_threads');
      const a = require(${JSON.stringify(addonPath)});
      const n = 64, A = new Float64Array(n * n).fill(1), C = new Float64Array(n * n);
      a.dgemm('N', 'N', n, n, n, 1, A, n, 1, 0, A, n, 1, 0, 0, C, n, 1, 0);
      parentPort.postMessage(C.every((v) => v === n));`;
    const results = await Promise.all(Array.from({ length: 4 }, () => new Promise<boolean>((resolve, reject) => {
      const worker = new Worker(source, { eval: true });
      worker.once('message', resolve);
      worker.once('error', reject);
    })));
    expect(results).toEqual([true, true, true, true]);
  });
});

describe.runIf(run)('asynchronous forms', () => {
  it('resolve with what the synchronous kernels compute', async () => {
    const k = asyncKernels()!;
    const C = new Float64Array(4);
    await expect(k.dgemm('N', 'N', 2, 2, 2, 1, Float64Array.of(1, 2, 3, 4), 2, 1, 0, Float64Array.of(5, 6, 7, 8), 2, 1, 0, 0, C, 2, 1, 0)).resolves.toBeUndefined();
    expect(Array.from(C)).toEqual([19, 22, 43, 50]);
    await expect(k.sdot(3, Float32Array.of(1, 2, 3), 1, 0, Float32Array.of(4, 5, 6), -1, 2)).resolves.toBe(1 * 6 + 2 * 5 + 3 * 4);
    // A singular matrix: info > 0 is a result, not a rejection.
    await expect(k.dgetrf(2, 2, Float64Array.of(1, 2, 2, 4), 2, 0, new Int32Array(2), 0)).resolves.toBe(2);
    // A product large enough to take OpenBLAS's threaded path from a libuv worker thread.
    const n = 600;
    const A = new Float64Array(n * n).fill(1);
    const D = new Float64Array(n * n);
    await k.dgemm('N', 'N', n, n, n, 1, A, n, 1, 0, A, n, 1, 0, 0, D, n, 1, 0);
    expect(D.every((v) => v === n)).toBe(true);
  });

  it('run concurrently with each other and with synchronous calls, each with its own result', async () => {
    const k = asyncKernels()!;
    const n = 200;
    const products = Array.from({ length: 8 }, (_, j) => {
      const A = new Float64Array(n * n).fill(j + 1);
      const D = new Float64Array(n * n);
      return { D, want: n * (j + 1) ** 2, done: k.dgemm('N', 'N', n, n, n, 1, A, n, 1, 0, A, n, 1, 0, 0, D, n, 1, 0) };
    });
    const A = new Float64Array(n * n).fill(2);
    const D = new Float64Array(n * n);
    kernel('dgemm')('N', 'N', n, n, n, 1, A, n, 1, 0, A, n, 1, 0, 0, D, n, 1, 0);
    expect(D.every((v) => v === 4 * n)).toBe(true);
    await Promise.all(products.map((p) => p.done));
    for (const p of products) expect(p.D.every((v) => v === p.want)).toBe(true);
  });

  it('reject with the same error types as the synchronous forms', async () => {
    const k = asyncKernels()!;
    await expect(k.dgemm(...([] as unknown as Parameters<typeof k.dgemm>))).rejects.toThrow(TypeError);
    await expect(k.dpotrf('L', 3, new Float64Array(4), 3, 0)).rejects.toThrow(RangeError);
    await expect(k.sgesdd('A', 2, 2, new Float64Array(4) as unknown as Float32Array, 2, 0, new Float32Array(2), 0, new Float32Array(4), 2, 0, new Float32Array(4), 2, 0)).rejects.toThrow(/A must be a Float32Array/);
    await expect(k.dgetri(2, new Float64Array(4), 2, 0, Int32Array.of(5, 1), 0)).rejects.toThrow(/ipiv\[0\] is 5/);
  });
});
