"""The ordered steps that take a folder of files to outcomes; callable without Prefect.

1. intake: hash, store, submission row (formwork.intake);
2. extract: open, classify, extract, in worker processes (pure: no database);
3. decide: checks, outcome, approved action, audit, one transaction per
   submission, in submission order, in this process.

Intake, the pending list and the worker pool live in light modules
(formwork.intake, formwork.workerpool), so that a run can start its workers
before it imports this module's deciding side (see flows/process_inbox.py).

Extraction is the slow part and runs on every core; the database work stays in
one process, off the workers' path. The flow in ``flows/process_inbox.py``
calls these same functions as Prefect tasks.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, update
from sqlmodel import Session, col

from extractors.contract import Extraction, FieldValue
from extractors.document import Document, UnreadableFile, open_document
from extractors.memory import Signature
from extractors.registry import default_registry
from extractors.spec import FieldSpec
from formwork import audit, gcpolicy, learning, workerpool
from formwork import normalise as norm
from formwork import reasons as R
from formwork.actions import ActionError, apply_approved
from formwork.checks import CheckContext, Records, run_checks
from formwork.checks.base import address_matches
from formwork.checks.submissions import duplicate_keys
from formwork.db import serialise_decisions, session_scope
from formwork.decide import Decision, decide
from formwork.intake import pending, run_intake
from formwork.models import CheckResult, ExtractedField, Outcome, Stage, Submission, SubmissionKey, utcnow
from formwork.runs import RunSummary
from formwork.settings import Limits, Settings
from formwork.store import FileStore
from formwork.workerpool import Extractor, FileResult, over_time_detail

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]  # (phase, done, total)


# --------------------------------------------------------------------------- extraction (worker side)


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
                return FileResult(submission_id, "unknown", detail, signature=_layout_signature(doc))
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


def _layout_signature(doc: Document) -> Signature | None:
    """An unrecognised form's layout, for the layout memory (a letter has none)."""
    from extractors.memory import layout_of
    from extractors.prose import is_prose

    try:
        if is_prose(doc):
            return None
        return layout_of(doc).signature
    except Exception:  # the file is unrecognised either way; its layout is a bonus
        log.warning("an unrecognised document's layout could not be read", exc_info=True)
        return None


def read_as(path: Path, form_type: str, limits: Limits) -> Extraction:
    """Read a stored file as ``form_type``, whatever the extractors' classification says: staff, or the
    layout memory, know which form it is. Raises :class:`UnreadableFile` when it cannot be read in time."""
    try:
        with _time_limit(limits.seconds_per_file), \
                open_document(path, max_bytes=limits.max_file_bytes, max_pages=limits.max_pages) as doc:
            return default_registry().for_form_type(form_type).extract(doc)
    except _OverTime:
        raise UnreadableFile(over_time_detail(limits)) from None


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
    if not workerpool.reads_in_workers(len(items), settings) and _can_alarm():
        for sid, p in items:
            yield extract_file(sid, Path(p), settings.limits)
        return
    yield from workerpool.Workers(settings).run(items)


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
    if result.status == "unknown" and result.signature is not None:
        result = _recognise_by_layout(result, settings)
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


def _recognise_by_layout(result: FileResult, settings: Settings) -> FileResult:
    """A form no extractor recognised, of a layout staff have said the form type of: read as that form.

    The reading goes through every check, as any other; only which form it is comes from staff.
    """
    assert result.signature is not None
    with session_scope(settings.database_url) as session:
        layout = learning.find_any_layout(session, result.signature)
        sub = session.get(Submission, result.submission_id)
        if layout is None or sub is None:
            return result
        form_type, name, stored = layout.form_type, layout.name, sub.stored_path
    try:
        extraction = read_as(FileStore(settings.store_dir).resolve(stored), form_type, settings.limits)
    except Exception:  # it stays unrecognised, for staff, as it was
        log.warning("submission %s: could not be read as %s", result.submission_id, form_type, exc_info=True)
        return result
    extraction.notes.append(f"no extractor recognised it; read as this form because staff taught its layout "
                            f"(“{name}”)")
    return FileResult(result.submission_id, "extracted", None, extraction, None, result.seconds)


def _decide_extracted(session: Session, sub: Submission, result: FileResult, settings: Settings,
                      actor: str) -> None:
    ex = result.extraction
    assert ex is not None
    decision = record_extraction(session, sub, ex, result.score, settings)
    sub.outcome, sub.reasons = decision.outcome, decision.reasons
    if decision.outcome is Outcome.approved:
        try:
            apply_approved(session, sub, ex.values(), settings, actor)
        except ActionError as exc:
            sub.outcome, sub.detail = Outcome.exception, f"the approved action could not be applied: {exc}"
            sub.reasons = [R.ACTION_FAILED]


def record_extraction(session: Session, sub: Submission, ex: Extraction, score: float | None,
                      settings: Settings) -> Decision:
    """Store what was read of ``sub`` (read by the layout's lessons where staff taught them), run the checks
    and return the decision, leaving the outcome to the caller: the pipeline's own, or staff's when they
    have said which form it is (:func:`formwork.web.cases.read_as`)."""
    assert sub.id is not None
    extractor = default_registry().get(ex.extractor)
    sub.form_type, sub.extractor, sub.extractor_version = ex.form_type, ex.extractor, ex.version
    sub.classification_score = score
    # The layout memory: fields staff have shown Formwork where to find on this layout (formwork/learning.py).
    lessons = learning.read_with_lessons(session, ex)
    records = Records(session)
    _zone_as_recorded(records, ex)
    _address_as_recorded(records, ex, extractor.fields)
    # One multi-row INSERT rather than an ORM object per field: rows nothing else in the transaction reads.
    rows = []
    for fv in ex.fields.values():
        box = fv.box
        rows.append({
            "submission_id": sub.id, "name": fv.name, "value": fv.value, "raw": fv.raw,
            "confidence": fv.confidence, "method": fv.method, "page": box.page if box else None,
            "x0": box.x0 if box else None, "top": box.top if box else None, "x1": box.x1 if box else None,
            "bottom": box.bottom if box else None, "label": fv.label, "valid": fv.valid,
            "lesson_id": lessons.get(fv.name) if fv.method == "learned" else None})
    if rows:
        session.execute(insert(ExtractedField), rows)
    values = ex.values()
    sub.account_ref = values.get("account_ref")
    session.flush()
    decision = check_and_decide(session, sub, extractor.fields, ex.fields, settings)
    for key in duplicate_keys(ex.form_type, values):  # so that a later one about the same thing is a duplicate
        session.add(SubmissionKey(submission_id=sub.id, form_type=ex.form_type, key=key, received_at=sub.received_at))
    sub.detail = "; ".join(ex.notes) or None
    return decision


def _zone_as_recorded(records: Records, ex: Extraction) -> None:
    """A permit zone read as the council's records spell it: "Zone 5" printed as "5" on the form (or read so),
    "CPZ3" for "CPZ 3". The value staff see, the checks compare and the export carries is the council's own."""
    found = ex.fields.get("zone")
    if found is None or not found.valid or not isinstance(found.value, str):
        return
    recorded = records.zone_as_recorded(found.value)
    if recorded is not None and recorded != found.value:
        ex.fields["zone"] = dataclasses.replace(found, value=recorded)


def _address_as_recorded(records: Records, ex: Extraction, schema: Sequence[FieldSpec]) -> None:
    """An address's first line as the gazetteer has it, where the form wrote more of it than the normal form
    keeps: "Flat 18, Kestrel Tower, Northgate" is one line to a council whose records say so, though
    "Northgate" sounds like the town. Only ever longer, and only to a line a property at the postcode has."""
    for spec in schema:
        found = ex.fields.get(spec.name)
        # (every address with a postcode of its own: a form's, and a letter's sender's, though that is free text)
        code = ex.fields.get(spec.postcode_field) if spec.postcode_field else None
        if found is None or not found.valid or not isinstance(found.value, str) \
                or code is None or not code.valid or not isinstance(code.value, str) or not found.raw:
            continue
        try:
            extents = norm.address_extents(found.raw)
        except norm.InvalidValue:
            continue
        if len(extents) < 2 or extents[0] != found.value:
            continue
        props = records.properties_at(code.value)
        if any(address_matches(found.value, p.address_line_1, p.address_line_2) for p in props):
            continue
        meant = next((e for e in reversed(extents[1:])
                      if any(address_matches(e, p.address_line_1, p.address_line_2) for p in props)), None)
        if meant is not None:
            ex.fields[spec.name] = dataclasses.replace(found, value=meant)


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


#: How long a run waits for another run to decide the submissions received before the next one.
EARLIER_WAIT_SECONDS = 30.0


def wait_for_earlier(submission_id: int, own: set[int], settings: Settings,
                     limit: float = EARLIER_WAIT_SECONDS) -> bool:
    """Wait, at most ``limit`` seconds, until no other run holds an undecided submission received
    before ``submission_id``; False if the time ran out.

    Which of two copies of a form is approved, and which is its duplicate, depends on which is
    decided first; so does a new account's reference. A run decides its own items in id order
    (the order the files were stored in: after intake it takes every undecided submission,
    other runs' included, and its workers hand results on in id order). An earlier submission
    it does not hold, one another run stored after this run took its items, is waited for here.
    The run holding the lowest undecided id never waits, so the runs cannot wait for each other
    in a circle; a run that crashed costs the others ``limit``.
    ``own`` is the ids this run will decide itself, in id order: they are never waited for.
    """
    deadline = time.monotonic() + limit
    delay = 0.02
    while True:
        with session_scope(settings.database_url) as session:
            stmt = (select(col(Submission.id))
                    .where(col(Submission.stage) != Stage.decided, col(Submission.id) < submission_id)
                    .order_by(col(Submission.id)).limit(len(own) + 1))
            earlier = {int(i) for (i,) in session.execute(stmt).all()}
        if not earlier - own:
            return True
        if time.monotonic() >= deadline:
            log.warning("submission %s: deciding it without waiting longer for %d received earlier",
                        submission_id, len(earlier - own))
            return False
        time.sleep(delay)
        delay = min(delay * 2, 0.5)


def decide_pending(items: Sequence[tuple[int, str]], settings: Settings, summary: RunSummary,
                   progress: Progress | None = None, extract: Extractor | None = None) -> None:
    """Extract ``items`` (with ``extract``, default :func:`extract_all`) and decide each, in the order given,
    each after any submission received before it that another run holds (:func:`wait_for_earlier`)."""
    own = {sid for sid, _ in items}
    with gcpolicy.lean(every=25) as collector:
        for done, result in enumerate((extract or extract_all)(items, settings), start=1):
            wait_for_earlier(result.submission_id, own, settings)
            decided = record_result(result, settings)
            own.discard(result.submission_id)
            if decided is not None:
                summary.add(decided)
                log.info("submission %s: %s", decided.submission_id, decided.outcome.value)
            if progress:
                progress("process", done, len(items))
            collector.tick()


def process_inbox(inbox: Path, settings: Settings, progress: Progress | None = None) -> RunSummary:
    """Take every file in ``inbox`` (and any submission left undecided by a crash) to an outcome."""
    started = time.perf_counter()
    summary = RunSummary()
    workerpool.start_early(settings, inbox)
    workers = workerpool.Workers(settings)
    run_intake(inbox, settings, summary, progress, workers)
    items, extract = workers.take(pending(settings))
    decide_pending(items, settings, summary, progress, extract=extract)
    summary.seconds = time.perf_counter() - started
    return summary
