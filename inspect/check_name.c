/* The name a client connects to (--host) against the certificate, with OpenSSL's verdict:
 * X509_check_host without the subject CN and without partial wildcards (what browsers, Go and
 * Python do), then again with the CN fallback to tell a CN-only match; addresses only against
 * iPAddress entries (X509_check_ip_asc). */
#include "inspect_internal.h"

#include <openssl/x509v3.h>

#include <stdio.h>
#include <string.h>

#define STRICT_HOST_FLAGS                                                                          \
    (X509_CHECK_FLAG_NEVER_CHECK_SUBJECT | X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS)

static void common_name(X509 *cert, char *buf, size_t len)
{
    X509_NAME *subject = X509_get_subject_name(cert);
    int at = X509_NAME_get_index_by_NID(subject, NID_commonName, -1);
    const ASN1_STRING *cn =
        at >= 0 ? X509_NAME_ENTRY_get_data(X509_NAME_get_entry(subject, at)) : NULL;
    if (cn)
        snprintf(buf, len, "%.*s", ASN1_STRING_length(cn), (const char *)ASN1_STRING_get0_data(cn));
    else
        snprintf(buf, len, "(none)");
}

/* Appends, for each DNS entry that nearly matches, why it does not (wildcard rules). Returns
 * true when some entry is the host written as a DNS name. */
static bool explain_dns_entries(X509 *cert, const char *host, bool host_is_ip, char *buf,
                                size_t len)
{
    GENERAL_NAMES *names = X509_get_ext_d2i(cert, NID_subject_alt_name, NULL, NULL);
    bool as_dns = false;
    for (int i = 0; i < sk_GENERAL_NAME_num(names); i++) {
        const GENERAL_NAME *gen = sk_GENERAL_NAME_value(names, i);
        if (gen->type != GEN_DNS) continue;
        char pattern[256];
        snprintf(pattern, sizeof pattern, "%.*s", ASN1_STRING_length(gen->d.dNSName),
                 (const char *)ASN1_STRING_get0_data(gen->d.dNSName));
        mg_dns_match m = mg_inspect_dns_match(pattern, host);
        as_dns |= host_is_ip && m == MG_DNS_MATCH;
        if (m == MG_DNS_MATCH || m == MG_DNS_DIFFERENT) continue;
        size_t used = strlen(buf);
        snprintf(buf + used, len - used, " DNS:%s does not cover %s: %s.", pattern, host,
                 mg_inspect_dns_match_words(m));
    }
    GENERAL_NAMES_free(names);
    return as_dns;
}

static MG_RESULT mismatch(mg_inspect_report *r, const char *host, X509 *cert, const char *why)
{
    char cn[256];
    common_name(cert, cn, sizeof cn);
    if (!*r->names)
        return mg_inspect_add_problem(r, "name-mismatch",
                                      "\"%s\" is not its name: it has no subjectAltName, and its "
                                      "subject CN is %s.%s", host, cn, why);
    return mg_inspect_add_problem(r, "name-mismatch", "\"%s\" is not among its names (%s).%s",
                                  host, r->names, why);
}

static MG_RESULT check_ip(const mg_inspect_subject *s, mg_inspect_report *r, const char *host)
{
    if (X509_check_ip_asc(s->leaf, host, 0) == 1)
        return mg_inspect_add_passed(r, "name", "%s is in its iPAddress subjectAltName", host);
    char why[1024] = "";
    if (explain_dns_entries(s->leaf, host, true, why, sizeof why))
        return mg_inspect_add_problem(r, "ip-as-dns-name",
                                      "%s is written as DNS:%s; clients compare an address only "
                                      "with iPAddress entries (RFC 9525 / RFC 5280).", host, host);
    char cn[256];
    common_name(s->leaf, cn, sizeof cn);
    if (strcmp(cn, host) == 0)
        snprintf(why, sizeof why, " The address is only in the subject CN, which no client "
                                  "compares with an address.");
    return mismatch(r, host, s->leaf, why);
}

static MG_RESULT check_dns(const mg_inspect_subject *s, mg_inspect_report *r, const char *host)
{
    char *matched = NULL;
    if (X509_check_host(s->leaf, host, 0, STRICT_HOST_FLAGS, &matched) == 1) {
        mg_result res = mg_inspect_add_passed(r, "name", "%s matches its subjectAltName DNS:%s",
                                              host, matched);
        OPENSSL_free(matched);
        return res;
    }
    char cn[256];
    common_name(s->leaf, cn, sizeof cn);
    if (X509_check_host(s->leaf, host, 0, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS, NULL) == 1)
        return mg_inspect_add_problem(r, "name-cn-only",
                                      "It has no DNS subjectAltName, so \"%s\" matches only its "
                                      "subject CN (%s). OpenSSL, GnuTLS and curl still fall back "
                                      "to the CN; browsers, Go and Python do not.", host, cn);
    char why[1024] = "";
    explain_dns_entries(s->leaf, host, false, why, sizeof why);
    return mismatch(r, host, s->leaf, why);
}

mg_result mg_check_name(const mg_inspect_subject *s, mg_inspect_report *r)
{
    const char *host = s->session->host;
    if (!host) {
        if (s->role == MG_INSPECT_CLIENT) return MG_OK; /* servers seldom check a client's names */
        return mg_inspect_add_skipped(r, "name", "give --host NAME (the name clients connect to) "
                                                 "to check it against the certificate's names");
    }
    return s->session->host_kind == MG_HOST_IP ? check_ip(s, r, host) : check_dns(s, r, host);
}
