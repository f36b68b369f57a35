/* The report for machines: one JSON object per certificate (see inspect_json.c for the keys). */
#ifndef MG_INSPECT_JSON_H
#define MG_INSPECT_JSON_H

#include "inspect.h"

#include <jansson.h>

/* A new object (the caller owns it). */
MG_RESULT mg_inspect_report_json(const mg_inspect_report *report, json_t **out);

/* {"file": PATH, "error": MESSAGE}: a FILE that could not be inspected, for the same array. */
json_t *mg_inspect_error_json(const char *path, const char *message);

#endif
