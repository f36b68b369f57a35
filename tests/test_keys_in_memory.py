"""Keys stay in memory (issue 22: "keep keys in memory wherever the stack can take them from
memory"). `handshake` hands every stack the user's private keys as bytes: a key decrypted from
an encrypted PEM, a key taken out of a combined cert+key file, the server's key beside a
client PKCS#12. No file holding key material is created, not even for a moment in the 0700
temporary folder.

Seen through strace, following every process: each file the run creates and each byte it
writes to a file. A control proves the trace sees the temporary folder: the certificates
(copied there as PEM) are seen written under TMPDIR."""
import json
import os
import re
import shutil
import subprocess

import pytest

from conftest import STACKS, _binary, run_mtlsgrid

STACK = STACKS[0]
STRACE = shutil.which("strace")
pytestmark = pytest.mark.skipif(STRACE is None, reason="strace is not installed (ci/deps test)")

# pid  write(5</tmp/x/server.pem>, "-----BEGIN ...", 1234) = 1234   (strace -y)
FILE_WRITE = re.compile(r'^\d+\s+(?:write|pwrite64)\(\d+<([^>]+)>, "(.*)"')
# pid  openat(AT_FDCWD</cwd>, "/tmp/x/server.pem", O_WRONLY|O_CREAT|O_TRUNC, 0666) = 3<...>
CREATED = re.compile(r'^\d+\s+(?:openat|open|creat)\((?:[^"]*?, )?"([^"]+)", ([A-Z_|]+)')


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    """The user's own files: a baseline repro bundle, plus the client key encrypted under a
    password that only a file holds, and the server's certificate and key in one file."""
    out = tmp_path_factory.mktemp("keys") / "b"
    run_mtlsgrid("repro", f"baseline/{STACK}-{STACK}/tls1.3/strict", "--out", out, "--quiet",
                 check=True)
    (out / "key-password.txt").write_text("correct horse battery\n")
    subprocess.run(["openssl", "pkey", "-in", out / "client.key", "-aes-256-cbc", "-passout",
                    f"file:{out / 'key-password.txt'}", "-out", out / "client-encrypted.key"],
                   check=True, timeout=60)
    assert "ENCRYPTED PRIVATE KEY" in (out / "client-encrypted.key").read_text()
    (out / "server-combined.pem").write_text((out / "server.pem").read_text() +
                                             (out / "server.key").read_text())
    return out


def handshake_args(b, variant):
    server = {"combined": ["--server-cert", b / "server-combined.pem"]}.get(
        variant, ["--server-cert", b / "server.pem", "--server-key", b / "server.key"])
    client = {
        "encrypted-key": ["--client-cert", b / "client.pem", "--client-key",
                          b / "client-encrypted.key", "--key-password-file",
                          b / "key-password.txt"],
        "pkcs12": ["--client-p12", b / "client.p12", "--p12-password-file",
                   b / "p12-password.txt"],
    }.get(variant, ["--client-cert", b / "client.pem", "--client-key", b / "client.key"])
    return ["handshake", *server, *client, "--server-trust", b / "server-trust.pem",
            "--client-trust", b / "client-trust.pem", "--policy", "strict"]


def traced(tmp_path, args):
    """Runs mtlsgrid under strace with TMPDIR an empty folder; returns the process, the trace
    lines and TMPDIR."""
    tmpdir = tmp_path / "tmpdir"
    tmpdir.mkdir()
    trace = tmp_path / "trace.txt"
    command = [STRACE, "-f", "-qq", "-y", "-s", "1000000", "-o", trace,
               "-e", "trace=open,openat,creat,write,pwrite64", "-e", "signal=none",
               _binary(), *args]
    # LeakSanitizer cannot run under ptrace; the other handshake tests check for leaks
    asan = ":".join(filter(None, [os.environ.get("ASAN_OPTIONS"), "detect_leaks=0"]))
    env = {**os.environ, "TMPDIR": str(tmpdir), "ASAN_OPTIONS": asan}
    proc = subprocess.run(command, capture_output=True, text=True, timeout=600, env=env,
                          stdin=subprocess.DEVNULL)
    return proc, trace.read_text(errors="replace").splitlines(), tmpdir


def assert_no_key_written(lines, tmpdir):
    """No file written holds key material, and (the control) the certificates' copies are
    seen being written under TMPDIR."""
    writes = [(m.group(1), m.group(2)) for m in map(FILE_WRITE.match, lines) if m]
    files = [(path, data) for path, data in writes
             if not re.match(r"(pipe|socket|anon_inode|/dev/)", path)]
    assert any(path.startswith(str(tmpdir)) and "BEGIN CERTIFICATE" in data
               for path, data in files), "the trace does not see the temporary folder"
    with_key = sorted({path for path, data in files if "PRIVATE KEY" in data})
    assert with_key == [], f"key material written to {with_key}"


@pytest.mark.parametrize("variant", ["encrypted-key", "pkcs12", "combined"])
def test_handshake_writes_no_key_to_any_file(tmp_path, bundle, variant):
    proc, lines, tmpdir = traced(tmp_path, handshake_args(bundle, variant))
    assert proc.returncode == 0, proc.stderr
    assert re.search(rf"^{STACK}\s+{STACK}\s+1\.3\s+ok\b", proc.stdout, re.M), proc.stdout
    assert_no_key_written(lines, tmpdir)
    created = [m.group(1) for m in map(CREATED.match, lines) if m and "O_CREAT" in m.group(2)]
    assert any(p.endswith("server.pem") for p in created), "the trace sees no file created"
    assert [p for p in created if p.endswith(".key") or ".key." in p] == [], created
    assert list(tmpdir.iterdir()) == [], "the temporary folder was left behind"


@pytest.mark.parametrize("variant", ["encrypted-key", "stand-in"])
def test_inspect_handshakes_write_no_key_to_any_file(tmp_path, bundle, variant):
    """inspect's handshakes through each stack: the user's --key (here decrypted from an
    encrypted file), the stand-in key made without --key and the stand-in server's key all
    reach the stacks as bytes; only certificates are copied."""
    key = {"encrypted-key": ["--key", bundle / "client-encrypted.key", "--key-password-file",
                             bundle / "key-password.txt"]}.get(variant, [])
    proc, lines, tmpdir = traced(tmp_path, ["inspect", bundle / "client.pem", "--role", "client",
                                            "--ca", bundle / "server-trust.pem", *key, "--json"])
    assert proc.returncode in (0, 1), proc.stderr
    handshakes = json.loads(proc.stdout)[0]["handshakes"]
    assert any(h["ran"] and h["judgement"] == "accepted" for h in handshakes), handshakes
    assert_no_key_written(lines, tmpdir)
    assert list(tmpdir.iterdir()) == [], "the temporary folder was left behind"

