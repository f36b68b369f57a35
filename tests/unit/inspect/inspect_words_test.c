/* Every registered stack's inspect words (harness/stacks/<stack>/inspect_words.c) name only
 * causes inspect knows, each once, and cover every cause, so that a new stack's table cannot
 * silently miss one; a stack without a table (NULL) is allowed and says nothing. Then the
 * report quotes them by the stack's name, in the registry's order. */
#include "inspect_causes.h"
#include "inspect_internal.h"
#include "mg_test.h"
#include "registry.h"

static int filled(const char *s) { return s && *s; }

static void check_table(const mg_stack *s)
{
    const mg_inspect_tool tool = {s->name, s->display, s->inspect_words, NULL, NULL};
    size_t rows = 0;
    for (const mg_tool_words *w = s->inspect_words; w->cause; w++, rows++) {
        if (!mg_inspect_cause_find(w->cause))
            fprintf(stderr, "%s: unknown cause \"%s\"\n", s->name, w->cause);
        CHECK(mg_inspect_cause_find(w->cause) != NULL);
        CHECK(filled(w->words));
        for (const mg_tool_words *later = w + 1; later->cause; later++)
            CHECK(strcmp(w->cause, later->cause) != 0);
    }
    for (size_t i = 0; i < mg_inspect_cause_count; i++) {
        const char *id = mg_inspect_causes[i].id;
        if (!mg_inspect_tool_words(&tool, id))
            fprintf(stderr, "%s: no words for cause \"%s\"\n", s->name, id);
        CHECK(mg_inspect_tool_words(&tool, id) != NULL);
    }
    CHECK(rows == mg_inspect_cause_count);
}

/* The strings the inspect issue asks for, where users meet them (when the stack is built). */
static void check_known_words(void)
{
    const mg_stack *openssl = mg_stack_find("openssl"), *gnutls = mg_stack_find("gnutls");
    if (openssl) {
        mg_inspect_tool tool = {openssl->name, openssl->display, openssl->inspect_words, NULL,
                                NULL};
        const char *eku = mg_inspect_tool_words(&tool, "eku-wrong-purpose");
        CHECK(eku && strstr(eku, "unsupported certificate purpose"));
    }
    if (gnutls) {
        mg_inspect_tool tool = {gnutls->name, gnutls->display, gnutls->inspect_words, NULL, NULL};
        const char *expired = mg_inspect_tool_words(&tool, "expired");
        CHECK(expired && strstr(expired, "The certificate chain uses expired certificate"));
    }
}

/* A report quotes each given tool, in order, with HOST filled in; a table that lacks the
 * cause is said to lack it, never left empty. */
static void check_filled_messages(void)
{
    static const mg_tool_words partial[] = {{"name-mismatch", "mismatch for HOST"}, {NULL, NULL}};
    mg_inspect_tool tools[] = {{"first", "First", partial, NULL, NULL},
                               {"second", "Second", NULL, NULL, NULL}};
    mg_inspect_report r = {.file = "f.pem", .host = "server.test", .role = MG_INSPECT_SERVER,
                           .tools = tools, .tool_count = 2};
    mg_inspect_filled_messages m;
    CHECK(mg_ok(mg_inspect_fill_messages(&r, mg_inspect_cause_find("name-mismatch"), &m)));
    CHECK(m.tool_count == 2);
    CHECK_STR(m.tools[0], "mismatch for server.test");
    CHECK(filled(m.tools[1]) && strstr(m.tools[1], "no record"));
    CHECK(strstr(m.curl, "server.test") != NULL);
    mg_inspect_filled_messages_free(&m);
}

int main(void)
{
    CHECK(mg_stack_count >= 1);
    for (const mg_stack *const *s = mg_stacks; *s; s++) {
        CHECK(filled((*s)->display));
        if ((*s)->inspect_words) check_table(*s);
    }
    check_known_words();
    check_filled_messages();
    TEST_END();
}
