/* RFC 6125 / RFC 9525 name matching: the pure matcher's verdicts and words, checked against
 * OpenSSL's X509_check_host (SAN only, no partial wildcards) so the explanation never
 * contradicts the verdict; and the kinds of --host. */
#include "inspect_names.h"
#include "mg_test.h"

#include <openssl/x509v3.h>

/* A certificate holding one DNS SAN, for X509_check_host. */
static X509 *cert_with_dns(const char *dns)
{
    X509 *x = X509_new();
    GENERAL_NAMES *names = sk_GENERAL_NAME_new_null();
    GENERAL_NAME *name = GENERAL_NAME_new();
    ASN1_IA5STRING *text = ASN1_IA5STRING_new();
    ASN1_STRING_set(text, dns, -1);
    GENERAL_NAME_set0_value(name, GEN_DNS, text);
    sk_GENERAL_NAME_push(names, name);
    X509_add1_ext_i2d(x, NID_subject_alt_name, names, 0, 0);
    GENERAL_NAMES_free(names);
    return x;
}

static const struct {
    const char *pattern, *host;
    mg_dns_match expected;
} cases[] = {
    {"server.test", "server.test", MG_DNS_MATCH},
    {"Server.TEST", "server.test", MG_DNS_MATCH},
    {"server.test.", "server.test", MG_DNS_DIFFERENT},
    {"server.test", "other.test", MG_DNS_DIFFERENT},
    {"server.test", "www.server.test", MG_DNS_DIFFERENT},
    {"*.server.test", "www.server.test", MG_DNS_MATCH},
    {"*.server.test", "WWW.Server.Test", MG_DNS_MATCH},
    {"*.server.test", "a.b.server.test", MG_DNS_WILDCARD_DEPTH},
    {"*.server.test", "server.test", MG_DNS_WILDCARD_DEPTH},
    {"*.server.test", "www.other.test", MG_DNS_DIFFERENT},
    {"*.server.test", "wwwserver.test", MG_DNS_DIFFERENT},
    {"*.*.server.test", "a.b.server.test", MG_DNS_WILDCARD_NOT_LEFTMOST},
    {"www.*.test", "www.server.test", MG_DNS_WILDCARD_NOT_LEFTMOST},
    {"w*.server.test", "www.server.test", MG_DNS_WILDCARD_PARTIAL},
    {"*w.server.test", "www.server.test", MG_DNS_WILDCARD_PARTIAL},
    {"*.test", "server.test", MG_DNS_WILDCARD_TOO_BROAD},
    {"*", "server", MG_DNS_WILDCARD_TOO_BROAD},
};

int main(void)
{
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        mg_dns_match got = mg_inspect_dns_match(cases[i].pattern, cases[i].host);
        if (got != cases[i].expected)
            fprintf(stderr, "%s vs %s: got %d, expected %d\n", cases[i].pattern, cases[i].host,
                    got, cases[i].expected);
        CHECK(got == cases[i].expected);
        CHECK((*mg_inspect_dns_match_words(got) == '\0') == (got == MG_DNS_MATCH));
        X509 *x = cert_with_dns(cases[i].pattern);
        int openssl = X509_check_host(x, cases[i].host, 0,
                                      X509_CHECK_FLAG_NEVER_CHECK_SUBJECT |
                                          X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS,
                                      NULL);
        if ((openssl == 1) != (got == MG_DNS_MATCH))
            fprintf(stderr, "%s vs %s: OpenSSL says %d\n", cases[i].pattern, cases[i].host,
                    openssl);
        CHECK((openssl == 1) == (got == MG_DNS_MATCH));
        X509_free(x);
    }
    CHECK(mg_inspect_host_kind("server.test") == MG_HOST_DNS);
    CHECK(mg_inspect_host_kind("localhost") == MG_HOST_DNS);
    CHECK(mg_inspect_host_kind("server.test.") == MG_HOST_DNS);
    CHECK(mg_inspect_host_kind("127.0.0.1") == MG_HOST_IP);
    CHECK(mg_inspect_host_kind("::1") == MG_HOST_IP);
    CHECK(mg_inspect_host_kind("2001:db8::1") == MG_HOST_IP);
    CHECK(mg_inspect_host_kind("a b") == MG_HOST_INVALID);
    CHECK(mg_inspect_host_kind("") == MG_HOST_INVALID);
    CHECK(mg_inspect_host_kind("a..b") == MG_HOST_INVALID);
    CHECK(mg_inspect_host_kind("*.server.test") == MG_HOST_INVALID);
    CHECK(mg_inspect_host_kind(NULL) == MG_HOST_INVALID);
    TEST_END();
}
