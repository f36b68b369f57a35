/* Critical extensions a verifier does not understand: RFC 5280 4.2 requires it to reject the
 * certificate. "Understand" is OpenSSL's list (X509_supported_extension). */
#include "inspect_internal.h"

#include <openssl/x509v3.h>

#include <stdio.h>
#include <string.h>

mg_result mg_check_extensions(const mg_inspect_subject *s, mg_inspect_report *r)
{
    char unknown[512] = "";
    for (int i = 0; i < X509_get_ext_count(s->leaf); i++) {
        X509_EXTENSION *ext = X509_get_ext(s->leaf, i);
        if (!X509_EXTENSION_get_critical(ext) || X509_supported_extension(ext)) continue;
        char oid[80];
        OBJ_obj2txt(oid, sizeof oid, X509_EXTENSION_get_object(ext), 1);
        size_t used = strlen(unknown);
        snprintf(unknown + used, sizeof unknown - used, "%s%s", used ? ", " : "", oid);
    }
    if (!*unknown)
        return mg_inspect_add_passed(r, "extensions", "no critical extension it cannot handle");
    return mg_inspect_add_problem(r, "critical-extension",
                                  "It marks extension %s critical, and TLS verifiers do not know "
                                  "it: RFC 5280 requires them to reject the certificate.",
                                  unknown);
}
