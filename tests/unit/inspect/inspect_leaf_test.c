/* Finding the leaf in a file whatever the order (leaf first, issuer's issuer before the issuer,
 * leaf last), a CA alone, PEM and DER alike, on the generator's certificates. */
#include "gen.h"
#include "inspect_leaf.h"
#include "inspect_read.h"
#include "manifest.h"
#include "mg_test.h"

#include <stdio.h>
#include <stdlib.h>

/* Writes the PEM certificates of the files in the given order into path. */
static void concat(const char *path, const char *const *files, size_t count)
{
    FILE *out = fopen(path, "w");
    for (size_t i = 0; out && i < count; i++) {
        FILE *in = fopen(files[i], "r");
        int c;
        while (in && (c = fgetc(in)) != EOF) fputc(c, out);
        if (in) fclose(in);
    }
    if (out) fclose(out);
}

/* The subject CN-bearing OU of the leaf the finder picks, compared by certificate identity. */
static int leaf_is(const char *path, const char *expected_cert_pem)
{
    STACK_OF(X509) *certs = NULL, *expected = NULL;
    int same = 0;
    if (mg_ok(mg_inspect_read_certs(path, &certs)) &&
        mg_ok(mg_inspect_read_certs(expected_cert_pem, &expected))) {
        int at = mg_inspect_find_leaf(certs);
        same = at >= 0 && X509_cmp(sk_X509_value(certs, at), sk_X509_value(expected, 0)) == 0;
    } else {
        fprintf(stderr, "%s\n", mg_error_message());
    }
    sk_X509_pop_free(certs, X509_free);
    sk_X509_pop_free(expected, X509_free);
    return same;
}

int main(void)
{
    char dir[] = "/tmp/mg-inspect-leaf-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char out[sizeof dir + 16], path[sizeof dir + 32];
    snprintf(out, sizeof out, "%s/m", dir);
    mg_gen_options options = {.out_dir = out, .time_mode = MG_TIME_PINNED};
    mg_manifest m;
    CHECK(mg_ok(mg_gen_matrix(&options, NULL)) && mg_ok(mg_manifest_load(out, &m)));
    const mg_artifact *leaf = mg_manifest_find(&m, "client-chain-unordered");
    const mg_artifact *ca = mg_manifest_find(&m, "client-ca");
    const mg_artifact *ca2 = mg_manifest_find(&m, "client-ca-l2");
    const mg_artifact *root = mg_manifest_find(&m, "client-root");
    CHECK(leaf && ca && ca2 && root);
    if (leaf && ca && ca2 && root) {
        CHECK(leaf_is(leaf->chain_pem, leaf->cert_pem)); /* leaf, ca, ca-l2 */
        CHECK(leaf_is(leaf->cert_der, leaf->cert_pem));  /* DER */
        CHECK(leaf_is(root->cert_pem, root->cert_pem));  /* a CA alone */
        snprintf(path, sizeof path, "%s/reversed.pem", dir);
        const char *reversed[] = {root->cert_pem, ca->cert_pem, ca2->cert_pem, leaf->cert_pem};
        concat(path, reversed, 4);
        CHECK(leaf_is(path, leaf->cert_pem));
        const char *middle[] = {ca2->cert_pem, leaf->cert_pem, root->cert_pem, ca->cert_pem};
        concat(path, middle, 4);
        CHECK(leaf_is(path, leaf->cert_pem));
        const char *cas_only[] = {ca->cert_pem, root->cert_pem};
        concat(path, cas_only, 2);
        CHECK(leaf_is(path, ca->cert_pem)); /* the CA that issued nothing here */
        const char *with_key[] = {leaf->key_pem, leaf->cert_pem, ca->cert_pem};
        concat(path, with_key, 3); /* a key block in front is skipped */
        CHECK(leaf_is(path, leaf->cert_pem));
    }
    STACK_OF(X509) *empty = sk_X509_new_null();
    CHECK(mg_inspect_find_leaf(empty) == -1);
    sk_X509_free(empty);
    mg_manifest_free(&m);
    char cmd[sizeof dir + 16];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    CHECK(system(cmd) == 0);
    TEST_END();
}
