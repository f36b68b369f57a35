/* README.md of a bundle: what should happen and why, in plain words, with the standard the
 * expectation comes from, what each file is, and how to replay and look at the handshake. */
#include "repro_readme.h"

#include "atomic_file.h"
#include "path_join.h"
#include "verdict_words.h"

#include <stdio.h>
#include <time.h>
#include <unistd.h>

static void describe_presenter(FILE *f, const mg_repro_bundle *b, mg_role role)
{
    const char *who = role == MG_ROLE_CLIENT ? "client" : "server";
    const mg_artifact *a = mg_repro_side_artifact(b->rc, role);
    if (!a) {
        fprintf(f, "- The %s presents no certificate.\n", who);
        return;
    }
    const mg_artifact *leaf = a->about ? mg_manifest_find(&b->rc->plan.manifest, a->about) : a;
    if (!leaf) leaf = a;
    fprintf(f, "- The %s presents `%s`%s", who, leaf->name,
            a != leaf ? " (from a PKCS#12 file)" : "");
    if (leaf->issuer) fprintf(f, ", issued by `%s`", leaf->issuer);
    if (leaf->defect_count) {
        fprintf(f, "; its defect:");
        for (size_t i = 0; i < leaf->defect_count; i++)
            fprintf(f, "%s `%s`", i ? "," : "", leaf->defects[i]);
    }
    fprintf(f, ".\n");
}

static void write_expectation(FILE *f, const mg_repro_bundle *b)
{
    const mg_scenario *sc = b->rc->key->scenario;
    char words[512], seen[64];
    mg_verdict_words(sc->expected[0], words, sizeof words);
    fprintf(f, "## What should happen\n\n**Expected verdict:** `%s` (in `expected.txt`): %s.\n\n",
            b->expected, words);
    for (size_t i = 1; i < sc->expected_count; i++) {
        char text[64];
        mg_verdict_format(sc->expected[i], text, sizeof text);
        mg_verdict_words(sc->expected[i], words, sizeof words);
        fprintf(f, "%s `%s` (%s)", i == 1 ? "The standards also allow" : ";", text, words);
        if (i + 1 == sc->expected_count) fprintf(f, ".\n\n");
    }
    if (sc->expect_note) fprintf(f, "Why several outcomes are allowed: %s\n\n", sc->expect_note);
    fprintf(f, "**Why it matters:** %s\n\n**Standard:** %s\n\n", sc->summary, sc->standard);
    describe_presenter(f, b, MG_ROLE_SERVER);
    describe_presenter(f, b, MG_ROLE_CLIENT);
    fprintf(f, "- The client connects to and verifies the name `%s` (`server-name.txt`).\n\n",
            b->host);
    mg_verdict_format(b->seen.verdict, seen, sizeof seen);
    mg_verdict_words(b->seen.verdict, words, sizeof words);
    fprintf(f, "**mtlsgrid's own run** of this case when the bundle was made (client %s, server "
               "%s, TLS %s, policy %s): `%s` (%s). In the stacks' words: %s\n\n",
            b->rc->c->client_stack->name, b->rc->c->server_stack->name,
            mg_tls_name(b->rc->key->tls), mg_policy_name(b->rc->key->policy), seen, words,
            b->seen.reason_text);
    if (b->rc->c->skip_reason)
        fprintf(f, "The grid skips this case (%s), so that run says little.\n\n",
                b->rc->c->skip_reason);
}

static MG_RESULT file_row(FILE *f, const mg_repro_bundle *b, const char *name,
                          const char *what)
{
    char path[4096];
    MG_GUARD(mg_path_join(path, sizeof path, b->dir, name));
    FILE *probe = fopen(path, "rb");
    if (!probe) return MG_OK;
    fclose(probe);
    fprintf(f, "| `%s` | %s |\n", name, what);
    return MG_OK;
}

static MG_RESULT write_files(FILE *f, const mg_repro_bundle *b)
{
    fprintf(f, "## Files\n\n| file | what it holds |\n|---|---|\n");
    MG_GUARD(file_row(f, b, "server.pem", "the server's certificate, then the chain it sends"));
    MG_GUARD(file_row(f, b, "server.key", "the server's private key (mode 0600)"));
    MG_GUARD(file_row(f, b, "client.pem", "the client's certificate, then the chain it sends"));
    MG_GUARD(file_row(f, b, "client.key", "the client's private key (mode 0600)"));
    MG_GUARD(file_row(f, b, "client.p12",
                      b->client_via_p12
                          ? "the PKCS#12 file the case loads the client's credential from"
                          : "client.pem and client.key as PKCS#12 (mode 0600)"));
    MG_GUARD(file_row(f, b, "p12-password.txt",
                      b->client_via_p12 ? "the password the case gives for client.p12 (right or "
                                          "wrong: it is part of the case)"
                                        : "the password of client.p12"));
    MG_GUARD(file_row(f, b, "server-trust.pem",
                      "the CAs the server trusts for client certificates"));
    MG_GUARD(file_row(f, b, "client-trust.pem",
                      "the CAs the client trusts for server certificates"));
    MG_GUARD(file_row(f, b, "crl.pem",
                      "the CRLs the case checks (each CA's current CRL up the chain)"));
    MG_GUARD(file_row(f, b, "ocsp.der", "the OCSP response the server staples"));
    MG_GUARD(file_row(f, b, "server-name.txt", "the name the client connects to and verifies"));
    MG_GUARD(file_row(f, b, "expected.txt", "the expected verdict"));
    MG_GUARD(file_row(f, b, "commands.sh", "the case replayed with stock tools (see below)"));
    MG_GUARD(file_row(f, b, "handshake.pcap",
                      "the case's handshake as a TCP capture on loopback"));
    MG_GUARD(file_row(f, b, "keylog.txt",
                      "the TLS secrets of that handshake (NSS key log format)"));
    if (b->p12_note[0]) fprintf(f, "\nNo `client.p12`: %s.\n", b->p12_note);
    fprintf(f, "\n");
    return MG_OK;
}

mg_result mg_repro_write_readme(const mg_repro_bundle *b)
{
    char path[4096];
    MG_GUARD(mg_path_join(path, sizeof path, b->dir, "README.md"));
    mg_atomic_file out;
    MG_GUARD(mg_atomic_open(&out, path));
    FILE *f = out.file;
    const mg_scenario *sc = b->rc->key->scenario;
    fprintf(f, "# Repro bundle: `%s`\n\nScenario `%s` (family %s), client stack %s, server "
               "stack %s, TLS %s, policy %s. Made by `mtlsgrid repro %s --out DIR`.\n\n",
            b->rc->case_id, sc->id, sc->family, b->rc->c->client_stack->name,
            b->rc->c->server_stack->name, mg_tls_name(b->rc->key->tls),
            mg_policy_name(b->rc->key->policy), b->rc->case_id);
    write_expectation(f, b);
    mg_result r = write_files(f, b);
    if (mg_ok(r)) r = mg_repro_readme_replay(f, b);
    if (!mg_ok(r)) {
        fclose(f); /* no README.md rather than half of one */
        unlink(out.temp_path);
        return r;
    }
    mg_repro_readme_capture(f, b);
    mg_repro_readme_time(f, b);
    return mg_atomic_commit(&out);
}
