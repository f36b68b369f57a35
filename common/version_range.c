#include "version_range.h"

#include <ctype.h>
#include <fnmatch.h>
#include <stdio.h>
#include <string.h>

/* One component: a number, then the letters that follow it (1.1.1w's "w"). */
static const char *next_component(const char *s, unsigned long *number, const char **letters,
                                  size_t *letter_count)
{
    *number = 0;
    while (isdigit((unsigned char)*s)) *number = *number * 10 + (unsigned long)(*s++ - '0');
    *letters = s;
    while (isalpha((unsigned char)*s)) s++;
    *letter_count = (size_t)(s - *letters);
    while (*s && !isalnum((unsigned char)*s)) s++; /* the separator: . - ~ + */
    return s;
}

int mg_version_compare(const char *a, const char *b)
{
    while (*a || *b) {
        unsigned long na, nb;
        const char *la, *lb;
        size_t ca, cb;
        a = next_component(a, &na, &la, &ca);
        b = next_component(b, &nb, &lb, &cb);
        if (na != nb) return na < nb ? -1 : 1;
        size_t common = ca < cb ? ca : cb;
        int letters = strncmp(la, lb, common);
        if (letters) return letters;
        if (ca != cb) return ca < cb ? -1 : 1; /* 1.1.1 < 1.1.1w */
    }
    return 0;
}

typedef enum { OP_GLOB, OP_GE, OP_GT, OP_LE, OP_LT, OP_EQ, OP_NE } range_op;

/* Splits "  >= 3.0 " into its operator and version; false when the version is empty or has
 * characters no version has. */
static bool parse_constraint(const char *text, range_op *op, char *version, size_t len)
{
    static const struct { const char *spelling; range_op op; } ops[] = {
        {">=", OP_GE}, {"<=", OP_LE}, {"!=", OP_NE}, {">", OP_GT}, {"<", OP_LT}, {"=", OP_EQ}};
    while (isspace((unsigned char)*text)) text++;
    *op = OP_GLOB;
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (strncmp(text, ops[i].spelling, strlen(ops[i].spelling)) == 0) {
            *op = ops[i].op;
            text += strlen(ops[i].spelling);
            break;
        }
    while (isspace((unsigned char)*text)) text++;
    size_t n = strlen(text);
    while (n && isspace((unsigned char)text[n - 1])) n--;
    if (n == 0 || n >= len) return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)text[i];
        bool glob_char = c == '*' || c == '?' || c == '[' || c == ']';
        if (!isalnum(c) && !strchr(".-~+_", c) && !(glob_char && *op == OP_GLOB)) return false;
    }
    memcpy(version, text, n);
    version[n] = '\0';
    return true;
}

static bool constraint_holds(range_op op, const char *bound, const char *version)
{
    if (op == OP_GLOB) return fnmatch(bound, version, 0) == 0;
    int c = mg_version_compare(version, bound);
    switch (op) {
    case OP_GE: return c >= 0;
    case OP_GT: return c > 0;
    case OP_LE: return c <= 0;
    case OP_LT: return c < 0;
    case OP_EQ: return c == 0;
    default: return c != 0;
    }
}

/* Calls back for each constraint of each alternative: visit returns false to stop. */
typedef bool (*constraint_fn)(void *ctx, size_t alternative, bool ok, range_op op,
                              const char *bound, const char *text);

static void walk(const char *range, constraint_fn visit, void *ctx)
{
    char piece[128], bound[128];
    size_t alternative = 0;
    for (const char *cursor = range;; alternative++) {
        size_t alt_len = strcspn(cursor, "|");
        for (const char *c = cursor; c < cursor + alt_len;) {
            size_t n = strcspn(c, ",|");
            if (c + n > cursor + alt_len) n = (size_t)(cursor + alt_len - c);
            int shown = (int)(n < sizeof piece ? n : sizeof piece - 1);
            snprintf(piece, sizeof piece, "%.*s", shown, c);
            range_op op = OP_GLOB;
            bool ok = n < sizeof piece && parse_constraint(piece, &op, bound, sizeof bound);
            if (!visit(ctx, alternative, ok, op, bound, piece)) return;
            c += n;
            if (*c != ',') continue;
            if (++c == cursor + alt_len && !visit(ctx, alternative, false, OP_GLOB, "", ""))
                return; /* a trailing comma: an empty constraint */
        }
        if (alt_len == 0 && !visit(ctx, alternative, false, OP_GLOB, "", "")) return;
        cursor += alt_len;
        if (*cursor != '|') return;
        cursor++;
    }
}

typedef struct {
    const char *version;
    size_t alternative; /* the one being checked */
    bool holds, malformed, matched;
} match_state;

static bool match_visit(void *ctx, size_t alternative, bool ok, range_op op, const char *bound,
                        const char *text)
{
    (void)text;
    match_state *m = ctx;
    if (!ok) return !(m->malformed = true);
    if (alternative != m->alternative) { /* the previous alternative is complete */
        if (m->holds) m->matched = true;
        m->alternative = alternative, m->holds = true;
    }
    if (!constraint_holds(op, bound, m->version)) m->holds = false;
    return true;
}

bool mg_version_range_match(const char *range, const char *version)
{
    if (!range || !version) return false;
    match_state m = {.version = version, .holds = true};
    walk(range, match_visit, &m);
    return !m.malformed && (m.matched || m.holds);
}

static bool check_visit(void *ctx, size_t alternative, bool ok, range_op op, const char *bound,
                        const char *text)
{
    (void)alternative, (void)op, (void)bound;
    static char message[200];
    if (ok) return true;
    snprintf(message, sizeof message,
             "\"%s\" is not a version constraint (OP VERSION with OP one of >= > <= < = !=, "
             "or a glob over the version)", text);
    *(const char **)ctx = message;
    return false;
}

const char *mg_version_range_check(const char *range)
{
    const char *problem = NULL;
    walk(range, check_visit, &problem);
    return problem;
}
