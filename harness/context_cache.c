#include "context_cache.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CACHE_SLOTS 64

typedef struct {
    const mg_stack *stack;
    const mg_side_config *config;
    mg_context *ctx;          /* NULL: the stack refused the config, see why */
    mg_side_outcome why;
} cache_slot;

struct mg_context_cache {
    cache_slot slots[CACHE_SLOTS]; /* slots[0] is the most recently used */
    unsigned used;
    mg_parsed_cache *parsed; /* files parsed for any context, so a new one parses nothing twice */
};

mg_context_cache *mg_context_cache_new(void)
{
    mg_context_cache *cache = calloc(1, sizeof(mg_context_cache));
    if (cache) cache->parsed = mg_parsed_cache_new(); /* NULL: contexts parse for themselves */
    return cache;
}

static void slot_release(cache_slot *slot)
{
    if (slot->ctx) slot->stack->context_free(slot->ctx);
    slot->ctx = NULL;
}

void mg_context_cache_free(mg_context_cache *cache)
{
    if (!cache) return;
    for (unsigned i = 0; i < cache->used; i++) slot_release(&cache->slots[i]);
    mg_parsed_cache_free(cache->parsed);
    free(cache);
}

static void make_slot(cache_slot *slot, const mg_stack *stack, const mg_side_config *config,
                      mg_parsed_cache *parsed)
{
    memset(slot, 0, sizeof *slot);
    slot->stack = stack;
    slot->config = config;
    slot->why.alert_sent = slot->why.alert_received = MG_NO_ALERT;
    mg_result r = stack->context_new(config, parsed, &slot->ctx, &slot->why);
    if (mg_ok(r) && slot->ctx) return;
    if (!mg_ok(r))
        snprintf(slot->why.native_text, sizeof slot->why.native_text, "%s", mg_error_message());
    slot->ctx = NULL;
    slot->why.state = MG_SIDE_SETUP_FAILED;
    if (slot->why.reason == MG_REASON_NONE) slot->why.reason = MG_REASON_OTHER;
}

mg_context *mg_context_cache_get(mg_context_cache *cache, const mg_stack *stack,
                                 const mg_side_config *config, mg_side_outcome *why)
{
    unsigned i = 0;
    while (i < cache->used &&
           !(cache->slots[i].stack == stack && cache->slots[i].config == config))
        i++;
    cache_slot found;
    if (i < cache->used) {
        found = cache->slots[i];
    } else {
        if (cache->used == CACHE_SLOTS) slot_release(&cache->slots[--cache->used]);
        make_slot(&found, stack, config, cache->parsed);
        i = cache->used++;
    }
    memmove(&cache->slots[1], &cache->slots[0], i * sizeof found); /* move to the front */
    cache->slots[0] = found;
    if (!found.ctx) *why = found.why;
    return found.ctx;
}
