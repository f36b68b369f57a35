/* inspect --connect for people: what each attempt ended in, whether the server wants a client
 * certificate, the chain it sent (as openssl s_client -showcerts lists it), what its
 * CertificateRequest says, what cannot be seen, then the checks' report of the chain. */
#include "inspect_internal.h"
#include "live_inspect.h"
#include "live_words.h"

#include <stdlib.h>
#include <string.h>

/* Items joined by ", ", wrapped before column 100 under `indent` spaces. */
static void print_wrapped(FILE *out, const char *const *items, size_t count, int indent)
{
    int column = indent;
    fprintf(out, "%*s", indent, "");
    for (size_t i = 0; i < count; i++) {
        int width = (int)strlen(items[i]) + (i + 1 < count ? 1 : 0);
        if (i > 0 && column + 1 + width > 100) {
            fprintf(out, "\n%*s", indent, "");
            column = indent;
        } else if (i > 0) {
            fprintf(out, " ");
            column++;
        }
        fprintf(out, "%s%s", items[i], i + 1 < count ? "," : "");
        column += width;
    }
    fprintf(out, "\n");
}

/* `lead` then the words of text, wrapped before column 100 under `indent` spaces. */
static void print_prose(FILE *out, const char *lead, const char *text, int indent)
{
    int column = fprintf(out, "%s", lead);
    for (const char *word = text; *word;) {
        size_t len = strcspn(word, " ");
        if (column > indent && column + 1 + (int)len > 100) {
            column = fprintf(out, "\n%*s", indent, "") - 1;
        } else if (word != text) {
            column += fprintf(out, " ");
        }
        column += fprintf(out, "%.*s", (int)len, word);
        word += len;
        word += strspn(word, " ");
    }
    fprintf(out, "\n");
}

static void print_sigalgs(FILE *out, const char *what, const mg_live_sigalg *algs, size_t n)
{
    fprintf(out, "    %s: %zu\n", what, n);
    char text[64][48];
    const char *items[64];
    size_t shown = n < 64 ? n : 64;
    for (size_t i = 0; i < shown; i++) {
        snprintf(text[i], sizeof text[i], "%s (0x%04x)", *algs[i].name ? algs[i].name : "?",
                 algs[i].code);
        items[i] = text[i];
    }
    if (shown) print_wrapped(out, items, shown, 6);
}

static void print_request(FILE *out, const mg_live_cert_request *r, bool tls12)
{
    fprintf(out, "    acceptable CA names: %zu, %zu bytes\n", r->ca_count, r->ca_list_bytes);
    for (size_t i = 0; i < r->ca_count; i++) fprintf(out, "      %s\n", r->ca_names[i]);
    if (!r->ca_count)
        fprintf(out, "      (none: the server names no CA; a client then offers any "
                     "certificate it has)\n");
    print_sigalgs(out, "signature algorithms", r->sigalgs, r->sigalg_count);
    print_sigalgs(out, "of those, this client's too", r->shared, r->shared_count);
    if (!tls12) return;
    char text[16][32];
    const char *items[16];
    size_t shown = r->cert_type_count < 16 ? r->cert_type_count : 16;
    for (size_t i = 0; i < shown; i++) {
        const char *name = mg_live_cert_type_name(r->cert_types[i]);
        snprintf(text[i], sizeof text[i], "%s (%u)", name ? name : "?", r->cert_types[i]);
        items[i] = text[i];
    }
    fprintf(out, "    certificate types: %zu\n", r->cert_type_count);
    if (shown) print_wrapped(out, items, shown, 6);
}

static bool same_request(const mg_live_cert_request *a, const mg_live_cert_request *b)
{
    if (a->ca_count != b->ca_count || a->sigalg_count != b->sigalg_count ||
        a->shared_count != b->shared_count || a->post_handshake != b->post_handshake)
        return false;
    for (size_t i = 0; i < a->ca_count; i++)
        if (strcmp(a->ca_names[i], b->ca_names[i]) != 0) return false;
    for (size_t i = 0; i < a->sigalg_count; i++)
        if (a->sigalgs[i].code != b->sigalgs[i].code) return false;
    for (size_t i = 0; i < a->shared_count; i++)
        if (a->shared[i].code != b->shared[i].code) return false;
    return true;
}

static void print_chain(FILE *out, const mg_live_inspection *in, size_t i)
{
    const mg_live_attempt *a = &in->live.attempts[strcmp(in->report_tls[i], "1.3") == 0];
    STACK_OF(X509) *chain = a->chain;
    fprintf(out, "\n  chain sent in TLS %s: %d certificate%s, leaf first\n", in->report_tls[i],
            sk_X509_num(chain), sk_X509_num(chain) == 1 ? "" : "s");
    for (int c = 0; c < sk_X509_num(chain); c++) {
        X509 *cert = sk_X509_value(chain, c);
        char *subject = mg_inspect_name_text(X509_get_subject_name(cert));
        char *issuer = mg_inspect_name_text(X509_get_issuer_name(cert));
        fprintf(out, "    %2d s:%s\n       i:%s\n", c, subject ? subject : "?",
                issuer ? issuer : "?");
        free(subject);
        free(issuer);
    }
}

static void print_requests(FILE *out, const mg_live_inspection *in)
{
    const mg_live_attempt *a12 = &in->live.attempts[0], *a13 = &in->live.attempts[1];
    for (int i = 0; i < 2; i++) {
        const mg_live_attempt *a = &in->live.attempts[i];
        if (!a->asked) continue;
        fprintf(out, "\n  CertificateRequest in TLS %s (%s)", a->tls,
                a->request.post_handshake ? "after the handshake" : "in the handshake");
        if (i == 1 && a12->asked && same_request(&a12->request, &a13->request)) {
            fprintf(out, ":\n    the same CA names and signature algorithms as in TLS 1.2\n");
            continue;
        }
        fprintf(out, "\n");
        print_request(out, &a->request, i == 0);
    }
}

void mg_live_print_text(FILE *out, const mg_live_inspection *in)
{
    const mg_live_request *req = in->request;
    fprintf(out, "%s: a TLS server (SNI %s; names checked against %s)\n", req->target,
            in->sni ? in->sni : "none", req->servername ? req->servername : req->host);
    char words[1024];
    for (int i = 0; i < 2; i++) {
        mg_live_outcome_words(&in->live.attempts[i], words, sizeof words);
        char lead[16];
        snprintf(lead, sizeof lead, "  TLS %s  ", in->live.attempts[i].tls);
        print_prose(out, lead, words, 11);
    }
    const char *wants = mg_live_client_certificate(&in->live);
    fprintf(out, "  client certificate: %s\n",
            strcmp(wants, "required") == 0 ? "the server requires a client certificate"
            : strcmp(wants, "requested") == 0
                ? "requested: the server asks for one and finishes the handshake without it"
                : "not requested");
    mg_live_pha_words(&in->live.attempts[1], words, sizeof words);
    print_prose(out, "  post-handshake authentication (TLS 1.3): ", words, 4);
    for (size_t i = 0; i < in->report_count; i++) print_chain(out, in, i);
    print_requests(out, in);
    fprintf(out, "\n  not observable here:\n");
    for (const char *const *n = mg_live_not_observable; *n; n++) print_prose(out, "    - ", *n, 6);
    for (size_t i = 0; i < in->report_count; i++) {
        fprintf(out, "\n");
        mg_inspect_print_text(out, &in->reports[i]);
    }
}
