/* The self-signed server credential of CLIENT testcases, made with libcrypto. No key usage
 * extension: OpenSSL counts a certificate as self-signed only when it may sign certificates,
 * and a trusted self-signed leaf is then its own anchor on both stacks. */
#include "limbo_server_cert.h"

#include "atomic_file.h"
#include "path_join.h"

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

static bool add_ext(X509 *cert, int nid, const char *value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, cert, cert, NULL, NULL, 0);
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(NULL, &ctx, nid, value);
    bool ok = ext && X509_add_ext(cert, ext, -1);
    X509_EXTENSION_free(ext);
    return ok;
}

static bool fill(X509 *cert, EVP_PKEY *key)
{
    X509_NAME *name = X509_get_subject_name(cert);
    return X509_set_version(cert, X509_VERSION_3) &&
           ASN1_INTEGER_set(X509_get_serialNumber(cert), 0x11b0) &&
           X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                                      (const unsigned char *)MG_LIMBO_SERVER_NAME, -1, -1, 0) &&
           X509_set_issuer_name(cert, name) &&
           ASN1_TIME_set_string_X509(X509_getm_notBefore(cert), "19500101000000Z") &&
           ASN1_TIME_set_string_X509(X509_getm_notAfter(cert), "99991231235959Z") &&
           X509_set_pubkey(cert, key) &&
           add_ext(cert, NID_basic_constraints, "critical,CA:FALSE") &&
           add_ext(cert, NID_ext_key_usage, "serverAuth") &&
           add_ext(cert, NID_subject_alt_name, "DNS:" MG_LIMBO_SERVER_NAME) &&
           add_ext(cert, NID_subject_key_identifier, "hash") &&
           X509_sign(cert, key, EVP_sha256()) > 0;
}

static MG_RESULT write_pem(const char *path, X509 *cert, EVP_PKEY *key)
{
    mg_atomic_file f;
    MG_GUARD(mg_atomic_open_mode(&f, path, key ? 0600 : 0644));
    bool ok = key ? PEM_write_PrivateKey(f.file, key, NULL, NULL, 0, NULL, NULL)
                  : PEM_write_X509(f.file, cert);
    if (!ok) {
        mg_atomic_abandon(&f);
        return mg_fail(MG_E_IO, "%s: cannot write", path);
    }
    return mg_atomic_commit(&f);
}

mg_result mg_limbo_write_server_credential(const char *dir, char *cert_path, char *key_path,
                                           size_t len)
{
    MG_GUARD(mg_path_join(cert_path, len, dir, "limbo-server.pem"));
    MG_GUARD(mg_path_join(key_path, len, dir, "limbo-server.key"));
    EVP_PKEY *key = EVP_PKEY_Q_keygen(NULL, NULL, "EC", "P-256");
    X509 *cert = key ? X509_new() : NULL;
    mg_result r = MG_OK;
    if (!cert || !fill(cert, key)) {
        const char *error = ERR_reason_error_string(ERR_peek_last_error());
        r = mg_fail(MG_E_INTERNAL, "cannot make the limbo server certificate: %s",
                    error ? error : "libcrypto failed");
    }
    ERR_clear_error();
    if (mg_ok(r)) r = write_pem(cert_path, cert, NULL);
    if (mg_ok(r)) r = write_pem(key_path, NULL, key);
    X509_free(cert);
    EVP_PKEY_free(key);
    return r;
}
