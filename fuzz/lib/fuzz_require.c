#include "fuzz_require.h"

#include <stdio.h>
#include <stdlib.h>

void mg_fuzz_require(mg_result r)
{
    if (mg_ok(r)) return;
    fprintf(stderr, "fuzz harness setup failed: %s\n", mg_error_message());
    abort();
}

void mg_fuzz_check(int cond, const char *what)
{
    if (cond) return;
    fprintf(stderr, "fuzz harness setup failed: %s\n", what);
    abort();
}
