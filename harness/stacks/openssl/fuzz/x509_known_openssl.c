/* OpenSSL's known divergences: where OpenSSL is the odd one out against any peer. Each test
 * reads OpenSSL's own view (self) and re-parses the input with OpenSSL. */
#include "x509_known_openssl.h"

#include "x509_facts_openssl.h"

#include <openssl/err.h>
#include <openssl/obj_mac.h>
#include <string.h>

/* OpenSSL's ASN.1 decoder refused the input (any reason of its ASN1 library) where the other
 * stack parsed it. Reasons seen against GnuTLS: invalid OBJECT IDENTIFIER, UTF8String,
 * BMPString, UniversalString, PrintableString characters, INTEGER padding (OpenSSL checks
 * primitives when parsing; GnuTLS when asked), and structure errors inside ANY values and
 * CHOICE tags (too long, too small, wrong tag, not primitive: OpenSSL parses ANY contents;
 * libtasn1 keeps them opaque). */
static bool strict_decoder(const mg_x509_disagreement *d)
{
    return !d->self.view->accepted && d->other.view->accepted &&
           mg_known_openssl_parse_error_lib(d->der, d->len) == ERR_LIB_ASN1;
}

static mg_ext_state state_of(const mg_x509_view *v, const char *field)
{
    if (strcmp(field, "eku") == 0) return v->eku_state;
    if (strcmp(field, "san") == 0) return v->san_state;
    if (strcmp(field, "basic-constraints") == 0) return v->bc_state;
    return v->ku_state;
}

static bool lenient_extension(const mg_x509_disagreement *d)
{
    int nid = mg_known_openssl_nid_of(d->field);
    return nid != NID_undef && state_of(d->self.view, d->field) == MG_EXT_READ &&
           state_of(d->other.view, d->field) == MG_EXT_UNREADABLE &&
           mg_known_openssl_ext_not_canonical(d->der, d->len, nid);
}

const mg_x509_known_divergence mg_x509_known_openssl[] = {
    {"openssl-strict-decoder", MG_DIVERGENCE_BENIGN, "accepted", NULL, strict_decoder,
     "OpenSSL's ASN.1 decoder refuses what the other stack parses: invalid OBJECT IDENTIFIER "
     "or string contents and INTEGER padding (OpenSSL checks primitives when parsing, GnuTLS "
     "when a field is asked for), structure errors inside ANY values and CHOICE tags (OpenSSL "
     "parses ANY contents, libtasn1 keeps them opaque). Refusing is the safe side; fields "
     "are compared whenever both accept, which is where a misreading would matter."},
    {"openssl-lenient-extension", MG_DIVERGENCE_BENIGN, "eku", NULL, lenient_extension,
     "The extension value is not canonical DER, has bytes after it, or is an empty list where "
     "RFC 5280 says SIZE (1..MAX). OpenSSL's extension decoder accepts it (X509V3_EXT_d2i "
     "ignores trailing bytes); the other stack cannot read it and refuses the purpose, as "
     "OpenSSL does for an empty list."},
    {"openssl-lenient-extension", MG_DIVERGENCE_BENIGN, "san", NULL, lenient_extension,
     "as above"},
    {"openssl-lenient-extension", MG_DIVERGENCE_BENIGN, "basic-constraints", NULL,
     lenient_extension, "as above"},
    {"openssl-lenient-extension", MG_DIVERGENCE_BENIGN, "key-usage", NULL, lenient_extension,
     "as above"},
    {NULL, MG_DIVERGENCE_BENIGN, NULL, NULL, NULL, NULL},
};
