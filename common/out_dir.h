/* An output folder (run's, repro's, report's, limbo's --out): written only when it is safe
 * and ours. Safe: not a link or a folder owned by another user, not writable by others
 * unless sticky. Ours: empty, or marked by the file .mtlsgrid that lists every name mtlsgrid
 * wrote there; --force writes into any other folder, still deleting nothing it did not
 * write. Locked (flock on .mtlsgrid.lock, which holds the holder's PID) while open, so two
 * runs never blend their files. */
#ifndef MG_OUT_DIR_H
#define MG_OUT_DIR_H

#include "mg_result.h"
#include "mg_strings.h"

#include <stdbool.h>

#define MG_OUT_DIR_MARKER ".mtlsgrid"
#define MG_OUT_DIR_LOCK ".mtlsgrid.lock"

typedef struct {
    const char *flag;    /* the option that named the folder, for messages: "--out" */
    const char *command; /* who holds the lock, written beside the PID: "run" */
    bool force;          /* write into a non-empty folder mtlsgrid did not write */
} mg_out_dir_options;

typedef struct {
    char path[4096];
    int lock_fd;
    mg_strings names; /* what the marker lists */
} mg_out_dir;

/* Refuses a folder that is unsafe to write into (see above); an absent one is fine. A link
 * is followed only when it belongs to us (or root), as the kernel's protected_symlinks
 * does in sticky folders. */
MG_RESULT mg_out_dir_check_safe(const char *path, const char *flag);

/* Creates the folder when missing, checks it (safe; empty or marked unless force), locks it
 * and reads its marker. MG_E_IO names the process holding the lock. */
MG_RESULT mg_out_dir_open(mg_out_dir *d, const char *path, const mg_out_dir_options *o);

/* Lists name in the marker before it is written, so that a later run knows the name for
 * its own even when this one is interrupted halfway. */
MG_RESULT mg_out_dir_claim(mg_out_dir *d, const char *name);
bool mg_out_dir_lists(const mg_out_dir *d, const char *name);

/* Deletes name (a file, or a folder and what is under it, links not followed) when the
 * marker lists it; a name the marker does not list is left alone. */
MG_RESULT mg_out_dir_remove(mg_out_dir *d, const char *name);

/* Unlocks; the marker stays. */
void mg_out_dir_close(mg_out_dir *d);

/* The lock alone (out_dir_lock.c): flock(LOCK_EX|LOCK_NB) on dir/.mtlsgrid.lock, then the
 * PID and command written in it; held by *fd until closed. */
MG_RESULT mg_out_dir_lock(const char *dir, const mg_out_dir_options *o, int *fd);

#endif
