/* What a side sees when OpenSSL's security level refuses its own credential (`handshake`
 * keeps the system's policy for the user's files): OpenSSL's reason, and the lines curl 7.88
 * and nginx 1.22 on OpenSSL 3.0 print for it, as they printed them here (tests/test_fidelity.py
 * runs both and compares). */
#include "stack.h"

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <stdio.h>

static bool is_policy_refusal(unsigned long err)
{
    int reason = ERR_GET_REASON(err);
    return ERR_GET_LIB(err) == ERR_LIB_SSL &&
           (reason == SSL_R_EE_KEY_TOO_SMALL || reason == SSL_R_CA_KEY_TOO_SMALL ||
            reason == SSL_R_CA_MD_TOO_WEAK);
}

bool mg_ossl_own_refusal_words(long native_code, bool as_client, bool p12, const char *file,
                               char *buf, size_t len)
{
    unsigned long err = (unsigned long)native_code;
    if (!is_policy_refusal(err)) return false;
    char error[256];
    ERR_error_string_n(err, error, sizeof error); /* "error:0A00018F:SSL routines::ee key..." */
    const char *words = ERR_reason_error_string(err);
    if (as_client && p12)
        snprintf(buf, len,
                 "%s (curl: \"(58) could not load PKCS12 client certificate, OpenSSL error %s\")",
                 words, error);
    else if (as_client)
        snprintf(buf, len,
                 "%s (curl: \"(58) could not load PEM client certificate from %s, OpenSSL error "
                 "%s, (no key found, wrong pass phrase, or wrong file format?)\")",
                 words, file, error);
    else /* nginx names the call that refused: the leaf's, or a CA's of the chain */
        snprintf(buf, len, "%s (nginx -t: %s(\"%s\") failed (SSL: %s))", words,
                 ERR_GET_REASON(err) == SSL_R_CA_KEY_TOO_SMALL ? "SSL_CTX_add0_chain_cert"
                                                               : "SSL_CTX_use_certificate",
                 file, error);
    return true;
}
