/* A test-only fault switch, to prove that the runner isolates cases: MTLSGRID_FAULT holds
 * "crash:GLOB" or "hang:GLOB" (several separated by ';'); a case whose id matches aborts or
 * sleeps in its worker. Unset in normal runs. */
#ifndef MG_FAULT_H
#define MG_FAULT_H

void mg_fault_inject(const char *case_id);

#endif
