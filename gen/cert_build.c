/* Issues one certificate from its spec: name, validity, key, extensions, signature, and the
 * defect the spec asks for; then hands it to artifact_cert.c to be written and recorded. */
#include "gen_internal.h"

#include <openssl/evp.h>
#include <openssl/x509.h>
#include <stdio.h>
#include <string.h>

static MG_RESULT set_names(X509 *cert, const mg_cert_spec *spec, X509 *issuer)
{
    X509_NAME *name = X509_NAME_new();
    MG_ENSURE(name != NULL, MG_E_INTERNAL, "out of memory");
    /* CAs are named after their artifact; leaves carry it as OU so people can tell which of
     * the many "server.test" certificates they are looking at. */
    int ok = X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                                        (const unsigned char *)"mtlsgrid", -1, -1, 0)
             && (spec->is_ca || X509_NAME_add_entry_by_txt(name, "OU", MBSTRING_UTF8,
                                                           (const unsigned char *)spec->name,
                                                           -1, -1, 0))
             && X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                           (const unsigned char *)spec->cn, -1, -1, 0)
             && X509_set_subject_name(cert, name)
             && X509_set_issuer_name(cert, issuer ? X509_get_subject_name(issuer) : name);
    X509_NAME_free(name);
    MG_ENSURE(ok, MG_E_INTERNAL, "cannot set the names of %s", spec->name);
    return MG_OK;
}

static MG_RESULT set_validity(X509 *cert, const mg_gen *g, const mg_cert_spec *spec)
{
    time_t from = (time_t)(g->reference_time + spec->not_before);
    time_t to = (time_t)(g->reference_time + spec->not_after);
    /* ASN1_TIME_set picks UTCTime before 2050 and GeneralizedTime after, as RFC 5280 asks. */
    MG_ENSURE(ASN1_TIME_set(X509_getm_notBefore(cert), from)
                  && ASN1_TIME_set(X509_getm_notAfter(cert), to),
              MG_E_INTERNAL, "cannot set the validity of %s", spec->name);
    return MG_OK;
}

static const char *digest_for(const mg_cert_spec *spec, EVP_PKEY *signer)
{
    if (spec->flags & MG_F_SHA1) return "SHA1";
    return EVP_PKEY_get_bits(signer) == 384 && EVP_PKEY_is_a(signer, "EC") ? "SHA384" : "SHA256";
}

static MG_RESULT build(mg_gen *g, const mg_cert_spec *spec, EVP_PKEY *key, int issuer, X509 *cert)
{
    X509 *issuer_cert = issuer >= 0 ? g->issued[issuer].cert : NULL;
    EVP_PKEY *signer = issuer >= 0 ? g->issued[issuer].key : key;
    ASN1_INTEGER *serial = NULL;
    MG_GUARD(mg_serial_for(g, spec->name, &serial));
    /* A v1 certificate has no extensions field (RFC 5280 4.1.2.1, 4.1.2.9), so every
     * extension the spec would add is left out, not just the version changed. */
    int v1 = (spec->flags & (MG_F_V1 | MG_F_V2)) != 0;
    int version = spec->flags & MG_F_V1 ? X509_VERSION_1 : v1 ? X509_VERSION_2 : X509_VERSION_3;
    int ok = X509_set_version(cert, version) && X509_set_serialNumber(cert, serial);
    ASN1_INTEGER_free(serial);
    MG_ENSURE(ok, MG_E_INTERNAL, "cannot start the certificate %s", spec->name);
    MG_GUARD(mg_cert_set_spki(cert, spec, key));
    MG_GUARD(set_names(cert, spec, issuer_cert));
    MG_GUARD(set_validity(cert, g, spec));
    if (!v1) MG_GUARD(mg_cert_add_extensions(g, cert, issuer_cert ? issuer_cert : cert, spec));
    MG_GUARD(mg_sign_cert(g, cert, signer, digest_for(spec, signer), spec->name));
    if (spec->flags & MG_F_BAD_SIGNATURE) {
        const ASN1_BIT_STRING *sig = NULL;
        X509_get0_signature(&sig, NULL, cert);
        MG_GUARD(mg_corrupt_bits((ASN1_BIT_STRING *)sig, spec->name));
    }
    return MG_OK;
}

static MG_RESULT find_issuer(const mg_gen *g, const mg_cert_spec *spec, int *issuer)
{
    *issuer = -1;
    if (!spec->issuer[0]) return MG_OK;
    *issuer = mg_issued_find(g, spec->issuer);
    MG_ENSURE(*issuer >= 0, MG_E_INTERNAL, "%s names issuer %s, not issued before it",
              spec->name, spec->issuer);
    return MG_OK;
}

void mg_mismatch_key_label(const mg_cert_spec *spec, char *out, size_t cap)
{
    snprintf(out, cap, "%s:other", spec->name);
}

MG_RESULT mg_cert_issue(mg_gen *g, const mg_cert_spec *spec)
{
    MG_ENSURE(mg_issued_find(g, spec->name) < 0, MG_E_INTERNAL, "%s is defined twice",
              spec->name);
    EVP_PKEY *key = NULL;
    MG_GUARD(mg_key_get(&g->keys, g->libctx, g->seed, spec->row->key, spec->key_label, &key));
    int issuer = -1, source = -1;
    X509 *cert = NULL;
    if (spec->copy_of[0]) {
        source = mg_issued_find(g, spec->copy_of);
        MG_ENSURE(source >= 0, MG_E_INTERNAL, "%s copies %s, not issued before it",
                  spec->name, spec->copy_of);
        issuer = g->issued[source].issuer;
        cert = X509_dup(g->issued[source].cert);
        MG_ENSURE(cert != NULL, MG_E_INTERNAL, "out of memory");
    } else {
        MG_GUARD(find_issuer(g, spec, &issuer));
        cert = X509_new_ex(g->libctx, NULL);
        MG_ENSURE(cert != NULL, MG_E_INTERNAL, "out of memory");
        mg_result r = build(g, spec, key, issuer, cert);
        if (!mg_ok(r)) {
            X509_free(cert);
            return r;
        }
    }
    /* The key file holds the certificate's key, except for the mismatch defect (another
     * key) and for a copy (the impostor's own key beside someone else's certificate). */
    EVP_PKEY *key_file_key = key;
    if (spec->flags & MG_F_KEY_MISMATCH) {
        char other[MG_NAME_MAX + 16];
        mg_mismatch_key_label(spec, other, sizeof other);
        MG_GUARD(mg_key_get(&g->keys, g->libctx, g->seed, spec->row->key, other, &key_file_key));
    }
    /* The registry records the key the certificate really holds. */
    EVP_PKEY *true_key = source >= 0 ? g->issued[source].key : key;
    MG_GUARD(mg_issued_add(g, spec->name, cert, true_key, issuer, spec->is_ca));
    return mg_cert_write(g, spec, (int)g->issued_count - 1, key_file_key);
}
