/* The CA names a server's CertificateRequest lists (RFC 5246 7.4.4 certificate_authorities;
 * RFC 8446 4.2.4, the certificate_authorities extension). OpenSSL sends none unless the
 * application gives a list; nginx gives the subjects of ssl_client_certificate's file
 * (SSL_CTX_set_client_CA_list(SSL_load_client_CA_file(...))), and so does a context told
 * MG_CA_NAMES_TRUSTED, from the certificates the trust store was loaded from, in file order
 * (SSL_load_client_CA_file would parse the file a second time).
 *
 * OpenSSL does not shorten a list that does not fit in 2^16-1 bytes: since 1.1.1 its
 * CertificateRequest fails to build (construct_ca_names, internal_error; openssl issue 12436),
 * where 1.0.2 and 1.1.0 sent a truncated length (openssl issue 6609). */
#include "ossl_internal.h"

bool mg_ossl_set_ca_names(mg_context *ctx, const STACK_OF(X509) *trusted)
{
    STACK_OF(X509_NAME) *names = sk_X509_NAME_new_null();
    bool ok = names != NULL;
    for (int i = 0; ok && i < sk_X509_num(trusted); i++) {
        X509_NAME *name = X509_NAME_dup(X509_get_subject_name(sk_X509_value(trusted, i)));
        ok = name && sk_X509_NAME_push(names, name);
        if (!ok) X509_NAME_free(name);
    }
    if (!ok) {
        sk_X509_NAME_pop_free(names, X509_NAME_free);
        return false;
    }
    SSL_CTX_set_client_CA_list(ctx->ssl_ctx, names); /* takes the list */
    return true;
}
