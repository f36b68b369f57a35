"""Issue #22, peers and processes: hostile peers cannot stall `serve` or stretch `connect`,
timeouts out of range are refused, and workers never outlive a killed run.

Every peer here is on loopback and bounded: a slow peer sends at most a fixed number of bytes
at a fixed pace, a flood is a fixed number of sockets, and every wait has a limit. Where a bound
is the thing tested, it is several times what the fixed program needs (the deadline plus a
margin), so that a slow machine does not fail it."""
import json
import os
import re
import signal
import socket
import subprocess
import threading
import time

import pytest

from conftest import STACKS, _binary, run_mtlsgrid
from peers import running

STACK = STACKS[0]
# A TLS record header announcing a 16 KB handshake record: the server reads on, waiting for it.
RECORD_HEADER = b"\x16\x03\x01\x40\x00"


@pytest.fixture(scope="module")
def now_matrix(tmp_path_factory):
    out = tmp_path_factory.mktemp("now") / "m"
    run_mtlsgrid("gen", "--out", out, "--time", "now", "--quiet", check=True)
    return str(out)


@pytest.fixture
def serve(now_matrix):
    """Starts `mtlsgrid serve` (until stopped) with a deadline; yields (port, process)."""
    contexts = []

    def start(timeout):
        context = running([_binary(), "serve", "--stack", STACK, "--scenario", "baseline",
                           "--matrix", now_matrix, "--port", "0", "--timeout", str(timeout)],
                          ready=r"port (\d+)")
        contexts.append(context)
        proc = context.__enter__()
        return int(proc.ready.group(1)), proc

    yield start
    for context in contexts:
        context.__exit__(None, None, None)


def good_client(now_matrix, port, timeout=20):
    """`mtlsgrid connect` with the scenario's client: ok when serve answers in time."""
    return run_mtlsgrid("connect", "--stack", STACK, "--scenario", "baseline", "--matrix",
                        now_matrix, "--port", port, "--timeout", timeout, timeout=timeout + 30)


class SlowPeer(threading.Thread):
    """Sends a record header, then one byte every `pace` seconds, `count` bytes at most; records
    whether the other side closed the connection before the bytes ran out."""

    def __init__(self, sock, count=80, pace=0.25):
        super().__init__(daemon=True)
        self.sock, self.count, self.pace = sock, count, pace
        self.cut = threading.Event()

    def run(self):
        try:
            self.sock.sendall(RECORD_HEADER)
            for _ in range(self.count):
                time.sleep(self.pace)
                self.sock.settimeout(0.01)
                try:
                    if self.sock.recv(1) == b"":
                        self.cut.set()
                        return
                except socket.timeout:
                    pass
                self.sock.settimeout(5)
                self.sock.sendall(b"\x00")
        except OSError:
            self.cut.set()
        finally:
            self.sock.close()


def test_slow_client_is_cut_at_its_deadline_and_does_not_hold_good_clients(serve, now_matrix):
    port, proc = serve(timeout=2)
    slow = SlowPeer(socket.create_connection(("127.0.0.1", port), timeout=5))
    slow.start()
    # Before the fix the trickling client held the only connection slot for all its 20 s.
    proc_good = good_client(now_matrix, port, timeout=8)
    assert proc_good.returncode == 0 and proc_good.stdout.startswith("ok"), \
        proc_good.stdout + proc_good.stderr
    slow.join(30)
    assert slow.cut.is_set(), "serve kept a trickling connection past its deadline"


def test_flood_of_stalled_connections_does_not_starve_a_good_client(serve, now_matrix):
    # More stalled connections than serve keeps at once, each with a long deadline: before the
    # fix each held the only slot for its deadline; a bounded pool alone would still make the
    # newcomer wait out whole deadlines. The oldest give way instead.
    port, proc = serve(timeout=60)
    flood = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(200)]
    for s in flood:
        s.sendall(RECORD_HEADER)
    try:
        proc_good = good_client(now_matrix, port, timeout=20)
        assert proc_good.returncode == 0 and proc_good.stdout.startswith("ok"), \
            proc_good.stdout + proc_good.stderr
    finally:
        for s in flood:
            s.close()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP],
                         ids=["TERM", "INT", "HUP"])
def test_serve_stops_promptly_on_a_signal_with_a_connection_open(serve, sig):
    port, proc = serve(timeout=120)
    hung = socket.create_connection(("127.0.0.1", port), timeout=10)
    hung.sendall(RECORD_HEADER)
    hung.settimeout(10)
    # A byte from serve would be wrong; what matters is that the connection is served (it is
    # cut below when serve stops), so wait for nothing more than the signal being delivered.
    time.sleep(0.3)
    proc.send_signal(sig)
    # Before the fix serve sat in the connection's read for its whole --timeout (120 s).
    proc.wait(timeout=10)
    try:
        assert hung.recv(1) == b"", "the connection outlived serve"
    except ConnectionResetError:
        pass
    finally:
        hung.close()


def trickling_server(listener, count=100, pace=0.2):
    """Accepts one client and answers with a record header and a byte now and then."""
    conn, _ = listener.accept()
    with conn:
        try:
            conn.sendall(b"\x16\x03\x03\x40\x00")
            for _ in range(count):
                time.sleep(pace)
                conn.sendall(b"\x00")
        except OSError:
            pass


def test_connect_timeout_bounds_the_whole_exchange_with_a_trickling_server(now_matrix):
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        server = threading.Thread(target=trickling_server, args=(listener,), daemon=True)
        server.start()
        port = listener.getsockname()[1]
        # The trickle lasts 20 s; a 2 s timeout that bounds each read only would wait it out.
        proc = run_mtlsgrid("connect", "--stack", STACK, "--scenario", "baseline", "--matrix",
                            now_matrix, "--port", port, "--timeout", "2", timeout=12)
        server.join(30)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert proc.stdout.startswith("timeout"), proc.stdout
    assert "deadline" in proc.stdout


@pytest.mark.parametrize("command", ["serve", "connect"])
@pytest.mark.parametrize("value", ["1e-7", "0.0005", "inf", "1e300", "86401"])
def test_timeouts_out_of_range_are_refused(command, value, now_matrix):
    # A closed port: connect must refuse the value before it tries to connect.
    proc = run_mtlsgrid(command, "--stack", STACK, "--scenario", "baseline", "--matrix",
                        now_matrix, "--port", "1" if command == "connect" else "0",
                        "--timeout", value, timeout=20)
    assert proc.returncode == 2
    assert f"{command}: --timeout" in proc.stderr and value in proc.stderr, proc.stderr
    assert re.search(r"too (small|large)", proc.stderr), proc.stderr


def test_run_timeout_reason_gives_the_real_value(tmp_path):
    case = f"baseline/{STACK}-{STACK}/tls1.3/strict"
    proc = run_mtlsgrid("run", "--filter", case, "--timeout", "0.001", "--out", tmp_path / "o",
                        env={**os.environ, "MTLSGRID_FAULT": f"hang:{case}"})
    assert proc.returncode == 1, proc.stdout + proc.stderr
    record = json.loads((tmp_path / "o" / "results.jsonl").read_text().splitlines()[0])
    assert record["verdict"] == "timeout"
    assert "within 0.001 s" in record["reason_text"], record["reason_text"]


def children_of(pid):
    """The pids whose parent is pid, from /proc."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(entry))
    return found


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP],
                         ids=["TERM", "INT", "HUP"])
def test_workers_die_with_a_run_killed_during_a_hanging_case(sig, tmp_path):
    case = f"baseline/{STACK}-{STACK}/tls1.3/strict"
    proc = subprocess.Popen([_binary(), "run", "--filter", case, "--jobs", "1", "--timeout",
                             "600", "--out", str(tmp_path / "o")],
                            env={**os.environ, "MTLSGRID_FAULT": f"hang:{case}"},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers = []
    try:
        for _ in range(200):  # up to 20 s for the worker to start
            workers = children_of(proc.pid)
            if workers:
                break
            time.sleep(0.1)
        assert workers, "the run started no worker"
        os.kill(proc.pid, sig)
        proc.wait(timeout=20)
        for _ in range(100):  # up to 10 s for the kernel to deliver the parent's death
            if not any(alive(w) for w in workers):
                break
            time.sleep(0.1)
        assert not any(alive(w) for w in workers), f"workers {workers} outlived the run"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for w in workers:  # what the test found, so that a failure leaves nothing behind
            if alive(w):
                os.kill(w, signal.SIGKILL)
