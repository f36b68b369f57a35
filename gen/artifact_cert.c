/* Writes one certificate artifact (cert.pem, cert.der, key.pem, chain.pem) and its
 * manifest entry. */
#include "gen_internal.h"
#include "path_join.h"

#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <stdio.h>
#include <string.h>

/* Room for the deepest profile (root, 17 intermediates, leaf) and then some. */
#define MG_MAX_CHAIN 32

/* The certificate, then its issuers up to but excluding the root (itself when a root). */
static int chain_of(const mg_gen *g, int index, int unordered, int *chain)
{
    int n = 0;
    chain[n++] = index;
    for (int i = g->issued[index].issuer; i >= 0 && g->issued[i].issuer >= 0 && n < MG_MAX_CHAIN;
         i = g->issued[i].issuer)
        chain[n++] = i;
    if (unordered) /* the leaf stays first; its issuers come root-side first */
        for (int a = 1, b = n - 1; a < b; a++, b--) {
            int t = chain[a];
            chain[a] = chain[b];
            chain[b] = t;
        }
    return n;
}

static MG_RESULT write_pem_files(mg_gen *g, const mg_cert_spec *spec, int index, EVP_PKEY *key)
{
    X509 *cert = g->issued[index].cert;
    BIO *pem = BIO_new(BIO_s_mem()), *der = BIO_new(BIO_s_mem());
    BIO *keypem = BIO_new(BIO_s_mem()), *chain = BIO_new(BIO_s_mem());
    int chain_idx[MG_MAX_CHAIN];
    int n = chain_of(g, index, (spec->flags & MG_F_CHAIN_UNORDERED) != 0, chain_idx);
    int ok = pem && der && keypem && chain && PEM_write_bio_X509(pem, cert)
             && i2d_X509_bio(der, cert)
             && PEM_write_bio_PKCS8PrivateKey(keypem, key, NULL, NULL, 0, NULL, NULL);
    for (int i = 0; ok && i < n; i++) ok = PEM_write_bio_X509(chain, g->issued[chain_idx[i]].cert);
    mg_result r = ok ? MG_OK : mg_fail(MG_E_INTERNAL, "cannot encode %s", spec->name);
    if (mg_ok(r)) r = mg_write_bio(g, spec->name, "cert.pem", pem, 0644);
    if (mg_ok(r)) r = mg_write_bio(g, spec->name, "cert.der", der, 0644);
    if (mg_ok(r)) r = mg_write_bio(g, spec->name, "key.pem", keypem, 0600);
    if (mg_ok(r)) r = mg_write_bio(g, spec->name, "chain.pem", chain, 0644);
    BIO_free(pem);
    BIO_free(der);
    BIO_free(keypem);
    BIO_free(chain);
    return r;
}

static int64_t asn1_seconds(const ASN1_TIME *t)
{
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    if (!ASN1_TIME_to_tm(t, &tm)) return 0;
    return (int64_t)timegm(&tm);
}

static json_t *describe(const mg_gen *g, const mg_cert_spec *spec, int index, EVP_PKEY *key)
{
    const mg_issued *it = &g->issued[index];
    char subject[512];
    X509_NAME_oneline(X509_get_subject_name(it->cert), subject, sizeof subject);
    BIGNUM *bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(it->cert), NULL);
    char *serial = bn ? BN_bn2hex(bn) : NULL;
    BN_free(bn);
    const char *issuer = it->issuer >= 0 ? g->issued[it->issuer].name : it->name;
    json_t *entry = mg_manifest_entry(spec->name, "cert", spec->role, spec->profile, issuer,
                                      spec->defect);
    const char *key_type = mg_key_type_name(spec->row->key);
    json_t *extra = json_pack(
        "{s:[s*], s:s, s:s, s:s?, s:I, s:I, s:s, s:s?, s:b}", "features", spec->feature,
        "key_type", key_type, "subject", subject,
        "serial", serial, "not_before", (json_int_t)asn1_seconds(X509_get0_notBefore(it->cert)),
        "not_after", (json_int_t)asn1_seconds(X509_get0_notAfter(it->cert)), "root",
        g->issued[mg_issued_root(g, index)].name, "host", spec->host[0] ? spec->host : NULL,
        "key_matches", EVP_PKEY_eq(key, X509_get0_pubkey(it->cert)) == 1);
    OPENSSL_free(serial);
    if (entry == NULL || extra == NULL || json_object_update(entry, extra) != 0) {
        json_decref(entry);
        entry = NULL;
    }
    json_decref(extra);
    return entry;
}

/* The entry's files: NAME/cert.pem and the rest, relative to the matrix. */
static MG_RESULT list_files(json_t *entry, const char *name)
{
    json_t *files = json_object_get(entry, "files");
    if (!files) return MG_OK;
    char path[MG_NAME_MAX + 16];
    static const char *const names[][2] = {{"cert_pem", "cert.pem"}, {"cert_der", "cert.der"},
                                           {"key_pem", "key.pem"}, {"chain_pem", "chain.pem"}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        MG_GUARD(mg_path_join(path, sizeof path, name, names[i][1]));
        json_object_set_new(files, names[i][0], json_string(path));
    }
    return MG_OK;
}

MG_RESULT mg_cert_write(mg_gen *g, const mg_cert_spec *spec, int index, EVP_PKEY *key_file_key)
{
    MG_GUARD(write_pem_files(g, spec, index, key_file_key));
    json_t *entry = describe(g, spec, index, key_file_key);
    mg_result r = list_files(entry, spec->name);
    if (!mg_ok(r)) {
        json_decref(entry);
        return r;
    }
    return mg_manifest_add(g, entry);
}
