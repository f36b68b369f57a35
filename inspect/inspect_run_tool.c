#define _GNU_SOURCE /* pipe2, posix_spawn_file_actions_addchdir_np */
/* Runs a stock tool for inspect without a shell: posix_spawnp in the folder of the files it
 * reads, standard input from /dev/null, standard output and error into one pipe, LC_ALL=C (the
 * words compared are the untranslated ones), killed at the deadline. Its argv names files only:
 * no secret ever reaches a tool's command line. */
#include "inspect_observe.h"

#include "seconds.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

#define MG_TOOL_OUTPUT_MAX (16 * 1024)

/* The caller's environment with every locale setting replaced by LC_ALL=C. */
static char **c_locale_environment(void)
{
    size_t n = 0;
    while (environ[n]) n++;
    char **env = calloc(n + 2, sizeof *env);
    if (!env) return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (strncmp(environ[i], "LC_", 3) != 0 && strncmp(environ[i], "LANG", 4) != 0)
            env[k++] = environ[i];
    env[k++] = "LC_ALL=C";
    env[k] = NULL;
    return env;
}

static int64_t now_ms(void) { return (int64_t)(mg_monotonic_seconds() * 1e3); }

/* Reads until end of output or the deadline; true when the tool closed its output in time. */
static bool read_output(int fd, int timeout_ms, char *buf, size_t cap, size_t *len)
{
    int64_t deadline = now_ms() + timeout_ms;
    for (;;) {
        int64_t left = deadline - now_ms();
        if (left <= 0) return false;
        struct pollfd p = {fd, POLLIN, 0};
        int ready = poll(&p, 1, (int)left);
        if (ready < 0 && errno == EINTR) continue;
        if (ready <= 0) return false;
        char chunk[4096];
        ssize_t got = read(fd, chunk, sizeof chunk);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) return true;
        size_t keep = (size_t)got < cap - 1 - *len ? (size_t)got : cap - 1 - *len;
        memcpy(buf + *len, chunk, keep); /* the rest is read and dropped: the tool never blocks */
        *len += keep;
    }
}

/* Waits for the tool to exit until the deadline; false when it is still running then. */
static bool exited_by(pid_t pid, int64_t deadline, int *status)
{
    for (;;) {
        pid_t got = waitpid(pid, status, WNOHANG);
        if (got == pid) return true;
        if (got < 0 && errno != EINTR) return true; /* nothing left to wait for */
        if (now_ms() >= deadline) return false;
        struct timespec pause = {0, 5 * 1000 * 1000};
        nanosleep(&pause, NULL);
    }
}

static MG_RESULT spawn(const char *dir, const char *const argv[], int out_fd, pid_t *pid,
                       int *spawn_error)
{
    posix_spawn_file_actions_t actions;
    MG_ENSURE(posix_spawn_file_actions_init(&actions) == 0, MG_E_INTERNAL, "out of memory");
    char **env = c_locale_environment();
    bool ready = env && posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY,
                                                         0) == 0 &&
                 posix_spawn_file_actions_adddup2(&actions, out_fd, 1) == 0 &&
                 posix_spawn_file_actions_adddup2(&actions, out_fd, 2) == 0 &&
                 posix_spawn_file_actions_addchdir_np(&actions, dir) == 0;
    *spawn_error = ready ? posix_spawnp(pid, argv[0], &actions, NULL, (char *const *)argv, env)
                         : ENOMEM;
    posix_spawn_file_actions_destroy(&actions);
    free(env);
    MG_ENSURE(*spawn_error != ENOMEM, MG_E_INTERNAL, "out of memory starting %s", argv[0]);
    return MG_OK;
}

mg_result mg_inspect_run_tool(const char *dir, const char *const argv[], int timeout_ms,
                              mg_tool_run *out)
{
    *out = (mg_tool_run){.exit_status = -1};
    int fds[2];
    MG_ENSURE(pipe2(fds, O_CLOEXEC) == 0, MG_E_INTERNAL, "pipe: %s", strerror(errno));
    pid_t pid = -1;
    int spawn_error = 0;
    mg_result r = spawn(dir, argv, fds[1], &pid, &spawn_error);
    close(fds[1]);
    if (!mg_ok(r) || spawn_error) {
        close(fds[0]);
        out->found = false; /* not on PATH, or not runnable: its words stay recorded */
        return r;
    }
    out->found = true;
    out->output = calloc(1, MG_TOOL_OUTPUT_MAX);
    size_t len = 0;
    int64_t deadline = now_ms() + timeout_ms;
    bool done = out->output && read_output(fds[0], timeout_ms, out->output, MG_TOOL_OUTPUT_MAX,
                                           &len);
    close(fds[0]);
    int status = 0;
    if (done && !exited_by(pid, deadline, &status)) done = false; /* closed its output, ran on */
    if (!done) {
        kill(pid, SIGKILL);
        out->timed_out = out->output != NULL;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    }
    if (WIFEXITED(status)) out->exit_status = WEXITSTATUS(status);
    MG_ENSURE(out->output, MG_E_INTERNAL, "out of memory");
    return MG_OK;
}

void mg_tool_run_free(mg_tool_run *run)
{
    free(run->output);
    *run = (mg_tool_run){0};
}
