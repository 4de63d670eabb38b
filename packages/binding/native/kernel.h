// How a kernel becomes a JavaScript function: parse on the calling thread, run on raw pointers.
//
// A kernel is a class with
//   static constexpr const char* kName;        the contract's name ("dgemm")
//   static constexpr bool kReturnsValue;       false: the function returns undefined
//   explicit Kernel(const Napi::CallbackInfo&) reads and guards every argument (may throw)
//   double run()                               the computation; no Node-API calls, may throw
//                                              std::bad_alloc for workspace
// Sync<K> is the synchronous form; Async<K> runs the same kernel on a worker thread and returns a
// promise. Neither knows anything about a particular kernel.
#ifndef POLYBLAS_KERNEL_H
#define POLYBLAS_KERNEL_H

#include <napi.h>

#include <exception>
#include <new>
#include <string>
#include <vector>

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

/** How a failure in run() reaches JavaScript: the same error types as the synchronous form. */
enum class Failure { None, Range, Plain };

/**
 * The asynchronous form: arguments are read and guarded on the calling thread (a bad call rejects
 * at once with the same TypeError/RangeError), run() executes on a libuv worker thread, and the
 * promise settles on the calling thread. Every object argument is referenced until then, so the
 * arrays stay alive; the caller must not detach (transfer), resize or write them meanwhile.
 */
template <typename K>
class AsyncCall : public Napi::AsyncWorker {
 public:
  AsyncCall(const Napi::CallbackInfo& info, Napi::Promise::Deferred deferred)
      : Napi::AsyncWorker(info.Env(), K::kName), deferred_(deferred), kernel_(info) {
    for (size_t i = 0; i < info.Length(); i++) {
      if (info[i].IsObject()) keep_.push_back(Napi::Persistent(info[i].As<Napi::Object>()));
    }
  }

  void Execute() override {
    try {
      result_ = kernel_.run();
    } catch (const std::bad_alloc&) {
      failure_ = Failure::Range;
      message_ = std::string(K::kName) + ": out of memory for workspace";
    } catch (const std::exception& e) {
      failure_ = Failure::Plain;
      message_ = std::string(K::kName) + ": " + e.what();
    }
  }

  void OnOK() override {
    Napi::Env env = Env();
    if (failure_ == Failure::Range) deferred_.Reject(Napi::RangeError::New(env, message_).Value());
    else if (failure_ == Failure::Plain) deferred_.Reject(Napi::Error::New(env, message_).Value());
    else deferred_.Resolve(resultOf<K>(env, result_));
  }

  void OnError(const Napi::Error& error) override { deferred_.Reject(error.Value()); }

 private:
  Napi::Promise::Deferred deferred_;
  K kernel_;
  std::vector<Napi::ObjectReference> keep_;
  double result_ = 0;
  Failure failure_ = Failure::None;
  std::string message_;
};

template <typename K>
Napi::Value Async(const Napi::CallbackInfo& info) {
  Napi::Promise::Deferred deferred = Napi::Promise::Deferred::New(info.Env());
  try {
    (new AsyncCall<K>(info, deferred))->Queue();  // deletes itself once settled
  } catch (const Napi::Error& error) {
    deferred.Reject(error.Value());
  }
  return deferred.Promise();
}

/** Defines `name` (synchronous) on exports and `name` (returning a promise) on exports.async. */
template <typename K>
void define(Napi::Env env, Napi::Object exports) {
  exports.Set(K::kName, Napi::Function::New(env, Sync<K>, K::kName));
  Napi::Value async = exports.Get("async");
  if (async.IsObject()) async.As<Napi::Object>().Set(K::kName, Napi::Function::New(env, Async<K>, K::kName));
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
