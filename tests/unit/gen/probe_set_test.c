/* The probe's set under a CA given from outside: made from the test CA that --make-ca writes,
 * its revoked certificate is the one that CA's CRL already lists (the set derives from the CA
 * key), every defect has its files, and CA files that do not fit are refused by name. */
#include "gen.h"
#include "mg_test.h"

#include <openssl/pem.h>
#include <openssl/x509.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char base[] = "/tmp/mg-probe-set-XXXXXX";

/* base/a/b (b may be ""): kept in one of a few rotating buffers. */
static char *path(const char *a, const char *b)
{
    static char buf[8][4096];
    static int next;
    char *p = buf[next++ % 8];
    snprintf(p, sizeof buf[0], "%s/%s%s%s", base, a, b[0] ? "/" : "", b);
    return p;
}

static X509 *read_cert(const char *file)
{
    FILE *f = fopen(file, "r");
    X509 *x = f ? PEM_read_X509(f, NULL, NULL, NULL) : NULL;
    if (f) fclose(f);
    return x;
}

/* Whether the CRLs in file list the serial of cert. */
static bool listed(const char *file, X509 *cert)
{
    FILE *f = fopen(file, "r");
    bool found = false;
    X509_CRL *crl;
    while (f && !found && (crl = PEM_read_X509_CRL(f, NULL, NULL, NULL))) {
        X509_REVOKED *entry = NULL;
        found = X509_CRL_get0_by_serial(crl, &entry, X509_get0_serialNumber(cert)) == 1;
        X509_CRL_free(crl);
    }
    if (f) fclose(f);
    return found;
}

static mg_gen_probe_options options(const char *dir)
{
    return (mg_gen_probe_options){path("ca", "ca/cert.pem"), path("ca", "ca/key.pem"),
                                  path("ca", "intermediate/cert.pem"),
                                  path("ca", "intermediate/key.pem"), dir, 0};
}

int main(void)
{
    CHECK(mkdtemp(base) != NULL);
    CHECK(mg_ok(mg_gen_probe_ca(path("ca", ""), "open.test", 0)));
    CHECK(mg_gen_probe_ca(path("ca", ""), NULL, 0).kind == MG_E_USAGE); /* not empty */
    char set[4096];
    snprintf(set, sizeof set, "%s", path("set", ""));
    CHECK(mkdir(set, 0700) == 0);
    mg_gen_probe_options o = options(set);
    bool limited = false;
    mg_result r = mg_gen_probe_set(&o, &limited);
    if (!mg_ok(r)) fprintf(stderr, "probe set: %s\n", mg_error_message());
    CHECK(mg_ok(r) && limited);
    static const char *const artifacts[] = {"probe-control", "probe-via-intermediate",
                                            "probe-revoked", "probe-pathlen-exceeded",
                                            "probe-rsa1024", "probe-bad-signature"};
    for (size_t i = 0; i < sizeof artifacts / sizeof artifacts[0]; i++) {
        char file[4200];
        snprintf(file, sizeof file, "%s/chain.pem", path("set", artifacts[i]));
        CHECK(access(file, R_OK) == 0);
        snprintf(file, sizeof file, "%s/key.pem", path("set", artifacts[i]));
        CHECK(access(file, R_OK) == 0);
    }
    X509 *revoked = read_cert(path("set", "probe-revoked/cert.pem"));
    X509 *control = read_cert(path("set", "probe-control/cert.pem"));
    CHECK(revoked && control);
    /* The CRL --make-ca wrote before any probe ran lists the probe's revoked certificate. */
    CHECK(revoked && listed(path("ca", "crl.pem"), revoked));
    CHECK(revoked && listed(path("set", "crl.pem"), revoked));
    CHECK(control && !listed(path("ca", "crl.pem"), control));
    X509_free(revoked);
    X509_free(control);

    /* The intermediate's key for the CA's: refused, naming the file. */
    char other[4096];
    snprintf(other, sizeof other, "%s", path("other", ""));
    CHECK(mkdir(other, 0700) == 0);
    o = options(other);
    o.ca_key_file = o.chain_key_file;
    r = mg_gen_probe_set(&o, &limited);
    CHECK(r.kind == MG_E_INPUT && strstr(mg_error_message(), "--ca-key") &&
          strstr(mg_error_message(), "does not match"));
    /* A leaf is no CA. */
    o = options(other);
    o.ca_cert_file = path("set", "probe-control/cert.pem");
    r = mg_gen_probe_set(&o, &limited);
    CHECK(r.kind == MG_E_INPUT && strstr(mg_error_message(), "not a CA certificate"));
    char command[4200];
    snprintf(command, sizeof command, "rm -rf '%s'", base);
    CHECK(system(command) == 0);
    TEST_END();
}
