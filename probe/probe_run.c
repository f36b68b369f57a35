/* The probe's run: parse what the user gave, issue the set into a private folder, connect the
 * controls, then every other case (at most --jobs connections at once), report. */
#include "probe.h"

#include "gen.h"
#include "path_join.h"
#include "probe_state.h"
#include "registry.h"
#include "report.h"
#include "seconds.h"
#include "tcp.h"
#include "temp_dir.h"

#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_JOBS 32
#define DEFAULT_JOBS 4

static double now_ms(void) { return mg_monotonic_seconds() * 1e3; }

/* The certificates and keys issued for this run: 0700 under $TMPDIR, removed on a signal too. */
static MG_RESULT make_private_dir(char *dir, size_t cap)
{
    return mg_temp_dir_make("probe", dir, cap);
}

static MG_RESULT parse_options(mg_probe_state *s)
{
    const mg_probe_options *o = &s->o;
    MG_GUARD(mg_probe_url_parse(o->url, &s->url));
    MG_GUARD(mg_status_set_parse("reject-status",
                                 o->reject_status ? o->reject_status
                                                  : MG_PROBE_REJECT_STATUS_DEFAULT,
                                 &s->rules.reject));
    MG_GUARD(mg_status_set_parse("accept-status", o->accept_status, &s->rules.accept));
    for (int st = 100; st < 600; st++)
        MG_ENSURE(!(s->rules.accept.has[st] && s->rules.reject.has[st]), MG_E_USAGE,
                  "--accept-status and --reject-status both hold %d", st);
    s->rules.accept_body = o->accept_body && *o->accept_body ? o->accept_body : NULL;
    MG_GUARD(mg_tls_parse_list("--tls", o->tls, s->tls, &s->tls_count));
    s->stack = o->stack ? mg_stack_find(o->stack) : mg_stacks[0];
    MG_ENSURE(s->stack != NULL, MG_E_USAGE, "--stack %s: not a stack of this build (%s)",
              o->stack, mg_stack_names_text());
    MG_ENSURE(o->timeout >= 0 && o->timeout <= 600, MG_E_USAGE,
              "--timeout %g: give 0 to 600 seconds", o->timeout);
    s->timeout = o->timeout > 0 ? o->timeout : 10;
    s->jobs = o->jobs ? o->jobs : DEFAULT_JOBS;
    MG_ENSURE(s->jobs <= MAX_JOBS, MG_E_USAGE, "--jobs %u: at most %d", s->jobs, MAX_JOBS);
    s->server_trust = o->server_trust ? o->server_trust : o->ca_cert;
    MG_ENSURE(!o->servername || *o->servername, MG_E_USAGE, "--servername: empty");
    MG_GUARD(mg_report_check_formats(o->formats));
    if (s->url.port == 443 || strchr(s->url.host, ':'))
        snprintf(s->host_header, sizeof s->host_header, strchr(s->url.host, ':') ? "[%s]:%u" : "%s",
                 s->url.host, s->url.port);
    else
        snprintf(s->host_header, sizeof s->host_header, "%s:%u", s->url.host, s->url.port);
    return MG_OK;
}

static MG_RESULT plan_case(mg_probe_state *s, const mg_probe_defect *d, mg_tls_version tls,
                           mg_probe_case *c)
{
    memset(c, 0, sizeof *c);
    c->defect = d;
    c->tls = tls;
    snprintf(c->id, sizeof c->id, "probe-%s/%s-gateway/tls%s/probe", d->id, s->stack->name,
             mg_tls_name(tls));
    c->config = (mg_side_config){.role = MG_ROLE_CLIENT, .tls = tls, .policy = MG_POLICY_MINIMAL,
                                 .trust_file = s->server_trust,
                                 .server_name = d->sni_bypass ? s->o.servername : s->url.host};
    if (d->send != MG_PROBE_SEND_NONE) {
        MG_GUARD(mg_path_format(c->cert_file, sizeof c->cert_file, "%s/%s/%s", s->dir,
                                d->artifact,
                                d->send == MG_PROBE_SEND_CHAIN ? "chain.pem" : "cert.pem"));
        MG_GUARD(mg_path_format(c->key_file, sizeof c->key_file, "%s/%s/key.pem", s->dir,
                                d->artifact));
        c->config.credential.cert_file = c->cert_file;
        c->config.credential.key_file = c->key_file;
    }
    if (d->needs_pathlen && !s->pathlen_limited) {
        c->cls = MG_PROBE_NOT_RUN;
        snprintf(c->reason_text, sizeof c->reason_text,
                 "the intermediate (--ca-chain) has no pathLenConstraint 0 to break");
        return MG_OK;
    }
    mg_side_outcome why;
    mg_side_outcome_init(&why);
    MG_GUARD(s->stack->context_new(&c->config, NULL, &c->ctx, &why));
    if (!c->ctx) {
        c->cls = MG_PROBE_OUR_SIDE;
        mg_verdict_format((mg_verdict){MG_VERDICT_CLIENT_ERROR, why.reason}, c->verdict,
                          sizeof c->verdict);
        snprintf(c->reason_text, sizeof c->reason_text, "probe's client could not start: %s",
                 why.native_text);
    }
    return MG_OK;
}

static MG_RESULT plan_cases(mg_probe_state *s)
{
    s->cases = calloc(mg_probe_defect_count * s->tls_count, sizeof *s->cases);
    MG_ENSURE(s->cases != NULL, MG_E_INTERNAL, "out of memory");
    for (size_t d = 0; d < mg_probe_defect_count; d++) {
        if (mg_probe_defects[d].sni_bypass && !s->o.servername) continue;
        for (size_t t = 0; t < s->tls_count; t++)
            MG_GUARD(plan_case(s, &mg_probe_defects[d], s->tls[t], &s->cases[s->count++]));
    }
    return MG_OK;
}

static void connect_case(const mg_probe_state *s, mg_probe_case *c)
{
    if (!c->ctx) return; /* not run, or our client could not start */
    double start = now_ms();
    int fd = -1;
    mg_result r = mg_tcp_connect(s->url.host, s->url.port, s->timeout, &fd);
    if (!mg_ok(r)) {
        c->cls = MG_PROBE_NO_ANSWER;
        snprintf(c->verdict, sizeof c->verdict, "timeout");
        snprintf(c->reason_text, sizeof c->reason_text, "no connection: %s", mg_error_message());
        c->ms = now_ms() - start;
        return;
    }
    static __thread char response[16384];
    /* The SNI check keeps the URL's Host: only the SNI (the context's name) is the other's.
     * --timeout bounds the whole exchange, connecting included. */
    double deadline = mg_tcp_now() + s->timeout - (now_ms() - start) / 1e3;
    mg_tcp_request_one(s->stack, c->ctx, fd, s->host_header, s->url.path, deadline, response,
                       sizeof response, &c->tcp);
    c->ms = now_ms() - start;
    mg_tcp_close_gracefully(fd, 1.0);
    /* A hung gateway runs out the deadline: the whole timeout went by without an answer. */
    bool timed_out = c->tcp.verdict.kind == MG_VERDICT_TIMEOUT || c->ms >= s->timeout * 1e3 * 0.95;
    mg_probe_classify(&s->rules, &c->tcp, response, timed_out, c);
}

/* Set by SIGINT or SIGTERM: no new connection starts, and the run ends through its usual
 * clean-up (the private folder of keys removed) with nothing reported. */
static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
    (void)sig;
    interrupted = 1;
}

typedef struct {
    mg_probe_state *s;
    size_t next, end;
    bool controls; /* this pass runs the controls only */
    pthread_mutex_t lock;
} work_queue;

static void *worker(void *arg)
{
    work_queue *q = arg;
    for (;;) {
        pthread_mutex_lock(&q->lock);
        size_t i = q->next;
        while (i < q->end && mg_probe_is_control(&q->s->cases[i]) != q->controls) i++;
        q->next = i + 1;
        pthread_mutex_unlock(&q->lock);
        if (i >= q->end || interrupted) return NULL;
        connect_case(q->s, &q->s->cases[i]);
    }
}

static MG_RESULT connect_all(mg_probe_state *s, bool controls)
{
    work_queue q = {s, 0, s->count, controls, PTHREAD_MUTEX_INITIALIZER};
    pthread_t threads[MAX_JOBS];
    unsigned started = 0;
    for (; started < s->jobs; started++)
        if (pthread_create(&threads[started], NULL, worker, &q) != 0) break;
    if (started == 0) worker(&q); /* no thread: this one does the work */
    for (unsigned i = 0; i < started; i++) pthread_join(threads[i], NULL);
    MG_ENSURE(!interrupted, MG_E_IO, "interrupted: nothing was reported");
    return MG_OK;
}

/* The control must pass on every version, or nothing else means anything. */
static MG_RESULT check_controls(const mg_probe_state *s)
{
    for (size_t i = 0; i < s->count; i++) {
        const mg_probe_case *c = &s->cases[i];
        if (!mg_probe_is_control(c) || c->cls == MG_PROBE_ACCEPTED) continue;
        if (c->cls == MG_PROBE_NO_ANSWER)
            return mg_fail(MG_E_IO, "%s: the gateway did not answer on TLS %s: %s; nothing was "
                           "judged", s->o.url, mg_tls_name(c->tls), c->reason_text);
        return mg_fail(MG_E_INPUT,
                       "%s: the control certificate (valid, issued by --ca-cert %s) was not "
                       "accepted on TLS %s: %s. The gateway does not trust this CA for clients, "
                       "or the URL, --server-trust or --accept-status is wrong; nothing else "
                       "was judged",
                       s->o.url, s->o.ca_cert, mg_tls_name(c->tls), c->reason_text);
    }
    return MG_OK;
}

static MG_RESULT issue(mg_probe_state *s)
{
    MG_GUARD(make_private_dir(s->dir, sizeof s->dir));
    mg_gen_probe_options g = {s->o.ca_cert, s->o.ca_key, s->o.ca_chain, s->o.ca_chain_key, s->dir,
                              0};
    MG_GUARD(mg_gen_probe_set(&g, &s->pathlen_limited));
    if (s->o.crl_out) MG_GUARD(mg_probe_write_crl(s));
    return MG_OK;
}

static MG_RESULT probe(mg_probe_state *s, int *exit_code)
{
    MG_GUARD(parse_options(s));
    double start = now_ms();
    MG_GUARD(issue(s));
    MG_GUARD(plan_cases(s));
    printf("probe: %s with %s %s: %zu cases (%zu defects x %zu TLS versions)\n", s->o.url,
           s->stack->display, s->stack->version(), s->count, s->count / s->tls_count,
           s->tls_count);
    fflush(stdout);
    MG_GUARD(connect_all(s, true));
    MG_GUARD(check_controls(s));
    MG_GUARD(connect_all(s, false));
    s->wall_seconds = (now_ms() - start) / 1e3;
    return mg_probe_report(s, exit_code);
}

MG_RESULT mg_probe_run(const mg_probe_options *o, int *exit_code)
{
    mg_probe_state s = {.o = *o};
    struct sigaction sa = {.sa_handler = on_signal}, old_int, old_term;
    interrupted = 0;
    sigaction(SIGINT, &sa, &old_int);
    sigaction(SIGTERM, &sa, &old_term);
    mg_result r = probe(&s, exit_code);
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGTERM, &old_term, NULL);
    for (size_t i = 0; i < s.count; i++)
        if (s.cases[i].ctx) s.stack->context_free(s.cases[i].ctx);
    free(s.cases);
    if (s.dir[0]) mg_temp_dir_remove(s.dir);
    return r;
}
