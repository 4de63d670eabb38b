// The other half of the Linux stand-in (include/Accelerate/Accelerate.h): the "pb_stand_in_*"
// symbols its asm labels name, each calling OpenBLAS. LAPACK: Accelerate's new interface passes
// no hidden CHARACTER lengths, gfortran-built LAPACK expects one size_t per CHARACTER argument
// after the declared ones, so each bridge appends them. i?amax: Accelerate returns __LAPACK_int,
// OpenBLAS size_t. Tests only; this file is never part of a macOS build.
#include <cstddef>

extern "C" {

// ---- OpenBLAS's own symbols (Fortran ABI for LAPACK) ---------------------------------------------
std::size_t cblas_idamax(int n, const double* x, int incx);
std::size_t cblas_isamax(int n, const float* x, int incx);
void ilaver_(int* major, int* minor, int* patch);

typedef std::size_t strlen_t;

#define PB_FORTRAN(T, p)                                                                                     \
  void p##getrf_(const int*, const int*, T*, const int*, int*, int*);                                       \
  void p##getrs_(const char*, const int*, const int*, const T*, const int*, const int*, T*, const int*, int*, \
                 strlen_t);                                                                                 \
  void p##getri_(const int*, T*, const int*, const int*, T*, const int*, int*);                             \
  void p##potrf_(const char*, const int*, T*, const int*, int*, strlen_t);                                  \
  void p##potrs_(const char*, const int*, const int*, const T*, const int*, T*, const int*, int*, strlen_t); \
  void p##geqrf_(const int*, const int*, T*, const int*, T*, T*, const int*, int*);                         \
  void p##orgqr_(const int*, const int*, const int*, T*, const int*, const T*, T*, const int*, int*);       \
  void p##ormqr_(const char*, const char*, const int*, const int*, const int*, const T*, const int*,        \
                 const T*, T*, const int*, T*, const int*, int*, strlen_t, strlen_t);                       \
  void p##gesdd_(const char*, const int*, const int*, T*, const int*, T*, T*, const int*, T*, const int*,   \
                 T*, const int*, int*, int*, strlen_t);                                                     \
  void p##syevd_(const char*, const char*, const int*, T*, const int*, T*, T*, const int*, int*,            \
                 const int*, int*, strlen_t, strlen_t);                                                     \
  void p##geev_(const char*, const char*, const int*, T*, const int*, T*, T*, T*, const int*, T*,           \
                const int*, T*, const int*, int*, strlen_t, strlen_t);                                      \
  void p##gelsd_(const int*, const int*, const int*, T*, const int*, T*, const int*, T*, const T*, int*,    \
                 T*, const int*, int*, int*);

PB_FORTRAN(double, d)
PB_FORTRAN(float, s)
#undef PB_FORTRAN

// ---- The new-interface entry points, as the stand-in header names them ---------------------------
int pb_stand_in_cblas_idamax(int n, const double* x, int incx) { return static_cast<int>(cblas_idamax(n, x, incx)); }
int pb_stand_in_cblas_isamax(int n, const float* x, int incx) { return static_cast<int>(cblas_isamax(n, x, incx)); }
void pb_stand_in_ilaver(int* major, int* minor, int* patch) { ilaver_(major, minor, patch); }

#define PB_BRIDGE(T, p)                                                                                      \
  void pb_stand_in_##p##getrf(const int* m, const int* n, T* a, const int* lda, int* ipiv, int* info) {     \
    p##getrf_(m, n, a, lda, ipiv, info);                                                                    \
  }                                                                                                         \
  void pb_stand_in_##p##getrs(const char* trans, const int* n, const int* nrhs, const T* a, const int* lda,  \
                              const int* ipiv, T* b, const int* ldb, int* info) {                          \
    p##getrs_(trans, n, nrhs, a, lda, ipiv, b, ldb, info, 1);                                               \
  }                                                                                                         \
  void pb_stand_in_##p##getri(const int* n, T* a, const int* lda, const int* ipiv, T* work, const int* lwork, \
                              int* info) {                                                                 \
    p##getri_(n, a, lda, ipiv, work, lwork, info);                                                          \
  }                                                                                                         \
  void pb_stand_in_##p##potrf(const char* uplo, const int* n, T* a, const int* lda, int* info) {            \
    p##potrf_(uplo, n, a, lda, info, 1);                                                                    \
  }                                                                                                         \
  void pb_stand_in_##p##potrs(const char* uplo, const int* n, const int* nrhs, const T* a, const int* lda,   \
                              T* b, const int* ldb, int* info) {                                           \
    p##potrs_(uplo, n, nrhs, a, lda, b, ldb, info, 1);                                                      \
  }                                                                                                         \
  void pb_stand_in_##p##geqrf(const int* m, const int* n, T* a, const int* lda, T* tau, T* work,            \
                              const int* lwork, int* info) {                                               \
    p##geqrf_(m, n, a, lda, tau, work, lwork, info);                                                        \
  }                                                                                                         \
  void pb_stand_in_##p##orgqr(const int* m, const int* n, const int* k, T* a, const int* lda, const T* tau, \
                              T* work, const int* lwork, int* info) {                                      \
    p##orgqr_(m, n, k, a, lda, tau, work, lwork, info);                                                     \
  }                                                                                                         \
  void pb_stand_in_##p##ormqr(const char* side, const char* trans, const int* m, const int* n, const int* k, \
                              const T* a, const int* lda, const T* tau, T* c, const int* ldc, T* work,      \
                              const int* lwork, int* info) {                                               \
    p##ormqr_(side, trans, m, n, k, a, lda, tau, c, ldc, work, lwork, info, 1, 1);                          \
  }                                                                                                         \
  void pb_stand_in_##p##gesdd(const char* jobz, const int* m, const int* n, T* a, const int* lda, T* s, T* u, \
                              const int* ldu, T* vt, const int* ldvt, T* work, const int* lwork,            \
                              int* iwork, int* info) {                                                     \
    p##gesdd_(jobz, m, n, a, lda, s, u, ldu, vt, ldvt, work, lwork, iwork, info, 1);                        \
  }                                                                                                         \
  void pb_stand_in_##p##syevd(const char* jobz, const char* uplo, const int* n, T* a, const int* lda, T* w,  \
                              T* work, const int* lwork, int* iwork, const int* liwork, int* info) {        \
    p##syevd_(jobz, uplo, n, a, lda, w, work, lwork, iwork, liwork, info, 1, 1);                            \
  }                                                                                                         \
  void pb_stand_in_##p##geev(const char* jobvl, const char* jobvr, const int* n, T* a, const int* lda,      \
                             T* wr, T* wi, T* vl, const int* ldvl, T* vr, const int* ldvr, T* work,         \
                             const int* lwork, int* info) {                                                \
    p##geev_(jobvl, jobvr, n, a, lda, wr, wi, vl, ldvl, vr, ldvr, work, lwork, info, 1, 1);                 \
  }                                                                                                         \
  void pb_stand_in_##p##gelsd(const int* m, const int* n, const int* nrhs, T* a, const int* lda, T* b,      \
                              const int* ldb, T* s, const T* rcond, int* rank, T* work, const int* lwork,   \
                              int* iwork, int* info) {                                                     \
    p##gelsd_(m, n, nrhs, a, lda, b, ldb, s, rcond, rank, work, lwork, iwork, info);                        \
  }

PB_BRIDGE(double, d)
PB_BRIDGE(float, s)
#undef PB_BRIDGE

}  // extern "C"
