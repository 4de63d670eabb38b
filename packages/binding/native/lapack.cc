// LAPACK through the Fortran-ABI symbols, in place on the caller's memory.
//
// The contract's LAPACK form is already LAPACK's (column-major, leading dimension, 1-based ipiv), so
// arguments pass straight through. Workspace sizes come from a workspace query (lwork = -1), and the
// workspace lives only for the call. info < 0 becomes an Error naming the argument (the guards here
// make it unreachable in practice); info > 0 is returned for core to map to LinAlgError.
#include <climits>
#include <initializer_list>
#include <stdexcept>
#include <cmath>
#include <limits>
#include <vector>

#include "args.h"
#include "kernel.h"

namespace polyblas {
namespace {

template <typename T>
struct Lapack;

#define PB_LAPACK_TRAITS(T, p)                        \
  template <>                                         \
  struct Lapack<T> {                                  \
    static constexpr auto getrf = p##getrf_;          \
    static constexpr auto getrs = p##getrs_;          \
    static constexpr auto getri = p##getri_;          \
    static constexpr auto potrf = p##potrf_;          \
    static constexpr auto potrs = p##potrs_;          \
    static constexpr auto geqrf = p##geqrf_;          \
    static constexpr auto orgqr = p##orgqr_;          \
    static constexpr auto ormqr = p##ormqr_;          \
    static constexpr auto gesdd = p##gesdd_;          \
    static constexpr auto syevd = p##syevd_;          \
    static constexpr auto geev = p##geev_;            \
    static constexpr auto gelsd = p##gelsd_;          \
  };

PB_LAPACK_TRAITS(double, d)
PB_LAPACK_TRAITS(float, s)
#undef PB_LAPACK_TRAITS

/**
 * The workspace length a query reported. LAPACK returns it as a floating-point number, which in
 * single precision may have rounded below the true integer: round up past that.
 */
template <typename T>
pb_int workspaceLength(T reported, pb_int minimum) {
  double w = static_cast<double>(reported);
  if (!(w > 0)) w = 0;
  if (sizeof(T) == sizeof(float)) w = w * (1 + 2.0 * std::numeric_limits<float>::epsilon()) + 1;
  double len = std::ceil(std::max<double>(w, minimum));
  if (len > INT_MAX) throw std::bad_alloc();
  return static_cast<pb_int>(len);
}

/** A column-major matrix argument: pointer to element (0, 0) and its leading dimension. */
template <typename T>
struct ColMat {
  T* ptr = nullptr;
  pb_int ld = 1;
};

/** Reads A, lda, offsetA at `at` and guards rows x cols of it. */
template <typename T>
ColMat<T> readColMajor(const Args& a, size_t at, const char* name, const char* ldName, const char* offsetName,
                       int64_t rows, int64_t cols) {
  Span<T> span = a.array<T>(at, name);
  pb_int ld = a.stride(at + 1, ldName);
  int64_t offset = a.offset(at + 2, offsetName);
  a.columnMajor(span, name, rows, cols, ld, ldName, offset);
  return {span.data ? span.data + offset : nullptr, ld};
}

/** Reads a vector x, offsetX of n contiguous elements (tau, s, w, ipiv, rank). */
template <typename T>
T* readContiguous(const Args& a, size_t at, const char* name, const char* offsetName, int64_t n) {
  Span<T> span = a.array<T>(at, name);
  int64_t offset = a.offset(at + 1, offsetName);
  a.vector(span, name, n, 1, offset);
  return span.data ? span.data + offset : nullptr;
}

/** Whether every element of a column-major rows x cols matrix is finite. */
template <typename T>
bool allFinite(const ColMat<T>& a, pb_int rows, pb_int cols) {
  for (int64_t j = 0; j < cols; j++)
    for (int64_t i = 0; i < rows; i++)
      if (!std::isfinite(a.ptr[i + j * a.ld])) return false;
  return true;
}

/** Whether every element of the `uplo` triangle of a column-major n x n matrix is finite. */
template <typename T>
bool triangleFinite(const ColMat<T>& a, char uplo, pb_int n) {
  for (int64_t j = 0; j < n; j++) {
    const int64_t from = uplo == 'L' ? j : 0;
    const int64_t to = uplo == 'L' ? n : j + 1;
    for (int64_t i = from; i < to; i++)
      if (!std::isfinite(a.ptr[i + j * a.ld])) return false;
  }
  return true;
}

template <typename T>
void fillMatrix(const ColMat<T>& a, pb_int rows, pb_int cols, T value) {
  for (int64_t j = 0; j < cols; j++)
    for (int64_t i = 0; i < rows; i++) a.ptr[i + j * a.ld] = value;
}

template <typename T>
void fill(T* x, pb_int ld, pb_int n, T value) {
  for (int64_t i = 0; i < n; i++) x[i * ld] = value;
}

template <typename T>
void setIdentity(const ColMat<T>& a, pb_int n) {
  for (int64_t j = 0; j < n; j++)
    for (int64_t i = 0; i < n; i++) a.ptr[i + j * a.ld] = i == j ? T(1) : T(0);
}

/** Pivots that getrs and getri follow must be row numbers 1..n, or LAPACK would swap outside A. */
inline void requirePivots(const Args& a, const pb_int* ipiv, pb_int n) {
  for (pb_int i = 0; i < n; i++) {
    if (ipiv[i] < 1 || ipiv[i] > n) {
      a.rangeError("ipiv[" + std::to_string(i) + "] is " + std::to_string(ipiv[i]) + ", not a row number in 1.." +
                   std::to_string(n));
    }
  }
}

/** Turns LAPACK's info into the kernel result: negative info names the offending Fortran argument. */
class Info {
 public:
  explicit Info(std::initializer_list<const char*> fortranArguments) : names_(fortranArguments) {}
  double result(pb_int info) const {
    if (info >= 0) return info;
    size_t k = static_cast<size_t>(-info);
    std::string name = k - 1 < names_.size() ? names_[k - 1] : "?";
    throw std::invalid_argument("LAPACK rejected argument " + std::to_string(k) + " (" + name + ")");
  }

 private:
  std::vector<const char*> names_;
};

template <typename T>
class Getrf {
 public:
  static constexpr const char* kName = pick<T>("dgetrf", "sgetrf");
  static constexpr bool kReturnsValue = true;
  explicit Getrf(const Napi::CallbackInfo& info) {
    Args a(info, kName, 7);
    m_ = a.dim(0, "M");
    n_ = a.dim(1, "N");
    A_ = readColMajor<T>(a, 2, "A", "lda", "offsetA", m_, n_);
    ipiv_ = readContiguous<pb_int>(a, 5, "ipiv", "offsetIpiv", std::min(m_, n_));
  }
  double run() {
    if (m_ == 0 || n_ == 0) return 0;
    pb_int info = 0;
    Lapack<T>::getrf(&m_, &n_, A_.ptr, &A_.ld, ipiv_, &info);
    return Info({"M", "N", "A", "lda", "ipiv", "info"}).result(info);
  }

 private:
  pb_int m_, n_;
  ColMat<T> A_;
  pb_int* ipiv_;
};

template <typename T>
class Getrs {
 public:
  static constexpr const char* kName = pick<T>("dgetrs", "sgetrs");
  static constexpr bool kReturnsValue = true;
  explicit Getrs(const Napi::CallbackInfo& info) {
    Args a(info, kName, 11);
    trans_ = a.option(0, "trans", "NT");
    n_ = a.dim(1, "N");
    nrhs_ = a.dim(2, "nrhs");
    A_ = readColMajor<T>(a, 3, "A", "lda", "offsetA", n_, n_);
    ipiv_ = readContiguous<pb_int>(a, 6, "ipiv", "offsetIpiv", n_);
    B_ = readColMajor<T>(a, 8, "B", "ldb", "offsetB", n_, nrhs_);
    if (nrhs_ > 0) requirePivots(a, ipiv_, n_);
  }
  double run() {
    if (n_ == 0 || nrhs_ == 0) return 0;
    pb_int info = 0;
    Lapack<T>::getrs(&trans_, &n_, &nrhs_, A_.ptr, &A_.ld, ipiv_, B_.ptr, &B_.ld, &info PB_STRLEN1);
    return Info({"trans", "N", "nrhs", "A", "lda", "ipiv", "B", "ldb", "info"}).result(info);
  }

 private:
  char trans_;
  pb_int n_, nrhs_;
  ColMat<T> A_, B_;
  pb_int* ipiv_;
};

template <typename T>
class Getri {
 public:
  static constexpr const char* kName = pick<T>("dgetri", "sgetri");
  static constexpr bool kReturnsValue = true;
  explicit Getri(const Napi::CallbackInfo& info) {
    Args a(info, kName, 6);
    n_ = a.dim(0, "N");
    A_ = readColMajor<T>(a, 1, "A", "lda", "offsetA", n_, n_);
    ipiv_ = readContiguous<pb_int>(a, 4, "ipiv", "offsetIpiv", n_);
    requirePivots(a, ipiv_, n_);
  }
  double run() {
    if (n_ == 0) return 0;
    pb_int info = 0, query = -1;
    T size = 0;
    Lapack<T>::getri(&n_, A_.ptr, &A_.ld, ipiv_, &size, &query, &info);
    Info check({"N", "A", "lda", "ipiv", "work", "lwork", "info"});
    if (info != 0) return check.result(info);
    pb_int lwork = workspaceLength(size, std::max<pb_int>(1, n_));
    std::vector<T> work(static_cast<size_t>(lwork));
    Lapack<T>::getri(&n_, A_.ptr, &A_.ld, ipiv_, work.data(), &lwork, &info);
    return check.result(info);
  }

 private:
  pb_int n_;
  ColMat<T> A_;
  pb_int* ipiv_;
};

template <typename T>
class Potrf {
 public:
  static constexpr const char* kName = pick<T>("dpotrf", "spotrf");
  static constexpr bool kReturnsValue = true;
  explicit Potrf(const Napi::CallbackInfo& info) {
    Args a(info, kName, 5);
    uplo_ = a.option(0, "uplo", "UL");
    n_ = a.dim(1, "N");
    A_ = readColMajor<T>(a, 2, "A", "lda", "offsetA", n_, n_);
  }
  double run() {
    if (n_ == 0) return 0;
    pb_int info = 0;
    Lapack<T>::potrf(&uplo_, &n_, A_.ptr, &A_.ld, &info PB_STRLEN1);
    return Info({"uplo", "N", "A", "lda", "info"}).result(info);
  }

 private:
  char uplo_;
  pb_int n_;
  ColMat<T> A_;
};

template <typename T>
class Potrs {
 public:
  static constexpr const char* kName = pick<T>("dpotrs", "spotrs");
  static constexpr bool kReturnsValue = true;
  explicit Potrs(const Napi::CallbackInfo& info) {
    Args a(info, kName, 9);
    uplo_ = a.option(0, "uplo", "UL");
    n_ = a.dim(1, "N");
    nrhs_ = a.dim(2, "nrhs");
    A_ = readColMajor<T>(a, 3, "A", "lda", "offsetA", n_, n_);
    B_ = readColMajor<T>(a, 6, "B", "ldb", "offsetB", n_, nrhs_);
  }
  double run() {
    if (n_ == 0 || nrhs_ == 0) return 0;
    pb_int info = 0;
    Lapack<T>::potrs(&uplo_, &n_, &nrhs_, A_.ptr, &A_.ld, B_.ptr, &B_.ld, &info PB_STRLEN1);
    return Info({"uplo", "N", "nrhs", "A", "lda", "B", "ldb", "info"}).result(info);
  }

 private:
  char uplo_;
  pb_int n_, nrhs_;
  ColMat<T> A_, B_;
};

template <typename T>
class Geqrf {
 public:
  static constexpr const char* kName = pick<T>("dgeqrf", "sgeqrf");
  static constexpr bool kReturnsValue = true;
  explicit Geqrf(const Napi::CallbackInfo& info) {
    Args a(info, kName, 7);
    m_ = a.dim(0, "M");
    n_ = a.dim(1, "N");
    A_ = readColMajor<T>(a, 2, "A", "lda", "offsetA", m_, n_);
    tau_ = readContiguous<T>(a, 5, "tau", "offsetTau", std::min(m_, n_));
  }
  double run() {
    if (m_ == 0 || n_ == 0) return 0;
    pb_int info = 0, query = -1;
    T size = 0;
    Info check({"M", "N", "A", "lda", "tau", "work", "lwork", "info"});
    Lapack<T>::geqrf(&m_, &n_, A_.ptr, &A_.ld, tau_, &size, &query, &info);
    if (info != 0) return check.result(info);
    pb_int lwork = workspaceLength(size, std::max<pb_int>(1, n_));
    std::vector<T> work(static_cast<size_t>(lwork));
    Lapack<T>::geqrf(&m_, &n_, A_.ptr, &A_.ld, tau_, work.data(), &lwork, &info);
    return check.result(info);
  }

 private:
  pb_int m_, n_;
  ColMat<T> A_;
  T* tau_;
};

template <typename T>
class Orgqr {
 public:
  static constexpr const char* kName = pick<T>("dorgqr", "sorgqr");
  static constexpr bool kReturnsValue = true;
  explicit Orgqr(const Napi::CallbackInfo& info) {
    Args a(info, kName, 8);
    m_ = a.dim(0, "M");
    n_ = a.dim(1, "N");
    k_ = a.dim(2, "K");
    if (n_ > m_) a.rangeError("N must not exceed M");
    if (k_ > n_) a.rangeError("K must not exceed N");
    A_ = readColMajor<T>(a, 3, "A", "lda", "offsetA", m_, n_);
    tau_ = readContiguous<T>(a, 6, "tau", "offsetTau", k_);
  }
  double run() {
    if (n_ == 0) return 0;
    pb_int info = 0, query = -1;
    T size = 0;
    T none[1] = {0};
    T* tau = orLocal(tau_, none);
    Info check({"M", "N", "K", "A", "lda", "tau", "work", "lwork", "info"});
    Lapack<T>::orgqr(&m_, &n_, &k_, A_.ptr, &A_.ld, tau, &size, &query, &info);
    if (info != 0) return check.result(info);
    pb_int lwork = workspaceLength(size, std::max<pb_int>(1, n_));
    std::vector<T> work(static_cast<size_t>(lwork));
    Lapack<T>::orgqr(&m_, &n_, &k_, A_.ptr, &A_.ld, tau, work.data(), &lwork, &info);
    return check.result(info);
  }

 private:
  pb_int m_, n_, k_;
  ColMat<T> A_;
  T* tau_;
};

template <typename T>
class Ormqr {
 public:
  static constexpr const char* kName = pick<T>("dormqr", "sormqr");
  static constexpr bool kReturnsValue = true;
  explicit Ormqr(const Napi::CallbackInfo& info) {
    Args a(info, kName, 13);
    side_ = a.option(0, "side", "LR");
    trans_ = a.option(1, "trans", "NT");
    m_ = a.dim(2, "M");
    n_ = a.dim(3, "N");
    k_ = a.dim(4, "K");
    const pb_int nq = side_ == 'L' ? m_ : n_;
    if (k_ > nq) a.rangeError(std::string("K must not exceed ") + (side_ == 'L' ? "M" : "N"));
    A_ = readColMajor<T>(a, 5, "A", "lda", "offsetA", nq, k_);
    tau_ = readContiguous<T>(a, 8, "tau", "offsetTau", k_);
    C_ = readColMajor<T>(a, 10, "C", "ldc", "offsetC", m_, n_);
  }
  double run() {
    if (m_ == 0 || n_ == 0 || k_ == 0) return 0;
    pb_int info = 0, query = -1;
    T size = 0;
    Info check({"side", "trans", "M", "N", "K", "A", "lda", "tau", "C", "ldc", "work", "lwork", "info"});
    Lapack<T>::ormqr(&side_, &trans_, &m_, &n_, &k_, A_.ptr, &A_.ld, tau_, C_.ptr, &C_.ld, &size, &query,
                     &info PB_STRLEN2);
    if (info != 0) return check.result(info);
    pb_int lwork = workspaceLength(size, std::max<pb_int>(1, side_ == 'L' ? n_ : m_));
    std::vector<T> work(static_cast<size_t>(lwork));
    Lapack<T>::ormqr(&side_, &trans_, &m_, &n_, &k_, A_.ptr, &A_.ld, tau_, C_.ptr, &C_.ld, work.data(), &lwork,
                     &info PB_STRLEN2);
    return check.result(info);
  }

 private:
  char side_, trans_;
  pb_int m_, n_, k_;
  ColMat<T> A_, C_;
  T* tau_;
};

template <typename T>
class Gesdd {
 public:
  static constexpr const char* kName = pick<T>("dgesdd", "sgesdd");
  static constexpr bool kReturnsValue = true;
  explicit Gesdd(const Napi::CallbackInfo& info) {
    Args a(info, kName, 14);
    jobz_ = a.option(0, "jobz", "ASN");
    m_ = a.dim(1, "M");
    n_ = a.dim(2, "N");
    const pb_int k = std::min(m_, n_);
    A_ = readColMajor<T>(a, 3, "A", "lda", "offsetA", m_, n_);
    s_ = readContiguous<T>(a, 6, "s", "offsetS", k);
    if (jobz_ == 'N') {
      // U and VT are not referenced: their kinds are still checked, their extents are not.
      a.array<T>(8, "U");
      a.array<T>(11, "VT");
    } else {
      U_ = readColMajor<T>(a, 8, "U", "ldu", "offsetU", m_, jobz_ == 'A' ? m_ : k);
      VT_ = readColMajor<T>(a, 11, "VT", "ldvt", "offsetVT", jobz_ == 'A' ? n_ : k, n_);
    }
  }
  double run() {
    if (m_ == 0 || n_ == 0) {
      // LAPACK returns at once; the contract still owes the full orthogonal factor of the other side.
      if (jobz_ == 'A') {
        setIdentity(U_, m_);
        setIdentity(VT_, n_);
      }
      return 0;
    }
    const pb_int k = std::min(m_, n_);
    if (!allFinite(A_, m_, n_)) {
      // LAPACK rejects NaN in A as an illegal argument; numpy calls that "SVD did not converge".
      fill(s_, 1, k, T(NAN));
      if (jobz_ != 'N') {
        fillMatrix(U_, m_, jobz_ == 'A' ? m_ : k, T(NAN));
        fillMatrix(VT_, jobz_ == 'A' ? n_ : k, n_, T(NAN));
      }
      return k;
    }
    T none[1] = {0};
    T* u = orLocal(U_.ptr, none);
    T* vt = orLocal(VT_.ptr, none);
    std::vector<pb_int> iwork(static_cast<size_t>(8) * k);
    pb_int info = 0, query = -1;
    T size = 0;
    Info check({"jobz", "M", "N", "A", "lda", "s", "U", "ldu", "VT", "ldvt", "work", "lwork", "iwork", "info"});
    Lapack<T>::gesdd(&jobz_, &m_, &n_, A_.ptr, &A_.ld, s_, u, &U_.ld, vt, &VT_.ld, &size, &query, iwork.data(),
                     &info PB_STRLEN1);
    if (info != 0) return check.result(info);
    pb_int lwork = workspaceLength(size, 1);
    std::vector<T> work(static_cast<size_t>(lwork));
    Lapack<T>::gesdd(&jobz_, &m_, &n_, A_.ptr, &A_.ld, s_, u, &U_.ld, vt, &VT_.ld, work.data(), &lwork, iwork.data(),
                     &info PB_STRLEN1);
    return check.result(info);
  }

 private:
  char jobz_;
  pb_int m_, n_;
  ColMat<T> A_, U_, VT_;
  T* s_;
};

template <typename T>
class Syevd {
 public:
  static constexpr const char* kName = pick<T>("dsyevd", "ssyevd");
  static constexpr bool kReturnsValue = true;
  explicit Syevd(const Napi::CallbackInfo& info) {
    Args a(info, kName, 8);
    jobz_ = a.option(0, "jobz", "NV");
    uplo_ = a.option(1, "uplo", "UL");
    n_ = a.dim(2, "N");
    A_ = readColMajor<T>(a, 3, "A", "lda", "offsetA", n_, n_);
    w_ = readContiguous<T>(a, 6, "w", "offsetW", n_);
  }
  double run() {
    if (n_ == 0) return 0;
    if (!triangleFinite(A_, uplo_, n_)) {
      // LAPACK's scaling step rejects a non-finite norm; report it as no convergence.
      fill(w_, 1, n_, T(NAN));
      if (jobz_ == 'V') fillMatrix(A_, n_, n_, T(NAN));
      return n_;
    }
    pb_int info = 0, query = -1, isize = 0;
    T size = 0;
    Info check({"jobz", "uplo", "N", "A", "lda", "w", "work", "lwork", "iwork", "liwork", "info"});
    Lapack<T>::syevd(&jobz_, &uplo_, &n_, A_.ptr, &A_.ld, w_, &size, &query, &isize, &query, &info PB_STRLEN2);
    if (info != 0) return check.result(info);
    pb_int lwork = workspaceLength(size, 1);
    pb_int liwork = std::max<pb_int>(1, isize);
    std::vector<T> work(static_cast<size_t>(lwork));
    std::vector<pb_int> iwork(static_cast<size_t>(liwork));
    Lapack<T>::syevd(&jobz_, &uplo_, &n_, A_.ptr, &A_.ld, w_, work.data(), &lwork, iwork.data(), &liwork,
                     &info PB_STRLEN2);
    return check.result(info);
  }

 private:
  char jobz_, uplo_;
  pb_int n_;
  ColMat<T> A_;
  T* w_;
};

template <typename T>
class Geev {
 public:
  static constexpr const char* kName = pick<T>("dgeev", "sgeev");
  static constexpr bool kReturnsValue = true;
  explicit Geev(const Napi::CallbackInfo& info) {
    Args a(info, kName, 16);
    jobvl_ = a.option(0, "jobvl", "NV");
    jobvr_ = a.option(1, "jobvr", "NV");
    n_ = a.dim(2, "N");
    A_ = readColMajor<T>(a, 3, "A", "lda", "offsetA", n_, n_);
    wr_ = readContiguous<T>(a, 6, "wr", "offsetWr", n_);
    wi_ = readContiguous<T>(a, 8, "wi", "offsetWi", n_);
    if (jobvl_ == 'V') VL_ = readColMajor<T>(a, 10, "VL", "ldvl", "offsetVL", n_, n_);
    else a.array<T>(10, "VL");
    if (jobvr_ == 'V') VR_ = readColMajor<T>(a, 13, "VR", "ldvr", "offsetVR", n_, n_);
    else a.array<T>(13, "VR");
  }
  double run() {
    if (n_ == 0) return 0;
    if (!allFinite(A_, n_, n_)) {
      // LAPACK rejects NaN in A as an illegal argument; report it as no eigenvalue having converged.
      fill(wr_, 1, n_, T(NAN));
      fill(wi_, 1, n_, T(NAN));
      if (jobvl_ == 'V') fillMatrix(VL_, n_, n_, T(NAN));
      if (jobvr_ == 'V') fillMatrix(VR_, n_, n_, T(NAN));
      return n_;
    }
    T none[2] = {0, 0};
    T* vl = orLocal(VL_.ptr, none);
    T* vr = orLocal(VR_.ptr, none + 1);
    pb_int info = 0, query = -1;
    T size = 0;
    Info check({"jobvl", "jobvr", "N", "A", "lda", "wr", "wi", "VL", "ldvl", "VR", "ldvr", "work", "lwork",
                       "info"});
    Lapack<T>::geev(&jobvl_, &jobvr_, &n_, A_.ptr, &A_.ld, wr_, wi_, vl, &VL_.ld, vr, &VR_.ld, &size, &query,
                    &info PB_STRLEN2);
    if (info != 0) return check.result(info);
    pb_int lwork = workspaceLength(size, std::max<pb_int>(1, (jobvl_ == 'V' || jobvr_ == 'V' ? 4 : 3) * n_));
    std::vector<T> work(static_cast<size_t>(lwork));
    Lapack<T>::geev(&jobvl_, &jobvr_, &n_, A_.ptr, &A_.ld, wr_, wi_, vl, &VL_.ld, vr, &VR_.ld, work.data(), &lwork,
                    &info PB_STRLEN2);
    return check.result(info);
  }

 private:
  char jobvl_, jobvr_;
  pb_int n_;
  ColMat<T> A_, VL_, VR_;
  T *wr_, *wi_;
};

template <typename T>
class Gelsd {
 public:
  static constexpr const char* kName = pick<T>("dgelsd", "sgelsd");
  static constexpr bool kReturnsValue = true;
  explicit Gelsd(const Napi::CallbackInfo& info) {
    Args a(info, kName, 14);
    m_ = a.dim(0, "M");
    n_ = a.dim(1, "N");
    nrhs_ = a.dim(2, "nrhs");
    A_ = readColMajor<T>(a, 3, "A", "lda", "offsetA", m_, n_);
    B_ = readColMajor<T>(a, 6, "B", "ldb", "offsetB", std::max(m_, n_), nrhs_);
    s_ = readContiguous<T>(a, 9, "s", "offsetS", std::min(m_, n_));
    rcond_ = static_cast<T>(a.scalar(11, "rcond"));
    rank_ = readContiguous<pb_int>(a, 12, "rank", "offsetRank", 1);
  }
  double run() {
    if (m_ == 0 || n_ == 0) {
      // LAPACK's quick return: rank 0, and X (the first N rows of B) is zero.
      *rank_ = 0;
      for (pb_int j = 0; j < nrhs_; j++)
        for (pb_int i = 0; i < n_; i++) B_.ptr[i + int64_t(j) * B_.ld] = 0;
      return 0;
    }
    if (!allFinite(A_, m_, n_) || !allFinite(B_, m_, nrhs_)) {
      // LAPACK's scaling step rejects a non-finite norm; report it as no convergence.
      fill(s_, 1, std::min(m_, n_), T(NAN));
      fillMatrix(B_, n_, nrhs_, T(NAN));
      *rank_ = 0;
      return std::min(m_, n_);
    }
    T none[1] = {0};
    T* b = orLocal(B_.ptr, none);
    pb_int info = 0, query = -1, isize = 0;
    T size = 0;
    Info check({"M", "N", "nrhs", "A", "lda", "B", "ldb", "s", "rcond", "rank", "work", "lwork", "iwork",
                       "info"});
    Lapack<T>::gelsd(&m_, &n_, &nrhs_, A_.ptr, &A_.ld, b, &B_.ld, s_, &rcond_, rank_, &size, &query, &isize, &info);
    if (info != 0) return check.result(info);
    pb_int lwork = workspaceLength(size, 1);
    std::vector<T> work(static_cast<size_t>(lwork));
    std::vector<pb_int> iwork(static_cast<size_t>(std::max<pb_int>(1, isize)));
    Lapack<T>::gelsd(&m_, &n_, &nrhs_, A_.ptr, &A_.ld, b, &B_.ld, s_, &rcond_, rank_, work.data(), &lwork,
                     iwork.data(), &info);
    return check.result(info);
  }

 private:
  pb_int m_, n_, nrhs_;
  ColMat<T> A_, B_;
  T* s_;
  T rcond_;
  pb_int* rank_;
};

template <typename T>
void defineLapackOf(Napi::Env env, Napi::Object exports) {
  define<Getrf<T>>(env, exports);
  define<Getrs<T>>(env, exports);
  define<Getri<T>>(env, exports);
  define<Potrf<T>>(env, exports);
  define<Potrs<T>>(env, exports);
  define<Geqrf<T>>(env, exports);
  define<Orgqr<T>>(env, exports);
  define<Ormqr<T>>(env, exports);
  define<Gesdd<T>>(env, exports);
  define<Syevd<T>>(env, exports);
  define<Geev<T>>(env, exports);
  define<Gelsd<T>>(env, exports);
}

}  // namespace

void defineLapack(Napi::Env env, Napi::Object exports) {
  defineLapackOf<double>(env, exports);
  defineLapackOf<float>(env, exports);
}

}  // namespace polyblas
