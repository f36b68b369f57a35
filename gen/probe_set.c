/* The defect set of `mtlsgrid probe` under a CA given from outside, and the test CA that
 * `probe --make-ca` writes. The given CA is registered as an issued certificate, so the rows
 * of profiles_probe.c are issued by the generator's usual path (cert_build.c). */
#include "gen.h"

#include "gen_internal.h"
#include "make_dirs.h"
#include "read_file.h"

#include <dirent.h>
#include <errno.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#define GIVEN_NAME "probe-given-ca"
#define INTERMEDIATE_NAME "probe-intermediate"
#define REVOKED_NAME "probe-revoked"
#define MAX_PEM (1u << 20)
#define DAY INT64_C(86400)

typedef struct {
    mg_gen g;
    EVP_PKEY *given_keys[2]; /* keys read from files: the key cache owns only derived ones */
    char seed[80];
} probe_gen;

static MG_RESULT open_gen(probe_gen *p, const char *dir, int64_t now)
{
    memset(p, 0, sizeof *p);
    p->g.reference_time = now ? now : (int64_t)time(NULL);
    p->g.dir = dir;
    p->g.seed = p->seed;
    MG_GUARD(mg_detrand_open(&p->g.detrand));
    p->g.libctx = p->g.detrand.libctx;
    p->g.artifacts = json_array();
    MG_ENSURE(p->g.artifacts != NULL, MG_E_INTERNAL, "out of memory");
    return MG_OK;
}

static void close_gen(probe_gen *p)
{
    json_decref(p->g.artifacts);
    mg_issued_free(&p->g);
    mg_key_cache_free(&p->g.keys);
    for (size_t i = 0; i < 2; i++) EVP_PKEY_free(p->given_keys[i]);
    mg_detrand_close(&p->g.detrand);
    ERR_clear_error();
}

static MG_RESULT read_pem(const char *flag, const char *path, BIO **out)
{
    unsigned char *data = NULL;
    size_t len = 0;
    mg_result r = mg_read_file_capped(path, MAX_PEM, &data, &len);
    if (!mg_ok(r)) return mg_fail(r.kind, "%s: %s", flag, mg_error_message());
    *out = BIO_new(BIO_s_mem());
    int ok = *out && BIO_write(*out, data, (int)len) == (int)len;
    free(data);
    if (ok) return MG_OK;
    BIO_free(*out);
    *out = NULL;
    return mg_fail(MG_E_INTERNAL, "out of memory");
}

static MG_RESULT read_cert(const char *flag, const char *path, X509 **out)
{
    BIO *bio = NULL;
    MG_GUARD(read_pem(flag, path, &bio));
    *out = PEM_read_bio_X509(bio, NULL, NULL, NULL);
    BIO_free(bio);
    MG_ENSURE(*out != NULL, MG_E_INPUT, "%s %s: no PEM certificate in it", flag, path);
    if (X509_check_ca(*out) >= 1) return MG_OK;
    X509_free(*out);
    *out = NULL;
    return mg_fail(MG_E_INPUT,
                   "%s %s: not a CA certificate (basicConstraints CA:TRUE is needed to issue)",
                   flag, path);
}

static MG_RESULT read_key(probe_gen *p, const char *flag, const char *path, X509 *cert,
                          EVP_PKEY **out)
{
    BIO *bio = NULL;
    MG_GUARD(read_pem(flag, path, &bio));
    *out = PEM_read_bio_PrivateKey_ex(bio, NULL, NULL, NULL, p->g.libctx, NULL);
    BIO_free(bio);
    MG_ENSURE(*out != NULL, MG_E_INPUT, "%s %s: no unencrypted PEM private key in it", flag,
              path);
    MG_ENSURE(X509_check_private_key(cert, *out) == 1, MG_E_INPUT,
              "%s %s: the key does not match the certificate", flag, path);
    return MG_OK;
}

/* The seed: a digest of the CA's private key, so one CA always gives the same set (and the
 * set cannot be derived from anything public). */
static MG_RESULT seed_from_key(probe_gen *p, EVP_PKEY *key)
{
    unsigned char *der = NULL, digest[32];
    int len = i2d_PrivateKey(key, &der);
    unsigned int dlen = 0;
    int ok = len > 0 && EVP_Digest(der, (size_t)len, digest, &dlen, EVP_sha256(), NULL);
    OPENSSL_clear_free(der, len > 0 ? (size_t)len : 0);
    MG_ENSURE(ok, MG_E_INTERNAL, "cannot digest the CA key");
    int n = snprintf(p->seed, sizeof p->seed, "probe:");
    for (unsigned i = 0; i < 16; i++) n += snprintf(p->seed + n, sizeof p->seed - n, "%02x",
                                                    digest[i]);
    return MG_OK;
}

static MG_RESULT issue_rows(mg_gen *g, const mg_profile_table *table, mg_side side)
{
    for (size_t i = 0; i < table->count; i++) {
        mg_cert_spec spec;
        MG_GUARD(mg_spec_from_row(&table->rows[i], side, &spec));
        MG_GUARD(mg_cert_issue(g, &spec));
    }
    return MG_OK;
}

/* The CRLs a gateway loads for this CA and intermediate, in one PEM file: the CA's lists the
 * probe's revoked certificate, the intermediate's lists nothing (a gateway that checks the
 * whole chain needs one for every CA). */
static MG_RESULT write_crls(mg_gen *g, int ca, int intermediate, const ASN1_INTEGER *revoked)
{
    X509_CRL *crls[2] = {NULL, NULL};
    const ASN1_INTEGER *list[1] = {revoked};
    mg_result r = mg_crl_build(g, ca, list, 1, -DAY, 365 * DAY, "probe-ca-crl", &crls[0]);
    if (mg_ok(r))
        r = mg_crl_build(g, intermediate, NULL, 0, -DAY, 365 * DAY, "probe-intermediate-crl",
                         &crls[1]);
    BIO *pem = BIO_new(BIO_s_mem());
    if (mg_ok(r) && !(pem && PEM_write_bio_X509_CRL(pem, crls[0]) &&
                      PEM_write_bio_X509_CRL(pem, crls[1])))
        r = mg_fail(MG_E_INTERNAL, "cannot encode the CRLs");
    if (mg_ok(r)) r = mg_write_bio(g, NULL, "crl.pem", pem, 0644);
    BIO_free(pem);
    X509_CRL_free(crls[0]);
    X509_CRL_free(crls[1]);
    return r;
}

static MG_RESULT add_given(probe_gen *p, const char *name, const char *cert_flag,
                           const char *cert_file, const char *key_flag, const char *key_file,
                           int issuer, size_t slot)
{
    X509 *cert = NULL;
    MG_GUARD(read_cert(cert_flag, cert_file, &cert));
    mg_result r = read_key(p, key_flag, key_file, cert, &p->given_keys[slot]);
    if (mg_ok(r) && issuer >= 0 && X509_check_issued(p->g.issued[issuer].cert, cert) != X509_V_OK)
        r = mg_fail(MG_E_INPUT, "%s %s: not issued by the CA of --ca-cert", cert_flag, cert_file);
    if (!mg_ok(r)) {
        X509_free(cert);
        return r;
    }
    return mg_issued_add(&p->g, name, cert, p->given_keys[slot], issuer, 1);
}

static MG_RESULT probe_set(probe_gen *p, const mg_gen_probe_options *o, bool *pathlen_limited)
{
    MG_GUARD(add_given(p, GIVEN_NAME, "--ca-cert", o->ca_cert_file, "--ca-key", o->ca_key_file,
                       -1, 0));
    MG_GUARD(seed_from_key(p, p->given_keys[0]));
    MG_ENSURE(!o->chain_cert_file == !o->chain_key_file, MG_E_USAGE,
              "--ca-chain and --ca-chain-key go together");
    if (o->chain_cert_file)
        MG_GUARD(add_given(p, INTERMEDIATE_NAME, "--ca-chain", o->chain_cert_file,
                           "--ca-chain-key", o->chain_key_file, 0, 1));
    else
        MG_GUARD(issue_rows(&p->g, &mg_profiles_probe_intermediate, MG_SIDE_CLIENT));
    int intermediate = mg_issued_find(&p->g, INTERMEDIATE_NAME);
    *pathlen_limited = X509_get_pathlen(p->g.issued[intermediate].cert) == 0;
    MG_GUARD(issue_rows(&p->g, &mg_profiles_probe, MG_SIDE_CLIENT));
    int revoked = mg_issued_find(&p->g, REVOKED_NAME);
    return write_crls(&p->g, 0, intermediate, X509_get0_serialNumber(p->g.issued[revoked].cert));
}

MG_RESULT mg_gen_probe_set(const mg_gen_probe_options *o, bool *pathlen_limited)
{
    probe_gen p;
    mg_result r = open_gen(&p, o->dir, o->now);
    if (mg_ok(r)) r = probe_set(&p, o, pathlen_limited);
    close_gen(&p);
    return r;
}

static MG_RESULT check_empty(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d && errno == ENOENT) return mg_make_dirs(dir);
    MG_ENSURE(d != NULL, MG_E_IO, "--make-ca %s: %s", dir, strerror(errno));
    struct dirent *e;
    bool empty = true;
    while (empty && (e = readdir(d)))
        empty = strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0;
    closedir(d);
    MG_ENSURE(empty, MG_E_USAGE, "--make-ca %s: the folder is not empty (nothing was written)",
              dir);
    return MG_OK;
}

/* The test CA's own rows: a root, an intermediate that may issue only leaves, and the
 * gateway's server certificate under the intermediate. */
static const mg_profile_row ca_rows[] = {
    {.name = "ca", .kind = MG_KIND_ROOT, .cn = "mtlsgrid probe test CA"},
    {.name = "intermediate", .issuer = "ca", .kind = MG_KIND_CA,
     .cn = "mtlsgrid probe test intermediate", .flags = MG_F_PATHLEN0},
};

static MG_RESULT make_ca(probe_gen *p, const char *server_names)
{
    unsigned char random[16];
    MG_ENSURE(RAND_bytes(random, sizeof random) == 1, MG_E_INTERNAL, "no random bytes");
    int n = snprintf(p->seed, sizeof p->seed, "ca:");
    for (unsigned i = 0; i < sizeof random; i++)
        n += snprintf(p->seed + n, sizeof p->seed - n, "%02x", random[i]);
    MG_GUARD(issue_rows(&p->g, &(mg_profile_table)MG_TABLE(ca_rows), MG_SIDE_CLIENT));
    char san[256];
    n = snprintf(san, sizeof san, "DNS:localhost,IP:127.0.0.1");
    for (const char *name = server_names; name && *name;) {
        size_t len = strcspn(name, ",");
        n += snprintf(san + n, sizeof san - (size_t)n, ",DNS:%.*s", (int)len, name);
        MG_ENSURE((size_t)n < sizeof san, MG_E_USAGE, "--server-names: too many names");
        name += len + (name[len] == ',');
    }
    mg_profile_row server = {.name = "server", .issuer = "intermediate", .cn = "localhost",
                             .san = san, .host = "localhost"};
    MG_GUARD(issue_rows(&p->g, &(mg_profile_table){&server, 1}, MG_SIDE_SERVER));
    /* The CRL lists the serial probe gives its revoked certificate under this CA: it derives
     * from the CA key, as in probe_set(). */
    MG_GUARD(seed_from_key(p, p->g.issued[0].key));
    ASN1_INTEGER *serial = NULL;
    MG_GUARD(mg_serial_for(&p->g, REVOKED_NAME, &serial));
    mg_result r = write_crls(&p->g, 0, 1, serial);
    ASN1_INTEGER_free(serial);
    return r;
}

MG_RESULT mg_gen_probe_ca(const char *dir, const char *server_names, int64_t now)
{
    MG_GUARD(check_empty(dir));
    probe_gen p;
    mg_result r = open_gen(&p, dir, now);
    if (mg_ok(r)) r = make_ca(&p, server_names);
    close_gen(&p);
    return r;
}
