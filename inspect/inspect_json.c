/* Keys: file, subject, issuer, names (the subjectAltName entries in order, each {"type":
 * "DNS"|"IP"|"URI"|"email"|"dirName"|"otherName", "value": ...}), not_before, not_after, key,
 * signature, role, role_guessed, host (null when not given), at (ISO 8601 UTC), suitable,
 * problems [{cause, reason, title, detail, messages {each of the request's tools by its name,
 * in its order, then browser, curl, other}, sources {each tool: observed (its words as it
 * printed them here) or recorded (the stack's table)}, recorded {each tool: the table's words},
 * fix}], passed [{check, detail}], not_checked [{check, why}], tools [{stack, tool, ran,
 * command, exit, output, why_not}]: each stack's verifying tool as inspect ran it.
 * A problem's sources say where each stack's words begin: "observed" (its verifying tool's),
 * "handshake" (a handshake through it, no tool having spoken of it) or "recorded"; its
 * handshake {each stack whose handshake spoke of it: those words}. handshakes [{stack, ran,
 * why_not, tls, policy, key ("given" or "stand-in"), verdict, judgement (refused, accepted,
 * not-sent, unclear, failed), verifier and presenter {state, reason, native_code,
 * native_text, alert_sent, alert_received}, reason_text}]: each handshake inspect ran. */
#include "inspect_json.h"

#include "alert_names.h"
#include "inspect_handshake.h"
#include "inspect_time.h"
#include "json_text.h"

static json_t *problem_json(const mg_inspect_report *r, const mg_inspect_problem *p)
{
    mg_inspect_filled_messages m;
    if (!mg_ok(mg_inspect_fill_messages(r, p->cause, &m))) return NULL;
    static const char *const source_names[] = {[MG_WORDS_RECORDED] = "recorded",
                                               [MG_WORDS_OBSERVED] = "observed",
                                               [MG_WORDS_HANDSHAKE] = "handshake"};
    json_t *messages = json_object(), *sources = json_object(), *recorded = json_object(),
           *handshake = json_object();
    bool built = messages && sources && recorded && handshake;
    for (size_t t = 0; built && t < m.tool_count; t++)
        built = json_object_set_new(messages, r->tools[t].name, mg_json_text(m.tools[t])) == 0 &&
                json_object_set_new(sources, r->tools[t].name,
                                    json_string(source_names[m.source[t]])) == 0 &&
                json_object_set_new(recorded, r->tools[t].name, mg_json_text(m.recorded[t])) == 0 &&
                (!m.handshake[t] || json_object_set_new(handshake, r->tools[t].name,
                                                        mg_json_text(m.handshake[t])) == 0);
    built = built && json_object_set_new(messages, "browser", mg_json_text(m.browser)) == 0 &&
            json_object_set_new(messages, "curl", mg_json_text(m.curl)) == 0 &&
            json_object_set_new(messages, "other", mg_json_text(m.other)) == 0;
    mg_inspect_filled_messages_free(&m);
    if (!built) {
        json_decref(messages);
        json_decref(sources);
        json_decref(recorded);
        json_decref(handshake);
        return NULL;
    }
    return json_pack("{s:s, s:s, s:s, s:o, s:o*, s:o, s:o, s:o, s:s}", "cause", p->cause->id,
                     "reason", mg_reason_name(p->cause->reason), "title", p->cause->title,
                     "detail", mg_json_text(p->detail), "messages", messages, "sources", sources,
                     "handshake", handshake, "recorded", recorded, "fix", p->cause->fix);
}

/* Each stack's verifying tool: whether it ran here, its command, exit status and output. */
static json_t *tools_json(const mg_inspect_report *r)
{
    json_t *list = json_array();
    for (size_t t = 0; list && t < r->tool_count; t++) {
        const mg_inspect_observation *o = &r->observed[t];
        if (!o->tool) continue;
        json_t *one = json_pack("{s:s, s:s, s:b, s:o, s:o, s:o, s:o}", "stack", r->tools[t].name,
                                "tool", o->tool, "ran", o->ran, "command",
                                o->command ? mg_json_text(o->command) : json_null(), "exit",
                                o->ran ? json_integer(o->exit_status) : json_null(), "output",
                                o->output ? mg_json_text(o->output) : json_null(), "why_not",
                                o->why_not ? mg_json_text(o->why_not) : json_null());
        if (json_array_append_new(list, one) != 0) {
            json_decref(list);
            return NULL;
        }
    }
    return list;
}

static json_t *side_json(const mg_side_outcome *o)
{
    char alert[48];
    const char *sent = mg_alert_short_name(o->alert_sent, alert, sizeof alert);
    json_t *sent_json = sent ? json_string(sent) : json_null();
    const char *received = mg_alert_short_name(o->alert_received, alert, sizeof alert);
    json_t *reason =
        o->reason == MG_REASON_NONE ? json_null() : json_string(mg_reason_name(o->reason));
    return json_pack("{s:s, s:o, s:I, s:o, s:o, s:o}", "state", mg_side_state_name(o->state),
                     "reason", reason,
                     "native_code", (json_int_t)o->native_code, "native_text",
                     mg_json_text(o->native_text), "alert_sent", sent_json, "alert_received",
                     received ? json_string(received) : json_null());
}

/* Each handshake through a stack: how it ran and what each side said. */
static json_t *handshakes_json(const mg_inspect_report *r)
{
    json_t *list = json_array();
    for (size_t i = 0; list && i < r->tool_count * MG_INSPECT_TLS_COUNT; i++) {
        size_t t = i / MG_INSPECT_TLS_COUNT;
        const mg_inspect_handshake *h = &r->handshakes[t][i % MG_INSPECT_TLS_COUNT];
        if (!h->stack_display) continue;
        bool ran = h->judgement != MG_HANDSHAKE_NOT_RUN;
        char verdict[64];
        mg_verdict_format(h->verdict, verdict, sizeof verdict);
        json_t *one = json_pack(
            "{s:s, s:b, s:o, s:s, s:s, s:s, s:o, s:o, s:o, s:o, s:o}", "stack", r->tools[t].name,
            "ran", ran, "why_not", h->why_not ? mg_json_text(h->why_not) : json_null(), "tls",
            mg_tls_name(h->tls), "policy", mg_policy_name(h->policy), "key",
            h->stand_in_key ? "stand-in" : "given", "verdict",
            ran ? json_string(verdict) : json_null(), "judgement",
            ran ? json_string(mg_inspect_judgement_name(h->judgement)) : json_null(),
            "verifier", ran ? side_json(&h->verifier) : json_null(), "presenter",
            ran ? side_json(&h->presenter) : json_null(), "reason_text",
            ran ? mg_json_text(h->reason_text) : json_null());
        if (json_array_append_new(list, one) != 0) {
            json_decref(list);
            return NULL;
        }
    }
    return list;
}

static json_t *notes_json(const mg_inspect_note *notes, size_t count, const char *text_key)
{
    json_t *list = json_array();
    for (size_t i = 0; list && i < count; i++)
        if (json_array_append_new(list, json_pack("{s:s, s:o}", "check", notes[i].check, text_key,
                                                  mg_json_text(notes[i].detail))) != 0) {
            json_decref(list);
            return NULL;
        }
    return list;
}

static json_t *names_json(const mg_inspect_report *r)
{
    json_t *list = json_array();
    for (size_t i = 0; list && i < r->name_count; i++)
        if (json_array_append_new(list, json_pack("{s:s, s:o}", "type", r->name_list[i].type,
                                                  "value",
                                                  mg_json_text(r->name_list[i].value))) != 0) {
            json_decref(list);
            return NULL;
        }
    return list;
}

mg_result mg_inspect_report_json(const mg_inspect_report *r, json_t **out)
{
    json_t *problems = json_array();
    for (size_t i = 0; problems && i < r->problem_count; i++)
        if (json_array_append_new(problems, problem_json(r, &r->problems[i])) != 0) {
            json_decref(problems);
            problems = NULL;
        }
    char at[32];
    mg_inspect_format_time_iso(r->at, at, sizeof at);
    /* Names and the file name come from outside and need not be UTF-8 (utf8_text.h). */
    *out = json_pack("{s:o, s:o, s:o, s:o, s:s, s:s, s:s, s:s, s:s, s:b, s:o*, s:s, s:b, s:o*, "
                     "s:o*, s:o*}",
                     "file", mg_json_text(r->file), "subject", mg_json_text(r->subject), "issuer",
                     mg_json_text(r->issuer), "names", names_json(r), "not_before",
                     r->not_before, "not_after", r->not_after, "key", r->key, "signature",
                     r->signature, "role", mg_inspect_role_name(r->role), "role_guessed",
                     r->role_guessed, "host", r->host ? mg_json_text(r->host) : NULL, "at", at,
                     "suitable",
                     mg_inspect_suitable(r), "problems", problems, "passed",
                     notes_json(r->passed, r->passed_count, "detail"), "not_checked",
                     notes_json(r->skipped, r->skipped_count, "why"));
    if (*out && (json_object_set_new(*out, "tools", tools_json(r)) != 0 ||
                 json_object_set_new(*out, "handshakes", handshakes_json(r)) != 0)) {
        json_decref(*out);
        *out = NULL;
    }
    MG_ENSURE(*out, MG_E_INTERNAL, "cannot build the JSON report of %s", r->file);
    return MG_OK;
}

json_t *mg_inspect_error_json(const char *path, const char *message)
{
    return json_pack("{s:o, s:o}", "file", mg_json_text(path), "error", mg_json_text(message));
}
