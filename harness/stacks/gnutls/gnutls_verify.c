/* How each side judges its peer, per policy, through GnuTLS's own API.
 *
 * minimal: exactly GnuTLS's documented minimal setup, gnutls_session_set_verify_cert(session,
 *   hostname or NULL, 0): trust store, chain, time, host name on the client; no purpose. On a
 *   server that only requests a certificate, GnuTLS's auto-verification refuses a client that
 *   sends none (GNUTLS_E_CERTIFICATE_ERROR): that is what the minimal setup does. That call
 *   only installs GnuTLS's auto_verify_cb (lib/auto-verify.c, 3.7 and 3.8 alike) with the host
 *   name as GNUTLS_DT_DNS_HOSTNAME; minimal_verify is that callback step for step, so that a
 *   chain judged before is remembered here too (gnutls_judged.c).
 * strict: the verification GnuTLS runs for gnutls_session_set_verify_cert2() (it calls
 *   gnutls_certificate_verify_peers() with the typed data), told the purpose
 *   (GNUTLS_DT_KEY_PURPOSE_OID: clientAuth when the server judges, serverAuth when the client
 *   does) and the host name (GNUTLS_DT_DNS_HOSTNAME) or, for an IP literal, the raw address
 *   (GNUTLS_DT_IP_ADDRESS: iPAddress SANs only). The MEDIUM verification profile comes with the
 *   priority string (gnutls_stack.c). It runs from our own callback so that it can also require
 *   a stapled OCSP response (GnuTLS itself flags a missing one only for must-staple
 *   certificates), check the CRLs' validity periods (gnutls_crl_time.c), accept a missing
 *   optional client certificate, and keep the error GnuTLS gives instead of a status. A chain
 *   judged before by a side that reads alike is not verified again (gnutls_judged.c). */
#include "gnutls_internal.h"

#include <gnutls/x509.h>

#include <arpa/inet.h>
#include <string.h>

static bool judges_peer(const mg_gnutls_session *s)
{
    const mg_side_config *c = &s->ctx->config;
    return c->role == MG_ROLE_CLIENT || c->peer_check != MG_PEER_NONE;
}

static int strict_verify(gnutls_session_t tls)
{
    mg_gnutls_session *s = gnutls_session_get_ptr(tls);
    const mg_side_config *c = &s->ctx->config;
    unsigned status = 0;
    int rc = mg_gnutls_verify_peers(s, &status);
    if (rc == GNUTLS_E_NO_CERTIFICATE_FOUND && c->role == MG_ROLE_SERVER &&
        c->peer_check == MG_PEER_OPTIONAL)
        return 0;
    if (rc < 0) {
        s->verify_error = rc;
        return GNUTLS_E_CERTIFICATE_ERROR;
    }
    if (s->ctx->cred->crl_count) status |= mg_gnutls_crl_time_status(s);
    /* ocsp_check_ok: a stapled response was present, verified and not revoked. */
    if (c->require_ocsp && status == 0 && !gnutls_ocsp_status_request_is_checked(tls, 0))
        status = GNUTLS_CERT_INVALID | GNUTLS_CERT_MISSING_OCSP_STATUS;
    s->verify_ran = true;
    s->verify_status = status;
    return status ? GNUTLS_E_CERTIFICATE_VERIFICATION_ERROR : 0;
}

/* lib/auto-verify.c auto_verify_cb: an error of the verification is GNUTLS_E_CERTIFICATE_ERROR
 * (the error itself is not kept: gnutls_outcome.c asks again, as for GnuTLS's own callback),
 * any status GNUTLS_E_CERTIFICATE_VERIFICATION_ERROR. */
static int minimal_verify(gnutls_session_t tls)
{
    mg_gnutls_session *s = gnutls_session_get_ptr(tls);
    unsigned status = 0;
    if (mg_gnutls_verify_peers(s, &status) < 0) return GNUTLS_E_CERTIFICATE_ERROR;
    s->verify_ran = true;
    s->verify_status = status;
    return status ? GNUTLS_E_CERTIFICATE_VERIFICATION_ERROR : 0;
}

/* As gnutls_session_set_verify_cert(tls, name, 0) does: the name, when there is one, as a DNS
 * host name (an IP literal too: GnuTLS's host check reads it as an address itself). */
static void setup_minimal(mg_gnutls_session *s, const char *name)
{
    if (name)
        s->vdata[s->vdata_count++] =
            (gnutls_typed_vdata_st){GNUTLS_DT_DNS_HOSTNAME, (unsigned char *)name, 0};
    gnutls_session_set_verify_function(s->tls, minimal_verify);
}

/* The name the client checks: a raw address for an IP literal, else a DNS host name. */
static void add_name(mg_gnutls_session *s, const char *name)
{
    gnutls_typed_vdata_st *d = &s->vdata[s->vdata_count++];
    if (inet_pton(AF_INET, name, s->ip) == 1) {
        *d = (gnutls_typed_vdata_st){GNUTLS_DT_IP_ADDRESS, s->ip, 4};
    } else if (inet_pton(AF_INET6, name, s->ip) == 1) {
        *d = (gnutls_typed_vdata_st){GNUTLS_DT_IP_ADDRESS, s->ip, 16};
    } else {
        *d = (gnutls_typed_vdata_st){GNUTLS_DT_DNS_HOSTNAME, (unsigned char *)name, 0};
    }
}

static void setup_strict(mg_gnutls_session *s)
{
    const mg_side_config *c = &s->ctx->config;
    bool client = c->role == MG_ROLE_CLIENT;
    if (client && c->server_name) add_name(s, c->server_name);
    const char *purpose = client ? GNUTLS_KP_TLS_WWW_SERVER : GNUTLS_KP_TLS_WWW_CLIENT;
    s->vdata[s->vdata_count++] =
        (gnutls_typed_vdata_st){GNUTLS_DT_KEY_PURPOSE_OID, (unsigned char *)purpose, 0};
    gnutls_session_set_verify_function(s->tls, strict_verify);
}

static const gnutls_certificate_request_t requests[] = {
    [MG_PEER_REQUIRED] = GNUTLS_CERT_REQUIRE,
    [MG_PEER_OPTIONAL] = GNUTLS_CERT_REQUEST,
    [MG_PEER_NONE] = GNUTLS_CERT_IGNORE,
};

MG_RESULT mg_gnutls_setup_verification(mg_gnutls_session *s)
{
    const mg_side_config *c = &s->ctx->config;
    if (c->role == MG_ROLE_SERVER) {
        MG_ENSURE((unsigned)c->peer_check < sizeof requests / sizeof requests[0], MG_E_INTERNAL,
                  "gnutls: unknown peer check %d", (int)c->peer_check);
        /* asked after the handshake instead (gnutls_pha.c) */
        gnutls_certificate_server_set_request(
            s->tls, c->ask_after_handshake ? GNUTLS_CERT_IGNORE : requests[c->peer_check]);
    }
    if (!judges_peer(s)) return MG_OK;
    if (c->policy == MG_POLICY_MINIMAL) {
        setup_minimal(s, c->role == MG_ROLE_CLIENT ? c->server_name : NULL);
    } else {
        setup_strict(s);
    }
    return MG_OK;
}
