/* results.jsonl read back: the one reader behind run --baseline, report --from and compare.
 * results_lines.c walks the file's records (capped read, one JSON object a line, the file and
 * line named in every message); results_rows.c turns a record into a report row whose
 * scenario and divergence are rebuilt from the row's own fields. */
#ifndef MG_RESULTS_READ_H
#define MG_RESULTS_READ_H

#include "report.h"

#include <jansson.h>

/* Called once per non-blank line, with the record parsed and where = "PATH:LINE". The record
 * is released after the call: json_incref it (or mg_results_store_keep it) to keep it. */
typedef mg_result (*mg_results_record_fn)(void *ctx, json_t *record, const char *where);

/* Reads path whole through the capped reader (a FIFO, a device or a huge file is refused, a
 * read error is an error, an empty file has no records), then calls each for every line.
 * Failures are MG_E_INPUT: "CONTEXT: why" when the file cannot be read, "CONTEXT PATH:LINE:
 * why" for a line that is not a JSON object or is longer than any results row (context may be
 * NULL: no prefix). A failure of each stops the walk and is returned as it is. */
MG_RESULT mg_results_each_record(const char *path, const char *context, mg_results_record_fn each,
                                 void *ctx);

/* What rows read back point into: the records, the strings made for them, the scenarios and
 * divergence records rebuilt from them. */
typedef struct mg_results_store mg_results_store;

MG_RESULT mg_results_store_new(mg_results_store **out);
void mg_results_store_free(mg_results_store *store);
/* Takes a reference to doc, released with the store. */
MG_RESULT mg_results_store_keep(mg_results_store *store, json_t *doc);
/* A copy of text owned by the store. */
MG_RESULT mg_results_store_string(mg_results_store *store, const char *text, char **out);

/* One results.jsonl record as a report row (id, stacks and versions as recorded): the fields
 * the schema requires, the case id agreeing with them, a known grade and side states. The
 * record is kept in the store. A scenario or divergence id seen before in this store must read
 * the same (expectation, standard; reason, reference), or it is inconsistent input. Failures
 * are MG_E_INPUT naming where. */
MG_RESULT mg_results_row_read(mg_results_store *store, json_t *record, const char *where,
                              mg_report_row *row);

/* SCENARIO/CLIENT-SERVER/tlsV/POLICY, as long as its parts need (limbo's ids can be
 * kilobytes), kept in the store. */
MG_RESULT mg_results_case_id(mg_results_store *store, const char *scenario, const char *client,
                             const char *server, const char *tls, const char *policy,
                             char **out);

/* Every row of a results.jsonl file, read into *rows (grown; *count rows so far), with the
 * line of each in *lines when lines is not NULL. */
MG_RESULT mg_results_read_rows(mg_results_store *store, const char *path, const char *context,
                               mg_report_row **rows, int **lines, size_t *count);

#endif
