/* How this side judges its peer, through wolfSSL's own API.
 *
 * minimal is wolfSSL's documented minimal mutual-TLS setup (its manual, chapter 4 and the
 * examples' client and server): the CAs loaded as verify locations, wolfSSL_CTX_set_verify
 * with WOLFSSL_VERIFY_PEER (and WOLFSSL_VERIFY_FAIL_IF_NO_PEER_CERT on a server that requires
 * a certificate: without it a TLS 1.3 server accepts a client that sends none), and
 * wolfSSL_check_domain_name on the client. wolfSSL checks the leaf's extended key usage
 * (serverAuth on the client, clientAuth on the server) and key usage by itself, under both
 * policies: there is no purpose setting to turn on.
 * strict adds what wolfSSL offers beyond that: CRLs for the whole chain (wolfssl_crl.c), the
 * stapled OCSP response (wolfssl_ocsp.c) and 112-bit minimum key sizes (wolfssl_build.c).
 * Depth applies to both. */
#include "wolfssl_internal.h"

#include <arpa/inet.h>
#include <string.h>

/* With OPENSSL_COMPATIBLE_DEFAULTS (Debian's build) the verify callback is given an
 * X509_V_ERR_* code for these wolfSSL codes (src/x509_str.c GetX509Error) and the wolfSSL code
 * itself for every other; this undoes that, so the reason table reads wolfSSL's codes only.
 * The X509_V_ERR_* codes are positive and wolfSSL's negative, so one table serves every
 * version: 5.5.4 gives ERROR_IN_CERT_NOT_BEFORE/AFTER_FIELD for the dates; 5.7.2 gives
 * CERT_NOT_YET_VALID and CERT_HAS_EXPIRED instead, and translates CRL_CERT_REVOKED and
 * CRL_MISSING too (its ASN_SIG_OID_E, ASN_SIG_HASH_E and ASN_SIG_KEY_E also arrive as
 * CERT_SIGNATURE_FAILURE, which reads as the signature failure it mostly is). */
static const struct {
    int x509;
    int native;
} compat_codes[] = {
    {X509_V_ERR_ERROR_IN_CERT_NOT_BEFORE_FIELD, ASN_BEFORE_DATE_E}, /* 5.5 */
    {X509_V_ERR_ERROR_IN_CERT_NOT_AFTER_FIELD, ASN_AFTER_DATE_E},   /* 5.5 */
    {X509_V_ERR_CERT_NOT_YET_VALID, ASN_BEFORE_DATE_E},             /* 5.7 */
    {X509_V_ERR_CERT_HAS_EXPIRED, ASN_AFTER_DATE_E},                /* 5.7 */
    {X509_V_ERR_CERT_REVOKED, CRL_CERT_REVOKED},                    /* 5.7 */
    {X509_V_ERR_UNABLE_TO_GET_CRL, CRL_MISSING},                    /* 5.7 */
    {X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY, ASN_NO_SIGNER_E},
    {X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT, ASN_SELF_SIGNED_E},
    {X509_V_ERR_PATH_LENGTH_EXCEEDED, ASN_PATHLEN_INV_E},
    {X509_V_ERR_CERT_SIGNATURE_FAILURE, ASN_SIG_CONFIRM_E},
};

static int native_code(int store_error)
{
    for (size_t i = 0; i < sizeof compat_codes / sizeof compat_codes[0]; i++)
        if (compat_codes[i].x509 == store_error) return compat_codes[i].native;
    return store_error;
}

/* Remembers the first error wolfSSL reports (it judges the chain from the top down, then the
 * leaf, then the leaf's names and key usage); never changes the judgement. The error in the
 * store is what counts: wolfSSL computes preverify_ok before its compatibility-layer host and
 * IP checks (src/internal.c DoVerifyCallback), and a callback that returned that stale 1 would
 * override an IPADDR_MISMATCH. */
static int record_verify_error(int preverify_ok, WOLFSSL_X509_STORE_CTX *store)
{
    int error = wolfSSL_X509_STORE_CTX_get_error(store);
    if (preverify_ok && error == 0) return 1;
    WOLFSSL *ssl = wolfSSL_X509_STORE_CTX_get_ex_data(store,
                                                      wolfSSL_get_ex_data_X509_STORE_CTX_idx());
    mg_session *s = ssl ? mg_wolf_session_of(ssl) : NULL;
    if (s && !s->verify.seen) {
        s->verify.seen = true;
        s->verify.code = native_code(error);
        s->verify.depth = wolfSSL_X509_STORE_CTX_get_error_depth(store);
    }
    return 0;
}

/* The client always verifies the server; the server as its peer check says. */
static int verify_mode(const mg_side_config *cfg)
{
    if (cfg->role == MG_ROLE_CLIENT) return WOLFSSL_VERIFY_PEER;
    switch (cfg->peer_check) {
    case MG_PEER_REQUIRED: return WOLFSSL_VERIFY_PEER | WOLFSSL_VERIFY_FAIL_IF_NO_PEER_CERT;
    case MG_PEER_OPTIONAL: return WOLFSSL_VERIFY_PEER;
    case MG_PEER_NONE: return WOLFSSL_VERIFY_NONE;
    }
    return WOLFSSL_VERIFY_PEER | WOLFSSL_VERIFY_FAIL_IF_NO_PEER_CERT; /* out of range: safest */
}

MG_RESULT mg_wolf_setup_verify(const mg_context *ctx, WOLFSSL_CTX *wctx, mg_side_outcome *why)
{
    (void)why;
    const mg_side_config *cfg = &ctx->config;
    wolfSSL_CTX_set_verify(wctx, verify_mode(cfg) | mg_wolf_post_handshake_verify_flag(cfg),
                           record_verify_error);
    mg_wolf_setup_post_handshake(ctx, wctx);
    /* wolfSSL counts as OpenSSL does (src/internal.c: untrustedDepth > verifyDepth + 1). */
    if (cfg->limit_depth) wolfSSL_CTX_set_verify_depth(wctx, cfg->max_depth);
    return MG_OK;
}

static bool is_ip_literal(const char *name)
{
    unsigned char addr[16];
    return inet_pton(AF_INET, name, addr) == 1 || inet_pton(AF_INET6, name, addr) == 1;
}

/* A DNS name through wolfSSL_check_domain_name (and SNI); an IP literal through the
 * compatibility layer's X509_VERIFY_PARAM (IPADDR_MISMATCH rather than a domain-name error),
 * with no SNI (RFC 6066 section 3: host names only). Either way wolfSSL compares the text
 * against every subjectAltName whatever its type (src/internal.c CheckForAltNames): see the
 * ip-as-dns-san and san-ipv6 records in scenarios/divergences/wolfssl.ini. */
MG_RESULT mg_wolf_setup_peer_name(mg_session *s, mg_side_outcome *why)
{
    const char *name = s->ctx->config.server_name;
    if (s->ctx->config.role != MG_ROLE_CLIENT || !name || !*name) return MG_OK;
    if (is_ip_literal(name)) {
        if (wolfSSL_X509_VERIFY_PARAM_set1_ip_asc(wolfSSL_get0_param(s->ssl), name) !=
            WOLFSSL_SUCCESS)
            mg_wolf_setup_failure(why, MG_REASON_OTHER, 0, "cannot verify the address %s", name);
        return MG_OK;
    }
    if (wolfSSL_check_domain_name(s->ssl, name) != WOLFSSL_SUCCESS ||
        wolfSSL_UseSNI(s->ssl, WOLFSSL_SNI_HOST_NAME, name, (unsigned short)strlen(name)) !=
            WOLFSSL_SUCCESS)
        mg_wolf_setup_failure(why, MG_REASON_OTHER, 0, "cannot verify or send \"%s\"", name);
    return MG_OK;
}
