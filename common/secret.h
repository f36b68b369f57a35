/* A secret option (a PKCS#12 password) comes from a file or the environment, since argv is
 * visible to every user in ps; the plain option stays for scripts and tests. */
#ifndef MG_SECRET_H
#define MG_SECRET_H

#include "mg_result.h"

#include <stddef.h>

/* The environment variable of every PKCS#12 password option. */
#define MG_P12_PASSWORD_ENV "MTLSGRID_P12_PASSWORD"
/* The environment variable of every private-key password option (--key-password). */
#define MG_KEY_PASSWORD_ENV "MTLSGRID_KEY_PASSWORD"

typedef struct {
    const char *flag;      /* "--p12-password" */
    const char *value;     /* that option's value, or NULL */
    const char *file_flag; /* "--p12-password-file" */
    const char *file;      /* its value: the secret is the file's first line */
    const char *env;       /* "MTLSGRID_P12_PASSWORD": used when neither option is given */
} mg_secret_source;

/* *secret is NULL when no source gives one, else the value, or the file's first line or the
 * environment variable copied into buf (the file's trailing newline dropped). Both options
 * at once are a usage error. */
MG_RESULT mg_secret_resolve(const mg_secret_source *s, char *buf, size_t cap,
                            const char **secret);

/* Zeroes memory that held a secret (a key's bytes, a password) in a way the compiler keeps:
 * a plain memset before free() is a dead store it may drop. NULL ok. */
void mg_secret_wipe(void *data, size_t len);
/* mg_secret_wipe, then free(). */
void mg_secret_free(void *data, size_t len);

#endif
