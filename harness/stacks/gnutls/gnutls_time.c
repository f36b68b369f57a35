/* Verification at a pinned instant. GnuTLS reads the clock only through the process-global
 * function set by gnutls_global_set_time_function(), so each call into GnuTLS first installs
 * the clock of the side making it. Safe because a worker process runs one case at a time;
 * not safe across threads. */
#include "gnutls_internal.h"

#include <time.h>

static time_t pinned_now;

static time_t pinned_clock(time_t *t)
{
    if (t) *t = pinned_now;
    return pinned_now;
}

void mg_gnutls_use_time(const mg_side_config *config)
{
    if (config->pin_time) {
        pinned_now = (time_t)config->verify_time;
        gnutls_global_set_time_function(pinned_clock);
    } else {
        gnutls_global_set_time_function(time);
    }
}
