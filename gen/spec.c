/* Row expansion: the side's defaults (names, SAN, EKU) and the kind's (key usage). */
#include "spec.h"

#include <stdio.h>
#include <string.h>

const char *mg_side_name(mg_side side) { return side == MG_SIDE_CLIENT ? "client" : "server"; }

MG_RESULT mg_expand(const char *tmpl, mg_side side, char *out, size_t cap)
{
    const char *side_name = mg_side_name(side);
    size_t n = 0, side_len = strlen(side_name);
    for (const char *p = tmpl; *p; p++) {
        const char *piece = p;
        size_t len = 1;
        if (p[0] == '%' && p[1] == 's') {
            piece = side_name;
            len = side_len;
            p++;
        }
        MG_ENSURE(n + len < cap, MG_E_INTERNAL, "profile text too long: %s", tmpl);
        memcpy(out + n, piece, len);
        n += len;
    }
    out[n] = '\0';
    return MG_OK;
}

static MG_RESULT expand_or(const char *tmpl, const char *fallback, mg_side side, char *out,
                           size_t cap)
{
    return mg_expand(tmpl ? tmpl : fallback, side, out, cap);
}

static const char *role_of(mg_cert_kind kind, mg_side side)
{
    switch (kind) {
    case MG_KIND_ROOT: return "root";
    case MG_KIND_CA: return "intermediate";
    case MG_KIND_RESPONDER: return "responder";
    case MG_KIND_LEAF: break;
    }
    return mg_side_name(side);
}

static const char *profile_of(mg_cert_kind kind, mg_side side)
{
    switch (kind) {
    case MG_KIND_ROOT: return "root-ca";
    case MG_KIND_CA: return "intermediate-ca";
    case MG_KIND_RESPONDER: return "ocsp-responder";
    case MG_KIND_LEAF: break;
    }
    return side == MG_SIDE_CLIENT ? "client-leaf" : "server-leaf";
}

static unsigned default_eku(mg_cert_kind kind, mg_side side)
{
    if (kind == MG_KIND_ROOT || kind == MG_KIND_CA) return MG_EKU_ABSENT;
    if (kind == MG_KIND_RESPONDER) return MG_EKU_OCSP;
    return side == MG_SIDE_CLIENT ? MG_EKU_CLIENT : MG_EKU_SERVER;
}

static unsigned default_ku(mg_cert_kind kind)
{
    if (kind == MG_KIND_ROOT || kind == MG_KIND_CA)
        return MG_KU_DIGITAL_SIGNATURE | MG_KU_CERT_SIGN | MG_KU_CRL_SIGN;
    return MG_KU_DIGITAL_SIGNATURE;
}

MG_RESULT mg_spec_from_row(const mg_profile_row *row, mg_side side, mg_cert_spec *spec)
{
    memset(spec, 0, sizeof *spec);
    spec->row = row;
    spec->side = side;
    int leaf = row->kind == MG_KIND_LEAF;
    MG_GUARD(mg_expand(row->name, side, spec->name, sizeof spec->name));
    MG_GUARD(expand_or(row->issuer, "", side, spec->issuer, sizeof spec->issuer));
    MG_GUARD(expand_or(row->copy_of, "", side, spec->copy_of, sizeof spec->copy_of));
    MG_GUARD(expand_or(row->key_label, spec->name, side, spec->key_label, sizeof spec->key_label));
    MG_GUARD(expand_or(row->cn, leaf ? "%s.test" : spec->name, side, spec->cn, sizeof spec->cn));
    const char *san = side == MG_SIDE_SERVER ? "DNS:server.test,IP:127.0.0.1" : "DNS:client.test";
    MG_GUARD(expand_or(row->san, leaf ? san : "", side, spec->san, sizeof spec->san));
    const char *host = leaf && side == MG_SIDE_SERVER ? "server.test" : "";
    MG_GUARD(expand_or(row->host, host, side, spec->host, sizeof spec->host));
    MG_GUARD(expand_or(row->name_constraints, "", side, spec->name_constraints,
                       sizeof spec->name_constraints));
    spec->role = role_of(row->kind, side);
    spec->profile = profile_of(row->kind, side);
    spec->defect = row->defect;
    spec->feature = row->feature;
    spec->is_ca = row->kind == MG_KIND_ROOT || row->kind == MG_KIND_CA;
    spec->eku = row->eku ? row->eku : default_eku(row->kind, side);
    spec->ku = row->ku ? row->ku : default_ku(row->kind);
    spec->flags = row->flags;
    mg_window_offsets(row->kind, row->window, &spec->not_before, &spec->not_after);
    return MG_OK;
}

#define DAYS(n) ((int64_t)(n) * 86400)

void mg_window_offsets(mg_cert_kind kind, mg_window window, int64_t *not_before,
                       int64_t *not_after)
{
    /* Lifetimes as deployments use them: long-lived roots, shorter intermediates, a year
     * for leaves. An expired window ends 30 days before the reference time; a future one
     * starts 30 days after it, so both stay wrong whatever the clock skew allowance. */
    int64_t life = kind == MG_KIND_ROOT ? DAYS(7300) : kind == MG_KIND_CA ? DAYS(3650) : DAYS(395);
    switch (window) {
    case MG_WINDOW_VALID:
        *not_before = kind == MG_KIND_ROOT ? -DAYS(3650)
                      : kind == MG_KIND_CA ? -DAYS(1825)
                                           : -DAYS(30);
        *not_after = *not_before + life;
        return;
    case MG_WINDOW_EXPIRED:
        *not_after = -DAYS(30);
        *not_before = *not_after - life;
        return;
    case MG_WINDOW_NOT_YET_VALID:
        *not_before = DAYS(30);
        *not_after = *not_before + life;
        return;
    }
}
