"""Normal forms of the values on a form (forms.md, "Field values").

Every normaliser takes the raw text read off a page and returns a
:class:`Normalised` value with a confidence in ``[0, 1]``, or raises
:class:`InvalidValue` when the text cannot be a value of that kind. A value
that needed a repair (the letter ``O`` read where a zero must be, say) comes
back with a lowered confidence, so that the pipeline raises
``LOW_CONFIDENCE`` instead of trusting a guess.

The ``*_key`` helpers build matching keys (for names and addresses); they are
never shown to anyone.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from typing import NamedTuple

__all__ = [
    "InvalidValue",
    "Normalised",
    "KINDS",
    "normalise",
    "date",
    "postcode",
    "account_ref",
    "vrm",
    "name",
    "text",
    "address",
    "phone",
    "email",
    "name_key",
    "address_key",
    "is_valid_vrm",
    "is_valid",
    "move_type",
    "zone",
    "parse_date",
    "REPAIRED_CONFIDENCE",
]

#: Confidence given to a value that was only valid after a character repair.
REPAIRED_CONFIDENCE = 0.6


class InvalidValue(ValueError):
    """The text is present but is not a valid value of its kind."""


class Normalised(NamedTuple):
    value: str
    confidence: float = 1.0


_WS = re.compile(r"\s+")


def _collapse(raw: str) -> str:
    return _WS.sub(" ", raw).strip()


# --------------------------------------------------------------------------- dates

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
MONTH_ALIASES = {m[:3]: n for m, n in MONTHS.items()} | {"sept": 9} | MONTHS
_MONTH_RE = "|".join(sorted(MONTH_ALIASES, key=len, reverse=True))

_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
#: A day of the month written as a word ("the fourteenth of March", "twenty-first"), as its number.
_ORDINAL_DAYS = {w: n for n, w in enumerate(
    [*_UNITS, "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
     "eighteenth", "nineteenth", "twentieth"], start=1)}
_ORDINAL_DAYS |= {f"twenty{sep}{w}": 21 + k for k, w in enumerate(_UNITS) for sep in ("-", " ", "")}
_ORDINAL_DAYS |= {"thirtieth": 30} | {f"thirty{sep}first": 31 for sep in ("-", " ", "")}
_ORDINAL_DAY = re.compile(
    r"\b(" + "|".join(sorted(_ORDINAL_DAYS, key=len, reverse=True)) + rf")(?=\s+(?:of\s+)?(?:{_MONTH_RE})\b)", re.I)

_NUMERIC_DMY = re.compile(r"^(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{4}|\d{2})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
#: A date written one digit to a box, day, month and year in groups ("DD MM YYYY" printed over the boxes):
#: "09 06 2026". Run together ("09062026") it is no date: nothing says where the day ends.
_BOXED_DMY = re.compile(r"^(\d{2})\s+(\d{2})\s+(\d{4})$")
_DAY_MONTH_YEAR = re.compile(
    rf"^(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE})\.?,?\s+(\d{{4}})$", re.I
)
_MONTH_DAY_YEAR = re.compile(
    rf"^({_MONTH_RE})\.?\s+(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})$", re.I
)


def _year(text: str) -> tuple[int, float]:
    if len(text) == 2:
        # Two-digit years are read as 20YY but trusted less: "01/03/25" is
        # almost always 2025 on a council form, yet not certainly.
        return 2000 + int(text), 0.85
    return int(text), 1.0


def _compatible(raw: str) -> str:
    """Full-width digits, ligatures and the long s to their plain forms (NFKC)."""
    return unicodedata.normalize("NFKC", raw)


_WEEKDAY = re.compile(r"^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?,?\s+",
                      re.I)


#: A time of day after the date ("21 November 2026 at 1:03pm", "21/11/2026 13:09"): the date is the date.
_TIME_AFTER = re.compile(r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:am|pm)?"
                         r"|,?\s+(?:at\s+)?\d{1,2}\s*(?:am|pm))$", re.I)


def parse_date(raw: str) -> tuple[dt.date, float]:
    """Parse a date in any form forms.md accepts (UK order: day first), with or without its weekday
    ("Friday 20 November 2026") or a time of day after it."""
    s = _TIME_AFTER.sub("", _WEEKDAY.sub("", _collapse(_compatible(raw)).strip(" .,")))
    s = _ORDINAL_DAY.sub(lambda m: str(_ORDINAL_DAYS[m[1].lower()]), s)  # "the fourteenth of March 2026"
    try:
        if m := _ISO.match(s):
            return dt.date(int(m[1]), int(m[2]), int(m[3])), 1.0
        if m := _NUMERIC_DMY.match(s):
            year, conf = _year(m[3])
            return dt.date(year, int(m[2]), int(m[1])), conf
        if m := _BOXED_DMY.match(s):
            return dt.date(int(m[3]), int(m[2]), int(m[1])), 1.0
        if m := _DAY_MONTH_YEAR.match(s):
            return dt.date(int(m[3]), MONTH_ALIASES[m[2].lower()], int(m[1])), 1.0
        if m := _MONTH_DAY_YEAR.match(s):
            return dt.date(int(m[3]), MONTH_ALIASES[m[1].lower()], int(m[2])), 1.0
    except ValueError as exc:  # 31/02/2025 and friends
        raise InvalidValue(f"impossible date {raw!r}") from exc
    raise InvalidValue(f"not a date: {raw!r}")


def date(raw: str) -> Normalised:
    value, confidence = parse_date(raw)
    return Normalised(value.isoformat(), confidence)


# --------------------------------------------------------------------------- character repair

# What a digit looks like when it was typed or read as a letter, and back.
_AS_DIGIT = str.maketrans({"O": "0", "Q": "0", "D": "0", "I": "1", "L": "1", "|": "1",
                           "Z": "2", "S": "5", "B": "8", "G": "6"})
_AS_LETTER = str.maketrans({"0": "O", "1": "I", "5": "S", "8": "B", "2": "Z", "6": "G"})


def _repair(s: str, pattern: str) -> str:
    """Force each character of ``s`` to the class ``pattern`` wants (``9``: digit, ``A``: letter)."""
    out = []
    for ch, want in zip(s, pattern, strict=True):
        if want == "9" and not ch.isdigit():
            ch = ch.translate(_AS_DIGIT)
        elif want == "A" and not ch.isalpha():
            ch = ch.translate(_AS_LETTER)
        out.append(ch)
    return "".join(out)


# --------------------------------------------------------------------------- postcodes

_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$")
_POSTCODE_SHAPES = ("A99AA", "A9A9AA", "A999AA", "AA99AA", "AA9A9AA", "AA999AA")


def postcode(raw: str) -> Normalised:
    s = re.sub(r"[\s\-.]", "", _compatible(raw)).upper()
    if s == "GIR0AA":
        return Normalised("GIR 0AA")
    if m := _POSTCODE.match(s):
        return Normalised(f"{m[1]} {m[2]}")
    # Where the writer put the space, the inward code (digit, letter, letter) follows it:
    # a repair never moves characters across that space ("FW10 5B" is not "FW1 0SB").
    written = re.split(r"\s+", _compatible(raw).strip())
    inward = len(written[-1]) if len(written) == 2 else None
    candidates = set()
    for shape in _POSTCODE_SHAPES:
        if len(shape) == len(s):
            fixed = _repair(s, shape)
            if (m := _POSTCODE.match(fixed)) and (inward is None or len(m[2]) == inward):
                candidates.add(f"{m[1]} {m[2]}")
    if len(candidates) == 1:
        return Normalised(candidates.pop(), REPAIRED_CONFIDENCE)
    raise InvalidValue(f"not a UK postcode: {raw!r}")


# --------------------------------------------------------------------------- council tax references

_ACCOUNT_PREFIX = re.compile(r"^\s*(?:CT|C\.T\.)\s*[:#\-]?\s*", re.I)


def account_ref(raw: str) -> Normalised:
    s = _ACCOUNT_PREFIX.sub("", _compatible(raw))
    s = re.sub(r"[\s\-./]", "", s).upper()
    if re.fullmatch(r"[0-9]{8}", s):
        return Normalised(s)
    if len(s) == 8:
        fixed = _repair(s, "9" * 8)
        if fixed.isdigit() and sum(c.isdigit() for c in s) >= 5:
            return Normalised(fixed, REPAIRED_CONFIDENCE)
    raise InvalidValue(f"not an 8-digit council tax reference: {raw!r}")


# --------------------------------------------------------------------------- vehicles

_VRM_STYLES = (
    re.compile(r"^[A-Z]{2}[0-9]{2}[A-Z]{3}$"),  # current, 2001 on: AB12CDE
    re.compile(r"^[A-Z][0-9]{1,3}[A-Z]{3}$"),  # prefix, 1983-2001: A123BCD
    re.compile(r"^[A-Z]{3}[0-9]{1,3}[A-Z]$"),  # suffix, 1963-1983: ABC123D
)


def vrm(raw: str) -> Normalised:
    s = re.sub(r"[\s\-]", "", raw).upper()
    if not s or not s.isalnum():
        raise InvalidValue(f"not a registration mark: {raw!r}")
    return Normalised(s)


def is_valid_vrm(value: str) -> bool:
    """True for a current, prefix or suffix style UK registration (normal form)."""
    return any(p.match(value) for p in _VRM_STYLES)


# --------------------------------------------------------------------------- moves and permit zones

_MOVE_IN = re.compile(r"^in(?:to)?\b|\b(?:mov(?:e|ed|ing)|com(?:e|ing)|arriv(?:e|ed|ing)),?\s+in(?:to)?\b|"
                      r"\bnew (?:resident|occupier|occupant|tenant)\b|^i mewn\b|\bsymud i mewn\b|/\s*in(?:to)?$")
_MOVE_OUT = re.compile(r"^out\b|\b(?:mov(?:e|ed|ing)|go(?:ing)?),?\s+(?:out|away)\b|\bleav(?:e|ing)\b|\bleft\b|"
                       r"\bvacat(?:e|ed|ing)\b|\bdepart(?:ed|ing)?\b|^allan\b|\bsymud allan\b|\bgadael\b|/\s*out$")
_BOTH_WAYS = re.compile(r"\bin(?:to)?\s*\(?\s*(?:\bor\b|\band\b|/|,)\s*(?:\w+\s+)?out\b|"
                        r"\bout(?: of)?\s*\(?\s*(?:\bor\b|\band\b|/|,)\s*in(?:to)?\b|\bi mewn\s+(?:neu|or)\s+allan\b")


def move_type(raw: str) -> Normalised:
    """``in`` or ``out`` from what a form says ("Moving in", "I am leaving the property", "OUT")."""
    asides = re.findall(r"\([^)]*\)", raw)
    if not any(re.search(r"\b(?:in|into|out)\b", a, re.I) for a in asides):
        raw = re.sub(r"\([^)]*\)", " ", raw)  # "moved (or will move) out": the aside aside
    s = _collapse(raw).lower().strip(" .")
    said_in, said_out = bool(_MOVE_IN.search(s)), bool(_MOVE_OUT.search(s))
    if said_in == said_out or _BOTH_WAYS.search(s):  # neither, both, or the question ("in or out")
        raise InvalidValue(f"not 'in' or 'out': {raw!r}")
    return Normalised("in" if said_in else "out")


_ZONE = re.compile(
    r"^(?:(?:permit|parking|residents'?)\s+)*(?:zone|area)?\s*:?\s*([A-Z]{1,2}\d{0,2}|\d{1,2}[A-Z]?)"
    r"(?:\s*[-\u2013\u2014:]\s*[A-Za-z][A-Za-z '&.-]*|\s*\([A-Za-z][A-Za-z '&.,:-]*\))?$", re.I)


def zone(raw: str) -> Normalised:
    """A permit zone code as printed (``B2``), without a leading "Zone" or the zone's name after it
    ("Zone B2 - Wellgate", "C1 (Priory)")."""
    s = _collapse(raw).strip(" .")
    s = re.sub(r"(?<=\b[A-Za-z])\s(?=\d{1,2}$)", "", s)  # "P 1" written one character a box
    if (named := re.fullmatch(r"(.+?)\s+zone", s, re.I)) and named[1].lower() not in _NOT_A_ZONES_NAME:
        s = named[1]  # "Hospital zone", a list of options naming each zone so: the zone "Hospital"
    m = _ZONE.match(s) or _CODE_THEN_NAME.match(s)
    if m and s.lower() not in {"yes", "nil", "none"}:  # (capitals read as a code of three letters, "YES", are none)
        return Normalised(m[1].upper())
    if s.count(" / ") == 1:  # in two languages, "Parth 1 Canol y Dref / Zone 1 Town Centre": as either half says
        read = set()
        for half in s.split(" / "):
            with contextlib.suppress(InvalidValue):
                read.add(zone(re.sub(r"^(?:parth|ardal)\s+", "Zone ", half.strip(), flags=re.I)).value)
        if len(read) == 1:
            return Normalised(read.pop())
    if m := _NAME_THEN_CODE.match(s) or _CODE_THEN_BRACKETS.match(s):
        return Normalised(m[1].upper())  # "Town Centre (TC)", "Zone HC (Park Road / Lumb Bank)"
    if _ZONE_NAME.fullmatch(s) and s.lower() not in _NO_ZONE:
        # A council that names its zones ("CPZ 3", "Zone Cathedral", "Seafront A"): as printed. Less sure than a
        # code, for more of what is written reads as a name.
        return Normalised(s, confidence=0.95)
    raise InvalidValue(f"not a permit zone code: {raw!r}")


#: A code in capitals (up to three letters), alone or with its zone's name after it, as a list of options prints
#: them: "STN", "K1 Kingsbury", "TCN - Town Centre North", "Zone 2 Glan yr Afon / Riverside" (in two languages)
#: (not "St Mary's", a name).
_CODE_THEN_NAME = re.compile(r"^(?:[Zz]one\s+)?([A-Z]{1,3}\d{0,2}|\d{1,2}[A-Z]?)"
                             r"(?:\s+[A-Z][a-z][A-Za-z '&.,/-]*|\s*[-\u2013\u2014:]\s*[A-Z][A-Za-z '&.,/-]*)?$")
#: A zone's name with its code in brackets after it: "Town Centre (TC)", "Harbour (Zone H2)".
_NAME_THEN_CODE = re.compile(r"^[A-Z][A-Za-z '&.-]*\s*\((?:[Zz]one\s+)?([A-Z]{1,3}\d{0,2}|\d{1,2}[A-Z]?)\)$")
#: A zone's code with its name or streets in brackets after it: "Zone HC (Park Road / Lumb Bank)".
_CODE_THEN_BRACKETS = re.compile(r"^(?:[Zz]one\s+)?([A-Z]{1,3}\d{0,2}|\d{1,2}[A-Z]?)\s*\([^()]+\)$")
#: A zone's name: up to three capitalised words or figures ("Zone Cathedral", "Seafront A", "St Mary's").
_ZONE_NAME = re.compile(r"(?:[A-Z][A-Za-z'.-]*\d{0,2}|\d{1,2})(?: [A-Z][A-Za-z'.-]*\d{0,2}| \d{1,2}){0,2}")
_NOT_A_ZONES_NAME = frozenset({"permit", "parking", "residents", "resident", "your", "the", "which", "this", "a",
                               "controlled parking", "residents parking", "residents' parking"})
_NO_ZONE = frozenset({"yes", "no", "none", "n/a", "na", "not known", "unknown", "other", "not applicable", "tick",
                      "tick one", "select one", "zone", "permit zone", "parking zone", "area"})


def zone_key(value: str) -> str:
    """What two zones must share to be one: their letters and figures, whatever the case and spacing, and
    without a leading "Zone" ("CPZ3" is "CPZ 3"; "Zone B2" is "B2")."""
    key = re.sub(r"[^A-Z0-9]", "", value.upper())
    return key[4:] if key.startswith("ZONE") and len(key) > 4 else key


# --------------------------------------------------------------------------- people and text

TITLES = ("mr", "mrs", "ms", "miss", "dr", "mx")
_TITLE_RE = re.compile(rf"^(?:{'|'.join(TITLES)})\.?\s+", re.I)


def name(raw: str) -> Normalised:
    s = _collapse(raw)
    if not re.search(r"[A-Za-z]", s):
        raise InvalidValue(f"not a name: {raw!r}")
    return Normalised(s)


def name_key(value: str) -> str:
    """Matching key for a person's name: title dropped, case and punctuation ignored, and a name written
    surname first with a comma ("SMITH, Mrs Jane") turned round ("jane smith")."""
    s = _collapse(value)
    if s.count(",") == 1:
        surname, forenames = (p.strip() for p in s.split(","))
        if surname and forenames:
            s = f"{forenames} {surname}"
    s = _TITLE_RE.sub("", s)
    s = re.sub(r"[^\w\s'-]", " ", s.lower()).replace("'", "").replace("-", " ")
    return _collapse(s)


def text(raw: str) -> Normalised:
    s = _collapse(raw)
    if not s:
        raise InvalidValue("empty")
    return Normalised(s)


phone = text
email = text


# --------------------------------------------------------------------------- addresses

#: A flat's or unit's number, the start of an address's first line ("Flat 5", "Apartment 12").
_FLAT = re.compile(r"(?:flat|apartment|apt\.?|unit|maisonette|room|suite)\s*\w+", re.I)
_TRAILING_POSTCODE = re.compile(r"[,\s]+[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}\s*$")


#: An email address at a public body's own domain (a council's, the NHS's, the police's).
_PUBLIC_BODY_EMAIL = re.compile(r"@(?:[\w-]+\.)*(?:gov\.(?:uk|wales|scot)|nhs\.uk|police\.uk)\b", re.I)


def public_body_email(text: str) -> bool:
    """``text`` holds an email address of a public body's own ("refeniw@dyffryntawel.gov.uk"): the council's
    staff or its mailbox, never a citizen's own."""
    return _PUBLIC_BODY_EMAIL.search(text) is not None


def address(raw: str) -> Normalised:
    """An address field's normal form (forms.md): its first line, the house number or name and the street.

    "20 Victoria Terrace, Tawelfryn WQ1 6RP" and "20 Victoria Terrace / Tawelfryn" (two lines) are
    "20 Victoria Terrace"; "Flat 2, 10 High Street, Leeds" is "Flat 2, 10 High Street"; a house
    number alone on its line goes with the street on the next ("12" / "Mill Lane").
    """
    lines = [_collapse(ln).strip(" ,") for ln in _compatible(raw).splitlines()]
    lines = [ln for ln in lines if ln]
    if not lines:
        raise InvalidValue("empty")
    first = _TRAILING_POSTCODE.sub("", lines[0]).strip(" ,") or lines[0]
    if len(lines) > 1 and (_FLAT.fullmatch(first) or re.fullmatch(r"\d+[a-z]?", first)):
        joiner = ", " if first[:1].isalpha() else " "
        first = f"{first}{joiner}{_TRAILING_POSTCODE.sub('', lines[1]).strip(' ,')}"
    parts = [p.strip() for p in first.split(",") if p.strip()]
    # A house number and its street end the first line: what follows is the locality ("8 Station Road,
    # Priory Park"), though its name sounds like a street.
    street = next((k for k, p in enumerate(parts) if _NUMBERED.match(p) and _STREETISH.search(p)), None)
    if street is not None:
        parts = parts[: street + 1]
    # Trailing parts with no number and no street word are the locality and town, but for the building a
    # flat is in ("Flat 5, Meridian Point, Westerleigh" is "Flat 5, Meridian Point").
    # A farm or mill a cottage belongs to is part of its address ("Barn Cottage, Cragg End Farm").
    while len(parts) >= 2 and not re.search(r"\d", parts[-1]) and not _STREETISH.search(parts[-1]) \
            and not _PREMISES.search(parts[-1]) \
            and (re.search(r"\d", " ".join(parts[:-1])) or _STREETISH.search(" ".join(parts[:-1]))
                 or any(_VILLAGE_STREET.fullmatch(p) for p in parts[:-1])) \
            and not (len(parts) == 2 and _FLAT.fullmatch(parts[0])) \
            and not (_VILLAGE_STREET.fullmatch(parts[-1]) and not re.search(r"\d", " ".join(parts[:-1]))):
        parts = parts[:-1]
    return Normalised(", ".join(parts) if parts else first)

def address_extents(raw: str) -> list[str]:
    """The first address lines ``raw`` could mean, longest last: its normal form (:func:`address`), then that
    with each further part of the first line as written ("Flat 18, Kestrel Tower" then "Flat 18, Kestrel Tower,
    Northgate"). Where the records know the property, they say which was meant (a street that sounds like a
    town)."""
    first = address(raw).value
    lines = [_collapse(ln).strip(" ,") for ln in _compatible(raw).splitlines()]
    written = _TRAILING_POSTCODE.sub("", next((ln for ln in lines if ln), "")).strip(" ,")
    if len(lines) > 1 and (_FLAT.fullmatch(written) or re.fullmatch(r"\d+[a-z]?", written)):
        return [first]  # (a flat or number on a line of its own: the normal form took the next line already)
    parts = [p.strip() for p in written.split(",") if p.strip()]
    out = [first]
    for k in range(len(parts)):
        longer = ", ".join(parts[: k + 1])
        if len(longer) > len(out[-1]) and longer.startswith(first):
            out.append(longer)
    # The next line too, where it is a street ("Marsh View" / "10 Hard Lane", "1 Bawley Court" / "Station Road"):
    # a council whose records keep a house's name and its street on one line means both.
    rest = [ln for ln in lines if ln][1:2]
    street = _TRAILING_POSTCODE.sub("", rest[0]).strip(" ,") if rest else ""
    if street and out[-1] == written and (_NUMBERED.match(street) or _STREETISH.search(street)) \
            and not _TRAILING_POSTCODE.fullmatch(" " + street):
        out.append(f"{written}, {street}")
    return out


_STREET_WORDS = {
    "st": "street", "rd": "road", "ave": "avenue", "av": "avenue", "ln": "lane",
    "dr": "drive", "cl": "close", "ct": "court", "cres": "crescent", "pl": "place",
    "gdns": "gardens", "sq": "square", "tce": "terrace", "terr": "terrace", "gr": "grove",
    "pk": "park", "wy": "way", "hse": "house", "cott": "cottage", "cotts": "cottages",
}

#: A village's street named by "The" and one word, after a house's name: "Pantile Cottage, The Green".
_VILLAGE_STREET = re.compile(r"the\s+(?:green|common|causeway|quay|strand|chase|pightle|tye|hythe|butts|knoll|"
                             r"square|crescent|drove|loke|stray|wharf|croft|hard)", re.I)
_NUMBERED = re.compile(r"\d+[a-z]?(?:-\d+[a-z]?)?\s+[A-Za-z]", re.I)
#: Names of the premises a house stands in, which a first address line keeps after the house's name.
_PREMISES = re.compile(r"\b(?:farm|farmhouse|farms|mill|hall|manor|grange|lodge|barns|steading|estate yard)$", re.I)
# A part of an address with one of these words is a street (or names the house on it), not a town; an
# abbreviation only last in it ("High St", not "Marham St Giles", where "St" is a saint's).
_STREETISH = re.compile(r"\b(?:road|street|lane|avenue|close|drive|way|gardens|crescent|grove|place|terrace|court"
                        r"|walk|rise|mews|row|square|hill|park|view|parade|heol|stryd|ffordd|house|cottage|cottages)\b"
                        r"|\b(?:" + "|".join(sorted(_STREET_WORDS, key=len, reverse=True)) + r")\b\.?\s*$", re.I)


def address_key(value: str) -> str:
    """Matching key for a first address line: case, punctuation and common abbreviations ignored."""
    s = re.sub(r"['\u2019]", "", _compatible(value).lower())  # St Mary's = St Marys
    s = re.sub(r"[^\w\s]", " ", s)
    words = [_STREET_WORDS.get(w, w) for w in s.split()]
    return " ".join(words)


def match_key(kind: str, value: str) -> str:
    """What two values of ``kind`` must share to say the same thing: a name's person, an address's (or free
    text's) words, whatever their case and punctuation; any other kind's value as it stands."""
    if kind == "name":
        return name_key(value)
    if kind in {"address", "text"}:
        return address_key(value)
    return value


# --------------------------------------------------------------------------- by kind

KINDS: dict[str, Callable[[str], Normalised]] = {
    "date": date,
    "postcode": postcode,
    "account_ref": account_ref,
    "vrm": vrm,
    "name": name,
    "phone": phone,
    "email": email,
    "text": text,
    "address": address,
    "move_type": move_type,
    "zone": zone,
}


def is_valid(kind: str, raw: str) -> bool:
    """Whether ``raw`` is a value of ``kind``."""
    try:
        normalise(kind, raw)
    except InvalidValue:
        return False
    return True


def normalise(kind: str, raw: str) -> Normalised:
    """Normalise ``raw`` as a value of ``kind`` (a key of :data:`KINDS`)."""
    try:
        fn = KINDS[kind]
    except KeyError:
        raise ValueError(f"unknown field kind {kind!r}") from None
    return fn(raw)
