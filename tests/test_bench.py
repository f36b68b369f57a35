"""`mtlsgrid bench` as a smoke run: the shape of its output and its errors, never a timing.

The floor (../shared/bench/floor beside the repository) is used when it is there; the tests
that need it, or its mkcerts.sh, are skipped when it is not.
"""
import json

import pytest

from conftest import ROOT, STACKS, run_mtlsgrid

FLOOR = ROOT.parent / "shared" / "bench" / "floor"
PAIRINGS = {(client, server) for client in STACKS for server in STACKS}


def _json_lines(proc):
    assert proc.returncode == 0, proc.stderr
    return [json.loads(line) for line in proc.stdout.splitlines()]


def test_json_has_one_line_per_pairing_with_the_fields():
    rows = _json_lines(run_mtlsgrid("bench", "--n", "20", "--json", "--process", "2"))
    assert {(r["client"], r["server"]) for r in rows} == PAIRINGS and len(rows) == len(PAIRINGS)
    for r in rows:
        assert r["tls"] == "1.3" and r["jobs"] == 1 and r["n"] == 20
        assert isinstance(r["per_s"], float) and r["per_s"] > 0
        assert r["cpu_us_per_handshake"] > 0
        assert r["process_per_s"] > 0
        assert r["vs_process"] == pytest.approx(r["per_s"] / r["process_per_s"], rel=1e-3)
        if FLOOR.exists():
            assert r["floor_per_s"] > 0
            assert r["vs_floor"] == pytest.approx(r["per_s"] / r["floor_per_s"], rel=1e-3)


def test_one_stack_tls12_two_jobs_without_references():
    rows = _json_lines(run_mtlsgrid("bench", "--stack", "gnutls", "--tls", "1.2", "--jobs", "2",
                                    "--n", "12", "--json", "--floor", "none", "--process", "0"))
    assert len(rows) == 1
    r = rows[0]
    assert (r["client"], r["server"], r["tls"], r["jobs"], r["n"]) == \
        ("gnutls", "gnutls", "1.2", 2, 12)
    assert r["per_s"] > 0 and r["floor_per_s"] is None and r["process_per_s"] is None


def test_text_table_names_the_pairing_and_the_references():
    proc = run_mtlsgrid("bench", "--stack", "openssl-gnutls", "--n", "8", "--floor", "none",
                        "--process", "1")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("bench: scenario baseline")
    assert any(l.startswith("process per case (openssl s_server + openssl s_client, 1 cases)")
               for l in lines)
    row = lines[-1].split()
    assert row[:2] == ["openssl", "gnutls"] and float(row[2]) > 0 and row[3] == "-"
    assert float(row[4]) > 0 and float(row[5]) > 0


@pytest.mark.skipif(not (FLOOR.parent / "mkcerts.sh").exists(), reason="no floor beside the repo")
def test_floor_certificates_run_through_the_harness():
    rows = _json_lines(run_mtlsgrid("bench", "--certs", "floor", "--stack", "openssl", "--n", "8",
                                    "--json", "--floor", "none", "--process", "1"))
    assert len(rows) == 1 and rows[0]["per_s"] > 0 and rows[0]["process_per_s"] > 0


def test_a_floor_that_prints_rates_is_parsed(tmp_path):
    fake = tmp_path / "floor"
    line = 'echo "{} tls$2 mtls in-memory: $1 handshakes in 0.5 s = {}/s (1 us each)"\n'
    fake.write_text("#!/bin/sh\necho 'building...'\n" + line.format("openssl", 1000) +
                    line.format("gnutls", 400))
    fake.chmod(0o755)
    rows = _json_lines(run_mtlsgrid("bench", "--n", "4", "--json", "--floor", fake,
                                    "--process", "0"))
    floors = {(r["client"], r["server"]): r["floor_per_s"] for r in rows}
    assert floors[("openssl", "openssl")] == 1000 and floors[("gnutls", "gnutls")] == 400
    assert floors[("openssl", "gnutls")] == pytest.approx(2 / (1 / 1000 + 1 / 400))


def test_process_tools_of_a_named_stack():
    rows = _json_lines(run_mtlsgrid("bench", "--stack", "openssl", "--n", "2", "--json",
                                    "--floor", "none", "--process", "1",
                                    "--process-tools", "openssl"))
    assert len(rows) == 1 and rows[0]["process_per_s"] > 0


@pytest.mark.parametrize("args,named", [
    (["--process-tools", "nosuchstack"], "--process-tools"),
    (["--process-tools", "gnutls"], "gnutls"),
    (["--tls", "1.1"], "--tls"),
    (["--stack", "nosuchstack"], "--stack"),
    (["--certs", "mine"], "--certs"),
    (["--n", "0"], "--n"),
    (["--jobs", "0"], "--jobs"),
    (["--floor", "/nonexistent/floor"], "/nonexistent/floor"),
    (["-n", "5"], "-n"),
])
def test_bad_input_exits_2_naming_it(args, named):
    proc = run_mtlsgrid("bench", *args, "--process", "0")
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert named in proc.stderr and proc.stderr.count("\n") == 1


def test_a_floor_that_fails_exits_2(tmp_path):
    fake = tmp_path / "floor"
    fake.write_text("#!/bin/sh\necho 'no compiler' >&2\nexit 3\n")
    fake.chmod(0o755)
    proc = run_mtlsgrid("bench", "--n", "2", "--floor", fake, "--process", "0")
    assert proc.returncode == 2 and str(fake) in proc.stderr


def test_help_says_n_is_long_only():
    proc = run_mtlsgrid("bench", "--help")
    text = " ".join(proc.stdout.split())  # the option's help may wrap
    assert proc.returncode == 0 and "--n N" in text and "-n is not accepted" in text


def test_a_crash_or_hang_inside_a_batch_leaves_the_rest_of_the_batch_to_run(tmp_path):
    """With one job the group of a scenario's pairings goes to the worker as one batch: the
    cases after the crash, and after the hang, are handed to a fresh worker, not lost."""
    group = "baseline/*/tls1.2/strict"
    first, last = STACKS[0], STACKS[-1]
    crash, hang = (f"baseline/{first}-{first}/tls1.2/strict",
                   f"baseline/{last}-{first}/tls1.2/strict")
    proc = run_mtlsgrid("run", "--filter", group, "--jobs", "1", "--timeout", "1", "--out",
                        tmp_path, "--format", "json",
                        env={"MTLSGRID_FAULT": f"crash:{crash};hang:{hang}",
                             "PATH": "/usr/bin:/bin",
                             "ASAN_OPTIONS": "handle_abort=0:detect_leaks=0"})
    records = {json.loads(l)["case"]: json.loads(l)
               for l in (tmp_path / "results.jsonl").read_text().splitlines()}
    assert proc.returncode == 1
    assert records.pop(crash)["verdict"] == "crash"
    assert records.pop(hang)["verdict"] == "timeout"
    assert sorted(records) == sorted(f"baseline/{c}-{s}/tls1.2/strict" for c, s in PAIRINGS
                                     if f"baseline/{c}-{s}/tls1.2/strict" not in (crash, hang))
    assert all(r["verdict"] == "ok" for r in records.values())
