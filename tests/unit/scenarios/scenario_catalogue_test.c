/* The built-in catalogue loads, ids are unique, every scenario has an expectation and a
 * standard, and the fixed ids of DESIGN.md's first slice are there. */
#include "mg_test.h"
#include "scenario.h"

#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/scenarios", getenv("MG_SOURCE_DIR"));
    mg_scenario_set set = {0};
    mg_result r = mg_scenarios_load_dir(dir, &set);
    if (!mg_ok(r)) fprintf(stderr, "%s\n", mg_error_message());
    CHECK(mg_ok(r));
    CHECK(set.count >= 2);
    const mg_scenario *s = mg_scenario_find(&set, "client-eku-serverauth");
    CHECK(s && s->expected_count == 1 && s->expected[0].reason == MG_REASON_BAD_PURPOSE);
    CHECK(s && s->client.cert && !s->client.chain_set);
    CHECK(mg_scenario_find(&set, "baseline") != NULL);
    for (size_t i = 0; i < set.count; i++) {
        CHECK(set.scenarios[i].standard && set.scenarios[i].summary);
        for (size_t k = i + 1; k < set.count; k++)
            CHECK(strcmp(set.scenarios[i].id, set.scenarios[k].id) != 0);
    }
    mg_scenario_set_free(&set);
    TEST_END();
}
