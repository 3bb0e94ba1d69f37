"""The extractor contract. Read docs/extractors.md for the walk-through.

An extractor turns a :class:`~extractors.document.Document` into an
:class:`Extraction` for one form type. It never touches the database and never
decides an outcome: it says what is on the page, how sure it is, and where it
found it. The pipeline does the rest.

An extractor is any object with:

``name``
    a stable identifier, recorded on every submission (``council_tax_spd``).
``version``
    bumped whenever its output for the same PDF may change (``"1.0"``);
    recorded on every submission, so results stay explainable.
``form_type``
    the form type of forms.md it produces.
``fields``
    the :class:`~extractors.spec.FieldSpec` schema of that form type: names,
    kinds and which are required. The pipeline reads ``required`` from here.
``score(doc) -> float | None``
    how sure it is, in ``[0, 1]``, that ``doc`` is its form type; ``None``
    declines. It must be cheap (read ``doc.lower_text``), and it must not
    raise: a raising extractor is treated as declining and logged.
``extract(doc) -> Extraction``
    the fields found. A field that is absent or blank is left out; a field
    whose text is present but invalid for its kind is included with
    ``valid=False`` and ``value=None``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    from extractors.document import Box, Document
    from extractors.spec import FieldSpec

__all__ = ["Extractor", "Extraction", "FieldValue"]


@dataclass(slots=True)
class FieldValue:
    """One field as read off the page, with its provenance."""

    name: str
    value: Any  # the normal form (str, or list[str] for list fields); None when invalid
    confidence: float
    method: str  # acroform | acroform_label | label | table | text
    raw: str | None = None
    box: Box | None = None
    label: str | None = None  # the printed label or AcroForm name it was found by
    valid: bool = True
    problem: str | None = None  # why the raw text was invalid

    def to_dict(self) -> dict[str, Any]:
        box = self.box
        return {
            "name": self.name, "value": self.value, "confidence": round(self.confidence, 4),
            "method": self.method, "raw": self.raw, "label": self.label, "valid": self.valid,
            "problem": self.problem,
            "page": box.page if box else None,
            "bbox": [round(box.x0, 1), round(box.top, 1), round(box.x1, 1), round(box.bottom, 1)] if box else None,
        }


@dataclass(slots=True)
class Extraction:
    form_type: str
    extractor: str
    version: str
    fields: dict[str, FieldValue] = field(default_factory=dict)
    #: Observations for staff that are not fields (e.g. "two different dates were found for ...").
    notes: list[str] = field(default_factory=list)
    #: What the reader saw, for the layout memory: an ``extractors.memory.LayoutReading`` (its signature,
    #: its label/answer pairs, its text), or None for a reader that has none (a letter, a plugin).
    layout: Any = None
    #: Fields whose place on this form another answer decided (a move's addresses named by place, read as its
    #: direction says): where a lesson saw them on another form of the layout says nothing of where they are.
    directed: frozenset[str] = frozenset()

    def values(self) -> dict[str, Any]:
        """Valid values by field name (what checks read)."""
        return {n: f.value for n, f in self.fields.items() if f.valid and f.value is not None}


@runtime_checkable
class Extractor(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def version(self) -> str: ...

    @property
    def form_type(self) -> str: ...

    @property
    def fields(self) -> Sequence[FieldSpec]: ...

    def score(self, doc: Document) -> float | None: ...

    def extract(self, doc: Document) -> Extraction: ...
