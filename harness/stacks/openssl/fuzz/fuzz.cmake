# OpenSSL's fuzz entry points (fuzz/stack_entries.cmake; openssl_fuzz.h declares them). Each is a
# target of fuzz/targets.list: x509_openssl, crl_openssl, ..., and OpenSSL's view in x509_diff.
# Not on OpenSSL 1.1.1 (MTLSGRID_OPENSSL_ROOT): they read 3.0's APIs, and the backend is a
# shared object there that exports only its stack table (backend_1_1.cmake).
if(MG_OPENSSL_BACKEND_1_1)
  message(STATUS "fuzz: no OpenSSL entry points on OpenSSL 1.1.1 (they use 3.0's APIs)")
  return()
endif()
mg_fuzz_stack(openssl ENTRIES x509 crl ocsp pkcs12 flight credential view)
