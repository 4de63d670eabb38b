// The library-specific half of the binding, for Apple Accelerate. Everything else is the shared
// sources of @polyblas/binding, the same ones backend-openblas builds (see that package's header
// for what this one must provide).
//
// Declarations come from Apple's own <Accelerate/Accelerate.h>, never from here: a prototype that
// disagreed with the library would be a compile error, not a wrong call.
//
// Interfaces:
//   - the new LAPACK interface (default; macOS 13.3+): ACCELERATE_NEW_LAPACK selects Apple's current
//     CBLAS and LAPACK (LAPACK 3.9.1 or later), reached through asm-label aliases ("dgesdd_" binds
//     the symbol "dgesdd$NEWLAPACK"). No hidden Fortran string lengths.
//   - the older CLAPACK interface (PB_ACCELERATE_CLAPACK, chosen by CMakeLists.txt on macOS before
//     13.3): f2c-style prototypes of LAPACK 3.2.1 (2009). Its traps: its single-precision
//     *functions* (sdot_, snrm2_, slange_, slamch_, ...) return double, not float, by the f2c
//     convention; its LAPACK is old, with bugs later versions fixed. The binding calls only CBLAS
//     for BLAS and only LAPACK subroutines (which return through arguments), so the first trap
//     does not reach it; the second is why the new interface is preferred wherever it exists.
//
// Integers: LP64 (32-bit). ACCELERATE_LAPACK_ILP64 is left undefined on purpose: the contract's
// pivots and ranks are Int32Arrays that LAPACK writes in place, and every dimension the binding
// accepts fits 32 bits (it checks), so ILP64 would only add a copy of every integer array.
#ifndef POLYBLAS_BLAS_LAPACK_H
#define POLYBLAS_BLAS_LAPACK_H

#include <cstddef>
#include <string>

#if defined(__APPLE__)
#include <sys/sysctl.h>
#endif

#if defined(PB_ACCELERATE_CLAPACK)
#include <Accelerate/Accelerate.h>
typedef __CLPK_integer pb_int;
#define PB_ACCELERATE_INTERFACE "clapack"
#else
#ifndef ACCELERATE_NEW_LAPACK
#define ACCELERATE_NEW_LAPACK 1
#endif
#include <Accelerate/Accelerate.h>
typedef __LAPACK_int pb_int;
#define PB_ACCELERATE_INTERFACE "new-lapack"
#endif

static_assert(sizeof(pb_int) == 4, "the binding is built for LP64 Accelerate (32-bit integers)");
#define PB_INTEGER_WIDTH 32

// Neither interface has hidden CHARACTER-length arguments.
#define PB_STRLEN1
#define PB_STRLEN2
#define PB_STRLEN3

// ---- What the shared binding asks of the library --------------------------------------------------

#if defined(POLYBLAS_ACCELERATE_STAND_IN)
// The Linux test build (linux-test/include): Accelerate's declarations mapped onto OpenBLAS.
inline const char* pb_library_name() { return "Accelerate (Linux stand-in over OpenBLAS)"; }
#else
inline const char* pb_library_name() { return "Accelerate"; }
#endif

/** Accelerate ships with the OS and has no version of its own: the macOS version ("14.4.1"). */
inline std::string pb_library_version() {
#if defined(__APPLE__)
  char buffer[32] = {0};
  std::size_t length = sizeof buffer;
  if (sysctlbyname("kern.osproductversion", buffer, &length, nullptr, 0) == 0) return std::string(buffer);
#endif
  return std::string();
}

/** The LAPACK version the library implements, from ilaver ("3.11.0"). */
inline std::string pb_lapack_version() {
  pb_int major = 0, minor = 0, patch = 0;
  ilaver_(&major, &minor, &patch);
  return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}

/** The interface and LAPACK version, e.g. "new-lapack interface, LP64, LAPACK 3.11.0". */
inline std::string pb_library_config() {
  return std::string(PB_ACCELERATE_INTERFACE) + " interface, LP64, LAPACK " + pb_lapack_version();
}

inline std::string pb_library_core() { return std::string(); }

inline const char* pb_library_interface() { return PB_ACCELERATE_INTERFACE; }

// Threads: Accelerate chooses its own; Apple offers no portable way to set or read the count
// (macOS 15 adds only a per-thread single/multi switch, which would not reach the worker threads
// the asynchronous kernels run on). So the binding reports "unknown" and refuses to set one.
inline const char* pb_library_threading() { return "managed by Accelerate (no thread-count control)"; }
inline bool pb_library_can_set_threads() { return false; }
inline void pb_library_set_threads(int) {}
inline int pb_library_get_threads() { return 0; }

#endif  // POLYBLAS_BLAS_LAPACK_H
