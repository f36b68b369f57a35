"""Fixtures shared by the pytest suite.

The suite runs the real `mtlsgrid` program (MTLSGRID_BIN, set by ci/test to the sanitizer
build) and real peers on loopback. Case ids are the test ids, so `-k client-eku` selects.
"""
import json
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent


def _binary():
    path = os.environ.get("MTLSGRID_BIN") or str(ROOT / "build" / "cli" / "mtlsgrid")
    if not os.access(path, os.X_OK):
        raise pytest.UsageError(f"mtlsgrid binary not found at {path}: build first (ci/test does)")
    return path


def run_mtlsgrid(*args, check=False, timeout=600, **kwargs):
    """Runs mtlsgrid with args; returns the CompletedProcess (text mode)."""
    proc = subprocess.run([_binary(), *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, **kwargs)
    if check and proc.returncode != 0:
        raise AssertionError(f"mtlsgrid {' '.join(map(str, args))} exited {proc.returncode}:\n"
                             f"{proc.stdout}\n{proc.stderr}")
    return proc


def _stacks():
    """The stacks the binary has, from `mtlsgrid stacks --json`: tests ask the binary instead
    of naming stacks, so a new stack is covered by the same tests."""
    proc = subprocess.run([_binary(), "stacks", "--json"], capture_output=True, text=True,
                          timeout=60, check=False)
    if proc.returncode != 0:
        raise pytest.UsageError(f"mtlsgrid stacks --json exited {proc.returncode}: {proc.stderr}")
    return json.loads(proc.stdout)


STACK_INFO = _stacks()
STACKS = [s["name"] for s in STACK_INFO]


def stack_has(name, capability):
    return any(s["name"] == name and capability in s["capabilities"] for s in STACK_INFO)


@pytest.fixture(scope="session")
def mtlsgrid_bin():
    return _binary()


@pytest.fixture(scope="session")
def matrix_dir(tmp_path_factory):
    """A pinned-time certificate matrix made by `mtlsgrid gen`."""
    out = tmp_path_factory.mktemp("matrix") / "m"
    run_mtlsgrid("gen", "--out", out, "--quiet", check=True)
    return out


@pytest.fixture(scope="session")
def matrix_results(tmp_path_factory):
    """The whole built-in matrix, run once per session: {case id: result record}."""
    out = tmp_path_factory.mktemp("run")
    # The workers of the whole matrix are leak-checked too (a sanitizer build reports and
    # fails the run on a leak in any worker).
    proc = run_mtlsgrid("run", "--out", out, env={**os.environ, "MTLSGRID_LEAK_CHECK_WORKERS": "1"})
    if proc.returncode not in (0, 1):
        raise AssertionError(f"mtlsgrid run failed ({proc.returncode}):\n{proc.stderr}")
    records = [json.loads(line) for line in (out / "results.jsonl").read_text().splitlines()]
    return {"dir": out, "exit": proc.returncode, "stdout": proc.stdout,
            "cases": {r["case"]: r for r in records}}


def list_cases(*filters):
    proc = run_mtlsgrid("list", *filters, check=True)
    return proc.stdout.split()
