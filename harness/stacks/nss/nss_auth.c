/* How this side judges its peer, in NSS's auth-certificate hook (SSL_AuthCertificateHook).
 *
 * minimal is NSS's documented default: SSL_AuthCertificate, which verifies the peer with
 * CERT_VerifyCert for certUsageSSLClient (server) or certUsageSSLServer (client, then the
 * host name given to SSL_SetURL through CERT_VerifyCertName) at the socket's time; tstclnt
 * and selfserv do the same. Its anchors are this context's, trusted for that one call
 * (nss_trust.c).
 * strict verifies with CERT_VerifyCert at the pinned time, with the same anchors, the
 * CRLs for the whole chain in NSS's CRL cache for that call (the classic verifier checks each
 * certificate against a cached CRL of its issuer), the stapled OCSP response judged by
 * CERT_CacheOCSPResponseFromSideChannel when the client requires one, the host name, and a
 * 2048-bit minimum for RSA keys (NSS's own NSS_RSA_MIN_KEY_SIZE option).
 * Both apply the depth limit to the chain NSS built. The first failure is kept, with the
 * depth NSS's verify log names, and left in PORT_GetError so NSS sends its alert for it. */
#include "nss_internal.h"

#include <ocsp.h>
#include <prerror.h>
#include <secerr.h>
#include <sslerr.h>

#define MG_NSS_STRICT_MIN_RSA_BITS 2048

static SECStatus refuse(mg_session *s, PRErrorCode code, int depth)
{
    if (!s->verify.seen) {
        s->verify.seen = true;
        s->verify.code = code;
        s->verify.depth = depth;
    }
    PORT_SetError(code);
    return SECFailure;
}

static int count_certs(CERTCertList *list)
{
    int n = 0;
    for (CERTCertListNode *node = CERT_LIST_HEAD(list); !CERT_LIST_END(node, list);
         node = CERT_LIST_NEXT(node))
        n++;
    return n;
}

/* A chain of leaf, k issuers and the anchor has k intermediates; max_depth allows as many. */
static SECStatus check_depth(mg_session *s, CERTCertList *chain)
{
    const mg_side_config *cfg = &s->ctx->config;
    if (!cfg->limit_depth || !chain) return SECSuccess;
    int intermediates = count_certs(chain) - 2;
    if (intermediates > cfg->max_depth)
        return refuse(s, SEC_ERROR_PATH_LEN_CONSTRAINT_INVALID, cfg->max_depth + 1);
    return SECSuccess;
}

/* NSS has one error for both ends of the validity period (lib/certhigh/certvfy.c): which end
 * it was is read from the chain at the same instant, while the anchors are still in place. */
static void tell_not_yet_valid(mg_session *s, CERTCertificate *peer, PRBool is_server)
{
    if (!s->verify.seen || (s->verify.code != SEC_ERROR_EXPIRED_CERTIFICATE &&
                            s->verify.code != SEC_ERROR_EXPIRED_ISSUER_CERTIFICATE))
        return;
    PRTime when = mg_nss_verify_time(&s->ctx->config);
    CERTCertList *chain = CERT_GetCertChainFromCert(
        peer, when, is_server ? certUsageSSLClient : certUsageSSLServer);
    if (!chain) return;
    bool early = false, late = false;
    for (CERTCertListNode *n = CERT_LIST_HEAD(chain); !CERT_LIST_END(n, chain);
         n = CERT_LIST_NEXT(n)) {
        SECCertTimeValidity v = CERT_CheckCertValidTimes(n->cert, when, PR_FALSE);
        early = early || v == secCertTimeNotValidYet;
        late = late || v == secCertTimeExpired;
    }
    CERT_DestroyCertList(chain);
    s->verify.not_yet_valid = early && !late;
}

static SECStatus verify_minimal(mg_session *s, PRFileDesc *fd, PRBool check_sig,
                                PRBool is_server, CERTCertificate *peer)
{
    mg_nss_anchors anchors;
    if (!mg_ok(mg_nss_anchors_open(s->ctx, true, &anchors))) return refuse(s, PR_GetError(), -1);
    SECStatus rv = SSL_AuthCertificate(CERT_GetDefaultCertDB(), fd, check_sig, is_server);
    PRErrorCode code = PR_GetError();
    if (rv == SECSuccess && s->ctx->config.limit_depth) {
        CERTCertList *chain = CERT_GetCertChainFromCert(
            peer, mg_nss_verify_time(&s->ctx->config),
            is_server ? certUsageSSLClient : certUsageSSLServer);
        rv = check_depth(s, chain);
        code = PR_GetError();
        if (chain) CERT_DestroyCertList(chain);
    }
    if (rv != SECSuccess) {
        (void)refuse(s, code, -1);
        tell_not_yet_valid(s, peer, is_server);
    }
    mg_nss_anchors_close(&anchors);
    if (rv != SECSuccess) PORT_SetError(code);
    return rv;
}

/* The depth of the first problem in NSS's verify log; -1 when it names none. */
static int first_logged_depth(const CERTVerifyLog *log)
{
    return log->head ? (int)log->head->depth : -1;
}

static void free_log(CERTVerifyLog *log)
{
    for (CERTVerifyLogNode *n = log->head; n; n = n->next)
        if (n->cert) CERT_DestroyCertificate(n->cert);
    PORT_FreeArena(log->arena, PR_FALSE);
}

/* NSS's classic verifier at the pinned time (CERT_VerifyCert, as SSL_AuthCertificate calls
 * it), with a verify log for the depth of the first
 * problem. Not libpkix (CERT_PKIXVerifyCert): its certificate store caches every certificate
 * it finds by subject for the life of the process (lib/libpkix/pkix/util/pkix_tools.c
 * cachedCertTable, always on for the PK11 store; 3.87 ignores cert_pi_certStores), so one
 * case's intermediates would complete a later case's chain. */
static SECStatus verify_chain_strict(mg_session *s, CERTCertificate *peer, PRBool is_server)
{
    PRTime when = mg_nss_verify_time(&s->ctx->config);
    CERTVerifyLog log = {PORT_NewArena(512), 0, NULL, NULL};
    if (!log.arena) return refuse(s, SEC_ERROR_NO_MEMORY, -1);
    SECCertUsage usage = is_server ? certUsageSSLClient : certUsageSSLServer;
    SECStatus rv = CERT_VerifyCert(CERT_GetDefaultCertDB(), peer, PR_TRUE, usage, when, NULL,
                                   &log);
    PRErrorCode code = log.head ? (PRErrorCode)log.head->error : PR_GetError();
    int depth = first_logged_depth(&log);
    /* With a log, the classic verifier records each problem and goes on, and may return
     * SECSuccess after logging some (lib/certhigh/certvfy.c LOG_ERROR_OR_EXIT): any entry
     * is a failure. */
    if (log.count > 0) rv = SECFailure;
    free_log(&log);
    if (rv != SECSuccess) {
        return refuse(s, code ? code : SEC_ERROR_UNTRUSTED_CERT, depth);
    }
    CERTCertList *chain = CERT_GetCertChainFromCert(
        peer, when, is_server ? certUsageSSLClient : certUsageSSLServer);
    rv = check_depth(s, chain);
    if (chain) CERT_DestroyCertList(chain);
    return rv;
}

/* The staple, judged by NSS against the anchors in place; none at all fails too. */
static SECStatus check_staple(mg_session *s, PRFileDesc *fd, CERTCertificate *peer)
{
    const mg_side_config *cfg = &s->ctx->config;
    if (cfg->role != MG_ROLE_CLIENT || !cfg->require_ocsp) return SECSuccess;
    const SECItemArray *staples = SSL_PeerStapledOCSPResponses(fd);
    if (!staples || staples->len == 0 || !staples->items[0].len) {
        s->verify.missing_staple = true;
        return refuse(s, SEC_ERROR_OCSP_UNKNOWN_CERT, 0);
    }
    SECStatus rv = CERT_CacheOCSPResponseFromSideChannel(CERT_GetDefaultCertDB(), peer,
                                                         mg_nss_verify_time(cfg),
                                                         &staples->items[0], NULL);
    return rv == SECSuccess ? SECSuccess : refuse(s, PR_GetError(), 0);
}

static SECStatus check_key_size(mg_session *s, CERTCertificate *peer)
{
    SECKEYPublicKey *pub = CERT_ExtractPublicKey(peer);
    if (!pub) return refuse(s, SSL_ERROR_EXTRACT_PUBLIC_KEY_FAILURE, 0);
    KeyType type = SECKEY_GetPublicKeyType(pub);
    unsigned bits = SECKEY_PublicKeyStrengthInBits(pub);
    SECKEY_DestroyPublicKey(pub);
    if ((type == rsaKey || type == rsaPssKey) && bits < MG_NSS_STRICT_MIN_RSA_BITS)
        return refuse(s, SEC_ERROR_INVALID_KEY, 0);
    return SECSuccess;
}

static SECStatus check_name(mg_session *s, CERTCertificate *peer)
{
    const char *name = s->ctx->config.server_name;
    if (s->ctx->config.role != MG_ROLE_CLIENT) return SECSuccess;
    if (!name || !*name || CERT_VerifyCertName(peer, name) != SECSuccess)
        return refuse(s, SSL_ERROR_BAD_CERT_DOMAIN, 0);
    return SECSuccess;
}

/* The signing keys of the chain are held to the same minimum by NSS's signature checks
 * (lib/certhigh/certvfy.c checkKeyParams reads NSS_RSA_MIN_KEY_SIZE), a process-wide
 * option: set for this verification and put back after it. */
static SECStatus verify_strict(mg_session *s, PRFileDesc *fd, PRBool is_server,
                               CERTCertificate *peer)
{
    PRInt32 saved_min = 0;
    (void)NSS_OptionGet(NSS_RSA_MIN_KEY_SIZE, &saved_min);
    (void)NSS_OptionSet(NSS_RSA_MIN_KEY_SIZE, MG_NSS_STRICT_MIN_RSA_BITS);
    mg_nss_anchors anchors;
    SECStatus rv = SECFailure;
    if (!mg_ok(mg_nss_anchors_open(s->ctx, true, &anchors))) {
        (void)NSS_OptionSet(NSS_RSA_MIN_KEY_SIZE, saved_min);
        return refuse(s, PR_GetError(), -1);
    }
    (void)CERT_ClearOCSPCache();
    if (mg_ok(mg_nss_revocation_open(s, peer))) {
        rv = check_key_size(s, peer);
        if (rv == SECSuccess) rv = verify_chain_strict(s, peer, is_server);
        if (rv != SECSuccess) tell_not_yet_valid(s, peer, is_server);
        if (rv == SECSuccess) rv = check_staple(s, fd, peer);
        if (rv == SECSuccess) rv = check_name(s, peer);
        mg_nss_revocation_close(s);
    }
    PRErrorCode code = PR_GetError();
    (void)CERT_ClearOCSPCache();
    mg_nss_anchors_close(&anchors);
    (void)NSS_OptionSet(NSS_RSA_MIN_KEY_SIZE, saved_min);
    if (rv != SECSuccess) PORT_SetError(s->verify.seen ? s->verify.code : code);
    return rv;
}

static SECStatus judge(mg_session *s, PRFileDesc *fd, PRBool check_sig, PRBool is_server)
{
    CERTCertificate *peer = SSL_PeerCertificate(fd);
    if (!peer) return refuse(s, SSL_ERROR_NO_CERTIFICATE, 0);
    SECStatus rv = s->ctx->config.policy == MG_POLICY_STRICT
                       ? verify_strict(s, fd, is_server, peer)
                       : verify_minimal(s, fd, check_sig, is_server, peer);
    PRErrorCode code = PR_GetError();
    CERT_DestroyCertificate(peer);
    if (rv != SECSuccess) PORT_SetError(code);
    return rv;
}

/* The same chain judged by the same side before, in this process, is judged as it was then
 * (nss_judged.c says what makes it the same). */
static SECStatus on_auth_certificate(void *arg, PRFileDesc *fd, PRBool check_sig,
                                     PRBool is_server)
{
    mg_session *s = arg;
    unsigned char key[MG_NSS_DIGEST_LEN];
    bool keyed = mg_nss_judgement_key(s, fd, check_sig, is_server, key);
    mg_nss_judgement j;
    if (keyed && mg_nss_judgement_find(key, &j)) {
        s->verify = j.verify;
        if (j.rv != SECSuccess) PORT_SetError(j.code);
        return j.rv;
    }
    j.rv = judge(s, fd, check_sig, is_server);
    j.code = j.rv != SECSuccess ? PR_GetError() : 0;
    j.verify = s->verify;
    if (keyed) mg_nss_judgement_keep(key, &j);
    if (j.rv != SECSuccess) PORT_SetError(j.code);
    return j.rv;
}

MG_RESULT mg_nss_setup_auth(mg_session *s, mg_side_outcome *why)
{
    if (SSL_AuthCertificateHook(s->fd, on_auth_certificate, s) != SECSuccess)
        mg_nss_setup_failure(why, MG_REASON_OTHER, PR_GetError(),
                             "cannot set the auth-certificate hook");
    return MG_OK;
}
