/* A missing issuer, named so the operator can find it: its subject, its key identifier (the
 * certificate's authorityKeyIdentifier), where it was looked for, and a CA with the same name
 * but another key when one is at hand (a re-keyed CA, or the wrong CA file). */
#include "chain_internal.h"

#include <openssl/x509v3.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Appends " FILE holds "NAME" with subject key id K, not the one named." for a same-named
 * certificate with another key. */
static void same_name_hint(STACK_OF(X509) *certs, const char *file, X509 *child, char *buf,
                           size_t len)
{
    for (int i = 0; i < sk_X509_num(certs); i++) {
        X509 *candidate = sk_X509_value(certs, i);
        if (candidate == child ||
            X509_NAME_cmp(X509_get_subject_name(candidate), X509_get_issuer_name(child)) != 0)
            continue;
        char *ski = mg_inspect_hex_text(X509_get0_subject_key_id(candidate));
        size_t used = strlen(buf);
        snprintf(buf + used, len - used,
                 " %s holds a certificate of that name, but with subject key id %s: another key "
                 "(a re-keyed CA, or another CA of the same name).",
                 file, ski && *ski ? ski : "(none)");
        free(ski);
        return;
    }
}

static void hints(const mg_inspect_subject *s, const mg_chain_error *e, char *buf, size_t len)
{
    same_name_hint(s->session->anchors, s->session->ca_file, e->cert, buf, len);
    same_name_hint(s->others, s->path, e->cert, buf, len);
    if (e->depth == 0 && sk_X509_num(s->others) == 0) {
        size_t used = strlen(buf);
        snprintf(buf + used, len - used,
                 " %s holds only this certificate: a %s must send the intermediates up to (not "
                 "including) the root, leaf first.",
                 s->path, s->role == MG_INSPECT_SERVER ? "server" : "client");
    }
}

mg_result mg_chain_report_missing_issuer(const mg_inspect_subject *s, const mg_chain_error *e,
                                         const char *cause, mg_inspect_report *r)
{
    char *who = mg_inspect_name_text(X509_get_subject_name(e->cert));
    char *issuer = mg_inspect_name_text(X509_get_issuer_name(e->cert));
    const ASN1_OCTET_STRING *aki = X509_get0_authority_key_id(e->cert);
    char *aki_hex = aki ? mg_inspect_hex_text(aki) : NULL;
    mg_result res = mg_fail(MG_E_INTERNAL, "out of memory");
    if (who && issuer && (aki_hex || !aki)) {
        char key_id[256], more[1024] = "";
        if (aki) snprintf(key_id, sizeof key_id, "authority key id %s", aki_hex);
        else snprintf(key_id, sizeof key_id, "no authority key id given");
        hints(s, e, more, sizeof more);
        if (e->depth == 0)
            res = mg_inspect_add_problem(r, cause, "%s was issued by \"%s\" (%s), which --ca %s "
                                                   "does not hold, and %s does not carry it "
                                                   "either.%s", s->path, issuer, key_id,
                                         s->session->ca_file, s->path, more);
        else
            res = mg_inspect_add_problem(r, cause, "The chain ends at the %s \"%s\", whose issuer "
                                                   "\"%s\" (%s) is neither in %s nor in %s.%s",
                                         mg_chain_ca_word(e->cert), who, issuer, key_id, s->path,
                                         s->session->ca_file, more);
    }
    free(who);
    free(issuer);
    free(aki_hex);
    return res;
}
