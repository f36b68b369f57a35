/* A worker's contexts, keyed by (stack, config): a context made once serves every case that
 * shares the config (the planner points sides that read alike at one config). Small and
 * most-recent-first: the case list is scenario-major, so the contexts a case needs were
 * nearly always made a few cases earlier. Contexts of other configs that read the same
 * files share what was parsed (parsed_cache.h): a worker parses each credential once,
 * however many scenarios, versions and policies use it. */
#ifndef MG_CONTEXT_CACHE_H
#define MG_CONTEXT_CACHE_H

#include "runner.h"

/* The context for (stack, config), made on first use. NULL with `why` filled when the stack
 * refused the config (a setup failure: part of the verdict, also cached). */
mg_context *mg_context_cache_get(mg_context_cache *cache, const mg_stack *stack,
                                 const mg_side_config *config, mg_side_outcome *why);

#endif
