#!/usr/bin/env python3
"""Blind test set 45: Saltmarsh and Wend District Council.

Deterministic generator (seed 45045). Writes, next to itself:
  records.xlsx, inbox/doc_NNNN.pdf, truth.jsonl
Run with any Python that has reportlab and openpyxl.
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
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 45045
AS_OF = dt.date(2026, 12, 7)
BACKDATE = 365
FORWARD = 28
CAP = 2
R = random.Random(SEED)
D = dt.date

COUNCIL = "Saltmarsh and Wend District Council"
COUNCIL_ADDR = ["Council Offices", "Market Hill", "Wendham", "SW1 9ZZ"]
TEAL = colors.Color(0.05, 0.42, 0.45)
NAVY = colors.Color(0.10, 0.18, 0.36)
GREY = colors.Color(0.90, 0.90, 0.90)

# --------------------------------------------------------------------------
# normal forms and formatting helpers
# --------------------------------------------------------------------------
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def ordinal(n):
    if 10 <= n % 100 <= 20:
        suf = "th"
    else:
        suf = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suf}"


def fmt_date(d, style):
    if style == "slash":
        return d.strftime("%d/%m/%Y")
    if style == "slash_short":
        return f"{d.day}/{d.month}/{d.year}"
    if style == "dash":
        return d.strftime("%d-%m-%Y")
    if style == "dot":
        return d.strftime("%d.%m.%Y")
    if style == "long":
        return f"{d.day} {MONTHS[d.month-1]} {d.year}"
    if style == "ord":
        return f"{ordinal(d.day)} {MONTHS[d.month-1]} {d.year}"
    if style == "us":
        return f"{MONTHS[d.month-1]} {d.day}, {d.year}"
    if style == "iso":
        return d.isoformat()
    if style == "day_long":
        return f"{DAYS[d.weekday()]} {d.day} {MONTHS[d.month-1]} {d.year}"
    raise ValueError(style)


DATE_STYLES = ["slash", "slash", "slash_short", "dash", "dot", "long", "ord", "us", "iso"]


def rdate_style(rng, pool=None):
    return rng.choice(pool or DATE_STYLES)


def fmt_ref(ref, style):
    if style == "plain":
        return ref
    if style == "space":
        return ref[:4] + " " + ref[4:]
    if style == "dash":
        return ref[:4] + "-" + ref[4:]
    if style == "ct":
        return "CT" + ref
    if style == "ct_space":
        return "CT " + ref
    raise ValueError(style)


def fmt_pc(pc, style):
    if style == "norm":
        return pc
    if style == "lower":
        return pc.lower()
    if style == "nospace":
        return pc.replace(" ", "")
    raise ValueError(style)


def fmt_vrm(v, style):
    # v normalised; display with a space in the conventional place
    m = re.match(r"^([A-Z]{2}[0-9]{2})([A-Z]{3})$", v)
    if m:
        spaced = m.group(1) + " " + m.group(2)
    else:
        m = re.match(r"^([A-Z][0-9]{1,3})([A-Z]{3})$", v)
        if m:
            spaced = m.group(1) + " " + m.group(2)
        else:
            m = re.match(r"^([A-Z]{3})([0-9]{1,3}[A-Z])$", v)
            spaced = (m.group(1) + " " + m.group(2)) if m else v
    if style == "spaced":
        return spaced
    if style == "plain":
        return v
    if style == "lower":
        return spaced.lower()
    raise ValueError(style)


TITLES = {"mr", "mrs", "ms", "miss", "dr", "mx"}


def norm_name(n):
    parts = n.replace(".", "").split()
    if parts and parts[0].lower() in TITLES:
        parts = parts[1:]
    return " ".join(parts).lower()


def norm_addr(a):
    return " ".join(re.sub(r"[^A-Za-z0-9 ]", " ", a).lower().split())


VRM_RES = [re.compile(r"^[A-Z]{2}[0-9]{2}[A-Z]{3}$"),
           re.compile(r"^[A-Z][0-9]{1,3}[A-Z]{3}$"),
           re.compile(r"^[A-Z]{3}[0-9]{1,3}[A-Z]$")]


def vrm_valid(v):
    return any(r.match(v) for r in VRM_RES)


# --------------------------------------------------------------------------
# people
# --------------------------------------------------------------------------
FIRST_F = ["Jane", "Susan", "Karen", "Emma", "Sophie", "Hannah", "Margaret", "Pauline", "Tracey",
           "Joanne", "Rebecca", "Lucy", "Amy", "Chloe", "Gemma", "Shirley", "Brenda", "Wendy",
           "Linda", "Alison", "Kerry", "Nicola", "Fiona", "Jade", "Megan", "Ruth", "Hazel",
           "Doreen", "Ellie", "Mia", "Agnieszka", "Priya", "Ngozi", "Rosie", "Janet", "Carol"]
FIRST_M = ["John", "David", "Mark", "Paul", "Steven", "Gary", "Darren", "Craig", "Peter", "Robert",
           "Michael", "Andrew", "James", "Tom", "Ben", "Callum", "Liam", "Ryan", "Keith", "Trevor",
           "Colin", "Graham", "Derek", "Alan", "Shaun", "Neil", "Jack", "Harry", "Oliver", "Kieran",
           "Tomasz", "Arjun", "Chidi", "Bernard", "Roy", "Dennis"]
SURNAMES = ["Thrower", "Bloomfield", "Howlett", "Gotts", "Loades", "Pegg", "Seago", "Bunn", "Cushion",
            "Feek", "Haylett", "Lake", "Moy", "Neave", "Rix", "Sayer", "Thirtle", "Youngs", "Barber",
            "Brundle", "Catchpole", "Dack", "Eastoe", "Fiddy", "Grimmer", "Hewitt", "Jermy", "Kett",
            "Leeder", "Mallett", "Nobbs", "Plummer", "Quantrill", "Reeve", "Smith", "Taylor", "Utting",
            "Vincent", "Woodhouse", "Allard", "Beales", "Chilvers", "Dye", "Ebbage", "Frary", "Gedge",
            "Hipkin", "Juby", "Kidd", "Lubbock", "Mace", "Nicholls", "Oldfield", "Pratt", "Royall",
            "Skipper", "Tuck", "Wiseman", "Wright", "Yaxley", "Kowalski", "Nowak", "Okafor", "Patel",
            "Petrauskas", "Sharma", "Fox", "Green", "Harrison", "Jarvis"]
USED_NAMES = set()


def new_person(sex=None, surname=None):
    for _ in range(1000):
        s = sex or R.choice("FM")
        first = R.choice(FIRST_F if s == "F" else FIRST_M)
        sur = surname or R.choice(SURNAMES)
        full = f"{first} {sur}"
        if full not in USED_NAMES:
            USED_NAMES.add(full)
            return {"name": full, "sex": s, "first": first, "sur": sur}
    raise RuntimeError("names exhausted")


def with_title(p, rng):
    if rng.random() < 0.45:
        return p["name"]
    if p["sex"] == "M":
        t = rng.choice(["Mr", "Mr", "Mr", "Dr"])
    else:
        t = rng.choice(["Mrs", "Ms", "Miss", "Mrs"])
    return f"{t} {p['name']}"


# --------------------------------------------------------------------------
# gazetteer
# --------------------------------------------------------------------------
# (town, ward, ward code, postcode district, street, zone, kind, count)
STREETS = [
    ("Wendham", "Wendham Market", "WM", "SW1", "Market Place", "W1", "terrace", 9),
    ("Wendham", "Wendham Market", "WM", "SW1", "Priory Walk", "W1", "terrace", 10),
    ("Wendham", "Wendham Market", "WM", "SW1", "Tanners Row", "W1", "terrace", 8),
    ("Wendham", "Wendham Priory", "WP", "SW2", "Bridge Street", "W2", "terrace", 10),
    ("Wendham", "Wendham Priory", "WP", "SW2", "Station Road", "W2", "semi", 10),
    ("Wendham", "Wendham Priory", "WP", "SW2", "Maltings Yard", "W2", "terrace", 7),
    ("Wendham", "Wendham Priory", "WP", "SW2", "Orchard Close", "", "semi", 8),
    ("Wendham", "Wendham Priory", "WP", "SW3", "Kingfisher Way", "", "estate", 12),
    ("Wendham", "Wendham Priory", "WP", "SW3", "Sandpiper Close", "", "estate", 10),
    ("Marshcote", "Marshcote", "MC", "SW4", "High Street", "M", "terrace", 10),
    ("Marshcote", "Marshcote", "MC", "SW4", "Quay Lane", "M", "terrace", 8),
    ("Marshcote", "Marshcote", "MC", "SW4", "Saltings Way", "", "bungalow", 8),
    ("Stowbridge", "Stowbridge", "SB", "SW7", "St Botolph's Street", "ST", "terrace", 10),
    ("Stowbridge", "Stowbridge", "SB", "SW7", "Lock Road", "ST", "semi", 9),
    ("Stowbridge", "Stowbridge", "SB", "SW7", "Pightle Lane", "", "bungalow", 7),
    ("Fenby", "Fenby and Drove", "FD", "SW9", "Drove Road", "", "fen", 9),
    ("Fenby", "Fenby and Drove", "FD", "SW9", "Fen Lane", "", "fen", 7),
    ("Fenby", "Fenby and Drove", "FD", "SW9", "Church Lane", "", "bungalow", 6),
    ("Little Wend", "Wend Villages", "WV", "SW10", "The Street", "", "fen", 8),
    ("Little Wend", "Wend Villages", "WV", "SW10", "Back Lane", "", "bungalow", 6),
    ("Saltmarsh Staithe", "Saltmarsh Coast", "SC", "SW12", "Coast Road", "", "fen", 8),
    ("Saltmarsh Staithe", "Saltmarsh Coast", "SC", "SW12", "Staithe Lane", "", "terrace", 6),
]
HOUSE_NAMES = ["Willow Cottage", "Rose Cottage", "The Bungalow", "Dyke End", "Marsh View", "Lodge Farm Cottage",
               "Reedlands", "Heron's Rest", "Windy Ridge", "The Old Forge", "Chapel House",
               "Pump Cottage", "Samphire Cottage", "Ivy Bungalow", "Sluice Cottage", "Broadview",
               "Highfield", "Plough Cottage", "Wherry Cottage", "The Granary", "Osier Holt",
               "Tide End", "Glebe Bungalow", "Meadowsweet"]
UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


def build_gazetteer():
    props = []
    used_pc = {"SW1 9ZZ"}
    uprn = 100091400100
    hn = list(HOUSE_NAMES)
    R.shuffle(hn)
    for town, ward, wcode, district, street, zone, kind, count in STREETS:
        while True:
            pc = f"{district} {R.randint(1, 9)}{R.choice(UNIT_LETTERS)}{R.choice(UNIT_LETTERS)}"
            if pc not in used_pc:
                used_pc.add(pc)
                break
        locality = ""
        if town == "Fenby" and street == "Drove Road":
            locality = "Fenby Common"
        nums = sorted(R.sample(range(1, count * 2 + 4), count))
        for i, n in enumerate(nums):
            uprn += R.randint(1, 37)
            line1 = f"{n} {street}"
            line2 = locality
            if kind in ("fen", "bungalow") and hn and R.random() < 0.35:
                line1 = f"{hn.pop()}, {street}"
            elif kind == "fen" and R.random() < 0.15:
                line1 = f"Annexe, {n} {street}"
            elif kind == "terrace" and R.random() < 0.12:
                line2 = f"Flat {R.randint(1, 3)}"
            band = R.choice({"terrace": "AABBBC", "semi": "BCCD", "estate": "CCDDE", "bungalow": "BCCD",
                             "fen": "ABCDEFG"}[kind])
            props.append({"uprn": uprn, "address_line_1": line1, "address_line_2": line2, "town": town,
                          "postcode": pc, "council_tax_band": band, "ward": ward, "wcode": wcode,
                          "parking_zone": zone, "street": street, "kind": kind, "district": district,
                          "num": n})
    return props


PROPS = build_gazetteer()
PBY = {p["uprn"]: p for p in PROPS}
ACCOUNTS = {}   # ref -> dict
ELECTORS = []   # dicts
PERMITS = []
_elec_no = {}
_ref_used = set()
_permit_no = [4100]


def new_ref():
    while True:
        r = "61" + f"{R.randint(0, 999999):06d}"
        if r not in _ref_used:
            _ref_used.add(r)
            return r


def add_account(uprn, names, status, start, end=None, discounts=""):
    ref = new_ref()
    ACCOUNTS[ref] = {"account_ref": ref, "uprn": uprn, "liable_parties": "; ".join(names),
                     "status": status, "start_date": start, "end_date": end, "discounts": discounts,
                     "names": list(names)}
    return ref


def add_elector(uprn, name):
    w = PBY[uprn]["wcode"]
    _elec_no[w] = _elec_no.get(w, 0) + R.randint(1, 9)
    ELECTORS.append({"elector_number": f"{w}-{_elec_no[w]:04d}", "full_name": name, "uprn": uprn})


def rand_vrm(style=None):
    L = "ABCDEFGHJKLMNOPRSTUVWXY"
    s = style or R.choice(["cur"] * 8 + ["pre", "suf"])
    if s == "cur":
        age = R.choice([str(x) for x in list(range(10, 26)) + list(range(60, 76))])
        v = R.choice(L) + R.choice(L) + age + "".join(R.choice(L) for _ in range(3))
    elif s == "pre":
        v = R.choice("LMNPRSTVWXY") + str(R.randint(1, 999)) + "".join(R.choice(L) for _ in range(3))
    else:
        v = "".join(R.choice(L) for _ in range(3)) + str(R.randint(1, 999)) + R.choice("ABCDEFGHJKLMNPRSTVWXY")
    return v


USED_VRMS = set()


def new_vrm(style=None):
    while True:
        v = rand_vrm(style)
        if v not in USED_VRMS:
            USED_VRMS.add(v)
            return v


def add_permit(uprn, vrm, zone, frm):
    _permit_no[0] += R.randint(1, 23)
    PERMITS.append({"permit_ref": f"RP{zone}-{_permit_no[0]:05d}", "uprn": uprn, "vrm": vrm, "zone": zone,
                    "valid_from": frm, "valid_to": frm + dt.timedelta(days=364)})


def rday(a, b):
    return a + dt.timedelta(days=R.randint(0, (b - a).days))


# base population
for p in PROPS:
    u = p["uprn"]
    hist = R.random() < 0.2
    vacant = R.random() < 0.07
    start = rday(D(2004, 1, 1), D(2026, 6, 30))
    if hist or vacant:
        olds = [new_person()["name"] for _ in range(R.randint(1, 2))]
        os_ = rday(D(1998, 1, 1), start - dt.timedelta(days=400))
        add_account(u, olds, "closed", os_, start - dt.timedelta(days=1), "")
    if vacant:
        continue
    a = new_person()
    names = [a["name"]]
    if R.random() < 0.6:
        b = new_person(sex="M" if a["sex"] == "F" else "F",
                       surname=a["sur"] if R.random() < 0.7 else None)
        names.append(b["name"])
    disc = "SPD" if len(names) == 1 and R.random() < 0.5 else ""
    add_account(u, names, "active", start, None, disc)
    for n in names:
        if R.random() < 0.92:
            add_elector(u, n)
    if R.random() < 0.2:
        add_elector(u, new_person(surname=a["sur"])["name"])
    if p["parking_zone"]:
        k = R.choice([0, 0, 1, 1, 1, 2])
        for _ in range(k):
            add_permit(u, new_vrm(), p["parking_zone"], rday(D(2026, 1, 1), D(2026, 11, 20)))
        if R.random() < 0.3:
            add_permit(u, new_vrm(), p["parking_zone"], rday(D(2024, 6, 1), D(2025, 10, 1)))

# --------------------------------------------------------------------------
# record manipulation for cases
# --------------------------------------------------------------------------
USED_UPRN = set()


def pick(pred=lambda p: True):
    cands = [p for p in PROPS if p["uprn"] not in USED_UPRN and pred(p)]
    p = R.choice(cands)
    USED_UPRN.add(p["uprn"])
    return p


def reserve(p):
    USED_UPRN.add(p["uprn"])


def active_accounts(uprn):
    return [a for a in ACCOUNTS.values() if a["uprn"] == uprn and a["status"] == "active"]


def set_occupancy(uprn, names, electors, discounts="", start=None):
    """Replace the active account and the register entries at uprn."""
    for a in list(ACCOUNTS.values()):
        if a["uprn"] == uprn and a["status"] == "active":
            del ACCOUNTS[a["account_ref"]]
    ELECTORS[:] = [e for e in ELECTORS if e["uprn"] != uprn]
    for n in names:
        USED_NAMES.add(n)
    ref = add_account(uprn, names, "active", start or rday(D(2009, 1, 1), D(2025, 6, 1)), None, discounts)
    for n in electors:
        add_elector(uprn, n)
    return ref


def make_vacant(uprn):
    for a in list(ACCOUNTS.values()):
        if a["uprn"] == uprn and a["status"] == "active":
            a["status"] = "closed"
            a["end_date"] = rday(D(2026, 8, 1), D(2026, 10, 25))
    ELECTORS[:] = [e for e in ELECTORS if e["uprn"] != uprn]
    if not any(a["uprn"] == uprn for a in ACCOUNTS.values()):
        add_account(uprn, [new_person()["name"]], "closed", D(2015, 4, 1), D(2026, 9, 30), "")


def set_permits(uprn, n_active, zone, keep_vrm=None):
    PERMITS[:] = [x for x in PERMITS if x["uprn"] != uprn]
    vs = []
    for i in range(n_active):
        v = keep_vrm if (keep_vrm and i == 0) else new_vrm()
        add_permit(uprn, v, zone, rday(D(2026, 1, 10), D(2026, 11, 1)))
        vs.append(v)
    return vs


def bad_ref():
    while True:
        r = "61" + f"{R.randint(0, 999999):06d}"
        if r not in _ref_used:
            _ref_used.add(r)  # reserved: never issued to a real account
            return r


def prop_exists(line1, pc):
    return any(norm_addr(p["address_line_1"]) == norm_addr(line1) and p["postcode"] == pc for p in PROPS)


def missing_address(p):
    """A plausible address on the same street that is not in the gazetteer."""
    nums = {q["num"] for q in PROPS if q["street"] == p["street"]}
    n = max(nums) + R.randint(3, 9)
    line1 = f"{n} {p['street']}"
    assert not prop_exists(line1, p["postcode"])
    return line1


FORWARDING = [("22 Harbour Street", "Kings Lynn", "PE30 1QX"), ("Flat 4, 17 Unthank Road", "Norwich", "NR2 2PA"),
              ("9 Brook Crescent", "Peterborough", "PE1 4LT"), ("31 Long Row", "Newark", "NG24 1DX"),
              ("6 Ferry View", "Great Yarmouth", "NR31 0EF"), ("118 Mile End Road", "London", "E1 4UN"),
              ("2 Chantry Mews", "Ely", "CB7 4BE"), ("45 Spring Gardens", "Lincoln", "LN2 5AR"),
              ("Flat 2, 3 Wharf Road", "Ipswich", "IP4 1JG"), ("77 Boundary Road", "Leicester", "LE2 1BT")]
MAKES = ["Ford Fiesta", "Vauxhall Corsa", "Toyota Yaris", "VW Golf", "Nissan Qashqai", "Kia Sportage",
         "Skoda Octavia", "Land Rover Defender", "Peugeot 208", "Honda Jazz", "Ford Transit Custom",
         "Renault Clio", "MG ZS", "Dacia Sandero", "Volvo XC40"]


def email_for(name, rng):
    first, last = name.split()[-2].lower(), name.split()[-1].lower()
    dom = rng.choice(["gmail.com", "hotmail.co.uk", "btinternet.com", "yahoo.co.uk", "outlook.com", "icloud.com"])
    return rng.choice([f"{first}.{last}@{dom}", f"{first[0]}{last}{rng.randint(1, 99)}@{dom}",
                       f"{last}{first[0]}@{dom}"])


def phone(rng):
    if rng.random() < 0.5:
        return f"07{rng.randint(100, 999)} {rng.randint(100000, 999999)}"
    return f"01{rng.choice(['328', '485', '553', '945'])} {rng.randint(100000, 999999)}"


# --------------------------------------------------------------------------
# cases
# --------------------------------------------------------------------------
CASES = []
FORM_LAYOUTS = ["boxes", "builder", "postcard", "fillable"]

PLAN = {
    "council_tax_spd": {
        "boxes": (3, ["ACCOUNT_NOT_FOUND", "OTHER_ADULTS_REGISTERED", "INCONSISTENT_DATES"]),
        "builder": (3, ["NAME_MISMATCH", "DATE_TOO_OLD", "DUP"]),
        "postcard": (3, ["ADDRESS_MISMATCH", "DATE_IN_FUTURE"]),
        "fillable": (2, ["ACCOUNT_CLOSED", "DISCOUNT_ALREADY_APPLIED"]),
    },
    "council_tax_move": {
        "boxes": (2, ["ACCOUNT_NOT_FOUND", "MISSING_FIELD:declaration_date"]),
        "builder": (3, ["NAME_MISMATCH", "PROPERTY_NOT_FOUND"]),
        "postcard": (3, ["ADDRESS_MISMATCH", "DATE_TOO_OLD"]),
        "fillable": (3, ["DATE_IN_FUTURE"]),
    },
    "parking_permit": {
        "boxes": (2, ["NOT_IN_PERMIT_ZONE", "VRM_HAS_PERMIT"]),
        "builder": (2, ["NOT_RESIDENT", "PERMIT_CAP_REACHED"]),
        "postcard": (3, ["INVALID_FORMAT:vrm", "PROPERTY_NOT_FOUND"]),
        "fillable": (3, ["DATE_IN_FUTURE", "MISSING_FIELD:declaration_date"]),
    },
}


def base_meta(rng):
    return {"phone": phone(rng) if rng.random() < 0.7 else None,
            "email_on": rng.random() < 0.6}


def decl_date(rng, lo=D(2026, 11, 16), hi=D(2026, 12, 6)):
    return lo + dt.timedelta(days=rng.randint(0, (hi - lo).days))


def make_spd(layout, scen, force_date_desc=False):
    rng = random.Random(R.random())
    c = {"form_type": "council_tax_spd", "layout": layout, "scenario": scen, "rng_seed": rng.random()}
    a = new_person()
    other = None
    p = pick(lambda p: p["kind"] != "estate" or True)
    two = rng.random() < 0.65 or force_date_desc
    if two:
        other = new_person(sex="M" if a["sex"] == "F" else "F", surname=a["sur"] if rng.random() < 0.6 else None)
    liable = [a["name"]] + ([other["name"]] if other and rng.random() < 0.7 else [])
    electors = [a["name"]] + ([other["name"]] if other and rng.random() < 0.5 else [])
    ref = set_occupancy(p["uprn"], liable, electors)
    sole = rday(D(2026, 1, 20), D(2026, 11, 28))
    f = {"account_ref": ref, "applicant_name": with_title(a, rng), "address": p["address_line_1"],
         "postcode": p["postcode"], "sole_adult_since": sole}
    desc_date = None
    if other:
        f["other_adult_name"] = other["name"] if rng.random() < 0.6 else with_title(other, rng)
        if rng.random() < 0.75:
            fw = rng.choice(FORWARDING)
            f["other_adult_forwarding_address"] = f"{fw[0]}, {fw[1]} {fw[2]}"
    if scen == "ACCOUNT_NOT_FOUND":
        f["account_ref"] = bad_ref()
    elif scen == "OTHER_ADULTS_REGISTERED":
        lodger = new_person(surname=a["sur"])
        add_elector(p["uprn"], lodger["name"])
    elif scen == "NAME_MISMATCH":
        # applicant is a grown-up child still living there; the bill is in the parent's name
        parent = new_person(surname=a["sur"])
        set_occupancy(p["uprn"], [parent["name"]], [a["name"], parent["name"]])
        f["account_ref"] = active_accounts(p["uprn"])[0]["account_ref"]
        f["other_adult_name"] = parent["name"]
        f.pop("other_adult_forwarding_address", None)
        f["change_description"] = f"My dad {parent['first']} has gone into Marshcote Lodge care home permanently and I am now the only one living here."
    elif scen == "DATE_TOO_OLD":
        f["sole_adult_since"] = rday(D(2025, 5, 1), D(2025, 9, 30))
    elif scen == "ADDRESS_MISMATCH":
        nb = [q for q in PROPS if q["street"] == p["street"] and q["uprn"] != p["uprn"]]
        q = rng.choice(nb)
        f["address"] = q["address_line_1"]
        f["postcode"] = q["postcode"]
    elif scen == "DATE_IN_FUTURE":
        f["sole_adult_since"] = rday(D(2026, 12, 12), D(2027, 1, 20))
        desc_date = f["sole_adult_since"]
        who = other["first"] if other else "My lodger"
        f["change_description"] = (f"{who} is moving out on {fmt_date(desc_date, 'long')} when the new flat is ready. "
                                   "I am applying now so the bill is right from then.")
    elif scen == "ACCOUNT_CLOSED":
        old_ref = ref
        acct = ACCOUNTS[old_ref]
        if not other:
            other = new_person(surname=a["sur"])
            f["other_adult_name"] = other["name"]
        acct["names"] = [a["name"], other["name"]]
        acct["liable_parties"] = "; ".join(acct["names"])
        acct["status"] = "closed"
        acct["end_date"] = sole - dt.timedelta(days=1)
        add_account(p["uprn"], [a["name"]], "active", sole, None, "")
        f["account_ref"] = old_ref
    elif scen == "DISCOUNT_ALREADY_APPLIED":
        ACCOUNTS[ref]["discounts"] = "SPD"
        ACCOUNTS[ref]["names"] = [a["name"]]
        ACCOUNTS[ref]["liable_parties"] = a["name"]
        f["sole_adult_since"] = rday(D(2026, 8, 1), D(2026, 11, 20))
    if scen == "INCONSISTENT_DATES":
        if not other:
            other = new_person(surname=a["sur"])
            f["other_adult_name"] = other["name"]
        desc_date = f["sole_adult_since"] - dt.timedelta(days=rng.randint(12, 40))
        f["change_description"] = (f"My partner {other['first']} moved out on {fmt_date(desc_date, rng.choice(['long', 'ord', 'slash']))} "
                                   "after we separated. I live here on my own now.")
    elif "change_description" not in f and (rng.random() < 0.6 or force_date_desc):
        if other:
            same = other["sur"] == a["sur"]
            rel = ({"M": "husband", "F": "wife"}[other["sex"]] if same and rng.random() < 0.6 else "partner")
            opts = [f"My {rel} has moved out and I now live alone.",
                    f"We have separated and my {rel} {other['first']} has moved to a new address.",
                    f"My {rel} passed away and I am now the only person living here.",
                    f"{other['first']} moved out on {fmt_date(f['sole_adult_since'], 'long')} and will not be coming back."]
        else:
            opts = ["My lodger left and I have not replaced them.",
                    "My son has moved away for work and I am on my own now.",
                    "My daughter has moved in with her boyfriend so it is just me here now."]
        f["change_description"] = opts[-1] if force_date_desc else rng.choice(opts)
        if "moved out on" in f["change_description"]:
            desc_date = f["sole_adult_since"]
    meta = base_meta(rng)
    if meta["phone"]:
        f["phone"] = meta["phone"]
    if meta["email_on"]:
        f["email"] = email_for(a["name"], rng)
    f["declaration_date"] = decl_date(rng, max(D(2026, 11, 10), min(AS_OF - dt.timedelta(days=1), f["sole_adult_since"])))
    c["fields"] = f
    c["desc_date"] = desc_date
    c["town"] = p["town"]
    c["line2"] = p["address_line_2"]
    if scen == "ADDRESS_MISMATCH":
        c["town"] = [q for q in PROPS if q["address_line_1"] == f["address"] and q["postcode"] == f["postcode"]][0]["town"]
    return c


def make_move(layout, scen, mtype=None):
    rng = random.Random(R.random())
    c = {"form_type": "council_tax_move", "layout": layout, "scenario": scen}
    if mtype is None:
        mtype = rng.choice(["in", "out"])
    if scen in ("ACCOUNT_NOT_FOUND", "NAME_MISMATCH", "ADDRESS_MISMATCH", "DATE_TOO_OLD"):
        mtype = "out"
    if scen == "PROPERTY_NOT_FOUND":
        mtype = "in"
    a = new_person()
    f = {"move_type": mtype, "applicant_name": with_title(a, rng)}
    md = rday(D(2026, 10, 5), D(2026, 12, 31))
    if mtype == "out":
        p = pick()
        partner = new_person(surname=a["sur"]) if rng.random() < 0.4 else None
        ref = set_occupancy(p["uprn"], [a["name"]] + ([partner["name"]] if partner else []),
                            [a["name"]] + ([partner["name"]] if partner else []))
        fw = rng.choice(FORWARDING) if rng.random() < 0.6 else None
        if fw is None:
            q = pick()
            fw = (q["address_line_1"], q["town"], q["postcode"])
        f.update({"account_ref": ref, "previous_address": p["address_line_1"], "previous_postcode": p["postcode"],
                  "new_address": fw[0], "new_postcode": fw[2]})
        c["prev_town"], c["new_town"] = p["town"], fw[1]
        if scen == "ACCOUNT_NOT_FOUND":
            f["account_ref"] = bad_ref()
        elif scen == "NAME_MISMATCH":
            # the tenant's partner fills it in; only the tenant is on the bill
            ten = new_person(surname=a["sur"])
            set_occupancy(p["uprn"], [ten["name"]], [ten["name"], a["name"]])
            f["account_ref"] = active_accounts(p["uprn"])[0]["account_ref"]
        elif scen == "ADDRESS_MISMATCH":
            q = pick(lambda q: q["town"] == p["town"])
            f["previous_address"], f["previous_postcode"] = q["address_line_1"], q["postcode"]
            c["prev_town"] = q["town"]
        elif scen == "DATE_TOO_OLD":
            md = rday(D(2025, 6, 1), D(2025, 11, 15))
    else:
        p = pick()
        make_vacant(p["uprn"])
        f.update({"new_address": p["address_line_1"], "new_postcode": p["postcode"]})
        c["new_town"] = p["town"]
        if scen == "PROPERTY_NOT_FOUND":
            f["new_address"] = missing_address(p)
        if rng.random() < 0.5:
            fw = rng.choice(FORWARDING)
            f["previous_address"], f["previous_postcode"] = fw[0], fw[2]
            c["prev_town"] = fw[1]
    if scen == "DATE_IN_FUTURE":
        md = rday(D(2027, 1, 20), D(2027, 3, 10))
    f["move_date"] = md
    meta = base_meta(rng)
    if meta["phone"]:
        f["phone"] = meta["phone"]
    if meta["email_on"]:
        f["email"] = email_for(a["name"], rng)
    if scen != "MISSING_FIELD:declaration_date":
        f["declaration_date"] = decl_date(rng)
    c["fields"] = f
    return c


def make_parking(layout, scen):
    rng = random.Random(R.random())
    c = {"form_type": "parking_permit", "layout": layout, "scenario": scen}
    p = pick(lambda p: p["parking_zone"] != "")
    a = new_person()
    zone = p["parking_zone"]
    on_bill = rng.random() < 0.7
    hh = new_person(surname=a["sur"]) if (not on_bill or rng.random() < 0.5) else None
    liable = ([a["name"]] if on_bill else []) + ([hh["name"]] if hh else [])
    electors = [a["name"]] + ([hh["name"]] if hh and rng.random() < 0.7 else [])
    set_occupancy(p["uprn"], liable, electors)
    n_act = rng.choice([0, 0, 1])
    set_permits(p["uprn"], n_act, zone)
    vrm = new_vrm()
    f = {"applicant_name": with_title(a, rng), "address": p["address_line_1"], "postcode": p["postcode"],
         "vrm": vrm, "zone": zone, "start_date": rday(D(2026, 11, 25), D(2027, 1, 2))}
    if rng.random() < 0.8:
        f["vehicle_make"] = rng.choice(MAKES)
    if scen == "NOT_IN_PERMIT_ZONE":
        others = sorted({q["parking_zone"] for q in PROPS if q["parking_zone"]} - {zone})
        f["zone"] = rng.choice([z for z in others if z[0] == zone[0]] or others)
    elif scen == "VRM_HAS_PERMIT":
        set_permits(p["uprn"], 1, zone, keep_vrm=vrm)
    elif scen == "NOT_RESIDENT":
        # a relative applying for a car kept at mum's house; not on the bill or the register
        mum = new_person(sex="F", surname=a["sur"])
        set_occupancy(p["uprn"], [mum["name"]], [mum["name"]])
    elif scen == "PERMIT_CAP_REACHED":
        set_permits(p["uprn"], 2, zone)
    elif scen == "INVALID_FORMAT:vrm":
        L = "ABCDEFGHJKLMNPRSTUVWXY"
        f["vrm"] = rng.choice(L) + rng.choice(L) + str(rng.randint(10, 25)) + rng.choice(L) + str(rng.randint(1, 9)) + rng.choice(L)
        assert not vrm_valid(f["vrm"])
    elif scen == "PROPERTY_NOT_FOUND":
        f["address"] = missing_address(p)
    elif scen == "DATE_IN_FUTURE":
        f["start_date"] = rday(D(2027, 1, 25), D(2027, 3, 1))
    meta = base_meta(rng)
    if meta["phone"]:
        f["phone"] = meta["phone"]
    if meta["email_on"]:
        f["email"] = email_for(a["name"], rng)
    if scen != "MISSING_FIELD:declaration_date":
        f["declaration_date"] = decl_date(rng)
    c["fields"] = f
    c["town"] = p["town"]
    c["line2"] = p["address_line_2"]
    return c


MAKERS = {"council_tax_spd": make_spd, "council_tax_move": make_move, "parking_permit": make_parking}
for ft, per in PLAN.items():
    for layout in FORM_LAYOUTS:
        nclean, excs = per[layout]
        mtypes = ["out", "in", "out", "in"]
        R.shuffle(mtypes)
        for i in range(nclean):
            if ft == "council_tax_move":
                CASES.append(make_move(layout, "CLEAN", mtypes[i]))
            elif ft == "council_tax_spd" and i == nclean - 1 and layout in ("boxes", "postcard"):
                CASES.append(make_spd(layout, "CLEAN", force_date_desc=True))
            else:
                CASES.append(MAKERS[ft](layout, "CLEAN"))
        for e in excs:
            if e == "DUP":
                c1 = make_spd(layout, "CLEAN")
                c1["scenario"] = "DUP"
                c2 = dict(c1)
                c2["fields"] = dict(c1["fields"])
                c1["dup_copy"] = 1
                c2["dup_copy"] = 2
                CASES.append(c1)
                CASES.append(c2)
            else:
                CASES.append(MAKERS[ft](layout, e))

# ---------------- correspondence ----------------


def corr_person(pred=lambda p: True, with_account=True):
    p = pick(pred)
    a = new_person()
    names = [a["name"]]
    if R.random() < 0.5:
        names.append(new_person(surname=a["sur"])["name"])
    ref = set_occupancy(p["uprn"], names, names)
    return a, p, ref


def letter_case(layout, topic, scen, build):
    c = {"form_type": "correspondence", "layout": layout, "scenario": scen, "topic": topic}
    build(c)
    return c


def _dates(c):
    c.setdefault("dates", [])


def corr_defs():
    out = []

    # 1 missed bin letter
    def b1(c):
        a, p, ref = corr_person(lambda p: p["kind"] in ("fen", "bungalow"))
        d0 = D(2026, 12, 2)
        miss = D(2026, 11, 25)
        c.update(sender=f"Mrs {a['name']}" if a["sex"] == "F" else f"Mr {a['name']}", sender_lines=[p["address_line_1"]] + ([p["address_line_2"]] if p["address_line_2"] else []) + [p["town"], p["postcode"]],
                 address=p["address_line_1"], postcode=p["postcode"], account_ref=None,
                 date=d0, date_style="long", salutation="Dear Sir or Madam,",
                 subject="Missed bin collection",
                 paras=[f"I am writing because our green garden waste bin was not emptied on {fmt_date(miss, 'day_long')}. It was out at the end of the drive by 7am as usual, and the lorry went straight past. The black bin was collected the same morning.",
                        "This is the second time since the summer. Could you please arrange for the crew to come back and empty it, as it is now full to the lid and the lid will not shut.",
                        "I would be grateful if you could let me know when it will be collected."],
                 closing="Yours faithfully,", dates=[d0, miss])
    out.append(("letter", "missed_bin", "CLEAN", b1))

    # 2 complaint letter
    def b2(c):
        a, p, ref = corr_person()
        d0 = D(2026, 11, 30)
        call = D(2026, 11, 16)
        c.update(sender=a["name"], sender_lines=[p["address_line_1"], p["town"], p["postcode"]],
                 address=p["address_line_1"], postcode=p["postcode"], account_ref=None,
                 date=d0, date_style="slash", salutation="Dear Customer Services Manager,",
                 subject="Formal complaint",
                 paras=[f"I wish to make a formal complaint about the way I was treated when I telephoned the council on {fmt_date(call, 'long')}.",
                        "I was kept on hold for fifty minutes, then the person I spoke to was rude, talked over me and put the phone down before I had finished explaining my problem. Nobody called me back as I was promised.",
                        "I would like a written apology and an explanation of what the council will do to stop this happening to other residents. Please treat this letter as a stage one complaint under your complaints procedure."],
                 closing="Yours sincerely,", dates=[d0, call])
    out.append(("letter", "complaint", "CLEAN", b2))

    # 3 councillor on behalf of a resident
    def b3(c):
        cl, cp, _ = corr_person(lambda p: p["town"] == "Fenby")
        ra, rp, rref = corr_person()
        d0 = D(2026, 12, 1)
        bill = D(2026, 3, 10)
        c.update(sender=f"Cllr {cl['name']}",
                 sender_lines=[f"Councillor for Fenby and Drove Ward", cp["address_line_1"]] + ([cp["address_line_2"]] if cp["address_line_2"] else []) + [cp["town"], cp["postcode"]],
                 address=cp["address_line_1"], postcode=cp["postcode"], account_ref=rref,
                 date=d0, date_style="ord", salutation="Dear Revenues Manager,",
                 subject=f"Council tax account {fmt_ref(rref, 'space')} - {ra['name']}, {rp['address_line_1']}",
                 paras=[f"I am writing on behalf of my constituent {ra['name']} of {rp['address_line_1']}, {rp['town']}, who has asked me to take this up with you. Their council tax reference is {fmt_ref(rref, 'space')}.",
                        f"My constituent received a revised council tax bill dated {fmt_date(bill, 'long')} showing arrears they do not understand, as they have paid by direct debit every month. They have tried to get an explanation by phone twice without success.",
                        "Could you please look into the account, explain how the balance has been calculated and confirm what, if anything, is owed? I would be grateful for a reply to me, copied to my constituent."],
                 closing="Yours sincerely,", dates=[d0, bill])
    out.append(("letter", "council_tax_query", "CLEAN", b3))

    # 4 FOI letter
    def b4(c):
        a, p, ref = corr_person()
        d0 = D(2026, 11, 27)
        c.update(sender=a["name"], sender_lines=[p["address_line_1"], p["town"], p["postcode"]],
                 address=p["address_line_1"], postcode=p["postcode"], account_ref=None,
                 date=d0, date_style="long", salutation="Dear Information Governance Officer,",
                 subject="Request under the Freedom of Information Act 2000",
                 paras=["Under the Freedom of Information Act 2000 I would like to request the following information.",
                        "1. The number of residents' parking permits issued in each of zones W1, W2, M and ST in each of the last three financial years. 2. The income the council received from those permits in the same years. 3. The number of penalty charge notices issued in those zones over the same period.",
                        "I would prefer to receive the information by email in a spreadsheet. If any part of the request is unclear, please contact me."],
                 closing="Yours faithfully,", dates=[d0])
    out.append(("letter", "foi_request", "CLEAN", b4))

    # 5 mixed topics -> low confidence
    def b5(c):
        a, p, ref = corr_person(lambda p: p["kind"] == "estate")
        d0 = D(2026, 12, 3)
        miss = D(2026, 11, 26)
        dd = D(2026, 12, 15)
        c.update(sender=a["name"], sender_lines=[p["address_line_1"], p["town"], p["postcode"]],
                 address=p["address_line_1"], postcode=p["postcode"], account_ref=ref,
                 date=d0, date_style="dot", salutation="Dear Sir/Madam,",
                 subject=None,
                 paras=[f"Our recycling bin was missed again on {fmt_date(miss, 'long')}. The whole of our side of the close was done except us, and I have reported it online already with no reply.",
                        f"While I am writing, I also need to change the date of my council tax direct debit. My account number is {fmt_ref(ref, 'plain')}. I have started a new job and am now paid at the end of the month, so I would like the payments to come out on the 28th instead of the 1st, starting from {fmt_date(dd, 'long')} if possible.",
                        "Thank you for your help with both of these."],
                 closing="Kind regards,", dates=[d0, miss, dd])
    out.append(("letter", "missed_bin", "LOW_CONFIDENCE:topic", b5))

    # 6 account not found
    def b6(c):
        a, p, ref = corr_person()
        wrong = bad_ref()
        d0 = D(2026, 11, 23)
        c.update(sender=with_title(a, R), sender_lines=[p["address_line_1"], p["town"], p["postcode"]],
                 address=p["address_line_1"], postcode=p["postcode"], account_ref=wrong,
                 date=d0, date_style="long", salutation="Dear Council Tax Team,",
                 subject=f"Account number {fmt_ref(wrong, 'ct')}",
                 paras=[f"I have received a reminder notice for account {fmt_ref(wrong, 'ct')} but I paid the outstanding amount in full at the post office last month and have the receipt.",
                        "Please can you check your records and confirm the account is up to date, and that no further action will be taken. I can send a copy of the receipt if needed."],
                 closing="Yours faithfully,", dates=[d0])
    out.append(("letter", "council_tax_query", "ACCOUNT_NOT_FOUND", b6))

    # 7 email council tax query, account only (no postal address)
    def b7(c):
        a, p, ref = corr_person()
        d0 = D(2026, 12, 4)
        c.update(sender=a["name"], sender_lines=None, address=None, postcode=None, account_ref=ref,
                 email=email_for(a["name"], R), date=d0, time="08:47", subject="Single payment or instalments?",
                 salutation="Hello,",
                 paras=[f"My council tax reference is {fmt_ref(ref, 'dash')}. I would like to know whether I can pay the rest of this year's council tax in one go rather than by the monthly instalments, and if so what the exact amount would be.",
                        "Also, will next year's bill be sent by email if I sign up for e-billing?"],
                 closing="Thanks,", dates=[d0])
    out.append(("email", "council_tax_query", "CLEAN", b7))

    # 8 email missed bin with address in signature
    def b8(c):
        a, p, ref = corr_person(lambda p: p["town"] in ("Marshcote", "Stowbridge"))
        d0 = D(2026, 12, 2)
        miss = D(2026, 12, 1)
        c.update(sender=a["name"], sender_lines=[p["address_line_1"], p["town"], p["postcode"]],
                 address=p["address_line_1"], postcode=p["postcode"], account_ref=None,
                 email=email_for(a["name"], R), date=d0, time="19:05", subject="Bin not collected",
                 salutation="Hi,",
                 paras=[f"Our black bin wasn't collected yesterday ({fmt_date(miss, 'slash')}). Everyone else on the street had theirs done. It was definitely out on time.",
                        "Can someone come back for it please? We have a new baby so it fills up fast."],
                 closing="Many thanks,", dates=[d0, miss])
    out.append(("email", "missed_bin", "CLEAN", b8))

    # 9 email other (allotments)
    def b9(c):
        a, p, ref = corr_person(lambda p: p["town"] == "Wendham")
        d0 = D(2026, 11, 29)
        c.update(sender=a["name"], sender_lines=[p["address_line_1"], p["town"], p["postcode"]],
                 address=p["address_line_1"], postcode=p["postcode"], account_ref=None,
                 email=email_for(a["name"], R), date=d0, time="15:32", subject="Allotment waiting list",
                 salutation="Dear Sir or Madam,",
                 paras=["Could you tell me how to put my name down for an allotment in Wendham, and roughly how long the waiting list is at the moment?",
                        "I would be happy with a half plot. Is there a charge for joining the list?"],
                 closing="Best wishes,", dates=[d0])
    out.append(("email", "other", "CLEAN", b9))

    # 10 anonymous email -> sender unknown
    def b10(c):
        d0 = D(2026, 12, 5)
        p = pick(lambda p: p["street"] == "Drove Road")
        miss = D(2026, 12, 3)
        c.update(sender=None, sender_lines=None, address=None, postcode=None, account_ref=None,
                 email="fenwatcher77@example.net", date=d0, time="22:16", subject="BINS!!!",
                 salutation=None,
                 paras=[f"Drove Road bins not emptied AGAIN on {fmt_date(miss, 'slash')}. Third time this autumn. What do we pay council tax for?",
                        "Sort it out."],
                 closing=None, dates=[d0, miss])
    out.append(("email", "missed_bin", "SENDER_UNKNOWN", b10))

    # 11 named FOI email but no address and no account
    def b11(c):
        d0 = D(2026, 12, 3)
        nm = new_person()
        c.update(sender=nm["name"], sender_lines=None, address=None, postcode=None, account_ref=None,
                 email=f"{nm['first'].lower()}.{nm['sur'].lower()}@fenlandpress.co.uk", date=d0, time="11:20",
                 subject="FOI request - agency staff spend",
                 salutation="Dear FOI team,",
                 paras=["Under the Freedom of Information Act 2000, please provide the total amount the council spent on agency and interim staff in the financial years 2024/25 and 2025/26, broken down by department.",
                        "Please also provide the number of agency workers engaged for more than twelve months."],
                 closing="Regards,", dates=[d0])
    out.append(("email", "foi_request", "SENDER_UNKNOWN", b11))
    return out


for layout, topic, scen, build in corr_defs():
    CASES.append(letter_case(layout, topic, scen, build))

# --------------------------------------------------------------------------
# checks (forms.md, literally) and truth
# --------------------------------------------------------------------------


def electors_at(uprn):
    return [e["full_name"] for e in ELECTORS if e["uprn"] == uprn]


def find_prop(line1, pc):
    for p in PROPS:
        if norm_addr(p["address_line_1"]) == norm_addr(line1) and p["postcode"] == pc:
            return p
    return None


def check(c):
    f = c["fields"]
    ft = c["form_type"]
    rs = []
    if ft == "council_tax_spd":
        for k in ["account_ref", "applicant_name", "address", "postcode", "sole_adult_since", "declaration_date"]:
            if k not in f:
                rs.append(f"MISSING_FIELD:{k}")
        acct = ACCOUNTS.get(f.get("account_ref"))
        if not acct:
            rs.append("ACCOUNT_NOT_FOUND")
        else:
            if acct["status"] == "closed":
                rs.append("ACCOUNT_CLOSED")
            if norm_name(f["applicant_name"]) not in {norm_name(n) for n in acct["names"]}:
                rs.append("NAME_MISMATCH")
            pr = PBY[acct["uprn"]]
            if norm_addr(pr["address_line_1"]) != norm_addr(f["address"]) or pr["postcode"] != f["postcode"]:
                rs.append("ADDRESS_MISMATCH")
            if "SPD" in acct["discounts"].split(";"):
                rs.append("DISCOUNT_ALREADY_APPLIED")
            known = {norm_name(f["applicant_name"])}
            if f.get("other_adult_name"):
                known.add(norm_name(f["other_adult_name"]))
            if [e for e in electors_at(acct["uprn"]) if norm_name(e) not in known]:
                rs.append("OTHER_ADULTS_REGISTERED")
        s = f["sole_adult_since"]
        if s > AS_OF:
            rs.append("DATE_IN_FUTURE")
        if (AS_OF - s).days > BACKDATE:
            rs.append("DATE_TOO_OLD")
        if c.get("desc_date") and c["desc_date"] != s:
            rs.append("INCONSISTENT_DATES")
    elif ft == "council_tax_move":
        req = ["move_type", "applicant_name", "move_date", "declaration_date"]
        req += ["account_ref", "previous_address", "previous_postcode"] if f["move_type"] == "out" else ["new_address", "new_postcode"]
        for k in req:
            if k not in f:
                rs.append(f"MISSING_FIELD:{k}")
        if f["move_type"] == "out":
            acct = ACCOUNTS.get(f.get("account_ref"))
            if not acct:
                rs.append("ACCOUNT_NOT_FOUND")
            else:
                assert acct["status"] == "active"
                if norm_name(f["applicant_name"]) not in {norm_name(n) for n in acct["names"]}:
                    rs.append("NAME_MISMATCH")
                pr = PBY[acct["uprn"]]
                if norm_addr(pr["address_line_1"]) != norm_addr(f["previous_address"]) or pr["postcode"] != f["previous_postcode"]:
                    rs.append("ADDRESS_MISMATCH")
        else:
            if not find_prop(f["new_address"], f["new_postcode"]):
                rs.append("PROPERTY_NOT_FOUND")
        m = f["move_date"]
        if (m - AS_OF).days > FORWARD:
            rs.append("DATE_IN_FUTURE")
        if (AS_OF - m).days > BACKDATE:
            rs.append("DATE_TOO_OLD")
    elif ft == "parking_permit":
        for k in ["applicant_name", "address", "postcode", "vrm", "zone", "start_date", "declaration_date"]:
            if k not in f:
                rs.append(f"MISSING_FIELD:{k}")
        pr = find_prop(f["address"], f["postcode"])
        if not pr:
            rs.append("PROPERTY_NOT_FOUND")
        else:
            if not pr["parking_zone"] or pr["parking_zone"] != f["zone"]:
                rs.append("NOT_IN_PERMIT_ZONE")
            nm = norm_name(f["applicant_name"])
            liable = {norm_name(n) for a in active_accounts(pr["uprn"]) for n in a["names"]}
            reg = {norm_name(n) for n in electors_at(pr["uprn"])}
            if nm not in liable and nm not in reg:
                rs.append("NOT_RESIDENT")
        if not vrm_valid(f["vrm"]):
            rs.append("INVALID_FORMAT:vrm")
        act = [x for x in PERMITS if x["valid_from"] <= AS_OF <= x["valid_to"]]
        if any(x["vrm"] == f["vrm"] for x in act):
            rs.append("VRM_HAS_PERMIT")
        if pr and len([x for x in act if x["uprn"] == pr["uprn"]]) >= CAP:
            rs.append("PERMIT_CAP_REACHED")
        if (f["start_date"] - AS_OF).days > FORWARD:
            rs.append("DATE_IN_FUTURE")
    elif ft == "correspondence":
        known = False
        if f.get("address") and f.get("postcode") and find_prop(f["address"], f["postcode"]):
            known = True
        if f.get("account_ref") and f["account_ref"] in ACCOUNTS:
            known = True
        if not f.get("sender_name") or not known:
            rs.append("SENDER_UNKNOWN")
        if f.get("account_ref") and f["account_ref"] not in ACCOUNTS:
            rs.append("ACCOUNT_NOT_FOUND")
        if c["scenario"] == "LOW_CONFIDENCE:topic":
            rs.insert(0, "LOW_CONFIDENCE:topic")
    return rs


# fill correspondence fields
for c in CASES:
    if c["form_type"] != "correspondence":
        continue
    f = {"topic": c["topic"]}
    if c.get("sender"):
        f["sender_name"] = c["sender"]
    if c.get("address"):
        f["address"] = c["address"]
        f["postcode"] = c["postcode"]
    if c.get("account_ref"):
        f["account_ref"] = c["account_ref"]
    seen = []
    for d in c["dates"]:
        if d.isoformat() not in seen:
            seen.append(d.isoformat())
    f["dates_mentioned"] = seen
    f["body"] = " ".join(" ".join(p.split()) for p in c["paras"])
    c["fields"] = f

# sanity: no accidental duplicates across the inbox (same account for SPD, same account for move, same vrm / property for permits)
keys = {}
for c in CASES:
    f = c["fields"]
    if c["form_type"] == "council_tax_spd":
        k = ("spd", f["account_ref"])
    elif c["form_type"] == "council_tax_move":
        k = ("move", f.get("account_ref") or f["new_address"] + f["new_postcode"])
    elif c["form_type"] == "parking_permit":
        k = ("pp", f["vrm"])
    else:
        continue
    keys.setdefault(k, []).append(c)
for k, v in keys.items():
    assert len(v) == 1 or all(x["scenario"] == "DUP" for x in v), k

for c in CASES:
    rs = check(c)
    scen = c["scenario"]
    if scen in ("CLEAN", "DUP"):
        assert rs == [], (c["form_type"], c["layout"], scen, rs, c["fields"])
    else:
        assert rs == [scen], (c["form_type"], c["layout"], scen, rs, c["fields"])
    c["reasons"] = rs
    if scen == "DUP":
        c["outcome"] = "duplicate_pair"
    else:
        c["outcome"] = "approved" if not rs else "exception"

# --------------------------------------------------------------------------
# display values
# --------------------------------------------------------------------------


def disp_fields(c):
    rng = random.Random(hash_seed(c))
    f = c["fields"]
    d = {}
    for k, v in f.items():
        if isinstance(v, dt.date):
            d[k] = fmt_date(v, rdate_style(rng))
        elif k == "account_ref":
            d[k] = fmt_ref(v, rng.choice(["plain", "plain", "space", "dash", "ct", "ct_space"]))
        elif k.endswith("postcode"):
            d[k] = fmt_pc(v, rng.choice(["norm", "norm", "norm", "lower", "nospace"]))
        elif k == "vrm":
            d[k] = fmt_vrm(v, rng.choice(["spaced", "spaced", "plain", "lower"])) if vrm_valid(v) else (v[:4] + " " + v[4:])
        else:
            d[k] = v
    return d


def hash_seed(c):
    s = json.dumps({k: (str(v)) for k, v in sorted(c["fields"].items())}, sort_keys=True)
    h = 0
    for ch in s:
        h = (h * 131 + ord(ch)) % (2 ** 31)
    return h + SEED


# --------------------------------------------------------------------------
# drawing helpers
# --------------------------------------------------------------------------


def wrap(text, font, size, width):
    out = []
    for para in str(text).split("\n"):
        words = para.split()
        line = ""
        for w in words:
            t = (line + " " + w).strip()
            if stringWidth(t, font, size) <= width:
                line = t
            else:
                if line:
                    out.append(line)
                line = w
        out.append(line)
    return out


def crest(cv, x, y, s=1.0, col=NAVY):
    """Shield with marsh waves and a wheat sheaf, bottom-left at (x, y)."""
    cv.saveState()
    cv.setStrokeColor(col)
    cv.setFillColor(col)
    w, h = 34 * s, 40 * s
    pth = cv.beginPath()
    pth.moveTo(x, y + h)
    pth.lineTo(x + w, y + h)
    pth.lineTo(x + w, y + h * 0.45)
    pth.curveTo(x + w, y + h * 0.15, x + w * 0.6, y + h * 0.05, x + w / 2, y)
    pth.curveTo(x + w * 0.4, y + h * 0.05, x, y + h * 0.15, x, y + h * 0.45)
    pth.close()
    cv.setLineWidth(1.4 * s)
    cv.drawPath(pth, stroke=1, fill=0)
    cv.setLineWidth(0.9 * s)
    for i in range(3):
        yy = y + h * (0.25 + 0.1 * i)
        p2 = cv.beginPath()
        p2.moveTo(x + 5 * s, yy)
        for j in range(4):
            x0 = x + 5 * s + j * 6 * s
            p2.curveTo(x0 + 1.5 * s, yy + 2 * s, x0 + 4.5 * s, yy - 2 * s, x0 + 6 * s, yy)
        cv.drawPath(p2, stroke=1, fill=0)
    cv.line(x + w / 2, y + h * 0.58, x + w / 2, y + h * 0.9)
    cv.line(x + w / 2, y + h * 0.65, x + w / 2 - 5 * s, y + h * 0.85)
    cv.line(x + w / 2, y + h * 0.65, x + w / 2 + 5 * s, y + h * 0.85)
    cv.restoreState()


def tickbox(cv, x, y, on, size=8):
    cv.rect(x, y, size, size, stroke=1, fill=0)
    if on:
        cv.setLineWidth(1.1)
        cv.line(x + 1.5, y + 1.5, x + size - 1.5, y + size - 1.5)
        cv.line(x + 1.5, y + size - 1.5, x + size - 1.5, y + 1.5)
        cv.setLineWidth(1)


# --------------------------------------------------------------------------
# question texts for the two flowing layouts (boxes, builder)
# --------------------------------------------------------------------------


def addr_block(line1, town, line2=""):
    parts = [line1]
    if line2:
        parts.append(line2)
    parts.append(town)
    return "\n".join(parts)


def items_spd(c, d, layout):
    f = c["fields"]
    g = lambda k: d.get(k, "")
    if layout == "boxes":
        return [
            ("section", "Part 1  About you and your property"),
            ("q", "1. Your Council Tax account number (this is shown at the top of your bill)", g("account_ref")),
            ("q", "2. Full name of the person liable to pay Council Tax", g("applicant_name")),
            ("q", "3. Address of the property the discount is for", addr_block(g("address"), c["town"], c.get("line2", ""))),
            ("q", "4. Postcode of that property", g("postcode")),
            ("q", "5. Daytime telephone number", g("phone")),
            ("q", "6. Email address (we will only use this about your claim)", g("email")),
            ("section", "Part 2  Your circumstances"),
            ("q", "7. From what date have you been the only person aged 18 or over living at the property?", g("sole_adult_since")),
            ("group", "8. If another adult has recently left the property, please tell us:", [
                ("(a) their full name", g("other_adult_name")),
                ("(b) the address they have moved to", g("other_adult_forwarding_address"))]),
            ("q", "9. Please tell us briefly what has changed in your household", g("change_description"), 3),
            ("note", "If anyone aged 18 or over still lives with you, you may still qualify if they are 'disregarded' "
                     "(for example a full-time student or a live-in carer). Ask for form CT/DIS/1."),
            ("decl", "I declare that the information I have given on this form is correct and complete to the best of my knowledge. "
                     "I understand that I must tell the council within 21 days if another adult comes to live at the property, and that "
                     "giving false information may lead to a penalty or prosecution.",
             "Date of declaration", g("declaration_date")),
        ]
    return [
        ("section", "YOUR COUNCIL TAX ACCOUNT"),
        ("q", "Council Tax reference number", g("account_ref")),
        ("q", "Name of account holder", g("applicant_name")),
        ("q", "Address of the property", addr_block(g("address"), c["town"], c.get("line2", ""))),
        ("q", "Postcode", g("postcode")),
        ("section", "ABOUT YOUR CLAIM"),
        ("q", "Date you became the only adult living at the property", g("sole_adult_since")),
        ("q", "Tell us what changed", g("change_description")),
        ("q", "Name of the adult who has left (if applicable)", g("other_adult_name")),
        ("q", "Their new address, if known", g("other_adult_forwarding_address")),
        ("section", "CONTACT DETAILS"),
        ("q", "Phone number", g("phone")),
        ("q", "Email address", g("email")),
        ("section", "DECLARATION"),
        ("q", "I confirm that I am the only adult (aged 18 or over) living at this address and that the information I have given is true.",
         "Yes, I agree"),
        ("q", "Date", g("declaration_date")),
    ]


def items_move(c, d, layout):
    f = c["fields"]
    g = lambda k: d.get(k, "")
    out = f["move_type"] == "out"
    prev = addr_block(g("previous_address"), c.get("prev_town", "")) if f.get("previous_address") else ""
    new = addr_block(g("new_address"), c.get("new_town", "")) if f.get("new_address") else ""
    if layout == "boxes":
        its = [
            ("section", "Section A  Your move"),
            ("choice", "1. Are you moving into the district or out of a property in the district? (tick one)",
             [("Moving in", not out), ("Moving out", out)]),
            ("q", "2. Your full name", g("applicant_name")),
            ("q", "3. If you are moving out: your Council Tax account number", g("account_ref")),
            ("group", "4. The address you are leaving:", [("(a) address", prev), ("(b) postcode", g("previous_postcode"))]),
            ("group", "5. The address you are moving to (or your forwarding address if you are leaving the district):",
             [("(a) address", new), ("(b) postcode", g("new_postcode"))]),
            ("q", "6. Date of your move (the date you get the keys / hand them back)", g("move_date")),
            ("section", "Section B  Contact details"),
            ("q", "7. Telephone", g("phone")),
            ("q", "8. Email", g("email")),
            ("note", "If you are buying or selling, please also give us your solicitor's details in a letter. "
                     "Landlords must notify us separately of any change of tenant."),
            ("decl", "I declare that the information on this form is true and complete. I understand that the council may "
                     "check it with other organisations.", "Date", g("declaration_date")),
        ]
        return its
    return [
        ("section", "WHAT ARE YOU TELLING US?"),
        ("q", "Are you moving in or moving out?",
         "I am moving into a property in Saltmarsh and Wend" if not out else "I am moving out of a property in Saltmarsh and Wend"),
        ("section", "ABOUT YOU"),
        ("q", "Full name", g("applicant_name")),
        ("q", "Council tax account number (if moving out)", g("account_ref")),
        ("section", "ADDRESSES"),
        ("q", "Address you are leaving", prev),
        ("q", "Postcode of the address you are leaving", g("previous_postcode")),
        ("q", "New address" if not out else "Forwarding address", new),
        ("q", "Postcode of the new address", g("new_postcode")),
        ("q", "Moving date", g("move_date")),
        ("section", "CONTACT DETAILS"),
        ("q", "Telephone number", g("phone")),
        ("q", "Email", g("email")),
        ("section", "DECLARATION"),
        ("q", "I declare that the details I have given are correct.", "Yes"),
        ("q", "Date", g("declaration_date")),
    ]


def items_parking(c, d, layout):
    g = lambda k: d.get(k, "")
    if layout == "boxes":
        return [
            ("section", "Part 1  Applicant"),
            ("q", "1. Your full name", g("applicant_name")),
            ("q", "2. Your home address within the permit zone", addr_block(g("address"), c["town"], c.get("line2", ""))),
            ("q", "3. Postcode", g("postcode")),
            ("q", "4. Contact telephone number", g("phone")),
            ("q", "5. Email address", g("email")),
            ("section", "Part 2  Vehicle and permit"),
            ("group", "6. The vehicle the permit is for:", [("(a) registration number", g("vrm")), ("(b) make and model", g("vehicle_make"))]),
            ("q", "7. Which permit zone do you live in? (shown on the zone signs, e.g. W1, W2, M, ST)", g("zone")),
            ("q", "8. Date you would like the permit to start", g("start_date")),
            ("note", "A maximum of two resident permits can be issued to any one address. You must send a copy of the vehicle's "
                     "V5C registration document showing the vehicle is registered at your address."),
            ("decl", "I declare that I live at the address above, that the vehicle is kept there, and that the information I "
                     "have given is correct. I understand a permit obtained on false information will be cancelled.",
             "Date", g("declaration_date")),
        ]
    return [
        ("section", "APPLICANT DETAILS"),
        ("q", "Name", g("applicant_name")),
        ("q", "Home address", addr_block(g("address"), c["town"], c.get("line2", ""))),
        ("q", "Postcode", g("postcode")),
        ("q", "Phone", g("phone")),
        ("q", "Email address", g("email")),
        ("section", "VEHICLE DETAILS"),
        ("q", "Vehicle registration number", g("vrm")),
        ("q", "Vehicle make", g("vehicle_make")),
        ("section", "PERMIT"),
        ("q", "Permit zone", g("zone")),
        ("q", "When should your permit start?", g("start_date")),
        ("section", "DECLARATION"),
        ("q", "I confirm the vehicle is kept at my home address and the information I have given is correct.", "I confirm"),
        ("q", "Date of application", g("declaration_date")),
    ]


TITLES_FT = {
    "council_tax_spd": ("Council Tax", "Application for Single Person Discount", "CT/SPD/3"),
    "council_tax_move": ("Council Tax", "Tell us you are moving home", "CT/MOV/2"),
    "parking_permit": ("Parking Services", "Residents' Parking Permit Application", "PK/RP/5"),
}
ITEMS = {"council_tax_spd": items_spd, "council_tax_move": items_move, "parking_permit": items_parking}

# --------------------------------------------------------------------------
# layout 1: answers in a right-hand column of boxes
# --------------------------------------------------------------------------


def render_boxes(path, c, d):
    svc, title, code = TITLES_FT[c["form_type"]]
    items = ITEMS[c["form_type"]](c, d, "boxes")

    def draw(cv, total):
        W, H = 595, 842
        page = [1]
        LX, LW, BX, BW = 48, 270, 330, 220

        def footer():
            cv.setFont("Helvetica", 7)
            cv.setFillColor(colors.black)
            cv.drawString(48, 30, f"Form {code} (revised April 2026)")
            cv.drawCentredString(W / 2, 30, "Saltmarsh and Wend District Council  -  www.saltmarsh-wend.gov.uk")
            cv.drawRightString(W - 45, 30, f"Page {page[0]} of {total}")

        def head_full():
            crest(cv, 48, H - 88)
            cv.setFont("Helvetica-Bold", 15)
            cv.drawString(92, H - 62, COUNCIL)
            cv.setFont("Helvetica", 9)
            cv.drawString(92, H - 76, f"{svc}  |  Council Offices, Market Hill, Wendham SW1 9ZZ  |  01328 700 400")
            cv.rect(W - 110, H - 86, 65, 30)
            cv.setFont("Helvetica-Bold", 10)
            cv.drawCentredString(W - 77.5, H - 68, code)
            cv.setFont("Helvetica", 6.5)
            cv.drawCentredString(W - 77.5, H - 80, "form number")
            cv.setLineWidth(1.5)
            cv.line(48, H - 96, W - 45, H - 96)
            cv.setLineWidth(1)
            cv.setFont("Helvetica-Bold", 14)
            cv.drawString(48, H - 118, title)
            cv.setFont("Helvetica", 8)
            y = H - 134
            for ln in wrap("Please answer every question that applies to you. Type or write in the boxes on the right. "
                           "If you need help filling in this form, ring us on 01328 700 400 or visit any of our help points. "
                           "Return the completed form to the address at the top of this page.", "Helvetica", 8, W - 95):
                cv.drawString(48, y, ln)
                y -= 10
            return y - 8

        def head_cont():
            cv.setFont("Helvetica-Bold", 9)
            cv.drawString(48, H - 50, f"{COUNCIL}  -  {title} (continued)")
            cv.setFont("Helvetica", 8)
            cv.drawRightString(W - 45, H - 50, code)
            cv.line(48, H - 56, W - 45, H - 56)
            return H - 78

        y = head_full()

        def need(h):
            nonlocal y
            if y - h < 70:
                footer()
                cv.showPage()
                page[0] += 1
                y = head_cont()

        for it in items:
            kind = it[0]
            if kind == "section":
                need(40)
                cv.setFillColor(NAVY)
                cv.rect(48, y - 14, W - 93, 16, stroke=0, fill=1)
                cv.setFillColor(colors.white)
                cv.setFont("Helvetica-Bold", 10)
                cv.drawString(53, y - 10, it[1])
                cv.setFillColor(colors.black)
                y -= 26
            elif kind in ("q",):
                label, val = it[1], it[2]
                minl = it[3] if len(it) > 3 else 1
                ll = wrap(label, "Helvetica", 9, LW)
                vl = wrap(val, "Helvetica", 10, BW - 10) if val else []
                nl = max(len(vl), minl)
                bh = max(20, 13 * nl + 7)
                h = max(bh, 11 * len(ll))
                need(h + 8)
                cv.setFont("Helvetica", 9)
                yy = y - 10
                for ln in ll:
                    cv.drawString(LX, yy, ln)
                    yy -= 11
                cv.rect(BX, y - bh, BW, bh)
                cv.setFont("Helvetica", 10)
                yy = y - 14
                for ln in vl:
                    cv.drawString(BX + 5, yy, ln)
                    yy -= 13
                y -= h + 8
            elif kind == "group":
                ll = wrap(it[1], "Helvetica", 9, W - 95)
                need(11 * len(ll) + 30)
                cv.setFont("Helvetica", 9)
                for ln in ll:
                    cv.drawString(LX, y - 10, ln)
                    y -= 11
                y -= 4
                for sl, sv in it[2]:
                    vl = wrap(sv, "Helvetica", 10, BW - 10) if sv else []
                    bh = max(20, 13 * len(vl) + 7)
                    need(bh + 6)
                    cv.setFont("Helvetica", 9)
                    cv.drawString(LX + 18, y - 10, sl)
                    cv.rect(BX, y - bh, BW, bh)
                    cv.setFont("Helvetica", 10)
                    yy = y - 14
                    for ln in vl:
                        cv.drawString(BX + 5, yy, ln)
                        yy -= 13
                    y -= bh + 6
                y -= 2
            elif kind == "choice":
                ll = wrap(it[1], "Helvetica", 9, LW)
                h = max(11 * len(ll), 14 * len(it[2]) + 4)
                need(h + 8)
                cv.setFont("Helvetica", 9)
                yy = y - 10
                for ln in ll:
                    cv.drawString(LX, yy, ln)
                    yy -= 11
                yy = y - 12
                for txt, on in it[2]:
                    tickbox(cv, BX + 4, yy - 1, on, 9)
                    cv.setFont("Helvetica", 10)
                    cv.drawString(BX + 20, yy, txt)
                    yy -= 14
                y -= h + 8
            elif kind == "note":
                ll = wrap("Note: " + it[1], "Helvetica-Oblique", 8, W - 105)
                need(12 * len(ll) + 16)
                cv.setFillColor(GREY)
                cv.rect(48, y - 10 * len(ll) - 8, W - 93, 10 * len(ll) + 6, stroke=0, fill=1)
                cv.setFillColor(colors.black)
                cv.setFont("Helvetica-Oblique", 8)
                yy = y - 10
                for ln in ll:
                    cv.drawString(54, yy, ln)
                    yy -= 10
                y -= 10 * len(ll) + 16
            elif kind == "decl":
                # declaration always starts a new page (page 2 of the printed form)
                footer()
                cv.showPage()
                page[0] += 1
                y = head_cont()
                cv.setFillColor(NAVY)
                cv.rect(48, y - 14, W - 93, 16, stroke=0, fill=1)
                cv.setFillColor(colors.white)
                cv.setFont("Helvetica-Bold", 10)
                cv.drawString(53, y - 10, "Declaration")
                cv.setFillColor(colors.black)
                y -= 30
                cv.setFont("Helvetica", 9)
                for ln in wrap(it[1], "Helvetica", 9, W - 95):
                    cv.drawString(48, y, ln)
                    y -= 11
                y -= 10
                cv.drawString(LX, y - 10, "Signature")
                cv.rect(BX, y - 30, BW, 30)
                y -= 40
                cv.drawString(LX, y - 10, it[2])
                cv.rect(BX, y - 20, BW, 20)
                if it[3]:
                    cv.setFont("Helvetica", 10)
                    cv.drawString(BX + 5, y - 14, it[3])
                y -= 50
                # office use
                cv.setDash(3, 2)
                cv.rect(48, y - 110, W - 93, 110)
                cv.setDash()
                cv.setFont("Helvetica-Bold", 9)
                cv.drawString(56, y - 16, "FOR OFFICE USE ONLY")
                cv.setFont("Helvetica", 8)
                for i, lab in enumerate(["Date received", "Scanned by", "Verified by", "Entered on system"]):
                    yy = y - 38 - 18 * i
                    cv.drawString(56, yy, lab)
                    cv.rect(160, yy - 4, 130, 14)
                for i, lab in enumerate(["Property ref", "Decision", "Notified"]):
                    yy = y - 38 - 18 * i
                    cv.drawString(310, yy, lab)
                    cv.rect(380, yy - 4, 160, 14)
                y -= 130
                cv.setFont("Helvetica", 8)
                for ln in wrap("How we use your information: the council is a data controller under UK GDPR. We use the information "
                               "on this form to administer Council Tax, parking and related services, and may share it with other "
                               "public bodies to prevent and detect fraud. Full privacy notice: www.saltmarsh-wend.gov.uk/privacy.",
                               "Helvetica", 8, W - 95):
                    cv.drawString(48, y, ln)
                    y -= 10
        footer()
        cv.showPage()
        return page[0]

    n = draw(canvas.Canvas(io.BytesIO(), pagesize=(595, 842), invariant=1), 0)
    cv = canvas.Canvas(path, pagesize=(595, 842), invariant=1)
    cv.setTitle(f"{code} {title}")
    cv.setAuthor(COUNCIL)
    draw(cv, n)
    cv.save()


# --------------------------------------------------------------------------
# layout 2: self-print PDF from a form builder
# --------------------------------------------------------------------------


DUP_REF = []


def render_builder(path, c, d):
    svc, title, code = TITLES_FT[c["form_type"]]
    items = ITEMS[c["form_type"]](c, d, "builder")
    rng = random.Random(hash_seed(c) + 7)
    subref = f"FRM-{rng.randint(200000, 899999)}"
    if c.get("dup_copy") == 2:
        subref = f"FRM-{int(DUP_REF[0][4:]) + rng.randint(3, 40)}"
    if c.get("dup_copy") == 1:
        DUP_REF.append(subref)
    sub_d = c["fields"].get("declaration_date") or D(2026, 12, 1)
    stamp = f"{sub_d.strftime('%d/%m/%Y')} {rng.randint(7, 22):02d}:{rng.randint(0, 59):02d}"
    if c.get("dup_copy") == 2:
        stamp = f"{sub_d.strftime('%d/%m/%Y')} {rng.randint(7, 22):02d}:{rng.randint(0, 59):02d}"

    def draw(cv, total):
        W, H = 595, 842
        page = [1]

        def top():
            cv.setFont("Helvetica", 7.5)
            cv.setFillColor(colors.grey)
            cv.drawString(40, H - 28, f"{stamp}")
            cv.drawRightString(W - 40, H - 28, f"{title} - {COUNCIL}")
            cv.setFillColor(colors.black)

        def bottom():
            cv.setFont("Helvetica", 7.5)
            cv.setFillColor(colors.grey)
            cv.drawString(40, 24, f"https://forms.saltmarsh-wend.gov.uk/{code.lower().replace('/', '-')}/print?ref={subref}")
            cv.drawRightString(W - 40, 24, f"{page[0]}/{total}")
            cv.setFillColor(colors.black)

        top()
        crest(cv, 40, H - 92, 0.8, TEAL)
        cv.setFillColor(TEAL)
        cv.setFont("Helvetica-Bold", 13)
        cv.drawString(72, H - 62, COUNCIL.upper())
        cv.setFont("Helvetica", 9)
        cv.drawString(72, H - 76, "My Council online services")
        cv.setFillColor(colors.black)
        cv.setFont("Helvetica-Bold", 16)
        cv.drawString(40, H - 116, title)
        cv.setFont("Helvetica", 9)
        cv.drawString(40, H - 132, f"Submission reference: {subref}      Form: {code}      Status: Submitted")
        y = H - 152
        for it in items:
            if it[0] == "section":
                if y < 110:
                    bottom()
                    cv.showPage()
                    page[0] += 1
                    top()
                    y = H - 50
                y -= 8
                cv.setFillColor(TEAL)
                cv.setFont("Helvetica-Bold", 11)
                cv.drawString(40, y, it[1])
                cv.setStrokeColor(TEAL)
                cv.line(40, y - 4, W - 40, y - 4)
                cv.setStrokeColor(colors.black)
                cv.setFillColor(colors.black)
                y -= 20
                continue
            label, val = it[1], it[2]
            ll = wrap(label, "Helvetica-Bold", 9, W - 96)
            vl = wrap(val, "Helvetica", 10, W - 96) if val else ["-"] if False else []
            h = 12 * len(ll) + 6 + max(1, len(vl)) * 13 + 10
            if y - h < 50:
                bottom()
                cv.showPage()
                page[0] += 1
                top()
                y = H - 50
            cv.setFillColor(GREY)
            cv.rect(40, y - 12 * len(ll) - 4, W - 80, 12 * len(ll) + 6, stroke=0, fill=1)
            cv.setFillColor(colors.black)
            cv.setFont("Helvetica-Bold", 9)
            yy = y - 9
            for ln in ll:
                cv.drawString(46, yy, ln)
                yy -= 12
            yy -= 9
            cv.setFont("Helvetica", 10)
            if not vl:
                cv.setFillColor(colors.grey)
                cv.setFont("Helvetica-Oblique", 9)
                cv.drawString(46, yy, "Not answered")
                cv.setFillColor(colors.black)
                yy -= 13
            for ln in vl:
                cv.drawString(46, yy, ln)
                yy -= 13
            y = yy - 8
        y -= 10
        if y < 90:
            bottom()
            cv.showPage()
            page[0] += 1
            top()
            y = H - 60
        cv.setFont("Helvetica-Oblique", 8)
        for ln in wrap("This is a copy of the information you submitted online. Keep it for your records. You do not need to "
                       "post it to us. We aim to deal with your request within 10 working days.", "Helvetica-Oblique", 8, W - 80):
            cv.drawString(40, y, ln)
            y -= 10
        bottom()
        cv.showPage()
        return page[0]

    n = draw(canvas.Canvas(io.BytesIO(), pagesize=(595, 842), invariant=1), 0)
    cv = canvas.Canvas(path, pagesize=(595, 842), invariant=1)
    cv.setTitle(title)
    draw(cv, n)
    cv.save()


# --------------------------------------------------------------------------
# layout 3: postcard-style short form (A5 landscape)
# --------------------------------------------------------------------------


def render_postcard(path, c, d):
    f = c["fields"]
    ft = c["form_type"]
    g = lambda k: d.get(k, "")
    W, H = 595, 420
    if ft == "parking_permit":
        head, code = "RESIDENTS' PARKING PERMIT - SHORT APPLICATION", "PP5"
        cols = [
            [("Name", g("applicant_name")), ("Address", g("address")), ("Town", c["town"]), ("Postcode", g("postcode"))],
            [("Vehicle reg.", g("vrm")), ("Make/model", g("vehicle_make")), ("Zone", g("zone")), ("Permit from", g("start_date"))],
            [("Tel", g("phone")), ("Email", g("email")), ("Permit type", "Resident (annual)"), ("Fee", "GBP 48.00 paid online")],
        ]
        decl = "I live at the address given and the vehicle is kept there. I will return the permit if I move or sell the vehicle."
    elif ft == "council_tax_move":
        head, code = "COUNCIL TAX - MOVING HOME CARD", "CT/MV/C"
        out = f["move_type"] == "out"
        cols = [
            [("Moving", "OUT - leaving the address shown" if out else "IN - moving into the address shown"),
             ("Your name", g("applicant_name")), ("CT account", g("account_ref")),
             ("Moving date", g("move_date"))],
            [("Leaving (address)", g("previous_address")), ("Postcode", g("previous_postcode")),
             ("Going to (address)", g("new_address")), ("Postcode", g("new_postcode"))],
            [("Phone", g("phone")), ("Email", g("email"))],
        ]
        decl = "The details on this card are correct. I will tell the council of any further change."
    else:
        head, code = "SINGLE PERSON DISCOUNT - QUICK CLAIM", "CT/SPD/Q"
        cols = [
            [("Account no.", g("account_ref")), ("Name", g("applicant_name")), ("Address", g("address")),
             ("Postcode", g("postcode")), ("Only adult since", g("sole_adult_since"))],
            [("Adult who left", g("other_adult_name")), ("Their new address", g("other_adult_forwarding_address")),
             ("What changed", g("change_description"))],
            [("Tel", g("phone")), ("Email", g("email"))],
        ]
        decl = "I am the only adult living at the address above. I will tell you within 21 days if this changes."
    cv = canvas.Canvas(path, pagesize=(W, H), invariant=1)
    cv.setTitle(head.title())
    # border + header band
    cv.setLineWidth(2)
    cv.setStrokeColor(NAVY)
    cv.rect(14, 14, W - 28, H - 28)
    cv.setLineWidth(1)
    cv.setFillColor(NAVY)
    cv.rect(14, H - 58, W - 28, 44, stroke=0, fill=1)
    cv.setFillColor(colors.white)
    cv.setStrokeColor(colors.white)
    crest(cv, 24, H - 54, 0.9, colors.white)
    cv.setFont("Helvetica-Bold", 11)
    cv.drawString(62, H - 32, "SALTMARSH & WEND DISTRICT COUNCIL")
    cv.setFont("Helvetica", 8.5)
    cv.drawString(62, H - 46, head)
    cv.setFont("Helvetica-Bold", 14)
    cv.drawRightString(W - 26, H - 40, code)
    cv.setFillColor(colors.black)
    cv.setStrokeColor(colors.black)
    cv.setFont("Helvetica-Oblique", 7)
    cv.drawString(24, H - 70, "Complete in capitals or type. Return to: Council Offices, Market Hill, Wendham SW1 9ZZ, or hand in at any help point.")
    # columns
    ncol = len(cols)
    x0, colw = 24, (W - 48) / 3.0
    top = H - 88
    for ci, col in enumerate(cols):
        x = x0 + ci * colw
        y = top
        for lab, val in col:
            lab_t = lab + ":"
            cv.setFont("Helvetica-Bold", 7.5)
            lw = stringWidth(lab_t, "Helvetica-Bold", 7.5)
            cv.drawString(x, y, lab_t)
            avail = colw - lw - 12
            fs = 9.0
            while val and fs > 6 and max(stringWidth(w, "Courier", fs) for w in val.split()) > avail:
                fs -= 0.5
            cv.setFont("Courier", fs)
            lines = wrap(val, "Courier", fs, avail) if val else [""]
            yy = y
            for ln in lines:
                cv.drawString(x + lw + 4, yy, ln)
                yy -= fs + 2
            cv.setLineWidth(0.3)
            cv.line(x + lw + 2, y - 2.5, x + colw - 8, y - 2.5)
            cv.setLineWidth(1)
            y = min(y - 19, yy - 8)
        if ci < ncol - 1:
            cv.setStrokeColor(colors.lightgrey)
            cv.line(x + colw - 4, top + 10, x + colw - 4, 120)
            cv.setStrokeColor(colors.black)
    # declaration
    cv.setFont("Helvetica", 7.5)
    cv.drawString(24, 104, "Declaration: " + decl)
    cv.setFont("Helvetica-Bold", 7.5)
    cv.drawString(24, 86, "Signed:")
    cv.line(56, 84, 230, 84)
    cv.drawString(245, 86, "Date:")
    cv.setFont("Courier", 9)
    cv.drawString(270, 86, g("declaration_date"))
    cv.line(268, 84, 360, 84)
    # office strip
    cv.setDash(2, 2)
    cv.rect(372, 24, W - 396, 72)
    cv.setDash()
    cv.setFont("Helvetica-Bold", 7)
    cv.drawString(378, 86, "OFFICE USE ONLY")
    cv.setFont("Helvetica", 7)
    for i, lab in enumerate(["Rec'd", "Keyed", "Ref"]):
        cv.drawString(378, 70 - 14 * i, lab + " ______________________")
    cv.setFont("Helvetica", 6.5)
    cv.drawString(24, 40, "Saltmarsh and Wend District Council, Council Offices, Market Hill, Wendham SW1 9ZZ  01328 700 400")
    cv.drawString(24, 30, f"{code} 09/26  Privacy notice: www.saltmarsh-wend.gov.uk/privacy")
    cv.showPage()
    cv.save()


# --------------------------------------------------------------------------
# layout 4: fillable PDF (AcroForm)
# --------------------------------------------------------------------------


def render_fillable(path, c, d):
    f = c["fields"]
    ft = c["form_type"]
    g = lambda k: d.get(k, "")
    W, H = 595, 842
    cv = canvas.Canvas(path, pagesize=(W, H), invariant=1)
    svc, title, _ = TITLES_FT[ft]
    code = {"council_tax_spd": "SWDC-CT07", "council_tax_move": "SWDC-CT04", "parking_permit": "SWDC-PK02"}[ft]
    cv.setTitle(title + " (fillable)")
    crest(cv, 45, H - 90, 1.0)
    cv.setFont("Helvetica-Bold", 13)
    cv.drawString(88, H - 62, COUNCIL)
    cv.setFont("Helvetica", 9)
    cv.drawString(88, H - 76, f"{svc} - fillable form {code}")
    cv.setFont("Helvetica-Bold", 15)
    cv.drawString(45, H - 115, title)
    cv.setFont("Helvetica", 8)
    y = H - 132
    for ln in wrap("You can fill this form in on screen using Adobe Reader or a web browser, then save it and email it to "
                   "forms@saltmarsh-wend.gov.uk. Fields marked * must be completed. Write dates as DD/MM/YYYY.",
                   "Helvetica", 8, W - 90):
        cv.drawString(45, y, ln)
        y -= 10
    y -= 14
    af = cv.acroForm
    state = {"y": y}

    def sect(t):
        state["y"] -= 6
        cv.setFont("Helvetica-Bold", 10.5)
        cv.setFillColor(NAVY)
        cv.drawString(45, state["y"], t)
        cv.setFillColor(colors.black)
        cv.line(45, state["y"] - 4, W - 45, state["y"] - 4)
        state["y"] -= 24

    def tf(label, name, val, width=300, height=18, multiline=False, x=200):
        x = max(x, 45 + stringWidth(label, "Helvetica", 9) + 12)
        yb = state["y"] - height + 12
        cv.setFont("Helvetica", 9)
        cv.drawString(45, state["y"], label)
        af.textfield(name=name, tooltip=label.rstrip(" *"), value=val or "", x=x, y=yb - 4, width=width, height=height,
                     borderStyle="solid", borderColor=colors.grey, fillColor=colors.Color(0.93, 0.95, 1.0),
                     textColor=colors.black, forceBorder=True, fontName="Helvetica", fontSize=10 if not multiline else 9,
                     fieldFlags="multiline" if multiline else "", maxlen=400)
        state["y"] -= height + 8

    def cb(label, name, on, x):
        af.checkbox(name=name, tooltip=name, checked=on, x=x, y=state["y"] - 3, size=12, buttonStyle="cross",
                    borderColor=colors.grey, fillColor=colors.white, textColor=colors.black, forceBorder=True, fieldFlags="")
        cv.setFont("Helvetica", 9)
        cv.drawString(x + 17, state["y"], label)

    if ft == "council_tax_spd":
        sect("1. Account details")
        tf("Council Tax account number *", "Account Number", g("account_ref"), 150)
        tf("Your full name *", "Applicant Name", g("applicant_name"))
        tf("Address (house number/name and street) *", "Address 1", g("address"))
        tf("Town or village", "Town 1", c["town"], 200)
        tf("Postcode *", "Postcode 1", g("postcode"), 90)
        sect("2. The change")
        tf("Date you became the only adult *", "Date Only Adult", g("sole_adult_since"), 110)
        tf("Name of adult who left", "Other Adult Name", g("other_adult_name"))
        tf("Their new address", "Other Adult New Address", g("other_adult_forwarding_address"), 340)
        tf("What has changed?", "Circumstances", g("change_description"), 340, 44, True)
        sect("3. Contact")
        tf("Telephone", "Telephone", g("phone"), 160)
        tf("Email", "Email Address", g("email"), 260)
    elif ft == "council_tax_move":
        out = f["move_type"] == "out"
        sect("1. Are you moving in or out?")
        cb("Moving in to a property in the district", "Moving In", not out, 60)
        cb("Moving out of a property in the district", "Moving Out", out, 310)
        state["y"] -= 26
        sect("2. About you")
        tf("Full name *", "Applicant Name", g("applicant_name"))
        tf("Council Tax account number (if moving out)", "Account Number", g("account_ref"), 150, x=250)
        sect("3. Addresses")
        tf("Address you are leaving", "Address 1", g("previous_address"))
        tf("Postcode", "Postcode 1", g("previous_postcode"), 90)
        tf("Address you are moving to", "Address 2", g("new_address"))
        tf("Postcode", "Postcode 2", g("new_postcode"), 90)
        tf("Date of move *", "Move Date", g("move_date"), 110)
        sect("4. Contact")
        tf("Telephone", "Telephone", g("phone"), 160)
        tf("Email", "Email Address", g("email"), 260)
    else:
        sect("1. Applicant")
        tf("Full name *", "Applicant Name", g("applicant_name"))
        tf("Address *", "Address 1", g("address"))
        tf("Town", "Town 1", c["town"], 200)
        tf("Postcode *", "Postcode 1", g("postcode"), 90)
        tf("Telephone", "Telephone", g("phone"), 160)
        tf("Email", "Email Address", g("email"), 260)
        sect("2. Vehicle and permit")
        tf("Vehicle registration *", "Vehicle Registration", g("vrm"), 120)
        tf("Make and model", "Vehicle Make", g("vehicle_make"), 200)
        tf("Permit zone *", "Permit Zone", g("zone"), 50)
        tf("Start date *", "Start Date", g("start_date"), 110)
    sect("Declaration")
    cv.setFont("Helvetica", 8.5)
    for ln in wrap("By ticking the box and entering today's date I declare that the information I have given is true and "
                   "complete. I understand that knowingly giving false information is an offence.", "Helvetica", 8.5, W - 90):
        cv.drawString(45, state["y"], ln)
        state["y"] -= 11
    state["y"] -= 8
    cb("I agree with the declaration above", "I Agree", True, 45)
    state["y"] -= 26
    tf("Date *", "Date Signed", g("declaration_date"), 110)
    # office box
    yy = max(state["y"] - 20, 70)
    cv.setFillColor(GREY)
    cv.rect(45, yy - 40, W - 90, 50, stroke=0, fill=1)
    cv.setFillColor(colors.black)
    cv.setFont("Helvetica-Bold", 8)
    cv.drawString(52, yy - 2, "For office use only")
    cv.setFont("Helvetica", 8)
    cv.drawString(52, yy - 18, "Received: ____________    Officer: ____________    System ref: ______________")
    cv.setFont("Helvetica", 7)
    cv.drawString(45, 28, f"{code}  v2.3  {COUNCIL}")
    cv.drawRightString(W - 45, 28, "Page 1 of 1")
    cv.showPage()
    cv.save()


# --------------------------------------------------------------------------
# layout 5/6: letters and emails
# --------------------------------------------------------------------------


def render_letter(path, c):
    W, H = 595, 842
    cv = canvas.Canvas(path, pagesize=(W, H), invariant=1)
    font = "Times-Roman"
    y = H - 70
    if c.get("sender_lines"):
        lines = ([c["sender"]] if c["sender"].startswith("Cllr") else []) + c["sender_lines"]
        cv.setFont(font, 11)
        for ln in lines:
            cv.drawRightString(W - 60, y, ln)
            y -= 14
    y -= 10
    cv.drawRightString(W - 60, y, fmt_date(c["date"], c["date_style"]))
    y -= 30
    for ln in ["Saltmarsh and Wend District Council"] + COUNCIL_ADDR:
        cv.drawString(60, y, ln)
        y -= 14
    y -= 18
    cv.drawString(60, y, c["salutation"])
    y -= 20
    if c.get("subject"):
        cv.setFont("Times-Bold", 11)
        cv.drawString(60, y, c["subject"] if c["subject"].startswith("Re") else "Re: " + c["subject"])
        y -= 20
    cv.setFont(font, 11)
    for para in c["paras"]:
        for ln in wrap(para, font, 11, W - 120):
            cv.drawString(60, y, ln)
            y -= 14
        y -= 8
    y -= 6
    cv.drawString(60, y, c["closing"])
    y -= 42
    if c["sender"]:
        cv.setFont("Times-Italic", 13)
        sw = [w for w in c["sender"].split() if w.lower().rstrip(".") not in TITLES | {"cllr"}]
        cv.drawString(60, y + 14, sw[0][0] + ". " + sw[-1])
        cv.setFont(font, 11)
        cv.drawString(60, y - 4, c["sender"])
    cv.showPage()
    cv.save()


def render_email(path, c):
    W, H = 595, 842
    cv = canvas.Canvas(path, pagesize=(W, H), invariant=1)
    y = H - 50
    cv.setFont("Helvetica-Bold", 12)
    cv.drawString(50, y, "Saltmarsh and Wend DC - Customer Contact mailbox")
    y -= 8
    cv.setLineWidth(2)
    cv.line(50, y, W - 50, y)
    cv.setLineWidth(1)
    y -= 22
    frm = f"{c['sender']} <{c['email']}>" if c.get("sender") else c["email"]
    hdr = [("From:", frm), ("Sent:", f"{fmt_date(c['date'], 'day_long')} {c['time']}"),
           ("To:", "Customer Services <contact@saltmarsh-wend.gov.uk>"), ("Subject:", c["subject"])]
    for k, v in hdr:
        cv.setFont("Helvetica-Bold", 10)
        cv.drawString(50, y, k)
        cv.setFont("Helvetica", 10)
        cv.drawString(110, y, v)
        y -= 14
    y -= 16
    cv.setFont("Helvetica", 10.5)
    if c.get("salutation"):
        cv.drawString(50, y, c["salutation"])
        y -= 22
    for para in c["paras"]:
        for ln in wrap(para, "Helvetica", 10.5, W - 100):
            cv.drawString(50, y, ln)
            y -= 14
        y -= 10
    if c.get("closing"):
        cv.drawString(50, y, c["closing"])
        y -= 14
    if c.get("sender"):
        cv.drawString(50, y, c["sender"])
        y -= 14
        for ln in (c.get("sender_lines") or []):
            cv.drawString(50, y, ln)
            y -= 14
    y -= 30
    cv.setFont("Helvetica-Oblique", 7.5)
    cv.setFillColor(colors.grey)
    cv.drawString(50, 40, "Printed by the Customer Contact team for scanning into the document management system.")
    cv.showPage()
    cv.save()


# --------------------------------------------------------------------------
# write everything
# --------------------------------------------------------------------------


def write_records(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "properties"
    ws.append(["uprn", "address_line_1", "address_line_2", "town", "postcode", "council_tax_band", "ward", "parking_zone"])
    for p in PROPS:
        ws.append([p["uprn"], p["address_line_1"], p["address_line_2"] or None, p["town"], p["postcode"],
                   p["council_tax_band"], p["ward"], p["parking_zone"] or None])
    ws = wb.create_sheet("council_tax_accounts")
    ws.append(["account_ref", "uprn", "liable_parties", "status", "start_date", "end_date", "discounts"])
    for a in sorted(ACCOUNTS.values(), key=lambda a: a["account_ref"]):
        ws.append([a["account_ref"], a["uprn"], "; ".join(a["names"]), a["status"], a["start_date"], a["end_date"],
                   a["discounts"] or None])
        for col in (5, 6):
            cell = ws.cell(row=ws.max_row, column=col)
            if cell.value is not None:
                cell.number_format = "yyyy-mm-dd"
    ws = wb.create_sheet("electoral_register")
    ws.append(["elector_number", "full_name", "uprn"])
    for e in sorted(ELECTORS, key=lambda e: e["elector_number"]):
        ws.append([e["elector_number"], e["full_name"], e["uprn"]])
    ws = wb.create_sheet("parking_permits")
    ws.append(["permit_ref", "uprn", "vrm", "zone", "valid_from", "valid_to"])
    for x in PERMITS:
        ws.append([x["permit_ref"], x["uprn"], x["vrm"], x["zone"], x["valid_from"], x["valid_to"]])
        for col in (5, 6):
            ws.cell(row=ws.max_row, column=col).number_format = "yyyy-mm-dd"
    for s in wb.worksheets:
        for col in s.columns:
            s.column_dimensions[col[0].column_letter].width = max(12, min(45, max(len(str(x.value or "")) for x in col) + 2))
    fixed = dt.datetime(2026, 12, 4, 17, 30, 0)
    wb.properties.created = fixed
    wb.properties.modified = fixed
    wb.properties.creator = "Revenues extract"
    buf = io.BytesIO()
    wb.save(buf)
    # openpyxl stamps the save time; rewrite the package so the file is byte-for-byte reproducible
    import zipfile
    zin = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"<dcterms:modified([^>]*)>[^<]*</dcterms:modified>",
                              rb"<dcterms:modified\1>2026-12-04T17:30:00Z</dcterms:modified>", data)
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 12, 4, 17, 30, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(zi, data)


def main():
    # uniqueness of keys
    assert len({e["elector_number"] for e in ELECTORS}) == len(ELECTORS)
    assert len({x["permit_ref"] for x in PERMITS}) == len(PERMITS)
    inbox = os.path.join(HERE, "inbox")
    if os.path.isdir(inbox):
        shutil.rmtree(inbox)
    os.makedirs(inbox)
    write_records(os.path.join(HERE, "records.xlsx"))
    order = list(range(len(CASES)))
    R.shuffle(order)
    for i, ci in enumerate(order):
        CASES[ci]["file"] = f"doc_{i + 1:04d}.pdf"
    # duplicate pair: render copy 1 before copy 2 (copy 2 needs copy 1's reference)
    CASES.sort(key=lambda c: (c.get("dup_copy", 0)))
    for c in CASES:
        path = os.path.join(inbox, c["file"])
        lay = c["layout"]
        if c["form_type"] == "correspondence":
            (render_letter if lay == "letter" else render_email)(path, c)
            continue
        d = disp_fields(c)
        {"boxes": render_boxes, "builder": render_builder, "postcard": render_postcard,
         "fillable": render_fillable}[lay](path, c, d)
    CASES.sort(key=lambda c: c["file"])
    # split
    seen = {}
    lines = []
    for c in CASES:
        key = (c["layout"], c["form_type"])
        split = "test"
        if c["outcome"] == "approved" and c["scenario"] == "CLEAN" or (c["form_type"] == "correspondence" and c["outcome"] == "approved"):
            if seen.get(key, 0) < 2:
                split = "learn"
                seen[key] = seen.get(key, 0) + 1
        fields = {}
        for k, v in c["fields"].items():
            fields[k] = v.isoformat() if isinstance(v, dt.date) else v
        row = {"file": c["file"], "form_type": c["form_type"], "fields": fields, "outcome": c["outcome"],
               "reasons": c["reasons"], "layout": c["layout"], "split": split}
        if c["scenario"] == "DUP":
            row["duplicate_group"] = "dup-1"
        lines.append(row)
    with open(os.path.join(HERE, "truth.jsonl"), "w") as fh:
        for row in lines:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    # summary
    from collections import Counter
    print("files", len(lines))
    print("outcomes", Counter(r["outcome"] for r in lines))
    print("by type", Counter(r["form_type"] for r in lines))
    print("by layout", Counter(r["layout"] for r in lines))
    print("split", Counter(r["split"] for r in lines))
    print("properties", len(PROPS), "accounts", len(ACCOUNTS), "electors", len(ELECTORS), "permits", len(PERMITS))


if __name__ == "__main__":
    main()
