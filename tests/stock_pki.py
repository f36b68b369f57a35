"""A small PKI made with stock `openssl` commands, as a user would make it (not mtlsgrid's
generator): the fidelity and live-server tests judge certificates that mtlsgrid did not write."""
import os
import pathlib
import subprocess

P256 = ("ec", "-pkeyopt", "ec_paramgen_curve:P-256")


def sh(*args, cwd):
    proc = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0, f"{args}: {proc.stderr}"
    return proc


def ca(d, name, cn):
    """A self-signed P-256 root: name.pem, name.key."""
    sh("openssl", "req", "-x509", "-newkey", *P256, "-nodes",
       "-keyout", f"{name}.key", "-out", f"{name}.pem", "-subj", f"/CN={cn}", "-days", "30",
       "-addext", "basicConstraints=critical,CA:TRUE",
       "-addext", "keyUsage=critical,keyCertSign,cRLSign", cwd=d)


def csr(d, name, cn, key=P256):
    """name.csr for a new key (key: -newkey's arguments) or for a key file of the user's."""
    if isinstance(key, pathlib.Path):
        # 0600, as openssl's -keyout writes the keys it makes.
        fd = os.open(d / f"{name}.key", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(key.read_bytes())
        sh("openssl", "req", "-new", "-key", f"{name}.key", "-out", f"{name}.csr", "-subj",
           f"/CN={cn}", cwd=d)
        return
    sh("openssl", "req", "-newkey", *key, "-nodes", "-keyout", f"{name}.key", "-out",
       f"{name}.csr", "-subj", f"/CN={cn}", cwd=d)


def write_ext(d, name, ext):
    """The extension lines, with an authorityKeyIdentifier unless they name one."""
    lines = list(ext)
    if not any(line.startswith("authorityKeyIdentifier") for line in lines):
        lines.append("authorityKeyIdentifier=keyid")
    (d / f"{name}.ext").write_text("\n".join(lines) + "\n")


def issue(d, name, cn, issuer, ext, key=P256, digest="-sha256", days="10"):
    """A certificate signed by issuer (issuer.pem, issuer.key in d): name.crt, name.key."""
    csr(d, name, cn, key)
    write_ext(d, name, ext)
    sh("openssl", "x509", "-req", digest, "-in", f"{name}.csr", "-CA", f"{issuer}.pem", "-CAkey",
       f"{issuer}.key", "-CAcreateserial", "-out", f"{name}.crt", "-days", days, "-extfile",
       f"{name}.ext", cwd=d)


def issue_dated(d, name, cn, issuer, ext, start="20240101000000Z", end="20240201000000Z",
                serial="1000"):
    """A certificate valid from start to end only (by default January 2024), signed by issuer (a
    path without suffix: issuer.pem, issuer.key): `openssl ca -startdate -enddate`, since
    `openssl x509 -req` of OpenSSL 3.0 cannot date one in the past. d holds its CA database."""
    csr(d, name, cn)
    write_ext(d, name, ext)
    (d / "index.txt").write_text("")
    (d / "serial").write_text(serial + "\n")
    (d / "ca.cnf").write_text("[ca]\ndefault_ca=c\n[c]\ndatabase=index.txt\nserial=serial\n"
                              "new_certs_dir=.\ndefault_md=sha256\npolicy=p\nunique_subject=no\n"
                              "[p]\ncommonName=supplied\n")
    sh("openssl", "ca", "-batch", "-notext", "-config", "ca.cnf", "-cert",
       issuer.with_suffix(".pem"), "-keyfile", issuer.with_suffix(".key"), "-in", f"{name}.csr",
       "-out", f"{name}.crt", "-startdate", start, "-enddate", end, "-extfile", f"{name}.ext",
       cwd=d)
