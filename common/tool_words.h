/* What a tool prints when it meets an inspect cause, keyed by the cause's id, so that each
 * stack keeps its own tools' words in its own folder and inspect reads them by tool name. A
 * stack's table has one row for every cause of inspect/inspect_causes.c and ends with a row
 * whose cause is NULL; tests/unit/inspect_words_test.c holds every registered stack to that. */
#ifndef MG_TOOL_WORDS_H
#define MG_TOOL_WORDS_H

typedef struct {
    const char *cause; /* an inspect cause id, e.g. "expired"; NULL ends the table */
    /* What the stack and its tools print, never empty: where the stack accepts what the cause
     * describes, say so in parentheses, "(accepted: ...)". HOST and FILE stand for the
     * inspected host name and file. */
    const char *words;
} mg_tool_words;

#endif
