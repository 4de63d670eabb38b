/*
 * lasr_batch: a batch of rotation sequences in the manner of LAPACK's lasr (side 'L', pivot 'V'),
 * applied in order to the rows of the N-column column-major matrix A (leading dimension lda). This
 * is how bdsqr's sweeps reach its singular vectors. Sequence i has count[i] rotations with
 * cosines c[at[i] + k] and sines s[at[i] + k], on rows first[i] .. first[i] + count[i]:
 *   forward (k upwards):    (A(f+k), A(f+k+1)) <- (c*A(f+k) + s*A(f+k+1), c*A(f+k+1) - s*A(f+k));
 *   backward (k downwards): (A(f+k+1), A(f+k)) <- (c*A(f+k+1) + s*A(f+k), c*A(f+k) - s*A(f+k+1)).
 *
 * Columns are independent. Each block of columns goes through every sequence of the batch while
 * it is in cache (one pass over A per batch instead of one per sequence), and each column runs
 * down a sequence with the row being rotated carried in a register: one load and one store per
 * element and rotation. Two columns share a vector (a lane from each); four vectors in flight
 * cover the latency of the carried chain. Compiled in double only: bdsqr rotates in double for
 * both precisions.
 */
#include "real.h"

/* Row k of columns p and p + lda as one vector, and back. */
static inline v128_t load_pair(const double *p, ptrdiff_t lda) {
  return wasm_v128_load64_lane(p + lda, wasm_v128_load64_zero(p), 1);
}
static inline void store_pair(double *p, ptrdiff_t lda, v128_t v) {
  wasm_v128_store64_lane(p, v, 0);
  wasm_v128_store64_lane(p + lda, v, 1);
}

/*
 * One rotation step of a sequence: x is the carried row, `next` the next row in the direction of travel;
 * the rotated x is stored at `at`, and the rotated next row is carried on.
 */
#define STEP(x, next, c, s, at)                                                                \
  do {                                                                                         \
    const v128_t y_ = next;                                                                    \
    store_pair(at, lda, wasm_f64x2_add(wasm_f64x2_mul(c, x), wasm_f64x2_mul(s, y_)));          \
    x = wasm_f64x2_sub(wasm_f64x2_mul(c, y_), wasm_f64x2_mul(s, x));                           \
  } while (0)

/* One sequence of `count` rotations on eight columns (four pairs, lda*2 apart) from row p. */
static void sequence8(int forward, int count, const double *c, const double *s, double *p, ptrdiff_t lda) {
  double *p0 = p, *p1 = p + 2 * lda, *p2 = p + 4 * lda, *p3 = p + 6 * lda;
  if (forward) {
    v128_t a0 = load_pair(p0, lda), a1 = load_pair(p1, lda), a2 = load_pair(p2, lda), a3 = load_pair(p3, lda);
    for (int k = 0; k < count; k++) {
      const v128_t ck = wasm_v128_load64_splat(c + k), sk = wasm_v128_load64_splat(s + k);
      STEP(a0, load_pair(p0 + k + 1, lda), ck, sk, p0 + k);
      STEP(a1, load_pair(p1 + k + 1, lda), ck, sk, p1 + k);
      STEP(a2, load_pair(p2 + k + 1, lda), ck, sk, p2 + k);
      STEP(a3, load_pair(p3 + k + 1, lda), ck, sk, p3 + k);
    }
    store_pair(p0 + count, lda, a0);
    store_pair(p1 + count, lda, a1);
    store_pair(p2 + count, lda, a2);
    store_pair(p3 + count, lda, a3);
  } else {
    v128_t a0 = load_pair(p0 + count, lda), a1 = load_pair(p1 + count, lda);
    v128_t a2 = load_pair(p2 + count, lda), a3 = load_pair(p3 + count, lda);
    for (int k = count - 1; k >= 0; k--) {
      const v128_t ck = wasm_v128_load64_splat(c + k), sk = wasm_v128_load64_splat(s + k);
      STEP(a0, load_pair(p0 + k, lda), ck, sk, p0 + k + 1);
      STEP(a1, load_pair(p1 + k, lda), ck, sk, p1 + k + 1);
      STEP(a2, load_pair(p2 + k, lda), ck, sk, p2 + k + 1);
      STEP(a3, load_pair(p3 + k, lda), ck, sk, p3 + k + 1);
    }
    store_pair(p0, lda, a0);
    store_pair(p1, lda, a1);
    store_pair(p2, lda, a2);
    store_pair(p3, lda, a3);
  }
}

/* The same on two columns. */
static void sequence2(int forward, int count, const double *c, const double *s, double *p, ptrdiff_t lda) {
  if (forward) {
    v128_t a = load_pair(p, lda);
    for (int k = 0; k < count; k++) {
      const v128_t ck = wasm_v128_load64_splat(c + k), sk = wasm_v128_load64_splat(s + k);
      STEP(a, load_pair(p + k + 1, lda), ck, sk, p + k);
    }
    store_pair(p + count, lda, a);
  } else {
    v128_t a = load_pair(p + count, lda);
    for (int k = count - 1; k >= 0; k--) {
      const v128_t ck = wasm_v128_load64_splat(c + k), sk = wasm_v128_load64_splat(s + k);
      STEP(a, load_pair(p + k, lda), ck, sk, p + k + 1);
    }
    store_pair(p, lda, a);
  }
}

/* The same on one column, in scalars. */
static void sequence1(int forward, int count, const double *c, const double *s, double *p) {
  if (forward) {
    double x = p[0];
    for (int k = 0; k < count; k++) {
      const double y = p[k + 1];
      p[k] = c[k] * x + s[k] * y;
      x = c[k] * y - s[k] * x;
    }
    p[count] = x;
  } else {
    double x = p[count];
    for (int k = count - 1; k >= 0; k--) {
      const double y = p[k];
      p[k + 1] = c[k] * x + s[k] * y;
      x = c[k] * y - s[k] * x;
    }
    p[0] = x;
  }
}

PB_EXPORT void PB(lasr_batch)(int sequences, const int *at, const int *first, const int *count, const unsigned char *forward,
                              const double *c, const double *s, int N, double *A, int lda) {
  const ptrdiff_t ld = lda;
  int j = 0;
  for (; j + 8 <= N; j += 8) {
    for (int i = 0; i < sequences; i++) {
      sequence8(forward[i], count[i], c + at[i], s + at[i], A + j * ld + first[i], ld);
    }
  }
  for (; j + 2 <= N; j += 2) {
    for (int i = 0; i < sequences; i++) {
      sequence2(forward[i], count[i], c + at[i], s + at[i], A + j * ld + first[i], ld);
    }
  }
  for (; j < N; j++) {
    for (int i = 0; i < sequences; i++) sequence1(forward[i], count[i], c + at[i], s + at[i], A + j * ld + first[i]);
  }
}

#if defined(PB_THREADS)
#include <pthread.h>

#define MAX_THREADS 16

typedef struct {
  int sequences;
  const int *at, *first, *count;
  const unsigned char *forward;
  const double *c, *s;
  int N;
  double *A;
  int lda;
} lasr_job;

static void *run_lasr_job(void *arg) {
  const lasr_job *j = (const lasr_job *)arg;
  PB(lasr_batch)(j->sequences, j->at, j->first, j->count, j->forward, j->c, j->s, j->N, j->A, j->lda);
  return 0;
}

/* lasr_batch with the columns split over `threads` threads (blocks of eight columns; columns are
 * independent, so each thread runs the whole batch on its own columns). */
PB_EXPORT void PB(lasr_batch_mt)(int threads, int sequences, const int *at, const int *first, const int *count,
                                 const unsigned char *forward, const double *c, const double *s, int N, double *A,
                                 int lda) {
  if (threads > MAX_THREADS) threads = MAX_THREADS;
  const int blocks = (N + 7) / 8;
  if (threads > blocks) threads = blocks;
  if (threads <= 1) {
    PB(lasr_batch)(sequences, at, first, count, forward, c, s, N, A, lda);
    return;
  }
  lasr_job jobs[MAX_THREADS];
  pthread_t ids[MAX_THREADS];
  int started[MAX_THREADS] = {0};
  int j0 = 0;
  for (int t = 0; t < threads; t++) {
    const int end = t == threads - 1 ? N : (blocks * (t + 1)) / threads * 8;
    jobs[t] = (lasr_job){sequences, at, first, count, forward, c, s, end - j0, A + (ptrdiff_t)j0 * lda, lda};
    j0 = end;
  }
  for (int t = 1; t < threads; t++) started[t] = pthread_create(&ids[t], 0, run_lasr_job, &jobs[t]) == 0;
  run_lasr_job(&jobs[0]);
  for (int t = 1; t < threads; t++) {
    if (started[t]) pthread_join(ids[t], 0);
    else run_lasr_job(&jobs[t]); /* no thread available: compute the block here */
  }
}
#endif
