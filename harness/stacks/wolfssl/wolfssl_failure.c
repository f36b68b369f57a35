/* Setup failures as verdicts, with wolfSSL's own words for its error code. */
#include "wolfssl_internal.h"

#include <stdarg.h>
#include <stdio.h>

void mg_wolf_error_text(int code, char *buf, size_t len)
{
    char text[WOLFSSL_MAX_ERROR_SZ];
    wolfSSL_ERR_error_string_n((unsigned long)code, text, sizeof text);
    snprintf(buf, len, "%s (%d)", text, code);
}

void mg_wolf_setup_failure(mg_side_outcome *why, mg_reason reason, int code, const char *fmt, ...)
{
    char words[sizeof why->native_text] = "";
    if (code != 0) mg_wolf_error_text(code, words, sizeof words);
    va_list ap;
    va_start(ap, fmt);
    mg_side_setup_failed(why, reason, code, words, fmt, ap);
    va_end(ap);
}
