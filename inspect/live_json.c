/* inspect --connect for machines. Keys: connect (HOST:PORT as given), sni (null: none sent),
 * host (the name checked), client_certificate ("required", "requested", "not-requested"),
 * suitable, attempts [{tls, handshake ("completed", "client-certificate-required",
 * "version-refused", "failed"), detail, negotiated, certificate_request (null, or {when
 * ("handshake", "post-handshake"), ca_names [DN], ca_count, ca_list_bytes,
 * signature_algorithms [{name, code}], shared_signature_algorithms [...], certificate_types
 * [{name, code}] (TLS 1.2 only)}), empty_certificate_accepted (TLS 1.3: a ticket followed it;
 * null in TLS 1.2), post_handshake_auth (TLS 1.3: {offered, used, listened_seconds, words}),
 * chain [{subject, issuer, pem}]}], reports [inspect's object for a FILE (inspect_json.c), with
 * tls: which attempts sent the chain], not_observable [words]. */
#include "inspect_internal.h"
#include "inspect_json.h"
#include "json_text.h"
#include "live_inspect.h"
#include "live_words.h"

#include <openssl/pem.h>

#include <stdlib.h>
#include <string.h>

static json_t *sigalgs_json(const mg_live_sigalg *algs, size_t n)
{
    json_t *list = json_array();
    for (size_t i = 0; list && i < n; i++) {
        char code[8];
        snprintf(code, sizeof code, "0x%04x", algs[i].code);
        if (json_array_append_new(list, json_pack("{s:s?, s:s}", "name",
                                                  *algs[i].name ? algs[i].name : NULL, "code",
                                                  code)) != 0) {
            json_decref(list);
            return NULL;
        }
    }
    return list;
}

static json_t *request_json(const mg_live_attempt *a)
{
    const mg_live_cert_request *r = &a->request;
    json_t *names = json_array();
    for (size_t i = 0; names && i < r->ca_count; i++)
        if (json_array_append_new(names, mg_json_text(r->ca_names[i])) != 0) {
            json_decref(names);
            names = NULL;
        }
    json_t *doc = json_pack("{s:s, s:o, s:I, s:I, s:o, s:o}", "when",
                            r->post_handshake ? "post-handshake" : "handshake", "ca_names", names,
                            "ca_count", (json_int_t)r->ca_count, "ca_list_bytes",
                            (json_int_t)r->ca_list_bytes, "signature_algorithms",
                            sigalgs_json(r->sigalgs, r->sigalg_count),
                            "shared_signature_algorithms",
                            sigalgs_json(r->shared, r->shared_count));
    if (doc && strcmp(a->tls, "1.2") == 0) {
        json_t *types = json_array();
        for (size_t i = 0; types && i < r->cert_type_count; i++)
            json_array_append_new(types, json_pack("{s:s?, s:i}", "name",
                                                   mg_live_cert_type_name(r->cert_types[i]),
                                                   "code", (int)r->cert_types[i]));
        json_object_set_new(doc, "certificate_types", types ? types : json_null());
    }
    return doc;
}

static json_t *pem_json(X509 *cert)
{
    BIO *bio = BIO_new(BIO_s_mem());
    char *data = NULL;
    long len = bio && PEM_write_bio_X509(bio, cert) ? BIO_get_mem_data(bio, &data) : -1;
    json_t *text = len >= 0 ? json_stringn(data, (size_t)len) : NULL;
    BIO_free(bio);
    return text;
}

static json_t *chain_json(STACK_OF(X509) *chain)
{
    json_t *list = json_array();
    for (int i = 0; list && i < sk_X509_num(chain); i++) {
        X509 *cert = sk_X509_value(chain, i);
        char *subject = mg_inspect_name_text(X509_get_subject_name(cert));
        char *issuer = mg_inspect_name_text(X509_get_issuer_name(cert));
        json_t *one = json_pack("{s:o, s:o, s:o}", "subject", mg_json_text(subject), "issuer",
                                mg_json_text(issuer), "pem", pem_json(cert));
        free(subject);
        free(issuer);
        if (json_array_append_new(list, one) != 0) {
            json_decref(list);
            return NULL;
        }
    }
    return list;
}

static json_t *attempt_json(const mg_live_attempt *a)
{
    char words[1024];
    mg_live_outcome_words(a, words, sizeof words);
    bool tls13 = strcmp(a->tls, "1.3") == 0;
    json_t *doc = json_pack("{s:s, s:s, s:o, s:s?, s:o, s:o}", "tls", a->tls, "handshake",
                            mg_live_outcome_id(a->outcome), "detail", mg_json_text(words),
                            "negotiated", *a->negotiated ? a->negotiated : NULL,
                            "certificate_request", a->asked ? request_json(a) : json_null(),
                            "chain", a->chain ? chain_json(a->chain) : json_array());
    if (!doc) return NULL;
    json_object_set_new(doc, "empty_certificate_accepted",
                        tls13 && a->asked && !a->request.post_handshake
                            ? json_boolean(a->ticket_after_empty_cert)
                            : json_null());
    if (!tls13) {
        json_object_set_new(doc, "post_handshake_auth", json_null());
        return doc;
    }
    mg_live_pha_words(a, words, sizeof words);
    json_object_set_new(doc, "post_handshake_auth",
                        json_pack("{s:b, s:b, s:f, s:s}", "offered", a->pha_offered, "used",
                                  a->asked && a->request.post_handshake, "listened_seconds",
                                  (double)(long)(a->listened * 1000 + 0.5) / 1000, "words", words));
    return doc;
}

mg_result mg_live_json(const mg_live_inspection *in, json_t **out)
{
    const mg_live_request *req = in->request;
    json_t *attempts = json_array(), *reports = json_array(), *unseen = json_array();
    for (int i = 0; attempts && i < 2; i++)
        json_array_append_new(attempts, attempt_json(&in->live.attempts[i]));
    for (size_t i = 0; reports && i < in->report_count; i++) {
        json_t *report = NULL;
        if (mg_ok(mg_inspect_report_json(&in->reports[i], &report)))
            json_object_set_new(report, "tls", json_string(in->report_tls[i]));
        json_array_append_new(reports, report);
    }
    for (const char *const *n = mg_live_not_observable; unseen && *n; n++)
        json_array_append_new(unseen, json_string(*n));
    *out = json_pack("{s:o, s:s?, s:o, s:s, s:b, s:o*, s:o*, s:o*}", "connect",
                     mg_json_text(req->target), "sni", in->sni, "host",
                     mg_json_text(req->servername ? req->servername : req->host),
                     "client_certificate", mg_live_client_certificate(&in->live), "suitable",
                     mg_live_suitable(in), "attempts", attempts, "reports", reports,
                     "not_observable", unseen);
    MG_ENSURE(*out && json_array_size(attempts) == 2 &&
                  json_array_size(reports) == in->report_count,
              MG_E_INTERNAL, "cannot build the JSON report of %s", req->target);
    return MG_OK;
}
