/* PKCS#12 bundles (certificate, key, intermediates), encrypted as current tools write them:
 * AES-256-CBC with PBKDF2 (HMAC-SHA256) and a SHA-256 MAC; and one legacy bundle
 * (3DES, SHA-1 MAC) as older tools and Java wrote them. Salts and IVs come from the stream. */
#include "detrand.h"
#include "gen_internal.h"
#include "path_join.h"

#include <openssl/pkcs12.h>
#include <openssl/x509.h>
#include <stdio.h>
#include <string.h>

#define MG_P12_PASSWORD "mtlsgrid-p12"
#define MG_P12_ITER 2048

typedef struct {
    const char *name;
    const char *about;
    int legacy;
    const char *feature;
} mg_p12_row;

static const mg_p12_row rows[] = {
    {"%s-p12", "%s", 0, "pkcs12-aes256-pbkdf2"},
    {"%s-p12-legacy", "%s", 1, "pkcs12-3des-sha1"},
};

static MG_RESULT build(mg_gen *g, const mg_p12_row *row, const char *name, int about, BIO *out)
{
    const mg_issued *it = &g->issued[about];
    STACK_OF(X509) *cas = sk_X509_new_null();
    for (int i = it->issuer; cas && i >= 0 && g->issued[i].issuer >= 0; i = g->issued[i].issuer)
        if (!sk_X509_push(cas, g->issued[i].cert)) break;
    int nid = row->legacy ? NID_pbe_WithSHA1And3_Key_TripleDES_CBC : NID_aes_256_cbc;
    char label[MG_NAME_MAX + 8];
    snprintf(label, sizeof label, "p12:%s", name);
    mg_detrand_reset(g->seed, label);
    PKCS12 *p12 = cas ? PKCS12_create_ex(MG_P12_PASSWORD, name, it->key, it->cert, cas, nid, nid,
                                         MG_P12_ITER, -1, 0, g->libctx, NULL)
                      : NULL;
    const EVP_MD *mac = row->legacy ? EVP_sha1() : EVP_sha256();
    int ok = p12 && PKCS12_set_mac(p12, MG_P12_PASSWORD, -1, NULL, 0, MG_P12_ITER, mac)
             && i2d_PKCS12_bio(out, p12);
    PKCS12_free(p12);
    sk_X509_free(cas);
    MG_ENSURE(ok, MG_E_INTERNAL, "cannot build the PKCS#12 bundle %s", name);
    return MG_OK;
}

static MG_RESULT issue_one(mg_gen *g, const mg_p12_row *row, mg_side side)
{
    char name[MG_NAME_MAX], about_name[MG_NAME_MAX], path[MG_NAME_MAX + 16];
    MG_GUARD(mg_expand(row->name, side, name, sizeof name));
    MG_GUARD(mg_expand(row->about, side, about_name, sizeof about_name));
    int about = mg_issued_find(g, about_name);
    MG_ENSURE(about >= 0, MG_E_INTERNAL, "%s bundles %s, not issued", name, about_name);
    BIO *bio = BIO_new(BIO_s_mem());
    MG_ENSURE(bio != NULL, MG_E_INTERNAL, "out of memory");
    mg_result r = build(g, row, name, about, bio);
    if (mg_ok(r)) r = mg_write_bio(g, name, "bundle.p12", bio, 0600);
    BIO_free(bio);
    MG_GUARD(r);
    MG_GUARD(mg_path_join(path, sizeof path, name, "bundle.p12"));
    const mg_issued *it = &g->issued[about];
    json_t *entry = mg_manifest_entry(name, "p12", mg_side_name(side), "pkcs12",
                                      it->issuer >= 0 ? g->issued[it->issuer].name : it->name,
                                      NULL);
    /* The bundled certificate's own files are listed too, for comparison. */
    json_t *extra = json_pack("{s:[s], s:s, s:s, s:{s:s, s:s+, s:s+, s:s+, s:s+}}", "features",
                              row->feature, "about", about_name, "p12_password", MG_P12_PASSWORD,
                              "files", "p12", path, "cert_pem", about_name, "/cert.pem",
                              "cert_der", about_name, "/cert.der", "key_pem", about_name,
                              "/key.pem", "chain_pem", about_name, "/chain.pem");
    if (entry && extra) json_object_update(entry, extra);
    json_decref(extra);
    return mg_manifest_add(g, entry);
}

MG_RESULT mg_issue_p12(mg_gen *g)
{
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        MG_GUARD(issue_one(g, &rows[i], MG_SIDE_CLIENT));
        MG_GUARD(issue_one(g, &rows[i], MG_SIDE_SERVER));
    }
    return MG_OK;
}
