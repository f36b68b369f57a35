/* Whether a backend may remember how a peer's chain was judged, within one worker, and give
 * the same judgement again for the same inputs (nss_judged.c, gnutls_judged.c): on by
 * default, for the matrix's speed. MTLSGRID_REMEMBER_JUDGEMENTS=0 runs every stack's own
 * verifier in every case, for whoever suspects the memory itself (a stack whose verifier
 * keeps state of its own between calls); the verdicts must be the same either way. */
#include "stack.h"

#include <stdlib.h>
#include <string.h>

bool mg_remember_judgements(void)
{
    static int remember = -1; /* read once per process: a worker never changes it */
    if (remember < 0) {
        const char *v = getenv("MTLSGRID_REMEMBER_JUDGEMENTS");
        remember = !(v && strcmp(v, "0") == 0);
    }
    return remember == 1;
}
