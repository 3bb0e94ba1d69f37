#!/usr/bin/env python3
"""Blind test set 34: Fenmarsh District Council.

Deterministic generator: records.xlsx, inbox/*.pdf, truth.jsonl, README.md.
Run:  python gen.py     (writes next to this file)
"""
import datetime as dt
import io
import json
import os
import random
import shutil
import zipfile
from xml.sax.saxutils import escape

from reportlab import rl_config

rl_config.invariant = 1  # byte-stable PDFs

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas
from reportlab.platypus import (KeepTogether, Paragraph, SimpleDocTemplate,
                                Spacer, Table, TableStyle)
import openpyxl
from openpyxl.styles import Font

OUT = os.path.dirname(os.path.abspath(__file__))
ASOF = dt.date(2026, 12, 7)
SEED = 340034
W, H = A4

rng = random.Random(SEED)

# ----------------------------------------------------------------------------
# value formatting
# ----------------------------------------------------------------------------
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]


def ordinal(n):
    if 11 <= n % 100 <= 13:
        return f"{n}th"
    return str(n) + {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def fmt_date(d, style):
    if style == "dmy/":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "d/m/y":
        return f"{d.day}/{d.month}/{d.year}"
    if style == "dmy-":
        return f"{d.day:02d}-{d.month:02d}-{d.year}"
    if style == "dmy.":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if style == "long":
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "ord":
        return f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}"
    if style == "us":
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    if style == "iso":
        return d.isoformat()
    raise ValueError(style)


def long_with_day(d):
    return f"{d.strftime('%A')} {d.day} {MONTHS[d.month - 1]} {d.year}"


def fmt_pc(pc, style):
    if style == "std":
        return pc
    if style == "lower":
        return pc.lower()
    if style == "nospace":
        return pc.replace(" ", "")
    if style == "lower_nospace":
        return pc.replace(" ", "").lower()
    raise ValueError(style)


def fmt_acc(ref, style):
    if style == "plain":
        return ref
    if style == "space":
        return ref[:4] + " " + ref[4:]
    if style == "dash":
        return ref[:4] + "-" + ref[4:]
    if style == "ct":
        return "CT" + ref
    raise ValueError(style)


def fmt_vrm(v, style):
    # v is normalised; split for display
    if len(v) == 7 and v[:2].isalpha() and v[2:4].isdigit():
        spaced = v[:4] + " " + v[4:]
    elif v[0].isalpha() and v[1].isdigit():  # prefix A123BCD
        i = 1
        while v[i].isdigit():
            i += 1
        spaced = v[:i] + " " + v[i:]
    elif v[:3].isalpha():  # suffix ABC123D
        spaced = v[:3] + " " + v[3:]
    else:
        spaced = v
    if style == "space":
        return spaced
    if style == "lower":
        return spaced.lower()
    if style == "plain":
        return v
    raise ValueError(style)


def rand_date(a, b):
    return a + dt.timedelta(days=rng.randint(0, (b - a).days))


# ----------------------------------------------------------------------------
# the world: properties, accounts, electors, permits
# ----------------------------------------------------------------------------
FIRST_F = ["Jane", "Susan", "Margaret", "Claire", "Helen", "Rachel", "Joanne", "Karen",
           "Emma", "Sophie", "Linda", "Patricia", "Amanda", "Nicola", "Deborah", "Gemma",
           "Pauline", "Yvonne", "Aisha", "Priya", "Agnieszka", "Sarah", "Lucy", "Fiona",
           "Beverley", "Tracey", "Hannah", "Charlotte", "Maureen", "Wendy", "Olivia", "Chloe"]
FIRST_M = ["David", "Peter", "Michael", "Stephen", "Andrew", "Mark", "Paul", "Richard",
           "Gary", "Simon", "Neil", "Graham", "Trevor", "Colin", "Darren", "Lee",
           "Mohammed", "Tomasz", "Ravi", "Callum", "Daniel", "James", "Robert", "Keith",
           "Philip", "Martin", "Adrian", "Stuart", "Kevin", "Ian", "Derek", "Liam"]
SURN = ["Smith", "Barker", "Cole", "Hollis", "Fenwick", "Pryor", "Gotobed", "Rix",
        "Wilkes", "Newell", "Sayer", "Thurston", "Mayes", "Leggett", "Dack", "Howlett",
        "Brighty", "Kowalski", "Patel", "Okafor", "Ahmed", "Nowak", "Cooper", "Turner",
        "Harrison", "Clarke", "Wright", "Pearce", "Goddard", "Spinks", "Ellwood", "Mortimer",
        "Baxter", "Catchpole", "Everitt", "Jolly", "Kerrison", "Loveday", "Murfitt", "Oakes",
        "Pegg", "Quantrill", "Roper", "Seaman", "Tebbit", "Utting", "Vipond", "Woodhouse"]

USED_NAMES = []


def new_person(sex=None, surname=None):
    for _ in range(1000):
        s = sex or rng.choice("FM")
        f = rng.choice(FIRST_F if s == "F" else FIRST_M)
        sn = surname or rng.choice(SURN)
        full = f"{f} {sn}"
        if full not in USED_NAMES:
            USED_NAMES.append(full)
            return {"first": f, "surname": sn, "sex": s, "full": full}
    raise RuntimeError("names")


STREETS = [
    # name, town, outward, zone, ward, ward code
    ("Mill Lane", "Fenmarsh", "FM1", "A", "Fenmarsh North", "FN"),
    ("Station Road", "Fenmarsh", "FM1", "A", "Fenmarsh North", "FN"),
    ("Church Street", "Fenmarsh", "FM1", "B", "Fenmarsh Central", "FC"),
    ("Priory Walk", "Fenmarsh", "FM1", "B2", "Fenmarsh Central", "FC"),
    ("Marsh Road", "Fenmarsh", "FM2", "C", "Fenmarsh South", "FS"),
    ("Lode Street", "Fenmarsh", "FM2", "C", "Fenmarsh South", "FS"),
    ("Willow Road", "Fenmarsh", "FM2", "", "Fenmarsh South", "FS"),
    ("Gaultree Avenue", "Fenmarsh", "FM2", "", "Fenmarsh South", "FS"),
    ("The Green", "Wexley St Mary", "FM4", "", "Wexley", "WX"),
    ("School Lane", "Wexley St Mary", "FM4", "", "Wexley", "WX"),
    ("Sluice Road", "Wexley St Mary", "FM4", "", "Wexley", "WX"),
    ("Fen Causeway", "Saltney Fen", "FM6", "", "Saltney", "SF"),
    ("Bank Side", "Saltney Fen", "FM6", "", "Saltney", "SF"),
    ("Holme Close", "Cattersby", "FM7", "", "Cattersby and Holme", "CH"),
    ("Wash Lane", "Cattersby", "FM7", "", "Cattersby and Holme", "CH"),
    ("Ferry Lane", "Cattersby", "FM7", "", "Cattersby and Holme", "CH"),
]
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"

PROPS = []      # dicts
ACCOUNTS = []   # dicts
ELECTORS = []   # dicts
PERMITS = []    # dicts
USED_PCS = []
USED_REFS = []
USED_VRMS = []
ELECTOR_SEQ = {}
PERMIT_SEQ = [40100]


def new_pc(outward):
    while True:
        pc = f"{outward} {rng.randint(1, 9)}{rng.choice(INWARD_LETTERS)}{rng.choice(INWARD_LETTERS)}"
        if pc not in USED_PCS:
            USED_PCS.append(pc)
            return pc


def new_ref():
    while True:
        r = f"{rng.choice(['40', '41'])}{rng.randint(0, 999999):06d}"
        if r not in USED_REFS:
            USED_REFS.append(r)
            return r


def unknown_ref():
    while True:
        r = f"{rng.choice(['40', '41'])}{rng.randint(0, 999999):06d}"
        if r not in USED_REFS:
            USED_REFS.append(r)  # reserve so it is never issued
            return r


AGE_IDS = ["15", "65", "16", "66", "17", "67", "18", "68", "19", "69", "20", "70",
           "21", "71", "22", "72", "23", "73", "24", "74", "25"]
VRM_LETTERS = "ABCDEFGHJKLMNOPRSTUVWXY"


def new_vrm(style="current"):
    while True:
        if style == "current":
            v = (rng.choice("ABCDEFGHKLMNOPRSVWY") + rng.choice(VRM_LETTERS) + rng.choice(AGE_IDS)
                 + "".join(rng.choice(VRM_LETTERS) for _ in range(3)))
        else:  # prefix style A123BCD
            v = (rng.choice("MNPRSTVWXY") + str(rng.randint(1, 999))
                 + "".join(rng.choice(VRM_LETTERS) for _ in range(3)))
        if v not in USED_VRMS:
            USED_VRMS.append(v)
            return v


def build_world():
    uprn = 100091200000
    for (street, town, outward, zone, ward, wcode) in STREETS:
        n = rng.randint(8, 11)
        nums = list(range(1, n + 1))
        pcs = [new_pc(outward) for _ in range((n + 5) // 6)]
        for i, num in enumerate(nums):
            uprn += rng.randint(3, 40)
            PROPS.append({
                "uprn": uprn, "address_line_1": f"{num} {street}", "address_line_2": "",
                "town": town, "postcode": pcs[i // 6], "council_tax_band": rng.choice("AABBBCCCDDEF"),
                "ward": ward, "parking_zone": zone, "street": street, "num": num,
                "wcode": wcode, "max_num": n, "used": False,
            })
    for p in PROPS:
        kind = rng.choices(["single", "couple", "family", "vacant"], [30, 50, 12, 8])[0]
        if kind == "vacant":
            add_account(p, [new_person()["full"]], "closed",
                        rand_date(dt.date(2012, 1, 1), dt.date(2020, 1, 1)),
                        rand_date(dt.date(2026, 2, 1), dt.date(2026, 10, 1)), "")
            continue
        a = new_person()
        adults = [a]
        if kind in ("couple", "family"):
            adults.append(new_person("M" if a["sex"] == "F" else "F",
                                     a["surname"] if rng.random() < 0.7 else None))
        if kind == "family":
            adults.append(new_person(None, a["surname"]))
        start = rand_date(dt.date(2006, 4, 1), dt.date(2025, 9, 1))
        if rng.random() < 0.35:
            add_account(p, [new_person()["full"]], "closed",
                        rand_date(dt.date(1998, 1, 1), start - dt.timedelta(days=400)),
                        start - dt.timedelta(days=rng.randint(1, 30)), "")
        liable = [x["full"] for x in adults[:2]] if rng.random() < 0.6 else [a["full"]]
        disc = "SPD" if kind == "single" and rng.random() < 0.8 else ("DIS" if rng.random() < 0.04 else "")
        add_account(p, liable, "active", start, None, disc)
        for x in adults:
            if rng.random() < 0.92:
                add_elector(p, x["full"])
        if p["parking_zone"]:
            r = rng.random()
            if r < 0.35:
                add_permit(p, new_vrm(), rand_date(dt.date(2026, 1, 1), dt.date(2026, 11, 20)))
            elif r < 0.45:
                add_permit(p, new_vrm(), rand_date(dt.date(2026, 1, 1), dt.date(2026, 11, 20)))
                add_permit(p, new_vrm(), rand_date(dt.date(2026, 1, 1), dt.date(2026, 11, 20)))
            if rng.random() < 0.3:
                add_permit(p, new_vrm(), rand_date(dt.date(2024, 6, 1), dt.date(2025, 10, 1)))


def add_account(p, liable, status, start, end, disc, ref=None):
    acc = {"account_ref": ref or new_ref(), "uprn": p["uprn"], "liable_parties": "; ".join(liable),
           "status": status, "start_date": start, "end_date": end, "discounts": disc}
    ACCOUNTS.append(acc)
    return acc


def add_elector(p, name):
    seq = ELECTOR_SEQ.get(p["wcode"], 100 + rng.randint(0, 50))
    seq += rng.randint(1, 9)
    ELECTOR_SEQ[p["wcode"]] = seq
    ELECTORS.append({"elector_number": f"{p['wcode']}-{seq}", "full_name": name, "uprn": p["uprn"]})


def add_permit(p, vrm, valid_from, valid_to=None):
    PERMIT_SEQ[0] += rng.randint(1, 17)
    PERMITS.append({"permit_ref": f"RP{PERMIT_SEQ[0]}", "uprn": p["uprn"], "vrm": vrm,
                    "zone": p["parking_zone"], "valid_from": valid_from,
                    "valid_to": valid_to or (valid_from + dt.timedelta(days=364))})


def claim(pred):
    cands = [p for p in PROPS if not p["used"] and pred(p)]
    p = rng.choice(cands)
    p["used"] = True
    # reset everything the scenario controls
    ACCOUNTS[:] = [a for a in ACCOUNTS if a["uprn"] != p["uprn"]]
    ELECTORS[:] = [e for e in ELECTORS if e["uprn"] != p["uprn"]]
    PERMITS[:] = [x for x in PERMITS if x["uprn"] != p["uprn"]]
    return p


def address_lines(p):
    return [p["address_line_1"], p["town"]]


OUTSIDE = [("12 Queens Road", "Wisbech", "PE13 2PE"), ("7 Tennyson Close", "Ely", "CB6 3WB"),
           ("Flat 4, Riverside Court", "King's Lynn", "PE30 1HT"), ("31 Elm Grove", "Thetford", "IP24 2NR"),
           ("88 Broad Street", "March", "PE15 8TQ"), ("2 The Maltings", "Downham Market", "PE38 9DH"),
           ("19 Beech Avenue", "Peterborough", "PE1 4LS"), ("5 Church View", "Soham", "CB7 5JD"),
           ("44 Norwich Road", "Wymondham", "NR18 0SW"), ("10 Orchard Way", "Chatteris", "PE16 6AP"),
           ("63 Victoria Street", "Cambridge", "CB1 1JP"), ("3 Mill Cottages", "Littleport", "CB6 1PZ")]


OUT_STREETS = ["Queens Road", "Tennyson Close", "Elm Grove", "Broad Street", "The Maltings", "Beech Avenue",
               "Church View", "Norwich Road", "Orchard Way", "Victoria Street", "Mill Cottages", "Park Lane",
               "Hawthorn Drive", "London Road", "Cromwell Road", "St Peter's Close"]
OUT_TOWNS = [("Wisbech", "PE13"), ("Ely", "CB6"), ("King's Lynn", "PE30"), ("Thetford", "IP24"),
             ("March", "PE15"), ("Downham Market", "PE38"), ("Peterborough", "PE1"), ("Soham", "CB7"),
             ("Wymondham", "NR18"), ("Chatteris", "PE16"), ("Cambridge", "CB1"), ("Spalding", "PE11")]


def outside_addr():
    for _ in range(200):
        if OUTSIDE and rng.random() < 0.5:
            a = OUTSIDE.pop(rng.randrange(len(OUTSIDE)))
        else:
            town, outward = rng.choice(OUT_TOWNS)
            a = (f"{rng.randint(1, 120)} {rng.choice(OUT_STREETS)}", town,
                 f"{outward} {rng.randint(1, 9)}{rng.choice(INWARD_LETTERS)}{rng.choice(INWARD_LETTERS)}")
        if a[2] not in USED_PCS:
            USED_PCS.append(a[2])
            return {"addr1": a[0], "lines": [a[0], a[1]], "pc": a[2]}
    raise RuntimeError("outside")


def phone():
    if rng.random() < 0.5:
        return f"07700 900{rng.randint(0, 999):03d}"
    return f"01632 960{rng.randint(0, 999):03d}"


def email_for(person):
    dom = rng.choice(["example.com", "example.net", "example.org", "example.co.uk"])
    f, s = person["first"].lower(), person["surname"].lower()
    return rng.choice([f"{f}.{s}@{dom}", f"{f[0]}{s}{rng.randint(1, 99)}@{dom}", f"{f}{s}@{dom}"])


def title_for(person):
    r = rng.random()
    if r < 0.45:
        return ""
    if r < 0.52:
        return "Dr"
    if person["sex"] == "M":
        return "Mr"
    return rng.choice(["Mrs", "Mrs", "Ms", "Miss"])


# ----------------------------------------------------------------------------
# scenarios -> canonical form data
# ----------------------------------------------------------------------------
ZONE = lambda p: p["parking_zone"] != ""
NOZONE_TOWN = lambda p: p["parking_zone"] == "" and p["town"] == "Fenmarsh"
ANY_NOZONE = lambda p: p["parking_zone"] == ""


def applicant(person):
    t = title_for(person)
    return {"title": t, "first": person["first"], "surname": person["surname"],
            "name": " ".join(x for x in [t, person["first"], person["surname"]] if x),
            "sex": person["sex"]}


def contact(c, person):
    c["phone"] = phone() if rng.random() < 0.8 else None
    c["email"] = email_for(person) if rng.random() < 0.7 else None


def spd_scenario(kind):
    p = claim(ANY_NOZONE if rng.random() < 0.7 else (lambda q: True))
    a = new_person()
    other = new_person("M" if a["sex"] == "F" else "F", a["surname"] if rng.random() < 0.6 else None)
    variant = rng.choice(["joint", "sole_named", "sole_unnamed"])
    if kind in ("OTHER_ADULTS_REGISTERED",):
        variant = "joint"
    if kind in ("NAME_MISMATCH",):
        variant = "not_liable"
    if kind in ("DISCOUNT_ALREADY_APPLIED", "ACCOUNT_NOT_FOUND", "ADDRESS_MISMATCH"):
        variant = rng.choice(["sole_named", "sole_unnamed"])
    start = rand_date(dt.date(2009, 1, 1), dt.date(2024, 6, 1))
    disc = "SPD" if kind == "DISCOUNT_ALREADY_APPLIED" else ""
    if variant == "joint":
        acc = add_account(p, [a["full"], other["full"]], "active", start, None, disc)
        add_elector(p, a["full"])
        add_elector(p, other["full"])
        named = True
    elif variant == "not_liable":
        acc = add_account(p, [other["full"]], "active", start, None, disc)
        add_elector(p, a["full"])
        add_elector(p, other["full"])
        named = True
    else:
        acc = add_account(p, [a["full"]], "active", start, None, disc)
        add_elector(p, a["full"])
        named = variant == "sole_named"
    if kind == "OTHER_ADULTS_REGISTERED":
        child = new_person(None, a["surname"])
        add_elector(p, child["full"])
    ap = applicant(a)
    since = rand_date(dt.date(2026, 1, 12), dt.date(2026, 11, 20))
    if kind == "DATE_TOO_OLD":
        since = rand_date(dt.date(2025, 3, 1), dt.date(2025, 10, 31))
    decl = max(since + dt.timedelta(days=rng.randint(1, 6)), rand_date(dt.date(2026, 10, 26), dt.date(2026, 12, 4)))
    decl = min(decl, dt.date(2026, 12, 4))
    c = {"form_type": "council_tax_spd", "kind": kind, "account_ref": acc["account_ref"],
         "acc_style": rng.choice(["plain", "plain", "space", "dash", "ct"]),
         **ap, "addr1": p["address_line_1"], "lines": address_lines(p), "postcode": p["postcode"],
         "pc_style": rng.choice(["std", "std", "std", "lower", "nospace"]),
         "since": since, "decl": decl, "other_name": None, "other_fwd": None, "change": None}
    rel = {"F": "wife", "M": "husband"}[other["sex"]] if other["surname"] == a["surname"] else "partner"
    if named:
        c["other_name"] = other["full"]
        if rng.random() < 0.6:
            o = outside_addr()
            c["other_fwd"] = f"{o['lines'][0]}, {o['lines'][1]}, {o['pc']}"
        if rng.random() < 0.5:
            c["change"] = (f"My {rel} {other['first']} moved out on {fmt_date(since, 'long')} "
                           f"and I now live here on my own.")
        else:
            c["change"] = rng.choice([f"My {rel} and I have separated and {other['first']} has moved out.",
                                      f"{other['first']} has moved away for work and will not be coming back.",
                                      f"My {rel} has moved out permanently. I am the only person living here now."])
    else:
        c["change"] = rng.choice(["My daughter has moved into her own flat, so I am now the only adult here.",
                                  "My lodger left and I have not re-let the room.",
                                  "My son has moved out to live with his partner.", None])
    contact(c, a)
    if kind == "ACCOUNT_NOT_FOUND":
        c["account_ref"] = unknown_ref()
    if kind == "ADDRESS_MISMATCH":
        bad = rng.randint(p["max_num"] + 3, p["max_num"] + 30)
        c["addr1"] = f"{bad} {p['street']}"
        c["lines"] = [c["addr1"], p["town"]]
    if kind == "MISSING_FIELD:declaration_date":
        c["decl"] = None
    return c


def move_scenario(kind, move_type):
    if move_type == "in":
        if kind == "PROPERTY_NOT_FOUND":
            p = None
        else:
            p = claim(lambda q: True)
            add_account(p, [new_person()["full"]], "closed",
                        rand_date(dt.date(2010, 1, 1), dt.date(2021, 1, 1)), None, "")
        a = new_person()
        ap = applicant(a)
        mdate = rand_date(dt.date(2026, 6, 15), dt.date(2026, 12, 30))
        if kind == "DATE_TOO_OLD":
            mdate = rand_date(dt.date(2025, 5, 1), dt.date(2025, 11, 15))
        if p is not None:
            ACCOUNTS[-1]["end_date"] = mdate - dt.timedelta(days=rng.randint(3, 60))
        decl = rand_date(dt.date(2026, 11, 1), dt.date(2026, 12, 4))
        if p is None:
            num = rng.randint(2, 40)
            new = {"addr1": f"{num} Kingfisher Way", "lines": [f"{num} Kingfisher Way", "Fenmarsh"],
                   "pc": new_pc("FM3")}
        else:
            new = {"addr1": p["address_line_1"], "lines": address_lines(p), "pc": p["postcode"]}
        prev = outside_addr() if rng.random() < 0.6 else None
        c = {"form_type": "council_tax_move", "kind": kind, "move_type": "in", "account_ref": None,
             **ap, "prev": prev, "new": new, "move_date": mdate, "decl": decl}
    else:
        p = claim(lambda q: True)
        a = new_person()
        liable = [a["full"]]
        if rng.random() < 0.4:
            b = new_person("M" if a["sex"] == "F" else "F", a["surname"])
            liable.append(b["full"])
        acc = add_account(p, liable, "active", rand_date(dt.date(2012, 1, 1), dt.date(2024, 12, 1)), None,
                          rng.choice(["", "", "", "SPD"]) if len(liable) == 1 else "")
        for n in liable:
            add_elector(p, n)
        ap = applicant(a)
        mdate = rand_date(dt.date(2026, 8, 1), dt.date(2026, 12, 28))
        if kind == "DATE_IN_FUTURE":
            mdate = rand_date(dt.date(2027, 2, 5), dt.date(2027, 3, 20))
        if kind == "DATE_TOO_OLD":
            mdate = rand_date(dt.date(2025, 6, 1), dt.date(2025, 11, 20))
        decl = rand_date(dt.date(2026, 11, 1), dt.date(2026, 12, 4))
        prev = {"addr1": p["address_line_1"], "lines": address_lines(p), "pc": p["postcode"]}
        if kind == "ADDRESS_MISMATCH":
            bad = rng.randint(p["max_num"] + 4, p["max_num"] + 30)
            prev = {"addr1": f"{bad} {p['street']}", "lines": [f"{bad} {p['street']}", p["town"]],
                    "pc": p["postcode"]}
        c = {"form_type": "council_tax_move", "kind": kind, "move_type": "out",
             "account_ref": acc["account_ref"], **ap, "prev": prev, "new": outside_addr(),
             "move_date": mdate, "decl": decl}
        if kind == "ACCOUNT_NOT_FOUND":
            c["account_ref"] = unknown_ref()
        if kind == "MISSING_FIELD:move_date":
            c["move_date"] = None
    c["acc_style"] = rng.choice(["plain", "space", "dash", "ct", "plain"])
    c["pc_style"] = rng.choice(["std", "std", "lower", "nospace"])
    contact(c, a)
    return c


MAKES = ["Ford", "Vauxhall", "Volkswagen", "Toyota", "Nissan", "Kia", "Peugeot", "Skoda",
         "Honda", "Hyundai", "Renault", "Fiat", "MINI", "Citroen", "Audi", "BMW"]


def parking_scenario(kind):
    if kind == "PROPERTY_NOT_FOUND":
        street = rng.choice([s for s in STREETS if s[3]])
        sp = [p for p in PROPS if p["street"] == street[0]]
        num = sp[0]["max_num"] + rng.randint(6, 30)
        a = new_person()
        p = {"address_line_1": f"{num} {street[0]}", "town": street[1], "postcode": sp[-1]["postcode"],
             "parking_zone": street[3]}
        zone = street[3]
    else:
        p = claim(NOZONE_TOWN if kind == "NOT_IN_PERMIT_ZONE" else ZONE)
        a = new_person()
        variant = rng.choice(["sole", "joint", "joint", "registered_partner"])
        if kind == "NOT_RESIDENT":
            x = new_person()
            add_account(p, [x["full"]], "active", rand_date(dt.date(2010, 1, 1), dt.date(2024, 1, 1)), None, "")
            add_elector(p, x["full"])
        else:
            b = new_person("M" if a["sex"] == "F" else "F", a["surname"] if rng.random() < 0.6 else None)
            if variant == "sole":
                liable, reg = [a["full"]], [a["full"]]
            elif variant == "joint":
                liable, reg = [a["full"], b["full"]], [a["full"], b["full"]]
            else:  # applicant registered but not on the bill
                liable, reg = [b["full"]], [b["full"], a["full"]]
            add_account(p, liable, "active", rand_date(dt.date(2008, 1, 1), dt.date(2025, 1, 1)), None, "")
            for n in reg:
                add_elector(p, n)
        zone = p["parking_zone"] or "C"
    vrm = new_vrm("prefix" if rng.random() < 0.1 else "current")
    if kind == "INVALID_FORMAT:vrm":
        vrm = rng.choice(["LR6NTPX", "YT19KLMNP", "BK7O4RSX"])
    start = rand_date(dt.date(2026, 11, 23), dt.date(2026, 12, 28))
    if kind == "DATE_IN_FUTURE":
        start = rand_date(dt.date(2027, 2, 1), dt.date(2027, 3, 31))
    decl = min(start - dt.timedelta(days=rng.randint(0, 20)), rand_date(dt.date(2026, 11, 16), dt.date(2026, 12, 4)))
    if kind == "DATE_IN_FUTURE":
        decl = rand_date(dt.date(2026, 11, 25), dt.date(2026, 12, 4))
    if kind not in ("PROPERTY_NOT_FOUND",):
        if kind == "VRM_HAS_PERMIT":
            add_permit(p, vrm, rand_date(dt.date(2026, 3, 1), dt.date(2026, 9, 1)))
        elif kind == "PERMIT_CAP_REACHED":
            add_permit(p, new_vrm(), rand_date(dt.date(2026, 1, 10), dt.date(2026, 10, 1)))
            add_permit(p, new_vrm(), rand_date(dt.date(2026, 1, 10), dt.date(2026, 10, 1)))
        elif kind == "clean" and p["parking_zone"]:
            r = rng.random()
            if r < 0.35:
                add_permit(p, new_vrm(), rand_date(dt.date(2026, 2, 1), dt.date(2026, 10, 1)))
            elif r < 0.55:  # this car's own permit lapsed: a renewal
                add_permit(p, vrm, rand_date(dt.date(2025, 6, 1), dt.date(2025, 10, 31)))
    ap = applicant(a)
    c = {"form_type": "parking_permit", "kind": kind, **ap, "addr1": p["address_line_1"],
         "lines": [p["address_line_1"], p["town"]], "postcode": p["postcode"],
         "pc_style": rng.choice(["std", "std", "lower", "nospace"]),
         "vrm": vrm, "vrm_style": rng.choice(["space", "space", "plain", "lower"]),
         "make": rng.choice(MAKES) if rng.random() < 0.85 else None, "zone": zone,
         "start": start, "decl": decl}
    contact(c, a)
    return c


# ----------------------------------------------------------------------------
# truth from canonical data
# ----------------------------------------------------------------------------
def truth_fields(c):
    f = {}
    t = c["form_type"]
    if t == "council_tax_spd":
        f["account_ref"] = c["account_ref"]
        f["applicant_name"] = c["name"]
        f["address"] = c["addr1"]
        f["postcode"] = c["postcode"]
        f["sole_adult_since"] = c["since"].isoformat()
        if c["other_name"]:
            f["other_adult_name"] = c["other_name"]
        if c["other_fwd"]:
            f["other_adult_forwarding_address"] = c["other_fwd"]
        if c["change"]:
            f["change_description"] = c["change"]
    elif t == "council_tax_move":
        f["move_type"] = c["move_type"]
        if c["account_ref"]:
            f["account_ref"] = c["account_ref"]
        f["applicant_name"] = c["name"]
        if c["prev"]:
            f["previous_address"] = c["prev"]["addr1"]
            f["previous_postcode"] = c["prev"]["pc"]
        f["new_address"] = c["new"]["addr1"]
        f["new_postcode"] = c["new"]["pc"]
        if c["move_date"]:
            f["move_date"] = c["move_date"].isoformat()
    elif t == "parking_permit":
        f["applicant_name"] = c["name"]
        f["address"] = c["addr1"]
        f["postcode"] = c["postcode"]
        f["vrm"] = c["vrm"]
        if c["make"]:
            f["vehicle_make"] = c["make"]
        f["zone"] = c["zone"]
        f["start_date"] = c["start"].isoformat()
    if c.get("phone"):
        f["phone"] = c["phone"]
    if c.get("email"):
        f["email"] = c["email"]
    if c.get("decl"):
        f["declaration_date"] = c["decl"].isoformat()
    return f


# ----------------------------------------------------------------------------
# common drawing helpers
# ----------------------------------------------------------------------------
INK = colors.Color(0.06, 0.12, 0.50)     # typed answers on paper layouts
GREY = colors.Color(0.35, 0.35, 0.35)


def new_canvas(path, title, author="Fenmarsh District Council"):
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    c.setTitle(title)
    c.setAuthor(author)
    c.setCreator("Fenmarsh DC forms")
    return c


def wrap(text, font, size, width):
    return simpleSplit(text, font, size, width)


def draw_wrapped(c, text, x, y, width, font="Helvetica", size=8.5, leading=None, color=colors.black):
    leading = leading or size * 1.25
    c.setFont(font, size)
    c.setFillColor(color)
    for line in wrap(text, font, size, width):
        c.drawString(x, y, line)
        y -= leading
    c.setFillColor(colors.black)
    return y


def crest(c, x, y, r=16):
    """A simple drawn council mark: a shield with wavy 'fen' lines."""
    c.saveState()
    c.setStrokeColor(colors.Color(0.1, 0.3, 0.25))
    c.setFillColor(colors.Color(0.1, 0.3, 0.25))
    p = c.beginPath()
    p.moveTo(x - r, y + r)
    p.lineTo(x + r, y + r)
    p.lineTo(x + r, y)
    p.curveTo(x + r, y - r * 0.8, x, y - r * 1.2, x, y - r * 1.2)
    p.curveTo(x, y - r * 1.2, x - r, y - r * 0.8, x - r, y)
    p.close()
    c.drawPath(p, fill=1, stroke=0)
    c.setStrokeColor(colors.white)
    c.setLineWidth(1.2)
    for k in range(3):
        yy = y + r * 0.5 - k * r * 0.45
        q = c.beginPath()
        q.moveTo(x - r * 0.7, yy)
        q.curveTo(x - r * 0.35, yy + 3, x, yy - 3, x + r * 0.35, yy)
        q.curveTo(x + r * 0.5, yy + 1.5, x + r * 0.6, yy + 1.5, x + r * 0.7, yy)
        c.drawPath(q, stroke=1, fill=0)
    c.restoreState()


# ----------------------------------------------------------------------------
# Layout 1: e-forms platform summary export ("Lumen Forms")
# ----------------------------------------------------------------------------
def render_eform(path, d, lrng):
    case = f"FDC-{lrng.randint(100000, 999999)}"
    sub_date = d["decl"]
    sub_time = f"{lrng.randint(7, 22):02d}:{lrng.randint(0, 59):02d}"
    titles = {"council_tax_spd": "Apply for a Council Tax single person discount",
              "council_tax_move": "Council Tax - tell us you are moving home",
              "parking_permit": "Apply for a residents' parking permit"}
    df = lambda x: fmt_date(x, "dmy/")
    rows = []
    S = lambda t: rows.append(("S", t))
    Q = lambda q, a: rows.append(("Q", q, a))
    if d["form_type"] == "council_tax_spd":
        S("Before you start")
        Q("Have you read the guidance on who counts as an adult for Council Tax purposes?", "Yes")
        S("About you")
        Q("Your full name", d["name"])
        Q("Your Council Tax account number. You can find this at the top right of your bill. It is 8 digits long.",
          fmt_acc(d["account_ref"], d["acc_style"]))
        Q("Telephone number", d["phone"])
        Q("Email address", d["email"])
        S("The property")
        Q("Address of the property this application is for", d["lines"])
        Q("Postcode", fmt_pc(d["postcode"], d["pc_style"]))
        S("Your household")
        Q("Please tell us the date from which you have been the only adult (aged 18 or over) living at the property",
          df(d["since"]))
        Q("Has another adult moved out of the property?", "Yes" if d["other_name"] else "No")
        if d["other_name"]:
            Q("Full name of the adult who moved out", d["other_name"])
            Q("Their forwarding address, if known", d["other_fwd"])
        Q("Tell us what changed", d["change"])
        S("Declaration")
        Q("I declare that the information I have given on this form is true and complete. I understand that I must "
          "tell the Council within 21 days of any change which may affect my discount, and that giving false "
          "information may lead to prosecution.", "I agree")
        Q("Date of declaration", df(d["decl"]))
    elif d["form_type"] == "council_tax_move":
        S("Your move")
        Q("Are you moving into, out of, or within Fenmarsh District?",
          "I am moving out of the district" if d["move_type"] == "out" else "I am moving into the district")
        S("About you")
        Q("Your full name", d["name"])
        Q("Daytime telephone number", d["phone"])
        Q("Email address", d["email"])
        if d["move_type"] == "out":
            S("The address you are leaving")
            Q("Council Tax account number for this address", fmt_acc(d["account_ref"], d["acc_style"]))
            Q("Address", d["prev"]["lines"])
            Q("Postcode", fmt_pc(d["prev"]["pc"], d["pc_style"]))
            Q("What date did you, or will you, move out?", df(d["move_date"]))
            S("Your forwarding address")
            Q("Where should we send your final bill?", d["new"]["lines"])
            Q("Postcode", d["new"]["pc"])
        else:
            S("The address you are moving into")
            Q("Address", d["new"]["lines"])
            Q("Postcode", fmt_pc(d["new"]["pc"], d["pc_style"]))
            Q("What date did you, or will you, move in?", df(d["move_date"]))
            Q("Are you the owner, or a tenant?", lrng.choice(["Owner", "Tenant (private landlord)",
                                                              "Tenant (housing association)"]))
            S("Your previous address")
            Q("If you lived outside Fenmarsh District before this move, tell us your previous address",
              d["prev"]["lines"] if d["prev"] else None)
            Q("Postcode of previous address", d["prev"]["pc"] if d["prev"] else None)
        S("Declaration")
        Q("I confirm that the information I have provided is correct to the best of my knowledge.", "Yes")
        Q("Date", df(d["decl"]))
    else:
        S("Eligibility")
        Q("Do you live at an address within a residents' parking zone?", "Yes")
        S("Applicant details")
        Q("Name of applicant", d["name"])
        Q("Address", d["lines"])
        Q("Postcode", fmt_pc(d["postcode"], d["pc_style"]))
        Q("Which permit zone is your address in?", f"Zone {d['zone']}")
        S("Vehicle details")
        Q("Vehicle registration number (as shown on your V5C log book)", fmt_vrm(d["vrm"], d["vrm_style"]))
        Q("Vehicle make", d["make"])
        Q("Is the vehicle registered to you at this address?", "Yes")
        S("Permit")
        Q("Permit type", "Resident permit - 12 months (GBP 52.00)")
        Q("Date you would like the permit to start", df(d["start"]))
        S("Contact details")
        Q("Telephone number", d["phone"])
        Q("Email address", d["email"])
        S("Declaration")
        Q("I declare that I live at the address given and that the vehicle is kept there. I understand that a permit "
          "does not guarantee a parking space.", "I agree")
        Q("Date", df(d["decl"]))

    qs = ParagraphStyle("q", fontName="Helvetica-Bold", fontSize=8.5, leading=11, textColor=colors.Color(.2, .2, .2))
    as_ = ParagraphStyle("a", fontName="Helvetica", fontSize=9, leading=12, textColor=colors.black)
    ss = ParagraphStyle("s", fontName="Helvetica-Bold", fontSize=10, leading=13, textColor=colors.white)
    data, style = [], [("GRID", (0, 0), (-1, -1), 0.5, colors.Color(.75, .75, .75)),
                       ("VALIGN", (0, 0), (-1, -1), "TOP"),
                       ("LEFTPADDING", (0, 0), (-1, -1), 6), ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                       ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]
    for r in rows:
        i = len(data)
        if r[0] == "S":
            data.append([Paragraph(escape(r[1]), ss), ""])
            style += [("SPAN", (0, i), (1, i)), ("BACKGROUND", (0, i), (1, i), colors.Color(.16, .36, .33))]
        else:
            a = r[2]
            if isinstance(a, list):
                a = "<br/>".join(escape(x) for x in a)
            else:
                a = escape(a) if a else ""
            data.append([Paragraph(escape(r[1]), qs), Paragraph(a, as_)])
            style.append(("BACKGROUND", (0, i), (0, i), colors.Color(.96, .96, .96)))
    t = Table(data, colWidths=[250, 265], repeatRows=0)
    t.setStyle(TableStyle(style))
    meta = Table([["Case reference", case], ["Form", titles[d["form_type"]]],
                  ["Submitted on", f"{fmt_date(sub_date, 'dmy/')} {sub_time}"],
                  ["Channel", "Online (MyFenmarsh)"]], colWidths=[110, 405])
    meta.setStyle(TableStyle([("FONT", (0, 0), (0, -1), "Helvetica-Bold", 9),
                              ("FONT", (1, 0), (1, -1), "Helvetica", 9),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 2), ("TOPPADDING", (0, 0), (-1, -1), 1)]))

    def on_page(cv, doc):
        cv.saveState()
        cv.setFillColor(colors.Color(.16, .36, .33))
        cv.rect(0, H - 58, W, 58, fill=1, stroke=0)
        crest(cv, 52, H - 27, 13)
        cv.setFillColor(colors.white)
        cv.setFont("Helvetica-Bold", 15)
        cv.drawString(78, H - 28, "Fenmarsh District Council")
        cv.setFont("Helvetica", 9)
        cv.drawString(78, H - 42, "Online services - submission summary")
        cv.drawRightString(W - 40, H - 28, case)
        cv.setFillColor(GREY)
        cv.setFont("Helvetica", 7)
        cv.drawString(40, 28, f"Generated by Lumen Forms 7.4 for fenmarsh.gov.uk  |  {case}  |  "
                              "This is a copy of the information you submitted. Please keep it for your records.")
        cv.drawRightString(W - 40, 16, f"Page {doc.page}")
        cv.restoreState()

    doc = SimpleDocTemplate(path, pagesize=A4, leftMargin=40, rightMargin=40, topMargin=76, bottomMargin=50,
                            title=f"{titles[d['form_type']]} - {case}", author="Lumen Forms",
                            creator="Lumen Forms 7.4", invariant=1)
    h = ParagraphStyle("h", fontName="Helvetica-Bold", fontSize=13, leading=16, spaceAfter=6)
    story = [Paragraph(escape(titles[d["form_type"]]), h), meta, Spacer(1, 10), t]
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)


# ----------------------------------------------------------------------------
# Layout 2: paper form in two columns, numbered questions, answers on lines
# ----------------------------------------------------------------------------
class Col:
    def __init__(self, cv, x, y, w):
        self.c, self.x, self.y, self.w = cv, x, y, w
        self.n = 0

    def heading(self, text):
        c = self.c
        self.y -= 6
        c.setFillColor(colors.Color(.85, .85, .85))
        c.rect(self.x, self.y - 4, self.w, 15, fill=1, stroke=0)
        c.setFillColor(colors.black)
        c.setFont("Times-Bold", 10)
        c.drawString(self.x + 4, self.y, text)
        self.y -= 22

    def note(self, text):
        self.y = draw_wrapped(self.c, text, self.x, self.y, self.w, "Times-Italic", 8, 9.5, GREY) - 4

    def q(self, label, answer, lines=1, ans_font="Courier", ans_size=9.5):
        """Numbered question. Short labels sit left of the answer line; long ones above it."""
        c = self.c
        self.n += 1
        num = f"Q{self.n}"
        c.setFont("Times-Bold", 9.5)
        c.drawString(self.x, self.y, num)
        lx = self.x + 20
        lw = stringWidth(label, "Times-Roman", 9.5)
        answers = answer if isinstance(answer, list) else ([answer] if answer else [])
        if lines == 1 and lw + 95 < self.w - 20:
            c.setFont("Times-Roman", 9.5)
            c.drawString(lx, self.y, label)
            x0 = lx + lw + 5
            c.setLineWidth(0.5)
            c.setDash(1, 1.5)
            c.line(x0, self.y - 2, self.x + self.w, self.y - 2)
            c.setDash()
            if answers:
                c.setFont(ans_font, ans_size)
                c.setFillColor(INK)
                c.drawString(x0 + 4, self.y, answers[0])
                c.setFillColor(colors.black)
            self.y -= 21
            return
        yy = draw_wrapped(c, label, lx, self.y, self.w - 20, "Times-Roman", 9.5, 11)
        # wrap answers to fit the lines
        flat = []
        for a in answers:
            flat += wrap(a, ans_font, ans_size, self.w - 26)
        nlines = max(lines, len(flat))
        y = yy - 4
        for k in range(nlines):
            c.setLineWidth(0.5)
            c.setDash(1, 1.5)
            c.line(lx, y - 2, self.x + self.w, y - 2)
            c.setDash()
            if k < len(flat):
                c.setFont(ans_font, ans_size)
                c.setFillColor(INK)
                c.drawString(lx + 4, y, flat[k])
                c.setFillColor(colors.black)
            y -= 17
        self.y = y - 4


def render_paper2col(path, d, lrng):
    code = {"council_tax_spd": "CT/SPD1", "parking_permit": "PK/RES1"}[d["form_type"]]
    title = {"council_tax_spd": "Council Tax: Application for Single Person Discount",
             "parking_permit": "Residents' Parking Permit Application"}[d["form_type"]]
    dstyle = lrng.choice(["dmy/", "d/m/y", "dmy.", "long", "dmy-", "ord", "iso"])
    df = lambda x: fmt_date(x, dstyle) if x else None
    c = new_canvas(path, title)
    # header
    c.setFont("Times-Bold", 17)
    c.drawString(40, H - 50, "FENMARSH DISTRICT COUNCIL")
    c.setFont("Times-Roman", 8.5)
    dept = "Revenues Service" if d["form_type"] == "council_tax_spd" else "Parking Services"
    for k, line in enumerate([dept, "Fenmarsh House, Market Place", "Fenmarsh FM1 1AA",
                              "Tel 01632 960100  www.fenmarsh.gov.uk"]):
        c.drawRightString(W - 40, H - 40 - k * 10, line)
    c.setLineWidth(1.5)
    c.line(40, H - 84, W - 40, H - 84)
    c.setFont("Times-Bold", 13)
    c.drawString(40, H - 102, title)
    c.setFont("Times-Roman", 9)
    c.drawRightString(W - 40, H - 102, f"Form {code}")
    if d["form_type"] == "council_tax_spd":
        guide = ("You may be entitled to a 25% discount if you are the only adult (aged 18 or over) living in the "
                 "property as your main home. Please answer every question and return the form to the address "
                 "above. If the discount is awarded from a past date we will send you an amended bill. "
                 "Please complete in black ink or type.")
    else:
        guide = ("Permits are issued to residents of streets within a controlled parking zone. A maximum of two "
                 "resident permits can be issued to any one address. You must enclose or upload a copy of the "
                 "V5C registration document showing the vehicle kept at your address. Please complete in black "
                 "ink or type.")
    c.setStrokeColor(colors.black)
    c.setLineWidth(0.6)
    gl = wrap(guide, "Times-Italic", 8.5, W - 96)
    c.rect(40, H - 118 - len(gl) * 10.5 - 6, W - 80, len(gl) * 10.5 + 10)
    draw_wrapped(c, guide, 48, H - 124, W - 96, "Times-Italic", 8.5, 10.5)
    top = H - 118 - len(gl) * 10.5 - 22
    L = Col(c, 40, top, 250)
    R = Col(c, 305, top, 250)
    R.n = 0
    if d["form_type"] == "council_tax_spd":
        L.heading("Part 1  About you and the property")
        L.q("Council Tax account no.", fmt_acc(d["account_ref"], d["acc_style"]))
        L.q("Full name of applicant", d["name"])
        L.q("Address of the property", d["lines"], lines=2)
        L.q("Postcode", fmt_pc(d["postcode"], d["pc_style"]))
        L.q("Daytime tel. no.", d["phone"])
        L.q("Email", d["email"])
        R.n = L.n
        R.heading("Part 2  Your household")
        R.q("Date you became the only adult living at the property", df(d["since"]), lines=1)
        R.q("Name of the adult who has left", [d["other_name"]] if d["other_name"] else [], lines=1)
        R.q("Their new address (if known)", [d["other_fwd"]] if d["other_fwd"] else [], lines=2)
        R.q("Tell us what changed", [d["change"]] if d["change"] else [], lines=3)
        bottom = min(L.y, R.y) - 6
        decl_text = ("I declare that I am the only adult aged 18 or over living at the address above as their main "
                     "home and that the information on this form is correct. I will tell the Council within 21 days "
                     "if anyone aged 18 or over comes to live at the property. I understand that it is an offence "
                     "to give false information.")
    else:
        L.heading("Part A  Applicant")
        L.q("Name(s)", d["name"])
        L.q("Address", d["lines"], lines=2)
        L.q("Postcode", fmt_pc(d["postcode"], d["pc_style"]))
        L.q("Tel.", d["phone"])
        L.q("Email", d["email"])
        R.n = L.n
        R.heading("Part B  Vehicle and permit")
        R.q("Permit zone", d["zone"])
        R.q("Reg. no.", fmt_vrm(d["vrm"], d["vrm_style"]) if d["kind"] != "INVALID_FORMAT:vrm" else
            (d["vrm"][:4] + " " + d["vrm"][4:]))
        R.q("Make", d["make"])
        R.q("Date permit required from", df(d["start"]), lines=1)
        R.note("Resident permits cost GBP 52.00 for 12 months. A second permit at the same address costs GBP 78.00.")
        bottom = min(L.y, R.y) - 6
        decl_text = ("I declare that I live at the address above, that the vehicle shown is kept at that address, "
                     "and that the information given is correct. I understand that the permit may be withdrawn "
                     "if it is misused.")
    c.setFillColor(colors.Color(.85, .85, .85))
    c.rect(40, bottom - 4, W - 80, 15, fill=1, stroke=0)
    c.setFillColor(colors.black)
    c.setFont("Times-Bold", 10)
    c.drawString(44, bottom, "Part 3  Declaration" if d["form_type"] == "council_tax_spd" else "Part C  Declaration")
    y = draw_wrapped(c, decl_text, 40, bottom - 18, W - 80, "Times-Roman", 9.5, 11.5) - 14
    c.setFont("Times-Roman", 9.5)
    c.drawString(40, y, "Signature")
    c.setDash(1, 1.5)
    c.line(88, y - 2, 300, y - 2)
    c.line(345, y - 2, W - 40, y - 2)
    c.setDash()
    c.drawString(320, y, "Date")
    c.setFont("Times-Italic", 13)
    c.setFillColor(INK)
    c.drawString(100, y + 1, f"{d['first'][0]}. {d['surname']}")
    if d["decl"]:
        c.setFont("Courier", 9.5)
        c.drawString(352, y, df(d["decl"]))
    c.setFillColor(colors.black)
    # office use only
    oy = y - 40
    c.setLineWidth(0.8)
    c.rect(W - 250, oy - 58, 210, 64)
    c.setFont("Helvetica-Bold", 7.5)
    c.drawString(W - 244, oy - 4, "FOR OFFICE USE ONLY")
    c.setFont("Helvetica", 7.5)
    for k, lab in enumerate(["Date received", "Checked by", "System ref."]):
        c.drawString(W - 244, oy - 18 - k * 13, lab)
        c.line(W - 180, oy - 20 - k * 13, W - 48, oy - 20 - k * 13)
    c.setFont("Times-Roman", 8)
    c.drawString(40, oy - 20, "Return to: Fenmarsh District Council, Fenmarsh House, Market Place, Fenmarsh FM1 1AA")
    c.drawString(40, oy - 31, "How we use your information: see www.fenmarsh.gov.uk/privacy")
    c.setFont("Helvetica", 7)
    c.drawString(40, 28, f"{code} (rev. 04/26)")
    c.drawRightString(W - 40, 28, "Page 1 of 1")
    c.showPage()
    c.save()


# ----------------------------------------------------------------------------
# Layout 3: paper form, captions under the answer lines, comb boxes, 2 pages
# ----------------------------------------------------------------------------
def cap_field(c, x, y, w, value, caption, font="Helvetica", size=10.5):
    if value:
        c.setFont(font, size)
        c.setFillColor(INK)
        c.drawString(x + 3, y + 3, value)
        c.setFillColor(colors.black)
    c.setLineWidth(0.6)
    c.line(x, y, x + w, y)
    c.setFont("Times-Italic", 7.5)
    c.setFillColor(GREY)
    c.drawString(x, y - 9, caption)
    c.setFillColor(colors.black)


def comb(c, x, y, chars, n, caption, box=15, gaps=()):
    c.setLineWidth(0.6)
    xx = x
    for i in range(n):
        if i in gaps:
            xx += 8
        c.rect(xx, y, box, box + 3)
        ch = chars[i] if i < len(chars) else " "
        if ch.strip():
            c.setFont("Helvetica", 11)
            c.setFillColor(INK)
            c.drawCentredString(xx + box / 2, y + 4.5, ch)
            c.setFillColor(colors.black)
        xx += box
    c.setFont("Times-Italic", 7.5)
    c.setFillColor(GREY)
    c.drawString(x, y - 9, caption)
    c.setFillColor(colors.black)
    return xx


def date_comb(c, x, y, d, caption):
    s = f"{d.day:02d}{d.month:02d}{d.year}" if d else ""
    c.setLineWidth(0.6)
    xx = x
    for i in range(8):
        c.rect(xx, y, 14, 17)
        if s:
            c.setFont("Helvetica", 11)
            c.setFillColor(INK)
            c.drawCentredString(xx + 7, y + 4.5, s[i])
            c.setFillColor(colors.black)
        xx += 14
        if i in (1, 3):
            c.setFont("Helvetica", 12)
            c.drawCentredString(xx + 4, y + 4, "/")
            xx += 8
    c.setFont("Times-Italic", 7.5)
    c.setFillColor(GREY)
    c.drawString(x, y - 9, caption)
    c.setFillColor(colors.black)


def part_bar(c, y, text):
    c.setFillColor(colors.Color(.55, .12, .2))
    c.rect(40, y - 5, W - 80, 17, fill=1, stroke=0)
    c.setFillColor(colors.white)
    c.setFont("Times-Bold", 11)
    c.drawString(46, y, text)
    c.setFillColor(colors.black)


def l3_header(c, title, sub, page):
    crest(c, 60, H - 52, 15)
    c.setFont("Times-Bold", 14)
    c.drawString(84, H - 48, "Fenmarsh District Council")
    c.setFont("Times-Roman", 9)
    c.drawString(84, H - 60, sub)
    c.setFont("Times-Bold", 12)
    c.drawRightString(W - 40, H - 48, title)
    c.setFont("Times-Roman", 8)
    c.drawRightString(W - 40, H - 60, f"Page {page} of 2")
    c.setLineWidth(0.4)
    c.line(40, H - 70, W - 40, H - 70)


def l3_footer(c, code):
    c.setFont("Times-Roman", 7)
    c.setFillColor(GREY)
    c.drawString(40, 26, f"{code}  Fenmarsh District Council, Fenmarsh House, Market Place, Fenmarsh FM1 1AA  "
                         "revenues@fenmarsh.gov.uk")
    c.setFillColor(colors.black)


def render_caption(path, d, lrng):
    spd = d["form_type"] == "council_tax_spd"
    title = "Single Person Discount" if spd else "Change of Address"
    code = "REV 21 SPD" if spd else "REV 14 CoA"
    c = new_canvas(path, f"Council Tax - {title}")
    l3_header(c, f"Council Tax - {title}", "Revenues and Benefits Service", 1)
    y = H - 92
    intro = ("Please write clearly or type, one character in each box where boxes are shown. "
             "Notes to help you are printed in italics under each answer space. ") + (
        "Only complete this form if you are now the only adult living at the property."
        if spd else "Use this form to tell us when you move into, or out of, a property in Fenmarsh District.")
    y = draw_wrapped(c, intro, 40, y, W - 80, "Times-Roman", 9, 11) - 10
    pc_chars = lambda pc: pc.replace(" ", "").rjust(7) if len(pc.replace(" ", "")) == 6 else pc.replace(" ", "")

    def name_block(y):
        cap_field(c, 40, y, 60, d["title"], "Title")
        cap_field(c, 112, y, 190, d["first"], "Forename(s)")
        cap_field(c, 314, y, W - 354, d["surname"], "Surname")
        return y - 34

    def pc_comb(x, y, pc, caption):
        s = pc.replace(" ", "")
        # outward code left-aligned in the first 4 boxes, inward in the last 3
        chars = list(s[:-3].ljust(4)) + list(s[-3:])
        comb(c, x, y, chars, 7, caption, gaps=(4,))

    if spd:
        part_bar(c, y, "Part 1   Your details")
        y -= 34
        y = name_block(y)
        comb(c, 40, y - 4, d["account_ref"], 8, "Council Tax account number (8 digits, top right of your bill)")
        y -= 40
        cap_field(c, 40, y, W - 80, d["lines"][0], "House number and street")
        y -= 30
        cap_field(c, 40, y, 300, d["lines"][1], "Town or village")
        pc_comb(360, y - 4, d["postcode"], "Postcode")
        y -= 42
        part_bar(c, y, "Part 2   Your circumstances")
        y -= 32
        date_comb(c, 40, y - 4, d["since"], "Date you became the only adult living here (DD/MM/YYYY)")
        y -= 40
        cap_field(c, 40, y, W - 80, d["other_name"], "Full name of the adult who has moved out (if any)")
        y -= 30
        cap_field(c, 40, y, W - 80, d["other_fwd"], "Their new address, if you know it")
        y -= 30
        lines = wrap(d["change"], "Helvetica", 10.5, W - 90) if d["change"] else []
        for k in range(3):
            cap_field(c, 40, y, W - 80, lines[k] if k < len(lines) else None,
                      "Tell us briefly what changed" if k == 2 else "")
            y -= 22
        y -= 8
        note = ("Students, apprentices, student nurses, live-in carers and people who are severely mentally "
                "impaired are not counted as adults for Council Tax. If someone like this lives with you, you "
                "may still qualify: please ring us.")
        draw_wrapped(c, note, 40, y, W - 80, "Times-Italic", 8.5, 10, GREY)
        c.setFont("Times-Bold", 9)
        c.drawRightString(W - 40, 44, "Please turn over and sign the declaration")
    else:
        part_bar(c, y, "Part 1   Moving in or out?")
        y -= 30
        c.setLineWidth(0.8)
        for k, (lab, val) in enumerate([("I am moving INTO a property in Fenmarsh District", "in"),
                                        ("I am moving OUT of a property in Fenmarsh District", "out")]):
            bx = 40 + k * 262
            c.rect(bx, y - 3, 12, 12)
            if d["move_type"] == val:
                c.setStrokeColor(INK)
                c.setLineWidth(1.6)
                c.line(bx + 2, y - 1, bx + 10, y + 7)
                c.line(bx + 2, y + 7, bx + 10, y - 1)
                c.setStrokeColor(colors.black)
                c.setLineWidth(0.8)
            c.setFont("Times-Roman", 9.5)
            c.drawString(bx + 18, y, lab)
        y -= 30
        part_bar(c, y, "Part 2   About you")
        y -= 34
        y = name_block(y)
        part_bar(c, y, "Part 3   The property you are leaving")
        y -= 16
        c.setFont("Times-Italic", 8)
        c.drawString(40, y, "Complete if you are moving out of, or within, the district. "
                            "If you are moving into the district from elsewhere, you may give your last address here.")
        y -= 22
        comb(c, 40, y - 4, d["account_ref"] or "", 8, "Council Tax account number for this property")
        y -= 40
        prev = d["prev"] or {"lines": [None, None], "pc": ""}
        cap_field(c, 40, y, W - 80, prev["lines"][0], "House number and street")
        y -= 30
        cap_field(c, 40, y, 300, prev["lines"][1], "Town or village")
        if d["prev"]:
            pc_comb(360, y - 4, prev["pc"], "Postcode")
        else:
            comb(c, 360, y - 4, "", 7, "Postcode", gaps=(4,))
        y -= 42
        part_bar(c, y, "Part 4   The property you are moving to")
        y -= 16
        c.setFont("Times-Italic", 8)
        c.drawString(40, y, "If you are leaving the district, this is your forwarding address for the final bill.")
        y -= 22
        cap_field(c, 40, y, W - 80, d["new"]["lines"][0], "House number and street")
        y -= 30
        cap_field(c, 40, y, 300, d["new"]["lines"][1], "Town or village")
        pc_comb(360, y - 4, d["new"]["pc"], "Postcode")
        y -= 42
        date_comb(c, 40, y - 4, d["move_date"], "Date of your move (DD/MM/YYYY)")
        c.setFont("Times-Bold", 9)
        c.drawRightString(W - 40, 44, "Continued overleaf")
    l3_footer(c, code)
    c.showPage()
    # ---- page 2
    l3_header(c, f"Council Tax - {title}", "Revenues and Benefits Service", 2)
    y = H - 100
    part_bar(c, y, "Part 3   Contact details" if spd else "Part 5   Contact details")
    y -= 34
    cap_field(c, 40, y, 240, d["phone"], "Telephone number")
    cap_field(c, 300, y, W - 340, d["email"], "Email address")
    y -= 40
    part_bar(c, y, "Part 4   Declaration" if spd else "Part 6   Declaration")
    y -= 22
    if spd:
        decl = ("I apply for a single person discount. I declare that the information I have given is correct and "
                "complete. I understand that I must tell the Council within 21 days if anyone aged 18 or over "
                "comes to live at the property, and that failure to do so may result in a penalty of GBP 70.")
    else:
        decl = ("I declare that the information I have given on this form is correct and complete. I understand "
                "that I am responsible for Council Tax until the date I have given and that the Council may check "
                "the information with other organisations.")
    y = draw_wrapped(c, decl, 40, y, W - 80, "Times-Roman", 9.5, 11.5) - 28
    c.setFont("Times-Italic", 14)
    c.setFillColor(INK)
    c.drawString(48, y + 3, f"{d['first']} {d['surname']}")
    c.setFillColor(colors.black)
    c.setLineWidth(0.6)
    c.line(40, y, 300, y)
    c.setFont("Times-Italic", 7.5)
    c.setFillColor(GREY)
    c.drawString(40, y - 9, "Signature")
    c.setFillColor(colors.black)
    date_comb(c, 330, y - 4, d["decl"], "Date signed (DD/MM/YYYY)")
    y -= 60
    # office use only
    c.setLineWidth(1)
    c.setDash(3, 2)
    c.rect(40, y - 90, W - 80, 96)
    c.setDash()
    c.setFont("Helvetica-Bold", 8)
    c.drawString(48, y - 8, "OFFICE USE ONLY - do not write in this box")
    c.setFont("Helvetica", 7.5)
    labs = (["Date received", "Property ref (UPRN)", "Discount from", "Checked by", "EROS checked Y/N",
             "Bill issued"] if spd else
            ["Date received", "Property ref (UPRN)", "Liability end/start", "Checked by", "New a/c no.",
             "Final bill issued"])
    for k, lab in enumerate(labs):
        xx = 48 + (k % 2) * 250
        yy = y - 28 - (k // 2) * 22
        c.drawString(xx, yy, lab)
        c.line(xx + 85, yy - 2, xx + 230, yy - 2)
    y -= 120
    ret = ("Please return this form to: Council Tax, Fenmarsh District Council, Fenmarsh House, Market Place, "
           "Fenmarsh FM1 1AA. You can also tell us online at www.fenmarsh.gov.uk/counciltax. We will use the "
           "information you give us to administer Council Tax. Our privacy notice is at www.fenmarsh.gov.uk/privacy.")
    draw_wrapped(c, ret, 40, y, W - 80, "Times-Roman", 8.5, 10.5)
    l3_footer(c, code)
    c.showPage()
    c.save()


# ----------------------------------------------------------------------------
# Layout 4: fillable AcroForm
# ----------------------------------------------------------------------------
def render_acro(path, d, lrng):
    move = d["form_type"] == "council_tax_move"
    dstyle = lrng.choice(["dmy/", "dmy/", "d/m/y", "dmy.", "iso", "long"])
    df = lambda x: fmt_date(x, dstyle) if x else ""
    title = "Moving home - Council Tax notification" if move else "Residents' parking permit application"
    c = new_canvas(path, title)
    af = c.acroForm
    c.setFillColor(colors.Color(.12, .25, .45))
    c.rect(0, H - 70, W, 70, fill=1, stroke=0)
    c.setFillColor(colors.white)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(40, H - 34, title)
    c.setFont("Helvetica", 9)
    c.drawString(40, H - 50, "Fenmarsh District Council  |  fillable form - complete on screen, save and email to "
                             + ("counciltax@fenmarsh.gov.uk" if move else "parking@fenmarsh.gov.uk"))
    c.setFillColor(colors.black)
    y = H - 96
    fill = colors.Color(.93, .95, 1)

    def sec(text):
        nonlocal y
        c.setFont("Helvetica-Bold", 10.5)
        c.setFillColor(colors.Color(.12, .25, .45))
        c.drawString(40, y, text)
        c.setStrokeColor(colors.Color(.12, .25, .45))
        c.line(40, y - 4, W - 40, y - 4)
        c.setStrokeColor(colors.black)
        c.setFillColor(colors.black)
        y -= 22

    def tf(name, label, value, x, w, tip=None):
        c.setFont("Helvetica", 8)
        c.drawString(x, y + 2, label)
        af.textfield(name=name, tooltip=tip or label, x=x, y=y - 18, width=w, height=16,
                     value=value or "", fontName="Helvetica", fontSize=9.5, borderWidth=0.6,
                     borderColor=colors.Color(.5, .5, .6), fillColor=fill, textColor=colors.black,
                     forceBorder=True)

    def row(step=36):
        nonlocal y
        y -= step

    if move:
        sec("1. Your move")
        c.setFont("Helvetica", 8.5)
        c.drawString(40, y, "Are you moving in or out?")
        for k, (val, lab) in enumerate([("in", "Moving into a Fenmarsh property"),
                                        ("out", "Moving out of a Fenmarsh property")]):
            af.radio(name="rbMoveType", tooltip="Moving in or out", value=val, selected=(d["move_type"] == val),
                     x=190 + k * 180, y=y - 3, size=12, buttonStyle="circle", shape="circle",
                     borderColor=colors.Color(.3, .3, .4), fillColor=fill, forceBorder=True)
            c.drawString(206 + k * 180, y, lab)
        y -= 26
        sec("2. Your details")
        tf("txtTitle", "Title", d["title"], 40, 50)
        tf("txtForename", "First name(s)", d["first"], 100, 190)
        tf("txtSurname", "Surname", d["surname"], 300, W - 340)
        row()
        tf("txtPhone", "Phone", d["phone"], 40, 180)
        tf("txtEmail", "Email", d["email"], 230, W - 270)
        row(40)
        sec("3. Address you are leaving")
        c.setFont("Helvetica-Oblique", 7.5)
        c.drawString(40, y + 8, "Leave blank if you are moving into the district from outside.")
        y -= 6
        tf("txtAccountNo", "Council Tax account number", fmt_acc(d["account_ref"], d["acc_style"])
           if d["account_ref"] else "", 40, 160)
        row()
        pv = d["prev"] if d["move_type"] == "out" else None
        tf("txtPrevAddress1", "Address line 1", pv["lines"][0] if pv else "", 40, 300)
        tf("txtPrevTown", "Town", pv["lines"][1] if pv else "", 350, 120)
        tf("txtPrevPostcode", "Postcode", fmt_pc(pv["pc"], d["pc_style"]) if pv else "", 480, W - 520)
        row(40)
        lab4 = "4. Your new address" if d["move_type"] == "in" else "4. Your forwarding address"
        sec(lab4)
        nw = d["new"]
        tf("txtNewAddress1", "Address line 1", nw["lines"][0], 40, 300)
        tf("txtNewTown", "Town", nw["lines"][1], 350, 120)
        tf("txtNewPostcode", "Postcode", fmt_pc(nw["pc"], d["pc_style"]) if d["move_type"] == "in" else nw["pc"],
           480, W - 520)
        row()
        tf("dtMoveDate", "Date of move (dd/mm/yyyy)", df(d["move_date"]), 40, 120)
        row(40)
        guidance = ("You are responsible for Council Tax at a property until the day before you move out. If you "
                    "are moving within Fenmarsh please complete one form for each property. We will send a final "
                    "bill, or a new bill, within 10 working days.")
    else:
        sec("1. Applicant")
        tf("txtTitle", "Title", d["title"], 40, 50)
        tf("txtForename", "First name(s)", d["first"], 100, 190)
        tf("txtSurname", "Surname", d["surname"], 300, W - 340)
        row()
        tf("txtAddress1", "Address line 1", d["lines"][0], 40, 300)
        tf("txtTown", "Town", d["lines"][1], 350, 120)
        tf("txtPostcode", "Postcode", fmt_pc(d["postcode"], d["pc_style"]), 480, W - 520)
        row()
        tf("txtPhone", "Phone", d["phone"], 40, 180)
        tf("txtEmail", "Email", d["email"], 230, W - 270)
        row(40)
        sec("2. Vehicle")
        tf("txtVRM", "Vehicle registration", fmt_vrm(d["vrm"], d["vrm_style"]), 40, 140)
        tf("txtMake", "Make", d["make"], 195, 150)
        c.setFont("Helvetica", 8)
        c.drawString(360, y + 2, "Permit zone")
        af.choice(name="cboZone", tooltip="Permit zone", value=d["zone"], options=["A", "B", "B2", "C"],
                  x=360, y=y - 18, width=60, height=16, fontName="Helvetica", fontSize=9.5,
                  borderColor=colors.Color(.5, .5, .6), fillColor=fill, forceBorder=True)
        row()
        sec("3. Permit")
        tf("dtStartDate", "Permit to start on", df(d["start"]), 40, 120)
        row(40)
        guidance = ("Resident permits are valid for 12 months from the start date. No more than two permits can "
                    "be held for one address. The vehicle must be registered to you at the address given, or you "
                    "must send proof that you keep it there (for example a company car letter).")
    sec("Declaration")
    y = draw_wrapped(c, guidance, 40, y + 4, W - 80, "Helvetica-Oblique", 8, 10, GREY) - 6
    af.checkbox(name="chkDeclaration", tooltip="Declaration", checked=True, x=40, y=y - 12, size=12,
                buttonStyle="check", borderColor=colors.Color(.3, .3, .4), fillColor=fill, forceBorder=True)
    draw_wrapped(c, "I confirm that the information I have given is true and complete, and I understand that "
                    "giving false information is an offence.", 58, y - 3, W - 100, "Helvetica", 8.5, 10.5)
    y -= 46
    tf("dtDeclarationDate", "Date", df(d["decl"]), 40, 120)
    # office use
    c.setFont("Helvetica", 7)
    c.setFillColor(GREY)
    c.drawString(40, 40, "Office use: received ______  keyed ______  " + ("CTR ______" if move else "permit no. ______"))
    c.drawRightString(W - 40, 40, "FDC-" + ("CT-MOV" if move else "PK-01") + " v3.2  fillable")
    c.setFillColor(colors.black)
    c.showPage()
    c.save()


# ----------------------------------------------------------------------------
# Layout 5: correspondence (letters and printed emails)
# ----------------------------------------------------------------------------
def corr_items():
    items = []

    def resident(pred=lambda p: True, sole=True):
        p = claim(pred)
        a = new_person()
        acc = add_account(p, [a["full"]], "active", rand_date(dt.date(2010, 1, 1), dt.date(2024, 1, 1)), None, "")
        add_elector(p, a["full"])
        return p, a, acc

    # 1 letter missed bin
    p, a, acc = resident()
    d1 = rand_date(dt.date(2026, 11, 23), dt.date(2026, 12, 2))
    items.append({"kind": "letter", "topic": "missed_bin", "reasons": [], "sender": a["full"],
                  "addr": [p["address_line_1"], p["town"]], "pc": p["postcode"], "account": None,
                  "letter_date": d1 + dt.timedelta(days=2), "to": ["Waste and Recycling", "Fenmarsh District Council",
                                                                   "Fenmarsh House", "Market Place", "Fenmarsh",
                                                                   "FM1 1AA"],
                  "salutation": "Dear Sir or Madam,", "close": "Yours faithfully,",
                  "paras": [f"Re: Missed bin collection, {p['address_line_1']}",
                            f"My black general waste bin was due to be emptied on {long_with_day(d1)} but it was "
                            "not collected. It was out at the kerb by 7am as usual and the bins either side of mine "
                            "were emptied.",
                            "This is the second time this has happened since the collection rounds changed. Please "
                            "could you arrange for the crew to come back for it as soon as possible, as it is now full.",
                            ], "dates": [d1]})
    # 2 forwarded email missed bin
    p, a, acc = resident()
    d2 = rand_date(dt.date(2026, 11, 20), dt.date(2026, 12, 3))
    items.append({"kind": "email_fwd", "topic": "missed_bin", "reasons": [], "sender": a["full"],
                  "email": email_for(a), "addr": [p["address_line_1"], p["town"]], "pc": p["postcode"],
                  "account": None, "subject": "Recycling not collected",
                  "sent": d2 + dt.timedelta(days=1),
                  "salutation": "Hello,", "close": "Thanks,",
                  "paras": [f"Our blue recycling bin wasn't emptied on {long_with_day(d2)}. I live at "
                            f"{p['address_line_1']}, {p['town']} {p['postcode']}.",
                            "The lorry came down the road but missed our side. Could someone come back for it please? "
                            "We have a lot of cardboard waiting."],
                  "dates": [d2], "fwd_by": "Lisa Harrold", "fwd_note":
                      "Hi Waste team, passing this on from the contact centre inbox. Can you log it please? Thanks, Lisa"})
    # 3 letter council tax query with account
    p, a, acc = resident()
    bill = dt.date(2026, 11, 2)
    items.append({"kind": "letter", "topic": "council_tax_query", "reasons": [], "sender": a["full"],
                  "addr": [p["address_line_1"], p["town"]], "pc": p["postcode"], "account": acc["account_ref"],
                  "acc_disp": fmt_acc(acc["account_ref"], "space"),
                  "letter_date": dt.date(2026, 11, 28),
                  "to": ["Council Tax Section", "Fenmarsh District Council", "Fenmarsh House", "Market Place",
                         "Fenmarsh", "FM1 1AA"],
                  "salutation": "Dear Sir/Madam,", "close": "Yours faithfully,",
                  "paras": [f"Council Tax account number {fmt_acc(acc['account_ref'], 'space')}",
                            f"I have received an amended bill dated {fmt_date(bill, 'long')} which shows a balance "
                            "of GBP 212.40 still to pay this year. I have paid every instalment by Direct Debit and "
                            "I do not understand why the amount has gone up.",
                            "Please could you explain how the new balance has been worked out, and confirm what my "
                            "monthly instalments will be from now until March."], "dates": [bill]})
    # 4 email council tax query, account only
    p, a, acc = resident()
    dd = dt.date(2027, 1, 15)
    items.append({"kind": "email", "topic": "council_tax_query", "reasons": [], "sender": a["full"],
                  "email": email_for(a), "addr": None, "pc": None, "account": acc["account_ref"],
                  "subject": f"Council Tax direct debit - account {fmt_acc(acc['account_ref'], 'ct')}",
                  "sent": dt.date(2026, 12, 3),
                  "salutation": "Dear Council Tax team,", "close": "Kind regards,",
                  "paras": [f"My Council Tax account number is {fmt_acc(acc['account_ref'], 'ct')}.",
                            "I would like to change the date my Direct Debit is collected from the 1st of the month "
                            f"to the 15th, starting with the payment on {fmt_date(dd, 'long')}, as my pay date has "
                            "changed.",
                            "Could you confirm this has been done and whether my instalment amounts will change?"],
                  "dates": [dd]})
    # 5 letter complaint
    p, a, acc = resident()
    r1 = dt.date(2026, 10, 14)
    items.append({"kind": "letter", "topic": "complaint", "reasons": [], "sender": a["full"],
                  "addr": [p["address_line_1"], p["town"]], "pc": p["postcode"], "account": None,
                  "letter_date": dt.date(2026, 12, 1),
                  "to": ["Complaints Officer", "Fenmarsh District Council", "Fenmarsh House", "Market Place",
                         "Fenmarsh", "FM1 1AA"],
                  "salutation": "Dear Complaints Officer,", "close": "Yours sincerely,",
                  "paras": ["Formal complaint",
                            "I wish to make a formal complaint about the way my report of a blocked drainage ditch "
                            f"behind {p['address_line_1']} has been handled. I first reported it on "
                            f"{fmt_date(r1, 'long')} and was told someone would call me back within ten working days.",
                            "Nobody has contacted me since, despite two further phone calls, and the garden flooded "
                            "again last week. I am very unhappy with the lack of response and would like a written "
                            "explanation and a date when the ditch will be cleared."], "dates": [r1]})
    # 6 letter FOI with address
    p, a, acc = resident()
    fa, fb = dt.date(2025, 4, 1), dt.date(2026, 3, 31)
    items.append({"kind": "letter", "topic": "foi_request", "reasons": [], "sender": a["full"],
                  "addr": [p["address_line_1"], p["town"]], "pc": p["postcode"], "account": None,
                  "letter_date": dt.date(2026, 11, 30),
                  "to": ["Information Governance Team", "Fenmarsh District Council", "Fenmarsh House",
                         "Market Place", "Fenmarsh", "FM1 1AA"],
                  "salutation": "Dear Sir or Madam,", "close": "Yours faithfully,",
                  "paras": ["Request for information under the Freedom of Information Act 2000",
                            f"Please provide the following information for the period {fmt_date(fa, 'long')} to "
                            f"{fmt_date(fb, 'long')}:",
                            "1. the number of residents' parking permits issued in each permit zone; "
                            "2. the total income received from residents' parking permits; and "
                            "3. the number of penalty charge notices issued in each zone.",
                            "I would be happy to receive the information by email or as a spreadsheet."],
                  "dates": [fa, fb]})
    # 7 email other (hall hire) with address in signature
    p, a, acc = resident()
    hd = dt.date(2027, 3, 20)
    items.append({"kind": "email", "topic": "other", "reasons": [], "sender": a["full"], "email": email_for(a),
                  "addr": [p["address_line_1"], p["town"]], "pc": p["postcode"], "account": None,
                  "subject": "Booking the Town Hall", "sent": dt.date(2026, 12, 2),
                  "salutation": "Hello,", "close": "Many thanks,",
                  "paras": [f"I would like to hire the main hall at Fenmarsh Town Hall for a family 60th birthday party "
                            f"on {long_with_day(hd)}, from about 6pm until 11pm, for around 80 guests.",
                            "Could you let me know if the hall is free that evening, what the hire charge is, and "
                            "whether we can use the kitchen and bring our own caterer?"],
                  "sig_addr": True, "dates": [hd]})
    # 8 email FOI, name and email only -> SENDER_UNKNOWN
    n8 = new_person()
    f1, f2 = dt.date(2023, 1, 1), dt.date(2026, 11, 30)
    items.append({"kind": "email", "topic": "foi_request", "reasons": ["SENDER_UNKNOWN"], "sender": n8["full"],
                  "email": email_for(n8), "addr": None, "pc": None, "account": None,
                  "subject": "FOI request - pest control contracts", "sent": dt.date(2026, 12, 4),
                  "salutation": "Dear FOI Officer,", "close": "Regards,",
                  "paras": ["Under the Freedom of Information Act 2000, please send me:",
                            f"(a) copies of any contracts the council has held for pest control services between "
                            f"{fmt_date(f1, 'long')} and {fmt_date(f2, 'long')}; (b) the total amount paid under "
                            "each contract; and (c) the number of rat and mouse treatments carried out each year.",
                            "Please reply by email."], "dates": [f1, f2]})
    # 9 anonymous letter complaint -> SENDER_UNKNOWN
    items.append({"kind": "letter", "topic": "complaint", "reasons": ["SENDER_UNKNOWN"], "sender": None,
                  "addr": None, "pc": None, "account": None, "letter_date": None,
                  "to": ["The Chief Executive", "Fenmarsh District Council", "Market Place", "Fenmarsh"],
                  "salutation": "Dear Sir,", "close": "A very fed up resident",
                  "paras": ["I am writing to complain about the state of the public toilets in the Market Place car "
                            "park. They have been locked most days for the last month and when they are open they "
                            "are filthy. There is no sign to say when they will be repaired.",
                            "This is not good enough for a town that wants visitors. I pay my Council Tax like "
                            "everyone else and expect basic facilities to be kept open and clean.",
                            "I do not wish to give my name."], "dates": []})
    # 10 forwarded email council tax query quoting unknown ref -> ACCOUNT_NOT_FOUND
    p, a, acc = resident()
    bad = unknown_ref()
    items.append({"kind": "email_fwd", "topic": "council_tax_query", "reasons": ["ACCOUNT_NOT_FOUND"],
                  "sender": a["full"], "email": email_for(a), "addr": [p["address_line_1"], p["town"]],
                  "pc": p["postcode"], "account": bad, "subject": f"Council tax ref {fmt_acc(bad, 'dash')}",
                  "sent": dt.date(2026, 12, 1),
                  "salutation": "Dear Sir or Madam,", "close": "Yours faithfully,",
                  "paras": [f"Reference: {fmt_acc(bad, 'dash')}",
                            "I have had a reminder notice saying I have missed a payment, but my bank statement "
                            "shows the Direct Debit was taken as normal. Please could you look into this and confirm "
                            "that my account is up to date?"],
                  "sig_addr": True, "dates": [], "fwd_by": "Ben Oduya",
                  "fwd_note": "Forwarding to Revenues - customer emailed the general enquiries address. Ben"})
    return items


def corr_truth(it):
    f = {"topic": it["topic"]}
    if it["sender"]:
        f["sender_name"] = it["sender"]
    if it["addr"]:
        f["address"] = it["addr"][0]
        f["postcode"] = it["pc"]
    if it["account"]:
        f["account_ref"] = it["account"]
    if it["dates"]:
        seen = []
        for x in it["dates"]:
            if x.isoformat() not in seen:
                seen.append(x.isoformat())
        f["dates_mentioned"] = seen
    f["body"] = " ".join(" ".join([it["salutation"]] + it["paras"] + [it["close"]]).split())
    return f


def render_letter(path, it, lrng):
    font = lrng.choice([("Times-Roman", "Times-Bold"), ("Helvetica", "Helvetica-Bold"), ("Courier", "Courier-Bold")])
    fn, fb = font
    size = 10.5 if fn != "Courier" else 9.5
    c = new_canvas(path, "Scanned correspondence", author="Fenmarsh DC Post Room")
    y = H - 60
    if it["addr"]:
        for line in it["addr"] + [it["pc"]]:
            c.setFont(fn, size)
            c.drawRightString(W - 60, y, line)
            y -= size * 1.3
        y -= 8
    if it["letter_date"]:
        c.setFont(fn, size)
        c.drawRightString(W - 60, y, fmt_date(it["letter_date"], "long"))
        y -= 24
    for line in it["to"]:
        c.setFont(fn, size)
        c.drawString(60, y, line)
        y -= size * 1.3
    y -= 18
    c.drawString(60, y, it["salutation"])
    y -= 22
    for k, para in enumerate(it["paras"]):
        if k == 0 and (para.startswith("Re:") or para in ("Formal complaint",) or para.startswith("Request") or
                       para.startswith("Council Tax account")):
            c.setFont(fb, size)
            for line in wrap(para, fb, size, W - 120):
                c.drawString(60, y, line)
                y -= size * 1.35
            y -= 8
            continue
        y = draw_wrapped(c, para, 60, y, W - 120, fn, size, size * 1.35) - 8
    y -= 6
    c.setFont(fn, size)
    c.drawString(60, y, it["close"])
    if it["sender"]:
        c.setFont("Times-Italic", 16)
        c.setFillColor(colors.Color(.1, .1, .35))
        c.drawString(64, y - 30, it["sender"].split()[0][0] + ". " + it["sender"].split()[-1])
        c.setFillColor(colors.black)
        c.setFont(fn, size)
        c.drawString(60, y - 50, it["sender"])
    # post room stamp
    if it["letter_date"]:
        sd = it["letter_date"] + dt.timedelta(days=lrng.randint(2, 4))
    else:
        sd = dt.date(2026, 12, 3)
    c.saveState()
    c.translate(W - 170, H - 200 if it["addr"] else H - 100)
    c.rotate(8)
    c.setStrokeColor(colors.Color(.75, .1, .1))
    c.setFillColor(colors.Color(.75, .1, .1))
    c.setLineWidth(1.4)
    c.roundRect(0, 0, 110, 38, 4)
    c.setFont("Helvetica-Bold", 8)
    c.drawCentredString(55, 26, "FENMARSH D.C.")
    c.setFont("Helvetica-Bold", 9)
    c.drawCentredString(55, 14, "RECEIVED " + sd.strftime("%d %b %Y").upper())
    c.setFont("Helvetica", 6.5)
    c.drawCentredString(55, 5, "POST ROOM")
    c.restoreState()
    c.setFont("Helvetica", 6.5)
    c.setFillColor(GREY)
    c.drawString(20, 14, f"Scanned by Fenmarsh DC post room  batch {lrng.randint(2000, 2999)}  "
                         f"image {lrng.randint(1, 80):03d}")
    c.setFillColor(colors.black)
    c.showPage()
    c.save()


def render_email(path, it, lrng):
    c = new_canvas(path, it["subject"], author="Fenmarsh DC Mail")
    y = H - 46
    mailbox = "Customer Services" if it["kind"] == "email_fwd" else lrng.choice(
        ["Council Tax Mailbox", "Contact Us", "Information Governance"])
    c.setFont("Helvetica-Bold", 11)
    c.drawString(40, y, mailbox)
    c.setLineWidth(1.2)
    c.line(40, y - 6, W - 40, y - 6)
    y -= 30
    sent = it["sent"]
    t = f"{lrng.randint(7, 21):02d}:{lrng.randint(0, 59):02d}"

    def hdr(lines, y):
        for k, v in lines:
            c.setFont("Helvetica-Bold", 9.5)
            c.drawString(40, y, k)
            c.setFont("Helvetica", 9.5)
            c.drawString(100, y, v)
            y -= 13
        return y

    who = f"{it['sender']} <{it['email']}>"
    body_x = 40
    if it["kind"] == "email_fwd":
        fwd_date = sent + dt.timedelta(days=1)
        fwd_addr = it["fwd_by"].lower().replace(" ", ".") + "@fenmarsh.gov.uk"
        y = hdr([("From:", f"{it['fwd_by']} <{fwd_addr}>"),
                 ("Sent:", f"{fwd_date.strftime('%A')}, {fwd_date.day} {MONTHS[fwd_date.month - 1]} "
                           f"{fwd_date.year} {int(t[:2]) % 9 + 9}:{t[3:]}"),
                 ("To:", "revenues@fenmarsh.gov.uk" if it["topic"] == "council_tax_query"
                  else "waste@fenmarsh.gov.uk"),
                 ("Subject:", "FW: " + it["subject"])], y) - 14
        y = draw_wrapped(c, it["fwd_note"], 40, y, W - 80, "Helvetica", 10, 13) - 14
        c.setFont("Helvetica", 9.5)
        c.drawString(40, y, "---------- Forwarded message ---------")
        y -= 14
        y = hdr([("From:", who),
                 ("Date:", f"{sent.strftime('%a')}, {sent.day} {MONTHS[sent.month - 1][:3]} {sent.year} at {t}"),
                 ("Subject:", it["subject"]),
                 ("To:", "contact@fenmarsh.gov.uk")], y) - 16
    else:
        y = hdr([("From:", who),
                 ("Sent:", f"{sent.strftime('%A')}, {sent.day} {MONTHS[sent.month - 1]} {sent.year} {t}"),
                 ("To:", {"foi_request": "foi@fenmarsh.gov.uk", "council_tax_query": "counciltax@fenmarsh.gov.uk"}
                  .get(it["topic"], "contact@fenmarsh.gov.uk")),
                 ("Subject:", it["subject"])], y) - 8
        c.setLineWidth(0.4)
        c.line(40, y, W - 40, y)
        y -= 22
    fn, size = "Helvetica", 10.5
    c.setFont(fn, size)
    c.drawString(body_x, y, it["salutation"])
    y -= 20
    for para in it["paras"]:
        y = draw_wrapped(c, para, body_x, y, W - 80, fn, size, 14) - 8
    y -= 4
    c.setFont(fn, size)
    c.drawString(body_x, y, it["close"])
    y -= 15
    c.drawString(body_x, y, it["sender"])
    y -= 15
    if it.get("sig_addr"):
        for line in it["addr"] + [it["pc"]]:
            c.setFont(fn, 9.5)
            c.setFillColor(GREY)
            c.drawString(body_x, y, line)
            y -= 12.5
        c.setFillColor(colors.black)
    c.setFont("Helvetica", 7)
    c.setFillColor(GREY)
    c.drawString(40, 24, "Printed from Fenmarsh DC shared mailbox  |  OFFICIAL")
    c.drawRightString(W - 40, 24, "1")
    c.setFillColor(colors.black)
    c.showPage()
    c.save()


# ----------------------------------------------------------------------------
# records workbook
# ----------------------------------------------------------------------------
def write_workbook(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "properties"
    cols = ["uprn", "address_line_1", "address_line_2", "town", "postcode", "council_tax_band", "ward",
            "parking_zone"]
    ws.append(cols)
    for p in sorted(PROPS, key=lambda x: x["uprn"]):
        ws.append([p[k] if p[k] != "" else None for k in cols])
    ws = wb.create_sheet("council_tax_accounts")
    cols = ["account_ref", "uprn", "liable_parties", "status", "start_date", "end_date", "discounts"]
    ws.append(cols)
    for a in sorted(ACCOUNTS, key=lambda x: (x["uprn"], x["start_date"])):
        ws.append([a["account_ref"], a["uprn"], a["liable_parties"], a["status"], a["start_date"],
                   a["end_date"], a["discounts"] or None])
    for row in ws.iter_rows(min_row=2):
        row[0].number_format = "@"
        row[4].number_format = "yyyy-mm-dd"
        row[5].number_format = "yyyy-mm-dd"
    ws = wb.create_sheet("electoral_register")
    ws.append(["elector_number", "full_name", "uprn"])
    for e in sorted(ELECTORS, key=lambda x: (x["elector_number"].split("-")[0], int(x["elector_number"].split("-")[1]))):
        ws.append([e["elector_number"], e["full_name"], e["uprn"]])
    ws = wb.create_sheet("parking_permits")
    ws.append(["permit_ref", "uprn", "vrm", "zone", "valid_from", "valid_to"])
    for x in sorted(PERMITS, key=lambda x: x["permit_ref"]):
        ws.append([x["permit_ref"], x["uprn"], x["vrm"], x["zone"], x["valid_from"], x["valid_to"]])
    for row in ws.iter_rows(min_row=2):
        row[4].number_format = "yyyy-mm-dd"
        row[5].number_format = "yyyy-mm-dd"
    for w in wb.worksheets:
        for cell in w[1]:
            cell.font = Font(bold=True)
        for col, width in zip("ABCDEFGH", [16, 26, 18, 18, 12, 14, 20, 14]):
            w.column_dimensions[col].width = width
    fixed = dt.datetime(2026, 12, 7, 6, 0, 0)
    wb.properties.creator = "Fenmarsh DC records extract"
    wb.properties.created = fixed
    wb.properties.modified = fixed
    buf = io.BytesIO()
    wb.save(buf)
    # rewrite the zip with fixed timestamps so the file is byte-stable
    zin = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "docProps/core.xml":
                import re
                data = re.sub(rb"<dcterms:modified[^>]*>[^<]*</dcterms:modified>",
                              b'<dcterms:modified xsi:type="dcterms:W3CDTF">2026-12-07T06:00:00Z</dcterms:modified>',
                              data)
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 12, 7, 6, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(zi, data)


# ----------------------------------------------------------------------------
# main
# ----------------------------------------------------------------------------
PLAN = [
    # layout, form type, scenario kinds
    ("eform_summary", "council_tax_spd", ["clean"] * 4 + ["ACCOUNT_NOT_FOUND", "DATE_TOO_OLD", "DUP"]),
    ("eform_summary", "council_tax_move", [("clean", "out"), ("clean", "in"), ("clean", "out"), ("clean", "in"),
                                           ("ADDRESS_MISMATCH", "out"), ("DATE_IN_FUTURE", "out")]),
    ("eform_summary", "parking_permit", ["clean"] * 4 + ["NOT_IN_PERMIT_ZONE", "VRM_HAS_PERMIT"]),
    ("paper_two_column", "council_tax_spd", ["clean"] * 3 + ["NAME_MISMATCH", "OTHER_ADULTS_REGISTERED",
                                                              "MISSING_FIELD:declaration_date"]),
    ("paper_two_column", "parking_permit", ["clean"] * 3 + ["PROPERTY_NOT_FOUND", "INVALID_FORMAT:vrm",
                                                             "PERMIT_CAP_REACHED"]),
    ("paper_captions_2page", "council_tax_spd", ["clean"] * 3 + ["ADDRESS_MISMATCH", "DISCOUNT_ALREADY_APPLIED",
                                                                  "DUP"]),
    ("paper_captions_2page", "council_tax_move", [("clean", "out"), ("clean", "in"), ("clean", "out"),
                                                  ("ACCOUNT_NOT_FOUND", "out"), ("MISSING_FIELD:move_date", "out")]),
    ("acroform_fillable", "council_tax_move", [("clean", "in"), ("clean", "out"), ("clean", "in"),
                                               ("PROPERTY_NOT_FOUND", "in"), ("DATE_TOO_OLD", "out")]),
    ("acroform_fillable", "parking_permit", ["clean"] * 3 + ["NOT_RESIDENT", "DATE_IN_FUTURE"]),
]

RENDER = {"eform_summary": render_eform, "paper_two_column": render_paper2col,
          "paper_captions_2page": render_caption, "acroform_fillable": render_acro}


README_TEXT = """# Blind test set 34 - Fenmarsh District Council

Fenmarsh District Council is an (invented) district council in the East of England (Fenmarsh town, with the
villages of Wexley St Mary, Saltney Fen and Cattersby). Its online forms run on a commercial e-forms platform
("Lumen Forms", also invented); paper and fillable PDF forms and letters/emails arrive by post and email.
All postcodes in the district use the made-up area FM (FM1 to FM7; FM3 is a new-build estate not yet in the
gazetteer). Forwarding and previous addresses outside the district use real outward codes (PE, CB, IP, NR) with
made-up inward codes. Phone numbers use the Ofcom drama ranges (01632 960xxx, 07700 900xxx); emails use
example.* domains.

**As-of date: 2026-12-07.** Every outcome in truth.jsonl was computed against records.xlsx at that date.

Produced by `gen.py` (seeded, deterministic: running it again rewrites byte-identical files).

## Files
- `records.xlsx` - sheets properties, council_tax_accounts, electoral_register, parking_permits, with the
  columns of records.md. Names are held without titles. Dates are real Excel dates.
- `inbox/doc_NNNN.pdf` - %(n)d PDFs in shuffled order; the name says nothing about type or outcome.
- `truth.jsonl` - one object per file: file, form_type, fields, outcome, reasons, layout, split
  (and duplicate_group on the duplicate pair).

## Layouts
1. `eform_summary` - PDF export of an online e-form submission: green council banner, a case reference and
   "Submitted on" block, then a two-column table with the question on the left and the answer on the right,
   shaded section rows spanning both columns, long question wordings, answers like "I am moving out of the
   district", "Zone B2", "I agree"; platform footer. Carries council_tax_spd, council_tax_move, parking_permit.
2. `paper_two_column` - a printed paper form (CT/SPD1, PK/RES1) laid out in two columns with numbered questions
   (Q1, Q2 ...) and dotted answer lines, the answers typed on the lines in blue Courier; guidance box,
   declaration with signature and date, office-use-only box, form code footer. Carries council_tax_spd and
   parking_permit.
3. `paper_captions_2page` - a two-page paper form (REV 21 SPD, REV 14 CoA) where the labels are small italic
   captions under the answer lines; Title / Forename(s) / Surname on separate lines, comb boxes for the account
   number, postcode and DD/MM/YYYY dates, tick boxes for moving in/out; page 2 holds contact details, the
   declaration and an office-use-only box. Carries council_tax_spd and council_tax_move.
4. `acroform_fillable` - a fillable PDF (AcroForm) whose answers are field values: txtTitle, txtForename,
   txtSurname, txtAccountNo, txtPrevAddress1/Town/Postcode, txtNewAddress1/Town/Postcode, dtMoveDate,
   rbMoveType (in/out), txtAddress1, txtTown, txtPostcode, txtVRM, txtMake, cboZone, dtStartDate, txtPhone,
   txtEmail, chkDeclaration, dtDeclarationDate. The page itself carries only the labels. Carries
   council_tax_move and parking_permit.
5. `correspondence` - letters as the post room scans them (sender address top right, date, council address,
   salutation, body, signature, a red RECEIVED stamp) and emails printed from shared mailboxes (From/Sent/To/
   Subject headers), two of them forwarded with a "---------- Forwarded message ---------" block.

## Counts
%(counts)s

## Truth conventions
- Normal forms as forms.md: dates ISO, postcodes upper case with one space, account_ref 8 digits (written on
  the forms as 40123456, 4012 3456, 4012-3456 or CT40123456), vrm upper case without spaces.
- `applicant_name`: as written. Where a form has separate Title / Forename(s) / Surname answers
  (`paper_captions_2page`, `acroform_fillable`) the truth joins the non-blank parts as "Title Forenames Surname"
  with single spaces (e.g. "Mr Stephen Cooper"; no title box filled -> "Stephen Cooper"). Titles are kept.
- `address`, `previous_address`, `new_address`: the first line only (house number and street); the town line
  is not recorded.
- `council_tax_move`: `move_type` is "in"/"out" from the answer ("I am moving into/out of the district", the
  ticked box, or the rbMoveType radio value). For "out", `new_address`/`new_postcode` are the forwarding
  address. For "in", a previous address is recorded as `previous_address`/`previous_postcode` when the form
  gives one (e-form and caption layouts only); `account_ref` is absent on moves in.
- `zone`: the code only ("Zone B2" on the e-form -> "B2").
- `other_adult_forwarding_address` and `change_description`: as written, whitespace collapsed (wrapped lines
  joined with one space).
- `declaration_date`: the date beside the signature / "Date of declaration". The e-form's "Submitted on" time
  and the case reference are not fields. Signatures are not fields.
- An invalid registration (INVALID_FORMAT:vrm) is still recorded in `fields.vrm`, normalised (upper case, no
  spaces).
- A blank answer is absent from `fields` (e.g. the unsigned-date form has no `declaration_date`; the form with
  the move date boxes left empty has no `move_date`).
- Correspondence: `sender_name` is the name the writer signs with (printed name under a letter's signature, or
  the name under an email's sign-off); the anonymous letter has none. `address`/`postcode` come from the sender's
  address block, email signature, or the body ("I live at ..."). `account_ref` is any council tax reference
  quoted. `body` is the message from the salutation to the complimentary close inclusive ("Dear ... Yours
  faithfully,"), whitespace collapsed, including any "Re:"/subject line written inside the letter; it excludes
  letterheads, address blocks, the letter's date line, the post-room stamp, email headers, the forwarding
  officer's note, and the signature name/address. `dates_mentioned` lists, in order of first appearance, the
  dates written in that body only (not the letter date, stamp date or email header dates).
- Correspondence outcome: approved when the topic is clear, a sender name is given and the sender's address
  (first line + postcode) is a property in the gazetteer or the quoted account exists; SENDER_UNKNOWN when there
  is no name, or no matching address and no matching account; ACCOUNT_NOT_FOUND when a quoted reference does not
  exist (that sender's address does match a property, so SENDER_UNKNOWN does not also apply).
- Each exception was built to fail exactly one check (all other checks pass under any reading of the spec:
  e.g. the SPD with a non-existent account is at a real property where the applicant is liable and the only
  elector; the mismatched addresses are house numbers that do not exist in the gazetteer). Every submission
  uses a different property and account, so approving one never changes another's outcome. The only exception
  is the duplicate pair (`duplicate_group` "dup-spd-1"): the same SPD application sent online and on paper for
  the same account, otherwise clean; both carry outcome "duplicate_pair".
- `split`: "learn" on the first two approved forms (in file-name order) of each layout and form type, "test"
  on everything else.
"""


def write_readme(rows):
    from collections import Counter
    lines = ["| form type | layout | approved | exception | duplicate_pair |", "| --- | --- | --- | --- | --- |"]
    keys = []
    for r in rows:
        k = (r["form_type"], r["layout"])
        if k not in keys:
            keys.append(k)
    keys.sort()
    for k in keys:
        cnt = Counter(r["outcome"] for r in rows if (r["form_type"], r["layout"]) == k)
        lines.append(f"| {k[0]} | {k[1]} | {cnt['approved']} | {cnt['exception']} | {cnt['duplicate_pair']} |")
    tot = Counter(r["outcome"] for r in rows)
    lines.append(f"| **all** | | {tot['approved']} | {tot['exception']} | {tot['duplicate_pair']} |")
    reasons = Counter(x for r in rows for x in r["reasons"])
    lines.append("")
    lines.append("Reason codes: " + ", ".join(f"{k} x{v}" for k, v in sorted(reasons.items())))
    with open(os.path.join(OUT, "README.md"), "w") as fh:
        fh.write(README_TEXT % {"n": len(rows), "counts": "\n".join(lines)})



def main():
    build_world()
    docs = []  # (layout, canonical, outcome, reasons, extra)
    dup = None
    for layout, ftype, kinds in PLAN:
        for k in kinds:
            if ftype == "council_tax_spd":
                if k == "DUP":
                    if dup is None:
                        dup = spd_scenario("clean")
                        dup["dup_paper_decl"] = dup["decl"] - dt.timedelta(days=rng.randint(4, 9))
                    dd = dict(dup)
                    if layout == "paper_captions_2page":
                        dd["decl"] = dup["dup_paper_decl"]
                    docs.append((layout, dd, "duplicate_pair", [], {"duplicate_group": "dup-spd-1"}))
                    continue
                cd = spd_scenario(k)
            elif ftype == "council_tax_move":
                cd = move_scenario(k[0], k[1])
                k = k[0]
            else:
                cd = parking_scenario(k)
            if layout == "acroform_fillable" and cd.get("move_type") == "in":
                cd["prev"] = None  # the fillable form has no previous-address box for moves in
            if k == "clean":
                docs.append((layout, cd, "approved", [], {}))
            else:
                docs.append((layout, cd, "exception", [k], {}))
    corr = corr_items()
    for it in corr:
        docs.append(("correspondence", it, "exception" if it["reasons"] else "approved", it["reasons"], {}))

    # neutral shuffled names
    order = list(range(len(docs)))
    rng.shuffle(order)
    inbox = os.path.join(OUT, "inbox")
    if os.path.isdir(inbox):
        shutil.rmtree(inbox)
    os.makedirs(inbox)
    rows = []
    for pos, idx in enumerate(order):
        name = f"doc_{pos + 1:04d}.pdf"
        layout, cd, outcome, reasons, extra = docs[idx]
        lrng = random.Random(SEED * 1000 + idx)
        path = os.path.join(inbox, name)
        if layout == "correspondence":
            (render_letter if cd["kind"] == "letter" else render_email)(path, cd, lrng)
            ftype, fields = "correspondence", corr_truth(cd)
        else:
            RENDER[layout](path, cd, lrng)
            ftype, fields = cd["form_type"], truth_fields(cd)
        row = {"file": name, "form_type": ftype, "fields": fields, "outcome": outcome, "reasons": reasons,
               "layout": layout}
        row.update(extra)
        rows.append(row)
    rows.sort(key=lambda r: r["file"])
    seen = {}
    for r in rows:
        key = (r["layout"], r["form_type"])
        if r["outcome"] == "approved" and seen.get(key, 0) < 2:
            seen[key] = seen.get(key, 0) + 1
            r["split"] = "learn"
        else:
            r["split"] = "test"
    with open(os.path.join(OUT, "truth.jsonl"), "w") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    write_workbook(os.path.join(OUT, "records.xlsx"))
    write_readme(rows)
    print(f"wrote {len(rows)} files, {len(PROPS)} properties, {len(ACCOUNTS)} accounts, "
          f"{len(ELECTORS)} electors, {len(PERMITS)} permits")


if __name__ == "__main__":
    main()
