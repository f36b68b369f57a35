/* A call made in a child comes back as the call would have here: success, or the kind and the
 * whole message of its failure; a child that dies says so, naming the call; what it leaves in
 * files is there; and stdio buffered before the call is written once, not once per process. */
#include "child_call.h"
#include "mg_test.h"
#include "path_join.h"
#include "test_matrix.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char scratch[4096];

static mg_result write_marker(void *arg)
{
    FILE *f = fopen(arg, "w");
    MG_ENSURE(f && fputs("written in the child\n", f) >= 0 && fclose(f) == 0, MG_E_IO,
              "cannot write %s", (const char *)arg);
    return MG_OK;
}

static mg_result fail_with_input_error(void *arg)
{
    (void)arg;
    char long_tail[1500];
    memset(long_tail, 'x', sizeof long_tail - 1);
    long_tail[sizeof long_tail - 1] = '\0';
    return mg_fail(MG_E_INPUT, "scenario bad.ini line 3: no such key %s", long_tail);
}

static mg_result die(void *arg)
{
    (void)arg;
    raise(SIGKILL);
    return MG_OK;
}

static mg_result pid_of_caller(void *arg)
{
    *(pid_t *)arg = getpid();
    return MG_OK;
}

static void check_success_and_its_file(void)
{
    char path[4096];
    CHECK(mg_ok(mg_path_join(path, sizeof path, scratch, "marker")));
    mg_child_call child;
    CHECK(mg_ok(mg_child_call_start(&child, write_marker, path)));
    CHECK(child.pid > 0);
    CHECK(mg_ok(mg_child_call_wait(&child, "writing the marker")));
    CHECK(child.pid == 0);
    CHECK(access(path, F_OK) == 0);
    CHECK(mg_ok(mg_child_call_wait(&child, "again"))); /* waited for: idle */
}

static void check_failure_comes_back_whole(void)
{
    mg_child_call child;
    CHECK(mg_ok(mg_child_call_start(&child, fail_with_input_error, NULL)));
    mg_result r = mg_child_call_wait(&child, "reading the scenario");
    CHECK(r.kind == MG_E_INPUT);
    const char *m = mg_error_message();
    CHECK(strncmp(m, "scenario bad.ini line 3: no such key xxx", 40) == 0);
    CHECK(strlen(m) == strlen("scenario bad.ini line 3: no such key ") + 1499);
}

static void check_death_is_named(void)
{
    mg_child_call child;
    CHECK(mg_ok(mg_child_call_start(&child, die, NULL)));
    mg_result r = mg_child_call_wait(&child, "writing junit.xml");
    CHECK(r.kind == MG_E_INTERNAL);
    CHECK(strstr(mg_error_message(), "writing junit.xml") != NULL);
    CHECK(strstr(mg_error_message(), "signal 9") != NULL);
}

/* The call runs elsewhere: its effects on this process's memory stay in the child. */
static void check_runs_in_another_process(void)
{
    pid_t seen = getpid();
    mg_child_call child;
    CHECK(mg_ok(mg_child_call_start(&child, pid_of_caller, &seen)));
    CHECK(mg_ok(mg_child_call_wait(&child, "asking")));
    CHECK(seen == getpid());
}

/* Text buffered before the fork reaches the file once. */
static void check_buffers_not_doubled(void)
{
    char path[4096];
    CHECK(mg_ok(mg_path_join(path, sizeof path, scratch, "stream")));
    FILE *f = fopen(path, "w");
    CHECK(f && setvbuf(f, NULL, _IOFBF, 4096) == 0 && fputs("once\n", f) >= 0);
    mg_child_call child;
    CHECK(mg_ok(mg_child_call_start(&child, pid_of_caller, &(pid_t){0})));
    CHECK(mg_ok(mg_child_call_wait(&child, "asking")));
    CHECK(f && fclose(f) == 0);
    char text[64] = "";
    f = fopen(path, "r");
    size_t n = f ? fread(text, 1, sizeof text - 1, f) : 0;
    if (f) fclose(f);
    text[n] = '\0';
    CHECK_STR(text, "once\n");
}

int main(void)
{
    CHECK(mg_test_scratch("child-call", scratch, sizeof scratch));
    check_success_and_its_file();
    check_failure_comes_back_whole();
    check_death_is_named();
    check_runs_in_another_process();
    check_buffers_not_doubled();
    mg_test_scratch_remove(scratch);
    TEST_END();
}
