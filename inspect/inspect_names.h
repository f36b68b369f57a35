/* Host names against certificate names, by RFC 6125 / RFC 9525: a pure matcher that explains
 * why a DNS SAN does not match (OpenSSL's X509_check_host gives the verdict; this gives the
 * words), and the kind of name given to --host. */
#ifndef MG_INSPECT_NAMES_H
#define MG_INSPECT_NAMES_H

typedef enum {
    MG_DNS_MATCH,
    MG_DNS_DIFFERENT,             /* another name */
    MG_DNS_WILDCARD_DEPTH,        /* "*.a.test" is one label: not a.b.a.test, not a.test */
    MG_DNS_WILDCARD_PARTIAL,      /* "w*.a.test": partial-label wildcards (refused, RFC 9525) */
    MG_DNS_WILDCARD_NOT_LEFTMOST, /* a "*" outside the leftmost label ("*.*.a.test") */
    MG_DNS_WILDCARD_TOO_BROAD,    /* "*.test": fewer than two labels after the wildcard */
} mg_dns_match;

/* Case-insensitive; names as written (OpenSSL does not drop a trailing dot either). host must
 * not be an IP address. */
mg_dns_match mg_inspect_dns_match(const char *pattern, const char *host);

/* Why that result, in a few words ("" for a match). */
const char *mg_inspect_dns_match_words(mg_dns_match m);

typedef enum { MG_HOST_DNS, MG_HOST_IP, MG_HOST_INVALID } mg_host_kind;

/* An IPv4 or IPv6 literal, a DNS name (letters, digits, '-', '_', dots; labels of 1-63, at most
 * 253 characters), or neither. */
mg_host_kind mg_inspect_host_kind(const char *host);

#endif
