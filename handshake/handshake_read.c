/* The credential reader's results moved onto handshake's stacks, and its messages prefixed with
 * the flag that named the file. */
#include "handshake_read.h"

#include "credential_read.h"

#include <stdio.h>

/* "--client-cert: " before the reader's message, which names the file and the line. */
static MG_RESULT for_flag(mg_result r, const char *flag)
{
    if (mg_ok(r)) return r;
    char message[1024];
    snprintf(message, sizeof message, "%s", mg_error_message());
    return mg_fail(r.kind, "--%s: %s", flag, message);
}

mg_result mg_hs_read_certs(const char *flag, const char *path, STACK_OF(X509) *out)
{
    STACK_OF(X509) *certs = NULL;
    MG_GUARD(for_flag(mg_credential_read_certs(path, &certs), flag));
    mg_result r = MG_OK;
    while (sk_X509_num(certs) > 0) {
        X509 *x = sk_X509_shift(certs);
        if (!sk_X509_push(out, x)) {
            X509_free(x);
            r = mg_fail(MG_E_INTERNAL, "out of memory");
        }
    }
    sk_X509_pop_free(certs, X509_free);
    return r;
}

mg_result mg_hs_read_crls(const char *flag, const char *path, STACK_OF(X509_CRL) *out)
{
    STACK_OF(X509_CRL) *crls = NULL;
    MG_GUARD(for_flag(mg_credential_read_crls(path, &crls), flag));
    mg_result r = MG_OK;
    while (sk_X509_CRL_num(crls) > 0) {
        X509_CRL *c = sk_X509_CRL_shift(crls);
        if (!sk_X509_CRL_push(out, c)) {
            X509_CRL_free(c);
            r = mg_fail(MG_E_INTERNAL, "out of memory");
        }
    }
    sk_X509_CRL_pop_free(crls, X509_CRL_free);
    return r;
}

mg_result mg_hs_read_key(const char *flag, const char *path, EVP_PKEY **out)
{
    return for_flag(mg_credential_read_key(path, out), flag);
}

mg_result mg_hs_read_own_key(const char *key_flag, const char *key_path, const char *cert_flag,
                             const char *cert_path, const char *password, EVP_PKEY **out)
{
    if (key_path)
        return for_flag(mg_credential_read_key_password(key_path, password, out), key_flag);
    mg_result r = mg_credential_read_key_password(cert_path, password, out);
    if (mg_ok(r) || r.kind == MG_E_IO) return for_flag(r, cert_flag);
    char message[1024];
    snprintf(message, sizeof message, "%s", mg_error_message());
    return mg_fail(r.kind, "--%s %s holds no private key it can give (%s): give --%s F", cert_flag,
                   cert_path, message, key_flag);
}

mg_result mg_hs_read_p12(const char *flag, const char *path, const char *password,
                         EVP_PKEY **key, X509 **leaf, STACK_OF(X509) **chain)
{
    MG_ENSURE(password, MG_E_USAGE, "--%s %s: --p12-password P is required", flag, path);
    return for_flag(mg_credential_read_p12(path, password, key, leaf, chain), flag);
}
