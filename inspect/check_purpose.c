/* Extended key usage against the role: RFC 5280 4.2.1.12 — when present, the certificate may
 * be used only for the listed purposes; absent, for any. */
#include "inspect_internal.h"

#include <openssl/x509v3.h>

#include <stdio.h>
#include <string.h>

/* "serverAuth, codeSigning" (numeric OIDs for unnamed purposes). */
static void eku_list(X509 *cert, char *buf, size_t len)
{
    EXTENDED_KEY_USAGE *eku = X509_get_ext_d2i(cert, NID_ext_key_usage, NULL, NULL);
    size_t used = 0;
    buf[0] = '\0';
    for (int i = 0; i < sk_ASN1_OBJECT_num(eku) && used + 1 < len; i++) {
        char oid[80];
        const ASN1_OBJECT *obj = sk_ASN1_OBJECT_value(eku, i);
        int nid = OBJ_obj2nid(obj);
        if (nid != NID_undef) snprintf(oid, sizeof oid, "%s", OBJ_nid2sn(nid));
        else OBJ_obj2txt(oid, sizeof oid, obj, 1);
        int n = snprintf(buf + used, len - used, "%s%s", used ? ", " : "", oid);
        used += n > 0 ? (size_t)n : 0;
    }
    if (!*buf) snprintf(buf, len, "(empty)");
    sk_ASN1_OBJECT_pop_free(eku, ASN1_OBJECT_free);
}

mg_result mg_check_purpose(const mg_inspect_subject *s, mg_inspect_report *r)
{
    bool server = s->role == MG_INSPECT_SERVER;
    const char *want = server ? "serverAuth (1.3.6.1.5.5.7.3.1)" : "clientAuth (1.3.6.1.5.5.7.3.2)";
    const char *role = mg_inspect_role_name(s->role);
    if (!(X509_get_extension_flags(s->leaf) & EXFLAG_XKUSAGE))
        return mg_inspect_add_passed(r, "purpose",
                                     "no extendedKeyUsage extension: every purpose is allowed");
    char list[256];
    eku_list(s->leaf, list, sizeof list);
    uint32_t xku = X509_get_extended_key_usage(s->leaf);
    if (xku & (server ? XKU_SSL_SERVER : XKU_SSL_CLIENT))
        return mg_inspect_add_passed(r, "purpose", "extendedKeyUsage %s", list);
    if (xku & XKU_ANYEKU)
        return mg_inspect_add_problem(r, "eku-any-only",
                                      "Its extendedKeyUsage is %s, without %s, which a %s "
                                      "certificate needs: OpenSSL refuses it, GnuTLS accepts it.",
                                      list, want, role);
    bool other_side = xku & (server ? XKU_SSL_CLIENT : XKU_SSL_SERVER);
    return mg_inspect_add_problem(
        r, "eku-wrong-purpose", "Its extendedKeyUsage lists only %s; a %s certificate needs %s.%s",
        list, role, want,
        other_side ? (server ? " It was made for the client side of a connection."
                             : " It was made for the server side of a connection.")
                   : "");
}
