/* keyUsage of the leaf: in TLS the certificate's key signs the handshake (CertificateVerify,
 * or ServerKeyExchange with ECDHE), so when keyUsage is present it needs digitalSignature
 * (RFC 5280 4.2.1.3, RFC 8446 4.4.2.2). keyCertSign on the CAs is the chain check's part. */
#include "inspect_internal.h"

#include <openssl/x509v3.h>

#include <stdio.h>

static void ku_list(uint32_t ku, char *buf, size_t len)
{
    static const struct {
        uint32_t bit;
        const char *name;
    } names[] = {
        {KU_DIGITAL_SIGNATURE, "digitalSignature"}, {KU_NON_REPUDIATION, "nonRepudiation"},
        {KU_KEY_ENCIPHERMENT, "keyEncipherment"},   {KU_DATA_ENCIPHERMENT, "dataEncipherment"},
        {KU_KEY_AGREEMENT, "keyAgreement"},         {KU_KEY_CERT_SIGN, "keyCertSign"},
        {KU_CRL_SIGN, "cRLSign"},                   {KU_ENCIPHER_ONLY, "encipherOnly"},
        {KU_DECIPHER_ONLY, "decipherOnly"},
    };
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < sizeof names / sizeof names[0] && used + 1 < len; i++) {
        if (!(ku & names[i].bit)) continue;
        int n = snprintf(buf + used, len - used, "%s%s", used ? ", " : "", names[i].name);
        used += n > 0 ? (size_t)n : 0;
    }
    if (!*buf) snprintf(buf, len, "(empty)");
}

mg_result mg_check_key_usage(const mg_inspect_subject *s, mg_inspect_report *r)
{
    if (!(X509_get_extension_flags(s->leaf) & EXFLAG_KUSAGE))
        return mg_inspect_add_passed(r, "key-usage", "no keyUsage extension: every use is allowed");
    uint32_t ku = X509_get_key_usage(s->leaf);
    char list[200];
    ku_list(ku, list, sizeof list);
    if (ku & KU_DIGITAL_SIGNATURE)
        return mg_inspect_add_passed(r, "key-usage", "keyUsage %s", list);
    if (s->role == MG_INSPECT_CLIENT && !(ku & KU_KEY_AGREEMENT))
        return mg_inspect_add_problem(
            r, "ku-refused-client-purpose",
            "Its keyUsage is %s: neither digitalSignature nor keyAgreement. A client signs "
            "CertificateVerify with its key, so RFC 5280 4.2.1.3 rules it out in this role: "
            "OpenSSL servers (nginx, curl's peers) refuse it by their sslclient purpose check "
            "(verify error 26), GnuTLS by its key-usage check (a GnuTLS client will not even "
            "send it), wolfSSL 5.5 in TLS 1.2 only.",
            list);
    EVP_PKEY *key = X509_get0_pubkey(s->leaf);
    bool rsa_encipher =
        (ku & KU_KEY_ENCIPHERMENT) && key && EVP_PKEY_get_base_id(key) == EVP_PKEY_RSA;
    return mg_inspect_add_problem(
        r, "ku-no-digital-signature",
        "Its keyUsage is %s, without digitalSignature: the key may not sign the handshake.%s", list,
        rsa_encipher && s->role == MG_INSPECT_SERVER
            ? " keyEncipherment serves only TLS 1.2 RSA key exchange, which TLS 1.3 and most "
              "clients no longer offer."
            : "");
}
