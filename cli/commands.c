/* The table of subcommands: help and dispatch both read it. */
#include "command.h"

extern const cli_command mg_cmd_gen;
extern const cli_command mg_cmd_list;
extern const cli_command mg_cmd_run;
extern const cli_command mg_cmd_repro;
extern const cli_command mg_cmd_serve;
extern const cli_command mg_cmd_connect;
extern const cli_command mg_cmd_handshake;
extern const cli_command mg_cmd_inspect;
extern const cli_command mg_cmd_limbo;
extern const cli_command mg_cmd_bench;
extern const cli_command mg_cmd_stacks;
extern const cli_command mg_cmd_report;
extern const cli_command mg_cmd_compare;
extern const cli_command mg_cmd_probe;

const cli_command *const mg_commands[] = {
    &mg_cmd_gen,
    &mg_cmd_list,
    &mg_cmd_run,
    &mg_cmd_repro,
    &mg_cmd_serve,
    &mg_cmd_connect,
    &mg_cmd_handshake,
    &mg_cmd_inspect,
    &mg_cmd_limbo,
    &mg_cmd_bench,
    &mg_cmd_stacks,
    &mg_cmd_report,
    &mg_cmd_compare,
    &mg_cmd_probe,
    NULL,
};
