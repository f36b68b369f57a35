/* inspect --connect's HOST:PORT as curl and s_client -connect write it, and the names of the
 * numbers a CertificateRequest carries. */
#include "live_connect.h"
#include "mg_test.h"

static int parses(const char *text, const char *host, unsigned port)
{
    char got[64];
    unsigned got_port = 0;
    mg_result r = mg_live_parse_target(text, got, sizeof got, &got_port);
    if (!mg_ok(r)) fprintf(stderr, "%s: %s\n", text, mg_error_message());
    return mg_ok(r) && strcmp(got, host) == 0 && got_port == port;
}

static int refused(const char *text)
{
    char got[16];
    unsigned port;
    mg_result r = mg_live_parse_target(text, got, sizeof got, &port);
    return r.kind == MG_E_USAGE && strstr(mg_error_message(), "--connect") != NULL;
}

int main(void)
{
    CHECK(parses("127.0.0.1:443", "127.0.0.1", 443));
    CHECK(parses("gateway.example:8443", "gateway.example", 8443));
    CHECK(parses("[::1]:65535", "::1", 65535));
    CHECK(refused("127.0.0.1"));
    CHECK(refused("::1:443")); /* an IPv6 address needs its brackets */
    CHECK(refused("[::1]443"));
    CHECK(refused(":443"));
    CHECK(refused("host:0"));
    CHECK(refused("host:65536"));
    CHECK(refused("host:44x"));
    CHECK(refused("host:-1"));
    CHECK(refused("host:"));
    CHECK(refused("longer-than-16-bytes.example:1")); /* the host's buffer: refused, not cut */
    CHECK_STR(mg_live_sigalg_name(0x0403), "ecdsa_secp256r1_sha256");
    CHECK_STR(mg_live_sigalg_name(0x0804), "rsa_pss_rsae_sha256");
    CHECK_STR(mg_live_sigalg_name(0x0807), "ed25519");
    CHECK(mg_live_sigalg_name(0xfefe) == NULL);
    CHECK_STR(mg_live_cert_type_name(64), "ecdsa_sign");
    CHECK(mg_live_cert_type_name(200) == NULL);
    TEST_END();
}
