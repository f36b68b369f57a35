#include "seconds.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

double mg_monotonic_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

mg_result mg_parse_seconds(const char *flag, const char *text, double *out)
{
    char *end = NULL;
    double v = strtod(text, &end);
    /* inf and what overflows (1e400) fall to the upper bound below, said as such. */
    MG_ENSURE(*text && !*end && !isnan(v) && v > 0, MG_E_USAGE,
              "%s expects a positive number of seconds, got \"%s\"", flag, text);
    MG_ENSURE(v >= MG_SECONDS_MIN, MG_E_USAGE,
              "%s %s: too small (at least %g s, a millisecond)", flag, text, MG_SECONDS_MIN);
    MG_ENSURE(v <= MG_SECONDS_MAX, MG_E_USAGE, "%s %s: too large (at most %g s, a day)", flag,
              text, MG_SECONDS_MAX);
    *out = v;
    return MG_OK;
}

void mg_format_seconds(double seconds, char *buf, size_t len)
{
    snprintf(buf, len, "%g s", seconds);
}
