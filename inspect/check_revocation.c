/* Revocation. With --ca the chain check does it (CRL signatures and dates included); without
 * it, the leaf is looked up in the CRLs from its issuer by name and serial, and the report
 * says the CRL's signature went unchecked. */
#include "inspect_internal.h"

#include <stdlib.h>

static bool has_crl_from_issuer(STACK_OF(X509_CRL) *crls, X509 *cert)
{
    for (int i = 0; i < sk_X509_CRL_num(crls); i++)
        if (X509_NAME_cmp(X509_CRL_get_issuer(sk_X509_CRL_value(crls, i)),
                          X509_get_issuer_name(cert)) == 0)
            return true;
    return false;
}

mg_result mg_check_revocation(const mg_inspect_subject *s, mg_inspect_report *r)
{
    const mg_inspect_session *session = s->session;
    if (!session->crls)
        return mg_inspect_add_skipped(r, "revocation", "give --crl FILE (the issuer's CRL) to "
                                                       "check revocation");
    if (session->anchors) return MG_OK; /* the chain check covered it */
    char entry[128];
    if (mg_inspect_crl_entry(session->crls, s->leaf, entry, sizeof entry))
        return mg_inspect_add_problem(r, "revoked", "A CRL from its issuer in %s lists it: %s "
                                                    "(the CRL's signature was not checked: give "
                                                    "--ca).", session->crl_file, entry);
    char *issuer = mg_inspect_name_text(X509_get_issuer_name(s->leaf));
    MG_ENSURE(issuer, MG_E_INTERNAL, "out of memory");
    mg_result res;
    if (!has_crl_from_issuer(session->crls, s->leaf))
        res = mg_inspect_add_problem(r, "crl-missing", "%s holds no CRL from \"%s\", its issuer.",
                                     session->crl_file, issuer);
    else
        res = mg_inspect_add_passed(r, "revocation", "not listed in the CRL from \"%s\" (its "
                                                     "signature and dates not checked: give --ca)",
                                    issuer);
    free(issuer);
    return res;
}
