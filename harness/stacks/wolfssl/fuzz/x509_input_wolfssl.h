/* What wolfSSL's known-divergence tests read from the input itself, where wolfCrypt refused it
 * and so left no DecodedCert to ask (its ASN.1 readers are not exported): a plain DER walk to
 * the extensions and the validity of the tbsCertificate. Each returns false when the input does
 * not get that far. */
#ifndef MG_X509_INPUT_WOLFSSL_H
#define MG_X509_INPUT_WOLFSSL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    const uint8_t *p;
    size_t n;
} mg_der_span;

/* The extnValue content of the index-th extension whose extnID is oid (DER content octets),
 * counting from 0. */
bool mg_wolf_input_extension(const uint8_t *der, size_t len, const uint8_t *oid, size_t oid_len,
                             int index, mg_der_span *value);
/* True when the span is exactly one TLV whose length fits it. */
bool mg_wolf_input_one_tlv(mg_der_span value);
/* The calendar date written in notBefore (not_after false) or notAfter: year, month 1-12 as
 * written (not checked), day. */
bool mg_wolf_input_date(const uint8_t *der, size_t len, bool not_after, int *year, int *month,
                        int *day);

#endif
