"""The command-line contract: help from the tables, exit codes, messages that name the
flag or the file and line."""
import json
import re

import pytest

from conftest import STACKS, run_mtlsgrid

COMMANDS = ["gen", "list", "run", "repro", "serve", "connect", "handshake", "inspect", "limbo", "bench",
            "stacks", "report", "compare", "probe"]


def test_help_lists_every_command():
    proc = run_mtlsgrid("--help")
    assert proc.returncode == 0
    for name in COMMANDS:
        assert f"  {name} " in proc.stdout


def test_short_h_is_help_at_top_level():
    assert run_mtlsgrid("-h").stdout == run_mtlsgrid("--help").stdout
    assert run_mtlsgrid("-h").returncode == 0


@pytest.mark.parametrize("command", COMMANDS)
def test_short_h_is_help_per_command(command):
    long, short = run_mtlsgrid(command, "--help"), run_mtlsgrid(command, "-h")
    assert short.returncode == 0 and short.stdout == long.stdout, short.stderr


def test_h_after_double_dash_is_an_argument():
    proc = run_mtlsgrid("inspect", "--", "-h")
    assert "usage:" not in proc.stdout


def _top_level_entries(text):
    """{command: its brief}, continuation lines joined."""
    entries, name = {}, None
    for line in text.split("commands:\n", 1)[1].split("\n\n", 1)[0].splitlines():
        if line.startswith("  ") and not line.startswith("   "):
            name, _, brief = line.strip().partition(" ")
            entries[name] = brief.strip()
        elif name:
            entries[name] += " " + line.strip()
    return entries


def test_top_level_help_gives_each_command_a_whole_clause():
    proc = run_mtlsgrid("--help")
    entries = _top_level_entries(proc.stdout)
    assert sorted(entries) == sorted(COMMANDS)
    for name, brief in entries.items():
        assert brief.count("(") == brief.count(")"), f"{name}: {brief!r} is cut"
    assert "(limbo.json, version 1)" in entries["limbo"]
    assert all(len(line) <= 100 for line in proc.stdout.splitlines())


def _usage_and_options(command):
    proc = run_mtlsgrid(command, "--help")
    assert proc.returncode == 0
    usage, _, rest = proc.stdout.partition("\n\n")
    options = re.findall(r"^  (--[a-z0-9-]+)", rest.split("options:\n", 1)[1], re.M)
    return " ".join(usage.split()), options, proc.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_command_help_describes_its_options(command):
    usage, options, text = _usage_and_options(command)
    assert usage.startswith(f"usage: mtlsgrid {command}")
    assert "--help" in options
    for option in options:
        if option != "--help":
            assert re.search(re.escape(option) + r"(?![a-z0-9-])", usage), f"{option}: {usage}"
    assert all(len(line) <= 100 for line in text.splitlines()), text


@pytest.mark.parametrize("command,present,absent", [
    ("run", ["--timeout SECONDS", "--matrix DIR", "--seed S", "--scenarios DIR", "--shard K/N"],
     []),
    ("list", ["[--shard K/N]", "[--scenarios DIR]"], ["--jobs"]),
    ("limbo", ["FILE [--out DIR]"], []),
    ("serve", ["--stack S (--scenario ID | --bundle DIR | --trust FILE)", "[--ocsp FILE]",
               "[--client-cert required|optional|none]"], ["--name"]),
    ("connect", ["--stack S (--scenario ID | --bundle DIR | --trust FILE)", "--port P",
                 "[--name NAME]"], ["--ocsp", "--client-cert"]),
    ("gen", ["gen --out DIR [--seed S]"], []),
    ("repro", ["repro CASE --out DIR"], []),
    ("handshake", ["--server-cert FILE (--client-cert FILE | --client-p12 FILE)"],
     []),
])
def test_usage_line_shows_what_the_table_holds(command, present, absent):
    usage, _, _ = _usage_and_options(command)
    for words in present:
        assert words in usage, usage
    for words in absent:
        assert words not in usage, usage


@pytest.mark.parametrize("args,named", [
    (["gen"], "--out DIR is required"),
    (["repro", "baseline"], "--out DIR is required"),
    (["connect", "--stack", "openssl", "--trust", "/dev/null"], "--port P is required"),
    (["serve", "--stack", "openssl"], "give one of --scenario ID, --bundle DIR or --trust FILE"),
    (["handshake", "--server-cert", "a", "--server-key", "b", "--server-trust", "c",
      "--client-trust", "d"], "give one of --client-cert FILE or --client-p12 FILE"),
    (["inspect"], "missing argument FILE..."),
])
def test_parser_refuses_what_the_usage_line_requires(args, named):
    proc = run_mtlsgrid(*args)
    assert proc.returncode == 2, proc.stderr
    assert named in proc.stderr and proc.stderr.count("\n") == 1, proc.stderr


def test_unknown_command_exits_2_with_one_line():
    proc = run_mtlsgrid("frobnicate")
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "frobnicate" in proc.stderr


@pytest.mark.parametrize("args,named", [
    (["list", "--bogus"], "--bogus"),
    (["run", "--jobs", "many"], "--jobs"),
    (["list", "--tls", "1.1"], "--tls"),
    (["list", "--stacks", "nosuchstack"], "--stacks"),
    (["run", "--format", "pdf"], "--format"),
    (["gen"], "--out"),
    (["list", "--tls", "1.2", "--tls", "1.3"], "--tls"),
])
def test_bad_flags_exit_2_naming_the_flag(args, named):
    proc = run_mtlsgrid(*args)
    assert proc.returncode == 2, proc.stderr
    assert named in proc.stderr and proc.stderr.count("\n") == 1


def _scenario_dir(tmp_path, text):
    (tmp_path / "catalogue").mkdir()
    (tmp_path / "divergences").mkdir()
    (tmp_path / "catalogue" / "bad.ini").write_text(text)
    return tmp_path


GOOD = ("[x]\nfamily = f\nsummary = s\nstandard = RFC 5280\nexpect = ok\n"
        "server.cert = server\nclient.cert = client\n")


@pytest.mark.parametrize("text,line,words", [
    (GOOD + "colour = blue\n", 8, "unknown key"),
    (GOOD.replace("expect = ok", "expect = server-rejects:grumpy"), 5, "unknown verdict"),
    (GOOD + "\n[x]\nfamily = again\n", 9, "duplicate scenario id"),
    (GOOD.replace("family = f\n", ""), 1, "lacks the required key \"family\""),
    (GOOD.replace("server.cert = server", "server.client-cert = maybe"), 6, "client-cert"),
    (GOOD + "client.ocsp = x\n", 8, "unknown key"),
    (GOOD + "\n[" + "x" * 50 + "]\nfamily = f\n", 9, "longer than 49 characters"),
])
def test_malformed_scenarios_exit_2_naming_file_and_line(tmp_path, text, line, words):
    folder = _scenario_dir(tmp_path, text)
    proc = run_mtlsgrid("list", "--scenarios", folder)
    assert proc.returncode == 2
    assert f"bad.ini:{line}:" in proc.stderr and words in proc.stderr, proc.stderr


def test_unknown_artifact_names_file_and_line(tmp_path):
    folder = _scenario_dir(tmp_path, GOOD.replace("client.cert = client", "client.cert = nope"))
    proc = run_mtlsgrid("run", "--scenarios", folder, "--out", tmp_path / "out")
    assert proc.returncode == 2
    assert "bad.ini:7:" in proc.stderr and "nope" in proc.stderr
    assert not (tmp_path / "out" / "results.jsonl").exists()


DIVERGENCE = ("[d]\nstack = openssl\nside = client\nscenario = x\ntls = *\npolicy = *\n"
              "version = *\nreason = r\nreference = RFC 8446\n")


@pytest.mark.parametrize("extra,words", [
    ("", "needs either \"verdict\" or \"alert\", not neither"),
    ("verdict = ok\nalert = unseen\n", "not both"),
    ("alert = lost\n", "expected one of unseen"),
])
def test_malformed_divergences_exit_2_naming_file_and_line(tmp_path, extra, words):
    folder = _scenario_dir(tmp_path, GOOD)
    (folder / "divergences" / "openssl.ini").write_text(DIVERGENCE + extra)
    proc = run_mtlsgrid("list", "--scenarios", folder)
    assert proc.returncode == 2
    assert "openssl.ini:" in proc.stderr and words in proc.stderr, proc.stderr


@pytest.mark.parametrize("old,new,words", [
    ("stack = openssl", "stack = opensll", 'stack "opensll" is not a registered stack'),
    ("scenario = x", "scenario = y*", 'scenario "y*" matches no scenario'),
    ("version = *", "version = *\npeer = nosuch*", 'peer "nosuch*" matches no registered stack'),
    # a list is checked alternative by alternative: a dead one cannot hide behind a live one
    ("scenario = x", "scenario = x,y*", 'scenario "y*" matches no scenario'),
    ("version = *", "version = *\npeer = *,nosuch*", 'peer "nosuch*" matches no registered stack'),
])
def test_divergence_that_can_match_no_case_is_refused(tmp_path, old, new, words):
    """A typo in a record would make it match nothing, silently: refused, naming the record."""
    folder = _scenario_dir(tmp_path, GOOD)
    record = DIVERGENCE.replace("stack = openssl", f"stack = {STACKS[0]}") + "verdict = ok\n"
    old = old.replace("openssl", STACKS[0])
    new = new.replace("opensll", STACKS[0] + "x")
    words = words.replace("opensll", STACKS[0] + "x")
    (folder / "divergences" / "d.ini").write_text(record.replace(old, new))
    proc = run_mtlsgrid("list", "--scenarios", folder)
    assert proc.returncode == 2, proc.stdout
    assert "d.ini:1: divergence [d]" in proc.stderr and words in proc.stderr, proc.stderr


def test_record_that_matches_no_case_of_a_whole_run_is_reported(tmp_path):
    """An alert record for a scenario no stack rejects grades nothing: listed, not silent."""
    folder = _scenario_dir(tmp_path, GOOD)
    record = DIVERGENCE.replace("stack = openssl", f"stack = {STACKS[0]}") + "alert = unseen\n"
    (folder / "divergences" / "d.ini").write_text(record)
    proc = run_mtlsgrid("run", "--scenarios", folder, "--out", tmp_path / "out")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "divergence [d] (" in proc.stdout and "matched no case of this run" in proc.stdout
    summary = (tmp_path / "out" / "summary.md").read_text()
    assert "## Divergence records that matched no case (1)" in summary and "`d`" in summary
    narrowed = run_mtlsgrid("run", "--scenarios", folder, "--out", tmp_path / "narrow",
                            "--tls", "1.3")
    assert narrowed.returncode == 0 and "matched no case" not in narrowed.stdout


def test_filter_selects_by_case_id():
    last = STACKS[-1]
    proc = run_mtlsgrid("list", "--filter", f"baseline/*-{last}/tls1.3/strict", check=True)
    assert proc.stdout.split() == [f"baseline/{c}-{last}/tls1.3/strict" for c in STACKS]


def test_no_matching_case_is_bad_usage(tmp_path):
    proc = run_mtlsgrid("run", "--filter", "no-such-scenario/*", "--out", tmp_path)
    assert proc.returncode == 2 and "no case matches" in proc.stderr


def test_path_that_would_be_truncated_exits_2_naming_it(tmp_path):
    """A path built into a fixed buffer is refused, not cut short into another file's name."""
    long_dir = str(tmp_path / ("x" * 4090))
    proc = run_mtlsgrid("list", "--scenarios", long_dir)
    assert proc.returncode == 2
    assert "path too long" in proc.stderr and long_dir[:150] in proc.stderr


def test_unwritable_output_folder_exits_2(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    proc = run_mtlsgrid("run", "--filter", "baseline/*", "--out", blocker / "out")
    assert proc.returncode == 2 and str(blocker) in proc.stderr


def test_crash_and_hang_are_isolated(tmp_path):
    """A case that crashes or hangs is recorded as such and the run goes on."""
    first, last = STACKS[0], STACKS[-1]
    crash, hang = f"baseline/{first}-{last}/tls1.2/strict", f"baseline/{last}-{first}/tls1.3/strict"
    proc = run_mtlsgrid("run", "--filter", "baseline/*", "--out", tmp_path, "--timeout", "2",
                        env={"MTLSGRID_FAULT": f"crash:{crash};hang:{hang}", "PATH": "/usr/bin:/bin",
                             "ASAN_OPTIONS": "handle_abort=0:detect_leaks=0"})
    records = {json.loads(l)["case"]: json.loads(l)
               for l in (tmp_path / "results.jsonl").read_text().splitlines()}
    assert proc.returncode == 1
    assert records[crash]["verdict"] == "crash" and records[crash]["grade"] == "fail"
    assert "signal" in records[crash]["reason_text"]
    assert records[hang]["verdict"] == "timeout" and records[hang]["grade"] == "fail"
    others = [r for c, r in records.items() if c not in (crash, hang)]
    pairings = len(STACKS) ** 2 * 2 * 2  # x TLS versions x policies
    assert len(others) == pairings - 2 and all(r["verdict"] == "ok" for r in others)


def test_shards_are_disjoint_and_make_the_whole_list():
    whole = run_mtlsgrid("list", check=True).stdout.split()
    parts = [run_mtlsgrid("list", "--shard", f"{k}/3", check=True).stdout.split()
             for k in (1, 2, 3)]
    assert sorted(sum(parts, [])) == sorted(whole)
    assert all(p for p in parts), "a shard is empty"
    assert run_mtlsgrid("list", "--shard", "4/3").returncode == 2
