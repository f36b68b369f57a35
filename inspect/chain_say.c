/* From X509_verify_cert's errors to problems: each error once, what the leaf's own checks
 * already said left out. */
#include "chain_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* True when a cause in the space-separated list is already in the report. */
static bool covered(const mg_inspect_report *r, const char *list)
{
    char copy[128];
    snprintf(copy, sizeof copy, "%s", list);
    for (char *save = NULL, *id = strtok_r(copy, " ", &save); id; id = strtok_r(NULL, " ", &save))
        if (mg_inspect_has_cause(r, id)) return true;
    return false;
}

/* "leaf <- CN ... <- root": the chain OpenSSL built, for the passed note. */
static MG_RESULT say_verified(const mg_inspect_subject *s, X509_STORE_CTX *ctx, bool leaf_problems,
                              mg_inspect_report *r)
{
    STACK_OF(X509) *chain = X509_STORE_CTX_get0_chain(ctx);
    char path[2048] = "";
    for (int i = 1; i < sk_X509_num(chain); i++) {
        char *name = mg_inspect_name_text(X509_get_subject_name(sk_X509_value(chain, i)));
        size_t used = strlen(path);
        snprintf(path + used, sizeof path - used, " <- \"%s\"", name ? name : "?");
        free(name);
    }
    return mg_inspect_add_passed(r, "chain", "verifies to a CA in %s%s: leaf%s%s",
                                 s->session->ca_file,
                                 leaf_problems ? " (apart from the leaf's problems above)" : "",
                                 path, s->session->crls ? "; not revoked" : "");
}

/* Says one error; *unexplained is set to it when it added nothing and nothing covers it. */
/* True when the chain never reached a trust anchor: then its CRL errors are noise. */
static bool unanchored(const mg_chain_error *errors, size_t count)
{
    for (size_t i = 0; i < count; i++)
        switch (errors[i].error) {
        case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
        case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
        case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
        case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
        case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN: return true;
        default: break;
        }
    return false;
}

static MG_RESULT say_error(const mg_inspect_subject *s, const mg_chain_error *e,
                           mg_inspect_report *r, bool *leaf_covered,
                           const mg_chain_error **unexplained)
{
    mg_chain_cause c = mg_chain_cause_of(e->error, e->depth);
    if (e->depth == 0 && covered(r, c.covered_by)) {
        *leaf_covered = true;
        return MG_OK;
    }
    /* One problem per cause is enough (an intermediate and its root both expired; errors 20
     * and 21 for the same missing issuer). */
    if (e->error != X509_V_ERR_INVALID_PURPOSE && mg_inspect_has_cause(r, c.cause)) return MG_OK;
    size_t before = r->problem_count;
    MG_GUARD(mg_chain_report(s, e, c.cause, r));
    if (r->problem_count == before && !*unexplained) *unexplained = e;
    return MG_OK;
}

mg_result mg_chain_say(const mg_inspect_subject *s, X509_STORE_CTX *ctx, bool completed,
                       const mg_chain_error *errors, size_t count, mg_inspect_report *r)
{
    size_t before = r->problem_count;
    bool leaf_covered = false;
    const mg_chain_error *unexplained = NULL;
    bool skip_crl_errors = unanchored(errors, count);
    if (skip_crl_errors && s->session->crls)
        MG_GUARD(mg_inspect_add_skipped(r, "revocation", "the chain does not reach a trusted CA, "
                                                         "so its CRLs cannot be checked"));
    for (size_t i = 0; i < count; i++) {
        if (skip_crl_errors && errors[i].error == X509_V_ERR_UNABLE_TO_GET_CRL) continue;
        MG_GUARD(say_error(s, &errors[i], r, &leaf_covered, &unexplained));
    }
    if (r->problem_count > before) return MG_OK;
    if (unexplained)
        return mg_inspect_add_problem(r, "chain-other", "OpenSSL: verify error %d \"%s\" at depth "
                                                        "%d.", unexplained->error,
                                      X509_verify_cert_error_string(unexplained->error),
                                      unexplained->depth);
    if (!completed) {
        int error = X509_STORE_CTX_get_error(ctx);
        return mg_inspect_add_problem(r, "chain-other", "OpenSSL: verify error %d \"%s\".", error,
                                      X509_verify_cert_error_string(error));
    }
    return say_verified(s, ctx, leaf_covered, r);
}
