/* The CRLs `handshake` was given, sorted to the side that checks its peer's chain with them:
 * --crl to both (each side takes those of the CAs it trusts or its peer sends), --server-crl
 * and --client-crl to one side each; with a note for a CRL no side can use and a warning for a
 * CA of a chain that has none while CRL checks are on. */
#include "handshake_parts.h"

#include <stdio.h>

static bool issued_by_one_of(X509_CRL *crl, STACK_OF(X509) *a, STACK_OF(X509) *b)
{
    for (int i = 0; i < sk_X509_num(a); i++)
        if (!X509_NAME_cmp(X509_CRL_get_issuer(crl), X509_get_subject_name(sk_X509_value(a, i))))
            return true;
    for (int i = 0; i < sk_X509_num(b); i++)
        if (!X509_NAME_cmp(X509_CRL_get_issuer(crl), X509_get_subject_name(sk_X509_value(b, i))))
            return true;
    return false;
}

static bool crl_from(STACK_OF(X509_CRL) *crls, const X509_NAME *issuer)
{
    for (int i = 0; i < sk_X509_CRL_num(crls); i++)
        if (!X509_NAME_cmp(X509_CRL_get_issuer(sk_X509_CRL_value(crls, i)), issuer)) return true;
    return false;
}

/* With CRL checks on, nginx (ssl_crl) and OpenSSL's -crl_check_all want a CRL from the issuer
 * of every certificate of the chain, a CA's included: say which is missing before the grid. */
static void warn_partial_crls(const char *who, STACK_OF(X509) *chain, STACK_OF(X509_CRL) *crls)
{
    if (sk_X509_CRL_num(crls) == 0) return;
    for (int i = 0; i < sk_X509_num(chain); i++) {
        X509 *cert = sk_X509_value(chain, i);
        if (X509_self_signed(cert, 0) == 1 || crl_from(crls, X509_get_issuer_name(cert))) continue;
        char subject[256] = "", issuer[256] = "";
        X509_NAME_oneline(X509_get_subject_name(cert), subject, sizeof subject);
        X509_NAME_oneline(X509_get_issuer_name(cert), issuer, sizeof issuer);
        fprintf(stderr, "mtlsgrid: handshake: warning: the %s checks CRLs, and none from "
                        "%s (the issuer of %s) is given: nginx (ssl_crl) and OpenSSL's "
                        "-crl_check_all refuse such a chain (\"unable to get certificate CRL\")\n",
                who, issuer, subject);
    }
}

static void note_unused(const char *flag, const char *path, X509_CRL *crl, const char *who)
{
    char issuer[256] = "";
    X509_NAME_oneline(X509_CRL_get_issuer(crl), issuer, sizeof issuer);
    fprintf(stderr, "mtlsgrid: handshake: note: --%s %s: the CRL of %s is about no CA %s; not "
                    "used\n", flag, path, issuer, who);
}

static MG_RESULT keep_crl(STACK_OF(X509_CRL) *into, X509_CRL *crl)
{
    MG_ENSURE(X509_CRL_up_ref(crl), MG_E_INTERNAL, "out of memory");
    if (sk_X509_CRL_push(into, crl)) return MG_OK;
    X509_CRL_free(crl);
    return mg_fail(MG_E_INTERNAL, "out of memory");
}

/* --crl: a side checks the CRLs of the CAs it trusts or that its peer sends; a CRL about
 * neither side is set aside with a note, since no stack could use it. */
static MG_RESULT sort_shared_crls(const mg_handshake_files *f, mg_handshake_parts *p,
                                  STACK_OF(X509_CRL) *all)
{
    for (int i = 0; i < sk_X509_CRL_num(all); i++) {
        X509_CRL *crl = sk_X509_CRL_value(all, i);
        bool server = issued_by_one_of(crl, p->server_trust, p->client_chain);
        bool client = issued_by_one_of(crl, p->client_trust, p->server_chain);
        if (server) MG_GUARD(keep_crl(p->server_crls, crl));
        if (client) MG_GUARD(keep_crl(p->client_crls, crl));
        if (!server && !client) note_unused("crl", f->crl, crl, "either side trusts or is sent");
    }
    return MG_OK;
}

/* --server-crl / --client-crl: every CRL goes to that side; one about none of the CAs it
 * trusts or its peer sends gets the same note (the stack would load it and never use it). */
static MG_RESULT add_side_crls(const char *flag, const char *path, const char *who,
                               STACK_OF(X509) *trust, STACK_OF(X509) *peer_chain,
                               STACK_OF(X509_CRL) *all, STACK_OF(X509_CRL) *into)
{
    for (int i = 0; i < sk_X509_CRL_num(all); i++) {
        X509_CRL *crl = sk_X509_CRL_value(all, i);
        MG_GUARD(keep_crl(into, crl));
        if (!issued_by_one_of(crl, trust, peer_chain)) note_unused(flag, path, crl, who);
    }
    return MG_OK;
}

static MG_RESULT read_crls(const char *flag, const char *path,
                           MG_RESULT (*sort)(const mg_handshake_files *, mg_handshake_parts *,
                                             const char *, const char *, STACK_OF(X509_CRL) *),
                           const mg_handshake_files *f, mg_handshake_parts *p)
{
    if (!path) return MG_OK;
    STACK_OF(X509_CRL) *all = sk_X509_CRL_new_null();
    MG_ENSURE(all, MG_E_INTERNAL, "out of memory");
    mg_result r = mg_hs_read_crls(flag, path, all);
    if (mg_ok(r)) r = sort(f, p, flag, path, all);
    sk_X509_CRL_pop_free(all, X509_CRL_free);
    return r;
}

static MG_RESULT to_both(const mg_handshake_files *f, mg_handshake_parts *p, const char *flag,
                         const char *path, STACK_OF(X509_CRL) *all)
{
    (void)flag, (void)path;
    return sort_shared_crls(f, p, all);
}

static MG_RESULT to_server(const mg_handshake_files *f, mg_handshake_parts *p, const char *flag,
                           const char *path, STACK_OF(X509_CRL) *all)
{
    (void)f;
    return add_side_crls(flag, path, "the server trusts or the client sends", p->server_trust,
                         p->client_chain, all, p->server_crls);
}

static MG_RESULT to_client(const mg_handshake_files *f, mg_handshake_parts *p, const char *flag,
                           const char *path, STACK_OF(X509_CRL) *all)
{
    (void)f;
    return add_side_crls(flag, path, "the client trusts or the server sends", p->client_trust,
                         p->server_chain, all, p->client_crls);
}

mg_result mg_hs_sort_crls(const mg_handshake_files *f, mg_handshake_parts *p)
{
    MG_GUARD(read_crls("crl", f->crl, to_both, f, p));
    MG_GUARD(read_crls("server-crl", f->server_crl, to_server, f, p));
    MG_GUARD(read_crls("client-crl", f->client_crl, to_client, f, p));
    warn_partial_crls("server", p->client_chain, p->server_crls);
    warn_partial_crls("client", p->server_chain, p->client_crls);
    return MG_OK;
}

