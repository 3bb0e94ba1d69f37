"""Worker processes start warm and early, and collect their garbage at their own steady points."""

from __future__ import annotations

import gc
import subprocess
import sys
import textwrap
from pathlib import Path

from formwork import gcpolicy


def _python(code: str, tmp_path: Path) -> str:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          timeout=300, cwd=Path(__file__).resolve().parents[2],
                          env={"PATH": "/usr/bin:/bin", "FORMWORK_HOME": str(tmp_path / "home")})
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_the_fork_server_starts_before_intake_only_for_an_inbox_the_workers_will_read(tmp_path: Path) -> None:
    big, small = tmp_path / "big", tmp_path / "small"
    for folder, n in ((big, 60), (small, 3)):
        folder.mkdir()
        for i in range(n):
            (folder / f"f{i}.pdf").write_bytes(b"%PDF-1.4\n")
    out = _python(f"""
        from pathlib import Path
        from multiprocessing import forkserver
        from formwork import workerpool
        from formwork.settings import Settings
        settings = Settings()  # batch size 25: an inbox of 50 files or more goes to workers
        workerpool.start_early(settings, Path({str(small)!r}))
        print(forkserver._forkserver._forkserver_pid is not None)
        workerpool.start_early(settings, Path({str(big)!r}))
        print(forkserver._forkserver._forkserver_pid is not None)
    """, tmp_path)
    assert out.splitlines() == ["False", "True"]


def test_the_fork_servers_preload_builds_what_every_worker_needs_once(tmp_path: Path) -> None:
    out = _python("""
        import gc
        import formwork.worker_init
        from extractors.registry import default_registry
        from extractors import text
        print(default_registry.cache_info().currsize, text.nlp.cache_info().currsize, gc.get_freeze_count() > 0)
    """, tmp_path)
    assert out == "1 1 True"


def test_lean_collection_puts_the_collector_back_as_it_was() -> None:
    before = gc.get_threshold()
    assert gc.get_freeze_count() == 0
    with gcpolicy.lean(every=3) as collector:
        assert gc.get_threshold()[0] == gcpolicy.YOUNG
        assert gc.get_freeze_count() > 0
        collections = gc.get_stats()[2]["collections"]
        for _ in range(7):
            collector.tick()
        assert gc.get_stats()[2]["collections"] == collections + 2  # after the 3rd and the 6th
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_garbage_cycles_made_in_a_lean_block_are_collected_at_the_ticks() -> None:
    class Node:
        def __init__(self) -> None:
            self.me = self

    with gcpolicy.lean(every=1) as collector:
        for _ in range(5):
            for _ in range(1000):
                Node()
            collector.tick()
            assert not any(type(o) is Node for o in gc.get_objects())
