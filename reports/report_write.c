/* The table of report formats: --format names, the file each writes, and which ones a run
 * writes when none is asked for. */
#include "report.h"

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

static void free_texts(char **texts, size_t count)
{
    for (size_t i = 0; texts && i < count; i++) free(texts[i]);
    free(texts);
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
            free_texts(texts, i);
            return NULL;
        }
    }
    return texts;
}

mg_result mg_report_write(const mg_report *report, const char *dir, const char *list)
{
    mg_report with = *report;
    char **texts = row_texts(report, list);
    if (texts) with.row_texts = texts;
    mg_result r = MG_OK;
    for (size_t i = 0; mg_ok(r) && i < sizeof formats / sizeof formats[0]; i++)
        if (wanted(list, &formats[i]))
            r = write_into(dir, formats[i].file, &with, formats[i].write);
    free_texts(texts, report->count);
    MG_GUARD(r);
    /* The metadata travels with every report, whichever formats were asked for. */
    if (report->run) MG_GUARD(write_into(dir, "run.json", report, mg_write_run_json));
    return MG_OK;
}
