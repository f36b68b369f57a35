# wolfSSL (Debian's libwolfssl-dev), through pkg-config.
pkg_check_modules(WOLFSSL QUIET IMPORTED_TARGET GLOBAL wolfssl>=5.5)
if(WOLFSSL_FOUND)
  set(MG_STACK_FOUND TRUE)
endif()
