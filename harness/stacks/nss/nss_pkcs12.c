/* PKCS#12 bundles. Not yet: SEC_PKCS12DecoderImportBags stores the key as a token object
 * (lib/pkcs12/p12d.c, isPerm PR_TRUE), which needs a writable database that NSS_NoDB_Init
 * does not have; without MG_CAP_PKCS12 the planner skips such cases before they get here. */
#include "nss_internal.h"

MG_RESULT mg_nss_read_pkcs12(mg_context *ctx, mg_side_outcome *why)
{
    mg_nss_setup_failure(why, MG_REASON_BAD_CREDENTIAL, 0,
                         "PKCS#12 bundles are not supported by this backend yet (%s)",
                         ctx->config.credential.p12_file);
    return MG_OK;
}
