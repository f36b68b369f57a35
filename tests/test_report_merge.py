"""mtlsgrid report --from: the shards of one matrix merge back into the report of the whole
run; runs against another version of a stack stand side by side; overlapping or inconsistent
inputs are refused with exit 2 and a message naming the file."""
import json
import shutil

import pytest

from conftest import STACK_INFO, run_mtlsgrid
from test_report_formats import validate_report_dir

COMPARED = ("verdict", "grade", "expected", "scenario", "client", "server", "tls", "policy",
            "divergence", "reason_text")


def read_rows(path):
    return [json.loads(l) for l in path.read_text().splitlines()]


@pytest.fixture(scope="module")
def shards(tmp_path_factory, matrix_results):
    """The whole matrix in two shards, on the matrix the whole run used."""
    base = tmp_path_factory.mktemp("shards")
    dirs = []
    for k in (1, 2):
        out = base / f"shard{k}"
        proc = run_mtlsgrid("run", "--shard", f"{k}/2", "--out", out,
                            "--matrix", matrix_results["dir"] / "matrix")
        assert proc.returncode in (0, 1), proc.stderr
        dirs.append(out)
    return dirs


def test_shards_merge_into_the_whole_run(shards, matrix_results, tmp_path):
    out = tmp_path / "merged"
    proc = run_mtlsgrid("report", "--from", *shards, "--out", out)
    assert proc.returncode == matrix_results["exit"], proc.stdout + proc.stderr
    run = validate_report_dir(out)
    assert run["merged_from"] == [str(d) for d in shards]
    merged = {r["case"]: r for r in read_rows(out / "results.jsonl")}
    assert merged.keys() == matrix_results["cases"].keys()
    for case, whole in matrix_results["cases"].items():
        assert {k: merged[case][k] for k in COMPARED} == {k: whole[k] for k in COMPARED}, case
    assert run["grades"] == {g: sum(r["grade"] == g for r in merged.values())
                             for g in ("pass", "fail", "xfail", "xpass", "skip")}
    for name in ("junit.xml", "summary.md", "index.html"):
        assert (out / name).stat().st_size > 0
    summary = (out / "summary.md").read_text()
    assert f"**{len(merged)} cases**" in summary


def test_overlapping_inputs_are_refused(shards, tmp_path):
    proc = run_mtlsgrid("report", "--from", shards[0], shards[0], "--out", tmp_path / "o")
    assert proc.returncode == 2
    assert f"{shards[0]}/results.jsonl:" in proc.stderr and "overlapping" in proc.stderr
    assert not (tmp_path / "o" / "results.jsonl").exists()


def copy_of(shard, tmp_path, name):
    copy = tmp_path / name
    shutil.copytree(shard, copy, ignore=shutil.ignore_patterns("matrix", "work"))
    return copy


def test_another_seed_is_inconsistent(shards, tmp_path):
    other = copy_of(shards[1], tmp_path, "other-seed")
    run = json.loads((other / "run.json").read_text())
    run["seed"] = "another"
    (other / "run.json").write_text(json.dumps(run))
    proc = run_mtlsgrid("report", "--from", shards[0], other, "--out", tmp_path / "o")
    assert proc.returncode == 2 and f"{other}/run.json" in proc.stderr, proc.stderr
    assert "seed" in proc.stderr


def test_a_folder_without_run_json_is_refused(shards, tmp_path):
    bare = copy_of(shards[1], tmp_path, "bare")
    (bare / "run.json").unlink()
    proc = run_mtlsgrid("report", "--from", shards[0], bare, "--out", tmp_path / "o")
    assert proc.returncode == 2 and f"{bare}/run.json" in proc.stderr, proc.stderr


def test_a_bad_row_names_file_and_line(shards, tmp_path):
    bad = copy_of(shards[1], tmp_path, "bad")
    lines = (bad / "results.jsonl").read_text().splitlines()
    lines[2] = '{"case": "half a record"}'
    (bad / "results.jsonl").write_text("\n".join(lines) + "\n")
    proc = run_mtlsgrid("report", "--from", shards[0], bad, "--out", tmp_path / "o")
    assert proc.returncode == 2 and f"{bad}/results.jsonl:3:" in proc.stderr, proc.stderr


def test_other_stack_versions_stand_side_by_side(shards, tmp_path):
    """The same shard as if run against another version of the first stack: its cases are
    named stack@version, so they sit beside the originals instead of overlapping."""
    stack = STACK_INFO[0]
    other = copy_of(shards[0], tmp_path, "other-version")
    run = json.loads((other / "run.json").read_text())
    for s in run["stacks"]:
        if s["name"] == stack["name"]:
            s["version"] = "0.0.0-test"
    (other / "run.json").write_text(json.dumps(run))
    rows = read_rows(other / "results.jsonl")
    for r in rows:
        for side in ("client", "server"):
            if r[side] == stack["name"]:
                r[f"{side}_version"] = "0.0.0-test"
    (other / "results.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "side-by-side"
    proc = run_mtlsgrid("report", "--from", shards[0], other, "--out", out)
    assert proc.returncode in (0, 1), proc.stderr
    merged = read_rows(out / "results.jsonl")
    involved = [r for r in rows if stack["name"] in (r["client"], r["server"])]
    # The cases without the stack are the same in both inputs and kept once.
    assert len(merged) == len(rows) + len(involved)
    assert len({r["case"] for r in merged}) == len(merged)
    renamed = [r for r in merged if f"{stack['name']}@0.0.0-test" in (r["client"], r["server"])]
    assert renamed and all(f"{stack['name']}@0.0.0-test" in r["case"] for r in renamed)
    versions = json.loads((out / "run.json").read_text())["stacks"]
    assert {"name": stack["name"], "version": "0.0.0-test"} in versions
    assert {"name": stack["name"], "version": stack["version"]} in versions
    validate_report_dir(out)
