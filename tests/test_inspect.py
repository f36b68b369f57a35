"""`mtlsgrid inspect` on the generator's matrix at its pinned time (the manifest's
reference_time): each defect gives its cause and quotes the words a stack prints for it, the
good certificates are suitable, bad input exits 2 naming the file."""
import json
import subprocess

import pytest

from conftest import run_mtlsgrid


class Matrix:
    def __init__(self, folder):
        self.folder = folder
        manifest = json.loads((folder / "manifest.json").read_text())
        self.at = str(manifest["reference_time"])
        self.artifacts = {a["name"]: a for a in manifest["artifacts"]}

    def file(self, name, key="chain_pem"):
        files = self.artifacts[name]["files"]
        return str(self.folder / files.get(key, files.get("cert_pem")))

    def root(self, name):
        return self.file(self.artifacts[name]["root"], "cert_pem")


@pytest.fixture(scope="module")
def m(matrix_dir):
    return Matrix(matrix_dir)


def inspect_json(m, *args):
    proc = run_mtlsgrid("inspect", *args, "--at", m.at, "--json")
    return proc, (json.loads(proc.stdout) if proc.stdout.strip() else None)


def inspect_case(m, name, role, host=None, key="chain_pem", ca=True, crl=None):
    args = [m.file(name, key), "--role", role]
    if host:
        args += ["--host", host]
    if ca:
        args += ["--ca", m.root(name) if ca is True else m.file(ca, "cert_pem")]
    if crl:
        args += ["--crl", m.file(crl, "crl_pem")]
    return inspect_json(m, *args)


# (artifact, role, host, file key, --crl artifact, cause, stack, a string users meet)
PROBLEMS = [
    ("client-eku-serverauth", "client", None, "chain_pem", None, "eku-wrong-purpose", "openssl",
     "unsuitable certificate purpose"),
    ("client-eku-serverauth", "client", None, "chain_pem", None, "eku-wrong-purpose", "curl",
     "sslv3 alert unsupported certificate"),
    ("server-eku-clientauth", "server", "server.test", "chain_pem", None, "eku-wrong-purpose",
     "curl", "SSL certificate problem: unsuitable certificate purpose"),
    ("client-eku-any", "client", None, "chain_pem", None, "eku-any-only", "openssl",
     "unsuitable certificate purpose"),
    ("client-ku-no-digitalsignature", "client", None, "chain_pem", None,
     "ku-no-digital-signature", "gnutls", "Key usage violation in certificate has been detected."),
    ("server-expired", "server", "server.test", "chain_pem", None, "expired", "openssl",
     "certificate has expired"),
    ("server-expired", "server", "server.test", "chain_pem", None, "expired", "gnutls",
     "The certificate chain uses expired certificate."),
    ("server-expired", "server", "server.test", "chain_pem", None, "expired", "browser",
     "ERR_CERT_DATE_INVALID"),
    ("client-expired", "client", None, "chain_pem", None, "expired", "curl",
     "sslv3 alert certificate expired"),
    ("server-not-yet-valid", "server", "server.test", "chain_pem", None, "not-yet-valid",
     "curl", "SSL certificate problem: certificate is not yet valid"),
    ("client-via-ca-expired", "client", None, "chain_pem", None, "chain-expired", "gnutls",
     "The certificate chain uses expired certificate."),
    ("server-no-san", "server", "server.test", "chain_pem", None, "name-cn-only", "browser",
     "ERR_CERT_COMMON_NAME_INVALID"),
    ("server-no-san", "server", "server.test", "chain_pem", None, "name-cn-only", "other",
     "legacy Common Name field"),
    ("server-san-mismatch", "server", "server.test", "chain_pem", None, "name-mismatch", "curl",
     "no alternative certificate subject name matches target host name 'server.test'"),
    ("server-san-mismatch", "server", "server.test", "chain_pem", None, "name-mismatch", "gnutls",
     "The name in the certificate does not match the expected."),
    ("server-san-wildcard-deep", "server", "a.b.server.test", "chain_pem", None, "name-mismatch",
     "openssl", "hostname mismatch"),
    ("server-ip-as-dns-san", "server", "127.0.0.1", "chain_pem", None, "ip-as-dns-name",
     "openssl", "IP address mismatch"),
    ("server", "server", "server.test", "cert_pem", None, "issuer-unknown", "openssl",
     "unable to get local issuer certificate"),
    ("client", "client", None, "cert_pem", None, "issuer-unknown", "curl",
     "tlsv1 alert unknown ca"),
    ("client-untrusted-root", "client", None, "chain_pem", None, "untrusted-root", "gnutls",
     "The certificate issuer is unknown."),
    ("client-from-server-ca", "client", None, "chain_pem", None, "untrusted-root", "openssl",
     "unable to get local issuer certificate"),
    ("server-self-signed", "server", "server.test", "chain_pem", None, "self-signed", "curl",
     "SSL certificate problem: self-signed certificate"),
    ("client-revoked", "client", None, "chain_pem", "client-ca-crl", "revoked", "openssl",
     "certificate revoked"),
    ("server-revoked", "server", "server.test", "chain_pem", "server-ca-crl", "revoked",
     "browser", "ERR_CERT_REVOKED"),
    ("client-via-ca-revoked", "client", None, "chain_pem", "client-ca-revoked-crl",
     "chain-revoked", "gnutls", "The certificate chain is revoked."),
    ("client", "client", None, "chain_pem", "client-ca-crl-expired", "crl-expired", "openssl",
     "CRL has expired"),
    ("client", "client", None, "chain_pem", "client-ca-crl-bad-signature", "crl-bad-signature",
     "openssl", "CRL signature failure"),
    ("client", "client", None, "chain_pem", "server-ca-crl", "crl-missing", "openssl",
     "unable to get certificate CRL"),
    ("client-via-ca-not-ca", "client", None, "chain_pem", None, "ca-invalid", "gnutls",
     "The certificate issuer is not a CA."),
    ("client-via-ca-no-keycertsign", "client", None, "chain_pem", None, "ca-invalid", "openssl",
     "key usage does not include certificate signing"),
    ("client-pathlen-exceeded", "client", None, "chain_pem", None, "path-length", "openssl",
     "path length constraint exceeded"),
    ("client-nc-outside", "client", None, "chain_pem", None, "name-constraints", "openssl",
     "permitted subtree violation"),
    ("client-bad-signature", "client", None, "chain_pem", None, "bad-signature", "gnutls",
     "The signature in the certificate is invalid."),
    ("client-via-ca-eku-mismatch", "client", None, "chain_pem", None, "intermediate-eku",
     "gnutls", "The certificate chain does not match the intended purpose."),
    ("client-rsa1024", "client", None, "chain_pem", None, "weak-key", "openssl",
     "EE certificate key too weak"),
    ("server-sha1-signed", "server", "server.test", "chain_pem", None, "weak-signature",
     "browser", "ERR_CERT_WEAK_SIGNATURE_ALGORITHM"),
    ("client-critical-unknown-extension", "client", None, "chain_pem", None,
     "critical-extension", "openssl", "unhandled critical extension"),
]


# Certificates whose own anchor is not the one their peer trusts: inspect against the side's root.
PEER_ROOT = {"client-untrusted-root": "client-root", "client-from-server-ca": "client-root",
             "server-self-signed": "server-root"}


@pytest.mark.parametrize("name,role,host,key,crl,cause,stack,message", PROBLEMS,
                         ids=[f"{p[0]}-{p[5]}-{p[6]}" for p in PROBLEMS])
def test_problem_names_cause_and_quotes_the_stacks(m, name, role, host, key, crl, cause, stack,
                                                   message):
    proc, reports = inspect_case(m, name, role, host, key, ca=PEER_ROOT.get(name, True), crl=crl)
    assert proc.returncode == 1, proc.stderr
    report = reports[0]
    assert report["suitable"] is False and report["role"] == role
    problems = {p["cause"]: p for p in report["problems"]}
    assert cause in problems, report["problems"]
    problem = problems[cause]
    assert message in problem["messages"][stack]
    assert problem["detail"] and problem["fix"].endswith(".")


def test_unknown_issuer_is_named_by_issuer_and_key_id(m):
    proc, reports = inspect_case(m, "server", "server", "server.test", key="cert_pem")
    detail = {p["cause"]: p for p in reports[0]["problems"]}["issuer-unknown"]["detail"]
    aki = m.artifacts["server-ca"]["subject"].split("CN=")[-1]
    assert f"CN = {aki}" in detail and "authority key id" in detail
    assert "holds only this certificate" in detail


def test_revocation_without_ca_looks_the_serial_up(m):
    proc, reports = inspect_json(m, m.file("client-revoked", "cert_der"), "--role", "client",
                                 "--crl", m.file("client-ca-crl", "crl_der"))
    assert proc.returncode == 1
    problem = reports[0]["problems"][0]
    assert problem["cause"] == "revoked" and "keyCompromise" in problem["detail"]


# (artifact, role, host, root override): good certificates, every check on
GOOD = [
    ("server", "server", "server.test", None),
    ("client", "client", None, None),
    ("server-san-wildcard", "server", "www.server.test", None),
    ("server-san-ip", "server", "127.0.0.1", None),
    ("server-san-ipv6", "server", "::1", None),
    ("server-cn-mismatch-san-ok", "server", "server.test", None),
    ("server-eku-both", "server", "server.test", None),
    ("client-eku-both", "client", None, None),
    ("client-no-eku", "client", None, None),
    ("client-no-ku", "client", None, None),
    ("client-deep", "client", None, None),
    ("client-chain-unordered", "client", None, None),
    ("client-pathlen-ok", "client", None, None),
    ("client-nc-permitted", "client", None, None),
    ("client-ed25519", "client", None, None),
    ("client-rsa-pss", "client", None, None),
    ("client-rsa3072", "client", None, None),
    ("client-p384-chain", "client", None, None),
]


@pytest.mark.parametrize("name,role,host,root", GOOD, ids=[g[0] for g in GOOD])
def test_good_certificates_are_suitable(m, name, role, host, root):
    proc, reports = inspect_case(m, name, role, host, ca=root or True)
    assert proc.returncode == 0, proc.stdout
    report = reports[0]
    assert report["suitable"] is True and report["problems"] == []
    passed = {p["check"] for p in report["passed"]}
    assert {"validity", "purpose", "key-usage", "key", "signature", "chain"} <= passed
    if host:
        assert "name" in passed


def test_good_with_crl_is_not_revoked(m):
    proc, reports = inspect_case(m, "server", "server", "server.test", crl="server-ca-crl")
    assert proc.returncode == 0, proc.stdout
    assert "not revoked" in {p["check"]: p["detail"] for p in reports[0]["passed"]}["chain"]


def test_text_report_for_people(m):
    proc = run_mtlsgrid("inspect", m.file("server-expired"), "--host", "server.test", "--ca",
                        m.root("server-expired"), "--at", m.at)
    assert proc.returncode == 1
    out = proc.stdout
    assert out.splitlines()[0].endswith("NOT SUITABLE as a server certificate for server.test "
                                        "(1 problem)")
    assert "[expired]" in out and "FIX:" in out
    # openssl verify's own line, run by inspect (test_fidelity.py checks the words it observes)
    assert 'openssl verify said: "error 10 at 0 depth lookup: certificate has expired"' in out
    assert "30 days before the time checked (2026-01-01 00:00:00 UTC)" in out


def test_time_is_the_one_asked(m):
    art = m.artifacts["server-expired"]
    inside = str(art["not_before"] + 86400)
    proc = run_mtlsgrid("inspect", m.file("server-expired"), "--host", "server.test", "--ca",
                        m.root("server-expired"), "--at", inside)
    assert proc.returncode == 0, proc.stdout
    proc = run_mtlsgrid("inspect", m.file("server-expired"), "--at", "2026-01-01T00:00:00Z",
                        "--json")
    assert json.loads(proc.stdout)[0]["at"] == "2026-01-01T00:00:00Z"


def test_der_files_are_accepted(m):
    proc, reports = inspect_json(m, m.file("client", "cert_der"), "--role", "client", "--ca",
                                 m.file("client-root", "cert_der"))
    assert proc.returncode == 1  # the leaf alone: its intermediate is missing
    assert [p["cause"] for p in reports[0]["problems"]] == ["issuer-unknown"]


def test_role_is_guessed_from_the_eku_and_said(m):
    proc, reports = inspect_json(m, m.file("client"))
    assert reports[0]["role"] == "client" and reports[0]["role_guessed"] is True
    proc, reports = inspect_json(m, m.file("client"), "--host", "client.test")
    assert reports[0]["role"] == "server"  # --host means the one judged is a server


def test_several_files_worst_exit_wins(m):
    proc, reports = inspect_json(m, m.file("client"), m.file("client-expired"), "--role", "client",
                                 "--ca", m.root("client"))
    assert proc.returncode == 1 and [r["suitable"] for r in reports] == [True, False]
    proc, reports = inspect_json(m, m.file("client"), "/nonexistent/x.pem", "--role", "client")
    assert proc.returncode == 2 and reports[1]["error"].startswith("cannot read /nonexistent/x.pem")


def _bad_files(tmp_path, m):
    files = {
        "empty.pem": b"",
        "text.pem": b"just some text\n",
        "garbage.pem": b"-----BEGIN CERTIFICATE-----\n!!not base64!!\n-----END CERTIFICATE-----\n",
        "truncated.pem": open(m.file("server", "cert_pem"), "rb").read()[:300],
        "truncated.der": open(m.file("server", "cert_der"), "rb").read()[:100],
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    return files


@pytest.mark.parametrize("name,words", [
    ("empty.pem", "empty.pem: the file is empty"),
    ("text.pem", "text.pem: neither PEM nor a DER certificate"),
    ("garbage.pem", "garbage.pem:1: PEM block 1 is broken"),
    ("truncated.pem", "truncated.pem:1: PEM block 1 is broken"),
    ("truncated.der", "truncated.der: the bytes at offset 0 are not a DER certificate"),
])
def test_bad_certificate_files_exit_2_naming_the_file(m, tmp_path, name, words):
    _bad_files(tmp_path, m)
    path = str(tmp_path / name)
    proc = run_mtlsgrid("inspect", path)
    assert proc.returncode == 2 and proc.stdout == ""
    assert path in proc.stderr and words in proc.stderr and proc.stderr.count("\n") == 1


@pytest.mark.parametrize("args,words", [
    (["/nonexistent/cert.pem"], "cannot read /nonexistent/cert.pem"),
    (["KEY"], "key.pem: holds no certificate (its PEM blocks: PRIVATE KEY)"),
    (["P12"], "is a PKCS#12 bundle"),
    (["CERT", "--ca", "/nonexistent/ca.pem"], "--ca: cannot read /nonexistent/ca.pem"),
    (["CERT", "--ca", "KEY"], "--ca: "),
    (["CERT", "--crl", "CERT"], "--crl: "),
    (["CERT", "--at", "yesterday"], "--at"),
    (["CERT", "--role", "peer"], "--role"),
    (["CERT", "--host", "not a host"], "--host"),
    ([], "missing argument"),
])
def test_bad_input_exits_2_with_one_line(m, args, words):
    names = {"KEY": m.file("server", "key_pem"), "CERT": m.file("server", "cert_pem"),
             "P12": m.file("server-p12", "p12")}
    proc = run_mtlsgrid("inspect", *[names.get(a, a) for a in args])
    assert proc.returncode == 2, proc.stdout
    assert words in proc.stderr and proc.stderr.count("\n") == 1


def test_json_object_keys(m):
    proc, reports = inspect_case(m, "server-no-san", "server", "server.test")
    report = reports[0]
    for key in ("file", "subject", "issuer", "role", "host", "at", "suitable", "problems",
                "passed", "not_checked"):
        assert key in report
    problem = report["problems"][0]
    assert set(problem) >= {"cause", "reason", "detail", "messages", "fix"}
    assert set(problem["messages"]) >= {"openssl", "gnutls", "browser", "curl"}
    assert problem["reason"] == "hostname-mismatch"


def test_pkcs12_files_are_read_with_their_password(m, tmp_path):
    """A .p12/.pfx as users get them: the leaf inside is judged, its chain is the bundle's."""
    p12 = tmp_path / "client.pfx"
    subprocess.run(["openssl", "pkcs12", "-export", "-in", m.file("client"), "-inkey",
                    m.file("client", "key_pem"), "-out", p12, "-passout", "pass:s3cret"],
                   check=True, capture_output=True)
    (tmp_path / "pw").write_text("s3cret\n")
    proc, reports = inspect_json(m, p12, "--role", "client", "--ca", m.root("client"),
                                 "--p12-password-file", tmp_path / "pw")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # suitable with only the root given: the intermediate came from the bundle
    assert reports[0]["problems"] == [] and reports[0]["suitable"] is True
    assert "s3cret" not in proc.stdout + proc.stderr
    none = run_mtlsgrid("inspect", p12, "--role", "client")
    assert none.returncode == 2 and "is a PKCS#12 bundle" in none.stderr, none.stderr
    wrong = run_mtlsgrid("inspect", p12, "--role", "client", "--p12-password", "nope")
    assert wrong.returncode == 2 and "client.pfx" in wrong.stderr, wrong.stderr


def test_key_that_is_not_the_certificates_is_a_problem(m):
    """--key: the pair a server or client would load; curl and nginx refuse a mismatched one."""
    proc, reports = inspect_json(m, m.file("client"), "--role", "client", "--ca",
                                 m.root("client"), "--key", m.file("client", "key_pem"))
    assert proc.returncode == 0 and reports[0]["problems"] == [], proc.stdout
    proc, reports = inspect_json(m, m.file("client"), "--role", "client", "--ca",
                                 m.root("client"), "--key", m.file("server", "key_pem"))
    assert proc.returncode == 1
    problems = reports[0]["problems"]
    assert [p["cause"] for p in problems] == ["key-mismatch"], problems
    assert problems[0]["reason"] == "key-mismatch"
    assert "key values mismatch" in problems[0]["messages"]["openssl"]
    bad = run_mtlsgrid("inspect", m.file("client"), "--key", m.file("client"))
    assert bad.returncode == 2 and "--key" in bad.stderr, bad.stderr


@pytest.mark.parametrize("args,flag,file", [
    (["--ca", "/nonexistent/ca.pem"], "--ca", "/nonexistent/ca.pem"),
    (["--role", "bogus"], "--role", None),
    (["--at", "yesterday"], "--at", None),
])
def test_bad_input_with_json_is_json(m, args, flag, file):
    proc = run_mtlsgrid("inspect", m.file("client"), *args, "--json")
    assert proc.returncode == 2
    doc = json.loads(proc.stdout)
    assert doc["flag"] == flag and doc["error"] and doc.get("file") == file, doc
