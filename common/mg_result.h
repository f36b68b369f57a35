/* A typed result with guard macros, in the manner of s2n-tls: a function that can fail
 * returns mg_result, the compiler warns when a caller drops it, and MG_GUARD passes a
 * failure up. The message lives in one per-thread slot, set where the failure is known. */
#ifndef MG_RESULT_H
#define MG_RESULT_H

#include <stdbool.h>

/* What kind of failure: decides the exit code the command line gives for it. */
typedef enum {
    MG_E_NONE = 0,
    MG_E_USAGE,    /* bad flag or argument: exit 2 */
    MG_E_INPUT,    /* bad input file or data: exit 2 */
    MG_E_IO,       /* a file or folder could not be read or written: exit 2 */
    MG_E_INTERNAL, /* a bug or a library failure we did not expect: exit 2, says so */
} mg_error_kind;

typedef struct {
    mg_error_kind kind;
} mg_result;

#define MG_MUST_CHECK __attribute__((warn_unused_result))
#define MG_RESULT MG_MUST_CHECK mg_result

#define MG_OK ((mg_result){MG_E_NONE})

/* Records the message (printf-style) and returns a failed result of that kind. */
mg_result mg_fail(mg_error_kind kind, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static inline bool mg_ok(mg_result r) { return r.kind == MG_E_NONE; }

/* For callbacks that report failure as false (libinih handlers): records, returns false. */
static inline bool mg_failed(mg_result r)
{
    (void)r;
    return false;
}

/* The message of the most recent failure on this thread ("" when none). */
const char *mg_error_message(void);

/* The exit code the command line gives for a failure of this kind. */
int mg_exit_code(mg_result r);

#define MG_GUARD(expr)                                                                             \
    do {                                                                                           \
        mg_result mg_guard_r_ = (expr);                                                            \
        if (!mg_ok(mg_guard_r_)) return mg_guard_r_;                                               \
    } while (0)

#define MG_ENSURE(cond, kind, ...)                                                                 \
    do {                                                                                           \
        if (!(cond)) return mg_fail((kind), __VA_ARGS__);                                          \
    } while (0)

#endif
