/* mtlsgrid compare's grouping on made-up runs: a check a new version of one stack added shows
 * as one line for that stack whatever the peer, TLS version or policy; a dropped check, a
 * change of reason and a grade-only change are lines of their own; cases in one run only are
 * listed as such; a case twice in one run is bad input; the Markdown puts both runs' versions
 * over the columns. */
#include "compare.h"
#include "mg_test.h"

#include <stdlib.h>

static mg_verdict ok_expected = {MG_VERDICT_OK, MG_REASON_NONE};
static mg_verdict sha1_expected = {MG_VERDICT_SERVER_REJECTS, MG_REASON_INSECURE_ALGORITHM};
static mg_scenario baseline = {.id = "baseline", .family = "f", .standard = "s",
                               .expected = &ok_expected, .expected_count = 1};
static mg_scenario sha1 = {.id = "client-sha1-signed", .family = "f", .standard = "s",
                           .expected = &sha1_expected, .expected_count = 1};
static mg_divergence quirk = {.id = "a-accepts-sha1", .stack = "a", .reason = "r",
                              .reference = "https://example.org/"};

enum { MAX_ROWS = 64 };
static char ids[2][MAX_ROWS][96];

/* One row of run `run`: stack a is at version 1 in run 0 and 2 in run 1, b at 7 in both. */
static mg_report_row row(int run, int n, const mg_scenario *s, const char *client,
                         const char *server, const char *tls, const char *policy,
                         const char *verdict, mg_grade grade)
{
    snprintf(ids[run][n], sizeof ids[run][n], "%s/%s-%s/tls%s/%s", s->id, client, server, tls,
             policy);
    mg_report_row r = {.id = ids[run][n], .scenario = s, .client = client, .server = server,
                       .tls = tls, .policy = policy, .grade = grade};
    snprintf(r.verdict, sizeof r.verdict, "%s", verdict);
    r.client_version = client[0] == 'a' ? (run ? "2" : "1") : "7";
    r.server_version = server[0] == 'a' ? (run ? "2" : "1") : "7";
    return r;
}

static void add(mg_report_row *rows, size_t *n, int run, const mg_scenario *s,
                const char *client, const char *server, const char *tls, const char *policy,
                const char *verdict, mg_grade grade)
{
    rows[*n] = row(run, (int)*n, s, client, server, tls, policy, verdict, grade);
    (*n)++;
}

/* Run 0: a as server accepts the SHA-1 client everywhere (a recorded divergence, but for one
 * case); run 1: a 2 refuses it (pass). b refuses it in both. */
static size_t sha1_rows(int run, mg_report_row *rows, size_t n)
{
    const char *clients[] = {"a", "b"}, *tls[] = {"1.2", "1.3"}, *policies[] = {"strict",
                                                                                  "minimal"};
    for (int c = 0; c < 2; c++)
        for (int t = 0; t < 2; t++)
            for (int p = 0; p < 2; p++) {
                rows[n] = row(run, (int)n, &sha1, clients[c], "a", tls[t], policies[p],
                              run ? "server-rejects:insecure-algorithm" : "ok",
                              run ? MG_GRADE_PASS : MG_GRADE_XFAIL);
                /* one of them unrecorded in run 0: still the same behaviour of a 2 */
                bool unrecorded = c == 1 && t == 1 && p == 0;
                if (!run && !unrecorded) rows[n].divergence = &quirk;
                if (!run && unrecorded) rows[n].grade = MG_GRADE_FAIL;
                n++;
                add(rows, &n, run, &sha1, clients[c], "b", tls[t], policies[p],
                    "server-rejects:insecure-algorithm", MG_GRADE_PASS);
            }
    return n;
}

static const mg_compare_group *find_group(const mg_comparison *c, const char *stack,
                                          mg_change_kind kind, const char *scenario)
{
    for (size_t i = 0; i < c->group_count; i++) {
        const mg_compare_group *g = &c->groups[i];
        if (g->stack && strcmp(g->stack, stack) == 0 && g->kind == kind &&
            strcmp(g->scenario, scenario) == 0)
            return g;
    }
    return NULL;
}

static void check_grouping(void)
{
    mg_report_row a[MAX_ROWS], b[MAX_ROWS];
    size_t na = sha1_rows(0, a, 0), nb = sha1_rows(1, b, 0);
    /* baseline: a 2 as client now refuses b's server (another check); b as server stops
     * refusing a client for expired (dropped); a grade-only change; a case only in each run */
    add(a, &na, 0, &baseline, "a", "b", "1.3", "strict", "ok", MG_GRADE_PASS);
    add(b, &nb, 1, &baseline, "a", "b", "1.3", "strict",
                  "client-rejects:hostname-mismatch", MG_GRADE_FAIL);
    add(a, &na, 0, &baseline, "b", "b", "1.3", "strict", "server-rejects:expired",
                  MG_GRADE_FAIL);
    add(b, &nb, 1, &baseline, "b", "b", "1.3", "strict", "ok", MG_GRADE_PASS);
    add(a, &na, 0, &baseline, "b", "b", "1.2", "strict", "protocol:other",
                  MG_GRADE_XFAIL);
    add(b, &nb, 1, &baseline, "b", "b", "1.2", "strict", "protocol:other",
                  MG_GRADE_FAIL);
    a[na - 1].divergence = &quirk;
    add(a, &na, 0, &baseline, "a", "a", "1.2", "minimal", "ok", MG_GRADE_PASS);
    add(b, &nb, 1, &baseline, "b", "a", "1.2", "minimal", "ok", MG_GRADE_PASS);

    mg_comparison c = {.path_a = "A.jsonl", .path_b = "B.jsonl"};
    CHECK(mg_ok(mg_compare_rows(a, na, b, nb, &c)));
    CHECK(!mg_comparison_agrees(&c));
    CHECK(c.changed_count == 8 + 3);
    CHECK(c.same_count == 8);
    CHECK(c.only_a_count == 1 && c.only_b_count == 1);
    CHECK(c.only_a_count && strcmp(c.only_a[0]->id, "baseline/a-a/tls1.2/minimal") == 0);
    CHECK(c.only_b_count && strcmp(c.only_b[0]->id, "baseline/b-a/tls1.2/minimal") == 0);
    CHECK_STR(c.versions_a, "a 1, b 7");
    CHECK_STR(c.versions_b, "a 2, b 7");

    /* a 2 as server now refuses SHA-1 from every client, both versions, both policies: one
     * line, not eight */
    const mg_compare_group *g = find_group(&c, "a", MG_CHANGE_ADDED_CHECK, "client-sha1-signed");
    CHECK(g != NULL);
    if (g) {
        CHECK(g->count == 8);
        CHECK_STR(g->role, "server");
        CHECK_STR(g->version_a, "1");
        CHECK_STR(g->version_b, "2");
        CHECK_STR(g->peers, "a, b");
        CHECK(g->peer_count == 2);
        CHECK_STR(g->tls, "1.2, 1.3");
        CHECK_STR(g->policies, "minimal, strict");
        CHECK_STR(g->grades, "fail → pass, xfail [a-accepts-sha1] → pass");
        for (size_t i = 0; i < g->count; i++)
            CHECK(strcmp(c.changed[g->first + i].b->server, "a") == 0);
    }
    g = find_group(&c, "a", MG_CHANGE_ADDED_CHECK, "baseline");
    CHECK(g && g->count == 1 && strcmp(g->role, "client") == 0 && strcmp(g->peers, "b") == 0);
    g = find_group(&c, "b", MG_CHANGE_DROPPED_CHECK, "baseline");
    CHECK(g && g->count == 1 && strcmp(g->role, "server") == 0);
    CHECK(g && strcmp(g->verdict_a, "server-rejects:expired") == 0 &&
          strcmp(g->verdict_b, "ok") == 0);
    /* no side named: the record's stack */
    g = find_group(&c, "a", MG_CHANGE_SAME_VERDICT, "baseline");
    CHECK(g && g->count == 1 && g->role == NULL && g->grade_b == MG_GRADE_FAIL);
    CHECK(g && strcmp(g->grades, "xfail [a-accepts-sha1] → fail") == 0);
    CHECK(c.group_count == 4);
    /* groups come by stack: every group of a before any of b */
    bool seen_b = false;
    for (size_t i = 0; i < c.group_count; i++) {
        if (strcmp(c.groups[i].stack, "b") == 0) seen_b = true;
        else CHECK(!seen_b);
    }

    char *md = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&md, &len);
    CHECK(f && mg_ok(mg_compare_write_md(&c, f)));
    if (f) fclose(f);
    CHECK(md && strstr(md, "### a 1 → 2\n"));
    CHECK(md && strstr(md, "### b 7 (the same version in both runs)\n"));
    CHECK(md && strstr(md, "- as server, **now rejects** `client-sha1-signed`: `ok` → "
                           "`server-rejects:insecure-algorithm`, graded fail → pass, xfail "
                           "[a-accepts-sha1] → pass; 8 cases: every client (a, b); TLS 1.2, "
                           "1.3; minimal, strict\n"));
    CHECK(md && strstr(md, "| case | A: a 1, b 7 | B: a 2, b 7 |"));
    CHECK(md && strstr(md, "## Only in A (1)"));
    CHECK(md && strstr(md, "| `baseline/b-a/tls1.2/minimal` | `ok` pass |"));
    free(md);
    mg_comparison_free(&c);

    /* the same rows on both sides agree */
    mg_comparison same = {0};
    CHECK(mg_ok(mg_compare_rows(a, na, a, na, &same)));
    CHECK(mg_comparison_agrees(&same) && same.same_count == na && same.group_count == 0);
    mg_comparison_free(&same);
}

static void check_duplicate_case_is_bad_input(void)
{
    mg_report_row a[2] = {row(0, 0, &baseline, "a", "b", "1.3", "strict", "ok", MG_GRADE_PASS),
                          row(0, 1, &baseline, "a", "b", "1.3", "strict", "ok", MG_GRADE_PASS)};
    mg_comparison c = {.path_a = "A.jsonl"};
    mg_result r = mg_compare_rows(a, 2, a, 1, &c);
    CHECK(!mg_ok(r) && mg_exit_code(r) == 2);
    CHECK(strstr(mg_error_message(), "A.jsonl") && strstr(mg_error_message(), "twice"));
    mg_comparison_free(&c);
}

int main(void)
{
    check_grouping();
    check_duplicate_case_is_bad_input();
    TEST_END();
}
