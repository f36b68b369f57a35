#include "gnutls_fuzz.h"
#include "revocation_read.h"

#include "fixture.h"
#include "fixture_gnutls.h"

#include <gnutls/ocsp.h>
#include <string.h>

static gnutls_x509_crt_t server_leaf(void)
{
    static gnutls_x509_crt_t leaf;
    if (leaf == NULL) {
        gnutls_datum_t pem = {(unsigned char *)mg_fixture_server_chain_pem,
                              (unsigned)strlen(mg_fixture_server_chain_pem)};
        if (gnutls_x509_crt_init(&leaf) >= 0 &&
            gnutls_x509_crt_import(leaf, &pem, GNUTLS_X509_FMT_PEM) < 0) {
            gnutls_x509_crt_deinit(leaf);
            leaf = NULL;
        }
    }
    return leaf;
}

static void read_singles(gnutls_ocsp_resp_t resp)
{
    for (unsigned i = 0;; i++) {
        gnutls_digest_algorithm_t digest;
        gnutls_datum_t name_hash, key_hash, serial;
        unsigned status, reason;
        time_t this_update, next_update, revoked;
        if (gnutls_ocsp_resp_get_single(resp, i, &digest, &name_hash, &key_hash, &serial, &status,
                                        &this_update, &next_update, &revoked, &reason) < 0)
            break;
        gnutls_free(name_hash.data);
        gnutls_free(key_hash.data);
        gnutls_free(serial.data);
        if (server_leaf() != NULL) (void)gnutls_ocsp_resp_check_crt(resp, i, server_leaf());
    }
    for (unsigned i = 0;; i++) {
        gnutls_datum_t oid, data;
        unsigned critical;
        if (gnutls_ocsp_resp_get_extension(resp, i, &oid, &critical, &data) < 0) break;
        gnutls_free(oid.data);
        gnutls_free(data.data);
    }
}

static void read_fields(gnutls_ocsp_resp_t resp)
{
    (void)gnutls_ocsp_resp_get_status(resp);
    (void)gnutls_ocsp_resp_get_version(resp);
    (void)gnutls_ocsp_resp_get_produced(resp);
    (void)gnutls_ocsp_resp_get_signature_algorithm(resp);
    gnutls_datum_t datum = {NULL, 0};
    if (gnutls_ocsp_resp_get_responder2(resp, &datum, 0) >= 0) gnutls_free(datum.data);
    datum.data = NULL;
    if (gnutls_ocsp_resp_get_responder_raw_id(resp, GNUTLS_OCSP_RESP_ID_KEY, &datum) >= 0)
        gnutls_free(datum.data);
    datum.data = NULL;
    unsigned critical;
    if (gnutls_ocsp_resp_get_nonce(resp, &critical, &datum) >= 0) gnutls_free(datum.data);
    gnutls_x509_crt_t *certs = NULL;
    size_t ncerts = 0;
    if (gnutls_ocsp_resp_get_certs(resp, &certs, &ncerts) >= 0) {
        for (size_t i = 0; i < ncerts; i++) gnutls_x509_crt_deinit(certs[i]);
        gnutls_free(certs);
    }
    read_singles(resp);
}

void mg_fuzz_gnutls_ocsp(const uint8_t *data, size_t size)
{
    mg_fixture_gnutls_init();
    gnutls_ocsp_resp_t resp;
    if (size > UINT32_MAX || gnutls_ocsp_resp_init(&resp) < 0) return;
    gnutls_datum_t der = {(unsigned char *)data, (unsigned)size};
    if (gnutls_ocsp_resp_import(resp, &der) >= 0) {
        read_fields(resp);
        gnutls_datum_t out = {NULL, 0};
        if (gnutls_ocsp_resp_print(resp, GNUTLS_OCSP_PRINT_FULL, &out) >= 0) gnutls_free(out.data);
        unsigned verify = 0;
        (void)gnutls_ocsp_resp_verify(resp, mg_fixture_gnutls_ca_list(), &verify, 0);
    }
    gnutls_ocsp_resp_deinit(resp);
}
