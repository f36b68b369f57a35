/* The worker pool: the parent hands forked workers batches of consecutive cases that share
 * their configs (so one worker makes each context once and nobody else makes it again) and
 * reads back one fixed-size outcome per case as each ends. A worker that dies mid-case gives
 * that case `crash`; one that passes the deadline is killed and gives `timeout`; either way
 * the rest of its batch goes back in the queue and a fresh worker takes its place. */
#include "runner.h"

#include "fd_io.h"
#include "seconds.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_WORKERS 64
/* A batch never holds more than this many cases, nor more than a share of what is left, so
 * that the last batches are small and every worker finishes at about the same time. */
#define MAX_BATCH 64

typedef struct {
    uint32_t first, count;
} wire_batch;

typedef struct {
    uint32_t index;
    mg_case_outcome outcome;
} wire_outcome;
_Static_assert(sizeof(wire_outcome) <= PIPE_BUF, "one write() of an outcome must be atomic");

typedef struct {
    size_t first, end; /* cases [first, end) */
} case_range;

typedef struct {
    pid_t pid;
    int to_worker, from_worker;
    case_range batch; /* handed over and not yet back; empty when idle */
    double deadline;  /* monotonic seconds, for the case batch.first */
} worker;

/* Workers end with _exit (no atexit handlers, no flushing of the parent's buffers), which
 * also skips LeakSanitizer's check. MTLSGRID_LEAK_CHECK_WORKERS=1 runs it before the exit
 * when the build has it, and a leak fails the run. Off by default: GnuTLS 3.7.9 itself leaks
 * 100 bytes when a chain holds an intermediate whose name constraints exclude otherName
 * (x509-limbo's rfc5280::nc::nc-forbids-othername and its -noop twin). */
extern int __lsan_do_recoverable_leak_check(void) __attribute__((weak));
#define MG_WORKER_LEAKED 23

static bool leak_check_wanted(void)
{
    const char *on = getenv("MTLSGRID_LEAK_CHECK_WORKERS");
    return __lsan_do_recoverable_leak_check && on && strcmp(on, "1") == 0;
}

static _Noreturn void worker_main(const mg_case *cases, size_t count, int in, int out)
{
    mg_context_cache *cache = mg_context_cache_new();
    wire_batch batch;
    bool writing = true;
    while (cache && writing && mg_read_full(in, &batch, sizeof batch)) {
        for (uint32_t i = batch.first; writing && i - batch.first < batch.count && i < count;
             i++) {
            wire_outcome w = {.index = i};
            mg_run_case(&cases[i], cache, &w.outcome);
            writing = write(out, &w, sizeof w) == (ssize_t)sizeof w;
        }
    }
    mg_context_cache_free(cache);
    _exit(leak_check_wanted() && __lsan_do_recoverable_leak_check() ? MG_WORKER_LEAKED : 0);
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

/* A worker must not outlive the run: killed with its parent (PR_SET_PDEATHSIG, checked once
 * more after setting it in case the parent died in between), and the leader of its own process
 * group, which the parent kills as it ends the worker, taking whatever the worker started. */
static void bind_to_parent(pid_t parent)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(1);
    setpgid(0, 0);
}

static MG_RESULT worker_start(worker *w, const mg_case *cases, size_t count, const pool *p)
{
    int down[2], up[2];
    MG_ENSURE(pipe(down) == 0, MG_E_INTERNAL, "cannot make a pipe: %s", strerror(errno));
    if (pipe(up) != 0) {
        close(down[0]), close(down[1]);
        return mg_fail(MG_E_INTERNAL, "cannot make a pipe: %s", strerror(errno));
    }
    fflush(NULL);
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid == 0) {
        bind_to_parent(parent);
        close(down[1]), close(up[0]);
        close_siblings(p, w);
        worker_main(cases, count, down[0], up[1]);
    }
    close(down[0]), close(up[1]);
    if (pid < 0) {
        close(down[1]), close(up[0]);
        return mg_fail(MG_E_INTERNAL, "cannot start a worker: %s", strerror(errno));
    }
    setpgid(pid, pid); /* the worker does it too: whichever runs first */
    *w = (worker){pid, down[1], up[0], {0, 0}, 0};
    return MG_OK;
}

/* Ends a worker; says how it ended, as text, for a crashed case's reason, and returns its
 * exit status (-1 when killed by a signal). */
static int worker_end(worker *w, bool kill_it, char *how, size_t len)
{
    close(w->to_worker);
    close(w->from_worker);
    if (kill_it) kill(w->pid, SIGKILL);
    /* Once it has ended but before it is reaped, while its pid cannot name another process:
     * whatever is left of its group. */
    siginfo_t ended;
    while (waitid(P_PID, (id_t)w->pid, &ended, WEXITED | WNOWAIT) < 0 && errno == EINTR) {}
    kill(-w->pid, SIGKILL);
    int status = 0;
    while (waitpid(w->pid, &status, 0) < 0 && errno == EINTR) {}
    if (WIFSIGNALED(status))
        snprintf(how, len, "worker died from signal %d (%s)", WTERMSIG(status),
                 strsignal(WTERMSIG(status)));
    else
        snprintf(how, len, "worker exited with status %d mid-case", WEXITSTATUS(status));
    w->pid = 0;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

typedef struct {
    const mg_case *cases;
    size_t count, next, finished;
    const mg_runner_options *options;
    mg_case_outcome *outcomes;
    double timeout;
    pool workers;
    case_range requeued[MAX_WORKERS]; /* what lost workers left undone, run before `next` */
    unsigned requeued_count;
} run_state;

static void finish(run_state *rs, size_t index, const mg_case_outcome *o)
{
    rs->outcomes[index] = *o;
    rs->finished++;
    if (rs->options->on_outcome) rs->options->on_outcome(rs->options->ctx, index, o);
}

static bool same_group(const mg_case *a, const mg_case *b)
{
    if (b->skip_reason) return false;
    if (a->group || b->group) return a->group == b->group;
    return a->client == b->client && a->server == b->server &&
           a->resume_server == b->resume_server;
}

/* The next batch: cases of the first one's group (without a group: that share its configs),
 * up to a fair share. Skipped cases finish here, in the parent. */
static case_range next_batch(run_state *rs)
{
    if (rs->requeued_count) return rs->requeued[--rs->requeued_count];
    while (rs->next < rs->count && rs->cases[rs->next].skip_reason) {
        mg_case_outcome o;
        mg_run_case(&rs->cases[rs->next], NULL, &o);
        finish(rs, rs->next++, &o);
    }
    size_t first = rs->next, end = first < rs->count ? first + 1 : first;
    size_t share = rs->workers.count > 1 ? (rs->count - first) / (2 * rs->workers.count)
                                         : MAX_BATCH;
    size_t cap = share < 1 ? 1 : share > MAX_BATCH ? MAX_BATCH : share;
    while (end < rs->count && end - first < cap && same_group(&rs->cases[first], &rs->cases[end]))
        end++;
    rs->next = end;
    return (case_range){first, end};
}

static void requeue(run_state *rs, case_range r)
{
    if (r.first < r.end) rs->requeued[rs->requeued_count++] = r;
}

static bool work_left(const run_state *rs) { return rs->next < rs->count || rs->requeued_count; }

/* Replaces a lost worker; without a replacement the others take what is queued. */
static void restart(run_state *rs, worker *w)
{
    if (work_left(rs) && !mg_ok(worker_start(w, rs->cases, rs->count, &rs->workers))) w->pid = 0;
}

static void dispatch(run_state *rs, worker *w)
{
    case_range r = next_batch(rs);
    if (r.first >= r.end) return;
    wire_batch msg = {(uint32_t)r.first, (uint32_t)(r.end - r.first)};
    if (write(w->to_worker, &msg, sizeof msg) != (ssize_t)sizeof msg) {
        char how[128];
        requeue(rs, r);
        worker_end(w, true, how, sizeof how);
        restart(rs, w);
        return;
    }
    w->batch = r;
    w->deadline = mg_monotonic_seconds() + rs->timeout;
}

static void lose_worker(run_state *rs, worker *w, mg_verdict_kind kind)
{
    mg_case_outcome o;
    mg_case_outcome_init(&o);
    o.verdict = (mg_verdict){kind, MG_REASON_NONE};
    char how[256];
    worker_end(w, kind == MG_VERDICT_TIMEOUT, how, sizeof how);
    if (kind == MG_VERDICT_TIMEOUT) {
        char limit[32];
        mg_format_seconds(rs->timeout, limit, sizeof limit);
        snprintf(o.reason_text, sizeof o.reason_text, "no verdict within %s; worker killed",
                 limit);
    } else {
        snprintf(o.reason_text, sizeof o.reason_text, "%s", how);
    }
    o.ms = kind == MG_VERDICT_CRASH ? 0 : rs->timeout * 1e3;
    size_t index = w->batch.first;
    requeue(rs, (case_range){index + 1, w->batch.end});
    w->batch = (case_range){0, 0};
    finish(rs, index, &o);
    restart(rs, w);
}

static void collect(run_state *rs, worker *w)
{
    wire_outcome msg;
    if (mg_read_full(w->from_worker, &msg, sizeof msg) && msg.index == w->batch.first) {
        w->batch.first++;
        w->deadline = mg_monotonic_seconds() + rs->timeout;
        finish(rs, msg.index, &msg.outcome);
    } else {
        lose_worker(rs, w, MG_VERDICT_CRASH);
    }
}

static bool busy(const worker *w) { return w->pid && w->batch.first < w->batch.end; }

static void wait_and_collect(run_state *rs, worker *workers, unsigned n)
{
    struct pollfd fds[MAX_WORKERS];
    unsigned who[MAX_WORKERS], polled = 0;
    double soonest = 1e300, t = mg_monotonic_seconds();
    for (unsigned i = 0; i < n; i++) {
        if (!busy(&workers[i])) continue;
        fds[polled] = (struct pollfd){.fd = workers[i].from_worker, .events = POLLIN};
        who[polled++] = i;
        if (workers[i].deadline < soonest) soonest = workers[i].deadline;
    }
    if (!polled) return;
    int wait_ms = soonest <= t ? 0 : (int)((soonest - t) * 1e3) + 1;
    int ready = poll(fds, polled, wait_ms);
    for (unsigned k = 0; ready > 0 && k < polled; k++)
        if (fds[k].revents) collect(rs, &workers[who[k]]);
    t = mg_monotonic_seconds();
    for (unsigned i = 0; i < n; i++)
        if (busy(&workers[i]) && workers[i].deadline <= t)
            lose_worker(rs, &workers[i], MG_VERDICT_TIMEOUT);
}

mg_result mg_run_cases(const mg_case *cases, size_t count, const mg_runner_options *options,
                       mg_case_outcome *outcomes)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    unsigned n = options->jobs ? options->jobs : (unsigned)(cores > 0 ? cores : 1);
    if (n > MAX_WORKERS) n = MAX_WORKERS;
    if (n > count) n = count ? (unsigned)count : 1;
    worker workers[MAX_WORKERS] = {{0}};
    run_state rs = {.cases = cases, .count = count, .options = options, .outcomes = outcomes,
                    .timeout = options->timeout_seconds > 0 ? options->timeout_seconds : 10.0,
                    .workers = {workers, n}};
    void (*old_pipe)(int) = signal(SIGPIPE, SIG_IGN);
    mg_result r = MG_OK;
    for (unsigned i = 0; i < n && mg_ok(r); i++)
        r = worker_start(&workers[i], cases, count, &rs.workers);
    while (mg_ok(r) && rs.finished < count) {
        bool any_alive = false;
        for (unsigned i = 0; i < n; i++) {
            if (workers[i].pid && !busy(&workers[i])) dispatch(&rs, &workers[i]);
            any_alive |= workers[i].pid != 0;
        }
        if (!any_alive && rs.finished < count)
            r = mg_fail(MG_E_INTERNAL, "no worker could be started: %s", strerror(errno));
        else
            wait_and_collect(&rs, workers, n);
    }
    char how[128];
    for (unsigned i = 0; i < n; i++)
        if (workers[i].pid && worker_end(&workers[i], false, how, sizeof how) == MG_WORKER_LEAKED &&
            mg_ok(r))
            r = mg_fail(MG_E_INTERNAL, "a worker leaked memory (LeakSanitizer's report is above)");
    signal(SIGPIPE, old_pipe);
    return r;
}
