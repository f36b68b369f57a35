/* Bad input files give a message that names the file and what is wrong, never a crash: an
 * empty file, text, broken base64, a PEM block that is not a certificate, a truncated DER,
 * a key where a certificate is expected, a missing file, a folder. */
#include "inspect_read.h"
#include "mg_test.h"

#include <stdio.h>
#include <stdlib.h>

static char dir[] = "/tmp/mg-inspect-read-XXXXXX";

static const char *write_file(const char *name, const void *data, size_t len)
{
    static char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (f) {
        fwrite(data, 1, len, f);
        fclose(f);
    }
    return path;
}

/* Reading path as certificates fails with kind and a message holding both fragments. */
static void refused(const char *path, mg_error_kind kind, const char *fragment)
{
    STACK_OF(X509) *certs = NULL;
    mg_result r = mg_inspect_read_certs(path, &certs);
    CHECK(!mg_ok(r) && r.kind == kind && certs == NULL);
    const char *message = mg_error_message();
    if (!strstr(message, path) || !strstr(message, fragment))
        fprintf(stderr, "message \"%s\" lacks \"%s\" or \"%s\"\n", message, path, fragment);
    CHECK(strstr(message, path) && strstr(message, fragment));
}

int main(void)
{
    CHECK(mkdtemp(dir) != NULL);
    static const char text[] = "hello, not a certificate\n";
    static const char bad64[] =
        "-----BEGIN CERTIFICATE-----\n!!!notbase64!!!\n-----END CERTIFICATE-----\n";
    static const char notcert[] =
        "-----BEGIN CERTIFICATE-----\naGVsbG8=\n-----END CERTIFICATE-----\n";
    static const char noend[] = "-----BEGIN CERTIFICATE-----\naGVsbG8=\n";
    static const char key[] = "-----BEGIN PRIVATE KEY-----\naGVsbG8=\n-----END PRIVATE KEY-----\n";
    static const unsigned char der[] = {0x30, 0x82, 0x01, 0x00, 0x30};
    refused(write_file("empty.pem", "", 0), MG_E_INPUT, ": the file is empty");
    refused(write_file("text.pem", text, sizeof text - 1), MG_E_INPUT,
            ": neither PEM nor a DER certificate");
    refused(write_file("bad64.pem", bad64, sizeof bad64 - 1), MG_E_INPUT,
            ":1: PEM block 1 is broken");
    refused(write_file("notcert.pem", notcert, sizeof notcert - 1), MG_E_INPUT,
            ":1: PEM block 1 (CERTIFICATE) is not a valid certificate");
    refused(write_file("noend.pem", noend, sizeof noend - 1), MG_E_INPUT,
            ":1: PEM block 1 is broken");
    refused(write_file("key.pem", key, sizeof key - 1), MG_E_INPUT,
            ": holds no certificate (its PEM blocks: PRIVATE KEY)");
    refused(write_file("trunc.der", der, sizeof der), MG_E_INPUT,
            ": the bytes at offset 0 are not a DER certificate");
    refused("/nonexistent/inspect.pem", MG_E_IO, "No such file");
    refused(dir, MG_E_IO, "cannot read");

    STACK_OF(X509_CRL) *crls = NULL;
    CHECK(!mg_ok(mg_inspect_read_crls(write_file("key2.pem", key, sizeof key - 1), &crls)));
    CHECK(strstr(mg_error_message(), "key2.pem: holds no CRL (its PEM blocks: PRIVATE KEY)"));
    char cmd[64];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    CHECK(system(cmd) == 0);
    TEST_END();
}
