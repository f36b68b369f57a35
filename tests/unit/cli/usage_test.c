/* The usage lines, the top-level list and the parser come from the same tables: every command's
 * usage names every option of its table (required ones bare, optional ones in brackets), its
 * brief is a whole clause, and the parser refuses a command line that lacks what the usage
 * line shows as needed. A command's help keeps every line within CLI_HELP_COLUMNS and loses
 * no word of an option's help to the wrapping. */
#include "command.h"
#include "mg_test.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* "--name" as a whole word of text: not the start of a longer option such as --p12-password. */
static const char *find_option_word(const char *text, const char *open, const char *name)
{
    char word[96];
    snprintf(word, sizeof word, "%s--%s", open, name);
    for (const char *p = strstr(text, word); p; p = strstr(p + 1, word)) {
        char after = p[strlen(word)];
        bool starts = p == text || p[-1] == ' ' || p[-1] == '(' || p[-1] == '[' || *open;
        if (starts && !isalnum((unsigned char)after) && after != '-') return p;
    }
    return NULL;
}

static void check_usage(const cli_command *cmd)
{
    char usage[2048];
    CHECK(mg_ok(cli_format_usage(cmd, usage, sizeof usage)));
    CHECK(cmd->option_count <= 64); /* the parser's "given twice" and needs bookkeeping */
    CHECK(cmd->min_positional == 0 || cmd->positional != NULL);
    if (cmd->positional) CHECK(strncmp(usage, cmd->positional, strlen(cmd->positional)) == 0);
    for (size_t i = 0; i < cmd->option_count; i++) {
        const cli_option *o = &cmd->options[i];
        bool named = find_option_word(usage, "", o->name) != NULL;
        bool bracketed = find_option_word(usage, "[", o->name) != NULL;
        if (!named || bracketed != (cli_option_need_of(o) == OPT_OPTIONAL))
            fprintf(stderr, "%s: --%s: usage \"%s\"\n", cmd->name, o->name, usage);
        CHECK(named);
        CHECK(bracketed == (cli_option_need_of(o) == OPT_OPTIONAL));
        CHECK(o->help && *o->help && (cli_option_type(o) == OPT_FLAG || o->value_name));
        for (size_t j = 0; j < i; j++) CHECK(strcmp(cmd->options[j].name, o->name) != 0);
    }
}

static void check_brief(const cli_command *cmd)
{
    char brief[512];
    CHECK(mg_ok(cli_format_brief(cmd, brief, sizeof brief)));
    int depth = 0;
    for (const char *p = brief; *p; p++) depth += (*p == '(') - (*p == ')');
    if (depth != 0 || strlen(brief) < 10) fprintf(stderr, "%s: brief \"%s\"\n", cmd->name, brief);
    CHECK(depth == 0 && strlen(brief) >= 10);
    CHECK(strlen(brief) <= 2 * (CLI_HELP_COLUMNS - 13)); /* two lines of the top-level list */
}

/* Runs cli_print_command_help with standard output in a temporary file; its text into buf. */
static bool capture_help(const cli_command *cmd, char *buf, size_t len)
{
    FILE *tmp = tmpfile();
    int saved = dup(STDOUT_FILENO);
    if (!tmp || saved < 0) return false;
    fflush(stdout);
    dup2(fileno(tmp), STDOUT_FILENO);
    mg_result r = cli_print_command_help(cmd);
    fflush(stdout);
    dup2(saved, STDOUT_FILENO);
    close(saved);
    rewind(tmp);
    size_t n = fread(buf, 1, len - 1, tmp);
    buf[n] = '\0';
    fclose(tmp);
    return mg_ok(r) && n < len - 1;
}

/* text with every run of blanks and newlines as one space. */
static void squeeze(const char *text, char *out, size_t len)
{
    size_t n = 0;
    for (const char *p = text; *p && n + 1 < len; p++)
        if (!isspace((unsigned char)*p)) out[n++] = *p;
        else if (n && out[n - 1] != ' ') out[n++] = ' ';
    out[n] = '\0';
}

static void check_help_width(const cli_command *cmd)
{
    static char text[32768], flat[32768], help[2048];
    CHECK(capture_help(cmd, text, sizeof text));
    for (const char *line = text; *line;) {
        const char *end = strchr(line, '\n');
        size_t n = end ? (size_t)(end - line) : strlen(line);
        if (n > CLI_HELP_COLUMNS) fprintf(stderr, "%s --help: %.*s\n", cmd->name, (int)n, line);
        CHECK(n <= CLI_HELP_COLUMNS);
        line += n + (end != NULL);
    }
    squeeze(text, flat, sizeof flat);
    for (size_t i = 0; i < cmd->option_count; i++) {
        squeeze(cmd->options[i].help, help, sizeof help);
        if (!strstr(flat, help)) fprintf(stderr, "%s --help: lost \"%s\"\n", cmd->name, help);
        CHECK(strstr(flat, help) != NULL);
    }
}

/* With no arguments at all the parser accepts the command exactly when the usage line shows
 * nothing as needed: no positional argument, no bare option. */
static void check_parser_agrees(const cli_command *cmd)
{
    char usage[2048];
    CHECK(mg_ok(cli_format_usage(cmd, usage, sizeof usage)));
    bool needs_something = cmd->min_positional > 0 || (usage[0] && usage[0] != '[');
    void *args = calloc(1, cmd->args_size ? cmd->args_size : 1);
    CHECK(args != NULL);
    if (!args) return;
    if (cmd->defaults) cmd->defaults(args);
    const char *positional[1];
    cli_rest rest = {positional, 0};
    int wants_help = 0;
    mg_result r = cli_parse(cmd, 0, NULL, args, &rest, &wants_help);
    if (mg_ok(r) == needs_something)
        fprintf(stderr, "%s: usage \"%s\" but the parser says \"%s\"\n", cmd->name, usage,
                mg_ok(r) ? "ok" : mg_error_message());
    CHECK(mg_ok(r) != needs_something);
    CHECK(mg_ok(r) || r.kind == MG_E_USAGE);
    free(args);
}

int main(void)
{
    size_t count = 0;
    for (const cli_command *const *c = mg_commands; *c; c++, count++) {
        check_usage(*c);
        check_brief(*c);
        check_parser_agrees(*c);
        check_help_width(*c);
    }
    CHECK(count >= 10);
    TEST_END();
}
