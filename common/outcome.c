#include "outcome.h"

#include <stdio.h>
#include <string.h>

static const char *const verdict_kind_names[MG_VERDICT_KIND_COUNT] = {
    [MG_VERDICT_OK] = "ok",
    [MG_VERDICT_CLIENT_REJECTS] = "client-rejects",
    [MG_VERDICT_SERVER_REJECTS] = "server-rejects",
    [MG_VERDICT_CLIENT_ERROR] = "client-error",
    [MG_VERDICT_SERVER_ERROR] = "server-error",
    [MG_VERDICT_PROTOCOL] = "protocol",
    [MG_VERDICT_TIMEOUT] = "timeout",
    [MG_VERDICT_CRASH] = "crash",
};

static const char *const reason_names[MG_REASON_COUNT] = {
#define MG_REASON_NAME(id, text) [MG_REASON_##id] = text,
    MG_REASONS(MG_REASON_NAME)
#undef MG_REASON_NAME
};

const char *mg_verdict_kind_name(mg_verdict_kind kind)
{
    return kind < MG_VERDICT_KIND_COUNT ? verdict_kind_names[kind] : "?";
}

const char *mg_reason_name(mg_reason reason)
{
    return reason < MG_REASON_COUNT ? reason_names[reason] : "?";
}

bool mg_reason_parse(const char *text, mg_reason *out)
{
    for (int r = MG_REASON_NONE + 1; r < MG_REASON_COUNT; r++) {
        if (strcmp(text, reason_names[r]) == 0) {
            *out = (mg_reason)r;
            return true;
        }
    }
    return false;
}

static bool kind_takes_reason(mg_verdict_kind kind)
{
    return kind != MG_VERDICT_OK && kind != MG_VERDICT_TIMEOUT && kind != MG_VERDICT_CRASH;
}

void mg_verdict_format(mg_verdict v, char *buf, size_t len)
{
    if (kind_takes_reason(v.kind))
        snprintf(buf, len, "%s:%s", mg_verdict_kind_name(v.kind), mg_reason_name(v.reason));
    else
        snprintf(buf, len, "%s", mg_verdict_kind_name(v.kind));
}

bool mg_verdict_parse(const char *text, mg_verdict *out)
{
    const char *colon = strchr(text, ':');
    size_t kind_len = colon ? (size_t)(colon - text) : strlen(text);
    for (int k = 0; k < MG_VERDICT_KIND_COUNT; k++) {
        const char *name = verdict_kind_names[k];
        if (strlen(name) != kind_len || strncmp(text, name, kind_len) != 0) continue;
        out->kind = (mg_verdict_kind)k;
        out->reason = MG_REASON_NONE;
        if (!kind_takes_reason(out->kind)) return colon == NULL;
        return colon != NULL && mg_reason_parse(colon + 1, &out->reason);
    }
    return false;
}

bool mg_verdict_equal(mg_verdict a, mg_verdict b)
{
    return a.kind == b.kind && a.reason == b.reason;
}
