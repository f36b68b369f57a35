#include "test_matrix.h"

#include "remove_tree.h"

#include <stdio.h>
#include <stdlib.h>

const char *mg_test_matrix_dir(void)
{
    const char *dir = getenv("MG_TEST_MATRIX");
    if (!dir || !*dir) fprintf(stderr, "MG_TEST_MATRIX is not set: run this test under ctest\n");
    return dir && *dir ? dir : NULL;
}

bool mg_test_matrix_load(mg_manifest *out)
{
    const char *dir = mg_test_matrix_dir();
    if (!dir) return false;
    mg_result r = mg_manifest_load(dir, out);
    if (!mg_ok(r)) fprintf(stderr, "the shared test matrix: %s\n", mg_error_message());
    return mg_ok(r);
}

bool mg_test_scratch(const char *tag, char *dir, size_t len)
{
    const char *tmp = getenv("TMPDIR");
    int n = snprintf(dir, len, "%s/mg-test-%s-XXXXXX", tmp && *tmp ? tmp : "/tmp", tag);
    if (n < 0 || (size_t)n >= len || !mkdtemp(dir)) {
        fprintf(stderr, "cannot make a scratch folder for %s\n", tag);
        return false;
    }
    return true;
}

void mg_test_scratch_remove(const char *dir) { mg_remove_tree(dir); }
