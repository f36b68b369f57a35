#include "pkcs12_work_openssl.h"

#include "pkcs12_read.h"

#include <limits.h>
#include <openssl/err.h>

static bool count_within_bound(const ASN1_INTEGER *count)
{
    int64_t n;
    return count == NULL ||
           (ASN1_INTEGER_get_int64(&n, count) == 1 && n <= MG_FUZZ_PKCS12_MAX_ITER);
}

static bool pbes2_within_bound(const X509_ALGOR *alg)
{
    PBE2PARAM *pbe2 = ASN1_TYPE_unpack_sequence(ASN1_ITEM_rptr(PBE2PARAM), alg->parameter);
    if (pbe2 == NULL) return true;
    bool ok = true;
    int kdf = pbe2->keyfunc ? OBJ_obj2nid(pbe2->keyfunc->algorithm) : NID_undef;
    if (kdf == NID_id_pbkdf2) {
        PBKDF2PARAM *p =
            ASN1_TYPE_unpack_sequence(ASN1_ITEM_rptr(PBKDF2PARAM), pbe2->keyfunc->parameter);
        ok = p == NULL || count_within_bound(p->iter);
        PBKDF2PARAM_free(p);
    } else if (kdf == NID_id_scrypt) {
        SCRYPT_PARAMS *p =
            ASN1_TYPE_unpack_sequence(ASN1_ITEM_rptr(SCRYPT_PARAMS), pbe2->keyfunc->parameter);
        ok = p == NULL ||
             (count_within_bound(p->costParameter) && count_within_bound(p->blockSize) &&
              count_within_bound(p->parallelizationParameter));
        SCRYPT_PARAMS_free(p);
    }
    PBE2PARAM_free(pbe2);
    return ok;
}

bool mg_pbe_within_bound(const X509_ALGOR *alg)
{
    if (alg == NULL) return true;
    if (OBJ_obj2nid(alg->algorithm) == NID_pbes2) return pbes2_within_bound(alg);
    PBEPARAM *pbe = ASN1_TYPE_unpack_sequence(ASN1_ITEM_rptr(PBEPARAM), alg->parameter);
    bool ok = pbe == NULL || count_within_bound(pbe->iter);
    PBEPARAM_free(pbe);
    return ok;
}

static bool bags_within_bound(const STACK_OF(PKCS12_SAFEBAG) *bags)
{
    for (int i = 0; i < sk_PKCS12_SAFEBAG_num(bags); i++) {
        const PKCS12_SAFEBAG *bag = sk_PKCS12_SAFEBAG_value(bags, i);
        if (PKCS12_SAFEBAG_get_nid(bag) == NID_pkcs8ShroudedKeyBag) {
            const X509_ALGOR *alg = NULL;
            X509_SIG_get0(PKCS12_SAFEBAG_get0_pkcs8(bag), &alg, NULL);
            if (!mg_pbe_within_bound(alg)) return false;
        } else if (!bags_within_bound(PKCS12_SAFEBAG_get0_safes(bag))) {
            return false; /* nested safeContents */
        }
    }
    return true;
}

bool mg_pkcs12_within_bound(const PKCS12 *p12, const char *password)
{
    const ASN1_INTEGER *iter = NULL;
    PKCS12_get0_mac(NULL, NULL, NULL, &iter, p12);
    if (!count_within_bound(iter)) return false;
    STACK_OF(PKCS7) *safes = PKCS12_unpack_authsafes(p12);
    bool ok = true;
    for (int i = 0; ok && i < sk_PKCS7_num(safes); i++) {
        PKCS7 *p7 = sk_PKCS7_value(safes, i);
        STACK_OF(PKCS12_SAFEBAG) *bags = NULL;
        int nid = OBJ_obj2nid(p7->type);
        if (nid == NID_pkcs7_encrypted && p7->d.encrypted && p7->d.encrypted->enc_data) {
            ok = mg_pbe_within_bound(p7->d.encrypted->enc_data->algorithm);
            if (ok) bags = PKCS12_unpack_p7encdata(p7, password, -1);
        } else if (nid == NID_pkcs7_data) {
            bags = PKCS12_unpack_p7data(p7);
        }
        ok = ok && bags_within_bound(bags);
        sk_PKCS12_SAFEBAG_pop_free(bags, PKCS12_SAFEBAG_free);
    }
    sk_PKCS7_pop_free(safes, PKCS7_free);
    ERR_clear_error();
    return ok;
}

bool mg_pkcs12_der_within_bound(const uint8_t *data, size_t size, const char *password)
{
    const unsigned char *p = data;
    PKCS12 *p12 = size <= LONG_MAX ? d2i_PKCS12(NULL, &p, (long)size) : NULL;
    bool ok = p12 == NULL || mg_pkcs12_within_bound(p12, password);
    PKCS12_free(p12);
    ERR_clear_error();
    return ok;
}
