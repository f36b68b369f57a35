/* A call made in a child process, so that independent work (one report written while another
 * is) runs on another core; its result comes back whole, the kind of failure and its message,
 * as if the call had been made here. The child shares nothing back but that: the call must
 * leave its effects in files. */
#ifndef MG_CHILD_CALL_H
#define MG_CHILD_CALL_H

#include "mg_result.h"

#include <sys/types.h>

typedef struct {
    pid_t pid; /* 0: no child (the call was made here, or already waited for) */
    int from_child;
} mg_child_call;

/* Starts call(arg) in a child. Where no child can be made (no process or pipe left), makes
 * the call here instead and returns its result; *child is then idle. Standard streams are
 * flushed first, so that nothing buffered is written twice. */
MG_RESULT mg_child_call_start(mg_child_call *child, mg_result (*call)(void *arg), void *arg);

/* Waits for the child and returns what the call returned there; a child that died without
 * saying (a signal, a crash) is a failure naming `what`. An idle child: MG_OK. */
MG_RESULT mg_child_call_wait(mg_child_call *child, const char *what);

#endif
