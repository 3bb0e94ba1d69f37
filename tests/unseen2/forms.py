"""A second held-out set of single person discount (SPD) applications, as another council would print them.

Written apart from ``formwork.sample``, ``tests/unseen`` and the extractors: the
layouts and label wordings here are our own, chosen as a different council's
forms designer would. Eight layouts:

``two_page``
    page 1 the property and the applicant, page 2 the change and the
    declaration; every page carries a header and footer with the council's own
    address, phone, email and a form code (postcode- and phone-like text that
    is not the applicant's).
``dotted``
    either dotted leaders ("Account number ........ 4001 2345") or answers in
    small inline boxes with the label printed to the RIGHT of the box.
``table4``
    a ruled table of four columns: label, answer, label, answer; the change
    description spans the last three cells.
``tick_fill``
    "label: answer" lines mixed with tick-box questions ("Are you the only
    adult living at the property?  [x] Yes  [ ] No"), drawn squares or
    ballot-box glyphs.
``acro_grid3``
    a fillable form, labels ABOVE the boxes in a three-column grid, widgets
    named the way authoring tools name them (``Text7``, ``fill_3``); optional
    widgets often left empty.
``scanned``
    an OCR'd-scan look: each word drawn on its own with irregular gaps and a
    vertical jitter of up to 1.5pt, the page sometimes turned by a fraction of
    a degree.
``bilingual``
    Welsh/English labels ("Rhif cyfrif / Account number", or Welsh above
    English); the English part alone must be enough.
``letter``
    a free-text letter asking for the discount. Since issue 15 a letter that
    applies is an application of its form type, read from its sentences and
    checked like a form: its truth is the ``council_tax_spd`` fields it gives
    (no ``change_description``: a letter has no separate answer to "what
    changed") and the outcome the checks give them. (Until then a letter was
    correspondence, never approved.)

Every form is about a real account of a ``formwork sample`` records workbook;
the expected outcome and reasons are worked out here from forms.md (see
:func:`expected`). ``python -m tests.unseen2.forms RECORDS.xlsx OUT_DIR`` writes a
sample by hand.
"""

from __future__ import annotations

import io
import json
import random
import sys
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

FIELDS = ("account_ref", "applicant_name", "address", "postcode", "sole_adult_since", "other_adult_name",
          "other_adult_forwarding_address", "change_description", "phone", "email", "declaration_date")
REQUIRED = ("account_ref", "applicant_name", "address", "postcode", "sole_adult_since", "declaration_date")
LAYOUTS = ("two_page", "dotted", "table4", "tick_fill", "acro_grid3", "scanned", "bilingual", "letter")
FORM_LAYOUTS = LAYOUTS[:-1]
#: One of each, spread two to a form layout (14 = 7 layouts x 2).
FAULTS = ("ACCOUNT_NOT_FOUND", "NAME_MISMATCH", "ADDRESS_MISMATCH", "DATE_TOO_OLD", "DATE_IN_FUTURE",
          "OTHER_ADULTS_REGISTERED", "INCONSISTENT_DATES", "MISSING_FIELD:postcode",
          "MISSING_FIELD:sole_adult_since", "MISSING_FIELD:declaration_date", "MISSING_FIELD:applicant_name",
          "INVALID_FORMAT:account_ref", "INVALID_FORMAT:postcode", "INVALID_FORMAT:sole_adult_since")
LETTER_FAULTS = (None, None, None, "NAME_MISMATCH", "DATE_TOO_OLD", "OTHER_ADULTS_REGISTERED")
BACKDATING_DAYS = 365
TITLES_OF_ADDRESS = ("mr", "mrs", "ms", "miss", "dr", "mx")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")

# --------------------------------------------------------------------------- wording (a different council's)

LABELS: dict[str, tuple[str, ...]] = {
    "account_ref": ("Account number", "Council Tax bill reference", "CT acct no", "Billing account reference",
                    "Liability reference", "Council Tax payer reference"),
    "applicant_name": ("Name of council taxpayer", "Your name in full", "Claimant's name", "Name of liable person",
                       "Applicant's full name", "Taxpayer name"),
    "address": ("Address of the dwelling", "House number and street", "Address (first line)",
                "Premises address", "Property to which this claim relates"),
    "postcode": ("Postcode", "Property postcode", "Postcode of the dwelling", "P/code"),
    "sole_adult_since": ("Date you began living alone", "Only adult resident from", "Effective date of change",
                         "Single occupancy from", "I have been the only adult here since"),
    "other_adult_name": ("Name of adult who has moved out", "Name of former resident", "Previous adult occupier",
                         "Person who left (full name)", "Name of the other person who lived with you"),
    "other_adult_forwarding_address": ("Where they now live", "New address of former resident",
                                       "Forwarding address of that person", "Moved to (address)"),
    "change_description": ("Reason for change", "Why are you now the only adult?", "Reason you are now living alone",
                           "Circumstances of the change", "Please give details"),
    "phone": ("Tel no.", "Telephone (daytime)", "Contact phone number", "Mobile number", "Phone"),
    "email": ("Email (optional)", "Your e-mail address", "Email contact", "E-mail address"),
    "declaration_date": ("Date of signature", "Signed date", "Date completed", "Dated this", "Date"),
}
#: Welsh beside the English; the English (one of LABELS or a plain variant) is what matters.
WELSH: dict[str, tuple[tuple[str, str], ...]] = {
    "account_ref": (("Rhif cyfrif", "Account number"), ("Cyfeirnod y Dreth Gyngor", "Council Tax reference")),
    "applicant_name": (("Enw llawn", "Full name"), ("Enw'r ymgeisydd", "Applicant's name")),
    "address": (("Cyfeiriad yr eiddo", "Property address"), ("Cyfeiriad (llinell gyntaf)", "Address (first line)")),
    "postcode": (("Cod post", "Postcode"),),
    "sole_adult_since": (("Yr unig oedolyn ers", "Only adult since"),
                         ("Dyddiad dechrau byw ar eich pen eich hun", "Date you started living alone")),
    "other_adult_name": (("Enw'r person a symudodd allan", "Name of person who moved out"),),
    "other_adult_forwarding_address": (("Cyfeiriad newydd y person hwnnw", "Their new address"),),
    "change_description": (("Beth sydd wedi newid?", "What has changed?"),),
    "phone": (("Rhif ffôn", "Telephone number"),),
    "email": (("Cyfeiriad e-bost", "Email address"),),
    "declaration_date": (("Dyddiad", "Date"), ("Dyddiad llofnodi", "Date signed")),
}
HINTS = {"account_ref": "(top right of your bill)", "sole_adult_since": "(the day the last other adult left)",
         "declaration_date": "(dd/mm/yyyy)"}
COUNCILS = (
    ("Thornbury Vale District Council", "Revenues Service, Guildhall, High Street, Thornbury FW1 1GH",
     "01632 960450", "ctax@thornburyvale.gov.uk"),
    ("Eastmere City Council", "Council Tax, PO Box 77, Eastmere FW20 4LT", "0300 303 1177",
     "counciltax@eastmere.gov.uk"),
    ("Holmdale Borough Council", "Local Taxation Office, Town Hall Square, Holmdale FW8 3DE", "01632 988100",
     "revenues@holmdale.gov.uk"),
)
WELSH_COUNCIL = ("Cyngor Bwrdeistref Sirol Formwy / Formwy County Borough Council",
                 "Canolfan Ddinesig, Stryd y Farchnad / Civic Centre, Market Street, Formwy FW30 1CC",
                 "01632 961234", "trethcyngor@formwy.gov.wales")
TITLES = ("Council Tax \u2013 Single Person Discount Claim", "Claim for 25% Discount (One Adult Household)",
          "Single Person Discount: Application", "Request for Council Tax Sole Occupier Discount",
          "Council Tax Discount \u2013 Living Alone")
CODES = ("CTD/SPD-3", "REV 114", "SPD1 (04/26)", "LT-CTX-09")
DECLARATION = ("I certify that I am the only person aged 18 or over living at the address given. I understand that "
               "I must notify the council within 21 days if this changes and that giving false information is an "
               "offence.")
OTHER_FIRST = ("Imogen", "Dafydd", "Bartosz", "Chloe", "Nnamdi", "Eilidh", "Reuben", "Farah", "Gethin", "Maisie")
OTHER_LAST = ("Ashworth", "Kowalczyk", "Pritchard", "Adeyemi", "Fairbairn", "Lloyd-Evans", "Nakamura", "Tremlett")
PLACES = (("7 Chapel Row", "Lancaster LA1 3EJ"), ("Flat 2, 19 Dock Street", "Hull HU1 3DL"),
          ("44 Beech Grove", "Harrogate HG2 0ET"), ("3 Mill Cottages", "Truro TR1 2AX"),
          ("112 Whitworth Road", "Rochdale OL12 0PA"))
STORIES = ("{other} has moved out permanently.", "{other} and I have separated and they now live elsewhere.",
           "{other} has moved into a flat of their own.", "{other} has gone into residential care.",
           "My partner {other} passed away.")
STORIES_UNNAMED = ("I now live on my own.", "The other adult has moved out.", "My tenant left and was not replaced.")
STORIES_DATED = ("{other} moved out on {date}.", "{other} left the property on {date} and will not be returning.",
                 "Since {date} I have lived here alone because {other} moved away.")
YES_NO = ("Are you the only adult living at the property?", "Is anyone else aged 18 or over living with you?",
          "Are you claiming any other discount or exemption?", "Has the other adult moved out permanently?",
          "Do you receive Council Tax Reduction?")

# --------------------------------------------------------------------------- records


@dataclass
class Account:
    ref: str
    uprn: int
    liable: list[str]
    status: str
    discounts: list[str]


@dataclass
class Records:
    props: dict[int, tuple[str, str, str]]  # uprn -> line 1, town, postcode
    accounts: dict[str, Account]
    electors: dict[int, list[str]]

    @classmethod
    def read(cls, path: Path) -> Records:
        wb = load_workbook(path, read_only=True)
        props = {int(r[0]): (str(r[1]), str(r[3]), str(r[4]))
                 for r in wb["properties"].iter_rows(min_row=2, values_only=True) if r[0]}
        accounts = {}
        for r in wb["council_tax_accounts"].iter_rows(min_row=2, values_only=True):
            r = (*r, None, None, None, None)  # read-only mode drops empty trailing cells
            if r[0]:
                liable = [p.strip() for p in str(r[2]).split(";") if p.strip()]
                discounts = [d.strip() for d in str(r[6] or "").split(";") if d.strip()]
                accounts[str(r[0])] = Account(str(r[0]), int(r[1]), liable, str(r[3]), discounts)
        electors: dict[int, list[str]] = defaultdict(list)
        for r in wb["electoral_register"].iter_rows(min_row=2, values_only=True):
            if r[0]:
                electors[int(r[2])].append(str(r[1]))
        return cls(props, accounts, dict(electors))


def name_key(name: str) -> str:
    words = name.replace(".", " ").split()
    if words and words[0].casefold() in TITLES_OF_ADDRESS:
        words = words[1:]
    return " ".join(words).casefold()


# --------------------------------------------------------------------------- what a form says


@dataclass
class Form:
    file: str
    layout: str
    variant: str
    fault: str | None
    written: dict[str, str]  # field -> as printed (absent: left blank)
    truth: dict[str, str]  # field -> normal form (absent: blank or unusable)
    town: str
    form_type: str | None = "council_tax_spd"
    reasons: list[str] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)
    widgets: dict[str, str] = field(default_factory=dict)
    move_out: str | None = None  # the move-out date the change description names (ISO)
    letter_spd_reasons: list[str] = field(default_factory=list)  # letters: what an SPD form saying so would get

    @property
    def outcome(self) -> str:
        return "exception" if self.reasons or self.form_type is None else "approved"

    def truth_row(self) -> dict[str, Any]:
        return {"file": self.file, "form_type": self.form_type,
                "fields": self.truth if self.form_type else {}, "outcome": self.outcome,
                "reasons": self.reasons, "layout": self.layout, "variant": self.variant, "fault": self.fault,
                "labels": self.labels, "widgets": self.widgets, "written": self.written,
                "letter_spd_reasons": self.letter_spd_reasons}


def ordinal(n: int) -> str:
    return f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def write_date(rng: random.Random, d: date) -> str:
    m = MONTHS[d.month - 1]
    return rng.choice((f"{d.day:02d}/{d.month:02d}/{d.year}", f"{d.day}/{d.month}/{d.year}",
                       f"{d.day:02d}-{d.month:02d}-{d.year}", f"{d.day:02d}.{d.month:02d}.{d.year}",
                       f"{d.day} {m} {d.year}", f"{ordinal(d.day)} {m} {d.year}", f"{m} {d.day}, {d.year}",
                       d.isoformat()))


def write_ref(rng: random.Random, ref: str) -> str:
    return rng.choice((ref, f"{ref[:4]} {ref[4:]}", f"{ref[:4]}-{ref[4:]}", f"CT{ref}"))


def write_postcode(rng: random.Random, pc: str) -> str:
    return rng.choice((pc, pc, pc.replace(" ", ""), pc.lower()))


def expected(form: Form, records: Records, as_of: date) -> list[str]:
    """The reason codes forms.md calls for. A check that needs a field the form lacks is skipped."""
    f = form.truth
    reasons = [f"MISSING_FIELD:{n}" for n in REQUIRED if n not in form.written]
    reasons += [f"INVALID_FORMAT:{n}" for n in REQUIRED if n in form.written and n not in f]
    acct = records.accounts.get(f["account_ref"]) if "account_ref" in f else None
    if "account_ref" in f and acct is None:
        reasons.append("ACCOUNT_NOT_FOUND")
    applicant = f.get("applicant_name")
    if acct is not None:
        if acct.status != "active":
            reasons.append("ACCOUNT_CLOSED")
        if applicant and name_key(applicant) not in {name_key(p) for p in acct.liable}:
            reasons.append("NAME_MISMATCH")
        line1, _, pc = records.props[acct.uprn]
        if ("postcode" in f and f["postcode"] != pc) or (
                "address" in f and f["address"].casefold() != line1.casefold()):
            reasons.append("ADDRESS_MISMATCH")
        if "SPD" in acct.discounts:
            reasons.append("DISCOUNT_ALREADY_APPLIED")
        if applicant:
            known = {name_key(applicant)} | ({name_key(f["other_adult_name"])} if "other_adult_name" in f else set())
            if any(name_key(e) not in known for e in records.electors.get(acct.uprn, ())):
                reasons.append("OTHER_ADULTS_REGISTERED")
    if "sole_adult_since" in f:
        since = date.fromisoformat(f["sole_adult_since"])
        if since > as_of:
            reasons.append("DATE_IN_FUTURE")
        elif (as_of - since).days > BACKDATING_DAYS:
            reasons.append("DATE_TOO_OLD")
        if form.move_out and form.move_out != f["sole_adult_since"]:
            reasons.append("INCONSISTENT_DATES")
    return reasons


def _household(records: Records, acct: Account) -> tuple[str, list[str]] | None:
    """(applicant, other electors at the property) for an active account without a discount."""
    if acct.status != "active" or acct.discounts or not acct.liable:
        return None
    electors = records.electors.get(acct.uprn, [])
    best: tuple[str, list[str]] | None = None
    for applicant in acct.liable:
        rest = [e for e in electors if name_key(e) != name_key(applicant)]
        if best is None or len(rest) < len(best[1]):
            best = (applicant, rest)
    return best


def plan(records: Records, seed: int, as_of: date, per_layout: int = 6) -> list[Form]:
    rng = random.Random(seed)
    households = [(a, h) for a in sorted(records.accounts.values(), key=lambda a: a.ref)
                  if (h := _household(records, a)) is not None]
    rng.shuffle(households)
    clean = [x for x in households if len(x[1][1]) <= 1]
    crowded = [x for x in households if len(x[1][1]) >= 2]
    faults = list(FAULTS)
    rng.shuffle(faults)
    per_form_layout: dict[str, list[str | None]] = {}
    for i, layout in enumerate(FORM_LAYOUTS):
        mine: list[str | None] = [*faults[2 * i:2 * i + 2]]
        mine += [None] * (per_layout - len(mine))
        rng.shuffle(mine)
        per_form_layout[layout] = mine
    per_form_layout["letter"] = list(LETTER_FAULTS[:per_layout])
    forms: list[Form] = []
    n = 0
    for layout in LAYOUTS:
        for fault in per_form_layout[layout]:
            n += 1
            pool = crowded if fault == "OTHER_ADULTS_REGISTERED" else clean
            acct, (applicant, others) = pool.pop()
            forms.append(_form(rng, records, as_of, f"{layout}_{n:03d}.pdf", layout, fault, acct, applicant, others))
    return forms


def _stranger(rng: random.Random) -> str:
    return f"{rng.choice(OTHER_FIRST)} {rng.choice(OTHER_LAST)}"


def _form(rng: random.Random, records: Records, as_of: date, file: str, layout: str, fault: str | None,
          acct: Account, applicant: str, others: list[str]) -> Form:
    line1, town, pc = records.props[acct.uprn]
    ref = acct.ref
    other: str | None = others[0] if others else (_stranger(rng) if rng.random() < 0.6 else None)
    if fault == "OTHER_ADULTS_REGISTERED":
        other = others[0] if rng.random() < 0.5 else _stranger(rng)  # someone else stays on the register
    if fault == "NAME_MISMATCH":
        applicant = _stranger(rng)
    if fault == "ACCOUNT_NOT_FOUND":
        while ref in records.accounts:
            ref = f"{rng.randint(40000000, 49999999)}"
    if fault == "ADDRESS_MISMATCH":
        uprn = rng.choice([u for u, p in records.props.items() if p[2] != pc and p[0] != line1])
        if rng.random() < 0.5:
            line1 = records.props[uprn][0]
        else:
            pc = records.props[uprn][2]
    since = as_of - timedelta(days=rng.randint(8, 330))
    if fault == "DATE_TOO_OLD":
        since = as_of - timedelta(days=rng.randint(380, 700))
    if fault == "DATE_IN_FUTURE":
        since = as_of + timedelta(days=rng.randint(3, 60))
    declared = min(as_of, max(since, as_of - timedelta(days=60)) + timedelta(days=rng.randint(1, 40)))
    if declared < since:
        declared = as_of - timedelta(days=rng.randint(0, 6))
    truth: dict[str, str] = {"account_ref": ref, "applicant_name": " ".join(applicant.split()), "address": line1,
                             "postcode": pc, "sole_adult_since": since.isoformat(),
                             "declaration_date": declared.isoformat()}
    written = {"account_ref": write_ref(rng, ref), "applicant_name": applicant, "address": line1,
               "postcode": write_postcode(rng, pc), "sole_adult_since": write_date(rng, since),
               "declaration_date": write_date(rng, declared)}
    move_out: date | None = None
    if other:
        truth["other_adult_name"] = written["other_adult_name"] = other
        if rng.random() < 0.5:
            street, rest = rng.choice(PLACES)
            written["other_adult_forwarding_address"] = truth["other_adult_forwarding_address"] = f"{street}, {rest}"
    if fault == "INCONSISTENT_DATES" or rng.random() < 0.75:
        dated = fault == "INCONSISTENT_DATES" or rng.random() < 0.3
        if dated:
            move_out = since if fault != "INCONSISTENT_DATES" else since - timedelta(days=rng.randint(9, 40))
            story = rng.choice(STORIES_DATED).format(other=other or "The other adult", date=write_date(rng, move_out))
            story = story[0].upper() + story[1:]
        elif other:
            story = rng.choice(STORIES).format(other=other)
        else:
            story = rng.choice(STORIES_UNNAMED)
        written["change_description"] = truth["change_description"] = story
    if rng.random() < 0.6:
        phone = rng.choice(("07700 900", "01632 960", "07700900")) + f"{rng.randint(100, 999)}"
        written["phone"] = truth["phone"] = phone
    if rng.random() < 0.5:
        first, *_, last = [w for w in applicant.split() if w.casefold() not in TITLES_OF_ADDRESS]
        written["email"] = truth["email"] = f"{first.lower()}.{last.lower()}{rng.randint(1, 99)}@example.com"
    if fault and fault.startswith("MISSING_FIELD:"):
        f = fault.split(":")[1]
        del written[f], truth[f]
    if fault == "INVALID_FORMAT:account_ref":
        written["account_ref"] = rng.choice((f"{ref[:4]} {ref[4:7]}", f"{ref}{rng.randint(0, 9)}"))
        del truth["account_ref"]
    if fault == "INVALID_FORMAT:postcode":
        written["postcode"] = pc[:-1]
        del truth["postcode"]
    if fault == "INVALID_FORMAT:sole_adult_since":
        written["sole_adult_since"] = rng.choice((f"31/{rng.choice((4, 6, 9, 11)):02d}/{since.year}",
                                                  f"29/02/{since.year if since.year % 4 else since.year - 1}",
                                                  f"{since.day}/13/{since.year}"))
        del truth["sole_adult_since"]
    form = Form(file, layout, "", fault, written, truth, town,
                move_out=move_out.isoformat() if move_out else None)
    if layout == "letter":
        # An application written as prose (issue 15): read and checked like a form, less the free text.
        form.truth.pop("change_description", None)
        form.move_out = None
        form.letter_spd_reasons = form.reasons = expected(form, records, as_of)
    else:
        form.reasons = expected(form, records, as_of)
        assert form.reasons or fault is None, (file, fault)
        assert not form.reasons or fault is not None, (file, form.reasons)
    return form


# --------------------------------------------------------------------------- drawing helpers

_GLYPH_FONT: str | None = None


def glyph_font() -> str | None:
    """A TrueType font with the ballot-box glyphs, where the machine has one."""
    global _GLYPH_FONT
    if _GLYPH_FONT is None:
        for path in ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans.ttf"):
            if Path(path).is_file():
                pdfmetrics.registerFont(TTFont("U2Glyphs", path))
                _GLYPH_FONT = "U2Glyphs"
                break
        else:
            _GLYPH_FONT = ""
    return _GLYPH_FONT or None


def _canvas(buf: io.BytesIO, title: str, author: str) -> Canvas:
    c = Canvas(buf, pagesize=A4, invariant=1)
    c.setTitle(title)
    c.setAuthor(author)
    return c


def _wrap(c: Canvas, text: str, x: float, y: float, width: float, font: str = "Helvetica", size: float = 9,
          leading: float | None = None) -> float:
    c.setFont(font, size)
    for line in simpleSplit(text, font, size, width):
        c.drawString(x, y, line)
        y -= leading or size + 2.5
    return y


def _squiggle(c: Canvas, x: float, y: float) -> None:
    c.setLineWidth(0.8)
    p = c.beginPath()
    p.moveTo(x, y)
    for i in range(1, 14):
        p.lineTo(x + i * 6, y + (5 if i % 2 else -1))
    c.drawPath(p)


def _pick(rng: random.Random, form: Form, f: str) -> str:
    form.labels[f] = label = rng.choice(LABELS[f])
    return label


def _council(rng: random.Random) -> tuple[str, str, str, str]:
    return rng.choice(COUNCILS)


# --------------------------------------------------------------------------- (a) two pages


def _page_frame(c: Canvas, council: tuple[str, str, str, str], code: str, page: int, pages: int) -> None:
    name, addr, tel, mail = council
    w, h = A4
    c.setFillColor(colors.HexColor("#1d4e6b"))
    c.rect(0, h - 52, w, 52, fill=1, stroke=0)
    c.setFillColor(colors.white)
    c.setFont("Helvetica-Bold", 13)
    c.drawString(40, h - 26, name)
    c.setFont("Helvetica", 8)
    c.drawString(40, h - 42, f"{addr}  |  Tel {tel}  |  {mail}")
    c.setFillColor(colors.black)
    c.setFont("Helvetica", 7)
    c.drawString(40, 28, f"{code}   Page {page} of {pages}")
    c.drawRightString(w - 40, 28, f"{name}, {addr}. Telephone {tel}")


def render_two_page(form: Form, rng: random.Random) -> bytes:
    buf = io.BytesIO()
    council, code, title = _council(rng), rng.choice(CODES), rng.choice(TITLES)
    c = _canvas(buf, title, council[0])
    w, h = A4
    hinted = rng.random() < 0.5

    def row(f: str, y: float, box_h: float = 18) -> float:
        label = _pick(rng, form, f)
        c.setFont("Helvetica", 9)
        c.drawString(50, y - 12, label)
        if hinted and f in HINTS:
            c.setFont("Helvetica-Oblique", 7)
            c.drawString(50, y - 21, HINTS[f])
        value = form.written.get(f, "")
        lines = simpleSplit(value, "Helvetica", 10, 300) or [""]
        box_h = max(box_h, 13 * len(lines) + 6)
        c.setStrokeColor(colors.HexColor("#7a8a99"))
        c.setFillColor(colors.HexColor("#f3f6f9"))
        c.rect(225, y - box_h, 320, box_h, fill=1, stroke=1)
        c.setFillColor(colors.black)
        c.setFont("Helvetica", 10)
        for i, line in enumerate(lines):
            c.drawString(230, y - 13 - 13 * i, line)
        return y - box_h - (16 if hinted else 10)

    def section(text: str, y: float) -> float:
        c.setFont("Helvetica-Bold", 11)
        c.drawString(40, y, text)
        c.setLineWidth(0.5)
        c.line(40, y - 4, w - 40, y - 4)
        return y - 14

    _page_frame(c, council, code, 1, 2)
    c.setFont("Helvetica-Bold", 15)
    c.drawString(40, h - 82, title)
    c.setFont("Helvetica", 8)
    c.drawRightString(w - 40, h - 82, f"Form {code}")
    y = _wrap(c, "Complete both pages. If you live on your own, your bill can be reduced by 25 per cent. "
                 "Return the form to the address at the top of this page.", 40, h - 102, w - 80)
    y = section("1  The property", y - 10)
    for f in ("account_ref", "address", "postcode"):
        y = row(f, y)
    c.setFont("Helvetica", 9)
    c.drawString(50, y - 12, "Town")
    c.drawString(230, y - 12, form.town)
    y = section("2  You", y - 30)
    for f in ("applicant_name", "phone", "email"):
        y = row(f, y)
    c.showPage()
    _page_frame(c, council, code, 2, 2)
    y = section("3  The change in who lives there", h - 80)
    for f in ("sole_adult_since", "other_adult_name", "other_adult_forwarding_address", "change_description"):
        y = row(f, y, 30 if f == "change_description" else 18)
    y = section("4  Declaration", y - 10)
    y = _wrap(c, DECLARATION, 50, y - 4, w - 100)
    c.setFont("Helvetica", 9)
    c.drawString(50, y - 22, "Signature")
    _squiggle(c, 230, y - 20)
    y = row("declaration_date", y - 36)
    c.save()
    form.variant = "hinted" if hinted else "plain"
    return buf.getvalue()


# --------------------------------------------------------------------------- (b) dotted leaders / label right of box


def render_dotted(form: Form, rng: random.Random) -> bytes:
    buf = io.BytesIO()
    council, title = _council(rng), rng.choice(TITLES)
    c = _canvas(buf, title, council[0])
    w, h = A4
    style = rng.choice(("leader", "box_right"))
    form.variant = style
    c.setFont("Helvetica-Bold", 12)
    c.drawString(45, h - 50, council[0])
    c.setFont("Helvetica-Bold", 14)
    c.drawString(45, h - 75, title)
    y = _wrap(c, "Please answer every question that applies to you and sign the declaration.", 45, h - 95, w - 90)
    y -= 10
    groups = (("About the property", ("account_ref", "address", "postcode")),
              ("About you", ("applicant_name", "phone", "email")),
              ("What has changed", ("sole_adult_since", "other_adult_name", "other_adult_forwarding_address",
                                    "change_description")))
    for heading, fields in groups:
        c.setFont("Helvetica-Bold", 10)
        c.drawString(45, y, heading)
        y -= 20
        for f in fields:
            y = _dotted_row(c, form, rng, f, y, style)
    c.setFont("Helvetica-Bold", 10)
    c.drawString(45, y - 4, "Declaration")
    y = _wrap(c, DECLARATION, 45, y - 20, w - 90, size=8)
    c.setFont("Helvetica", 9)
    c.drawString(45, y - 12, "Signed")
    _squiggle(c, 90, y - 12)
    _dotted_row(c, form, rng, "declaration_date", y - 34, style)
    c.save()
    return buf.getvalue()


def _dotted_row(c: Canvas, form: Form, rng: random.Random, f: str, y: float, style: str) -> float:
    label = _pick(rng, form, f)
    value = form.written.get(f, "")
    if style == "leader":
        c.setFont("Helvetica", 9.5)
        lw = c.stringWidth(label, "Helvetica", 9.5)
        dots = "." * max(4, int((235 - lw) / c.stringWidth(".", "Helvetica", 9.5)))
        c.drawString(45, y, f"{label} {dots}")
        lines = simpleSplit(value, "Helvetica", 10, 300) or [""]
        c.setFont("Helvetica", 10)
        for i, line in enumerate(lines):
            c.drawString(290, y - 13 * i, line)
        return y - 13 * len(lines) - 9
    lines = simpleSplit(value, "Helvetica", 10, 330) or [""]
    bw = max(80.0, max(c.stringWidth(line, "Helvetica", 10) for line in lines) + 10) if value else 110.0
    bh = 13 * len(lines) + 5
    c.setLineWidth(0.6)
    c.rect(45, y - bh + 11, bw, bh, stroke=1, fill=0)
    c.setFont("Helvetica", 10)
    for i, line in enumerate(lines):
        c.drawString(50, y - 13 * i, line)
    c.setFont("Helvetica", 8.5)
    c.drawString(45 + bw + 8, y, label)
    return y - bh - 8


# --------------------------------------------------------------------------- (c) four-column table


def render_table4(form: Form, rng: random.Random) -> bytes:
    buf = io.BytesIO()
    council, title = _council(rng), rng.choice(TITLES)
    c = _canvas(buf, title, council[0])
    w, h = A4
    c.setFont("Helvetica-Bold", 11)
    c.drawString(40, h - 45, council[0])
    c.setFont("Helvetica", 8)
    c.drawString(40, h - 57, council[1])
    c.setFont("Helvetica-Bold", 14)
    c.drawString(40, h - 85, title)
    pairs = [("account_ref", "postcode"), ("applicant_name", "phone"), ("address", "email"),
             ("sole_adult_since", "declaration_date"), ("other_adult_name", "other_adult_forwarding_address")]
    rng.shuffle(pairs)
    pairs = [p if rng.random() < 0.7 else (p[1], p[0]) for p in pairs]
    xs = (40, 135, 300, 395, 555)
    header = rng.random() < 0.5
    form.variant = "with_header" if header else "plain"
    y = h - 105
    c.setLineWidth(0.6)
    if header:
        c.setFillColor(colors.HexColor("#dddddd"))
        c.rect(xs[0], y - 16, xs[4] - xs[0], 16, fill=1, stroke=1)
        c.setFillColor(colors.black)
        c.setFont("Helvetica-Bold", 8)
        for x, t in zip(xs[:4], ("Question", "Answer", "Question", "Answer"), strict=True):
            c.drawString(x + 3, y - 11, t)
        y -= 16

    def cell_lines(text: str, width: float, font: str, size: float) -> list[str]:
        return simpleSplit(text, font, size, width - 6) or [""]

    for a, b in pairs:
        la, lb = _pick(rng, form, a), _pick(rng, form, b)
        cols = [cell_lines(la, xs[1] - xs[0], "Helvetica-Bold", 8),
                cell_lines(form.written.get(a, ""), xs[2] - xs[1], "Helvetica", 9),
                cell_lines(lb, xs[3] - xs[2], "Helvetica-Bold", 8),
                cell_lines(form.written.get(b, ""), xs[4] - xs[3], "Helvetica", 9)]
        rh = 11 * max(map(len, cols)) + 8
        for i, lines in enumerate(cols):
            c.rect(xs[i], y - rh, xs[i + 1] - xs[i], rh, stroke=1, fill=0)
            c.setFont("Helvetica-Bold" if i % 2 == 0 else "Helvetica", 8 if i % 2 == 0 else 9)
            for j, line in enumerate(lines):
                c.drawString(xs[i] + 3, y - 11 - 11 * j, line)
        y -= rh
    label = _pick(rng, form, "change_description")
    lines = simpleSplit(form.written.get("change_description", ""), "Helvetica", 9, xs[4] - xs[1] - 6) or [""]
    rh = 11 * len(lines) + 18
    c.rect(xs[0], y - rh, xs[1] - xs[0], rh, stroke=1, fill=0)
    c.rect(xs[1], y - rh, xs[4] - xs[1], rh, stroke=1, fill=0)
    _wrap(c, label, xs[0] + 3, y - 11, xs[1] - xs[0] - 6, font="Helvetica-Bold", size=8, leading=10)
    c.setFont("Helvetica", 9)
    for j, line in enumerate(lines):
        c.drawString(xs[1] + 3, y - 11 - 11 * j, line)
    y -= rh + 20
    y = _wrap(c, DECLARATION, 40, y, w - 80, size=8)
    c.setFont("Helvetica", 9)
    c.drawString(40, y - 14, "Signature of applicant")
    _squiggle(c, 150, y - 14)
    c.save()
    return buf.getvalue()


# --------------------------------------------------------------------------- (d) tick and fill


def render_tick_fill(form: Form, rng: random.Random) -> bytes:
    buf = io.BytesIO()
    council, title = _council(rng), rng.choice(TITLES)
    c = _canvas(buf, title, council[0])
    w, h = A4
    font = glyph_font() if rng.random() < 0.5 else None
    form.variant = "glyphs" if font else "drawn"
    c.setFont("Helvetica-Bold", 12)
    c.drawString(45, h - 48, council[0])
    c.setFont("Helvetica-Bold", 14)
    c.drawString(45, h - 72, title)
    c.setFont("Helvetica", 8)
    c.drawString(45, h - 86, "Tick the boxes that apply and fill in the spaces.")
    y = h - 112
    other = "other_adult_name" in form.written

    def tick(question: str, options: tuple[str, ...], chosen: str) -> None:
        nonlocal y
        c.setFont("Helvetica", 9.5)
        c.drawString(45, y, question)
        x = 45 + c.stringWidth(question, "Helvetica", 9.5) + 14
        for opt in options:
            if font:
                c.setFont(font, 10)
                mark = "\u2612" if opt == chosen else "\u2610"
                c.drawString(x, y, f"{mark} {opt}")
                x += c.stringWidth(f"{mark} {opt}", font, 10) + 12
            else:
                c.setLineWidth(0.7)
                c.rect(x, y - 1.5, 9, 9, stroke=1, fill=0)
                if opt == chosen:
                    c.line(x + 1.5, y, x + 7.5, y + 6)
                    c.line(x + 1.5, y + 6, x + 7.5, y)
                c.setFont("Helvetica", 9.5)
                c.drawString(x + 13, y, opt)
                x += 13 + c.stringWidth(opt, "Helvetica", 9.5) + 12
        y -= 20

    def fill(f: str) -> None:
        nonlocal y
        label = _pick(rng, form, f)
        c.setFont("Helvetica", 9.5)
        c.drawString(45, y, f"{label}:")
        lines = simpleSplit(form.written.get(f, ""), "Helvetica", 10, 300) or [""]
        for i, line in enumerate(lines):
            c.drawString(240, y - 13 * i, line)
        c.setLineWidth(0.3)
        c.line(238, y - 3 - 13 * (len(lines) - 1), w - 45, y - 3 - 13 * (len(lines) - 1))
        y -= 13 * len(lines) + 9

    for f in ("account_ref", "applicant_name", "address", "postcode"):
        fill(f)
    tick(YES_NO[0], ("Yes", "No"), "Yes")
    tick(YES_NO[1], ("Yes", "No"), "No")
    fill("sole_adult_since")
    tick(YES_NO[3], ("Yes", "No", "Not sure"), "Yes" if other else "Not sure")
    fill("other_adult_name")
    tick("Do you know their new address?", ("Yes", "No"),
         "Yes" if "other_adult_forwarding_address" in form.written else "No")
    fill("other_adult_forwarding_address")
    fill("change_description")
    tick(YES_NO[2], ("Yes", "No"), "No")
    tick(rng.choice(YES_NO[4:]), ("Yes", "No"), rng.choice(("Yes", "No")))
    tick("How should we contact you?", ("Letter", "Phone", "Email"),
         "Email" if "email" in form.written else "Phone" if "phone" in form.written else "Letter")
    fill("phone")
    fill("email")
    y = _wrap(c, DECLARATION, 45, y - 6, w - 90, size=8)
    y -= 6
    tick("I agree to the declaration above", ("Yes",), "Yes")
    fill("declaration_date")
    c.save()
    return buf.getvalue()


# --------------------------------------------------------------------------- (e) AcroForm, labels above, three columns


def render_acro_grid3(form: Form, rng: random.Random) -> bytes:
    buf = io.BytesIO()
    council, title = _council(rng), rng.choice(TITLES)
    c = _canvas(buf, title, council[0])
    w, h = A4
    naming = rng.choice(("Text{n}", "fill_{n}"))
    form.variant = naming.split("{")[0]
    c.setFont("Helvetica-Bold", 12)
    c.drawString(40, h - 45, council[0])
    c.setFont("Helvetica-Bold", 14)
    c.drawString(40, h - 70, title)
    c.setFont("Helvetica", 8)
    c.drawString(40, h - 84, "Type into the boxes, save the form and email it to us.")
    grid: list[list[str]] = [["account_ref", "applicant_name", "phone"], ["address", "town", "postcode"],
                             ["email", "sole_adult_since", "other_adult_name"]]
    if rng.random() < 0.5:
        grid[0][1], grid[0][2] = grid[0][2], grid[0][1]
        grid[2][0], grid[2][2] = grid[2][2], grid[2][0]
    rows: list[list[tuple[str, int]]] = [[(f, 1) for f in r] for r in grid]
    rows += [[("other_adult_forwarding_address", 2), ("declaration_date", 1)], [("change_description", 3)]]
    colw, gap, x0 = 165.0, 10.0, 40.0
    y, n = h - 110, 0
    form_ = c.acroForm
    for r in rows:
        x = x0
        rh = 0.0
        for f, span in r:
            n += 1
            width = colw * span + gap * (span - 1)
            label = "Town" if f == "town" else _pick(rng, form, f)
            c.setFont("Helvetica", 8)
            c.drawString(x, y, label)
            bh = 40.0 if f == "change_description" else 18.0
            value = form.town if f == "town" else form.written.get(f, "")
            name = naming.format(n=n)
            if f != "town":
                form.widgets[f] = name
            form_.textfield(name=name, tooltip=label, x=x, y=y - 4 - bh, width=width, height=bh, value=value,
                            fontName="Helvetica", fontSize=9, borderWidth=0.7, borderColor=colors.grey,
                            fillColor=colors.white, fieldFlags="multiline" if f == "change_description" else "")
            x += width + gap
            rh = max(rh, bh)
        y -= rh + 24
    y = _wrap(c, DECLARATION, 40, y, w - 80, size=8)
    c.setFont("Helvetica", 8)
    c.drawString(40, y - 8, "Signature (type your name)")
    n += 1
    form_.textfield(name=naming.format(n=n), tooltip="Signature", x=40, y=y - 34, width=colw * 2 + gap, height=18,
                    value=form.written.get("applicant_name", ""), fontName="Helvetica", fontSize=9,
                    borderWidth=0.7, borderColor=colors.grey, fillColor=colors.white)
    c.save()
    return buf.getvalue()


# --------------------------------------------------------------------------- (f) scanned look


def render_scanned(form: Form, rng: random.Random) -> bytes:
    buf = io.BytesIO()
    council, title = _council(rng), rng.choice(TITLES)
    c = _canvas(buf, title, council[0])
    w, h = A4
    angle = rng.choice((0.0, rng.uniform(-0.5, 0.5)))
    form.variant = f"rotated {angle:+.2f} deg" if angle else "jitter only"
    c.setFillColor(colors.HexColor("#f4f1ea"))
    c.rect(0, 0, w, h, fill=1, stroke=0)
    for _ in range(120):  # specks a scanner leaves
        c.setFillColor(colors.Color(0.3, 0.3, 0.3, alpha=rng.uniform(0.2, 0.6)))
        c.circle(rng.uniform(0, w), rng.uniform(0, h), rng.uniform(0.2, 0.8), fill=1, stroke=0)
    c.setFillColor(colors.black)
    c.translate(w / 2, h / 2)
    c.rotate(angle)
    c.translate(-w / 2, -h / 2)

    def words(text: str, x: float, y: float, font: str = "Times-Roman", size: float = 10.5) -> float:
        for word in text.split():
            c.setFont(font, size)
            c.drawString(x, y + rng.uniform(-1.5, 1.5), word)
            x += c.stringWidth(word, font, size) + rng.uniform(3.6, 8.5)
        return x

    words(council[0], 50, h - 60, "Times-Bold", 13)
    words(title, 50, h - 84, "Times-Bold", 14)
    words("Please write clearly in black ink.", 50, h - 102, size=9)
    y = h - 135
    sep = rng.choice((":", " -"))
    for f in ("account_ref", "applicant_name", "address", "postcode", "sole_adult_since", "other_adult_name",
              "other_adult_forwarding_address", "change_description", "phone", "email"):
        label = _pick(rng, form, f) + sep
        x = max(235.0, words(label, 50, y) + 10)
        value = form.written.get(f, "")
        lines = simpleSplit(value, "Courier", 10.5, 300) or [""]
        for i, line in enumerate(lines):
            words(line, x + rng.uniform(-2, 2), y - 15 * i, "Courier", 10.5)
        y -= 15 * len(lines) + rng.uniform(9, 14)
    y -= 10
    for line in simpleSplit(DECLARATION, "Times-Roman", 9.5, w - 180):
        words(line, 50, y, size=9.5)
        y -= 12
    y -= 8
    words("Signature" + sep, 50, y)
    _squiggle(c, 235, y)
    y -= 22
    x = max(235.0, words(_pick(rng, form, "declaration_date") + sep, 50, y) + 10)
    words(form.written.get("declaration_date", ""), x, y, "Courier", 10.5)
    c.save()
    return buf.getvalue()


# --------------------------------------------------------------------------- (g) bilingual


def render_bilingual(form: Form, rng: random.Random) -> bytes:
    buf = io.BytesIO()
    name, addr, tel, mail = WELSH_COUNCIL
    c = _canvas(buf, "Gostyngiad Person Sengl / Single Person Discount", name)
    w, h = A4
    style = rng.choice(("slash", "stacked"))
    form.variant = style
    c.setFont("Helvetica-Bold", 11)
    c.drawString(40, h - 42, name)
    c.setFont("Helvetica", 7.5)
    c.drawString(40, h - 54, f"{addr}  Ffôn / Tel: {tel}  {mail}")
    c.setFont("Helvetica-Bold", 14)
    c.drawString(40, h - 80, "Gostyngiad Person Sengl / Single Person Discount")
    c.setFont("Helvetica", 8)
    c.drawString(40, h - 94, "Gallwch lenwi'r ffurflen hon yn Gymraeg neu yn Saesneg. / You may complete this form in "
                             "Welsh or English.")
    y = h - 120
    sections = (("Adran 1: Yr eiddo / Section 1: The property", ("account_ref", "address", "postcode")),
                ("Adran 2: Amdanoch chi / Section 2: About you", ("applicant_name", "phone", "email")),
                ("Adran 3: Y newid / Section 3: The change",
                 ("sole_adult_since", "other_adult_name", "other_adult_forwarding_address", "change_description")))
    for heading, fields in sections:
        c.setFont("Helvetica-Bold", 10)
        c.drawString(40, y, heading)
        y -= 18
        for f in fields:
            y = _bilingual_row(c, form, rng, f, y, style)
        y -= 6
    c.setFont("Helvetica-Bold", 10)
    c.drawString(40, y, "Adran 4: Datganiad / Section 4: Declaration")
    y = _wrap(c, DECLARATION, 40, y - 14, w - 80, size=8)
    _bilingual_row(c, form, rng, "declaration_date", y - 8, style)
    c.save()
    return buf.getvalue()


def _bilingual_row(c: Canvas, form: Form, rng: random.Random, f: str, y: float, style: str) -> float:
    cy, en = rng.choice(WELSH[f])
    form.labels[f] = f"{cy} / {en}"
    if style == "slash":
        _wrap(c, f"{cy} / {en}", 45, y - 11, 200, size=8.5)
    else:
        _wrap(c, cy, 45, y - 9, 200, font="Helvetica-Bold", size=8.5)
        _wrap(c, en, 45, y - 19, 200, font="Helvetica-Oblique", size=8)
    lines = simpleSplit(form.written.get(f, ""), "Helvetica", 10, 290) or [""]
    bh = max(22.0, 13 * len(lines) + 8)
    c.setLineWidth(0.6)
    c.rect(255, y - bh, 300, bh, stroke=1, fill=0)
    c.setFont("Helvetica", 10)
    for i, line in enumerate(lines):
        c.drawString(260, y - 14 - 13 * i, line)
    return y - bh - 6


# --------------------------------------------------------------------------- (h) letter


def render_letter(form: Form, rng: random.Random) -> bytes:
    buf = io.BytesIO()
    council = _council(rng)
    c = _canvas(buf, "Letter", form.written.get("applicant_name", ""))
    w, h = A4
    v = form.written
    form.variant = rng.choice(("faithfully", "sincerely"))
    y = h - 60
    for line in (v["address"], form.town, v["postcode"]):
        c.setFont("Times-Roman", 11)
        c.drawRightString(w - 60, y, line)
        y -= 14
    c.drawRightString(w - 60, y - 6, v["declaration_date"])
    y = h - 150
    c.drawString(60, y, council[0])
    for part in council[1].split(", "):
        y -= 14
        c.drawString(60, y, part)
    y -= 36
    c.drawString(60, y, "Dear Sir/Madam,")
    y -= 22
    c.setFont("Times-Bold", 11)
    c.drawString(60, y, f"Council Tax account {v['account_ref']} \u2013 single person discount")
    y -= 22
    other = v.get("other_adult_name")
    text = (f"I am writing to apply for single person discount on my council tax account {v['account_ref']} at "
            f"{v['address']}, {v['postcode']}. I have been the only adult living there since {v['sole_adult_since']}.")
    if other:
        text += f" {other} moved out"
        forwarding = v.get("other_adult_forwarding_address")
        text += f" and now lives at {forwarding}." if forwarding else "."
    paras = [text]
    if "change_description" in v:
        paras.append(v["change_description"])
    contact = " or ".join(x for x in (v.get("phone"), v.get("email")) if x)
    paras.append("Please let me know if you need anything else from me"
                 + (f"; you can reach me on {contact}." if contact else "."))
    for p in paras:
        y = _wrap(c, p, 60, y, w - 120, font="Times-Roman", size=11, leading=14) - 10
    y -= 10
    c.setFont("Times-Roman", 11)
    c.drawString(60, y, f"Yours {form.variant},")
    _squiggle(c, 60, y - 26)
    c.drawString(60, y - 46, v["applicant_name"])
    c.save()
    return buf.getvalue()


RENDERERS = {"two_page": render_two_page, "dotted": render_dotted, "table4": render_table4,
             "tick_fill": render_tick_fill, "acro_grid3": render_acro_grid3, "scanned": render_scanned,
             "bilingual": render_bilingual, "letter": render_letter}


def build(records_xlsx: Path, out: Path, seed: int, as_of: date, per_layout: int = 6) -> list[Form]:
    """Write ``out/inbox/*.pdf`` and ``out/truth.jsonl``; return the forms."""
    records = Records.read(records_xlsx)
    forms = plan(records, seed, as_of, per_layout)
    inbox = out / "inbox"
    inbox.mkdir(parents=True, exist_ok=True)
    for i, form in enumerate(forms):
        rng = random.Random(f"{seed}-{i}-{form.file}")
        (inbox / form.file).write_bytes(RENDERERS[form.layout](form, rng))
    with (out / "truth.jsonl").open("w", encoding="utf-8") as fh:
        for form in forms:
            fh.write(json.dumps(form.truth_row()) + "\n")
    return forms


if __name__ == "__main__":
    made = build(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 2027,
                 date(2026, 11, 27))
    print(json.dumps([asdict(f) | {"outcome": f.outcome} for f in made][:3], indent=1))
    print(f"{len(made)} forms")
