"""The reports people read: junit.xml parses and matches the results, summary.md leads with
what needs attention, index.html renders its grid in a real browser without console errors,
and --baseline lists changed verdicts."""
import json
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from conftest import run_mtlsgrid


def test_junit_has_one_testcase_per_case(matrix_results):
    root = ET.parse(matrix_results["dir"] / "junit.xml").getroot()
    cases = root.findall("./testsuite/testcase")
    assert len(cases) == len(matrix_results["cases"])
    suite = root.find("testsuite")
    grades = [r["grade"] for r in matrix_results["cases"].values()]
    assert int(suite.get("tests")) == len(cases)
    assert int(suite.get("failures")) == grades.count("fail") + grades.count("xpass")
    # A known divergence is a typed skip (<skipped type="xfail">), as pytest writes it.
    assert int(suite.get("skipped")) == grades.count("skip") + grades.count("xfail") == \
        len(root.findall(".//skipped"))
    first = cases[0]
    record = matrix_results["cases"][f"{first.get('classname')}/{first.get('name')}"]
    assert record["scenario"] == first.get("classname")


def test_summary_leads_with_counts_and_the_audit(matrix_results):
    text = (matrix_results["dir"] / "summary.md").read_text()
    assert text.startswith("# mtlsgrid: ")
    assert "| grade | cases |" in text and "## Defaults audit" in text
    if any(r["grade"] == "xfail" and r["policy"] == "minimal"
           for r in matrix_results["cases"].values()):
        audit = text.split("## Defaults audit")[1].split("\n## ")[0]
        assert audit.count("\n| ") >= 2, "an xfail of the minimal policy is missing from the audit"


def test_summary_groups_divergences_and_fits_a_job_summary(matrix_results):
    """One row per divergence record, not per case, folded in <details>; under GitHub's 1 MiB
    (the cap itself is tested on a made-up report in tests/unit/reports/)."""
    path = matrix_results["dir"] / "summary.md"
    text = path.read_text()
    assert path.stat().st_size < 1 << 20
    records = {r["divergence"]["id"] for r in matrix_results["cases"].values()
               if r["grade"] == "xfail"}
    if records:
        section = text.split("## Known divergences (xfail)")[1].split("\n## ")[0]
        assert "<details>" in section and "</details>" in section
        assert section.count("\n| `") == len(records)
    assert text.index("| grade | cases |") < text.index("## Defaults audit")



def test_summary_and_html_show_the_slowest_cases(matrix_results):
    """The slowest cases that ran, slowest first, in both reports: DoS shapes stand out."""
    ran = sorted((r for r in matrix_results["cases"].values() if r["grade"] != "skip"),
                 key=lambda r: -r["ms"])
    text = (matrix_results["dir"] / "summary.md").read_text()
    section = text.split("## Slowest cases")[1].split("\n## ")[0]
    listed = [line.split("`")[1] for line in section.splitlines() if line.startswith("| `")]
    assert listed and len(listed) == min(10, len(ran))
    assert listed[0] == ran[0]["case"]
    ms = [matrix_results["cases"][c]["ms"] for c in listed]
    assert ms == sorted(ms, reverse=True) and ms[-1] >= ran[len(listed) - 1]["ms"]
    page = (matrix_results["dir"] / "index.html").read_text()
    data = json.loads(page.split('<script id="data" type="application/json">')[1]
                      .split("</script>")[0])
    assert [x["case"] for x in data["slowest"]] == listed

def test_baseline_lists_changed_verdicts(tmp_path, matrix_results):
    records = (matrix_results["dir"] / "results.jsonl").read_text().splitlines()
    chosen = json.loads(records[0])
    chosen["verdict"] = "protocol:other"
    earlier = tmp_path / "earlier.jsonl"
    earlier.write_text("\n".join([json.dumps(chosen)] + records[1:]) + "\n")
    proc = run_mtlsgrid("run", "--filter", chosen["case"], "--out", tmp_path / "out",
                        "--baseline", earlier)
    assert f"{chosen['case']}: protocol:other -> " in proc.stdout, proc.stdout + proc.stderr
    assert "1 verdicts changed" in proc.stdout
    summary = (tmp_path / "out" / "summary.md").read_text()
    assert f"| `{chosen['case']}` | `protocol:other` |" in summary


def test_baseline_that_is_not_results_exits_2(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"case": "x", "verdict": "ok"}\nnot json\n')
    proc = run_mtlsgrid("run", "--filter", "baseline/*", "--out", tmp_path / "o", "--baseline", bad)
    assert proc.returncode == 2 and f"{bad}:2:" in proc.stderr


def test_index_html_renders_in_chromium(matrix_results, tmp_path):
    browser = shutil.which("chromium")
    if not browser:
        pytest.fail("chromium is not installed: ci/deps test installs it")
    page = matrix_results["dir"] / "index.html"
    done = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr",
         "--v=0", "--virtual-time-budget=3000", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120)
    dom = done.stdout
    assert done.returncode == 0, done.stderr[-2000:]
    # One cell per case; a scenario of one TLS version (`tls = 1.3`) leaves the other
    # version's columns empty ("cell none"), with no case behind them.
    cells = dom.count('class="cell ') - dom.count('class="cell none"')
    assert cells == len(matrix_results["cases"]), "grid not rendered"
    console = [l for l in done.stderr.splitlines() if "CONSOLE" in l or "Uncaught" in l]
    assert not console, console
    scenarios = {r["scenario"] for r in matrix_results["cases"].values()}
    assert all(s in dom for s in scenarios)
