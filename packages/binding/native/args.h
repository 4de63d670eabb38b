// Argument reading and memory guards shared by every kernel of the binding.
//
// Each kernel is split into parse (on the JavaScript thread: read and check every argument, throw
// Napi::TypeError / Napi::RangeError) and run (plain C++ on raw pointers, no Node-API), so an
// asynchronous form can parse on the main thread and run on a worker without a second copy.
#ifndef POLYBLAS_ARGS_H
#define POLYBLAS_ARGS_H

#include <napi.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <type_traits>

#include "blas_lapack.h"

namespace polyblas {

/** The typed-array kind holding elements of T. */
template <typename T>
constexpr napi_typedarray_type kTypedArrayOf =
    std::is_same<T, double>::value ? napi_float64_array
                                   : (std::is_same<T, float>::value ? napi_float32_array : napi_int32_array);

template <typename T>
constexpr const char* kTypedArrayName =
    std::is_same<T, double>::value ? "Float64Array" : (std::is_same<T, float>::value ? "Float32Array" : "Int32Array");

/** A typed array's elements: the caller's memory, not a copy. */
template <typename T>
struct Span {
  T* data = nullptr;
  int64_t length = 0;
  bool detached = false;
};

/** Reads one call's arguments; every failure names the routine and the argument. */
class Args {
 public:
  Args(const Napi::CallbackInfo& info, const char* routine, size_t count) : info_(info), routine_(routine) {
    if (info.Length() != count) {
      throw Napi::TypeError::New(env(), prefix() + "expected " + std::to_string(count) + " arguments, got " +
                                            std::to_string(info.Length()));
    }
  }

  Napi::Env env() const { return info_.Env(); }
  std::string prefix() const { return std::string(routine_) + ": "; }

  [[noreturn]] void typeError(const std::string& message) const {
    throw Napi::TypeError::New(env(), prefix() + message);
  }
  [[noreturn]] void rangeError(const std::string& message) const {
    throw Napi::RangeError::New(env(), prefix() + message);
  }

  /** A number with an integer value that fits the library's integer (32 bits here). */
  int64_t integer(size_t i, const char* name, int64_t lo, int64_t hi) const {
    Napi::Value v = info_[i];
    if (!v.IsNumber()) typeError(std::string(name) + " must be a number");
    double d = v.As<Napi::Number>().DoubleValue();
    if (!std::isfinite(d) || std::floor(d) != d) typeError(std::string(name) + " must be an integer, got " + show(d));
    if (d < static_cast<double>(lo) || d > static_cast<double>(hi)) {
      rangeError(std::string(name) + " must be in [" + std::to_string(lo) + ", " + std::to_string(hi) + "], got " +
                 show(d));
    }
    return static_cast<int64_t>(d);
  }

  /** A dimension: 0 .. 2^31 - 1. */
  pb_int dim(size_t i, const char* name) const { return static_cast<pb_int>(integer(i, name, 0, INT32_MAX)); }
  /** A stride or leading dimension in elements: |s| < 2^31. */
  pb_int stride(size_t i, const char* name) const {
    return static_cast<pb_int>(integer(i, name, -INT32_MAX, INT32_MAX));
  }
  /** An offset into a typed array: 0 .. 2^53. */
  int64_t offset(size_t i, const char* name) const { return integer(i, name, 0, int64_t(1) << 53); }

  double scalar(size_t i, const char* name) const {
    Napi::Value v = info_[i];
    if (!v.IsNumber()) typeError(std::string(name) + " must be a number");
    return v.As<Napi::Number>().DoubleValue();
  }

  /** A one-letter option such as 'N' or 'T', one of `allowed`. */
  char option(size_t i, const char* name, const char* allowed) const {
    Napi::Value v = info_[i];
    char buffer[4] = {0, 0, 0, 0};
    size_t length = 0;
    if (v.IsString()) napi_get_value_string_utf8(env(), v, buffer, sizeof buffer, &length);
    if (!v.IsString() || length != 1 || std::strchr(allowed, buffer[0]) == nullptr) {
      std::string list;
      for (const char* c = allowed; *c; ++c) list += std::string(list.empty() ? "'" : ", '") + *c + "'";
      typeError(std::string(name) + " must be one of " + list);
    }
    return buffer[0];
  }

  /** A typed array of exactly the element type T (Float64Array for d, Float32Array for s, Int32Array). */
  template <typename T>
  Span<T> array(size_t i, const char* name) const {
    napi_value v = info_[i];
    bool isTyped = false;
    napi_typedarray_type type = napi_int8_array;
    size_t length = 0;
    void* data = nullptr;
    napi_value buffer = nullptr;
    size_t byteOffset = 0;
    if (napi_is_typedarray(env(), v, &isTyped) != napi_ok || !isTyped ||
        napi_get_typedarray_info(env(), v, &type, &length, &data, &buffer, &byteOffset) != napi_ok ||
        type != kTypedArrayOf<T>) {
      typeError(std::string(name) + " must be a " + kTypedArrayName<T>);
    }
    Span<T> span;
    span.length = static_cast<int64_t>(length);
    span.data = length > 0 ? static_cast<T*>(data) : nullptr;
    if (length == 0) {
      bool detached = false;
      if (napi_is_detached_arraybuffer(env(), buffer, &detached) == napi_ok) span.detached = detached;
    }
    return span;
  }

  /** Throws unless indices lo..hi (inclusive) lie inside the array; "what" describes the view. */
  template <typename T>
  void inside(const Span<T>& span, const char* name, int64_t lo, int64_t hi, const std::string& what) const {
    if (lo >= 0 && hi < span.length) return;
    if (span.detached) rangeError(std::string(name) + " is detached (its ArrayBuffer was transferred)");
    rangeError(what + " reaches index " + std::to_string(lo < 0 ? lo : hi) + ", outside " + name + " (length " +
               std::to_string(span.length) + ")");
  }

  /** Guards the n elements x[offset + i*stride]. */
  template <typename T>
  void vector(const Span<T>& x, const char* name, int64_t n, int64_t stride, int64_t offset) const {
    if (n <= 0) return;
    int64_t last = offset + (n - 1) * stride;
    inside(x, name, std::min(offset, last), std::max(offset, last),
           std::string(name) + " (" + std::to_string(n) + " elements, stride " + std::to_string(stride) +
               ", offset " + std::to_string(offset) + ")");
  }

  /** Guards the rows x cols elements A[offset + i*s1 + j*s2]. */
  template <typename T>
  void matrix(const Span<T>& a, const char* name, int64_t rows, int64_t cols, int64_t s1, int64_t s2,
              int64_t offset) const {
    if (rows <= 0 || cols <= 0) return;
    int64_t lo = offset + std::min<int64_t>(0, (rows - 1) * s1) + std::min<int64_t>(0, (cols - 1) * s2);
    int64_t hi = offset + std::max<int64_t>(0, (rows - 1) * s1) + std::max<int64_t>(0, (cols - 1) * s2);
    inside(a, name, lo, hi,
           std::string(name) + " (" + std::to_string(rows) + "x" + std::to_string(cols) + ", strides " +
               std::to_string(s1) + ", " + std::to_string(s2) + ", offset " + std::to_string(offset) + ")");
  }

  /** Guards a column-major rows x cols matrix with leading dimension ld (LAPACK form). */
  template <typename T>
  void columnMajor(const Span<T>& a, const char* name, int64_t rows, int64_t cols, int64_t ld, const char* ldName,
                   int64_t offset) const {
    if (ld < std::max<int64_t>(1, rows)) {
      rangeError(std::string(ldName) + " must be at least max(1, " + std::to_string(rows) + "), got " +
                 std::to_string(ld));
    }
    matrix(a, name, rows, cols, 1, ld, offset);
  }

 private:
  static std::string show(double d) {
    if (std::isnan(d)) return "NaN";
    if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.17g", d);
    return buffer;
  }

  const Napi::CallbackInfo& info_;
  const char* routine_;
};

/** p, or `local` when the array holds no elements (the library never reads it then, but wants a pointer). */
template <typename T>
T* orLocal(T* p, T* local) {
  return p ? p : local;
}

}  // namespace polyblas

#endif  // POLYBLAS_ARGS_H
