/* NSS started once per process, with no certificate or key database (NSS_NoDB_Init): nothing
 * is read from or written to the user's home, and every certificate is a temporary one.
 * A worker runs many cases in one process, so this is done on first use and never undone:
 * NSS_Shutdown would fail while any context still holds a key. */
#include "nss_internal.h"

#include <prerror.h>

static bool initialised;

MG_RESULT mg_nss_init(void)
{
    if (initialised) return MG_OK;
    MG_ENSURE(NSS_NoDB_Init(NULL) == SECSuccess, MG_E_INTERNAL, "nss: NSS_NoDB_Init failed: %s",
              PR_ErrorToName(PR_GetError()));
    /* Every cipher suite NSS implements allowed; which are enabled stays NSS's default. */
    MG_ENSURE(NSS_SetDomesticPolicy() == SECSuccess, MG_E_INTERNAL,
              "nss: NSS_SetDomesticPolicy failed: %s", PR_ErrorToName(PR_GetError()));
    initialised = true;
    return MG_OK;
}
