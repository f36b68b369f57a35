/* Files read once per context: certificates and CRLs as PEM blocks (or one DER item), a
 * private key as unencrypted PKCS#8 (PEM or DER); a credential's certificates and key may be
 * bytes handed over in memory instead, read the same way. NSS reads no PEM itself (its tools do it
 * by hand too), so the blocks are cut out here and decoded by NSS's base64 decoder. */
#include "nss_internal.h"

#include "read_file.h"
#include "secret.h"

#include <nssb64.h>

#include <stdlib.h>
#include <string.h>

#define MG_NSS_FILE_CAP (4u << 20)

void mg_nss_ders_free(mg_nss_ders *ders)
{
    for (size_t i = 0; i < ders->count; i++) SECITEM_FreeItem(&ders->items[i], PR_FALSE);
    free(ders->items);
    *ders = (mg_nss_ders){NULL, 0};
}

/* A NUL-terminated copy (the PEM scan below uses strstr) of the file at `path`, or of
 * `bytes` when they are given. Wipe it when done: it may be a private key. */
static MG_RESULT read_whole(const char *path, const mg_memory_file *bytes, unsigned char **data,
                            size_t *len, mg_side_outcome *why)
{
    if (bytes && bytes->data) {
        *data = NULL;
        if (bytes->len == 0 || bytes->len > MG_NSS_FILE_CAP) {
            mg_nss_setup_failure(why, MG_REASON_BAD_CREDENTIAL, 0, "%s is %s", path,
                                 bytes->len == 0 ? "empty" : "too large");
            return MG_OK;
        }
        *data = malloc(bytes->len + 1);
        MG_ENSURE(*data, MG_E_INTERNAL, "nss: out of memory copying %s", path);
        memcpy(*data, bytes->data, bytes->len);
        (*data)[bytes->len] = '\0';
        *len = bytes->len;
        return MG_OK;
    }
    mg_result r = mg_read_file_capped(path, MG_NSS_FILE_CAP, data, len);
    if (!mg_ok(r)) {
        mg_nss_setup_failure(why, MG_REASON_BAD_CREDENTIAL, 0, "%s", mg_error_message());
        *data = NULL;
    }
    return MG_OK;
}

MG_RESULT mg_nss_ders_append(mg_nss_ders *out, const SECItem *item)
{
    SECItem *grown = realloc(out->items, (out->count + 1) * sizeof *grown);
    MG_ENSURE(grown, MG_E_INTERNAL, "nss: out of memory for a DER item");
    out->items = grown;
    out->items[out->count] = (SECItem){siBuffer, NULL, 0};
    MG_ENSURE(SECITEM_CopyItem(NULL, &out->items[out->count], item) == SECSuccess,
              MG_E_INTERNAL, "nss: out of memory for a DER item");
    out->count++;
    return MG_OK;
}

/* The body of the next "-----BEGIN <label>-----" block from *at, decoded; false when none is
 * left. `broken` says a block was found that does not decode. */
static bool next_block(const char **at, const char *end, const char *label, SECItem **der,
                       bool *broken)
{
    char begin[64], finish[64];
    snprintf(begin, sizeof begin, "-----BEGIN %s-----", label);
    snprintf(finish, sizeof finish, "-----END %s-----", label);
    const char *b = strstr(*at, begin);
    if (!b || b >= end) return false;
    const char *body = b + strlen(begin);
    const char *e = strstr(body, finish);
    if (!e) {
        *broken = true;
        return false;
    }
    *at = e + strlen(finish);
    *der = NSSBase64_DecodeBuffer(NULL, NULL, body, (unsigned)(e - body));
    if (!*der) *broken = true;
    return *der != NULL;
}

/* Every block of `label` in the file (or bytes: then `path` only names them), or the whole
 * file as one DER item when it has no PEM header at all. */
static MG_RESULT read_items(const char *path, const mg_memory_file *bytes, const char *label,
                            const char *what, mg_nss_ders *out, mg_side_outcome *why)
{
    *out = (mg_nss_ders){NULL, 0};
    unsigned char *data = NULL;
    size_t len = 0;
    MG_GUARD(read_whole(path, bytes, &data, &len, why));
    if (!data) return MG_OK;
    mg_result r = MG_OK;
    bool broken = false;
    const char *at = (const char *)data, *end = (const char *)data + len;
    if (!strstr(at, "-----BEGIN")) {
        SECItem whole = {siBuffer, data, (unsigned)len};
        r = mg_nss_ders_append(out, &whole);
    } else {
        SECItem *der = NULL;
        while (mg_ok(r) && next_block(&at, end, label, &der, &broken)) {
            r = mg_nss_ders_append(out, der);
            SECITEM_FreeItem(der, PR_TRUE);
        }
    }
    mg_secret_free(data, len); /* may be a private key */
    if (mg_ok(r) && (broken || out->count == 0))
        mg_nss_setup_failure(why, MG_REASON_BAD_CREDENTIAL, 0, "%s holds no %s%s", path, what,
                             broken ? " that decodes" : "");
    if (!mg_ok(r) || mg_nss_refused(why)) mg_nss_ders_free(out);
    return r;
}

MG_RESULT mg_nss_read_certs(const char *path, mg_nss_ders *out, mg_side_outcome *why)
{
    return read_items(path, NULL, "CERTIFICATE", "certificate", out, why);
}

MG_RESULT mg_nss_read_own_certs(const char *path, const mg_memory_file *bytes, mg_nss_ders *out,
                                mg_side_outcome *why)
{
    return read_items(path, bytes, "CERTIFICATE", "certificate", out, why);
}

MG_RESULT mg_nss_read_crls(const char *path, mg_nss_ders *out, mg_side_outcome *why)
{
    return read_items(path, NULL, "X509 CRL", "CRL", out, why);
}

MG_RESULT mg_nss_read_der(const char *path, SECItem *out, mg_side_outcome *why)
{
    *out = (SECItem){siBuffer, NULL, 0};
    unsigned char *data = NULL;
    size_t len = 0;
    MG_GUARD(read_whole(path, NULL, &data, &len, why));
    if (!data) return MG_OK;
    SECItem whole = {siBuffer, data, (unsigned)len};
    SECStatus rv = SECITEM_CopyItem(NULL, out, &whole);
    mg_secret_free(data, len); /* may be a PKCS#12 bundle */
    MG_ENSURE(rv == SECSuccess, MG_E_INTERNAL, "nss: out of memory reading %s", path);
    return MG_OK;
}

/* An encrypted or a traditional (RSA/EC-specific) PEM key is refused: NSS imports PKCS#8. */
MG_RESULT mg_nss_read_key(const char *path, const mg_memory_file *bytes, SECItem *out,
                          mg_side_outcome *why)
{
    *out = (SECItem){siBuffer, NULL, 0};
    mg_nss_ders keys;
    MG_NSS_STEP(read_items(path, bytes, "PRIVATE KEY", "unencrypted PKCS#8 private key", &keys,
                           why),
                why);
    *out = keys.items[0];
    for (size_t i = 1; i < keys.count; i++) SECITEM_ZfreeItem(&keys.items[i], PR_FALSE);
    free(keys.items);
    return MG_OK;
}
