"""TLS 1.3 post-handshake authentication (RFC 8446 4.6.2): the client-pha-* scenarios on every pairing
of the stacks that have the capability, for the exact verdict; no TLS 1.2 case is listed (the
scenarios say `tls = 1.3`); the server asks only a client that offered post_handshake_auth; and
a stack without the capability is a skip that names it."""
import json

import pytest

from conftest import STACKS, list_cases, run_mtlsgrid, stack_has

CAPABLE = [s for s in STACKS if stack_has(s, "post-handshake-auth")]

# scenario -> (verdict, whether the server's post-handshake CertificateRequest goes out)
EXPECTED = {
    "client-pha-ok": ("ok", True),
    "client-pha-not-offered": ("ok", False),
    "client-pha-no-cert": ("server-rejects:no-certificate", True),
    "client-pha-eku-serverauth": ("server-rejects:bad-purpose", True),
    "client-pha-untrusted-root": ("server-rejects:unknown-ca", True),
}


@pytest.fixture(scope="module")
def pha_results(tmp_path_factory):
    out = tmp_path_factory.mktemp("pha")
    proc = run_mtlsgrid("run", "--filter", "client-pha-*", "--policy", "strict", "--out", out)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    records = [json.loads(line) for line in (out / "results.jsonl").read_text().splitlines()]
    return {r["case"]: r for r in records}


def test_no_tls12_case_is_listed():
    cases = list_cases("--filter", "client-pha-*")
    assert cases and all("/tls1.3/" in c for c in cases), cases


@pytest.mark.parametrize("scenario", sorted(EXPECTED))
def test_pha_scenario_on_every_capable_pairing(scenario, pha_results):
    verdict, request_sent = EXPECTED[scenario]
    problems = []
    for client in CAPABLE:
        for server in CAPABLE:
            case = f"{scenario}/{client}-{server}/tls1.3/strict"
            r = pha_results.get(case)
            if r is None:
                problems.append(f"{case}: no result")
                continue
            words = "post-handshake CertificateRequest " + ("sent" if request_sent else "not sent")
            if r["verdict"] != verdict or r["grade"] != "pass" or words not in r["reason_text"]:
                problems.append(f"{case}: {r['verdict']} ({r['grade']}): {r['reason_text']}")
    assert not problems, "\n".join(problems)


def test_a_stack_without_the_capability_is_a_skip(pha_results):
    lacking = [s for s in STACKS if s not in CAPABLE]
    if not lacking:
        pytest.skip("every stack of this build has post-handshake-auth")
    for case, r in pha_results.items():
        client, server = case.split("/")[1].split("-")
        if server in lacking:
            assert r["grade"] == "skip", r
            assert "post-handshake" in r["reason_text"], r
