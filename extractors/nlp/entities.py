"""The things a letter quotes, found with an EntityRuler on a blank English pipeline.

Labels: ``DATE`` (every form forms.md accepts, the patterns of
:mod:`extractors.text`), ``DAY_MONTH`` (a date with no year, "the 3rd of
March"), ``POSTCODE``, ``ACCOUNT_REF`` (8 digits, ``CT`` prefix, ``4001 2345``),
``VRM`` (current, prefix and suffix styles), ``EMAIL`` and ``PHONE``. The ruler
keeps the longest match where patterns overlap, so "3 March 2025" is one DATE,
not a DAY_MONTH and a year. Every match is then read by the normaliser of its
kind and dropped if it is not a valid value (a phone number needs 10 or 11
digits), so a pattern may be generous.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language

from extractors import text as dates
from formwork import normalise as norm

__all__ = ["Entity", "Entities", "letter_nlp", "find_entities", "PATTERNS"]

_Token = dict[str, Any]


def _re(pattern: str) -> _Token:
    return {"TEXT": {"REGEX": pattern}}


_OUTWARD = r"^[A-Za-z]{1,2}\d[A-Za-z\d]?$"
# An inward code is a digit and two letters; "3rd" after "E1" is an ordinal, not a postcode
# (but "3ND" and "fw1 3nd" are postcodes).
_ORDINAL = r"(?!1st$|2nd$|3rd$|[04-9]th$)"
_INWARD = rf"^{_ORDINAL}\d[A-Za-z]{{2}}$"
_DIGITS8 = r"^\d{8}$"
_AREA = r"^(?:\+44|0)\d{2,4}$"

PATTERNS: dict[str, list[list[_Token]]] = {
    "DATE": dates.DATE_PATTERNS,
    "DAY_MONTH": dates.DAY_MONTH_PATTERNS,
    "POSTCODE": [
        [_re(_OUTWARD), _re(_INWARD)],
        # The tokenizer splits "7TB" as a number and a unit ("7", "TB"): join them back.
        [_re(_OUTWARD), {"TEXT": {"REGEX": r"^\d$"}, "SPACY": False}, _re(r"^[A-Za-z]{2}$")],
        [{"TEXT": {"REGEX": r"^[A-Za-z]{1,2}\d[A-Za-z\d]?\d$"}, "SPACY": False}, _re(r"^[A-Za-z]{2}$")],  # FW85TB
        [_re(r"^[A-Za-z]{1,2}\d[A-Za-z\d]?\d[A-Za-z]{2}$")],
    ],
    "ACCOUNT_REF": [
        [_re(r"^(?:CT|ct|Ct)?\d{8}$")],
        [{"LOWER": {"IN": ["ct", "c.t."]}}, {"TEXT": {"IN": [":", "-", "#"]}, "OP": "?"}, _re(_DIGITS8)],
        [{"LOWER": "ct", "OP": "?"}, _re(r"^\d{4}$"), {"TEXT": {"IN": ["-", "/"]}, "OP": "?"}, _re(r"^\d{4}$")],
        # its eight digits grouped otherwise ("62 803 512", "628 035 12", "62 80 35 12")
        [_re(r"^\d{2}$"), _re(r"^\d{3}$"), _re(r"^\d{3}$")],
        [_re(r"^\d{3}$"), _re(r"^\d{3}$"), _re(r"^\d{2}$")],
        [_re(r"^\d{2}$"), _re(r"^\d{2}$"), _re(r"^\d{2}$"), _re(r"^\d{2}$")],
    ],
    "VRM": [
        [_re(r"^[A-Za-z]{2}\d{2}[A-Za-z]{3}$")],
        [_re(r"^[A-Z]{2}\d{2}$"), _re(r"^[A-Z]{3}$")],
        # written small ("reg dk63 cvd"): the second half no common word ("KV12 and")
        [_re(r"^[A-Za-z]{2}\d{2}$"), {**_re(r"^[A-Za-z]{3}$"), "IS_STOP": False}],
        [_re(r"^[A-Z]\d{1,3}$"), _re(r"^[A-Z]{3}$")],
        [_re(r"^[A-Z]{3}$"), _re(r"^\d{1,3}[A-Z]$")],
        [_re(r"^[A-Z]\d{1,3}[A-Z]{3}$|^[A-Z]{3}\d{1,3}[A-Z]$")],
    ],
    "EMAIL": [[{"LIKE_EMAIL": True}]],
    "PHONE": [
        [_re(r"^(?:\+44|0)\d{9,10}$")],
        [_re(_AREA), _re(r"^\d{3,8}$")],
        [_re(_AREA), _re(r"^\d{3,4}$"), _re(r"^\d{3,4}$")],
        [{"TEXT": "("}, _re(r"^0\d{2,4}$"), {"TEXT": ")"}, _re(r"^\d{3,8}$"), _re(r"^\d{3,4}$")],
        [{"TEXT": "("}, _re(r"^0\d{2,4}$"), {"TEXT": ")"}, _re(r"^\d{3,8}$")],
        [{"TEXT": "+44"}, _re(r"^\d{2,4}$"), _re(r"^\d{3,8}$"), _re(r"^\d{3,4}$")],
        [{"TEXT": "+44"}, _re(r"^\d{2,4}$"), _re(r"^\d{6,8}$")],  # "+44 7700 900455"
        [{"TEXT": "+44"}, _re(r"^\d{2,4}$"), _re(r"^\d{3,8}$")],
        [{"TEXT": "+44"}, _re(r"^\d{9,10}$")],
    ],
}


@dataclass(frozen=True, slots=True)
class Entity:
    label: str
    text: str  # as written
    value: str  # the normal form (ISO for dates)
    start: int  # character offsets in the text given
    end: int
    confidence: float = 1.0


@dataclass
class Entities:
    """Everything found in one text, by label, in order of appearance."""

    found: list[Entity] = field(default_factory=list)
    #: DAY_MONTH dates that could not be given a year (no reference date).
    yearless: list[str] = field(default_factory=list)

    def of(self, label: str) -> list[Entity]:
        return [e for e in self.found if e.label == label]

    def values(self, label: str) -> list[str]:
        """Distinct normal forms of ``label``, first appearance first."""
        return list(dict.fromkeys(e.value for e in self.of(label)))


@lru_cache(maxsize=1)
def letter_nlp() -> Language:
    """A blank English pipeline: sentencizer and the letter EntityRuler. Built once per process."""
    pipeline = spacy.blank("en")
    pipeline.add_pipe("sentencizer")
    ruler = pipeline.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": label, "pattern": p}  # type: ignore[attr-defined]
                        for label, patterns in PATTERNS.items() for p in patterns])
    return pipeline


def _phone(text: str) -> str | None:
    digits = re.sub(r"\D", "", text)
    if digits.startswith("44"):
        digits = "0" + digits[2:]
    return " ".join(text.split()).replace("( ", "(").replace(" )", ")") if len(digits) in (10, 11) else None


def _read(label: str, text: str, reference: dt.date | None) -> tuple[str, float] | None:
    """The normal form of one match, or None when it is not a valid value of its kind."""
    try:
        if label == "DATE":
            d = dates.parse_date_text(text)
            if d is None:
                return None
            conf = norm.parse_date(text.replace(" ,", ",").replace(" - ", "-").replace(" .", "."))[1] \
                if re.search(r"\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{2}$", text) else 1.0
            return d.isoformat(), conf
        if label == "DAY_MONTH":
            d = dates.parse_day_month(text, reference) if reference else None
            return (d.isoformat(), 1.0) if d else None
        if label == "POSTCODE":
            return norm.postcode(text).value, 1.0
        if label == "ACCOUNT_REF":
            return norm.account_ref(text).value, 1.0
        if label == "VRM":
            value = norm.vrm(text).value
            return (value, 1.0) if norm.is_valid_vrm(value) else None
        if label == "EMAIL":
            return text.strip(".,;:"), 1.0
        if label == "PHONE":
            phone = _phone(text)
            return (phone, 1.0) if phone else None
    except norm.InvalidValue:
        return None
    return None


def find_entities(text: str, reference: dt.date | None = None) -> Entities:
    """Every valid entity in ``text``; ``reference`` dates a letter, to give yearless dates a year."""
    doc = letter_nlp()(text)
    out = Entities()
    for ent in doc.ents:
        read = _read(ent.label_, ent.text, reference)
        if read is None:
            if ent.label_ == "DAY_MONTH" and reference is None:
                out.yearless.append(ent.text)
            continue
        label = "DATE" if ent.label_ == "DAY_MONTH" else ent.label_
        out.found.append(Entity(label, ent.text, read[0], ent.start_char, ent.end_char, read[1]))
    return out
