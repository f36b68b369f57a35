/* The ctest fixture that makes the shared pinned matrix once per run (see test_matrix.h). */
#include "gen.h"

#include <stdio.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: make_test_matrix DIR\n");
        return 2;
    }
    mg_gen_options options = {.out_dir = argv[1], .time_mode = MG_TIME_PINNED};
    mg_gen_stats stats;
    mg_result r = mg_gen_matrix(&options, &stats);
    if (!mg_ok(r)) fprintf(stderr, "make_test_matrix: %s\n", mg_error_message());
    else printf("test matrix: %u artifacts in %s\n", stats.artifacts, argv[1]);
    return mg_ok(r) ? 0 : 1;
}
