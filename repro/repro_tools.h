/* The stock-tool functions of a bundle's commands.sh: for each registered stack a
 * server_<stack>() and a client_<stack>() (its own tools, written by the stack's tools.c; or
 * mtlsgrid playing that side with the stack, when the stack ships no such tool), then
 * client_curl(), and the lists of them that commands.sh and README.md name. */
#ifndef MG_REPRO_TOOLS_H
#define MG_REPRO_TOOLS_H

#include "registry.h"
#include "repro_bundle.h"

#include <stdio.h>

/* The stacks' shell settings (stack_tools.h write_prelude), in registry order. */
MG_RESULT mg_repro_write_tool_preludes(FILE *f, const mg_repro_bundle *b);

MG_RESULT mg_repro_write_tool_functions(FILE *f, const mg_repro_bundle *b);

/* One stack's server_<stack>() or client_<stack>(): its own tool's lines, or, when the stack
 * ships no tool for that side (.tools NULL, or no writer), `mtlsgrid serve` or `connect
 * --stack <stack> --bundle .` playing the bundle's side with it. */
MG_RESULT mg_repro_write_stack_function(FILE *f, const mg_stack *stack, mg_role role,
                                        const mg_repro_bundle *b);

/* What commands.sh offers on one side: the registry's stacks, then curl for clients. */
typedef struct {
    const char *names[MG_STACK_MAX + 1];  /* the stacks' names, then curl: function suffixes */
    const char *tools[MG_STACK_MAX + 1];  /* for people: the stacks' tool names, then curl */
    char replay[MG_STACK_MAX + 1][64];    /* tools[i] of a stack mtlsgrid plays */
    size_t count;
} mg_repro_side_list;

void mg_repro_side_list_make(mg_role role, mg_repro_side_list *out);

/* items joined for people or shells: quote around each, sep between, last before the last
 * one ("a|b|c"; "`a`, `b` and `c`"). MG_E_INTERNAL when it does not fit in buf. */
MG_RESULT mg_repro_join(const char *const *items, size_t count, const char *quote,
                        const char *sep, const char *last, char *buf, size_t len);

/* The stacks' README.md texts of one kind (stack_tools.h), in registry order, NULL ones left
 * out; returns how many. */
typedef enum { MG_REPRO_SERVER_REFUSAL, MG_REPRO_CLIENT_REFUSAL, MG_REPRO_NOTES } mg_repro_text;
size_t mg_repro_tool_texts(mg_repro_text kind, const char *out[MG_STACK_MAX]);

/* 4 when the case's host is an IPv4 literal, 6 for IPv6, 0 for a DNS name. */
int mg_repro_host_family(const char *host);

#endif
