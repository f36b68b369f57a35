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
    OPT_DOUBLE, /* --name SECONDS   sets a double */
} cli_option_kind;

typedef struct {
    const char *name; /* without the dashes */
    cli_option_kind kind;
    size_t offset;    /* into the command's argument struct */
    const char *value_name;
    const char *help;
} cli_option;

typedef struct {
    const char **positional; /* what is left after the options */
    int positional_count;
} cli_rest;

typedef struct {
    const char *name;
    const char *synopsis; /* positional arguments, for the usage line */
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
void cli_print_command_help(const cli_command *cmd);
void cli_print_help(void);

#define CLI_OPTIONS(table) table, sizeof table / sizeof table[0]

#endif
