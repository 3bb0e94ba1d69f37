#!/usr/bin/env python3
"""Blind test set 30: Westerleigh Borough Council.

Deterministic generator: records.xlsx, inbox/*.pdf, truth.jsonl, README.md.
Run:  python gen.py   (writes next to this file)
"""
import datetime as dt
import io
import json
import os
import random
import re
import shutil
import zipfile

from reportlab.lib.colors import Color, black, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas
import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
INBOX = os.path.join(HERE, "inbox")
ASOF = dt.date(2026, 12, 7)
R = random.Random(30071)

COUNCIL = "Westerleigh Borough Council"
W, H = A4

# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]


def ordinal(n):
    if 10 <= n % 100 <= 20:
        s = "th"
    else:
        s = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{s}"


def fmt_date(d, style):
    if style == "dmy_slash":
        return d.strftime("%d/%m/%Y")
    if style == "dmy_slash_short":
        return f"{d.day}/{d.month}/{d.year}"
    if style == "dmy_dash":
        return d.strftime("%d-%m-%Y")
    if style == "dmy_dot":
        return d.strftime("%d.%m.%Y")
    if style == "long":
        return f"{d.day} {MONTHS[d.month-1]} {d.year}"
    if style == "long_ord":
        return f"{ordinal(d.day)} {MONTHS[d.month-1]} {d.year}"
    if style == "us_long":
        return f"{MONTHS[d.month-1]} {d.day}, {d.year}"
    if style == "iso":
        return d.isoformat()
    raise ValueError(style)


def norm_pc(pc):
    s = re.sub(r"\s+", "", pc).upper()
    return s[:-3] + " " + s[-3:]


def write_pc(pc, style):
    if style == "normal":
        return pc
    if style == "lower":
        return pc.lower()
    if style == "nospace":
        return pc.replace(" ", "")
    return pc


def write_ref(ref, style):
    if style == "plain":
        return ref
    if style == "space":
        return ref[:4] + " " + ref[4:]
    if style == "dash":
        return ref[:4] + "-" + ref[4:]
    if style == "ct":
        return "CT" + ref
    return ref


def write_vrm(v, style):
    # v is normalised; spaced form per style of plate
    if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z]{3}", v):
        spaced = v[:4] + " " + v[4:]
    elif re.fullmatch(r"[A-Z]\d{1,3}[A-Z]{3}", v):
        spaced = v[:-3] + " " + v[-3:]
    elif re.fullmatch(r"[A-Z]{3}\d{1,3}[A-Z]", v):
        spaced = v[:3] + " " + v[3:]
    else:
        spaced = v[:4] + " " + v[4:]
    if style == "spaced":
        return spaced
    if style == "lower":
        return spaced.lower()
    return v


def strip_title(name):
    return re.sub(r"^(mr|mrs|ms|miss|dr|mx)\.?\s+", "", name.strip(), flags=re.I)


def name_key(name):
    return re.sub(r"\s+", " ", strip_title(name)).strip().lower()


# --------------------------------------------------------------------------
# people
# --------------------------------------------------------------------------
FIRST_F = ["Jane", "Sarah", "Emma", "Priya", "Olivia", "Hannah", "Rachel", "Chloe", "Fiona", "Gemma",
           "Aisha", "Laura", "Megan", "Nicola", "Joanne", "Katie", "Bethany", "Lucy", "Sophie", "Amira",
           "Helen", "Claire", "Zofia", "Deborah", "Yasmin", "Rebecca", "Harriet", "Niamh", "Ruth", "Alison"]
FIRST_M = ["David", "Mark", "James", "Tom", "Rajesh", "Daniel", "Gareth", "Oliver", "Samuel", "Ben",
           "Callum", "Adam", "Imran", "Peter", "Stephen", "Kieran", "Lewis", "Martin", "Tomasz", "Owen",
           "Hassan", "Richard", "Graham", "Neil", "Alistair", "Jonathan", "Connor", "Femi", "Paul", "Craig"]
SURN = ["Ashworth", "Bennett", "Chaudhry", "Dawson", "Ellison", "Fairbairn", "Gallagher", "Hartley", "Iqbal",
        "Jarvis", "Kowalski", "Lockwood", "Mahmood", "Nolan", "Okafor", "Pennington", "Quayle", "Rowntree",
        "Sheridan", "Thornton", "Underwood", "Varley", "Whitlock", "Yardley", "Abbott", "Blackwell", "Crowther",
        "Doyle", "Everett", "Fenwick", "Griffiths", "Holloway", "Ingram", "Jennings", "Kerr", "Lindqvist",
        "McAllister", "Newbold", "O'Connell", "Patel", "Radcliffe", "Stannard", "Tiwari", "Vaughan",
        "Wainwright", "Brennan", "Costa", "Drummond", "Hussain", "Mensah", "Sutcliffe", "Talbot", "Winterbourne",
        "Harcourt", "Loveday", "Pryce", "Oduya", "Szymanski", "Chen", "Forsyth"]

USED_NAMES = set()


class Person:
    def __init__(self, first, last, gender):
        self.first, self.last, self.gender = first, last, gender

    @property
    def full(self):
        return f"{self.first} {self.last}"

    def title(self):
        if self.gender == "f":
            return R.choice(["Mrs", "Ms", "Miss"])
        return "Mr"

    def written(self, with_title):
        return f"{with_title} {self.full}" if with_title else self.full


def new_person(last=None, gender=None):
    for _ in range(1000):
        g = gender or R.choice("fm")
        f = R.choice(FIRST_F if g == "f" else FIRST_M)
        l = last or R.choice(SURN)
        if (f, l) not in USED_NAMES:
            USED_NAMES.add((f, l))
            return Person(f, l, g)
    raise RuntimeError("names exhausted")


# --------------------------------------------------------------------------
# gazetteer
# --------------------------------------------------------------------------
# (street, locality, outward, zone, ward, kind, count, block street)
STREETS = [
    ("Mill Lane", "", "WL1", "A", "Town Centre", "house", 10, None),
    ("Church Street", "", "WL1", "A", "Town Centre", "house", 8, None),
    ("Linden House", "", "WL1", "A", "Town Centre", "flat", 8, "Church Street"),
    ("Station Road", "", "WL2", "B1", "Station", "house", 10, None),
    ("Kestrel Court", "", "WL2", "B1", "Station", "flat", 10, "Station Road"),
    ("Victoria Road", "", "WL2", "B2", "Station", "house", 8, None),
    ("Regent House", "", "WL2", "B2", "Station", "flat", 8, "Victoria Road"),
    ("Albert Terrace", "", "WL3", "C", "Ashcombe", "house", 8, None),
    ("Hawthorn Avenue", "", "WL3", "C", "Ashcombe", "house", 8, None),
    ("Saxon Close", "Ashcombe", "WL4", "D", "Ashcombe", "house", 6, None),
    ("Bluebell Way", "Westerleigh Park", "WL5", "", "Brookmead", "house", 10, None),
    ("Foxglove Road", "Westerleigh Park", "WL5", "", "Brookmead", "house", 6, None),
    ("Kingfisher Drive", "Orchard Meadows", "WL6", "", "Orchard Meadows", "house", 8, None),
    ("Meridian Point", "Orchard Meadows", "WL6", "", "Orchard Meadows", "flat", 8, "Kingfisher Drive"),
]
WARD_CODE = {"Town Centre": "TC", "Station": "ST", "Ashcombe": "AS", "Brookmead": "BM",
             "Orchard Meadows": "OM"}
INWARD_L = "ABDEFGHJLNPQRSTUWXYZ"
USED_PC = set()


def new_pc(outward):
    while True:
        pc = f"{outward} {R.randint(1, 9)}{R.choice(INWARD_L)}{R.choice(INWARD_L)}"
        if pc not in USED_PC:
            USED_PC.add(pc)
            return pc


PROPS = []          # list of dicts
PROP_BY_UPRN = {}
STREET_PCS = {}
uprn_seq = 100062110000
for (street, loc, outw, zone, ward, kind, count, blk_street) in STREETS:
    if kind == "flat":
        pc = new_pc(outw)
        STREET_PCS[street] = [pc]
        nums = list(range(1, count + 1))
    else:
        pcs = [new_pc(outw), new_pc(outw)]
        STREET_PCS[street] = pcs
        nums = list(range(1, count + 1))
    for n in nums:
        uprn_seq += R.randint(3, 40)
        if kind == "flat":
            line1 = f"Flat {n}, {street}"
            line2 = blk_street
            band = R.choice("ABBC")
            pcx = pc
        else:
            line1 = f"{n} {street}"
            line2 = loc
            band = R.choice("CDDEEF")
            pcx = pcs[n % 2]
        p = dict(uprn=uprn_seq, line1=line1, line2=line2, town="Westerleigh", postcode=pcx,
                 band=band, ward=ward, zone=zone, kind=kind, street=street, claimed=False)
        PROPS.append(p)
        PROP_BY_UPRN[p["uprn"]] = p

ACCOUNTS = {}       # ref -> dict
ELECTORS = []       # dicts
PERMITS = []        # dicts
USED_REFS = set()
USED_VRMS = set()
elector_seq = [100]
permit_seq = [5000]


def new_ref():
    while True:
        r = str(R.choice([4, 4, 4, 6])) + "".join(str(R.randint(0, 9)) for _ in range(7))
        if r not in USED_REFS:
            USED_REFS.add(r)
            return r


def add_account(uprn, liable, status="active", start=None, end=None, discounts=""):
    ref = new_ref()
    if start is None:
        start = ASOF - dt.timedelta(days=R.randint(400, 3500))
    ACCOUNTS[ref] = dict(account_ref=ref, uprn=uprn, liable=[p.full if isinstance(p, Person) else p for p in liable],
                         status=status, start=start, end=end, discounts=discounts)
    return ref


def add_elector(uprn, person):
    elector_seq[0] += R.randint(1, 9)
    ward = PROP_BY_UPRN[uprn]["ward"]
    name = person.full if isinstance(person, Person) else person
    ELECTORS.append(dict(no=f"{WARD_CODE[ward]}-{elector_seq[0]}", name=name, uprn=uprn))


def new_vrm(style=None):
    style = style or R.choice(["cur"] * 8 + ["pre", "suf"])
    L = "ABCDEFGHJKLMNOPRSTUVWXY"
    while True:
        if style == "cur":
            v = R.choice("ABDEFGHKLMNOPRSVWY") + R.choice(L) + R.choice(
                ["15", "65", "16", "66", "17", "67", "18", "68", "19", "69", "20", "70", "21", "71", "22",
                 "72", "23", "73", "24", "74", "25"]) + "".join(R.choice(L) for _ in range(3))
        elif style == "pre":
            v = R.choice("ABCDEFGHJKLMNPRSTVWXY") + str(R.randint(1, 999)) + "".join(R.choice(L) for _ in range(3))
        else:
            v = "".join(R.choice(L) for _ in range(3)) + str(R.randint(1, 999)) + R.choice("ABCDEFGHJKLMNPRSTVWXY")
        if v not in USED_VRMS:
            USED_VRMS.add(v)
            return v


def add_permit(uprn, vrm, zone, vfrom, vto):
    permit_seq[0] += R.randint(1, 30)
    PERMITS.append(dict(ref=f"RP{permit_seq[0]:06d}", uprn=uprn, vrm=vrm, zone=zone, vfrom=vfrom, vto=vto))


def claim(pred):
    cands = [p for p in PROPS if not p["claimed"] and pred(p)]
    p = R.choice(cands)
    p["claimed"] = True
    return p


MAKES = ["Ford Fiesta", "Vauxhall Corsa", "VW Golf", "Toyota Yaris", "Nissan Qashqai", "Kia Sportage",
         "Honda Jazz", "Peugeot 208", "Skoda Octavia", "BMW 1 Series", "Tesla Model 3", "Hyundai Tucson",
         "Fiat 500", "Mini Cooper", "Renault Clio", "MG ZS EV"]


def d_between(a, b):
    return ASOF + dt.timedelta(days=R.randint(a, b))


def phone():
    return R.choice(["07700 900", "07700 900", "01632 960"]) + f"{R.randint(0, 999):03d}"


def email_for(p):
    dom = R.choice(["example.com", "example.net", "example.org"])
    sep = R.choice([".", "_", ""])
    return f"{p.first.lower()}{sep}{p.last.lower().replace(chr(39), '')}{R.choice(['', '', str(R.randint(1, 99))])}@{dom}"


def nonexistent_ref():
    while True:
        r = "4" + "".join(str(R.randint(0, 9)) for _ in range(7))
        if r not in USED_REFS:
            USED_REFS.add(r)   # reserve so no account gets it
            return r


# --------------------------------------------------------------------------
# scenario plan
# --------------------------------------------------------------------------
# layouts: A online_confirmation, B paper_sections, C label_grid, D fillable_acroform, E correspondence
PLAN = [
    # council_tax_spd
    ("spd", "online_confirmation", ["clean", "clean", "clean", "dup", "ACCOUNT_NOT_FOUND", "DATE_IN_FUTURE"]),
    ("spd", "paper_sections", ["clean", "clean", "clean", "dup", "NAME_MISMATCH", "OTHER_ADULTS_REGISTERED",
                               "DATE_TOO_OLD"]),
    ("spd", "label_grid", ["clean", "clean", "clean", "ADDRESS_MISMATCH", "DISCOUNT_ALREADY_APPLIED"]),
    # council_tax_move
    ("move", "online_confirmation", ["clean_out", "clean_in", "clean_out", "PROPERTY_NOT_FOUND", "DATE_TOO_OLD"]),
    ("move", "paper_sections", ["clean_in", "clean_out", "clean_out", "ACCOUNT_NOT_FOUND",
                                "MISSING_FIELD:move_date", "DATE_IN_FUTURE"]),
    ("move", "fillable_acroform", ["clean_out", "clean_in", "clean_in", "NAME_MISMATCH", "ADDRESS_MISMATCH"]),
    # parking_permit
    ("permit", "online_confirmation", ["clean", "clean", "clean", "INVALID_FORMAT:vrm", "NOT_RESIDENT"]),
    ("permit", "label_grid", ["clean", "clean", "clean", "clean", "PROPERTY_NOT_FOUND", "VRM_HAS_PERMIT"]),
    ("permit", "fillable_acroform", ["clean", "clean", "clean", "NOT_IN_PERMIT_ZONE", "PERMIT_CAP_REACHED",
                                     "MISSING_FIELD:zone"]),
    # correspondence
    ("corr", "correspondence", ["bin_letter", "bin_email", "ctq_letter", "ctq_email", "complaint_letter",
                                "foi_email", "other_letter", "anon_email", "unknown_addr_letter",
                                "badref_letter"]),
]

DOCS = []   # each: dict(form_type, layout, scen, data, truth_fields, outcome, reasons, extra)
DUP = {}    # shared data for the duplicate pair


def pick_title(p, prob=0.5):
    return p.title() if R.random() < prob else None


# ---------------------------- SPD -----------------------------------------
def build_spd(layout, scen):
    if scen == "dup" and "spd" in DUP:
        d = dict(DUP["spd"])
        d["decl"] = min(d["decl"] + dt.timedelta(days=4), ASOF)   # posted a few days after the online form
        return d
    p = claim(lambda p: True)
    app = new_person()
    has_other = R.random() < 0.75 or scen in ("NAME_MISMATCH",)
    other = new_person(last=app.last if R.random() < 0.5 else None) if has_other else None
    since = d_between(-300, -25)
    decl = ASOF - dt.timedelta(days=R.randint(2, 14))
    liable = [app]
    if other and R.random() < 0.5:
        liable = [app, other]
    electors = [app]
    if other and R.random() < 0.3:
        electors.append(other)   # not yet removed from the register: named, so not "another adult"
    discounts = ""
    ref_on_form = None
    addr_prop = p
    if scen == "ACCOUNT_NOT_FOUND":
        ref_on_form = nonexistent_ref()
    elif scen == "NAME_MISMATCH":
        liable = [other]          # the bill was in the name of the partner who left
        electors = [app, other]
    elif scen == "ADDRESS_MISMATCH":
        # wrote a neighbouring flat/house number by mistake (a real, different property)
        sib = [q for q in PROPS if q["street"] == p["street"] and q["uprn"] != p["uprn"] and not q["claimed"]]
        addr_prop = R.choice(sib)
        addr_prop["claimed"] = True
    elif scen == "DISCOUNT_ALREADY_APPLIED":
        discounts = "SPD"
    elif scen == "OTHER_ADULTS_REGISTERED":
        lodger = new_person(last=app.last if R.random() < 0.5 else None)
        electors = [app, lodger]
    elif scen == "DATE_IN_FUTURE":
        since = d_between(12, 45)
        decl = ASOF - dt.timedelta(days=R.randint(1, 6))
    elif scen == "DATE_TOO_OLD":
        since = d_between(-640, -420)
        decl = ASOF - dt.timedelta(days=R.randint(2, 15))
    acc_start = min(since, decl) - dt.timedelta(days=R.randint(200, 2500))
    ref = add_account(p["uprn"], liable, start=acc_start, discounts=discounts)
    if addr_prop is not p:
        # the other property is occupied by someone else
        add_account(addr_prop["uprn"], [new_person()])
    for e in electors:
        add_elector(p["uprn"], e)
    if ref_on_form is None:
        ref_on_form = ref
    t = pick_title(app, 0.5)
    changes = []
    if other:
        rel = R.choice(["partner", "husband" if other.gender == "m" else "wife", "lodger", "flatmate",
                        "son" if other.gender == "m" else "daughter"])
        mention_date = scen not in ("DATE_IN_FUTURE",) and R.random() < 0.45
        if scen == "DATE_IN_FUTURE":
            desc = f"My {rel} {other.first} is moving out and I will be living on my own from then."
        elif mention_date:
            desc = f"My {rel} moved out on {fmt_date(since, R.choice(['long', 'long_ord']))} and I now live alone."
        else:
            desc = R.choice([f"My {rel} has moved out and I now live on my own.",
                             f"{other.first} ({rel}) moved to a new address. I am now the only adult here.",
                             f"Relationship ended, my {rel} moved out. Just me living here now."])
        fwd_p = R.choice([q for q in PROPS if q["uprn"] != p["uprn"]])
        fwd = None
        if R.random() < 0.7:
            fwd = [fwd_p["line1"]] + ([fwd_p["line2"]] if fwd_p["line2"] else []) + ["Westerleigh", fwd_p["postcode"]]
    else:
        desc = R.choice(["My mother passed away and I am now the only adult in the house.",
                         "My grown-up son has gone to live in his own flat.",
                         "I have separated from my husband, who has moved away.",
                         None])
        fwd = None
    d = dict(
        app=app, app_title=t, app_written=app.written(t), ref=ref_on_form,
        ref_style=R.choice(["plain", "plain", "space", "ct", "dash"]),
        prop=addr_prop, pc_style=R.choice(["normal", "normal", "normal", "lower", "nospace"]),
        since=since, decl=decl,
        other=other, other_written=(other.written(pick_title(other, 0.3)) if other else None),
        fwd=fwd, desc=desc,
        phone=phone() if R.random() < 0.7 else None,
        email=email_for(app) if R.random() < 0.6 else None,
        date_style=R.choice(["dmy_slash", "long", "long_ord", "dmy_slash_short", "dmy_dot", "iso", "us_long",
                             "dmy_dash"]),
    )
    if scen == "dup":
        DUP["spd"] = d
    return d


def spd_truth(d):
    f = dict(account_ref=d["ref"], applicant_name=d["app_written"], address=d["prop"]["line1"],
             postcode=d["prop"]["postcode"], sole_adult_since=d["since"].isoformat(),
             declaration_date=d["decl"].isoformat())
    if d["other_written"]:
        f["other_adult_name"] = d["other_written"]
    if d["fwd"]:
        f["other_adult_forwarding_address"] = ", ".join(d["fwd"])
    if d["desc"]:
        f["change_description"] = d["desc"]
    if d["phone"]:
        f["phone"] = d["phone"]
    if d["email"]:
        f["email"] = d["email"]
    return f


# ---------------------------- MOVE ----------------------------------------
def build_move(layout, scen):
    d = dict(date_style=R.choice(["dmy_slash", "long", "long_ord", "dmy_slash_short", "dmy_dot", "iso",
                                  "dmy_dash", "us_long"]),
             pc_style=R.choice(["normal", "normal", "lower", "nospace"]),
             ref_style=R.choice(["plain", "space", "ct", "plain"]))
    move_in = scen in ("clean_in", "PROPERTY_NOT_FOUND")
    app = new_person()
    t = pick_title(app, 0.5)
    d.update(app=app, app_written=app.written(t), move_type="in" if move_in else "out")
    mdate = d_between(-50, 20)
    if scen == "DATE_IN_FUTURE":
        mdate = d_between(35, 70)
    if scen == "DATE_TOO_OLD":
        mdate = d_between(-560, -390)
    decl = ASOF - dt.timedelta(days=R.randint(1, 10))
    d["mdate"] = mdate if scen != "MISSING_FIELD:move_date" else None
    d["decl"] = decl
    d["phone"] = phone() if R.random() < 0.75 else None
    d["email"] = email_for(app) if R.random() < 0.6 else None
    if move_in:
        if scen == "PROPERTY_NOT_FOUND":
            street = R.choice(["Foxglove Road", "Bluebell Way"])
            d["new"] = dict(line1=f"{R.randint(30, 48)} {street}", line2="Westerleigh Park", town="Westerleigh",
                            postcode=STREET_PCS[street][0])
        else:
            p = claim(lambda p: True)
            # previous occupier's account closed before the move
            prev = new_person()
            add_account(p["uprn"], [prev], status="closed",
                        start=ASOF - dt.timedelta(days=R.randint(900, 3000)),
                        end=mdate - dt.timedelta(days=R.randint(1, 40)))
            d["new"] = dict(line1=p["line1"], line2=p["line2"], town=p["town"], postcode=p["postcode"])
        d["ref"] = None
        d["prev"] = None
    else:
        p = claim(lambda p: True)
        liable = [app]
        partner = None
        if R.random() < 0.4:
            partner = new_person(last=app.last)
            liable.append(partner)
        if scen == "NAME_MISMATCH":
            liable = [new_person()]           # bill is in the name of a former flatmate
        ref = add_account(p["uprn"], liable, start=ASOF - dt.timedelta(days=R.randint(500, 3000)),
                          discounts="SPD" if len(liable) == 1 and R.random() < 0.3 else "")
        add_elector(p["uprn"], app)
        prev_p = p
        if scen == "ADDRESS_MISMATCH":
            others = [q for q in PROPS if q["kind"] == p["kind"] and q["uprn"] != p["uprn"] and not q["claimed"]
                      and q["line1"].split(" ", 2)[-1] != p["line1"].split(" ", 2)[-1]]
            prev_p = R.choice(others)
            prev_p["claimed"] = True
            add_account(prev_p["uprn"], [new_person()])
        d["ref"] = ref if scen != "ACCOUNT_NOT_FOUND" else nonexistent_ref()
        d["prev"] = dict(line1=prev_p["line1"], line2=prev_p["line2"], town=prev_p["town"],
                         postcode=prev_p["postcode"])
        if R.random() < 0.7:
            fp = R.choice([q for q in PROPS if q["uprn"] != p["uprn"]])
            d["new"] = dict(line1=fp["line1"], line2=fp["line2"], town=fp["town"], postcode=fp["postcode"])
        else:
            d["new"] = None
    return d


def move_truth(d):
    f = dict(move_type=d["move_type"], applicant_name=d["app_written"], declaration_date=d["decl"].isoformat())
    if d["ref"]:
        f["account_ref"] = d["ref"]
    if d["prev"]:
        f["previous_address"] = d["prev"]["line1"]
        f["previous_postcode"] = d["prev"]["postcode"]
    if d["new"]:
        f["new_address"] = d["new"]["line1"]
        f["new_postcode"] = d["new"]["postcode"]
    if d["mdate"]:
        f["move_date"] = d["mdate"].isoformat()
    if d["phone"]:
        f["phone"] = d["phone"]
    if d["email"]:
        f["email"] = d["email"]
    return f


# ---------------------------- PERMIT --------------------------------------
def build_permit(layout, scen):
    d = dict(date_style=R.choice(["dmy_slash", "long", "long_ord", "dmy_slash_short", "dmy_dot", "iso",
                                  "dmy_dash", "us_long"]),
             pc_style=R.choice(["normal", "normal", "lower", "nospace"]),
             vrm_style=R.choice(["spaced", "spaced", "spaced", "plain", "lower"]))
    app = new_person()
    t = pick_title(app, 0.4)
    d.update(app=app, app_written=app.written(t))
    start = d_between(-4, 24)
    if scen == "DATE_IN_FUTURE":
        start = d_between(40, 80)
    d["start"] = start
    d["decl"] = ASOF - dt.timedelta(days=R.randint(1, 9))
    d["phone"] = phone() if R.random() < 0.8 else None
    d["email"] = email_for(app) if R.random() < 0.7 else None
    d["make"] = R.choice(MAKES) if R.random() < 0.85 else None
    vrm = new_vrm()
    if scen == "PROPERTY_NOT_FOUND":
        street = R.choice(["Albert Terrace", "Hawthorn Avenue", "Church Street"])
        zone = next(s[3] for s in STREETS if s[0] == street)
        d["addr"] = dict(line1=f"{R.randint(41, 79)} {street}", line2="", town="Westerleigh",
                         postcode=STREET_PCS[street][1])
        d["zone"] = zone
        d["vrm"] = vrm
        return d
    if scen == "NOT_IN_PERMIT_ZONE":
        p = claim(lambda p: p["zone"] == "")
        zone_written = "D"    # thinks the estate is covered by the neighbouring Ashcombe zone
    else:
        p = claim(lambda p: p["zone"] != "")
        zone_written = p["zone"]
    d["addr"] = dict(line1=p["line1"], line2=p["line2"], town=p["town"], postcode=p["postcode"])
    d["zone"] = zone_written if scen != "MISSING_FIELD:zone" else None
    pzone = p["zone"] or "D"
    # residency
    mode = R.choice(["liable", "liable", "liable", "elector"])
    if scen == "NOT_RESIDENT":
        add_account(p["uprn"], [new_person()])
        # applicant is not on the register at this property either
    elif mode == "liable":
        liable = [app] + ([new_person(last=app.last)] if R.random() < 0.4 else [])
        add_account(p["uprn"], liable)
        add_elector(p["uprn"], app)
    else:
        parent = new_person(last=app.last)
        add_account(p["uprn"], [parent])
        add_elector(p["uprn"], parent)
        add_elector(p["uprn"], app)
    # existing permits
    if scen == "VRM_HAS_PERMIT":
        add_permit(p["uprn"], vrm, pzone, ASOF - dt.timedelta(days=R.randint(60, 300)),
                   ASOF + dt.timedelta(days=R.randint(70, 200)))
    elif scen == "PERMIT_CAP_REACHED":
        for _ in range(2):
            vf = ASOF - dt.timedelta(days=R.randint(30, 300))
            add_permit(p["uprn"], new_vrm(), pzone, vf, vf + dt.timedelta(days=364))
    elif scen.startswith("clean"):
        c = R.random()
        if c < 0.35:   # renewal: the same vehicle's permit has run out
            vf = ASOF - dt.timedelta(days=R.randint(380, 500))
            add_permit(p["uprn"], vrm, pzone, vf, vf + dt.timedelta(days=364))
        elif c < 0.7:  # one other car already has a permit (below the cap)
            vf = ASOF - dt.timedelta(days=R.randint(30, 300))
            add_permit(p["uprn"], new_vrm(), pzone, vf, vf + dt.timedelta(days=364))
    if scen == "INVALID_FORMAT:vrm":
        bad = R.choice(["GK15 XW", "KM19 8TD", "BX 1234"])
        d["vrm"] = None
        d["vrm_bad"] = bad
    else:
        d["vrm"] = vrm
    return d


def permit_truth(d):
    f = dict(applicant_name=d["app_written"], address=d["addr"]["line1"], postcode=d["addr"]["postcode"],
             start_date=d["start"].isoformat(), declaration_date=d["decl"].isoformat())
    if d.get("vrm"):
        f["vrm"] = d["vrm"]
    elif d.get("vrm_bad"):
        f["vrm"] = d["vrm_bad"].replace(" ", "").upper()
    if d["make"]:
        f["vehicle_make"] = d["make"]
    if d["zone"]:
        f["zone"] = d["zone"]
    if d["phone"]:
        f["phone"] = d["phone"]
    if d["email"]:
        f["email"] = d["email"]
    return f


# ---------------------------- CORRESPONDENCE -------------------------------
def build_corr(layout, scen):
    d = dict(kind="email" if "email" in scen else "letter", scen=scen)
    sender = new_person()
    d["sender"] = sender
    t = pick_title(sender, 0.5)
    d["sender_written"] = sender.written(t)
    d["sign_name"] = sender.written(t)
    p = None
    if scen not in ("anon_email", "unknown_addr_letter"):
        p = claim(lambda p: True)
        d["ref_real"] = add_account(p["uprn"], [sender])
        add_elector(p["uprn"], sender)
        d["addr"] = dict(line1=p["line1"], line2=p["line2"], town=p["town"], postcode=p["postcode"])
    elif scen == "unknown_addr_letter":
        d["addr"] = dict(line1=f"{R.randint(60, 90)} Mill Lane", line2="", town="Westerleigh",
                         postcode=STREET_PCS["Mill Lane"][0])
    else:
        d["addr"] = None
    d["email_addr"] = email_for(sender)
    sent = ASOF - dt.timedelta(days=R.randint(1, 6))
    d["sent"] = sent
    d["sent_time"] = f"{R.randint(7, 22):02d}:{R.randint(0, 59):02d}"
    d["ref"] = None
    d["show_addr"] = True
    wk = lambda n: ASOF - dt.timedelta(days=n)
    if scen == "bin_letter":
        d1 = wk(R.randint(6, 12))
        d2 = d1 + dt.timedelta(days=7)
        d["topic"] = "missed_bin"
        d["subject"] = None
        d["body"] = [f"I am writing because my green recycling bin has not been emptied on the last two collection days, "
                     f"{fmt_date(d1, 'long')} and {fmt_date(d2, 'long')}. The bin was out at the kerb by 7am both times "
                     f"and the neighbours' bins were emptied.",
                     "It is now overflowing and attracting foxes. Please could you arrange for it to be collected as soon "
                     "as possible and let me know why it was missed."]
        d["dates"] = [d1, d2]
    elif scen == "bin_email":
        d1 = wk(R.randint(3, 6))
        d["topic"] = "missed_bin"
        d["subject"] = "Missed bin collection - " + d["addr"]["line1"]
        d["body"] = [f"Hello, our general waste bin was missed on {fmt_date(d1, 'long_ord')}. "
                     "The crew seem to have skipped our side of the road again. Can someone come back for it please?"]
        d["closing"] = "Thanks in advance,"
        d["dates"] = [d1]
    elif scen == "ctq_letter":
        d["topic"] = "council_tax_query"
        d["ref"] = d["ref_real"]
        d["ref_style"] = "ct"
        d1 = dt.date(2026, 4, 1)
        d["subject"] = f"Council Tax account {write_ref(d['ref'], 'ct')}"
        d["body"] = ["I have received my Council Tax bill for 2026/27 and I think the band is wrong. My property is "
                     f"shown in band {p['band']} but identical properties in my road are in a lower band.",
                     f"Could you please explain how the band was worked out, and confirm the amount due from "
                     f"{fmt_date(d1, 'long')}? I would also like to pay by ten monthly instalments instead of twelve."]
        d["dates"] = [d1]
    elif scen == "ctq_email":
        d["topic"] = "council_tax_query"
        d["ref"] = d["ref_real"]
        d["show_addr"] = False
        d1 = wk(R.randint(10, 20))
        d["subject"] = "Council tax direct debit query"
        d["body"] = [f"Hi, my account number is {write_ref(d['ref'], 'space')}. I set up a direct debit but "
                     f"the payment due on {fmt_date(d1, 'dmy_slash')} was not taken and I have now had a reminder "
                     "letter. Can you tell me what I need to do so I don't get a summons?"]
        d["closing"] = "Many thanks"
        d["dates"] = [d1]
    elif scen == "complaint_letter":
        d["topic"] = "complaint"
        d1 = wk(R.randint(8, 20))
        d["subject"] = "Formal complaint"
        d["body"] = ["I wish to make a formal complaint about the way my enquiry has been handled.",
                     f"On {fmt_date(d1, 'long')} I telephoned the contact centre about the broken paving outside my home. "
                     "I was promised a call back within five working days and nobody has contacted me. When I rang again "
                     "I was kept on hold for forty minutes and then cut off.",
                     "I would like a written response explaining what went wrong and when the repair will be done."]
        d["dates"] = [d1]
    elif scen == "foi_email":
        d["topic"] = "foi_request"
        d["subject"] = "Freedom of Information request - parking permits"
        d1, d2 = dt.date(2025, 4, 1), dt.date(2026, 3, 31)
        d["body"] = ["Under the Freedom of Information Act 2000 I would like to request the following information:",
                     f"1. The number of residents' parking permits issued in each zone between {fmt_date(d1, 'long')} "
                     f"and {fmt_date(d2, 'long')}. 2. The total income from residents' parking permits in the same period. "
                     "3. The number of penalty charge notices issued in zone B1 in the same period.",
                     "I would prefer to receive the information by email in a spreadsheet."]
        d["dates"] = [d1, d2]
    elif scen == "other_letter":
        d["topic"] = "other"
        d["subject"] = None
        d["body"] = ["The street light outside my house has been flickering on and off for about a fortnight and "
                     "is now completely out. The lamp post number is WL-0472.",
                     "The pavement is very dark in the evenings and I am worried someone will fall. I would be grateful "
                     "if it could be repaired."]
        d["dates"] = []
    elif scen == "anon_email":
        d["topic"] = "missed_bin"
        d["sender_written"] = None
        d["sign_name"] = None
        d["email_addr"] = f"bluebird{R.randint(70, 99)}@example.com"
        d1 = wk(R.randint(2, 5))
        d["subject"] = "bins AGAIN"
        d["body"] = [f"Food waste caddy not collected again on {fmt_date(d1, 'dmy_slash')}. Third time this autumn. "
                     "Sort it out please."]
        d["dates"] = [d1]
    elif scen == "unknown_addr_letter":
        d["topic"] = "complaint"
        d1 = wk(R.randint(5, 15))
        d["subject"] = "Complaint - noise from building site"
        d["body"] = [f"I am complaining about the construction work behind Mill Lane. On {fmt_date(d1, 'long_ord')} "
                     "the machinery started before 7am and carried on until after 8pm, and the same happens most days.",
                     "I understand the permitted hours are 8am to 6pm. Please investigate and take action against "
                     "the developer."]
        d["dates"] = [d1]
    elif scen == "badref_letter":
        d["topic"] = "council_tax_query"
        d["ref"] = nonexistent_ref()
        d["subject"] = f"Account number {write_ref(d['ref'], 'plain')}"
        d1 = wk(R.randint(20, 40))
        d["body"] = [f"I changed banks on {fmt_date(d1, 'long')} and would like to move my Council Tax direct debit to "
                     "my new account. My account number is quoted above, as it appears on my last bill.",
                     "Please send me a new direct debit mandate, or tell me how to update it online."]
        d["dates"] = [d1]
    return d


def corr_truth(d):
    f = dict(topic=d["topic"], body=" ".join(d["body"]))
    if d["sender_written"]:
        f["sender_name"] = d["sender_written"]
    if d["addr"] and d["show_addr"]:
        f["address"] = d["addr"]["line1"]
        f["postcode"] = d["addr"]["postcode"]
    if d["ref"]:
        f["account_ref"] = d["ref"]
    # every date on the page, in order of first appearance (letter date / Sent: header first)
    dates = [d["sent"]] + d["dates"]
    seen = []
    for x in dates:
        if x.isoformat() not in seen:
            seen.append(x.isoformat())
    f["dates_mentioned"] = seen
    f["body"] = re.sub(r"\s+", " ", f["body"]).strip()
    return f


# --------------------------------------------------------------------------
# independent check of every planned outcome against the records (forms.md)
# --------------------------------------------------------------------------
VRM_RE = [r"[A-Z]{2}\d{2}[A-Z]{3}", r"[A-Z]\d{1,3}[A-Z]{3}", r"[A-Z]{3}\d{1,3}[A-Z]"]
REQUIRED = {
    "council_tax_spd": ["account_ref", "applicant_name", "address", "postcode", "sole_adult_since",
                        "declaration_date"],
    "parking_permit": ["applicant_name", "address", "postcode", "vrm", "zone", "start_date", "declaration_date"],
}


def find_prop(line1, pc):
    for p in PROPS:
        if p["line1"].lower() == line1.lower() and p["postcode"] == norm_pc(pc):
            return p
    return None


def active_accounts(uprn):
    return [a for a in ACCOUNTS.values() if a["uprn"] == uprn and a["status"] == "active"]


def electors_at(uprn):
    return [e["name"] for e in ELECTORS if e["uprn"] == uprn]


def check(ft, f):
    day = lambda k: dt.date.fromisoformat(f[k])
    rs = []
    if ft == "council_tax_spd":
        rs += [f"MISSING_FIELD:{k}" for k in REQUIRED[ft] if k not in f]
        a = ACCOUNTS.get(f.get("account_ref"))
        if a is None:
            rs.append("ACCOUNT_NOT_FOUND")
        else:
            if a["status"] != "active":
                rs.append("ACCOUNT_CLOSED")
            if name_key(f["applicant_name"]) not in [name_key(x) for x in a["liable"]]:
                rs.append("NAME_MISMATCH")
            p = PROP_BY_UPRN[a["uprn"]]
            if p["line1"].lower() != f["address"].lower() or p["postcode"] != f["postcode"]:
                rs.append("ADDRESS_MISMATCH")
            if "SPD" in a["discounts"].split(";"):
                rs.append("DISCOUNT_ALREADY_APPLIED")
            allowed = {name_key(f["applicant_name"])}
            if "other_adult_name" in f:
                allowed.add(name_key(f["other_adult_name"]))
            if any(name_key(e) not in allowed for e in electors_at(a["uprn"])):
                rs.append("OTHER_ADULTS_REGISTERED")
        if "sole_adult_since" in f:
            if day("sole_adult_since") > ASOF:
                rs.append("DATE_IN_FUTURE")
            if (ASOF - day("sole_adult_since")).days > 365:
                rs.append("DATE_TOO_OLD")
    elif ft == "council_tax_move":
        req = ["move_type", "applicant_name", "move_date", "declaration_date"]
        req += ["account_ref", "previous_address", "previous_postcode"] if f["move_type"] == "out" else \
            ["new_address", "new_postcode"]
        rs += [f"MISSING_FIELD:{k}" for k in ["move_type", "account_ref", "applicant_name", "previous_address",
                                              "previous_postcode", "new_address", "new_postcode", "move_date",
                                              "declaration_date"] if k in req and k not in f]
        if f["move_type"] == "out":
            a = ACCOUNTS.get(f.get("account_ref"))
            if a is None:
                rs.append("ACCOUNT_NOT_FOUND")
            else:
                if name_key(f["applicant_name"]) not in [name_key(x) for x in a["liable"]]:
                    rs.append("NAME_MISMATCH")
                p = PROP_BY_UPRN[a["uprn"]]
                if p["line1"].lower() != f["previous_address"].lower() or p["postcode"] != f["previous_postcode"]:
                    rs.append("ADDRESS_MISMATCH")
        else:
            if find_prop(f["new_address"], f["new_postcode"]) is None:
                rs.append("PROPERTY_NOT_FOUND")
        if "move_date" in f:
            if (day("move_date") - ASOF).days > 28:
                rs.append("DATE_IN_FUTURE")
            if (ASOF - day("move_date")).days > 365:
                rs.append("DATE_TOO_OLD")
    elif ft == "parking_permit":
        rs += [f"MISSING_FIELD:{k}" for k in REQUIRED[ft] if k not in f]
        p = find_prop(f["address"], f["postcode"])
        if p is None:
            rs.append("PROPERTY_NOT_FOUND")
        else:
            if "zone" in f and (p["zone"] == "" or p["zone"] != f["zone"]):
                rs.append("NOT_IN_PERMIT_ZONE")
            nk = name_key(f["applicant_name"])
            liable = [name_key(x) for a in active_accounts(p["uprn"]) for x in a["liable"]]
            if nk not in liable and nk not in [name_key(e) for e in electors_at(p["uprn"])]:
                rs.append("NOT_RESIDENT")
        if "vrm" in f and not any(re.fullmatch(rx, f["vrm"]) for rx in VRM_RE):
            rs.append("INVALID_FORMAT:vrm")
        act = [x for x in PERMITS if x["vfrom"] <= ASOF <= x["vto"]]
        if "vrm" in f and any(x["vrm"] == f["vrm"] for x in act):
            rs.append("VRM_HAS_PERMIT")
        if p is not None and len([x for x in act if x["uprn"] == p["uprn"]]) >= 2:
            rs.append("PERMIT_CAP_REACHED")
        if (day("start_date") - ASOF).days > 28:
            rs.append("DATE_IN_FUTURE")
    elif ft == "correspondence":
        known = False
        if "address" in f and find_prop(f["address"], f["postcode"]) is not None:
            known = True
        if f.get("account_ref") in ACCOUNTS:
            known = True
        if "sender_name" not in f or not known:
            rs.append("SENDER_UNKNOWN")
        if "account_ref" in f and f["account_ref"] not in ACCOUNTS:
            rs.append("ACCOUNT_NOT_FOUND")
    return rs


# --------------------------------------------------------------------------
# rendering
# --------------------------------------------------------------------------
INK = Color(0.05, 0.16, 0.55)       # typed answers on paper forms
TEAL = Color(0.0, 0.36, 0.42)
GREY = Color(0.35, 0.35, 0.35)
LIGHT = Color(0.92, 0.93, 0.94)
SHADE = Color(0.85, 0.88, 0.90)
MAROON = Color(0.45, 0.08, 0.18)


def addr_lines(a):
    out = [a["line1"]]
    if a.get("line2"):
        out.append(a["line2"])
    if a.get("town"):
        out.append(a["town"])
    return out


def wrap(text, font, size, width):
    return simpleSplit(text, font, size, width)


# ---------------- Layout A: online form confirmation ----------------------
def render_online(c, ft, d, docref):
    ds = R.choice(["long", "dmy_slash", "iso", "long"])
    D = lambda x: fmt_date(x, ds) if x else None
    titles = {"spd": "Apply for a Single Person Discount on your Council Tax",
              "move": "Council Tax: tell us you are moving home",
              "permit": "Apply for a residents' parking permit"}
    sub_time = f"{R.randint(8, 22):02d}:{R.randint(0, 59):02d}"
    NA = "(not answered)"
    pc = lambda x: write_pc(x, d["pc_style"])
    secs = []
    if ft == "spd":
        secs = [
            ("Your Council Tax account", [("Council Tax account number", write_ref(d["ref"], d["ref_style"]))]),
            ("About you", [("Your full name", d["app_written"]),
                           ("Telephone number", d["phone"] or NA),
                           ("Email address", d["email"] or NA)]),
            ("The property", [("Address line 1", d["prop"]["line1"]),
                              ("Address line 2", d["prop"]["line2"] or NA),
                              ("Town", d["prop"]["town"]),
                              ("Postcode", pc(d["prop"]["postcode"]))]),
            ("Your circumstances", [
                ("Are you the only adult (aged 18 or over) living at the property as your main home?", "Yes"),
                ("Date you became the only adult living at the property", D(d["since"])),
                ("Full name of the adult who moved out", d["other_written"] or NA),
                ("Their new address, if you know it", ", ".join(d["fwd"]) if d["fwd"] else NA),
                ("Tell us what changed", d["desc"] or NA)]),
        ]
    elif ft == "move":
        moving = [("Are you moving in or moving out?",
                   "Moving into a property in Westerleigh" if d["move_type"] == "in" else
                   "Moving out of a property in Westerleigh")]
        if d["move_type"] == "out":
            moving.append(("Council Tax account number", write_ref(d["ref"], d["ref_style"]) if d["ref"] else NA))
        secs = [("Your move", moving),
                ("About you", [("Full name", d["app_written"]), ("Phone number", d["phone"] or NA),
                               ("Email address", d["email"] or NA)])]
        if d["move_type"] == "out":
            secs.append(("The address you are leaving", [("Address line 1", d["prev"]["line1"]),
                                                         ("Address line 2", d["prev"]["line2"] or NA),
                                                         ("Postcode", pc(d["prev"]["postcode"]))]))
            if d["new"]:
                secs.append(("Your forwarding address", [("Address line 1", d["new"]["line1"]),
                                                         ("Address line 2", d["new"]["line2"] or NA),
                                                         ("Town", d["new"]["town"]),
                                                         ("Postcode", pc(d["new"]["postcode"]))]))
            else:
                secs.append(("Your forwarding address", [("Do you know your forwarding address?", "No")]))
        else:
            secs.append(("Your new address in Westerleigh", [("Address line 1", d["new"]["line1"]),
                                                            ("Address line 2", d["new"]["line2"] or NA),
                                                            ("Town", d["new"]["town"]),
                                                            ("Postcode", pc(d["new"]["postcode"]))]))
        secs.append(("Date of your move", [("Date you moved, or will move", D(d["mdate"]) or NA)]))
    elif ft == "permit":
        vrm_w = write_vrm(d["vrm"], d["vrm_style"]) if d.get("vrm") else d.get("vrm_bad")
        secs = [("Your details", [("Full name", d["app_written"]), ("Contact telephone", d["phone"] or NA),
                                  ("Email address", d["email"] or NA)]),
                ("Your address", [("Address line 1", d["addr"]["line1"]),
                                  ("Address line 2", d["addr"]["line2"] or NA),
                                  ("Town", d["addr"]["town"]), ("Postcode", pc(d["addr"]["postcode"]))]),
                ("Your vehicle", [("Vehicle registration number", vrm_w),
                                  ("Make and model", d["make"] or NA),
                                  ("Is the vehicle registered with the DVLA at your address?", "Yes")]),
                ("Your permit", [("Permit zone", d["zone"] or NA),
                                 ("Start date", D(d["start"])),
                                 ("Permit length", "12 months (£" + R.choice(["85.00", "95.00"]) + ")")])]
    secs.append(("Declaration", [("I declare that the information I have given is true and complete. I understand "
                                  "that giving false information is an offence.", "I agree"),
                                 ("Date of declaration", D(d["decl"]))]))

    font_q, font_a = "Helvetica", "Helvetica"
    top = H - 40
    page = [1]

    def header():
        c.setFillColor(TEAL)
        c.rect(0, H - 62, W, 62, stroke=0, fill=1)
        c.setFillColor(white)
        c.setFont("Helvetica-Bold", 16)
        c.drawString(40, H - 34, COUNCIL)
        c.setFont("Helvetica", 9)
        c.drawString(40, H - 50, "My Westerleigh  |  online services")
        c.drawRightString(W - 40, H - 34, "my.westerleigh.gov.uk")
        c.setFillColor(black)

    def footer():
        c.setFont("Helvetica", 7.5)
        c.setFillColor(GREY)
        c.drawString(40, 28, f"Submission {docref}  -  printed from my.westerleigh.gov.uk  -  this is a copy of the "
                             "answers you gave")
        c.drawRightString(W - 40, 28, f"Page {page[0]}")
        c.setFillColor(black)

    header()
    y = H - 92
    c.setFont("Helvetica-Bold", 15)
    c.drawString(40, y, titles[ft])
    y -= 26
    c.setFont("Helvetica-Bold", 12)
    c.drawString(40, y, "Your submission")
    y -= 8
    c.setFillColor(Color(0.9, 0.96, 0.92))
    c.setStrokeColor(Color(0.2, 0.55, 0.3))
    c.rect(40, y - 44, W - 80, 40, stroke=1, fill=1)
    c.setFillColor(black)
    c.setFont("Helvetica", 9.5)
    c.drawString(50, y - 18, f"Thank you, we have received your form. Your reference is {docref}.")
    c.drawString(50, y - 32, f"Submitted on {fmt_date(d['decl'], 'long')} at {sub_time}. Please keep this page for "
                             "your records.")
    y -= 66
    qx, ax, qw, aw = 48, 285, 225, W - 40 - 285
    for heading, rows in secs:
        if y < 130:
            footer(); c.showPage(); page[0] += 1; header(); y = H - 92
        c.setFillColor(LIGHT)
        c.rect(40, y - 16, W - 80, 20, stroke=0, fill=1)
        c.setFillColor(TEAL)
        c.setFont("Helvetica-Bold", 11)
        c.drawString(46, y - 10, heading)
        c.setFillColor(black)
        y -= 26
        for q, a in rows:
            ql = wrap(q, font_q, 9.5, qw)
            al = wrap(a, font_a, 10, aw) if a else [""]
            h = max(len(ql) * 12, len(al) * 12.5) + 8
            if y - h < 60:
                footer(); c.showPage(); page[0] += 1; header(); y = H - 92
            c.setFont(font_q, 9.5)
            c.setFillColor(GREY)
            for i, line in enumerate(ql):
                c.drawString(qx, y - i * 12, line)
            c.setFont("Helvetica-Bold" if a and a != NA else "Helvetica-Oblique", 10)
            c.setFillColor(black if a != NA else GREY)
            for i, line in enumerate(al):
                c.drawString(ax, y - i * 12.5, line)
            c.setFillColor(black)
            y -= h
            c.setStrokeColor(Color(0.8, 0.8, 0.8))
            c.setLineWidth(0.5)
            c.line(40, y + 5, W - 40, y + 5)
            y -= 6
        y -= 8
    if y < 110:
        footer(); c.showPage(); page[0] += 1; header(); y = H - 92
    c.setFont("Helvetica", 8.5)
    c.setFillColor(GREY)
    for i, line in enumerate(wrap("What happens next: we aim to deal with your request within 10 working days. We may "
                                  "check the information you have given with other records we hold, including the "
                                  "electoral register. If anything changes, tell us straight away at "
                                  "my.westerleigh.gov.uk.", "Helvetica", 8.5, W - 80)):
        c.drawString(40, y - i * 11, line)
    c.setFillColor(black)
    footer()
    c.showPage()


# ---------------- Layout B: paper form, numbered sections -------------------
def charboxes(c, x, y, chars, n, box=15, gap=0, font="Courier-Bold", size=11):
    """draw n boxes from x (top y); fill with chars left-aligned."""
    c.setStrokeColor(black)
    c.setLineWidth(0.6)
    for i in range(n):
        c.rect(x + i * (box + gap), y - box, box, box, stroke=1, fill=0)
    c.setFillColor(INK)
    c.setFont(font, size)
    for i, ch in enumerate(chars[:n]):
        if ch != " ":
            c.drawCentredString(x + i * (box + gap) + box / 2, y - box + 4, ch)
    c.setFillColor(black)
    return x + n * (box + gap)


def datebox(c, x, y, d):
    s = d.strftime("%d%m%Y") if d else "        "
    c.setFont("Helvetica", 6.5)
    c.setFillColor(GREY)
    c.drawString(x + 2, y + 2, "D   D")
    c.drawString(x + 42, y + 2, "M   M")
    c.drawString(x + 82, y + 2, "Y    Y    Y    Y")
    c.setFillColor(black)
    x1 = charboxes(c, x, y, s[0:2], 2)
    c.setFont("Helvetica", 12); c.drawString(x1 + 2, y - 12, "/")
    x2 = charboxes(c, x1 + 10, y, s[2:4], 2)
    c.setFont("Helvetica", 12); c.drawString(x2 + 2, y - 12, "/")
    charboxes(c, x2 + 10, y, s[4:8], 4)


def ruled_box(c, x, y, w, lines, nlines=1, lh=17):
    c.setStrokeColor(black)
    c.setLineWidth(0.6)
    c.rect(x, y - nlines * lh - 4, w, nlines * lh + 4, stroke=1, fill=0)
    c.setStrokeColor(Color(0.75, 0.75, 0.75))
    for i in range(1, nlines):
        c.line(x + 3, y - i * lh - 2, x + w - 3, y - i * lh - 2)
    c.setFillColor(INK)
    c.setFont("Courier", 10.5)
    for i, ln in enumerate(lines[:nlines]):
        c.drawString(x + 5, y - i * lh - 14, ln)
    c.setFillColor(black)
    return y - nlines * lh - 4


def tick(c, x, y, on, label, size=11):
    c.setStrokeColor(black); c.setLineWidth(0.7)
    c.rect(x, y - size, size, size, stroke=1, fill=0)
    if on:
        c.setFillColor(INK); c.setFont("Helvetica-Bold", 11)
        c.drawCentredString(x + size / 2, y - size + 2, "X")
        c.setFillColor(black)
    c.setFont("Helvetica", 9.5)
    c.drawString(x + size + 5, y - size + 2, label)


def render_paper(c, ft, d, docref):
    formno = "CT/SPD1" if ft == "spd" else "CT/MV2"
    title = "Council Tax - Single Person Discount application" if ft == "spd" else \
        "Council Tax - Change of Address (moving in or out)"
    L = 42
    RW = W - 2 * L
    pages = 2

    def head(pg):
        c.setFont("Times-Bold", 17)
        c.drawString(L, H - 52, COUNCIL)
        c.setFont("Helvetica", 8)
        c.drawString(L, H - 64, "Revenues Service, Civic Centre, Market Square, Westerleigh WL1 1AA")
        c.drawString(L, H - 74, "Telephone 01632 960100   www.westerleigh.gov.uk/counciltax")
        c.setLineWidth(1.2)
        c.rect(W - L - 80, H - 72, 80, 26, stroke=1, fill=0)
        c.setFont("Helvetica-Bold", 11)
        c.drawCentredString(W - L - 40, H - 63, formno)

    def foot(pg):
        c.setFont("Helvetica", 7.5)
        c.drawString(L, 26, f"{formno} (rev. 04/26)")
        c.drawCentredString(W / 2, 26, "Please return to: Revenues Service, Civic Centre, Market Square, Westerleigh WL1 1AA")
        c.drawRightString(W - L, 26, f"Page {pg} of {pages}")

    def section(y, n, name):
        c.setFillColor(MAROON)
        c.rect(L, y - 16, RW, 18, stroke=0, fill=1)
        c.setFillColor(white)
        c.setFont("Helvetica-Bold", 10.5)
        c.drawString(L + 6, y - 11, f"Section {n}   {name}")
        c.setFillColor(black)
        return y - 26

    def q(y, num, text, w=RW):
        c.setFont("Helvetica-Bold", 9)
        c.drawString(L, y, num)
        c.setFont("Helvetica", 9)
        lines = wrap(text, "Helvetica", 9, w - 24)
        for i, ln in enumerate(lines):
            c.drawString(L + 22, y - i * 11, ln)
        return y - len(lines) * 11 - 3

    head(1)
    y = H - 100
    c.setFont("Helvetica-Bold", 14)
    c.drawString(L, y, title)
    y -= 14
    notes = ("Please complete this form in BLOCK CAPITALS using black ink, or type your answers. "
             "Read the notes before you start. ") + (
        "You may be entitled to a 25% reduction if you are the only adult (aged 18 or over) who lives at the "
        "property as their main home. Students, apprentices and some carers are not counted. We check "
        "applications against the electoral register and other records."
        if ft == "spd" else
        "Use this form to tell us that you are moving into, or out of, a property in the borough. Tell us within "
        "21 days of your move so we can send you an accurate bill. If you are moving within the borough, complete "
        "the form once and give both addresses.")
    nl = wrap(notes, "Helvetica", 8.5, RW - 14)
    c.setFillColor(LIGHT)
    c.rect(L, y - len(nl) * 10.5 - 20, RW, len(nl) * 10.5 + 14, stroke=0, fill=1)
    c.setFillColor(black)
    c.setFont("Helvetica-Bold", 8.5)
    c.drawString(L + 7, y - 12, "Guidance notes")
    c.setFont("Helvetica", 8.5)
    for i, ln in enumerate(nl):
        c.drawString(L + 7, y - 24 - i * 10.5, ln)
    y -= len(nl) * 10.5 + 32
    pc = lambda x: norm_pc(x)    # written into boxes with the gap

    def pcboxes(x, y, val):
        s = norm_pc(val) if val else ""
        parts = s.split(" ") if s else ["", ""]
        out = parts[0].ljust(4)
        xa = charboxes(c, x, y, out, 4)
        charboxes(c, xa + 10, y, parts[1].ljust(3), 3)

    def name_row(y, nums):
        w3 = [70, 190, RW - 70 - 190 - 20]
        xs = [L, L + 80, L + 280]
        labels = ["Title", "Forename(s)", "Surname"]
        vals = [d["app_title_w"] or "", d["app"].first, d["app"].last]
        for i in range(3):
            c.setFont("Helvetica-Bold", 9); c.drawString(xs[i], y, nums[i])
            c.setFont("Helvetica", 9); c.drawString(xs[i] + 22, y, labels[i])
            ruled_box(c, xs[i], y - 5, w3[i] if i < 2 else RW - 280, [vals[i]])
        return y - 42

    if ft == "spd":
        y = section(y, 1, "About you")
        y = q(y, "1.1", "Your Council Tax account number (this is shown on your bill, 8 digits)")
        ref = d["ref"]
        charboxes(c, L + 22, y, ref, 8)
        c.setFont("Helvetica", 7.5); c.setFillColor(GREY)
        c.drawString(L + 22 + 8 * 15 + 10, y - 11, "If you do not know it, leave blank and give your address below")
        c.setFillColor(black)
        y -= 28
        y = name_row(y, ["1.2", "1.3", "1.4"])
        y = q(y, "1.5", "Daytime telephone number")
        c.setFont("Helvetica-Bold", 9); c.drawString(L + 270, y + 14, "1.6"); c.setFont("Helvetica", 9)
        c.drawString(L + 292, y + 14, "Email address")
        ruled_box(c, L + 22, y, 220, [d["phone"] or ""])
        ruled_box(c, L + 292, y, RW - 292, [d["email"] or ""])
        y -= 34
        y = section(y, 2, "The property")
        y = q(y, "2.1", "Address of the property you are claiming for")
        y = ruled_box(c, L + 22, y, RW - 22, addr_lines(d["prop"]), 3) - 8
        y = q(y, "2.2", "Postcode")
        pcboxes(L + 22, y, d["prop"]["postcode"])
        y -= 30
        y = section(y, 3, "Your circumstances")
        y = q(y, "3.1", "From what date have you been the only adult (aged 18 or over) living at the property?")
        datebox(c, L + 22, y - 8, d["since"])
        y -= 36
        y = q(y, "3.2", "Full name of the adult who has left (if applicable)")
        y = ruled_box(c, L + 22, y, RW - 22, [d["other_written"] or ""]) - 8
        y = q(y, "3.3", "Their forwarding address, if known")
        fl = [", ".join(d["fwd"][:-2]), ", ".join(d["fwd"][-2:])] if d["fwd"] else []
        y = ruled_box(c, L + 22, y, RW - 22, fl, 2) - 8
        foot(1)
        c.showPage()
        head(2)
        y = H - 100
        y = q(y, "3.4", "Tell us what changed (for example, who moved out and why)")
        dl = wrap(d["desc"] or "", "Courier", 10.5, RW - 34)
        y = ruled_box(c, L + 22, y, RW - 22, dl, 4) - 14
        y = section(y, 4, "Declaration")
        dec_sec = 4
    else:
        y = section(y, 1, "Are you moving in or out?")
        tick(c, L + 22, y, d["move_type"] == "in", "I am moving IN to a property in Westerleigh")
        tick(c, L + 290, y, d["move_type"] == "out", "I am moving OUT of a property in Westerleigh")
        y -= 26
        y = section(y, 2, "About you")
        y = q(y, "2.1", "Council Tax account number (if you have one)")
        charboxes(c, L + 22, y, d["ref"] or "", 8)
        y -= 28
        y = name_row(y, ["2.2", "2.3", "2.4"])
        y = q(y, "2.5", "Telephone number")
        c.setFont("Helvetica-Bold", 9); c.drawString(L + 270, y + 14, "2.6"); c.setFont("Helvetica", 9)
        c.drawString(L + 292, y + 14, "Email address")
        ruled_box(c, L + 22, y, 220, [d["phone"] or ""])
        ruled_box(c, L + 292, y, RW - 292, [d["email"] or ""])
        y -= 34
        y = section(y, 3, "The address you are leaving")
        y = q(y, "3.1", "Address (leave blank if you are moving into the borough from elsewhere)")
        y = ruled_box(c, L + 22, y, RW - 22, addr_lines(d["prev"]) if d["prev"] else [], 3) - 8
        y = q(y, "3.2", "Postcode")
        pcboxes(L + 22, y, d["prev"]["postcode"] if d["prev"] else "")
        y -= 30
        y = section(y, 4, "Your new address")
        y = q(y, "4.1", "Address you are moving to (for a move out, your forwarding address)")
        y = ruled_box(c, L + 22, y, RW - 22, addr_lines(d["new"]) if d["new"] else [], 3) - 8
        y = q(y, "4.2", "Postcode")
        pcboxes(L + 22, y, d["new"]["postcode"] if d["new"] else "")
        y -= 30
        foot(1)
        c.showPage()
        head(2)
        y = H - 100
        y = section(y, 5, "Date of your move")
        y = q(y, "5.1", "Date you moved, or will move (the date the keys were handed over or you took up residence)")
        datebox(c, L + 22, y - 8, d["mdate"])
        y -= 40
        y = q(y, "5.2", "Are you the owner or a tenant?")
        own = R.choice(["Owner", "Tenant", "Tenant"])
        tick(c, L + 22, y, own == "Owner", "Owner")
        tick(c, L + 110, y, own == "Tenant", "Tenant (private or housing association)")
        y -= 30
        y = section(y, 6, "Declaration")
        dec_sec = 6
    decl = ("I declare that the information I have given on this form is correct and complete to the best of my "
            "knowledge. I will tell the Council within 21 days if my circumstances change. I understand that if I "
            "give false information I may be liable to a penalty of up to GBP 70 and prosecution.")
    for i, ln in enumerate(wrap(decl, "Helvetica", 9, RW)):
        c.setFont("Helvetica", 9)
        c.drawString(L, y - i * 11, ln)
    y -= len(wrap(decl, "Helvetica", 9, RW)) * 11 + 12
    c.setFont("Helvetica-Bold", 9)
    c.drawString(L, y, "Signature")
    c.rect(L, y - 34, 250, 28, stroke=1, fill=0)
    c.setFillColor(INK); c.setFont("Times-Italic", 16)
    c.drawString(L + 10, y - 26, d["app"].full)
    c.setFillColor(black)
    c.setFont("Helvetica-Bold", 9)
    c.drawString(L + 280, y, "Date")
    datebox(c, L + 280, y - 12, d["decl"])
    y -= 60
    # office use
    c.setLineWidth(1)
    c.setDash(3, 2)
    c.rect(L, y - 78, RW, 74, stroke=1, fill=0)
    c.setDash()
    c.setFont("Helvetica-Bold", 9)
    c.drawString(L + 6, y - 16, "FOR OFFICE USE ONLY")
    c.setFont("Helvetica", 8.5)
    c.drawString(L + 6, y - 34, "Date received: ____________     Scanned by: ________     Property ref (UPRN): ______________")
    c.drawString(L + 6, y - 52, "Action: ______________________________     Effective date: ____________     Checked: ____")
    c.drawString(L + 6, y - 70, "Notes: ______________________________________________________________________")
    foot(2)
    c.showPage()


# ---------------- Layout C: bold labels left, grid of cells ----------------
def render_grid(c, ft, d, docref):
    L = 36
    RW = W - 2 * L
    ds = d["date_style"]
    D = lambda x: fmt_date(x, ds) if x else ""
    ANS_F = "Times-Roman"
    rows = []   # ("head", text) | ("row", [(label, width, answer, height)]) | ("ticks", ...)
    if ft == "permit":
        title = "RESIDENTS' PARKING PERMIT - APPLICATION FORM"
        dept = "Parking Services"
        vrm_w = write_vrm(d["vrm"], d["vrm_style"]) if d.get("vrm") else d.get("vrm_bad")
        rows = [
            ("head", "PART A   APPLICANT"),
            ("row", [("Full name of applicant", 1.0, d["app_written"])]),
            ("row", [("Address", 1.0, d["addr"]["line1"])]),
            ("row", [("", 1.0, ", ".join(x for x in [d["addr"]["line2"], d["addr"]["town"]] if x))]),
            ("row", [("Postcode", 0.5, write_pc(d["addr"]["postcode"], d["pc_style"])),
                     ("Tel.", 0.5, d["phone"] or "")]),
            ("row", [("Email", 1.0, d["email"] or "")]),
            ("head", "PART B   VEHICLE"),
            ("row", [("Reg. no.", 0.5, vrm_w), ("Make / model", 0.5, d["make"] or "")]),
            ("ticks", "Is the vehicle registered to you at the address above (V5C)?", True),
            ("ticks", "Is the vehicle a company or lease car?", R.random() < 0.2),
            ("head", "PART C   PERMIT REQUIRED"),
            ("row", [("Permit zone", 0.5, d["zone"] or ""), ("Start date", 0.5, D(d["start"]))]),
            ("ticks", "Is this a renewal of an existing permit?", R.random() < 0.4),
        ]
        guidance = ("Residents' permits are available only to residents of properties within a controlled parking zone. "
                    "Up to two permits may be issued per household. Please enclose a copy of your V5C registration "
                    "document and proof of residence dated within the last three months. Permits run for 12 months.")
    else:
        title = "COUNCIL TAX - SINGLE PERSON DISCOUNT (25%)"
        dept = "Council Tax Section"
        fw = d["fwd"] or []
        rows = [
            ("head", "1.  ACCOUNT AND APPLICANT"),
            ("row", [("Account no.", 0.5, write_ref(d["ref"], d["ref_style"])), ("Tel.", 0.5, d["phone"] or "")]),
            ("row", [("Name(s)", 1.0, d["app_written"])]),
            ("row", [("Email", 1.0, d["email"] or "")]),
            ("head", "2.  PROPERTY"),
            ("row", [("Property address", 1.0, d["prop"]["line1"])]),
            ("row", [("", 1.0, ", ".join(x for x in [d["prop"]["line2"], d["prop"]["town"]] if x))]),
            ("row", [("Postcode", 0.5, write_pc(d["prop"]["postcode"], d["pc_style"])),
                     ("Council Tax band (if known)", 0.5, "")]),
            ("head", "3.  CHANGE IN HOUSEHOLD"),
            ("ticks", "Are you now the only adult (18 or over) living at this address?", True),
            ("row", [("Date you became the only adult", 1.0, D(d["since"]))]),
            ("row", [("Name of adult who has left", 1.0, d["other_written"] or "")]),
            ("row", [("Their forwarding address", 1.0, ", ".join(fw))]),
            ("tall", "Tell us what changed", d["desc"] or ""),
        ]
        guidance = ("Complete this form if you are the only person aged 18 or over living in the property as your "
                    "main home. If the discount is awarded it will be backdated to the date you became the only "
                    "adult, up to a maximum of 12 months. You must tell us within 21 days if another adult moves in.")
    # header
    c.setFont("Helvetica-Bold", 13)
    c.drawString(L, H - 46, COUNCIL.upper())
    c.setFont("Helvetica", 9)
    c.drawString(L, H - 59, f"{dept}  |  Civic Centre, Market Square, Westerleigh WL1 1AA")
    c.setFont("Helvetica-Bold", 12)
    c.setFillColor(Color(0.1, 0.1, 0.1))
    c.rect(L, H - 88, RW, 20, stroke=0, fill=1)
    c.setFillColor(white)
    c.drawCentredString(W / 2, H - 82, title)
    c.setFillColor(black)
    y = H - 100
    c.setFont("Helvetica-Oblique", 8.5)
    gl = wrap(guidance, "Helvetica-Oblique", 8.5, RW)
    for i, ln in enumerate(gl):
        c.drawString(L, y - i * 10.5, ln)
    y -= len(gl) * 10.5 + 8
    rh = 22
    lw = 150
    c.setLineWidth(0.8)
    for r in rows:
        if r[0] == "head":
            c.setFillColor(SHADE)
            c.rect(L, y - rh, RW, rh, stroke=1, fill=1)
            c.setFillColor(black)
            c.setFont("Helvetica-Bold", 10)
            c.drawString(L + 6, y - 15, r[1])
            y -= rh
        elif r[0] == "row":
            x = L
            for (lab, frac, ans) in r[1]:
                cw = RW * frac
                llw = lw if frac == 1.0 else (95 if len(lab) < 14 else 150)
                c.rect(x, y - rh, llw, rh, stroke=1, fill=0)
                c.rect(x + llw, y - rh, cw - llw, rh, stroke=1, fill=0)
                c.setFont("Helvetica-Bold", 9)
                ll = wrap(lab, "Helvetica-Bold", 9, llw - 8)
                for i, ln in enumerate(ll):
                    c.drawString(x + 5, y - 14 - i * 9 + (len(ll) - 1) * 4.5, ln)
                c.setFillColor(INK)
                c.setFont(ANS_F, 11.5)
                c.drawString(x + llw + 6, y - 15, ans)
                c.setFillColor(black)
                x += cw
            y -= rh
        elif r[0] == "ticks":
            c.rect(L, y - rh, RW - 130, rh, stroke=1, fill=0)
            c.rect(L + RW - 130, y - rh, 130, rh, stroke=1, fill=0)
            c.setFont("Helvetica-Bold", 9)
            c.drawString(L + 5, y - 14, r[1])
            tick(c, L + RW - 120, y - 5, r[2], "Yes")
            tick(c, L + RW - 60, y - 5, not r[2], "No")
            y -= rh
        elif r[0] == "tall":
            th = 62
            c.rect(L, y - th, lw, th, stroke=1, fill=0)
            c.rect(L + lw, y - th, RW - lw, th, stroke=1, fill=0)
            c.setFont("Helvetica-Bold", 9)
            c.drawString(L + 5, y - 14, r[1])
            c.setFillColor(INK); c.setFont(ANS_F, 11.5)
            for i, ln in enumerate(wrap(r[2], ANS_F, 11.5, RW - lw - 12)):
                c.drawString(L + lw + 6, y - 15 - i * 13, ln)
            c.setFillColor(black)
            y -= th
    # declaration
    c.setFillColor(SHADE)
    c.rect(L, y - rh, RW, rh, stroke=1, fill=1)
    c.setFillColor(black)
    c.setFont("Helvetica-Bold", 10)
    c.drawString(L + 6, y - 15, "DECLARATION" if ft == "spd" else "PART D   DECLARATION")
    y -= rh
    dtext = ("I confirm that the information given is correct. I understand the Council may check it with other "
             "records, and that knowingly giving false information is an offence." if ft == "spd" else
             "I declare that I live at the address shown, that the vehicle is kept there, and that the information "
             "given is true. I understand the permit does not guarantee a parking space and may be withdrawn if misused.")
    dl = wrap(dtext, "Helvetica", 8.5, RW - 12)
    c.rect(L, y - len(dl) * 10.5 - 8, RW, len(dl) * 10.5 + 8, stroke=1, fill=0)
    c.setFont("Helvetica", 8.5)
    for i, ln in enumerate(dl):
        c.drawString(L + 6, y - 12 - i * 10.5, ln)
    y -= len(dl) * 10.5 + 8
    sh = 30
    c.rect(L, y - sh, 95, sh, stroke=1, fill=0)
    c.rect(L + 95, y - sh, RW * 0.6 - 95, sh, stroke=1, fill=0)
    c.rect(L + RW * 0.6, y - sh, 60, sh, stroke=1, fill=0)
    c.rect(L + RW * 0.6 + 60, y - sh, RW * 0.4 - 60, sh, stroke=1, fill=0)
    c.setFont("Helvetica-Bold", 9)
    c.drawString(L + 5, y - 19, "Signature")
    c.drawString(L + RW * 0.6 + 5, y - 19, "Date")
    c.setFillColor(INK)
    c.setFont("Times-Italic", 15)
    c.drawString(L + 102, y - 21, d["app"].full)
    c.setFont(ANS_F, 11.5)
    c.drawString(L + RW * 0.6 + 66, y - 19, D(d["decl"]))
    c.setFillColor(black)
    y -= sh + 16
    # office use
    c.setFillColor(LIGHT)
    c.rect(L, y - 46, RW, 46, stroke=1, fill=1)
    c.setFillColor(black)
    c.setFont("Helvetica-Bold", 8.5)
    c.drawString(L + 6, y - 13, "OFFICE USE ONLY")
    c.setFont("Helvetica", 8.5)
    if ft == "permit":
        c.drawString(L + 6, y - 28, "Permit no. ____________   Proof of residence seen  [  ]   V5C seen  [  ]   Fee paid GBP ______")
    else:
        c.drawString(L + 6, y - 28, "Account checked  [  ]   ER checked  [  ]   Discount from ____________   Keyed by ______")
    c.drawString(L + 6, y - 40, "Officer: ______________________      Date: ______________")
    c.setFont("Helvetica", 7)
    c.drawString(L, 24, ("PP1" if ft == "permit" else "SPD-G") + " / Westerleigh Borough Council / Data is processed "
                 "in line with our privacy notice at westerleigh.gov.uk/privacy")
    c.drawRightString(W - L, 24, "1/1")
    c.showPage()


# ---------------- Layout D: fillable AcroForm -------------------------------
def render_acro(c, ft, d, docref):
    form = c.acroForm
    L = 44
    RW = W - 2 * L
    ds = R.choice(["dmy_slash", "dmy_slash_short", "iso", "dmy_slash"])
    D = lambda x: fmt_date(x, ds) if x else ""

    def tf(name, x, y, w, val, tip, h=18):
        form.textfield(name=name, tooltip=tip, x=x, y=y - h, width=w, height=h, value=val or "",
                       fontName="Helvetica", fontSize=10, borderWidth=0.8, borderColor=Color(0.3, 0.3, 0.5),
                       fillColor=Color(0.91, 0.94, 1.0), textColor=black, forceBorder=True)

    def label(x, y, text, bold=False, size=9):
        c.setFont("Helvetica-Bold" if bold else "Helvetica", size)
        c.drawString(x, y, text)

    def band(y, text):
        c.setFillColor(Color(0.18, 0.25, 0.45))
        c.rect(L, y - 16, RW, 18, stroke=0, fill=1)
        c.setFillColor(white)
        c.setFont("Helvetica-Bold", 10)
        c.drawString(L + 6, y - 11, text)
        c.setFillColor(black)
        return y - 30

    c.setFont("Helvetica-Bold", 14)
    c.drawString(L, H - 48, COUNCIL)
    c.setFont("Helvetica", 11)
    sub = "Parking Services - Residents' Permit Application" if ft == "permit" else \
        "Council Tax - Moving Home Notification"
    c.drawString(L, H - 64, sub)
    c.setFont("Helvetica-Oblique", 8.5)
    c.drawString(L, H - 80, "Interactive form: complete on screen, save and email to " +
                 ("parking@westerleigh.gov.uk" if ft == "permit" else "counciltax@westerleigh.gov.uk") +
                 ". Fields marked * are required.")
    c.setFont("Helvetica", 7.5)
    c.drawRightString(W - L, H - 48, "Form " + ("RPP-E" if ft == "permit" else "CTM-E") + " v3.2")
    y = H - 100
    lx, fx, fw = L, L + 165, RW - 165
    if ft == "permit":
        y = band(y, "1  Applicant")
        label(lx, y - 12, "Name of applicant *"); tf("ApplicantFullName", fx, y, fw, d["app_written"], "Full name"); y -= 26
        label(lx, y - 12, "House number and street *"); tf("AddrLine1", fx, y, fw, d["addr"]["line1"], "Address line 1"); y -= 26
        label(lx, y - 12, "Estate / area"); tf("AddrLine2", fx, y, fw, d["addr"]["line2"], "Address line 2"); y -= 26
        label(lx, y - 12, "Town"); tf("AddrTown", fx, y, 150, d["addr"]["town"], "Town")
        label(fx + 165, y - 12, "Postcode *"); tf("AddrPostCode", fx + 225, y, fw - 225,
                                                   write_pc(d["addr"]["postcode"], d["pc_style"]), "Postcode"); y -= 26
        label(lx, y - 12, "Daytime phone"); tf("TelNo", fx, y, 150, d["phone"], "Phone"); y -= 26
        label(lx, y - 12, "Email"); tf("EmailAddr", fx, y, fw, d["email"], "Email"); y -= 34
        y = band(y, "2  Vehicle")
        vrm_w = write_vrm(d["vrm"], d["vrm_style"]) if d.get("vrm") else d.get("vrm_bad")
        label(lx, y - 12, "Reg. no. *"); tf("VehReg", fx, y, 120, vrm_w, "Registration mark")
        label(fx + 135, y - 12, "Make and model"); tf("VehMakeModel", fx + 225, y, fw - 225, d["make"], "Make"); y -= 26
        label(lx, y - 12, "Vehicle kept at this address?")
        form.radio(name="VehKeptHere", value="Yes", selected=True, x=fx, y=y - 14, size=12, buttonStyle="circle",
                   shape="circle", borderColor=black, fillColor=white, textColor=black, forceBorder=True)
        label(fx + 16, y - 12, "Yes")
        form.radio(name="VehKeptHere", value="No", selected=False, x=fx + 60, y=y - 14, size=12, buttonStyle="circle",
                   shape="circle", borderColor=black, fillColor=white, textColor=black, forceBorder=True)
        label(fx + 76, y - 12, "No"); y -= 34
        y = band(y, "3  Permit")
        label(lx, y - 12, "Permit zone *")
        zx = fx
        for z in ["A", "B1", "B2", "C", "D"]:
            form.radio(name="ZoneReq", value="Zone" + z, selected=(d["zone"] == z), x=zx, y=y - 14, size=12,
                       buttonStyle="circle", shape="circle", borderColor=black, fillColor=white, textColor=black,
                       forceBorder=True, tooltip=f"Zone {z}")
            label(zx + 16, y - 12, z)
            zx += 52
        y -= 20
        c.setFont("Helvetica-Oblique", 7.5)
        c.drawString(fx, y - 6, "Zone letters are shown on the entry signs to your street. Estates without signs are not in a zone.")
        y -= 20
        label(lx, y - 12, "Start date required *"); tf("PermitFrom", fx, y, 120, D(d["start"]), "dd/mm/yyyy"); y -= 34
        y = band(y, "4  Declaration")
    else:
        y = band(y, "1  Your move")
        label(lx, y - 12, "Moving in or out? *")
        form.radio(name="MoveDirection", value="MovingIn", selected=d["move_type"] == "in", x=fx, y=y - 14, size=12,
                   buttonStyle="circle", shape="circle", borderColor=black, fillColor=white, textColor=black,
                   forceBorder=True)
        label(fx + 16, y - 12, "Moving in")
        form.radio(name="MoveDirection", value="MovingOut", selected=d["move_type"] == "out", x=fx + 100, y=y - 14,
                   size=12, buttonStyle="circle", shape="circle", borderColor=black, fillColor=white, textColor=black,
                   forceBorder=True)
        label(fx + 116, y - 12, "Moving out"); y -= 26
        label(lx, y - 12, "Date of move *"); tf("MoveDt", fx, y, 120, D(d["mdate"]), "Date of move"); y -= 34
        y = band(y, "2  About you")
        label(lx, y - 12, "Your reference (account no.)")
        tf("CTRef", fx, y, 150, write_ref(d["ref"], d["ref_style"]) if d["ref"] else "", "Council Tax account"); y -= 26
        label(lx, y - 12, "Your full name *"); tf("PersonName", fx, y, fw, d["app_written"], "Full name"); y -= 26
        label(lx, y - 12, "Phone"); tf("PhoneNo", fx, y, 150, d["phone"], "Phone"); y -= 26
        label(lx, y - 12, "Email"); tf("EMail", fx, y, fw, d["email"], "Email"); y -= 34
        y = band(y, "3  Address you are leaving (moving out)")
        pv = d["prev"] or {}
        label(lx, y - 12, "Number and street"); tf("OldAddr1", fx, y, fw, pv.get("line1"), "Old address line 1"); y -= 26
        label(lx, y - 12, "Area / town"); tf("OldAddr2", fx, y, fw,
                                             ", ".join(x for x in [pv.get("line2"), pv.get("town")] if x), "Old address line 2"); y -= 26
        label(lx, y - 12, "Postcode"); tf("OldPC", fx, y, 100, write_pc(pv["postcode"], d["pc_style"]) if pv else "", "Old postcode"); y -= 34
        y = band(y, "4  New address (moving in) or forwarding address")
        nv = d["new"] or {}
        label(lx, y - 12, "Number and street"); tf("NewAddr1", fx, y, fw, nv.get("line1"), "New address line 1"); y -= 26
        label(lx, y - 12, "Area / town"); tf("NewAddr2", fx, y, fw,
                                             ", ".join(x for x in [nv.get("line2"), nv.get("town")] if x), "New address line 2"); y -= 26
        label(lx, y - 12, "Postcode"); tf("NewPC", fx, y, 100, write_pc(nv["postcode"], d["pc_style"]) if nv else "", "New postcode"); y -= 34
        y = band(y, "5  Declaration")
    dtext = ("By ticking the box I confirm that the information on this form is correct. The Council may share it "
             "with other departments to check it and to prevent fraud.")
    for i, ln in enumerate(wrap(dtext, "Helvetica", 8.5, RW - 30)):
        c.setFont("Helvetica", 8.5)
        c.drawString(L + 24, y - 10 - i * 10.5, ln)
    form.checkbox(name="DeclAgree", checked=True, x=L, y=y - 16, size=13, buttonStyle="check",
                  borderColor=black, fillColor=white, textColor=black, forceBorder=True)
    y -= 40
    label(lx, y - 12, "Type your name to sign"); tf("DeclSig", fx, y, 200, d["app"].full, "Signature")
    label(fx + 215, y - 12, "Date *"); tf("DeclDate", fx + 250, y, fw - 250, D(d["decl"]), "Date signed")
    y -= 40
    c.setDash(2, 2)
    c.rect(L, y - 40, RW, 40, stroke=1, fill=0)
    c.setDash()
    c.setFont("Helvetica-Bold", 8)
    c.drawString(L + 6, y - 13, "Office use only")
    c.setFont("Helvetica", 8)
    c.drawString(L + 6, y - 28, "Case no. ______________    Processed by ______________    Date ______________")
    c.setFont("Helvetica", 7)
    c.drawString(L, 26, f"{COUNCIL}  -  fillable form  -  page 1 of 1")
    c.showPage()


# ---------------- Layout E: correspondence (letters and printed emails) ------
def render_corr(c, d, docref):
    L = 60
    RW = W - 2 * L
    if d["kind"] == "letter":
        font = R.choice(["Times-Roman", "Helvetica"])
        size = 11
        y = H - 70
        c.setFont(font, size)
        if d["addr"]:
            for ln in addr_lines(d["addr"]) + [write_pc(d["addr"]["postcode"], "normal")]:
                c.drawRightString(W - L, y, ln)
                y -= 14
        y -= 10
        c.drawRightString(W - L, y, fmt_date(d["sent"], R.choice(["long", "long_ord"])))
        y -= 30
        recip = {"missed_bin": "Waste and Recycling", "council_tax_query": "Council Tax Section",
                 "complaint": "Customer Feedback Team", "other": "Highways and Street Lighting"}[d["topic"]]
        for ln in [recip, COUNCIL, "Civic Centre", "Market Square", "Westerleigh", "WL1 1AA"]:
            c.drawString(L, y, ln)
            y -= 14
        y -= 20
        c.drawString(L, y, "Dear Sir or Madam,")
        y -= 22
        if d["subject"]:
            c.setFont(font.replace("-Roman", "") + "-Bold" if font == "Times-Roman" else "Helvetica-Bold", size)
            c.drawString(L, y, "Re: " + d["subject"])
            y -= 22
        c.setFont(font, size)
        for para in d["body"]:
            for ln in wrap(para, font, size, RW):
                c.drawString(L, y, ln)
                y -= 14.5
            y -= 10
        y -= 6
        c.drawString(L, y, "Yours faithfully,")
        y -= 34
        c.setFont("Times-Italic", 17)
        c.setFillColor(INK)
        c.drawString(L, y, d["sender"].full)
        c.setFillColor(black)
        y -= 20
        c.setFont(font, size)
        c.drawString(L, y, d["sign_name"])
    else:
        y = H - 50
        c.setFont("Helvetica-Bold", 12)
        c.drawString(L, y, "Customer Services")
        y -= 6
        c.setLineWidth(1.5)
        c.line(L, y, W - L, y)
        y -= 18
        sent = d["sent"]
        wd = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][sent.weekday()]
        frm = (f"{d['sender_written']} <{d['email_addr']}>" if d["sender_written"] else d["email_addr"])
        hdr = [("From:", frm), ("Sent:", f"{wd}, {fmt_date(sent, 'long')} {d['sent_time']}"),
               ("To:", "Customer Services <contact@westerleigh.gov.uk>"), ("Subject:", d["subject"])]
        for k, v in hdr:
            c.setFont("Helvetica-Bold", 10)
            c.drawString(L, y, k)
            c.setFont("Helvetica", 10)
            c.drawString(L + 60, y, v)
            y -= 14
        y -= 14
        font, size = "Helvetica", 10.5
        c.setFont(font, size)
        greet = R.choice(["Hello,", "Dear Sir/Madam,", "Hi,"]) if d["sender_written"] else "To whom it may concern"
        c.drawString(L, y, greet)
        y -= 20
        for para in d["body"]:
            for ln in wrap(para, font, size, RW):
                c.drawString(L, y, ln)
                y -= 13.5
            y -= 9
        if d.get("closing"):
            c.drawString(L, y, d["closing"])
            y -= 16
        elif d["sender_written"]:
            c.drawString(L, y, R.choice(["Kind regards,", "Regards,"]))
            y -= 16
        if d["sender_written"]:
            c.drawString(L, y, d["sign_name"])
            y -= 13.5
            if d["addr"] and d["show_addr"]:
                for ln in addr_lines(d["addr"]) + [d["addr"]["postcode"]]:
                    c.drawString(L, y, ln)
                    y -= 13.5
        else:
            c.drawString(L, y, "Sent from my iPhone")
        c.setFont("Helvetica", 7)
        c.setFillColor(GREY)
        c.drawString(L, 30, "Printed by WBC\\csvc.scan   Mailbox: contact@westerleigh.gov.uk")
        c.drawRightString(W - L, 30, "1")
        c.setFillColor(black)
    c.showPage()


# --------------------------------------------------------------------------
# records workbook
# --------------------------------------------------------------------------
def fill_unclaimed():
    for p in PROPS:
        if p["claimed"]:
            continue
        r = R.random()
        if r < 0.12:   # empty, previous account closed
            add_account(p["uprn"], [new_person()], status="closed",
                        start=ASOF - dt.timedelta(days=R.randint(1500, 4000)),
                        end=ASOF - dt.timedelta(days=R.randint(30, 300)))
            continue
        if R.random() < 0.3:   # an older closed account
            s = ASOF - dt.timedelta(days=R.randint(3000, 5000))
            add_account(p["uprn"], [new_person()], status="closed", start=s,
                        end=s + dt.timedelta(days=R.randint(300, 1500)))
        a = new_person()
        liable = [a] + ([new_person(last=a.last if R.random() < 0.6 else None)] if R.random() < 0.55 else [])
        disc = "SPD" if len(liable) == 1 and R.random() < 0.6 else ""
        add_account(p["uprn"], liable, discounts=disc)
        for x in liable:
            if R.random() < 0.92:
                add_elector(p["uprn"], x)
        if len(liable) == 2 and R.random() < 0.3:
            add_elector(p["uprn"], new_person(last=a.last))
        if p["zone"] and R.random() < 0.6:
            for _ in range(R.choice([1, 1, 2])):
                vf = ASOF - dt.timedelta(days=R.randint(10, 700))
                add_permit(p["uprn"], new_vrm(), p["zone"], vf, vf + dt.timedelta(days=364))


def write_workbook(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "properties"
    ws.append(["uprn", "address_line_1", "address_line_2", "town", "postcode", "council_tax_band", "ward",
               "parking_zone"])
    for p in PROPS:
        ws.append([p["uprn"], p["line1"], p["line2"] or None, p["town"], p["postcode"], p["band"], p["ward"],
                   p["zone"] or None])
    ws = wb.create_sheet("council_tax_accounts")
    ws.append(["account_ref", "uprn", "liable_parties", "status", "start_date", "end_date", "discounts"])
    for a in sorted(ACCOUNTS.values(), key=lambda a: (a["uprn"], a["start"])):
        ws.append([a["account_ref"], a["uprn"], ";".join(a["liable"]), a["status"], a["start"], a["end"],
                   a["discounts"] or None])
        ws.cell(ws.max_row, 1).number_format = "@"
        ws.cell(ws.max_row, 5).number_format = "yyyy-mm-dd"
        ws.cell(ws.max_row, 6).number_format = "yyyy-mm-dd"
    ws = wb.create_sheet("electoral_register")
    ws.append(["elector_number", "full_name", "uprn"])
    for e in ELECTORS:
        ws.append([e["no"], e["name"], e["uprn"]])
    ws = wb.create_sheet("parking_permits")
    ws.append(["permit_ref", "uprn", "vrm", "zone", "valid_from", "valid_to"])
    for x in PERMITS:
        ws.append([x["ref"], x["uprn"], x["vrm"], x["zone"], x["vfrom"], x["vto"]])
        ws.cell(ws.max_row, 5).number_format = "yyyy-mm-dd"
        ws.cell(ws.max_row, 6).number_format = "yyyy-mm-dd"
    for ws in wb.worksheets:
        for col in ws.columns:
            ws.column_dimensions[col[0].column_letter].width = max(12, max(len(str(x.value or "")) for x in col) + 2)
    fixed = dt.datetime(2026, 12, 1, 9, 0, 0)
    wb.properties.created = fixed
    wb.properties.modified = fixed
    wb.properties.creator = "Westerleigh BC extract"
    buf = io.BytesIO()
    wb.save(buf)
    # rewrite the zip with fixed timestamps so the file is byte-for-byte reproducible
    zin = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"<dcterms:modified[^>]*>[^<]*</dcterms:modified>",
                              b'<dcterms:modified xsi:type="dcterms:W3CDTF">2026-12-01T09:00:00Z</dcterms:modified>',
                              data)
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 12, 1, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(zi, data)


# --------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------
FT = {"spd": "council_tax_spd", "move": "council_tax_move", "permit": "parking_permit", "corr": "correspondence"}
BUILD = {"spd": build_spd, "move": build_move, "permit": build_permit, "corr": build_corr}
TRUTH = {"spd": spd_truth, "move": move_truth, "permit": permit_truth, "corr": corr_truth}
RENDER = {"online_confirmation": render_online, "paper_sections": render_paper, "label_grid": render_grid,
          "fillable_acroform": render_acro}


def main():
    if os.path.isdir(INBOX):
        shutil.rmtree(INBOX)
    os.makedirs(INBOX)
    for ft, layout, scens in PLAN:
        for scen in scens:
            d = BUILD[ft](layout, scen)
            if ft in ("spd", "move", "permit") and "app_title_w" not in d:
                w = d["app_written"]
                d["app_title_w"] = w[: -len(d["app"].full)].strip() if w != d["app"].full else ""
            DOCS.append(dict(ft=ft, layout=layout, scen=scen, d=d))
    fill_unclaimed()
    # names unique across the whole dataset (no accidental matches)
    assert len(USED_NAMES) == len({n for n in USED_NAMES})
    R.shuffle(DOCS)
    truth = []
    for i, doc in enumerate(DOCS, 1):
        fname = f"doc_{i:04d}.pdf"
        doc["file"] = fname
        ft, d = doc["ft"], doc["d"]
        fields = TRUTH[ft](d)
        reasons = check(FT[ft], fields)
        scen = doc["scen"]
        if scen.startswith("clean") or scen == "dup" or ft == "corr" and scen in (
                "bin_letter", "bin_email", "ctq_letter", "ctq_email", "complaint_letter", "foi_email",
                "other_letter"):
            expect = []
        elif ft == "corr":
            expect = {"anon_email": ["SENDER_UNKNOWN"], "unknown_addr_letter": ["SENDER_UNKNOWN"],
                      "badref_letter": ["ACCOUNT_NOT_FOUND"]}[scen]
        else:
            expect = [scen]
        assert reasons == expect, (fname, ft, doc["layout"], scen, reasons, fields)
        docref = f"WBC-{ {'spd': 'SPD', 'move': 'MOV', 'permit': 'PKG', 'corr': 'COR'}[ft]}-{R.randint(100000, 999999)}"
        c = canvas.Canvas(os.path.join(INBOX, fname), pagesize=A4, invariant=1)
        c.setAuthor(COUNCIL)
        c.setTitle("Scanned document")
        if ft == "corr":
            render_corr(c, d, docref)
        else:
            RENDER[doc["layout"]](c, ft, d, docref)
        c.save()
        rec = {"file": fname, "form_type": FT[ft], "fields": fields,
               "outcome": "duplicate_pair" if scen == "dup" else ("approved" if not expect else "exception"),
               "reasons": expect, "layout": doc["layout"]}
        if scen == "dup":
            rec["duplicate_group"] = "dup-1"
        truth.append(rec)
    seen = {}
    for rec in truth:   # file-name order
        k = (rec["layout"], rec["form_type"])
        if rec["outcome"] == "approved" and seen.get(k, 0) < 2:
            rec["split"] = "learn"
            seen[k] = seen.get(k, 0) + 1
        else:
            rec["split"] = "test"
    with open(os.path.join(HERE, "truth.jsonl"), "w") as fh:
        for rec in truth:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    write_workbook(os.path.join(HERE, "records.xlsx"))
    # summary
    from collections import Counter
    print("files:", len(truth))
    print(Counter((r["form_type"], r["outcome"]) for r in truth))
    print(Counter((r["layout"], r["form_type"]) for r in truth))
    print(Counter(x for r in truth for x in r["reasons"]))


if __name__ == "__main__":
    main()
