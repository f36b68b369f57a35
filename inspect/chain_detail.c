/* The words for each chain error: which certificate, which CA, which dates. */
#include "chain_internal.h"
#include "inspect_time.h"

#include <openssl/x509v3.h>

#include <stdlib.h>

const char *mg_chain_ca_word(X509 *cert)
{
    return X509_self_signed(cert, 0) == 1 ? "root" : "intermediate";
}

static MG_RESULT time_detail(const mg_inspect_subject *s, const mg_chain_error *e,
                             const char *cause, const char *who, mg_inspect_report *r)
{
    bool expired = e->error == X509_V_ERR_CERT_HAS_EXPIRED;
    int64_t edge = 0;
    char edge_text[32] = "?", at_text[32];
    const ASN1_TIME *when = expired ? X509_get0_notAfter(e->cert) : X509_get0_notBefore(e->cert);
    if (mg_inspect_asn1_seconds(when, &edge))
        mg_inspect_format_time(edge, edge_text, sizeof edge_text);
    mg_inspect_format_time(s->session->at, at_text, sizeof at_text);
    return mg_inspect_add_problem(r, cause, "The %s \"%s\" %s %s (checked at %s).",
                                  mg_chain_ca_word(e->cert), who,
                                  expired ? "expired on" : "becomes valid on", edge_text, at_text);
}

static MG_RESULT ca_invalid_detail(const mg_chain_error *e, const char *cause, const char *who,
                                   mg_inspect_report *r)
{
    uint32_t flags = X509_get_extension_flags(e->cert);
    const char *why = !(flags & EXFLAG_BCONS)  ? "has no basicConstraints extension"
                      : !(flags & EXFLAG_CA)   ? "has basicConstraints CA:FALSE"
                      : (flags & EXFLAG_KUSAGE) && !(X509_get_key_usage(e->cert) & KU_KEY_CERT_SIGN)
                          ? "has a keyUsage without keyCertSign"
                          : X509_verify_cert_error_string(e->error);
    return mg_inspect_add_problem(r, cause,
                                  "\"%s\" signs the certificate below it but %s, so it may not "
                                  "act as a CA (RFC 5280 4.2.1.9, 4.2.1.3).", who, why);
}

/* An intermediate's EKU that excludes the role; other purpose failures of a CA (keyUsage,
 * basicConstraints) are said by their own errors. */
static MG_RESULT intermediate_eku_detail(const mg_inspect_subject *s, const mg_chain_error *e,
                                         const char *cause, const char *who, mg_inspect_report *r)
{
    bool server = s->role == MG_INSPECT_SERVER;
    if (!(X509_get_extension_flags(e->cert) & EXFLAG_XKUSAGE) ||
        (X509_get_extended_key_usage(e->cert) & (server ? XKU_SSL_SERVER : XKU_SSL_CLIENT)))
        return MG_OK;
    return mg_inspect_add_problem(r, cause,
                                  "The %s \"%s\" has an extendedKeyUsage without %s, and OpenSSL "
                                  "and GnuTLS apply a CA's EKU to every certificate below it.",
                                  mg_chain_ca_word(e->cert), who,
                                  server ? "serverAuth" : "clientAuth");
}

static MG_RESULT path_length_detail(const mg_chain_error *e, const char *cause, const char *who,
                                    mg_inspect_report *r)
{
    long pathlen = X509_get_pathlen(e->cert);
    return mg_inspect_add_problem(r, cause,
                                  "\"%s\" has pathLenConstraint %ld: at most %ld CA certificate%s "
                                  "may follow it, and this chain has more.",
                                  who, pathlen, pathlen, pathlen == 1 ? "" : "s");
}

static MG_RESULT name_constraints_detail(const mg_chain_error *e, const char *cause,
                                         const char *who, mg_inspect_report *r)
{
    char *names = mg_inspect_san_text(e->cert);
    char *issuer = mg_inspect_name_text(X509_get_issuer_name(e->cert));
    mg_result res = mg_fail(MG_E_INTERNAL, "out of memory");
    if (names && issuer)
        res = mg_inspect_add_problem(r, cause,
                                     "The names of \"%s\" (%s) are not all within what a CA above "
                                     "it may issue (its issuer is \"%s\"); OpenSSL says \"%s\".",
                                     who, *names ? names : "subject only", issuer,
                                     X509_verify_cert_error_string(e->error));
    free(names);
    free(issuer);
    return res;
}

static MG_RESULT generic_detail(const mg_chain_error *e, const char *cause, const char *who,
                                mg_inspect_report *r)
{
    const char *words = X509_verify_cert_error_string(e->error);
    if (e->depth == 0)
        return mg_inspect_add_problem(r, cause, "OpenSSL: verify error %d \"%s\" on this "
                                                "certificate.", e->error, words);
    return mg_inspect_add_problem(r, cause, "OpenSSL: verify error %d \"%s\" at depth %d, on the "
                                            "%s \"%s\".", e->error, words, e->depth,
                                  mg_chain_ca_word(e->cert), who);
}

static MG_RESULT report_about(const mg_inspect_subject *s, const mg_chain_error *e,
                              const char *cause, const char *who, mg_inspect_report *r)
{
    switch (e->error) {
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
        return mg_chain_report_missing_issuer(s, e, cause, r);
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
        return mg_inspect_add_problem(r, cause, "It is self-signed, and %s does not hold it.",
                                      s->session->ca_file);
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
        return mg_inspect_add_problem(r, cause, "The chain ends at the self-signed \"%s\", which "
                                                "%s does not hold.", who, s->session->ca_file);
    case X509_V_ERR_CERT_HAS_EXPIRED:
    case X509_V_ERR_CERT_NOT_YET_VALID: return time_detail(s, e, cause, who, r);
    case X509_V_ERR_INVALID_CA:
    case X509_V_ERR_KEYUSAGE_NO_CERTSIGN: return ca_invalid_detail(e, cause, who, r);
    case X509_V_ERR_INVALID_PURPOSE: return intermediate_eku_detail(s, e, cause, who, r);
    case X509_V_ERR_PATH_LENGTH_EXCEEDED: return path_length_detail(e, cause, who, r);
    case X509_V_ERR_PERMITTED_VIOLATION:
    case X509_V_ERR_EXCLUDED_VIOLATION: return name_constraints_detail(e, cause, who, r);
    case X509_V_ERR_CERT_REVOKED:
    case X509_V_ERR_UNABLE_TO_GET_CRL:
    case X509_V_ERR_CRL_HAS_EXPIRED:
    case X509_V_ERR_CRL_NOT_YET_VALID:
    case X509_V_ERR_CRL_SIGNATURE_FAILURE: return mg_chain_report_revocation(s, e, cause, who, r);
    case X509_V_ERR_CERT_SIGNATURE_FAILURE:
        return mg_inspect_add_problem(r, cause, "The signature on \"%s\" does not verify with its "
                                                "issuer's key.", who);
    default: return generic_detail(e, cause, who, r);
    }
}

mg_result mg_chain_report(const mg_inspect_subject *s, const mg_chain_error *e, const char *cause,
                          mg_inspect_report *r)
{
    char *who = mg_inspect_name_text(X509_get_subject_name(e->cert));
    MG_ENSURE(who, MG_E_INTERNAL, "out of memory");
    mg_result res = report_about(s, e, cause, who, r);
    free(who);
    return res;
}
