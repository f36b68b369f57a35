"""Hardening of what mtlsgrid writes (issue 22, "Security" and "Data"): no file written through
a planted link, no output folder of another user's (or one others can write) taken, nothing of
the user's overwritten or deleted, one run at a time per folder, no old report beside a new
run, no secret left readable or behind, secrets that need not be on the command line.

Every test runs the real binary on real files; the peers of serve and connect are mtlsgrid
itself on loopback, started and stopped here, each wait bounded."""
import fcntl
import os
import pathlib
import signal
import stat
import subprocess
import time

import pytest

from conftest import ROOT, STACKS, _binary, run_mtlsgrid, stack_has
from peers import running

STACK = STACKS[0]
SMALL_RUN = ["--filter", "baseline/*/*/strict", "--stacks", STACK, "--jobs", "1"]
KEYLOG_STACKS = [s for s in STACKS if stack_has(s, "keylog")]
REPORTS = ["results.jsonl", "junit.xml", "summary.md", "index.html", "run.json"]


def small_run(out, *extra, **kwargs):
    return run_mtlsgrid("run", *SMALL_RUN, "--out", out, *extra, **kwargs)


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def victim(tmp_path):
    """A file of the user's that a planted link points to: it must stay as it is."""
    path = tmp_path / "victim.txt"
    path.write_text("precious\n")
    path.chmod(0o644)
    return path


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    """A repro bundle of the baseline: the user's own files for handshake, a PKCS#12 and its
    password included."""
    out = tmp_path_factory.mktemp("bundle") / "b"
    run_mtlsgrid("repro", f"baseline/{STACK}-{STACK}/tls1.3/strict", "--out", out, "--quiet",
                 check=True)
    return out


# Security: planted links


def test_run_never_writes_through_a_planted_link(tmp_path, victim):
    out = tmp_path / "out"
    assert small_run(out).returncode == 0
    # the fixed temporary names of old, and a final name, each a link to the user's file
    for name in REPORTS:
        (out / f"{name}.partial").symlink_to(victim)
    (out / "summary.md").unlink()
    (out / "summary.md").symlink_to(victim)
    proc = small_run(out)
    assert proc.returncode == 0, proc.stderr
    assert victim.read_text() == "precious\n" and mode(victim) == 0o644
    assert (out / "summary.md").is_file() and not (out / "summary.md").is_symlink()
    assert "precious" not in (out / "summary.md").read_text()


def test_repro_never_writes_through_a_planted_link(tmp_path, victim):
    out = tmp_path / "case"
    case = f"baseline/{STACK}-{STACK}/tls1.3/strict"
    run_mtlsgrid("repro", case, "--out", out, "--quiet", check=True)
    (out / "commands.sh.partial").symlink_to(victim)
    (out / "server.key").unlink()
    (out / "server.key").symlink_to(victim)
    run_mtlsgrid("repro", case, "--out", out, "--quiet", check=True)
    # not overwritten, and not made executable (commands.sh is 0755)
    assert victim.read_text() == "precious\n" and mode(victim) == 0o644
    assert not (out / "server.key").is_symlink() and mode(out / "server.key") == 0o600
    assert mode(out / "commands.sh") == 0o755


# Security: folders of others


def test_out_folder_others_can_write_is_refused_unless_sticky(tmp_path):
    out = tmp_path / "shared"
    out.mkdir()
    out.chmod(0o777)
    proc = small_run(out)
    assert proc.returncode == 2
    assert f"--out {out}: others can write into the folder" in proc.stderr
    assert list(out.iterdir()) == []
    out.chmod(0o1777)  # sticky and ours, as /tmp is root's
    assert small_run(out).returncode == 0


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can make a folder of another user")
def test_out_folder_or_link_of_another_user_is_refused(tmp_path):
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    os.chown(theirs, 65534, 65534)
    for command in (["run", *SMALL_RUN], ["repro", "baseline"]):
        proc = run_mtlsgrid(*command, "--out", theirs)
        assert proc.returncode == 2, proc.stdout
        assert "belongs to another user (uid 65534)" in proc.stderr
    assert list(theirs.iterdir()) == []
    mine = tmp_path / "mine"
    mine.mkdir()
    link = tmp_path / "link"
    link.symlink_to(mine)
    os.lchown(link, 65534, 65534)
    proc = small_run(link)
    assert proc.returncode == 2 and "symbolic link owned by another user" in proc.stderr
    assert list(mine.iterdir()) == []


# Security: secrets


@pytest.mark.skipif(not KEYLOG_STACKS, reason="no stack of this build writes key logs")
@pytest.mark.parametrize("older_file", [False, True], ids=["new", "existing-0644"])
def test_keylog_of_serve_and_connect_is_private(tmp_path, older_file):
    stack = KEYLOG_STACKS[0]
    server_log, client_log = tmp_path / "server.keys", tmp_path / "client.keys"
    if older_file:
        for log in (server_log, client_log):
            log.write_text("")
            log.chmod(0o644)
    old = os.umask(0o022)
    try:
        with running([_binary(), "serve", "--stack", stack, "--scenario", "baseline", "--port",
                      "0", "--count", "1", "--keylog", server_log],
                     ready=r"port (\d+)") as server:
            port = server.ready.group(1)
            proc = run_mtlsgrid("connect", "--stack", stack, "--scenario", "baseline", "--host",
                                "127.0.0.1", "--port", port, "--keylog", client_log, timeout=60)
            assert proc.returncode == 0, proc.stdout + proc.stderr
            server.communicate(timeout=20)
    finally:
        os.umask(old)
    for log in (server_log, client_log):
        assert mode(log) == 0o600, log
        assert "CLIENT_TRAFFIC_SECRET_0" in log.read_text() or "CLIENT_RANDOM" in log.read_text()


def test_keylog_through_a_link_is_refused(tmp_path, victim):
    link = tmp_path / "keys"
    link.symlink_to(victim)
    proc = run_mtlsgrid("connect", "--stack", STACK, "--scenario", "baseline", "--host",
                        "127.0.0.1", "--port", "1", "--keylog", link, timeout=60)
    assert proc.returncode == 2
    assert f"--keylog {link}: a symbolic link" in proc.stderr
    assert victim.read_text() == "precious\n"


def side_folders(tmp):
    return sorted(p.name for p in pathlib.Path(tmp).glob("mtlsgrid-side-*"))


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP],
                         ids=lambda s: s.name)
def test_temporary_folders_follow_tmpdir_and_go_on_a_signal(tmp_path, sig):
    tmp = tmp_path / "tmpdir"
    tmp.mkdir()
    env = {**os.environ, "TMPDIR": str(tmp)}
    proc = subprocess.Popen([_binary(), "serve", "--stack", STACK, "--scenario", "baseline",
                             "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, text=True, env=env)
    try:
        line = proc.stdout.readline()
        assert "serving" in line, line
        held = side_folders(tmp)
        assert len(held) == 1, "the scenario's matrix (with its keys) is under TMPDIR"
        assert any(pathlib.Path(tmp, held[0]).rglob("key.pem"))
        proc.send_signal(sig)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert side_folders(tmp) == [], "a private key was left behind"


@pytest.mark.parametrize("command", ["repro", "handshake"])
def test_temporary_folders_are_made_under_tmpdir(tmp_path, bundle, command):
    """A TMPDIR that cannot hold a folder is refused by name: the folder goes nowhere else."""
    missing = tmp_path / "no-such-tmpdir"
    args = {"repro": ["repro", "baseline", "--out", tmp_path / "r"],
            "handshake": ["handshake", "--server-cert", bundle / "server.pem", "--server-key",
                          bundle / "server.key", "--client-cert", bundle / "client.pem",
                          "--client-key", bundle / "client.key", "--server-trust",
                          bundle / "server-trust.pem", "--client-trust",
                          bundle / "client-trust.pem"]}[command]
    proc = run_mtlsgrid(*args, env={**os.environ, "TMPDIR": str(missing)})
    assert proc.returncode == 2
    assert f"cannot make a temporary folder in {missing} (TMPDIR)" in proc.stderr


def handshake_with_p12(bundle, *password_args, env=None):
    return run_mtlsgrid("handshake", "--server-cert", bundle / "server.pem", "--server-key",
                        bundle / "server.key", "--client-p12", bundle / "client.p12",
                        *password_args, "--server-trust", bundle / "server-trust.pem",
                        "--client-trust", bundle / "client-trust.pem",
                        env={**os.environ, **(env or {})})


def test_p12_password_from_a_file_or_the_environment(tmp_path, bundle):
    password = (bundle / "p12-password.txt").read_text().strip()
    on_argv = handshake_with_p12(bundle, "--p12-password", password)
    assert on_argv.returncode in (0, 1), on_argv.stderr
    from_file = handshake_with_p12(bundle, "--p12-password-file", bundle / "p12-password.txt")
    from_env = handshake_with_p12(bundle, env={"MTLSGRID_P12_PASSWORD": password})
    for proc in (from_file, from_env):
        assert (proc.returncode, proc.stdout) == (on_argv.returncode, on_argv.stdout), proc.stderr
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not-the-password\n")
    proc = handshake_with_p12(bundle, "--p12-password-file", wrong)
    assert proc.returncode == 2 and "client.p12" in proc.stderr
    proc = handshake_with_p12(bundle, "--p12-password", password, "--p12-password-file", wrong)
    assert proc.returncode == 2
    assert "give --p12-password or --p12-password-file, not both" in proc.stderr


def test_p12_password_file_for_serve_and_connect(bundle):
    proc = run_mtlsgrid("connect", "--stack", STACK, "--trust", bundle / "client-trust.pem",
                        "--p12", bundle / "client.p12", "--p12-password-file",
                        bundle / "no-such-file.txt", "--host", "127.0.0.1", "--port", "1")
    assert proc.returncode == 2
    assert "--p12-password-file" in proc.stderr and "no-such-file.txt" in proc.stderr
    help_text = run_mtlsgrid("serve", "--help", check=True).stdout
    assert "--p12-password-file FILE" in help_text and "MTLSGRID_P12_PASSWORD" in help_text


# Data: nothing of the user's overwritten or deleted


def test_run_refuses_a_folder_of_the_users_unless_forced(tmp_path):
    out = tmp_path / "notes"
    out.mkdir()
    (out / "notes.txt").write_text("mine\n")
    (out / "summary.md").write_text("my own summary\n")
    proc = small_run(out)
    assert proc.returncode == 2
    assert f"--out {out}: the folder holds" in proc.stderr and "--force" in proc.stderr
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt", "summary.md"]
    assert (out / "summary.md").read_text() == "my own summary\n"
    proc = small_run(out, "--force")
    assert proc.returncode == 0, proc.stderr
    assert (out / "notes.txt").read_text() == "mine\n"
    assert (out / "results.jsonl").is_file()


def test_repro_never_deletes_a_file_it_did_not_write(tmp_path):
    out = tmp_path / "case"
    out.mkdir()
    (out / "crl.pem").write_text("my CRL\n")
    case = f"baseline/{STACK}-{STACK}/tls1.3/strict"  # no CRL in this bundle
    proc = run_mtlsgrid("repro", case, "--out", out, "--quiet")
    assert proc.returncode == 2 and "holds \"crl.pem\"" in proc.stderr
    run_mtlsgrid("repro", case, "--out", out, "--quiet", "--force", check=True)
    assert (out / "crl.pem").read_text() == "my CRL\n"
    run_mtlsgrid("repro", case, "--out", out, "--quiet", check=True)  # ours now: no --force
    assert (out / "crl.pem").read_text() == "my CRL\n"
    assert (out / "expected.txt").read_text().strip() == "ok"


def test_report_and_limbo_refuse_a_folder_of_the_users_unless_forced(tmp_path):
    run_dir = tmp_path / "run"
    assert small_run(run_dir).returncode == 0
    limbo_file = ROOT / "tests" / "limbo" / "mtlsgrid.json"
    commands = {"report": ["report", "--from", run_dir],
                "limbo": ["limbo", limbo_file, "--stacks", STACK, "--tls", "1.3"]}
    for name, command in commands.items():
        out = tmp_path / f"{name}-folder"
        out.mkdir()
        (out / "index.html").write_text("my page\n")
        proc = run_mtlsgrid(*command, "--out", out)
        assert proc.returncode == 2, (name, proc.stdout)
        assert "was not written by mtlsgrid" in proc.stderr
        assert [p.name for p in out.iterdir()] == ["index.html"]
        proc = run_mtlsgrid(*command, "--out", out, "--force")
        assert proc.returncode in (0, 1), (name, proc.stderr)
        assert (out / "results.jsonl").is_file()


# Data: one run per folder


def test_a_second_run_on_a_locked_folder_exits_2_naming_the_holder(tmp_path):
    out = tmp_path / "out"
    assert small_run(out).returncode == 0
    before = (out / "results.jsonl").read_text()
    with open(out / ".mtlsgrid.lock", "r+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as a running run holds it
        lock.truncate()
        lock.write(f"{os.getpid()} (mtlsgrid run)\n")
        lock.flush()
        proc = small_run(out, "--tls", "1.2")
    assert proc.returncode == 2
    assert f"--out {out}: in use by process {os.getpid()} (mtlsgrid run)" in proc.stderr
    assert (out / "results.jsonl").read_text() == before
    assert small_run(out).returncode == 0  # released: the next run goes ahead


def test_a_second_run_cannot_replace_the_matrix_under_a_running_one(tmp_path):
    """A run with another --seed while a run is grading on the same folder: refused, naming the
    running run's PID, instead of replacing the matrix under it."""
    out = tmp_path / "out"
    first = subprocess.Popen([_binary(), "run", "--jobs", "1", "--out", str(out)],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = first.stdout.readline()  # "matrix: N artifacts ...": the cases are running now
        assert line.startswith("matrix:"), line
        second = small_run(out, "--seed", "another-seed")
        still_running = first.poll() is None
    finally:
        first.terminate()
        first.wait(timeout=60)
        first.stdout.close()
    if not still_running:
        pytest.skip("the first run ended before the second one started")
    assert second.returncode == 2, second.stdout
    assert f"--out {out}: in use by process {first.pid} (mtlsgrid run)" in second.stderr


# Data: no old report beside a new run, no leftovers


def test_a_run_removes_old_reports_and_interrupted_leftovers_first(tmp_path):
    out = tmp_path / "out"
    assert small_run(out).returncode == 0
    leftover = out / ".matrix.tmp-abc123"
    leftover.mkdir()
    (leftover / "key.pem").write_text("a key an interrupted run left\n")
    (out / ".matrix.old-xyz789").mkdir()
    proc = small_run(out, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert (out / "results.jsonl").is_file() and (out / "run.json").is_file()
    for old in ("junit.xml", "summary.md", "index.html"):
        assert not (out / old).exists(), f"{old} of the previous run beside the new one"
    assert not leftover.exists() and not (out / ".matrix.old-xyz789").exists()


def test_an_interrupted_run_leaves_no_half_made_matrix(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    proc = subprocess.Popen([_binary(), "run", *SMALL_RUN, "--out", str(out)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen = False
    try:
        for _ in range(20000):  # until the generator's hidden folder exists, bounded
            if list(out.glob(".matrix.tmp-*")):
                seen = True
                proc.send_signal(signal.SIGTERM)
                break
            if proc.poll() is not None:
                break
            time.sleep(0.0005)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    if not seen:
        pytest.skip("the matrix was made before the test could interrupt it")
    assert proc.returncode == -signal.SIGTERM
    assert list(out.glob(".matrix.tmp-*")) == [], "a half-made matrix (with keys) was left"


# The probes that behaved well, kept as regression tests


def test_out_that_is_a_file_is_refused(tmp_path):
    out = tmp_path / "file"
    out.write_text("mine\n")
    for command in (["run", *SMALL_RUN], ["repro", "baseline"], ["gen"]):
        proc = run_mtlsgrid(*command, "--out", out)
        assert proc.returncode == 2, command
        assert str(out) in proc.stderr
    assert out.read_text() == "mine\n"


def test_gen_refuses_a_folder_others_can_write(tmp_path):
    out = tmp_path / "m"
    out.mkdir()
    out.chmod(0o777)
    proc = run_mtlsgrid("gen", "--out", out, "--quiet")
    assert proc.returncode == 2 and "others can write into the folder" in proc.stderr
