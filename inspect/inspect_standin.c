/* What a handshake needs that inspect is not given: a stand-in key for the inspected leaf when
 * --key is absent (of the leaf's own type, so the stack signs as it would with the real one;
 * the signature then fails, but only after the verifier judged the chain), and for a client
 * certificate a server to present it to (a CA and a server certificate of its own, valid
 * around the instant judged, so the client accepts it and only the server's judgement shows). */
#include "inspect_handshake.h"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DAY 86400

static EVP_PKEY *ec_key(void) { return EVP_EC_gen("P-256"); }

/* The leaf's key type: EC on its curve, RSA (2048 bits whatever the leaf's size: the
 * CertificateVerify fails either way and a larger key only costs time), Ed25519, Ed448. NULL
 * for another type. */
EVP_PKEY *mg_inspect_standin_key(X509 *leaf)
{
    EVP_PKEY *pub = X509_get0_pubkey(leaf);
    if (!pub) return NULL;
    char group[64];
    size_t len = 0;
    switch (EVP_PKEY_get_base_id(pub)) {
    case EVP_PKEY_EC:
        if (!EVP_PKEY_get_group_name(pub, group, sizeof group, &len)) return NULL;
        return EVP_EC_gen(group);
    case EVP_PKEY_RSA: return EVP_RSA_gen(2048);
    case EVP_PKEY_RSA_PSS: return EVP_PKEY_Q_keygen(NULL, NULL, "RSA-PSS", (size_t)2048);
    case EVP_PKEY_ED25519: return EVP_PKEY_Q_keygen(NULL, NULL, "ED25519");
    case EVP_PKEY_ED448: return EVP_PKEY_Q_keygen(NULL, NULL, "ED448");
    default: return NULL;
    }
}

static bool add_ext(X509 *cert, X509 *issuer, int nid, const char *value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, NULL, NULL, 0);
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(NULL, &ctx, nid, value);
    bool ok = ext && X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return ok;
}

static bool set_serial(X509 *cert)
{
    unsigned char bytes[12];
    if (RAND_bytes(bytes, sizeof bytes) != 1) return false;
    bytes[0] &= 0x7f; /* positive */
    BIGNUM *bn = BN_bin2bn(bytes, sizeof bytes, NULL);
    bool ok = bn && BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert)) != NULL;
    BN_free(bn);
    return ok;
}

/* A certificate for key, signed by issuer_key (issuer NULL: self-signed), valid a day either
 * side of at. */
static X509 *make_cert(const char *cn, EVP_PKEY *key, X509 *issuer, EVP_PKEY *issuer_key,
                       int64_t at, bool ca)
{
    time_t when = (time_t)at;
    X509 *cert = X509_new();
    X509_NAME *name = X509_NAME_new();
    bool ok = cert && name && X509_set_version(cert, 2) == 1 && set_serial(cert) &&
              X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, (const unsigned char *)cn, -1,
                                         -1, 0) == 1 &&
              X509_set_subject_name(cert, name) == 1 &&
              X509_set_issuer_name(cert, issuer ? X509_get_subject_name(issuer) : name) == 1 &&
              X509_time_adj_ex(X509_getm_notBefore(cert), 0, -DAY, &when) &&
              X509_time_adj_ex(X509_getm_notAfter(cert), 0, DAY, &when) &&
              X509_set_pubkey(cert, key) == 1 &&
              add_ext(cert, issuer ? issuer : cert, NID_subject_key_identifier, "hash");
    if (ok && ca)
        ok = add_ext(cert, cert, NID_basic_constraints, "critical,CA:TRUE") &&
             add_ext(cert, cert, NID_key_usage, "critical,keyCertSign,cRLSign");
    if (ok && !ca)
        ok = add_ext(cert, issuer, NID_basic_constraints, "critical,CA:FALSE") &&
             add_ext(cert, issuer, NID_key_usage, "critical,digitalSignature") &&
             add_ext(cert, issuer, NID_ext_key_usage, "serverAuth") &&
             add_ext(cert, issuer, NID_subject_alt_name, "DNS:" MG_INSPECT_PEER_NAME) &&
             add_ext(cert, issuer, NID_authority_key_identifier, "keyid");
    ok = ok && X509_sign(cert, issuer_key, EVP_sha256()) > 0;
    X509_NAME_free(name);
    if (ok) return cert;
    X509_free(cert);
    return NULL;
}

mg_result mg_inspect_key_pem_make(EVP_PKEY *key, mg_inspect_key_pem *out)
{
    *out = (mg_inspect_key_pem){0};
    BIO *bio = BIO_new(BIO_s_secmem());
    bool ok = bio && PEM_write_bio_PrivateKey(bio, key, NULL, NULL, 0, NULL, NULL) == 1;
    char *data = NULL;
    long len = ok ? BIO_get_mem_data(bio, &data) : 0;
    ok = ok && len > 0 && (out->pem = malloc((size_t)len)) != NULL;
    if (ok) {
        memcpy(out->pem, data, (size_t)len);
        out->len = (size_t)len;
    }
    BIO_free(bio); /* a secure-memory BIO wipes its buffer when freed */
    MG_ENSURE(ok, MG_E_INTERNAL, "inspect: cannot hold a private key in memory");
    return MG_OK;
}

void mg_inspect_key_pem_free(mg_inspect_key_pem *k)
{
    if (k->pem) OPENSSL_cleanse(k->pem, k->len);
    free(k->pem);
    *k = (mg_inspect_key_pem){0};
}

mg_result mg_inspect_standin_peer(int64_t at, const char *ca_path, const char *cert_path,
                                  mg_inspect_key_pem *key_pem)
{
    EVP_PKEY *ca_key = ec_key(), *key = ec_key();
    X509 *ca = ca_key ? make_cert("mtlsgrid inspect stand-in CA", ca_key, NULL, ca_key, at, true)
                      : NULL;
    X509 *cert = ca && key ? make_cert(MG_INSPECT_PEER_NAME, key, ca, ca_key, at, false) : NULL;
    mg_result r = cert ? MG_OK : mg_fail(MG_E_INTERNAL, "inspect: cannot make a stand-in peer");
    if (mg_ok(r)) r = mg_inspect_write_pem(ca_path, ca, NULL, NULL);
    if (mg_ok(r)) r = mg_inspect_write_pem(cert_path, cert, NULL, NULL);
    if (mg_ok(r)) r = mg_inspect_key_pem_make(key, key_pem);
    X509_free(cert);
    X509_free(ca);
    EVP_PKEY_free(key);
    EVP_PKEY_free(ca_key);
    return r;
}
