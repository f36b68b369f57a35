/* What wolfSSL's known-divergence tests read from the input itself, where wolfCrypt refused it
 * and so left no DecodedCert to ask (its ASN.1 readers are not exported): a plain DER walk
 * over the certificate's parts. Each returns false when the input does not get that far. */
#ifndef MG_X509_INPUT_WOLFSSL_H
#define MG_X509_INPUT_WOLFSSL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    const uint8_t *p;
    size_t n;
} mg_der_span;

/* The tbsCertificate's fields after the version, by index: 0 serialNumber, 1 signature,
 * 2 issuer, 3 validity, 4 subject, 5 subjectPublicKeyInfo (whole TLVs). */
enum { MG_TBS_SIGNATURE = 1, MG_TBS_VALIDITY = 3, MG_TBS_SPKI = 5 };
bool mg_wolf_input_tbs_field(const uint8_t *der, size_t len, int index, mg_der_span *field);
/* The outer signatureAlgorithm (whole TLV), and the signature BIT STRING's content. */
bool mg_wolf_input_outer_signature(const uint8_t *der, size_t len, mg_der_span *field);
bool mg_wolf_input_signature_bits(const uint8_t *der, size_t len, mg_der_span *bits);
/* The index-th extension, counting from 0: its extnID and extnValue contents. */
bool mg_wolf_input_extension_at(const uint8_t *der, size_t len, int index, mg_der_span *oid,
                                mg_der_span *value);
/* The content of the [0] EXPLICIT version wrapper (false when the version is absent). */
bool mg_wolf_input_version(const uint8_t *der, size_t len, mg_der_span *content);
/* The string of notBefore (not_after false) or notAfter, and its tag (UTCTime 0x17,
 * GeneralizedTime 0x18, or whatever else is there). */
bool mg_wolf_input_time_string(const uint8_t *der, size_t len, bool not_after, uint8_t *tag,
                               mg_der_span *text);
/* The content of the first TLV of span (its tag in *tag), and what follows it. Only
 * one-octet tags: a high tag number (low bits 11111) never appears in a certificate. */
bool mg_wolf_input_take(mg_der_span *span, uint8_t *tag, mg_der_span *content);
/* True when the span is exactly one TLV whose length fits it, of this tag (0: any). */
bool mg_wolf_input_one_tlv(mg_der_span value, uint8_t tag);
/* True when the span is one TLV and, if constructed, its content is well-formed TLVs exactly
 * filling it, all the way down. */
bool mg_wolf_input_well_formed(mg_der_span value);
bool mg_wolf_input_same(mg_der_span a, const uint8_t *b, size_t len);
/* The time written in notBefore (not_after false) or notAfter, field by field as written
 * (not range-checked): year (UTCTime's two digits per RFC 5280 4.1.2.5.1), month, day, hour,
 * minute, second. */
bool mg_wolf_input_time(const uint8_t *der, size_t len, bool not_after, int fields[6]);

#endif
