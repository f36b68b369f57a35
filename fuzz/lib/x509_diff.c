#include "x509_diff.h"

#include "x509_known.h"

#include <stdlib.h>

static bool same_list(mg_ext_state sa, const mg_strlist *a, mg_ext_state sb, const mg_strlist *b)
{
    return sa == sb && (sa != MG_EXT_READ || mg_strlist_equal(a, b));
}

const char *mg_x509_view_difference(const mg_x509_view *o, const mg_x509_view *g)
{
    if (o->accepted != g->accepted) return "accepted";
    if (!o->accepted) return NULL;
    if (!same_list(o->eku_state, &o->eku, g->eku_state, &g->eku)) return "eku";
    if (!same_list(o->san_state, &o->san, g->san_state, &g->san)) return "san";
    if (o->bc_state != g->bc_state ||
        (o->bc_state == MG_EXT_READ && (o->ca != g->ca || o->pathlen != g->pathlen)))
        return "basic-constraints";
    if (o->ku_state != g->ku_state || (o->ku_state == MG_EXT_READ && o->ku_bits != g->ku_bits))
        return "key-usage";
    if (o->validity_read != g->validity_read ||
        (o->validity_read && (o->not_before != g->not_before || o->not_after != g->not_after)))
        return "validity";
    return NULL;
}

/* Triage aid: MG_FUZZ_DIFF_SAVE=DIR keeps each unexplained input as DIR/FIELD-N.der. */
static void save_for_triage(const mg_x509_disagreement *d)
{
    static unsigned saved;
    const char *dir = getenv("MG_FUZZ_DIFF_SAVE");
    if (dir == NULL || saved >= 1000) return;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s-%u.der", dir, d->field, saved++);
    FILE *f = fopen(path, "wb");
    if (f == NULL) return;
    fwrite(d->der, 1, d->len, f);
    fclose(f);
}

static void report(const mg_x509_disagreement *d)
{
    save_for_triage(d);
    fprintf(stderr, "x509_diff: the stacks disagree on %s (no known divergence explains it)\n",
            d->field);
    mg_x509_view_print(stderr, "openssl", d->openssl);
    mg_x509_view_print(stderr, "gnutls", d->gnutls);
}

void mg_fuzz_x509_diff(const uint8_t *data, size_t size)
{
    mg_x509_view openssl, gnutls;
    mg_x509_view_openssl(data, size, &openssl);
    mg_x509_view_gnutls(data, size, &gnutls);
    const char *field = mg_x509_view_difference(&openssl, &gnutls);
    if (field != NULL) {
        mg_x509_disagreement d = {data, size, &openssl, &gnutls, field};
        const mg_x509_known_divergence *known = mg_x509_known_find(&d);
        const char *verbose = getenv("MG_FUZZ_DIFF_VERBOSE");
        if (known != NULL && verbose != NULL && verbose[0] == '1')
            fprintf(stderr, "x509_diff: %s: known %s divergence %s\n", field,
                    known->kind == MG_DIVERGENCE_FINDING ? "finding" : "benign", known->id);
        if (known == NULL) {
            report(&d);
            const char *report_only = getenv("MG_FUZZ_DIFF_REPORT_ONLY");
            if (report_only == NULL || report_only[0] != '1') abort();
        }
    }
    mg_x509_view_free(&openssl);
    mg_x509_view_free(&gnutls);
}
