/* The output folder of a command that writes one (run, repro, report, limbo, probe): the
 * --force row of its option table and the guard (common/out_dir.h) opened the same way by each. */
#ifndef MG_OUT_FOLDER_H
#define MG_OUT_FOLDER_H

#include "command.h"
#include "out_dir.h"

#define MG_FORCE_OPTION_ROW(type)                                                                  \
    {"force", OPT_FLAG, offsetof(type, force), NULL,                                               \
     "write into a non-empty --out folder that mtlsgrid did not write (still deleting nothing "    \
     "it did not write)"}

/* Opens (creates, checks, locks) --out DIR for `command`. */
MG_RESULT cli_out_folder_open(mg_out_dir *d, const char *path, const char *command, int force);

/* Deletes the report files an earlier run of ours left (those the marker lists), then lists
 * the report files of `formats` (and run.json) in the marker: a folder never shows an old
 * report beside a new run as if it were the new run's. */
MG_RESULT cli_out_folder_start_reports(mg_out_dir *d, const char *formats);

#endif
