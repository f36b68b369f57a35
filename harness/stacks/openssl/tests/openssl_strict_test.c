/* What strict turns on in the OpenSSL backend beyond the minimal setup, seen from an OpenSSL
 * server judging an OpenSSL client: X509_V_FLAG_X509_STRICT (an empty subjectAltName is
 * refused), X509_V_FLAG_POLICY_CHECK (requireExplicitPolicy without a policy is refused),
 * security level 2 whatever openssl.cnf says (RSA-1024 is insecure-algorithm); minimal lets the
 * first two through. And a certificate OpenSSL marks invalid (a duplicate extension) is
 * refused as `other`, not as the "unable to get issuer" OpenSSL's code suggests. On OpenSSL
 * 1.1.1 X509_STRICT has no empty-SAN check (3.0 added it; the divergence record
 * openssl-1.1.1-strict-server-accepts-empty-san), so strict lets that one through there. */
#include "pair_fixture.h"
#include "version_range.h"

/* This test is about these two backends by name (see harness/registry.h for the list). */
extern const mg_stack mg_stack_openssl;
extern const mg_stack mg_stack_gnutls;

int main(void)
{
    pair_fixture f;
    pair_fixture_open(&f, "openssl-strict");
    const mg_stack *o = &mg_stack_openssl;
    const mg_policy strict = MG_POLICY_STRICT, minimal = MG_POLICY_MINIMAL;
    const char *empty_san_strict =
        mg_version_compare(o->version(), "3.0") < 0 ? "ok" : "server-rejects:other";
    for (int tls = MG_TLS12; f.ready && tls <= MG_TLS13; tls++) {
        pair_check(&f, o, o, "client", tls, strict, "ok");
        pair_check(&f, o, o, "client-empty-san", tls, strict, empty_san_strict);
        pair_check(&f, o, o, "client-empty-san", tls, minimal, "ok");
        pair_check(&f, o, o, "client-policy-missing", tls, strict, "server-rejects:other");
        pair_check(&f, o, o, "client-policy-missing", tls, minimal, "ok");
        pair_check(&f, o, o, "client-rsa1024", tls, strict, "server-rejects:insecure-algorithm");
        pair_check(&f, o, o, "client-duplicate-extension", tls, strict, "server-rejects:other");
        pair_check(&f, o, o, "client-duplicate-extension", tls, minimal, "server-rejects:other");
    }
    pair_fixture_close(&f);
    TEST_END();
}
