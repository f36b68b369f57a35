/* A handshake through each linked stack, that stack on both sides, under the strict policy
 * (what inspect's own checks report: purpose, CRLs for the whole chain, SAN-only names): the
 * verifying side trusts --ca, checks --crl and --host at --at; the other side presents the
 * FILE's chain. Copies of the certificates are written as PEM into a private folder (the key
 * stays in memory), and the cases run in the matrix's worker pool, so a stack that hangs or
 * crashes costs its deadline and is reported, never the inspection. */
#include "inspect_handshake.h"

#include "path_join.h"
#include "runner.h"
#include "stack.h"
#include "temp_dir.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MG_HANDSHAKE_DEADLINE_S 10.0

typedef struct {
    char dir[1024];
    char chain[512], trust[512], crls[512], peer_ca[512], peer_cert[512];
    /* The keys as PEM in memory (the presenter's: the user's --key, decrypted, or the
     * stand-in; the stand-in server's): never written to disk, as `handshake` keeps the
     * user's keys (mg_credential_bytes). */
    mg_inspect_key_pem key, peer_key;
} hs_files;

typedef struct {
    mg_side_config client, server;
    size_t tool, version; /* indexes in the report's handshakes */
    mg_tls_version tls;
} hs_plan;

static MG_RESULT write_files(const mg_inspect_subject *s, EVP_PKEY *key, hs_files *f)
{
    const mg_inspect_session *session = s->session;
    MG_GUARD(mg_temp_dir_make("inspect-handshake", f->dir, sizeof f->dir));
    MG_GUARD(mg_path_join(f->chain, sizeof f->chain, f->dir, "chain.pem"));
    MG_GUARD(mg_path_join(f->trust, sizeof f->trust, f->dir, "trust.pem"));
    MG_GUARD(mg_path_join(f->crls, sizeof f->crls, f->dir, "crls.pem"));
    MG_GUARD(mg_path_join(f->peer_ca, sizeof f->peer_ca, f->dir, "peer-ca.pem"));
    MG_GUARD(mg_path_join(f->peer_cert, sizeof f->peer_cert, f->dir, "peer.pem"));
    /* leaf first, as a TLS Certificate message has it and the stacks' loaders take it */
    MG_GUARD(mg_inspect_write_pem(f->chain, s->leaf, s->others, NULL));
    MG_GUARD(mg_inspect_key_pem_make(key, &f->key));
    MG_GUARD(mg_inspect_write_pem(f->trust, NULL, session->anchors, NULL));
    if (session->crls) MG_GUARD(mg_inspect_write_pem(f->crls, NULL, NULL, session->crls));
    if (s->role == MG_INSPECT_CLIENT)
        MG_GUARD(mg_inspect_standin_peer(session->at, f->peer_ca, f->peer_cert, &f->peer_key));
    return MG_OK;
}

/* With --key, each TLS version the stack has (their checks differ: wolfSSL 5.5 checks a
 * client certificate's keyUsage in TLS 1.2 only). With a stand-in key, TLS 1.2 alone: there
 * every stack judges the Certificate message before the signature that proves the key (RFC
 * 5246: ClientKeyExchange and CertificateVerify, or ServerKeyExchange, come after it), while in
 * TLS 1.3 GnuTLS 3.7 checks CertificateVerify first and the chain only then
 * (lib/handshake-tls13.c, STATE110-112 and STATE104-106): a stand-in key there would hide the
 * chain's verdict behind its own bad signature. */
static const mg_tls_version versions[MG_INSPECT_TLS_COUNT] = {MG_TLS12, MG_TLS13};

static bool attempted(const mg_stack *stack, bool stand_in, size_t v)
{
    if (versions[v] == MG_TLS13) return !stand_in && (stack->caps & MG_CAP_TLS13);
    return (stack->caps & MG_CAP_TLS12) != 0;
}

/* Why this stack's handshake cannot be run as asked (NULL: it can). */
static const char *cannot_run(const mg_inspect_subject *s, const mg_stack *stack, bool stand_in,
                              bool have_stand_in)
{
    const mg_inspect_session *session = s->session;
    if (!session->anchors) return "not run: it verifies a chain, give --ca";
    if (stand_in && !(stack->caps & MG_CAP_SKIP_KEY_CHECK))
        return "not run: it will not load a certificate with a key that is not the "
               "certificate's own, so without the private key it cannot present this chain: "
               "give --key to observe it";
    if (stand_in && !have_stand_in)
        return "not run: no stand-in key of this certificate's key type: give --key";
    if (stand_in && !(stack->caps & MG_CAP_TLS12))
        return "not run: without --key it needs TLS 1.2 (where the chain is judged before the "
               "key's signature), which it does not have: give --key";
    if (session->at_given && !(stack->caps & MG_CAP_PINNED_TIME))
        return "not run: it cannot verify at another instant than now (--at)";
    if (session->crls && !(stack->caps & MG_CAP_CRL)) return "not run: it cannot check CRLs";
    if (s->role == MG_INSPECT_SERVER && session->host && session->host_kind == MG_HOST_IP &&
        !(stack->caps & MG_CAP_HOST_IP))
        return "not run: it cannot check an IP address against the certificate";
    return NULL;
}

static void plan_sides(const mg_inspect_subject *s, const hs_files *f, const mg_stack *stack,
                       bool stand_in, hs_plan *p)
{
    const mg_inspect_session *session = s->session;
    bool client = s->role == MG_INSPECT_CLIENT;
    mg_side_config base = {
        .tls = p->tls,
        .policy = MG_POLICY_STRICT,
        .pin_time = (stack->caps & MG_CAP_PINNED_TIME) != 0, /* else --at was refused above */
        .verify_time = session->at,
    };
    mg_side_config presenter = base, verifier = base;
    presenter.credential = (mg_credential){.cert_file = f->chain};
    presenter.credential_bytes.key = (mg_memory_file){
        f->key.pem, f->key.len, session->key_file ? session->key_file : "(the stand-in key)"};
    presenter.skip_key_check = stand_in;
    verifier.trust_file = f->trust;
    verifier.crl_file = session->crls ? f->crls : NULL;
    if (client) {
        presenter.role = MG_ROLE_CLIENT;
        presenter.trust_file = f->peer_ca;
        presenter.server_name = MG_INSPECT_PEER_NAME;
        verifier.role = MG_ROLE_SERVER;
        verifier.credential = (mg_credential){.cert_file = f->peer_cert};
        verifier.credential_bytes.key =
            (mg_memory_file){f->peer_key.pem, f->peer_key.len, "(the stand-in server's key)"};
        verifier.peer_check = MG_PEER_REQUIRED;
        p->client = presenter, p->server = verifier;
    } else {
        presenter.role = MG_ROLE_SERVER;
        presenter.peer_check = MG_PEER_NONE;
        verifier.role = MG_ROLE_CLIENT;
        verifier.server_name = session->host;
        p->client = verifier, p->server = presenter;
    }
}

static bool has_reason(const mg_inspect_report *r, mg_reason reason)
{
    for (size_t i = 0; i < r->problem_count; i++)
        if (r->problems[i].cause->reason == reason) return true;
    return false;
}

/* Replaces every `from` in text (cap bytes) by `to`, cutting what no longer fits. */
static void replace_in(char *text, size_t cap, const char *from, const char *to)
{
    size_t from_len = strlen(from), to_len = strlen(to);
    for (char *hit = strstr(text, from); hit; hit = strstr(hit + to_len, from)) {
        size_t tail = strlen(hit + from_len), at = (size_t)(hit - text);
        if (at + to_len >= cap) {
            *hit = '\0';
            return;
        }
        if (at + to_len + tail >= cap) tail = cap - 1 - at - to_len;
        memmove(hit + to_len, hit + from_len, tail);
        memcpy(hit, to, to_len);
        hit[to_len + tail] = '\0';
    }
}

/* The stacks' words name the files they read: inspect's copies become the user's names. */
static void user_names(const mg_inspect_subject *s, const hs_files *f, char *text, size_t cap)
{
    const mg_inspect_session *session = s->session;
    const struct {
        const char *copy, *name;
    } names[] = {{f->chain, s->path},
                 {f->trust, session->ca_file ? session->ca_file : "(--ca)"},
                 {f->crls, session->crl_file ? session->crl_file : "(--crl)"},
                 {f->peer_ca, "(the stand-in server's CA)"},
                 {f->peer_cert, "(the stand-in server's certificate)"},
                 {f->dir, "(inspect's copies)"}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (names[i].copy[0]) replace_in(text, cap, names[i].copy, names[i].name);
}

static void judge(const mg_inspect_subject *s, const hs_files *f, const mg_inspect_report *r,
                  const mg_case_outcome *o, mg_inspect_handshake *h)
{
    bool client = s->role == MG_INSPECT_CLIENT;
    h->verdict = o->verdict;
    h->verifier = client ? o->server : o->client;
    h->presenter = client ? o->client : o->server;
    snprintf(h->reason_text, sizeof h->reason_text, "%s", o->reason_text);
    user_names(s, f, h->reason_text, sizeof h->reason_text);
    user_names(s, f, h->verifier.native_text, sizeof h->verifier.native_text);
    user_names(s, f, h->presenter.native_text, sizeof h->presenter.native_text);
    mg_verdict_kind refused = client ? MG_VERDICT_SERVER_REJECTS : MG_VERDICT_CLIENT_REJECTS;
    mg_verdict_kind not_sent = client ? MG_VERDICT_CLIENT_ERROR : MG_VERDICT_SERVER_ERROR;
    if (o->verdict.kind == MG_VERDICT_OK)
        h->judgement = MG_HANDSHAKE_ACCEPTED;
    else if (o->verdict.kind == refused && h->stand_in_key &&
             o->verdict.reason == MG_REASON_BAD_SIGNATURE)
        /* The verifier judges the chain on the Certificate message, before the signature a
         * stand-in key must fail: unless the chain's own signatures are in doubt, this is the
         * chain accepted. */
        h->judgement = has_reason(r, MG_REASON_BAD_SIGNATURE) ? MG_HANDSHAKE_UNCLEAR
                                                              : MG_HANDSHAKE_ACCEPTED;
    else if (o->verdict.kind == refused)
        h->judgement = MG_HANDSHAKE_REFUSED;
    else if (o->verdict.kind == not_sent)
        h->judgement = MG_HANDSHAKE_NOT_SENT;
    else
        h->judgement = MG_HANDSHAKE_FAILED;
}

static MG_RESULT run_planned(const mg_inspect_subject *s, const hs_files *f,
                             mg_inspect_report *r, const hs_plan *plans, size_t count)
{
    mg_case cases[MG_INSPECT_TOOL_MAX * MG_INSPECT_TLS_COUNT];
    mg_case_outcome outcomes[MG_INSPECT_TOOL_MAX * MG_INSPECT_TLS_COUNT];
    for (size_t i = 0; i < count; i++) {
        const mg_stack *stack = r->tools[plans[i].tool].stack;
        cases[i] = (mg_case){.id = "inspect", .client_stack = stack, .server_stack = stack,
                             .client = &plans[i].client, .server = &plans[i].server};
    }
    mg_runner_options options = {.jobs = count < 2 ? (unsigned)count : 2,
                                 .timeout_seconds = MG_HANDSHAKE_DEADLINE_S};
    MG_GUARD(mg_run_cases(cases, count, &options, outcomes));
    for (size_t i = 0; i < count; i++)
        judge(s, f, r, &outcomes[i], &r->handshakes[plans[i].tool][plans[i].version]);
    return MG_OK;
}

/* Marks each stack's attempts, by version, and plans those that can run. */
static MG_RESULT plan_all(const mg_inspect_subject *s, mg_inspect_report *r, bool stand_in,
                          bool have_stand_in, hs_plan *plans, size_t *count)
{
    for (size_t i = 0; i < r->tool_count; i++) {
        const mg_stack *stack = r->tools[i].stack;
        if (!stack) continue;
        const char *why = cannot_run(s, stack, stand_in, have_stand_in);
        for (size_t v = 0; v < MG_INSPECT_TLS_COUNT; v++) {
            /* a stack that cannot run says so once, on its first version */
            if (why ? v > 0 : !attempted(stack, stand_in, v)) continue;
            mg_inspect_handshake *h = &r->handshakes[i][v];
            *h = (mg_inspect_handshake){.stack_display = r->tools[i].display,
                                        .stand_in_key = stand_in, .tls = versions[v],
                                        .policy = MG_POLICY_STRICT};
            mg_side_outcome_init(&h->verifier);
            mg_side_outcome_init(&h->presenter);
            if (why && !(h->why_not = strdup(why))) return mg_fail(MG_E_INTERNAL, "out of memory");
            if (!why) plans[(*count)++] = (hs_plan){.tool = i, .version = v, .tls = versions[v]};
        }
    }
    return MG_OK;
}

mg_result mg_inspect_handshakes(const mg_inspect_subject *s, mg_inspect_report *r)
{
    bool stand_in = !s->session->key;
    EVP_PKEY *stand_in_key = stand_in ? mg_inspect_standin_key(s->leaf) : NULL;
    hs_plan plans[MG_INSPECT_TOOL_MAX * MG_INSPECT_TLS_COUNT];
    size_t count = 0;
    hs_files files = {0};
    mg_result res = plan_all(s, r, stand_in, stand_in_key != NULL, plans, &count);
    if (mg_ok(res) && count)
        res = write_files(s, stand_in ? stand_in_key : s->session->key, &files);
    for (size_t i = 0; mg_ok(res) && i < count; i++)
        plan_sides(s, &files, r->tools[plans[i].tool].stack, stand_in, &plans[i]);
    if (mg_ok(res) && count) res = run_planned(s, &files, r, plans, count);
    if (files.dir[0]) mg_temp_dir_remove(files.dir);
    mg_inspect_key_pem_free(&files.key);
    mg_inspect_key_pem_free(&files.peer_key);
    EVP_PKEY_free(stand_in_key);
    return res;
}

void mg_inspect_handshakes_free(mg_inspect_report *r)
{
    for (size_t i = 0; i < MG_INSPECT_TOOL_MAX; i++)
        for (size_t v = 0; v < MG_INSPECT_TLS_COUNT; v++) {
            free(r->handshakes[i][v].why_not);
            r->handshakes[i][v] = (mg_inspect_handshake){0};
        }
}
