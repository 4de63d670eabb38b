// Run by plain `node` in a scratch project that installed the packed tarballs, as a user's program
// would: reports the backend chosen by default, showConfig(), and for every available backend the
// residuals of inv and matmul on seeded inputs, as one line of JSON on stdout. The residuals are
// scaled so that a correct result is a small multiple of 1 (see install-tarballs.test.ts).
import { array, getBackend, linalg, matmul, setBackend, showConfig } from '@polyblas/core';
import { EPS, normInf, productError } from './residuals.mjs';

/** mulberry32: a seeded generator of numbers in [-0.5, 0.5). */
function generator(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
  };
}

function randomMatrix(rows, cols, seed, dtype, diagonalShift = 0) {
  const next = generator(seed);
  const data = Float64Array.from({ length: rows * cols }, (_, idx) => next() + (Math.floor(idx / cols) === idx % cols ? diagonalShift : 0));
  return array(dtype === 'float32' ? Float32Array.from(data) : data, { shape: [rows, cols] });
}

/** ‖A·inv(A) − I‖∞ / (n · eps · ‖A‖∞ · ‖inv(A)‖∞). */
function invResidual(n, dtype, seed) {
  const a = randomMatrix(n, n, seed, dtype, n / 4);
  const x = linalg.inv(a);
  if (x.dtype !== dtype) throw new Error(`inv returned ${x.dtype} for ${dtype} input`);
  let worst = 0;
  for (let i = 0; i < n; i++) {
    let rowSum = 0;
    for (let j = 0; j < n; j++) {
      let s = i === j ? -1 : 0;
      for (let p = 0; p < n; p++) s += a.get(i, p) * x.get(p, j);
      rowSum += Math.abs(s);
    }
    worst = Math.max(worst, rowSum);
  }
  const norm = (m) => normInf(n, n, (i, j) => m.get(i, j));
  return worst / (n * EPS[dtype] * norm(a) * norm(x));
}

/** max |C − A·B| / (k · eps · (|A|·|B|)), against a naive product accumulated in doubles. */
function matmulResidual(m, k, n, dtype, seed) {
  const a = randomMatrix(m, k, seed, dtype);
  const b = randomMatrix(k, n, seed + 1, dtype);
  const c = matmul(a, b);
  if (c.dtype !== dtype || c.shape[0] !== m || c.shape[1] !== n) throw new Error(`matmul returned ${c.dtype} [${c.shape}]`);
  return productError(a, b, c);
}

const selected = getBackend();
const before = showConfig();
const results = {};
for (const backend of before.backends) {
  if (backend.available !== true) continue;
  await setBackend(backend.name);
  results[backend.name] = {
    active: getBackend(),
    inv64: invResidual(40, 'float64', 1),
    inv32: invResidual(40, 'float32', 2),
    matmul64: matmulResidual(37, 65, 29, 'float64', 3),
    matmul32: matmulResidual(37, 65, 29, 'float32', 5),
  };
}
await setBackend('default');
console.log(JSON.stringify({ selected, config: before, results }));
