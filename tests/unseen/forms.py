"""A held-out set of single person discount forms, in layouts and wordings Formwork has never seen.

Written apart from ``formwork.sample`` (and without reading the extractors), so
that scoring Formwork on these forms says how it copes with councils' forms in
general, not with our own generator's. Six layouts:

``ruled_grid``
    a two-column ruled table: label cell on the left (sometimes with a hint
    under it), answer cell on the right; section rows span both cells.
``underline_pairs``
    a paper form: each label printed small above a rule, the hand-written
    answer sitting on the rule, two fields to a row where they are short.
``acro_opaque``
    a fillable form whose widgets have meaningless names
    (``topmostSubform[0].Page1[0].f1_03[0]``); labels left of or above boxes.
``acro_named``
    a fillable form with descriptive but unusual widget names (``CTaxAcctNo``).
``receipt``
    a letter-like "online submission receipt": question then answer, no rules.
``numbered``
    numbered questions ("Q3. When did you ...?") with the answer on the next line.

The records are a workbook made by ``formwork sample``; every form is about a
real account there, and its expected outcome and reasons are worked out here
from forms.md and the records (see :func:`expected`).

Run ``python -m tests.unseen.forms RECORDS.xlsx OUT_DIR`` to write a sample by hand.
"""

from __future__ import annotations

import io
import json
import random
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

FIELDS = ("account_ref", "applicant_name", "address", "postcode", "sole_adult_since", "other_adult_name",
          "other_adult_forwarding_address", "change_description", "phone", "email", "declaration_date")
REQUIRED = ("account_ref", "applicant_name", "address", "postcode", "sole_adult_since", "declaration_date")
LAYOUTS = ("ruled_grid", "underline_pairs", "acro_opaque", "acro_named", "receipt", "numbered")
BACKDATING_DAYS = 365
TITLES_OF_ADDRESS = ("Mr", "Mrs", "Ms", "Miss", "Dr", "Mx")

# --------------------------------------------------------------------------- wording (our own lists)

LABELS: dict[str, tuple[str, ...]] = {
    "account_ref": ("Council Tax account number", "Council Tax reference", "Account No.", "CTax ref",
                    "Reference number", "Council Tax Acc. No", "Your account reference"),
    "applicant_name": ("Liable person's name", "Name of council tax payer", "Full name of person applying",
                       "Bill payer's name", "Name of applicant", "Your full name"),
    "address": ("Property address", "Address of property", "Address the discount is for",
                "Property (house number and street)", "Address"),
    "postcode": ("Postcode", "Post Code", "Postcode of property"),
    "sole_adult_since": ("Date you became the sole occupier", "Date you started living alone",
                         "Date from which you are the only adult resident", "Sole occupancy start date",
                         "Living alone since"),
    "other_adult_name": ("Name of person who moved out", "Name of the adult who left",
                         "Former occupant's full name", "Name of previous resident"),
    "other_adult_forwarding_address": ("Their new address", "New address of person who left",
                                       "Forwarding address of the person who moved out",
                                       "Their new address (if known)"),
    "change_description": ("Reason for the change", "Details of the change in your household",
                           "Please explain why you now live alone", "Circumstances"),
    "phone": ("Contact telephone", "Telephone number", "Daytime phone number", "Mobile"),
    "email": ("Email", "Email address", "E-mail", "Your email"),
    "declaration_date": ("Signature date", "Date", "Date signed", "Dated", "Today's date"),
}
HINTS: dict[str, tuple[str, ...]] = {
    "account_ref": ("(shown at the top of your bill)", "(8 digits)", "(see your bill)"),
    "sole_adult_since": ("(dd/mm/yyyy)", "(the day the other adult left)"),
    "phone": ("(in case we need to ask you something)",),
}
QUESTIONS: dict[str, tuple[str, ...]] = {
    "account_ref": ("What is your Council Tax account number?", "Please enter your council tax reference number",
                    "What is the account reference shown on your bill?"),
    "applicant_name": ("What is your full name?", "Who is the person liable to pay council tax?",
                       "Please give your name"),
    "address": ("What is the address of the property?", "Which property are you applying for? (first line)",
                "First line of the property's address"),
    "postcode": ("What is the postcode?", "Property postcode", "What is the postcode of the property?"),
    "sole_adult_since": ("When did you become the only adult living at the property?",
                         "From what date have you lived alone?", "What date did you become the sole occupier?"),
    "other_adult_name": ("What is the name of the person who moved out?",
                         "Who was the other adult that lived with you?"),
    "other_adult_forwarding_address": ("What is their new address?", "Where has the other adult moved to?"),
    "change_description": ("Why are you now the only adult living there?", "Please tell us what has changed",
                           "Tell us about the change in your household"),
    "phone": ("What is your telephone number?", "Contact telephone", "Which number can we call you on?"),
    "email": ("What is your email address?", "Email address for updates"),
    "declaration_date": ("Date of declaration", "Date you made this declaration", "Signature date"),
}
TOWN_LABELS = ("Town", "Town / village", "Locality")
FORM_TITLES = (
    "Single Person Discount \u2013 Council Tax",
    "Council Tax: apply for a single person discount",
    "Application for Single Person Discount (Council Tax)",
    "Council Tax Single Person Discount Application Form",
    "Claim a 25% Single Person Discount on your Council Tax",
    "Single Person Discount request \u2013 Council Tax Section",
)
COUNCILS = (
    ("Wexcombe District Council", "Revenues and Benefits, Civic Centre, Market Street, Wexcombe FW1 2AB",
     "0300 123 4455"),
    ("Formwick Borough Council", "Council Tax Section, PO Box 118, Formwick FW3 9XY", "01632 960 000"),
    ("Ashby & Millbrook Council", "Local Taxation, Town Hall, Ashby FW9 1QQ", "0300 456 7788"),
)
SECTIONS = {
    "account": ("Part 1 \u2013 The property and account", "Your Council Tax account", "About the property"),
    "change": ("Part 2 \u2013 Who has left", "The change in your household", "About the person who left"),
    "contact": ("Part 3 \u2013 How we can contact you", "Contact details", "Contacting you"),
    "declaration": ("Part 4 \u2013 Declaration", "Declaration", "Your declaration"),
}
DECLARATION = ("I declare that I am the only adult (aged 18 or over) resident at the address above and that the "
               "information I have given is true. I will tell the council within 21 days of any change.")
INTRO = ("You may get 25% off your council tax bill if you are the only adult living in your home. "
         "Please fill in every part of this form in black ink.")
#: What changed, naming the adult who left (``{other}``) or not; ``{date}`` the move-out date as written.
STORIES = (
    "{other} moved out and I now live on my own.",
    "My partner and I separated and {other} has gone to live elsewhere.",
    "My lodger {other} left at the end of the tenancy. Nobody else lives with me now.",
    "{other} has moved away to university and is not coming back.",
    "{other} got a job in another town and moved there. I am the only one left here.",
)
STORIES_UNNAMED = (
    "Relationship ended.",
    "My flatmate left and I have not found anyone to replace them.",
    "The other adult in the house has moved out for good.",
)
STORIES_DATED = (
    "{other} moved out on {date} and I have lived alone since then.",
    "My partner {other} left the property on {date}.",
    "Our lodger {other} moved to a new flat on {date}.",
)
STORIES_DATED_UNNAMED = (
    "My partner moved out on {date}.",
    "The other adult living here left on {date}.",
)
FIRST = ("Laura", "Kevin", "Priya", "Owen", "Megan", "Tariq", "Hannah", "Callum", "Joanne", "Declan", "Sofia", "Rhys")
LAST = ("Pemberton", "Okafor", "Lindqvist", "Hargreaves", "Desai", "McAllister", "Brennan", "Whitlock")
TOWNS = (("Eastleigh", "SO50 9AB"), ("Carlisle", "CA1 1QS"), ("Bristol", "BS8 1QU"), ("Leeds", "LS6 2HJ"),
         ("Swansea", "SA1 4PQ"), ("Norwich", "NR2 4TE"))
STREETS = ("Queen's Road", "Station Approach", "Hillside Crescent", "Victoria Street", "Orchard Close")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")

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
    props: dict[int, tuple[str, str | None, str, str]]  # uprn -> line 1, line 2, town, postcode
    accounts: dict[str, Account]
    electors: dict[int, list[str]]

    @classmethod
    def read(cls, path: Path) -> Records:
        wb = load_workbook(path)
        props = {int(r[0]): (str(r[1]), r[2], str(r[3]), str(r[4]))
                 for r in wb["properties"].iter_rows(min_row=2, values_only=True) if r[0]}
        accounts = {}
        for r in wb["council_tax_accounts"].iter_rows(min_row=2, values_only=True):
            if r[0]:
                accounts[str(r[0])] = Account(str(r[0]), int(r[1]), [p.strip() for p in str(r[2]).split(";")],
                                              str(r[3]), [d.strip() for d in str(r[6] or "").split(";") if d])
        electors: dict[int, list[str]] = defaultdict(list)
        for r in wb["electoral_register"].iter_rows(min_row=2, values_only=True):
            if r[0]:
                electors[int(r[2])].append(str(r[1]))
        return cls(props, accounts, dict(electors))


def bare(name: str) -> str:
    """A name without its title, as written otherwise."""
    words = name.split()
    return " ".join(words[1:] if words and words[0].rstrip(".") in TITLES_OF_ADDRESS else words)


def person(name: str) -> str:
    """A name as matched: title dropped, whitespace collapsed, case folded (forms.md)."""
    words = name.split()
    if words and words[0].rstrip(".") in TITLES_OF_ADDRESS:
        words = words[1:]
    return " ".join(words).casefold()


# --------------------------------------------------------------------------- what a form says


@dataclass
class Form:
    file: str
    layout: str
    account: Account | None
    written: dict[str, str]  # field -> as printed on the page (absent: left blank)
    truth: dict[str, str]  # field -> normal form (absent: left blank)
    town: str
    line2: str | None
    note: str
    reasons: list[str] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)  # field -> label or question printed (for debugging)
    widgets: dict[str, str] = field(default_factory=dict)  # field -> AcroForm widget name

    @property
    def outcome(self) -> str:
        return "exception" if self.reasons else "approved"


def write_ref(rng: random.Random, ref: str) -> str:
    return rng.choice((ref, f"{ref[:4]} {ref[4:]}", f"CT{ref}", f"{ref[:4]}-{ref[4:]}"))


def ordinal(n: int) -> str:
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def write_date(rng: random.Random, d: date) -> str:
    month = MONTHS[d.month - 1]
    return rng.choice((
        f"{d.day:02d}/{d.month:02d}/{d.year}", f"{d.day}/{d.month}/{d.year}", f"{d.day:02d}-{d.month:02d}-{d.year}",
        f"{d.day:02d}.{d.month:02d}.{d.year}", f"{d.day} {month} {d.year}", f"{ordinal(d.day)} {month} {d.year}",
        f"{month} {d.day}, {d.year}", d.isoformat(),
    ))


def write_postcode(rng: random.Random, pc: str) -> str:
    return rng.choice((pc, pc, pc.lower(), pc.replace(" ", ""), pc.lower().replace(" ", "")))


def stranger(rng: random.Random, surname: str | None = None) -> str:
    return f"{rng.choice(FIRST)} {surname or rng.choice(LAST)}"


def expected(form: Form, records: Records, as_of: date) -> list[str]:
    """The reason codes forms.md calls for, in its order, from what the form says and the records."""
    f = form.truth
    reasons = [f"MISSING_FIELD:{name}" for name in REQUIRED if name not in f]
    acct = records.accounts.get(f["account_ref"]) if "account_ref" in f else None
    if "account_ref" in f and acct is None:
        reasons.append("ACCOUNT_NOT_FOUND")
    if acct is not None:
        if acct.status != "active":
            reasons.append("ACCOUNT_CLOSED")
        if "applicant_name" in f and person(f["applicant_name"]) not in {person(p) for p in acct.liable}:
            reasons.append("NAME_MISMATCH")
        line1, _, _, pc = records.props[acct.uprn]
        wrong_line = "address" in f and f["address"].casefold() != line1.casefold()
        if wrong_line or ("postcode" in f and f["postcode"] != pc):
            reasons.append("ADDRESS_MISMATCH")
        if "SPD" in acct.discounts:
            reasons.append("DISCOUNT_ALREADY_APPLIED")
        named = {person(f[k]) for k in ("applicant_name", "other_adult_name") if k in f}
        if any(person(e) not in named for e in records.electors.get(acct.uprn, [])):
            reasons.append("OTHER_ADULTS_REGISTERED")
    if "sole_adult_since" in f:
        since = date.fromisoformat(f["sole_adult_since"])
        if since > as_of:
            reasons.append("DATE_IN_FUTURE")
        elif (as_of - since).days > BACKDATING_DAYS:
            reasons.append("DATE_TOO_OLD")
    if "INCONSISTENT" in form.note:
        reasons.append("INCONSISTENT_DATES")
    return reasons


FAULTS = ("account_not_found", "name_mismatch", "missing_declaration_date", "date_in_future", "other_adults",
          "discount_already", "missing_sole_adult_since", "date_too_old", "account_closed", "inconsistent_dates",
          "address_mismatch", "missing_account_ref")


def _clean_accounts(records: Records) -> list[Account]:
    """Active accounts, no discount, one or two liable parties, no elector there but the liable parties."""
    out = []
    for a in records.accounts.values():
        if a.status != "active" or a.discounts or len(a.liable) > 2:
            continue
        people = {person(p) for p in a.liable}
        electors = records.electors.get(a.uprn, [])
        if electors and all(person(e) in people for e in electors) and len(records.props[a.uprn][0]) < 40:
            out.append(a)
    return sorted(out, key=lambda a: a.ref)


def plan(records: Records, seed: int, as_of: date, per_layout: int = 8, faults_per_layout: int = 3) -> list[Form]:
    rng = random.Random(seed)
    clean = _clean_accounts(records)
    rng.shuffle(clean)
    used: set[str] = set()

    def take(pool: list[Account]) -> Account:
        for a in pool:
            if a.ref not in used:
                used.add(a.ref)
                return a
        raise RuntimeError("the records have run out of suitable accounts")

    def pool_where(pred: Any) -> list[Account]:
        found = sorted((a for a in records.accounts.values() if pred(a)), key=lambda a: a.ref)
        rng.shuffle(found)
        return found

    forms: list[Form] = []
    fault_cycle = iter(FAULTS * 10)
    n = 0
    for layout in LAYOUTS:
        kinds = ["clean"] * (per_layout - faults_per_layout) + [next(fault_cycle) for _ in range(faults_per_layout)]
        rng.shuffle(kinds)
        for kind in kinds:
            n += 1
            if kind == "other_adults":
                acct = take(pool_where(lambda a: a.status == "active" and not a.discounts
                                       and len(records.electors.get(a.uprn, [])) >= 3))
            elif kind == "discount_already":
                acct = take(pool_where(lambda a: a.status == "active" and a.discounts == ["SPD"]
                                       and len(a.liable) <= 2))
            elif kind == "account_closed":
                acct = take(pool_where(lambda a: a.status == "closed"))
            else:
                acct = take(clean)
            forms.append(_form(rng, records, as_of, acct, kind, layout, f"unseen_{n:03d}_{layout}.pdf"))
    return forms


def _story(rng: random.Random, other: str | None, moved: str | None) -> str:
    named, unnamed = (STORIES_DATED, STORIES_DATED_UNNAMED) if moved else (STORIES, STORIES_UNNAMED)
    pool = named + unnamed if other else unnamed
    return rng.choice(pool).format(other=bare(other or ""), date=moved)


def _form(rng: random.Random, records: Records, as_of: date, acct: Account, kind: str, layout: str,
          file: str) -> Form:
    line1, line2, town, pc = records.props[acct.uprn]
    applicant = acct.liable[0] if len(acct.liable) == 1 or rng.random() < 0.5 else acct.liable[1]
    if person(applicant) == applicant.casefold() and rng.random() < 0.25:
        applicant = f"{rng.choice(('Dr', 'Mx'))} {applicant}"
    others = [p for p in acct.liable if person(p) != person(applicant)] + [
        e for e in records.electors.get(acct.uprn, []) if person(e) not in {person(p) for p in acct.liable}]
    other: str | None = others[0] if others else (stranger(rng) if rng.random() < 0.6 else None)
    since = as_of - timedelta(days=rng.randint(8, 330))
    signed = min(as_of - timedelta(days=1), since + timedelta(days=rng.randint(1, 40)))
    truth: dict[str, str] = {"account_ref": acct.ref, "applicant_name": applicant, "address": line1, "postcode": pc,
                             "sole_adult_since": since.isoformat(), "declaration_date": signed.isoformat()}
    written: dict[str, str] = {"account_ref": write_ref(rng, acct.ref), "applicant_name": applicant, "address": line1,
                               "postcode": write_postcode(rng, pc), "sole_adult_since": write_date(rng, since),
                               "declaration_date": write_date(rng, signed)}
    note = kind
    if kind == "account_not_found":
        fake = acct.ref
        while fake in records.accounts:
            fake = str(rng.randint(40000000, 49999999))
        truth["account_ref"], written["account_ref"] = fake, write_ref(rng, fake)
    elif kind == "name_mismatch":  # somebody else with the same surname; the liable party named as the leaver
        surname = person(applicant).split()[-1].title()
        impostor = stranger(rng, surname)
        while person(impostor) in {person(p) for p in acct.liable}:
            impostor = stranger(rng, surname)
        other = other if others else bare(applicant)
        truth["applicant_name"] = written["applicant_name"] = impostor
    elif kind == "missing_declaration_date":
        del truth["declaration_date"], written["declaration_date"]
    elif kind == "missing_sole_adult_since":
        del truth["sole_adult_since"], written["sole_adult_since"]
    elif kind == "missing_account_ref":
        del truth["account_ref"], written["account_ref"]
    elif kind == "date_in_future":
        since = as_of + timedelta(days=rng.randint(10, 60))
        truth["sole_adult_since"], written["sole_adult_since"] = since.isoformat(), write_date(rng, since)
    elif kind == "date_too_old":
        since = as_of - timedelta(days=rng.randint(420, 700))
        truth["sole_adult_since"], written["sole_adult_since"] = since.isoformat(), write_date(rng, since)
    elif kind == "address_mismatch":
        m = re.match(r"(\d+)(.*)", line1)
        wrong = f"{int(m.group(1)) + 2}{m.group(2)}" if m else f"1 {line1.split(',')[-1].strip()}"
        truth["address"] = written["address"] = wrong
    if other:
        truth["other_adult_name"] = written["other_adult_name"] = other
        if rng.random() < 0.6:
            t, tpc = rng.choice(TOWNS)
            fwd = rng.choice((f"{rng.randint(2, 90)} {rng.choice(STREETS)}, {t} {tpc}",
                              f"Flat {rng.randint(1, 12)}, {rng.randint(2, 90)} {rng.choice(STREETS)}, {t}",
                              f"{rng.randint(2, 90)} {rng.choice(STREETS)}, {t}"))
            truth["other_adult_forwarding_address"] = written["other_adult_forwarding_address"] = fwd
    if kind == "inconsistent_dates":
        moved = since - timedelta(days=rng.randint(20, 60))
        story = _story(rng, other, write_date(rng, moved))
        note = "INCONSISTENT: the story's move-out date is not sole_adult_since"
    elif rng.random() < 0.25 and "sole_adult_since" in truth:
        story = _story(rng, other, write_date(rng, date.fromisoformat(truth["sole_adult_since"])))
    elif rng.random() < 0.8:
        story = _story(rng, other, None)
    else:
        story = ""
    if story:
        truth["change_description"] = written["change_description"] = story
    if rng.random() < 0.7:
        phone = rng.choice((f"07700 900{rng.randint(100, 999)}", f"01632 960{rng.randint(100, 999)}",
                            f"+44 7700 900{rng.randint(100, 999)}", f"(01632) 960{rng.randint(100, 999)}"))
        truth["phone"] = written["phone"] = phone
    if rng.random() < 0.55:
        local = person(truth["applicant_name"]).replace(" ", rng.choice((".", "_", "")))
        email = f"{local}{rng.choice(('', '84', '1'))}@{rng.choice(('example.com', 'example.org', 'mail.example.net'))}"
        truth["email"] = written["email"] = email
    if rng.random() < 0.3 and kind == "clean":  # block capitals where people write by hand
        written["address"] = line1.upper()
    form = Form(file, layout, acct, written, truth, town, line2, note)
    if written.get("address") != truth.get("address"):
        form.truth["address"] = form.written["address"]  # "as written": capitals stay capitals
    return form


# --------------------------------------------------------------------------- drawing

W, H = A4
M = 50.0


def _canvas(buf: io.BytesIO, title: str) -> Canvas:
    c = Canvas(buf, pagesize=A4, invariant=True)
    c.setTitle(title)
    c.setAuthor("unseen test set")
    return c


def _para(c: Canvas, text: str, x: float, y: float, width: float, font: str = "Helvetica", size: float = 9,
          lead: float | None = None) -> float:
    lead = lead or size * 1.3
    c.setFont(font, size)
    for line in simpleSplit(text, font, size, width):
        c.drawString(x, y, line)
        y -= lead
    return y


def _letterhead(c: Canvas, rng: random.Random, title: str) -> float:
    name, address, phone = rng.choice(COUNCILS)
    c.setFont("Helvetica-Bold", 13)
    c.drawString(M, H - 55, name)
    c.setFont("Helvetica", 8)
    c.drawString(M, H - 68, address)
    c.drawString(M, H - 78, f"Telephone {phone}")
    c.setFont("Helvetica-Bold", 15)
    c.drawString(M, H - 108, title)
    return _para(c, INTRO, M, H - 126, W - 2 * M)


def _squiggle(c: Canvas, x: float, y: float) -> None:
    c.setLineWidth(0.9)
    p = c.beginPath()
    p.moveTo(x, y)
    p.curveTo(x + 15, y + 16, x + 25, y - 8, x + 40, y + 6)
    p.curveTo(x + 52, y + 14, x + 60, y - 4, x + 80, y + 3)
    c.drawPath(p, stroke=1, fill=0)


def pick(rng: random.Random, form: Form, f: str, table: dict[str, tuple[str, ...]]) -> str:
    """A label (or question) for field ``f``, remembered on the form for whoever debugs a miss."""
    form.labels[f] = rng.choice(table[f])
    return form.labels[f]


def render_ruled_grid(form: Form, rng: random.Random) -> bytes:
    buf = io.BytesIO()
    title = rng.choice(FORM_TITLES)
    c = _canvas(buf, title)
    y = _letterhead(c, rng, title) - 10
    left, mid, right = M, M + rng.choice((170.0, 190.0, 210.0)), W - M
    answer_font = rng.choice(("Helvetica", "Courier", "Times-Roman"))
    rows: list[tuple[str, str | None, str | None]] = []  # (label, hint, field) or section (label, None, None)
    rows.append((rng.choice(SECTIONS["account"]), None, None))
    for f in ("account_ref", "applicant_name", "address", "town", "postcode"):
        rows.append(("", None, f))
    rows.append((rng.choice(SECTIONS["change"]), None, None))
    for f in ("sole_adult_since", "other_adult_name", "other_adult_forwarding_address", "change_description"):
        rows.append(("", None, f))
    rows.append((rng.choice(SECTIONS["contact"]), None, None))
    rows += [("", None, "phone"), ("", None, "email")]
    c.setStrokeColor(colors.black)
    for heading, _, fld in rows:
        if fld is None:
            c.setFillColor(colors.Color(0.2, 0.3, 0.45))
            c.rect(left, y - 18, right - left, 18, stroke=1, fill=1)
            c.setFillColor(colors.white)
            c.setFont("Helvetica-Bold", 10)
            c.drawString(left + 5, y - 13, heading)
            c.setFillColor(colors.black)
            y -= 18
            continue
        f = fld
        if f == "town":
            label, value = rng.choice(TOWN_LABELS), form.town
            lines = [value] if not form.line2 else [form.line2, value]
        else:
            label = pick(rng, form, f, LABELS)
            value = form.written.get(f, "")
            lines = simpleSplit(value, answer_font, 10, right - mid - 10) if value else []
        hint = rng.choice(HINTS[f]) if f in HINTS and rng.random() < 0.5 else None
        label_lines = simpleSplit(label, "Helvetica-Bold", 9, mid - left - 10)
        h = max(22.0, 12.0 * max(len(lines), len(label_lines) + (1 if hint else 0)) + 8)
        c.setFillColor(colors.Color(0.9, 0.92, 0.95))
        c.rect(left, y - h, mid - left, h, stroke=1, fill=1)
        c.setFillColor(colors.black)
        c.rect(mid, y - h, right - mid, h, stroke=1, fill=0)
        ty = y - 14
        for ll in label_lines:
            c.setFont("Helvetica-Bold", 9)
            c.drawString(left + 5, ty, ll)
            ty -= 12
        if hint:
            c.setFont("Helvetica-Oblique", 7)
            c.drawString(left + 5, ty + 2, hint)
        vy = y - 14
        c.setFont(answer_font, 10)
        for vl in lines:
            c.drawString(mid + 6, vy, vl)
            vy -= 12
        y -= h
    y -= 16
    c.setFont("Helvetica-Bold", 10)
    c.drawString(left, y, rng.choice(SECTIONS["declaration"]))
    y = _para(c, DECLARATION, left, y - 14, right - left) - 6
    c.rect(left, y - 26, mid - left, 26)
    c.rect(mid, y - 26, right - mid, 26)
    c.setFont("Helvetica-Bold", 9)
    c.drawString(left + 5, y - 16, "Signature")
    _squiggle(c, mid + 10, y - 18)
    y -= 26
    c.rect(left, y - 22, mid - left, 22)
    c.rect(mid, y - 22, right - mid, 22)
    c.drawString(left + 5, y - 14, pick(rng, form, "declaration_date", LABELS))
    c.setFont(answer_font, 10)
    c.drawString(mid + 6, y - 14, form.written.get("declaration_date", ""))
    c.showPage()
    c.save()
    return buf.getvalue()


def render_underline_pairs(form: Form, rng: random.Random) -> bytes:
    buf = io.BytesIO()
    title = rng.choice(FORM_TITLES)
    c = _canvas(buf, title)
    y = _letterhead(c, rng, title) - 14
    hand = rng.choice(("Courier-Oblique", "Times-Italic", "Helvetica-Oblique"))
    gap = 24.0
    half = (W - 2 * M - gap) / 2

    def slot(x: float, width: float, label: str, value: str, top: float) -> None:
        c.setFont("Helvetica", 8)
        c.setFillColor(colors.Color(0.3, 0.3, 0.3))
        c.drawString(x, top, label)
        c.setFillColor(colors.Color(0.05, 0.1, 0.45))
        c.setFont(hand, 11)
        if value:
            c.drawString(x + 3, top - 19, value)
        c.setFillColor(colors.black)
        c.setLineWidth(0.6)
        c.line(x, top - 21, x + width, top - 21)

    rows: list[tuple[str, ...]] = [
        ("section:account",), ("account_ref", "postcode"), ("applicant_name",), ("address", "town"),
        ("section:change",), ("sole_adult_since", "other_adult_name"), ("other_adult_forwarding_address",),
        ("change_description",), ("section:contact",), ("phone", "email"), ("section:declaration",),
        ("signature", "declaration_date"),
    ]
    if rng.random() < 0.5:
        rows[1] = ("postcode", "account_ref")
    for row in rows:
        if row[0].startswith("section:"):
            y -= 6
            c.setFont("Helvetica-Bold", 11)
            c.drawString(M, y, rng.choice(SECTIONS[row[0].split(":")[1]]))
            if row[0] == "section:declaration":
                y = _para(c, DECLARATION, M, y - 14, W - 2 * M, size=8)
            else:
                y -= 18
            continue
        width = half if len(row) == 2 else W - 2 * M
        for i, f in enumerate(row):
            x = M + i * (half + gap)
            if f == "town":
                slot(x, width, rng.choice(TOWN_LABELS), form.town, y)
            elif f == "signature":
                slot(x, width, "Signature", "", y)
                _squiggle(c, x + 10, y - 17)
            elif f == "change_description":
                lines = simpleSplit(form.written.get(f, ""), hand, 11, width - 6) or [""]
                lines += [""] * (2 - len(lines)) if len(lines) < 2 else []
                slot(x, width, pick(rng, form, f, LABELS), lines[0], y)
                for extra in lines[1:]:
                    y -= 20
                    c.setFont(hand, 11)
                    c.setFillColor(colors.Color(0.05, 0.1, 0.45))
                    if extra:
                        c.drawString(x + 3, y - 19, extra)
                    c.setFillColor(colors.black)
                    c.line(x, y - 21, x + width, y - 21)
            else:
                slot(x, width, pick(rng, form, f, LABELS), form.written.get(f, ""), y)
        y -= 36
    c.showPage()
    c.save()
    return buf.getvalue()


OPAQUE_ORDER = ("account_ref", "applicant_name", "address", "town", "postcode", "sole_adult_since",
                "other_adult_name", "other_adult_forwarding_address", "change_description", "phone", "email",
                "declaration_date")


def _box(c: Canvas, name: str, value: str, x: float, y: float, w: float, h: float, multiline: bool = False) -> None:
    c.acroForm.textfield(name=name, value=value, x=x, y=y, width=w, height=h, borderWidth=0.8,
                         borderColor=colors.Color(0.35, 0.35, 0.35), fillColor=colors.Color(0.93, 0.95, 1),
                         textColor=colors.black, fontName="Helvetica", fontSize=9 if multiline else 10,
                         fieldFlags="multiline" if multiline else "", maxlen=500, forceBorder=True)


def render_acro_opaque(form: Form, rng: random.Random) -> bytes:
    buf = io.BytesIO()
    title = rng.choice(FORM_TITLES)
    c = _canvas(buf, title)
    y = _letterhead(c, rng, title) - 12
    prefix = rng.choice(("topmostSubform[0].Page1[0].", "form1[0].#subform[0].", ""))
    label_w = 150.0
    values = {**form.written, "town": form.town}
    labels = {f: pick(rng, form, f, LABELS) for f in FIELDS} | {"town": rng.choice(TOWN_LABELS)}
    # short fields side by side with the label above; long ones one to a row with the label on the left
    for i, f in enumerate(OPAQUE_ORDER, start=1):
        name = f"{prefix}f1_{i:02d}[0]"
        form.widgets[f] = name
        value = values.get(f, "")
        if f in ("sole_adult_since", "postcode", "phone", "declaration_date", "town"):
            c.setFont("Helvetica", 8.5)
            c.drawString(M, y - 8, labels[f])
            _box(c, name, value, M, y - 30, 200, 18)
            y -= 38
        elif f in ("other_adult_forwarding_address", "change_description"):
            c.setFont("Helvetica", 8.5)
            for k, ll in enumerate(simpleSplit(labels[f], "Helvetica", 8.5, label_w - 8)):
                c.drawString(M, y - 12 - 10 * k, ll)
            _box(c, name, value, M + label_w, y - 40, W - 2 * M - label_w, 36, multiline=True)
            y -= 46
        else:
            c.setFont("Helvetica", 8.5)
            for k, ll in enumerate(simpleSplit(labels[f], "Helvetica", 8.5, label_w - 8)):
                c.drawString(M, y - 12 - 10 * k, ll)
            _box(c, name, value, M + label_w, y - 20, W - 2 * M - label_w, 18)
            y -= 28
        if f == "postcode":
            y -= 4
            c.setFont("Helvetica-Bold", 10)
            c.drawString(M, y - 8, rng.choice(SECTIONS["change"]))
            y -= 18
    y = _para(c, DECLARATION, M, y - 10, W - 2 * M, size=8) - 4
    c.setFont("Helvetica", 7)
    c.drawString(M, y - 4, "For office use: date received / checked by")
    _box(c, f"{prefix}f1_{len(OPAQUE_ORDER) + 1:02d}[0]", "", M + 200, y - 14, 120, 14)
    c.showPage()
    c.save()
    return buf.getvalue()


NAMED_SETS = (
    {"account_ref": "CTaxAcctNo", "applicant_name": "LiablePersonName", "address": "PropAddr1", "town": "PropAddr2",
     "postcode": "PropPostCode", "sole_adult_since": "DateSoleOccupier", "other_adult_name": "LeaverName",
     "other_adult_forwarding_address": "LeaverNewAddress", "change_description": "ReasonForChange",
     "phone": "ContactTel", "email": "ContactEmail", "declaration_date": "DateSigned"},
    {"account_ref": "CTRef", "applicant_name": "Claimant", "address": "Premises1", "town": "Premises2",
     "postcode": "PremisesPC", "sole_adult_since": "SoleFrom", "other_adult_name": "ExResident",
     "other_adult_forwarding_address": "ExResidentAddr", "change_description": "Circumstances",
     "phone": "DayPhone", "email": "EMail", "declaration_date": "DecDate"},
)


def render_acro_named(form: Form, rng: random.Random) -> bytes:
    buf = io.BytesIO()
    title = rng.choice(FORM_TITLES)
    c = _canvas(buf, title)
    y = _letterhead(c, rng, title) - 8
    names = rng.choice(NAMED_SETS)
    form.widgets.update(names)
    values = {**form.written, "town": form.town}
    col = (W - 2 * M - 20) / 2
    grid: list[tuple[str, ...]] = [("account_ref", "applicant_name"), ("address", "town"),
                                   ("postcode", "sole_adult_since"), ("other_adult_name", "phone"),
                                   ("other_adult_forwarding_address",), ("change_description",),
                                   ("email", "declaration_date")]
    for row in grid:
        tall = row[0] in ("other_adult_forwarding_address", "change_description")
        for i, f in enumerate(row):
            x = M + i * (col + 20)
            width = col if len(row) == 2 else W - 2 * M
            c.setFont("Helvetica-Bold", 8)
            c.drawString(x, y - 9, rng.choice(TOWN_LABELS) if f == "town" else pick(rng, form, f, LABELS))
            _box(c, names[f], values.get(f, ""), x, y - (52 if tall else 32), width, 40 if tall else 20, tall)
        y -= 62 if tall else 42
    y = _para(c, DECLARATION, M, y - 6, W - 2 * M, size=8)
    c.showPage()
    c.save()
    return buf.getvalue()


def render_receipt(form: Form, rng: random.Random) -> bytes:
    buf = io.BytesIO()
    c = _canvas(buf, "Your online form")
    name, address, phone = rng.choice(COUNCILS)
    c.setFont("Helvetica-Bold", 12)
    c.drawRightString(W - M, H - 55, name)
    c.setFont("Helvetica", 8)
    c.drawRightString(W - M, H - 67, address)
    signed = date.fromisoformat(form.truth["declaration_date"]) if "declaration_date" in form.truth else None
    stamp = (datetime(signed.year, signed.month, signed.day, rng.randint(8, 21), rng.randint(0, 59))
             if signed else None)
    y = H - 110
    c.setFont("Helvetica", 10)
    c.drawString(M, y, f"Form reference: SPD-{rng.randint(100000, 999999)}")
    if stamp:
        c.drawString(M, y - 14, f"Submitted: {stamp.strftime('%d %B %Y at %H:%M')}")
    y -= 44
    c.setFont("Helvetica-Bold", 13)
    c.drawString(M, y, "Single person discount \u2013 your answers")
    y = _para(c, "Thank you for applying for a council tax single person discount. This is a copy of what you "
              "told us. Keep it for your records; you do not need to send it to us.", M, y - 18, W - 2 * M,
              size=9.5) - 10
    style = rng.choice(("columns", "pairs"))
    qx, ax = M, M + 250
    if style == "columns":
        c.setFont("Helvetica-Bold", 10)
        c.drawString(qx, y, "Question")
        c.drawString(ax, y, "Answer")
        y -= 18
    order = [f for f in FIELDS if f in form.written]
    if rng.random() < 0.5:  # an online form asks about the change before the contact details, or after
        order = [f for f in order if f not in ("phone", "email")] + [f for f in order if f in ("phone", "email")]
    for f in order:
        q, a = pick(rng, form, f, QUESTIONS), form.written[f]
        if style == "columns":
            ql = simpleSplit(q, "Helvetica", 9.5, ax - qx - 14)
            al = simpleSplit(a, "Helvetica-Bold", 9.5, W - M - ax)
            for k, line in enumerate(ql):
                c.setFont("Helvetica", 9.5)
                c.drawString(qx, y - 12 * k, line)
            for k, line in enumerate(al):
                c.setFont("Helvetica-Bold", 9.5)
                c.drawString(ax, y - 12 * k, line)
            y -= 12 * max(len(ql), len(al)) + 8
        else:
            c.setFont("Helvetica-Bold", 9.5)
            c.drawString(qx, y, q)
            y = _para(c, a, qx, y - 13, W - 2 * M, size=9.5) - 8
    y -= 8
    _para(c, f"If anything here is wrong, call us on {phone}.", M, y, W - 2 * M, size=9)
    c.showPage()
    c.save()
    return buf.getvalue()


def render_numbered(form: Form, rng: random.Random) -> bytes:
    buf = io.BytesIO()
    title = rng.choice(FORM_TITLES)
    c = _canvas(buf, title)
    y = _letterhead(c, rng, title) - 12
    prefix = rng.choice(("Q{n}.", "{n}.", "Question {n}:", "{n})"))
    answer_font = rng.choice(("Courier", "Times-Roman", "Helvetica-Oblique"))
    items: list[tuple[str, str]] = []
    for f in FIELDS:
        if f == "declaration_date":
            continue
        items.append((pick(rng, form, f, QUESTIONS), form.written.get(f, "")))
        if f == "postcode" and rng.random() < 0.6:
            items.append(("How many adults (aged 18 or over) now live at the property?", "1"))
    for n, (q, a) in enumerate(items, start=1):
        if y < 110:
            c.showPage()
            y = H - 60
        c.setFont("Helvetica-Bold", 10)
        c.drawString(M, y, f"{prefix.format(n=n)} {q}")
        y -= 15
        if a:
            y = _para(c, a, M + 18, y, W - 2 * M - 18, font=answer_font, size=10.5, lead=13)
        else:
            c.setDash(1, 2)
            c.line(M + 18, y - 2, W - M, y - 2)
            c.setDash()
            y -= 13
        y -= 9
    if y < 150:
        c.showPage()
        y = H - 60
    c.setFont("Helvetica-Bold", 11)
    c.drawString(M, y, rng.choice(SECTIONS["declaration"]))
    y = _para(c, DECLARATION, M, y - 15, W - 2 * M) - 10
    c.setFont("Helvetica", 10)
    c.drawString(M, y, "Signed")
    _squiggle(c, M + 60, y)
    y -= 26
    c.drawString(M, y, f"{pick(rng, form, 'declaration_date', LABELS)}:")
    c.setFont(answer_font, 10.5)
    c.drawString(M + 110, y, form.written.get("declaration_date", ""))
    c.showPage()
    c.save()
    return buf.getvalue()


RENDERERS = {"ruled_grid": render_ruled_grid, "underline_pairs": render_underline_pairs,
             "acro_opaque": render_acro_opaque, "acro_named": render_acro_named, "receipt": render_receipt,
             "numbered": render_numbered}


def build(records_xlsx: Path, out: Path, seed: int, as_of: date, per_layout: int = 8) -> list[Form]:
    """Write ``out/inbox/*.pdf`` and ``out/truth.jsonl`` (cli.md's truth format); return the forms."""
    records = Records.read(records_xlsx)
    forms = plan(records, seed, as_of, per_layout)
    inbox = out / "inbox"
    inbox.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed + 1)
    with (out / "truth.jsonl").open("w", encoding="utf-8") as fh:
        for form in forms:
            form.reasons = expected(form, records, as_of)
            (inbox / form.file).write_bytes(RENDERERS[form.layout](form, rng))
            fh.write(json.dumps({"file": form.file, "form_type": "council_tax_spd", "fields": form.truth,
                                 "outcome": form.outcome, "reasons": form.reasons, "layout": form.layout,
                                 "kind": form.note, "labels": form.labels, "widgets": form.widgets}) + "\n")
    return forms


if __name__ == "__main__":
    made = build(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 2026,
                 date.fromisoformat(sys.argv[4]) if len(sys.argv) > 4 else date(2026, 11, 27))
    print(f"{len(made)} forms, {sum(f.outcome == 'approved' for f in made)} expected approved")
