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

/* One SAN entry as "DNS:name", "IP:addr", "URI:uri", "email:addr" or the type's name. */
static void general_name_text(const GENERAL_NAME *gen, char *buf, size_t len)
{
    const ASN1_STRING *s = NULL;
    const char *prefix = NULL;
    switch (gen->type) {
    case GEN_DNS: prefix = "DNS", s = gen->d.dNSName; break;
    case GEN_URI: prefix = "URI", s = gen->d.uniformResourceIdentifier; break;
    case GEN_EMAIL: prefix = "email", s = gen->d.rfc822Name; break;
    case GEN_IPADD: {
        char addr[INET6_ADDRSTRLEN] = "?";
        int n = ASN1_STRING_length(gen->d.iPAddress);
        if (n == 4 || n == 16)
            inet_ntop(n == 4 ? AF_INET : AF_INET6, ASN1_STRING_get0_data(gen->d.iPAddress), addr,
                      sizeof addr);
        snprintf(buf, len, "IP:%s", addr);
        return;
    }
    default: snprintf(buf, len, "%s", gen->type == GEN_DIRNAME ? "dirName" : "otherName"); return;
    }
    snprintf(buf, len, "%s:%.*s", prefix, ASN1_STRING_length(s),
             (const char *)ASN1_STRING_get0_data(s));
}

char *mg_inspect_san_text(X509 *cert)
{
    GENERAL_NAMES *names = X509_get_ext_d2i(cert, NID_subject_alt_name, NULL, NULL);
    size_t cap = 1, used = 0;
    char *text = calloc(1, cap);
    for (int i = 0; text && i < sk_GENERAL_NAME_num(names); i++) {
        char one[300];
        general_name_text(sk_GENERAL_NAME_value(names, i), one, sizeof one);
        size_t need = used + strlen(one) + 3;
        char *grown = realloc(text, need);
        if (!grown) {
            free(text);
            text = NULL;
            break;
        }
        text = grown;
        used += (size_t)sprintf(text + used, "%s%s", used ? ", " : "", one);
    }
    GENERAL_NAMES_free(names);
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
