/* Each harness's answer per testcase, from the handshakes in which its stack validated. */
#include "limbo_results.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *role_name(mg_role role) { return role == MG_ROLE_CLIENT ? "client" : "server"; }

/* The same stack as peer first, then the others in --stacks order; TLS 1.3 before 1.2. */
static size_t rank(const mg_limbo_plan *p, size_t i)
{
    const mg_limbo_case_key *k = &p->keys[i];
    size_t peer = 0;
    for (size_t s = 0; s < p->axes.stack_count && k->presenter != k->validator; s++)
        if (p->axes.stacks[s] == k->presenter) peer = s + 1;
    return peer * 2 + (k->tls == MG_TLS13 ? 0 : 1);
}

static int describe(const mg_limbo_plan *p, size_t i, const mg_case_outcome *o, char *buf,
                    size_t len)
{
    char verdict[64] = "skipped";
    if (!o->skipped) mg_verdict_format(o->verdict, verdict, sizeof verdict);
    const mg_case *c = &p->cases[i];
    return snprintf(buf, len, "%s on %s-%s TLS %s: %s", verdict, c->client_stack->name,
                    c->server_stack->name, mg_tls_name(p->keys[i].tls),
                    o->reason_text);
}

static void append(char *buf, size_t len, const char *text)
{
    size_t n = strlen(buf);
    if (n + 1 < len) snprintf(buf + n, len - n, "%s", text);
}

/* Answer from the best-ranked handshake that reached the validator; otherwise why none did.
 * False when the validator stack has no case here (the filter dropped them). */
static bool judge(const mg_limbo_plan *p, const mg_case_outcome *outcomes, size_t first,
                  size_t end, const mg_stack *validator, mg_limbo_entry *e)
{
    long best = -1, best_any = -1;
    for (size_t i = first; i < end; i++) {
        if (p->keys[i].validator != validator) continue;
        if (best_any < 0 || rank(p, i) < rank(p, (size_t)best_any)) best_any = (long)i;
        if (mg_limbo_handshake_result(p, i, &outcomes[i]) == MG_LIMBO_SKIPPED) continue;
        if (best < 0 || rank(p, i) < rank(p, (size_t)best)) best = (long)i;
    }
    e->primary = best;
    if (best_any < 0) return false;
    if (best < 0) {
        e->result = MG_LIMBO_SKIPPED;
        const mg_case_outcome *o = &outcomes[best_any];
        if (o->skipped) snprintf(e->context, sizeof e->context, "%s", o->reason_text);
        else {
            snprintf(e->context, sizeof e->context, "the peer could not be presented: ");
            describe(p, (size_t)best_any, o, e->context + strlen(e->context),
                     sizeof e->context - strlen(e->context));
        }
        return true;
    }
    e->result = mg_limbo_handshake_result(p, (size_t)best, &outcomes[best]);
    describe(p, (size_t)best, &outcomes[best], e->context, sizeof e->context);
    e->hung = e->result == MG_LIMBO_HANG;
    for (size_t i = first; i < end; i++) {
        mg_limbo_result r = mg_limbo_handshake_result(p, i, &outcomes[i]);
        if (p->keys[i].validator != validator || r == MG_LIMBO_SKIPPED || r == e->result) continue;
        e->hung |= r == MG_LIMBO_HANG;
        e->inconsistent = true;
        char other[256];
        describe(p, i, &outcomes[i], other, sizeof other);
        append(e->context, sizeof e->context, " | differs: ");
        append(e->context, sizeof e->context, other);
    }
    return true;
}

static void count(mg_limbo_harness *h, const mg_limbo_entry *e)
{
    if (!e->own_kind) return;
    if (e->result == MG_LIMBO_SKIPPED) h->skipped++;
    else if (e->agrees) h->agree++;
    else h->disagree++;
    h->hang += e->hung;
    h->inconsistent += e->inconsistent;
}

static MG_RESULT judge_harness(const mg_limbo_plan *p, const mg_case_outcome *outcomes,
                               mg_limbo_harness *h)
{
    h->entries = calloc(p->count ? p->count : 1, sizeof *h->entries);
    MG_ENSURE(h->entries, MG_E_INTERNAL, "out of memory");
    for (size_t first = 0, end; first < p->count; first = end) {
        size_t t = p->keys[first].testcase;
        for (end = first; end < p->count && p->keys[end].testcase == t; end++) {}
        const mg_limbo_testcase *tc = &p->suite->items[t];
        mg_limbo_entry *e = &h->entries[h->count++];
        *e = (mg_limbo_entry){.testcase = t, .result = MG_LIMBO_SKIPPED, .primary = -1};
        e->own_kind = mg_limbo_validator_role(tc->kind) == h->role;
        if (e->own_kind) {
            if (!judge(p, outcomes, first, end, h->stack, e)) {
                h->count--;
                continue;
            }
            e->agrees = (e->result == MG_LIMBO_SUCCESS && tc->expect_success) ||
                        (e->result == MG_LIMBO_FAILURE && !tc->expect_success);
        } else {
            snprintf(e->context, sizeof e->context, "%s testcase: judged by the %s (harness "
                     "mtlsgrid-%s-%s)", tc->kind == MG_LIMBO_SERVER ? "SERVER" : "CLIENT",
                     role_name(mg_limbo_validator_role(tc->kind)), h->stack->name,
                     role_name(mg_limbo_validator_role(tc->kind)));
        }
        mg_limbo_make_utf8(e->context);
        count(h, e);
    }
    return MG_OK;
}

mg_result mg_limbo_judge(const mg_limbo_plan *p, const mg_case_outcome *outcomes,
                         mg_limbo_harness **out, size_t *count_out)
{
    *count_out = p->axes.stack_count * 2;
    *out = calloc(*count_out ? *count_out : 1, sizeof **out);
    MG_ENSURE(*out, MG_E_INTERNAL, "out of memory");
    for (size_t i = 0; i < *count_out; i++) {
        mg_limbo_harness *h = &(*out)[i];
        h->stack = p->axes.stacks[i / 2];
        h->role = i % 2 ? MG_ROLE_SERVER : MG_ROLE_CLIENT;
        snprintf(h->name, sizeof h->name, "mtlsgrid-%s-%s", h->stack->name, role_name(h->role));
        MG_GUARD(judge_harness(p, outcomes, h));
    }
    return MG_OK;
}

void mg_limbo_harnesses_free(mg_limbo_harness *harnesses, size_t count)
{
    for (size_t i = 0; harnesses && i < count; i++) free(harnesses[i].entries);
    free(harnesses);
}
