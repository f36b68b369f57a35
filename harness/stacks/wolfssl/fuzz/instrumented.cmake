# wolfSSL from the instrumented prefix (fuzz/stacks/stacks.cmake): libwolfssl.a and its headers,
# options.h included (the build's feature macros: the system's would describe another build),
# must come from there. wolfssl.pc names no private libraries; the static library needs libm
# and the threads library.
mg_fuzz_require_instrumented(WOLFSSL_LINK_LIBRARIES)
if(NOT "${MG_FUZZ_STACKS_PREFIX}/include" IN_LIST WOLFSSL_INCLUDE_DIRS)
  message(FATAL_ERROR "wolfSSL's headers come from '${WOLFSSL_INCLUDE_DIRS}', not "
                      "${MG_FUZZ_STACKS_PREFIX}/include: " ${MG_FUZZ_STACKS_HINT})
endif()
if(NOT EXISTS "${MG_FUZZ_STACKS_PREFIX}/include/wolfssl/options.h")
  message(FATAL_ERROR "${MG_FUZZ_STACKS_PREFIX} has no wolfssl/options.h: rebuild it with "
                      "ci/build-instrumented-stacks")
endif()
find_package(Threads REQUIRED)
set_property(TARGET PkgConfig::WOLFSSL APPEND PROPERTY INTERFACE_LINK_LIBRARIES m
             Threads::Threads)
