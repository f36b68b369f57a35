# wolfSSL (Debian's libwolfssl-dev), through pkg-config.
# MTLSGRID_WOLFSSL_ROOT: the prefix of another wolfSSL (ci/build-stack wolfssl=VERSION prints
# it), found through its pkg-config file before the system's; the imported target names the
# shared library by its path there, so the build RPATH points at it, and the headers
# (options.h included: that build's feature macros) come from there too.
set(MTLSGRID_WOLFSSL_ROOT "" CACHE PATH "Prefix of the wolfSSL to link instead of the system's (ci/build-stack)")
if(MTLSGRID_WOLFSSL_ROOT)
  if(NOT EXISTS ${MTLSGRID_WOLFSSL_ROOT}/lib/pkgconfig/wolfssl.pc
     OR NOT EXISTS ${MTLSGRID_WOLFSSL_ROOT}/include/wolfssl/options.h)
    message(FATAL_ERROR "MTLSGRID_WOLFSSL_ROOT=${MTLSGRID_WOLFSSL_ROOT}: no lib/pkgconfig/wolfssl.pc "
                        "and include/wolfssl/options.h there; ci/build-stack wolfssl=VERSION builds one")
  endif()
  set(ENV{PKG_CONFIG_PATH} "${MTLSGRID_WOLFSSL_ROOT}/lib/pkgconfig:$ENV{PKG_CONFIG_PATH}")
endif()
pkg_check_modules(WOLFSSL QUIET IMPORTED_TARGET GLOBAL wolfssl>=5.5)
if(WOLFSSL_FOUND)
  if(MTLSGRID_WOLFSSL_ROOT)
    get_filename_component(mg_wolf_root "${MTLSGRID_WOLFSSL_ROOT}" REALPATH)
    get_filename_component(mg_wolf_found "${WOLFSSL_PREFIX}" REALPATH)
    if(NOT mg_wolf_found STREQUAL mg_wolf_root)
      message(FATAL_ERROR "MTLSGRID_WOLFSSL_ROOT=${MTLSGRID_WOLFSSL_ROOT}, but wolfSSL was found at "
                          "${WOLFSSL_PREFIX}: use a fresh build folder")
    endif()
    set(CMAKE_INSTALL_RPATH_USE_LINK_PATH ON)
    message(STATUS "wolfssl: ${WOLFSSL_VERSION} from ${WOLFSSL_PREFIX}")
  endif()
  set(MG_STACK_FOUND TRUE)
endif()
