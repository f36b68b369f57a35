/* One handshake's verdict read as the validator's answer. */
#include "limbo_results.h"

const char *mg_limbo_result_name(mg_limbo_result result)
{
    switch (result) {
    case MG_LIMBO_SUCCESS: return "SUCCESS";
    case MG_LIMBO_FAILURE: return "FAILURE";
    case MG_LIMBO_SKIPPED: return "SKIPPED";
    case MG_LIMBO_HANG: return "HANG";
    }
    return "?";
}

/* A protocol failure counts against the chain only when the validator refused: it sent the
 * alert. When only the presenting side did (it could not sign with its key, or refused the
 * validator's SNI), the chain never reached the validator. */
static mg_limbo_result protocol_result(const mg_case_outcome *o, bool client_validates)
{
    const mg_side_outcome *validator = client_validates ? &o->client : &o->server;
    const mg_side_outcome *presenter = client_validates ? &o->server : &o->client;
    bool presenter_refused = presenter->alert_sent != MG_NO_ALERT;
    return validator->alert_sent != MG_NO_ALERT || !presenter_refused ? MG_LIMBO_FAILURE
                                                                       : MG_LIMBO_SKIPPED;
}

mg_limbo_result mg_limbo_handshake_result(const mg_limbo_plan *plan, size_t index,
                                          const mg_case_outcome *o)
{
    if (o->skipped) return MG_LIMBO_SKIPPED;
    bool client_validates =
        mg_limbo_validator_role(plan->suite->items[plan->keys[index].testcase].kind) ==
        MG_ROLE_CLIENT;
    switch (o->verdict.kind) {
    case MG_VERDICT_OK: return MG_LIMBO_SUCCESS;
    case MG_VERDICT_TIMEOUT:
    case MG_VERDICT_CRASH: return MG_LIMBO_HANG;
    case MG_VERDICT_PROTOCOL: return protocol_result(o, client_validates);
    case MG_VERDICT_CLIENT_REJECTS:
    case MG_VERDICT_CLIENT_ERROR: return client_validates ? MG_LIMBO_FAILURE : MG_LIMBO_SKIPPED;
    case MG_VERDICT_SERVER_REJECTS:
    case MG_VERDICT_SERVER_ERROR: return client_validates ? MG_LIMBO_SKIPPED : MG_LIMBO_FAILURE;
    case MG_VERDICT_KIND_COUNT: break;
    }
    return MG_LIMBO_SKIPPED;
}
