"""Version-aware divergence records (`versions = >=3.0, <3.5`) and a build against another
version of a stack (ci/build-stack, MTLSGRID_<STACK>_ROOT).

The second half needs a binary linked against a stack version built from Debian's source:
ci/test builds one (MTLSGRID_VERSION_BIN, and MTLSGRID_VERSION_BUILT=stack=version, the
version the library reports) and these tests check that the binary names the version it
really links, and that records scoped to that version apply there and only there."""
import json
import os
import subprocess

import pytest

from conftest import ROOT, STACKS, run_mtlsgrid

GOOD = ("[x]\nfamily = f\nsummary = s\nstandard = RFC 5280\nexpect = ok\n"
        "server.cert = server\nclient.cert = client\n")
RECORD = ("[seen]\nstack = {stack}\nside = client\nscenario = x\ntls = *\npolicy = *\n"
          "{versions}\nverdict = ok\nreason = r\nreference = RFC 8446\n")


def _folder(tmp_path, versions, stack=STACKS[0]):
    (tmp_path / "catalogue").mkdir()
    (tmp_path / "divergences").mkdir()
    (tmp_path / "catalogue" / "x.ini").write_text(GOOD)
    (tmp_path / "divergences" / "d.ini").write_text(
        RECORD.format(stack=stack, versions=versions))
    return tmp_path


def _grades(out):
    rows = [json.loads(line) for line in (out / "results.jsonl").read_text().splitlines()]
    return {r["case"]: r["grade"] for r in rows}


def _linked(binary, stack):
    info = json.loads(subprocess.run([binary, "stacks", "--json"], capture_output=True,
                                     text=True, check=True, timeout=60).stdout)
    return next(s["version"] for s in info if s["name"] == stack)


def test_range_that_takes_in_the_linked_version_applies(tmp_path, mtlsgrid_bin):
    """A record that gives the expected verdict grades xfail where it applies, pass elsewhere:
    the grades show which cases the range took in."""
    major = _linked(mtlsgrid_bin, STACKS[0]).split(".")[0]
    folder = _folder(tmp_path, f"versions = >={major}, <{int(major) + 1}")
    proc = run_mtlsgrid("run", "--scenarios", folder, "--out", tmp_path / "out")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    grades = _grades(tmp_path / "out")
    client_cases = [c for c in grades if c.split("/")[1].startswith(STACKS[0] + "-")]
    assert client_cases and all(grades[c] == "xfail" for c in client_cases)
    assert all(g == "pass" for c, g in grades.items() if c not in client_cases)
    assert "not applied" not in proc.stdout + proc.stderr


def test_range_that_leaves_out_the_linked_version_is_not_applied(tmp_path, mtlsgrid_bin):
    version = _linked(mtlsgrid_bin, STACKS[0])
    folder = _folder(tmp_path, f"versions = <0.1 | >{version}")
    proc = run_mtlsgrid("run", "--scenarios", folder, "--out", tmp_path / "out")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert set(_grades(tmp_path / "out").values()) == {"pass"}
    said = proc.stdout + proc.stderr
    assert f"is for {STACKS[0]} <0.1 | >{version}; this build links {version}: not applied" in said


@pytest.mark.parametrize("versions,words", [
    ("versions = => 3.0", '"=> 3.0" is not a version constraint'),
    ("versions = >=3.0,", '"" is not a version constraint'),
    ("versions = 3.0 |", '"" is not a version constraint'),
    ("versions = >=", '">=" is not a version constraint'),
    ("version = *\nversions = >=3.0", 'needs either "version" (a glob) or "versions" (a range), not both'),
    ("policy2 = x", 'unknown key "policy2"'),
])
def test_malformed_versions_exit_2_naming_file_and_line(tmp_path, versions, words):
    folder = _folder(tmp_path, versions)
    proc = run_mtlsgrid("list", "--scenarios", folder)
    assert proc.returncode == 2, proc.stdout
    assert "d.ini:" in proc.stderr and words in proc.stderr, proc.stderr


def test_record_without_any_version_field_is_refused(tmp_path):
    folder = _folder(tmp_path, "")
    proc = run_mtlsgrid("list", "--scenarios", folder)
    assert proc.returncode == 2
    assert 'd.ini:1: divergence [seen] needs either "version" (a glob) or "versions"' in proc.stderr


BUILT = os.environ.get("MTLSGRID_VERSION_BUILT", "")
BUILT_BIN = os.environ.get("MTLSGRID_VERSION_BIN", "")
LIBRARY = {"openssl": "libssl"}  # the library a stack's backend links, where not lib<stack>
needs_built = pytest.mark.skipif(not (BUILT and BUILT_BIN),
                                 reason="no other stack version built (ci/test builds one)")


@needs_built
def test_binary_names_the_version_it_links(mtlsgrid_bin):
    """`stacks`, `--version` and the run header say what the library reports at run time:
    the built version, not the system's."""
    stack, version = BUILT.split("=")
    assert _linked(BUILT_BIN, stack) == version != _linked(mtlsgrid_bin, stack)
    out = subprocess.run([BUILT_BIN, "--version"], capture_output=True, text=True,
                         check=True, timeout=60).stdout
    assert f"{stack} {version}" in out
    maps = subprocess.run(["ldd", BUILT_BIN], capture_output=True, text=True, check=True).stdout
    library = LIBRARY.get(stack, f"lib{stack}")
    assert any(library in line and "/mtlsgrid/stacks/" in line for line in maps.splitlines()), maps


@needs_built
def test_version_scoped_record_applies_on_that_version_only(tmp_path, mtlsgrid_bin):
    """A record scoped to the built version (= it: it may be older than the system's, as
    OpenSSL 1.1.1w is) grades xfail on the built binary and is 'not applied' on the system's,
    whose cases then pass."""
    stack, version = BUILT.split("=")
    folder = _folder(tmp_path, f"versions = ={version}", stack=stack)
    built = subprocess.run([BUILT_BIN, "run", "--stacks", stack, "--scenarios", folder,
                            "--out", tmp_path / "built"], capture_output=True, text=True,
                           timeout=600)
    assert built.returncode == 0, built.stdout + built.stderr
    assert set(_grades(tmp_path / "built").values()) == {"xfail"}
    run = json.loads((tmp_path / "built" / "run.json").read_text())
    assert version in json.dumps(run["stacks"])
    system = run_mtlsgrid("run", "--stacks", stack, "--scenarios", folder, "--out",
                          tmp_path / "system")
    assert system.returncode == 0
    assert set(_grades(tmp_path / "system").values()) == {"pass"}
    assert "not applied" in system.stdout + system.stderr


needs_openssl_1_1 = pytest.mark.skipif(
    not (BUILT.startswith("openssl=1.1") and BUILT_BIN),
    reason="no OpenSSL 1.1.1 build (MTLSGRID_VERSION_BUILT=openssl=1.1.1w, see README)")


def _dynamic_symbols(path):
    """(name, version, defined) of each dynamic symbol: readelf --dyn-syms."""
    out = subprocess.run(["readelf", "--dyn-syms", "-W", path], capture_output=True,
                         text=True, check=True, timeout=60).stdout
    symbols = []
    for line in out.splitlines():
        fields = line.split()
        if len(fields) < 8 or not fields[0].rstrip(":").isdigit():
            continue
        name, _, version = fields[7].partition("@")
        symbols.append((name, version.lstrip("@"), fields[6] != "UND"))
    return symbols


@needs_openssl_1_1
def test_openssl_1_1_backend_binds_to_1_1_and_the_rest_to_3():
    """Two libcryptos in one process: the backend's shared object refers to 1.1.1's
    versioned symbols only and exports its stack table, the program to 3.0's only."""
    maps = subprocess.run(["ldd", BUILT_BIN], capture_output=True, text=True, check=True,
                          timeout=60).stdout
    backend = next(line.split("=>")[1].split()[0] for line in maps.splitlines()
                   if "libmg_stack_openssl.so" in line)
    assert "libcrypto.so.3" in maps and "libcrypto.so.1.1" in maps, maps
    backend_refs = {v for n, v, defined in _dynamic_symbols(backend)
                    if not defined and v.startswith("OPENSSL")}
    assert backend_refs and all(v.startswith("OPENSSL_1_1_") for v in backend_refs), backend_refs
    exported = {n for n, v, defined in _dynamic_symbols(backend) if defined}
    assert "mg_stack_openssl" in exported
    assert all(n == "mg_stack_openssl" or n.startswith("mg_ossl_") for n in exported), exported
    program_refs = {v for n, v, defined in _dynamic_symbols(BUILT_BIN)
                    if not defined and v.startswith("OPENSSL")}
    assert program_refs == {"OPENSSL_3.0.0"}, program_refs


@needs_openssl_1_1
def test_openssl_1_1_only_record_grades_there_and_not_on_the_system(tmp_path):
    """The generator (libcrypto 3) and the 1.1.1 backend in one run: 1.1.1 does not hold an
    SmtpUTF8Mailbox SAN to an email constraint (its own record, xfail), 3.0 refuses it."""
    case = "client-nc-email-punycode/openssl-openssl/tls1.3/strict"
    built = subprocess.run([BUILT_BIN, "run", "--filter", case, "--out", tmp_path / "built"],
                           capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stdout + built.stderr
    row = json.loads((tmp_path / "built" / "results.jsonl").read_text().splitlines()[0])
    assert (row["verdict"], row["grade"]) == ("ok", "xfail")
    assert row["divergence"]["id"] == "openssl-1.1.1-server-skips-smtputf8-constraints"
    system = run_mtlsgrid("run", "--filter", case, "--out", tmp_path / "system")
    assert system.returncode == 0, system.stdout + system.stderr
    assert _grades(tmp_path / "system") == {case: "pass"}
