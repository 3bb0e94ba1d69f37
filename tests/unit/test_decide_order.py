"""Several runs at once decide in the order the files were received (pipeline.wait_for_earlier)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from sqlalchemy import update
from sqlmodel import col

from formwork.db import session_scope
from formwork.models import Stage, Submission
from formwork.pipeline import wait_for_earlier
from formwork.settings import Settings


def make(cfg: Settings, count: int) -> list[int]:
    with session_scope(cfg.database_url) as session:
        subs = [Submission(file_name=f"f{n}.pdf", sha256=f"{n:064d}", stored_path=f"f{n}") for n in range(count)]
        session.add_all(subs)
        session.flush()
        ids = [int(s.id) for s in subs if s.id is not None]
    return ids


def decide(cfg: Settings, sid: int) -> None:
    with session_scope(cfg.database_url) as session:
        session.execute(update(Submission).where(col(Submission.id) == sid).values(stage=Stage.decided))


def test_no_wait_when_everything_earlier_is_decided_or_our_own(tmp_path: Path, db_url: str) -> None:
    cfg = Settings(home=tmp_path, db=db_url)
    a, b, c = make(cfg, 3)
    decide(cfg, a)
    started = time.monotonic()
    assert wait_for_earlier(c, {b, c}, cfg, limit=5)  # b is earlier and undecided, but ours
    assert time.monotonic() - started < 1


def test_waits_for_another_runs_earlier_submission_until_it_is_decided(tmp_path: Path, db_url: str) -> None:
    cfg = Settings(home=tmp_path, db=db_url)
    a, b = make(cfg, 2)
    timer = threading.Timer(0.5, decide, (cfg, a))
    timer.start()
    started = time.monotonic()
    try:
        assert wait_for_earlier(b, {b}, cfg, limit=20)
    finally:
        timer.join()
    assert 0.5 <= time.monotonic() - started < 10


def test_gives_up_waiting_at_the_limit(tmp_path: Path, db_url: str) -> None:
    cfg = Settings(home=tmp_path, db=db_url)
    _, b = make(cfg, 2)
    started = time.monotonic()
    assert not wait_for_earlier(b, {b}, cfg, limit=0.4)  # a's run crashed: nobody will decide it
    assert 0.4 <= time.monotonic() - started < 5
