/* GnuTLS's randomness made deterministic for the flight targets. GnuTLS 3.7 keeps one
 * random generator per thread, seeded from getrandom() when the thread first asks; it has no
 * public hook to replace it. So the work runs on a fresh thread whose getrandom() answers
 * from an mg_det_stream: this file defines getrandom() for the whole program (symbol
 * interposition), deterministic only on such threads and the real system call elsewhere.
 * It defines clock_gettime() the same way (GnuTLS seeds with the precise time too): on a
 * pinned thread every clock reads the fixture time. */
#ifndef MG_PINNED_THREAD_GNUTLS_H
#define MG_PINNED_THREAD_GNUTLS_H

#include <stdint.h>

/* Runs fn(arg) on a new thread whose getrandom() is the stream seeded with `seed`, and waits
 * for it. Aborts when no thread can be made. */
void mg_run_pinned_thread(uint64_t seed, void (*fn)(void *arg), void *arg);

/* Starts fn(arg) on such a thread without waiting; mg_pinned_thread_join waits for it. */
typedef struct mg_pinned_thread mg_pinned_thread;
mg_pinned_thread *mg_pinned_thread_start(uint64_t seed, void (*fn)(void *arg), void *arg);
void mg_pinned_thread_join(mg_pinned_thread *thread);

#endif
