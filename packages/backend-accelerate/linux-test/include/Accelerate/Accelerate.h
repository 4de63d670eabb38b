// A stand-in for Apple's <Accelerate/Accelerate.h>, for building backend-accelerate's binding on
// Linux (tests only; never shipped, never used on macOS). It declares what the binding uses under
// Accelerate's NEW LAPACK names and signatures (ACCELERATE_NEW_LAPACK, LP64) and maps them onto
// OpenBLAS, the way Apple's header maps them onto its "$NEWLAPACK" symbols:
//   - Apple's __LAPACK_ALIAS(sym) renames a C name with an asm label (dgesdd_ -> "_dgesdd$NEWLAPACK");
//     here it renames to "pb_stand_in_dgesdd", defined by ../../bridge.cc, which calls OpenBLAS's
//     Fortran symbol and adds the hidden CHARACTER-length arguments gfortran expects (the new
//     Accelerate interface has none, so the binding passes none: the bridge is where that differs).
//   - CBLAS functions whose C ABI is OpenBLAS's too bind OpenBLAS's own symbols directly; the two
//     i?amax functions, which return __LAPACK_int in Accelerate and size_t in OpenBLAS, go through
//     the bridge.
// The prototypes are written from the BLAS/LAPACK documentation in the form Accelerate's new
// headers use (inputs const, no hidden lengths); only what the binding calls is declared.
#ifndef POLYBLAS_ACCELERATE_STAND_IN_H
#define POLYBLAS_ACCELERATE_STAND_IN_H

#if !defined(ACCELERATE_NEW_LAPACK)
#error "the Linux stand-in models only Accelerate's new LAPACK interface (define ACCELERATE_NEW_LAPACK)"
#endif
#if defined(ACCELERATE_LAPACK_ILP64)
#error "the Linux stand-in models only the LP64 interface"
#endif

#define POLYBLAS_ACCELERATE_STAND_IN 1

typedef int __LAPACK_int;
#define __LAPACK_ALIAS(sym) __asm__("pb_stand_in_" #sym)
#define PB_STAND_IN_SAME_ABI(sym) __asm__(#sym)

#ifdef __cplusplus
extern "C" {
#endif

enum CBLAS_ORDER { CblasRowMajor = 101, CblasColMajor = 102 };
enum CBLAS_TRANSPOSE { CblasNoTrans = 111, CblasTrans = 112, CblasConjTrans = 113 };
enum CBLAS_UPLO { CblasUpper = 121, CblasLower = 122 };
enum CBLAS_DIAG { CblasNonUnit = 131, CblasUnit = 132 };
enum CBLAS_SIDE { CblasLeft = 141, CblasRight = 142 };

// ---- CBLAS, levels 1-3 -------------------------------------------------------------------------
#define PB_STAND_IN_CBLAS(T, p)                                                                              \
  T cblas_##p##dot(const __LAPACK_int N, const T* X, const __LAPACK_int INCX, const T* Y,                   \
                   const __LAPACK_int INCY) PB_STAND_IN_SAME_ABI(cblas_##p##dot);                           \
  void cblas_##p##axpy(const __LAPACK_int N, const T ALPHA, const T* X, const __LAPACK_int INCX, T* Y,      \
                       const __LAPACK_int INCY) PB_STAND_IN_SAME_ABI(cblas_##p##axpy);                      \
  void cblas_##p##scal(const __LAPACK_int N, const T ALPHA, T* X, const __LAPACK_int INCX)                  \
      PB_STAND_IN_SAME_ABI(cblas_##p##scal);                                                                \
  void cblas_##p##copy(const __LAPACK_int N, const T* X, const __LAPACK_int INCX, T* Y,                     \
                       const __LAPACK_int INCY) PB_STAND_IN_SAME_ABI(cblas_##p##copy);                      \
  void cblas_##p##swap(const __LAPACK_int N, T* X, const __LAPACK_int INCX, T* Y, const __LAPACK_int INCY)  \
      PB_STAND_IN_SAME_ABI(cblas_##p##swap);                                                                \
  T cblas_##p##nrm2(const __LAPACK_int N, const T* X, const __LAPACK_int INCX)                              \
      PB_STAND_IN_SAME_ABI(cblas_##p##nrm2);                                                                \
  T cblas_##p##asum(const __LAPACK_int N, const T* X, const __LAPACK_int INCX)                              \
      PB_STAND_IN_SAME_ABI(cblas_##p##asum);                                                                \
  __LAPACK_int cblas_i##p##amax(const __LAPACK_int N, const T* X, const __LAPACK_int INCX)                  \
      __LAPACK_ALIAS(cblas_i##p##amax);                                                                     \
  void cblas_##p##rot(const __LAPACK_int N, T* X, const __LAPACK_int INCX, T* Y, const __LAPACK_int INCY,   \
                      const T C, const T S) PB_STAND_IN_SAME_ABI(cblas_##p##rot);                           \
  void cblas_##p##gemv(const enum CBLAS_ORDER ORDER, const enum CBLAS_TRANSPOSE TRANSA, const __LAPACK_int M, \
                       const __LAPACK_int N, const T ALPHA, const T* A, const __LAPACK_int LDA, const T* X,  \
                       const __LAPACK_int INCX, const T BETA, T* Y, const __LAPACK_int INCY)                 \
      PB_STAND_IN_SAME_ABI(cblas_##p##gemv);                                                                \
  void cblas_##p##ger(const enum CBLAS_ORDER ORDER, const __LAPACK_int M, const __LAPACK_int N, const T ALPHA, \
                      const T* X, const __LAPACK_int INCX, const T* Y, const __LAPACK_int INCY, T* A,        \
                      const __LAPACK_int LDA) PB_STAND_IN_SAME_ABI(cblas_##p##ger);                         \
  void cblas_##p##symv(const enum CBLAS_ORDER ORDER, const enum CBLAS_UPLO UPLO, const __LAPACK_int N,       \
                       const T ALPHA, const T* A, const __LAPACK_int LDA, const T* X, const __LAPACK_int INCX, \
                       const T BETA, T* Y, const __LAPACK_int INCY) PB_STAND_IN_SAME_ABI(cblas_##p##symv);  \
  void cblas_##p##trmv(const enum CBLAS_ORDER ORDER, const enum CBLAS_UPLO UPLO,                            \
                       const enum CBLAS_TRANSPOSE TRANSA, const enum CBLAS_DIAG DIAG, const __LAPACK_int N,  \
                       const T* A, const __LAPACK_int LDA, T* X, const __LAPACK_int INCX)                   \
      PB_STAND_IN_SAME_ABI(cblas_##p##trmv);                                                                \
  void cblas_##p##trsv(const enum CBLAS_ORDER ORDER, const enum CBLAS_UPLO UPLO,                            \
                       const enum CBLAS_TRANSPOSE TRANSA, const enum CBLAS_DIAG DIAG, const __LAPACK_int N,  \
                       const T* A, const __LAPACK_int LDA, T* X, const __LAPACK_int INCX)                   \
      PB_STAND_IN_SAME_ABI(cblas_##p##trsv);                                                                \
  void cblas_##p##gemm(const enum CBLAS_ORDER ORDER, const enum CBLAS_TRANSPOSE TRANSA,                     \
                       const enum CBLAS_TRANSPOSE TRANSB, const __LAPACK_int M, const __LAPACK_int N,        \
                       const __LAPACK_int K, const T ALPHA, const T* A, const __LAPACK_int LDA, const T* B,  \
                       const __LAPACK_int LDB, const T BETA, T* C, const __LAPACK_int LDC)                  \
      PB_STAND_IN_SAME_ABI(cblas_##p##gemm);                                                                \
  void cblas_##p##symm(const enum CBLAS_ORDER ORDER, const enum CBLAS_SIDE SIDE, const enum CBLAS_UPLO UPLO, \
                       const __LAPACK_int M, const __LAPACK_int N, const T ALPHA, const T* A,                \
                       const __LAPACK_int LDA, const T* B, const __LAPACK_int LDB, const T BETA, T* C,       \
                       const __LAPACK_int LDC) PB_STAND_IN_SAME_ABI(cblas_##p##symm);                       \
  void cblas_##p##syrk(const enum CBLAS_ORDER ORDER, const enum CBLAS_UPLO UPLO,                            \
                       const enum CBLAS_TRANSPOSE TRANS, const __LAPACK_int N, const __LAPACK_int K,         \
                       const T ALPHA, const T* A, const __LAPACK_int LDA, const T BETA, T* C,                \
                       const __LAPACK_int LDC) PB_STAND_IN_SAME_ABI(cblas_##p##syrk);                       \
  void cblas_##p##trmm(const enum CBLAS_ORDER ORDER, const enum CBLAS_SIDE SIDE, const enum CBLAS_UPLO UPLO, \
                       const enum CBLAS_TRANSPOSE TRANSA, const enum CBLAS_DIAG DIAG, const __LAPACK_int M,  \
                       const __LAPACK_int N, const T ALPHA, const T* A, const __LAPACK_int LDA, T* B,        \
                       const __LAPACK_int LDB) PB_STAND_IN_SAME_ABI(cblas_##p##trmm);                       \
  void cblas_##p##trsm(const enum CBLAS_ORDER ORDER, const enum CBLAS_SIDE SIDE, const enum CBLAS_UPLO UPLO, \
                       const enum CBLAS_TRANSPOSE TRANSA, const enum CBLAS_DIAG DIAG, const __LAPACK_int M,  \
                       const __LAPACK_int N, const T ALPHA, const T* A, const __LAPACK_int LDA, T* B,        \
                       const __LAPACK_int LDB) PB_STAND_IN_SAME_ABI(cblas_##p##trsm);

PB_STAND_IN_CBLAS(double, d)
PB_STAND_IN_CBLAS(float, s)
#undef PB_STAND_IN_CBLAS

// ---- LAPACK, new interface: every argument by pointer, no hidden lengths -----------------------
#define PB_STAND_IN_LAPACK(T, p)                                                                             \
  void p##getrf_(const __LAPACK_int* m, const __LAPACK_int* n, T* a, const __LAPACK_int* lda,               \
                 __LAPACK_int* ipiv, __LAPACK_int* info) __LAPACK_ALIAS(p##getrf);                          \
  void p##getrs_(const char* trans, const __LAPACK_int* n, const __LAPACK_int* nrhs, const T* a,             \
                 const __LAPACK_int* lda, const __LAPACK_int* ipiv, T* b, const __LAPACK_int* ldb,           \
                 __LAPACK_int* info) __LAPACK_ALIAS(p##getrs);                                              \
  void p##getri_(const __LAPACK_int* n, T* a, const __LAPACK_int* lda, const __LAPACK_int* ipiv, T* work,   \
                 const __LAPACK_int* lwork, __LAPACK_int* info) __LAPACK_ALIAS(p##getri);                   \
  void p##potrf_(const char* uplo, const __LAPACK_int* n, T* a, const __LAPACK_int* lda, __LAPACK_int* info) \
      __LAPACK_ALIAS(p##potrf);                                                                             \
  void p##potrs_(const char* uplo, const __LAPACK_int* n, const __LAPACK_int* nrhs, const T* a,              \
                 const __LAPACK_int* lda, T* b, const __LAPACK_int* ldb, __LAPACK_int* info)                \
      __LAPACK_ALIAS(p##potrs);                                                                             \
  void p##geqrf_(const __LAPACK_int* m, const __LAPACK_int* n, T* a, const __LAPACK_int* lda, T* tau,       \
                 T* work, const __LAPACK_int* lwork, __LAPACK_int* info) __LAPACK_ALIAS(p##geqrf);          \
  void p##orgqr_(const __LAPACK_int* m, const __LAPACK_int* n, const __LAPACK_int* k, T* a,                 \
                 const __LAPACK_int* lda, const T* tau, T* work, const __LAPACK_int* lwork,                 \
                 __LAPACK_int* info) __LAPACK_ALIAS(p##orgqr);                                              \
  void p##ormqr_(const char* side, const char* trans, const __LAPACK_int* m, const __LAPACK_int* n,          \
                 const __LAPACK_int* k, const T* a, const __LAPACK_int* lda, const T* tau, T* c,            \
                 const __LAPACK_int* ldc, T* work, const __LAPACK_int* lwork, __LAPACK_int* info)           \
      __LAPACK_ALIAS(p##ormqr);                                                                             \
  void p##gesdd_(const char* jobz, const __LAPACK_int* m, const __LAPACK_int* n, T* a,                      \
                 const __LAPACK_int* lda, T* s, T* u, const __LAPACK_int* ldu, T* vt,                       \
                 const __LAPACK_int* ldvt, T* work, const __LAPACK_int* lwork, __LAPACK_int* iwork,         \
                 __LAPACK_int* info) __LAPACK_ALIAS(p##gesdd);                                              \
  void p##syevd_(const char* jobz, const char* uplo, const __LAPACK_int* n, T* a, const __LAPACK_int* lda,   \
                 T* w, T* work, const __LAPACK_int* lwork, __LAPACK_int* iwork, const __LAPACK_int* liwork,  \
                 __LAPACK_int* info) __LAPACK_ALIAS(p##syevd);                                              \
  void p##geev_(const char* jobvl, const char* jobvr, const __LAPACK_int* n, T* a, const __LAPACK_int* lda,  \
                T* wr, T* wi, T* vl, const __LAPACK_int* ldvl, T* vr, const __LAPACK_int* ldvr, T* work,     \
                const __LAPACK_int* lwork, __LAPACK_int* info) __LAPACK_ALIAS(p##geev);                     \
  void p##gelsd_(const __LAPACK_int* m, const __LAPACK_int* n, const __LAPACK_int* nrhs, T* a,              \
                 const __LAPACK_int* lda, T* b, const __LAPACK_int* ldb, T* s, const T* rcond,               \
                 __LAPACK_int* rank, T* work, const __LAPACK_int* lwork, __LAPACK_int* iwork,               \
                 __LAPACK_int* info) __LAPACK_ALIAS(p##gelsd);

PB_STAND_IN_LAPACK(double, d)
PB_STAND_IN_LAPACK(float, s)
#undef PB_STAND_IN_LAPACK

void ilaver_(__LAPACK_int* vers_major, __LAPACK_int* vers_minor, __LAPACK_int* vers_patch) __LAPACK_ALIAS(ilaver);

#ifdef __cplusplus
}
#endif

#endif  // POLYBLAS_ACCELERATE_STAND_IN_H
