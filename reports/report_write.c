#include "report.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    const char *name;
    const char *file;
    mg_result (*write)(const mg_report *report, const char *path);
} report_format;

static const report_format formats[] = {
    {"json", "results.jsonl", mg_write_jsonl},
    {"junit", "junit.xml", mg_write_junit},
    {"md", "summary.md", mg_write_summary_md},
    {"html", "index.html", mg_write_html},
};

bool mg_report_format_known(const char *name)
{
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (strcmp(formats[i].name, name) == 0) return true;
    return false;
}

static bool wanted(const char *list, const char *name)
{
    if (!list) return true;
    size_t n = strlen(name);
    for (const char *p = list; (p = strstr(p, name)); p += n)
        if ((p == list || p[-1] == ',') && (p[n] == ',' || p[n] == '\0')) return true;
    return false;
}

mg_result mg_report_write(const mg_report *report, const char *dir, const char *list)
{
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        if (!wanted(list, formats[i].name)) continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, formats[i].file);
        MG_GUARD(formats[i].write(report, path));
    }
    return MG_OK;
}
