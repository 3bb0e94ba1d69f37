#!/usr/bin/env python
"""Blind test set 60: Kelderby Borough Council.

Run `python gen.py`; writes records.xlsx, inbox/*.pdf, truth.jsonl next to this file.
Deterministic (seeded). Truth reasons are derived by an independent re-implementation
of the checks in forms.md against the generated records, and asserted equal to the
reason each scenario was designed to produce.
"""
import datetime as dt
import json
import os
import random
import re
import shutil

import openpyxl
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas

SEED = 6060
rng = random.Random(SEED)
ASOF = dt.date(2026, 12, 7)
HERE = os.path.dirname(os.path.abspath(__file__))
INBOX = os.path.join(HERE, "inbox")
W, H = A4
D = dt.timedelta

# ----------------------------------------------------------------------------
# people
# ----------------------------------------------------------------------------
MALE = ["John", "Peter", "David", "Michael", "Richard", "Andrew", "Thomas", "James", "Robert", "Stephen",
        "Mark", "Paul", "Gary", "Neil", "Simon", "Ian", "Graham", "Keith", "Alan", "Martin", "Daniel",
        "Christopher", "Matthew", "Jonathan", "William", "Harry", "Oliver", "Sam", "Adam", "Ben", "Callum",
        "Edward", "George", "Frank", "Dennis", "Trevor", "Colin", "Philip", "Nigel", "Ross"]
FEMALE = ["Susan", "Margaret", "Jane", "Helen", "Sarah", "Karen", "Janet", "Patricia", "Elizabeth", "Gillian",
          "Alison", "Joanne", "Rachel", "Emma", "Claire", "Lucy", "Hannah", "Beth", "Kathryn", "Anne",
          "Dorothy", "Jean", "Pauline", "Shirley", "Wendy", "Julie", "Lorna", "Nicola", "Fiona", "Megan",
          "Sophie", "Chloe", "Amy", "Rebecca", "Ruth", "Judith", "Brenda", "Maureen", "Tracey", "Hazel"]
SURN = ["Ackroyd", "Metcalfe", "Thwaite", "Dinsdale", "Alderson", "Pickersgill", "Hebden", "Calvert", "Raw",
        "Kearton", "Harker", "Peacock", "Iveson", "Outhwaite", "Sunter", "Spensley", "Lambert", "Hird",
        "Clarkson", "Brayshaw", "Holmes", "Atkinson", "Fawcett", "Whitehead", "Lund", "Crabtree", "Sutcliffe",
        "Greenwood", "Booth", "Haworth", "Barraclough", "Moorhouse", "Horner", "Scarr", "Tennant", "Coates",
        "Handley", "Blades", "Routh", "Sedgwick", "Allen", "Garth", "Mason", "Cockburn", "Waller", "Foster",
        "Brunskill", "Kirkbride", "Wharton", "Ibbotson", "Shuttleworth", "Pratt", "Rukin", "Dodsworth",
        "Lister", "Bradley", "Hammond", "Teasdale", "Guy", "Bell", "Chapman", "Wilkinson", "Robinson",
        "Taylor", "Walker", "Hodgson", "Parker", "Jackson", "Nelson", "Naylor", "Swales", "Ellwood",
        "Fothergill", "Harrison", "Preston", "Stubbs", "Coward", "Ridley", "Bainbridge", "Thistlethwaite"]
USED_NAMES = set()
GENDER = {}


def new_person(surname=None, gender=None):
    for _ in range(10000):
        g = gender or rng.choice("MF")
        first = rng.choice(MALE if g == "M" else FEMALE)
        last = surname or rng.choice(SURN)
        full = f"{first} {last}"
        if full not in USED_NAMES:
            USED_NAMES.add(full)
            GENDER[full] = g
            return full
        if surname:
            surname = None if _ > 50 else surname
    raise RuntimeError("names exhausted")


def title_for(full):
    g = GENDER.get(full, "M")
    if g == "M":
        return rng.choice(["Mr", "Mr", "Mr", "Mr", "Mr", "Dr"])
    return rng.choice(["Mrs", "Mrs", "Mrs", "Ms", "Ms", "Miss", "Dr"])


# ----------------------------------------------------------------------------
# gazetteer
# ----------------------------------------------------------------------------
WARDS = {"KD1": "Kelderby Central", "KD2": "Kelderby North", "KD3": "Kelderby North", "KD4": "Hebble Valley",
         "KD5": "Skelsby and Cowgill", "KD6": "Skelsby and Cowgill", "KD7": "Upper Raydale",
         "KD8": "Upper Raydale", "KD9": "Upper Raydale"}
POLL = {"Kelderby Central": "KC", "Kelderby North": "KN", "Hebble Valley": "HV",
        "Skelsby and Cowgill": "SC", "Upper Raydale": "UR"}
STREETS = [
    # street, outward, locality (line 2), zone, kind, items
    ("Market Place", "KD1", "", "Market Place", "num", list(range(1, 19))),
    ("Mill Row", "KD1", "", "Zone K1", "num", list(range(1, 31))),
    ("Bridge Street", "KD1", "", "Zone K1", "num", list(range(2, 22, 2))),
    ("Wharfe House, Bridge Street", "KD1", "", "Zone K1", "flat", ["1A", "1B", "2A", "2B", "3A", "3B", "4A", "4B"]),
    ("Chapel Street", "KD1", "", "Zone K2", "num", list(range(1, 21))),
    ("Kirkgate", "KD1", "", "Zone K2", "num", list(range(1, 17))),
    ("Station Approach", "KD1", "", "Station Approach", "num", list(range(1, 13))),
    ("Victoria Terrace", "KD2", "", "Zone K2", "num", list(range(1, 15))),
    ("Prospect Street", "KD2", "", "", "num", list(range(1, 25))),
    ("Sunny Bank", "KD2", "", "", "num", list(range(1, 13))),
    ("Fell View", "KD3", "", "", "num", list(range(1, 21))),
    ("Hebble Lane", "KD4", "Hebblethwaite", "", "farm",
     ["Low Garth Farm", "High Garth Farm", "Hebble Head Farm", "Mill Beck Cottage", "Ghyll Foot", "Stang End Farm"]),
    ("School Lane", "KD5", "Skelsby", "", "num", list(range(1, 11))),
    ("The Green", "KD6", "Cowgill", "", "num", list(range(1, 9))),
    ("Moor Road", "KD7", "Thornby", "", "farm", ["Black Moss Farm", "Moor End", "Peat Gate Farm", "Whaw Cottage"]),
    ("Beck Side", "KD8", "Raydale Bridge", "", "num", list(range(1, 11))),
    ("Back Lane", "KD9", "Upper Raydale", "", "num", list(range(1, 9))),
]
INWARD_LET = "ABDEFGHJLNPQRSTUWXYZ"
USED_PC = set()


def new_postcode(outward):
    while True:
        pc = f"{outward} {rng.randint(1, 9)}{rng.choice(INWARD_LET)}{rng.choice(INWARD_LET)}"
        if pc not in USED_PC:
            USED_PC.add(pc)
            return pc


class Addr:
    def __init__(self, line1, line2, town, postcode, uprn=None):
        self.line1, self.line2, self.town, self.postcode, self.uprn = line1, line2, town, postcode, uprn

    def lines(self):
        return [x for x in (self.line1, self.line2, self.town) if x]

    def oneline(self, with_pc=True):
        s = ", ".join(self.lines())
        return s + (" " + self.postcode if with_pc else "")


PROPS = []
uprn_next = [100052004117]
for street, outward, loc, zone, kind, items in STREETS:
    pcs = [new_postcode(outward)]
    if len(items) > 12:
        pcs.append(new_postcode(outward))
    for i, it in enumerate(items):
        if rng.random() < 0.12:
            continue  # not every number exists / is in this extract
        if kind == "num":
            line1 = f"{it} {street}"
        elif kind == "flat":
            line1 = f"Flat {it}, {street}"
        else:
            line1 = f"{it}, {street}"
        pc = pcs[0] if (len(pcs) == 1 or (isinstance(it, int) and it % 2)) or not isinstance(it, int) else pcs[1]
        uprn_next[0] += rng.randint(1, 40)
        PROPS.append(dict(uprn=uprn_next[0], line1=line1, line2=loc, town="Kelderby", postcode=pc,
                          band=rng.choices("ABCDEFGH", [22, 26, 20, 13, 9, 5, 4, 1])[0],
                          ward=WARDS[outward], zone=zone, street=street))
PROP_BY_UPRN = {p["uprn"]: p for p in PROPS}


def paddr(p):
    return Addr(p["line1"], p["line2"], p["town"], p["postcode"], p["uprn"])


# ----------------------------------------------------------------------------
# accounts, electors, permits
# ----------------------------------------------------------------------------
ACCTS = {}
ELECTORS = []   # dicts num, name, uprn
PERMITS = []
elector_seq = {k: 100 + rng.randint(0, 50) for k in POLL.values()}


def new_acct_ref():
    while True:
        r = f"{rng.choice(['61', '62', '63'])}{rng.randint(0, 999999):06d}"
        if r not in ACCTS:
            return r


def rand_date(a, b):
    return a + D(days=rng.randint(0, (b - a).days))


def add_elector(name, uprn):
    code = POLL[PROP_BY_UPRN[uprn]["ward"]]
    elector_seq[code] += rng.randint(1, 3)
    ELECTORS.append(dict(num=f"{code}-{elector_seq[code]}", name=name, uprn=uprn))


def set_electors(uprn, names):
    ELECTORS[:] = [e for e in ELECTORS if e["uprn"] != uprn]
    for n in names:
        add_elector(n, uprn)


def electors_at(uprn):
    return [e["name"] for e in ELECTORS if e["uprn"] == uprn]


def active_acct(uprn):
    a = [x for x in ACCTS.values() if x["uprn"] == uprn and x["status"] == "active"]
    return a[0] if a else None


USED_VRM = set()
AREA = ["YA", "YB", "YC", "YD", "YE", "YF", "YG", "YH", "YJ", "YK", "YL", "YM", "YN", "YP", "YR", "YS", "YT",
        "YX", "YY", "PN", "PO", "PE", "BD", "BF", "LA", "LB", "NA", "ND", "VX", "WR"]
VLET = "ABCDEFGHJKLMNOPRSTUVWXYZ"


def new_vrm(style="current"):
    while True:
        if style == "current":
            age = rng.choice([f"{y:02d}" for y in range(10, 26)] + [f"{y}" for y in range(60, 76)])
            v = rng.choice(AREA) + age + "".join(rng.choice(VLET) for _ in range(3))
        elif style == "prefix":
            v = rng.choice("PRSTVWXY") + str(rng.randint(1, 999)) + "".join(rng.choice(VLET) for _ in range(3))
        else:
            v = "".join(rng.choice(VLET) for _ in range(3)) + str(rng.randint(1, 999)) + rng.choice("ABCDEFGHJKLMNPRSTVWXY")
        if v not in USED_VRM:
            USED_VRM.add(v)
            return v


permit_seq = [3100]


def add_permit(uprn, vrm, active=True):
    zone = PROP_BY_UPRN[uprn]["zone"]
    if active:
        vf = rand_date(dt.date(2026, 1, 5), dt.date(2026, 11, 25))
    else:
        vf = rand_date(dt.date(2024, 3, 1), dt.date(2025, 10, 31))
    vt = dt.date(vf.year + 1, vf.month, vf.day) - D(days=1) if not (vf.month == 2 and vf.day == 29) else dt.date(vf.year + 1, 2, 28)
    permit_seq[0] += rng.randint(1, 9)
    PERMITS.append(dict(ref=f"KRP/{vf.year % 100:02d}/{permit_seq[0]:05d}", uprn=uprn, vrm=vrm, zone=zone,
                        valid_from=vf, valid_to=vt))


def active_permits(uprn=None, vrm=None):
    return [p for p in PERMITS if p["valid_from"] <= ASOF <= p["valid_to"]
            and (uprn is None or p["uprn"] == uprn) and (vrm is None or p["vrm"] == vrm)]


for p in PROPS:
    u = p["uprn"]
    if rng.random() < 0.45:  # previous occupants
        prev = [new_person()]
        if rng.random() < 0.5:
            prev.append(new_person(prev[0].split()[-1]))
        s = rand_date(dt.date(2004, 1, 1), dt.date(2018, 12, 31))
        e = rand_date(s + D(days=400), dt.date(2024, 6, 30))
        ACCTS[new_acct_ref()] = dict(uprn=u, liable=prev, status="closed", start=s, end=e, discounts=[])
    else:
        e = None
    if rng.random() < 0.10:  # vacant now
        if e is None and rng.random() < 0.6:
            prev = [new_person()]
            s = rand_date(dt.date(2012, 1, 1), dt.date(2022, 12, 31))
            e2 = rand_date(dt.date(2025, 9, 1), dt.date(2026, 10, 31))
            ACCTS[new_acct_ref()] = dict(uprn=u, liable=prev, status="closed", start=s, end=e2, discounts=[])
        p["vacant"] = True
        continue
    p["vacant"] = False
    ht = rng.choices(["single", "couple", "family", "sharers"], [34, 44, 12, 10])[0]
    a = new_person()
    members, liable, disc = [a], [a], []
    if ht in ("couple", "family"):
        b = new_person(a.split()[-1] if rng.random() < 0.7 else None, "F" if GENDER[a] == "M" else "M")
        members.append(b)
        if rng.random() < 0.7:
            liable.append(b)
        if ht == "family":
            members.append(new_person(a.split()[-1]))
    elif ht == "sharers":
        b = new_person()
        members.append(b)
        liable.append(b)
    elif rng.random() < 0.6:
        disc = ["SPD"]
    if rng.random() < 0.05:
        disc.append("DIS")
    start = (e + D(days=rng.randint(1, 60))) if e else rand_date(dt.date(2003, 4, 1), dt.date(2026, 8, 31))
    if start > dt.date(2026, 10, 31):
        start = dt.date(2026, 10, 31)
    ACCTS[new_acct_ref()] = dict(uprn=u, liable=liable, status="active", start=start, end=None, discounts=disc)
    for m in members:
        if rng.random() < 0.9:
            add_elector(m, u)
    if p["zone"]:
        r = rng.random()
        if r < 0.45:
            add_permit(u, new_vrm())
        if r < 0.12:
            add_permit(u, new_vrm())
        if rng.random() < 0.15:
            add_permit(u, new_vrm(), active=False)

# ----------------------------------------------------------------------------
# helpers for scenarios
# ----------------------------------------------------------------------------
USED_UPRN = set()


def take_prop(pred):
    cands = [p for p in PROPS if p["uprn"] not in USED_UPRN and pred(p)]
    p = rng.choice(cands)
    USED_UPRN.add(p["uprn"])
    return p


def occupied(p):
    return not p["vacant"] and active_acct(p["uprn"]) is not None


OUT_OF_AREA = [("7 Cavendish Road", "", "Harrogate", "HG2 8AX"), ("22 Queen Street", "", "Leeds", "LS1 2TW"),
               ("Flat 5, 18 Castle Hill", "", "Lancaster", "LA1 1YN"), ("3 Holgate Road", "", "York", "YO24 4AB"),
               ("41 Keighley Road", "", "Skipton", "BD23 2NB"), ("9 Brunswick Terrace", "", "Bradford", "BD5 0QR"),
               ("16 Station Road", "", "Darlington", "DL3 6ST"), ("2 Orchard Close", "", "Ripon", "HG4 1RT"),
               ("58 Lune Street", "", "Preston", "PR1 2NN"), ("11 Dale View", "Embsay", "Skipton", "BD23 6QF"),
               ("27 Gillygate", "", "York", "YO31 7EA"), ("4 Fountains Court", "", "Harrogate", "HG1 2LQ"),
               ("Flat 12, Wellington Mill", "", "Halifax", "HX1 5QP"), ("90 Scott Hall Road", "", "Leeds", "LS7 3JB"),
               ("6 Windsor Crescent", "", "Kendal", "LA9 5DW"), ("33 Victoria Avenue", "", "Ilkley", "LS29 9BW")]
ooa_pool = list(OUT_OF_AREA)
rng.shuffle(ooa_pool)


OOA_STREETS = ["Park Road", "Church Street", "Albert Road", "Grove Terrace", "Westfield Avenue", "Springfield Close",
               "Manor Drive", "Highfield Road", "Moorland View", "Queens Road", "Elmwood Grove", "Low Lane"]
OOA_TOWNS = [("Leeds", "LS6"), ("York", "YO10"), ("Harrogate", "HG1"), ("Skipton", "BD23"), ("Lancaster", "LA1"),
             ("Bradford", "BD9"), ("Kendal", "LA9"), ("Darlington", "DL1"), ("Ripon", "HG4"), ("Keighley", "BD21"),
             ("Northallerton", "DL6"), ("Otley", "LS21")]


def out_addr():
    if ooa_pool:
        return Addr(*ooa_pool.pop())
    t, o = rng.choice(OOA_TOWNS)
    return Addr(f"{rng.randint(2, 140)} {rng.choice(OOA_STREETS)}", "", t, f"{o} {rng.randint(1, 9)}{rng.choice(INWARD_LET)}{rng.choice(INWARD_LET)}")


MAKES = ["Ford", "Vauxhall", "Toyota", "Volkswagen", "Nissan", "Kia", "Skoda", "Land Rover", "Peugeot",
         "Honda", "Hyundai", "Subaru", "Renault", "Dacia", "Mini", "BMW"]
EMAIL_DOM = ["dalesmail.co.uk", "btinternet.com", "outlook.com", "gmail.com", "yahoo.co.uk", "kelderbynet.co.uk"]


def email_for(name):
    f, l = name.split()[0].lower(), name.split()[-1].lower()
    pat = rng.choice(["{f}.{l}", "{f}{l}", "{fi}{l}", "{f}.{l}{n}", "{l}.{f}"])
    return pat.format(f=f, l=l, fi=f[0], n=rng.randint(1, 99)) + "@" + rng.choice(EMAIL_DOM)


def phone():
    if rng.random() < 0.5:
        return f"07{rng.randint(100, 999)} {rng.randint(100000, 999999)}"
    return f"01969 {rng.randint(600000, 699999)}"


def alt_ref(ref):
    """A reference that does not exist: a keying slip on a real one."""
    for _ in range(100):
        s = list(ref)
        i = rng.randint(2, 6)
        if s[i] != s[i + 1]:
            s[i], s[i + 1] = s[i + 1], s[i]
        else:
            s[i] = str((int(s[i]) + 3) % 10)
        r = "".join(s)
        if r not in ACCTS:
            return r
    raise RuntimeError


# ----------------------------------------------------------------------------
# scenario builders -> case dicts
# ----------------------------------------------------------------------------
def person_fields(case, full, with_title=True):
    t = title_for(full) if with_title else None
    case["title"], case["first"], case["last"] = t, " ".join(full.split()[:-1]), full.split()[-1]
    return f"{t} {full}" if t else full


def contact(case, name, p_phone=0.7, p_email=0.55):
    if rng.random() < p_phone:
        case["f"]["phone"] = phone()
    if rng.random() < p_email:
        case["f"]["email"] = email_for(name)


CHANGE_TEMPL = [
    "My {rel} {other} moved out on {d} and I now live here on my own.",
    "{other} and I have separated. {pron} moved out on {d} and is now living in {town}.",
    "My {rel} moved out to live with {poss} new partner. I have been on my own since {d}.",
    "{other} left the property on {d} to take up a job in {town}.",
]
CHANGE_NODATE = [
    "My {rel} has moved out and I am now the only adult living here.",
    "We have separated and {other} has moved away to {town}.",
    "{other} has gone to live in {town}. Only me here now.",
]


def build_spd(kind, layout):
    case = dict(form_type="council_tax_spd", kind=kind, layout=layout, f={})
    f = case["f"]
    p = take_prop(lambda p: occupied(p) and "SPD" not in active_acct(p["uprn"])["discounts"])
    u = p["uprn"]
    acct = active_acct(u)
    a = acct["liable"][0]
    other = acct["liable"][1] if len(acct["liable"]) > 1 else new_person(a.split()[-1] if rng.random() < .6 else None,
                                                                         "F" if GENDER[a] == "M" else "M")
    variant = rng.choice(["joint", "sole"])
    acct["liable"] = [a, other] if variant == "joint" else [a]
    acct["discounts"] = [d for d in acct["discounts"] if d != "SPD"]
    set_electors(u, [a, other] if variant == "joint" else [a])
    sole = ASOF - D(days=rng.randint(15, 300))
    decl = ASOF - D(days=rng.randint(2, 14))
    name_other = True
    fwd = out_addr() if rng.random() < 0.7 else None
    ref = acct_ref = [k for k, v in ACCTS.items() if v is acct][0]
    if acct["start"] > ASOF - D(days=340):
        acct["start"] = rand_date(dt.date(2012, 4, 1), dt.date(2024, 12, 31))
    addr = paddr(p)
    applicant = a
    if kind == "ACCOUNT_NOT_FOUND":
        ref = alt_ref(acct_ref)
        set_electors(u, [a])
    elif kind == "ACCOUNT_CLOSED":
        old = new_acct_ref()
        ACCTS[old] = dict(uprn=u, liable=[a, other], status="closed", start=acct["start"] - D(days=rng.randint(900, 3000)),
                          end=acct["start"] - D(days=1), discounts=[])
        ref = old
        set_electors(u, [a, other])
    elif kind == "NAME_MISMATCH":
        acct["liable"] = [other]
        set_electors(u, [a, other])
    elif kind == "ADDRESS_MISMATCH":
        others = [q["postcode"] for q in PROPS if q["postcode"][:3] == p["postcode"][:3] and q["postcode"] != p["postcode"]]
        others = others or [q["postcode"] for q in PROPS if q["postcode"] != p["postcode"]]
        addr = Addr(p["line1"], p["line2"], p["town"], rng.choice(others))
    elif kind == "DISCOUNT_ALREADY_APPLIED":
        acct["liable"] = [a]
        acct["discounts"] = ["SPD"]
        set_electors(u, [a])
    elif kind == "OTHER_ADULTS_REGISTERED":
        third = new_person(a.split()[-1])
        set_electors(u, [a, other, third])
    elif kind == "DATE_TOO_OLD":
        sole = ASOF - D(days=rng.randint(420, 640))
    elif kind == "DATE_IN_FUTURE":
        sole = ASOF + D(days=rng.randint(8, 24))
    f["account_ref"] = ref
    f["applicant_name"] = person_fields(case, applicant, rng.random() < 0.75)
    f["address"] = addr.line1
    f["postcode"] = addr.postcode
    f["sole_adult_since"] = sole
    if name_other:
        f["other_adult_name"] = other
    if fwd:
        f["other_adult_forwarding_address"] = fwd.oneline()
    rel = {"M": rng.choice(["husband", "partner"]), "F": rng.choice(["wife", "partner"])}[GENDER.get(other, "M")]
    if rel in ("husband",) and GENDER[a] == "M":
        rel = "partner"
    if rel == "wife" and GENDER[a] == "F":
        rel = "partner"
    pron = "He" if GENDER.get(other) == "M" else "She"
    poss = "his" if pron == "He" else "her"
    town = fwd.town if fwd else rng.choice(["Leeds", "York", "Harrogate", "Skipton"])
    case["dated_desc"] = None
    if kind == "INCONSISTENT_DATES":
        d2 = sole - D(days=rng.randint(18, 45))
        case["dated_desc"] = d2
        f["change_description"] = rng.choice(CHANGE_TEMPL).format(rel=rel, other=other, d="{D}", pron=pron, poss=poss, town=town)
    elif rng.random() < 0.75:
        if rng.random() < 0.6:
            case["dated_desc"] = sole
            f["change_description"] = rng.choice(CHANGE_TEMPL).format(rel=rel, other=other, d="{D}", pron=pron, poss=poss, town=town)
        else:
            f["change_description"] = rng.choice(CHANGE_NODATE).format(rel=rel, other=other, town=town)
    contact(case, applicant)
    f["declaration_date"] = decl
    case["addr"] = addr
    case["fwd"] = fwd
    return case


def build_move(kind, mtype, layout):
    case = dict(form_type="council_tax_move", kind=kind, layout=layout, f={})
    f = case["f"]
    f["move_type"] = mtype
    md = ASOF + D(days=rng.randint(-45, 24))
    decl = ASOF - D(days=rng.randint(1, 12))
    if mtype == "out":
        p = take_prop(occupied)
        u = p["uprn"]
        acct = active_acct(u)
        ref = [k for k, v in ACCTS.items() if v is acct][0]
        applicant = acct["liable"][0]
        prev = paddr(p)
        if kind == "ACCOUNT_NOT_FOUND":
            ref = alt_ref(ref)
        elif kind == "NAME_MISMATCH":
            applicant = new_person(applicant.split()[-1])
            set_electors(u, electors_at(u) + [applicant])
        elif kind == "ADDRESS_MISMATCH":
            q = take_prop(lambda q: q["street"] != p["street"] and q["postcode"][:3] == p["postcode"][:3])
            prev = paddr(q)
        elif kind == "DATE_IN_FUTURE":
            md = ASOF + D(days=rng.randint(40, 75))
        elif kind == "DATE_TOO_OLD":
            md = ASOF - D(days=rng.randint(390, 520))
        if kind != "MISSING_FIELD:account_ref":
            f["account_ref"] = ref
        f["applicant_name"] = person_fields(case, applicant, rng.random() < 0.6)
        f["previous_address"] = prev.line1
        f["previous_postcode"] = prev.postcode
        new = out_addr()
        f["new_address"] = new.line1
        f["new_postcode"] = new.postcode
        case["prev"], case["new"] = prev, new
    else:
        if kind == "PROPERTY_NOT_FOUND":
            n = rng.choice([3, 5, 8, 11])
            new = Addr(f"{n} Mill Croft", "", "Kelderby", new_postcode("KD1"))
        else:
            p = take_prop(lambda p: p["vacant"])
            new = paddr(p)
        if kind == "DATE_IN_FUTURE":
            md = ASOF + D(days=rng.randint(35, 70))
        applicant = new_person()
        f["applicant_name"] = person_fields(case, applicant, rng.random() < 0.6)
        prev = out_addr() if rng.random() < 0.6 else None
        if prev:
            f["previous_address"] = prev.line1
            f["previous_postcode"] = prev.postcode
        f["new_address"] = new.line1
        f["new_postcode"] = new.postcode
        case["prev"], case["new"] = prev, new
    if kind != "MISSING_FIELD:move_date":
        f["move_date"] = md
    contact(case, applicant)
    f["declaration_date"] = decl
    return case


def build_parking(kind, layout):
    case = dict(form_type="parking_permit", kind=kind, layout=layout, f={})
    f = case["f"]
    p = take_prop(lambda p: occupied(p) and p["zone"] and len(active_permits(p["uprn"])) <= 1)
    u = p["uprn"]
    acct = active_acct(u)
    pool = list(dict.fromkeys(acct["liable"] + electors_at(u)))
    applicant = rng.choice(pool)
    zone = p["zone"]
    vrm = new_vrm(rng.choices(["current", "prefix", "suffix"], [8, 1, 1])[0])
    start = ASOF + D(days=rng.randint(-6, 21))
    decl = ASOF - D(days=rng.randint(1, 12))
    if kind == "NOT_IN_PERMIT_ZONE":
        zone = rng.choice([z for z in ["Market Place", "Zone K1", "Zone K2", "Station Approach"] if z != p["zone"]])
    elif kind == "PERMIT_CAP_REACHED":
        for _ in range(2 - len(active_permits(u))):
            add_permit(u, new_vrm())
    elif kind == "NOT_RESIDENT":
        applicant = new_person(rng.choice([None, acct["liable"][0].split()[-1]]))
    elif kind == "INVALID_FORMAT:vrm":
        vrm = new_vrm() + rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ")
    elif kind == "VRM_HAS_PERMIT":
        for q in active_permits(u):
            PERMITS.remove(q)
        add_permit(u, vrm)
    elif kind == "DATE_IN_FUTURE":
        start = ASOF + D(days=rng.randint(35, 60))
    else:
        assert kind in ("clean", "MISSING_FIELD:vrm", "dup"), kind
    f["applicant_name"] = person_fields(case, applicant, rng.random() < 0.6)
    f["address"] = p["line1"]
    f["postcode"] = p["postcode"]
    if kind != "MISSING_FIELD:vrm":
        f["vrm"] = vrm
    if rng.random() < 0.75 or kind == "MISSING_FIELD:vrm":
        f["vehicle_make"] = rng.choice(MAKES)
    f["zone"] = zone
    f["start_date"] = start
    contact(case, applicant)
    f["declaration_date"] = decl
    case["addr"] = paddr(p)
    return case


# ----------------------------------------------------------------------------
# independent checker (forms.md)
# ----------------------------------------------------------------------------
TITLES = {"mr", "mrs", "ms", "miss", "dr", "mx"}


def nname(s):
    t = [x for x in re.sub(r"[.,]", " ", s).lower().split()]
    while t and t[0] in TITLES:
        t = t[1:]
    return " ".join(t)


def naddr(s):
    return " ".join(re.sub(r"[^a-z0-9 ]", " ", s.lower()).split())


def prop_lookup(line1, pc):
    for p in PROPS:
        if naddr(p["line1"]) == naddr(line1) and p["postcode"] == pc:
            return p
    return None


REQUIRED = {"council_tax_spd": ["account_ref", "applicant_name", "address", "postcode", "sole_adult_since", "declaration_date"],
            "council_tax_move": ["move_type", "applicant_name", "move_date", "declaration_date"],
            "parking_permit": ["applicant_name", "address", "postcode", "vrm", "zone", "start_date", "declaration_date"],
            "correspondence": ["topic", "body"]}
VRM_RE = [r"[A-Z]{2}[0-9]{2}[A-Z]{3}", r"[A-Z][0-9]{1,3}[A-Z]{3}", r"[A-Z]{3}[0-9]{1,3}[A-Z]"]


def check(case):
    f, ft = case["f"], case["form_type"]
    R = []
    req = list(REQUIRED[ft])
    if ft == "council_tax_move":
        req += ["account_ref", "previous_address", "previous_postcode"] if f.get("move_type") == "out" else ["new_address", "new_postcode"]
    for k in req:
        if k not in f:
            R.append(f"MISSING_FIELD:{k}")
    if ft == "council_tax_spd":
        acct = ACCTS.get(f["account_ref"])
        if not acct:
            R.append("ACCOUNT_NOT_FOUND")
        else:
            if acct["status"] == "closed":
                R.append("ACCOUNT_CLOSED")
            if nname(f["applicant_name"]) not in [nname(x) for x in acct["liable"]]:
                R.append("NAME_MISMATCH")
            p = PROP_BY_UPRN[acct["uprn"]]
            if naddr(p["line1"]) != naddr(f["address"]) or p["postcode"] != f["postcode"]:
                R.append("ADDRESS_MISMATCH")
            if "SPD" in acct["discounts"]:
                R.append("DISCOUNT_ALREADY_APPLIED")
        # evaluate other adults both via account property and via the address given: must agree
        res = set()
        uprns = set()
        if acct:
            uprns.add(acct["uprn"])
        q = prop_lookup(f["address"], f["postcode"])
        if q:
            uprns.add(q["uprn"])
        known = {nname(f["applicant_name"]), nname(f.get("other_adult_name", "-"))}
        for u in uprns:
            res.add(any(nname(e) not in known for e in electors_at(u)))
        assert len(res) <= 1, ("other-adults ambiguity", case["kind"])
        if res == {True}:
            R.append("OTHER_ADULTS_REGISTERED")
        s = f.get("sole_adult_since")
        if s:
            if s > ASOF:
                R.append("DATE_IN_FUTURE")
            if (ASOF - s).days > 365:
                R.append("DATE_TOO_OLD")
        if case.get("dated_desc") and case["dated_desc"] != s:
            R.append("INCONSISTENT_DATES")
    elif ft == "council_tax_move":
        if f["move_type"] == "out" and "account_ref" in f:
            acct = ACCTS.get(f["account_ref"])
            if not acct:
                R.append("ACCOUNT_NOT_FOUND")
            else:
                assert acct["status"] == "active"
                if nname(f["applicant_name"]) not in [nname(x) for x in acct["liable"]]:
                    R.append("NAME_MISMATCH")
                p = PROP_BY_UPRN[acct["uprn"]]
                if naddr(p["line1"]) != naddr(f["previous_address"]) or p["postcode"] != f["previous_postcode"]:
                    R.append("ADDRESS_MISMATCH")
        if f["move_type"] == "in":
            q = prop_lookup(f["new_address"], f["new_postcode"])
            if not q:
                R.append("PROPERTY_NOT_FOUND")
            else:
                assert active_acct(q["uprn"]) is None
        m = f.get("move_date")
        if m:
            if (m - ASOF).days > 28:
                R.append("DATE_IN_FUTURE")
            if (ASOF - m).days > 365:
                R.append("DATE_TOO_OLD")
    elif ft == "parking_permit":
        q = prop_lookup(f["address"], f["postcode"])
        if not q:
            R.append("PROPERTY_NOT_FOUND")
        else:
            if not q["zone"] or q["zone"] != f["zone"]:
                R.append("NOT_IN_PERMIT_ZONE")
            a = active_acct(q["uprn"])
            names = [nname(x) for x in (a["liable"] if a else [])] + [nname(x) for x in electors_at(q["uprn"])]
            if nname(f["applicant_name"]) not in names:
                R.append("NOT_RESIDENT")
        if "vrm" in f:
            if not any(re.fullmatch(r, f["vrm"]) for r in VRM_RE):
                R.append("INVALID_FORMAT:vrm")
            if active_permits(vrm=f["vrm"]):
                R.append("VRM_HAS_PERMIT")
        if q and len(active_permits(uprn=q["uprn"])) >= 2:
            R.append("PERMIT_CAP_REACHED")
        if (f["start_date"] - ASOF).days > 28:
            R.append("DATE_IN_FUTURE")
    else:
        name = f.get("sender_name")
        addr_ok = "address" in f and "postcode" in f and prop_lookup(f["address"], f["postcode"]) is not None
        acct_ok = "account_ref" in f and f["account_ref"] in ACCTS
        if not name or not (addr_ok or acct_ok):
            R.append("SENDER_UNKNOWN")
        if "account_ref" in f and f["account_ref"] not in ACCTS:
            R.append("ACCOUNT_NOT_FOUND")
    return R


# ----------------------------------------------------------------------------
# formatting
# ----------------------------------------------------------------------------
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def ordinal(n):
    return f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def fdate(d, style):
    return {"slash": f"{d.day:02d}/{d.month:02d}/{d.year}", "slash1": f"{d.day}/{d.month}/{d.year}",
            "dash": f"{d.day:02d}-{d.month:02d}-{d.year}", "dot": f"{d.day:02d}.{d.month:02d}.{d.year}",
            "long": f"{d.day} {MONTHS[d.month - 1]} {d.year}", "ord": f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}",
            "us": f"{MONTHS[d.month - 1]} {d.day}, {d.year}", "iso": d.isoformat()}[style]


def facct(r, style):
    return {"plain": r, "space": f"{r[:4]} {r[4:]}", "dash": f"{r[:4]}-{r[4:]}", "ct": f"CT{r}"}[style]


def fpc(pc, style):
    return {"std": pc, "nospace": pc.replace(" ", ""), "lower": pc.lower()}[style]


def fvrm(v, style):
    if style == "plain":
        return v
    m = re.fullmatch(r"([A-Z]{2}[0-9]{2})([A-Z]{3})", v)
    if m:
        return f"{m.group(1)} {m.group(2)}"
    m = re.fullmatch(r"([A-Z][0-9]{1,3})([A-Z]{3})", v) or re.fullmatch(r"([A-Z]{3})([0-9]{1,3}[A-Z])", v)
    if m:
        return f"{m.group(1)} {m.group(2)}"
    return v[:4] + " " + v[4:]


class Fmt:
    def __init__(self, case, dates, accts=("plain", "space", "dash", "ct")):
        self.case = case
        self.ds = rng.choice(dates)
        self.ac = rng.choice(accts)
        self.pc = rng.choices(["std", "nospace", "lower"], [8, 1, 1])[0]
        self.vr = rng.choice(["space", "space", "plain"])

    def d(self, k):
        v = self.case["f"].get(k)
        return fdate(v, self.ds) if v else ""

    def a(self):
        v = self.case["f"].get("account_ref")
        return facct(v, self.ac) if v else ""

    def p(self, k="postcode"):
        v = self.case["f"].get(k)
        return fpc(v, self.pc) if v else ""

    def v(self):
        v = self.case["f"].get("vrm")
        return fvrm(v, self.vr) if v else ""

    def s(self, k):
        return self.case["f"].get(k, "") or ""


def desc_text(case, style):
    t = case["f"].get("change_description")
    if t and "{D}" in t:
        t = t.replace("{D}", fdate(case["dated_desc"], style))
        case["f"]["change_description"] = t
    return t or ""


# ----------------------------------------------------------------------------
# drawing helpers
# ----------------------------------------------------------------------------
DARK = colors.HexColor("#1f3a4d")
GREY = colors.HexColor("#e4e4e4")


def new_canvas(path):
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    c.setAuthor("Kelderby Borough Council")
    c.setCreator("")
    c.setProducer("")
    return c


def signature(c, x, y, w=90):
    rr = random.Random(int(x * 7 + y * 13 + w))
    c.saveState()
    c.setStrokeColor(colors.HexColor("#1a1a6e"))
    c.setLineWidth(1.1)
    pth = c.beginPath()
    pth.moveTo(x, y + 4)
    cx = x
    for _ in range(5):
        nx = cx + w / 5
        pth.curveTo(cx + 5, y + rr.randint(8, 16), nx - 8, y - rr.randint(0, 6), nx, y + rr.randint(2, 9))
        cx = nx
    c.drawPath(pth, stroke=1, fill=0)
    c.restoreState()


def wrap(text, font, size, width):
    return simpleSplit(text, font, size, width) if text else [""]


def council_header(c, y_top, title, sub, code):
    c.setFillColor(DARK)
    c.circle(62, y_top - 18, 20, fill=1, stroke=0)
    c.setFillColor(colors.white)
    c.setFont("Helvetica-Bold", 10)
    c.drawCentredString(62, y_top - 22, "KBC")
    c.setFillColor(colors.black)
    c.setFont("Helvetica-Bold", 15)
    c.drawString(92, y_top - 14, "Kelderby Borough Council")
    c.setFont("Helvetica", 8)
    c.drawString(92, y_top - 26, sub)
    c.setFont("Helvetica-Bold", 13)
    c.drawString(40, y_top - 60, title)
    c.setFont("Helvetica", 7.5)
    c.drawRightString(W - 40, y_top - 14, code)


# ----------------------------------------------------------------------------
# layout 1: ruled (right-aligned labels against a vertical rule, reverse section bars)
# ----------------------------------------------------------------------------
def render_ruled(case, path):
    c = new_canvas(path)
    F = Fmt(case, ["slash", "long", "slash1", "dot"])
    f = case["f"]
    ft = case["form_type"]
    LX, RX, VX = 214, 220, 226
    if ft == "council_tax_spd":
        title = "Council Tax: application for Single Person Discount"
        code = "Form CT/SPD 7   (rev. 04/26)"
        desc = desc_text(case, F.ds if F.ds in ("long", "slash") else "long")
        secs = [
            ("1   Your council tax account", [
                ("Council tax account number", [F.a()]),
                ("Your full name", [F.s("applicant_name")]),
                ("Address of the property", case["addr"].lines()),
                ("Postcode", [F.p()]),
            ]),
            ("2   The change in your household", [
                ("From what date have you been the only adult living there?", [F.d("sole_adult_since")]),
                ("Name of the adult who has left", [F.s("other_adult_name")]),
                ("Their new address, if known", wrap(F.s("other_adult_forwarding_address"), "Helvetica", 10, 300)),
                ("Please tell us what has changed", wrap(desc, "Helvetica", 10, 300)),
            ]),
            ("3   How we can contact you", [
                ("Daytime telephone", [F.s("phone")]),
                ("Email address", [F.s("email")]),
            ]),
        ]
        decl = ("I declare that I am the only adult aged 18 or over living at the property named above and that the "
                "information I have given is correct. I will tell the council within 21 days if anyone aged 18 or "
                "over comes to live with me.")
    else:
        title = "Residents' parking permit: application"
        code = "Form PK/RES 2   (rev. 01/26)"
        secs = [
            ("1   About you", [
                ("Name of applicant", [F.s("applicant_name")]),
                ("Home address", case["addr"].lines()),
                ("Postcode", [F.p()]),
                ("Telephone", [F.s("phone")]),
                ("Email", [F.s("email")]),
            ]),
            ("2   Your vehicle", [
                ("Registration number", [F.v()]),
                ("Make of vehicle", [F.s("vehicle_make")]),
            ]),
            ("3   The permit", [
                ("Permit zone (tick one)", "ZONES"),
                ("Date you want the permit to start", [F.d("start_date")]),
            ]),
        ]
        decl = ("I declare that I live at the address above, that the vehicle is kept there, and that the details I "
                "have given are true. I understand a permit does not guarantee a parking space.")
    council_header(c, H - 30, title, "Town Hall, Market Place, Kelderby KD1 1AA   ·   01969 650650   ·   kelderby.gov.uk", code)
    y = H - 110
    c.setFont("Helvetica", 8.5)
    for ln in wrap("Please complete every section using black ink. Incomplete forms will be returned. "
                   "Office use boxes are for council staff.", "Helvetica", 8.5, W - 80):
        c.drawString(40, y, ln)
        y -= 11
    y -= 8

    def bar(y, text):
        c.setFillColor(DARK)
        c.rect(40, y - 4, W - 80, 17, fill=1, stroke=0)
        c.setFillColor(colors.white)
        c.setFont("Helvetica-Bold", 10)
        c.drawString(46, y + 1, text)
        c.setFillColor(colors.black)
        return y - 22

    for stitle, rows in secs:
        y = bar(y, stitle)
        top = y + 12
        for label, vals in rows:
            llines = wrap(label, "Helvetica", 9, LX - 50)
            c.setFont("Helvetica", 9)
            for i, ln in enumerate(llines):
                c.drawRightString(LX, y - i * 11, ln)
            if vals == "ZONES":
                x = VX
                for z in ["Market Place", "Zone K1", "Zone K2", "Station Approach"]:
                    c.rect(x, y - 2, 9, 9, stroke=1, fill=0)
                    if z == f["zone"]:
                        c.setFont("ZapfDingbats", 10)
                        c.drawString(x + 0.5, y - 1, "4")
                    c.setFont("Helvetica", 10)
                    c.drawString(x + 13, y, z)
                    x += 13 + c.stringWidth(z, "Helvetica", 10) + 16
                n = 1
            else:
                c.setFont("Helvetica", 10)
                for i, v in enumerate(vals):
                    c.drawString(VX, y - i * 13, v)
                n = max(1, len(vals))
            y -= max(len(llines) * 11, n * 13) + 9
        c.setStrokeColor(colors.HexColor("#555555"))
        c.setLineWidth(0.6)
        c.line(RX, top, RX, y + 6)
        c.setStrokeColor(colors.black)
        y -= 6
    y = bar(y, "4   Declaration")
    c.setFont("Helvetica", 8.5)
    for ln in wrap(decl, "Helvetica", 8.5, W - 90):
        c.drawString(46, y, ln)
        y -= 11
    y -= 12
    top = y + 12
    c.setFont("Helvetica", 9)
    c.drawRightString(LX, y, "Signature")
    signature(c, VX + 4, y - 2)
    y -= 26
    c.drawRightString(LX, y, "Date")
    c.setFont("Helvetica", 10)
    c.drawString(VX, y, F.d("declaration_date"))
    c.setStrokeColor(colors.HexColor("#555555"))
    c.setLineWidth(0.6)
    c.line(RX, top, RX, y - 6)
    y -= 34
    c.setDash(2, 2)
    c.rect(40, y - 30, W - 80, 40, stroke=1, fill=0)
    c.setDash()
    c.setFont("Helvetica-Oblique", 7.5)
    c.drawString(46, y, "Office use only:   Date received ..............    Batch ..............    Checked by ..............")
    c.setFont("Helvetica", 7)
    c.drawString(40, 40, "Kelderby Borough Council collects this information to administer council tax and parking. "
                         "See kelderby.gov.uk/privacy.")
    c.showPage()
    c.save()


# ----------------------------------------------------------------------------
# layout 2: qbox (numbered questions, answer in grey box on the same row)
# ----------------------------------------------------------------------------
def render_qbox(case, path):
    c = new_canvas(path)
    F = Fmt(case, ["slash", "ord", "dash", "long", "iso"])
    f = case["f"]
    ft = case["form_type"]
    if ft == "council_tax_spd":
        title = "Single Person Discount – tell us you now live alone"
        desc = desc_text(case, "long")
        qs = [
            ("What is your council tax reference number? It is printed at the top of your bill.", [F.a()]),
            ("Your name", [F.s("applicant_name")]),
            ("Which property are you claiming the discount for?", case["addr"].lines()),
            ("Postcode", [F.p()]),
            ("From what date have you been the only adult (aged 18 or over) living at the property?", [F.d("sole_adult_since")]),
            ("Who has moved out? Give their full name.", [F.s("other_adult_name")]),
            ("Where do they live now?", wrap(F.s("other_adult_forwarding_address"), "Helvetica", 10, 240)),
            ("Tell us what changed", wrap(desc, "Helvetica", 10, 240)),
            ("A phone number we can reach you on during the day", [F.s("phone")]),
            ("Your email address", [F.s("email")]),
            ("Date you signed this form", [F.d("declaration_date")]),
        ]
        code = "SPD1"
    else:
        title = "Moving home? Tell us for council tax"
        mt = {"in": "Moving in", "out": "Moving out"}[f["move_type"]]
        prev, new = case.get("prev"), case.get("new")
        qs = [
            ("Are you moving into a property in Kelderby, or moving out of one?", [mt]),
            ("Council tax reference (if you have one)", [F.a()]),
            ("Full name of the person responsible for the bill", [F.s("applicant_name")]),
            ("Address you are leaving", prev.lines() if prev else [""]),
            ("Postcode of the address you are leaving", [F.p("previous_postcode")]),
            ("Address you are moving to (your new or forwarding address)", new.lines() if new else [""]),
            ("Postcode of the new address", [F.p("new_postcode")]),
            ("What date did you move, or will you move?", [F.d("move_date")]),
            ("Daytime phone", [F.s("phone")]),
            ("Email", [F.s("email")]),
            ("Today's date", [F.d("declaration_date")]),
        ]
        code = "CTM3"
    c.setFillColor(colors.HexColor("#2e5e3e"))
    c.rect(0, H - 70, W, 70, fill=1, stroke=0)
    c.setFillColor(colors.white)
    c.setFont("Helvetica-Bold", 18)
    c.drawString(40, H - 38, "KELDERBY")
    c.setFont("Helvetica", 9)
    c.drawString(40, H - 52, "Borough Council · Council Tax Team")
    c.setFont("Helvetica", 8)
    c.drawRightString(W - 40, H - 38, f"Form {code}")
    c.drawRightString(W - 40, H - 50, "Please return to: Council Tax, Town Hall, Kelderby KD1 1AA")
    c.setFillColor(colors.black)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(40, H - 98, title)
    y = H - 120
    c.setFont("Helvetica", 8.5)
    c.drawString(40, y, "Answer each question in the shaded box. If a question does not apply to you, leave it blank.")
    y -= 22
    BX, BW = 300, W - 40 - 300
    for i, (q, ans) in enumerate(qs, 1):
        qlines = wrap(q, "Helvetica", 9.5, 220)
        n = max(len(qlines), len(ans))
        h = n * 13 + 8
        c.setFillColor(GREY)
        c.rect(BX, y - h + 11, BW, h, fill=1, stroke=0)
        c.setFillColor(colors.black)
        c.setFont("Helvetica-Bold", 9.5)
        c.drawString(40, y, f"Q{i}")
        c.setFont("Helvetica", 9.5)
        for j, ln in enumerate(qlines):
            c.drawString(66, y - j * 13, ln)
        c.setFont("Helvetica", 10)
        for j, ln in enumerate(ans):
            c.drawString(BX + 6, y - j * 13, ln)
        y -= h + 8
    y -= 4
    c.setFont("Helvetica-Bold", 9.5)
    c.drawString(40, y, "Declaration")
    y -= 13
    c.setFont("Helvetica", 8.5)
    for ln in wrap("The information on this form is true to the best of my knowledge. I understand that giving false "
                   "information to reduce council tax may lead to a penalty or prosecution.", "Helvetica", 8.5, W - 80):
        c.drawString(40, y, ln)
        y -= 11
    y -= 14
    c.setFont("Helvetica", 9.5)
    c.drawString(40, y, "Signed")
    signature(c, 90, y - 2)
    c.line(86, y - 4, 260, y - 4)
    if case.get("resent"):
        c.saveState()
        c.setFillColor(colors.HexColor("#1a1a6e"))
        c.setFont("Helvetica-Oblique", 10)
        c.drawString(320, y, "2nd copy - sent again, not heard back")
        c.restoreState()
    c.setFont("Helvetica", 7)
    c.drawString(40, 34, f"{code}/2026   Page 1 of 1")
    c.showPage()
    c.save()


# ----------------------------------------------------------------------------
# layout 3: screen (customer-service screen print)
# ----------------------------------------------------------------------------
AGENTS = ["K. Dinsdale (RB114)", "M. Sunter (RB087)", "J. Metcalfe (CS203)", "P. Iveson (CS118)", "R. Hird (PK021)"]


def render_screen(case, path):
    c = new_canvas(path)
    F = Fmt(case, ["slash", "iso", "slash"])
    f = case["f"]
    ft = case["form_type"]
    ref = f"CS-{rng.randint(2611, 2612)}-{rng.randint(1000, 99999):05d}"
    agent = rng.choice(AGENTS)
    printed = ASOF - D(days=rng.randint(0, 3))
    rows = []
    if ft == "council_tax_spd":
        kind = "CTAX - SINGLE PERSON DISC"
    elif ft == "council_tax_move":
        kind = "CTAX - CHANGE OF ADDRESS"
    else:
        kind = "PARKING - RESIDENT PERMIT"
    hdr = [f"KELDERBY BC   CUSTOMER CONTACT SYSTEM  v4.2          Printed {fdate(printed, 'slash')} {rng.randint(8, 16):02d}:{rng.randint(0, 59):02d}",
           f"Case ref: {ref}        Agent: {agent}        Channel: {rng.choice(['PHONE', 'F2F', 'PHONE'])}",
           f"Contact type: {kind}"]
    if ft == "council_tax_spd":
        desc = desc_text(case, "slash")
        rows = [("ACCT NO", F.a()), ("CUST NAME", F.s("applicant_name")), ("PROP ADDR", case["addr"].line1),
                ("", ", ".join(case["addr"].lines()[1:])), ("PROP PCODE", F.p()), ("BAND", PROP_BY_UPRN.get(case["addr"].uprn, {}).get("band", "")),
                ("EFF DATE", F.d("sole_adult_since")), ("OTH ADULT", F.s("other_adult_name")),
                ("OTH FWD ADDR", F.s("other_adult_forwarding_address")), ("CHG DETAILS", desc),
                ("CONTACT TEL", F.s("phone")), ("EMAIL", F.s("email")), ("DECL DATE", F.d("declaration_date"))]
    elif ft == "council_tax_move":
        prev, new = case.get("prev"), case.get("new")
        rows = [("MOVE TYPE", {"in": "IN", "out": "OUT"}[f["move_type"]]), ("ACCT NO", F.a()), ("CUST NAME", F.s("applicant_name")),
                ("PREV ADDR", prev.line1 if prev else ""), ("", ", ".join(prev.lines()[1:]) if prev else ""),
                ("PREV PCODE", F.p("previous_postcode")),
                ("NEW ADDR", new.line1 if new else ""), ("", ", ".join(new.lines()[1:]) if new else ""),
                ("NEW PCODE", F.p("new_postcode")), ("EFF DATE", F.d("move_date")),
                ("CONTACT TEL", F.s("phone")), ("EMAIL", F.s("email")), ("DECL DATE", F.d("declaration_date"))]
    else:
        rows = [("CUST NAME", F.s("applicant_name")), ("PROP ADDR", case["addr"].line1), ("", ", ".join(case["addr"].lines()[1:])),
                ("PROP PCODE", F.p()), ("VRM", F.v()), ("MAKE", F.s("vehicle_make").upper()),
                ("ZONE", F.s("zone")), ("EFF DATE", F.d("start_date")), ("PERMIT TYPE", "RESIDENT 12M"),
                ("CONTACT TEL", F.s("phone")), ("EMAIL", F.s("email")), ("DECL DATE", F.d("declaration_date"))]
        if f.get("vehicle_make"):
            f["vehicle_make"] = f["vehicle_make"].upper()
    y = H - 50
    c.setFont("Courier-Bold", 9)
    for ln in hdr:
        c.drawString(36, y, ln)
        y -= 12
    c.setFont("Courier", 9)
    c.drawString(36, y, "-" * 92)
    y -= 16
    for lab, val in rows:
        if not lab and not val:
            continue
        c.setFont("Courier-Bold", 9.5)
        c.drawString(48, y, lab)
        c.setFont("Courier", 9.5)
        lines = simpleSplit(val, "Courier", 9.5, 380) if val else [""]
        for j, ln in enumerate(lines):
            c.drawString(168, y - j * 12, ln)
        y -= 12 * len(lines) + 3
    y -= 8
    c.drawString(36, y, "-" * 92)
    y -= 14
    c.setFont("Courier-Bold", 9)
    c.drawString(36, y, "AGENT NOTES")
    y -= 12
    c.setFont("Courier", 9)
    notes = rng.choice(["Caller ID checked (DOB + postcode). Advised decision within 10 working days.",
                        "Customer verified. Declaration read out and agreed on call.",
                        "ID confirmed. Cust asked for confirmation by post."])
    for ln in simpleSplit(notes, "Courier", 9, 500):
        c.drawString(48, y, ln)
        y -= 12
    y -= 10
    c.drawString(36, y, f"STATUS: AWAITING BACK OFFICE     QUEUE: {'CTAX-DISC' if ft == 'council_tax_spd' else 'CTAX-MOVES' if ft == 'council_tax_move' else 'PARK-RES'}")
    c.setFont("Courier", 7.5)
    c.drawString(36, 30, f"{ref}   page 1/1   CCS print profile: FULL")
    c.showPage()
    c.save()


# ----------------------------------------------------------------------------
# layout 4: acroform (fillable; generic field names, tooltips give the question)
# ----------------------------------------------------------------------------
def render_acro(case, path):
    c = new_canvas(path)
    F = Fmt(case, ["slash", "slash1", "dash", "long"])
    f = case["f"]
    ft = case["form_type"]
    af = c.acroForm
    council_header(c, H - 30, "Council Tax – moving in or out" if ft == "council_tax_move" else "Apply for a residents' parking permit",
                   "Customer Services · Town Hall · Market Place · Kelderby KD1 1AA", "Fillable form KBC-E" + ("12" if ft == "council_tax_move" else "31"))
    y = H - 112
    c.setFont("Helvetica", 8.5)
    c.drawString(40, y, "You can fill in this form on screen, save it and email it to forms@kelderby.gov.uk.")
    y -= 26
    tcount = [0]
    rcount = [0]

    def text(label, tip, value, h=18, width=300):
        nonlocal y
        tcount[0] += 1
        c.setFont("Helvetica", 9.5)
        lines = wrap(label, "Helvetica", 9.5, 190)
        for j, ln in enumerate(lines):
            c.drawString(44, y - j * 11, ln)
        af.textfield(name=f"Text{tcount[0]}", tooltip=tip, x=240, y=y - h + 12, width=width, height=h, value=value or "",
                     borderColor=colors.HexColor("#7a7a7a"), fillColor=colors.HexColor("#eef3fb"), textColor=colors.black,
                     borderWidth=0.8, fontName="Helvetica", fontSize=10 if h < 30 else 9,
                     fieldFlags="multiline" if h >= 30 else "")
        y -= max(h, len(lines) * 11) + 10

    def radio(label, tip, options, chosen):
        nonlocal y
        rcount[0] += 1
        c.setFont("Helvetica", 9.5)
        lines = wrap(label, "Helvetica", 9.5, 190)
        for j, ln in enumerate(lines):
            c.drawString(44, y - j * 11, ln)
        x = 240
        for exp, lab in options:
            af.radio(name=f"Radio{rcount[0]}", tooltip=tip, value=exp, selected=(exp == chosen), x=x, y=y - 2, size=11,
                     buttonStyle="circle", shape="circle", borderColor=colors.HexColor("#555555"),
                     fillColor=colors.white, textColor=colors.black, forceBorder=True)
            c.setFont("Helvetica", 9.5)
            c.drawString(x + 15, y, lab)
            x += 15 + c.stringWidth(lab, "Helvetica", 9.5) + 12
        y -= max(22, len(lines) * 11 + 10)

    def section(t):
        nonlocal y
        c.setFont("Helvetica-Bold", 10.5)
        c.setFillColor(DARK)
        c.drawString(40, y, t)
        c.setFillColor(colors.black)
        c.setLineWidth(0.5)
        c.line(40, y - 4, W - 40, y - 4)
        y -= 20

    if ft == "council_tax_move":
        prev, new = case.get("prev"), case.get("new")
        section("About your move")
        radio("Are you moving in or moving out?", "Are you moving into or out of a property in Kelderby?",
              [("in", "Moving in"), ("out", "Moving out")], f["move_type"])
        text("Council tax account number (if known)", "Council tax account number", F.a())
        text("Your full name", "Full name of the person liable", F.s("applicant_name"))
        text("Date of move", "Date you moved or will move (dd/mm/yyyy)", F.d("move_date"))
        section("Address you are leaving")
        text("First line of address", "Previous address - house number/name and street", prev.line1 if prev else "")
        text("Town", "Previous address - town", ", ".join(prev.lines()[1:]) if prev else "")
        text("Postcode", "Previous address - postcode", F.p("previous_postcode"), width=110)
        section("Address you are moving to")
        text("First line of address", "New or forwarding address - house number/name and street", new.line1 if new else "")
        text("Town", "New or forwarding address - town", ", ".join(new.lines()[1:]) if new else "")
        text("Postcode", "New or forwarding address - postcode", F.p("new_postcode"), width=110)
        section("Contact details")
        text("Telephone", "Contact telephone number", F.s("phone"), width=180)
        text("Email", "Contact email address", F.s("email"))
        radio("Is anyone else aged 18 or over moving with you?", "Other adults moving", [("Yes", "Yes"), ("No", "No")],
              rng.choice(["Yes", "No"]))
    else:
        section("Applicant")
        text("Full name", "Applicant's full name", F.s("applicant_name"))
        text("House number/name and street", "Address line 1", case["addr"].line1)
        text("Town", "Address - town", ", ".join(case["addr"].lines()[1:]))
        text("Postcode", "Postcode", F.p(), width=110)
        text("Phone", "Daytime telephone", F.s("phone"), width=180)
        text("Email", "Email address", F.s("email"))
        section("Vehicle and permit")
        text("Vehicle registration", "Vehicle registration mark (number plate)", F.v(), width=130)
        text("Make", "Vehicle make", F.s("vehicle_make"), width=180)
        radio("Zone", "Residents' parking zone", [(z, z) for z in ["Market Place", "Zone K1", "Zone K2", "Station Approach"]], f["zone"])
        text("Permit start date", "Date the permit should start (dd/mm/yyyy)", F.d("start_date"), width=130)
        radio("Is the vehicle registered to you at this address?", "Vehicle keeper at this address", [("Yes", "Yes"), ("No", "No")], "Yes")
    section("Declaration")
    c.setFont("Helvetica", 8.5)
    for ln in wrap("By typing the date below I confirm that the information I have given is correct and complete.",
                   "Helvetica", 8.5, W - 90):
        c.drawString(44, y, ln)
        y -= 11
    y -= 6
    text("Date", "Declaration date (dd/mm/yyyy)", F.d("declaration_date"), width=130)
    c.setFont("Helvetica", 7)
    c.drawString(40, 30, "KBC e-forms · data protection notice at kelderby.gov.uk/privacy")
    c.showPage()
    c.save()


# ----------------------------------------------------------------------------
# layout 5: boxes (Day/Month/Year boxes, comb boxes for the account number)
# ----------------------------------------------------------------------------
def render_boxes(case, path):
    c = new_canvas(path)
    f = case["f"]
    ft = case["form_type"]
    council_header(c, H - 30, "Single Person Discount claim" if ft == "council_tax_spd" else "Council tax: change of address",
                   "Revenues · PO Box 117 · Kelderby KD1 1AB", "CT" + ("-SPD-B" if ft == "council_tax_spd" else "-MOV-B"))
    y = H - 110
    c.setFont("Helvetica", 8.5)
    c.drawString(40, y, "Write one character in each box. Put a cross (X) in the boxes that apply.")
    y -= 24
    LX = 40
    VX = 190

    def lab(t, yy):
        c.setFont("Helvetica", 9)
        for j, ln in enumerate(wrap(t, "Helvetica", 9, VX - LX - 8)):
            c.drawString(LX, yy - j * 10, ln)

    def box(x, yy, w, h=18, txt=""):
        c.setLineWidth(0.7)
        c.rect(x, yy - 5, w, h, stroke=1, fill=0)
        if txt:
            c.setFont("Helvetica", 10)
            c.drawString(x + 4, yy, txt)

    def comb(x, yy, chars, n, cw=15):
        c.setLineWidth(0.7)
        for i in range(n):
            c.rect(x + i * cw, yy - 5, cw, 18, stroke=1, fill=0)
            if i < len(chars) and chars[i] != " ":
                c.setFont("Helvetica", 11)
                c.drawCentredString(x + i * cw + cw / 2, yy, chars[i])

    def xbox(x, yy, on):
        c.rect(x, yy - 2, 10, 10, stroke=1, fill=0)
        if on:
            c.setFont("Helvetica-Bold", 10)
            c.drawString(x + 1.8, yy - 0.5, "X")

    def dmy(yy, d, label):
        nonlocal y
        lab(label, yy)
        x = VX
        vals = (f"{d.day:02d}", f"{d.month:02d}", f"{d.year}") if d else ("", "", "")
        for cap, v, w in (("Day", vals[0], 30), ("Month", vals[1], 30), ("Year", vals[2], 46)):
            c.setFont("Helvetica", 6.5)
            c.drawString(x, yy + 15, cap)
            box(x, yy, w, txt=v)
            x += w + 10
        y = yy - 36

    def title_row(yy):
        nonlocal y
        lab("Title", yy)
        x = VX
        for t in ["Mr", "Mrs", "Miss", "Ms", "Dr", "Mx"]:
            xbox(x, yy, case.get("title") == t)
            c.setFont("Helvetica", 9)
            c.drawString(x + 13, yy, t)
            x += 46
        y = yy - 26

    def namerows():
        nonlocal y
        title_row(y)
        lab("Forename(s)", y)
        box(VX, y, 300, txt=case["first"])
        y -= 26
        lab("Surname", y)
        box(VX, y, 300, txt=case["last"])
        y -= 28

    def addr_rows(a, heading):
        nonlocal y
        lines = a.lines() if a else []
        for i in range(3):
            lab(heading if i == 0 else "", y)
            box(VX, y, 340, txt=lines[i] if i < len(lines) else "")
            y -= 24
        lab("Postcode", y)
        pc = a.postcode if a else " "
        outw, inw = pc.split(" ") if " " in pc else ("", "")
        comb(VX, y, outw, 4)
        comb(VX + 4 * 15 + 12, y, inw, 3)
        y -= 30

    def section(t):
        nonlocal y
        c.setFillColor(GREY)
        c.rect(LX, y - 4, W - 80, 16, fill=1, stroke=0)
        c.setFillColor(colors.black)
        c.setFont("Helvetica-Bold", 9.5)
        c.drawString(LX + 4, y, t)
        y -= 28

    acct = f.get("account_ref", "")
    if ft == "council_tax_spd":
        desc = desc_text(case, rng.choice(["long", "slash"]))
        section("Part 1  You and your property")
        lab("Council tax account number", y)
        comb(VX, y, acct, 8)
        y -= 30
        namerows()
        addr_rows(case["addr"], "Address")
        section("Part 2  Living alone")
        dmy(y, f.get("sole_adult_since"), "I have been the only adult at this address since")
        lab("Name of the person who moved out", y)
        box(VX, y, 340, txt=f.get("other_adult_name", ""))
        y -= 30
        lab("Their new address", y)
        box(VX, y, 340, txt=f.get("other_adult_forwarding_address", ""))
        y -= 26
        lab("What changed? (in your own words)", y)
        lines = wrap(desc, "Helvetica", 9.5, 330)
        c.rect(VX, y - 36 + 13, 340, 40, stroke=1, fill=0)
        c.setFont("Helvetica", 9.5)
        for j, ln in enumerate(lines[:3]):
            c.drawString(VX + 4, y - j * 12, ln)
        y -= 52
    else:
        section("Part 1  Your move")
        lab("I am", y)
        xbox(VX, y, f["move_type"] == "out")
        c.setFont("Helvetica", 9)
        c.drawString(VX + 14, y, "moving OUT of a Kelderby property")
        xbox(VX + 190, y, f["move_type"] == "in")
        c.drawString(VX + 204, y, "moving IN to a Kelderby property")
        y -= 28
        lab("Council tax account number (moving out only)", y)
        comb(VX, y, acct, 8)
        y -= 32
        namerows()
        dmy(y, f.get("move_date"), "Date of move")
        section("Part 2  Addresses")
        addr_rows(case.get("prev"), "Address you are leaving")
        addr_rows(case.get("new"), "New address (or forwarding address)")
    section("Part 3  Contact and declaration")
    lab("Phone", y)
    box(VX, y, 160, txt=f.get("phone", ""))
    y -= 24
    lab("Email", y)
    box(VX, y, 260, txt=f.get("email", ""))
    y -= 26
    c.setFont("Helvetica", 8)
    c.drawString(LX, y, "I confirm the information on this form is correct.")
    y -= 22
    lab("Signature", y)
    c.rect(VX, y - 5, 160, 20, stroke=1, fill=0)
    signature(c, VX + 8, y)
    y -= 34
    dmy(y, f.get("declaration_date"), "Date")
    c.setFont("Helvetica", 7)
    c.drawString(40, 30, "Return to Revenues, PO Box 117, Kelderby KD1 1AB. Keep a copy for your records.")
    c.showPage()
    c.save()


# ----------------------------------------------------------------------------
# layout 6: prose (letters and emails)
# ----------------------------------------------------------------------------
class Prose:
    """Builds prose, recording every date that appears (in order)."""

    def __init__(self, style):
        self.style = style
        self.dates = []

    def d(self, d, style=None, weekday=False):
        if d not in self.dates:
            self.dates.append(d)
        s = fdate(d, style or self.style)
        return (DAYS[d.weekday()] + " " + s) if weekday else s


def render_letter(path, sender_lines, date_str, subject, salutation, paras, close, signame):
    c = new_canvas(path)
    font = "Times-Roman"
    y = H - 60
    c.setFont(font, 11)
    for ln in sender_lines:
        c.drawRightString(W - 60, y, ln)
        y -= 13.5
    y -= 10
    c.drawRightString(W - 60, y, date_str)
    y -= 30
    for ln in ["Council Tax / Customer Services", "Kelderby Borough Council", "Town Hall", "Market Place", "Kelderby", "KD1 1AA"]:
        c.drawString(60, y, ln)
        y -= 13.5
    y -= 16
    if subject:
        c.setFont("Times-Bold", 11)
        c.drawString(60, y, subject)
        y -= 22
    c.setFont(font, 11)
    c.drawString(60, y, salutation)
    y -= 20
    for p in paras:
        for ln in simpleSplit(p, font, 11, W - 120):
            c.drawString(60, y, ln)
            y -= 14
        y -= 8
    y -= 4
    c.drawString(60, y, close)
    y -= 12
    if signame:
        signature(c, 62, y - 26, 80)
        y -= 44
        c.drawString(60, y, signame)
    c.showPage()
    c.save()


def render_email(path, from_name, from_addr, sent, subject, salutation, paras, close, signame, sig_extra):
    c = new_canvas(path)
    y = H - 50
    c.setFont("Helvetica-Bold", 12)
    c.drawString(50, y, from_name or from_addr)
    y -= 8
    c.setLineWidth(1.5)
    c.line(50, y, W - 50, y)
    y -= 16
    for k, v in (("From:", f"{from_name} <{from_addr}>" if from_name else from_addr), ("Sent:", sent),
                 ("To:", "Customer Services <customer.services@kelderby.gov.uk>"), ("Subject:", subject)):
        c.setFont("Helvetica-Bold", 9.5)
        c.drawString(50, y, k)
        c.setFont("Helvetica", 9.5)
        c.drawString(110, y, v)
        y -= 13
    y -= 16
    c.setFont("Helvetica", 10)
    c.drawString(50, y, salutation)
    y -= 18
    for p in paras:
        for ln in simpleSplit(p, "Helvetica", 10, W - 100):
            c.drawString(50, y, ln)
            y -= 13
        y -= 8
    c.drawString(50, y, close)
    y -= 13
    for ln in ([signame] if signame else []) + sig_extra:
        c.drawString(50, y, ln)
        y -= 13
    c.setFont("Helvetica", 7)
    c.drawString(50, 30, "Printed from the customer services mailbox")
    c.showPage()
    c.save()


def collapse(s):
    return " ".join(s.split())


def build_corr(kind, topic, medium):
    """Correspondence: returns case with a render closure."""
    case = dict(form_type="correspondence", kind=kind, layout="prose", f={})
    f = case["f"]
    P = Prose(rng.choice(["long", "ord", "slash"]))
    p = take_prop(occupied)
    acct = active_acct(p["uprn"])
    ref = [k for k, v in ACCTS.items() if v is acct][0]
    name = acct["liable"][0]
    a = paddr(p)
    letter_date = ASOF - D(days=rng.randint(2, 9))
    sent = letter_date
    give_addr = not (topic == "council_tax_query" and medium == "email" and rng.random() < 0.7)
    quote_ref = None
    subject = None
    sal = "Dear Sir or Madam,"
    if topic == "missed_bin":
        miss = letter_date - D(days=rng.randint(2, 8))
        while miss.weekday() > 4:
            miss -= D(days=1)
        prevmiss = miss - D(days=14)
        bin_ = rng.choice(["grey", "green", "blue recycling"])
        subject = "Missed bin collection" if medium == "email" else None
        paras = [f"Our {bin_} bin at {a.line1} was not emptied on {P.d(miss, 'long', weekday=True)}. It was out at the kerb "
                 f"by seven in the morning as usual and the rest of the street was done.",
                 f"This is the second time it has been missed, the last time being {P.d(prevmiss)}. Please could the crew "
                 f"come back for it before the next collection, as it is now overflowing."]
    elif topic == "council_tax_query":
        quote_ref = ref if kind != "ACCOUNT_NOT_FOUND" else alt_ref(ref)
        inst = rng.choice(["12", "10"])
        subject = f"Council tax account {facct(quote_ref, 'space')}" if medium == "email" else f"Account {facct(quote_ref, rng.choice(['plain', 'ct']))}"
        pay = letter_date - D(days=rng.randint(10, 30))
        paras = [f"I have received a reminder notice for my council tax, account {facct(quote_ref, 'space')}, saying that "
                 f"the instalment due on {P.d(pay)} has not been paid. I paid it by bank transfer that day and have the "
                 f"bank statement to show it.",
                 f"Could you please check the account and let me know whether I can now spread the rest of this year's "
                 f"bill over {inst} monthly instalments instead? I would rather not fall behind."]
    elif topic == "complaint":
        when = letter_date - D(days=rng.randint(3, 12))
        subject = "Formal complaint" if medium == "email" else "Complaint"
        paras = [f"I wish to make a formal complaint about the way I was dealt with at the Town Hall customer service "
                 f"desk on {P.d(when)}. I had an appointment to discuss my housing benefit letter, waited over an hour, "
                 f"and was then told to come back another day.",
                 "The member of staff I spoke to was dismissive and would not give me their name. I would like a written "
                 "response explaining what went wrong and what the council will do to stop it happening again."]
    elif topic == "foi_request":
        d1, d2 = dt.date(2025, 4, 1), dt.date(2026, 3, 31)
        subject = "Freedom of Information request - residents' parking"
        paras = [f"Under the Freedom of Information Act 2000, please provide the number of penalty charge notices issued "
                 f"in each residents' parking zone in Kelderby between {P.d(d1, 'long')} and {P.d(d2, 'long')}, and the "
                 f"number of those that were cancelled on appeal.",
                 "I would be grateful to receive the information electronically as a spreadsheet."]
    else:  # other
        subject = "Allotment waiting list"
        paras = ["I would like to be put on the waiting list for an allotment at the Sunny Bank site. I have recently "
                 "retired and would be happy to take on a half plot if that is all that is available.",
                 "Please could you let me know how long the wait is at present and what the annual rent would be."]
    anonymous = kind == "SENDER_UNKNOWN"
    if anonymous:
        close = "A fed-up resident"
        signame = None
        give_addr = False
    else:
        close = "Yours faithfully," if medium == "letter" else rng.choice(["Kind regards,", "Regards,", "Many thanks,"])
        signame = name
        f["sender_name"] = name
    if give_addr:
        f["address"] = a.line1
        f["postcode"] = a.postcode
    if quote_ref:
        f["account_ref"] = quote_ref
    f["topic"] = topic
    if medium == "letter":
        dstr = P.d(letter_date)
        # header date first: re-order dates so it comes first
        sender = (a.lines() + [a.postcode]) if give_addr else []
        body_dates = list(P.dates)
        P.dates = [letter_date] + [x for x in body_dates if x != letter_date]
        subj = f"Re: {subject}" if subject else None
        case["render"] = lambda path: render_letter(path, sender, dstr, subj, sal, paras, close, signame)
    else:
        sstr = f"{DAYS[sent.weekday()]}, {sent.day} {MONTHS[sent.month - 1]} {sent.year} {rng.randint(7, 22):02d}:{rng.randint(0, 59):02d}"
        body_dates = list(P.dates)
        P.dates = [sent] + [x for x in body_dates if x != sent]
        extra = (a.lines() + [a.postcode]) if give_addr else []
        em = email_for(name) if not anonymous else "kelderby.resident73@gmail.com"
        sal = rng.choice(["Dear Sir or Madam,", "Hello,", "Good morning,"])
        case["render"] = lambda path: render_email(path, None if anonymous else name, em, sstr, subject, sal, paras, close, signame, extra)
    f["body"] = collapse(" ".join([sal] + paras))
    f["dates_mentioned"] = [x.isoformat() for x in P.dates]
    return case


def prose_application(case, medium):
    """Write an application (SPD or move) as a letter or email."""
    f = case["f"]
    ft = case["form_type"]
    style = rng.choice(["long", "ord"])
    ds = lambda k: fdate(f[k], style)
    name = f["applicant_name"]
    decl = f["declaration_date"]
    refs = facct(f["account_ref"], rng.choice(["space", "ct", "plain"])) if f.get("account_ref") else None
    if ft == "council_tax_spd":
        a = case["addr"]
        sender = a.lines() + [a.postcode]
        subject = f"Re: Single person discount - account {refs}"
        paras = [f"I am writing to apply for the single person discount on my council tax for {a.line1}, {a.town} {a.postcode}. "
                 f"My account number is {refs}."]
        if case["kind"] == "DATE_IN_FUTURE":
            paras.append(f"{f['other_adult_name']} is moving out on {ds('sole_adult_since')} and from that date "
                         f"I will be the only adult living here.")
        else:
            paras.append(f"{f['other_adult_name']} moved out on {ds('sole_adult_since')} and since then I have been the "
                         f"only adult living at the property.")
        if f.get("other_adult_forwarding_address"):
            paras.append(f"Their new address is {f['other_adult_forwarding_address']}.")
        paras.append("Please let me know if you need anything else from me.")
        f.pop("change_description", None)
        case["dated_desc"] = None
    else:
        prev, new = case.get("prev"), case.get("new")
        if f["move_type"] == "out":
            sender = prev.lines() + [prev.postcode]
            subject = f"Re: Moving out - council tax account {refs}" if refs else "Re: Moving out"
            when = f"on {ds('move_date')}" if f.get("move_date") else \
                "once the sale of the house completes, which we expect to be some time in the new year"
            moved = bool(f.get("move_date") and f["move_date"] < decl)
            verb = "moved out of" if moved else "will be moving out of"
            if moved:
                sender = new.lines() + [new.postcode]
            paras = [f"I am writing to let you know that I {verb} {prev.line1}, {prev.town}, {prev.postcode} {when}."]
            if refs:
                paras.append(f"My council tax account number is {refs}.")
            paras.append(f"My new address is {new.oneline()}. Please send the final bill there." if moved else
                         f"My forwarding address will be {new.oneline()}. Please send the final bill there.")
            if not f.get("move_date"):
                paras.append("I will ring to confirm the exact date nearer the time, but wanted to let you know now.")
        else:
            sender = (prev.lines() + [prev.postcode]) if prev else []
            subject = "New council tax account - moving in"
            verb = "moved into" if f["move_date"] < decl else "am moving into"
            paras = [f"I {verb} {new.line1}, {', '.join(new.lines()[1:])} {new.postcode} on {ds('move_date')} and need to "
                     f"set up a council tax account for the property."]
            if prev:
                paras.append(f"My previous address was {prev.oneline()}." if f["move_date"] < decl else
                             f"At the moment I live at {prev.oneline()}.")
            paras.append("Please send the bill to my new address.")
    if medium == "letter":
        f.pop("email", None)
        if f.get("phone"):
            sender = sender + [f"Tel: {f['phone']}"]
        case["render"] = lambda path: render_letter(path, sender, fdate(decl, style), subject, "Dear Sir or Madam,", paras,
                                                    "Yours faithfully,", name)
    else:
        if not f.get("email"):
            f["email"] = email_for(name.split(None, 1)[1] if name.split()[0] in ("Mr", "Mrs", "Ms", "Miss", "Dr", "Mx") else name)
        sent = f"{DAYS[decl.weekday()]}, {decl.day} {MONTHS[decl.month - 1]} {decl.year} {rng.randint(7, 22):02d}:{rng.randint(0, 59):02d}"
        extra = [f["phone"]] if f.get("phone") else []
        plain = name.split(None, 1)[1] if name.split()[0] in ("Mr", "Mrs", "Ms", "Miss", "Dr", "Mx") else name
        case["render"] = lambda path: render_email(path, plain, f["email"], sent, subject.replace("Re: ", ""), "Hello,", paras,
                                                   "Kind regards,", name, extra)
    return case


RENDER = {"ruled": render_ruled, "qbox": render_qbox, "screen": render_screen, "acroform": render_acro, "boxes": render_boxes}

# ----------------------------------------------------------------------------
# the plan
# ----------------------------------------------------------------------------
PLAN = [
    ("ruled", "spd", ["clean"] * 3 + ["OTHER_ADULTS_REGISTERED", "DATE_TOO_OLD", "ACCOUNT_NOT_FOUND"]),
    ("ruled", "parking", ["clean"] * 3 + ["NOT_IN_PERMIT_ZONE", "PERMIT_CAP_REACHED"]),
    ("qbox", "spd", ["clean"] * 3 + ["dup", "NAME_MISMATCH", "DISCOUNT_ALREADY_APPLIED"]),
    ("qbox", "move", ["clean/out", "clean/in", "clean/out", "ADDRESS_MISMATCH/out", "DATE_IN_FUTURE/in"]),
    ("screen", "move", ["clean/out", "clean/out", "clean/in", "ACCOUNT_NOT_FOUND/out", "DATE_TOO_OLD/out"]),
    ("screen", "parking", ["clean"] * 3 + ["VRM_HAS_PERMIT", "INVALID_FORMAT:vrm"]),
    ("acroform", "move", ["clean/in", "clean/out", "clean/out", "PROPERTY_NOT_FOUND/in", "NAME_MISMATCH/out"]),
    ("acroform", "parking", ["clean"] * 3 + ["NOT_RESIDENT", "MISSING_FIELD:vrm"]),
    ("boxes", "spd", ["clean"] * 3 + ["ACCOUNT_CLOSED", "INCONSISTENT_DATES", "ADDRESS_MISMATCH"]),
    ("boxes", "move", ["clean/out", "clean/in", "clean/out", "MISSING_FIELD:account_ref/out"]),
]
CORR_PLAN = [("clean", "missed_bin", "letter"), ("clean", "council_tax_query", "email"), ("clean", "complaint", "letter"),
             ("clean", "foi_request", "email"), ("clean", "other", "letter"),
             ("SENDER_UNKNOWN", "complaint", "letter"), ("ACCOUNT_NOT_FOUND", "council_tax_query", "letter")]
PROSE_APPS = [("spd", "clean", None, "letter"), ("spd", "DATE_IN_FUTURE", None, "letter"),
              ("move", "clean", "out", "letter"), ("move", "clean", "in", "email"), ("move", "MISSING_FIELD:move_date", "out", "letter")]


def main():
    cases = []
    for layout, ftype, kinds in PLAN:
        for k in kinds:
            kind, _, mt = k.partition("/")
            if ftype == "spd":
                cs = build_spd(kind if kind != "dup" else "clean", layout)
                if kind == "dup":
                    cs["kind"] = "dup"
                cases.append(cs)
            elif ftype == "move":
                cases.append(build_move(kind, mt, layout))
            else:
                cases.append(build_parking(kind, layout))
    for kind, topic, medium in CORR_PLAN:
        cases.append(build_corr(kind, topic, medium))
    for ftype, kind, mt, medium in PROSE_APPS:
        cs = build_spd(kind, "prose") if ftype == "spd" else build_move(kind, mt, "prose")
        cases.append(prose_application(cs, medium))
    # duplicate pair: a second identical copy of the dup case
    dup = [c for c in cases if c["kind"] == "dup"][0]
    twin = dict(dup)
    twin["f"] = dup["f"]  # same fields (same application)
    twin["resent"] = True
    cases.append(twin)
    order = list(range(len(cases)))
    rng.shuffle(order)
    cases = [cases[i] for i in order]

    if os.path.isdir(INBOX):
        shutil.rmtree(INBOX)
    os.makedirs(INBOX)
    truth = []
    seen = {}
    for i, cs in enumerate(cases, 1):
        name = f"doc_{i:04d}.pdf"
        path = os.path.join(INBOX, name)
        # the twin must be rendered with the same display choices as its original
        if cs["kind"] == "dup":
            key = id(cs["f"])
            state = seen.get(key)
            if state is None:
                seen[key] = rng.getstate()
            else:
                saved = rng.getstate()
                rng.setstate(state)
        if "render" in cs:
            cs["render"](path)
        else:
            RENDER[cs["layout"]](cs, path)
        if cs["kind"] == "dup" and state is not None:
            rng.setstate(saved)
        cs["file"] = name
    # records-side consistency: reasons computed from the records must be what the scenario was built for
    for cs in cases:
        got = check(cs)
        want = [] if cs["kind"] in ("clean", "dup") else [cs["kind"]]
        assert got == want, (cs["file"], cs["layout"], cs["form_type"], cs["kind"], got)
    learn_count = {}
    for cs in cases:
        f = {}
        for k, v in cs["f"].items():
            if v is None or v == "" or v == []:
                continue
            f[k] = v.isoformat() if isinstance(v, dt.date) else v
        clean = cs["kind"] == "clean"
        row = {"file": cs["file"], "form_type": cs["form_type"], "fields": f,
               "outcome": "duplicate_pair" if cs["kind"] == "dup" else ("approved" if clean else "exception"),
               "reasons": [] if cs["kind"] in ("clean", "dup") else [cs["kind"]],
               "layout": cs["layout"]}
        key = (cs["layout"], cs["form_type"])
        if clean and learn_count.get(key, 0) < 2:
            learn_count[key] = learn_count.get(key, 0) + 1
            row["split"] = "learn"
        else:
            row["split"] = "test"
        if cs["kind"] == "dup":
            row["duplicate_group"] = "dup-1"
        truth.append(row)
    with open(os.path.join(HERE, "truth.jsonl"), "w") as fh:
        for row in truth:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    write_workbook()
    n_clean = sum(1 for r in truth if r["outcome"] == "approved")
    n_exc = sum(1 for r in truth if r["outcome"] == "exception")
    print(f"{len(truth)} files: {n_clean} approved, {n_exc} exception, "
          f"{sum(1 for r in truth if r['outcome'] == 'duplicate_pair')} duplicate_pair; "
          f"{len(PROPS)} properties, {len(ACCTS)} accounts, {len(ELECTORS)} electors, {len(PERMITS)} permits")


def write_workbook():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "properties"
    ws.append(["uprn", "address_line_1", "address_line_2", "town", "postcode", "council_tax_band", "ward", "parking_zone"])
    for p in PROPS:
        ws.append([p["uprn"], p["line1"], p["line2"] or None, p["town"], p["postcode"], p["band"], p["ward"], p["zone"] or None])
    ws = wb.create_sheet("council_tax_accounts")
    ws.append(["account_ref", "uprn", "liable_parties", "status", "start_date", "end_date", "discounts"])
    for ref, a in sorted(ACCTS.items(), key=lambda kv: (kv[1]["uprn"], kv[1]["start"])):
        ws.append([ref, a["uprn"], ";".join(a["liable"]), a["status"], a["start"], a["end"], ";".join(a["discounts"]) or None])
    for row in ws.iter_rows(min_row=2):
        row[0].number_format = "@"
        row[4].number_format = "yyyy-mm-dd"
        row[5].number_format = "yyyy-mm-dd"
    ws = wb.create_sheet("electoral_register")
    ws.append(["elector_number", "full_name", "uprn"])
    for e in sorted(ELECTORS, key=lambda e: (e["num"].split("-")[0], int(e["num"].split("-")[1]))):
        ws.append([e["num"], e["name"], e["uprn"]])
    ws = wb.create_sheet("parking_permits")
    ws.append(["permit_ref", "uprn", "vrm", "zone", "valid_from", "valid_to"])
    for p in sorted(PERMITS, key=lambda p: p["ref"]):
        ws.append([p["ref"], p["uprn"], p["vrm"], p["zone"], p["valid_from"], p["valid_to"]])
        ws.cell(ws.max_row, 5).number_format = "yyyy-mm-dd"
        ws.cell(ws.max_row, 6).number_format = "yyyy-mm-dd"
    for s in wb.worksheets:
        for col in s.columns:
            s.column_dimensions[col[0].column_letter].width = max(10, min(45, max(len(str(c.value or "")) for c in col) + 2))
    wb.properties.creator = "Kelderby BC records extract"
    wb.properties.created = dt.datetime(2026, 12, 4, 6, 0, 0)
    wb.properties.modified = dt.datetime(2026, 12, 4, 6, 0, 0)
    out = os.path.join(HERE, "records.xlsx")
    wb.save(out)
    # make the zip byte-identical between runs (fixed member timestamps)
    import io
    import zipfile
    with zipfile.ZipFile(out) as zin:
        members = [(i.filename, zin.read(i.filename)) for i in zin.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for n, data in members:
            if n == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2026-12-04T06:00:00Z", data)
            zi = zipfile.ZipInfo(n, date_time=(2026, 12, 4, 6, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(zi, data)
    with open(out, "wb") as fh:
        fh.write(buf.getvalue())


if __name__ == "__main__":
    main()
