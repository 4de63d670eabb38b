# The polyblas native binding as a CMake function, for a backend package's CMakeLists.txt:
#
#   include(${POLYBLAS_BINDING_DIR}/cmake/PolyblasBinding.cmake)
#   polyblas_add_binding(polyblas_openblas
#     HEADER_DIR  ${CMAKE_CURRENT_SOURCE_DIR}/native/openblas   # holds this library's blas_lapack.h
#     LIBS        ${PB_OPENBLAS_LIBRARIES}                      # what to link
#     DEFINITIONS SOME_FLAG=1                                   # optional, for the header
#     INCLUDE_DIRS /extra/include                               # optional, searched after HEADER_DIR
#     SOURCES     extra.cc)                                     # optional, compiled into the addon
#
# The sources in ../native are library-neutral and include "blas_lapack.h" by name; HEADER_DIR comes
# first on the include path, so that name resolves to the backend's own header. Every backend builds
# the same sources: they differ in that header and in what they link, never in copied code.
include_guard(GLOBAL)

set(POLYBLAS_BINDING_NATIVE_DIR "${CMAKE_CURRENT_LIST_DIR}/../native")
get_filename_component(POLYBLAS_BINDING_NATIVE_DIR "${POLYBLAS_BINDING_NATIVE_DIR}" ABSOLUTE)

# node-addon-api: given by the install script, else resolved from this package (its dependency).
if(NOT NODE_ADDON_API_DIR)
  execute_process(
    COMMAND node -p "require('path').dirname(require.resolve('node-addon-api/package.json'))"
    WORKING_DIRECTORY "${CMAKE_CURRENT_LIST_DIR}"
    OUTPUT_VARIABLE NODE_ADDON_API_DIR
    OUTPUT_STRIP_TRAILING_WHITESPACE)
endif()
if(NOT EXISTS "${NODE_ADDON_API_DIR}/napi.h")
  message(FATAL_ERROR "POLYBLAS: node-addon-api not found (looked in '${NODE_ADDON_API_DIR}')")
endif()

function(polyblas_add_binding target)
  cmake_parse_arguments(PB "" "HEADER_DIR" "LIBS;DEFINITIONS;INCLUDE_DIRS;SOURCES" ${ARGN})
  if(NOT PB_HEADER_DIR OR NOT EXISTS "${PB_HEADER_DIR}/blas_lapack.h")
    message(FATAL_ERROR "POLYBLAS: polyblas_add_binding(${target}) needs HEADER_DIR holding blas_lapack.h")
  endif()
  set(native "${POLYBLAS_BINDING_NATIVE_DIR}")
  add_library(${target} SHARED
    ${native}/binding.cc ${native}/blas.cc ${native}/lapack.cc ${PB_SOURCES} ${CMAKE_JS_SRC})
  set_target_properties(${target} PROPERTIES PREFIX "" SUFFIX ".node"
    CXX_STANDARD 17 CXX_STANDARD_REQUIRED ON
    CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON)
  # The library header first, so "blas_lapack.h" resolves to the backend's own.
  target_include_directories(${target} PRIVATE
    ${PB_HEADER_DIR} ${PB_INCLUDE_DIRS} ${native} ${NODE_ADDON_API_DIR} ${CMAKE_JS_INC})
  target_compile_definitions(${target} PRIVATE
    NAPI_VERSION=8 NAPI_CPP_EXCEPTIONS NODE_ADDON_API_DISABLE_DEPRECATED NODE_GYP_MODULE_NAME=${target}
    ${PB_DEFINITIONS})
  target_compile_options(${target} PRIVATE -fexceptions -Wall -Wextra -Wno-unused-parameter)
  target_link_libraries(${target} PRIVATE ${PB_LIBS} ${CMAKE_JS_LIB})
  if(MSVC AND CMAKE_JS_NODELIB_DEF AND CMAKE_JS_NODELIB_TARGET)
    execute_process(COMMAND ${CMAKE_AR} /def:${CMAKE_JS_NODELIB_DEF} /out:${CMAKE_JS_NODELIB_TARGET} ${CMAKE_STATIC_LINKER_FLAGS})
  endif()
endfunction()
