/* What the known-divergence tests ask of the input, answered by re-parsing it with OpenSSL:
 * the questions of x509_known.h (mg_x509_facts_openssl, for any stack's records) and the
 * ones only OpenSSL's own records ask (by NID). Only called on a disagreement, so cost does
 * not matter. Each returns false when the input does not parse. */
#ifndef MG_X509_FACTS_OPENSSL_H
#define MG_X509_FACTS_OPENSSL_H

#include "x509_known.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* OpenSSL's answers to x509_known.h's questions. */
extern const mg_x509_facts mg_x509_facts_openssl;

/* The NID of a view field's extension ("eku", "san", "basic-constraints", "key-usage"), or
 * NID_undef. */
int mg_known_openssl_nid_of(const char *field);

/* X509_get_extension_flags() has EXFLAG_INVALID (OpenSSL's verifier then rejects it). */
bool mg_known_openssl_invalid(const uint8_t *der, size_t len);
/* tbsCertificate.signature differs from signatureAlgorithm (RFC 5280 4.1.1.2). */
bool mg_known_openssl_sigalg_mismatch(const uint8_t *der, size_t len);
/* OpenSSL's DER re-encoding of what it parsed differs from the input: not canonical DER. */
bool mg_known_openssl_not_canonical(const uint8_t *der, size_t len);
/* The library (ERR_GET_LIB) of the deepest error when d2i_X509 fails; 0 otherwise. */
int mg_known_openssl_parse_error_lib(const uint8_t *der, size_t len);
/* The extension (by NID) re-encodes differently from its value, has bytes after its
 * value, or is an empty list where RFC 5280 says SIZE (1..MAX). */
bool mg_known_openssl_ext_not_canonical(const uint8_t *der, size_t len, int nid);
/* The reason code of the deepest error when the extension's value fails to decode. */
int mg_known_openssl_ext_error(const uint8_t *der, size_t len, int nid);
/* Copies the extension's raw value (the OCTET STRING's content) into buf. */
bool mg_known_openssl_ext_value(const uint8_t *der, size_t len, int nid, uint8_t *buf,
                                size_t cap, size_t *out_len);
/* basicConstraints carries a negative pathLenConstraint. */
bool mg_known_openssl_negative_pathlen(const uint8_t *der, size_t len);
/* The year written in notBefore (not_after false) or notAfter, whatever else is wrong. */
bool mg_known_openssl_time_year(const uint8_t *der, size_t len, bool not_after, int *year);
/* The version is not v3 and the certificate has extensions. */
bool mg_known_openssl_extensions_before_v3(const uint8_t *der, size_t len);
/* notBefore or notAfter names a day past the end of its month (a valid month, day 29-31). */
bool mg_known_openssl_day_past_month_end(const uint8_t *der, size_t len);

#endif
