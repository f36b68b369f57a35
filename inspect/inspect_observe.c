/* The inspected certificate, its chain, the CAs and CRLs written as PEM into a private folder,
 * and each tool asked about them there: its leaf file keeps the inspected file's own name, so
 * the tool's words ("cli.pem: OK") are the ones the user gets running it on that file. */
#include "inspect_observe.h"

#include "path_join.h"
#include "temp_dir.h"

#include <openssl/pem.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MG_TOOL_DEADLINE_MS 10000

typedef struct {
    char dir[1024];
    char leaf[512], untrusted[512], leaf_chain[512], trust[512], crls[512];
    const char *leaf_name; /* inside dir */
    bool pem_as_given;     /* the leaf's copy has the file's own name: the file is PEM text */
} copies;

mg_result mg_inspect_write_pem(const char *path, X509 *one, STACK_OF(X509) *certs,
                              STACK_OF(X509_CRL) *crls)
{
    FILE *f = fopen(path, "wx");
    MG_ENSURE(f, MG_E_IO, "inspect: cannot write %s", path);
    bool ok = !one || PEM_write_X509(f, one) == 1;
    for (int i = 0; ok && i < sk_X509_num(certs); i++)
        ok = PEM_write_X509(f, sk_X509_value(certs, i)) == 1;
    for (int i = 0; ok && i < sk_X509_CRL_num(crls); i++)
        ok = PEM_write_X509_CRL(f, sk_X509_CRL_value(crls, i)) == 1;
    ok = fclose(f) == 0 && ok;
    MG_ENSURE(ok, MG_E_IO, "inspect: cannot write %s", path);
    return MG_OK;
}

/* The inspected file's base name, with .pem added to one that does not end so (a .p12 or a
 * DER file is copied as PEM); leaf.pem for a name starting with '-' or one of the others'. */
static void leaf_name(const char *path, char *out, size_t len)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base);
    bool pem = n > 4 && (strcmp(base + n - 4, ".pem") == 0 || strcmp(base + n - 4, ".crt") == 0);
    snprintf(out, len, "%s%s", base, pem ? "" : ".pem");
    /* a name the tool would read as an option, or one of the other copies' */
    if (!*base || *base == '-' || strncmp(out, "mtlsgrid-", 9) == 0)
        snprintf(out, len, "leaf.pem");
}

static MG_RESULT write_copies(const mg_inspect_subject *s, copies *c)
{
    const mg_inspect_session *session = s->session;
    char name[256];
    leaf_name(s->path, name, sizeof name);
    MG_GUARD(mg_temp_dir_make("inspect", c->dir, sizeof c->dir));
    MG_GUARD(mg_path_join(c->leaf, sizeof c->leaf, c->dir, name));
    MG_GUARD(mg_path_join(c->untrusted, sizeof c->untrusted, c->dir, "mtlsgrid-untrusted.pem"));
    MG_GUARD(mg_path_join(c->leaf_chain, sizeof c->leaf_chain, c->dir, "mtlsgrid-chain.pem"));
    MG_GUARD(mg_path_join(c->trust, sizeof c->trust, c->dir, "mtlsgrid-ca.pem"));
    MG_GUARD(mg_path_join(c->crls, sizeof c->crls, c->dir, "mtlsgrid-crls.pem"));
    c->leaf_name = c->leaf + strlen(c->dir) + 1;
    const char *base = strrchr(s->path, '/');
    c->pem_as_given = strcmp(c->leaf_name, base ? base + 1 : s->path) == 0;
    MG_GUARD(mg_inspect_write_pem(c->leaf, s->leaf, NULL, NULL));
    if (sk_X509_num(s->others)) MG_GUARD(mg_inspect_write_pem(c->untrusted, NULL, s->others, NULL));
    MG_GUARD(mg_inspect_write_pem(c->leaf_chain, s->leaf, s->others, NULL));
    MG_GUARD(mg_inspect_write_pem(c->trust, NULL, session->anchors, NULL));
    if (session->crls) MG_GUARD(mg_inspect_write_pem(c->crls, NULL, NULL, session->crls));
    return MG_OK;
}

/* The command as a person types it: the copies' names replaced by the user's files (the
 * inspected file's only when it is PEM, which the tools read; a DER or PKCS#12 file keeps its
 * PEM copy's name). */
static char *command_text(const mg_inspect_subject *s, const copies *c, const char *const *argv)
{
    size_t cap = 64;
    for (size_t i = 0; argv[i]; i++) cap += strlen(argv[i]) + strlen(s->path) + 1024;
    char *text = calloc(1, cap);
    for (size_t i = 0, used = 0; text && argv[i]; i++) {
        const char *word = argv[i];
        bool copy_of_file = strcmp(word, c->leaf_name) == 0 ||
                            strcmp(word, "mtlsgrid-untrusted.pem") == 0 ||
                            strcmp(word, "mtlsgrid-chain.pem") == 0;
        if (copy_of_file && c->pem_as_given)
            word = s->path;
        else if (strcmp(word, "mtlsgrid-ca.pem") == 0)
            word = s->session->ca_file;
        else if (strcmp(word, "mtlsgrid-crls.pem") == 0)
            word = s->session->crl_file;
        int n = snprintf(text + used, cap - used, "%s%s", i ? " " : "", word);
        used += n > 0 ? (size_t)n : 0;
    }
    return text;
}

static MG_RESULT ask(const mg_inspect_subject *s, const copies *c, const mg_verify_tool *tool,
                     mg_inspect_observation *o)
{
    const mg_inspect_session *session = s->session;
    bool to_client = s->role == MG_INSPECT_CLIENT;
    mg_verify_question q = {c->leaf_name, sk_X509_num(s->others) ? "mtlsgrid-untrusted.pem" : NULL,
                            "mtlsgrid-chain.pem", "mtlsgrid-ca.pem",
                            session->crls ? "mtlsgrid-crls.pem" : NULL, to_client,
                            to_client ? NULL : session->host, session->at_given, session->at};
    const char *argv[MG_VERIFY_ARGV_MAX + 1] = {NULL};
    char words[256];
    if (!tool->command(&q, argv, words, sizeof words))
        return mg_strdup("it cannot be asked this (no option for --at)", &o->why_not);
    mg_tool_run run;
    MG_GUARD(mg_inspect_run_tool(c->dir, argv, MG_TOOL_DEADLINE_MS, &run));
    o->command = command_text(s, c, argv);
    mg_result r = o->command ? MG_OK : mg_fail(MG_E_INTERNAL, "out of memory");
    if (mg_ok(r) && !run.found)
        r = mg_strdup("it is not installed here (not on PATH)", &o->why_not);
    else if (mg_ok(r) && run.timed_out)
        r = mg_strdup("it did not answer within 10 s", &o->why_not);
    else if (mg_ok(r)) {
        o->ran = true;
        o->exit_status = run.exit_status;
        o->output = run.output;
        run.output = NULL;
        o->finding_count = tool->findings(o->output, o->findings,
                                          sizeof o->findings / sizeof o->findings[0]);
    }
    mg_tool_run_free(&run);
    return r;
}

mg_result mg_inspect_observe(const mg_inspect_subject *s, mg_inspect_report *r)
{
    bool any = false;
    for (size_t i = 0; i < r->tool_count; i++) {
        r->observed[i].tool = r->tools[i].verify ? r->tools[i].verify->label : NULL;
        any = any || r->observed[i].tool;
    }
    if (!any) return MG_OK;
    if (!s->session->anchors) {
        for (size_t i = 0; i < r->tool_count; i++)
            if (r->observed[i].tool)
                MG_GUARD(mg_strdup("not run: it verifies a chain, give --ca",
                                   &r->observed[i].why_not));
        return MG_OK;
    }
    copies c = {0};
    mg_result res = write_copies(s, &c);
    for (size_t i = 0; mg_ok(res) && i < r->tool_count; i++)
        if (r->observed[i].tool) res = ask(s, &c, r->tools[i].verify, &r->observed[i]);
    mg_temp_dir_remove(c.dir);
    return res;
}

void mg_inspect_observations_free(mg_inspect_report *r)
{
    for (size_t i = 0; i < MG_INSPECT_TOOL_MAX; i++) {
        free(r->observed[i].command);
        free(r->observed[i].output);
        free(r->observed[i].why_not);
        r->observed[i] = (mg_inspect_observation){0};
    }
}

static bool purpose_family(mg_reason reason)
{
    return reason == MG_REASON_BAD_PURPOSE || reason == MG_REASON_BAD_KEY_USAGE;
}

bool mg_inspect_finding_fits(const mg_verify_finding *f, const mg_inspect_cause *cause)
{
    return f->reason == cause->reason ||
           (purpose_family(f->reason) && purpose_family(cause->reason));
}
