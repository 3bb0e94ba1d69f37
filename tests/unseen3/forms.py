"""A held-out set of moves, parking permits and letters, as another council would print them.

Written apart from ``formwork.sample``, ``tests/unseen``, ``tests/unseen2`` and the
extractors. Eleven layouts of our own:

council_tax_move
    ``move_ticktable`` a ruled two-column table, the move shown as tick boxes
    ("I am moving  [X] in  [ ] out"); ``move_sections`` headed sections ("The
    property you are leaving" / "Your new home"), labels stacked above answers;
    ``move_acro`` a fillable form with opaque widget names and two check boxes;
    ``move_receipt`` an online-form receipt with a submission number and a
    time stamp, the move as the answer to "Are you moving in or out?".
parking_permit
    ``permit_numbered`` numbered questions under a letterhead carrying the
    council's own address; ``permit_vehicle`` a vehicle table (registration,
    make, colour) and the zone as a row of tick boxes; ``permit_acro`` a
    fillable form with opaque widget names; ``permit_check`` a "Check your
    answers" page (question, answer, "Change").
correspondence
    ``letter_right`` sender block top right, council below left;
    ``letter_left`` sender top left, date, council, a "Re:" line;
    ``email`` printed e-mail with From/Sent/To/Subject headers and the
    address (or only an account number) under the sign-off.

Every form is about a real property, account or person of a ``formwork sample``
records workbook; the expected outcome and reasons follow forms.md.
"""

from __future__ import annotations

import io
import json
import random
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

MOVE_LAYOUTS = ("move_ticktable", "move_sections", "move_acro", "move_receipt")
PERMIT_LAYOUTS = ("permit_numbered", "permit_vehicle", "permit_acro", "permit_check")
LETTER_LAYOUTS = ("letter_right", "letter_left", "email")
LAYOUTS = MOVE_LAYOUTS + PERMIT_LAYOUTS + LETTER_LAYOUTS
TYPE_OF = {**dict.fromkeys(MOVE_LAYOUTS, "council_tax_move"), **dict.fromkeys(PERMIT_LAYOUTS, "parking_permit"),
           **dict.fromkeys(LETTER_LAYOUTS, "correspondence")}
MOVE_FIELDS = ("move_type", "account_ref", "applicant_name", "previous_address", "previous_postcode", "new_address",
               "new_postcode", "move_date", "phone", "email", "declaration_date")
PERMIT_FIELDS = ("applicant_name", "address", "postcode", "vrm", "vehicle_make", "zone", "start_date", "phone",
                 "email", "declaration_date")
MOVE_FAULTS = ("ACCOUNT_NOT_FOUND", "PROPERTY_NOT_FOUND", "NAME_MISMATCH", "DATE_IN_FUTURE", "ADDRESS_MISMATCH",
               "DATE_TOO_OLD", "MISSING_FIELD:account_ref", "MISSING_FIELD:move_date")
PERMIT_FAULTS = ("PROPERTY_NOT_FOUND", "NOT_IN_PERMIT_ZONE", "NOT_RESIDENT", "INVALID_FORMAT:vrm", "VRM_HAS_PERMIT",
                 "PERMIT_CAP_REACHED", "DATE_IN_FUTURE", "MISSING_FIELD:vrm")
LETTER_FAULTS = ("SENDER_UNKNOWN", "ACCOUNT_NOT_FOUND", "SENDER_UNKNOWN:address")
TOPICS = ("missed_bin", "council_tax_query", "complaint", "foi_request", "other")
COUNCIL = "Formwick and Ashby Vale District Council"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# --------------------------------------------------------------------------- wording (ours)

MOVE_LABELS: dict[str, tuple[str, ...]] = {
    "account_ref": ("Council Tax account no.", "Your reference (on your bill)", "Account reference",
                    "CTax ref", "Bill account number"),
    "applicant_name": ("Full name of person liable", "Your full name", "Name(s) of resident", "Customer name",
                       "Forename and surname"),
    "previous_address": ("Address you are leaving", "Old address", "Property vacated", "Address moved from",
                         "Former address"),
    "previous_postcode": ("Postcode of old address", "Old postcode", "Post code (old)", "Postcode you left"),
    "new_address": ("New address", "Address moved to", "Property you have moved into", "Your new address"),
    "new_postcode": ("New postcode", "Post code (new)", "Postcode of new address", "Postcode moved to"),
    "move_date": ("Date of move", "Moving date", "Date you moved", "Date keys handed over / received",
                  "Date responsibility starts/ends"),
    "phone": ("Daytime telephone", "Contact number", "Tel", "Mobile"),
    "email": ("E-mail", "Email address", "Your email"),
    "declaration_date": ("Date signed", "Today's date", "Date of declaration", "Signed on"),
}
PERMIT_LABELS: dict[str, tuple[str, ...]] = {
    "applicant_name": ("Name of applicant", "Resident's full name", "Full name", "Permit holder name"),
    "address": ("Address in the permit zone", "Home address", "Residential address", "Address where vehicle is kept"),
    "postcode": ("Postcode", "Post code", "Home postcode"),
    "vrm": ("Vehicle registration number", "Registration mark", "Reg no.", "Number plate", "VRN"),
    "vehicle_make": ("Make of vehicle", "Make", "Vehicle make and model", "Manufacturer"),
    "zone": ("Controlled parking zone", "Permit zone applied for", "Zone", "Parking area"),
    "start_date": ("Permit to start on", "Date required from", "Start date", "Permit wanted from"),
    "phone": ("Telephone", "Contact telephone", "Phone no.", "Mobile"),
    "email": ("Email", "E-mail address", "Email for your e-permit"),
    "declaration_date": ("Date", "Date of application", "Signed date", "Dated"),
}
OUT_ADDRESSES = (("22 Kingsway", "RG1 3AA"), ("5 Albion Street", "LS1 5ES"), ("Flat 3, 40 Tower Road", "BH1 4LD"),
                 ("118 Gloucester Road", "BS7 8AE"), ("7 The Paddocks", "NG12 4HT"), ("31 Bridge Street", "CB2 1UF"),
                 ("Rose Cottage, Mill Lane", "EX5 2JP"), ("64 Victoria Avenue", "M20 2QX"))
STRANGERS = ("Tobias Wrenfield", "Grace Achterberg", "Malik Osei-Bonsu", "Petra Lindqvist", "Oona Ferreira",
             "Rhodri Pennant", "Sunita Valjee", "Cormac Dunleavy")
MAKES = ("Ford Fiesta", "Vauxhall Corsa", "Toyota Yaris", "Nissan Qashqai", "Kia Niro", "Skoda Octavia", "Honda Jazz",
         "BMW 1 Series", "Renault Clio", "Volvo XC40")
COLOURS = ("Silver", "Blue", "Grey", "Black", "Red", "White")
PLATE_LETTERS = "ABCDEFGHJKLMNPRSTUVWXY"
ABBREV = {"Road": "Rd", "Street": "St", "Close": "Cl", "Avenue": "Ave", "Lane": "Ln", "Crescent": "Cres"}


# --------------------------------------------------------------------------- records


def _day(v: Any) -> date | None:
    if v is None or v == "":
        return None
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    s = str(v).strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d %B %Y"):
        try:
            return datetime.strptime(s, fmt).date()
        except ValueError:
            pass
    raise ValueError(f"cannot read date {v!r}")


@dataclass
class Prop:
    uprn: int
    line1: str
    line2: str
    town: str
    postcode: str
    zone: str


@dataclass
class Records:
    props: dict[int, Prop]
    accounts: dict[str, tuple[int, list[str], str]]  # ref -> (uprn, liable, status)
    electors: dict[int, list[str]]
    permits: list[tuple[int, str, date, date]]  # uprn, vrm, from, to

    @classmethod
    def load(cls, path: Path) -> Records:
        wb = load_workbook(path, read_only=True)

        def rows(sheet: str) -> list[dict[str, Any]]:
            it = wb[sheet].iter_rows(values_only=True)
            head = [str(h).strip().lower() for h in next(it)]
            return [dict(zip(head, r, strict=False)) for r in it if any(c is not None for c in r)]

        props = {int(r["uprn"]): Prop(int(r["uprn"]), r["address_line_1"], r.get("address_line_2") or "", r["town"],
                                      r["postcode"], r.get("parking_zone") or "") for r in rows("properties")}
        accounts = {str(r["account_ref"]): (int(r["uprn"]), [p.strip() for p in r["liable_parties"].split(";")],
                                            r.get("status")) for r in rows("council_tax_accounts")}
        electors: dict[int, list[str]] = {}
        for r in rows("electoral_register"):
            electors.setdefault(int(r["uprn"]), []).append(r["full_name"])
        permits = [(int(r["uprn"]), r["vrm"], _day(r["valid_from"]), _day(r["valid_to"]))
                   for r in rows("parking_permits")]
        return cls(props, accounts, electors, permits)  # type: ignore[arg-type]

    def active_account(self, uprn: int) -> tuple[str, list[str]] | None:
        for ref, (u, liable, status) in self.accounts.items():
            if u == uprn and status == "active":
                return ref, liable
        return None

    def permits_at(self, uprn: int, days: list[date]) -> int:
        return max(sum(1 for u, _, f, t in self.permits if u == uprn and f <= d <= t) for d in days)

    def vrm_active(self, vrm: str, days: list[date]) -> bool:
        return any(v == vrm and f <= d <= t for _, v, f, t in self.permits for d in days)


@dataclass
class Form:
    file: str
    form_type: str
    layout: str
    fault: str | None
    truth: dict[str, Any]
    written: dict[str, str]
    labels: dict[str, str] = field(default_factory=dict)
    outcome: str = "approved"
    reasons: list[str] = field(default_factory=list)
    widgets: dict[str, str] = field(default_factory=dict)
    ticked: dict[str, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)


# --------------------------------------------------------------------------- writing values


def ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def write_date(rng: random.Random, d: date) -> str:
    return rng.choice((f"{d:%d/%m/%Y}", f"{d.day}/{d.month}/{d.year}", f"{d:%d-%m-%Y}", f"{d:%d.%m.%Y}",
                       f"{d.day} {MONTHS[d.month - 1]} {d.year}", f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}",
                       f"{MONTHS[d.month - 1]} {d.day}, {d.year}", d.isoformat()))


def write_ref(rng: random.Random, ref: str) -> str:
    return rng.choice((ref, f"{ref[:4]} {ref[4:]}", f"CT{ref}", f"{ref[:4]}-{ref[4:]}"))


def write_pc(rng: random.Random, pc: str) -> str:
    return rng.choice((pc, pc, pc.replace(" ", ""), pc.lower()))


def write_addr(rng: random.Random, line: str) -> str:
    if rng.random() < 0.2:
        for long, short in ABBREV.items():
            if line.endswith(" " + long):
                return line[: -len(long)] + short
    return line


def write_vrm(rng: random.Random, vrm: str, style: str) -> str:
    split = {"current": 4, "prefix": len(vrm) - 3, "suffix": 3}.get(style, 4)
    spaced = f"{vrm[:split]} {vrm[split:]}"
    return rng.choice((spaced, spaced, vrm, spaced.lower(), vrm.lower()))


def new_vrm(rng: random.Random, style: str) -> str:
    def letters(n: int) -> str:
        return "".join(rng.choice(PLATE_LETTERS) for _ in range(n))
    if style == "prefix":
        return letters(1) + str(rng.randint(1, 999)) + letters(3)
    if style == "suffix":
        return letters(3) + str(rng.randint(1, 999)) + letters(1)
    return letters(2) + f"{rng.choice([rng.randint(2, 24), rng.randint(51, 74)]):02d}" + letters(3)


def phone(rng: random.Random) -> str:
    n = rng.randint(100, 999)
    return rng.choice((f"01632 960{n}", f"07700 900 {n}", f"+44 7700 900{n}", f"0113 496 0{n}"))


def email_of(rng: random.Random, name: str) -> str:
    first, last = name.split()[0].lower(), name.split()[-1].lower().replace("'", "")
    return rng.choice((f"{first}.{last}@example.com", f"{first[0]}{last}{rng.randint(1, 99)}@example.org",
                       f"{last}.{first}@example.net"))


def titled(rng: random.Random, name: str) -> str:
    return f"{rng.choice(('Mr', 'Mrs', 'Ms', 'Dr', 'Miss'))} {name}" if rng.random() < 0.25 else name


# --------------------------------------------------------------------------- planning


class Planner:
    def __init__(self, records: Records, seed: int, as_of: date) -> None:
        self.r, self.rng, self.as_of = records, random.Random(seed), as_of
        self.used: set[int] = set()
        self.used_vrms: set[str] = {v for _, v, _, _ in records.permits}
        props = sorted(records.props)
        self.rng.shuffle(props)
        self.order = props

    def take(self, ok: Any) -> Prop:
        for u in self.order:
            if u not in self.used and ok(self.r.props[u]):
                self.used.add(u)
                return self.r.props[u]
        raise LookupError("records run out of suitable properties")

    def vrm(self, style: str) -> str:
        while (v := new_vrm(self.rng, style)) in self.used_vrms:
            pass
        self.used_vrms.add(v)
        return v

    # ------------------------------------------------------------ moves
    def move(self, file: str, layout: str, kind: str, fault: str | None) -> Form:
        rng, r, as_of = self.rng, self.r, self.as_of
        t: dict[str, Any] = {"move_type": kind}
        w: dict[str, str] = {}
        reasons = [fault] if fault else []
        move_date = as_of + timedelta(days=rng.randint(-60, 20))
        if fault == "DATE_IN_FUTURE":
            move_date = as_of + timedelta(days=rng.randint(35, 80))
        elif fault == "DATE_TOO_OLD":
            move_date = as_of - timedelta(days=rng.randint(380, 600))
        if kind == "out":
            prop = self.take(lambda p: r.active_account(p.uprn) is not None)
            ref, liable = r.active_account(prop.uprn)  # type: ignore[misc]
            name = rng.choice(liable)
            if fault == "NAME_MISMATCH":
                name = rng.choice(STRANGERS)
            if fault == "ACCOUNT_NOT_FOUND":
                while (ref := str(rng.randint(40000000, 49999999))) in r.accounts:
                    pass
            if fault == "ADDRESS_MISMATCH":
                prop = self.take(lambda p: True)
            if fault != "MISSING_FIELD:account_ref":
                t["account_ref"], w["account_ref"] = ref, write_ref(rng, ref)
            t["previous_address"] = w["previous_address"] = write_addr(rng, prop.line1)
            t["previous_postcode"], w["previous_postcode"] = prop.postcode, write_pc(rng, prop.postcode)
            if rng.random() < 0.8:
                line, pc = rng.choice(OUT_ADDRESSES)
                t["new_address"] = w["new_address"] = line
                t["new_postcode"], w["new_postcode"] = pc, write_pc(rng, pc)
        else:
            prop = self.take(lambda p: r.active_account(p.uprn) is None)
            line = prop.line1
            if fault == "PROPERTY_NOT_FOUND":
                number = line.split()[0]
                line = f"{int(number) + 400 if number.isdigit() else 999} {' '.join(line.split()[1:])}"
            name = self.newcomer()
            t["new_address"] = w["new_address"] = write_addr(rng, line) if fault is None else line
            t["new_postcode"], w["new_postcode"] = prop.postcode, write_pc(rng, prop.postcode)
            if rng.random() < 0.6:
                line, pc = rng.choice(OUT_ADDRESSES)
                t["previous_address"] = w["previous_address"] = line
                t["previous_postcode"], w["previous_postcode"] = pc, write_pc(rng, pc)
        t["applicant_name"] = w["applicant_name"] = titled(rng, name)
        if fault != "MISSING_FIELD:move_date":
            t["move_date"], w["move_date"] = move_date.isoformat(), write_date(rng, move_date)
        if rng.random() < 0.7:
            t["phone"] = w["phone"] = phone(rng)
        if rng.random() < 0.6:
            t["email"] = w["email"] = email_of(rng, name)
        decl = min(as_of, max(move_date, as_of - timedelta(days=20))) - timedelta(days=rng.randint(0, 4))
        t["declaration_date"], w["declaration_date"] = decl.isoformat(), write_date(rng, decl)
        labels = {f: rng.choice(MOVE_LABELS[f]) for f in MOVE_LABELS}
        if kind == "out" and rng.random() < 0.5:
            labels["new_address"] = rng.choice(("Forwarding address", "Address you are moving to"))
        if kind == "in" and labels["previous_address"] == "Property vacated":
            labels["previous_address"] = "Previous address"
        return Form(file, "council_tax_move", layout, fault, t, w, labels, "exception" if reasons else "approved",
                    reasons)

    def newcomer(self) -> str:
        first = self.rng.choice(("Amara", "Lewis", "Hannah", "Kacper", "Bethan", "Idris", "Zofia", "Callum", "Priya",
                                 "Ewan"))
        last = self.rng.choice(("Marchetti", "Okonkwo", "Hargreaves", "Nowak", "Pritchard", "Llewellyn", "Kaur",
                                "Fairbairn"))
        return f"{first} {last}"

    # ------------------------------------------------------------ permits
    def permit(self, file: str, layout: str, fault: str | None) -> Form:
        rng, r, as_of = self.rng, self.r, self.as_of
        start = as_of + timedelta(days=rng.randint(-5, 21))
        if fault == "DATE_IN_FUTURE":
            start = as_of + timedelta(days=rng.randint(40, 70))
        days = [as_of, start]
        want = 2 if fault == "PERMIT_CAP_REACHED" else None

        def ok(p: Prop) -> bool:
            if not p.zone or not (r.active_account(p.uprn) or r.electors.get(p.uprn)):
                return False
            n = r.permits_at(p.uprn, [*days, start + timedelta(days=365)])
            return n >= 2 and r.permits_at(p.uprn, days) >= 2 if want else n <= 1
        prop = self.take(ok)
        residents = list(r.electors.get(prop.uprn, []))
        acct = r.active_account(prop.uprn)
        if acct:
            residents += acct[1]
        name = rng.choice(sorted(set(residents)))
        if fault == "NOT_RESIDENT":
            name = rng.choice(STRANGERS)
        line, zone = write_addr(rng, prop.line1), prop.zone
        if fault == "PROPERTY_NOT_FOUND":
            number = prop.line1.split()[0]
            line = f"{int(number) + 400 if number.isdigit() else 999} {' '.join(prop.line1.split()[1:])}"
        if fault == "NOT_IN_PERMIT_ZONE":
            zone = rng.choice([z for z in "ACDEF" if z != prop.zone])
        style = rng.choice(("current", "current", "prefix", "suffix"))
        vrm = self.vrm(style)
        if fault == "VRM_HAS_PERMIT":
            vrm = rng.choice(sorted({v for u, v, f, t in r.permits if f <= as_of and start <= t and u != prop.uprn
                                     and not any(v == v2 and u2 == prop.uprn for u2, v2, _, _ in r.permits)}))
            style = "current" if vrm[:2].isalpha() and vrm[2:4].isdigit() else "prefix" if vrm[0].isalpha() and \
                vrm[1].isdigit() else "suffix"
        t: dict[str, Any] = {"applicant_name": titled(rng, name), "address": line, "postcode": prop.postcode,
                             "zone": zone, "start_date": start.isoformat()}
        w: dict[str, str] = {"applicant_name": t["applicant_name"], "address": line,
                             "postcode": write_pc(rng, prop.postcode), "start_date": write_date(rng, start)}
        if fault == "INVALID_FORMAT:vrm":
            bad = rng.choice(("AB1234CD", "ZZ99", "12ABCDE", "ABCD123E"))
            t["vrm"], w["vrm"] = bad, bad[:4] + " " + bad[4:] if len(bad) > 4 else bad
        elif fault != "MISSING_FIELD:vrm":
            t["vrm"], w["vrm"] = vrm, write_vrm(rng, vrm, style)
        w["zone"] = rng.choice((zone, f"Zone {zone}", zone)) if layout != "permit_vehicle" else zone
        if rng.random() < 0.85:
            t["vehicle_make"] = w["vehicle_make"] = rng.choice(MAKES)
        if rng.random() < 0.7:
            t["phone"] = w["phone"] = phone(rng)
        if rng.random() < 0.6:
            t["email"] = w["email"] = email_of(rng, name)
        decl = as_of - timedelta(days=rng.randint(0, 9))
        t["declaration_date"], w["declaration_date"] = decl.isoformat(), write_date(rng, decl)
        labels = {f: rng.choice(PERMIT_LABELS[f]) for f in PERMIT_LABELS}
        reasons = [fault] if fault else []
        return Form(file, "parking_permit", layout, fault, t, w, labels, "exception" if reasons else "approved",
                    reasons, extra={"vrm_style": style})

    # ------------------------------------------------------------ letters
    def letter(self, file: str, layout: str, topic: str, fault: str | None) -> Form:
        rng, r, as_of = self.rng, self.r, self.as_of
        letter_date = as_of - timedelta(days=rng.randint(1, 12))
        prop = self.take(lambda p: bool(r.electors.get(p.uprn)) and r.active_account(p.uprn) is not None)
        ref, liable = r.active_account(prop.uprn)  # type: ignore[misc]
        name = rng.choice(liable)
        t: dict[str, Any] = {"topic": topic, "sender_name": name}
        w: dict[str, str] = {"sender_name": name}
        with_address = not (fault == "SENDER_UNKNOWN" or (layout == "email" and rng.random() < 0.4))
        # A quoted account that exists makes the sender known (forms.md), so the unknown senders quote none.
        unknown = fault in ("SENDER_UNKNOWN", "SENDER_UNKNOWN:address")
        quote = not unknown and (fault == "ACCOUNT_NOT_FOUND" or topic == "council_tax_query" or not with_address
                                 or rng.random() < 0.3)
        line, pc = prop.line1, prop.postcode
        if fault == "SENDER_UNKNOWN:address":
            line, pc = rng.choice(OUT_ADDRESSES)
        if with_address:
            t["address"], w["address"] = line, line
            t["postcode"], w["postcode"] = pc, pc if rng.random() < 0.8 else pc.replace(" ", "")
        if quote:
            if fault == "ACCOUNT_NOT_FOUND":
                while (ref := str(rng.randint(40000000, 49999999))) in r.accounts:
                    pass
            t["account_ref"], w["account_ref"] = ref, write_ref(rng, ref)
        dates: list[date] = []
        body = compose(rng, topic, line if with_address else None, w.get("account_ref"), letter_date, dates)
        t["body"] = w["body"] = body
        # every date in the text: the letter's own and the body's (forms.md: "ISO dates found in the text")
        t["dates_mentioned"] = sorted({letter_date.isoformat(), *(d.isoformat() for d in dates)})
        reasons = {"SENDER_UNKNOWN": ["SENDER_UNKNOWN"], "SENDER_UNKNOWN:address": ["SENDER_UNKNOWN"],
                   "ACCOUNT_NOT_FOUND": ["ACCOUNT_NOT_FOUND"], None: []}[fault]
        extra = {"letter_date": letter_date.isoformat(), "town": prop.town if fault is None else "",
                 "phone": phone(rng), "email": email_of(rng, name)}
        return Form(file, "correspondence", layout, fault, t, w, {}, "exception" if reasons else "approved",
                    reasons, extra=extra)


# --------------------------------------------------------------------------- letter text

BODY: dict[str, tuple[tuple[str, ...], ...]] = {
    "missed_bin": (
        ("Our green recycling bin was not emptied on {d} when the crew came down the road.",
         "The refuse lorry missed our black wheelie bin on {d}, although it was out by 7am as usual.",
         "For the second fortnight running our household waste collection has been missed, most recently on {d}."),
        ("Every other bin in the street was emptied apart from ours.",
         "The bin is now overflowing and bags are piling up beside it, which is attracting foxes.",
         "I checked the collection calendar and we were definitely due a collection that day."),
        ("Please could you send the crew back to empty it as soon as possible.",
         "Could you arrange for the missed collection to be picked up this week?",
         "I would be grateful if someone could come and collect it."),
    ),
    "council_tax_query": (
        ("I have received my council tax bill and I do not understand why the instalments have gone up.",
         "I would like to query the band my home has been placed in for council tax.",
         "I set up a direct debit for my council tax but the first payment was taken twice on {d}."),
        ("Could you explain how the amount on the bill was worked out?",
         "Please can you check my council tax account and tell me what I owe for the year.",
         "I would like to know whether I can spread the council tax payments over twelve months instead of ten."),
        ("I have always paid on time and want to make sure the account is correct.",
         "A breakdown of the charge would be helpful."),
    ),
    "complaint": (
        ("I wish to make a formal complaint about the way I was treated when I phoned the council on {d}.",
         "I am writing to complain about the council's failure to reply to my emails about the broken fence "
         "behind the play area.",
         "Please treat this letter as a formal complaint under your complaints procedure."),
        ("The member of staff I spoke to was dismissive and put the phone down on me.",
         "I have now waited over six weeks without any response, which I find unacceptable.",
         "Nobody has taken responsibility and I have been passed from one department to another."),
        ("I would like an apology and an explanation of what will be done to put this right.",
         "I expect a written response within the timescale in your complaints policy."),
    ),
    "foi_request": (
        ("Under the Freedom of Information Act 2000, please provide the number of fixed penalty notices for "
         "fly-tipping issued by the council in each of the last three financial years.",
         "I am making a request under the Freedom of Information Act for the total amount the council spent on "
         "agency staff between {d} and the end of that month.",
         "This is a request for information under the Freedom of Information Act 2000 about the council's "
         "contracts for grounds maintenance."),
        ("I would prefer to receive the information electronically, in a spreadsheet if possible.",
         "If answering the whole request would exceed the cost limit, please tell me how I could narrow it."),
    ),
    "other": (
        ("I would like to put my name down for an allotment plot at the Thornby Road site.",
         "Could you send me details of how to hire the community hall for a birthday party on {d}?",
         "I wanted to thank the gardeners who replanted the flower beds on the green; they look wonderful.",
         "A street light outside my house has been flickering on and off since {d}.",
         "Could you tell me the opening hours of the household recycling centre over Christmas?"),
        ("Please let me know what the next steps are.",
         "I am happy to be contacted by telephone if that is easier.",
         "Please pass this on to whoever looks after it."),
    ),
}


def compose(rng: random.Random, topic: str, line: str | None, ref: str | None, letter_date: date,
            dates: list[date]) -> str:
    sentences = []
    for pool in BODY[topic]:
        s = rng.choice(pool)
        if "{d}" in s:
            d = letter_date - timedelta(days=rng.randint(2, 40))
            if rng.random() < 0.3:  # no year: the one that puts it before the letter's date
                shown = rng.choice((f"{DAYS[d.weekday()]} {ordinal(d.day)} {MONTHS[d.month - 1]}",
                                    f"the {ordinal(d.day)} of {MONTHS[d.month - 1]}"))
            else:
                shown = write_date(rng, d)
            s = s.replace("{d}", shown)
            dates.append(d)
        sentences.append(s)
    if line and topic == "missed_bin" and rng.random() < 0.5:
        sentences.insert(1, f"I live at {line}.")
    if ref:
        sentences.append(rng.choice((f"My council tax reference is {ref}.", f"My account number is {ref}.",
                                     f"For reference, my council tax account is {ref}.")))
    return " ".join(sentences)


# --------------------------------------------------------------------------- rendering helpers


def _canvas(buf: io.BytesIO, title: str) -> Canvas:
    c = Canvas(buf, pagesize=A4, pageCompression=0)
    c.setTitle(title)
    c.setAuthor("Forms and Letters Unit")
    return c


def _para(c: Canvas, text: str, x: float, y: float, width: float, font: str = "Helvetica", size: float = 10,
          lead: float = 13) -> float:
    c.setFont(font, size)
    for line in simpleSplit(text, font, size, width):
        c.drawString(x, y, line)
        y -= lead
    return y


def _tick(c: Canvas, x: float, y: float, on: bool, label: str) -> float:
    c.rect(x, y - 2, 9, 9)
    if on:
        c.setFont("Helvetica-Bold", 9)
        c.drawString(x + 1.6, y, "X")
    c.setFont("Helvetica", 10)
    c.drawString(x + 14, y, label)
    return x + 24 + c.stringWidth(label, "Helvetica", 10)


def _head(c: Canvas, title: str, sub: str) -> float:
    c.setFillGray(0.15)
    c.rect(0, 780, 595, 62, fill=1, stroke=0)
    c.setFillGray(1)
    c.setFont("Helvetica-Bold", 15)
    c.drawString(40, 815, title)
    c.setFont("Helvetica", 9)
    c.drawString(40, 798, sub)
    c.setFillGray(0)
    return 760


MOVE_ORDER_OUT = ("account_ref", "applicant_name", "previous_address", "previous_postcode", "move_date",
                  "new_address", "new_postcode", "phone", "email")
MOVE_ORDER_IN = ("applicant_name", "new_address", "new_postcode", "move_date", "previous_address",
                 "previous_postcode", "phone", "email")


def _move_order(form: Form) -> tuple[str, ...]:
    return MOVE_ORDER_OUT if form.truth["move_type"] == "out" else MOVE_ORDER_IN


# --------------------------------------------------------------------------- move layouts


def render_move_ticktable(form: Form, rng: random.Random) -> bytes:
    buf = io.BytesIO()
    c = _canvas(buf, "Council Tax change of address")
    y = _head(c, "Council Tax - change of address", f"{COUNCIL} - Revenues Section, PO Box 77, Formwick FW1 9ZX")
    y = _para(c, "Complete this form if you are moving into, out of or within the district. Use BLOCK CAPITALS.",
              40, y, 515)
    y -= 8
    c.setFont("Helvetica-Bold", 10)
    c.drawString(40, y, "I am moving")
    out = form.truth["move_type"] == "out"
    x = _tick(c, 130, y, not out, "in")
    _tick(c, x, y, out, "out")
    form.ticked["move_type"] = "in" if not out else "out"
    y -= 22
    rows = [f for f in _move_order(form)] + ["declaration_date"]
    for f in rows:
        c.rect(40, y - 8, 220, 22)
        c.rect(260, y - 8, 295, 22)
        c.setFont("Helvetica", 9)
        c.drawString(46, y, form.labels[f])
        c.setFont("Courier", 10)
        c.drawString(266, y, form.written.get(f, ""))
        y -= 22
    y -= 12
    _para(c, "I declare that the information given is true. Signature: ____________________", 40, y, 515)
    c.save()
    return buf.getvalue()


def render_move_sections(form: Form, rng: random.Random) -> bytes:
    buf = io.BytesIO()
    c = _canvas(buf, "Moving home")
    c.setFont("Helvetica-Bold", 16)
    c.drawString(40, 795, "Moving home? Tell us about your Council Tax")
    c.setFont("Helvetica", 8)
    c.drawRightString(555, 830, "Form CTM3 (rev. 04/26)")
    c.drawRightString(555, 820, "Return to: Council Tax, Civic Offices, Formwick FW1 9ZX")
    y = 770.0
    out = form.truth["move_type"] == "out"
    sections = ([("Section A - The property you are leaving", ("account_ref", "applicant_name", "previous_address",
                                                                 "previous_postcode", "move_date")),
                 ("Section B - Where we should send your final bill", ("new_address", "new_postcode", "phone",
                                                                       "email"))]
                if out else
                [("Section A - Your new home in the district", ("applicant_name", "new_address", "new_postcode",
                                                                "move_date")),
                 ("Section B - Where you lived before", ("previous_address", "previous_postcode", "phone", "email"))])
    if out:
        form.labels["move_date"] = rng.choice(("Date you moved out", "Last day at this address"))
    else:
        form.labels["move_date"] = rng.choice(("Date you moved in", "First day at this address"))
    form.ticked["move_type"] = sections[0][0]
    for heading, fields in sections:
        c.setFillGray(0.85)
        c.rect(40, y - 4, 515, 18, fill=1, stroke=0)
        c.setFillGray(0)
        c.setFont("Helvetica-Bold", 11)
        c.drawString(44, y + 1, heading)
        y -= 26
        for f in fields:
            c.setFont("Helvetica", 8)
            c.setFillGray(0.35)
            c.drawString(44, y, form.labels[f])
            c.setFillGray(0)
            c.setFont("Helvetica", 11)
            c.drawString(44, y - 14, form.written.get(f, ""))
            c.line(44, y - 17, 400, y - 17)
            y -= 34
        y -= 6
    c.setFont("Helvetica-Bold", 11)
    c.drawString(40, y, "Section C - Declaration")
    y = _para(c, "The information I have given is correct to the best of my knowledge.", 40, y - 16, 515, size=9)
    c.setFont("Helvetica", 8)
    c.drawString(44, y - 4, form.labels["declaration_date"])
    c.setFont("Helvetica", 11)
    c.drawString(44, y - 18, form.written["declaration_date"])
    c.save()
    return buf.getvalue()


def render_move_acro(form: Form, rng: random.Random) -> bytes:
    buf = io.BytesIO()
    c = _canvas(buf, "CT Moving form")
    y = _head(c, "Council Tax: moving form", "Fill in on screen, save and email to ctax@formwick.gov.uk")
    out = form.truth["move_type"] == "out"
    c.setFont("Helvetica", 10)
    c.drawString(40, y, "Please tick one:")
    for i, (label, on) in enumerate((("Moving into the area / new occupier", not out),
                                     ("Moving out / leaving the property", out))):
        name = f"CheckBox{i + 1}"
        c.acroForm.checkbox(name=name, x=150 + i * 210, y=y - 3, size=11, checked=on, buttonStyle="check",
                            borderWidth=1)
        c.drawString(165 + i * 210, y, label)
        if on:
            form.widgets["move_type"] = name
            form.ticked["move_type"] = label
    y -= 34
    n = rng.randint(1, 5)
    for f in [f for f in MOVE_FIELDS if f != "move_type"]:
        name = f"Text{n}"
        n += 1
        form.widgets[f] = name
        c.setFont("Helvetica", 9)
        c.drawString(40, y + 5, form.labels[f])
        c.acroForm.textfield(name=name, value=form.written.get(f, ""), x=220, y=y, width=330, height=18,
                             fontName="Helvetica", fontSize=10, borderWidth=1)
        y -= 30
    c.save()
    return buf.getvalue()


def render_move_receipt(form: Form, rng: random.Random) -> bytes:
    buf = io.BytesIO()
    c = _canvas(buf, "Submission receipt")
    out = form.truth["move_type"] == "out"
    stamp = datetime(2026, 11, rng.randint(10, 26), rng.randint(8, 20), rng.randint(0, 59))
    c.setFont("Helvetica", 8)
    c.drawString(40, 815, f"https://myaccount.formwick.gov.uk/forms/ctax-move  printed {stamp:%d/%m/%Y %H:%M}")
    c.setFont("Helvetica-Bold", 14)
    c.drawString(40, 790, "Thank you, your form has been submitted")
    c.setFont("Helvetica", 10)
    c.drawString(40, 772, f"Submission reference: FS-{rng.randint(1000000, 9999999)}")
    c.drawString(40, 758, "Form: Council Tax - report a change of address")
    y = 730.0
    answer = rng.choice(("Moving out", "Out", "I am moving out of the property")) if out else \
        rng.choice(("Moving in", "In", "I have moved into the property"))
    form.ticked["move_type"] = answer
    rows = [("Are you moving in or out?", answer)] + [(form.labels[f], form.written.get(f, ""))
                                                      for f in (*_move_order(form), "declaration_date")]
    c.setFont("Helvetica-Bold", 11)
    c.drawString(40, y, "Your answers")
    y -= 20
    for q, a in rows:
        c.setFont("Helvetica-Bold", 9)
        c.drawString(40, y, q)
        c.setFont("Helvetica", 10)
        c.drawString(260, y, a or "Not provided")
        c.setStrokeGray(0.8)
        c.line(40, y - 6, 555, y - 6)
        c.setStrokeGray(0)
        y -= 22
    c.save()
    return buf.getvalue()


# --------------------------------------------------------------------------- permit layouts


def _letterhead(c: Canvas) -> None:
    c.setFont("Helvetica-Bold", 13)
    c.drawString(40, 805, COUNCIL)
    c.setFont("Helvetica", 8)
    for i, s in enumerate(("Parking Services", "Town Hall, Market Square", "Formwick", "FW1 9PQ",
                           "Tel 01632 960000")):
        c.drawRightString(555, 810 - i * 10, s)


def render_permit_numbered(form: Form, rng: random.Random) -> bytes:
    buf = io.BytesIO()
    c = _canvas(buf, "Residents parking permit application")
    _letterhead(c)
    c.setFont("Helvetica-Bold", 12)
    c.drawString(40, 745, "Application for a Resident Parking Permit")
    y = _para(c, "One permit per vehicle, no more than two per household. Your vehicle must be registered at the "
                 "address given below.", 40, 728, 515, size=9)
    y -= 10
    for i, f in enumerate(("applicant_name", "address", "postcode", "zone", "vrm", "vehicle_make", "start_date",
                           "phone", "email", "declaration_date"), start=1):
        c.setFont("Helvetica", 10)
        c.drawString(40, y, f"{i}.")
        c.drawString(58, y, form.labels[f])
        c.setFont("Times-Roman", 11)
        c.drawString(250, y, form.written.get(f, ""))
        c.setDash(1, 2)
        c.line(248, y - 3, 555, y - 3)
        c.setDash()
        y -= 26
    c.save()
    return buf.getvalue()


def render_permit_vehicle(form: Form, rng: random.Random) -> bytes:
    buf = io.BytesIO()
    c = _canvas(buf, "Permit application")
    y = _head(c, "Residents' parking permit", "Parking Services, Town Hall, Formwick FW1 9PQ")
    c.setFont("Helvetica-Bold", 11)
    c.drawString(40, y, "About you")
    y -= 18
    for f in ("applicant_name", "address", "postcode", "phone", "email"):
        c.setFont("Helvetica", 9)
        c.drawString(40, y, form.labels[f] + ":")
        c.setFont("Helvetica", 11)
        c.drawString(200, y, form.written.get(f, ""))
        y -= 18
    y -= 8
    c.setFont("Helvetica-Bold", 11)
    c.drawString(40, y, "Your vehicle")
    y -= 18
    cols = (("Registration", 40), ("Make", 180), ("Colour", 340))
    for head, x in cols:
        c.rect(x, y - 6, 140 if x < 340 else 120, 16)
        c.setFont("Helvetica-Bold", 9)
        c.drawString(x + 4, y, head)
    y -= 16
    for (_, x), v in zip(cols, (form.written.get("vrm", ""), form.written.get("vehicle_make", ""),
                                rng.choice(COLOURS)), strict=True):
        c.rect(x, y - 6, 140 if x < 340 else 120, 16)
        c.setFont("Helvetica", 10)
        c.drawString(x + 4, y, v)
    form.labels["vrm"], form.labels["vehicle_make"] = "Registration (table)", "Make (table)"
    y -= 34
    c.setFont("Helvetica-Bold", 10)
    c.drawString(40, y, "Which zone? (tick one)")
    tx = 190.0
    for z in ("A", "C", "D", "E", "F"):
        tx = _tick(c, tx, y, z == form.truth["zone"], f"Zone {z}")
    form.ticked["zone"] = f"Zone {form.truth['zone']}"
    form.labels["zone"] = "Which zone? (tick one)"
    y -= 26
    for f in ("start_date", "declaration_date"):
        c.setFont("Helvetica", 9)
        c.drawString(40, y, form.labels[f] + ":")
        c.setFont("Helvetica", 11)
        c.drawString(200, y, form.written[f])
        y -= 18
    c.save()
    return buf.getvalue()


def render_permit_acro(form: Form, rng: random.Random) -> bytes:
    buf = io.BytesIO()
    c = _canvas(buf, "Permit e-form")
    y = _head(c, "Resident permit - electronic form", "Type into the boxes and email to parking@formwick.gov.uk")
    n = rng.randint(10, 40)
    for f in PERMIT_FIELDS:
        name = f"fld_{n}"
        n += rng.randint(1, 3)
        form.widgets[f] = name
        c.setFont("Helvetica", 9)
        c.drawString(40, y + 5, form.labels[f])
        c.acroForm.textfield(name=name, value=form.written.get(f, ""), x=230, y=y, width=320, height=18,
                             fontName="Helvetica", fontSize=10, borderWidth=1)
        y -= 30
    c.save()
    return buf.getvalue()


def render_permit_check(form: Form, rng: random.Random) -> bytes:
    buf = io.BytesIO()
    c = _canvas(buf, "Check your answers")
    c.setFont("Helvetica", 9)
    c.drawString(40, 815, "Apply for a residents' parking permit - formwick.gov.uk")
    c.setFont("Helvetica-Bold", 20)
    c.drawString(40, 785, "Check your answers")
    y = 750.0
    groups = (("Your details", ("applicant_name", "address", "postcode", "phone", "email")),
              ("Your vehicle", ("vrm", "vehicle_make")),
              ("Your permit", ("zone", "start_date", "declaration_date")))
    for heading, fields in groups:
        c.setFont("Helvetica-Bold", 13)
        c.drawString(40, y, heading)
        y -= 22
        for f in fields:
            c.setFont("Helvetica-Bold", 10)
            c.drawString(40, y, form.labels[f])
            c.setFont("Helvetica", 10)
            c.drawString(240, y, form.written.get(f, ""))
            c.setFillColorRGB(0.1, 0.3, 0.7)
            c.drawRightString(555, y, "Change")
            c.setFillGray(0)
            c.setStrokeGray(0.75)
            c.line(40, y - 7, 555, y - 7)
            c.setStrokeGray(0)
            y -= 24
        y -= 10
    c.save()
    return buf.getvalue()


# --------------------------------------------------------------------------- letters


def _council_block(rng: random.Random, topic: str) -> list[str]:
    team = {"missed_bin": "Waste and Recycling", "council_tax_query": "Council Tax Section",
            "complaint": "Customer Feedback Team", "foi_request": "Information Governance Officer",
            "other": "Customer Services"}[topic]
    return [team, COUNCIL, rng.choice(("Town Hall", "Civic Offices", "PO Box 611")), "Formwick", "FW1 9ZX"]


def _sender_block(form: Form) -> list[str]:
    lines = [form.written["sender_name"]]
    if "address" in form.written:
        lines += [form.written["address"]] + ([form.extra["town"]] if form.extra["town"] else []) + \
            [form.written["postcode"]]
    return lines


def _written_date(rng: random.Random, d: date) -> str:
    return rng.choice((f"{d.day} {MONTHS[d.month - 1]} {d.year}", f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}",
                       f"{d:%d/%m/%Y}", f"{DAYS[d.weekday()]}, {d.day} {MONTHS[d.month - 1]} {d.year}"))


def render_letter_right(form: Form, rng: random.Random) -> bytes:
    buf = io.BytesIO()
    c = _canvas(buf, "Letter")
    y = 800.0
    c.setFont("Helvetica", 11)
    for s in _sender_block(form):
        c.drawRightString(555, y, s)
        y -= 14
    c.drawRightString(555, y - 6, _written_date(rng, date.fromisoformat(form.extra["letter_date"])))
    y -= 40
    for s in _council_block(rng, form.truth["topic"]):
        c.drawString(50, y, s)
        y -= 14
    y -= 20
    c.drawString(50, y, rng.choice(("Dear Sir or Madam,", "Dear Sir/Madam,", "To whom it may concern,")))
    y = _para(c, form.written["body"], 50, y - 22, 495, size=11, lead=15)
    c.setFont("Helvetica", 11)
    c.drawString(50, y - 14, rng.choice(("Yours faithfully,", "Yours sincerely,")))
    c.drawString(50, y - 60, form.written["sender_name"])
    c.save()
    return buf.getvalue()


def render_letter_left(form: Form, rng: random.Random) -> bytes:
    buf = io.BytesIO()
    c = _canvas(buf, "Letter")
    y = 800.0
    c.setFont("Times-Roman", 12)
    for s in _sender_block(form)[1:] if "address" in form.written else []:
        c.drawString(60, y, s)
        y -= 15
    y -= 15
    c.drawString(60, y, _written_date(rng, date.fromisoformat(form.extra["letter_date"])))
    y -= 30
    for s in _council_block(rng, form.truth["topic"]):
        c.drawString(60, y, s)
        y -= 15
    y -= 15
    subject = {"missed_bin": "Missed collection", "council_tax_query": "My Council Tax account",
               "complaint": "Formal complaint", "foi_request": "Freedom of Information request",
               "other": "Enquiry"}[form.truth["topic"]]
    c.setFont("Times-Bold", 12)
    c.drawString(60, y, f"Re: {subject}")
    c.setFont("Times-Roman", 12)
    c.drawString(60, y - 24, "Dear Sir or Madam,")
    y = _para(c, form.written["body"], 60, y - 46, 475, font="Times-Roman", size=12, lead=15)
    c.drawString(60, y - 14, rng.choice(("Yours faithfully", "Yours sincerely")))
    c.drawString(60, y - 58, form.written["sender_name"])
    c.save()
    return buf.getvalue()


def render_email(form: Form, rng: random.Random) -> bytes:
    buf = io.BytesIO()
    c = _canvas(buf, "Email")
    d = date.fromisoformat(form.extra["letter_date"])
    to = {"missed_bin": "waste@formwick.gov.uk", "council_tax_query": "counciltax@formwick.gov.uk",
          "complaint": "feedback@formwick.gov.uk", "foi_request": "foi@formwick.gov.uk",
          "other": "enquiries@formwick.gov.uk"}[form.truth["topic"]]
    subject = {"missed_bin": "Bin not collected", "council_tax_query": "Query about my bill",
               "complaint": "Complaint", "foi_request": "FOI request", "other": "Question"}[form.truth["topic"]]
    y = 800.0
    for k, v in (("From:", f"{form.written['sender_name']} <{form.extra['email']}>"),
                 ("Sent:", f"{DAYS[d.weekday()]}, {d.day} {MONTHS[d.month - 1]} {d.year} {rng.randint(8, 21)}:"
                           f"{rng.randint(10, 59)}"),
                 ("To:", to), ("Subject:", subject)):
        c.setFont("Helvetica-Bold", 10)
        c.drawString(40, y, k)
        c.setFont("Helvetica", 10)
        c.drawString(100, y, v)
        y -= 14
    c.line(40, y, 555, y)
    y -= 24
    c.setFont("Helvetica", 10)
    c.drawString(40, y, rng.choice(("Hello,", "Dear Sir/Madam,", "Good morning,")))
    y = _para(c, form.written["body"], 40, y - 20, 515)
    c.drawString(40, y - 8, rng.choice(("Kind regards,", "Many thanks,", "Regards,")))
    y -= 24
    for s in [*_sender_block(form), form.extra["phone"]]:
        c.drawString(40, y, s)
        y -= 13
    c.save()
    return buf.getvalue()


RENDER = {name: globals()[f"render_{name}"] for name in LAYOUTS}


# --------------------------------------------------------------------------- building


def plan(records: Records, seed: int, as_of: date, per_move: int = 5, per_permit: int = 5,
         per_letter: int = 7) -> list[Form]:
    p = Planner(records, seed, as_of)
    forms: list[Form] = []
    faults = list(MOVE_FAULTS)
    for i, layout in enumerate(MOVE_LAYOUTS):
        mine = faults[2 * i: 2 * i + 2]
        for k in range(per_move):
            fault = mine[k // 2] if k in (1, 3) and len(mine) > k // 2 else None
            kind = ("out" if (k + i) % 2 == 0 else "in")
            if fault in ("ACCOUNT_NOT_FOUND", "NAME_MISMATCH", "ADDRESS_MISMATCH", "MISSING_FIELD:account_ref"):
                kind = "out"
            elif fault == "PROPERTY_NOT_FOUND":
                kind = "in"
            forms.append(p.move(f"ctmove_{len(forms) + 1:03d}.pdf", layout, kind, fault))
    faults = list(PERMIT_FAULTS)
    for i, layout in enumerate(PERMIT_LAYOUTS):
        mine = faults[2 * i: 2 * i + 2]
        for k in range(per_permit):
            fault = mine[k // 2] if k in (1, 3) else None
            forms.append(p.permit(f"permit_{len(forms) + 1:03d}.pdf", layout, fault))
    for i, layout in enumerate(LETTER_LAYOUTS):
        for k in range(per_letter):
            topic = TOPICS[(k + i) % len(TOPICS)]
            fault = LETTER_FAULTS[(i + k // 3) % 3] if k in (2, 5) else None
            forms.append(p.letter(f"{'email' if layout == 'email' else 'letter'}_{len(forms) + 1:03d}.pdf",
                                  layout, topic, fault))
    return forms


def build(records_xlsx: Path, out: Path, seed: int, as_of: date) -> list[Form]:
    records = Records.load(records_xlsx)
    forms = plan(records, seed, as_of)
    inbox = out / "inbox"
    inbox.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed + 1)
    with (out / "truth.jsonl").open("w", encoding="utf-8") as truth:
        for form in forms:
            (inbox / form.file).write_bytes(RENDER[form.layout](form, rng))
            # layout, fault, labels and ticks are ours (formwork eval reads only the contract's keys).
            truth.write(json.dumps({"file": form.file, "form_type": form.form_type, "fields": form.truth,
                                    "outcome": form.outcome, "reasons": form.reasons, "layout": form.layout,
                                    "fault": form.fault, "labels": form.labels, "ticked": form.ticked,
                                    "widgets": form.widgets}) + "\n")
    (out / "forms.json").write_text(json.dumps([asdict(f) for f in forms], indent=1), encoding="utf-8")
    return forms


if __name__ == "__main__":
    import sys

    built = build(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 31,
                  date(2026, 11, 27))
    print(f"wrote {len(built)} forms to {sys.argv[2]}")
