"""Session resumption (RFC 8446 2.2 and 4.6.1, RFC 5077): the client-resumption-* scenarios on
every pairing of the stacks that have the capability. The second connection is the one graded,
and the test holds the driver to having really resumed it: both sides must say so (the detail's
"second connection resumed: client yes, server yes"), so a ticket that is never issued, offered
or taken fails here rather than passing as a full handshake. A stack without the capability is
a skip that names it."""
import json

import pytest

from conftest import STACKS, run_mtlsgrid, stack_has

CAPABLE = [s for s in STACKS if stack_has(s, "resumption")]
VERSIONS = ["1.2", "1.3"]
RESUMED = "second connection resumed: client yes, server yes"


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    out = tmp_path_factory.mktemp("resumption")
    proc = run_mtlsgrid("run", "--filter", "client-resumption-*", "--policy", "strict", "--out",
                        out)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    records = [json.loads(line) for line in (out / "results.jsonl").read_text().splitlines()]
    return {r["case"]: r for r in records}


def cases(results, scenario):
    for client in CAPABLE:
        for server in CAPABLE:
            for tls in VERSIONS:
                case = f"{scenario}/{client}-{server}/tls{tls}/strict"
                yield case, results.get(case)


def test_resumed_connection_keeps_the_client(results):
    problems = []
    for case, r in cases(results, "client-resumption-keeps-identity"):
        if r is None:
            problems.append(f"{case}: no result")
        elif r["verdict"] != "ok" or r["grade"] != "pass" or RESUMED not in r["reason_text"]:
            problems.append(f"{case}: {r['verdict']} ({r['grade']}): {r['reason_text']}")
        elif "session saved and offered" not in r["reason_text"]:
            problems.append(f"{case}: no session offered: {r['reason_text']}")
    assert not problems, "\n".join(problems)


def test_tls13_resumed_server_still_holds_the_client_certificate(results):
    problems = []
    for case, r in cases(results, "client-resumption-keeps-identity"):
        if r is not None and "/tls1.3/" in case and \
                not r["reason_text"].endswith("server peer certificate: yes"):
            problems.append(f"{case}: {r['reason_text']}")
    assert not problems, "\n".join(problems)


def test_stricter_server_is_graded_on_the_second_connection(results):
    """Every server here resumes the old ticket under its stricter trust: each such case is a
    recorded divergence (xfail, verdict ok) whose detail shows the resumption; a case that
    rejects must have run the second connection too."""
    problems = []
    for case, r in cases(results, "client-resumption-stricter-server"):
        if r is None:
            problems.append(f"{case}: no result")
        elif "first connection ok" not in r["reason_text"]:
            problems.append(f"{case}: the first connection did not complete: {r['reason_text']}")
        elif r["grade"] == "xfail":
            if r["verdict"] != "ok" or RESUMED not in r["reason_text"]:
                problems.append(f"{case}: xfail without a resumption: {r['reason_text']}")
        elif r["grade"] != "pass" or r["verdict"] != "server-rejects:unknown-ca":
            problems.append(f"{case}: {r['verdict']} ({r['grade']}): {r['reason_text']}")
    assert not problems, "\n".join(problems)


def test_a_stack_without_the_capability_is_a_skip(results):
    lacking = [s for s in STACKS if s not in CAPABLE]
    if not lacking:
        pytest.skip("every stack of this build has resumption")
    for case, r in results.items():
        client, server = case.split("/")[1].split("-")
        if client in lacking or server in lacking:
            assert r["grade"] == "skip", r
            assert "resumption" in r["reason_text"], r
