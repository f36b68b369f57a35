/* inspect's question to `openssl verify`: the command it builds (purpose by role, the security
 * level as -auth_level, CRLs for the whole chain, the instant, a host or an IP) and the
 * findings it reads from output in the form openssl verify 3.0 prints. */
#include "mg_test.h"
#include "stack.h"

#include <stdio.h>
#include <string.h>

/* Through the stack table, the one symbol the backend exports in every build (on OpenSSL
 * 1.1.1 it is a shared object that exports nothing else: backend_1_1.map). */
extern const mg_stack mg_stack_openssl;

static bool has_pair(const char *const *argv, const char *flag, const char *value)
{
    for (size_t i = 0; argv[i]; i++)
        if (strcmp(argv[i], flag) == 0)
            return !value || (argv[i + 1] && strcmp(argv[i + 1], value) == 0);
    return false;
}

static void check_command(void)
{
    const char *argv[MG_VERIFY_ARGV_MAX + 1] = {NULL};
    char text[128];
    mg_verify_question q = {"cli.pem", "u.pem", "c.pem", "ca.pem", "crl.pem", true, NULL, true,
                            1767225600};
    CHECK(mg_stack_openssl.verify_tool->command(&q, argv, text, sizeof text));
    CHECK_STR(argv[0], "openssl");
    CHECK_STR(argv[1], "verify");
    CHECK(has_pair(argv, "-purpose", "sslclient"));
    CHECK(has_pair(argv, "-CAfile", "ca.pem") && has_pair(argv, "-untrusted", "u.pem"));
    CHECK(has_pair(argv, "-CRLfile", "crl.pem") && has_pair(argv, "-crl_check_all", NULL));
    CHECK(has_pair(argv, "-attime", "1767225600") && has_pair(argv, "-auth_level", NULL));
    size_t n = 0;
    while (argv[n]) n++;
    CHECK_STR(argv[n - 1], "cli.pem");
    mg_verify_question server = {"s.pem", NULL, "s.pem", "ca.pem", NULL, false, "127.0.0.1",
                                 false, 0};
    CHECK(mg_stack_openssl.verify_tool->command(&server, argv, text, sizeof text));
    CHECK(has_pair(argv, "-purpose", "sslserver") && has_pair(argv, "-verify_ip", "127.0.0.1"));
    CHECK(!has_pair(argv, "-untrusted", NULL) && !has_pair(argv, "-attime", NULL));
}

static void check_findings(void)
{
    const char *output = "CN = client\n"
                         "error 26 at 0 depth lookup: unsuitable certificate purpose\n"
                         "CN = Test Intermediate\n"
                         "[CRL path] error 3 at 1 depth lookup: unable to get certificate CRL\n"
                         "error cli.pem: verification failed\n";
    mg_verify_finding found[4];
    CHECK(mg_stack_openssl.verify_tool->findings(output, found, 4) == 2);
    CHECK_STR(found[0].words, "error 26 at 0 depth lookup: unsuitable certificate purpose");
    CHECK(found[0].reason == MG_REASON_BAD_PURPOSE);
    CHECK(found[1].reason == MG_REASON_REVOCATION_UNKNOWN);
    CHECK(mg_stack_openssl.verify_tool->findings("cli.pem: OK\n", found, 4) == 0);
    CHECK(mg_stack_openssl.verify_tool->findings(output, found, 1) == 1);
}

int main(void)
{
    check_command();
    check_findings();
    TEST_END();
}
