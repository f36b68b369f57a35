/* The worker pool: the parent hands case indices to forked workers over pipes and reads back
 * fixed-size outcomes. A worker that dies mid-case gives that case `crash`; one that passes
 * the deadline is killed and gives `timeout`; either way a fresh worker takes its place. */
#include "runner.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

typedef struct {
    uint32_t index;
    mg_case_outcome outcome;
} wire_outcome; /* under PIPE_BUF, so one write() is atomic */

typedef struct {
    pid_t pid;
    int to_worker, from_worker;
    long busy;       /* case index in flight, or -1 */
    double deadline; /* monotonic seconds */
} worker;

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static bool read_full(int fd, void *buf, size_t len)
{
    size_t got = 0;
    while (got < len) {
        ssize_t n = read(fd, (char *)buf + got, len - got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        got += (size_t)n;
    }
    return true;
}

static _Noreturn void worker_main(const mg_case *cases, int in, int out)
{
    mg_context_cache *cache = mg_context_cache_new();
    uint32_t index;
    while (cache && read_full(in, &index, sizeof index)) {
        wire_outcome w = {.index = index};
        mg_run_case(&cases[index], cache, &w.outcome);
        if (write(out, &w, sizeof w) != (ssize_t)sizeof w) break;
    }
    mg_context_cache_free(cache);
    _exit(0);
}

/* The pool, so that a new worker can close its siblings' pipe ends: a sibling holding them
 * open would keep a finished worker from seeing the end of its input. */
typedef struct {
    worker *all;
    unsigned count;
} pool;

static void close_siblings(const pool *p, const worker *self)
{
    for (unsigned i = 0; i < p->count; i++) {
        if (&p->all[i] == self || !p->all[i].pid) continue;
        close(p->all[i].to_worker);
        close(p->all[i].from_worker);
    }
}

static MG_RESULT worker_start(worker *w, const mg_case *cases, const pool *p)
{
    int down[2], up[2];
    MG_ENSURE(pipe(down) == 0, MG_E_INTERNAL, "cannot make a pipe: %s", strerror(errno));
    if (pipe(up) != 0) {
        close(down[0]), close(down[1]);
        return mg_fail(MG_E_INTERNAL, "cannot make a pipe: %s", strerror(errno));
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        close(down[1]), close(up[0]);
        close_siblings(p, w);
        worker_main(cases, down[0], up[1]);
    }
    close(down[0]), close(up[1]);
    if (pid < 0) {
        close(down[1]), close(up[0]);
        return mg_fail(MG_E_INTERNAL, "cannot start a worker: %s", strerror(errno));
    }
    *w = (worker){pid, down[1], up[0], -1, 0};
    return MG_OK;
}

/* Ends a worker; returns how it ended, as text, for a crashed case's reason. */
static void worker_end(worker *w, bool kill_it, char *how, size_t len)
{
    close(w->to_worker);
    close(w->from_worker);
    if (kill_it) kill(w->pid, SIGKILL);
    int status = 0;
    while (waitpid(w->pid, &status, 0) < 0 && errno == EINTR) {}
    if (WIFSIGNALED(status))
        snprintf(how, len, "worker died from signal %d (%s)", WTERMSIG(status),
                 strsignal(WTERMSIG(status)));
    else
        snprintf(how, len, "worker exited with status %d mid-case", WEXITSTATUS(status));
    w->pid = 0;
}

typedef struct {
    const mg_case *cases;
    size_t count, next, finished;
    const mg_runner_options *options;
    mg_case_outcome *outcomes;
    double timeout;
    pool workers;
} run_state;

static void finish(run_state *rs, size_t index, const mg_case_outcome *o)
{
    rs->outcomes[index] = *o;
    rs->finished++;
    if (rs->options->on_outcome) rs->options->on_outcome(rs->options->ctx, index, o);
}

/* Gives an idle worker the next case that needs running; skipped cases finish here. */
static void dispatch(run_state *rs, worker *w)
{
    while (rs->next < rs->count && rs->cases[rs->next].skip_reason) {
        mg_case_outcome o;
        mg_run_case(&rs->cases[rs->next], NULL, &o);
        finish(rs, rs->next++, &o);
    }
    if (rs->next >= rs->count || !w->pid) return;
    uint32_t index = (uint32_t)rs->next;
    if (write(w->to_worker, &index, sizeof index) != (ssize_t)sizeof index) return;
    w->busy = (long)rs->next++;
    w->deadline = now_s() + rs->timeout;
}

static void lose_worker(run_state *rs, worker *w, mg_verdict_kind kind)
{
    mg_case_outcome o = {.verdict = {kind, MG_REASON_NONE}};
    char how[256];
    worker_end(w, kind == MG_VERDICT_TIMEOUT, how, sizeof how);
    if (kind == MG_VERDICT_TIMEOUT)
        snprintf(o.reason_text, sizeof o.reason_text, "no verdict within %.0f s; worker killed",
                 rs->timeout);
    else
        snprintf(o.reason_text, sizeof o.reason_text, "%s", how);
    o.ms = rs->timeout * 1e3;
    size_t index = (size_t)w->busy;
    w->busy = -1;
    if (kind == MG_VERDICT_CRASH) o.ms = 0;
    finish(rs, index, &o);
    if (rs->next < rs->count && !mg_ok(worker_start(w, rs->cases, &rs->workers))) w->pid = 0;
}

static void collect(run_state *rs, worker *w)
{
    wire_outcome msg;
    if (read_full(w->from_worker, &msg, sizeof msg) && (long)msg.index == w->busy) {
        w->busy = -1;
        finish(rs, msg.index, &msg.outcome);
    } else {
        lose_worker(rs, w, MG_VERDICT_CRASH);
    }
}

static void wait_and_collect(run_state *rs, worker *workers, unsigned n)
{
    struct pollfd fds[64];
    unsigned who[64], polled = 0;
    double soonest = 1e300, t = now_s();
    for (unsigned i = 0; i < n; i++) {
        if (workers[i].busy < 0) continue;
        fds[polled] = (struct pollfd){.fd = workers[i].from_worker, .events = POLLIN};
        who[polled++] = i;
        if (workers[i].deadline < soonest) soonest = workers[i].deadline;
    }
    if (!polled) return;
    int wait_ms = soonest <= t ? 0 : (int)((soonest - t) * 1e3) + 1;
    int ready = poll(fds, polled, wait_ms);
    for (unsigned k = 0; ready > 0 && k < polled; k++)
        if (fds[k].revents) collect(rs, &workers[who[k]]);
    t = now_s();
    for (unsigned i = 0; i < n; i++)
        if (workers[i].busy >= 0 && workers[i].deadline <= t)
            lose_worker(rs, &workers[i], MG_VERDICT_TIMEOUT);
}

mg_result mg_run_cases(const mg_case *cases, size_t count, const mg_runner_options *options,
                       mg_case_outcome *outcomes)
{
    run_state rs = {cases, count, 0, 0, options, outcomes,
                    options->timeout_seconds > 0 ? options->timeout_seconds : 10.0, {NULL, 0}};
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    unsigned n = options->jobs ? options->jobs : (unsigned)(cores > 0 ? cores : 1);
    if (n > 64) n = 64;
    if (n > count) n = count ? (unsigned)count : 1;
    worker workers[64] = {{0}};
    rs.workers = (pool){workers, n};
    void (*old_pipe)(int) = signal(SIGPIPE, SIG_IGN);
    mg_result r = MG_OK;
    for (unsigned i = 0; i < n && mg_ok(r); i++) r = worker_start(&workers[i], cases, &rs.workers);
    while (mg_ok(r) && rs.finished < count) {
        bool any_alive = false;
        for (unsigned i = 0; i < n; i++) {
            if (workers[i].pid && workers[i].busy < 0) dispatch(&rs, &workers[i]);
            any_alive |= workers[i].pid != 0;
        }
        if (!any_alive && rs.finished < count)
            r = mg_fail(MG_E_INTERNAL, "no worker could be started: %s", strerror(errno));
        else
            wait_and_collect(&rs, workers, n);
    }
    char how[128];
    for (unsigned i = 0; i < n; i++)
        if (workers[i].pid) worker_end(&workers[i], false, how, sizeof how);
    signal(SIGPIPE, old_pipe);
    return r;
}
