"""The ordered steps that take a folder of files to outcomes; callable without Prefect.

1. intake: hash, store, submission row (formwork.intake);
2. extract: open, classify, extract, in worker processes (pure: no database);
3. decide: checks, outcome, approved action, audit, one transaction per
   submission, in submission order, in this process.

Extraction is the slow part and runs on every core; the database work stays in
one process, off the workers' path. The flow in ``flows/process_inbox.py``
calls these same functions as Prefect tasks.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import itertools
import logging
import os
import signal
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import insert, update
from sqlmodel import Session, col, select

from extractors.contract import Extraction, FieldValue
from extractors.document import UnreadableFile, open_document
from extractors.registry import default_registry
from extractors.spec import FieldSpec
from formwork import audit, gcpolicy, workerpool
from formwork import reasons as R
from formwork.actions import ActionError, apply_approved
from formwork.checks import CheckContext, Records, run_checks
from formwork.checks.submissions import duplicate_keys
from formwork.db import serialise_decisions, session_scope
from formwork.decide import Decision, decide
from formwork.intake import IntakeResult, intake
from formwork.models import CheckResult, ExtractedField, Outcome, Stage, Submission, SubmissionKey, utcnow
from formwork.settings import Limits, Settings
from formwork.store import FileStore

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]  # (phase, done, total)


# --------------------------------------------------------------------------- extraction (worker side)


@dataclass
class FileResult:
    """What a worker learned about one file. Picklable; no database objects."""

    submission_id: int
    status: str  # extracted | unreadable | unknown
    detail: str | None = None
    extraction: Extraction | None = None
    score: float | None = None
    seconds: float = 0.0


class _OverTime(BaseException):
    """Raised by the per-file alarm. A BaseException, so that no ``except Exception`` in a
    parser or an extractor can swallow it."""


def _can_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`_OverTime` in this thread after ``seconds`` of wall-clock time.

    pdfminer is pure Python, so the alarm interrupts it wherever it is. Only
    the main thread of a process can take signals: elsewhere this does nothing
    (and :func:`extract_all` sends the files to worker processes instead).
    """
    if seconds <= 0 or not _can_alarm():
        yield
        return
    armed = True

    def on_alarm(signum: int, frame: Any) -> None:
        if armed:
            raise _OverTime

    previous = signal.signal(signal.SIGALRM, on_alarm)
    started = time.monotonic()
    # Someone else's timer (a caller's own timeout) is put back afterwards, less the time spent.
    other_delay, other_interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if other_delay:
            signal.setitimer(signal.ITIMER_REAL, max(other_delay - (time.monotonic() - started), 0.001),
                             other_interval)


def over_time_detail(limits: Limits) -> str:
    return f"reading the file took longer than the limit of {limits.seconds_per_file:g} s per file"


def extract_file(submission_id: int, path: Path, limits: Limits) -> FileResult:
    """Read one file to a :class:`FileResult`; never raises for anything the file does.

    A file that takes longer than ``limits.seconds_per_file`` is given up on
    and comes back ``unreadable`` (quarantined) with a detail that says so.
    """
    started = time.perf_counter()
    try:
        with _time_limit(limits.seconds_per_file):
            result = _read(submission_id, path, limits)
    except _OverTime:
        log.warning("submission %s: over the time limit of %g s", submission_id, limits.seconds_per_file)
        result = FileResult(submission_id, "unreadable", over_time_detail(limits))
    result.seconds = time.perf_counter() - started
    return result


def _read(submission_id: int, path: Path, limits: Limits) -> FileResult:
    try:
        with open_document(path, max_bytes=limits.max_file_bytes, max_pages=limits.max_pages) as doc:
            if doc.word_count == 0 and not any(w.value for w in doc.widgets):
                detail = "no text was found: the file looks like a scanned image"
                if doc.has_xfa:
                    detail = "no text was found: the file is an XFA form, which cannot be read"
                return FileResult(submission_id, "unknown", detail)
            found = default_registry().classify(doc)
            if found.extractor is None:
                detail = "no extractor recognised this document"
                if doc.has_xfa and not any(w.value for w in doc.widgets):
                    # Readers other than Adobe's see only "Please wait..." on an XFA-only form.
                    detail = "no extractor recognised this document: it is an XFA form, which cannot be read"
                return FileResult(submission_id, "unknown", detail)
            extraction = found.extractor.extract(doc)
            return FileResult(submission_id, "extracted", None, extraction, found.score)
    except UnreadableFile as exc:
        return FileResult(submission_id, "unreadable", str(exc))
    except RecursionError:
        return FileResult(submission_id, "unreadable", "the PDF is damaged and cannot be read (its objects nest "
                                                       "too deeply)")
    except Exception as exc:  # noqa: BLE001 - a file that breaks the parser must not stop the batch
        log.warning("submission %s could not be read: %s", submission_id, type(exc).__name__)
        return FileResult(submission_id, "unreadable", f"the file could not be read ({type(exc).__name__})")


# A worker's line back to the parent: (pid, submission id, time.time() when it started, or None when done).
_beats: Any = None


def _beat(submission_id: int, started: float | None) -> None:
    if _beats is not None:
        _beats.put((os.getpid(), submission_id, started))


def _test_fault(path: Path) -> None:
    """Tests only: ``FORMWORK_TEST_FAULTS="die:SHA256,hang:SHA256"`` makes the worker reading the
    stored file ``SHA256`` exit at once, or hang where no alarm can reach it."""
    spec = os.environ.get("FORMWORK_TEST_FAULTS")
    if not spec:
        return
    for item in spec.split(","):
        kind, _, sha = item.strip().partition(":")
        if sha and path.stem == sha:
            if kind == "die":
                os._exit(70)
            if kind == "hang":
                signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
                while True:
                    time.sleep(3600)


def extract_batch(items: Sequence[tuple[int, str]], limits: Limits) -> list[FileResult]:
    """A worker's share: each file in turn, telling the parent when it starts and ends each one."""
    out = []
    for sid, p in items:
        _beat(sid, time.time())
        _test_fault(Path(p))
        out.append(extract_file(sid, Path(p), limits))
        if _gc is not None:
            _gc.tick()
        _beat(sid, None)
    return out


def warm() -> None:
    """Build what every worker needs once: the extractor registry and the spaCy pipelines.

    The fork server runs this once (formwork/worker_init.py), so each worker
    it forks starts ready; elsewhere each worker runs it as it starts.
    """
    try:
        default_registry()
        from extractors import text
        from extractors.nlp import entities, topics

        text.nlp()
        entities.letter_nlp()
        topics.topic_model()
    except Exception:  # a worker builds anything missing when it first needs it
        log.exception("the worker warm-up failed; each worker will build what it needs itself")


#: A worker process's garbage collection: each file's garbage collected after the file (formwork/gcpolicy.py).
_gc: gcpolicy.Lean | None = None


def _warm_worker(beats: Any = None) -> None:
    global _beats, _gc
    _beats = beats
    warm()
    _gc = gcpolicy.settle(every=1)


def extract_all(items: Sequence[tuple[int, str]], settings: Settings) -> Iterator[FileResult]:
    """Results for ``items`` in the order given; in worker processes when it pays.

    A few files are read in this process (under the per-file alarm). More go
    to worker processes, where a file that kills its worker or hangs beyond
    the alarm's reach costs only itself: see :class:`_Workers`.
    """
    if len(items) < 2 * settings.batch_size and _can_alarm():
        for sid, p in items:
            yield extract_file(sid, Path(p), settings.limits)
        return
    yield from _Workers(settings).run(items)


#: How long past ``seconds_per_file`` a worker may stay on one file (the alarm having failed
#: to stop it) before it is killed.
HANG_GRACE_SECONDS = 10.0


class _Workers:
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
        self.ctx = workerpool.context()
        self.results: dict[int, FileResult] = {}  # read (or given up on), not yet handed on
        self.read = 0  # how many results have come in, all told
        self.todo: deque[tuple[int, str]] = deque()
        self.alone: deque[tuple[int, str]] = deque()  # suspects: files to read one at a time

    def run(self, items: Sequence[tuple[int, str]]) -> Iterator[FileResult]:
        order = [sid for sid, _ in items]
        self.todo.extend(items)
        out = 0
        failures = 0
        while out < len(order):
            before = self.read
            with contextlib.closing(self._session()) as session:
                for _ in itertools.chain(session, [None]):  # as results arrive, and once the pool is done
                    while out < len(order) and order[out] in self.results:
                        yield self.results.pop(order[out])
                        out += 1
            # A pool that breaks again and again without reading anything: read in this process.
            failures = 0 if self.read > before or out == len(order) else failures + 1
            if failures >= 3:
                log.error("worker processes keep failing: reading the remaining files in this process")
                for sid, p in [*self.alone, *self.todo]:
                    self.results[sid] = extract_file(sid, Path(p), self.limits)
                    self.read += 1
                self.alone.clear()
                self.todo.clear()

    def _session(self) -> Generator[None, None, None]:
        """One pool, until the work runs out or the pool breaks; yields whenever results arrive."""
        beats = self.ctx.SimpleQueue()
        pool = cf.ProcessPoolExecutor(max_workers=self.workers, mp_context=self.ctx, initializer=_warm_worker,
                                      initargs=(beats,))
        inflight: dict[cf.Future[list[FileResult]], list[tuple[int, str]]] = {}
        running: dict[int, tuple[int, float]] = {}  # pid -> (submission id, started)
        killed: dict[int, str] = {}  # submission id -> why its worker was killed
        finished = False
        try:
            while True:
                if not self._submit(pool, inflight):
                    self._recover(inflight, running, killed)
                    return
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
                    inflight[pool.submit(extract_batch, [item], self.limits)] = [item]
                return True
            while self.todo and len(inflight) < 2 * self.workers:  # a bounded window keeps memory flat
                # Small batches near the end, so that every worker has a share.
                size = max(1, min(self.batch_size, len(self.todo) // self.workers))
                batch = list(itertools.islice(self.todo, size))
                inflight[pool.submit(extract_batch, batch, self.limits)] = batch
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


# --------------------------------------------------------------------------- deciding (database side)


@dataclass
class Decided:
    submission_id: int
    file_name: str
    form_type: str | None
    outcome: Outcome
    reasons: list[str]


def _claim(session: Session, submission_id: int) -> bool:
    """Mark the submission decided within this transaction; False if another run already did.

    The conditional UPDATE is the transaction's first write, so on SQLite it
    takes the write lock and on PostgreSQL the row lock: two runs can never
    both decide (and so act on) one submission.
    """
    result = session.execute(
        update(Submission).where(col(Submission.id) == submission_id, col(Submission.stage) != Stage.decided)
        .values(stage=Stage.decided)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def record_result(result: FileResult, settings: Settings, actor: str = audit.PIPELINE) -> Decided | None:
    """Decide one submission from its extraction, apply the approved action, all in one transaction."""
    with session_scope(settings.database_url) as session:
        if not _claim(session, result.submission_id):
            session.rollback()
            return None
        sub = session.get(Submission, result.submission_id)
        assert sub is not None
        sub.as_of = settings.today()
        sub.decided_by = actor
        sub.decided_at = utcnow()
        if result.status == "unreadable":
            sub.outcome, sub.reasons, sub.detail = Outcome.quarantined, [R.UNREADABLE_FILE], result.detail
        elif result.status == "unknown" or result.extraction is None:
            sub.outcome, sub.reasons, sub.detail = Outcome.exception, [R.UNKNOWN_FORM_TYPE], result.detail
        else:
            _decide_extracted(session, sub, result, settings, actor)
        session.add(sub)
        audit.record(session, actor, "decided", submission_id=sub.id,
                     after={"outcome": sub.outcome, "reasons": sub.reasons, "form_type": sub.form_type})
        assert sub.outcome is not None
        return Decided(result.submission_id, sub.file_name, sub.form_type, Outcome(sub.outcome),
                       list(sub.reasons))


def _decide_extracted(session: Session, sub: Submission, result: FileResult, settings: Settings,
                      actor: str) -> None:
    ex = result.extraction
    assert ex is not None and sub.id is not None
    extractor = default_registry().get(ex.extractor)
    sub.form_type, sub.extractor, sub.extractor_version = ex.form_type, ex.extractor, ex.version
    sub.classification_score = result.score
    # One multi-row INSERT rather than an ORM object per field: rows nothing else in the transaction reads.
    rows = []
    for fv in ex.fields.values():
        box = fv.box
        rows.append({
            "submission_id": sub.id, "name": fv.name, "value": fv.value, "raw": fv.raw,
            "confidence": fv.confidence, "method": fv.method, "page": box.page if box else None,
            "x0": box.x0 if box else None, "top": box.top if box else None, "x1": box.x1 if box else None,
            "bottom": box.bottom if box else None, "label": fv.label, "valid": fv.valid})
    if rows:
        session.execute(insert(ExtractedField), rows)
    values = ex.values()
    sub.account_ref = values.get("account_ref")
    session.flush()
    decision = check_and_decide(session, sub, extractor.fields, ex.fields, settings)
    for key in duplicate_keys(ex.form_type, values):  # so that a later one about the same thing is a duplicate
        session.add(SubmissionKey(submission_id=sub.id, form_type=ex.form_type, key=key, received_at=sub.received_at))
    sub.outcome, sub.reasons = decision.outcome, decision.reasons
    sub.detail = "; ".join(ex.notes) or None
    if decision.outcome is Outcome.approved:
        try:
            apply_approved(session, sub, values, settings, actor)
        except ActionError as exc:
            sub.outcome, sub.detail = Outcome.exception, f"the approved action could not be applied: {exc}"
            sub.reasons = [R.ACTION_FAILED]


def check_and_decide(session: Session, sub: Submission, schema: Sequence[FieldSpec],
                     fields: dict[str, FieldValue], settings: Settings) -> Decision:
    """Run the form type's checks on ``fields`` and decide; the check results are added to ``session``.

    The pipeline calls this on what it extracted, the review app on what a
    member of staff corrected: one rule book for both.
    """
    assert sub.id is not None and sub.form_type is not None
    serialise_decisions(session)  # held until the caller's transaction, and so its action, is committed
    values = {n: f.value for n, f in fields.items() if f.valid and f.value is not None}
    ctx = CheckContext(sub.form_type, values, settings.today(), settings.policy, Records(session),
                       sub.id, sub.received_at)
    decision = decide(schema, fields, run_checks(sub.form_type, ctx), settings.policy.confidence_threshold)
    if decision.checks:
        ran_at = utcnow()
        session.execute(insert(CheckResult), [
            {"submission_id": sub.id, "check": c.check, "passed": c.passed, "reasons": c.reasons,
             "evidence": c.evidence, "ran_at": ran_at} for c in decision.checks])
    return decision


# --------------------------------------------------------------------------- a whole run


@dataclass
class RunSummary:
    files: int = 0
    new: int = 0
    already_known: int = 0
    processed: int = 0
    seconds: float = 0.0
    counts: Counter[tuple[str, str]] = field(default_factory=Counter)  # (form_type, outcome)
    reasons: Counter[str] = field(default_factory=Counter)

    def add(self, d: Decided) -> None:
        self.processed += 1
        self.counts[(d.form_type or "-", d.outcome.value)] += 1
        self.reasons.update(d.reasons)

    @property
    def rate(self) -> float:
        return self.processed / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "files": self.files, "new": self.new, "already_known": self.already_known,
            "processed": self.processed, "seconds": round(self.seconds, 2), "forms_per_second": round(self.rate, 2),
            "counts": [{"form_type": ft, "outcome": oc, "count": n} for (ft, oc), n in sorted(self.counts.items())],
            "top_reasons": self.reasons.most_common(10),
        }


def pending(settings: Settings, ids: Iterable[int] | None = None) -> list[tuple[int, str]]:
    """Undecided submissions (all of them, or those of ``ids``) with their stored files, in id order."""
    store = FileStore(settings.store_dir)
    with session_scope(settings.database_url) as session:
        stmt = select(Submission.id, Submission.stored_path).where(col(Submission.stage) != Stage.decided)
        if ids is not None:
            stmt = stmt.where(col(Submission.id).in_(list(ids)))
        rows = session.exec(stmt.order_by(col(Submission.id))).all()
    return [(int(sid), str(store.resolve(p))) for sid, p in rows if sid is not None]


#: Extraction of many files: results in the order of the items given (extract_all, or the Dask runner's).
Extractor = Callable[[Sequence[tuple[int, str]], Settings], Iterable[FileResult]]


def decide_pending(items: Sequence[tuple[int, str]], settings: Settings, summary: RunSummary,
                   progress: Progress | None = None, extract: Extractor | None = None) -> None:
    """Extract ``items`` (with ``extract``, default :func:`extract_all`) and decide each, in the order given."""
    with gcpolicy.lean(every=25) as collector:
        for done, result in enumerate((extract or extract_all)(items, settings), start=1):
            decided = record_result(result, settings)
            if decided is not None:
                summary.add(decided)
                log.info("submission %s: %s", decided.submission_id, decided.outcome.value)
            if progress:
                progress("process", done, len(items))
            collector.tick()


def run_intake(inbox: Path, settings: Settings, summary: RunSummary, progress: Progress | None = None) -> IntakeResult:
    def step(done: int, total: int) -> None:
        if progress:
            progress("intake", done, total)

    result = intake(inbox, settings, progress=step)
    summary.files, summary.new, summary.already_known = result.files, len(result.new), result.known
    return result


def process_inbox(inbox: Path, settings: Settings, progress: Progress | None = None) -> RunSummary:
    """Take every file in ``inbox`` (and any submission left undecided by a crash) to an outcome."""
    started = time.perf_counter()
    summary = RunSummary()
    workerpool.start_early(settings, inbox)
    run_intake(inbox, settings, summary, progress)
    decide_pending(pending(settings), settings, summary, progress)
    summary.seconds = time.perf_counter() - started
    return summary
