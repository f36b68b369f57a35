/* A report row as a JSON object: the results.jsonl record, also embedded in index.html. */
#ifndef MG_ROW_JSON_H
#define MG_ROW_JSON_H

#include "report.h"

#include <jansson.h>

json_t *mg_row_to_json(const mg_report_row *row);

#endif
