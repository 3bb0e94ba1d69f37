"""Deciding which field a printed label (or an AcroForm field name) stands for.

Councils word the same question many ways ("Council Tax account number",
"Your CT reference", "Account no."). A field lists regular expressions for the
*ideas* its labels contain, not whole labels; a label is normalised (lower
case, punctuation to spaces, camelCase split) and scored against every field.
The best field wins; a label that matches nothing is not a label.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from extractors.meaning import spelled_out

if TYPE_CHECKING:
    from extractors.spec import FieldSpec

#: Longest text that can still be a label; longer text is guidance or a value.
MAX_LABEL_WORDS = 14
#: Phrases remembered per classifier before the memory is cleared.
_CACHE_LIMIT = 20_000

_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])")
_NON_WORD = re.compile(r"[^a-z0-9]+")
# Hints printed inside labels that say nothing about which field it is.
_HINTS = re.compile(
    r"\((?:dd|d)[/ .-]?mm[/ .-]?(?:yyyy|yy)\)|\(optional\)|\(required\)|\(if known\)|"
    r"\(please print\)|\(in capitals\)|\(block capitals\)|\*",
    re.I,
)
# Prefixes form designers put on AcroForm field names.
# Abbreviations designers use in field names, spelt out so labels' patterns apply.
_ABBREVIATIONS = {"fwd": "forwarding", "fwding": "forwarding", "addr": "address", "prev": "previous",
                  "dob": "date of birth", "oth": "other", "occ": "occupant", "decl": "declaration", "prop": "property",
                  "dt": "date", "veh": "vehicle", "appl": "applicant", "sig": "signature", "desc": "description",
                  "fname": "first name", "lname": "last name", "sname": "surname"}
_WIDGET_PREFIX = re.compile(r"^(?:txt|text|fld|field|tb|tf|input|frm|form|f)\s+(?=[a-z])")


def _fold_accents(text: str) -> str:
    """'ffôn' → 'ffon': labels are matched without their accents."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def normalise_label(text: str) -> str:
    text = _HINTS.sub(" ", _fold_accents(text))
    # "Other adult's name" is about the other adult: the possessive goes, the word stays.
    text = re.sub(r"(?<=\w)'s\b", "", text.replace("’", "'")).replace("'", "")
    return _NON_WORD.sub(" ", text.lower()).strip()


def normalise_widget_name(name: str) -> str:
    """``txtCTRef`` → ``ct ref``; ``applicant.name`` → ``applicant name``; ``Text12`` → ``text 12``."""
    # Hierarchical names keep every meaningful part ("leaver.name" is not "name"),
    # dropping the containers designers' tools add (form1[0].page1[0].AccountRef[0]).
    parts = [p for p in re.split(r"[.\[\]]", name)
             if p and not p.isdigit() and not re.fullmatch(r"(?i)(?:topmost)?(?:sub)?form\d*|page\d*|p\d+", p)]
    spaced = _CAMEL.sub(" ", " ".join(parts) or name)
    text = _NON_WORD.sub(" ", spaced.lower()).strip()
    text = _WIDGET_PREFIX.sub("", text)
    return " ".join(_ABBREVIATIONS.get(w, w) for w in text.split())


@dataclass(frozen=True, slots=True)
class LabelMatch:
    field: str
    score: float  # (0, 1]: how much of the label the field's idea explains


def _score(patterns: Sequence[re.Pattern[str]], excludes: Sequence[re.Pattern[str]], label: str) -> float:
    if not label or any(x.search(label) for x in excludes):
        return 0.0
    best = 0.0
    for p in patterns:
        m = p.search(label)
        if m:
            covered = max(len(m.group(0)), 1) / max(len(label), 1)
            best = max(best, 0.5 + 0.5 * min(covered, 1.0))
    return best


class LabelClassifier:
    """Scores label texts against the fields of one form type."""

    def __init__(self, fields: Sequence[FieldSpec]) -> None:
        self._fields = [
            (f.name,
             [re.compile(rf"\b(?:{p})\b") for p in f.labels],
             # An exclude is a stem: "forward" rules out "forwarding" too.
             [re.compile(rf"\b(?:{p})") for p in f.exclude],
             [re.compile(rf"\b(?:{p})\b") for p in f.acroform])
            for f in fields
        ]
        self._seen: dict[str, LabelMatch | None] = {}
        self._scored: dict[tuple[str, bool], dict[str, float]] = {}

    def classify(self, text: str) -> LabelMatch | None:
        """The field a printed label stands for, or None."""
        # The layout readers ask about the same phrase many times (as a label,
        # as a neighbour's value, near each widget): work it out once.
        try:
            return self._seen[text]
        except KeyError:
            if len(self._seen) >= _CACHE_LIMIT:  # values are phrases too: keep memory flat
                self._seen.clear()
            found = self._seen[text] = self._classify(text)
            return found

    def _classify(self, text: str) -> LabelMatch | None:
        # A sentence (guidance, a declaration) is not a label, however well it matches.
        stripped = text.strip()
        if stripped.endswith((".", "!")) and len(text.split()) >= 5 and not text.lower().endswith(" no."):
            return None
        # The tail of a wrapped sentence ("the property.") is not a label either.
        if stripped.endswith(".") and stripped[:1].islower():
            return None
        label = normalise_label(text)
        if not label or len(label.split()) > MAX_LABEL_WORDS:
            return None
        return self._best(label, use_acroform=False)

    def scores(self, text: str) -> dict[str, float]:
        """Every field's score for a printed label (not only the best), for the whole-form assignment."""
        stripped = text.strip()
        if stripped.endswith((".", "!")) and len(text.split()) >= 5 and not text.lower().endswith(" no."):
            return {}
        label = normalise_label(text)
        if not label or len(label.split()) > MAX_LABEL_WORDS:
            return {}
        found = self._all(label, use_acroform=False)
        # A back office's abbreviations ("PREV OCCUPANT", "SOLE OCC FROM") say what their words in full say.
        full = spelled_out(f" {label} ").strip()
        if full != label:
            for name, score in self._all(full, use_acroform=False).items():
                found[name] = max(found.get(name, 0.0), score)
        return found

    def widget_scores(self, name: str) -> dict[str, float]:
        label = normalise_widget_name(name)
        if not label or re.fullmatch(r"(?:text|field|fill|untitled|undefined|box)?\s*\d*(?: \d+)*", label):
            return {}
        return self._all(label, use_acroform=True)

    def _all(self, label: str, *, use_acroform: bool) -> dict[str, float]:
        # The same labels come back on every form of a layout: each is scored once (a bounded memo).
        key = (label, use_acroform)
        known = self._scored.get(key)
        if known is None:
            known = {}
            for name, patterns, excludes, acro in self._fields:
                score = _score(patterns + (acro if use_acroform else []), excludes, label)
                if score > 0:
                    known[name] = score
            if len(self._scored) >= _CACHE_LIMIT:
                self._scored.clear()
            self._scored[key] = known
        return dict(known)

    def classify_widget(self, name: str) -> LabelMatch | None:
        """The field an AcroForm field name stands for, or None for ``Text1`` and friends."""
        label = normalise_widget_name(name)
        if not label or re.fullmatch(r"(?:text|field|fill|untitled|undefined|box)?\s*\d*(?: \d+)*", label):
            return None
        return self._best(label, use_acroform=True)

    def _best(self, label: str, *, use_acroform: bool) -> LabelMatch | None:
        best: LabelMatch | None = None
        for name, patterns, excludes, acro in self._fields:
            score = _score(patterns + (acro if use_acroform else []), excludes, label)
            if score > 0 and (best is None or score > best.score):
                best = LabelMatch(name, score)
        return best
