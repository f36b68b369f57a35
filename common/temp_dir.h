/* Temporary folders (a scenario's matrix for serve, a repro's, copies of the user's keys for
 * handshake): made under $TMPDIR (or /tmp), mode 0700, and removed when the process is
 * interrupted (SIGINT, SIGTERM, SIGHUP) as well as when it is done, so no private key is left
 * behind. */
#ifndef MG_TEMP_DIR_H
#define MG_TEMP_DIR_H

#include "mg_result.h"

#include <signal.h>
#include <stddef.h>
#include <sys/types.h>

/* "$TMPDIR/mtlsgrid-<tag>-XXXXXX" made and registered; path[0] is '\0' on failure, so the
 * folder is never one to remove. */
MG_RESULT mg_temp_dir_make(const char *tag, char *path, size_t cap);

/* SIGINT, SIGTERM and SIGHUP held back (the removing handler installed first) while a folder
 * is made and registered, so that no signal falls between the two and leaves the folder
 * behind; released, a signal that came meanwhile removes the registered folder. */
void mg_temp_dir_hold_signals(sigset_t *saved);
void mg_temp_dir_release_signals(const sigset_t *saved);

/* Registers a folder made some other way (gen's hidden temporary matrix) for removal on a
 * signal; mg_temp_dir_forget when it has been renamed or removed. */
MG_RESULT mg_temp_dir_register(const char *path);
void mg_temp_dir_forget(const char *path);

/* A helper process that writes into this process's registered folders (gen's file writer):
 * on a signal it is killed and reaped before the folders are emptied, so that it cannot make a
 * file in one meanwhile. Forgotten once it has been reaped. */
MG_RESULT mg_temp_dir_register_helper(pid_t pid);
void mg_temp_dir_forget_helper(pid_t pid);

/* Removes the folder and what is under it, forgets it, and empties path. */
void mg_temp_dir_remove(char *path);

/* What a signal handler does (exposed for the handler of a command that has its own): removes
 * every registered folder of this process with async-signal-safe calls only. */
void mg_temp_dir_remove_all_now(void);

#endif
