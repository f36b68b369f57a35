/* mtlsgrid compare: what changed between two runs (two results.jsonl), case by case and
 * grouped by stack and behaviour, so that a reader sees which checks a stack version added or
 * dropped. A case differs when its verdict, its grade or the divergence record that explains
 * it differs. compare.c matches and groups, compare_read.c reads the two files through the
 * shared reader, compare_md.c, compare_json.c and compare_html.c write. */
#ifndef MG_COMPARE_H
#define MG_COMPARE_H

#include "report.h"

#include <stdio.h>

/* How a group's verdicts moved from A to B. */
typedef enum {
    MG_CHANGE_ADDED_CHECK,   /* accepted (or not a rejection) in A, rejected in B */
    MG_CHANGE_DROPPED_CHECK, /* rejected in A, accepted in B */
    MG_CHANGE_OTHER_REASON,  /* rejected in both, for another reason or by the other side */
    MG_CHANGE_OTHER_VERDICT, /* errors, protocol failures, timeouts, crashes, skips */
    MG_CHANGE_SAME_VERDICT,  /* the same verdict, graded otherwise or by another record */
    MG_CHANGE_KIND_COUNT
} mg_change_kind;

/* One case in both runs that differs. */
typedef struct {
    const mg_report_row *a, *b;
} mg_compare_case;

/* Changed cases that tell one thing about one stack: the same scenario, the same verdicts in A
 * and in B, the same stack on the side that decided (and, when the verdict stayed, the same
 * grades and records). grade_* and divergence_* are its first case's; `grades` lists them all. */
typedef struct {
    mg_change_kind kind;
    const char *stack;               /* the stack whose behaviour it is */
    const char *role;                /* "client", "server" (its side), or NULL: neither */
    const char *version_a, *version_b; /* that stack's version in each run (NULL: unknown) */
    const char *scenario;
    const char *verdict_a, *verdict_b; /* "" when skipped */
    mg_grade grade_a, grade_b;
    const char *divergence_a, *divergence_b; /* record ids, NULL when none */
    size_t first, count; /* its cases: changed[first .. first+count-1] */
    char peers[256];     /* the stacks on the other side, "gnutls, openssl" */
    size_t peer_count;   /* how many (0 without a role) */
    char tls[32];        /* "1.2, 1.3" */
    char policies[64];   /* "minimal, strict" */
    char grades[512];    /* "pass → fail, xfail [record] → fail": each grade change, records */
} mg_compare_group;

/* A stack and the version each run linked ("" when not recorded). */
typedef struct {
    const char *name;
    const char *version_a, *version_b;
    bool in_a, in_b; /* whether the run has a case with it */
} mg_compare_stack;

typedef struct {
    const char *path_a, *path_b;
    size_t count_a, count_b; /* cases in each run */
    mg_compare_stack stacks[MG_REPORT_STACK_MAX];
    size_t stack_count;
    char versions_a[1024], versions_b[1024]; /* "openssl 3.0.19, gnutls 3.7.9" */
    size_t same_count;                       /* cases in both that agree */
    mg_compare_case *changed;                /* in group order: by stack, kind, scenario */
    size_t changed_count;
    mg_compare_group *groups;
    size_t group_count;
    const mg_report_row **only_a, **only_b; /* by case id */
    size_t only_a_count, only_b_count;
    void *owner;                 /* what the rows point into (mg_compare_files) */
    void (*free_owner)(void *owner);
} mg_comparison;

/* Matches the rows of two runs by case id and groups the differences. The rows must outlive
 * the comparison. A case id twice in one run is bad input (MG_E_INPUT naming the path). */
MG_RESULT mg_compare_rows(const mg_report_row *a, size_t count_a, const mg_report_row *b,
                          size_t count_b, mg_comparison *out);

/* Reads both files (results.jsonl written by run or report) and compares them; the message of
 * a bad file names it and the line (MG_E_INPUT). */
MG_RESULT mg_compare_files(const char *path_a, const char *path_b, mg_comparison *out);

void mg_comparison_free(mg_comparison *c);

/* Whether the runs agree: no case differs and none is in one run only. */
bool mg_comparison_agrees(const mg_comparison *c);

/* The words of a group: "now rejects", "no longer rejects", "rejects otherwise",
 * "fails otherwise", "is graded otherwise". */
const char *mg_change_kind_words(mg_change_kind kind);

/* The writers: Markdown to a stream (stdout or compare.md), compare.json and compare.html
 * (the grid of index.html, A's and B's cells in per-version columns). */
MG_RESULT mg_compare_write_md(const mg_comparison *c, FILE *out);
MG_RESULT mg_compare_write_json(const mg_comparison *c, const char *path);
MG_RESULT mg_compare_write_html(const mg_comparison *c, const char *path);

#endif
