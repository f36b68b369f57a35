/* A report row as a JSON object: the results.jsonl record, also embedded in index.html. */
#ifndef MG_ROW_JSON_H
#define MG_ROW_JSON_H

#include "report.h"

#include <jansson.h>

json_t *mg_row_to_json(const mg_report_row *row);

/* The row as one line of results.jsonl (compact JSON, no newline; free() it); NULL when it
 * cannot be encoded. */
char *mg_row_json_text(const mg_report_row *row);
/* Frees `count` such texts (any of them may be NULL) and the array holding them. */
void mg_row_json_texts_free(char **texts, size_t count);

/* One side as data (results.jsonl's sides.client / sides.server): state, reason, native code,
 * the alerts sent and received. */
json_t *mg_side_to_json(const mg_side_outcome *side);

#endif
