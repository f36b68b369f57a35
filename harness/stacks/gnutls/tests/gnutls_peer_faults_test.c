/* A GnuTLS server judging client certificates that GnuTLS's own error codes describe badly,
 * sent by an OpenSSL client (GnuTLS refuses to load two of them on its own side): an issuer
 * without keyCertSign is invalid-ca (not bad-key-usage: RFC 5280 6.1.4 (n), as the OpenSSL
 * backend says); a keyAgreement-only leaf is bad-key-usage (GNUTLS_E_KEY_USAGE_VIOLATION, not
 * a protocol failure); a leaf with a duplicate extension is refused as `other`, on TLS 1.2
 * too, where GnuTLS reports it as GNUTLS_E_NO_CERTIFICATE_FOUND. Strict and minimal. */
#include "pair_fixture.h"

/* This test is about these two backends by name (see harness/registry.h for the list). */
extern const mg_stack mg_stack_openssl;
extern const mg_stack mg_stack_gnutls;

int main(void)
{
    pair_fixture f;
    pair_fixture_open(&f, "gnutls-faults");
    const mg_stack *o = &mg_stack_openssl, *g = &mg_stack_gnutls;
    for (int tls = MG_TLS12; f.ready && tls <= MG_TLS13; tls++)
        for (int p = MG_POLICY_STRICT; p <= MG_POLICY_MINIMAL; p++) {
            mg_pair_result r[3] = {
                pair_check(&f, o, g, "client-via-ca-no-keycertsign", tls, p,
                           "server-rejects:invalid-ca"),
                pair_check(&f, o, g, "client-ku-no-digitalsignature", tls, p,
                           "server-rejects:bad-key-usage"),
                pair_check(&f, o, g, "client-duplicate-extension", tls, p, "server-rejects:other"),
            };
            for (int k = 0; k < 3; k++) CHECK(r[k].server.state == MG_SIDE_REJECTED_PEER);
        }
    pair_fixture_close(&f);
    TEST_END();
}
