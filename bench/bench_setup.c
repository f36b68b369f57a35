#include "bench_setup.h"

#include "registry.h"
#include "bench_spawn.h"
#include "plan.h"
#include "compose.h"
#include "path_join.h"
#include "temp_dir.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const mg_stack *client[MG_BENCH_MAX_PAIRS], *server[MG_BENCH_MAX_PAIRS];
    size_t count;
} pairings;

/* "all" -> every pairing; "S" -> S-S; "C-S" as it is. */
static MG_RESULT parse_pairing(const char *text, pairings *p)
{
    p->count = 0;
    if (strcmp(text, "all") == 0) {
        for (const mg_stack *const *c = mg_stacks; *c; c++)
            for (const mg_stack *const *s = mg_stacks; *s && p->count < MG_BENCH_MAX_PAIRS; s++)
                p->client[p->count] = *c, p->server[p->count++] = *s;
        return MG_OK;
    }
    char client[32] = "";
    const char *dash = strchr(text, '-');
    size_t first = dash ? (size_t)(dash - text) : strlen(text);
    snprintf(client, sizeof client, "%.*s", (int)(first < 31 ? first : 31), text);
    p->client[0] = mg_stack_find(client);
    p->server[0] = mg_stack_find(dash ? dash + 1 : client);
    MG_ENSURE(p->client[0] && p->server[0], MG_E_USAGE,
              "bench: --stack: unknown stack or pairing \"%s\" (%s, CLIENT-SERVER or all)", text,
              mg_stack_names_text());
    p->count = 1;
    return MG_OK;
}

static void add_case(mg_bench_setup *s, const char *scenario, const mg_stack *client,
                     const mg_stack *server, const mg_side_config *client_side,
                     const mg_side_config *server_side)
{
    size_t i = s->count++;
    snprintf(s->ids[i], sizeof s->ids[i], "%s/%s-%s/tls%s/%s", scenario, client->name,
             server->name, mg_tls_name(client_side->tls), mg_policy_name(client_side->policy));
    s->cases[i] = (mg_case){s->ids[i], client, server, client_side, server_side, NULL, NULL, NULL};
}

/* The baseline scenario's configs, resolved against a (fresh) matrix like `run` does. */
static MG_RESULT baseline_sides(mg_bench_setup *s, const mg_bench_setup_options *o,
                                const mg_case **found)
{
    mg_plan_options po = {0};
    mg_plan_options_defaults(&po);
    po.filter = "baseline/*";
    po.tls = mg_tls_name(o->tls);
    po.policies = "strict";
    MG_GUARD(mg_plan_enumerate(&po, &s->plan));
    MG_ENSURE(s->plan.count > 0, MG_E_INPUT, "bench: no scenario \"baseline\" in %s",
              po.scenarios_dir ? po.scenarios_dir : "the data folder");
    mg_plan_matrix_options mo = {o->matrix, NULL, MG_TIME_PINNED};
    mg_plan_matrix m;
    MG_GUARD(mg_plan_prepare(&s->plan, s->dir, &mo, &m));
    s->gen_seconds = m.generated ? m.stats.seconds : 0;
    *found = &s->plan.cases[0];
    MG_ENSURE(!(*found)->skip_reason, MG_E_INPUT, "bench: %s is skipped: %s", (*found)->id,
              (*found)->skip_reason);
    return MG_OK;
}

/* The floor's own certificates (its mkcerts.sh: one root, a server and a client leaf), under
 * the minimal policy: the checks the floor programs ask for (peer verified, host name), and
 * its root lacks the key usage that OpenSSL's strict mode demands of a CA. */
static MG_RESULT floor_sides(mg_bench_setup *s, const mg_bench_setup_options *o)
{
    MG_ENSURE(o->mkcerts, MG_E_USAGE, "bench: --certs floor needs the floor's mkcerts.sh "
                                      "beside the floor program (--floor PATH)");
    char (*f)[4096] = s->floor_files;
    MG_GUARD(mg_path_join(f[0], sizeof f[0], s->dir, "certs"));
    const char *argv[] = {o->mkcerts, f[0], NULL};
    mg_child child;
    MG_GUARD(mg_child_start(argv, false, false, &child));
    int status = mg_child_finish(&child, 120, NULL, 0);
    MG_ENSURE(status == 0, MG_E_INPUT, "bench: %s exited with status %d", o->mkcerts, status);
    static const char *const names[] = {"ca.pem", "client.pem", "client.key", "server.pem",
                                        "server.key"};
    for (int i = 4; i >= 0; i--)
        MG_GUARD(mg_path_format(f[i], sizeof f[i], "%s/certs/%s", s->dir, names[i]));
    for (int role = 0; role < 2; role++) {
        mg_side_config *c = &s->floor_sides[role];
        *c = (mg_side_config){.role = role ? MG_ROLE_SERVER : MG_ROLE_CLIENT, .tls = o->tls,
                              .policy = MG_POLICY_MINIMAL, .trust_file = f[0],
                              .server_name = "server.test", .peer_check = MG_PEER_REQUIRED};
        c->credential.cert_file = f[1 + 2 * role];
        c->credential.key_file = f[2 + 2 * role];
    }
    return MG_OK;
}

mg_result mg_bench_setup_make(const mg_bench_setup_options *o, mg_bench_setup *s)
{
    memset(s, 0, sizeof *s);
    pairings p;
    MG_GUARD(parse_pairing(o->pairing, &p));
    MG_GUARD(mg_temp_dir_make("bench", s->dir, sizeof s->dir));
    const mg_side_config *client = &s->floor_sides[0], *server = &s->floor_sides[1];
    if (o->certs == MG_BENCH_CERTS_FLOOR) {
        MG_GUARD(floor_sides(s, o));
    } else {
        const mg_case *baseline = NULL;
        MG_GUARD(baseline_sides(s, o, &baseline));
        client = baseline->client, server = baseline->server;
    }
    const char *scenario = o->certs == MG_BENCH_CERTS_FLOOR ? "floor-certificates" : "baseline";
    for (size_t i = 0; i < p.count; i++)
        add_case(s, scenario, p.client[i], p.server[i], client, server);
    return MG_OK;
}

void mg_bench_setup_free(mg_bench_setup *s)
{
    mg_plan_free(&s->plan);
    mg_temp_dir_remove(s->dir);
}
