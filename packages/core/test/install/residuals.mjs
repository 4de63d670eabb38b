// Scaled residuals shared by the scripts that check polyblas from outside the test runner
// (install/check.mjs in a scratch project, workers/linalg-worker.mjs in a worker thread). Plain
// JavaScript with no imports, so it can be copied beside check.mjs into a project that has only
// the installed packages. A correct result scores a modest multiple of 1.

/** Unit roundoff (doubled: the spacing of numbers at 1) per dtype. */
export const EPS = { float64: 2 ** -52, float32: 2 ** -23 };

/** The infinity norm (largest absolute row sum) of the rows×cols matrix whose (i, j) is at(i, j). */
export function normInf(rows, cols, at) {
  let worst = 0;
  for (let i = 0; i < rows; i++) {
    let sum = 0;
    for (let j = 0; j < cols; j++) sum += Math.abs(at(i, j));
    worst = Math.max(worst, sum);
  }
  return worst;
}

/**
 * max |C − A·B| / (k · eps · (|A|·|B|)) for the NDArrays a (m×k), b (k×n) and c, against a naive
 * product accumulated in doubles.
 */
export function productError(a, b, c) {
  const [m, k] = a.shape;
  const n = b.shape[1];
  const eps = EPS[c.dtype];
  let worst = 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let exact = 0;
      let magnitude = 0;
      for (let p = 0; p < k; p++) {
        exact += a.get(i, p) * b.get(p, j);
        magnitude += Math.abs(a.get(i, p) * b.get(p, j));
      }
      worst = Math.max(worst, Math.abs(c.get(i, j) - exact) / (k * eps * magnitude));
    }
  }
  return worst;
}
