// The polyblas native binding: module entry point, library description and thread control.
//
// One set of sources serves every CBLAS + Fortran-LAPACK library; "blas_lapack.h", first on the
// include path, is the only library-specific part. The module keeps no mutable static state, so
// it loads in the main thread and in any number of worker_threads at once (each environment gets
// its own exports; the library's own state, such as its thread count, is per process).
#include <napi.h>

#include <string>

#include "blas_lapack.h"
#include "kernel.h"

namespace polyblas {
namespace {

/** Threads one call uses, or null where the library does not say. */
Napi::Value threadCount(Napi::Env env) {
  const int threads = pb_library_get_threads();
  return threads > 0 ? Napi::Number::New(env, threads) : env.Null();
}

/** libraryInfo(): { library, version, config, coreType, threads, integerWidth, threading, interface }. */
Napi::Value LibraryInfo(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Napi::Object out = Napi::Object::New(env);
  out.Set("library", pb_library_name());
  out.Set("version", pb_library_version());
  out.Set("config", pb_library_config());
  out.Set("coreType", pb_library_core());
  out.Set("threads", threadCount(env));
  out.Set("integerWidth", PB_INTEGER_WIDTH);
  out.Set("threading", pb_library_threading());
  out.Set("interface", pb_library_interface());
  return out;
}

Napi::Value GetNumThreads(const Napi::CallbackInfo& info) { return threadCount(info.Env()); }

Napi::Value CanSetThreads(const Napi::CallbackInfo& info) {
  return Napi::Boolean::New(info.Env(), pb_library_can_set_threads());
}

Napi::Value SetNumThreads(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!pb_library_can_set_threads()) {
    throw Napi::Error::New(env, std::string("setNumThreads: ") + pb_library_name() + " has no thread-count control");
  }
  if (info.Length() != 1 || !info[0].IsNumber()) {
    throw Napi::TypeError::New(env, "setNumThreads: expected one number");
  }
  double n = info[0].As<Napi::Number>().DoubleValue();
  if (!(n >= 1 && n <= 1024) || n != static_cast<double>(static_cast<int>(n))) {
    throw Napi::RangeError::New(env, "setNumThreads: a positive integer (at most 1024) expected");
  }
  pb_library_set_threads(static_cast<int>(n));
  return env.Undefined();
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("async", Napi::Object::New(env));
  defineBlas(env, exports);
  defineLapack(env, exports);
  exports.Set("libraryInfo", Napi::Function::New(env, LibraryInfo, "libraryInfo"));
  exports.Set("getNumThreads", Napi::Function::New(env, GetNumThreads, "getNumThreads"));
  exports.Set("canSetThreads", Napi::Function::New(env, CanSetThreads, "canSetThreads"));
  exports.Set("setNumThreads", Napi::Function::New(env, SetNumThreads, "setNumThreads"));
  return exports;
}

}  // namespace
}  // namespace polyblas

// NAPI_MODULE_INIT underneath: the module is initialised once per environment (context-aware).
static Napi::Object InitPolyblas(Napi::Env env, Napi::Object exports) { return polyblas::Init(env, exports); }
NODE_API_MODULE(NODE_GYP_MODULE_NAME, InitPolyblas)
