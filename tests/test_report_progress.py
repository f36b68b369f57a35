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
