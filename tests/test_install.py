"""The installed tool: `cmake --install` into a temporary prefix and `cpack -G DEB`, the .deb
unpacked with `dpkg-deb -x`, and the binary run from a fresh folder with no source path or
data variable, so it must find its data beside itself. The man page must render and the
bash completion must offer every command and option the help lists.

The build folder is MTLSGRID_BIN's (a fresh configure and build of the whole project takes
over a minute on two cores); MTLSGRID_INSTALL_BUILD names another one."""
import os
import pathlib
import re
import shutil
import subprocess

import pytest

from conftest import ROOT, STACKS, run_mtlsgrid

COMMANDS = re.findall(r"^  ([a-z]+) ", run_mtlsgrid("--help").stdout.split("commands:\n", 1)[1],
                      re.M)


def _build_dir():
    named = os.environ.get("MTLSGRID_INSTALL_BUILD")
    if named:
        return pathlib.Path(named)
    binary = pathlib.Path(os.environ.get("MTLSGRID_BIN") or ROOT / "build" / "cli" / "mtlsgrid")
    return binary.resolve().parent.parent


def _clean_env():
    """The environment without the variables that would point the binary at its data."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("MTLSGRID_DATA", "MTLSGRID_SCENARIOS", "MG_SOURCE_DIR")}
    env["ASAN_OPTIONS"] = env.get("ASAN_OPTIONS", "") + ":detect_leaks=0"
    return env


def _run(*args, cwd=None, timeout=300):
    proc = subprocess.run([str(a) for a in args], capture_output=True, text=True, cwd=cwd,
                          timeout=timeout, env=_clean_env(), check=False)
    assert proc.returncode == 0, f"{args} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}"
    return proc


@pytest.fixture(scope="module")
def build_dir():
    build = _build_dir()
    if not (build / "CMakeCache.txt").exists():
        pytest.fail(f"no CMake build folder at {build} (set MTLSGRID_INSTALL_BUILD)")
    _run("cmake", "--build", build, "--target", "mtlsgrid_docs", "-j2")
    return build


@pytest.fixture(scope="module")
def prefix(build_dir, tmp_path_factory):
    prefix = tmp_path_factory.mktemp("prefix")
    _run("cmake", "--install", build_dir, "--prefix", prefix)
    return prefix


@pytest.fixture(scope="module")
def deb(build_dir, tmp_path_factory):
    if not shutil.which("dpkg-deb"):
        pytest.skip("dpkg-deb is not installed")
    out = tmp_path_factory.mktemp("cpack")
    _run("cpack", "-G", "DEB", "--config", build_dir / "CPackConfig.cmake", "-B", out)
    debs = list(out.glob("*.deb"))
    assert len(debs) == 1, debs
    return debs[0]


@pytest.fixture(scope="module")
def deb_root(deb, tmp_path_factory):
    root = tmp_path_factory.mktemp("root")
    _run("dpkg-deb", "-x", deb, root)
    return root


def _source_data():
    return sorted(p.relative_to(ROOT / "scenarios").as_posix()
                  for p in (ROOT / "scenarios").glob("*/*.ini")
                  if p.parent.name in ("catalogue", "divergences"))


def test_install_puts_binary_data_man_page_and_completion(prefix):
    assert os.access(prefix / "bin" / "mtlsgrid", os.X_OK)
    data = prefix / "share" / "mtlsgrid"
    assert sorted(p.relative_to(data).as_posix() for p in data.glob("*/*.ini")) == _source_data()
    assert (prefix / "share" / "man" / "man1" / "mtlsgrid.1").is_file()
    assert (prefix / "share" / "bash-completion" / "completions" / "mtlsgrid").is_file()


def test_installed_binary_finds_its_data_from_a_fresh_folder(prefix, tmp_path):
    listed = _run(prefix / "bin" / "mtlsgrid", "list", cwd=tmp_path).stdout.split()
    assert listed == run_mtlsgrid("list", check=True).stdout.split()


def test_missing_data_is_a_clear_usage_error(prefix, tmp_path):
    env = {**_clean_env(), "MTLSGRID_DATA": str(tmp_path / "nowhere")}
    proc = subprocess.run([prefix / "bin" / "mtlsgrid", "list"], capture_output=True, text=True,
                          env=env, cwd=tmp_path, check=False, timeout=60)
    assert proc.returncode == 2
    assert "nowhere" in proc.stderr and "MTLSGRID_DATA" in proc.stderr
    assert proc.stderr.count("\n") == 1, proc.stderr


def test_mtlsgrid_data_overrides_the_installed_data(prefix, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(prefix / "share" / "mtlsgrid", data)
    for ini in (data / "catalogue").glob("*.ini"):
        if ini.name != "baseline.ini":
            ini.unlink()
    for ini in (data / "divergences").glob("*.ini"):  # they name scenarios just removed
        ini.unlink()
    env = {**_clean_env(), "MTLSGRID_DATA": str(data)}
    proc = subprocess.run([prefix / "bin" / "mtlsgrid", "list"], capture_output=True, text=True,
                          env=env, cwd=tmp_path, check=False, timeout=60)
    assert proc.returncode == 0, proc.stderr
    listed, full = set(proc.stdout.split()), set(run_mtlsgrid("list", check=True).stdout.split())
    assert listed and listed < full
    assert {c.split("/")[0] for c in listed} < {c.split("/")[0] for c in full}


def test_deb_holds_the_installed_layout(deb_root):
    usr = deb_root / "usr"
    assert os.access(usr / "bin" / "mtlsgrid", os.X_OK)
    data = usr / "share" / "mtlsgrid"
    assert sorted(p.relative_to(data).as_posix() for p in data.glob("*/*.ini")) == _source_data()
    assert (usr / "share" / "man" / "man1" / "mtlsgrid.1").is_file()
    assert (usr / "share" / "bash-completion" / "completions" / "mtlsgrid").is_file()


def test_deb_binary_holds_no_source_path(deb_root, build_dir):
    if "MTLSGRID_SANITIZE:BOOL=ON" in (build_dir / "CMakeCache.txt").read_text():
        pytest.skip("the sanitizers keep their own source locations (a sanitizer build)")
    binary = (deb_root / "usr" / "bin" / "mtlsgrid").read_bytes()
    assert str(ROOT).encode() not in binary


def test_deb_depends_on_the_packages_of_the_linked_libraries(deb, deb_root):
    depends = _run("dpkg-deb", "-f", deb, "Depends").stdout
    names = {d.strip().split()[0] for d in depends.replace("|", ",").split(",") if d.strip()}
    binary = deb_root / "usr" / "bin" / "mtlsgrid"
    needed = set(re.findall(r"\(NEEDED\)\s+Shared library: \[(\S+)\]",
                            _run("readelf", "-d", binary).stdout))
    libs = [path for name, path in re.findall(r"^\s*(\S+) => (/\S+)", _run("ldd", binary).stdout,
                                              re.M) if name in needed]
    owners = set()
    for lib in libs:
        found = subprocess.run(["dpkg", "-S", os.path.realpath(lib)], capture_output=True,
                               text=True, check=False)
        if found.returncode != 0:  # a library that is not in a package (a stack built locally)
            found = subprocess.run(["dpkg", "-S", lib], capture_output=True, text=True,
                                   check=False)
        if found.returncode == 0 and not lib.split("/")[-1].startswith("libasan"):
            owners.add(found.stdout.split(":")[0])
    owners -= {"libasan8", "libubsan1", "libgcc-s1"}
    assert owners, libs
    assert owners <= names, f"Depends: {depends!r} misses {owners - names}"


def test_deb_binary_runs_a_filtered_matrix_from_a_fresh_folder(deb_root, matrix_dir, tmp_path):
    binary = deb_root / "usr" / "bin" / "mtlsgrid"
    work = tmp_path / "fresh"
    work.mkdir()
    listed = _run(binary, "list", cwd=work).stdout.split()
    assert len(listed) == len(run_mtlsgrid("list", check=True).stdout.split())
    stack = STACKS[0]
    proc = _run(binary, "run", "--filter", "baseline/*", "--stacks", stack, "--tls", "1.3",
                "--matrix", matrix_dir, "--out", work / "out", cwd=work)
    results = (work / "out" / "results.jsonl").read_text().splitlines()
    assert results and len(results) == len([c for c in listed if c.startswith("baseline/")
                                             and f"/{stack}-{stack}/tls1.3/" in c]), proc.stdout


def test_man_page_renders_every_command(prefix):
    page = prefix / "share" / "man" / "man1" / "mtlsgrid.1"
    if shutil.which("man"):
        proc = subprocess.run(["man", "-l", page], capture_output=True, text=True, check=False,
                              env={**os.environ, "MANWIDTH": "100", "MAN_KEEP_FORMATTING": ""})
    elif shutil.which("groff"):
        proc = subprocess.run(["groff", "-man", "-Tutf8", "-ww", page], capture_output=True,
                              text=True, check=False)
    else:
        pytest.skip("neither man nor groff is installed (ci/deps test installs them)")
    assert proc.returncode == 0 and not proc.stderr, proc.stderr
    text = re.sub(r".\x08", "", proc.stdout)
    for heading in ("NAME", "SYNOPSIS", "COMMANDS", "ENVIRONMENT", "EXIT STATUS"):
        assert re.search(rf"^{heading}$", text, re.M), heading
    for command in COMMANDS:
        assert re.search(rf"^   {command}$", text, re.M), command
        help_options = re.findall(r"^  (--[a-z0-9-]+)", run_mtlsgrid(command, "--help").stdout,
                                  re.M)
        section = re.split(r"\n   (?=\S)", text.split(f"\n   {command}\n", 1)[1], 1)[0]
        for option in help_options:
            assert option in section.replace("\u2010", "-"), (command, option)


def _complete(completion, *words):
    script = (f'source "{completion}"; COMP_WORDS=({" ".join(repr(w) for w in words)}); '
              'COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _mtlsgrid; printf "%s\\n" "${COMPREPLY[@]}"')
    return set(_run("bash", "-c", script).stdout.split())


def test_completion_offers_every_command_and_option(prefix):
    completion = prefix / "share" / "bash-completion" / "completions" / "mtlsgrid"
    assert _complete(completion, "mtlsgrid", "") == set(COMMANDS) | {"-h", "--help", "--version"}
    assert _complete(completion, "mtlsgrid", "re") == {"repro", "report"}
    for command in COMMANDS:
        help_options = set(re.findall(r"^  (--[a-z0-9-]+)",
                                      run_mtlsgrid(command, "--help").stdout, re.M))
        assert _complete(completion, "mtlsgrid", command, "-") == help_options | {"-h"}
    serve = run_mtlsgrid("serve", "--help").stdout
    if "--client-cert required|optional|none" in serve:
        assert _complete(completion, "mtlsgrid", "serve", "--client-cert", "") == \
            {"required", "optional", "none"}
