/* The NSS backend's entry in the stack table. */
#include "nss_internal.h"

extern const mg_tool_words mg_nss_inspect_words[]; /* inspect_words.c */
extern const mg_stack_tools mg_nss_tools;          /* tools.c */

static const char *nss_version(void) { return NSS_GetVersion(); }

/* Not MG_CAP_SAN_ONLY: CERT_VerifyCertName falls back to the subject's common name when the
 * certificate has no DNS subjectAltName (lib/certdb/certdb.c cert_VerifySubjectAltName, then
 * CERT_GetCommonName), and no option turns that off.
 * Not MG_CAP_KEYLOG: this build writes key log lines (NSS_ALLOW_SSLKEYLOGFILE), but only to
 * the one file SSLKEYLOGFILE names when the process starts its first socket
 * (lib/ssl/sslsock.c ssl_SetDefaultsFromEnvironment), not to a file per side.
 * Not MG_CAP_OCSP: NSS judges a staple's freshness by the wall clock whatever time its caller
 * gives (lib/certhigh/ocsp.c ocsp_VerifySingleResponse compares thisUpdate and nextUpdate with
 * PR_Now(), not with the time passed to CERT_CacheOCSPResponseFromSideChannel or
 * CERT_GetOCSPStatusForCertID), so at the matrix's pinned time every good response is old
 * (SEC_ERROR_OCSP_OLD_RESPONSE) and a client that requires a staple would refuse them all.
 * The server staples (MG_CAP_OCSP_STAPLE).
 * MG_CAP_SKIP_KEY_CHECK: NSS itself never compares key and certificate; the backend's own
 * comparison (nss_credential.c) is what such a case skips. */
const mg_stack mg_stack_nss = {
    .name = "nss",
    .display = "NSS",
    .caps = MG_CAP_TLS12 | MG_CAP_TLS13 | MG_CAP_PKCS12 | MG_CAP_CRL | MG_CAP_OCSP_STAPLE |
            MG_CAP_PINNED_TIME | MG_CAP_HOST_IP | MG_CAP_SKIP_KEY_CHECK | MG_CAP_MAX_DEPTH |
            MG_CAP_POST_HANDSHAKE_AUTH | MG_CAP_CA_NAMES | MG_CAP_CLIENT_CERT_SELECT |
                MG_CAP_RESUMPTION,
    .shares_parsed = false,
    .tools = &mg_nss_tools,
    .inspect_words = mg_nss_inspect_words,
    .version = nss_version,
    .context_new = mg_nss_context_new,
    .context_free = mg_nss_context_free,
    .session_new = mg_nss_session_new,
    .session_free = mg_nss_session_free,
    .handshake = mg_nss_handshake,
    .send = mg_nss_send,
    .recv = mg_nss_recv,
    .outcome = mg_nss_outcome,
    .request_client_cert = mg_nss_request_client_cert,
    .ticket_take = mg_nss_ticket_take,
    .ticket_offer = mg_nss_ticket_offer,
    .ticket_free = mg_nss_ticket_free,
    .resumption_state = mg_nss_resumption_state,
};
