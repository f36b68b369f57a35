/* PEM copies of the certificates and CRLs the user gave, in the order given, for the stacks to
 * load (the keys stay in memory: handshake_inputs.c). */
#include "handshake_read.h"
#include "repro_bundle.h"

#include <openssl/pem.h>

#include <errno.h>
#include <string.h>

static MG_RESULT open_pem(const char *path, unsigned mode, BIO **bio)
{
    MG_GUARD(mg_repro_write_text(path, "", mode)); /* the mode is set before any byte */
    *bio = BIO_new_file(path, "w");
    MG_ENSURE(*bio, MG_E_IO, "%s: cannot write: %s", path, strerror(errno));
    return MG_OK;
}

static MG_RESULT close_pem(const char *path, BIO *bio, bool ok)
{
    ok = BIO_flush(bio) == 1 && ok;
    BIO_free(bio);
    MG_ENSURE(ok, MG_E_IO, "%s: cannot write", path);
    return MG_OK;
}

mg_result mg_hs_write_certs(const char *path, STACK_OF(X509) *certs)
{
    BIO *bio;
    MG_GUARD(open_pem(path, 0644, &bio));
    bool ok = true;
    for (int i = 0; ok && i < sk_X509_num(certs); i++)
        ok = PEM_write_bio_X509(bio, sk_X509_value(certs, i)) == 1;
    return close_pem(path, bio, ok);
}

mg_result mg_hs_write_crls(const char *path, STACK_OF(X509_CRL) *crls)
{
    BIO *bio;
    MG_GUARD(open_pem(path, 0644, &bio));
    bool ok = true;
    for (int i = 0; ok && i < sk_X509_CRL_num(crls); i++)
        ok = PEM_write_bio_X509_CRL(bio, sk_X509_CRL_value(crls, i)) == 1;
    return close_pem(path, bio, ok);
}
