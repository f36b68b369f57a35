/* Runs cases in isolated worker processes: a crash in one case becomes verdict `crash`, a hang
 * becomes `timeout`, and the run goes on. Workers keep the contexts they made and what they
 * parsed, so credentials are parsed once per worker, not once per case. */
#ifndef MG_RUNNER_H
#define MG_RUNNER_H

#include "stack.h"

typedef struct {
    const char *id; /* SCENARIO/CLIENT-SERVER/TLS/POLICY */
    const mg_stack *client_stack;
    const mg_stack *server_stack;
    /* Cases that share a config (same pointer) share the context a worker made from it:
     * the planner points every side that reads alike at one config. */
    const mg_side_config *client;
    const mg_side_config *server;
    const char *skip_reason; /* non-NULL: the stacks cannot express the case; not run */
    /* Resumption: the server the second connection goes to, offering the first one's
     * session (the same config as server, or a stricter one); NULL: one connection. */
    const mg_side_config *resume_server;
    /* Cases of one group (the planner's: one scenario) go to a worker together, as far as a
     * fair share allows, so that what they have in common (credentials parsed, contexts,
     * judgements remembered) is made in one worker, not in each (NULL: a group of its own). */
    const void *group;
} mg_case;

typedef struct {
    unsigned jobs;          /* worker processes; 0: the number of cores */
    double timeout_seconds; /* per case; 0: 10 s */
    /* Called in the parent, in completion order, as each case ends (may be NULL). */
    void (*on_outcome)(void *ctx, size_t index, const mg_case_outcome *outcome);
    void *ctx;
} mg_runner_options;

/* Fills outcomes[i] for every case. Fails only when workers cannot be started. */
MG_RESULT mg_run_cases(const mg_case *cases, size_t count, const mg_runner_options *options,
                       mg_case_outcome *outcomes);

/* Runs one case in this process (what a worker does), using and filling `cache`. */
typedef struct mg_context_cache mg_context_cache;
mg_context_cache *mg_context_cache_new(void);
void mg_context_cache_free(mg_context_cache *cache);
void mg_run_case(const mg_case *c, mg_context_cache *cache, mg_case_outcome *out);

#endif
