"""The certificate matrix checked by tools nobody here wrote.

Every defect the generator claims (manifest "defects") and every special-but-valid feature
(manifest "features") has a check below, run with stock `openssl` (verify, x509, crl, ocsp,
pkcs12) or GnuTLS `certtool`; the check sees that defect and nothing else: the artifact passes
once the one thing it tests is taken away (another -attime, another purpose, another trust
anchor, no CRL). Two tests keep the tables honest: every defect in the manifest has a check,
and every check finds its artifacts.
"""
import hashlib
import json
import pathlib
import re
import subprocess
import time

import pytest

from conftest import run_mtlsgrid

CLIENT_AUTH = "1.3.6.1.5.5.7.3.2"
SERVER_AUTH = "1.3.6.1.5.5.7.3.1"
POLICY = "1.3.6.1.4.1.32473.2.1"  # the test policy of gen/cert_ext.c


class Matrix:
    """manifest.json of a generated folder, with paths resolved."""

    def __init__(self, folder):
        self.dir = pathlib.Path(folder)
        self.data = json.loads((self.dir / "manifest.json").read_text())
        self.ref = self.data["reference_time"]
        self.artifacts = self.data["artifacts"]
        self.by_name = {a["name"]: a for a in self.artifacts}

    def __getitem__(self, name):
        return self.by_name[name]

    def file(self, name, key="cert_pem"):
        return str(self.dir / self.by_name[name]["files"][key])

    def with_defect(self, defect):
        return [a for a in self.artifacts if defect in a["defects"]]

    def with_feature(self, feature):
        return [a for a in self.artifacts if feature in a.get("features", [])]


def run(*args, stdin=None):
    proc = subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=60,
                          input=stdin)
    return proc.returncode, proc.stdout + proc.stderr


@pytest.fixture(scope="session")
def matrix(matrix_dir):
    return Matrix(matrix_dir)


@pytest.fixture(scope="session")
def now_matrix(tmp_path_factory):
    """A wall-clock matrix: certtool and `openssl ocsp` cannot be told another time."""
    out = tmp_path_factory.mktemp("now") / "m"
    run_mtlsgrid("gen", "--out", out, "--time", "now", "--quiet", check=True)
    return Matrix(out)


# --- the stock tools -----------------------------------------------------------------------

def verify(m, name, *opts, trust=None, attime=None, chain=True):
    """openssl verify of `name` (its chain as untrusted) against one trust anchor, by default
    the root at the top of its own chain. Returns (ok, output)."""
    cmd = ["openssl", "verify", "-attime", attime or m.ref,
           "-CAfile", m.file(trust or m[name]["root"])]
    if chain:
        cmd += ["-untrusted", m.file(name, "chain_pem")]
    rc, out = run(*cmd, *opts, m.file(name))
    return rc == 0, out


def rejects(m, name, message, *opts, **kw):
    ok, out = verify(m, name, *opts, **kw)
    assert not ok and message in out, f"{name}: expected '{message}':\n{out}"


def accepts(m, name, *opts, **kw):
    ok, out = verify(m, name, *opts, **kw)
    assert ok, f"{name}: expected OK:\n{out}"


def text(m, name):
    rc, out = run("openssl", "x509", "-noout", "-text", "-in", m.file(name))
    assert rc == 0, out
    return out


def crl_text(m, name):
    rc, out = run("openssl", "crl", "-noout", "-text", "-in", m.file(name, "crl_pem"))
    assert rc == 0, out
    return out


def extension(m, name, ext):
    """The value lines of one extension in `openssl x509 -text` ('' when absent)."""
    rc, out = run("openssl", "x509", "-noout", "-ext", ext, "-in", m.file(name))
    assert rc == 0, out
    return out


def purpose(art):
    return "sslclient" if art["role"] == "client" else "sslserver"


def other_purpose(art):
    return "sslserver" if art["role"] == "client" else "sslclient"


def side_root(art):
    return "client-root" if art["role"] == "client" else "server-root"


def mid_window(art):
    return (art["not_before"] + art["not_after"]) // 2


def issuer_of(m, art):
    return m[art["issuer"]]


def certtool(m, name, *opts, trust=None):
    rc, out = run("certtool", "--verify", "--load-ca-certificate", m.file(trust or m[name]["root"]),
                  "--infile", m.file(name, "chain_pem"), *opts)
    line = next((l for l in out.splitlines() if "Chain verification output" in l), out)
    return line


def pubkey_of_cert(path):
    return run("openssl", "x509", "-noout", "-pubkey", "-in", path)[1]


def pubkey_of_key(path):
    return run("openssl", "pkey", "-pubout", "-in", path)[1]


def chain_subjects(path):
    """(subject, issuer) of each certificate in a PEM file, in file order."""
    rc, out = run("openssl", "crl2pkcs7", "-nocrl", "-certfile", path)
    assert rc == 0, out
    rc, out = run("openssl", "pkcs7", "-print_certs", "-noout", stdin=out)
    assert rc == 0, out
    subjects = re.findall(r"^subject=(.*)$", out, re.M)
    issuers = re.findall(r"^issuer=(.*)$", out, re.M)
    return list(zip(subjects, issuers))


def ocsp(m, name, *extra):
    art = m[name]
    ca = art["ca"]
    rc, out = run("openssl", "ocsp", "-respin", m.file(name, "ocsp_der"), "-resp_text",
                  "-issuer", m.file(ca), "-cert", m.file(art["about"]),
                  "-CAfile", m.file(m[ca]["root"]), "-verify_other", m.file(ca),
                  "-attime", m.ref, *extra)
    return out


def crl_verify(m, name, crl, *opts):
    """openssl verify of `name` with the CRL file of artifact `crl` (its crl.pem holds that
    CRL and the current CRLs of the CAs above its issuer)."""
    return verify(m, name, "-CRLfile", m.file(crl, "crl_pem"), *opts)


# --- one check per defect --------------------------------------------------------------------

def check_expired(m, art):
    n = art["name"]
    rejects(m, n, "certificate has expired", trust=n if art["role"] == "root" else None)
    accepts(m, n, attime=mid_window(art), trust=n if art["role"] == "root" else None)


def check_not_yet_valid(m, art):
    n = art["name"]
    rejects(m, n, "certificate is not yet valid")
    accepts(m, n, attime=mid_window(art))


def check_intermediate_expired(m, art):
    rejects(m, art["name"], "error 10 at 1 depth lookup: certificate has expired")


def check_intermediate_not_yet_valid(m, art):
    rejects(m, art["name"], "error 9 at 1 depth lookup: certificate is not yet valid")


def check_root_expired(m, art):
    rejects(m, art["name"], "error 10 at 2 depth lookup: certificate has expired")


def check_eku_serverauth_only(m, art):
    rejects(m, art["name"], "unsuitable certificate purpose", "-purpose", "sslclient")
    accepts(m, art["name"], "-purpose", "sslserver")
    assert "does not match the intended purpose" in certtool(m, art["name"], "--verify-purpose",
                                                              CLIENT_AUTH)


def check_eku_clientauth_only(m, art):
    rejects(m, art["name"], "unsuitable certificate purpose", "-purpose", "sslserver")
    accepts(m, art["name"], "-purpose", "sslclient")


def check_eku_only(label):
    def check(m, art):
        rejects(m, art["name"], "unsuitable certificate purpose", "-purpose", purpose(art))
        accepts(m, art["name"])
        eku = extension(m, art["name"], "extendedKeyUsage")
        assert label in eku and "TLS Web" not in eku, eku
    return check


def check_ku_no_digital_signature(m, art):
    ku = extension(m, art["name"], "keyUsage")
    assert "Key Agreement" in ku and "Digital Signature" not in ku, ku
    accepts(m, art["name"])


def check_ca_eku_only(label):
    def check(m, art):
        eku = extension(m, art["name"], "extendedKeyUsage")
        assert label in eku and "CA:TRUE" in extension(m, art["name"], "basicConstraints"), eku
    return check


def check_intermediate_eku_mismatch(m, art):
    rejects(m, art["name"], "error 26 at 1 depth lookup: unsuitable certificate purpose",
            "-purpose", purpose(art))
    accepts(m, art["name"])


def check_no_san_cn_only(m, art):
    assert "Subject Alternative Name" not in text(m, art["name"])
    assert "CN = server.test" in text(m, art["name"])


def check_hostname_mismatch(m, art):
    rejects(m, art["name"], "hostname mismatch", "-verify_hostname", art["host"])
    assert "does not match the expected" in certtool(m, art["name"], "--verify-hostname",
                                                      art["host"])


def check_wildcard_too_deep(m, art):
    check_hostname_mismatch(m, art)
    accepts(m, art["name"], "-verify_hostname", "www.server.test")  # one label: matches


def check_ip_in_dns_san(m, art):
    rejects(m, art["name"], "IP address mismatch", "-verify_ip", art["host"])
    accepts(m, art["name"], "-verify_hostname", art["host"])  # it is there, as a DNS name
    assert "DNS:127.0.0.1" in extension(m, art["name"], "subjectAltName")


def check_untrusted_root(m, art):
    rejects(m, art["name"], "unable to get local issuer certificate", trust=side_root(art))
    accepts(m, art["name"])
    assert "issuer is unknown" in certtool(m, art["name"], trust=side_root(art))


def check_issued_by_other_tree(m, art):
    check_untrusted_root(m, art)
    assert art["root"] != side_root(art)


def check_self_signed(m, art):
    rejects(m, art["name"], "self-signed certificate", trust=side_root(art))
    assert art["issuer"] == art["name"]
    assert "CA:FALSE" in extension(m, art["name"], "basicConstraints")


def check_chain_unordered(m, art):
    pairs = chain_subjects(m.file(art["name"], "chain_pem"))
    assert len(pairs) == 3
    # leaf first, then not its issuer: the issuer's issuer
    assert pairs[0][1] != pairs[1][0] and pairs[0][1] == pairs[2][0], pairs
    accepts(m, art["name"])  # openssl does not care about the order


def check_ca_false(m, art):
    assert "CA:FALSE" in extension(m, art["name"], "basicConstraints")


def check_no_basic_constraints(m, art):
    assert "Basic Constraints" not in text(m, art["name"])


def check_no_keycertsign(m, art):
    ku = extension(m, art["name"], "keyUsage")
    assert "Certificate Sign" not in ku and "CRL Sign" in ku, ku


def check_intermediate_invalid_ca(m, art):
    rejects(m, art["name"], "error 79 at 1 depth lookup: invalid CA certificate")
    assert "issuer is not a CA" in certtool(m, art["name"])


def check_x509_v1(m, name):
    """Version 1, and so nothing a v3 certificate would carry: no extension at all."""
    out = text(m, name)
    assert "Version: 1 (0x0)" in out and "X509v3" not in out, out
    rc, info = run("certtool", "-i", "--infile", m.file(name))
    assert rc == 0 and "Version: 1\n" in info and "Extensions:" not in info, info


def check_x509_v1_leaf(m, art):
    check_x509_v1(m, art["name"])
    # No EKU, no key usage: any purpose; path validation takes a v1 end entity, strict too.
    accepts(m, art["name"], "-purpose", purpose(art), "-x509_strict")


def der_items(data):
    """The (tag, content) items of a DER SEQUENCE's content, in order."""
    items, i = [], 0
    while i < len(data):
        tag, length, i = data[i], data[i + 1], i + 2
        if length & 0x80:
            n = length & 0x7F
            length, i = int.from_bytes(data[i:i + n], "big"), i + n
        items.append((tag, data[i:i + length]))
        i += length
    return items


def check_intermediate_x509_v1(m, art):
    check_x509_v1(m, art["issuer"])
    check_intermediate_invalid_ca(m, art)
    # The leaf is v3 and names its issuer by key all the same: the SHA-1 of the issuer's
    # subjectPublicKey (RFC 5280 4.2.1.2 method 1), as its SKI would have held.
    spki = subprocess.run(["openssl", "x509", "-noout", "-pubkey", "-in", m.file(art["issuer"])],
                          capture_output=True, check=True).stdout
    der = subprocess.run(["openssl", "pkey", "-pubin", "-outform", "DER"], input=spki,
                         capture_output=True, check=True).stdout
    bits = der_items(der_items(der)[0][1])[1][1][1:]  # BIT STRING without its unused-bits octet
    key_id = hashlib.sha1(bits).hexdigest().upper()
    aki = extension(m, art["name"], "authorityKeyIdentifier").replace(":", "")
    assert key_id in aki, (key_id, aki)


def check_intermediate_no_keycertsign(m, art):
    rejects(m, art["name"], "key usage does not include certificate signing")


def check_exceeds_issuer_pathlen(m, art):
    assert "CA:TRUE" in extension(m, art["name"], "basicConstraints")
    assert "pathlen:0" in extension(m, art["issuer"], "basicConstraints")


def check_pathlen_exceeded(m, art):
    rejects(m, art["name"], "path length constraint exceeded")
    assert "violates the signer's constraints" in certtool(m, art["name"])


def check_nc_outside(m, art):
    rejects(m, art["name"], "permitted subtree violation")
    assert "violates the signer's constraints" in certtool(m, art["name"])


def check_nc_excluded(m, art):
    rejects(m, art["name"], "excluded subtree violation")
    assert "violates the signer's constraints" in certtool(m, art["name"])


def check_bad_signature(m, art):
    rejects(m, art["name"], "certificate signature failure")
    assert "signature in the certificate is invalid" in certtool(m, art["name"])


def check_weak_key_rsa1024(m, art):
    assert "Public-Key: (1024 bit)" in text(m, art["name"])
    rejects(m, art["name"], "EE certificate key too weak", "-auth_level", "2")
    accepts(m, art["name"], "-auth_level", "1")


def check_sha1_signature(m, art):
    assert "Signature Algorithm: ecdsa-with-SHA1" in text(m, art["name"])
    rejects(m, art["name"], "CA signature digest algorithm too weak", "-auth_level", "1")
    accepts(m, art["name"])
    assert "insecure algorithm" in certtool(m, art["name"])


def check_unknown_critical_extension(m, art):
    rejects(m, art["name"], "unhandled critical extension")
    assert "unknown critical extension" in certtool(m, art["name"])


def check_aki_ski_mismatch(m, art):
    aki = extension(m, art["name"], "authorityKeyIdentifier")
    ski = extension(m, art["issuer"], "subjectKeyIdentifier").splitlines()[-1].strip()
    assert ski and ski not in aki, (aki, ski)
    rejects(m, art["name"], "unable to get local issuer certificate")


def check_no_authority_key_id(m, art):
    assert "Authority Key Identifier" not in text(m, art["name"])
    rejects(m, art["name"], "Missing Authority Key Identifier", "-x509_strict")
    accepts(m, art["name"])


def check_duplicate_extension(m, art):
    assert text(m, art["name"]).count("X509v3 Subject Alternative Name") == 2
    rejects(m, art["name"], "invalid certificate")
    rc, out = run("certtool", "-i", "--infile", m.file(art["name"]))
    assert rc != 0 and "Duplicate extension" in out, out


def check_empty_san(m, art):
    assert "<EMPTY>" in extension(m, art["name"], "subjectAltName")
    rejects(m, art["name"], "Empty Subject Alternative Name extension", "-x509_strict")


def check_leaf_is_ca(m, art):
    assert "CA:TRUE" in extension(m, art["name"], "basicConstraints")
    assert "Certificate Sign" not in extension(m, art["name"], "keyUsage")
    accepts(m, art["name"], "-purpose", purpose(art))  # OpenSSL 3.0 lets it pass


def check_bc_not_critical(m, art):
    bc = extension(m, art["name"], "basicConstraints")
    assert "CA:TRUE" in bc and "critical" not in bc, bc


def check_intermediate_bc_not_critical(m, art):
    rejects(m, art["name"], "Basic Constraints of CA cert not marked critical", "-x509_strict")
    accepts(m, art["name"])


def check_explicit_policy_missing(m, art):
    rejects(m, art["name"], "no explicit policy", "-policy", POLICY)
    assert "Certificate Policies" not in text(m, art["name"])


def check_key_mismatch(m, art):
    assert pubkey_of_cert(m.file(art["name"])) != pubkey_of_key(m.file(art["name"], "key_pem"))
    accepts(m, art["name"])


def check_impostor_key(m, art):
    victim = art["name"].replace("-impostor", "")
    cert = pathlib.Path(m.file(art["name"], "cert_der")).read_bytes()
    assert cert == pathlib.Path(m.file(victim, "cert_der")).read_bytes()
    assert pubkey_of_key(m.file(art["name"], "key_pem")) != pubkey_of_key(m.file(victim, "key_pem"))
    assert pubkey_of_cert(m.file(art["name"])) != pubkey_of_key(m.file(art["name"], "key_pem"))


def check_revoked(m, art):
    ok, out = crl_verify(m, art["name"], f"{art['issuer']}-crl", "-crl_check")
    assert not ok and "certificate revoked" in out, out
    accepts(m, art["name"])


def check_intermediate_revoked(m, art):
    ok, out = crl_verify(m, art["name"], f"{art['issuer']}-crl", "-crl_check_all")
    assert not ok and "error 23 at 1 depth lookup: certificate revoked" in out, out


def check_crl(message):
    def check(m, art):
        leaf = art["issuer"].replace("-ca", "")  # client-ca -> client
        ok, out = crl_verify(m, leaf, art["name"], "-crl_check")
        assert not ok and message in out, out
    return check


def check_crl_idp_ca_only(m, art):
    """The CRL lists the leaf, but its scope (onlyContainsCACerts) leaves the leaf out: OpenSSL
    says so, where the same CRL scoped to end entities revokes it."""
    ok, out = crl_verify(m, art["issuer"].replace("-ca", "-revoked"), art["name"], "-crl_check")
    assert not ok and "different CRL scope" in out and "certificate revoked" not in out, out
    ok, out = crl_verify(m, art["issuer"].replace("-ca", "-revoked"),
                         art["issuer"] + "-crl-idp-user-only", "-crl_check", "-extended_crl")
    assert not ok and "certificate revoked" in out, out


def check_crl_delta_only(m, art):
    """A delta alone is no complete CRL: with delta processing (-extended_crl -use_deltas) the
    good leaf's status is unknown."""
    ok, out = crl_verify(m, art["issuer"].replace("-ca", ""), art["name"], "-crl_check",
                         "-extended_crl", "-use_deltas")
    assert not ok and "unable to get certificate CRL" in out, out
    assert "Delta CRL Indicator: critical" in crl_text(m, art["name"])


def check_ec_explicit_parameters(m, art):
    """The curve is spelled out (prime-field parameters, no curve OID): OpenSSL 3 refuses it in
    any chain (x509_vfy.c check_curve), as RFC 5480 2.1.1 asks."""
    assert "Field Type: prime-field" in text(m, art["name"])
    assert "ASN1 OID: prime256v1" not in text(m, art["name"])
    rejects(m, art["name"], "Certificate public key has explicit ECC parameters")


def der(m, name):
    return pathlib.Path(m.file(name, "cert_der")).read_bytes()


def run_bytes(*args):
    """stdout of a tool that writes DER."""
    proc = subprocess.run([str(a) for a in args], capture_output=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def public_key_der(m, name):
    """The key file's public half as DER SubjectPublicKeyInfo (named curve, uncompressed)."""
    return run_bytes("openssl", "pkey", "-in", m.file(name, "key_pem"), "-pubout", "-outform", "DER")


def check_ec_binary_compressed_point(m, art):
    """B-233 spelled out (characteristic-two field, no curve OID) with the key and the base point
    compressed; OpenSSL 3 refuses the explicit parameters (check_curve), and quickly."""
    out = text(m, art["name"])
    assert "Field Type: characteristic-two-field" in out and "ASN1 OID" not in out, out
    assert "Public-Key: (233 bit)" in out, out
    point = public_key_der(m, art["name"])[-61:]  # the key file's point, uncompressed
    assert point[0] == 4 and point not in der(m, art["name"])
    compressed = run_bytes("openssl", "ec", "-in", m.file(art["name"], "key_pem"), "-pubout",
                           "-outform", "DER", "-conv_form", "compressed")[-31:]
    assert compressed[0] in (2, 3) and compressed in der(m, art["name"])
    rc, parsed = run("openssl", "asn1parse", "-in", m.file(art["name"]))
    assert re.search(r"l=\s*31 prim:\s+OCTET STRING\s+\[HEX DUMP\]:0[23]", parsed), parsed
    started = time.monotonic()
    rejects(m, art["name"], "Certificate public key has explicit ECC parameters")
    assert time.monotonic() - started < 10


def check_unknown_key_algorithm(m, art):
    """The key file's P-256 point under OID 1.3.6.1.4.1.32473.3.1 and no parameters: neither
    tool can read the key, and `openssl verify` cannot use the certificate."""
    assert "Public Key Algorithm: 1.3.6.1.4.1.32473.3.1" in text(m, art["name"])
    rc, out = run("certtool", "-i", "--infile", m.file(art["name"]))
    assert "Subject Public Key Algorithm: 1.3.6.1.4.1.32473.3.1" in out, out
    assert public_key_der(m, art["name"])[-65:] in der(m, art["name"])
    rejects(m, art["name"], "unable to get certs public key")


def check_crl_expired(m, art):
    check_crl("CRL has expired")(m, art)
    assert art["next_update"] < m.ref


def check_ocsp_status(status):
    def check(m, art):
        out = ocsp(m, art["name"])
        assert f"Cert Status: {status}" in out and "Response verify OK" in out, out
    return check


def check_ocsp_expired(m, art):
    assert art["next_update"] < m.ref
    out = ocsp(m, art["name"])
    assert "Response verify OK" in out and "status expired" in out, out
    good = ocsp(m, "server-ocsp-good")  # the same check passes a current response
    assert "Response verify OK" in good and "Status times invalid" not in good, good


def check_ocsp_unauthorized(m, art):
    out = ocsp(m, art["name"])
    assert "Response Verify Failure" in out and "missing ocspsigning usage" in out, out


def check_responder_without_ocspsigning(m, art):
    eku = extension(m, art["name"], "extendedKeyUsage")
    assert "OCSP Signing" not in eku, eku


DEFECT_CHECKS = {
    "expired": check_expired,
    "not-yet-valid": check_not_yet_valid,
    "intermediate-expired": check_intermediate_expired,
    "intermediate-not-yet-valid": check_intermediate_not_yet_valid,
    "root-expired": check_root_expired,
    "eku-serverauth-only": check_eku_serverauth_only,
    "eku-clientauth-only": check_eku_clientauth_only,
    "eku-codesigning-only": check_eku_only("Code Signing"),
    "eku-emailprotection-only": check_eku_only("E-mail Protection"),
    "eku-any-only": check_eku_only("Any Extended Key Usage"),
    "ku-no-digitalsignature": check_ku_no_digital_signature,
    "ca-eku-serverauth-only": check_ca_eku_only("TLS Web Server Authentication"),
    "ca-eku-clientauth-only": check_ca_eku_only("TLS Web Client Authentication"),
    "intermediate-eku-mismatch": check_intermediate_eku_mismatch,
    "no-san-cn-only": check_no_san_cn_only,
    "san-mismatch": check_hostname_mismatch,
    "wildcard-too-deep": check_wildcard_too_deep,
    "wildcard-invalid": check_hostname_mismatch,
    "ip-in-dns-san": check_ip_in_dns_san,
    "untrusted-root": check_untrusted_root,
    "issued-by-other-tree": check_issued_by_other_tree,
    "self-signed": check_self_signed,
    "chain-unordered": check_chain_unordered,
    "ca-false": check_ca_false,
    "intermediate-not-ca": check_intermediate_invalid_ca,
    "no-basic-constraints": check_no_basic_constraints,
    "intermediate-no-basic-constraints": check_intermediate_invalid_ca,
    "no-keycertsign": check_no_keycertsign,
    "x509-v1": check_x509_v1_leaf,
    "ca-x509-v1": lambda m, art: check_x509_v1(m, art["name"]),
    "intermediate-x509-v1": check_intermediate_x509_v1,
    "intermediate-no-keycertsign": check_intermediate_no_keycertsign,
    "exceeds-issuer-pathlen": check_exceeds_issuer_pathlen,
    "pathlen-exceeded": check_pathlen_exceeded,
    "name-constraints-outside": check_nc_outside,
    "name-constraints-excluded": check_nc_excluded,
    "bad-signature": check_bad_signature,
    "weak-key-rsa1024": check_weak_key_rsa1024,
    "sha1-signature": check_sha1_signature,
    "unknown-critical-extension": check_unknown_critical_extension,
    "aki-ski-mismatch": check_aki_ski_mismatch,
    "no-authority-key-id": check_no_authority_key_id,
    "duplicate-extension": check_duplicate_extension,
    "empty-san": check_empty_san,
    "leaf-is-ca": check_leaf_is_ca,
    "basic-constraints-not-critical": check_bc_not_critical,
    "intermediate-basic-constraints-not-critical": check_intermediate_bc_not_critical,
    "explicit-policy-missing": check_explicit_policy_missing,
    "key-mismatch": check_key_mismatch,
    "impostor-key": check_impostor_key,
    "revoked": check_revoked,
    "intermediate-revoked": check_intermediate_revoked,
    "crl-expired": check_crl_expired,
    "crl-not-yet-valid": check_crl("CRL is not yet valid"),
    "crl-bad-signature": check_crl("CRL signature failure"),
    "ec-explicit-parameters": check_ec_explicit_parameters,
    "ec-binary-compressed-point": check_ec_binary_compressed_point,
    "unknown-key-algorithm": check_unknown_key_algorithm,
    "crl-idp-ca-only": check_crl_idp_ca_only,
    "crl-delta-only": check_crl_delta_only,
    "ocsp-revoked": check_ocsp_status("revoked"),
    "ocsp-unknown": check_ocsp_status("unknown"),
    "ocsp-expired": check_ocsp_expired,
    "ocsp-unauthorized-responder": check_ocsp_unauthorized,
    "responder-without-ocspsigning": check_responder_without_ocspsigning,
}

# Checks that need the wall clock (certtool has no -attime): they run on the now matrix.
NOW_ONLY = {"eku-serverauth-only", "san-mismatch", "wildcard-too-deep", "wildcard-invalid",
            "untrusted-root", "issued-by-other-tree", "intermediate-not-ca",
            "intermediate-no-basic-constraints", "intermediate-x509-v1", "pathlen-exceeded", "name-constraints-outside",
            "name-constraints-excluded", "bad-signature", "sha1-signature",
            "unknown-critical-extension", "ocsp-expired"}


# --- one check per feature (special but valid) -----------------------------------------------

def check_accepted_for_own_purpose(m, art):
    opts = ["-purpose", purpose(art)] if art["role"] in ("client", "server") else []
    if art.get("host"):
        opts += ["-verify_ip" if re.match(r"^[0-9.:]+$", art["host"]) else "-verify_hostname",
                 art["host"]]
    accepts(m, art["name"], *opts)


def check_eku_both(m, art):
    accepts(m, art["name"], "-purpose", "sslclient")
    accepts(m, art["name"], "-purpose", "sslserver")


def check_absent(ext):
    def check(m, art):
        assert ext not in text(m, art["name"])
        check_accepted_for_own_purpose(m, art)
    return check


def check_key(expected):
    def check(m, art):
        assert expected in text(m, art["name"]), art["name"]
        check_accepted_for_own_purpose(m, art)
    return check


def check_cn_mismatch_san_ok(m, art):
    assert "CN = other.test" in text(m, art["name"])
    check_accepted_for_own_purpose(m, art)


def check_spiffe(m, art):
    san = extension(m, art["name"], "subjectAltName")
    assert f"URI:spiffe://mtlsgrid.test/{art['role']}" in san, san
    check_accepted_for_own_purpose(m, art)


def check_pathlen_zero(m, art):
    assert "pathlen:0" in extension(m, art["name"], "basicConstraints")


def check_name_constraints(m, art):
    nc = extension(m, art["name"], "nameConstraints")
    assert "Permitted" in nc and "Excluded" in nc, nc


def check_requires_policy(m, art):
    assert "Require Explicit Policy:0" in extension(m, art["name"], "policyConstraints")


def check_explicit_policy(m, art):
    accepts(m, art["name"], "-policy", POLICY)


def check_two_intermediates(m, art):
    assert len(chain_subjects(m.file(art["name"], "chain_pem"))) == 3
    check_accepted_for_own_purpose(m, art)


def check_p12(pbe, mac):
    def check(m, art):
        rc, out = run("openssl", "pkcs12", "-info", "-noout", "-in", m.file(art["name"], "p12"),
                      "-passin", "pass:" + art["p12_password"])
        assert rc == 0 and pbe in out and f"MAC: {mac}" in out, out
        rc, out = run("openssl", "pkcs12", "-info", "-noout", "-in", m.file(art["name"], "p12"),
                      "-passin", "pass:wrong-password")
        assert rc != 0 and "Mac verify error" in out, out
        rc, out = run("openssl", "pkcs12", "-in", m.file(art["name"], "p12"), "-nodes",
                      "-passin", "pass:" + art["p12_password"])
        assert rc == 0 and out.count("BEGIN CERTIFICATE") == 2, out  # leaf and intermediate
        assert pubkey_of_key(m.file(art["about"], "key_pem")) == pubkey_of_key_text(out)
    return check


def pubkey_of_key_text(pem_bundle):
    key = pem_bundle[pem_bundle.index("-----BEGIN PRIVATE KEY-----"):]
    return run("openssl", "pkey", "-pubout", stdin=key)[1]


def check_ocsp_good(m, art):
    check_ocsp_status("good")(m, art)


def check_ocsp_delegated(m, art):
    out = ocsp(m, art["name"])
    assert "Response verify OK" in out, out
    assert m[art["issuer"]]["role"] == "responder"


FEATURE_CHECKS = {
    "eku-both": check_eku_both,
    "eku-absent": check_absent("Extended Key Usage"),
    "ku-absent": check_absent("X509v3 Key Usage"),
    "san-wildcard": check_accepted_for_own_purpose,
    "san-ip": check_accepted_for_own_purpose,
    "san-ipv6": check_accepted_for_own_purpose,
    "san-uri-spiffe": check_spiffe,
    "cn-mismatch-san-ok": check_cn_mismatch_san_ok,
    "two-intermediates": check_two_intermediates,
    "pathlen-0": check_pathlen_zero,
    "under-pathlen-0": check_accepted_for_own_purpose,
    "name-constraints": check_name_constraints,
    "name-constraints-permitted": check_accepted_for_own_purpose,
    "rsa2048": check_key("Public-Key: (2048 bit)"),
    "rsa3072": check_key("Public-Key: (3072 bit)"),
    "rsa-pss": check_key("Public Key Algorithm: rsassaPss"),
    "p384": check_key("NIST CURVE: P-384"),
    "ed25519": check_key("ED25519"),
    "p384-chain": check_key("ecdsa-with-SHA384"),
    "require-explicit-policy": check_requires_policy,
    "explicit-policy": check_explicit_policy,
    "pkcs12-aes256-pbkdf2": check_p12("PBES2, PBKDF2, AES-256-CBC", "sha256"),
    "pkcs12-3des-sha1": check_p12("pbeWithSHA1And3-KeyTripleDES-CBC", "sha1"),
    "ocsp-good": check_ocsp_good,
    "ocsp-delegated-responder": check_ocsp_delegated,
}


# --- the advisory shapes (scenarios/catalogue/advisories.ini), one check each ---------------

def san(m, art):
    return extension(m, art["name"], "subjectAltName")


def check_san_refused(san_text, message):
    """The SAN holds the shape, and `openssl verify` refuses it for the reason given."""
    def check(m, art):
        assert san_text in san(m, art), san(m, art)
        rejects(m, art["name"], message)
    return check


def check_host_in_other_san_type(san_text):
    def check(m, art):
        names = san(m, art)
        assert san_text in names and "DNS:" not in names, names
        rejects(m, art["name"], "hostname mismatch", "-verify_hostname", "server.test")
    return check


def check_uri_host_with_nul(m, art):
    der = pathlib.Path(m.file(art["name"], "cert_der")).read_bytes()
    assert f"https://www.{art['role']}.test\0.evil.test/".encode() in der
    rejects(m, art["name"], "permitted subtree violation")


def check_ip_spells_host(m, art):
    assert bytes([97, 46, 116, 101]) == b"a.te" and "IP Address:97.46.116.101" in san(m, art)
    rejects(m, art["name"], "hostname mismatch", "-verify_hostname", "a.te")
    accepts(m, art["name"], "-verify_ip", "97.46.116.101")


def check_x509_v2(m, name):
    out = text(m, name)
    assert "Version: 2 (0x1)" in out and "X509v3" not in out, out


def check_x509_v2_leaf(m, art):
    check_x509_v2(m, art["name"])
    accepts(m, art["name"], "-purpose", purpose(art), "-x509_strict")


def check_intermediate_x509_v2(m, art):
    check_x509_v2(m, art["issuer"])
    check_intermediate_invalid_ca(m, art)


def side_of(art):
    return "client" if art["name"].startswith("client-") else "server"


def check_cross_signed_cycle(m, art):
    side = side_of(art)
    assert chain_subjects(m.file(art["name"]))[0] == (
        chain_subjects(m.file(f"{side}-cycle-a"))[0][0], chain_subjects(m.file(f"{side}-cycle-b"))[0][0])
    assert pubkey_of_cert(m.file(art["name"])) == pubkey_of_cert(m.file(f"{side}-cycle-a"))


def check_chain_in_cycle(m, art):
    side = side_of(art)
    ok, out = verify(m, art["name"], "-untrusted", m.file(f"{side}-cycle-a-by-b"), "-untrusted",
                     m.file(f"{side}-cycle-b"), trust=f"{side}-root", chain=False)
    assert not ok and "unable to get local issuer certificate" in out, out


def check_same_subject_other_key(m, art):
    real = f"{side_of(art)}-ca"
    assert chain_subjects(m.file(art["name"]))[0] == chain_subjects(m.file(real))[0]
    assert pubkey_of_cert(m.file(art["name"])) != pubkey_of_cert(m.file(real))
    # The decoy first, the real issuer after it: path building still finds the real one.
    accepts(m, side_of(art), "-untrusted", m.file(art["name"]), "-untrusted", m.file(real),
            chain=False)


def check_policy_outside_issuer(m, art):
    assert "32473.2.9" in extension(m, art["name"], "certificatePolicies")
    rejects(m, art["name"], "no explicit policy", "-policy", POLICY)


def check_name_constraint_form(form):
    def check(m, art):
        nc = extension(m, art["name"], "nameConstraints")
        assert "critical" in nc and form in nc, nc
    return check


def check_accepted_with_san(san_text):
    def check(m, art):
        assert san_text.replace("%s", art["role"]) in san(m, art), san(m, art)
        check_accepted_for_own_purpose(m, art)
    return check


def check_crldp(label):
    def check(m, art):
        assert f"{label}:<unsupported>" in extension(m, art["name"], "crlDistributionPoints")
        ok, out = crl_verify(m, art["name"], f"{art['issuer']}-crl", "-crl_check_all")
        assert ok, out
    return check


def check_ca_no_key_usage(m, art):
    assert "Key Usage" not in extension(m, art["name"], "keyUsage")
    assert "CA:TRUE" in extension(m, art["name"], "basicConstraints")


def check_under_ca_no_key_usage(m, art):
    check_accepted_for_own_purpose(m, art)
    rejects(m, art["name"], "CA cert does not include key usage extension", "-x509_strict")


def check_deep_ca(m, art):
    assert "CA:TRUE" in extension(m, art["name"], "basicConstraints")


def check_eighteen_certificates(m, art):
    assert len(chain_subjects(m.file(art["name"], "chain_pem"))) == 18
    check_accepted_for_own_purpose(m, art)


def check_rsa16384_ca(m, art):
    assert "Public-Key: (16384 bit)" in text(m, art["name"])
    assert "CA:TRUE" in extension(m, art["name"], "basicConstraints")


def check_under_rsa16384_ca(m, art):
    """A good leaf whose signature is by the RSA-16384 key: stock openssl verifies it, fast."""
    assert "Public-Key: (16384 bit)" in text(m, art["issuer"])
    assert "Signature Algorithm: sha256WithRSAEncryption" in text(m, art["name"])
    started = time.monotonic()
    check_accepted_for_own_purpose(m, art)
    assert time.monotonic() - started < 10


def check_policy_mappings(m, art):
    mappings = extension(m, art["name"], "policyMappings")
    assert mappings.count("32473.2.") == 2 * 30, mappings  # six policies, each to the five others


DEFECT_CHECKS.update({
    "smtputf8-mailbox-outside-email-constraint":
        check_san_refused("SmtpUTF8Mailbox::postmaster@xn--", "permitted subtree violation"),
    "othername-outside-othername-constraint":
        check_san_refused("othername: UPN::user@other.test", "unsupported name constraint type"),
    "san-othername-only": check_host_in_other_san_type("othername: UPN::server.test"),
    "host-in-email-san": check_host_in_other_san_type("email:server.test"),
    "host-in-uri-san": check_host_in_other_san_type("URI:server.test"),
    "uri-host-with-nul": check_uri_host_with_nul,
    "uri-ipv6-zone-id": check_san_refused("URI:https://[fe80::1%25.", "permitted subtree violation"),
    "wildcard-inside-excluded-subtree": check_san_refused("DNS:*.excluded.", "excluded subtree violation"),
    "ip-bytes-spell-host": check_ip_spells_host,
    "x509-v2": check_x509_v2_leaf,
    "ca-x509-v2": lambda m, art: check_x509_v2(m, art["name"]),
    "intermediate-x509-v2": check_intermediate_x509_v2,
    "cross-signed-cycle": check_cross_signed_cycle,
    "chain-in-cycle": check_chain_in_cycle,
    "same-subject-other-key": check_same_subject_other_key,
    "policy-outside-issuer": check_policy_outside_issuer,
})
NOW_ONLY |= {"intermediate-x509-v2"}
FEATURE_CHECKS.update({
    "name-constraints-email": check_name_constraint_form("email:"),
    "name-constraints-othername": check_name_constraint_form("othername:UPN:@"),
    "name-constraints-uri": check_name_constraint_form("URI:."),
    "san-othername": check_accepted_with_san("othername: UPN::user@%s.test"),
    "crldp-edipartyname": check_crldp("EdiPartyName"),
    "crldp-x400address": check_crldp("X400Name"),
    "uri-in-constraint": check_accepted_with_san("URI:https://www.%s.test/"),
    "wildcard-covers-excluded-subtree": check_accepted_with_san("DNS:*.%s.test"),
    "san-uri-several": check_accepted_with_san("URI:spiffe://mtlsgrid.test/ns/x/sa/%s, URI:https://"),
    "san-uri-wildcard": check_accepted_with_san("URI:spiffe://*.mtlsgrid.test/%s"),
    "san-uri-spiffe-workload": check_accepted_with_san("URI:spiffe://mtlsgrid.test/ns/x/sa/%s"),
    "ca-no-key-usage": check_ca_no_key_usage,
    "under-ca-no-key-usage": check_under_ca_no_key_usage,
    "deep": check_deep_ca,
    "eighteen-certificates": check_eighteen_certificates,
    "policy-mappings": check_policy_mappings,
    "policy-via-mappings": check_explicit_policy,
    "rsa16384": check_rsa16384_ca,
    "under-rsa16384-ca": check_under_rsa16384_ca,
})


def check_ca_names_over_64k(m, art):
    """600 self-signed CAs, the side's root first, with distinct subjects; their names, as a
    CertificateRequest lists them (DistinguishedName<1..2^16-1>: two length bytes each), take
    more than the 65,535 bytes certificate_authorities may hold (RFC 5246 7.4.4, RFC 8446 4.2.4)."""
    bundle = m.file(art["name"])
    rc, out = run("openssl", "storeutl", "-noout", "-certs", bundle)
    assert rc == 0 and "Total found: 600" in out, out
    rc, p7 = run("openssl", "crl2pkcs7", "-nocrl", "-certfile", bundle)
    assert rc == 0, p7
    rc, out = run("openssl", "pkcs7", "-print_certs", "-noout", stdin=p7)
    subjects = re.findall(r"^subject=(.*)$", out, re.M)
    issuers = re.findall(r"^issuer=(.*)$", out, re.M)
    assert len(set(subjects)) == 600 and subjects == issuers, out[:2000]
    rc, root = run("openssl", "x509", "-noout", "-subject", "-in", m.file(art["root"]))
    assert root.strip() == "subject=" + subjects[0]
    filler = pathlib.Path(bundle).read_text().split("-----END CERTIFICATE-----\n")[1]
    filler += "-----END CERTIFICATE-----\n"
    rc, out = run("openssl", "x509", "-noout", "-ext", "basicConstraints,keyUsage", stdin=filler)
    assert rc == 0 and "CA:TRUE" in out and "Certificate Sign" in out, out
    rc, tree = run("openssl", "asn1parse", stdin=filler)
    assert rc == 0, tree
    # TBSCertificate's SEQUENCEs at depth 2: signature, issuer, validity, subject
    name = [l for l in tree.splitlines() if "d=2" in l and "cons: SEQUENCE" in l][3]
    hl, length = re.search(r"hl=\s*(\d+) l=\s*(\d+)", name).groups()
    assert 599 * (int(hl) + int(length) + 2) > 65535, name
    lengths = {len(s) for s in subjects[1:]}
    assert len(lengths) == 1, lengths  # the fillers' names are all as long as the one measured


FEATURE_CHECKS["ca-names-over-64k"] = check_ca_names_over_64k


@pytest.mark.parametrize("defect", sorted(DEFECT_CHECKS))
def test_defect_is_seen_by_stock_tools(matrix, now_matrix, defect):
    m = now_matrix if defect in NOW_ONLY else matrix
    artifacts = m.with_defect(defect)
    assert artifacts, f"no artifact carries the defect {defect}"
    for art in artifacts:
        DEFECT_CHECKS[defect](m, art)


@pytest.mark.parametrize("feature", sorted(FEATURE_CHECKS))
def test_feature_is_valid_for_stock_tools(matrix, feature):
    artifacts = matrix.with_feature(feature)
    assert artifacts, f"no artifact has the feature {feature}"
    for art in artifacts:
        FEATURE_CHECKS[feature](matrix, art)


def test_every_defect_and_feature_in_the_manifest_has_a_check(matrix):
    defects = {d for a in matrix.artifacts for d in a["defects"]}
    features = {f for a in matrix.artifacts for f in a.get("features", [])}
    assert defects - set(DEFECT_CHECKS) == set()
    assert features - set(FEATURE_CHECKS) == set()


# --- the good chains, both sides, both tools ------------------------------------------------

@pytest.mark.parametrize("name", ["client", "server", "client-deep", "server-deep",
                                  "client-rsa2048", "server-rsa2048", "client-ed25519",
                                  "server-p384-chain"])
def test_good_chain_verifies_for_its_purpose(matrix, now_matrix, name):
    art = matrix[name]
    check_accepted_for_own_purpose(matrix, art)
    oid = CLIENT_AUTH if art["role"] == "client" else SERVER_AUTH
    opts = ["--verify-purpose", oid]
    if art.get("host"):
        opts += ["--verify-hostname", art["host"]]
    assert "Verified." in certtool(now_matrix, name, *opts)


def test_trust_separation(matrix):
    """The server trusts only client-root, the client only server-root."""
    rejects(matrix, "client", "unable to get local issuer certificate", trust="server-root")
    rejects(matrix, "server", "unable to get local issuer certificate", trust="client-root")


@pytest.mark.parametrize("name", ["client", "server"])
def test_current_crls_pass_a_full_chain_check(matrix, name):
    ok, out = crl_verify(matrix, name, f"{name}-ca-crl", "-crl_check_all")
    assert ok, out
    rc, out = run("openssl", "crl", "-noout", "-text", "-in", matrix.file(f"{name}-ca-crl", "crl_pem"))
    assert rc == 0 and "Key Compromise" in out, out


def test_every_file_named_exists_and_keys_are_private(matrix):
    for art in matrix.artifacts:
        for key, rel in art["files"].items():
            path = matrix.dir / rel
            assert path.is_file() and path.stat().st_size > 0, (art["name"], key)
            if key in ("key_pem", "p12") and art["kind"] in ("cert", "p12"):
                assert path.stat().st_mode & 0o777 == 0o600, path


def test_key_files_are_pkcs8_and_match_except_the_mismatch_defects(matrix):
    for art in matrix.artifacts:
        if art["kind"] != "cert":
            continue
        key = pathlib.Path(matrix.file(art["name"], "key_pem")).read_text()
        assert key.startswith("-----BEGIN PRIVATE KEY-----"), art["name"]
        mismatched = {"key-mismatch", "impostor-key"} & set(art["defects"])
        # libcrypto cannot read a key under an unknown algorithm, so it cannot say they match
        # (check_unknown_key_algorithm finds the key file's point in the certificate instead).
        unreadable = "unknown-key-algorithm" in art["defects"]
        assert art["key_matches"] == (not mismatched and not unreadable), art["name"]


def test_chain_files_hold_the_leaf_then_issuers_without_the_root(matrix):
    for name in ("client", "server", "client-deep"):
        pairs = chain_subjects(matrix.file(name, "chain_pem"))
        for (subject, issuer), (next_subject, _) in zip(pairs, pairs[1:]):
            assert issuer == next_subject
        assert pairs[-1][1] != pairs[-1][0]  # the last one is not self-signed: no root


# --- properties of gen itself ---------------------------------------------------------------

def test_readme_lists_every_artifact(matrix):
    readme = (pathlib.Path(__file__).resolve().parent.parent / "gen" / "README.md").read_text()
    listed = set(re.findall(r"^\| `([a-z0-9-]+)` \|", readme, re.M))
    assert {a["name"] for a in matrix.artifacts} - listed == set()


def test_manifest_records_time_mode_reference_and_seed(matrix, now_matrix):
    assert matrix.data["time_mode"] == "pinned"
    assert matrix.data["reference_time"] == 1767225600
    assert matrix.data["seed"]
    assert now_matrix.data["time_mode"] == "now"
    assert abs(now_matrix.ref - time.time()) < 600


def test_both_time_modes_make_the_same_defects(matrix, now_matrix):
    assert [a["name"] for a in matrix.artifacts] == [a["name"] for a in now_matrix.artifacts]
    for a, b in zip(matrix.artifacts, now_matrix.artifacts):
        assert a["defects"] == b["defects"], a["name"]
        if a["kind"] == "cert":
            assert a["not_before"] - matrix.ref == b["not_before"] - now_matrix.ref, a["name"]
            assert a["not_after"] - matrix.ref == b["not_after"] - now_matrix.ref, a["name"]




def test_gen_reports_what_it_wrote_and_how_long_it_took(tmp_path):
    proc = run_mtlsgrid("gen", "--out", tmp_path / "m", check=True)
    assert re.search(r"wrote \d+ artifacts \(\d+ files\) to .* in \d+ ms", proc.stdout), proc.stdout
    assert "client-eku-serverauth" in proc.stdout
