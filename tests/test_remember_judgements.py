"""The judgements a backend remembers within a worker (nss_judged.c, gnutls_judged.c,
ossl_judged.c, and wolfSSL's signature checks in wolfssl_signatures.c) change nothing a case
reports: a slice of the matrix where chains recur (every peer stack, both TLS versions, both
policies, tampered signatures beside intact ones) gives the same verdict, the same reason and
the same side outcomes (state, reason, native code, alerts), case by case, with
MTLSGRID_REMEMBER_JUDGEMENTS=0, where every stack's verifier runs in every case."""
import json
import os

from conftest import run_mtlsgrid

SLICE = ("client-eku-*,client-expired*,client-untrusted*,server-eku-*,server-expired*,baseline,"
         "client-bad-signature,server-bad-signature")


def verdicts(tmp_path, name, matrix_dir, remember):
    out = tmp_path / name
    env = {**os.environ, "MTLSGRID_REMEMBER_JUDGEMENTS": "1" if remember else "0"}
    proc = run_mtlsgrid("run", "--matrix", matrix_dir, "--filter",
                        ",".join(f"{s}/*" for s in SLICE.split(",")), "--jobs", "1",
                        "--format", "json", "--out", out, env=env)
    assert proc.returncode in (0, 1), proc.stderr
    rows = [json.loads(line) for line in (out / "results.jsonl").read_text().splitlines()]
    return {r["case"]: (r["verdict"], r["reason_text"].replace(str(out), "OUT"), r["sides"])
            for r in rows}


def test_remembered_judgements_change_no_verdict(tmp_path, matrix_dir):
    remembered = verdicts(tmp_path, "remembered", matrix_dir, True)
    fresh = verdicts(tmp_path, "fresh", matrix_dir, False)
    assert len(remembered) > 100
    assert remembered.keys() == fresh.keys()
    differ = {c: (remembered[c], fresh[c]) for c in remembered if remembered[c] != fresh[c]}
    assert differ == {}
