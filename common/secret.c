#include "secret.h"

#include "read_file.h"

#include <stdlib.h>
#include <string.h>

#define SECRET_FILE_MAX 4096

static MG_RESULT copy_secret(const char *what, const char *text, size_t len, char *buf,
                             size_t cap)
{
    MG_ENSURE(len < cap, MG_E_INPUT, "%s: the secret is longer than %zu bytes", what, cap - 1);
    memcpy(buf, text, len);
    buf[len] = '\0';
    return MG_OK;
}

static MG_RESULT from_file(const mg_secret_source *s, char *buf, size_t cap)
{
    unsigned char *data = NULL;
    size_t len = 0;
    mg_result r = mg_read_file_capped(s->file, SECRET_FILE_MAX, &data, &len);
    if (!mg_ok(r))
        return mg_fail(r.kind, "%s: %s", s->file_flag, mg_error_message());
    size_t line = strcspn((const char *)data, "\r\n");
    r = copy_secret(s->file, (const char *)data, line, buf, cap);
    mg_secret_free(data, len); /* no copy of the secret left in freed memory */
    return r;
}

mg_result mg_secret_resolve(const mg_secret_source *s, char *buf, size_t cap, const char **secret)
{
    *secret = NULL;
    MG_ENSURE(!(s->value && s->file), MG_E_USAGE, "give %s or %s, not both", s->flag,
              s->file_flag);
    if (s->value) {
        *secret = s->value;
        return MG_OK;
    }
    if (s->file) {
        MG_GUARD(from_file(s, buf, cap));
        *secret = buf;
        return MG_OK;
    }
    const char *env = s->env ? getenv(s->env) : NULL;
    if (!env) return MG_OK;
    MG_GUARD(copy_secret(s->env, env, strlen(env), buf, cap));
    *secret = buf;
    return MG_OK;
}

void mg_secret_wipe(void *data, size_t len)
{
    if (data) explicit_bzero(data, len);
}

void mg_secret_free(void *data, size_t len)
{
    mg_secret_wipe(data, len);
    free(data);
}
