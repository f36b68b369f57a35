#include "fixture_wolfssl.h"

#include "fixture.h"
#include "fuzz_require.h"

#include <wolfssl/wolfcrypt/asn_public.h>

#include <string.h>

static time_t pinned_time(time_t *t)
{
    if (t != NULL) *t = (time_t)mg_fixture_time;
    return (time_t)mg_fixture_time;
}

void mg_fixture_wolfssl_init(void)
{
    static int done;
    if (done) return;
    done = 1;
    mg_fuzz_check(wolfSSL_Init() == WOLFSSL_SUCCESS, "wolfSSL_Init failed");
    mg_fuzz_check(wc_SetTimeCb(pinned_time) == 0, "wc_SetTimeCb failed");
}

WOLFSSL_CERT_MANAGER *mg_fixture_wolfssl_cm(void)
{
    static WOLFSSL_CERT_MANAGER *cm;
    if (cm == NULL) {
        mg_fixture_wolfssl_init();
        cm = wolfSSL_CertManagerNew();
        mg_fuzz_check(cm != NULL, "wolfSSL_CertManagerNew failed");
        int ret = wolfSSL_CertManagerLoadCABuffer(
            cm, (const unsigned char *)mg_fixture_ca_bundle_pem,
            (long)strlen(mg_fixture_ca_bundle_pem), WOLFSSL_FILETYPE_PEM);
        mg_fuzz_check(ret == WOLFSSL_SUCCESS, "the fixture CA bundle does not load in wolfSSL");
    }
    return cm;
}
