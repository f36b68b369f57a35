"""`mtlsgrid handshake`: the user's own files on every stack pairing and both TLS versions.

Files come from the pinned matrix (`matrix_dir`), so every run verifies at the matrix's
reference time with `--at`. Bad input (a file that cannot be read, garbage PEM, a key that
does not belong to its certificate, a wrong PKCS#12 password, an encrypted key) exits 2 with a
message naming the flag and the file; what the stacks make of valid files is the grid: exit 0
when every pairing is ok, 1 otherwise.
"""
import json
import pathlib
import subprocess

import pytest

from conftest import STACKS, run_mtlsgrid, stack_has

PAIRINGS = len(STACKS) ** 2 * 2  # client stacks x server stacks x 2 TLS versions


class Files:
    def __init__(self, folder):
        self.dir = pathlib.Path(folder)
        manifest = json.loads((self.dir / "manifest.json").read_text())
        self.ref = manifest["reference_time"]
        self.by_name = {a["name"]: a for a in manifest["artifacts"]}

    def __call__(self, name, key="cert_pem"):
        return str(self.dir / self.by_name[name]["files"][key])


@pytest.fixture(scope="module")
def m(matrix_dir):
    return Files(matrix_dir)


def server_args(m, server="server"):
    return ["--server-cert", m(server, "chain_pem"), "--server-key", m(server, "key_pem"),
            "--server-trust", m("client-root"), "--client-trust", m("server-root"),
            "--at", str(m.ref)]


def client_args(m, client="client"):
    return ["--client-cert", m(client, "chain_pem"), "--client-key", m(client, "key_pem")]


def handshake(*args):
    """At the strict policy unless the test asks for another (the default runs both)."""
    policy = [] if "--policy" in args else ["--policy", "strict"]
    return run_mtlsgrid("handshake", *args, *policy, timeout=120)


def grid_lines(stdout):
    """The grid's rows: (client, server, tls, verdict)."""
    rows = []
    for line in stdout.splitlines():
        words = line.split()
        if len(words) >= 4 and words[0] in STACKS and words[2] in ("1.2", "1.3"):
            rows.append(tuple(words[:4]))
    return rows


def test_good_pair_is_ok_everywhere(m):
    proc = handshake(*server_args(m), *client_args(m))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    rows = grid_lines(proc.stdout)
    assert len(rows) == PAIRINGS and {r[3] for r in rows} == {"ok"}
    assert {(r[0], r[1], r[2]) for r in rows} == {
        (c, s, t) for c in STACKS for s in STACKS for t in ("1.2", "1.3")}
    assert "the handshake and one round trip of data succeed" in proc.stdout


def test_json_for_machines(m):
    proc = handshake(*server_args(m), *client_args(m, "client-eku-serverauth"), "--json")
    assert proc.returncode == 1, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["all_ok"] is False and doc["host"] == "server.test"
    assert doc["host_from_certificate"] is True and doc["verify_time"] == m.ref
    assert len(doc["results"]) == PAIRINGS
    for r in doc["results"]:
        assert r["verdict"] == "server-rejects:bad-purpose" and r["ok"] is False
        assert "extended key usage" in r["words"] and r["detail"]
        server, client = r["sides"]["server"], r["sides"]["client"]
        assert server["state"] == "rejected-peer" and server["reason"] == "bad-purpose"
        assert server["alert_sent"] and client["alert_received"] == server["alert_sent"]


def test_der_everywhere_is_accepted(m, tmp_path):
    """DER leaf with the intermediate in --server-chain, DER key, DER trust anchors."""
    key_der = tmp_path / "client.key.der"
    subprocess.run(["openssl", "pkey", "-in", m("client", "key_pem"), "-outform", "DER",
                    "-out", key_der], check=True)
    proc = handshake("--server-cert", m("server", "cert_der"), "--server-chain", m("server-ca"),
                     "--server-key", m("server", "key_pem"),
                     "--client-cert", m("client", "chain_pem"), "--client-key", key_der,
                     "--server-trust", m("client-root", "cert_der"),
                     "--client-trust", m("server-root", "cert_der"), "--at", str(m.ref))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert {r[3] for r in grid_lines(proc.stdout)} == {"ok"}


def test_reversed_chain_is_loaded_as_given_and_diagnosed(m, tmp_path):
    """client-deep's chain (leaf, ca-l2, ca) written backwards: the stacks take the first
    certificate as the leaf, as curl and nginx do, so no pairing is ok, and the message says
    which certificate comes first and to put the leaf first."""
    pem = pathlib.Path(m("client-deep", "chain_pem")).read_text()
    blocks = [b + "-----END CERTIFICATE-----\n" for b in pem.split("-----END CERTIFICATE-----\n")
              if b.strip()]
    assert len(blocks) == 3
    reversed_file = tmp_path / "reversed.pem"
    reversed_file.write_text("".join(reversed(blocks)))
    proc = handshake(*server_args(m), "--client-cert", reversed_file,
                     "--client-key", m("client-deep", "key_pem"))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "number 3" in proc.stderr and "put the leaf first" in proc.stderr
    rows = grid_lines(proc.stdout)
    assert len(rows) == PAIRINGS and not any(r[3] == "ok" for r in rows)
    assert any(r[3] == "client-error:key-mismatch" for r in rows)


def test_both_policies_are_two_columns(m):
    proc = handshake(*server_args(m), *client_args(m), "--policy", "both", "--json")
    assert proc.returncode == 0, proc.stderr
    results = json.loads(proc.stdout)["results"]
    assert len(results) == 2 * PAIRINGS
    assert {r["policy"] for r in results} == {"strict", "minimal"}
    bad = handshake(*server_args(m), *client_args(m), "--policy", "lax")
    assert bad.returncode == 2 and "--policy" in bad.stderr


def test_pkcs12_with_password(m):
    proc = handshake(*server_args(m), "--client-p12", m("client-p12", "p12"),
                     "--p12-password", m.by_name["client-p12"]["p12_password"])
    assert proc.returncode == 0, proc.stdout + proc.stderr
    rows = grid_lines(proc.stdout)
    assert len(rows) == PAIRINGS
    # A client stack that cannot read PKCS#12 is a skip, never a failure; the others are ok.
    assert {r[0] for r in rows if r[3] == "skip"} == {
        s for s in STACKS if not stack_has(s, "pkcs12")}
    assert all(r[3] == "ok" for r in rows if stack_has(r[0], "pkcs12"))


@pytest.mark.parametrize("client,extra,verdict", [
    ("client-eku-serverauth", [], "server-rejects:bad-purpose"),
    ("client-expired", [], "server-rejects:expired"),
    ("client-untrusted-root", [], "server-rejects:unknown-ca"),
    ("client-revoked", ["--crl", "client-ca-crl"], "server-rejects:revoked"),
    ("client", ["--host", "other.test"], "client-rejects:hostname-mismatch"),
])
def test_a_bad_credential_is_a_verdict_not_an_error(m, client, extra, verdict):
    extra = [m(a, "crl_pem") if a == "client-ca-crl" else a for a in extra]
    proc = handshake(*server_args(m), *client_args(m, client), *extra)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert {r[3] for r in grid_lines(proc.stdout)} == {verdict}, proc.stdout


def test_at_takes_iso_8601_and_epoch_alike(m):
    base = [a for a in server_args(m) if a not in ("--at", str(m.ref))]
    too_early = handshake(*base, *client_args(m), "--at", "2000-01-01T00:00:00Z")
    assert too_early.returncode == 1
    assert {r[3] for r in grid_lines(too_early.stdout)} == {"client-rejects:not-yet-valid"}
    iso = handshake(*base, *client_args(m), "--at", "2026-01-01T00:00:00+00:00")
    assert iso.returncode == 0 and "verified at 2026-01-01T00:00:00Z" in iso.stdout


def _bad_inputs(m, tmp):
    garbage = tmp / "garbage.pem"
    garbage.write_text("-----BEGIN CERTIFICATE-----\nMIIB!!not base64!!\n"
                       "-----END CERTIFICATE-----\n")
    text = tmp / "text.pem"
    text.write_text("this is not a certificate\n")
    second_bad = tmp / "second-bad.pem"
    second_bad.write_text(pathlib.Path(m("client")).read_text() +
                          "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")
    encrypted = tmp / "encrypted.key"
    subprocess.run(["openssl", "pkey", "-in", m("client", "key_pem"), "-aes256", "-passout",
                    "pass:x", "-out", encrypted], check=True)
    chain, key = m("client", "chain_pem"), m("client", "key_pem")
    return [
        # (what, client args, the words the message must hold)
        ("missing file", ["--client-cert", tmp / "nope.pem", "--client-key", key],
         ["--client-cert", "nope.pem", "No such file"]),
        ("garbage PEM", ["--client-cert", garbage, "--client-key", key],
         ["--client-cert: ", "garbage.pem:1: PEM block 1 is broken (bad base64"]),
        ("not a certificate", ["--client-cert", text, "--client-key", key],
         ["text.pem", "neither PEM nor a DER certificate"]),
        ("corrupt second block", ["--client-cert", second_bad, "--client-key", key],
         ["second-bad.pem:", ": PEM block 2 (CERTIFICATE) is not a valid certificate"]),
        ("key of another certificate", ["--client-cert", chain, "--client-key",
                                        m("server", "key_pem")],
         ["--client-key", "does not match the certificate", "--client-cert"]),
        ("the generator's mismatched pair", ["--client-cert", m("client-key-mismatch"),
                                             "--client-key", m("client-key-mismatch", "key_pem")],
         ["does not match", "client-key-mismatch"]),
        ("wrong PKCS#12 password", ["--client-p12", m("client-p12", "p12"), "--p12-password",
                                    "wrong"], ["--client-p12", "wrong password"]),
        ("PEM given as PKCS#12", ["--client-p12", chain, "--p12-password", "x"],
         ["not a PKCS#12 file"]),
        ("encrypted key", ["--client-cert", chain, "--client-key", encrypted],
         ["encrypted.key", "encrypted"]),
        ("certificate given as key", ["--client-cert", chain, "--client-key", chain],
         ["--client-key", "holds a certificate, not a private key"]),
        ("key given as certificate", ["--client-cert", key, "--client-key", key],
         ["--client-cert", "holds no certificate", "PRIVATE KEY"]),
        ("certificate given as CRL", [*client_args(m), "--crl", chain],
         ["--crl", "holds no CRL"]),
        ("no client credential", [], ["--client-cert"]),
        ("bad time", [*client_args(m), "--at", "yesterday"], ["--at", "yesterday"]),
    ]


def test_bad_input_exits_2_naming_the_file_and_the_problem(m, tmp_path):
    for what, args, words in _bad_inputs(m, tmp_path):
        server = server_args(m)
        if "--at" in args:  # an option given twice is itself an error: replace it
            server = [a for a in server if a not in ("--at", str(m.ref))]
        proc = handshake(*server, *args)
        assert proc.returncode == 2, f"{what}: exit {proc.returncode}\n{proc.stdout}{proc.stderr}"
        assert proc.stderr.count("\n") == 1, f"{what}: {proc.stderr}"
        for word in words:
            assert word in proc.stderr, f"{what}: {word!r} not in {proc.stderr!r}"
        assert proc.stdout == "", what


def test_client_chain_sends_what_a_der_leaf_cannot_carry(m):
    """A DER client leaf holds one certificate: without --client-chain the server lacks the
    intermediate (unknown-ca); with it every pairing is ok."""
    bare = handshake(*server_args(m), "--client-cert", m("client", "cert_der"),
                     "--client-key", m("client", "key_pem"))
    assert bare.returncode == 1
    assert {r[3] for r in grid_lines(bare.stdout)} == {"server-rejects:unknown-ca"}, bare.stdout
    proc = handshake(*server_args(m), "--client-cert", m("client", "cert_der"),
                     "--client-chain", m("client-ca"), "--client-key", m("client", "key_pem"))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    with_p12 = handshake(*server_args(m), "--client-p12", m("client-p12", "p12"),
                         "--p12-password", m.by_name["client-p12"]["p12_password"],
                         "--client-chain", m("client-ca"))
    assert with_p12.returncode == 2 and "--client-chain" in with_p12.stderr


def test_per_side_crls_reach_only_their_side(m):
    """The client CA's CRL revokes `client-revoked`: given to the server it is a server-side
    refusal; given to the client only, the server never checks it, so no pairing reads
    revoked, and a note says the client has no use for it."""
    crl = m("client-ca-crl", "crl_pem")
    server_side = handshake(*server_args(m), *client_args(m, "client-revoked"),
                            "--server-crl", crl)
    assert server_side.returncode == 1
    assert {r[3] for r in grid_lines(server_side.stdout)} == {"server-rejects:revoked"}
    client_side = handshake(*server_args(m), *client_args(m, "client-revoked"),
                            "--client-crl", crl)
    verdicts = {r[3] for r in grid_lines(client_side.stdout)}
    assert verdicts and "server-rejects:revoked" not in verdicts, client_side.stdout
    assert "--client-crl" in client_side.stderr and "not used" in client_side.stderr
