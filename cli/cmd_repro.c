/* mtlsgrid repro CASE --out DIR: a bundle that replays one case with stock tools, generated
 * in wall-clock time mode (DESIGN.md "Repro bundle"). */
#include "case_options.h"
#include "compose.h"
#include "out_folder.h"
#include "path_join.h"
#include "repro_bundle.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct {
    const char *out;
    const char *scenarios;
    int quiet;
    int force;
} repro_args;

static const cli_option repro_options[] = {
    {"out", OPT_STRING | OPT_REQUIRED, offsetof(repro_args, out), "DIR",
     "bundle folder to write"},
    {"scenarios", OPT_STRING, offsetof(repro_args, scenarios), "DIR",
     "scenario folder (default: the built-in catalogue)"},
    {"quiet", OPT_FLAG, offsetof(repro_args, quiet), NULL, "print nothing on success"},
    MG_FORCE_OPTION_ROW(repro_args),
};

static void repro_defaults(void *raw)
{
    repro_args *a = raw;
    mg_plan_options o = {0};
    mg_plan_options_defaults(&o);
    a->scenarios = o.scenarios_dir;
}

/* Every name a bundle may hold: a rerun into the same folder first removes those the
 * previous bundle wrote (and nothing else), so no file of an earlier case (say its crl.pem) is
 * left to mislead, and no file of the user's is deleted. */
static const char *const bundle_names[] = {
    "server.pem",       "server.key",       "client.pem",      "client.key",   "client.p12",
    "p12-password.txt", "server-trust.pem", "client-trust.pem", "crl.pem",     "ocsp.der",
    "server-name.txt",  "expected.txt",     "README.md",       "commands.sh", "handshake.pcap",
    "keylog.txt",
};
#define BUNDLE_NAME_COUNT (sizeof bundle_names / sizeof bundle_names[0])

/* The inode of each bundle name that held a file of the user's (with --force), 0 for the
 * others: such a file is neither deleted nor listed as ours unless the bundle replaced it. */
typedef ino_t foreign_files[BUNDLE_NAME_COUNT];

static ino_t inode_of(const mg_out_dir *out, const char *name)
{
    char path[4096];
    struct stat st;
    if (!mg_ok(mg_path_join(path, sizeof path, out->path, name))) return 0;
    return lstat(path, &st) == 0 ? st.st_ino : 0;
}

/* Fails early, naming the folder, before the matrix is generated; every name of ours is
 * listed in the folder's marker before it is written, so an interrupted repro's files are
 * known as ours. */
static MG_RESULT prepare_out_dir(const repro_args *a, mg_out_dir *out, foreign_files foreign)
{
    MG_ENSURE(a->out, MG_E_USAGE, "--out DIR is required");
    MG_GUARD(cli_out_folder_open(out, a->out, "repro", a->force));
    for (size_t i = 0; i < BUNDLE_NAME_COUNT; i++) {
        foreign[i] = mg_out_dir_lists(out, bundle_names[i]) ? 0 : inode_of(out, bundle_names[i]);
        if (foreign[i]) continue;
        MG_GUARD(mg_out_dir_remove(out, bundle_names[i])); /* the previous bundle's */
        MG_GUARD(mg_out_dir_claim(out, bundle_names[i]));
    }
    return MG_OK;
}

/* The names this case's bundle does not hold (no crl.pem) are unlisted again; a file of the
 * user's that the bundle replaced is ours now. */
static MG_RESULT list_what_was_written(mg_out_dir *out, const foreign_files foreign)
{
    for (size_t i = 0; i < BUNDLE_NAME_COUNT; i++) {
        ino_t now = inode_of(out, bundle_names[i]);
        if (!foreign[i] && !now) MG_GUARD(mg_out_dir_remove(out, bundle_names[i]));
        if (foreign[i] && now && now != foreign[i])
            MG_GUARD(mg_out_dir_claim(out, bundle_names[i]));
    }
    return MG_OK;
}

static MG_RESULT write_bundle(const repro_args *a, const char *id, mg_repro_case *rc,
                              mg_repro_bundle *b, mg_out_dir *out)
{
    foreign_files foreign;
    MG_GUARD(prepare_out_dir(a, out, foreign));
    MG_GUARD(mg_repro_case_resolve(id, a->scenarios, rc));
    b->dir = a->out;
    b->rc = rc;
    MG_GUARD(mg_repro_write_files(b));
    MG_GUARD(mg_repro_capture(b));
    MG_GUARD(mg_repro_write_commands(b)); /* before README.md, whose file table lists it */
    MG_GUARD(mg_repro_write_readme(b));
    return list_what_was_written(out, foreign);
}

static int run_repro(void *raw, const cli_rest *rest)
{
    repro_args *a = raw;
    mg_repro_case rc;
    mg_repro_bundle b = {0};
    mg_out_dir out = {.lock_fd = -1};
    memset(&rc, 0, sizeof rc);
    mg_result r = write_bundle(a, rest->positional[0], &rc, &b, &out);
    if (mg_ok(r) && !a->quiet) {
        char seen[64];
        mg_verdict_format(b.seen.verdict, seen, sizeof seen);
        printf("%s: bundle in %s (expected %s; mtlsgrid's run gave %s)\n", rc.case_id, a->out,
               b.expected, seen);
    }
    if (!mg_ok(r)) fprintf(stderr, "mtlsgrid: repro: %s\n", mg_error_message());
    mg_repro_case_free(&rc);
    mg_out_dir_close(&out);
    return mg_exit_code(r);
}

const cli_command mg_cmd_repro = {
    "repro", "CASE",
    "Write a bundle that replays one case with stock tools: credentials, trust, CRL/OCSP, "
    "expected verdict, README.md, commands.sh (each stack's own client and server tools, and "
    "curl), handshake.pcap and keylog.txt. CASE is SCENARIO/CLIENT-SERVER/TLS/POLICY, or a "
    "scenario id for its first TLS 1.3 strict case the stacks can express (the first stack "
    "against itself when it can).",
    CLI_OPTIONS(repro_options), sizeof(repro_args), repro_defaults, 1, 1, run_repro,
};
