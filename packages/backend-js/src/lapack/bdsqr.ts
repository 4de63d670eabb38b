/**
 * Singular values and vectors of a bidiagonal matrix by implicit-shift QR.
 *
 * @module
 */
import type { FloatArray } from '@polyblas/contract';
import type { LapackContext, RotationChains } from './context.js';
import { las2, type SingularPair } from './las2.js';
import { givens, lartg } from './lartg.js';
import { lasv2, type Svd2 } from './lasv2.js';

/** Sweeps allowed per singular value, on average, before giving up (LAPACK's MAXITR). */
const MAX_SWEEPS_PER_VALUE = 6;
/** The range of f² + g² in which {@link lartg}'s unscaled formula is accurate (as in lartg). */
const SQUARE_MIN = 2 ** -960;
const SQUARE_MAX = 2 ** 960;

/**
 * Applies a chain of plane rotations to consecutive rows of the column-major matrix W (`cols`
 * columns): for k = 0 .. count−1, rows (first+k, first+k+1) ← [c s; −s c]·(rows). Columns are
 * independent, so the chain runs down each column with the rotated value carried in a register:
 * one load and one store per element and rotation. Each chain is a serial dependence, so eight
 * columns go together for the processor to overlap (then four, then one at the edge). The
 * cosines and sines are c[co + k] and s[co + k].
 */
function rotateRowsForward(
  W: Float64Array, ld: number, offset: number, cols: number, first: number, count: number,
  c: Float64Array, s: Float64Array, co: number,
): void {
  let j = 0;
  for (; j + 8 <= cols; j += 8) {
    const p0 = offset + first + j * ld;
    const p1 = p0 + ld;
    const p2 = p1 + ld;
    const p3 = p2 + ld;
    const p4 = p3 + ld;
    const p5 = p4 + ld;
    const p6 = p5 + ld;
    const p7 = p6 + ld;
    let a0 = W[p0];
    let a1 = W[p1];
    let a2 = W[p2];
    let a3 = W[p3];
    let a4 = W[p4];
    let a5 = W[p5];
    let a6 = W[p6];
    let a7 = W[p7];
    for (let k = 0; k < count; k++) {
      const ck = c[co + k];
      const sk = s[co + k];
      const q = k + 1;
      let y = W[p0 + q];
      W[p0 + k] = ck * a0 + sk * y;
      a0 = ck * y - sk * a0;
      y = W[p1 + q];
      W[p1 + k] = ck * a1 + sk * y;
      a1 = ck * y - sk * a1;
      y = W[p2 + q];
      W[p2 + k] = ck * a2 + sk * y;
      a2 = ck * y - sk * a2;
      y = W[p3 + q];
      W[p3 + k] = ck * a3 + sk * y;
      a3 = ck * y - sk * a3;
      y = W[p4 + q];
      W[p4 + k] = ck * a4 + sk * y;
      a4 = ck * y - sk * a4;
      y = W[p5 + q];
      W[p5 + k] = ck * a5 + sk * y;
      a5 = ck * y - sk * a5;
      y = W[p6 + q];
      W[p6 + k] = ck * a6 + sk * y;
      a6 = ck * y - sk * a6;
      y = W[p7 + q];
      W[p7 + k] = ck * a7 + sk * y;
      a7 = ck * y - sk * a7;
    }
    W[p0 + count] = a0;
    W[p1 + count] = a1;
    W[p2 + count] = a2;
    W[p3 + count] = a3;
    W[p4 + count] = a4;
    W[p5 + count] = a5;
    W[p6 + count] = a6;
    W[p7 + count] = a7;
  }
  for (; j + 4 <= cols; j += 4) {
    const p0 = offset + first + j * ld;
    const p1 = p0 + ld;
    const p2 = p1 + ld;
    const p3 = p2 + ld;
    let a0 = W[p0];
    let a1 = W[p1];
    let a2 = W[p2];
    let a3 = W[p3];
    for (let k = 0; k < count; k++) {
      const ck = c[co + k];
      const sk = s[co + k];
      const q = k + 1;
      let y = W[p0 + q];
      W[p0 + k] = ck * a0 + sk * y;
      a0 = ck * y - sk * a0;
      y = W[p1 + q];
      W[p1 + k] = ck * a1 + sk * y;
      a1 = ck * y - sk * a1;
      y = W[p2 + q];
      W[p2 + k] = ck * a2 + sk * y;
      a2 = ck * y - sk * a2;
      y = W[p3 + q];
      W[p3 + k] = ck * a3 + sk * y;
      a3 = ck * y - sk * a3;
    }
    W[p0 + count] = a0;
    W[p1 + count] = a1;
    W[p2 + count] = a2;
    W[p3 + count] = a3;
  }
  for (; j < cols; j++) {
    const p = offset + first + j * ld;
    let carry = W[p];
    for (let k = 0; k < count; k++) {
      const y = W[p + k + 1];
      const ck = c[co + k];
      const sk = s[co + k];
      W[p + k] = ck * carry + sk * y;
      carry = ck * y - sk * carry;
    }
    W[p + count] = carry;
  }
}

/**
 * The mirror of {@link rotateRowsForward}: for k = count−1 down to 0, rows
 * (first+k+1, first+k) ← [c s; −s c]·(rows).
 */
function rotateRowsBackward(
  W: Float64Array, ld: number, offset: number, cols: number, first: number, count: number,
  c: Float64Array, s: Float64Array, co: number,
): void {
  let j = 0;
  for (; j + 8 <= cols; j += 8) {
    const p0 = offset + first + j * ld;
    const p1 = p0 + ld;
    const p2 = p1 + ld;
    const p3 = p2 + ld;
    const p4 = p3 + ld;
    const p5 = p4 + ld;
    const p6 = p5 + ld;
    const p7 = p6 + ld;
    let a0 = W[p0 + count];
    let a1 = W[p1 + count];
    let a2 = W[p2 + count];
    let a3 = W[p3 + count];
    let a4 = W[p4 + count];
    let a5 = W[p5 + count];
    let a6 = W[p6 + count];
    let a7 = W[p7 + count];
    for (let k = count - 1; k >= 0; k--) {
      const ck = c[co + k];
      const sk = s[co + k];
      const q = k + 1;
      let y = W[p0 + k];
      W[p0 + q] = ck * a0 + sk * y;
      a0 = ck * y - sk * a0;
      y = W[p1 + k];
      W[p1 + q] = ck * a1 + sk * y;
      a1 = ck * y - sk * a1;
      y = W[p2 + k];
      W[p2 + q] = ck * a2 + sk * y;
      a2 = ck * y - sk * a2;
      y = W[p3 + k];
      W[p3 + q] = ck * a3 + sk * y;
      a3 = ck * y - sk * a3;
      y = W[p4 + k];
      W[p4 + q] = ck * a4 + sk * y;
      a4 = ck * y - sk * a4;
      y = W[p5 + k];
      W[p5 + q] = ck * a5 + sk * y;
      a5 = ck * y - sk * a5;
      y = W[p6 + k];
      W[p6 + q] = ck * a6 + sk * y;
      a6 = ck * y - sk * a6;
      y = W[p7 + k];
      W[p7 + q] = ck * a7 + sk * y;
      a7 = ck * y - sk * a7;
    }
    W[p0] = a0;
    W[p1] = a1;
    W[p2] = a2;
    W[p3] = a3;
    W[p4] = a4;
    W[p5] = a5;
    W[p6] = a6;
    W[p7] = a7;
  }
  for (; j + 4 <= cols; j += 4) {
    const p0 = offset + first + j * ld;
    const p1 = p0 + ld;
    const p2 = p1 + ld;
    const p3 = p2 + ld;
    let a0 = W[p0 + count];
    let a1 = W[p1 + count];
    let a2 = W[p2 + count];
    let a3 = W[p3 + count];
    for (let k = count - 1; k >= 0; k--) {
      const ck = c[co + k];
      const sk = s[co + k];
      const q = k + 1;
      let y = W[p0 + k];
      W[p0 + q] = ck * a0 + sk * y;
      a0 = ck * y - sk * a0;
      y = W[p1 + k];
      W[p1 + q] = ck * a1 + sk * y;
      a1 = ck * y - sk * a1;
      y = W[p2 + k];
      W[p2 + q] = ck * a2 + sk * y;
      a2 = ck * y - sk * a2;
      y = W[p3 + k];
      W[p3 + q] = ck * a3 + sk * y;
      a3 = ck * y - sk * a3;
    }
    W[p0] = a0;
    W[p1] = a1;
    W[p2] = a2;
    W[p3] = a3;
  }
  for (; j < cols; j++) {
    const p = offset + first + j * ld;
    let carry = W[p + count];
    for (let k = count - 1; k >= 0; k--) {
      const y = W[p + k];
      const ck = c[co + k];
      const sk = s[co + k];
      W[p + k + 1] = ck * carry + sk * y;
      carry = ck * y - sk * carry;
    }
    W[p] = carry;
  }
}

/** A backend's kernel for the rotation chains (see {@link LapackContext.rotateRows}). */
type RotateRows = NonNullable<LapackContext<FloatArray>['rotateRows']>;

/** Chains queued before they are applied: at most this many, and this many rotations. */
const QUEUED_CHAINS = 32;
const QUEUED_ROTATIONS = 8192;

/**
 * The rotation chains of successive sweeps for one matrix of vectors. With a backend's kernel
 * they are queued and applied together (one call per batch; the kernel takes each block of
 * columns through the whole batch while it is in cache); without one each chain is applied at
 * once by the TypeScript loops. The order of operations on every element is the same either way.
 */
class RotationQueue implements RotationChains {
  length = 0;
  readonly at = new Int32Array(QUEUED_CHAINS);
  readonly first = new Int32Array(QUEUED_CHAINS);
  readonly count = new Int32Array(QUEUED_CHAINS);
  readonly forward = new Uint8Array(QUEUED_CHAINS);
  readonly c: Float64Array;
  readonly s: Float64Array;
  private used = 0;

  constructor(
    private readonly kernel: RotateRows | undefined, n: number,
    private readonly W: Float64Array, private readonly ld: number, private readonly offset: number,
    private readonly cols: number,
  ) {
    const capacity = kernel ? Math.max(n, Math.min(QUEUED_ROTATIONS, QUEUED_CHAINS * n)) : 0;
    this.c = new Float64Array(capacity);
    this.s = new Float64Array(capacity);
  }

  /** Queues (or, without a kernel, applies) the chain of `count` rotations c[0..], s[0..] on rows first .. first+count. */
  push(forward: boolean, first: number, count: number, c: Float64Array, s: Float64Array): void {
    if (!this.kernel) {
      if (forward) rotateRowsForward(this.W, this.ld, this.offset, this.cols, first, count, c, s, 0);
      else rotateRowsBackward(this.W, this.ld, this.offset, this.cols, first, count, c, s, 0);
      return;
    }
    if (this.length === QUEUED_CHAINS || this.used + count > this.c.length) this.flush();
    const at = this.used;
    for (let k = 0; k < count; k++) {
      this.c[at + k] = c[k];
      this.s[at + k] = s[k];
    }
    this.add(forward, first, count, at);
  }

  /** Queues (or, without a kernel, applies) the single rotation (c, s) of rows first and first+1. */
  pushOne(first: number, c: number, s: number): void {
    if (!this.kernel) {
      const { W, ld, offset, cols } = this;
      for (let j = 0; j < cols; j++) {
        const pa = offset + first + j * ld;
        const x = W[pa];
        const y = W[pa + 1];
        W[pa] = c * x + s * y;
        W[pa + 1] = c * y - s * x;
      }
      return;
    }
    if (this.length === QUEUED_CHAINS || this.used + 1 > this.c.length) this.flush();
    const at = this.used;
    this.c[at] = c;
    this.s[at] = s;
    this.add(true, first, 1, at);
  }

  /** Applies the queued chains in order and empties the queue. */
  flush(): void {
    if (this.length === 0) return;
    const { W, ld, offset, cols } = this;
    if (!this.kernel?.(W, ld, offset, cols, this)) {
      for (let i = 0; i < this.length; i++) {
        if (this.forward[i]) rotateRowsForward(W, ld, offset, cols, this.first[i], this.count[i], this.c, this.s, this.at[i]);
        else rotateRowsBackward(W, ld, offset, cols, this.first[i], this.count[i], this.c, this.s, this.at[i]);
      }
    }
    this.length = 0;
    this.used = 0;
  }

  private add(forward: boolean, first: number, count: number, at: number): void {
    const i = this.length++;
    this.at[i] = at;
    this.first[i] = first;
    this.count[i] = count;
    this.forward[i] = forward ? 1 : 0;
    this.used = at + count;
  }
}

/** Swaps rows a and b of the column-major matrix W. */
function swapRows(W: Float64Array, ld: number, offset: number, cols: number, a: number, b: number): void {
  for (let j = 0; j < cols; j++) {
    const pa = offset + a + j * ld;
    const pb = offset + b + j * ld;
    const t = W[pa];
    W[pa] = W[pb];
    W[pb] = t;
  }
}

/**
 * `bdsqr`: the SVD B = Q·Σ·Pᵀ of the n×n upper bidiagonal B (diagonal `d`, superdiagonal `e`),
 * by implicit-shift QR with the zero-shift sweeps of Demmel and Kahan where the shift would spoil
 * relative accuracy, choosing the chase direction by the graded end of each block, and
 * LAPACK's relative convergence criteria (LAPACK Working Note 3). Every singular value is
 * computed to high relative accuracy. When vectors are accumulated (n ≥ 32) a values-only run
 * comes first and its values serve as shifts (the one nearest the usual 2×2 shift), so most
 * sweeps deflate a value at once: about 27% fewer rotations for the price of an O(n²) pre-pass.
 *
 * On exit `d` holds the singular values in descending order, `e` is destroyed. The rotations are
 * accumulated, both as row operations, into:
 * - `VT` (n×ncvt, column-major): overwritten by Pᵀ·VT;
 * - `UT` (n×nru, column-major): overwritten by Qᵀ·UT. Pass Uᵀ here to get U·Q: keeping U
 *   transposed makes every rotation a stride-1 pass, as it is for VT.
 *
 * `d` and `e` are double precision for both precisions: the iteration runs in double and the
 * caller rounds the values once. Returns 0, or the number of superdiagonal entries that did not
 * converge to zero within 6·n² inner steps (then `d` is not sorted). `rotateRows`, a backend's
 * kernel (the context's), applies the rotation chains where it can reach the vectors.
 *
 * @example
 * ```ts
 * import { bdsqr } from './bdsqr.js';
 * const d = new Float64Array([1, 2]), e = new Float64Array([1]);
 * const none = new Float64Array(0);
 * bdsqr('d', 2, d, e, none, 1, 0, 0, none, 1, 0, 0); // d = [2.288..., 0.874...]
 * ```
 */
export function bdsqr<T extends FloatArray>(
  precision: 'd' | 's', n: number, d: Float64Array, e: Float64Array,
  VT: T, ldvt: number, offsetVT: number, ncvt: number,
  UT: T, ldut: number, offsetUT: number, nru: number,
  rotateRows?: RotateRows,
): number {
  if (n === 0) return 0;
  // The rotations always run on Float64Array storage (single precision vectors are rotated in a
  // double copy): one element type keeps the hot loops monomorphic, which measured 1.5x faster
  // than the same loops once they had seen both types.
  const vt = inDouble(VT, ldvt, offsetVT, n, ncvt);
  const ut = inDouble(UT, ldut, offsetUT, n, nru);
  const info = bdsqrDouble(precision, n, d, e, vt.data, vt.ld, vt.offset, ncvt, ut.data, ut.ld, ut.offset, nru, rotateRows);
  if (vt.data !== VT) copyRows(n, ncvt, vt.data, vt.ld, vt.offset, VT, ldvt, offsetVT);
  if (ut.data !== UT) copyRows(n, nru, ut.data, ut.ld, ut.offset, UT, ldut, offsetUT);
  return info;
}

const NO_VECTORS = new Float64Array(0);

/** The n×cols matrix at (W, ld, offset) as Float64Array storage: itself, or a tight double copy. */
function inDouble(W: FloatArray, ld: number, offset: number, n: number, cols: number): { data: Float64Array; ld: number; offset: number } {
  if (cols === 0) return { data: NO_VECTORS, ld: 1, offset: 0 };
  if (W instanceof Float64Array) return { data: W, ld, offset };
  const data = new Float64Array(n * cols);
  copyRows(n, cols, W, ld, offset, data, n, 0);
  return { data, ld: n, offset: 0 };
}

/** Copies the n×cols column-major matrix src into dst. */
function copyRows(n: number, cols: number, src: FloatArray, lds: number, os: number, dst: FloatArray, ldd: number, od: number): void {
  for (let j = 0; j < cols; j++) for (let i = 0; i < n; i++) dst[od + i + j * ldd] = src[os + i + j * lds];
}

/** bdsqr on double-precision vectors. */
function bdsqrDouble(
  precision: 'd' | 's', n: number, d: Float64Array, e: Float64Array,
  VT: Float64Array, ldvt: number, offsetVT: number, ncvt: number,
  UT: Float64Array, ldut: number, offsetUT: number, nru: number, rotateRows: RotateRows | undefined,
): number {
  const eps = precision === 'd' ? 2 ** -53 : 2 ** -24;
  const unfl = precision === 'd' ? 2 ** -1022 : 2 ** -126;
  let info = 0;
  if (n > 1) {
    let known: KnownValues | null = null;
    if ((ncvt > 0 || nru > 0) && n >= KNOWN_SHIFTS_FROM) {
      // The values alone cost O(n²); as shifts they save about a fifth of the O(n³) vector work.
      const values = d.slice();
      const none = new Float64Array(0);
      if (iterate(eps, unfl, n, values, e.slice(), none, 1, 0, 0, none, 1, 0, 0, null, undefined) === 0) {
        for (let i = 0; i < n; i++) values[i] = Math.abs(values[i]);
        known = new KnownValues(values.sort());
      }
    }
    info = iterate(eps, unfl, n, d, e, VT, ldvt, offsetVT, ncvt, UT, ldut, offsetUT, nru, known, rotateRows);
  }
  // Make the values non-negative; the sign moves into the right singular vector.
  for (let i = 0; i < n; i++) {
    if (d[i] < 0) {
      d[i] = -d[i];
      for (let j = 0; j < ncvt; j++) VT[offsetVT + i + j * ldvt] = -VT[offsetVT + i + j * ldvt];
    }
  }
  if (info > 0) return info;
  // Sort descending by selection: at most n − 1 swaps of vectors.
  for (let i = 0; i < n - 1; i++) {
    let best = i;
    for (let k = i + 1; k < n; k++) if (d[k] > d[best]) best = k;
    if (best !== i) {
      const t = d[i];
      d[i] = d[best];
      d[best] = t;
      if (ncvt > 0) swapRows(VT, ldvt, offsetVT, ncvt, i, best);
      if (nru > 0) swapRows(UT, ldut, offsetUT, nru, i, best);
    }
  }
  return 0;
}

/** Below this order the values-only pre-pass for shifts does not pay for itself. */
const KNOWN_SHIFTS_FROM = 32;

/**
 * The singular values from a values-only run, used as shifts when the vectors are accumulated:
 * with an exact singular value as shift a sweep usually deflates it at once, so fewer sweeps
 * (each O(n²) with vectors) are needed. Values leave the pool as they are split off.
 */
class KnownValues {
  private readonly used: Uint8Array;
  constructor(private readonly ascending: Float64Array) {
    this.used = new Uint8Array(ascending.length);
  }
  /** The position of the unused value nearest to v, or −1. */
  private nearest(v: number): number {
    const a = this.ascending;
    let lo = 0;
    let hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (a[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    let left = lo - 1;
    while (left >= 0 && this.used[left]) left--;
    let right = lo;
    while (right < a.length && this.used[right]) right++;
    if (left < 0) return right < a.length ? right : -1;
    if (right >= a.length) return left;
    return v - a[left] <= a[right] - v ? left : right;
  }
  /** The unused value nearest to an estimate (the estimate itself if none is left). */
  shiftNear(estimate: number): number {
    const i = this.nearest(estimate);
    return i < 0 ? estimate : this.ascending[i];
  }
  /** Removes the unused value nearest to a converged value. */
  remove(v: number): void {
    const i = this.nearest(Math.abs(v));
    if (i >= 0) this.used[i] = 1;
  }
}

/** The QR iteration proper (n ≥ 2); returns the count of unconverged superdiagonal entries. */
function iterate(
  eps: number, unfl: number, n: number, d: Float64Array, e: Float64Array,
  VT: Float64Array, ldvt: number, offsetVT: number, ncvt: number,
  UT: Float64Array, ldut: number, offsetUT: number, nru: number, known: KnownValues | null,
  rotateRows: RotateRows | undefined,
): number {
  const tol = Math.max(10, Math.min(100, eps ** -0.125)) * eps;
  // Rotations of one sweep: first (right for a top-down chase) and second (left).
  const c1 = new Float64Array(n);
  const s1 = new Float64Array(n);
  const c2 = new Float64Array(n);
  const s2 = new Float64Array(n);
  const rot = givens();
  const vt = ncvt > 0 ? new RotationQueue(rotateRows, n, VT, ldvt, offsetVT, ncvt) : null;
  const ut = nru > 0 ? new RotationQueue(rotateRows, n, UT, ldut, offsetUT, nru) : null;
  const pair: SingularPair = { ssmin: 0, ssmax: 0 };
  const svd2: Svd2 = { ssmin: 0, ssmax: 0, csl: 1, snl: 0, csr: 1, snr: 0 };

  // A lower bound on the smallest singular value sets the absolute threshold below which an
  // off-diagonal entry is negligible (relative to the whole matrix).
  let sminoa = Math.abs(d[0]);
  if (sminoa !== 0) {
    let mu = sminoa;
    for (let i = 1; i < n; i++) {
      mu = Math.abs(d[i]) * (mu / (mu + Math.abs(e[i - 1])));
      sminoa = Math.min(sminoa, mu);
      if (sminoa === 0) break;
    }
  }
  sminoa /= Math.sqrt(n);
  const maxit = MAX_SWEEPS_PER_VALUE * n * n;
  const thresh = Math.max(tol * sminoa, maxit * unfl);

  let iter = 0;
  let oldll = -1;
  let oldm = -1;
  let idir = 0;
  let m = n - 1; // bottom row of the active block
  outer: while (m > 0) {
    if (iter >= maxit) {
      vt?.flush();
      ut?.flush();
      let unconverged = 0;
      for (let i = 0; i < n - 1; i++) if (e[i] !== 0) unconverged++;
      return unconverged;
    }
    // Find the top ll of the unreduced block ending at m.
    let smax = Math.abs(d[m]);
    let ll = m - 1;
    for (; ll >= 0; ll--) {
      const abse = Math.abs(e[ll]);
      if (abse <= thresh) {
        e[ll] = 0;
        break;
      }
      smax = Math.max(smax, Math.abs(d[ll]), abse);
    }
    if (ll === m - 1) {
      if (known) known.remove(d[m]);
      m -= 1; // d[m] is split off
      continue;
    }
    ll += 1;
    if (m - ll === 1) {
      // A 2×2 block: solve it exactly.
      lasv2(d[ll], e[ll], d[m], svd2);
      d[ll] = svd2.ssmax;
      e[ll] = 0;
      d[m] = svd2.ssmin;
      if (known) {
        known.remove(svd2.ssmax);
        known.remove(svd2.ssmin);
      }
      vt?.pushOne(ll, svd2.csr, svd2.snr);
      ut?.pushOne(ll, svd2.csl, svd2.snl);
      m -= 2;
      continue;
    }
    // A new block: chase towards the smaller end, where the values converge.
    if (ll > oldm || m < oldll) idir = Math.abs(d[ll]) >= Math.abs(d[m]) ? 1 : 2;

    let sminl: number;
    if (idir === 1) {
      if (Math.abs(e[m - 1]) <= tol * Math.abs(d[m])) {
        e[m - 1] = 0;
        continue;
      }
      let mu = Math.abs(d[ll]);
      sminl = mu;
      for (let i = ll; i < m; i++) {
        if (Math.abs(e[i]) <= tol * mu) {
          e[i] = 0;
          continue outer;
        }
        mu = Math.abs(d[i + 1]) * (mu / (mu + Math.abs(e[i])));
        sminl = Math.min(sminl, mu);
      }
    } else {
      if (Math.abs(e[ll]) <= tol * Math.abs(d[ll])) {
        e[ll] = 0;
        continue;
      }
      let mu = Math.abs(d[m]);
      sminl = mu;
      for (let i = m - 1; i >= ll; i--) {
        if (Math.abs(e[i]) <= tol * mu) {
          e[i] = 0;
          continue outer;
        }
        mu = Math.abs(d[i]) * (mu / (mu + Math.abs(e[i])));
        sminl = Math.min(sminl, mu);
      }
    }
    oldll = ll;
    oldm = m;

    // Shift: the smaller singular value of the trailing (or leading) 2×2, unless it would
    // destroy relative accuracy or is negligible, in which case sweep with zero shift.
    let shift = 0;
    if (n * tol * (sminl / smax) > Math.max(eps, 0.01 * tol)) {
      let sll: number;
      if (idir === 1) {
        sll = Math.abs(d[ll]);
        las2(d[m - 1], e[m - 1], d[m], pair);
      } else {
        sll = Math.abs(d[m]);
        las2(d[ll], e[ll], d[ll + 1], pair);
      }
      shift = known ? known.shiftNear(pair.ssmin) : pair.ssmin;
      if (sll > 0 && (shift / sll) * (shift / sll) < eps) shift = 0;
    }
    iter += m - ll;
    const count = m - ll;

    if (shift === 0) {
      if (idir === 1) {
        let cs = 1;
        let oldcs = 1;
        let oldsn = 0;
        for (let i = ll; i < m; i++) {
          lartg(d[i] * cs, e[i], rot);
          cs = rot.c;
          const sn = rot.s;
          const r = rot.r;
          if (i > ll) e[i - 1] = oldsn * r;
          lartg(oldcs * r, d[i + 1] * sn, rot);
          oldcs = rot.c;
          oldsn = rot.s;
          d[i] = rot.r;
          c1[i - ll] = cs;
          s1[i - ll] = sn;
          c2[i - ll] = oldcs;
          s2[i - ll] = oldsn;
        }
        const h = d[m] * cs;
        d[m] = h * oldcs;
        e[m - 1] = h * oldsn;
        vt?.push(true, ll, count, c1, s1);
        ut?.push(true, ll, count, c2, s2);
        if (Math.abs(e[m - 1]) <= thresh) e[m - 1] = 0;
      } else {
        let cs = 1;
        let oldcs = 1;
        let oldsn = 0;
        for (let i = m; i > ll; i--) {
          lartg(d[i] * cs, e[i - 1], rot);
          cs = rot.c;
          const sn = rot.s;
          const r = rot.r;
          if (i < m) e[i] = oldsn * r;
          lartg(oldcs * r, d[i - 1] * sn, rot);
          oldcs = rot.c;
          oldsn = rot.s;
          d[i] = rot.r;
          c1[i - ll - 1] = cs;
          s1[i - ll - 1] = sn;
          c2[i - ll - 1] = oldcs;
          s2[i - ll - 1] = oldsn;
        }
        const h = d[ll] * cs;
        d[ll] = h * oldcs;
        e[ll] = h * oldsn;
        ut?.push(false, ll, count, c1, s1);
        vt?.push(false, ll, count, c2, s2);
        if (Math.abs(e[ll]) <= thresh) e[ll] = 0;
      }
    } else if (idir === 1) {
      // Chase the bulge from top to bottom.
      let f = (Math.abs(d[ll]) - shift) * ((d[ll] >= 0 ? 1 : -1) + shift / d[ll]);
      let g = e[ll];
      // The hottest scalar loop: lartg's common case is written out in place (about 15% faster
      // than the call, which returns through an object).
      for (let i = ll; i < m; i++) {
        let cr: number;
        let sr: number;
        let r: number;
        let q = f * f + g * g;
        if (f !== 0 && g !== 0 && q > SQUARE_MIN && q < SQUARE_MAX) {
          const h = Math.sqrt(q);
          const inv = f > 0 ? 1 / h : -1 / h;
          cr = f * inv;
          sr = g * inv;
          r = f > 0 ? h : -h;
        } else {
          lartg(f, g, rot);
          cr = rot.c;
          sr = rot.s;
          r = rot.r;
        }
        if (i > ll) e[i - 1] = r;
        f = cr * d[i] + sr * e[i];
        e[i] = cr * e[i] - sr * d[i];
        g = sr * d[i + 1];
        d[i + 1] = cr * d[i + 1];
        let cl: number;
        let sl: number;
        q = f * f + g * g;
        if (f !== 0 && g !== 0 && q > SQUARE_MIN && q < SQUARE_MAX) {
          const h = Math.sqrt(q);
          const inv = f > 0 ? 1 / h : -1 / h;
          cl = f * inv;
          sl = g * inv;
          r = f > 0 ? h : -h;
        } else {
          lartg(f, g, rot);
          cl = rot.c;
          sl = rot.s;
          r = rot.r;
        }
        d[i] = r;
        f = cl * e[i] + sl * d[i + 1];
        d[i + 1] = cl * d[i + 1] - sl * e[i];
        if (i < m - 1) {
          g = sl * e[i + 1];
          e[i + 1] = cl * e[i + 1];
        }
        c1[i - ll] = cr;
        s1[i - ll] = sr;
        c2[i - ll] = cl;
        s2[i - ll] = sl;
      }
      e[m - 1] = f;
      vt?.push(true, ll, count, c1, s1);
      ut?.push(true, ll, count, c2, s2);
      if (Math.abs(e[m - 1]) <= thresh) e[m - 1] = 0;
    } else {
      // Chase the bulge from bottom to top (the same sweep on the reversed transpose).
      let f = (Math.abs(d[m]) - shift) * ((d[m] >= 0 ? 1 : -1) + shift / d[m]);
      let g = e[m - 1];
      for (let i = m; i > ll; i--) {
        lartg(f, g, rot);
        const cr = rot.c;
        const sr = rot.s;
        if (i < m) e[i] = rot.r;
        f = cr * d[i] + sr * e[i - 1];
        e[i - 1] = cr * e[i - 1] - sr * d[i];
        g = sr * d[i - 1];
        d[i - 1] = cr * d[i - 1];
        lartg(f, g, rot);
        const cl = rot.c;
        const sl = rot.s;
        d[i] = rot.r;
        f = cl * e[i - 1] + sl * d[i - 1];
        d[i - 1] = cl * d[i - 1] - sl * e[i - 1];
        if (i > ll + 1) {
          g = sl * e[i - 2];
          e[i - 2] = cl * e[i - 2];
        }
        c1[i - ll - 1] = cr;
        s1[i - ll - 1] = sr;
        c2[i - ll - 1] = cl;
        s2[i - ll - 1] = sl;
      }
      e[ll] = f;
      ut?.push(false, ll, count, c1, s1);
      vt?.push(false, ll, count, c2, s2);
      if (Math.abs(e[ll]) <= thresh) e[ll] = 0;
    }
  }
  vt?.flush();
  ut?.flush();
  return 0;
}
