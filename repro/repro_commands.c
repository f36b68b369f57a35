/* commands.sh: the case replayed with stock tools. The tool functions come from
 * repro_tools.c; this file writes the settings, the helpers and the dispatcher around them. */
#include "atomic_file.h"
#include "repro_tools.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char usage_text[] =
    "# usage: ./commands.sh [all]                 every server x client pairing, one by one\n"
    "#        ./commands.sh pair SERVER CLIENT    one pairing (SERVER: openssl|gnutls,\n"
    "#                                            CLIENT: openssl|gnutls|curl)\n"
    "#        ./commands.sh server SERVER [PORT]  one server in the foreground\n"
    "#        ./commands.sh client CLIENT [PORT]  one client against loopback PORT\n"
    "#        ./commands.sh wait PORT             wait until something listens on PORT\n"
    "#        ./commands.sh show                  print the commands without running them\n"
    "# Every tool runs at most MG_TIMEOUT seconds (default 10); MG_PORT picks the port.\n";

/* gnutls-serv cannot be told to listen on loopback only, so a run that starts servers itself
 * moves into a private network namespace (only its own loopback) when the system allows. */
static const char helpers_text[] =
    "# The certificates after the leaf: s_server and s_client -cert read only the first.\n"
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
    "  if grep -q 'HTTP/1\\.[01] 200' \"$log/client\"; then\n"
    "    echo \"--- the client got the server's HTTP response: ok\"\n"
    "  else\n"
    "    echo \"--- no HTTP response: the handshake failed (the output above says who refused)\"\n"
    "  fi\n"
    "  rm -rf \"$log\"\n}\n\n"
    "private_net_possible() {\n"
    "  [[ -z ${MG_PRIVATE_NET:-} ]] && command -v unshare >/dev/null && command -v ip "
    ">/dev/null &&\n    unshare -rn true 2>/dev/null\n}\n\n";

static const char dispatch_text[] =
    "SERVERS=\"openssl gnutls\"\nCLIENTS=\"openssl gnutls curl\"\n"
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
    "  server) known \"${2:-}\" \"$SERVERS\" || { echo \"server: openssl or gnutls\" >&2; "
    "exit 2; }\n"
    "    \"server_$2\" \"${3:-${MG_PORT:-14433}}\" ;;\n"
    "  client) known \"${2:-}\" \"$CLIENTS\" || { echo \"client: openssl, gnutls or curl\" >&2; "
    "exit 2; }\n"
    "    \"client_$2\" \"${3:-${MG_PORT:-14433}}\" ;;\n"
    "  wait) wait_listening \"${2:?wait PORT}\" ;;\n"
    "  show) declare -f server_openssl server_gnutls client_openssl client_gnutls client_curl "
    "rest_of ;;\n"
    "  *) sed -n '/^# usage/,/^# Every/p' \"$SELF\"; exit 2 ;;\n"
    "esac\n";

static void write_settings(FILE *f, const mg_repro_bundle *b)
{
    bool tls13 = b->rc->key->tls == MG_TLS13;
    fprintf(f, "set -uo pipefail\nHERE=$(cd \"$(dirname \"$0\")\" && pwd) || exit 2\n"
               "SELF=$(basename \"$0\")\ncd \"$HERE\" || exit 2\n\n");
    fprintf(f, "LIMIT=${MG_TIMEOUT:-10}  # seconds any one tool may run\n");
    fprintf(f, "NAME=%s  # the name the client connects to and verifies (server-name.txt)\n",
            b->host);
    fprintf(f, "EXPECTED=%s\nTLS=%s\n", b->expected, mg_tls_name(b->rc->key->tls));
    fprintf(f, "PRIORITY=NORMAL:-VERS-ALL:+VERS-TLS%s  # GnuTLS: this TLS version only\n",
            tls13 ? "1.3" : "1.2");
    fprintf(f, "REQUEST=$'GET / HTTP/1.0\\r\\n\\r\\n'  # both servers answer HTTP\n\n");
}

mg_result mg_repro_write_commands(const mg_repro_bundle *b)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/commands.sh", b->dir);
    mg_atomic_file out;
    MG_GUARD(mg_atomic_open(&out, path));
    FILE *f = out.file;
    if (fchmod(fileno(f), 0755) != 0) {
        fclose(f);
        unlink(out.temp_path);
        return mg_fail(MG_E_IO, "%s: cannot make it executable: %s", path, strerror(errno));
    }
    fprintf(f, "#!/usr/bin/env bash\n# %s replayed with stock tools (made by mtlsgrid repro; "
               "README.md says what should happen and why).\n# Expected: %s\n#\n%s\n",
            b->rc->case_id, b->expected, usage_text);
    write_settings(f, b);
    fputs(helpers_text, f);
    mg_repro_write_tool_functions(f, b);
    fputs(dispatch_text, f);
    return mg_atomic_commit(&out);
}
