/* The process-per-case way, as shell-driven suites run a case: start `openssl s_server`, wait
 * until it listens on loopback, start `openssl s_client`, send one line and read the answer
 * (s_server -rev echoes it reversed), and reap both. Same files and TLS version as the
 * harness; verification at the matrix's pinned instant (-attime). */
#include "bench_measure.h"
#include "bench_spawn.h"

#include <openssl/pem.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* s_server and s_client take the leaf (-cert) apart from its chain (-cert_chain); the
 * harness's credential file holds both, so it is split into DIR/ROLE-{leaf,chain}.pem. */
static mg_result split_credential(const char *file, const char *dir, const char *role,
                                  char leaf[4096], char chain[4096])
{
    snprintf(leaf, 4096, "%s/%s-leaf.pem", dir, role);
    snprintf(chain, 4096, "%s/%s-chain.pem", dir, role);
    FILE *in = fopen(file, "r"), *l = fopen(leaf, "w"), *c = fopen(chain, "w");
    bool ok = in && l && c;
    unsigned count = 0;
    for (X509 *x; ok && (x = PEM_read_X509(in, NULL, NULL, NULL)); count++) {
        ok = PEM_write_X509(count ? c : l, x) == 1;
        X509_free(x);
    }
    ok = ok && count > 0;
    if (in) fclose(in);
    if (l) ok = fclose(l) == 0 && ok;
    if (c) ok = fclose(c) == 0 && ok;
    MG_ENSURE(ok, MG_E_IO, "bench: cannot split %s into %s and %s", file, leaf, chain);
    if (count == 1) chain[0] = '\0';
    return MG_OK;
}

typedef struct {
    const char *argv[40];
    int argc;
    char leaf[4096], chain[4096], attime[32];
} tool_args;

static void add(tool_args *t, const char *a) { t->argv[t->argc++] = a, t->argv[t->argc] = NULL; }

static mg_result side_args(const mg_side_config *c, const char *dir, tool_args *t)
{
    const char *role = c->role == MG_ROLE_SERVER ? "server" : "client";
    MG_ENSURE(c->credential.cert_file && c->credential.key_file && c->trust_file &&
                  (c->role == MG_ROLE_SERVER || c->server_name),
              MG_E_INTERNAL, "bench: the %s side lacks a certificate, key, trust file or name",
              role);
    MG_GUARD(split_credential(c->credential.cert_file, dir, role, t->leaf, t->chain));
    add(t, "openssl");
    add(t, c->role == MG_ROLE_SERVER ? "s_server" : "s_client");
    add(t, "-cert"), add(t, t->leaf), add(t, "-key"), add(t, c->credential.key_file);
    if (t->chain[0]) add(t, "-cert_chain"), add(t, t->chain);
    add(t, "-CAfile"), add(t, c->trust_file), add(t, "-verify_return_error");
    add(t, c->tls == MG_TLS12 ? "-tls1_2" : "-tls1_3"), add(t, "-no_ticket");
    if (c->pin_time) {
        snprintf(t->attime, sizeof t->attime, "%lld", (long long)c->verify_time);
        add(t, "-attime"), add(t, t->attime);
    }
    return MG_OK;
}

static mg_result one_case(const tool_args *server_args, const tool_args *client_args,
                          char *port_arg)
{
    mg_child server, client;
    MG_GUARD(mg_child_start(server_args->argv, false, false, &server));
    char text[4096];
    bool listening = mg_child_read_until(&server, "ACCEPT", 10, text, sizeof text);
    const char *colon = listening ? strrchr(strstr(text, "ACCEPT"), ':') : NULL;
    if (!colon) {
        mg_child_finish(&server, 0, NULL, 0);
        return mg_fail(MG_E_INTERNAL, "bench: openssl s_server did not start listening");
    }
    snprintf(port_arg, 64, "127.0.0.1:%d", atoi(colon + 1));
    mg_result r = mg_child_start(client_args->argv, true, false, &client);
    if (mg_ok(r)) {
        static const char line[] = "ping\nCLOSE\n";
        bool sent = write(client.in, line, sizeof line - 1) == (ssize_t)(sizeof line - 1);
        int client_status = mg_child_finish(&client, 10, text, sizeof text);
        if (!sent || client_status != 0 || !strstr(text, "gnip"))
            r = mg_fail(MG_E_INTERNAL, "bench: openssl s_client exited %d without the answer",
                        client_status);
    }
    /* After a failed client the server would wait for a connection forever: end it now. */
    int server_status = mg_child_finish(&server, mg_ok(r) ? 10 : 0, NULL, 0);
    if (mg_ok(r) && server_status != 0)
        r = mg_fail(MG_E_INTERNAL, "bench: openssl s_server exited %d", server_status);
    return r;
}

mg_result mg_bench_process_run(const mg_side_config *client, const mg_side_config *server,
                               unsigned count, const char *work_dir, double *per_s)
{
    *per_s = 0;
    tool_args *s = calloc(1, sizeof *s), *c = calloc(1, sizeof *c);
    char port_arg[64] = "";
    mg_result r = s && c ? MG_OK : mg_fail(MG_E_INTERNAL, "out of memory");
    if (mg_ok(r)) r = side_args(server, work_dir, s);
    if (mg_ok(r)) r = side_args(client, work_dir, c);
    if (mg_ok(r)) {
        add(s, "-accept"), add(s, "127.0.0.1:0"), add(s, "-naccept"), add(s, "1");
        add(s, "-rev"), add(s, "-Verify"), add(s, "8");
        add(c, "-connect"), add(c, port_arg), add(c, "-quiet"), add(c, "-ign_eof");
        add(c, "-servername"), add(c, client->server_name);
        add(c, "-verify_hostname"), add(c, client->server_name);
    }
    double start = mg_bench_now();
    for (unsigned i = 0; mg_ok(r) && i < count; i++) r = one_case(s, c, port_arg);
    double seconds = mg_bench_now() - start;
    if (mg_ok(r) && seconds > 0) *per_s = count / seconds;
    free(s);
    free(c);
    return r;
}
