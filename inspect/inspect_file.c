/* One FILE: its certificates read, the leaf found, the role settled, the fields described,
 * then every check of the table run in order. */
#include "inspect_internal.h"
#include "inspect_leaf.h"
#include "inspect_handshake.h"
#include "inspect_observe.h"
#include "inspect_read.h"
#include "inspect_time.h"

#include <openssl/x509v3.h>

#include <stdlib.h>
#include <string.h>

/* Without --role: a server when --host names what clients connect to; otherwise what the EKU
 * says, a client only when it allows clientAuth and not serverAuth. */
static mg_inspect_role guess_role(const mg_inspect_session *session, X509 *leaf)
{
    if (session->host || !(X509_get_extension_flags(leaf) & EXFLAG_XKUSAGE))
        return MG_INSPECT_SERVER;
    uint32_t xku = X509_get_extended_key_usage(leaf);
    bool client_only = (xku & XKU_SSL_CLIENT) && !(xku & XKU_SSL_SERVER);
    return client_only ? MG_INSPECT_CLIENT : MG_INSPECT_SERVER;
}

static char *time_text(const ASN1_TIME *t)
{
    int64_t seconds;
    char text[32] = "(malformed)";
    if (mg_inspect_asn1_seconds(t, &seconds)) mg_inspect_format_time(seconds, text, sizeof text);
    return strdup(text);
}

static MG_RESULT describe(X509 *leaf, mg_inspect_report *r)
{
    r->subject = mg_inspect_name_text(X509_get_subject_name(leaf));
    r->issuer = mg_inspect_name_text(X509_get_issuer_name(leaf));
    MG_ENSURE(mg_inspect_san_list(leaf, &r->name_list, &r->name_count), MG_E_INTERNAL,
              "out of memory");
    r->names = mg_inspect_san_list_text(r->name_list, r->name_count);
    r->not_before = time_text(X509_get0_notBefore(leaf));
    r->not_after = time_text(X509_get0_notAfter(leaf));
    r->key = mg_inspect_key_text(leaf);
    r->signature = mg_inspect_signature_text(leaf);
    MG_ENSURE(r->subject && r->issuer && r->names && r->not_before && r->not_after && r->key &&
                  r->signature,
              MG_E_INTERNAL, "out of memory");
    return MG_OK;
}

static MG_RESULT run_checks(const mg_inspect_subject *subject, mg_inspect_report *r)
{
    for (size_t i = 0; i < mg_inspect_check_count; i++)
        MG_GUARD(mg_inspect_checks[i].run(subject, r));
    return MG_OK;
}

mg_result mg_inspect_chain(const mg_inspect_session *session, const char *label,
                           STACK_OF(X509) *certs, bool leaf_first, mg_inspect_report *out)
{
    *out = (mg_inspect_report){.host = session->host, .at = session->at,
                                .tools = session->tools, .tool_count = session->tool_count};
    MG_GUARD(mg_strdup(label, &out->file));
    MG_ENSURE(sk_X509_num(certs) > 0, MG_E_INPUT, "%s: no certificate", label);
    int leaf_index = leaf_first ? 0 : mg_inspect_find_leaf(certs);
    X509 *leaf = sk_X509_value(certs, leaf_index);
    STACK_OF(X509) *others = sk_X509_dup(certs); /* borrows the references of certs */
    mg_result r = others ? MG_OK : mg_fail(MG_E_INTERNAL, "out of memory");
    if (mg_ok(r)) {
        (void)sk_X509_delete(others, leaf_index);
        out->cert_count = (size_t)sk_X509_num(certs);
        out->role_guessed = !session->role_given;
        out->role = session->role_given ? session->role : guess_role(session, leaf);
        mg_inspect_subject subject = {session, label, leaf, others, out->role};
        r = describe(leaf, out);
        if (mg_ok(r)) r = run_checks(&subject, out);
        if (mg_ok(r)) r = mg_inspect_observe(&subject, out);
        if (mg_ok(r)) r = mg_inspect_handshakes(&subject, out);
    }
    sk_X509_free(others);
    return r;
}

mg_result mg_inspect_file(const mg_inspect_session *session, const char *path,
                          mg_inspect_report *out)
{
    *out = (mg_inspect_report){0};
    STACK_OF(X509) *certs = NULL;
    MG_GUARD(mg_inspect_read_file_certs(path, session->p12_password, &certs));
    mg_result r = mg_inspect_chain(session, path, certs, false, out);
    sk_X509_pop_free(certs, X509_free);
    return r;
}
