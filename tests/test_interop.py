"""serve and connect against real peers on loopback: openssl s_client/s_server,
gnutls-cli/gnutls-serv, curl and nginx. Each test starts its peer and stops it.

The credentials come from one wall-clock matrix (`gen --time now`) shared by both sides, so
stock tools verify them at the real time."""
import json
import os
import re
import subprocess
import textwrap

import pytest

from conftest import STACKS, _binary, run_mtlsgrid
from peers import artifact, free_port, need, nginx_conf, running



@pytest.fixture(scope="module")
def now_matrix(tmp_path_factory):
    out = tmp_path_factory.mktemp("now") / "m"
    run_mtlsgrid("gen", "--out", out, "--time", "now", "--quiet", check=True)
    return str(out)


def client_files(m, leaf="client"):
    return artifact(m, leaf, "chain.pem"), artifact(m, leaf, "key.pem")


@pytest.fixture
def mtlsgrid_server(now_matrix):
    """Starts `mtlsgrid serve` for one connection; yields (port, process)."""
    servers = []

    def start(stack, scenario, tls="1.3", count=1):
        context = running([_binary(), "serve", "--stack", stack, "--scenario", scenario,
                           "--matrix", now_matrix, "--port", "0", "--tls", tls,
                           "--count", str(count)], ready=r"port (\d+)")
        servers.append(context)
        proc = context.__enter__()
        return int(proc.ready.group(1)), proc

    yield start
    for proc in servers:
        proc.__exit__(None, None, None)


def served_verdicts(proc):
    out, _ = proc.communicate(timeout=20)
    return re.findall(r"^connection \d+: (\S+)", out, re.M)


@pytest.mark.parametrize("tls", ["1.2", "1.3"])
@pytest.mark.parametrize("stack", STACKS)
def test_openssl_s_client_against_serve(stack, tls, now_matrix, mtlsgrid_server):
    need("openssl")
    port, proc = mtlsgrid_server(stack, "baseline", tls)
    cert, key = client_files(now_matrix)
    done = subprocess.run(
        ["openssl", "s_client", "-connect", f"127.0.0.1:{port}", "-servername", "server.test",
         "-cert", cert, "-cert_chain", cert, "-key", key,
         "-CAfile", artifact(now_matrix, "server-root", "cert.pem"),
         "-verify_return_error", "-verify_hostname", "server.test", f"-tls1_{tls[-1]}",
         "-ign_eof"],
        input="GET / HTTP/1.1\r\nHost: server.test\r\nConnection: close\r\n\r\n",
        capture_output=True, text=True, timeout=20)
    assert "\nok\n" in done.stdout, done.stdout + done.stderr
    assert served_verdicts(proc) == ["ok"]


@pytest.mark.parametrize("stack", STACKS)
def test_gnutls_cli_with_wrong_eku_is_rejected_by_serve(stack, now_matrix, mtlsgrid_server):
    need("gnutls-cli")
    port, proc = mtlsgrid_server(stack, "client-eku-serverauth")
    cert, key = client_files(now_matrix, "client-eku-serverauth")
    done = subprocess.run(
        ["gnutls-cli", "127.0.0.1", "-p", str(port), "--verify-hostname", "server.test",
         "--sni-hostname", "server.test", "--x509cafile",
         artifact(now_matrix, "server-root", "cert.pem"), "--x509certfile", cert,
         "--x509keyfile", key],
        input="GET / HTTP/1.1\r\nHost: server.test\r\n\r\n", capture_output=True, text=True,
        timeout=20)
    assert done.returncode != 0 or "\nok\n" not in done.stdout
    assert served_verdicts(proc) == ["server-rejects:bad-purpose"]


@pytest.mark.parametrize("stack", STACKS)
def test_curl_against_serve(stack, now_matrix, mtlsgrid_server):
    need("curl")
    port, proc = mtlsgrid_server(stack, "baseline", count=2)
    cert, key = client_files(now_matrix)
    common = ["curl", "-sS", "--max-time", "10", "--resolve", f"server.test:{port}:127.0.0.1",
              "--cacert", artifact(now_matrix, "server-root", "cert.pem"),
              f"https://server.test:{port}/"]
    good = subprocess.run(common + ["--cert", cert, "--key", key], capture_output=True,
                          text=True, timeout=20)
    assert good.returncode == 0 and good.stdout == "ok\n", good.stderr
    missing = subprocess.run(common, capture_output=True, text=True, timeout=20)
    assert missing.returncode != 0
    assert served_verdicts(proc) == ["ok", "server-rejects:no-certificate"]


def connect(stack, scenario, port, matrix, tls="1.3"):
    return run_mtlsgrid("connect", "--stack", stack, "--scenario", scenario, "--matrix", matrix,
                        "--port", port, "--tls", tls, timeout=30)


@pytest.mark.parametrize("tls", ["1.2", "1.3"])
@pytest.mark.parametrize("stack", STACKS)
def test_connect_against_openssl_s_server(stack, tls, now_matrix):
    need("openssl")
    port = free_port()
    with running(["openssl", "s_server", "-accept", f"127.0.0.1:{port}", "-www", "-naccept", "2",
                  "-cert", artifact(now_matrix, "server", "chain.pem"),
                  "-cert_chain", artifact(now_matrix, "server", "chain.pem"),
                  "-key", artifact(now_matrix, "server", "key.pem"),
                  "-CAfile", artifact(now_matrix, "client-root", "cert.pem"),
                  "-Verify", "3", "-verify_return_error", f"-tls1_{tls[-1]}"],
                 ready=r"^ACCEPT"):
        good = connect(stack, "baseline", port, now_matrix, tls)
        assert good.returncode == 0 and good.stdout.startswith("ok"), good.stdout + good.stderr
        bad = connect(stack, "client-eku-serverauth", port, now_matrix, tls)
        assert bad.returncode == 1 and bad.stdout.startswith("server-rejects:"), bad.stdout


@pytest.mark.parametrize("stack", STACKS)
def test_connect_against_gnutls_serv(stack, now_matrix):
    """gnutls-serv cannot be told to listen on loopback only, so it runs in a network
    namespace of its own that holds nothing but a loopback interface."""
    need("gnutls-serv")
    need("unshare")
    port = free_port()
    # Two servers: one trusts the client root; the other only the server root, so it must
    # refuse the same client. gnutls-serv closes a refused connection with the rest of our
    # flight unread, so the kernel answers with a reset that can overtake its alert (curl and
    # s_client meet the same race): the refusal is then seen as a broken connection. Either
    # way the client must not report ok; when the alert arrives it is access_denied(49).
    serve = (f"gnutls-serv --http --require-client-cert --verify-client-cert "
             f"--x509certfile {artifact(now_matrix, 'server', 'chain.pem')} "
             f"--x509keyfile {artifact(now_matrix, 'server', 'key.pem')} --x509cafile")
    client = f"{_binary()} connect --stack {stack} --matrix {now_matrix} --scenario baseline"
    script = textwrap.dedent(f"""\
        ip link set lo up
        {serve} {artifact(now_matrix, 'client-root', 'cert.pem')} -p {port} >/dev/null 2>&1 & a=$!
        {serve} {artifact(now_matrix, 'server-root', 'cert.pem')} -p {port + 1} >/dev/null 2>&1 & b=$!
        for p in {port} {port + 1}; do
          for i in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null && break; sleep 0.05; done
        done
        {client} --port {port}; echo "exit=$?"
        {client} --port {port + 1} --tls 1.2; echo "exit=$?"
        kill $a $b""")
    done = subprocess.run(["unshare", "--net", "bash", "-c", script], capture_output=True,
                          text=True, timeout=60, env={**os.environ})
    if "unshare failed" in done.stderr:
        pytest.skip(f"no network namespaces here: {done.stderr.strip()}")
    lines = [l for l in done.stdout.splitlines() if not l.startswith("server said")]
    assert lines[0].startswith("ok") and lines[1] == "exit=0", done.stdout + done.stderr
    assert lines[3] == "exit=1" and not lines[2].startswith("ok"), done.stdout
    if lines[2].startswith("server-rejects:"):
        assert lines[2].startswith("server-rejects:other") and "access_denied(49)" in lines[2]
    else:
        assert lines[2].startswith("protocol:other"), lines[2]


@pytest.mark.parametrize("stack", STACKS)
def test_connect_against_nginx_with_ssl_verify_client(stack, now_matrix, tmp_path):
    nginx = need("nginx")
    port = free_port()
    conf = nginx_conf(tmp_path, port, f"""
        server_name server.test;
        ssl_certificate {artifact(now_matrix, 'server', 'chain.pem')};
        ssl_certificate_key {artifact(now_matrix, 'server', 'key.pem')};
        ssl_client_certificate {artifact(now_matrix, 'client-root', 'cert.pem')};
        ssl_verify_client on;
        ssl_verify_depth 3;
        ssl_protocols TLSv1.2 TLSv1.3;
        location / {{ return 200 "ok from nginx\\n"; }}
        """)
    with running([nginx, "-p", str(tmp_path), "-c", str(conf)], port=port):
        good = connect(stack, "baseline", port, now_matrix)
        assert good.returncode == 0 and "server said: HTTP 200: ok from nginx" in good.stdout, \
            good.stdout
        # `ssl_verify_client on` answers a client certificate that fails verification with
        # HTTP 400 inside a completed handshake, not with an alert: our client sees nginx's
        # rejection page, which is what users of nginx see too.
        wrong = connect(stack, "client-eku-serverauth", port, now_matrix)
        assert wrong.returncode == 1 and wrong.stdout.startswith("server-rejects:other")
        # nginx's reason is its page's title, not the raw HTML of the page
        assert "server said: HTTP 400: 400 The SSL certificate error" in wrong.stdout, \
            wrong.stdout
        assert "<html>" not in wrong.stdout
        as_json = run_mtlsgrid("connect", "--stack", stack, "--scenario", "client-eku-serverauth",
                               "--matrix", now_matrix, "--port", port, "--tls", "1.3", "--json",
                               timeout=30)
        doc = json.loads(as_json.stdout)
        assert as_json.returncode == 1 and doc["verdict"] == "server-rejects:other"
        assert doc["ok"] is False and doc["client"]["state"] == "ok"
        assert doc["http"] == {"status": 400, "said": "400 The SSL certificate error"}, doc
