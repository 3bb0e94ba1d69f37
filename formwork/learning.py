"""The layout memory: learning from staff where a council's own forms put each answer.

When a member of staff approves a case (with or without corrections) or confirms an approved one,
:func:`teach` re-reads the stored form, finds where each confirmed value sits on it
(:func:`extractors.memory.locate`) and remembers that place for the form's layout, one lesson per
field. The next form of the layout is read by those lessons first (:func:`read_with_lessons`, in the
pipeline's decision, before any check), each such field with method ``learned``; its value is still
normalised and checked like any other.

A lesson a later correction contradicts (staff correct a field that was read by it) is dropped, and
the corrected value teaches anew where it can be found. Every lesson learned, replaced or dropped,
and every layout forgotten, is an audit entry. Admins see the layouts in the review app and with
``formwork layouts list``, and forget one with ``formwork layouts forget ID``.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import delete
from sqlmodel import Session, col, select

from extractors.contract import Extraction
from extractors.document import Box
from extractors.memory import (
    SAME_LAYOUT,
    LayoutReading,
    Lesson,
    Locator,
    Signature,
    locate,
    locate_by_words,
    read_by_lessons,
)
from extractors.spec import FieldSpec
from formwork import audit
from formwork.models import ExtractedField, Layout, LayoutLesson, Submission, utcnow
from formwork.settings import Settings
from formwork.store import FileStore

__all__ = ["find_layout", "find_any_layout", "read_with_lessons", "teach", "Taught", "forget", "layouts", "LayoutView"]

log = logging.getLogger(__name__)


def _schema(form_type: str) -> Sequence[FieldSpec]:
    from extractors.registry import default_registry

    try:
        return default_registry().for_form_type(form_type).fields
    except KeyError:
        return ()


def _alike(session: Session, sig: Signature, form_type: str | None = None) -> list[tuple[float, Layout]]:
    """The learned layouts (of ``form_type``, or of any) alike enough to ``sig`` to be its layout, most alike
    first."""
    stmt = select(Layout) if form_type is None else select(Layout).where(Layout.form_type == form_type)
    found = [(sig.similarity(Signature(layout.kind, frozenset(layout.tokens))), layout)
             for layout in session.exec(stmt)]
    return sorted(((sim, layout) for sim, layout in found if sim >= SAME_LAYOUT), key=lambda t: -t[0])


def find_layout(session: Session, form_type: str, sig: Signature) -> Layout | None:
    """The learned layout of this form type most like ``sig``, if one is alike enough."""
    best = _alike(session, sig, form_type)
    return best[0][1] if best else None


#: How much closer to one form type's learned layout than to another's an unrecognised form must be.
CLEAR_MARGIN = 0.1


def find_any_layout(session: Session, sig: Signature) -> Layout | None:
    """The learned layout of any form type most like ``sig``: staff said which form a layout is, so a form of
    it that no extractor recognises is still that form. None when two form types' layouts match it as well."""
    best = _alike(session, sig)
    if not best:
        return None
    top, layout = best[0]
    if any(other.form_type != layout.form_type and top - sim < CLEAR_MARGIN for sim, other in best[1:]):
        return None  # a council's forms of two kinds alike in print: which one it is stays for staff
    return layout


def _lessons(session: Session, layout_id: int) -> list[LayoutLesson]:
    return list(session.exec(select(LayoutLesson).where(LayoutLesson.layout_id == layout_id)
                             .order_by(col(LayoutLesson.id))))


def read_with_lessons(session: Session, extraction: Extraction) -> dict[str, int]:
    """Read the fields the layout's lessons cover from where they say; returns field -> lesson id."""
    reading = extraction.layout
    if not isinstance(reading, LayoutReading):
        return {}
    layout = find_layout(session, extraction.form_type, reading.signature)
    if layout is None or layout.id is None:
        return {}
    lessons = [Lesson(r.id, r.field, Locator.from_json(r.locator)) for r in _lessons(session, layout.id)
               if r.id is not None]
    used = read_by_lessons(reading.text, reading.pairs, _schema(extraction.form_type), lessons, extraction,
                           reading.phrases)
    if used:
        layout.forms_read += 1
        layout.last_read_at = utcnow()
        session.add(layout)
    return used


# --------------------------------------------------------------------------- teaching


@dataclass
class Taught:
    layout_id: int
    learned: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    confirmed: list[str] = field(default_factory=list)


def _read_stored(path: Path, form_type: str) -> LayoutReading | None:
    from extractors.document import UnreadableFile, open_document
    from extractors.memory import layout_of
    from extractors.prose import is_prose

    try:
        with open_document(path) as doc:
            if is_prose(doc):
                return None  # a letter has no layout to learn
            return layout_of(doc)
    except (UnreadableFile, OSError):
        return None


def _title(reading: LayoutReading) -> str:
    if reading.title:
        return reading.title
    for line in reading.text.splitlines()[:12]:
        text = line.strip()
        if len(text.split()) >= 2 and any(w in text.lower() for w in ("form", "application", "apply", "permit",
                                                                      "discount", "moving", "move", "change",
                                                                      "claim", "notification", "tax")):
            return text[:120]
    return (reading.text.strip().splitlines() or ["(untitled)"])[0][:120]


def teach(session: Session, sub: Submission, values: dict[str, Any], user: str, settings: Settings,
          corrected: set[str] | frozenset[str] = frozenset()) -> Taught | None:
    """Remember where each of ``values`` (confirmed by ``user`` for ``sub``) sits on its layout.

    ``corrected`` are the fields staff changed: a lesson that read one of them is contradicted and
    dropped before the corrected value teaches its own place.
    """
    if not sub.form_type or not sub.stored_path or sub.id is None:
        return None
    schema = {s.name: s for s in _schema(sub.form_type)}
    if not schema:
        return None
    reading = _read_stored(FileStore(settings.store_dir).resolve(sub.stored_path), sub.form_type)
    if reading is None or not reading.signature.tokens:
        return None
    layout = find_layout(session, sub.form_type, reading.signature)
    if layout is None:
        layout = Layout(form_type=sub.form_type, kind=reading.signature.kind,
                        tokens=sorted(reading.signature.tokens), name=_title(reading))
        session.add(layout)
        session.flush()
        audit.record(session, user, "layout_learned", submission_id=sub.id,
                     after={"layout_id": layout.id, "form_type": sub.form_type, "name": layout.name})
    assert layout.id is not None
    taught = Taught(layout.id)
    existing = {r.field: r for r in _lessons(session, layout.id)}
    read_by = {r.name: r for r in session.exec(select(ExtractedField).where(ExtractedField.submission_id == sub.id))}
    claimed: list[Locator] = []
    for name in sorted(values):
        spec = schema.get(name)
        if spec is None:
            continue
        lesson = existing.get(name)
        row = read_by.get(name)
        if lesson is not None and name in corrected and row is not None and row.lesson_id == lesson.id:
            # Staff corrected what this lesson read: it is wrong for this layout.
            audit.record(session, user, "lesson_dropped", submission_id=sub.id,
                         before={"layout_id": layout.id, "field": name, "where": Locator.from_json(
                             lesson.locator).describe(), "taught_by": lesson.taught_by,
                             "taught_from": lesson.submission_id},
                         note="a correction contradicted it")
            session.delete(lesson)
            session.flush()
            existing.pop(name)
            lesson = None
            taught.dropped.append(name)
        near = Box(row.page, row.x0, row.top, row.x1, row.bottom) if (
            row is not None and row.page is not None and row.x0 is not None and row.top is not None
            and row.x1 is not None and row.bottom is not None) else None
        where = locate(reading.pairs, spec, values[name], near=near, taken=claimed)
        if where is None:  # no pair holds it: the reader lost it; the words printed by it still say where
            where = locate_by_words(reading.phrases, reading.pairs, spec, values[name])
        if where is None:
            continue
        claimed.append(where)
        if lesson is not None and Locator.from_json(lesson.locator) == where:
            lesson.confirmed += 1
            session.add(lesson)
            taught.confirmed.append(name)
            continue
        if lesson is not None:
            before = {"where": Locator.from_json(lesson.locator).describe(), "taught_by": lesson.taught_by,
                      "taught_from": lesson.submission_id}
            lesson.locator, lesson.taught_by, lesson.submission_id = where.to_json(), user, sub.id
            lesson.taught_at, lesson.confirmed = utcnow(), 0
            session.add(lesson)
            audit.record(session, user, "lesson_replaced", submission_id=sub.id, before=before,
                         after={"layout_id": layout.id, "field": name, "where": where.describe()})
            taught.replaced.append(name)
            continue
        session.add(LayoutLesson(layout_id=layout.id, field=name, locator=where.to_json(), taught_by=user,
                                 submission_id=sub.id))
        audit.record(session, user, "lesson_learned", submission_id=sub.id,
                     after={"layout_id": layout.id, "field": name, "where": where.describe()})
        taught.learned.append(name)
    session.flush()
    return taught


# --------------------------------------------------------------------------- what admins see and do


@dataclass
class LessonView:
    field: str
    where: str
    taught_by: str
    submission_id: int
    taught_at: Any
    confirmed: int


@dataclass
class LayoutView:
    id: int
    form_type: str
    name: str
    kind: str
    created_at: Any
    forms_read: int
    last_read_at: Any
    lessons: list[LessonView]


def layouts(session: Session) -> list[LayoutView]:
    out = []
    for layout in session.exec(select(Layout).order_by(col(Layout.form_type), col(Layout.id))):
        assert layout.id is not None
        lessons = [LessonView(r.field, Locator.from_json(r.locator).describe(), r.taught_by, r.submission_id,
                              r.taught_at, r.confirmed) for r in _lessons(session, layout.id)]
        out.append(LayoutView(layout.id, layout.form_type, layout.name, layout.kind, layout.created_at,
                              layout.forms_read, layout.last_read_at, lessons))
    return out


def lesson(session: Session, lesson_id: int | None) -> LessonView | None:
    """The lesson a field was read by, for the case page; None when there is none (or it was forgotten)."""
    if lesson_id is None:
        return None
    row = session.get(LayoutLesson, lesson_id)
    if row is None:
        return None
    return LessonView(row.field, Locator.from_json(row.locator).describe(), row.taught_by, row.submission_id,
                      row.taught_at, row.confirmed)


class UnknownLayout(LookupError):
    """No learned layout has that id (a one-line message for the CLI and the app)."""


def forget(session: Session, layout_id: int, user: str) -> LayoutView:
    """Forget a layout and its lessons; the audit log keeps what they were."""
    layout = session.get(Layout, layout_id)
    if layout is None:
        raise UnknownLayout(f"there is no learned layout {layout_id} (formwork layouts list shows them)")
    view = next(v for v in layouts(session) if v.id == layout_id)
    session.execute(delete(LayoutLesson).where(col(LayoutLesson.layout_id) == layout_id))
    session.delete(layout)
    audit.record(session, user, "layout_forgotten",
                 before={"layout_id": layout_id, "form_type": view.form_type, "name": view.name,
                         "lessons": {v.field: v.where for v in view.lessons}})
    return view
