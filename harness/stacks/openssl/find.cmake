# OpenSSL's libssl (libcrypto is found by the top level: the generator needs it anyway).
# MTLSGRID_OPENSSL_ROOT: the prefix of another OpenSSL (ci/build-stack openssl=VERSION prints
# it). The top level then finds libssl and libcrypto there, for the whole binary: two
# libcrypto.so.3 cannot share one process, and the generator runs on any 3.x. The build
# RPATH names the prefix, so the binary runs on it; `mtlsgrid stacks` says what it linked.
set(MTLSGRID_OPENSSL_ROOT "" CACHE PATH "Prefix of the OpenSSL to link instead of the system's (ci/build-stack)")
if(MTLSGRID_OPENSSL_ROOT)
  if(NOT EXISTS ${MTLSGRID_OPENSSL_ROOT}/include/openssl/core.h)
    message(FATAL_ERROR "MTLSGRID_OPENSSL_ROOT=${MTLSGRID_OPENSSL_ROOT}: no OpenSSL 3.x there "
                        "(include/openssl/core.h); ci/build-stack --list names the supported versions")
  endif()
  get_filename_component(mg_ssl_dir "${OPENSSL_SSL_LIBRARY}" DIRECTORY)
  get_filename_component(mg_root_real "${MTLSGRID_OPENSSL_ROOT}" REALPATH)
  get_filename_component(mg_ssl_dir "${mg_ssl_dir}/.." REALPATH)
  if(NOT mg_ssl_dir STREQUAL mg_root_real)
    message(FATAL_ERROR "MTLSGRID_OPENSSL_ROOT=${MTLSGRID_OPENSSL_ROOT}, but libssl was found at "
                        "${OPENSSL_SSL_LIBRARY}: use a fresh build folder")
  endif()
  set(CMAKE_INSTALL_RPATH_USE_LINK_PATH ON)
  message(STATUS "openssl: ${OPENSSL_VERSION} from ${MTLSGRID_OPENSSL_ROOT}")
endif()
if(TARGET OpenSSL::SSL)
  set(MG_STACK_FOUND TRUE)
endif()
