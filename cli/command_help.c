/* Help from the tables: a command's usage line from its positional names and the needs of its
 * options, its options list, and the top-level list of commands. Nothing here is typed twice,
 * so the help cannot drift from what the parser accepts. */
#include "command.h"

#include <stdio.h>
#include <string.h>

/* The usage line as words that a wrap may not split: "[--jobs N]", "(--a A", "|", "--b B)". */
typedef struct {
    char text[80][128];
    size_t count;
} usage_words;

static MG_RESULT add_word(usage_words *w, const char *open, const cli_option *o,
                          const char *close)
{
    MG_ENSURE(w->count < sizeof w->text / sizeof w->text[0], MG_E_INTERNAL,
              "too many words in a usage line");
    char *out = w->text[w->count++];
    int n = !o ? snprintf(out, sizeof w->text[0], "%s%s", open, close)
               : snprintf(out, sizeof w->text[0], "%s--%s%s%s%s", open, o->name,
                          cli_option_type(o) == OPT_FLAG ? "" : " ",
                          cli_option_type(o) == OPT_FLAG ? "" : o->value_name, close);
    MG_ENSURE(n > 0 && (size_t)n < sizeof w->text[0], MG_E_INTERNAL, "usage word too long: %s",
              out);
    return MG_OK;
}

/* The one-of rows from first on: "(--a A", "|", "--b B)"; a group of one is required. */
static MG_RESULT add_group(usage_words *w, const cli_command *cmd, size_t first, size_t *end)
{
    *end = first;
    while (*end < cmd->option_count && cli_option_need_of(&cmd->options[*end]) == OPT_ONE_OF)
        ++*end;
    for (size_t i = first; i < *end; i++) {
        bool alone = *end - first == 1;
        MG_GUARD(add_word(w, i == first && !alone ? "(" : "", &cmd->options[i],
                          i + 1 == *end && !alone ? ")" : ""));
        if (i + 1 < *end) MG_GUARD(add_word(w, "|", NULL, ""));
    }
    return MG_OK;
}

/* Positional names, then what must be given (in table order), then the optional options. */
static MG_RESULT usage_words_of(const cli_command *cmd, usage_words *w)
{
    w->count = 0;
    if (cmd->positional) MG_GUARD(add_word(w, cmd->positional, NULL, ""));
    for (size_t i = 0; i < cmd->option_count;) {
        const cli_option *o = &cmd->options[i];
        size_t next = i + 1;
        if (cli_option_need_of(o) == OPT_REQUIRED) MG_GUARD(add_word(w, "", o, ""));
        else if (cli_option_need_of(o) == OPT_ONE_OF) MG_GUARD(add_group(w, cmd, i, &next));
        i = next;
    }
    for (size_t i = 0; i < cmd->option_count; i++)
        if (cli_option_need_of(&cmd->options[i]) == OPT_OPTIONAL)
            MG_GUARD(add_word(w, "[", &cmd->options[i], "]"));
    return MG_OK;
}

mg_result cli_format_usage(const cli_command *cmd, char *buf, size_t len)
{
    static usage_words w; /* large for the stack; help runs once per process */
    MG_GUARD(usage_words_of(cmd, &w));
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < w.count; i++) {
        int n = snprintf(buf + used, len - used, "%s%s", i ? " " : "", w.text[i]);
        MG_ENSURE(n >= 0 && (size_t)n < len - used, MG_E_INTERNAL, "%s: usage line too long",
                  cmd->name);
        used += (size_t)n;
    }
    return MG_OK;
}

/* The summary up to its first ". ", ": ", "; " or ", " outside parentheses (a file name such
 * as limbo.json, or a list in parentheses, does not end it). */
mg_result cli_format_brief(const cli_command *cmd, char *buf, size_t len)
{
    const char *s = cmd->summary;
    size_t end = 0;
    int depth = 0;
    for (; s[end]; end++) {
        depth += (s[end] == '(') - (s[end] == ')');
        if (depth == 0 && strchr(".:;,", s[end]) && (s[end + 1] == ' ' || !s[end + 1])) break;
    }
    MG_ENSURE(end < len, MG_E_INTERNAL, "%s: the summary's first clause is too long", cmd->name);
    memcpy(buf, s, end);
    buf[end] = '\0';
    return MG_OK;
}

/* Prints words separated by blanks, starting at column col, wrapped at CLI_HELP_COLUMNS with
 * continuation lines indented to indent. */
static void print_wrapped(const char *const *words, size_t count, size_t col, size_t indent)
{
    for (size_t i = 0; i < count; i++) {
        size_t n = strlen(words[i]);
        if (i > 0 && col + 1 + n > CLI_HELP_COLUMNS) {
            printf("\n%*s", (int)indent, "");
            col = indent;
        } else if (i > 0) {
            putchar(' ');
            col++;
        }
        fputs(words[i], stdout);
        col += n;
    }
    putchar('\n');
}

/* Prose split at blanks into words for print_wrapped. */
static MG_RESULT print_prose(const char *text, size_t col, size_t indent)
{
    static char copy[2048];
    static const char *words[512];
    MG_ENSURE(strlen(text) < sizeof copy, MG_E_INTERNAL, "help text too long: %.40s", text);
    strcpy(copy, text);
    size_t count = 0;
    for (char *save = NULL, *word = strtok_r(copy, " ", &save); word;
         word = strtok_r(NULL, " ", &save)) {
        MG_ENSURE(count < sizeof words / sizeof words[0], MG_E_INTERNAL, "help text too long");
        words[count++] = word;
    }
    print_wrapped(words, count, col, indent);
    return MG_OK;
}

mg_result cli_format_need_note(const cli_command *cmd, size_t row, char *buf, size_t len)
{
    buf[0] = '\0';
    cli_option_need need = cli_option_need_of(&cmd->options[row]);
    if (need == OPT_REQUIRED) snprintf(buf, len, " (required)");
    if (need != OPT_ONE_OF) return MG_OK;
    size_t first = row, end = row;
    while (first > 0 && cli_option_need_of(&cmd->options[first - 1]) == OPT_ONE_OF) first--;
    while (end < cmd->option_count && cli_option_need_of(&cmd->options[end]) == OPT_ONE_OF) end++;
    size_t used = (size_t)snprintf(buf, len, " (one of ");
    for (size_t i = first; i < end && used < len; i++)
        used += (size_t)snprintf(buf + used, len - used, "%s--%s",
                                 i == first ? "" : i + 1 == end ? " or " : ", ",
                                 cmd->options[i].name);
    MG_ENSURE(used < len, MG_E_INTERNAL, "%s: the note of --%s is too long", cmd->name,
              cmd->options[row].name);
    snprintf(buf + used, len - used, " is required)");
    return MG_OK;
}

#define OPTION_COLUMN 26

mg_result cli_print_command_help(const cli_command *cmd)
{
    static usage_words w;
    MG_GUARD(usage_words_of(cmd, &w));
    const char *words[sizeof w.text / sizeof w.text[0]];
    for (size_t i = 0; i < w.count; i++) words[i] = w.text[i];
    printf("usage: mtlsgrid %s ", cmd->name);
    size_t col = strlen("usage: mtlsgrid  ") + strlen(cmd->name);
    print_wrapped(words, w.count, col, col);
    putchar('\n');
    MG_GUARD(print_prose(cmd->summary, 0, 0));
    printf("\noptions:\n");
    for (size_t i = 0; i < cmd->option_count; i++) {
        const cli_option *o = &cmd->options[i];
        char left[128], note[256], help[1024];
        snprintf(left, sizeof left, "--%s%s%s", o->name, cli_option_type(o) == OPT_FLAG ? "" : " ",
                 cli_option_type(o) == OPT_FLAG ? "" : o->value_name);
        MG_GUARD(cli_format_need_note(cmd, i, note, sizeof note));
        snprintf(help, sizeof help, "%s%s", o->help, note);
        /* The help wrapped under its column; a long left part pushes only the first line. */
        printf("  %-*s ", OPTION_COLUMN, left);
        size_t width = strlen(left) > OPTION_COLUMN ? strlen(left) : OPTION_COLUMN;
        MG_GUARD(print_prose(help, 2 + width + 1, 2 + OPTION_COLUMN + 1));
    }
    printf("  %-*s %s\n", OPTION_COLUMN, "--help", "show this help (also -h)");
    return MG_OK;
}

#define COMMAND_COLUMN 10

mg_result cli_print_help(void)
{
    printf("usage: mtlsgrid COMMAND [OPTIONS]\n\n"
           "mTLS handshake conformance across TLS stacks, both directions.\n\ncommands:\n");
    for (const cli_command *const *c = mg_commands; *c; c++) {
        char brief[512];
        MG_GUARD(cli_format_brief(*c, brief, sizeof brief));
        printf("  %-*s ", COMMAND_COLUMN, (*c)->name);
        MG_GUARD(print_prose(brief, 2 + COMMAND_COLUMN + 1, 2 + COMMAND_COLUMN + 1));
    }
    printf("\n");
    return print_prose("'mtlsgrid COMMAND --help' describes a command. Exit status: 0 all as "
                       "expected, 1 unexpected outcomes, 2 bad usage or bad input.", 0, 0);
}
