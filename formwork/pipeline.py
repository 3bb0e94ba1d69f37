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
import logging
import multiprocessing as mp
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, col, select

from extractors.contract import Extraction, FieldValue
from extractors.document import UnreadableFile, open_document
from extractors.registry import default_registry
from extractors.spec import FieldSpec
from formwork import audit
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


def extract_file(submission_id: int, path: Path, limits: Limits) -> FileResult:
    started = time.perf_counter()
    try:
        with open_document(path, max_bytes=limits.max_file_bytes, max_pages=limits.max_pages) as doc:
            if doc.word_count == 0 and not any(w.value for w in doc.widgets):
                detail = "no text was found: the file looks like a scanned image"
                if doc.has_xfa:
                    detail = "no text was found: the file is an XFA form, which cannot be read"
                return FileResult(submission_id, "unknown", detail, seconds=time.perf_counter() - started)
            found = default_registry().classify(doc)
            if found.extractor is None:
                return FileResult(submission_id, "unknown", "no extractor recognised this document",
                                  seconds=time.perf_counter() - started)
            extraction = found.extractor.extract(doc)
            return FileResult(submission_id, "extracted", None, extraction, found.score,
                              seconds=time.perf_counter() - started)
    except UnreadableFile as exc:
        return FileResult(submission_id, "unreadable", str(exc), seconds=time.perf_counter() - started)
    except Exception as exc:  # noqa: BLE001 - a file that breaks the parser must not stop the batch
        log.warning("submission %s could not be read: %s", submission_id, type(exc).__name__)
        return FileResult(submission_id, "unreadable", f"the file could not be read ({type(exc).__name__})",
                          seconds=time.perf_counter() - started)


def extract_batch(items: Sequence[tuple[int, str]], limits: Limits) -> list[FileResult]:
    return [extract_file(sid, Path(p), limits) for sid, p in items]


def _warm_worker() -> None:
    # Build the registry (and so import every extractor) once per worker, not per batch.
    default_registry()


def _chunks(items: Sequence[tuple[int, str]], size: int) -> Iterator[list[tuple[int, str]]]:
    for i in range(0, len(items), size):
        yield list(items[i:i + size])


def extract_all(items: Sequence[tuple[int, str]], settings: Settings) -> Iterator[FileResult]:
    """Results for ``items`` in the order given; in worker processes when it pays."""
    workers = settings.workers or os.cpu_count() or 1
    if workers <= 1 or len(items) < 2 * settings.batch_size:
        for sid, p in items:
            yield extract_file(sid, Path(p), settings.limits)
        return
    ctx = mp.get_context("forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn")
    if ctx.get_start_method() == "forkserver":
        ctx.set_forkserver_preload(["extractors.registry", "formwork.pipeline"])
    with cf.ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_warm_worker) as pool:
        pending: list[cf.Future[list[FileResult]]] = []
        chunks = _chunks(items, settings.batch_size)
        # A bounded window of batches in flight keeps memory flat however big the inbox.
        for chunk in chunks:
            pending.append(pool.submit(extract_batch, chunk, settings.limits))
            if len(pending) >= 2 * workers:
                break
        while pending:
            yield from pending.pop(0).result()
            nxt = next(chunks, None)
            if nxt is not None:
                pending.append(pool.submit(extract_batch, nxt, settings.limits))


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
    for fv in ex.fields.values():
        box = fv.box
        session.add(ExtractedField(
            submission_id=sub.id, name=fv.name, value=fv.value, raw=fv.raw, confidence=fv.confidence,
            method=fv.method, page=box.page if box else None, x0=box.x0 if box else None,
            top=box.top if box else None, x1=box.x1 if box else None, bottom=box.bottom if box else None,
            label=fv.label, valid=fv.valid))
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
    for c in decision.checks:
        session.add(CheckResult(submission_id=sub.id, check=c.check, passed=c.passed, reasons=c.reasons,
                                evidence=c.evidence))
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
    for done, result in enumerate((extract or extract_all)(items, settings), start=1):
        decided = record_result(result, settings)
        if decided is not None:
            summary.add(decided)
            log.info("submission %s: %s", decided.submission_id, decided.outcome.value)
        if progress:
            progress("process", done, len(items))


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
    run_intake(inbox, settings, summary, progress)
    decide_pending(pending(settings), settings, summary, progress)
    summary.seconds = time.perf_counter() - started
    return summary
