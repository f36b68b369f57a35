/* The chain to the given CA with X509_verify_cert: the file's other certificates as the
 * untrusted chain, --ca as the trust anchors, --crl for every CA in the chain, the role's
 * purpose, the instant asked, and security level 2 (what current clients enforce). Every
 * error is collected (the callback lets verification go on), then said once, in words. */
#include "chain_internal.h"

#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include <stdlib.h>
#include <string.h>

#define MG_CHAIN_MAX_ERRORS 32

typedef struct {
    mg_chain_error items[MG_CHAIN_MAX_ERRORS];
    size_t count;
} chain_errors;

static int collect_error(int ok, X509_STORE_CTX *ctx)
{
    if (ok) return 1;
    chain_errors *errors = X509_STORE_CTX_get_app_data(ctx);
    int error = X509_STORE_CTX_get_error(ctx), depth = X509_STORE_CTX_get_error_depth(ctx);
    for (size_t i = 0; i < errors->count; i++)
        if (errors->items[i].error == error && errors->items[i].depth == depth) return 1;
    X509 *cert = X509_STORE_CTX_get_current_cert(ctx);
    if (errors->count == MG_CHAIN_MAX_ERRORS || !cert) return 1;
    STACK_OF(X509) *chain = X509_STORE_CTX_get0_chain(ctx);
    X509 *issuer = depth + 1 < sk_X509_num(chain) ? sk_X509_value(chain, depth + 1) : NULL;
    X509_CRL *crl = X509_STORE_CTX_get0_current_crl(ctx);
    if (!X509_up_ref(cert)) return 1;
    if (issuer && !X509_up_ref(issuer)) issuer = NULL;
    if (crl && !X509_CRL_up_ref(crl)) crl = NULL;
    errors->items[errors->count++] = (mg_chain_error){error, depth, cert, issuer, crl};
    return 1; /* go on: every problem of the chain is worth saying at once */
}

static void free_errors(chain_errors *errors)
{
    for (size_t i = 0; i < errors->count; i++) {
        X509_free(errors->items[i].cert);
        X509_free(errors->items[i].issuer);
        X509_CRL_free(errors->items[i].crl);
    }
}

static X509_STORE *trust_store(const mg_inspect_session *session)
{
    X509_STORE *store = X509_STORE_new();
    for (int i = 0; store && i < sk_X509_num(session->anchors); i++)
        if (!X509_STORE_add_cert(store, sk_X509_value(session->anchors, i))) goto fail;
    for (int i = 0; store && i < sk_X509_CRL_num(session->crls); i++)
        if (!X509_STORE_add_crl(store, sk_X509_CRL_value(session->crls, i))) goto fail;
    return store;
fail:
    X509_STORE_free(store);
    return NULL;
}

static bool setup(const mg_inspect_subject *s, X509_STORE_CTX *ctx, X509_STORE *store,
                  chain_errors *errors)
{
    if (!X509_STORE_CTX_init(ctx, store, s->leaf, s->others)) return false;
    X509_VERIFY_PARAM *param = X509_STORE_CTX_get0_param(ctx);
    X509_VERIFY_PARAM_set_time(param, (time_t)s->session->at);
    X509_VERIFY_PARAM_set_auth_level(param, 2);
    if (s->session->crls)
        X509_VERIFY_PARAM_set_flags(param, X509_V_FLAG_CRL_CHECK | X509_V_FLAG_CRL_CHECK_ALL);
    X509_STORE_CTX_set_verify_cb(ctx, collect_error);
    X509_STORE_CTX_set_app_data(ctx, errors);
    return X509_STORE_CTX_set_purpose(ctx, s->role == MG_INSPECT_SERVER ? X509_PURPOSE_SSL_SERVER
                                                                        : X509_PURPOSE_SSL_CLIENT);
}

mg_result mg_check_chain(const mg_inspect_subject *s, mg_inspect_report *r)
{
    if (!s->session->anchors)
        return mg_inspect_add_skipped(r, "chain", "give --ca FILE (the CA the verifier trusts) to "
                                                  "check the chain, the CAs and revocation");
    chain_errors errors = {.count = 0};
    X509_STORE *store = trust_store(s->session);
    X509_STORE_CTX *ctx = X509_STORE_CTX_new();
    mg_result res = mg_fail(MG_E_INTERNAL, "cannot set up certificate verification");
    if (store && ctx && setup(s, ctx, store, &errors)) {
        bool completed = X509_verify_cert(ctx) == 1;
        res = mg_chain_say(s, ctx, completed, errors.items, errors.count, r);
    }
    free_errors(&errors);
    X509_STORE_CTX_free(ctx);
    X509_STORE_free(store);
    return res;
}
