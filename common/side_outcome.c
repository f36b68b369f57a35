#include "outcome.h"

#include <stdio.h>
#include <string.h>

static const char *const side_state_names[] = {
    [MG_SIDE_OK] = "ok",
    [MG_SIDE_SETUP_FAILED] = "setup-failed",
    [MG_SIDE_REJECTED_PEER] = "rejected-peer",
    [MG_SIDE_FAILED] = "failed",
    [MG_SIDE_INCOMPLETE] = "incomplete",
};

const char *mg_side_state_name(mg_side_state state)
{
    if ((unsigned)state >= sizeof side_state_names / sizeof side_state_names[0]) return "?";
    return side_state_names[state];
}

void mg_side_outcome_init(mg_side_outcome *side)
{
    memset(side, 0, sizeof *side);
    side->state = MG_SIDE_INCOMPLETE;
    side->alert_sent = side->alert_received = MG_NO_ALERT;
}

void mg_side_outcome_clear(mg_side_outcome *side)
{
    memset(side, 0, sizeof *side);
    side->state = MG_SIDE_OK;
    side->reason = MG_REASON_NONE;
    side->alert_sent = side->alert_received = MG_NO_ALERT;
}

void mg_side_setup_failed(mg_side_outcome *side, mg_reason reason, long code, const char *words,
                          const char *fmt, va_list ap)
{
    mg_side_outcome_clear(side);
    side->state = MG_SIDE_SETUP_FAILED;
    side->reason = reason;
    side->native_code = code;
    int n = vsnprintf(side->native_text, sizeof side->native_text, fmt, ap);
    if (words && *words && n >= 0 && (size_t)n + 3 < sizeof side->native_text)
        snprintf(side->native_text + n, sizeof side->native_text - (size_t)n, ": %s", words);
}

void mg_case_outcome_init(mg_case_outcome *out)
{
    memset(out, 0, sizeof *out);
    mg_side_outcome_init(&out->client);
    mg_side_outcome_init(&out->server);
}
