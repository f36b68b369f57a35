/* One WOLFSSL_CTX from a context: exactly one TLS version, no session cache or tickets (every
 * case is a full handshake), this side's credential as given (the chain in the order given),
 * the trust store, the CRLs, the verification settings and the OCSP staple. */
#include "wolfssl_internal.h"

/* 112-bit security under strict: RSA of at least 2048 bits, ECC of at least 224. */
#define MG_WOLF_STRICT_MIN_RSA_BITS 2048
#define MG_WOLF_STRICT_MIN_ECC_BITS 224

static WOLFSSL_METHOD *method_for(const mg_side_config *cfg)
{
    bool server = cfg->role == MG_ROLE_SERVER;
    if (cfg->tls == MG_TLS12)
        return server ? wolfTLSv1_2_server_method() : wolfTLSv1_2_client_method();
    return server ? wolfTLSv1_3_server_method() : wolfTLSv1_3_client_method();
}

/* An encrypted PEM key fails to load instead of prompting on the terminal. */
static int no_password(char *buf, int size, int rwflag, void *userdata)
{
    (void)buf, (void)size, (void)rwflag, (void)userdata;
    return 0;
}

/* A wolfSSL client lists P-521 first among its groups by default (src/tls.c
 * TLSX_PopulateSupportedGroups: the largest curves first), and servers that follow the
 * client's order (OpenSSL in TLS 1.2, GnuTLS) take it: one case then costs several times a
 * P-256 one in wolfSSL's generic arithmetic, and in TLS 1.3 a HelloRetryRequest on top (the key
 * share is P-256). The client lists the groups the other stacks prefer instead, in their order,
 * each curve the matrix's certificates use among them; the first one gets the TLS 1.3 key
 * share (wolfSSL_CTX_set_groups). Nothing judged depends on the group. */
static const int mg_wolf_groups[] = {WOLFSSL_ECC_X25519,    WOLFSSL_ECC_SECP256R1,
                                     WOLFSSL_ECC_SECP384R1, WOLFSSL_ECC_SECP521R1,
                                     WOLFSSL_ECC_X448,      WOLFSSL_FFDHE_2048,
                                     WOLFSSL_FFDHE_3072};
#define MG_WOLF_GROUP_COUNT ((int)(sizeof mg_wolf_groups / sizeof mg_wolf_groups[0]))

static MG_RESULT setup_groups(const mg_side_config *cfg, WOLFSSL_CTX *wctx)
{
    if (cfg->role != MG_ROLE_CLIENT) return MG_OK;
    int rc = WOLFSSL_SUCCESS;
    if (cfg->tls == MG_TLS13)
        rc = wolfSSL_CTX_set_groups(wctx, (int *)mg_wolf_groups, MG_WOLF_GROUP_COUNT);
    for (int i = 0; cfg->tls != MG_TLS13 && rc == WOLFSSL_SUCCESS && i < MG_WOLF_GROUP_COUNT; i++)
        rc = wolfSSL_CTX_UseSupportedCurve(wctx, (word16)mg_wolf_groups[i]);
    MG_ENSURE(rc == WOLFSSL_SUCCESS, MG_E_INTERNAL, "wolfssl: cannot set the groups (%d)", rc);
    return MG_OK;
}

static void setup_protocol(WOLFSSL_CTX *wctx)
{
    wolfSSL_CTX_set_session_cache_mode(wctx, WOLFSSL_SESS_CACHE_OFF);
    wolfSSL_CTX_set_default_passwd_cb(wctx, no_password);
    mg_wolf_setup_alert_tracking(wctx);
    mg_wolf_setup_signature_checks(wctx);
}

/* The key checked against the leaf (wolfssl_key_check.c) unless the case loads a mismatched
 * pair on purpose. */
static MG_RESULT load_credential(const mg_context *ctx, WOLFSSL_CTX *wctx, mg_side_outcome *why)
{
    const char *cert_name = mg_side_cert_name(&ctx->config);
    const char *key_name = mg_side_key_name(&ctx->config);
    if (!ctx->own_chain.data) return MG_OK; /* no credential */
    const mg_wolf_blob *chain = &ctx->own_chain, *key = &ctx->own_key;
    int rc = chain->format == WOLFSSL_FILETYPE_PEM
                 ? wolfSSL_CTX_use_certificate_chain_buffer_format(wctx, chain->data,
                                                                   (long)chain->len, chain->format)
                 : wolfSSL_CTX_use_certificate_buffer(wctx, chain->data, (long)chain->len,
                                                      chain->format);
    if (rc != WOLFSSL_SUCCESS) {
        mg_wolf_setup_failure(why, MG_REASON_BAD_CREDENTIAL, rc,
                              "wolfSSL refused the certificates in %s", cert_name);
        return MG_OK;
    }
    rc = wolfSSL_CTX_use_PrivateKey_buffer(wctx, key->data, (long)key->len, key->format);
    if (rc != WOLFSSL_SUCCESS) {
        mg_wolf_setup_failure(why, MG_REASON_BAD_CREDENTIAL, rc,
                              "%s holds no private key wolfSSL can use (unencrypted PEM or DER)",
                              key_name);
        return MG_OK;
    }
    if (!ctx->config.skip_key_check && !mg_wolf_key_matches(wctx, chain, key))
        mg_wolf_setup_failure(why, MG_REASON_KEY_MISMATCH, 0,
                              "the key in %s does not match the certificate in %s", key_name,
                              cert_name);
    return MG_OK;
}

/* trust_file NULL leaves the store empty: wolfSSL trusts nothing it is not given. */
static MG_RESULT load_trust(const mg_context *ctx, WOLFSSL_CTX *wctx, mg_side_outcome *why)
{
    if (!ctx->trust.data) return MG_OK;
    int rc = wolfSSL_CTX_load_verify_buffer(wctx, ctx->trust.data, (long)ctx->trust.len,
                                            ctx->trust.format);
    if (rc != WOLFSSL_SUCCESS)
        mg_wolf_setup_failure(why, MG_REASON_BAD_CREDENTIAL, rc,
                              "cannot load trusted certificates from %s", ctx->config.trust_file);
    return MG_OK;
}

/* After this side's own credential is in: the minimum applies to the keys wolfSSL loads from
 * then on as well as to the peer's, and a weak credential of our own is the peer's to judge. */
static void setup_key_sizes(const mg_context *ctx, WOLFSSL_CTX *wctx)
{
    if (ctx->config.policy != MG_POLICY_STRICT) return;
    (void)wolfSSL_CTX_SetMinRsaKey_Sz(wctx, MG_WOLF_STRICT_MIN_RSA_BITS);
    (void)wolfSSL_CTX_SetMinEccKey_Sz(wctx, MG_WOLF_STRICT_MIN_ECC_BITS);
}

static MG_RESULT configure(const mg_context *ctx, WOLFSSL_CTX *wctx, mg_side_outcome *why)
{
    setup_protocol(wctx);
    MG_GUARD(setup_groups(&ctx->config, wctx));
    MG_GUARD(mg_wolf_setup_resumption(&ctx->config, wctx));
    MG_WOLF_STEP(load_credential(ctx, wctx, why), why);
    MG_WOLF_STEP(load_trust(ctx, wctx, why), why);
    setup_key_sizes(ctx, wctx);
    MG_WOLF_STEP(mg_wolf_install_crls(ctx, wctx, why), why);
    MG_WOLF_STEP(mg_wolf_setup_verify(ctx, wctx, why), why);
    MG_WOLF_STEP(mg_wolf_setup_ca_names(ctx, wctx, why), why);
    return mg_wolf_setup_ocsp(ctx, wctx, why);
}

/* The trust store is reloaded as it was first loaded: before the verify mode is set, so under
 * the WOLFSSL_VERIFY_NONE that OPENSSL_COMPATIBLE_DEFAULTS gives a new WOLFSSL_CTX
 * (src/ssl.c wolfSSL_CTX_new_ex), where AddCA checks neither a CA's dates nor its key size
 * (GET_VERIFY_SETTING_CTX); an expired root stays loadable, and the chain check judges it.
 * CRLs are reinstalled because a CRL entry keeps the outcome of its first signature check
 * (CRL_Entry.verified, src/crl.c CheckCertCRLList), made with a CA a chain may have taught. */
MG_RESULT mg_wolf_forget_learned(const mg_context *ctx, WOLFSSL_CTX *wctx, mg_side_outcome *why)
{
    mg_wolf_use_time(&ctx->config);
    WOLFSSL_CERT_MANAGER *cm = wolfSSL_CTX_GetCertManager(wctx);
    MG_ENSURE(cm && wolfSSL_CertManagerUnloadCAs(cm) == WOLFSSL_SUCCESS, MG_E_INTERNAL,
              "wolfssl: cannot unload the CAs of a context");
    wolfSSL_CTX_set_verify(wctx, WOLFSSL_VERIFY_NONE, NULL);
    MG_WOLF_STEP(load_trust(ctx, wctx, why), why);
    if (ctx->crl_count > 0) {
        MG_ENSURE(wolfSSL_CertManagerFreeCRL(cm) == WOLFSSL_SUCCESS, MG_E_INTERNAL,
                  "wolfssl: cannot drop the CRLs of a context");
        MG_WOLF_STEP(mg_wolf_install_crls(ctx, wctx, why), why);
    }
    return mg_wolf_setup_verify(ctx, wctx, why);
}

/* By default a wolfSSL TLS 1.2 server offers in CertificateRequest only the signature
 * algorithms of its own key type (src/internal.c InitSuitesHashSigAlgo), so a client with an
 * RSA certificate finds none it can use facing an ECDSA server; a server that accepts clients
 * of any key type lists them all, as the other stacks do by default.
 * Set on each WOLFSSL, not on the WOLFSSL_CTX: from wolfSSL 5.6.0 on a WOLFSSL_CTX gets its
 * cipher suites only when its first WOLFSSL is made or a server certificate is loaded
 * (wolfSSL/wolfssl#5932), and wolfSSL_CTX_set1_sigalgs_list on a new one allocates them empty
 * (src/ssl.c: AllocateCtxSuites then SetSuitesHashSigAlgo), which wolfSSL_new then keeps: the
 * client's ClientHello offers no cipher suite, and loading a server's certificate recomputes
 * the list (src/ssl_load.c InitSuites) over the one set. wolfSSL_set1_sigalgs_list copies the
 * WOLFSSL_CTX's suites, ready by then, into the WOLFSSL's own and sets the list there, on
 * 5.5.4 as on 5.7. */
static const char mg_wolf_sigalgs[] = "ECDSA+SHA256:ECDSA+SHA384:ECDSA+SHA512:RSA-PSS+SHA256:"
                                      "RSA-PSS+SHA384:RSA-PSS+SHA512:RSA+SHA256:RSA+SHA384:"
                                      "RSA+SHA512:ED25519";

MG_RESULT mg_wolf_setup_sigalgs(WOLFSSL *ssl)
{
    MG_ENSURE(wolfSSL_set1_sigalgs_list(ssl, mg_wolf_sigalgs) == WOLFSSL_SUCCESS, MG_E_INTERNAL,
              "wolfssl: cannot set the signature algorithms");
    return MG_OK;
}

MG_RESULT mg_wolf_build(const mg_context *ctx, WOLFSSL_CTX **out, mg_side_outcome *why)
{
    *out = NULL;
    mg_wolf_use_time(&ctx->config);
    WOLFSSL_METHOD *method = method_for(&ctx->config);
    WOLFSSL_CTX *wctx = method ? wolfSSL_CTX_new(method) : NULL;
    MG_ENSURE(wctx, MG_E_INTERNAL, "wolfssl: wolfSSL_CTX_new failed");
    mg_result r = configure(ctx, wctx, why);
    if (!mg_ok(r) || mg_wolf_refused(why)) {
        wolfSSL_CTX_free(wctx);
        return r;
    }
    *out = wctx;
    return MG_OK;
}
