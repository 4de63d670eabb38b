/**
 * The checks the end-to-end page and its worker run: `linalg.svd` and `matmul` on the backend
 * selected at the time, measured against the mathematics (a naive product, orthogonality) rather
 * than against figures the library printed.
 */
import { getBackend, linalg, matmul, random } from '@polyblas/core';
import type { NDArray } from '@polyblas/core';

/** What was measured on one backend; every figure is a relative error, ideally ~1e-15. */
export interface BackendRun {
  backend: string;
  svd: { shape: number[]; reconstruction: number; orthogonalityU: number; orthogonalityV: number; descending: boolean };
  matmul: { shape: number[]; error: number };
}

type Matrix = number[][];

function asMatrix(a: NDArray): Matrix {
  return a.toArray() as Matrix;
}

/** The naive triple loop, the reference every product is checked against. */
function naiveProduct(a: Matrix, b: Matrix): Matrix {
  const m = a.length;
  const k = b.length;
  const n = b[0].length;
  const c: Matrix = [];
  for (let i = 0; i < m; i++) {
    const row = new Array<number>(n).fill(0);
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) sum += a[i][p] * b[p][j];
      row[j] = sum;
    }
    c.push(row);
  }
  return c;
}

function transpose(a: Matrix): Matrix {
  return a[0].map((_, j) => a.map((row) => row[j]));
}

function frobenius(a: Matrix): number {
  let sum = 0;
  for (const row of a) for (const v of row) sum += v * v;
  return Math.sqrt(sum);
}

/** ‖a − b‖_F. */
function distance(a: Matrix, b: Matrix): number {
  return frobenius(a.map((row, i) => row.map((v, j) => v - b[i][j])));
}

function identity(n: number): Matrix {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}

function checkSvd(rows: number, cols: number, seed: number): BackendRun['svd'] {
  const a = random([rows, cols], { seed });
  const { u, s, vt } = linalg.svd(a, { fullMatrices: false });
  const U = asMatrix(u);
  const Vt = asMatrix(vt);
  const sigma = s.toArray() as number[];
  const usv = naiveProduct(U.map((row) => row.map((v, j) => v * sigma[j])), Vt);
  const k = sigma.length;
  return {
    shape: [rows, cols],
    reconstruction: distance(usv, asMatrix(a)) / frobenius(asMatrix(a)),
    orthogonalityU: distance(naiveProduct(transpose(U), U), identity(k)) / Math.sqrt(k),
    orthogonalityV: distance(naiveProduct(Vt, transpose(Vt)), identity(k)) / Math.sqrt(k),
    descending: sigma.every((v, i) => v >= 0 && (i === 0 || v <= sigma[i - 1])),
  };
}

function checkMatmul(m: number, k: number, n: number, seed: number): BackendRun['matmul'] {
  const a = random([m, k], { seed });
  const b = random([k, n], { seed: seed + 1 });
  const reference = naiveProduct(asMatrix(a), asMatrix(b));
  return { shape: [m, k, n], error: distance(asMatrix(matmul(a, b)), reference) / frobenius(reference) };
}

/** The svd and matmul checks on the backend selected now. */
export function runOnCurrentBackend(): BackendRun {
  // Sizes above the size policy's small-problem rules, so the selected backend does the work.
  return { backend: getBackend(), svd: checkSvd(48, 30, 7), matmul: checkMatmul(40, 33, 37, 11) };
}
