/* OCSP stapling. The server staples the DER response it was given (parsed once, in
 * context_new). The client, under strict with require_ocsp, requests a staple and judges it
 * in the status callback, which OpenSSL runs after the chain verified: a refusal there fails
 * the handshake with bad_certificate_status_response, and the session keeps why. */
#include "ossl_internal.h"
#include "ossl_reasons.h"

#include <openssl/err.h>
#include <openssl/ocsp.h>

#include <stdio.h>
#include <string.h>
#include <time.h>

/* Clock skew tolerated around thisUpdate and nextUpdate, as OCSP_check_validity's callers
 * commonly allow. */
#define MG_OCSP_LEEWAY_SECONDS 300

static int staple(SSL *ssl, void *arg)
{
    const mg_context *ctx = arg;
    unsigned char *copy = OPENSSL_memdup(ctx->ocsp_der, ctx->ocsp_len);
    if (!copy) return SSL_TLSEXT_ERR_ALERT_FATAL;
    if (SSL_set_tlsext_status_ocsp_resp(ssl, copy, (long)ctx->ocsp_len) != 1) {
        OPENSSL_free(copy);
        return SSL_TLSEXT_ERR_ALERT_FATAL;
    }
    return SSL_TLSEXT_ERR_OK; /* OpenSSL owns the copy now */
}

/* Records the refusal (first one wins) and returns 0, which fails the handshake. */
static int refuse(mg_session *s, long code, const char *text)
{
    if (s && s->own.reason == MG_REASON_NONE) {
        s->own.reason = mg_ossl_verify_reason(code);
        s->own.code = code;
        snprintf(s->own.text, sizeof s->own.text, "OCSP staple: %s", text);
    }
    return 0;
}

/* The single response for `leaf`, whatever hash algorithm the responder used in its CertID. */
static bool find_status(OCSP_BASICRESP *bs, X509 *leaf, X509 *issuer, int *status,
                        ASN1_GENERALIZEDTIME **this_update, ASN1_GENERALIZEDTIME **next_update)
{
    for (int i = 0; i < OCSP_resp_count(bs); i++) {
        OCSP_SINGLERESP *single = OCSP_resp_get0(bs, i);
        const OCSP_CERTID *id = OCSP_SINGLERESP_get0_id(single);
        ASN1_OBJECT *md_oid = NULL;
        if (!OCSP_id_get0_info(NULL, &md_oid, NULL, NULL, (OCSP_CERTID *)id)) continue;
        const EVP_MD *md = EVP_get_digestbyobj(md_oid);
        OCSP_CERTID *ours = md ? OCSP_cert_to_id(md, leaf, issuer) : NULL;
        bool same = ours && OCSP_id_cmp(ours, id) == 0;
        OCSP_CERTID_free(ours);
        if (same) {
            int reason;
            *status = OCSP_single_get0_status(single, &reason, NULL, this_update, next_update);
            return true;
        }
    }
    return false;
}

/* thisUpdate not in the future and nextUpdate (when given) not in the past, at `now`. */
static bool current_at(time_t now, const ASN1_GENERALIZEDTIME *this_update,
                       const ASN1_GENERALIZEDTIME *next_update)
{
    time_t latest_issue = now + MG_OCSP_LEEWAY_SECONDS;
    time_t earliest_expiry = now - MG_OCSP_LEEWAY_SECONDS;
    if (!this_update || X509_cmp_time(this_update, &latest_issue) != -1) return false;
    return !next_update || X509_cmp_time(next_update, &earliest_expiry) == 1;
}

static int judge(SSL *ssl, const mg_context *ctx, OCSP_BASICRESP *bs)
{
    mg_session *s = mg_ossl_session_of(ssl);
    STACK_OF(X509) *verified = SSL_get0_verified_chain(ssl);
    if (!verified || sk_X509_num(verified) < 2)
        return refuse(s, X509_V_ERR_OCSP_VERIFY_FAILED, "no verified issuer to check it with");
    X509 *leaf = sk_X509_value(verified, 0), *issuer = sk_X509_value(verified, 1);
    X509_STORE *store = SSL_CTX_get_cert_store(ctx->ssl_ctx);
    if (OCSP_basic_verify(bs, SSL_get_peer_cert_chain(ssl), store, 0) <= 0) {
        ERR_clear_error();
        return refuse(s, X509_V_ERR_OCSP_VERIFY_FAILED, "signature or signer not trusted");
    }
    int status = -1;
    ASN1_GENERALIZEDTIME *this_update = NULL, *next_update = NULL;
    if (!find_status(bs, leaf, issuer, &status, &this_update, &next_update))
        return refuse(s, X509_V_ERR_OCSP_CERT_UNKNOWN, "no status for the certificate");
    if (status == V_OCSP_CERTSTATUS_REVOKED)
        return refuse(s, X509_V_ERR_CERT_REVOKED, "the certificate is revoked");
    if (status != V_OCSP_CERTSTATUS_GOOD)
        return refuse(s, X509_V_ERR_OCSP_CERT_UNKNOWN, "the responder does not know it");
    time_t now = ctx->config.pin_time ? (time_t)ctx->config.verify_time : time(NULL);
    if (!current_at(now, this_update, next_update))
        return refuse(s, X509_V_ERR_OCSP_VERIFY_FAILED, "not current at the verification time");
    return 1;
}

static int judge_staple(SSL *ssl, void *arg)
{
    const unsigned char *der = NULL;
    long len = SSL_get_tlsext_status_ocsp_resp(ssl, &der);
    if (!der || len <= 0)
        return refuse(mg_ossl_session_of(ssl), X509_V_ERR_OCSP_VERIFY_NEEDED,
                      "the server stapled no response");
    OCSP_RESPONSE *resp = d2i_OCSP_RESPONSE(NULL, &der, len);
    OCSP_BASICRESP *bs = NULL;
    int verdict;
    if (!resp || OCSP_response_status(resp) != OCSP_RESPONSE_STATUS_SUCCESSFUL ||
        !(bs = OCSP_response_get1_basic(resp)))
        verdict = refuse(mg_ossl_session_of(ssl), X509_V_ERR_OCSP_VERIFY_FAILED,
                         "not a successful basic response");
    else
        verdict = judge(ssl, arg, bs);
    OCSP_BASICRESP_free(bs);
    OCSP_RESPONSE_free(resp);
    ERR_clear_error();
    return verdict;
}

/* Reads the DER response once; re-encoding it also proves it parses. */
static bool read_response(mg_context *ctx, mg_side_outcome *why)
{
    const char *path = ctx->config.ocsp_file;
    BIO *bio = BIO_new_file(path, "rb");
    if (!bio) return mg_ossl_setup_failure(why, MG_REASON_BAD_CREDENTIAL, "cannot read %s", path);
    OCSP_RESPONSE *resp = d2i_OCSP_RESPONSE_bio(bio, NULL);
    BIO_free(bio);
    unsigned char *der = NULL;
    int len = resp ? i2d_OCSP_RESPONSE(resp, &der) : -1;
    OCSP_RESPONSE_free(resp);
    if (len <= 0)
        return mg_ossl_setup_failure(why, MG_REASON_BAD_CREDENTIAL,
                                     "%s is not a DER OCSP response", path);
    ctx->ocsp_der = der;
    ctx->ocsp_len = (size_t)len;
    return true;
}

bool mg_ossl_setup_ocsp(mg_context *ctx, mg_side_outcome *why)
{
    const mg_side_config *cfg = &ctx->config;
    if (cfg->role == MG_ROLE_SERVER && cfg->ocsp_file) {
        if (!read_response(ctx, why)) return false;
        SSL_CTX_set_tlsext_status_cb(ctx->ssl_ctx, staple);
        SSL_CTX_set_tlsext_status_arg(ctx->ssl_ctx, ctx);
    }
    if (cfg->role == MG_ROLE_CLIENT && cfg->require_ocsp && cfg->policy == MG_POLICY_STRICT) {
        SSL_CTX_set_tlsext_status_type(ctx->ssl_ctx, TLSEXT_STATUSTYPE_ocsp);
        SSL_CTX_set_tlsext_status_cb(ctx->ssl_ctx, judge_staple);
        SSL_CTX_set_tlsext_status_arg(ctx->ssl_ctx, ctx);
    }
    return true;
}
