/* The compiled test library's fixtures. The pinned matrix is made once per ctest run (the
 * fixture test unit/support/make-matrix, which every unit test requires) in the folder that
 * MG_TEST_MATRIX names; tests read it and never write into it: what a test writes goes into a
 * scratch folder of its own. */
#ifndef MG_TEST_MATRIX_H
#define MG_TEST_MATRIX_H

#include "manifest.h"

#include <stdbool.h>
#include <stddef.h>

/* The shared matrix's folder, or NULL (with a message) when the fixture did not run. */
const char *mg_test_matrix_dir(void);

/* Loads the shared matrix's manifest; false (with a message) when it cannot. */
bool mg_test_matrix_load(mg_manifest *out);

/* A fresh folder under TMPDIR (or /tmp) named after `tag`, for what a test writes; false
 * when it cannot be made. mg_test_scratch_remove removes it and what it holds. */
bool mg_test_scratch(const char *tag, char *dir, size_t len);
void mg_test_scratch_remove(const char *dir);

#endif
