/* Setup failures as verdicts: the text names the file and carries OpenSSL's own words. */
#include "ossl_internal.h"

#include <openssl/err.h>

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

bool mg_ossl_setup_failure(mg_side_outcome *why, mg_reason reason, const char *fmt, ...)
{
    mg_side_outcome_clear(why);
    why->state = MG_SIDE_SETUP_FAILED;
    why->reason = reason;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(why->native_text, sizeof why->native_text, fmt, ap);
    va_end(ap);
    unsigned long err = ERR_peek_error();
    why->native_code = (long)err;
    if (err && n >= 0 && (size_t)n < sizeof why->native_text) {
        const char *lib_reason = ERR_SYSTEM_ERROR(err) ? strerror(ERR_GET_REASON(err))
                                                       : ERR_reason_error_string(err);
        snprintf(why->native_text + n, sizeof why->native_text - (size_t)n, " (%s)",
                 lib_reason ? lib_reason : "unknown OpenSSL error");
    }
    ERR_clear_error();
    return false;
}
