"""One test per matrix case: the case must grade pass, xfail (a recorded divergence, with its
reason) or skip (the stack cannot express it, with the reason). fail and xpass fail the test."""
import pytest

from conftest import list_cases

CASES = list_cases()


@pytest.mark.parametrize("case", CASES)
def test_case(case, matrix_results):
    record = matrix_results["cases"].get(case)
    assert record is not None, f"{case} is listed but has no result"
    detail = (f"expected {record['expected']}, got {record['verdict']}: "
              f"{record['reason_text']}")
    assert record["grade"] in ("pass", "xfail", "skip"), f"{record['grade']}: {detail}"
    if record["grade"] == "pass":
        assert record["verdict"] in record["expected"], detail
    else:
        assert record["reason_text"], f"{record['grade']} without a reason"


def test_results_have_the_contract_fields(matrix_results):
    fields = {"case", "scenario", "client", "server", "tls", "policy", "expected", "verdict",
              "grade", "reason_text", "ms"}
    for record in matrix_results["cases"].values():
        assert fields <= record.keys(), record
        client_server = f"{record['client']}-{record['server']}"
        assert record["case"] == (f"{record['scenario']}/{client_server}/tls{record['tls']}/"
                                  f"{record['policy']}")


def test_run_writes_every_report(matrix_results):
    out = matrix_results["dir"]
    for name in ("results.jsonl", "junit.xml", "summary.md", "index.html"):
        assert (out / name).stat().st_size > 0, name
    assert not list(out.glob("*.partial")), "a report was left half-written"
    assert len(matrix_results["cases"]) == len(CASES)


def test_exit_status_follows_grades(matrix_results):
    bad = [c for c, r in matrix_results["cases"].items() if r["grade"] in ("fail", "xpass")]
    assert matrix_results["exit"] == (1 if bad else 0)
