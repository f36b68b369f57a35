/* The report for people at 3 a.m.: the verdict on the first line, then each problem in plain
 * words, the strings each stack's tools print for it, and the fix; what passed and what was not
 * checked (and what to give to check it) last. */
#include "inspect_handshake.h"
#include "inspect_time.h"

static void print_header(FILE *out, const mg_inspect_report *r)
{
    const char *role = mg_inspect_role_name(r->role);
    if (mg_inspect_suitable(r))
        fprintf(out, "%s: SUITABLE as a %s certificate", r->file, role);
    else
        fprintf(out, "%s: NOT SUITABLE as a %s certificate", r->file, role);
    if (r->host) fprintf(out, " for %s", r->host);
    if (!mg_inspect_suitable(r))
        fprintf(out, " (%zu problem%s)", r->problem_count, r->problem_count == 1 ? "" : "s");
    char at[32];
    mg_inspect_format_time(r->at, at, sizeof at);
    fprintf(out, "\n  subject    %s\n  issuer     %s\n  names      %s\n", r->subject, r->issuer,
            *r->names ? r->names : "(no subjectAltName)");
    fprintf(out, "  valid      %s to %s (checked at %s)\n", r->not_before, r->not_after, at);
    fprintf(out, "  key        %s, signed with %s\n", r->key, r->signature);
    if (r->cert_count > 1)
        fprintf(out, "  file       %zu certificates: the leaf inspected, the rest as its chain\n",
                r->cert_count);
    for (size_t t = 0; t < r->tool_count; t++) {
        const mg_inspect_observation *o = &r->observed[t];
        if (!o->tool) continue;
        if (o->ran)
            fprintf(out, "  observed   %s (exit %d): %s\n", o->tool, o->exit_status, o->command);
        else
            fprintf(out, "  recorded   %s's words (%s: %s)\n", r->tools[t].display, o->tool,
                    o->why_not ? o->why_not : "was not run");
    }
    for (size_t t = 0; t < r->tool_count; t++)
        for (size_t v = 0; v < MG_INSPECT_TLS_COUNT; v++) {
            const mg_inspect_handshake *h = &r->handshakes[t][v];
            if (!h->stack_display) continue;
            char summary[1024];
            mg_inspect_handshake_summary(h, summary, sizeof summary);
            fprintf(out, "  %-10s %s\n", "handshake", summary);
        }
    if (r->role_guessed)
        fprintf(out, "  role       %s, guessed from %s (choose with --role client|server)\n", role,
                r->host ? "--host" : "its extendedKeyUsage");
}

/* "    OpenSSL:  words": the labels' colons and the words line up (a long label pushes its
 * words right by as much as it needs). */
static void print_words(FILE *out, const char *label, const char *words)
{
    char with_colon[64];
    snprintf(with_colon, sizeof with_colon, "%s:", label);
    fprintf(out, "    %-9s %s\n", with_colon, words);
}

static void print_problem(FILE *out, const mg_inspect_report *r, size_t i)
{
    const mg_inspect_problem *p = &r->problems[i];
    fprintf(out, "\n  PROBLEM %zu of %zu [%s]: %s\n    %s\n", i + 1, r->problem_count, p->cause->id,
            p->cause->title, p->detail);
    mg_inspect_filled_messages m;
    if (!mg_ok(mg_inspect_fill_messages(r, p->cause, &m))) return;
    for (size_t t = 0; t < m.tool_count; t++) {
        char recorded[4096];
        snprintf(recorded, sizeof recorded, "recorded: %s", m.tools[t]);
        print_words(out, r->tools[t].display, m.observed[t] ? m.tools[t] : recorded);
    }
    print_words(out, "browsers", m.browser);
    print_words(out, "curl", m.curl);
    if (*m.other) print_words(out, "others", m.other);
    print_words(out, "FIX", p->cause->fix);
    mg_inspect_filled_messages_free(&m);
}

void mg_inspect_print_text(FILE *out, const mg_inspect_report *r)
{
    print_header(out, r);
    for (size_t i = 0; i < r->problem_count; i++) print_problem(out, r, i);
    if (r->passed_count) fprintf(out, "\n");
    for (size_t i = 0; i < r->passed_count; i++)
        fprintf(out, "  ok           %-10s %s\n", r->passed[i].check, r->passed[i].detail);
    for (size_t i = 0; i < r->skipped_count; i++)
        fprintf(out, "  not checked  %-10s %s\n", r->skipped[i].check, r->skipped[i].detail);
}
