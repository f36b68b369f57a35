/* The contract every registered stack keeps, with no per-stack code: in both roles and every
 * TLS version it declares, the baseline handshake completes (against itself and against every
 * other stack), a bad certificate is rejected in each direction with the expected reason and
 * an alert the peer receives, and each capability it declares really works on the
 * catalogue's own scenario for it. A capability it does not declare must make the planner
 * skip the case, never run it and let it pass. A new stack passes this test unchanged or is
 * not done. */
#include "mg_test.h"
#include "plan.h"
#include "test_matrix.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A scenario and the capability it exercises (0: none beyond TLS and pinned time). */
static const struct {
    const char *scenario;
    unsigned cap;
} probes[] = {
    {"client-expired", MG_CAP_PINNED_TIME},     /* the server rejects, the client hears it */
    {"server-expired", MG_CAP_PINNED_TIME},     /* the client rejects, the server hears it */
    {"client-p12", MG_CAP_PKCS12},
    {"client-revoked-crl", MG_CAP_CRL},
    {"server-ocsp-good", MG_CAP_OCSP_STAPLE | MG_CAP_OCSP},
    {"server-ocsp-revoked", MG_CAP_OCSP_STAPLE | MG_CAP_OCSP},
    {"server-san-ip", MG_CAP_HOST_IP},
    {"server-no-san", MG_CAP_SAN_ONLY},
    {"client-impostor", MG_CAP_SKIP_KEY_CHECK},
};

#define PROBE_COUNT (sizeof probes / sizeof probes[0])

static unsigned tls_cap(mg_tls_version tls)
{
    return tls == MG_TLS12 ? MG_CAP_TLS12 : MG_CAP_TLS13;
}

static void verdict_text(const mg_case_outcome *o, char *buf, size_t len)
{
    mg_verdict_format(o->verdict, buf, len);
}

/* Runs the case in this process and checks its verdict against the scenario's expectation
 * and, for a rejection, that the rejecting side's alert reached the peer. */
static void expect_allowed(const mg_case *c, const mg_scenario *scenario,
                           mg_context_cache *cache)
{
    mg_case_outcome o;
    mg_run_case(c, cache, &o);
    char verdict[64];
    verdict_text(&o, verdict, sizeof verdict);
    bool allowed = mg_scenario_expects(scenario, o.verdict);
    bool alert_lost = mg_rejection_alert_unseen(o.verdict, &o.client, &o.server);
    printf("%s: %s%s\n", c->id, verdict, alert_lost ? " (the peer never saw the alert)" : "");
    if (!allowed || alert_lost) fprintf(stderr, "%s: %s (%s)\n", c->id, verdict, o.reason_text);
    CHECK(allowed);
    CHECK(!alert_lost);
}

/* A case of stack s with itself: run when s declares what it needs, skipped otherwise. */
static void check_probe(const mg_plan *plan, size_t i, unsigned cap, mg_context_cache *cache)
{
    const mg_case *c = &plan->cases[i];
    const mg_stack *s = c->client_stack;
    unsigned needed = cap | tls_cap(plan->keys[i].tls) | MG_CAP_PINNED_TIME;
    bool declared = (s->caps & needed) == needed;
    if (!declared) {
        printf("%s: skipped (%s)\n", c->id, c->skip_reason ? c->skip_reason : "NOT SKIPPED");
        CHECK(c->skip_reason != NULL);
        return;
    }
    if (c->skip_reason)
        fprintf(stderr, "%s: skipped although declared: %s\n", c->id, c->skip_reason);
    CHECK(c->skip_reason == NULL);
    if (!c->skip_reason) expect_allowed(c, plan->keys[i].scenario, cache);
}

/* Runs a changed case with a cache of its own: the context cache knows configs by address,
 * and these configs change in place. */
static mg_case_outcome run_alone(const mg_case *c)
{
    mg_context_cache *cache = mg_context_cache_new();
    mg_case_outcome o;
    mg_run_case(c, cache, &o);
    mg_context_cache_free(cache);
    return o;
}

/* Depth and key log are not catalogue scenarios: the baseline with one setting changed. */
static void check_tweaks(const mg_case *baseline, const char *scratch)
{
    const mg_stack *s = baseline->client_stack;
    mg_side_config server = *baseline->server, client = *baseline->client;
    mg_case c = *baseline;
    char *why = NULL;

    server.limit_depth = true, server.max_depth = 0; /* the baseline chain has an intermediate */
    c.server = &server;
    CHECK(mg_ok(mg_case_skip_reason(&c, 0, 0, &why)));
    CHECK((why != NULL) == !(s->caps & MG_CAP_MAX_DEPTH));
    if (!why) {
        mg_case_outcome o = run_alone(&c);
        char verdict[64];
        verdict_text(&o, verdict, sizeof verdict);
        printf("%s with server depth 0: %s\n", c.id, verdict);
        CHECK_STR(verdict, "server-rejects:path-length");
        server.max_depth = 1;
        o = run_alone(&c);
        verdict_text(&o, verdict, sizeof verdict);
        printf("%s with server depth 1: %s\n", c.id, verdict);
        CHECK_STR(verdict, "ok");
    }
    free(why), why = NULL;

    char keylog[4200];
    snprintf(keylog, sizeof keylog, "%s/%s-tls%s.keylog", scratch, s->name,
             mg_tls_name(client.tls));
    client.keylog_file = keylog;
    c = *baseline, c.client = &client;
    CHECK(mg_ok(mg_case_skip_reason(&c, 0, 0, &why)));
    CHECK((why != NULL) == !(s->caps & MG_CAP_KEYLOG));
    if (!why) {
        mg_case_outcome o = run_alone(&c);
        CHECK(o.verdict.kind == MG_VERDICT_OK);
        FILE *f = fopen(keylog, "r");
        char line[512];
        int secrets = 0;
        while (f && fgets(line, sizeof line, f)) secrets += strncmp(line, "CLIENT_", 7) == 0;
        if (f) fclose(f);
        printf("%s key log: %d CLIENT_* lines\n", c.id, secrets);
        CHECK(secrets >= 1);
    }
    free(why);
}

static MG_RESULT plan_for(const char *filter, const char *scratch, mg_plan *plan)
{
    mg_plan_options o = {0};
    mg_plan_options_defaults(&o);
    o.filter = filter;
    o.policies = "strict";
    MG_GUARD(mg_plan_enumerate(&o, plan));
    return mg_plan_resolve(plan, mg_test_matrix_dir(), scratch);
}

int main(void)
{
    char scratch[4096];
    CHECK(mg_test_scratch("contract", scratch, sizeof scratch) && mg_test_matrix_dir());
    mg_plan plan = {0};
    /* Every pairing's baseline, and each stack against itself on each probe scenario. */
    char filter[8192] = "baseline/*";
    for (size_t p = 0; p < PROBE_COUNT; p++)
        for (const mg_stack *const *s = mg_stacks; *s; s++) {
            size_t used = strlen(filter);
            snprintf(filter + used, sizeof filter - used, ",%s/%s-%s/*", probes[p].scenario,
                     (*s)->name, (*s)->name);
        }
    mg_result r = plan_for(filter, scratch, &plan);
    if (!mg_ok(r)) fprintf(stderr, "plan: %s\n", mg_error_message());
    CHECK(mg_ok(r));
    mg_context_cache *cache = mg_context_cache_new();
    size_t baselines = 0;
    for (size_t i = 0; mg_ok(r) && i < plan.count; i++) {
        const mg_case_key *k = &plan.keys[i];
        const mg_case *c = &plan.cases[i];
        if (strcmp(k->scenario->id, "baseline") == 0) {
            bool declared = (k->client_stack->caps & k->server_stack->caps & tls_cap(k->tls)) != 0;
            CHECK((c->skip_reason == NULL) == declared);
            if (!c->skip_reason) expect_allowed(c, k->scenario, cache), baselines++;
            if (!c->skip_reason && k->client_stack == k->server_stack) check_tweaks(c, scratch);
            continue;
        }
        for (size_t p = 0; p < PROBE_COUNT; p++)
            if (strcmp(k->scenario->id, probes[p].scenario) == 0)
                check_probe(&plan, i, probes[p].cap, cache);
    }
    /* Every stack declares at least one TLS version, so every stack ran its baseline. */
    CHECK(baselines >= mg_stack_count);
    mg_context_cache_free(cache);
    mg_plan_free(&plan);
    mg_test_scratch_remove(scratch);
    TEST_END();
}
