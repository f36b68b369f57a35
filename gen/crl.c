/* CRLs: one per row, signed by its CA. crl.der holds that CRL; crl.pem holds it followed by
 * the current CRL of every CA above its issuer, so one file serves a full-chain check
 * (the same idea as chain.pem for certificates). */
#include "gen_internal.h"

#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <stdio.h>
#include <string.h>

#define HOUR 3600
#define DAY (24 * HOUR)

typedef struct {
    const char *name;
    const char *issuer;     /* the CA */
    const char *revokes[2]; /* certificates it lists (NULL-terminated) */
    const char *defect;
    int64_t this_update, next_update; /* relative to the reference time */
    int bad_signature;
} mg_crl_row;

static const mg_crl_row rows[] = {
    {"%s-root-crl", "%s-root", {"%s-ca-revoked"}, NULL, -DAY, 7 * DAY, 0},
    {"%s-ca-crl", "%s-ca", {"%s-revoked"}, NULL, -DAY, 7 * DAY, 0},
    {"%s-ca-revoked-crl", "%s-ca-revoked", {NULL}, NULL, -DAY, 7 * DAY, 0},
    {"%s-ca-l2-crl", "%s-ca-l2", {NULL}, NULL, -DAY, 7 * DAY, 0},
    {"%s-ca-crl-expired", "%s-ca", {"%s-revoked"}, "crl-expired", -14 * DAY, -7 * DAY, 0},
    {"%s-ca-crl-not-yet-valid", "%s-ca", {"%s-revoked"}, "crl-not-yet-valid", 7 * DAY,
     14 * DAY, 0},
    {"%s-ca-crl-bad-signature", "%s-ca", {"%s-revoked"}, "crl-bad-signature", -DAY, 7 * DAY, 1},
};

#define CRL_COUNT (2 * sizeof rows / sizeof rows[0])

typedef struct {
    char name[MG_NAME_MAX];
    X509_CRL *crl;
    int issuer; /* index into issued */
    const mg_crl_row *row;
} mg_made_crl;

static MG_RESULT add_revoked(mg_gen *g, X509_CRL *crl, const ASN1_INTEGER *serial)
{
    X509_REVOKED *entry = X509_REVOKED_new();
    ASN1_TIME *when = ASN1_TIME_set(NULL, (time_t)(g->reference_time - 2 * DAY));
    ASN1_ENUMERATED *reason = ASN1_ENUMERATED_new();
    int ok = entry && when && reason && ASN1_ENUMERATED_set(reason, CRL_REASON_KEY_COMPROMISE)
             && X509_REVOKED_set_serialNumber(entry, (ASN1_INTEGER *)serial)
             && X509_REVOKED_set_revocationDate(entry, when)
             && X509_REVOKED_add1_ext_i2d(entry, NID_crl_reason, reason, 0, 0)
             && X509_CRL_add0_revoked(crl, entry);
    if (!ok) X509_REVOKED_free(entry);
    ASN1_TIME_free(when);
    ASN1_ENUMERATED_free(reason);
    MG_ENSURE(ok, MG_E_INTERNAL, "cannot revoke a certificate in a CRL");
    return MG_OK;
}

MG_RESULT mg_crl_build(mg_gen *g, int issuer, const ASN1_INTEGER *const *revoked, size_t count,
                       int64_t this_update, int64_t next_update, const char *label,
                       X509_CRL **out)
{
    const mg_issued *ca = &g->issued[issuer];
    X509_CRL *crl = *out = X509_CRL_new_ex(g->libctx, NULL);
    ASN1_TIME *last = ASN1_TIME_set(NULL, (time_t)(g->reference_time + this_update));
    ASN1_TIME *next = ASN1_TIME_set(NULL, (time_t)(g->reference_time + next_update));
    /* CRL numbers grow with thisUpdate, so a CA's older CRL has the smaller number. */
    ASN1_INTEGER *number = ASN1_INTEGER_new();
    X509V3_CTX v3;
    X509V3_set_ctx(&v3, ca->cert, NULL, NULL, crl, 0);
    X509_EXTENSION *aki = X509V3_EXT_nconf_nid(NULL, &v3, NID_authority_key_identifier,
                                               "keyid:always");
    int ok = number && ASN1_INTEGER_set_int64(number, 100000 + this_update / HOUR) && crl &&
             last && next && aki && X509_CRL_set_version(crl, X509_CRL_VERSION_2) &&
             X509_CRL_set_issuer_name(crl, X509_get_subject_name(ca->cert)) &&
             X509_CRL_set1_lastUpdate(crl, last) && X509_CRL_set1_nextUpdate(crl, next) &&
             X509_CRL_add_ext(crl, aki, -1) &&
             X509_CRL_add1_ext_i2d(crl, NID_crl_number, number, 0, 0);
    ASN1_TIME_free(last);
    ASN1_TIME_free(next);
    ASN1_INTEGER_free(number);
    X509_EXTENSION_free(aki);
    MG_ENSURE(ok, MG_E_INTERNAL, "cannot build the CRL %s", label);
    for (size_t i = 0; i < count; i++) MG_GUARD(add_revoked(g, crl, revoked[i]));
    MG_ENSURE(X509_CRL_sort(crl), MG_E_INTERNAL, "cannot sort the CRL %s", label);
    return mg_sign_crl(g, crl, ca->key, label);
}

static MG_RESULT build(mg_gen *g, const mg_crl_row *row, mg_side side, mg_made_crl *out)
{
    char issuer_name[MG_NAME_MAX];
    MG_GUARD(mg_expand(row->name, side, out->name, sizeof out->name));
    MG_GUARD(mg_expand(row->issuer, side, issuer_name, sizeof issuer_name));
    out->row = row;
    out->issuer = mg_issued_find(g, issuer_name);
    MG_ENSURE(out->issuer >= 0, MG_E_INTERNAL, "CRL issuer %s not issued", issuer_name);
    const ASN1_INTEGER *revoked[2];
    size_t count = 0;
    for (; row->revokes[count]; count++) {
        char name[MG_NAME_MAX];
        MG_GUARD(mg_expand(row->revokes[count], side, name, sizeof name));
        int index = mg_issued_find(g, name);
        MG_ENSURE(index >= 0, MG_E_INTERNAL, "a CRL revokes %s, which was not issued", name);
        revoked[count] = X509_get0_serialNumber(g->issued[index].cert);
    }
    MG_GUARD(mg_crl_build(g, out->issuer, revoked, count, row->this_update, row->next_update,
                          out->name, &out->crl));
    if (row->bad_signature) {
        const ASN1_BIT_STRING *sig = NULL;
        X509_CRL_get0_signature(out->crl, &sig, NULL);
        MG_GUARD(mg_corrupt_bits((ASN1_BIT_STRING *)sig, out->name));
    }
    return MG_OK;
}

/* The current (defect-free) CRL of CA `issuer`, or -1. */
static int current_crl_of(const mg_made_crl *made, size_t count, int issuer)
{
    for (size_t i = 0; i < count; i++)
        if (made[i].issuer == issuer && made[i].row->defect == NULL) return (int)i;
    return -1;
}

static MG_RESULT write_one(mg_gen *g, const mg_made_crl *made, size_t count, size_t index)
{
    const mg_made_crl *c = &made[index];
    BIO *pem = BIO_new(BIO_s_mem()), *der = BIO_new(BIO_s_mem());
    int ok = pem && der && PEM_write_bio_X509_CRL(pem, c->crl) && i2d_X509_CRL_bio(der, c->crl);
    json_t *revokes = json_array();
    for (int ca = g->issued[c->issuer].issuer; ok && ca >= 0; ca = g->issued[ca].issuer) {
        int above = current_crl_of(made, count, ca);
        if (above >= 0) ok = PEM_write_bio_X509_CRL(pem, made[above].crl);
    }
    mg_result r = ok ? MG_OK : mg_fail(MG_E_INTERNAL, "cannot encode %s", c->name);
    if (mg_ok(r)) r = mg_write_bio(g, c->name, "crl.pem", pem, 0644);
    if (mg_ok(r)) r = mg_write_bio(g, c->name, "crl.der", der, 0644);
    BIO_free(pem);
    BIO_free(der);
    const STACK_OF(X509_REVOKED) *list = X509_CRL_get_REVOKED(c->crl);
    for (int i = 0; revokes && i < sk_X509_REVOKED_num(list); i++) {
        const ASN1_INTEGER *serial = X509_REVOKED_get0_serialNumber(sk_X509_REVOKED_value(list, i));
        for (size_t k = 0; k < g->issued_count; k++)
            if (g->issued[k].issuer == c->issuer
                && ASN1_INTEGER_cmp(serial, X509_get0_serialNumber(g->issued[k].cert)) == 0)
                json_array_append_new(revokes, json_string(g->issued[k].name));
    }
    if (!mg_ok(r)) {
        json_decref(revokes);
        return r;
    }
    const char *ca_name = g->issued[c->issuer].name;
    json_t *entry = mg_manifest_entry(c->name, "crl", "crl", "crl", ca_name, c->row->defect);
    json_t *extra = json_pack("{s:s, s:o*, s:I, s:I, s:{s:s+, s:s+}}", "about", ca_name,
                              "revokes", revokes, "this_update",
                              (json_int_t)(g->reference_time + c->row->this_update), "next_update",
                              (json_int_t)(g->reference_time + c->row->next_update), "files",
                              "crl_pem", c->name, "/crl.pem", "crl_der", c->name, "/crl.der");
    if (entry && extra) json_object_update(entry, extra);
    json_decref(extra);
    return mg_manifest_add(g, entry);
}

MG_RESULT mg_issue_crls(mg_gen *g)
{
    mg_made_crl made[CRL_COUNT];
    memset(made, 0, sizeof made);
    size_t count = 0;
    mg_result r = MG_OK;
    for (size_t i = 0; mg_ok(r) && i < CRL_COUNT; i++) {
        r = build(g, &rows[i / 2], i % 2 ? MG_SIDE_SERVER : MG_SIDE_CLIENT, &made[i]);
        count = i + 1;
    }
    for (size_t i = 0; mg_ok(r) && i < count; i++) r = write_one(g, made, count, i);
    for (size_t i = 0; i < count; i++) X509_CRL_free(made[i].crl);
    return r;
}
