/* The SubjectPublicKeyInfo a certificate carries. Usually the key itself; a few advisory
 * profiles encode the same key in a way PKIX forbids or no stack knows, while the key file
 * keeps the usual encoding (the private key is what a stack signs with either way). */
#include "gen_internal.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/x509.h>

/* An algorithm no stack implements: an OID under IANA's enterprise number for documentation
 * (RFC 5612), as the unknown extension of cert_ext.c. */
#define MG_UNKNOWN_KEY_ALG_OID "1.3.6.1.4.1.32473.3.1"

/* The key's public bytes (the uncompressed point) under an unknown algorithm OID with no
 * parameters (Go CVE-2024-24783 panicked verifying a chain holding such a key). The cert's
 * X509_PUBKEY is filled in place and never holds a decoded key, so libcrypto, as any stack,
 * sees only the unknown OID. */
static MG_RESULT set_unknown_algorithm(X509 *cert, const mg_cert_spec *spec, EVP_PKEY *key)
{
    unsigned char *point = NULL;
    size_t len = EVP_PKEY_get1_encoded_public_key(key, &point);
    ASN1_OBJECT *oid = OBJ_txt2obj(MG_UNKNOWN_KEY_ALG_OID, 1);
    int ok = len > 0 && oid != NULL &&
             X509_PUBKEY_set0_param(X509_get_X509_PUBKEY(cert), oid, V_ASN1_UNDEF, NULL, point,
                                    (int)len);
    if (!ok) {
        ASN1_OBJECT_free(oid);
        OPENSSL_free(point);
    }
    MG_ENSURE(ok, MG_E_INTERNAL, "cannot set an unknown key algorithm in %s", spec->name);
    return MG_OK;
}

/* With MG_F_EC_EXPLICIT the curve is spelled out (specifiedCurve, which RFC 5480 2.1.1
 * forbids) instead of named; with MG_F_EC_COMPRESSED the points (the key and, in explicit
 * parameters, the base point) are compressed, so a reader must solve the curve equation to
 * decompress them (where OpenSSL's BN_mod_sqrt loop of CVE-2022-0778 sat). */
static MG_RESULT set_reencoded_ec(X509 *cert, const mg_cert_spec *spec, EVP_PKEY *key)
{
    EVP_PKEY *copy = EVP_PKEY_dup(key);
    int ok = copy != NULL;
    if (ok && (spec->flags & MG_F_EC_EXPLICIT))
        ok = EVP_PKEY_set_utf8_string_param(copy, OSSL_PKEY_PARAM_EC_ENCODING,
                                            OSSL_PKEY_EC_ENCODING_EXPLICIT);
    if (ok && (spec->flags & MG_F_EC_COMPRESSED))
        ok = EVP_PKEY_set_utf8_string_param(copy, OSSL_PKEY_PARAM_EC_POINT_CONVERSION_FORMAT,
                                            OSSL_PKEY_EC_POINT_CONVERSION_FORMAT_COMPRESSED);
    ok = ok && X509_set_pubkey(cert, copy);
    EVP_PKEY_free(copy);
    MG_ENSURE(ok, MG_E_INTERNAL, "cannot re-encode the EC key of %s", spec->name);
    return MG_OK;
}

MG_RESULT mg_cert_set_spki(X509 *cert, const mg_cert_spec *spec, EVP_PKEY *key)
{
    if (spec->flags & MG_F_UNKNOWN_KEY_ALG) return set_unknown_algorithm(cert, spec, key);
    if (spec->flags & (MG_F_EC_EXPLICIT | MG_F_EC_COMPRESSED))
        return set_reencoded_ec(cert, spec, key);
    MG_ENSURE(X509_set_pubkey(cert, key), MG_E_INTERNAL, "cannot set the key of %s", spec->name);
    return MG_OK;
}
