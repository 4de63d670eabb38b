/*
 * Level 2: matrix-vector kernels. A transposed operand arrives with its strides swapped (and, for
 * a triangle, its uplo flipped), so there is no trans flag here. Each routine picks a column- or
 * row-oriented loop by which stride of A is unit, so the inner loop runs down contiguous memory
 * and reuses the level-1 kernels' SIMD paths.
 */
#include "real.h"

double PB(dot)(int N, const real *x, int sx, const real *y, int sy);
void PB(axpy)(int N, real alpha, const real *x, int sx, real *y, int sy);

/* Scratch for a strided vector staged contiguously, a chunk at a time. */
#define CHUNK 2048
static real scratch[CHUNK] __attribute__((aligned(16)));

/* y <- beta*y; beta == 0 writes zeros without reading. */
static void scale_vector(int N, real beta, real *y, int sy) {
  if (beta == 1) return;
  for (int i = 0; i < N; i++) y[(ptrdiff_t)i * sy] = beta == 0 ? 0 : beta * y[(ptrdiff_t)i * sy];
}

/* y[0:m] += A[0:m, 0:n] x for unit row stride in A and contiguous y; four columns per sweep. */
static void gemv_columns(int m, int n, real alpha, const real *A, int a2, const real *x, int sx, real *y) {
  int j = 0;
  for (; j + 4 <= n; j += 4) {
    const real *c0 = A + (ptrdiff_t)j * a2, *c1 = c0 + a2, *c2 = c1 + a2, *c3 = c2 + a2;
    const real t0 = alpha * x[(ptrdiff_t)j * sx], t1 = alpha * x[(ptrdiff_t)(j + 1) * sx];
    const real t2 = alpha * x[(ptrdiff_t)(j + 2) * sx], t3 = alpha * x[(ptrdiff_t)(j + 3) * sx];
    const v128_t v0 = vsplat(t0), v1 = vsplat(t1), v2 = vsplat(t2), v3 = vsplat(t3);
    int i = 0;
    for (; i + VL <= m; i += VL) {
      v128_t acc = vload(y + i);
      acc = vadd(acc, vadd(vadd(vmul(v0, vload(c0 + i)), vmul(v1, vload(c1 + i))),
                           vadd(vmul(v2, vload(c2 + i)), vmul(v3, vload(c3 + i)))));
      vstore(y + i, acc);
    }
    for (; i < m; i++) y[i] += (t0 * c0[i] + t1 * c1[i]) + (t2 * c2[i] + t3 * c3[i]);
  }
  for (; j < n; j++) PB(axpy)(m, alpha * x[(ptrdiff_t)j * sx], A + (ptrdiff_t)j * a2, 1, y, 1);
}

/*
 * y[i] += alpha * (row i of A) . x for rows with unit stride and a contiguous x: four rows at a
 * time share each load of x (double only; single-precision dots accumulate in double through dot).
 */
static void gemv_rows(int m, int n, real alpha, const real *A, int a1, const real *x, real *y, int sy) {
  int i = 0;
#if defined(PB_DOUBLE)
  for (; i + 4 <= m; i += 4) {
    const real *r0 = A + (ptrdiff_t)i * a1, *r1 = r0 + a1, *r2 = r1 + a1, *r3 = r2 + a1;
    v128_t s0 = vsplat(0), s1 = vsplat(0), s2 = vsplat(0), s3 = vsplat(0);
    int j = 0;
    for (; j + 2 <= n; j += 2) {
      const v128_t xv = vload(x + j);
      s0 = vadd(s0, vmul(vload(r0 + j), xv));
      s1 = vadd(s1, vmul(vload(r1 + j), xv));
      s2 = vadd(s2, vmul(vload(r2 + j), xv));
      s3 = vadd(s3, vmul(vload(r3 + j), xv));
    }
    double t0 = vsum(s0), t1 = vsum(s1), t2 = vsum(s2), t3 = vsum(s3);
    for (; j < n; j++) {
      t0 += r0[j] * x[j];
      t1 += r1[j] * x[j];
      t2 += r2[j] * x[j];
      t3 += r3[j] * x[j];
    }
    y[(ptrdiff_t)i * sy] += alpha * t0;
    y[(ptrdiff_t)(i + 1) * sy] += alpha * t1;
    y[(ptrdiff_t)(i + 2) * sy] += alpha * t2;
    y[(ptrdiff_t)(i + 3) * sy] += alpha * t3;
  }
#endif
  for (; i < m; i++) y[(ptrdiff_t)i * sy] += alpha * PB(dot)(n, A + (ptrdiff_t)i * a1, 1, x, 1);
}

/* y <- alpha*A*x + beta*y for the M x N A. */
PB_EXPORT void PB(gemv)(int M, int N, real alpha, const real *A, int a1, int a2, const real *x, int sx, real beta,
                        real *y, int sy) {
  if (M <= 0) return;
  scale_vector(M, beta, y, sy);
  if (alpha == 0 || N <= 0) return;
  if (a1 == 1) {
    if (sy == 1) {
      gemv_columns(M, N, alpha, A, a2, x, sx, y);
      return;
    }
    for (int i0 = 0; i0 < M; i0 += CHUNK) {
      const int m = M - i0 < CHUNK ? M - i0 : CHUNK;
      for (int i = 0; i < m; i++) scratch[i] = 0;
      gemv_columns(m, N, alpha, A + i0, a2, x, sx, scratch);
      for (int i = 0; i < m; i++) y[(ptrdiff_t)(i0 + i) * sy] += scratch[i];
    }
    return;
  }
  if (a2 == 1) {
    if (sx == 1) {
      gemv_rows(M, N, alpha, A, a1, x, y, sy);
      return;
    }
    if (N > CHUNK) {
      for (int i = 0; i < M; i++) y[(ptrdiff_t)i * sy] += alpha * PB(dot)(N, A + (ptrdiff_t)i * a1, 1, x, sx);
      return;
    }
    for (int j = 0; j < N; j++) scratch[j] = x[(ptrdiff_t)j * sx];
    gemv_rows(M, N, alpha, A, a1, scratch, y, sy);
    return;
  }
  for (int j = 0; j < N; j++) PB(axpy)(M, alpha * x[(ptrdiff_t)j * sx], A + (ptrdiff_t)j * a2, a1, y, sy);
}

/* A <- alpha*x*y^T + A. */
PB_EXPORT void PB(ger)(int M, int N, real alpha, const real *x, int sx, const real *y, int sy, real *A, int a1, int a2) {
  if (M <= 0 || N <= 0 || alpha == 0) return;
  if (a2 == 1 && a1 != 1) {
    for (int i = 0; i < M; i++) PB(axpy)(N, alpha * x[(ptrdiff_t)i * sx], y, sy, A + (ptrdiff_t)i * a1, 1);
    return;
  }
  for (int j = 0; j < N; j++) PB(axpy)(M, alpha * y[(ptrdiff_t)j * sy], x, sx, A + (ptrdiff_t)j * a2, a1);
}

/* y[i] += t*a[i] over i, returning sum a[i]*x[i] (both halves of a symmetric column at once). */
static real symv_column(int n, real t, const real *a, const real *x, int sx, real *y, int sy) {
  real sum = 0;
  int i = 0;
  if (sx == 1 && sy == 1) {
    const v128_t tv = vsplat(t);
    v128_t acc = vsplat(0);
    for (; i + VL <= n; i += VL) {
      const v128_t av = vload(a + i);
      vstore(y + i, vadd(vload(y + i), vmul(tv, av)));
      acc = vadd(acc, vmul(av, vload(x + i)));
    }
    sum = vsum(acc);
  }
  for (; i < n; i++) {
    y[(ptrdiff_t)i * sy] += t * a[i];
    sum += a[i] * x[(ptrdiff_t)i * sx];
  }
  return sum;
}

/* y <- alpha*A*x + beta*y for symmetric A, of which the lower (lower != 0) or upper triangle is read. */
PB_EXPORT void PB(symv)(int lower, int N, real alpha, const real *A, int a1, int a2, const real *x, int sx, real beta,
                        real *y, int sy) {
  if (N <= 0) return;
  scale_vector(N, beta, y, sy);
  if (alpha == 0) return;
  if (a1 != 1) {
    /* A(i, j) = A(j, i): read the mirrored triangle through swapped strides. */
    const int t = a1;
    a1 = a2;
    a2 = t;
    lower = !lower;
  }
  for (int j = 0; j < N; j++) {
    const real *col = A + (ptrdiff_t)j * a2;
    const real t1 = alpha * x[(ptrdiff_t)j * sx];
    real t2;
    if (a1 == 1) {
      t2 = lower ? symv_column(N - j - 1, t1, col + j + 1, x + (ptrdiff_t)(j + 1) * sx, sx, y + (ptrdiff_t)(j + 1) * sy, sy)
                 : symv_column(j, t1, col, x, sx, y, sy);
    } else {
      t2 = 0;
      const int from = lower ? j + 1 : 0, to = lower ? N : j;
      for (int i = from; i < to; i++) {
        const real a = col[(ptrdiff_t)i * a1];
        y[(ptrdiff_t)i * sy] += t1 * a;
        t2 += a * x[(ptrdiff_t)i * sx];
      }
    }
    y[(ptrdiff_t)j * sy] += t1 * col[(ptrdiff_t)j * a1] + alpha * t2;
  }
}

/* x <- A*x for triangular A. */
PB_EXPORT void PB(trmv)(int lower, int unit, int N, const real *A, int a1, int a2, real *x, int sx) {
  if (N <= 0) return;
  const int byColumns = (a1 < 0 ? -a1 : a1) <= (a2 < 0 ? -a2 : a2);
  if (byColumns) {
    if (lower) {
      for (int j = N - 1; j >= 0; j--) {
        const real t = x[(ptrdiff_t)j * sx];
        const real *col = A + (ptrdiff_t)j * a2;
        PB(axpy)(N - j - 1, t, col + (ptrdiff_t)(j + 1) * a1, a1, x + (ptrdiff_t)(j + 1) * sx, sx);
        if (!unit) x[(ptrdiff_t)j * sx] = t * col[(ptrdiff_t)j * a1];
      }
    } else {
      for (int j = 0; j < N; j++) {
        const real t = x[(ptrdiff_t)j * sx];
        const real *col = A + (ptrdiff_t)j * a2;
        PB(axpy)(j, t, col, a1, x, sx);
        if (!unit) x[(ptrdiff_t)j * sx] = t * col[(ptrdiff_t)j * a1];
      }
    }
    return;
  }
  if (lower) {
    for (int i = N - 1; i >= 0; i--) {
      const real *row = A + (ptrdiff_t)i * a1;
      const real d = unit ? 1 : row[(ptrdiff_t)i * a2];
      x[(ptrdiff_t)i * sx] = (real)(d * x[(ptrdiff_t)i * sx] + PB(dot)(i, row, a2, x, sx));
    }
  } else {
    for (int i = 0; i < N; i++) {
      const real *row = A + (ptrdiff_t)i * a1;
      const real d = unit ? 1 : row[(ptrdiff_t)i * a2];
      x[(ptrdiff_t)i * sx] =
          (real)(d * x[(ptrdiff_t)i * sx] + PB(dot)(N - i - 1, row + (ptrdiff_t)(i + 1) * a2, a2, x + (ptrdiff_t)(i + 1) * sx, sx));
    }
  }
}

/* x <- A^-1 * x for triangular A (no singularity test). */
PB_EXPORT void PB(trsv)(int lower, int unit, int N, const real *A, int a1, int a2, real *x, int sx) {
  if (N <= 0) return;
  const int byColumns = (a1 < 0 ? -a1 : a1) <= (a2 < 0 ? -a2 : a2);
  if (byColumns) {
    if (lower) {
      for (int j = 0; j < N; j++) {
        const real *col = A + (ptrdiff_t)j * a2;
        real t = x[(ptrdiff_t)j * sx];
        if (!unit) x[(ptrdiff_t)j * sx] = t = t / col[(ptrdiff_t)j * a1];
        PB(axpy)(N - j - 1, -t, col + (ptrdiff_t)(j + 1) * a1, a1, x + (ptrdiff_t)(j + 1) * sx, sx);
      }
    } else {
      for (int j = N - 1; j >= 0; j--) {
        const real *col = A + (ptrdiff_t)j * a2;
        real t = x[(ptrdiff_t)j * sx];
        if (!unit) x[(ptrdiff_t)j * sx] = t = t / col[(ptrdiff_t)j * a1];
        PB(axpy)(j, -t, col, a1, x, sx);
      }
    }
    return;
  }
  if (lower) {
    for (int i = 0; i < N; i++) {
      const real *row = A + (ptrdiff_t)i * a1;
      const double v = x[(ptrdiff_t)i * sx] - PB(dot)(i, row, a2, x, sx);
      x[(ptrdiff_t)i * sx] = (real)(unit ? v : v / row[(ptrdiff_t)i * a2]);
    }
  } else {
    for (int i = N - 1; i >= 0; i--) {
      const real *row = A + (ptrdiff_t)i * a1;
      const double v = x[(ptrdiff_t)i * sx] - PB(dot)(N - i - 1, row + (ptrdiff_t)(i + 1) * a2, a2, x + (ptrdiff_t)(i + 1) * sx, sx);
      x[(ptrdiff_t)i * sx] = (real)(unit ? v : v / row[(ptrdiff_t)i * a2]);
    }
  }
}
