# Instrumented stacks (included by fuzz/CMakeLists.txt). MTLSGRID_FUZZ_STACKS names the
# prefix where ci/build-instrumented-stacks (or .clusterfuzzlite/build.sh) installed static,
# sanitizer- and coverage-instrumented OpenSSL, GnuTLS and libtasn1. The top level finds
# them there when configured with -DCMAKE_PREFIX_PATH=PREFIX -DOPENSSL_USE_STATIC_LIBS=TRUE
# (its find_package(OpenSSL) and pkg_check_modules(GNUTLS) run before this folder is read);
# this file checks that they did, so that a fuzz build never links the system's libraries
# while claiming the instrumented ones, and adds what a static libgnutls.a needs.
set(MTLSGRID_FUZZ_STACKS "" CACHE PATH
    "Prefix of instrumented static OpenSSL, GnuTLS and libtasn1 (empty: the system libraries)")
if(NOT MTLSGRID_FUZZ_STACKS)
  return()
endif()
if(NOT MTLSGRID_FUZZ)
  message(FATAL_ERROR "MTLSGRID_FUZZ_STACKS is for the libFuzzer build (-DMTLSGRID_FUZZ=ON)")
endif()

set(stacks ${MTLSGRID_FUZZ_STACKS})
set(configure_hint "configure with -DCMAKE_PREFIX_PATH=${stacks} -DOPENSSL_USE_STATIC_LIBS=TRUE "
                   "in a fresh build folder")
foreach(found OPENSSL_SSL_LIBRARY OPENSSL_CRYPTO_LIBRARY GNUTLS_LINK_LIBRARIES)
  if(NOT "${${found}}" MATCHES "^${stacks}/lib/[^;]*\\.a$")
    message(FATAL_ERROR "MTLSGRID_FUZZ_STACKS=${stacks}, but ${found} is '${${found}}', not a "
                        "static library there: " ${configure_hint})
  endif()
endforeach()
if(NOT OPENSSL_INCLUDE_DIR STREQUAL "${stacks}/include")
  message(FATAL_ERROR "OpenSSL's headers come from ${OPENSSL_INCLUDE_DIR}, not ${stacks}/include: "
                      ${configure_hint})
endif()

# gnutls.pc: Requires.private (libtasn1 from the prefix, static; nettle, hogweed and libidn2
# from the system, shared) and Libs.private (gmp, unistring, atomic). libtasn1 is looked up
# apart: through pkg-config, the system's folder would be searched first.
find_library(MG_FUZZ_TASN1 NAMES libtasn1.a PATHS ${stacks}/lib NO_DEFAULT_PATH REQUIRED)
pkg_check_modules(MG_FUZZ_GNUTLS_PRIVATE REQUIRED nettle hogweed libidn2)
find_library(MG_FUZZ_GMP gmp REQUIRED)
find_library(MG_FUZZ_UNISTRING unistring REQUIRED)
set_property(TARGET PkgConfig::GNUTLS APPEND PROPERTY INTERFACE_LINK_LIBRARIES
             ${MG_FUZZ_TASN1} ${MG_FUZZ_GNUTLS_PRIVATE_LINK_LIBRARIES} ${MG_FUZZ_GMP}
             ${MG_FUZZ_UNISTRING} atomic Threads::Threads)
message(STATUS "Fuzz targets link the instrumented stacks in ${stacks}")
