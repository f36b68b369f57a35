/* PKCS#12 seeds sealed with the fixture password and small iteration counts, so the targets
 * open them within their work bound (lib/pkcs12_read.h): the bundles gen makes use the
 * usual counts, which the targets read but do not decrypt. */
#include "fixture.h"
#include "path_join.h"
#include "pkcs12_read.h"
#include "seeds.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <stdio.h>

#define SEAL_ITER 16

static MG_RESULT write_p12(PKCS12 *p12, const char *path)
{
    BIO *out = BIO_new_file(path, "wb");
    bool ok = out != NULL && i2d_PKCS12_bio(out, p12) == 1;
    BIO_free(out);
    MG_ENSURE(ok, MG_E_IO, "%s: cannot write", path);
    return MG_OK;
}

/* One bundle per scheme: modern (PBES2, AES-256-CBC) and legacy (SHA-1 3DES PBE). */
static MG_RESULT seal(const mg_artifact *a, EVP_PKEY *key, X509 *cert, STACK_OF(X509) *chain,
                      const char *corpus, unsigned *count)
{
    static const struct {
        const char *suffix;
        int nid;
    } schemes[] = {{"aes", NID_aes_256_cbc}, {"3des", NID_pbe_WithSHA1And3_Key_TripleDES_CBC}};
    for (size_t i = 0; i < sizeof schemes / sizeof *schemes; i++) {
        PKCS12 *p12 = PKCS12_create(mg_fixture_p12_password, a->name, key, cert, chain,
                                    schemes[i].nid, schemes[i].nid, SEAL_ITER, SEAL_ITER, 0);
        MG_ENSURE(p12 != NULL, MG_E_INTERNAL, "%s: PKCS12_create failed", a->name);
        char path[4096];
        mg_result r = mg_path_format(path, sizeof path, "%s/pkcs12/%s-sealed-%s.p12", corpus,
                                     a->name, schemes[i].suffix);
        if (mg_ok(r)) r = write_p12(p12, path);
        PKCS12_free(p12);
        MG_GUARD(r);
        (*count)++;
    }
    return MG_OK;
}

static MG_RESULT seal_artifact(const mg_artifact *a, const char *corpus, unsigned *count)
{
    BIO *chain_in = BIO_new_file(a->chain_pem, "r"), *key_in = BIO_new_file(a->key_pem, "r");
    EVP_PKEY *key = key_in ? PEM_read_bio_PrivateKey(key_in, NULL, NULL, NULL) : NULL;
    X509 *cert = chain_in ? PEM_read_bio_X509(chain_in, NULL, NULL, NULL) : NULL;
    STACK_OF(X509) *chain = sk_X509_new_null();
    X509 *next;
    while (chain_in && chain && (next = PEM_read_bio_X509(chain_in, NULL, NULL, NULL)) != NULL)
        sk_X509_push(chain, next);
    ERR_clear_error();
    mg_result r = key && cert && chain
                      ? seal(a, key, cert, chain, corpus, count)
                      : mg_fail(MG_E_INPUT, "%s: cannot read its chain or key", a->name);
    sk_X509_pop_free(chain, X509_free);
    X509_free(cert);
    EVP_PKEY_free(key);
    BIO_free(chain_in);
    BIO_free(key_in);
    return r;
}

MG_RESULT mg_seed_sealed_p12(const mg_manifest *m, const char *corpus, unsigned *count)
{
    static const char *const names[] = {"client", "server"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        const mg_artifact *a = mg_manifest_find(m, names[i]);
        MG_ENSURE(a && a->chain_pem && a->key_pem, MG_E_INPUT,
                  "the matrix has no \"%s\" credential", names[i]);
        MG_GUARD(seal_artifact(a, corpus, count));
    }
    return MG_OK;
}
