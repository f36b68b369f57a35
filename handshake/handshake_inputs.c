#include "handshake_inputs.h"

#include "at_time.h"
#include "handshake_parts.h"
#include "path_join.h"
#include "secret.h"
#include "temp_dir.h"

#include <openssl/pem.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static MG_RESULT check_usage(const mg_handshake_files *f)
{
    MG_ENSURE(f->server_cert, MG_E_USAGE,
              "--server-cert F is required (with --server-key F, unless it holds the key)");
    MG_ENSURE(!f->client_p12 != !(f->client_cert || f->client_key), MG_E_USAGE,
              "give the client's credential as --client-cert F --client-key F, or as "
              "--client-p12 F --p12-password P (one of the two)");
    MG_ENSURE(f->client_p12 || f->client_cert, MG_E_USAGE,
              "--client-key goes with --client-cert");
    MG_ENSURE(!f->client_p12 || !f->client_chain, MG_E_USAGE,
              "--client-chain goes with --client-cert (a --client-p12 carries its own chain)");
    MG_ENSURE(f->server_trust && f->client_trust, MG_E_USAGE,
              "--server-trust F (CAs for client certificates) and --client-trust F (CAs for "
              "server certificates) are required");
    return MG_OK;
}

#define IN_DIR(in, name, field) mg_path_join((in)->field, sizeof (in)->field, (in)->dir, name)

/* A key as unencrypted PKCS#8 PEM in memory (a mem BIO clears its buffer when freed). */
static MG_RESULT key_pem(EVP_PKEY *key, unsigned char **pem, size_t *len)
{
    BIO *bio = BIO_new(BIO_s_secmem());
    char *data = NULL;
    long n = bio && PEM_write_bio_PrivateKey(bio, key, NULL, NULL, 0, NULL, NULL) == 1
                 ? BIO_get_mem_data(bio, &data)
                 : 0;
    *pem = n > 0 ? malloc((size_t)n) : NULL;
    if (*pem) {
        memcpy(*pem, data, (size_t)n);
        *len = (size_t)n;
    }
    BIO_free(bio);
    MG_ENSURE(*pem, MG_E_INTERNAL, "cannot encode a private key as PEM");
    return MG_OK;
}

static MG_RESULT write_copies(mg_handshake_inputs *in, mg_handshake_parts *p)
{
    MG_GUARD(IN_DIR(in, "server.pem", server_pem));
    MG_GUARD(IN_DIR(in, "client.pem", client_pem));
    MG_GUARD(IN_DIR(in, "server-trust.pem", server_trust));
    MG_GUARD(IN_DIR(in, "client-trust.pem", client_trust));
    MG_GUARD(mg_hs_write_certs(in->server_pem, p->server_chain));
    MG_GUARD(key_pem(p->server_key, &in->server_key_pem, &in->server_key_len));
    if (p->client_key) { /* PEM pair given; a PKCS#12 goes to the stacks as it is */
        MG_GUARD(mg_hs_write_certs(in->client_pem, p->client_chain));
        MG_GUARD(key_pem(p->client_key, &in->client_key_pem, &in->client_key_len));
    }
    MG_GUARD(mg_hs_write_certs(in->server_trust, p->server_trust));
    MG_GUARD(mg_hs_write_certs(in->client_trust, p->client_trust));
    if (sk_X509_CRL_num(p->server_crls)) {
        MG_GUARD(IN_DIR(in, "server-crl.pem", server_crl));
        MG_GUARD(mg_hs_write_crls(in->server_crl, p->server_crls));
    }
    if (sk_X509_CRL_num(p->client_crls)) {
        MG_GUARD(IN_DIR(in, "client-crl.pem", client_crl));
        MG_GUARD(mg_hs_write_crls(in->client_crl, p->client_crls));
    }
    return MG_OK;
}

static void make_configs(mg_handshake_inputs *in, const mg_handshake_files *f)
{
    mg_side_config *s = &in->server, *c = &in->client;
    memset(s, 0, sizeof *s);
    memset(c, 0, sizeof *c);
    s->role = MG_ROLE_SERVER, c->role = MG_ROLE_CLIENT;
    s->policy = c->policy = MG_POLICY_STRICT;
    s->credential = (mg_credential){in->server_pem, NULL, NULL, NULL};
    s->credential_bytes.key = (mg_memory_file){in->server_key_pem, in->server_key_len,
                                               f->server_key ? f->server_key : f->server_cert};
    if (f->client_p12) {
        c->credential = (mg_credential){NULL, NULL, f->client_p12, f->p12_password};
    } else {
        c->credential = (mg_credential){in->client_pem, NULL, NULL, NULL};
        c->credential_bytes.key = (mg_memory_file){in->client_key_pem, in->client_key_len,
                                                   f->client_key ? f->client_key : f->client_cert};
    }
    s->trust_file = in->server_trust, c->trust_file = in->client_trust;
    s->crl_file = in->server_crl[0] ? in->server_crl : NULL;
    c->crl_file = in->client_crl[0] ? in->client_crl : NULL;
    c->server_name = in->host;
    s->peer_check = MG_PEER_REQUIRED;
    s->pin_time = c->pin_time = in->pin_time;
    s->screen_own_credential = c->screen_own_credential = !f->allow_weak_own;
    s->verify_time = c->verify_time = in->verify_time;
}

mg_result mg_handshake_prepare(const mg_handshake_files *f, mg_handshake_inputs *in)
{
    memset(in, 0, sizeof *in);
    MG_GUARD(check_usage(f));
    if (f->at) {
        MG_GUARD(mg_parse_at_time("--at", f->at, (int64_t)time(NULL), &in->verify_time));
        /* 0 means "the wall clock" to the stacks' configs */
        MG_ENSURE(in->verify_time > 0, MG_E_USAGE, "--at: \"%s\" is not after 1970", f->at);
    }
    in->pin_time = f->at != NULL;
    in->own_policy_waived = f->allow_weak_own;
    in->server_file = f->server_cert;
    in->client_file = f->client_p12 ? f->client_p12 : f->client_cert;
    in->client_is_p12 = f->client_p12 != NULL;
    mg_handshake_parts parts;
    mg_result r = mg_handshake_read_parts(f, &parts);
    if (mg_ok(r) && f->host && strlen(f->host) >= sizeof in->host)
        r = mg_fail(MG_E_USAGE, "--host: longer than %zu characters", sizeof in->host - 1);
    else if (mg_ok(r) && f->host) strcpy(in->host, f->host);
    else if (mg_ok(r)) {
        r = mg_hs_first_name(parts.server_chain, in->host, sizeof in->host);
        in->host_from_cert = true;
    }
    if (mg_ok(r)) r = mg_temp_dir_make("handshake", in->dir, sizeof in->dir);
    if (mg_ok(r)) r = write_copies(in, &parts);
    mg_handshake_parts_free(&parts);
    MG_GUARD(r);
    make_configs(in, f);
    return MG_OK;
}

void mg_handshake_inputs_free(mg_handshake_inputs *in)
{
    mg_temp_dir_remove(in->dir);
    mg_secret_free(in->server_key_pem, in->server_key_len);
    mg_secret_free(in->client_key_pem, in->client_key_len);
    in->server_key_pem = in->client_key_pem = NULL;
}
