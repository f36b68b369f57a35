# OpenSSL from the instrumented prefix (fuzz/stacks/stacks.cmake): libssl, libcrypto and the
# headers must all come from there.
mg_fuzz_require_instrumented(OPENSSL_SSL_LIBRARY OPENSSL_CRYPTO_LIBRARY)
if(NOT OPENSSL_INCLUDE_DIR STREQUAL "${MG_FUZZ_STACKS_PREFIX}/include")
  message(FATAL_ERROR "OpenSSL's headers come from ${OPENSSL_INCLUDE_DIR}, not "
                      "${MG_FUZZ_STACKS_PREFIX}/include: " ${MG_FUZZ_STACKS_HINT})
endif()
