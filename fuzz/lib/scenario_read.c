#include "scenario_read.h"

#include "scenario.h"
#include "temp_file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Every artifact name is known but one, so that both outcomes of the check run. */
static bool known(void *ctx, const char *name)
{
    (void)ctx;
    return strcmp(name, "unknown-artifact") != 0;
}

/* The message slot keeps the last failure's text; empty it so that a failure that sets no
 * message of its own is seen. */
static void clear_message(void) { (void)mg_fail(MG_E_NONE, "%s", ""); }

static void check_failure(mg_result r, const char *what)
{
    if (mg_ok(r) || mg_error_message()[0] != '\0') return;
    fprintf(stderr, "scenario: %s failed without a message\n", what);
    abort();
}

static void use(const mg_scenario_set *set)
{
    clear_message();
    check_failure(mg_scenarios_check_artifacts(set, known, NULL), "mg_scenarios_check_artifacts");
    for (size_t i = 0; i < set->count; i++) {
        const mg_scenario *s = &set->scenarios[i];
        if (mg_scenario_find(set, s->id) == NULL) {
            fprintf(stderr, "scenario: loaded [%s] cannot be found by its id\n", s->id);
            abort();
        }
        for (size_t v = 0; v < s->expected_count; v++)
            if (!mg_scenario_expects(s, s->expected[v])) {
                fprintf(stderr, "scenario: [%s] does not expect its own verdict %zu\n", s->id, v);
                abort();
            }
    }
}

void mg_fuzz_scenarios(const uint8_t *data, size_t size)
{
    const char *path = mg_fuzz_temp_file("scenario.ini", data, size);
    if (path == NULL) {
        fprintf(stderr, "scenario: cannot write the temp file\n");
        abort(); /* not the input's fault: stop rather than fuzz nothing */
    }
    mg_scenario_set set;
    memset(&set, 0, sizeof set);
    clear_message();
    mg_result r = mg_scenarios_load_file(path, &set);
    check_failure(r, "mg_scenarios_load_file");
    if (mg_ok(r)) use(&set);
    mg_scenario_set_free(&set);

    memset(&set, 0, sizeof set);
    clear_message();
    check_failure(mg_divergences_load_file(path, &set), "mg_divergences_load_file");
    mg_scenario_set_free(&set);
}
