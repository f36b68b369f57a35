/* The flags of serve and connect that say where their side of a case comes from
 * (plan/side_source.h turns them into a side config). Each command takes the shared rows and
 * the rows of its own role, so neither lists the other's options. */
#ifndef MG_SIDE_SOURCE_OPTIONS_H
#define MG_SIDE_SOURCE_OPTIONS_H

#include "command.h"
#include "side_source.h"

/* --scenario, --bundle and --trust are the three sources: with files, --trust is the one that
 * is always needed (a client may have no certificate). */
#define MG_SIDE_SOURCE_ROWS(type)                                                                  \
    {"stack", OPT_STRING | OPT_REQUIRED, offsetof(type, src.stack), "S",                           \
     "TLS stack (mtlsgrid stacks lists them)"},                                                    \
    {"scenario", OPT_STRING | OPT_ONE_OF, offsetof(type, src.scenario), "ID",                      \
     "play this side of a scenario"},                                                              \
    {"bundle", OPT_STRING | OPT_ONE_OF, offsetof(type, src.bundle), "DIR",                         \
     "play this side of a repro bundle"},                                                          \
    {"trust", OPT_STRING | OPT_ONE_OF, offsetof(type, src.trust), "FILE",                          \
     "play your own files: the CAs trusted for the peer (PEM)"},                                   \
    {"matrix", OPT_STRING, offsetof(type, src.matrix), "DIR",                                      \
     "with --scenario: a matrix made by 'gen --time now' (default: a fresh one)"},                 \
    {"cert", OPT_STRING, offsetof(type, src.cert), "FILE",                                         \
     "with --trust: certificate, leaf then chain (PEM or DER)"},                                   \
    {"key", OPT_STRING, offsetof(type, src.key), "FILE", "private key of --cert"},                 \
    {"p12", OPT_STRING, offsetof(type, src.p12), "FILE",                                           \
     "with --trust: the credential from a PKCS#12 file"},                                          \
    {"p12-password", OPT_STRING, offsetof(type, src.p12_password), "P",                            \
     "password of --p12 (others see it in ps: prefer the file or " MG_P12_PASSWORD_ENV ")"},     \
    {"p12-password-file", OPT_STRING, offsetof(type, src.p12_password_file), "FILE",               \
     "read the password of --p12 from the first line of FILE"},                                    \
    {"crl", OPT_STRING, offsetof(type, src.crl), "FILE", "CRLs to check the peer against (PEM)"},  \
    {"tls", OPT_STRING, offsetof(type, src.tls), "1.2|1.3", "TLS version (default 1.3)"},          \
    {"policy", OPT_STRING, offsetof(type, src.policy), "strict|minimal",                           \
     "policy (default strict)"},                                                                   \
    {"keylog", OPT_STRING, offsetof(type, src.keylog), "FILE", "append NSS key log lines"}

#define MG_SIDE_SOURCE_SERVER_ROWS(type)                                                           \
    {"ocsp", OPT_STRING, offsetof(type, src.ocsp), "FILE", "OCSP response to staple (DER)"},       \
    {"client-cert", OPT_STRING, offsetof(type, src.client_cert), "required|optional|none",         \
     "whether a client certificate is required (default required)"}

#define MG_SIDE_SOURCE_CLIENT_ROWS(type)                                                           \
    {"name", OPT_STRING, offsetof(type, src.name), "NAME",                                         \
     "the name to verify (default: --host, or the scenario's)"}

#endif
