/* Setup failures as verdicts, with wolfSSL's own words for its error code. */
#include "wolfssl_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void mg_wolf_error_text(int code, char *buf, size_t len)
{
    char text[WOLFSSL_MAX_ERROR_SZ];
    wolfSSL_ERR_error_string_n((unsigned long)code, text, sizeof text);
    snprintf(buf, len, "%s (%d)", text, code);
}

void mg_wolf_setup_failure(mg_side_outcome *why, mg_reason reason, int code, const char *fmt, ...)
{
    mg_side_outcome_clear(why);
    why->state = MG_SIDE_SETUP_FAILED;
    why->reason = reason;
    why->native_code = code;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(why->native_text, sizeof why->native_text, fmt, ap);
    va_end(ap);
    if (code != 0 && n >= 0 && (size_t)n + 3 < sizeof why->native_text) {
        memcpy(why->native_text + n, ": ", 3);
        mg_wolf_error_text(code, why->native_text + n + 2, sizeof why->native_text - (size_t)n - 2);
    }
}
