#!/usr/bin/env python3
"""Blind test set 38: Royal Borough of Kingsmere.

Deterministic generator. Writes, next to this file:
  records.xlsx, inbox/doc_NNNN.pdf, truth.jsonl, README.md
Run:  python gen.py
"""
import datetime as dt
import io
import json
import random
import re
import shutil
import zipfile
from pathlib import Path

import openpyxl
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
ASOF = dt.date(2026, 12, 7)
SEED = 38038
rng = random.Random(SEED)
W, H = A4

# --------------------------------------------------------------------------
# Names, streets
# --------------------------------------------------------------------------
FIRST_F = ["Jane", "Olivia", "Priya", "Grace", "Chloe", "Fiona", "Harriet", "Nadia", "Siobhan",
           "Eleanor", "Beatrice", "Aisha", "Helen", "Joanna", "Margaret", "Niamh", "Rebecca",
           "Ursula", "Wendy", "Zoe", "Bronwen", "Deepa", "Freya", "Hannah", "Jasmine", "Leila",
           "Nicola", "Agnieszka", "Comfort", "Rosalind", "Tamsin", "Yasmin", "Imogen", "Mei"]
FIRST_M = ["Amir", "Tomasz", "Daniel", "Kwame", "Marcus", "Oliver", "Rajesh", "Yusuf", "Callum",
           "Gareth", "Imran", "Lewis", "Patrick", "Samuel", "Tariq", "Victor", "Adebayo", "Conor",
           "Emeka", "George", "Ivan", "Kieran", "Mohammed", "Dominic", "Hugh", "Stefan", "Arjun",
           "Felix", "Nathaniel", "Rory", "Ewan", "Desmond"]
SURN = ["Smith", "Okafor", "Patel", "Kowalski", "Hughes", "Reilly", "Dunne", "Finch", "Mensah",
        "O'Brien", "Chen", "Ahmed", "Clarke", "Fernandes", "Whitaker", "Nowak", "Adeyemi",
        "Bennett", "Gallagher", "Hussain", "Ivanova", "Jenkins", "Khan", "Lawrence", "Morrison",
        "Nair", "Osei", "Pearson", "Quinn", "Rahman", "Sutherland", "Thompson", "Underwood",
        "Vaughan", "Walsh", "Yilmaz", "Zhang", "Baptiste", "Castellano", "Doyle", "Ashworth-Hale",
        "Pritchard", "Lindqvist", "Mahmood", "Fairbairn", "Kaur", "Abernethy", "Tran"]

# name, locality, sector, ward, zone, max house number, bands, n properties
STREETS = [
    ("Station Road", "Kingsmere Town", "KM1 2", "Kingsmere Central", "K1", 88, "CDE", 14),
    ("Beacon Avenue", "Kingsmere Town", "KM1 3", "Kingsmere Central", "K1", 60, "DE", 11),
    ("Orchard Way", "Ashcombe", "KM2 6", "Ashcombe", "K2", 72, "CD", 13),
    ("Fairlawn Road", "Ashcombe", "KM2 7", "Ashcombe", "K2", 64, "DEF", 11),
    ("Meadow Close", "Ashcombe", "KM2 8", "Ashcombe", "", 30, "DE", 9),
    ("Linden Grove", "Wealdbridge", "KM5 1", "Wealdbridge", "W3", 70, "CDE", 13),
    ("Cedar Drive", "Wealdbridge", "KM5 2", "Wealdbridge", "W3", 56, "DE", 11),
    ("The Crescent", "Norbury Vale", "KM6 4", "Norbury Vale", "", 48, "EF", 9),
    ("Hollybush Lane", "Norbury Vale", "KM6 5", "Norbury Vale", "", 60, "DEF", 10),
    ("Church Walk", "Hollins Park", "KM4 7", "Hollins Park", "H", 52, "CD", 11),
    ("Mill Lane", "Hollins Park", "KM4 8", "Hollins Park", "H", 66, "CDE", 12),
    ("Parkside Gardens", "Hollins Park", "KM4 9", "Hollins Park", "", 40, "E", 9),
    ("Elmstead Road", "Kingsmere Town", "KM3 5", "St Anne's", "A", 80, "CD", 13),
    ("Victoria Terrace", "Kingsmere Town", "KM3 6", "St Anne's", "A", 44, "BC", 10),
]
WARD_CODE = {"Kingsmere Central": "KC", "Ashcombe": "AS", "Wealdbridge": "WB",
             "Norbury Vale": "NV", "Hollins Park": "HP", "St Anne's": "SA"}
UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"

used_names = set()


def new_person(sex=None, last=None, title=True):
    if sex is None:
        sex = rng.choice("FM")
    for _ in range(1000):
        first = rng.choice(FIRST_F if sex == "F" else FIRST_M)
        ln = last or rng.choice(SURN)
        if (first, ln) not in used_names:
            used_names.add((first, ln))
            break
        last = None
    if sex == "F":
        t = rng.choice(["Mrs", "Ms", "Miss", "Ms", "Mrs", "Dr"])
    else:
        t = rng.choice(["Mr", "Mr", "Mr", "Dr"])
    return {"title": t, "first": first, "last": ln, "sex": sex}


def full(p):
    return f"{p['first']} {p['last']}"


def written(p, with_title):
    return (p["title"] + " " if with_title else "") + full(p)


# --------------------------------------------------------------------------
# Gazetteer
# --------------------------------------------------------------------------
properties = []
uprn_next = [100071204100]


def add_property(line1, line2, pc, band, ward, zone, street):
    uprn_next[0] += rng.randint(3, 40)
    p = {"uprn": uprn_next[0], "line1": line1, "line2": line2, "town": "Kingsmere",
         "postcode": pc, "band": band, "ward": ward, "zone": zone, "street": street,
         "locality": line2}
    properties.append(p)
    return p


street_postcodes = {}
for (st, loc, sector, ward, zone, maxno, bands, n) in STREETS:
    u1 = rng.choice(UNIT_LETTERS) + rng.choice(UNIT_LETTERS)
    u2 = rng.choice(UNIT_LETTERS) + rng.choice(UNIT_LETTERS)
    while u2 == u1:
        u2 = rng.choice(UNIT_LETTERS) + rng.choice(UNIT_LETTERS)
    street_postcodes[st] = (sector + u1, sector + u2)
    nums = sorted(rng.sample(range(1, maxno + 1), n))
    for no in nums:
        pc = street_postcodes[st][no % 2]
        add_property(f"{no} {st}", loc if rng.random() < 0.6 else "", pc, rng.choice(bands), ward, zone, st)
# a block of flats near the station
beacon_pc = "KM1 2" + "HW"
for fl in range(1, 9):
    add_property(f"Flat {fl} Beacon Court", "Station Road", beacon_pc, rng.choice("BC"),
                 "Kingsmere Central", "K1", "Beacon Court")
# flats above shops on Fairlawn Road
for fl in ("A", "B", "C"):
    add_property(f"{2 * rng.randint(20, 30)}{fl} Fairlawn Road", "Ashcombe", street_postcodes["Fairlawn Road"][0],
                 "B", "Ashcombe", "K2", "Fairlawn Road")

prop_by_line = {(p["line1"].lower(), p["postcode"]): p for p in properties}
pool = properties[:]
rng.shuffle(pool)
reserved = set()


def take(zone="any"):
    for p in pool:
        if p["uprn"] in reserved:
            continue
        if zone == "any" or (zone == "zoned" and p["zone"]) or (zone == "none" and not p["zone"]) or p["zone"] == zone:
            reserved.add(p["uprn"])
            return p
    raise RuntimeError("no property for " + zone)


# --------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------
accounts, electors, permits = [], [], []
acct_refs = set()
vrms_used = set()
elector_seq = {}


def new_ref():
    while True:
        r = "6" + str(rng.choice([1, 2, 3])) + "".join(rng.choice("0123456789") for _ in range(6))
        if r not in acct_refs:
            acct_refs.add(r)
            return r


def rand_date(a, b):
    return a + dt.timedelta(days=rng.randint(0, (b - a).days))


def add_account(prop, liable, status="active", start=None, end=None, discounts=""):
    ref = new_ref()
    a = {"account_ref": ref, "uprn": prop["uprn"], "liable": [full(x) if isinstance(x, dict) else x for x in liable],
         "status": status, "start": start or rand_date(dt.date(2009, 4, 1), dt.date(2024, 10, 1)),
         "end": end, "discounts": discounts}
    accounts.append(a)
    return a


def add_elector(prop, person):
    code = WARD_CODE[prop["ward"]]
    elector_seq[code] = elector_seq.get(code, rng.randint(100, 400)) + rng.randint(1, 9)
    electors.append({"no": f"{code}-{elector_seq[code]}", "name": full(person) if isinstance(person, dict) else person,
                     "uprn": prop["uprn"]})


AREA = ["LK", "LM", "LN", "LR", "LT", "LV", "GF", "GJ", "GK", "GN", "KP", "KR", "KV", "EJ", "EF", "WA", "WM", "YB", "BD"]
VL = "ABCDEFGHJKLMNOPRSTUVWXY"


def new_vrm(style="current"):
    while True:
        if style == "current":
            v = rng.choice(AREA) + rng.choice(["14", "16", "17", "18", "19", "20", "21", "22", "23", "24", "25",
                                              "64", "66", "67", "68", "69", "70", "71", "72", "73", "74", "75"]) \
                + "".join(rng.choice(VL) for _ in range(3))
        elif style == "prefix":
            v = rng.choice("RSTVWXY") + str(rng.randint(10, 899)) + "".join(rng.choice(VL) for _ in range(3))
        else:  # suffix
            v = "".join(rng.choice(VL) for _ in range(3)) + str(rng.randint(1, 899)) + rng.choice("MNPR")
        if v not in vrms_used:
            vrms_used.add(v)
            return v


def vrm_disp(v):
    m = re.match(r"^([A-Z]{2}\d{2})([A-Z]{3})$", v)
    if m:
        return m.group(1) + " " + m.group(2)
    m = re.match(r"^([A-Z]\d{1,3})([A-Z]{3})$", v)
    if m:
        return m.group(1) + " " + m.group(2)
    m = re.match(r"^([A-Z]{3})(\d{1,3}[A-Z])$", v)
    if m:
        return m.group(1) + " " + m.group(2)
    return v


permit_seq = [4100]


def add_permit(prop, vrm, active=True, zone=None):
    permit_seq[0] += rng.randint(1, 30)
    if active:
        vf = rand_date(ASOF - dt.timedelta(days=330), ASOF - dt.timedelta(days=10))
    else:
        vf = rand_date(ASOF - dt.timedelta(days=800), ASOF - dt.timedelta(days=380))
    vt = vf + dt.timedelta(days=364)
    permits.append({"ref": f"RPK{permit_seq[0]:06d}", "uprn": prop["uprn"], "vrm": vrm,
                    "zone": zone or prop["zone"], "from": vf, "to": vt})


def prev_occupier(prop, end_before):
    p = new_person()
    s = rand_date(dt.date(2008, 4, 1), end_before - dt.timedelta(days=900))
    e = rand_date(s + dt.timedelta(days=400), end_before - dt.timedelta(days=30))
    add_account(prop, [p], status="closed", start=s, end=e,
                discounts="SPD" if rng.random() < 0.3 else "")
    return e


# --------------------------------------------------------------------------
# Helpers for form data
# --------------------------------------------------------------------------
def phone():
    return rng.choice([f"07700 900{rng.randint(0, 999):03d}", f"020 7946 0{rng.randint(0, 999):03d}",
                    f"07700900{rng.randint(0, 999):03d}"])


def email(p):
    dom = rng.choice(["example.com", "example.co.uk", "mail.example.net", "example.org"])
    f, l = p["first"].lower(), re.sub(r"[^a-z]", "", p["last"].lower())
    return rng.choice([f"{f}.{l}@{dom}", f"{f[0]}{l}{rng.randint(1, 99)}@{dom}", f"{f}{l}@{dom}"])


def fwd_address():
    st = rng.choice(["Harcourt Road", "Wellesley Street", "Bramble Rise", "Quarry Hill", "Riverside Walk",
                     "Tennyson Avenue", "Foxglove Lane", "Abbey Mews"])
    sector = rng.choice(["KM7 1", "KM7 3", "KM8 2", "KM9 4", "KM9 6"])
    pc = sector + rng.choice(UNIT_LETTERS) + rng.choice(UNIT_LETTERS)
    line1 = rng.choice([f"{rng.randint(1, 120)} {st}", f"Flat {rng.randint(1, 12)}, {rng.randint(2, 60)} {st}"])
    town = rng.choice(["Kingsmere", "Wealdbridge", "Ashcombe"])
    return line1, town, pc


forms = []


def mkform(ftype, layout, fields, reasons, r, dup=None):
    f = {"type": ftype, "layout": layout, "fields": {k: v for k, v in fields.items() if v not in (None, "", [])},
         "reasons": reasons, "outcome": "approved" if not reasons else "exception", "r": r, "dup": dup}
    if dup:
        f["outcome"] = "duplicate_pair"
    forms.append(f)
    return f


def iso(d):
    return d.isoformat() if d else None


def decl_date(after=None):
    lo = max(after or dt.date(2026, 11, 9), dt.date(2026, 11, 9))
    return rand_date(lo, dt.date(2026, 12, 4))


# ------------------------------- SPD --------------------------------------
CHANGE_TXT = [
    "My husband {o} moved out on {d} after we separated.",
    "My partner {o} has moved out to live in {t}. He left on {d}.",
    "{o} moved out on {d} and I now live here on my own.",
    "My son {o} has gone to university and no longer lives here.",
    "My lodger {o} moved out.",
    "My mother {o} has moved into a care home permanently.",
    "My wife {o} passed away and I now live alone.",
]


def spd(layout, kind):
    prop = take()
    ap = new_person()
    other = new_person(last=ap["last"] if rng.random() < 0.5 else None, sex="M" if ap["sex"] == "F" else rng.choice("FM"))
    with_title = rng.random() < 0.6
    name_other = kind not in ("OTHER_ADULTS_REGISTERED",) and rng.random() < 0.8
    since = rand_date(dt.date(2026, 1, 10), dt.date(2026, 11, 28))
    liable = [ap, other] if rng.random() < 0.6 else [ap]
    register = [ap] + ([other] if name_other and rng.random() < 0.6 else [])
    discounts = ""
    acct_ref_form = None
    addr_prop = prop
    reasons = []
    if kind == "ACCOUNT_NOT_FOUND":
        reasons = ["ACCOUNT_NOT_FOUND"]
    elif kind == "NAME_MISMATCH":
        holder = new_person(sex="M" if ap["sex"] == "F" else "F")
        other = holder
        name_other = True
        liable = [holder]
        register = [ap, holder]
        reasons = ["NAME_MISMATCH"]
    elif kind == "ADDRESS_MISMATCH":
        addr_prop = take()
        add_account(addr_prop, [new_person()])
        reasons = ["ADDRESS_MISMATCH"]
    elif kind == "DISCOUNT_ALREADY_APPLIED":
        discounts = "SPD"
        reasons = ["DISCOUNT_ALREADY_APPLIED"]
    elif kind == "OTHER_ADULTS_REGISTERED":
        extra = new_person(last=ap["last"])
        register = [ap, extra]
        name_other = False
        reasons = ["OTHER_ADULTS_REGISTERED"]
    elif kind == "DATE_IN_FUTURE":
        since = rand_date(dt.date(2027, 1, 4), dt.date(2027, 2, 20))
        reasons = ["DATE_IN_FUTURE"]
    elif kind == "DATE_TOO_OLD":
        since = rand_date(dt.date(2025, 3, 1), dt.date(2025, 10, 31))
        reasons = ["DATE_TOO_OLD"]
    elif kind == "MISSING_FIELD":
        reasons = ["MISSING_FIELD:sole_adult_since"]
    if rng.random() < 0.4:
        prev_occupier(prop, dt.date(2016, 1, 1))
    acct = add_account(prop, liable, start=rand_date(dt.date(2012, 4, 1), dt.date(2024, 6, 1)), discounts=discounts)
    for x in register:
        add_elector(prop, x)
    ref = acct["account_ref"]
    if kind == "ACCOUNT_NOT_FOUND":
        # one digit mistyped
        while True:
            i = rng.randint(2, 7)
            cand = ref[:i] + str((int(ref[i]) + rng.randint(1, 9)) % 10) + ref[i + 1:]
            if cand not in acct_refs:
                break
        acct_ref_form = cand
    else:
        acct_ref_form = ref
    fwd = None
    if name_other and rng.random() < 0.6:
        l1, t, pc = fwd_address()
        fwd = [l1, t, pc]
    desc = None
    if rng.random() < 0.75 or kind == "DATE_IN_FUTURE":
        o, d = full(other), (since.strftime("%d/%m/%Y") if since else "")
        if kind == "DATE_IN_FUTURE":
            desc = (f"My partner {o} is moving out on {d} when the new flat is ready." if name_other
                    else f"My lodger is moving out on {d}.")
        elif not name_other:
            desc = rng.choice(["My lodger moved out.", "The other adult in the household has moved out.",
                               "My daughter has moved out to her own flat."])
        elif rng.random() < 0.5 and kind != "MISSING_FIELD":
            desc = rng.choice([f"{o} moved out on {d} and I now live here on my own.",
                               f"My partner {o} moved out on {d} to live in {rng.choice(['Croydon', 'Reading', 'Leeds'])}.",
                               f"We separated and {o} moved out on {d}."])
        else:
            desc = rng.choice([f"My lodger {o} has moved out.", f"My partner {o} has moved out and I now live alone.",
                               f"{o} has moved into a care home permanently."])
    dd = decl_date()
    ph = phone() if rng.random() < 0.8 else None
    em = email(ap) if rng.random() < 0.7 else None
    fields = {
        "account_ref": acct_ref_form, "applicant_name": written(ap, with_title), "address": addr_prop["line1"],
        "postcode": addr_prop["postcode"], "sole_adult_since": None if kind == "MISSING_FIELD" else iso(since),
        "other_adult_name": full(other) if name_other else None,
        "other_adult_forwarding_address": ", ".join(fwd) if fwd else None,
        "change_description": desc, "phone": ph, "email": em, "declaration_date": iso(dd)}
    r = {"person": ap, "with_title": with_title, "prop": addr_prop, "since": None if kind == "MISSING_FIELD" else since,
         "other": other if name_other else None, "fwd": fwd, "desc": desc, "phone": ph, "email": em, "decl": dd}
    return mkform("council_tax_spd", layout, fields, reasons, r)


# ------------------------------- MOVE -------------------------------------
def move(layout, kind, move_type=None, dup_of=None):
    if dup_of is not None:
        r = dict(dup_of["r"])
        r["decl"] = min(r["decl"] + dt.timedelta(days=rng.randint(2, 6)), ASOF - dt.timedelta(days=1))
        fields = dict(dup_of["fields"])
        fields["declaration_date"] = iso(r["decl"])
        r["phone"] = r.get("phone")
        return mkform("council_tax_move", layout, fields, [], r, dup=dup_of["dup"])
    mt = move_type or rng.choice(["in", "out"])
    ap = new_person()
    with_title = rng.random() < 0.5
    mdate = rand_date(dt.date(2026, 9, 20), dt.date(2026, 12, 28))
    if kind == "DATE_IN_FUTURE":
        mdate = rand_date(dt.date(2027, 1, 20), dt.date(2027, 3, 31))
    if kind == "DATE_TOO_OLD":
        mdate = rand_date(dt.date(2025, 4, 1), dt.date(2025, 11, 15))
    reasons = []
    fields = {"move_type": mt}
    r = {"person": ap, "with_title": with_title, "mt": mt}
    if mt == "out":
        prop = take()
        liable = [ap] + ([new_person(last=ap["last"])] if rng.random() < 0.4 else [])
        if kind == "NAME_MISMATCH":
            liable = [new_person()]
            add_elector(prop, ap)
            reasons = ["NAME_MISMATCH"]
        acct = add_account(prop, liable, discounts="SPD" if len(liable) == 1 and rng.random() < 0.5 else "")
        for x in liable:
            if rng.random() < 0.8:
                add_elector(prop, x)
        ref = acct["account_ref"]
        if kind == "ACCOUNT_NOT_FOUND":
            while True:
                i = rng.randint(2, 7)
                cand = ref[:i] + ref[i + 1] + ref[i] + ref[i + 2:] if i < 7 else ref[:7] + str((int(ref[7]) + 3) % 10)
                if cand not in acct_refs and cand != ref:
                    break
            ref = cand
            reasons = ["ACCOUNT_NOT_FOUND"]
        fl1, ft, fpc = fwd_address()
        fields.update({"account_ref": ref, "previous_address": prop["line1"], "previous_postcode": prop["postcode"],
                       "new_address": fl1, "new_postcode": fpc})
        r.update({"prev": (prop["line1"], prop["line2"], prop["town"], prop["postcode"]),
                  "new": (fl1, "", ft, fpc)})
    else:
        if kind == "PROPERTY_NOT_FOUND":
            l1 = f"Flat {rng.randint(2, 24)} Kingfisher Wharf"
            newp = (l1, "Riverside Walk", "Kingsmere", "KM1 9" + rng.choice(UNIT_LETTERS) + rng.choice(UNIT_LETTERS))
            reasons = ["PROPERTY_NOT_FOUND"]
        else:
            prop = take()
            e = prev_occupier(prop, mdate - dt.timedelta(days=5))
            if rng.random() < 0.5:
                # previous occupier's account closed just before the move
                accounts[-1]["end"] = mdate - dt.timedelta(days=rng.randint(1, 20))
            newp = (prop["line1"], prop["line2"], prop["town"], prop["postcode"])
        fields.update({"new_address": newp[0], "new_postcode": newp[3]})
        r["new"] = newp
        if rng.random() < 0.6:
            pl1, pt, ppc = fwd_address()
            fields.update({"previous_address": pl1, "previous_postcode": ppc})
            r["prev"] = (pl1, "", pt, ppc)
    if kind == "DATE_IN_FUTURE":
        reasons = ["DATE_IN_FUTURE"]
    if kind == "DATE_TOO_OLD":
        reasons = ["DATE_TOO_OLD"]
    dd = decl_date()
    if kind == "MISSING_FIELD":
        dd = None
        reasons = ["MISSING_FIELD:declaration_date"]
    ph = phone() if rng.random() < 0.8 else None
    em = email(ap) if rng.random() < 0.6 else None
    fields.update({"applicant_name": written(ap, with_title), "move_date": iso(mdate), "phone": ph, "email": em,
                   "declaration_date": iso(dd)})
    r.update({"mdate": mdate, "decl": dd, "phone": ph, "email": em, "acct": fields.get("account_ref")})
    return mkform("council_tax_move", layout, fields, reasons, r, dup="dup_move_1" if kind == "DUP" else None)


# ------------------------------- PARKING ----------------------------------
MAKES = [("Ford", "Fiesta"), ("Vauxhall", "Corsa"), ("Volkswagen", "Golf"), ("Toyota", "Yaris"),
         ("Kia", "Niro"), ("Nissan", "Leaf"), ("BMW", "320d"), ("Honda", "Jazz"), ("Tesla", "Model 3"),
         ("Skoda", "Octavia"), ("MINI", "Cooper"), ("Peugeot", "208"), ("Hyundai", "Kona"), ("Volvo", "XC40")]
COLOURS = ["Silver", "Black", "Blue", "Red", "White", "Grey", "Green"]


def parking(layout, kind):
    ap = new_person()
    with_title = rng.random() < 0.45
    reasons = []
    style = rng.choice(["current"] * 5 + ["prefix", "suffix"])
    vrm = new_vrm(style)
    start = rand_date(dt.date(2026, 12, 1), dt.date(2027, 1, 2))
    if kind == "PROPERTY_NOT_FOUND":
        st = rng.choice(["Station Road", "Linden Grove", "Church Walk"])
        nums = {int(p["line1"].split()[0]) for p in properties if p["street"] == st}
        no = rng.choice([n for n in range(2, 60) if n not in nums])
        pc = street_postcodes[st][no % 2]
        # a number the gazetteer does not hold, e.g. a recent conversion
        line1 = f"{no}A {st}"
        zone = [s[4] for s in STREETS if s[0] == st][0]
        loc = [s[1] for s in STREETS if s[0] == st][0]
        prop = {"line1": line1, "line2": loc, "town": "Kingsmere", "postcode": pc, "zone": zone}
        reasons = ["PROPERTY_NOT_FOUND"]
    else:
        prop = take("none" if kind == "NOT_IN_PERMIT_ZONE" else "zoned")
        zone = prop["zone"]
        # residency
        how = rng.choice(["liable", "liable", "register", "both"])
        hh = [ap] + ([new_person(last=ap["last"])] if rng.random() < 0.5 else [])
        if kind == "NOT_RESIDENT":
            owner = new_person()
            add_account(prop, [owner])
            add_elector(prop, owner)
            reasons = ["NOT_RESIDENT"]
        else:
            if how in ("liable", "both"):
                add_account(prop, hh)
            else:
                add_account(prop, [hh[-1]] if len(hh) > 1 else [new_person(last=ap["last"])])
            if how in ("register", "both"):
                add_elector(prop, ap)
            for x in hh[1:]:
                add_elector(prop, x)
        if kind == "NOT_IN_PERMIT_ZONE":
            zone = rng.choice(["K2", "H"])
            reasons = ["NOT_IN_PERMIT_ZONE"]
        if kind == "VRM_HAS_PERMIT":
            add_permit(prop, vrm, active=True)
            reasons = ["VRM_HAS_PERMIT"]
        elif kind == "PERMIT_CAP_REACHED":
            add_permit(prop, new_vrm(), active=True)
            add_permit(prop, new_vrm(), active=True)
            reasons = ["PERMIT_CAP_REACHED"]
        else:
            roll = rng.random()
            if roll < 0.35:
                add_permit(prop, vrm, active=False)  # lapsed permit for the same car: a renewal
            elif roll < 0.6:
                add_permit(prop, new_vrm(), active=True)  # household's other car
    if kind == "INVALID_FORMAT":
        vrm = "YT70PL"  # a letter missed off a current-style plate
        reasons = ["INVALID_FORMAT:vrm"]
    if kind == "MISSING_FIELD":
        vrm = None
        reasons = ["MISSING_FIELD:vrm"]
    make, model = rng.choice(MAKES)
    colour = rng.choice(COLOURS)
    dd = decl_date()
    ph = phone() if rng.random() < 0.85 else None
    em = email(ap) if rng.random() < 0.6 else None
    fields = {"applicant_name": written(ap, with_title), "address": prop["line1"], "postcode": prop["postcode"],
              "vrm": vrm, "vehicle_make": make, "zone": zone, "start_date": iso(start), "phone": ph, "email": em,
              "declaration_date": iso(dd)}
    r = {"person": ap, "with_title": with_title, "prop": prop, "vrm": vrm, "make": make, "model": model,
         "colour": colour, "zone": zone, "start": start, "decl": dd, "phone": ph, "email": em}
    return mkform("parking_permit", layout, fields, reasons, r)


# ------------------------------- CORRESPONDENCE ---------------------------
def weekday_long(d):
    return f"{d.strftime('%A')} {d.day} {d.strftime('%B %Y')}"


def sender_at(prop, liable=True):
    p = new_person()
    acct = add_account(prop, [p] + ([new_person(last=p["last"])] if rng.random() < 0.4 else []))
    add_elector(prop, p)
    return p, acct


def corr(layout, kind):
    reasons = []
    f = {}
    r = {"kind": kind}
    if kind == "missed_bin_web":
        prop = take()
        p, acct = sender_at(prop)
        d = dt.date(2026, 11, 25)
        body = [f"Our green garden waste bin was not emptied on {weekday_long(d)}. Every other bin in "
                f"{prop['street']} was collected but ours was left at the kerb, with the handle facing the road as "
                f"the leaflet says. Please can the crew come back this week, it is now overflowing."]
        f = {"topic": "missed_bin", "sender_name": full(p), "address": prop["line1"], "postcode": prop["postcode"],
             "dates_mentioned": [iso(d)]}
        r.update(person=p, prop=prop, body=body, enquiry="Bins and recycling - report a missed collection",
                 phone=phone(), email=email(p))
    elif kind == "other_web":
        prop = take()
        p, acct = sender_at(prop)
        body = ["Please could you send me the application pack and the current charges for a dropped kerb "
                "(vehicle crossover) outside my house. We would like to park on our front drive. "
                "I could not find the form on the website."]
        f = {"topic": "other", "sender_name": full(p), "address": prop["line1"], "postcode": prop["postcode"],
             "dates_mentioned": []}
        r.update(person=p, prop=prop, body=body, enquiry="Roads, pavements and highways - something else",
                 phone=phone(), email=email(p))
    elif kind == "complaint_anon_web":
        d = dt.date(2026, 12, 2)
        body = [f"I want to make a complaint about the civil enforcement officer on Station Road on "
                f"{d.day} December {d.year}. He was extremely rude to an elderly lady who was only unloading shopping "
                f"and shouted at her in front of other people. This is not acceptable behaviour from council staff "
                f"and I expect an apology to be made."]
        f = {"topic": "complaint", "dates_mentioned": [iso(d)]}
        reasons = ["SENDER_UNKNOWN"]
        r.update(person=None, prop=None, body=body, enquiry="Complaints and compliments - make a complaint",
                 phone=None, email=None)
    elif kind == "ctax_letter":
        prop = take()
        p, acct = sender_at(prop)
        d1 = dt.date(2026, 12, 1)
        body = [f"I am writing about my Council Tax bill for 2026/27. The instalment taken on {d1.strftime('%d/%m/%Y')} "
                f"was higher than the amount shown on the bill I received in March, and I do not understand why.",
                "Could you please explain how the instalments have been worked out and send me a revised "
                "statement of account. I pay by Direct Debit on the 1st of each month."]
        f = {"topic": "council_tax_query", "sender_name": full(p), "address": prop["line1"],
             "postcode": prop["postcode"], "account_ref": acct["account_ref"], "dates_mentioned": [iso(d1)]}
        r.update(person=p, prop=prop, body=body, acct=acct["account_ref"], subject="Council Tax account",
                 letter_date=dt.date(2026, 12, 2))
    elif kind == "ctax_letter_badref":
        prop = take()
        p, acct = sender_at(prop)
        while True:
            bad = "6" + "".join(rng.choice("0123456789") for _ in range(7))
            if bad not in acct_refs:
                break
        body = ["I moved into this address in the summer and I have received a reminder notice, but I have never "
                "received a Council Tax bill. Please can you confirm the balance on my account and set up monthly "
                "instalments over twelve months instead of ten."]
        f = {"topic": "council_tax_query", "sender_name": full(p), "address": prop["line1"],
             "postcode": prop["postcode"], "account_ref": bad, "dates_mentioned": []}
        reasons = ["ACCOUNT_NOT_FOUND"]
        r.update(person=p, prop=prop, body=body, acct=bad, subject="Council Tax reminder notice",
                 letter_date=dt.date(2026, 11, 27))
    elif kind == "foi_letter":
        prop = take("zoned")
        p, acct = sender_at(prop)
        d1, d2 = dt.date(2025, 4, 1), dt.date(2026, 3, 31)
        body = ["Under the Freedom of Information Act 2000 I would like to request the following information.",
                f"1. The number of penalty charge notices issued in each controlled parking zone in the borough "
                f"between 1 April 2025 and 31 March 2026.",
                "2. The total income from residents' parking permits in the same period, broken down by zone.",
                "I would prefer to receive the information electronically, as a spreadsheet if possible."]
        f = {"topic": "foi_request", "sender_name": full(p), "address": prop["line1"], "postcode": prop["postcode"],
             "dates_mentioned": [iso(d1), iso(d2)]}
        r.update(person=p, prop=prop, body=body, subject="Freedom of Information request",
                 letter_date=dt.date(2026, 11, 30))
    elif kind == "missed_bin_email":
        prop = take()
        p, acct = sender_at(prop)
        d = dt.date(2026, 11, 27)
        body = [f"Our recycling box was missed again on {weekday_long(d)}. The food waste caddy was emptied but the "
                f"blue recycling box was left full on the pavement.",
                "Could you please arrange for it to be collected before the next collection day."]
        f = {"topic": "missed_bin", "sender_name": full(p), "address": prop["line1"], "postcode": prop["postcode"],
             "dates_mentioned": [iso(d)]}
        r.update(person=p, prop=prop, body=body, subject=f"Missed recycling collection - {prop['line1']}",
                 sent=dt.datetime(2026, 11, 28, 8, 14), email=email(p), phone=phone())
    elif kind == "complaint_email":
        prop = take()
        p, acct = sender_at(prop)
        d = dt.date(2026, 11, 18)
        body = [f"I wish to make a formal complaint about the way I was treated at the Civic Centre customer "
                f"service desk on {d.day} November {d.year}.",
                "I waited for over an hour to hand in documents, was then told I was in the wrong queue, and the "
                "member of staff refused to give me their name. I would like this complaint to be investigated "
                "under your complaints procedure and a written response."]
        f = {"topic": "complaint", "sender_name": full(p), "address": prop["line1"], "postcode": prop["postcode"],
             "dates_mentioned": [iso(d)]}
        r.update(person=p, prop=prop, body=body, subject="Formal complaint - Civic Centre customer service",
                 sent=dt.datetime(2026, 11, 19, 21, 37), email=email(p), phone=phone())
    elif kind == "foi_email_unknown":
        p = new_person()
        d1 = dt.date(2026, 1, 1)
        body = ["This is a request under the Freedom of Information Act 2000.",
                f"Please tell me how many Single Person Discount reviews the council has carried out since "
                f"{d1.day} January {d1.year}, and how many discounts were removed as a result of those reviews.",
                "Please reply by email."]
        f = {"topic": "foi_request", "sender_name": full(p), "dates_mentioned": [iso(d1)]}
        reasons = ["SENDER_UNKNOWN"]
        r.update(person=p, prop=None, body=body, subject="FOI request - Single Person Discount reviews",
                 sent=dt.datetime(2026, 12, 3, 11, 2), email=email(p), phone=None)
    if "letter_date" in r:
        r["with_title"] = rng.random() < 0.5
        f["sender_name"] = written(r["person"], r["with_title"])
    f["body"] = " ".join(" ".join(x.split()) for x in r["body"])
    return mkform("correspondence", layout, f, reasons, r)


# --------------------------------------------------------------------------
# The plan: layouts x form types x outcomes
# --------------------------------------------------------------------------
PLAN = [
    # layout A: paper form with letter boxes
    ("A", "spd", ["clean", "clean", "clean", "ACCOUNT_NOT_FOUND", "OTHER_ADULTS_REGISTERED", "DATE_TOO_OLD"]),
    ("A", "move", ["clean", "clean", "clean", "DUP", "ACCOUNT_NOT_FOUND", "DATE_TOO_OLD"]),
    ("A", "parking", ["clean", "clean", "clean", "NOT_IN_PERMIT_ZONE", "VRM_HAS_PERMIT"]),
    # layout B: fillable PDF
    ("B", "spd", ["clean", "clean", "clean", "NAME_MISMATCH", "DISCOUNT_ALREADY_APPLIED", "MISSING_FIELD"]),
    ("B", "parking", ["clean", "clean", "clean", "clean", "INVALID_FORMAT", "PERMIT_CAP_REACHED"]),
    # layout C: online form receipts
    ("C", "spd", ["clean", "clean", "clean", "clean", "ADDRESS_MISMATCH", "DATE_IN_FUTURE"]),
    ("C", "move", ["clean", "clean", "clean", "DUP", "PROPERTY_NOT_FOUND"]),
    ("C", "corr", ["missed_bin_web", "other_web", "complaint_anon_web"]),
    # layout D: ruled lines with captions below
    ("D", "move", ["clean", "clean", "clean", "NAME_MISMATCH", "DATE_IN_FUTURE", "MISSING_FIELD"]),
    ("D", "parking", ["clean", "clean", "clean", "PROPERTY_NOT_FOUND", "NOT_RESIDENT", "MISSING_FIELD"]),
    # layout E: letters and emails
    ("E", "corr", ["ctax_letter", "foi_letter", "missed_bin_email", "complaint_email", "ctax_letter_badref",
                   "foi_email_unknown"]),
]
LAYOUT_NAMES = {"A": "kingsmere_paper_boxes", "B": "kingsmere_fillable", "C": "kingsmere_online_receipt",
                "D": "kingsmere_ruled_captions", "E": "kingsmere_letters_emails"}

dup_first = None
for lay, ft, kinds in PLAN:
    for k in kinds:
        if ft == "spd":
            spd(lay, k)
        elif ft == "move":
            if k == "DUP":
                if dup_first is None:
                    dup_first = move(lay, "DUP", move_type="in")
                else:
                    move(lay, None, dup_of=dup_first)
            elif k in ("ACCOUNT_NOT_FOUND", "NAME_MISMATCH"):
                move(lay, k, move_type="out")
            elif k == "PROPERTY_NOT_FOUND":
                move(lay, k, move_type="in")
            else:
                move(lay, k)
        elif ft == "parking":
            parking(lay, k)
        else:
            corr(lay, k)

# background households for every property not used by a scenario
for p in properties:
    if p["uprn"] in reserved:
        continue
    if rng.random() < 0.05:
        continue  # empty / no account yet
    if rng.random() < 0.35:
        prev_occupier(p, dt.date(2022, 1, 1))
    n = rng.choice([1, 1, 2, 2, 2, 3])
    sur = rng.choice(SURN)
    adults = [new_person(last=sur if i < 2 or rng.random() < 0.6 else None) for i in range(n)]
    liable = adults[:2] if (n >= 2 and rng.random() < 0.7) else adults[:1]
    disc = "SPD" if n == 1 and rng.random() < 0.8 else ""
    add_account(p, liable, discounts=disc)
    for a in adults:
        if rng.random() < 0.85:
            add_elector(p, a)
    if p["zone"] and rng.random() < 0.4:
        for _ in range(rng.choice([1, 1, 2])):
            add_permit(p, new_vrm(), active=rng.random() < 0.75)

# --------------------------------------------------------------------------
# Independent check of every intended outcome against the records
# --------------------------------------------------------------------------
TITLES = {"mr", "mrs", "ms", "miss", "dr", "mx"}


def bare(n):
    t = n.split()
    if t and t[0].lower().rstrip(".") in TITLES:
        t = t[1:]
    return " ".join(t).lower()


VRM_RE = [r"^[A-Z]{2}\d{2}[A-Z]{3}$", r"^[A-Z]\d{1,3}[A-Z]{3}$", r"^[A-Z]{3}\d{1,3}[A-Z]$"]


def evaluate(f):
    fl, t = f["fields"], f["type"]
    acc = {a["account_ref"]: a for a in accounts}
    pbu = {p["uprn"]: p for p in properties}
    reasons = []
    req = {"council_tax_spd": ["account_ref", "applicant_name", "address", "postcode", "sole_adult_since",
                               "declaration_date"],
           "council_tax_move": ["move_type", "applicant_name", "move_date", "declaration_date"] +
                               (["account_ref", "previous_address", "previous_postcode"] if fl.get("move_type") == "out"
                                else ["new_address", "new_postcode"]),
           "parking_permit": ["applicant_name", "address", "postcode", "vrm", "zone", "start_date", "declaration_date"],
           "correspondence": ["topic", "body"]}[t]
    reasons += [f"MISSING_FIELD:{k}" for k in req if k not in fl]
    if t == "council_tax_spd":
        a = acc.get(fl["account_ref"])
        if not a:
            return reasons + ["ACCOUNT_NOT_FOUND"]
        if a["status"] != "active":
            reasons.append("ACCOUNT_CLOSED")
        if bare(fl["applicant_name"]) not in [x.lower() for x in a["liable"]]:
            reasons.append("NAME_MISMATCH")
        p = pbu[a["uprn"]]
        if (fl["address"].lower(), fl["postcode"]) != (p["line1"].lower(), p["postcode"]):
            reasons.append("ADDRESS_MISMATCH")
        if "SPD" in a["discounts"].split(";"):
            reasons.append("DISCOUNT_ALREADY_APPLIED")
        names = {e["name"].lower() for e in electors if e["uprn"] == p["uprn"]}
        names -= {bare(fl["applicant_name"]), fl.get("other_adult_name", "").lower()}
        if names:
            reasons.append("OTHER_ADULTS_REGISTERED")
        s = fl.get("sole_adult_since")
        if s:
            s = dt.date.fromisoformat(s)
            if s > ASOF:
                reasons.append("DATE_IN_FUTURE")
            if s < ASOF - dt.timedelta(days=365):
                reasons.append("DATE_TOO_OLD")
            ds = re.findall(r"\d{2}/\d{2}/\d{4}", fl.get("change_description", ""))
            if any(dt.datetime.strptime(x, "%d/%m/%Y").date() != s for x in ds):
                reasons.append("INCONSISTENT_DATES")
        return reasons
    if t == "council_tax_move":
        if fl["move_type"] == "out":
            a = acc.get(fl.get("account_ref"))
            if not a:
                return reasons + ["ACCOUNT_NOT_FOUND"]
            if bare(fl["applicant_name"]) not in [x.lower() for x in a["liable"]]:
                reasons.append("NAME_MISMATCH")
            p = pbu[a["uprn"]]
            if (fl["previous_address"].lower(), fl["previous_postcode"]) != (p["line1"].lower(), p["postcode"]):
                reasons.append("ADDRESS_MISMATCH")
        else:
            if (fl["new_address"].lower(), fl["new_postcode"]) not in prop_by_line:
                reasons.append("PROPERTY_NOT_FOUND")
        m = dt.date.fromisoformat(fl["move_date"])
        if m > ASOF + dt.timedelta(days=28):
            reasons.append("DATE_IN_FUTURE")
        if m < ASOF - dt.timedelta(days=365):
            reasons.append("DATE_TOO_OLD")
        return reasons
    if t == "parking_permit":
        p = prop_by_line.get((fl["address"].lower(), fl["postcode"]))
        if not p:
            return reasons + ["PROPERTY_NOT_FOUND"]
        if not p["zone"] or p["zone"] != fl.get("zone"):
            reasons.append("NOT_IN_PERMIT_ZONE")
        nm = bare(fl["applicant_name"])
        liable = any(nm in [x.lower() for x in a["liable"]] for a in accounts
                     if a["uprn"] == p["uprn"] and a["status"] == "active")
        onreg = any(e["name"].lower() == nm for e in electors if e["uprn"] == p["uprn"])
        if not (liable or onreg):
            reasons.append("NOT_RESIDENT")
        v = fl.get("vrm")
        active = [x for x in permits if x["from"] <= ASOF <= x["to"]]
        if v:
            if not any(re.match(rx, v) for rx in VRM_RE):
                reasons.append("INVALID_FORMAT:vrm")
            elif any(x["vrm"] == v for x in active):
                reasons.append("VRM_HAS_PERMIT")
        if sum(1 for x in active if x["uprn"] == p["uprn"]) >= 2:
            reasons.append("PERMIT_CAP_REACHED")
        if dt.date.fromisoformat(fl["start_date"]) > ASOF + dt.timedelta(days=28):
            reasons.append("DATE_IN_FUTURE")
        return reasons
    # correspondence
    if fl.get("account_ref") and fl["account_ref"] not in acc:
        reasons.append("ACCOUNT_NOT_FOUND")
    known = (fl.get("address", "").lower(), fl.get("postcode")) in prop_by_line or fl.get("account_ref") in acc
    if not fl.get("sender_name") or not known:
        reasons.insert(0, "SENDER_UNKNOWN")
    return reasons


for f in forms:
    got = evaluate(f)
    if got != f["reasons"]:
        raise SystemExit(f"inconsistent {f['type']} {f['layout']} {f['fields']}: want {f['reasons']} got {got}")
# the duplicate move-in pair: same person, same property, same date
assert sum(1 for f in forms if f["dup"]) == 2

# --------------------------------------------------------------------------
# Formatting helpers for the page
# --------------------------------------------------------------------------
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def ordinal(n):
    return str(n) + ("th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


def fdate(d, style):
    if d is None:
        return ""
    return {"dmy": f"{d.day:02d}/{d.month:02d}/{d.year}", "dmy_short": f"{d.day}/{d.month}/{d.year}",
            "dash": f"{d.day:02d}-{d.month:02d}-{d.year}", "dot": f"{d.day:02d}.{d.month:02d}.{d.year}",
            "long": f"{d.day} {MONTHS[d.month - 1]} {d.year}", "ord": f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}",
            "us": f"{MONTHS[d.month - 1]} {d.day}, {d.year}", "iso": d.isoformat()}[style]


def fref(ref, style):
    return {"plain": ref, "space": ref[:4] + " " + ref[4:], "ct": "CT" + ref, "dash": ref[:4] + "-" + ref[4:],
            "ct_space": "CT " + ref[:4] + " " + ref[4:]}[style]


def fpc(pc, style):
    return {"std": pc, "lower": pc.lower(), "nospace": pc.replace(" ", "")}[style]


BLUE = colors.Color(0.06, 0.16, 0.55)
INK = colors.Color(0.1, 0.1, 0.12)
GREY = colors.Color(0.45, 0.45, 0.48)
LIGHT = colors.Color(0.9, 0.9, 0.92)


class Pg:
    """Top-left based drawing helpers."""

    def __init__(self, c):
        self.c = c

    def t(self, x, top, s, font="Helvetica", size=9, color=INK):
        self.c.setFont(font, size)
        self.c.setFillColor(color)
        self.c.drawString(x, H - top, s)

    def tr(self, x, top, s, font="Helvetica", size=9, color=INK):
        self.c.setFont(font, size)
        self.c.setFillColor(color)
        self.c.drawRightString(x, H - top, s)

    def tc(self, x, top, s, font="Helvetica", size=9, color=INK):
        self.c.setFont(font, size)
        self.c.setFillColor(color)
        self.c.drawCentredString(x, H - top, s)

    def rect(self, x, top, w, h, fill=None, stroke=INK, lw=0.6):
        self.c.setLineWidth(lw)
        if fill is not None:
            self.c.setFillColor(fill)
        if stroke is not None:
            self.c.setStrokeColor(stroke)
        self.c.rect(x, H - top - h, w, h, stroke=1 if stroke is not None else 0, fill=1 if fill is not None else 0)

    def line(self, x1, t1, x2, t2, lw=0.5, color=INK):
        self.c.setLineWidth(lw)
        self.c.setStrokeColor(color)
        self.c.line(x1, H - t1, x2, H - t2)

    def para(self, x, top, text, width, font="Helvetica", size=9, lead=None, color=INK):
        lead = lead or size * 1.3
        lines = simpleSplit(text, font, size, width)
        for i, ln in enumerate(lines):
            self.t(x, top + i * lead, ln, font, size, color)
        return top + len(lines) * lead


# ============================ Layout A =====================================
# Printed paper form: labels above answers, letter boxes, date boxes, X in tick boxes.
def a_header(g, title, code, dept):
    c = g.c
    c.setFillColor(colors.Color(0.35, 0.1, 0.3))
    c.circle(62, H - 52, 20, stroke=0, fill=1)
    g.tc(62, 55, "RBK", "Times-Bold", 11, colors.white)
    g.t(92, 46, "Royal Borough of Kingsmere", "Times-Bold", 16)
    g.t(92, 61, dept, "Helvetica", 9, GREY)
    g.tr(555, 44, code, "Helvetica-Bold", 9)
    g.tr(555, 56, "Please use BLACK ink or type", "Helvetica", 7.5, GREY)
    g.rect(40, 74, 515, 26, fill=colors.Color(0.35, 0.1, 0.3), stroke=None)
    g.t(48, 92, title, "Helvetica-Bold", 13, colors.white)


def a_section(g, top, num, text):
    g.rect(40, top, 515, 15, fill=LIGHT, stroke=None)
    g.t(46, top + 11, f"Section {num}", "Helvetica-Bold", 9)
    g.t(110, top + 11, text, "Helvetica-Bold", 9)


def a_label(g, x, top, s, note=None):
    g.t(x, top, s, "Helvetica", 8.5)
    if note:
        g.t(x + g.c.stringWidth(s, "Helvetica", 8.5) + 4, top, note, "Helvetica-Oblique", 7, GREY)


def a_boxes(g, x, top, n, s, w=13.5, h=16):
    s = s or ""
    for i in range(n):
        g.rect(x + i * w, top, w, h, stroke=GREY, lw=0.5)
    for i, ch in enumerate(s[:n]):
        g.tc(x + i * w + w / 2, top + h - 4.5, ch, "Courier-Bold", 10.5, BLUE)


def a_field(g, x, top, w, s, h=17):
    g.rect(x, top, w, h, stroke=GREY, lw=0.5)
    if s:
        g.t(x + 4, top + h - 5, s, "Courier", 10, BLUE)


def a_date(g, x, top, d):
    s = f"{d.day:02d}{d.month:02d}{d.year}" if d else ""
    g.t(x + 3, top - 1, "D  D", "Helvetica", 6, GREY)
    g.t(x + 35, top - 1, "M  M", "Helvetica", 6, GREY)
    g.t(x + 72, top - 1, "Y    Y    Y    Y", "Helvetica", 6, GREY)
    a_boxes(g, x, top, 2, s[0:2])
    g.t(x + 28.5, top + 12, "/", "Helvetica", 10, GREY)
    a_boxes(g, x + 33, top, 2, s[2:4])
    g.t(x + 61.5, top + 12, "/", "Helvetica", 10, GREY)
    a_boxes(g, x + 69, top, 4, s[4:8])


def a_tick(g, x, top, label, on):
    g.rect(x, top, 10, 10, stroke=INK, lw=0.6)
    if on:
        g.t(x + 1.8, top + 8.5, "X", "Courier-Bold", 11, BLUE)
    g.t(x + 15, top + 8.5, label, "Helvetica", 8.5)


def a_address(g, x, top, lines, w=330):
    g.rect(x, top, w, 48, stroke=GREY, lw=0.5)
    for i, ln in enumerate([l for l in lines if l]):
        g.t(x + 4, top + 13 + i * 14, ln, "Courier", 10, BLUE)


def a_footer(g, code, page, pages):
    g.line(40, 812, 555, 812, 0.4, GREY)
    g.t(40, 822, f"{code}  (rev. 04/2026)", "Helvetica", 7, GREY)
    g.tc(W / 2, 822, "www.kingsmere.gov.uk", "Helvetica", 7, GREY)
    g.tr(555, 822, f"Page {page} of {pages}", "Helvetica", 7, GREY)


def a_name_block(g, top, p, with_title):
    a_label(g, 46, top, "Title")
    a_field(g, 46, top + 4, 50, p["title"] if with_title else "")
    a_label(g, 110, top, "First name(s)")
    a_boxes(g, 110, top + 4, 16, p["first"])
    a_label(g, 46, top + 34, "Surname / family name")
    a_boxes(g, 46, top + 38, 22, p["last"])


def a_declaration(g, top, r, text, name):
    a_section(g, top, r["decl_sec"], "Declaration")
    y = g.para(46, top + 30, text, 500, "Helvetica", 8.5)
    a_label(g, 46, y + 10, "Signature")
    g.rect(46, y + 14, 250, 30, stroke=GREY, lw=0.5)
    g.t(56, y + 36, name, "Times-Italic", 15, BLUE)
    a_label(g, 330, y + 10, "Date")
    a_date(g, 330, y + 20, r["decl"])
    return y + 60


def a_office(g, top, rows):
    g.rect(40, top, 515, 18 + 16 * len(rows), fill=colors.Color(0.96, 0.96, 0.96), stroke=INK, lw=0.8)
    g.t(46, top + 12, "FOR OFFICE USE ONLY", "Helvetica-Bold", 8)
    for i, rw in enumerate(rows):
        g.t(46, top + 28 + i * 16, rw, "Helvetica", 8, GREY)
        g.line(200, top + 29 + i * 16, 540, top + 29 + i * 16, 0.3, GREY)


def render_A_spd(c, f, rr):
    r = f["r"]
    g = Pg(c)
    code = "Form CT12"
    a_header(g, "Council Tax - Single Person Discount application", code, "Revenues Service, Civic Centre, High Street, Kingsmere KM1 1AA")
    g.rect(40, 108, 515, 44, stroke=GREY, lw=0.4)
    g.para(46, 120, "Guidance notes: You may be entitled to a 25% discount if you are the only adult (aged 18 or over) "
                    "living in the property as your main home. Read the notes on page 2 before you complete this form. "
                    "You must tell us within 21 days if anyone else aged 18 or over moves in.", 500, "Helvetica", 7.5,
           color=GREY)
    a_section(g, 162, 1, "Your Council Tax account")
    a_label(g, 46, 192, "Council Tax account number", "(8 digits, top right of your bill)")
    a_boxes(g, 46, 197, 8, f["fields"].get("account_ref", ""))
    a_section(g, 228, 2, "About you")
    a_name_block(g, 258, r["person"], r["with_title"])
    pr = r["prop"]
    a_label(g, 46, 330, "Address of the property you are claiming for")
    a_address(g, 46, 334, [pr["line1"], pr["line2"], pr["town"]])
    a_label(g, 400, 330, "Postcode")
    a_boxes(g, 400, 334, 8, fpc(pr["postcode"], rr.choice(["std", "std", "nospace"])))
    a_label(g, 46, 400, "Daytime telephone number")
    a_field(g, 46, 404, 200, r["phone"])
    a_label(g, 260, 400, "Email address")
    a_field(g, 260, 404, 295, r["email"])
    a_section(g, 436, 3, "About the change")
    a_label(g, 46, 466, "From what date have you been the only adult (aged 18 or over) living at the property?")
    a_date(g, 46, 478, r["since"])
    a_label(g, 46, 514, "Full name of the adult who has left", "(if applicable)")
    a_field(g, 46, 518, 330, full(r["other"]) if r["other"] else "")
    a_label(g, 46, 550, "Their forwarding address, if known")
    a_address(g, 46, 554, r["fwd"] or [], w=509)
    a_label(g, 46, 620, "Tell us what changed")
    g.rect(46, 624, 509, 50, stroke=GREY, lw=0.5)
    if r["desc"]:
        g.para(50, 637, r["desc"], 500, "Courier", 10, color=BLUE)
    g.para(46, 700, "If you are claiming because someone has died, please tell us their name and the date of death "
                    "above. We may check the information you give with other council records and the electoral "
                    "register.", 509, "Helvetica-Oblique", 7.5, color=GREY)
    a_footer(g, code, 1, 2)
    c.showPage()
    g = Pg(c)
    r["decl_sec"] = 4
    a_declaration(g, 50, r, "I declare that the information I have given on this form is correct and complete to the "
                            "best of my knowledge. I understand that if I knowingly give false information I may be "
                            "prosecuted, and that I must tell the council within 21 days of any change that may "
                            "affect my discount.", written(r["person"], r["with_title"]))
    g.t(46, 200, "Notes", "Helvetica-Bold", 9)
    g.para(46, 214, "1. An adult is anyone aged 18 or over. Some people are 'disregarded', for example full-time "
                    "students and people who are severely mentally impaired; phone us if you think this applies.",
           500, "Helvetica", 8)
    g.para(46, 242, "2. Return the completed form to Revenues Service, Civic Centre, High Street, Kingsmere KM1 1AA, "
                    "or scan it and email it to counciltax@kingsmere.gov.uk.", 500, "Helvetica", 8)
    a_office(g, 300, ["Date received", "Account checked / EROS checked", "Discount applied from", "Officer initials"])
    a_footer(g, code, 2, 2)
    c.showPage()


def render_A_move(c, f, rr):
    r = f["r"]
    g = Pg(c)
    code = "Form CT3"
    a_header(g, "Council Tax - Tell us you are moving", code, "Revenues Service, Civic Centre, High Street, Kingsmere KM1 1AA")
    a_section(g, 112, 1, "Moving in or out?")
    a_tick(g, 46, 138, "I am moving INTO a property in Kingsmere", r["mt"] == "in")
    a_tick(g, 300, 138, "I am moving OUT of a property in Kingsmere", r["mt"] == "out")
    a_section(g, 162, 2, "About you")
    a_name_block(g, 192, r["person"], r["with_title"])
    a_label(g, 46, 264, "Council Tax account number", "(if moving out)")
    a_boxes(g, 46, 269, 8, r["acct"] or "")
    a_label(g, 240, 264, "Telephone")
    a_field(g, 240, 269, 120, r["phone"])
    a_label(g, 370, 264, "Email")
    a_field(g, 370, 269, 185, r["email"])
    a_section(g, 302, 3, "The address you are leaving")
    pv = r.get("prev")
    a_label(g, 46, 332, "Address")
    a_address(g, 46, 336, list(pv[:3]) if pv else [])
    a_label(g, 400, 332, "Postcode")
    a_boxes(g, 400, 336, 8, pv[3] if pv else "")
    a_section(g, 398, 4, "Your new address")
    nw = r.get("new")
    a_label(g, 46, 428, "Address", "(for moving out, where we should send your final bill)")
    a_address(g, 46, 432, list(nw[:3]) if nw else [])
    a_label(g, 400, 428, "Postcode")
    a_boxes(g, 400, 432, 8, nw[3] if nw else "")
    a_section(g, 494, 5, "Date of move")
    a_label(g, 46, 524, "Date you moved, or will move")
    a_date(g, 46, 536, r["mdate"])
    r["decl_sec"] = 6
    a_declaration(g, 572, r, "I declare that the information on this form is correct. I understand that giving false "
                             "information to reduce a Council Tax bill is an offence.",
                  written(r["person"], r["with_title"]))
    a_office(g, 700, ["Date received", "Account opened / closed", "Officer"])
    a_footer(g, code, 1, 1)
    c.showPage()


def render_A_parking(c, f, rr):
    r = f["r"]
    g = Pg(c)
    code = "Form PK1"
    a_header(g, "Residents' parking permit application", code, "Parking Services, Civic Centre, High Street, Kingsmere KM1 1AA")
    g.rect(40, 108, 515, 34, stroke=GREY, lw=0.4)
    g.para(46, 120, "A residents' permit lets you park in your controlled parking zone (CPZ) during its hours of "
                    "control. No more than two permits are issued per household. Please enclose proof of residence "
                    "and your V5C logbook.", 500, "Helvetica", 7.5, color=GREY)
    a_section(g, 152, 1, "Applicant details")
    a_name_block(g, 182, r["person"], r["with_title"])
    pr = r["prop"]
    a_label(g, 46, 254, "Home address")
    a_address(g, 46, 258, [pr["line1"], pr["line2"], pr["town"]])
    a_label(g, 400, 254, "Postcode")
    a_boxes(g, 400, 258, 8, fpc(pr["postcode"], rr.choice(["std", "nospace"])))
    a_label(g, 46, 324, "Telephone")
    a_field(g, 46, 328, 200, r["phone"])
    a_label(g, 260, 324, "Email address")
    a_field(g, 260, 328, 295, r["email"])
    a_section(g, 360, 2, "Vehicle details")
    a_label(g, 46, 390, "Vehicle registration number")
    a_boxes(g, 46, 394, 8, vrm_disp(r["vrm"]) if r["vrm"] else "")
    a_label(g, 200, 390, "Make")
    a_field(g, 200, 394, 110, r["make"])
    a_label(g, 320, 390, "Model")
    a_field(g, 320, 394, 110, r["model"])
    a_label(g, 440, 390, "Colour")
    a_field(g, 440, 394, 115, r["colour"])
    a_label(g, 46, 428, "Is the vehicle registered to you at this address?")
    a_tick(g, 300, 420, "Yes", True)
    a_tick(g, 350, 420, "No (company car / lease - attach letter)", False)
    a_section(g, 446, 3, "Permit")
    a_label(g, 46, 476, "Permit zone", "(shown on the zone signs)")
    a_boxes(g, 46, 480, 3, r["zone"])
    a_label(g, 200, 476, "Permit to start from")
    a_date(g, 200, 488, r["start"])
    a_label(g, 380, 476, "Permit length")
    a_tick(g, 380, 486, "12 months", True)
    r["decl_sec"] = 4
    a_declaration(g, 520, r, "I declare that I live at the address above, that the vehicle is kept there, and that the "
                             "information given is true. I understand the permit may be cancelled if it is misused.",
                  written(r["person"], r["with_title"]))
    a_office(g, 650, ["Permit number", "Proof of residence seen", "V5C seen", "Fee paid (GBP)"])
    a_footer(g, code, 1, 1)
    c.showPage()


# ============================ Layout B =====================================
# Fillable PDF (AcroForm): labels on the left, field widgets on the right.
TEAL = colors.Color(0.0, 0.36, 0.4)


def b_header(g, title, sub):
    g.rect(0, 0, W, 70, fill=TEAL, stroke=None)
    g.t(40, 32, "ROYAL BOROUGH OF KINGSMERE", "Helvetica-Bold", 15, colors.white)
    g.t(40, 50, sub, "Helvetica", 9, colors.white)
    g.t(40, 100, title, "Helvetica-Bold", 14, TEAL)
    g.t(40, 116, "You can fill in this form on screen. Save it and email it to us, or print it and post it.",
        "Helvetica", 8.5, GREY)


def b_sec(g, top, text):
    g.t(40, top, text, "Helvetica-Bold", 10.5, TEAL)
    g.line(40, top + 4, 555, top + 4, 0.8, TEAL)


class BForm:
    def __init__(self, c):
        self.c = c
        self.g = Pg(c)
        self.n = 0

    def field(self, top, label, value, hint=None, x=235, w=320, h=18, multiline=False, size=10):
        self.n += 1
        self.g.t(40, top + 12, label, "Helvetica", 9)
        if hint:
            self.g.t(40, top + (22 if label else 12), hint, "Helvetica-Oblique", 7, GREY)
        self.c.acroForm.textfield(name=f"f{self.n:02d}_{re.sub(r'[^a-z]+', '_', label.lower())[:24]}",
                                  tooltip=label, x=x, y=H - top - h, width=w, height=h, value=value or "",
                                  fontName="Helvetica", fontSize=size, borderWidth=1,
                                  borderColor=colors.Color(0.6, 0.6, 0.65), fillColor=colors.Color(0.93, 0.96, 1),
                                  textColor=colors.black, forceBorder=True,
                                  fieldFlags="multiline" if multiline else "")

    def check(self, top, label, on, x=40):
        self.n += 1
        self.c.acroForm.checkbox(name=f"c{self.n:02d}", x=x, y=H - top - 12, size=12, checked=on, buttonStyle="check",
                                 borderColor=colors.Color(0.4, 0.4, 0.45), fillColor=colors.white,
                                 textColor=colors.black, forceBorder=True)
        self.g.t(x + 18, top + 10, label, "Helvetica", 9)


def b_footer(g, code, page, pages):
    g.t(40, 825, f"{code} | Royal Borough of Kingsmere | OFFICIAL-SENSITIVE when completed", "Helvetica", 7, GREY)
    g.tr(555, 825, f"{page}/{pages}", "Helvetica", 7, GREY)


def render_B_spd(c, f, rr):
    r = f["r"]
    b = BForm(c)
    g = b.g
    b_header(g, "Single Person Discount - application form", "Council Tax | Revenues and Benefits")
    ds = rr.choice(["dmy", "dmy_short", "dash", "dot"])
    b_sec(g, 146, "1. Your details")
    b.field(156, "Council Tax account number", fref(f["fields"]["account_ref"], rr.choice(["plain", "space", "ct"])))
    b.field(182, "Full name of applicant", f["fields"]["applicant_name"])
    pr = r["prop"]
    b.field(208, "Address of the property", pr["line1"], "Address line 1")
    b.field(234, "", pr["line2"], "Address line 2")
    b.field(260, "", pr["town"], "Town")
    b.field(286, "Postcode", fpc(pr["postcode"], rr.choice(["std", "lower", "std"])), w=110)
    b.field(312, "Telephone number", r["phone"], w=180)
    b.field(338, "Email address", r["email"])
    b_sec(g, 380, "2. The change in your household")
    b.field(390, "Date you became the only adult", fdate(r["since"], ds), "living at the property (dd/mm/yyyy)", w=110)
    b.field(420, "Name of the person who moved out", full(r["other"]) if r["other"] else "")
    b.field(446, "Their new address (if known)", ", ".join(r["fwd"]) if r["fwd"] else "")
    g.t(40, 482, "Tell us what changed", "Helvetica", 9)
    g.t(135, 482, "(for example, who moved out and why)", "Helvetica-Oblique", 7, GREY)
    b.field(490, "", r["desc"], x=40, w=515, h=22, size=9)
    b_sec(g, 540, "3. Declaration")
    g.para(40, 556, "I confirm that I am the only adult living at the address above as my main home. The "
                    "information I have given is true. I will tell the council within 21 days if my circumstances "
                    "change. I understand that the council may use information it holds to check this claim.",
           515, "Helvetica", 8.5)
    b.check(600, "I agree with the declaration above", True)
    b.field(622, "Signature (type your full name)", f["fields"]["applicant_name"])
    b.field(648, "Date", fdate(r["decl"], ds), w=110)
    g.rect(40, 700, 515, 60, fill=colors.Color(0.95, 0.95, 0.95), stroke=GREY, lw=0.5)
    g.t(48, 714, "Office use only", "Helvetica-Bold", 8)
    g.t(48, 732, "Batch no. ________   Indexed by ________   Date keyed ________", "Helvetica", 8, GREY)
    g.t(48, 748, "SPD review date ________   Notes ____________________________________", "Helvetica", 8, GREY)
    b_footer(g, "RB-SPD-F1", 1, 1)
    c.showPage()


def render_B_parking(c, f, rr):
    r = f["r"]
    b = BForm(c)
    g = b.g
    b_header(g, "Apply for a residents' parking permit", "Parking Services | Environment and Transport")
    ds = rr.choice(["dmy", "dmy_short", "dot", "iso"])
    b_sec(g, 146, "About you")
    b.field(156, "Name(s)", f["fields"]["applicant_name"], "as shown on your proof of address")
    pr = r["prop"]
    b.field(186, "Address", pr["line1"])
    b.field(212, "", (pr["line2"] + ", " if pr["line2"] else "") + pr["town"])
    b.field(238, "Postcode", fpc(pr["postcode"], rr.choice(["std", "nospace", "lower"])), w=110)
    b.field(264, "Phone", r["phone"], w=180)
    b.field(290, "Email", r["email"])
    b_sec(g, 332, "Your vehicle")
    v = r["vrm"]
    vd = ""
    if v:
        vd = vrm_disp(v) if v != "YT70PL" else "YT70 PL"
        vd = rr.choice([vd, vd, vd.replace(" ", ""), vd.lower()])
    b.field(342, "Reg. no.", vd, w=140)
    b.field(368, "Vehicle make", r["make"], w=180)
    b.field(394, "Model", r["model"], w=180)
    b.check(424, "The vehicle is registered to me at the address above (V5C attached)", True)
    b_sec(g, 460, "Your permit")
    b.field(470, "Permit zone", r["zone"], "e.g. A, H, K1, K2, W3", w=60)
    b.field(500, "Permit start date", fdate(r["start"], ds), w=110)
    b.check(530, "12-month permit", True)
    b.check(530, "6-month permit", False, x=200)
    b_sec(g, 566, "Declaration")
    g.para(40, 582, "I declare that I live at the address given, that the vehicle is kept there and that the "
                    "information on this form is correct. I understand that a permit does not guarantee a space.",
           515, "Helvetica", 8.5)
    b.check(614, "I agree", True)
    b.field(636, "Date", fdate(r["decl"], ds), w=110)
    g.rect(40, 690, 515, 46, fill=colors.Color(0.95, 0.95, 0.95), stroke=GREY, lw=0.5)
    g.t(48, 704, "For office use", "Helvetica-Bold", 8)
    g.t(48, 722, "Permit ref ____________   Checked against LLPG / CT / EROS  [  ]   Officer ______", "Helvetica", 8, GREY)
    b_footer(g, "PS-RPP-F2", 1, 1)
    c.showPage()


# ============================ Layout C =====================================
# Online form receipt printed from a browser: question in bold, answer below.
class CRec:
    def __init__(self, c, page_title, url, ref, when, total):
        self.c, self.g = c, Pg(c)
        self.total = total
        self.pt, self.url, self.ref, self.when = page_title, url, ref, when
        self.page = 1
        self.top = 0
        self.start_page(first=True)

    def chrome(self):
        g = self.g
        g.t(28, 20, self.when.strftime("%d/%m/%Y, %H:%M"), "Helvetica", 7.5, GREY)
        g.tc(W / 2, 20, self.pt, "Helvetica", 7.5, GREY)
        g.t(28, 828, self.url, "Helvetica", 7.5, GREY)
        g.tr(567, 828, f"{self.page}/{self.total}", "Helvetica", 7.5, GREY)

    def start_page(self, first=False):
        g = self.g
        self.chrome()
        g.rect(28, 30, 539, 40, fill=colors.Color(0.12, 0.12, 0.14), stroke=None)
        g.t(40, 56, "Kingsmere", "Helvetica-Bold", 17, colors.white)
        g.t(132, 56, "Royal Borough", "Helvetica", 9, colors.Color(0.8, 0.8, 0.8))
        self.top = 96

    def need(self, h):
        if self.top + h > 800:
            self.c.showPage()
            self.page += 1
            self.start_page()

    def h1(self, s):
        self.need(40)
        self.g.t(40, self.top + 10, s, "Helvetica-Bold", 17)
        self.top += 30

    def panel(self, lines):
        self.need(60)
        g = self.g
        g.rect(40, self.top, 515, 18 + 15 * len(lines), fill=colors.Color(0.0, 0.44, 0.27), stroke=None)
        for i, ln in enumerate(lines):
            g.t(52, self.top + 17 + i * 15, ln, "Helvetica-Bold" if i == 0 else "Helvetica", 11 if i == 0 else 9.5,
                colors.white)
        self.top += 30 + 15 * len(lines)

    def h2(self, s):
        self.need(50)
        self.g.t(40, self.top + 14, s, "Helvetica-Bold", 13)
        self.top += 24

    def qa(self, q, a, not_answered=False):
        if a in (None, "", []):
            if not not_answered:
                return
            a = ["Not answered"]
        lines = a if isinstance(a, list) else [a]
        wrapped = []
        for ln in lines:
            wrapped += simpleSplit(ln, "Helvetica", 10, 500)
        h = 18 + 13 * len(wrapped) + 10
        self.need(h)
        g = self.g
        g.t(40, self.top + 10, q, "Helvetica-Bold", 9.5)
        for i, ln in enumerate(wrapped):
            g.t(40, self.top + 25 + i * 13, ln, "Helvetica", 10, colors.Color(0.2, 0.2, 0.2))
        self.top += h
        g.line(40, self.top - 4, 555, self.top - 4, 0.4, LIGHT)

    def text(self, s, size=8.5):
        lines = simpleSplit(s, "Helvetica", size, 515)
        self.need(14 * len(lines) + 6)
        for i, ln in enumerate(lines):
            self.g.t(40, self.top + 10 + i * 12, ln, "Helvetica", size, GREY)
        self.top += 12 * len(lines) + 10

    def finish(self):
        self.c.showPage()


def render_C(c, f, rr, total):
    r = f["r"]
    fl = f["fields"]
    when = dt.datetime.combine(r.get("decl") or dt.date(2026, 12, 3), dt.time(rr.randint(7, 22), rr.randint(0, 59)))
    ds = rr.choice(["long", "long", "iso", "dmy"])
    if f["type"] == "council_tax_spd":
        ref = f"SPD-{when:%y%m%d}-{rr.randint(1000, 9999)}"
        rec = CRec(c, "Single Person Discount - Royal Borough of Kingsmere",
                   "https://www.kingsmere.gov.uk/council-tax/discounts/single-person-discount/apply/confirmation", ref,
                   when + dt.timedelta(minutes=3), total)
        rec.panel(["Application submitted", f"Your reference number is {ref}",
                   f"Submitted on {fdate(when.date(), 'long')} at {when:%H:%M}"])
        rec.h1("Your answers")
        rec.h2("Your Council Tax account")
        rec.qa("Council Tax account number", fref(fl["account_ref"], rr.choice(["plain", "space", "dash"])))
        rec.h2("About you")
        p = r["person"]
        rec.qa("Title", p["title"] if r["with_title"] else "")
        rec.qa("First name", p["first"])
        rec.qa("Last name", p["last"])
        pr = r["prop"]
        rec.qa("Building and street", pr["line1"])
        rec.qa("Town or city", pr["town"])
        rec.qa("Postcode", fpc(pr["postcode"], rr.choice(["std", "lower", "nospace"])))
        rec.qa("Phone number", r["phone"], not_answered=True)
        rec.qa("Email address", r["email"])
        rec.h2("Your household")
        rec.qa("From what date have you been the only adult living at the property?", fdate(r["since"], ds))
        rec.qa("What is the name of the adult who has moved out?", full(r["other"]) if r["other"] else "",
               not_answered=True)
        rec.qa("Their new address", r["fwd"] if r["fwd"] else "", not_answered=True)
        rec.qa("Tell us what changed", r["desc"])
        rec.h2("Declaration")
        rec.qa("I declare that the information I have given is correct and complete", "Yes - I agree")
        rec.qa("Date of declaration", fdate(r["decl"], ds))
        rec.text("What happens next: we will check your application against our records, including the electoral "
                 "register, and write to you within 14 days. Keep your reference number.")
    elif f["type"] == "council_tax_move":
        ref = f"MOV-{when:%y%m%d}-{rr.randint(1000, 9999)}"
        rec = CRec(c, "Moving home - Council Tax - Royal Borough of Kingsmere",
                   "https://www.kingsmere.gov.uk/council-tax/moving-home/form/receipt", ref,
                   when + dt.timedelta(minutes=2), total)
        rec.panel(["Thank you - we have your details", f"Reference: {ref}"])
        rec.h1("Summary of your answers")
        rec.qa("Are you moving into or out of a property in Kingsmere?",
               "Moving in" if r["mt"] == "in" else "Moving out")
        rec.h2("Your details")
        rec.qa("Your full name", fl["applicant_name"])
        rec.qa("Council Tax account number (if you have one)", fref(r["acct"], "space") if r["acct"] else "")
        rec.qa("Telephone", r["phone"], not_answered=True)
        rec.qa("Email", r["email"])
        pv, nw = r.get("prev"), r.get("new")
        if r["mt"] == "in":
            rec.h2("The property you are moving into")
            rec.qa("Address line 1", nw[0])
            rec.qa("Address line 2", nw[1])
            rec.qa("Town", nw[2])
            rec.qa("Postcode", fpc(nw[3], rr.choice(["std", "lower"])))
            rec.qa("Date you moved in, or will move in", fdate(r["mdate"], ds))
            if pv:
                rec.h2("Where you lived before")
                rec.qa("Previous address", pv[0])
                rec.qa("Previous postcode", pv[3])
        else:
            rec.h2("The property you are leaving")
            rec.qa("Address line 1", pv[0])
            rec.qa("Address line 2", pv[1])
            rec.qa("Town", pv[2])
            rec.qa("Postcode", fpc(pv[3], rr.choice(["std", "lower"])))
            rec.qa("Date you moved out, or will move out", fdate(r["mdate"], ds))
            rec.h2("Your forwarding address")
            rec.qa("Address line 1", nw[0])
            rec.qa("Town", nw[2])
            rec.qa("Postcode", nw[3])
        rec.h2("Declaration")
        rec.qa("I confirm the information I have given is correct", "Yes")
        rec.qa("Date", fdate(r["decl"], ds))
        rec.text("We will send your bill to the address you have given. If you are moving out, your final bill "
                 "will be sent to your forwarding address.")
    else:
        ref = f"ENQ-{when:%y%m%d}-{rr.randint(10000, 99999)}"
        rec = CRec(c, "Contact us - Royal Borough of Kingsmere",
                   "https://www.kingsmere.gov.uk/contact-us/online-form/submitted", ref, when, total)
        rec.panel(["Your enquiry has been sent", f"Enquiry number {ref}"])
        rec.h1("Contact us - your message")
        rec.qa("What is your enquiry about?", r["enquiry"])
        rec.h2("Your details")
        p = r["person"]
        rec.qa("Name", full(p) if p else "", not_answered=True)
        pr = r["prop"]
        rec.qa("House number and street", pr["line1"] if pr else "", not_answered=True)
        rec.qa("Postcode", fpc(pr["postcode"], "std") if pr else "", not_answered=True)
        rec.qa("Phone", r["phone"], not_answered=True)
        rec.qa("Email", r["email"], not_answered=True)
        rec.h2("Your message")
        rec.qa("Please give as much detail as you can", r["body"])
        rec.text("We aim to reply within 10 working days. Please do not use this form to report an emergency.")
    rec.finish()
    return rec.page


# ============================ Layout D =====================================
# Ruled lines with the label as a small caption underneath; choices circled; tables.
SERIF_ANS = "Times-Roman"


def d_header(g, dept, title, code):
    g.t(40, 50, "KINGSMERE", "Times-Bold", 22)
    g.t(40, 64, "THE ROYAL BOROUGH", "Times-Roman", 8.5, GREY)
    g.tr(555, 44, dept, "Times-Roman", 9)
    g.tr(555, 56, "Civic Centre, High Street, Kingsmere KM1 1AA", "Times-Roman", 8, GREY)
    g.tr(555, 68, "Tel 020 7946 0100", "Times-Roman", 8, GREY)
    g.line(40, 78, 555, 78, 1.5)
    g.t(40, 102, title, "Times-Bold", 15)
    g.tr(555, 102, code, "Times-Roman", 9, GREY)


def d_line(g, x, top, w, ans, cap, size=11):
    if ans:
        g.t(x + 3, top - 3, ans, SERIF_ANS, size, BLUE)
    g.line(x, top, x + w, top, 0.5)
    g.t(x, top + 9, cap, "Helvetica", 6.8, GREY)


def d_q(g, top, num, text):
    g.t(40, top, f"{num}.", "Times-Bold", 10.5)
    g.t(58, top, text, "Times-Bold", 10.5)


def d_date(g, x, top, d, month_word=False):
    d_line(g, x, top, 30, f"{d.day:02d}" if d else "", "day")
    g.t(x + 34, top - 3, "/", "Times-Roman", 11, GREY)
    d_line(g, x + 44, top, 62 if month_word else 30, (MONTHS[d.month - 1] if month_word else f"{d.month:02d}") if d else "",
           "month")
    x2 = x + 44 + (62 if month_word else 30)
    g.t(x2 + 4, top - 3, "/", "Times-Roman", 11, GREY)
    d_line(g, x2 + 14, top, 44, str(d.year) if d else "", "year")


def d_circle(g, x, top, options, chosen, size=10):
    xx = x
    for o in options:
        w = g.c.stringWidth(o, "Helvetica-Bold", size)
        g.t(xx, top, o, "Helvetica-Bold", size)
        if o == chosen:
            g.c.setStrokeColor(BLUE)
            g.c.setLineWidth(1.2)
            g.c.ellipse(xx - 7, H - top - 6, xx + w + 7, H - top + size + 2, stroke=1, fill=0)
        xx += w + 30


def d_office(g, top, items):
    g.rect(40, top, 515, 46, stroke=INK, lw=1)
    g.t(46, top + 12, "FOR OFFICE USE ONLY - do not write in this box", "Helvetica-Bold", 7.5)
    xs = [46, 175, 300, 425]
    for i, it in enumerate(items[:4]):
        g.t(xs[i], top + 26, it, "Helvetica", 7, GREY)
        g.rect(xs[i], top + 29, 110, 12, stroke=GREY, lw=0.3)


def d_footer(g, code):
    g.t(40, 825, f"{code}. Data protection: the council will use your information to administer Council Tax and "
                 f"parking and may share it to prevent fraud.", "Times-Italic", 7, GREY)


def render_D_move(c, f, rr):
    r = f["r"]
    fl = f["fields"]
    g = Pg(c)
    d_header(g, "Council Tax Section", "Change of address: Council Tax", "Ref. CTX/MV/7")
    g.para(40, 122, "Use this form to tell us that you have moved into, or out of, a property in the borough. "
                    "Complete every part that applies to you and sign the declaration.", 515, "Times-Italic", 9.5)
    d_q(g, 156, 1, "Moving in or out?   (please circle one)")
    d_circle(g, 330, 156, ["MOVING IN", "MOVING OUT"], "MOVING IN" if r["mt"] == "in" else "MOVING OUT")
    d_q(g, 186, 2, "Your details")
    d_line(g, 58, 214, 330, fl["applicant_name"], "Name(s)")
    d_line(g, 400, 214, 155, fref(r["acct"], rr.choice(["plain", "ct", "space"])) if r["acct"] else "",
           "Council Tax account no. (if known)")
    d_line(g, 58, 244, 200, r["phone"], "Daytime telephone")
    d_line(g, 270, 244, 285, r["email"], "Email")
    pv, nw = r.get("prev"), r.get("new")
    d_q(g, 276, 3, "Address you are leaving" if r["mt"] == "out" else "Your previous address (if known)")
    for i, ln in enumerate([pv[0], (pv[1] + ", " if pv[1] else "") + pv[2]] if pv else ["", ""]):
        d_line(g, 58, 302 + i * 28, 330, ln, "Address" if i == 0 else "Town")
    d_line(g, 400, 330, 155, pv[3] if pv else "", "Postcode")
    d_q(g, 366, 4, "Your new address" if r["mt"] == "in" else "Your forwarding address")
    for i, ln in enumerate([nw[0], (nw[1] + ", " if nw[1] else "") + nw[2]]):
        d_line(g, 58, 392 + i * 28, 330, ln, "Address" if i == 0 else "Town")
    d_line(g, 400, 420, 155, fpc(nw[3], rr.choice(["std", "lower"])), "Postcode")
    d_q(g, 456, 5, "Date of move")
    d_date(g, 58, 484, r["mdate"], month_word=rr.random() < 0.5)
    g.t(260, 481, "If you have not moved yet, give the date you will move.", "Times-Italic", 9, GREY)
    d_q(g, 520, 6, "Declaration")
    g.para(58, 538, "I declare that the information I have given is true and complete. I understand that the council "
                    "may prosecute anyone who knowingly gives false information to avoid paying Council Tax.",
           497, "Times-Roman", 9.5)
    g.t(61, 588, written(r["person"], r["with_title"]), "Times-Italic", 15, BLUE)
    g.line(58, 592, 330, 592, 0.5)
    g.t(58, 601, "Signature", "Helvetica", 6.8, GREY)
    d_line(g, 360, 592, 195, fdate(r["decl"], rr.choice(["dmy", "dot", "ord"])) if r["decl"] else "", "Date")
    d_office(g, 640, ["Date received", "Account ref", "Inspection", "Keyed by"])
    d_footer(g, "CTX/MV/7 (2026)")
    c.showPage()


def render_D_parking(c, f, rr):
    r = f["r"]
    fl = f["fields"]
    g = Pg(c)
    d_header(g, "Parking Services", "Residents' Parking Permit", "Ref. PKG/R/2")
    g.para(40, 122, "Permits are issued for the zone in which you live. One application per vehicle. "
                    "Maximum of two permits per household.", 515, "Times-Italic", 9.5)
    d_q(g, 156, 1, "Applicant")
    d_line(g, 58, 184, 497, fl["applicant_name"], "Full name of applicant")
    pr = r["prop"]
    d_line(g, 58, 212, 330, pr["line1"], "House number and street")
    d_line(g, 400, 212, 155, pr["line2"], "Area")
    d_line(g, 58, 240, 330, pr["town"], "Town")
    d_line(g, 400, 240, 155, fpc(pr["postcode"], rr.choice(["std", "std", "nospace"])), "Postcode")
    d_line(g, 58, 268, 200, r["phone"], "Telephone")
    d_line(g, 270, 268, 285, r["email"], "Email")
    d_q(g, 304, 2, "Vehicle")
    cols = [("Vehicle registration number", 150), ("Make", 110), ("Model", 120), ("Colour", 117)]
    x = 58
    g.rect(58, 314, 497, 18, fill=LIGHT, stroke=INK, lw=0.5)
    g.rect(58, 332, 497, 22, stroke=INK, lw=0.5)
    vals = [vrm_disp(r["vrm"]) if r["vrm"] else "", r["make"], r["model"], r["colour"]]
    for (cap, w), v in zip(cols, vals):
        g.t(x + 4, 326, cap, "Helvetica-Bold", 7.5)
        if v:
            g.t(x + 5, 348, v, SERIF_ANS, 11.5, BLUE)
        if x > 58:
            g.line(x, 314, x, 354, 0.5)
        x += w
    d_q(g, 384, 3, "Permit zone   (circle your zone)")
    zones = ["A", "H", "K1", "K2", "W3"]
    d_circle(g, 300, 384, zones, r["zone"], size=11)
    d_q(g, 420, 4, "When should the permit start?")
    d_date(g, 58, 448, r["start"], month_word=rr.random() < 0.5)
    d_q(g, 484, 5, "Declaration")
    g.para(58, 502, "I declare that I live at the address above, that the vehicle shown is kept there and that the "
                    "information given is correct. I enclose proof of residence and of vehicle ownership.",
           497, "Times-Roman", 9.5)
    g.t(61, 552, written(r["person"], r["with_title"]), "Times-Italic", 15, BLUE)
    g.line(58, 556, 330, 556, 0.5)
    g.t(58, 565, "Signature", "Helvetica", 6.8, GREY)
    d_line(g, 360, 556, 195, fdate(r["decl"], rr.choice(["dmy", "ord", "long"])), "Date")
    g.t(40, 600, "Charges: first permit GBP 95 a year; second permit GBP 150 a year; electric vehicles GBP 30.",
        "Times-Roman", 9)
    d_office(g, 630, ["Permit no.", "Zone checked", "Proof seen", "Fee"])
    d_footer(g, "PKG/R/2 (2026)")
    c.showPage()


# ============================ Layout E =====================================
def render_E(c, f, rr):
    r = f["r"]
    g = Pg(c)
    k = r["kind"]
    p = r["person"]
    if "sent" not in r:  # a posted letter, scanned
        pr = r["prop"]
        scan = r["letter_date"] + dt.timedelta(days=rr.randint(1, 3))
        g.t(455, 36, f"SCANNED {scan.day:02d} {scan.strftime('%b').upper()} {scan.year}  MAILROOM", "Helvetica-Bold", 6.5,
            colors.Color(0.7, 0.2, 0.2))
        lines = [pr["line1"], pr["line2"], pr["town"], pr["postcode"]]
        y = 80
        for ln in [l for l in lines if l]:
            g.tr(540, y, ln, "Times-Roman", 11)
            y += 14
        g.tr(540, y + 14, fdate(r["letter_date"], "long"), "Times-Roman", 11)
        y0 = y + 44
        to = ["Council Tax Section" if "ctax" in k else "Information Governance Team",
              "Royal Borough of Kingsmere", "Civic Centre", "High Street", "Kingsmere KM1 1AA"]
        for i, ln in enumerate(to):
            g.t(60, y0 + i * 14, ln, "Times-Roman", 11)
        y = y0 + len(to) * 14 + 26
        if r.get("acct"):
            g.t(60, y, f"Account number: {fref(r['acct'], 'ct_space')}", "Times-Bold", 11)
            y += 22
        g.t(60, y, "Dear Sir or Madam,", "Times-Roman", 11)
        y += 22
        g.t(60, y, f"Re: {r['subject']}", "Times-Bold", 11)
        y += 22
        for para in r["body"]:
            y = g.para(60, y, para, 475, "Times-Roman", 11, 14.5) + 10
        g.t(60, y + 8, "Yours faithfully,", "Times-Roman", 11)
        g.t(60, y + 40, written(p, False), "Times-Italic", 16, BLUE)
        g.t(60, y + 60, written(p, r["with_title"]), "Times-Roman", 11)
    else:
        g.rect(28, 24, 539, 22, fill=LIGHT, stroke=None)
        g.t(36, 39, "Kingsmere Customer Services - inbound email record", "Helvetica-Bold", 8.5)
        g.tr(559, 39, f"Case {rr.randint(300000, 399999)}", "Helvetica", 8.5)
        s = r["sent"]
        hdr = [("From:", f"{full(p)} <{r['email']}>"),
               ("Sent:", f"{s.strftime('%A')}, {s.day} {s.strftime('%B %Y')} {s:%H:%M}"),
               ("To:", "customer.services@kingsmere.gov.uk" if "foi" not in k else "foi@kingsmere.gov.uk"),
               ("Subject:", r["subject"])]
        y = 76
        for a, b in hdr:
            g.t(40, y, a, "Helvetica-Bold", 10)
            g.t(100, y, b, "Helvetica", 10)
            y += 15
        g.line(40, y, 555, y, 0.6, GREY)
        y += 24
        g.t(40, y, rr.choice(["Hello,", "Dear Sir/Madam,", "Hi,"]), "Helvetica", 10.5)
        y += 22
        for para in r["body"]:
            y = g.para(40, y, para, 510, "Helvetica", 10.5, 14) + 10
        g.t(40, y + 6, rr.choice(["Kind regards,", "Many thanks,", "Regards,"]), "Helvetica", 10.5)
        y += 24
        sig = [full(p)]
        if r["prop"]:
            sig += [r["prop"]["line1"], r["prop"]["town"] + " " + r["prop"]["postcode"]]
        if r.get("phone"):
            sig.append(r["phone"])
        for i, ln in enumerate(sig):
            g.t(40, y + i * 13, ln, "Helvetica", 10.5)
        g.t(40, 810, "This email was received from outside the council. Printed to PDF by the customer services "
                     "mailbox.", "Helvetica-Oblique", 7, GREY)
    c.showPage()


# --------------------------------------------------------------------------
# Write everything
# --------------------------------------------------------------------------
def write_pdf(path, f, idx):
    rr = random.Random(SEED * 1000 + idx)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setAuthor("Royal Borough of Kingsmere")
    c.setTitle({"council_tax_spd": "Single Person Discount", "council_tax_move": "Council Tax change of address",
                "parking_permit": "Residents parking permit", "correspondence": "Correspondence"}[f["type"]])
    L, t = f["layout"], f["type"]
    if L == "A":
        {"council_tax_spd": render_A_spd, "council_tax_move": render_A_move, "parking_permit": render_A_parking}[t](c, f, rr)
    elif L == "B":
        {"council_tax_spd": render_B_spd, "parking_permit": render_B_parking}[t](c, f, rr)
    elif L == "C":
        st = rr.getstate()
        total = render_C(canvas.Canvas(io.BytesIO(), pagesize=A4, invariant=1), f, rr, 0)
        rr.setstate(st)
        render_C(c, f, rr, total)
    elif L == "D":
        {"council_tax_move": render_D_move, "parking_permit": render_D_parking}[t](c, f, rr)
    else:
        render_E(c, f, rr)
    c.save()
    data = buf.getvalue()
    path.write_bytes(data)


def fix_xlsx(path):
    src = zipfile.ZipFile(path)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"<dcterms:modified([^>]*)>[^<]*<", rb"<dcterms:modified\1>2026-12-07T08:00:00Z<", data)
                data = re.sub(rb"<dcterms:created([^>]*)>[^<]*<", rb"<dcterms:created\1>2026-12-07T08:00:00Z<", data)
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 12, 7, 8, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
    src.close()
    path.write_bytes(out.getvalue())


def write_records():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "properties"
    ws.append(["uprn", "address_line_1", "address_line_2", "town", "postcode", "council_tax_band", "ward",
               "parking_zone"])
    for p in sorted(properties, key=lambda p: p["uprn"]):
        ws.append([p["uprn"], p["line1"], p["line2"] or None, p["town"], p["postcode"], p["band"], p["ward"],
                   p["zone"] or None])
    ws = wb.create_sheet("council_tax_accounts")
    ws.append(["account_ref", "uprn", "liable_parties", "status", "start_date", "end_date", "discounts"])
    for a in sorted(accounts, key=lambda a: a["account_ref"]):
        ws.append([a["account_ref"], a["uprn"], ";".join(a["liable"]), a["status"], a["start"], a["end"],
                   a["discounts"] or None])
        ws.cell(ws.max_row, 1).number_format = "@"
        for col in (5, 6):
            ws.cell(ws.max_row, col).number_format = "yyyy-mm-dd"
    ws = wb.create_sheet("electoral_register")
    ws.append(["elector_number", "full_name", "uprn"])
    for e in sorted(electors, key=lambda e: (e["no"].split("-")[0], int(e["no"].split("-")[1]))):
        ws.append([e["no"], e["name"], e["uprn"]])
    ws = wb.create_sheet("parking_permits")
    ws.append(["permit_ref", "uprn", "vrm", "zone", "valid_from", "valid_to"])
    for pm in sorted(permits, key=lambda x: x["ref"]):
        ws.append([pm["ref"], pm["uprn"], pm["vrm"], pm["zone"], pm["from"], pm["to"]])
        for col in (5, 6):
            ws.cell(ws.max_row, col).number_format = "yyyy-mm-dd"
    for s in wb.worksheets:
        for col in s.columns:
            s.column_dimensions[col[0].column_letter].width = max(12, min(45, max(len(str(x.value or "")) for x in col) + 2))
    wb.properties.creator = "Kingsmere LLPG / Revenues extract"
    wb.properties.created = dt.datetime(2026, 12, 7, 8, 0, 0)
    path = HERE / "records.xlsx"
    wb.save(path)
    fix_xlsx(path)


def main():
    inbox = HERE / "inbox"
    if inbox.exists():
        shutil.rmtree(inbox)
    inbox.mkdir()
    order = list(range(len(forms)))
    rng.shuffle(order)
    for n, fi in enumerate(order, start=1):
        forms[fi]["file"] = f"doc_{n:04d}.pdf"
    for i, f in enumerate(forms):
        write_pdf(inbox / f["file"], f, i)
    # learn / test split: first two approved forms of each layout and form type, in file-name order
    seen = {}
    for f in sorted(forms, key=lambda f: f["file"]):
        key = (f["layout"], f["type"])
        if f["outcome"] == "approved" and seen.get(key, 0) < 2:
            seen[key] = seen.get(key, 0) + 1
            f["split"] = "learn"
        else:
            f["split"] = "test"
    with open(HERE / "truth.jsonl", "w") as out:
        for f in sorted(forms, key=lambda f: f["file"]):
            rec = {"file": f["file"], "form_type": f["type"], "fields": f["fields"], "outcome": f["outcome"],
                   "reasons": f["reasons"], "layout": LAYOUT_NAMES[f["layout"]], "split": f["split"]}
            if f["dup"]:
                rec["duplicate_group"] = f["dup"]
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    write_records()
    write_readme()


def write_readme():
    from collections import Counter
    cnt = Counter((f["type"], f["outcome"]) for f in forms)
    rs = Counter(x for f in forms for x in f["reasons"])
    types = ["council_tax_spd", "council_tax_move", "parking_permit", "correspondence"]
    lines = ["| form type | approved | exception | duplicate_pair | total |", "| --- | --- | --- | --- | --- |"]
    for t in types:
        a, e, d = cnt[(t, "approved")], cnt[(t, "exception")], cnt[(t, "duplicate_pair")]
        lines.append(f"| {t} | {a} | {e} | {d} | {a + e + d} |")
    per_layout = {}
    for f in forms:
        per_layout.setdefault(LAYOUT_NAMES[f["layout"]], Counter())[f["type"]] += 1
    lay_lines = [f"- `{k}`: " + ", ".join(f"{t} {n}" for t, n in sorted(v.items())) for k, v in sorted(per_layout.items())]
    txt = f"""# Blind test set 38 - Royal Borough of Kingsmere

Generated by `gen.py` (seed {SEED}, deterministic: run `python gen.py` and it rewrites `records.xlsx`,
`inbox/`, `truth.jsonl` and this file byte for byte).

**Council:** the Royal Borough of Kingsmere, an outer-London borough (semi-detached suburbs; controlled
parking zones A, H, K1, K2 and W3 around its stations). Made-up postcodes in the area KM.

**As-of date:** 2026-12-07 (run with `--as-of 2026-12-07`). Default limits assumed: backdating 365 days,
forward dates 28 days, permit cap 2 per property, duplicate window 90 days.

## Files
- `records.xlsx`: sheets `properties`, `council_tax_accounts`, `electoral_register`, `parking_permits`
  with exactly the columns of records.md ({len(properties)} properties, {len(accounts)} accounts,
  {len(electors)} electors, {len(permits)} permits). Dates are real Excel dates; account refs are text.
- `inbox/doc_NNNN.pdf`: {len(forms)} PDFs, names shuffled (a name says nothing of type or outcome).
- `truth.jsonl`: one line per file, with extra keys `layout`, `split` and (for the pair) `duplicate_group`.

## Layouts
- `kingsmere_paper_boxes` - a printed two-colour paper form (forms CT12, CT3, PK1) filled in by typing:
  labels above the answers, one letter per box for account number, names, postcode and registration,
  dates in DD / MM / YYYY boxes, choices marked with an X in tick boxes, guidance notes, declaration with a
  handwritten-style signature, office-use box, page footers. SPD runs to two pages.
- `kingsmere_fillable` - a fillable PDF (AcroForm): labels on the left, text-field widgets on the right
  holding the answers as field values (nothing typed on the page itself), check boxes for the declaration;
  address split over three fields; "Name(s)", "Reg. no.", "Permit zone".
- `kingsmere_online_receipt` - the confirmation page of the council's online forms, printed from a
  browser (date/time and page title at the top, URL and page number at the bottom): a green panel with
  the reference, then "Your answers" as bold question with the answer on the line below; optional
  questions left blank show "Not answered"; may run to two pages. Carries SPD, moving home and the
  "Contact us" form (correspondence).
- `kingsmere_ruled_captions` - an older typeset form: answers typed on ruled lines with the label as a
  small caption UNDER the line, dates split over day / month / year lines (month sometimes a word),
  choices (moving in/out, permit zone) marked by a circle drawn round the printed option, vehicle
  details in a table with header row above the answer row.
- `kingsmere_letters_emails` - correspondence: scanned letters (sender address top right, date, council
  address, "Re:" line, body, signature) and emails printed to PDF by the customer-services mailbox
  (From/Sent/To/Subject header, body, signature with address).

Per layout:
{chr(10).join(lay_lines)}

## Counts
{chr(10).join(lines)}

Reason codes: {", ".join(f"{k} x{v}" for k, v in sorted(rs.items()))}

## Truth conventions
- Field values are in forms.md's normal forms: ISO dates, postcode upper case with one space, account
  ref 8 digits (the page may show `CT`, spaces or dashes), VRM upper case without spaces.
- `applicant_name` is the name as written, whitespace collapsed. Where the form has separate Title /
  First name(s) / Surname boxes or answers (paper boxes, online receipt), they are joined with single
  spaces in that order: `Title First Surname`; a blank Title box means no title in the truth. On the
  fillable and ruled layouts the name is one answer and is taken as written (with a title if typed).
  The signature is never used as the name.
- `address` / `previous_address` / `new_address` are the FIRST line of the address as written (house
  number/name and street, or "Flat 3 Beacon Court"); locality, town and postcode lines are not part of it.
- `other_adult_forwarding_address` is free text: the lines of that address joined with ", ".
- `move_type` is `in` or `out` from whichever option is ticked, circled or answered.
- For `council_tax_move`, `new_address`/`new_postcode` is the property moved into (in) or the forwarding
  address (out); a previous address given on a moving-in form is recorded as `previous_address`/`previous_postcode`.
- The online receipt's "Date of declaration"/"Date" is the declaration_date. A field left blank, or
  shown as "Not answered", is absent from `fields`.
- Extra details printed on forms but not in forms.md (vehicle model and colour, permit length, address
  line 2 / town, online submission references, tick-box answers other than moving in/out) are not in the truth.
- Records: `liable_parties` are full names without titles separated by `;`; account refs are 8-digit
  text; `parking_zone` is empty for streets without residents' parking.
- Correspondence: `sender_name` is the name printed under a letter's signature (with its title when one is
  printed), the name in an email's From header, or the contact form's Name answer; `address`/`postcode` are the
  sender's own address (first line) where given; `account_ref` any council tax reference quoted;
  `body` is the message paragraphs - from after the greeting ("Dear ...", "Hello,") to before the sign-off
  ("Yours faithfully", "Kind regards"), leaving out a letter's "Re:" line and "Account number:" line -
  joined with single spaces; on the Contact-us receipt
  the body is the answer to "Please give as much detail as you can". `dates_mentioned` lists, in order
  of appearance, the dates in the body only (not the letter's own date or the email's Sent date);
  an empty list is omitted.
- Outcomes follow forms.md's checks against `records.xlsx` with the as-of date. Each exception form was
  built to fail exactly one check. Where a check cannot run because an earlier lookup failed
  (ACCOUNT_NOT_FOUND, PROPERTY_NOT_FOUND) only that reason is given. Correspondence is `approved` when
  the topic is clear, a name is given and the sender's address or account matches a record.
- The duplicate pair is one moving-in notification sent twice (once on paper, once online) by the same
  person for the same property and date: both have outcome `duplicate_pair`, `duplicate_group`
  `dup_move_1` and `reasons` [] (one will be approved and the other get DUPLICATE_SUBMISSION, either order).
  No other two forms share an account, property or vehicle, so no other DUPLICATE_SUBMISSION arises and
  no form's approval changes another form's outcome.
- `split`: `learn` on the first two approved forms of each (layout, form type) in file-name order,
  `test` on all the rest.
"""
    (HERE / "README.md").write_text(txt)


main()
