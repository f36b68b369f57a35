/* PKCS#12 bundles, through NSS's own decoder (SEC_PKCS12Decoder*, as pk12util does).
 * SEC_PKCS12DecoderImportBags stores what it decodes as token objects (lib/pkcs12/p12d.c,
 * isPerm PR_TRUE), which the database-less internal slot cannot hold. So each bundle is
 * imported into a database of its own, made for it in a private temporary folder: the
 * certificates are copied out as DER, the key is wrapped and unwrapped again as a session
 * object of the internal slot, and the database is closed and removed
 * before this returns. While it is open its certificates are visible to NSS's process-wide
 * store; nothing is verified in that time, and nothing of it is left for a later case. */
#include "nss_internal.h"

#include "remove_tree.h"

#include <p12.h>
#include <pk11pub.h>
#include <secerr.h>
#include <secport.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The password as PKCS#12 wants it: a BMPString (UCS-2, big-endian) with its two zero bytes.
 * Characters beyond the BMP cannot be written as UCS-2 and fail. */
static bool bmp_password(const char *utf8, SECItem *out)
{
    size_t len = utf8 ? strlen(utf8) : 0;
    out->type = siBuffer;
    out->data = PORT_ZAlloc(2 * len + 2);
    out->len = 0;
    if (!out->data) return false;
    for (size_t i = 0; i < len;) {
        unsigned char b = (unsigned char)utf8[i];
        unsigned cp, extra = b < 0x80 ? 0 : (b & 0xE0) == 0xC0 ? 1 : (b & 0xF0) == 0xE0 ? 2 : 9;
        if (extra > 2 || i + extra >= len + (extra == 0)) return false;
        cp = extra == 0 ? b : extra == 1 ? (b & 0x1Fu) : (b & 0x0Fu);
        for (unsigned k = 1; k <= extra; k++) {
            unsigned char c = (unsigned char)utf8[i + k];
            if ((c & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (c & 0x3Fu);
        }
        out->data[out->len++] = (unsigned char)(cp >> 8);
        out->data[out->len++] = (unsigned char)(cp & 0xFF);
        i += extra + 1;
    }
    out->len += 2; /* the terminating zero character */
    return true;
}

/* A certificate without a friendlyName, or one whose name another bundle took, gets this. */
static SECItem *fresh_nickname(SECItem *old, PRBool *cancel, void *wincx)
{
    (void)old, (void)wincx;
    static unsigned counter;
    char name[48];
    int n = snprintf(name, sizeof name, "mtlsgrid-pkcs12-%u", ++counter);
    SECItem *item = SECITEM_AllocItem(NULL, NULL, (unsigned)n + 1);
    if (item) memcpy(item->data, name, (size_t)n + 1), item->len = (unsigned)n;
    *cancel = PR_FALSE;
    return item;
}

typedef struct {
    char dir[4096];
    PK11SlotInfo *slot;
    SEC_PKCS12DecoderContext *decoder;
    CERTCertList *certs;
    SECItem password;
} p12_import;

static void import_close(p12_import *p)
{
    if (p->certs) CERT_DestroyCertList(p->certs);
    if (p->decoder) SEC_PKCS12DecoderFinish(p->decoder);
    if (p->slot) {
        (void)SECMOD_CloseUserDB(p->slot);
        PK11_FreeSlot(p->slot);
    }
    if (p->password.data) SECITEM_ZfreeItem(&p->password, PR_FALSE);
    if (p->dir[0]) mg_remove_tree(p->dir);
}

/* A database of its own in a fresh folder under TMPDIR, with an empty password (so nothing
 * asks for one). */
static MG_RESULT open_database(p12_import *p, const char *name, mg_side_outcome *why)
{
    const char *tmp = getenv("TMPDIR");
    int n = snprintf(p->dir, sizeof p->dir, "%s/mtlsgrid-nss-p12-XXXXXX",
                     tmp && *tmp ? tmp : "/tmp");
    MG_ENSURE(n > 0 && (size_t)n < sizeof p->dir, MG_E_INPUT, "nss: TMPDIR is too long");
    if (!mkdtemp(p->dir)) {
        p->dir[0] = '\0';
        return mg_fail(MG_E_IO, "nss: cannot make a temporary folder for %s under %s", name,
                       tmp && *tmp ? tmp : "/tmp");
    }
    char spec[4200];
    n = snprintf(spec, sizeof spec, "configdir='sql:%s' tokenDescription='mtlsgrid pkcs12'",
                 p->dir);
    MG_ENSURE(n > 0 && (size_t)n < sizeof spec, MG_E_INPUT, "nss: %s: path too long", p->dir);
    p->slot = SECMOD_OpenUserDB(spec);
    if (!p->slot || (PK11_NeedUserInit(p->slot) && PK11_InitPin(p->slot, NULL, "") != SECSuccess))
        mg_nss_setup_failure(why, MG_REASON_OTHER, PR_GetError(),
                             "NSS cannot open a database to import %s into", name);
    return MG_OK;
}

/* Decodes, checks the MAC (the password), and imports the bags into the database. */
static MG_RESULT decode(p12_import *p, const mg_credential *c, SECItem *file,
                        mg_side_outcome *why)
{
    if (!bmp_password(c->p12_password, &p->password)) {
        mg_nss_setup_failure(why, MG_REASON_BAD_CREDENTIAL, 0,
                             "the password of %s is not valid UTF-8 within the BMP", c->p12_file);
        return MG_OK;
    }
    PR_SetError(0, 0);
    p->decoder =
        SEC_PKCS12DecoderStart(&p->password, p->slot, NULL, NULL, NULL, NULL, NULL, NULL);
    bool ok = p->decoder && SEC_PKCS12DecoderUpdate(p->decoder, file->data, file->len) ==
                                SECSuccess;
    if (!ok) {
        mg_nss_setup_failure(why, MG_REASON_BAD_CREDENTIAL, PR_GetError(),
                             "NSS cannot decode %s as PKCS#12", c->p12_file);
        return MG_OK;
    }
    if (SEC_PKCS12DecoderVerify(p->decoder) != SECSuccess) {
        mg_nss_setup_failure(why, MG_REASON_BAD_CREDENTIAL, PR_GetError(),
                             "NSS cannot verify %s with the PKCS#12 password given (a wrong "
                             "password, or a MAC or cipher NSS does not take)",
                             c->p12_file);
        return MG_OK;
    }
    if (SEC_PKCS12DecoderValidateBags(p->decoder, fresh_nickname) != SECSuccess ||
        SEC_PKCS12DecoderImportBags(p->decoder) != SECSuccess) {
        mg_nss_setup_failure(why, MG_REASON_BAD_CREDENTIAL, PR_GetError(),
                             "NSS cannot import the contents of %s", c->p12_file);
        return MG_OK;
    }
    p->certs = SEC_PKCS12DecoderGetCerts(p->decoder);
    return MG_OK;
}

/* The bundle's key is sensitive in its database, so it cannot be read out in the clear: it is
 * wrapped under a one-off password and unwrapped again as a session object of the internal
 * slot (the public value names it there, as NSS's own import does). The key is the bundle's
 * leaf's by construction (PK11_FindKeyByAnyCert), so no key check follows. */
static MG_RESULT session_key(mg_context *ctx, CERTCertificate *leaf, SECKEYPrivateKey *token_key,
                             mg_side_outcome *why)
{
    const char *name = ctx->config.credential.p12_file;
    unsigned char secret[32];
    SECItem password = {siBuffer, secret, sizeof secret};
    MG_ENSURE(PK11_GenerateRandom(secret, sizeof secret) == SECSuccess, MG_E_INTERNAL,
              "nss: no random bytes");
    SECKEYEncryptedPrivateKeyInfo *wrapped = PK11_ExportEncryptedPrivKeyInfo(
        NULL, SEC_OID_PKCS12_V2_PBE_WITH_SHA1_AND_3KEY_TRIPLE_DES_CBC, &password, token_key, 1,
        NULL);
    SECKEYPublicKey *pub = CERT_ExtractPublicKey(leaf);
    SECItem *public_value = !pub                      ? NULL
                            : pub->keyType == rsaKey ? &pub->u.rsa.modulus
                            : pub->keyType == ecKey  ? &pub->u.ec.publicValue
                                                     : NULL;
    PK11SlotInfo *internal = PK11_GetInternalSlot();
    SECStatus rv = wrapped && public_value && internal
                       ? PK11_ImportEncryptedPrivateKeyInfoAndReturnKey(
                             internal, wrapped, &password, NULL, public_value, PR_FALSE, PR_TRUE,
                             token_key->keyType, KU_ALL, &ctx->key, NULL)
                       : SECFailure;
    PRErrorCode code = rv == SECSuccess ? 0 : PR_GetError();
    if (internal) PK11_FreeSlot(internal);
    if (pub) SECKEY_DestroyPublicKey(pub);
    if (wrapped) SECKEY_DestroyEncryptedPrivateKeyInfo(wrapped, PR_TRUE);
    memset(secret, 0, sizeof secret);
    if (rv != SECSuccess || !ctx->key) {
        ctx->key = NULL;
        mg_nss_setup_failure(why, MG_REASON_BAD_CREDENTIAL, code,
                             "NSS cannot take the private key of %s out of its database%s",
                             name, public_value ? "" : " (a key type this backend cannot name)");
    }
    return MG_OK;
}

/* The certificate whose key the bundle holds leads the chain; the others follow in the
 * bundle's order. Its key becomes a session object of the internal slot. */
static MG_RESULT take_credential(mg_context *ctx, p12_import *p, mg_side_outcome *why)
{
    const char *name = ctx->config.credential.p12_file;
    CERTCertificate *leaf = NULL;
    SECKEYPrivateKey *token_key = NULL;
    for (CERTCertListNode *n = CERT_LIST_HEAD(p->certs); p->certs && !CERT_LIST_END(n, p->certs);
         n = CERT_LIST_NEXT(n))
        if (!leaf && (token_key = PK11_FindKeyByAnyCert(n->cert, NULL))) leaf = n->cert;
    if (!leaf) {
        mg_nss_setup_failure(why, MG_REASON_BAD_CREDENTIAL, 0,
                             "%s holds no certificate with its private key", name);
        return MG_OK;
    }
    mg_result r = mg_nss_ders_append(&ctx->own_chain, &leaf->derCert);
    for (CERTCertListNode *n = CERT_LIST_HEAD(p->certs); mg_ok(r) && !CERT_LIST_END(n, p->certs);
         n = CERT_LIST_NEXT(n))
        if (n->cert != leaf) r = mg_nss_ders_append(&ctx->own_chain, &n->cert->derCert);
    if (mg_ok(r)) r = session_key(ctx, leaf, token_key, why);
    SECKEY_DestroyPrivateKey(token_key);
    return r;
}

MG_RESULT mg_nss_read_pkcs12(mg_context *ctx, mg_side_outcome *why)
{
    const mg_credential *c = &ctx->config.credential;
    SECItem file;
    MG_NSS_STEP(mg_nss_read_der(c->p12_file, &file, why), why);
    p12_import p = {0};
    mg_result r = open_database(&p, c->p12_file, why);
    if (mg_ok(r) && !mg_nss_refused(why)) r = decode(&p, c, &file, why);
    if (mg_ok(r) && !mg_nss_refused(why)) r = take_credential(ctx, &p, why);
    import_close(&p);
    SECITEM_ZfreeItem(&file, PR_FALSE);
    return r;
}
