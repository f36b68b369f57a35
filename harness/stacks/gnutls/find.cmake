# MTLSGRID_GNUTLS_ROOT: the prefix of another GnuTLS (ci/build-stack gnutls=VERSION prints
# it), found through its pkg-config file before the system's; the imported target names the
# library by its path there, so the build RPATH points at it.
set(MTLSGRID_GNUTLS_ROOT "" CACHE PATH "Prefix of the GnuTLS to link instead of the system's (ci/build-stack)")
if(MTLSGRID_GNUTLS_ROOT)
  if(NOT EXISTS ${MTLSGRID_GNUTLS_ROOT}/lib/pkgconfig/gnutls.pc)
    message(FATAL_ERROR "MTLSGRID_GNUTLS_ROOT=${MTLSGRID_GNUTLS_ROOT}: no lib/pkgconfig/gnutls.pc "
                        "there; ci/build-stack gnutls=VERSION builds one")
  endif()
  set(ENV{PKG_CONFIG_PATH} "${MTLSGRID_GNUTLS_ROOT}/lib/pkgconfig:$ENV{PKG_CONFIG_PATH}")
endif()
pkg_check_modules(GNUTLS QUIET IMPORTED_TARGET GLOBAL gnutls>=3.7)
if(GNUTLS_FOUND)
  if(MTLSGRID_GNUTLS_ROOT)
    set(CMAKE_INSTALL_RPATH_USE_LINK_PATH ON)
    message(STATUS "gnutls: ${GNUTLS_VERSION} from ${GNUTLS_PREFIX}")
  endif()
  set(MG_STACK_FOUND TRUE)
endif()
