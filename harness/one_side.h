/* Over TCP only one side is ours: its verdict comes from its own judgement, or from the alert
 * the peer sent when the peer judged (the peer's own words are not visible). */
#ifndef MG_ONE_SIDE_H
#define MG_ONE_SIDE_H

#include "stack.h"

mg_verdict mg_verdict_seen_by(mg_role role, const mg_side_outcome *self, bool exchange_done);

/* The reason a certificate alert from the peer stands for; MG_REASON_OTHER when unknown. */
mg_reason mg_reason_from_alert(int alert);

#endif
