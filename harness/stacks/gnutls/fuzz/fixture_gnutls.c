#include "fixture_gnutls.h"

#include "fixture.h"
#include "fuzz_require.h"

#include <string.h>

static time_t pinned_time(time_t *t)
{
    if (t != NULL) *t = (time_t)mg_fixture_time;
    return (time_t)mg_fixture_time;
}

void mg_fixture_gnutls_init(void) { gnutls_global_set_time_function(pinned_time); }

gnutls_x509_crt_t *mg_fixture_gnutls_cas(unsigned *count)
{
    static gnutls_x509_crt_t *cas;
    static unsigned ca_count;
    if (cas == NULL) {
        gnutls_datum_t pem = {(unsigned char *)mg_fixture_ca_bundle_pem,
                              (unsigned)strlen(mg_fixture_ca_bundle_pem)};
        int ret = gnutls_x509_crt_list_import2(&cas, &ca_count, &pem, GNUTLS_X509_FMT_PEM, 0);
        mg_fuzz_check(ret >= 0 && ca_count > 0, "the fixture CA bundle does not load in GnuTLS");
    }
    *count = ca_count;
    return cas;
}

gnutls_x509_trust_list_t mg_fixture_gnutls_ca_list(void)
{
    static gnutls_x509_trust_list_t list;
    if (list == NULL) {
        mg_fixture_gnutls_init();
        gnutls_datum_t pem = {(unsigned char *)mg_fixture_ca_bundle_pem,
                              (unsigned)strlen(mg_fixture_ca_bundle_pem)};
        mg_fuzz_check(gnutls_x509_trust_list_init(&list, 0) >= 0, "trust list init failed");
        int ret = gnutls_x509_trust_list_add_trust_mem(list, &pem, NULL, GNUTLS_X509_FMT_PEM, 0, 0);
        mg_fuzz_check(ret > 0, "the fixture CA bundle does not load into a GnuTLS trust list");
    }
    return list;
}
