#!/usr/bin/env python3
"""Blind test set 35: Calderbrook Metropolitan Borough Council.

Deterministic generator: writes records.xlsx, inbox/*.pdf, truth.jsonl, README.md
into the folder this script lives in.  Python 3.11, reportlab, openpyxl.
"""
import datetime as dt
import json
import os
import random
import re
import shutil
import zipfile

from openpyxl import Workbook
from reportlab.lib.colors import Color, black, white
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

HERE = os.path.dirname(os.path.abspath(__file__))
INBOX = os.path.join(HERE, "inbox")
ASOF = dt.date(2026, 12, 7)
SEED = 3535
R = random.Random(SEED)
W, H = A4

INK = Color(0.05, 0.12, 0.45)       # typed answers, blue-black
GREY = Color(0.85, 0.85, 0.85)
LIGHT = Color(0.93, 0.93, 0.93)
TEAL = Color(0.0, 0.32, 0.36)
LINK = Color(0.11, 0.44, 0.72)

MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]

# --------------------------------------------------------------------------
# names and places
# --------------------------------------------------------------------------
FIRST_F = ["Jane", "Susan", "Karen", "Amina", "Rachel", "Joanne", "Helen", "Sophie", "Nasreen",
           "Claire", "Emma", "Gillian", "Paula", "Farzana", "Lindsey", "Beverley", "Hannah",
           "Lucy", "Samina", "Denise", "Kirsty", "Alison", "Megan", "Shazia", "Tracey", "Elaine",
           "Charlotte", "Wendy", "Rukhsana", "Angela", "Laura", "Bethany"]
FIRST_M = ["David", "Andrew", "Imran", "Paul", "Stephen", "Gary", "Mark", "Tariq", "Craig",
           "Martin", "Shaun", "Darren", "Asif", "Neil", "Graham", "Kevin", "Liam", "Callum",
           "Zahid", "Trevor", "Philip", "Dean", "Adrian", "Nathan", "Keith", "Bilal", "Robert",
           "Jonathan", "Barry", "Owen", "Jamie", "Stuart"]
SURNAMES = ["Ackroyd", "Sutcliffe", "Greenwood", "Hussain", "Crowther", "Barraclough", "Holroyd",
            "Khan", "Lumb", "Mitchell", "Firth", "Riley", "Akhtar", "Shackleton", "Haigh",
            "Dyson", "Mahmood", "Thornton", "Walsh", "Iqbal", "Pickles", "Brearley", "Oldroyd",
            "Naylor", "Gledhill", "Priestley", "Bairstow", "Hirst", "Wadsworth", "Ellison",
            "Kershaw", "Moorhouse", "Patel", "Redman", "Stansfield", "Uttley", "Fawcett",
            "Horsfall", "Jagger", "Marsden", "Noble", "Ormerod", "Rhodes", "Siddiqui",
            "Tattersall", "Whiteley", "Begum", "Cockroft", "Drake", "Lister"]

USED_NAMES = set()


def person(sex=None, last=None):
    for _ in range(500):
        s = sex or R.choice("FM")
        first = R.choice(FIRST_F if s == "F" else FIRST_M)
        ln = last or R.choice(SURNAMES)
        if (first, ln) in USED_NAMES:
            continue
        USED_NAMES.add((first, ln))
        if s == "F":
            title = R.choice(["Mrs", "Ms", "Miss", "Mrs", "Ms", "Dr"])
        else:
            title = R.choice(["Mr", "Mr", "Mr", "Dr"])
        return {"title": title, "first": first, "last": ln, "sex": s}
    raise RuntimeError("names exhausted")


def full(p):
    return f"{p['first']} {p['last']}"


# street, town, district (CB n), ward, parking zone
STREETS = [
    ("Crossley Street", "Calderbrook", 1, "Calderbrook Central", "A"),
    ("Wharf Street", "Calderbrook", 1, "Calderbrook Central", "A"),
    ("Prescott Terrace", "Calderbrook", 1, "Calderbrook Central", "B"),
    ("Albion Road", "Calderbrook", 1, "Calderbrook Central", "B"),
    ("Chapel Fold", "Calderbrook", 1, "Calderbrook Central", ""),
    ("Moorfield Avenue", "Calderbrook", 2, "Calderbrook North", ""),
    ("Spring Hall Lane", "Calderbrook", 2, "Calderbrook North", "C1"),
    ("Heathcote Road", "Calderbrook", 2, "Calderbrook North", "C1"),
    ("Beacon View", "Calderbrook", 2, "Calderbrook North", "C2"),
    ("Lister Grove", "Calderbrook", 2, "Calderbrook North", "C2"),
    ("Hebble Road", "Calderbrook", 3, "Calderbrook East", ""),
    ("Gibson Mill Road", "Calderbrook", 3, "Calderbrook East", ""),
    ("Mill Lane", "Sowerthwaite", 4, "Sowerthwaite", "D"),
    ("Town Gate", "Sowerthwaite", 4, "Sowerthwaite", "D"),
    ("Dyers Row", "Sowerthwaite", 4, "Sowerthwaite", ""),
    ("Rawson Street", "Sowerthwaite", 4, "Sowerthwaite", "D"),
    ("Clough Bottom Lane", "Netherclough", 5, "Netherclough and Highroyd", ""),
    ("Weavers Croft", "Netherclough", 5, "Netherclough and Highroyd", ""),
    ("Station Road", "Netherclough", 5, "Netherclough and Highroyd", ""),
    ("Brackenholme Road", "Brackenholme", 6, "Brackenholme", ""),
    ("Highroyd Lane", "Brackenholme", 6, "Brackenholme", ""),
    ("Intake Lane", "Brackenholme", 6, "Brackenholme", ""),
]
WARD_CODE = {"Calderbrook Central": "CC", "Calderbrook North": "CN", "Calderbrook East": "CE",
             "Sowerthwaite": "SW", "Netherclough and Highroyd": "NH", "Brackenholme": "BR"}
PC_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
USED_PC = set()


def new_postcode(district):
    while True:
        pc = f"CB{district} {R.randint(1, 9)}{R.choice(PC_LETTERS)}{R.choice(PC_LETTERS)}"
        if pc not in USED_PC:
            USED_PC.add(pc)
            return pc


PROPS = []          # dicts
for (street, town, dist, ward, zone) in STREETS:
    pcs = [new_postcode(dist) for _ in range(2)]
    nums = sorted(R.sample(range(1, 90), R.randint(5, 7)))
    for n in nums:
        PROPS.append({"uprn": 0, "addr1": f"{n} {street}", "addr2": "", "town": town,
                      "postcode": pcs[0] if n < 45 else pcs[1], "ward": ward, "zone": zone,
                      "band": R.choice("AAABBBCCCDDEFG"), "street": street, "num": n, "used": False})
# a few named houses / flats
for (nm, street, town, dist, ward) in [("Ivy Cottage", "Clough Bottom Lane", "Netherclough", 5, "Netherclough and Highroyd"),
                                        ("Lane Head Farm", "Intake Lane", "Brackenholme", 6, "Brackenholme")]:
    pc = [p for p in PROPS if p["street"] == street][0]["postcode"]
    PROPS.append({"uprn": 0, "addr1": f"{nm}, {street}", "addr2": "", "town": town, "postcode": pc,
                  "ward": ward, "zone": "", "band": "E", "street": street, "num": 0, "used": True})
R.shuffle(PROPS)
for i, p in enumerate(PROPS):
    p["uprn"] = 100090000000 + R.randint(1000, 9999) * 100 + i
PROPS.sort(key=lambda p: p["uprn"])

# addresses that are NOT in the gazetteer (forwarding / previous addresses, new builds)
OUT_STREETS = [("Lark Hill Road", "Ripponden Bridge", 7), ("Fern Bank", "Ripponden Bridge", 7),
               ("Cobden Street", "Lowfold", 8), ("Hollins Lane", "Lowfold", 8),
               ("Peel Street", "Thornside", 9), ("Beech Tree Close", "Thornside", 9),
               ("Garden Terrace", "Lowfold", 8), ("Ashgrove Road", "Thornside", 9)]


def outside_address():
    s, town, d = R.choice(OUT_STREETS)
    return {"addr1": f"{R.randint(2, 120)} {s}", "addr2": "", "town": town, "postcode": new_postcode(d)}


NEW_BUILDS = [("Kiln Beck Way", "Calderbrook", 3), ("Tannery Court", "Calderbrook", 1),
              ("Dyehouse Mews", "Sowerthwaite", 4)]


def take_property(zone=None, street=None):
    """zone: None = any, '' = no zone, '*' = any zone, else exact zone."""
    cands = [p for p in PROPS if not p["used"]]
    if zone == "":
        cands = [p for p in cands if not p["zone"]]
    elif zone == "*":
        cands = [p for p in cands if p["zone"]]
    elif zone is not None:
        cands = [p for p in cands if p["zone"] == zone]
    if street:
        cands = [p for p in cands if p["street"] == street]
    p = R.choice(cands)
    p["used"] = True
    return p


# --------------------------------------------------------------------------
# records
# --------------------------------------------------------------------------
ACCOUNTS, ELECTORS, PERMITS = [], [], []
USED_REFS = set()


def new_ref():
    while True:
        ref = R.choice("36") + "".join(str(R.randint(0, 9)) for _ in range(7))
        if ref not in USED_REFS:
            USED_REFS.add(ref)
            return ref


def add_account(prop, parties, status="active", start=None, end=None, discounts=""):
    ref = new_ref()
    start = start or ASOF - dt.timedelta(days=R.randint(500, 5000))
    ACCOUNTS.append({"account_ref": ref, "uprn": prop["uprn"], "liable_parties": "; ".join(full(p) for p in parties),
                     "status": status, "start_date": start, "end_date": end, "discounts": discounts})
    return ref


ELECTOR_SEQ = {}


def add_elector(prop, p):
    code = WARD_CODE[prop["ward"]]
    ELECTOR_SEQ[code] = ELECTOR_SEQ.get(code, 0) + R.randint(1, 9)
    ELECTORS.append({"elector_number": f"{code}-{ELECTOR_SEQ[code]:04d}", "full_name": full(p), "uprn": prop["uprn"]})


PERMIT_SEQ = [4100]
USED_VRM = set()
CUR_AREA = ["YA", "YB", "YC", "YD", "YE", "YF", "YG", "YH", "YJ", "YK", "YL", "YM", "YN", "YP", "YR",
            "YS", "YT", "YX", "YY", "MA", "MF", "BD", "BF", "LN", "DA", "EA", "WR", "SN"]
CUR_AGE = ["15", "65", "16", "66", "17", "67", "18", "68", "19", "69", "20", "70", "21", "71", "22",
           "72", "23", "73", "24", "74", "25", "75", "14", "64", "12", "62", "09", "59"]
RLET = "ABCDEFGHJKLMNOPRSTUVWXY"


def new_vrm(style="current"):
    while True:
        if style == "current":
            v = R.choice(CUR_AREA) + R.choice(CUR_AGE) + "".join(R.choice(RLET) for _ in range(3))
        elif style == "prefix":
            v = R.choice("RSTVWXY") + str(R.randint(2, 899)) + "".join(R.choice(RLET) for _ in range(3))
        else:  # suffix
            v = "".join(R.choice(RLET) for _ in range(3)) + str(R.randint(10, 999)) + R.choice("JKLMNP")
        if v not in USED_VRM:
            USED_VRM.add(v)
            return v


def add_permit(prop, vrm, active=True, zone=None):
    PERMIT_SEQ[0] += R.randint(1, 17)
    if active:
        frm = ASOF - dt.timedelta(days=R.randint(20, 330))
    else:
        frm = ASOF - dt.timedelta(days=R.randint(420, 700))
    to = frm + dt.timedelta(days=364)
    PERMITS.append({"permit_ref": f"RP/{frm.year}/{PERMIT_SEQ[0]:05d}", "uprn": prop["uprn"], "vrm": vrm,
                    "zone": zone or prop["zone"], "valid_from": frm, "valid_to": to})


def vrm_display(v, lower=False):
    if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z]{3}", v):
        s = v[:4] + " " + v[4:]
    elif re.fullmatch(r"[A-Z]\d{1,3}[A-Z]{3}", v):
        s = v[:-3] + " " + v[-3:]
    elif re.fullmatch(r"[A-Z]{3}\d{1,3}[A-Z]", v):
        s = v[:3] + " " + v[3:]
    else:
        s = v[:4] + " " + v[4:]
    return s.lower() if lower else s


# --------------------------------------------------------------------------
# formatting helpers
# --------------------------------------------------------------------------
def ordinal(n):
    if 11 <= n % 100 <= 13:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


DATE_STYLES = ["dd/mm/yyyy", "d/m/yyyy", "dd-mm-yyyy", "dd.mm.yyyy", "d Month yyyy", "dth Month yyyy",
               "Month d, yyyy", "iso"]


def fmt_date(d, style):
    if style == "dd/mm/yyyy":
        return d.strftime("%d/%m/%Y")
    if style == "d/m/yyyy":
        return f"{d.day}/{d.month}/{d.year}"
    if style == "dd-mm-yyyy":
        return d.strftime("%d-%m-%Y")
    if style == "dd.mm.yyyy":
        return d.strftime("%d.%m.%Y")
    if style == "d Month yyyy":
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "dth Month yyyy":
        return f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}"
    if style == "Month d, yyyy":
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    return d.isoformat()


def fmt_ref(ref, style):
    if style == 0:
        return ref
    if style == 1:
        return ref[:4] + " " + ref[4:]
    if style == 2:
        return "CT" + ref
    return ref[:4] + "-" + ref[4:]


def fmt_pc(pc, style):
    if style == 0:
        return pc
    if style == 1:
        return pc.lower()
    return pc.replace(" ", "")


def phone():
    if R.random() < 0.5:
        return f"01632 960{R.randint(0, 999):03d}"
    return f"07700 900{R.randint(0, 999):03d}"


def email_for(p):
    dom = R.choice(["example.com", "example.net", "example.org"])
    sep = R.choice([".", "_", ""])
    return f"{p['first'].lower()}{sep}{p['last'].lower()}{R.randint(1, 99) if R.random() < 0.4 else ''}@{dom}"


def days(n):
    return ASOF + dt.timedelta(days=n)


# --------------------------------------------------------------------------
# scenarios -> semantic form content
# --------------------------------------------------------------------------
def addr_of(prop):
    return {"addr1": prop["addr1"], "addr2": prop["addr2"], "town": prop["town"], "postcode": prop["postcode"]}


def base_contact(sem, p):
    if R.random() < 0.8:
        sem["phone"] = phone()
    if R.random() < 0.6:
        sem["email"] = email_for(p)


CHANGE_OTHER = [
    "{f} moved out and we have separated.",
    "{f} has moved into a care home.",
    "{f} has moved away for work.",
    "{f} was my lodger and has now left.",
    "{f} has moved in with a new partner.",
]
CHANGE_NONE = [
    "My lodger has left and I now live on my own.",
    "My son has moved away to university in Leeds.",
    "My daughter has moved into her own flat.",
]


def spd_sem(scn):
    sem = {"type": "council_tax_spd", "scenario": scn}
    prop = take_property()
    app = person()
    other = None
    if scn not in ("NAME_MISMATCH",) and R.random() < 0.75:
        other = person(last=app["last"] if R.random() < 0.6 else None)
    sole = days(-R.randint(20, 300))
    liable = [app] + ([other] if other and R.random() < 0.6 else [])
    disc = ""
    if scn == "DISCOUNT_ALREADY_APPLIED":
        disc = "SPD"
    if scn == "NAME_MISMATCH":
        other = person()            # ex-partner, still the account holder
        liable = [other]
    ref = add_account(prop, liable, discounts=disc)
    add_elector(prop, app)
    if other and R.random() < 0.5:
        add_elector(prop, other)     # not yet removed from the register: allowed, he is the named other adult
    if scn == "OTHER_ADULTS_REGISTERED":
        kid = person(last=app["last"])
        add_elector(prop, kid)
    if scn == "ACCOUNT_NOT_FOUND":      # the real account stays; the form quotes a reference that does not exist
        while True:
            bad = R.choice("36") + "".join(str(R.randint(0, 9)) for _ in range(7))
            if bad not in USED_REFS:
                break
        ref = bad
        USED_REFS.add(ref)
    if scn == "DATE_IN_FUTURE":
        sole = days(R.randint(12, 40))
    if scn == "DATE_TOO_OLD":
        sole = days(-R.randint(420, 700))
    addr = addr_of(prop)
    if scn == "ADDRESS_MISMATCH":
        alt = [p for p in PROPS if p["street"] == prop["street"] and p["uprn"] != prop["uprn"]]
        q = R.choice(alt)
        addr = addr_of(q)
    sem.update(account_ref=ref, person=app, addr=addr, sole=sole, decl=days(-R.randint(1, 12)))
    if scn == "MISSING_FIELD:sole_adult_since":
        sem["sole"] = None
    if scn == "MISSING_FIELD:declaration_date":
        sem["decl"] = None
    if other:
        sem["other"] = other
        if R.random() < 0.8:
            sem["fwd"] = outside_address()
    if R.random() < 0.7:
        txt = R.choice(CHANGE_OTHER).format(f=other["first"]) if other else R.choice(CHANGE_NONE)
        if other and R.random() < 0.4 and sem["sole"] and sem["sole"] < ASOF:
            txt = f"{other['first']} moved out on {fmt_date(sem['sole'], 'd Month yyyy')}."
            sem["change_date"] = True
        sem["change"] = txt
    base_contact(sem, app)
    sem["prop"] = prop
    return sem


def move_sem(scn, move_type):
    sem = {"type": "council_tax_move", "scenario": scn, "move_type": move_type}
    app = person()
    if move_type == "out":
        prop = take_property()
        partner = person(last=app["last"]) if R.random() < 0.3 else None
        liable = [app] + ([partner] if partner else [])
        if scn == "NAME_MISMATCH":
            liable = [person()]
        ref = add_account(prop, liable)
        add_elector(prop, app)
        if scn == "ACCOUNT_NOT_FOUND":
            while True:
                bad = R.choice("36") + "".join(str(R.randint(0, 9)) for _ in range(7))
                if bad not in USED_REFS:
                    break
            ref = bad
            USED_REFS.add(ref)
        prev = addr_of(prop)
        if scn == "ADDRESS_MISMATCH":
            alt = [p for p in PROPS if p["street"] != prop["street"] and p["town"] == prop["town"]]
            prev = addr_of(R.choice(alt))
        sem.update(account_ref=ref, prev=prev, new=outside_address())
        sem["prop"] = prop
    else:
        if scn == "PROPERTY_NOT_FOUND":
            s, town, d = R.choice(NEW_BUILDS)
            new = {"addr1": f"{R.randint(1, 30)} {s}", "addr2": "", "town": town, "postcode": new_postcode(d)}
        else:
            prop = take_property()
            if R.random() < 0.7:
                old = person()
                add_account(prop, [old], status="closed", start=days(-R.randint(900, 3000)),
                            end=days(-R.randint(100, 200)))
            new = addr_of(prop)
            sem["prop"] = prop
        sem["new"] = new
        if R.random() < 0.6:
            sem["prev"] = outside_address()
    md = days(-R.randint(0, 90)) if R.random() < 0.7 else days(R.randint(1, 20))
    if scn == "DATE_IN_FUTURE":
        md = days(R.randint(45, 90))
    if scn == "DATE_TOO_OLD":
        md = days(-R.randint(400, 600))
    sem.update(person=app, move_date=md, decl=min(days(-R.randint(1, 10)), ASOF))
    if scn == "MISSING_FIELD:move_date":
        sem["move_date"] = None
    base_contact(sem, app)
    return sem


MAKES = ["Ford Fiesta", "Vauxhall Corsa", "Nissan Qashqai", "Toyota Yaris", "Volkswagen Golf", "Kia Sportage",
         "Skoda Octavia", "Peugeot 208", "Honda Jazz", "Hyundai Tucson", "Vauxhall Astra", "Ford Focus",
         "Mini Cooper", "Dacia Sandero", "Citroen C3", "Toyota Auris"]
COLOURS = ["Silver", "Blue", "Black", "White", "Red", "Grey", "Green"]


def permit_sem(scn, variant=""):
    sem = {"type": "parking_permit", "scenario": scn}
    app = person()
    if scn == "PROPERTY_NOT_FOUND":
        s, town, d = NEW_BUILDS[1]
        addr = {"addr1": f"{R.randint(1, 24)} {s}", "addr2": "", "town": town, "postcode": new_postcode(d)}
        zone = "A"
    else:
        if scn == "NOT_IN_PERMIT_ZONE":
            prop = take_property(zone=R.choice(["B", "C2"]))
            zone = "A" if prop["zone"] == "B" else "C1"
        else:
            prop = take_property(zone="*")
            zone = prop["zone"]
        addr = addr_of(prop)
        if scn == "NOT_RESIDENT":
            add_account(prop, [person()])
            add_elector(prop, person())
        elif variant == "er_only":
            parent = person(last=app["last"])
            add_account(prop, [parent])
            add_elector(prop, parent)
            add_elector(prop, app)
        else:
            add_account(prop, [app] + ([person(last=app["last"])] if R.random() < 0.3 else []))
            if R.random() < 0.7:
                add_elector(prop, app)
        if scn == "PERMIT_CAP_REACHED":
            add_permit(prop, new_vrm())
            add_permit(prop, new_vrm())
        elif R.random() < 0.3 and scn != "VRM_HAS_PERMIT":
            add_permit(prop, new_vrm())          # one existing permit: still under the cap of 2
        if R.random() < 0.2:
            add_permit(prop, new_vrm(), active=False)   # an expired one
        sem["prop"] = prop
    style = "prefix" if variant == "prefix" else ("suffix" if variant == "suffix" else "current")
    vrm = new_vrm(style)
    if scn == "VRM_HAS_PERMIT":
        other = take_property(zone="*")
        add_account(other, [person()])
        add_permit(other, vrm)
    if scn == "INVALID_FORMAT:vrm":
        vrm = R.choice(CUR_AREA) + R.choice(CUR_AGE) + R.choice(RLET) + R.choice(RLET)  # a letter short
    start = days(R.randint(-3, 21))
    if scn == "DATE_IN_FUTURE":
        start = days(R.randint(45, 80))
    sem.update(person=app, addr=addr, vrm=vrm, make=R.choice(MAKES), colour=R.choice(COLOURS), zone=zone,
               start=start, decl=days(-R.randint(1, 10)))
    if scn == "MISSING_FIELD:zone":
        sem["zone"] = None
    if scn == "MISSING_FIELD:vrm":
        sem["vrm"] = None
    base_contact(sem, app)
    return sem


# --------------------------------------------------------------------------
# plan
# --------------------------------------------------------------------------
PLAN = {
    ("A", "council_tax_spd"): ["clean", "clean", "clean", "OTHER_ADULTS_REGISTERED", "DATE_TOO_OLD"],
    ("B", "council_tax_spd"): ["clean", "clean", "clean", "NAME_MISMATCH", "MISSING_FIELD:sole_adult_since", "DUP"],
    ("C", "council_tax_spd"): ["clean", "clean", "ACCOUNT_NOT_FOUND", "DISCOUNT_ALREADY_APPLIED", "MISSING_FIELD:declaration_date"],
    ("D", "council_tax_spd"): ["clean", "clean", "ADDRESS_MISMATCH", "DATE_IN_FUTURE", "DUP"],
    ("A", "council_tax_move"): ["clean:out", "clean:in", "clean:out", "NAME_MISMATCH:out", "PROPERTY_NOT_FOUND:in"],
    ("C", "council_tax_move"): ["clean:out", "clean:in", "clean:in", "ACCOUNT_NOT_FOUND:out", "DATE_TOO_OLD:out"],
    ("D", "council_tax_move"): ["clean:in", "clean:out", "clean:out", "ADDRESS_MISMATCH:out", "DATE_IN_FUTURE:in"],
    ("A", "parking_permit"): ["clean", "clean", "clean:prefix", "INVALID_FORMAT:vrm", "NOT_IN_PERMIT_ZONE"],
    ("B", "parking_permit"): ["clean", "clean:er_only", "clean", "VRM_HAS_PERMIT", "PERMIT_CAP_REACHED", "MISSING_FIELD:zone"],
    ("C", "parking_permit"): ["clean", "clean:suffix", "NOT_RESIDENT", "PROPERTY_NOT_FOUND", "DATE_IN_FUTURE", "MISSING_FIELD:vrm"],
}
LAYOUT_NAME = {"A": "cb_caps_compact", "B": "cb_fillable_shaded_2page", "C": "cb_numbered_questions",
               "D": "cb_browser_print", "E": "cb_posted_letter"}

FORMS = []
dup_sem = None
for (lay, ftype), scns in PLAN.items():
    for scn in scns:
        if ftype == "council_tax_spd":
            if scn == "DUP":
                if dup_sem is None:
                    dup_sem = spd_sem("clean")
                s = dict(dup_sem)
                s["scenario"] = "DUP"
            else:
                s = spd_sem(scn)
        elif ftype == "council_tax_move":
            sc, mt = scn.split(":")
            s = move_sem(sc, mt)
        else:
            sc, _, var = scn.partition(":") if scn.startswith("clean") else (scn, "", "")
            s = permit_sem(sc, var)
        s["layout"] = lay
        FORMS.append(s)

# filler records: other households, closed accounts, permits
for prop in [p for p in PROPS if not p["used"]]:
    r = R.random()
    if r < 0.08:
        continue   # empty / no account (e.g. exempt or demolished)
    ppl = [person()]
    if R.random() < 0.55:
        ppl.append(person(last=ppl[0]["last"] if R.random() < 0.7 else None))
    if R.random() < 0.25:
        old = person()
        add_account(prop, [old], status="closed", start=days(-R.randint(2500, 5000)), end=days(-R.randint(600, 2400)))
    disc = "SPD" if len(ppl) == 1 and R.random() < 0.5 else ""
    add_account(prop, ppl, discounts=disc)
    for p in ppl:
        add_elector(prop, p)
    if R.random() < 0.25 and len(ppl) == 2:
        add_elector(prop, person(last=ppl[0]["last"]))
    if prop["zone"] and R.random() < 0.5:
        add_permit(prop, new_vrm())
        if R.random() < 0.3:
            add_permit(prop, new_vrm(), active=R.random() < 0.5)
    prop["filler"] = ppl

# --------------------------------------------------------------------------
# correspondence
# --------------------------------------------------------------------------
FILLERS = [p for p in PROPS if p.get("filler")]
R.shuffle(FILLERS)


def acct_for(prop):
    return [a for a in ACCOUNTS if a["uprn"] == prop["uprn"] and a["status"] == "active"][0]["account_ref"]


CORR = []


def corr(layout, topic, reasons, sender, prop, ref, paras, subject, dates, show_addr=True, extra=None):
    c = {"type": "correspondence", "layout": layout, "topic": topic, "reasons": reasons, "sender": sender,
         "prop": prop if show_addr else None, "ref": ref, "paras": paras, "subject": subject, "dates": dates}
    c.update(extra or {})
    CORR.append(c)


def d_long(d):
    return fmt_date(d, "d Month yyyy")


# 1 letter, missed bin, approved
pr = FILLERS[0]; s1 = pr["filler"][0]; d1 = days(-13)
corr("E", "missed_bin", [], s1, pr, None,
     [f"I am writing because our grey general waste bin was not emptied on {d_long(d1)}, which was our normal collection day. "
      "The bin was out at the kerbside by 6.30am as usual and the other houses on the street were all emptied.",
      f"It has now been missed again on {d_long(days(-6))} and the bin is full to the top. "
      "Please could you arrange for the crew to come back and empty it as soon as possible.",
      "Thank you for your help."],
     f"Missed bin collection - {pr['addr1']}", [d1, days(-6)])
# 2 letter, council tax query, quoting account, approved
pr = FILLERS[1]; s2 = pr["filler"][0]; ref2 = acct_for(pr)
corr("E", "council_tax_query", [], s2, pr, ref2,
     ["I have received my council tax bill for this year and I do not understand why the monthly instalments "
      "have gone up so much. I have always paid by direct debit on the 1st of the month.",
      f"Could you please explain how the amount was worked out, and confirm that the payment taken on {d_long(days(-36))} "
      "was the correct amount? I would also like to ask whether I can spread the payments over twelve months instead of ten.",
      "I look forward to hearing from you."],
     f"Council Tax account {fmt_ref(ref2, 1)}", [days(-36)], extra={"ref_style": 1})
# 3 letter, complaint, approved
pr = FILLERS[2]; s3 = pr["filler"][0]
corr("E", "complaint", [], s3, pr, None,
     [f"I wish to make a formal complaint about the way my report of a blocked drain outside my house has been handled. "
      f"I first reported it by telephone on {d_long(days(-52))} and was told someone would visit within ten working days.",
      "Nobody has come. I have phoned three more times and each time I have been given a different reference and told to wait. "
      "The water now runs across the pavement and freezes, and my elderly neighbour slipped last week.",
      "I would like a written explanation of what has happened and a date when the work will be done. "
      "If I do not receive a reply I will take this to my local councillor."],
     "Formal complaint - blocked drain not repaired", [days(-52)])
# 4 letter, anonymous complaint: SENDER_UNKNOWN
corr("E", "complaint", ["SENDER_UNKNOWN"], None, None, None,
     ["I want to complain about the state of the back lane behind the houses on Rawson Street. "
      "People have been dumping mattresses and rubbish there for weeks and nobody from the council has done anything about it.",
      "There are rats now and children play round there. It is a disgrace and I pay my council tax like everybody else. "
      "I do not want to give my name because I do not want any trouble with the neighbours.",
      "Please get it cleared."],
     "Rubbish dumped in back lane", [], extra={"signoff": "A fed up resident"})
# 5 letter, FOI, approved
pr = FILLERS[3]; s5 = pr["filler"][0]
corr("E", "foi_request", [], s5, pr, None,
     ["Under the Freedom of Information Act 2000, please provide the following information:",
      "1. The number of residents' parking permits issued by Calderbrook Council in each permit zone for each of the last three financial years.",
      "2. The total income received from residents' parking permits in the same period.",
      "3. The number of penalty charge notices issued in permit zones between 1 April 2025 and 31 March 2026.",
      "I would prefer to receive the information electronically if possible. Please contact me at the address above if anything is unclear."],
     "Freedom of Information request", [dt.date(2025, 4, 1), dt.date(2026, 3, 31)])
# 6 email, missed bin, approved (address in signature)
pr = FILLERS[4]; s6 = pr["filler"][0]; d6 = days(-4)
corr("D", "missed_bin", [], s6, pr, None,
     [f"Our blue recycling bin was not collected on {d_long(d6)}. It was out on time with the lid shut. "
      "Every other bin on the road was emptied.",
      "Can you send someone back to collect it please? We have a lot of cardboard waiting after a birthday at the weekend.",
      "Thanks"],
     "Missed recycling collection", [d6], extra={"sent": days(-3), "greeting": "Hi,"})
# 7 email, council tax query, account only (no address), approved
pr = FILLERS[5]; s7 = pr["filler"][0]; ref7 = acct_for(pr)
corr("D", "council_tax_query", [], s7, pr, ref7,
     [f"I'm writing about my council tax account number {fmt_ref(ref7, 0)}.",
      f"I have been charged a court summons cost of £84 but I paid the missing instalment online on {d_long(days(-20))}. "
      "Can you check my account and remove the costs please? I have the payment confirmation if you need it.",
      "Kind regards"],
     "Summons costs on my account", [days(-20)], show_addr=False, extra={"sent": days(-2), "greeting": "Hello,"})
# 8 email, council tax query quoting a reference that does not exist: ACCOUNT_NOT_FOUND
pr = FILLERS[6]; s8 = pr["filler"][0]
while True:
    bad8 = "6" + "".join(str(R.randint(0, 9)) for _ in range(7))
    if bad8 not in USED_REFS:
        break
USED_REFS.add(bad8)
corr("D", "council_tax_query", ["ACCOUNT_NOT_FOUND"], s8, pr, bad8,
     [f"My reference is CT{bad8}. I moved into this property in the summer and I still have not "
      "received a bill. I want to make sure I am paying the right amount from the start.",
      "Please could you send me a bill and tell me which band the house is in? I can set up a direct debit straight away.",
      "Many thanks"],
     "No council tax bill received", [], extra={"sent": days(-5), "greeting": "Dear Council Tax team,"})
# 9 email, FOI from a journalist with no postal address: SENDER_UNKNOWN
corr("D", "foi_request", ["SENDER_UNKNOWN"], {"first": "Tom", "last": "Redfern", "title": "Mr"}, None, None,
     ["This is a request under the Freedom of Information Act 2000.",
      f"Please tell me how many missed bin complaints Calderbrook Council received in each month from {d_long(dt.date(2026, 1, 1))} "
      f"to {d_long(dt.date(2026, 10, 31))}, broken down by ward, and how many of these were collected within 48 hours.",
      "An electronic copy by email is fine.",
      "Best wishes"],
     "FOI request - missed bin complaints 2026", [dt.date(2026, 1, 1), dt.date(2026, 10, 31)], show_addr=False,
     extra={"sent": days(-1), "greeting": "Dear FOI officer,", "org": "Calder Valley Courier", "addr_email": "t.redfern@calder-courier.example.com"})
# 10 email, other (allotment), approved
pr = FILLERS[7]; s10 = pr["filler"][0]
corr("D", "other", [], s10, pr, None,
     ["I would like to put my name down on the waiting list for an allotment at the Clough Bottom site. "
      "Could you tell me how long the waiting list is at the moment and what the yearly rent is?",
      "I would be happy to take a half plot if that is quicker.",
      "Regards"],
     "Allotment waiting list", [], extra={"sent": days(-8), "greeting": "Good morning,"})

# --------------------------------------------------------------------------
# independent check of each planned outcome against the records
# --------------------------------------------------------------------------
def norm_name(n):
    parts = n.split()
    if parts and parts[0].lower().rstrip(".") in ("mr", "mrs", "ms", "miss", "dr", "mx"):
        parts = parts[1:]
    return " ".join(parts).lower()


def find_prop(a1, pc):
    for p in PROPS:
        if p["addr1"].lower() == a1.lower() and p["postcode"] == pc:
            return p
    return None


def acct(ref):
    for a in ACCOUNTS:
        if a["account_ref"] == ref:
            return a
    return None


def liable(a, name):
    return norm_name(name) in [x.strip().lower() for x in a["liable_parties"].split(";")]


def check(f):
    t, fl = f["form_type"], f["fields"]
    req = {"council_tax_spd": ["account_ref", "applicant_name", "address", "postcode", "sole_adult_since", "declaration_date"],
           "council_tax_move": ["move_type", "applicant_name", "move_date", "declaration_date"],
           "parking_permit": ["applicant_name", "address", "postcode", "vrm", "zone", "start_date", "declaration_date"]}[t]
    if t == "council_tax_move":
        req += ["account_ref", "previous_address", "previous_postcode"] if fl.get("move_type") == "out" else ["new_address", "new_postcode"]
    reasons = [f"MISSING_FIELD:{k}" for k in req if k not in fl]
    D = lambda k: dt.date.fromisoformat(fl[k]) if k in fl else None
    if t == "council_tax_spd":
        a = acct(fl["account_ref"])
        if not a:
            return reasons + ["ACCOUNT_NOT_FOUND"]
        if a["status"] != "active":
            reasons.append("ACCOUNT_CLOSED")
        if not liable(a, fl["applicant_name"]):
            reasons.append("NAME_MISMATCH")
        p = find_prop(fl["address"], fl["postcode"])
        if not p or p["uprn"] != a["uprn"]:
            reasons.append("ADDRESS_MISMATCH")
        if "SPD" in a["discounts"].split(";"):
            reasons.append("DISCOUNT_ALREADY_APPLIED")
        allowed = {norm_name(fl["applicant_name"]), norm_name(fl.get("other_adult_name", ""))}
        if any(e["full_name"].lower() not in allowed for e in ELECTORS if e["uprn"] == a["uprn"]):
            reasons.append("OTHER_ADULTS_REGISTERED")
        s = D("sole_adult_since")
        if s and s > ASOF:
            reasons.append("DATE_IN_FUTURE")
        if s and (ASOF - s).days > 365:
            reasons.append("DATE_TOO_OLD")
    elif t == "council_tax_move":
        if fl["move_type"] == "out":
            a = acct(fl.get("account_ref", ""))
            if not a:
                if "account_ref" in fl:
                    reasons.append("ACCOUNT_NOT_FOUND")
            else:
                if not liable(a, fl["applicant_name"]):
                    reasons.append("NAME_MISMATCH")
                p = find_prop(fl["previous_address"], fl["previous_postcode"])
                if not p or p["uprn"] != a["uprn"]:
                    reasons.append("ADDRESS_MISMATCH")
        else:
            if not find_prop(fl["new_address"], fl["new_postcode"]):
                reasons.append("PROPERTY_NOT_FOUND")
        m = D("move_date")
        if m and (m - ASOF).days > 28:
            reasons.append("DATE_IN_FUTURE")
        if m and (ASOF - m).days > 365:
            reasons.append("DATE_TOO_OLD")
    else:
        p = find_prop(fl["address"], fl["postcode"])
        if not p:
            return reasons + ["PROPERTY_NOT_FOUND"]
        if "zone" in fl and (not p["zone"] or p["zone"] != fl["zone"]):
            reasons.append("NOT_IN_PERMIT_ZONE")
        res = any(a["uprn"] == p["uprn"] and a["status"] == "active" and liable(a, fl["applicant_name"]) for a in ACCOUNTS) or \
            any(e["uprn"] == p["uprn"] and e["full_name"].lower() == norm_name(fl["applicant_name"]) for e in ELECTORS)
        if not res:
            reasons.append("NOT_RESIDENT")
        if "vrm" in fl:
            v = fl["vrm"]
            if not (re.fullmatch(r"[A-Z]{2}\d{2}[A-Z]{3}", v) or re.fullmatch(r"[A-Z]\d{1,3}[A-Z]{3}", v)
                    or re.fullmatch(r"[A-Z]{3}\d{1,3}[A-Z]", v)):
                reasons.append("INVALID_FORMAT:vrm")
            elif any(x["vrm"] == v and x["valid_from"] <= ASOF <= x["valid_to"] for x in PERMITS):
                reasons.append("VRM_HAS_PERMIT")
        if sum(1 for x in PERMITS if x["uprn"] == p["uprn"] and x["valid_from"] <= ASOF <= x["valid_to"]) >= 2:
            reasons.append("PERMIT_CAP_REACHED")
        s = D("start_date")
        if s and (s - ASOF).days > 28:
            reasons.append("DATE_IN_FUTURE")
    return reasons


# --------------------------------------------------------------------------
# presentation: what is written on the page, and the truth that follows from it
# --------------------------------------------------------------------------
def one_line_addr(a):
    parts = [a["addr1"]] + ([a["addr2"]] if a["addr2"] else []) + [a["town"]]
    return ", ".join(parts) + " " + a["postcode"]


def present(sem):
    lay = sem["layout"]
    caps = lay == "A"
    up = (lambda x: x.upper()) if caps else (lambda x: x)
    rr = random.Random(f"{SEED}-{len(DISPLAYED)}")
    p = sem["person"]
    d = {}   # display strings
    tf = {}  # truth fields
    # name
    use_title = {"A": 0.75, "B": 0.5, "C": 0.4, "D": 0.0}[lay] > rr.random()
    d["title"] = up(p["title"]) if use_title else ""
    d["first"], d["last"] = up(p["first"]), up(p["last"])
    name = " ".join(x for x in [d["title"], d["first"], d["last"]] if x)
    d["name"] = name
    tf["applicant_name"] = name
    d["sig"] = f"{p['first'][0]}. {p['last']}" if rr.random() < 0.6 else f"{p['first']} {p['last']}"
    ds = {"A": "dmy", "B": rr.choice(["dd/mm/yyyy", "d/m/yyyy", "dd.mm.yyyy", "dd/mm/yyyy"]),
          "C": rr.choice(DATE_STYLES), "D": "d Month yyyy"}[lay]
    fd = (lambda x: x) if ds == "dmy" else (lambda x: fmt_date(x, ds))
    pcs = 0 if lay == "D" else rr.choice([0, 0, 1, 2])

    def put_addr(key_a, key_pc, a, dkey):
        d[dkey] = {"addr1": up(a["addr1"]), "town": up(a["town"]), "postcode": up(fmt_pc(a["postcode"], pcs))}
        tf[key_a] = up(a["addr1"])
        tf[key_pc] = a["postcode"]

    if sem.get("account_ref"):
        d["ref"] = fmt_ref(sem["account_ref"], rr.choice([0, 1, 2, 3]) if lay != "D" else rr.choice([0, 1]))
        tf["account_ref"] = sem["account_ref"]
    t = sem["type"]
    if t == "council_tax_spd":
        put_addr("address", "postcode", sem["addr"], "addr")
        if sem["sole"]:
            d["sole"] = fd(sem["sole"])
            tf["sole_adult_since"] = sem["sole"].isoformat()
        if sem.get("other"):
            o = sem["other"]
            d["other"] = up(f"{o['first']} {o['last']}")
            tf["other_adult_name"] = d["other"]
        if sem.get("fwd"):
            d["fwd"] = up(one_line_addr(sem["fwd"]))
            tf["other_adult_forwarding_address"] = d["fwd"]
        if sem.get("change"):
            d["change"] = up(sem["change"])
            tf["change_description"] = d["change"]
    elif t == "council_tax_move":
        tf["move_type"] = sem["move_type"]
        d["move_type"] = sem["move_type"]
        if sem.get("prev"):
            put_addr("previous_address", "previous_postcode", sem["prev"], "prev")
        put_addr("new_address", "new_postcode", sem["new"], "new")
        if sem["move_date"]:
            d["move_date"] = fd(sem["move_date"])
            tf["move_date"] = sem["move_date"].isoformat()
    else:
        put_addr("address", "postcode", sem["addr"], "addr")
        if sem["vrm"]:
            d["vrm"] = vrm_display(sem["vrm"], lower=(lay in "BC" and rr.random() < 0.25))
            tf["vrm"] = sem["vrm"]
        d["make"] = up(sem["make"])
        tf["vehicle_make"] = d["make"]
        d["colour"] = up(sem["colour"])
        if sem["zone"]:
            d["zone"] = sem["zone"]
            tf["zone"] = sem["zone"]
        d["start"] = fd(sem["start"])
        tf["start_date"] = sem["start"].isoformat()
    if sem.get("phone"):
        d["phone"] = sem["phone"]
        tf["phone"] = sem["phone"]
    if sem.get("email"):
        d["email"] = sem["email"]
        tf["email"] = sem["email"]
    if sem["decl"]:
        d["decl"] = fd(sem["decl"])
        tf["declaration_date"] = sem["decl"].isoformat()
    d["received"] = sem["decl"] or days(-3)
    DISPLAYED.append(1)
    return d, tf


DISPLAYED = []


# --------------------------------------------------------------------------
# drawing helpers
# --------------------------------------------------------------------------
def wrap(c, text, font, size, width):
    words, lines, cur = text.split(), [], ""
    for w in words:
        t = (cur + " " + w).strip()
        if c.stringWidth(t, font, size) <= width:
            cur = t
        else:
            if cur:
                lines.append(cur)
            cur = w
    if cur:
        lines.append(cur)
    return lines


def para(c, x, y, text, font, size, width, lead=None, color=black):
    lead = lead or size * 1.25
    c.setFillColor(color)
    c.setFont(font, size)
    for ln in wrap(c, text, font, size, width):
        c.drawString(x, y, ln)
        y -= lead
    c.setFillColor(black)
    return y


def new_canvas(path, title, author="Calderbrook Metropolitan Borough Council"):
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    c.setTitle(title)
    c.setAuthor(author)
    return c


# ---------------------------------------------------------------- layout A
AX0, AX1 = 34, 561


def a_header(c, code, title, subtitle):
    c.setFillColor(TEAL)
    c.rect(AX0, H - 68, AX1 - AX0, 40, stroke=0, fill=1)
    c.setFillColor(white)
    c.setFont("Helvetica-Bold", 12)
    c.drawString(AX0 + 8, H - 46, "CALDERBROOK METROPOLITAN BOROUGH COUNCIL")
    c.setFont("Helvetica", 7)
    c.drawString(AX0 + 8, H - 59, "REVENUES, BENEFITS AND PARKING SERVICES  |  PO BOX 741  |  CALDERBROOK")
    c.setFont("Helvetica-Bold", 11)
    c.drawRightString(AX1 - 8, H - 46, code)
    c.setFillColor(black)
    c.setFont("Helvetica-Bold", 12.5)
    c.drawString(AX0, H - 86, title)
    c.setFont("Helvetica", 7)
    y = para(c, AX0, H - 98, subtitle, "Helvetica", 7, AX1 - AX0)
    return y - 4


def a_section(c, y, text):
    c.setFillColor(GREY)
    c.rect(AX0, y - 13, AX1 - AX0, 13, stroke=0, fill=1)
    c.setFillColor(black)
    c.setFont("Helvetica-Bold", 8)
    c.drawString(AX0 + 4, y - 9.5, text)
    return y - 15


def a_row(c, y, cells, h=25):
    x = AX0
    total = AX1 - AX0
    c.setLineWidth(0.6)
    for (label, ans, frac) in cells:
        w = total * frac
        c.rect(x, y - h, w, h, stroke=1, fill=0)
        c.setFont("Helvetica-Bold", 6.3)
        c.drawString(x + 2.5, y - 7.5, label)
        if ans:
            c.setFillColor(INK)
            c.setFont("Courier", 10)
            c.drawString(x + 5, y - h + 6, ans)
            c.setFillColor(black)
        x += w
    return y - h - 2


def a_choice(c, y, question, options, chosen, h=17):
    c.rect(AX0, y - h, AX1 - AX0, h, stroke=1, fill=0)
    c.setFont("Helvetica-Bold", 6.8)
    c.drawString(AX0 + 3, y - 11, question)
    x = AX0 + 12 + c.stringWidth(question, "Helvetica-Bold", 6.8)
    for opt in options:
        c.setFont("Helvetica-Bold", 7.5)
        c.drawString(x, y - 11, opt)
        x += c.stringWidth(opt, "Helvetica-Bold", 7.5) + 3
        c.rect(x, y - 13, 9, 9, stroke=1, fill=0)
        if opt == chosen:
            c.setFillColor(INK)
            c.setFont("Courier-Bold", 10)
            c.drawString(x + 1.5, y - 11.5, "X")
            c.setFillColor(black)
        x += 22
    return y - h - 2


def a_dmy(c, y, label, date, h=30, x0=None, width=None):
    x0 = AX0 if x0 is None else x0
    width = (AX1 - AX0) if width is None else width
    c.rect(x0, y - h, width, h, stroke=1, fill=0)
    lines = wrap(c, label, "Helvetica-Bold", 6.5, width - 150)
    c.setFont("Helvetica-Bold", 6.5)
    yy = y - 9
    for ln in lines:
        c.drawString(x0 + 3, yy, ln)
        yy -= 8
    digits = date.strftime("%d%m%Y") if date else "        "
    bx = x0 + width - 140
    groups = [("DAY", 2), ("MONTH", 2), ("YEAR", 4)]
    i = 0
    for cap, n in groups:
        c.setFont("Helvetica", 5.2)
        c.drawString(bx, y - 7, cap)
        for _ in range(n):
            c.rect(bx, y - h + 4, 12, 15, stroke=1, fill=0)
            ch = digits[i]
            if ch.strip():
                c.setFillColor(INK)
                c.setFont("Courier", 11)
                c.drawCentredString(bx + 6, y - h + 8, ch)
                c.setFillColor(black)
            bx += 12
            i += 1
        bx += 6
    return y - h - 2


def a_office(c, y, fields):
    c.setDash(3, 2)
    c.rect(AX0, y - 34, AX1 - AX0, 34, stroke=1, fill=0)
    c.setDash()
    c.setFont("Helvetica-Bold", 6.5)
    c.drawString(AX0 + 3, y - 8, "FOR OFFICE USE ONLY")
    x = AX0 + 3
    w = (AX1 - AX0 - 6) / len(fields)
    c.setFont("Helvetica", 6)
    for f in fields:
        c.drawString(x, y - 20, f)
        c.line(x, y - 30, x + w - 8, y - 30)
        x += w
    return y - 38


def a_footer(c, code):
    c.setFont("Helvetica", 5.8)
    c.drawString(AX0, 22, f"{code}  (REV. 09/25)   PRINTED FOR CALDERBROOK MBC BY PENNINE BUSINESS FORMS LTD")
    c.drawRightString(AX1, 22, "PAGE 1 OF 1")


def a_decl(c, y, text, d, sig_label="SIGNATURE"):
    y = para(c, AX0, y - 7, text, "Helvetica", 6.8, AX1 - AX0, lead=8.2) - 2
    h = 30
    c.rect(AX0, y - h, (AX1 - AX0) * 0.5, h, stroke=1, fill=0)
    c.setFont("Helvetica-Bold", 6.3)
    c.drawString(AX0 + 2.5, y - 7.5, sig_label)
    c.setFillColor(INK)
    c.setFont("Times-Italic", 14)
    c.drawString(AX0 + 12, y - h + 7, d["sig"])
    c.setFillColor(black)
    a_dmy(c, y, "DATE", d.get("decl_date"), h=h, x0=AX0 + (AX1 - AX0) * 0.5, width=(AX1 - AX0) * 0.5)
    return y - h - 4


def render_A(path, sem, d):
    t = sem["type"]
    if t == "council_tax_spd":
        code = "FORM CT/14"
        c = new_canvas(path, "CT14 Single Person Discount")
        y = a_header(c, code, "COUNCIL TAX \u2013 APPLICATION FOR SINGLE PERSON DISCOUNT",
                     "PLEASE COMPLETE IN BLOCK CAPITALS USING BLACK INK AND RETURN TO THE ADDRESS ABOVE. IF YOU ARE THE ONLY ADULT "
                     "(AGED 18 OR OVER) LIVING IN YOUR HOME YOU MAY BE ENTITLED TO A 25% REDUCTION IN YOUR COUNCIL TAX. "
                     "ANSWER ALL QUESTIONS - INCOMPLETE FORMS WILL BE RETURNED.")
        y = a_section(c, y, "SECTION 1 \u2013 YOUR COUNCIL TAX ACCOUNT")
        y = a_row(c, y, [("COUNCIL TAX ACCOUNT NO. (SHOWN ON YOUR BILL)", d.get("ref", ""), 0.5),
                         ("TEL. NO.", d.get("phone", ""), 0.5)])
        y = a_section(c, y, "SECTION 2 \u2013 YOUR DETAILS")
        y = a_row(c, y, [("TITLE", d["title"], 0.13), ("SURNAME", d["last"], 0.37), ("FORENAMES", d["first"], 0.5)])
        y = a_row(c, y, [("ADDRESS OF PROPERTY", d["addr"]["addr1"], 1.0)])
        y = a_row(c, y, [("", d["addr"]["town"], 0.65), ("POSTCODE", d["addr"]["postcode"], 0.35)])
        y = a_row(c, y, [("EMAIL ADDRESS", d.get("email", ""), 1.0)])
        y = a_section(c, y, "SECTION 3 \u2013 ABOUT THE CHANGE")
        y = a_dmy(c, y, "DATE YOU BECAME THE ONLY ADULT (AGED 18 OR OVER) LIVING AT THE PROPERTY *", sem["sole"])
        y = a_row(c, y, [("FULL NAME OF THE ADULT WHO HAS LEFT", d.get("other", ""), 1.0)])
        y = a_row(c, y, [("THEIR NEW ADDRESS (IF KNOWN)", d.get("fwd", ""), 1.0)])
        y = a_row(c, y, [("REASON FOR THE CHANGE", d.get("change", ""), 1.0)])
        y = a_choice(c, y, "DOES ANYONE ELSE AGED 18 OR OVER LIVE AT THE PROPERTY?", ["YES", "NO"], "NO")
        y = a_choice(c, y, "IS THE PROPERTY YOUR SOLE OR MAIN RESIDENCE?", ["YES", "NO"], "YES")
        y = a_section(c, y, "SECTION 4 \u2013 DECLARATION **")
        d["decl_date"] = sem["decl"]
        y = a_decl(c, y, "I DECLARE THAT THE INFORMATION I HAVE GIVEN ON THIS FORM IS CORRECT AND COMPLETE. I UNDERSTAND THAT I MUST "
                         "TELL THE COUNCIL WITHIN 21 DAYS IF ANOTHER ADULT COMES TO LIVE AT THE PROPERTY.", d)
        y = para(c, AX0, y - 4, "* A DISCOUNT CAN NORMALLY ONLY BE BACKDATED FOR UP TO 12 MONTHS.", "Helvetica", 6.2, AX1 - AX0)
        y = para(c, AX0, y, "** IT IS AN OFFENCE TO KNOWINGLY GIVE FALSE INFORMATION. THE COUNCIL CHECKS CLAIMS AGAINST THE ELECTORAL "
                            "REGISTER AND OTHER RECORDS (NATIONAL FRAUD INITIATIVE).", "Helvetica", 6.2, AX1 - AX0) - 4
        a_office(c, y, ["DATE REC'D", "INPUT BY", "EFFECTIVE DATE", "SPD Y/N", "CHECKED"])
        a_footer(c, "CT/14")
    elif t == "council_tax_move":
        code = "FORM CT/22"
        c = new_canvas(path, "CT22 Change of address")
        y = a_header(c, code, "COUNCIL TAX \u2013 CHANGE OF ADDRESS (MOVING HOME)",
                     "PLEASE COMPLETE IN BLOCK CAPITALS. USE THIS FORM IF YOU ARE MOVING INTO, OUT OF OR WITHIN THE CALDERBROOK AREA. "
                     "YOU MUST TELL US WITHIN 21 DAYS OF YOUR MOVE.")
        y = a_section(c, y, "SECTION 1 \u2013 YOUR MOVE")
        y = a_choice(c, y, "ARE YOU MOVING INTO OR OUT OF A PROPERTY?", ["IN", "OUT"], d["move_type"].upper())
        y = a_dmy(c, y, "DATE OF MOVE (THE DAY YOU GOT THE KEYS / LEFT THE PROPERTY)", sem["move_date"])
        y = a_section(c, y, "SECTION 2 \u2013 YOUR DETAILS")
        y = a_row(c, y, [("TITLE", d["title"], 0.13), ("SURNAME", d["last"], 0.37), ("FORENAMES", d["first"], 0.5)])
        y = a_row(c, y, [("ACCOUNT NO. (IF KNOWN)", d.get("ref", ""), 0.5), ("DAYTIME TEL. NO.", d.get("phone", ""), 0.5)])
        y = a_row(c, y, [("EMAIL ADDRESS", d.get("email", ""), 1.0)])
        y = a_section(c, y, "SECTION 3 \u2013 ADDRESS YOU ARE LEAVING")
        pv = d.get("prev", {"addr1": "", "town": "", "postcode": ""})
        y = a_row(c, y, [("ADDRESS", pv["addr1"], 1.0)])
        y = a_row(c, y, [("", pv["town"], 0.65), ("POSTCODE", pv["postcode"], 0.35)])
        y = a_section(c, y, "SECTION 4 \u2013 ADDRESS YOU ARE MOVING TO (FORWARDING ADDRESS)")
        y = a_row(c, y, [("ADDRESS", d["new"]["addr1"], 1.0)])
        y = a_row(c, y, [("", d["new"]["town"], 0.65), ("POSTCODE", d["new"]["postcode"], 0.35)])
        y = a_choice(c, y, "ARE YOU THE OWNER OF THE NEW PROPERTY?", ["YES", "NO"], random.Random(path).choice(["YES", "NO"]))
        y = a_section(c, y, "SECTION 5 \u2013 DECLARATION")
        d["decl_date"] = sem["decl"]
        y = a_decl(c, y, "I DECLARE THAT THE INFORMATION GIVEN ON THIS FORM IS TRUE AND COMPLETE TO THE BEST OF MY KNOWLEDGE. "
                         "I UNDERSTAND THAT GIVING FALSE INFORMATION MAY LEAD TO PROSECUTION.*", d)
        y = para(c, AX0, y - 4, "* DATA PROTECTION: YOUR INFORMATION WILL BE USED FOR COUNCIL TAX PURPOSES AND MAY BE SHARED WITH OTHER "
                                "COUNCIL SERVICES TO PREVENT AND DETECT FRAUD.", "Helvetica", 6.2, AX1 - AX0) - 4
        a_office(c, y, ["DATE REC'D", "INPUT BY", "NEW A/C NO.", "CLOSED A/C NO.", "CHECKED"])
        a_footer(c, "CT/22")
    else:
        code = "FORM PK/3"
        c = new_canvas(path, "PK3 Residents parking permit")
        y = a_header(c, code, "RESIDENTS' PARKING PERMIT \u2013 APPLICATION",
                     "PLEASE COMPLETE IN BLOCK CAPITALS. ENCLOSE A COPY OF THE VEHICLE REGISTRATION CERTIFICATE (V5C) AND PROOF "
                     "THAT YOU LIVE AT THE ADDRESS. PERMITS ARE VALID FOR 12 MONTHS FROM THE START DATE.")
        y = a_section(c, y, "SECTION 1 \u2013 APPLICANT")
        y = a_row(c, y, [("TITLE", d["title"], 0.13), ("SURNAME", d["last"], 0.37), ("FORENAMES", d["first"], 0.5)])
        y = a_row(c, y, [("ADDRESS", d["addr"]["addr1"], 1.0)])
        y = a_row(c, y, [("", d["addr"]["town"], 0.65), ("POSTCODE", d["addr"]["postcode"], 0.35)])
        y = a_row(c, y, [("TEL. NO.", d.get("phone", ""), 0.4), ("EMAIL", d.get("email", ""), 0.6)])
        y = a_section(c, y, "SECTION 2 \u2013 VEHICLE")
        y = a_row(c, y, [("REGISTRATION NO.", d.get("vrm", ""), 0.3), ("MAKE / MODEL", d["make"], 0.45),
                         ("COLOUR", d["colour"], 0.25)])
        y = a_choice(c, y, "IS THE VEHICLE REGISTERED (V5C) TO YOU AT THIS ADDRESS?", ["YES", "NO"], "YES")
        y = a_choice(c, y, "IS IT A COMPANY OR LEASE VEHICLE?", ["YES", "NO"], "NO")
        y = a_section(c, y, "SECTION 3 \u2013 PERMIT")
        y = a_row(c, y, [("PERMIT ZONE (AS SHOWN ON THE STREET SIGNS)", d.get("zone", ""), 0.45),
                         ("FEE ENCLOSED", "\u00a348.00", 0.25), ("PAYMENT METHOD", "CARD", 0.30)])
        y = a_dmy(c, y, "PERMIT TO START FROM (NO MORE THAN 4 WEEKS AHEAD)", sem["start"])
        y = a_section(c, y, "SECTION 4 \u2013 DECLARATION")
        d["decl_date"] = sem["decl"]
        y = a_decl(c, y, "I DECLARE THAT I LIVE AT THE ADDRESS ABOVE, THAT THE VEHICLE IS KEPT THERE, AND THAT THE DETAILS ON THIS "
                         "FORM ARE CORRECT. I WILL RETURN THE PERMIT IF I MOVE OR SELL THE VEHICLE.", d)
        y = para(c, AX0, y - 4, "* FEES: \u00a348.00 FIRST PERMIT, \u00a372.00 SECOND PERMIT. A MAXIMUM OF TWO PERMITS IS ISSUED TO EACH "
                                "HOUSEHOLD. A PERMIT DOES NOT GUARANTEE A SPACE.", "Helvetica", 6.2, AX1 - AX0) - 4
        a_office(c, y, ["DATE REC'D", "PERMIT NO.", "ZONE CHECKED", "V5C SEEN", "ISSUED BY"])
        a_footer(c, "PK/3")
    c.showPage()
    c.save()


# ---------------------------------------------------------------- layout B (fillable)
BX0, BXL, BX1 = 40, 215, 555


class BForm:
    def __init__(self, path, ref, title, pages=2):
        self.c = new_canvas(path, title)
        self.ref, self.title, self.pages, self.page, self.n = ref, title, pages, 1, 0

    def header(self, first):
        c = self.c
        if first:
            c.setFillColor(TEAL)
            c.setFont("Helvetica-Bold", 17)
            c.drawString(BX0, H - 52, "Calderbrook")
            c.setFont("Helvetica", 9)
            c.drawString(BX0, H - 64, "Metropolitan Borough Council")
            c.setFillColor(black)
            c.setLineWidth(0.8)
            c.rect(BX1 - 150, H - 68, 150, 30, stroke=1, fill=0)
            c.setFont("Helvetica", 7.5)
            c.drawString(BX1 - 145, H - 49, "Form reference")
            c.setFont("Helvetica-Bold", 10)
            c.drawString(BX1 - 145, H - 62, self.ref)
            c.setFont("Helvetica-Bold", 15)
            c.drawString(BX0, H - 96, self.title)
            return H - 110
        c.setFont("Helvetica", 8)
        c.drawString(BX0, H - 36, f"{self.ref}  \u2013  {self.title} (continued)")
        c.drawRightString(BX1, H - 36, "Calderbrook Council")
        c.line(BX0, H - 41, BX1, H - 41)
        return H - 62

    def footer(self):
        c = self.c
        c.setFont("Helvetica", 7)
        c.drawString(BX0, 26, f"{self.ref}  fillable PDF v4.1  |  calderbrook.gov.uk")
        c.drawRightString(BX1, 26, f"Page {self.page} of {self.pages}")

    def next_page(self):
        self.footer()
        self.c.showPage()
        self.page += 1
        return self.header(False)

    def heading(self, y, text):
        c = self.c
        c.setFont("Helvetica-Bold", 11)
        c.setFillColor(TEAL)
        c.drawString(BX0, y - 12, text)
        c.setFillColor(black)
        return y - 18

    def row(self, y, label, value, size=10):
        c = self.c
        lines = wrap(c, label, "Helvetica", 8.5, BXL - BX0 - 8)
        h = max(22, 11 * len(lines) + 6)
        c.setFillColor(GREY)
        c.rect(BX0, y - h, BXL - BX0, h, stroke=0, fill=1)
        c.setFillColor(black)
        c.setFont("Helvetica", 8.5)
        yy = y - 11
        for ln in lines:
            c.drawString(BX0 + 4, yy, ln)
            yy -= 10.5
        self.n += 1
        c.acroForm.textfield(name=f"f{self.page}_{self.n:02d}", tooltip=label or "continued", value=value or "",
                             x=BXL + 2, y=y - h + 2, width=BX1 - BXL - 2, height=h - 4,
                             fontName="Helvetica", fontSize=size, textColor=INK, fillColor=white,
                             borderColor=Color(0.4, 0.4, 0.4), borderWidth=0.6, forceBorder=True)
        return y - h - 3

    def text(self, y, s, size=8.5, font="Helvetica"):
        return para(self.c, BX0, y - 9, s, font, size, BX1 - BX0, lead=size * 1.3) - 3

    def office(self, y, items):
        c = self.c
        c.setLineWidth(0.6)
        c.rect(BX0, y - 52, BX1 - BX0, 52, stroke=1, fill=0)
        c.setFont("Helvetica-Bold", 8)
        c.drawString(BX0 + 4, y - 11, "Office use only")
        c.setFont("Helvetica", 7.5)
        x = BX0 + 4
        for it in items:
            c.drawString(x, y - 28, it + ":")
            c.rect(x, y - 47, 95, 14, stroke=1, fill=0)
            x += 103
        return y - 58

    def save(self):
        self.footer()
        self.c.showPage()
        self.c.save()


def render_B(path, sem, d):
    t = sem["type"]
    if t == "council_tax_spd":
        f = BForm(path, "CBC/CT/SPD2", "Council Tax Single Person Discount")
        y = f.header(True)
        y = f.text(y, "Use this form to apply for a 25% discount if you are the only adult (aged 18 or over) living in your home. "
                      "You can type into the boxes and print the form, or save it and email it to counciltax@calderbrook.gov.uk. "
                      "Guidance notes are on page 2.")
        y = f.heading(y, "Section A: Your details")
        y = f.row(y, "Council Tax account number", d.get("ref"))
        y = f.row(y, "Full name of applicant", d["name"])
        y = f.row(y, "Address line 1", d["addr"]["addr1"])
        y = f.row(y, "Address line 2", "")
        y = f.row(y, "Town", d["addr"]["town"])
        y = f.row(y, "Postcode", d["addr"]["postcode"])
        y = f.row(y, "Daytime telephone", d.get("phone"))
        y = f.row(y, "Email address", d.get("email"))
        y = f.heading(y - 4, "Section B: About the change")
        y = f.row(y, "Date you became the only adult living at the property", d.get("sole"))
        y = f.row(y, "Name of the adult who has left", d.get("other"))
        y = f.row(y, "Their forwarding address", d.get("fwd"), size=9)
        y = f.row(y, "Tell us what changed", d.get("change"), size=9)
        y = f.next_page()
        y = f.heading(y, "Guidance notes")
        y = f.text(y, "1. Only adults count. Children under 18, full-time students, student nurses, apprentices and some carers "
                      "are ignored when we count adults. If you think someone living with you may be disregarded, ask for form CT/16.")
        y = f.text(y, "2. The discount starts from the date you became the only adult. We can normally only backdate a discount for "
                      "up to 12 months.")
        y = f.text(y, "3. You must tell us within 21 days if another adult moves in. We review all discounts every year.")
        y = f.heading(y - 6, "Section C: Declaration")
        y = f.text(y, "I declare that the information I have given is correct and complete, and that I am the only adult living "
                      "at the property. I understand that the council may check this information against the electoral register "
                      "and credit reference agency data, and that giving false information may lead to prosecution.")
        y = f.row(y, "Signature (type your name)", d["sig"])
        y = f.row(y, "Date", d.get("decl"))
        y = f.office(y - 14, ["Received", "Checked by", "Start date", "Letter sent"])
        f.save()
    else:
        f = BForm(path, "CBC/PK/RP1", "Residents' Parking Permit Application")
        y = f.header(True)
        y = f.text(y, "Complete this form to apply for a residents' parking permit. You must live in a residents' parking zone. "
                      "Each household can have up to two permits. Type into the boxes, then print and sign, or email the form with "
                      "your evidence to parking@calderbrook.gov.uk.")
        y = f.heading(y, "Section 1: About you")
        y = f.row(y, "Full name of applicant", d["name"])
        y = f.row(y, "Address line 1", d["addr"]["addr1"])
        y = f.row(y, "Address line 2", "")
        y = f.row(y, "Town", d["addr"]["town"])
        y = f.row(y, "Postcode", d["addr"]["postcode"])
        y = f.row(y, "Contact telephone", d.get("phone"))
        y = f.row(y, "Email address", d.get("email"))
        y = f.heading(y - 4, "Section 2: The permit")
        y = f.row(y, "Permit zone", d.get("zone"))
        y = f.row(y, "Date you want the permit to start", d.get("start"))
        y = f.row(y, "Permit type", "Resident - 12 months")
        y = f.next_page()
        y = f.heading(y, "Section 3: Your vehicle")
        y = f.row(y, "Vehicle registration number", d.get("vrm"))
        y = f.row(y, "Vehicle make and model", d.get("make"))
        y = f.row(y, "Colour", d.get("colour"))
        y = f.row(y, "Is the vehicle registered to you at this address?", "Yes")
        y = f.heading(y - 4, "Evidence we need")
        y = f.text(y, "- the vehicle registration certificate (V5C) showing your name and this address, or a lease or company "
                      "car letter; and")
        y = f.text(y, "- one proof of address dated in the last 3 months (utility bill, bank statement or "
                      "tenancy agreement).")
        y = f.heading(y - 4, "Section 4: Declaration")
        y = f.text(y, "I declare that I live at the address given, that the vehicle is normally kept there and that the information "
                      "on this form is correct. I understand that a permit may be cancelled if it is misused.")
        y = f.row(y, "Signature (type your name)", d["sig"])
        y = f.row(y, "Date", d.get("decl"))
        y = f.office(y - 14, ["Received", "Evidence seen", "Permit no.", "Issued by"])
        f.save()


# ---------------------------------------------------------------- layout C (numbered questions)
CX0, CX1 = 50, 545


class CForm:
    def __init__(self, path, title, code, intro, dept):
        self.c = new_canvas(path, title)
        self.title, self.code, self.intro, self.dept = title, code, intro, dept
        self.page = 1
        self.notes = []
        self.y = self.header()

    def header(self):
        c = self.c
        c.setFont("Times-Bold", 13)
        c.drawString(CX0, H - 50, "CALDERBROOK COUNCIL")
        c.setFont("Times-Roman", 9)
        c.drawString(CX0, H - 62, self.dept)
        c.setFont("Times-Roman", 9)
        c.drawRightString(CX1, H - 50, f"Form {self.code}")
        c.setLineWidth(1.2)
        c.line(CX0, H - 70, CX1, H - 70)
        if self.page == 1:
            c.setFont("Times-Bold", 15)
            c.drawString(CX0, H - 92, self.title)
            return para(c, CX0, H - 108, self.intro, "Times-Italic", 9.5, CX1 - CX0) - 4
        return H - 88

    def footer(self, last=False):
        c = self.c
        y = 58
        c.setLineWidth(0.4)
        c.line(CX0, y + 10 + 10 * len(self.notes), CX0 + 120, y + 10 + 10 * len(self.notes))
        yy = y + 10 * len(self.notes)
        for n in self.notes:
            c.setFont("Times-Roman", 7.8)
            c.drawString(CX0, yy, n)
            yy -= 10
        c.setFont("Times-Roman", 7.5)
        c.drawCentredString(W / 2, 30, f"Calderbrook Council \u00b7 {self.dept} \u00b7 {self.code}")
        c.drawRightString(CX1, 30, f"Page {self.page}")

    def need(self, h):
        if self.y - h < 70 + 10 * len(self.notes):
            self.footer()
            self.c.showPage()
            self.page += 1
            self.y = self.header()

    def q(self, num, question, answers):
        answers = answers if isinstance(answers, list) else [answers]
        self.need(18 + 16 * len(answers))
        c = self.c
        c.setFont("Times-Bold", 10.5)
        c.drawString(CX0, self.y - 12, f"Q{num}")
        c.setFont("Times-Roman", 10.5)
        c.drawString(CX0 + 26, self.y - 12, question)
        y = self.y - 14
        for a in answers:
            y -= 15
            c.setDash(1, 2)
            c.setLineWidth(0.5)
            c.line(CX0 + 26, y - 2, CX1, y - 2)
            c.setDash()
            if a:
                c.setFillColor(INK)
                c.setFont("Courier", 10.5)
                c.drawString(CX0 + 30, y + 1, a)
                c.setFillColor(black)
        self.y = y - 7

    def heading(self, text):
        self.need(30)
        c = self.c
        c.setFont("Times-Bold", 11.5)
        c.drawString(CX0, self.y - 14, text)
        self.y -= 20

    def declaration(self, text, sig, date):
        self.need(110)
        c = self.c
        self.heading("Declaration **")
        self.y = para(c, CX0, self.y - 6, text, "Times-Roman", 10, CX1 - CX0) - 4
        h = 40
        wh = (CX1 - CX0) / 2
        c.setLineWidth(0.7)
        c.rect(CX0, self.y - h, wh * 1.25, h, stroke=1, fill=0)
        c.rect(CX0 + wh * 1.25, self.y - h, wh * 0.75, h, stroke=1, fill=0)
        c.setFont("Times-Roman", 8.5)
        c.drawString(CX0 + 4, self.y - 10, "Signature")
        c.drawString(CX0 + wh * 1.25 + 4, self.y - 10, "Date")
        c.setFillColor(INK)
        c.setFont("Times-Italic", 15)
        c.drawString(CX0 + 18, self.y - h + 9, sig)
        if date:
            c.setFont("Courier", 10.5)
            c.drawString(CX0 + wh * 1.25 + 10, self.y - h + 10, date)
        c.setFillColor(black)
        self.y -= h + 8

    def office(self):
        self.need(40)
        c = self.c
        c.setFillColor(LIGHT)
        c.rect(CX0, self.y - 30, CX1 - CX0, 30, stroke=0, fill=1)
        c.setFillColor(black)
        c.setFont("Times-Bold", 8.5)
        c.drawString(CX0 + 5, self.y - 12, "OFFICIAL USE")
        c.setFont("Times-Roman", 8.5)
        c.drawString(CX0 + 5, self.y - 25, "Date stamp: ____________   Ref: ______________   Action: ______________   Initials: ______")
        self.y -= 36

    def save(self):
        self.footer(True)
        self.c.showPage()
        self.c.save()


def render_C(path, sem, d):
    t = sem["type"]
    A = lambda k: d.get(k, "")
    if t == "council_tax_spd":
        f = CForm(path, "Single Person Discount \u2013 Application", "CT SPD/1",
                  "Please answer the questions below. Questions marked * must be answered. Type or write clearly in black ink.",
                  "Council Tax Section")
        f.notes = ["* This question must be answered or we cannot process your application.",
                   "** We may check the information you give us with other records we hold, including the electoral register."]
        f.heading("Part 1 \u2013 You and your home")
        f.q(1, "Council Tax account number *", A("ref"))
        f.q(2, "Your full name *", A("name"))
        f.q(3, "Address of the property you are claiming for *", [d["addr"]["addr1"], d["addr"]["town"]])
        f.q(4, "Postcode *", d["addr"]["postcode"])
        f.heading("Part 2 \u2013 The change")
        f.q(5, "From what date have you been the only adult (18 or over) living there? *", A("sole"))
        f.q(6, "Name of the adult who has left", A("other"))
        f.q(7, "Their new address, if you know it", A("fwd"))
        f.q(8, "Tell us what changed", A("change"))
        f.heading("Part 3 \u2013 Contact details")
        f.q(9, "Telephone number", A("phone"))
        f.q(10, "Email address", A("email"))
        f.declaration("I certify that the information I have given on this form is true and complete. I am the only adult living "
                      "at this address and I will tell the council within 21 days if this changes.", d["sig"], d.get("decl"))
        f.office()
        f.save()
    elif t == "council_tax_move":
        f = CForm(path, "Council Tax \u2013 Tell Us You Are Moving", "CT MV/2",
                  "Complete this form if you are moving into or out of a property in Calderbrook. Answer every question "
                  "marked *. If a question does not apply to you, leave it blank.", "Council Tax Section")
        f.notes = ["* Must be answered.",
                   "** Required if you are moving out. Your reference is the 8-digit number at the top of your bill."]
        f.q(1, "Moving in or out? *", "In" if d["move_type"] == "in" else "Out")
        f.q(2, "Your reference (Council Tax account number) **", A("ref"))
        f.q(3, "Name(s) *", A("name"))
        pv = d.get("prev", {"addr1": "", "town": "", "postcode": ""})
        f.q(4, "Address you are leaving", [pv["addr1"], pv["town"]])
        f.q(5, "Postcode of the address you are leaving", pv["postcode"])
        f.q(6, "Your new address (if moving out, your forwarding address)", [d["new"]["addr1"], d["new"]["town"]])
        f.q(7, "Postcode of your new address", d["new"]["postcode"])
        f.q(8, "From what date does this change take effect? *", A("move_date"))
        f.q(9, "Daytime phone number", A("phone"))
        f.q(10, "Email address", A("email"))
        f.declaration("I certify that the details given on this form are correct to the best of my knowledge. I understand "
                      "that I may be liable for council tax until the date I have given.", d["sig"], d.get("decl"))
        f.office()
        f.save()
    else:
        f = CForm(path, "Residents' Parking Permit Application", "PS3/26",
                  "Use this form to apply for a permit to park in a residents' parking zone. Please answer all questions marked *. "
                  "Send it with your V5C and proof of address to Parking Services.", "Parking Services")
        f.notes = ["* Must be answered. Zones are shown on the signs at the entrance to each street (e.g. A, B, C1).",
                   "** A permit is valid for 12 months. We will refuse applications from addresses outside the zone."]
        f.heading("About you")
        f.q(1, "Full name of applicant *", A("name"))
        f.q(2, "Address of the property where you live *", [d["addr"]["addr1"], d["addr"]["town"]])
        f.q(3, "Postcode *", d["addr"]["postcode"])
        f.q(4, "Permit zone *", A("zone"))
        f.heading("About the vehicle")
        f.q(5, "Reg. no. *", A("vrm"))
        f.q(6, "Make and model", A("make"))
        f.q(7, "When should the permit start? *", A("start"))
        f.heading("Contact")
        f.q(8, "Telephone", A("phone"))
        f.q(9, "Email", A("email"))
        f.declaration("I certify that I live at the address above, that the vehicle is kept there, and that the information "
                      "I have given is correct.", d["sig"], d.get("decl"))
        f.office()
        f.save()


# ---------------------------------------------------------------- layout D (browser print)
DX0, DX1 = 48, 547


class Browser:
    def __init__(self, path, page_title, url, printed):
        self.c = new_canvas(path, page_title, author="")
        self.pt, self.url, self.printed = page_title, url, printed
        self.page = 1
        self.pages_total = None
        self.y = self.chrome()

    def chrome(self):
        c = self.c
        c.setFont("Helvetica", 7.5)
        c.setFillColor(black)
        c.drawString(22, H - 20, self.printed)
        c.drawCentredString(W / 2, H - 20, self.pt)
        return H - 40

    def chrome_foot(self, total):
        c = self.c
        c.setFont("Helvetica", 7.5)
        c.drawString(22, 16, self.url)
        c.drawRightString(W - 22, 16, f"{self.page}/{total}")

    def need(self, h):
        if self.y - h < 40:
            self._pages.append(self.page)
            self.chrome_foot(self.total)
            self.c.showPage()
            self.page += 1
            self.y = self.chrome() - 10


def gov_page(path, sem, d, caption, url, sections, send_text):
    printed = f"{d['received'].strftime('%d/%m/%Y')}, {9 + len(path) % 8:02d}:{(len(path) * 7) % 60:02d}"
    # two passes: count pages first
    for pass_ in (0, 1):
        target = path if pass_ else path + ".tmp"
        b = Browser(target, f"Check your answers \u2013 {caption} \u2013 Calderbrook Council", url, printed)
        b._pages = []
        b.total = gov_page._total if pass_ else 1
        c = b.c

        def foot_all():
            pass
        c.setFillColor(black)
        c.rect(0, b.y - 34, W, 34, stroke=0, fill=1)
        c.setFillColor(white)
        c.setFont("Helvetica-Bold", 15)
        c.drawString(DX0, b.y - 23, "Calderbrook Council")
        c.setFillColor(TEAL)
        c.rect(0, b.y - 38, W, 4, stroke=0, fill=1)
        b.y -= 52
        c.setFillColor(LINK)
        c.setFont("Helvetica-Bold", 7.5)
        c.drawString(DX0, b.y, "BETA")
        c.setFillColor(black)
        c.setFont("Helvetica", 8.5)
        c.drawString(DX0 + 30, b.y, "This is a new service \u2013 your feedback will help us to improve it.")
        b.y -= 22
        c.setFont("Helvetica", 9)
        c.drawString(DX0, b.y, "\u2039 Back")
        b.y -= 26
        c.setFillColor(Color(0.31, 0.35, 0.38))
        c.setFont("Helvetica", 12)
        c.drawString(DX0, b.y, caption)
        c.setFillColor(black)
        b.y -= 26
        c.setFont("Helvetica-Bold", 21)
        c.drawString(DX0, b.y, "Check your answers before sending")
        b.y -= 24
        c.drawString(DX0, b.y, "your application")
        b.y -= 14
        for head, rows in sections:
            b.need(60)
            b.y -= 26
            c.setFont("Helvetica-Bold", 14)
            c.drawString(DX0, b.y, head)
            b.y -= 10
            for key, val in rows:
                vals = val if isinstance(val, list) else [val]
                klines = wrap(c, key, "Helvetica-Bold", 10, 165)
                vlines = []
                for v in vals:
                    vlines += wrap(c, v, "Helvetica", 10, 215)
                h = max(len(klines), len(vlines)) * 13 + 14
                b.need(h)
                yy = b.y - 16
                c.setFont("Helvetica-Bold", 10)
                for ln in klines:
                    c.drawString(DX0, yy, ln)
                    yy -= 13
                yy = b.y - 16
                c.setFont("Helvetica", 10)
                for ln in vlines:
                    c.drawString(DX0 + 175, yy, ln)
                    yy -= 13
                c.setFillColor(LINK)
                c.drawRightString(DX1, b.y - 16, "Change")
                wch = c.stringWidth("Change", "Helvetica", 10)
                c.setStrokeColor(LINK)
                c.setLineWidth(0.6)
                c.line(DX1 - wch, b.y - 18, DX1, b.y - 18)
                c.setStrokeColor(Color(0.69, 0.71, 0.72))
                c.line(DX0, b.y - h, DX1, b.y - h)
                c.setStrokeColor(black)
                c.setFillColor(black)
                b.y -= h
        b.need(120)
        b.y -= 30
        c.setFont("Helvetica-Bold", 14)
        c.drawString(DX0, b.y, "Now send your application")
        b.y -= 6
        b.y = para(c, DX0, b.y - 12, send_text, "Helvetica", 10, DX1 - DX0, lead=13)
        b.y -= 8
        c.setFillColor(Color(0.0, 0.44, 0.24))
        c.rect(DX0, b.y - 26, 130, 28, stroke=0, fill=1)
        c.setFillColor(white)
        c.setFont("Helvetica", 11)
        c.drawString(DX0 + 12, b.y - 16, "Accept and send")
        c.setFillColor(black)
        b._pages.append(b.page)
        total_pages = b.page
        if pass_ == 0:
            c.showPage()
            c.save()
            os.remove(target)
            gov_page._total = total_pages
            continue
        # footers need the total: redraw by writing footer on the last page only is not enough, so
        # we draw the footer on each page as we go in pass 1 using the count from pass 0
        b.chrome_foot(gov_page._total)
        c.showPage()
        c.save()



def render_D(path, sem, d):
    t = sem["type"]

    def addr_lines(a):
        return [a["addr1"], a["town"], a["postcode"]]

    if t == "council_tax_spd":
        sec1 = [("Council Tax account number", d["ref"]), ("Full name", d["name"]), ("Address", addr_lines(d["addr"]))]
        if d.get("phone"):
            sec1.append(("Phone number", d["phone"]))
        if d.get("email"):
            sec1.append(("Email address", d["email"]))
        sec2 = [("Date you became the only adult living there", d["sole"])]
        if d.get("other"):
            sec2.append(("Name of the adult who left", d["other"]))
        if d.get("fwd"):
            sec2.append(("Their new address", d["fwd"]))
        if d.get("change"):
            sec2.append(("What changed", d["change"]))
        sec3 = [("Declaration", "I confirm the information I have given is true"), ("Date of declaration", d["decl"])]
        gov_page(path, sem, d, "Apply for a single person discount",
                 "https://forms.calderbrook.gov.uk/council-tax/single-person-discount/check-answers",
                 [("Your details", sec1), ("Your household", sec2), ("Declaration", sec3)],
                 "By sending this application you are confirming that, to the best of your knowledge, the details you are "
                 "providing are correct. You must tell us within 21 days if another adult moves in.")
    else:
        sec1 = [("Are you moving in or moving out?", "Moving in" if d["move_type"] == "in" else "Moving out"),
                ("Date of your move", d["move_date"])]
        if d.get("ref"):
            sec1.append(("Council Tax account number", d["ref"]))
        sec1.append(("Full name", d["name"]))
        if d.get("phone"):
            sec1.append(("Phone number", d["phone"]))
        if d.get("email"):
            sec1.append(("Email address", d["email"]))
        sec2 = []
        if d["move_type"] == "out":
            sec2.append(("Address you are moving out of", addr_lines(d["prev"])))
            sec2.append(("Forwarding address", addr_lines(d["new"])))
        else:
            sec2.append(("Address you are moving into", addr_lines(d["new"])))
            if d.get("prev"):
                sec2.append(("Your previous address", addr_lines(d["prev"])))
        sec3 = [("Declaration", "I confirm the information I have given is true"), ("Date of declaration", d["decl"])]
        gov_page(path, sem, d, "Tell us you're moving home",
                 "https://forms.calderbrook.gov.uk/council-tax/moving-home/check-answers",
                 [("About your move", sec1), ("Addresses", sec2), ("Declaration", sec3)],
                 "By sending this form you are confirming that the details you have given are correct. We will send you a "
                 "final or new bill within 10 working days.")


# ---------------------------------------------------------------- correspondence
def corr_fields(cc):
    tf = {"topic": cc["topic"]}
    if cc["sender"]:
        tf["sender_name"] = cc.get("name_written") or full(cc["sender"])
    if cc["prop"]:
        tf["address"] = cc["prop"]["addr1"]
        tf["postcode"] = cc["prop"]["postcode"]
    if cc["ref"]:
        tf["account_ref"] = cc["ref"]
    if cc["dates"]:
        tf["dates_mentioned"] = [x.isoformat() for x in cc["dates"]]
    paras = cc["paras"][:-1] if cc["layout"] == "D" else cc["paras"]   # an email's last line is its sign-off
    tf["body"] = re.sub(r"\s+", " ", " ".join(paras)).strip()
    return tf


def render_letter(path, cc):
    c = new_canvas(path, "Scanned letter", author="")
    rr = random.Random(path)
    c.setFont("Times-Roman", 11.5)
    y = H - 60
    if cc["prop"]:
        p = cc["prop"]
        for ln in [p["addr1"], p["town"], p["postcode"]]:
            c.drawRightString(W - 65, y, ln)
            y -= 14
    y -= 8
    ld = days(-rr.randint(3, 9)) if not cc["dates"] else max(cc["dates"][-1] + dt.timedelta(days=2), days(-9))
    ld = min(ld, days(-1))
    c.drawRightString(W - 65, y, fmt_date(ld, rr.choice(["d Month yyyy", "dth Month yyyy"])))
    y -= 30
    rec = {"missed_bin": "Waste and Recycling Services", "council_tax_query": "Council Tax Section",
           "complaint": "Customer Feedback Team", "foi_request": "Information Governance Officer"}.get(cc["topic"], "Customer Services")
    for ln in [rec, "Calderbrook Metropolitan Borough Council", "Town Hall", "Northgate", "Calderbrook", "CB1 2HT"]:
        c.drawString(65, y, ln)
        y -= 14
    y -= 18
    c.drawString(65, y, "Dear Sir or Madam,")
    y -= 24
    c.setFont("Times-Bold", 11.5)
    c.drawString(65, y, "Re: " + cc["subject"])
    y -= 22
    for ptxt in cc["paras"]:
        y = para(c, 65, y, ptxt, "Times-Roman", 11.5, W - 130, lead=14.5) - 8
    y -= 6
    c.setFont("Times-Roman", 11.5)
    c.drawString(65, y, "Yours faithfully," if cc["sender"] else "From")
    y -= 16
    if cc["sender"]:
        c.setFillColor(INK)
        c.setFont("Times-Italic", 17)
        c.drawString(75, y - 14, f"{cc['sender']['first'][0]} {cc['sender']['last']}")
        c.setFillColor(black)
        y -= 34
        c.setFont("Times-Roman", 11.5)
        c.drawString(65, y, cc.get("name_written") or full(cc["sender"]))
    else:
        c.drawString(65, y, cc.get("signoff", ""))
    c.showPage()
    c.save()


def render_email(path, cc):
    sent = cc["sent"]
    wd = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][sent.weekday()]
    b = Browser(path, f"Mail - {cc['subject']} - Outlook", "https://outlook.office.com/mail/inbox/id/AAQkADc3YjFh"
                f"{len(cc['subject']):04d}", f"{min(sent + dt.timedelta(days=1), ASOF).strftime('%d/%m/%Y')}, 08:{len(cc['subject']) % 60:02d}")
    b._pages = []
    c = b.c
    team = {"missed_bin": "Waste Services <waste@calderbrook.gov.uk>", "council_tax_query": "Council Tax <counciltax@calderbrook.gov.uk>",
            "foi_request": "FOI <foi@calderbrook.gov.uk>"}.get(cc["topic"], "Customer Services <contactus@calderbrook.gov.uk>")
    y = b.y - 14
    c.setFont("Helvetica-Bold", 15)
    c.drawString(DX0, y, cc["subject"])
    y -= 26
    s = cc["sender"]
    addr_email = cc.get("addr_email") or email_for({"first": s["first"], "last": s["last"]})
    c.setFont("Helvetica-Bold", 10)
    c.drawString(DX0, y, "From:")
    c.setFont("Helvetica", 10)
    c.drawString(DX0 + 48, y, f"{s['first']} {s['last']} <{addr_email}>")
    y -= 14
    c.setFont("Helvetica-Bold", 10)
    c.drawString(DX0, y, "Sent:")
    c.setFont("Helvetica", 10)
    c.drawString(DX0 + 48, y, f"{wd}, {sent.day} {MONTHS[sent.month - 1]} {sent.year} {10 + len(cc['subject']) % 7}:{len(cc['subject']) * 3 % 60:02d}")
    y -= 14
    c.setFont("Helvetica-Bold", 10)
    c.drawString(DX0, y, "To:")
    c.setFont("Helvetica", 10)
    c.drawString(DX0 + 48, y, team)
    y -= 10
    c.setStrokeColor(Color(0.7, 0.7, 0.7))
    c.line(DX0, y, DX1, y)
    c.setStrokeColor(black)
    y -= 22
    c.setFont("Helvetica", 10.5)
    c.drawString(DX0, y, cc["greeting"])
    y -= 20
    for ptxt in cc["paras"][:-1]:
        y = para(c, DX0, y, ptxt, "Helvetica", 10.5, DX1 - DX0, lead=14) - 8
    c.setFont("Helvetica", 10.5)
    c.drawString(DX0, y, cc["paras"][-1])
    y -= 14
    sig = [f"{s['first']} {s['last']}"]
    if cc.get("org"):
        sig.append(cc["org"])
    if cc["prop"]:
        sig += [cc["prop"]["addr1"], cc["prop"]["town"], cc["prop"]["postcode"]]
    for ln in sig:
        c.drawString(DX0, y, ln)
        y -= 14
    b.chrome_foot(1)
    c.showPage()
    c.save()


# --------------------------------------------------------------------------
# write everything
# --------------------------------------------------------------------------
def write_records(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "properties"
    ws.append(["uprn", "address_line_1", "address_line_2", "town", "postcode", "council_tax_band", "ward", "parking_zone"])
    for p in PROPS:
        ws.append([p["uprn"], p["addr1"], p["addr2"] or None, p["town"], p["postcode"], p["band"], p["ward"], p["zone"] or None])
    ws = wb.create_sheet("council_tax_accounts")
    ws.append(["account_ref", "uprn", "liable_parties", "status", "start_date", "end_date", "discounts"])
    for a in sorted(ACCOUNTS, key=lambda a: a["account_ref"]):
        ws.append([a["account_ref"], a["uprn"], a["liable_parties"], a["status"], a["start_date"], a["end_date"], a["discounts"] or None])
        ws.cell(ws.max_row, 1).number_format = "@"
        ws.cell(ws.max_row, 5).number_format = "yyyy-mm-dd"
        ws.cell(ws.max_row, 6).number_format = "yyyy-mm-dd"
    ws = wb.create_sheet("electoral_register")
    ws.append(["elector_number", "full_name", "uprn"])
    for e in sorted(ELECTORS, key=lambda e: e["elector_number"]):
        ws.append([e["elector_number"], e["full_name"], e["uprn"]])
    ws = wb.create_sheet("parking_permits")
    ws.append(["permit_ref", "uprn", "vrm", "zone", "valid_from", "valid_to"])
    for x in sorted(PERMITS, key=lambda x: x["permit_ref"]):
        ws.append([x["permit_ref"], x["uprn"], x["vrm"], x["zone"], x["valid_from"], x["valid_to"]])
        ws.cell(ws.max_row, 5).number_format = "yyyy-mm-dd"
        ws.cell(ws.max_row, 6).number_format = "yyyy-mm-dd"
    for s in wb.worksheets:
        for col, wdt in zip("ABCDEFGH", [16, 26, 24, 16, 14, 14, 26, 12]):
            s.column_dimensions[col].width = wdt
    fixed = dt.datetime(2026, 12, 4, 17, 30, 0)
    wb.properties.created = fixed
    wb.properties.modified = fixed
    wb.properties.creator = "CMBC Revenues extract"
    wb.save(path)
    # make the zip byte-for-byte reproducible
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            if name == "docProps/core.xml":   # openpyxl stamps the save time as "modified"
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2026-12-04T17:30:00Z", data)
            zi = zipfile.ZipInfo(name, date_time=(2026, 12, 4, 17, 30, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


def main():
    if os.path.isdir(INBOX):
        shutil.rmtree(INBOX)
    os.makedirs(INBOX)
    items = [("form", s) for s in FORMS] + [("corr", cc) for cc in CORR]
    order = list(range(len(items)))
    R.shuffle(order)
    rows = []
    dup_seen = 0
    for k, idx in enumerate(order):
        kind, obj = items[idx]
        fname = f"doc_{k + 1:04d}.pdf"
        path = os.path.join(INBOX, fname)
        if kind == "form":
            d, tf = present(obj)
            {"A": render_A, "B": render_B, "C": render_C, "D": render_D}[obj["layout"]](path, obj, d)
            row = {"file": fname, "form_type": obj["type"], "fields": tf}
            reasons = check(row)
            scn = obj["scenario"].split(":")[0] if not obj["scenario"].startswith(("MISSING", "INVALID")) else obj["scenario"]
            if obj["scenario"] == "DUP":
                assert reasons == [], (fname, reasons)
                row.update(outcome="duplicate_pair", reasons=[], duplicate_group="dup-1")
            elif scn == "clean":
                assert reasons == [], (fname, obj["scenario"], reasons)
                row.update(outcome="approved", reasons=[])
            else:
                assert reasons == [scn], (fname, obj["scenario"], reasons)
                row.update(outcome="exception", reasons=reasons)
            row["layout"] = LAYOUT_NAME[obj["layout"]]
        else:
            if obj["layout"] == "E":
                render_letter(path, obj)
            else:
                render_email(path, obj)
            tf = corr_fields(obj)
            row = {"file": fname, "form_type": "correspondence", "fields": tf,
                   "outcome": "exception" if obj["reasons"] else "approved", "reasons": obj["reasons"],
                   "layout": LAYOUT_NAME[obj["layout"]]}
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
    with open(os.path.join(HERE, "truth.jsonl"), "w") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    write_records(os.path.join(HERE, "records.xlsx"))
    write_readme(rows)
    return rows


def write_readme(rows):
    from collections import Counter
    cnt = Counter((r["form_type"], r["outcome"]) for r in rows)
    types = ["council_tax_spd", "council_tax_move", "parking_permit", "correspondence"]
    table = ["| form type | approved | exception | duplicate_pair | total |", "| --- | --- | --- | --- | --- |"]
    for t in types:
        a, e, d = cnt[(t, "approved")], cnt[(t, "exception")], cnt[(t, "duplicate_pair")]
        table.append(f"| {t} | {a} | {e} | {d} | {a + e + d} |")
    lay = Counter((r["layout"], r["form_type"]) for r in rows)
    laytab = ["| layout | form types (count) |", "| --- | --- |"]
    for ln in sorted(set(r["layout"] for r in rows)):
        laytab.append(f"| {ln} | " + ", ".join(f"{t} ({lay[(ln, t)]})" for t in types if lay[(ln, t)]) + " |")
    rc = Counter(x for r in rows for x in r["reasons"])
    text = f"""# Blind set 35 - Calderbrook Metropolitan Borough Council

Calderbrook MBC is an invented metropolitan borough in West Yorkshire (towns Calderbrook, Sowerthwaite,
Netherclough, Brackenholme; made-up postcodes CB1-CB6 in the gazetteer, CB7-CB9 for places outside it).
Its paper forms come from a print supplier (Pennine Business Forms); it also has a fillable PDF, an online
GOV.UK-style service whose answers pages residents print, and it receives letters and emails.

**As-of date: 2026-12-07** (every date check was computed against it; run with `--as-of 2026-12-07`).

Files: `records.xlsx` (records.md layout: properties, council_tax_accounts, electoral_register,
parking_permits), `inbox/doc_0001.pdf` ... `doc_{len(rows):04d}.pdf` (shuffled, names say nothing),
`truth.jsonl`, `gen.py` (deterministic, seed {SEED}; `python gen.py` rebuilds everything byte for byte).

## Layouts

- **cb_caps_compact** - the print supplier's compact one-page forms (CT/14 single person discount, CT/22 change
  of address, PK/3 parking permit): ALL-CAPS labels printed at the top-left of ruled cells, answers typed in
  capitals in a blue-black typewriter font, separate TITLE / SURNAME / FORENAMES cells, Day/Month/Year digit
  boxes, inline `YES [ ] NO [X]` and `IN [ ] OUT [X]` tick boxes, shaded section bars, asterisk footnotes,
  signature and date side by side, dashed office-use box.
- **cb_fillable_shaded_2page** - the council's fillable PDF (CBC/CT/SPD2 and CBC/PK/RP1): two pages, labels in
  a narrow shaded left column, answers are AcroForm text-field values in the cell to the right (not page text);
  page 2 repeats the form reference in a running header; guidance notes, declaration, typed signature, office box.
- **cb_numbered_questions** - serif forms (CT SPD/1, CT MV/2, PS3/26) with questions numbered Q1..Q10 and
  each answer typed on the dotted line(s) below; `*` / `**` footnotes at the foot of the page; "I certify
  that..." declaration with Signature and Date cells side by side; grey "OFFICIAL USE" strip.
- **cb_browser_print** - pages printed from a web browser (date/time and page title at the top, URL and
  page x/y at the bottom): the online service's GOV.UK-style "Check your answers before sending your
  application" summary (bold question, answer, blue "Change" link, addresses on three lines: line 1, town,
  postcode) for SPD and moving home; and emails from residents printed from Outlook on the web.
- **cb_posted_letter** - typed letters from residents: sender address top right, letter date, council's address
  block, "Dear Sir or Madam", "Re:" line, body, "Yours faithfully", signature and typed name.

{chr(10).join(laytab)}

## Counts

{chr(10).join(table)}

Reason codes: {", ".join(f"{k} x{v}" for k, v in sorted(rc.items()))}.

Every exception was built to fail exactly one check, so `reasons` has one code; `gen.py` recomputes each
form's reasons from the records it writes and asserts they equal the planned ones. Every form uses its own
property, account and vehicle, so no approved action (discount, closure, new account, permit) changes
another form's outcome, and no form other than the pair is a duplicate of another.
`split` is `learn` on the first two approved files (in file-name order) of each layout and form type, `test`
on everything else.

## Truth conventions

- Names are recorded as written on the page, whitespace collapsed. On cb_caps_compact the name is written in
  three cells; `applicant_name` joins TITLE, FORENAMES and SURNAME in that order with single spaces, in the
  capitals the resident used (e.g. `MRS JANE SMITH`; no title when the TITLE cell is blank). Titles written
  elsewhere are kept (`Dr Paul Rhodes`). The signature (e.g. `J. Smith`) is not a field.
- On cb_caps_compact every answer except e-mail addresses is in capitals, so `address`, `other_adult_name`,
  `change_description`, `vehicle_make` and the forwarding address are upper case in the truth, as written.
- `address`, `previous_address`, `new_address` = the first line of the address only (house number/name and
  street), as written; the town line is not recorded. Postcodes are normalised (upper case, one space) even
  when written `cb4 7qt` or `CB47QT`; on the browser pages the postcode is the third line of the address.
- `other_adult_forwarding_address` is the whole one-line answer as written (street, town and postcode).
- `vehicle_make` is the whole make-and-model answer (e.g. `Ford Focus`); colour is not a field.
- Day/Month/Year digit boxes, `1/3/2025`, `1st March 2025`, `March 1, 2025` etc. are all given as ISO dates.
- `move_type` is `in`/`out` from the IN/OUT tick box, the answer `In`/`Out` to "Moving in or out?", or
  "Moving in"/"Moving out" on the browser page. A move-in form has no account reference; its "address you are
  leaving" is recorded as `previous_address`/`previous_postcode` when the resident filled it in.
- `account_ref` is normalised to 8 digits from `6123 4567`, `6123-4567` or `CT61234567`.
- A blank box or line, or a row the browser page does not show, means the field is absent from `fields`.
  `MISSING_FIELD:` exceptions are a required answer left blank on an otherwise complete form.
- The duplicate pair is the same resident sending the same single person discount claim twice (fillable PDF and
  online); both rows have `outcome` `duplicate_pair`, `reasons` `[]`, `duplicate_group` `dup-1`.
- Correspondence: `body` is the message between the salutation/greeting line and the sign-off, with paragraphs
  joined by single spaces; the letter's address blocks, date and "Re:" line, the e-mail's From/Sent/To/subject
  header, "Yours faithfully"/"Kind regards" and the signature block are not part of it. `dates_mentioned` lists
  the dates written in the body, in order (the letter's own date and the e-mail's sent/printed date are not
  included). `sender_name` is the typed name under the signature (letters) or in the e-mail signature;
  `address`/`postcode` come from the letter's sender address block or the e-mail signature; `account_ref`
  is any council tax reference quoted. An anonymous letter has no `sender_name` (SENDER_UNKNOWN); an e-mail
  from a journalist with no postal address or account is SENDER_UNKNOWN; an e-mail quoting a reference that
  does not exist (sender address does match) is ACCOUNT_NOT_FOUND. Topics were written to be unambiguous.
- No file is quarantined or of unknown type.
"""
    with open(os.path.join(HERE, "README.md"), "w") as fh:
        fh.write(text)


if __name__ == "__main__":
    rows = main()
    from collections import Counter
    print(Counter((r["form_type"], r["outcome"]) for r in rows))
    print(Counter((r["layout"], r["form_type"], r["split"]) for r in rows if r["split"] == "learn"))
