/* The five stock-tool functions of a bundle's commands.sh (server_openssl, server_gnutls,
 * client_openssl, client_gnutls, client_curl), each with the flags the case needs. */
#ifndef MG_REPRO_TOOLS_H
#define MG_REPRO_TOOLS_H

#include "repro_bundle.h"

#include <stdio.h>

void mg_repro_write_tool_functions(FILE *f, const mg_repro_bundle *b);

/* 4 when the case's host is an IPv4 literal, 6 for IPv6, 0 for a DNS name. */
int mg_repro_host_family(const char *host);

#endif
