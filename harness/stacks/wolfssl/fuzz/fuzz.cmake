# wolfSSL's fuzz entry points (fuzz/stack_entries.cmake; wolfssl_fuzz.h declares them). Each is
# a target of fuzz/targets.list: x509_wolfssl, crl_wolfssl, pkcs12_wolfssl, credential_wolfssl,
# flight_wolfssl, and wolfSSL's view in x509_diff. The flight's deterministic server runs on a
# crypto-callback device (pinned_rand_wolfssl.h): Debian's build has no RNG seed hook.
mg_fuzz_stack(wolfssl ENTRIES x509 crl pkcs12 credential flight view)
