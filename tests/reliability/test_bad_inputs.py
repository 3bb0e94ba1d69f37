"""Every bad input gets a clear outcome and the batch goes on.

One inbox holds a sample council's forms and one of each bad input
(``badfiles.py``), plus a file whose worker process dies and one whose worker
hangs where no alarm can reach it (the ``FORMWORK_TEST_FAULTS`` hook). One
``formwork process`` run must give every file exactly one submission with the
outcome, reason and detail it should have, decide the good forms as the
sample's truth says, exit 0 without a traceback, and leave ``formwork
reconcile`` nothing to report.
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.ops.conftest import personal_data
from tests.reliability import badfiles
from tests.reliability.test_crash_and_concurrency import AS_OF, env_for, run

MAX_BYTES = 2_000_000
MAX_PAGES = 8
SECONDS = 10.0


def limits_env(**more: str) -> dict[str, str]:
    return {"FORMWORK_LIMITS__MAX_FILE_BYTES": str(MAX_BYTES), "FORMWORK_LIMITS__MAX_PAGES": str(MAX_PAGES),
            "FORMWORK_LIMITS__SECONDS_PER_FILE": str(SECONDS), **more}


def run_with(home: Path, extra: dict[str, str], *args: str, check: bool = True) -> tuple[int, str, str]:
    """``formwork ARGS`` with the test's settings in the environment: (exit code, stdout, stderr)."""
    done = subprocess.run([sys.executable, "-m", "formwork.cli", *args], env={**env_for(home), **extra},
                          text=True, capture_output=True, timeout=900)
    if check:
        assert done.returncode == 0, f"formwork {' '.join(args)}: {done.returncode}\n{done.stdout}\n{done.stderr}"
    return done.returncode, done.stdout, done.stderr


def submissions(home: Path) -> dict[str, dict[str, Any]]:
    with sqlite3.connect(home / "formwork.db") as db:
        db.row_factory = sqlite3.Row
        rows = db.execute("select id, file_name, outcome, reasons, detail, form_type from submission").fetchall()
        fields: dict[int, dict[str, str | None]] = {}
        for r in db.execute("select submission_id, name, value from extracted_field"):
            fields.setdefault(r["submission_id"], {})[r["name"]] = r["value"]
    out: dict[str, dict[str, Any]] = {}
    for r in rows:
        assert r["file_name"] not in out, f"{r['file_name']} has more than one submission"
        out[r["file_name"]] = {**dict(r), "reasons": json.loads(r["reasons"] or "[]"),
                               "fields": fields.get(r["id"], {})}
    return out


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("sample")
    run(root / "gen", "sample", "--out", str(root / "council"), "--forms", "24", "--seed", "8",
        "--types", "council_tax_spd", "--letters", "2", "--as-of", AS_OF)
    return root / "council"


def check_outcomes(got: dict[str, dict[str, Any]], expected: dict[str, badfiles.Expect]) -> None:
    for name, want in expected.items():
        sub = got[name]
        assert sub["outcome"] in {"approved", "exception", "quarantined"}, (name, sub)
        if want.outcome is not None:
            assert sub["outcome"] == want.outcome, (name, sub)
        if want.reason is not None:
            assert want.reason in sub["reasons"], (name, sub)
        if want.detail is not None:
            assert want.detail.lower() in (sub["detail"] or "").lower(), (name, sub)
        if want.form_type is not None:
            assert sub["form_type"] == want.form_type, (name, sub)
            assert "UNREADABLE_FILE" not in sub["reasons"], (name, sub)
        if want.same_fields_as is not None:
            assert sub["fields"], name
            assert sub["fields"] == got[want.same_fields_as]["fields"], name


def test_every_bad_input_gets_its_outcome_and_the_batch_goes_on(sample: Path, tmp_path: Path) -> None:
    home = tmp_path / "data"
    inbox = tmp_path / "inbox"
    shutil.copytree(sample / "inbox", inbox)
    expected = badfiles.write_bad_inbox(inbox, MAX_BYTES, MAX_PAGES)
    # Two readable forms whose worker processes fail: one dies, one hangs beyond the alarm's reach.
    spd, _ = badfiles.spd_renderer(23)
    (inbox / "kills_its_worker.pdf").write_bytes(spd("online_export", None))
    (inbox / "hangs_its_worker.pdf").write_bytes(spd("boxed_grid", None))
    faults = f"die:{sha(inbox / 'kills_its_worker.pdf')},hang:{sha(inbox / 'hangs_its_worker.pdf')}"
    expected["kills_its_worker.pdf"] = badfiles.Expect("quarantined", "UNREADABLE_FILE", "stop unexpectedly")
    expected["hangs_its_worker.pdf"] = badfiles.Expect("quarantined", "UNREADABLE_FILE",
                                                       "worker process was stopped")
    truth = {t["file"]: t for t in map(json.loads, (sample / "truth.jsonl").read_text().splitlines())}

    run(home, "records", "load", str(sample / "records.xlsx"))
    # Small batches on two workers, so that the worker pool (and its recovery) does the reading.
    extra = limits_env(FORMWORK_BATCH_SIZE="3", FORMWORK_TEST_FAULTS=faults)
    _, out, errs = run_with(home, extra, "process", str(inbox), "--engine", "local", "--as-of", AS_OF,
                            "--workers", "2", "--json")
    assert "Traceback" not in errs and "Traceback" not in out
    # What the workers print about the files they could not read names no one.
    assert "could not be read" in errs or "over the time limit" in errs
    assert sorted(v for v in personal_data(sample / "truth.jsonl") if v in out + errs) == []
    summary = json.loads(out)
    files = sorted(p.name for p in inbox.iterdir())
    assert summary["files"] == summary["new"] == summary["processed"] == len(files)

    got = submissions(home)
    assert sorted(got) == files
    check_outcomes(got, expected)
    # The good forms (and the sample's own empty, truncated and encrypted files) are decided as
    # they would be in a clean inbox: the bad files cost nothing but themselves.
    for name, t in truth.items():
        assert got[name]["outcome"] == t["outcome"], (name, got[name], t)
    assert sum(t["outcome"] == "approved" for t in truth.values()) >= 5

    code, out, _ = run_with(home, {}, "reconcile", str(inbox), "--json", check=False)
    assert code == 0, out
    assert json.loads(out)["unaccounted"] == []


@pytest.mark.heavy  # Prefect's start-up alone is 20-100 s on a busy machine
def test_the_prefect_engine_keeps_the_time_limit_too(sample: Path, tmp_path: Path) -> None:
    """Under the Prefect flow the work may not run on the main thread, where the alarm lives:
    a slow file must still be cut off at the limit, in a small inbox as in a big one."""
    home = tmp_path / "data"
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    good = sorted(p.name for p in (sample / "inbox").iterdir() if p.stat().st_size > 1000)[:3]
    for name in good:
        shutil.copy(sample / "inbox" / name, inbox / name)
    (inbox / "slow_to_parse.pdf").write_bytes(badfiles.slow_to_parse())
    (inbox / "zero_pages.pdf").write_bytes(badfiles.zero_pages())
    (inbox / "fuzzed.pdf").write_bytes(badfiles.flipped((sample / "inbox" / good[0]).read_bytes(),
                                                        random.Random(3), 40, start=1024))
    run(home, "records", "load", str(sample / "records.xlsx"))
    _, out, errs = run_with(home, limits_env(FORMWORK_LIMITS__SECONDS_PER_FILE="5"), "process", str(inbox),
                            "--engine", "prefect", "--as-of", AS_OF, "--json")
    assert "Traceback" not in errs
    got = submissions(home)
    assert sorted(got) == sorted(p.name for p in inbox.iterdir())
    assert all(s["outcome"] for s in got.values())
    assert got["slow_to_parse.pdf"]["outcome"] == "quarantined"
    assert "took longer than the limit of 5 s" in got["slow_to_parse.pdf"]["detail"]
    assert got["zero_pages.pdf"]["detail"] == "the PDF has no pages"
    code, out, _ = run_with(home, {}, "reconcile", str(inbox), check=False)
    assert code == 0, out
