/* mtlsgrid: finds the subcommand in the table, parses its options, runs it. */
#include "command.h"
#include "registry.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What a command printed is only out once stdout is flushed and closed: a full disk, a closed
 * pipe or /dev/full shows there, and a command whose output was lost must not exit 0. */
static int close_stdout(const char *command, int code)
{
    errno = 0;
    bool failed = fflush(stdout) != 0 || ferror(stdout);
    int err = errno ? errno : EIO;
    if (fclose(stdout) != 0 && !failed) failed = true, err = errno;
    if (!failed) return code;
    fprintf(stderr, "mtlsgrid: %s%scannot write the output: %s\n", command ? command : "",
            command ? ": " : "", strerror(err));
    return 2;
}

static int run(int argc, char **argv, const char **command);

int main(int argc, char **argv)
{
    const char *command = NULL;
    int code = run(argc, argv, &command);
    return close_stdout(command, code);
}

static int run(int argc, char **argv, const char **command)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        mg_result r = cli_print_help();
        if (!mg_ok(r)) fprintf(stderr, "mtlsgrid: %s\n", mg_error_message());
        return argc < 2 || !mg_ok(r) ? 2 : 0;
    }
    if (strcmp(argv[1], "--version") == 0) {
        char versions[512];
        mg_result r = mg_stack_versions_text(versions, sizeof versions);
        printf("mtlsgrid %s (%s)\n", MG_VERSION, mg_ok(r) ? versions : mg_error_message());
        return mg_ok(r) ? 0 : 2;
    }
    /* Hidden: the build writes the man page and the bash completion with these. */
    if (strcmp(argv[1], "__man") == 0 || strcmp(argv[1], "__completion") == 0) {
        mg_result r = argv[1][2] == 'm' ? cli_print_man() : cli_print_completion();
        if (!mg_ok(r)) fprintf(stderr, "mtlsgrid: %s\n", mg_error_message());
        return mg_exit_code(r);
    }
    const cli_command *cmd = NULL;
    for (const cli_command *const *c = mg_commands; *c; c++)
        if (strcmp((*c)->name, argv[1]) == 0) cmd = *c;
    if (cmd) *command = cmd->name;
    if (!cmd) {
        fprintf(stderr, "mtlsgrid: unknown command \"%s\" (try: mtlsgrid --help)\n", argv[1]);
        return 2;
    }
    void *args = calloc(1, cmd->args_size ? cmd->args_size : 1);
    const char **positional = calloc((size_t)argc, sizeof *positional);
    if (!args || !positional) return 2;
    if (cmd->defaults) cmd->defaults(args);
    cli_rest rest = {positional, 0};
    int wants_help = 0;
    mg_result r = cli_parse(cmd, argc - 2, argv + 2, args, &rest, &wants_help);
    int code;
    if (!mg_ok(r)) {
        fprintf(stderr, "mtlsgrid: %s\n", mg_error_message());
        code = 2;
    } else if (wants_help) {
        r = cli_print_command_help(cmd);
        if (!mg_ok(r)) fprintf(stderr, "mtlsgrid: %s\n", mg_error_message());
        code = mg_exit_code(r);
    } else {
        code = cmd->run(args, &rest);
    }
    free(args);
    free(positional);
    return code;
}
