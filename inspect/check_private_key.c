/* --key: the private key a server or client would load beside this certificate must be the
 * leaf's own. Loaders refuse the pair (OpenSSL's "key values mismatch", which curl reports as
 * "unable to set private key file" and nginx -t as "key values mismatch"); a stack that does
 * not compare them sends a signature its peer refuses. */
#include "inspect_internal.h"

mg_result mg_check_private_key(const mg_inspect_subject *s, mg_inspect_report *r)
{
    if (!s->session->key)
        return mg_inspect_add_skipped(r, "private-key", "no --key given");
    if (EVP_PKEY_eq(X509_get0_pubkey(s->leaf), s->session->key) == 1)
        return mg_inspect_add_passed(r, "private-key", "%s holds this certificate's key",
                                     s->session->key_file);
    return mg_inspect_add_problem(r, "key-mismatch",
                                  "%s holds another key than the certificate's (%s).",
                                  s->session->key_file, r->key);
}
