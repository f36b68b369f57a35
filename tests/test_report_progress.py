"""The live progress line of `run`: on a terminal (a pseudo-terminal here) it counts up to
"[N/N] ... fail ... xfail ... s" with colour for the grades, without colour under NO_COLOR;
when stdout is not a terminal nothing is drawn at all."""
import os
import pty
import re

from conftest import _binary, list_cases, run_mtlsgrid

FILTER = "client-eku*"


def run_on_terminal(args, env):
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(_binary(), [_binary(), *map(str, args)], env)
    out = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), out.decode("utf-8", "replace")


def test_progress_line_on_a_terminal(tmp_path):
    total = len(list_cases("--filter", FILTER))
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env["TERM"] = "xterm"
    code, out = run_on_terminal(["run", "--filter", FILTER, "--out", tmp_path / "a"], env)
    assert code in (0, 1), out
    assert re.search(rf"\r\[{total:,}/{total:,}\] (\x1b\[[0-9;]*m)?\d+ fail", out), out[-800:]
    assert "\x1b[" in out, "no colour on a terminal"
    code, plain = run_on_terminal(["run", "--filter", FILTER, "--out", tmp_path / "b"],
                                  {**env, "NO_COLOR": "1"})
    assert f"[{total:,}/{total:,}]" in plain and "\x1b[3" not in plain and "\x1b[1;" not in plain


def test_no_progress_when_not_a_terminal(tmp_path):
    proc = run_mtlsgrid("run", "--filter", FILTER, "--out", tmp_path)
    assert "\r" not in proc.stdout and "\x1b" not in proc.stdout
    assert re.search(r"^\d+ cases in [0-9.]+ s: \d+ pass, ", proc.stdout, re.M), proc.stdout


def test_limbo_shows_the_same_progress_line(tmp_path):
    """limbo counts its handshakes the same way, graded against limbo's expected_result."""
    limbo = os.path.join(os.path.dirname(__file__), "limbo", "mtlsgrid.json")
    env = {**{k: v for k, v in os.environ.items() if k != "NO_COLOR"}, "TERM": "xterm",
           "NO_COLOR": "1"}
    code, out = run_on_terminal(["limbo", limbo, "--out", tmp_path, "--tls", "1.3"], env)
    assert code in (0, 1), out
    total = int(re.search(r"(\d+) handshakes to run, (\d+) skipped", out).group(1)) + \
        int(re.search(r"(\d+) skipped before running", out).group(1))
    assert re.search(rf"\r\[{total:,}/{total:,}\] \d+ fail", out), out[-800:]
    piped = run_mtlsgrid("limbo", limbo, "--out", tmp_path / "piped", "--tls", "1.3")
    assert "\r" not in piped.stdout
