# OpenSSL's libssl (libcrypto is found by the top level: the generator needs it anyway).
# MTLSGRID_OPENSSL_ROOT: the prefix of another OpenSSL (ci/build-stack openssl=VERSION prints
# it); the build RPATH names the prefix, so the binary runs on it, and `mtlsgrid stacks` says
# what it linked.
#  - OpenSSL 3.x: the top level finds libssl and libcrypto there, for the whole binary: two
#    libcrypto.so.3 cannot share one process, and the generator runs on any 3.x.
#  - OpenSSL 1.1.1: only this backend links it (backend_1_1.cmake: a shared object whose
#    references bind to 1.1.1's versioned symbols); the generator and everything else keep the
#    system's libcrypto 3, which can share the process since their symbol versions differ.
set(MTLSGRID_OPENSSL_ROOT "" CACHE PATH "Prefix of the OpenSSL to link instead of the system's (ci/build-stack)")
set(MG_OPENSSL_BACKEND_1_1 FALSE)
if(MTLSGRID_OPENSSL_ROOT AND EXISTS ${MTLSGRID_OPENSSL_ROOT}/include/openssl/core.h)
  get_filename_component(mg_ssl_dir "${OPENSSL_SSL_LIBRARY}" DIRECTORY)
  get_filename_component(mg_root_real "${MTLSGRID_OPENSSL_ROOT}" REALPATH)
  get_filename_component(mg_ssl_dir "${mg_ssl_dir}/.." REALPATH)
  if(NOT mg_ssl_dir STREQUAL mg_root_real)
    message(FATAL_ERROR "MTLSGRID_OPENSSL_ROOT=${MTLSGRID_OPENSSL_ROOT}, but libssl was found at "
                        "${OPENSSL_SSL_LIBRARY}: use a fresh build folder")
  endif()
  set(CMAKE_INSTALL_RPATH_USE_LINK_PATH ON)
  message(STATUS "openssl: ${OPENSSL_VERSION} from ${MTLSGRID_OPENSSL_ROOT}")
elseif(MTLSGRID_OPENSSL_ROOT)
  set(mg_ossl_version_line "")
  if(EXISTS ${MTLSGRID_OPENSSL_ROOT}/include/openssl/opensslv.h)
    file(STRINGS ${MTLSGRID_OPENSSL_ROOT}/include/openssl/opensslv.h mg_ossl_version_line
         REGEX "define +OPENSSL_VERSION_TEXT +\"OpenSSL 1\\.1\\.1")
  endif()
  find_library(MG_OPENSSL_1_1_SSL NAMES libssl.so.1.1 PATHS ${MTLSGRID_OPENSSL_ROOT}/lib
               NO_DEFAULT_PATH)
  find_library(MG_OPENSSL_1_1_CRYPTO NAMES libcrypto.so.1.1 PATHS ${MTLSGRID_OPENSSL_ROOT}/lib
               NO_DEFAULT_PATH)
  if(NOT mg_ossl_version_line OR NOT MG_OPENSSL_1_1_SSL OR NOT MG_OPENSSL_1_1_CRYPTO)
    message(FATAL_ERROR "MTLSGRID_OPENSSL_ROOT=${MTLSGRID_OPENSSL_ROOT}: neither OpenSSL 3.x "
                        "(include/openssl/core.h) nor 1.1.1 (include/openssl/opensslv.h and "
                        "lib/libssl.so.1.1) there; ci/build-stack --list names the supported versions")
  endif()
  string(REGEX MATCH "1\\.1\\.1[a-z]*" mg_ossl_version "${mg_ossl_version_line}")
  set(MG_OPENSSL_BACKEND_1_1 TRUE)
  message(STATUS "openssl: ${mg_ossl_version} from ${MTLSGRID_OPENSSL_ROOT}, for the OpenSSL "
                 "backend only (everything else keeps libcrypto ${OPENSSL_VERSION})")
endif()
if(TARGET OpenSSL::SSL OR MG_OPENSSL_BACKEND_1_1)
  set(MG_STACK_FOUND TRUE)
endif()
