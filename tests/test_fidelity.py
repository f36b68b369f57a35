"""`handshake` and `inspect` faithful to what stock tools show (issue 18).

Each case is a PKI made by stock `openssl` commands (no mtlsgrid generator), judged by
mtlsgrid and by curl against `openssl s_server` (and `nginx -t`) on loopback: the test asserts
the diagnosis mtlsgrid gives and the verdict the stock tools show.
"""
import json
import pathlib
import re
import subprocess

import pytest

from conftest import STACKS, run_mtlsgrid, stack_has
from peers import free_port, need, running
from stock_pki import ca, issue, issue_dated, sh



def crl(d, issuer):
    (d / "index.txt").write_text("")
    (d / "crlnumber").write_text("01\n")
    (d / "ca.cnf").write_text("[ca]\ndefault_ca=c\n[c]\ndatabase=index.txt\ncrlnumber=crlnumber\n"
                              "default_md=sha256\ndefault_crl_days=7\n")
    sh("openssl", "ca", "-config", "ca.cnf", "-gencrl", "-keyfile", f"{issuer}.key", "-cert",
       f"{issuer}.pem", "-out", f"{issuer}.crl", cwd=d)


def with_chain(d, name, intermediate):
    """name.pem in d: the leaf name.crt followed by its intermediate's PEM, as a server sends it."""
    (d / f"{name}.pem").write_text((d / f"{name}.crt").read_text() + intermediate.read_text())


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    d = tmp_path_factory.mktemp("pki")
    ca(d, "root", "Test Root")
    issue(d, "int", "Test Intermediate", "root",
          ["basicConstraints=critical,CA:TRUE", "keyUsage=critical,keyCertSign,cRLSign",
           "subjectKeyIdentifier=hash"])
    (d / "int.pem").write_text((d / "int.crt").read_text())
    issue(d, "srv", "localhost", "int", ["subjectAltName=DNS:localhost",
                                         "extendedKeyUsage=serverAuth",
                                         "keyUsage=digitalSignature"])
    issue(d, "srvcn", "localhost", "int", ["extendedKeyUsage=serverAuth"])
    issue(d, "cli", "client", "int", ["extendedKeyUsage=clientAuth", "keyUsage=digitalSignature"])
    issue(d, "kuenc", "kuenc", "int", ["extendedKeyUsage=clientAuth",
                                       "keyUsage=critical,keyEncipherment"],
          key=("rsa:2048",))
    ca(d, "other", "Other CA")
    issue(d, "untrusted", "untrusted client", "other", ["extendedKeyUsage=clientAuth",
                                                        "keyUsage=digitalSignature"])
    for name in ("srv", "srvcn", "cli", "kuenc"):
        with_chain(d, name, d / "int.pem")
    (d / "cli-untrusted.pem").write_text((d / "untrusted.crt").read_text())
    (d / "cli-wrong-order.pem").write_text((d / "int.pem").read_text() +
                                           (d / "cli.crt").read_text())
    (d / "cli-combined.pem").write_text((d / "cli.key").read_text() + (d / "cli.pem").read_text())
    sh("openssl", "pkcs12", "-export", "-legacy", "-in", "cli.crt", "-inkey", "cli.key",
       "-certfile", "int.pem", "-out", "cli-legacy.p12", "-passout", "pass:secret", cwd=d)
    sh("openssl", "pkey", "-in", "cli.key", "-aes256", "-passout", "pass:key-secret", "-out",
       "cli-enc.key", cwd=d)
    crl(d, "int")
    return d


def handshake(pki, *client, policy="strict", server="srv", server_dir=None):
    """server.pem and server.key from server_dir (default: the pki folder)."""
    d = server_dir or pki
    return run_mtlsgrid("handshake", "--server-cert", d / f"{server}.pem", "--server-key",
                        d / f"{server}.key", "--server-trust", pki / "root.pem",
                        "--client-trust", pki / "root.pem", "--policy", policy, *client,
                        timeout=120)


def rows(stdout):
    out = []
    for line in stdout.splitlines():
        words = line.split()
        if len(words) >= 4 and words[0] in STACKS and words[2] in ("1.2", "1.3"):
            out.append(words)
    return out


def inspect(pki, name, *extra):
    proc = run_mtlsgrid("inspect", pki / name, "--role", "client", "--ca", pki / "root.pem",
                        "--json", *extra)
    return proc, json.loads(proc.stdout)[0]


def s_server(pki, port, *extra, cert="srv"):
    need("openssl")
    return running(["openssl", "s_server", "-accept", f"127.0.0.1:{port}", "-cert",
                    pki / f"{cert}.crt", "-cert_chain", pki / "int.pem", "-key", pki / f"{cert}.key",
                    "-CAfile", pki / "root.pem",
                    "-Verify", "2", "-verify_return_error", "-www", *extra], port=port)


def curl(pki, port, *args):
    need("curl")
    return subprocess.run(["curl", "-sS", "--max-time", "10", "--cacert", pki / "root.pem",
                           *map(str, args), f"https://localhost:{port}/"], capture_output=True,
                          text=True, timeout=30)


def test_chain_in_the_wrong_order_is_diagnosed_and_fails_as_the_stacks_load_it(pki):
    proc = handshake(pki, "--client-cert", pki / "cli-wrong-order.pem", "--client-key",
                     pki / "cli.key")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "the first certificate in" in proc.stderr and "put the leaf first" in proc.stderr
    assert "Test Intermediate" in proc.stderr
    # A stack that checks the pair refuses to start; one that does not sends the intermediate
    # as its certificate and is refused: never ok, as with curl.
    verdicts = {r[3] for r in rows(proc.stdout)}
    assert "client-error:key-mismatch" in verdicts and "ok" not in verdicts, proc.stdout
    port = free_port()
    with s_server(pki, port):
        result = curl(pki, port, "--cert", pki / "cli-wrong-order.pem", "--key", pki / "cli.key")
    assert result.returncode == 58, result.stderr  # "unable to set private key file"


def test_chain_in_the_wrong_order_nginx_refuses_too(pki, tmp_path):
    nginx = need("nginx")
    conf = tmp_path / "nginx.conf"
    conf.write_text(f"""daemon off; master_process off; pid {tmp_path}/nginx.pid;
error_log {tmp_path}/error.log; events {{}}
http {{ server {{ listen 127.0.0.1:{free_port()} ssl;
  ssl_certificate {pki}/cli-wrong-order.pem; ssl_certificate_key {pki}/cli.key; }} }}
""")
    proc = subprocess.run([nginx, "-t", "-p", tmp_path, "-c", conf, "-e", tmp_path / "e.log"],
                          capture_output=True, text=True, timeout=30)
    assert proc.returncode != 0 and "key values mismatch" in proc.stderr


def test_key_encipherment_only_client_is_bad_key_usage_never_protocol(pki):
    proc = handshake(pki, "--client-cert", pki / "kuenc.pem", "--client-key", pki / "kuenc.key")
    verdicts = {r[3] for r in rows(proc.stdout)}
    assert not any(v.startswith("protocol:") or v.endswith(":bad-purpose") for v in verdicts)
    assert verdicts - {"ok"} <= {"server-rejects:bad-key-usage", "client-error:bad-key-usage"}
    _, report = inspect(pki, "kuenc.pem")
    problems = {p["cause"]: p for p in report["problems"]}
    assert "ku-refused-client-purpose" in problems, report["problems"]
    assert "unsuitable certificate purpose" in json.dumps(problems)
    port = free_port()
    with s_server(pki, port):
        result = curl(pki, port, "--cert", pki / "kuenc.pem", "--key", pki / "kuenc.key")
    assert result.returncode != 0 and "alert unsupported certificate" in result.stderr


def test_leaf_from_an_untrusted_ca_names_the_file_and_its_issuer(pki):
    proc, report = inspect(pki, "cli-untrusted.pem")
    assert proc.returncode == 1
    [problem] = [p for p in report["problems"] if p["cause"] == "issuer-unknown"]
    assert 'cli-untrusted.pem was issued by "CN = Other CA"' in problem["detail"]
    assert "missing-intermediate" not in {p["cause"] for p in report["problems"]}
    port = free_port()
    with s_server(pki, port):
        result = curl(pki, port, "--cert", pki / "cli-untrusted.pem", "--key",
                      pki / "untrusted.key")
    assert result.returncode != 0 and "unknown ca" in result.stderr


def test_legacy_pkcs12_with_the_right_password_is_read(pki):
    proc = handshake(pki, "--client-p12", pki / "cli-legacy.p12", "--p12-password", "secret")
    assert proc.returncode in (0, 1), proc.stderr
    grid = rows(proc.stdout)
    assert any(r[3] == "ok" for r in grid)
    for r in grid:
        if stack_has(r[0], "pkcs12") and r[3] != "ok":
            assert r[3] == "client-error:bad-credential", r


def test_combined_cert_and_key_file_as_curl_takes_it(pki):
    proc = handshake(pki, "--client-cert", pki / "cli-combined.pem")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    port = free_port()
    with s_server(pki, port):
        assert curl(pki, port, "--cert", pki / "cli-combined.pem").returncode == 0


def test_encrypted_key_with_its_password_from_a_file_never_echoed(pki, tmp_path):
    secret = tmp_path / "key-password"
    secret.write_text("key-secret\n")
    bare = handshake(pki, "--client-cert", pki / "cli.pem", "--client-key", pki / "cli-enc.key")
    assert bare.returncode == 2 and "--key-password-file" in bare.stderr
    proc = handshake(pki, "--client-cert", pki / "cli.pem", "--client-key", pki / "cli-enc.key",
                     "--key-password-file", secret, "--json")
    assert proc.returncode == 0, proc.stderr
    assert "key-secret" not in proc.stdout + proc.stderr


def test_cn_only_server_shows_both_policies(pki):
    proc = handshake(pki, "--client-cert", pki / "cli.pem", "--client-key", pki / "cli.key",
                     "--host", "localhost", policy="both", server="srvcn")
    assert "policy strict and minimal" in proc.stdout
    pairs = {(r[3], r[4]) for r in rows(proc.stdout)}
    assert ("client-rejects:hostname-mismatch", "ok") in pairs, proc.stdout
    port = free_port()
    with s_server(pki, port, cert="srvcn"):
        result = curl(pki, port, "--cert", pki / "cli.pem", "--key", pki / "cli.key")
    assert result.returncode == 0, result.stderr  # curl falls back to the CN


def test_crl_for_the_intermediate_only_is_a_problem(pki):
    proc, report = inspect(pki, "cli.pem", "--crl", pki / "int.crl")
    assert proc.returncode == 1
    [problem] = [p for p in report["problems"] if p["cause"] == "crl-missing"]
    assert "Test Root" in problem["detail"]
    hs = handshake(pki, "--client-cert", pki / "cli.pem", "--client-key", pki / "cli.key",
                   "--crl", pki / "int.crl")
    assert "unable to get certificate CRL" in hs.stderr and "Test Root" in hs.stderr
    port = free_port()
    with s_server(pki, port, "-CRL", pki / "int.crl", "-crl_check_all"):
        result = curl(pki, port, "--cert", pki / "cli.pem", "--key", pki / "cli.key")
    assert result.returncode != 0, result.stdout


def issue_expired(d, name, cn, issuer, ext):
    """A certificate valid in January 2024 only, signed by the pki's issuer, with its chain in
    name.pem; made in d (its own CA database), not in the pki folder."""
    issue_dated(d, name, cn, issuer, ext, serial="2000")
    with_chain(d, name, issuer.with_suffix(".pem"))


def test_expired_certificates_on_either_side(pki, tmp_path):
    issue_expired(tmp_path, "cli-expired", "client", pki / "int",
                  ["extendedKeyUsage=clientAuth", "keyUsage=digitalSignature"])
    issue_expired(tmp_path, "srv-expired", "localhost", pki / "int",
                  ["subjectAltName=DNS:localhost", "extendedKeyUsage=serverAuth",
                   "keyUsage=digitalSignature"])
    client = handshake(pki, "--client-cert", tmp_path / "cli-expired.pem", "--client-key",
                       tmp_path / "cli-expired.key")
    assert client.returncode == 1, client.stderr
    assert {r[3] for r in rows(client.stdout)} == {"server-rejects:expired"}, client.stdout
    server = run_mtlsgrid("handshake", "--server-cert", tmp_path / "srv-expired.pem",
                          "--server-key", tmp_path / "srv-expired.key", "--server-trust",
                          pki / "root.pem", "--client-trust", pki / "root.pem", "--policy",
                          "strict", "--client-cert", pki / "cli.pem", "--client-key",
                          pki / "cli.key", "--host", "localhost", timeout=120)
    assert server.returncode == 1, server.stderr
    assert {r[3] for r in rows(server.stdout)} == {"client-rejects:expired"}, server.stdout
    for name, role in (("cli-expired.pem", "client"), ("srv-expired.pem", "server")):
        proc = run_mtlsgrid("inspect", tmp_path / name, "--role", role, "--ca", pki / "root.pem",
                            "--json")
        assert proc.returncode == 1, proc.stderr
        [report] = json.loads(proc.stdout)
        [problem] = [p for p in report["problems"] if p["cause"] == "expired"]
        assert "2024-02-01" in problem["detail"], problem
    # Stock tools on loopback: curl refuses the expired server; s_server the expired client.
    port = free_port()
    with running(["openssl", "s_server", "-accept", f"127.0.0.1:{port}", "-cert",
                  tmp_path / "srv-expired.crt", "-cert_chain", pki / "int.pem", "-key",
                  tmp_path / "srv-expired.key", "-www"], port=port):
        result = curl(pki, port)
    assert result.returncode == 60 and "certificate has expired" in result.stderr, result.stderr
    port = free_port()
    with s_server(pki, port):
        result = curl(pki, port, "--cert", tmp_path / "cli-expired.pem", "--key",
                      tmp_path / "cli-expired.key")
    assert result.returncode != 0 and "alert certificate expired" in result.stderr, result.stderr


KEYS = pathlib.Path(__file__).parent / "keys"


@pytest.mark.parametrize("curve", ["p256", "p384"])
def test_ec_key_whose_point_also_reads_as_der_belongs_to_its_certificate(pki, tmp_path, curve):
    """A raw EC point 04 || X || Y whose first X byte is the point's length less two (0x3F for
    P-256, 0x5F for P-384) is also a whole DER OCTET STRING; NSS's SECKEY_ConvertToPublicKey
    takes it for one and truncates it (lib/cryptohi/seckey.c), about 1 key in 256. Such a key
    is its certificate's on every stack, as client and as server (keys made once, kept here:
    test keys only)."""
    key = KEYS / f"ec-point-reads-as-der-{curve}.pem"
    spki = subprocess.run(["openssl", "pkey", "-in", key, "-pubout", "-outform", "DER"],
                          capture_output=True, check=True, timeout=30).stdout
    point_len = {"p256": 65, "p384": 97}[curve]
    point = spki[-point_len:]
    assert point[0] == 4 and point[1] == point_len - 2, point.hex()
    issue(tmp_path, "srv", "localhost", pki / "int", ["subjectAltName=DNS:localhost",
                                                      "extendedKeyUsage=serverAuth",
                                                      "keyUsage=digitalSignature"], key=key)
    issue(tmp_path, "cli", "client", pki / "int", ["extendedKeyUsage=clientAuth",
                                                   "keyUsage=digitalSignature"], key=key)
    for name in ("srv", "cli"):
        with_chain(tmp_path, name, pki / "int.pem")
    proc = handshake(pki, "--client-cert", tmp_path / "cli.pem", "--client-key",
                     tmp_path / "cli.key", server_dir=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert len(rows(proc.stdout)) == len(STACKS) ** 2 * 2
    assert {r[3] for r in rows(proc.stdout)} == {"ok"}, proc.stdout


@pytest.fixture(scope="module")
def weak(pki):
    """RSA-1024 and SHA-1-signed leaves under the same intermediate, with their chains."""
    issue(pki, "cli1024", "client", "int", ["extendedKeyUsage=clientAuth",
                                            "keyUsage=digitalSignature"], key=("rsa:1024",))
    issue(pki, "srvsha1", "localhost", "int", ["subjectAltName=DNS:localhost",
                                               "extendedKeyUsage=serverAuth",
                                               "keyUsage=digitalSignature"], digest="-sha1")
    for name in ("cli1024", "srvsha1"):
        with_chain(pki, name, pki / "int.pem")
    return pki


def test_weak_own_client_credential_reads_as_curl_prints_it(weak):
    """The system's policy (security level 2) refuses an RSA-1024 client certificate when
    OpenSSL loads it: curl cannot start, and handshake's OpenSSL-client rows say so in curl's
    own words; --allow-weak-own-credentials waives it, says so, and the server judges it."""
    port = free_port()
    with s_server(weak, port):
        result = curl(weak, port, "--cert", weak / "cli1024.pem", "--key", weak / "cli1024.key")
    assert result.returncode == 58 and "ee key too small" in result.stderr, result.stderr
    curl_words = result.stderr.strip().splitlines()[-1].removeprefix("curl: ")
    proc = handshake(weak, "--client-cert", weak / "cli1024.pem", "--client-key",
                     weak / "cli1024.key")
    assert proc.returncode == 1 and "under the system's crypto policy" in proc.stdout
    openssl_rows = [line for line in proc.stdout.splitlines() if line.startswith("openssl ")]
    assert openssl_rows and all("client-error:insecure-algorithm" in line and curl_words in line
                                for line in openssl_rows), (curl_words, proc.stdout)
    waived = handshake(weak, "--client-cert", weak / "cli1024.pem", "--client-key",
                       weak / "cli1024.key", "--allow-weak-own-credentials", "--json")
    doc = json.loads(waived.stdout)
    assert doc["own_credentials"] == "waived"
    assert {r["verdict"] for r in doc["results"] if r["client"] == "openssl"} == {
        "server-rejects:insecure-algorithm"}, waived.stdout


def test_weak_own_server_credential_reads_as_nginx_prints_it(weak, tmp_path):
    nginx = need("nginx")
    conf = tmp_path / "nginx.conf"
    conf.write_text(f"""daemon off; master_process off; pid {tmp_path}/nginx.pid;
error_log {tmp_path}/error.log; events {{}}
http {{ server {{ listen 127.0.0.1:{free_port()} ssl;
  ssl_certificate {weak}/srvsha1.pem; ssl_certificate_key {weak}/srvsha1.key; }} }}
""")
    test = subprocess.run([nginx, "-t", "-p", tmp_path, "-c", conf, "-e", tmp_path / "e.log"],
                          capture_output=True, text=True, timeout=30)
    assert test.returncode != 0 and "ca md too weak" in test.stderr, test.stderr
    [emerg] = [line for line in test.stderr.splitlines() if "[emerg]" in line]
    # "nginx: [emerg] SSL_CTX_use_certificate(...) failed (SSL: ...)" (a log line has PID#TID:)
    nginx_words = re.sub(r"^\d+#\d+: ", "", emerg.split("[emerg] ", 1)[1])
    proc = handshake(weak, "--client-cert", weak / "cli.pem", "--client-key", weak / "cli.key",
                     server="srvsha1")
    lines = [line for line in proc.stdout.splitlines() if line.split()[1:2] == ["openssl"]]
    assert lines and all("server-error:insecure-algorithm" in line for line in lines)
    assert all(nginx_words in line for line in lines), (nginx_words, lines)


def openssl_verify(pki, name, role, *extra):
    """openssl verify as inspect runs it: its lines as it prints them."""
    proc = subprocess.run(["openssl", "verify", "-auth_level", "2", "-purpose", role, "-CAfile",
                           pki / "root.pem", "-untrusted", pki / name, *extra, pki / name],
                          capture_output=True, text=True, timeout=30)
    return [line for line in (proc.stdout + proc.stderr).splitlines() if " depth lookup: " in line]


@pytest.mark.parametrize("name,cause", [("kuenc.pem", "ku-refused-client-purpose"),
                                        ("cli1024.pem", "weak-key"),
                                        ("cli-untrusted.pem", "issuer-unknown")])
def test_inspect_quotes_what_openssl_verify_prints_here(weak, name, cause):
    """inspect runs openssl verify: its words are the tool's own lines (run here too), marked
    observed, and the recorded table says the same thing."""
    need("openssl")
    proc, report = inspect(weak, name)
    assert proc.returncode == 1
    [problem] = [p for p in report["problems"] if p["cause"] == cause]
    assert problem["sources"]["openssl"] == "observed"
    said = problem["messages"]["openssl"]
    assert said.startswith("openssl verify said: ")
    lines = openssl_verify(weak, name, "sslclient")
    assert lines and all(line.split(": ", 1)[0].split(" ")[1] for line in lines)
    assert any(f'"{line}"' in said for line in lines), (lines, said)
    text = [line.split("depth lookup: ", 1)[1] for line in lines]
    assert any(t in problem["recorded"]["openssl"] for t in text), problem["recorded"]
    [run] = [t for t in report["tools"] if t["stack"] == "openssl"]
    assert run["ran"] and run["exit"] == 2 and "-purpose sslclient" in run["command"]


def test_inspect_quotes_what_certtool_prints_here(pki):
    certtool = need("certtool")
    proc, report = inspect(pki, "cli-untrusted.pem")
    [problem] = [p for p in report["problems"] if p["cause"] == "issuer-unknown"]
    assert problem["sources"]["gnutls"] == "observed"
    out = subprocess.run([certtool, "--verify", "--infile", pki / "cli-untrusted.pem",
                          "--load-ca-certificate", pki / "root.pem", "--verify-purpose",
                          "1.3.6.1.5.5.7.3.2"], capture_output=True, text=True, timeout=30)
    [verdict] = [line for line in out.stdout.splitlines()
                 if line.startswith("Chain verification output:")]
    assert "The certificate issuer is unknown." in verdict
    assert '"The certificate issuer is unknown."' in problem["messages"]["gnutls"]
    assert "The certificate issuer is unknown." in problem["recorded"]["gnutls"]


def test_inspect_words_are_recorded_where_the_tools_are_absent(pki):
    """Without openssl and certtool on PATH the tables speak, and say they are recorded (a
    handshake through a stack needs no tool: its words are "handshake", never "observed")."""
    env = {"PATH": "/nonexistent", "HOME": str(pki)}
    proc = run_mtlsgrid("inspect", pki / "kuenc.pem", "--role", "client", "--ca",
                        pki / "root.pem", "--json", env=env)
    report = json.loads(proc.stdout)[0]
    [problem] = [p for p in report["problems"] if p["cause"] == "ku-refused-client-purpose"]
    assert set(problem["sources"].values()) <= {"recorded", "handshake"}
    assert problem["sources"]["openssl"] == "recorded"  # no --key: no OpenSSL handshake either
    assert problem["messages"]["openssl"] == problem["recorded"]["openssl"]
    assert all(not t["ran"] and "not installed" in t["why_not"] for t in report["tools"])
    text = run_mtlsgrid("inspect", pki / "kuenc.pem", "--role", "client", "--ca",
                        pki / "root.pem", env=env)
    assert "OpenSSL:  recorded: " in text.stdout, text.stdout
