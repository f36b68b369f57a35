/* Setup failures as verdicts, with NSS's own name and words for its error code. */
#include "nss_internal.h"

#include <prerror.h>

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void mg_nss_error_text(PRErrorCode code, char *buf, size_t len)
{
    const char *name = PR_ErrorToName(code);
    const char *text = PR_ErrorToString(code, PR_LANGUAGE_I_DEFAULT);
    snprintf(buf, len, "%s (%d): %s", name ? name : "error", (int)code,
             text && *text ? text : "no text");
}

void mg_nss_setup_failure(mg_side_outcome *why, mg_reason reason, PRErrorCode code,
                          const char *fmt, ...)
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
        mg_nss_error_text(code, why->native_text + n + 2,
                          sizeof why->native_text - (size_t)n - 2);
    }
}
