"""Intake hands stored files to the worker pool as it goes: the pool starts once there are enough
files, reads while intake stores the rest, and hands every result on in submission order."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from formwork.settings import Settings
from formwork.workerpool import Workers


def _items(tmp_path: Path, n: int) -> list[tuple[int, str]]:
    folder = tmp_path / "files"
    folder.mkdir(exist_ok=True)
    out = []
    for i in range(1, n + 1):
        path = folder / f"{i}.pdf"
        path.write_bytes(b"%PDF-1.4\n% not a form " + str(i).encode() + b"\n%%EOF\n")
        out.append((i, str(path)))
    return out


def test_the_pool_starts_once_there_are_enough_files_and_hands_every_result_on_in_order(tmp_path: Path) -> None:
    items = _items(tmp_path, 15)
    workers = Workers(Settings(home=tmp_path, batch_size=5, workers=2))  # 10 files or more: worth a pool
    workers.add(items[:4])
    assert not workers.started
    workers.add(items[:12])  # the first 4 again: skipped
    assert workers.started and [sid for sid, _ in workers.items] == list(range(1, 13))
    ordered, read = workers.take(items)  # after intake: everything pending
    assert ordered == items and read is not None
    results = list(read(ordered, Settings()))
    assert [r.submission_id for r in results] == list(range(1, 16))
    assert {r.status for r in results} == {"unreadable"}  # read (and found wanting) by the workers


def test_files_another_run_stored_first_are_handed_on_before_ours(tmp_path: Path) -> None:
    # Two runs on one inbox: this one stored 11-22 while the other stored 1-10 and is still deciding
    # them. Everything pending after intake comes back in id order, the order of arrival, so no
    # file is decided before an earlier one it could be a duplicate of.
    items = _items(tmp_path, 22)
    workers = Workers(Settings(home=tmp_path, batch_size=5, workers=2))
    workers.add(items[10:])
    assert workers.started
    ordered, read = workers.take(items)
    assert ordered == items and read is not None
    assert list(workers.todo) == sorted(workers.todo)  # the other run's files go to the front of the queue
    results = list(read(ordered, Settings()))
    assert [r.submission_id for r in results] == list(range(1, 23))


def test_too_few_files_for_a_pool_are_left_to_the_caller(tmp_path: Path) -> None:
    items = _items(tmp_path, 3)
    workers = Workers(Settings(home=tmp_path, batch_size=5))
    workers.add(items)
    assert workers.take(items) == (items, None) and not workers.started


def test_a_dask_runner_never_starts_a_pool_here(tmp_path: Path) -> None:
    items = _items(tmp_path, 12)
    workers = Workers(Settings(home=tmp_path, batch_size=5, runner="dask"))
    workers.add(items)
    assert workers.take(items) == (items, None) and not workers.started


def test_the_flow_module_leaves_the_deciding_side_unimported_until_the_workers_have_files() -> None:
    # The pipeline, the extractors and spaCy take a second or two to import: the flow imports them
    # only in its extract-and-decide task, after intake has handed the workers their first files.
    code = ("import sys, flows.process_inbox; "
            "print(sorted({m.split('.')[0] for m in sys.modules if m.startswith(('extractors', 'spacy', 'pdfplumber'))}"
            " | {m for m in sys.modules if m == 'formwork.pipeline'}))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
