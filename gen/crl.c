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

/* Which certificates a CRL says it covers (issuingDistributionPoint, RFC 5280 5.2.5). */
typedef enum { MG_CRL_SCOPE_ALL = 0, MG_CRL_SCOPE_CA_ONLY, MG_CRL_SCOPE_USER_ONLY } mg_crl_scope;

typedef struct {
    const char *name;
    const char *issuer;     /* the CA */
    const char *revokes[2]; /* certificates it lists (NULL-terminated) */
    const char *defect;
    int64_t this_update, next_update; /* relative to the reference time */
    int bad_signature;
    mg_crl_scope scope;
    /* A delta CRL (RFC 5280 5.2.4) on the complete CRL of this thisUpdate; 0: complete. */
    int64_t delta_of;
} mg_crl_row;

static const mg_crl_row rows[] = {
    {.name = "%s-root-crl", .issuer = "%s-root", .revokes = {"%s-ca-revoked"},
     .this_update = -DAY, .next_update = 7 * DAY},
    {.name = "%s-ca-crl", .issuer = "%s-ca", .revokes = {"%s-revoked"}, .this_update = -DAY,
     .next_update = 7 * DAY},
    {.name = "%s-ca-revoked-crl", .issuer = "%s-ca-revoked", .this_update = -DAY,
     .next_update = 7 * DAY},
    {.name = "%s-ca-l2-crl", .issuer = "%s-ca-l2", .this_update = -DAY, .next_update = 7 * DAY},
    {.name = "%s-ca-crl-expired", .issuer = "%s-ca", .revokes = {"%s-revoked"},
     .defect = "crl-expired", .this_update = -14 * DAY, .next_update = -7 * DAY},
    {.name = "%s-ca-crl-not-yet-valid", .issuer = "%s-ca", .revokes = {"%s-revoked"},
     .defect = "crl-not-yet-valid", .this_update = 7 * DAY, .next_update = 14 * DAY},
    {.name = "%s-ca-crl-bad-signature", .issuer = "%s-ca", .revokes = {"%s-revoked"},
     .defect = "crl-bad-signature", .this_update = -DAY, .next_update = 7 * DAY,
     .bad_signature = 1},
    /* Scoped to CA certificates: it says nothing of a leaf, listed or not. */
    {.name = "%s-ca-crl-idp-ca-only", .issuer = "%s-ca", .revokes = {"%s-revoked"},
     .defect = "crl-idp-ca-only", .this_update = -DAY, .next_update = 7 * DAY,
     .scope = MG_CRL_SCOPE_CA_ONLY},
    /* Scoped to end entities: valid for a leaf (the control of the one above). */
    {.name = "%s-ca-crl-idp-user-only", .issuer = "%s-ca", .revokes = {"%s-revoked"},
     .this_update = -DAY, .next_update = 7 * DAY, .scope = MG_CRL_SCOPE_USER_ONLY},
    /* A delta on %s-ca-crl (its thisUpdate names it), given without it: no complete CRL. */
    {.name = "%s-ca-crl-delta-only", .issuer = "%s-ca", .revokes = {"%s-revoked"},
     .defect = "crl-delta-only", .this_update = -12 * HOUR, .next_update = 7 * DAY,
     .delta_of = -DAY},
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

/* CRL numbers grow with thisUpdate, so a CA's older CRL has the smaller number. */
static int64_t crl_number_at(int64_t this_update) { return 100000 + this_update / HOUR; }

/* Everything but the signature, so that a row can add its extensions before signing. */
static MG_RESULT crl_unsigned(mg_gen *g, int issuer, const ASN1_INTEGER *const *revoked,
                              size_t count, int64_t this_update, int64_t next_update,
                              const char *label, X509_CRL **out)
{
    const mg_issued *ca = &g->issued[issuer];
    X509_CRL *crl = *out = X509_CRL_new_ex(g->libctx, NULL);
    ASN1_TIME *last = ASN1_TIME_set(NULL, (time_t)(g->reference_time + this_update));
    ASN1_TIME *next = ASN1_TIME_set(NULL, (time_t)(g->reference_time + next_update));
    ASN1_INTEGER *number = ASN1_INTEGER_new();
    X509V3_CTX v3;
    X509V3_set_ctx(&v3, ca->cert, NULL, NULL, crl, 0);
    X509_EXTENSION *aki = X509V3_EXT_nconf_nid(NULL, &v3, NID_authority_key_identifier,
                                               "keyid:always");
    int ok = number && ASN1_INTEGER_set_int64(number, crl_number_at(this_update)) && crl &&
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
    return MG_OK;
}

MG_RESULT mg_crl_build(mg_gen *g, int issuer, const ASN1_INTEGER *const *revoked, size_t count,
                       int64_t this_update, int64_t next_update, const char *label,
                       X509_CRL **out)
{
    MG_GUARD(crl_unsigned(g, issuer, revoked, count, this_update, next_update, label, out));
    return mg_sign_crl(g, *out, g->issued[issuer].key, label);
}

/* Both extensions are critical (RFC 5280 5.2.4, 5.2.5): a verifier that does not know them
 * must not use the CRL at all, which is what a delta or a narrowed scope needs. */
static MG_RESULT add_shape(const mg_crl_row *row, X509_CRL *crl, const char *label)
{
    if (row->scope != MG_CRL_SCOPE_ALL) {
        ISSUING_DIST_POINT *idp = ISSUING_DIST_POINT_new();
        int ok = idp != NULL;
        if (ok && row->scope == MG_CRL_SCOPE_CA_ONLY) idp->onlyCA = 0xff;
        if (ok && row->scope == MG_CRL_SCOPE_USER_ONLY) idp->onlyuser = 0xff;
        ok = ok && X509_CRL_add1_ext_i2d(crl, NID_issuing_distribution_point, idp, 1, 0) == 1;
        ISSUING_DIST_POINT_free(idp);
        MG_ENSURE(ok, MG_E_INTERNAL, "cannot add issuingDistributionPoint to %s", label);
    }
    if (row->delta_of != 0) {
        ASN1_INTEGER *base = ASN1_INTEGER_new();
        int ok = base && ASN1_INTEGER_set_int64(base, crl_number_at(row->delta_of)) &&
                 X509_CRL_add1_ext_i2d(crl, NID_delta_crl, base, 1, 0) == 1;
        ASN1_INTEGER_free(base);
        MG_ENSURE(ok, MG_E_INTERNAL, "cannot add deltaCRLIndicator to %s", label);
    }
    return MG_OK;
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
    MG_GUARD(crl_unsigned(g, out->issuer, revoked, count, row->this_update, row->next_update,
                          out->name, &out->crl));
    MG_GUARD(add_shape(row, out->crl, out->name));
    MG_GUARD(mg_sign_crl(g, out->crl, g->issued[out->issuer].key, out->name));
    if (row->bad_signature) {
        const ASN1_BIT_STRING *sig = NULL;
        X509_CRL_get0_signature(out->crl, &sig, NULL);
        MG_GUARD(mg_corrupt_bits((ASN1_BIT_STRING *)sig, out->name));
    }
    return MG_OK;
}

/* The current complete CRL of CA `issuer` (defect-free, of full scope, not a delta), or -1. */
static int current_crl_of(const mg_made_crl *made, size_t count, int issuer)
{
    for (size_t i = 0; i < count; i++)
        if (made[i].issuer == issuer && made[i].row->defect == NULL &&
            made[i].row->scope == MG_CRL_SCOPE_ALL && made[i].row->delta_of == 0)
            return (int)i;
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
