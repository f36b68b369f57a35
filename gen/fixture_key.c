/* The one key the generator does not derive: RSA-16384, for the Go CVE-2023-29409 shape (a
 * chain whose huge RSA key makes each signature check expensive). Finding 8192-bit primes takes
 * minutes even with rsa_derive.c's shortcuts, against a matrix made in well under a second, so
 * the key was made once (`openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:16384 -pkeyopt
 * rsa_keygen_primes:5`) and is committed as gen/fixtures/rsa16384.pem. Five primes (RFC 8017
 * 3.2 multi-prime) because the generator signs with it at every run: CRT over five 3277-bit
 * primes costs ~45 ms a signature where two 8192-bit ones cost ~230 ms; the public key, all a
 * peer sees and verifies with, is an ordinary 16384-bit modulus either way. CMake turns the file
 * into bytes at configure time (fixture_rsa16384.h), so an installed mtlsgrid needs no data
 * file. It is the same key for every seed: a test key, its private half public on purpose. */
#include "keys.h"

#include "fixture_rsa16384.h"

#include <openssl/bio.h>
#include <openssl/pem.h>

MG_RESULT mg_fixture_rsa16384(OSSL_LIB_CTX *libctx, EVP_PKEY **out)
{
    BIO *bio = BIO_new_mem_buf(mg_fixture_rsa16384_pem, (int)sizeof mg_fixture_rsa16384_pem);
    *out = bio ? PEM_read_bio_PrivateKey_ex(bio, NULL, NULL, NULL, libctx, NULL) : NULL;
    BIO_free(bio);
    MG_ENSURE(*out != NULL && EVP_PKEY_get_bits(*out) == 16384, MG_E_INTERNAL,
              "the built-in RSA-16384 key does not load");
    return MG_OK;
}
