"""`handshake` and `inspect` faithful to what stock tools show (issue 18).

Each case is a PKI made by stock `openssl` commands (no mtlsgrid generator), judged by
mtlsgrid and by curl against `openssl s_server` (and `nginx -t`) on loopback: the test asserts
the diagnosis mtlsgrid gives and the verdict the stock tools show.
"""
import json
import pathlib
import subprocess

import pytest

from conftest import STACKS, run_mtlsgrid, stack_has
from peers import free_port, need, running

DAYS = "10"


def sh(*args, cwd):
    proc = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0, f"{args}: {proc.stderr}"
    return proc


def ca(d, name, cn):
    sh("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
       "-keyout", f"{name}.key", "-out", f"{name}.pem", "-subj", f"/CN={cn}", "-days", "30",
       "-addext", "basicConstraints=critical,CA:TRUE",
       "-addext", "keyUsage=critical,keyCertSign,cRLSign", cwd=d)


def issue(d, name, cn, issuer, ext, key=("ec", "-pkeyopt", "ec_paramgen_curve:P-256"),
          digest="-sha256"):
    """A certificate signed by issuer with the given extension lines; name.crt, name.key."""
    sh("openssl", "req", "-newkey", *key, "-nodes", "-keyout", f"{name}.key", "-out",
       f"{name}.csr", "-subj", f"/CN={cn}", cwd=d)
    (d / f"{name}.ext").write_text("\n".join([*ext, "authorityKeyIdentifier=keyid"]) + "\n")
    sh("openssl", "x509", "-req", digest, "-in", f"{name}.csr", "-CA", f"{issuer}.pem", "-CAkey",
       f"{issuer}.key", "-CAcreateserial", "-out", f"{name}.crt", "-days", DAYS, "-extfile",
       f"{name}.ext", cwd=d)


def crl(d, issuer):
    (d / "index.txt").write_text("")
    (d / "crlnumber").write_text("01\n")
    (d / "ca.cnf").write_text("[ca]\ndefault_ca=c\n[c]\ndatabase=index.txt\ncrlnumber=crlnumber\n"
                              "default_md=sha256\ndefault_crl_days=7\n")
    sh("openssl", "ca", "-config", "ca.cnf", "-gencrl", "-keyfile", f"{issuer}.key", "-cert",
       f"{issuer}.pem", "-out", f"{issuer}.crl", cwd=d)


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
        (d / f"{name}.pem").write_text((d / f"{name}.crt").read_text() +
                                       (d / "int.pem").read_text())
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


def handshake(pki, *client, policy="strict", server="srv"):
    return run_mtlsgrid("handshake", "--server-cert", pki / f"{server}.pem", "--server-key",
                        pki / f"{server}.key", "--server-trust", pki / "root.pem",
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
    """A certificate valid in January 2024 only, signed by the pki's issuer: `openssl ca
    -startdate -enddate`, since `openssl x509 -req` of OpenSSL 3.0 cannot date one in the past.
    Made in d (its own CA database), not in the pki folder."""
    sh("openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
       "-keyout", f"{name}.key", "-out", f"{name}.csr", "-subj", f"/CN={cn}", cwd=d)
    (d / f"{name}.ext").write_text("\n".join([*ext, "authorityKeyIdentifier=keyid"]) + "\n")
    (d / "index.txt").write_text("")
    (d / "serial").write_text("2000\n")
    (d / "ca.cnf").write_text("[ca]\ndefault_ca=c\n[c]\ndatabase=index.txt\nserial=serial\n"
                              "new_certs_dir=.\ndefault_md=sha256\npolicy=p\nunique_subject=no\n"
                              "[p]\ncommonName=supplied\n")
    sh("openssl", "ca", "-batch", "-notext", "-config", "ca.cnf", "-cert", issuer.with_suffix(".pem"),
       "-keyfile", issuer.with_suffix(".key"), "-in", f"{name}.csr", "-out", f"{name}.crt",
       "-startdate", "20240101000000Z", "-enddate", "20240201000000Z", "-extfile",
       f"{name}.ext", cwd=d)
    (d / f"{name}.pem").write_text((d / f"{name}.crt").read_text() +
                                   issuer.with_suffix(".pem").read_text())


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
