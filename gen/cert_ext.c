/* The extensions of a certificate, from its spec: written as openssl.cnf-style values and
 * parsed by libcrypto (X509V3_EXT_nconf_nid), so each reads like a line of a CA config. */
#include "gen_internal.h"

#include <openssl/conf.h>
#include <openssl/evp.h>
#include <openssl/x509v3.h>
#include <stdio.h>
#include <string.h>

/* An unknown extension: the OID is under IANA's enterprise number for documentation. */
#define MG_UNKNOWN_EXTENSION_OID "1.3.6.1.4.1.32473.1.1"
#define MG_TEST_POLICY_OID "1.3.6.1.4.1.32473.2.1"
#define MG_POLICY_ARC "1.3.6.1.4.1.32473.2."
#define MG_OTHER_POLICY_OID MG_POLICY_ARC "9"
#define MG_POLICY_TREE_WIDTH 6 /* policies 1..6 of the arc; 1 is the test policy */

/* crlDistributionPoints with one DistributionPoint whose fullName is a name type that CRL
 * checks compare (OpenSSL CVE-2020-1971: EDIPartyName, CVE-2023-0286: x400Address). Written
 * as DER because openssl.cnf syntax cannot spell either type. */
#define MG_CRLDP_EDI_DER "DER:30:0F:30:0D:A0:0B:A0:09:A5:07:A1:05:0C:03:65:64:69"
#define MG_CRLDP_X400_DER "DER:30:10:30:0E:A0:0C:A0:0A:A3:08:30:06:61:04:13:02:55:53"

static MG_RESULT add_ext(X509 *cert, X509V3_CTX *v3, int nid, const char *oid, const char *value)
{
    CONF *conf = v3->db; /* X509V3_set_nconf stored it there */
    X509_EXTENSION *ext = oid ? X509V3_EXT_nconf(conf, v3, oid, value)
                              : X509V3_EXT_nconf_nid(conf, v3, nid, value);
    MG_ENSURE(ext != NULL, MG_E_INTERNAL, "bad extension value \"%s\"", value);
    int ok = X509_add_ext(cert, ext, -1);
    X509_EXTENSION_free(ext);
    MG_ENSURE(ok, MG_E_INTERNAL, "cannot add extension \"%s\"", value);
    return MG_OK;
}

static void append(char *buf, size_t cap, const char *word)
{
    size_t n = strlen(buf);
    snprintf(buf + n, cap - n, "%s%s", n && buf[n - 1] != ',' ? "," : "", word);
}

static void key_usage_text(unsigned ku, char *buf, size_t cap)
{
    snprintf(buf, cap, "critical,");
    if (ku & MG_KU_DIGITAL_SIGNATURE) append(buf, cap, "digitalSignature");
    if (ku & MG_KU_KEY_ENCIPHERMENT) append(buf, cap, "keyEncipherment");
    if (ku & MG_KU_KEY_AGREEMENT) append(buf, cap, "keyAgreement");
    if (ku & MG_KU_CERT_SIGN) append(buf, cap, "keyCertSign");
    if (ku & MG_KU_CRL_SIGN) append(buf, cap, "cRLSign");
}

static void eku_text(unsigned eku, char *buf, size_t cap)
{
    buf[0] = '\0';
    if (eku & MG_EKU_SERVER) append(buf, cap, "serverAuth");
    if (eku & MG_EKU_CLIENT) append(buf, cap, "clientAuth");
    if (eku & MG_EKU_CODE) append(buf, cap, "codeSigning");
    if (eku & MG_EKU_EMAIL) append(buf, cap, "emailProtection");
    if (eku & MG_EKU_ANY) append(buf, cap, "anyExtendedKeyUsage");
    if (eku & MG_EKU_OCSP) append(buf, cap, "OCSPSigning");
}

static MG_RESULT add_basic_constraints(X509 *cert, X509V3_CTX *v3, const mg_cert_spec *spec)
{
    if (spec->flags & MG_F_NO_BASIC_CONSTRAINTS) return MG_OK;
    char text[64];
    int ca = (spec->is_ca && !(spec->flags & MG_F_CA_FALSE)) || (spec->flags & MG_F_LEAF_CA);
    snprintf(text, sizeof text, "%sCA:%s%s", spec->flags & MG_F_BC_NONCRITICAL ? "" : "critical,",
             ca ? "TRUE" : "FALSE", spec->flags & MG_F_PATHLEN0 ? ",pathlen:0" : "");
    return add_ext(cert, v3, NID_basic_constraints, NULL, text);
}

/* An authorityKeyIdentifier holding this key identifier. */
static MG_RESULT add_aki_keyid(X509 *cert, const unsigned char *id, size_t len)
{
    AUTHORITY_KEYID *akid = AUTHORITY_KEYID_new();
    MG_ENSURE(akid != NULL, MG_E_INTERNAL, "out of memory");
    akid->keyid = ASN1_OCTET_STRING_new();
    int ok = akid->keyid && ASN1_OCTET_STRING_set(akid->keyid, id, (int)len)
             && X509_add1_ext_i2d(cert, NID_authority_key_identifier, akid, 0, X509V3_ADD_APPEND);
    AUTHORITY_KEYID_free(akid);
    MG_ENSURE(ok, MG_E_INTERNAL, "cannot add an authorityKeyIdentifier");
    return MG_OK;
}

/* An issuer without a subjectKeyIdentifier (a v1 CA) still has a key identifier: RFC 5280
 * 4.2.1.2 method (1), the SHA-1 of its subjectPublicKey, which is what "hash" would have put
 * in its SKI. AKI keyIdentifier stays present, as 4.2.1.1 asks of every certificate a
 * conforming CA issues. */
static MG_RESULT add_aki_from_issuer_key(X509 *cert, X509 *issuer)
{
    unsigned char id[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    MG_ENSURE(X509_pubkey_digest(issuer, EVP_sha1(), id, &len), MG_E_INTERNAL,
              "cannot hash the issuer's public key");
    return add_aki_keyid(cert, id, len);
}

static MG_RESULT add_key_ids(X509 *cert, X509 *issuer, X509V3_CTX *v3, const mg_cert_spec *spec)
{
    if (spec->flags & MG_F_NO_KEY_IDS) return MG_OK;
    MG_GUARD(add_ext(cert, v3, NID_subject_key_identifier, NULL, "hash"));
    if (spec->flags & MG_F_AKI_MISMATCH) { /* names a key that is not the issuer's */
        static const unsigned char other_id[20] = {0xde, 0xad, 0xbe, 0xef, 0x00, 0x01, 0x02};
        return add_aki_keyid(cert, other_id, sizeof other_id);
    }
    if (issuer == cert) return MG_OK; /* self-signed: the SKI says it all */
    if (X509_get0_subject_key_id(issuer) == NULL) return add_aki_from_issuer_key(cert, issuer);
    return add_ext(cert, v3, NID_authority_key_identifier, NULL, "keyid:always");
}

static int push_name(GENERAL_NAMES *names, int type, const char *text, size_t len)
{
    GENERAL_NAME *name = GENERAL_NAME_new();
    ASN1_IA5STRING *value = ASN1_IA5STRING_new();
    if (!name || !value || !ASN1_STRING_set(value, text, (int)len)) {
        GENERAL_NAME_free(name);
        ASN1_IA5STRING_free(value);
        return 0;
    }
    GENERAL_NAME_set0_value(name, type, value);
    if (sk_GENERAL_NAME_push(names, name)) return 1;
    GENERAL_NAME_free(name);
    return 0;
}

/* The side's DNS name and a URI whose host holds a NUL after a permitted name: a C-string
 * reader sees www.<side>.test, a length-aware one a host outside the subtree (openssl/openssl
 * issue 31392). */
static MG_RESULT add_san_uri_nul(X509 *cert, const mg_cert_spec *spec)
{
    char dns[MG_NAME_MAX], uri[2 * MG_NAME_MAX];
    MG_GUARD(mg_expand("%s.test", spec->side, dns, sizeof dns));
    int len = snprintf(uri, sizeof uri, "https://www.%s%c.evil.test/", dns, '\0');
    GENERAL_NAMES *names = GENERAL_NAMES_new();
    int ok = names && push_name(names, GEN_DNS, dns, strlen(dns))
             && push_name(names, GEN_URI, uri, (size_t)len)
             && X509_add1_ext_i2d(cert, NID_subject_alt_name, names, 0, X509V3_ADD_APPEND);
    GENERAL_NAMES_free(names);
    MG_ENSURE(ok, MG_E_INTERNAL, "cannot add the SAN of %s", spec->name);
    return MG_OK;
}

static MG_RESULT add_names(X509 *cert, X509V3_CTX *v3, const mg_cert_spec *spec)
{
    if (spec->flags & MG_F_SAN_URI_NUL) {
        MG_GUARD(add_san_uri_nul(cert, spec));
    } else if (spec->flags & MG_F_EMPTY_SAN) {
        GENERAL_NAMES *none = GENERAL_NAMES_new();
        int ok = none && X509_add1_ext_i2d(cert, NID_subject_alt_name, none, 0, X509V3_ADD_APPEND);
        GENERAL_NAMES_free(none);
        MG_ENSURE(ok, MG_E_INTERNAL, "cannot add an empty SAN");
    } else if (spec->san[0]) {
        MG_GUARD(add_ext(cert, v3, NID_subject_alt_name, NULL, spec->san));
        if (spec->flags & MG_F_DUPLICATE_EXTENSION)
            MG_GUARD(add_ext(cert, v3, NID_subject_alt_name, NULL, spec->san));
    }
    if (spec->name_constraints[0])
        MG_GUARD(add_ext(cert, v3, NID_name_constraints, NULL, spec->name_constraints));
    return MG_OK;
}

/* Policies 1..N of the arc, and a mapping of each to every other: each level of such CAs
 * multiplies the valid policy tree by N - 1 (the shape of OpenSSL CVE-2023-0464). */
static MG_RESULT add_policy_tree(X509 *cert, X509V3_CTX *v3)
{
    char policies[512] = "", mappings[2048] = "", pair[96];
    for (int i = 1; i <= MG_POLICY_TREE_WIDTH; i++) {
        snprintf(pair, sizeof pair, MG_POLICY_ARC "%d", i);
        append(policies, sizeof policies, pair);
        for (int j = 1; j <= MG_POLICY_TREE_WIDTH; j++) {
            if (i == j) continue;
            snprintf(pair, sizeof pair, MG_POLICY_ARC "%d:" MG_POLICY_ARC "%d", i, j);
            append(mappings, sizeof mappings, pair);
        }
    }
    MG_GUARD(add_ext(cert, v3, NID_certificate_policies, NULL, policies));
    return add_ext(cert, v3, NID_policy_mappings, NULL, mappings);
}

static MG_RESULT add_policies_and_oddities(X509 *cert, X509V3_CTX *v3, const mg_cert_spec *spec)
{
    if (spec->flags & MG_F_POLICY)
        MG_GUARD(add_ext(cert, v3, NID_certificate_policies, NULL, MG_TEST_POLICY_OID));
    if (spec->flags & MG_F_POLICY_OTHER)
        MG_GUARD(add_ext(cert, v3, NID_certificate_policies, NULL, MG_OTHER_POLICY_OID));
    if (spec->flags & MG_F_POLICY_TREE) MG_GUARD(add_policy_tree(cert, v3));
    if (spec->flags & MG_F_CRLDP_EDI)
        MG_GUARD(add_ext(cert, v3, NID_crl_distribution_points, NULL, MG_CRLDP_EDI_DER));
    if (spec->flags & MG_F_CRLDP_X400)
        MG_GUARD(add_ext(cert, v3, NID_crl_distribution_points, NULL, MG_CRLDP_X400_DER));
    if (spec->flags & MG_F_REQUIRE_POLICY)
        MG_GUARD(add_ext(cert, v3, NID_policy_constraints, NULL,
                         "critical,requireExplicitPolicy:0"));
    if (spec->flags & MG_F_OCSP_NOCHECK)
        MG_GUARD(add_ext(cert, v3, NID_id_pkix_OCSP_noCheck, NULL, "ignored"));
    if (spec->flags & MG_F_CRITICAL_UNKNOWN)
        MG_GUARD(add_ext(cert, v3, 0, MG_UNKNOWN_EXTENSION_OID, "critical,DER:05:00"));
    return MG_OK;
}

static MG_RESULT add_all(X509 *cert, X509 *issuer, X509V3_CTX *v3, const mg_cert_spec *spec)
{
    char text[256];
    MG_GUARD(add_basic_constraints(cert, v3, spec));
    if (!(spec->ku & MG_KU_ABSENT)) {
        key_usage_text(spec->ku, text, sizeof text);
        MG_GUARD(add_ext(cert, v3, NID_key_usage, NULL, text));
    }
    if (!(spec->eku & MG_EKU_ABSENT)) {
        eku_text(spec->eku, text, sizeof text);
        MG_GUARD(add_ext(cert, v3, NID_ext_key_usage, NULL, text));
    }
    MG_GUARD(add_key_ids(cert, issuer, v3, spec));
    MG_GUARD(add_names(cert, v3, spec));
    return add_policies_and_oddities(cert, v3, spec);
}

MG_RESULT mg_cert_add_extensions(mg_gen *g, X509 *cert, X509 *issuer, const mg_cert_spec *spec)
{
    /* An empty config database: certificatePolicies refuses to parse without one. */
    CONF *conf = NCONF_new_ex(g->libctx, NULL);
    MG_ENSURE(conf != NULL, MG_E_INTERNAL, "out of memory");
    X509V3_CTX v3;
    X509V3_set_ctx(&v3, issuer, cert, NULL, NULL, 0);
    X509V3_set_nconf(&v3, conf);
    mg_result r = add_all(cert, issuer, &v3, spec);
    NCONF_free(conf);
    return r;
}
