#!/usr/bin/env python3
"""Blind test set 44: Pennock Vale District Council.

Deterministic (seed 44044).  Writes next to itself:
  records.xlsx, inbox/doc_NNNN.pdf, truth.jsonl
Run:  python gen.py
"""
import datetime as dt
import io
import json
import os
import random
import re
import shutil

import openpyxl
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

SEED = 44044
AS_OF = dt.date(2026, 12, 7)
BACKDATE = 365
FORWARD = 28
PERMIT_CAP = 2
HERE = os.path.dirname(os.path.abspath(__file__))
INBOX = os.path.join(HERE, "inbox")
W, H = A4
rng = random.Random(SEED)

COUNCIL = "Pennock Vale District Council"
COUNCIL_ADDR = "Town Hall, Market Street, Pennock Bridge PV1 1AA"

# ----------------------------------------------------------------------------
# value formatting
# ----------------------------------------------------------------------------
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def ordinal(n):
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }".replace(" ", "")


def fmt_date(d, style):
    if style == "slash":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "slash1":
        return f"{d.day}/{d.month}/{d.year}"
    if style == "dash":
        return f"{d.day:02d}-{d.month:02d}-{d.year}"
    if style == "dot":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if style == "long":
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "ord":
        return f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}"
    if style == "us":
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    if style == "iso":
        return d.isoformat()
    if style == "wd":
        return f"{WEEKDAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}"
    raise ValueError(style)


DATE_STYLES = ["slash", "slash1", "dash", "dot", "long", "ord", "us", "iso"]


def fmt_acct(ref, style):
    if style == "plain":
        return ref
    if style == "space":
        return ref[:4] + " " + ref[4:]
    if style == "dash":
        return ref[:4] + "-" + ref[4:]
    if style == "ct":
        return "CT" + ref
    raise ValueError(style)


def fmt_pc(pc, style):
    if style == "std":
        return pc
    if style == "lower":
        return pc.lower()
    if style == "nospace":
        return pc.replace(" ", "")
    raise ValueError(style)


def fmt_vrm(v, style):
    m = re.match(r"^([A-Z]{2}[0-9]{2})([A-Z]{3})$", v)
    spaced = f"{m.group(1)} {m.group(2)}" if m else None
    if not spaced:
        m = re.match(r"^([A-Z][0-9]{1,3})([A-Z]{3})$", v) or re.match(r"^([A-Z]{3})([0-9]{1,3}[A-Z])$", v)
        spaced = f"{m.group(1)} {m.group(2)}" if m else v
    if style == "space":
        return spaced
    if style == "nospace":
        return v
    if style == "lower":
        return spaced.lower()
    raise ValueError(style)


def norm_ws(s):
    return re.sub(r"\s+", " ", s).strip()


TITLES = {"mr", "mrs", "ms", "miss", "dr", "mx"}


def name_key(s):
    parts = [p for p in re.sub(r"[.,]", " ", s).lower().split()]
    while parts and parts[0] in TITLES:
        parts = parts[1:]
    return " ".join(parts)


def addr_key(s):
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9 ]", " ", s.lower())).strip()


VRM_RES = [r"^[A-Z]{2}[0-9]{2}[A-Z]{3}$", r"^[A-Z][0-9]{1,3}[A-Z]{3}$", r"^[A-Z]{3}[0-9]{1,3}[A-Z]$"]


def vrm_valid(v):
    return any(re.match(p, v) for p in VRM_RES)


# ----------------------------------------------------------------------------
# people
# ----------------------------------------------------------------------------
FIRST_F = ["Margaret", "Susan", "Joanne", "Emma", "Rachel", "Hannah", "Karen", "Lesley", "Dorothy",
           "Edith", "Nadia", "Samina", "Aisha", "Joanna", "Agnieszka", "Claire", "Gemma", "Lucy",
           "Sophie", "Beverley", "Janet", "Pauline", "Shabana", "Kirsty", "Chloe", "Megan", "Jean",
           "Irene", "Helen", "Alison", "Mary-Jane", "Siobhan", "Wendy", "Amber"]
FIRST_M = ["David", "Mark", "Paul", "Andrew", "Stephen", "Gary", "Craig", "Daniel", "Liam",
           "Thomas", "Imran", "Tariq", "Asif", "Piotr", "Tomasz", "Graham", "Keith", "Brian",
           "Harold", "Jack", "Oliver", "Callum", "Ryan", "Nathan", "Philip", "Martin", "Ian",
           "Jonathan", "Wasim", "Kevin", "Eamon", "Declan"]
SURN = ["Greenwood", "Sutcliffe", "Ackroyd", "Holroyd", "Crowther", "Haigh", "Thwaite",
        "Barraclough", "Firth", "Lumb", "Mitchell", "Pickles", "Shackleton", "Hirst", "Broadbent",
        "Wadsworth", "Uttley", "Ormerod", "Halstead", "Priestley", "Booth", "Dyson", "Kershaw",
        "Marsden", "Ramsden", "Schofield", "Stansfield", "Whiteley", "Horsfall", "Hussain", "Akhtar",
        "Khan", "Iqbal", "Nowak", "Kowalski", "Sykes", "Brook", "Bottomley", "Midgley", "Normington",
        "Wilkinson", "Lord", "Helliwell", "Redman", "Illingworth", "Gledhill", "Earnshaw", "Hepworth",
        "Drake", "Binns", "O'Hara", "Lord-Helliwell", "Sunderland", "Crabtree", "Feather"]
USED_NAMES = set()


def new_person(surname=None, sex=None):
    for _ in range(1000):
        s = sex or rng.choice("FM")
        first = rng.choice(FIRST_F if s == "F" else FIRST_M)
        sur = surname or rng.choice(SURN)
        full = f"{first} {sur}"
        if full not in USED_NAMES:
            USED_NAMES.add(full)
            return full
        surname = None if surname and _ > 20 else surname
    raise RuntimeError("names exhausted")


def sex_of(name):
    return "F" if name.split()[0] in FIRST_F else "M"


def with_title(name, married=True):
    if sex_of(name) == "M":
        return "Mr " + name
    return ("Mrs " if married else rng.choice(["Ms ", "Miss "])) + name


def phone():
    if rng.random() < 0.5:
        return f"01632 960{rng.randint(0, 999):03d}"
    return f"07700 900{rng.randint(0, 999):03d}"


def email_for(name):
    first, last = name.split()[0].lower(), name.split()[-1].lower().replace("'", "")
    dom = rng.choice(["btinternet.com", "gmail.com", "outlook.com", "yahoo.co.uk", "talktalk.net", "hotmail.co.uk"])
    pat = rng.choice(["{f}.{l}", "{f}{l}", "{fi}{l}{n}", "{l}.{f}"])
    return pat.format(f=first, l=last, fi=first[0], n=rng.randint(1, 99)) + "@" + dom


# ----------------------------------------------------------------------------
# gazetteer
# ----------------------------------------------------------------------------
STREETS = [
    # street, town, district, zone, kind, count, ward, line2
    ("Market Street", "Pennock Bridge", "PV1", "TCN", "num", 14, "Bridge Central", ""),
    ("Kirkgate", "Pennock Bridge", "PV1", "TCN", "num", 12, "Bridge Central", ""),
    ("Towngate", "Pennock Bridge", "PV1", "TCN", "num", 10, "Bridge Central", ""),
    ("Bridge Street", "Pennock Bridge", "PV1", "TCS", "num", 12, "Bridge Central", ""),
    ("Water Street", "Pennock Bridge", "PV1", "TCS", "num", 10, "Bridge Central", ""),
    ("Chapel Fold", "Pennock Bridge", "PV1", "TCS", "num", 8, "Bridge Central", ""),
    ("The Old Mill", "Pennock Bridge", "PV1", "TCS", "unit", 12, "Bridge Central", "Dyehouse Lane"),
    ("Station Road", "Pennock Bridge", "PV1", "STN", "num", 14, "Bridge North", ""),
    ("Railway Terrace", "Pennock Bridge", "PV1", "STN", "num", 10, "Bridge North", ""),
    ("Sunny Bank Road", "Pennock Bridge", "PV2", "", "num", 12, "Bridge North", ""),
    ("Moorside Avenue", "Pennock Bridge", "PV2", "", "num", 10, "Bridge North", ""),
    ("Bank Top", "Holme Clough", "PV3", "", "num", 10, "Holme Clough", ""),
    ("Intake Lane", "Holme Clough", "PV3", "", "num", 8, "Holme Clough", ""),
    ("Moor End Road", "Holme Clough", "PV3", "", "named", 8, "Holme Clough", ""),
    ("Church Bank", "Scarcross", "PV4", "", "num", 10, "Scarcross and Thornby", ""),
    ("Weavers Row", "Scarcross", "PV4", "", "num", 8, "Scarcross and Thornby", ""),
    ("Scarcross Mills", "Scarcross", "PV4", "", "unit", 8, "Scarcross and Thornby", "Mill Hey"),
    ("Thornby Moor Road", "Scarcross", "PV5", "", "named", 8, "Scarcross and Thornby", "Thornby Moor"),
    ("Ings Lane", "Wetherlow", "PV6", "", "farm", 6, "Wetherlow", ""),
    ("Hall Croft", "Wetherlow", "PV6", "", "num", 10, "Wetherlow", ""),
]
COTTAGES = ["Bilberry Cottage", "Heather Cottage", "Moor View", "Throstle Nest", "Clough Head",
            "Rose Cottage", "Weavers Cottage", "Height Top", "Laithe Cottage", "Stoney Royd",
            "Lane Ends", "Brow Top", "Curlew Cottage", "Cote Hill", "Peewit Cottage", "Old School House"]
FARMS = ["Lower Hey Farm", "Higher Hey Farm", "Nab End Farm", "Ings Farm", "Cote Farm", "Hollin Hall Farm"]
WARD_PREFIX = {"Bridge Central": "BC", "Bridge North": "BN", "Holme Clough": "HC",
               "Scarcross and Thornby": "ST", "Wetherlow": "WL"}
PC_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
USED_PCS = {"PV1 1AA"}


def new_postcode(district):
    while True:
        pc = f"{district} {rng.randint(1, 9)}{rng.choice(PC_LETTERS)}{rng.choice(PC_LETTERS)}"
        if pc not in USED_PCS:
            USED_PCS.add(pc)
            return pc


PROPS = []
uprn_next = 100090140000
for street, town, dist, zone, kind, n, ward, line2 in STREETS:
    pcs = [new_postcode(dist) for _ in range(1 if n <= 8 else 2)]
    if kind == "num":
        nums = sorted(rng.sample(range(1, 2 * n + 3), n))
        names = [f"{k} {street}" for k in nums]
    elif kind == "unit":
        names = [f"Unit {k}, {street}" for k in range(1, n + 1)]
    elif kind == "named":
        names = [f"{c}, {street}" for c in rng.sample(COTTAGES, n)]
    else:
        names = [f"{f}, {street}" for f in FARMS[:n]]
    for i, l1 in enumerate(names):
        uprn_next += rng.randint(3, 40)
        band = rng.choices("ABCDEFGH", [30, 25, 18, 12, 7, 4, 3, 1])[0]
        if kind == "farm":
            band = rng.choice("DEF")
        PROPS.append(dict(uprn=uprn_next, line1=l1, line2=line2, town=town,
                          postcode=pcs[0] if i < (n + 1) // 2 else pcs[-1], band=band, ward=ward,
                          zone=zone, kind=kind, street=street))
PROP_BY_UPRN = {p["uprn"]: p for p in PROPS}

# ----------------------------------------------------------------------------
# accounts, electors, permits
# ----------------------------------------------------------------------------
ACCOUNTS = []  # dicts: ref, uprn, liable(list), status, start, end, discounts(list)
ELECTORS = []  # dicts: num, name, uprn
PERMITS = []   # dicts: ref, uprn, vrm, zone, valid_from, valid_to
USED_REFS = set()
USED_VRMS = set()
elector_seq = {k: 100 for k in WARD_PREFIX.values()}
permit_seq = [2300]


def new_ref():
    while True:
        r = "6" + str(rng.choice([0, 1, 2])) + f"{rng.randint(0, 999999):06d}"
        if r not in USED_REFS:
            USED_REFS.add(r)
            return r


def rdate(a, b):
    return a + dt.timedelta(days=rng.randint(0, (b - a).days))


def add_account(p, liable, start, status="active", end=None, discounts=()):
    a = dict(ref=new_ref(), uprn=p["uprn"], liable=list(liable), status=status, start=start, end=end,
             discounts=list(discounts))
    ACCOUNTS.append(a)
    return a


def add_electors(p, names):
    pre = WARD_PREFIX[p["ward"]]
    for nm in names:
        elector_seq[pre] += rng.randint(1, 7)
        ELECTORS.append(dict(num=f"{pre}-{elector_seq[pre]}", name=nm, uprn=p["uprn"]))


REGION = ["YK", "YA", "YB", "YC", "YD", "YE", "YF", "YG", "YH", "MA", "MF", "ML", "LS"[0] + "R", "BD", "BF"]
AGE = ["16", "66", "17", "67", "18", "68", "19", "69", "20", "70", "21", "71", "22", "72", "23", "73", "24", "74", "25", "75"]
VL = "ABCDEFGHJKLMNPRSTUVWXYZ"


def new_vrm(style="current"):
    while True:
        if style == "current":
            v = rng.choice(REGION) + rng.choice(AGE) + "".join(rng.choice(VL) for _ in range(3))
        elif style == "prefix":
            v = rng.choice("PRSTVWXY") + str(rng.randint(1, 999)) + "".join(rng.choice(VL) for _ in range(3))
        else:
            v = "".join(rng.choice(VL) for _ in range(3)) + str(rng.randint(1, 999)) + rng.choice("ABCDEFGHJKLMN")
        if v not in USED_VRMS:
            USED_VRMS.add(v)
            return v


def add_permit(p, vrm, zone, frm, to=None):
    permit_seq[0] += rng.randint(1, 9)
    to = to or (frm + dt.timedelta(days=364))
    PERMITS.append(dict(ref=f"RP{permit_seq[0]:06d}", uprn=p["uprn"], vrm=vrm, zone=zone, valid_from=frm, valid_to=to))


# base population
for p in PROPS:
    if rng.random() < 0.3:  # history
        old = [new_person()]
        s = rdate(dt.date(2012, 1, 1), dt.date(2019, 12, 31))
        e = rdate(s + dt.timedelta(days=300), dt.date(2025, 9, 30))
        add_account(p, old, s, "closed", e)
        start_next = e + dt.timedelta(days=1)
    else:
        start_next = rdate(dt.date(2008, 1, 1), dt.date(2025, 12, 31))
    if rng.random() < 0.07:
        p["adults"] = []
        continue  # void property
    n = rng.choices([1, 2, 3, 4], [35, 40, 15, 10])[0]
    sur = rng.choice(SURN)
    adults = [new_person(sur)]
    for i in range(1, n):
        adults.append(new_person(sur if rng.random() < 0.7 else None))
    p["adults"] = adults
    liable = adults[:2] if (n >= 2 and rng.random() < 0.7) else adults[:1]
    disc = ["SPD"] if (n == 1 and rng.random() < 0.7) else []
    add_account(p, liable, start_next, discounts=disc)
    add_electors(p, [a for a in adults if rng.random() < 0.88])
    if p["zone"]:
        for _ in range(rng.choices([0, 1, 2], [45, 40, 15])[0]):
            add_permit(p, new_vrm(), p["zone"], rdate(AS_OF - dt.timedelta(days=330), AS_OF - dt.timedelta(days=5)))
        if rng.random() < 0.2:
            f = rdate(dt.date(2024, 6, 1), dt.date(2025, 6, 1))
            add_permit(p, new_vrm(), p["zone"], f)  # expired


def reset_prop(p):
    """Clear current occupation of p so a scenario can define it."""
    global ACCOUNTS, ELECTORS, PERMITS
    ACCOUNTS = [a for a in ACCOUNTS if not (a["uprn"] == p["uprn"] and a["status"] == "active")]
    ELECTORS = [e for e in ELECTORS if e["uprn"] != p["uprn"]]
    PERMITS = [x for x in PERMITS if x["uprn"] != p["uprn"]]


RESERVED = set()


def reserve(pred=lambda p: True):
    cands = [p for p in PROPS if p["uprn"] not in RESERVED and pred(p)]
    p = rng.choice(cands)
    RESERVED.add(p["uprn"])
    return p


def in_zone(p):
    return bool(p["zone"])


# ----------------------------------------------------------------------------
# scenarios -> form specs
# ----------------------------------------------------------------------------
FORMS = []  # each: dict(form_type, layout, fields(truth), disp, intent, extras)
FORWARDING = [
    ("Flat 4, 19 Clarendon Road", "Leeds", "LS2 9NZ"),
    ("27 Savile Park Street", "Halifax", "HX1 3EZ"),
    ("8 Rowan Close", "Todmorden", "OL14 5QT"),
    ("112 Manningham Lane", "Bradford", "BD8 7JF"),
    ("3 Orchard Mews", "Skipton", "BD23 1FL"),
    ("Flat 2B, 40 Oxford Road", "Manchester", "M1 5QA"),
    ("15 Beech Grove", "Huddersfield", "HD2 2SB"),
    ("9 Calder Terrace", "Hebden Bridge", "HX7 8DE"),
    ("41 Queens Road", "Keighley", "BD21 1AL"),
    ("6 Acre Lane", "Rochdale", "OL11 4RB"),
    ("Apartment 12, Wharf House, Canal Street", "Sowerby Bridge", "HX6 2AF"),
    ("77 Hyde Park Road", "Leeds", "LS6 1AH"),
    ("2 Sycamore Drive", "Burnley", "BB10 3PT"),
    ("19 Greenhead Road", "Huddersfield", "HD1 4EN"),
    ("The Coach House, Low Lane", "Ilkley", "LS29 8HF"),
    ("54 Victoria Road", "Elland", "HX5 0QA"),
    ("11 St John's Avenue", "Oldham", "OL4 2DW"),
    ("Flat 7, 3 Park Square", "Leeds", "LS1 2NE"),
    ("23 Bolton Road", "Blackburn", "BB2 3LP"),
    ("5 Dale View", "Settle", "BD24 9ET"),
    ("130 Wakefield Road", "Brighouse", "HD6 1QJ"),
    ("8 Chestnut Walk", "York", "YO24 2RA"),
    ("36 Heaton Grove", "Bradford", "BD9 4DZ"),
    ("Flat 1, 88 Lord Street", "Southport", "PR8 1JR"),
    ("14 Hollins Lane", "Mytholmroyd", "HX7 5HY"),
    ("67 Cross Street", "Sale", "M33 7AQ"),
]


def pick_fwd():
    return FORWARDING.pop(rng.randrange(len(FORWARDING)))


def ds():
    return rng.choice(DATE_STYLES)


def ago(a, b):
    return AS_OF - dt.timedelta(days=rng.randint(a, b))


def ahead(a, b):
    return AS_OF + dt.timedelta(days=rng.randint(a, b))


def spd_scenario(kind, layout):
    p = reserve()
    reset_prop(p)
    A = new_person()
    married = rng.random() < 0.6
    title = rng.random() < 0.5
    f = {}
    extras = {"town": p["town"]}
    since = ago(15, 300)
    B = None
    electors = [A]
    liable = [A]
    discounts = []
    status = "active"
    fwd = None
    desc = None
    desc_date = None
    v = rng.choice(["partner", "single", "joint_nofwd"]) if kind == "clean" else None
    if kind in ("clean", "dup"):
        v = v or "partner"
    start = rdate(dt.date(2012, 1, 1), since - dt.timedelta(days=400))
    if v == "partner" or kind in ("INCONSISTENT_DATES", "OTHER_ADULTS_REGISTERED", "ACCOUNT_CLOSED", "DATE_IN_FUTURE"):
        B = new_person(A.split()[-1] if married else None)
        liable = [A, B]
        electors = [A, B]
        fwd = pick_fwd()
        desc_date = since
    elif v == "joint_nofwd":
        B = new_person(A.split()[-1])
        liable = [A, B]
        electors = [A]
    acct_ref_on_form = None
    addr_on_form = p["line1"]
    pc_on_form = p["postcode"]
    if kind == "ACCOUNT_NOT_FOUND":
        pass
    if kind == "NAME_MISMATCH":
        # son applies; account is in mother's name; mother has gone into care
        mother = new_person(A.split()[-1], "F")
        liable = [mother]
        electors = [A, mother]
        B = mother
        fwd = ("Moorview Care Home, 2 Edge Lane", "Halifax", "HX3 0RT")
        desc = (f"My mother {mother} went into Moorview Care Home permanently on "
                f"{fmt_date(since, 'long')}. I am her son and I still live here on my own.")
        desc_date = None
    if kind == "DISCOUNT_ALREADY_APPLIED":
        discounts = ["SPD"]
        start = since - dt.timedelta(days=rng.randint(100, 500))
    if kind == "OTHER_ADULTS_REGISTERED":
        C = new_person(A.split()[-1])
        electors = [A, B, C]
    if kind == "DATE_TOO_OLD":
        since = AS_OF - dt.timedelta(days=rng.randint(400, 520))
        start = rdate(dt.date(2010, 1, 1), since - dt.timedelta(days=400))
    if kind == "DATE_IN_FUTURE":
        since = ahead(10, 25)
        desc_date = since
    if kind == "ACCOUNT_CLOSED":
        pass
    # records
    acct = add_account(p, liable, start, status, None, discounts)
    if kind == "ACCOUNT_CLOSED":
        # the old sole-name account was closed and re-issued in joint names; applicant quotes the old one
        acct["start"] = rdate(dt.date(2023, 1, 1), dt.date(2024, 6, 1))
        old = add_account(p, [A], rdate(dt.date(2015, 1, 1), dt.date(2021, 1, 1)), "closed",
                          acct["start"] - dt.timedelta(days=1))
        acct_ref_on_form = old["ref"]
    add_electors(p, electors)
    acct_ref_on_form = acct_ref_on_form or acct["ref"]
    if kind == "ACCOUNT_NOT_FOUND":
        # transposed digits
        r = acct["ref"]
        for i in range(2, 7):
            cand = r[:i] + r[i + 1] + r[i] + r[i + 2:]
            if cand != r and cand not in USED_REFS:
                acct_ref_on_form = cand
                break
        else:
            acct_ref_on_form = "6" + r[1:7][::-1] + "9"
    if kind == "ADDRESS_MISMATCH":
        pc_on_form = new_postcode(p["postcode"].split()[0])  # a non-existent postcode (typo)
    if kind == "INCONSISTENT_DATES":
        desc_date = since - dt.timedelta(days=rng.randint(9, 40))
    if B and fwd is None and kind != "NAME_MISMATCH" and v != "joint_nofwd":
        fwd = pick_fwd()
    name_disp = with_title(A, married) if title else A
    f["account_ref"] = acct_ref_on_form
    f["applicant_name"] = name_disp
    f["address"] = addr_on_form
    f["postcode"] = pc_on_form
    f["sole_adult_since"] = since.isoformat()
    if B:
        f["other_adult_name"] = B
    if fwd:
        f["other_adult_forwarding_address"] = f"{fwd[0]}, {fwd[1]} {fwd[2]}"
    if desc is None and desc_date is not None and B is not None:
        rel = "husband" if (married and sex_of(B) == "M" and sex_of(A) == "F") else \
            ("wife" if married and sex_of(B) == "F" and sex_of(A) == "M" else "partner")
        if kind == "DATE_IN_FUTURE":
            desc = (f"My {rel} {B.split()[0]} is moving out to {fwd[1]} for work. The move is booked for "
                    f"{fmt_date(desc_date, rng.choice(['long', 'ord']))} and I will then be on my own.")
        else:
            desc = rng.choice([
                f"We have separated. {B.split()[0]} moved out on {fmt_date(desc_date, rng.choice(['long', 'ord', 'slash']))} and is now living in {fwd[1]}.",
                f"My {rel} moved out on {fmt_date(desc_date, rng.choice(['long', 'ord']))}. I now live here alone.",
                f"{B} left the property on {fmt_date(desc_date, 'long')} and has moved to {fwd[1]}. Nobody else over 18 lives here.",
            ])
    elif desc is None and v == "single":
        desc = rng.choice([
            f"My lodger {new_person()} moved out and I have not re-let the room.",
            "My son has moved away to start a job and is no longer living here.",
            None, None])
    elif desc is None and v == "joint_nofwd":
        desc = f"{B.split()[0]} has gone to live with family. I am the only adult now."
    if kind == "OTHER_ADULTS_REGISTERED":
        pass
    if desc:
        f["change_description"] = desc
    if rng.random() < 0.8:
        f["phone"] = phone()
    if rng.random() < 0.6:
        f["email"] = email_for(A)
    decl = ago(1, 20)
    f["declaration_date"] = decl.isoformat()
    disp = dict(account_ref=fmt_acct(f["account_ref"], rng.choice(["plain", "space", "dash", "ct"])),
                postcode=fmt_pc(pc_on_form, rng.choice(["std", "std", "lower", "nospace"])),
                sole_adult_since=fmt_date(since, ds()), declaration_date=fmt_date(decl, ds()))
    extras["signature"] = A
    extras["title"] = name_disp.split()[0] if title else ""
    extras["plain_name"] = A
    return dict(form_type="council_tax_spd", layout=layout, fields=f, disp=disp, intent=kind,
                extras=extras, uprn=p["uprn"], desc_date=desc_date)


VOID_OK = lambda p: not p.get("adults")


def move_scenario(kind, direction, layout):
    f = {"move_type": direction}
    disp = {}
    extras = {}
    A = new_person()
    married = rng.random() < 0.5
    title = rng.random() < 0.5
    name_disp = with_title(A, married) if title else A
    mdate = rdate(AS_OF - dt.timedelta(days=200), AS_OF + dt.timedelta(days=20))
    uprn = None
    if direction == "out":
        p = reserve()
        reset_prop(p)
        uprn = p["uprn"]
        liable = [A] if rng.random() < 0.5 else [A, new_person(A.split()[-1])]
        acct = add_account(p, liable, rdate(dt.date(2011, 1, 1), mdate - dt.timedelta(days=500)))
        add_electors(p, liable)
        ref = acct["ref"]
        prev = (p["line1"], p["postcode"])
        if kind == "ACCOUNT_NOT_FOUND":
            ref = new_ref()
            USED_REFS.discard(ref)  # not in records
            USED_REFS.add(ref)
            ref_missing = True
        if kind == "NAME_MISMATCH":
            # a lodger quotes the householder's account
            landlord = new_person()
            acct["liable"] = [landlord]
            add_electors(p, [landlord])
        if kind == "ADDRESS_MISMATCH":
            q = reserve(lambda x: x["street"] != p["street"] and x.get("adults"))
            prev = (q["line1"], q["postcode"])
        if kind == "DATE_IN_FUTURE":
            mdate = ahead(40, 70)
        if kind != "MISSING_FIELD:account_ref":
            f["account_ref"] = ref
            disp["account_ref"] = fmt_acct(ref, rng.choice(["plain", "space", "dash", "ct"]))
        f["applicant_name"] = name_disp
        f["previous_address"] = prev[0]
        f["previous_postcode"] = prev[1]
        disp["previous_postcode"] = fmt_pc(prev[1], rng.choice(["std", "std", "lower", "nospace"]))
        if rng.random() < 0.3:
            q = reserve(lambda x: x.get("adults") is not None and x["town"] != p["town"])
            fwd = (q["line1"], q["town"], q["postcode"])
        else:
            fwd = pick_fwd()
        f["new_address"] = fwd[0]
        f["new_postcode"] = fwd[2]
        disp["new_postcode"] = fmt_pc(fwd[2], rng.choice(["std", "lower"]))
        extras["new_town"] = fwd[1]
        extras["prev_town"] = p["town"]
    else:
        if kind == "PROPERTY_NOT_FOUND":
            nb = (f"Plot {rng.randint(3, 19)}, Weavers Rise", "Scarcross", new_postcode("PV4"))
            USED_PCS.add(nb[2])
            newp = nb
        else:
            p = reserve(lambda x: not x.get("adults"))
            uprn = p["uprn"]
            newp = (p["line1"], p["town"], p["postcode"])
        f["applicant_name"] = name_disp
        f["new_address"] = newp[0]
        f["new_postcode"] = newp[2]
        disp["new_postcode"] = fmt_pc(newp[2], rng.choice(["std", "lower", "nospace"]))
        extras["new_town"] = newp[1]
        if rng.random() < 0.5:
            pv = pick_fwd()
            f["previous_address"] = pv[0]
            f["previous_postcode"] = pv[2]
            disp["previous_postcode"] = pv[2]
            extras["prev_town"] = pv[1]
    if kind == "MISSING_FIELD:account_ref":
        pass
    f["move_date"] = mdate.isoformat()
    disp["move_date"] = fmt_date(mdate, ds())
    if rng.random() < 0.85:
        f["phone"] = phone()
    if rng.random() < 0.6:
        f["email"] = email_for(A)
    decl = min(AS_OF - dt.timedelta(days=1), ago(1, 25))
    f["declaration_date"] = decl.isoformat()
    disp["declaration_date"] = fmt_date(decl, ds())
    extras["signature"] = A
    extras["title"] = name_disp.split()[0] if title else ""
    extras["plain_name"] = A
    return dict(form_type="council_tax_move", layout=layout, fields=f, disp=disp, intent=kind,
                extras=extras, uprn=uprn)


MAKES = [("Ford", "Fiesta"), ("Vauxhall", "Corsa"), ("Toyota", "Yaris"), ("Nissan", "Qashqai"),
         ("Volkswagen", "Golf"), ("Kia", "Sportage"), ("Hyundai", "i10"), ("Skoda", "Octavia"),
         ("Peugeot", "208"), ("Honda", "Jazz"), ("Dacia", "Sandero"), ("Land Rover", "Defender"),
         ("Mini", "Cooper"), ("BMW", "1 Series"), ("Citroen", "C3")]
COLOURS = ["Silver", "Blue", "Grey", "Black", "Red", "White", "Green"]


def parking_scenario(kind, layout, vstyle="current"):
    f = {}
    disp = {}
    extras = {}
    A = new_person()
    married = rng.random() < 0.5
    title = rng.random() < 0.4
    name_disp = with_title(A, married) if title else A
    vrm = new_vrm(vstyle)
    start = ahead(-6, 25)
    uprn = None
    p = reserve(in_zone)
    reset_prop(p)
    uprn = p["uprn"]
    zone = p["zone"]
    addr = (p["line1"], p["postcode"])
    hh = [A] + ([new_person(A.split()[-1])] if rng.random() < 0.5 else [])
    route = rng.choice(["both", "elector", "liable"])
    add_account(p, hh if route != "elector" else [new_person()] if False else hh[:1],
                rdate(dt.date(2010, 1, 1), dt.date(2025, 6, 1)))
    if route == "elector":
        # account in a landlord's/partner's name, applicant on the register
        ACCOUNTS[-1]["liable"] = hh[1:] or [new_person()]
        add_electors(p, hh)
    elif route == "liable":
        add_electors(p, hh[1:])
    else:
        add_electors(p, hh)
    if rng.random() < 0.45:
        add_permit(p, new_vrm(), zone, ago(30, 300))
    if kind == "clean" and rng.random() < 0.4:
        # the same car held a permit that has expired: renewal, still fine
        add_permit(p, vrm, zone, AS_OF - dt.timedelta(days=rng.randint(380, 500)))
    if kind == "PROPERTY_NOT_FOUND":
        st = p["street"]
        existing = {x["line1"] for x in PROPS}
        for k in range(40, 3, -1):
            if f"{k} {st}" not in existing and p["kind"] == "num":
                addr = (f"{k} {st}", p["postcode"])
                break
        else:
            addr = ("Flat 3, 14a " + st, p["postcode"])
    if kind == "NOT_IN_PERMIT_ZONE":
        zone = {"TCN": "TCS", "TCS": "STN", "STN": "TCN"}[p["zone"]]
    if kind == "NOT_RESIDENT":
        # new tenant: account still in previous tenant's name, not yet registered to vote
        prev = new_person()
        ACCOUNTS[-1]["liable"] = [prev]
        global ELECTORS
        ELECTORS = [e for e in ELECTORS if e["uprn"] != p["uprn"]]
        add_electors(p, [prev])
    if kind == "INVALID_FORMAT:vrm":
        vrm = vrm[:4] + vrm[4:] + rng.choice("ABCDEFGH")  # one letter too many
    if kind == "VRM_HAS_PERMIT":
        # early renewal: the car's current permit runs to next month
        add_permit(p, vrm, zone, AS_OF - dt.timedelta(days=rng.randint(330, 350)))
    if kind == "PERMIT_CAP_REACHED":
        PERMITS[:] = [x for x in PERMITS if x["uprn"] != p["uprn"]]
        add_permit(p, new_vrm(), zone, ago(20, 200))
        add_permit(p, new_vrm(), zone, ago(20, 200))
    if kind == "DATE_IN_FUTURE":
        start = ahead(35, 60)
    mk = rng.choice(MAKES)
    f["applicant_name"] = name_disp
    f["address"] = addr[0]
    f["postcode"] = addr[1]
    disp["postcode"] = fmt_pc(addr[1], rng.choice(["std", "std", "lower", "nospace"]))
    f["vrm"] = vrm
    disp["vrm"] = fmt_vrm(vrm, rng.choice(["space", "space", "nospace", "lower"]))
    if rng.random() < 0.85:
        f["vehicle_make"] = mk[0]
    extras["model"] = mk[1]
    extras["colour"] = rng.choice(COLOURS)
    f["zone"] = zone
    f["start_date"] = start.isoformat()
    disp["start_date"] = fmt_date(start, ds())
    if rng.random() < 0.85:
        f["phone"] = phone()
    if rng.random() < 0.6:
        f["email"] = email_for(A)
    decl = ago(1, 18)
    f["declaration_date"] = decl.isoformat()
    disp["declaration_date"] = fmt_date(decl, ds())
    extras["signature"] = A
    extras["title"] = name_disp.split()[0] if title else ""
    extras["plain_name"] = A
    extras["town"] = p["town"]
    return dict(form_type="parking_permit", layout=layout, fields=f, disp=disp, intent=kind,
                extras=extras, uprn=uprn)


# ---- build the form list ---------------------------------------------------
PLAN = []
for lay, n in [("wp", 2), ("boxed", 2), ("twopage", 3), ("fillable", 3)]:
    PLAN += [("spd", "clean", lay)] * n
PLAN += [("spd", "dup", "boxed")]
for k, lay in [("ACCOUNT_NOT_FOUND", "wp"), ("DATE_TOO_OLD", "wp"), ("NAME_MISMATCH", "boxed"),
               ("INCONSISTENT_DATES", "boxed"), ("ACCOUNT_CLOSED", "twopage"),
               ("OTHER_ADULTS_REGISTERED", "twopage"), ("ADDRESS_MISMATCH", "fillable"),
               ("DISCOUNT_ALREADY_APPLIED", "fillable"), ("DATE_IN_FUTURE", "fillable")]:
    PLAN.append(("spd", k, lay))
for lay, dirs in [("wp", "oio"), ("boxed", "oi"), ("twopage", "oio"), ("fillable", "ioo")]:
    for d in dirs:
        PLAN.append(("move", "clean", lay, "out" if d == "o" else "in"))
for k, lay, d in [("ACCOUNT_NOT_FOUND", "wp", "out"), ("NAME_MISMATCH", "boxed", "out"),
                  ("MISSING_FIELD:account_ref", "boxed", "out"), ("PROPERTY_NOT_FOUND", "twopage", "in"),
                  ("ADDRESS_MISMATCH", "twopage", "out"), ("DATE_IN_FUTURE", "fillable", "out")]:
    PLAN.append(("move", k, lay, d))
for lay, n in [("wp", 3), ("boxed", 2), ("twopage", 3), ("fillable", 3)]:
    PLAN += [("park", "clean", lay)] * n
for k, lay in [("NOT_RESIDENT", "wp"), ("DATE_IN_FUTURE", "wp"), ("PERMIT_CAP_REACHED", "boxed"),
               ("INVALID_FORMAT:vrm", "boxed"), ("NOT_IN_PERMIT_ZONE", "twopage"),
               ("VRM_HAS_PERMIT", "twopage"), ("PROPERTY_NOT_FOUND", "fillable")]:
    PLAN.append(("park", k, lay))

vstyles = iter(["prefix", "suffix"] + ["current"] * 100)
for item in PLAN:
    if item[0] == "spd":
        fm = spd_scenario(item[1], item[2])
        FORMS.append(fm)
        if item[1] == "dup":
            fm["dup"] = "dup1"
            fm2 = json.loads(json.dumps(fm, default=str))
            fm2["dup_copy"] = True
            fm["stamp"] = "Received by post 24 NOV 2026"
            fm2["stamp"] = "Received by email 03 DEC 2026"
            FORMS.append(fm2)
    elif item[0] == "move":
        FORMS.append(move_scenario(item[1], item[3], item[2]))
    else:
        st = next(vstyles) if item[1] == "clean" and item[2] in ("boxed", "twopage") else "current"
        FORMS.append(parking_scenario(item[1], item[2], st))

# ----------------------------------------------------------------------------
# correspondence
# ----------------------------------------------------------------------------


def household_prop(pred=lambda p: True, name=None):
    p = reserve(lambda x: x.get("adults") and pred(x))
    reset_prop(p)
    A = name or new_person()
    acct = add_account(p, [A], rdate(dt.date(2009, 1, 1), dt.date(2024, 1, 1)))
    add_electors(p, [A])
    return p, A, acct


def corr(layout, topic, intent, sender_name, addr, pc, account_ref, dates, body, doc):
    f = {"topic": topic}
    if sender_name:
        f["sender_name"] = sender_name
    if addr:
        f["address"] = addr
    if pc:
        f["postcode"] = pc
    if account_ref:
        f["account_ref"] = account_ref
    seen = []
    for d in dates:
        if d.isoformat() not in seen:
            seen.append(d.isoformat())
    if seen:
        f["dates_mentioned"] = seen
    f["body"] = norm_ws(" ".join(body))
    FORMS.append(dict(form_type="correspondence", layout=layout, fields=f, intent=intent, doc=doc, body=body))


COUNCIL_RECIP = {
    "ct": ["Council Tax Section", "Revenues and Benefits", COUNCIL, "Town Hall", "Market Street",
           "Pennock Bridge", "PV1 1AA"],
    "waste": ["Waste and Recycling Services", COUNCIL, "Thornby Road Depot", "Scarcross", "PV4 1AB"],
    "gen": ["Customer Services", COUNCIL, "Town Hall", "Market Street", "Pennock Bridge", "PV1 1AA"],
    "foi": ["The Information Governance Officer", COUNCIL, "Town Hall", "Market Street", "Pennock Bridge",
            "PV1 1AA"],
}
USED_PCS.add("PV4 1AB")

# C1 letter missed bin (farm / cottage)
p, A, acct = household_prop(lambda x: x["kind"] in ("named", "farm"))
d0, d1, dl = dt.date(2026, 11, 17), dt.date(2026, 12, 1), dt.date(2026, 12, 2)
body = [f"I am writing to report that our grey general waste bin was not emptied on Tuesday 17 November 2026, "
        f"and it was missed again on the next collection day, Tuesday 1 December 2026.",
        "The bin was out at the end of the track by 7am both times, where it has always been collected from. "
        "The lane is narrow but the wagon managed it without any trouble all summer. The bin is now "
        "overflowing and the bags are attracting crows and the odd fox.",
        "Please could you arrange for it to be collected as soon as possible and make sure the crew know "
        "the property is on the round."]
corr("letter", "missed_bin", "clean", A, p["line1"], p["postcode"], None, [dl, d0, d1], body,
     dict(kind="letter", sender=A, addr_lines=[p["line1"]] + ([p["line2"]] if p["line2"] else []) + [p["town"], p["postcode"]],
          date=dl, date_style="long", recip=COUNCIL_RECIP["waste"], salutation="Dear Sir or Madam,",
          subject="Missed bin collection", close="Yours faithfully,", phone=phone()))

# C2 letter on behalf of elderly mother: council tax query
_mn = next(f"{fn} {sn}" for fn in ["Edith", "Dorothy", "Irene", "Elsie", "Winifred"] for sn in SURN
           if f"{fn} {sn}" not in USED_NAMES)
USED_NAMES.add(_mn)
pm, mother, macct = household_prop(name=_mn)
ps, S, sacct = household_prop(lambda x: x["uprn"] != pm["uprn"])
mother_t = "Mrs " + mother
dl = dt.date(2026, 11, 30)
d_hosp = dt.date(2026, 10, 2)
d_lpa = dt.date(2024, 3, 14)
body = [f"I am writing on behalf of my mother, {mother_t}, who is 91 and lives at {pm['line1']}, {pm['town']} "
        f"{pm['postcode']}. Her council tax account number is {fmt_acct(macct['ref'], 'space')}.",
        f"My mother was admitted to Calderdale Royal Hospital on 2 October 2026 and has since been assessed as "
        f"needing residential care. She now has a diagnosis of dementia and her GP has said he will sign a "
        f"certificate if one is needed. Could you please tell me whether she is entitled to any reduction or "
        f"exemption on her council tax, and what forms we need to fill in?",
        f"I hold a registered Lasting Power of Attorney for her property and financial affairs (registered on "
        f"14 March 2024) and can send a copy. Please write to me at the address above, as my mother is no "
        f"longer able to deal with her post."]
corr("letter", "council_tax_query", "clean", S, ps["line1"], ps["postcode"], macct["ref"], [dl, d_hosp, d_lpa], body,
     dict(kind="letter", sender=S, addr_lines=[ps["line1"]] + ([ps["line2"]] if ps["line2"] else []) + [ps["town"], ps["postcode"]],
          date=dl, date_style="ord", recip=COUNCIL_RECIP["ct"], salutation="Dear Sir/Madam,",
          subject=f"Re: {mother_t}, {pm['line1']} - Council Tax", close="Yours faithfully,",
          sign_extra=f"(daughter of {mother_t})" if sex_of(S) == "F" else f"(son of {mother_t})",
          phone=phone(), email=email_for(S)))

# C3 letter complaint
p, A, acct = household_prop(lambda x: x["town"] == "Pennock Bridge")
dl = dt.date(2026, 11, 25)
d_a, d_b = dt.date(2026, 9, 8), dt.date(2026, 10, 21)
body = [f"I wish to make a formal complaint about the state of the pavement outside the shops on "
        f"{p['street'] if p['kind'] == 'num' else 'Market Street'}, and about the way my reports have been dealt with.",
        "I first reported the broken and lifting flagstones on 8 September 2026 and was given a reference. "
        "Nothing happened. I reported it again on 21 October 2026 and was told it had been 'passed to "
        "Highways'. Since then an elderly neighbour has tripped there and cut her face.",
        "I am very unhappy that nobody has replied to me or even been out to look. I would like an "
        "explanation of why this has taken so long and a date when the repair will be done."]
corr("letter", "complaint", "clean", with_title(A), p["line1"], p["postcode"], None, [dl, d_a, d_b], body,
     dict(kind="letter", sender=with_title(A), addr_lines=[p["line1"]] + ([p["line2"]] if p["line2"] else []) + [p["town"], p["postcode"]],
          date=dl, date_style="slash", recip=COUNCIL_RECIP["gen"], salutation="Dear Chief Executive,",
          subject="FORMAL COMPLAINT", close="Yours sincerely,", phone=phone()))

# C4 letter FOI request
p, A, acct = household_prop()
dl = dt.date(2026, 11, 19)
d_a, d_b = dt.date(2024, 4, 1), dt.date(2026, 3, 31)
body = ["Under the Freedom of Information Act 2000, please provide the following information.",
        "1. The number of residents' parking permits issued in each of the Town Centre North, Town Centre "
        "South and Station zones for each year between 1 April 2024 and 31 March 2026.",
        "2. The total income from residents' parking permits in the same period.",
        "3. The number of penalty charge notices issued in those zones in the same period.",
        "I would prefer to receive the information by email in a spreadsheet if possible."]
corr("letter", "foi_request", "clean", A, p["line1"], p["postcode"], None, [dl, d_a, d_b], body,
     dict(kind="letter", sender=A, addr_lines=[p["line1"]] + ([p["line2"]] if p["line2"] else []) + [p["town"], p["postcode"]],
          date=dl, date_style="long", recip=COUNCIL_RECIP["foi"], salutation="Dear Sir or Madam,",
          subject="Freedom of Information request - residents' parking", close="Yours faithfully,",
          email=email_for(A)))

# C5 letter other: booking a room
p, A, acct = household_prop()
dl = dt.date(2026, 12, 1)
d_e = dt.date(2027, 2, 13)
body = ["I am the secretary of the Holme Clough Ladies' Choir and we would like to hire the Victoria Room "
        "at the Town Hall for a charity coffee morning on Saturday 13 February 2027, from 9am until 1pm.",
        "We expect around 60 people. Could you let me know whether the room is free on that date, what the "
        "charge would be for a registered charity, and whether we can use the kitchen and the piano?",
        "I enclose a stamped addressed envelope for your reply."]
corr("letter", "other", "clean", A, p["line1"], p["postcode"], None, [dl, d_e], body,
     dict(kind="letter", sender=A, addr_lines=[p["line1"]] + ([p["line2"]] if p["line2"] else []) + [p["town"], p["postcode"]],
          date=dl, date_style="dot", recip=COUNCIL_RECIP["gen"], salutation="Dear Sir/Madam,",
          subject="Hire of the Victoria Room", close="Yours faithfully,",
          sign_extra="Secretary, Holme Clough Ladies' Choir", phone=phone()))

# C6 letter council tax query quoting a reference that does not exist
p, A, acct = household_prop()
bad = acct["ref"][:6] + acct["ref"][7] + acct["ref"][6]
if bad == acct["ref"] or bad in USED_REFS:
    bad = acct["ref"][:5] + "0" + acct["ref"][6:][::-1]
assert bad not in USED_REFS
dl = dt.date(2026, 11, 27)
body = [f"Council tax account {fmt_acct(bad, 'plain')}",
        "I have received a bill for the year showing ten monthly instalments of more than I paid last year, "
        "but my band has not changed. I am on my own and I thought I had a single person discount.",
        "Could you please check my account and explain how the amount has been worked out? I pay by direct "
        "debit and do not want to be overcharged."]
corr("letter", "council_tax_query", "ACCOUNT_NOT_FOUND", A, p["line1"], p["postcode"], bad, [dl], body,
     dict(kind="letter", sender=with_title(A), addr_lines=[p["line1"]] + ([p["line2"]] if p["line2"] else []) + [p["town"], p["postcode"]],
          date=dl, date_style="long", recip=COUNCIL_RECIP["ct"], salutation="Dear Sirs,",
          subject=None, close="Yours faithfully,", phone=phone()))
FORMS[-1]["fields"]["sender_name"] = with_title(A)

# C7 anonymous complaint (no name, no address)
dl = dt.date(2026, 11, 28)
d_a = dt.date(2026, 11, 21)
body = ["I want to complain about the Station car park being locked at night by the council's contractor "
        "with no warning. On Saturday 21 November 2026 several of us coming off the last train could not "
        "get our cars out and had to get taxis home.",
        "This is not the first time. Nobody answers the number on the sign and the council's phone line is "
        "closed at weekends. It is not acceptable and somebody is going to get stranded in the cold.",
        "I am not giving my name because I do not want any trouble, but I expect this to be looked into."]
corr("letter", "complaint", "SENDER_UNKNOWN", None, None, None, None, [dl, d_a], body,
     dict(kind="letter", sender=None, addr_lines=[], date=dl, date_style="long", recip=COUNCIL_RECIP["gen"],
          salutation="To whom it may concern,", subject="Station car park", close="From a resident of Station Road"))

# E1 email council tax query, account quoted, long corporate signature
p, A, acct = household_prop()
sent = dt.datetime(2026, 11, 23, 8, 47)
d_a = dt.date(2026, 11, 13)
body = ["Dear Council Tax team,",
        f"I moved into my current home earlier this year and I have just received a reminder notice for "
        f"account {fmt_acct(acct['ref'], 'ct')} dated 13 November 2026. As far as I can see all the direct "
        f"debits have been taken. Could you please check whether the reminder was sent in error and confirm "
        f"the balance on my account?",
        "I am working away most weeks so email is the best way to reach me.",
        "Many thanks,"]
corr("email", "council_tax_query", "clean", A, None, None, acct["ref"], [sent.date(), d_a], body[1:3],
     dict(kind="email", sender=A, sender_email=email_for(A), sent=sent, subject="Council tax reminder - query",
          to="counciltax@pennockvale.gov.uk", body=body,
          sig=[A, "Senior Quantity Surveyor", "Calder Ridge Construction Ltd",
               "T: 01632 960 418  |  M: 07700 900 552", "www.calderridge-construction.co.uk"],
          disclaimer="This email and any attachments are confidential and intended solely for the addressee. "
                     "If you have received it in error please notify the sender and delete it. Calder Ridge "
                     "Construction Ltd is registered in England and Wales, company number 07719342. "
                     "Please consider the environment before printing this email."))

# E2 email missed bin, address in body
p, A, acct = household_prop(lambda x: x["kind"] == "num")
sent = dt.datetime(2026, 12, 3, 19, 12)
d_a = dt.date(2026, 12, 2)
body = ["Hello,",
        f"Our blue recycling bin at {p['line1']}, {p['town']}, {p['postcode']} wasn't collected on Wednesday "
        f"2 December 2026. Every other bin on the street was emptied. It was out on time, lid closed, "
        f"nothing loose on top.",
        "Could someone come back for it please? It is full to the top after the weekend.",
        "Thanks,"]
corr("email", "missed_bin", "clean", A, p["line1"], p["postcode"], None, [sent.date(), d_a], body[1:3],
     dict(kind="email", sender=A, sender_email=email_for(A), sent=sent, subject="Missed recycling collection",
          to="waste@pennockvale.gov.uk", body=body,
          sig=[A, "Practice Manager | Kirkgate Dental Care", "Tel 01632 960 771",
               "Kirkgate Dental Care is the trading name of KDC Partnership LLP."],
          disclaimer="CONFIDENTIALITY: The information in this message may be legally privileged. If you are "
                     "not the intended recipient you must not use, copy or disclose it. Sent from my iPhone."))

# E3 FOI email from journalist: no address, no account -> SENDER_UNKNOWN
sent = dt.datetime(2026, 11, 26, 11, 3)
d_a, d_b = dt.date(2025, 4, 1), dt.date(2026, 10, 31)
journo = new_person()
body = ["Dear FOI Officer,",
        "I am making a request under the Freedom of Information Act 2000. Please tell me:",
        "(a) how many missed bin complaints the council received in each month between 1 April 2025 and "
        "31 October 2026;",
        "(b) how much the council has paid to its waste contractor in compensation claims or credits in "
        "the same period;",
        "(c) a copy of any performance improvement notice issued to the contractor.",
        "I would be grateful for the information in electronic format.",
        "Kind regards,"]
corr("email", "foi_request", "SENDER_UNKNOWN", journo, None, None, None, [sent.date(), d_a, d_b], body[1:6],
     dict(kind="email", sender=journo, sender_email=journo.split()[0].lower() + "." + journo.split()[-1].lower().replace("'", "") + "@pennineexaminer.co.uk",
          sent=sent, subject="Freedom of Information request - waste collections",
          to="foi@pennockvale.gov.uk", body=body,
          sig=[journo, "Local Democracy Reporter", "The Pennine Examiner | Calder Valley Newsroom",
               "Direct line: 01632 960 205", "Follow us @PennineExaminer"],
          disclaimer="The Pennine Examiner is published by Moorland Media Group Limited. Registered in "
                     "England No. 04417731. This e-mail is confidential and may be privileged. Any views or "
                     "opinions expressed are those of the author and do not necessarily represent those of "
                     "Moorland Media Group."))

# E4 complaint email quoting a non-existent account (address given, so sender known)
p, A, acct = household_prop()
bad2 = "6" + str((int(acct["ref"][1]) + 1) % 3) + acct["ref"][2:]
while bad2 in USED_REFS:
    bad2 = bad2[:-1] + str((int(bad2[-1]) + 3) % 10)
sent = dt.datetime(2026, 11, 30, 14, 26)
d_a = dt.date(2026, 11, 24)
body = ["To whom it may concern,",
        f"I want to make a formal complaint about the way I was treated when I rang the council tax line on "
        f"24 November 2026 about account {fmt_acct(bad2, 'space')}. I was kept on hold for 50 minutes and then "
        f"the adviser was rude and put the phone down on me.",
        f"I live at {p['line1']}, {p['town']} {p['postcode']} and have paid my council tax on time for years. "
        f"I expect a written apology and an answer to my original question about my instalments.",
        "Regards,"]
corr("email", "complaint", "ACCOUNT_NOT_FOUND", A, p["line1"], p["postcode"], bad2, [sent.date(), d_a], body[1:3],
     dict(kind="email", sender=A, sender_email=email_for(A), sent=sent, subject="Complaint",
          to="complaints@pennockvale.gov.uk", body=body,
          sig=[A, "Operations Supervisor", "Holmfirth Freight Services Ltd",
               "Unit 9, Riverside Business Park, Brigholme",
               "Tel: 01632 960 333 | Fax: 01632 960 334"],
          disclaimer="This message has been scanned for viruses by MailGuard. Holmfirth Freight Services Ltd "
                     "accepts no liability for any damage caused by this email. The contents are confidential "
                     "to the named recipient."))

# E5 letting agent, council tax query, office is a mill unit in the gazetteer
po = reserve(lambda x: x["street"] == "The Old Mill")
reset_prop(po)
tenant_p, tenant, tacct = household_prop(lambda x: x["town"] == "Pennock Bridge")
agent = new_person()
sent = dt.datetime(2026, 12, 4, 10, 31)
d_a = dt.date(2026, 11, 30)
body = ["Good morning,",
        f"We act as managing agents for {tenant_p['line1']}, {tenant_p['town']}. Our tenant {tenant} "
        f"(council tax account {fmt_acct(tacct['ref'], 'plain')}) has given notice and the tenancy ends on "
        f"30 November 2026.",
        "Could you confirm what information you need from us as landlord to close the tenant's account and "
        "bill the property correctly during the void period? Please also let us know whether any empty "
        "property charge will apply.",
        "Kind regards,"]
corr("email", "council_tax_query", "clean", agent, po["line1"], po["postcode"], tacct["ref"], [sent.date(), d_a], body[1:3],
     dict(kind="email", sender=agent, sender_email=agent.split()[0].lower() + "@pennine-lettings.co.uk",
          sent=sent, subject="Tenant leaving - council tax", to="counciltax@pennockvale.gov.uk", body=body,
          sig=[agent, "Senior Property Manager", "Pennine Lettings & Management Ltd",
               f"{po['line1']}, {po['line2']}, {po['town']} {po['postcode']}",
               "Office: 01632 960 640  |  Lettings | Sales | Block Management",
               "Member of ARLA Propertymark. Client Money Protection provided by Propertymark."],
          disclaimer="Pennine Lettings & Management Ltd. Registered in England and Wales No. 08871230. "
                     "WARNING: we will never change our bank details by email. Always telephone us to check "
                     "before sending money. This email is confidential and intended only for the addressee."))

# ----------------------------------------------------------------------------
# expected outcomes, computed literally from the records
# ----------------------------------------------------------------------------
ACCT_BY_REF = {a["ref"]: a for a in ACCOUNTS}


def find_prop(line1, pc):
    for p in PROPS:
        if addr_key(p["line1"]) == addr_key(line1) and p["postcode"] == pc:
            return p
    return None


def active_permits(uprn=None, vrm=None):
    out = []
    for x in PERMITS:
        if x["valid_from"] <= AS_OF <= x["valid_to"] and (uprn is None or x["uprn"] == uprn) and (vrm is None or x["vrm"] == vrm):
            out.append(x)
    return out


REQ = {
    "council_tax_spd": ["account_ref", "applicant_name", "address", "postcode", "sole_adult_since", "declaration_date"],
    "parking_permit": ["applicant_name", "address", "postcode", "vrm", "zone", "start_date", "declaration_date"],
    "correspondence": ["topic", "body"],
}


def check(fm):
    t = fm["form_type"]
    f = fm["fields"]
    R = []
    if t == "council_tax_move":
        req = ["move_type", "applicant_name", "move_date", "declaration_date"]
        req += ["account_ref", "previous_address", "previous_postcode"] if f["move_type"] == "out" else ["new_address", "new_postcode"]
    else:
        req = REQ[t]
    for k in req:
        if k not in f:
            R.append(f"MISSING_FIELD:{k}")
    if t == "council_tax_spd":
        a = ACCT_BY_REF.get(f["account_ref"])
        if not a:
            R.append("ACCOUNT_NOT_FOUND")
        else:
            if a["status"] != "active":
                R.append("ACCOUNT_CLOSED")
            if name_key(f["applicant_name"]) not in [name_key(x) for x in a["liable"]]:
                R.append("NAME_MISMATCH")
            p = find_prop(f["address"], f["postcode"])
            if not p or p["uprn"] != a["uprn"]:
                R.append("ADDRESS_MISMATCH")
            if "SPD" in a["discounts"]:
                R.append("DISCOUNT_ALREADY_APPLIED")
            allowed = {name_key(f["applicant_name"]), name_key(f.get("other_adult_name", ""))}
            if [e for e in ELECTORS if e["uprn"] == a["uprn"] and name_key(e["name"]) not in allowed]:
                R.append("OTHER_ADULTS_REGISTERED")
        d = dt.date.fromisoformat(f["sole_adult_since"])
        if d > AS_OF:
            R.append("DATE_IN_FUTURE")
        if (AS_OF - d).days > BACKDATE:
            R.append("DATE_TOO_OLD")
        if fm.get("desc_date") and str(fm["desc_date"]) != f["sole_adult_since"]:
            R.append("INCONSISTENT_DATES")
    elif t == "council_tax_move":
        if f["move_type"] == "out" and "account_ref" in f:
            a = ACCT_BY_REF.get(f["account_ref"])
            if not a:
                R.append("ACCOUNT_NOT_FOUND")
            else:
                if name_key(f["applicant_name"]) not in [name_key(x) for x in a["liable"]]:
                    R.append("NAME_MISMATCH")
                p = find_prop(f["previous_address"], f["previous_postcode"])
                if not p or p["uprn"] != a["uprn"]:
                    R.append("ADDRESS_MISMATCH")
        if f["move_type"] == "in" and not find_prop(f["new_address"], f["new_postcode"]):
            R.append("PROPERTY_NOT_FOUND")
        d = dt.date.fromisoformat(f["move_date"])
        if (d - AS_OF).days > FORWARD:
            R.append("DATE_IN_FUTURE")
        if (AS_OF - d).days > BACKDATE:
            R.append("DATE_TOO_OLD")
    elif t == "parking_permit":
        p = find_prop(f["address"], f["postcode"])
        if not p:
            R.append("PROPERTY_NOT_FOUND")
        else:
            if not p["zone"] or p["zone"] != f["zone"]:
                R.append("NOT_IN_PERMIT_ZONE")
            nk = name_key(f["applicant_name"])
            liable = any(a["uprn"] == p["uprn"] and a["status"] == "active" and nk in [name_key(x) for x in a["liable"]] for a in ACCOUNTS)
            reg = any(e["uprn"] == p["uprn"] and name_key(e["name"]) == nk for e in ELECTORS)
            if not (liable or reg):
                R.append("NOT_RESIDENT")
        if not vrm_valid(f["vrm"]):
            R.append("INVALID_FORMAT:vrm")
        elif active_permits(vrm=f["vrm"]):
            R.append("VRM_HAS_PERMIT")
        if p and len(active_permits(uprn=p["uprn"])) >= PERMIT_CAP:
            R.append("PERMIT_CAP_REACHED")
        if (dt.date.fromisoformat(f["start_date"]) - AS_OF).days > FORWARD:
            R.append("DATE_IN_FUTURE")
    elif t == "correspondence":
        acct_ok = False
        if "account_ref" in f:
            if f["account_ref"] in ACCT_BY_REF:
                acct_ok = True
            else:
                R.append("ACCOUNT_NOT_FOUND")
        addr_ok = "address" in f and "postcode" in f and find_prop(f["address"], f["postcode"]) is not None
        if "sender_name" not in f or not (addr_ok or acct_ok):
            R.insert(0, "SENDER_UNKNOWN")
    return R


# uniqueness guards: no two forms touch the same account/vrm except the duplicate pair
seen_acct, seen_vrm = {}, {}
for i, fm in enumerate(FORMS):
    if fm.get("dup_copy"):
        continue
    if fm["form_type"] in ("council_tax_spd", "council_tax_move") and "account_ref" in fm["fields"]:
        r = fm["fields"]["account_ref"]
        assert r not in seen_acct, ("account reused", r)
        seen_acct[r] = i
    if fm["form_type"] == "parking_permit":
        v = fm["fields"]["vrm"]
        assert v not in seen_vrm
        seen_vrm[v] = i

for fm in FORMS:
    R = check(fm)
    fm["reasons"] = R
    if fm.get("dup"):
        assert R == [], ("dup not clean", R)
        fm["outcome"] = "duplicate_pair"
    else:
        fm["outcome"] = "approved" if not R else "exception"
    exp = [] if fm["intent"] in ("clean", "dup") else [fm["intent"]]
    assert R == exp, (fm["form_type"], fm["intent"], R, fm["fields"])

# ----------------------------------------------------------------------------
# drawing helpers
# ----------------------------------------------------------------------------


def wrap(text, font, size, width):
    out = []
    for para in str(text).split("\n"):
        cur = ""
        for w in para.split():
            t = (cur + " " + w).strip()
            if stringWidth(t, font, size) <= width:
                cur = t
            else:
                if cur:
                    out.append(cur)
                cur = w
        out.append(cur)
    return out or [""]


def crest(c, x, y, w, h, fill="#2f4f3a", fg=colors.white, letters="PV"):
    c.saveState()
    p = c.beginPath()
    p.moveTo(x, y + h)
    p.lineTo(x + w, y + h)
    p.lineTo(x + w, y + h * 0.45)
    p.curveTo(x + w, y + h * 0.15, x + w * 0.6, y + h * 0.05, x + w / 2, y)
    p.curveTo(x + w * 0.4, y + h * 0.05, x, y + h * 0.15, x, y + h * 0.45)
    p.close()
    c.setFillColor(colors.HexColor(fill) if isinstance(fill, str) else fill)
    c.drawPath(p, fill=1, stroke=0)
    c.setStrokeColor(fg)
    c.setLineWidth(1.1)
    hp = c.beginPath()
    hp.moveTo(x + w * 0.12, y + h * 0.58)
    hp.lineTo(x + w * 0.36, y + h * 0.84)
    hp.lineTo(x + w * 0.52, y + h * 0.66)
    hp.lineTo(x + w * 0.68, y + h * 0.8)
    hp.lineTo(x + w * 0.88, y + h * 0.58)
    c.drawPath(hp, stroke=1, fill=0)
    c.setFillColor(fg)
    c.setFont("Times-Bold", h * 0.24)
    c.drawCentredString(x + w / 2, y + h * 0.24, letters)
    c.restoreState()


def tickbox(c, x, y, s, checked):
    c.rect(x, y, s, s, stroke=1, fill=0)
    if checked:
        c.setLineWidth(1.3)
        c.line(x + 2, y + 2, x + s - 2, y + s - 2)
        c.line(x + 2, y + s - 2, x + s - 2, y + 2)
        c.setLineWidth(0.7)


# ----------------------------------------------------------------------------
# form content: per layout wording
# ----------------------------------------------------------------------------
ZONE_NAMES = {"TCN": "Town Centre North", "TCS": "Town Centre South", "STN": "Station"}

META = {
    "council_tax_spd": dict(
        title={"wp": "Council Tax - Application for Single Person Discount",
               "boxed": "Single Person Discount",
               "twopage": "Application for Single Person Discount",
               "fillable": "Council Tax: Living Alone? Apply for a 25% Discount"},
        code={"wp": "Form CT/SPD/3 (rev. 03/2026)", "boxed": "CTR 14", "twopage": "PVDC/RB/SPD2",
              "fillable": "eForm CT-SPD v4"},
        dept="Revenues and Benefits Service",
        intro="If you are the only adult (aged 18 or over) living in your home you may be able to get a 25% "
              "discount on your council tax bill. Please complete every part of this form in full. If you do "
              "not know your account number, it is printed at the top right of your council tax bill.",
        notes=["Only complete this form if nobody else aged 18 or over lives at the property as their main home.",
               "Some people are 'disregarded' for council tax, for example full-time students and some carers. "
               "If another adult at the property is disregarded, please use form CT/DIS/1 instead.",
               "We may check the information you give us against other records held by the Council, including "
               "the electoral register, and with other organisations, to prevent and detect fraud.",
               "Your discount will start from the date you became the only adult, but we cannot usually backdate "
               "a discount for more than one year.",
               "You must tell us within 21 days if another adult moves in. You could be fined £70 if you do not."],
        decl="I declare that the information I have given on this form is correct and complete to the best of "
             "my knowledge. I understand that if I knowingly give false information I may be prosecuted, and that "
             "I must tell the Council within 21 days of any change in my circumstances that may affect my discount."),
    "council_tax_move": dict(
        title={"wp": "Council Tax: Moving Home",
               "boxed": "Tell us you are moving",
               "twopage": "Notification of Moving Home - Council Tax",
               "fillable": "Council Tax Change of Address"},
        code={"wp": "Form CT/MOV/1", "boxed": "CTR 02", "twopage": "PVDC/RB/MOV",
              "fillable": "eForm CT-MOVE v2"},
        dept="Council Tax Section",
        intro="Please use this form to tell us that you are moving into, out of, or within Pennock Vale. "
              "Tell us as soon as you know your moving date. You will still be liable for council tax at your "
              "old address until the day before you move.",
        notes=["If you are moving within Pennock Vale please tell us about both addresses.",
               "If you are a landlord or letting agent please use form CT/LL/1.",
               "We will send a final bill for the property you are leaving and, where appropriate, a new bill for "
               "your new home.",
               "Your move date is the date you hand back the keys or the tenancy ends, not the date you "
               "started to pack.",
               "If you pay by direct debit, please do not cancel it until you have received your final bill."],
        decl="I confirm that the information on this form is true and complete to the best of my knowledge."),
    "parking_permit": dict(
        title={"wp": "Residents' Parking Permit - Application Form",
               "boxed": "Residents' Parking Permit",
               "twopage": "Application for a Residents' Parking Permit",
               "fillable": "Apply for a Resident Parking Permit"},
        code={"wp": "Form PK/RES/1", "boxed": "PKG 7", "twopage": "PVDC/PK/02", "fillable": "eForm PK-RES v3"},
        dept="Parking Services",
        intro="Residents' parking permits are available to people who live in the Town Centre North (TCN), "
              "Town Centre South (TCS) and Station (STN) permit zones in Pennock Bridge. A permit costs £45 "
              "for 12 months. No more than two permits can be issued to one address.",
        notes=["You must live at the address given, and the vehicle must be kept there.",
               "We check applications against the electoral register and council tax records. If you have "
               "just moved in we may ask for a tenancy agreement or utility bill.",
               "The permit zone is shown on the signs at the end of your street and on the map on our website.",
               "Permits run for one year from the start date you choose. We cannot issue a permit more than "
               "four weeks ahead.",
               "Company and lease cars: please attach a letter from the company confirming you are the "
               "main user of the vehicle."],
        decl="I declare that I live at the address above, that the vehicle is kept there and that the "
             "information I have given is correct. I understand that a permit does not guarantee a parking "
             "space and may be withdrawn if it is misused."),
}


def F(fm, key, label, **kw):
    """field item: value displayed is disp[key] or fields[key]."""
    v = fm.get("disp", {}).get(key, fm["fields"].get(key))
    return dict(k="field", key=key, label=label, val=v, **kw)


def X(label, val, **kw):
    return dict(k="field", key=None, label=label, val=val, **kw)


def build_items(fm):
    t, lay, e = fm["form_type"], fm["layout"], fm["extras"]
    flds = fm["fields"]
    I = []
    H_ = lambda s: I.append(dict(k="heading", text=s))
    if t == "council_tax_spd":
        if lay == "wp":
            H_("Part 1: Your council tax account")
            I += [F(fm, "account_ref", "Council Tax account number:"),
                  F(fm, "applicant_name", "Full name of person liable:"),
                  F(fm, "address", "Property address (first line):"),
                  F(fm, "postcode", "Postcode:")]
            H_("Part 2: Change in your household")
            I += [F(fm, "sole_adult_since", "From what date have you been the only adult (aged 18 or over) living at the property?", below=True),
                  F(fm, "other_adult_name", "Name of adult who has left:"),
                  F(fm, "other_adult_forwarding_address", "Their forwarding address (if known):", below=True),
                  F(fm, "change_description", "Please tell us briefly what has changed:", below=True)]
            H_("Part 3: How we can contact you")
            I += [F(fm, "phone", "Daytime telephone:"), F(fm, "email", "Email address:")]
            H_("Part 4: Declaration")
            I += [dict(k="para", text=META[t]["decl"]), X("Signed:", e["signature"]),
                  F(fm, "declaration_date", "Date:")]
        elif lay == "boxed":
            H_("1   Your council tax account")
            I += [F(fm, "account_ref", "Account reference"), F(fm, "applicant_name", "Your full name"),
                  F(fm, "address", "Address"),
                  dict(k="row", items=[X("Town", e["town"]), F(fm, "postcode", "Postcode")])]
            H_("2   The change")
            I += [F(fm, "sole_adult_since", "Only adult living here since"),
                  F(fm, "other_adult_name", "Name of the other adult"),
                  F(fm, "other_adult_forwarding_address", "Where have they moved to?"),
                  F(fm, "change_description", "What has changed?", long=True)]
            H_("3   Contact details")
            I += [dict(k="row", items=[F(fm, "phone", "Phone number"), F(fm, "email", "Email")])]
            H_("4   Declaration")
            I += [dict(k="para", text=META[t]["decl"]),
                  dict(k="row", items=[X("Signature", e["signature"]), F(fm, "declaration_date", "Date")])]
        elif lay == "twopage":
            H_("Section A  The property and your account")
            I += [F(fm, "account_ref", "Council tax reference number"),
                  F(fm, "applicant_name", "Name of the person who pays the council tax"),
                  F(fm, "address", "Address of the property: house number or name and street"),
                  X("Town or village", e["town"]),
                  F(fm, "postcode", "Postcode")]
            H_("Section B  Who lives at the property")
            I += [F(fm, "sole_adult_since", "Date you became the only adult resident"),
                  F(fm, "other_adult_name", "Full name of the adult who has moved out"),
                  dict(k="pagebreak"),
                  F(fm, "other_adult_forwarding_address", "Their new address, if you know it"),
                  F(fm, "change_description", "In your own words, what has changed?", long=True)]
            H_("Section C  Contact details")
            I += [F(fm, "phone", "Telephone number"), F(fm, "email", "Email address")]
            H_("Section D  Declaration")
            I += [dict(k="para", text=META[t]["decl"]), X("Signature", e["signature"]),
                  F(fm, "declaration_date", "Date signed")]
        else:  # fillable
            H_("About you")
            I += [F(fm, "account_ref", "Council Tax reference (8 digits, on your bill)", name="account_number"),
                  dict(k="radio", label="Title", name="title", options=["Mr", "Mrs", "Ms", "Miss", "Dr"], val=e["title"]),
                  dict(k="field", key=None, label="First name(s)", val=e["plain_name"].split()[0], name="applicant_forename", half=True),
                  dict(k="field", key=None, label="Surname", val=" ".join(e["plain_name"].split()[1:]), name="applicant_surname", half=True),
                  F(fm, "address", "Address line 1", name="Text4"),
                  dict(k="field", key=None, label="Town / village", val=e["town"], name="Text5", half=True),
                  F(fm, "postcode", "Postcode", name="postcode", half=True)]
            H_("Your household")
            I += [F(fm, "sole_adult_since", "Date you started living alone (no other adults 18+)", name="Date1"),
                  F(fm, "other_adult_name", "Name of the person who left", name="other_adult"),
                  F(fm, "other_adult_forwarding_address", "Their new address", name="Text9"),
                  F(fm, "change_description", "Tell us what changed", name="Text10", long=True)]
            H_("Contact")
            I += [F(fm, "phone", "Telephone", name="phone", half=True), F(fm, "email", "Email", name="email_address", half=True)]
            H_("Declaration")
            I += [dict(k="para", text=META[t]["decl"]),
                  dict(k="check", label="I agree with the declaration above", name="declaration_agree", val=True),
                  F(fm, "declaration_date", "Today's date", name="Date2", half=True)]
    elif t == "council_tax_move":
        out = flds["move_type"] == "out"
        if lay == "wp":
            H_("Section 1: About your move")
            I += [X("Are you moving into, or out of, a property in Pennock Vale?",
                    "Moving out" if out else "Moving in", below=True),
                  F(fm, "applicant_name", "Your full name:"),
                  F(fm, "account_ref", "Council Tax account number (if moving out):"),
                  F(fm, "move_date", "Date of move:")]
            H_("Section 2: The address you are leaving")
            I += [F(fm, "previous_address", "Address:"), X("Town:", e.get("prev_town") if "previous_address" in flds else None),
                  F(fm, "previous_postcode", "Postcode:")]
            H_("Section 3: Your new address")
            I += [F(fm, "new_address", "Address:"), X("Town:", e.get("new_town")), F(fm, "new_postcode", "Postcode:")]
            H_("Section 4: Contact details")
            I += [F(fm, "phone", "Telephone:"), F(fm, "email", "Email:")]
            H_("Section 5: Declaration")
            I += [dict(k="para", text=META[t]["decl"]), X("Signed:", e["signature"]), F(fm, "declaration_date", "Date:")]
        elif lay == "boxed":
            H_("1   Your move")
            I += [dict(k="choice", label="I am moving", options=[("into a property in Pennock Vale", not out),
                                                                  ("out of my property in Pennock Vale", out)]),
                  F(fm, "applicant_name", "Full name"),
                  F(fm, "account_ref", "Council tax account no. (moving out only)"),
                  F(fm, "move_date", "Date of the move")]
            H_("2   Property you are leaving")
            I += [F(fm, "previous_address", "Address"),
                  dict(k="row", items=[X("Town", e.get("prev_town") if "previous_address" in flds else None),
                                       F(fm, "previous_postcode", "Postcode")])]
            H_("3   New address / forwarding address")
            I += [F(fm, "new_address", "Address"),
                  dict(k="row", items=[X("Town", e.get("new_town")), F(fm, "new_postcode", "Postcode")])]
            H_("4   Contact details")
            I += [dict(k="row", items=[F(fm, "phone", "Phone"), F(fm, "email", "Email")])]
            H_("5   Declaration")
            I += [dict(k="para", text=META[t]["decl"]),
                  dict(k="row", items=[X("Signature", e["signature"]), F(fm, "declaration_date", "Date")])]
        elif lay == "twopage":
            H_("Part 1  Your details")
            I += [dict(k="choice", label="Are you moving in or moving out?",
                       options=[("Moving in to Pennock Vale / to a new property", not out), ("Moving out", out)]),
                  F(fm, "applicant_name", "Full name of the person responsible for council tax"),
                  F(fm, "account_ref", "Council tax account reference (if you have one)"),
                  F(fm, "move_date", "Date of move (date keys handed over or tenancy started/ended)")]
            H_("Part 2  The property you are moving out of")
            I += [F(fm, "previous_address", "House number or name and street"),
                  F(fm, "previous_postcode", "Postcode"),
                  dict(k="pagebreak")]
            H_("Part 3  Your new address")
            I += [F(fm, "new_address", "House number or name and street"),
                  X("Town", e.get("new_town")),
                  F(fm, "new_postcode", "Postcode")]
            H_("Part 4  Contact details")
            I += [F(fm, "phone", "Daytime phone"), F(fm, "email", "Email")]
            H_("Part 5  Declaration")
            I += [dict(k="para", text=META[t]["decl"]), X("Signature", e["signature"]),
                  F(fm, "declaration_date", "Date")]
        else:
            H_("Your move")
            I += [dict(k="radio", label="Are you moving in or out?", name="Radio1",
                       options=["Moving in", "Moving out"], exports=["Choice1", "Choice2"],
                       val="Moving out" if out else "Moving in"),
                  dict(k="field", key=None, label="Title", val=e["title"] or None, name="Title", half=True),
                  dict(k="field", key=None, label="Forename(s)", val=e["plain_name"].split()[0], name="Text2", half=True),
                  dict(k="field", key=None, label="Surname", val=" ".join(e["plain_name"].split()[1:]), name="applicant_surname"),
                  F(fm, "account_ref", "Account number (moving out only)", name="Text3", half=True),
                  F(fm, "move_date", "Moving date", name="Date1", half=True)]
            H_("Address you are leaving")
            I += [F(fm, "previous_address", "Address line 1", name="prev_addr_1"),
                  F(fm, "previous_postcode", "Postcode", name="prev_postcode", half=True)]
            H_("Address you are moving to")
            I += [F(fm, "new_address", "Address line 1", name="Text6"),
                  dict(k="field", key=None, label="Town", val=e.get("new_town"), name="Text7", half=True),
                  F(fm, "new_postcode", "Postcode", name="Text8", half=True)]
            H_("Contact and declaration")
            I += [F(fm, "phone", "Phone", name="Text9", half=True), F(fm, "email", "Email", name="Text10", half=True),
                  dict(k="para", text=META[t]["decl"]),
                  dict(k="check", label="I confirm the declaration", name="Check Box1", val=True),
                  F(fm, "declaration_date", "Date", name="Date2", half=True)]
    else:  # parking
        zone = flds["zone"]
        if lay == "wp":
            H_("About you")
            I += [F(fm, "applicant_name", "Name of applicant:"), F(fm, "address", "Address:"),
                  X("Town:", e["town"]), F(fm, "postcode", "Postcode:"),
                  F(fm, "phone", "Telephone:"), F(fm, "email", "Email:")]
            H_("About the vehicle")
            I += [F(fm, "vrm", "Vehicle registration number:"), F(fm, "vehicle_make", "Make:"),
                  X("Model:", e["model"]), X("Colour:", e["colour"])]
            H_("The permit")
            I += [dict(k="para", text="Zone codes: TCN - Town Centre North;  TCS - Town Centre South;  STN - Station."),
                  F(fm, "zone", "Permit zone (TCN, TCS or STN):"),
                  F(fm, "start_date", "Date you would like the permit to start from:", below=True)]
            H_("Declaration")
            I += [dict(k="para", text=META[t]["decl"]), X("Signed:", e["signature"]), F(fm, "declaration_date", "Date:")]
        elif lay == "boxed":
            H_("1   Applicant")
            I += [F(fm, "applicant_name", "Name"), F(fm, "address", "Address"),
                  dict(k="row", items=[X("Town", e["town"]), F(fm, "postcode", "Postcode")]),
                  dict(k="row", items=[F(fm, "phone", "Tel"), F(fm, "email", "Email")])]
            H_("2   Vehicle")
            I += [dict(k="row", items=[F(fm, "vrm", "Vehicle reg."), F(fm, "vehicle_make", "Make")]),
                  dict(k="row", items=[X("Model", e["model"]), X("Colour", e["colour"])])]
            H_("3   Permit")
            I += [dict(k="choice", label="Zone", options=[(f"{z}  {ZONE_NAMES[z]}", z == zone) for z in ZONE_NAMES]),
                  dict(k="choice", label="Permit type", options=[("Resident (12 months, £45)", True), ("Visitor book", False)]),
                  F(fm, "start_date", "Permit to start on")]
            H_("4   Declaration")
            I += [dict(k="para", text=META[t]["decl"]),
                  dict(k="row", items=[X("Signature", e["signature"]), F(fm, "declaration_date", "Date")])]
        elif lay == "twopage":
            H_("Section 1  Applicant details")
            I += [F(fm, "applicant_name", "Full name of applicant"),
                  F(fm, "address", "Address in the permit zone (number and street)"),
                  F(fm, "postcode", "Postcode"),
                  F(fm, "phone", "Contact telephone number")]
            H_("Section 2  Vehicle details")
            I += [F(fm, "vrm", "Registration mark of the vehicle"),
                  F(fm, "vehicle_make", "Manufacturer (make)"),
                  X("Model and colour", f"{e['model']}, {e['colour']}"),
                  dict(k="pagebreak"),
                  X("Is the vehicle registered to you at this address?", "Yes")]
            H_("Section 3  Permit details")
            I += [F(fm, "zone", "Permit zone code (TCN / TCS / STN)"),
                  F(fm, "start_date", "Start date required"),
                  F(fm, "email", "Email address for your e-permit")]
            H_("Section 4  Declaration")
            I += [dict(k="para", text=META[t]["decl"]), X("Signature", e["signature"]),
                  F(fm, "declaration_date", "Date")]
        else:
            H_("Applicant")
            I += [F(fm, "applicant_name", "Full name", name="Text1"),
                  F(fm, "address", "Address (number and street)", name="Text2"),
                  dict(k="field", key=None, label="Town", val=e["town"], name="Text3", half=True),
                  F(fm, "postcode", "Postcode", name="applicant_postcode", half=True),
                  F(fm, "phone", "Phone", name="Text5", half=True), F(fm, "email", "Email", name="Text6", half=True)]
            H_("Vehicle")
            I += [F(fm, "vrm", "Registration number", name="vehicle_reg", half=True),
                  F(fm, "vehicle_make", "Make", name="Text8", half=True)]
            H_("Permit")
            I += [dict(k="radio", label="Zone", name="zone", options=[f"{z} - {ZONE_NAMES[z]}" for z in ZONE_NAMES],
                       exports=list(ZONE_NAMES), val=next(f"{z} - {ZONE_NAMES[z]}" for z in ZONE_NAMES if z == zone)),
                  F(fm, "start_date", "Start date", name="Date1", half=True)]
            H_("Declaration")
            I += [dict(k="para", text=META[t]["decl"]),
                  dict(k="check", label="I have read and agree to the declaration", name="Check Box2", val=True),
                  F(fm, "declaration_date", "Date", name="Date2", half=True)]
    return I


OFFICE = ["Date received", "Checked by", "Entered on system", "Evidence seen"]


# ----------------------------------------------------------------------------
# layout: word-processor form
# ----------------------------------------------------------------------------
def render_wp(path, fm, items, total=None):
    t = fm["form_type"]
    M = META[t]
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    c.setAuthor("Revenues Admin")
    c.setCreator("Microsoft® Word for Microsoft 365")
    c.setTitle(M["title"]["wp"])
    LM, TAB, RM = 62, 258, W - 62
    page = [1]
    y = [0]
    body_font = "Helvetica"
    size = 10.5

    def footer():
        c.setFont("Helvetica", 7.5)
        c.setFillColor(colors.black)
        c.drawString(LM, 30, f"{M['code']['wp']}   Return to: {M['dept']}, {COUNCIL}, {COUNCIL_ADDR}")
        if total:
            c.drawRightString(RM, 30, f"{page[0]}")

    def newpage():
        footer()
        c.showPage()
        page[0] += 1
        y[0] = H - 60

    def need(h):
        if y[0] - h < 60:
            newpage()

    # header
    crest(c, LM, H - 92, 34, 42, fill="#3b3b3b")
    c.setFont("Helvetica-Bold", 15)
    c.drawString(LM + 44, H - 66, COUNCIL)
    c.setFont("Helvetica", 8.5)
    c.drawString(LM + 44, H - 79, f"{M['dept']}  |  {COUNCIL_ADDR}  |  01632 960000")
    c.setFont("Helvetica", 8)
    c.drawRightString(RM, H - 40, M["code"]["wp"])
    c.setLineWidth(0.6)
    c.line(LM, H - 100, RM, H - 100)
    c.setFont("Helvetica-Bold", 13.5)
    c.drawString(LM, H - 124, M["title"]["wp"])
    c.line(LM, H - 126.5, LM + stringWidth(M["title"]["wp"], "Helvetica-Bold", 13.5), H - 126.5)
    y[0] = H - 146
    if fm.get("stamp"):
        c.setFont("Helvetica-Bold", 8)
        c.drawRightString(RM, H - 52, fm["stamp"])
    c.setFont(body_font, 9.5)
    for ln in wrap(M["intro"], body_font, 9.5, RM - LM):
        c.drawString(LM, y[0], ln)
        y[0] -= 12
    y[0] -= 6
    for it in items:
        if it["k"] == "heading":
            need(40)
            y[0] -= 10
            c.setFont("Helvetica-Bold", 11)
            c.drawString(LM, y[0], it["text"])
            c.line(LM, y[0] - 2, LM + stringWidth(it["text"], "Helvetica-Bold", 11), y[0] - 2)
            y[0] -= 20
        elif it["k"] == "para":
            lines = wrap(it["text"], body_font, 9.5, RM - LM)
            need(12 * len(lines) + 6)
            c.setFont(body_font, 9.5)
            for ln in lines:
                c.drawString(LM, y[0], ln)
                y[0] -= 12
            y[0] -= 6
        elif it["k"] == "pagebreak":
            continue
        elif it["k"] == "field":
            lab = it["label"]
            val = it["val"] if it["val"] not in (None, "") else ""
            lw = stringWidth(lab, "Helvetica-Bold", size)
            if it.get("below") or lw > TAB - LM - 8:
                llines = wrap(lab, "Helvetica-Bold", size, RM - LM)
                vlines = wrap(val, body_font, size, RM - LM) if val else []
                need(14 * (len(llines) + len(vlines)) + 20)
                c.setFont("Helvetica-Bold", size)
                for ln in llines:
                    c.drawString(LM, y[0], ln)
                    y[0] -= 14
                y[0] -= 12  # blank line
                c.setFont(body_font, size)
                for ln in vlines:
                    c.drawString(LM, y[0], ln)
                    y[0] -= 14
                y[0] -= 8
            else:
                vlines = wrap(val, body_font, size, RM - TAB) if val else [""]
                need(14 * len(vlines) + 6)
                c.setFont("Helvetica-Bold", size)
                c.drawString(LM, y[0], lab)
                c.setFont(body_font, size)
                for ln in vlines:
                    c.drawString(TAB, y[0], ln)
                    y[0] -= 14
                y[0] -= 4
    # office use
    need(70)
    y[0] -= 14
    c.setFont("Helvetica-Bold", 9)
    c.drawString(LM, y[0], "For office use only")
    c.line(LM, y[0] - 2, LM + stringWidth("For office use only", "Helvetica-Bold", 9), y[0] - 2)
    y[0] -= 14
    c.setFont("Helvetica", 8.5)
    c.drawString(LM, y[0], "Date received: ____________     Officer: ________     Keyed: ________     Batch: ________")
    footer()
    c.save()
    return page[0]


# ----------------------------------------------------------------------------
# layout: boxes with labels inside the left edge
# ----------------------------------------------------------------------------
GREEN = colors.HexColor("#1f5c4a")
GREY = colors.HexColor("#7a7a7a")


def render_boxed(path, fm, items, total=None):
    t = fm["form_type"]
    M = META[t]
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    c.setTitle(M["title"]["boxed"])
    c.setAuthor(COUNCIL)
    LM, RM = 40, W - 40
    page = [1]
    y = [0]

    def top(first):
        c.setFillColor(GREEN)
        c.rect(0, H - (78 if first else 40), W, 78 if first else 40, stroke=0, fill=1)
        if first:
            crest(c, LM, H - 68, 40, 50, fill="#ffffff", fg=GREEN)
            c.setFillColor(colors.white)
            c.setFont("Helvetica-Bold", 16)
            c.drawString(LM + 52, H - 38, "Pennock Vale")
            c.setFont("Helvetica", 10)
            c.drawString(LM + 52, H - 52, "District Council")
            c.setFont("Helvetica-Bold", 17)
            c.drawRightString(RM, H - 40, M["title"]["boxed"])
            c.setFont("Helvetica", 8.5)
            c.drawRightString(RM, H - 56, f"{M['dept']}  |  form {M['code']['boxed']}")
            y[0] = H - 100
        else:
            c.setFillColor(colors.white)
            c.setFont("Helvetica-Bold", 11)
            c.drawString(LM, H - 25, f"Pennock Vale District Council  -  {M['title']['boxed']}")
            y[0] = H - 62
        c.setFillColor(colors.black)

    def bottom():
        c.setFont("Helvetica", 7)
        c.setFillColor(GREY)
        c.drawString(LM, 24, f"{M['code']['boxed']}  www.pennockvale.gov.uk  |  We will use your information in line with our "
                              f"privacy notice at www.pennockvale.gov.uk/privacy")
        if total and total > 1:
            c.drawRightString(RM, 24, f"{page[0]}/{total}")
        c.setFillColor(colors.black)

    def need(h):
        if y[0] - h < 50:
            bottom()
            c.showPage()
            page[0] += 1
            top(False)

    top(True)
    if fm.get("stamp"):
        c.setFillColor(colors.HexColor("#b0321e"))
        c.setFont("Helvetica-Bold", 8)
        c.drawRightString(RM, H - 92, fm["stamp"])
        c.setFillColor(colors.black)
    c.setFont("Helvetica", 8.5)
    for ln in wrap(M["intro"], "Helvetica", 8.5, RM - LM):
        c.drawString(LM, y[0], ln)
        y[0] -= 11
    y[0] -= 6

    def box(x, w, it, h=22):
        lab = it["label"]
        val = it["val"] if it["val"] not in (None, "") else ""
        c.setStrokeColor(colors.HexColor("#555555"))
        c.setLineWidth(0.6)
        lw = stringWidth(lab, "Helvetica", 7.5)
        if it.get("long"):
            vlines = wrap(val, "Helvetica", 10, w - lw - 22) if val else [""]
            hh = max(h, 14 * len(vlines) + 10)
            c.rect(x, y[0] - hh, w, hh, stroke=1, fill=0)
            c.setFillColor(GREY)
            c.setFont("Helvetica", 7.5)
            c.drawString(x + 5, y[0] - 14, lab)
            c.setFillColor(colors.black)
            c.setFont("Helvetica", 10)
            yy = y[0] - 14
            for ln in vlines:
                c.drawString(x + lw + 16, yy, ln)
                yy -= 14
            return hh
        c.rect(x, y[0] - h, w, h, stroke=1, fill=0)
        c.setFillColor(GREY)
        c.setFont("Helvetica", 7.5)
        c.drawString(x + 5, y[0] - h / 2 - 2.5, lab)
        c.setFillColor(colors.black)
        c.setFont("Helvetica", 10)
        fs = 10
        while stringWidth(val, "Helvetica", fs) > w - lw - 22 and fs > 6.5:
            fs -= 0.5
        c.setFont("Helvetica", fs)
        c.drawString(x + lw + 14, y[0] - h / 2 - 3.5, val)
        return h

    for it in items:
        k = it["k"]
        if k == "heading":
            need(50)
            y[0] -= 8
            c.setFillColor(colors.HexColor("#dfe9e4"))
            c.rect(LM, y[0] - 16, RM - LM, 16, stroke=0, fill=1)
            c.setFillColor(GREEN)
            c.setFont("Helvetica-Bold", 10)
            c.drawString(LM + 5, y[0] - 12, it["text"])
            c.setFillColor(colors.black)
            y[0] -= 22
        elif k == "para":
            lines = wrap(it["text"], "Helvetica-Oblique", 8.5, RM - LM)
            need(11 * len(lines) + 6)
            c.setFont("Helvetica-Oblique", 8.5)
            for ln in lines:
                c.drawString(LM, y[0] - 8, ln)
                y[0] -= 11
            y[0] -= 6
        elif k == "field":
            need(30)
            h = box(LM, RM - LM, it)
            y[0] -= h + 5
        elif k == "row":
            need(30)
            n = len(it["items"])
            gap = 8
            w = (RM - LM - gap * (n - 1)) / n
            hs = [box(LM + i * (w + gap), w, sub) for i, sub in enumerate(it["items"])]
            y[0] -= max(hs) + 5
        elif k == "choice":
            need(30)
            h = 22
            c.setStrokeColor(colors.HexColor("#555555"))
            c.rect(LM, y[0] - h, RM - LM, h, stroke=1, fill=0)
            c.setFillColor(GREY)
            c.setFont("Helvetica", 7.5)
            c.drawString(LM + 5, y[0] - h / 2 - 2.5, it["label"])
            c.setFillColor(colors.black)
            x = LM + stringWidth(it["label"], "Helvetica", 7.5) + 18
            c.setFont("Helvetica", 9.5)
            for txt, on in it["options"]:
                tickbox(c, x, y[0] - h / 2 - 4.5, 9, on)
                c.setFont("Helvetica", 9.5)
                c.drawString(x + 13, y[0] - h / 2 - 3.5, txt)
                x += 13 + stringWidth(txt, "Helvetica", 9.5) + 22
            y[0] -= h + 5
    need(60)
    y[0] -= 10
    c.setDash(3, 2)
    c.rect(LM, y[0] - 42, RM - LM, 42, stroke=1, fill=0)
    c.setDash()
    c.setFont("Helvetica-Bold", 8)
    c.drawString(LM + 6, y[0] - 12, "OFFICE USE ONLY")
    c.setFont("Helvetica", 8)
    x = LM + 6
    for lab in OFFICE:
        c.drawString(x, y[0] - 30, lab + ": ")
        x += (RM - LM) / 4
    bottom()
    c.save()
    return page[0]


# ----------------------------------------------------------------------------
# layout: two-page form with continuation
# ----------------------------------------------------------------------------
def render_twopage(path, fm, items, total=None):
    t = fm["form_type"]
    M = META[t]
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    c.setTitle(M["title"]["twopage"])
    LM, RM = 50, W - 50
    LABW = 190
    AX = LM + LABW + 20
    page = [1]
    y = [0]
    qn = [0]
    running = M["title"]["twopage"] + " (continued)"
    if not running.lower().startswith("application for"):
        running = "Application for " + M["title"]["twopage"][0].lower() + M["title"]["twopage"][1:] + " (continued)"
        if t == "council_tax_move":
            running = "Notification of moving home - Council Tax (continued)"

    def foot():
        c.setFont("Times-Roman", 8)
        c.drawString(LM, 28, f"{M['code']['twopage']}  (04/2026)")
        c.drawCentredString(W / 2, 28, f"Page {page[0]} of {total or 2}")
        c.drawRightString(RM, 28, COUNCIL)

    def newpage():
        foot()
        c.showPage()
        page[0] += 1
        c.setFont("Times-Italic", 9.5)
        c.drawString(LM, H - 36, running)
        c.setFont("Times-Roman", 8.5)
        c.drawRightString(RM, H - 36, M["code"]["twopage"])
        c.setLineWidth(0.5)
        c.line(LM, H - 42, RM, H - 42)
        y[0] = H - 66

    # header page 1
    crest(c, LM, H - 100, 46, 56, fill="#20304f")
    c.setFont("Times-Bold", 18)
    c.drawString(LM + 58, H - 62, COUNCIL.upper())
    c.setFont("Times-Roman", 10)
    c.drawString(LM + 58, H - 78, M["dept"])
    c.drawString(LM + 58, H - 91, COUNCIL_ADDR)
    c.setFont("Times-Bold", 10)
    c.drawRightString(RM, H - 40, M["code"]["twopage"])
    c.setLineWidth(1.5)
    c.line(LM, H - 110, RM, H - 110)
    c.setFont("Times-Bold", 15)
    c.drawCentredString(W / 2, H - 134, M["title"]["twopage"].upper())
    y[0] = H - 156
    if fm.get("stamp"):
        c.setFont("Times-Bold", 9)
        c.drawRightString(RM, H - 52, fm["stamp"])
    # guidance notes box
    notes = [M["intro"]] + M["notes"]
    lines = []
    for n in notes:
        ls = wrap(n, "Times-Roman", 9.5, RM - LM - 30)
        lines.append(ls)
    hh = sum(len(l) for l in lines) * 11.5 + len(lines) * 3 + 26
    c.setLineWidth(0.8)
    c.setFillColor(colors.HexColor("#eef1f6"))
    c.rect(LM, y[0] - hh, RM - LM, hh, stroke=1, fill=1)
    c.setFillColor(colors.black)
    c.setFont("Times-Bold", 10.5)
    c.drawString(LM + 8, y[0] - 15, "Guidance notes - please read before filling in this form")
    yy = y[0] - 30
    for i, ls in enumerate(lines):
        c.setFont("Times-Roman", 9.5)
        c.drawString(LM + 10, yy, f"{i + 1}.")
        for ln in ls:
            c.drawString(LM + 24, yy, ln)
            yy -= 11.5
        yy -= 3
    y[0] -= hh + 14

    for it in items:
        k = it["k"]
        if k == "pagebreak":
            newpage()
        elif k == "heading":
            if y[0] < 120:
                newpage()
            c.setFillColor(colors.HexColor("#20304f"))
            c.rect(LM, y[0] - 17, RM - LM, 17, stroke=0, fill=1)
            c.setFillColor(colors.white)
            c.setFont("Times-Bold", 11)
            c.drawString(LM + 6, y[0] - 12.5, it["text"])
            c.setFillColor(colors.black)
            y[0] -= 27
        elif k == "para":
            ls = wrap(it["text"], "Times-Roman", 10, RM - LM)
            c.setFont("Times-Roman", 10)
            for ln in ls:
                c.drawString(LM, y[0] - 9, ln)
                y[0] -= 12.5
            y[0] -= 8
        elif k in ("field", "choice"):
            qn[0] += 1
            ll = wrap(it["label"], "Times-Roman", 10, LABW - 22)
            if k == "field":
                val = it["val"] if it["val"] not in (None, "") else ""
                vl = wrap(val, "Courier", 10, RM - AX - 10) if val else [""]
                hh = max(len(ll) * 12, len(vl) * 13) + 10
                if it.get("long"):
                    hh = max(hh, 52)
            else:
                hh = max(len(ll) * 12, len(it["options"]) * 15) + 10
            if y[0] - hh < 60:
                newpage()
            c.setFont("Times-Bold", 10)
            c.drawString(LM, y[0] - 11, f"{qn[0]}.")
            c.setFont("Times-Roman", 10)
            yy = y[0] - 11
            for ln in ll:
                c.drawString(LM + 22, yy, ln)
                yy -= 12
            if k == "field":
                c.setLineWidth(0.6)
                c.setFillColor(colors.HexColor("#f7f7f2"))
                c.rect(AX, y[0] - hh + 2, RM - AX, hh - 2, stroke=1, fill=1)
                c.setFillColor(colors.black)
                c.setFont("Courier", 10)
                yy = y[0] - 13
                for ln in vl:
                    c.drawString(AX + 6, yy, ln)
                    yy -= 13
            else:
                yy = y[0] - 14
                for txt, on in it["options"]:
                    tickbox(c, AX + 2, yy - 1, 9, on)
                    c.setFont("Times-Roman", 10)
                    c.drawString(AX + 16, yy, txt)
                    yy -= 15
            y[0] -= hh + 6
    # office box
    if y[0] < 110:
        newpage()
    y[0] -= 10
    c.setLineWidth(1)
    c.rect(LM, y[0] - 60, RM - LM, 60, stroke=1, fill=0)
    c.setFont("Times-Bold", 9.5)
    c.drawString(LM + 6, y[0] - 13, "FOR OFFICE USE ONLY")
    c.setFont("Times-Roman", 9)
    for i, lab in enumerate(OFFICE):
        c.drawString(LM + 6 + (i % 2) * 240, y[0] - 30 - (i // 2) * 16, f"{lab}: ........................")
    foot()
    c.save()
    return page[0]


# ----------------------------------------------------------------------------
# layout: fillable AcroForm
# ----------------------------------------------------------------------------
def render_fillable(path, fm, items, total=None):
    t = fm["form_type"]
    M = META[t]
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    c.setTitle(M["title"]["fillable"])
    c.setCreator("Adobe Acrobat Pro 2024")
    af = c.acroForm
    LM, RM = 48, W - 48
    page = [1]
    y = [0]
    col = [0]  # 0 = left half next, 1 = right half pending
    BLUE = colors.HexColor("#0b4f8a")
    counter = [0]

    def header(first):
        c.setFillColor(BLUE)
        c.rect(LM, H - 70, RM - LM, 4, stroke=0, fill=1)
        crest(c, LM, H - 62, 30, 38, fill="#0b4f8a")
        c.setFont("Helvetica-Bold", 13)
        c.drawString(LM + 40, H - 40, COUNCIL)
        c.setFillColor(colors.black)
        c.setFont("Helvetica", 8)
        c.drawString(LM + 40, H - 52, M["dept"])
        c.drawRightString(RM, H - 40, M["code"]["fillable"])
        y[0] = H - 92

    def foot():
        c.setFont("Helvetica", 7)
        c.setFillColor(GREY)
        c.drawString(LM, 26, "Save this form, then email it to forms@pennockvale.gov.uk or print and post it to the "
                             "Town Hall. Fields marked * must be completed.")
        c.drawRightString(RM, 26, f"Page {page[0]}")
        c.setFillColor(colors.black)

    def need(h):
        if y[0] - h < 50:
            foot()
            c.showPage()
            page[0] += 1
            header(False)
            col[0] = 0

    header(True)
    c.setFont("Helvetica-Bold", 15)
    c.setFillColor(BLUE)
    c.drawString(LM, y[0], M["title"]["fillable"])
    c.setFillColor(colors.black)
    y[0] -= 16
    c.setFont("Helvetica", 8.5)
    for ln in wrap(M["intro"], "Helvetica", 8.5, RM - LM):
        c.drawString(LM, y[0], ln)
        y[0] -= 10.5
    y[0] -= 4
    half_w = (RM - LM - 14) / 2
    pending_drop = [0]

    def flush_col():
        if col[0] == 1:
            y[0] -= pending_drop[0]
            col[0] = 0

    for it in items:
        k = it["k"]
        if k == "heading":
            flush_col()
            need(50)
            y[0] -= 6
            c.setFont("Helvetica-Bold", 11)
            c.setFillColor(BLUE)
            c.drawString(LM, y[0], it["text"])
            c.setStrokeColor(BLUE)
            c.setLineWidth(0.8)
            c.line(LM, y[0] - 4, RM, y[0] - 4)
            c.setStrokeColor(colors.black)
            c.setFillColor(colors.black)
            y[0] -= 20
        elif k == "para":
            flush_col()
            ls = wrap(it["text"], "Helvetica", 8.5, RM - LM)
            need(len(ls) * 10.5 + 6)
            c.setFont("Helvetica", 8.5)
            for ln in ls:
                c.drawString(LM, y[0], ln)
                y[0] -= 10.5
            y[0] -= 6
        elif k == "field":
            hgt = 40 if it.get("long") else 17
            drop = hgt + 18
            if it.get("half"):
                if col[0] == 0:
                    need(drop)
                    x, w = LM, half_w
                    col[0] = 1
                    pending_drop[0] = drop
                    advance = False
                else:
                    x, w = LM + half_w + 14, half_w
                    col[0] = 0
                    advance = True
            else:
                flush_col()
                need(drop)
                x, w = LM, RM - LM
                advance = True
            c.setFont("Helvetica-Bold", 8)
            req = "*" if it.get("key") in REQ.get(t, []) + ["account_ref", "move_date", "applicant_name"] else ""
            c.drawString(x, y[0], it["label"] + (" " + req if req else ""))
            val = it["val"] if it["val"] not in (None, "") else ""
            counter[0] += 1
            af.textfield(name=it.get("name") or f"Text{counter[0] + 20}", tooltip=it["label"], value=str(val),
                         x=x, y=y[0] - 4 - hgt, width=w, height=hgt, fontName="Helvetica", fontSize=9.5,
                         borderColor=colors.HexColor("#7f9cb8"), fillColor=colors.HexColor("#eaf2fb"),
                         textColor=colors.black, forceBorder=True, maxlen=400,
                         fieldFlags="multiline" if it.get("long") else "")
            if advance:
                y[0] -= drop
        elif k == "radio":
            flush_col()
            need(36)
            c.setFont("Helvetica-Bold", 8)
            c.drawString(LM, y[0], it["label"])
            x = LM
            yy = y[0] - 18
            exports = it.get("exports") or it["options"]
            for opt, ex in zip(it["options"], exports):
                af.radio(name=it["name"], tooltip=it["label"], value=ex.replace(" ", "_"), selected=(opt == it["val"]),
                         x=x, y=yy - 2, size=11, buttonStyle="circle", borderColor=colors.HexColor("#7f9cb8"),
                         fillColor=colors.white, textColor=colors.black, forceBorder=True)
                c.setFont("Helvetica", 9)
                c.drawString(x + 15, yy + 1, opt)
                x += 15 + stringWidth(opt, "Helvetica", 9) + 20
            y[0] -= 36
        elif k == "check":
            flush_col()
            need(24)
            af.checkbox(name=it["name"], tooltip=it["label"], checked=bool(it["val"]), x=LM, y=y[0] - 10, size=11,
                        buttonStyle="check", borderColor=colors.HexColor("#7f9cb8"), fillColor=colors.white,
                        textColor=colors.black, forceBorder=True)
            c.setFont("Helvetica", 9)
            c.drawString(LM + 16, y[0] - 8, it["label"])
            y[0] -= 26
    flush_col()
    if y[0] - 40 < 38:
        foot()
        c.save()
        return page[0]
    y[0] -= 4
    c.setFillColor(colors.HexColor("#f0f0f0"))
    c.rect(LM, y[0] - 34, RM - LM, 34, stroke=0, fill=1)
    c.setFillColor(colors.black)
    c.setFont("Helvetica-Bold", 7.5)
    c.drawString(LM + 5, y[0] - 11, "Office use only")
    c.setFont("Helvetica", 7.5)
    c.drawString(LM + 5, y[0] - 25, "Received: ____________   Case no.: ____________   Verified: ____")
    foot()
    c.save()
    return page[0]


# ----------------------------------------------------------------------------
# correspondence
# ----------------------------------------------------------------------------
def render_letter(path, fm):
    d = fm["doc"]
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    c.setTitle("Letter")
    LM, RM = 72, W - 72
    y = H - 72
    c.setFont("Times-Roman", 11)
    lines = list(d["addr_lines"])
    if d.get("phone"):
        lines.append("Tel: " + d["phone"])
    if d.get("email"):
        lines.append(d["email"])
    for ln in lines:
        c.drawRightString(RM, y, ln)
        y -= 13.5
    y -= 8
    c.drawRightString(RM, y, fmt_date(d["date"], d["date_style"]))
    y -= 30
    for ln in d["recip"]:
        c.drawString(LM, y, ln)
        y -= 13.5
    y -= 18
    c.drawString(LM, y, d["salutation"])
    y -= 22
    if d.get("subject"):
        c.setFont("Times-Bold", 11)
        c.drawString(LM, y, d["subject"])
        y -= 22
    for para in fm["body"]:
        bold = para.startswith("Council tax account")
        c.setFont("Times-Bold" if bold else "Times-Roman", 11)
        for ln in wrap(para, "Times-Roman", 11, RM - LM):
            c.drawString(LM, y, ln)
            y -= 14
        y -= 9
    y -= 4
    c.setFont("Times-Roman", 11)
    c.drawString(LM, y, d["close"])
    y -= 40
    if d.get("sender"):
        c.setFont("Times-Italic", 15)
        c.drawString(LM, y + 14, d["sender"].replace("Mrs ", "").replace("Mr ", "").replace("Ms ", ""))
        c.setFont("Times-Roman", 11)
        c.drawString(LM, y - 4, d["sender"])
        y -= 18
        if d.get("sign_extra"):
            c.drawString(LM, y - 4, d["sign_extra"])
    c.save()


def render_email(path, fm):
    d = fm["doc"]
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    c.setTitle(d["subject"])
    LM, RM = 40, W - 40
    y = H - 34
    c.setFont("Helvetica", 8)
    c.drawString(LM, y, d["sent"].strftime("%d/%m/%Y, %H:%M"))
    c.drawCentredString(W / 2, y, f"Mail - Pennock Vale District Council - {d['subject']}")
    y -= 26
    c.setFont("Helvetica-Bold", 14)
    c.drawString(LM, y, d["subject"])
    y -= 8
    c.setLineWidth(0.5)
    c.line(LM, y, RM, y)
    y -= 18
    sent = d["sent"]
    hdr = [("From:", f"{d['sender']} <{d['sender_email']}>"),
           ("Sent:", f"{WEEKDAYS[sent.weekday()]}, {sent.day} {MONTHS[sent.month - 1]} {sent.year} {sent:%H:%M}"),
           ("To:", d["to"]), ("Subject:", d["subject"])]
    for a, b in hdr:
        c.setFont("Helvetica-Bold", 9.5)
        c.drawString(LM, y, a)
        c.setFont("Helvetica", 9.5)
        c.drawString(LM + 52, y, b)
        y -= 13
    y -= 14
    c.setFont("Helvetica", 10.5)
    for para in d["body"]:
        for ln in wrap(para, "Helvetica", 10.5, RM - LM):
            c.drawString(LM, y, ln)
            y -= 14
        y -= 8
    y -= 2
    for i, ln in enumerate(d["sig"]):
        c.setFont("Helvetica-Bold" if i == 0 else "Helvetica", 9.5 if i < 3 else 8.5)
        c.setFillColor(colors.black if i < 3 else colors.HexColor("#444444"))
        c.drawString(LM, y, ln)
        y -= 12.5
    y -= 10
    c.setFillColor(GREY)
    c.setFont("Helvetica", 7)
    for ln in wrap(d["disclaimer"], "Helvetica", 7, RM - LM):
        c.drawString(LM, y, ln)
        y -= 9
    c.setFont("Helvetica", 7.5)
    c.drawString(LM, 24, "https://mail.pennockvale.gov.uk/owa/#path=/mail/inbox")
    c.drawRightString(RM, 24, "1/1")
    c.save()


RENDER = {"wp": render_wp, "boxed": render_boxed, "twopage": render_twopage, "fillable": render_fillable}

# ----------------------------------------------------------------------------
# write everything
# ----------------------------------------------------------------------------


def write_workbook(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "properties"
    ws.append(["uprn", "address_line_1", "address_line_2", "town", "postcode", "council_tax_band", "ward",
               "parking_zone", "property_type"])
    for p in PROPS:
        ws.append([p["uprn"], p["line1"], p["line2"] or None, p["town"], p["postcode"], p["band"], p["ward"],
                   p["zone"] or None, {"num": "house", "unit": "flat", "named": "house", "farm": "farm"}[p["kind"]]])
    ws = wb.create_sheet("council_tax_accounts")
    ws.append(["account_ref", "uprn", "liable_parties", "status", "start_date", "end_date", "discounts"])
    for a in sorted(ACCOUNTS, key=lambda a: (a["uprn"], a["start"])):
        ws.append([a["ref"], a["uprn"], ";".join(a["liable"]), a["status"], a["start"], a["end"],
                   ";".join(a["discounts"]) or None])
    ws = wb.create_sheet("electoral_register")
    ws.append(["elector_number", "full_name", "uprn"])
    for e in sorted(ELECTORS, key=lambda e: (e["num"].split("-")[0], int(e["num"].split("-")[1]))):
        ws.append([e["num"], e["name"], e["uprn"]])
    ws = wb.create_sheet("parking_permits")
    ws.append(["permit_ref", "uprn", "vrm", "zone", "valid_from", "valid_to"])
    for x in sorted(PERMITS, key=lambda x: x["ref"]):
        ws.append([x["ref"], x["uprn"], x["vrm"], x["zone"], x["valid_from"], x["valid_to"]])
    for ws in wb.worksheets:
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, dt.date):
                    cell.number_format = "yyyy-mm-dd"
        for col in ws.columns:
            ws.column_dimensions[col[0].column_letter].width = 18
    wb.save(path)


def main():
    if os.path.isdir(INBOX):
        shutil.rmtree(INBOX)
    os.makedirs(INBOX)
    write_workbook(os.path.join(HERE, "records.xlsx"))
    order = list(range(len(FORMS)))
    rng.shuffle(order)
    names = {}
    for slot, idx in enumerate(order):
        names[idx] = f"doc_{slot + 1:04d}.pdf"
    for idx, fm in enumerate(FORMS):
        path = os.path.join(INBOX, names[idx])
        if fm["form_type"] == "correspondence":
            (render_letter if fm["layout"] == "letter" else render_email)(path, fm)
        else:
            items = build_items(fm)
            r = RENDER[fm["layout"]]
            n = r(io.BytesIO(), fm, items, None)
            r(path, fm, items, n)
            fm["pages"] = n
    # truth, in inbox-name order
    lines = []
    learn_count = {}
    for idx in sorted(range(len(FORMS)), key=lambda i: names[i]):
        fm = FORMS[idx]
        combo = (fm["layout"], fm["form_type"])
        split = "test"
        if fm["outcome"] == "approved":
            if learn_count.get(combo, 0) < 2:
                learn_count[combo] = learn_count.get(combo, 0) + 1
                split = "learn"
        rec = {"file": names[idx], "form_type": fm["form_type"], "fields": fm["fields"],
               "outcome": fm["outcome"], "reasons": fm["reasons"], "layout": fm["layout"], "split": split}
        if fm.get("dup"):
            rec["duplicate_group"] = fm["dup"]
        lines.append(json.dumps(rec, ensure_ascii=False))
    with open(os.path.join(HERE, "truth.jsonl"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    # summary
    from collections import Counter
    cnt = Counter((FORMS[i]["form_type"], FORMS[i]["outcome"]) for i in range(len(FORMS)))
    print("files:", len(FORMS), "properties:", len(PROPS), "accounts:", len(ACCOUNTS), "electors:", len(ELECTORS),
          "permits:", len(PERMITS))
    for k, v in sorted(cnt.items()):
        print(" ", k, v)
    print("learn combos:", learn_count)


if __name__ == "__main__":
    main()
