/* probe --make-ca DIR: a fresh test CA, and what nginx, Apache and HAProxy need to trust it for
 * clients, so that a staging gateway can be probed in two commands. */
#include "probe.h"

#include "gen.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

mg_result mg_probe_make_ca(const char *dir, const char *server_names)
{
    MG_GUARD(mg_gen_probe_ca(dir, server_names, 0));
    char full[PATH_MAX];
    const char *d = realpath(dir, full) ? full : dir;
    printf("probe: a test CA in %s (keys 0600; the same CA always gives probe the same set)\n\n"
           "The gateway trusts it for clients (and %s/server/ is a certificate for the gateway "
           "itself, for localhost and 127.0.0.1):\n\n"
           "  nginx:    ssl_client_certificate %s/ca/cert.pem;\n"
           "            ssl_verify_client on;  ssl_verify_depth 2;\n"
           "            ssl_crl %s/crl.pem;\n"
           "  Apache:   SSLCACertificateFile %s/ca/cert.pem\n"
           "            SSLVerifyClient require\n            SSLVerifyDepth 2\n"
           "            SSLCARevocationFile %s/crl.pem\n"
           "            SSLCARevocationCheck chain\n"
           "  HAProxy:  bind ... ssl crt <server.pem> verify required ca-file %s/ca/cert.pem "
           "crl-file %s/crl.pem\n\n"
           "Then probe it:\n\n"
           "  mtlsgrid probe https://localhost:PORT/ --ca-cert %s/ca/cert.pem --ca-key "
           "%s/ca/key.pem --ca-chain %s/intermediate/cert.pem --ca-chain-key "
           "%s/intermediate/key.pem\n",
           d, d, d, d, d, d, d, d, d, d, d, d);
    return MG_OK;
}
