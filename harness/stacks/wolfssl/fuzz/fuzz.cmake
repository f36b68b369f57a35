# wolfSSL's fuzz entry points (fuzz/stack_entries.cmake; wolfssl_fuzz.h declares them). Each is
# a target of fuzz/targets.list: x509_wolfssl, crl_wolfssl, pkcs12_wolfssl, credential_wolfssl, and wolfSSL's view in x509_diff.
# No flight entry yet: wolfSSL 5.5.4's generator seeds from /dev/urandom with no hook in
# Debian's build (no WC_RNG_SEED_CB), so a recorded flight cannot be replayed.
mg_fuzz_stack(wolfssl ENTRIES x509 crl pkcs12 credential view)
