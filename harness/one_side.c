#include "one_side.h"

/* RFC 8446 6.2 alert descriptions that a judging peer sends about our certificate. */
static const struct {
    int alert;
    mg_reason reason;
} alert_reasons[] = {
    {42, MG_REASON_OTHER},            /* bad_certificate: says nothing more */
    {43, MG_REASON_BAD_PURPOSE},      /* unsupported_certificate */
    {44, MG_REASON_REVOKED},          /* certificate_revoked */
    {45, MG_REASON_EXPIRED},          /* certificate_expired */
    {46, MG_REASON_OTHER},            /* certificate_unknown */
    {48, MG_REASON_UNKNOWN_CA},       /* unknown_ca */
    {49, MG_REASON_OTHER},            /* access_denied: gnutls-serv's answer to any bad chain */
    {51, MG_REASON_BAD_SIGNATURE},    /* decrypt_error: CertificateVerify failed */
    {113, MG_REASON_REVOCATION_UNKNOWN}, /* bad_certificate_status_response */
    {116, MG_REASON_NO_CERTIFICATE},  /* certificate_required */
};

mg_reason mg_reason_from_alert(int alert)
{
    for (unsigned i = 0; i < sizeof alert_reasons / sizeof alert_reasons[0]; i++)
        if (alert_reasons[i].alert == alert) return alert_reasons[i].reason;
    return MG_REASON_OTHER;
}

static bool is_certificate_alert(int alert)
{
    for (unsigned i = 0; i < sizeof alert_reasons / sizeof alert_reasons[0]; i++)
        if (alert_reasons[i].alert == alert) return true;
    return false;
}

mg_verdict mg_verdict_seen_by(mg_role role, const mg_side_outcome *self, bool exchange_done)
{
    bool client = role == MG_ROLE_CLIENT;
    if (self->state == MG_SIDE_SETUP_FAILED)
        return (mg_verdict){client ? MG_VERDICT_CLIENT_ERROR : MG_VERDICT_SERVER_ERROR,
                            self->reason};
    if (self->state == MG_SIDE_REJECTED_PEER)
        return (mg_verdict){client ? MG_VERDICT_CLIENT_REJECTS : MG_VERDICT_SERVER_REJECTS,
                            self->reason};
    if (self->alert_received != MG_NO_ALERT && is_certificate_alert(self->alert_received))
        return (mg_verdict){client ? MG_VERDICT_SERVER_REJECTS : MG_VERDICT_CLIENT_REJECTS,
                            mg_reason_from_alert(self->alert_received)};
    /* After the exchange a peer that closes without close_notify leaves the side "failed":
     * the data that came back is what shows the peer accepted. */
    if (exchange_done && (self->state == MG_SIDE_OK || self->state == MG_SIDE_FAILED))
        return (mg_verdict){MG_VERDICT_OK, MG_REASON_NONE};
    return (mg_verdict){MG_VERDICT_PROTOCOL, MG_REASON_OTHER};
}
