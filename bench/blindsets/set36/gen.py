#!/usr/bin/env python3
"""Blind test set 36: Exmere City Council.

Deterministic generator: writes records.xlsx, inbox/*.pdf, truth.jsonl next to
this file.  Run:  python gen.py
"""
import datetime as dt
import io
import json
import os
import random
import re
import shutil
import zipfile
from xml.sax.saxutils import escape

from reportlab import rl_config

rl_config.invariant = 1  # no timestamps / random IDs in PDFs

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.lib.fonts import addMapping
from reportlab.pdfgen import canvas
from reportlab.platypus import (SimpleDocTemplate, Paragraph, Table, TableStyle,
                                Spacer, KeepTogether)
import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
AS_OF = dt.date(2026, 12, 7)
SEED = 360036
R = random.Random(SEED)
D = dt.date

# ----------------------------------------------------------------- fonts
FD = "/usr/share/fonts/truetype/dejavu/"
for nm, fn in [("DVS", "DejaVuSans.ttf"), ("DVS-B", "DejaVuSans-Bold.ttf"),
               ("DVS-I", "DejaVuSans-Oblique.ttf"), ("DVS-BI", "DejaVuSans-BoldOblique.ttf"),
               ("DVC", "DejaVuSansCondensed.ttf"), ("DVC-B", "DejaVuSansCondensed-Bold.ttf"),
               ("DVC-I", "DejaVuSansCondensed-Oblique.ttf"), ("DVC-BI", "DejaVuSansCondensed-BoldOblique.ttf"),
               ("DVSerif", "DejaVuSerif.ttf"), ("DVSerif-B", "DejaVuSerif-Bold.ttf"),
               ("DVSerif-I", "DejaVuSerif-Italic.ttf"), ("DVSerif-BI", "DejaVuSerif-BoldItalic.ttf"),
               ("DVMono", "DejaVuSansMono.ttf")]:
    pdfmetrics.registerFont(TTFont(nm, FD + fn))
for fam in ("DVS", "DVC", "DVSerif"):
    addMapping(fam, 0, 0, fam)
    addMapping(fam, 1, 0, fam + "-B")
    addMapping(fam, 0, 1, fam + "-I")
    addMapping(fam, 1, 1, fam + "-BI")

COUNCIL = "Exmere City Council"
COUNCIL_ADDR = ["Civic Centre", "Guildhall Square", "Exmere", "EX1 1XU"]

# ----------------------------------------------------------------- helpers

def ordinal(n):
    if 11 <= n % 100 <= 13:
        return f"{n}th"
    return f"{n}" + {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def fmt_date(d, style):
    if style == "slash":
        return d.strftime("%d/%m/%Y")
    if style == "slash1":
        return f"{d.day}/{d.month}/{d.year}"
    if style == "dash":
        return d.strftime("%d-%m-%Y")
    if style == "dot":
        return d.strftime("%d.%m.%Y")
    if style == "long":
        return f"{d.day} {d:%B} {d.year}"
    if style == "ord":
        return f"{ordinal(d.day)} {d:%B} {d.year}"
    if style == "us":
        return f"{d:%B} {d.day}, {d.year}"
    if style == "iso":
        return d.isoformat()
    raise ValueError(style)


def fmt_acc(ref, style):
    return {"plain": ref, "space": ref[:4] + " " + ref[4:], "ct": "CT" + ref,
            "dash": ref[:4] + "-" + ref[4:]}[style]


def fmt_pc(pc, style):
    return {"norm": pc, "lower": pc.lower(), "nospace": pc.replace(" ", "")}[style]


def rand_date(a, b):
    return a + dt.timedelta(days=R.randint(0, (b - a).days))


def pick(seq):
    return seq[R.randrange(len(seq))]


# ----------------------------------------------------------------- people
FEM = ["Jane", "Sarah", "Emma", "Claire", "Helen", "Rachel", "Joanne", "Lucy", "Karen", "Priya",
       "Aisha", "Megan", "Gemma", "Nicola", "Deborah", "Sophie", "Hannah", "Fiona", "Zofia",
       "Bethan", "Eleanor", "Tamsin", "Kerenza", "Morwenna", "Lorraine", "Yvonne", "Niamh",
       "Charlotte", "Abigail", "Maureen", "Sian", "Grace"]
MAL = ["David", "Mark", "Paul", "Stephen", "James", "Andrew", "Richard", "Tom", "Gareth",
       "Mohammed", "Liam", "Ryan", "Daniel", "Chris", "Peter", "Simon", "Jack", "Oliver",
       "Tomasz", "Ravi", "Callum", "Jago", "Kieran", "Neil", "Graham", "Martin", "Declan",
       "Alan", "Joseph", "Owen", "Nathan", "Trevor"]
SUR = ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson",
       "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood",
       "Jackson", "Clarke", "Pengelly", "Trelawny", "Hocking", "Nankervis", "Penrose",
       "Chudleigh", "Ashworth", "Okafor", "Kowalski", "Patel", "Khan", "Nguyen", "Murphy",
       "O'Neill", "Hughes", "Edwards", "Lewis", "Harris", "Martin", "Cooper", "Ward", "Moore",
       "Stevens", "Bennett", "Gray", "Hill", "Baker", "Rowe", "Yeo", "Gill", "Tucker", "Veale",
       "Squires", "Pearce", "Ellacott", "Quick", "Luscombe", "Dart", "Heard", "Vosper",
       "Kingdon", "Passmore", "Northcott", "Blackmore", "Cann", "Slee", "Ford", "Gould"]
USED_NAMES = set()


class Person:
    def __init__(self, first, last, sex):
        self.first, self.last, self.sex = first, last, sex

    @property
    def full(self):
        return f"{self.first} {self.last}"

    def title(self):
        if self.sex == "f":
            return pick(["Mrs", "Ms", "Miss", "Mrs", "Dr"])
        return pick(["Mr", "Mr", "Mr", "Dr"])


def person(sex=None, last=None):
    for _ in range(1000):
        s = sex or pick("fm")
        f = pick(FEM if s == "f" else MAL)
        l = last or pick(SUR)
        if (f, l) not in USED_NAMES:
            USED_NAMES.add((f, l))
            return Person(f, l, s)
        last = None if last and _ > 20 else last
    raise RuntimeError("names")


def phone():
    if R.random() < 0.6:
        return f"07700 900{R.randint(0, 999):03d}"
    return f"01632 960{R.randint(0, 999):03d}"


def email_for(p):
    dom = pick(["gmail.com", "btinternet.com", "outlook.com", "hotmail.co.uk", "yahoo.co.uk"])
    user = pick([f"{p.first}.{p.last}", f"{p.first[0]}{p.last}", f"{p.first}{p.last}{R.randint(1, 99)}"])
    return re.sub(r"[^A-Za-z0-9.]", "", user).lower() + "@" + dom


# ----------------------------------------------------------------- the gazetteer
PC_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
STREETS = [  # name, ward, zone, outward+sector
    ("Chapel Street", "Cathedral", "A", "EX4 3"),
    ("Priory Road", "Cathedral", "A", "EX4 4"),
    ("Weirfield Road", "Riverside", "B", "EX2 4"),
    ("Lammas Walk", "Riverside", "B", "EX2 5"),
    ("Bartholomew Terrace", "Northgate", "B2", "EX4 6"),
    ("Coombe Street", "Northgate", "B2", "EX4 7"),
    ("Tanners Row", "Heathfield", "C1", "EX1 2"),
    ("Kingsgate Crescent", "Heathfield", "C2", "EX1 3"),
    ("Ferry Lane", "Riverside", "C1", "EX2 6"),
    ("St Aldhelm's Road", "St Aldhelm", "D", "EX4 1"),
    ("Quayside Mews", "Riverside", "D", "EX2 7"),
    ("Orchard Rise", "Wyke", "", "EX4 9"),
    ("Rowan Close", "Wyke", "", "EX4 8"),
    ("Beacon Hill Road", "Heathfield", "", "EX1 4"),
    ("Exe View Road", "St Aldhelm", "", "EX2 8"),
    ("Mill Lane", "Wyke", "", "EX5 2"),
    ("Cathedral Yard Cottages", "Cathedral", "A", "EX1 1"),
    ("Pound Lane", "Northgate", "", "EX4 5"),
]
LOCALITY = {"Wyke": "Wyke", "St Aldhelm": "St Aldhelm", "Heathfield": "Heathfield"}
WARD_CODE = {"Cathedral": "CA", "Riverside": "RV", "Northgate": "NG", "Heathfield": "HF",
             "St Aldhelm": "SA", "Wyke": "WY"}

PROPS = []
PROP_BY_LINE = {}
_used_uprn = set()
for sname, ward, zone, sector in STREETS:
    units = [sector + pick(PC_LETTERS) + pick(PC_LETTERS) for _ in range(2)]
    nums = sorted(R.sample(range(1, 96), 7))
    for n in nums:
        if R.random() < 0.15 and sname not in ("Mill Lane",):
            line1 = f"Flat {R.randint(1, 6)}, {n} {sname}"
        else:
            line1 = f"{n} {sname}"
        while True:
            uprn = 100040000000 + R.randint(100000, 999999)
            if uprn not in _used_uprn:
                _used_uprn.add(uprn)
                break
        p = dict(uprn=uprn, address_line_1=line1,
                 address_line_2=LOCALITY.get(ward, "") if R.random() < 0.5 else "",
                 town="Exmere", postcode=units[0] if n % 2 else units[1],
                 council_tax_band=pick("AABBBCCCDDEEF G H".replace(" ", "")), ward=ward,
                 parking_zone=zone, used=False)
        PROPS.append(p)
        PROP_BY_LINE[line1.lower()] = p


def take(zone=None):
    """zone None: any; 'Z' zoned; '' unzoned; or a specific code."""
    cands = [p for p in PROPS if not p["used"]]
    if zone == "Z":
        cands = [p for p in cands if p["parking_zone"]]
    elif zone == "":
        cands = [p for p in cands if not p["parking_zone"]]
    elif zone is not None:
        cands = [p for p in cands if p["parking_zone"] == zone]
    p = pick(cands)
    p["used"] = True
    return p


def phantom_address():
    """An Exmere address that is NOT in the gazetteer."""
    while True:
        sname, ward, zone, sector = pick(STREETS)
        n = R.randint(100, 160)
        line1 = pick([f"{n} {sname}", f"Flat {R.randint(7, 12)}, {n} {sname}"])
        if line1.lower() not in PROP_BY_LINE:
            pc = sector + pick(PC_LETTERS) + pick(PC_LETTERS)
            return line1, pc, zone


OUT_TOWNS = [("Exmouth", "EX8"), ("Crediton", "EX17"), ("Tiverton", "EX16"), ("Honiton", "EX14"),
             ("Cullompton", "EX15"), ("Sidmouth", "EX10"), ("Okehampton", "EX20"),
             ("Barnstaple", "EX31")]
OUT_STREETS = ["Station Road", "Elm Grove", "Meadow Way", "Fore Street", "Church Hill",
               "Victoria Road", "Bampton Street", "Marsh Lane", "Park Close", "Castle Street"]


def away_address():
    town, out = pick(OUT_TOWNS)
    line1 = f"{R.randint(1, 80)} {pick(OUT_STREETS)}"
    pc = f"{out} {R.randint(1, 9)}{pick(PC_LETTERS)}{pick(PC_LETTERS)}"
    return line1, town, pc


# ----------------------------------------------------------------- records
ACCOUNTS, ELECTORS, PERMITS = [], [], []
_acc_refs, _elec_nos, _permit_refs = set(), set(), set()


def new_ref():
    while True:
        r = f"5{R.randint(1000000, 3999999)}"
        if r not in _acc_refs:
            _acc_refs.add(r)
            return r


def missing_ref(near=None):
    while True:
        if near:
            i = R.randint(1, 6)
            r = near[:i] + near[i + 1] + near[i] + near[i + 2:]
            near = None if r == near else near
        else:
            r = f"5{R.randint(1000000, 3999999)}"
        if r not in _acc_refs and r != near:
            return r


def account(p, liable, status="active", start=None, end=None, discounts=""):
    ref = new_ref()
    start = start or rand_date(D(2009, 4, 1), D(2024, 6, 30))
    ACCOUNTS.append(dict(account_ref=ref, uprn=p["uprn"],
                         liable_parties="; ".join(x.full for x in liable) if R.random() < 0.5
                         else ";".join(x.full for x in liable),
                         status=status, start_date=start, end_date=end, discounts=discounts))
    return ref


def history(p, before):
    """A closed account for a previous occupier."""
    prev = person()
    end = before - dt.timedelta(days=R.randint(20, 900))
    start = end - dt.timedelta(days=R.randint(400, 3000))
    account(p, [prev], "closed", start, end)


def elector(p, who):
    code = WARD_CODE[p["ward"]]
    while True:
        no = f"{code}-{R.randint(100, 4999)}"
        if no not in _elec_nos:
            _elec_nos.add(no)
            break
    ELECTORS.append(dict(elector_number=no, full_name=who.full, uprn=p["uprn"]))


VRM_L = "ABCDEFGHJKLMNOPRSTUVWXY"
AGE = ["16", "66", "17", "67", "18", "68", "19", "69", "70", "21", "71", "72", "23", "73", "24", "74", "25", "75", "26"]
_vrms = set()


def new_vrm(style=None):
    style = style or pick(["cur"] * 8 + ["pre", "suf"])
    while True:
        if style == "cur":
            v = pick(["W", "W", "W", "D", "L", "Y", "H", "S"]) + pick("AFJKNRVX") + pick(AGE) + \
                "".join(pick(VRM_L.replace("I", "")) for _ in range(3))
            disp = v[:4] + " " + v[4:]
        elif style == "pre":
            v = pick("LMNPRSTVWXY") + str(R.randint(1, 999)) + "".join(pick(VRM_L) for _ in range(3))
            disp = v[:-3] + " " + v[-3:]
        else:
            v = "".join(pick(VRM_L) for _ in range(3)) + str(R.randint(1, 999)) + pick("ABCDEFGHJKLMNPRST")
            disp = v[:3] + " " + v[3:]
        if v not in _vrms:
            _vrms.add(v)
            return v, disp


def permit(p, vrm, valid_from, valid_to, zone=None):
    while True:
        ref = f"RP{R.randint(10000, 99999)}"
        if ref not in _permit_refs:
            _permit_refs.add(ref)
            break
    PERMITS.append(dict(permit_ref=ref, uprn=p["uprn"], vrm=vrm, zone=zone or p["parking_zone"],
                        valid_from=valid_from, valid_to=valid_to))


def active_permit_dates():
    f = rand_date(D(2026, 1, 5), D(2026, 11, 20))
    return f, f + dt.timedelta(days=364)


MAKES = [("Ford", "Fiesta"), ("Vauxhall", "Corsa"), ("Volkswagen", "Golf"), ("Toyota", "Yaris"),
         ("Nissan", "Qashqai"), ("Kia", "Niro"), ("Peugeot", "208"), ("Skoda", "Octavia"),
         ("Honda", "Jazz"), ("Renault", "Clio"), ("BMW", "1 Series"), ("Tesla", "Model 3"),
         ("MG", "ZS"), ("Hyundai", "i10"), ("Mini", "Cooper"), ("Fiat", "500")]
COLOURS = ["Silver", "Black", "Blue", "Red", "White", "Grey", "Green"]

# ----------------------------------------------------------------- scenario builders
ITEMS = []


def written_name(p, title_prob=0.5):
    if R.random() < title_prob:
        return p.title() + " " + p.full, True
    return p.full, False


def build_spd(layout, scn):
    p = take()
    app = person()
    partner = None
    parent = None
    fwd = None
    liable = [app]
    reg = [app]
    if scn == "NAME_MISMATCH":
        parent = person(last=app.last)
        liable = [parent]
        reg = [app, parent]
        other = parent
    else:
        kind = pick(["partner", "partner", "child", "lodger"])
        if kind == "partner":
            partner = person(sex="m" if app.sex == "f" else "f",
                             last=app.last if R.random() < 0.6 else None)
            if R.random() < 0.75:
                liable = [app, partner]
            reg = [app, partner] if R.random() < 0.7 else [app]
            other = partner
        elif kind == "child":
            other = person(last=app.last)
            reg = [app, other] if R.random() < 0.5 else [app]
        else:
            other = person()
            reg = [app]
    discounts = "SPD" if scn == "DISCOUNT_ALREADY_APPLIED" else ""
    if scn == "OTHER_ADULTS_REGISTERED":
        reg = reg + [person(last=app.last)]
        if other not in reg:
            reg.append(other)
    if R.random() < 0.4:
        history(p, D(2020, 1, 1))
    ref = account(p, liable, discounts=discounts,
                  start=rand_date(D(2010, 4, 1), D(2023, 3, 1)))
    for x in reg:
        elector(p, x)
    # dates
    if scn == "DATE_TOO_OLD":
        since = rand_date(D(2025, 5, 1), D(2025, 10, 31))
    else:
        since = rand_date(D(2026, 1, 12), D(2026, 11, 23))
    decl = rand_date(max(since + dt.timedelta(days=3), D(2026, 10, 12)), AS_OF - dt.timedelta(days=1))
    if scn == "DATE_TOO_OLD":
        decl = rand_date(D(2026, 11, 10), D(2026, 12, 3))
    form_addr, form_pc, form_l2 = p["address_line_1"], p["postcode"], p["address_line_2"]
    if scn == "ADDRESS_MISMATCH":
        p2 = take()
        account(p2, [person()])
        form_addr, form_pc, form_l2 = p2["address_line_1"], p2["postcode"], p2["address_line_2"]
    form_ref = ref if scn != "ACCOUNT_NOT_FOUND" else missing_ref(ref)
    name_w, _ = written_name(app)
    # change description
    rel = {"f": "husband", "m": "wife"}[app.sex] if partner and partner.last == app.last else "partner"
    if scn == "NAME_MISMATCH":
        rel_parent = "mother" if parent.sex == "f" else "father"
        change = f"My {rel_parent} {parent.first} has gone into a residential care home permanently. I am the only one left living at the house."
        fwd_t = pick(["Hawthorn Lodge Care Home, Station Road, Crediton, EX17 3BQ",
                      "Fairleigh Nursing Home, Church Hill, Honiton, EX14 2LT"])
        fwd = fwd_t
    elif partner is not None:
        change = pick([f"My {rel} {partner.first} moved out on {fmt_date(since, 'long')} after we separated.",
                       f"{partner.first} and I have separated and {'he' if partner.sex == 'm' else 'she'} has moved out.",
                       f"My {rel} has moved away for work and will not be coming back."])
    elif other.last == app.last:
        change = pick([f"My {'son' if other.sex == 'm' else 'daughter'} {other.first} has moved out to live with friends in Bristol.",
                       f"{other.first} has left home and now rents a flat elsewhere."])
    else:
        change = pick(["My lodger's tenancy ended and they have moved out.",
                       f"The lodger ({other.full}) gave notice and left. I do not intend to take another."])
    if fwd is None and R.random() < 0.6:
        a1, town, pc = away_address()
        fwd = f"{a1}, {town}, {pc}"
    fields = {"account_ref": form_ref, "applicant_name": name_w, "address": form_addr,
              "postcode": form_pc, "other_adult_name": other.full,
              "change_description": change, "declaration_date": decl.isoformat()}
    if scn != "MISSING_FIELD:sole_adult_since":
        fields["sole_adult_since"] = since.isoformat()
    if fwd:
        fields["other_adult_forwarding_address"] = fwd
    if R.random() < 0.75:
        fields["phone"] = phone()
    if R.random() < 0.6:
        fields["email"] = email_for(app)
    reasons = [] if scn in ("clean", "DUP") else [scn]
    render = dict(addr_l2=form_l2, name_parts=(name_w, app), sign=app.full, since=since, decl=decl,
                  acc_style=pick(["plain", "space", "ct", "dash", "plain"]),
                  pc_style=pick(["norm"] * 5 + ["lower", "nospace"]),
                  date_style=pick(["slash", "ord", "long", "iso", "dot", "slash1"]),
                  anyone_else=scn == "OTHER_ADULTS_REGISTERED" and R.random() < 0.5)
    return dict(form_type="council_tax_spd", layout=layout, fields=fields,
                outcome="approved" if not reasons else "exception", reasons=reasons,
                render=render, scn=scn)


def build_move(layout, scn, mtype):
    app = person()
    name_w, _ = written_name(app, 0.4)
    fields = {"move_type": mtype, "applicant_name": name_w}
    render = dict(sign=app.full, name_parts=(name_w, app),
                  acc_style=pick(["plain", "space", "ct", "dash"]),
                  pc_style=pick(["norm"] * 5 + ["lower", "nospace"]),
                  date_style=pick(["slash", "ord", "long", "iso", "dot", "dash", "us"]))
    if mtype == "out":
        p = take()
        liable = [app]
        if scn == "NAME_MISMATCH":
            liable = [person()]
            elector(p, app)
        else:
            if R.random() < 0.3:
                liable = [app, person(last=app.last)]
            elector(p, app)
        ref = account(p, liable)
        form_ref = missing_ref(ref) if scn == "ACCOUNT_NOT_FOUND" else ref
        prev_p = p
        if scn == "ADDRESS_MISMATCH":
            prev_p = take()
            account(prev_p, [person()])
        fields["account_ref"] = form_ref
        fields["previous_address"] = prev_p["address_line_1"]
        fields["previous_postcode"] = prev_p["postcode"]
        render["prev_l2"] = prev_p["address_line_2"]
        a1, town, pc = away_address()
        fields["new_address"] = a1
        fields["new_postcode"] = pc
        render["new_l2"] = town
        if scn == "DATE_IN_FUTURE":
            md = rand_date(D(2027, 1, 20), D(2027, 3, 15))
        else:
            md = rand_date(D(2026, 9, 1), D(2026, 12, 28))
    else:
        if scn == "PROPERTY_NOT_FOUND":
            line1, pc, _ = phantom_address()
            fields["new_address"], fields["new_postcode"] = line1, pc
            render["new_l2"] = ""
        else:
            p = take()
            history(p, D(2026, 9, 1))
            fields["new_address"], fields["new_postcode"] = p["address_line_1"], p["postcode"]
            render["new_l2"] = p["address_line_2"]
        if R.random() < 0.7:
            a1, town, pc = away_address()
            fields["previous_address"], fields["previous_postcode"] = a1, pc
            render["prev_l2"] = town
        if scn == "DATE_TOO_OLD":
            md = rand_date(D(2025, 7, 1), D(2025, 11, 15))
        else:
            md = rand_date(D(2026, 8, 20), D(2026, 12, 20))
    fields["move_date"] = md.isoformat()
    decl = min(max(md - dt.timedelta(days=R.randint(-20, 25)), D(2026, 10, 1)),
               AS_OF - dt.timedelta(days=R.randint(1, 5)))
    if scn == "DATE_TOO_OLD":
        decl = rand_date(D(2026, 11, 1), D(2026, 12, 2))
    fields["declaration_date"] = decl.isoformat()
    render["md"], render["decl"] = md, decl
    if R.random() < 0.8:
        fields["phone"] = phone()
    if R.random() < 0.6:
        fields["email"] = email_for(app)
    reasons = [] if scn == "clean" else [scn]
    return dict(form_type="council_tax_move", layout=layout, fields=fields,
                outcome="approved" if not reasons else "exception", reasons=reasons,
                render=render, scn=scn)


def build_permit(layout, scn):
    app = person()
    name_w, _ = written_name(app, 0.45)
    if scn == "PROPERTY_NOT_FOUND":
        line1, pc, zone = phantom_address()
        zone = zone or "B"
        l2 = ""
    else:
        p = take("Z")
        line1, pc, zone, l2 = p["address_line_1"], p["postcode"], p["parking_zone"], p["address_line_2"]
        if scn == "NOT_RESIDENT":
            occ = person()
            account(p, [occ])
            elector(p, occ)
        else:
            how = pick(["liable", "liable", "register", "both"])
            if how == "register":
                occ = person(last=app.last)
                account(p, [occ])
                elector(p, occ)
                elector(p, app)
            else:
                account(p, [app] + ([person(last=app.last)] if R.random() < 0.3 else []))
                if how == "both" or R.random() < 0.5:
                    elector(p, app)
        if scn == "NOT_IN_PERMIT_ZONE":
            zone = {"C1": "C2", "C2": "C1", "A": "B", "B": "B2", "B2": "B", "D": "C1"}[zone]
    if scn == "INVALID_FORMAT:vrm":
        v = pick(["W", "L", "D"]) + pick("AFKN") + str(R.randint(100, 199)) + "".join(pick(VRM_L) for _ in range(3))
        vdisp = v[:5] + " " + v[5:]
    else:
        v, vdisp = new_vrm()
    if scn != "PROPERTY_NOT_FOUND":
        if scn == "VRM_HAS_PERMIT":
            f, t = active_permit_dates()
            permit(p, v, f, t)
        elif scn == "PERMIT_CAP_REACHED":
            for _ in range(2):
                f, t = active_permit_dates()
                permit(p, new_vrm()[0], f, t)
        else:
            r = R.random()
            if r < 0.35:
                f, t = active_permit_dates()
                permit(p, new_vrm()[0], f, t)
            elif r < 0.6:  # the same car held a permit that has now lapsed
                f = rand_date(D(2025, 6, 1), D(2025, 11, 30))
                permit(p, v, f, f + dt.timedelta(days=364))
    if scn == "DATE_IN_FUTURE":
        start = rand_date(D(2027, 1, 12), D(2027, 3, 1))
    else:
        start = rand_date(D(2026, 11, 30), D(2027, 1, 3))
    decl = AS_OF - dt.timedelta(days=R.randint(1, 12))
    mk, model = pick(MAKES)
    fields = {"applicant_name": name_w, "address": line1, "postcode": pc, "vrm": v,
              "vehicle_make": mk, "zone": zone, "start_date": start.isoformat(),
              "declaration_date": decl.isoformat()}
    if R.random() < 0.85:
        fields["phone"] = phone()
    if R.random() < 0.6:
        fields["email"] = email_for(app)
    reasons = [] if scn == "clean" else [scn]
    render = dict(sign=app.full, name_parts=(name_w, app), addr_l2=l2, vdisp=vdisp, model=model,
                  colour=pick(COLOURS), start=start, decl=decl,
                  pc_style=pick(["norm"] * 5 + ["lower", "nospace"]),
                  date_style=pick(["slash", "ord", "long", "iso", "dot", "slash1", "us"]),
                  vrm_case=pick(["asis", "asis", "asis", "lower", "nospace"]))
    return dict(form_type="parking_permit", layout=layout, fields=fields,
                outcome="approved" if not reasons else "exception", reasons=reasons,
                render=render, scn=scn)


# ----------------------------------------------------------------- correspondence

def corr_item(layout, topic, sender, addr, pc, acc, paras, dates, reasons, extra):
    fields = {"topic": topic, "body": " ".join(" ".join(x.split()) for x in paras)}
    if sender:
        fields["sender_name"] = sender
    if addr:
        fields["address"] = addr
    if pc:
        fields["postcode"] = pc
    if acc:
        fields["account_ref"] = acc
    if dates:
        fields["dates_mentioned"] = [d.isoformat() for d in dates]
    return dict(form_type="correspondence", layout=layout, fields=fields,
                outcome="exception" if reasons else "approved", reasons=reasons,
                render=dict(paras=paras, **extra), scn=reasons[0] if reasons else "clean")


def resident(zone=None, with_account=True):
    p = take(zone)
    who = person()
    ref = account(p, [who]) if with_account else None
    elector(p, who)
    return p, who, ref


def build_correspondence():
    out = []
    # ---- letters
    p, who, ref = resident()
    d1, d2 = D(2026, 11, 16), D(2024, 4, 1)
    t, _ = written_name(who, 0.7)
    paras = [f"I have received my Council Tax bill for 2026/27 dated {fmt_date(d1, 'long')} and I do not understand why my monthly instalment has gone up from December.",
             f"I have paid every instalment by direct debit since {fmt_date(d2, 'long')} and as far as I know my account is up to date. Could you please explain how the new figure has been worked out and confirm the balance on my account?",
             "I would also like to move my payment date to later in the month if that is possible."]
    out.append(corr_item("exm_typed_letter", "council_tax_query", t, p["address_line_1"], p["postcode"], ref,
                         paras, [d1, d2], [],
                         dict(sender_lines=[p["address_line_1"]] + ([p["address_line_2"]] if p["address_line_2"] else []) + ["Exmere", p["postcode"]],
                              date=D(2026, 11, 30), to=["Council Tax Section"] + [COUNCIL] + COUNCIL_ADDR,
                              your_ref=fmt_acc(ref, "space"), subject="Council Tax bill 2026/27 – query about instalments",
                              salutation="Dear Sir or Madam,", close="Yours faithfully,", sign=t, stamp=True)))
    p, who, ref = resident(with_account=False)
    d1 = D(2026, 11, 19)
    t, _ = written_name(who, 0.5)
    paras = [f"I wish to make a formal complaint about the grounds maintenance contractors working on the green behind my house on {fmt_date(d1, 'ord')}.",
             "While strimming along the boundary they damaged my fence panels and left grass cuttings and litter all over my garden. When I went out to speak to them, one of the crew was rude to me and refused to give me his name.",
             "I would like the damage to be repaired and an apology. Please treat this letter as a complaint under your complaints procedure and let me know who will be dealing with it."]
    out.append(corr_item("exm_typed_letter", "complaint", t, p["address_line_1"], p["postcode"], None,
                         paras, [d1], [],
                         dict(sender_lines=[p["address_line_1"], "Exmere", p["postcode"]],
                              date=D(2026, 11, 24), to=["Customer Feedback Team", COUNCIL] + COUNCIL_ADDR,
                              your_ref=None, subject="Formal complaint – damage to my fence",
                              salutation="Dear Sir/Madam,", close="Yours faithfully,", sign=t, stamp=False)))
    p, who, ref = resident()
    d1, d2 = D(2025, 4, 1), D(2026, 3, 31)
    paras = ["Please treat this letter as a request for information under the Freedom of Information Act 2000.",
             f"Please could you tell me (1) how many fixed penalty notices the council issued for fly-tipping between {fmt_date(d1, 'slash')} and {fmt_date(d2, 'slash')}; (2) how many of those were paid; and (3) the total cost to the council of clearing fly-tipped waste in the same period.",
             "I would prefer to receive the information by post at the address above."]
    out.append(corr_item("exm_typed_letter", "foi_request", who.full, p["address_line_1"], p["postcode"], None,
                         paras, [d1, d2], [],
                         dict(sender_lines=[who.full, p["address_line_1"]] + ([p["address_line_2"]] if p["address_line_2"] else []) + ["Exmere", fmt_pc(p["postcode"], "norm")],
                              date=D(2026, 12, 1), to=["Information Governance Officer", COUNCIL] + COUNCIL_ADDR,
                              your_ref=None, subject="Freedom of Information request – fly-tipping",
                              salutation="Dear Information Governance Officer,", close="Yours sincerely,", sign=who.full, stamp=True)))
    p, who, ref = resident()
    bad = missing_ref(ref)
    d1 = D(2026, 11, 27)
    t, _ = written_name(who, 0.8)
    paras = [f"I have received a reminder notice dated {fmt_date(d1, 'long')} quoting the reference above, saying that I have missed an instalment.",
             "I do not recognise this reference and I believe my payments are up to date. Please check your records and confirm that no further action will be taken. I enclose a copy of my bank statement."]
    out.append(corr_item("exm_typed_letter", "council_tax_query", t, p["address_line_1"], p["postcode"], bad,
                         paras, [d1], ["ACCOUNT_NOT_FOUND"],
                         dict(sender_lines=[p["address_line_1"], "Exmere", p["postcode"]],
                              date=D(2026, 12, 2), to=["Council Tax Recovery", COUNCIL] + COUNCIL_ADDR,
                              your_ref=fmt_acc(bad, "ct"), subject="Reminder notice – Council Tax",
                              salutation="Dear Sir or Madam,", close="Yours faithfully,", sign=t, stamp=True)))
    p, who, ref = resident()
    d1 = D(2026, 11, 24)
    paras = ["I would like to apply for a dropped kerb (vehicle crossover) outside my house so that I can park off the road on my driveway.",
             f"I spoke to someone at the Civic Centre reception on {fmt_date(d1, 'long')} who said I needed to write in for an application pack and a list of approved contractors. Please could you send these to me at the address above.",
             "I would also be grateful to know roughly how long the approval process takes."]
    out.append(corr_item("exm_typed_letter", "other", who.full, p["address_line_1"], p["postcode"], None,
                         paras, [d1], [],
                         dict(sender_lines=[p["address_line_1"]] + ([p["address_line_2"]] if p["address_line_2"] else []) + ["Exmere", p["postcode"]],
                              date=D(2026, 11, 28), to=["Highways Team", COUNCIL] + COUNCIL_ADDR,
                              your_ref=None, subject="Application for a dropped kerb",
                              salutation="Dear Sir or Madam,", close="Yours faithfully,", sign=who.full, stamp=False)))
    # ---- emails
    p, who, ref = resident()
    d1 = D(2026, 12, 1)
    paras = [f"Our grey recycling bin was not emptied on Tuesday {fmt_date(d1, 'long')}. It was out on the pavement by 7am as usual and every other bin in the road was emptied.",
             "Could someone please come back and collect it this week? It is already full."]
    out.append(corr_item("exm_outlook_email", "missed_bin", who.full, p["address_line_1"], p["postcode"], None,
                         paras, [d1], [],
                         dict(frm=f"{who.full} <{email_for(who)}>", sent="Tuesday, December 1, 2026 6:42 PM",
                              to="Waste & Recycling <recycling@exmere.gov.uk>",
                              subject=f"Missed bin collection - {p['address_line_1']}",
                              salutation="Hello,", close="Thanks,",
                              sig=[who.full, p["address_line_1"], "Exmere", p["postcode"]])))
    p, who, ref = resident()
    d1 = D(2026, 11, 2)
    paras = [f"I set up a direct debit for my council tax on {fmt_date(d1, 'long')} but no payment has been taken yet and I have now had a letter saying I am behind.",
             "Can you check that the direct debit is in place on my account and tell me when the first payment will be taken? I don't want to get a court summons for something that isn't my fault."]
    out.append(corr_item("exm_outlook_email", "council_tax_query", who.full, None, None, ref,
                         paras, [d1], [],
                         dict(frm=f"{who.full} <{email_for(who)}>", sent="Wednesday, December 2, 2026 9:15 AM",
                              to="Council Tax <counciltax@exmere.gov.uk>",
                              subject=f"Council tax account {fmt_acc(ref, 'space')} - direct debit not taken",
                              salutation="Dear Council Tax team,", close="Kind regards,",
                              sig=[who.full, f"Tel: {phone()}"])))
    p, who, ref = resident()
    d1, d2 = D(2026, 11, 3), D(2026, 11, 17)
    t, _ = written_name(who, 0.6)
    paras = [f"I am writing to complain about the way my enquiry about the broken street light outside my home has been handled. I reported it online on {fmt_date(d1, 'long')} and again on {fmt_date(d2, 'long')} and have had no reply to either report.",
             "The street is completely dark in the evenings and my elderly neighbour has already tripped on the kerb. I would like a response to this complaint and a date when the light will be repaired."]
    out.append(corr_item("exm_outlook_email", "complaint", t, p["address_line_1"], p["postcode"], None,
                         paras, [d1, d2], [],
                         dict(frm=f"{who.full} <{email_for(who)}>", sent="Thursday, December 3, 2026 8:03 PM",
                              to="Customer Services <customer.services@exmere.gov.uk>",
                              subject="Complaint - no response to street light reports",
                              salutation="Dear Sir/Madam,", close="Regards,",
                              sig=[t, p["address_line_1"], "Exmere " + p["postcode"]])))
    who = person()
    paras = ["Under the Freedom of Information Act 2000, please provide the total amount the council spent on agency and interim staff in each of the financial years 2024/25 and 2025/26, broken down by directorate.",
             "Please also tell me how many agency workers were engaged on the last day of each of those years. I am happy to receive the information as a spreadsheet by email."]
    out.append(corr_item("exm_outlook_email", "foi_request", who.full, None, None, None,
                         paras, [], ["SENDER_UNKNOWN"],
                         dict(frm=f"{who.full} <{email_for(who)}>", sent="Friday, December 4, 2026 11:27 AM",
                              to="FOI <foi@exmere.gov.uk>",
                              subject="Freedom of Information request - agency staff spend",
                              salutation="Dear FOI officer,", close="Many thanks,", sig=[who.full])))
    p, who, ref = resident()
    paras = [f"recycling box not collected AGAIN. third time in a few weeks. my address is {p['address_line_1']}, Exmere, {p['postcode']}. the box has been out since early morning and the lorry went straight past. please sort it out"]
    out.append(corr_item("exm_outlook_email", "missed_bin", None, p["address_line_1"], p["postcode"], None,
                         paras, [], ["SENDER_UNKNOWN"],
                         dict(frm="nightowl1977@gmail.com", sent="Saturday, December 5, 2026 10:58 PM",
                              to="recycling@exmere.gov.uk", subject="bins",
                              salutation=None, close=None, sig=[], trailer="Sent from my iPhone")))
    return out


# ----------------------------------------------------------------- plan
PLAN = []
PLAN += [("spd", "exm_word_table", s) for s in ["clean"] * 4 + ["DUP", "ACCOUNT_NOT_FOUND", "OTHER_ADULTS_REGISTERED"]]
PLAN += [("spd", "exm_boxed_paper", s) for s in ["clean"] * 3 + ["NAME_MISMATCH", "DATE_TOO_OLD", "MISSING_FIELD:sole_adult_since"]]
PLAN += [("spd", "exm_fillable_acro", s) for s in ["clean"] * 4 + ["DISCOUNT_ALREADY_APPLIED", "ADDRESS_MISMATCH"]]
PLAN += [("move", "exm_word_table", s) for s in [("clean", "out"), ("clean", "in"), ("clean", "out"), ("clean", "in"),
                                                 ("PROPERTY_NOT_FOUND", "in"), ("DATE_IN_FUTURE", "out"), ("NAME_MISMATCH", "out")]]
PLAN += [("move", "exm_boxed_paper", s) for s in [("clean", "in"), ("clean", "out"), ("clean", "out"), ("clean", "in"),
                                                  ("ACCOUNT_NOT_FOUND", "out"), ("DATE_TOO_OLD", "in"), ("ADDRESS_MISMATCH", "out")]]
PLAN += [("permit", "exm_word_table", s) for s in ["clean"] * 3 + ["NOT_IN_PERMIT_ZONE", "VRM_HAS_PERMIT"]]
PLAN += [("permit", "exm_boxed_paper", s) for s in ["clean"] * 3 + ["INVALID_FORMAT:vrm", "NOT_RESIDENT"]]
PLAN += [("permit", "exm_fillable_acro", s) for s in ["clean"] * 3 + ["PERMIT_CAP_REACHED", "PROPERTY_NOT_FOUND", "DATE_IN_FUTURE"]]


def build_all():
    for kind, layout, s in PLAN:
        if kind == "spd":
            it = build_spd(layout, s)
            if s == "DUP":
                # the same claim sent again a few days later (no reply yet)
                d1 = min(it["render"]["decl"], AS_OF - dt.timedelta(days=12))
                it["render"]["decl"] = d1
                it["fields"]["declaration_date"] = d1.isoformat()
                it2 = dict(it)
                it2["render"] = dict(it["render"])
                it2["fields"] = dict(it["fields"])
                d2 = d1 + dt.timedelta(days=R.randint(5, 9))
                it2["render"]["decl"] = d2
                it2["fields"]["declaration_date"] = d2.isoformat()
                it2["render"]["date_style"] = "long" if it["render"]["date_style"] != "long" else "slash"
                it["outcome"] = it2["outcome"] = "duplicate_pair"
                it["duplicate_group"] = it2["duplicate_group"] = "dup_spd_1"
                ITEMS.append(it2)
            ITEMS.append(it)
        elif kind == "move":
            ITEMS.append(build_move(layout, s[0], s[1]))
        else:
            ITEMS.append(build_permit(layout, s))
    ITEMS.extend(build_correspondence())
    # filler households for every property no scenario touched
    for p in PROPS:
        if p["used"]:
            continue
        r = R.random()
        if r < 0.12:
            continue  # empty / new build: no account yet
        if R.random() < 0.5:
            history(p, D(2022, 1, 1))
        a = person()
        liable = [a] + ([person(last=a.last if R.random() < 0.6 else None)] if R.random() < 0.55 else [])
        account(p, liable, discounts="SPD" if len(liable) == 1 and R.random() < 0.5 else "")
        for x in liable:
            elector(p, x)
        if R.random() < 0.2:
            elector(p, person(last=a.last))
        if p["parking_zone"] and R.random() < 0.45:
            for _ in range(R.randint(1, 2)):
                f, t = active_permit_dates()
                permit(p, new_vrm()[0], f, t)
        if p["parking_zone"] and R.random() < 0.2:
            f = rand_date(D(2024, 1, 1), D(2025, 6, 1))
            permit(p, new_vrm()[0], f, f + dt.timedelta(days=364))


# ================================================================= RENDERING
BLUE = colors.HexColor("#1F3A93")
INK = colors.HexColor("#14213D")


def answer_date(d, style):
    return fmt_date(d, style) if d else ""


# ---------------------------------------------------------- L1: Word table
def l1_styles():
    return dict(
        title=ParagraphStyle("t", fontName="DVC-B", fontSize=15, leading=19, spaceAfter=3),
        sub=ParagraphStyle("s", fontName="DVC", fontSize=10, leading=13, textColor=colors.HexColor("#444444")),
        guide=ParagraphStyle("g", fontName="DVC", fontSize=8.6, leading=11, spaceAfter=4),
        lab=ParagraphStyle("l", fontName="DVC", fontSize=9.2, leading=11.5),
        hdr=ParagraphStyle("h", fontName="DVC-B", fontSize=10, leading=13, textColor=colors.white),
        ans=ParagraphStyle("a", fontName="DVSerif", fontSize=10.2, leading=13, textColor=BLUE),
        sig=ParagraphStyle("sg", fontName="DVSerif-I", fontSize=12, leading=14, textColor=BLUE),
        decl=ParagraphStyle("d", fontName="DVC", fontSize=8.8, leading=11.2),
        box=ParagraphStyle("b", fontName="DVS", fontSize=10.2, leading=13),
    )


def l1_build(path, title, formcode, guidance, parts, office_rows,
             dept="Revenues and Benefits", contact="counciltax@exmere.gov.uk  |  01632 960000"):
    st = l1_styles()

    def on_page(c, doc):
        c.saveState()
        c.setFont("DVC", 7.5)
        c.setFillColor(colors.HexColor("#555555"))
        c.drawString(20 * mm, 12 * mm, f"{COUNCIL}  |  {formcode}")
        c.drawRightString(190 * mm, 12 * mm, f"Page {doc.page}")
        c.setStrokeColor(colors.HexColor("#999999"))
        c.line(20 * mm, 15 * mm, 190 * mm, 15 * mm)
        c.restoreState()

    doc = SimpleDocTemplate(path, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                            topMargin=16 * mm, bottomMargin=22 * mm, title=title, author="Exmere City Council",
                            creator="Microsoft® Word for Microsoft 365", producer="Microsoft® Word for Microsoft 365")
    story = []
    head = Table([[Paragraph(f"<b>{COUNCIL.upper()}</b>", ParagraphStyle("c", fontName="DVC-B", fontSize=13, leading=16, textColor=colors.HexColor("#7A1F2B"))),
                   Paragraph(dept + "<br/>" + ", ".join(COUNCIL_ADDR) + "<br/>" + contact,
                             ParagraphStyle("ca", fontName="DVC", fontSize=7.8, leading=9.8, alignment=2))]],
                 colWidths=[85 * mm, 85 * mm])
    head.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, 0), 1.2, colors.HexColor("#7A1F2B"))]))
    story += [head, Spacer(1, 5 * mm), Paragraph(title, st["title"])]
    for g in guidance:
        story.append(Paragraph(g, st["guide"]))
    story.append(Spacer(1, 3 * mm))
    rows, styles = [], [("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#7F7F7F")),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]
    for part in parts:
        kind = part[0]
        i = len(rows)
        if kind == "H":
            rows.append([Paragraph(escape(part[1]), st["hdr"]), ""])
            styles += [("SPAN", (0, i), (1, i)), ("BACKGROUND", (0, i), (1, i), colors.HexColor("#2F5496"))]
        elif kind == "T":  # full-width text row
            rows.append([Paragraph(part[1], st["decl"]), ""])
            styles += [("SPAN", (0, i), (1, i))]
        elif kind == "Q":
            lab, ans = part[1], part[2]
            style = st["sig"] if len(part) > 3 and part[3] == "sig" else st["box"] if len(part) > 3 and part[3] == "box" else st["ans"]
            if isinstance(ans, (list, tuple)):
                a = "<br/>".join(escape(x) for x in ans if x)
            else:
                a = escape(ans or "")
            if len(part) > 3 and part[3] == "box":
                a = ans  # pre-marked-up
            rows.append([Paragraph(lab, st["lab"]), Paragraph(a, style)])
            styles += [("BACKGROUND", (0, i), (0, i), colors.HexColor("#F2F2F2"))]
    t = Table(rows, colWidths=[68 * mm, 102 * mm], repeatRows=0)
    t.setStyle(TableStyle(styles))
    story.append(t)
    story.append(Spacer(1, 6 * mm))
    orows = [[Paragraph("<b>FOR OFFICE USE ONLY</b>", st["lab"]), "", "", ""]]
    for a, b in office_rows:
        orows.append([Paragraph(a, st["lab"]), "", Paragraph(b, st["lab"]), ""])
    ot = Table(orows, colWidths=[38 * mm, 47 * mm, 38 * mm, 47 * mm])
    ot.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#7F7F7F")),
                            ("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#D9D9D9")),
                            ("BACKGROUND", (0, 1), (0, -1), colors.HexColor("#EFEFEF")),
                            ("BACKGROUND", (2, 1), (2, -1), colors.HexColor("#EFEFEF"))]))
    story.append(KeepTogether([ot]))
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)


def tick(options, chosen):
    return "&nbsp;&nbsp;&nbsp;".join(("☒ " if o == chosen else "☐ ") + escape(o) for o in options)


def tick_lines(options, chosen):
    return "<br/>".join(("☒ " if o == chosen else "☐ ") + escape(o) for o in options)


def addr_lines(line1, l2, town="Exmere"):
    return [line1] + ([l2] if l2 else []) + ([town] if town else [])


def l1_spd(it, path):
    f, r = it["fields"], it["render"]
    ds = r["date_style"]
    parts = [("H", "Part 1 – Your details"),
             ("Q", "Council Tax account number<br/><font size=7.5>(shown at the top of your bill)</font>", fmt_acc(f["account_ref"], r["acc_style"])),
             ("Q", "Full name of applicant", f["applicant_name"]),
             ("Q", "Address of the property you are claiming for", addr_lines(f["address"], r["addr_l2"])),
             ("Q", "Postcode", fmt_pc(f["postcode"], r["pc_style"])),
             ("Q", "Daytime telephone number", f.get("phone", "")),
             ("Q", "Email address", f.get("email", "N/A")),
             ("H", "Part 2 – About the discount"),
             ("Q", "Date you became the only adult (aged 18 or over) living at the property", answer_date(r["since"], ds) if "sole_adult_since" in f else ""),
             ("Q", "Tell us what changed", f.get("change_description", "")),
             ("H", "Part 3 – About the other adult"),
             ("Q", "Full name of the adult who has left", f.get("other_adult_name", "")),
             ("Q", "Their forwarding address (if known)", f.get("other_adult_forwarding_address", "")),
             ("Q", "Is anyone else aged 18 or over living at the property, including students or carers?",
              tick(["Yes", "No"], "Yes" if r["anyone_else"] else "No"), "box"),
             ("H", "Part 4 – Declaration"),
             ("T", "I declare that the information I have given on this form is correct and complete to the best of my knowledge. "
                   "I understand that I must tell the council within 21 days if anyone aged 18 or over moves into the property, "
                   "and that giving false information may lead to a penalty of £70 and/or prosecution."),
             ("Q", "Signature", r["sign"], "sig"),
             ("Q", "Date", answer_date(r["decl"], ds))]
    guidance = ["You can get a 25% reduction on your Council Tax bill if you are the only adult (aged 18 or over) living in your home. "
                "Some people, for example full-time students and live-in carers, are not counted – see our website for the full list.",
                "Please complete every part of this form. If a question does not apply to you, write N/A. "
                "Return it to the address above or email it to counciltax@exmere.gov.uk."]
    l1_build(path, "Council Tax – Single Person Discount Application", "CT SPD1 (Rev. 04/2026)", guidance, parts,
             [("Date received", "Account checked"), ("Register checked", "Discount from"), ("Officer", "Letter sent")])


def l1_move(it, path):
    f, r = it["fields"], it["render"]
    ds = r["date_style"]
    mt = f["move_type"]
    if mt == "out":
        p1 = ("Q", "The address you are leaving", addr_lines(f["previous_address"], r.get("prev_l2")))
        p1pc = ("Q", "Postcode", fmt_pc(f["previous_postcode"], r["pc_style"]))
        p2 = ("Q", "Your forwarding address", [f["new_address"], r.get("new_l2")])
        p2pc = ("Q", "Postcode", f["new_postcode"])
    else:
        p1 = ("Q", "The address you are leaving", [f["previous_address"], r.get("prev_l2")] if "previous_address" in f else "")
        p1pc = ("Q", "Postcode", f.get("previous_postcode", ""))
        p2 = ("Q", "The address in Exmere you are moving into", addr_lines(f["new_address"], r.get("new_l2")))
        p2pc = ("Q", "Postcode", fmt_pc(f["new_postcode"], r["pc_style"]))
    parts = [("H", "Section A – Your move"),
             ("Q", "Moving in or out?", tick_lines(["I am moving out of a property in Exmere", "I am moving into a property in Exmere"],
                                                     "I am moving out of a property in Exmere" if mt == "out" else "I am moving into a property in Exmere"), "box"),
             ("Q", "Council Tax account number<br/><font size=7.5>(if you have one)</font>", fmt_acc(f["account_ref"], r["acc_style"]) if "account_ref" in f else "N/A"),
             ("Q", "Full name(s)", f["applicant_name"]),
             ("Q", "Date of your move<br/><font size=7.5>(the day you got, or will hand back, the keys)</font>", answer_date(r["md"], ds)),
             ("H", "Section B – Addresses"), p1, p1pc, p2, p2pc,
             ("H", "Section C – Contact details"),
             ("Q", "Telephone", f.get("phone", "")),
             ("Q", "Email", f.get("email", "")),
             ("H", "Section D – Declaration"),
             ("T", "I confirm that the information on this form is true. I understand the council may check it against other records it holds."),
             ("Q", "Signed", r["sign"], "sig"),
             ("Q", "Date", answer_date(r["decl"], ds))]
    guidance = ["Use this form to tell us you are moving into, or out of, a property in Exmere. If you are moving within Exmere, please fill in "
                "a separate form for each address.",
                "We will send you a final bill for your old address, or a new bill for your new one. Please tell us at least a week before you move."]
    l1_build(path, "Council Tax – Tell Us You Are Moving", "CT MOVE2 (Rev. 01/2026)", guidance, parts,
             [("Date received", "Old account closed"), ("New account ref", "Officer")])


def l1_permit(it, path):
    f, r = it["fields"], it["render"]
    ds = r["date_style"]
    vd = r["vdisp"]
    if r["vrm_case"] == "lower":
        vd = vd.lower()
    elif r["vrm_case"] == "nospace":
        vd = vd.replace(" ", "")
    parts = [("H", "1. Applicant"),
             ("Q", "Full name of applicant", f["applicant_name"]),
             ("Q", "Home address", addr_lines(f["address"], r["addr_l2"])),
             ("Q", "Postcode", fmt_pc(f["postcode"], r["pc_style"])),
             ("Q", "Phone number", f.get("phone", "")),
             ("Q", "Email address", f.get("email", "")),
             ("H", "2. Vehicle"),
             ("Q", "Vehicle registration number", vd),
             ("Q", "Vehicle make", f.get("vehicle_make", "")),
             ("Q", "Model and colour", f"{r['model']}, {r['colour']}"),
             ("Q", "Is the vehicle registered with the DVLA at the address above?", tick(["Yes", "No"], "Yes"), "box"),
             ("H", "3. Permit"),
             ("Q", "Permit zone<br/><font size=7.5>(the letter/number on the zone signs in your street)</font>", f["zone"]),
             ("Q", "Date you would like the permit to start", answer_date(r["start"], ds)),
             ("Q", "Permit length", tick(["12 months (£62)", "6 months (£35)"], "12 months (£62)"), "box"),
             ("H", "4. Declaration"),
             ("T", "I confirm that I live at the address above and that the vehicle is kept there. I enclose a copy of the V5C registration "
                   "certificate and proof of residence dated within the last three months. I understand that a permit does not guarantee a parking space."),
             ("Q", "Signature", r["sign"], "sig"),
             ("Q", "Date", answer_date(r["decl"], ds))]
    guidance = ["Each household can have up to two residents' permits. Permits are issued for a named vehicle and zone and cannot be transferred.",
                "Please allow 10 working days for your application to be processed."]
    l1_build(path, "Residents' Parking Permit – Application", "PKG/RP1 (Rev. 06/2026)", guidance, parts,
             [("Date received", "Proof seen"), ("Permit no.", "Payment ref")],
             dept="Parking Services", contact="parking@exmere.gov.uk  |  01632 960400")


# ---------------------------------------------------------- L2: boxed paper form (canvas)
TEAL = colors.HexColor("#00676B")


class Boxed:
    W, H = A4
    LM, RM = 18 * mm, 18 * mm
    TOP = A4[1] - 20 * mm
    BOT = 24 * mm

    def __init__(self, path, title, code, intro):
        self.c = canvas.Canvas(path, pagesize=A4, invariant=1)
        self.c.setTitle(title)
        self.c.setAuthor("Exmere City Council")
        self.c.setCreator("Microsoft® Word 2016")
        self.title, self.code = title, code
        self.page = 1
        self.y = self.TOP
        self.width = self.W - self.LM - self.RM
        self._head(intro)

    def _head(self, intro):
        c = self.c
        c.setFillColor(TEAL)
        c.circle(self.LM + 7 * mm, self.y - 6 * mm, 7 * mm, stroke=0, fill=1)
        c.setFillColor(colors.white)
        c.setFont("Helvetica-Bold", 11)
        c.drawCentredString(self.LM + 7 * mm, self.y - 7.5 * mm, "EX")
        c.setFillColor(colors.black)
        c.setFont("Helvetica-Bold", 12)
        c.drawString(self.LM + 17 * mm, self.y - 4 * mm, COUNCIL)
        c.setFont("Helvetica", 8)
        c.drawString(self.LM + 17 * mm, self.y - 8.5 * mm, "www.exmere.gov.uk")
        c.setFont("Helvetica-Bold", 14)
        c.drawRightString(self.W - self.RM, self.y - 5 * mm, self.title)
        self.y -= 18 * mm
        c.setFont("Helvetica", 8.5)
        for para in intro:
            for ln in simpleSplit(para, "Helvetica", 8.5, self.width):
                c.drawString(self.LM, self.y, ln)
                self.y -= 10.5
            self.y -= 3
        self.y -= 2

    def _footer(self):
        c = self.c
        c.setFont("Helvetica", 7)
        c.setFillColor(colors.HexColor("#555555"))
        c.drawString(self.LM, 12 * mm, f"{self.code}")
        c.drawRightString(self.W - self.RM, 12 * mm, f"Page {self.page}")
        c.setFillColor(colors.black)

    def need(self, h):
        if self.y - h < self.BOT:
            self._footer()
            self.c.showPage()
            self.page += 1
            self.y = self.TOP
            self.c.setFont("Helvetica-Oblique", 7.5)
            self.c.drawString(self.LM, self.y, f"{self.title} (continued)")
            self.y -= 8 * mm

    def section(self, text):
        self.need(30 * mm)
        c = self.c
        c.setFillColor(TEAL)
        c.rect(self.LM, self.y - 6.5 * mm, self.width, 6.5 * mm, stroke=0, fill=1)
        c.setFillColor(colors.white)
        c.setFont("Helvetica-Bold", 10)
        c.drawString(self.LM + 2 * mm, self.y - 4.6 * mm, text)
        c.setFillColor(colors.black)
        self.y -= 10 * mm

    def q(self, num, label, note=None, h_after=12 * mm):
        self.need(h_after + 8 * mm)
        c = self.c
        c.setFont("Helvetica-Bold", 9.5)
        c.drawString(self.LM, self.y - 3.5 * mm, f"{num}")
        c.setFont("Helvetica", 9.5)
        lines = simpleSplit(label, "Helvetica", 9.5, self.width - 9 * mm)
        for ln in lines:
            c.drawString(self.LM + 7 * mm, self.y - 3.5 * mm, ln)
            self.y -= 11.5
        if note:
            c.setFont("Helvetica-Oblique", 7.5)
            c.setFillColor(colors.HexColor("#444444"))
            c.drawString(self.LM + 7 * mm, self.y - 3 * mm, note)
            c.setFillColor(colors.black)
            self.y -= 9
        self.y -= 2.5 * mm

    def _ans_font(self):
        self.c.setFont("Courier", 10.5)
        self.c.setFillColor(INK)

    def box(self, lines, nlines=1, x=None, w=None):
        x = self.LM + 7 * mm if x is None else x
        w = (self.width - 7 * mm) if w is None else w
        h = nlines * 5.6 * mm + 1.5 * mm
        self.c.setStrokeColor(colors.HexColor("#5A5A5A"))
        self.c.setLineWidth(0.6)
        self.c.rect(x, self.y - h, w, h)
        self._ans_font()
        yy = self.y - 5 * mm
        for ln in [l for l in lines if l][:nlines]:
            self.c.drawString(x + 2 * mm, yy, ln)
            yy -= 5.6 * mm
        self.c.setFillColor(colors.black)
        self.y -= h + 4 * mm

    def wrapped_box(self, text, nlines=3):
        lines = simpleSplit(text or "", "Courier", 10.5, self.width - 12 * mm) if text else []
        self.box(lines, max(nlines, len(lines)))

    def digit_boxes(self, digits, n=8):
        x = self.LM + 7 * mm
        s = 7 * mm
        self.c.setStrokeColor(colors.HexColor("#5A5A5A"))
        for i in range(n):
            self.c.rect(x + i * s, self.y - s, s, s)
        self._ans_font()
        for i, ch in enumerate(digits[:n]):
            self.c.drawCentredString(x + i * s + s / 2, self.y - s + 2.2 * mm, ch)
        self.c.setFillColor(colors.black)
        self.y -= s + 5 * mm

    def date_boxes(self, d):
        x = self.LM + 7 * mm
        parts = [("DD", 10 * mm, d.strftime("%d") if d else ""), ("MM", 10 * mm, d.strftime("%m") if d else ""),
                 ("YYYY", 16 * mm, d.strftime("%Y") if d else "")]
        h = 7 * mm
        for i, (cap, w, val) in enumerate(parts):
            self.c.setStrokeColor(colors.HexColor("#5A5A5A"))
            self.c.rect(x, self.y - h, w, h)
            self.c.setFont("Helvetica", 6)
            self.c.setFillColor(colors.HexColor("#888888"))
            self.c.drawString(x + 0.8 * mm, self.y - h - 2.6 * mm, cap)
            self._ans_font()
            self.c.drawCentredString(x + w / 2, self.y - h + 2.2 * mm, val)
            self.c.setFillColor(colors.black)
            x += w
            if i < 2:
                self.c.setFont("Helvetica", 12)
                self.c.drawCentredString(x + 2.5 * mm, self.y - h + 2 * mm, "/")
                x += 5 * mm
        self.y -= h + 7 * mm

    def name_boxes(self, title, first, last):
        x0 = self.LM + 7 * mm
        ws = [20 * mm, 68 * mm, self.width - 7 * mm - 88 * mm - 6 * mm]
        caps = ["Title", "First name(s)", "Surname"]
        vals = [title, first, last]
        x = x0
        h = 7 * mm
        for cap, w, v in zip(caps, ws, vals):
            self.c.setFont("Helvetica", 7.5)
            self.c.drawString(x, self.y - 2.5 * mm, cap)
            self.c.setStrokeColor(colors.HexColor("#5A5A5A"))
            self.c.rect(x, self.y - 3.5 * mm - h, w, h)
            self._ans_font()
            self.c.drawString(x + 2 * mm, self.y - 3.5 * mm - h + 2.2 * mm, v or "")
            self.c.setFillColor(colors.black)
            x += w + 3 * mm
        self.y -= h + 8 * mm

    def ticks(self, options, chosen):
        x = self.LM + 7 * mm
        for o in options:
            self.c.setStrokeColor(colors.black)
            self.c.rect(x, self.y - 4.5 * mm, 4.5 * mm, 4.5 * mm)
            if o == chosen:
                self._ans_font()
                self.c.drawCentredString(x + 2.25 * mm, self.y - 3.7 * mm, "X")
                self.c.setFillColor(colors.black)
            self.c.setFont("Helvetica", 9.5)
            self.c.drawString(x + 6.5 * mm, self.y - 3.6 * mm, o)
            x += 8 * mm + pdfmetrics.stringWidth(o, "Helvetica", 9.5) + 8 * mm
        self.y -= 9 * mm

    def para(self, text, size=8.5, font="Helvetica"):
        lines = simpleSplit(text, font, size, self.width)
        self.need(len(lines) * (size + 2.5) + 4)
        self.c.setFont(font, size)
        for ln in lines:
            self.c.drawString(self.LM, self.y, ln)
            self.y -= size + 2.5
        self.y -= 4

    def signature(self, name):
        self.need(14 * mm)
        x = self.LM + 7 * mm
        self.c.setFont("Helvetica", 9.5)
        self.c.drawString(self.LM, self.y - 4 * mm, "Signature")
        self.c.setStrokeColor(colors.HexColor("#5A5A5A"))
        self.c.rect(x + 14 * mm, self.y - 9 * mm, 80 * mm, 9 * mm)
        self.c.setFont("DVSerif-I", 13)
        self.c.setFillColor(INK)
        self.c.drawString(x + 17 * mm, self.y - 6.5 * mm, name)
        self.c.setFillColor(colors.black)
        self.y -= 13 * mm

    def office(self, rows):
        self.need(30 * mm)
        c = self.c
        h = (len(rows) + 1) * 6 * mm
        c.setFillColor(colors.HexColor("#E6E6E6"))
        c.rect(self.LM, self.y - 6 * mm, self.width, 6 * mm, stroke=0, fill=1)
        c.setFillColor(colors.black)
        c.setStrokeColor(colors.black)
        c.setDash(2, 2)
        c.rect(self.LM, self.y - h, self.width, h)
        c.setDash()
        c.setFont("Helvetica-Bold", 8.5)
        c.drawString(self.LM + 2 * mm, self.y - 4.3 * mm, "Office use only")
        c.setFont("Helvetica", 8)
        yy = self.y - 10.5 * mm
        for r in rows:
            c.drawString(self.LM + 2 * mm, yy, r + ":")
            c.line(self.LM + 45 * mm, yy - 1, self.LM + 100 * mm, yy - 1)
            yy -= 6 * mm
        self.y -= h + 4 * mm

    def save(self):
        self._footer()
        self.c.save()


def split_name(written, p):
    """(title, first, surname) for letter-box style names."""
    t = written[: -len(p.full)].strip() if written.endswith(p.full) and written != p.full else ""
    return t, p.first, p.last


def l2_spd(it, path):
    f, r = it["fields"], it["render"]
    b = Boxed(path, "Single Person Discount", "EXM/CT/214  Council Tax single person discount claim (09/2026)",
              ["Use this form to claim a 25% discount if you are the only person aged 18 or over living in your home. "
               "Please answer every question. Write N/A if a question does not apply to you.",
               "Send the completed form to: Council Tax, Exmere City Council, Civic Centre, Guildhall Square, Exmere EX1 1XU."])
    b.section("Section 1   Your details")
    b.q("1", "Your reference (Council Tax account number)", "8 digits – you will find it on your bill")
    b.digit_boxes(f["account_ref"])
    b.q("2", "Your name")
    b.name_boxes(*split_name(f["applicant_name"], r["name_parts"][1]))
    b.q("3", "Address of the property")
    b.box(addr_lines(f["address"], r["addr_l2"]), 3)
    b.q("4", "Postcode")
    b.box([fmt_pc(f["postcode"], r["pc_style"])], 1, w=45 * mm)
    b.q("5", "Contact telephone number")
    b.box([f.get("phone", "")], 1, w=80 * mm)
    b.q("6", "Email address")
    b.box([f.get("email", "")], 1)
    b.section("Section 2   Your circumstances")
    b.q("7", "From what date have you been the only adult living at the property?")
    b.date_boxes(r["since"] if "sole_adult_since" in f else None)
    b.q("8", "Please tell us what has changed")
    b.wrapped_box(f.get("change_description", ""), 3)
    b.section("Section 3   About the other adult")
    b.q("9", "Name of the person who moved out")
    b.box([f.get("other_adult_name", "")], 1)
    b.q("10", "Their new address, if you know it")
    b.wrapped_box(f.get("other_adult_forwarding_address", ""), 2)
    b.section("Section 4   Declaration")
    b.para("I declare that I am the only adult living at the address above and that the information on this form is correct. "
           "I will tell the council within 21 days of any change in the number of adults living at the property. "
           "I understand that if I give false information I may be prosecuted.")
    b.signature(r["sign"])
    b.q("", "Date")
    b.date_boxes(r["decl"])
    b.office(["Received", "Keyed by", "Electoral register checked", "Discount applied from"])
    b.save()


def l2_move(it, path):
    f, r = it["fields"], it["render"]
    mt = f["move_type"]
    b = Boxed(path, "Moving home", "EXM/CT/220  Council Tax change of address (09/2026)",
              ["Tell us when you move into or out of a property in Exmere so that we can bill the right person. "
               "You must tell us within 21 days of moving. Please use one form per move."])
    b.section("Section 1   About your move")
    b.q("1", "Moving in or out? (put an X in one box)")
    b.ticks(["Moving in", "Moving out"], "Moving in" if mt == "in" else "Moving out")
    b.q("2", "Account no.", "Only if you already pay Council Tax at the address you are leaving")
    b.digit_boxes(f.get("account_ref", ""))
    b.q("3", "Name(s)")
    b.name_boxes(*split_name(f["applicant_name"], r["name_parts"][1]))
    b.q("4", "Date of move")
    b.date_boxes(r["md"])
    b.section("Section 2   Addresses")
    if mt == "out":
        b.q("5", "Address you are leaving")
        b.box(addr_lines(f["previous_address"], r.get("prev_l2")), 3)
        b.q("", "Postcode")
        b.box([fmt_pc(f["previous_postcode"], r["pc_style"])], 1, w=45 * mm)
        b.q("6", "Address you are moving to (forwarding address)")
        b.box([f["new_address"], r.get("new_l2")], 3)
        b.q("", "Postcode")
        b.box([f["new_postcode"]], 1, w=45 * mm)
    else:
        b.q("5", "Address you are leaving")
        b.box([f.get("previous_address", ""), r.get("prev_l2") if "previous_address" in f else ""], 3)
        b.q("", "Postcode")
        b.box([f.get("previous_postcode", "")], 1, w=45 * mm)
        b.q("6", "Address you are moving to")
        b.box(addr_lines(f["new_address"], r.get("new_l2")), 3)
        b.q("", "Postcode")
        b.box([fmt_pc(f["new_postcode"], r["pc_style"])], 1, w=45 * mm)
    b.section("Section 3   Contact details")
    b.q("7", "Phone")
    b.box([f.get("phone", "")], 1, w=80 * mm)
    b.q("8", "Email")
    b.box([f.get("email", "")], 1)
    b.section("Section 4   Declaration")
    b.para("The information I have given is correct. I understand that the council may use it to check other records it holds, "
           "to prevent and detect fraud.")
    b.signature(r["sign"])
    b.q("", "Date")
    b.date_boxes(r["decl"])
    b.office(["Date received", "Account closed / opened", "Officer"])
    b.save()


def l2_permit(it, path):
    f, r = it["fields"], it["render"]
    vd = r["vdisp"] if r["vrm_case"] != "lower" else r["vdisp"].lower()
    b = Boxed(path, "Residents' parking permit", "EXM/PK/031  Residents' parking permit application (06/2026)",
              ["Apply for a residents' parking permit for a vehicle kept at your home. You must live in a street within a permit zone. "
               "A maximum of two permits can be issued to each household.",
               "Please enclose a copy of your vehicle's V5C and a recent utility bill or bank statement."])
    b.section("Part A   Applicant")
    b.q("1", "Name")
    b.name_boxes(*split_name(f["applicant_name"], r["name_parts"][1]))
    b.q("2", "Address")
    b.box(addr_lines(f["address"], r["addr_l2"]), 3)
    b.q("3", "Postcode")
    b.box([fmt_pc(f["postcode"], r["pc_style"])], 1, w=45 * mm)
    b.q("4", "Telephone")
    b.box([f.get("phone", "")], 1, w=80 * mm)
    b.q("5", "Email")
    b.box([f.get("email", "")], 1)
    b.section("Part B   Vehicle and permit")
    b.q("6", "Reg. no.")
    b.box([vd], 1, w=50 * mm)
    b.q("7", "Make")
    b.box([f.get("vehicle_make", "")], 1, w=70 * mm)
    b.q("8", "Permit zone")
    b.box([f["zone"]], 1, w=25 * mm)
    b.q("9", "Start date required")
    b.date_boxes(r["start"])
    b.section("Part C   Declaration")
    b.para("I confirm that I live at the address given above, that the vehicle is kept there, and that the details on this form are correct. "
           "I understand that a permit may be withdrawn if it is misused.")
    b.signature(r["sign"])
    b.q("", "Date")
    b.date_boxes(r["decl"])
    b.office(["Received", "Proof of residence", "Permit number"])
    b.save()


# ---------------------------------------------------------- L3: fillable AcroForm
class Acro:
    def __init__(self, path, title, code):
        self.c = canvas.Canvas(path, pagesize=A4, invariant=1)
        self.c.setTitle(title)
        self.c.setAuthor("Exmere City Council")
        self.c.setCreator("Acrobat PDFMaker 23 for Word")
        self.title, self.code = title, code
        self.y = A4[1] - 18 * mm
        self.page = 1
        self.L = 18 * mm
        self.Wd = A4[0] - 36 * mm
        c = self.c
        c.setFillColor(colors.HexColor("#4B2E83"))
        c.rect(0, A4[1] - 30 * mm, A4[0], 30 * mm, stroke=0, fill=1)
        c.setFillColor(colors.white)
        c.setFont("Times-Bold", 18)
        c.drawString(self.L, A4[1] - 14 * mm, COUNCIL)
        c.setFont("Times-Roman", 12.5)
        c.drawString(self.L, A4[1] - 22 * mm, title)
        c.setFillColor(colors.black)
        self.y = A4[1] - 38 * mm

    def note(self, text, size=8.5):
        c = self.c
        c.setFont("Times-Italic", size)
        for ln in simpleSplit(text, "Times-Italic", size, self.Wd):
            c.drawString(self.L, self.y, ln)
            self.y -= size + 2.5
        self.y -= 3

    def head(self, text):
        self.need(20 * mm)
        c = self.c
        c.setFont("Times-Bold", 11.5)
        c.setFillColor(colors.HexColor("#4B2E83"))
        c.drawString(self.L, self.y - 4 * mm, text)
        c.setStrokeColor(colors.HexColor("#4B2E83"))
        c.line(self.L, self.y - 5.5 * mm, self.L + self.Wd, self.y - 5.5 * mm)
        c.setFillColor(colors.black)
        self.y -= 10 * mm

    def need(self, h):
        if self.y - h < 22 * mm:
            self.footer()
            self.c.showPage()
            self.page += 1
            self.y = A4[1] - 20 * mm

    def footer(self):
        self.c.setFont("Times-Roman", 7.5)
        self.c.drawString(self.L, 11 * mm, self.code)
        self.c.drawRightString(self.L + self.Wd, 11 * mm, f"Page {self.page}")

    def field(self, label, name, tooltip, value, lw=62 * mm, fw=None, lines=1):
        fw = fw or (self.Wd - lw)
        h = 7 * mm if lines == 1 else lines * 5 * mm + 2 * mm
        self.need(h + 3 * mm)
        c = self.c
        if lines > 1:  # label above, full-width box
            c.setFont("Times-Roman", 10)
            c.drawString(self.L, self.y - 4.8 * mm, label)
            self.y -= 7 * mm
            c.acroForm.textfield(name=name, tooltip=tooltip, value=value or "", x=self.L, y=self.y - h,
                                 width=self.Wd, height=h, fontName="Helvetica", fontSize=9,
                                 borderColor=colors.HexColor("#777777"), fillColor=colors.HexColor("#EEF2FF"),
                                 textColor=colors.HexColor("#000000"), forceBorder=True,
                                 fieldFlags="multiline", maxlen=400)
            self.y -= h + 3 * mm
            return
        c.setFont("Times-Roman", 10)
        ly = self.y - 4.8 * mm
        for ln in simpleSplit(label, "Times-Roman", 10, lw - 3 * mm)[:3]:
            c.drawString(self.L, ly, ln)
            ly -= 11
        c.acroForm.textfield(name=name, tooltip=tooltip, value=value or "", x=self.L + lw, y=self.y - h,
                             width=fw, height=h, fontName="Helvetica", fontSize=10,
                             borderColor=colors.HexColor("#777777"), fillColor=colors.HexColor("#EEF2FF"),
                             textColor=colors.HexColor("#000000"), forceBorder=True,
                             fieldFlags="multiline" if lines > 1 else "", maxlen=400)
        self.y -= max(h, (len(simpleSplit(label, "Times-Roman", 10, lw - 3 * mm)[:3])) * 11 + 2) + 3 * mm

    def check(self, label, name, tooltip, checked):
        self.need(10 * mm)
        self.c.acroForm.checkbox(name=name, tooltip=tooltip, checked=checked, buttonStyle="cross",
                                 x=self.L, y=self.y - 5.5 * mm, size=5 * mm,
                                 borderColor=colors.HexColor("#777777"), fillColor=colors.white,
                                 textColor=colors.black, forceBorder=True)
        self.c.setFont("Times-Roman", 10)
        lines = simpleSplit(label, "Times-Roman", 10, self.Wd - 9 * mm)
        yy = self.y - 4 * mm
        for ln in lines:
            self.c.drawString(self.L + 8 * mm, yy, ln)
            yy -= 11
        self.y -= max(8 * mm, len(lines) * 11 + 4)

    def save(self):
        self.footer()
        self.c.save()


def acro_date(d, style):
    return fmt_date(d, style) if d else ""


def l3_spd(it, path):
    f, r = it["fields"], it["render"]
    ds = r["date_style"]
    a = Acro(path, "Council Tax: apply for Single Person Discount", "CTAX-SPD-E  Fillable form v3  Exmere City Council")
    a.note("You can complete this form on screen. Save it and email it to counciltax@exmere.gov.uk, or print it and post it to "
           "Council Tax, Civic Centre, Guildhall Square, Exmere EX1 1XU. Fields marked * must be completed.")
    a.head("About you")
    a.field("Account no. *", "Text Field 12", "Council Tax account number (8 digits)", fmt_acc(f["account_ref"], r["acc_style"]), fw=55 * mm)
    a.field("Full name of applicant *", "Text Field 3", "Full name of applicant", f["applicant_name"])
    a.field("Address line 1 *", "Text Field 4", "Address line 1 (house number and street)", f["address"])
    a.field("Address line 2", "Text Field 5", "Address line 2", r["addr_l2"])
    a.field("Town", "Text Field 6", "Town", "Exmere", fw=60 * mm)
    a.field("Postcode *", "Text Field 7", "Postcode", fmt_pc(f["postcode"], r["pc_style"]), fw=35 * mm)
    a.field("Phone", "Text Field 8", "Telephone number", f.get("phone", ""), fw=60 * mm)
    a.field("Email", "Text Field 9", "Email address", f.get("email", ""))
    a.head("Your claim")
    a.field("Date you became the only adult living at the property *", "Text Field 15",
            "Date you became the only adult (dd/mm/yyyy)", acro_date(r["since"], ds) if "sole_adult_since" in f else "", fw=45 * mm)
    a.field("Tell us what changed", "Text Field 16", "Tell us what changed", f.get("change_description", ""), lines=3)
    a.head("About the other adult")
    a.field("Name of the adult who has left", "Text Field 10", "Name of other adult", f.get("other_adult_name", ""))
    a.field("Where have they moved to? (if known)", "Text Field 11", "Forwarding address of other adult",
            f.get("other_adult_forwarding_address", ""))
    a.head("Declaration")
    a.check("I declare that the information on this form is true and complete, and I will tell the council within 21 days "
            "if another adult moves in.", "Check Box 1", "Declaration", True)
    a.field("Name (type to sign)", "Text Field 13", "Signature - type your full name", r["sign"])
    a.field("Date signed", "Text Field 14", "Date signed", acro_date(r["decl"], ds), fw=45 * mm)
    a.head("Office use")
    a.field("Checked by / date", "Text Field 17", "Office use only", "", fw=70 * mm)
    a.save()


def l3_permit(it, path):
    f, r = it["fields"], it["render"]
    ds = r["date_style"]
    vd = r["vdisp"]
    if r["vrm_case"] == "lower":
        vd = vd.lower()
    elif r["vrm_case"] == "nospace":
        vd = vd.replace(" ", "")
    a = Acro(path, "Residents' parking permit application", "PARK-RES-E  Fillable form v2  Exmere City Council")
    a.note("Complete this form on screen and email it to parking@exmere.gov.uk with a copy of your V5C and proof of address. "
           "Zone codes are shown on the signs at the entrance to each permit area.")
    a.head("1  Your details")
    a.field("Full name of applicant", "Text Field 1", "Applicant full name", f["applicant_name"])
    a.field("House number and street", "Text Field 2", "Address line 1", f["address"])
    a.field("Area", "Text Field 3", "Address line 2", r["addr_l2"])
    a.field("Town", "Text Field 4", "Town", "Exmere", fw=60 * mm)
    a.field("Postcode", "Text Field 5", "Postcode", fmt_pc(f["postcode"], r["pc_style"]), fw=35 * mm)
    a.field("Contact number", "Text Field 6", "Phone", f.get("phone", ""), fw=60 * mm)
    a.field("Email", "Text Field 7", "Email address", f.get("email", ""))
    a.head("2  Vehicle")
    a.field("Vehicle registration number", "Text Field 8", "Vehicle registration (VRM)", vd, fw=45 * mm)
    a.field("Vehicle make", "Text Field 9", "Make", f.get("vehicle_make", ""), fw=60 * mm)
    a.field("Model", "Text Field 10", "Model", r["model"], fw=60 * mm)
    a.field("Colour", "Text Field 11", "Colour", r["colour"], fw=45 * mm)
    a.check("This is a company or lease vehicle (tick if yes)", "Check Box 2", "Company vehicle", False)
    a.head("3  Permit")
    a.field("Permit zone", "Text Field 12", "Zone code e.g. A, B2", f["zone"], fw=25 * mm)
    a.field("Start date", "Text Field 13", "Permit start date", acro_date(r["start"], ds), fw=45 * mm)
    a.head("4  Declaration")
    a.check("I confirm that I live at the address above and that the vehicle is normally kept there.", "Check Box 1",
            "Declaration", True)
    a.field("Signed (type your name)", "Text Field 14", "Signature", r["sign"])
    a.field("Date", "Text Field 15", "Date of declaration", acro_date(r["decl"], ds), fw=45 * mm)
    a.save()


# ---------------------------------------------------------- L4: typed letter
def l4_letter(it, path):
    r = it["render"]
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    c.setAuthor("")
    c.setCreator("Microsoft® Word 2019")
    W, H = A4
    L = 25 * mm
    y = H - 25 * mm
    c.setFont("DVSerif", 10.5)
    c.setFillColor(colors.black)
    for ln in r["sender_lines"]:
        c.drawRightString(W - 25 * mm, y, ln)
        y -= 13.5
    y -= 8
    c.drawRightString(W - 25 * mm, y, fmt_date(r["date"], "long"))
    y -= 26
    for ln in r["to"]:
        c.drawString(L, y, ln)
        y -= 13.5
    y -= 12
    if r.get("your_ref"):
        c.drawString(L, y, f"Your ref: {r['your_ref']}")
        y -= 13.5
        c.drawString(L, y, "Our ref:")
        y -= 13.5
        y -= 8
    c.drawString(L, y, r["salutation"])
    y -= 22
    c.setFont("DVSerif-B", 10.5)
    c.drawString(L, y, r["subject"])
    y -= 20
    c.setFont("DVSerif", 10.5)
    for p in r["paras"]:
        for ln in simpleSplit(p, "DVSerif", 10.5, W - 2 * L):
            c.drawString(L, y, ln)
            y -= 14
        y -= 9
    c.drawString(L, y, r["close"])
    y -= 36
    c.drawString(L, y, r["sign"])
    if r.get("stamp"):
        c.saveState()
        c.translate(W - 82 * mm, H - 92 * mm)
        c.rotate(8)
        c.setStrokeColor(colors.HexColor("#B22222"))
        c.setFillColor(colors.HexColor("#B22222"))
        c.setLineWidth(1.4)
        c.roundRect(0, 0, 52 * mm, 17 * mm, 3 * mm)
        c.setFont("Helvetica-Bold", 8)
        c.drawCentredString(26 * mm, 12 * mm, "EXMERE CITY COUNCIL")
        c.drawCentredString(26 * mm, 7 * mm, "RECEIVED")
        c.drawCentredString(26 * mm, 2.5 * mm, "POST ROOM")
        c.restoreState()
    c.showPage()
    c.save()


# ---------------------------------------------------------- L5: printed Outlook email
def l5_email(it, path):
    r = it["render"]
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    c.setCreator("Microsoft® Outlook® for Microsoft 365")
    W, H = A4
    L = 19 * mm
    y = H - 20 * mm
    c.setFont("DVS-B", 13)
    c.drawString(L, y, "Exmere City Council - Customer Contact Centre")
    y -= 7
    c.setLineWidth(2.5)
    c.line(L, y, W - L, y)
    y -= 18
    for k, v in [("From:", r["frm"]), ("Sent:", r["sent"]), ("To:", r["to"]), ("Subject:", r["subject"])]:
        c.setFont("DVS-B", 9.5)
        c.drawString(L, y, k)
        c.setFont("DVS", 9.5)
        c.drawString(L + 22 * mm, y, v)
        y -= 13
    y -= 14
    c.setFont("DVS", 10)
    if r.get("salutation"):
        c.drawString(L, y, r["salutation"])
        y -= 22
    for p in r["paras"]:
        for ln in simpleSplit(p, "DVS", 10, W - 2 * L):
            c.drawString(L, y, ln)
            y -= 13.5
        y -= 9
    if r.get("close"):
        c.drawString(L, y, r["close"])
        y -= 20
    for ln in r.get("sig", []):
        c.drawString(L, y, ln)
        y -= 13
    if r.get("trailer"):
        y -= 8
        c.drawString(L, y, r["trailer"])
    c.setFont("DVS", 8)
    c.drawCentredString(W / 2, 12 * mm, "1")
    c.showPage()
    c.save()


RENDER = {("council_tax_spd", "exm_word_table"): l1_spd, ("council_tax_move", "exm_word_table"): l1_move,
          ("parking_permit", "exm_word_table"): l1_permit,
          ("council_tax_spd", "exm_boxed_paper"): l2_spd, ("council_tax_move", "exm_boxed_paper"): l2_move,
          ("parking_permit", "exm_boxed_paper"): l2_permit,
          ("council_tax_spd", "exm_fillable_acro"): l3_spd, ("parking_permit", "exm_fillable_acro"): l3_permit,
          ("correspondence", "exm_typed_letter"): l4_letter, ("correspondence", "exm_outlook_email"): l5_email}


# ================================================================= output
def write_records(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "properties"
    cols = ["uprn", "address_line_1", "address_line_2", "town", "postcode", "council_tax_band", "ward", "parking_zone"]
    ws.append(cols)
    for p in sorted(PROPS, key=lambda p: p["uprn"]):
        ws.append([p[c] if p[c] != "" else None for c in cols])
    ws = wb.create_sheet("council_tax_accounts")
    cols = ["account_ref", "uprn", "liable_parties", "status", "start_date", "end_date", "discounts"]
    ws.append(cols)
    for a in sorted(ACCOUNTS, key=lambda a: a["account_ref"]):
        ws.append([a[c] if a[c] != "" else None for c in cols])
    for row in ws.iter_rows(min_row=2):
        row[0].number_format = "@"
        row[4].number_format = "yyyy-mm-dd"
        row[5].number_format = "yyyy-mm-dd"
    ws = wb.create_sheet("electoral_register")
    cols = ["elector_number", "full_name", "uprn"]
    ws.append(cols)
    for e in sorted(ELECTORS, key=lambda e: e["elector_number"]):
        ws.append([e[c] for c in cols])
    ws = wb.create_sheet("parking_permits")
    cols = ["permit_ref", "uprn", "vrm", "zone", "valid_from", "valid_to"]
    ws.append(cols)
    for p in sorted(PERMITS, key=lambda p: p["permit_ref"]):
        ws.append([p[c] for c in cols])
    for row in ws.iter_rows(min_row=2):
        row[4].number_format = "yyyy-mm-dd"
        row[5].number_format = "yyyy-mm-dd"
    fixed = dt.datetime(2026, 12, 1, 9, 0, 0)
    wb.properties.created = fixed
    wb.properties.creator = "Exmere City Council Revenues"
    buf = io.BytesIO()
    wb.save(buf)
    # make the zip byte-for-byte deterministic (openpyxl stamps "now")
    zin = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"<dcterms:modified([^>]*)>[^<]*</dcterms:modified>",
                              rb"<dcterms:modified\1>2026-12-01T09:00:00Z</dcterms:modified>", data)
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 12, 1, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(zi, data)


def main():
    build_all()
    inbox = os.path.join(HERE, "inbox")
    if os.path.isdir(inbox):
        shutil.rmtree(inbox)
    os.makedirs(inbox)
    order = list(range(len(ITEMS)))
    R.shuffle(order)
    files = []
    for n, idx in enumerate(order, 1):
        it = ITEMS[idx]
        it["file"] = f"doc_{n:04d}.pdf"
        files.append(it)
    files.sort(key=lambda it: it["file"])
    learn_count = {}
    for it in files:
        key = (it["layout"], it["form_type"])
        if it["outcome"] == "approved" and learn_count.get(key, 0) < 2:
            learn_count[key] = learn_count.get(key, 0) + 1
            it["split"] = "learn"
        else:
            it["split"] = "test"
        RENDER[(it["form_type"], it["layout"])](it, os.path.join(inbox, it["file"]))
    with open(os.path.join(HERE, "truth.jsonl"), "w") as fh:
        for it in files:
            rec = {"file": it["file"], "form_type": it["form_type"], "fields": it["fields"],
                   "outcome": it["outcome"], "reasons": it["reasons"], "layout": it["layout"],
                   "split": it["split"]}
            if "duplicate_group" in it:
                rec["duplicate_group"] = it["duplicate_group"]
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    write_records(os.path.join(HERE, "records.xlsx"))
    # summary
    from collections import Counter
    print(len(files), "files")
    print(Counter((it["form_type"], it["outcome"]) for it in files))
    print(Counter(r for it in files for r in it["reasons"]))
    print(Counter((it["layout"], it["form_type"], it["split"]) for it in files))


if __name__ == "__main__":
    main()
