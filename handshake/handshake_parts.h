/* Everything `handshake` was given, parsed and checked: each side's chain and key (the key
 * must belong to the leaf), both trust lists, and the CRLs sorted to the side whose peer's
 * chain they speak about. */
#ifndef MG_HANDSHAKE_PARTS_H
#define MG_HANDSHAKE_PARTS_H

#include "handshake_inputs.h"
#include "handshake_read.h"

typedef struct {
    STACK_OF(X509) *server_chain; /* leaf first, then the rest in the order given */
    EVP_PKEY *server_key;
    STACK_OF(X509) *client_chain; /* the PEM pair's, or the PKCS#12's leaf then its CAs */
    EVP_PKEY *client_key;         /* NULL when the client's credential is a PKCS#12 */
    STACK_OF(X509) *server_trust, *client_trust;
    STACK_OF(X509_CRL) *server_crls, *client_crls; /* checked by the server / the client */
} mg_handshake_parts;

/* Fills parts (free them with mg_handshake_parts_free even on failure). */
MG_RESULT mg_handshake_read_parts(const mg_handshake_files *files, mg_handshake_parts *parts);
void mg_handshake_parts_free(mg_handshake_parts *parts);

/* Reads --crl, --server-crl and --client-crl into the sides' CRLs (after the chains and trust
 * lists are read), with notes and warnings on stderr (handshake_crls.c). */
MG_RESULT mg_hs_sort_crls(const mg_handshake_files *files, mg_handshake_parts *parts);

/* The leaf's first DNS or IP subjectAltName, else its CN: the host to verify by default. */
MG_RESULT mg_hs_first_name(STACK_OF(X509) *chain, char *out, size_t len);

#endif
