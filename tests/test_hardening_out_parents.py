"""The folders above an output folder (issue 22: "refuse an output folder owned by another user
or writable by others unless it is sticky and ours"): whoever owns a parent of --out, or can
write into it, can move --out away and put a folder (or a link) of theirs in its place between
our check and our writes. So every folder above --out, up to /, must be root's or ours and
writable by no one else unless sticky, as OpenSSH's safe_path() wants of the folders above
authorized_keys: /tmp/x is fine, /tmp/evil/x is not when /tmp/evil is someone else's."""
import os
import pathlib
import shutil
import uuid

import pytest

from conftest import STACKS, run_mtlsgrid

STACK = STACKS[0]
SMALL_RUN = ["run", "--filter", "baseline/*/*/strict", "--stacks", STACK, "--jobs", "1"]
COMMANDS = {"run": SMALL_RUN, "repro": ["repro", f"baseline/{STACK}-{STACK}/tls1.3/strict"],
            "gen": ["gen"]}


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can make a folder of another user")
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_out_under_a_parent_of_another_user_that_all_can_write_is_refused(tmp_path, command):
    evil = tmp_path / "evil"
    evil.mkdir()
    os.chown(evil, 65534, 65534)
    evil.chmod(0o777)  # world-writable, not sticky
    for out in (evil / "out", evil / "deeper" / "out"):
        proc = run_mtlsgrid(*COMMANDS[command], "--out", out)
        assert proc.returncode == 2, proc.stdout
        assert f"the folder {evil} above it belongs to another user (uid 65534)" in proc.stderr
    assert list(evil.iterdir()) == [], "something was made in the other user's folder"


def test_out_under_a_parent_others_can_write_is_refused_unless_sticky(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    mine = shared / "mine"  # ours and private, but in a folder anyone can rename it out of
    mine.mkdir(mode=0o700)
    for out in (shared / "out", mine):
        proc = run_mtlsgrid(*SMALL_RUN, "--out", out)
        assert proc.returncode == 2
        assert (f"others can write into the folder {shared} above it (mode 777, not sticky)"
                in proc.stderr)
    assert sorted(p.name for p in shared.iterdir()) == ["mine"]
    assert list(mine.iterdir()) == []
    shared.chmod(0o1777)  # sticky: only the owner of a name can rename it
    assert run_mtlsgrid(*SMALL_RUN, "--out", mine).returncode == 0


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can make a link of another user")
def test_out_through_a_link_of_another_user_above_it_is_refused(tmp_path):
    target = tmp_path / "target"
    target.mkdir()
    link = tmp_path / "their-link"
    link.symlink_to(target)
    os.lchown(link, 65534, 65534)
    proc = run_mtlsgrid(*SMALL_RUN, "--out", link / "out")
    assert proc.returncode == 2
    assert f"{link} above it is a symbolic link owned by another user (uid 65534)" in proc.stderr
    assert list(target.iterdir()) == []


def test_out_directly_in_sticky_tmp_is_fine():
    tmp = pathlib.Path("/tmp")
    assert tmp.stat().st_mode & 0o1000, "/tmp is not sticky on this machine"
    out = tmp / f"mtlsgrid-parents-{uuid.uuid4().hex[:12]}"
    try:
        proc = run_mtlsgrid(*SMALL_RUN, "--out", out)
        assert proc.returncode == 0, proc.stderr
        assert (out / "results.jsonl").is_file()
    finally:
        shutil.rmtree(out, ignore_errors=True)
