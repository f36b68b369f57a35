"""Each catalogue family, checked on every case of at least one of its scenarios: all four
client-server pairings, TLS 1.2 and 1.3, strict and minimal, for the exact verdict (not only the
grade), the grade, and for an xfail the divergence that explains it. Also the catalogue's size,
its share of client-certificate scenarios, and every scenario id DESIGN.md fixes."""
import pathlib
import re

import pytest

from conftest import ROOT, list_cases

STACKS = ("openssl", "gnutls")
TLS = ("1.2", "1.3")
POLICIES = ("strict", "minimal")

# DESIGN.md's fixed ids (section "Scenario catalogue"); checked against DESIGN.md when present.
DESIGN_IDS = """
baseline baseline-rsa2048 baseline-p384 baseline-ed25519 client-p12
client-eku-serverauth server-eku-clientauth client-eku-codesigning client-eku-both client-no-eku
client-eku-any client-ku-no-digitalsignature intermediate-eku-mismatch
server-no-san server-san-mismatch server-san-wildcard server-san-wildcard-deep server-san-ip
server-ip-as-dns-san server-cn-mismatch-san-ok
client-expired server-expired client-not-yet-valid server-not-yet-valid intermediate-expired
root-expired
client-revoked-crl server-revoked-crl intermediate-revoked-crl crl-expired server-ocsp-good
server-ocsp-revoked
client-missing-intermediate server-missing-intermediate client-chain-unordered
client-untrusted-root client-from-server-ca client-self-signed server-self-signed
intermediate-not-ca intermediate-no-basic-constraints intermediate-no-keycertsign pathlen-exceeded
name-constraints-violation client-bad-signature
client-rsa1024 client-sha1-signed client-critical-unknown-extension
client-no-cert-required client-no-cert-optional client-key-mismatch client-impostor
client-p12-wrong-password
""".split()


def rejects(reason):
    return lambda client, server, tls, policy: reason


def same(verdict):
    return lambda client, server, tls, policy: verdict


def plaintext_alert(client, server, tls, policy):
    """An OpenSSL TLS 1.3 client's rejection never reaches a GnuTLS server (alert record)."""
    return client == "openssl" and server == "gnutls" and tls == "1.3"


# scenario -> (family, expected verdict of a case, {divergence id: which cases it explains}).
# A verdict of None is a skip. Divergence predicates take (client, server, tls, policy).
FAMILY_CASES = {
    "baseline": ("baseline", same("ok"), {}),
    "client-eku-serverauth": (
        "purpose",
        lambda c, s, t, p: "ok" if s == "gnutls" and p == "minimal"
        else "server-rejects:bad-purpose",
        {"gnutls-minimal-server-skips-client-eku": lambda c, s, t, p: s == "gnutls"
         and p == "minimal"},
    ),
    "server-ku-no-digitalsignature": (
        "purpose",
        lambda c, s, t, p: "protocol:other" if t == "1.2" or s == "gnutls"
        else "ok" if c == "openssl" else "client-rejects:bad-key-usage",
        {"openssl-tls13-keyagreement-server-accepted": lambda c, s, t, p: c == "openssl"
         and s == "openssl" and t == "1.3"},
    ),
    "server-san-mismatch": (
        "names", same("client-rejects:hostname-mismatch"),
        {"openssl-tls13-client-alert-in-plaintext": plaintext_alert},
    ),
    "server-no-san": (
        "names",
        lambda c, s, t, p: "ok" if p == "minimal"
        else None if c == "gnutls" else "client-rejects:hostname-mismatch",
        {"openssl-minimal-client-falls-back-to-cn": lambda c, s, t, p: c == "openssl"
         and p == "minimal",
         "openssl-tls13-client-alert-in-plaintext": lambda c, s, t, p: plaintext_alert(c, s, t, p)
         and p == "strict",
         "gnutls-client-falls-back-to-cn": lambda c, s, t, p: c == "gnutls" and p == "minimal"},
    ),
    "client-expired": ("time", same("server-rejects:expired"), {}),
    "client-revoked-crl": (
        "revocation",
        lambda c, s, t, p: "server-rejects:revoked" if p == "strict" else "ok",
        {"openssl-minimal-server-no-crl": lambda c, s, t, p: s == "openssl" and p == "minimal",
         "gnutls-minimal-server-no-crl": lambda c, s, t, p: s == "gnutls" and p == "minimal"},
    ),
    "client-missing-intermediate": ("chain", same("server-rejects:unknown-ca"), {}),
    "client-critical-unknown-extension": (
        "algorithms", same("server-rejects:critical-extension"), {}),
    "client-sha1-signed": ("algorithms", same("server-rejects:insecure-algorithm"), {}),
    "client-no-cert-required": ("presence", same("server-rejects:no-certificate"), {}),
    "client-no-cert-optional": (
        "presence",
        lambda c, s, t, p: "server-rejects:no-certificate" if s == "gnutls" and p == "minimal"
        else "ok",
        {"gnutls-minimal-server-requires-optional-cert": lambda c, s, t, p: s == "gnutls"
         and p == "minimal"},
    ),
}


def scenario_ids():
    return sorted({case.split("/")[0] for case in list_cases()})


def test_every_family_is_covered():
    families = {family for family, _, _ in FAMILY_CASES.values()}
    assert families == {"baseline", "purpose", "names", "time", "revocation", "chain",
                        "algorithms", "presence"}


@pytest.mark.parametrize("scenario", sorted(FAMILY_CASES))
def test_family_scenario_on_every_case(scenario, matrix_results):
    family, expected_verdict, divergences = FAMILY_CASES[scenario]
    problems = []
    for client in STACKS:
        for server in STACKS:
            for tls in TLS:
                for policy in POLICIES:
                    case = f"{scenario}/{client}-{server}/tls{tls}/{policy}"
                    record = matrix_results["cases"].get(case)
                    if record is None:
                        problems.append(f"{case}: no result")
                        continue
                    verdict = expected_verdict(client, server, tls, policy)
                    explained = [d for d, applies in divergences.items()
                                 if applies(client, server, tls, policy)]
                    grade = "skip" if verdict is None else "xfail" if explained else "pass"
                    if record["verdict"] != verdict or record["grade"] != grade:
                        problems.append(f"{case}: expected {verdict} ({grade}), got "
                                        f"{record['verdict']} ({record['grade']}): "
                                        f"{record['reason_text']}")
                    for divergence in explained:
                        if f"[{divergence}]" not in record["reason_text"]:
                            problems.append(f"{case}: xfail not explained by {divergence}: "
                                            f"{record['reason_text']}")
                    if grade == "skip" and "cannot express" not in record["reason_text"]:
                        problems.append(f"{case}: skip without its reason")
    assert not problems, f"{family} family:\n" + "\n".join(problems)


def test_no_certificate_is_certificate_required_on_tls13(matrix_results):
    """RFC 8446 4.4.2.4: the TLS 1.3 server refuses with certificate_required (alert 116)."""
    for client in STACKS:
        for server in STACKS:
            for policy in POLICIES:
                record = matrix_results["cases"][
                    f"client-no-cert-required/{client}-{server}/tls1.3/{policy}"]
                assert record["verdict"] == "server-rejects:no-certificate", record
                assert "116" in record["reason_text"] or "certificate_required" in \
                    record["reason_text"], record["reason_text"]


def test_catalogue_size_and_client_share():
    ids = scenario_ids()
    clients = [i for i in ids if i.startswith("client-")]
    assert len(ids) >= 120, f"only {len(ids)} scenarios"
    assert 2 * len(clients) >= len(ids), f"{len(clients)} of {len(ids)} are client- scenarios"


def test_every_design_id_is_in_the_catalogue():
    ids = set(scenario_ids())
    missing = [i for i in DESIGN_IDS if i not in ids]
    assert not missing, f"DESIGN.md ids missing from the catalogue: {missing}"


def test_design_ids_match_design_md():
    design = ROOT.parent / "shared" / "DESIGN.md"
    if not design.exists():
        pytest.skip(f"{design} is not beside this checkout")
    text = design.read_text()
    section = text.split("## Scenario catalogue", 1)[1].split("\n## ", 1)[0]
    fixed = set(re.findall(r"`([a-z0-9-]+)`", section))
    assert fixed == set(DESIGN_IDS), (fixed ^ set(DESIGN_IDS))


def test_every_scenario_states_its_standard_and_reason():
    for path in sorted(pathlib.Path(ROOT / "scenarios" / "catalogue").glob("*.ini")):
        sections = re.split(r"^\[", path.read_text(), flags=re.M)[1:]
        for section in sections:
            name = section.split("]", 1)[0]
            for key in ("family", "summary", "standard", "expect"):
                assert re.search(rf"^{key} = \S", section, re.M), f"{path.name} [{name}]: {key}"
            several = re.search(r"^expect = .*,", section, re.M)
            assert not several or re.search(r"^expect-note = \S", section, re.M), \
                f"{path.name} [{name}]: several verdicts without expect-note"


def test_advisory_scenarios_cite_what_they_come_from():
    """Issue #20: at least 230 scenarios, at least 40 naming the CVE or public issue they come
    from; a `ref` is a CVE, a RUSTSEC id or a URL, never free text."""
    refs = {}
    for path in sorted(pathlib.Path(ROOT / "scenarios" / "catalogue").glob("*.ini")):
        for section in re.split(r"^\[", path.read_text(), flags=re.M)[1:]:
            m = re.search(r"^ref = (.*(?:\n  .*)*)", section, re.M)
            if m:
                refs[section.split("]")[0]] = " ".join(m.group(1).split())
    assert len(scenario_ids()) >= 230
    assert len(refs) >= 40, f"only {len(refs)} scenarios carry a ref"
    for sid, ref in refs.items():
        for part in ref.split("; "):
            assert re.fullmatch(r"CVE-\d{4}-\d{4,}|RUSTSEC-\d{4}-\d{4}|https://\S+", part), (sid, part)
