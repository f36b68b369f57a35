/* The parser: options by name from the command's table, then the table's needs (required
 * options, one-of groups) and the number of positional arguments. */
#include "command.h"
#include "seconds.h"

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

static MG_RESULT set_value(const cli_command *cmd, const cli_option *o, const char *value,
                           void *args)
{
    void *slot = (char *)args + o->offset;
    char *end = NULL;
    errno = 0;
    switch (cli_option_type(o)) {
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
        char flag[96];
        snprintf(flag, sizeof flag, "%s: --%s", cmd->name, o->name);
        return mg_parse_seconds(flag, value, (double *)slot);
    }
    }
    return mg_fail(MG_E_INTERNAL, "option kind");
}

/* "--out DIR", or "--json" for a flag. */
static const char *spelled(const cli_option *o, char *buf, size_t len)
{
    snprintf(buf, len, "--%s%s%s", o->name, cli_option_type(o) == OPT_FLAG ? "" : " ",
             cli_option_type(o) == OPT_FLAG ? "" : o->value_name);
    return buf;
}

/* "give one of --a A, --b B or --c C" for the group of one-of rows that starts at first. */
static MG_RESULT refuse_group(const cli_command *cmd, size_t first, size_t end)
{
    char text[512] = "", one[96];
    size_t used = 0;
    for (size_t i = first; i < end && used < sizeof text; i++) {
        const char *glue = i == first ? "" : i + 1 == end ? " or " : ", ";
        int n = snprintf(text + used, sizeof text - used, "%s%s", glue,
                         spelled(&cmd->options[i], one, sizeof one));
        used += n > 0 ? (size_t)n : 0;
    }
    return mg_fail(MG_E_USAGE, "%s: give one of %s (try: mtlsgrid %s --help)", cmd->name, text,
                   cmd->name);
}

/* Every required option given, and at least one of each one-of group. */
static MG_RESULT check_needs(const cli_command *cmd, const bool *seen)
{
    char one[96];
    for (size_t i = 0; i < cmd->option_count && i < 64; i++) {
        const cli_option *o = &cmd->options[i];
        MG_ENSURE(cli_option_need_of(o) != OPT_REQUIRED || seen[i], MG_E_USAGE,
                  "%s: %s is required (try: mtlsgrid %s --help)", cmd->name,
                  spelled(o, one, sizeof one), cmd->name);
        if (cli_option_need_of(o) != OPT_ONE_OF ||
            (i > 0 && cli_option_need_of(&cmd->options[i - 1]) == OPT_ONE_OF)) continue;
        size_t end = i;
        bool any = false;
        while (end < cmd->option_count && cli_option_need_of(&cmd->options[end]) == OPT_ONE_OF) {
            any = any || (end < 64 && seen[end]);
            end++;
        }
        if (!any) return refuse_group(cmd, i, end);
    }
    return MG_OK;
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
        if (!options_done && strcmp(arg, "-h") == 0) { *wants_help = 1; return MG_OK; }
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
        if (cli_option_type(o) != OPT_FLAG) {
            value = eq ? eq + 1 : (i + 1 < argc ? argv[++i] : NULL);
            MG_ENSURE(value, MG_E_USAGE, "%s: --%s needs a value (%s)", cmd->name, o->name,
                      o->value_name);
        } else {
            MG_ENSURE(!eq, MG_E_USAGE, "%s: --%s takes no value", cmd->name, o->name);
        }
        MG_GUARD(set_value(cmd, o, value, args));
    }
    MG_ENSURE(rest->positional_count >= cmd->min_positional, MG_E_USAGE,
              "%s: missing argument %s (try: mtlsgrid %s --help)", cmd->name,
              cmd->positional ? cmd->positional : "", cmd->name);
    MG_ENSURE(rest->positional_count <= cmd->max_positional, MG_E_USAGE,
              "%s: unexpected argument \"%s\" (try: mtlsgrid %s --help)", cmd->name,
              rest->positional[cmd->max_positional], cmd->name);
    return check_needs(cmd, seen);
}
