# NSS's fuzz entry points (fuzz/stack_entries.cmake; nss_fuzz.h declares them). Each is a
# target of fuzz/targets.list: x509_nss, crl_nss, pkcs12_nss, credential_nss, and NSS's view in
# x509_diff. No flight entry: NSS's server cannot be made deterministic from outside
# (fuzz/README.md, "NSS").
mg_fuzz_stack(nss ENTRIES x509 crl pkcs12 credential view)
