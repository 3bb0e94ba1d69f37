#!/usr/bin/env python
"""Blind test set 58: Pennmarsh District Council.

Run `python gen.py`; writes records.xlsx, inbox/*.pdf, truth.jsonl next to this file.
Deterministic: everything is driven by random.Random(SEED) and fixed dates.
"""
import datetime as dt
import json
import os
import re
import random
import shutil
from pathlib import Path

from openpyxl import Workbook
from reportlab.lib.pagesizes import A4
from reportlab.lib import colors
from reportlab.pdfgen import canvas
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.lib.utils import simpleSplit

SEED = 58
HERE = Path(__file__).resolve().parent
ASOF = dt.date(2026, 12, 7)
R = random.Random(SEED)
W, H = A4

# ---------------------------------------------------------------- fonts
DEJAVU = "/usr/share/fonts/truetype/dejavu/"
SERIF, SERIF_I, MONO, MONO_B = "Times-Roman", "Times-Italic", "Courier", "Courier-Bold"
TICK_FONT, TICK_CHAR = "ZapfDingbats", "4"
try:
    pdfmetrics.registerFont(TTFont("DVSerif", DEJAVU + "DejaVuSerif.ttf"))
    pdfmetrics.registerFont(TTFont("DVSerifI", DEJAVU + "DejaVuSerif-Italic.ttf"))
    pdfmetrics.registerFont(TTFont("DVMono", DEJAVU + "DejaVuSansMono.ttf"))
    pdfmetrics.registerFont(TTFont("DVMonoB", DEJAVU + "DejaVuSansMono-Bold.ttf"))
    SERIF, SERIF_I, MONO, MONO_B = "DVSerif", "DVSerifI", "DVMono", "DVMonoB"
    pdfmetrics.registerFont(TTFont("DVSans", DEJAVU + "DejaVuSans.ttf"))
    TICK_FONT, TICK_CHAR = "DVSans", "\u2713"
except Exception:  # fonts missing: fall back to the standard 14
    pass

# ---------------------------------------------------------------- value formatting
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def ordinal(n):
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }".replace(" ", "")


def fdate(d, style):
    if style == "slash":
        return d.strftime("%d/%m/%Y")
    if style == "slash_nz":
        return f"{d.day}/{d.month}/{d.year}"
    if style == "dash":
        return d.strftime("%d-%m-%Y")
    if style == "dot":
        return d.strftime("%d.%m.%Y")
    if style == "long":
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "ord":
        return f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}"
    if style == "us":
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    if style == "iso":
        return d.isoformat()
    raise ValueError(style)


def facct(ref, style):
    if style == "plain":
        return ref
    if style == "space":
        return ref[:4] + " " + ref[4:]
    if style == "dash":
        return ref[:4] + "-" + ref[4:]
    if style == "ct":
        return "CT" + ref
    raise ValueError(style)


def fpc(pc, style):
    if style == "plain":
        return pc
    if style == "lower":
        return pc.lower()
    if style == "nospace":
        return pc.replace(" ", "")
    raise ValueError(style)


def fvrm(v, style):
    """v is normalised (no spaces).  Insert the conventional space."""
    if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z]{3}", v):
        sp = v[:4] + " " + v[4:]
    elif re.fullmatch(r"[A-Z]\d{1,3}[A-Z]{3}", v):
        sp = v[:-3] + " " + v[-3:]
    elif re.fullmatch(r"[A-Z]{3}\d{1,3}[A-Z]", v):
        sp = v[:3] + " " + v[3:]
    else:
        sp = v[:4] + " " + v[4:]
    if style == "spaced":
        return sp
    if style == "plain":
        return v
    if style == "lower":
        return sp.lower()
    raise ValueError(style)


def iso(d):
    return d.isoformat() if d else None


def rdate(a, b):
    return a + dt.timedelta(days=R.randint(0, (b - a).days))


# ---------------------------------------------------------------- names
FIRST_F = ["Jane", "Susan", "Margaret", "Helen", "Claire", "Rachel", "Emma", "Joanne", "Sarah", "Linda",
           "Patricia", "Katherine", "Louise", "Hannah", "Eleanor", "Gillian", "Wendy", "Beverley", "Nicola",
           "Philippa", "Rosemary", "Imogen", "Abigail", "Fiona", "Teresa", "Maureen", "Dawn", "Amelia",
           "Harriet", "Sophie", "Lorraine", "Bethany", "Carol", "Janet", "Alison", "Yvonne"]
FIRST_M = ["Peter", "David", "Michael", "Andrew", "Richard", "Stephen", "Paul", "Mark", "Graham", "Robert",
           "Colin", "Trevor", "Keith", "Simon", "Jonathan", "Martin", "Nigel", "Gareth", "Daniel", "Thomas",
           "Oliver", "Harry", "Callum", "Benjamin", "Roger", "Malcolm", "Derek", "Ian", "Adrian", "Neil",
           "Frederick", "Lewis", "Joseph", "Barry", "Howard", "Samuel"]
SURNAMES = ["Thurlow", "Bexfield", "Cubitt", "Gedge", "Loades", "Pegg", "Spurgeon", "Thrower", "Youngs",
            "Bunn", "Catchpole", "Dye", "Eastaugh", "Feek", "Gooch", "Howes", "Jermy", "Kett", "Larter",
            "Mayes", "Nobbs", "Oakes", "Piggott", "Riches", "Sayer", "Tuck", "Utting", "Vincent", "Wegg",
            "Ayton", "Blowers", "Crisp", "Durrant", "Everitt", "Fiske", "Goffin", "Hurrell", "Ives",
            "Juby", "Kerrison", "Leeder", "Muttitt", "Neave", "Olley", "Plumb", "Quantrill", "Rix",
            "Scarlett", "Thaxter", "Underwood", "Varden", "Wharton", "Blyth", "Chilvers", "Dunnett",
            "Emms", "Fulcher", "Gotts", "Hannant", "Ling", "Moy", "Nudd", "Page", "Rump", "Shreeve",
            "Tovell", "Warnes", "Yaxley", "Allcock", "Bugg", "Cossey", "Drake", "Ellis", "Frary",
            "Grimes", "High", "Jarvis", "Knights", "Lake", "Mallett", "Newstead", "Orford", "Perowne",
            "Reeve", "Softley", "Tooley", "Wiseman", "Bird", "Copeman", "Dack", "Harrod", "Kemp"]
USED_NAMES = set()


def new_person(sex=None, surname=None):
    for _ in range(10000):
        s = sex or R.choice("FM")
        first = R.choice(FIRST_F if s == "F" else FIRST_M)
        last = surname or R.choice(SURNAMES)
        full = f"{first} {last}"
        if full not in USED_NAMES:
            USED_NAMES.add(full)
            return {"first": first, "last": last, "sex": s, "full": full}
        surname = None if surname and _ > 20 else surname
    raise RuntimeError("names exhausted")


def title_for(p):
    if p["sex"] == "M":
        return R.choice(["Mr", "Mr", "Mr", "Dr"])
    return R.choice(["Mrs", "Ms", "Miss", "Mrs", "Dr"])


# ---------------------------------------------------------------- gazetteer
TOWNS = {
    1: ("Pennmarsh", "Pennmarsh Town"),
    2: ("Pennmarsh Staithe", "Staithe and Quay"),
    3: ("Wenham St Mary", "Wenham"),
    4: ("Saxburgh", "Saxburgh and Holt Heath"),
    5: ("Thornham Marsh", "Marshland"),
    6: ("Blythmouth", "Blythmouth North"),
    7: ("Dunmere", "Dunmere Cliffs"),
    8: ("Covehithe Green", "Covehithe"),
    9: ("Halvergate St Peter", "Halvergate"),
}
# (district, street, zone, kind, count)
STREETS = [
    (1, "Market Place", "Zone P1", "num", 10),
    (1, "Bridge Street", "Zone P1", "num", 12),
    (1, "Church Lane", "Zone P2", "num", 12),
    (1, "Pightle Close", "", "bung", 8),
    (1, "Mill Lane", "", "num", 10),
    (2, "Quay Road", "Quay", "maltings", 12),
    (2, "Quay Road", "Quay", "num", 6),
    (2, "Staithe Lane", "Quay", "named", 8),
    (2, "Crabbers Lane", "", "num", 6),
    (3, "The Street", "", "named", 10),
    (3, "Back Lane", "", "num", 6),
    (4, "The Street", "", "named", 7),
    (4, "Loke End", "", "bung", 6),
    (5, "Marsh Road", "", "bungnamed", 8),
    (6, "Beach Road", "Beach Road", "num", 12),
    (6, "Beach Road", "Beach Road", "seacrest", 6),
    (6, "Lifeboat Row", "Beach Road", "num", 7),
    (6, "Sandy Lane", "", "num", 6),
    (7, "Coastguard Cottages", "", "num", 6),
    (7, "Cliff Road", "", "named", 6),
    (8, "The Green", "", "named", 7),
    (9, "The Street", "", "named", 6),
    (9, "Marsh Lane", "", "bung", 5),
]
HOUSE_NAMES = ["Flint Cottage", "Rose Cottage", "Sea View", "The Old Forge", "Marram", "Samphire Cottage",
               "Wherry House", "Dunlin", "Curlew Cottage", "Pebble Cottage", "Shingle End", "The Old Bakery",
               "Tern Lodge", "Saltings", "Driftwood", "Holly Cottage", "Pantile Cottage", "The Coach House",
               "Kittiwake", "Bramble Cottage", "Oystercatcher", "Little Marsh", "Chapel Cottage",
               "Old School House", "Reedcutters", "Windmill House", "Glebe Cottage", "Heron's Rest",
               "Sandpipers", "The Granary", "Cobble Cottage", "Lavender Cottage", "Staithe House",
               "Wayside", "Orchard End", "Plough Cottage", "Smuggler's Cottage", "Tide End"]
BUNG_NAMES = ["Sunnyside", "Marsh View", "Brambles", "Kestrel", "Fairhaven", "Redwings", "Meadowsweet",
              "Cherry Trees", "Skylarks", "Windrush", "The Bungalow", "Avocet"]
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"

props, accounts, electors, permits = [], [], [], []
used_pc = set()


def make_postcode(district):
    while True:
        pc = f"PM{district} {R.randint(1, 9)}{R.choice(INWARD_LETTERS)}{R.choice(INWARD_LETTERS)}"
        if pc not in used_pc:
            used_pc.add(pc)
            return pc


def build_gazetteer():
    uprn = 100091204000
    bands_w = [("A", 14), ("B", 22), ("C", 24), ("D", 18), ("E", 11), ("F", 6), ("G", 4), ("H", 1)]
    band_pool = [b for b, w in bands_w for _ in range(w)]
    names_left = HOUSE_NAMES[:]
    R.shuffle(names_left)
    for dist, street, zone, kind, count in STREETS:
        town, ward = TOWNS[dist]
        pcs = [make_postcode(dist) for _ in range(1 if count <= 7 else 2)]
        if kind in ("num", "bung"):
            nums = sorted(R.sample(range(1, 48), count))
            lines = [(f"{n} {street}", "") for n in nums]
        elif kind == "named":
            lines = []
            for _ in range(count):
                nm = names_left.pop() if names_left else f"{R.choice(HOUSE_NAMES)} {R.randint(2, 9)}"
                lines.append((f"{nm}, {street}", ""))
            # the classic: one of these villages always has a Flint Cottage
            if dist in (3, 4) and not any(l.startswith("Flint Cottage") for l, _ in lines):
                lines[0] = (f"Flint Cottage, {street}", "")
        elif kind == "bungnamed":
            lines = [(f"{nm}, {street}", "Lower Thornham" if i % 3 == 0 else "")
                     for i, nm in enumerate(R.sample(BUNG_NAMES, count))]
        elif kind == "maltings":
            lines = [(f"Apartment {n}, The Maltings, {street}", "") for n in range(1, count + 1)]
        elif kind == "seacrest":
            lines = [(f"Flat {n}, Seacrest, {street}", "") for n in range(1, count + 1)]
        for i, (l1, l2) in enumerate(lines):
            uprn += R.randint(3, 40)
            pc = pcs[0] if i < len(lines) / len(pcs) or len(pcs) == 1 else pcs[1]
            props.append({"uprn": uprn, "address_line_1": l1, "address_line_2": l2, "town": town,
                          "postcode": pc, "council_tax_band": R.choice(band_pool), "ward": ward,
                          "parking_zone": zone, "kind": kind, "street": street, "district": dist})


used_refs = set()


def new_ref():
    while True:
        ref = f"31{R.randint(0, 999999):06d}"
        if ref not in used_refs:
            used_refs.add(ref)
            return ref


elector_seq = {"n": 1000}


def add_elector(name, uprn, ward):
    elector_seq["n"] += R.randint(1, 9)
    prefix = "".join(w[0] for w in ward.split()[:2]).upper()
    if len(prefix) < 2:
        prefix = ward[:2].upper()
    electors.append({"elector_number": f"{prefix}-{elector_seq['n']}", "full_name": name, "uprn": uprn})


AREA = ["AB", "AE", "AK", "AN", "AS", "AY", "EA", "EF", "EK", "EN", "ET", "EY", "GN", "HK", "KN", "KX",
        "LB", "MA", "NA", "NG", "PE", "RK", "SF", "VN", "WA", "YC", "YH"]
VRM_L = "ABCDEFGHJKLMNPRSTVWXY"  # no I, O, Q, U, Z in the random letters
used_vrms = set()


def new_vrm(style="current"):
    while True:
        if style == "current":
            age = R.choice(["14", "64", "15", "65", "16", "66", "17", "67", "18", "68", "19", "69", "20",
                            "70", "21", "71", "22", "72", "23", "73", "24", "74", "25", "75"])
            v = R.choice(AREA) + age + "".join(R.choice(VRM_L) for _ in range(3))
        elif style == "prefix":
            v = R.choice("LMNPRSTVWXY") + str(R.randint(1, 999)) + "".join(R.choice(VRM_L) for _ in range(3))
        else:  # suffix
            v = "".join(R.choice(VRM_L) for _ in range(3)) + str(R.randint(1, 999)) + R.choice("ABCDEFGHJKLMNPRSTVWXY")
        if v not in used_vrms:
            used_vrms.add(v)
            return v


permit_seq = {"n": 20450}


def add_permit(uprn, zone, vrm, vf, vt):
    permit_seq["n"] += R.randint(1, 17)
    permits.append({"permit_ref": f"PDC-RP-{permit_seq['n']}", "uprn": uprn, "vrm": vrm, "zone": zone,
                    "valid_from": vf, "valid_to": vt})


def build_people():
    for p in props:
        u = p["uprn"]
        holiday = p["kind"] in ("maltings", "seacrest")
        occupied = R.random() > (0.22 if holiday else 0.08)
        if occupied:
            start = rdate(dt.date(2006, 4, 1), dt.date(2026, 5, 31))
            if R.random() < 0.35:  # previous occupants
                prev = [new_person()]
                if R.random() < 0.5:
                    prev.append(new_person(surname=prev[0]["last"]))
                pstart = rdate(dt.date(1995, 4, 1), start - dt.timedelta(days=400))
                accounts.append({"account_ref": new_ref(), "uprn": u, "liable": [x["full"] for x in prev],
                                 "status": "closed", "start_date": pstart,
                                 "end_date": start - dt.timedelta(days=R.randint(1, 60)), "discounts": []})
            n = 1 if R.random() < 0.42 else 2
            first = new_person()
            people = [first] + ([new_person(surname=first["last"] if R.random() < 0.7 else None)] if n == 2 else [])
            disc = ["SPD"] if n == 1 and R.random() < 0.55 else []
            accounts.append({"account_ref": new_ref(), "uprn": u, "liable": [x["full"] for x in people],
                             "status": "active", "start_date": start, "end_date": None, "discounts": disc,
                             "_people": people})
            if not (holiday and R.random() < 0.7):
                for x in people:
                    if R.random() < 0.88:
                        add_elector(x["full"], u, p["ward"])
                if n == 2 and R.random() < 0.14:
                    kid = new_person(surname=first["last"])
                    add_elector(kid["full"], u, p["ward"])
            if p["parking_zone"]:
                r = R.random()
                k = 2 if r < 0.12 else 1 if r < 0.55 else 0
                for _ in range(k):
                    vf = rdate(dt.date(2026, 1, 5), dt.date(2026, 11, 20))
                    add_permit(u, p["parking_zone"], new_vrm(), vf, vf + dt.timedelta(days=364))
                if R.random() < 0.25:
                    vf = rdate(dt.date(2024, 6, 1), dt.date(2025, 10, 1))
                    add_permit(u, p["parking_zone"], new_vrm(), vf, vf + dt.timedelta(days=364))
        else:
            if R.random() < 0.6:
                prev = [new_person()]
                pstart = rdate(dt.date(2001, 4, 1), dt.date(2022, 4, 1))
                accounts.append({"account_ref": new_ref(), "uprn": u, "liable": [x["full"] for x in prev],
                                 "status": "closed", "start_date": pstart,
                                 "end_date": rdate(dt.date(2025, 3, 1), dt.date(2026, 10, 31)), "discounts": []})


# ---------------------------------------------------------------- record queries
def prop_by_uprn(u):
    return next(p for p in props if p["uprn"] == u)


def active_acct(u):
    return next((a for a in accounts if a["uprn"] == u and a["status"] == "active"), None)


def acct_by_ref(ref):
    return next((a for a in accounts if a["account_ref"] == ref), None)


def electors_at(u):
    return [e["full_name"] for e in electors if e["uprn"] == u]


def set_register(u, names):
    p = prop_by_uprn(u)
    electors[:] = [e for e in electors if e["uprn"] != u]
    for n in names:
        add_elector(n, u, p["ward"])


def active_permits(u, day=ASOF):
    return [x for x in permits if x["uprn"] == u and x["valid_from"] <= day <= x["valid_to"]]


def set_permits(u, n_active):
    p = prop_by_uprn(u)
    permits[:] = [x for x in permits if not (x["uprn"] == u and x["valid_from"] <= ASOF <= x["valid_to"])]
    for _ in range(n_active):
        vf = rdate(dt.date(2026, 2, 1), dt.date(2026, 11, 1))
        add_permit(u, p["parking_zone"], new_vrm(), vf, vf + dt.timedelta(days=364))


USED_UPRNS = set()


def pick_prop(pred):
    cands = [p for p in props if p["uprn"] not in USED_UPRNS and pred(p)]
    if not cands:
        raise RuntimeError("no candidate property")
    p = R.choice(cands)
    USED_UPRNS.add(p["uprn"])
    return p


def person_from_full(full):
    first, last = full.split(" ", 1)
    sex = "F" if first in FIRST_F else "M"
    return {"first": first, "last": last, "sex": sex, "full": full}


def pick_occupied(extra=lambda p, a: True, zone=None, liable_n=None):
    def pred(p):
        a = active_acct(p["uprn"])
        if not a:
            return False
        if zone is not None and (p["parking_zone"] != zone if zone != "any" else not p["parking_zone"]):
            return False
        if liable_n and len(a["liable"]) != liable_n:
            return False
        return extra(p, a)
    p = pick_prop(pred)
    return p, active_acct(p["uprn"])


# ---------------------------------------------------------------- contact details
MAILHOSTS = ["coastmail.co.uk", "marshnet.com", "btmail.example.co.uk", "pennline.net", "easternmail.co.uk"]


def phone():
    if R.random() < 0.5:
        return f"07700 {R.randint(900000, 900999)}"
    return f"01{R.choice(['502', '493', '263', '328'])} {R.randint(700000, 799999)}"


def email_for(person):
    f, l = person["first"].lower(), person["last"].lower()
    return R.choice([f"{f}.{l}", f"{f[0]}{l}{R.randint(1, 99)}", f"{l}.{f}", f"{f}{l}"]) + "@" + R.choice(MAILHOSTS)


OUTSIDE = [("18 Kingfisher Way", "Norwich", "NR7 8QX"), ("Flat 3, 22 Wensum Street", "Norwich", "NR3 1HY"),
           ("7 Cavendish Road", "Ipswich", "IP4 2LP"), ("41 Denmark Road", "Lowestoft", "NR32 2EL"),
           ("2 Orchard Rise", "Bury St Edmunds", "IP33 3JQ"), ("96 Magdalen Street", "Norwich", "NR3 1JT"),
           ("12 Raleigh Close", "Great Yarmouth", "NR30 4HS"), ("The Barn, Manor Farm", "Diss", "IP22 4NB"),
           ("5 Hawthorn Avenue", "Cambridge", "CB4 2FS"), ("31 Tennyson Road", "King's Lynn", "PE30 5NG"),
           ("9 Belvedere Road", "Chelmsford", "CM2 9AT"), ("64 St Giles Street", "Norwich", "NR2 1LW"),
           ("Flat 12, Riverside Court", "Beccles", "NR34 9BD"), ("3 Cromer Road", "Aylsham", "NR11 6HE"),
           ("27 Alexandra Road", "Sheringham", "NR26 8HU"), ("15 Gainsborough Drive", "Sudbury", "CO10 2EX"),
           ("8 Thorpe Road", "Norwich", "NR1 1UA"), ("Flat 4, Mariners Court", "Southwold", "IP18 6AE"),
           ("52 High Street", "Wymondham", "NR18 0AQ"), ("19 Chapel Street", "Woodbridge", "IP12 4NF"),
           ("6 Elm Grove", "Thetford", "IP24 2PU"), ("Rosedene, Station Road", "Halesworth", "IP19 8BZ"),
           ("33 Victoria Road", "Colchester", "CO3 3NR"), ("11 Bishopgate", "Peterborough", "PE1 5AF"),
           ("74 Mile End Road", "London", "E1 4UJ"), ("2 Church View", "Dereham", "NR19 1DG")]
OUT_USED = set()


def outside_address():
    c = [o for o in OUTSIDE if o not in OUT_USED] or OUTSIDE
    o = R.choice(c)
    OUT_USED.add(o)
    return o


MODELS = ["Ford Fiesta", "Vauxhall Corsa", "Volkswagen Golf", "Toyota Yaris", "Nissan Qashqai", "Kia Sportage",
          "Skoda Octavia", "Peugeot 208", "Honda Jazz", "Land Rover Defender", "Volvo XC40", "MG ZS",
          "Fiat 500", "Renault Clio", "Hyundai Tucson", "BMW 1 Series", "Mini Cooper", "Dacia Sandero"]


# ---------------------------------------------------------------- cases
def base_case(form_type, layout, outcome="approved", reasons=None):
    return {"form_type": form_type, "layout": layout, "fields": {}, "outcome": outcome,
            "reasons": reasons or [], "x": {}}


def named(person, with_title=True):
    t = title_for(person) if with_title else ""
    return (t + " " + person["full"]).strip(), t


def spd_case(layout, scenario):
    reasons = {
        "clean": [], "too_old": ["DATE_TOO_OLD"], "other_adults": ["OTHER_ADULTS_REGISTERED"],
        "inconsistent": ["INCONSISTENT_DATES"], "closed": ["ACCOUNT_CLOSED"], "name_mismatch": ["NAME_MISMATCH"],
        "discount_already": ["DISCOUNT_ALREADY_APPLIED"], "missing_since": ["MISSING_FIELD:sole_adult_since"],
        "no_account": ["ACCOUNT_NOT_FOUND"],
    }[scenario]
    c = base_case("council_tax_spd", layout, "approved" if not reasons else "exception", reasons)
    f, x = c["fields"], c["x"]
    leaver = None
    if scenario == "closed":
        # the applicant was once sole liable on an old account, now on a joint one with the leaver
        def ok(p, a):
            return "SPD" not in a["discounts"]
        p, a = pick_occupied(ok, liable_n=2)
        app_full, leaver_full = a["liable"]
        old = {"account_ref": new_ref(), "uprn": p["uprn"], "liable": [app_full], "status": "closed",
               "start_date": a["start_date"] - dt.timedelta(days=R.randint(900, 3000)),
               "end_date": a["start_date"] - dt.timedelta(days=1), "discounts": []}
        accounts.append(old)
        set_register(p["uprn"], [app_full, leaver_full])
        ref = old["account_ref"]
        app, leaver = person_from_full(app_full), person_from_full(leaver_full)
    elif scenario == "name_mismatch":
        p, a = pick_occupied(lambda p, a: "SPD" not in a["discounts"], liable_n=1)
        mum = person_from_full(a["liable"][0])
        app = new_person(sex="M", surname=mum["last"])  # adult son, never added to the bill
        leaver = mum
        set_register(p["uprn"], [mum["full"]])
        ref = a["account_ref"]
        x["story"] = "son"
    elif scenario == "discount_already":
        p, a = pick_occupied(lambda p, a: "SPD" in a["discounts"], liable_n=1)
        app = person_from_full(a["liable"][0])
        set_register(p["uprn"], [app["full"]])
        ref = a["account_ref"]
    else:
        two = R.random() < 0.7 or scenario in ("other_adults", "inconsistent")
        p, a = pick_occupied(lambda p, a: "SPD" not in a["discounts"] and p["kind"] not in ("maltings",),
                             liable_n=2 if two else 1)
        app = person_from_full(a["liable"][0])
        if two:
            leaver = person_from_full(a["liable"][1])
            reg = [app["full"], leaver["full"]]
            if leaver["last"] == app["last"]:
                x["rel"] = {"M": "husband", "F": "wife"}[leaver["sex"]]
        else:
            if R.random() < 0.5:
                leaver = new_person(surname=app["last"])  # adult child, registered, now left
                reg = [app["full"], leaver["full"]]
                x["rel"] = {"M": "son", "F": "daughter"}[leaver["sex"]]
            else:
                reg = [app["full"]]
        if leaver and scenario == "clean" and R.random() < 0.2:
            # the leaver is not named on the form: they have already come off the register
            reg.remove(leaver["full"])
            x["unnamed_leaver"] = True
        if scenario == "other_adults":
            lodger = new_person()
            reg.append(lodger["full"])
        set_register(p["uprn"], reg)
        ref = a["account_ref"]
        if scenario == "no_account":
            ref = new_ref()  # reserved, never written to the workbook
    name, title = named(app, R.random() < 0.75)
    f["account_ref"] = ref
    f["applicant_name"] = name
    f["address"] = p["address_line_1"]
    f["postcode"] = p["postcode"]
    x.update(title=title, person=app, town=p["town"], prop=p)
    if scenario == "too_old":
        since = rdate(dt.date(2025, 6, 1), dt.date(2025, 10, 31))
    else:
        since = rdate(dt.date(2026, 1, 10), dt.date(2026, 11, 20))
    if scenario != "missing_since":
        f["sole_adult_since"] = since.isoformat()
    x["since"] = since
    if leaver and not x.get("unnamed_leaver"):
        f["other_adult_name"] = leaver["full"]
        if R.random() < 0.6:
            o = outside_address()
            f["other_adult_forwarding_address"] = f"{o[0]}, {o[1]} {o[2]}"
    x["leaver"] = leaver
    # what changed
    rel = x.get("rel", "partner")
    if scenario == "name_mismatch":
        rel = "mother"
    x["rel"] = rel
    if scenario == "inconsistent":
        other = since - dt.timedelta(days=R.randint(8, 25))
        f["change_description"] = (f"My {rel} {leaver['first']} moved out on {fdate(other, 'long')} "
                                   f"and I have lived here on my own since.")
    elif scenario == "name_mismatch":
        f["change_description"] = (f"My mother {leaver['full']} went into Fairhaven Care Home on "
                                   f"{fdate(since, 'long')}. I am her son and still live at the house.")
    elif R.random() < 0.7:
        ds = R.choice(["long", "slash", "ord"])
        opts = [f"{('My ' + rel + ' ' + leaver['first']) if leaver else 'My lodger'} moved out on {fdate(since, ds)}.",
                f"We have separated and {leaver['first'] if leaver else 'my partner'} has moved away permanently.",
                f"{(leaver['first'] if leaver else 'The other adult')} left on {fdate(since, ds)} and I now live alone."]
        if not leaver:
            opts = ["My lodger moved out and I now live on my own.",
                    f"I have been the only adult here since {fdate(since, ds)} when my lodger left."]
        if x.get("unnamed_leaver"):
            opts = [f"My {rel} moved out on {fdate(since, ds)}.", f"My {rel} has moved away permanently."]
        f["change_description"] = R.choice(opts)
    if R.random() < 0.6:
        f["phone"] = phone()
    if R.random() < 0.5:
        f["email"] = email_for(app)
    decl = rdate(max(since, dt.date(2026, 11, 2)) if since <= ASOF else dt.date(2026, 11, 10), ASOF - dt.timedelta(days=2))
    f["declaration_date"] = decl.isoformat()
    return c


def move_case(layout, scenario, mtype):
    reasons = {"clean": [], "not_found": ["PROPERTY_NOT_FOUND"], "too_old": ["DATE_TOO_OLD"],
               "future": ["DATE_IN_FUTURE"], "missing_acct": ["MISSING_FIELD:account_ref"],
               "addr_mismatch": ["ADDRESS_MISMATCH"], "no_account": ["ACCOUNT_NOT_FOUND"]}[scenario]
    c = base_case("council_tax_move", layout, "approved" if not reasons else "exception", reasons)
    f, x = c["fields"], c["x"]
    f["move_type"] = mtype
    if mtype == "out":
        p, a = pick_occupied(lambda p, a: True)
        app = person_from_full(R.choice(a["liable"]))
        name, title = named(app, R.random() < 0.7)
        if scenario != "missing_acct":
            f["account_ref"] = a["account_ref"] if scenario != "no_account" else new_ref()
        f["applicant_name"] = name
        prev_line = p["address_line_1"]
        if scenario == "addr_mismatch":
            # a neighbour's house in the same street (exists in the gazetteer, not this account's)
            sib = [q for q in props if q["street"] == p["street"] and q["district"] == p["district"]
                   and q["uprn"] != p["uprn"]]
            q = R.choice(sib)
            prev_line, prev_pc = q["address_line_1"], q["postcode"]
            x["wrong_prop"] = q
        else:
            prev_pc = p["postcode"]
        f["previous_address"] = prev_line
        f["previous_postcode"] = prev_pc
        o = outside_address()
        f["new_address"], f["new_postcode"] = o[0], o[2]
        x.update(prev_town=p["town"], new_town=o[1])
    else:
        app = new_person()
        name, title = named(app, R.random() < 0.7)
        f["applicant_name"] = name
        if scenario == "not_found":
            p = {"address_line_1": "5 Samphire Way", "postcode": "PM1 8WY", "town": "Pennmarsh"}
        else:
            p = pick_prop(lambda q: active_acct(q["uprn"]) is None)
        f["new_address"], f["new_postcode"] = p["address_line_1"], p["postcode"]
        x["new_town"] = p["town"]
        if R.random() < 0.6:
            o = outside_address()
            f["previous_address"], f["previous_postcode"] = o[0], o[2]
            x["prev_town"] = o[1]
    if scenario == "too_old":
        md = rdate(dt.date(2025, 7, 1), dt.date(2025, 11, 20))
    elif scenario == "future":
        md = rdate(dt.date(2027, 1, 20), dt.date(2027, 3, 10))
    elif mtype == "out":
        md = rdate(dt.date(2026, 9, 1), dt.date(2026, 12, 31))
    else:
        md = rdate(dt.date(2026, 10, 1), dt.date(2026, 12, 28))
    f["move_date"] = md.isoformat()
    x["move_date"] = md
    if R.random() < 0.7:
        f["phone"] = phone()
    if R.random() < 0.5:
        f["email"] = email_for(app)
    f["declaration_date"] = rdate(dt.date(2026, 11, 5), ASOF - dt.timedelta(days=1)).isoformat()
    x.update(title=title, person=app)
    return c


def permit_case(layout, scenario):
    reasons = {"clean": [], "not_resident": ["NOT_RESIDENT"], "cap": ["PERMIT_CAP_REACHED"],
               "bad_vrm": ["INVALID_FORMAT:vrm"], "has_permit": ["VRM_HAS_PERMIT"],
               "wrong_zone": ["NOT_IN_PERMIT_ZONE"], "future": ["DATE_IN_FUTURE"],
               "not_found": ["PROPERTY_NOT_FOUND"]}[scenario]
    c = base_case("parking_permit", layout, "approved" if not reasons else "exception", reasons)
    f, x = c["fields"], c["x"]
    if scenario == "not_found":
        p = {"address_line_1": "Apartment 14, The Maltings, Quay Road", "town": "Pennmarsh Staithe",
             "parking_zone": "Quay",
             "postcode": next(q["postcode"] for q in props if q["kind"] == "maltings")}
        app = new_person()
        zone = "Quay"
    else:
        p, a = pick_occupied(zone="any")
        zone = p["parking_zone"]
        app = person_from_full(R.choice(a["liable"]))
        if scenario == "clean" and R.random() < 0.3:
            # on the register only (grown-up child living at home, not on the bill)
            app = new_person(surname=app["last"])
            set_register(p["uprn"], electors_at(p["uprn"]) + [app["full"]])
        if scenario == "not_resident":
            app = new_person()  # e.g. a visiting relative / the owner of a holiday let
            set_register(p["uprn"], [n for n in electors_at(p["uprn"]) if n in a["liable"]])
        if scenario == "wrong_zone":
            zone = R.choice([z for z in ("Quay", "Zone P1", "Zone P2", "Beach Road") if z != p["parking_zone"]])
        set_permits(p["uprn"], {"cap": 2}.get(scenario, R.choice([0, 0, 1])))
    vrm = new_vrm(R.choice(["current"] * 6 + ["prefix", "suffix"]))
    if scenario == "bad_vrm":
        vrm = R.choice(AREA) + R.choice(["19", "68", "21", "72"]) + "".join(R.choice(VRM_L) for _ in range(4))
    if scenario == "has_permit":
        set_permits(p["uprn"], 1)
        vrm = active_permits(p["uprn"])[0]["vrm"]
    name, title = named(app, R.random() < 0.7)
    f["applicant_name"] = name
    f["address"], f["postcode"] = p["address_line_1"], p["postcode"]
    f["vrm"] = vrm
    if R.random() < 0.8:
        model = R.choice(MODELS)
        x["model_full"] = model
    f["zone"] = zone
    if scenario == "future":
        sd = rdate(dt.date(2027, 1, 15), dt.date(2027, 3, 1))
    else:
        sd = rdate(ASOF - dt.timedelta(days=5), ASOF + dt.timedelta(days=24))
    f["start_date"] = sd.isoformat()
    if R.random() < 0.7:
        f["phone"] = phone()
    if R.random() < 0.5:
        f["email"] = email_for(app)
    f["declaration_date"] = rdate(dt.date(2026, 11, 10), ASOF - dt.timedelta(days=1)).isoformat()
    x.update(title=title, person=app, town=p["town"])
    return c


def set_model(c, text):
    """vehicle_make holds exactly what is printed in the make box."""
    if text:
        c["fields"]["vehicle_make"] = text


# ---------------------------------------------------------------- correspondence
def corr_case(scenario):
    topic = {"bin_letter": "missed_bin", "bin_email": "missed_bin", "ctq_email": "council_tax_query", "complaint": "complaint",
             "foi_resident": "foi_request", "ctq_letter": "council_tax_query", "other": "other",
             "bad_acct": "council_tax_query", "anon": "complaint", "foi_outside": "foi_request"}[scenario]
    reasons = {"bad_acct": ["ACCOUNT_NOT_FOUND"], "anon": ["SENDER_UNKNOWN"],
               "foi_outside": ["SENDER_UNKNOWN"]}.get(scenario, [])
    c = base_case("correspondence", "letter_email", "exception" if reasons else "approved", reasons)
    f, x = c["fields"], c["x"]
    f["topic"] = topic
    x["scenario"] = scenario
    x["kind"] = "email" if scenario in ("ctq_email", "foi_resident", "anon", "other", "bin_email") else "letter"
    dates = []

    def D(d, style):
        if d.isoformat() not in dates:
            dates.append(d.isoformat())
        return fdate(d, style)

    person, p, a = None, None, None
    if scenario not in ("anon", "foi_outside"):
        p, a = pick_occupied()
        person = person_from_full(a["liable"][0])
    sent = rdate(dt.date(2026, 11, 24), ASOF - dt.timedelta(days=1))
    x["sent"] = sent
    if scenario == "bin_letter":
        d1 = rdate(dt.date(2026, 11, 12), sent - dt.timedelta(days=5))
        d2 = d1 + dt.timedelta(days=7)
        paras = [f"I am writing because our general waste bin was not emptied on {D(d1, 'long')}, "
                 f"which is our usual collection day. I left it out at the kerb by 7am as always.",
                 f"I reported it on the website and was told it would be collected within two working days, "
                 f"but it was missed again on {D(d2, 'long')}. The bin is now overflowing and attracting gulls.",
                 "Please could you arrange for it to be emptied as soon as possible."]
    elif scenario == "bin_email":
        d1 = rdate(dt.date(2026, 11, 16), sent - dt.timedelta(days=2))
        paras = [f"Our recycling bin (the one with the blue lid) was not collected on {D(d1, R.choice(['slash', 'ord']))}. "
                 "Every other bin in the road was emptied, so I think the crew simply missed ours.",
                 "It is full to the top after the weekend. Could you please send someone to empty it before the next "
                 "collection?"]
    elif scenario == "ctq_email":
        d1 = dt.date(2026, 4, 1)
        paras = [f"My council tax reference is {facct(a['account_ref'], 'space')}. I have just noticed that the "
                 f"instalments taken from {D(d1, 'slash')} are higher than last year and I cannot see why.",
                 "Could someone explain how this year's bill was worked out, and whether the band for the "
                 "property is correct? I would also like to move my payment date to the 15th of the month.",
                 "Many thanks."]
        f["account_ref"] = a["account_ref"]
    elif scenario == "complaint":
        d1 = rdate(dt.date(2026, 10, 20), sent - dt.timedelta(days=10))
        paras = [f"I wish to make a formal complaint about the way my enquiry has been handled. On {D(d1, 'ord')} "
                 f"I telephoned about the broken street light outside my home and was promised a call back within five days.",
                 "Nobody has called, two further emails have gone unanswered, and the light is still out. "
                 "Several elderly neighbours are now afraid to walk home after dark.",
                 "I would like an explanation and a date by which the light will be repaired."]
    elif scenario == "foi_resident":
        d1, d2 = dt.date(2023, 4, 1), dt.date(2026, 3, 31)
        paras = ["Under the Freedom of Information Act 2000, please provide the following information.",
                 f"For the period {D(d1, 'long')} to {D(d2, 'long')}: the total income the council received "
                 "from beach hut licences on the Blythmouth and Dunmere seafronts, broken down by financial year, "
                 "and the total amount spent on maintaining the huts and the promenade.",
                 "I would be happy to receive the information by email as a spreadsheet."]
    elif scenario == "ctq_letter":
        paras = [f"Council Tax account {facct(a['account_ref'], R.choice(['plain', 'ct']))}",
                 "I am finding it difficult to keep up with the ten monthly payments this year. Could I please "
                 "spread the remaining balance over twelve instalments instead?",
                 "I would also be grateful if you could tell me whether I might qualify for any reduction, "
                 "as my working hours have recently been cut."]
        f["account_ref"] = a["account_ref"]
    elif scenario == "other":
        d1 = dt.date(2027, 5, 14)
        paras = ["My late father loved the seafront at Blythmouth and our family would like to donate a "
                 "memorial bench with a small plaque, to be placed near the lifeboat station.",
                 f"Could you tell me how to apply, what it would cost, and whether it could be installed before "
                 f"{D(d1, 'long')}, which would have been his 80th birthday?"]
    elif scenario == "bad_acct":
        bad = new_ref()
        paras = [f"Re: council tax reference {facct(bad, 'dash')}",
                 "I have received a reminder saying I have missed a payment, but my bank statement shows that "
                 "the direct debit was taken as normal. Please could you check the account and cancel the reminder?",
                 "I enclose a copy of my statement."]
        f["account_ref"] = bad
    elif scenario == "anon":
        d1 = rdate(dt.date(2026, 11, 1), sent - dt.timedelta(days=3))
        paras = [f"I want to complain about the state of the public toilets on Quay Road. On {D(d1, 'slash')} "
                 "they were filthy, there was no soap or paper, and one door would not lock.",
                 "This is a tourist area and it is an embarrassment. Who is responsible for cleaning them "
                 "and how often is it done?"]
    elif scenario == "foi_outside":
        d1, d2 = dt.date(2024, 1, 1), dt.date(2026, 10, 31)
        paras = ["I am making a request under the Freedom of Information Act 2000.",
                 f"Please state how many penalty charge notices were issued in the council's residents' parking "
                 f"zones between {D(d1, 'long')} and {D(d2, 'long')}, broken down by zone and by month, "
                 "and how many of those were cancelled on appeal.",
                 "If any part of this request is too costly to answer, please tell me what can be provided."]
        person = new_person()
        o = outside_address()
        x["outside"] = o
    f["body"] = " ".join(" ".join(pp.split()) for pp in paras)
    if dates:
        f["dates_mentioned"] = dates
    x["paras"] = paras
    if person:
        with_title = x["kind"] == "letter" and R.random() < 0.5
        name, title = named(person, with_title)
        f["sender_name"] = name
        x["person"] = person
    if p and not (scenario == "ctq_email"):
        f["address"], f["postcode"] = p["address_line_1"], p["postcode"]
        x["town"] = p["town"]
    if scenario == "foi_outside":
        f["address"], f["postcode"] = x["outside"][0], x["outside"][2]
        x["town"] = x["outside"][1]
    return c


# ---------------------------------------------------------------- drawing helpers
def header_band(cv, title, sub, code=None, style="plain"):
    if style == "band":
        cv.setFillColor(colors.HexColor("#1d4e63"))
        cv.rect(0, H - 78, W, 78, stroke=0, fill=1)
        cv.setFillColor(colors.white)
        cv.setFont("Helvetica-Bold", 15)
        cv.drawString(40, H - 34, "PENNMARSH")
        cv.setFont("Helvetica", 9)
        cv.drawString(40, H - 47, "DISTRICT COUNCIL")
        cv.setFont("Helvetica-Bold", 13)
        cv.drawRightString(W - 40, H - 34, title)
        cv.setFont("Helvetica", 8.5)
        cv.drawRightString(W - 40, H - 50, sub)
        if code:
            cv.drawRightString(W - 40, H - 64, code)
        cv.setFillColor(colors.black)
        return H - 100
    cv.setFont("Times-Bold", 17)
    cv.drawString(45, H - 50, "Pennmarsh District Council")
    cv.setFont("Times-Roman", 9)
    cv.drawString(45, H - 63, "Council Offices, Staithe Street, Pennmarsh PM1 1AA  ·  01502 770100  ·  pennmarsh.gov.uk")
    cv.setLineWidth(1.2)
    cv.line(45, H - 70, W - 45, H - 70)
    if code:
        cv.setFont("Helvetica", 7.5)
        cv.drawRightString(W - 45, H - 50, code)
    cv.setFont("Helvetica-Bold", 13)
    cv.drawString(45, H - 92, title)
    cv.setFont("Helvetica", 8.5)
    y = H - 106
    for line in simpleSplit(sub, "Helvetica", 8.5, W - 90):
        cv.drawString(45, y, line)
        y -= 11
    return y - 8


def footer(cv, text):
    cv.setFont("Helvetica", 6.5)
    cv.setFillColor(colors.grey)
    cv.drawString(45, 28, text)
    cv.setFillColor(colors.black)


def wrap_draw(cv, text, x, y, width, font, size, lead=None):
    lead = lead or size * 1.25
    for line in simpleSplit(text, font, size, width):
        cv.drawString(x, y, line)
        y -= lead
    return y


# ---------------------------------------------------------------- layout: paper_sections
def paper_line(cv, y, label, value, x0=50, x1=545, lab_font=("Helvetica", 9.5)):
    cv.setFont(*lab_font)
    cv.drawString(x0, y, label)
    lx = x0 + cv.stringWidth(label, *lab_font) + 6
    uw = cv.stringWidth("_", *lab_font)
    n = max(4, int((x1 - lx) / uw))
    cv.drawString(lx, y - 1, "_" * n)
    if value:
        cv.setFont("Courier", 10.5)
        cv.drawString(lx + 8, y + 2.5, value)
    return y - 22


def paper_section(cv, y, text):
    cv.setFillColor(colors.HexColor("#d9d9d9"))
    cv.rect(45, y - 4, W - 90, 15, stroke=0, fill=1)
    cv.setFillColor(colors.black)
    cv.setFont("Helvetica-Bold", 10)
    cv.drawString(50, y, text)
    return y - 24


def paper_box(cv, y, label, value, h=48):
    cv.setFont("Helvetica", 9.5)
    cv.drawString(50, y, label)
    cv.rect(50, y - 6 - h, W - 100, h)
    if value:
        cv.setFont("Courier", 10)
        wrap_draw(cv, value, 56, y - 18, W - 115, "Courier", 10, 12)
    return y - h - 24


def render_paper(cv, c):
    f, x = c["fields"], c["x"]
    ds = R.choice(["slash", "slash", "slash_nz", "dot"])
    combined = R.random() < 0.45
    if c["form_type"] == "council_tax_spd":
        y = header_band(cv, "Council Tax – Single Person Discount application",
                        "Use this form if you are the only adult (aged 18 or over) living at your home. "
                        "If approved, your bill will be reduced by 25%. Please write clearly in BLOCK CAPITALS.",
                        "Form CT/SPD/3  (rev. 04/25)")
        y = paper_section(cv, y, "Part A – About you")
        y = paper_line(cv, y, "Full name (Mr/Mrs/Ms/Miss/Dr)", f.get("applicant_name"))
        y = paper_line(cv, y, "Council Tax account number (shown on your bill)",
                       facct(f["account_ref"], R.choice(["plain", "space", "ct"])))
        y = paper_line(cv, y, "Daytime telephone", f.get("phone"))
        y = paper_line(cv, y, "Email address", f.get("email"))
        y = paper_section(cv, y - 4, "Part B – The property")
        pc = fpc(f["postcode"], R.choice(["plain", "plain", "lower", "nospace"]))
        if combined:
            y = paper_line(cv, y, "Address (including postcode)", f"{f['address']}, {x['town']}, {pc}")
        else:
            y = paper_line(cv, y, "Address of the property", f["address"])
            y = paper_line(cv, y, "Town", x["town"])
            y = paper_line(cv, y, "Postcode", pc)
        y = paper_section(cv, y - 4, "Part C – Your circumstances")
        y = paper_line(cv, y, "Date from which you have been the only adult living there (dd/mm/yyyy)",
                       fdate(x["since"], ds) if "sole_adult_since" in f else "")
        y = paper_line(cv, y, "Name of the adult who has moved out", f.get("other_adult_name"))
        y = paper_line(cv, y, "Their new address (if known)", f.get("other_adult_forwarding_address"))
        y = paper_box(cv, y - 2, "Please tell us what has changed", f.get("change_description"))
        y = paper_section(cv, y, "Part D – Declaration")
        cv.setFont("Helvetica", 8.5)
        y = wrap_draw(cv, "I declare that the information I have given on this form is correct and complete. I will tell "
                      "the council within 21 days if another adult comes to live at the property. I understand that "
                      "giving false information may lead to a penalty of £70 and prosecution.", 50, y, W - 100,
                      "Helvetica", 8.5, 11) - 14
        cv.setFont("Helvetica", 9.5)
        cv.drawString(50, y, "Signature")
        cv.drawString(108, y - 1, "_" * 40)
        cv.setFont("Times-Italic", 14)
        cv.drawString(118, y + 2, x["person"]["full"])
        cv.setFont("Helvetica", 9.5)
        cv.drawString(340, y, "Date (dd/mm/yyyy)")
        cv.drawString(425, y - 1, "_" * 22)
        if "declaration_date" in f:
            cv.setFont("Courier", 10.5)
            cv.drawString(432, y + 2.5, fdate(dt.date.fromisoformat(f["declaration_date"]), ds))
        footer(cv, "Return to: Council Tax, Pennmarsh District Council, Council Offices, Staithe Street, Pennmarsh PM1 1AA. "
               "Privacy notice: pennmarsh.gov.uk/privacy")
    elif c["form_type"] == "council_tax_move":
        y = header_band(cv, "Council Tax – Tell us you are moving",
                        "Complete this form when you move into, out of, or within the Pennmarsh district. "
                        "We need at least the date of the move and the addresses involved.",
                        "Form CT/MOV/1")
        y = paper_section(cv, y, "Part A – About you")
        y = paper_line(cv, y, "Your full name", f["applicant_name"])
        y = paper_line(cv, y, "Contact telephone number", f.get("phone"))
        y = paper_line(cv, y, "Email", f.get("email"))
        mt = {"in": R.choice(["Moving in", "Moving IN to the district", "IN"]),
              "out": R.choice(["Moving out", "Moving OUT of the district", "OUT"])}[f["move_type"]]
        y = paper_line(cv, y, "Are you moving in or out? (write IN or OUT)", mt)
        y = paper_section(cv, y - 4, "Part B – The address you are leaving")
        y = paper_line(cv, y, "Council Tax account number (if you have one)",
                       facct(f["account_ref"], R.choice(["plain", "dash", "space"])) if "account_ref" in f else "")
        if "previous_address" in f:
            pc = fpc(f["previous_postcode"], R.choice(["plain", "lower"]))
            if combined:
                y = paper_line(cv, y, "Address (including postcode)", f"{f['previous_address']}, {x['prev_town']}, {pc}")
            else:
                y = paper_line(cv, y, "Address", f["previous_address"])
                y = paper_line(cv, y, "Town", x["prev_town"])
                y = paper_line(cv, y, "Postcode", pc)
        else:
            y = paper_line(cv, y, "Address (including postcode)", "")
        y = paper_section(cv, y - 4, "Part C – Your new address")
        pc = fpc(f["new_postcode"], R.choice(["plain", "nospace"]))
        if combined:
            y = paper_line(cv, y, "Address (including postcode)", f"{f['new_address']}, {x['new_town']}, {pc}")
        else:
            y = paper_line(cv, y, "Address", f["new_address"])
            y = paper_line(cv, y, "Town", x["new_town"])
            y = paper_line(cv, y, "Postcode", pc)
        y = paper_line(cv, y, "Date of your move (dd/mm/yyyy)", fdate(x["move_date"], ds) if "move_date" in f else "")
        y = paper_section(cv, y - 4, "Part D – Declaration")
        cv.setFont("Helvetica", 8.5)
        y = wrap_draw(cv, "I confirm that the details above are true. I understand the council may check them against "
                      "other records it holds.", 50, y, W - 100, "Helvetica", 8.5, 11) - 14
        y = paper_line(cv, y, "Signed", "")
        cv.setFont("Times-Italic", 14)
        cv.drawString(100, y + 24, x["person"]["full"])
        y = paper_line(cv, y, "Date (dd/mm/yyyy)", fdate(dt.date.fromisoformat(f["declaration_date"]), ds), x1=300)
        footer(cv, "Pennmarsh District Council – Revenues. CT/MOV/1. We will send you a final or new bill once your move has been processed.")
    else:
        y = header_band(cv, "Residents' Parking Permit – application",
                        "Permits are available to residents of properties within a controlled parking zone. "
                        "A maximum of two permits is issued per household. Permits last 12 months.",
                        "Form PK/RES/2")
        y = paper_section(cv, y, "Part A – About you")
        y = paper_line(cv, y, "Name of applicant", f["applicant_name"])
        y = paper_line(cv, y, "Telephone", f.get("phone"))
        y = paper_line(cv, y, "E-mail", f.get("email"))
        y = paper_section(cv, y - 4, "Part B – Your home")
        pc = fpc(f["postcode"], R.choice(["plain", "lower", "nospace"]))
        if combined:
            y = paper_line(cv, y, "Home address (including postcode)", f"{f['address']}, {x['town']}, {pc}")
        else:
            y = paper_line(cv, y, "Home address", f["address"])
            y = paper_line(cv, y, "Town / village", x["town"])
            y = paper_line(cv, y, "Postcode", pc)
        y = paper_line(cv, y, "Permit zone applied for (see zone map overleaf)", f["zone"])
        y = paper_section(cv, y - 4, "Part C – Your vehicle")
        y = paper_line(cv, y, "Vehicle registration number", fvrm(f["vrm"], R.choice(["spaced", "spaced", "plain", "lower"])))
        y = paper_line(cv, y, "Make and model", f.get("vehicle_make"))
        y = paper_line(cv, y, "Date you would like the permit to start (dd/mm/yyyy)",
                       fdate(dt.date.fromisoformat(f["start_date"]), ds))
        y = paper_section(cv, y - 4, "Part D – Declaration")
        cv.setFont("Helvetica", 8.5)
        y = wrap_draw(cv, "I declare that I live at the address above and that the vehicle is kept there. I will return "
                      "the permit if I move or sell the vehicle.", 50, y, W - 100, "Helvetica", 8.5, 11) - 14
        y = paper_line(cv, y, "Signature", "", x1=300)
        cv.setFont("Times-Italic", 14)
        cv.drawString(112, y + 24, x["person"]["full"])
        y = paper_line(cv, y, "Date signed (dd/mm/yyyy)", fdate(dt.date.fromisoformat(f["declaration_date"]), ds), x1=330)
        cv.setFont("Helvetica-Oblique", 7.5)
        cv.drawString(50, y - 6, "Office use only:  Permit no. ____________   Checked by ______   Fee £____")
        footer(cv, "Parking Services, Pennmarsh District Council. Permit fee: first permit £45, second permit £75.")


# ---------------------------------------------------------------- layout: smallcaps_grid
def smallcaps(cv, x, y, text, big=7.6, small=6.0, font="Helvetica"):
    for word_i, word in enumerate(text.split(" ")):
        if word_i:
            cv.setFont(font, small)
            cv.drawString(x, y, " ")
            x += cv.stringWidth(" ", font, small) + 1
        for i, ch in enumerate(word):
            size = big if (i == 0 or not ch.isalpha()) else small
            cv.setFont(font, size)
            cv.drawString(x, y, ch.upper())
            x += cv.stringWidth(ch.upper(), font, size) + 0.6


def grid_row(cv, y, cells, x0=40, x1=W - 40, h=32):
    """cells: list of (label, value, weight)."""
    total = sum(w for _, _, w in cells)
    x = x0
    for label, value, w in cells:
        cw = (x1 - x0) * w / total
        cv.setStrokeColor(colors.HexColor("#7a8f99"))
        cv.setLineWidth(0.6)
        cv.rect(x, y - h, cw, h)
        cv.setFillColor(colors.HexColor("#33505c"))
        smallcaps(cv, x + 4, y - 9, label)
        cv.setFillColor(colors.black)
        if value:
            cv.setFont(SERIF, 11)
            lines = simpleSplit(value, SERIF, 11, cw - 10)
            yy = y - 23
            for ln in lines:
                cv.drawString(x + 5, yy, ln)
                yy -= 13
        x += cw
    cv.setStrokeColor(colors.black)
    return y - h


def grid_heading(cv, y, text):
    cv.setFillColor(colors.HexColor("#1d4e63"))
    cv.setFont("Helvetica-Bold", 10.5)
    cv.drawString(40, y - 12, text)
    cv.setFillColor(colors.black)
    return y - 18


def date_cells(d, prefix=""):
    mstyle = R.choice(["num", "num", "name"])
    month = f"{d.month:02d}" if mstyle == "num" else MONTHS[d.month - 1]
    return [(prefix + "Day", f"{d.day:02d}", 1), ("Month", month, 1.4), ("Year", str(d.year), 1.2)]


def name_cells(c):
    x = c["x"]
    p = x["person"]
    return [("Title", x["title"], 0.8), ("First name(s)", p["first"], 2), ("Surname", p["last"], 2.2)]


def render_grid(cv, c):
    f, x = c["fields"], c["x"]
    if c["form_type"] == "council_tax_spd":
        y = header_band(cv, "Single Person Discount", "Council Tax · apply for a 25% reduction", "SPD1 · 2026/27", "band")
        y = grid_heading(cv, y, "1   Your details")
        y = grid_row(cv, y, name_cells(c))
        y = grid_row(cv, y, [("Council tax reference", facct(f["account_ref"], R.choice(["plain", "dash", "ct"])), 2),
                             ("Phone number", f.get("phone"), 1.6)])
        y = grid_row(cv, y, [("Email", f.get("email"), 1)])
        y = grid_heading(cv, y - 8, "2   Address you are claiming for")
        y = grid_row(cv, y, [("House number or name and street", f["address"], 1)])
        y = grid_row(cv, y, [("Town or village", x["town"], 2),
                             ("Postcode", fpc(f["postcode"], R.choice(["plain", "nospace"])), 1)])
        y = grid_heading(cv, y - 8, "3   When did you start living alone?")
        if "sole_adult_since" in f:
            y = grid_row(cv, y, date_cells(x["since"]) + [("", "", 2)])
        y = grid_heading(cv, y - 8, "4   The person who left")
        y = grid_row(cv, y, [("Full name", f.get("other_adult_name"), 1.3),
                             ("New address if known", f.get("other_adult_forwarding_address"), 2)], h=44)
        y = grid_row(cv, y, [("What has changed?", f.get("change_description"), 1)], h=56)
        y = grid_heading(cv, y - 8, "5   Declaration")
        cv.setFont("Helvetica", 8)
        y = wrap_draw(cv, "I am the only adult living at this address. The information I have given is true. I will tell "
                      "you if my circumstances change.", 40, y - 10, W - 80, "Helvetica", 8, 10) - 4
        sig = [("Signature", "", 2.5)]
        y = grid_row(cv, y, sig + date_cells(dt.date.fromisoformat(f["declaration_date"]), "Date signed: "), h=34)
        cv.setFont(SERIF_I, 13)
        cv.drawString(48, y + 9, x["person"]["full"])
        footer(cv, "Pennmarsh District Council · Council Tax · PO Box 58, Pennmarsh PM1 1AA · ctax@pennmarsh.gov.uk")
    else:
        y = header_band(cv, "Residents' Parking Permit", "Apply for or renew a household permit", "RPP/A · 2026", "band")
        y = grid_heading(cv, y, "1   Applicant")
        y = grid_row(cv, y, name_cells(c))
        y = grid_row(cv, y, [("Daytime phone", f.get("phone"), 1), ("Email address", f.get("email"), 1.6)])
        y = grid_heading(cv, y - 8, "2   Address where the vehicle is kept")
        y = grid_row(cv, y, [("Address line 1", f["address"], 1)])
        y = grid_row(cv, y, [("Town", x["town"], 1.5), ("County", R.choice(["Norfolk", "Suffolk"]), 1),
                             ("Postcode", fpc(f["postcode"], R.choice(["plain", "lower"])), 1)])
        y = grid_row(cv, y, [("Parking zone", f["zone"], 1), ("", "", 2)])
        y = grid_heading(cv, y - 8, "3   Vehicle")
        y = grid_row(cv, y, [("Registration", fvrm(f["vrm"], R.choice(["spaced", "plain"])), 1),
                             ("Make / model", f.get("vehicle_make"), 1.5), ("Colour", R.choice(["Blue", "Silver", "Red", "Black", "White", "Grey"]), 1)])
        y = grid_heading(cv, y - 8, "4   When should the permit start?")
        y = grid_row(cv, y, date_cells(dt.date.fromisoformat(f["start_date"])) + [("", "", 2)])
        y = grid_heading(cv, y - 8, "5   Declaration")
        cv.setFont("Helvetica", 8)
        y = wrap_draw(cv, "I live at the address above and the vehicle is registered to me or available for my exclusive use.",
                      40, y - 10, W - 80, "Helvetica", 8, 10) - 4
        y = grid_row(cv, y, [("Signature", "", 2.5)] + date_cells(dt.date.fromisoformat(f["declaration_date"]), "Date: "), h=34)
        cv.setFont(SERIF_I, 13)
        cv.drawString(48, y + 9, x["person"]["full"])
        footer(cv, "Parking Services · Pennmarsh District Council · permits@pennmarsh.gov.uk")


# ---------------------------------------------------------------- layout: casesys_print
def render_casesys(cv, c):
    f, x = c["fields"], c["x"]
    cv.setFont(MONO_B, 9)
    y = H - 40
    printed = ASOF - dt.timedelta(days=R.randint(0, 3))
    received = dt.date.fromisoformat(f["declaration_date"]) + dt.timedelta(days=R.randint(1, 3))
    if received > printed:
        received = printed
    case_no = f"RCM-{printed.year}-{R.randint(40000, 49999):06d}"
    ctype = "CTAX SPD APPLICATION" if c["form_type"] == "council_tax_spd" else "CTAX MOVE NOTIFICATION"
    hdr = [f"PENNMARSH D.C.   REVENUES CASE MANAGEMENT  (RCM 4.2.7)                 PAGE   1 OF  1",
           f"CASE NO   : {case_no:<24} PRINTED : {printed.strftime('%d/%m/%Y')} {R.randint(8, 16):02d}:{R.randint(0, 59):02d}",
           f"CASE TYPE : {ctype:<24} CHANNEL : {R.choice(['WEB', 'POST', 'PHONE', 'COUNTER'])}",
           f"OFFICER   : {R.choice(['KBLYTHE', 'JTHAXTER', 'RNUDD', 'AGOTTS']):<24} RECEIVED: {received.strftime('%d/%m/%Y')}",
           "=" * 84]
    for ln in hdr:
        cv.drawString(30, y, ln)
        y -= 12
        cv.setFont(MONO, 9)

    def line(label, value):
        nonlocal y
        pad = " " * R.randint(0, 6)
        sp = " " * R.randint(1, 4)
        cv.setFont(MONO, 9)
        cv.drawString(30, y, f"{label}{pad} :{sp}{value if value else ''}")
        y -= 13

    def section(t):
        nonlocal y
        y -= 6
        cv.setFont(MONO_B, 9)
        cv.drawString(30, y, f"-- {t} " + "-" * (78 - len(t)))
        y -= 14

    dstyle = R.choice(["slash", "dash", "iso"])
    if c["form_type"] == "council_tax_spd":
        section("CUSTOMER")
        line("CUSTOMER NAME", f["applicant_name"])
        line("LIABLE ACCT NO", facct(f["account_ref"], R.choice(["plain", "ct"])))
        line("CONTACT TEL", f.get("phone", ""))
        line("CONTACT EMAIL", f.get("email", ""))
        section("PROPERTY")
        line("PROP ADDR LN1", f["address"])
        line("PROP ADDR LN2", x["prop"]["address_line_2"])
        line("PROP TOWN", x["town"].upper())
        line("PROP POSTCODE", fpc(f["postcode"], "plain"))
        line("CTAX BAND", x["prop"]["council_tax_band"])
        section("DISCOUNT DETAIL")
        line("DISC CODE REQ", "SPD  (SINGLE OCCUPIER 25%)")
        line("SOLE OCC FROM", fdate(x["since"], dstyle) if "sole_adult_since" in f else "")
        line("NON-RES ADULT NAME", f.get("other_adult_name", ""))
        line("NON-RES FWD ADDR", f.get("other_adult_forwarding_address", ""))
        text = f.get("change_description", "")
        chunks = simpleSplit(text, MONO, 9, 380) if text else [""]
        line("CIRCS CHANGE TEXT", chunks[0])
        for ch in chunks[1:]:
            cv.drawString(30 + cv.stringWidth(" " * 24, MONO, 9), y, ch)
            y -= 13
        section("DECLARATION")
        line("DECL SIGNED", "Y")
        line("DECL DATE", fdate(dt.date.fromisoformat(f["declaration_date"]), dstyle))
    else:
        section("CUSTOMER")
        line("CUSTOMER NAME", f["applicant_name"])
        line("CONTACT TEL", f.get("phone", ""))
        line("CONTACT EMAIL", f.get("email", ""))
        section("MOVE")
        line("MOVE DIRECTION", {"in": "IN  (NEW OCCUPIER)", "out": "OUT (VACATING)"}[f["move_type"]])
        line("MOVE EFF DATE", fdate(x["move_date"], dstyle) if "move_date" in f else "")
        if f["move_type"] == "out":
            line("ACCT REF", facct(f["account_ref"], R.choice(["plain", "ct"])) if "account_ref" in f else "")
            line("VACATED PROP ADDR", f["previous_address"])
            line("VACATED PROP TOWN", x["prev_town"].upper())
            line("VACATED PROP PCODE", f["previous_postcode"])
            line("FWD ADDR", f["new_address"])
            line("FWD TOWN", x["new_town"].upper())
            line("FWD PCODE", f["new_postcode"])
        else:
            line("OCCUPIED PROP ADDR", f["new_address"])
            line("OCCUPIED PROP TOWN", x["new_town"].upper())
            line("OCCUPIED PROP PCODE", f["new_postcode"])
            line("PREV ADDR", f.get("previous_address", ""))
            line("PREV PCODE", f.get("previous_postcode", ""))
        section("DECLARATION")
        line("DECL SIGNED", "Y")
        line("DECL DATE", fdate(dt.date.fromisoformat(f["declaration_date"]), dstyle))
    y -= 10
    cv.setFont(MONO, 8)
    cv.drawString(30, y, "NOTES : CUSTOMER DECLARATION HELD ON DOCUMENT STORE. NO FURTHER ACTION UNTIL VERIFIED.")
    cv.drawString(30, 30, f"*** END OF CASE SUMMARY {case_no} ***   RCM/PRT/07")


# ---------------------------------------------------------------- layout: acroform
FIELD_SEQ = {"n": 0}


def render_acro(cv, c):
    f, x = c["fields"], c["x"]
    form = cv.acroForm
    FIELD_SEQ["n"] = 0
    ds = R.choice(["slash", "slash_nz", "dash"])

    def tf(label, value, y, tooltip=None, x0=200, w=340):
        FIELD_SEQ["n"] += 1
        cv.setFont("Helvetica", 9)
        cv.drawString(45, y + 5, label)
        form.textfield(name=f"form1[0].page1[0].TextField{FIELD_SEQ['n']}[0]", tooltip=tooltip or label,
                       value=value or "", x=x0, y=y, width=w, height=17, fontName="Helvetica", fontSize=10,
                       borderColor=colors.HexColor("#8899aa"), fillColor=colors.HexColor("#eef3fb"),
                       textColor=colors.black, forceBorder=True, borderWidth=0.6)
        return y - 24

    def cb(tooltip, checked, xx, y):
        FIELD_SEQ["n"] += 1
        form.checkbox(name=f"form1[0].page1[0].CheckBox{FIELD_SEQ['n']}[0]", tooltip=tooltip, checked=checked,
                      x=xx, y=y, size=13, buttonStyle="cross", borderColor=colors.HexColor("#8899aa"),
                      fillColor=colors.white, textColor=colors.black, forceBorder=True, borderWidth=0.8)

    def heading(t, y):
        cv.setFillColor(colors.HexColor("#274b7a"))
        cv.setFont("Helvetica-Bold", 10.5)
        cv.drawString(45, y, t)
        cv.setFillColor(colors.black)
        cv.setLineWidth(0.4)
        cv.line(45, y - 4, W - 45, y - 4)
        return y - 26

    if c["form_type"] == "council_tax_move":
        y = header_band(cv, "Council Tax: change of address (online form)",
                        "Save this form, complete it on screen and email it to ctax@pennmarsh.gov.uk.", "eForm CTX-07")
        y = heading("Section 1", y)
        cb("Tick if you are moving INTO a property in the Pennmarsh district", f["move_type"] == "in", 60, y)
        cb("Tick if you are moving OUT of a property in the Pennmarsh district", f["move_type"] == "out", 110, y)
        y -= 30
        y = heading("Section 2  Your details", y)
        y = tf("Full name", f["applicant_name"], y)
        y = tf("Phone", f.get("phone"), y)
        y = tf("Email", f.get("email"), y)
        y = heading("Section 3  Property you are leaving", y)
        y = tf("Council tax account reference", facct(f["account_ref"], R.choice(["plain", "space", "ct"])) if "account_ref" in f else "", y)
        y = tf("Address line 1", f.get("previous_address"), y, "First line of the address you are leaving")
        y = tf("Postcode", fpc(f["previous_postcode"], R.choice(["plain", "lower"])) if "previous_postcode" in f else "", y,
               "Postcode of the address you are leaving", w=120)
        y = heading("Section 4  Property you are moving to", y)
        y = tf("Address line 1", f["new_address"], y, "First line of your new address")
        y = tf("Postcode", fpc(f["new_postcode"], R.choice(["plain", "nospace"])), y, "Postcode of your new address", w=120)
        y = tf("Date of move", fdate(x["move_date"], ds), y, "The date you moved or will move", w=120)
        y = heading("Section 5  Declaration", y)
        cb("I confirm the information I have given is correct", True, 60, y)
        y -= 26
        y = tf("Date", fdate(dt.date.fromisoformat(f["declaration_date"]), ds), y, "Date of declaration", w=120)
    else:
        y = header_band(cv, "Residents' parking permit – e-application",
                        "Complete on screen. Fields with a blue background can be filled in. Tick the box for your zone.",
                        "eForm PKG-02")
        y = heading("Part 1  Applicant", y)
        y = tf("Name", f["applicant_name"], y, "Applicant's full name")
        y = tf("Address line 1", f["address"], y, "First line of the address where you live")
        y = tf("Town", x["town"], y, w=180)
        y = tf("Postcode", fpc(f["postcode"], R.choice(["plain", "nospace", "lower"])), y, w=120)
        y = tf("Telephone", f.get("phone"), y, w=180)
        y = tf("Email", f.get("email"), y)
        y = heading("Part 2  Zone", y)
        xx = 60
        for z in ("Quay", "Zone P1", "Zone P2", "Beach Road"):
            cb(f"Permit zone: {z}", f["zone"] == z, xx, y)
            xx += 50
        y -= 30
        y = heading("Part 3  Vehicle", y)
        y = tf("Registration mark", fvrm(f["vrm"], R.choice(["spaced", "plain"])), y, "Vehicle registration mark (number plate)", w=140)
        y = tf("Make", f.get("vehicle_make"), y, w=200)
        cb("Is the vehicle registered with the DVLA at this address?", True, 60, y)
        cb("Is this a company or lease vehicle?", False, 110, y)
        y -= 30
        y = tf("Permit start date", fdate(dt.date.fromisoformat(f["start_date"]), ds), y, w=120)
        y = heading("Part 4  Declaration", y)
        cb("I declare that the information given on this form is true", True, 60, y)
        y -= 26
        y = tf("Date", fdate(dt.date.fromisoformat(f["declaration_date"]), ds), y, "Date of declaration", w=120)
    footer(cv, "Pennmarsh District Council. This form is accessible: hover over any box for help text.")


# ---------------------------------------------------------------- layout: tickbox_marks
def tick_box(cv, x, y, checked, mark="X"):
    cv.setLineWidth(0.8)
    cv.rect(x, y - 2, 10, 10)
    if checked:
        if mark == "X":
            cv.setFont("Helvetica-Bold", 10)
            cv.drawString(x + 1.8, y - 0.5, "X")
        else:
            cv.setFont(TICK_FONT, 10)
            cv.drawString(x + 0.8, y - 0.5, TICK_CHAR)


def choice_row(cv, y, question, options, chosen, how):
    """how: tick / circle / strike"""
    cv.setFont("Helvetica", 9.5)
    cv.drawString(50, y, question)
    x = 50 + cv.stringWidth(question, "Helvetica", 9.5) + 14
    if x > 380:
        y -= 16
        x = 70
    if how.startswith("tick"):
        for o in options:
            tick_box(cv, x, y, o == chosen, "X" if how == "tick" else "check")
            cv.setFont("Helvetica", 9.5)
            cv.drawString(x + 14, y, o)
            x += 14 + cv.stringWidth(o, "Helvetica", 9.5) + 18
    else:
        cv.setFont("Helvetica-Bold", 10)
        for i, o in enumerate(options):
            wo = cv.stringWidth(o, "Helvetica-Bold", 10)
            cv.setFont("Helvetica-Bold", 10)
            cv.drawString(x, y, o)
            if how == "circle" and o == chosen:
                cv.setLineWidth(1.1)
                cv.setStrokeColor(colors.HexColor("#1a237e"))
                cv.ellipse(x - 5, y - 5, x + wo + 5, y + 11)
                cv.setStrokeColor(colors.black)
            if how == "strike" and o != chosen:
                cv.setLineWidth(1.3)
                cv.setStrokeColor(colors.HexColor("#1a237e"))
                cv.line(x - 2, y + 3.5, x + wo + 2, y + 3.5)
                cv.setStrokeColor(colors.black)
            x += wo
            if i < len(options) - 1:
                cv.setFont("Helvetica", 10)
                cv.drawString(x + 4, y, "/")
                x += 16
    return y - 24


def comb(cv, y, label, text, n, x0=200, cell=14):
    cv.setFont("Helvetica", 9.5)
    cv.drawString(50, y, label)
    for i in range(n):
        cv.rect(x0 + i * cell, y - 4, cell, 15)
    cv.setFont("Courier-Bold", 11)
    for i, ch in enumerate(text[:n]):
        if ch != " ":
            cv.drawString(x0 + i * cell + 4, y, ch)
    return y - 24


def boxed(cv, y, label, value, x0=200, w=345):
    cv.setFont("Helvetica", 9.5)
    cv.drawString(50, y, label)
    cv.rect(x0, y - 4, w, 15)
    if value:
        cv.setFont("Courier-Bold", 10)
        cv.drawString(x0 + 4, y, value)
    return y - 24


def pc_comb(cv, y, label, pc, x0=200, cell=14):
    cv.setFont("Helvetica", 9.5)
    cv.drawString(50, y, label)
    out_, in_ = (pc.split(" ") + [""])[:2] if pc else ("", "")
    cv.setFont("Courier-Bold", 11)
    for i in range(4):
        cv.rect(x0 + i * cell, y - 4, cell, 15)
        if i < len(out_):
            cv.drawString(x0 + i * cell + 4, y, out_[i])
    x1 = x0 + 4 * cell + 10
    for i in range(3):
        cv.rect(x1 + i * cell, y - 4, cell, 15)
        if i < len(in_):
            cv.drawString(x1 + i * cell + 4, y, in_[i])
    return y - 24


def date_comb(cv, y, label, d, x0=200):
    cv.setFont("Helvetica", 9.5)
    cv.drawString(50, y, label)
    xs = x0
    s = d.strftime("%d%m%Y") if d else ""
    cv.setFont("Helvetica", 7)
    for grp, (lab, n) in enumerate((("D D", 2), ("M M", 2), ("Y Y Y Y", 4))):
        for i in range(n):
            cv.rect(xs + i * 14, y - 4, 14, 15)
        xs += n * 14 + 10
    xs = x0
    cv.setFont("Courier-Bold", 11)
    k = 0
    for n in (2, 2, 4):
        for i in range(n):
            if s:
                cv.drawString(xs + i * 14 + 4, y, s[k])
            k += 1
        xs += n * 14 + 10
    return y - 24


TICK_STYLES = {"council_tax_move": ["strike", "tick", "circle", "tickcheck"],
               "parking_permit": ["tick", "strike", "tickcheck", "circle"]}


def render_tick(cv, c):
    f, x = c["fields"], c["x"]
    # how the choices are marked: rotate so that every style is used
    how = TICK_STYLES[c["form_type"]].pop(0)
    TICK_STYLES[c["form_type"]].append(how)
    if c["form_type"] == "council_tax_move":
        y = header_band(cv, "Moving home? Council Tax change of address",
                        "Tick the boxes that apply. Use black ink. Write one letter or number in each box.", "CT-M2")
        y -= 4
        if how.startswith("tick"):
            y = choice_row(cv, y, "1. Are you moving in or out?", ["Moving in", "Moving out"],
                           {"in": "Moving in", "out": "Moving out"}[f["move_type"]], how)
        elif how == "circle":
            y = choice_row(cv, y, "1. Are you moving in or out of the district? (please circle)", ["IN", "OUT"],
                           f["move_type"].upper(), "circle")
        else:
            y = choice_row(cv, y, "1. I am moving (delete as appropriate)", ["in to the district", "out of the district"],
                           {"in": "in to the district", "out": "out of the district"}[f["move_type"]], "strike")
        y = boxed(cv, y, "2. Your name", f["applicant_name"])
        acct = f.get("account_ref", "")
        y = comb(cv, y, "3. Council tax account no.", acct, 8)
        cv.setFont("Helvetica-Oblique", 7.5)
        cv.drawString(200, y + 10, "(8 digits, shown at the top of your bill – leave blank if you are new to the area)")
        y -= 6
        cv.setFont("Helvetica-Bold", 10)
        cv.drawString(50, y, "4. The address you are leaving")
        y -= 20
        y = boxed(cv, y, "House number / name and road", f.get("previous_address"))
        y = boxed(cv, y, "Town", x.get("prev_town") if "previous_address" in f else "", w=200)
        pp = f.get("previous_postcode", "")
        y = pc_comb(cv, y, "Postcode", pp)
        cv.setFont("Helvetica-Bold", 10)
        cv.drawString(50, y, "5. Your new address")
        y -= 20
        y = boxed(cv, y, "House number / name and road", f["new_address"])
        y = boxed(cv, y, "Town", x["new_town"], w=200)
        np_ = f["new_postcode"]
        y = pc_comb(cv, y, "Postcode", np_)
        y = date_comb(cv, y, "6. Date of move", x["move_date"] if "move_date" in f else None)
        y = choice_row(cv, y, "7. Will anyone else be living with you at the new address?", ["Yes", "No"],
                       R.choice(["Yes", "No"]), "circle" if how == "circle" else ("strike" if how == "strike" else how))
        y = boxed(cv, y, "8. Daytime phone", f.get("phone"), w=200)
        y = boxed(cv, y, "    Email", f.get("email"))
        cv.setFont("Helvetica-Bold", 10)
        cv.drawString(50, y, "9. Declaration")
        y -= 16
        cv.setFont("Helvetica", 8.5)
        y = wrap_draw(cv, "The information on this form is correct to the best of my knowledge.", 50, y, W - 100,
                      "Helvetica", 8.5) - 8
        y = date_comb(cv, y, "Date", dt.date.fromisoformat(f["declaration_date"]))
        footer(cv, "Council Tax, Pennmarsh District Council, Council Offices, Staithe Street, Pennmarsh PM1 1AA")
    else:
        y = header_band(cv, "Application for a residents' parking permit",
                        "Please complete in CAPITALS and tick the zone you live in. One application per vehicle.", "PK-T1")
        y -= 4
        y = boxed(cv, y, "Your name", f["applicant_name"])
        y = boxed(cv, y, "Address", f["address"])
        y = boxed(cv, y, "Town", x["town"], w=200)
        pc = f["postcode"]
        y = pc_comb(cv, y, "Postcode", pc)
        y = boxed(cv, y, "Phone", f.get("phone"), w=200)
        y = boxed(cv, y, "Email", f.get("email"))
        zones = ["Quay", "Zone P1", "Zone P2", "Beach Road"]
        zhow = "tick" if how in ("tick", "circle") else "tickcheck"
        y = choice_row(cv, y, "Which zone do you live in?", zones, f["zone"], zhow)
        vr = fvrm(f["vrm"], "spaced").upper()
        y = boxed(cv, y, "Vehicle registration", vr, w=140)
        y = boxed(cv, y, "Make / model", f.get("vehicle_make"), w=200)
        yn_how = "circle" if how in ("circle", "tick") else "strike"
        y = choice_row(cv, y, "Is the vehicle registered to you at this address?", ["Yes", "No"], "Yes", yn_how)
        y = choice_row(cv, y, "Is it a company vehicle?", ["Yes", "No"], R.choice(["Yes", "No"]), yn_how)
        y = date_comb(cv, y, "Permit to start", dt.date.fromisoformat(f["start_date"]))
        cv.setFont("Helvetica-Bold", 10)
        cv.drawString(50, y, "Declaration")
        y -= 16
        cv.setFont("Helvetica", 8.5)
        y = wrap_draw(cv, "I live at the address given and the details above are correct. I enclose proof of residence "
                      "and the V5C for the vehicle.", 50, y, W - 100, "Helvetica", 8.5) - 8
        cv.setFont("Helvetica", 9.5)
        cv.drawString(50, y, "Signed")
        cv.setFont("Times-Italic", 14)
        cv.drawString(200, y, x["person"]["full"])
        y -= 24
        y = date_comb(cv, y, "Date", dt.date.fromisoformat(f["declaration_date"]))
        footer(cv, "Parking Services, Pennmarsh District Council. Permits are posted within 10 working days.")


# ---------------------------------------------------------------- layout: letter_email
COUNCIL_ADDR = ["Pennmarsh District Council", "Council Offices", "Staithe Street", "Pennmarsh", "PM1 1AA"]


def draw_letter(cv, sender_lines, date_text, to_lines, salutation, paras, closing, signoff_lines, subject=None):
    y = H - 60
    cv.setFont("Times-Roman", 11)
    for ln in sender_lines:
        cv.drawRightString(W - 60, y, ln)
        y -= 13.5
    y -= 8
    if date_text:
        cv.drawRightString(W - 60, y, date_text)
        y -= 13.5
    y -= 10
    for ln in to_lines:
        cv.drawString(60, y, ln)
        y -= 13.5
    y -= 18
    cv.drawString(60, y, salutation)
    y -= 22
    if subject:
        cv.setFont("Times-Bold", 11)
        cv.drawString(60, y, subject)
        y -= 22
        cv.setFont("Times-Roman", 11)
    for p in paras:
        y = wrap_draw(cv, p, 60, y, W - 120, "Times-Roman", 11, 14.5) - 9
    y -= 6
    cv.drawString(60, y, closing)
    y -= 40
    for ln in signoff_lines:
        cv.drawString(60, y, ln)
        y -= 13.5


def draw_email(cv, from_line, sent_text, to_line, subject, greeting, paras, closing, sig_lines):
    y = H - 50
    cv.setFont("Helvetica-Bold", 12)
    cv.drawString(50, y, subject)
    y -= 8
    cv.setLineWidth(0.5)
    cv.line(50, y, W - 50, y)
    y -= 18
    for lab, val in (("From:", from_line), ("Sent:", sent_text), ("To:", to_line), ("Subject:", subject)):
        cv.setFont("Helvetica-Bold", 9.5)
        cv.drawString(50, y, lab)
        cv.setFont("Helvetica", 9.5)
        cv.drawString(105, y, val)
        y -= 13
    y -= 16
    cv.setFont("Helvetica", 10.5)
    if greeting:
        cv.drawString(50, y, greeting)
        y -= 20
    for p in paras:
        y = wrap_draw(cv, p, 50, y, W - 100, "Helvetica", 10.5, 14) - 9
    y -= 4
    if closing:
        cv.drawString(50, y, closing)
        y -= 14
    for ln in sig_lines:
        cv.drawString(50, y, ln)
        y -= 13.5
    cv.setFont("Helvetica", 7)
    cv.setFillColor(colors.grey)
    cv.drawString(50, 40, "Printed from Outlook · Pennmarsh District Council shared mailbox")
    cv.setFillColor(colors.black)


def sender_block(c, include_name=False):
    f, x = c["fields"], c["x"]
    lines = []
    if include_name:
        lines.append(f["sender_name"] if "sender_name" in f else f["applicant_name"])
    lines += [f["address"], x["town"], f["postcode"]]
    return lines


def render_corr(cv, c):
    f, x = c["fields"], c["x"]
    sent = x["sent"]
    paras = x["paras"]
    if x["kind"] == "letter":
        sender = [f["address"], x["town"], f["postcode"]]
        sal = "Dear Sir or Madam"
        to = COUNCIL_ADDR if x["scenario"] != "bin_letter" else ["Waste and Recycling"] + COUNCIL_ADDR[:1] + COUNCIL_ADDR[2:]
        draw_letter(cv, sender, fdate(sent, R.choice(["long", "ord"])), to, sal, paras,
                    "Yours faithfully", [f["sender_name"]])
    else:
        sc = x["scenario"]
        if sc == "anon":
            frm = f"concerned.pennmarsh{R.randint(10, 99)}@{R.choice(MAILHOSTS)}"
            draw_email(cv, frm, f"{sent.strftime('%A')} {sent.day} {MONTHS[sent.month - 1]} {sent.year} 21:47",
                       "customerservices@pennmarsh.gov.uk", "Disgusting toilets on Quay Road", None, paras,
                       "A fed up resident", [])
            return
        p = x["person"]
        em = email_for(p)
        frm = f"{p['full']} <{em}>"
        sent_text = f"{sent.strftime('%A')} {sent.day} {MONTHS[sent.month - 1]} {sent.year} {R.randint(7, 22):02d}:{R.randint(0, 59):02d}"
        to, subj = {"ctq_email": ("ctax@pennmarsh.gov.uk", "Query about my council tax instalments"),
                    "foi_resident": ("foi@pennmarsh.gov.uk", "Freedom of Information request - beach huts"),
                    "other": ("enquiries@pennmarsh.gov.uk", "Memorial bench at Blythmouth"),
                    "bin_email": ("waste@pennmarsh.gov.uk", "Recycling bin not collected")}[sc]
        sig = [f["sender_name"]]
        if "address" in f:
            sig += [f"{f['address']}, {x['town']}", f["postcode"]]
        draw_email(cv, frm, sent_text, to, subj, R.choice(["Dear Sir or Madam,", "Hello,", "To whom it may concern,"]),
                   paras, R.choice(["Kind regards,", "Regards,", "Best wishes,"]), sig)


def render_letter_app(cv, c):
    """Prose applications (letters and emails) for SPD / move / permit."""
    f, x = c["fields"], c["x"]
    p = x["person"]
    decl = dt.date.fromisoformat(f["declaration_date"])
    ft = c["form_type"]
    if ft == "council_tax_spd":
        x["kind"] = "letter"
        f.pop("change_description", None)  # a letter has no "what changed" box
        acct = facct(f["account_ref"], R.choice(["space", "ct"]))
        paras = [f"Council Tax account {acct}: application for single person discount",
                 f"I am writing to ask for the single person discount to be applied to my council tax for "
                 f"{f['address']}, {x['town']} {f['postcode']}."]
        lv = x.get("leaver")
        if "sole_adult_since" in f:
            if "other_adult_name" in f:
                paras.append(f"My {x['rel']}, {f['other_adult_name']}, moved out on {fdate(x['since'], 'ord')} and I have "
                             f"been the only adult living here since that date.")
            else:
                paras.append(f"I have been the only adult living at the property since {fdate(x['since'], 'ord')}.")
        else:
            if "other_adult_name" in f:
                paras.append(f"My {x['rel']}, {f['other_adult_name']}, has moved out and I am now the only adult "
                             f"living at the property.")
            else:
                paras.append("I am now the only adult living at the property.")
        if "other_adult_forwarding_address" in f:
            paras.append(f"{lv['first']}'s new address is {f['other_adult_forwarding_address']}.")
        contact = []
        if "phone" in f:
            contact.append(f"by telephone on {f['phone']}")
        if "email" in f:
            contact.append(f"by email at {f['email']}")
        if contact:
            paras.append("If you need anything further I can be contacted " + " or ".join(contact) + ".")
        paras.append("I confirm that the information in this letter is correct.")
        draw_letter(cv, [f["address"], x["town"], f["postcode"]], fdate(decl, "long"),
                    ["Council Tax Section"] + COUNCIL_ADDR, "Dear Sir or Madam", paras,
                    "Yours faithfully", [f["applicant_name"]])
    elif ft == "council_tax_move":
        x["kind"] = "email"
        em = f.get("email") or email_for(p)
        if "email" not in f:
            f["email"] = em
        acct = facct(f["account_ref"], R.choice(["space", "ct", "plain"]))
        paras = [f"I am writing to let you know that I am moving out of {f['previous_address']}, {x['prev_town']} "
                 f"{f['previous_postcode']} on {fdate(x['move_date'], 'long')}. My council tax account number is {acct}.",
                 f"Please send my final bill to my new address, which is {f['new_address']}, {x['new_town']} {f['new_postcode']}."]
        if "phone" in f:
            paras.append(f"My phone number is {f['phone']} if you need to call me.")
        paras.append("I confirm the details above are correct.")
        sent = f"{decl.strftime('%A')} {decl.day} {MONTHS[decl.month - 1]} {decl.year} {R.randint(8, 21):02d}:{R.randint(10, 59)}"
        draw_email(cv, f"{p['full']} <{em}>", sent, "ctax@pennmarsh.gov.uk", "Moving out - council tax",
                   "Dear Council Tax team,", paras, "Many thanks,", [f["applicant_name"]])
    else:
        x["kind"] = "letter"
        zname = f['zone'] if f['zone'].startswith("Zone") else f"the {f['zone']} zone"
        paras = [f"I would like to apply for a residents' parking permit for {zname}. I live at {f['address']}, "
                 f"{x['town']} {f['postcode']}.",
                 f"The vehicle is a {f['vehicle_make']}, registration {fvrm(f['vrm'], 'spaced')}, and I would like "
                 f"the permit to start on {fdate(dt.date.fromisoformat(f['start_date']), 'long')}."
                 if "vehicle_make" in f else
                 f"The vehicle registration is {fvrm(f['vrm'], 'spaced')} and I would like the permit to start on "
                 f"{fdate(dt.date.fromisoformat(f['start_date']), 'long')}.",
                 "I enclose a copy of the V5C and a recent council tax bill as proof of residence. Please let me know how "
                 "to pay the fee."]
        if "phone" in f and "email" in f:
            paras.append(f"My daytime telephone number is {f['phone']} and my email address is {f['email']}.")
        elif "phone" in f:
            paras.append(f"My daytime telephone number is {f['phone']}.")
        elif "email" in f:
            paras.append(f"You can reach me by email at {f['email']}.")
        draw_letter(cv, [f["address"], x["town"], f["postcode"]], fdate(decl, "ord"),
                    ["Parking Services"] + COUNCIL_ADDR, "Dear Sir or Madam", paras,
                    "Yours faithfully", [f["applicant_name"]])


RENDER = {"paper_sections": render_paper, "smallcaps_grid": render_grid, "casesys_print": render_casesys,
          "acroform": render_acro, "tickbox_marks": render_tick}


# ---------------------------------------------------------------- plan
PLAN = [
    # paper_sections
    ("paper_sections", "spd", "clean"), ("paper_sections", "spd", "clean"), ("paper_sections", "spd", "too_old"),
    ("paper_sections", "spd", "DUP"), ("paper_sections", "spd", "clean"),
    ("paper_sections", "move", "clean", "out"), ("paper_sections", "move", "clean", "in"),
    ("paper_sections", "move", "not_found", "in"), ("paper_sections", "move", "clean", "out"),
    ("paper_sections", "permit", "clean"), ("paper_sections", "permit", "clean"),
    ("paper_sections", "permit", "not_resident"), ("paper_sections", "permit", "clean"),
    # smallcaps_grid
    ("smallcaps_grid", "spd", "clean"), ("smallcaps_grid", "spd", "clean"), ("smallcaps_grid", "spd", "other_adults"),
    ("smallcaps_grid", "spd", "inconsistent"), ("smallcaps_grid", "spd", "clean"),
    ("smallcaps_grid", "permit", "clean"), ("smallcaps_grid", "permit", "clean"), ("smallcaps_grid", "permit", "cap"),
    ("smallcaps_grid", "permit", "bad_vrm"),
    # casesys_print
    ("casesys_print", "spd", "clean"), ("casesys_print", "spd", "clean"), ("casesys_print", "spd", "closed"),
    ("casesys_print", "spd", "name_mismatch"), ("casesys_print", "spd", "discount_already"),
    ("casesys_print", "spd", "clean"),
    ("casesys_print", "move", "clean", "out"), ("casesys_print", "move", "clean", "in"),
    ("casesys_print", "move", "too_old", "out"), ("casesys_print", "move", "missing_acct", "out"),
    # acroform
    ("acroform", "move", "clean", "in"), ("acroform", "move", "clean", "out"), ("acroform", "move", "future", "in"),
    ("acroform", "move", "clean", "out"),
    ("acroform", "permit", "clean"), ("acroform", "permit", "clean"), ("acroform", "permit", "has_permit"),
    ("acroform", "permit", "wrong_zone"), ("acroform", "permit", "clean"),
    # tickbox_marks
    ("tickbox_marks", "move", "clean", "out"), ("tickbox_marks", "move", "clean", "in"),
    ("tickbox_marks", "move", "addr_mismatch", "out"), ("tickbox_marks", "move", "clean", "in"),
    ("tickbox_marks", "permit", "clean"), ("tickbox_marks", "permit", "clean"), ("tickbox_marks", "permit", "future"),
    ("tickbox_marks", "permit", "not_found"), ("tickbox_marks", "permit", "clean"),
    # letter_email: prose applications
    ("letter_email", "spd", "clean"), ("letter_email", "spd", "missing_since"),
    ("letter_email", "move", "clean", "out"), ("letter_email", "move", "no_account", "out"),
    ("letter_email", "permit", "clean"),
    # letter_email: correspondence
    ("letter_email", "corr", "bin_letter"), ("letter_email", "corr", "ctq_email"), ("letter_email", "corr", "complaint"),
    ("letter_email", "corr", "foi_resident"), ("letter_email", "corr", "bin_email"), ("letter_email", "corr", "ctq_letter"), ("letter_email", "corr", "other"),
    ("letter_email", "corr", "bad_acct"), ("letter_email", "corr", "anon"), ("letter_email", "corr", "foi_outside"),
]


def build_cases():
    cases = []
    for item in PLAN:
        layout, kind, scen = item[:3]
        if kind == "spd":
            if scen == "DUP":
                c = spd_case(layout, "clean")
                c["outcome"] = "duplicate_pair"
                c["duplicate_group"] = "dup-1"
                c2 = json.loads(json.dumps({k: v for k, v in c.items() if k != "x"}))
                c2["x"] = c["x"]
                cases += [c, c2]
                continue
            c = spd_case(layout, scen)
        elif kind == "move":
            c = move_case(layout, scen, item[3])
        elif kind == "permit":
            c = permit_case(layout, scen)
            if "model_full" in c["x"] and not (layout == "letter_email" and R.random() < 0.0):
                set_model(c, c["x"]["model_full"])
        else:
            c = corr_case(scen)
        c["scenario"] = scen
        cases.append(c)
    for c in cases:
        c.setdefault("scenario", "duplicate")
    # file order: shuffle, then make sure the two halves of the duplicate pair are apart
    R.shuffle(cases)
    dups = [i for i, c in enumerate(cases) if c.get("duplicate_group")]
    if abs(dups[0] - dups[1]) < 8:
        j = (dups[0] + 25) % len(cases)
        cases[dups[1]], cases[j] = cases[j], cases[dups[1]]
    return cases


# ---------------------------------------------------------------- workbook
def write_workbook(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "properties"
    cols = ["uprn", "address_line_1", "address_line_2", "town", "postcode", "council_tax_band", "ward", "parking_zone"]
    ws.append(cols)
    for p in props:
        ws.append([p[k] if p[k] != "" else None for k in cols])
    ws2 = wb.create_sheet("council_tax_accounts")
    ws2.append(["account_ref", "uprn", "liable_parties", "status", "start_date", "end_date", "discounts"])
    for a in sorted(accounts, key=lambda a: a["account_ref"]):
        ws2.append([a["account_ref"], a["uprn"], "; ".join(a["liable"]), a["status"], a["start_date"], a["end_date"],
                    ";".join(a["discounts"]) or None])
    for row in ws2.iter_rows(min_row=2):
        row[0].number_format = "@"
        row[4].number_format = "yyyy-mm-dd"
        row[5].number_format = "yyyy-mm-dd"
    ws3 = wb.create_sheet("electoral_register")
    ws3.append(["elector_number", "full_name", "uprn"])
    for e in electors:
        ws3.append([e["elector_number"], e["full_name"], e["uprn"]])
    ws4 = wb.create_sheet("parking_permits")
    ws4.append(["permit_ref", "uprn", "vrm", "zone", "valid_from", "valid_to"])
    for x in permits:
        ws4.append([x["permit_ref"], x["uprn"], x["vrm"], x["zone"], x["valid_from"], x["valid_to"]])
    for row in ws4.iter_rows(min_row=2):
        row[4].number_format = "yyyy-mm-dd"
        row[5].number_format = "yyyy-mm-dd"
    for sh in wb.worksheets:
        for col in sh.columns:
            sh.column_dimensions[col[0].column_letter].width = max(10, min(45, max(len(str(c.value or "")) for c in col) + 2))
    wb.properties.creator = "Pennmarsh DC records extract"
    wb.properties.created = dt.datetime(2026, 12, 4, 6, 0, 0)
    wb.save(path)
    # make the file byte-for-byte reproducible: fixed zip timestamps and modified date
    import zipfile
    with zipfile.ZipFile(path) as z:
        items = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in items:
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"<dcterms:modified([^>]*)>[^<]*<", rb"<dcterms:modified\1>2026-12-04T06:00:00Z<", data)
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 12, 4, 6, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


# ---------------------------------------------------------------- main
def main():
    build_gazetteer()
    build_people()
    cases = build_cases()
    inbox = HERE / "inbox"
    if inbox.exists():
        shutil.rmtree(inbox)
    inbox.mkdir()
    seen = {}
    out = []
    for i, c in enumerate(cases, 1):
        name = f"doc_{i:04d}.pdf"
        cv = canvas.Canvas(str(inbox / name), pagesize=A4, invariant=1)
        cv.setTitle("Scanned document" if c["layout"] != "acroform" else "Pennmarsh eForm")
        cv.setAuthor("")
        if c["form_type"] == "correspondence":
            render_corr(cv, c)
        elif c["layout"] == "letter_email":
            render_letter_app(cv, c)
        elif c.get("duplicate_group"):
            # the same application sent twice: identical print, different mail-room stamp
            g = c["duplicate_group"]
            cur = R.getstate()
            if g in seen:
                R.setstate(seen[g])
            else:
                seen[g] = cur
            RENDER[c["layout"]](cv, c)
            if g in seen and seen[g] is not cur:
                R.setstate(cur)
            stamp = dt.date.fromisoformat(c["fields"]["declaration_date"]) + dt.timedelta(days=2 if i < 30 else 9)
            cv.saveState()
            cv.setStrokeColor(colors.HexColor("#b03030"))
            cv.setFillColor(colors.HexColor("#b03030"))
            cv.translate(420, 70)
            cv.rotate(8)
            cv.rect(0, 0, 120, 30)
            cv.setFont("Helvetica-Bold", 9)
            cv.drawCentredString(60, 18, "RECEIVED")
            cv.drawCentredString(60, 6, f"{stamp.day} {MONTHS[stamp.month - 1][:3].upper()} {stamp.year}")
            cv.restoreState()
        else:
            RENDER[c["layout"]](cv, c)
        cv.showPage()
        cv.save()
        c["file"] = name
    # learn/test split: first two CLEAN forms of each (layout, form_type) in file order
    counts = {}
    for c in cases:
        key = (c["layout"], c["form_type"])
        split = "test"
        if c["outcome"] == "approved":
            counts[key] = counts.get(key, 0) + 1
            if counts[key] <= 2:
                split = "learn"
        rec = {"file": c["file"], "form_type": c["form_type"], "fields": c["fields"], "outcome": c["outcome"],
               "reasons": c["reasons"], "layout": c["layout"], "split": split}
        if c.get("duplicate_group"):
            rec["duplicate_group"] = c["duplicate_group"]
        rec["scenario"] = c["scenario"]
        out.append(rec)
    with open(HERE / "truth.jsonl", "w") as fh:
        for rec in out:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    write_workbook(HERE / "records.xlsx")
    n_clean = sum(1 for r in out if r["outcome"] == "approved")
    print(f"wrote {len(out)} files: {n_clean} clean, {sum(1 for r in out if r['outcome'] == 'exception')} exception, "
          f"{sum(1 for r in out if r['outcome'] == 'duplicate_pair')} duplicate_pair; "
          f"{len(props)} properties, {len(accounts)} accounts, {len(electors)} electors, {len(permits)} permits")


if __name__ == "__main__":
    main()
