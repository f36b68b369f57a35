/* The generator writes a complete matrix: the manifest loads, every core artifact is there
 * with the files the manifest names, private keys are 0600, chains end below the root. */
#include "gen.h"
#include "manifest.h"
#include "mg_test.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int exists(const char *path)
{
    struct stat st;
    return path != NULL && stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0;
}

static int mode_of(const char *path)
{
    struct stat st;
    return path != NULL && stat(path, &st) == 0 ? (int)(st.st_mode & 0777) : -1;
}

static int count_certs(const char *path)
{
    FILE *f = path ? fopen(path, "r") : NULL;
    if (f == NULL) return -1;
    char line[256];
    int n = 0;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, "-----BEGIN CERTIFICATE-----", 27) == 0) n++;
    fclose(f);
    return n;
}

static void check_cert(const mg_manifest *m, const char *name, const char *role,
                       const char *issuer, int chain_len)
{
    const mg_artifact *a = mg_manifest_find(m, name);
    CHECK(a != NULL);
    if (a == NULL) {
        fprintf(stderr, "missing artifact %s\n", name);
        return;
    }
    CHECK_STR(a->kind, "cert");
    CHECK_STR(a->role, role);
    CHECK_STR(a->issuer, issuer);
    CHECK(exists(a->cert_pem) && exists(a->cert_der) && exists(a->key_pem) && exists(a->chain_pem));
    CHECK(a->cert_pem && a->cert_pem[0] == '/');
    CHECK(mode_of(a->key_pem) == 0600);
    CHECK(mode_of(a->cert_pem) == 0644);
    CHECK(count_certs(a->chain_pem) == chain_len);
    CHECK(a->not_before < m->reference_time && m->reference_time < a->not_after);
}

int main(void)
{
    char dir[] = "/tmp/mg-gen-matrix-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char out[sizeof dir + 16];
    snprintf(out, sizeof out, "%s/matrix", dir);

    mg_gen_options options = {.out_dir = out, .time_mode = MG_TIME_PINNED};
    mg_gen_stats stats;
    mg_result r = mg_gen_matrix(&options, &stats);
    if (!mg_ok(r)) fprintf(stderr, "gen failed: %s\n", mg_error_message());
    CHECK(mg_ok(r));
    CHECK(stats.artifacts >= 8);
    printf("generated %u artifacts in %.3f s\n", stats.artifacts, stats.seconds);

    mg_manifest m;
    r = mg_manifest_load(out, &m);
    CHECK(mg_ok(r));
    if (mg_ok(r)) {
        CHECK_STR(m.time_mode, "pinned");
        CHECK(m.reference_time == MG_PINNED_REFERENCE_TIME);
        CHECK_STR(m.seed, "mtlsgrid");
        check_cert(&m, "server-root", "root", "server-root", 1);
        check_cert(&m, "server-ca", "intermediate", "server-root", 1);
        check_cert(&m, "server", "server", "server-ca", 2);
        check_cert(&m, "client-root", "root", "client-root", 1);
        check_cert(&m, "client-ca", "intermediate", "client-root", 1);
        check_cert(&m, "client", "client", "client-ca", 2);
        check_cert(&m, "client-eku-serverauth", "client", "client-ca", 2);
        const mg_artifact *server = mg_manifest_find(&m, "server");
        CHECK(server && server->host && strcmp(server->host, "server.test") == 0);
        CHECK(mg_manifest_find(&m, "no-such-artifact") == NULL);
        /* every file any artifact names exists */
        for (size_t i = 0; i < m.count; i++) {
            const mg_artifact *a = &m.artifacts[i];
            const char *files[] = {a->cert_pem, a->cert_der, a->key_pem, a->chain_pem,
                                   a->crl_pem, a->ocsp_der, a->p12};
            for (size_t f = 0; f < sizeof files / sizeof files[0]; f++)
                if (files[f] && !exists(files[f])) {
                    fprintf(stderr, "%s: missing %s\n", a->name, files[f]);
                    CHECK(0);
                }
            if (a->key_pem) CHECK(mode_of(a->key_pem) == 0600);
        }
        mg_manifest_free(&m);
    }
    /* Now mode at a given instant: the same artifacts, the same offsets from it. */
    char now_out[sizeof dir + 16];
    snprintf(now_out, sizeof now_out, "%s/now", dir);
    const int64_t instant = INT64_C(1800000000);
    mg_gen_options now = {.out_dir = now_out, .time_mode = MG_TIME_NOW, .now = instant};
    CHECK(mg_ok(mg_gen_matrix(&now, NULL)));
    mg_manifest pinned_m, now_m;
    if (mg_ok(mg_manifest_load(out, &pinned_m))) {
        if (mg_ok(mg_manifest_load(now_out, &now_m))) {
            CHECK_STR(now_m.time_mode, "now");
            CHECK(now_m.reference_time == instant);
            CHECK(now_m.count == pinned_m.count);
            for (size_t i = 0; i < now_m.count && i < pinned_m.count; i++) {
                const mg_artifact *p = &pinned_m.artifacts[i], *q = &now_m.artifacts[i];
                CHECK_STR(q->name, p->name);
                CHECK(q->defect_count == p->defect_count);
                if (strcmp(p->kind, "cert") == 0)
                    CHECK(q->not_after - instant == p->not_after - MG_PINNED_REFERENCE_TIME);
            }
            mg_manifest_free(&now_m);
        }
        mg_manifest_free(&pinned_m);
    }

    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK(system(cmd) == 0);
    TEST_END();
}
