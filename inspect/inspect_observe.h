/* inspect runs each stack's verifying tool where it is installed (openssl verify, certtool
 * --verify) on copies of the inspected files, so that a problem quotes what the tool really
 * prints; a tool that is absent, or cannot be asked the question, leaves the recorded words. */
#ifndef MG_INSPECT_OBSERVE_H
#define MG_INSPECT_OBSERVE_H

#include "inspect_internal.h"

/* One run of a tool (inspect_run_tool.c). */
typedef struct {
    bool found;      /* it started: false when not on PATH */
    bool timed_out;  /* killed at the deadline */
    int exit_status; /* -1: killed by a signal */
    char *output;    /* standard output and error, NUL-ended, at most 16 KiB kept */
} mg_tool_run;

/* No shell: argv[0] looked up on PATH, run in dir. Fails only on a system error. */
MG_RESULT mg_inspect_run_tool(const char *dir, const char *const argv[], int timeout_ms,
                              mg_tool_run *out);
void mg_tool_run_free(mg_tool_run *run);

/* Writes one certificate (may be NULL), then certs, then crls as PEM to a new file (never over
 * one that exists). */
MG_RESULT mg_inspect_write_pem(const char *path, X509 *one, STACK_OF(X509) *certs,
                               STACK_OF(X509_CRL) *crls);

/* Fills report->observed for each of its tools (after the checks ran). */
MG_RESULT mg_inspect_observe(const mg_inspect_subject *subject, mg_inspect_report *report);
void mg_inspect_observations_free(mg_inspect_report *report);

/* The tool's findings that speak of the cause (same reason; purpose and key usage alike). */
bool mg_inspect_finding_fits(const mg_verify_finding *finding, const mg_inspect_cause *cause);

#endif
