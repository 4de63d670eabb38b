/*
 * Threaded gemm, for the pthreads build only (-pthread -DPB_THREADS): C is split into column
 * blocks, one per thread, each a whole single-threaded gemm with its own packing buffers (slot t
 * of gemm_slot). The calling thread computes the first block and waits for the others; a block
 * whose thread could not start or whose buffers could not be allocated is computed by the caller.
 */
#include "real.h"

#include <pthread.h>

#define MAX_THREADS 16

int PB(gemm_slot)(int slot, int M, int N, int K, real alpha, const real *A, int a1, int a2, const real *B, int b1,
                  int b2, real beta, real *C, int c1, int c2);

typedef struct {
  int M, N, K;
  real alpha;
  const real *A;
  int a1, a2;
  const real *B;
  int b1, b2;
  real beta;
  real *C;
  int c1, c2;
  int slot;
  int status; /* 0 done, -1 not done */
} gemm_job;

static void *run_job(void *arg) {
  gemm_job *j = (gemm_job *)arg;
  j->status = PB(gemm_slot)(j->slot, j->M, j->N, j->K, j->alpha, j->A, j->a1, j->a2, j->B, j->b1, j->b2, j->beta,
                            j->C, j->c1, j->c2);
  return 0;
}

PB_EXPORT void PB(gemm_mt)(int threads, int M, int N, int K, real alpha, const real *A, int a1, int a2, const real *B,
                           int b1, int b2, real beta, real *C, int c1, int c2) {
  if (threads > MAX_THREADS) threads = MAX_THREADS;
  /* Whole NR-column tiles per thread; fewer threads when there are few columns. */
  const int tiles = (N + NR - 1) / NR;
  if (threads > tiles) threads = tiles;
  if (threads <= 1) {
    PB(gemm)(M, N, K, alpha, A, a1, a2, B, b1, b2, beta, C, c1, c2);
    return;
  }
  gemm_job jobs[MAX_THREADS];
  pthread_t ids[MAX_THREADS];
  int started[MAX_THREADS] = {0};
  int j0 = 0;
  for (int t = 0; t < threads; t++) {
    const int share = (tiles * (t + 1)) / threads * NR - j0;
    const int n = j0 + share > N ? N - j0 : share;
    jobs[t] = (gemm_job){M, n, K, alpha, A, a1, a2, B + (ptrdiff_t)j0 * b2, b1, b2, beta, C + (ptrdiff_t)j0 * c2, c1, c2, t, -1};
    j0 += n;
  }
  for (int t = 1; t < threads; t++) started[t] = pthread_create(&ids[t], 0, run_job, &jobs[t]) == 0;
  run_job(&jobs[0]);
  for (int t = 1; t < threads; t++) {
    if (started[t]) pthread_join(ids[t], 0);
    if (jobs[t].status != 0) { /* no thread or no buffers: compute the block here */
      jobs[t].slot = 0;
      run_job(&jobs[t]);
    }
  }
}
