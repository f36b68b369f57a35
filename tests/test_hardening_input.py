"""Issue #22, input: every file read is capped and regular (a FIFO with no writer, a device, a
huge sparse file are refused with a message naming the file, never read forever or hung on), a
read error is an error, output that cannot be written exits 2, bytes that are not UTF-8 are
escaped instead of losing records, serve suggests only options it has, and limbo's duplicate
ids are found fast and long ids kept whole.

Every command runs with a time limit well above what it needs, so that a hang fails the test
instead of hanging the suite."""
import json
import os
import pathlib
import re
import subprocess

import pytest

from conftest import ROOT, STACKS, _binary, run_mtlsgrid

STACK = STACKS[0]
CASE = f"baseline/{STACK}-{STACK}/tls1.3/strict"
HANDWRITTEN_LIMBO = ROOT / "tests" / "limbo" / "mtlsgrid.json"


@pytest.fixture(scope="module")
def now_matrix(tmp_path_factory):
    out = tmp_path_factory.mktemp("now") / "m"
    run_mtlsgrid("gen", "--out", out, "--time", "now", "--quiet", check=True)
    return out


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "nobody-writes"
    os.mkfifo(path)
    return path


def files(m):
    return {"cert": m / "server" / "chain.pem", "key": m / "server" / "key.pem",
            "trust": m / "client-root" / "cert.pem", "client_cert": m / "client" / "chain.pem",
            "client_key": m / "client" / "key.pem", "client_trust": m / "server-root" / "cert.pem"}


def handshake_args(m, host=None):
    f = files(m)
    args = ["handshake", "--server-cert", f["cert"], "--server-key", f["key"], "--client-cert",
            f["client_cert"], "--client-key", f["client_key"], "--server-trust", f["trust"],
            "--client-trust", f["client_trust"]]
    return args + (["--host", host] if host else [])


def fifo_commands(m, fifo):
    f = files(m)
    return {
        "inspect": ["inspect", fifo],
        "serve --cert": ["serve", "--stack", STACK, "--cert", fifo, "--key", f["key"], "--trust",
                         f["trust"], "--port", "0", "--count", "1"],
        "connect --trust": ["connect", "--stack", STACK, "--trust", fifo, "--port", "1"],
        "limbo FILE": ["limbo", fifo, "--out", fifo.parent / "limbo"],
        "run --baseline": ["run", "--filter", CASE, "--out", fifo.parent / "run", "--baseline",
                           fifo],
    }


@pytest.mark.parametrize("command", ["inspect", "serve --cert", "connect --trust", "limbo FILE",
                                     "run --baseline"])
def test_fifo_with_no_writer_is_refused_not_waited_on(command, now_matrix, fifo):
    proc = run_mtlsgrid(*fifo_commands(now_matrix, fifo)[command], timeout=60)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert str(fifo) in proc.stderr, proc.stderr


def test_matrix_whose_manifest_is_a_fifo_is_refused(tmp_path):
    matrix = tmp_path / "m"
    matrix.mkdir()
    os.mkfifo(matrix / "manifest.json")
    proc = run_mtlsgrid("run", "--matrix", matrix, "--filter", CASE, "--out", tmp_path / "o",
                        timeout=60)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert f"{matrix}/manifest.json: not a regular file" in proc.stderr, proc.stderr


def test_pipe_with_data_is_still_read(now_matrix):
    cert = (now_matrix / "client" / "cert.pem").read_bytes()
    r, w = os.pipe()
    os.write(w, cert)
    os.close(w)
    try:
        proc = run_mtlsgrid("inspect", f"/dev/fd/{r}", "--role", "client", pass_fds=(r,),
                            timeout=60)
    finally:
        os.close(r)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "client.test" in proc.stdout


def test_baseline_from_a_device_is_refused(tmp_path):
    proc = run_mtlsgrid("run", "--filter", CASE, "--out", tmp_path / "o", "--baseline",
                        "/dev/zero", timeout=120)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "--baseline" in proc.stderr and "/dev/zero" in proc.stderr and "device" in proc.stderr
    assert "(new case)" not in proc.stdout


def test_baseline_read_error_is_an_error_not_an_empty_file(tmp_path):
    folder = tmp_path / "a-folder"
    folder.mkdir()
    proc = run_mtlsgrid("run", "--filter", CASE, "--out", tmp_path / "o", "--baseline", folder,
                        timeout=120)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert str(folder) in proc.stderr and "folder" in proc.stderr


@pytest.mark.parametrize("stack", STACKS)
def test_huge_sparse_certificate_is_refused_before_the_stack_reads_it(stack, now_matrix,
                                                                       tmp_path):
    huge = tmp_path / "huge.pem"
    with open(huge, "wb") as f:
        f.truncate(64 << 20)  # sparse: costs no disk, and more than the 16 MiB cap
    f_ = files(now_matrix)
    proc = run_mtlsgrid("serve", "--stack", stack, "--cert", huge, "--key", f_["key"],
                        "--trust", f_["trust"], "--port", "0", "--count", "1", timeout=60)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert f"--cert {huge}: too large" in proc.stderr, proc.stderr


def commands_that_print(m, tmp_path):
    return {
        "list": ["list"],
        "inspect --json": ["inspect", "--json", m / "client" / "cert.pem"],
        "handshake --json": handshake_args(m) + ["--json"],
        "run": ["run", "--filter", CASE, "--out", tmp_path / "o"],
    }


@pytest.mark.parametrize("command", ["list", "inspect --json", "handshake --json", "run"])
def test_output_that_cannot_be_written_exits_2(command, now_matrix, tmp_path):
    with open("/dev/full", "w") as full:
        proc = subprocess.run([_binary(), *map(str, commands_that_print(now_matrix,
                                                                       tmp_path)[command])],
                              stdout=full, stderr=subprocess.PIPE, text=True, timeout=300)
    assert proc.returncode == 2, proc.stderr
    assert "cannot write the output" in proc.stderr and "No space left" in proc.stderr


def test_file_name_that_is_not_utf8_is_escaped_in_json(now_matrix, tmp_path):
    odd = os.fsencode(tmp_path) + b"/caf\xe9-\xff.pem"
    with open(odd, "wb") as f:
        f.write((now_matrix / "client" / "cert.pem").read_bytes())
    missing = os.fsencode(tmp_path) + b"/gone\xfe.pem"
    proc = run_mtlsgrid("inspect", "--json", os.fsdecode(odd), os.fsdecode(missing), timeout=60,
                        errors="surrogateescape")
    doc = json.loads(proc.stdout)  # valid JSON, hence valid UTF-8
    assert [r["file"] for r in doc] == [f"{tmp_path}/caf\ufffd-\ufffd.pem",
                                        f"{tmp_path}/gone\ufffd.pem"]
    assert "subject" in doc[0] and "error" in doc[1]
    assert proc.returncode == 2  # the missing file, said as a record


def test_host_that_is_not_utf8_is_escaped_in_json(now_matrix):
    proc = run_mtlsgrid(*handshake_args(now_matrix, os.fsdecode(b"x\xff.test")), "--json",
                        timeout=300, errors="surrogateescape")
    doc = json.loads(proc.stdout)
    assert doc["host"] == "x\ufffd.test" and doc["results"], proc.stderr
    assert "out of memory" not in proc.stderr


def test_path_too_long_names_its_start_and_length(tmp_path):
    deep = pathlib.Path(tmp_path)
    while len(str(deep)) < 3900:
        deep = deep / ("d" * 200)
    deep.mkdir(parents=True)
    out = deep / ("o" * 150)
    proc = run_mtlsgrid("gen", "--out", out, "--quiet", timeout=120)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "path too long (" in proc.stderr and "bytes; at most 4095):" in proc.stderr
    assert str(tmp_path)[:100] in proc.stderr
    assert proc.stderr.rstrip().endswith("...")  # cut by us, on purpose, not by a buffer


def test_serve_loopback_refusal_suggests_only_what_exists(now_matrix):
    # A documentation address (RFC 5737), refused before any socket is made.
    proc = run_mtlsgrid("serve", "--stack", STACK, "--scenario", "baseline", "--matrix",
                        now_matrix, "--host", "192.0.2.1", "--port", "0", timeout=60)
    assert proc.returncode == 2
    assert "not a loopback address" in proc.stderr
    assert "--any-address" not in proc.stderr
    help_text = run_mtlsgrid("serve", "--help").stdout
    for option in re.findall(r"--[a-z][a-z-]+", proc.stderr):
        assert option in help_text


def limbo_with(testcases, path):
    path.write_text(json.dumps({"version": 1, "testcases": testcases}))
    return path


def test_limbo_duplicate_ids_among_many_testcases_are_found_fast(tmp_path):
    one = json.loads(HANDWRITTEN_LIMBO.read_text())["testcases"][0]
    small = {**one, "trusted_certs": ["x"], "untrusted_intermediates": [], "peer_certificate": "x",
             "description": ""}
    many = [{**small, "id": f"many::t{i}"} for i in range(80000)] + [{**small, "id": "many::t7"}]
    # Comparing every pair took 42 s for 50,000 (so about 110 s for these); reading them and a
    # sorted check take a few seconds, so the limit is far above what the fixed program needs.
    proc = run_mtlsgrid("limbo", limbo_with(many, tmp_path / "many.json"), "--out", tmp_path / "o",
                        timeout=60)
    assert proc.returncode == 2
    assert 'testcase 80000: duplicate id "many::t7"' in proc.stderr, proc.stderr


def test_limbo_long_ids_are_kept_whole(tmp_path):
    one = json.loads(HANDWRITTEN_LIMBO.read_text())["testcases"][0]
    stem = "long::" + "x" * 1100
    ids = [stem + "-first", stem + "-second"]
    suite = limbo_with([{**one, "id": i} for i in ids], tmp_path / "long.json")
    proc = run_mtlsgrid("limbo", suite, "--out", tmp_path / "o", "--stacks", STACK, "--tls",
                        "1.3", timeout=300)
    assert proc.returncode in (0, 1), proc.stdout + proc.stderr
    cases = {json.loads(line)["case"]
             for line in (tmp_path / "o" / "results.jsonl").read_text().splitlines()}
    assert cases == {f"{i}/{STACK}-{STACK}/tls1.3/strict" for i in ids}
