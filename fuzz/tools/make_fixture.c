/* mg_fuzz_fixture MATRIX_DIR OUT.c: makes the pinned-time matrix with gen (default seed) in
 * MATRIX_DIR and writes the C file that embeds the fuzz fixture (lib/fixture.h) from it:
 * the server's chain and key, the client root, every CA, the PKCS#12 password and the
 * reference time. Run at build time; the seed maker reads the same MATRIX_DIR. */
#include "file_io.h"
#include "gen.h"
#include "manifest.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The password when the matrix has no PKCS#12 artifact to take one from. */
#define FALLBACK_P12_PASSWORD "mtlsgrid"

static void write_literal(FILE *out, const char *name, const char *text)
{
    fprintf(out, "const char %s[] =\n    \"", name);
    for (const char *p = text; *p; p++) {
        if (*p == '\n') fputs(p[1] ? "\\n\"\n    \"" : "\\n", out);
        else if (*p == '"' || *p == '\\') fprintf(out, "\\%c", *p);
        else fputc(*p, out);
    }
    fputs("\";\n\n", out);
}

static MG_RESULT file_text(const char *path, char **out)
{
    MG_ENSURE(path != NULL, MG_E_INPUT, "the matrix lacks a file of a core artifact");
    return mg_fuzz_read_file(path, out, NULL);
}

static bool is_ca(const mg_artifact *a)
{
    return strcmp(a->kind, "cert") == 0 && a->role != NULL &&
           (strcmp(a->role, "root") == 0 || strcmp(a->role, "intermediate") == 0);
}

static MG_RESULT ca_bundle(const mg_manifest *m, char **out)
{
    size_t len = 0;
    char *bundle = calloc(1, 1);
    MG_ENSURE(bundle != NULL, MG_E_INTERNAL, "out of memory");
    for (size_t i = 0; i < m->count; i++) {
        if (!is_ca(&m->artifacts[i]) || m->artifacts[i].cert_pem == NULL) continue;
        char *pem;
        size_t pem_len;
        mg_result r = mg_fuzz_read_file(m->artifacts[i].cert_pem, &pem, &pem_len);
        char *grown = mg_ok(r) ? realloc(bundle, len + pem_len + 1) : NULL;
        if (grown == NULL) {
            free(bundle);
            if (mg_ok(r)) free(pem);
            return mg_ok(r) ? mg_fail(MG_E_INTERNAL, "out of memory") : r;
        }
        bundle = grown;
        memcpy(bundle + len, pem, pem_len + 1);
        len += pem_len;
        free(pem);
    }
    *out = bundle;
    return MG_OK;
}

static const char *p12_password(const mg_manifest *m)
{
    for (size_t i = 0; i < m->count; i++)
        if (m->artifacts[i].p12_password != NULL && m->artifacts[i].p12_password[0])
            return m->artifacts[i].p12_password;
    return FALLBACK_P12_PASSWORD;
}

static MG_RESULT write_fixture(const mg_manifest *m, const char *out_path)
{
    const mg_artifact *server = mg_manifest_find(m, "server");
    const mg_artifact *client_root = mg_manifest_find(m, "client-root");
    char *texts[4] = {NULL};
    mg_result r = file_text(server->chain_pem, &texts[0]);
    if (mg_ok(r)) r = file_text(server->key_pem, &texts[1]);
    if (mg_ok(r)) r = file_text(client_root->cert_pem, &texts[2]);
    if (mg_ok(r)) r = ca_bundle(m, &texts[3]);
    FILE *out = mg_ok(r) ? fopen(out_path, "w") : NULL;
    if (mg_ok(r) && out == NULL) r = mg_fail(MG_E_IO, "%s: cannot create", out_path);
    if (out != NULL) {
        fprintf(out, "/* Made by fuzz/tools/make_fixture.c from the matrix in %s: do not edit. */\n"
                     "#include \"fixture.h\"\n\n", m->dir);
        write_literal(out, "mg_fixture_server_chain_pem", texts[0]);
        write_literal(out, "mg_fixture_server_key_pem", texts[1]);
        write_literal(out, "mg_fixture_client_trust_pem", texts[2]);
        write_literal(out, "mg_fixture_ca_bundle_pem", texts[3]);
        write_literal(out, "mg_fixture_p12_password", p12_password(m));
        fprintf(out, "const int64_t mg_fixture_time = INT64_C(%" PRId64 ");\n", m->reference_time);
        if (fclose(out) != 0) r = mg_fail(MG_E_IO, "%s: cannot write", out_path);
    }
    for (int i = 0; i < 4; i++) free(texts[i]);
    return r;
}

static MG_RESULT run(const char *matrix_dir, const char *out_path)
{
    mg_gen_options options = {.out_dir = matrix_dir, .time_mode = MG_TIME_PINNED};
    mg_gen_stats stats;
    MG_GUARD(mg_gen_matrix(&options, &stats));
    mg_manifest m;
    MG_GUARD(mg_manifest_load(matrix_dir, &m));
    MG_ENSURE(mg_manifest_find(&m, "server") && mg_manifest_find(&m, "client-root"), MG_E_INPUT,
              "%s: the matrix has no \"server\" or \"client-root\" artifact", matrix_dir);
    mg_result r = write_fixture(&m, out_path);
    mg_manifest_free(&m);
    return r;
}

int main(int argc, char **argv)
{
    return mg_fuzz_tool_main(argc, argv, "MATRIX_DIR OUT.c", run);
}
