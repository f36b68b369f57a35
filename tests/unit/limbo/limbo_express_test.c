/* What a handshake cannot express is a skip with its reason: each rule, on the handwritten
 * testcases with one field changed, and keys made here for the key-type rules. */
#include "limbo_express.h"
#include "mg_test.h"

#include <openssl/evp.h>
#include <openssl/pem.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static mg_limbo_suite suite;

static mg_limbo_testcase *find(const char *id)
{
    for (size_t i = 0; i < suite.count; i++)
        if (strcmp(suite.items[i].id, id) == 0) return &suite.items[i];
    return NULL;
}

/* The reason for t, which must contain `words` ("" for: it can be expressed). */
static void expect(const mg_limbo_testcase *t, const char *words)
{
    char why[512];
    mg_limbo_unexpressible(t, why, sizeof why);
    bool ok = words[0] ? strstr(why, words) != NULL : why[0] == '\0';
    if (!ok) fprintf(stderr, "%s: reason \"%s\", wanted \"%s\"\n", t->id, why, words);
    CHECK(ok);
}

/* The key as PEM (allocated), freeing it; NULL when anything failed. */
static char *pem_of(EVP_PKEY *key)
{
    BIO *bio = BIO_new(BIO_s_mem());
    char *data = NULL, *copy = NULL;
    if (key && bio && PEM_write_bio_PrivateKey(bio, key, NULL, NULL, 0, NULL, NULL)) {
        long n = BIO_get_mem_data(bio, &data);
        copy = strndup(data, (size_t)n);
    }
    BIO_free(bio);
    EVP_PKEY_free(key);
    return copy;
}

static void check_key(EVP_PKEY *key, const char *words)
{
    char *pem = pem_of(key);
    CHECK(pem != NULL);
    char why[256] = "unset";
    if (pem) mg_limbo_key_problem(pem, why, sizeof why);
    bool ok = words[0] ? strstr(why, words) != NULL : why[0] == '\0';
    if (!ok) fprintf(stderr, "key: reason \"%s\", wanted \"%s\"\n", why, words);
    CHECK(ok);
    free(pem);
}

static void check_key_types(void)
{
    check_key(EVP_PKEY_Q_keygen(NULL, NULL, "EC", "P-256"), "");
    check_key(EVP_PKEY_Q_keygen(NULL, NULL, "EC", "P-521"), "");
    check_key(EVP_PKEY_Q_keygen(NULL, NULL, "EC", "P-192"), "prime192v1");
    check_key(EVP_PKEY_Q_keygen(NULL, NULL, "ED25519"), "");
    check_key(EVP_PKEY_Q_keygen(NULL, NULL, "RSA", (size_t)1024), "");
    char why[256] = "unset";
    mg_limbo_key_problem("not a key", why, sizeof why);
    CHECK(why[0] == '\0'); /* unreadable: the presenting stack has its say */
}

int main(void)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/tests/limbo/mtlsgrid.json", getenv("MG_SOURCE_DIR"));
    CHECK(mg_ok(mg_limbo_suite_load(path, &suite)));
    mg_limbo_testcase *server = find("mtlsgrid::server::chain-ok");
    mg_limbo_testcase *client = find("mtlsgrid::client::chain-ok");
    mg_limbo_testcase *wrong = find("mtlsgrid::client::wrong-eku");
    CHECK(server && client && wrong);
    if (!server || !client || !wrong) TEST_END();
    expect(server, "");
    expect(client, "");
    expect(wrong, ""); /* clientAuth asked for: the stacks ask it too */
    expect(find("mtlsgrid::server::no-key"), "peer_certificate_key");

    char *saved = server->extended_key_usage.items[0];
    server->extended_key_usage.items[0] = "codeSigning";
    expect(server, "extended_key_usage codeSigning");
    server->extended_key_usage.items[0] = saved;

    size_t count = wrong->extended_key_usage.count; /* none asked for, but TLS asks clientAuth */
    wrong->extended_key_usage.count = 0;
    expect(wrong, "leaf's EKU lacks it");
    wrong->extended_key_usage.count = count;

    saved = server->peer_name_kind;
    server->peer_name_kind = "RFC822";
    expect(server, "kind RFC822");
    server->peer_name_kind = saved;

    saved = client->peer_names.items[0];
    client->peer_names.items[0] = "RFC822:someone@example.test";
    expect(client, "is not a SAN of the leaf");
    client->peer_names.items[0] = saved;

    /* A depth of 0 and the epoch itself are settings like any other. */
    server->max_chain_depth = 0;
    expect(server, "");
    server->max_chain_depth = -1;

    saved = server->validation_time;
    server->validation_time = "1970-01-01T00:00:00Z";
    expect(server, "");
    server->validation_time = saved;

    check_key_types();
    mg_limbo_suite_free(&suite);
    TEST_END();
}
