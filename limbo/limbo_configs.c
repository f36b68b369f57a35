/* One testcase's PEM files (WORK/NNNN-ID/) and the side configs made from them.
 *
 * SERVER testcase: the server presents peer_certificate + untrusted_intermediates with the
 * peer key and asks for no client certificate; the client trusts trusted_certs, checks the
 * CRLs, verifies expected_peer_name at validation_time with max_chain_depth.
 * CLIENT testcase: the mirror image; the server presents the run's own self-signed
 * credential, which the client trusts and verifies by name on the wall clock. */
#include "limbo_plan.h"

#include "atomic_file.h"
#include "limbo_server_cert.h"
#include "path_join.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static MG_RESULT keep(mg_limbo_plan *p, const char *path, const char **out)
{
    MG_GUARD(mg_strings_add(&p->paths, path));
    *out = p->paths.items[p->paths.count - 1];
    return MG_OK;
}

/* Writes DIR/NAME from the PEM texts (each ends its line); NULL *out when there are none. */
static MG_RESULT write_pems(mg_limbo_plan *p, const char *dir, const char *name,
                            const char *const *pems, size_t count, mode_t mode, const char **out)
{
    *out = NULL;
    if (!count) return MG_OK;
    char path[4096];
    MG_GUARD(mg_path_join(path, sizeof path, dir, name));
    /* Through the atomic writer (a link planted in the work folder is replaced, not followed). */
    mg_atomic_file f;
    MG_GUARD(mg_atomic_open_mode(&f, path, (unsigned)mode));
    for (size_t i = 0; i < count; i++) {
        size_t len = strlen(pems[i]);
        fwrite(pems[i], 1, len, f.file);
        if (len == 0 || pems[i][len - 1] != '\n') fputc('\n', f.file);
    }
    MG_GUARD(mg_atomic_commit(&f));
    return keep(p, path, out);
}

static bool plain(char c)
{
    return c == '-' || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
           (c >= 'A' && c <= 'Z');
}

/* WORK/NNNN-ID, the id's other characters (the "::" of namespaces) as '_', cut at 120. */
static MG_RESULT make_dir(const mg_limbo_testcase *t, size_t index, const char *work, char *dir,
                          size_t len)
{
    char name[128];
    size_t n = 0;
    for (const char *c = t->id; *c && n + 1 < sizeof name && n < 120; c++)
        name[n++] = plain(*c) ? *c : '_';
    name[n] = '\0';
    MG_GUARD(mg_path_format(dir, len, "%s/%04zu-%s", work, index, name));
    MG_ENSURE(mkdir(dir, 0755) == 0 || errno == EEXIST, MG_E_IO, "%s: cannot make the folder: %s",
              dir, strerror(errno));
    return MG_OK;
}

typedef struct {
    const char *chain, *key, *trust, *crls;
} testcase_files;

static MG_RESULT write_files(mg_limbo_plan *p, const mg_limbo_testcase *t, const char *dir,
                             testcase_files *f)
{
    size_t n = 1 + t->untrusted.count;
    const char **chain = malloc(n * sizeof *chain);
    MG_ENSURE(chain, MG_E_INTERNAL, "out of memory");
    chain[0] = t->peer_cert;
    for (size_t i = 1; i < n; i++) chain[i] = t->untrusted.items[i - 1];
    mg_result r = write_pems(p, dir, "peer.pem", chain, n, 0644, &f->chain);
    free(chain);
    MG_GUARD(r);
    const char *key[1] = {t->peer_key};
    MG_GUARD(write_pems(p, dir, "peer.key", key, 1, 0600, &f->key));
    MG_GUARD(write_pems(p, dir, "trusted.pem", (const char *const *)t->trusted.items,
                        t->trusted.count, 0644, &f->trust));
    return write_pems(p, dir, "crls.pem", (const char *const *)t->crls.items, t->crls.count, 0644,
                      &f->crls);
}

/* The validator: what limbo's validation parameters become. */
static void validator_config(const mg_limbo_testcase *t, const testcase_files *f, int64_t at,
                             mg_side_config *c)
{
    c->trust_file = f->trust;
    c->crl_file = f->crls;
    c->limit_depth = t->max_chain_depth >= 0; /* -1: not given */
    c->max_depth = c->limit_depth ? t->max_chain_depth : 0;
    c->pin_time = t->validation_time != NULL;
    c->verify_time = at;
    if (c->role == MG_ROLE_CLIENT) c->server_name = t->peer_name_kind ? t->peer_name : NULL;
    else c->peer_check = MG_PEER_REQUIRED;
}

mg_result mg_limbo_write_testcase(mg_limbo_plan *p, size_t index, const char *work_dir,
                                  const char *server_cert, const char *server_key)
{
    const mg_limbo_testcase *t = &p->suite->items[index];
    char dir[4096];
    testcase_files f = {0};
    MG_GUARD(make_dir(t, index, work_dir, dir, sizeof dir));
    MG_GUARD(write_files(p, t, dir, &f));
    int64_t at = 0;
    if (t->validation_time) MG_GUARD(mg_limbo_parse_time(t->validation_time, &at));
    mg_role validator = mg_limbo_validator_role(t->kind);
    mg_role presenter = validator == MG_ROLE_CLIENT ? MG_ROLE_SERVER : MG_ROLE_CLIENT;
    for (size_t v = 0; v < p->axes.tls_count; v++) {
        mg_side_config *val = &p->configs[index * 4 + (size_t)validator * 2 + v];
        mg_side_config *pre = &p->configs[index * 4 + (size_t)presenter * 2 + v];
        *val =
            (mg_side_config){.role = validator, .tls = p->axes.tls[v], .policy = MG_POLICY_STRICT};
        *pre =
            (mg_side_config){.role = presenter, .tls = p->axes.tls[v], .policy = MG_POLICY_STRICT};
        validator_config(t, &f, at, val);
        pre->credential = (mg_credential){f.chain, f.key, NULL, NULL};
        pre->peer_check = MG_PEER_NONE; /* a presenting server asks for no certificate */
        if (validator == MG_ROLE_SERVER) {
            val->credential = (mg_credential){server_cert, server_key, NULL, NULL};
            pre->trust_file = server_cert;
            pre->server_name = MG_LIMBO_SERVER_NAME;
        } else {
            pre->pin_time = t->validation_time != NULL;
            pre->verify_time = at;
        }
    }
    return MG_OK;
}
