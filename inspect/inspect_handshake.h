/* inspect's handshakes: the FILE judged by each linked stack's own verifier, as the peer that
 * would receive it in a handshake, through the matrix's own harness (contexts, the in-memory
 * transport, the worker pool with its deadline), so that every stack's words are observed,
 * not only those of stacks with a command-line verifier. */
#ifndef MG_INSPECT_HANDSHAKE_H
#define MG_INSPECT_HANDSHAKE_H

#include "inspect_observe.h"

#include <openssl/evp.h>

/* The name the stand-in server's certificate holds (a client certificate is presented to it). */
#define MG_INSPECT_PEER_NAME "peer.inspect.mtlsgrid.test"

/* Fills report->handshakes for each tool with a stack (after the checks ran: a stand-in key's
 * bad signature is read against the problems found). Fails only on a system error. */
MG_RESULT mg_inspect_handshakes(const mg_inspect_subject *subject, mg_inspect_report *report);
void mg_inspect_handshakes_free(mg_inspect_report *report);

/* The handshake's words for the cause when it speaks of it (malloc'd, "observed (a handshake
 * through wolfSSL): ..."); NULL when it did not run or stopped at another problem. */
char *mg_inspect_handshake_words(const mg_inspect_report *r, size_t tool,
                                 const mg_inspect_cause *cause);
/* When the handshake ran but stopped at another problem: a note for the recorded words
 * (malloc'd); NULL otherwise. */
char *mg_inspect_handshake_other_note(const mg_inspect_report *r, size_t tool,
                                      const mg_inspect_cause *cause);
/* One line for the header: how the handshake ran and how it ended (into buf). */
void mg_inspect_handshake_summary(const mg_inspect_handshake *h, char *buf, size_t len);
const char *mg_inspect_judgement_name(mg_handshake_judgement j); /* "refused", ... */

/* A private key as PEM in memory, for mg_credential_bytes: keys never reach the disk. */
typedef struct {
    unsigned char *pem; /* NULL: none */
    size_t len;
} mg_inspect_key_pem;
MG_RESULT mg_inspect_key_pem_make(EVP_PKEY *key, mg_inspect_key_pem *out);
void mg_inspect_key_pem_free(mg_inspect_key_pem *k); /* wipes the bytes */

/* The stand-ins (inspect_standin.c): a key of the leaf's type (NULL for a type it cannot
 * make), and a CA with a server certificate for MG_INSPECT_PEER_NAME valid around at. */
EVP_PKEY *mg_inspect_standin_key(X509 *leaf);
MG_RESULT mg_inspect_standin_peer(int64_t at, const char *ca_path, const char *cert_path,
                                  mg_inspect_key_pem *key);

#endif
