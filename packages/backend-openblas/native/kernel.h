// How a kernel becomes a JavaScript function: parse on the calling thread, run on raw pointers.
//
// A kernel is a class with
//   static constexpr const char* kName;        the contract's name ("dgemm")
//   static constexpr bool kReturnsValue;       false: the function returns undefined
//   explicit Kernel(const Napi::CallbackInfo&) reads and guards every argument (may throw)
//   double run()                               the computation; no Node-API calls, may throw
//                                              std::bad_alloc for workspace
// Sync<K> is the synchronous form. An asynchronous form can construct K on the main thread, keep
// references to the arguments, call run() in AsyncWorker::Execute and settle a promise with the
// same result, without touching the kernels.
#ifndef POLYBLAS_KERNEL_H
#define POLYBLAS_KERNEL_H

#include <napi.h>

#include <exception>
#include <new>
#include <string>

namespace polyblas {

/** The result of run() as a JavaScript value. */
template <typename K>
Napi::Value resultOf(Napi::Env env, double value) {
  if (!K::kReturnsValue) return env.Undefined();
  return Napi::Number::New(env, value);
}

template <typename K>
Napi::Value Sync(const Napi::CallbackInfo& info) {
  try {
    K kernel(info);
    return resultOf<K>(info.Env(), kernel.run());
  } catch (const Napi::Error&) {
    throw;
  } catch (const std::bad_alloc&) {
    throw Napi::RangeError::New(info.Env(), std::string(K::kName) + ": out of memory for workspace");
  } catch (const std::exception& e) {
    throw Napi::Error::New(info.Env(), std::string(K::kName) + ": " + e.what());
  }
}

template <typename K>
void define(Napi::Env env, Napi::Object exports) {
  exports.Set(K::kName, Napi::Function::New(env, Sync<K>, K::kName));
}

/** "d" + name for double, "s" + name for float, as a compile-time choice between two literals. */
template <typename T>
constexpr const char* pick(const char* forDouble, const char* forFloat) {
  return sizeof(T) == sizeof(double) ? forDouble : forFloat;
}

void defineBlas(Napi::Env env, Napi::Object exports);
void defineLapack(Napi::Env env, Napi::Object exports);

}  // namespace polyblas

#endif  // POLYBLAS_KERNEL_H
