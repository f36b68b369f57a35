#include "fault.h"

#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void mg_fault_inject(const char *case_id)
{
    const char *spec = getenv("MTLSGRID_FAULT");
    if (!spec || !*spec) return;
    char copy[1024];
    strncpy(copy, spec, sizeof copy - 1);
    copy[sizeof copy - 1] = '\0';
    char *save = NULL;
    for (char *item = strtok_r(copy, ";", &save); item; item = strtok_r(NULL, ";", &save)) {
        char *colon = strchr(item, ':');
        if (!colon || fnmatch(colon + 1, case_id, 0) != 0) continue;
        *colon = '\0';
        if (strcmp(item, "crash") == 0) abort();
        if (strcmp(item, "hang") == 0)
            for (int i = 0; i < 3600; i++) sleep(1); /* bounded: the runner kills it long before */
    }
}
