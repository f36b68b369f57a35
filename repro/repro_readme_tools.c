#include "repro_readme.h"

#include <time.h>

void mg_repro_readme_replay(FILE *f, const mg_repro_bundle *b)
{
    fprintf(f,
            "## Replay with stock tools\n\n"
            "```sh\n"
            "./commands.sh                      # every server x client pairing, one by one\n"
            "./commands.sh pair openssl curl    # one pairing: SERVER openssl|gnutls, CLIENT "
            "openssl|gnutls|curl\n"
            "./commands.sh server gnutls 14433  # a server alone (one terminal) ...\n"
            "./commands.sh client openssl 14433 # ... and a client (another terminal)\n"
            "./commands.sh show                 # print the commands without running them\n"
            "```\n\n"
            "The servers are `openssl s_server` and `gnutls-serv`, the clients `openssl "
            "s_client`, `gnutls-cli` and `curl`, each given the verify, purpose, CRL and "
            "host-name flags this case needs (TLS %s). Every tool is bounded by `timeout` "
            "(`MG_TIMEOUT`, default 10 s) and everything stays on loopback: `gnutls-serv` has "
            "no option to listen on one address, so `pair` and the default run happen in a "
            "private network namespace (`unshare -rn`) when the system allows it.\n\n"
            "How to read the output, against `expected.txt` (`%s`):\n\n"
            "- `server-rejects`: `s_server` prints `verify error:num=N:...`, `gnutls-serv` "
            "`Error in handshake: Error in the certificate`; the client only sees an alert "
            "(e.g. `alert unsupported certificate`).\n"
            "- `client-rejects`: `s_client` prints `verify error:num=N:...`, `gnutls-cli` "
            "`*** PKI verification of server certificate failed`, curl `SSL certificate "
            "problem` or `no alternative certificate subject name matches`.\n"
            "- `client-error` / `server-error`: the tool cannot load its own credential and "
            "says so before connecting.\n"
            "- `ok`: every client prints the server's HTTP response (`HTTP/1.0 200`).\n\n"
            "Where stock tools cannot say what mtlsgrid checks:\n\n"
            "- `gnutls-serv` never checks the client certificate's extended key usage (it "
            "asks GnuTLS to verify without a purpose), so it accepts a client certificate "
            "made for servers only.\n"
            "- `gnutls-serv` says only `Error in the certificate` when it refuses a client "
            "certificate, and sends the alert `access denied` whatever the reason; "
            "`s_server` names the reason and sends a matching alert.\n"
            "- `gnutls-cli` cannot load a PKCS#12 file: it uses `client.pem` and "
            "`client.key`. Nor does it check that the key belongs to the certificate: with a "
            "mismatched pair it connects, and the server refuses the CertificateVerify "
            "signature (`decrypt error`).\n"
            "- curl checks a CRL for the server's certificate only, not its intermediates; "
            "`s_client -status` asks for a stapled OCSP response but does not fail "
            "without one.\n\n",
            mg_tls_name(b->rc->key->tls), b->expected);
}

void mg_repro_readme_capture(FILE *f, const mg_repro_bundle *b)
{
    bool tls13 = b->rc->key->tls == MG_TLS13;
    fprintf(f,
            "## Look at the handshake\n\n"
            "`handshake.pcap` is the case as mtlsgrid drove it (the two stacks above, in "
            "memory), written as one TCP connection on loopback (server port 443); "
            "`keylog.txt` holds the secrets both stacks logged. %s\n\n",
            tls13 ? "TLS 1.3 encrypts the Certificate messages; with the key log they show "
                    "decrypted:"
                  : "TLS 1.2 sends the certificates in the clear; the key log decrypts "
                    "Finished, the alerts and the data:");
    fprintf(f,
            "```sh\n"
            "tshark -r handshake.pcap -o tls.keylog_file:keylog.txt -Y tls.handshake -O tls\n"
            "tshark -r handshake.pcap -o tls.keylog_file:keylog.txt "
            "-Y 'tls.handshake.type == 11' -T fields -e x509sat.uTF8String\n"
            "```\n\n"
            "In Wireshark: Preferences, Protocols, TLS, \"(Pre)-Master-Secret log "
            "filename\": `keylog.txt`. The alert that ends a failing handshake is in the "
            "capture too.\n\n");
}

void mg_repro_readme_time(FILE *f, const mg_repro_bundle *b)
{
    time_t made = (time_t)b->rc->plan.manifest.reference_time;
    struct tm tm;
    char when[64] = "?";
    if (gmtime_r(&made, &tm)) strftime(when, sizeof when, "%Y-%m-%d %H:%M UTC", &tm);
    fprintf(f,
            "## Time\n\n"
            "Made in wall-clock mode at %s: the validity windows sit around that instant, so "
            "stock tools agree without faking time. Good leaves stay valid for 365 days, but "
            "CRLs and OCSP responses only for 7: replay within a week, or make a fresh "
            "bundle with `mtlsgrid repro %s --out DIR`.\n",
            when, b->rc->case_id);
}
