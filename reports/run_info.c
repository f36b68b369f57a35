/* The run's metadata: when, where and as what command it ran. The tool and stack versions,
 * seed and time mode are filled by the caller, who has the registry and the matrix. */
#include "report.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

mg_result mg_utc_text(long long seconds, char *buf, size_t len)
{
    time_t t = (time_t)seconds;
    struct tm tm;
    MG_ENSURE(gmtime_r(&t, &tm) && strftime(buf, len, "%Y-%m-%dT%H:%M:%SZ", &tm) > 0,
              MG_E_INTERNAL, "cannot format the time %lld", seconds);
    return MG_OK;
}

/* The whole of /proc/self/cmdline (NUL-separated words) as a NULL-terminated list. */
static MG_RESULT read_command_line(char ***out)
{
    *out = NULL;
    FILE *f = fopen("/proc/self/cmdline", "rb");
    MG_ENSURE(f, MG_E_IO, "/proc/self/cmdline: cannot read: %s", strerror(errno));
    char text[65536];
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = '\0';
    size_t words = 0;
    for (size_t i = 0; i < n; i++) words += text[i] == '\0';
    char **list = calloc(words + 2, sizeof *list);
    MG_ENSURE(list, MG_E_INTERNAL, "out of memory");
    size_t k = 0;
    for (size_t i = 0; i < n; i += strlen(text + i) + 1) {
        list[k] = strdup(text + i);
        if (!list[k]) {
            for (size_t j = 0; j < k; j++) free(list[j]);
            free(list);
            return mg_fail(MG_E_INTERNAL, "out of memory");
        }
        k++;
    }
    *out = list;
    return MG_OK;
}

mg_result mg_run_info_start(mg_run_info *info)
{
    MG_GUARD(mg_utc_text((long long)time(NULL), info->started, sizeof info->started));
    if (gethostname(info->hostname, sizeof info->hostname) != 0) info->hostname[0] = '\0';
    info->hostname[sizeof info->hostname - 1] = '\0';
    return read_command_line(&info->command_line);
}

mg_result mg_run_info_end(mg_run_info *info)
{
    return mg_utc_text((long long)time(NULL), info->ended, sizeof info->ended);
}

void mg_run_info_free(mg_run_info *info)
{
    for (char **w = info->command_line; w && *w; w++) free(*w);
    free(info->command_line);
    info->command_line = NULL;
}
