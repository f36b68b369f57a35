/* The testcase's own fields against what mg_side_config can say. */
#include "limbo_express.h"

#include <stdio.h>
#include <string.h>

const char *mg_limbo_tls_purpose(mg_limbo_kind kind)
{
    return kind == MG_LIMBO_SERVER ? "serverAuth" : "clientAuth";
}

static const char *side_name(mg_limbo_kind kind)
{
    return kind == MG_LIMBO_SERVER ? "client" : "server";
}

/* Strict verification asks the TLS purpose of every chain: serverAuth by the client,
 * clientAuth by the server. Limbo may ask for that one or none; none is checked on the leaf. */
static bool eku_problem(const mg_limbo_testcase *t, char *why, size_t len)
{
    const char *purpose = mg_limbo_tls_purpose(t->kind);
    for (size_t i = 0; i < t->extended_key_usage.count; i++) {
        const char *eku = t->extended_key_usage.items[i];
        if (strcmp(eku, purpose) == 0) continue;
        snprintf(why, len, "extended_key_usage %s: a TLS %s can be told to require %s only", eku,
                 side_name(t->kind), purpose);
        return true;
    }
    return false;
}

static bool name_problem(const mg_limbo_testcase *t, char *why, size_t len)
{
    const char *kind = t->peer_name_kind;
    if (t->kind == MG_LIMBO_SERVER && kind && strcmp(kind, "DNS") != 0 && strcmp(kind, "IP") != 0) {
        snprintf(why, len, "expected_peer_name of kind %s: a TLS client verifies DNS names and IP "
                           "addresses only", kind);
        return true;
    }
    return false;
}

static bool field_problem(const mg_limbo_testcase *t, char *why, size_t len)
{
    if (!t->peer_key) {
        snprintf(why, len, "no peer_certificate_key: the peer cannot sign a handshake");
        return true;
    }
    if (t->signature_algorithms.count) {
        snprintf(why, len, "signature_algorithms constraint (%s...): no stack setting restricts "
                           "the algorithms of the peer's chain to a list",
                 t->signature_algorithms.items[0]);
        return true;
    }
    if (t->key_usage.count) {
        snprintf(why, len, "key_usage constraint (%s...): the stacks cannot be told which key "
                           "usages to require", t->key_usage.items[0]);
        return true;
    }
    return eku_problem(t, why, len) || name_problem(t, why, len);
}

void mg_limbo_unexpressible(const mg_limbo_testcase *t, char *why, size_t len)
{
    why[0] = '\0';
    if (field_problem(t, why, len)) return;
    mg_limbo_key_problem(t->peer_key, why, len);
    if (why[0]) return;
    mg_limbo_leaf_problem(t, why, len);
}
