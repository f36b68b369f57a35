#include "repro_readme.h"
#include "repro_tools.h"

#include <time.h>

/* "./commands.sh pair SERVER CLIENT" and the lines around it, with the registry's names. */
static MG_RESULT write_usage(FILE *f, const mg_repro_side_list *servers,
                             const mg_repro_side_list *clients)
{
    char server_bars[512], client_bars[512], pair[160], server[160], client[160];
    MG_GUARD(mg_repro_join(servers->names, servers->count, "", "|", "|", server_bars,
                           sizeof server_bars));
    MG_GUARD(mg_repro_join(clients->names, clients->count, "", "|", "|", client_bars,
                           sizeof client_bars));
    /* Examples: the first server with curl, the last server alone, the first client alone. */
    snprintf(pair, sizeof pair, "./commands.sh pair %s curl", servers->names[0]);
    snprintf(server, sizeof server, "./commands.sh server %s 14433",
             servers->names[servers->count - 1]);
    snprintf(client, sizeof client, "./commands.sh client %s 14433", clients->names[0]);
    fprintf(f,
            "## Replay with stock tools\n\n"
            "```sh\n"
            "./commands.sh                      # every server x client pairing, one by one\n"
            "%-34s # one pairing: SERVER %s, CLIENT %s\n"
            "%-34s # a server alone (one terminal) ...\n"
            "%-34s # ... and a client (another terminal)\n"
            "./commands.sh show                 # print the commands without running them\n"
            "```\n\n",
            pair, server_bars, client_bars, server, client);
    return MG_OK;
}

/* Each stack's words for one kind of refusal, joined: "`TOOL` prints ..., `TOOL2` ...". */
static MG_RESULT write_refusals(FILE *f, mg_repro_text kind)
{
    const char *texts[MG_STACK_MAX];
    size_t count = mg_repro_tool_texts(kind, texts);
    char joined[2048];
    MG_GUARD(mg_repro_join(texts, count, "", ", ", ", ", joined, sizeof joined));
    fputs(joined, f);
    return MG_OK;
}

mg_result mg_repro_readme_replay(FILE *f, const mg_repro_bundle *b)
{
    mg_repro_side_list servers, clients;
    mg_repro_side_list_make(MG_ROLE_SERVER, &servers);
    mg_repro_side_list_make(MG_ROLE_CLIENT, &clients);
    char server_tools[1024], client_tools[1024];
    MG_GUARD(mg_repro_join(servers.tools, servers.count, "`", ", ", " and ", server_tools,
                           sizeof server_tools));
    MG_GUARD(mg_repro_join(clients.tools, clients.count, "`", ", ", " and ", client_tools,
                           sizeof client_tools));
    MG_GUARD(write_usage(f, &servers, &clients));
    fprintf(f,
            "The servers are %s, the clients %s, each given the verify, purpose, CRL and "
            "host-name flags this case needs (TLS %s). Every tool is bounded by `timeout` "
            "(`MG_TIMEOUT`, default 10 s) and everything stays on loopback: not every server "
            "tool can be told to listen on one address, so `pair` and the default run happen "
            "in a private network namespace (`unshare -rn`) when the system allows it.",
            server_tools, client_tools, mg_tls_name(b->rc->key->tls));
    bool replayed = false;
    for (size_t i = 0; i < servers.count; i++) replayed |= servers.tools[i] == servers.replay[i];
    for (size_t i = 0; i < clients.count; i++) replayed |= clients.tools[i] == clients.replay[i];
    if (replayed)
        fprintf(f, " A stack that ships no tool for a side is played by `mtlsgrid serve` or "
                   "`mtlsgrid connect` with `--bundle .` (`mtlsgrid` on `PATH`, or in "
                   "`MTLSGRID`); `mtlsgrid connect` prints the verdict, then `server said: HTTP "
                   "200` where a stock client prints the response.");
    fprintf(f, "\n\nHow to read the output, against `expected.txt` (`%s`):\n\n- `server-rejects`: ",
            b->expected);
    MG_GUARD(write_refusals(f, MG_REPRO_SERVER_REFUSAL));
    fprintf(f, "; the client only sees an alert (e.g. `alert unsupported certificate`).\n"
               "- `client-rejects`: ");
    MG_GUARD(write_refusals(f, MG_REPRO_CLIENT_REFUSAL));
    fprintf(f, ", curl `SSL certificate problem` or `no alternative certificate subject name "
               "matches`.\n"
               "- `client-error` / `server-error`: the tool cannot load its own credential and "
               "says so before connecting.\n"
               "- `ok`: every client prints the server's HTTP response (`HTTP/1.0 200`).\n\n"
               "Where stock tools cannot say what mtlsgrid checks:\n\n");
    const char *notes[MG_STACK_MAX];
    size_t count = mg_repro_tool_texts(MG_REPRO_NOTES, notes);
    for (size_t i = 0; i < count; i++) fputs(notes[i], f);
    fprintf(f, "- curl checks a CRL for the server's certificate only, not its intermediates.\n\n");
    return MG_OK;
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
