# OpenSSL's fuzz entry points (fuzz/stack_entries.cmake; openssl_fuzz.h declares them). Each is a
# target of fuzz/targets.list: x509_openssl, crl_openssl, ..., and OpenSSL's view in x509_diff.
mg_fuzz_stack(openssl ENTRIES x509 crl ocsp pkcs12 flight credential view)
