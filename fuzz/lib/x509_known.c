/* The lookup over the stacks' known-divergence tables (x509_known.h); the records themselves
 * are each stack's, in its fuzz folder. */
#include "x509_known.h"

#include <string.h>

static bool cannot_tell(const uint8_t *der, size_t len)
{
    (void)der;
    (void)len;
    return false;
}

static bool no_extension_value(const uint8_t *der, size_t len, const char *field, uint8_t *buf,
                               size_t cap, size_t *out_len)
{
    (void)der, (void)len, (void)field, (void)buf, (void)cap, (void)out_len;
    return false;
}

static bool no_extension_answer(const uint8_t *der, size_t len, const char *field)
{
    (void)der, (void)len, (void)field;
    return false;
}

static bool no_year(const uint8_t *der, size_t len, bool not_after, int *year)
{
    (void)der, (void)len, (void)not_after, (void)year;
    return false;
}

const mg_x509_facts mg_x509_no_facts = {
    .marked_invalid = cannot_tell,
    .sigalg_mismatch = cannot_tell,
    .extensions_before_v3 = cannot_tell,
    .not_canonical = cannot_tell,
    .extension_value = no_extension_value,
    .extension_bad_oid = no_extension_answer,
    .negative_pathlen = cannot_tell,
    .time_year = no_year,
    .day_past_month_end = cannot_tell,
};

/* The record of self's table that explains the disagreement with other, or NULL. */
static const mg_x509_known_divergence *find_in(const mg_x509_disagreement *d)
{
    const mg_x509_known_divergence *table = d->self.known;
    for (size_t i = 0; table != NULL && table[i].id != NULL; i++) {
        const mg_x509_known_divergence *k = &table[i];
        if (strcmp(k->field, d->field) != 0) continue;
        if (k->peer != NULL && strcmp(k->peer, d->other.stack) != 0) continue;
        if (k->applies(d)) return k;
    }
    return NULL;
}

const mg_x509_known_divergence *mg_x509_known_find(const uint8_t *der, size_t len,
                                                   const char *field, const mg_x509_side *a,
                                                   const mg_x509_side *b)
{
    mg_x509_disagreement as_a = {der, len, *a, *b, field};
    const mg_x509_known_divergence *known = find_in(&as_a);
    if (known != NULL) return known;
    mg_x509_disagreement as_b = {der, len, *b, *a, field};
    return find_in(&as_b);
}
