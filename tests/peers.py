"""Real peers on loopback for interop tests: started by the test, stopped by it, bounded."""
import contextlib
import os
import re
import shutil
import socket
import subprocess
import time

import pytest


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, proc, seconds=10.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"peer exited early ({proc.returncode}): {proc.args}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise AssertionError(f"nothing listens on port {port} after {seconds} s: {proc.args}")


def wait_for_line(proc, pattern, seconds=10.0):
    """Reads the peer's output until a line matches; returns the match. Used where a probe
    connection would count as one of the peer's bounded connections."""
    deadline = time.monotonic() + seconds
    seen = []
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        seen.append(line)
        match = re.search(pattern, line)
        if match:
            return match
    raise AssertionError(f"{proc.args}: no line matching {pattern!r}; got {''.join(seen)!r}")


@contextlib.contextmanager
def running(args, port=None, ready=None, **kwargs):
    """Starts a server process and waits until it is ready: a connection to `port` succeeds,
    or a line of its output matches `ready` (proc.ready holds the match). Stops it after."""
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            stdin=subprocess.DEVNULL, **kwargs)
    try:
        if ready:
            proc.ready = wait_for_line(proc, ready)
        elif port:
            wait_for_port(port, proc)
        yield proc
    finally:
        stop(proc, 5)


def stop(proc, timeout):
    """Terminates a running process; kills it if it is still there after `timeout` seconds."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def need(tool):
    if not shutil.which(tool):
        pytest.fail(f"{tool} is not installed: ci/deps test installs it")
    return shutil.which(tool)


def artifact(matrix, name, what):
    """Path of a generated artifact's file: cert.pem, chain.pem, key.pem, crl.pem, ..."""
    return os.path.join(matrix, name, what)


def nginx_conf(folder, port, server):
    """folder/nginx.conf: one nginx worker in the foreground, all its files in folder, one TLS
    server on 127.0.0.1:port whose block holds `server` (nginx directives, one per line)."""
    body = "\n".join("        " + line for line in server.strip().splitlines())
    conf = folder / "nginx.conf"
    conf.write_text(f"""worker_processes 1;
daemon off;
pid {folder}/nginx.pid;
error_log {folder}/error.log;
events {{ worker_connections 16; }}
http {{
    access_log off;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    server {{
        listen 127.0.0.1:{port} ssl;
{body}
    }}
}}
""")
    return conf

