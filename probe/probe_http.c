#include "probe_http.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

mg_result mg_probe_url_parse(const char *url, mg_probe_url *out)
{
    memset(out, 0, sizeof *out);
    static const char scheme[] = "https://";
    MG_ENSURE(strncasecmp(url, scheme, sizeof scheme - 1) == 0, MG_E_USAGE,
              "URL %s: probe takes an https:// URL (the gateway's TLS address)", url);
    const char *host = url + sizeof scheme - 1, *end = NULL;
    if (*host == '[') {
        end = strchr(host, ']');
        MG_ENSURE(end != NULL, MG_E_USAGE, "URL %s: an unclosed [ in the host", url);
        host++;
    } else {
        end = host + strcspn(host, ":/?#");
    }
    size_t len = (size_t)(end - host);
    MG_ENSURE(len > 0 && len < sizeof out->host, MG_E_USAGE, "URL %s: no host, or a host too "
              "long", url);
    memcpy(out->host, host, len);
    const char *rest = *end == ']' ? end + 1 : end;
    out->port = 443;
    if (*rest == ':') {
        char *after = NULL;
        long port = strtol(rest + 1, &after, 10);
        MG_ENSURE(after != rest + 1 && port > 0 && port <= 65535 && strchr("/?#", *after),
                  MG_E_USAGE, "URL %s: the port is not a number from 1 to 65535", url);
        out->port = (unsigned)port;
        rest = after;
    }
    MG_ENSURE(*rest == '\0' || *rest == '/', MG_E_USAGE, "URL %s: the path must start with /",
              url);
    const char *path = *rest ? rest : "/";
    MG_ENSURE(strlen(path) < sizeof out->path && !strpbrk(path, " \r\n\t"), MG_E_USAGE,
              "URL %s: the path is too long or holds spaces", url);
    snprintf(out->path, sizeof out->path, "%s", path);
    return MG_OK;
}

mg_result mg_status_set_parse(const char *flag, const char *list, mg_status_set *out)
{
    memset(out, 0, sizeof *out);
    if (!list) return MG_OK;
    MG_ENSURE(*list, MG_E_USAGE, "--%s: an empty list", flag);
    out->given = true;
    for (const char *p = list; *p;) {
        size_t len = strcspn(p, ",");
        int first = 0, last = 0;
        if (len == 3 && isdigit((unsigned char)p[0]) && (p[1] == 'x' || p[1] == 'X') &&
            (p[2] == 'x' || p[2] == 'X')) {
            first = (p[0] - '0') * 100, last = first + 99;
        } else if (len == 3 && isdigit((unsigned char)p[0]) && isdigit((unsigned char)p[1]) &&
                   isdigit((unsigned char)p[2])) {
            first = last = atoi(p);
        }
        MG_ENSURE(first >= 100 && last <= 599, MG_E_USAGE,
                  "--%s %s: \"%.*s\" is not an HTTP status (100-599) or class (4xx)", flag, list,
                  (int)len, p);
        for (int s = first; s <= last; s++) out->has[s] = true;
        p += len + (p[len] == ',');
    }
    return MG_OK;
}

bool mg_status_set_has(const mg_status_set *set, int status)
{
    return status >= 100 && status <= 599 && set->has[status];
}
