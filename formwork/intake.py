"""Intake: every file in the inbox is hashed, stored and given a submission row
before any work on it starts.

A crash after intake loses nothing (the row and the stored copy exist; the
next run picks the submission up), and a re-run duplicates nothing: a file is
known by its content and its name together. The same content under another
name is another arrival (a form sent twice) and gets a submission of its own,
stored once; the checks then find it a duplicate submission. The inbox itself
is left as it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col

from formwork.db import session_scope
from formwork.models import Stage, Submission, utcnow
from formwork.progress import Reporter
from formwork.runs import RunSummary
from formwork.settings import Settings
from formwork.store import FileStore
from formwork.workerpool import Workers

#: Names of files still being written by whoever drops them in the inbox.
_PARTIAL_SUFFIXES = (".part", ".tmp", ".crdownload", ".partial", "~")
#: Files stored at once: each copy spends most of its time waiting for the disk to confirm it (fsync).
STORE_THREADS = 8


class InboxError(RuntimeError):
    """The inbox cannot be read (a one-line message for the CLI)."""


@dataclass
class IntakeResult:
    files: int = 0
    new: list[int] = field(default_factory=list)
    known: int = 0


def check_inbox(inbox: Path) -> None:
    """Raise InboxError unless ``inbox`` is a folder."""
    if not inbox.exists():
        raise InboxError(f"inbox folder not found: {inbox}")
    if not inbox.is_dir():
        raise InboxError(f"not a folder: {inbox}")


def inbox_files(inbox: Path) -> Iterator[Path]:
    """Every file under ``inbox`` in a stable order, except hidden and partial ones."""
    check_inbox(inbox)
    for path in sorted(inbox.rglob("*")):
        rel = path.relative_to(inbox)
        if any(part.startswith(".") for part in rel.parts) or path.name.endswith(_PARTIAL_SUFFIXES):
            continue
        if path.is_file():
            yield path


#: What makes an arrival the same file met again: its content and its name (the unique constraint).
_KEY = ["sha256", "file_name"]


def _insert_if_new(session: Session, row: dict[str, object]) -> int | None:
    """Insert a submission unless its content is known under its name; return the new id or None."""
    dialect = session.get_bind().dialect.name
    table = Submission.__table__  # type: ignore[attr-defined]
    stmt: Any
    if dialect == "postgresql":
        stmt = postgresql.insert(table).values(**row).on_conflict_do_nothing(index_elements=_KEY)
    elif dialect == "sqlite":
        stmt = sqlite.insert(table).values(**row).on_conflict_do_nothing(index_elements=_KEY)
    else:  # other databases: look first (a race then fails loudly on the unique index)
        if session.exec(select(Submission.id).where(col(Submission.sha256) == row["sha256"],  # type: ignore[call-overload]
                                                    col(Submission.file_name) == row["file_name"])).first():
            return None
        stmt = table.insert().values(**row)
    result = session.execute(stmt.returning(table.c.id))
    new_id = result.scalar_one_or_none()
    return int(new_id) if new_id is not None else None


def intake(inbox: Path, settings: Settings, *, chunk: int = 100,
           progress: Callable[[int, int], None] | None = None,
           on_stored: Callable[[list[tuple[int, str]]], None] | None = None) -> IntakeResult:
    """Store and register every file of ``inbox``; ``progress(done, total)`` after each chunk, and
    ``on_stored`` with each chunk's new submissions (id, stored file) once they are committed."""
    store = FileStore(settings.store_dir)
    result = IntakeResult()
    files = list(inbox_files(inbox))
    with ThreadPoolExecutor(max_workers=STORE_THREADS) as pool:
        for start in range(0, len(files), chunk):
            new = _intake_chunk(files[start:start + chunk], store, pool, settings, result)
            if on_stored and new:
                on_stored(new)
            if progress:
                progress(result.files, len(files))
    return result


def _intake_chunk(batch: list[Path], store: FileStore, pool: ThreadPoolExecutor, settings: Settings,
                  result: IntakeResult) -> list[tuple[int, str]]:
    # Each copy waits for its fsync; several at once keep the disk busy rather than the clock.
    stored = [(path, sha, dest) for path, (sha, dest) in zip(batch, pool.map(store.put, batch), strict=True)]
    new: list[tuple[int, str]] = []
    with session_scope(settings.database_url) as session:
        now = utcnow()
        for i, (path, sha, dest) in enumerate(stored):
            row = {
                "file_name": path.name, "sha256": sha,
                "stored_path": dest.relative_to(store.root).as_posix(),
                "size_bytes": dest.stat().st_size,
                # Arrival order is file order: later files get later times.
                "received_at": now + dt.timedelta(microseconds=i),
                "stage": Stage.received.value, "reasons": [],
            }
            new_id = _insert_if_new(session, row)
            if new_id is None:
                result.known += 1
            else:
                result.new.append(new_id)
                new.append((new_id, str(dest)))
    result.files += len(batch)
    return new


def run_intake(inbox: Path, settings: Settings, summary: RunSummary, progress: Reporter | None = None,
               workers: Workers | None = None) -> IntakeResult:
    """Intake, counted into ``summary``. With ``workers``, each stored chunk is handed to them at once
    (after any submission an earlier run left undecided), so reading starts while intake goes on."""
    def step(done: int, total: int) -> None:
        if progress:
            progress("intake", done, total)

    if workers is not None:
        workers.add(pending(settings))
    result = intake(inbox, settings, progress=step, on_stored=workers.add if workers is not None else None)
    summary.files, summary.new, summary.already_known = result.files, len(result.new), result.known
    return result


def pending(settings: Settings, ids: Iterable[int] | None = None) -> list[tuple[int, str]]:
    """Undecided submissions (all of them, or those of ``ids``) with their stored files, in id order."""
    store = FileStore(settings.store_dir)
    with session_scope(settings.database_url) as session:
        stmt = select(col(Submission.id), col(Submission.stored_path)).where(col(Submission.stage) != Stage.decided)
        if ids is not None:
            stmt = stmt.where(col(Submission.id).in_(list(ids)))
        rows = session.execute(stmt.order_by(col(Submission.id))).all()
    return [(int(sid), str(store.resolve(p))) for sid, p in rows if sid is not None]
