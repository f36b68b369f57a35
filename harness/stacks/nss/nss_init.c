/* NSS started once per process, with no certificate or key database (NSS_NoDB_Init): nothing
 * is read from or written to the user's home, and every certificate is a temporary one.
 * A worker runs many cases in one process, so this is done on first use and never undone:
 * NSS_Shutdown would fail while any context still holds a key. */
#include "nss_internal.h"

#include <p12plcy.h>
#include <prerror.h>

static bool initialised;

/* The decoder's policy: every cipher a PKCS#12 file may use, as pk12util enables them; the
 * legacy ones (RC2, 3DES, RC4) are what older tools still write. */
static void enable_pkcs12_ciphers(void)
{
    static const long ciphers[] = {PKCS12_RC4_40,       PKCS12_RC4_128,     PKCS12_RC2_CBC_40,
                                   PKCS12_RC2_CBC_128,  PKCS12_DES_56,      PKCS12_DES_EDE3_168,
                                   PKCS12_AES_CBC_128,  PKCS12_AES_CBC_192, PKCS12_AES_CBC_256};
    for (size_t i = 0; i < sizeof ciphers / sizeof ciphers[0]; i++)
        (void)SEC_PKCS12EnableCipher(ciphers[i], PR_TRUE);
}

MG_RESULT mg_nss_init(void)
{
    if (initialised) return MG_OK;
    MG_ENSURE(NSS_NoDB_Init(NULL) == SECSuccess, MG_E_INTERNAL, "nss: NSS_NoDB_Init failed: %s",
              PR_ErrorToName(PR_GetError()));
    /* Every cipher suite NSS implements allowed; which are enabled stays NSS's default. */
    MG_ENSURE(NSS_SetDomesticPolicy() == SECSuccess, MG_E_INTERNAL,
              "nss: NSS_SetDomesticPolicy failed: %s", PR_ErrorToName(PR_GetError()));
    enable_pkcs12_ciphers();
    /* The server session cache that resuming servers need (nss_resume.c), made before any
     * socket exists: made after a session had been freed, it left two locks NSS had made for
     * its session cache on first use (PR_NewLock under a PR_CallOnce in libssl3, 336 bytes a
     * process) unreachable, which LeakSanitizer reports in every worker. Sessions of cases
     * that do not resume are SSL_NO_CACHE (nss_session.c), so it changes nothing for them. */
    MG_ENSURE(SSL_ConfigServerSessionIDCache(64, 0, 0, NULL) == SECSuccess, MG_E_INTERNAL,
              "nss: SSL_ConfigServerSessionIDCache failed: %s", PR_ErrorToName(PR_GetError()));
    initialised = true;
    return MG_OK;
}
