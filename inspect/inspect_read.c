/* inspect reads certificates and CRLs through the one credential reader (credentials/), so
 * its messages are handshake's: the file, the line, what is wrong. */
#include "inspect_read.h"

#include "credential_read.h"
#include "read_file.h"

#include <openssl/pkcs12.h>

#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <sys/stat.h>

/* Whether the file is a PKCS#12 bundle (.p12/.pfx): DER that parses as one. Only a regular
 * file is looked at first: reading a pipe (`<(...)`) would leave nothing for the real read. */
static bool is_pkcs12(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) return false;
    unsigned char *data = NULL;
    size_t len = 0;
    if (!mg_ok(mg_read_file_capped(path, MG_CREDENTIAL_MAX_BYTES, &data, &len))) return false;
    const unsigned char *p = data;
    PKCS12 *p12 = len <= LONG_MAX ? d2i_PKCS12(NULL, &p, (long)len) : NULL;
    bool yes = p12 != NULL && p == data + len;
    PKCS12_free(p12);
    free(data);
    return yes;
}

mg_result mg_inspect_read_file_certs(const char *path, const char *p12_password,
                                     STACK_OF(X509) **out)
{
    *out = NULL;
    if (!is_pkcs12(path)) return mg_credential_read_certs(path, out);
    MG_ENSURE(p12_password, MG_E_USAGE,
              "%s is a PKCS#12 bundle: give its password with --p12-password-file FILE, "
              "MTLSGRID_P12_PASSWORD or --p12-password", path);
    EVP_PKEY *key = NULL;
    X509 *leaf = NULL;
    STACK_OF(X509) *chain = NULL;
    MG_GUARD(mg_credential_read_p12(path, p12_password, &key, &leaf, &chain));
    EVP_PKEY_free(key);
    STACK_OF(X509) *certs = sk_X509_new_null();
    bool ok = certs && sk_X509_push(certs, leaf) > 0;
    if (!ok) X509_free(leaf);
    for (int i = 0; ok && chain && i < sk_X509_num(chain); i++) {
        X509 *c = sk_X509_value(chain, i);
        ok = X509_up_ref(c) && sk_X509_push(certs, c) > 0;
    }
    sk_X509_pop_free(chain, X509_free);
    if (!ok) {
        sk_X509_pop_free(certs, X509_free);
        return mg_fail(MG_E_INTERNAL, "out of memory");
    }
    *out = certs;
    return MG_OK;
}

mg_result mg_inspect_read_certs(const char *path, STACK_OF(X509) **out)
{
    return mg_credential_read_certs(path, out);
}

mg_result mg_inspect_read_crls(const char *path, STACK_OF(X509_CRL) **out)
{
    return mg_credential_read_crls(path, out);
}
