/* The live progress line and terminal colour (see report.h). */
#include "report.h"

#include "seconds.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

bool mg_terminal_colour(FILE *out)
{
    const char *no_colour = getenv("NO_COLOR"), *term = getenv("TERM");
    return isatty(fileno(out)) && !(no_colour && no_colour[0]) &&
           !(term && strcmp(term, "dumb") == 0);
}

const char *mg_grade_colour(mg_grade grade)
{
    switch (grade) {
    case MG_GRADE_PASS: return "32";
    case MG_GRADE_FAIL: return "1;31";
    case MG_GRADE_XFAIL: return "33";
    case MG_GRADE_XPASS: return "1;35";
    case MG_GRADE_SKIP: return "2";
    case MG_GRADE_COUNT: break;
    }
    return "0";
}

/* 2672 -> "2,672": the line is read at a glance. */
static void grouped(size_t n, char *buf, size_t len)
{
    char digits[32];
    int d = snprintf(digits, sizeof digits, "%zu", n);
    size_t k = 0;
    for (int i = 0; i < d && k + 2 < len; i++) {
        if (i && (d - i) % 3 == 0) buf[k++] = ',';
        buf[k++] = digits[i];
    }
    buf[k] = '\0';
}

static void count(const mg_progress *p, mg_grade grade)
{
    size_t n = p->counts[grade];
    if (p->colour && n) fprintf(p->out, "\033[%sm", mg_grade_colour(grade));
    fprintf(p->out, " %zu %s", n, mg_grade_name(grade));
    if (p->colour && n) fputs("\033[0m", p->out);
}

static void draw(mg_progress *p, double now)
{
    char done[32], total[32];
    grouped(p->done, done, sizeof done);
    grouped(p->total, total, sizeof total);
    fprintf(p->out, "\r[%s/%s]", done, total);
    count(p, MG_GRADE_FAIL);
    count(p, MG_GRADE_XFAIL);
    if (p->counts[MG_GRADE_XPASS]) count(p, MG_GRADE_XPASS);
    fprintf(p->out, " %.1f s\033[K", now - p->started);
    fflush(p->out);
    p->drawn = now;
}

void mg_progress_start(mg_progress *p, FILE *out, size_t total)
{
    *p = (mg_progress){.out = out, .live = isatty(fileno(out)), .total = total};
    p->colour = p->live && mg_terminal_colour(out);
    p->started = mg_monotonic_seconds();
    if (p->live) draw(p, p->started);
}

void mg_progress_case(mg_progress *p, mg_grade grade)
{
    p->done++;
    if (grade < MG_GRADE_COUNT) p->counts[grade]++;
    if (!p->live) return;
    double now = mg_monotonic_seconds();
    if (now - p->drawn >= 0.1 || p->done == p->total) draw(p, now);
}

void mg_progress_end(mg_progress *p)
{
    if (!p->live) return;
    fputs("\r\033[K", p->out);
    fflush(p->out);
}
