/* The backend compiles on OpenSSL 3.x and on 1.1.1 (ci/build-stack openssl=1.1.1w): the few
 * names of 3.0 it uses are given their 1.1.1 spelling here, and only here, so the backend's
 * files read the same on both. ossl_internal.h includes it, so every file of the backend
 * has it. On 3.x it adds nothing but 3.0's decoder header. */
#ifndef MG_OSSL_COMPAT_H
#define MG_OSSL_COMPAT_H

#include <openssl/opensslv.h>

#if OPENSSL_VERSION_NUMBER >= 0x30000000L

#include <openssl/crypto.h>
#include <openssl/decoder.h>

/* "3.0.19": the version the library (not its headers) reports. */
static inline const char *mg_ossl_version_text(void)
{
    return OpenSSL_version(OPENSSL_VERSION_STRING);
}

#else /* OpenSSL 1.1.1 */

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <limits.h>
#include <string.h>

/* "1.1.1w": 1.1.1 has no OPENSSL_VERSION_STRING, only "OpenSSL 1.1.1w  11 Sep 2023". */
#define MG_OSSL_VERSION_TEXT_MAX 32
static inline char *mg_ossl_version_buffer(void)
{
    static char buffer[MG_OSSL_VERSION_TEXT_MAX];
    return buffer;
}
static inline void mg_ossl_version_parse(void)
{
    const char *text = OpenSSL_version(OPENSSL_VERSION);
    const char *start = strchr(text, ' ');
    start = start ? start + 1 : text;
    size_t len = strcspn(start, " ");
    if (len >= MG_OSSL_VERSION_TEXT_MAX) len = MG_OSSL_VERSION_TEXT_MAX - 1;
    memcpy(mg_ossl_version_buffer(), start, len);
    mg_ossl_version_buffer()[len] = '\0';
}
static inline const char *mg_ossl_version_text(void)
{
    static CRYPTO_ONCE once = CRYPTO_ONCE_STATIC_INIT;
    CRYPTO_THREAD_run_once(&once, mg_ossl_version_parse);
    return mg_ossl_version_buffer();
}

/* 3.0 packs system errors (errno) with their own flag; 1.1.1 puts them in ERR_LIB_SYS. */
#define ERR_SYSTEM_ERROR(e) (ERR_GET_LIB(e) == ERR_LIB_SYS)

#define SSL_get1_peer_certificate SSL_get_peer_certificate

/* The verification codes 3.0 added (its RFC 5280 strictness checks, crypto/x509/v3_purp.c
 * and x509_vfy.c). 1.1.1 never returns them; they get negative stand-ins so that the reason
 * table keeps its rows on both and no stand-in can equal a code 1.1.1 does return (1.1.1
 * numbers some codes differently: its 78 and 79 are 3.0's 76 and 94). */
#define X509_V_ERR_SIGNATURE_ALGORITHM_INCONSISTENCY (-78)
#define X509_V_ERR_PATHLEN_INVALID_FOR_NON_CA (-80)
#define X509_V_ERR_PATHLEN_WITHOUT_KU_KEY_CERT_SIGN (-81)
#define X509_V_ERR_KU_KEY_CERT_SIGN_INVALID_FOR_NON_CA (-82)
#define X509_V_ERR_ISSUER_NAME_EMPTY (-83)
#define X509_V_ERR_SUBJECT_NAME_EMPTY (-84)
#define X509_V_ERR_MISSING_AUTHORITY_KEY_IDENTIFIER (-85)
#define X509_V_ERR_MISSING_SUBJECT_KEY_IDENTIFIER (-86)
#define X509_V_ERR_EMPTY_SUBJECT_ALT_NAME (-87)
#define X509_V_ERR_EMPTY_SUBJECT_SAN_NOT_CRITICAL (-88)
#define X509_V_ERR_CA_BCONS_NOT_CRITICAL (-89)
#define X509_V_ERR_AUTHORITY_KEY_IDENTIFIER_CRITICAL (-90)
#define X509_V_ERR_SUBJECT_KEY_IDENTIFIER_CRITICAL (-91)
#define X509_V_ERR_CA_CERT_MISSING_KEY_USAGE (-92)
#define X509_V_ERR_EXTENSIONS_REQUIRE_VERSION_3 (-93)

/* The part of 3.0's key decoder the backend uses (a private key, PEM or DER, PKCS#8 or the
 * traditional forms, never prompting), on 1.1.1's PEM and d2i readers. */
#define EVP_PKEY_KEYPAIR 0x87 /* the only selection the stand-in serves */
typedef struct mg_ossl_no_lib_ctx OSSL_LIB_CTX;
typedef struct {
    EVP_PKEY **out;
    pem_password_cb *password_cb;
    void *password_arg;
} OSSL_DECODER_CTX;

static inline OSSL_DECODER_CTX *OSSL_DECODER_CTX_new_for_pkey(
    EVP_PKEY **pkey, const char *input_type, const char *input_structure, const char *keytype,
    int selection, OSSL_LIB_CTX *libctx, const char *propquery)
{
    (void)input_type, (void)input_structure, (void)keytype, (void)libctx, (void)propquery;
    if (selection != EVP_PKEY_KEYPAIR) return NULL;
    OSSL_DECODER_CTX *ctx = OPENSSL_zalloc(sizeof *ctx);
    if (ctx) ctx->out = pkey;
    return ctx;
}

static inline int OSSL_DECODER_CTX_set_pem_password_cb(OSSL_DECODER_CTX *ctx,
                                                       pem_password_cb *cb, void *arg)
{
    ctx->password_cb = cb;
    ctx->password_arg = arg;
    return 1;
}

/* PEM first; DER only when the input holds no PEM block at all (as 3.0 tries each input
 * type in turn). */
static inline int OSSL_DECODER_from_bio(OSSL_DECODER_CTX *ctx, BIO *in)
{
    EVP_PKEY *key = PEM_read_bio_PrivateKey(in, NULL, ctx->password_cb, ctx->password_arg);
    unsigned long err = ERR_peek_last_error();
    if (!key && ERR_GET_LIB(err) == ERR_LIB_PEM && ERR_GET_REASON(err) == PEM_R_NO_START_LINE &&
        BIO_reset(in) == 0) {
        ERR_clear_error();
        key = d2i_PrivateKey_bio(in, NULL);
    }
    if (!key) return 0;
    EVP_PKEY_free(*ctx->out);
    *ctx->out = key;
    return 1;
}

static inline int OSSL_DECODER_from_data(OSSL_DECODER_CTX *ctx, const unsigned char **data,
                                         size_t *len)
{
    if (*len > INT_MAX) return 0;
    BIO *in = BIO_new_mem_buf(*data, (int)*len);
    int ok = in && OSSL_DECODER_from_bio(ctx, in);
    BIO_free(in);
    if (ok) {
        *data += *len; /* 3.0 moves past what it decoded; the stand-in takes it all */
        *len = 0;
    }
    return ok;
}

static inline void OSSL_DECODER_CTX_free(OSSL_DECODER_CTX *ctx) { OPENSSL_free(ctx); }

#endif
#endif
