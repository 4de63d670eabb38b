/**
 * The asynchronous API (`linalg.async.*`, `matmulAsync`) on every backend available here: the same
 * results as the synchronous functions, the same errors as rejections, inputs copied at the call,
 * 1,000 overlapping calls, inputs dropped and collected while a native call is in flight, and (on
 * openblas) an event loop that keeps turning during a large factorisation.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { getBackend, LinAlgError, linalg, matmul, matmulAsync, NDArray, setBackend, showConfig } from '../src/index.js';
import { Rng } from '../src/testing/util.js';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const initial = getBackend();
afterAll(async () => {
  await setBackend(initial);
});

const required = Boolean(process.env.CI);
const available = new Set(showConfig().backends.filter((b) => b.available).map((b) => b.name));
const BACKENDS = ['js', 'wasm', 'openblas'].filter((name) => available.has(name) || (required && name !== 'js'));

function randomArray(shape: number[], rng: Rng, dtype: 'float64' | 'float32' = 'float64'): NDArray {
  const size = shape.reduce((p, d) => p * d, 1);
  const data = dtype === 'float32' ? new Float32Array(size) : new Float64Array(size);
  for (let i = 0; i < size; i++) data[i] = rng.signed();
  return new NDArray(data, shape);
}

/** A well-conditioned square matrix: random plus n on the diagonal. */
function wellConditioned(n: number, rng: Rng, dtype: 'float64' | 'float32' = 'float64'): NDArray {
  const a = randomArray([n, n], rng, dtype);
  for (let i = 0; i < n; i++) a.data[i * n + i] += n;
  return a;
}

/** The largest |x - y| over two results, scaled by the largest |x|; both must have the same shape. */
function relativeDifference(x: NDArray | number, y: NDArray | number): number {
  if (typeof x === 'number' || typeof y === 'number') {
    expect(typeof x).toBe(typeof y);
    return Math.abs((x as number) - (y as number)) / Math.max(1, Math.abs(x as number));
  }
  expect(y.shape).toEqual(x.shape);
  expect(y.dtype).toBe(x.dtype);
  let diff = 0;
  let scale = 0;
  const a = x.copy().data;
  const b = y.copy().data;
  for (let i = 0; i < a.length; i++) {
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(a[i]));
  }
  return diff / Math.max(scale, Number.MIN_VALUE);
}

/** The same kernels on the same data give the same numbers up to threading in the library. */
const SAME = 1e-12;

for (const name of BACKENDS) {
  describe(`linalg.async on ${name}`, () => {
    it('selects the backend', async () => {
      expect(await setBackend(name)).toBe(name);
    });

    it('gives what the synchronous functions give, for every function', async () => {
      await setBackend(name);
      const rng = new Rng(7);
      const a = wellConditioned(12, rng);
      const b = randomArray([12, 3], rng);
      const tall = randomArray([15, 9], rng);
      const sym = linalg.matrixTranspose(a);
      const spd = matmul(a, sym);
      const cases: [string, () => unknown, () => Promise<unknown>][] = [
        ['solve', () => linalg.solve(a, b), () => linalg.async.solve(a, b)],
        ['inv', () => linalg.inv(a), () => linalg.async.inv(a)],
        ['det', () => linalg.det(a), () => linalg.async.det(a)],
        ['slogdet', () => linalg.slogdet(a).logabsdet, async () => (await linalg.async.slogdet(a)).logabsdet],
        ['cholesky', () => linalg.cholesky(spd), () => linalg.async.cholesky(spd)],
        ['qr', () => linalg.qr(tall).r, async () => (await linalg.async.qr(tall)).r],
        ['svd', () => linalg.svd(tall).s, async () => (await linalg.async.svd(tall)).s],
        ['svdvals', () => linalg.svdvals(tall), () => linalg.async.svdvals(tall)],
        ['pinv', () => linalg.pinv(tall), () => linalg.async.pinv(tall)],
        ['matrixRank', () => linalg.matrixRank(tall), () => linalg.async.matrixRank(tall)],
        ['eigh', () => linalg.eigh(spd).values, async () => (await linalg.async.eigh(spd)).values],
        ['eigvalsh', () => linalg.eigvalsh(spd), () => linalg.async.eigvalsh(spd)],
        ['eig', () => linalg.eig(a).values.re, async () => (await linalg.async.eig(a)).values.re],
        ['eigvals', () => linalg.eigvals(a).im, async () => (await linalg.async.eigvals(a)).im],
        ['lstsq', () => linalg.lstsq(tall, b.reshape(36).slice('0:15')).x, async () => (await linalg.async.lstsq(tall, b.reshape(36).slice('0:15'))).x],
        ['norm', () => linalg.norm(tall, 2), () => linalg.async.norm(tall, 2)],
        ['matrixNorm', () => linalg.matrixNorm(tall, { ord: 'nuc' }), () => linalg.async.matrixNorm(tall, { ord: 'nuc' })],
        ['cond', () => linalg.cond(a, 1), () => linalg.async.cond(a, 1)],
        ['matrixPower', () => linalg.matrixPower(a, -3), () => linalg.async.matrixPower(a, -3)],
        ['multiDot', () => linalg.multiDot([linalg.matrixTranspose(tall), tall, b.slice('0:9')]), () => linalg.async.multiDot([linalg.matrixTranspose(tall), tall, b.slice('0:9')])],
        ['tensorinv', () => linalg.tensorinv(a.reshape(12, 3, 4), { ind: 1 }), () => linalg.async.tensorinv(a.reshape(12, 3, 4), { ind: 1 })],
        ['tensorsolve', () => linalg.tensorsolve(a.reshape(3, 4, 12), b.slice(':', 0).reshape(3, 4)), () => linalg.async.tensorsolve(a.reshape(3, 4, 12), b.slice(':', 0).reshape(3, 4))],
        ['matmul', () => linalg.matmul(tall, b.slice('0:9')), () => linalg.async.matmul(tall, b.slice('0:9'))],
        ['matmulAsync', () => matmul(a, b), () => matmulAsync(a, b)],
      ];
      for (const [label, sync, later] of cases) {
        const expected = sync() as NDArray | number;
        const got = (await later()) as NDArray | number;
        expect(relativeDifference(expected, got), label).toBeLessThan(SAME);
      }
    });

    it('rejects with the errors the synchronous functions throw', async () => {
      await setBackend(name);
      await expect(linalg.async.inv([[1, 2], [2, 4]])).rejects.toThrow(LinAlgError);
      await expect(linalg.async.inv([[1, 2], [2, 4]])).rejects.toThrow('Singular matrix');
      await expect(linalg.async.cholesky([[1, 2], [2, 1]])).rejects.toThrow('Matrix is not positive definite');
      await expect(linalg.async.solve([[1, 2], [3, 4]], [1, 2, 3])).rejects.toThrow(RangeError);
      await expect(linalg.async.svd('matrix' as never)).rejects.toThrow(TypeError);
      await expect(linalg.async.svd([[1, NaN]])).rejects.toThrow('Array must not contain infs or NaNs');
      await expect(linalg.async.qr([[1]], { mode: 'thin' } as never)).rejects.toThrow(RangeError);
      await expect(linalg.async.eigh([[1]], { uplo: 'L', extra: 1 } as never)).rejects.toThrow(TypeError);
      await expect(matmulAsync([[1, 2]], [[1, 2]])).rejects.toThrow(RangeError);
      // A singular matrix has an infinite condition number, as in the synchronous cond.
      expect(await linalg.async.cond([[1, 2], [2, 4]], 1)).toBe(Infinity);
    });

    it('works on copies taken at the call: changing the inputs afterwards changes nothing', async () => {
      await setBackend(name);
      const rng = new Rng(11);
      const a = wellConditioned(40, rng);
      const b = randomArray([40, 2], rng);
      const stackB = randomArray([3, 40, 2], rng);
      const expectedX = linalg.solve(a, b);
      const expectedStack = linalg.solve(a, stackB);
      const expectedS = linalg.svdvals(a);
      const pending = [linalg.async.solve(a, b), linalg.async.solve(a, stackB), linalg.async.svdvals(a)] as const;
      a.data.fill(0);
      b.data.fill(0);
      stackB.data.fill(0);
      const [x, xs, s] = await Promise.all(pending);
      expect(relativeDifference(expectedX, x)).toBeLessThan(SAME);
      expect(relativeDifference(expectedStack, xs)).toBeLessThan(SAME);
      expect(relativeDifference(expectedS, s)).toBeLessThan(SAME);
    });

    it('1,000 overlapping calls give the results of the synchronous ones', async () => {
      await setBackend(name);
      const rng = new Rng(1000);
      const inputs = Array.from({ length: 1000 }, (_, i) => {
        const n = 2 + (i % 47);
        return { kind: i % 5, a: wellConditioned(n, rng, i % 7 === 0 ? 'float32' : 'float64'), b: randomArray([n, 2], rng) };
      });
      const run = (input: (typeof inputs)[number], asynchronous: boolean): unknown => {
        const api = asynchronous ? linalg.async : linalg;
        switch (input.kind) {
          case 0: return api.solve(input.a, input.b);
          case 1: return api.inv(input.a);
          case 2: return asynchronous ? linalg.async.svdvals(input.a) : linalg.svdvals(input.a);
          case 3: return asynchronous ? matmulAsync(input.a, input.b) : matmul(input.a, input.b);
          // log|det|: det itself overflows float32 at these sizes.
          default: return asynchronous ? linalg.async.slogdet(input.a).then((r) => r.logabsdet) : linalg.slogdet(input.a).logabsdet;
        }
      };
      const results = await Promise.all(inputs.map((input) => run(input, true) as Promise<NDArray | number>));
      const tolerance = (input: (typeof inputs)[number]) => (input.a.dtype === 'float32' ? 1e-5 : SAME);
      inputs.forEach((input, i) => {
        expect(relativeDifference(run(input, false) as NDArray | number, results[i]), `call ${i}`).toBeLessThan(tolerance(input));
      });
    });
  });
}

describe.runIf(available.has('openblas') || required)('linalg.async on openblas: off the main thread', () => {
  it('uses the native promise forms: the event loop turns while a large SVD runs', async () => {
    await setBackend('openblas');
    const a = randomArray([500, 500], new Rng(3));
    let turns = 0;
    let running = true;
    const spin = (): void => {
      turns++;
      if (running) setImmediate(spin);
    };
    setImmediate(spin);
    const pending = linalg.async.svd(a);
    const { u, s, vt } = await pending;
    running = false;
    // The event loop ran the callback over and over while the factorisation was computed.
    expect(turns).toBeGreaterThan(10);
    // And the result is an SVD: U·diag(S)·Vᵀ reproduces a.
    const us = new NDArray(u.data.slice(), u.shape);
    for (let i = 0; i < 500; i++) for (let j = 0; j < 500; j++) us.data[i * 500 + j] *= s.data[j];
    expect(relativeDifference(a, matmul(us, vt))).toBeLessThan(1e-12);
  });

  it('keeps operands alive while the native call runs, though the caller dropped them', async () => {
    await setBackend('openblas');
    const rng = new Rng(5);
    const expected: NDArray[] = [];
    const pending: Promise<NDArray>[] = [];
    for (let i = 0; i < 8; i++) {
      // Operands reachable only from the pending call once this block ends.
      const a = randomArray([300, 300], rng);
      const b = randomArray([300, 300], rng);
      expected.push(matmul(a, b));
      pending.push(matmulAsync(a, b));
    }
    for (let i = 0; i < 5; i++) {
      collectGarbage();
      await new Promise((resolve) => setImmediate(resolve));
    }
    const results = await Promise.all(pending);
    results.forEach((c, i) => expect(relativeDifference(expected[i], c)).toBeLessThan(SAME));
  });
});
