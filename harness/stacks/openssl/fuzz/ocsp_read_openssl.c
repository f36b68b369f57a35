#include "openssl_fuzz.h"
#include "revocation_read.h"

#include "fixture.h"
#include "fixture_openssl.h"

#include <limits.h>
#include <openssl/err.h>
#include <openssl/ocsp.h>

/* The id of the fixture's server leaf: what a client checking a stapled response asks. */
static OCSP_CERTID *server_leaf_id(void)
{
    static OCSP_CERTID *id;
    if (id == NULL) {
        STACK_OF(X509) *chain = mg_fixture_openssl_certs(mg_fixture_server_chain_pem);
        if (sk_X509_num(chain) >= 2)
            id = OCSP_cert_to_id(NULL, sk_X509_value(chain, 0), sk_X509_value(chain, 1));
        sk_X509_pop_free(chain, X509_free);
    }
    return id;
}

static void read_basic(OCSP_BASICRESP *basic)
{
    for (int i = 0; i < OCSP_resp_count(basic); i++) {
        OCSP_SINGLERESP *single = OCSP_resp_get0(basic, i);
        int reason;
        ASN1_GENERALIZEDTIME *revoked, *this_update, *next_update;
        (void)OCSP_single_get0_status(single, &reason, &revoked, &this_update, &next_update);
        ASN1_OBJECT *md;
        ASN1_OCTET_STRING *name_hash, *key_hash;
        ASN1_INTEGER *serial;
        (void)OCSP_id_get0_info(&name_hash, &md, &key_hash, &serial,
                                (OCSP_CERTID *)OCSP_SINGLERESP_get0_id(single));
    }
    const ASN1_OCTET_STRING *key_id;
    const X509_NAME *name;
    (void)OCSP_resp_get0_id(basic, &key_id, &name);
    (void)OCSP_resp_get0_produced_at(basic);
    (void)OCSP_BASICRESP_get_ext_by_NID(basic, NID_id_pkix_OCSP_Nonce, -1);
    int status, reason;
    ASN1_GENERALIZEDTIME *revoked, *this_update, *next_update;
    if (server_leaf_id() != NULL &&
        OCSP_resp_find_status(basic, server_leaf_id(), &status, &reason, &revoked, &this_update,
                              &next_update) == 1)
        (void)OCSP_check_validity(this_update, next_update, 300, -1);
    (void)OCSP_basic_verify(basic, NULL, mg_fixture_openssl_ca_store(), 0);
}

void mg_fuzz_openssl_ocsp(const uint8_t *data, size_t size)
{
    const unsigned char *p = data;
    OCSP_RESPONSE *response = size <= LONG_MAX ? d2i_OCSP_RESPONSE(NULL, &p, (long)size) : NULL;
    if (response != NULL) {
        (void)OCSP_response_status_str(OCSP_response_status(response));
        OCSP_BASICRESP *basic = OCSP_response_get1_basic(response);
        if (basic != NULL) read_basic(basic);
        OCSP_BASICRESP_free(basic);
        OCSP_RESPONSE_print(mg_fixture_openssl_sink(), response, 0);
    }
    OCSP_RESPONSE_free(response);
    ERR_clear_error();
}
