"""Reading free text with spaCy: a blank English pipeline with rule components.

No trained model is downloaded or fetched: the pipeline is ``spacy.blank("en")``
with a sentencizer, an EntityRuler for the date forms of forms.md (and phrases
like "the 3rd of March 2025"), and a Matcher for the phrases people use when
someone moves out. It is built once per process.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.matcher import Matcher

from formwork import normalise as norm

__all__ = ["nlp", "find_dates", "move_out_dates", "DAY_MONTH_PATTERNS", "parse_date_text", "parse_day_month",
           "infer_year"]

_MONTHS = list(norm.MONTH_ALIASES)
_Token = dict[str, Any]
_DAY: _Token = {"TEXT": {"REGEX": r"^\d{1,2}(?:st|nd|rd|th)?$"}}
_NUM: _Token = {"TEXT": {"REGEX": r"^\d{1,2}$"}}
_YEAR: _Token = {"TEXT": {"REGEX": r"^(?:19|20)\d{2}$"}}
_MONTH: _Token = {"LOWER": {"IN": _MONTHS}}

DATE_PATTERNS: list[list[_Token]] = [
    [{"TEXT": {"REGEX": r"^\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})$"}}],  # 01/03/2025, 1.3.25
    [{"TEXT": {"REGEX": r"^\d{4}-\d{1,2}-\d{1,2}$"}}],
    [_YEAR, {"TEXT": "-"}, _NUM, {"TEXT": "-"}, _NUM],  # 2025-03-01 split by the tokenizer
    [_NUM, {"TEXT": "-"}, _NUM, {"TEXT": "-"}, {"TEXT": {"REGEX": r"^(?:\d{4}|\d{2})$"}}],  # 01-03-2025
    [{"LOWER": "the", "OP": "?"}, _DAY, {"LOWER": "of", "OP": "?"}, _MONTH, {"TEXT": ".", "OP": "?"},
     {"TEXT": ",", "OP": "?"}, _YEAR],  # 1st March 2025, the 3rd of March, 2025
    [_MONTH, {"LOWER": "the", "OP": "?"}, _DAY, {"TEXT": ",", "OP": "?"}, _YEAR],  # March 1, 2025
]

#: A day and month with no year ("the 3rd of March", "March 3rd", "3 Mar"): letters
#: say this all the time. :func:`parse_day_month` gives them a year.
DAY_MONTH_PATTERNS: list[list[_Token]] = [
    [{"LOWER": "the", "OP": "?"}, _DAY, {"LOWER": "of", "OP": "?"}, _MONTH],
    [_MONTH, {"LOWER": "the", "OP": "?"}, {"TEXT": {"REGEX": r"^\d{1,2}(?:st|nd|rd|th)$"}}],
    [_MONTH, {"LOWER": "the"}, _NUM],
    [{"LOWER": "the", "OP": "?"}, _DAY, {"LOWER": "of", "OP": "?"},
     {"LOWER": {"REGEX": r"^(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.$"}}],  # 3 Mar.
]

# What people write when the other adult left.
MOVE_OUT_PATTERNS: list[list[_Token]] = [
    [{"LOWER": {"IN": ["moved", "move", "moving", "went", "gone"]}}, {"LOWER": {"IN": ["out", "away", "abroad"]}}],
    [{"LOWER": {"IN": ["moved", "went", "gone"]}}, {"LOWER": "to"}],
    [{"LOWER": {"IN": ["left", "vacated", "died", "separated", "divorced", "departed"]}}],
    [{"LOWER": "passed"}, {"LOWER": "away"}],
    [{"LOWER": "split"}, {"LOWER": "up"}],
    [{"LOWER": "no"}, {"LOWER": "longer"}],
    [{"LOWER": {"IN": ["alone", "only", "sole"]}}],
]


@lru_cache(maxsize=1)
def nlp() -> Language:
    pipeline = spacy.blank("en")
    pipeline.add_pipe("sentencizer")
    ruler = pipeline.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "DATE", "pattern": p} for p in DATE_PATTERNS])  # type: ignore[attr-defined]
    return pipeline


@lru_cache(maxsize=1)
def _move_out_matcher() -> Matcher:
    matcher = Matcher(nlp().vocab)
    matcher.add("MOVE_OUT", MOVE_OUT_PATTERNS)
    return matcher


def _parse(text: str) -> dt.date | None:
    return parse_date_text(text)


def parse_date_text(text: str) -> dt.date | None:
    """The date a DATE entity's text stands for, or None when it is impossible (31/02/2025)."""
    cleaned = text.replace(" ,", ",").replace(" - ", "-").replace(" .", ".")
    cleaned = cleaned.replace(" -", "-").replace("- ", "-")
    try:
        return norm.parse_date(cleaned)[0]
    except norm.InvalidValue:
        return None


def _sentences_apart(text: str) -> str:
    """'...1 March 2025.I applied...': the tokenizer needs the missing space to see the date."""
    return re.sub(r"(?<=\d)\.(?=[A-Z])", ". ", text)


def find_dates(text: str) -> list[dt.date]:
    """Every valid date written in ``text``, in order."""
    doc = nlp()(_sentences_apart(text))
    return [d for ent in doc.ents if ent.label_ == "DATE" and (d := _parse(ent.text)) is not None]


def _dated_sentences(text: str) -> tuple[list[dt.date], list[dt.date]]:
    """The dates in sentences that talk about someone leaving, and every date, in order."""
    doc = nlp()(_sentences_apart(text))
    matcher = _move_out_matcher()
    cued: list[dt.date] = []
    every: list[dt.date] = []
    for sent in doc.sents:
        dates = [d for ent in sent.ents if ent.label_ == "DATE" and (d := _parse(ent.text)) is not None]
        every.extend(dates)
        if dates and matcher(sent.as_doc()):
            cued.extend(dates)
    return cued, every


def move_out_dates(text: str) -> list[dt.date]:
    """Dates that ``text`` gives for someone moving out.

    Dates in a sentence that talks about leaving come first; when no sentence
    does, every date is returned, so that a caller comparing dates errs on the
    side of raising an exception for staff.
    """
    cued, every = _dated_sentences(text)
    return cued or every


def stated_move_out_dates(text: str) -> list[dt.date]:
    """Only the dates that ``text`` gives in a sentence about someone moving out ("she moved out on 2nd October
    2026"), none otherwise: what a form's own words say about the move, wherever on it they are."""
    return _dated_sentences(text)[0]


_DAY_MONTH = re.compile(
    rf"^(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({'|'.join(_MONTHS)})\.?$"
    rf"|^({'|'.join(_MONTHS)})\.?\s+(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?$",
    re.I,
)


#: A yearless date up to this many days after the letter's date is read as coming up, not as last year's.
DAYS_AHEAD = 31


def infer_year(day: int, month: int, reference: dt.date) -> dt.date | None:
    """The day and month in the year a letter dated ``reference`` most likely means.

    Letters mostly tell of what has happened: "the 3rd of March" in a letter
    dated 20 November is the March just gone, and "the 30th of December" in
    one dated 2 January is last December. Only a day within
    :data:`DAYS_AHEAD` days after the letter's date is read as coming up
    ("we are away from the 20th of December", written on 2 December).
    None when the day does not exist in the years around the letter's date
    (31 April; 29 February with no leap year among them).
    """
    options = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue
    ahead = [d for d in options if 0 < (d - reference).days <= DAYS_AHEAD]
    if ahead:
        return ahead[0]
    past = [d for d in options if d <= reference]
    return past[-1] if past else None


def parse_day_month(text: str, reference: dt.date) -> dt.date | None:
    """A yearless date ("the 3rd of March") read against ``reference`` (see :func:`infer_year`)."""
    m = _DAY_MONTH.match(" ".join(text.split()).strip(" .,"))
    if not m:
        return None
    day, month = (m[1], m[2]) if m[1] else (m[4], m[3])
    return infer_year(int(day), norm.MONTH_ALIASES[month.lower().rstrip(".")], reference)
