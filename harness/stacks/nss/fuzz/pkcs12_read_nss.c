/* The pkcs12 entry (pkcs12_read.h) through NSS's decoder as pk12util and the backend
 * (nss_pkcs12.c) drive it: SEC_PKCS12DecoderStart/Update (the PFX, the authenticated safe,
 * every safe, decrypting the encrypted ones), Verify (the MAC), the bag iterator, ValidateBags,
 * ImportBags (certificates, and shrouded keys decrypted into the token) and GetCerts, with the
 * fixture password. Bundles beyond the work bound are not given to NSS at all: it decrypts
 * while it decodes (pkcs12_work_nss.h).
 *
 * ImportBags writes token objects, which the database-less internal slot cannot hold, so the
 * target opens one database per process in a private folder (in /dev/shm when there is one:
 * no disk writes per input), empties it after every input (nothing of one input is there for
 * the next), and closes and removes it at exit. One per process rather than one per input:
 * opening a database costs milliseconds, as much as the decoding it serves. */
#include "nss_fuzz.h"

#include "pkcs12_read.h"

#include "fixture.h"
#include "fixture_nss.h"
#include "fuzz_require.h"
#include "path_join.h"
#include "pkcs12_work_nss.h"
#include "remove_tree.h"

#include <certdb.h>
#include <p12.h>
#include <p12plcy.h>
#include <pk11pub.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char folder[256];
static PK11SlotInfo *slot;
static SECItem password;

static void close_database(void)
{
    if (slot != NULL) {
        (void)SECMOD_CloseUserDB(slot);
        PK11_FreeSlot(slot);
        slot = NULL;
    }
    if (folder[0]) mg_remove_tree(folder);
}

/* The password as PKCS#12 wants it: UCS-2 big-endian with a terminating zero character
 * (NSS's own converter, as pk12util uses). */
static void make_password(void)
{
    size_t len = strlen(mg_fixture_p12_password), cap = 2 * len + 2;
    unsigned int out = 0;
    password.data = PORT_ZAlloc(cap);
    mg_fuzz_check(password.data != NULL &&
                      PORT_UCS2_UTF8Conversion(PR_TRUE, (unsigned char *)mg_fixture_p12_password,
                                               (unsigned int)len, password.data,
                                               (unsigned int)cap - 2, &out),
                  "the fixture password does not convert to UCS-2");
    password.len = out + 2;
}

static void open_database(void)
{
    if (slot != NULL) return;
    mg_fixture_nss_init();
    const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : getenv("TMPDIR");
    mg_fuzz_require(mg_path_join(folder, sizeof folder, base && base[0] ? base : "/tmp",
                                 "mg-fuzz-nss-p12-XXXXXX"));
    mg_fuzz_check(mkdtemp(folder) != NULL, "cannot make the PKCS#12 target's database folder");
    atexit(close_database);
    char spec[400];
    int n = snprintf(spec, sizeof spec, "configdir='sql:%s' tokenDescription='mg fuzz pkcs12'",
                     folder);
    mg_fuzz_check(n > 0 && (size_t)n < sizeof spec, "the database folder's path is too long");
    slot = SECMOD_OpenUserDB(spec);
    mg_fuzz_check(slot != NULL, "SECMOD_OpenUserDB failed");
    if (PK11_NeedUserInit(slot))
        mg_fuzz_check(PK11_InitPin(slot, NULL, "") == SECSuccess, "PK11_InitPin failed");
    static const long ciphers[] = {PKCS12_RC2_CBC_40,  PKCS12_RC2_CBC_128, PKCS12_RC4_40,
                                   PKCS12_RC4_128,     PKCS12_DES_56,      PKCS12_DES_EDE3_168,
                                   PKCS12_AES_CBC_128, PKCS12_AES_CBC_192, PKCS12_AES_CBC_256};
    for (const long *c = ciphers; c < ciphers + sizeof ciphers / sizeof *ciphers; c++)
        (void)SEC_PKCS12EnableCipher(*c, PR_TRUE);
    make_password();
}

/* Every certificate and key an input imported, deleted again. */
static void empty_database(void)
{
    CERTCertList *certs = PK11_ListCertsInSlot(slot);
    for (CERTCertListNode *n = certs ? CERT_LIST_HEAD(certs) : NULL;
         certs && !CERT_LIST_END(n, certs); n = CERT_LIST_NEXT(n))
        (void)PK11_DeleteTokenCertAndKey(n->cert, NULL);
    if (certs != NULL) CERT_DestroyCertList(certs);
    SECKEYPrivateKeyList *keys = PK11_ListPrivKeysInSlot(slot, NULL, NULL);
    for (SECKEYPrivateKeyListNode *n = keys ? PRIVKEY_LIST_HEAD(keys) : NULL;
         keys && !PRIVKEY_LIST_END(n, keys); n = PRIVKEY_LIST_NEXT(n))
        (void)PK11_DestroyTokenObject(slot, n->key->pkcs11ID);
    if (keys != NULL) SECKEY_DestroyPrivateKeyList(keys);
    SECKEYPublicKeyList *publics = PK11_ListPublicKeysInSlot(slot, NULL);
    for (SECKEYPublicKeyListNode *n = publics ? PUBKEY_LIST_HEAD(publics) : NULL;
         publics && !PUBKEY_LIST_END(n, publics); n = PUBKEY_LIST_NEXT(n))
        (void)PK11_DestroyTokenObject(slot, n->key->pkcs11ID);
    if (publics != NULL) SECKEY_DestroyPublicKeyList(publics);
}

/* A name for every certificate bag without one, or whose name is taken. */
static SECItem *nickname(SECItem *old, PRBool *cancel, void *arg)
{
    (void)old, (void)arg;
    static unsigned counter;
    char name[32];
    int n = snprintf(name, sizeof name, "mg-fuzz-%u", ++counter);
    SECItem *item = SECITEM_AllocItem(NULL, NULL, (unsigned int)n + 1);
    if (item != NULL) memcpy(item->data, name, (size_t)n + 1), item->len = (unsigned int)n;
    *cancel = PR_FALSE;
    return item;
}

static void read_bags(SEC_PKCS12DecoderContext *decoder)
{
    const SEC_PKCS12DecoderItem *item = NULL;
    if (SEC_PKCS12DecoderIterateInit(decoder) == SECSuccess)
        while (SEC_PKCS12DecoderIterateNext(decoder, &item) == SECSuccess && item != NULL)
            if (item->type == SEC_OID_PKCS12_V1_CERT_BAG_ID && item->der != NULL) {
                CERTCertificate *cert = mg_fixture_nss_decode(item->der->data, item->der->len);
                if (cert != NULL) CERT_DestroyCertificate(cert);
            }
    if (SEC_PKCS12DecoderValidateBags(decoder, nickname) != SECSuccess) return;
    bool imported = SEC_PKCS12DecoderImportBags(decoder) == SECSuccess;
    CERTCertList *certs = imported ? SEC_PKCS12DecoderGetCerts(decoder) : NULL;
    for (CERTCertListNode *n = certs ? CERT_LIST_HEAD(certs) : NULL;
         certs && !CERT_LIST_END(n, certs); n = CERT_LIST_NEXT(n)) {
        SECKEYPrivateKey *key = PK11_FindKeyByAnyCert(n->cert, NULL);
        if (key != NULL) SECKEY_DestroyPrivateKey(key);
    }
    if (certs != NULL) CERT_DestroyCertList(certs);
}

void mg_fuzz_nss_pkcs12(const uint8_t *data, size_t size)
{
    if (size > UINT_MAX) return;
    open_database();
    if (!mg_pkcs12_nss_within_bound(data, size, mg_fixture_p12_password)) return;
    SEC_PKCS12DecoderContext *decoder =
        SEC_PKCS12DecoderStart(&password, slot, NULL, NULL, NULL, NULL, NULL, NULL);
    if (decoder == NULL) return;
    if (SEC_PKCS12DecoderUpdate(decoder, (unsigned char *)(uintptr_t)data,
                                (unsigned long)size) == SECSuccess &&
        SEC_PKCS12DecoderVerify(decoder) == SECSuccess)
        read_bags(decoder);
    SEC_PKCS12DecoderFinish(decoder);
    empty_database();
}
