/* The man page and the bash completion script, walked from the same tables as the help (see
 * command_help.c), so neither can drift from what the parser accepts. The build runs
 * "mtlsgrid __man" and "mtlsgrid __completion" to write them (cli/CMakeLists.txt). */
#include "command.h"

#include <stdio.h>
#include <string.h>

/* Text for roff: a backslash as \e, a dash as \- (so options copy and paste), and a line that
 * would start with a control character guarded by \&. */
static MG_RESULT roff_text(const char *text, int line_start)
{
    for (const char *p = text; *p; p++) {
        if (line_start && (*p == '.' || *p == '\'')) fputs("\\&", stdout);
        line_start = *p == '\n';
        if (*p == '\\') fputs("\\e", stdout);
        else if (*p == '-') fputs("\\-", stdout);
        else putchar(*p);
    }
    return ferror(stdout) ? mg_fail(MG_E_IO, "cannot write the man page") : MG_OK;
}

/* One option as a tagged paragraph: the option in bold, its value in italics, then its help
 * and what the table says about its need. */
static MG_RESULT man_option(const cli_command *cmd, size_t row)
{
    const cli_option *o = &cmd->options[row];
    char note[256];
    MG_GUARD(cli_format_need_note(cmd, row, note, sizeof note));
    fputs(".TP\n\\fB", stdout);
    MG_GUARD(roff_text("--", 0));
    MG_GUARD(roff_text(o->name, 0));
    fputs("\\fR", stdout);
    if (cli_option_type(o) != OPT_FLAG) {
        fputs(" \\fI", stdout);
        MG_GUARD(roff_text(o->value_name, 0));
        fputs("\\fR", stdout);
    }
    putchar('\n');
    MG_GUARD(roff_text(o->help, 1));
    MG_GUARD(roff_text(note, 0));
    putchar('\n');
    return MG_OK;
}

static MG_RESULT man_command(const cli_command *cmd)
{
    char usage[4096];
    MG_GUARD(cli_format_usage(cmd, usage, sizeof usage));
    printf(".SS %s\n.B mtlsgrid %s\n", cmd->name, cmd->name);
    MG_GUARD(roff_text(usage, 1));
    fputs("\n.PP\n", stdout);
    MG_GUARD(roff_text(cmd->summary, 1));
    putchar('\n');
    for (size_t i = 0; i < cmd->option_count; i++) MG_GUARD(man_option(cmd, i));
    fputs(".TP\n\\fB\\-h\\fR, \\fB\\-\\-help\\fR\nshow this command's help\n", stdout);
    return MG_OK;
}

mg_result cli_print_man(void)
{
    printf(".TH MTLSGRID 1 \"\" \"mtlsgrid %s\" \"User Commands\"\n", MG_VERSION);
    fputs(".SH NAME\nmtlsgrid \\- mTLS handshake conformance across TLS stacks, both "
          "directions\n"
          ".SH SYNOPSIS\n.B mtlsgrid\n.I COMMAND\n[\\fIOPTIONS\\fR]\n.br\n.B mtlsgrid\n"
          "\\-\\-version | \\-h | \\-\\-help\n"
          ".SH DESCRIPTION\nmtlsgrid runs mutual-TLS handshakes between the TLS stacks it is "
          "built with, in both directions, over a generated certificate matrix, and grades "
          "each case against the scenario catalogue and its known divergences.\n"
          ".PP\n.B mtlsgrid \\-\\-version\nprints the tool's version and each linked stack's.\n"
          ".SH COMMANDS\n", stdout);
    for (const cli_command *const *c = mg_commands; *c; c++) MG_GUARD(man_command(*c));
    fputs(".SH ENVIRONMENT\n"
          ".TP\n.B MTLSGRID_DATA\nthe data folder (catalogue/ and divergences/); by default "
          "share/mtlsgrid beside the binary's bin folder\n"
          ".TP\n.B MTLSGRID_SCENARIOS\nthe scenario folder, when no \\-\\-scenarios is given "
          "(default: the data folder)\n"
          ".TP\n.B NO_COLOR\nno colour in the progress line and verdicts\n"
          ".SH FILES\n"
          ".TP\n.I share/mtlsgrid/catalogue/*.ini\nthe scenario catalogue\n"
          ".TP\n.I share/mtlsgrid/divergences/*.ini\nthe known divergences of each stack\n"
          ".SH EXIT STATUS\n0 all as expected, 1 unexpected outcomes, 2 bad usage or bad "
          "input.\n", stdout);
    return ferror(stdout) ? mg_fail(MG_E_IO, "cannot write the man page") : MG_OK;
}

/* The case arm for one command: its options, the ones taking a value, and the values of a
 * value name such as "required|optional|none". */
static MG_RESULT completion_command(const cli_command *cmd)
{
    printf("        %s)\n            opts=\"", cmd->name);
    for (size_t i = 0; i < cmd->option_count; i++) printf("--%s ", cmd->options[i].name);
    fputs("-h --help\"\n            values=\"", stdout);
    for (size_t i = 0; i < cmd->option_count; i++)
        if (cli_option_type(&cmd->options[i]) != OPT_FLAG)
            printf(" --%s", cmd->options[i].name);
    fputs(" \"\n            case $prev in\n", stdout);
    for (size_t i = 0; i < cmd->option_count; i++) {
        const cli_option *o = &cmd->options[i];
        if (cli_option_type(o) == OPT_FLAG || !strchr(o->value_name, '|')) continue;
        char words[256];
        MG_ENSURE(strlen(o->value_name) < sizeof words, MG_E_INTERNAL,
                  "%s: --%s: value name too long", cmd->name, o->name);
        strcpy(words, o->value_name);
        for (char *p = words; *p; p++)
            if (*p == '|') *p = ' ';
        printf("                --%s) COMPREPLY=($(compgen -W \"%s\" -- \"$cur\")); "
               "return ;;\n", o->name, words);
    }
    fputs("            esac\n            ;;\n", stdout);
    return MG_OK;
}

mg_result cli_print_completion(void)
{
    fputs("# bash completion for mtlsgrid, generated from its command tables "
          "(mtlsgrid __completion).\n"
          "_mtlsgrid()\n{\n"
          "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
          "    local opts=\"\" values=\"\"\n    COMPREPLY=()\n"
          "    if [[ $COMP_CWORD -eq 1 ]]; then\n"
          "        COMPREPLY=($(compgen -W \"", stdout);
    for (const cli_command *const *c = mg_commands; *c; c++) printf("%s ", (*c)->name);
    fputs("-h --help --version\" -- \"$cur\"))\n        return\n    fi\n"
          "    case ${COMP_WORDS[1]} in\n", stdout);
    for (const cli_command *const *c = mg_commands; *c; c++) MG_GUARD(completion_command(*c));
    fputs("        *) return ;;\n    esac\n"
          "    if [[ \" $values \" == *\" $prev \"* ]]; then\n"
          "        COMPREPLY=($(compgen -f -- \"$cur\"))\n"
          "    elif [[ $cur == -* ]]; then\n"
          "        COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n"
          "    else\n"
          "        COMPREPLY=($(compgen -f -- \"$cur\"))\n"
          "    fi\n}\n"
          "complete -o filenames -F _mtlsgrid mtlsgrid\n", stdout);
    return ferror(stdout) ? mg_fail(MG_E_IO, "cannot write the completion script") : MG_OK;
}
