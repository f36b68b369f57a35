/* The HOST:PORT of --connect, as curl and openssl s_client -connect write it. */
#include "live_connect.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

mg_result mg_live_parse_target(const char *text, char *host, size_t len, unsigned *port)
{
    const char *colon = strrchr(text, ':');
    const char *start = text, *end = colon;
    if (text[0] == '[') { /* [::1]:443: the brackets keep an IPv6 address's colons apart */
        const char *close = strchr(text, ']');
        MG_ENSURE(close && close[1] == ':', MG_E_USAGE,
                  "inspect: --connect \"%s\": expected [ADDRESS]:PORT", text);
        start = text + 1, end = close, colon = close + 1;
    } else {
        MG_ENSURE(colon && !memchr(text, ':', (size_t)(colon - text)), MG_E_USAGE,
                  "inspect: --connect \"%s\": expected HOST:PORT (an IPv6 address in brackets: "
                  "[::1]:443)", text);
    }
    MG_ENSURE(end > start && (size_t)(end - start) < len, MG_E_USAGE,
              "inspect: --connect \"%s\": no host before the port", text);
    char *stop = NULL;
    unsigned long value = strtoul(colon + 1, &stop, 10);
    MG_ENSURE(colon[1] >= '0' && colon[1] <= '9' && *stop == '\0' && value >= 1 && value <= 65535,
              MG_E_USAGE, "inspect: --connect \"%s\": the port must be 1 to 65535", text);
    memcpy(host, start, (size_t)(end - start));
    host[end - start] = '\0';
    *port = (unsigned)value;
    return MG_OK;
}
