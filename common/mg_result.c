#include "mg_result.h"

#include <stdarg.h>
#include <stdio.h>

static _Thread_local char last_message[2048];

mg_result mg_fail(mg_error_kind kind, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(last_message, sizeof last_message, fmt, ap);
    va_end(ap);
    return (mg_result){kind};
}

const char *mg_error_message(void) { return last_message; }

int mg_exit_code(mg_result r) { return r.kind == MG_E_NONE ? 0 : 2; }
