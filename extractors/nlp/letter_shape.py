"""The shape of a letter or an email printed to PDF: where its parts are, and who sent it.

A letter has no labels to read, so its parts are found by their shape and a few words:

- **email headers** (``From:``, ``Sent:``, ``To:``, ``Subject:``), one block at the top; an earlier
  message quoted below ("> ...", "-----Original Message-----", "On ... wrote:", a second ``From:``)
  is cut off and never read;
- the **salutation** ("Dear ...", "Hello") and the **sign-off** ("Yours sincerely", "Thanks") bound
  the body; a "Re:" line above or just under the salutation is its subject, as is a heading in capitals
  under it;
- **above the body**, the address blocks (grouped by column and by vertical gaps): a block naming an
  organisation ("Council", "Revenues", "Town Hall") is the council's and is never the sender's; the
  sender's block gives a name, the first address line and the postcode, and the letter's date is a
  line of its own;
- **under the sign-off**, the signed name and perhaps an address, a phone and an email;
- **in the text**, addresses written in sentences (:func:`addresses_in`: "4 Sycamore Way", "3 Tan y Bryn",
  "Rose Cottage, Mill Lane", any street before a town and a postcode), with the words before them
  saying whose and which they are (:func:`address_role`, :func:`others_address`), and the ones the
  writer says are where they live (:func:`writers_addresses`: "My address is ...", "we live at ...").

The entities of the short texts around the body (postcodes, dates, references, phones) come from the
letter pipeline of :mod:`extractors.nlp.entities`, all parsed in one pass (:class:`RowEntities`).
:func:`read_letter` returns a :class:`Letter`; :func:`looks_like_letter` says whether a document is a
letter at all and not a form.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc

from extractors.document import Box, Document, Word
from extractors.nlp.entities import Entities, Entity, letter_nlp
from extractors.nlp.entities import _read as read_entity  # the normaliser of each entity label
from formwork import normalise as norm

__all__ = ["Row", "Block", "Placed", "Letter", "RowEntities", "as_entities", "rows_of", "phrases_of", "read_letter",
           "looks_like_letter", "looks_like_name", "initials_agree", "is_address_line", "first_line", "postcode_in",
           "blocks_of", "address_in_rows", "date_of_row", "Segment", "segment", "WrittenAddress", "addresses_in",
           "writers_addresses", "clause_before", "address_role", "others_address", "SALUTATION", "SIGN_OFF", "HEADER",
           "EMAIL", "ORGANISATION", "STREET", "STREET_WORD", "WELSH_STREET", "CONTACT", "TITLES"]

SALUTATION = re.compile(r"^(?:dear\b|to whom it may concern|hello\b|hi\b|hiya\b|good (?:morning|afternoon|evening)\b"
                        r"|f?annwyl\b|helo\b|shwmae\b)", re.I)  # (and in Welsh: "Annwyl Syr/Madam")
_CLOSING = (r"(?:yours\s+(?:sincerely|faithfully|truly|respectfully)|yours"
            r"|(?:with\s+)?(?:kind|best|warm|many)?\s*regards|best\s+wishes|many\s+thanks"
            r"|thanks(?:\s+(?:again|very much|so much|in advance))?|thank\s+you(?:\s+in advance)?"
            r"|with\s+thanks|sincerely|respectfully|cheers|all the best|best|kind wishes|from"
            r"|yn\s+gywir|yn\s+ddiffuant|cofion(?:\s+gorau|\s+cynnes)?|diolch(?:\s+yn\s+fawr)?)")
#: A letter's closing, in English or Welsh or both ("Yn gywir / Yours faithfully,").
SIGN_OFF = re.compile(rf"^{_CLOSING}(?:[\s,]*/\s*{_CLOSING})?[\s,.!]*$", re.I)
HEADER = re.compile(r"^(from|sent|date|to|cc|subject)\s*:\s*(.*)$", re.I)
_SUBJECT = re.compile(r"^(?:re|subject|regarding|ref)\s*:\s*(.+)$", re.I)
_QUOTE_START = re.compile(
    r"^(?:-{2,}\s*(?:original message|forwarded message)\s*-*|_{8,}|on\s.{4,120}\bwrote:?|begin forwarded message:?)$",
    re.I)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_FORWARDED = re.compile(r"^(?:-{2,}\s*forwarded message\s*-*|begin forwarded message:?)$", re.I)

_PAGE_MARK = re.compile(r"^(?:page\s+\d+(?:\s+of\s+\d+)?|\d+\s*/\s*\d+|-\s*\d+\s*-)$", re.I)
#: A block naming any of these is an organisation's (the council's): never the sender's.
ORGANISATION = re.compile(
    r"\b(?:council|revenues?|benefits|department|dept|directorate|team|services?|town hall|civic (?:centre|center"
    r"|offices|hall|suite)|borough"
    r"|district|county|customer|officer|manager|director|freepost|po box|complaints|information governance"
    r"|foi|waste|ltd|limited|plc|parking|permits|\.gov)\b", re.I)
#: A line that quotes a reference: "Council Tax account number 6577 5294", "Your ref: CT/40012345".
_REFERENCE_LINE = re.compile(r"\b(?:account|acc(?:t)?|ref(?:erence)?)\b(?:\s*(?:no|number|num)\b)?\.?\s*:?\s*"
                             r"[A-Z]{0,3}[\s/-]*\d[\d\s-]{5,}", re.I)
STREET = (r"(?:road|rd|street|st|lane|ln|avenue|ave|close|cl|drive|dr|way|gardens|gdns|crescent|cres|grove|gr"
           r"|place|pl|terrace|tce|court|ct|walk|rise|mews|square|sq|hill|park|row|parade|green|vale|view|gate"
           r"|meadows?|croft|wharf|yard|quay|fold|end|side|chase|approach|broadway|boulevard|circus|wynd|dale"
           r"|heights|fields?|passage|hollow|leys|orchard|path|bank|embankment|common|cottages|buildings|villas"
           r"|wood|mount|brow|garth|nook|pastures|paddock|glade|spinney|copse|ridge|bridge)")
#: Welsh street words, which come first and are written with a capital ("Heol y Felin", "Stryd Fawr", "Ffordd yr
#: Orsaf", "Maes y Deri"). Some are also first names (Bryn, Glan): read only after a house number, never used to
#: tell a name from an address.
WELSH_STREET = (r"(?:Heol|Hewl|Ffordd|Stryd|L[oô]n|Llwybr|Rhodfa|Cilgant|Clos|Cwrt|Llys|Maes|Parc|Teras|Gerddi"
                r"|Sgw[aâ]r|Rhes|Allt|Bryn|Cae|Glan|Tan|Pen|Nant|Coed|D[oô]l|Erw|Bro|Plas|Bron|Gwel|Golwg|Pant|Cwm"
                r"|Llwyn|Ystad|Tir|Ffos)")
#: A street line with no house number that begins with a Welsh street word that is never a first name
#: ("Heol y Felin", "Lon Las", "Maes-y-Coed").
_WELSH_STREET_LINE = re.compile(
    r"^(?:Heol|Hewl|Ffordd|Stryd|L[oô]n|Llwybr|Rhodfa|Cilgant|Clos|Cwrt|Llys|Maes|Teras|Gerddi|Sgw[aâ]r|Rhes|Allt"
    r"|Ystad)(?:[\s-]+(?:y|yr|'r|’r)[\s-]+|\s+)[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?$")
STREET_WORD = re.compile(rf"\b{STREET}\b|\b(?:cottage|house|lodge|farm|flat|apartment|barn|manor|villa)\b", re.I)
CONTACT = re.compile(r"^(?:tel|telephone|phone|mobile|mob|m|t|e|email|e-mail|fax)\b\.?\s*:?", re.I)
TITLES = tuple(norm.TITLES)
_NAME_WORD = re.compile(r"^(?:[A-Z][a-zA-Z'’-]+|[A-Z]\.?|Mc[A-Z][a-z]+|O'[A-Z][a-z]+)$")
_FORM_MARKS = re.compile(
    r"^(?:section\s+\d|part\s+\d|question\s+answer|form\s+[A-Z]{2,}|for office use|office use only"
    r"|signature of (?:the )?applicant|declaration date|date of declaration|i declare that|please tick"
    r"|use this form|tick (?:one|all|the box))", re.I)


class RowEntities:
    """The entities of the short texts around a letter's body (its rows and blocks), parsed together in one
    ``nlp.pipe`` call instead of one pipeline call each."""

    def __init__(self) -> None:
        self.found: dict[str, Entities] = {}

    def prime(self, texts: Iterable[str]) -> None:
        """Parse ``texts`` as one text, a line each (no entity pattern reaches over a line break)."""
        todo = list(dict.fromkeys(t for t in texts if t not in self.found and "\n" not in t))
        if not todo:
            return
        joined = as_entities(letter_nlp()("\n".join(todo)))
        at = 0
        for text in todo:
            end = at + len(text)
            self.found[text] = Entities([
                Entity(e.label, e.text, e.value, e.start - at, e.end - at, e.confidence)
                for e in joined.found if at <= e.start and e.end <= end])
            at = end + 1

    def __call__(self, text: str) -> Entities:
        if text not in self.found:
            self.prime([text])
        return self.found[text]


def as_entities(doc: Doc, reference: dt.date | None = None) -> Entities:
    """What :func:`extractors.nlp.entities.find_entities` makes of a text, from a doc already parsed."""
    out = Entities()
    for ent in doc.ents:
        read = read_entity(ent.label_, ent.text, reference)
        if read is not None:
            label = "DATE" if ent.label_ == "DAY_MONTH" else ent.label_
            out.found.append(Entity(label, ent.text, read[0], ent.start_char, ent.end_char, read[1]))
    return out


@dataclass
class Row:
    text: str
    words: list[Word]
    box: Box
    index: int = 0

    @property
    def page(self) -> int:
        return self.box.page


@dataclass
class Block:
    rows: list[Row]

    @property
    def texts(self) -> list[str]:
        return [r.text for r in self.rows]


@dataclass
class Placed:
    """A value read from the letter's shape, with where it was."""

    value: str
    raw: str
    box: Box | None


@dataclass
class Letter:
    rows: list[Row]
    phrases: list[Row]  # each phrase of page 1 on its own (two blocks may share a line)
    headers: dict[str, tuple[str, Row]] = field(default_factory=dict)
    header_end: int = 0
    quoted_from: int | None = None
    salutation: Row | None = None
    body: list[Row] = field(default_factory=list)
    subject: Row | None = None
    subject_text: str = ""
    above: list[Row] = field(default_factory=list)  # rows above the salutation that are not the council's
    signature: list[Row] = field(default_factory=list)
    signed: Placed | None = None
    date: dt.date | None = None
    date_place: Placed | None = None
    sender_name: Placed | None = None
    sender_address: Placed | None = None
    sender_postcode: Placed | None = None
    sender_from: str = ""  # "block" or "signature"
    organisation_signed: bool = False
    ents: RowEntities = field(default_factory=RowEntities)

    @property
    def is_email(self) -> bool:
        return bool(self.headers)


@dataclass
class Segment:
    """A run of rows read as one text (a paragraph, a heading, a signature), with each word's place."""

    kind: str  # "subject" or "body"
    text: str
    spans: list[tuple[int, int, Word]]

    def box(self, start: int, end: int) -> Box | None:
        words = [w for s, e, w in self.spans if s < end and e > start]
        if not words:
            return None
        box = words[0].box
        for w in words[1:]:
            if w.box.page == box.page:
                box = box.union(w.box)
        return box


def segment(kind: str, rows: list[Row], prefix_chars: int = 0) -> Segment:
    """``rows`` read as one text (after ``prefix_chars`` of the first), each word with its box."""
    text = ""
    spans: list[tuple[int, int, Word]] = []
    for r in rows:
        skip = prefix_chars if r is rows[0] else 0
        consumed = 0
        for n, w in enumerate(r.words):
            if consumed < skip:
                consumed += len(w.text) + 1
                continue
            # A word broken at the end of a line ("single-" then "person") is joined back.
            broken = n == 0 and len(text) > 1 and text.endswith("-") and text[-2].isalpha() and w.text[:1].islower()
            if text and not broken:
                text += " "
            start = len(text)
            text += w.text
            spans.append((start, len(text), w))
    return Segment(kind, text, spans)


def rows_of(doc: Document) -> list[Row]:
    out: list[Row] = []
    for _page, line in doc.all_lines():
        words = [w for p in line.phrases for w in p.words]
        text = " ".join(" ".join(w.text for w in words).split())
        if text and not _PAGE_MARK.match(text):
            out.append(Row(text, words, line.box, len(out)))
    return out


def phrases_of(doc: Document) -> list[Row]:
    out: list[Row] = []
    if not doc.pages:
        return out
    for line in doc.pages[0].lines:
        for p in line.phrases:
            text = " ".join(p.text.split())
            if text:
                out.append(Row(text, list(p.words), p.box))
    return out


def looks_like_name(text: str, strict: bool = True) -> bool:
    """A person's name as written ("Mrs Jane Smith", "J. Smith"); ``strict`` also rules out street words."""
    s = " ".join(text.split()).rstrip(",. ")
    s = re.sub(r"\s*\((?:mr|mrs|ms|miss|dr|mx)\.?\)$", "", s, flags=re.I)  # "Jane Smith (Mrs)"
    if not s or any(ch.isdigit() for ch in s) or "@" in s or "," in s or len(s) > 60:
        return False
    parts = s.split()
    if parts and parts[0].lower().rstrip(".") in TITLES:
        parts = parts[1:]
    rest = " ".join(parts)
    if ORGANISATION.search(rest) or SIGN_OFF.match(rest) or SALUTATION.match(rest):
        return False
    if strict and STREET_WORD.search(rest):
        return False
    return 1 <= len(parts) <= 4 and all(_NAME_WORD.match(p) for p in parts)


def fullness(name: str) -> tuple[int, int]:
    """How fully a name is written: its letters but the title's ("Gethin Pugh" over "Mr G. Pugh"), then its
    words ("Mrs Jane Smith" over "Jane Smith")."""
    words = name.split()
    if words and words[0].lower().rstrip(".") in TITLES:
        words = words[1:]
    return sum(ch.isalpha() for w in words for ch in w), len(name.split())


def initials_agree(a: str, b: str) -> bool:
    """One name is a shorter way of writing the other: "Jane" or "J. Smith" for "Mrs Jane Smith"."""
    ka, kb = norm.name_key(a).split(), norm.name_key(b).split()
    if not ka or not kb:
        return False
    # The shorter first; of two as long, the one with initials ("G. Pugh" against "Gethin Pugh").
    short, full = sorted((ka, kb), key=lambda k: (len(k), sum(map(len, k))))
    if len(short) == 1:
        return short[0] in full  # a first name or a surname alone
    return short[-1] == full[-1] and all(
        w == f or (len(w) == 1 and f.startswith(w)) for w, f in zip(short[:-1], full[:-1], strict=False))


def is_address_line(text: str) -> bool:
    return bool(re.match(r"^(?:flat|apartment|unit)?\s*\d", text.strip(), re.I)) or bool(
        _WELSH_STREET_LINE.match(text.strip())) or (bool(STREET_WORD.search(text)) and not looks_like_name(text))


def first_line(raw: str) -> str:
    """The house and street from what may be a whole address on one line."""
    parts = [p.strip() for p in raw.split(",") if p.strip()]
    if not parts:
        return ""
    if len(parts) >= 2 and looks_like_name(parts[0]) and re.match(r"(?i)^(?:flat|apartment|unit)?\s*\d", parts[1]):
        parts = parts[1:]  # "Ruth Beck, 14 Foxglove Mews, Formwick": a name first
    if len(parts) >= 2 and not any(ch.isdigit() for ch in parts[0]) and (
            STREET_WORD.search(parts[1]) or _WELSH_STREET_LINE.match(parts[1])):
        return f"{parts[0]}, {parts[1]}"  # "Rose Cottage, Mill Lane", "Ty Gwyn, Lon Las"
    if len(parts) >= 2 and re.match(r"(?i)^(?:flat|apartment|apt|unit|room|maisonette)\b", parts[0]):
        return f"{parts[0]}, {parts[1]}"  # "Flat 2, 14 Brook Street"
    return parts[0]


def postcode_in(ents: RowEntities, text: str) -> tuple[str, str] | None:
    found = ents(text).of("POSTCODE")
    return (found[-1].value, found[-1].text) if found else None


# =========================================================================== addresses written in the text

_FLAT = r"(?:(?i:flat|apartment|apt|unit|room|maisonette)\s+\d+[a-z]?,?\s+)?"
_ADDRESS = re.compile(
    # "4 Sycamore Way", "Flat 2, 14 Brook Street": the street word last.
    rf"(?<![\w/]){_FLAT}\d{{1,4}}[a-z]?,?\s+(?:[a-z][a-z'’-]+\s+){{0,3}}{STREET}\b\.?"
    # "3 Tan y Bryn", "12 Stryd Fawr", "16 Ffordd yr Orsaf": a Welsh street word first, then a name.
    rf"|(?<![\w/]){_FLAT}\d{{1,4}}[a-z]?,?\s+(?-i:(?:Y\s+)?{WELSH_STREET}(?:[\s-]+(?:y|yr|'r|’r)[\s-]+[A-Z][\w'’-]+"
    r"|\s+[A-Z][\w'’-]+(?:[\s-]+(?:y|yr)[\s-]+[A-Z][\w'’-]+)?))\b"
    # "Rose Cottage, Mill Lane": a house name, written with capitals ("moving house" is none).
    r"|(?<![\w/])(?-i:(?:The\s+)?(?:[A-Z][a-z]+\s+){1,3}(?:Cottage|House|Lodge|Farm|Barn|Villa|Bungalow|Manor|Forge|Mill|Hall"
    r"|Grange|Rectory|Vicarage|Croft|Stables|Granary|Smithy|Schoolhouse|Chapel|Oast))"
    rf"(?:,\s*(?:\d{{1,4}}\s+)?(?:[A-Z][A-Za-z'’-]+\s+){{0,3}}{STREET}\b)?", re.I)
_STREET_NAME_WORD = r"(?:[A-Z][\w'’-]*|y|yr|the|of|on|upon|de|la|le)"
#: The first line of an address before a town and a postcode: a house number and capitalised words, then a comma.
_BEFORE_POSTCODE = re.compile(
    rf"(?<![\w/])({_FLAT}\d{{1,4}}[a-z]?,?\s+[A-Z][\w'’-]*(?:\s+{_STREET_NAME_WORD}){{0,4}})"
    r"\s*,\s*(?:[A-Z][\w'’-]+[\s,]+){0,3}$")
_THE_AFTER_NUMBER = re.compile(r"^\D*\d+[A-Za-z]?,?\s+The\s+(?=[A-Z])")
_NOT_STREET_NAME = frozenset({
    "and", "the", "of", "for", "to", "on", "in", "at", "my", "a", "an", "is", "was", "years", "year", "months",
    "weeks", "days", "since", "from", "with", "by", "it", "i", "we", "he", "she", "they", "this", "that", "but",
    "or", "so", "as", "if", "no", "not", "per", "cent", "percent", "pounds", "times", "people", "adults",
    *(m for m in norm.MONTH_ALIASES),
})
_PREVIOUS_CUE = re.compile(
    r"(?:\bout of|\bmov(?:e|ed|ing) from|\bleav(?:e|ing)|\bleft|\bvacat(?:e|ed|ing)|\bprevious(?:ly)?|\bold|\bformer"
    r"|\bsold|\bfrom)\s+(?:the\s+|my\s+|our\s+)?(?:property|house|flat|home|address)?\s*(?:at|of|in|,|:|is|was)?\s*$"
    # Where the writer lived, in the past tense ("I lived at", "we used to live at"; not "I have lived at").
    r"|\b(?:i|we)\s+(?:previously\s+|formerly\s+|originally\s+)?(?:lived|resided|was living|were living|used to live)"
    r"\s+(?:at|in)\s+$"
    # "I was previously living at", "we had been renting at"
    r"|\b(?:i|we)\s+(?:was|were|had\s+been)\s+(?:previously\s+|formerly\s+)?(?:living|residing|renting|staying)"
    r"\s+(?:at|in)\s+$"
    # "Before this I was at ...", "prior to that we lived in ..."
    r"|\b(?:before|prior to)\s+(?:this|that|then|moving|the move)\b[^.;]*?\b(?:at|in|was|were|is)\s+$",
    re.I)
_NEW_CUE = re.compile(
    r"(?:\binto|\bin to|\bmov(?:e|ed|ing) (?:in )?to|\brelocat\w* to|\bgo(?:ing)? to"
    r"|\bnew (?:home|address|property|house|flat)(?:\s+(?:given\s+)?for\s+(?:[A-Z][\w'’-]+\s*){1,3})?"
    r"|\bforwarding address(?: for (?:the|my|your|his|her|their) (?:final )?(?:bill|account|letters?|post))?"
    r"|\bnow (?:live|living|reside|residing|lives|resides|at)|\bbought|\bpurchased"
    r"|\bto)\s*(?:the\s+|a\s+)?(?:property|house|flat|home|address)?\s*"
    r"(?:is|will be|at|of|in|,|:|,?\s*(?:which|that)\s+(?:is|will be|would be))?\s*(?:now\s+)?$"
    # "From that date my address will be", "I will be living at"
    r"|\b(?:my|our)\s+(?:new\s+|forwarding\s+)?address\s+will\s+(?:now\s+)?be\s*:?\s*$"
    r"|\b(?:i|we)\s+will\s+(?:then\s+|now\s+)?be\s+(?:living|residing|staying)\s+(?:at|in)\s+$",
    re.I)
_OTHERS_ADDRESS = re.compile(
    r"\b(?:his|her|their|(?-i:(?!Council|Property|The)[A-Z][a-z]+)['’]s)\s+(?:new\s+|forwarding\s+|current\s+|present\s+)?"
    r"(?:address|home|flat|house)\b"  # ("Grace's new address is ...": someone named, not "my")
    r"|\b(?:new|forwarding)\s+address\s+(?:given\s+)?for\s+(?-i:[A-Z][a-z]+)"  # ("New address given for Tracey")
    r"|\b(?:he|she|they)\s+(?:now\s+|has\s+|have\s+|will\s+(?:now\s+)?(?:be\s+)?|(?:is|are)\s+going\s+to\s+(?:be\s+)?)?"
    r"(?:lives?|living|moved|is|are|went|gone|resides?|staying|stay|move)\b", re.I)  # ("they will be living at")


@dataclass
class WrittenAddress:
    """An address written in a sentence: its first line, and the postcode after it if there is one."""

    first_line: str
    postcode: str | None
    whole: str  # as written, to the postcode
    start: int  # character offsets in the text
    end: int


def addresses_in(text: str, postcodes: Iterable[tuple[int, int, str]], start: int = 0,
                 end: int | None = None) -> list[WrittenAddress]:
    """The addresses written in ``text[start:end]`` ("I live at 4 Sycamore Way, Formwick FW3 2AB"), in order.

    A first line is a house number and a street ending in a street word ("4 Sycamore Way"), a Welsh
    street word and a name ("3 Tan y Bryn"), a house name ("Rose Cottage, Mill Lane"), or a house
    number and capitalised words of any kind before a comma, a town (or none) and one of ``postcodes`` (the
    POSTCODE entities of the text: start, end and normal form) ("15 Kingsway, Formwick FW1 2AB",
    "22 Kingsway, AV2 1DU").
    A postcode after the first line, with at most a town or two between, is the address's.
    """
    s0, s1 = start, len(text) if end is None else end
    postcodes = sorted(postcodes)
    found: list[tuple[int, int]] = []  # where each first line starts and ends
    for m in _ADDRESS.finditer(text, s0, s1):
        words = re.findall(r"[A-Za-z'’-]+", re.sub(r"^\D*\d+[A-Za-z]?\b", "", m[0]))  # (not "52A"'s "A")
        if words and words[0] == "The" and not m[0][:1].isdigit():
            words = words[1:]  # a house named "The Old Forge"
        if any(w.lower() in _NOT_STREET_NAME for w in words[:-1]):
            continue
        if m[0][:1].isdigit() and not any(w[:1].isupper() for w in words):
            continue  # "3 days and the road" without a capital: not an address
        found.append((m.start(), m.end()))
    # A street of any name, known by the town and postcode after it ("15 Kingsway, Formwick FW1 2AB").
    for p_start, _p_end, _value in postcodes:
        if not s0 <= p_start < s1 or any(a <= p_start and p_start - b <= 45 for a, b in found):
            continue
        line = _BEFORE_POSTCODE.search(text, max(s0, p_start - 90), p_start)
        # (a street named with "The" after its number is one: "2 The Paddocks, Kendal, LA9 4RB")
        street = _THE_AFTER_NUMBER.sub("", line[1]) if line else ""
        named = re.findall(r"[A-Z][\w'’-]*", street)
        if line and named and not any(w.lower() in _NOT_STREET_NAME for w in named):
            found.append((line.start(1), line.end(1)))
    out = []
    for a, first_end in sorted(found):
        first = " ".join(text[a:first_end].rstrip(".,").split())
        b = first_end
        # What follows: a town or two and the postcode ("4 Sycamore Way, Formwick FW3 2AB").
        postcode = None
        for p_start, p_end, value in postcodes:
            if s0 <= p_start < s1 and p_start >= b and p_start - b <= 45 \
                    and re.fullmatch(r"[\s,]*(?:[A-Z][a-zA-Z'’-]+[\s,]+){0,3}", text[b:p_start]):
                postcode, b = value, p_end
                break
        if postcode is None and (town := re.match(r",\s*(?:[A-Z][a-zA-Z'’-]+\s?){1,3}(?=[.;]|$)", text[b:s1])):
            b += town.end()  # no postcode, a town to end the sentence: "He is now living at 27 Clarendon Road, Leeds."
        out.append(WrittenAddress(first, postcode, " ".join(text[a:b].rstrip(".,").split()), a, b))
    return out


def clause_before(text: str, at: int, start: int = 0) -> str:
    """The words just before ``at`` (no further back than ``start``), from the start of their clause."""
    before = text[max(start, at - 60):at]
    return re.split(r"[.;]\s|\band\b(?= (?:i|we|he|she|my)\b)", before)[-1]


def address_role(before: str) -> str:
    """What the words before an address make it: the writer's ``previous`` home, a ``new`` one, or ``current``."""
    if _PREVIOUS_CUE.search(before):
        return "previous"
    if _NEW_CUE.search(before):
        return "new"
    return "current"


#: Words just before an address (or a postcode) that say it is where the writer lives now: "my address is",
#: "I live at", "we are at", "our house, ...", "I am a tenant of", "Address:" (never "I used to live at").
_I_AM = r"(?:i\s+am|i\s*['’]m|we\s+are|we\s*['’]re)"
_OWN = (r"(?:\b(?:my|our)\s+(?:(?:full|home|postal|current|correct|new|own|house|property|correspondence)\s+){0,2}"
        r"(?:address|home|house|flat|property|bungalow|cottage)(?:\s+(?:is|being))?(?:\s+at)?"
        rf"|\b(?:(?:i|we)\s+(?:now\s+|currently\s+|still\s+|both\s+)?(?:live|reside|have\s+lived|have\s+been\s+living)"
        rf"|(?:i|we)\s*['’]ve\s+(?:lived|been\s+living)|{_I_AM}(?:\s+(?:now|currently|still))?(?:\s+(?:living|staying))?)"
        r"(?:\s+(?:locally|nearby|here|now))?\s+(?:at|in)"
        r"|\bmy\s+(?:(?:council\s+tax|rates)\s+)?(?:bill|account)\s+for(?:\s+the\s+property\s+at)?"
        rf"|\b{_I_AM}\s+(?:a|the)\s+(?:resident|tenant|occupier|owner|householder)s?\s+(?:of|at)"
        r"|\b(?:living|residing|writing)\s+(?:at|from)|\baddress\s*(?:is\s*)?:"
        # "our grey general waste bin at", "my car outside": a thing of the writer's home, where it is
        r"|\b(?:my|our)\s+(?:[\w'’-]+\s+){0,3}?(?:bins?|wheelie\s+bin|recycling(?:\s+box)?|caddy|garden|drive|driveway"
        r"|car|van|vehicle|parking\s+space)\s+(?:at|outside)"
        r")\s*[:,-]?\s*")
_OWN_BEFORE = re.compile(_OWN + r"$", re.I)
_OWN_ANYWHERE = re.compile(_OWN, re.I)
_ADDRESS_WORD = re.compile(r"(?:\d{1,4}[a-z]?|[A-Z][\w'’.-]*|y|yr|'r|’r|the|of|on|upon|de|la|le)$")


def writers_addresses(text: str, postcodes: Iterable[tuple[int, int, str]]) -> list[WrittenAddress]:
    """The addresses ``text`` says are where the writer lives ("My address is 8 Glan yr Afon, Tawelfryn WQ3 6FX",
    "we live at 4 Heol y Nant"), in order: an address of :func:`addresses_in` said to be the writer's, or any
    words between such a cue and a postcode, the last comma-separated part the town ("My home address is
    Ty Gwyn, Lon Las, Cwmfelin FW4 7ND"). Someone else's address, a previous one and one that names an
    organisation are not the writer's.
    """
    postcodes = sorted(postcodes)
    written = addresses_in(text, postcodes)
    out = []
    for a in written:
        before = clause_before(text, a.start)
        if _OWN_BEFORE.search(before) and not others_address(before) and not ORGANISATION.search(a.whole):
            out.append(a)
    for p_start, p_end, value in postcodes:
        if any(a.start <= p_start <= a.end for a in written):
            continue  # read above (the writer's or not)
        clause = re.split(r"[.!?;]\s", text[max(0, p_start - 120):p_start])[-1]
        cues = list(_OWN_ANYWHERE.finditer(clause))
        cue = cues[-1] if cues else None
        if cue is None or others_address(clause[:cue.start()]):
            continue
        parts = [p.strip() for p in clause[cue.end():].split(",") if p.strip()]
        if len(parts) < 2 or ORGANISATION.search(clause[cue.end():]):
            continue
        first = first_line(", ".join(parts[:-1]))
        words = first.replace(",", " ").split()
        if not 2 <= len(words) <= 7 or not all(_ADDRESS_WORD.match(w) for w in words) or words[0][:1].islower():
            continue
        at = p_start - len(clause) + cue.end()
        whole = " ".join(text[at:p_end].split())
        out.append(WrittenAddress(first, value, whole, at, p_end))
    return sorted(out, key=lambda a: a.start)


def others_address(before: str) -> bool:
    """The words before an address say it is someone else's ("his new address is", "she now lives at")."""
    return bool(_OTHERS_ADDRESS.search(before))


def blocks_of(phrases: list[Row], width: float) -> list[Block]:
    """Phrases grouped into blocks: by column (left or right), then by vertical gaps."""
    blocks: list[Block] = []
    for side in (0, 1):
        column = sorted((p for p in phrases if (p.box.x0 > width * 0.4) == bool(side)), key=lambda p: p.box.top)
        current: list[Row] = []
        for p in column:
            if current:
                prev = current[-1].box
                if p.box.top - prev.bottom > max(6.0, 0.9 * prev.height):
                    blocks.append(Block(current))
                    current = []
            current.append(p)
        if current:
            blocks.append(Block(current))
    blocks.sort(key=lambda b: (b.rows[0].box.top, b.rows[0].box.x0))
    return blocks


def date_of_row(ents: RowEntities, text: str) -> tuple[dt.date, str] | None:
    """The date a row is (perhaps after "Date:" and a weekday), or None when the row says more than a date."""
    cleaned = re.sub(r"^(?:date[d]?|sent)\s*:?\s*", "", text, flags=re.I).strip(" .,")
    found = ents(text).of("DATE")
    if found and len(found[0].text) >= len(cleaned) - 16:
        return dt.date.fromisoformat(found[0].value), found[0].text
    return None


def read_letter(doc: Document, rows: list[Row]) -> Letter:
    letter = Letter(rows, phrases_of(doc))
    if not rows:
        return letter
    # Email headers.
    found: dict[str, tuple[str, Row]] = {}
    last = -1
    first = next((i for i, r in enumerate(rows[:5]) if HEADER.match(r.text)), None)
    for i in range(first, min(first + 10, len(rows))) if first is not None else ():
        m = HEADER.match(rows[i].text)
        if m is None:
            break  # the headers are one block at the top; a "From:" further down is a quoted message's
        if not m[2].strip():
            continue
        found.setdefault(m[1].lower(), (m[2].strip(), rows[i]))
        last = i
    if "from" in found and len(found) >= 2:
        letter.headers, letter.header_end = found, last + 1
        # A message passed on with a line or two ("passing this on from the contact centre inbox"), or by the
        # council's own staff: the message forwarded is the one written to the council, and is the letter.
        fwd = next((i for i in range(letter.header_end, len(rows)) if _FORWARDED.match(rows[i].text)), None)
        if fwd is not None and fwd + 2 < len(rows) and (
                fwd - letter.header_end <= 3 or norm.public_body_email(found["from"][0])):
            return read_letter(doc, rows[fwd + 1:])
    # An earlier message quoted below this one is never read.
    for i in range(letter.header_end, len(rows)):
        t = rows[i].text
        if t.startswith(">") or _QUOTE_START.match(t) or (
                i > letter.header_end + 1 and HEADER.match(t) and t.lower().startswith(("from", "sent"))):
            letter.quoted_from = i
            break
    end_all = letter.quoted_from if letter.quoted_from is not None else len(rows)
    live = [r for r in rows[:end_all] if not r.text.startswith(">")]
    # A mail system's trailer ("This email has been scanned for viruses", "Sent from my iPhone") is no part
    # of the message: it ends it.
    trailer = next((i for i, r in enumerate(live) if i >= letter.header_end and _TRAILER.match(r.text)), None)
    if trailer is not None:
        live = live[:trailer]

    start = next((i for i, r in enumerate(live) if i >= letter.header_end and SALUTATION.match(r.text)), None)
    letter.salutation = live[start] if start is not None else None
    if start is not None and len(live[start].text.split()) > 6:
        start -= 1  # "Hi, please can I have ...": the greeting opens the first line of the body
    if start is None:
        # No greeting: the message starts under the headers, or at the first line of prose.
        start = (letter.header_end - 1 if letter.headers else
                 next((i - 1 for i, r in enumerate(live) if len(r.text.split()) >= 8), -1))
    sign = next((i for i in range(start + 1, len(live)) if SIGN_OFF.match(live[i].text)), None)
    while sign is not None and sign + 1 < len(live) and live[sign].text.rstrip().endswith((".", "!")) \
            and SIGN_OFF.match(live[sign + 1].text):
        sign += 1  # "Thank you in advance." over "Yours sincerely,": the body's last sentence, not its sign-off
    if sign is None:
        body_end = len(live)
        # Unsigned off: the short lines at the end (a name, an address) are the signature.
        while body_end - 1 > start + 1 and len(live[body_end - 1].text.split()) <= 6 \
                and not live[body_end - 1].text.rstrip().endswith((".", "?", "!")):
            body_end -= 1
        letter.body = live[start + 1:body_end]
        letter.signature = live[body_end:body_end + 10]
    else:
        letter.body = live[start + 1:sign]
        while sign + 1 < len(live) and SIGN_OFF.match(live[sign + 1].text):
            sign += 1
        letter.signature = live[sign + 1:sign + 11]
    # Above the body: the blocks, the date, a "Re:" line (never the headers, the greeting or the body).
    first_body = live.index(letter.body[0]) if letter.body else max(start + 1, 0)
    above = [r for r in live[letter.header_end:first_body] if not SALUTATION.match(r.text)]

    # The subject: an email's Subject header, or a "Re:" line above the salutation.
    if "subject" in letter.headers:
        letter.subject_text, letter.subject = letter.headers["subject"][0], letter.headers["subject"][1]
    else:
        for r in above:
            if m := _SUBJECT.match(r.text):
                letter.subject_text, letter.subject = m[1], r
                break
    if letter.subject is None and letter.body and (m := _SUBJECT.match(letter.body[0].text)):
        # "Dear Sir or Madam," then "Re: Change of address": the subject under the salutation.
        letter.subject, letter.subject_text = letter.body[0], m[1]
        letter.body = letter.body[1:]
    elif letter.subject is None and letter.body and letter.salutation is not None \
            and (letter.body[0].text.isupper() or _bold_over_roman(letter.body[:2])) \
            and len(letter.body[0].text.split()) <= 10:
        # A heading in capitals (or in bold) under the salutation ("SINGLE PERSON DISCOUNT").
        letter.subject, letter.subject_text = letter.body[0], letter.body[0].text
        letter.body = letter.body[1:]

    body = {id(r) for r in letter.body}
    letter.ents.prime([*(r.text for r in rows if id(r) not in body),
                       *(p.text for p in letter.phrases if not any(_overlaps(p.box, b.box) for b in letter.body[:3]))])
    _sender(doc, letter, above)
    _letter_date(letter)
    return letter


def _letter_date(letter: Letter) -> None:
    for key in ("sent", "date"):
        if key in letter.headers:
            text, row = letter.headers[key]
            found = letter.ents(text).of("DATE")
            if found:
                letter.date = dt.date.fromisoformat(found[0].value)
                letter.date_place = Placed(found[0].value, found[0].text, row.box)
                return
    for r in [*letter.above, *letter.signature]:
        got = date_of_row(letter.ents, r.text)
        if got:
            letter.date = got[0]
            letter.date_place = Placed(got[0].isoformat(), got[1], r.box)
            return


_TRAILER = re.compile(r"^(?:this (?:e-?mail|message)(?: and any (?:files|attachments)[\w\s]*?)? (?:has been scanned|"
                      r"is confidential|may contain|was scanned|is intended|was received by|has been received by"
                      r"|was printed)|sent from my (?:iphone|ipad|android|"
                      r"samsung|mobile)|get outlook for|disclaimer:|printed (?:from|by|on|at)\b)", re.I)


def _signed_rows(rows: list[Row]) -> list[Row]:
    """The rows of a signature up to the first sentence under it: a mail system's trailer ("This email
    has been scanned for viruses. Harrowfield District Council: www...") is no part of who signed."""
    out: list[Row] = []
    for r in rows:
        words = r.text.split()
        if (len(words) >= 5 and re.search(r"[a-z]\.(?:\s|$)", r.text)) or _TRAILER.match(r.text):
            break  # (or the mail system's own line: "Printed from Ravensholt Borough Council customer contact
            # mailbox")
        if out and (r.box.page != out[-1].box.page
                    or r.box.top - out[-1].box.bottom > 4 * max(out[-1].box.bottom - out[-1].box.top, 8.0)):
            break  # the council's footer at the foot of the page, far under the name: the paper's, not the writer's
        out.append(r)
    return out


def _bold_over_roman(rows: list[Row]) -> bool:
    """A line all in bold over one that is not: a heading over the paragraph it heads."""
    def bold(row: Row) -> bool:
        return all(w.style is not None and w.style.bold for w in row.words)
    return len(rows) == 2 and bold(rows[0]) and not bold(rows[1]) and not rows[0].text.rstrip().endswith((".", ",")) \
        and not any(c.isdigit() for c in rows[0].text)  # ("Council Tax account 5440 2027" in bold: what it is about)


def _sender(doc: Document, letter: Letter, above: list[Row]) -> None:
    """The signed name, and the sender's name, first address line and postcode (block or signature)."""
    sig = letter.signature
    if sig and looks_like_name(sig[0].text, strict=False):
        letter.signed = Placed(norm.name(sig[0].text.strip(" ,.")).value, sig[0].text, sig[0].box)
        # A signature, then the name printed under it ("L. Rossi" over "Mr Lewis Rossi"): the fuller way.
        if len(sig) > 1 and looks_like_name(sig[1].text, strict=False):
            under = norm.name(sig[1].text.strip(" ,.")).value
            if initials_agree(under, letter.signed.value) and fullness(under) > fullness(letter.signed.value):
                letter.signed = Placed(under, sig[1].text, sig[1].box)
    if any(ORGANISATION.search(r.text) and not EMAIL.search(r.text) for r in _signed_rows(sig[:3])):
        # Signed for the council or a company ("Revenues Manager"): no citizen wrote this.
        letter.organisation_signed = True
        letter.signed = None
        return
    if doc.pages:
        page = doc.pages[0]
        limit = letter.body[0].box.top if letter.body and letter.body[0].page == 1 else page.height
        if letter.salutation is not None and letter.salutation.page == 1:
            limit = min(limit, letter.salutation.box.top)
        # An email's blocks are under its headers (a writer may put their address over the greeting).
        last_header = letter.rows[letter.header_end - 1] if letter.headers else None
        top = -1.0 if last_header is None else last_header.box.bottom if last_header.page == 1 else page.height
        phrases = [p for p in letter.phrases if p.box.top >= top and p.box.bottom <= limit + 0.5]
        # What is above the body and not the council's: the sender's block, the date, a "Re:" line, "Your ref:".
        letter.above = []
        for block in blocks_of(phrases, page.width):
            if any(ORGANISATION.search(t) for t in block.texts) \
                    and not all(_REFERENCE_LINE.search(t) for t in block.texts):
                continue  # (but "Council Tax account number 6577 5294" on its own is the writer's reference)
            letter.above.extend(p for p in block.rows if not SALUTATION.match(p.text))
            if letter.sender_postcode is None:
                _sender_from_block(letter, block)
        letter.above.sort(key=lambda p: (p.box.top, p.box.x0))
    if letter.headers:
        letter.above = list(above)
    if letter.sender_postcode is None and sig:
        _sender_from_signature(letter)


def _sender_from_block(letter: Letter, block: Block) -> None:
    """The postcode, first address line and perhaps the name of an address block that is not the council's."""
    texts = block.texts
    pc_at = next((i for i, t in enumerate(texts) if postcode_in(letter.ents, t)), None)
    if pc_at is None:
        return
    pc = postcode_in(letter.ents, texts[pc_at])
    assert pc is not None
    letter.sender_postcode = Placed(pc[0], pc[1], block.rows[pc_at].box)
    lines = [r for r in block.rows[:pc_at + 1] if not CONTACT.match(r.text)
             and not norm.is_valid("date", r.text.strip(" ,."))]
    if len(lines) >= 2 and looks_like_name(lines[0].text, strict=False) and is_address_line(lines[1].text):
        letter.sender_name = Placed(norm.name(lines[0].text.strip(" ,")).value, lines[0].text, lines[0].box)
        lines = lines[1:]
    if lines:
        first = lines[0]
        raw = first.text
        if first is block.rows[pc_at]:
            at = raw.upper().rfind(pc[1].upper())
            raw = raw[:at] if at > 0 else raw
        address = first_line(raw)
        if address and is_address_line(address):
            # (as written, down to the postcode: "Room 4, Cranmer Court" / "40 Station Road" is one first line
            # to a council whose records keep the two together, and the records say so)
            written = "\n".join(r.text for r in lines if r is not block.rows[pc_at] or r is first)
            letter.sender_address = Placed(norm.text(address).value, written, first.box)
            letter.sender_from = "block"


def _overlaps(a: Box, b: Box) -> bool:
    return a.page == b.page and a.top < b.bottom and b.top < a.bottom and a.x0 < b.x1 and b.x0 < a.x1


def _sender_from_signature(letter: Letter) -> None:
    address, postcode = address_in_rows(letter.ents, letter.signature[:8])
    if postcode is not None:
        letter.sender_postcode = postcode
    if address is not None:
        letter.sender_address = address
        letter.sender_from = "signature"


def address_in_rows(ents: RowEntities, rows: list[Row]) -> tuple[Placed | None, Placed | None]:
    """The first address line and the postcode of an address written a line or a few at a time (under a
    signature: perhaps a name, then the street, the town and the postcode; or all on one line)."""
    at = next((i for i, r in enumerate(rows) if postcode_in(ents, r.text)), None)
    if at is None:
        return None, None
    pc = postcode_in(ents, rows[at].text)
    assert pc is not None
    postcode = Placed(pc[0], pc[1], rows[at].box)
    lines = [r for r in rows[:at] if not CONTACT.match(r.text) and not SIGN_OFF.match(r.text)
             and not EMAIL.search(r.text) and not norm.is_valid("date", r.text.strip(" ,."))]
    # (a date under the signature, "30/11/2026", begins with a number as a house does)
    if len(lines) >= 2 and looks_like_name(lines[0].text, strict=False) and is_address_line(lines[1].text):
        lines = lines[1:]
    lines = [r for r in lines if is_address_line(r.text) or not looks_like_name(r.text)]
    if lines:
        first, raw = lines[0], lines[0].text
    else:
        first = rows[at]
        cut = rows[at].text.upper().rfind(pc[1].upper())
        raw = rows[at].text[:cut] if cut > 0 else ""
    address = first_line(raw)
    if address and is_address_line(address):
        written = "\n".join(r.text for r in lines) if lines else first.text  # (as written, down to the postcode)
        return Placed(norm.text(address).value, written, first.box), postcode
    return None, postcode


# =========================================================================== a letter, not a form


def looks_like_letter(doc: Document, rows: list[Row]) -> bool:
    """A letter or an email, not a form: no widgets, a letter's shape, sentences, no label/answer structure."""
    if doc.widgets or doc.has_xfa:
        return False
    if not rows:
        return False
    headers = {m[1].lower() for r in rows[:15] if (m := HEADER.match(r.text)) and m[2].strip()}
    email = "from" in headers and len(headers) >= 2
    salutation = any(SALUTATION.match(r.text) for r in rows)
    sign_off = any(SIGN_OFF.match(r.text) for r in rows)
    if not (email or salutation or sign_off):
        return False
    prose = [r for r in rows if len(r.text.split()) >= 8 and not r.text.startswith(">")]
    if not prose:
        return False
    form_marks = sum(1 for r in rows if _FORM_MARKS.match(r.text))
    # Questions with nothing after them ("Bill of Lading Number:", "Your name:"): a form, filled in or not.
    form_marks += sum(1 for r in rows if r.text.endswith(":") and len(r.text.split()) <= 6
                      and not SALUTATION.match(r.text)) // 3
    # A label and its answer: two phrases on a line, the first a short question or ending with a colon.
    answered = 0
    for _page, line in doc.all_lines():
        if len(line.phrases) >= 2:
            first = line.phrases[0].text.strip()
            if HEADER.match(first) or CONTACT.match(first):
                continue
            if first.endswith((":", "?")) and len(first.split()) <= 8:
                answered += 1
    return form_marks < 2 and answered < 4 and (answered < 2 or len(prose) >= 2 * answered)
