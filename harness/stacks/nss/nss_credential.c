/* This side's own credential: the certificates as DER in the order given (the server sends
 * them so; an NSS client builds its chain itself, see nss_present.c) and the private key as a
 * session object of NSS's internal slot, never a token object. Unless the case loads a
 * mismatched pair on purpose, the key must be the leaf's: NSS itself never compares them
 * (SSL_ConfigServerCert checks only the key's type), so they are compared here, as the other
 * stacks' setups do: an EC key by its curve and point, any other by its subjectPublicKeyInfo. */
#include "nss_internal.h"

#include <pk11pub.h>
#include <prerror.h>
#include <secasn1.h>

/* The EC point the key was imported with, as the certificate's publicValue holds it: raw.
 * SECKEY_ConvertToPublicKey cannot be used for this: it reads CKA_EC_POINT and keeps an OCTET
 * STRING decoding of it whenever one parses (lib/cryptohi/seckey.c), so a raw P-256 point
 * whose X begins with 0x3F (04 3F + 63 bytes; P-384: 0x5F) comes back truncated, 1 key in 256.
 * The length of the certificate's point tells the two forms apart. */
static bool ec_point_matches(SECKEYPrivateKey *key, const SECItem *cert_point)
{
    SECItem stored = {siBuffer, NULL, 0};
    if (PK11_ReadRawAttribute(PK11_TypePrivKey, key, CKA_EC_POINT, &stored) != SECSuccess)
        return false;
    bool same = SECITEM_ItemsAreEqual(&stored, cert_point);
    if (!same && stored.len != cert_point->len) {
        SECItem unwrapped = {siBuffer, NULL, 0};
        PLArenaPool *arena = PORT_NewArena(256);
        same = arena &&
               SEC_QuickDERDecodeItem(arena, &unwrapped, SEC_ASN1_GET(SEC_OctetStringTemplate),
                                      &stored) == SECSuccess &&
               SECITEM_ItemsAreEqual(&unwrapped, cert_point);
        if (arena) PORT_FreeArena(arena, PR_FALSE);
    }
    SECITEM_FreeItem(&stored, PR_FALSE);
    return same;
}

static bool key_matches(SECKEYPrivateKey *key, const SECKEYPublicKey *cert_key,
                        const SECItem *cert_spki)
{
    if (cert_key->keyType == ecKey) {
        SECItem params = {siBuffer, NULL, 0};
        if (PK11_ReadRawAttribute(PK11_TypePrivKey, key, CKA_EC_PARAMS, &params) != SECSuccess)
            return false;
        bool same_curve = SECITEM_ItemsAreEqual(&params, &cert_key->u.ec.DEREncodedParams);
        SECITEM_FreeItem(&params, PR_FALSE);
        return same_curve && ec_point_matches(key, &cert_key->u.ec.publicValue);
    }
    SECKEYPublicKey *pub = SECKEY_ConvertToPublicKey(key);
    SECItem *spki = pub ? SECKEY_EncodeDERSubjectPublicKeyInfo(pub) : NULL;
    bool same = spki && SECITEM_ItemsAreEqual(spki, cert_spki);
    SECITEM_FreeItem(spki, PR_TRUE);
    SECKEY_DestroyPublicKey(pub);
    return same;
}

/* A leaf NSS cannot decode is sent all the same: the peer judges it. The temporary
 * certificate made to look at it is gone again when this returns. */
static MG_RESULT check_key_matches(const mg_context *ctx, const char *key_name,
                                   mg_side_outcome *why)
{
    CERTCertificate *leaf = CERT_NewTempCertificate(CERT_GetDefaultCertDB(),
                                                    &ctx->own_chain.items[0], NULL, PR_FALSE,
                                                    PR_TRUE);
    if (!leaf) return MG_OK;
    /* A key NSS cannot use (explicit EC parameters: SEC_ERROR_UNSUPPORTED_ELLIPTIC_CURVE) makes
     * the certificate unusable as ours, whatever the key file holds. */
    SECKEYPublicKey *cert_key = CERT_ExtractPublicKey(leaf);
    if (!cert_key) {
        int error = PORT_GetError();
        CERT_DestroyCertificate(leaf);
        mg_nss_setup_failure(why, MG_REASON_BAD_CREDENTIAL, error,
                             "NSS cannot use the public key of the certificate in %s (%s)",
                             ctx->config.credential.p12_file ? ctx->config.credential.p12_file
                                                             : ctx->config.credential.cert_file,
                             PR_ErrorToName(error) ? PR_ErrorToName(error) : "no error name");
        return MG_OK;
    }
    bool same = key_matches(ctx->key, cert_key, &leaf->derPublicKey);
    SECKEY_DestroyPublicKey(cert_key);
    CERT_DestroyCertificate(leaf);
    if (!same)
        mg_nss_setup_failure(why, MG_REASON_KEY_MISMATCH, 0,
                             "the key in %s does not match the certificate in %s", key_name,
                             mg_side_cert_name(&ctx->config));
    return MG_OK;
}

MG_RESULT mg_nss_import_key(mg_context *ctx, SECItem *pkcs8, const char *name,
                            mg_side_outcome *why)
{
    PK11SlotInfo *slot = PK11_GetInternalSlot();
    MG_ENSURE(slot, MG_E_INTERNAL, "nss: no internal slot");
    PR_SetError(0, 0); /* an unsupported key type fails without an error code of its own */
    SECStatus rv = PK11_ImportDERPrivateKeyInfoAndReturnKey(slot, pkcs8, NULL, NULL, PR_FALSE,
                                                            PR_TRUE, KU_ALL, &ctx->key, NULL);
    PK11_FreeSlot(slot);
    if (rv != SECSuccess || !ctx->key) {
        ctx->key = NULL;
        mg_nss_setup_failure(why, MG_REASON_BAD_CREDENTIAL, PR_GetError(),
                             "NSS cannot import the private key in %s", name);
        return MG_OK;
    }
    if (!ctx->config.skip_key_check) return check_key_matches(ctx, name, why);
    return MG_OK;
}

MG_RESULT mg_nss_read_credential(mg_context *ctx, mg_side_outcome *why)
{
    const mg_credential *c = &ctx->config.credential;
    if (c->p12_file) return mg_nss_read_pkcs12(ctx, why);
    const mg_credential_bytes *bytes = &ctx->config.credential_bytes;
    bool has_cert = mg_side_has_cert(&ctx->config), has_key = mg_side_has_key(&ctx->config);
    if (!has_cert && !has_key) return MG_OK; /* no credential: sends none */
    const char *cert_name = mg_side_cert_name(&ctx->config);
    const char *key_name = mg_side_key_name(&ctx->config);
    if (!has_cert || !has_key) {
        mg_nss_setup_failure(why, MG_REASON_BAD_CREDENTIAL, 0, "%s given without its %s",
                             has_cert ? cert_name : key_name, has_cert ? "key" : "certificate");
        return MG_OK;
    }
    MG_NSS_STEP(mg_nss_read_own_certs(cert_name, &bytes->cert, &ctx->own_chain, why), why);
    SECItem pkcs8;
    MG_NSS_STEP(mg_nss_read_key(key_name, &bytes->key, &pkcs8, why), why);
    mg_result r = mg_nss_import_key(ctx, &pkcs8, key_name, why);
    SECITEM_ZfreeItem(&pkcs8, PR_FALSE);
    return r;
}
