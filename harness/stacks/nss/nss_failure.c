/* Setup failures as verdicts, with NSS's own name and words for its error code. */
#include "nss_internal.h"

#include <prerror.h>

#include <stdarg.h>
#include <stdio.h>

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
    char words[sizeof why->native_text] = "";
    if (code != 0) mg_nss_error_text(code, words, sizeof words);
    va_list ap;
    va_start(ap, fmt);
    mg_side_setup_failed(why, reason, code, words, fmt, ap);
    va_end(ap);
}
