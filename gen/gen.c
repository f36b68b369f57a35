/* mg_gen_matrix: checks the output folder, issues every family into a temporary folder,
 * writes the manifest last, then renames the folder into place. */
#include "gen.h"

#include "detrand.h"
#include "file_writer.h"
#include "gen_internal.h"
#include "outdir.h"
#include "remove_tree.h"
#include "temp_dir.h"

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MG_DEFAULT_SEED "mtlsgrid"

static const mg_profile_table *const families[] = {
    &mg_profiles_core,       &mg_profiles_purpose,    &mg_profiles_names,
    &mg_profiles_time,       &mg_profiles_chain,      &mg_profiles_algorithms,
    &mg_profiles_extensions, &mg_profiles_credentials, &mg_profiles_revocation,
    &mg_profiles_advisories,
};

static MG_RESULT issue_table(mg_gen *g, const mg_profile_table *table)
{
    static const mg_side sides[] = {MG_SIDE_CLIENT, MG_SIDE_SERVER};
    for (size_t i = 0; i < table->count; i++) {
        const mg_profile_row *row = &table->rows[i];
        for (size_t s = 0; s < 2; s++) {
            if (row->only && row->only != (unsigned)sides[s]) continue;
            mg_cert_spec spec;
            MG_GUARD(mg_spec_from_row(row, sides[s], &spec));
            MG_GUARD(mg_cert_issue(g, &spec));
        }
    }
    return MG_OK;
}

static void iso_time(int64_t t, char *buf, size_t cap)
{
    time_t tt = (time_t)t;
    struct tm tm;
    gmtime_r(&tt, &tm);
    strftime(buf, cap, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static MG_RESULT write_manifest(mg_gen *g, const mg_gen_options *options)
{
    char when[32];
    iso_time(g->reference_time, when, sizeof when);
    json_t *root = json_pack("{s:s, s:i, s:s, s:s, s:I, s:s, s:s, s:O}", "generator", "mtlsgrid",
                             "format", 1, "seed", g->seed, "time_mode",
                             options->time_mode == MG_TIME_NOW ? "now" : "pinned",
                             "reference_time", (json_int_t)g->reference_time,
                             "reference_time_text", when, "libcrypto",
                             OpenSSL_version(OPENSSL_VERSION), "artifacts", g->artifacts);
    char *text = root ? json_dumps(root, JSON_INDENT(1)) : NULL;
    json_decref(root);
    MG_ENSURE(text != NULL, MG_E_INTERNAL, "cannot encode the manifest");
    size_t len = strlen(text);
    text[len] = '\n'; /* replace the terminator: the file ends with a newline */
    mg_result r = mg_write_file(g, NULL, "manifest.json", text, len + 1, 0644);
    free(text);
    return r;
}

static bool derived_slowly(mg_key_type type)
{
    return type == MG_KEY_RSA1024 || type == MG_KEY_RSA2048 || type == MG_KEY_RSA3072 ||
           type == MG_KEY_RSA_PSS2048;
}

/* The RSA keys the rows will ask for, derived ahead on another core (keys.h). */
typedef struct {
    char labels[32][MG_NAME_MAX + 16];
    mg_key_request keys[32];
    size_t count;
} key_list;

static void want_key(key_list *l, mg_key_type type, const char *label)
{
    for (size_t i = 0; i < l->count; i++)
        if (l->keys[i].type == type && !strcmp(l->keys[i].label, label)) return;
    if (l->count == sizeof l->keys / sizeof l->keys[0]) return; /* the rest made on demand */
    snprintf(l->labels[l->count], sizeof l->labels[l->count], "%s", label);
    l->keys[l->count] = (mg_key_request){type, l->labels[l->count]};
    l->count++;
}

static void prefetch_rsa_keys(mg_gen *g)
{
    static const mg_side sides[] = {MG_SIDE_CLIENT, MG_SIDE_SERVER};
    key_list wanted = {.count = 0};
    for (size_t f = 0; f < sizeof families / sizeof families[0]; f++)
        for (size_t i = 0; i < families[f]->count; i++) {
            const mg_profile_row *row = &families[f]->rows[i];
            if (!derived_slowly(row->key)) continue;
            for (size_t s = 0; s < 2; s++) {
                mg_cert_spec spec; /* the labels mg_cert_issue asks for */
                if ((row->only && row->only != (unsigned)sides[s]) ||
                    !mg_ok(mg_spec_from_row(row, sides[s], &spec)))
                    continue;
                want_key(&wanted, row->key, spec.key_label);
                if (!(spec.flags & MG_F_KEY_MISMATCH)) continue;
                char other[MG_NAME_MAX + 16];
                mg_mismatch_key_label(&spec, other, sizeof other);
                want_key(&wanted, row->key, other);
            }
        }
    mg_key_prefetch(&g->keys, g->libctx, g->seed, wanted.keys, wanted.count);
}

static MG_RESULT issue_all(mg_gen *g, const mg_gen_options *options)
{
    g->libctx = g->detrand.libctx;
    prefetch_rsa_keys(g);
    g->artifacts = json_array();
    MG_ENSURE(g->artifacts != NULL, MG_E_INTERNAL, "out of memory");
    for (size_t i = 0; i < sizeof families / sizeof families[0]; i++)
        MG_GUARD(issue_table(g, families[i]));
    MG_GUARD(mg_issue_crls(g));
    MG_GUARD(mg_issue_ocsp(g));
    MG_GUARD(mg_issue_p12(g));
    MG_GUARD(mg_issue_trust_bundles(g));
    return write_manifest(g, options);
}

/* Everything issued, with the files written beside it by the file writer: the matrix is
 * complete when this returns MG_OK, and nobody writes into it any more either way. */
static MG_RESULT generate(mg_gen *g, const mg_gen_options *options)
{
    MG_GUARD(mg_detrand_open(&g->detrand));
    mg_file_writer writer;
    MG_GUARD(mg_file_writer_start(&writer));
    g->writer = &writer;
    mg_result r = issue_all(g, options);
    if (mg_ok(r)) r = mg_file_writer_finish(&writer);
    else mg_file_writer_abandon(&writer);
    g->writer = NULL;
    return r;
}

/* Adds libcrypto's reason to an internal failure, and leaves no errors queued behind for
 * whoever uses OpenSSL next on this thread. */
static MG_RESULT with_openssl_reason(mg_result r)
{
    unsigned long error = ERR_peek_last_error();
    if (!mg_ok(r) && r.kind == MG_E_INTERNAL && error != 0) {
        char reason[256], message[1024];
        ERR_error_string_n(error, reason, sizeof reason);
        snprintf(message, sizeof message, "%s", mg_error_message());
        r = mg_fail(r.kind, "%s (%s)", message, reason);
    }
    ERR_clear_error();
    return r;
}

static double seconds_since(const struct timespec *start)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - start->tv_sec) + (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

MG_RESULT mg_gen_matrix(const mg_gen_options *options, mg_gen_stats *stats)
{
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    if (stats) *stats = (mg_gen_stats){0};
    MG_ENSURE(options != NULL, MG_E_USAGE, "no options");
    MG_ENSURE(options->time_mode == MG_TIME_PINNED || options->time_mode == MG_TIME_NOW,
              MG_E_USAGE, "unknown time mode %d", (int)options->time_mode);
    MG_ENSURE(!options->seed || options->seed[0], MG_E_USAGE, "--seed must not be empty");
    MG_GUARD(mg_outdir_check(options->out_dir));
    mg_gen g = {
        .seed = options->seed ? options->seed : MG_DEFAULT_SEED,
        .reference_time = options->time_mode == MG_TIME_PINNED ? MG_PINNED_REFERENCE_TIME
                          : options->now                        ? options->now
                                                                 : (int64_t)time(NULL),
        .verbose = options->verbose,
    };
    char *tmp = NULL;
    /* an interrupt removes the half-made matrix (it holds keys) rather than leave it behind,
     * one that comes while it is being made too */
    sigset_t saved;
    mg_temp_dir_hold_signals(&saved);
    mg_result r = mg_outdir_make_temp(options->out_dir, &tmp);
    if (mg_ok(r)) r = mg_temp_dir_register(tmp);
    mg_temp_dir_release_signals(&saved);
    if (!tmp) return r;
    g.dir = tmp;
    if (mg_ok(r)) r = generate(&g, options);
    unsigned artifacts = (unsigned)json_array_size(g.artifacts);
    json_decref(g.artifacts);
    mg_issued_free(&g);
    mg_key_cache_free(&g.keys);
    mg_detrand_close(&g.detrand);
    if (mg_ok(r)) r = mg_outdir_commit(tmp, options->out_dir);
    if (!mg_ok(r)) mg_remove_tree(tmp);
    mg_temp_dir_forget(tmp);
    free(tmp);
    r = with_openssl_reason(r);
    MG_GUARD(r);
    double seconds = seconds_since(&start);
    if (stats) *stats = (mg_gen_stats){.artifacts = artifacts, .seconds = seconds};
    if (options->verbose) {
        char when[32];
        iso_time(g.reference_time, when, sizeof when);
        printf("gen: wrote %u artifacts (%u files) to %s in %.0f ms (seed \"%s\", %s time %s)\n",
               artifacts, g.files, options->out_dir, seconds * 1000, g.seed,
               options->time_mode == MG_TIME_NOW ? "now" : "pinned", when);
    }
    return MG_OK;
}
