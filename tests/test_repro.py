"""`mtlsgrid repro`: bundles that stock tools replay and Wireshark decrypts.

For each case below the test makes a bundle, then runs the stock peers from its commands.sh
(`openssl s_server` and `gnutls-serv` against `openssl s_client`, `gnutls-cli` and curl),
started and stopped here, on loopback, each bounded in time, and reads from the tools' own
words which side refused and why: that must be the verdict in expected.txt. gnutls-serv
cannot be told to listen on loopback only, so when the system allows the peers run in a
private network namespace (unshare -rn; clients join it with nsenter).
"""
import json
import os
import pathlib
import re
import shutil
import socket
import stat
import subprocess

import pytest

from conftest import STACK_INFO, STACKS, _binary, list_cases, run_mtlsgrid
from peers import stop

# One case per kind of failure the issue names, plus a TLS 1.2 baseline across stacks.
CASES = [
    "baseline/openssl-openssl/tls1.3/strict",
    "baseline/gnutls-openssl/tls1.2/strict",
    "client-eku-serverauth/openssl-openssl/tls1.3/strict",
    "client-expired/openssl-openssl/tls1.3/strict",
    "client-revoked-crl/openssl-gnutls/tls1.3/strict",
    "client-missing-intermediate/openssl-openssl/tls1.3/strict",
    "client-untrusted-root/gnutls-gnutls/tls1.3/strict",
    "server-san-mismatch/openssl-openssl/tls1.3/strict",
]
SERVERS = ["openssl", "gnutls"]
CLIENTS = ["openssl", "gnutls", "curl"]

# Where a stock tool cannot check what the case is about: (scenario, server tool) -> verdict.
TOOL_GAPS = {
    # gnutls-serv verifies client certificates without a purpose, so any EKU passes.
    ("client-eku-serverauth", "gnutls"): "ok",
}

# The stock tools' words for a refused certificate, to the shared reasons.
STOCK_WORDS = [
    ("unsuitable certificate purpose", "bad-purpose"),
    ("unsupported certificate purpose", "bad-purpose"),
    ("does not match the intended purpose", "bad-purpose"),
    ("certificate has expired", "expired"),
    ("uses expired certificate", "expired"),
    ("is not yet valid", "not-yet-valid"),
    ("certificate revoked", "revoked"),
    ("chain is revoked", "revoked"),
    ("revocation reason", "revoked"),
    ("unable to get local issuer certificate", "unknown-ca"),
    ("unable to get issuer certificate", "unknown-ca"),
    ("self-signed certificate", "unknown-ca"),
    ("issuer is unknown", "unknown-ca"),
    ("hostname mismatch", "hostname-mismatch"),
    ("no alternative certificate subject name", "hostname-mismatch"),
    ("does not match the expected", "hostname-mismatch"),
]

KEYS = {"server.key", "client.key", "client.p12", "p12-password.txt", "keylog.txt"}
ALWAYS = {"server.pem", "server.key", "client.pem", "client.key", "client.p12",
          "p12-password.txt", "server-trust.pem", "client-trust.pem", "server-name.txt",
          "expected.txt", "README.md", "commands.sh", "handshake.pcap", "keylog.txt"}


def reason_in(text):
    low = text.lower()
    for words, reason in STOCK_WORDS:
        if words in low:
            return reason
    return "other"


def stock_verdict(server_tool, client_tool, server_out, client_out, client_rc):
    """The verdict as the stock tools tell it: who refused, and the reason in their words."""
    if server_tool == "openssl":
        found = re.search(r"verify error:num=\d+:(.*)", server_out)
        if found:
            return "server-rejects:" + reason_in(found.group(1))
    elif "Error in handshake: Error in the certificate" in server_out:
        return "server-rejects:?"  # gnutls-serv never says why (nor does its alert)
    if client_tool == "openssl":
        found = re.search(r"verify error:num=\d+:(.*)", client_out)
        if found:
            return "client-rejects:" + reason_in(found.group(1))
    elif client_tool == "gnutls":
        found = re.search(r"The certificate is NOT trusted\. (.*)", client_out)
        if found:
            return "client-rejects:" + reason_in(found.group(1))
    elif client_rc in (60, 91):  # curl: peer certificate, or its revocation, refused
        return "client-rejects:" + reason_in(client_out)
    if re.search(r"HTTP/1\.[01] 200", client_out):
        return "ok"
    return "protocol:other"


def same_verdict(stock, expected):
    """gnutls-serv's refusal names no reason: then only the side is compared."""
    if stock.endswith(":?"):
        return stock.split(":")[0] == expected.split(":")[0]
    return stock == expected


class StockNet:
    """Runs commands in a private network namespace (only loopback) when the system allows,
    else on the host's loopback."""

    def __init__(self):
        self.prefix, self.holder = [], None
        usable = all(shutil.which(t) for t in ("unshare", "nsenter", "ip"))
        if usable and subprocess.run(["unshare", "-rn", "true"],
                                     capture_output=True).returncode == 0:
            self.holder = subprocess.Popen(
                ["unshare", "-rn", "sh", "-c", "ip link set lo up && echo up && exec sleep 900"],
                stdout=subprocess.PIPE, text=True)
            if self.holder.stdout.readline().strip() == "up":
                self.prefix = ["nsenter", "-t", str(self.holder.pid), "-U", "-n",
                               "--preserve-credentials"]

    def port(self):
        if self.prefix:
            return 24433  # the namespace is ours alone
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            return s.getsockname()[1]

    def close(self):
        if self.holder:
            self.holder.kill()
            self.holder.wait()


@pytest.fixture(scope="module")
def net():
    n = StockNet()
    yield n
    n.close()


@pytest.fixture(scope="module")
def known_scenarios():
    return {case.split("/")[0] for case in list_cases("--policy", "strict", "--tls", "1.3",
                                                       "--stacks", "openssl")}


@pytest.fixture(scope="module")
def bundles(tmp_path_factory, known_scenarios):
    made = {}

    def bundle(case):
        scenario = case.split("/")[0]
        if scenario not in known_scenarios:
            pytest.skip(f"scenario {scenario} is not in scenarios/catalogue yet")
        if case not in made:
            out = tmp_path_factory.mktemp("bundle") / scenario
            run_mtlsgrid("repro", case, "--out", out, "--quiet", check=True)
            made[case] = out
        return made[case]

    return bundle


def run_pair(net, folder, server_tool, client_tool):
    port = str(net.port())
    script = str(folder / "commands.sh")
    log = folder.parent / f"server-{server_tool}-{client_tool}.log"  # beside the bundle
    env = dict(os.environ, MG_TIMEOUT="10")
    with open(log, "w") as out:
        server = subprocess.Popen([*net.prefix, "bash", script, "server", server_tool, port],
                                  stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                  env=env)
        try:
            ready = subprocess.run([*net.prefix, "bash", script, "wait", port], timeout=15)
            assert ready.returncode == 0, f"server_{server_tool} did not listen:\n{log.read_text()}"
            client = subprocess.run([*net.prefix, "bash", script, "client", client_tool, port],
                                    capture_output=True, text=True, timeout=30, env=env)
        finally:
            try:  # s_server stops after one connection; gnutls-serv may still be writing
                server.wait(timeout=0.3)
            except subprocess.TimeoutExpired:
                pass
            stop(server, 10)
    return log.read_text(), client.stdout + client.stderr, client.returncode


@pytest.mark.parametrize("client_tool", CLIENTS)
@pytest.mark.parametrize("server_tool", SERVERS)
@pytest.mark.parametrize("case", CASES)
def test_stock_tools_reach_the_expected_verdict(bundles, net, case, server_tool, client_tool):
    folder = bundles(case)
    expected = (folder / "expected.txt").read_text().strip()
    expected = TOOL_GAPS.get((case.split("/")[0], server_tool), expected)
    server_out, client_out, rc = run_pair(net, folder, server_tool, client_tool)
    stock = stock_verdict(server_tool, client_tool, server_out, client_out, rc)
    assert same_verdict(stock, expected), (
        f"stock tools say {stock}, expected {expected}\n--- server:\n{server_out}\n"
        f"--- client (exit {rc}):\n{client_out}")


@pytest.mark.parametrize("case", CASES)
def test_bundle_holds_the_design_files(bundles, case):
    folder = bundles(case)
    # .mtlsgrid (what mtlsgrid wrote) and .mtlsgrid.lock mark the folder, they are no bundle file
    names = {p.name for p in folder.iterdir() if not p.name.startswith(".mtlsgrid")}
    want = set(ALWAYS)
    if case.startswith("client-revoked-crl"):
        want.add("crl.pem")
    assert names == want
    for name in KEYS:
        assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600, name
    assert os.access(folder / "commands.sh", os.X_OK)
    assert (folder / "server-name.txt").read_text() == "server.test\n"
    verdict = (folder / "expected.txt").read_text()
    assert verdict.count("\n") == 1 and ":" in verdict or verdict == "ok\n"
    readme = (folder / "README.md").read_text()
    assert verdict.strip() in readme and "**Standard:** RFC" in readme
    assert "mtlsgrid's own run" in readme


def test_pem_files_verify_with_stock_openssl(bundles):
    """server.pem is leaf then chain: openssl verify agrees with the case (wall-clock time)."""
    folder = bundles("client-expired/openssl-openssl/tls1.3/strict")
    def verify(pem, trust, purpose):
        return subprocess.run(["openssl", "verify", "-purpose", purpose, "-CAfile", folder / trust,
                               "-untrusted", folder / pem, folder / pem],
                              capture_output=True, text=True)
    assert verify("server.pem", "client-trust.pem", "sslserver").returncode == 0
    bad = verify("client.pem", "server-trust.pem", "sslclient")
    assert bad.returncode != 0 and "certificate has expired" in bad.stdout + bad.stderr
    p12 = subprocess.run(["openssl", "pkcs12", "-in", folder / "client.p12", "-noout", "-passin",
                          "file:" + str(folder / "p12-password.txt")], capture_output=True)
    assert p12.returncode == 0


def test_commands_sh_runs_every_pairing_itself(bundles):
    """Every stack's server with every stack's client and curl: the stock tools where the stack
    has them, `mtlsgrid serve`/`connect` where it has none."""
    folder = bundles("baseline/openssl-openssl/tls1.3/strict")
    proc = subprocess.run(["bash", folder / "commands.sh"], capture_output=True, text=True,
                          timeout=300, env=dict(os.environ, MG_TIMEOUT="10",
                                                MTLSGRID=_binary()))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    pairings = len(STACKS) * (len(STACKS) + 1)
    assert proc.stdout.count("=== server ") == pairings
    assert proc.stdout.count("the client got the server's HTTP response: ok") == pairings, \
        proc.stdout


def test_commands_sh_offers_every_stack_and_curl(bundles):
    """The servers and clients commands.sh knows are the build's stacks (mtlsgrid stacks), then
    curl; each has its function, and `show` prints them all."""
    folder = bundles("baseline/openssl-openssl/tls1.3/strict")
    stacks = STACKS
    script = (folder / "commands.sh").read_text()
    assert f'SERVERS="{" ".join(stacks)}"' in script
    assert f'CLIENTS="{" ".join(stacks + ["curl"])}"' in script
    shown = subprocess.run(["bash", folder / "commands.sh", "show"], capture_output=True,
                           text=True, timeout=30)
    assert shown.returncode == 0, shown.stderr
    for name in [f"server_{s}" for s in stacks] + [f"client_{c}" for c in stacks + ["curl"]]:
        assert f"{name} () " in shown.stdout, name
    readme = (folder / "README.md").read_text()
    assert f"SERVER {'|'.join(stacks)}, CLIENT {'|'.join(stacks + ['curl'])}" in readme
    for info in STACK_INFO:  # a side with no stock tool is mtlsgrid playing it with the stack
        for side, command in (("server", "serve"), ("client", "connect")):
            replay = f'"${{MTLSGRID:-mtlsgrid}}" {command} --stack {info["name"]} --bundle .'
            assert (replay in script) == (not (info.get("tools") or {}).get(side)), \
                (info["name"], side)


def test_expected_txt_holds_the_first_of_several(bundles):
    folder = bundles("client-eku-any/openssl-openssl/tls1.3/strict")
    assert (folder / "expected.txt").read_text() == "ok\n"
    readme = (folder / "README.md").read_text()
    assert "also allow `server-rejects:bad-purpose`" in readme and "RFC 5280 4.2.1.12" in readme


def tshark(*args):
    return subprocess.run(["tshark", *map(str, args)], capture_output=True, text=True, timeout=60)


@pytest.mark.skipif(not shutil.which("tshark"), reason="tshark is not installed (ci/deps test)")
def test_pcap_shows_the_decrypted_certificates(bundles):
    """TLS 1.3 encrypts the Certificate messages: only the key log shows them."""
    folder = bundles("client-eku-serverauth/openssl-openssl/tls1.3/strict")
    pcap, keylog = folder / "handshake.pcap", folder / "keylog.txt"
    fields = ["-Y", "tls.handshake.type == 11", "-T", "fields", "-e", "x509sat.uTF8String"]
    plain = tshark("-r", pcap, *fields)
    assert plain.returncode == 0 and plain.stdout.strip() == "", plain.stdout + plain.stderr
    decrypted = tshark("-r", pcap, "-o", f"tls.keylog_file:{keylog}", *fields)
    assert decrypted.returncode == 0, decrypted.stderr
    lines = decrypted.stdout.splitlines()
    assert len(lines) == 2, decrypted.stdout  # the server's Certificate, then the client's
    assert "server.test" in lines[0] and "client-eku-serverauth" in lines[1]
    alert = tshark("-r", pcap, "-o", f"tls.keylog_file:{keylog}", "-Y", "tls.alert_message",
                   "-T", "fields", "-e", "tls.alert_message.desc")
    assert alert.stdout.split() == ["43"]  # unsupported_certificate, from the server


@pytest.mark.skipif(not shutil.which("tshark"), reason="tshark is not installed (ci/deps test)")
def test_pcap_is_one_clean_tcp_connection(bundles):
    folder = bundles("baseline/openssl-openssl/tls1.3/strict")
    pcap = folder / "handshake.pcap"
    flags = tshark("-r", pcap, "-T", "fields", "-e", "tcp.flags.str")
    assert flags.returncode == 0
    first = [f.replace("\u00b7", "").strip() for f in flags.stdout.splitlines()[:3]]
    assert first == ["S", "AS", "A"]  # Wireshark prints unset flags as dots
    problems = tshark("-r", pcap, "-Y", "tcp.analysis.flags or _ws.malformed or "
                      "_ws.expert.severity >= warning")
    assert problems.stdout.strip() == "", problems.stdout


def test_unknown_case_exits_2_naming_it(tmp_path):
    proc = run_mtlsgrid("repro", "no-such-scenario/openssl-openssl/tls1.3/strict",
                        "--out", tmp_path / "b")
    assert proc.returncode == 2 and "no-such-scenario" in proc.stderr
    assert proc.stderr.count("\n") == 1


def test_unwritable_out_dir_exits_2_naming_it(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    for out in (blocker, blocker / "below"):
        proc = run_mtlsgrid("repro", "baseline", "--out", out)
        assert proc.returncode == 2, proc.stderr
        assert str(blocker) in proc.stderr and proc.stderr.count("\n") == 1


def test_rerun_into_the_same_folder_leaves_no_stale_file(tmp_path, known_scenarios):
    if "client-revoked-crl" not in known_scenarios:
        pytest.skip("scenario client-revoked-crl is not in scenarios/catalogue yet")
    out = tmp_path / "b"
    run_mtlsgrid("repro", "client-revoked-crl", "--out", out, "--quiet", check=True)
    assert (out / "crl.pem").exists()
    (out / "notes.txt").write_text("mine\n")
    run_mtlsgrid("repro", "baseline", "--out", out, "--quiet", check=True)
    assert not (out / "crl.pem").exists()
    assert (out / "notes.txt").read_text() == "mine\n"  # only bundle names are replaced
    assert (out / "expected.txt").read_text() == "ok\n"
