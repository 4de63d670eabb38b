/*
 * Level 1: vector kernels. A vector is a pointer to its first visited element and a stride.
 * Sums (dot, nrm2, asum) accumulate in double in both precisions.
 */
#include "real.h"

/* Sum of x[i]*y[i] in double, two lanes at a time for unit strides. */
static double dot_double(int N, const real *x, int sx, const real *y, int sy) {
  double sum = 0;
  int i = 0;
  if (sx == 1 && sy == 1) {
    v128_t s0 = wasm_f64x2_splat(0), s1 = wasm_f64x2_splat(0);
#if defined(PB_DOUBLE)
    for (; i + 4 <= N; i += 4) {
      s0 = wasm_f64x2_add(s0, wasm_f64x2_mul(vload(x + i), vload(y + i)));
      s1 = wasm_f64x2_add(s1, wasm_f64x2_mul(vload(x + i + 2), vload(y + i + 2)));
    }
#else
    for (; i + 4 <= N; i += 4) {
      const v128_t xv = vload(x + i), yv = vload(y + i);
      s0 = wasm_f64x2_add(s0, wasm_f64x2_mul(wasm_f64x2_promote_low_f32x4(xv), wasm_f64x2_promote_low_f32x4(yv)));
      const v128_t xh = wasm_i32x4_shuffle(xv, xv, 2, 3, 0, 1), yh = wasm_i32x4_shuffle(yv, yv, 2, 3, 0, 1);
      s1 = wasm_f64x2_add(s1, wasm_f64x2_mul(wasm_f64x2_promote_low_f32x4(xh), wasm_f64x2_promote_low_f32x4(yh)));
    }
#endif
    s0 = wasm_f64x2_add(s0, s1);
    sum = wasm_f64x2_extract_lane(s0, 0) + wasm_f64x2_extract_lane(s0, 1);
    for (; i < N; i++) sum += (double)x[i] * y[i];
    return sum;
  }
  for (; i < N; i++) sum += (double)x[(ptrdiff_t)i * sx] * y[(ptrdiff_t)i * sy];
  return sum;
}

PB_EXPORT double PB(dot)(int N, const real *x, int sx, const real *y, int sy) {
  return N > 0 ? dot_double(N, x, sx, y, sy) : 0;
}

PB_EXPORT void PB(axpy)(int N, real alpha, const real *x, int sx, real *y, int sy) {
  if (N <= 0 || alpha == 0) return;
  int i = 0;
  if (sx == 1 && sy == 1) {
    const v128_t a = vsplat(alpha);
    for (; i + 2 * VL <= N; i += 2 * VL) {
      vstore(y + i, vadd(vload(y + i), vmul(a, vload(x + i))));
      vstore(y + i + VL, vadd(vload(y + i + VL), vmul(a, vload(x + i + VL))));
    }
    for (; i < N; i++) y[i] += alpha * x[i];
    return;
  }
  for (; i < N; i++) y[(ptrdiff_t)i * sy] += alpha * x[(ptrdiff_t)i * sx];
}

PB_EXPORT void PB(scal)(int N, real alpha, real *x, int sx) {
  if (N <= 0 || alpha == 1) return;
  if (alpha == 0) {
    for (int i = 0; i < N; i++) x[(ptrdiff_t)i * sx] = 0;
    return;
  }
  int i = 0;
  if (sx == 1) {
    const v128_t a = vsplat(alpha);
    for (; i + VL <= N; i += VL) vstore(x + i, vmul(a, vload(x + i)));
    for (; i < N; i++) x[i] *= alpha;
    return;
  }
  for (; i < N; i++) x[(ptrdiff_t)i * sx] *= alpha;
}

PB_EXPORT void PB(copy)(int N, const real *x, int sx, real *y, int sy) {
  if (N <= 0) return;
  if (sx == 1 && sy == 1) {
    /* Overlapping unit-stride vectors copy as memmove does, as the TypeScript kernel's set() does. */
    __builtin_memmove(y, x, (size_t)N * sizeof(real));
    return;
  }
  for (int i = 0; i < N; i++) y[(ptrdiff_t)i * sy] = x[(ptrdiff_t)i * sx];
}

PB_EXPORT void PB(swap)(int N, real *x, int sx, real *y, int sy) {
  for (int i = 0; i < N; i++) {
    const real t = x[(ptrdiff_t)i * sx];
    x[(ptrdiff_t)i * sx] = y[(ptrdiff_t)i * sy];
    y[(ptrdiff_t)i * sy] = t;
  }
}

PB_EXPORT double PB(asum)(int N, const real *x, int sx) {
  double sum = 0, sum2 = 0;
  int i = 0;
  for (; i + 1 < N; i += 2) {
    sum += __builtin_fabs((double)x[(ptrdiff_t)i * sx]);
    sum2 += __builtin_fabs((double)x[(ptrdiff_t)(i + 1) * sx]);
  }
  if (i < N) sum += __builtin_fabs((double)x[(ptrdiff_t)i * sx]);
  return sum + sum2;
}

/*
 * ||x||_2 without overflow or harmful underflow: the plain sum of squares when it lies in a safe
 * range (always, for float input summed in double), otherwise summed again in units of a power of
 * two near max |x_i|.
 */
PB_EXPORT double PB(nrm2)(int N, const real *x, int sx) {
  if (N <= 0) return 0;
  const double sum = dot_double(N, x, sx, x, sx);
  if (sum != sum) return sum;
  if (sum >= 0x1p-960 && sum < __builtin_inf()) return __builtin_sqrt(sum);
  double max = 0;
  for (int i = 0; i < N; i++) {
    const double a = __builtin_fabs((double)x[(ptrdiff_t)i * sx]);
    if (a > max) max = a;
  }
  if (max == 0 || max == __builtin_inf()) return max;
  int e;
  __builtin_frexp(max, &e);
  if (e > 1000) e = 1000;
  if (e < -1000) e = -1000;
  const double scale = __builtin_ldexp(1.0, -e);
  double s = 0;
  for (int i = 0; i < N; i++) {
    const double v = x[(ptrdiff_t)i * sx] * scale;
    s += v * v;
  }
  return __builtin_sqrt(s) * __builtin_ldexp(1.0, e);
}

/* The 0-based position of the first largest |x_i|; -1 for N < 1. */
PB_EXPORT int PB(iamax)(int N, const real *x, int sx) {
  if (N < 1) return -1;
  int best = 0;
  real max = __builtin_fabs(x[0]);
  for (int i = 1; i < N; i++) {
    const real v = __builtin_fabs(x[(ptrdiff_t)i * sx]);
    if (v > max) {
      max = v;
      best = i;
    }
  }
  return best;
}

PB_EXPORT void PB(rot)(int N, real *x, int sx, real *y, int sy, real c, real s) {
  int i = 0;
  if (sx == 1 && sy == 1) {
    const v128_t cv = vsplat(c), sv = vsplat(s);
    for (; i + VL <= N; i += VL) {
      const v128_t xv = vload(x + i), yv = vload(y + i);
      vstore(x + i, vadd(vmul(cv, xv), vmul(sv, yv)));
      vstore(y + i, vsub(vmul(cv, yv), vmul(sv, xv)));
    }
  }
  for (; i < N; i++) {
    const real xi = x[(ptrdiff_t)i * sx], yi = y[(ptrdiff_t)i * sy];
    x[(ptrdiff_t)i * sx] = c * xi + s * yi;
    y[(ptrdiff_t)i * sy] = c * yi - s * xi;
  }
}
