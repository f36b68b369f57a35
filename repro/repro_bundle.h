/* A repro bundle (DESIGN.md "Repro bundle"): the files, then what they hold, which README.md
 * and commands.sh are written from. */
#ifndef MG_REPRO_BUNDLE_H
#define MG_REPRO_BUNDLE_H

#include "drive.h"
#include "repro_case.h"

typedef struct {
    const char *dir;
    const mg_repro_case *rc;
    /* Filled by mg_repro_write_files: */
    bool client_cert, server_cert; /* client.pem + client.key, server.pem + server.key */
    int client_extra, server_extra; /* certificates after the leaf in client.pem, server.pem */
    bool client_p12;                /* client.p12 written */
    bool client_via_p12;            /* the case loads the client's credential from client.p12 */
    char p12_note[256];             /* why client.p12 is missing, when it is */
    bool crl, ocsp;                 /* crl.pem, ocsp.der written */
    char host[256];                 /* server-name.txt */
    char expected[64];              /* expected.txt */
    /* Filled by mg_repro_capture: what mtlsgrid's own run of the case gave. */
    mg_pair_result seen;
} mg_repro_bundle;

/* Writes the credential, trust, CRL, OCSP, server-name.txt and expected.txt files (private
 * keys and client.p12 mode 0600). */
MG_RESULT mg_repro_write_files(mg_repro_bundle *b);

/* Runs the case in memory with both stacks' key logging on: handshake.pcap, keylog.txt. */
MG_RESULT mg_repro_capture(mg_repro_bundle *b);

MG_RESULT mg_repro_write_readme(const mg_repro_bundle *b);
MG_RESULT mg_repro_write_commands(const mg_repro_bundle *b);

/* Small file helpers: a copy or a text with the given mode (set even when the file existed). */
MG_RESULT mg_repro_copy(const char *from, const char *to, unsigned mode);
MG_RESULT mg_repro_write_text(const char *path, const char *text, unsigned mode);
int mg_repro_count_certs(const char *pem_path);

/* Writes a PKCS#12 of the PEM certificates (leaf first) and key; *made false and `why` filled
 * when the key does not belong to the leaf (a case's defect, not an error). */
MG_RESULT mg_repro_make_p12(const char *cert_pem, const char *key_pem, const char *password,
                            const char *out, bool *made, char *why, size_t why_len);

#endif
