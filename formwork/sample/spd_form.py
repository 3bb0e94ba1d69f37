"""Lay out a single person discount form: which questions, which labels, in which sections.

:func:`compose` turns the values an applicant wrote into a
:class:`~formwork.sample.document.FormDoc`, choosing wording, section order,
page breaks and extras (town, signature, a tick box) at random, so that no two
councils' forms look alike while every answer keeps its meaning.
"""

from __future__ import annotations

import datetime as dt
import random

from formwork.sample import wording
from formwork.sample.document import Entry, FormDoc, Section
from formwork.sample.values import write_date

__all__ = ["compose"]

_DATE_HINTS = ("DD/MM/YYYY", "dd/mm/yyyy", "(day/month/year)", "(DD MM YYYY)")
_LONG = {"change_description", "other_adult_forwarding_address"}


class _Namer:
    """AcroForm names in one style per form, with the odd field from another.

    A form asks each question once and no two fields share a name in
    :data:`wording.WIDGETS`, so names never repeat within a form.
    """

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.style = rng.choice(wording.WIDGET_STYLES)
        self.mixed = rng.random() < 0.15

    def __call__(self, key: str) -> str:
        style = self.rng.choice(wording.WIDGET_STYLES) if self.mixed else self.style
        return wording.WIDGETS[key][style]


def compose(values: dict[str, str], layout: str, council: str, town_name: str, signature: str,
            declared: dt.date, rng: random.Random) -> FormDoc:
    """A form carrying ``values`` (field -> text as written, ``""`` for blank).

    Fields absent from ``values`` are questions this council's form does not ask.
    ``declared`` is only used for an online export's submission time stamp.
    """
    online = layout == "online_export"
    name = _Namer(rng)
    hints = layout != "online_export" and rng.random() < 0.4
    combs = layout == "boxed_grid" and rng.random() < 0.5

    def entry(key: str) -> Entry | None:
        if key not in values:
            return None
        pool = wording.QUESTIONS[key] if online and rng.random() < 0.6 else wording.LABELS[key]
        value, comb = values[key], 0
        if combs and key in ("account_ref", "postcode") and value:
            comb = 8 if key == "account_ref" else 7
            if key == "account_ref":  # nobody writes "CT" or dashes into character boxes
                value = value.removeprefix("CT").replace(" ", "").replace("-", "")
        hint = rng.choice(_DATE_HINTS) if hints and key in ("sole_adult_since", "declaration_date") else ""
        return Entry(key, rng.choice(pool), value, name(key), long=key in _LONG, hint=hint, comb=comb)

    def entries(*keys: str) -> list[Entry]:
        return [e for e in (entry(k) for k in keys) if e is not None]

    contact_apart = rng.random() < 0.5
    town = [Entry(None, rng.choice(wording.TOWN_LABELS), town_name, name("town"))] \
        if rng.random() < 0.35 else []
    # The town sits between the first line and the postcode, as in an address block.
    property_part = ("property", entries("account_ref", "address") + town + entries("postcode"))
    you_part = ("you", entries("applicant_name", *(() if contact_apart else ("phone", "email"))))
    parts = [property_part, you_part] if rng.random() < 0.6 else [you_part, property_part]
    parts.append(("change", entries("sole_adult_since", "other_adult_name",
                                    "other_adult_forwarding_address", "change_description")))
    if contact_apart:
        parts.append(("contact", entries("phone", "email")))

    declaration: list[Entry] = []
    if rng.random() < 0.4:
        declaration.append(Entry(None, rng.choice(wording.AGREE_LABELS),
                                 "Yes" if rng.random() < 0.92 else "", name("agree"), check=True))
    if not online and rng.random() < 0.7:
        declaration.append(Entry(None, rng.choice(wording.SIGNATURE_LABELS),
                                 signature if rng.random() < 0.7 else "", name("signature")))
    declaration += entries("declaration_date")

    style = rng.choice(wording.HEADING_STYLES)
    sections = []
    for n, (kind, items) in enumerate((p for p in parts if p[1]), 1):
        heading = style.format(n=n, a="ABCDEFGH"[n - 1], h=rng.choice(wording.SECTION_HEADINGS[kind]))
        sections.append(Section(heading, (), tuple(items)))
    n = len(sections) + 1
    sections.append(Section(
        style.format(n=n, a="ABCDEFGH"[n - 1], h=rng.choice(wording.SECTION_HEADINGS["declaration"])),
        (rng.choice(wording.DECLARATIONS),), tuple(declaration), new_page=not online and rng.random() < 0.3))
    notes_where = rng.choice(("end", "end", "intro", "none"))
    notes = tuple(rng.sample(wording.NOTES, rng.randint(2, 4)))
    if notes_where == "end":  # notes are not a numbered part of the form
        sections.append(Section(rng.choice(wording.SECTION_HEADINGS["notes"]), notes, (),
                                new_page=rng.random() < 0.8))
    intro = rng.choice(wording.INTROS) + (notes[:1] if notes_where == "intro" else ())
    return FormDoc(
        council=council, title=rng.choice(wording.TITLES), code=rng.choice(wording.CODES),
        intro=intro, sections=tuple(sections), omit_blank=rng.random() < 0.5,
        submission_ref=f"FS-{rng.randint(100000, 999999)}-{rng.choice('ABCDEFGH')}{rng.randint(10, 99)}",
        submitted_at=f"{write_date(declared, rng, 'dd/mm/yyyy')} {rng.randint(7, 22):02d}:{rng.randint(0, 59):02d}",
    )
