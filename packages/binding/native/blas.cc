// BLAS levels 1-3 through CBLAS, from the contract's offset/stride form.
//
// Matrices: when one of a matrix's two strides is 1 (and the other a valid leading dimension) it is
// passed as it is, row- or column-major; every matrix of one call must share CBLAS's order, so a
// matrix stored the other way round is passed as its transpose (flipping trans, or uplo for a
// symmetric or triangular one). A view with neither stride 1 (a step-2 or reversed slice) is
// copied once into a packed buffer, and copied back if it is an output.
//
// Vectors: the contract's offset is the first element visited; CBLAS wants the pointer to the
// lowest-addressed element and walks it backwards for a negative increment, so the pointer is
// offset + (n-1)*stride when stride < 0. CBLAS rejects a zero increment in levels 2-3, and level 1
// handles it unevenly, so stride 0 takes a plain loop (level 1) or a packed copy (level 2 inputs).
#include <cmath>
#include <vector>

#include "args.h"
#include "kernel.h"

namespace polyblas {
namespace {

// ---- d / s dispatch ------------------------------------------------------------------------------

template <typename T>
struct Cblas;

#define PB_CBLAS_TRAITS(T, p)                                                                            \
  template <>                                                                                            \
  struct Cblas<T> {                                                                                      \
    static double dot(pb_int n, const T* x, pb_int ix, const T* y, pb_int iy) {                          \
      return cblas_##p##dot(n, x, ix, y, iy);                                                            \
    }                                                                                                    \
    static void axpy(pb_int n, T a, const T* x, pb_int ix, T* y, pb_int iy) {                            \
      cblas_##p##axpy(n, a, x, ix, y, iy);                                                               \
    }                                                                                                    \
    static void scal(pb_int n, T a, T* x, pb_int ix) { cblas_##p##scal(n, a, x, ix); }                   \
    static void copy(pb_int n, const T* x, pb_int ix, T* y, pb_int iy) { cblas_##p##copy(n, x, ix, y, iy); } \
    static void swap(pb_int n, T* x, pb_int ix, T* y, pb_int iy) { cblas_##p##swap(n, x, ix, y, iy); }   \
    static double nrm2(pb_int n, const T* x, pb_int ix) { return cblas_##p##nrm2(n, x, ix); }            \
    static double asum(pb_int n, const T* x, pb_int ix) { return cblas_##p##asum(n, x, ix); }            \
    static std::size_t iamax(pb_int n, const T* x, pb_int ix) { return cblas_i##p##amax(n, x, ix); }     \
    static void rot(pb_int n, T* x, pb_int ix, T* y, pb_int iy, T c, T s) {                              \
      cblas_##p##rot(n, x, ix, y, iy, c, s);                                                             \
    }                                                                                                    \
    static constexpr auto gemv = cblas_##p##gemv;                                                        \
    static constexpr auto ger = cblas_##p##ger;                                                          \
    static constexpr auto symv = cblas_##p##symv;                                                        \
    static constexpr auto trmv = cblas_##p##trmv;                                                        \
    static constexpr auto trsv = cblas_##p##trsv;                                                        \
    static constexpr auto gemm = cblas_##p##gemm;                                                        \
    static constexpr auto symm = cblas_##p##symm;                                                        \
    static constexpr auto syrk = cblas_##p##syrk;                                                        \
    static constexpr auto trmm = cblas_##p##trmm;                                                        \
    static constexpr auto trsm = cblas_##p##trsm;                                                        \
  };

PB_CBLAS_TRAITS(double, d)
PB_CBLAS_TRAITS(float, s)
#undef PB_CBLAS_TRAITS

// ---- vectors -------------------------------------------------------------------------------------

/** A vector in kernel form over guarded memory. */
template <typename T>
struct Vec {
  T* data;
  int64_t offset;
  pb_int stride;
  T& at(int64_t i) const { return data[offset + i * stride]; }
  /** What CBLAS wants: the lowest-addressed element of the n visited. */
  T* lowest(pb_int n) const {
    if (n <= 0 || data == nullptr) return data;
    return data + offset + (stride < 0 ? int64_t(n - 1) * stride : 0);
  }
};

template <typename T>
Vec<T> readVector(const Args& a, size_t arrayAt, const char* name, const char* strideName, const char* offsetName,
                  int64_t n) {
  Span<T> span = a.array<T>(arrayAt, name);
  pb_int stride = a.stride(arrayAt + 1, strideName);
  int64_t offset = a.offset(arrayAt + 2, offsetName);
  a.vector(span, name, n, stride, offset);
  return {span.data, offset, stride};
}

/** A level-2 input vector CBLAS can take (nonzero increment): itself, or a packed copy. */
template <typename T>
struct VectorIn {
  const T* ptr = nullptr;
  pb_int inc = 1;
  std::vector<T> packed;
  VectorIn(const Vec<T>& v, pb_int n) {
    if (v.stride != 0 || n <= 1) {
      ptr = v.lowest(n);
      inc = v.stride != 0 ? v.stride : 1;
      return;
    }
    packed.assign(static_cast<size_t>(n), v.at(0));
    ptr = packed.data();
  }
};

/** A written vector must not have stride 0 unless it has one element (the result would depend on order). */
template <typename T>
void requireDistinct(const Args& a, const Vec<T>& v, int64_t n, const char* strideName) {
  if (v.stride == 0 && n > 1) a.rangeError(std::string(strideName) + " must not be 0 for an output of length > 1");
}

// ---- matrices ------------------------------------------------------------------------------------

/** A matrix in kernel form over guarded memory: element (i, j) is base[i*s1 + j*s2]. */
template <typename T>
struct Mat {
  T* base;
  pb_int rows, cols;
  int64_t s1, s2;
  T& at(int64_t i, int64_t j) const { return base[i * s1 + j * s2]; }
};

template <typename T>
Mat<T> readMatrix(const Args& a, size_t arrayAt, const char* name, const char* s1Name, const char* s2Name,
                  const char* offsetName, pb_int rows, pb_int cols) {
  Span<T> span = a.array<T>(arrayAt, name);
  pb_int s1 = a.stride(arrayAt + 1, s1Name);
  pb_int s2 = a.stride(arrayAt + 2, s2Name);
  int64_t offset = a.offset(arrayAt + 3, offsetName);
  a.matrix(span, name, rows, cols, s1, s2, offset);
  return {span.data ? span.data + offset : nullptr, rows, cols, s1, s2};
}

/** The leading dimension that lets CBLAS read the matrix in this order as it is, or 0 when none does. */
template <typename T>
pb_int directLd(const Mat<T>& m, CBLAS_ORDER order) {
  const int64_t major = order == CblasColMajor ? m.rows : m.cols;  // length of one contiguous run
  const int64_t minor = order == CblasColMajor ? m.cols : m.rows;
  const int64_t unit = order == CblasColMajor ? m.s1 : m.s2;
  const int64_t lead = order == CblasColMajor ? m.s2 : m.s1;
  if (major > 1 && unit != 1) return 0;
  if (minor <= 1) return static_cast<pb_int>(std::max<int64_t>(1, major));
  if (lead < std::max<int64_t>(1, major)) return 0;
  return static_cast<pb_int>(lead);
}

inline CBLAS_ORDER other(CBLAS_ORDER order) { return order == CblasColMajor ? CblasRowMajor : CblasColMajor; }

/** The order a matrix can be used in directly, preferring column-major (also when it has to be packed). */
template <typename T>
CBLAS_ORDER naturalOrder(const Mat<T>& m) {
  if (directLd(m, CblasColMajor)) return CblasColMajor;
  if (directLd(m, CblasRowMajor)) return CblasRowMajor;
  return CblasColMajor;
}

/**
 * A matrix as CBLAS sees it in a given order: the caller's memory, the caller's memory read as its
 * transpose (when `mayTranspose`), or a packed copy in that order. An output is copied back by
 * writeBack() when it was packed.
 */
template <typename T>
struct Operand {
  T* ptr = nullptr;
  pb_int ld = 1;
  bool transposed = false;
  std::vector<T> packed;
  Mat<T> source;
  CBLAS_ORDER order;

  Operand(const Mat<T>& m, CBLAS_ORDER o, bool mayTranspose, bool readValues) : source(m), order(o) {
    if (pb_int ld0 = directLd(m, o)) {
      ptr = m.base;
      ld = ld0;
      return;
    }
    if (mayTranspose) {
      if (pb_int ld1 = directLd(m, other(o))) {
        ptr = m.base;
        ld = ld1;
        transposed = true;
        return;
      }
    }
    const int64_t rows = m.rows, cols = m.cols;
    ld = static_cast<pb_int>(std::max<int64_t>(1, o == CblasColMajor ? rows : cols));
    packed.assign(static_cast<size_t>(std::max<int64_t>(1, rows * cols)), T(0));
    if (readValues) {
      for (int64_t j = 0; j < cols; j++)
        for (int64_t i = 0; i < rows; i++) packed[index(i, j)] = m.at(i, j);
    }
    ptr = packed.data();
  }

  size_t index(int64_t i, int64_t j) const {
    return static_cast<size_t>(order == CblasColMajor ? i + j * ld : i * ld + j);
  }

  void writeBack() {
    if (packed.empty()) return;
    for (int64_t j = 0; j < source.cols; j++)
      for (int64_t i = 0; i < source.rows; i++) source.at(i, j) = packed[index(i, j)];
  }
};

inline CBLAS_TRANSPOSE transOf(char t, bool flip = false) {
  return (t == 'T') != flip ? CblasTrans : CblasNoTrans;
}
inline CBLAS_UPLO uploOf(char u, bool flip = false) { return (u == 'L') != flip ? CblasLower : CblasUpper; }
inline CBLAS_DIAG diagOf(char d) { return d == 'U' ? CblasUnit : CblasNonUnit; }
inline CBLAS_SIDE sideOf(char s) { return s == 'L' ? CblasLeft : CblasRight; }

// ---- level 1 -------------------------------------------------------------------------------------

template <typename T>
class Dot {
 public:
  static constexpr const char* kName = pick<T>("ddot", "sdot");
  static constexpr bool kReturnsValue = true;
  explicit Dot(const Napi::CallbackInfo& info) {
    Args a(info, kName, 7);
    n_ = a.dim(0, "N");
    x_ = readVector<T>(a, 1, "x", "strideX", "offsetX", n_);
    y_ = readVector<T>(a, 4, "y", "strideY", "offsetY", n_);
  }
  double run() {
    if (n_ == 0) return 0;
    if (x_.stride == 0 || y_.stride == 0) {
      double sum = 0;
      for (int64_t i = 0; i < n_; i++) sum += double(x_.at(i)) * double(y_.at(i));
      return static_cast<T>(sum);
    }
    return Cblas<T>::dot(n_, x_.lowest(n_), x_.stride, y_.lowest(n_), y_.stride);
  }

 private:
  pb_int n_;
  Vec<T> x_, y_;
};

template <typename T>
class Axpy {
 public:
  static constexpr const char* kName = pick<T>("daxpy", "saxpy");
  static constexpr bool kReturnsValue = false;
  explicit Axpy(const Napi::CallbackInfo& info) {
    Args a(info, kName, 8);
    n_ = a.dim(0, "N");
    alpha_ = static_cast<T>(a.scalar(1, "alpha"));
    x_ = readVector<T>(a, 2, "x", "strideX", "offsetX", n_);
    y_ = readVector<T>(a, 5, "y", "strideY", "offsetY", n_);
  }
  double run() {
    if (n_ == 0) return 0;
    if (x_.stride == 0 || y_.stride == 0) {
      for (int64_t i = 0; i < n_; i++) y_.at(i) += alpha_ * x_.at(i);
      return 0;
    }
    Cblas<T>::axpy(n_, alpha_, x_.lowest(n_), x_.stride, y_.lowest(n_), y_.stride);
    return 0;
  }

 private:
  pb_int n_;
  T alpha_;
  Vec<T> x_, y_;
};

template <typename T>
class Scal {
 public:
  static constexpr const char* kName = pick<T>("dscal", "sscal");
  static constexpr bool kReturnsValue = false;
  explicit Scal(const Napi::CallbackInfo& info) {
    Args a(info, kName, 5);
    n_ = a.dim(0, "N");
    alpha_ = static_cast<T>(a.scalar(1, "alpha"));
    x_ = readVector<T>(a, 2, "x", "strideX", "offsetX", n_);
  }
  double run() {
    if (n_ == 0) return 0;
    if (x_.stride == 0) {
      for (int64_t i = 0; i < n_; i++) x_.at(i) *= alpha_;
      return 0;
    }
    // Each element is scaled on its own, so the direction of travel does not matter.
    Cblas<T>::scal(n_, alpha_, x_.lowest(n_), std::abs(x_.stride));
    return 0;
  }

 private:
  pb_int n_;
  T alpha_;
  Vec<T> x_;
};

/** copy (y <- x) and swap (x <-> y). */
template <typename T, bool kSwap>
class CopySwap {
 public:
  static constexpr const char* kName = kSwap ? pick<T>("dswap", "sswap") : pick<T>("dcopy", "scopy");
  static constexpr bool kReturnsValue = false;
  explicit CopySwap(const Napi::CallbackInfo& info) {
    Args a(info, kName, 7);
    n_ = a.dim(0, "N");
    x_ = readVector<T>(a, 1, "x", "strideX", "offsetX", n_);
    y_ = readVector<T>(a, 4, "y", "strideY", "offsetY", n_);
  }
  double run() {
    if (n_ == 0) return 0;
    if (x_.stride == 0 || y_.stride == 0) {
      for (int64_t i = 0; i < n_; i++) {
        if (kSwap) {
          T t = x_.at(i);
          x_.at(i) = y_.at(i);
          y_.at(i) = t;
        } else {
          y_.at(i) = x_.at(i);
        }
      }
      return 0;
    }
    if (kSwap) Cblas<T>::swap(n_, x_.lowest(n_), x_.stride, y_.lowest(n_), y_.stride);
    else Cblas<T>::copy(n_, x_.lowest(n_), x_.stride, y_.lowest(n_), y_.stride);
    return 0;
  }

 private:
  pb_int n_;
  Vec<T> x_, y_;
};

/** nrm2 and asum: order-independent, so a negative stride is walked forwards. */
template <typename T, bool kAsum>
class Norm {
 public:
  static constexpr const char* kName = kAsum ? pick<T>("dasum", "sasum") : pick<T>("dnrm2", "snrm2");
  static constexpr bool kReturnsValue = true;
  explicit Norm(const Napi::CallbackInfo& info) {
    Args a(info, kName, 4);
    n_ = a.dim(0, "N");
    x_ = readVector<T>(a, 1, "x", "strideX", "offsetX", n_);
  }
  double run() {
    if (n_ == 0) return 0;
    if (x_.stride == 0) {
      double v = std::abs(double(x_.at(0)));
      return kAsum ? static_cast<T>(v * n_) : v * std::sqrt(double(n_));
    }
    const T* p = x_.lowest(n_);
    pb_int inc = std::abs(x_.stride);
    if (kAsum) return Cblas<T>::asum(n_, p, inc);
    if (sizeof(T) == sizeof(float)) {
      // Squares of floats neither overflow nor underflow in double, and the result is returned as
      // a double, so ||x|| is exact to double rounding even where it exceeds the float range.
      double sum = 0;
      for (int64_t i = 0; i < n_; i++) {
        double v = p[i * inc];
        sum += v * v;
      }
      return std::sqrt(sum);
    }
    return Cblas<T>::nrm2(n_, p, inc);
  }

 private:
  pb_int n_;
  Vec<T> x_;
};

template <typename T>
class Iamax {
 public:
  static constexpr const char* kName = pick<T>("idamax", "isamax");
  static constexpr bool kReturnsValue = true;
  explicit Iamax(const Napi::CallbackInfo& info) {
    Args a(info, kName, 4);
    n_ = a.dim(0, "N");
    x_ = readVector<T>(a, 1, "x", "strideX", "offsetX", n_);
  }
  double run() {
    if (n_ < 1) return -1;
    if (x_.stride > 0) return static_cast<double>(Cblas<T>::iamax(n_, x_.lowest(n_), x_.stride));
    // Walked backwards, CBLAS would report the last of tied maxima in the contract's order.
    int64_t best = 0;
    T bestValue = std::abs(x_.at(0));
    for (int64_t i = 1; i < n_; i++) {
      T v = std::abs(x_.at(i));
      if (v > bestValue) {
        best = i;
        bestValue = v;
      }
    }
    return static_cast<double>(best);
  }

 private:
  pb_int n_;
  Vec<T> x_;
};

template <typename T>
class Rot {
 public:
  static constexpr const char* kName = pick<T>("drot", "srot");
  static constexpr bool kReturnsValue = false;
  explicit Rot(const Napi::CallbackInfo& info) {
    Args a(info, kName, 9);
    n_ = a.dim(0, "N");
    x_ = readVector<T>(a, 1, "x", "strideX", "offsetX", n_);
    y_ = readVector<T>(a, 4, "y", "strideY", "offsetY", n_);
    c_ = static_cast<T>(a.scalar(7, "c"));
    s_ = static_cast<T>(a.scalar(8, "s"));
  }
  double run() {
    if (n_ == 0) return 0;
    if (x_.stride == 0 || y_.stride == 0) {
      for (int64_t i = 0; i < n_; i++) {
        T xi = x_.at(i), yi = y_.at(i);
        x_.at(i) = c_ * xi + s_ * yi;
        y_.at(i) = c_ * yi - s_ * xi;
      }
      return 0;
    }
    Cblas<T>::rot(n_, x_.lowest(n_), x_.stride, y_.lowest(n_), y_.stride, c_, s_);
    return 0;
  }

 private:
  pb_int n_;
  Vec<T> x_, y_;
  T c_, s_;
};

/** An output matrix must not have a zero stride along a dimension longer than 1. */
template <typename T>
void requireWritable(const Args& a, const Mat<T>& m, const char* name) {
  if (m.rows == 0 || m.cols == 0) return;
  if ((m.s1 == 0 && m.rows > 1) || (m.s2 == 0 && m.cols > 1)) {
    a.rangeError(std::string(name) + " must not have a zero stride: it is written");
  }
}

// ---- level 2 -------------------------------------------------------------------------------------

/** y <- beta*y without reading y when beta is 0 (for products with an empty inner dimension). */
template <typename T>
void scaleOutput(const Vec<T>& y, int64_t n, T beta) {
  for (int64_t i = 0; i < n; i++) y.at(i) = beta == T(0) ? T(0) : beta * y.at(i);
}

template <typename T>
class Gemv {
 public:
  static constexpr const char* kName = pick<T>("dgemv", "sgemv");
  static constexpr bool kReturnsValue = false;
  explicit Gemv(const Napi::CallbackInfo& info) {
    Args a(info, kName, 15);
    trans_ = a.option(0, "trans", "NT");
    m_ = a.dim(1, "M");
    n_ = a.dim(2, "N");
    alpha_ = static_cast<T>(a.scalar(3, "alpha"));
    A_ = readMatrix<T>(a, 4, "A", "strideA1", "strideA2", "offsetA", m_, n_);
    lenX_ = trans_ == 'N' ? n_ : m_;
    lenY_ = trans_ == 'N' ? m_ : n_;
    x_ = readVector<T>(a, 8, "x", "strideX", "offsetX", lenX_);
    beta_ = static_cast<T>(a.scalar(11, "beta"));
    y_ = readVector<T>(a, 12, "y", "strideY", "offsetY", lenY_);
    requireDistinct(a, y_, lenY_, "strideY");
  }
  double run() {
    if (lenY_ == 0) return 0;
    if (lenX_ == 0 || alpha_ == T(0)) {
      scaleOutput(y_, lenY_, beta_);
      return 0;
    }
    CBLAS_ORDER order = naturalOrder(A_);
    Operand<T> A(A_, order, false, true);
    VectorIn<T> x(x_, lenX_);
    Cblas<T>::gemv(order, transOf(trans_), m_, n_, alpha_, A.ptr, A.ld, x.ptr, x.inc, beta_, y_.lowest(lenY_),
                   y_.stride != 0 ? y_.stride : 1);
    return 0;
  }

 private:
  char trans_;
  pb_int m_, n_, lenX_, lenY_;
  T alpha_, beta_;
  Mat<T> A_;
  Vec<T> x_, y_;
};

template <typename T>
class Ger {
 public:
  static constexpr const char* kName = pick<T>("dger", "sger");
  static constexpr bool kReturnsValue = false;
  explicit Ger(const Napi::CallbackInfo& info) {
    Args a(info, kName, 13);
    m_ = a.dim(0, "M");
    n_ = a.dim(1, "N");
    alpha_ = static_cast<T>(a.scalar(2, "alpha"));
    x_ = readVector<T>(a, 3, "x", "strideX", "offsetX", m_);
    y_ = readVector<T>(a, 6, "y", "strideY", "offsetY", n_);
    A_ = readMatrix<T>(a, 9, "A", "strideA1", "strideA2", "offsetA", m_, n_);
    requireWritable(a, A_, "A");
  }
  double run() {
    if (m_ == 0 || n_ == 0 || alpha_ == T(0)) return 0;
    CBLAS_ORDER order = naturalOrder(A_);
    Operand<T> A(A_, order, false, true);
    VectorIn<T> x(x_, m_), y(y_, n_);
    Cblas<T>::ger(order, m_, n_, alpha_, x.ptr, x.inc, y.ptr, y.inc, A.ptr, A.ld);
    A.writeBack();
    return 0;
  }

 private:
  pb_int m_, n_;
  T alpha_;
  Vec<T> x_, y_;
  Mat<T> A_;
};

template <typename T>
class Symv {
 public:
  static constexpr const char* kName = pick<T>("dsymv", "ssymv");
  static constexpr bool kReturnsValue = false;
  explicit Symv(const Napi::CallbackInfo& info) {
    Args a(info, kName, 14);
    uplo_ = a.option(0, "uplo", "UL");
    n_ = a.dim(1, "N");
    alpha_ = static_cast<T>(a.scalar(2, "alpha"));
    A_ = readMatrix<T>(a, 3, "A", "strideA1", "strideA2", "offsetA", n_, n_);
    x_ = readVector<T>(a, 7, "x", "strideX", "offsetX", n_);
    beta_ = static_cast<T>(a.scalar(10, "beta"));
    y_ = readVector<T>(a, 11, "y", "strideY", "offsetY", n_);
    requireDistinct(a, y_, n_, "strideY");
  }
  double run() {
    if (n_ == 0) return 0;
    CBLAS_ORDER order = naturalOrder(A_);
    Operand<T> A(A_, order, false, alpha_ != T(0));
    VectorIn<T> x(x_, n_);
    Cblas<T>::symv(order, uploOf(uplo_), n_, alpha_, A.ptr, A.ld, x.ptr, x.inc, beta_, y_.lowest(n_),
                   y_.stride != 0 ? y_.stride : 1);
    return 0;
  }

 private:
  char uplo_;
  pb_int n_;
  T alpha_, beta_;
  Mat<T> A_;
  Vec<T> x_, y_;
};

/** trmv (x <- op(A) x) and trsv (x <- op(A)^-1 x). */
template <typename T, bool kSolve>
class Trxv {
 public:
  static constexpr const char* kName = kSolve ? pick<T>("dtrsv", "strsv") : pick<T>("dtrmv", "strmv");
  static constexpr bool kReturnsValue = false;
  explicit Trxv(const Napi::CallbackInfo& info) {
    Args a(info, kName, 11);
    uplo_ = a.option(0, "uplo", "UL");
    trans_ = a.option(1, "trans", "NT");
    diag_ = a.option(2, "diag", "NU");
    n_ = a.dim(3, "N");
    A_ = readMatrix<T>(a, 4, "A", "strideA1", "strideA2", "offsetA", n_, n_);
    x_ = readVector<T>(a, 8, "x", "strideX", "offsetX", n_);
    requireDistinct(a, x_, n_, "strideX");
  }
  double run() {
    if (n_ == 0) return 0;
    CBLAS_ORDER order = naturalOrder(A_);
    Operand<T> A(A_, order, false, true);
    T* x = x_.lowest(n_);
    pb_int inc = x_.stride != 0 ? x_.stride : 1;
    if (kSolve) Cblas<T>::trsv(order, uploOf(uplo_), transOf(trans_), diagOf(diag_), n_, A.ptr, A.ld, x, inc);
    else Cblas<T>::trmv(order, uploOf(uplo_), transOf(trans_), diagOf(diag_), n_, A.ptr, A.ld, x, inc);
    return 0;
  }

 private:
  char uplo_, trans_, diag_;
  pb_int n_;
  Mat<T> A_;
  Vec<T> x_;
};

// ---- level 3 -------------------------------------------------------------------------------------

/**
 * C <- beta*C (only the `uplo` triangle when uplo is 'U' or 'L'), without reading C when beta is 0:
 * the whole product when alpha is 0 or the inner dimension is empty. Done here because some
 * OpenBLAS paths (small-matrix kernels) still multiply A and B by a zero alpha, so NaN in operands
 * that must not be read would leak through.
 */
template <typename T>
void scaleMatrix(const Mat<T>& c, T beta, char uplo = 0) {
  for (int64_t j = 0; j < c.cols; j++) {
    const int64_t from = uplo == 'L' ? j : 0;
    const int64_t to = uplo == 'U' ? std::min<int64_t>(j + 1, c.rows) : c.rows;
    for (int64_t i = from; i < to; i++) c.at(i, j) = beta == T(0) ? T(0) : beta * c.at(i, j);
  }
}

template <typename T>
class Gemm {
 public:
  static constexpr const char* kName = pick<T>("dgemm", "sgemm");
  static constexpr bool kReturnsValue = false;
  explicit Gemm(const Napi::CallbackInfo& info) {
    Args a(info, kName, 19);
    transA_ = a.option(0, "transA", "NT");
    transB_ = a.option(1, "transB", "NT");
    m_ = a.dim(2, "M");
    n_ = a.dim(3, "N");
    k_ = a.dim(4, "K");
    alpha_ = static_cast<T>(a.scalar(5, "alpha"));
    A_ = transA_ == 'N' ? readMatrix<T>(a, 6, "A", "strideA1", "strideA2", "offsetA", m_, k_)
                        : readMatrix<T>(a, 6, "A", "strideA1", "strideA2", "offsetA", k_, m_);
    B_ = transB_ == 'N' ? readMatrix<T>(a, 10, "B", "strideB1", "strideB2", "offsetB", k_, n_)
                        : readMatrix<T>(a, 10, "B", "strideB1", "strideB2", "offsetB", n_, k_);
    beta_ = static_cast<T>(a.scalar(14, "beta"));
    C_ = readMatrix<T>(a, 15, "C", "strideC1", "strideC2", "offsetC", m_, n_);
    requireWritable(a, C_, "C");
  }
  double run() {
    if (m_ == 0 || n_ == 0) return 0;
    if (alpha_ == T(0) || k_ == 0) {
      scaleMatrix(C_, beta_);
      return 0;
    }
    CBLAS_ORDER order = naturalOrder(C_);
    Operand<T> C(C_, order, false, beta_ != T(0));
    Operand<T> A(A_, order, true, true);
    Operand<T> B(B_, order, true, true);
    Cblas<T>::gemm(order, transOf(transA_, A.transposed), transOf(transB_, B.transposed), m_, n_, k_, alpha_, A.ptr,
                   A.ld, B.ptr, B.ld, beta_, C.ptr, C.ld);
    C.writeBack();
    return 0;
  }

 private:
  char transA_, transB_;
  pb_int m_, n_, k_;
  T alpha_, beta_;
  Mat<T> A_, B_, C_;
};

template <typename T>
class Symm {
 public:
  static constexpr const char* kName = pick<T>("dsymm", "ssymm");
  static constexpr bool kReturnsValue = false;
  explicit Symm(const Napi::CallbackInfo& info) {
    Args a(info, kName, 18);
    side_ = a.option(0, "side", "LR");
    uplo_ = a.option(1, "uplo", "UL");
    m_ = a.dim(2, "M");
    n_ = a.dim(3, "N");
    alpha_ = static_cast<T>(a.scalar(4, "alpha"));
    pb_int k = side_ == 'L' ? m_ : n_;
    A_ = readMatrix<T>(a, 5, "A", "strideA1", "strideA2", "offsetA", k, k);
    B_ = readMatrix<T>(a, 9, "B", "strideB1", "strideB2", "offsetB", m_, n_);
    beta_ = static_cast<T>(a.scalar(13, "beta"));
    C_ = readMatrix<T>(a, 14, "C", "strideC1", "strideC2", "offsetC", m_, n_);
    requireWritable(a, C_, "C");
  }
  double run() {
    if (m_ == 0 || n_ == 0) return 0;
    if (alpha_ == T(0)) {
      scaleMatrix(C_, beta_);
      return 0;
    }
    CBLAS_ORDER order = naturalOrder(C_);
    Operand<T> C(C_, order, false, beta_ != T(0));
    // A symmetric matrix read in the other order is its transpose: the same matrix, other triangle.
    Operand<T> A(A_, order, true, true);
    Operand<T> B(B_, order, false, true);
    Cblas<T>::symm(order, sideOf(side_), uploOf(uplo_, A.transposed), m_, n_, alpha_, A.ptr, A.ld, B.ptr, B.ld,
                   beta_, C.ptr, C.ld);
    C.writeBack();
    return 0;
  }

 private:
  char side_, uplo_;
  pb_int m_, n_;
  T alpha_, beta_;
  Mat<T> A_, B_, C_;
};

template <typename T>
class Syrk {
 public:
  static constexpr const char* kName = pick<T>("dsyrk", "ssyrk");
  static constexpr bool kReturnsValue = false;
  explicit Syrk(const Napi::CallbackInfo& info) {
    Args a(info, kName, 14);
    uplo_ = a.option(0, "uplo", "UL");
    trans_ = a.option(1, "trans", "NT");
    n_ = a.dim(2, "N");
    k_ = a.dim(3, "K");
    alpha_ = static_cast<T>(a.scalar(4, "alpha"));
    A_ = trans_ == 'N' ? readMatrix<T>(a, 5, "A", "strideA1", "strideA2", "offsetA", n_, k_)
                       : readMatrix<T>(a, 5, "A", "strideA1", "strideA2", "offsetA", k_, n_);
    beta_ = static_cast<T>(a.scalar(9, "beta"));
    C_ = readMatrix<T>(a, 10, "C", "strideC1", "strideC2", "offsetC", n_, n_);
    requireWritable(a, C_, "C");
  }
  double run() {
    if (n_ == 0) return 0;
    if (alpha_ == T(0) || k_ == 0) {
      scaleMatrix(C_, beta_, uplo_);
      return 0;
    }
    CBLAS_ORDER order = naturalOrder(C_);
    // Packed C carries the whole matrix back, so the other triangle returns unchanged.
    Operand<T> C(C_, order, false, true);
    Operand<T> A(A_, order, true, true);
    Cblas<T>::syrk(order, uploOf(uplo_), transOf(trans_, A.transposed), n_, k_, alpha_, A.ptr, A.ld, beta_, C.ptr,
                   C.ld);
    C.writeBack();
    return 0;
  }

 private:
  char uplo_, trans_;
  pb_int n_, k_;
  T alpha_, beta_;
  Mat<T> A_, C_;
};

/** trmm (B <- alpha op(A) B or alpha B op(A)) and trsm (the same with op(A)^-1). */
template <typename T, bool kSolve>
class Trxm {
 public:
  static constexpr const char* kName = kSolve ? pick<T>("dtrsm", "strsm") : pick<T>("dtrmm", "strmm");
  static constexpr bool kReturnsValue = false;
  explicit Trxm(const Napi::CallbackInfo& info) {
    Args a(info, kName, 15);
    side_ = a.option(0, "side", "LR");
    uplo_ = a.option(1, "uplo", "UL");
    transA_ = a.option(2, "transA", "NT");
    diag_ = a.option(3, "diag", "NU");
    m_ = a.dim(4, "M");
    n_ = a.dim(5, "N");
    alpha_ = static_cast<T>(a.scalar(6, "alpha"));
    pb_int k = side_ == 'L' ? m_ : n_;
    A_ = readMatrix<T>(a, 7, "A", "strideA1", "strideA2", "offsetA", k, k);
    B_ = readMatrix<T>(a, 11, "B", "strideB1", "strideB2", "offsetB", m_, n_);
    requireWritable(a, B_, "B");
  }
  double run() {
    if (m_ == 0 || n_ == 0) return 0;
    if (alpha_ == T(0)) {
      scaleMatrix(B_, T(0));  // A is not read
      return 0;
    }
    CBLAS_ORDER order = naturalOrder(B_);
    Operand<T> B(B_, order, false, true);
    // A triangular matrix read in the other order is its transpose: other triangle, other op.
    Operand<T> A(A_, order, true, true);
    const CBLAS_UPLO uplo = uploOf(uplo_, A.transposed);
    const CBLAS_TRANSPOSE trans = transOf(transA_, A.transposed);
    if (kSolve) Cblas<T>::trsm(order, sideOf(side_), uplo, trans, diagOf(diag_), m_, n_, alpha_, A.ptr, A.ld, B.ptr, B.ld);
    else Cblas<T>::trmm(order, sideOf(side_), uplo, trans, diagOf(diag_), m_, n_, alpha_, A.ptr, A.ld, B.ptr, B.ld);
    B.writeBack();
    return 0;
  }

 private:
  char side_, uplo_, transA_, diag_;
  pb_int m_, n_;
  T alpha_;
  Mat<T> A_, B_;
};

template <typename T>
void defineBlasOf(Napi::Env env, Napi::Object exports) {
  define<Dot<T>>(env, exports);
  define<Axpy<T>>(env, exports);
  define<Scal<T>>(env, exports);
  define<CopySwap<T, false>>(env, exports);
  define<CopySwap<T, true>>(env, exports);
  define<Norm<T, false>>(env, exports);
  define<Norm<T, true>>(env, exports);
  define<Iamax<T>>(env, exports);
  define<Rot<T>>(env, exports);
  define<Gemv<T>>(env, exports);
  define<Ger<T>>(env, exports);
  define<Symv<T>>(env, exports);
  define<Trxv<T, false>>(env, exports);
  define<Trxv<T, true>>(env, exports);
  define<Gemm<T>>(env, exports);
  define<Symm<T>>(env, exports);
  define<Syrk<T>>(env, exports);
  define<Trxm<T, false>>(env, exports);
  define<Trxm<T, true>>(env, exports);
}

}  // namespace

void defineBlas(Napi::Env env, Napi::Object exports) {
  defineBlasOf<double>(env, exports);
  defineBlasOf<float>(env, exports);
}

}  // namespace polyblas
