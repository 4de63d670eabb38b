/*
 * One source, two precisions: every kernel file is compiled twice, with -DPB_DOUBLE and with
 * -DPB_FLOAT. This header names the element type, the exported symbol prefix and the SIMD128
 * operations on a vector of that type.
 *
 * Kernel form: a matrix is a pointer to its element (0, 0) and two strides counted in elements,
 * element (i, j) at A[i*s1 + j*s2]; a vector is a pointer to its first visited element and a stride.
 * Strides may be negative. Flags are ints: upper/lower, unit diagonal, side.
 */
#ifndef PB_REAL_H
#define PB_REAL_H

#include <wasm_simd128.h>
#include <stddef.h>

#define PB_EXPORT __attribute__((visibility("default"))) __attribute__((used))

#if defined(PB_DOUBLE)
typedef double real;
#define PB(name) pb_d##name
#define VL 2
#define vsplat wasm_f64x2_splat
#define vload_splat(p) wasm_v128_load64_splat(p)
#define vmul wasm_f64x2_mul
#define vadd wasm_f64x2_add
#define vsub wasm_f64x2_sub
#define vabs wasm_f64x2_abs
#define vlane(v, k) wasm_f64x2_extract_lane(v, k)
static inline double vsum(v128_t v) { return wasm_f64x2_extract_lane(v, 0) + wasm_f64x2_extract_lane(v, 1); }
/* gemm register tile: MR rows (MR / VL vectors) by NR columns. */
#ifndef MR
#define MR 4
#define NR 4
#endif
#elif defined(PB_FLOAT)
typedef float real;
#define PB(name) pb_s##name
#define VL 4
#define vsplat wasm_f32x4_splat
#define vload_splat(p) wasm_v128_load32_splat(p)
#define vmul wasm_f32x4_mul
#define vadd wasm_f32x4_add
#define vsub wasm_f32x4_sub
#define vabs wasm_f32x4_abs
#define vlane(v, k) wasm_f32x4_extract_lane(v, k)
static inline float vsum(v128_t v) {
  return (wasm_f32x4_extract_lane(v, 0) + wasm_f32x4_extract_lane(v, 1)) +
         (wasm_f32x4_extract_lane(v, 2) + wasm_f32x4_extract_lane(v, 3));
}
#ifndef MR
#define MR 8
#define NR 4
#endif
#else
#error "compile with -DPB_DOUBLE or -DPB_FLOAT"
#endif

#define vload(p) wasm_v128_load(p)
#define vstore(p, v) wasm_v128_store(p, v)

/* Shared kernels (gemm.c), used by the level-3 routines built on top of gemm. */
void PB(gemm)(int M, int N, int K, real alpha, const real *A, int a1, int a2, const real *B, int b1, int b2,
              real beta, real *C, int c1, int c2);
void PB(scal)(int N, real alpha, real *x, int sx);

#endif
