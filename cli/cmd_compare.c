/* mtlsgrid compare: what changed between two runs, by scenario and pairing, grouped by stack
 * and behaviour (reports/compare.h). Markdown on stdout, or compare.md, compare.html and
 * compare.json in --out. */
#include "atomic_file.h"
#include "command.h"
#include "compare.h"
#include "out_folder.h"
#include "path_join.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    const char *out;
    const char *formats;
    int force;
} compare_args;

static const cli_option compare_options[] = {
    {"out", OPT_STRING, offsetof(compare_args, out), "DIR",
     "write compare.md, compare.html and compare.json there instead of Markdown on stdout"},
    {"format", OPT_STRING, offsetof(compare_args, formats), "md,html,json",
     "what to write into --out (default all three)"},
    MG_FORCE_OPTION_ROW(compare_args),
};

static const char *const formats[] = {"md", "html", "json"};
enum { FORMAT_COUNT = 3 };

static MG_RESULT parse_formats(const char *list, bool wanted[FORMAT_COUNT])
{
    if (!list) {
        for (int i = 0; i < FORMAT_COUNT; i++) wanted[i] = true;
        return MG_OK;
    }
    MG_ENSURE(list[0], MG_E_USAGE, "compare: --format: empty list (md, html, json)");
    for (const char *p = list; *p;) {
        size_t len = strcspn(p, ",");
        bool known = false;
        for (int i = 0; i < FORMAT_COUNT; i++)
            if (strlen(formats[i]) == len && strncmp(p, formats[i], len) == 0)
                wanted[i] = known = true;
        MG_ENSURE(known, MG_E_USAGE, "compare: --format: unknown format \"%.*s\" (md, html, json)",
                  (int)len, p);
        p += len + (p[len] == ',');
    }
    return MG_OK;
}

static MG_RESULT write_md_file(const mg_comparison *c, const char *path)
{
    mg_atomic_file f;
    MG_GUARD(mg_atomic_open(&f, path));
    mg_result r = mg_compare_write_md(c, f.file);
    if (!mg_ok(r)) {
        mg_atomic_abandon(&f);
        return r;
    }
    return mg_atomic_commit(&f);
}

static const char *const file_names[FORMAT_COUNT] = {"compare.md", "compare.html",
                                                      "compare.json"};

/* Each file is listed in the folder's marker before it is written (and an earlier compare's
 * files of formats not asked for now are removed), as run's reports are. */
static MG_RESULT write_files(const compare_args *a, const mg_comparison *c,
                             const bool wanted[FORMAT_COUNT])
{
    mg_out_dir out = {.lock_fd = -1};
    mg_result r = cli_out_folder_open(&out, a->out, "compare", a->force);
    for (int i = 0; mg_ok(r) && i < FORMAT_COUNT; i++) r = mg_out_dir_remove(&out, file_names[i]);
    for (int i = 0; mg_ok(r) && i < FORMAT_COUNT; i++) {
        if (!wanted[i]) continue;
        char path[4200];
        r = mg_out_dir_claim(&out, file_names[i]);
        if (mg_ok(r)) r = mg_path_join(path, sizeof path, a->out, file_names[i]);
        if (!mg_ok(r)) break;
        if (i == 0) r = write_md_file(c, path);
        else if (i == 1) r = mg_compare_write_html(c, path);
        else r = mg_compare_write_json(c, path);
        if (mg_ok(r)) printf("wrote %s\n", path);
    }
    mg_out_dir_close(&out);
    return r;
}

static MG_RESULT compare(const compare_args *a, const char *path_a, const char *path_b,
                         int *exit_code)
{
    bool wanted[FORMAT_COUNT] = {false};
    MG_ENSURE(a->out || !a->formats, MG_E_USAGE,
              "compare: --format chooses the files written into --out; without --out the "
              "Markdown goes to stdout");
    MG_GUARD(parse_formats(a->formats, wanted));
    mg_comparison c;
    mg_result r = mg_compare_files(path_a, path_b, &c);
    if (mg_ok(r) && !a->out) r = mg_compare_write_md(&c, stdout);
    if (mg_ok(r) && a->out) {
        printf("compare: %zu cases in both agree, %zu differ; %zu only in A, %zu only in B\n",
               c.same_count, c.changed_count, c.only_a_count, c.only_b_count);
        r = write_files(a, &c, wanted);
    }
    if (mg_ok(r)) *exit_code = mg_comparison_agrees(&c) ? 0 : 1;
    mg_comparison_free(&c);
    return r;
}

static int run_compare(void *raw, const cli_rest *rest)
{
    int exit_code = 0;
    mg_result r = compare(raw, rest->positional[0], rest->positional[1], &exit_code);
    if (!mg_ok(r)) fprintf(stderr, "mtlsgrid: compare: %s\n", mg_error_message());
    return mg_ok(r) ? exit_code : mg_exit_code(r);
}

const cli_command mg_cmd_compare = {
    "compare", "A/results.jsonl B/results.jsonl",
    "Show what changed between two runs (say, the matrix on two versions of a stack): every "
    "case whose verdict, grade or divergence record differs, A's and B's side by side under "
    "each run's stack versions, grouped by the stack on the side the verdict names and by "
    "behaviour (the checks a version added or dropped), and the cases only one run has. "
    "Markdown on stdout, or compare.md, compare.html (the grid, per-version columns) and "
    "compare.json in --out. Exit 0 when the runs agree, 1 when they differ.",
    CLI_OPTIONS(compare_options), sizeof(compare_args), NULL, 2, 2, run_compare,
};
