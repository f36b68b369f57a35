"""The CI-facing files, each checked by a real validator: junit.xml against Jenkins'
junit-10.xsd with xmllint, results.jsonl and run.json against the JSON Schemas in
reports/schema/ with python3-jsonschema; and the JUnit mapping CI tools rely on (xfail is a
typed skip, never a green pass), TAP 13 and CSV."""
import csv
import json
import os
import shutil
import subprocess

import xml.etree.ElementTree as ET

import jsonschema
import pytest

from conftest import ROOT, STACK_INFO, run_mtlsgrid

SCHEMA = ROOT / "reports" / "schema"
JUNIT_XSD = SCHEMA / "junit-10.xsd"


def schema_validator(name):
    schema = json.loads((SCHEMA / name).read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def validate_report_dir(out):
    """Every results.jsonl row and run.json against their schemas; junit.xml with xmllint."""
    rows = schema_validator("results-row.schema.json")
    for n, line in enumerate((out / "results.jsonl").read_text().splitlines(), 1):
        errors = sorted(rows.iter_errors(json.loads(line)), key=str)
        assert not errors, f"results.jsonl:{n}: {errors[0].message} at {list(errors[0].path)}"
    run = json.loads((out / "run.json").read_text())
    errors = list(schema_validator("run.schema.json").iter_errors(run))
    assert not errors, f"run.json: {errors[0].message}"
    xmllint = shutil.which("xmllint")
    assert xmllint, "xmllint is not installed: ci/deps test installs libxml2-utils"
    done = subprocess.run([xmllint, "--noout", "--schema", str(JUNIT_XSD), str(out / "junit.xml")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return run


def test_reports_validate_against_their_schemas(matrix_results):
    run = validate_report_dir(matrix_results["dir"])
    assert run["cases"] == len(matrix_results["cases"])
    assert [(s["name"], s["version"]) for s in run["stacks"]] == \
        [(s["name"], s["version"]) for s in STACK_INFO]
    assert run["seed"] and run["time_mode"] == "pinned"
    assert run["command_line"][1] == "run" and run["started"] <= run["ended"]


def test_results_carry_the_divergence_as_fields(matrix_results):
    for record in matrix_results["cases"].values():
        if record["grade"] in ("xfail", "xpass"):
            d = record["divergence"]
            assert d and d["id"] and d["reference"], record["case"]
            assert f"[{d['id']}]" in record["reason_text"]
        elif record["grade"] in ("pass", "skip"):
            assert record["divergence"] is None or record["grade"] == "pass", record["case"]
        assert record["client_version"] == next(
            s["version"] for s in STACK_INFO if s["name"] == record["client"])


def junit_cases(path):
    root = ET.parse(path).getroot()
    return root, root.find("testsuite"), root.findall("./testsuite/testcase")


def test_junit_marks_xfail_as_a_typed_skip(matrix_results):
    root, suite, cases = junit_cases(matrix_results["dir"] / "junit.xml")
    by_id = {f"{c.get('classname')}/{c.get('name')}": c for c in cases}
    for case_id, record in matrix_results["cases"].items():
        c = by_id[case_id]
        skipped, failure, error = c.find("skipped"), c.find("failure"), c.find("error")
        if record["grade"] == "xfail":
            assert skipped is not None and skipped.get("type") == "xfail", case_id
            assert skipped.get("message").startswith(f"[{record['divergence']['id']}] ")
        elif record["grade"] == "skip":
            assert skipped is not None and skipped.get("type") is None, case_id
        elif record["grade"] == "pass":
            assert skipped is None and failure is None and error is None, case_id
        elif record["verdict"] in ("crash", "timeout") and record["grade"] == "fail":
            assert error is not None, case_id
        else:
            assert failure is not None and failure.get("message").startswith("expected ")
    props = {p.get("name"): p.get("value") for p in suite.findall("./properties/property")}
    for s in STACK_INFO:
        assert props[f"stack.{s['name']}.version"] == s["version"]
    assert props["mtlsgrid.version"] and props["seed"] and props["time_mode"] == "pinned"
    assert suite.get("timestamp") and suite.get("hostname") is not None and suite.get("time")
    grades = [r["grade"] for r in matrix_results["cases"].values()]
    assert int(suite.get("skipped")) == grades.count("skip") + grades.count("xfail")


def test_junit_failure_and_error_elements(tmp_path):
    """A failing case reads "expected X, got Y" in <failure>; it validates too. The divergence
    records are swapped for one that cannot match, and the scenario set for one whose
    expectation is wrong on purpose."""
    scenarios = tmp_path / "scenarios"
    shutil.copytree(ROOT / "scenarios" / "catalogue", scenarios / "catalogue")
    (scenarios / "divergences").mkdir()
    baseline = scenarios / "catalogue" / "baseline.ini"
    text = baseline.read_text()
    assert "expect = ok" in text
    baseline.write_text(text.replace("expect = ok", "expect = server-rejects:expired", 1))
    out = tmp_path / "out"
    proc = run_mtlsgrid("run", "--filter", "baseline/*", "--out", out,
                        env={**os.environ, "MTLSGRID_SCENARIOS": str(scenarios)})
    assert proc.returncode == 1, proc.stdout + proc.stderr
    validate_report_dir(out)
    _, suite, cases = junit_cases(out / "junit.xml")
    failures = [c.find("failure") for c in cases if c.find("failure") is not None]
    assert failures and int(suite.get("failures")) == len(failures)
    assert failures[0].get("message").startswith("expected server-rejects:expired, got ok")


@pytest.fixture(scope="module")
def tap_csv_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("tapcsv")
    proc = run_mtlsgrid("run", "--filter", "client-eku-*", "--out", out, "--format", "tap,csv,json")
    assert proc.returncode in (0, 1), proc.stderr
    rows = [json.loads(l) for l in (out / "results.jsonl").read_text().splitlines()]
    return out, rows


def test_tap_is_version_13_with_todo_for_xfail(tap_csv_run):
    out, rows = tap_csv_run
    lines = (out / "results.tap").read_text().splitlines()
    assert lines[0] == "TAP version 13" and lines[1] == f"1..{len(rows)}"
    results = [l for l in lines if l.startswith(("ok ", "not ok "))]
    assert len(results) == len(rows)
    for n, (line, row) in enumerate(zip(results, rows), 1):
        assert f"ok {n} - {row['case']}" in line
        if row["grade"] == "xfail":
            assert line.startswith("not ok") and f"# TODO [{row['divergence']['id']}]" in line
        elif row["grade"] == "skip":
            assert line.startswith("ok") and "# SKIP" in line
        elif row["grade"] == "pass":
            assert line == f"ok {n} - {row['case']}"
    assert not (out / "junit.xml").exists(), "--format tap,csv,json wrote junit.xml"


def test_csv_has_one_row_per_case(tap_csv_run):
    out, rows = tap_csv_run
    with open(out / "results.csv", newline="") as f:
        table = list(csv.DictReader(f))
    assert [r["case"] for r in table] == [r["case"] for r in rows]
    assert [r["grade"] for r in table] == [r["grade"] for r in rows]


def test_unknown_format_names_the_known_ones(tmp_path):
    proc = run_mtlsgrid("run", "--filter", "baseline/*", "--out", tmp_path, "--format", "xml")
    assert proc.returncode == 2
    assert '--format: unknown report "xml"' in proc.stderr and "tap, csv" in proc.stderr
