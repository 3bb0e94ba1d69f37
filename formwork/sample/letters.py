"""Letters and emails to the council for the sample inbox, with their truth.

Each letter is written by :class:`~formwork.sample.letter_text.Composer`
from a household of the sample council, drawn in one of :data:`STYLES`, and
judged by :class:`CorrespondenceOracle` against the council's records. Faults
(:data:`FAULTS`) are chosen so that every correspondence reason code of
forms.md appears: a letter about two things (``LOW_CONFIDENCE:topic``), one
with no name, no address or an address the gazetteer does not know
(``SENDER_UNKNOWN``), one quoting a reference that does not exist
(``ACCOUNT_NOT_FOUND``).

:func:`add_letters` is the one entry point :mod:`formwork.sample.generate` calls.
Letters use their own random streams, so adding them leaves every other file of
a sample unchanged.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from formwork import reasons as rc
from formwork.normalise import InvalidValue, address_key, normalise
from formwork.sample import words
from formwork.sample.council import Council, Household, Kind
from formwork.sample.letter_text import TOPICS, Composer, LetterText, format_date
from formwork.sample.oracle import Truth

__all__ = ["STYLES", "FAULTS", "LetterSpec", "CorrespondenceOracle", "build_letter", "render_letter",
           "add_letters", "FORM_TYPE"]

FORM_TYPE = "correspondence"
STYLES = ("formal", "block", "email", "typed")
#: What can be wrong with a letter, and the reason codes each causes.
FAULTS: dict[str, tuple[str, ...]] = {
    "mixed_topics": (rc.with_field(rc.LOW_CONFIDENCE, "topic"),),
    "unsigned": (rc.SENDER_UNKNOWN,),
    "no_address": (rc.SENDER_UNKNOWN,),
    "unknown_address": (rc.SENDER_UNKNOWN,),
    "wrong_ref": (rc.ACCOUNT_NOT_FOUND,),
    "wrong_ref_no_address": (rc.SENDER_UNKNOWN, rc.ACCOUNT_NOT_FOUND),
}
#: Clean variants: how a letter that should be routed may still differ.
CLEAN_VARIANTS = ("plain", "plain", "plain", "ref_only", "abbreviated", "lower_postcode")
CLEAN_SHARE = 0.6

_W, _H = A4
_PEOPLE_KINDS = (Kind.SINGLE, Kind.COUPLE, Kind.SINGLE_SPD, Kind.FAMILY, Kind.COUPLE_ONE_REGISTERED,
                 Kind.SINGLE_WITH_ADULT, Kind.SHARED, Kind.UNREGISTERED)
_RECIPIENTS = (("Revenues and Benefits", "{council}", "Town Hall", "Market Street", "Formwick", "FW1 1AA"),
               ("Customer Services", "{council}", "Civic Centre", "Formwick", "FW1 2AB"),
               ("The Complaints Team", "{council}", "PO Box 100", "Formwick", "FW2 9ZZ"),
               ("Waste Services", "{council}", "Depot Road", "Kelbridge", "FW9 4AA"),
               ("Freedom of Information Officer", "{council}", "Town Hall", "Formwick", "FW1 1AA"))
_SIGN_OFFS = ("Yours sincerely,", "Yours faithfully,", "Kind regards,", "Regards,", "Many thanks,",
              "Best wishes,", "Thank you,")
_EMAIL_SIGN_OFFS = ("Thanks,", "Regards,", "Kind regards,", "Many thanks,", "Best wishes,", "Thank you,")
_SALUTATIONS = ("Dear Sir or Madam,", "Dear Sir/Madam,", "To whom it may concern,", "Dear Council Tax Team,",
                "Dear Customer Services,")
_EMAIL_SALUTATIONS = ("Hello,", "Hi,", "Dear Sir or Madam,", "Good morning,", "")


@dataclass
class LetterSpec:
    """One letter: who, what, how it is drawn, and what the truth should say of it."""

    style: str
    fault: str | None
    variant: str
    text: LetterText
    letter_date: dt.date | None
    sent: dt.date
    #: What the letter shows of the sender ("" when not shown).
    block_name: str
    signed_name: str
    email_from: str
    address: str
    town: str
    postcode: str
    ref: str | None
    phone: str
    email: str
    council: str
    recipient: tuple[str, ...] = field(default_factory=tuple)


def _title(person_female: bool, rng: random.Random) -> str:
    return rng.choice(words.TITLES_FEMALE if person_female else words.TITLES_MALE)


def _email(first: str, surname: str, rng: random.Random) -> str:
    user = rng.choice((f"{first}.{surname}", f"{first[0]}{surname}", f"{first}{rng.randint(1, 99)}",
                       f"{surname}.{first[0]}"))
    domain = rng.choice(("example.com", "example.org", "mail.example.net"))
    return f"{user.lower().replace(' ', '').replace(chr(39), '')}@{domain}"


def build_letter(council: Council, as_of: dt.date, fault: str | None, style: str, rng: random.Random,
                 refs: set[str]) -> LetterSpec:
    """A letter from a household of ``council`` with ``fault`` (None: clean), drawn in ``style``."""
    kinds = [k for k in _PEOPLE_KINDS if council.households.get(k)]
    household: Household = rng.choice(council.households[rng.choice(kinds)])
    person = household.liable[0]
    prop = household.property
    sent = as_of - dt.timedelta(days=rng.randint(2, 20))
    dated = style == "email" or rng.random() < 0.85
    mixed = None
    topic = rng.choice(TOPICS)
    if fault == "mixed_topics":
        mixed = rng.choice([t for t in TOPICS if t != topic])
    variant = rng.choice(CLEAN_VARIANTS) if fault is None else "plain"

    ref: str | None = None
    wants_ref = (topic == "council_tax_query" and rng.random() < 0.7) or rng.random() < 0.15
    if fault in ("wrong_ref", "wrong_ref_no_address"):
        while True:
            ref = str(rng.randint(40_000_000, 49_999_999))
            if ref not in refs:
                break
    elif variant == "ref_only" or (wants_ref and fault not in ("no_address", "unknown_address")):
        ref = household.account.account_ref

    address, postcode, town = prop.address_line_1, prop.postcode, prop.town
    if variant == "abbreviated":
        for full, short in words.STREET_ABBREVIATIONS.items():
            if address.endswith(" " + full):
                address = address[: -len(full)] + short
                break
    if variant == "lower_postcode":
        postcode = postcode.lower() if rng.random() < 0.5 else postcode.replace(" ", "")
    if fault == "unknown_address":
        # Somewhere outside the district: not in the gazetteer.
        address = f"{rng.randint(1, 120)} {rng.choice(words.STREET_STEMS)} {rng.choice(words.STREET_SUFFIXES)}"
        postcode = f"{rng.choice(words.OUTSIDE_OUTWARD)} {rng.randint(1, 9)}{rng.choice(words.INWARD_LETTERS)}" \
                   f"{rng.choice(words.INWARD_LETTERS)}"
        town = rng.choice(words.DESTINATIONS)
    if variant == "ref_only" or fault in ("no_address", "wrong_ref_no_address"):
        address = postcode = town = ""

    full = person.full_name
    titled = f"{_title(person.female, rng)} {full}" if rng.random() < 0.4 else full
    block_name = signed = email_from = ""
    if fault != "unsigned":
        if style == "email":
            email_from = titled if rng.random() < 0.2 else full
            signed = rng.choice((person.first, full, ""))
        else:
            signed = full
            block_name = titled if style in ("formal", "block") and rng.random() < 0.6 else ""
    text = Composer(rng, "all").letter(topic, sent, ref=ref, dated=dated, mixed_with=mixed,
                                       street=prop.street)
    recipient = tuple(x.format(council=council.name) for x in rng.choice(_RECIPIENTS))
    phone = rng.choice(("01632 960", "07700 900", "01632960", "07700900")) + f"{rng.randint(0, 999):03d}"
    return LetterSpec(style, fault, variant, text, sent if dated else None, sent, block_name, signed, email_from,
                      address, town, postcode, ref, phone if rng.random() < 0.5 else "",
                      _email(person.first, person.surname, rng), council.name, recipient)


# --------------------------------------------------------------------------- truth


@dataclass
class CorrespondenceOracle:
    """forms.md's correspondence contract, as the simplest code that could be right.

    Settled here where forms.md is silent (and so in the pipeline):

    - ``sender_name`` is the fullest way the letter names its writer: the name
      in the address block or the ``From:`` header, or the one under the
      sign-off, whichever has more words (the block's on a tie);
    - ``address`` is the first line of the sender's address as written;
    - ``dates_mentioned`` are the letter's own date (its date line, an email's
      ``Sent:``) and then the dates in the body, each once, in reading order; a
      date written without a year takes the year that puts it on or before the
      letter's date, or up to 31 days after it (:func:`extractors.text.infer_year`);
    - the sender is known when the letter names them and either the address
      and postcode are a property in the gazetteer or the quoted account exists;
    - a letter about two topics is ``LOW_CONFIDENCE:topic``; its ``topic`` is the first.
    """

    council: Council

    def __post_init__(self) -> None:
        self._by_postcode: dict[str, list[str]] = {}
        for p in self.council.properties:
            self._by_postcode.setdefault(p.postcode, []).append(address_key(p.address_line_1))

    def judge(self, letter: LetterSpec) -> Truth:
        fields: dict[str, object] = {"topic": letter.text.topic, "body": " ".join(letter.text.body.split())}
        names = [n for n in (letter.block_name or letter.email_from, letter.signed_name) if n]
        if names:
            fields["sender_name"] = max(names, key=lambda n: len(n.split()))
        if letter.address:
            fields["address"] = letter.address
        postcode = None
        if letter.postcode:
            try:
                postcode = normalise("postcode", letter.postcode).value
            except InvalidValue:
                postcode = None
            if postcode:
                fields["postcode"] = postcode
        if letter.ref:
            fields["account_ref"] = letter.ref
        own = [letter.letter_date.isoformat()] if letter.letter_date else []
        if own or letter.text.dates:
            fields["dates_mentioned"] = list(dict.fromkeys([*own, *letter.text.dates]))
        reasons: list[str] = []
        if letter.text.mixed_with:
            reasons.append(rc.with_field(rc.LOW_CONFIDENCE, "topic"))
        at_address = bool(letter.address and postcode
                          and address_key(letter.address) in self._by_postcode.get(postcode, ()))
        account = letter.ref is not None and letter.ref in self.council.accounts_by_ref
        if "sender_name" not in fields or not (at_address or account):
            reasons.append(rc.SENDER_UNKNOWN)
        if letter.ref and not account:
            reasons.append(rc.ACCOUNT_NOT_FOUND)
        return Truth(FORM_TYPE, fields, "exception" if reasons else "approved", reasons)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- drawing


@dataclass
class _Pen:
    c: Canvas
    font: str
    bold: str
    size: float
    left: float = 60.0
    right: float = _W - 60.0
    y: float = _H - 60.0

    def line(self, text: str, *, right: bool = False, bold: bool = False, gap: float = 1.35) -> None:
        self._room()
        self.c.setFont(self.bold if bold else self.font, self.size)
        if right:
            self.c.drawRightString(self.right, self.y, text)
        else:
            self.c.drawString(self.left, self.y, text)
        self.y -= self.size * gap

    def at(self, x: float, text: str) -> None:
        self._room()
        self.c.setFont(self.font, self.size)
        self.c.drawString(x, self.y, text)
        self.y -= self.size * 1.35

    def skip(self, lines: float = 1.0) -> None:
        self.y -= self.size * 1.35 * lines

    def paragraph(self, text: str) -> None:
        for ln in simpleSplit(text, self.font, self.size, self.right - self.left):
            self.line(ln)
        self.skip(0.7)

    def _room(self) -> None:
        if self.y < 70:
            self.c.showPage()
            self.y = _H - 60.0


def _address_lines(letter: LetterSpec, with_name: bool) -> list[str]:
    lines = [letter.block_name] if with_name and letter.block_name else []
    if letter.address:
        lines += [letter.address, letter.town, letter.postcode]
    return [ln for ln in lines if ln]


def render_letter(letter: LetterSpec, rng: random.Random) -> bytes:
    """The letter as a PDF in its style."""
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, invariant=1, pageCompression=1)
    c.setTitle(letter.text.subject)
    font, bold = rng.choice((("Helvetica", "Helvetica-Bold"), ("Times-Roman", "Times-Bold")))
    if letter.style == "typed":
        font, bold = "Courier", "Courier-Bold"
    pen = _Pen(c, font, bold, rng.choice((10.0, 10.5, 11.0)))
    c.setFillColor(colors.black)
    _STYLES[letter.style](pen, letter, rng)
    c.showPage()
    c.save()
    return buf.getvalue()


def _date_line(letter: LetterSpec, rng: random.Random) -> str:
    assert letter.letter_date is not None
    d = letter.letter_date
    return rng.choice((format_date(d, rng, yearless=False), f"{d:%A} {d.day} {d:%B %Y}", f"Date: {d:%d/%m/%Y}"))


def _body(pen: _Pen, letter: LetterSpec, salutation: str, sign_off: str) -> None:
    if salutation:
        pen.line(salutation)
        pen.skip(0.6)
    for para in letter.text.paragraphs:
        pen.paragraph(para)
    pen.line(sign_off)
    pen.skip(1.8)  # room to sign
    if letter.signed_name:
        pen.line(letter.signed_name)


def _formal(pen: _Pen, letter: LetterSpec, rng: random.Random) -> None:
    """Sender top right, date under it, council on the left, "Re:" line, then the letter."""
    for ln in _address_lines(letter, with_name=True):
        pen.line(ln, right=True)
    pen.skip()
    if letter.letter_date:
        pen.line(_date_line(letter, rng), right=True)
        pen.skip()
    for ln in letter.recipient:
        pen.line(ln)
    pen.skip()
    pen.line(f"Re: {letter.text.subject}", bold=True)
    pen.skip(0.6)
    _body(pen, letter, rng.choice(_SALUTATIONS), rng.choice(_SIGN_OFFS))


def _block(pen: _Pen, letter: LetterSpec, rng: random.Random) -> None:
    """Everything on the left: sender, date, council, then the letter; contact details under the name."""
    for ln in _address_lines(letter, with_name=True):
        pen.line(ln)
    pen.skip()
    if letter.letter_date:
        pen.line(_date_line(letter, rng))
        pen.skip()
    for ln in letter.recipient:
        pen.line(ln)
    pen.skip()
    _body(pen, letter, rng.choice(_SALUTATIONS), rng.choice(_SIGN_OFFS))
    if letter.phone:
        pen.line(f"Tel: {letter.phone}")


def _typed(pen: _Pen, letter: LetterSpec, rng: random.Random) -> None:
    """A typewriter-style letter: address (no name) indented right of centre, no recipient block."""
    x = _W / 2 + rng.uniform(10, 60)
    for ln in _address_lines(letter, with_name=False):
        pen.at(x, ln)
    if letter.letter_date:
        pen.skip()
        pen.at(x, _date_line(letter, rng))
    pen.skip(2)
    pen.line(f"Subject: {letter.text.subject}")
    pen.skip(0.6)
    _body(pen, letter, rng.choice(_SALUTATIONS), rng.choice(_SIGN_OFFS))


def _email_style(pen: _Pen, letter: LetterSpec, rng: random.Random) -> None:
    """An email printed to PDF: headers, a rule, the message, a signature that may hold the address."""
    d = letter.sent
    hour, minute = rng.randint(7, 22), rng.randint(0, 59)
    sender = f"{letter.email_from} <{letter.email}>" if letter.email_from else letter.email
    domain = "formwick.gov.example"
    team = rng.choice(("counciltax", "customer.services", "waste", "foi", "complaints"))
    pen.size = 10.0
    pen.line(f"From: {sender}")
    pen.line(f"Sent: {d:%A}, {d.day} {d:%B %Y} {hour:02d}:{minute:02d}")
    pen.line(f"To: {team}@{domain}")
    pen.line(f"Subject: {letter.text.subject}")
    pen.c.setStrokeColor(colors.grey)
    pen.c.line(pen.left, pen.y + 4, pen.right, pen.y + 4)
    pen.skip(1)
    _body(pen, letter, rng.choice(_EMAIL_SALUTATIONS), rng.choice(_EMAIL_SIGN_OFFS))
    if letter.address:
        for ln in (letter.address, letter.town, letter.postcode):
            pen.line(ln)
    if letter.phone:
        pen.line(f"Mobile: {letter.phone}")


_STYLES: dict[str, Callable[[_Pen, LetterSpec, random.Random], None]] = {
    "formal": _formal, "block": _block, "email": _email_style, "typed": _typed,
}


# --------------------------------------------------------------------------- the sample's letters


def plan_letters(n: int, rng: random.Random) -> list[tuple[str | None, str]]:
    """``(fault, style)`` for ``n`` letters: a fixed share clean, the faults and styles spread evenly."""
    n_clean = round(n * CLEAN_SHARE)
    faults: list[str | None] = [None] * n_clean
    names = list(FAULTS)
    while len(faults) < n:
        faults += rng.sample(names, len(names))
    faults = faults[:n]
    styles = [STYLES[i % len(STYLES)] for i in range(n)]
    rng.shuffle(faults)
    rng.shuffle(styles)
    return list(zip(faults, styles, strict=True))


def add_letters(council: Council, as_of: dt.date, n: int, seed: int,
                rng_for: Callable[[int, str], random.Random]) -> list[tuple[str, bytes, Truth, dict[str, object]]]:
    """``n`` letters for the inbox: ``(file name, PDF, truth, manifest entry)`` each."""
    rng = rng_for(seed, "letters")
    refs = set(council.accounts_by_ref)
    oracle = CorrespondenceOracle(council)
    out: list[tuple[str, bytes, Truth, dict[str, object]]] = []
    width = max(4, len(str(n)))
    for i, (fault, style) in enumerate(plan_letters(n, rng), 1):
        name = f"letter_{i:0{width}d}.pdf"
        letter = build_letter(council, as_of, fault, style, rng_for(seed, f"letter:{name}"), refs)
        truth = oracle.judge(letter)
        expected = set(FAULTS[fault]) if fault else set()
        if set(truth.reasons) != expected:
            raise AssertionError(f"letter built with {fault} but the truth says {truth.reasons}")
        pdf = render_letter(letter, rng_for(seed, f"render:{name}"))
        out.append((name, pdf, truth, {"kind": "letter", "layout": style, "faults": [fault] if fault else [],
                                        "topic": letter.text.topic, "variant": letter.variant}))
    return out



def letter_counts(files: dict[str, dict[str, object]]) -> dict[str, object]:
    """sample.json's counts for the letters: per style, fault and topic."""
    from collections import Counter

    def count(key: str) -> dict[str, int]:
        return dict(sorted(Counter(str(v[key]) for v in files.values()).items()))

    faults = Counter(str(f) for v in files.values() for f in v["faults"])  # type: ignore[attr-defined]
    return {"styles": count("layout"), "topics": count("topic"), "faults": dict(sorted(faults.items())),
            "clean": sum(1 for v in files.values() if not v["faults"])}
