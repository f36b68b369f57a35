/* What verification reads from a certificate, in one form every stack can be put in, so the
 * differential target compares like with like. Each normalisation is named here and in
 * fuzz/README.md ("Differential target"); everything else is exact:
 *  - EKU and SAN are lists sorted bytewise (RFC 5280 gives their order no meaning);
 *    duplicates are kept, so a duplicate one stack drops is still seen.
 *  - EKU entries are dotted OIDs. SAN entries are "type:value" with the value's raw octets
 *    hex-encoded (dns, email, uri, ip, dn = the DER of the Name, rid = dotted OID,
 *    other = dotted type-id OID then the hex of the value's DER).
 *  - Key usage is the nine RFC 5280 bits, bit 0 = digitalSignature .. bit 8 = decipherOnly.
 *  - Validity instants are seconds since the epoch. */
#ifndef MG_X509_VIEW_H
#define MG_X509_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef struct {
    char **items;
    size_t count, cap;
} mg_strlist;

void mg_strlist_add(mg_strlist *list, const char *text);
void mg_strlist_sort(mg_strlist *list);
void mg_strlist_free(mg_strlist *list);
bool mg_strlist_equal(const mg_strlist *a, const mg_strlist *b);

/* Appends "prefix:" then the hex of data to list. */
void mg_strlist_add_hex(mg_strlist *list, const char *prefix, const void *data, size_t len);

/* How an extension read: absent, read, or present but unreadable to this stack. */
typedef enum { MG_EXT_ABSENT, MG_EXT_READ, MG_EXT_UNREADABLE } mg_ext_state;

typedef struct {
    bool accepted;          /* the stack parsed the whole input as one certificate */
    long native_error;      /* the stack's error when not accepted */
    mg_ext_state eku_state;
    mg_strlist eku;
    mg_ext_state san_state;
    mg_strlist san;
    mg_ext_state bc_state;
    bool ca;
    long long pathlen;      /* -1: no pathLenConstraint */
    mg_ext_state ku_state;
    unsigned ku_bits;
    bool validity_read;     /* both instants could be read */
    int64_t not_before, not_after;
} mg_x509_view;

void mg_x509_view_free(mg_x509_view *view);
void mg_x509_view_print(FILE *out, const char *stack, const mg_x509_view *view);

#endif
