/* The case axes every subsystem names alike: role, TLS version and policy, with their names
 * ("client", "1.3", "strict") and the one parser of their comma-separated lists. */
#ifndef MG_AXES_H
#define MG_AXES_H

#include "mg_result.h"

#include <stddef.h>

typedef enum { MG_ROLE_CLIENT, MG_ROLE_SERVER } mg_role;
typedef enum { MG_TLS12 = 12, MG_TLS13 = 13 } mg_tls_version;

/* strict: every check the stack offers; minimal: the stack's own documented minimal mTLS
 * setup (trust store, verify peer, host name on the client). See DESIGN.md "Policies". */
typedef enum { MG_POLICY_STRICT, MG_POLICY_MINIMAL } mg_policy;

const char *mg_role_name(mg_role role);       /* "client" */
const char *mg_tls_name(mg_tls_version tls);  /* "1.2" */
const char *mg_policy_name(mg_policy policy); /* "strict" */

/* One name: "1.2" or "1.3" / "strict" or "minimal"; a usage error naming `flag` otherwise. */
MG_RESULT mg_tls_parse(const char *flag, const char *word, mg_tls_version *out);
MG_RESULT mg_policy_parse(const char *flag, const char *word, mg_policy *out);

/* Comma-separated lists (NULL: every value, in order); repeated values count once; an empty
 * list or an unknown word is a usage error naming `flag`. `out` holds two. */
MG_RESULT mg_tls_parse_list(const char *flag, const char *list, mg_tls_version *out,
                            size_t *count);
MG_RESULT mg_policy_parse_list(const char *flag, const char *list, mg_policy *out,
                               size_t *count);

#endif
