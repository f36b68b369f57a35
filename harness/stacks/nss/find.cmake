# NSS (Debian's libnss3-dev, with NSPR), through pkg-config.
pkg_check_modules(NSS QUIET IMPORTED_TARGET GLOBAL nss>=3.80)
if(NSS_FOUND)
  set(MG_STACK_FOUND TRUE)
endif()
