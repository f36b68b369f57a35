#include "pinned_thread_gnutls.h"

#include "det_stream.h"
#include "fixture.h"
#include "fuzz_require.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <sys/random.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static _Thread_local bool thread_is_pinned;
static _Thread_local mg_det_stream thread_stream;

/* Interposes libc's getrandom(): libgnutls calls it through the PLT. */
ssize_t getrandom(void *buf, size_t len, unsigned int flags)
{
    if (!thread_is_pinned) return syscall(SYS_getrandom, buf, len, flags);
    mg_det_stream_fill(&thread_stream, buf, len);
    return (ssize_t)len;
}

/* Interposes clock_gettime() too: GnuTLS mixes the precise time into a new generator's
 * nonce. On a pinned thread every clock reads the fixture time. */
int clock_gettime(clockid_t clock, struct timespec *now)
{
    if (!thread_is_pinned) return (int)syscall(SYS_clock_gettime, clock, now);
    now->tv_sec = (time_t)mg_fixture_time;
    now->tv_nsec = 0;
    return 0;
}

struct mg_pinned_thread {
    pthread_t id;
    uint64_t seed;
    void (*fn)(void *arg);
    void *arg;
};

static void *pinned_main(void *p)
{
    mg_pinned_thread *t = p;
    thread_is_pinned = true;
    mg_det_stream_seed(&thread_stream, t->seed);
    t->fn(t->arg);
    return NULL;
}

mg_pinned_thread *mg_pinned_thread_start(uint64_t seed, void (*fn)(void *arg), void *arg)
{
    mg_pinned_thread *t = calloc(1, sizeof *t);
    mg_fuzz_check(t != NULL, "out of memory for a pinned thread");
    t->seed = seed;
    t->fn = fn;
    t->arg = arg;
    mg_fuzz_check(pthread_create(&t->id, NULL, pinned_main, t) == 0, "pthread_create failed");
    return t;
}

void mg_pinned_thread_join(mg_pinned_thread *thread)
{
    pthread_join(thread->id, NULL);
    free(thread);
}

void mg_run_pinned_thread(uint64_t seed, void (*fn)(void *arg), void *arg)
{
    mg_pinned_thread_join(mg_pinned_thread_start(seed, fn, arg));
}
