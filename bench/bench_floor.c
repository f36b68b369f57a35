/* The floor: the stacks' own in-memory mTLS handshake programs (shared/bench/floor builds and
 * runs them), one line per stack: "<stack> tls<v> ... = <rate>/s (...)". */
#include "bench_measure.h"
#include "bench_spawn.h"
#include "data_dir.h"
#include "path_join.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void mg_bench_floor_parse(const char *text, mg_bench_floor *out)
{
    memset(out, 0, sizeof *out);
    for (const char *line = text; line && *line && out->count < 8;) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        char copy[512], stack[32];
        snprintf(copy, sizeof copy, "%.*s", (int)(len < sizeof copy ? len : sizeof copy - 1), line);
        const char *equals = strstr(copy, " = ");
        double rate = 0;
        char unit[3] = "";
        if (equals && sscanf(copy, "%31s tls", stack) == 1 &&
            sscanf(equals, " = %lf%2s", &rate, unit) == 2 && strcmp(unit, "/s") == 0 &&
            rate > 0) {
            snprintf(out->stacks[out->count], sizeof out->stacks[0], "%s", stack);
            out->per_s[out->count++] = rate;
        }
        line = end ? end + 1 : NULL;
    }
}

double mg_bench_floor_rate(const mg_bench_floor *floor, const char *stack)
{
    for (size_t i = 0; i < floor->count; i++)
        if (strcmp(floor->stacks[i], stack) == 0) return floor->per_s[i];
    return 0;
}

/* <repository>/../shared/bench/floor, the repository found through the data folder: a build
 * tree's BUILD/share/mtlsgrid/catalogue links to <repository>/scenarios/catalogue. An
 * installed binary has none (NULL). */
const char *mg_bench_default_floor(void)
{
    char data[4096], catalogue[4096];
    static char path[4096], resolved[4096];
    if (!mg_ok(mg_data_dir(data, sizeof data)) ||
        !mg_ok(mg_path_join(catalogue, sizeof catalogue, data, "catalogue")) ||
        !realpath(catalogue, resolved) ||
        !mg_ok(mg_path_join(path, sizeof path, resolved, "../../../shared/bench/floor")))
        return NULL;
    return realpath(path, resolved) && access(resolved, X_OK) == 0 ? resolved : NULL;
}

mg_result mg_bench_mkcerts_path(const char *floor, char *buf, size_t len, const char **path)
{
    *path = NULL;
    if (!floor || !strcmp(floor, "none")) floor = mg_bench_default_floor();
    const char *slash = floor ? strrchr(floor, '/') : NULL;
    if (!slash) return MG_OK;
    MG_GUARD(mg_path_format(buf, len, "%.*s/mkcerts.sh", (int)(slash - floor), floor));
    *path = buf;
    return MG_OK;
}

mg_result mg_bench_floor_run(const char *path, unsigned n, mg_tls_version tls,
                             mg_bench_floor *out)
{
    memset(out, 0, sizeof *out);
    MG_ENSURE(access(path, X_OK) == 0, MG_E_USAGE, "--floor: %s is not an executable program",
              path);
    char count[16];
    snprintf(count, sizeof count, "%u", n);
    const char *argv[] = {path, count, tls == MG_TLS12 ? "1.2" : "1.3", NULL};
    mg_child child;
    MG_GUARD(mg_child_start(argv, false, true, &child));
    char text[8192];
    int status = mg_child_finish(&child, 600, text, sizeof text);
    MG_ENSURE(status == 0, MG_E_INPUT, "floor %s exited with status %d", path, status);
    mg_bench_floor_parse(text, out);
    MG_ENSURE(out->count > 0, MG_E_INPUT, "floor %s printed no \"<stack> tls... = <rate>/s\" line",
              path);
    return MG_OK;
}
