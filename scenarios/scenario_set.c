#include "scenario.h"

#include "path_join.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every *.ini file of a folder, in name order so the case list is stable. */
static MG_RESULT ini_files(const char *dir, mg_strings *out)
{
    DIR *d = opendir(dir);
    MG_ENSURE(d, MG_E_INPUT, "%s: cannot open scenario folder: %s", dir, strerror(errno));
    struct dirent *e;
    mg_result r = MG_OK;
    while (mg_ok(r) && (e = readdir(d))) {
        size_t n = strlen(e->d_name);
        if (n < 5 || strcmp(e->d_name + n - 4, ".ini") != 0) continue;
        char path[4096];
        r = mg_path_join(path, sizeof path, dir, e->d_name);
        if (mg_ok(r)) r = mg_strings_add(out, path);
    }
    closedir(d);
    if (out->count) qsort(out->items, out->count, sizeof *out->items, by_name);
    return r;
}

static MG_RESULT load_all(const char *dir, mg_scenario_set *set, bool divergences)
{
    mg_strings files = {0};
    mg_result r = ini_files(dir, &files);
    for (size_t i = 0; mg_ok(r) && i < files.count; i++)
        r = divergences ? mg_divergences_load_file(files.items[i], set)
                        : mg_scenarios_load_file(files.items[i], set);
    mg_strings_free(&files);
    return r;
}

mg_result mg_scenarios_load_dir(const char *dir, mg_scenario_set *set)
{
    char sub[4096];
    MG_GUARD(mg_path_join(sub, sizeof sub, dir, "catalogue"));
    MG_GUARD(load_all(sub, set, false));
    MG_ENSURE(set->count > 0, MG_E_INPUT, "%s: no scenarios found", sub);
    MG_GUARD(mg_path_join(sub, sizeof sub, dir, "divergences"));
    return load_all(sub, set, true);
}

mg_result mg_scenarios_check_artifacts(const mg_scenario_set *set, mg_artifact_known_fn known,
                                       void *ctx)
{
    for (size_t i = 0; i < set->count; i++) {
        const mg_scenario *s = &set->scenarios[i];
        for (size_t k = 0; k < s->ref_count; k++)
            MG_ENSURE(known(ctx, s->refs[k].name), MG_E_INPUT,
                      "%s:%d: [%s] names artifact \"%s\", which the generator does not make",
                      s->file, s->refs[k].line, s->id, s->refs[k].name);
    }
    return MG_OK;
}

const mg_scenario *mg_scenario_find(const mg_scenario_set *set, const char *id)
{
    for (size_t i = 0; i < set->count; i++)
        if (strcmp(set->scenarios[i].id, id) == 0) return &set->scenarios[i];
    return NULL;
}

bool mg_scenario_expects(const mg_scenario *scenario, mg_verdict verdict)
{
    for (size_t i = 0; i < scenario->expected_count; i++)
        if (mg_verdict_equal(scenario->expected[i], verdict)) return true;
    return false;
}

static void free_side(mg_scenario_side *side)
{
    free(side->cert);
    free(side->key);
    mg_strings_free(&side->chain);
    free(side->p12);
    free(side->p12_password);
    mg_strings_free(&side->trust);
    mg_strings_free(&side->resume_trust);
    mg_strings_free(&side->crls);
    free(side->ocsp);
    free(side->host);
    free(side->client_cert);
    mg_strings_free(&side->needs);
    free(side->alt_cert);
    free(side->ca_names);
}

void mg_scenario_set_free(mg_scenario_set *set)
{
    for (size_t i = 0; i < set->count; i++) {
        mg_scenario *s = &set->scenarios[i];
        free(s->id), free(s->family), free(s->summary), free(s->standard), free(s->expect_note);
        free(s->ref), free(s->tls);
        free(s->expected), free(s->file), free(s->refs);
        free_side(&s->client);
        free_side(&s->server);
    }
    free(set->scenarios);
    for (size_t i = 0; i < set->divergence_count; i++) {
        mg_divergence *d = &set->divergences[i];
        free(d->id), free(d->stack), free(d->side), free(d->scenario), free(d->tls);
        free(d->policy), free(d->version), free(d->versions), free(d->reason), free(d->reference);
        free(d->file), free(d->peer), free(d->alert);
    }
    free(set->divergences);
    *set = (mg_scenario_set){0};
}
