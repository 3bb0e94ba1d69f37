"""``formwork reconcile``: prove that every file is accounted for.

Three ways a file could go missing, each listed with what it is:

- a file in the inbox with no submission (intake never saw it, or it changed
  after intake);
- a file in the store with no submission (stored, then the row was lost);
- a submission whose stored copy is missing (the store was damaged).

Hashing the inbox reads every file once; the store's files are named by their
hash, so listing it is enough.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlmodel import col

from formwork.db import session_scope
from formwork.intake import inbox_files
from formwork.models import Submission
from formwork.settings import Settings
from formwork.store import FileStore, sha256_file


@dataclass(frozen=True)
class Unaccounted:
    kind: str  # "inbox file without submission", ...
    where: str  # a path, or "submission <id>"
    sha256: str


@dataclass
class Reconciliation:
    inbox_files: int = 0
    stored_files: int = 0
    submissions: int = 0
    problems: list[Unaccounted] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def reconcile(settings: Settings, inbox: Path | None = None,
              progress: Callable[[int, int], None] | None = None) -> Reconciliation:
    result = Reconciliation()
    store = FileStore(settings.store_dir)
    with session_scope(settings.database_url) as session:
        rows = session.execute(select(col(Submission.id), col(Submission.sha256), col(Submission.stored_path))).all()
    known = {sha for _, sha, _ in rows}
    result.submissions = len(rows)

    if inbox is not None:
        files = list(inbox_files(inbox))
        result.inbox_files = len(files)
        for n, path in enumerate(files, 1):
            sha = sha256_file(path)
            if sha not in known:
                result.problems.append(Unaccounted("inbox file without submission", str(path), sha))
            if progress:
                progress(n, len(files))

    stored: set[str] = set()
    if store.root.is_dir():
        for path in store.root.glob("??/??/*.pdf"):
            stored.add(path.stem)
    result.stored_files = len(stored)
    for sha in sorted(stored - known):
        result.problems.append(Unaccounted("stored file without submission", str(store.path_for(sha)), sha))

    for sub_id, sha, stored_path in rows:
        if not stored_path:
            continue  # removed on purpose by retention: the row says so
        if sha not in stored and not store.resolve(stored_path).is_file():
            result.problems.append(Unaccounted("submission without its stored file", f"submission {sub_id}", sha))
    return result
