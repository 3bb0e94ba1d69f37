"""Applications written as prose: a letter or email that applies for a form type.

"I'd like the single person discount. My account number is CT 6200 1234 and
my husband moved out on 3rd March 2026" is a ``council_tax_spd`` application,
not general correspondence. :func:`read_prose` reads such a letter:

- **its shape** (:mod:`extractors.nlp.letter_shape`): email headers
  (``From:``, ``Sent:``, ``Subject:``), the salutation and sign-off that bound
  the body, the name and address under the signature, the address blocks above
  the salutation (the council's, naming an organisation, is never the
  sender's), the letter's date, and an earlier message quoted under an email
  (``> ...``, "-----Original Message-----", "On ... wrote:"), which is never
  read;
- **what it asks** (:mod:`extractors.nlp.applications`, with the phrases of
  :mod:`extractors.nlp.application_words`): the sentences of the subject line
  and body, parsed once by the letter pipeline of
  :mod:`extractors.nlp.entities`, give each form type a score;
- **the fields** of the form type it applies for, each from the sentence that
  says it ("my husband John Smith moved out on 3rd March" gives
  ``other_adult_name`` and ``sole_adult_since``) or from the letter's shape
  (the signed name, the sender's address, the date), with the box of the words
  it was read from.

Confidence: a value read from a clear pattern in one place is 0.95; from the
letter's layout 0.9; inferred (the sender's address taken as the property
left) 0.7 or less; two different readings of one field (two move dates, two
account numbers) 0.4 and a note, so that the pipeline raises
``LOW_CONFIDENCE`` and staff decide.

The module is pure: a :class:`~extractors.document.Document` in, a
:class:`ProseReading` out. The registry and the form extractors decide what to
do with the scores.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from extractors.contract import FieldValue
from extractors.document import Box, Document
from extractors.nlp import applications as app
from extractors.nlp import letter_shape as shape
from extractors.nlp.application_words import RELATIONS
from extractors.nlp.entities import _read as read_entity  # the normaliser of each entity label
from extractors.nlp.entities import letter_nlp
from formwork import normalise as norm

__all__ = ["ProseReading", "is_prose", "read_prose", "MIN_SCORE", "FIELDS_BY_FORM"]

#: Below this, a letter is not read as an application (``form_type`` None).
MIN_SCORE = 0.4

CLEAR = 0.95  # a clear pattern in one place: "my account number is ..."
PLACED = 0.9  # from the letter's layout: the signed name, the sender's block, the date
WEAK = 0.75  # a value with no words around it to say what it is
INFERRED = 0.65  # taken from elsewhere in the letter: the sender's address as the property left
CONFLICT = 0.4  # two different readings

#: Where a field was read (``FieldValue.label``): staff see it in ``formwork extract`` and the review page.
def _system_sender(from_header: str) -> bool:
    """An email sent by a system on the council's behalf (an online-form platform's "noreply@", the council's
    own mailbox): its From names no applicant, and its address is none of theirs."""
    return norm.public_body_email(from_header) or re.search(r"\bno-?reply@", from_header, re.I) is not None


TEXT, SUBJECT_LINE, FROM_HEADER, SENT_HEADER, LETTER_DATE = "sentence", "subject line", "From header", "Sent header", \
    "letter date"
SENDER_BLOCK, SIGNATURE, ON_BEHALF = "sender's address block", "signature", "on behalf of"

#: The fields each form type takes from a letter (forms.md names; never change_description).
FIELDS_BY_FORM: dict[str, tuple[str, ...]] = {
    "council_tax_spd": ("account_ref", "applicant_name", "address", "postcode", "sole_adult_since",
                        "other_adult_name", "other_adult_forwarding_address", "phone", "email", "declaration_date"),
    "council_tax_move": ("move_type", "account_ref", "applicant_name", "previous_address", "previous_postcode",
                         "new_address", "new_postcode", "move_date", "phone", "email", "declaration_date"),
    "parking_permit": ("applicant_name", "address", "postcode", "vrm", "vehicle_make", "zone", "start_date", "phone",
                       "email", "declaration_date"),
}


@dataclass
class ProseReading:
    """What a letter applies for, and the fields it gives."""

    form_type: str | None  # one of FIELDS_BY_FORM, or None: not an application
    score: float  # how sure that it is an application of form_type (when None: the best score there was)
    scores: dict[str, float]  # every form type's score
    fields: dict[str, FieldValue] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


# =========================================================================== is it prose?


def is_prose(doc: Document) -> bool:
    """A letter or an email, not a form: no widgets, a letter's shape, sentences, no label/answer structure.

    Asked by every form extractor of every document: answered once, and kept on the document as its
    cached properties are."""
    known = doc.__dict__.get("_is_prose")
    if known is None:
        known = doc.__dict__["_is_prose"] = shape.looks_like_letter(doc, shape.rows_of(doc))
    return bool(known)


# =========================================================================== paragraphs


def _segments(letter: shape.Letter) -> list[shape.Segment]:
    """The subject and the body, cut where a line ends a paragraph or stands alone (an unpunctuated short line)."""
    out: list[shape.Segment] = []
    if letter.subject is not None:
        row = letter.subject
        prefix = len(row.text) - len(letter.subject_text)
        out.append(shape.segment("subject", [row], max(prefix, 0)))
    body = letter.body
    if not body:
        return out
    right = max(r.box.x1 for r in body)
    left = min(r.box.x0 for r in body)
    current: list[shape.Row] = []
    for i, r in enumerate(body):
        current.append(r)
        nxt = body[i + 1] if i + 1 < len(body) else None
        short = r.box.x1 < left + 0.72 * (right - left)
        gap = nxt is not None and (nxt.page != r.page or nxt.box.top - r.box.bottom > 0.9 * r.box.height)
        if nxt is None or short or gap:
            out.append(shape.segment("body", current))
            current = []
    return out


# =========================================================================== reading


@dataclass
class _Ent:
    label: str
    text: str
    value: str
    start: int  # character offsets in the segment
    end: int
    seg: int
    confidence: float = 1.0


@dataclass
class _Sentence:
    seg: int
    span: Span
    reading: app.SentenceReading
    ents: list[_Ent]

    @property
    def start(self) -> int:
        return self.span.start_char

    @property
    def text(self) -> str:
        return self.span.text


@dataclass
class _Candidate:
    value: str
    confidence: float
    raw: str
    box: Box | None
    #: Higher wins a disagreement outright (an address written in the text over the sender's block).
    rank: int = 0
    label: str = TEXT  # where in the letter it was read


class _Fields:
    """Candidate values per field, resolved into FieldValues (two different values: CONFLICT and a note)."""

    def __init__(self) -> None:
        self.candidates: dict[str, list[_Candidate]] = {}
        self.notes: list[str] = []

    def add(self, name: str, value: str | None, confidence: float, raw: str, box: Box | None, rank: int = 0,
            label: str = "") -> None:
        if value:
            self.candidates.setdefault(name, []).append(
                _Candidate(value, confidence, raw, box, rank, label or TEXT))

    def resolve(self, wanted: Iterable[str], key: Callable[[str, str], str]) -> dict[str, FieldValue]:
        out = {}
        for name in wanted:
            cands = self.candidates.get(name)
            if not cands:
                continue
            top = max(c.rank for c in cands)
            best = [c for c in cands if c.rank == top]
            distinct = list(dict.fromkeys(key(name, c.value) for c in best))
            chosen = max(best, key=lambda c: c.confidence)
            confidence = chosen.confidence
            if len(distinct) > 1 and name in _SEVERAL_ALLOWED:
                # A home and a mobile number, a personal and a work address: both the writer's.
                self.notes.append(f"{name}: the letter gives {len(distinct)}; {chosen.value} is used")
            elif len(distinct) > 1:
                confidence = min(confidence, CONFLICT)
                values = list(dict.fromkeys(c.value for c in best))
                self.notes.append(f"{name}: the letter gives {len(values)} different values: {'; '.join(values)}")
            out[name] = FieldValue(name, chosen.value, round(confidence, 4), "text", raw=chosen.raw[:200],
                                   box=chosen.box, label=chosen.label)
        return out


#: Fields for which two values are both right (a home and a mobile number), not a disagreement.
_SEVERAL_ALLOWED = frozenset({"phone", "email"})


def _key(name: str, value: str) -> str:
    if name.endswith("address"):
        return norm.address_key(value)
    if name.endswith("name"):
        return norm.name_key(value)
    return value.upper().replace(" ", "")


_ACCOUNT_CUE = re.compile(r"(?:account|acct|a/c|reference|ref|council tax|ct|number|no)\W*(?:number|no|ref)?\W*"
                          # "the account reference on my bill is", "the number printed on our last statement is"
                          r"(?:(?:shown|printed|given|quoted)?\s*(?:on|in|from)\s+(?:my|our|the|your)\s+(?:[a-z]+\s+)?"
                          r"(?:bill|letter|statement|demand|notice|reminder)\s+)?"
                          # "Council tax account quoted: 6323 1878" (a note of a call)
                          r"(?:quoted|given|confirmed|provided)?\W*(?:as)?\s*(?:is|:|-|was)?\s*$", re.I)
_SINCE = re.compile(r"\b(?:since|from|as of|as from|effect from|effective(?: from)?|starting)\s*(?:the\s+)?$", re.I)
#: "Person who left: Tom Reed" among an email's label lines.
_OTHER_ADULT_LABEL = re.compile(
    r"\b(?:person|adult|partner|who|name)\b[\w\s]{0,25}?\b(?:left|moved out|moved away|has gone)\s*:\s*"
    r"((?:(?:Mr|Mrs|Ms|Miss|Dr|Mx)\.? )?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,3})")
_NAMED = r"((?:(?:Mr|Mrs|Ms|Miss|Dr|Mx)\.? )?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,3})"
#: "my husband Ian Price and I have separated", "I and my partner, Sam Hill, split up": the one the writer
#: separated from, by name.
_SEPARATED_FROM = re.compile(
    r"\b(?:(?:[Mm]y|[Oo]ur) (?:[\w-]+ ){0,2}?(?:" + "|".join(sorted(RELATIONS, key=len, reverse=True)) + r")\b,? "
    + _NAMED + r",? and I\b|\bI and my (?:[\w-]+ ){0,2}?(?:" + "|".join(sorted(RELATIONS, key=len, reverse=True))
    + r")\b,? " + _NAMED + r"\b|\bseparated from (?:my \w+,? )?" + _NAMED + r")")
_DISCOUNT_FROM = re.compile(r"\b(?:from|since|effect from|backdated? (?:it )?to|as of|starting)\s*(?:the\s+)?$", re.I)
_START_CUE = re.compile(r"\b(?:from|starting|start(?:s|ing)? (?:on|from)|commencing|beginning|as of|effect from"
                        r"|valid from|begin(?:ning)? on|start(?:ing)? date\s*:?|date (?:to start|from)\s*:?)"
                        r"\s*(?:on\s+)?(?:the\s+)?$", re.I)
_BANK = re.compile(r"\b(?:bank|sort code|building society|iban|card)\b[^.]*$", re.I)
_VRM_CUE = re.compile(r"(?:reg(?:istration)?|plate|vrm|registration number|number plate|reg\.? no\.?|index)"
                      r"\W*(?:number|no|mark)?\W*"
                      # "the registration number of my car is ...", "the reg of our old camper van is ..."
                      r"(?:(?:of|for|on)\s+(?:my|our|the|his|her|their)\s+(?:[a-z]+\s+){0,3}?(?:car|vehicle|van"
                      r"|motorbike|motorcycle)\s+)?(?:is|:|-)?\s*$", re.I)
_PHONE_CUE = re.compile(r"(?:me|us|tel|telephone|phone|mobile|mob|number|contact|contacted|reached|call|ring|text)"
                        r"\W*(?:is|on|at|:)?\s*$",
                        re.I)


@dataclass
class _Address:
    first_line: str
    postcode: str | None
    whole: str  # as written, to the postcode
    start: int
    end: int
    role: str  # previous, new, current
    owner: str  # self or other
    seg: int


def _addresses(sent: _Sentence, seg: shape.Segment, seg_no: int) -> list[_Address]:
    """Addresses written in a sentence ("I live at 4 Sycamore Way, Formwick FW3 2AB"), with what they are."""
    s0 = sent.span.start_char
    postcodes = [(e.start, e.end, e.value) for e in sent.ents if e.label == "POSTCODE"]
    out = []
    for a in shape.addresses_in(seg.text, postcodes, s0, sent.span.end_char):
        before = shape.clause_before(seg.text, a.start, s0)
        owner = "self"
        if shape.others_address(before):
            owner = "other"
        else:
            cue = _nearest_cue_before(sent, a.start)
            if cue is not None and cue.subject.kind == "other":
                owner = "other"
        out.append(_Address(a.first_line, a.postcode, a.whole, a.start, a.end, shape.address_role(before), owner,
                            seg_no))
    return out


def _nearest_cue_before(sent: _Sentence, char: int) -> app.Cue | None:
    best = None
    for cue in sent.reading.cues:
        if cue.kind in {"MOVE_OUT", "MOVE_IN", "MOVE_TO", "MOVE_BARE", "DEPART", "LIVE_ALONE"} \
                and sent.span[cue.start].idx <= char:
            best = cue
    return best


def _cue_char(sent: _Sentence, cue: app.Cue) -> tuple[int, int]:
    span = sent.span[cue.start:cue.end]
    return span.start_char, span.end_char


def _date_for(sent: _Sentence, cue: app.Cue, taken: set[int] | None = None) -> _Ent | None:
    """The date said of a cue: the first after it in the sentence (before the next cue), else the last before it."""
    start, end = _cue_char(sent, cue)
    later_cues = [sent.span[c.start].idx for c in sent.reading.cues
                  if c.kind in {"MOVE_OUT", "MOVE_IN", "MOVE_TO", "MOVE_BARE", "DEPART", "LIVE_ALONE"}
                  and sent.span[c.start].idx > start]
    stop = min(later_cues, default=sent.span.end_char)
    dates = [e for e in sent.ents if e.label == "DATE"]
    after = [e for e in dates if end <= e.start < stop]
    if after:
        return after[0]
    before = [e for e in dates if e.end <= start and not _other_cue_between(sent, e.end, start)]
    return before[-1] if before else None


def _other_cue_between(sent: _Sentence, a: int, b: int) -> bool:
    return any(a <= sent.span[c.start].idx < b for c in sent.reading.cues
               if c.kind in {"MOVE_OUT", "MOVE_IN", "MOVE_TO", "MOVE_BARE", "DEPART", "LIVE_ALONE"})


def _end_glued_sentences(doc: Doc) -> Doc:
    """End the sentences that the tokenizer glued to the next: it keeps a full stop on "671V." and on "zone A."
    (as on an abbreviation or an initial), so "... is HTA 671V. I would like ..." was one sentence."""
    for i, tok in enumerate(doc[:-1]):
        text = tok.text
        if len(text) < 2 or not text.endswith(".") or not doc[i + 1].text[:1].isupper():
            continue
        code = re.fullmatch(r"[A-Za-z]*\d[A-Za-z\d]*\.", text)  # never an abbreviation: it has a digit
        zone = re.fullmatch(r"[A-Z]\d{0,2}\.", text) and i > 0 and doc[i - 1].lower_ in {"zone", "area", "permit"}
        if code or zone:
            doc[i + 1].is_sent_start = True
    return doc


def _entities(doc: Doc, seg_no: int, reference: dt.date | None) -> tuple[list[_Ent], list[str]]:
    out, yearless = [], []
    for ent in doc.ents:
        read = read_entity(ent.label_, ent.text, reference)
        if read is None:
            if ent.label_ == "DAY_MONTH" and reference is None:
                yearless.append(ent.text)
            continue
        label = "DATE" if ent.label_ == "DAY_MONTH" else ent.label_
        out.append(_Ent(label, ent.text, read[0], ent.start_char, ent.end_char, seg_no, read[1]))
    # A registration that ends a sentence with a letter ("... is HTA 671V.") is tokenised with the full stop, as an
    # abbreviation would be, and the entity ruler never sees it: look for the shapes in the text itself.
    for m in _VRM_SHAPE.finditer(doc.text):
        if any(e.start < m.end() and m.start() < e.end for e in out):
            continue
        read = read_entity("VRM", m[0], reference)
        if read is not None:
            out.append(_Ent("VRM", m[0], read[0], m.start(), m.end(), seg_no, read[1]))
    return out, yearless


#: The three styles of registration (current, prefix, suffix), in capitals, with at most one space.
_VRM_SHAPE = re.compile(
    r"(?<![\w/-])(?:[A-Z]{2}\d{2} ?[A-Z]{3}|[A-Z]\d{1,3} ?[A-Z]{3}|[A-Z]{3} ?\d{1,3}[A-Z])(?![\w/-])")


#: Words right before a date that say it is the move's, as a note of a call writes them.
_MOVE_DATE_SAID = re.compile(r"\b(?:move|moving|removal)\s+date\s*(?:given\s+as|is|was|of|:|-)?\s*$"
                             r"|\bdate\s+of\s+(?:the\s+)?move\s*(?:given\s+as|is|was|:|-)?\s*$", re.I)


#: The one who called, rang or came in, named first in a record of it ("Mr Philip Lugg rang to say ...").
_CALLER = re.compile(r"^((?:(?:Mr|Mrs|Ms|Miss|Dr|Mx)\.? )?(?:[A-Z][a-zA-Z'’-]+ ){1,3}[A-Z][a-zA-Z'’-]+)\s+"
                     r"(?:called|rang|phoned|telephoned|emailed|wrote|visited|came\s+in|attended)\b")


class _Reader:
    """One letter being read: its shape, its sentences, its scores and its fields."""

    def __init__(self, doc: Document, rows: list[shape.Row] | None = None) -> None:
        self.doc = doc
        self.letter = shape.read_letter(doc, shape.rows_of(doc) if rows is None else rows)
        self.segments = _segments(self.letter)
        self.notes: list[str] = []
        nlp = letter_nlp()
        docs = [_end_glued_sentences(d) for d in nlp.pipe(s.text for s in self.segments)]
        self.sentences: list[_Sentence] = []
        yearless: list[str] = []
        all_sents = [sent for d in docs for sent in d.sents]
        self.behalf = app.on_behalf_of(all_sents)
        for n, d in enumerate(docs):
            ents, missing = _entities(d, n, self.letter.date)
            yearless += missing
            for reading in app.read_sentences(d, self.behalf, heading=self.segments[n].kind == "subject"):
                span = reading.sent
                self.sentences.append(_Sentence(n, span, reading, [
                    e for e in ents if span.start_char <= e.start < span.end_char]))
        if yearless:
            self.notes.append("dates without a year were left out (the letter is not dated): "
                              + ", ".join(yearless[:5]))
        self.addresses = [a for s in self.sentences for a in _addresses(s, self.segments[s.seg], s.seg)]

    # ------------------------------------------------------------------ scores

    def scores(self) -> tuple[dict[str, float], app.Evidence]:
        evidence = app.Evidence()
        car_in_letter = any(s.reading.marks.get("CAR") for s in self.sentences) or any(
            e.label == "VRM" for s in self.sentences for e in s.ents)
        for s in self.sentences:
            dated = {c.start for c in s.reading.cues if _date_for(s, c) is not None}
            placed = {c.start for c in s.reading.cues
                      if any(a.seg == s.seg and s.span.start_char <= a.start < s.span.end_char
                             and a.start >= _cue_char(s, c)[0] for a in self.addresses)}
            app.sentence_evidence(s.reading, evidence, car_in_letter=car_in_letter, dated=dated, placed=placed)
        council_tax = any(
            re.search(r"\b(?:council tax|c\.?tax|account|bill|liab\w+|discount|reduction|occupier)\b", s.text, re.I)
            or any(e.label in {"ACCOUNT_REF", "DATE"} for e in s.ents) for s in self.sentences)
        context = {"council_tax_spd": council_tax, "council_tax_move": council_tax or bool(self.addresses)}
        scores = app.score_readings([s.reading for s in self.sentences], evidence, context)
        return scores, evidence

    # ------------------------------------------------------------------ helpers

    def box(self, seg: int, start: int, end: int) -> Box | None:
        return self.segments[seg].box(start, end)

    def ents(self, label: str) -> Iterable[tuple[_Sentence, _Ent]]:
        for s in self.sentences:
            for e in s.ents:
                if e.label == label:
                    yield s, e

    def before(self, s: _Sentence, char: int, width: int = 40) -> str:
        return self.segments[s.seg].text[max(s.span.start_char, char - width):char]

    # ------------------------------------------------------------------ fields for everyone

    def common(self, f: _Fields) -> None:
        letter = self.letter
        behalf = self.behalf
        if behalf is not None:
            signer = letter.signed.value if letter.signed else (letter.headers.get("from", ("", None))[0] or "someone")
            if behalf.name:
                f.add("applicant_name", norm.name(behalf.name).value, INFERRED, behalf.name,
                      self._name_box(behalf.name), rank=3, label=ON_BEHALF)
                self.notes.append(f"applicant_name: the letter is written by {signer} on behalf of their "
                                  f"{behalf.relation or 'relative'}, {behalf.name}")
            else:
                self.notes.append(f"applicant_name: the letter is written by {signer} on behalf of their "
                                  f"{behalf.relation or 'relative'}, who is not named")
        else:
            self._applicant(f)
        # Email: the From header's address, else one in the signature or the text (never the council's).
        if "from" in letter.headers and not _system_sender(letter.headers["from"][0]):
            text, row = letter.headers["from"]
            m = shape.EMAIL.search(text)
            if m:
                f.add("email", m[0], CLEAR, text, row.box, rank=2, label=FROM_HEADER)
        for r in [*letter.signature, *(letter.above if not letter.is_email else [])]:
            for m in shape.EMAIL.finditer(r.text):
                if not _council_email(m[0], letter):
                    f.add("email", m[0].strip("."), PLACED, r.text, r.box, rank=1,
                          label=SIGNATURE if r in letter.signature else SENDER_BLOCK)
        for s, e in self.ents("EMAIL"):
            if not _council_email(e.value, letter):
                f.add("email", e.value, PLACED, e.text, self.box(s.seg, e.start, e.end), rank=1)
        # Phone: in the signature or the sender's block, else one the text says is theirs.
        for r in [*letter.signature, *letter.above]:
            if shape.ORGANISATION.search(r.text):
                continue
            for found in letter.ents(r.text).of("PHONE"):
                f.add("phone", found.value, PLACED, r.text, r.box, rank=1,
                      label=SIGNATURE if r in letter.signature else SENDER_BLOCK)
        for s, e in self.ents("PHONE"):
            if _PHONE_CUE.search(self.before(s, e.start, 30)):
                f.add("phone", e.value, PLACED, e.text, self.box(s.seg, e.start, e.end), rank=1)
        if letter.date_place:
            d = letter.date_place
            f.add("declaration_date", d.value, CLEAR if letter.is_email else PLACED, d.raw, d.box,
                  label=SENT_HEADER if letter.is_email else LETTER_DATE)

    def _applicant(self, f: _Fields) -> None:
        from formwork.checks.base import same_person

        letter = self.letter
        names: list[tuple[str, float, str, Box | None, str]] = []
        if letter.signed:
            names.append((letter.signed.value, PLACED + 0.05, letter.signed.raw, letter.signed.box, SIGNATURE))
        if "from" in letter.headers and not _system_sender(letter.headers["from"][0]):
            text, row = letter.headers["from"]
            display = shape.EMAIL.sub("", text).strip(' "\'<>,()')
            if display and shape.looks_like_name(display, strict=False):
                names.append((norm.name(display).value, PLACED, text, row.box, FROM_HEADER))
        if letter.sender_name:
            names.append((letter.sender_name.value, PLACED - 0.05, letter.sender_name.raw, letter.sender_name.box,
                          SENDER_BLOCK))
        for s in self.sentences:
            # A record of a call or visit names who made it first: "Mrs Bethany Shapland called to apply ..."
            m = _CALLER.match(s.text)
            if m and shape.looks_like_name(m[1], strict=False):
                seg = self.segments[s.seg]
                at = s.span.start_char + m.start(1)
                names.append((norm.name(m[1].strip()).value, PLACED - 0.05, m[1],
                              seg.box(at, at + len(m[1])), TEXT))
                continue
            m = re.search(r"\bmy name is ((?:(?:Mr|Mrs|Ms|Miss|Dr|Mx)\.? )?(?:[A-Z][a-zA-Z'’-]+ ?){1,4})", s.text)
            if m:
                seg = self.segments[s.seg]
                at = s.span.start_char + m.start(1)
                names.append((norm.name(m[1].strip()).value, PLACED - 0.05, m[1],
                              seg.box(at, at + len(m[1])), TEXT))
        if not names:
            return
        first = names[0]
        agree = [n for n in names[1:] if same_person(n[0], first[0]) or shape.initials_agree(n[0], first[0])]
        differ = [n for n in names[1:] if n not in agree]
        # The fullest way the same person is written ("Mrs Jane Smith" over "Jane", "Zofia Thornton" over a
        # signature's "Z. Thornton").
        value, conf, raw, box, label = max([first, *agree], key=lambda n: (*shape.fullness(n[0]), n[1]))
        conf = max(conf, first[1]) if agree else first[1]
        words = value.split()
        if len(words) == 1 or (len(words) == 2 and words[0].lower().rstrip(".") in shape.TITLES):
            conf = min(conf, WEAK)
            self.notes.append(f"applicant_name: only {value!r} is given")
        if differ:
            conf = CONFLICT
            self.notes.append("applicant_name: the letter is signed " + repr(first[0]) + " but also names "
                              + ", ".join(repr(n[0]) for n in differ))
        f.add("applicant_name", value, conf, raw, box, rank=2, label=label)

    def _name_box(self, name: str) -> Box | None:
        for s in self.sentences:
            at = s.text.find(name)
            if at >= 0:
                start = s.span.start_char + at
                return self.box(s.seg, start, start + len(name))
        return None

    def account_ref(self, f: _Fields) -> None:
        """Council tax references the writer quotes (never the council's block, never a quoted message)."""
        for s, e in self.ents("ACCOUNT_REF"):
            before = self.before(s, e.start, 60)
            if _BANK.search(before[-40:]):
                continue  # a bank account, not the council tax one
            cued = bool(_ACCOUNT_CUE.search(before)) or e.text.upper().startswith("CT")
            heading = self.segments[s.seg].kind == "subject"
            f.add("account_ref", e.value, CLEAR if cued else PLACED if heading else WEAK, e.text,
                  self.box(s.seg, e.start, e.end), label=SUBJECT_LINE if heading else TEXT)
        for r in [*self.letter.above, *self.letter.signature]:
            for found in self.letter.ents(r.text).of("ACCOUNT_REF"):
                cued = bool(_ACCOUNT_CUE.search(r.text[:found.start])) or found.text.upper().startswith("CT")
                f.add("account_ref", found.value, PLACED if cued else WEAK, r.text, r.box,
                      label=SIGNATURE if r in self.letter.signature else SENDER_BLOCK)

    def address_for(self, f: _Fields, field_name: str, postcode_name: str, *, roles: tuple[str, ...],
                    sender_confidence: float | None, owner: str = "self", note: str = "",
                    text_wins: bool = True) -> None:
        """``field_name`` and ``postcode_name`` from an address written in the text with one of ``roles``,
        else from the sender's block or signature at ``sender_confidence`` (None: not from there).

        When the text and the sender's address differ, the text wins (``text_wins``: a move's addresses,
        a letter written on someone's behalf) or the two conflict (the address a discount is for).
        """
        written = [a for a in self.addresses if a.role in roles and a.owner == owner]
        rank = 2 if (text_wins or self.behalf) else 1
        for a in written:
            box = self.box(a.seg, a.start, a.end)
            f.add(field_name, norm.text(a.first_line).value, CLEAR, a.whole, box, rank=rank)
            if a.postcode:
                f.add(postcode_name, a.postcode, CLEAR, a.whole, box, rank=rank)
        letter = self.letter
        sender = letter.sender_address
        if sender_confidence is None or (sender is None and letter.sender_postcode is None):
            return
        same = [a for a in written if sender and norm.address_key(a.first_line) == norm.address_key(sender.value)]
        if written and not same and rank == 2:
            return  # the text says which address; the sender's is another
        if sender:
            f.add(field_name, sender.value, sender_confidence, sender.raw, sender.box, rank=1,
                  label=self._sender_label())
            if note and not written:
                self.notes.append(note)
        if letter.sender_postcode and (not written or same or not any(a.postcode for a in written)) \
                and (sender or not written):
            p = letter.sender_postcode
            if not written or same:
                f.add(postcode_name, p.value, sender_confidence, p.raw, p.box, rank=1, label=self._sender_label())

    # ------------------------------------------------------------------ single person discount

    def spd(self, f: _Fields) -> None:
        self.account_ref(f)
        self.address_for(f, "address", "postcode", roles=("current", "previous"),
                         sender_confidence=PLACED if self.letter.sender_from == "block" else PLACED - 0.05,
                         text_wins=False)
        others: list[tuple[str, Box | None]] = []
        for s in self.sentences:
            for cue in s.reading.cues:
                departed = app.departed(s.span, cue)
                alone = cue.kind == "LIVE_ALONE" and cue.subject.kind in {"self", "unknown"}
                if not (departed or alone) or cue.negated or s.reading.framing.query:
                    continue
                d = _date_for(s, cue)
                if d is not None and (departed or _SINCE.search(self.before(s, d.start, 20))):
                    f.add("sole_adult_since", d.value, CLEAR * d.confidence, s.text,
                          self.box(s.seg, d.start, d.end))
                if departed and cue.subject.name:
                    at = s.text.find(cue.subject.name)
                    box = self.box(s.seg, s.span.start_char + at, s.span.start_char + at + len(cue.subject.name)) \
                        if at >= 0 else None
                    others.append((cue.subject.name, box))
            for cue in s.reading.cues:
                if app.separated(s.span, cue) and not cue.negated and (m := _SEPARATED_FROM.search(s.text)):
                    name = next(g for g in m.groups() if g)
                    at = s.span.start_char + m.start(next(k for k, g in enumerate(m.groups(), 1) if g))
                    others.append((name, self.box(s.seg, at, at + len(name))))
            if s.reading.has("SPD_TERM", "DISCOUNT") and not s.reading.framing.query:
                for e in s.ents:
                    if e.label == "DATE" and _DISCOUNT_FROM.search(self.before(s, e.start, 25)):
                        f.add("sole_adult_since", e.value, PLACED * e.confidence, s.text,
                              self.box(s.seg, e.start, e.end))
            if m := _OTHER_ADULT_LABEL.search(s.text):
                at = s.span.start_char + m.start(1)
                others.append((m[1], self.box(s.seg, at, at + len(m[1]))))
        for name, box in others:
            f.add("other_adult_name", norm.name(name).value, CLEAR if len(name.split()) >= 2 else WEAK, name, box)
        for a in self.addresses:
            if a.owner == "other" and a.role in {"new", "current"}:
                f.add("other_adult_forwarding_address", norm.text(a.whole).value, PLACED, a.whole,
                      self.box(a.seg, a.start, a.end))

    # ------------------------------------------------------------------ moving home

    def move(self, f: _Fields) -> None:
        self.account_ref(f)
        ways: dict[str, list[tuple[app.Cue, _Sentence]]] = {"in": [], "out": []}
        for s in self.sentences:
            if s.reading.framing.query:
                continue
            for cue in s.reading.cues:
                if cue.negated:
                    continue
                if cue.kind == "CLOSE_ACCOUNT":
                    ways["out"].append((cue, s))
                elif cue.kind == "OPEN_ACCOUNT":
                    ways["in"].append((cue, s))
                elif cue.subject.kind == "self" and cue.kind in {"MOVE_OUT", "MOVE_IN", "MOVE_TO", "MOVE_BARE",
                                                                   "DEPART"}:
                    way = {"MOVE_OUT": "out", "MOVE_IN": "in", "DEPART": "out"}.get(cue.kind, "move")
                    if cue.kind == "MOVE_IN" and app.moving_in_with(s.span, cue):
                        way = "out"
                    ways.setdefault(way, []).append((cue, s))
        written = {a.role for a in self.addresses if a.owner == "self"}
        outs, ins = len(ways["out"]), len(ways["in"])
        move_type: str | None = None
        confidence = CLEAR
        if outs and not ins:
            move_type = "out"
        elif ins and not outs:
            move_type = "in"
        elif ins and outs:
            closing = any(c.kind == "CLOSE_ACCOUNT" for c, _ in ways["out"])
            opening = any(c.kind == "OPEN_ACCOUNT" for c, _ in ways["in"])
            move_type = "out" if closing and not opening else "in" if opening and not closing else (
                "out" if outs >= ins else "in")
            confidence = INFERRED
            self.notes.append("move_type: the letter tells of moving out of one home and into another")
        elif ways.get("move"):
            # "I have moved to 4 Oak Road": only where to. A forwarding address means the old account ends.
            move_type = "out" if "previous" in written or self.account_refs() else "in"
            confidence = INFERRED
            self.notes.append("move_type: the letter says where to but not whether in or out of the area")
        if move_type:
            cues = ways.get(move_type, []) + ways.get("move", [])
            first = cues[0] if cues else None
            box = None
            if first:
                a, b = _cue_char(first[1], first[0])
                box = self.box(first[1].seg, a, b)
            f.add("move_type", move_type, confidence, first[0].text(first[1].span) if first else move_type, box)
        # The move date: each way's cue with a date.
        for cue, s in [*ways.get(move_type or "", []), *ways.get("move", [])]:
            if cue.kind in {"CLOSE_ACCOUNT", "OPEN_ACCOUNT"}:
                d = _date_for(s, cue)
                if d is None or not re.search(r"\b(?:from|on|as of|at|with effect from)\s*$",
                                              self.before(s, d.start, 20), re.I):
                    continue
            else:
                d = _date_for(s, cue)
            if d is not None:
                f.add("move_date", d.value, CLEAR * d.confidence, s.text, self.box(s.seg, d.start, d.end))
        for s in self.sentences:  # "Move date given as 16 December 2026", "Date of move: ...": a note's words
            for e in s.ents:
                if e.label == "DATE" and _MOVE_DATE_SAID.search(self.before(s, e.start, 30)):
                    f.add("move_date", e.value, PLACED * e.confidence, s.text, self.box(s.seg, e.start, e.end))
        # Where from and where to.
        before_letter = self._moved_before_letter(f)
        if move_type == "out":
            self.address_for(f, "previous_address", "previous_postcode", roles=("previous", "current"),
                             sender_confidence=(INFERRED if before_letter else PLACED - 0.05),
                             note="previous_address: taken from the sender's address" if before_letter else "")
            self.address_for(f, "new_address", "new_postcode", roles=("new",), sender_confidence=None)
            left = {c.value.lower() for c in f.candidates.get("previous_address", [])}
            if "new_address" not in f.candidates and before_letter and "previous" in written and \
                    self.letter.sender_address and self.letter.sender_address.value.lower() not in left:
                # Written from the new home after the move: the sender's address is where they went (unless it
                # is the home they say they left: not yet moved, or still receiving post there).
                p, pc = self.letter.sender_address, self.letter.sender_postcode
                f.add("new_address", p.value, PLACED - 0.05, p.raw, p.box, label=self._sender_label())
                if pc:
                    f.add("new_postcode", pc.value, PLACED - 0.05, pc.raw, pc.box, label=self._sender_label())
        elif move_type == "in":
            after = not before_letter and "move_date" in f.candidates
            self.address_for(f, "new_address", "new_postcode", roles=("new", "current"),
                             sender_confidence=INFERRED if after else PLACED - 0.05,
                             note="new_address: taken from the sender's address" if after else "")
            self.address_for(f, "previous_address", "previous_postcode", roles=("previous",), sender_confidence=None)
            going = {c.value.lower() for c in f.candidates.get("new_address", [])}
            sender = self.letter.sender_address
            if "previous_address" not in f.candidates and not before_letter and going and sender \
                    and sender.value.lower() not in going:
                # Written before moving in, from another address: the home they are leaving.
                pc, where = self.letter.sender_postcode, self._sender_label()
                f.add("previous_address", sender.value, PLACED - 0.05, sender.raw, sender.box, label=where)
                if pc:
                    f.add("previous_postcode", pc.value, PLACED - 0.05, pc.raw, pc.box, label=where)

    def _sender_label(self) -> str:
        return SENDER_BLOCK if self.letter.sender_from == "block" else SIGNATURE

    def _moved_before_letter(self, f: _Fields) -> bool:
        dates = [c.value for c in f.candidates.get("move_date", [])]
        return bool(dates and self.letter.date and max(dates) <= self.letter.date.isoformat())

    def account_refs(self) -> bool:
        return any(True for _ in self.ents("ACCOUNT_REF"))

    # ------------------------------------------------------------------ parking permit

    def permit(self, f: _Fields) -> None:
        # (a home the writer has moved to is where the permit is for: "I have recently moved to 27 Ferndale Road")
        self.address_for(f, "address", "postcode", roles=("current", "new"),
                         sender_confidence=PLACED if self.letter.sender_from == "block" else PLACED - 0.05,
                         text_wins=False)
        car_words = any(s.reading.marks.get("CAR") for s in self.sentences)
        for s, e in self.ents("VRM"):
            cued = bool(_VRM_CUE.search(self.before(s, e.start, 50)))
            current = bool(re.fullmatch(r"[A-Z]{2}\d{2}[A-Z]{3}", e.value))
            conf = CLEAR if cued else PLACED if current and car_words else WEAK
            f.add("vrm", e.value, conf, e.text, self.box(s.seg, e.start, e.end))
        for s in self.sentences:
            car = bool(s.reading.marks.get("CAR")) or bool(s.reading.marks.get("PERMIT_WORD"))
            for _make, a, b in app.car_make(s.text, car):
                start = s.span.start_char + a  # the make as written (forms.md gives it no normal form): "Citroen"
                f.add("vehicle_make", s.text[a:b], PLACED, s.text[a:b], self.box(s.seg, start, s.span.start_char + b))
            for start, end in s.reading.marks.get("ZONE", []):
                zone = self._zone(s.span, start, end)
                if zone:
                    value, a, b = zone
                    f.add("zone", value, CLEAR, s.text[a - s.span.start_char:b - s.span.start_char],
                          self.box(s.seg, a, b))
            permit_sentence = bool(s.reading.of("PERMIT_TERM", "PERMIT_WORD")) or s.reading.framing.request
            for e in s.ents:
                if e.label != "DATE":
                    continue
                cued = bool(_START_CUE.search(self.before(s, e.start, 30)))
                if cued:
                    f.add("start_date", e.value, (CLEAR if permit_sentence else PLACED) * e.confidence, s.text,
                          self.box(s.seg, e.start, e.end))

    @staticmethod
    def _zone(sent: Span, start: int, end: int) -> tuple[str, int, int] | None:
        """The code next to "zone": "zone B", "permit zone C2", "Zone: B2", "the D zone"."""
        j = end
        if j < len(sent) and sent[j].text in {":", "-"}:
            j += 1
        if j < len(sent):
            tok = sent[j]
            t = tok.text.rstrip(".,")
            if re.fullmatch(r"[A-Z]{1,2}\d{0,2}|\d{1,2}[A-Z]?|[a-z]\d{0,2}", t) and t.lower() not in {"is", "in", "i"}:
                try:
                    return norm.zone(t).value, tok.idx, tok.idx + len(t)
                except norm.InvalidValue:
                    return None
        if start > 0:
            tok = sent[start - 1]
            if re.fullmatch(r"[A-Z]\d{0,2}", tok.text):
                return norm.zone(tok.text).value, tok.idx, tok.idx + len(tok.text)
            # a zone the council names, before the word: "for the Hospital zone", "the Town Centre zone"
            k = start
            while k > 0 and start - k < 3 and re.fullmatch(r"[A-Z][a-z]+", sent[k - 1].text) \
                    and sent[k - 1].lower_ not in {"permit", "parking", "residents", "resident", "controlled"}:
                k -= 1
            if k < start and k > 0 and sent[k - 1].lower_ == "the":
                first, last = sent[k], sent[start - 1]
                try:
                    named = norm.zone(sent[k:start].text)
                except norm.InvalidValue:
                    return None
                return named.value, first.idx, last.idx + len(last.text)
        return None


def _council_email(address: str, letter: shape.Letter) -> bool:
    domain = address.rsplit("@", 1)[-1].lower()
    to = letter.headers.get("to", ("", None))[0].lower()
    return ".gov" in domain or (bool(to) and domain in to) or domain.startswith(("council", "formwick"))


# =========================================================================== the API


def read_prose(doc: Document, form_type: str | None = None) -> ProseReading | None:
    """What a letter or email applies for and the fields it gives; None when ``doc`` is not prose.

    ``form_type`` reads the fields of that form type whatever the letter scores (for an extractor
    that has already claimed it); by default they are read for the best-scoring form type, and none
    are read when no form type scores :data:`MIN_SCORE`.

    A document is read once per ``form_type``: each form extractor may ask in ``score`` and again in
    ``extract``, and gets its own copy of the one reading (kept on the document, as its cached
    properties are).
    """
    cache: dict[str | None, ProseReading | None] = doc.__dict__.setdefault("_prose_readings", {})
    if form_type not in cache:
        cache[form_type] = _read_prose(doc, form_type)
    return _copy(cache[form_type])


def _copy(reading: ProseReading | None) -> ProseReading | None:
    if reading is None:
        return None
    return dataclasses.replace(reading, scores=dict(reading.scores), notes=list(reading.notes),
                               fields={k: copy.copy(v) for k, v in reading.fields.items()})


def read_statement(doc: Document, form_type: str) -> ProseReading | None:
    """The fields of ``form_type`` a document that is no letter gives in its sentences: a record of a telephone
    call ("Mrs Bethany Shapland called to apply for the single person discount on her council tax account 6370
    8316 ..."), a caseworker's note. Asked by a form extractor only when the form's labels gave almost nothing."""
    cache: dict[str | None, ProseReading | None] = doc.__dict__.setdefault("_statement_readings", {})
    if form_type not in cache:
        cache[form_type] = _read_prose(doc, form_type, statement=True)
    return _copy(cache[form_type])


def _read_prose(doc: Document, form_type: str | None, statement: bool = False) -> ProseReading | None:
    rows = shape.rows_of(doc)
    if not statement and not shape.looks_like_letter(doc, rows):
        return None
    reader = _Reader(doc, rows)
    letter = reader.letter
    scores, _evidence = reader.scores()
    best = max(scores, key=lambda t: scores[t])
    chosen = form_type or (best if scores[best] >= MIN_SCORE else None)
    notes = list(reader.notes)
    if letter.organisation_signed:
        notes.append("the letter is signed on behalf of an organisation: not a citizen's application")
        scores = {t: round(s * 0.3, 2) for t, s in scores.items()}
        chosen = form_type
    ranked = sorted(scores.values(), reverse=True)
    if chosen and form_type is None and len(ranked) > 1 and ranked[1] >= MIN_SCORE and ranked[1] >= ranked[0] - 0.1:
        second = [t for t, s in scores.items() if s == ranked[1] and t != chosen]
        notes.append(f"the letter reads as an application for {chosen} and almost as much for "
                     f"{second[0] if second else 'another form type'}")
    reading = ProseReading(chosen, scores[chosen] if chosen else scores[best], scores, notes=notes)
    if chosen is None:
        return reading
    if chosen not in FIELDS_BY_FORM:
        raise ValueError(f"no prose reading for form type {chosen!r}")
    f = _Fields()
    reader.common(f)
    {"council_tax_spd": reader.spd, "council_tax_move": reader.move, "parking_permit": reader.permit}[chosen](f)
    reading.fields = f.resolve(FIELDS_BY_FORM[chosen], _key)
    reading.notes.extend(n for n in [*reader.notes, *f.notes] if n not in reading.notes)
    return reading
