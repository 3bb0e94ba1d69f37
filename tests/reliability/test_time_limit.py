"""The per-file time limit in this process: a slow file is given up on, a quick one is untouched."""

from __future__ import annotations

import signal
import time
from pathlib import Path
from typing import Any

from formwork.pipeline import extract_file
from formwork.settings import Limits
from tests.reliability import badfiles


def test_a_file_slower_than_the_limit_comes_back_unreadable_at_the_limit(tmp_path: Path) -> None:
    slow = tmp_path / "slow.pdf"
    slow.write_bytes(badfiles.slow_to_parse())
    started = time.monotonic()
    result = extract_file(7, slow, Limits(seconds_per_file=1.5))
    took = time.monotonic() - started
    assert result.status == "unreadable"
    assert result.detail == "reading the file took longer than the limit of 1.5 s per file"
    assert 1.5 <= took < 10  # stopped near the limit, not after the minutes the file would take
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) in {signal.SIG_DFL, signal.default_int_handler, None}


def test_a_callers_own_timer_and_handler_are_put_back(tmp_path: Path) -> None:
    quick = tmp_path / "zero_pages.pdf"
    quick.write_bytes(badfiles.zero_pages())
    fired: list[Any] = []

    def mine(signum: int, frame: Any) -> None:
        fired.append(signum)

    before = signal.signal(signal.SIGALRM, mine)
    try:
        signal.setitimer(signal.ITIMER_REAL, 30)
        result = extract_file(1, quick, Limits(seconds_per_file=5))
        assert result.detail == "the PDF has no pages"
        left, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 20 < left <= 30
        assert signal.getsignal(signal.SIGALRM) is mine
        assert fired == []
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, before)
