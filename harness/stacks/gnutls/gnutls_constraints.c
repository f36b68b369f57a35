#include "gnutls_constraints.h"

#include <gnutls/x509.h>

#include <stdbool.h>

#define MAX_CHAIN 16

typedef struct {
    gnutls_x509_crt_t crt[MAX_CHAIN + 1];
    int issuer[MAX_CHAIN + 1]; /* index of each certificate's issuer in crt[], or -1 */
    unsigned count;
} chain;

static void chain_free(chain *c)
{
    for (unsigned i = 0; i < c->count; i++) gnutls_x509_crt_deinit(c->crt[i]);
}

static bool chain_add(chain *c, const gnutls_datum_t *der)
{
    if (c->count > MAX_CHAIN || gnutls_x509_crt_init(&c->crt[c->count]) < 0) return false;
    if (gnutls_x509_crt_import(c->crt[c->count], der, GNUTLS_X509_FMT_DER) < 0) {
        gnutls_x509_crt_deinit(c->crt[c->count]);
        return false;
    }
    c->count++;
    return true;
}

/* The peer's certificates as sent, then the trusted issuer of the last one (if any). */
static void chain_load(gnutls_session_t tls, chain *c)
{
    unsigned sent = 0;
    const gnutls_datum_t *der = gnutls_certificate_get_peers(tls, &sent);
    for (unsigned i = 0; der && i < sent && i < MAX_CHAIN; i++)
        if (!chain_add(c, &der[i])) break;
    gnutls_certificate_credentials_t cred = NULL;
    gnutls_x509_trust_list_t trust = NULL;
    gnutls_x509_crt_t anchor = NULL;
    if (c->count == 0 || gnutls_credentials_get(tls, GNUTLS_CRD_CERTIFICATE, (void **)&cred) < 0)
        return;
    gnutls_certificate_get_trust_list(cred, &trust);
    if (gnutls_x509_trust_list_get_issuer(trust, c->crt[c->count - 1], &anchor,
                                          GNUTLS_TL_GET_COPY) == 0)
        c->crt[c->count++] = anchor;
}

static void link_issuers(chain *c)
{
    for (unsigned i = 0; i < c->count; i++) {
        c->issuer[i] = -1;
        for (unsigned j = 0; j < c->count; j++)
            if (j != i && gnutls_x509_crt_check_issuer(c->crt[i], c->crt[j])) c->issuer[i] = (int)j;
    }
}

static bool is_below(const chain *c, unsigned cert, unsigned ca)
{
    int at = c->issuer[cert];
    for (unsigned steps = 0; at >= 0 && steps < c->count; steps++, at = c->issuer[at])
        if ((unsigned)at == ca) return true;
    return false;
}

static bool violates(gnutls_x509_name_constraints_t nc, gnutls_x509_crt_t crt)
{
    static const gnutls_x509_subject_alt_name_t types[] = {
        GNUTLS_SAN_DNSNAME, GNUTLS_SAN_RFC822NAME, GNUTLS_SAN_IPADDRESS};
    for (unsigned t = 0; t < sizeof types / sizeof types[0]; t++)
        if (!gnutls_x509_name_constraints_check_crt(nc, types[t], crt)) return true;
    return false;
}

static bool name_constraints_violated(const chain *c)
{
    bool found = false;
    for (unsigned ca = 0; ca < c->count && !found; ca++) {
        gnutls_x509_name_constraints_t nc;
        if (gnutls_x509_name_constraints_init(&nc) < 0) continue;
        if (gnutls_x509_crt_get_name_constraints(c->crt[ca], nc, 0, NULL) == 0)
            for (unsigned i = 0; i < c->count && !found; i++)
                found = is_below(c, i, ca) && violates(nc, c->crt[i]);
        gnutls_x509_name_constraints_deinit(nc);
    }
    return found;
}

static bool issuer_lacks_cert_sign(const chain *c)
{
    for (unsigned i = 0; i < c->count; i++) {
        unsigned usage = 0;
        if (c->issuer[i] < 0) continue;
        if (gnutls_x509_crt_get_key_usage(c->crt[c->issuer[i]], &usage, NULL) >= 0 &&
            !(usage & GNUTLS_KEY_KEY_CERT_SIGN))
            return true;
    }
    return false;
}

mg_reason mg_gnutls_constraint_reason(gnutls_session_t tls, mg_reason fallback)
{
    chain c = {.count = 0};
    chain_load(tls, &c);
    link_issuers(&c);
    mg_reason reason = fallback;
    if (name_constraints_violated(&c))
        reason = MG_REASON_NAME_CONSTRAINTS;
    else if (issuer_lacks_cert_sign(&c))
        reason = MG_REASON_INVALID_CA; /* RFC 5280 6.1.4 (n), as the OpenSSL backend */
    chain_free(&c);
    return reason;
}
