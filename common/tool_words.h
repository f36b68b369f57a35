/* What a tool prints when it meets an inspect cause, keyed by the cause's id, so that each
 * stack keeps its own tools' words in its own folder and inspect reads them by tool name. */
#ifndef MG_TOOL_WORDS_H
#define MG_TOOL_WORDS_H

typedef struct {
    const char *cause; /* an inspect cause id, e.g. "expired" */
    const char *words; /* what the stack and its tools print, "" when it accepts */
} mg_tool_words;

#endif
