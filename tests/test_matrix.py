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
    assert not list(out.glob("*.partial*")), "a report was left half-written"
    assert len(matrix_results["cases"]) == len(CASES)


def test_exit_status_follows_grades(matrix_results):
    bad = [c for c, r in matrix_results["cases"].items() if r["grade"] in ("fail", "xpass")]
    assert matrix_results["exit"] == (1 if bad else 0)


def test_sides_say_who_saw_what(matrix_results):
    """results.jsonl's sides agree with the verdict: the rejecting side says rejected-peer with
    the verdict's reason, and (graded pass) its alert is the one its peer received; a side that
    could not start says setup-failed; ok means both completed without an alert."""
    problems = []
    for case, r in matrix_results["cases"].items():
        sides, verdict = r["sides"], r["verdict"]
        if verdict is None:
            if sides is not None:
                problems.append(f"{case}: skipped, yet sides {sides}")
            continue
        kind, _, reason = verdict.partition(":")
        client, server = sides["client"], sides["server"]
        if kind == "ok":
            if any(s["state"] != "ok" or s["alert_sent"] for s in (client, server)):
                problems.append(f"{case}: ok, yet {sides}")
        elif kind in ("client-rejects", "server-rejects"):
            judge, peer = (client, server) if kind == "client-rejects" else (server, client)
            if judge["state"] != "rejected-peer" or judge["reason"] != reason:
                problems.append(f"{case}: {verdict}, yet the judge says {judge}")
            if r["grade"] == "pass" and (not judge["alert_sent"]
                                         or peer["alert_received"] != judge["alert_sent"]):
                problems.append(f"{case}: the peer did not see the alert: {sides}")
        elif kind in ("client-error", "server-error"):
            side = client if kind == "client-error" else server
            if side["state"] != "setup-failed" or side["reason"] != reason:
                problems.append(f"{case}: {verdict}, yet {side}")
    assert not problems, "\n".join(problems[:20])
