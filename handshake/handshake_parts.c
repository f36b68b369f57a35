#include "handshake_parts.h"

#include <openssl/err.h>
#include <openssl/x509v3.h>

#include <stdio.h>
#include <string.h>

/* The leaf is the first certificate of the file, as TLS sends it and as every stack's loader
 * (and curl's --cert, nginx's ssl_certificate) takes it. When the key belongs to a later one,
 * the file is left as it is, so the grid shows what the stacks make of it, and the diagnosis
 * says which certificate comes first and what to do. */
static MG_RESULT find_leaf(const char *key_flag, const char *key_path, const char *cert_flag,
                           const char *cert_path, STACK_OF(X509) *chain, EVP_PKEY *key)
{
    int leaf = -1;
    for (int i = 0; leaf < 0 && i < sk_X509_num(chain); i++)
        if (X509_check_private_key(sk_X509_value(chain, i), key) == 1) leaf = i;
    ERR_clear_error();
    char first[256] = "", owner[256] = "";
    X509 *head = sk_X509_value(chain, 0);
    X509_NAME_oneline(X509_get_subject_name(head), first, sizeof first);
    MG_ENSURE(leaf >= 0, MG_E_INPUT,
              "--%s %s does not match the certificate in --%s %s (%s, the first in the file; "
              "nor any other there): their public keys differ",
              key_flag, key_path, cert_flag, cert_path, first);
    if (leaf == 0) return MG_OK;
    X509_NAME_oneline(X509_get_subject_name(sk_X509_value(chain, leaf)), owner, sizeof owner);
    fprintf(stderr,
            "mtlsgrid: handshake: --%s %s: the first certificate in %s is %s (%s), not the one "
            "--%s belongs to (number %d, %s); curl, nginx and OpenSSL's loaders take the first "
            "as the leaf, so they find that the key does not match it: put the leaf first\n",
            cert_flag, cert_path, cert_path, first,
            X509_check_ca(head) ? "a CA: the intermediate" : "another certificate", key_flag,
            leaf + 1, owner);
    return MG_OK;
}

static MG_RESULT read_server(const mg_handshake_files *f, mg_handshake_parts *p)
{
    MG_GUARD(mg_hs_read_certs("server-cert", f->server_cert, p->server_chain));
    if (f->server_chain)
        MG_GUARD(mg_hs_read_certs("server-chain", f->server_chain, p->server_chain));
    MG_GUARD(mg_hs_read_own_key("server-key", f->server_key, "server-cert", f->server_cert,
                                f->key_password, &p->server_key));
    return find_leaf(f->server_key ? "server-key" : "server-cert",
                     f->server_key ? f->server_key : f->server_cert, "server-cert", f->server_cert,
                     p->server_chain, p->server_key);
}

static MG_RESULT read_client_p12(const mg_handshake_files *f, mg_handshake_parts *p)
{
    EVP_PKEY *key = NULL;
    X509 *leaf = NULL;
    STACK_OF(X509) *cas = NULL;
    mg_result r = mg_hs_read_p12("client-p12", f->client_p12, f->p12_password, &key, &leaf, &cas);
    if (mg_ok(r) && X509_check_private_key(leaf, key) != 1)
        r = mg_fail(MG_E_INPUT, "--client-p12 %s: its key does not belong to its certificate",
                    f->client_p12);
    ERR_clear_error();
    if (mg_ok(r) && sk_X509_push(p->client_chain, leaf)) leaf = NULL;
    while (mg_ok(r) && sk_X509_num(cas) > 0) {
        X509 *ca = sk_X509_shift(cas);
        if (!sk_X509_push(p->client_chain, ca)) X509_free(ca);
    }
    X509_free(leaf);
    sk_X509_pop_free(cas, X509_free);
    EVP_PKEY_free(key);
    return r;
}

static MG_RESULT read_client(const mg_handshake_files *f, mg_handshake_parts *p)
{
    if (f->client_p12) return read_client_p12(f, p);
    MG_GUARD(mg_hs_read_certs("client-cert", f->client_cert, p->client_chain));
    if (f->client_chain)
        MG_GUARD(mg_hs_read_certs("client-chain", f->client_chain, p->client_chain));
    MG_GUARD(mg_hs_read_own_key("client-key", f->client_key, "client-cert", f->client_cert,
                                f->key_password, &p->client_key));
    return find_leaf(f->client_key ? "client-key" : "client-cert",
                     f->client_key ? f->client_key : f->client_cert, "client-cert", f->client_cert,
                     p->client_chain, p->client_key);
}

mg_result mg_handshake_read_parts(const mg_handshake_files *f, mg_handshake_parts *p)
{
    memset(p, 0, sizeof *p);
    p->server_chain = sk_X509_new_null();
    p->client_chain = sk_X509_new_null();
    p->server_trust = sk_X509_new_null();
    p->client_trust = sk_X509_new_null();
    p->server_crls = sk_X509_CRL_new_null();
    p->client_crls = sk_X509_CRL_new_null();
    MG_ENSURE(p->server_chain && p->client_chain && p->server_trust && p->client_trust &&
                  p->server_crls && p->client_crls,
              MG_E_INTERNAL, "out of memory");
    MG_GUARD(read_server(f, p));
    MG_GUARD(read_client(f, p));
    MG_GUARD(mg_hs_read_certs("server-trust", f->server_trust, p->server_trust));
    MG_GUARD(mg_hs_read_certs("client-trust", f->client_trust, p->client_trust));
    MG_GUARD(mg_hs_sort_crls(f, p));
    return MG_OK;
}

void mg_handshake_parts_free(mg_handshake_parts *p)
{
    sk_X509_pop_free(p->server_chain, X509_free);
    sk_X509_pop_free(p->client_chain, X509_free);
    sk_X509_pop_free(p->server_trust, X509_free);
    sk_X509_pop_free(p->client_trust, X509_free);
    sk_X509_CRL_pop_free(p->server_crls, X509_CRL_free);
    sk_X509_CRL_pop_free(p->client_crls, X509_CRL_free);
    EVP_PKEY_free(p->server_key);
    EVP_PKEY_free(p->client_key);
}
