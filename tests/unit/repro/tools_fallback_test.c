/* A stack that ships no stock tool for a side (.tools NULL, or a tools table without that
 * side's writer) still gets its commands.sh function: mtlsgrid serve or connect --stack S
 * --bundle . plays the bundle's side with it. The stand-ins need no backend; every flag the
 * functions write must be one that serve or connect accepts. */
#include "command.h"
#include "mg_test.h"
#include "repro_tools.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

static const mg_stack no_tools = {.name = "standin", .display = "Stand-In", .tools = NULL};
static const mg_stack_tools empty_tools = {0};
static const mg_stack empty_table = {.name = "emptytable", .display = "Empty",
                                     .tools = &empty_tools};

/* The function mg_repro_write_stack_function writes, read back from a temporary file. */
static void function_text(const mg_stack *s, mg_role role, const mg_repro_bundle *b,
                          char *buf, size_t len)
{
    buf[0] = '\0';
    FILE *f = tmpfile();
    CHECK(f != NULL);
    if (!f) return;
    CHECK(mg_ok(mg_repro_write_stack_function(f, s, role, b)));
    rewind(f);
    size_t n = fread(buf, 1, len - 1, f);
    buf[n] = '\0';
    fclose(f);
    CHECK(n > 0 && n < len - 1);
}

static const cli_command *command_named(const char *name)
{
    for (const cli_command *const *c = mg_commands; *c; c++)
        if (strcmp((*c)->name, name) == 0) return *c;
    return NULL;
}

static bool has_option(const cli_command *cmd, const char *name)
{
    for (size_t i = 0; i < cmd->option_count; i++)
        if (strcmp(cmd->options[i].name, name) == 0) return true;
    return false;
}

/* Every "--flag" word of text is an option of the command. */
static void check_flags_exist(const char *text, const char *command)
{
    const cli_command *cmd = command_named(command);
    CHECK(cmd != NULL);
    if (!cmd) return;
    for (const char *p = strstr(text, " --"); p; p = strstr(p + 1, " --")) {
        char flag[64];
        size_t n = 0;
        for (const char *q = p + 3; (isalnum((unsigned char)*q) || *q == '-') && n < 63; q++)
            flag[n++] = *q;
        flag[n] = '\0';
        if (!has_option(cmd, flag)) fprintf(stderr, "%s has no --%s: %s\n", command, flag, text);
        CHECK(has_option(cmd, flag));
    }
}

static void expect(const char *text, const char *part)
{
    if (!strstr(text, part)) fprintf(stderr, "missing \"%s\" in:\n%s\n", part, text);
    CHECK(strstr(text, part) != NULL);
}

typedef struct {
    mg_side_config client, server;
    mg_case c;
    mg_case_key key;
    mg_repro_case rc;
    mg_repro_bundle b;
} bundle_fixture;

static void make_bundle(bundle_fixture *x, const char *host, mg_policy policy,
                        mg_peer_check check)
{
    memset(x, 0, sizeof *x);
    x->client = (mg_side_config){.role = MG_ROLE_CLIENT, .tls = MG_TLS13, .policy = policy};
    x->server = (mg_side_config){.role = MG_ROLE_SERVER, .tls = MG_TLS13, .policy = policy,
                                 .peer_check = check};
    x->c = (mg_case){.client = &x->client, .server = &x->server};
    x->key = (mg_case_key){.tls = MG_TLS13, .policy = policy};
    x->rc.c = &x->c;
    x->rc.key = &x->key;
    x->b = (mg_repro_bundle){.dir = ".", .rc = &x->rc, .server_cert = true, .client_cert = true};
    snprintf(x->b.host, sizeof x->b.host, "%s", host);
}

static void check_strict_dns_case(const mg_stack *s)
{
    static bundle_fixture x;
    make_bundle(&x, "server.test", MG_POLICY_STRICT, MG_PEER_REQUIRED);
    char text[4096], want[256];

    function_text(s, MG_ROLE_SERVER, &x.b, text, sizeof text);
    snprintf(want, sizeof want, "server_%s() {\n", s->name);
    CHECK(strncmp(text, want, strlen(want)) == 0);
    snprintf(want, sizeof want, "\"${MTLSGRID:-mtlsgrid}\" serve --stack %s --bundle . ",
             s->name);
    expect(text, want);
    expect(text, "--host 127.0.0.1 --port \"$1\"");
    expect(text, "--count 1 --tls \"$TLS\" --policy strict --client-cert required");
    expect(text, "}\n");
    check_flags_exist(text, "serve");

    function_text(s, MG_ROLE_CLIENT, &x.b, text, sizeof text);
    snprintf(want, sizeof want, "client_%s() {\n", s->name);
    CHECK(strncmp(text, want, strlen(want)) == 0);
    snprintf(want, sizeof want, "\"${MTLSGRID:-mtlsgrid}\" connect --stack %s --bundle . ",
             s->name);
    expect(text, want);
    expect(text, "--host 127.0.0.1 --port \"$1\"");
    expect(text, "--tls \"$TLS\" --policy strict");
    CHECK(strstr(text, " serve ") == NULL && strstr(text, "--client-cert") == NULL);
    check_flags_exist(text, "connect");
}

/* An IPv6 case under minimal with an optional client certificate: the flags follow it. */
static void check_minimal_ipv6_case(void)
{
    static bundle_fixture x;
    make_bundle(&x, "::1", MG_POLICY_MINIMAL, MG_PEER_OPTIONAL);
    char text[4096];
    function_text(&no_tools, MG_ROLE_SERVER, &x.b, text, sizeof text);
    expect(text, "--host ::1 --port \"$1\"");
    expect(text, "--policy minimal --client-cert optional");
    check_flags_exist(text, "serve");
    function_text(&no_tools, MG_ROLE_CLIENT, &x.b, text, sizeof text);
    expect(text, "connect --stack standin --bundle . --host ::1 --port \"$1\"");
    expect(text, "--policy minimal");
    check_flags_exist(text, "connect");
}

int main(void)
{
    check_strict_dns_case(&no_tools);
    check_strict_dns_case(&empty_table); /* a tools table without writers: the same */
    check_minimal_ipv6_case();
    TEST_END();
}
