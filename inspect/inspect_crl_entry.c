/* A certificate's entry in the session's CRLs: when it was revoked and why, in words. */
#include "inspect_internal.h"
#include "inspect_time.h"

#include <openssl/x509v3.h>

#include <stdio.h>

static const char *reason_name(long code)
{
    static const char *const names[] = {
        "unspecified", "keyCompromise", "cACompromise", "affiliationChanged", "superseded",
        "cessationOfOperation", "certificateHold", "(unused)", "removeFromCRL",
        "privilegeWithdrawn", "aACompromise",
    };
    return code >= 0 && code < (long)(sizeof names / sizeof names[0]) ? names[code] : "unknown";
}

bool mg_inspect_crl_entry(STACK_OF(X509_CRL) *crls, X509 *cert, char *buf, size_t len)
{
    for (int i = 0; i < sk_X509_CRL_num(crls); i++) {
        X509_CRL *crl = sk_X509_CRL_value(crls, i);
        X509_REVOKED *entry = NULL;
        if (X509_NAME_cmp(X509_CRL_get_issuer(crl), X509_get_issuer_name(cert)) != 0 ||
            X509_CRL_get0_by_cert(crl, &entry, cert) != 1)
            continue;
        int64_t when = 0;
        char when_text[32] = "?";
        if (mg_inspect_asn1_seconds(X509_REVOKED_get0_revocationDate(entry), &when))
            mg_inspect_format_time(when, when_text, sizeof when_text);
        ASN1_ENUMERATED *reason = X509_REVOKED_get_ext_d2i(entry, NID_crl_reason, NULL, NULL);
        snprintf(buf, len, "revoked on %s, reason %s", when_text,
                 reason ? reason_name(ASN1_ENUMERATED_get(reason)) : "not given");
        ASN1_ENUMERATED_free(reason);
        return true;
    }
    return false;
}
