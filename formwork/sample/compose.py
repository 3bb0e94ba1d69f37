"""Lay out a form of any type from its wording: which questions, which labels, in which sections.

:func:`compose` does for the move and permit forms what ``spd_form.compose``
does for single person discount: it turns the answers an applicant wrote into
a :class:`~formwork.sample.document.FormDoc`, with wording, section order,
page breaks and extras (town, signature, a tick box) chosen at random.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import ModuleType

from formwork.sample import wording as spd_wording
from formwork.sample.document import Entry, FormDoc, Section
from formwork.sample.values import write_date

__all__ = ["compose"]

_DATE_HINTS = ("DD/MM/YYYY", "dd/mm/yyyy", "(day/month/year)", "(DD MM YYYY)")
_STYLES = spd_wording.WIDGET_STYLES


@dataclass
class _Namer:
    widgets: dict[str, dict[str, str]]
    rng: random.Random

    def __post_init__(self) -> None:
        self.style = self.rng.choice(_STYLES)
        self.mixed = self.rng.random() < 0.15

    def __call__(self, key: str) -> str:
        style = self.rng.choice(_STYLES) if self.mixed else self.style
        return self.widgets[key][style]


def compose(values: dict[str, str], layout: str, council: str, words: ModuleType,
            parts: Sequence[tuple[str, Sequence[str]]], signature: str, declared: dt.date, rng: random.Random,
            town: str = "", date_keys: Sequence[str] = (),
            ticks: Mapping[str, Sequence[tuple[str, str, bool]]] | None = None,
            labels: Mapping[str, Sequence[str]] | None = None,
            headings: Mapping[str, Sequence[str]] | None = None) -> FormDoc:
    """A form carrying ``values`` (field -> text as written, ``""`` for blank) in ``parts``.

    ``words`` is a wording module (LABELS, QUESTIONS, WIDGETS, TITLES, CODES,
    INTROS, SECTION_HEADINGS, DECLARATIONS, NOTES); ``parts`` lists sections
    as (heading kind, field keys); a key ``town`` prints ``town`` (no field).
    ``ticks`` asks a field as tick boxes instead: (statement, widget key, ticked) each;
    ``labels`` and ``headings`` replace the wording's choices for some fields and sections.
    """
    ticks, labels, headings = ticks or {}, labels or {}, headings or {}
    online = layout == "online_export"
    name = _Namer(words.WIDGETS, rng)
    hints = not online and rng.random() < 0.4
    combs = layout == "boxed_grid" and rng.random() < 0.5

    def entry(key: str) -> Entry | None:
        if key == "town":
            return Entry(None, rng.choice(spd_wording.TOWN_LABELS), town, name("town")) if town else None
        if key not in values:
            return None
        pool = labels.get(key) or (words.QUESTIONS[key] if online and rng.random() < 0.6 else words.LABELS[key])
        value, comb = values[key], 0
        if combs and key in ("account_ref",) and value:
            comb = 8  # nobody writes "CT" or dashes into character boxes
            value = value.removeprefix("CT").replace(" ", "").replace("-", "")
        hint = rng.choice(_DATE_HINTS) if hints and key in date_keys else ""
        return Entry(key, rng.choice(pool), value, name(key), hint=hint, comb=comb)

    sections: list[Section] = []
    style = rng.choice(spd_wording.HEADING_STYLES)

    def heading(n: int, kind: str) -> str:
        return style.format(n=n, a="ABCDEFGH"[n - 1], h=rng.choice(headings.get(kind) or words.SECTION_HEADINGS[kind]))

    def entries(key: str) -> list[Entry]:
        if key in ticks:
            return [Entry(None, text, "Yes" if ticked else "", name(widget), check=True)
                    for text, widget, ticked in ticks[key]]
        e = entry(key)
        return [e] if e is not None else []

    for kind, keys in parts:
        items = [e for k in keys for e in entries(k)]
        if items:
            sections.append(Section(heading(len(sections) + 1, kind), (), tuple(items)))

    declaration: list[Entry] = []
    if rng.random() < 0.4:
        declaration.append(Entry(None, rng.choice(spd_wording.AGREE_LABELS),
                                 "Yes" if rng.random() < 0.92 else "", name("agree"), check=True))
    if not online and rng.random() < 0.7:
        declaration.append(Entry(None, rng.choice(spd_wording.SIGNATURE_LABELS),
                                 signature if rng.random() < 0.7 else "", name("signature")))
    declaration += [e for e in (entry("declaration_date"),) if e is not None]
    sections.append(Section(heading(len(sections) + 1, "declaration"), (rng.choice(words.DECLARATIONS),),
                            tuple(declaration), new_page=not online and rng.random() < 0.3))
    notes_where = rng.choice(("end", "end", "intro", "none"))
    notes = tuple(rng.sample(words.NOTES, min(len(words.NOTES), rng.randint(2, 4))))
    if notes_where == "end":
        sections.append(Section(rng.choice(words.SECTION_HEADINGS["notes"]), notes, (),
                                new_page=rng.random() < 0.8))
    intro = rng.choice(words.INTROS) + (notes[:1] if notes_where == "intro" else ())
    return FormDoc(
        council=council, title=rng.choice(words.TITLES), code=rng.choice(words.CODES),
        intro=intro, sections=tuple(sections), omit_blank=rng.random() < 0.5,
        submission_ref=f"FS-{rng.randint(100000, 999999)}-{rng.choice('ABCDEFGH')}{rng.randint(10, 99)}",
        submitted_at=f"{write_date(declared, rng, 'dd/mm/yyyy')} {rng.randint(7, 22):02d}:{rng.randint(0, 59):02d}",
    )
