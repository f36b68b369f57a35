/* OCSP responses for the server leaf, DER ready to staple (RFC 6960), signed by the CA or by
 * a delegated responder. libcrypto stamps producedAt with the wall clock, so the response
 * is re-signed after producedAt is set from the reference time (deterministic output). */
#include "gen_internal.h"

#include <openssl/ocsp.h>
#include <openssl/x509.h>
#include <stdio.h>

#define HOUR 3600
#define DAY (24 * HOUR)

typedef struct {
    const char *name;
    const char *about;  /* the certificate whose status it gives */
    const char *signer; /* its CA, or a delegated responder */
    int status;         /* V_OCSP_CERTSTATUS_* */
    const char *defect;
    const char *feature;
    int64_t this_update, next_update; /* relative to the reference time */
} mg_ocsp_row;

static const mg_ocsp_row rows[] = {
    {"server-ocsp-good", "server", "server-ca", V_OCSP_CERTSTATUS_GOOD, NULL, "ocsp-good",
     -HOUR, 7 * DAY},
    {"server-ocsp-revoked", "server-revoked", "server-ca", V_OCSP_CERTSTATUS_REVOKED,
     "ocsp-revoked", NULL, -HOUR, 7 * DAY},
    {"server-ocsp-unknown", "server", "server-ca", V_OCSP_CERTSTATUS_UNKNOWN, "ocsp-unknown",
     NULL, -HOUR, 7 * DAY},
    {"server-ocsp-good-delegated", "server", "server-ocsp-responder", V_OCSP_CERTSTATUS_GOOD,
     NULL, "ocsp-delegated-responder", -HOUR, 7 * DAY},
    {"server-ocsp-revoked-delegated", "server-revoked", "server-ocsp-responder",
     V_OCSP_CERTSTATUS_REVOKED, "ocsp-revoked", "ocsp-delegated-responder", -HOUR, 7 * DAY},
    {"server-ocsp-unknown-delegated", "server", "server-ocsp-responder",
     V_OCSP_CERTSTATUS_UNKNOWN, "ocsp-unknown", "ocsp-delegated-responder", -HOUR, 7 * DAY},
    {"server-ocsp-expired", "server", "server-ca", V_OCSP_CERTSTATUS_GOOD, "ocsp-expired", NULL,
     -8 * DAY, -DAY},
    {"server-ocsp-unauthorized", "server", "server-ocsp-responder-unauthorized",
     V_OCSP_CERTSTATUS_GOOD, "ocsp-unauthorized-responder", NULL, -HOUR, 7 * DAY},
};

static const char *status_name(int status)
{
    return status == V_OCSP_CERTSTATUS_GOOD      ? "good"
           : status == V_OCSP_CERTSTATUS_REVOKED ? "revoked"
                                                 : "unknown";
}

static int find(const mg_gen *g, const char *name)
{
    return mg_issued_find(g, name);
}

/* Sets producedAt and signs again: OCSP_basic_sign_ctx stamped the wall clock. */
static MG_RESULT fix_produced_at(mg_gen *g, OCSP_BASICRESP *bs, EVP_PKEY *key, const char *name,
                                 int64_t when)
{
    ASN1_GENERALIZEDTIME *produced = (ASN1_GENERALIZEDTIME *)OCSP_resp_get0_produced_at(bs);
    MG_ENSURE(ASN1_GENERALIZEDTIME_set(produced, (time_t)when), MG_E_INTERNAL,
              "cannot set producedAt of %s", name);
    EVP_MD_CTX *ctx = NULL;
    MG_GUARD(mg_sign_ctx(g, key, "SHA256", name, &ctx));
    int ok = ASN1_item_sign_ctx(ASN1_ITEM_rptr(OCSP_RESPDATA),
                                (X509_ALGOR *)OCSP_resp_get0_tbs_sigalg(bs), NULL,
                                (ASN1_BIT_STRING *)OCSP_resp_get0_signature(bs),
                                (void *)OCSP_resp_get0_respdata(bs), ctx) > 0;
    EVP_MD_CTX_free(ctx);
    MG_ENSURE(ok, MG_E_INTERNAL, "cannot sign the OCSP response %s", name);
    return MG_OK;
}

static MG_RESULT fill(mg_gen *g, const mg_ocsp_row *row, OCSP_BASICRESP *bs, int about,
                      int signer)
{
    const mg_issued *cert = &g->issued[about], *by = &g->issued[signer];
    int delegated = !by->is_ca;
    OCSP_CERTID *id = OCSP_cert_to_id(EVP_sha1(), cert->cert, g->issued[cert->issuer].cert);
    ASN1_TIME *this_update = ASN1_TIME_set(NULL, (time_t)(g->reference_time + row->this_update));
    ASN1_TIME *next_update = ASN1_TIME_set(NULL, (time_t)(g->reference_time + row->next_update));
    ASN1_TIME *revoked_at = ASN1_TIME_set(NULL, (time_t)(g->reference_time - 2 * DAY));
    STACK_OF(X509) *certs = sk_X509_new_null();
    EVP_MD_CTX *ctx = NULL;
    mg_result r = mg_sign_ctx(g, by->key, "SHA256", row->name, &ctx);
    /* A delegated responder sends its certificate; the CA's is known to the client. */
    int ok = mg_ok(r) && id && this_update && next_update && revoked_at && certs
             && (!delegated || sk_X509_push(certs, by->cert))
             && OCSP_basic_add1_status(bs, id, row->status, OCSP_REVOKED_STATUS_KEYCOMPROMISE,
                                       revoked_at, this_update, next_update)
             && OCSP_basic_sign_ctx(bs, by->cert, ctx, certs,
                                    OCSP_RESPID_KEY | (delegated ? 0 : OCSP_NOCERTS));
    OCSP_CERTID_free(id);
    ASN1_TIME_free(this_update);
    ASN1_TIME_free(next_update);
    ASN1_TIME_free(revoked_at);
    sk_X509_free(certs);
    EVP_MD_CTX_free(ctx);
    MG_GUARD(r);
    MG_ENSURE(ok, MG_E_INTERNAL, "cannot build the OCSP response %s", row->name);
    return fix_produced_at(g, bs, by->key, row->name, g->reference_time + row->this_update);
}

static MG_RESULT issue_one(mg_gen *g, const mg_ocsp_row *row)
{
    int about = find(g, row->about), signer = find(g, row->signer);
    MG_ENSURE(about >= 0 && signer >= 0 && g->issued[about].issuer >= 0, MG_E_INTERNAL,
              "OCSP response %s needs %s and %s", row->name, row->about, row->signer);
    OCSP_BASICRESP *bs = OCSP_BASICRESP_new();
    MG_ENSURE(bs != NULL, MG_E_INTERNAL, "out of memory");
    mg_result r = fill(g, row, bs, about, signer);
    OCSP_RESPONSE *resp = mg_ok(r) ? OCSP_response_create(OCSP_RESPONSE_STATUS_SUCCESSFUL, bs)
                                   : NULL;
    OCSP_BASICRESP_free(bs);
    unsigned char *der = NULL;
    int len = resp ? i2d_OCSP_RESPONSE(resp, &der) : -1;
    OCSP_RESPONSE_free(resp);
    if (mg_ok(r) && len <= 0) r = mg_fail(MG_E_INTERNAL, "cannot encode %s", row->name);
    if (mg_ok(r)) r = mg_write_file(g, row->name, "ocsp.der", der, (size_t)len, 0644);
    OPENSSL_free(der);
    MG_GUARD(r);
    json_t *entry = mg_manifest_entry(row->name, "ocsp", "ocsp", "ocsp-response",
                                      g->issued[signer].name, row->defect);
    json_t *extra = json_pack("{s:[s*], s:s, s:s, s:s, s:I, s:I, s:{s:s+}}", "features",
                              row->feature, "about", row->about, "status",
                              status_name(row->status), "ca",
                              g->issued[g->issued[about].issuer].name, "this_update",
                              (json_int_t)(g->reference_time + row->this_update), "next_update",
                              (json_int_t)(g->reference_time + row->next_update), "files",
                              "ocsp_der", row->name, "/ocsp.der");
    if (entry && extra) json_object_update(entry, extra);
    json_decref(extra);
    return mg_manifest_add(g, entry);
}

MG_RESULT mg_issue_ocsp(mg_gen *g)
{
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) MG_GUARD(issue_one(g, &rows[i]));
    return MG_OK;
}
