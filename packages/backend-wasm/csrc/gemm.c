/*
 * gemm: C <- alpha*A*B + beta*C for A M x K, B K x N, C M x N, each with two strides (a transposed
 * operand is the same operand with its strides swapped, so there is no trans flag here).
 *
 * BLIS's structure: B is packed in KC x NC blocks of NR-column micro-panels, A in MC x KC blocks of
 * MR-row micro-panels, both zero-padded to whole tiles; the micro-kernel multiplies one MR x KC
 * panel by one KC x NR panel into registers. Loops, packing and edges are written once here; only
 * micro_kernel() depends on the vector width (MR and NR come from real.h).
 */
#include "real.h"

#if defined(PB_TUNE)
/* KC, MC, NC (and MR, NR) given on the command line, for tuning */
#elif defined(PB_DOUBLE)
#define KC 256
#define MC 128
#define NC 1024
#else
#define KC 256
#define MC 256
#define NC 1024
#endif

/* The calling thread's packing buffers. In the pthreads build each further thread of a split gemm
 * packs into a pair of its own (gemm_slot). */
static real pack_a[MC * KC] __attribute__((aligned(64)));
static real pack_b[KC * NC] __attribute__((aligned(64)));

/* Packs op(A)[0:mc, 0:kc] (element (i, p) at A[i*a1 + p*a2]) into MR-row panels. */
static void pack_panels_a(int mc, int kc, const real *A, int a1, int a2, real *out) {
  for (int i0 = 0; i0 < mc; i0 += MR) {
    const int mr = mc - i0 < MR ? mc - i0 : MR;
    const real *src = A + (ptrdiff_t)i0 * a1;
    if (mr == MR && a1 == 1) {
      for (int p = 0; p < kc; p++) {
        const real *col = src + (ptrdiff_t)p * a2;
        for (int i = 0; i < MR; i++) out[i] = col[i];
        out += MR;
      }
    } else {
      for (int p = 0; p < kc; p++) {
        const real *col = src + (ptrdiff_t)p * a2;
        for (int i = 0; i < MR; i++) out[i] = i < mr ? col[(ptrdiff_t)i * a1] : 0;
        out += MR;
      }
    }
  }
}

/* Packs B[0:kc, 0:nc] (element (p, j) at B[p*b1 + j*b2]) into NR-column panels. */
static void pack_panels_b(int kc, int nc, const real *B, int b1, int b2, real *out) {
  for (int j0 = 0; j0 < nc; j0 += NR) {
    const int nr = nc - j0 < NR ? nc - j0 : NR;
    const real *src = B + (ptrdiff_t)j0 * b2;
    if (nr == NR && b2 == 1) {
      for (int p = 0; p < kc; p++) {
        const real *row = src + (ptrdiff_t)p * b1;
        for (int j = 0; j < NR; j++) out[j] = row[j];
        out += NR;
      }
    } else {
      for (int p = 0; p < kc; p++) {
        const real *row = src + (ptrdiff_t)p * b1;
        for (int j = 0; j < NR; j++) out[j] = j < nr ? row[(ptrdiff_t)j * b2] : 0;
        out += NR;
      }
    }
  }
}

/* C[0:mr, 0:nr] <- alpha*ab + (first ? beta*C : C); beta == 0 does not read C. */
static void update_tile(int mr, int nr, real alpha, const real *ab, real beta, int first, real *C, int c1, int c2) {
  for (int j = 0; j < nr; j++) {
    real *col = C + (ptrdiff_t)j * c2;
    const real *t = ab + j * MR;
    if (!first) {
      for (int i = 0; i < mr; i++) col[(ptrdiff_t)i * c1] += alpha * t[i];
    } else if (beta == 0) {
      for (int i = 0; i < mr; i++) col[(ptrdiff_t)i * c1] = alpha * t[i];
    } else {
      for (int i = 0; i < mr; i++) col[(ptrdiff_t)i * c1] = beta * col[(ptrdiff_t)i * c1] + alpha * t[i];
    }
  }
}

/*
 * The micro-kernel: the MR x NR tile ab = pa * pb over kc, in registers (an array of constant shape,
 * which the compiler unrolls into MR/VL x NR vectors), then C[0:mr, 0:nr] <- alpha*ab +
 * (first ? beta*C : C). A whole tile of a C with unit row stride is updated in vectors straight
 * from the registers; an edge tile or a strided C goes through update_tile. Measured in Node 20
 * (V8): 4x4 doubles (8 accumulators) and 8x4 singles are fastest in place. An unrolled k loop
 * spills: V8 schedules each accumulator's additions from both steps together. A 6x3 double tile
 * with one induction variable is 12% faster on its own, but not inside the blocked loops, where the
 * 4x4 tile is as fast or faster. `noinline` keeps LLVM's code for this loop as written; the
 * link-time optimizer (Binaryen) still inlines it into gemm_packed, its one caller, which measured
 * about 8% faster than keeping it out of line.
 */
#define MV (MR / VL)
static __attribute__((noinline)) void micro_kernel(int kc, const real *restrict pa, const real *restrict pb, real alpha,
                                                   real beta, int first, int mr, int nr, real *restrict C, int c1,
                                                   int c2) {
  v128_t c[NR][MV];
  for (int j = 0; j < NR; j++)
    for (int i = 0; i < MV; i++) c[j][i] = vsplat(0);
  for (int p = 0; p < kc; p++) {
    v128_t a[MV];
    for (int i = 0; i < MV; i++) a[i] = vload(pa + i * VL);
    for (int j = 0; j < NR; j++) {
      const v128_t b = vload_splat(pb + j);
      for (int i = 0; i < MV; i++) c[j][i] = vadd(c[j][i], vmul(a[i], b));
    }
    pa += MR;
    pb += NR;
  }
  if (mr == MR && nr == NR && c1 == 1) {
    const v128_t va = vsplat(alpha), vb = vsplat(beta);
    for (int j = 0; j < NR; j++) {
      real *col = C + (ptrdiff_t)j * c2;
      for (int i = 0; i < MV; i++) {
        v128_t t = vmul(va, c[j][i]);
        if (!first) t = vadd(vload(col + i * VL), t);
        else if (beta != 0) t = vadd(vmul(vb, vload(col + i * VL)), t);
        vstore(col + i * VL, t);
      }
    }
    return;
  }
  real ab[MR * NR] __attribute__((aligned(16)));
  for (int j = 0; j < NR; j++)
    for (int i = 0; i < MV; i++) vstore(ab + j * MR + i * VL, c[j][i]);
  update_tile(mr, nr, alpha, ab, beta, first, C, c1, c2);
}

/* C <- beta*C over M x N (beta == 0 writes zeros without reading). */
static void scale_matrix(int M, int N, real beta, real *C, int c1, int c2) {
  if (beta == 1) return;
  for (int j = 0; j < N; j++) {
    real *col = C + (ptrdiff_t)j * c2;
    if (beta == 0) for (int i = 0; i < M; i++) col[(ptrdiff_t)i * c1] = 0;
    else for (int i = 0; i < M; i++) col[(ptrdiff_t)i * c1] *= beta;
  }
}

static void gemm_packed(int M, int N, int K, real alpha, const real *A, int a1, int a2, const real *B, int b1, int b2,
                        real beta, real *C, int c1, int c2, real *pack_a, real *pack_b) {
  if (M <= 0 || N <= 0) return;
  if (alpha == 0 || K <= 0) {
    scale_matrix(M, N, beta, C, c1, c2);
    return;
  }
  for (int jc = 0; jc < N; jc += NC) {
    const int nc = N - jc < NC ? N - jc : NC;
    for (int pc = 0; pc < K; pc += KC) {
      const int kc = K - pc < KC ? K - pc : KC;
      const int first = pc == 0;
      pack_panels_b(kc, nc, B + (ptrdiff_t)pc * b1 + (ptrdiff_t)jc * b2, b1, b2, pack_b);
      for (int ic = 0; ic < M; ic += MC) {
        const int mc = M - ic < MC ? M - ic : MC;
        pack_panels_a(mc, kc, A + (ptrdiff_t)ic * a1 + (ptrdiff_t)pc * a2, a1, a2, pack_a);
        for (int jr = 0; jr < nc; jr += NR) {
          const int nr = nc - jr < NR ? nc - jr : NR;
          const real *pb = pack_b + (ptrdiff_t)jr * kc;
          for (int ir = 0; ir < mc; ir += MR) {
            const int mr = mc - ir < MR ? mc - ir : MR;
            micro_kernel(kc, pack_a + (ptrdiff_t)ir * kc, pb, alpha, beta, first, mr, nr,
                         C + (ptrdiff_t)(ic + ir) * c1 + (ptrdiff_t)(jc + jr) * c2, c1, c2);
          }
        }
      }
    }
  }
}

PB_EXPORT void PB(gemm)(int M, int N, int K, real alpha, const real *A, int a1, int a2, const real *B, int b1, int b2,
                        real beta, real *C, int c1, int c2) {
  gemm_packed(M, N, K, alpha, A, a1, a2, B, b1, b2, beta, C, c1, c2, pack_a, pack_b);
}

#if defined(PB_THREADS)
#include <stdlib.h>

/*
 * Packing buffers of the threads of a split gemm, by slot (slot 0 is the calling thread, with the
 * static pair). Allocated on a slot's first use and kept: a _Thread_local pair would be allocated
 * and initialised (megabytes) at every thread start, which cost more than the work of a gemm of
 * order 100. A slot is used by one thread at a time (threads.c joins every thread of a call).
 */
#define MAX_SLOTS 16
static real *slot_a[MAX_SLOTS], *slot_b[MAX_SLOTS];

/* gemm on the packing buffers of `slot`; 0, or -1 (nothing done) when they cannot be allocated. */
int PB(gemm_slot)(int slot, int M, int N, int K, real alpha, const real *A, int a1, int a2, const real *B, int b1,
                  int b2, real beta, real *C, int c1, int c2) {
  real *a = pack_a, *b = pack_b;
  if (slot > 0) {
    if (slot >= MAX_SLOTS) return -1;
    if (!slot_a[slot]) slot_a[slot] = aligned_alloc(64, sizeof(real) * MC * KC);
    if (!slot_b[slot]) slot_b[slot] = aligned_alloc(64, sizeof(real) * KC * NC);
    if (!slot_a[slot] || !slot_b[slot]) return -1;
    a = slot_a[slot];
    b = slot_b[slot];
  }
  gemm_packed(M, N, K, alpha, A, a1, a2, B, b1, b2, beta, C, c1, c2, a, b);
  return 0;
}
#endif
