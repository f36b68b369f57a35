#include "stack.h"

#include <string.h>

/* Names are what scenarios write in `needs` and what `mtlsgrid stacks` prints; texts are for
 * skip reasons. One row per MG_CAP_* bit (caps_test checks that none is missing). */
static const struct {
    unsigned cap;
    const char *name;
    const char *text;
} caps[] = {
    {MG_CAP_TLS12, "tls1.2", "TLS 1.2"},
    {MG_CAP_TLS13, "tls1.3", "TLS 1.3"},
    {MG_CAP_PKCS12, "pkcs12", "pkcs12"},
    {MG_CAP_CRL, "crl", "crl"},
    {MG_CAP_OCSP_STAPLE, "ocsp-staple", "stapling an OCSP response"},
    {MG_CAP_OCSP, "ocsp", "ocsp"},
    {MG_CAP_PINNED_TIME, "pinned-time", "verification at a pinned time"},
    {MG_CAP_HOST_IP, "host-ip", "host-ip"},
    {MG_CAP_SAN_ONLY, "san-only", "san-only"},
    {MG_CAP_SKIP_KEY_CHECK, "skip-key-check", "skip-key-check"},
    {MG_CAP_KEYLOG, "keylog", "keylog"},
    {MG_CAP_MAX_DEPTH, "max-depth", "max-depth"},
    {MG_CAP_POST_HANDSHAKE_AUTH, "post-handshake-auth", "TLS 1.3 post-handshake authentication"},
    {MG_CAP_CA_NAMES, "ca-names", "the CA names it sends in CertificateRequest"},
    {MG_CAP_CLIENT_CERT_SELECT, "client-cert-select",
     "choosing its certificate by the server's CA names"},
    {MG_CAP_RESUMPTION, "resumption", "session resumption"},
};

#define CAP_COUNT (sizeof caps / sizeof caps[0])

_Static_assert(CAP_COUNT == MG_CAP_COUNT, "every MG_CAP_* bit needs a row in caps.c");

unsigned mg_cap_at(size_t index) { return index < CAP_COUNT ? caps[index].cap : 0; }

const char *mg_cap_name(unsigned cap)
{
    for (size_t i = 0; i < CAP_COUNT; i++)
        if (caps[i].cap == cap) return caps[i].name;
    return NULL;
}

const char *mg_cap_text(unsigned cap)
{
    for (size_t i = 0; i < CAP_COUNT; i++)
        if (caps[i].cap == cap) return caps[i].text;
    return "?";
}

bool mg_cap_from_name(const char *name, unsigned *cap)
{
    for (size_t i = 0; i < CAP_COUNT; i++)
        if (strcmp(caps[i].name, name) == 0) {
            *cap = caps[i].cap;
            return true;
        }
    return false;
}
