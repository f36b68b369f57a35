/* Subcommands and their options come from tables, as in git and the openssl apps, so the
 * help text and the parser cannot drift apart. */
#ifndef MG_COMMAND_H
#define MG_COMMAND_H

#include "mg_result.h"

#include <stddef.h>

typedef enum {
    OPT_FLAG,   /* --name           sets an int to 1 */
    OPT_STRING, /* --name VALUE     sets a const char * */
    OPT_UINT,   /* --name N         sets an unsigned */
    OPT_DOUBLE, /* --name SECONDS   sets a double: a duration, see seconds.h for its range */
} cli_option_kind;

/* Or'ed into a row's kind: whether a command line must hold the option (neither: it is
 * optional, "[--name VALUE]"). The usage line, the help and the parser all read it, so they
 * cannot disagree; a flag rather than a field so that the rows of optional options stay as
 * they are. */
typedef enum {
    OPT_OPTIONAL = 0,
    OPT_REQUIRED = 0x10, /* --name VALUE; the parser refuses a command line without it */
    OPT_ONE_OF = 0x20,   /* adjacent OPT_ONE_OF rows read (--a A | --b B); one at least is given */
} cli_option_need;

#define CLI_KIND_MASK 0x0fu
#define CLI_NEED_MASK 0x30u

typedef struct {
    const char *name; /* without the dashes */
    unsigned kind;        /* a cli_option_kind, with OPT_REQUIRED or OPT_ONE_OF or'ed in */
    size_t offset;        /* into the command's argument struct */
    const char *value_name;
    const char *help;
} cli_option;

static inline cli_option_kind cli_option_type(const cli_option *o)
{
    return (cli_option_kind)(o->kind & CLI_KIND_MASK);
}
static inline cli_option_need cli_option_need_of(const cli_option *o)
{
    return (cli_option_need)(o->kind & CLI_NEED_MASK);
}

typedef struct {
    const char **positional; /* what is left after the options */
    int positional_count;
} cli_rest;

typedef struct {
    const char *name;
    const char *positional; /* the positional arguments' names for the usage line, or NULL */
    const char *summary;
    const cli_option *options;
    size_t option_count;
    size_t args_size;     /* size of the argument struct the options fill */
    void (*defaults)(void *args);
    int min_positional, max_positional;
    int (*run)(void *args, const cli_rest *rest); /* returns the exit code */
} cli_command;

/* The table of every subcommand, NULL-terminated. */
extern const cli_command *const mg_commands[];

/* Parses argv (after the subcommand name) into args; MG_E_USAGE names the flag. */
MG_RESULT cli_parse(const cli_command *cmd, int argc, char **argv, void *args, cli_rest *rest,
                    int *wants_help);

/* The usage line after "mtlsgrid NAME", made from the positional names and the option table,
 * on one line (for messages and tests); MG_E_INTERNAL when it does not fit len. */
MG_RESULT cli_format_usage(const cli_command *cmd, char *buf, size_t len);
/* The first clause of the summary: what the top-level help lists for the command. */
MG_RESULT cli_format_brief(const cli_command *cmd, char *buf, size_t len);

/* " (required)", or " (one of --a, --b or --c is required)" for a row of a one-of group, or
 * "" for an optional row: what the help and the man page add to the row's help. */
MG_RESULT cli_format_need_note(const cli_command *cmd, size_t row, char *buf, size_t len);

/* The man page (roff, mtlsgrid.1) and the bash completion script, both from the tables; the
 * build writes them with the hidden commands "mtlsgrid __man" and "mtlsgrid __completion". */
MG_RESULT cli_print_man(void);
MG_RESULT cli_print_completion(void);

/* Help texts; the usage line, the prose and each option's help are wrapped to
 * CLI_HELP_COLUMNS (an option's continuation lines indented under its help column). */
#define CLI_HELP_COLUMNS 100
MG_RESULT cli_print_command_help(const cli_command *cmd);
MG_RESULT cli_print_help(void);

#define CLI_OPTIONS(table) table, sizeof table / sizeof table[0]

#endif
