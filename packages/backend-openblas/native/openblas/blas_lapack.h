// The library-specific half of the binding, for OpenBLAS (and any CBLAS + gfortran-built LAPACK).
//
// The shared sources of @polyblas/binding include this header by name ("blas_lapack.h"); a build
// for another library (Apple Accelerate) puts its own header of the same name first on the include
// path. It must provide:
//   - the CBLAS functions and enums (standard names and values), levels 1-3, s and d;
//   - the Fortran-ABI LAPACK symbols the binding calls, with pb_int as the LAPACK integer;
//   - PB_STRLEN1 / PB_STRLEN2 / PB_STRLEN3: the hidden character-length arguments appended to a
//     Fortran call with that many CHARACTER arguments (empty where the ABI has none);
//   - the pb_library_* functions describing the library and controlling its threads.
#ifndef POLYBLAS_BLAS_LAPACK_H
#define POLYBLAS_BLAS_LAPACK_H

#include <cstddef>
#include <cstring>
#include <string>

// LP64: BLAS and LAPACK take 32-bit integers.
typedef int pb_int;
#define PB_INTEGER_WIDTH 32

// gfortran (>= 8) passes the length of each CHARACTER argument as a trailing size_t, after all the
// declared arguments. OpenBLAS's own C replacements of some LAPACK routines ignore them, which is
// harmless on every C ABI that passes arguments in registers/stack in order.
typedef std::size_t pb_strlen;
#define PB_STRLEN1 , static_cast<pb_strlen>(1)
#define PB_STRLEN2 , static_cast<pb_strlen>(1), static_cast<pb_strlen>(1)
#define PB_STRLEN3 , static_cast<pb_strlen>(1), static_cast<pb_strlen>(1), static_cast<pb_strlen>(1)

extern "C" {

enum CBLAS_ORDER { CblasRowMajor = 101, CblasColMajor = 102 };
enum CBLAS_TRANSPOSE { CblasNoTrans = 111, CblasTrans = 112, CblasConjTrans = 113 };
enum CBLAS_UPLO { CblasUpper = 121, CblasLower = 122 };
enum CBLAS_DIAG { CblasNonUnit = 131, CblasUnit = 132 };
enum CBLAS_SIDE { CblasLeft = 141, CblasRight = 142 };

// Level 1
double cblas_ddot(const pb_int n, const double* x, const pb_int incx, const double* y, const pb_int incy);
float cblas_sdot(const pb_int n, const float* x, const pb_int incx, const float* y, const pb_int incy);
void cblas_daxpy(const pb_int n, const double alpha, const double* x, const pb_int incx, double* y, const pb_int incy);
void cblas_saxpy(const pb_int n, const float alpha, const float* x, const pb_int incx, float* y, const pb_int incy);
void cblas_dscal(const pb_int n, const double alpha, double* x, const pb_int incx);
void cblas_sscal(const pb_int n, const float alpha, float* x, const pb_int incx);
void cblas_dcopy(const pb_int n, const double* x, const pb_int incx, double* y, const pb_int incy);
void cblas_scopy(const pb_int n, const float* x, const pb_int incx, float* y, const pb_int incy);
void cblas_dswap(const pb_int n, double* x, const pb_int incx, double* y, const pb_int incy);
void cblas_sswap(const pb_int n, float* x, const pb_int incx, float* y, const pb_int incy);
double cblas_dnrm2(const pb_int n, const double* x, const pb_int incx);
float cblas_snrm2(const pb_int n, const float* x, const pb_int incx);
double cblas_dasum(const pb_int n, const double* x, const pb_int incx);
float cblas_sasum(const pb_int n, const float* x, const pb_int incx);
std::size_t cblas_idamax(const pb_int n, const double* x, const pb_int incx);
std::size_t cblas_isamax(const pb_int n, const float* x, const pb_int incx);
void cblas_drot(const pb_int n, double* x, const pb_int incx, double* y, const pb_int incy, const double c, const double s);
void cblas_srot(const pb_int n, float* x, const pb_int incx, float* y, const pb_int incy, const float c, const float s);

// Level 2
void cblas_dgemv(const enum CBLAS_ORDER order, const enum CBLAS_TRANSPOSE trans, const pb_int m, const pb_int n,
                 const double alpha, const double* a, const pb_int lda, const double* x, const pb_int incx,
                 const double beta, double* y, const pb_int incy);
void cblas_sgemv(const enum CBLAS_ORDER order, const enum CBLAS_TRANSPOSE trans, const pb_int m, const pb_int n,
                 const float alpha, const float* a, const pb_int lda, const float* x, const pb_int incx,
                 const float beta, float* y, const pb_int incy);
void cblas_dger(const enum CBLAS_ORDER order, const pb_int m, const pb_int n, const double alpha, const double* x,
                const pb_int incx, const double* y, const pb_int incy, double* a, const pb_int lda);
void cblas_sger(const enum CBLAS_ORDER order, const pb_int m, const pb_int n, const float alpha, const float* x,
                const pb_int incx, const float* y, const pb_int incy, float* a, const pb_int lda);
void cblas_dsymv(const enum CBLAS_ORDER order, const enum CBLAS_UPLO uplo, const pb_int n, const double alpha,
                 const double* a, const pb_int lda, const double* x, const pb_int incx, const double beta, double* y,
                 const pb_int incy);
void cblas_ssymv(const enum CBLAS_ORDER order, const enum CBLAS_UPLO uplo, const pb_int n, const float alpha,
                 const float* a, const pb_int lda, const float* x, const pb_int incx, const float beta, float* y,
                 const pb_int incy);
void cblas_dtrmv(const enum CBLAS_ORDER order, const enum CBLAS_UPLO uplo, const enum CBLAS_TRANSPOSE trans,
                 const enum CBLAS_DIAG diag, const pb_int n, const double* a, const pb_int lda, double* x,
                 const pb_int incx);
void cblas_strmv(const enum CBLAS_ORDER order, const enum CBLAS_UPLO uplo, const enum CBLAS_TRANSPOSE trans,
                 const enum CBLAS_DIAG diag, const pb_int n, const float* a, const pb_int lda, float* x,
                 const pb_int incx);
void cblas_dtrsv(const enum CBLAS_ORDER order, const enum CBLAS_UPLO uplo, const enum CBLAS_TRANSPOSE trans,
                 const enum CBLAS_DIAG diag, const pb_int n, const double* a, const pb_int lda, double* x,
                 const pb_int incx);
void cblas_strsv(const enum CBLAS_ORDER order, const enum CBLAS_UPLO uplo, const enum CBLAS_TRANSPOSE trans,
                 const enum CBLAS_DIAG diag, const pb_int n, const float* a, const pb_int lda, float* x,
                 const pb_int incx);

// Level 3
void cblas_dgemm(const enum CBLAS_ORDER order, const enum CBLAS_TRANSPOSE transa, const enum CBLAS_TRANSPOSE transb,
                 const pb_int m, const pb_int n, const pb_int k, const double alpha, const double* a,
                 const pb_int lda, const double* b, const pb_int ldb, const double beta, double* c,
                 const pb_int ldc);
void cblas_sgemm(const enum CBLAS_ORDER order, const enum CBLAS_TRANSPOSE transa, const enum CBLAS_TRANSPOSE transb,
                 const pb_int m, const pb_int n, const pb_int k, const float alpha, const float* a, const pb_int lda,
                 const float* b, const pb_int ldb, const float beta, float* c, const pb_int ldc);
void cblas_dsymm(const enum CBLAS_ORDER order, const enum CBLAS_SIDE side, const enum CBLAS_UPLO uplo,
                 const pb_int m, const pb_int n, const double alpha, const double* a, const pb_int lda,
                 const double* b, const pb_int ldb, const double beta, double* c, const pb_int ldc);
void cblas_ssymm(const enum CBLAS_ORDER order, const enum CBLAS_SIDE side, const enum CBLAS_UPLO uplo,
                 const pb_int m, const pb_int n, const float alpha, const float* a, const pb_int lda, const float* b,
                 const pb_int ldb, const float beta, float* c, const pb_int ldc);
void cblas_dsyrk(const enum CBLAS_ORDER order, const enum CBLAS_UPLO uplo, const enum CBLAS_TRANSPOSE trans,
                 const pb_int n, const pb_int k, const double alpha, const double* a, const pb_int lda,
                 const double beta, double* c, const pb_int ldc);
void cblas_ssyrk(const enum CBLAS_ORDER order, const enum CBLAS_UPLO uplo, const enum CBLAS_TRANSPOSE trans,
                 const pb_int n, const pb_int k, const float alpha, const float* a, const pb_int lda,
                 const float beta, float* c, const pb_int ldc);
void cblas_dtrmm(const enum CBLAS_ORDER order, const enum CBLAS_SIDE side, const enum CBLAS_UPLO uplo,
                 const enum CBLAS_TRANSPOSE transa, const enum CBLAS_DIAG diag, const pb_int m, const pb_int n,
                 const double alpha, const double* a, const pb_int lda, double* b, const pb_int ldb);
void cblas_strmm(const enum CBLAS_ORDER order, const enum CBLAS_SIDE side, const enum CBLAS_UPLO uplo,
                 const enum CBLAS_TRANSPOSE transa, const enum CBLAS_DIAG diag, const pb_int m, const pb_int n,
                 const float alpha, const float* a, const pb_int lda, float* b, const pb_int ldb);
void cblas_dtrsm(const enum CBLAS_ORDER order, const enum CBLAS_SIDE side, const enum CBLAS_UPLO uplo,
                 const enum CBLAS_TRANSPOSE transa, const enum CBLAS_DIAG diag, const pb_int m, const pb_int n,
                 const double alpha, const double* a, const pb_int lda, double* b, const pb_int ldb);
void cblas_strsm(const enum CBLAS_ORDER order, const enum CBLAS_SIDE side, const enum CBLAS_UPLO uplo,
                 const enum CBLAS_TRANSPOSE transa, const enum CBLAS_DIAG diag, const pb_int m, const pb_int n,
                 const float alpha, const float* a, const pb_int lda, float* b, const pb_int ldb);

// LAPACK, Fortran ABI: every argument by pointer, hidden CHARACTER lengths last.
#define PB_LAPACK_DECLARE(T, p)                                                                                   \
  void p##getrf_(const pb_int* m, const pb_int* n, T* a, const pb_int* lda, pb_int* ipiv, pb_int* info);         \
  void p##getrs_(const char* trans, const pb_int* n, const pb_int* nrhs, const T* a, const pb_int* lda,          \
                 const pb_int* ipiv, T* b, const pb_int* ldb, pb_int* info, pb_strlen);                          \
  void p##getri_(const pb_int* n, T* a, const pb_int* lda, const pb_int* ipiv, T* work, const pb_int* lwork,     \
                 pb_int* info);                                                                                  \
  void p##potrf_(const char* uplo, const pb_int* n, T* a, const pb_int* lda, pb_int* info, pb_strlen);          \
  void p##potrs_(const char* uplo, const pb_int* n, const pb_int* nrhs, const T* a, const pb_int* lda, T* b,    \
                 const pb_int* ldb, pb_int* info, pb_strlen);                                                    \
  void p##geqrf_(const pb_int* m, const pb_int* n, T* a, const pb_int* lda, T* tau, T* work,                    \
                 const pb_int* lwork, pb_int* info);                                                             \
  void p##orgqr_(const pb_int* m, const pb_int* n, const pb_int* k, T* a, const pb_int* lda, const T* tau,      \
                 T* work, const pb_int* lwork, pb_int* info);                                                    \
  void p##ormqr_(const char* side, const char* trans, const pb_int* m, const pb_int* n, const pb_int* k,        \
                 const T* a, const pb_int* lda, const T* tau, T* c, const pb_int* ldc, T* work,                 \
                 const pb_int* lwork, pb_int* info, pb_strlen, pb_strlen);                                       \
  void p##gesdd_(const char* jobz, const pb_int* m, const pb_int* n, T* a, const pb_int* lda, T* s, T* u,       \
                 const pb_int* ldu, T* vt, const pb_int* ldvt, T* work, const pb_int* lwork, pb_int* iwork,     \
                 pb_int* info, pb_strlen);                                                                       \
  void p##syevd_(const char* jobz, const char* uplo, const pb_int* n, T* a, const pb_int* lda, T* w, T* work,   \
                 const pb_int* lwork, pb_int* iwork, const pb_int* liwork, pb_int* info, pb_strlen, pb_strlen);  \
  void p##geev_(const char* jobvl, const char* jobvr, const pb_int* n, T* a, const pb_int* lda, T* wr, T* wi,   \
                T* vl, const pb_int* ldvl, T* vr, const pb_int* ldvr, T* work, const pb_int* lwork,            \
                pb_int* info, pb_strlen, pb_strlen);                                                             \
  void p##gelsd_(const pb_int* m, const pb_int* n, const pb_int* nrhs, T* a, const pb_int* lda, T* b,           \
                 const pb_int* ldb, T* s, const T* rcond, pb_int* rank, T* work, const pb_int* lwork,           \
                 pb_int* iwork, pb_int* info);

PB_LAPACK_DECLARE(double, d)
PB_LAPACK_DECLARE(float, s)
#undef PB_LAPACK_DECLARE

// OpenBLAS's own controls.
void openblas_set_num_threads(int num_threads);
int openblas_get_num_threads(void);
char* openblas_get_config(void);
char* openblas_get_corename(void);
int openblas_get_parallel(void);

}  // extern "C"

// ---- What the shared binding asks of the library --------------------------------------------------

inline const char* pb_library_name() { return "OpenBLAS"; }

/** The build configuration string, e.g. "OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Haswell MAX_THREADS=64". */
inline std::string pb_library_config() {
  const char* config = openblas_get_config();
  return config ? std::string(config) : std::string();
}

/** The version: the word after "OpenBLAS" in the configuration string. */
inline std::string pb_library_version() {
  std::string config = pb_library_config();
  const std::string prefix = "OpenBLAS ";
  if (config.compare(0, prefix.size(), prefix) != 0) return std::string();
  std::size_t end = config.find(' ', prefix.size());
  return config.substr(prefix.size(), end == std::string::npos ? std::string::npos : end - prefix.size());
}

/** The CPU core type OpenBLAS picked its kernels for ("Haswell", "SkylakeX", ...). */
inline std::string pb_library_core() {
  const char* core = openblas_get_corename();
  return core ? std::string(core) : std::string();
}

/** How this OpenBLAS was built to thread: "none", "pthreads" (its own) or "openmp". */
inline const char* pb_library_threading() {
  const int parallel = openblas_get_parallel();
  return parallel == 0 ? "none" : parallel == 1 ? "pthreads" : parallel == 2 ? "openmp" : "other";
}

/** The C interfaces the binding calls: CBLAS, and LAPACK through its Fortran symbols. */
inline const char* pb_library_interface() { return "cblas+fortran"; }

inline bool pb_library_can_set_threads() { return true; }
inline void pb_library_set_threads(int n) { openblas_set_num_threads(n); }
inline int pb_library_get_threads() { return openblas_get_num_threads(); }

#endif  // POLYBLAS_BLAS_LAPACK_H
