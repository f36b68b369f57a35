"""mtlsgrid probe against real gateways: nginx, Apache httpd and HAProxy from Debian, each
started on loopback from a configuration in gateways/ (known good and deliberately weak), probed,
and held to the grid it must give. Every gateway is stopped by its test."""
import contextlib
import json
import socket
import subprocess

import pytest

from conftest import ROOT, run_mtlsgrid
from peers import free_port, need, running

START = ROOT / "gateways" / "start"

# What every OpenSSL-based gateway lets in whatever its configuration: OpenSSL does not check a
# client certificate's keyUsage (measured on nginx 1.22, Apache 2.4 and HAProxy 2.6).
STACK_WIDE = {"ku-no-digitalsignature"}

# gateway, configuration, the defects it must let in (beyond STACK_WIDE), the valid ones it
# must refuse. The weak examples show exactly the holes they were made with.
GRID = [
    ("nginx", "good", set(), set()),
    ("nginx", "weak-optional", {"no-certificate"}, set()),
    ("nginx", "weak-no-crl", {"revoked"}, set()),
    ("nginx", "weak-depth-0", set(), {"valid-chain"}),
    ("apache2", "good", set(), set()),
    ("apache2", "weak-no-crl", {"revoked"}, set()),
    ("apache2", "weak-default-depth", set(), {"valid-chain"}),
    ("haproxy", "good", set(), set()),
    ("haproxy", "weak-optional", {"no-certificate", "sni-bypass"}, set()),
    ("haproxy", "weak-no-crl", {"revoked"}, set()),
]


@pytest.fixture(scope="module")
def test_ca(tmp_path_factory):
    ca = tmp_path_factory.mktemp("probe-ca") / "ca"
    made = run_mtlsgrid("probe", "--make-ca", ca, "--server-names", "open.test", check=True)
    assert "ssl_client_certificate" in made.stdout and "SSLVerifyClient require" in made.stdout
    assert "verify required ca-file" in made.stdout
    return ca


def ca_flags(ca):
    return ["--ca-cert", ca / "ca" / "cert.pem", "--ca-key", ca / "ca" / "key.pem",
            "--ca-chain", ca / "intermediate" / "cert.pem",
            "--ca-chain-key", ca / "intermediate" / "key.pem"]


@contextlib.contextmanager
def gateway(name, config, ca, work):
    """The example configuration started on a free loopback port; stopped on leaving."""
    need(name)
    port = free_port()
    with running([str(START), name, config, "--ca", str(ca), "--port", str(port),
                  "--work", str(work)], port=port) as proc:
        yield proc, port


def probe(port, ca, out, *extra):
    timeout = [] if "--timeout" in extra else ["--timeout", "5"]
    proc = run_mtlsgrid("probe", f"https://localhost:{port}/", *ca_flags(ca), "--out", out,
                        *timeout, *extra, timeout=120)
    rows = []
    if (out / "results.jsonl").exists():
        rows = [json.loads(line) for line in (out / "results.jsonl").read_text().splitlines()]
    return proc, rows


@pytest.mark.parametrize("name,config,holes,refused", GRID,
                         ids=[f"{g}-{c}" for g, c, _, _ in GRID])
def test_gateway_grid(name, config, holes, refused, test_ca, tmp_path):
    with gateway(name, config, test_ca, tmp_path / "gw") as (_, port):
        proc, rows = probe(port, test_ca, tmp_path / "out", "--servername", "open.test")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    defects = {r["scenario"].removeprefix("probe-") for r in rows}
    assert len(rows) == 2 * len(defects) and {"control", "revoked", "sni-bypass"} <= defects
    assert {r["tls"] for r in rows} == {"1.2", "1.3"}
    failed = {r["scenario"].removeprefix("probe-") for r in rows if r["grade"] == "fail"}
    assert failed == STACK_WIDE | holes | refused, proc.stdout
    for r in rows:
        defect = r["scenario"].removeprefix("probe-")
        if defect in holes | STACK_WIDE:
            assert r["verdict"] == "ok", r
        elif defect in refused or "ok" not in r["expected"]:  # either outcome: no-eku, v1, ...
            assert r["verdict"].startswith("server-rejects:"), r
    # The audit comes first in summary.md and on stdout, in plain words.
    summary = (tmp_path / "out" / "summary.md").read_text()
    audit = summary[summary.index("## Audit"):]
    assert summary.index("## Audit") < summary.index("## Unexpected")
    if "revoked" in holes:
        assert "revoked certificate accepted: the gateway checks no CRL" in audit
    if "no-certificate" in holes:
        assert "no certificate accepted: verification is optional" in proc.stdout
    if "valid-chain" in refused:
        assert "verification depth too small" in audit
    for report in ("junit.xml", "index.html", "run.json"):
        assert (tmp_path / "out" / report).stat().st_size > 0


def test_nginx_rejection_reason_is_its_page_title(test_ca, tmp_path):
    with gateway("nginx", "good", test_ca, tmp_path / "gw") as (_, port):
        proc, rows = probe(port, test_ca, tmp_path / "out", "--tls", "1.3")
    by = {r["scenario"]: r for r in rows}
    assert "400 The SSL certificate error" in by["probe-expired"]["reason_text"]
    assert "No required SSL certificate was sent" in by["probe-no-certificate"]["reason_text"]
    assert {r["tls"] for r in rows} == {"1.3"}, proc.stdout


def test_tls13_late_rejection_is_seen_in_the_round_trip(test_ca, tmp_path):
    """Apache refuses after a TLS 1.3 client's Finished: only the round trip shows it."""
    with gateway("apache2", "good", test_ca, tmp_path / "gw") as (_, port):
        _, rows = probe(port, test_ca, tmp_path / "out", "--tls", "1.3")
    by = {r["scenario"]: r for r in rows}
    assert by["probe-revoked"]["verdict"] == "server-rejects:revoked", by["probe-revoked"]
    assert by["probe-control"]["verdict"] == "ok"


def test_accept_rules_tell_passed_to_the_application(test_ca, tmp_path):
    """With optional verification, an --accept-body the page lacks makes the no-certificate
    case 'passed to the application' rather than accepted."""
    with gateway("nginx", "weak-optional", test_ca, tmp_path / "gw") as (_, port):
        proc, rows = probe(port, test_ca, tmp_path / "out", "--tls", "1.2",
                           "--accept-body", "ok from the mTLS host")
        assert proc.returncode == 1
        _, passed = probe(port, test_ca, tmp_path / "out2", "--tls", "1.2", "--accept-body",
                          "a body no answer has")
    assert "passed to the application" not in proc.stdout.split("## Audit")[1]
    # The control is not accepted under an impossible body rule: exit 2, nothing judged.
    assert passed == []


def test_control_fails_with_another_ca(test_ca, tmp_path):
    other = tmp_path / "other-ca"
    run_mtlsgrid("probe", "--make-ca", other, check=True)
    with gateway("nginx", "good", test_ca, tmp_path / "gw") as (_, port):
        proc, rows = probe(port, other, tmp_path / "out")
    assert proc.returncode == 2 and rows == []
    assert "the control certificate" in proc.stderr and "does not trust this CA" in proc.stderr


def test_unreachable_gateway_is_exit_2(test_ca, tmp_path):
    proc, rows = probe(free_port(), test_ca, tmp_path / "out")
    assert proc.returncode == 2 and rows == []
    assert "did not answer" in proc.stderr


@pytest.mark.parametrize("args,words", [
    (["https://localhost:1/", "--ca-key", "KEY"], "--ca-cert"),
    (["http://localhost/", "--ca-cert", "CERT", "--ca-key", "KEY"], "https://"),
    (["https://localhost:1/", "--ca-cert", "CERT", "--ca-key", "CERT"], "--ca-key"),
    (["https://localhost:1/", "--ca-cert", "CERT", "--ca-key", "KEY", "--reject-status", "4"],
     "--reject-status"),
    (["https://localhost:1/", "--ca-cert", "KEY", "--ca-key", "KEY"], "--ca-cert"),
])
def test_bad_input_is_exit_2_naming_it(args, words, test_ca, tmp_path):
    subst = {"CERT": str(test_ca / "ca" / "cert.pem"), "KEY": str(test_ca / "ca" / "key.pem")}
    proc = run_mtlsgrid("probe", *[subst.get(a, a) for a in args], "--out", tmp_path / "o")
    assert proc.returncode == 2 and words in proc.stderr, proc.stderr
    assert not (tmp_path / "o" / "results.jsonl").exists()


def test_crl_out_written_and_never_over_a_users_file(test_ca, tmp_path):
    with gateway("nginx", "good", test_ca, tmp_path / "gw") as (_, port):
        crl = tmp_path / "probe-crl.pem"
        proc, _ = probe(port, test_ca, tmp_path / "out", "--tls", "1.3", "--crl-out", crl)
        assert proc.returncode == 1 and "wrote the CRLs" in proc.stdout
        # The same CA gives the same CRL as --make-ca wrote.
        listed = subprocess.run(["openssl", "crl", "-in", crl, "-noout", "-text"],
                                capture_output=True, text=True, check=True).stdout
        made = subprocess.run(["openssl", "crl", "-in", test_ca / "crl.pem", "-noout", "-text"],
                              capture_output=True, text=True, check=True).stdout
        serial = [l for l in made.splitlines() if "Serial Number" in l]
        assert serial and serial[0] in listed
        mine = tmp_path / "mine.txt"
        mine.write_text("my notes\n")
        proc, _ = probe(port, test_ca, tmp_path / "out2", "--crl-out", mine)
    assert proc.returncode == 2 and "not a PEM CRL" in proc.stderr
    assert mine.read_text() == "my notes\n"


def test_make_ca_refuses_a_folder_in_use(tmp_path):
    (tmp_path / "ca").mkdir()
    (tmp_path / "ca" / "keep").write_text("x")
    proc = run_mtlsgrid("probe", "--make-ca", tmp_path / "ca")
    assert proc.returncode == 2 and "not empty" in proc.stderr
    assert (tmp_path / "ca" / "keep").read_text() == "x"


def test_hung_gateway_is_exit_2(test_ca, tmp_path):
    """A peer that accepts and never answers: each connection ends at --timeout, the control
    is 'no answer' and nothing is judged."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(64)
        port = listener.getsockname()[1]
        proc, rows = probe(port, test_ca, tmp_path / "out", "--timeout", "1", "--tls", "1.3")
    assert proc.returncode == 2 and rows == []
    assert "did not answer" in proc.stderr and "timeout" in proc.stderr, proc.stderr


def test_out_folder_of_the_users_is_refused_unless_forced(test_ca, tmp_path):
    """probe's --out is guarded as run's: a folder mtlsgrid did not write is left alone."""
    out = tmp_path / "mine"
    out.mkdir()
    (out / "index.html").write_text("my page\n")
    proc = run_mtlsgrid("probe", f"https://127.0.0.1:{free_port()}/", *ca_flags(test_ca),
                        "--out", out, "--timeout", "2")
    assert proc.returncode == 2 and "was not written by mtlsgrid" in proc.stderr, proc.stderr
    assert [p.name for p in out.iterdir()] == ["index.html"]
    proc = run_mtlsgrid("probe", f"https://127.0.0.1:{free_port()}/", *ca_flags(test_ca),
                        "--out", out, "--timeout", "2", "--force")
    assert proc.returncode == 2 and "did not answer" in proc.stderr  # past the guard
    assert (out / "index.html").read_text() == "my page\n"
