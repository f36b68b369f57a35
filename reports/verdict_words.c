#include "verdict_words.h"

#include <stdio.h>

/* One entry per reason (no default case), so a new reason without words fails to build
 * cleanly under -Wswitch. */
const char *mg_reason_words(mg_reason reason)
{
    switch (reason) {
    case MG_REASON_NONE: return "no reason given";
    case MG_REASON_UNKNOWN_CA: return "its chain does not lead to a CA this side trusts";
    case MG_REASON_EXPIRED: return "a certificate in its chain has expired";
    case MG_REASON_NOT_YET_VALID: return "a certificate in its chain is not valid yet";
    case MG_REASON_REVOKED: return "a certificate in its chain is revoked";
    case MG_REASON_REVOCATION_UNKNOWN:
        return "its revocation status cannot be established (CRL or OCSP answer missing, stale or "
               "bad)";
    case MG_REASON_BAD_PURPOSE: return "its extended key usage does not allow this role";
    case MG_REASON_BAD_KEY_USAGE: return "its key usage does not allow the signature TLS needs";
    case MG_REASON_HOSTNAME_MISMATCH: return "it is not valid for the name the client asked for";
    case MG_REASON_NO_CERTIFICATE: return "no certificate was sent";
    case MG_REASON_BAD_SIGNATURE:
        return "a signature does not verify (in its chain, or its proof of holding the key)";
    case MG_REASON_INVALID_CA: return "an issuer in its chain may not act as a CA";
    case MG_REASON_PATH_LENGTH: return "the chain is longer than a CA's path length allows";
    case MG_REASON_NAME_CONSTRAINTS: return "a name in it violates a CA's name constraints";
    case MG_REASON_INSECURE_ALGORITHM: return "it uses a weak key or signature algorithm";
    case MG_REASON_CRITICAL_EXTENSION:
        return "it carries a critical extension the verifier does not understand";
    case MG_REASON_KEY_MISMATCH: return "the private key does not belong to the certificate";
    case MG_REASON_BAD_CREDENTIAL: return "the certificate or key could not be loaded";
    case MG_REASON_OTHER: return "for another reason (see the stack's own words)";
    case MG_REASON_COUNT: break;
    }
    return "?";
}

void mg_verdict_words(mg_verdict v, char *buf, size_t len)
{
    const char *why = mg_reason_words(v.reason);
    switch (v.kind) {
    case MG_VERDICT_OK:
        snprintf(buf, len, "the handshake and one round trip of data succeed");
        return;
    case MG_VERDICT_CLIENT_REJECTS:
        snprintf(buf, len, "the client refuses the server's certificate: %s", why);
        return;
    case MG_VERDICT_SERVER_REJECTS:
        snprintf(buf, len, "the server refuses the client's certificate: %s", why);
        return;
    case MG_VERDICT_CLIENT_ERROR:
        snprintf(buf, len, "the client cannot even start: %s", why);
        return;
    case MG_VERDICT_SERVER_ERROR:
        snprintf(buf, len, "the server cannot even start: %s", why);
        return;
    case MG_VERDICT_PROTOCOL:
        snprintf(buf, len, "the handshake fails for a reason other than a certificate (%s)",
                 mg_reason_name(v.reason));
        return;
    case MG_VERDICT_TIMEOUT: snprintf(buf, len, "the handshake did not finish in time"); return;
    case MG_VERDICT_CRASH: snprintf(buf, len, "a stack crashed"); return;
    case MG_VERDICT_KIND_COUNT: break;
    }
    snprintf(buf, len, "?");
}
