/* inspect's question to `certtool --verify`: the command (the chain as one file, the purpose
 * OID by role, CRLs, the host; nothing with --at, which certtool cannot take) and the findings
 * read from its "Chain verification output:" line by GnuTLS's own sentences. */
#include "mg_test.h"
#include "stack.h"

#include <string.h>

extern const mg_verify_tool mg_gnutls_verify_tool;

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
    char text[64];
    mg_verify_question q = {"cli.pem", NULL, "chain.pem", "ca.pem", "crl.pem", true, NULL, false,
                            0};
    CHECK(mg_gnutls_verify_tool.command(&q, argv, text, sizeof text));
    CHECK_STR(argv[0], "certtool");
    CHECK(has_pair(argv, "--verify", NULL) && has_pair(argv, "--infile", "chain.pem"));
    CHECK(has_pair(argv, "--load-ca-certificate", "ca.pem"));
    CHECK(has_pair(argv, "--load-crl", "crl.pem"));
    CHECK(has_pair(argv, "--verify-purpose", "1.3.6.1.5.5.7.3.2"));
    q.at_given = true;
    CHECK(!mg_gnutls_verify_tool.command(&q, argv, text, sizeof text));
}

static void check_findings(void)
{
    const char *output = "\tOutput: Not verified. The certificate is NOT trusted. The certificate "
                         "issuer is unknown. \n\n"
                         "Chain verification output: Not verified. The certificate is NOT "
                         "trusted. The certificate issuer is unknown. The certificate chain does "
                         "not match the intended purpose. \n";
    mg_verify_finding found[4];
    size_t n = mg_gnutls_verify_tool.findings(output, found, 4);
    CHECK(n == 2);
    bool unknown = false, purpose = false;
    for (size_t i = 0; i < n; i++) {
        unknown = unknown || (found[i].reason == MG_REASON_UNKNOWN_CA &&
                              !strcmp(found[i].words, "The certificate issuer is unknown."));
        purpose = purpose || found[i].reason == MG_REASON_BAD_PURPOSE;
    }
    CHECK(unknown && purpose);
    CHECK(mg_gnutls_verify_tool.findings("Chain verification output: Verified. The certificate "
                                         "is trusted. \n",
                                         found, 4) == 0);
}

int main(void)
{
    check_command();
    check_findings();
    TEST_END();
}
