/* The request's flags checked and its CA and CRL files loaded once for every FILE. */
#include "inspect_internal.h"
#include "credential_read.h"
#include "inspect_read.h"
#include "inspect_time.h"
#include "secret.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Prefixes the failure's message with the flag it came from. */
static MG_RESULT for_flag(mg_result r, const char *flag)
{
    if (mg_ok(r)) return r;
    char message[1024];
    snprintf(message, sizeof message, "%s", mg_error_message());
    return mg_fail(r.kind, "%s: %s", flag, message);
}

static MG_RESULT parse_flags(const mg_inspect_request *req, mg_inspect_session *s)
{
    if (req->role) {
        MG_ENSURE(strcmp(req->role, "client") == 0 || strcmp(req->role, "server") == 0, MG_E_USAGE,
                  "inspect: --role expects client or server, got \"%s\"", req->role);
        s->role_given = true;
        s->role = strcmp(req->role, "client") == 0 ? MG_INSPECT_CLIENT : MG_INSPECT_SERVER;
    }
    if (req->host) {
        s->host_kind = mg_inspect_host_kind(req->host);
        MG_ENSURE(s->host_kind != MG_HOST_INVALID, MG_E_USAGE,
                  "inspect: --host \"%s\" is neither a DNS name nor an IP address", req->host);
        MG_GUARD(mg_strdup(req->host, &s->host));
    }
    MG_ENSURE(req->tool_count <= MG_INSPECT_TOOL_MAX && (req->tools || !req->tool_count),
              MG_E_INTERNAL, "inspect: %zu tools given, at most %d", req->tool_count,
              MG_INSPECT_TOOL_MAX);
    s->tools = req->tools;
    s->tool_count = req->tool_count;
    mg_secret_source secret = {"--p12-password", req->p12_password, "--p12-password-file",
                               req->p12_password_file, MG_P12_PASSWORD_ENV};
    MG_GUARD(mg_secret_resolve(&secret, s->p12_password_buf, sizeof s->p12_password_buf,
                               &s->p12_password));
    s->at = (int64_t)time(NULL);
    s->at_given = req->at && strcmp(req->at, "now") != 0;
    MG_ENSURE(!req->at || mg_inspect_parse_time(req->at, s->at, &s->at), MG_E_USAGE,
              "inspect: --at expects now, seconds since the epoch, or a UTC date and time such as "
              "2026-01-01 or 2026-01-01T00:00:00Z; got \"%s\"", req->at);
    return MG_OK;
}

static MG_RESULT load_key(const mg_inspect_request *req, mg_inspect_session *s)
{
    if (!req->key_file) return MG_OK;
    MG_GUARD(mg_strdup(req->key_file, &s->key_file));
    mg_secret_source secret = {NULL, NULL, "--key-password-file", req->key_password_file,
                               MG_KEY_PASSWORD_ENV};
    char buf[1024];
    const char *password;
    MG_GUARD(mg_secret_resolve(&secret, buf, sizeof buf, &password));
    mg_result r = password ? mg_credential_read_key_password(req->key_file, password, &s->key)
                           : mg_credential_read_key(req->key_file, &s->key);
    memset(buf, 0, sizeof buf);
    return for_flag(r, "inspect: --key");
}

static MG_RESULT load_files(const mg_inspect_request *req, mg_inspect_session *s)
{
    MG_GUARD(load_key(req, s));
    if (req->ca_file) {
        MG_GUARD(mg_strdup(req->ca_file, &s->ca_file));
        MG_GUARD(for_flag(mg_inspect_read_certs(req->ca_file, &s->anchors), "inspect: --ca"));
    }
    if (req->crl_file) {
        MG_GUARD(mg_strdup(req->crl_file, &s->crl_file));
        MG_GUARD(for_flag(mg_inspect_read_crls(req->crl_file, &s->crls), "inspect: --crl"));
    }
    return MG_OK;
}

mg_result mg_inspect_session_open(const mg_inspect_request *req, mg_inspect_session **out)
{
    *out = NULL;
    mg_inspect_session *s = calloc(1, sizeof *s);
    MG_ENSURE(s, MG_E_INTERNAL, "out of memory");
    mg_result r = parse_flags(req, s);
    if (mg_ok(r)) r = load_files(req, s);
    if (!mg_ok(r)) {
        mg_inspect_session_free(s);
        return r;
    }
    *out = s;
    return MG_OK;
}

void mg_inspect_session_free(mg_inspect_session *s)
{
    if (!s) return;
    free(s->host);
    free(s->ca_file);
    free(s->key_file);
    EVP_PKEY_free(s->key);
    free(s->crl_file);
    sk_X509_pop_free(s->anchors, X509_free);
    sk_X509_CRL_pop_free(s->crls, X509_CRL_free);
    free(s);
}
