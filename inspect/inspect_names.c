#include "inspect_names.h"

#include <openssl/x509v3.h>

#include <ctype.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

/* Length without one trailing dot (only for --host syntax: matching, like OpenSSL's, takes
 * names as written). */
static size_t name_length(const char *name)
{
    size_t n = strlen(name);
    return n > 0 && name[n - 1] == '.' ? n - 1 : n;
}

static bool same(const char *a, size_t alen, const char *b, size_t blen)
{
    return alen == blen && strncasecmp(a, b, alen) == 0;
}

static size_t count_labels(const char *name, size_t len)
{
    size_t labels = len > 0;
    for (size_t i = 0; i < len; i++) labels += name[i] == '.';
    return labels;
}

static mg_dns_match wildcard_match(const char *pattern, size_t plen, const char *host, size_t hlen)
{
    const char *dot = memchr(pattern, '.', plen);
    size_t first = dot ? (size_t)(dot - pattern) : plen;
    if (memchr(pattern + first, '*', plen - first)) return MG_DNS_WILDCARD_NOT_LEFTMOST;
    if (first != 1) return MG_DNS_WILDCARD_PARTIAL;
    const char *rest = pattern + 2;
    size_t rest_len = dot ? plen - 2 : 0;
    if (count_labels(rest, rest_len) < 2) return MG_DNS_WILDCARD_TOO_BROAD;
    const char *host_dot = memchr(host, '.', hlen);
    if (host_dot && host_dot != host &&
        same(host_dot + 1, hlen - (size_t)(host_dot + 1 - host), rest, rest_len))
        return MG_DNS_MATCH;
    /* The host ends with the wildcard's base but has zero or several labels in its place. */
    bool ends_with_rest = hlen > rest_len && host[hlen - rest_len - 1] == '.' &&
                          same(host + hlen - rest_len, rest_len, rest, rest_len);
    if (same(host, hlen, rest, rest_len) || ends_with_rest) return MG_DNS_WILDCARD_DEPTH;
    return MG_DNS_DIFFERENT;
}

mg_dns_match mg_inspect_dns_match(const char *pattern, const char *host)
{
    size_t plen = strlen(pattern), hlen = strlen(host);
    if (!memchr(pattern, '*', plen))
        return same(pattern, plen, host, hlen) ? MG_DNS_MATCH : MG_DNS_DIFFERENT;
    return wildcard_match(pattern, plen, host, hlen);
}

const char *mg_inspect_dns_match_words(mg_dns_match m)
{
    switch (m) {
    case MG_DNS_MATCH: return "";
    case MG_DNS_DIFFERENT: return "another name";
    case MG_DNS_WILDCARD_DEPTH:
        return "a wildcard stands for exactly one leftmost label, never for zero or several";
    case MG_DNS_WILDCARD_PARTIAL:
        return "a partial-label wildcard (like w*.example.com) is refused by modern clients "
               "(RFC 9525)";
    case MG_DNS_WILDCARD_NOT_LEFTMOST:
        return "a wildcard is allowed only as the whole leftmost label, so this name matches "
               "nothing";
    case MG_DNS_WILDCARD_TOO_BROAD:
        return "a wildcard needs at least two labels after it (*.example.com, not *.com)";
    }
    return "another name";
}

static bool dns_label_char(unsigned char c) { return isalnum(c) || c == '-' || c == '_'; }

static bool is_dns_name(const char *host)
{
    size_t len = name_length(host), label = 0;
    if (len == 0 || len > 253) return false;
    for (size_t i = 0; i < len; i++) {
        if (host[i] == '.') {
            if (label == 0) return false;
            label = 0;
        } else if (!dns_label_char((unsigned char)host[i]) || ++label > 63) {
            return false;
        }
    }
    return label > 0;
}

mg_host_kind mg_inspect_host_kind(const char *host)
{
    if (!host || !*host) return MG_HOST_INVALID;
    ASN1_OCTET_STRING *ip = a2i_IPADDRESS(host);
    if (ip) {
        ASN1_OCTET_STRING_free(ip);
        return MG_HOST_IP;
    }
    return is_dns_name(host) ? MG_HOST_DNS : MG_HOST_INVALID;
}
