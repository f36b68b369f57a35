/* The credential reader names the file and the line of a bad PEM block in a bundle, reads
 * TRUSTED CERTIFICATE blocks and DER objects back to back, and words key and PKCS#12 problems
 * without any command's flags (the callers add those). */
#include "credential_read.h"
#include "mg_test.h"

#include <openssl/pem.h>

#include <stdio.h>
#include <stdlib.h>

static char dir[] = "/tmp/mg-credential-read-XXXXXX";

static const char *path_of(const char *name)
{
    static char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return path;
}

static X509 *self_signed(EVP_PKEY *key)
{
    X509 *x = X509_new();
    X509_set_version(x, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(x), 1);
    X509_NAME_add_entry_by_txt(X509_get_subject_name(x), "CN", MBSTRING_ASC,
                               (const unsigned char *)"credential test", -1, -1, 0);
    X509_set_issuer_name(x, X509_get_subject_name(x));
    X509_gmtime_adj(X509_getm_notBefore(x), 0);
    X509_gmtime_adj(X509_getm_notAfter(x), 3600);
    X509_set_pubkey(x, key);
    X509_sign(x, key, EVP_sha256());
    return x;
}

static void check_certs(X509 *cert)
{
    /* text, a good block, a comment line, then a broken block starting on line 2 + n + 1 */
    FILE *f = fopen(path_of("bundle.pem"), "w");
    CHECK(f != NULL);
    if (!f) return;
    fputs("a bundle\n", f);
    PEM_write_X509(f, cert);
    fputs("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", f);
    fclose(f);
    int lines = 0;
    f = fopen(path_of("bundle.pem"), "r");
    for (int c; f && (c = fgetc(f)) != EOF;) lines += c == '\n';
    if (f) fclose(f);
    STACK_OF(X509) *certs = NULL;
    mg_result r = mg_credential_read_certs(path_of("bundle.pem"), &certs);
    char expected[256];
    snprintf(expected, sizeof expected,
             "%s:%d: PEM block 2 (CERTIFICATE) is not a valid certificate", path_of("bundle.pem"),
             lines - 2);
    if (!strstr(mg_error_message(), expected))
        fprintf(stderr, "\"%s\" lacks \"%s\"\n", mg_error_message(), expected);
    CHECK(!mg_ok(r) && r.kind == MG_E_INPUT && certs == NULL);
    CHECK(strstr(mg_error_message(), expected));

    f = fopen(path_of("two.der"), "wb");
    CHECK(f && i2d_X509_fp(f, cert) && i2d_X509_fp(f, cert));
    if (f) fclose(f);
    CHECK(mg_ok(mg_credential_read_certs(path_of("two.der"), &certs)) && sk_X509_num(certs) == 2);
    sk_X509_pop_free(certs, X509_free);

    f = fopen(path_of("trusted.pem"), "w");
    CHECK(f && PEM_write_X509_AUX(f, cert));
    if (f) fclose(f);
    CHECK(mg_ok(mg_credential_read_certs(path_of("trusted.pem"), &certs)));
    CHECK(sk_X509_num(certs) == 1);
    sk_X509_pop_free(certs, X509_free);
}

static void check_keys(EVP_PKEY *key)
{
    FILE *f = fopen(path_of("key.pem"), "w");
    CHECK(f && PEM_write_PrivateKey(f, key, NULL, NULL, 0, NULL, NULL));
    if (f) fclose(f);
    EVP_PKEY *read = NULL;
    CHECK(mg_ok(mg_credential_read_key(path_of("key.pem"), &read)) && read);
    EVP_PKEY_free(read);
    mg_result r = mg_credential_read_key(path_of("trusted.pem"), &read);
    CHECK(!mg_ok(r) && strstr(mg_error_message(), "trusted.pem: holds a certificate, not a"));
    X509 *leaf = NULL;
    STACK_OF(X509) *chain = NULL;
    r = mg_credential_read_p12(path_of("key.pem"), "x", &read, &leaf, &chain);
    CHECK(!mg_ok(r) && strstr(mg_error_message(), "key.pem: not a PKCS#12 file (it is PEM"));
    r = mg_credential_read_p12(path_of("key.pem"), NULL, &read, &leaf, &chain);
    CHECK(!mg_ok(r) && r.kind == MG_E_USAGE && strstr(mg_error_message(), "needs its password"));
}

int main(void)
{
    CHECK(mkdtemp(dir) != NULL);
    EVP_PKEY *key = EVP_EC_gen("P-256");
    X509 *cert = key ? self_signed(key) : NULL;
    CHECK(cert != NULL);
    if (cert) {
        check_certs(cert);
        check_keys(key);
    }
    X509_free(cert);
    EVP_PKEY_free(key);
    char cmd[64];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    CHECK(system(cmd) == 0);
    TEST_END();
}
