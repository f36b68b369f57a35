/* Sentences shared by the text and JSON outputs of inspect --connect. */
#ifndef MG_LIVE_WORDS_H
#define MG_LIVE_WORDS_H

#include "live_connect.h"

#include <stddef.h>

/* "completed", "client-certificate-required", "version-refused", "failed": for machines. */
const char *mg_live_outcome_id(mg_live_outcome outcome);
/* What the attempt ended in, for people. */
void mg_live_outcome_words(const mg_live_attempt *a, char *buf, size_t len);
/* Whether TLS 1.3 post-handshake authentication was offered and used. */
void mg_live_pha_words(const mg_live_attempt *a13, char *buf, size_t len);

#endif
