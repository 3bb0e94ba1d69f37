#!/usr/bin/env python3
"""Blind test set generator - City of Wrexley Council (set41).

Deterministic (seed 41041).  Writes next to itself:
  records.xlsx, inbox/doc_NNNN.pdf, truth.jsonl
Run:  python gen.py
"""
import datetime as dt
import hashlib
import json
import os
import random
import re
import shutil

from openpyxl import Workbook
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as rl_canvas

SEED = 41041
AS_OF = dt.date(2026, 12, 7)
BACKDATE_DAYS = 365
FORWARD_DAYS = 28
PERMIT_CAP = 2
HERE = os.path.dirname(os.path.abspath(__file__))
INBOX = os.path.join(HERE, "inbox")
W, H = A4

rng = random.Random(SEED)

# ----------------------------------------------------------------------------
# normal forms / helpers
# ----------------------------------------------------------------------------
TITLES = {"mr", "mrs", "ms", "miss", "dr", "mx"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]


def collapse(s):
    return re.sub(r"\s+", " ", s).strip()


def name_key(n):
    toks = [t for t in re.split(r"\s+", n.strip().lower()) if t]
    while toks and toks[0].rstrip(".") in TITLES:
        toks = toks[1:]
    return " ".join(toks)


def addr_key(a):
    return collapse(re.sub(r"[,.]", " ", a.lower()))


def norm_pc(p):
    p = p.replace(" ", "").upper()
    return p[:-3] + " " + p[-3:]


def iso(d):
    return d.isoformat()


def ordinal(n):
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def fmt_date(d, style):
    if isinstance(d, str):  # raw (possibly impossible) date as written
        return d
    if style == "long":
        return f"{d.day} {MONTHS[d.month-1]} {d.year}"
    if style == "ordinal":
        return f"{ordinal(d.day)} {MONTHS[d.month-1]} {d.year}"
    if style == "us":
        return f"{MONTHS[d.month-1]} {d.day}, {d.year}"
    if style == "slash":
        return d.strftime("%d/%m/%Y")
    if style == "slash_short":
        return f"{d.day}/{d.month}/{d.year}"
    if style == "dot":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if style == "dash":
        return d.strftime("%d-%m-%Y")
    if style == "iso":
        return d.isoformat()
    raise ValueError(style)


VRM_RES = [re.compile(r"^[A-Z]{2}[0-9]{2}[A-Z]{3}$"),      # current
           re.compile(r"^[A-Z][0-9]{1,3}[A-Z]{3}$"),       # prefix
           re.compile(r"^[A-Z]{3}[0-9]{1,3}[A-Z]$")]       # suffix


def vrm_ok(v):
    return any(r.match(v) for r in VRM_RES)


def vrm_disp(v):
    if re.match(r"^[A-Z]{2}[0-9]{2}[A-Z]{3}$", v):
        return v[:4] + " " + v[4:]
    m = re.match(r"^([A-Z][0-9]{1,3})([A-Z]{3})$", v)
    if m:
        return m.group(1) + " " + m.group(2)
    m = re.match(r"^([A-Z]{3})([0-9]{1,3}[A-Z])$", v)
    if m:
        return m.group(1) + " " + m.group(2)
    return v


# ----------------------------------------------------------------------------
# RECORDS
# ----------------------------------------------------------------------------
FIRST = ["Oliver", "Amelia", "Harry", "Isla", "George", "Ava", "Noah", "Mia", "Jack", "Freya",
         "Leo", "Lily", "Arthur", "Grace", "Oscar", "Evie", "Charlie", "Ella", "Thomas", "Poppy",
         "Henry", "Sophie", "William", "Ruby", "Alfie", "Florence", "Joshua", "Phoebe", "Samuel",
         "Chloe", "Daniel", "Hannah", "Matthew", "Imogen", "Ethan", "Zara", "Reuben", "Niamh",
         "Callum", "Priya", "Arjun", "Aisha", "Tomasz", "Agnieszka", "Kwame", "Chidi", "Mohammed",
         "Fatima", "Rhys", "Cerys", "Declan", "Siobhan", "Graham", "Pauline", "Derek", "Maureen",
         "Keith", "Janet", "Colin", "Brenda", "Stuart", "Lorraine", "Nigel", "Deborah", "Martin",
         "Gillian", "Ewan", "Morag", "Hamish", "Bethan", "Owain", "Yusuf", "Leila", "Stefan",
         "Ingrid", "Marek", "Olena", "Dmitri", "Rosa", "Luca", "Giulia", "Kofi", "Abena", "Wei",
         "Mei", "Raj", "Sunita", "Connor", "Erin", "Finlay", "Maisie", "Barnaby", "Tabitha"]
LAST = ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson",
        "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood",
        "Jackson", "Clarke", "Patel", "Khan", "Lewis", "Harris", "Martin", "Cooper", "Hughes",
        "Edwards", "Turner", "Hill", "Moore", "Parker", "Ward", "Bennett", "Carter", "Price",
        "Nowak", "Kowalski", "Okafor", "Mensah", "Osei", "Begum", "Hussain", "Ahmed", "Singh",
        "Kaur", "O'Neill", "McAllister", "Fitzgerald", "Llewellyn", "Pritchard", "Ashworth",
        "Hargreaves", "Fairbairn", "Whitfield", "Thornton", "Pemberton", "Braithwaite", "Lockwood",
        "Ramsbottom", "Entwistle", "Greenhalgh", "Sutcliffe", "Chen", "Li", "Zhang", "Novak",
        "Petrov", "Rossi", "Bianchi", "Da Silva", "Murphy", "Kelly", "Byrne", "Doyle", "Quinn",
        "Marsh", "Fletcher", "Holloway", "Bradshaw", "Kendrick", "Merriman", "Ogden", "Pickering"]

_used_names = set()


def new_name():
    while True:
        n = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        if n not in _used_names:
            _used_names.add(n)
            return n


def new_name_surname(surname):
    for _ in range(200):
        n = f"{rng.choice(FIRST)} {surname}"
        if n not in _used_names:
            _used_names.add(n)
            return n
    return new_name()


UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
# name, district, ward, zone, kind, count, building (for flats)
STREETS = [
    ("Albert Terrace", "WY2 9", "St Oswald's", "CPZ 2", "terrace", 16, None),
    ("Victoria Street", "WY2 8", "St Oswald's", "CPZ 2", "terrace", 14, None),
    ("Chapter Road", "WY1 4", "Cathedral", "Zone Cathedral", "student", 14, None),
    ("Deanery Lane", "WY1 3", "Cathedral", "Zone Cathedral", "terrace", 10, None),
    ("Prebend Street", "WY1 5", "Cathedral", "CPZ 1", "student", 12, None),
    ("Gladstone Street", "WY3 2", "Northgate", "CPZ 3", "terrace", 14, None),
    ("Northgate", "WY3 1", "Northgate", "CPZ 3", "student", 10, None),
    ("Riverside Walk", "WY4 6", "Riverside", "CPZ 4", "flats", 16, "Riverside House"),
    ("Navigation Way", "WY4 7", "Riverside", "CPZ 4", "flats", 12, "Wharf House"),
    ("Kestrel Way", "WY6 3", "Abbey Meadows", "", "estate", 14, None),
    ("Skylark Close", "WY6 3", "Abbey Meadows", "", "estate", 10, None),
    ("Abbey Road", "WY5 2", "Hillfield", "CPZ 5", "flats", 10, "Cranmer Court"),
    ("Hillfield Road", "WY5 1", "Hillfield", "CPZ 5", "terrace", 12, None),
    ("Salisbury Avenue", "WY7 4", "Hillfield", "CPZ 6", "terrace", 12, None),
    ("Station Road", "WY7 2", "Northgate", "CPZ 6", "student", 10, None),
    ("Orchard Rise", "WY8 5", "Abbey Meadows", "", "estate", 10, None),
]
WARD_CODE = {"St Oswald's": "SO", "Cathedral": "CA", "Northgate": "NG", "Riverside": "RV",
             "Abbey Meadows": "AM", "Hillfield": "HF"}
ZONES = ["CPZ 1", "CPZ 2", "CPZ 3", "CPZ 4", "CPZ 5", "CPZ 6", "Zone Cathedral"]

properties = []   # dicts
props_by_uprn = {}
accounts = {}     # ref -> dict
electors = []     # dicts
permits = []      # dicts
_used_pcs = set()


def make_pc(district):
    while True:
        # district like "WY2 9" -> "WY2 9DN"
        pc = district + rng.choice(UNIT_LETTERS) + rng.choice(UNIT_LETTERS)
        if pc not in _used_pcs:
            _used_pcs.add(pc)
            return pc


uprn_seq = 100091200000
for (street, district, ward, zone, kind, count, building) in STREETS:
    pcs = [make_pc(district) for _ in range(2)]
    if kind == "flats":
        line2 = street
        for i in range(1, count + 1):
            uprn_seq += rng.randint(1, 9)
            p = dict(uprn=uprn_seq, address_line_1=f"Apartment {i}, {building}",
                     address_line_2=street, town="Wrexley", postcode=pcs[0],
                     council_tax_band=rng.choice("BBCCCD"), ward=ward, parking_zone=zone,
                     kind=kind)
            properties.append(p)
        continue
    nums = list(range(1, count * 2 + 1, 2)) if kind != "estate" else list(range(1, count + 1))
    for idx, n in enumerate(nums[:count]):
        uprn_seq += rng.randint(1, 9)
        pc = pcs[0] if idx < count // 2 else pcs[1]
        if kind == "student" and idx % 3 == 1:
            # house split into two flats
            for fl in ("Flat A", "Flat B"):
                uprn_seq += rng.randint(1, 3)
                properties.append(dict(uprn=uprn_seq, address_line_1=f"{fl}, {n} {street}",
                                       address_line_2="", town="Wrexley", postcode=pc,
                                       council_tax_band="A", ward=ward, parking_zone=zone,
                                       kind=kind))
            continue
        band = {"terrace": "BBCC", "student": "BCC", "estate": "CDDE"}[kind]
        properties.append(dict(uprn=uprn_seq, address_line_1=f"{n} {street}", address_line_2="",
                               town="Wrexley", postcode=pc, council_tax_band=rng.choice(band),
                               ward=ward, parking_zone=zone, kind=kind))
for p in properties:
    props_by_uprn[p["uprn"]] = p

_used_refs = set()


def new_ref():
    while True:
        r = f"4{rng.randint(0, 9999999):07d}"
        if r not in _used_refs:
            _used_refs.add(r)
            return r


def rand_date(a, b):
    return a + dt.timedelta(days=rng.randint(0, (b - a).days))


ward_counters = {}


def add_elector(name, uprn):
    ward = props_by_uprn[uprn]["ward"]
    code = WARD_CODE[ward]
    ward_counters[code] = ward_counters.get(code, 100) + rng.randint(1, 4)
    electors.append(dict(elector_number=f"{code}-{ward_counters[code]}", full_name=name, uprn=uprn))


_used_vrms = set()
VRM_L = "ABCDEFGHJKLMNOPRSTUVWXY"


def new_vrm(style="current"):
    while True:
        if style == "current":
            v = (rng.choice(VRM_L) + rng.choice(VRM_L) + rng.choice(["19", "20", "21", "22", "23",
                 "24", "25", "68", "69", "70", "71", "72", "73", "74", "15", "16", "17", "66", "67"])
                 + "".join(rng.choice(VRM_L) for _ in range(3)))
        elif style == "prefix":
            v = rng.choice("PRSTVWXY") + str(rng.randint(1, 999)) + "".join(rng.choice(VRM_L) for _ in range(3))
        else:
            v = "".join(rng.choice(VRM_L) for _ in range(3)) + str(rng.randint(1, 999)) + rng.choice("ABCDEFGHJKLMNPRSTVWXY")
        if v not in _used_vrms:
            _used_vrms.add(v)
            return v


_permit_seq = [240100]


def add_permit(uprn, vrm, zone, vfrom, vto=None):
    _permit_seq[0] += rng.randint(3, 40)
    permits.append(dict(permit_ref=f"WYP{_permit_seq[0]}", uprn=uprn, vrm=vrm, zone=zone,
                        valid_from=vfrom, valid_to=vto or (vfrom + dt.timedelta(days=364))))


# base population
for p in properties:
    u = p["uprn"]
    r = rng.random()
    if p["kind"] == "student" and r < 0.5:
        n_liable = 3
    elif r < 0.5:
        n_liable = 1
    else:
        n_liable = 2
    first = new_name()
    liable = [first]
    for _ in range(n_liable - 1):
        if n_liable == 2 and rng.random() < 0.6:
            liable.append(new_name_surname(first.split()[-1]))
        else:
            liable.append(new_name())
    # historical closed account
    start = rand_date(dt.date(2012, 4, 1), dt.date(2025, 9, 1))
    if rng.random() < 0.3:
        old = [new_name()]
        ref = new_ref()
        accounts[ref] = dict(account_ref=ref, uprn=u, liable=old, status="closed",
                             start_date=rand_date(dt.date(2005, 4, 1), start - dt.timedelta(days=400)),
                             end_date=start - dt.timedelta(days=1), discounts=[])
    if rng.random() < 0.03:
        continue  # vacant: no active account
    disc = []
    if n_liable == 1 and rng.random() < 0.35:
        disc = ["SPD"]
    ref = new_ref()
    accounts[ref] = dict(account_ref=ref, uprn=u, liable=liable, status="active", start_date=start,
                         end_date=None, discounts=disc)
    for n in liable:
        if rng.random() < 0.92:
            add_elector(n, u)
    if rng.random() < 0.1:
        add_elector(new_name_surname(first.split()[-1]), u)
    if p["parking_zone"]:
        rr = rng.random()
        k = 2 if rr < 0.1 else (1 if rr < 0.45 else 0)
        for _ in range(k):
            vf = rand_date(dt.date(2026, 1, 5), dt.date(2026, 11, 20))
            add_permit(u, new_vrm(), p["parking_zone"], vf)
        if rng.random() < 0.12:
            vf = rand_date(dt.date(2024, 6, 1), dt.date(2025, 11, 1))
            add_permit(u, new_vrm(), p["parking_zone"], vf)  # expired

# ----------------------------------------------------------------------------
# scenario helpers: take an unused property and set its records up explicitly
# ----------------------------------------------------------------------------
used_uprns = set()


def take_property(pred=lambda p: True):
    cands = [p for p in properties if p["uprn"] not in used_uprns and pred(p)]
    p = rng.choice(cands)
    used_uprns.add(p["uprn"])
    return p


def reset_property(uprn, liable=None, status="active", discounts=(), register=(), permits_=(),
                   start=None, end=None):
    """Replace all records for uprn.  Returns the account ref (or None)."""
    for ref in [r for r, a in accounts.items() if a["uprn"] == uprn]:
        del accounts[ref]
    electors[:] = [e for e in electors if e["uprn"] != uprn]
    permits[:] = [x for x in permits if x["uprn"] != uprn]
    ref = None
    if liable:
        ref = new_ref()
        start = start or rand_date(dt.date(2014, 4, 1), dt.date(2024, 10, 1))
        accounts[ref] = dict(account_ref=ref, uprn=uprn, liable=list(liable), status=status,
                             start_date=start, end_date=end if status == "closed" else None,
                             discounts=list(discounts))
    for n in register:
        add_elector(n, uprn)
    zone = props_by_uprn[uprn]["parking_zone"]
    for (v, vf) in permits_:
        add_permit(uprn, v, zone, vf)
    return ref


def find_property(line1, pc):
    for p in properties:
        if addr_key(p["address_line_1"]) == addr_key(line1) and p["postcode"] == norm_pc(pc):
            return p
    return None


# ----------------------------------------------------------------------------
# CHECKS (forms.md, literally)
# ----------------------------------------------------------------------------
REQ = {
    "council_tax_spd": ["account_ref", "applicant_name", "address", "postcode", "sole_adult_since",
                        "declaration_date"],
    "parking_permit": ["applicant_name", "address", "postcode", "vrm", "zone", "start_date",
                       "declaration_date"],
}
DATE_FIELDS = {"sole_adult_since", "declaration_date", "move_date", "start_date"}


def valid_iso(s):
    try:
        dt.date.fromisoformat(s)
        return True
    except Exception:
        return False


def active_on(pm, d):
    return pm["valid_from"] <= d <= pm["valid_to"]


def check(ft, f):
    reasons = []
    if ft == "correspondence":
        acc_ok = f.get("account_ref") in accounts if f.get("account_ref") else False
        addr_ok = bool(f.get("address") and f.get("postcode") and find_property(f["address"], f["postcode"]))
        if not f.get("sender_name") or not (addr_ok or acc_ok):
            reasons.append("SENDER_UNKNOWN")
        if f.get("account_ref") and f["account_ref"] not in accounts:
            reasons.append("ACCOUNT_NOT_FOUND")
        return reasons
    req = list(REQ.get(ft, []))
    if ft == "council_tax_move":
        req = ["move_type", "applicant_name", "move_date", "declaration_date"]
        if f.get("move_type") == "out":
            req += ["account_ref", "previous_address", "previous_postcode"]
        else:
            req += ["new_address", "new_postcode"]
    for k in req:
        if k not in f:
            reasons.append(f"MISSING_FIELD:{k}")
    for k in f:
        if k in DATE_FIELDS and not valid_iso(f[k]):
            reasons.append(f"INVALID_FORMAT:{k}")
    D = lambda k: dt.date.fromisoformat(f[k]) if k in f and valid_iso(f[k]) else None

    if ft == "council_tax_spd":
        acct = accounts.get(f.get("account_ref"))
        if f.get("account_ref") and not acct:
            reasons.append("ACCOUNT_NOT_FOUND")
        if acct:
            if acct["status"] != "active":
                reasons.append("ACCOUNT_CLOSED")
            if name_key(f["applicant_name"]) not in {name_key(n) for n in acct["liable"]}:
                reasons.append("NAME_MISMATCH")
            pr = props_by_uprn[acct["uprn"]]
            if ("address" in f and addr_key(f["address"]) != addr_key(pr["address_line_1"])) or \
               ("postcode" in f and f["postcode"] != pr["postcode"]):
                reasons.append("ADDRESS_MISMATCH")
            if "SPD" in acct["discounts"]:
                reasons.append("DISCOUNT_ALREADY_APPLIED")
            allowed = {name_key(f["applicant_name"])}
            if f.get("other_adult_name"):
                allowed.add(name_key(f["other_adult_name"]))
            if any(name_key(e["full_name"]) not in allowed for e in electors if e["uprn"] == acct["uprn"]):
                reasons.append("OTHER_ADULTS_REGISTERED")
        d = D("sole_adult_since")
        if d and d > AS_OF:
            reasons.append("DATE_IN_FUTURE")
        if d and (AS_OF - d).days > BACKDATE_DAYS:
            reasons.append("DATE_TOO_OLD")
        if d and f.get("change_description"):
            for m in re.finditer(r"(\d{1,2})(?:st|nd|rd|th)? (" + "|".join(MONTHS) + r") (\d{4})",
                                 f["change_description"]):
                dd = dt.date(int(m.group(3)), MONTHS.index(m.group(2)) + 1, int(m.group(1)))
                if dd != d:
                    reasons.append("INCONSISTENT_DATES")
                    break
    elif ft == "council_tax_move":
        if f.get("move_type") == "out":
            acct = accounts.get(f.get("account_ref"))
            if f.get("account_ref") and not acct:
                reasons.append("ACCOUNT_NOT_FOUND")
            if acct:
                if name_key(f["applicant_name"]) not in {name_key(n) for n in acct["liable"]}:
                    reasons.append("NAME_MISMATCH")
                pr = props_by_uprn[acct["uprn"]]
                if addr_key(f.get("previous_address", "")) != addr_key(pr["address_line_1"]) or \
                   f.get("previous_postcode") != pr["postcode"]:
                    reasons.append("ADDRESS_MISMATCH")
        else:
            if "new_address" in f and not find_property(f["new_address"], f.get("new_postcode", "")):
                reasons.append("PROPERTY_NOT_FOUND")
        d = D("move_date")
        if d and (d - AS_OF).days > FORWARD_DAYS:
            reasons.append("DATE_IN_FUTURE")
        if d and (AS_OF - d).days > BACKDATE_DAYS:
            reasons.append("DATE_TOO_OLD")
    elif ft == "parking_permit":
        pr = find_property(f.get("address", ""), f.get("postcode", "")) if "address" in f else None
        if "address" in f and not pr:
            reasons.append("PROPERTY_NOT_FOUND")
        if pr:
            if not pr["parking_zone"] or pr["parking_zone"] != f.get("zone"):
                reasons.append("NOT_IN_PERMIT_ZONE")
            nk = name_key(f["applicant_name"])
            liable = any(a["uprn"] == pr["uprn"] and a["status"] == "active" and
                         nk in {name_key(n) for n in a["liable"]} for a in accounts.values())
            reg = any(e["uprn"] == pr["uprn"] and name_key(e["full_name"]) == nk for e in electors)
            if not (liable or reg):
                reasons.append("NOT_RESIDENT")
        if "vrm" in f and not vrm_ok(f["vrm"]):
            reasons.append("INVALID_FORMAT:vrm")
        if "vrm" in f and any(pm["vrm"] == f["vrm"] and active_on(pm, AS_OF) for pm in permits):
            reasons.append("VRM_HAS_PERMIT")
        if pr and sum(1 for pm in permits if pm["uprn"] == pr["uprn"] and active_on(pm, AS_OF)) >= PERMIT_CAP:
            reasons.append("PERMIT_CAP_REACHED")
        d = D("start_date")
        if d and (d - AS_OF).days > FORWARD_DAYS:
            reasons.append("DATE_IN_FUTURE")
    return reasons


# ----------------------------------------------------------------------------
# SCENARIOS
# ----------------------------------------------------------------------------
LAYOUTS = ["govuk", "check_answers", "dense_old", "fillable_pdf"]
docs = []   # dict(ft, layout, fields, disp, expected_reasons, extra)

OUTSIDE = [("17 Castle Street", "Shrewsbury", "SY1 2BQ"), ("4 Marine Parade", "Seaton", "EX12 2QE"),
           ("Flat 3, 81 Hyde Park Road", "Leeds", "LS6 1AG"), ("22 Quarry Bank", "Malvern", "WR14 3JP"),
           ("9 Heol y Nant", "Cardiff", "CF14 6PL"), ("The Old Forge, Church Lane", "Ledbury", "HR8 1DW"),
           ("61 Gregory Boulevard", "Nottingham", "NG7 6LB"), ("3 Tannery Yard", "Kendal", "LA9 4QT"),
           ("118 Gloucester Road", "Bristol", "BS7 8NT"), ("5 Sandpiper Court", "Whitby", "YO21 1RZ"),
           ("27 Moorland View", "Harrogate", "HG2 7LS"), ("2 Kirk Wynd", "St Andrews", "KY16 9JH")]
rng.shuffle(OUTSIDE)
_out_i = [0]


def outside_addr():
    a = OUTSIDE[_out_i[0] % len(OUTSIDE)]
    _out_i[0] += 1
    return a


def phone():
    if rng.random() < 0.5:
        return f"07700 900{rng.randint(0, 999):03d}"
    return f"01632 960{rng.randint(0, 999):03d}"


def email_for(name):
    parts = name_key(name).replace("'", "").split()
    dom = rng.choice(["outlook.com", "gmail.com", "btinternet.com", "icloud.com", "yahoo.co.uk"])
    style = rng.random()
    if style < 0.4:
        local = f"{parts[0]}.{parts[-1]}"
    elif style < 0.7:
        local = f"{parts[0][0]}{parts[-1]}{rng.randint(1, 99)}"
    else:
        local = f"{parts[-1]}{parts[0][0]}"
    return f"{local}@{dom}"


FEMALE = {"Amelia", "Isla", "Ava", "Mia", "Freya", "Lily", "Grace", "Evie", "Ella", "Poppy", "Sophie",
          "Ruby", "Florence", "Phoebe", "Chloe", "Hannah", "Imogen", "Zara", "Niamh", "Priya", "Aisha",
          "Agnieszka", "Fatima", "Cerys", "Siobhan", "Pauline", "Maureen", "Janet", "Brenda", "Lorraine",
          "Deborah", "Gillian", "Morag", "Bethan", "Leila", "Ingrid", "Olena", "Rosa", "Giulia", "Abena",
          "Mei", "Sunita", "Erin", "Maisie", "Tabitha"}
NEUTRAL = {"Wei", "Kofi", "Chidi", "Raj", "Luca"}


def with_title(n, p=0.35):
    if rng.random() < p:
        first = n.split()[0]
        if first in FEMALE:
            t = rng.choice(["Mrs", "Ms", "Miss", "Mrs", "Dr"])
        elif first in NEUTRAL:
            t = rng.choice(["Dr", "Mx"])
        else:
            t = rng.choice(["Mr", "Mr", "Mr", "Dr"])
        return t + " " + n
    return n


def pc_disp(pc):
    r = rng.random()
    if r < 0.12:
        return pc.lower()
    if r < 0.22:
        return pc.replace(" ", "")
    return pc


def ref_disp(ref, layout):
    r = rng.random()
    if r < 0.2:
        return "CT" + ref
    if r < 0.4:
        return ref[:4] + " " + ref[4:]
    if r < 0.5:
        return ref[:4] + "-" + ref[4:]
    return ref


def add_contact(fields, name, pphone=0.7, pemail=0.6):
    if rng.random() < pphone:
        fields["phone"] = phone()
    if rng.random() < pemail:
        fields["email"] = email_for(name)


def decl_date():
    return AS_OF - dt.timedelta(days=rng.randint(1, 18))


# --- single person discount -------------------------------------------------
CHANGE_TEMPLATES_SAME = [
    "My partner {o} moved out on {d} and I now live on my own.",
    "{o} moved out on {d}. We have separated and I am now the only adult here.",
    "{o} (our grown-up child) left home on {d} to live with their partner.",
    "My lodger {o} moved out on {d}.",
    "{o} went into residential care on {d}. I live alone now.",
]
CHANGE_TEMPLATES_NODATE = [
    "My lodger has moved out and I now live on my own.",
    "I now live alone following a relationship breakdown.",
    "The other person on the bill has left and I am the only one here now.",
]
CHANGE_TEMPLATES_NAME_NODATE = [
    "{o} has moved out permanently and I now live on my own.",
    "Our relationship ended and {o} has moved away.",
]


def spd_scenario(kind):
    """Return (fields, extra). kind: clean variant or exception code."""
    p = take_property(lambda p: p["kind"] != "student" or True)
    applicant = new_name()
    other = None
    liable = [applicant]
    register = [applicant]
    variant = rng.choice(["couple", "adultchild", "alone"]) if kind in ("clean", "dup") else "couple"
    if variant == "couple":
        other = new_name_surname(applicant.split()[-1]) if rng.random() < 0.6 else new_name()
        liable = [applicant, other] if rng.random() < 0.7 else [applicant]
        register = [applicant, other]
    elif variant == "adultchild":
        other = new_name_surname(applicant.split()[-1])
        register = [applicant, other]
    discounts = []
    status = "active"
    end = None
    if kind == "NAME_MISMATCH":
        # applicant lives there but the bill is in the other adult's sole name
        liable = [other]
        register = [applicant, other]
    if kind == "DISCOUNT_ALREADY_APPLIED":
        discounts = ["SPD"]
        liable = [applicant]
    if kind == "OTHER_ADULTS_REGISTERED":
        register = register + [new_name()]
    if kind == "ACCOUNT_CLOSED":
        status = "closed"
        end = dt.date(2026, rng.randint(3, 8), rng.choice([1, 15, 28]))
    ref = reset_property(p["uprn"], liable=liable, status=status, discounts=discounts,
                         register=register, end=end)
    since = AS_OF - dt.timedelta(days=rng.randint(12, 300))
    if kind == "DATE_TOO_OLD":
        since = AS_OF - dt.timedelta(days=rng.randint(420, 640))
    if kind == "DATE_IN_FUTURE":
        since = AS_OF + dt.timedelta(days=rng.randint(6, 40))
    f = {}
    f["account_ref"] = ref
    if kind == "ACCOUNT_NOT_FOUND":
        while True:  # transposed digits / typo
            s = list(ref)
            i = rng.randint(2, 6)
            s[i], s[i + 1] = s[i + 1], s[i]
            cand = "".join(s)
            if cand != ref and cand not in accounts:
                f["account_ref"] = cand
                break
            s = list(ref)
            s[7] = str((int(s[7]) + 3) % 10)
            cand = "".join(s)
            if cand not in accounts:
                f["account_ref"] = cand
                break
    f["applicant_name"] = with_title(applicant)
    f["address"] = p["address_line_1"]
    f["postcode"] = p["postcode"]
    if kind == "ADDRESS_MISMATCH":
        # the applicant gives a neighbour's house number
        m = re.match(r"^(.*?)(\d+)(.*)$", p["address_line_1"])
        f["address"] = f"{m.group(1)}{int(m.group(2)) + 2}{m.group(3)}"
    f["sole_adult_since"] = iso(since)
    if other:
        f["other_adult_name"] = other
        if rng.random() < 0.75:
            a = outside_addr()
            f["other_adult_forwarding_address"] = f"{a[0]}, {a[1]}, {a[2]}"
    if kind == "INCONSISTENT_DATES":
        moved = since - dt.timedelta(days=rng.randint(9, 40))
        f["change_description"] = rng.choice(CHANGE_TEMPLATES_SAME).format(
            o=other, d=fmt_date(moved, "long"))
    elif other and rng.random() < 0.6:
        tpl = CHANGE_TEMPLATES_SAME[2] if variant == "adultchild" else rng.choice(
            [t for t in CHANGE_TEMPLATES_SAME if "child" not in t])
        f["change_description"] = tpl.format(
            o=other, d=fmt_date(since, "long"))
    elif other and rng.random() < 0.5:
        f["change_description"] = rng.choice(CHANGE_TEMPLATES_NAME_NODATE).format(o=other)
    elif not other and rng.random() < 0.6:
        f["change_description"] = rng.choice(CHANGE_TEMPLATES_NODATE)
    add_contact(f, applicant)
    f["declaration_date"] = iso(decl_date())
    if kind == "MISSING_FIELD:sole_adult_since":
        del f["sole_adult_since"]
    return f


# --- moving home ------------------------------------------------------------
def move_scenario(kind, direction):
    f = {"move_type": direction}
    if direction == "out":
        p = take_property()
        applicant = new_name()
        liable = [applicant] if rng.random() < 0.5 else [applicant, new_name_surname(applicant.split()[-1])]
        register = list(liable)
        if kind == "NAME_MISMATCH":
            lodger = applicant
            applicant_l = new_name()
            liable = [applicant_l]
            register = [applicant_l, lodger]
        ref = reset_property(p["uprn"], liable=liable, register=register)
        f["account_ref"] = ref
        if kind == "ACCOUNT_NOT_FOUND":
            while True:
                cand = ref[:3] + f"{rng.randint(0, 99999):05d}"
                if cand not in accounts:
                    f["account_ref"] = cand
                    break
        f["applicant_name"] = with_title(applicant)
        f["previous_address"] = p["address_line_1"]
        f["previous_postcode"] = p["postcode"]
        if kind == "ADDRESS_MISMATCH":
            other = take_property(lambda q: q["kind"] == p["kind"] and q["postcode"] != p["postcode"])
            f["previous_address"] = other["address_line_1"]
            f["previous_postcode"] = other["postcode"]
        a = outside_addr()
        if rng.random() < 0.3:
            q = take_property(lambda q: q["kind"] == "estate")
            f["new_address"], f["new_postcode"] = q["address_line_1"], q["postcode"]
            extra_town = "Wrexley"
        else:
            f["new_address"], f["new_postcode"] = a[0], a[2]
            extra_town = a[1]
        f["_new_town"] = extra_town
        md = AS_OF + dt.timedelta(days=rng.randint(-150, 20))
    else:
        p = take_property()
        # previous occupier's account closed; incoming resident not yet on record
        reset_property(p["uprn"], liable=[new_name()], status="closed",
                       end=AS_OF - dt.timedelta(days=rng.randint(20, 90)))
        applicant = new_name()
        f["applicant_name"] = with_title(applicant)
        f["new_address"] = p["address_line_1"]
        f["new_postcode"] = p["postcode"]
        f["_new_town"] = "Wrexley"
        f["_new_line2"] = p["address_line_2"]
        if kind == "PROPERTY_NOT_FOUND":
            # brand-new block not yet on the gazetteer
            f["new_address"] = f"Apartment {rng.randint(3, 40)}, Foundry Court"
            f["new_postcode"] = "WY4 8" + rng.choice(["LF", "LG", "LH"])
            f["_new_line2"] = "Tanner's Wharf"
        md = AS_OF - dt.timedelta(days=rng.randint(0, 160))
    if kind == "DATE_IN_FUTURE":
        md = AS_OF + dt.timedelta(days=rng.randint(40, 90))
    if kind == "DATE_TOO_OLD":
        md = AS_OF - dt.timedelta(days=rng.randint(390, 520))
    f["move_date"] = iso(md)
    add_contact(f, applicant, 0.75, 0.6)
    f["declaration_date"] = iso(decl_date())
    if kind == "INVALID_FORMAT:declaration_date":
        f["declaration_date"] = "31/11/2026"
    return f


# --- parking permit ---------------------------------------------------------
MAKES = ["Ford", "Vauxhall", "Volkswagen", "Toyota", "Nissan", "Kia", "Hyundai", "Peugeot",
         "Renault", "Skoda", "BMW", "Audi", "Honda", "Mini", "Citroen", "Fiat", "Tesla", "Volvo"]


def parking_scenario(kind):
    if kind == "NOT_IN_PERMIT_ZONE":
        p = take_property(lambda p: p["parking_zone"] == "")
    else:
        p = take_property(lambda p: p["parking_zone"] != "")
    applicant = new_name()
    liable = [applicant] if rng.random() < 0.5 else [applicant, new_name_surname(applicant.split()[-1])]
    register = list(liable) if rng.random() < 0.8 else []
    if kind == "NOT_RESIDENT":
        liable = [new_name()]
        register = list(liable)
    vrm = new_vrm(rng.choice(["current"] * 6 + ["prefix", "suffix"]))
    existing = []
    k = rng.choice([0, 0, 1])
    for _ in range(k):
        existing.append((new_vrm(), rand_date(dt.date(2026, 2, 1), dt.date(2026, 11, 15))))
    if kind == "PERMIT_CAP_REACHED":
        existing = [(new_vrm(), rand_date(dt.date(2026, 2, 1), dt.date(2026, 11, 15))) for _ in range(2)]
    if kind == "VRM_HAS_PERMIT":
        existing = [(vrm, rand_date(dt.date(2026, 2, 1), dt.date(2026, 10, 30)))]
    reset_property(p["uprn"], liable=liable, register=register, permits_=existing)
    f = {"applicant_name": with_title(applicant, 0.25), "address": p["address_line_1"],
         "postcode": p["postcode"], "_line2": p["address_line_2"]}
    if kind == "PROPERTY_NOT_FOUND":
        # a house number that is not in the gazetteer (e.g. an unregistered conversion)
        m = re.match(r"^(.*?)(\d+)(.*)$", p["address_line_1"])
        f["address"] = f"{m.group(1)}{m.group(2)}c{m.group(3)}" if "Apartment" not in p["address_line_1"] \
            else f"Apartment {int(m.group(2)) + 60}{m.group(3)}"
    if kind == "INVALID_FORMAT:vrm":
        vrm = rng.choice(VRM_L) + rng.choice(VRM_L) + f"{rng.randint(100, 999)}" + "".join(rng.choice(VRM_L) for _ in range(3))
    f["vrm"] = vrm
    if rng.random() < 0.8:
        f["vehicle_make"] = rng.choice(MAKES)
    zone = p["parking_zone"]
    if kind == "NOT_IN_PERMIT_ZONE":
        zone = rng.choice(["CPZ 5", "CPZ 6", "CPZ 3"])
    f["zone"] = zone
    sd = AS_OF + dt.timedelta(days=rng.randint(-4, 24))
    if kind == "DATE_IN_FUTURE":
        sd = AS_OF + dt.timedelta(days=rng.randint(45, 75))
    f["start_date"] = iso(sd)
    add_contact(f, applicant, 0.8, 0.7)
    f["declaration_date"] = iso(decl_date())
    if kind == "MISSING_FIELD:declaration_date":
        del f["declaration_date"]
    return f


def layout_cycle(start):
    i = [start]

    def nxt():
        l = LAYOUTS[i[0] % 4]
        i[0] += 1
        return l
    return nxt


# SPD: 8 clean, dup pair, 10 exceptions
nl = layout_cycle(0)
for _ in range(8):
    docs.append(dict(ft="council_tax_spd", layout=nl(), fields=spd_scenario("clean"), kind="clean"))
dupf = spd_scenario("clean")
docs.append(dict(ft="council_tax_spd", layout="check_answers", fields=dict(dupf), kind="dup", dup="dup-1"))
docs.append(dict(ft="council_tax_spd", layout="check_answers", fields=dict(dupf), kind="dup", dup="dup-1"))
nl = layout_cycle(1)
for k in ["ACCOUNT_NOT_FOUND", "ACCOUNT_CLOSED", "NAME_MISMATCH", "ADDRESS_MISMATCH",
          "DISCOUNT_ALREADY_APPLIED", "OTHER_ADULTS_REGISTERED", "DATE_TOO_OLD", "DATE_IN_FUTURE",
          "INCONSISTENT_DATES", "MISSING_FIELD:sole_adult_since"]:
    lay = nl()
    if k == "MISSING_FIELD:sole_adult_since":
        lay = "govuk"
    docs.append(dict(ft="council_tax_spd", layout=lay, fields=spd_scenario(k), kind=k))

# Moves: 9 clean, 7 exceptions
nl = layout_cycle(2)
for i in range(9):
    docs.append(dict(ft="council_tax_move", layout=nl(),
                     fields=move_scenario("clean", "out" if i % 2 == 0 else "in"), kind="clean"))
nl = layout_cycle(0)
for k, d in [("ACCOUNT_NOT_FOUND", "out"), ("NAME_MISMATCH", "out"), ("ADDRESS_MISMATCH", "out"),
             ("PROPERTY_NOT_FOUND", "in"), ("DATE_IN_FUTURE", "out"), ("DATE_TOO_OLD", "in"),
             ("INVALID_FORMAT:declaration_date", "out")]:
    lay = nl()
    if k == "INVALID_FORMAT:declaration_date":
        lay = "dense_old"
    docs.append(dict(ft="council_tax_move", layout=lay, fields=move_scenario(k, d), kind=k))

# Parking: 9 clean, 8 exceptions
nl = layout_cycle(1)
for i in range(9):
    docs.append(dict(ft="parking_permit", layout=nl(), fields=parking_scenario("clean"), kind="clean"))
nl = layout_cycle(3)
for k in ["PROPERTY_NOT_FOUND", "NOT_IN_PERMIT_ZONE", "NOT_RESIDENT", "INVALID_FORMAT:vrm",
          "VRM_HAS_PERMIT", "PERMIT_CAP_REACHED", "DATE_IN_FUTURE", "MISSING_FIELD:declaration_date"]:
    docs.append(dict(ft="parking_permit", layout=nl(), fields=parking_scenario(k), kind=k))


# --- correspondence -----------------------------------------------------------
COUNCIL_ADDR = ["City of Wrexley Council", "Guildhall", "Minster Street", "Wrexley", "WY1 1AA"]


def corr_resident(pred=lambda p: True, liable_extra=False):
    p = take_property(pred)
    n = new_name()
    ref = reset_property(p["uprn"], liable=[n], register=[n])
    return p, n, ref


def letter_dates(n):
    base = AS_OF - dt.timedelta(days=rng.randint(3, 12))
    return base


def build_correspondence():
    out = []
    # R1 missed bin, resident letter
    p, n, ref = corr_resident(lambda p: p["kind"] == "terrace")
    ld = AS_OF - dt.timedelta(days=6)
    d1, d2 = ld - dt.timedelta(days=12), ld - dt.timedelta(days=5)
    paras = [
        f"I am writing because our green recycling bin has not been emptied on the last two collection days, "
        f"{fmt_date(d1, 'ordinal')} and {fmt_date(d2, 'ordinal')}. The bin was out on the pavement by 7am both times "
        f"and the crew emptied the bins either side of us.",
        "The bin is now overflowing and the lid will not shut, so the gulls are getting into it. "
        "Please could you arrange for it to be collected as soon as possible and make a note so it is not missed again.",
        "Thank you for your help."]
    out.append(dict(layout="resident_letter", kind="clean", sender=n, sender_addr=p, date=ld, paras=paras,
                    topic="missed_bin", signoff="Yours faithfully", account=None,
                    salutation="Dear Sir or Madam,", recipient=["Waste and Recycling", "City of Wrexley Council", "Depot Road", "Wrexley", "WY3 9ZZ"]))
    # R2 complaint, resident letter
    p, n, ref = corr_resident(lambda p: p["kind"] in ("terrace", "estate"))
    ld = AS_OF - dt.timedelta(days=9)
    d1 = ld - dt.timedelta(days=41)
    paras = [
        f"I wish to make a formal complaint about the way my report of a dangerous pavement has been handled. "
        f"On {fmt_date(d1, 'long')} I reported by telephone that several paving slabs outside my house are lifted "
        f"by tree roots. I was told an inspector would visit within ten working days.",
        "Nobody has visited, I have had no reply to two follow-up emails, and last week an elderly neighbour "
        "tripped and hurt her wrist at exactly that spot. I find the lack of response unacceptable.",
        "I would like an explanation of why my report was not acted upon and a date by which the pavement will "
        "be made safe. Please treat this letter as a stage one complaint under your complaints procedure."]
    out.append(dict(layout="resident_letter", kind="clean", sender=n, sender_addr=p, date=ld, paras=paras,
                    topic="complaint", signoff="Yours sincerely", account=None,
                    salutation="Dear Complaints Team,", recipient=["Customer Feedback Team"] + COUNCIL_ADDR))
    # R3 other (street light), resident letter
    p, n, ref = corr_resident(lambda p: p["kind"] == "estate")
    ld = AS_OF - dt.timedelta(days=4)
    d1 = ld - dt.timedelta(days=17)
    paras = [
        f"The street light outside my house (the column with the number WX 214 on it) has not come on at night "
        f"since about {fmt_date(d1, 'long')}. That end of the close is now completely dark after 4.30pm, "
        f"which is a worry for those of us who walk home from the bus stop.",
        "Could you please pass this on to whoever looks after street lighting and let me know when it will be repaired?",
        "Many thanks."]
    out.append(dict(layout="resident_letter", kind="clean", sender=n, sender_addr=p, date=ld, paras=paras,
                    topic="other", signoff="Kind regards", account=None,
                    salutation="Dear Sir/Madam", recipient=COUNCIL_ADDR))
    # R4 council tax query quoting a non-existent account
    p, n, ref = corr_resident(lambda p: p["kind"] in ("terrace", "flats"))
    bad = ref
    while bad in accounts or bad == ref:
        bad = ref[:2] + f"{rng.randint(0, 999999):06d}"
    ld = AS_OF - dt.timedelta(days=7)
    d1 = dt.date(2026, 11, 20)
    paras = [
        f"Account number: {bad}",
        f"I have received a council tax bill dated {fmt_date(d1, 'slash')} which shows my monthly instalment "
        f"going up from \u00a3118.00 to \u00a3164.50. I have not had any change in my circumstances and I do not "
        f"understand why the amount has increased part way through the year.",
        "Please could you explain how the new instalments have been worked out, and whether my property band has "
        "changed? I pay by direct debit on the 1st of each month."]
    out.append(dict(layout="resident_letter", kind="ACCOUNT_NOT_FOUND", sender=n, sender_addr=p, date=ld,
                    paras=paras, topic="council_tax_query", signoff="Yours faithfully", account=bad,
                    salutation="Dear Council Tax Office,", recipient=["Council Tax Section"] + COUNCIL_ADDR))
    # R5 anonymous complaint -> SENDER_UNKNOWN
    ld = AS_OF - dt.timedelta(days=10)
    paras = [
        "I am writing to complain, again, about the council's failure to deal with the parking on the corner of "
        "Gladstone Street. Vans are parked on the double yellow lines every evening and the civil enforcement "
        "officers never come after 6pm.",
        "I have complained before and nothing has changed. It is only a matter of time before a child is hurt "
        "crossing there. I am disgusted at the lack of action and I expect this complaint to be taken seriously.",
        "I do not wish to give my name as I have to live next to these people."]
    out.append(dict(layout="resident_letter", kind="SENDER_UNKNOWN", sender=None, sender_addr=None, date=ld,
                    paras=paras, topic="complaint", signoff="A very fed up resident of Gladstone Street",
                    account=None, salutation="To whom it may concern,", recipient=COUNCIL_ADDR))
    # A1 letting agent, council tax query for tenants, valid account
    p, n, ref = corr_resident(lambda p: p["kind"] == "student")
    tenants = [n]
    ld = AS_OF - dt.timedelta(days=5)
    d1 = dt.date(2026, 9, 1)
    agent = "Hannah Whitcombe"
    _used_names.add(agent)
    paras = [
        f"Re: {p['address_line_1']}, Wrexley {p['postcode']} \u2013 council tax account {ref}",
        f"We act as managing agents for the above property and write on behalf of our tenants. The current tenancy "
        f"began on {fmt_date(d1, 'long')} and all of the occupants are full-time students at Wrexley University. "
        f"Copies of their student certificates are enclosed.",
        f"Despite this, the account holder, {n}, has received a bill for the full year. Please could you confirm "
        f"whether a student exemption can be applied to the account from {fmt_date(d1, 'long')} and issue a revised bill?",
        "Please reply to this office in the first instance."]
    out.append(dict(layout="agent_letter", kind="clean", sender=agent, sender_addr=None,
                    office=("Minster Lettings Ltd", "22 High Street", "Wrexley", "WY1 2QT"), date=ld, paras=paras,
                    topic="council_tax_query", signoff="Yours faithfully", account=ref,
                    sender_title="Senior Property Manager", salutation="Dear Sir or Madam,",
                    recipient=["Council Tax Section"] + COUNCIL_ADDR))
    # A2 private landlord (lives in Wrexley) on behalf of tenants - missed bins
    p, n, ref = corr_resident(lambda p: p["kind"] == "estate")
    let = take_property(lambda q: q["kind"] == "student")
    ld = AS_OF - dt.timedelta(days=3)
    d1, d2 = ld - dt.timedelta(days=15), ld - dt.timedelta(days=1)
    paras = [
        f"I am the landlord of {let['address_line_1']}, which I let to four students. My tenants tell me that "
        f"the general waste bin at that address has been missed on {fmt_date(d1, 'long')} and again on "
        f"{fmt_date(d2, 'long')}, even though it was put out the night before.",
        "They reported the first missed collection on your website but nothing happened. Black bags are now piling "
        "up in the back yard and I am concerned about rats. Could you please send a crew to collect the missed bin and "
        "the side waste, and let me know what is going wrong with the collections on that street?",
        "I can be reached on the number above if the crew need access to the yard."]
    out.append(dict(layout="agent_letter", kind="clean", sender=n, sender_addr=p, office=None, date=ld,
                    paras=paras, topic="missed_bin", signoff="Yours faithfully", account=None,
                    sender_title="Landlord", salutation="Dear Waste Services,", phone=phone(),
                    recipient=["Waste and Recycling", "City of Wrexley Council", "Depot Road", "Wrexley", "WY3 9ZZ"]))
    # A3 student homes agent complaint on behalf of tenants with account
    p, n, ref = corr_resident(lambda p: p["kind"] in ("student", "flats"))
    ld = AS_OF - dt.timedelta(days=8)
    d1 = ld - dt.timedelta(days=10)
    agent = "Marcus Delaney"
    _used_names.add(agent)
    paras = [
        f"Our ref: CSH/{rng.randint(1000, 9999)}   Council tax account: {ref[:4]} {ref[4:]}",
        f"We write on behalf of our tenant at {p['address_line_1']}, {n}, to make a formal complaint about the "
        f"conduct of one of your civil enforcement officers on {fmt_date(d1, 'long')}.",
        "Our tenant was issued a penalty charge while clearly displaying a valid residents' permit, and when she "
        "pointed this out the officer was rude and dismissive. She was left very upset by the exchange.",
        "We ask that the penalty charge is cancelled, that this complaint is investigated, and that we receive a "
        "written response within your published timescales."]
    out.append(dict(layout="agent_letter", kind="clean", sender=agent, sender_addr=None,
                    office=("Cathedral Student Homes", "5 Bishopsgate Chambers", "Wrexley", "WY1 6HS"),
                    date=ld, paras=paras, topic="complaint", signoff="Yours faithfully", account=ref,
                    sender_title="Lettings Director", salutation="Dear Sir or Madam,",
                    recipient=["Complaints Officer"] + COUNCIL_ADDR))
    # E1 missed bin email with address
    p, n, ref = corr_resident(lambda p: p["kind"] in ("flats",))
    sd = dt.datetime(2026, 12, 2, 8, 41)
    d1 = dt.date(2026, 12, 1)
    paras = [
        "Hello,",
        f"Our communal recycling bins at {p['address_line_1'].split(', ')[1]} were not emptied yesterday "
        f"({fmt_date(d1, 'us')}). The bin store is full and residents are leaving bags on the floor.",
        "Could someone come and empty them please?",
        "Thanks,"]
    out.append(dict(layout="email", kind="clean", sender=n, sender_addr=p, date=sd, paras=paras,
                    topic="missed_bin", account=None, subject="Missed recycling collection",
                    to="bins@wrexley.gov.uk"))
    # E2 FOI request
    p, n, ref = corr_resident(lambda p: p["kind"] in ("terrace", "student"))
    sd = dt.datetime(2026, 11, 27, 19, 5)
    paras = [
        "Dear Information Governance Team,",
        "Under the Freedom of Information Act 2000, please provide the following information:",
        "1. The number of residents' parking permits issued in each controlled parking zone (CPZ 1 to CPZ 6 and "
        "Zone Cathedral) in each of the financial years 2023/24, 2024/25 and 2025/26.",
        "2. The total income received from residents' parking permits in each of those years.",
        f"3. The number of penalty charge notices issued in Zone Cathedral between {fmt_date(dt.date(2026, 1, 1), 'long')} "
        f"and {fmt_date(dt.date(2026, 10, 31), 'long')}.",
        "I would prefer to receive the information electronically, as a spreadsheet if possible.",
        "Yours sincerely,"]
    out.append(dict(layout="email", kind="clean", sender=n, sender_addr=p, date=sd, paras=paras,
                    topic="foi_request", account=None, subject="Freedom of Information request - parking permits",
                    to="foi@wrexley.gov.uk"))
    # E3 council tax query by email, account quoted, no postal address
    p, n, ref = corr_resident(lambda p: True)
    sd = dt.datetime(2026, 12, 3, 12, 17)
    d1 = dt.date(2027, 1, 1)
    paras = [
        "Hi,",
        f"My council tax reference is CT{ref}. I would like to change my direct debit date from the 1st to the "
        f"15th of the month, starting with the payment due on {fmt_date(d1, 'long')}, as my salary date has changed.",
        "Can you confirm whether this is possible and if I need to fill in a new mandate?",
        "Many thanks"]
    out.append(dict(layout="email", kind="clean", sender=n, sender_addr=None, date=sd, paras=paras,
                    topic="council_tax_query", account=ref, subject="Council tax - change of payment date",
                    to="counciltax@wrexley.gov.uk"))
    # E4 missed bin email, first name only-ish with no address -> SENDER_UNKNOWN
    sd = dt.datetime(2026, 11, 30, 7, 52)
    paras = [
        "Bin not collected again on Kestrel Way this week. Third time since October. Sort it out please.",
        "Sent from my iPhone"]
    out.append(dict(layout="email", kind="SENDER_UNKNOWN", sender=None, sender_addr=None, date=sd, paras=paras,
                    topic="missed_bin", account=None, subject="bins", to="bins@wrexley.gov.uk",
                    no_sig=True))
    return out


DATE_RX = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)? (" + "|".join(MONTHS) + r") (\d{4})\b"
    r"|\b(" + "|".join(MONTHS) + r") (\d{1,2}), (\d{4})\b"
    r"|\b(\d{1,2})/(\d{1,2})/(\d{4})\b")


def find_dates(text):
    out = []
    for m in DATE_RX.finditer(text):
        if m.group(1):
            d = dt.date(int(m.group(3)), MONTHS.index(m.group(2)) + 1, int(m.group(1)))
        elif m.group(4):
            d = dt.date(int(m.group(6)), MONTHS.index(m.group(4)) + 1, int(m.group(5)))
        else:
            d = dt.date(int(m.group(9)), int(m.group(8)), int(m.group(7)))
        if d.isoformat() not in out:
            out.append(d.isoformat())
    return out


for c in build_correspondence():
    c["ft"] = "correspondence"
    docs.append(c)

# ----------------------------------------------------------------------------
# RENDERING
# ----------------------------------------------------------------------------
BLACK = colors.black
GREY = colors.HexColor("#505a5f")
BLUE = colors.HexColor("#1d70b8")
WREX = colors.HexColor("#5b1a3a")   # Wrexley claret


def crest(c, x, y, s=1.0, fill=WREX, fg=colors.white):
    """A crest-like shield block at (x,y)=bottom-left, about 34x40 * s."""
    c.saveState()
    p = c.beginPath()
    w, h = 34 * s, 40 * s
    p.moveTo(x, y + h)
    p.lineTo(x + w, y + h)
    p.lineTo(x + w, y + h * 0.4)
    p.curveTo(x + w, y + h * 0.12, x + w * 0.6, y + h * 0.04, x + w / 2, y)
    p.curveTo(x + w * 0.4, y + h * 0.04, x, y + h * 0.12, x, y + h * 0.4)
    p.close()
    c.setFillColor(fill)
    c.setStrokeColor(fill)
    c.drawPath(p, fill=1, stroke=1)
    c.setStrokeColor(fg)
    c.setLineWidth(1.4 * s)
    c.line(x + w / 2, y + h * 0.18, x + w / 2, y + h * 0.88)
    c.line(x + w * 0.22, y + h * 0.64, x + w * 0.78, y + h * 0.64)
    c.setFillColor(fg)
    c.setFont("Helvetica-Bold", 7 * s)
    c.drawCentredString(x + w * 0.27, y + h * 0.74, "W")
    c.drawCentredString(x + w * 0.73, y + h * 0.74, "C")
    c.restoreState()


def wrap(text, font, size, width):
    return simpleSplit(text, font, size, width)


TITLES_BY_FT = {
    "council_tax_spd": ("Council Tax", "Apply for a single person discount"),
    "council_tax_move": ("Council Tax", "Tell us you are moving home"),
    "parking_permit": ("Parking", "Apply for a residents' parking permit"),
}
FORM_CODES = {
    ("govuk", "council_tax_spd"): "WCC/CT/SPD-OL v3.2",
    ("govuk", "council_tax_move"): "WCC/CT/MOV-OL v2.7",
    ("govuk", "parking_permit"): "WCC/PK/RPP-OL v4.0",
    ("check_answers", "council_tax_spd"): "Form ref SPD1",
    ("check_answers", "council_tax_move"): "Form ref CTM2",
    ("check_answers", "parking_permit"): "Form ref RPP3",
    ("dense_old", "council_tax_spd"): "Form CTR 14",
    ("dense_old", "council_tax_move"): "Form CTR 3",
    ("dense_old", "parking_permit"): "PKG/RP1",
    ("fillable_pdf", "council_tax_spd"): "CT-SPD-E",
    ("fillable_pdf", "council_tax_move"): "CT-MOVE-E",
    ("fillable_pdf", "parking_permit"): "PK-RES-E",
}

# ---------- per-layout question wordings -----------------------------------
WORDS = {
    "govuk": {
        "council_tax_spd": {
            "account_ref": ("What is your Council Tax account number?",
                            "You can find this on your bill. It is 8 digits long and may start with CT."),
            "applicant_name": ("What is your full name?",
                               "Enter the name of the person who pays Council Tax for the property."),
            "address": ("What is the address of the property?", "This is the address the discount is for."),
            "sole_adult_since": ("When did you become the only adult living at the property?",
                                 "An adult is anyone aged 18 or over. For example, 27 3 2026"),
            "other_adult_name": ("What is the name of the adult who moved out? (optional)",
                                 "Leave this blank if it does not apply."),
            "other_adult_forwarding_address": ("What is their new address? (optional)",
                                               "Include the postcode if you know it."),
            "change_description": ("Tell us what changed", "For example, who moved out and when."),
            "phone": ("UK telephone number (optional)", "We may call you if we have a question."),
            "email": ("Email address (optional)",
                      "We will only use this to send you updates about your application."),
            "declaration_date": ("Date of declaration", None),
        },
        "council_tax_move": {
            "move_type": ("Are you moving into or out of a property in Wrexley?", "Select one option."),
            "applicant_name": ("What is your full name?", None),
            "account_ref": ("What is your Council Tax account number?",
                            "Only needed if you are moving out. It is on your bill."),
            "previous": ("What is the address you are leaving?",
                         "Leave this blank if you are moving into Wrexley."),
            "new": ("What is the address you are moving to?",
                    "If you are leaving, this is the address we should send your final bill to."),
            "move_date": ("What date did you move, or will you move?", "For example, 14 11 2026"),
            "phone": ("UK telephone number (optional)", None),
            "email": ("Email address (optional)", None),
            "declaration_date": ("Date of declaration", None),
        },
        "parking_permit": {
            "applicant_name": ("What is your full name?", "The permit holder must live at the address."),
            "address": ("What is your home address?",
                        "You must live inside a controlled parking zone (CPZ)."),
            "zone": ("Which zone is your address in?", "The zone is shown on the signs at the entrance to your street."),
            "vrm": ("What is the vehicle registration number?", "This is on the vehicle's log book (V5C)."),
            "vehicle_make": ("What is the make of the vehicle? (optional)", "For example, Ford or Toyota"),
            "start_date": ("When do you want the permit to start?",
                           "Permits last 12 months. For example, 1 12 2026"),
            "phone": ("UK telephone number (optional)", None),
            "email": ("Email address (optional)", "We will send your permit confirmation here."),
            "declaration_date": ("Date of declaration", None),
        },
    },
    "check_answers": {
        "council_tax_spd": {
            "account_ref": "Council Tax account number", "applicant_name": "Name of account holder",
            "address": "Address", "postcode": "Postcode",
            "sole_adult_since": "Only adult living there since",
            "other_adult_name": "Adult who moved out",
            "other_adult_forwarding_address": "Their new address", "change_description": "What changed",
            "phone": "Telephone", "email": "Email", "declaration_date": "Declaration agreed on"},
        "council_tax_move": {
            "move_type": "Moving in or out", "move_date": "Date of move", "applicant_name": "Full name",
            "account_ref": "Council Tax account number", "previous": "Address", "previous_pc": "Postcode",
            "new": "Address", "new_pc": "Postcode", "phone": "Telephone", "email": "Email",
            "declaration_date": "Declaration agreed on"},
        "parking_permit": {
            "applicant_name": "Name", "address": "Home address", "postcode": "Postcode",
            "zone": "Parking zone", "vrm": "Registration number", "vehicle_make": "Make",
            "start_date": "Permit to start", "phone": "Telephone", "email": "Email",
            "declaration_date": "Declaration agreed on"},
    },
}


# ---------- GOV.UK-style ------------------------------------------------------
class Pager:
    def __init__(self, path, header, footer, top_margin=60, bottom=70):
        self.c = rl_canvas.Canvas(path, pagesize=A4)
        self.header, self.footer = header, footer
        self.page = 1
        self.bottom = bottom
        self.y = header(self.c, self.page)

    def need(self, h):
        if self.y - h < self.bottom:
            self.footer(self.c, self.page)
            self.c.showPage()
            self.page += 1
            self.y = self.header(self.c, self.page)

    def finish(self):
        self.footer(self.c, self.page)
        self.c.save()


def render_govuk(path, ft, f, code):
    Wd = WORDS["govuk"][ft]
    caption, title = TITLES_BY_FT[ft]
    X = 56

    def header(c, page):
        c.setFillColor(colors.HexColor("#0b0c0c"))
        c.rect(0, H - 48, W, 48, fill=1, stroke=0)
        crest(c, X, H - 44, 0.85, fill=colors.white, fg=colors.HexColor("#0b0c0c"))
        c.setFillColor(colors.white)
        c.setFont("Helvetica-Bold", 15)
        c.drawString(X + 38, H - 30, "City of Wrexley Council")
        c.setFont("Helvetica", 9)
        c.drawRightString(W - X, H - 30, "wrexley.gov.uk")
        c.setFillColor(BLUE)
        c.rect(0, H - 54, W, 6, fill=1, stroke=0)
        c.setFillColor(BLACK)
        if page == 1:
            c.setFont("Helvetica", 12)
            c.setFillColor(GREY)
            c.drawString(X, H - 84, caption)
            c.setFillColor(BLACK)
            c.setFont("Helvetica-Bold", 24)
            c.drawString(X, H - 112, title[0].upper() + title[1:])
            c.setFont("Helvetica", 10)
            c.setFillColor(GREY)
            c.drawString(X, H - 130, "This is a copy of the answers you gave online. Keep it for your records.")
            c.setFillColor(BLACK)
            return H - 160
        c.setFont("Helvetica", 10)
        c.setFillColor(GREY)
        c.drawString(X, H - 76, f"{caption}: {title} (continued)")
        c.setFillColor(BLACK)
        return H - 100

    def footer(c, page):
        c.setStrokeColor(BLUE)
        c.setLineWidth(1)
        c.line(X, 50, W - X, 50)
        c.setFont("Helvetica", 8)
        c.setFillColor(GREY)
        c.drawString(X, 38, f"{code}   \u00a9 City of Wrexley Council, Guildhall, Minster Street, Wrexley WY1 1AA")
        c.drawRightString(W - X, 38, f"Page {page}")
        c.setFillColor(BLACK)

    pg = Pager(path, header, footer)
    c = pg.c

    def question(q, hint):
        lines = wrap(q, "Helvetica-Bold", 15, W - 2 * X)
        hl = wrap(hint, "Helvetica", 10.5, W - 2 * X) if hint else []
        pg.need(len(lines) * 19 + len(hl) * 13 + 40)
        c.setFont("Helvetica-Bold", 15)
        for ln in lines:
            c.drawString(X, pg.y, ln)
            pg.y -= 19
        if hl:
            c.setFont("Helvetica", 10.5)
            c.setFillColor(GREY)
            for ln in hl:
                c.drawString(X, pg.y, ln)
                pg.y -= 13
            c.setFillColor(BLACK)
        pg.y -= 4

    def box(val, width=300, height=26, label=None):
        if label:
            pg.need(height + 18)
            c.setFont("Helvetica", 11)
            c.drawString(X, pg.y, label)
            pg.y -= 6
        pg.need(height + 6)
        c.setLineWidth(1.6)
        c.setStrokeColor(BLACK)
        c.rect(X, pg.y - height, width, height, fill=0, stroke=1)
        if val:
            c.setFont("Helvetica", 12)
            lines = wrap(val, "Helvetica", 12, width - 12)
            yy = pg.y - 17
            for ln in lines:
                c.drawString(X + 6, yy, ln)
                yy -= 14
        pg.y -= height + 14

    def textq(key, val, width=300, height=26):
        q, hint = Wd[key]
        question(q, hint)
        box(val, width, height)
        pg.y -= 8

    def dateq(key, iso_or_raw):
        q, hint = Wd[key]
        question(q, hint)
        pg.need(50)
        if iso_or_raw is None:
            parts = ("", "", "")
        elif valid_iso(iso_or_raw):
            d = dt.date.fromisoformat(iso_or_raw)
            parts = (f"{d.day}", f"{d.month}", f"{d.year}") if rng.random() < 0.5 else \
                (f"{d.day:02d}", f"{d.month:02d}", f"{d.year}")
        else:
            parts = tuple(iso_or_raw.split("/"))
        xx = X
        for lab, val, w in zip(("Day", "Month", "Year"), parts, (42, 42, 64)):
            c.setFont("Helvetica", 11)
            c.drawString(xx, pg.y, lab)
            c.setLineWidth(1.6)
            c.rect(xx, pg.y - 34, w, 26, fill=0, stroke=1)
            c.setFont("Helvetica", 12)
            c.drawString(xx + 7, pg.y - 25, val)
            xx += w + 16
        pg.y -= 56

    def radioq(key, opts, sel):
        q, hint = Wd[key]
        question(q, hint)
        for o in opts:
            pg.need(26)
            c.setLineWidth(1.6)
            c.circle(X + 11, pg.y - 6, 11, fill=0, stroke=1)
            if o == sel:
                c.circle(X + 11, pg.y - 6, 6, fill=1, stroke=0)
            c.setFont("Helvetica", 12)
            c.drawString(X + 30, pg.y - 10, o)
            pg.y -= 28
        pg.y -= 10

    def addrq(key, line1, line2, town, pc):
        q, hint = Wd[key]
        question(q, hint)
        box(line1, 380, 26, "Address line 1")
        box(line2, 380, 26, "Address line 2 (optional)")
        box(town, 240, 26, "Town or city")
        box(pc_disp(pc) if pc else None, 120, 26, "Postcode")
        pg.y -= 6

    def h2(t):
        pg.need(60)
        c.setFont("Helvetica-Bold", 19)
        c.drawString(X, pg.y, t)
        pg.y -= 30

    if ft == "council_tax_spd":
        h2("About you")
        textq("account_ref", ref_disp(f["account_ref"], "govuk") if "account_ref" in f else None, 200)
        textq("applicant_name", f.get("applicant_name"), 360)
        addrq("address", f.get("address"), props_line2(f.get("address"), f.get("postcode")), "Wrexley",
              f.get("postcode"))
        h2("What has changed")
        dateq("sole_adult_since", f.get("sole_adult_since"))
        textq("other_adult_name", f.get("other_adult_name"), 360)
        textq("other_adult_forwarding_address", f.get("other_adult_forwarding_address"), W - 2 * X, 44)
        textq("change_description", f.get("change_description"), W - 2 * X, 62)
        h2("Contact details")
        textq("phone", f.get("phone"), 200)
        textq("email", f.get("email"), 300)
    elif ft == "council_tax_move":
        opts = ["I am moving into a property in Wrexley", "I am moving out of a property in Wrexley"]
        radioq("move_type", opts, opts[0] if f["move_type"] == "in" else opts[1])
        textq("applicant_name", f.get("applicant_name"), 360)
        textq("account_ref", ref_disp(f["account_ref"], "govuk") if "account_ref" in f else None, 200)
        if f["move_type"] == "out":
            addrq("previous", f.get("previous_address"),
                  props_line2(f.get("previous_address"), f.get("previous_postcode")), "Wrexley",
                  f.get("previous_postcode"))
            addrq("new", f.get("new_address"), None, f.get("_new_town"), f.get("new_postcode"))
        else:
            addrq("previous", None, None, None, None)
            addrq("new", f.get("new_address"), f.get("_new_line2") or None, "Wrexley", f.get("new_postcode"))
        dateq("move_date", f.get("move_date"))
        textq("phone", f.get("phone"), 200)
        textq("email", f.get("email"), 300)
    else:
        textq("applicant_name", f.get("applicant_name"), 360)
        addrq("address", f.get("address"), f.get("_line2") or None, "Wrexley", f.get("postcode"))
        radioq("zone", ZONES, f.get("zone"))
        textq("vrm", vrm_disp(f["vrm"]) if "vrm" in f else None, 160)
        textq("vehicle_make", f.get("vehicle_make"), 240)
        dateq("start_date", f.get("start_date"))
        textq("phone", f.get("phone"), 200)
        textq("email", f.get("email"), 300)
    h2("Declaration")
    decl = ("I declare that the information I have given is correct and complete. I understand that if I "
            "give false information I may be prosecuted, and that I must tell the council about any change "
            "of circumstances within 21 days.")
    for ln in wrap(decl, "Helvetica", 11, W - 2 * X):
        pg.need(15)
        c.setFont("Helvetica", 11)
        c.drawString(X, pg.y, ln)
        pg.y -= 14
    pg.y -= 6
    pg.need(30)
    c.setLineWidth(1.6)
    c.rect(X, pg.y - 18, 18, 18, stroke=1, fill=0)
    if "declaration_date" in f:
        c.setLineWidth(2.5)
        c.line(X + 4, pg.y - 9, X + 8, pg.y - 14)
        c.line(X + 8, pg.y - 14, X + 15, pg.y - 3)
    c.setFont("Helvetica", 12)
    c.drawString(X + 28, pg.y - 14, "I agree with the declaration above")
    pg.y -= 40
    dateq("declaration_date", f.get("declaration_date"))
    pg.finish()


_line2_cache = {}


def props_line2(line1, pc):
    if not line1 or not pc:
        return None
    p = find_property(line1, pc)
    return (p["address_line_2"] or None) if p else None


# ---------- Check your answers --------------------------------------------------
def render_cya(path, ft, f, code, subref):
    Wd = WORDS["check_answers"][ft]
    X = 48
    caption, title = TITLES_BY_FT[ft]

    def header(c, page):
        c.setFillColor(WREX)
        c.rect(0, H - 40, W, 40, fill=1, stroke=0)
        crest(c, X, H - 37, 0.8)
        c.setFillColor(colors.white)
        c.setFont("Helvetica-Bold", 13)
        c.drawString(X + 34, H - 25, "WREXLEY")
        c.setFont("Helvetica", 9)
        c.drawString(X + 100, H - 25, "City Council  |  Online services")
        c.setFillColor(BLACK)
        c.setFont("Helvetica", 8)
        c.setFillColor(GREY)
        c.drawRightString(W - X, H - 54, f"{caption} \u203a {title}")
        c.setFillColor(BLACK)
        if page == 1:
            c.setFont("Helvetica-Bold", 22)
            c.drawString(X, H - 90, "Check your answers before sending")
            c.drawString(X, H - 116, "your application")
            c.setFont("Helvetica", 10)
            c.setFillColor(GREY)
            c.drawString(X, H - 134, f"{title[0].upper() + title[1:]}  \u2013  {code}")
            c.setFillColor(BLACK)
            return H - 168
        c.setFont("Helvetica-Bold", 12)
        c.drawString(X, H - 80, "Check your answers (continued)")
        return H - 108

    def footer(c, page):
        c.setFont("Helvetica", 7.5)
        c.setFillColor(GREY)
        c.drawString(X, 34, f"Application reference {subref}. Printed from Wrexley online services.")
        c.drawRightString(W - X, 34, f"{page}")
        c.setFillColor(BLACK)

    pg = Pager(path, header, footer)
    c = pg.c
    KX, VX, CX = X, X + 175, W - X

    def group(t):
        pg.need(80)
        pg.y -= 30
        c.setFont("Helvetica-Bold", 15)
        c.drawString(X, pg.y, t)
        pg.y -= 12

    def row(key, val_lines):
        label = Wd[key]
        if isinstance(val_lines, str):
            val_lines = [val_lines]
        val_lines = [v for v in (val_lines or []) if v]
        vl = []
        for v in val_lines:
            vl += wrap(v, "Helvetica", 10.5, CX - VX - 60)
        if not vl:
            vl = [""]
        kl = wrap(label, "Helvetica-Bold", 10.5, VX - KX - 10)
        h = max(len(vl), len(kl)) * 13.5 + 20
        pg.need(h)
        c.setStrokeColor(colors.HexColor("#b1b4b6"))
        c.setLineWidth(0.8)
        top = pg.y
        yy = top - 15
        c.setFont("Helvetica-Bold", 10.5)
        for ln in kl:
            c.drawString(KX, yy, ln)
            yy -= 13.5
        yy = top - 15
        c.setFont("Helvetica", 10.5)
        for ln in vl:
            c.drawString(VX, yy, ln)
            yy -= 13.5
        c.setFillColor(BLUE)
        c.setFont("Helvetica", 10.5)
        c.drawRightString(CX, top - 15, "Change")
        c.setStrokeColor(BLUE)
        c.line(CX - stringWidth("Change", "Helvetica", 10.5), top - 17, CX, top - 17)
        c.setFillColor(BLACK)
        pg.y = top - h
        c.setStrokeColor(colors.HexColor("#b1b4b6"))
        c.line(X, pg.y + 2, CX, pg.y + 2)

    D = lambda k: fmt_date(dt.date.fromisoformat(f[k]), "long") if k in f and valid_iso(f[k]) else f.get(k)
    if ft == "council_tax_spd":
        group("Your account")
        row("account_ref", ref_disp(f["account_ref"], "cya") if "account_ref" in f else None)
        row("applicant_name", f.get("applicant_name"))
        group("The property")
        row("address", [f.get("address"), props_line2(f.get("address"), f.get("postcode")), "Wrexley"])
        row("postcode", pc_disp(f["postcode"]) if "postcode" in f else None)
        group("Your circumstances")
        row("sole_adult_since", D("sole_adult_since"))
        row("other_adult_name", f.get("other_adult_name") or "Not provided")
        row("other_adult_forwarding_address", f.get("other_adult_forwarding_address") or "Not provided")
        row("change_description", f.get("change_description") or "Not provided")
        group("Contact details")
        row("phone", f.get("phone") or "Not provided")
        row("email", f.get("email") or "Not provided")
    elif ft == "council_tax_move":
        group("About your move")
        row("move_type", "Moving in" if f["move_type"] == "in" else "Moving out")
        row("move_date", D("move_date"))
        group("Your details")
        row("applicant_name", f.get("applicant_name"))
        if f["move_type"] == "out":
            row("account_ref", ref_disp(f["account_ref"], "cya") if "account_ref" in f else None)
            group("Address you are leaving")
            row("previous", [f.get("previous_address"),
                             props_line2(f.get("previous_address"), f.get("previous_postcode")), "Wrexley"])
            row("previous_pc", pc_disp(f["previous_postcode"]))
            group("Forwarding address")
            row("new", [f.get("new_address"), f.get("_new_town")])
            row("new_pc", pc_disp(f["new_postcode"]))
        else:
            group("Address you are moving to")
            row("new", [f.get("new_address"), f.get("_new_line2") or None, "Wrexley"])
            row("new_pc", pc_disp(f["new_postcode"]))
        group("Contact details")
        row("phone", f.get("phone") or "Not provided")
        row("email", f.get("email") or "Not provided")
    else:
        group("About you")
        row("applicant_name", f.get("applicant_name"))
        row("address", [f.get("address"), f.get("_line2") or None, "Wrexley"])
        row("postcode", pc_disp(f["postcode"]))
        row("zone", f.get("zone"))
        group("Your vehicle")
        row("vrm", vrm_disp(f["vrm"]) if "vrm" in f else None)
        row("vehicle_make", f.get("vehicle_make") or "Not provided")
        group("Your permit")
        row("start_date", D("start_date"))
        group("Contact details")
        row("phone", f.get("phone") or "Not provided")
        row("email", f.get("email") or "Not provided")
    group("Declaration")
    pg.need(60)
    txt = ("By sending this application you confirm that, to the best of your knowledge, the details you are "
           "providing are correct.")
    c.setFont("Helvetica", 10.5)
    for ln in wrap(txt, "Helvetica", 10.5, W - 2 * X):
        c.drawString(X, pg.y - 12, ln)
        pg.y -= 13.5
    pg.y -= 8
    row("declaration_date", D("declaration_date") if "declaration_date" in f else None)
    pg.need(50)
    pg.y -= 20
    c.setFillColor(colors.HexColor("#00703c"))
    c.rect(X, pg.y - 28, 170, 28, fill=1, stroke=0)
    c.setFillColor(colors.white)
    c.setFont("Helvetica-Bold", 12)
    c.drawString(X + 14, pg.y - 19, "Accept and send")
    c.setFillColor(BLACK)
    pg.finish()


# ---------- Dense old form ------------------------------------------------------
def render_dense(path, ft, f, code):
    X0, X1 = 34, W - 34
    FS = 7.8
    titles = {
        "council_tax_spd": "COUNCIL TAX \u2013 APPLICATION FOR 25% SINGLE PERSON DISCOUNT",
        "council_tax_move": "COUNCIL TAX \u2013 NOTIFICATION OF CHANGE OF ADDRESS",
        "parking_permit": "RESIDENTS' PARKING SCHEME \u2013 APPLICATION FOR A RESIDENT PERMIT",
    }
    service = {"council_tax_spd": "Revenues & Benefits Service", "council_tax_move": "Revenues & Benefits Service",
               "parking_permit": "Parking Services"}[ft]

    def header(c, page):
        c.setLineWidth(1)
        c.rect(X0, H - 92, X1 - X0, 62)
        crest(c, X0 + 6, H - 84, 1.1, fill=BLACK)
        c.setFont("Times-Bold", 13)
        c.drawString(X0 + 50, H - 48, "CITY OF WREXLEY COUNCIL")
        c.setFont("Times-Roman", 8)
        c.drawString(X0 + 50, H - 59, f"{service}, Guildhall, Minster Street, Wrexley WY1 1AA")
        c.drawString(X0 + 50, H - 69, "Tel 01632 960000   www.wrexley.gov.uk")
        c.setFont("Times-Bold", 9)
        c.drawString(X0 + 50, H - 84, titles[ft])
        c.setFont("Helvetica-Bold", 9)
        c.drawRightString(X1 - 6, H - 46, code)
        c.setFont("Helvetica", 6.5)
        c.drawRightString(X1 - 6, H - 56, "(rev. 04/19)")
        if page == 1:
            return H - 100
        c.setFont("Helvetica-Oblique", 7)
        c.drawRightString(X1 - 6, H - 84, "continuation sheet")
        return H - 100

    def footer(c, page):
        c.setFont("Helvetica", 6)
        c.drawString(X0, 24, f"{code}   Data Protection: the information you give is used to administer "
                             f"council tax and parking and may be shared to prevent fraud. See wrexley.gov.uk/privacy")
        c.drawRightString(X1, 24, f"Page {page}")

    pg = Pager(path, header, footer, bottom=44)
    c = pg.c
    part = [0]
    box_top = [None]

    def leader(x, y, label, val, width, lf="Helvetica", vf="Courier-Bold"):
        c.setFont(lf, FS)
        c.drawString(x, y, label)
        lw = stringWidth(label, lf, FS)
        vx = x + max(lw + 18, min(width * 0.46, lw + 60))
        c.setFont(lf, FS)
        dots = ""
        while stringWidth(dots + ". ", lf, FS) < vx - (x + lw) - 4:
            dots += ". "
        c.drawString(x + lw + 2, y, dots)
        if val:
            c.setFont(vf, 8.6)
            c.drawString(vx, y, val)

    def part_start(title):
        pg.need(60)
        part[0] += 1
        pg.y -= 4
        c.setFillColor(colors.HexColor("#d9d9d9"))
        c.rect(X0, pg.y - 12, X1 - X0, 12, fill=1, stroke=1)
        c.setFillColor(BLACK)
        c.setFont("Helvetica-Bold", 8.2)
        c.drawString(X0 + 4, pg.y - 9, f"Part {part[0]}   {title}")
        box_top[0] = pg.y
        pg.y -= 24

    def part_end():
        c.setLineWidth(0.8)
        c.rect(X0, pg.y + 4, X1 - X0, box_top[0] - pg.y - 4, fill=0, stroke=1)
        pg.y -= 6

    def line_pairs(pairs):
        pg.need(14)
        n = len(pairs)
        cw = (X1 - X0 - 12) / n
        for i, (lab, val) in enumerate(pairs):
            leader(X0 + 6 + i * cw, pg.y, lab, val, cw - 8)
        pg.y -= 13

    def long_line(lab, val):
        c.setFont("Helvetica", FS)
        lines = wrap(val or "", "Courier-Bold", 8.6, X1 - X0 - 24)
        pg.need(14 + 11 * len(lines))
        c.drawString(X0 + 6, pg.y, lab)
        pg.y -= 11
        if not lines:
            lines = [""]
        for ln in lines:
            c.setFont("Helvetica", FS)
            c.setStrokeColor(colors.HexColor("#888888"))
            c.setDash(1, 2)
            c.line(X0 + 12, pg.y - 2, X1 - 8, pg.y - 2)
            c.setDash()
            c.setStrokeColor(BLACK)
            c.setFont("Courier-Bold", 8.6)
            c.drawString(X0 + 14, pg.y, ln)
            pg.y -= 11
        pg.y -= 2

    def tickline(lab, opts, sel):
        pg.need(14)
        c.setFont("Helvetica", FS)
        c.drawString(X0 + 6, pg.y, lab)
        x = X0 + 12 + stringWidth(lab, "Helvetica", FS)
        for o in opts:
            c.rect(x, pg.y - 1.5, 8, 8, stroke=1, fill=0)
            if o == sel:
                c.setFont("Helvetica-Bold", 9)
                c.drawString(x + 1.2, pg.y - 0.3, "X")
            c.setFont("Helvetica", FS)
            c.drawString(x + 11, pg.y, o)
            x += 18 + stringWidth(o, "Helvetica", FS) + 6
        pg.y -= 13

    def notes(text):
        lines = wrap(text, "Times-Roman", 7.2, X1 - X0 - 12)
        pg.need(len(lines) * 8.5 + 12)
        c.setLineWidth(0.5)
        c.rect(X0, pg.y - len(lines) * 8.5 - 6, X1 - X0, len(lines) * 8.5 + 10)
        c.setFont("Times-Roman", 7.2)
        yy = pg.y - 4
        for ln in lines:
            c.drawString(X0 + 6, yy, ln)
            yy -= 8.5
        pg.y = yy - 8

    dstyle = rng.choice(["slash", "slash", "dot", "slash_short"])
    DD = lambda k: (fmt_date(dt.date.fromisoformat(f[k]), dstyle) if valid_iso(f[k]) else f[k]) if k in f else None
    acct = (ref_disp(f["account_ref"], "dense") if "account_ref" in f else None)
    if ft == "council_tax_spd":
        notes("NOTES FOR GUIDANCE. A 25% discount is available where only one adult (a person aged 18 or over) lives "
              "in the dwelling as their main residence. Certain people, such as full-time students, are disregarded. "
              "Complete Parts 1 to 4 in BLOCK CAPITALS or type. Incomplete forms will be returned. Return to the "
              "Revenues & Benefits Service at the address above or scan and email it to counciltax@wrexley.gov.uk. "
              "You must tell us within 21 days if another adult comes to live with you.")
        part_start("THE ACCOUNT AND THE PROPERTY")
        line_pairs([("Council tax a/c no.", acct), ("Band (if known)", None)])
        line_pairs([("Full name of person liable", f.get("applicant_name"))])
        line_pairs([("Address of property (no. & street)", f.get("address"))])
        line_pairs([("Locality", props_line2(f.get("address"), f.get("postcode"))), ("Town", "Wrexley"),
                    ("Postcode", pc_disp(f["postcode"]) if "postcode" in f else None)])
        part_end()
        part_start("DETAILS OF THE CHANGE")
        line_pairs([("Date from which you have been the only adult (18+) resident", DD("sole_adult_since"))])
        line_pairs([("Full name of adult who has left", f.get("other_adult_name"))])
        long_line("Their forwarding address (incl. postcode)", f.get("other_adult_forwarding_address"))
        long_line("Please give brief details of the change", f.get("change_description"))
        part_end()
        part_start("CONTACT DETAILS")
        line_pairs([("Daytime tel.", f.get("phone")), ("E-mail", f.get("email"))])
        part_end()
    elif ft == "council_tax_move":
        notes("NOTES. Use this form to tell us you are moving into, out of, or within the City of Wrexley. If you are "
              "moving within the city please complete a separate form for each property. We will send a final bill "
              "to your forwarding address. Please allow 10 working days for your account to be updated. Type or use "
              "BLOCK CAPITALS.")
        part_start("NATURE OF MOVE")
        tickline("Tick one:", ["Moving IN to a Wrexley property", "Moving OUT of a Wrexley property"],
                 "Moving IN to a Wrexley property" if f["move_type"] == "in" else "Moving OUT of a Wrexley property")
        line_pairs([("Date of move (actual or expected)", DD("move_date"))])
        part_end()
        part_start("PERSONAL DETAILS")
        line_pairs([("Full name", f.get("applicant_name")), ("Council tax ref. (if known)", acct)])
        line_pairs([("Daytime tel.", f.get("phone")), ("E-mail", f.get("email"))])
        part_end()
        part_start("PROPERTY YOU ARE LEAVING (if in Wrexley)")
        if f["move_type"] == "out":
            line_pairs([("No. & street", f.get("previous_address"))])
            line_pairs([("Locality", props_line2(f.get("previous_address"), f.get("previous_postcode"))),
                        ("Town", "Wrexley"), ("Postcode", pc_disp(f["previous_postcode"]))])
        else:
            line_pairs([("No. & street", None)])
            line_pairs([("Locality", None), ("Town", None), ("Postcode", None)])
        part_end()
        part_start("NEW ADDRESS / FORWARDING ADDRESS")
        line_pairs([("No. & street", f.get("new_address"))])
        line_pairs([("Locality", f.get("_new_line2") if f["move_type"] == "in" else None),
                    ("Town", f.get("_new_town")), ("Postcode", pc_disp(f["new_postcode"]))])
        part_end()
    else:
        notes("CONDITIONS. A permit entitles the holder to park in marked residents' bays in the zone shown only. "
              "Permits are issued for 12 months. A maximum of 2 permits may be issued per household. The vehicle must "
              "be registered at the address or you must supply proof of keepership. Permits are not transferable. "
              "Please type or complete in BLOCK CAPITALS.")
        part_start("APPLICANT")
        line_pairs([("Name of applicant", f.get("applicant_name"))])
        line_pairs([("Address (no. & street)", f.get("address"))])
        line_pairs([("Locality", f.get("_line2") or None), ("Town", "Wrexley"),
                    ("Postcode", pc_disp(f["postcode"]))])
        line_pairs([("Daytime tel.", f.get("phone")), ("E-mail", f.get("email"))])
        part_end()
        part_start("VEHICLE")
        line_pairs([("Vehicle reg.", vrm_disp(f["vrm"]) if "vrm" in f else None),
                    ("Make", f.get("vehicle_make"))])
        part_end()
        part_start("ZONE AND START DATE")
        tickline("CPZ (tick one):", ZONES, f.get("zone"))
        line_pairs([("Permit required from", DD("start_date"))])
        part_end()
    part_start("DECLARATION")
    txt = ("I declare that the information given on this form is true and complete to the best of my knowledge. "
           "I understand that it is an offence to make a false statement knowingly or recklessly.")
    for ln in wrap(txt, "Helvetica", FS, X1 - X0 - 14):
        c.setFont("Helvetica", FS)
        c.drawString(X0 + 6, pg.y, ln)
        pg.y -= 10
    pg.y -= 3
    signed = f.get("applicant_name") if "declaration_date" in f else None
    pg.need(14)
    c.setFont("Helvetica", FS)
    c.drawString(X0 + 6, pg.y, "Signature")
    c.setDash(1, 2)
    c.line(X0 + 46, pg.y - 2, X0 + 260, pg.y - 2)
    c.setDash()
    if signed:
        c.setFont("Times-Italic", 11)
        toks = signed.split()
        while toks and toks[0].rstrip(".").lower() in TITLES:
            toks = toks[1:]
        c.drawString(X0 + 52, pg.y, " ".join(toks))
    leader(X0 + 300, pg.y, "Date", DD("declaration_date"), 200)
    pg.y -= 14
    part_end()
    # office use
    pg.need(48)
    pg.y -= 4
    c.setLineWidth(1.2)
    c.rect(X0 + (X1 - X0) / 2, pg.y - 40, (X1 - X0) / 2, 40)
    c.setFont("Helvetica-Bold", 7)
    c.drawString(X0 + (X1 - X0) / 2 + 4, pg.y - 9, "FOR OFFICE USE ONLY")
    c.setFont("Helvetica", 6.5)
    c.drawString(X0 + (X1 - X0) / 2 + 4, pg.y - 20, "Date recd ..............   Batch ..........   Officer ........")
    c.drawString(X0 + (X1 - X0) / 2 + 4, pg.y - 31, "Academy/Civica updated  Y / N     Checked ............")
    pg.y -= 46
    pg.finish()


# ---------- Fillable PDF (AcroForm) ---------------------------------------------
def render_acro(path, ft, f, code):
    c = rl_canvas.Canvas(path, pagesize=A4)
    af = c.acroForm
    X = 42
    n = {"t": 0, "cb": 0}
    titles = {"council_tax_spd": "Single Person Discount \u2013 Application Form",
              "council_tax_move": "Moving Home \u2013 Council Tax Change of Address",
              "parking_permit": "Resident Parking Permit \u2013 Application"}
    page = [1]

    def hdr():
        crest(c, X, H - 70, 1.2)
        c.setFont("Helvetica-Bold", 16)
        c.setFillColor(WREX)
        c.drawString(X + 52, H - 46, "City of Wrexley Council")
        c.setFillColor(BLACK)
        c.setFont("Helvetica-Bold", 12)
        c.drawString(X + 52, H - 64, titles[ft])
        c.setFont("Helvetica", 8)
        c.drawRightString(W - X, H - 46, f"Form {code}")
        c.drawRightString(W - X, H - 56, "Fillable \u2013 type your answers")
        c.setStrokeColor(WREX)
        c.setLineWidth(2)
        c.line(X, H - 80, W - X, H - 80)
        c.setStrokeColor(BLACK)
        c.setLineWidth(1)

    def ftr():
        c.setFont("Helvetica", 7)
        c.setFillColor(GREY)
        c.drawString(X, 30, f"{code}  |  Save the completed form and email it to "
                            f"{'parking' if ft == 'parking_permit' else 'counciltax'}@wrexley.gov.uk")
        c.drawRightString(W - X, 30, f"Page {page[0]}")
        c.setFillColor(BLACK)

    hdr()
    y = [H - 110]
    if True:
        c.setFont("Helvetica", 8.5)
        intro = ("Please complete every section. Fields marked * must be completed. Click in a box to type. "
                 "When you have finished, save the form and email it to us; you do not need to print it.")
        for ln in wrap(intro, "Helvetica", 8.5, W - 2 * X):
            c.drawString(X, y[0], ln)
            y[0] -= 11
        y[0] -= 6

    def newpage_if(h):
        if y[0] - h < 60:
            ftr()
            c.showPage()
            page[0] += 1
            hdr()
            y[0] = H - 105

    def section(t):
        newpage_if(50)
        c.setFillColor(colors.HexColor("#efe6ea"))
        c.rect(X, y[0] - 4, W - 2 * X, 16, fill=1, stroke=0)
        c.setFillColor(WREX)
        c.setFont("Helvetica-Bold", 10)
        c.drawString(X + 4, y[0], t)
        c.setFillColor(BLACK)
        y[0] -= 26

    def tf(label, tooltip, val, width=300, height=18, multiline=False, above=False, name=None):
        newpage_if(height + (14 if above else 6))
        n["t"] += 1
        nm = name or f"Text{n['t']}"
        c.setFont("Helvetica", 9)
        if above:
            c.drawString(X, y[0], label)
            y[0] -= 4
            fx = X
        else:
            lines = wrap(label, "Helvetica", 9, 170)
            yy = y[0]
            for ln in lines:
                c.drawString(X, yy, ln)
                yy -= 10
            fx = X + 180
        kw = dict(name=nm, tooltip=tooltip, value=val or "", x=fx, y=y[0] - height + 10 if not above else y[0] - height,
                  width=width, height=height, borderStyle="inset", borderColor=colors.HexColor("#777777"),
                  fillColor=colors.HexColor("#eef3ff"), textColor=BLACK, forceBorder=True,
                  fontName="Helvetica", fontSize=9, maxlen=2000)
        if multiline:
            kw["fieldFlags"] = "multiline"
        af.textfield(**kw)
        y[0] -= height + (10 if not above else 16)

    def cb(label, tooltip, on, x=None):
        n["cb"] += 1
        xx = X + 180 if x is None else x
        af.checkbox(name=f"Check Box{n['cb'] + 2}", tooltip=tooltip, x=xx, y=y[0] - 3, size=11,
                    checked=bool(on), buttonStyle="cross", borderColor=colors.HexColor("#777777"),
                    fillColor=colors.white, forceBorder=True)
        c.setFont("Helvetica", 9)
        c.drawString(xx + 15, y[0], label)

    dsty = rng.choice(["slash", "dash", "slash_short", "long"])
    DD = lambda k: (fmt_date(dt.date.fromisoformat(f[k]), dsty) if valid_iso(f[k]) else f[k]) if k in f else None
    acct = ref_disp(f["account_ref"], "acro") if "account_ref" in f else None
    if ft == "council_tax_spd":
        section("1. Your details")
        tf("Council Tax reference *", "Council Tax account reference (8 digits)", acct, 140)
        tf("Full name *", "Full name of the person liable to pay", f.get("applicant_name"), 300)
        tf("Address line 1 *", "Property address - first line", f.get("address"), 300)
        tf("Address line 2", "Property address - second line", props_line2(f.get("address"), f.get("postcode")), 300)
        tf("Town", "Town", "Wrexley", 200)
        tf("Postcode *", "Property postcode", pc_disp(f["postcode"]) if "postcode" in f else None, 90)
        section("2. About the change")
        tf("I have been the only adult living here since *", "Date you became the only adult (dd/mm/yyyy)",
           DD("sole_adult_since"), 120)
        tf("Name of the person who has moved out", "Name of adult who left", f.get("other_adult_name"), 300)
        tf("Their new address", "Forwarding address of the adult who left",
           f.get("other_adult_forwarding_address"), 330, 30, True)
        tf("Please tell us about the change", "Tell us what changed", f.get("change_description"),
           W - 2 * X, 44, True, above=True)
        section("3. Contact")
        tf("Phone", "Contact telephone number", f.get("phone"), 160)
        tf("Email", "Contact email address", f.get("email"), 260)
    elif ft == "council_tax_move":
        section("1. Your move")
        newpage_if(20)
        c.setFont("Helvetica", 9)
        c.drawString(X, y[0], "Are you moving in or out? *")
        cb("Moving in", "Moving into a property in Wrexley", f["move_type"] == "in", X + 180)
        cb("Moving out", "Moving out of a property in Wrexley", f["move_type"] == "out", X + 280)
        y[0] -= 22
        tf("Date of move *", "Date you moved or will move", DD("move_date"), 120)
        section("2. About you")
        tf("Full name *", "Your full name", f.get("applicant_name"), 300)
        tf("Council Tax reference (if moving out)", "Council Tax account reference", acct, 140)
        tf("Phone", "Contact telephone number", f.get("phone"), 160)
        tf("Email", "Contact email address", f.get("email"), 260)
        section("3. Address you are leaving")
        out_ = f["move_type"] == "out"
        tf("Address line 1", "Address you are leaving - first line", f.get("previous_address") if out_ else None, 300)
        tf("Address line 2", "Address you are leaving - second line",
           props_line2(f.get("previous_address"), f.get("previous_postcode")) if out_ else None, 300)
        tf("Postcode", "Postcode of address you are leaving",
           pc_disp(f["previous_postcode"]) if out_ else None, 90)
        section("4. New address (or forwarding address)")
        tf("Address line 1", "New / forwarding address - first line", f.get("new_address"), 300)
        tf("Address line 2", "New / forwarding address - second line",
           f.get("_new_line2") if not out_ else None, 300)
        tf("Town", "Town", f.get("_new_town"), 200)
        tf("Postcode", "New / forwarding postcode", pc_disp(f["new_postcode"]), 90)
    else:
        section("1. Applicant")
        tf("Full name *", "Applicant's full name", f.get("applicant_name"), 300)
        tf("Address line 1 *", "Home address - first line", f.get("address"), 300)
        tf("Address line 2", "Home address - second line", f.get("_line2") or None, 300)
        tf("Postcode *", "Home postcode", pc_disp(f["postcode"]), 90)
        tf("Phone", "Contact telephone number", f.get("phone"), 160)
        tf("Email", "Contact email address", f.get("email"), 260)
        section("2. Vehicle and permit")
        tf("Vehicle registration *", "Vehicle registration mark", vrm_disp(f["vrm"]) if "vrm" in f else None, 110)
        tf("Make of vehicle", "Vehicle make", f.get("vehicle_make"), 160)
        tf("Permit zone *", "Controlled parking zone (CPZ 1-6 or Zone Cathedral)", f.get("zone"), 130)
        tf("Start date *", "Date the permit should start", DD("start_date"), 120)
    section("Declaration")
    newpage_if(60)
    c.setFont("Helvetica", 8.5)
    for ln in wrap("I confirm that the information on this form is correct. I understand the council may check it "
                   "against other records and that giving false information is an offence.", "Helvetica", 8.5,
                   W - 2 * X):
        c.drawString(X, y[0], ln)
        y[0] -= 11
    y[0] -= 6
    cb("I agree", "Declaration agreed", "declaration_date" in f, X)
    y[0] -= 22
    tf("Date *", "Date of declaration", DD("declaration_date"), 120, name="Date_Signed")
    # office box
    newpage_if(50)
    y[0] -= 10
    c.setDash(3, 2)
    c.rect(W - X - 200, y[0] - 36, 200, 40)
    c.setDash()
    c.setFont("Helvetica-Bold", 7)
    c.drawString(W - X - 196, y[0] - 6, "For office use only")
    c.setFont("Helvetica", 7)
    c.drawString(W - X - 196, y[0] - 18, "Processed by: ______________")
    c.drawString(W - X - 196, y[0] - 28, "Date: ______________")
    ftr()
    c.save()


# ---------- Correspondence ------------------------------------------------------
def render_letter(path, d):
    c = rl_canvas.Canvas(path, pagesize=A4)
    X = 70
    font = rng.choice(["Helvetica", "Times-Roman"])
    fs = 11
    y = H - 70
    if d["layout"] == "agent_letter" and d.get("office"):
        o = d["office"]
        c.setFont("Helvetica-Bold", 16)
        c.setFillColor(colors.HexColor("#1f4e79"))
        c.drawCentredString(W / 2, y, o[0])
        c.setFillColor(BLACK)
        c.setFont("Helvetica", 8.5)
        c.drawCentredString(W / 2, y - 14, f"{o[1]}, {o[2]} {o[3]}  \u2022  01632 960{rng.randint(100, 999)}  \u2022  "
                                          f"lettings@{o[0].split()[0].lower()}{o[0].split()[1].lower()}.co.uk")
        c.setStrokeColor(colors.HexColor("#1f4e79"))
        c.line(X, y - 22, W - X, y - 22)
        c.setStrokeColor(BLACK)
        y -= 48
        addr_lines = []
    else:
        addr_lines = []
        if d.get("sender"):
            addr_lines.append(d["sender"])
        if d.get("sender_addr"):
            p = d["sender_addr"]
            addr_lines += [p["address_line_1"]] + ([p["address_line_2"]] if p["address_line_2"] else []) + \
                ["Wrexley", pc_disp(p["postcode"])]
        if d.get("phone"):
            addr_lines.append(f"Tel: {d['phone']}")
        c.setFont(font, fs)
        for ln in addr_lines:
            c.drawRightString(W - X, y, ln)
            y -= 14
        y -= 10
    # recipient
    c.setFont(font, fs)
    for ln in d["recipient"]:
        c.drawString(X, y, ln)
        y -= 14
    y -= 10
    c.drawString(X, y, fmt_date(d["date"], rng.choice(["long", "ordinal"])))
    y -= 28
    c.drawString(X, y, d["salutation"])
    y -= 22
    for i, para in enumerate(d["paras"]):
        bold = (i == 0 and (para.startswith("Re:") or para.startswith("Our ref") or para.startswith("Account number")))
        fn = (font + "-Bold" if font == "Helvetica" else "Times-Bold") if bold else font
        for ln in wrap(para, fn, fs, W - 2 * X):
            c.setFont(fn, fs)
            c.drawString(X, y, ln)
            y -= 14.5
        y -= 9
    y -= 6
    c.setFont(font, fs)
    c.drawString(X, y, d["signoff"] + ("," if d.get("sender") else ""))
    y -= 40
    if d.get("sender"):
        c.setFont("Times-Italic", 15)
        c.drawString(X, y + 12, d["sender"].split()[0][0] + ". " + d["sender"].split()[-1])
        c.setFont(font, fs)
        c.drawString(X, y - 6, d["sender"])
        if d.get("sender_title"):
            c.drawString(X, y - 20, d["sender_title"] + (f", {d['office'][0]}" if d.get("office") else ""))
    c.save()
    return addr_lines


def render_email(path, d):
    c = rl_canvas.Canvas(path, pagesize=A4)
    X = 50
    y = H - 60
    p = d.get("sender_addr")
    em = email_for(d["sender"]) if d.get("sender") else f"wy6binman{rng.randint(70, 99)}@gmail.com"
    c.setFont("Helvetica-Bold", 13)
    c.drawString(X, y, d["sender"] or em)
    c.setLineWidth(2)
    c.line(X, y - 8, W - X, y - 8)
    y -= 30
    sent = d["date"]
    sent_s = f"{sent.strftime('%A')}, {sent.day} {MONTHS[sent.month-1]} {sent.year} {sent.strftime('%H:%M')}"
    hdrs = [("From:", f"{d['sender']} <{em}>" if d.get("sender") else em),
            ("Sent:", sent_s), ("To:", d["to"]), ("Subject:", d["subject"])]
    for k, v in hdrs:
        c.setFont("Helvetica-Bold", 10)
        c.drawString(X, y, k)
        c.setFont("Helvetica", 10)
        c.drawString(X + 60, y, v)
        y -= 14
    y -= 16
    font, fs = "Helvetica", 10.5
    for para in d["paras"]:
        for ln in wrap(para, font, fs, W - 2 * X):
            c.setFont(font, fs)
            c.drawString(X, y, ln)
            y -= 14
        y -= 8
    sig = []
    if not d.get("no_sig"):
        sig.append(d["sender"])
        if p:
            sig += [p["address_line_1"]] + ([p["address_line_2"]] if p["address_line_2"] else []) + \
                [f"Wrexley {pc_disp(p['postcode'])}"]
        for ln in sig:
            c.drawString(X, y, ln)
            y -= 14
    c.setFont("Helvetica", 7)
    c.setFillColor(GREY)
    c.drawString(X, 40, "Printed from Wrexley Council customer services mailbox")
    c.save()
    return hdrs, sent_s, sig


# ----------------------------------------------------------------------------
# BUILD
# ----------------------------------------------------------------------------
def public_fields(f):
    return {k: v for k, v in f.items() if not k.startswith("_")}


def main():
    if os.path.isdir(INBOX):
        shutil.rmtree(INBOX)
    os.makedirs(INBOX)
    order = list(range(len(docs)))
    rng.shuffle(order)
    truth = []
    for i, di in enumerate(order):
        d = docs[di]
        fname = f"doc_{i + 1:04d}.pdf"
        path = os.path.join(INBOX, fname)
        ft = d["ft"]
        if ft == "correspondence":
            fields = {"topic": d["topic"]}
            if d["layout"] == "email":
                hdrs, sent_s, sig = render_email(path, d)
                body = " ".join(d["paras"])
                alltext = " ".join(v for _, v in hdrs) + " " + body
            else:
                render_letter(path, d)
                body = " ".join(d["paras"])
                alltext = fmt_date(d["date"], "long") + " " + body
            if d.get("sender"):
                fields["sender_name"] = d["sender"]
            if d.get("office"):
                fields["address"] = d["office"][1]
                fields["postcode"] = d["office"][3]
            elif d.get("sender_addr") and not (d["layout"] == "email" and d.get("no_sig")):
                fields["address"] = d["sender_addr"]["address_line_1"]
                fields["postcode"] = d["sender_addr"]["postcode"]
            if d.get("account"):
                fields["account_ref"] = d["account"]
            dates = find_dates(alltext)
            if dates:
                fields["dates_mentioned"] = dates
            fields["body"] = collapse(body)
            reasons = check(ft, fields)
            expected = [] if d["kind"] == "clean" else [d["kind"]]
        else:
            f = d["fields"]
            code = FORM_CODES[(d["layout"], ft)]
            if d["layout"] == "govuk":
                render_govuk(path, ft, f, code)
            elif d["layout"] == "check_answers":
                subref = f"WX-{hashlib.md5((fname + str(SEED)).encode()).hexdigest()[:8].upper()}"
                render_cya(path, ft, f, code, subref)
            elif d["layout"] == "dense_old":
                render_dense(path, ft, f, code)
            else:
                render_acro(path, ft, f, code)
            fields = public_fields(f)
            reasons = check(ft, fields)
            expected = [] if d["kind"] in ("clean", "dup") else [d["kind"]]
        assert reasons == expected, (fname, ft, d["kind"], reasons, fields)
        rec = {"file": fname, "form_type": ft, "fields": fields,
               "outcome": "approved" if not reasons else "exception", "reasons": reasons,
               "layout": d["layout"]}
        if d.get("dup"):
            rec["outcome"] = "duplicate_pair"
            rec["duplicate_group"] = d["dup"]
        rec["_clean"] = d["kind"] == "clean"
        truth.append(rec)
    # split
    seen = {}
    for rec in truth:
        key = (rec["layout"], rec["form_type"])
        if rec.pop("_clean") and seen.get(key, 0) < 2:
            rec["split"] = "learn"
            seen[key] = seen.get(key, 0) + 1
        else:
            rec["split"] = "test"
    with open(os.path.join(HERE, "truth.jsonl"), "w") as fh:
        for rec in truth:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    write_workbook()
    return truth


def write_workbook():
    wb = Workbook()
    ws = wb.active
    ws.title = "properties"
    cols = ["uprn", "address_line_1", "address_line_2", "town", "postcode", "council_tax_band", "ward",
            "parking_zone"]
    ws.append(cols)
    for p in properties:
        ws.append([p[k] if p[k] != "" else None for k in cols])
    ws = wb.create_sheet("council_tax_accounts")
    ws.append(["account_ref", "uprn", "liable_parties", "status", "start_date", "end_date", "discounts"])
    for a in sorted(accounts.values(), key=lambda a: (a["uprn"], a["start_date"])):
        ws.append([a["account_ref"], a["uprn"], ";".join(a["liable"]), a["status"], a["start_date"],
                   a["end_date"], ";".join(a["discounts"]) or None])
        ws.cell(ws.max_row, 1).number_format = "@"
        ws.cell(ws.max_row, 5).number_format = "yyyy-mm-dd"
        ws.cell(ws.max_row, 6).number_format = "yyyy-mm-dd"
    ws = wb.create_sheet("electoral_register")
    ws.append(["elector_number", "full_name", "uprn"])
    for e in sorted(electors, key=lambda e: (e["elector_number"][:2], int(e["elector_number"][3:]))):
        ws.append([e["elector_number"], e["full_name"], e["uprn"]])
    ws = wb.create_sheet("parking_permits")
    ws.append(["permit_ref", "uprn", "vrm", "zone", "valid_from", "valid_to"])
    for pm in sorted(permits, key=lambda x: x["permit_ref"]):
        ws.append([pm["permit_ref"], pm["uprn"], pm["vrm"], pm["zone"], pm["valid_from"], pm["valid_to"]])
        ws.cell(ws.max_row, 5).number_format = "yyyy-mm-dd"
        ws.cell(ws.max_row, 6).number_format = "yyyy-mm-dd"
    wb.save(os.path.join(HERE, "records.xlsx"))


if __name__ == "__main__":
    t = main()
    from collections import Counter
    print(len(t), "files")
    print(Counter((r["form_type"], r["outcome"]) for r in t))
    print(Counter(r["split"] for r in t))
    print(len(properties), "properties", len(accounts), "accounts", len(electors), "electors",
          len(permits), "permits")
