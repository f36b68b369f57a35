"""mtlsgrid compare on real runs: the same cases twice agree (exit 0); a run graded without one
divergence record differs from one graded with it, as one line for that stack and record plus a
row per case (exit 1); cases only one run has are listed as such; the HTML is the grid with A's
and B's cells side by side; a file that is not a results.jsonl is exit 2 naming it and the
line, and --out never writes over the user's files."""
import json
import os
import re
import shutil
import subprocess

import pytest

from conftest import ROOT, STACKS, run_mtlsgrid
from test_report_html import chromium

# One OpenSSL record of the defaults audit, and the scenario that shows it: an OpenSSL client
# under the minimal policy falls back to the CN of a server certificate without a SAN.
RECORD = "openssl-minimal-client-falls-back-to-cn"
SCENARIO = "server-no-san"


def data_without_record(tmp_path, record):
    """A copy of the data folder (catalogue and divergences) with one record taken out."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "scenarios" / "catalogue", data / "catalogue")
    shutil.copytree(ROOT / "scenarios" / "divergences", data / "divergences")
    path = data / "divergences" / "openssl.ini"
    text = path.read_text()
    start = text.index(f"[{record}]\n")
    end = text.find("\n[", start + 1)
    path.write_text(text[:start] + (text[end + 1:] if end >= 0 else ""))
    return data


@pytest.fixture(scope="module")
def runs(tmp_path_factory, matrix_dir):
    """The same scenario run twice on one matrix: with every record (a) and without RECORD
    (b), plus a run of more scenarios (wide) for the cases only one run has."""
    base = tmp_path_factory.mktemp("compare")
    out = {}
    for name, filt, env in (("a", f"{SCENARIO}/*", None),
                            ("b", f"{SCENARIO}/*", data_without_record(base, RECORD)),
                            ("wide", f"{SCENARIO}/*,baseline/*", None)):
        folder = base / name
        extra = {"env": {**os.environ, "MTLSGRID_DATA": str(env)}} if env else {}
        proc = run_mtlsgrid("run", "--filter", filt, "--matrix", matrix_dir, "--out", folder,
                            "--format", "json", **extra)
        assert proc.returncode in (0, 1), proc.stdout + proc.stderr
        out[name] = folder / "results.jsonl"
    return out


def rows(path):
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_a_run_compared_with_itself_agrees(runs):
    proc = run_mtlsgrid("compare", runs["a"], runs["a"])
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.startswith("# mtlsgrid compare: the runs agree")
    n = len(rows(runs["a"]))
    assert f"{n} cases in both agree, 0 differ" in proc.stdout


def test_a_record_taken_away_is_one_line_for_its_stack(runs):
    shown = [r for r in rows(runs["a"]) if r["divergence"] and r["divergence"]["id"] == RECORD]
    assert shown, "the record applies to no case of the run: choose another"
    b = {r["case"]: r for r in rows(runs["b"])}
    assert all(b[r["case"]]["grade"] == "fail" and b[r["case"]]["verdict"] == r["verdict"]
               for r in shown)
    proc = run_mtlsgrid("compare", runs["a"], runs["b"])
    assert proc.returncode == 1, proc.stdout + proc.stderr
    md = proc.stdout
    assert f"# mtlsgrid compare: {len(shown)} cases differ" in md
    version = shown[0]["client_version"]
    assert f"### openssl {version} (the same version in both runs)" in md
    lines = [l for l in md.splitlines() if l.startswith("- ")]
    assert len(lines) == 1, lines
    servers = sorted({r["server"] for r in shown})
    every = "every" if len(servers) == len(STACKS) else "the"
    assert lines[0] == (f"- as client, **is graded otherwise** `{SCENARIO}`: "
                        f"`{shown[0]['verdict']}`, graded xfail [{RECORD}] → fail; "
                        f"{len(shown)} cases: {every} server ({', '.join(servers)}); TLS 1.2, "
                        "1.3; minimal")
    for r in shown:
        assert (f"| `{r['case']}` | `{r['verdict']}` xfail `{RECORD}` | `{r['verdict']}` fail |"
                in md), r["case"]
    head = re.search(r"^\| case \| A: (.*) \| B: (.*) \|$", md, re.M)
    assert head and f"openssl {version}" in head.group(1) and f"openssl {version}" in head.group(2)


def test_cases_in_one_run_only_are_listed(runs):
    proc = run_mtlsgrid("compare", runs["a"], runs["wide"])
    assert proc.returncode == 1, proc.stdout + proc.stderr
    only = sorted({r["case"] for r in rows(runs["wide"])} - {r["case"] for r in rows(runs["a"])})
    assert only and all(c.startswith("baseline/") for c in only)
    assert f"0 only in A, {len(only)} only in B" in proc.stdout
    section = proc.stdout.split(f"## Only in B ({len(only)})")[1]
    assert [l.split("`")[1] for l in section.splitlines() if l.startswith("| `")] == only


def test_out_writes_markdown_html_and_json(runs, tmp_path):
    out = tmp_path / "cmp"
    proc = run_mtlsgrid("compare", runs["a"], runs["b"], "--out", out)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert (out / "compare.md").read_text() == run_mtlsgrid("compare", runs["a"], runs["b"]).stdout
    doc = json.loads((out / "compare.json").read_text())
    assert doc["agree"] is False and len(doc["groups"]) == 1
    group = doc["groups"][0]
    assert (group["kind"], group["stack"], group["role"], group["scenario"]) == (
        "same-verdict", "openssl", "client", SCENARIO)
    assert group["a"]["divergence"] == RECORD and group["b"]["divergence"] is None
    assert len(group["cases"]) == len(doc["changed"])
    # the grid: one cell for A and one for B per case that differs, in columns of their own
    dom = chromium(tmp_path, (out / "compare.html").as_uri(), "--dump-dom")
    assert dom.count('class="cell ') >= 2 * len(doc["changed"])
    cells = re.findall(r'<td[^>]*data-case="([^"]+)"', dom)
    assert len(cells) == 2 * len(doc["changed"])
    assert all(c.endswith(" (A)") or c.endswith(" (B)") for c in cells)
    assert "is graded otherwise" in dom

    only_md = tmp_path / "md-only"
    proc = run_mtlsgrid("compare", runs["a"], runs["b"], "--out", only_md, "--format", "md")
    assert proc.returncode == 1 and sorted(p.name for p in only_md.iterdir()
                                           if not p.name.startswith(".")) == ["compare.md"]


def test_not_a_results_file_is_exit_2_naming_file_and_line(runs, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(runs["a"].read_text().splitlines()[0] + "\n{\"case\": \"x\"}\n")
    proc = run_mtlsgrid("compare", runs["a"], bad)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert f"{bad}:2:" in proc.stderr and "not a results.jsonl record" in proc.stderr
    assert proc.stdout == ""
    garbage = tmp_path / "garbage.jsonl"
    garbage.write_text("not json\n")
    proc = run_mtlsgrid("compare", garbage, runs["a"])
    assert proc.returncode == 2 and f"{garbage}:1:" in proc.stderr, proc.stderr
    proc = run_mtlsgrid("compare", runs["a"], tmp_path)
    assert proc.returncode == 2 and str(tmp_path) in proc.stderr, proc.stderr
    twice = tmp_path / "twice.jsonl"
    line = runs["a"].read_text().splitlines()[0]
    twice.write_text(f"{line}\n{line}\n")
    proc = run_mtlsgrid("compare", twice, runs["a"])
    assert proc.returncode == 2 and str(twice) in proc.stderr and "twice" in proc.stderr


def test_bad_usage_is_exit_2(runs, tmp_path):
    for args, said in ((["compare", runs["a"]], "B/results.jsonl"),
                       (["compare", runs["a"], runs["b"], "--format", "md"], "--out"),
                       (["compare", runs["a"], runs["b"], "--out", tmp_path / "o", "--format",
                         "pdf"], '"pdf"')):
        proc = run_mtlsgrid(*args)
        assert proc.returncode == 2, (args, proc.stdout, proc.stderr)
        assert said in proc.stderr and proc.stdout == "", proc.stderr
    assert not (tmp_path / "o").exists()


def test_out_folder_of_the_user_is_not_written(runs, tmp_path):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "compare.md").write_text("my notes\n")
    proc = run_mtlsgrid("compare", runs["a"], runs["b"], "--out", mine)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert str(mine) in proc.stderr
    assert (mine / "compare.md").read_text() == "my notes\n"
    assert sorted(p.name for p in mine.iterdir()) == ["compare.md"]


def test_limbo_runs_compare_too(tmp_path):
    """limbo's results.jsonl (expected "client-rejects:", any reason) reads like run's."""
    suite = ROOT / "tests" / "limbo" / "mtlsgrid.json"
    folders = {}
    for name, tls in (("both", "1.2,1.3"), ("tls13", "1.3")):
        folders[name] = tmp_path / name
        proc = run_mtlsgrid("limbo", suite, "--out", folders[name], "--tls", tls, "--jobs", 2)
        assert proc.returncode == 0, proc.stdout + proc.stderr
    both, tls13 = (folders[n] / "results.jsonl" for n in ("both", "tls13"))
    proc = run_mtlsgrid("compare", both, both)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    proc = run_mtlsgrid("compare", both, tls13)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    only = [r["case"] for r in rows(both) if r["tls"] == "1.2"]
    assert only and f"0 differ (in verdict, grade or the record that explains it); {len(only)} " \
                    "only in A, 0 only in B" in proc.stdout


BUILT = os.environ.get("MTLSGRID_VERSION_BUILT", "")
BUILT_BIN = os.environ.get("MTLSGRID_VERSION_BIN", "")
SEEN_SCENARIO = ("[x]\nfamily = f\nsummary = s\nstandard = RFC 5280\nexpect = ok\n"
                 "server.cert = server\nclient.cert = client\n")
SEEN_RECORD = ("[seen]\nstack = {stack}\nside = client\nscenario = x\ntls = *\npolicy = *\n"
               "versions = >={version}\nverdict = ok\nreason = r\nreference = RFC 8446\n")


@pytest.mark.skipif(not (BUILT and BUILT_BIN),
                    reason="no other stack version built (ci/test builds one)")
def test_two_versions_of_a_stack_side_by_side(tmp_path, mtlsgrid_bin):
    """The system's binary and one linked against another version of a stack (ci/test builds
    it), on a record scoped to that version: the comparison is headed by both versions and
    says which grades the version changed."""
    stack, version = BUILT.split("=")
    folder = tmp_path / "scenarios"
    (folder / "catalogue").mkdir(parents=True)
    (folder / "divergences").mkdir()
    (folder / "catalogue" / "x.ini").write_text(SEEN_SCENARIO)
    (folder / "divergences" / "d.ini").write_text(SEEN_RECORD.format(stack=stack, version=version))
    for name, binary in (("system", mtlsgrid_bin), ("built", BUILT_BIN)):
        done = subprocess.run([binary, "run", "--stacks", stack, "--scenarios", folder, "--out",
                               tmp_path / name], capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stdout + done.stderr
    system = rows(tmp_path / "system" / "results.jsonl")
    old = system[0]["client_version"]
    assert old != version
    proc = run_mtlsgrid("compare", tmp_path / "system" / "results.jsonl",
                        tmp_path / "built" / "results.jsonl")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert f"| stacks | {stack} {old} | {stack} {version} |" in proc.stdout
    assert f"### {stack} {old} → {version}\n" in proc.stdout
    lines = [l for l in proc.stdout.splitlines() if l.startswith("- ")]
    assert lines == [f"- **is graded otherwise** `x`: `ok`, graded pass → xfail [seen]; "
                     f"{len(system)} cases: TLS 1.2, 1.3; minimal, strict"]
