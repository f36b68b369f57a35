/* The OpenSSL backend's entry in the stack table. */
#include "stack.h"
#include "ossl_internal.h"

static const char *ossl_version(void) { return mg_ossl_version_text(); }

extern const mg_stack_tools mg_openssl_tools; /* tools.c */
extern const mg_tool_words mg_openssl_inspect_words[]; /* inspect_words.c */
extern const mg_verify_tool mg_openssl_verify_tool;    /* verify_tool.c */

/* Not MG_CAP_SKIP_KEY_CHECK: SSL_CTX_use_cert_and_key refuses a key that does not match its
 * certificate, and there is no switch to turn that off. */
const mg_stack mg_stack_openssl = {
    .name = "openssl",
    .display = "OpenSSL",
    .shares_parsed = true,
    .caps = MG_CAP_TLS12 | MG_CAP_TLS13 | MG_CAP_PKCS12 | MG_CAP_CRL | MG_CAP_OCSP_STAPLE |
            MG_CAP_OCSP | MG_CAP_PINNED_TIME | MG_CAP_HOST_IP | MG_CAP_SAN_ONLY | MG_CAP_KEYLOG |
            MG_CAP_MAX_DEPTH | MG_CAP_POST_HANDSHAKE_AUTH | MG_CAP_CA_NAMES |
                MG_CAP_CLIENT_CERT_SELECT | MG_CAP_RESUMPTION,
    .tools = &mg_openssl_tools,
    .inspect_words = mg_openssl_inspect_words,
    .verify_tool = &mg_openssl_verify_tool,
    .version = ossl_version,
    .context_new = mg_ossl_context_new,
    .context_free = mg_ossl_context_free,
    .session_new = mg_ossl_session_new,
    .session_free = mg_ossl_session_free,
    .handshake = mg_ossl_handshake,
    .send = mg_ossl_send,
    .recv = mg_ossl_recv,
    .outcome = mg_ossl_outcome,
    .request_client_cert = mg_ossl_request_client_cert,
    .ticket_take = mg_ossl_ticket_take,
    .ticket_offer = mg_ossl_ticket_offer,
    .ticket_free = mg_ossl_ticket_free,
    .resumption_state = mg_ossl_resumption_state,
};
