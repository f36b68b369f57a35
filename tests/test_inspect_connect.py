"""`inspect --connect HOST:PORT`: a live server's chain and CertificateRequest (issue 18).

Every server is real and on loopback: `openssl s_server` asking for a client certificate
(required, optional, after the handshake), restricting the signature algorithms, naming many
CAs, or not asking at all, and nginx with `ssl_verify_client on`. The PKI is made by stock
`openssl` commands. What inspect reports is checked against the certificates themselves (the
DER of each CA name) and against what `openssl s_client` and curl show of the same server.
"""
import json
import re
import socket
import subprocess
import threading
import time

import pytest

from conftest import run_mtlsgrid
from peers import free_port, need, running, stop, wait_for_line
from peers import nginx_conf as peers_nginx_conf
from stock_pki import ca, issue, issue_dated, sh


SERVER_EXT = ["subjectAltName=DNS:localhost", "extendedKeyUsage=serverAuth",
              "keyUsage=digitalSignature", "authorityKeyIdentifier=keyid"]


def issue_expired(d, name, cn, issuer):
    """A server certificate valid in January 2024 only."""
    issue_dated(d, name, cn, d / issuer, SERVER_EXT)


MANY = 40


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    need("openssl")
    d = tmp_path_factory.mktemp("pki")
    ca(d, "root", "Test Root")
    issue(d, "int", "Test Intermediate", "root",
          ["basicConstraints=critical,CA:TRUE", "keyUsage=critical,keyCertSign,cRLSign",
           "subjectKeyIdentifier=hash", "authorityKeyIdentifier=keyid"])
    (d / "int.pem").write_text((d / "int.crt").read_text())
    issue(d, "srv", "localhost", "int", SERVER_EXT)
    issue_expired(d, "expired", "localhost", "int")
    # A CA file of many CAs, as gateways that trust a whole company's CAs have: the server
    # names each in its CertificateRequest.
    many = []
    for i in range(MANY):
        ca(d, f"many{i:02d}", f"Department CA {i:02d} of Example Corporation")
        many.append((d / f"many{i:02d}.pem").read_text())
    (d / "many.pem").write_text("".join(many) + (d / "root.pem").read_text())
    return d


def der_length(data, i):
    """(length, index of the content) of the DER element whose length octets start at i."""
    first = data[i]
    if first < 0x80:
        return first, i + 1
    n = first & 0x7f
    return int.from_bytes(data[i + 1:i + 1 + n], "big"), i + 1 + n


def subject_der(pem_path):
    """The DER of a certificate's subject Name, read from the certificate's own DER."""
    der = subprocess.run(["openssl", "x509", "-in", str(pem_path), "-outform", "DER"],
                         capture_output=True, check=True, timeout=30).stdout
    _, i = der_length(der, 1)           # Certificate ::= SEQUENCE {
    _, i = der_length(der, i + 1)       #   tbsCertificate SEQUENCE {
    fields = []
    while len(fields) < 6:              #     [0] version, serial, signature, issuer, validity,
        start = i                       #     subject
        length, content = der_length(der, i + 1)
        i = content + length
        if der[start] == 0xa0:
            continue
        fields.append(der[start:i])
    return fields[4]


def pem_certs(path):
    text = path.read_text()
    return re.findall(r"-----BEGIN CERTIFICATE-----.*?-----END CERTIFICATE-----\n", text, re.S)


def inspect_connect(port, *extra, timeout=60):
    proc = run_mtlsgrid("inspect", "--connect", f"127.0.0.1:{port}", "--servername", "localhost",
                        "--listen", "0.5", *map(str, extra), timeout=timeout)
    return proc


def inspect_json(port, *extra):
    proc = inspect_connect(port, "--json", *extra)
    assert proc.returncode in (0, 1), proc.stderr
    return proc, json.loads(proc.stdout)


def s_server(pki, port, *extra, cert="srv", www=True):
    return running(["openssl", "s_server", "-accept", f"127.0.0.1:{port}", "-cert",
                    pki / f"{cert}.crt", "-cert_chain", pki / "int.crt", "-key", pki / f"{cert}.key",
                    *(["-www"] if www else []), *map(str, extra)], port=port)


def s_client_ca_names(port):
    """The "Acceptable client certificate CA names" `openssl s_client` prints (TLS 1.2)."""
    proc = subprocess.run(["openssl", "s_client", "-connect", f"127.0.0.1:{port}", "-servername",
                           "localhost", "-tls1_2"], stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=30)
    block = proc.stdout.split("Acceptable client certificate CA names\n", 1)[1]
    names = []
    for line in block.splitlines():
        if not line or line.startswith(("Requested", "Client Certificate Types", "---")):
            break
        names.append(line)
    return names


def test_required_client_certificate_is_the_answer_not_an_error(pki):
    port = free_port()
    with s_server(pki, port, "-Verify", "1", "-CAfile", pki / "root.pem"):
        proc, doc = inspect_json(port, "--ca", pki / "root.pem")
        text = inspect_connect(port, "--ca", pki / "root.pem")
    assert proc.returncode == 0, proc.stderr  # the chain is fine: a certificate is asked for
    assert doc["client_certificate"] == "required"
    assert [a["handshake"] for a in doc["attempts"]] == ["client-certificate-required"] * 2
    tls12, tls13 = doc["attempts"]
    assert "handshake_failure(40)" in tls12["detail"]
    assert "certificate_required(116)" in tls13["detail"]
    for attempt in doc["attempts"]:
        request = attempt["certificate_request"]
        assert request["when"] == "handshake"
        assert request["ca_names"] == ["CN = Test Root"] and request["ca_count"] == 1
        assert request["ca_list_bytes"] == 2 + len(subject_der(pki / "root.pem"))
        assert [c["subject"] for c in attempt["chain"]] == ["CN = localhost",
                                                            "CN = Test Intermediate"]
    assert tls13["post_handshake_auth"]["offered"] is True
    assert tls13["post_handshake_auth"]["used"] is False
    [report] = doc["reports"]
    assert report["tls"] == "1.2 and 1.3" and report["suitable"] and report["role"] == "server"
    assert report["host"] == "localhost"
    assert text.returncode == 0, text.stderr
    assert "client certificate: the server requires a client certificate" in text.stdout
    assert re.search(r"post-handshake authentication \(TLS 1\.3\): offered by this client "
                     r"\(post_handshake_auth\); not used:\s+the server asked in the handshake",
                     text.stdout), text.stdout
    assert "127.0.0.1:%d: SUITABLE as a server certificate for localhost" % port in text.stdout


def test_many_acceptable_ca_names_with_their_count_and_size(pki):
    port = free_port()
    with s_server(pki, port, "-verify", "1", "-CAfile", pki / "many.pem"):
        _, doc = inspect_json(port)
        stock = s_client_ca_names(port)
    tls12, tls13 = doc["attempts"]
    expected = [f"CN = Department CA {i:02d} of Example Corporation" for i in range(MANY)]
    expected.append("CN = Test Root")
    sizes = [len(subject_der(pki / f"many{i:02d}.pem")) for i in range(MANY)]
    sizes.append(len(subject_der(pki / "root.pem")))
    for attempt in (tls12, tls13):
        request = attempt["certificate_request"]
        assert request["ca_names"] == expected
        assert request["ca_count"] == MANY + 1
        assert request["ca_list_bytes"] == sum(2 + s for s in sizes)
    assert stock == expected  # what openssl s_client prints of the same request
    # -verify (lower case) asks without requiring: the empty Certificate is accepted, and in
    # TLS 1.3 a session ticket after it says so.
    assert doc["client_certificate"] == "requested"
    assert [a["handshake"] for a in doc["attempts"]] == ["completed", "completed"]
    assert tls13["empty_certificate_accepted"] is True


def test_client_sigalgs_restricts_the_requests_signature_algorithms(pki):
    port = free_port()
    with s_server(pki, port, "-Verify", "1", "-CAfile", pki / "root.pem", "-client_sigalgs",
                  "ECDSA+SHA256:ed25519"):
        _, doc = inspect_json(port)
        text = inspect_connect(port)
    for attempt in doc["attempts"]:
        request = attempt["certificate_request"]
        assert [(s["name"], s["code"]) for s in request["signature_algorithms"]] == \
            [("ecdsa_secp256r1_sha256", "0x0403"), ("ed25519", "0x0807")]
        assert [s["name"] for s in request["shared_signature_algorithms"]] == \
            ["ecdsa_secp256r1_sha256", "ed25519"]
    # TLS 1.2 derives its certificate types from the signature algorithms: ECDSA only.
    types = {t["name"] for t in doc["attempts"][0]["certificate_request"]["certificate_types"]}
    assert "ecdsa_sign" in types and "rsa_sign" not in types
    assert "certificate_types" not in doc["attempts"][1]["certificate_request"]
    assert "ecdsa_secp256r1_sha256 (0x0403), ed25519 (0x0807)" in text.stdout


def test_server_that_asks_for_nothing_and_presents_an_expired_certificate(pki):
    port = free_port()
    with s_server(pki, port, cert="expired"):
        proc, doc = inspect_json(port, "--ca", pki / "root.pem")
        curl = subprocess.run([need("curl"), "-sS", "--max-time", "10", "--cacert",
                               pki / "root.pem", f"https://localhost:{port}/"],
                              capture_output=True, text=True, timeout=30)
    assert proc.returncode == 1, proc.stderr  # a finding
    assert doc["client_certificate"] == "not-requested" and not doc["suitable"]
    assert all(a["certificate_request"] is None for a in doc["attempts"])
    pha = doc["attempts"][1]["post_handshake_auth"]
    assert pha["offered"] and not pha["used"] and "did not ask" in pha["words"]
    [report] = doc["reports"]
    assert "expired" in {p["cause"] for p in report["problems"]}
    assert report["names"] == [{"type": "DNS", "value": "localhost"}]
    assert curl.returncode == 60 and "certificate has expired" in curl.stderr, curl.stderr


def test_post_handshake_certificate_request(pki, mtlsgrid_bin):
    """s_server asks after a TLS 1.3 handshake when told `c` on its standard input."""
    port = free_port()
    server = subprocess.Popen(["openssl", "s_server", "-accept", f"127.0.0.1:{port}", "-cert",
                               pki / "srv.crt", "-cert_chain", pki / "int.crt", "-key",
                               pki / "srv.key", "-CAfile", pki / "root.pem"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    try:
        wait_for_line(server, r"ACCEPT")
        client = subprocess.Popen([mtlsgrid_bin, "inspect", "--connect",
                                   f"127.0.0.1:{port}", "--servername", "localhost", "--listen",
                                   "5", "--json"], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True)
        try:
            wait_for_line(server, r"CIPHER is TLS_")  # the TLS 1.3 attempt's handshake is done
            server.stdin.write("c\n")
            server.stdin.flush()
            out, err = client.communicate(timeout=30)
        finally:
            stop(client, 5)
    finally:
        stop(server, 5)
    assert client.returncode == 0, err
    doc = json.loads(out)
    tls12, tls13 = doc["attempts"]
    assert tls12["certificate_request"] is None
    assert tls13["certificate_request"]["when"] == "post-handshake"
    assert tls13["certificate_request"]["ca_names"] == ["CN = Test Root"]
    assert tls13["post_handshake_auth"]["used"] is True
    assert "sent its CertificateRequest after the handshake" in tls13["post_handshake_auth"]["words"]


def nginx_conf(tmp_path, port, pki, trust):
    conf = peers_nginx_conf(tmp_path, port, f"""
        server_name localhost;
        ssl_certificate {tmp_path}/chain.pem;
        ssl_certificate_key {pki}/srv.key;
        ssl_client_certificate {trust};
        ssl_verify_client on;
        ssl_protocols TLSv1.2 TLSv1.3;
        location / {{ return 200 "ok\\n"; }}
        """)
    (tmp_path / "chain.pem").write_text((pki / "srv.crt").read_text() +
                                        (pki / "int.crt").read_text())
    return conf


def test_nginx_ssl_verify_client_names_its_cas_and_refuses_in_http(pki, tmp_path):
    nginx = need("nginx")
    port = free_port()
    conf = nginx_conf(tmp_path, port, pki, pki / "many.pem")
    with running([nginx, "-p", str(tmp_path), "-c", str(conf)], port=port):
        proc, doc = inspect_json(port, "--ca", pki / "root.pem")
        curl = subprocess.run([need("curl"), "-sS", "--max-time", "10", "--cacert",
                               pki / "root.pem", f"https://localhost:{port}/"],
                              capture_output=True, text=True, timeout=30)
    assert proc.returncode == 0, proc.stderr
    expected = [f"CN = Department CA {i:02d} of Example Corporation" for i in range(MANY)]
    for attempt in doc["attempts"]:
        assert attempt["certificate_request"]["ca_names"] == expected + ["CN = Test Root"]
        assert attempt["certificate_request"]["ca_count"] == MANY + 1
    # nginx finishes the handshake without a certificate and refuses in HTTP: inspect says
    # "requested" and names what it cannot observe; curl shows the refusal.
    assert doc["client_certificate"] == "requested"
    assert any("HTTP 400" in n for n in doc["not_observable"])
    assert "No required SSL certificate was sent" in curl.stdout, curl.stdout
    [report] = doc["reports"]
    assert report["suitable"] and len(doc["attempts"][0]["chain"]) == 2
    assert doc["attempts"][0]["chain"][0]["pem"] == pem_certs(pki / "srv.crt")[0]


def test_a_tls13_only_server_refuses_the_tls12_attempt(pki):
    port = free_port()
    with s_server(pki, port, "-tls1_3"):
        proc, doc = inspect_json(port, "--ca", pki / "root.pem")
    assert proc.returncode == 0, proc.stderr
    tls12, tls13 = doc["attempts"]
    assert tls12["handshake"] == "version-refused" and "protocol_version(70)" in tls12["detail"]
    assert tls12["chain"] == [] and tls13["handshake"] == "completed"
    assert [r["tls"] for r in doc["reports"]] == ["1.3"]


def test_name_checked_is_the_servername(pki):
    port = free_port()
    with s_server(pki, port):
        proc = run_mtlsgrid("inspect", "--connect", f"127.0.0.1:{port}", "--servername",
                            "other.example", "--listen", "0.2", "--json")
    assert proc.returncode == 1, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["sni"] == "other.example" and doc["host"] == "other.example"
    assert "name-mismatch" in {p["cause"] for p in doc["reports"][0]["problems"]}


def test_cannot_connect_names_the_target(pki):
    port = free_port()  # nothing listens there
    proc = run_mtlsgrid("inspect", "--connect", f"127.0.0.1:{port}")
    assert proc.returncode == 2
    assert f"--connect 127.0.0.1:{port}: cannot connect" in proc.stderr
    as_json = run_mtlsgrid("inspect", "--connect", f"127.0.0.1:{port}", "--json")
    assert as_json.returncode == 2
    assert json.loads(as_json.stdout)["flag"] == "--connect"


def test_hung_peer_ends_within_the_timeout():
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(4)  # accepts in the kernel, never answers
        port = listener.getsockname()[1]
        start = time.monotonic()
        proc = run_mtlsgrid("inspect", "--connect", f"127.0.0.1:{port}", "--timeout", "0.5",
                            timeout=30)
        took = time.monotonic() - start
    assert proc.returncode == 2
    assert f"--connect 127.0.0.1:{port}: no answer" in proc.stderr and "--timeout" in proc.stderr
    assert took < 5, took


def test_peer_that_closes_at_once_is_no_server_certificate():
    """A peer that accepts and closes (a port that is not TLS): exit 2, both attempts said."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(4)
        listener.settimeout(10)
        port = listener.getsockname()[1]

        def close_two():
            for _ in range(2):
                try:
                    conn, _ = listener.accept()
                except OSError:
                    return
                conn.close()

        closer = threading.Thread(target=close_two)
        closer.start()
        proc = run_mtlsgrid("inspect", "--connect", f"127.0.0.1:{port}", "--timeout", "5",
                            timeout=30)
        closer.join(15)
    assert proc.returncode == 2, proc.stdout
    assert f"--connect 127.0.0.1:{port}: no server certificate in TLS 1.2" in proc.stderr
    assert proc.stderr.count("closed the connection during the handshake") == 2, proc.stderr


@pytest.mark.parametrize("args,named", [
    (["--connect", "127.0.0.1"], "--connect"),
    (["--connect", "127.0.0.1:0"], "--connect"),
    (["--connect", "127.0.0.1:443", "--timeout", "0"], "--timeout"),
    (["--connect", "127.0.0.1:443", "--timeout", "100000"], "--timeout"),
    (["--connect", "127.0.0.1:443", "--role", "client"], "--role"),
    (["--connect", "127.0.0.1:443", "--host", "a.example"], "--servername"),
    (["--connect", "127.0.0.1:443", "cert.pem"], "not both"),
    (["cert.pem", "--servername", "a.example"], "--servername"),
])
def test_bad_connect_usage_is_exit_2_naming_the_flag(args, named):
    proc = run_mtlsgrid("inspect", *args)
    assert proc.returncode == 2 and named in proc.stderr, proc.stderr
