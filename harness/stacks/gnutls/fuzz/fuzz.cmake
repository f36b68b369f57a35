# GnuTLS's fuzz entry points (fuzz/stack_entries.cmake; gnutls_fuzz.h declares them). Each is a
# target of fuzz/targets.list: x509_gnutls, crl_gnutls, ..., and GnuTLS's view in x509_diff.
mg_fuzz_stack(gnutls ENTRIES x509 crl ocsp pkcs12 flight credential view)
