#include "x509_diff.h"

#include "fuzz_require.h"
#include "path_join.h"

#include <stdlib.h>

static bool same_list(mg_ext_state sa, const mg_strlist *a, mg_ext_state sb, const mg_strlist *b)
{
    return sa == sb && (sa != MG_EXT_READ || mg_strlist_equal(a, b));
}

const char *mg_x509_view_difference(const mg_x509_view *a, const mg_x509_view *b)
{
    if (a->accepted != b->accepted) return "accepted";
    if (!a->accepted) return NULL;
    if (!same_list(a->eku_state, &a->eku, b->eku_state, &b->eku)) return "eku";
    if (!same_list(a->san_state, &a->san, b->san_state, &b->san)) return "san";
    if (a->bc_state != b->bc_state ||
        (a->bc_state == MG_EXT_READ && (a->ca != b->ca || a->pathlen != b->pathlen)))
        return "basic-constraints";
    if (a->ku_state != b->ku_state || (a->ku_state == MG_EXT_READ && a->ku_bits != b->ku_bits))
        return "key-usage";
    if (a->validity_read != b->validity_read ||
        (a->validity_read && (a->not_before != b->not_before || a->not_after != b->not_after)))
        return "validity";
    return NULL;
}

/* Triage aid: MG_FUZZ_DIFF_SAVE=DIR keeps each unexplained input as DIR/FIELD-N.der. */
static void save_for_triage(const uint8_t *der, size_t len, const char *field)
{
    static unsigned saved;
    const char *dir = getenv("MG_FUZZ_DIFF_SAVE");
    if (dir == NULL || saved >= 1000) return;
    char path[4096];
    if (!mg_ok(mg_path_format(path, sizeof path, "%s/%s-%u.der", dir, field, saved++))) return;
    FILE *f = fopen(path, "wb");
    if (f == NULL) return;
    fwrite(der, 1, len, f);
    fclose(f);
}

static bool env_on(const char *name)
{
    const char *value = getenv(name);
    return value != NULL && value[0] == '1';
}

static void compare_pair(const uint8_t *data, size_t size, const mg_x509_side *a,
                         const mg_x509_side *b)
{
    const char *field = mg_x509_view_difference(a->view, b->view);
    if (field == NULL) return;
    const mg_x509_known_divergence *known = mg_x509_known_find(data, size, field, a, b);
    if (known != NULL) {
        if (env_on("MG_FUZZ_DIFF_VERBOSE"))
            fprintf(stderr, "x509_diff: %s and %s: %s: known %s divergence %s\n", a->stack,
                    b->stack, field, known->kind == MG_DIVERGENCE_FINDING ? "finding" : "benign",
                    known->id);
        return;
    }
    save_for_triage(data, size, field);
    fprintf(stderr, "x509_diff: %s and %s disagree on %s (no known divergence explains it)\n",
            a->stack, b->stack, field);
    mg_x509_view_print(stderr, a->stack, a->view);
    mg_x509_view_print(stderr, b->stack, b->view);
    if (!env_on("MG_FUZZ_DIFF_REPORT_ONLY")) abort();
}

void mg_fuzz_x509_diff(const mg_x509_named_viewer *viewers, size_t count, const uint8_t *data,
                       size_t size)
{
    mg_fuzz_check(count <= MG_X509_DIFF_MAX_STACKS,
                  "more stacks than the differential target holds");
    mg_x509_view views[MG_X509_DIFF_MAX_STACKS];
    mg_x509_side sides[MG_X509_DIFF_MAX_STACKS];
    for (size_t i = 0; i < count; i++) {
        const mg_x509_viewer *v = viewers[i].viewer;
        v->view(data, size, &views[i]);
        sides[i] = (mg_x509_side){viewers[i].stack->name, &views[i], v->facts, v->known};
    }
    for (size_t i = 0; i < count; i++)
        for (size_t j = i + 1; j < count; j++) compare_pair(data, size, &sides[i], &sides[j]);
    for (size_t i = 0; i < count; i++) mg_x509_view_free(&views[i]);
}
