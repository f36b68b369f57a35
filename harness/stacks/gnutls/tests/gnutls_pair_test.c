/* GnuTLS client against GnuTLS server over the in-memory pair, with certificates made at test
 * time by the generator: baseline is ok; a client certificate whose only EKU is serverAuth is
 * refused by the server under strict (bad-purpose) and, as DESIGN's defaults audit says,
 * accepted under GnuTLS's documented minimal setup; on TLS 1.2 and 1.3. */
#include "pair_fixture.h"

/* This test is about these two backends by name (see harness/registry.h for the list). */
extern const mg_stack mg_stack_openssl;
extern const mg_stack mg_stack_gnutls;

int main(void)
{
    pair_fixture f;
    pair_fixture_open(&f, "gnutls-pair");
    for (int tls = MG_TLS12; f.ready && tls <= MG_TLS13; tls++) {
        const mg_stack *g = &mg_stack_gnutls;
        pair_check(&f, g, g, "client", tls, MG_POLICY_STRICT, "ok");
        pair_check(&f, g, g, "client", tls, MG_POLICY_MINIMAL, "ok");
        pair_check(&f, g, g, "client-eku-serverauth", tls, MG_POLICY_STRICT,
                   "server-rejects:bad-purpose");
        pair_check(&f, g, g, "client-eku-serverauth", tls, MG_POLICY_MINIMAL, "ok");
    }
    pair_fixture_close(&f);
    TEST_END();
}
