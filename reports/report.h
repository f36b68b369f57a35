/* The comparator and the writers. A row is one graded case; the writers turn rows into
 * results.jsonl, junit.xml, summary.md and index.html (DESIGN.md "Results"). */
#ifndef MG_REPORT_H
#define MG_REPORT_H

#include "mg_result.h"
#include "scenario.h"

#include <stdio.h>

typedef enum { MG_GRADE_PASS, MG_GRADE_FAIL, MG_GRADE_XFAIL, MG_GRADE_XPASS, MG_GRADE_SKIP,
               MG_GRADE_COUNT } mg_grade;

const char *mg_grade_name(mg_grade grade);

/* The facts of one case that grading looks at. */
typedef struct {
    const mg_scenario *scenario;
    const char *client, *server;                 /* stack names */
    const char *client_version, *server_version; /* stack versions, for version-scoped records */
    const char *tls;                             /* "1.2" or "1.3" */
    const char *policy;                          /* "strict" or "minimal" */
    bool skipped;
    mg_verdict verdict;
    bool alert_unseen; /* a rejection whose alert the peer never saw (mg_rejection_alert_unseen) */
} mg_case_facts;

typedef struct {
    mg_grade grade;
    const mg_divergence *divergence; /* the record that applied, for xfail and xpass */
    bool alert_unseen;               /* graded on the alert, not the verdict */
} mg_grading;

/* pass: an allowed verdict; xfail: a recorded divergence that happened; xpass: a recorded
 * divergence that no longer happens (stale); skip; otherwise fail. A rejection passes only
 * when the peer saw the rejecting side's alert (RFC 8446 4.4.2.4, 6.2), unless an
 * `alert = unseen` record covers it. */
mg_grading mg_grade_case(const mg_scenario_set *set, const mg_case_facts *facts);

/* True for a *-rejects verdict whose rejecting side sent no alert, or one its peer did not
 * receive. */
bool mg_rejection_alert_unseen(mg_verdict verdict, const mg_side_outcome *client,
                               const mg_side_outcome *server);

typedef struct {
    char *id;
    const mg_scenario *scenario;
    const char *client, *server, *tls, *policy;
    char verdict[64];     /* "" when skipped */
    mg_grade grade;
    const mg_divergence *divergence; /* the record behind an xfail or xpass */
    char reason_text[2048];
    double ms;
    /* What each side did, for results.jsonl's "sides" (unset when the case was skipped). */
    mg_side_outcome client_side, server_side;
    const char *client_version, *server_version; /* the versions linked when it ran */
} mg_report_row;

/* One linked stack and its version, as the registry names them (or, in a merged report, as
 * the inputs' run.json named them). */
typedef struct {
    const char *name;
    const char *version;
} mg_stack_version;

#define MG_REPORT_STACK_MAX 32

/* What a report says about the run behind it (run.json, JUnit <properties>): the metadata
 * that travels with the results so a reader can tell which tool, stacks and matrix made them. */
typedef struct {
    const char *tool_version;
    mg_stack_version stacks[MG_REPORT_STACK_MAX];
    size_t stack_count;
    const char *seed;      /* the generator seed of the matrix */
    const char *time_mode; /* "pinned" or "now" */
    char started[32];      /* UTC, ISO 8601: 2026-01-01T00:00:00Z */
    char ended[32];
    char hostname[256];
    char **command_line;   /* NULL-terminated argv of the process that wrote the report */
    /* A merged report: the folders it was rebuilt from (NULL-terminated; NULL otherwise). */
    const char *const *merged_from;
} mg_run_info;

/* The version of the results files (results.jsonl rows and run.json, described by
 * reports/schema/). Raised when a field changes meaning or goes away. */
#define MG_RESULTS_SCHEMA_VERSION 1

/* Fills started, hostname and command_line (this process's argv, read from /proc/self/cmdline:
 * the command table hands a command only its parsed options). */
MG_RESULT mg_run_info_start(mg_run_info *info);
/* Sets ended to now. */
MG_RESULT mg_run_info_end(mg_run_info *info);
void mg_run_info_free(mg_run_info *info);
/* "2026-01-01T00:00:00Z" for a time since the epoch. */
MG_RESULT mg_utc_text(long long seconds, char *buf, size_t len);

/* A case whose verdict differs from an earlier run's results.jsonl (run --baseline). */
typedef struct {
    const char *id;
    char before[64]; /* the earlier verdict, "(new case)" or "(skipped)" */
    char after[64];  /* the verdict now, or "(skipped)" */
} mg_verdict_change;

typedef struct {
    mg_report_row *rows;
    size_t count;
    mg_verdict_change *changes; /* NULL without --baseline */
    size_t change_count;
    const char *baseline;       /* the file compared with */
    size_t grade_counts[MG_GRADE_COUNT];
    double wall_seconds;
    const char *stack_versions; /* "openssl 3.0.19, gnutls 3.7.9" */
    const mg_run_info *run;     /* run.json and the JUnit properties (may be NULL in tests) */
    /* Divergence records that applied to no case of a whole run: inert data (may be NULL). */
    const mg_divergence **unused;
    size_t unused_count;
    /* Markdown that summary.md shows right after its headline (probe's plain-words audit);
     * NULL: none. */
    const char *preface;
    /* Each row as results.jsonl has it (compact JSON, no newline), made once for the writers
     * that embed rows (results.jsonl, index.html): by mtlsgrid run as each case ends, else by
     * mg_report_write; NULL: each writer encodes the rows itself. */
    char *const *row_texts;
} mg_report;

/* Grades one case from its facts (without the outcome's fields) and its outcome. */
mg_grading mg_grade_outcome(const mg_scenario_set *set, mg_case_facts facts,
                            const mg_case_outcome *o);

/* Grades one case (its facts without the outcome's fields, which this fills from `o`) and
 * writes report->rows[index]: verdict, grade, the divergence that applied and the reason text;
 * counts the grade. The row keeps `id`. */
void mg_report_grade_row(const mg_scenario_set *set, mg_case_facts facts, char *id,
                         const mg_case_outcome *o, mg_report *report, size_t index);

/* Writes results.jsonl, junit.xml, summary.md, index.html, results.tap and results.csv into
 * dir (the formats asked for, as a comma-separated list; NULL: all but tap and csv), and
 * run.json always. Each file is written whole, then renamed into place; the formats are
 * written side by side, each in a process of its own, and the first failure is returned. */
MG_RESULT mg_report_write(const mg_report *report, const char *dir, const char *formats);
/* Whether a report of `formats` embeds the rows as results.jsonl has them (results.jsonl,
 * index.html): a caller that grades cases as they end can then encode each row at once
 * (mg_row_json_text) into report->row_texts, while workers still run. */
bool mg_report_embeds_rows(const char *formats);

/* Calls each(ctx, file) for every file name mg_report_write writes for `formats` (run.json
 * with them when with_run): an output folder lists them as its own before they are written.
 * MG_REPORT_EVERY_FORMAT stands for every format there is. */
#define MG_REPORT_EVERY_FORMAT "*"
MG_RESULT mg_report_each_file(const char *formats, bool with_run,
                              mg_result (*each)(void *ctx, const char *file), void *ctx);

/* Whether `name` is one of the report formats mg_report_write knows. */
bool mg_report_format_known(const char *name);

/* A --format list: each name known, the list not empty (NULL: the defaults, fine). */
MG_RESULT mg_report_check_formats(const char *list);

/* "json, junit, md, html, tap, csv": for messages. */
const char *mg_report_format_names(void);

MG_RESULT mg_write_jsonl(const mg_report *report, const char *path);
MG_RESULT mg_write_run_json(const mg_report *report, const char *path);
MG_RESULT mg_write_tap(const mg_report *report, const char *path);
MG_RESULT mg_write_csv(const mg_report *report, const char *path);
MG_RESULT mg_write_junit(const mg_report *report, const char *path);
MG_RESULT mg_write_summary_md(const mg_report *report, const char *path);
MG_RESULT mg_write_html(const mg_report *report, const char *path);
/* summary.md with its table rows capped at `cap` bytes (mg_write_summary_md: under 1 MiB). */
MG_RESULT mg_write_summary_md_capped(const mg_report *report, const char *path, size_t cap);

/* Compares the rows with an earlier results.jsonl; fills report->changes. A missing or
 * malformed file fails naming it and the line (MG_E_INPUT). */
MG_RESULT mg_report_compare_baseline(mg_report *report, const char *path);
void mg_report_free_changes(mg_report *report);

/* The defaults audit: each recorded divergence of a minimal setup that happened in this run,
 * with the scenarios that show it. Calls `each` once per divergence, stacks in order. */
typedef void (*mg_audit_fn)(void *ctx, const mg_divergence *d, const char *scenarios);
void mg_report_audit(const mg_report *report, mg_audit_fn each, void *ctx);

/* The one-screen summary printed at the end of a run (grades in colour on a terminal). */
void mg_report_print_summary(const mg_report *report, const char *dir);

/* Colour for `out`: a terminal, NO_COLOR unset or empty (no-color.org), TERM not "dumb". */
bool mg_terminal_colour(FILE *out);
/* The SGR colour of a grade ("31" red for fail...) for terminals. */
const char *mg_grade_colour(mg_grade grade);

/* The live progress line of a run on a terminal: "[1,234/2,672] 0 fail 12 xfail 4.1 s",
 * redrawn in place at most ten times a second; nothing at all when `out` is not a terminal,
 * so logs and pipes get only the final summary. */
typedef struct {
    FILE *out;
    bool live, colour;
    size_t total, done;
    size_t counts[MG_GRADE_COUNT];
    double started, drawn;
} mg_progress;

void mg_progress_start(mg_progress *progress, FILE *out, size_t total);
void mg_progress_case(mg_progress *progress, mg_grade grade);
/* Clears the line, so the summary starts on a clean one. */
void mg_progress_end(mg_progress *progress);

#endif
