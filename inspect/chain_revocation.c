/* The words for revocation and CRL errors found while verifying the chain. */
#include "chain_internal.h"
#include "inspect_time.h"

#include <stdlib.h>

static MG_RESULT crl_time_detail(const mg_inspect_subject *s, const mg_chain_error *e,
                                 const char *cause, const char *crl_issuer, mg_inspect_report *r)
{
    bool expired = e->error == X509_V_ERR_CRL_HAS_EXPIRED;
    const ASN1_TIME *edge = e->crl ? (expired ? X509_CRL_get0_nextUpdate(e->crl)
                                              : X509_CRL_get0_lastUpdate(e->crl))
                                   : NULL;
    int64_t seconds = 0;
    char edge_text[32] = "?", at_text[32];
    if (mg_inspect_asn1_seconds(edge, &seconds))
        mg_inspect_format_time(seconds, edge_text, sizeof edge_text);
    mg_inspect_format_time(s->session->at, at_text, sizeof at_text);
    return mg_inspect_add_problem(r, cause, "The CRL from \"%s\" in %s %s %s (checked at %s).",
                                  crl_issuer, s->session->crl_file,
                                  expired ? "had its nextUpdate on" : "has thisUpdate", edge_text,
                                  at_text);
}

static MG_RESULT detail_with_issuer(const mg_inspect_subject *s, const mg_chain_error *e,
                                    const char *cause, const char *who, const char *issuer,
                                    mg_inspect_report *r)
{
    char entry[128] = "listed as revoked";
    switch (e->error) {
    case X509_V_ERR_CERT_REVOKED:
        mg_inspect_crl_entry(s->session->crls, e->cert, entry, sizeof entry);
        if (e->depth == 0)
            return mg_inspect_add_problem(r, cause, "The CRL from \"%s\" in %s lists it: %s.",
                                          issuer, s->session->crl_file, entry);
        return mg_inspect_add_problem(r, cause, "The %s \"%s\" is in the CRL from \"%s\": %s.",
                                      mg_chain_ca_word(e->cert), who, issuer, entry);
    case X509_V_ERR_UNABLE_TO_GET_CRL:
        return mg_inspect_add_problem(r, cause, "%s holds no current CRL from \"%s\", the issuer "
                                                "of \"%s\".", s->session->crl_file, issuer, who);
    case X509_V_ERR_CRL_SIGNATURE_FAILURE:
        return mg_inspect_add_problem(r, cause, "The signature on the CRL from \"%s\" in %s does "
                                                "not verify with that CA's key.",
                                      issuer, s->session->crl_file);
    default: return crl_time_detail(s, e, cause, issuer, r);
    }
}

mg_result mg_chain_report_revocation(const mg_inspect_subject *s, const mg_chain_error *e,
                                     const char *cause, const char *who, mg_inspect_report *r)
{
    /* A CRL comes from the certificate's issuer; the CRL at hand names it best. */
    const X509_NAME *issuer_name = e->crl ? X509_CRL_get_issuer(e->crl)
                                          : X509_get_issuer_name(e->cert);
    char *issuer = mg_inspect_name_text(issuer_name);
    MG_ENSURE(issuer, MG_E_INTERNAL, "out of memory");
    mg_result res = detail_with_issuer(s, e, cause, who, issuer, r);
    free(issuer);
    return res;
}
