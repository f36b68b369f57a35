/* wolfSSL's view of a certificate: the DecodedCert that wolfCrypt's ParseCert fills, which
 * is what a handshake's ProcessPeerCerts and the certificate manager read (the compatibility
 * layer's WOLFSSL_X509 is a copy of it). Parsed with NO_VERIFY: no signer, no date check,
 * only the decoding, as the other stacks' views parse without verifying. */
#include "x509_view_wolfssl.h"

#include <wolfssl/wolfcrypt/asn.h>
#include <wolfssl/wolfcrypt/asn_public.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The length of the outer DER element (tag, length, content), or 0 when its header does not
 * read: the view accepts only an input that is one certificate and nothing after it. */
static size_t outer_length(const uint8_t *der, size_t len)
{
    if (len < 2) return 0;
    size_t header = 2, content = der[1];
    if (der[1] & 0x80) {
        size_t n = der[1] & 0x7f;
        if (n == 0 || n > sizeof(size_t) || len < 2 + n) return 0;
        content = 0;
        for (size_t i = 0; i < n; i++) content = content << 8 | der[2 + i];
        header += n;
    }
    return content > len - header ? 0 : header + content;
}

/* wolfSSL keeps extendedKeyUsage as bits, one per purpose it knows; the view names them by
 * OID (an OID it does not know leaves no trace, see x509_known_wolfssl.c). */
static void read_eku(const DecodedCert *cert, mg_x509_view *view)
{
    static const struct {
        unsigned bit;
        const char *oid;
    } purposes[] = {
        {EXTKEYUSE_ANY, "2.5.29.37.0"},
        {EXTKEYUSE_SERVER_AUTH, "1.3.6.1.5.5.7.3.1"},
        {EXTKEYUSE_CLIENT_AUTH, "1.3.6.1.5.5.7.3.2"},
        {EXTKEYUSE_CODESIGN, "1.3.6.1.5.5.7.3.3"},
        {EXTKEYUSE_EMAILPROT, "1.3.6.1.5.5.7.3.4"},
        {EXTKEYUSE_TIMESTAMP, "1.3.6.1.5.5.7.3.8"},
        {EXTKEYUSE_OCSP_SIGN, "1.3.6.1.5.5.7.3.9"},
    };
    view->eku_state = cert->extExtKeyUsageSet ? MG_EXT_READ : MG_EXT_ABSENT;
    for (size_t i = 0; i < sizeof purposes / sizeof *purposes; i++)
        if (cert->extExtKeyUsage & purposes[i].bit) mg_strlist_add(&view->eku, purposes[i].oid);
}

static void read_san(const DecodedCert *cert, mg_x509_view *view)
{
    view->san_state = cert->extSubjAltNameSet ? MG_EXT_READ : MG_EXT_ABSENT;
    for (const DNS_entry *name = cert->altNames; name != NULL; name = name->next) {
        size_t n = name->len > 0 ? (size_t)name->len : 0;
        char prefix[32];
        switch (name->type) {
        case ASN_DNS_TYPE: mg_strlist_add_hex(&view->san, "dns", name->name, n); break;
        case ASN_RFC822_TYPE: mg_strlist_add_hex(&view->san, "email", name->name, n); break;
        case ASN_URI_TYPE: mg_strlist_add_hex(&view->san, "uri", name->name, n); break;
        case ASN_IP_TYPE: mg_strlist_add_hex(&view->san, "ip", name->name, n); break;
        case ASN_DIR_TYPE: { /* the Name's content: put its SEQUENCE header back */
            uint8_t *dn = malloc(n + 6);
            if (dn == NULL) abort();
            size_t h = 0;
            dn[h++] = 0x30;
            if (n < 0x80) {
                dn[h++] = (uint8_t)n;
            } else {
                size_t bytes = n > 0xffffff ? 4 : n > 0xffff ? 3 : n > 0xff ? 2 : 1;
                dn[h++] = (uint8_t)(0x80 | bytes);
                for (size_t b = bytes; b-- > 0;) dn[h++] = (uint8_t)(n >> (8 * b));
            }
            memcpy(dn + h, name->name, n);
            mg_strlist_add_hex(&view->san, "dn", dn, h + n);
            free(dn);
            break;
        }
        default:
            snprintf(prefix, sizeof prefix, "wolfssl-type%d", name->type);
            mg_strlist_add_hex(&view->san, prefix, name->name, n);
        }
    }
}

static void read_key_usage(const DecodedCert *cert, mg_x509_view *view)
{
    /* KEYUSE_* in RFC 5280 bit order, bit 0 first. */
    static const unsigned flags[9] = {
        KEYUSE_DIGITAL_SIG, KEYUSE_CONTENT_COMMIT, KEYUSE_KEY_ENCIPHER,
        KEYUSE_DATA_ENCIPHER, KEYUSE_KEY_AGREE, KEYUSE_KEY_CERT_SIGN,
        KEYUSE_CRL_SIGN, KEYUSE_ENCIPHER_ONLY, KEYUSE_DECIPHER_ONLY};
    view->ku_state = cert->extKeyUsageSet ? MG_EXT_READ : MG_EXT_ABSENT;
    for (int bit = 0; cert->extKeyUsageSet && bit < 9; bit++)
        if (cert->extKeyUsage & flags[bit]) view->ku_bits |= 1u << bit;
}

/* One validity instant as wolfCrypt reads it (GetDateInfo, ExtractDate), in seconds since the
 * epoch; false when it does not read. */
static bool read_instant(const byte *date, int len, int64_t *at)
{
    const byte *value = NULL;
    byte format = 0;
    int value_len = 0;
    struct tm tm = {0};
    if (date == NULL || len <= 0 || wc_GetDateInfo(date, len, &value, &format, &value_len) != 0 ||
        wc_GetDateAsCalendarTime(value, value_len, format, &tm) != 0)
        return false;
    *at = (int64_t)timegm(&tm);
    return true;
}

void mg_x509_view_wolfssl(const uint8_t *der, size_t len, mg_x509_view *view)
{
    *view = (mg_x509_view){0};
    view->pathlen = -1;
    if (len > UINT32_MAX) return;
    DecodedCert *cert = malloc(sizeof *cert);
    if (cert == NULL) abort();
    wc_InitDecodedCert(cert, der, (word32)len, NULL);
    int ret = wc_ParseCert(cert, CERT_TYPE, NO_VERIFY, NULL);
    view->native_error = ret;
    view->accepted = ret == 0 && outer_length(der, len) == len;
    if (ret == 0) {
        read_eku(cert, view);
        read_san(cert, view);
        view->bc_state = cert->extBasicConstSet ? MG_EXT_READ : MG_EXT_ABSENT;
        view->ca = cert->isCA != 0;
        view->pathlen = cert->pathLengthSet ? cert->pathLength : -1;
        read_key_usage(cert, view);
        view->validity_read = read_instant(cert->beforeDate, cert->beforeDateLen,
                                           &view->not_before) &&
                              read_instant(cert->afterDate, cert->afterDateLen, &view->not_after);
        mg_strlist_sort(&view->eku);
        mg_strlist_sort(&view->san);
    }
    wc_FreeDecodedCert(cert);
    free(cert);
}
