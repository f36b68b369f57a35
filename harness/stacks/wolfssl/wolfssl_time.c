/* Verification at a pinned instant. wolfCrypt reads the clock for certificate, CRL and OCSP
 * dates through wc_Time(), which calls the one function set by wc_SetTimeCb(): process-wide.
 * So every call into wolfSSL first installs the clock of the side making it (as the GnuTLS
 * backend does). Safe because a worker process runs one case at a time, and the two sides of
 * an in-memory case take turns on one thread; not safe across threads. */
#include "wolfssl_internal.h"

#include <wolfssl/wolfcrypt/asn_public.h>

#include <time.h>

static time_t pinned_now;

static time_t pinned_clock(time_t *t)
{
    if (t) *t = pinned_now;
    return pinned_now;
}

static time_t wall_clock(time_t *t) { return time(t); }

void mg_wolf_use_time(const mg_side_config *config)
{
    if (config->pin_time) {
        pinned_now = (time_t)config->verify_time;
        (void)wc_SetTimeCb(pinned_clock);
    } else {
        (void)wc_SetTimeCb(wall_clock);
    }
}
