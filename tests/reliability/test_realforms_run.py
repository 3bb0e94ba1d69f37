"""Real-world PDFs, read straight from their folder in one run: every file ends with an outcome.

The folder is ``../shared/realforms`` beside the repository (skipped when
absent), or any folder named by ``FORMWORK_REALFORMS`` (a wider set)::

    FORMWORK_REALFORMS=/path/to/pdfs pytest tests/reliability/test_realforms_run.py -s

The folder is the inbox itself: Formwork copies what it reads into its store
and never writes to the inbox, so a read-only folder is fine, and none of the
files is copied into the repository. Every file (whatever its name) must have
a submission with an outcome, the run must exit 0 with no traceback, and
``formwork reconcile`` must find nothing missing. The counts are printed.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.reliability.test_crash_and_concurrency import env_for

DEFAULT = Path(__file__).resolve().parents[3] / "shared" / "realforms"
# Read at import: the suite's autouse fixture clears every FORMWORK_ variable before a test runs.
CHOSEN = os.environ.get("FORMWORK_REALFORMS")


@pytest.fixture(scope="module")
def folder() -> Path:
    where = Path(CHOSEN or DEFAULT)
    if not where.is_dir():
        pytest.skip(f"{where} is not here")
    return where


def formwork(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "formwork.cli", *args], env=env_for(home), text=True,
                          capture_output=True, timeout=3600)


def test_every_real_world_file_ends_with_an_outcome(folder: Path, tmp_path: Path) -> None:
    home = tmp_path / "data"
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not any(
        part.startswith(".") for part in p.relative_to(folder).parts))
    assert files
    proc = formwork(home, "process", str(folder), "--engine", "local", "--json")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    summary = json.loads(proc.stdout)
    assert summary["files"] == len(files)

    with sqlite3.connect(home / "formwork.db") as db:
        rows = {sha: (name, outcome, json.loads(reasons or "[]"), detail) for sha, name, outcome, reasons, detail
                in db.execute("select sha256, file_name, outcome, reasons, detail from submission")}
    for path in files:  # (copies of one content under several names all have that content's outcome)
        sha = hashlib.sha256(path.read_bytes()).hexdigest()
        assert sha in rows, f"{path.name} has no submission"
        assert rows[sha][1] in {"approved", "exception", "quarantined"}, (path.name, rows[sha])
        assert rows[sha][2], (path.name, rows[sha])  # every outcome but approval says why

    rec = formwork(home, "reconcile", str(folder), "--json")
    assert rec.returncode == 0, rec.stdout
    assert json.loads(rec.stdout)["unaccounted"] == []

    outcomes = Counter(outcome for _, outcome, _, _ in rows.values())
    details = Counter(f"{outcome}: {(detail or ', '.join(reasons)).split(' (')[0][:70]}"
                      for _, outcome, reasons, detail in rows.values())
    print(f"\n{len(files)} files in {folder}, {len(rows)} submissions, {summary['seconds']} s: "
          + ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items())))
    for what, n in details.most_common():
        print(f"  {n:4d}  {what}")
    if folder == DEFAULT:
        # What the folder's README says each kind of file is.
        for path in files:
            _, outcome, reasons, _ = rows[hashlib.sha256(path.read_bytes()).hexdigest()]
            if path.name.startswith(("broken_", "encrypted_", "uk_broken_")):
                assert outcome == "quarantined" and reasons == ["UNREADABLE_FILE"], (path.name, outcome)
            elif path.suffix == ".pdf":
                assert outcome == "exception", (path.name, outcome, reasons)
