/*
 * Level 3 routines other than gemm, each reduced to gemm for nearly all of its work: triangles are
 * split in two recursively, the coupling blocks are gemm calls, and only blocks of at most BLOCK
 * rows are done by the level-2 kernels. A right-side routine is the left-side routine on the
 * transposes (swapped strides).
 */
#include "real.h"

void PB(trmv)(int lower, int unit, int N, const real *A, int a1, int a2, real *x, int sx);
void PB(trsv)(int lower, int unit, int N, const real *A, int a1, int a2, real *x, int sx);

#define BLOCK 32

/* Splits m > BLOCK so that the first part is a whole number of blocks. */
static int split(int m) { return BLOCK * ((m + 2 * BLOCK - 1) / (2 * BLOCK)); }

static void zero_matrix(int M, int N, real *B, int b1, int b2) {
  for (int j = 0; j < N; j++)
    for (int i = 0; i < M; i++) B[(ptrdiff_t)i * b1 + (ptrdiff_t)j * b2] = 0;
}

/* B <- alpha * T^-1 * B, T m x m triangular. */
static void solve_left(int lower, int unit, int m, int n, real alpha, const real *A, int a1, int a2, real *B, int b1,
                       int b2) {
  if (m <= BLOCK) {
    for (int j = 0; j < n; j++) {
      real *col = B + (ptrdiff_t)j * b2;
      PB(scal)(m, alpha, col, b1);
      PB(trsv)(lower, unit, m, A, a1, a2, col, b1);
    }
    return;
  }
  const int m1 = split(m), m2 = m - m1;
  const real *A22 = A + (ptrdiff_t)m1 * a1 + (ptrdiff_t)m1 * a2;
  real *B2 = B + (ptrdiff_t)m1 * b1;
  if (lower) {
    solve_left(lower, unit, m1, n, alpha, A, a1, a2, B, b1, b2);
    PB(gemm)(m2, n, m1, -1, A + (ptrdiff_t)m1 * a1, a1, a2, B, b1, b2, alpha, B2, b1, b2);
    solve_left(lower, unit, m2, n, 1, A22, a1, a2, B2, b1, b2);
  } else {
    solve_left(lower, unit, m2, n, alpha, A22, a1, a2, B2, b1, b2);
    PB(gemm)(m1, n, m2, -1, A + (ptrdiff_t)m1 * a2, a1, a2, B2, b1, b2, alpha, B, b1, b2);
    solve_left(lower, unit, m1, n, 1, A, a1, a2, B, b1, b2);
  }
}

/* B <- alpha*A^-1*B (left) or alpha*B*A^-1 (right); A's trans is resolved by the caller. */
PB_EXPORT void PB(trsm)(int right, int lower, int unit, int M, int N, real alpha, const real *A, int a1, int a2,
                        real *B, int b1, int b2) {
  if (M <= 0 || N <= 0) return;
  if (alpha == 0) {
    zero_matrix(M, N, B, b1, b2);
    return;
  }
  if (right) solve_left(!lower, unit, N, M, alpha, A, a2, a1, B, b2, b1);
  else solve_left(lower, unit, M, N, alpha, A, a1, a2, B, b1, b2);
}

/* Columns of B taken at a time by multiply_rows: m <= BLOCK rows of them stay in cache. */
#define ROW_CHUNK 512

/*
 * B <- alpha * T * B for m <= BLOCK when B's rows are contiguous (b2 == 1: the right-side
 * product with a column-major B, as larfb's W*T): row i <- alpha*(T(i,i)*row i + sum_k T(i,k)*row k)
 * as long vector operations, rows taken in the order that leaves the rows still to be read
 * unchanged (bottom-up for lower T, top-down for upper).
 */
static void multiply_rows(int lower, int unit, int m, int n, real alpha, const real *A, int a1, int a2, real *B,
                          int b1) {
  for (int j0 = 0; j0 < n; j0 += ROW_CHUNK) {
    const int nc = n - j0 < ROW_CHUNK ? n - j0 : ROW_CHUNK;
    for (int t = 0; t < m; t++) {
      const int i = lower ? m - 1 - t : t;
      real *row = B + (ptrdiff_t)i * b1 + j0;
      const real *Ti = A + (ptrdiff_t)i * a1;
      const real d = alpha * (unit ? 1 : Ti[(ptrdiff_t)i * a2]);
      for (int j = 0; j < nc; j++) row[j] *= d;
      int k = lower ? 0 : i + 1;
      const int end = lower ? i : m;
      for (; k + 4 <= end; k += 4) {
        const real t0 = alpha * Ti[(ptrdiff_t)k * a2], t1 = alpha * Ti[(ptrdiff_t)(k + 1) * a2];
        const real t2 = alpha * Ti[(ptrdiff_t)(k + 2) * a2], t3 = alpha * Ti[(ptrdiff_t)(k + 3) * a2];
        const real *r0 = B + (ptrdiff_t)k * b1 + j0, *r1 = r0 + b1, *r2 = r1 + b1, *r3 = r2 + b1;
        for (int j = 0; j < nc; j++) row[j] += (t0 * r0[j] + t1 * r1[j]) + (t2 * r2[j] + t3 * r3[j]);
      }
      for (; k < end; k++) {
        const real tk = alpha * Ti[(ptrdiff_t)k * a2];
        const real *rk = B + (ptrdiff_t)k * b1 + j0;
        for (int j = 0; j < nc; j++) row[j] += tk * rk[j];
      }
    }
  }
}

/* B <- alpha * T * B, T m x m triangular. */
static void multiply_left(int lower, int unit, int m, int n, real alpha, const real *A, int a1, int a2, real *B, int b1,
                          int b2) {
  if (m <= BLOCK && b2 == 1 && b1 != 1) {
    multiply_rows(lower, unit, m, n, alpha, A, a1, a2, B, b1);
    return;
  }
  if (m <= BLOCK) {
    for (int j = 0; j < n; j++) {
      real *col = B + (ptrdiff_t)j * b2;
      PB(trmv)(lower, unit, m, A, a1, a2, col, b1);
      PB(scal)(m, alpha, col, b1);
    }
    return;
  }
  const int m1 = split(m), m2 = m - m1;
  const real *A22 = A + (ptrdiff_t)m1 * a1 + (ptrdiff_t)m1 * a2;
  real *B2 = B + (ptrdiff_t)m1 * b1;
  if (lower) {
    /* [L11 0; L21 L22]: B2 <- a*L22*B2 + a*L21*B1 first, while B1 is still the input. */
    multiply_left(lower, unit, m2, n, alpha, A22, a1, a2, B2, b1, b2);
    PB(gemm)(m2, n, m1, alpha, A + (ptrdiff_t)m1 * a1, a1, a2, B, b1, b2, 1, B2, b1, b2);
    multiply_left(lower, unit, m1, n, alpha, A, a1, a2, B, b1, b2);
  } else {
    multiply_left(lower, unit, m1, n, alpha, A, a1, a2, B, b1, b2);
    PB(gemm)(m1, n, m2, alpha, A + (ptrdiff_t)m1 * a2, a1, a2, B2, b1, b2, 1, B, b1, b2);
    multiply_left(lower, unit, m2, n, alpha, A22, a1, a2, B2, b1, b2);
  }
}

/* B <- alpha*A*B (left) or alpha*B*A (right). */
PB_EXPORT void PB(trmm)(int right, int lower, int unit, int M, int N, real alpha, const real *A, int a1, int a2,
                        real *B, int b1, int b2) {
  if (M <= 0 || N <= 0) return;
  if (alpha == 0) {
    zero_matrix(M, N, B, b1, b2);
    return;
  }
  if (right) multiply_left(!lower, unit, N, M, alpha, A, a2, a1, B, b2, b1);
  else multiply_left(lower, unit, M, N, alpha, A, a1, a2, B, b1, b2);
}

static real square[BLOCK * BLOCK] __attribute__((aligned(16)));

/* The lower or upper triangle of C (n x n) <- alpha*A*A^T + beta*C, A n x K. */
static void syrk_rec(int lower, int n, int K, real alpha, const real *A, int a1, int a2, real beta, real *C, int c1,
                     int c2) {
  if (n <= BLOCK) {
    /* The whole square A*A^T through gemm (twice the flops of the triangle, at gemm's speed). */
    PB(gemm)(n, n, K, 1, A, a1, a2, A, a2, a1, 0, square, 1, BLOCK);
    for (int j = 0; j < n; j++) {
      const int from = lower ? j : 0, to = lower ? n : j + 1;
      for (int i = from; i < to; i++) {
        real *c = C + (ptrdiff_t)i * c1 + (ptrdiff_t)j * c2;
        *c = (beta == 0 ? 0 : beta * *c) + alpha * square[i + j * BLOCK];
      }
    }
    return;
  }
  const int n1 = split(n), n2 = n - n1;
  const real *A2 = A + (ptrdiff_t)n1 * a1;
  syrk_rec(lower, n1, K, alpha, A, a1, a2, beta, C, c1, c2);
  if (lower) PB(gemm)(n2, n1, K, alpha, A2, a1, a2, A, a2, a1, beta, C + (ptrdiff_t)n1 * c1, c1, c2);
  else PB(gemm)(n1, n2, K, alpha, A, a1, a2, A2, a2, a1, beta, C + (ptrdiff_t)n1 * c2, c1, c2);
  syrk_rec(lower, n2, K, alpha, A2, a1, a2, beta, C + (ptrdiff_t)n1 * (c1 + c2), c1, c2);
}

/* One triangle of C <- alpha*A*A^T + beta*C with A N x K (a transposed A arrives with swapped strides). */
PB_EXPORT void PB(syrk)(int lower, int N, int K, real alpha, const real *A, int a1, int a2, real beta, real *C, int c1,
                        int c2) {
  if (N <= 0) return;
  if (alpha == 0 || K <= 0) {
    if (beta == 1) return;
    for (int j = 0; j < N; j++) {
      const int from = lower ? j : 0, to = lower ? N : j + 1;
      for (int i = from; i < to; i++) {
        real *c = C + (ptrdiff_t)i * c1 + (ptrdiff_t)j * c2;
        *c = beta == 0 ? 0 : beta * *c;
      }
    }
    return;
  }
  syrk_rec(lower, N, K, alpha, A, a1, a2, beta, C, c1, c2);
}

#define SB 128
static real diag_block[SB * SB] __attribute__((aligned(16)));

/* C <- alpha*A*B + beta*C (left, A M x M) or alpha*B*A + beta*C (right, A N x N), A symmetric. */
PB_EXPORT void PB(symm)(int right, int lower, int M, int N, real alpha, const real *A, int a1, int a2, const real *B,
                        int b1, int b2, real beta, real *C, int c1, int c2) {
  if (M <= 0 || N <= 0) return;
  if (right) {
    /* C^T <- alpha*A*B^T + beta*C^T. */
    int t = M; M = N; N = t;
    t = b1; b1 = b2; b2 = t;
    t = c1; c1 = c2; c2 = t;
  }
  if (alpha == 0) {
    PB(gemm)(M, N, 0, 0, A, a1, a2, B, b1, b2, beta, C, c1, c2);
    return;
  }
  /* Block (I, K) of A is stored when it lies in the referenced triangle, otherwise it is the
   * transpose of block (K, I); diagonal blocks are expanded to full symmetric blocks. */
  for (int i0 = 0; i0 < M; i0 += SB) {
    const int mi = M - i0 < SB ? M - i0 : SB;
    for (int k0 = 0; k0 < M; k0 += SB) {
      const int mk = M - k0 < SB ? M - k0 : SB;
      const real b = k0 == 0 ? beta : 1;
      const real *Bk = B + (ptrdiff_t)k0 * b1;
      real *Ci = C + (ptrdiff_t)i0 * c1;
      if (i0 == k0) {
        const real *D = A + (ptrdiff_t)i0 * (a1 + a2);
        for (int j = 0; j < mi; j++)
          for (int i = 0; i < mi; i++) {
            const int stored = lower ? i >= j : i <= j;
            diag_block[i + j * SB] = stored ? D[(ptrdiff_t)i * a1 + (ptrdiff_t)j * a2] : D[(ptrdiff_t)j * a1 + (ptrdiff_t)i * a2];
          }
        PB(gemm)(mi, N, mk, alpha, diag_block, 1, SB, Bk, b1, b2, b, Ci, c1, c2);
      } else if ((i0 > k0) == (lower != 0)) {
        PB(gemm)(mi, N, mk, alpha, A + (ptrdiff_t)i0 * a1 + (ptrdiff_t)k0 * a2, a1, a2, Bk, b1, b2, b, Ci, c1, c2);
      } else {
        PB(gemm)(mi, N, mk, alpha, A + (ptrdiff_t)k0 * a1 + (ptrdiff_t)i0 * a2, a2, a1, Bk, b1, b2, b, Ci, c1, c2);
      }
    }
  }
}
