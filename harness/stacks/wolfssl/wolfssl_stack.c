/* The wolfSSL backend's entry in the stack table. */
#include "wolfssl_internal.h"

extern const mg_tool_words mg_wolfssl_inspect_words[]; /* inspect_words.c */

static const char *wolf_version(void) { return wolfSSL_lib_version(); }

/* Not MG_CAP_SAN_ONLY: wolfSSL_check_domain_name (and the compatibility layer's host check)
 * falls back to the subject CN whenever the certificate has no subjectAltName, and no flag
 * turns that off in this build (WOLFSSL_HOSTNAME_VERIFY_ALT_NAME_ONLY is a compile-time
 * option, src/internal.c DoVerifyCallback).
 * Not MG_CAP_KEYLOG: key log lines need HAVE_SECRET_CALLBACK (wolfSSL_CTX_set_keylog_callback),
 * which Debian's build lacks.
 * Not MG_CAP_OCSP_STAPLE: before it staples, a wolfSSL server checks the OCSP response for its
 * own certificate against its own certificate manager, which in mTLS holds only the CAs it
 * trusts for clients (trust separation), so it fails with ASN_NO_SIGNER_E; trusting the
 * server CA there would let that CA's certificates in as clients. As a client it requires
 * and judges a staple (MG_CAP_OCSP).
 * MG_CAP_SKIP_KEY_CHECK: wolfSSL loads a key and a certificate that disagree unless
 * wolfSSL_CTX_check_private_key is asked, which the backend skips for such a case.
 * Not MG_CAP_CA_NAMES: told to name its trusted CAs (wolfssl_ca_names.c), a wolfSSL 5.5 server
 * lists them in a TLS 1.2 CertificateRequest but sends no certificate_authorities extension in
 * TLS 1.3 (an OpenSSL or GnuTLS client sees no names there), so it cannot express the scenarios
 * that depend on the names in both versions. Not MG_CAP_CLIENT_CERT_SELECT: the backend holds
 * one credential. */
const mg_stack mg_stack_wolfssl = {
    .name = "wolfssl",
    .display = "wolfSSL",
    .caps = MG_CAP_TLS12 | MG_CAP_TLS13 | MG_CAP_PKCS12 | MG_CAP_CRL | MG_CAP_OCSP |
            MG_CAP_PINNED_TIME | MG_CAP_HOST_IP | MG_CAP_SKIP_KEY_CHECK | MG_CAP_MAX_DEPTH |
            MG_CAP_POST_HANDSHAKE_AUTH | MG_CAP_RESUMPTION,
    .tools = NULL,
    .inspect_words = mg_wolfssl_inspect_words,
    .version = wolf_version,
    .context_new = mg_wolf_context_new,
    .context_free = mg_wolf_context_free,
    .session_new = mg_wolf_session_new,
    .session_free = mg_wolf_session_free,
    .handshake = mg_wolf_handshake,
    .send = mg_wolf_send,
    .recv = mg_wolf_recv,
    .outcome = mg_wolf_outcome,
    .request_client_cert = mg_wolf_request_client_cert,
    .ticket_take = mg_wolf_ticket_take,
    .ticket_offer = mg_wolf_ticket_offer,
    .ticket_free = mg_wolf_ticket_free,
    .resumption_state = mg_wolf_resumption_state,
};
