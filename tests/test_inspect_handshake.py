"""`inspect` judges the FILE in a handshake through each linked stack (issue 18): the words it
quotes as observed for a stack are that stack's verifier's own, the same that `mtlsgrid
handshake` shows for that stack's pairing with itself (run here, not written down); without
--key a stack that cannot load a certificate with a key not its own is said not to be observed.

The PKI is made with stock `openssl` commands.
"""
import json
import re
import subprocess

import pytest

from conftest import STACKS, run_mtlsgrid, stack_has
from peers import need


def sh(*args, cwd):
    proc = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0, f"{args}: {proc.stderr}"


def issue(d, name, cn, ext, key=("ec", "-pkeyopt", "ec_paramgen_curve:P-256")):
    sh("openssl", "req", "-newkey", *key, "-nodes", "-keyout", f"{name}.key", "-out",
       f"{name}.csr", "-subj", f"/CN={cn}", cwd=d)
    (d / f"{name}.ext").write_text("\n".join([*ext, "authorityKeyIdentifier=keyid"]) + "\n")
    sh("openssl", "x509", "-req", "-sha256", "-in", f"{name}.csr", "-CA", "root.pem", "-CAkey",
       "root.key", "-CAcreateserial", "-out", f"{name}.pem", "-days", "10", "-extfile",
       f"{name}.ext", cwd=d)


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    need("openssl")
    d = tmp_path_factory.mktemp("pki")
    sh("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
       "-nodes", "-keyout", "root.key", "-out", "root.pem", "-subj", "/CN=Test Root", "-days",
       "30", "-addext", "basicConstraints=critical,CA:TRUE",
       "-addext", "keyUsage=critical,keyCertSign,cRLSign", cwd=d)
    issue(d, "srv", "localhost", ["subjectAltName=DNS:localhost", "extendedKeyUsage=serverAuth",
                                  "keyUsage=digitalSignature"])
    issue(d, "cli", "client", ["extendedKeyUsage=clientAuth", "keyUsage=digitalSignature"])
    issue(d, "clisa", "clisa", ["extendedKeyUsage=serverAuth", "keyUsage=digitalSignature"])
    issue(d, "kuenc", "kuenc", ["extendedKeyUsage=clientAuth", "keyUsage=critical,keyEncipherment"],
          key=("rsa:2048",))
    return d


def inspect(pki, name, *extra, role="client"):
    proc = run_mtlsgrid("inspect", pki / f"{name}.pem", "--role", role, "--ca", pki / "root.pem",
                        "--json", *extra)
    assert proc.returncode in (0, 1), proc.stderr
    return proc, json.loads(proc.stdout)[0]


def server_words(pki, client):
    """What `mtlsgrid handshake --json` says each server stack said of the client's
    certificate, by (stack, TLS version), for the stack's pairing with itself."""
    proc = run_mtlsgrid("handshake", "--server-cert", pki / "srv.pem", "--server-key",
                        pki / "srv.key", "--client-cert", pki / f"{client}.pem", "--client-key",
                        pki / f"{client}.key", "--server-trust", pki / "root.pem",
                        "--client-trust", pki / "root.pem", "--policy", "strict", "--json",
                        timeout=120)
    words = {}
    for row in json.loads(proc.stdout)["results"]:
        if row["client"] != row["server"]:
            continue
        said = re.search(r"server rejected the peer \(([^)]+)\): (.*?) \[native (-?\d+)\]",
                         row["detail"])
        words[(row["server"], row["tls"])] = (row["verdict"], said and said.group(2),
                                             said and int(said.group(3)))
    return words


def handshakes(report, stack):
    return {h["tls"]: h for h in report["handshakes"] if h["stack"] == stack}


SKIPPERS = [s for s in STACKS if stack_has(s, "skip-key-check")]
KEEPERS = [s for s in STACKS if not stack_has(s, "skip-key-check")]


@pytest.mark.parametrize("stack", SKIPPERS)
def test_without_key_the_stand_in_shows_the_verifiers_own_words(pki, stack):
    """A client certificate with a serverAuth-only EKU, no --key: the stack's server refuses the
    chain in TLS 1.2 with the words and code `mtlsgrid handshake` shows for that stack."""
    proc, report = inspect(pki, "clisa")
    assert proc.returncode == 1
    seen = handshakes(report, stack)
    assert set(seen) == {"1.2"}, seen  # TLS 1.3 needs --key: GnuTLS checks the key first there
    h = seen["1.2"]
    assert h["ran"] and h["key"] == "stand-in" and h["policy"] == "strict"
    verdict, native_text, native_code = server_words(pki, "clisa")[(stack, "1.2")]
    assert h["verdict"] == verdict == "server-rejects:bad-purpose"
    assert h["judgement"] == "refused"
    assert h["verifier"]["native_text"] == native_text
    assert h["verifier"]["native_code"] == native_code
    [problem] = [p for p in report["problems"] if p["cause"] == "eku-wrong-purpose"]
    assert problem["sources"][stack] in ("observed", "handshake")
    assert native_text in problem["messages"][stack]
    assert problem["handshake"][stack].startswith("observed (a handshake through ")
    assert "the server refused it (bad-purpose)" in problem["handshake"][stack]


@pytest.mark.parametrize("stack", STACKS)
def test_with_key_each_version_is_the_handshakes_own(pki, stack):
    """With --key, each TLS version runs a full handshake: the verifier's words are the ones
    `mtlsgrid handshake` shows for the same pairing and version, whatever they are (wolfSSL
    5.5 checks a client certificate's keyUsage in TLS 1.2 only)."""
    proc, report = inspect(pki, "kuenc", "--key", pki / "kuenc.key")
    assert proc.returncode == 1
    expected = server_words(pki, "kuenc")
    seen = handshakes(report, stack)
    assert seen and all(h["ran"] and h["key"] == "given" for h in seen.values())
    for tls, h in seen.items():
        verdict, native_text, _ = expected[(stack, tls)]
        assert h["verdict"] == verdict, (tls, h, verdict)
        if native_text:
            assert h["verifier"]["native_text"] == native_text
    [problem] = [p for p in report["problems"] if p["cause"] == "ku-refused-client-purpose"]
    words = problem["handshake"].get(stack)
    if any(h["judgement"] in ("refused", "accepted", "not-sent") for h in seen.values()):
        assert words, problem
    for tls, h in seen.items():
        if h["judgement"] == "refused":
            assert h["verifier"]["native_text"] in words
        if h["judgement"] == "accepted":
            assert "accepted the chain (it accepts this)" in words


@pytest.mark.parametrize("stack", KEEPERS)
def test_without_key_a_stack_that_checks_its_key_is_not_observed(pki, stack):
    """A stack that will not load a certificate with another key cannot present the chain
    without --key: the report says so, and its words are never marked as a handshake's."""
    proc, report = inspect(pki, "clisa")
    [h] = handshakes(report, stack).values()
    assert not h["ran"] and "give --key" in h["why_not"] and h["verdict"] is None
    [problem] = [p for p in report["problems"] if p["cause"] == "eku-wrong-purpose"]
    assert problem["sources"][stack] != "handshake" and stack not in problem["handshake"]
    text = run_mtlsgrid("inspect", pki / "clisa.pem", "--role", "client", "--ca",
                        pki / "root.pem").stdout
    display = [s for s in text.splitlines() if s.startswith("  handshake ") and "give --key" in s]
    assert display, text


def test_good_certificate_is_accepted_by_every_handshake(pki):
    proc, report = inspect(pki, "cli", "--key", pki / "cli.key")
    assert proc.returncode == 0 and report["suitable"]
    ran = [h for h in report["handshakes"] if h["ran"]]
    assert {h["stack"] for h in ran} == set(STACKS)
    assert all(h["verdict"] == "ok" and h["judgement"] == "accepted" for h in ran), ran


def test_stand_in_key_bad_signature_reads_as_the_chain_accepted(pki):
    """Without --key the chain is accepted and the stand-in key's CertificateVerify fails, as
    it must: that reads as accepted, never as a problem."""
    proc, report = inspect(pki, "cli")
    assert proc.returncode == 0
    for h in report["handshakes"]:
        if h["ran"]:
            assert h["verdict"] == "server-rejects:bad-signature", h
            assert h["judgement"] == "accepted"


def test_server_role_name_mismatch_is_the_clients_words(pki):
    proc, report = inspect(pki, "srv", "--host", "other.test", role="server")
    assert proc.returncode == 1
    [problem] = [p for p in report["problems"] if p["reason"] == "hostname-mismatch"]
    for h in report["handshakes"]:
        if not h["ran"]:
            continue
        assert h["verdict"] == "client-rejects:hostname-mismatch", h
        assert h["verifier"]["native_text"] in problem["messages"][h["stack"]]


def test_a_key_that_is_not_the_certificates_is_observed(pki):
    """--key of another certificate: the presenting stack refuses to load it, or (a stack that
    loads it anyway) the verifier refuses the signature; either way the stack's words."""
    proc, report = inspect(pki, "cli", "--key", pki / "srv.key")
    assert proc.returncode == 1
    [problem] = [p for p in report["problems"] if p["cause"] == "key-mismatch"]
    for stack in STACKS:
        assert problem["sources"][stack] == "handshake", problem
        # the stacks' words name the user's files, never inspect's private copies
        assert "mtlsgrid-inspect-handshake" not in problem["messages"][stack]
    [h] = [h for h in report["handshakes"] if h["judgement"] == "not-sent"][:1] or [None]
    if h:
        assert "cli.pem" in h["presenter"]["native_text"], h


def test_text_header_lists_the_handshakes(pki):
    text = run_mtlsgrid("inspect", pki / "clisa.pem", "--role", "client", "--ca",
                        pki / "root.pem", "--key", pki / "clisa.key").stdout
    lines = [s for s in text.splitlines() if s.startswith("  handshake ")]
    assert len(lines) == sum(2 if stack_has(s, "tls1.3") else 1 for s in STACKS), text
    assert all(", strict, the chain sent with --key: server-rejects:bad-purpose" in s
               for s in lines), lines
    assert "observed (a handshake through " in text


def test_crl_goes_to_the_verifier_under_strict(pki, tmp_path):
    """--crl is the verifying side's, for the whole chain: a revoked client certificate is
    refused as revoked by each stack that ran, in its own words."""
    d = tmp_path
    (d / "index.txt").write_text("")
    (d / "crlnumber").write_text("01\n")
    (d / "ca.cnf").write_text("[ca]\ndefault_ca=c\n[c]\ndatabase=index.txt\ncrlnumber=crlnumber\n"
                              "default_md=sha256\ndefault_crl_days=7\n")
    sh("openssl", "ca", "-config", "ca.cnf", "-revoke", pki / "cli.pem", "-keyfile",
       pki / "root.key", "-cert", pki / "root.pem", cwd=d)
    sh("openssl", "ca", "-config", "ca.cnf", "-gencrl", "-keyfile", pki / "root.key", "-cert",
       pki / "root.pem", "-out", "root.crl", cwd=d)
    proc, report = inspect(pki, "cli", "--crl", d / "root.crl")
    assert proc.returncode == 1
    [problem] = [p for p in report["problems"] if p["cause"] == "revoked"]
    ran = [h for h in report["handshakes"] if h["ran"]]
    assert {h["stack"] for h in ran} == set(SKIPPERS)
    for h in ran:
        assert h["verdict"] == "server-rejects:revoked", h
        assert h["verifier"]["native_text"] in problem["handshake"][h["stack"]]
