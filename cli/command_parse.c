#include "command.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const cli_option *find_option(const cli_command *cmd, const char *name, size_t len)
{
    for (size_t i = 0; i < cmd->option_count; i++)
        if (strlen(cmd->options[i].name) == len && strncmp(cmd->options[i].name, name, len) == 0)
            return &cmd->options[i];
    return NULL;
}

static mg_result set_value(const cli_command *cmd, const cli_option *o, const char *value,
                           void *args)
{
    void *slot = (char *)args + o->offset;
    char *end = NULL;
    errno = 0;
    switch (o->kind) {
    case OPT_FLAG: *(int *)slot = 1; return MG_OK;
    case OPT_STRING: *(const char **)slot = value; return MG_OK;
    case OPT_UINT: {
        unsigned long v = strtoul(value, &end, 10);
        MG_ENSURE(*value && !*end && !errno && v <= 1000000 && value[0] != '-', MG_E_USAGE,
                  "%s: --%s expects a whole number, got \"%s\"", cmd->name, o->name, value);
        *(unsigned *)slot = (unsigned)v;
        return MG_OK;
    }
    case OPT_DOUBLE: {
        double v = strtod(value, &end);
        MG_ENSURE(*value && !*end && !errno && v > 0, MG_E_USAGE,
                  "%s: --%s expects a positive number, got \"%s\"", cmd->name, o->name, value);
        *(double *)slot = v;
        return MG_OK;
    }
    }
    return mg_fail(MG_E_INTERNAL, "option kind");
}

mg_result cli_parse(const cli_command *cmd, int argc, char **argv, void *args, cli_rest *rest,
                    int *wants_help)
{
    *wants_help = 0;
    rest->positional_count = 0;
    bool options_done = false;
    bool seen[64] = {false}; /* an option given twice is a mistake, not "the last one wins" */
    for (int i = 0; i < argc; i++) {
        const char *arg = argv[i];
        if (options_done || arg[0] != '-' || arg[1] != '-' ) {
            MG_ENSURE(options_done || arg[0] != '-' || !arg[1], MG_E_USAGE,
                      "%s: unknown option %s (try: mtlsgrid %s --help)", cmd->name, arg, cmd->name);
            rest->positional[rest->positional_count++] = arg;
            continue;
        }
        if (!arg[2]) { options_done = true; continue; }
        if (strcmp(arg, "--help") == 0) { *wants_help = 1; return MG_OK; }
        const char *name = arg + 2, *eq = strchr(name, '=');
        size_t len = eq ? (size_t)(eq - name) : strlen(name);
        const cli_option *o = find_option(cmd, name, len);
        MG_ENSURE(o, MG_E_USAGE, "%s: unknown option --%.*s (try: mtlsgrid %s --help)", cmd->name,
                  (int)len, name, cmd->name);
        size_t which = (size_t)(o - cmd->options);
        MG_ENSURE(which >= 64 || !seen[which], MG_E_USAGE, "%s: --%s given twice", cmd->name,
                  o->name);
        if (which < 64) seen[which] = true;
        const char *value = NULL;
        if (o->kind != OPT_FLAG) {
            value = eq ? eq + 1 : (i + 1 < argc ? argv[++i] : NULL);
            MG_ENSURE(value, MG_E_USAGE, "%s: --%s needs a value (%s)", cmd->name, o->name,
                      o->value_name);
        } else {
            MG_ENSURE(!eq, MG_E_USAGE, "%s: --%s takes no value", cmd->name, o->name);
        }
        MG_GUARD(set_value(cmd, o, value, args));
    }
    MG_ENSURE(rest->positional_count >= cmd->min_positional, MG_E_USAGE,
              "%s: missing argument (usage: mtlsgrid %s %s)", cmd->name, cmd->name, cmd->synopsis);
    MG_ENSURE(rest->positional_count <= cmd->max_positional, MG_E_USAGE,
              "%s: unexpected argument \"%s\" (usage: mtlsgrid %s %s)", cmd->name,
              rest->positional[cmd->max_positional], cmd->name, cmd->synopsis);
    return MG_OK;
}

void cli_print_command_help(const cli_command *cmd)
{
    printf("usage: mtlsgrid %s %s\n\n%s\n\noptions:\n", cmd->name, cmd->synopsis, cmd->summary);
    for (size_t i = 0; i < cmd->option_count; i++) {
        const cli_option *o = &cmd->options[i];
        char left[64];
        snprintf(left, sizeof left, "--%s%s%s", o->name, o->kind == OPT_FLAG ? "" : " ",
                 o->kind == OPT_FLAG ? "" : o->value_name);
        printf("  %-26s %s\n", left, o->help);
    }
    printf("  %-26s %s\n", "--help", "show this help");
}

void cli_print_help(void)
{
    printf("usage: mtlsgrid COMMAND [OPTIONS]\n\n"
           "mTLS handshake conformance across TLS stacks, both directions.\n\ncommands:\n");
    for (const cli_command *const *c = mg_commands; *c; c++) {
        /* The first sentence (or clause) of the summary fits one line. */
        const char *s = (*c)->summary;
        int brief = (int)strcspn(s, ".:;");
        printf("  %-10s %.*s\n", (*c)->name, brief, s);
    }
    printf("\n'mtlsgrid COMMAND --help' describes a command. Exit status: 0 all as expected, "
           "1 unexpected outcomes, 2 bad usage or bad input.\n");
}
