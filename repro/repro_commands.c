/* commands.sh: the case replayed with stock tools. The tool functions come from
 * repro_tools.c (and the stacks' tools.c); this file writes the settings, the helpers and the
 * dispatcher around them, with the lists of servers and clients taken from the registry. */
#include "atomic_file.h"
#include "path_join.h"
#include "repro_tools.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Two lists: the servers' and the clients' names, "|"-separated. */
static const char usage_format[] =
    "# usage: ./commands.sh [all]                 every server x client pairing, one by one\n"
    "#        ./commands.sh pair SERVER CLIENT    one pairing (SERVER: %s,\n"
    "#                                            CLIENT: %s)\n"
    "#        ./commands.sh server SERVER [PORT]  one server in the foreground\n"
    "#        ./commands.sh client CLIENT [PORT]  one client against loopback PORT\n"
    "#        ./commands.sh wait PORT             wait until something listens on PORT\n"
    "#        ./commands.sh show                  print the commands without running them\n"
    "# Every tool runs at most MG_TIMEOUT seconds (default 10); MG_PORT picks the port.\n";

/* Some server tools (gnutls-serv) cannot be told to listen on loopback only, so a run that
 * starts servers itself moves into a private network namespace (only its own loopback) when
 * the system allows. A client that mtlsgrid plays prints "server said: HTTP 200" where stock
 * clients print the response itself. */
static const char helpers_text[] =
    "# The certificates after the leaf, for tools that take the leaf and its chain apart.\n"
    "rest_of() { sed '1,/-END CERTIFICATE-/d' \"$1\"; }\n\n"
    "# Waits (5 s at most) until a socket listens on port $1, without connecting to it.\n"
    "wait_listening() {\n"
    "  local hex; hex=$(printf ':%04X ' \"$1\")\n"
    "  for _ in $(seq 50); do\n"
    "    awk -v p=\"$hex\" 'index($2 \" \", p) && $4 == \"0A\" { found = 1 } END { exit !found }' "
    "\\\n      /proc/net/tcp /proc/net/tcp6 2>/dev/null && return 0\n"
    "    sleep 0.1\n  done\n  return 1\n}\n\n"
    "run_pair() {\n"
    "  local server=$1 client=$2 port=${MG_PORT:-$((20000 + RANDOM % 20000))} log rc pid\n"
    "  log=$(mktemp -d) || return 2\n"
    "  \"server_$server\" \"$port\" >\"$log/server\" 2>&1 &\n"
    "  pid=$!\n"
    "  wait_listening \"$port\" || echo \"(server_$server is not listening on $port)\"\n"
    "  \"client_$client\" \"$port\" >\"$log/client\" 2>&1\n"
    "  rc=$?\n"
    "  for _ in 1 2 3 4 5; do kill -0 \"$pid\" 2>/dev/null || break; sleep 0.1; done  # let it "
    "log\n"
    "  kill \"$pid\" 2>/dev/null; wait \"$pid\" 2>/dev/null\n"
    "  echo \"=== server $server, client $client, TLS $TLS; expected: $EXPECTED\"\n"
    "  echo \"--- server output:\"; cat \"$log/server\"\n"
    "  echo \"--- client output (exit $rc):\"; cat \"$log/client\"\n"
    "  if grep -qE 'HTTP/1\\.[01] 200|server said: HTTP 200' \"$log/client\"; then\n"
    "    echo \"--- the client got the server's HTTP response: ok\"\n"
    "  else\n"
    "    echo \"--- no HTTP response: the handshake failed (the output above says who refused)\"\n"
    "  fi\n"
    "  rm -rf \"$log\"\n}\n\n"
    "private_net_possible() {\n"
    "  [[ -z ${MG_PRIVATE_NET:-} ]] && command -v unshare >/dev/null && command -v ip "
    ">/dev/null &&\n    unshare -rn true 2>/dev/null\n}\n\n";

/* Five lists: the servers' and the clients' names, space-separated; the same for people
 * ("a or b", "a, b or c"); the functions `show` prints. */
static const char dispatch_format[] =
    "SERVERS=\"%s\"\nCLIENTS=\"%s\"\n"
    "known() { [[ \" $2 \" == *\" $1 \"* ]]; }\n\n"
    "case ${1:-all} in\n"
    "  all | pair)\n"
    "    if private_net_possible; then\n"
    "      exec unshare -rn env MG_PRIVATE_NET=1 bash -c 'ip link set lo up && exec bash \"$@\"' "
    "\\\n        bash \"$HERE/$SELF\" \"$@\"\n"
    "    fi\n"
    "    if [[ ${1:-all} == pair ]]; then\n"
    "      known \"${2:-}\" \"$SERVERS\" && known \"${3:-}\" \"$CLIENTS\" || { sed -n "
    "'/^# usage/,/^# Every/p' \"$SELF\"; exit 2; }\n"
    "      run_pair \"$2\" \"$3\"\n"
    "    else\n"
    "      for s in $SERVERS; do for c in $CLIENTS; do run_pair \"$s\" \"$c\"; echo; done; done\n"
    "    fi ;;\n"
    "  server) known \"${2:-}\" \"$SERVERS\" || { echo \"server: %s\" >&2; exit 2; }\n"
    "    \"server_$2\" \"${3:-${MG_PORT:-14433}}\" ;;\n"
    "  client) known \"${2:-}\" \"$CLIENTS\" || { echo \"client: %s\" >&2; exit 2; }\n"
    "    \"client_$2\" \"${3:-${MG_PORT:-14433}}\" ;;\n"
    "  wait) wait_listening \"${2:?wait PORT}\" ;;\n"
    "  show) declare -f %s rest_of ;;\n"
    "  *) sed -n '/^# usage/,/^# Every/p' \"$SELF\"; exit 2 ;;\n"
    "esac\n";

static MG_RESULT write_settings(FILE *f, const mg_repro_bundle *b)
{
    fprintf(f, "set -uo pipefail\nHERE=$(cd \"$(dirname \"$0\")\" && pwd) || exit 2\n"
               "SELF=$(basename \"$0\")\ncd \"$HERE\" || exit 2\n\n");
    fprintf(f, "LIMIT=${MG_TIMEOUT:-10}  # seconds any one tool may run\n");
    fprintf(f, "NAME=%s  # the name the client connects to and verifies (server-name.txt)\n",
            b->host);
    fprintf(f, "EXPECTED=%s\nTLS=%s\n", b->expected, mg_tls_name(b->rc->key->tls));
    MG_GUARD(mg_repro_write_tool_preludes(f, b));
    fprintf(f, "REQUEST=$'GET / HTTP/1.0\\r\\n\\r\\n'  # every server answers HTTP\n\n");
    return MG_OK;
}

/* The lists commands.sh spells, from the registry. */
typedef struct {
    mg_repro_side_list servers, clients;
    char server_bars[512], client_bars[512];   /* "a|b", "a|b|curl" */
    char server_words[512], client_words[512]; /* "a b", "a b curl" */
    char server_prose[512], client_prose[512]; /* "a or b", "a, b or curl" */
    char functions[2048];                      /* "server_a server_b client_a ... client_curl" */
} side_lists;

static MG_RESULT make_lists(side_lists *l)
{
    mg_repro_side_list_make(MG_ROLE_SERVER, &l->servers);
    mg_repro_side_list_make(MG_ROLE_CLIENT, &l->clients);
    const mg_repro_side_list *s = &l->servers, *c = &l->clients;
    MG_GUARD(mg_repro_join(s->names, s->count, "", "|", "|", l->server_bars,
                           sizeof l->server_bars));
    MG_GUARD(mg_repro_join(c->names, c->count, "", "|", "|", l->client_bars,
                           sizeof l->client_bars));
    MG_GUARD(mg_repro_join(s->names, s->count, "", " ", " ", l->server_words,
                           sizeof l->server_words));
    MG_GUARD(mg_repro_join(c->names, c->count, "", " ", " ", l->client_words,
                           sizeof l->client_words));
    MG_GUARD(mg_repro_join(s->names, s->count, "", ", ", " or ", l->server_prose,
                           sizeof l->server_prose));
    MG_GUARD(mg_repro_join(c->names, c->count, "", ", ", " or ", l->client_prose,
                           sizeof l->client_prose));
    size_t used = 0;
    for (size_t side = 0; side < 2; side++) {
        const mg_repro_side_list *list = side == 0 ? s : c;
        for (size_t i = 0; i < list->count; i++) {
            int n = snprintf(l->functions + used, sizeof l->functions - used, "%s%s_%s",
                             used ? " " : "", side == 0 ? "server" : "client", list->names[i]);
            MG_ENSURE(n >= 0 && (size_t)n < sizeof l->functions - used, MG_E_INTERNAL,
                      "repro: the tool functions' names do not fit in %zu bytes",
                      sizeof l->functions);
            used += (size_t)n;
        }
    }
    return MG_OK;
}

static MG_RESULT write_script(FILE *f, const mg_repro_bundle *b, const side_lists *l)
{
    fprintf(f, "#!/usr/bin/env bash\n# %s replayed with stock tools (made by mtlsgrid repro; "
               "README.md says what should happen and why).\n# Expected: %s\n#\n",
            b->rc->case_id, b->expected);
    fprintf(f, usage_format, l->server_bars, l->client_bars);
    fprintf(f, "\n");
    MG_GUARD(write_settings(f, b));
    fputs(helpers_text, f);
    MG_GUARD(mg_repro_write_tool_functions(f, b));
    fprintf(f, dispatch_format, l->server_words, l->client_words, l->server_prose,
            l->client_prose, l->functions);
    return MG_OK;
}

mg_result mg_repro_write_commands(const mg_repro_bundle *b)
{
    char path[4096];
    MG_GUARD(mg_path_join(path, sizeof path, b->dir, "commands.sh"));
    mg_atomic_file out;
    MG_GUARD(mg_atomic_open_mode(&out, path, 0755));
    side_lists *lists = calloc(1, sizeof *lists);
    mg_result r = lists ? make_lists(lists) : mg_fail(MG_E_INTERNAL, "out of memory");
    if (mg_ok(r)) r = write_script(out.file, b, lists);
    free(lists);
    if (!mg_ok(r)) {
        mg_atomic_abandon(&out); /* the folder keeps no commands.sh rather than a broken one */
        return r;
    }
    return mg_atomic_commit(&out);
}
