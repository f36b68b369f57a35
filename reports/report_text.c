#include "report_text.h"

#include <string.h>

void mg_expected_text(const mg_scenario *s, const char *separator, const char *quote, char *buf,
                      size_t len)
{
    size_t n = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < s->expected_count && n < len; i++) {
        char v[64];
        mg_verdict_format(s->expected[i], v, sizeof v);
        n += (size_t)snprintf(buf + n, len - n, "%s%s%s%s", i ? separator : "", quote, v, quote);
    }
}

bool mg_row_is_error(const mg_report_row *row)
{
    return row->grade == MG_GRADE_FAIL &&
           (strcmp(row->verdict, "crash") == 0 || strcmp(row->verdict, "timeout") == 0);
}

void mg_row_failure_message(const mg_report_row *row, char *buf, size_t len)
{
    char expected[512];
    mg_expected_text(row->scenario, " or ", "", expected, sizeof expected);
    snprintf(buf, len, "expected %s, got %s%s", expected, row->verdict[0] ? row->verdict : "-",
             row->grade == MG_GRADE_XPASS
                 ? " (a recorded divergence no longer happens: remove the record)"
                 : "");
}

void mg_row_divergence_message(const mg_report_row *row, char *buf, size_t len)
{
    if (row->divergence)
        snprintf(buf, len, "[%s] %s", row->divergence->id, row->divergence->reason);
    else
        snprintf(buf, len, "%s", row->reason_text);
}
