/* The signature on the certificate: SHA-1 and MD5 have practical collisions (SHAttered, 2017),
 * so verifiers refuse them (OpenSSL 3.0 at its default security level; browsers since 2017).
 * A self-signed certificate's own signature is never checked by anyone. */
#include "inspect_internal.h"

#include <openssl/objects.h>

#include <stdio.h>
#include <string.h>

#define MG_MIN_SIGNATURE_BITS 112

char *mg_inspect_signature_text(X509 *cert)
{
    int nid = X509_get_signature_nid(cert);
    const char *name = nid != NID_undef ? OBJ_nid2ln(nid) : NULL;
    return strdup(name ? name : "unknown algorithm");
}

static bool broken_digest(int md_nid)
{
    return md_nid == NID_sha1 || md_nid == NID_md5 || md_nid == NID_md5_sha1 ||
           md_nid == NID_md4 || md_nid == NID_md2;
}

mg_result mg_check_signature(const mg_inspect_subject *s, mg_inspect_report *r)
{
    if (X509_self_signed(s->leaf, 0) == 1)
        return mg_inspect_add_passed(r, "signature",
                                     "%s (self-signed: its own signature is not relied on)",
                                     r->signature);
    int md_nid = NID_undef, pk_nid = NID_undef, bits = -1;
    uint32_t flags = 0;
    if (!X509_get_signature_info(s->leaf, &md_nid, &pk_nid, &bits, &flags))
        return mg_inspect_add_problem(r, "chain-other",
                                      "Its signature algorithm (%s) is unknown to OpenSSL.",
                                      r->signature);
    if (broken_digest(md_nid) || (bits >= 0 && bits < MG_MIN_SIGNATURE_BITS))
        return mg_inspect_add_problem(r, "weak-signature",
                                      "It is signed with %s (%s): collisions are practical, so "
                                      "OpenSSL 3.0 at its default security level, GnuTLS and "
                                      "browsers refuse it.",
                                      r->signature, md_nid != NID_undef ? OBJ_nid2sn(md_nid) : "?");
    return mg_inspect_add_passed(r, "signature", "%s", r->signature);
}
