/* From handshakes back to limbo's answers. Each harness is one stack on one side:
 * mtlsgrid-STACK-client judges SERVER testcases, mtlsgrid-STACK-server judges CLIENT ones.
 *
 * A testcase's answer for a harness comes from its handshakes with that stack validating: the
 * peer played by the same stack first, then by the others; TLS 1.3 before 1.2. The first
 * handshake that put the chain before the validator gives the answer; the others, when they
 * answer differently, are named in the context and counted as inconsistent. */
#ifndef MG_LIMBO_RESULTS_H
#define MG_LIMBO_RESULTS_H

#include "limbo_plan.h"

typedef enum {
    MG_LIMBO_SUCCESS,
    MG_LIMBO_FAILURE,
    MG_LIMBO_SKIPPED,
    MG_LIMBO_HANG,
} mg_limbo_result;

const char *mg_limbo_result_name(mg_limbo_result result); /* "SUCCESS", ... */

/* One handshake as the validator's answer: ok is SUCCESS; the validator rejecting the chain,
 * or failing to take its trust anchors or CRLs, is FAILURE; timeout and crash are HANG. A
 * protocol failure is FAILURE when the validator sent the alert (its stack would not finish a
 * handshake with that chain), SKIPPED when only the presenting side did. A case not run, or
 * one where the presenting side could not present (it refused its own credential, or judged
 * the validator's), is SKIPPED. */
mg_limbo_result mg_limbo_handshake_result(const mg_limbo_plan *plan, size_t index,
                                          const mg_case_outcome *outcome);

typedef struct {
    size_t testcase;
    mg_limbo_result result;
    bool own_kind;     /* the harness's side validates this testcase's kind */
    bool agrees;       /* own_kind and result is the expected_result */
    bool inconsistent; /* another pairing or TLS version answered otherwise */
    bool hung;         /* some handshake of this validator timed out or crashed */
    long primary;      /* the case behind the answer, or -1 */
    char context[2048];
} mg_limbo_entry;

typedef struct {
    const mg_stack *stack;
    mg_role role; /* the validating side */
    char name[64];
    mg_limbo_entry *entries; /* every testcase with cases in the plan, in suite order */
    size_t count;
    /* Own-kind testcases only; hang and inconsistent overlap the first three. */
    size_t agree, disagree, skipped, hang, inconsistent;
} mg_limbo_harness;

/* One harness per stack in the plan and side, in that order. */
MG_RESULT mg_limbo_judge(const mg_limbo_plan *plan, const mg_case_outcome *outcomes,
                         mg_limbo_harness **out, size_t *count);
void mg_limbo_harnesses_free(mg_limbo_harness *harnesses, size_t count);

/* DIR/<harness name>.json in limbo's result format. */
MG_RESULT mg_limbo_write_harness(const mg_limbo_suite *suite, const mg_limbo_harness *h,
                                 const char *dir);

/* Per harness: agree / disagree / skipped, then each disagreement with expected, actual and
 * the stack's own words. */
void mg_limbo_print_summary(const mg_limbo_suite *suite, const mg_limbo_harness *harnesses,
                            size_t count);

/* Makes text valid UTF-8 in place (each stray byte becomes '?'), for the JSON writers. */
void mg_limbo_make_utf8(char *text);

#endif
