/* The few assertions the C unit tests need: each failure names file, line and the values,
 * and the test's exit status is the number of failures (0: pass). */
#ifndef MG_TEST_H
#define MG_TEST_H

#include <stdio.h>
#include <string.h>

static int mg_test_failures;

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);               \
            mg_test_failures++;                                                                    \
        }                                                                                          \
    } while (0)

#define CHECK_STR(actual, expected)                                                                \
    do {                                                                                           \
        const char *a_ = (actual), *e_ = (expected);                                               \
        if (!a_ || strcmp(a_, e_) != 0) {                                                          \
            fprintf(stderr, "%s:%d: expected \"%s\", got \"%s\" (%s)\n", __FILE__, __LINE__, e_,   \
                    a_ ? a_ : "(null)", #actual);                                                  \
            mg_test_failures++;                                                                    \
        }                                                                                          \
    } while (0)

#define TEST_END() return mg_test_failures ? 1 : 0

#endif
