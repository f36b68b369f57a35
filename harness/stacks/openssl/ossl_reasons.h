/* OpenSSL's native codes in the shared reason vocabulary, as data: one table for the
 * X509_V_ERR_* verification results, one for the few SSL-library failures that mean this side
 * refused its peer's credential (no certificate sent, a CertificateVerify that fails). */
#ifndef MG_OSSL_REASONS_H
#define MG_OSSL_REASONS_H

#include "outcome.h"

#include <stddef.h>

typedef struct {
    long code;
    mg_reason reason;
} mg_ossl_reason_entry;

/* The tables themselves, for the unit test that lists what they cover. */
const mg_ossl_reason_entry *mg_ossl_verify_reason_table(size_t *count);
const mg_ossl_reason_entry *mg_ossl_ssl_reason_table(size_t *count);

/* An X509_V_ERR_* code's reason; MG_REASON_OTHER when the table lacks the code. */
mg_reason mg_ossl_verify_reason(long code);

/* "X509_V_ERR 10 at depth 0: certificate has expired" (depth < 0: no depth). */
void mg_ossl_describe_verify_error(long code, int depth, char *buf, size_t len);

/* The reason an SSL-library reason code (ERR_GET_REASON) stands for, when it means this side
 * refused its peer's credential; false otherwise. */
bool mg_ossl_ssl_rejection_reason(int ssl_reason, mg_reason *out);

#endif
