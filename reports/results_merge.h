/* A report rebuilt from several runs' results (report --from): the shards of one matrix, or
 * runs of the same matrix against other versions of a stack, side by side. The inputs are
 * checked before anything is written: each folder's run.json and results.jsonl must be
 * readable and of this schema version, agree on the tool version, seed and time mode, and
 * hold no case another input holds; a scenario or divergence record must read the same in
 * every input. A stack seen at several versions is named stack@version in the merged rows,
 * so its cases stand side by side instead of overlapping. */
#ifndef MG_RESULTS_MERGE_H
#define MG_RESULTS_MERGE_H

#include "report.h"

typedef struct mg_merged_results mg_merged_results;

/* Fills report (rows, counts, wall_seconds = the inputs' seconds added up, stack_versions)
 * and run (the inputs' tool version, seed, time mode and stacks; the earliest start and the
 * latest end; this process's command line), pointing into *owner. Bad input fails with
 * MG_E_INPUT naming the file (and line). */
MG_RESULT mg_results_merge(const char *const *dirs, size_t dir_count, mg_report *report,
                           mg_run_info *run, mg_merged_results **owner);
void mg_merged_results_free(mg_merged_results *merged);

#endif
