#define _GNU_SOURCE /* getdents64 */
#include "temp_dir.h"

#include "path_join.h"
#include "remove_tree.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define SLOTS 16

/* The registry the handler reads: fixed slots, written before they are marked used. */
static char slots[SLOTS][4096];
static volatile sig_atomic_t used[SLOTS];
static pid_t slot_pid[SLOTS]; /* forked workers inherit the handler, never the folders */
static bool handlers_installed;

/* Removes what is in the folder fd, depth first, links not followed; async-signal-safe
 * (openat, getdents64, unlinkat, close). The folders here are a few levels deep. */
static void empty_folder(int fd, int depth)
{
    char buf[4096];
    for (int pass = 0; pass < 64; pass++) {
        bool removed_any = false;
        ssize_t n;
        while ((n = getdents64(fd, buf, sizeof buf)) > 0)
            for (ssize_t at = 0; at < n;) {
                struct dirent64 *e = (struct dirent64 *)(buf + at);
                at += e->d_reclen;
                const char *name = e->d_name;
                if (!strcmp(name, ".") || !strcmp(name, "..")) continue;
                if (unlinkat(fd, name, 0) == 0) {
                    removed_any = true;
                    continue;
                }
                int sub = depth < 16 ? openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW) : -1;
                if (sub < 0) continue;
                empty_folder(sub, depth + 1);
                close(sub);
                if (unlinkat(fd, name, AT_REMOVEDIR) == 0) removed_any = true;
            }
        /* removing entries while listing may skip some: list again until a pass removes none */
        if (!removed_any || lseek(fd, 0, SEEK_SET) != 0) return;
    }
}

static void install_handlers(void);

#define HELPER_SLOTS 4
static volatile sig_atomic_t helper_used[HELPER_SLOTS];
static pid_t helper_pid[HELPER_SLOTS], helper_owner[HELPER_SLOTS];

mg_result mg_temp_dir_register_helper(pid_t pid)
{
    install_handlers();
    for (int i = 0; i < HELPER_SLOTS; i++)
        if (!helper_used[i]) {
            helper_pid[i] = pid;
            helper_owner[i] = getpid();
            helper_used[i] = 1;
            return MG_OK;
        }
    return mg_fail(MG_E_INTERNAL, "more than %d helper processes at once", HELPER_SLOTS);
}

void mg_temp_dir_forget_helper(pid_t pid)
{
    for (int i = 0; i < HELPER_SLOTS; i++)
        if (helper_used[i] && helper_pid[i] == pid) helper_used[i] = 0;
}

void mg_temp_dir_remove_all_now(void)
{
    pid_t self = getpid();
    for (int i = 0; i < HELPER_SLOTS; i++) { /* kill and waitpid are async-signal-safe */
        if (!helper_used[i] || helper_owner[i] != self) continue;
        kill(helper_pid[i], SIGKILL);
        while (waitpid(helper_pid[i], NULL, 0) < 0 && errno == EINTR) {}
        helper_used[i] = 0;
    }
    for (int i = 0; i < SLOTS; i++) {
        if (!used[i] || slot_pid[i] != self) continue;
        int fd = open(slots[i], O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
        if (fd >= 0) {
            empty_folder(fd, 0);
            close(fd);
        }
        rmdir(slots[i]);
        used[i] = 0;
    }
}

static void on_signal(int sig)
{
    int saved = errno;
    mg_temp_dir_remove_all_now();
    signal(sig, SIG_DFL); /* then die of the signal, as the parent shell expects */
    raise(sig);
    errno = saved;
}

static const int handled_signals[] = {SIGINT, SIGTERM, SIGHUP};
#define HANDLED_COUNT (sizeof handled_signals / sizeof handled_signals[0])

static void handled_set(sigset_t *set)
{
    sigemptyset(set);
    for (size_t i = 0; i < HANDLED_COUNT; i++) sigaddset(set, handled_signals[i]);
}

static void install_handlers(void)
{
    if (handlers_installed) return;
    handlers_installed = true;
    struct sigaction sa = {.sa_handler = on_signal};
    handled_set(&sa.sa_mask);
    const int *sigs = handled_signals;
    for (size_t i = 0; i < HANDLED_COUNT; i++) {
        struct sigaction old;
        /* a signal the caller chose to ignore (nohup) stays ignored */
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN) continue;
        sigaction(sigs[i], &sa, NULL);
    }
}

void mg_temp_dir_hold_signals(sigset_t *saved)
{
    install_handlers();
    sigset_t held;
    handled_set(&held);
    sigprocmask(SIG_BLOCK, &held, saved);
}

void mg_temp_dir_release_signals(const sigset_t *saved) { sigprocmask(SIG_SETMASK, saved, NULL); }

mg_result mg_temp_dir_register(const char *path)
{
    install_handlers();
    for (int i = 0; i < SLOTS; i++)
        if (!used[i]) {
            MG_GUARD(mg_path_format(slots[i], sizeof slots[i], "%s", path));
            slot_pid[i] = getpid();
            used[i] = 1;
            return MG_OK;
        }
    return mg_fail(MG_E_INTERNAL, "more than %d temporary folders at once", SLOTS);
}

void mg_temp_dir_forget(const char *path)
{
    for (int i = 0; i < SLOTS; i++)
        if (used[i] && !strcmp(slots[i], path)) used[i] = 0;
}

mg_result mg_temp_dir_make(const char *tag, char *path, size_t cap)
{
    const char *tmp = getenv("TMPDIR");
    if (!tmp || !*tmp) tmp = "/tmp";
    mg_result r = mg_path_format(path, cap, "%s/mtlsgrid-%s-XXXXXX", tmp, tag);
    sigset_t saved;
    mg_temp_dir_hold_signals(&saved);
    bool made = mg_ok(r) && mkdtemp(path) != NULL;
    if (mg_ok(r) && !made)
        r = mg_fail(MG_E_IO, "cannot make a temporary folder in %s (TMPDIR): %s", tmp,
                    strerror(errno));
    if (mg_ok(r)) r = mg_temp_dir_register(path);
    if (!mg_ok(r)) {
        if (made) rmdir(path);
        if (cap) path[0] = '\0';
    }
    mg_temp_dir_release_signals(&saved);
    return r;
}

void mg_temp_dir_remove(char *path)
{
    if (!path || !path[0]) return;
    mg_remove_tree(path); /* then forgotten: a signal meanwhile removes what is left */
    mg_temp_dir_forget(path);
    path[0] = '\0';
}
