/* Verdicts in plain words, for people reading `handshake` grids and repro READMEs. */
#ifndef MG_VERDICT_WORDS_H
#define MG_VERDICT_WORDS_H

#include "outcome.h"

#include <stddef.h>

/* What the reason means for the certificate judged, e.g. "it has expired". */
const char *mg_reason_words(mg_reason reason);

/* The whole verdict, e.g. "the server refuses the client's certificate: it has expired". */
void mg_verdict_words(mg_verdict verdict, char *buf, size_t len);

#endif
