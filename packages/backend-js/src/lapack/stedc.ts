/**
 * `stedc`: eigenvalues and eigenvectors of a symmetric tridiagonal matrix by divide and conquer.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';
import type { LapackContext } from './context.js';
import { steqr } from './steqr.js';

/** Subproblems up to this order are solved by the QL/QR iteration. */
const SMALL = 32;

/**
 * Computes all eigenvalues (ascending, into `d`) and the orthonormal eigenvectors (into the N×N
 * Z, column j for d[j]) of the symmetric tridiagonal matrix with diagonal `d` and off-diagonal `e`
 * (N − 1 elements, destroyed), by Cuppen's divide and conquer: the matrix is torn in two by a
 * rank-one change, both halves are solved recursively, and the rank-one update D + ρ·z·zᵀ of
 * their joined spectra is solved through the secular equation (roots by safeguarded bisection on
 * the distance to the nearest pole, so the differences dᵢ − λⱼ are accurate) with small entries of
 * z and close pairs of dᵢ deflated. Eigenvectors come from the Gu–Eisenstat recomputed ẑ, which
 * keeps them orthogonal; the merge is one matrix product per half. Returns 0, or > 0 when a
 * subproblem's QL/QR iteration did not converge.
 *
 * @example
 * ```ts
 * import { createLapackContext } from '@polyblas/backend-js';
 * import { stedc } from './stedc.js';
 * const ctx = createLapackContext('d');
 * const d = new Float64Array([2, 2]), e = new Float64Array([1]), Z = new Float64Array(4);
 * stedc(ctx, 2, d, 0, e, 0, Z, 2, 0); // d = [1, 3]
 * ```
 */
export function stedc<T extends FloatArray>(
  ctx: LapackContext<T>, N: number, d: T, offsetD: number, e: T, offsetE: number, Z: T, ldz: number, offsetZ: number,
): number {
  if (N === 0) return 0;
  const { blas } = ctx;
  const zc = (i: number, j: number): number => offsetZ + i + j * ldz;
  for (let j = 0; j < N; j++) for (let i = 0; i < N; i++) Z[zc(i, j)] = i === j ? 1 : 0;
  if (N <= SMALL) return steqr(ctx, true, N, d, offsetD, e, offsetE, Z, ldz, offsetZ);

  // Scale to norm about 1 (the secular equation's tolerances are absolute).
  let orgnrm = 0;
  for (let i = 0; i < N; i++) orgnrm = Math.max(orgnrm, Math.abs(d[offsetD + i]));
  for (let i = 0; i < N - 1; i++) orgnrm = Math.max(orgnrm, Math.abs(e[offsetE + i]));
  if (orgnrm === 0) return 0;
  const D = new Float64Array(N);
  const E = new Float64Array(N);
  for (let i = 0; i < N; i++) D[i] = d[offsetD + i] / orgnrm;
  for (let i = 0; i < N - 1; i++) E[i] = e[offsetE + i] / orgnrm;

  // Workspace: the secular eigenvectors, the merge basis and the product (N² each).
  const ws = ctx.work(3 * N * N);
  const W = ws.data;
  const uOff = ws.offset;
  const bOff = uOff + N * N;
  const pOff = bOff + N * N;
  const eps = ctx.eps;
  let info = 0;

  // Bottom-up over the tear points: solve the small blocks, then merge pairs of neighbours.
  const sizes: number[] = [];
  const starts: number[] = [];
  {
    // Split into blocks of at most SMALL rows by repeated halving (balanced merges).
    const split = (lo: number, n: number): void => {
      if (n <= SMALL) {
        starts.push(lo);
        sizes.push(n);
        return;
      }
      const m = n >> 1;
      split(lo, m);
      split(lo + m, n - m);
    };
    split(0, N);
  }
  // Tear: subtract |ρ| at every boundary.
  for (let b = 1; b < starts.length; b++) {
    const k = starts[b];
    const rho = Math.abs(E[k - 1]);
    D[k - 1] -= rho;
    D[k] -= rho;
  }
  const dsub = new Float64Array(SMALL);
  const esub = new Float64Array(SMALL);
  const Tsub = ctx.work(SMALL * SMALL);
  const dt = ctx.work(2 * SMALL);
  for (let b = 0; b < starts.length; b++) {
    const lo = starts[b];
    const n = sizes[b];
    for (let i = 0; i < n; i++) dsub[i] = D[lo + i];
    for (let i = 0; i < n - 1; i++) esub[i] = E[lo + i];
    // steqr on the precision's arrays: copy through the workspace type.
    for (let i = 0; i < n; i++) dt.data[dt.offset + i] = dsub[i];
    for (let i = 0; i < n - 1; i++) dt.data[dt.offset + n + i] = esub[i];
    const Td = Tsub.data;
    for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) Td[Tsub.offset + i + j * n] = i === j ? 1 : 0;
    const r = steqr(ctx, true, n, dt.data, dt.offset, dt.data, dt.offset + n, Td, n, Tsub.offset);
    if (r > 0) info = lo + 1;
    for (let i = 0; i < n; i++) D[lo + i] = dt.data[dt.offset + i];
    for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) Z[zc(lo + i, lo + j)] = Td[Tsub.offset + i + j * n];
  }
  if (info > 0) return info;

  // Merge neighbours level by level.
  let blocks = starts.map((s, i) => [s, sizes[i]] as [number, number]);
  while (blocks.length > 1) {
    const next: [number, number][] = [];
    for (let b = 0; b + 1 < blocks.length; b += 2) {
      const [lo, n1] = blocks[b];
      const n2 = blocks[b + 1][1];
      merge(lo, n1, n2, E[lo + n1 - 1]);
      next.push([lo, n1 + n2]);
    }
    if (blocks.length % 2 === 1) next.push(blocks[blocks.length - 1]);
    blocks = next;
  }

  for (let i = 0; i < N; i++) d[offsetD + i] = D[i] * orgnrm;
  return 0;

  /**
   * Merges the solved neighbours lo..lo+n1−1 and lo+n1..lo+n1+n2−1 (eigenvalues in D, sorted
   * within each, eigenvectors in the diagonal blocks of Z) torn at off-diagonal β.
   */
  function merge(lo: number, n1: number, n2: number, beta: number): void {
    const n = n1 + n2;
    // T = diag(Q1, Q2)·(diag(D1, D2) + ρ·z·zᵀ)·diag(Q1, Q2)ᵀ with z = [last row of Q1; ±first row of Q2].
    let rho = Math.abs(beta);
    const sgn = beta >= 0 ? 1 : -1;
    const z = new Float64Array(n);
    for (let j = 0; j < n1; j++) z[j] = Z[zc(lo + n1 - 1, lo + j)];
    for (let j = 0; j < n2; j++) z[n1 + j] = sgn * Z[zc(lo + n1, lo + n1 + j)];
    // ‖z‖ = √2: normalise it into ρ.
    let zn = 0;
    for (let i = 0; i < n; i++) zn += z[i] * z[i];
    zn = Math.sqrt(zn);
    for (let i = 0; i < n; i++) z[i] /= zn;
    rho *= zn * zn;

    // Sort the joined eigenvalues (merging two sorted lists).
    const dd = new Float64Array(n);
    const perm = new Int32Array(n);
    {
      let a = 0;
      let b = 0;
      for (let k = 0; k < n; k++) {
        if (b >= n2 || (a < n1 && D[lo + a] <= D[lo + n1 + b])) perm[k] = a++;
        else perm[k] = n1 + b++;
        dd[k] = D[lo + perm[k]];
      }
    }
    const zs = new Float64Array(n);
    for (let k = 0; k < n; k++) zs[k] = z[perm[k]];

    // The merge basis: column k is block column perm[k] (rows lo..lo+n−1 only).
    const b = (i: number, k: number): number => bOff + i + k * n;
    for (let k = 0; k < n; k++) blas.copy(n, Z, 1, zc(lo, lo + perm[k]), W, 1, b(0, k));
    // Deflation: negligible z entries, and close pairs rotated so that one z entry vanishes.
    const dmax = Math.max(Math.abs(dd[0]), Math.abs(dd[n - 1]));
    let zmax = 0;
    for (let i = 0; i < n; i++) zmax = Math.max(zmax, Math.abs(zs[i]));
    const tol = 8 * eps * Math.max(dmax, zmax);
    const keep: number[] = [];
    const deflated: number[] = [];
    // Which rows a basis column can be non-zero in: 1 top half only, 3 bottom only, 2 both.
    const colType = new Int8Array(n);
    for (let k = 0; k < n; k++) colType[k] = perm[k] < n1 ? 1 : 3;
    if (rho * zmax <= tol) {
      for (let k = 0; k < n; k++) deflated.push(k);
    } else {
      let prev = -1;
      for (let k = 0; k < n; k++) {
        if (rho * Math.abs(zs[k]) <= tol) {
          deflated.push(k);
          continue;
        }
        if (prev < 0) {
          prev = k;
          continue;
        }
        const tau = Math.hypot(zs[k], zs[prev]);
        const c = zs[k] / tau;
        const sn = -zs[prev] / tau;
        if (Math.abs((dd[k] - dd[prev]) * c * sn) <= tol) {
          zs[k] = tau;
          zs[prev] = 0;
          const dPrev = dd[prev] * c * c + dd[k] * sn * sn;
          dd[k] = dd[prev] * sn * sn + dd[k] * c * c;
          dd[prev] = dPrev;
          blas.rot(n, W, 1, b(0, prev), W, 1, b(0, k), c, sn);
          if (colType[prev] !== colType[k]) colType[k] = 2;
          deflated.push(prev);
        } else keep.push(prev);
        prev = k;
      }
      if (prev >= 0) keep.push(prev);
    }
    const K = keep.length;
    // Deflated vectors go to the product area after the K computed ones.
    const deflatedAt = new Map<number, number>();
    deflated.forEach((k, idx) => {
      deflatedAt.set(k, pOff + (K + idx) * n);
      blas.copy(n, W, 1, b(0, k), W, 1, pOff + (K + idx) * n);
    });
    const lambda = new Float64Array(K);
    if (K > 0) {
      const dk = new Float64Array(K);
      const zk = new Float64Array(K);
      for (let i = 0; i < K; i++) {
        dk[i] = dd[keep[i]];
        zk[i] = zs[keep[i]];
      }
      const z2 = new Float64Array(K);
      let zz = 0;
      for (let i = 0; i < K; i++) {
        z2[i] = zk[i] * zk[i];
        zz += z2[i];
      }
      // U(i, j) = dk[i] − λ_j, accurate because λ_j is found as an offset from its nearest pole.
      const u = (i: number, j: number): number => uOff + i + j * K;
      const diff = new Float64Array(K);
      const invRho = 1 / rho;
      for (let j = 0; j < K; j++) {
        const lower = dk[j];
        const width = j < K - 1 ? dk[j + 1] - lower : rho * zz;
        const half = 0.5 * width;
        let fmid = invRho;
        for (let i = 0; i < K; i++) fmid += z2[i] / (dk[i] - lower - half);
        // f increases from −∞ to +∞ between poles: f(mid) ≥ 0 puts the root in the lower half.
        const fromLower = j === K - 1 || fmid >= 0;
        const origin = fromLower ? j : j + 1;
        let a = fromLower ? 0 : -half;
        let hi = fromLower ? (j === K - 1 ? width : half) : 0;
        const dorig = dk[origin];
        for (let i = 0; i < K; i++) diff[i] = dk[i] - dorig;
        for (let it = 0; it < 120; it++) {
          const tau = 0.5 * (a + hi);
          if (tau === a || tau === hi) break;
          let g = invRho;
          for (let i = 0; i < K; i++) g += z2[i] / (diff[i] - tau);
          if (g > 0) hi = tau;
          else a = tau;
          if (hi - a <= eps * Math.max(Math.abs(a), Math.abs(hi))) break;
        }
        const tau = 0.5 * (a + hi);
        lambda[j] = dorig + tau;
        for (let i = 0; i < K; i++) W[u(i, j)] = diff[i] - tau;
      }
      // Gu–Eisenstat: ẑ_i² = Π_j (λ_j − d_i) / (ρ·Π_{j≠i} (d_j − d_i)), paired factor by factor.
      const zhat = new Float64Array(K);
      for (let i = 0; i < K; i++) {
        let prod = -W[u(i, i)] * invRho;
        for (let j = 0; j < K; j++) if (j !== i) prod *= -W[u(i, j)] / (dk[j] - dk[i]);
        zhat[i] = (zk[i] >= 0 ? 1 : -1) * Math.sqrt(Math.abs(prod));
      }
      // Eigenvectors of D + ρ·z·zᵀ: v_j(i) = ẑ_i / (d_i − λ_j), normalised, in place of U.
      for (let j = 0; j < K; j++) {
        let ss = 0;
        for (let i = 0; i < K; i++) {
          const v = zhat[i] / W[u(i, j)];
          W[u(i, j)] = v;
          ss += v * v;
        }
        const inv = 1 / Math.sqrt(ss);
        for (let i = 0; i < K; i++) W[u(i, j)] *= inv;
      }
      // Gather the kept basis columns grouped by type (top only, mixed, bottom only), through the
      // product area, and permute U's rows to match: then the zero blocks of the basis are skipped.
      const order: number[] = [];
      for (const type of [1, 2, 3]) for (let i = 0; i < K; i++) if (colType[keep[i]] === type) order.push(i);
      let c1 = 0;
      let c3 = 0;
      for (const i of order) {
        if (colType[keep[i]] === 1) c1++;
        else if (colType[keep[i]] === 3) c3++;
      }
      const c2 = K - c1 - c3;
      for (let p = 0; p < K; p++) blas.copy(n, W, 1, b(0, keep[order[p]]), W, 1, pOff + p * n);
      for (let p = 0; p < K; p++) blas.copy(n, W, 1, pOff + p * n, W, 1, b(0, p));
      const col = new Float64Array(K);
      for (let j = 0; j < K; j++) {
        for (let p = 0; p < K; p++) col[p] = W[u(order[p], j)];
        for (let p = 0; p < K; p++) W[u(p, j)] = col[p];
      }
      const n2rows = n - n1;
      if (c1 + c2 > 0) blas.gemm('N', 'N', n1, K, c1 + c2, 1, W, 1, n, bOff, W, 1, K, uOff, 0, W, 1, n, pOff);
      else for (let j = 0; j < K; j++) for (let i = 0; i < n1; i++) W[pOff + i + j * n] = 0;
      if (c2 + c3 > 0) blas.gemm('N', 'N', n2rows, K, c2 + c3, 1, W, 1, n, b(n1, c1), W, 1, K, u(c1, 0), 0, W, 1, n, pOff + n1);
      else for (let j = 0; j < K; j++) for (let i = n1; i < n; i++) W[pOff + i + j * n] = 0;
    }
    // Assemble the merged block, ascending.
    const vals: { v: number; src: number }[] = [];
    for (let j = 0; j < K; j++) vals.push({ v: lambda[j], src: j });
    for (const k of deflated) vals.push({ v: dd[k], src: -1 - k });
    vals.sort((x, y) => x.v - y.v);
    for (let c = 0; c < n; c++) {
      const { v, src } = vals[c];
      D[lo + c] = v;
      if (src >= 0) blas.copy(n, W, 1, pOff + src * n, Z, 1, zc(lo, lo + c));
      else blas.copy(n, W, 1, deflatedAt.get(-1 - src) as number, Z, 1, zc(lo, lo + c));
    }
  }
}
