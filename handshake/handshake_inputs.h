/* The user's files for `mtlsgrid handshake`, checked before any handshake (so a wrong file
 * gets a message that names it and the problem, exit 2), then the certificates copied as PEM,
 * in the order given, into a private folder and the keys kept as PEM in memory only, with both
 * side configs made from them. */
#ifndef MG_HANDSHAKE_INPUTS_H
#define MG_HANDSHAKE_INPUTS_H

#include "stack.h"

typedef struct {
    const char *server_cert, *server_key, *server_chain;
    const char *client_cert, *client_key, *client_chain, *client_p12, *p12_password;
    const char *key_password; /* of an encrypted --server-key / --client-key; never printed */
    const char *server_trust, *client_trust, *host, *at;
    const char *crl;                    /* both sides, each taking those of its peer's CAs */
    const char *server_crl, *client_crl; /* the CRLs one side checks its peer's chain with */
    bool allow_weak_own; /* waive the system's crypto policy for each side's own credential */
} mg_handshake_files;

typedef struct {
    char dir[1024]; /* the PEM copies; removed by mg_handshake_inputs_free */
    char server_pem[512], client_pem[512];
    /* The keys as unencrypted PEM, never on disk: the stacks read them from here. Wiped and
     * freed by mg_handshake_inputs_free. */
    unsigned char *server_key_pem, *client_key_pem;
    size_t server_key_len, client_key_len;
    char server_trust[512], client_trust[512], server_crl[512], client_crl[512];
    char host[256];
    const char *server_file, *client_file; /* as the user named them, for the words */
    bool client_is_p12;
    bool host_from_cert; /* no --host: the server certificate's first name */
    bool pin_time;       /* --at given; otherwise the wall clock */
    bool own_policy_waived; /* --allow-weak-own-credentials: the peer judges a weak one */
    int64_t verify_time; /* with pin_time */
    mg_side_config client, server; /* policy strict, TLS version set per run */
} mg_handshake_inputs;

MG_RESULT mg_handshake_prepare(const mg_handshake_files *files, mg_handshake_inputs *out);
void mg_handshake_inputs_free(mg_handshake_inputs *in);

#endif
