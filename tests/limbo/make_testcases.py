#!/usr/bin/env python3
"""Writes mtlsgrid.json beside this script: handwritten limbo-format testcases (version 1)
for `mtlsgrid limbo`, both kinds, success and failure, with keys. The committed file is what
the tests read; run this again only to change the testcases (needs python3-cryptography).
Validity is fixed (2025 to 2035, validated in 2030), so the file never expires."""
import datetime
import ipaddress
import json
import pathlib

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

UTC = datetime.timezone.utc
START = datetime.datetime(2025, 1, 1, tzinfo=UTC)
END = datetime.datetime(2035, 1, 1, tzinfo=UTC)
AT = "2030-06-01T00:00:00Z"
SERIALS = iter(range(0x1000, 0x2000))


def pem(cert):
    return cert.public_bytes(serialization.Encoding.PEM).decode()


def key_pem(key):
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption()).decode()


def name(cn):
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def ec_key():
    return ec.generate_private_key(ec.SECP256R1())


def issue(subject, key, issuer=None, issuer_key=None, ca=False, sans=(), ekus=(),
          key_encipherment=False):
    """A certificate for `key`, signed by issuer/issuer_key (self-signed without them)."""
    issuer_name = issuer.subject if issuer else name(subject)
    issuer_key = issuer_key or key
    b = (x509.CertificateBuilder().subject_name(name(subject)).issuer_name(issuer_name)
         .public_key(key.public_key()).serial_number(next(SERIALS))
         .not_valid_before(START).not_valid_after(END)
         .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
         .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                        critical=False)
         .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
             issuer_key.public_key()), critical=False))
    if ca:
        b = b.add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False,
                                          False), critical=True)
    else:
        b = b.add_extension(x509.KeyUsage(True, False, key_encipherment, False, False, False,
                                          False, False, False), critical=True)
    if sans:
        b = b.add_extension(x509.SubjectAlternativeName(list(sans)), critical=False)
    if ekus:
        b = b.add_extension(x509.ExtendedKeyUsage(list(ekus)), critical=False)
    return b.sign(issuer_key, hashes.SHA256())


def crl(issuer, issuer_key, revoked=()):
    b = (x509.CertificateRevocationListBuilder().issuer_name(issuer.subject)
         .last_update(START).next_update(END)
         .add_extension(x509.CRLNumber(1), critical=False)
         .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
             issuer_key.public_key()), critical=False))
    for cert in revoked:
        b = b.add_revoked_certificate(x509.RevokedCertificateBuilder()
                                      .serial_number(cert.serial_number)
                                      .revocation_date(START).build())
    return b.sign(issuer_key, hashes.SHA256()).public_bytes(serialization.Encoding.PEM).decode()


def testcase(tid, kind, expected, description, trusted, peer, key, untrusted=(), **extra):
    t = {"id": tid, "description": description, "validation_kind": kind,
         "trusted_certs": [pem(c) for c in trusted],
         "untrusted_intermediates": [pem(c) for c in untrusted],
         "peer_certificate": pem(peer), "peer_certificate_key": key_pem(key) if key else None,
         "validation_time": AT, "signature_algorithms": [], "key_usage": [],
         "extended_key_usage": [], "expected_result": expected, "expected_peer_name": None,
         "expected_peer_names": [], "features": []}
    t.update(extra)
    return t


def main():
    root_key, ica_key, other_key = ec_key(), ec_key(), ec_key()
    root = issue("mtlsgrid limbo root", root_key, ca=True)
    other_root = issue("mtlsgrid limbo other root", other_key, ca=True)
    ica = issue("mtlsgrid limbo intermediate", ica_key, root, root_key, ca=True)
    dns = x509.DNSName("example.test")
    server_key, rsa_key, client_key, bad_key = ec_key(), rsa.generate_private_key(65537, 2048), \
        ec_key(), ec_key()
    server = issue("example.test", server_key, ica, ica_key, sans=[dns],
                   ekus=[ExtendedKeyUsageOID.SERVER_AUTH])
    ip_server = issue("127.0.0.1", rsa_key, ica, ica_key,
                      sans=[x509.IPAddress(ipaddress.ip_address("127.0.0.1"))],
                      ekus=[ExtendedKeyUsageOID.SERVER_AUTH],
                      # the usual RSA server profile: NSS's server usage asks an RSA key for
                      # keyEncipherment (a divergence the matrix records); this testcase is
                      # about the IP name
                      key_encipherment=True)
    revoked = issue("example.test", bad_key, ica, ica_key, sans=[dns],
                    ekus=[ExtendedKeyUsageOID.SERVER_AUTH])
    email = x509.RFC822Name("user@example.test")
    client = issue("user", client_key, ica, ica_key, sans=[email],
                   ekus=[ExtendedKeyUsageOID.CLIENT_AUTH])
    wrong_eku = issue("user", client_key, ica, ica_key, sans=[email],
                      ekus=[ExtendedKeyUsageOID.SERVER_AUTH])
    crls = [crl(root, root_key), crl(ica, ica_key, [revoked])]
    dns_name = {"kind": "DNS", "value": "example.test"}
    email_names = [{"kind": "RFC822", "value": "user@example.test"}]
    cases = [
        testcase("mtlsgrid::server::chain-ok", "SERVER", "SUCCESS",
                 "root -> ICA -> EE (P-256), the name and serverAuth as asked.", [root], server,
                 server_key, [ica], expected_peer_name=dns_name,
                 extended_key_usage=["serverAuth"]),
        testcase("mtlsgrid::server::ip-ok", "SERVER", "SUCCESS",
                 "root -> ICA -> EE (RSA-2048) with an iPAddress SAN, verified as an IP.",
                 [root], ip_server, rsa_key, [ica],
                 expected_peer_name={"kind": "IP", "value": "127.0.0.1"}),
        testcase("mtlsgrid::server::hostname-mismatch", "SERVER", "FAILURE",
                 "A valid chain for example.test, but the client expects other.test.", [root],
                 server, server_key, [ica],
                 expected_peer_name={"kind": "DNS", "value": "other.test"}),
        testcase("mtlsgrid::server::expired", "SERVER", "FAILURE",
                 "A valid chain validated after every certificate expired.", [root], server,
                 server_key, [ica], expected_peer_name=dns_name,
                 validation_time="2036-01-01T00:00:00Z"),
        testcase("mtlsgrid::server::missing-intermediate", "SERVER", "FAILURE",
                 "The server sends its leaf without the intermediate.", [root], server,
                 server_key, expected_peer_name=dns_name),
        testcase("mtlsgrid::server::crl-not-revoked", "SERVER", "SUCCESS",
                 "CRLs for the whole chain; none revokes the leaf.", [root], server, server_key,
                 [ica], expected_peer_name=dns_name, crls=crls, features=["has-crl"]),
        testcase("mtlsgrid::server::revoked", "SERVER", "FAILURE",
                 "The intermediate's CRL revokes the leaf.", [root], revoked, bad_key, [ica],
                 expected_peer_name=dns_name, crls=crls, features=["has-crl"]),
        testcase("mtlsgrid::server::no-key", "SERVER", "SUCCESS",
                 "A valid chain without its key: cannot be a handshake, so SKIPPED.", [root],
                 server, None, [ica], expected_peer_name=dns_name),
        testcase("mtlsgrid::client::chain-ok", "CLIENT", "SUCCESS",
                 "A client chain with clientAuth, judged by the server.", [root], client,
                 client_key, [ica], expected_peer_names=email_names,
                 extended_key_usage=["clientAuth"]),
        testcase("mtlsgrid::client::wrong-eku", "CLIENT", "FAILURE",
                 "A client leaf whose only EKU is serverAuth.", [root], wrong_eku, client_key,
                 [ica], expected_peer_names=email_names, extended_key_usage=["clientAuth"]),
        testcase("mtlsgrid::client::untrusted-root", "CLIENT", "FAILURE",
                 "The server trusts another root.", [other_root], client, client_key, [ica],
                 expected_peer_names=email_names, extended_key_usage=["clientAuth"]),
    ]
    out = pathlib.Path(__file__).with_name("mtlsgrid.json")
    out.write_text(json.dumps({"version": 1, "testcases": cases}, indent=1) + "\n")


if __name__ == "__main__":
    main()
