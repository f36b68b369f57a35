/* Seeds that are the matrix's own files: certificates, OCSP responses, bundles, CRLs. */
#include "file_io.h"
#include "path_join.h"
#include "seeds.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <stdio.h>
#include <stdlib.h>

MG_RESULT mg_seed_copy(const char *path, const char *corpus, const char *sub, const char *name,
                       unsigned *count)
{
    char *data, out[4096];
    size_t len;
    MG_GUARD(mg_path_format(out, sizeof out, "%s/%s/%s.der", corpus, sub, name));
    MG_GUARD(mg_fuzz_read_file(path, &data, &len));
    mg_result r = mg_fuzz_write_file(out, data, len);
    free(data);
    if (mg_ok(r)) (*count)++;
    return r;
}

MG_RESULT mg_seed_p12(const mg_artifact *a, const char *corpus, unsigned *count)
{
    char *data, out[4096];
    size_t len;
    MG_GUARD(mg_path_format(out, sizeof out, "%s/pkcs12/%s.p12", corpus, a->name));
    MG_GUARD(mg_fuzz_read_file(a->p12, &data, &len));
    mg_result r = mg_fuzz_write_file(out, data, len);
    free(data);
    if (mg_ok(r)) (*count)++;
    return r;
}

MG_RESULT mg_seed_crls(const char *pem_path, const char *corpus, const char *name, unsigned *count)
{
    BIO *in = BIO_new_file(pem_path, "r");
    MG_ENSURE(in != NULL, MG_E_IO, "%s: cannot open", pem_path);
    X509_CRL *crl;
    mg_result r = MG_OK;
    for (int n = 0; mg_ok(r) && (crl = PEM_read_bio_X509_CRL(in, NULL, NULL, NULL)) != NULL; n++) {
        unsigned char *der = NULL;
        int len = i2d_X509_CRL(crl, &der);
        char out[4096];
        r = mg_path_format(out, sizeof out, "%s/crl/%s-%d.der", corpus, name, n);
        if (mg_ok(r))
            r = len > 0 ? mg_fuzz_write_file(out, der, (size_t)len)
                        : mg_fail(MG_E_INPUT, "%s: a CRL does not re-encode", pem_path);
        if (mg_ok(r)) (*count)++;
        OPENSSL_free(der);
        X509_CRL_free(crl);
    }
    BIO_free(in);
    ERR_clear_error();
    return r;
}
