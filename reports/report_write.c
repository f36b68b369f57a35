/* The table of report formats: --format names, the file each writes, and which ones a run
 * writes when none is asked for. */
#include "report.h"

#include "child_call.h"
#include "mg_strings.h"
#include "path_join.h"
#include "row_json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *name;
    const char *file;
    mg_result (*write)(const mg_report *report, const char *path);
    bool by_default;
    bool embeds_rows; /* reads report->row_texts when given */
} report_format;

static const report_format formats[] = {
    {"json", "results.jsonl", mg_write_jsonl, true, true},
    {"junit", "junit.xml", mg_write_junit, true, false},
    {"md", "summary.md", mg_write_summary_md, true, false},
    {"html", "index.html", mg_write_html, true, true},
    {"tap", "results.tap", mg_write_tap, false, false},
    {"csv", "results.csv", mg_write_csv, false, false},
};

bool mg_report_format_known(const char *name)
{
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (strcmp(formats[i].name, name) == 0) return true;
    return false;
}

const char *mg_report_format_names(void)
{
    static char names[128];
    if (!names[0])
        for (size_t i = 0, n = 0; i < sizeof formats / sizeof formats[0]; i++)
            n += (size_t)snprintf(names + n, sizeof names - n, "%s%s", i ? ", " : "",
                                  formats[i].name);
    return names;
}

mg_result mg_report_check_formats(const char *list)
{
    if (!list) return MG_OK;
    mg_strings words = {0};
    MG_GUARD(mg_strings_add_split(&words, list));
    mg_result r = words.count ? MG_OK : mg_fail(MG_E_USAGE, "--format: empty list");
    for (size_t i = 0; mg_ok(r) && i < words.count; i++) {
        if (!mg_report_format_known(words.items[i]))
            r = mg_fail(MG_E_USAGE, "--format: unknown report \"%s\" (%s)", words.items[i],
                        mg_report_format_names());
    }
    mg_strings_free(&words);
    return r;
}

static bool wanted(const char *list, const report_format *format)
{
    if (!list) return format->by_default;
    size_t n = strlen(format->name);
    for (const char *p = list; (p = strstr(p, format->name)); p += n)
        if ((p == list || p[-1] == ',') && (p[n] == ',' || p[n] == '\0')) return true;
    return false;
}

static MG_RESULT write_into(const char *dir, const char *file, const mg_report *report,
                            mg_result (*write)(const mg_report *, const char *))
{
    char path[4096]; /* path_join's message gives the path's start and length, never cut */
    MG_GUARD(mg_path_join(path, sizeof path, dir, file));
    return write(report, path);
}

mg_result mg_report_each_file(const char *list, bool with_run,
                              mg_result (*each)(void *ctx, const char *file), void *ctx)
{
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if ((list && !strcmp(list, MG_REPORT_EVERY_FORMAT)) || wanted(list, &formats[i]))
            MG_GUARD(each(ctx, formats[i].file));
    return with_run ? each(ctx, "run.json") : MG_OK;
}

/* Each row encoded once for results.jsonl and index.html, which embed the same objects
 * (encoding them was most of what writing the reports cost). NULL: each writer encodes its
 * own (one of them alone is asked for, or memory ran out). */
static char **row_texts(const mg_report *report, const char *list)
{
    unsigned embedding = 0;
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        embedding += formats[i].embeds_rows && wanted(list, &formats[i]);
    if (embedding < 2 || report->row_texts) return NULL;
    char **texts = calloc(report->count ? report->count : 1, sizeof *texts);
    for (size_t i = 0; texts && i < report->count; i++) {
        texts[i] = mg_row_json_text(&report->rows[i]);
        if (!texts[i]) {
            mg_row_json_texts_free(texts, i);
            return NULL;
        }
    }
    return texts;
}

typedef struct {
    const char *dir;
    const report_format *format;
    const mg_report *report;
} format_job;

static mg_result write_format(void *raw)
{
    const format_job *job = raw;
    return write_into(job->dir, job->format->file, job->report, job->format->write);
}

bool mg_report_embeds_rows(const char *list)
{
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (formats[i].embeds_rows && wanted(list, &formats[i])) return true;
    return false;
}

/* Every format but the last in a process of its own (they read the same rows and write
 * different files): the reports take as long as the longest of them, not their sum. */
mg_result mg_report_write(const mg_report *report, const char *dir, const char *list)
{
    mg_report with = *report;
    char **texts = row_texts(report, list);
    if (texts) with.row_texts = texts;
    enum { FORMAT_COUNT = sizeof formats / sizeof formats[0] };
    format_job jobs[FORMAT_COUNT];
    mg_child_call children[FORMAT_COUNT];
    size_t count = 0;
    for (size_t i = 0; i < FORMAT_COUNT; i++)
        if (wanted(list, &formats[i])) jobs[count++] = (format_job){dir, &formats[i], &with};
    mg_result r = MG_OK;
    size_t started = 0;
    for (; mg_ok(r) && started + 1 < count; started++)
        r = mg_child_call_start(&children[started], write_format, &jobs[started]);
    if (mg_ok(r) && count) r = write_format(&jobs[count - 1]);
    char first_failure[2048] = "";
    if (!mg_ok(r)) snprintf(first_failure, sizeof first_failure, "%s", mg_error_message());
    for (size_t i = 0; i < started; i++) {
        char what[128];
        snprintf(what, sizeof what, "writing %s", jobs[i].format->file);
        mg_result w = mg_child_call_wait(&children[i], what);
        if (mg_ok(r) && !mg_ok(w))
            r = w, snprintf(first_failure, sizeof first_failure, "%s", mg_error_message());
    }
    mg_row_json_texts_free(texts, report->count);
    if (!mg_ok(r)) return mg_fail(r.kind, "%s", first_failure);
    /* The metadata travels with every report, whichever formats were asked for. */
    if (report->run) MG_GUARD(write_into(dir, "run.json", report, mg_write_run_json));
    return MG_OK;
}
