/* A trust bundle of 600 CAs (client-ca-names-600): client-root first, then 599 filler roots
 * whose distinguished names, listed in a CertificateRequest, pass the 65,535 bytes that
 * RFC 5246 7.4.4 (certificate_authorities<0..2^16-1>) and RFC 8446 4.2.4
 * (authorities<3..2^16-1>) allow: ~150 bytes each, so 600 names take ~92 KB and only about
 * 430 of them fit. This is the shape of Envoy issue 14208, HAProxy issue 1011 and OpenSSL
 * issue 6609: a gateway whose client-CA file holds hundreds of CAs.
 *
 * Fast and deterministic: the fillers share one P-256 key (the key is not the point) and one
 * certificate template, their nonces come from one stream in filler order, and the bundle is
 * one PEM file, not 600 artifacts. The fillers are valid self-signed CAs, so every stack loads
 * the bundle. */
#include "gen_internal.h"

#include <openssl/pem.h>
#include <openssl/x509.h>
#include <stdio.h>

#define BUNDLE_NAME "client-ca-names-600"
#define FILLERS 599

/* A root row for the fillers' extensions: basicConstraints CA, keyUsage, key identifiers. */
static const mg_profile_row filler_row = {.name = "%s-ca-names-filler", .kind = MG_KIND_ROOT};

static MG_RESULT set_filler_name(X509 *cert, int n)
{
    char cn[64];
    snprintf(cn, sizeof cn, "mtlsgrid filler root %03d of %d", n, FILLERS);
    X509_NAME *name = X509_NAME_new();
    MG_ENSURE(name != NULL, MG_E_INTERNAL, "out of memory");
    const char *o = "mtlsgrid CA-name filler";
    const char *ou = "certificate_authorities over 65535 bytes (RFC 8446 4.2.4)";
    int ok = X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, (const unsigned char *)o, -1,
                                        -1, 0) &&
             X509_NAME_add_entry_by_txt(name, "OU", MBSTRING_UTF8, (const unsigned char *)ou, -1,
                                        -1, 0) &&
             X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, (const unsigned char *)cn, -1,
                                        -1, 0) &&
             X509_set_subject_name(cert, name) && X509_set_issuer_name(cert, name);
    X509_NAME_free(name);
    MG_ENSURE(ok, MG_E_INTERNAL, "cannot name filler root %d", n);
    return MG_OK;
}

/* The parts every filler shares (version, key, validity, extensions) are set once on one
 * certificate; each filler then changes its names and serial in place and is signed from a
 * copy of one signing context: libcrypto 3.0's key encoders and algorithm fetches otherwise
 * cost more than the signatures themselves. */
static MG_RESULT start_template(mg_gen *g, const mg_cert_spec *spec, EVP_PKEY *key, X509 *cert)
{
    int ok = X509_set_version(cert, X509_VERSION_3) && X509_set_pubkey(cert, key) &&
             ASN1_TIME_set(X509_getm_notBefore(cert),
                           (time_t)(g->reference_time + spec->not_before)) &&
             ASN1_TIME_set(X509_getm_notAfter(cert), (time_t)(g->reference_time + spec->not_after));
    MG_ENSURE(ok, MG_E_INTERNAL, "cannot start the filler roots of %s", BUNDLE_NAME);
    MG_GUARD(set_filler_name(cert, 0));
    return mg_cert_add_extensions(g, cert, cert, spec);
}

static MG_RESULT next_filler(mg_gen *g, X509 *cert, EVP_MD_CTX *signing, int n)
{
    char label[MG_NAME_MAX + 16];
    snprintf(label, sizeof label, "%s:%03d", BUNDLE_NAME, n);
    ASN1_INTEGER *serial = NULL;
    MG_GUARD(mg_serial_for(g, label, &serial));
    int ok = X509_set_serialNumber(cert, serial);
    ASN1_INTEGER_free(serial);
    MG_ENSURE(ok, MG_E_INTERNAL, "cannot number filler root %d", n);
    MG_GUARD(set_filler_name(cert, n));
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    ok = ctx && EVP_MD_CTX_copy_ex(ctx, signing) && X509_sign_ctx(cert, ctx) > 0;
    EVP_MD_CTX_free(ctx);
    MG_ENSURE(ok, MG_E_INTERNAL, "signing filler root %d failed", n);
    return MG_OK;
}

static MG_RESULT write_fillers(mg_gen *g, BIO *out)
{
    mg_cert_spec spec;
    MG_GUARD(mg_spec_from_row(&filler_row, MG_SIDE_CLIENT, &spec));
    EVP_PKEY *key = NULL; /* owned by the key cache */
    MG_GUARD(mg_key_get(&g->keys, g->libctx, g->seed, MG_KEY_P256, spec.key_label, &key));
    X509 *cert = X509_new_ex(g->libctx, NULL);
    MG_ENSURE(cert != NULL, MG_E_INTERNAL, "out of memory");
    EVP_MD_CTX *signing = NULL;
    /* one stream for all the fillers' nonces, in filler order: still one seed, one bundle */
    mg_result r = start_template(g, &spec, key, cert);
    if (mg_ok(r)) r = mg_sign_ctx(g, key, "SHA256", BUNDLE_NAME, &signing);
    for (int n = 1; mg_ok(r) && n <= FILLERS; n++) {
        r = next_filler(g, cert, signing, n);
        if (mg_ok(r) && !PEM_write_bio_X509(out, cert))
            r = mg_fail(MG_E_INTERNAL, "cannot encode filler root %d", n);
    }
    EVP_MD_CTX_free(signing);
    X509_free(cert);
    return r;
}

static MG_RESULT add_entry(mg_gen *g)
{
    json_t *entry = mg_manifest_entry(BUNDLE_NAME, "trust", "trust", "trust-bundle", "client-root",
                                      NULL);
    json_t *extra = json_pack("{s:[s], s:s, s:i}", "features", "ca-names-over-64k", "root",
                              "client-root", "count", FILLERS + 1);
    json_t *files = entry ? json_object_get(entry, "files") : NULL;
    int ok = files && extra && json_object_update(entry, extra) == 0 &&
             json_object_set_new(files, "cert_pem", json_string(BUNDLE_NAME "/certs.pem")) == 0;
    json_decref(extra);
    if (!ok) {
        json_decref(entry);
        return mg_fail(MG_E_INTERNAL, "out of memory describing %s", BUNDLE_NAME);
    }
    return mg_manifest_add(g, entry);
}

MG_RESULT mg_issue_trust_bundles(mg_gen *g)
{
    int root = mg_issued_find(g, "client-root");
    MG_ENSURE(root >= 0, MG_E_INTERNAL, "%s needs client-root, not issued", BUNDLE_NAME);
    BIO *out = BIO_new(BIO_s_mem());
    MG_ENSURE(out != NULL, MG_E_INTERNAL, "out of memory");
    mg_result r = PEM_write_bio_X509(out, g->issued[root].cert)
                      ? write_fillers(g, out)
                      : mg_fail(MG_E_INTERNAL, "cannot encode client-root");
    if (mg_ok(r)) r = mg_write_bio(g, BUNDLE_NAME, "certs.pem", out, 0644);
    BIO_free(out);
    MG_GUARD(r);
    return add_entry(g);
}
