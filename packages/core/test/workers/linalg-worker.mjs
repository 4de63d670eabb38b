// One worker of worker-threads.test.ts: imports the built @polyblas/core (the package's own name
// resolves to its dist), with POLYBLAS_BACKEND set by the parent; waits until every worker has
// loaded so that they all compute at once; then runs solve, svd and matmul on seeded inputs and
// posts back the largest scaled residual of each (a correct result is a modest multiple of 1).
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { EPS, normInf, productError } from '../install/residuals.mjs';

const { seed, rounds, barrier, workers } = workerData;

/** Counts this worker in and waits (at most a minute) for the others. */
function arriveAndWait() {
  const count = new Int32Array(barrier);
  Atomics.add(count, 0, 1);
  Atomics.notify(count, 0);
  const deadline = Date.now() + 60_000;
  for (let seen = Atomics.load(count, 0); seen < workers && Date.now() < deadline; seen = Atomics.load(count, 0)) {
    Atomics.wait(count, 0, seen, 1000);
  }
  return Atomics.load(count, 0) >= workers;
}

/** ‖A·x − b‖∞ / (n · eps · (‖A‖∞ ‖x‖∞ + ‖b‖∞)) over the columns of b. */
function solveResidual(core, rng, n, dtype) {
  const a = rng.uniform(-0.5, 0.5, [n, n], { dtype });
  const b = rng.uniform(-0.5, 0.5, [n, 3], { dtype });
  const x = core.linalg.solve(a, b);
  if (x.dtype !== dtype) throw new Error(`solve returned ${x.dtype} for ${dtype}`);
  const residual = normInf(n, 3, (i, j) => {
    let s = -b.get(i, j);
    for (let p = 0; p < n; p++) s += a.get(i, p) * x.get(p, j);
    return s;
  });
  const scale = normInf(n, n, (i, j) => a.get(i, j)) * normInf(n, 3, (i, j) => x.get(i, j)) + normInf(n, 3, (i, j) => b.get(i, j));
  return residual / (n * EPS[dtype] * scale);
}

/** max(‖U·diag(s)·Vᵀ − A‖∞ / ‖A‖∞, ‖UᵀU − I‖∞, ‖VᵀV − I‖∞) / (n · eps), with s sorted and non-negative. */
function svdResidual(core, rng, m, n, dtype) {
  const a = rng.uniform(-0.5, 0.5, [m, n], { dtype });
  const { u, s, vt } = core.linalg.svd(a, { fullMatrices: false });
  const k = Math.min(m, n);
  for (let i = 0; i < k; i++) {
    if (!(s.get(i) >= 0) || (i > 0 && s.get(i) > s.get(i - 1))) throw new Error(`singular values not sorted and non-negative at ${i}`);
  }
  const reconstruction = normInf(m, n, (i, j) => {
    let sum = -a.get(i, j);
    for (let p = 0; p < k; p++) sum += u.get(i, p) * s.get(p) * vt.get(p, j);
    return sum;
  }) / normInf(m, n, (i, j) => a.get(i, j));
  const uOrthogonality = normInf(k, k, (i, j) => {
    let sum = i === j ? -1 : 0;
    for (let p = 0; p < m; p++) sum += u.get(p, i) * u.get(p, j);
    return sum;
  });
  const vOrthogonality = normInf(k, k, (i, j) => {
    let sum = i === j ? -1 : 0;
    for (let p = 0; p < n; p++) sum += vt.get(i, p) * vt.get(j, p);
    return sum;
  });
  return Math.max(reconstruction, uOrthogonality, vOrthogonality) / (Math.max(m, n) * EPS[dtype]);
}

/** max |C − A·B| / (k · eps · (|A|·|B|)), against a naive product accumulated in doubles. */
function matmulResidual(core, rng, m, k, n, dtype) {
  const a = rng.uniform(-0.5, 0.5, [m, k], { dtype });
  const b = rng.uniform(-0.5, 0.5, [k, n], { dtype });
  return productError(a, b, core.matmul(a, b));
}

let core;
let loadError = null;
try {
  core = await import('@polyblas/core');
  core.getBackend(); // throws the selection error when the forced backend is unavailable
} catch (error) {
  loadError = error instanceof Error ? error.message : String(error);
}
const together = arriveAndWait();
if (loadError !== null) {
  parentPort.postMessage({ threadId, error: loadError });
} else {
  const rng = new core.Generator(seed);
  const worst = { solve64: 0, solve32: 0, svd64: 0, svd32: 0, matmul64: 0, matmul32: 0 };
  for (let round = 0; round < rounds; round++) {
    const n = 48 + 16 * round;
    worst.solve64 = Math.max(worst.solve64, solveResidual(core, rng, n, 'float64'));
    worst.solve32 = Math.max(worst.solve32, solveResidual(core, rng, n, 'float32'));
    worst.svd64 = Math.max(worst.svd64, svdResidual(core, rng, n + 7, n - 5, 'float64'));
    worst.svd32 = Math.max(worst.svd32, svdResidual(core, rng, n - 5, n + 7, 'float32'));
    worst.matmul64 = Math.max(worst.matmul64, matmulResidual(core, rng, n, n + 13, n - 9, 'float64'));
    worst.matmul32 = Math.max(worst.matmul32, matmulResidual(core, rng, n + 3, n, n + 1, 'float32'));
  }
  const active = core.showConfig().backends.find((b) => b.name === core.getBackend());
  parentPort.postMessage({ threadId, together, backend: core.getBackend(), library: active?.library, worst });
}
