#include "alert_names.h"

#include "outcome.h"

#include <stdio.h>

static const struct {
    int code;
    const char *name;
} alert_table[] = {
    {0, "close_notify"},           {10, "unexpected_message"},
    {20, "bad_record_mac"},        {22, "record_overflow"},
    {40, "handshake_failure"},     {42, "bad_certificate"},
    {43, "unsupported_certificate"}, {44, "certificate_revoked"},
    {45, "certificate_expired"},   {46, "certificate_unknown"},
    {47, "illegal_parameter"},     {48, "unknown_ca"},
    {49, "access_denied"},         {50, "decode_error"},
    {51, "decrypt_error"},         {70, "protocol_version"},
    {71, "insufficient_security"}, {80, "internal_error"},
    {86, "inappropriate_fallback"}, {90, "user_canceled"},
    {100, "no_renegotiation"},     {109, "missing_extension"},
    {110, "unsupported_extension"}, {112, "unrecognized_name"},
    {113, "bad_certificate_status_response"}, {115, "unknown_psk_identity"},
    {116, "certificate_required"}, {120, "no_application_protocol"},
};

static const char *known_name(int description)
{
    for (unsigned i = 0; i < sizeof alert_table / sizeof alert_table[0]; i++)
        if (alert_table[i].code == description) return alert_table[i].name;
    return NULL;
}

const char *mg_alert_name(int description, char *buf, unsigned len)
{
    if (description == MG_NO_ALERT) return "none";
    const char *name = known_name(description);
    if (name)
        snprintf(buf, len, "%s(%d)", name, description);
    else
        snprintf(buf, len, "alert(%d)", description);
    return buf;
}

const char *mg_alert_short_name(int description, char *buf, unsigned len)
{
    if (description == MG_NO_ALERT) return NULL;
    const char *name = known_name(description);
    if (name) return name;
    snprintf(buf, len, "alert(%d)", description);
    return buf;
}
