/* The flags of serve and connect that say where their side of a case comes from
 * (plan/side_source.h turns them into a side config). */
#ifndef MG_SIDE_SOURCE_OPTIONS_H
#define MG_SIDE_SOURCE_OPTIONS_H

#include "command.h"
#include "side_source.h"

#define MG_SIDE_SOURCE_ROWS(type)                                                                  \
    {"stack", OPT_STRING, offsetof(type, src.stack), "S", "TLS stack (required; mtlsgrid stacks lists them)"}, \
    {"scenario", OPT_STRING, offsetof(type, src.scenario), "ID", "play this side of a scenario"},  \
    {"bundle", OPT_STRING, offsetof(type, src.bundle), "DIR", "play this side of a repro bundle"}, \
    {"matrix", OPT_STRING, offsetof(type, src.matrix), "DIR",                                      \
     "with --scenario: a matrix made by 'gen --time now' (default: a fresh one)"},                 \
    {"cert", OPT_STRING, offsetof(type, src.cert), "FILE", "certificate, leaf then chain (PEM or DER)"}, \
    {"key", OPT_STRING, offsetof(type, src.key), "FILE", "private key of --cert"},                 \
    {"p12", OPT_STRING, offsetof(type, src.p12), "FILE", "credential from a PKCS#12 file"},        \
    {"p12-password", OPT_STRING, offsetof(type, src.p12_password), "P", "password of --p12"},      \
    {"trust", OPT_STRING, offsetof(type, src.trust), "FILE", "CAs trusted for the peer (PEM)"},    \
    {"crl", OPT_STRING, offsetof(type, src.crl), "FILE", "CRLs to check the peer against (PEM)"},  \
    {"ocsp", OPT_STRING, offsetof(type, src.ocsp), "FILE", "serve: OCSP response to staple (DER)"}, \
    {"name", OPT_STRING, offsetof(type, src.name), "NAME",                                         \
     "connect: the name to verify (default: --host, or the scenario's)"},                          \
    {"client-cert", OPT_STRING, offsetof(type, src.client_cert), "required|optional|none",         \
     "serve: whether a client certificate is required (default required)"},                        \
    {"tls", OPT_STRING, offsetof(type, src.tls), "1.2|1.3", "TLS version (default 1.3)"},          \
    {"policy", OPT_STRING, offsetof(type, src.policy), "strict|minimal", "policy (default strict)"}, \
    {"keylog", OPT_STRING, offsetof(type, src.keylog), "FILE", "append NSS key log lines"}

#endif
