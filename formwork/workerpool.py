"""Formwork's worker processes: where they come from, and the pool that survives the files they read.

Kept light (no pipeline, no extractors, no spaCy), so that a run can put its
workers to work before it imports anything heavy:

- ``formwork process`` starts the fork server before it imports anything
  else, so the server's imports and warm-up (formwork/worker_init.py: a few
  seconds on one core) overlap the command's own start and intake;
- intake hands each chunk of files it has stored to :class:`Workers`
  (:meth:`Workers.add`), so the workers start on the first files while intake
  stores the rest, and the run imports the deciding side (formwork.pipeline,
  the checks, the extractors' types) while they read. Under Prefect, whose
  import and flow start come first, that keeps the second core from idling.

The workers themselves run formwork.pipeline's ``extract_batch`` (the fork
server has it imported already).
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import itertools
import logging
import multiprocessing as mp
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from formwork.settings import Limits, Settings

if TYPE_CHECKING:
    from extractors.contract import Extraction
    from extractors.memory import Signature

log = logging.getLogger(__name__)


@dataclass
class FileResult:
    """What a worker learned about one file. Picklable; no database objects."""

    submission_id: int
    status: str  # extracted | unreadable | unknown
    detail: str | None = None
    extraction: Extraction | None = None
    score: float | None = None
    seconds: float = 0.0
    #: An unrecognised form's layout, so that one staff have said the form type of is read as that form.
    signature: Signature | None = None


def over_time_detail(limits: Limits) -> str:
    return f"reading the file took longer than the limit of {limits.seconds_per_file:g} s per file"


def context() -> Any:
    """The multiprocessing context workers are started with (a fork server where there is one)."""
    if "forkserver" not in mp.get_all_start_methods():
        return mp.get_context("spawn")
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["formwork.worker_init"])
    return ctx


def start_early(settings: Settings, inbox: Path | None = None) -> None:
    """Start the fork server now if this run will read in worker processes (else it starts on first use)."""
    if settings.runner != "processes":
        return
    if inbox is not None:
        enough = 2 * settings.batch_size  # fewer files are read in the main process (pipeline.extract_all)
        try:
            with os.scandir(inbox) as entries:
                if sum(1 for _ in itertools.islice(entries, enough)) < enough:
                    return
        except OSError:
            return
    ctx = context()
    if ctx.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


#: Reading many files: results in the order of the items given (Workers, or the Dask runner's).
Extractor = Callable[[Sequence[tuple[int, str]], Settings], Iterable[FileResult]]


def reads_in_workers(count: int, settings: Settings) -> bool:
    """Whether ``count`` files are read in worker processes (fewer are read in the calling process)."""
    return count >= 2 * settings.batch_size


# --------------------------------------------------------------------------- in each worker process


def _start_worker(beats: Any = None) -> None:
    from formwork import pipeline

    pipeline._warm_worker(beats)


def _read_batch(items: Sequence[tuple[int, str]], limits: Limits) -> list[FileResult]:
    from formwork import pipeline

    return pipeline.extract_batch(items, limits)


# --------------------------------------------------------------------------- the pool


#: How long past ``seconds_per_file`` a worker may stay on one file (the alarm having failed
#: to stop it) before it is killed.
HANG_GRACE_SECONDS = 10.0


class Workers:
    """A process pool that survives the files it reads.

    Workers report each file's start and end on a queue. A worker that dies
    (a crash in native code, the kernel's out-of-memory killer) breaks the
    pool: the files it was reading are tried again, each alone in a fresh
    pool, and one that kills its worker alone is quarantined; every other
    unfinished file is simply read again. A worker still on one file
    ``HANG_GRACE_SECONDS`` after its alarm should have fired is killed and
    that file quarantined.
    """

    def __init__(self, settings: Settings) -> None:
        self.limits = settings.limits
        self.batch_size = max(1, settings.batch_size)
        self.workers = settings.worker_count
        self.ctx = context()
        self.results: dict[int, FileResult] = {}  # read (or given up on), not yet handed on
        self.read = 0  # how many results have come in, all told
        self.todo: deque[tuple[int, str]] = deque()
        self.alone: deque[tuple[int, str]] = deque()  # suspects: files to read one at a time
        self.settings = settings
        self.reads_here = settings.runner == "processes"  # (a Dask runner reads elsewhere)
        self.items: list[tuple[int, str]] = []  # every file added, in id order: the order results are handed on
        self.known: set[int] = set()
        self.started = False
        self.first: Generator[None, None, None] | None = None  # the session add() started

    def add(self, items: Iterable[tuple[int, str]]) -> None:
        """Files to read (any already added are skipped). Once there are enough to be worth a pool,
        the pool starts and its first batches are handed out at once: intake calls this after
        each chunk it stores, so the workers start on the first files while it stores the rest."""
        new = [item for item in items if item[0] not in self.known]
        self.known.update(sid for sid, _ in new)
        out_of_turn = any(a[0] > b[0] for a, b in itertools.pairwise([*self.items[-1:], *new]))
        self.items.extend(new)
        self.todo.extend(new)
        if out_of_turn:
            # Files another run stored before ours (after-intake pending): results are handed on,
            # and so decided, in id order, the order of arrival, whatever order they were added
            # in; those not yet handed out go to the front, so few results wait out of turn.
            self.items.sort()
            self.todo = deque(sorted(self.todo))
        if not self.started and self.reads_here and reads_in_workers(len(self.items), self.settings):
            self.started = True
            self.first = self._session()
            next(self.first, None)  # the pool is up and its first batches are handed out

    def take(self, items: Sequence[tuple[int, str]]) -> tuple[list[tuple[int, str]], Extractor | None]:
        """After intake: ``items`` (everything pending) in the order the results will come (id order), and a
        reader that hands them on; no reader if the pool never started (too few files to need one)."""
        self.add(items)
        if not self.started:
            return list(items), None
        return list(self.items), lambda _items, _settings: self.run()

    def run(self, items: Sequence[tuple[int, str]] | None = None) -> Iterator[FileResult]:
        """The results for every file added (and ``items``), in the order they were added."""
        if items is not None:
            self.add(items)
        order = [sid for sid, _ in self.items]
        out = 0
        failures = 0
        while out < len(order):
            before = self.read
            session, self.first = self.first or self._session(), None
            with contextlib.closing(session):
                for _ in itertools.chain(session, [None]):  # as results arrive, and once the pool is done
                    while out < len(order) and order[out] in self.results:
                        yield self.results.pop(order[out])
                        out += 1
            # A pool that breaks again and again without reading anything: read in this process.
            failures = 0 if self.read > before or out == len(order) else failures + 1
            if failures >= 3:
                log.error("worker processes keep failing: reading the remaining files in this process")
                from formwork.pipeline import extract_file

                for sid, p in [*self.alone, *self.todo]:
                    self.results[sid] = extract_file(sid, Path(p), self.limits)
                    self.read += 1
                self.alone.clear()
                self.todo.clear()

    def _session(self) -> Generator[None, None, None]:
        """One pool, until the work runs out or the pool breaks; yields once its first batches are
        handed out, then whenever results arrive."""
        beats = self.ctx.SimpleQueue()
        pool = cf.ProcessPoolExecutor(max_workers=self.workers, mp_context=self.ctx, initializer=_start_worker,
                                      initargs=(beats,))
        inflight: dict[cf.Future[list[FileResult]], list[tuple[int, str]]] = {}
        running: dict[int, tuple[int, float]] = {}  # pid -> (submission id, started)
        killed: dict[int, str] = {}  # submission id -> why its worker was killed
        finished = False
        handed_out = False
        try:
            while True:
                if not self._submit(pool, inflight):
                    self._recover(inflight, running, killed)
                    return
                if not handed_out:
                    handed_out = True
                    yield
                if not inflight:
                    finished = True
                    return
                done, _ = cf.wait(inflight, timeout=0.25, return_when=cf.FIRST_COMPLETED)
                self._drain(beats, running)
                broken = False
                for fut in done:
                    batch = inflight.pop(fut)
                    try:
                        for r in fut.result():
                            self.results[r.submission_id] = r
                            self.read += 1
                    except BrokenProcessPool:
                        broken = True
                        inflight[fut] = batch
                if broken:
                    self._recover(inflight, running, killed)
                    return
                if done:
                    yield
                self._watch(running, killed)
        finally:
            # Every worker this pool started (shutdown() forgets them), each stopped and waited
            # for before the pool's queues go: a worker still starting up when they went would
            # fail to open their locks and print a traceback into the run's output.
            procs = list((getattr(pool, "_processes", None) or {}).values())
            if not finished:
                for proc in procs:
                    with contextlib.suppress(Exception):
                        proc.kill()
            pool.shutdown(wait=finished, cancel_futures=True)
            for proc in procs:
                with contextlib.suppress(Exception):
                    proc.join(timeout=HANG_GRACE_SECONDS)
            with contextlib.suppress(Exception):
                beats.close()

    def _submit(self, pool: cf.ProcessPoolExecutor, inflight: dict[Any, list[tuple[int, str]]]) -> bool:
        """Hand out work; False if the pool turned out to be broken."""
        while self.alone and self.alone[0][0] in self.results:
            self.alone.popleft()
        try:
            if self.alone:
                if not inflight:  # a suspect is read with nothing else in flight, so a death is its own
                    item = self.alone[0]
                    inflight[pool.submit(_read_batch, [item], self.limits)] = [item]
                return True
            while self.todo and len(inflight) < 2 * self.workers:  # a bounded window keeps memory flat
                # Small batches near the end, so that every worker has a share.
                size = max(1, min(self.batch_size, len(self.todo) // self.workers))
                batch = list(itertools.islice(self.todo, size))
                inflight[pool.submit(_read_batch, batch, self.limits)] = batch
                for _ in batch:
                    self.todo.popleft()
        except BrokenProcessPool:
            return False
        return True

    @staticmethod
    def _drain(beats: Any, running: dict[int, tuple[int, float]]) -> None:
        while not beats.empty():
            pid, sid, started = beats.get()
            if started is None:
                running.pop(pid, None)
            else:
                running[pid] = (sid, started)

    def _watch(self, running: dict[int, tuple[int, float]], killed: dict[int, str]) -> None:
        limit = self.limits.seconds_per_file
        if limit <= 0:
            return
        now = time.time()
        for pid, (sid, started) in list(running.items()):
            if now - started > limit + HANG_GRACE_SECONDS and sid not in killed:
                log.warning("submission %s: its worker is stuck past the time limit; stopping it", sid)
                killed[sid] = over_time_detail(self.limits) + " (its worker process was stopped)"
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)

    def _recover(self, inflight: dict[Any, list[tuple[int, str]]], running: dict[int, tuple[int, float]],
                 killed: dict[int, str]) -> None:
        """Sort the unfinished files of a broken pool into quarantined, suspects and to-do-again."""
        unfinished = [item for batch in inflight.values() for item in batch if item[0] not in self.results]
        at_work = {sid for sid, _ in running.values()}
        # Convicted only if it was read alone and its worker had started on it (a pool that
        # breaks before its workers start says nothing about the file).
        was_alone = (bool(self.alone) and len(unfinished) == 1 and unfinished[0] == self.alone[0]
                     and unfinished[0][0] in at_work)
        if was_alone:
            self.alone.popleft()
        again: list[tuple[int, str]] = []
        for sid, p in unfinished:
            if sid in killed:
                self.results[sid] = FileResult(sid, "unreadable", killed[sid])
                self.read += 1
            elif was_alone:
                log.warning("submission %s: its worker process died reading it, alone", sid)
                self.results[sid] = FileResult(
                    sid, "unreadable", "the file made the process reading it stop unexpectedly")
                self.read += 1
            elif (sid, p) in self.alone:
                continue  # read alone again (its pool broke before it started)
            elif sid in at_work:
                self.alone.append((sid, p))
            else:
                again.append((sid, p))
        self.todo.extendleft(reversed(again))
