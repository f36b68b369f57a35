/* Text forms of certificate fields, as operators know them from openssl x509 -text. */
#include "inspect_internal.h"
#include "inspect_time.h"

#include <openssl/bio.h>
#include <openssl/x509v3.h>

#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

static char *bio_text(BIO *bio)
{
    char *data = NULL;
    long len = BIO_get_mem_data(bio, &data);
    char *text = len >= 0 ? malloc((size_t)len + 1) : NULL;
    if (text) {
        if (len > 0) memcpy(text, data, (size_t)len);
        text[len] = '\0';
    }
    return text;
}

char *mg_inspect_name_text(const X509_NAME *name)
{
    BIO *bio = BIO_new(BIO_s_mem());
    if (!bio) return NULL;
    unsigned long flags = (XN_FLAG_ONELINE & ~ASN1_STRFLGS_ESC_MSB) | ASN1_STRFLGS_UTF8_CONVERT;
    char *text = X509_NAME_print_ex(bio, name, 0, flags) >= 0 ? bio_text(bio) : NULL;
    BIO_free(bio);
    return text;
}

char *mg_inspect_hex_text(const ASN1_OCTET_STRING *bytes)
{
    int len = bytes ? ASN1_STRING_length(bytes) : 0;
    char *text = malloc(len > 0 ? (size_t)len * 3 : 1);
    if (!text) return NULL;
    text[0] = '\0';
    const unsigned char *data = len > 0 ? ASN1_STRING_get0_data(bytes) : NULL;
    for (int i = 0; i < len; i++) sprintf(text + 3 * i, i + 1 < len ? "%02X:" : "%02X", data[i]);
    return text;
}

/* One SAN entry's type as openssl x509 -text names it ("DNS", "IP", "URI", "email") and its
 * value, malloc'd (a dirName's is its DN; an otherName's, "", as its value has no text form). */
static char *general_name_value(const GENERAL_NAME *gen, const char **type)
{
    const ASN1_STRING *s = NULL;
    switch (gen->type) {
    case GEN_DNS: *type = "DNS", s = gen->d.dNSName; break;
    case GEN_URI: *type = "URI", s = gen->d.uniformResourceIdentifier; break;
    case GEN_EMAIL: *type = "email", s = gen->d.rfc822Name; break;
    case GEN_IPADD: {
        char addr[INET6_ADDRSTRLEN] = "?";
        int n = ASN1_STRING_length(gen->d.iPAddress);
        if (n == 4 || n == 16)
            inet_ntop(n == 4 ? AF_INET : AF_INET6, ASN1_STRING_get0_data(gen->d.iPAddress), addr,
                      sizeof addr);
        *type = "IP";
        return strdup(addr);
    }
    case GEN_DIRNAME: *type = "dirName"; return mg_inspect_name_text(gen->d.directoryName);
    default: *type = "otherName"; return strdup("");
    }
    char *value = malloc((size_t)ASN1_STRING_length(s) + 1);
    if (value) {
        memcpy(value, ASN1_STRING_get0_data(s), (size_t)ASN1_STRING_length(s));
        value[ASN1_STRING_length(s)] = '\0';
    }
    return value;
}

bool mg_inspect_san_list(X509 *cert, mg_inspect_name **out, size_t *count)
{
    GENERAL_NAMES *names = X509_get_ext_d2i(cert, NID_subject_alt_name, NULL, NULL);
    int n = sk_GENERAL_NAME_num(names);
    *count = 0;
    *out = calloc(n > 0 ? (size_t)n : 1, sizeof **out);
    bool ok = *out != NULL;
    for (int i = 0; ok && i < n; i++) {
        mg_inspect_name *name = &(*out)[*count];
        name->value = general_name_value(sk_GENERAL_NAME_value(names, i), &name->type);
        ok = name->value != NULL;
        if (ok) (*count)++;
    }
    GENERAL_NAMES_free(names);
    if (!ok) mg_inspect_san_list_free(*out, *count), *out = NULL, *count = 0;
    return ok;
}

void mg_inspect_san_list_free(mg_inspect_name *names, size_t count)
{
    for (size_t i = 0; names && i < count; i++) free(names[i].value);
    free(names);
}

char *mg_inspect_san_list_text(const mg_inspect_name *names, size_t count)
{
    size_t need = 1;
    for (size_t i = 0; i < count; i++)
        need += strlen(names[i].type) + 1 + strlen(names[i].value) + 2;
    char *text = malloc(need);
    if (!text) return NULL;
    size_t used = 0;
    text[0] = '\0';
    for (size_t i = 0; i < count; i++)
        used += (size_t)snprintf(text + used, need - used, "%s%s%s%s", used ? ", " : "",
                                 names[i].type, *names[i].value ? ":" : "", names[i].value);
    return text;
}

char *mg_inspect_san_text(X509 *cert)
{
    mg_inspect_name *names;
    size_t count;
    if (!mg_inspect_san_list(cert, &names, &count)) return NULL;
    char *text = mg_inspect_san_list_text(names, count);
    mg_inspect_san_list_free(names, count);
    return text;
}

bool mg_inspect_asn1_seconds(const ASN1_TIME *t, int64_t *out)
{
    struct tm tm;
    if (!t || !ASN1_TIME_to_tm(t, &tm)) return false;
    *out = mg_inspect_days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday) * 86400 +
           tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec;
    return true;
}
