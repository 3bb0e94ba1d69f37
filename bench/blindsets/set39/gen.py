#!/usr/bin/env python3
"""Blind test set generator - Metropolitan Borough of Thornaby Moor (set39).

Deterministic: seed 39039, as-of date 2026-12-07.
Writes next to itself: records.xlsx, inbox/doc_NNNN.pdf, truth.jsonl.
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
from openpyxl.styles import Font, PatternFill
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas

SEED = 39039
ASOF = dt.date(2026, 12, 7)
BACKDATE = 365
FORWARD = 28
PERMIT_CAP = 2
HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(SEED)

COUNCIL = "Metropolitan Borough of Thornaby Moor"
COUNCIL_SHORT = "Thornaby Moor Council"
COUNCIL_ADDR = ["Town Hall", "Victoria Square", "Thornaby Moor", "TM1 1AA"]
TOWN = "Thornaby Moor"

# ----------------------------------------------------------------------------
# value formatting helpers
# ----------------------------------------------------------------------------
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def ordinal(n):
    if 11 <= n % 100 <= 13:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }".replace(" ", "")


def fmt_date(d, style):
    if style == "slash":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "slash_short":
        return f"{d.day}/{d.month}/{d.year}"
    if style == "dash":
        return f"{d.day:02d}-{d.month:02d}-{d.year}"
    if style == "dot":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if style == "long":
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "ordinal":
        return f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}"
    if style == "us":
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    if style == "iso":
        return d.isoformat()
    raise ValueError(style)


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


def fmt_ref(ref, style):
    if style == "plain":
        return ref
    if style == "space":
        return ref[:4] + " " + ref[4:]
    if style == "dash":
        return ref[:4] + "-" + ref[4:]
    if style == "ct":
        return "CT" + ref
    raise ValueError(style)


def fmt_vrm(vrm, style):
    # vrm is normalised (no spaces). display with the conventional space
    m = re.fullmatch(r"([A-Z]{2}\d{2})([A-Z]{3})", vrm)
    if m:
        spaced = m.group(1) + " " + m.group(2)
    else:
        m = re.fullmatch(r"([A-Z]\d{1,3})([A-Z]{3})", vrm)
        if m:
            spaced = m.group(1) + " " + m.group(2)
        else:
            m = re.fullmatch(r"([A-Z]{3})(\d{1,3}[A-Z])", vrm)
            spaced = (m.group(1) + " " + m.group(2)) if m else vrm
    if style == "spaced":
        return spaced
    if style == "nospace":
        return vrm
    if style == "lower":
        return spaced.lower()
    raise ValueError(style)


def norm_pc(s):
    s = re.sub(r"\s+", "", s).upper()
    return s[:-3] + " " + s[-3:]


PC_RE = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}$")
VRM_RE = [re.compile(r"^[A-Z]{2}\d{2}[A-Z]{3}$"),        # current
          re.compile(r"^[A-Z]\d{1,3}[A-Z]{3}$"),         # prefix
          re.compile(r"^[A-Z]{3}\d{1,3}[A-Z]$")]         # suffix
TITLES = {"mr", "mrs", "ms", "miss", "dr", "mx"}


def name_key(n):
    parts = re.sub(r"\s+", " ", n.strip()).split(" ")
    if parts and parts[0].lower().rstrip(".") in TITLES:
        parts = parts[1:]
    return " ".join(parts).lower()


def addr_key(a):
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9 ]", " ", a.lower())).strip()


def parse_iso(s):
    try:
        return dt.date.fromisoformat(s)
    except Exception:
        return None


# ----------------------------------------------------------------------------
# people
# ----------------------------------------------------------------------------
FEMALE = ["Janet", "Susan", "Karen", "Julie", "Tracey", "Joanne", "Nicola", "Lisa", "Dawn", "Sharon",
          "Amanda", "Claire", "Gemma", "Stacey", "Kirsty", "Hannah", "Chloe", "Megan", "Amy", "Jodie",
          "Margaret", "Brenda", "Pauline", "Irene", "Doreen", "Shirley", "Maureen", "Carol", "Denise",
          "Nasreen", "Shabana", "Farzana", "Rukhsana", "Aisha", "Zainab", "Agnieszka", "Katarzyna",
          "Siobhan", "Bernadette", "Leanne", "Rachel", "Helen", "Emma", "Sophie", "Lauren", "Jade"]
MALE = ["Gary", "Darren", "Wayne", "Lee", "Craig", "Dean", "Stuart", "Paul", "Mark", "Ian",
        "Kevin", "Neil", "Trevor", "Keith", "Barry", "Derek", "Colin", "Malcolm", "Graham", "Alan",
        "Ryan", "Liam", "Jordan", "Kyle", "Callum", "Connor", "Jack", "Tom", "Adam", "Daniel",
        "Imran", "Tariq", "Asif", "Shahid", "Zahid", "Mohammed", "Piotr", "Tomasz", "Declan",
        "Sean", "Martin", "Stephen", "Andrew", "Philip", "Jason", "Shaun"]
SURNAMES = ["Ormerod", "Sutcliffe", "Holroyd", "Greenwood", "Barraclough", "Ackroyd", "Hirst",
            "Pickles", "Crowther", "Haigh", "Illingworth", "Midgley", "Firth", "Thornton", "Booth",
            "Shackleton", "Riley", "Hussain", "Akhtar", "Begum", "Khan", "Mahmood", "Iqbal",
            "Kowalski", "Nowak", "Brennan", "Murphy", "Walsh", "Clegg", "Dyson", "Bairstow",
            "Horsfall", "Lumb", "Speight", "Wadsworth", "Rishworth", "Stansfield", "Uttley",
            "Crabtree", "Mitchell", "Hartley", "Whiteley", "Brear", "Binns", "Gaukroger",
            "Sunderland", "Kershaw", "Lister", "Jagger", "Pearson", "Schofield", "Hollingworth",
            "Fielden", "Ramsden", "Marsden", "Priestley", "Wilkinson", "Stott", "Emmott",
            "Redman", "Holt", "Cockcroft", "Heap", "Aspinall", "Duckworth", "Nuttall", "Ashworth",
            "Sagar", "Butterworth", "Tattersall", "Pilling", "Hargreaves", "Ingham", "Farrar"]
USED_NAMES = set()


class Person:
    def __init__(self, forename, surname, gender, title):
        self.forename, self.surname, self.gender, self.title = forename, surname, gender, title

    @property
    def full(self):
        return f"{self.forename} {self.surname}"


def new_person(gender=None, surname=None, middle=False):
    for _ in range(10000):
        g = gender or rng.choice("FM")
        fn = rng.choice(FEMALE if g == "F" else MALE)
        if middle and rng.random() < 0.5:
            mn = rng.choice(FEMALE if g == "F" else MALE)
            if mn != fn:
                fn = f"{fn} {mn}"
        sn = surname or rng.choice(SURNAMES)
        full = f"{fn} {sn}"
        if full.lower() in USED_NAMES or any(full.lower().split()[0] == u.split()[0] and
                                             full.lower().split()[-1] == u.split()[-1]
                                             for u in USED_NAMES):
            continue
        USED_NAMES.add(full.lower())
        if g == "F":
            t = rng.choice(["Mrs", "Mrs", "Ms", "Miss", "Ms", "Dr"])
        else:
            t = rng.choice(["Mr"] * 6 + ["Dr"])
        return Person(fn, sn, g, t)
    raise RuntimeError("names exhausted")


def phone():
    if rng.random() < 0.55:
        return f"07700 900{rng.randint(0, 999):03d}"
    return f"01632 960{rng.randint(0, 999):03d}"


def email_for(p):
    dom = rng.choice(["btinternet.com", "gmail.com", "hotmail.co.uk", "outlook.com", "yahoo.co.uk",
                      "talktalk.net", "sky.com"])
    fn = p.forename.split()[0].lower()
    sn = p.surname.lower()
    style = rng.choice([f"{fn}.{sn}", f"{fn[0]}{sn}", f"{fn}{sn}{rng.randint(1, 99)}", f"{sn}.{fn}"])
    return f"{style}@{dom}"


# ----------------------------------------------------------------------------
# the gazetteer
# ----------------------------------------------------------------------------
# name, district, sector, zone, ward, numbers, suffix, line2, bands
STREETS = [
    ("Ashworth Street", "TM4", 7, "RP3", "Moor End", list(range(1, 25)), "", "", "AAAB"),
    ("Cobden Terrace", "TM4", 7, "RP3", "Moor End", list(range(1, 17)), "", "", "AAB"),
    ("Balaclava Street", "TM4", 8, "RP3", "Moor End", list(range(2, 33, 2)), "", "", "AAAB"),
    ("Inkerman Street", "TM4", 6, "RP7", "Canal Side", list(range(1, 21)), "", "", "A"),
    ("Mill Lane", "TM4", 6, "RP7", "Canal Side", list(range(1, 16, 2)), "", "", "ABB"),
    ("Ravensknowle Terrace", "TM4", 5, "RP7", "Canal Side", list(range(1, 17)), "", "", "AB"),
    ("Market Street", "TM1", 1, "T1", "Town Centre", list(range(3, 22, 2)), "A", "", "AB"),
    ("Station Road", "TM1", 2, "T1", "Town Centre", list(range(2, 31, 2)), "", "", "BBC"),
    ("Providence Row", "TM3", 9, "", "Low Fold", list(range(1, 15)), "", "Low Fold", "A"),
    ("Weavers Fold", "TM3", 9, "", "Low Fold", list(range(1, 13)), "", "Low Fold", "AB"),
    ("Albert Road", "TM2", 4, "RP1", "Brackenbank", list(range(1, 36, 2)), "", "", "BCCD"),
    ("Hebden Street", "TM2", 5, "", "Brackenbank", list(range(1, 19)), "", "", "AB"),
    ("Chapel Walk", "TM5", 3, "T2", "Nab End", list(range(1, 13)), "", "", "ABC"),
]
UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
WARD_PREFIX = {"Moor End": "ME", "Canal Side": "CS", "Town Centre": "TC", "Low Fold": "LF",
               "Brackenbank": "BB", "Nab End": "NE"}

PROPS = {}          # uprn -> dict
PROP_ORDER = []
ACCOUNTS = {}       # ref -> dict
ELECTORS = []       # dicts
PERMITS = []        # dicts
USED_PC = {"TM1 1AA", "TM5 3ZW"}
USED_REFS = set()
USED_VRMS = set()


def new_unit(district, sector):
    while True:
        u = rng.choice(UNIT_LETTERS) + rng.choice(UNIT_LETTERS)
        pc = f"{district} {sector}{u}"
        if pc not in USED_PC:
            USED_PC.add(pc)
            return pc


def build_gazetteer():
    uprn = 100051230000
    for name, dist, sect, zone, ward, nums, suffix, line2, bands in STREETS:
        chunk = rng.choice([6, 7, 8, 9])
        pc = None
        for i, n in enumerate(nums):
            if i % chunk == 0:
                pc = new_unit(dist, sect)
            uprn += rng.randint(1, 9)
            p = dict(uprn=uprn, line1=f"{n}{suffix} {name}", line2=line2, town=TOWN, postcode=pc,
                     band=rng.choice(bands), ward=ward, zone=zone, street=name)
            PROPS[uprn] = p
            PROP_ORDER.append(uprn)


def new_ref():
    while True:
        r = "61" + f"{rng.randint(0, 999999):06d}"
        if r not in USED_REFS:
            USED_REFS.add(r)
            return r


ELECTOR_SEQ = {}


def add_elector(name, uprn):
    pre = WARD_PREFIX[PROPS[uprn]["ward"]]
    ELECTOR_SEQ[pre] = ELECTOR_SEQ.get(pre, 0) + rng.randint(1, 4)
    ELECTORS.append(dict(num=f"{pre}-{ELECTOR_SEQ[pre]:04d}", name=name, uprn=uprn))


def add_account(uprn, liable, status="active", start=None, end=None, discounts=()):
    ref = new_ref()
    if start is None:
        start = dt.date(2026, 4, 1) - dt.timedelta(days=rng.randint(200, 6000))
    ACCOUNTS[ref] = dict(ref=ref, uprn=uprn, liable=list(liable), status=status, start=start,
                         end=end, discounts=list(discounts))
    return ref


LETTERS_NOIQ = "ABCDEFGHJKLMNPRSTUVWXYZ"


def new_vrm(style="current"):
    while True:
        if style == "current":
            v = (rng.choice("YYYYYBLMN") + rng.choice("ABCDEFGHJKLMNPRSTUVWXY") +
                 f"{rng.choice([10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74]):02d}" +
                 "".join(rng.choice(LETTERS_NOIQ) for _ in range(3)))
        elif style == "prefix":
            v = rng.choice("PRSTVWXY") + str(rng.randint(1, 999)) + "".join(rng.choice(LETTERS_NOIQ) for _ in range(3))
        else:
            v = "".join(rng.choice(LETTERS_NOIQ) for _ in range(3)) + str(rng.randint(1, 999)) + rng.choice("LMNPRST")
        if v not in USED_VRMS:
            USED_VRMS.add(v)
            return v


PERMIT_SEQ = [4100]


def add_permit(uprn, vrm, zone, frm, to):
    PERMIT_SEQ[0] += rng.randint(1, 13)
    PERMITS.append(dict(ref=f"RPP/{zone}/{PERMIT_SEQ[0]:05d}", uprn=uprn, vrm=vrm, zone=zone,
                        frm=frm, to=to))


def active_permit_window():
    frm = ASOF - dt.timedelta(days=rng.randint(30, 300))
    return frm, frm + dt.timedelta(days=364)


def expired_permit_window():
    frm = ASOF - dt.timedelta(days=rng.randint(420, 900))
    return frm, frm + dt.timedelta(days=364)


def base_households():
    for uprn in PROP_ORDER:
        p = PROPS[uprn]
        vacant = rng.random() < 0.09
        # an earlier, closed account for some properties
        prev_end = None
        if rng.random() < 0.35 or vacant:
            a = new_person()
            st = dt.date(2026, 1, 1) - dt.timedelta(days=rng.randint(1500, 6000))
            en = st + dt.timedelta(days=rng.randint(300, 1400))
            if vacant:
                en = ASOF - dt.timedelta(days=rng.randint(20, 200))
            add_account(uprn, [a.full], "closed", st, en)
            prev_end = en
        if vacant:
            p["vacant"] = True
            continue
        a = new_person(middle=True)
        liable = [a.full]
        reg = []
        if rng.random() < 0.55:
            b = new_person(surname=a.surname if rng.random() < 0.8 else None,
                           gender="M" if a.gender == "F" else "F")
            liable.append(b.full)
        disc = []
        if len(liable) == 1 and rng.random() < 0.65:
            disc.append("SPD")
        if rng.random() < 0.05:
            disc.append("DIS")
        st = (prev_end + dt.timedelta(days=1)) if prev_end else None
        add_account(uprn, liable, "active", st, None, disc)
        for n in liable:
            if rng.random() < 0.9:
                reg.append(n)
        if len(liable) == 2 and rng.random() < 0.25:
            c = new_person(surname=a.surname)
            reg.append(c.full)
        for n in reg:
            add_elector(n, uprn)
        if p["zone"] and rng.random() < 0.5:
            k = rng.choice([1, 1, 1, 2])
            for _ in range(k):
                add_permit(uprn, new_vrm(rng.choice(["current"] * 5 + ["prefix"])), p["zone"], *active_permit_window())
            if rng.random() < 0.3:
                add_permit(uprn, new_vrm(), p["zone"], *expired_permit_window())


SCEN_USED = set()


def take_prop(zoned=None, vacant=False, street_not=None, pred=None):
    cands = [u for u in PROP_ORDER if u not in SCEN_USED and bool(PROPS[u].get("vacant")) == vacant]
    if zoned is True:
        cands = [u for u in cands if PROPS[u]["zone"]]
    elif zoned is False:
        cands = [u for u in cands if not PROPS[u]["zone"]]
    if pred:
        cands = [u for u in cands if pred(PROPS[u])]
    u = rng.choice(cands)
    SCEN_USED.add(u)
    return u


def reset_prop(uprn, keep_closed=True):
    """Clear the active account, register and permits at a property (scenario will rebuild them)."""
    for ref in list(ACCOUNTS):
        a = ACCOUNTS[ref]
        if a["uprn"] == uprn and (a["status"] == "active" or not keep_closed):
            del ACCOUNTS[ref]
    ELECTORS[:] = [e for e in ELECTORS if e["uprn"] != uprn]
    PERMITS[:] = [p for p in PERMITS if p["uprn"] != uprn]


def last_closed_end(uprn):
    ends = [a["end"] for a in ACCOUNTS.values() if a["uprn"] == uprn and a["status"] == "closed"]
    return max(ends) if ends else None


def household(uprn, liable, register, discounts=(), start=None):
    reset_prop(uprn)
    if start is None:
        e = last_closed_end(uprn)
        start = (e + dt.timedelta(days=1)) if e else dt.date(2026, 4, 1) - dt.timedelta(days=rng.randint(400, 5000))
    ref = add_account(uprn, liable, "active", start, None, discounts)
    for n in register:
        add_elector(n, uprn)
    return ref


def find_prop(line1, pc):
    for u in PROP_ORDER:
        p = PROPS[u]
        if addr_key(p["line1"]) == addr_key(line1) and p["postcode"] == norm_pc(pc):
            return p
    return None


# ----------------------------------------------------------------------------
# literal checks (forms.md) against the records written
# ----------------------------------------------------------------------------
DATE_FIELDS = {"sole_adult_since", "declaration_date", "move_date", "start_date"}
REQUIRED = {
    "council_tax_spd": ["account_ref", "applicant_name", "address", "postcode", "sole_adult_since",
                        "declaration_date"],
    "council_tax_move": ["move_type", "applicant_name", "move_date", "declaration_date"],
    "correspondence": ["topic", "body"],
    "parking_permit": ["applicant_name", "address", "postcode", "vrm", "zone", "start_date",
                       "declaration_date"],
}


def register_at(uprn):
    return {name_key(e["name"]) for e in ELECTORS if e["uprn"] == uprn}


def format_reasons(t, ft):
    R = []
    req = list(REQUIRED[ft])
    if ft == "council_tax_move":
        if t.get("move_type") == "out":
            req += ["account_ref", "previous_address", "previous_postcode"]
        elif t.get("move_type") == "in":
            req += ["new_address", "new_postcode"]
    for f in req:
        if f not in t:
            R.append(f"MISSING_FIELD:{f}")
    bad = set()
    for f, v in t.items():
        if f in DATE_FIELDS and parse_iso(v) is None:
            bad.add(f)
        if f.endswith("postcode") and not PC_RE.match(v):
            bad.add(f)
        if f == "account_ref" and not re.fullmatch(r"\d{8}", v):
            bad.add(f)
        if f == "vrm" and not any(r.match(v) for r in VRM_RE):
            bad.add(f)
    for f in sorted(bad):
        R.append(f"INVALID_FORMAT:{f}")
    return R, bad


def check(form):
    t = form["truth"]
    ft = form["form_type"]
    R, bad = format_reasons(t, ft)
    ok = lambda f: f in t and f not in bad
    if ft == "council_tax_spd":
        if ok("account_ref"):
            a = ACCOUNTS.get(t["account_ref"])
            if not a:
                R.append("ACCOUNT_NOT_FOUND")
            else:
                if a["status"] == "closed":
                    R.append("ACCOUNT_CLOSED")
                if name_key(t["applicant_name"]) not in {name_key(n) for n in a["liable"]}:
                    R.append("NAME_MISMATCH")
                p = PROPS[a["uprn"]]
                if addr_key(t.get("address", "")) != addr_key(p["line1"]) or norm_pc(t.get("postcode", "X XXX")) != p["postcode"]:
                    R.append("ADDRESS_MISMATCH")
                if "SPD" in a["discounts"]:
                    R.append("DISCOUNT_ALREADY_APPLIED")
                others = register_at(a["uprn"]) - {name_key(t["applicant_name"])}
                if "other_adult_name" in t:
                    others -= {name_key(t["other_adult_name"])}
                if others:
                    R.append("OTHER_ADULTS_REGISTERED")
        if ok("sole_adult_since"):
            d = parse_iso(t["sole_adult_since"])
            if d > ASOF:
                R.append("DATE_IN_FUTURE")
            if (ASOF - d).days > BACKDATE:
                R.append("DATE_TOO_OLD")
            if form.get("desc_date") and form["desc_date"] != t["sole_adult_since"]:
                R.append("INCONSISTENT_DATES")
    elif ft == "council_tax_move":
        mt = t.get("move_type")
        if mt == "out" and ok("account_ref"):
            a = ACCOUNTS.get(t["account_ref"])
            if not a:
                R.append("ACCOUNT_NOT_FOUND")
            else:
                if name_key(t["applicant_name"]) not in {name_key(n) for n in a["liable"]}:
                    R.append("NAME_MISMATCH")
                p = PROPS[a["uprn"]]
                if addr_key(t.get("previous_address", "")) != addr_key(p["line1"]) or norm_pc(t.get("previous_postcode", "X XXX")) != p["postcode"]:
                    R.append("ADDRESS_MISMATCH")
        if mt == "in" and ok("new_address") and ok("new_postcode"):
            if not find_prop(t["new_address"], t["new_postcode"]):
                R.append("PROPERTY_NOT_FOUND")
        if ok("move_date"):
            d = parse_iso(t["move_date"])
            if (d - ASOF).days > FORWARD:
                R.append("DATE_IN_FUTURE")
            if (ASOF - d).days > BACKDATE:
                R.append("DATE_TOO_OLD")
    elif ft == "parking_permit":
        p = find_prop(t["address"], t["postcode"]) if ok("address") and ok("postcode") else None
        if ok("address") and ok("postcode") and not p:
            R.append("PROPERTY_NOT_FOUND")
        if p:
            if not p["zone"] or p["zone"] != t.get("zone", "").upper():
                R.append("NOT_IN_PERMIT_ZONE")
            nk = name_key(t["applicant_name"])
            liable = any(nk in {name_key(n) for n in a["liable"]} for a in ACCOUNTS.values()
                         if a["uprn"] == p["uprn"] and a["status"] == "active")
            if not liable and nk not in register_at(p["uprn"]):
                R.append("NOT_RESIDENT")
        act = lambda pm: pm["frm"] <= ASOF <= pm["to"]
        if ok("vrm") and any(pm["vrm"] == t["vrm"] and act(pm) for pm in PERMITS):
            R.append("VRM_HAS_PERMIT")
        if p and sum(1 for pm in PERMITS if pm["uprn"] == p["uprn"] and act(pm)) >= PERMIT_CAP:
            R.append("PERMIT_CAP_REACHED")
        if ok("start_date") and (parse_iso(t["start_date"]) - ASOF).days > FORWARD:
            R.append("DATE_IN_FUTURE")
    elif ft == "correspondence":
        known_addr = "address" in t and "postcode" in t and find_prop(t["address"], t["postcode"])
        known_acct = "account_ref" in t and t["account_ref"] in ACCOUNTS
        if "sender_name" not in t or not (known_addr or known_acct):
            R.append("SENDER_UNKNOWN")
        if "account_ref" in t and t["account_ref"] not in ACCOUNTS:
            R.append("ACCOUNT_NOT_FOUND")
    return R


# ----------------------------------------------------------------------------
# scenarios
# ----------------------------------------------------------------------------
def days(n):
    return dt.timedelta(days=n)


FWD_ADDRS = [("22 Carr Lane", "Halifax", "HX1 5RT"), ("Flat 3, 7 Regent Street", "Burnley", "BB11 2QD"),
             ("41 Oakworth Road", "Keighley", "BD21 1PW"), ("9 Lidget Green", "Bradford", "BD7 2LH"),
             ("15 Park Avenue", "Skipton", "BD23 1QN"), ("118 Manchester Road", "Rochdale", "OL11 4JG"),
             ("3 Sowerby Croft", "Sowerby Bridge", "HX6 2NS"), ("27 Prospect Street", "Huddersfield", "HD1 2NU"),
             ("Flat 12, Canal Wharf", "Leeds", "LS11 5PS"), ("64 Bury Road", "Rawtenstall", "BB4 6EF"),
             ("5 Heather Close", "Todmorden", "OL14 5TH"), ("2 Vicarage Gardens", "Colne", "BB8 0DX"),
             ("88 Wakefield Road", "Dewsbury", "WF12 8AL"), ("14 Albion Street", "Accrington", "BB5 1LW")]
CARE_HOMES = [("Moorfield House Care Home, Nab Lane", "Thornaby Moor", "TM5 3ZW")]


def fwd_addr():
    return rng.choice(FWD_ADDRS)


def bad_ref_from(ref):
    for _ in range(100):
        s = list(ref)
        i = rng.randint(2, 6)
        s[i], s[i + 1] = s[i + 1], s[i]
        r = "".join(s)
        if r == ref or r in USED_REFS:
            s = list(ref)
            s[rng.randint(3, 7)] = str(rng.randint(0, 9))
            r = "".join(s)
        if r != ref and r not in USED_REFS:
            USED_REFS.add(r)   # reserve so no account gets it
            return r
    raise RuntimeError


def d_iso(d):
    return d.isoformat()


def rel_word(a, b):
    if a.surname == b.surname:
        return {"M": "husband", "F": "wife"}[b.gender]
    return "partner"


def scen_spd(layout, kind):
    f = dict(form_type="council_tax_spd", layout=layout, kind=kind)
    u = take_prop()
    p = PROPS[u]
    A = new_person()
    B = new_person(gender="M" if A.gender == "F" else "F",
                   surname=A.surname if rng.random() < 0.7 else None)
    since = ASOF - days(rng.randint(14, 320))
    decl = ASOF - days(rng.randint(1, 12))
    t = {}
    other = None
    fwd = None
    desc = None
    desc_date = None
    dstyle = rng.choice(["long", "ordinal", "slash", "long"])
    variant = rng.choice(["partner", "partner", "sole", "child", "parent", "none"])
    if kind in ("NAME", "OTHERS", "CLOSED"):
        variant = "partner"
    if kind == "FUTURE":
        variant = "lodger"
    liable, reg, disc = [A.full], [A.full], []
    if variant == "partner":
        liable = [A.full, B.full] if kind != "NAME" else [B.full]
        reg = [A.full] + ([B.full] if rng.random() < 0.6 and kind != "NAME" else [])
        other = B.full
        if rng.random() < 0.6:
            fwd = ", ".join(fwd_addr())
        w = rel_word(A, B)
        if kind == "NAME":
            desc = (f"The council tax bill is in my {w}'s name only. He left on {{D}} and I am now "
                    f"living here on my own." if B.gender == "M" else
                    f"The bill has always been in my {w}'s name. She moved out on {{D}} and I live here alone now.")
        else:
            desc = rng.choice([f"My {w} {B.forename} moved out on {{D}} and will not be returning.",
                               f"We have separated. {B.full} left the property on {{D}}.",
                               f"My {w} has moved out permanently following our separation.",
                               f"{B.forename} moved out on {{D}}. I am now the only adult living here."])
    elif variant == "sole":
        other = B.full if rng.random() < 0.5 else None
        desc = rng.choice(["My partner moved out at the end of the summer.",
                           "I now live on my own after my relationship ended.",
                           "I am the only person living at the address since {D}."])
    elif variant == "child":
        C = new_person(surname=A.surname)
        reg = [A.full, C.full]
        other = C.full
        if rng.random() < 0.7:
            fwd = ", ".join(fwd_addr())
        son = "son" if C.gender == "M" else "daughter"
        desc = rng.choice([f"My {son} {C.forename} has moved into a flat of {'his' if C.gender == 'M' else 'her'} own. "
                           f"{'He' if C.gender == 'M' else 'She'} left on {{D}}.",
                           f"My {son} moved out to live with {'his' if C.gender == 'M' else 'her'} partner on {{D}}."])
    elif variant == "parent":
        M = new_person(surname=A.surname if rng.random() < 0.5 else None)
        reg = [A.full, M.full]
        other = M.full
        fwd = ", ".join(CARE_HOMES[0])
        w = "mother" if M.gender == "F" else "father"
        desc = f"My {w} went into permanent residential care at Moorfield House on {{D}}."
    elif variant == "lodger":
        L = new_person()
        other = L.full
        reg = [A.full]
        desc = f"My lodger {L.forename} {L.surname} is moving out on {{D}} when {'his' if L.gender == 'M' else 'her'} tenancy ends."
    # kind specific
    if kind == "DAA":
        disc = ["SPD"]
    if kind == "OTHERS":
        C = new_person(surname=A.surname)
        reg = [A.full, B.full, C.full]
    if kind == "OLD":
        since = ASOF - days(rng.randint(400, 520))
    if kind == "FUTURE":
        since = ASOF + days(rng.randint(9, 40))
    if kind == "CLOSED":
        reset_prop(u)
        st = dt.date(2026, 4, 1) - days(rng.randint(1500, 3000))
        en = st + days(rng.randint(400, 900))
        closed_ref = add_account(u, [A.full], "closed", st, en)
        ref = household(u, liable, reg, disc, start=en + days(1))
        ref = closed_ref
    else:
        ref = household(u, liable, reg, disc)
    if kind == "ANF":
        ref = bad_ref_from(ref)
    line1, pc = p["line1"], p["postcode"]
    if kind == "ADDR":
        q = take_prop(pred=lambda x: x["street"] == p["street"] and x["uprn"] != u)
        line1, pc = PROPS[q]["line1"], PROPS[q]["postcode"]
    if desc and "{D}" in desc:
        if kind == "INCONS":
            dd = since + days(rng.choice([-1, 1]) * rng.randint(6, 24))
        else:
            dd = since
        desc_date = d_iso(dd)
        desc = desc.replace("{D}", fmt_date(dd, dstyle))
    if kind == "INCONS" and not desc_date:
        dd = since + days(rng.randint(6, 24))
        desc_date = d_iso(dd)
        desc = f"My partner moved out on {fmt_date(dd, dstyle)}."
    t["account_ref"] = ref
    t["applicant_name"] = A.full
    t["address"] = line1
    t["postcode"] = pc
    t["sole_adult_since"] = d_iso(since)
    if other:
        t["other_adult_name"] = other
    if fwd:
        t["other_adult_forwarding_address"] = fwd
    if desc and (rng.random() < 0.85 or kind == "INCONS"):
        t["change_description"] = desc
    else:
        desc_date = None
    if rng.random() < 0.75:
        t["phone"] = phone()
    if rng.random() < 0.6:
        t["email"] = email_for(A)
    if kind != "MISSING_DECL":
        t["declaration_date"] = d_iso(decl)
    f.update(truth=t, person=A, desc_date=desc_date, uprn=u, town=p["town"], band=p["band"])
    return f


def scen_move(layout, kind, mtype):
    f = dict(form_type="council_tax_move", layout=layout, kind=kind)
    A = new_person()
    t = {"move_type": mtype}
    decl = ASOF - days(rng.randint(1, 10))
    move = ASOF + days(rng.randint(-60, 20))
    if mtype == "out":
        u = take_prop()
        p = PROPS[u]
        if kind == "NAME":
            X = new_person()
            ref = household(u, [X.full], [X.full, A.full], ["SPD"] if rng.random() < 0.3 else [])
        else:
            B = new_person(surname=A.surname, gender="M" if A.gender == "F" else "F")
            liable = [A.full] if rng.random() < 0.5 else [A.full, B.full]
            ref = household(u, liable, list(liable), ["SPD"] if len(liable) == 1 and rng.random() < 0.5 else [])
        if kind == "ANF":
            ref = bad_ref_from(ref)
        t["account_ref"] = ref
        line1, pc = p["line1"], p["postcode"]
        if kind == "ADDR":
            q = take_prop(pred=lambda x: x["street"] == p["street"] and x["uprn"] != u)
            line1, pc = PROPS[q]["line1"], PROPS[q]["postcode"]
        t["previous_address"] = line1
        t["previous_postcode"] = pc
        f["prev_town"] = p["town"]
        if rng.random() < 0.8 or layout == "declaration_letter":
            a1, town, npc = fwd_addr()
            t["new_address"], t["new_postcode"] = a1, npc
            f["new_town"] = town
        f["uprn"] = u
    else:
        if kind == "PNF":
            t["new_address"] = rng.choice(["4 Dyehouse Court", "7 Spinners Yard", "2 Loom Mews"])
            t["new_postcode"] = new_unit("TM4", 6)
            f["new_town"] = TOWN
        else:
            u = take_prop(vacant=True)
            p = PROPS[u]
            t["new_address"], t["new_postcode"] = p["line1"], p["postcode"]
            f["new_town"] = p["town"]
            f["uprn"] = u
            USED_NAMES.add(A.full.lower())
        if rng.random() < 0.6:
            a1, town, ppc = fwd_addr()
            t["previous_address"], t["previous_postcode"] = a1, ppc
            f["prev_town"] = town
    if kind == "FUTURE":
        move = ASOF + days(rng.randint(40, 80))
    if kind == "OLD":
        move = ASOF - days(rng.randint(395, 480))
    t["applicant_name"] = A.full
    t["move_date"] = d_iso(move)
    if rng.random() < 0.8:
        t["phone"] = phone()
    if rng.random() < 0.55:
        t["email"] = email_for(A)
    t["declaration_date"] = d_iso(decl)
    if kind == "BADDECL":
        t["declaration_date"] = rng.choice(["31/11/2026", "31/09/2026"])
        f["raw_decl"] = True
    f.update(truth=t, person=A)
    return f


MAKES = [("Ford", "Fiesta"), ("Ford", "Focus"), ("Vauxhall", "Corsa"), ("Vauxhall", "Astra"),
         ("Toyota", "Yaris"), ("Nissan", "Qashqai"), ("Kia", "Sportage"), ("Hyundai", "i10"),
         ("Volkswagen", "Golf"), ("Volkswagen", "Polo"), ("Peugeot", "208"), ("Skoda", "Octavia"),
         ("Honda", "Jazz"), ("Renault", "Clio"), ("Citroen", "C3"), ("Dacia", "Sandero"),
         ("Fiat", "500"), ("Mini", "Cooper"), ("Suzuki", "Swift"), ("Seat", "Ibiza")]
COLOURS = ["Silver", "Black", "Blue", "Red", "White", "Grey", "Green", "Dark Blue"]


def scen_park(layout, kind):
    f = dict(form_type="parking_permit", layout=layout, kind=kind)
    A = new_person()
    t = {}
    if kind == "NOZONE":
        u = take_prop(zoned=False)
    elif kind == "PNF":
        u = None
    else:
        u = take_prop(zoned=True)
    if u:
        p = PROPS[u]
        B = new_person(surname=A.surname, gender="M" if A.gender == "F" else "F")
        if kind == "NOTRES":
            X = new_person()
            household(u, [X.full], [X.full])
        else:
            mode = rng.choice(["liable", "liable", "register_only", "joint"])
            if mode == "liable":
                household(u, [A.full], [A.full] if rng.random() < 0.7 else [])
            elif mode == "register_only":
                # applicant is an adult on the register but not liable
                household(u, [B.full], [B.full, A.full])
            else:
                household(u, [B.full, A.full], [B.full, A.full])
        zone = p["zone"]
        if kind == "NOZONE":
            zone = rng.choice(["RP3", "RP1", "T1"])
        line1, pc = p["line1"], p["postcode"]
        # existing permits at the property
        if kind == "CAP":
            for _ in range(2):
                add_permit(u, new_vrm(), p["zone"], *active_permit_window())
        elif p["zone"] and kind != "HASPERMIT" and rng.random() < 0.5:
            add_permit(u, new_vrm(), p["zone"], *active_permit_window())
        if p["zone"] and rng.random() < 0.3:
            add_permit(u, new_vrm(), p["zone"], *expired_permit_window())
    else:
        mk = [x for x in PROP_ORDER if PROPS[x]["street"] == "Market Street"]
        base = PROPS[rng.choice(mk)]
        n = int(re.match(r"\d+", base["line1"]).group())
        line1, pc, zone = f"{n}B Market Street", base["postcode"], "T1"
        f["uprn"] = None
    vrm = new_vrm(rng.choice(["current"] * 6 + ["prefix", "suffix"]))
    if kind == "HASPERMIT":
        frm = ASOF - days(rng.randint(60, 200))
        add_permit(u, vrm, p["zone"], frm, frm + days(364))
    if kind == "BADVRM":
        vrm = vrm[:4] + vrm[4:] + rng.choice("ABCDEFGH") if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z]{3}", vrm) else "YK17ABCD"
    make, model = rng.choice(MAKES)
    start = ASOF + days(rng.randint(-6, 25))
    if kind == "FUTURE":
        start = ASOF + days(rng.randint(36, 70))
    decl = ASOF - days(rng.randint(1, 10))
    t["applicant_name"] = A.full
    t["address"] = line1
    t["postcode"] = pc
    t["vrm"] = vrm
    f["model"] = model
    if rng.random() < 0.85:
        t["vehicle_make"] = make
    t["zone"] = zone
    t["start_date"] = d_iso(start)
    if rng.random() < 0.75:
        t["phone"] = phone()
    if rng.random() < 0.6:
        t["email"] = email_for(A)
    t["declaration_date"] = d_iso(decl)
    f.update(truth=t, person=A, uprn=u, colour=rng.choice(COLOURS))
    return f


def scen_corr(layout, kind):
    f = dict(form_type="correspondence", layout=layout, kind=kind)
    t = {}
    A = new_person()
    u = None
    ref = None
    if kind not in ("anon_complaint", "foi_noaddr"):
        u = take_prop()
        p = PROPS[u]
        B = new_person(surname=A.surname, gender="M" if A.gender == "F" else "F")
        liable = [A.full] if rng.random() < 0.5 else [A.full, B.full]
        ref = household(u, liable, liable)
        f["addr"] = (p["line1"], p["line2"], p["town"], p["postcode"])
        street = p["street"]
    else:
        street = rng.choice(["Inkerman Street", "Cobden Terrace", "Hebden Street"])
    L = lambda d: fmt_date(d, rng.choice(["long", "ordinal", "long", "slash"]))
    wd = lambda d: f"{WEEKDAYS[d.weekday()]} {L(d)}"
    dates = []

    def D(d, weekday=False):
        dates.append(d.isoformat())
        return wd(d) if weekday else L(d)
    paras = []
    subject = None
    quote_ref = None
    if kind == "missed_bin" and layout == "resident_letter":
        d1 = ASOF - days(rng.randint(3, 12))
        while d1.weekday() != 1:
            d1 -= days(1)
        d0 = d1 - days(14)
        topic = "missed_bin"
        subject = f"Missed bin collection - {p['line1']}"
        paras = [f"I am writing because our grey general waste bin at {p['line1']} was not emptied on "
                 f"{D(d1, True)} as it should have been. The bin was out on the kerb by half past six as usual "
                 f"and the wagon went straight past it.",
                 f"This is not the first time. It was also missed on {D(d0)} and when I rang up I was told it "
                 f"would be collected the next day, which it never was. The bin is now overflowing and we have "
                 f"had foxes in the back street tearing the bags open.",
                 "Please could somebody come and empty it as soon as possible, and make sure our street is not "
                 "left off the round again."]
    elif kind == "missed_bin":
        d1 = ASOF - days(rng.randint(1, 6))
        topic = "missed_bin"
        subject = f"Recycling not collected - {street}"
        paras = [f"Our blue recycling bin was not collected on {D(d1, True)}. Every other house on {street} "
                 f"had theirs emptied but ours was left full at the end of the yard.",
                 "Could you please arrange for the crew to come back for it? We have nowhere to put the "
                 "cardboard until the next collection."]
    elif kind in ("ct_query", "ct_query_ANF"):
        topic = "council_tax_query"
        d1 = dt.date(2026, rng.choice([10, 11]), rng.randint(2, 25))
        d2 = dt.date(2026, 12, 15) if rng.random() < 0.5 else dt.date(2027, 1, 1)
        quote_ref = ref if kind == "ct_query" else bad_ref_from(ref)
        rs = rng.choice(["space", "plain", "ct"])
        subject = f"Council Tax account {fmt_ref(quote_ref, rs)}"
        paras = [f"I have received a revised Council Tax bill dated {D(d1)} for {p['line1']} and I do not "
                 f"understand why the amount has gone up. My account number is {fmt_ref(quote_ref, rs)}.",
                 "My monthly instalment has gone from £98.00 to £131.00 and nothing has changed at the "
                 "house. Could you please explain how the new amount has been worked out, and check that "
                 "the property is in the right band?",
                 f"I would be grateful for a reply before my next instalment is taken on {D(d2)}."]
    elif kind == "complaint" and layout == "resident_letter":
        topic = "complaint"
        d1 = ASOF - days(rng.randint(8, 20))
        subject = "Formal complaint"
        paras = [f"I wish to make a formal complaint about the way I was treated when I called at the "
                 f"Customer Service Centre in the Town Hall on {D(d1)}.",
                 "I had gone in to ask about a parking fine and the member of staff on the desk was rude and "
                 "dismissive. I was kept waiting for over an hour and then told to come back another day. "
                 "I am 74 years old and I had to get two buses to get there.",
                 "I would like a written apology and an explanation of what the council is going to do to make "
                 "sure this does not happen to anyone else."]
    elif kind == "complaint":
        topic = "complaint"
        d0 = ASOF - days(rng.randint(30, 50))
        d1 = ASOF - days(rng.randint(3, 10))
        subject = f"Complaint - broken pavement on {street}"
        paras = [f"I am writing to complain about the state of the pavement outside the houses on {street}. "
                 f"I first reported the broken flags on {D(d0)} and was told it would be looked at within "
                 "28 days.",
                 f"Nothing has been done and on {D(d1)} my mother tripped on the same flags and hurt her wrist. "
                 "This is not good enough and I expect the council to repair it urgently and to reply to this "
                 "complaint."]
    elif kind == "other":
        topic = "other"
        subject = "Allotment waiting list"
        paras = ["I would like to put my name down for an allotment plot at the Nab Lane site, or any other "
                 "site in the borough if there is a shorter wait.",
                 "Could you let me know roughly how long the waiting list is, how much the yearly rent is and "
                 "whether half plots are available? I have kept a garden for many years but we now live in a "
                 "terrace with just a yard."]
    elif kind == "foi":
        topic = "foi_request"
        subject = "Freedom of Information request - fly-tipping"
        a, b = dt.date(2025, 4, 1), dt.date(2026, 3, 31)
        paras = ["Under the Freedom of Information Act 2000 I would like to request the following information.",
                 f"1. The number of reports of fly-tipping the council received for the Canal Side and Moor End "
                 f"wards between {D(a)} and {D(b)}.",
                 "2. The number of fixed penalty notices issued for fly-tipping in the same period, and how many "
                 "of those were paid.",
                 "3. The total cost to the council of clearing fly-tipped waste in that year.",
                 "I would prefer to receive the information by email in a spreadsheet."]
    elif kind == "foi_noaddr":
        topic = "foi_request"
        subject = "FOI request: residents' parking permits"
        paras = ["I am making a request under the Freedom of Information Act 2000.",
                 "Please provide, for each residents' parking zone in the borough, the number of permits issued "
                 "in each of the last three financial years, the charge for a first and second permit, and the "
                 "income the council received from permits in total.",
                 "Please send the response to this email address."]
        A = new_person()
        f["journalist"] = True
    elif kind == "anon_complaint":
        topic = "complaint"
        d1 = ASOF - days(rng.randint(20, 35))
        subject = f"Disgusting state of the back street behind {street}"
        paras = [f"I want to complain about the rubbish dumped in the back street behind {street}. There has "
                 f"been a mattress, a sofa and bags of builders rubble there since {D(d1)} and it has been reported "
                 "more than once.",
                 "Nobody from the council has been to look at it and there are rats now. This is a disgrace and "
                 "the council should be ashamed. Sort it out."]
    else:
        raise ValueError(kind)
    if kind != "anon_complaint":
        t["sender_name"] = A.full
    if u is not None:
        t["address"] = p["line1"]
        t["postcode"] = p["postcode"]
    if quote_ref:
        t["account_ref"] = quote_ref
    t["topic"] = topic
    seen = []
    for d in dates:
        if d not in seen:
            seen.append(d)
    if seen:
        t["dates_mentioned"] = seen
    t["body"] = re.sub(r"\s+", " ", " ".join(paras)).strip()
    f.update(truth=t, person=A, paras=paras, subject=subject, uprn=u, street=street)
    return f


# ----------------------------------------------------------------------------
# how each answer is printed
# ----------------------------------------------------------------------------
DATE_STYLES = {
    "grid": ["slash", "slash", "dot", "dash", "slash_short"],
    "yesno_list": ["ordinal", "slash_short", "long", "slash", "dash"],
    "declaration_letter": ["long", "ordinal", "us", "long", "slash"],
    "portal_export": ["slash", "iso", "long", "slash"],
}


def finish(form):
    t = form["truth"]
    lay = form["layout"]
    disp = {}
    if form["form_type"] == "correspondence":
        form["disp"] = disp
        return form
    dst = rng.choice(DATE_STYLES[lay])
    pst = rng.choice(["std", "std", "std", "lower", "nospace", "lower_nospace"]) if lay != "portal_export" \
        else rng.choice(["std", "std", "nospace"])
    rst = rng.choice(["plain", "plain", "space", "dash", "ct"])
    vst = rng.choice(["spaced", "spaced", "nospace", "lower"])
    for k, v in t.items():
        if k in DATE_FIELDS:
            d = parse_iso(v)
            if d is None:
                disp[k] = v
            else:
                st = dst if rng.random() < 0.8 else rng.choice(DATE_STYLES[lay])
                disp[k] = fmt_date(d, st)
        elif k.endswith("postcode"):
            disp[k] = fmt_pc(v, pst)
        elif k == "account_ref":
            disp[k] = fmt_ref(v, rst)
        elif k == "vrm":
            disp[k] = fmt_vrm(v, vst) if any(r.match(v) for r in VRM_RE) else (v[:4] + " " + v[4:])
        else:
            disp[k] = v
    P = form["person"]
    # name policy per layout
    if lay == "grid":
        title = P.title if rng.random() < 0.85 else ""
        disp.update(title=title, forename=P.forename, surname=P.surname, split=True)
    elif lay == "yesno_list":
        title = P.title if rng.random() < 0.4 else ""
        disp["split"] = False
    elif lay == "declaration_letter":
        title = ""
        disp["split"] = False
    else:
        if rng.random() < 0.5:
            title = P.title
            disp.update(title=title, forename=P.forename, surname=P.surname, split=True)
        else:
            title = P.title if rng.random() < 0.3 else ""
            disp["split"] = False
    name = (title + " " + P.full).strip()
    t["applicant_name"] = name
    disp["applicant_name"] = name
    disp["signature"] = rng.choice([P.full, f"{P.forename[0]} {P.surname}", f"{P.forename.split()[0]} {P.surname}"])
    form["disp"] = disp
    return form


# ----------------------------------------------------------------------------
# drawing helpers
# ----------------------------------------------------------------------------
W, H = A4
NAVY = colors.Color(0.12, 0.18, 0.36)
GREEN = colors.Color(0.10, 0.33, 0.30)


def sw(text, font, size):
    from reportlab.pdfbase.pdfmetrics import stringWidth
    return stringWidth(text, font, size)


def wrap(text, font, size, width):
    if not text:
        return [""]
    out = []
    for para in str(text).split("\n"):
        out += simpleSplit(para, font, size, width) or [""]
    return out


def crest(c, x, y, s=1.0, fill=NAVY):
    """shield-shaped crest, bottom point at (x+20s, y)"""
    c.saveState()
    p = c.beginPath()
    p.moveTo(x, y + 48 * s)
    p.lineTo(x + 40 * s, y + 48 * s)
    p.lineTo(x + 40 * s, y + 20 * s)
    p.curveTo(x + 40 * s, y + 8 * s, x + 28 * s, y + 3 * s, x + 20 * s, y)
    p.curveTo(x + 12 * s, y + 3 * s, x, y + 8 * s, x, y + 20 * s)
    p.close()
    c.setFillColor(fill)
    c.setStrokeColor(colors.black)
    c.setLineWidth(0.8)
    c.drawPath(p, fill=1, stroke=1)
    c.setFillColor(colors.white)
    for i, hgt in enumerate([16, 20, 14]):     # mill chimneys
        c.rect(x + (9 + i * 9) * s, y + 22 * s, 3.2 * s, hgt * s, stroke=0, fill=1)
    c.setStrokeColor(colors.white)
    c.setLineWidth(1.1 * s)
    c.line(x + 5 * s, y + 21 * s, x + 35 * s, y + 21 * s)
    c.bezier(x + 6 * s, y + 14 * s, x + 14 * s, y + 18 * s, x + 26 * s, y + 10 * s, x + 34 * s, y + 14 * s)
    c.restoreState()


class Pager:
    def __init__(self, buf, header, footer, top_first, top_next, bottom=70):
        self.c = canvas.Canvas(buf, pagesize=A4, invariant=1)
        self.header, self.footer = header, footer
        self.page = 1
        self.top_next = top_next
        self.bottom = bottom
        self.header(self.c, 1)
        self.y = top_first

    def need(self, h):
        if self.y - h < self.bottom:
            self.newpage()

    def newpage(self):
        self.footer(self.c, self.page)
        self.c.showPage()
        self.page += 1
        self.header(self.c, self.page)
        self.y = self.top_next

    def finish(self):
        self.footer(self.c, self.page)
        self.c.save()


def two_pass(render):
    """render(total_pages) -> bytes; run twice so footers can say 'Page x of y'."""
    b = render(None)
    from reportlab.pdfbase import pdfmetrics  # noqa
    n = b.count(b"/Type /Page\n") or b.count(b"/Type /Page ")
    n = max(1, len(re.findall(rb"/Type /Page[^s]", b)))
    return render(n)


# ----------------------------------------------------------------------------
# layout 1: grid form
# ----------------------------------------------------------------------------
GRID_X, GRID_W = 40, 515


def grid_rows_for(form):
    ft, d = form["form_type"], form["disp"]
    g = lambda k: d.get(k, "")
    rows = []
    name_row = ("pairs", [("Title", g("title"), 34, 40), ("Forename(s)", g("forename"), 62, 150),
                          ("Surname", g("surname"), 52, None)])
    decl_note = None
    if ft == "council_tax_spd":
        rows += [("section", "Section A - Your Council Tax account"),
                 ("pairs", [("Council Tax account number", g("account_ref")),
                            ("Valuation band (if known)", form.get("band", "") if rng.random() < 0.5 else "")]),
                 ("section", "Section B - About you (the person liable to pay)"),
                 name_row,
                 ("pairs", [("Daytime telephone", g("phone")), ("Email address", g("email"))]),
                 ("section", "Section C - About the property"),
                 ("pairs", [("Address of the property (house number and street)", g("address"))]),
                 ("pairs", [("Town", form.get("town", TOWN)), ("Postcode", g("postcode"))]),
                 ("section", "Section D - The change in who lives at the property"),
                 ("pairs", [("Date you became the only adult (18 or over) living at the property", g("sole_adult_since"))]),
                 ("note", "If another adult has moved out, please give their details below. If nobody has moved "
                          "out, leave these boxes blank and tell us what has changed."),
                 ("pairs", [("Full name of the adult who has left", g("other_adult_name"))]),
                 ("pairs", [("Their new address (if known)", g("other_adult_forwarding_address"))]),
                 ("tall", "Tell us what changed", g("change_description"), 44)]
        decl_note = ("I declare that I am the only adult aged 18 or over living at the address above as my main "
                     "home, and that the information I have given on this form is true and complete. I will tell "
                     "the Council within 21 days if anyone else aged 18 or over comes to live here. I understand "
                     "that I may be fined or prosecuted if I give false information.")
    elif ft == "council_tax_move":
        mt = form["truth"]["move_type"]
        rows += [("section", "Section A - Are you moving in or moving out?"),
                 ("note", "Mark ONE box with an X."),
                 ("pairs", [("Moving IN to a property in Thornaby Moor", "X" if mt == "in" else ""),
                            ("Moving OUT of a property in Thornaby Moor", "X" if mt == "out" else "")]),
                 ("section", "Section B - Your details"),
                 name_row,
                 ("pairs", [("Telephone", g("phone")), ("Email", g("email"))]),
                 ("section", "Section C - The address you are leaving"),
                 ("pairs", [("Council Tax account number (if known)", g("account_ref"))]),
                 ("pairs", [("Address", g("previous_address"))]),
                 ("pairs", [("Town", form.get("prev_town", "") if "previous_address" in d else ""),
                            ("Postcode", g("previous_postcode"))]),
                 ("section", "Section D - Your new address"),
                 ("pairs", [("Address", g("new_address"))]),
                 ("pairs", [("Town", form.get("new_town", "") if "new_address" in d else ""),
                            ("Postcode", g("new_postcode"))]),
                 ("section", "Section E - When"),
                 ("pairs", [("Date of move", g("move_date")),
                            ("Owner or tenant?", rng.choice(["Tenant", "Owner", "Tenant (private landlord)"]))])]
        decl_note = ("I declare that the information on this form is correct to the best of my knowledge. I understand "
                     "that giving false information to reduce or avoid Council Tax is a criminal offence.")
    elif ft == "parking_permit":
        t = form["truth"]
        rows += [("section", "Section A - Applicant (must live at the address)"),
                 name_row,
                 ("pairs", [("Home address", g("address"))]),
                 ("pairs", [("Town", TOWN), ("Postcode", g("postcode"))]),
                 ("pairs", [("Telephone", g("phone")), ("Email", g("email"))]),
                 ("section", "Section B - Permit required"),
                 ("pairs", [("Residents' zone", g("zone"), 62, 70), ("Permit type", "Resident", 58, 80),
                            ("Permit to start on", g("start_date"), 70, None)]),
                 ("section", "Section C - Vehicle"),
                 ("pairs", [("Vehicle reg.", g("vrm"), 58, 92), ("Make", g("vehicle_make"), 40, 100),
                            ("Colour", form.get("colour", ""), 45, None)]),
                 ("note", "The vehicle must be registered with the DVLA at the address above, or you must enclose "
                          "a letter from your employer or lease company. Permits cost £45.00 for the first vehicle "
                          "and £70.00 for a second vehicle at the same address (maximum two).")]
        decl_note = ("I declare that I live at the address above and that the vehicle shown is kept there. I will "
                     "return the permit if I move or sell the vehicle.")
    rows += [("section", "Declaration"), ("note", decl_note),
             ("pairs", [("Signed", g("signature") if rng.random() < 0.8 else ""), ("Date", g("declaration_date"))])]
    return rows


def render_grid(form, path):
    ft = form["form_type"]
    code, title, service = {
        "council_tax_spd": ("CTX/SPD1", "COUNCIL TAX - APPLICATION FOR SINGLE PERSON DISCOUNT", "Revenues and Benefits Service"),
        "council_tax_move": ("CTX/MOV2", "COUNCIL TAX - MOVING HOME (IN OR OUT)", "Revenues and Benefits Service"),
        "parking_permit": ("PKG/RP1", "RESIDENTS' PARKING PERMIT - APPLICATION", "Highways and Parking Services"),
    }[ft]
    rows = grid_rows_for(form)
    guidance = {
        "council_tax_spd": "You can get a 25% reduction if you are the only adult (aged 18 or over) who lives in the "
                           "property as their main home. Please fill in every section that applies to you and sign "
                           "the declaration. Guidance notes are on our website.",
        "council_tax_move": "Use this form to tell us you are moving into, or out of, a property in the borough. "
                            "Please tell us at least 7 days before you move if you can.",
        "parking_permit": "Residents' permits are only issued for addresses inside a residents' parking zone. "
                          "Zone signs at the entry to each street show the zone code.",
    }[ft]
    rev = rng.choice(["Rev. 04/26", "Rev. 09/25", "Issue 3"])

    def header(c, page):
        if page == 1:
            crest(c, 40, H - 88, 0.95)
            c.setFillColor(colors.black)
            c.setFont("Helvetica-Bold", 13.5)
            c.drawString(88, H - 54, COUNCIL.upper())
            c.setFont("Helvetica", 9)
            c.drawString(88, H - 68, service)
            c.drawString(88, H - 80, "Town Hall, Victoria Square, Thornaby Moor TM1 1AA  |  01632 960100")
            c.rect(470, H - 84, 85, 36)
            c.setFont("Helvetica-Bold", 10)
            c.drawCentredString(512, H - 62, code)
            c.setFont("Helvetica", 7)
            c.drawCentredString(512, H - 76, rev)
            c.setFillColor(colors.Color(0.22, 0.22, 0.22))
            c.rect(GRID_X, H - 112, GRID_W, 20, stroke=0, fill=1)
            c.setFillColor(colors.white)
            c.setFont("Helvetica-Bold", 11)
            c.drawString(GRID_X + 6, H - 106, title)
            c.setFillColor(colors.black)
            c.setFont("Helvetica-Oblique", 8)
            yy = H - 126
            for ln in wrap(guidance, "Helvetica-Oblique", 8, GRID_W):
                c.drawString(GRID_X, yy, ln)
                yy -= 10
        else:
            c.setFont("Helvetica-Bold", 9)
            c.drawString(GRID_X, H - 40, f"{code} (continued)")
            c.setFont("Helvetica", 8)
            c.drawRightString(GRID_X + GRID_W, H - 40, COUNCIL)

    def footer(c, page):
        c.setFont("Helvetica", 7)
        c.setFillColor(colors.Color(0.3, 0.3, 0.3))
        c.drawString(GRID_X, 32, "Return to: PO Box 17, Town Hall, Victoria Square, Thornaby Moor TM1 1AA   "
                                 "www.thornabymoor.gov.uk")
        c.drawRightString(GRID_X + GRID_W, 32, f"{code}  page {page}")
        c.setFillColor(colors.black)

    buf = io.BytesIO()
    pg = Pager(buf, header, footer, top_first=H - 160, top_next=H - 55, bottom=60)
    c = pg.c
    LF, LS, VF, VS = "Helvetica", 7.8, "Courier-Bold", 10
    for row in rows + [("office",)]:
        kind = row[0]
        if kind == "section":
            h = 17
            pg.need(h + 24)
            c.setFillColor(colors.Color(0.42, 0.42, 0.42))
            c.rect(GRID_X, pg.y - h, GRID_W, h, stroke=1, fill=1)
            c.setFillColor(colors.white)
            c.setFont("Helvetica-Bold", 9.5)
            c.drawString(GRID_X + 5, pg.y - 12, row[1])
            c.setFillColor(colors.black)
            pg.y -= h
        elif kind == "note":
            lines = wrap(row[1], "Helvetica-Oblique", 7.5, GRID_W - 10)
            h = len(lines) * 9 + 6
            pg.need(h)
            c.setFillColor(colors.Color(0.96, 0.96, 0.96))
            c.rect(GRID_X, pg.y - h, GRID_W, h, stroke=1, fill=1)
            c.setFillColor(colors.black)
            c.setFont("Helvetica-Oblique", 7.5)
            yy = pg.y - 10
            for ln in lines:
                c.drawString(GRID_X + 5, yy, ln)
                yy -= 9
            pg.y -= h
        elif kind in ("pairs", "tall"):
            if kind == "tall":
                pairs = [(row[1], row[2], 120, None)]
                minh = row[3]
            else:
                pairs = row[1]
                minh = 20
            n = len(pairs)
            # widths
            cells = []
            if all(len(p_) >= 4 for p_ in pairs):
                fixed = sum((p_[2] or 0) + (p_[3] or 0) for p_ in pairs)
                rest = GRID_W - fixed
                for p_ in pairs:
                    cells.append((p_[0], p_[1], p_[2], p_[3] if p_[3] is not None else rest))
            else:
                pw = GRID_W / n
                frac = 0.40 if n == 1 else 0.46
                for p_ in pairs:
                    cells.append((p_[0], p_[1], pw * frac, pw * (1 - frac)))
            lines = []
            for lab, val, lw, vw in cells:
                ll = wrap(lab, LF, LS, lw - 6)
                vs = VS
                while val and vs > 7 and max(sw(w_, VF, vs) for w_ in str(val).split()) > vw - 9:
                    vs -= 0.5
                vl = wrap(val, VF, vs, vw - 8) if val else [""]
                lines.append((ll, vl, vs))
            h = max(minh, max(max(len(ll) * 9.2, len(vl) * 12) for ll, vl, _ in lines) + 8)
            pg.need(h)
            x = GRID_X
            for (lab, val, lw, vw), (ll, vl, vs) in zip(cells, lines):
                c.setFillColor(colors.Color(0.86, 0.86, 0.86))
                c.rect(x, pg.y - h, lw, h, stroke=1, fill=1)
                c.setFillColor(colors.black)
                c.setFont(LF, LS)
                yy = pg.y - 10
                for ln in ll:
                    c.drawString(x + 3, yy, ln)
                    yy -= 9.2
                c.rect(x + lw, pg.y - h, vw, h, stroke=1, fill=0)
                c.setFont(VF, vs)
                yy = pg.y - 13
                for ln in vl:
                    c.drawString(x + lw + 5, yy, ln)
                    yy -= 12
                x += lw + vw
            pg.y -= h
        elif kind == "office":
            h = 34
            pg.need(h + 14)
            pg.y -= 10
            c.setDash(3, 2)
            c.rect(GRID_X, pg.y - h, GRID_W, h)
            c.setDash()
            c.setFont("Helvetica-Bold", 7.5)
            c.drawString(GRID_X + 4, pg.y - 10, "FOR OFFICE USE ONLY")
            c.setFont("Helvetica", 7.5)
            for i, lab in enumerate(["Date received", "Checked by", "Batch no.", "Entered on system"]):
                xx = GRID_X + 4 + i * 128
                c.drawString(xx, pg.y - 26, lab)
                c.line(xx + sw(lab, "Helvetica", 7.5) + 3, pg.y - 27, xx + 122, pg.y - 27)
            pg.y -= h
    pg.finish()
    with open(path, "wb") as fh:
        fh.write(buf.getvalue())


# ----------------------------------------------------------------------------
# layout 2: numbered Yes/No question list
# ----------------------------------------------------------------------------
def yn(val, a="Yes", b="No"):
    return [(a, val), (b, not val)]


def qlist_items(form):
    ft, d, t = form["form_type"], form["disp"], form["truth"]
    g = lambda k: d.get(k, "")
    items = []
    if ft == "council_tax_spd":
        items += [("h", "Part 1  Your account and the property"),
                  ("q", "What is your Council Tax account reference? (It is shown at the top of your bill.)", g("account_ref")),
                  ("q", "Your full name", g("applicant_name")),
                  ("q", "First line of the address you are claiming for", g("address")),
                  ("q", "Postcode of that address", g("postcode")),
                  ("h", "Part 2  Who lives there"),
                  ("q", "Does anyone else aged 18 or over live at the property as their main home?", yn(False)),
                  ("q", "From what date have you been the only adult living at the property?", g("sole_adult_since")),
                  ("q", "Has another adult moved out of the property?", yn("other_adult_name" in t)),
                  ("q", "If Yes, what is their full name?", g("other_adult_name")),
                  ("q", "If Yes, where do they live now? (forwarding address)", g("other_adult_forwarding_address")),
                  ("q", "Please tell us briefly what has changed", g("change_description")),
                  ("h", "Part 3  Contact details"),
                  ("q", "Telephone number", g("phone")),
                  ("q", "Email address", g("email")),
                  ("q", "May we contact you by email about this application?", yn("email" in t)),
                  ("h", "Part 4  Declaration"),
                  ("q", "I declare that the answers I have given are true. (Mark Yes to agree.)", yn(True)),
                  ("q", "Date of declaration", g("declaration_date"))]
    elif ft == "council_tax_move":
        mt = t["move_type"]
        items += [("h", "About your move"),
                  ("q", "Are you moving into, or out of, a property in Thornaby Moor?", [("In", mt == "in"), ("Out", mt == "out")]),
                  ("q", "Your full name", g("applicant_name")),
                  ("q", "Your Council Tax account number (only if you are moving out)", g("account_ref")),
                  ("q", "Address you are moving from (house number and street)", g("previous_address")),
                  ("q", "Postcode you are moving from", g("previous_postcode")),
                  ("q", "Address you are moving to (house number and street)", g("new_address")),
                  ("q", "Postcode you are moving to", g("new_postcode")),
                  ("q", "Date you moved, or will move", g("move_date")),
                  ("q", "Is the property you are moving to furnished?", yn(rng.random() < 0.2)),
                  ("q", "Are you a student?", yn(False)),
                  ("h", "Contact details"),
                  ("q", "Contact telephone", g("phone")),
                  ("q", "Email", g("email")),
                  ("h", "Declaration"),
                  ("q", "Do you confirm the information given is correct?", yn(True)),
                  ("q", "Date", g("declaration_date"))]
    elif ft == "parking_permit":
        items += [("h", "Section 1  The applicant"),
                  ("q", "Name of applicant", g("applicant_name")),
                  ("q", "Address (number and street)", g("address")),
                  ("q", "Postcode", g("postcode")),
                  ("q", "Is this address your main home?", yn(True)),
                  ("q", "Which residents' parking zone is your street in?", g("zone")),
                  ("h", "Section 2  The vehicle"),
                  ("q", "Registration number of the vehicle", g("vrm")),
                  ("q", "Make of vehicle", g("vehicle_make")),
                  ("q", "Is the vehicle registered with the DVLA at this address?", yn(True)),
                  ("q", "Is this a company or lease vehicle?", yn(rng.random() < 0.15)),
                  ("q", "Do you have a garage or off-street parking space?", yn(False)),
                  ("h", "Section 3  The permit"),
                  ("q", "Date you would like the permit to start", g("start_date")),
                  ("q", "Daytime telephone", g("phone")),
                  ("q", "Email address", g("email")),
                  ("q", "I confirm the above is correct and I have read the permit conditions.", yn(True)),
                  ("q", "Date", g("declaration_date"))]
    return items


def render_qlist(form, path):
    ft = form["form_type"]
    code, title = {
        "council_tax_spd": ("SPD/Q/26", "Council Tax Single Person Discount - Questionnaire"),
        "council_tax_move": ("CT/MOVE/Q3", "Council Tax - Change of Address Questionnaire"),
        "parking_permit": ("PK/RES/Q1", "Residents' Parking Permit - Application Questions"),
    }[ft]
    items = qlist_items(form)
    QX, QW, AX, AW = 60, 270, 345, 210

    def header(c, page):
        if page == 1:
            crest(c, 515, H - 92, 0.85, fill=GREEN)
            c.setFont("Times-Bold", 16)
            c.drawString(40, H - 52, "Thornaby Moor")
            c.setFont("Times-Roman", 10)
            c.drawString(40, H - 66, "Metropolitan Borough Council")
            c.setFont("Helvetica-Bold", 12.5)
            c.drawString(40, H - 96, title)
            c.setFont("Helvetica", 8)
            c.drawString(40, H - 108, f"Form {code}.  Answer every question. Where boxes are shown, put an X in the one that applies.")
            c.setStrokeColor(GREEN)
            c.setLineWidth(2)
            c.line(40, H - 116, 555, H - 116)
            c.setLineWidth(1)
            c.setStrokeColor(colors.black)
        else:
            c.setFont("Helvetica", 8)
            c.drawString(40, H - 40, f"{title} ({code}) - continued")
        c.setFillColor(colors.Color(0.85, 0.9, 0.88))
        yb = H - 138 if page == 1 else H - 62
        c.rect(40, yb, 515, 15, stroke=0, fill=1)
        c.setFillColor(colors.black)
        c.setFont("Helvetica-Bold", 8.5)
        c.drawString(44, yb + 4, "No.")
        c.drawString(QX, yb + 4, "Question")
        c.drawString(AX, yb + 4, "Your answer")

    def footer(c, page):
        c.setFont("Helvetica", 7)
        c.drawString(40, 30, f"{code}   Thornaby Moor MBC, Town Hall, Victoria Square, Thornaby Moor TM1 1AA")
        c.drawRightString(555, 30, f"Page {page}")

    buf = io.BytesIO()
    pg = Pager(buf, header, footer, top_first=H - 150, top_next=H - 74, bottom=60)
    c = pg.c
    num = 0
    for it in items:
        if it[0] == "h":
            pg.need(40)
            pg.y -= 6
            c.setFont("Helvetica-Bold", 10)
            c.setFillColor(GREEN)
            c.drawString(40, pg.y - 10, it[1])
            c.setFillColor(colors.black)
            pg.y -= 16
            continue
        num += 1
        q, a = it[1], it[2]
        ql = wrap(q, "Helvetica", 9, QW)
        if isinstance(a, list):
            al = [None]
        else:
            al = wrap(a, "Helvetica-Bold", 10, AW - 8)
        h = max(len(ql) * 11, len(al) * 12.5) + 10
        pg.need(h)
        y0 = pg.y - 12
        c.setFont("Helvetica-Bold", 9)
        c.drawString(42, y0, f"{num}.")
        c.setFont("Helvetica", 9)
        yy = y0
        for ln in ql:
            c.drawString(QX, yy, ln)
            yy -= 11
        if isinstance(a, list):
            xx = AX
            for lab, on in a:
                c.setFont("Helvetica", 9.5)
                c.drawString(xx, y0, lab + " [")
                xx += sw(lab + " [", "Helvetica", 9.5)
                c.setFont("Courier-Bold", 10)
                c.drawString(xx, y0, "X" if on else " ")
                xx += sw("X", "Courier-Bold", 10)
                c.setFont("Helvetica", 9.5)
                c.drawString(xx, y0, "]")
                xx += sw("]   ", "Helvetica", 9.5) + 6
        else:
            c.setStrokeColor(colors.Color(0.6, 0.6, 0.6))
            c.rect(AX - 3, pg.y - h + 3, AW, h - 6, stroke=1, fill=0)
            c.setStrokeColor(colors.black)
            c.setFont("Helvetica-Bold", 10)
            yy = y0
            for ln in al:
                c.drawString(AX + 2, yy, ln)
                yy -= 12.5
        c.setStrokeColor(colors.Color(0.8, 0.8, 0.8))
        c.line(40, pg.y - h, 555, pg.y - h)
        c.setStrokeColor(colors.black)
        pg.y -= h
    # office box
    pg.need(60)
    pg.y -= 14
    c.rect(40, pg.y - 42, 515, 42)
    c.setFont("Helvetica-Bold", 8)
    c.drawString(46, pg.y - 12, "Office use only")
    c.setFont("Helvetica", 8)
    c.drawString(46, pg.y - 30, "Received: ____________   Officer: ________   Evidence seen: Yes [  ] No [  ]   Scanned: ________")
    pg.y -= 42
    pg.finish()
    with open(path, "wb") as fh:
        fh.write(buf.getvalue())


# ----------------------------------------------------------------------------
# layout 3: letter-style declaration with inline filled blanks
# ----------------------------------------------------------------------------
def flow(pg, x, width, tokens, size=11, vsize=10.5, leading=19):
    """tokens: ('t', text) printed text; ('v', value, minwidth) typed answer on an underline.
    Words of one token that land on the same line are drawn as one string (with real spaces)."""
    c = pg.c
    TF, VF = "Times-Roman", "Courier-Bold"
    items = []
    gid = 0
    for tok in tokens:
        gid += 1
        if tok[0] == "t":
            txt = tok[1]
            glue = bool(txt) and txt[0] in ",.;:)"
            for i, w in enumerate(txt.split()):
                items.append(dict(text=w, font=TF, fs=size, group=gid, glue=glue and i == 0, padl=0, padr=0,
                                  minw=0, value=False, blank=False))
        else:
            val, minw = tok[1], tok[2]
            if not val:
                items.append(dict(text="", font=VF, fs=vsize, group=gid, glue=False, padl=0, padr=0, minw=minw,
                                  value=True, blank=True))
            else:
                ws = val.split()
                for i, w in enumerate(ws):
                    items.append(dict(text=w, font=VF, fs=vsize, group=gid, glue=False,
                                      padl=6 if i == 0 else 0, padr=6 if i == len(ws) - 1 else 0,
                                      minw=minw if len(ws) == 1 else 0, value=True, blank=False))
    state = dict(run=None)

    def flush():
        r = state["run"]
        if not r:
            return
        if r["text"]:
            c.setFont(r["font"], r["fs"])
            c.drawString(r["x0"], r["y"], r["text"])
        if r["value"]:
            c.setLineWidth(0.5)
            c.line(r["ul0"], r["y"] - 2, r["ul1"], r["y"] - 2)
        state["run"] = None

    pg.need(leading)
    y = pg.y - 12
    cx = x
    prev = None
    for it in items:
        wt = sw(it["text"], it["font"], it["fs"]) if it["text"] else 0
        wdt = max(wt + it["padl"] + it["padr"], it["minw"])
        same = prev is not None and prev["group"] == it["group"]
        if cx == x or it["glue"]:
            space = 0
        elif same:
            space = sw(" ", it["font"], it["fs"])
        else:
            space = sw(" ", TF, size)
        if cx + space + wdt > x + width and cx > x:
            flush()
            cx = x
            y -= leading
            space = 0
            if y < pg.bottom:
                pg.newpage()
                y = pg.y - 12
        cx += space
        r = state["run"]
        if r and r["group"] == it["group"] and r["y"] == y:
            r["text"] += " " + it["text"]
            r["ul1"] = cx + wdt
        else:
            flush()
            off = it["padl"]
            if it["minw"] and wt + it["padl"] + it["padr"] < it["minw"]:
                off = (it["minw"] - wt) / 2
            state["run"] = dict(group=it["group"], y=y, x0=cx + off, text=it["text"], font=it["font"],
                                fs=it["fs"], value=it["value"], ul0=cx, ul1=cx + wdt)
        cx += wdt
        prev = it
    flush()
    pg.y = y - leading + 6
    return pg.y


def render_decl(form, path):
    ft, d, t = form["form_type"], form["disp"], form["truth"]
    g = lambda k: d.get(k, "")
    code, title = {
        "council_tax_spd": ("TMB/CT/17", "Single Person Discount: Declaration"),
        "council_tax_move": ("TMB/CT/09", "Notice of Change of Address for Council Tax"),
        "parking_permit": ("TMB/PK/04", "Application and Declaration for a Residents' Parking Permit"),
    }[ft]

    def header(c, page):
        if page == 1:
            crest(c, W / 2 - 17, H - 86, 0.85)
            c.setFont("Times-Bold", 13)
            c.drawCentredString(W / 2, H - 102, COUNCIL)
            c.setFont("Times-Italic", 9.5)
            c.drawCentredString(W / 2, H - 115, "Town Hall  -  Victoria Square  -  Thornaby Moor  -  TM1 1AA")
            c.setFont("Helvetica", 8)
            c.drawRightString(555, H - 40, f"Form {code}")
            c.setFont("Times-Bold", 14)
            c.drawCentredString(W / 2, H - 142, title.upper())
            tw = sw(title.upper(), "Times-Bold", 14) / 2 + 10
            c.line(W / 2 - tw, H - 147, W / 2 + tw, H - 147)
        else:
            c.setFont("Times-Italic", 9)
            c.drawString(60, H - 40, f"{title} - form {code} - continued")

    def footer(c, page):
        c.setFont("Times-Italic", 8)
        c.drawCentredString(W / 2, 30, f"{COUNCIL}  -  {code}  -  page {page}")

    buf = io.BytesIO()
    pg = Pager(buf, header, footer, top_first=H - 165, top_next=H - 60, bottom=70)
    c = pg.c
    X, WD = 60, 475

    def para(text, font="Times-Roman", size=10, lead=13):
        for ln in wrap(text, font, size, WD):
            pg.need(lead)
            c.setFont(font, size)
            c.drawString(X, pg.y - 10, ln)
            pg.y -= lead
        pg.y -= 5

    def heading(text):
        pg.need(40)
        pg.y -= 4
        c.setFont("Times-Bold", 11.5)
        c.drawString(X, pg.y - 10, text)
        pg.y -= 20

    if ft == "council_tax_spd":
        para("Please read the notes before completing this declaration. A 25% discount is given when only one "
             "adult (aged 18 or over) lives in a property as their main home. The Council may check the "
             "information you give against the electoral register and other records.", "Times-Italic", 9.5, 12)
        heading("Part 1 - Account")
        flow(pg, X, WD, [("t", "Council Tax account reference:"), ("v", g("account_ref"), 130)])
        heading("Part 2 - Declaration")
        flow(pg, X, WD, [("t", "I,"), ("v", g("applicant_name"), 170), ("t", ", of"), ("v", g("address"), 170),
                         ("t", ","), ("v", form.get("town", TOWN), 80), ("t", ", postcode"), ("v", g("postcode"), 70),
                         ("t", ", declare that since"), ("v", g("sole_adult_since"), 110),
                         ("t", "I have been the only adult (aged 18 or over) living at the above address as my "
                               "main home, and I apply for the Single Person Discount from that date.")])
        flow(pg, X, WD, [("t", "The other adult who lived with me was"), ("v", g("other_adult_name"), 160),
                         ("t", "and their new address, if known, is"), ("v", g("other_adult_forwarding_address"), 200),
                         ("t", ".")])
        flow(pg, X, WD, [("t", "In my own words, what has changed:"), ("v", g("change_description"), 240)])
        flow(pg, X, WD, [("t", "You can contact me on"), ("v", g("phone"), 110), ("t", "or by email at"),
                         ("v", g("email"), 170), ("t", ".")])
    elif ft == "council_tax_move":
        mt = t["move_type"]
        para("Complete this notice when you move into, or out of, a property in the borough. Your bill will be "
             "adjusted from the date you give. If you are moving within the borough please also complete a "
             "separate notice for your new address.", "Times-Italic", 9.5, 12)
        heading("Notice")
        if mt == "out":
            flow(pg, X, WD, [("t", "I,"), ("v", g("applicant_name"), 170), ("t", ", give notice that on"),
                             ("v", g("move_date"), 110), ("t", "I am moving"), ("v", "out of", 60),
                             ("t", "the property at"), ("v", g("previous_address"), 170), ("t", ","),
                             ("v", form.get("prev_town", TOWN), 80), ("t", ","), ("v", g("previous_postcode"), 70),
                             ("t", "for which my Council Tax account reference is"), ("v", g("account_ref"), 110),
                             ("t", ".")])
            flow(pg, X, WD, [("t", "My forwarding address is"), ("v", g("new_address"), 170), ("t", ","),
                             ("v", form.get("new_town", ""), 80), ("t", ", postcode"), ("v", g("new_postcode"), 70),
                             ("t", ". Please send my final bill there.")])
        else:
            flow(pg, X, WD, [("t", "I,"), ("v", g("applicant_name"), 170), ("t", ", give notice that on"),
                             ("v", g("move_date"), 110), ("t", "I moved"), ("v", "into", 60),
                             ("t", "the property at"), ("v", g("new_address"), 170), ("t", ","),
                             ("v", form.get("new_town", TOWN), 80), ("t", ", postcode"), ("v", g("new_postcode"), 70),
                             ("t", ", and that I am liable for Council Tax there from that date.")])
            flow(pg, X, WD, [("t", "Before this I lived at"), ("v", g("previous_address"), 170), ("t", ","),
                             ("v", form.get("prev_town", "") if "previous_address" in t else "", 80),
                             ("t", ", postcode"), ("v", g("previous_postcode"), 70), ("t", ".")])
        flow(pg, X, WD, [("t", "Daytime telephone:"), ("v", g("phone"), 110), ("t", "  Email:"),
                         ("v", g("email"), 170)])
    else:
        para("Permits are issued to residents of streets in a residents' parking zone. One permit is issued per "
             "vehicle, up to two per household. A permit is valid for twelve months from its start date.",
             "Times-Italic", 9.5, 12)
        heading("Application")
        mk = g("vehicle_make")
        flow(pg, X, WD, [("t", "I,"), ("v", g("applicant_name"), 170), ("t", ", of"), ("v", g("address"), 170),
                         ("t", ","), ("v", TOWN, 80), ("t", ", postcode"), ("v", g("postcode"), 70),
                         ("t", ", apply for a residents' parking permit for zone"), ("v", g("zone"), 50),
                         ("t", "for my vehicle, registration number"), ("v", g("vrm"), 90),
                         ("t", ", make"), ("v", mk, 90), ("t", ", model"), ("v", form.get("model", ""), 70),
                         ("t", ". I would like the permit to start on"), ("v", g("start_date"), 110), ("t", ".")])
        flow(pg, X, WD, [("t", "I can be contacted on"), ("v", g("phone"), 110), ("t", "or at"),
                         ("v", g("email"), 170), ("t", ".")])
    heading("Declaration")
    para("I declare that the information I have given is true and complete to the best of my knowledge and "
         "belief. I understand that the Council may use it to check other records it holds, and that knowingly "
         "giving false information is an offence.", "Times-Roman", 10, 13)
    flow(pg, X, WD, [("t", "Signed"), ("v", g("signature"), 160), ("t", "     Dated"), ("v", g("declaration_date"), 110)])
    # office use
    pg.need(70)
    pg.y -= 12
    c.setLineWidth(0.8)
    c.rect(X, pg.y - 50, WD, 50)
    c.setFont("Times-Bold", 9)
    c.drawString(X + 6, pg.y - 13, "FOR OFFICE USE ONLY")
    c.setFont("Times-Roman", 9)
    c.drawString(X + 6, pg.y - 30, "Date received ..................   Property ref ..................   Officer ..........")
    c.drawString(X + 6, pg.y - 44, "Discount / account action ...................................................")
    pg.y -= 50
    pg.finish()
    with open(path, "wb") as fh:
        fh.write(buf.getvalue())


# ----------------------------------------------------------------------------
# layout 4: council portal PDF export
# ----------------------------------------------------------------------------
def portal_sections(form):
    ft, d, t = form["form_type"], form["disp"], form["truth"]
    g = lambda k: d.get(k, "")
    if d.get("split"):
        name_rows = [("Title", g("title")), ("First name(s)", g("forename")), ("Last name", g("surname"))]
    else:
        name_rows = [("Your full name", g("applicant_name"))]
    yes = lambda b: "Yes" if b else "No"
    if ft == "council_tax_spd":
        return [("About you", name_rows + [("Phone number", g("phone")), ("Email address", g("email"))]),
                ("Your Council Tax account", [("Council Tax account number", g("account_ref")),
                                              ("Property address line 1", g("address")),
                                              ("Town or city", form.get("town", TOWN)),
                                              ("Postcode", g("postcode"))]),
                ("Your circumstances", [
                    ("Are you the only adult (aged 18 or over) living at the property?", "Yes"),
                    ("Date you became the only adult living there", g("sole_adult_since")),
                    ("Has another adult moved out?", yes("other_adult_name" in t)),
                    ("Name of the adult who moved out", g("other_adult_name")),
                    ("Their new address", g("other_adult_forwarding_address")),
                    ("Tell us what changed", g("change_description"))]),
                ("Declaration", [("I declare that the information I have given is correct and complete", "Agreed"),
                                 ("Date of declaration", g("declaration_date"))])]
    if ft == "council_tax_move":
        mt = t["move_type"]
        rows = [("Are you moving in or out?", "Moving out of a property in Thornaby Moor" if mt == "out"
                 else "Moving in to a property in Thornaby Moor")]
        sec = [("Your move", rows), ("About you", name_rows + [("Phone number", g("phone")), ("Email address", g("email"))])]
        if mt == "out":
            sec += [("The property you are leaving", [("Council Tax account number", g("account_ref")),
                                                      ("Address line 1", g("previous_address")),
                                                      ("Postcode", g("previous_postcode")),
                                                      ("Date you are moving out", g("move_date"))]),
                    ("Forwarding address", [("Address line 1", g("new_address")),
                                            ("Town or city", form.get("new_town", "") if "new_address" in t else ""),
                                            ("Postcode", g("new_postcode"))])]
        else:
            sec += [("The property you are moving into", [("Address line 1", g("new_address")),
                                                          ("Postcode", g("new_postcode")),
                                                          ("Date you moved in (keys received)", g("move_date")),
                                                          ("Do you rent or own the property?", rng.choice(["Rent - private landlord", "Rent - housing association", "Own"]))]),
                    ("Your previous address", [("Address line 1", g("previous_address")),
                                               ("Town or city", form.get("prev_town", "") if "previous_address" in t else ""),
                                               ("Postcode", g("previous_postcode"))])]
        sec += [("Declaration", [("I confirm the information I have given is true", "Agreed"),
                                 ("Date", g("declaration_date"))])]
        return sec
    return [("Applicant", name_rows + [("Address line 1", g("address")), ("Town", TOWN), ("Postcode", g("postcode")),
                                       ("Phone number", g("phone")), ("Email address", g("email"))]),
            ("Permit", [("Permit type", "Resident permit (12 months)"), ("Zone code (shown on street signs)", g("zone")),
                        ("Requested start date", g("start_date"))]),
            ("Vehicle", [("Vehicle registration number (VRM)", g("vrm")), ("Vehicle make", g("vehicle_make")),
                         ("Vehicle model", form.get("model", "")),
                         ("Is the vehicle registered to you at this address?", "Yes")]),
            ("Declaration", [("I have read and accept the permit terms and conditions", "Agreed"),
                             ("Date", g("declaration_date"))])]


def render_portal(form, path):
    ft = form["form_type"]
    svc = {"council_tax_spd": ("Council Tax", "Apply for a single person discount", "SPD"),
           "council_tax_move": ("Council Tax", "Tell us you are moving home", "MOV"),
           "parking_permit": ("Parking", "Apply for a residents' parking permit", "RPP")}[ft]
    sections = portal_sections(form)
    subref = form["portal_ref"]
    subat = form["portal_time"]
    extra = form.get("portal_extra", False)

    def render(total):
        def header(c, page):
            c.setFillColor(GREEN)
            c.rect(0, H - 46, W, 46, stroke=0, fill=1)
            crest(c, 36, H - 42, 0.7, fill=colors.Color(0.05, 0.2, 0.18))
            c.setFillColor(colors.white)
            c.setFont("Helvetica-Bold", 14)
            c.drawString(72, H - 24, "Thornaby Moor Council")
            c.setFont("Helvetica", 9)
            c.drawString(72, H - 37, "MyThornaby - online services")
            c.drawRightString(555, H - 28, "my.thornabymoor.gov.uk")
            c.setFillColor(colors.Color(0.4, 0.4, 0.4))
            c.setFont("Helvetica", 8)
            c.drawString(40, H - 62, f"Home  >  {svc[0]}  >  {svc[1]}  >  Summary")
            c.setFillColor(colors.black)

        def footer(c, page):
            c.setFillColor(colors.Color(0.45, 0.45, 0.45))
            c.setFont("Helvetica", 7)
            c.drawString(40, 28, f"https://my.thornabymoor.gov.uk/forms/{svc[2].lower()}/summary?ref={subref}")
            c.drawRightString(555, 28, f"Page {page} of {total}" if total else f"Page {page}")
            c.setFillColor(colors.black)

        buf = io.BytesIO()
        pg = Pager(buf, header, footer, top_first=H - 80, top_next=H - 80, bottom=55)
        c = pg.c
        c.setFont("Helvetica-Bold", 17)
        c.drawString(40, pg.y - 18, svc[1])
        c.setFont("Helvetica", 9.5)
        c.setFillColor(colors.Color(0.3, 0.3, 0.3))
        c.drawString(40, pg.y - 34, "Thank you. We have received your form. This is a copy of your answers.")
        c.setFillColor(colors.black)
        # reference panel
        py = pg.y - 46
        c.setFillColor(colors.Color(0.93, 0.96, 0.95))
        c.setStrokeColor(GREEN)
        c.rect(40, py - 50, 515, 50, stroke=1, fill=1)
        c.setFillColor(GREEN)
        c.rect(40, py - 50, 5, 50, stroke=0, fill=1)
        c.setFillColor(colors.black)
        c.setFont("Helvetica", 8.5)
        c.drawString(54, py - 16, "Your reference")
        c.drawString(230, py - 16, "Submitted")
        c.drawString(400, py - 16, "Status")
        c.setFont("Helvetica-Bold", 12)
        c.drawString(54, py - 34, subref)
        c.setFont("Helvetica-Bold", 10)
        c.drawString(230, py - 34, subat)
        c.drawString(400, py - 34, "Received")
        c.setStrokeColor(colors.black)
        pg.y = py - 64
        LX, LW, VX, VW = 40, 200, 255, 300
        for title, rows in sections:
            pg.need(50)
            c.setFont("Helvetica-Bold", 12)
            c.setFillColor(GREEN)
            c.drawString(LX, pg.y - 14, title)
            c.setFillColor(colors.black)
            pg.y -= 22
            c.setStrokeColor(colors.Color(0.75, 0.75, 0.75))
            c.setLineWidth(0.4)
            c.line(LX, pg.y, 555, pg.y)
            for lab, val in rows:
                if not val and form.get("portal_omit"):
                    continue
                ll = wrap(lab, "Helvetica", 9, LW)
                vl = wrap(val, "Helvetica-Bold", 10, VW)
                h = max(len(ll) * 11, len(vl) * 12.5) + 9
                pg.need(h)
                c.setFont("Helvetica", 9)
                c.setFillColor(colors.Color(0.42, 0.42, 0.42))
                yy = pg.y - 12
                for ln in ll:
                    c.drawString(LX, yy, ln)
                    yy -= 11
                c.setFillColor(colors.black)
                c.setFont("Helvetica-Bold", 10)
                yy = pg.y - 12
                for ln in vl:
                    c.drawString(VX, yy, ln)
                    yy -= 12.5
                pg.y -= h
                c.setStrokeColor(colors.Color(0.75, 0.75, 0.75))
                c.line(LX, pg.y, 555, pg.y)
            pg.y -= 14
            c.setStrokeColor(colors.black)
            c.setLineWidth(1)
        blocks = [("What happens next",
                   "We aim to deal with your request within 10 working days. We may contact you if we need more "
                   "information or evidence. Please do not send the same request again.")]
        if extra:
            blocks.append(("How we use your information",
                           "Thornaby Moor Council is the data controller for the information on this form. We use it "
                           "to deal with your request and to keep our records accurate, and we may share it with other "
                           "council services and public bodies to prevent and detect fraud, as the law allows. You can "
                           "read the full privacy notice at www.thornabymoor.gov.uk/privacy. We keep this information "
                           "for six years after your account closes. You have the right to ask for a copy of the "
                           "information we hold about you, and to ask us to correct it."))
        for bt, bx in blocks:
            lines = wrap(bx, "Helvetica", 9, 515)
            pg.need(20 + len(lines) * 11)
            c.setFont("Helvetica-Bold", 11)
            c.drawString(40, pg.y - 12, bt)
            pg.y -= 20
            c.setFont("Helvetica", 9)
            for ln in lines:
                c.drawString(40, pg.y - 10, ln)
                pg.y -= 11
            pg.y -= 10
        pg.finish()
        return buf.getvalue()

    first = render(None)
    n = len(re.findall(rb"/Type /Page\b(?!s)", first))
    data = render(max(1, n))
    with open(path, "wb") as fh:
        fh.write(data)


# ----------------------------------------------------------------------------
# correspondence: resident letters and printed emails
# ----------------------------------------------------------------------------
def render_letter(form, path):
    t = form["truth"]
    A = form["person"]
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    line1, line2, town, pc = form["addr"]
    addr_lines = [line1] + ([line2] if line2 else []) + [town, pc]
    letter_date = ASOF - days(rng.randint(2, 6))
    ds = fmt_date(letter_date, rng.choice(["long", "ordinal", "slash"]))
    style = form["letter_style"]
    c.setFont("Times-Roman", 11.5)
    y = H - 70
    if style == "right":
        for ln in addr_lines:
            c.drawRightString(540, y, ln)
            y -= 14
        y -= 8
        c.drawRightString(540, y, ds)
        y -= 30
        for ln in ["Council Tax Section" if t["topic"] == "council_tax_query" else "Customer Services",
                   COUNCIL_SHORT] + COUNCIL_ADDR:
            c.drawString(60, y, ln)
            y -= 14
    else:
        c.setFont("Times-Bold", 12)
        c.drawString(60, y, A.full)
        y -= 14
        c.setFont("Times-Roman", 11.5)
        for ln in addr_lines:
            c.drawString(60, y, ln)
            y -= 14
        if rng.random() < 0.6:
            c.drawString(60, y, f"Tel: {phone()}")
            y -= 14
        y -= 16
        for ln in ["To: " + COUNCIL_SHORT, "Town Hall, Victoria Square", "Thornaby Moor TM1 1AA"]:
            c.drawString(60, y, ln)
            y -= 14
        y -= 10
        c.drawString(60, y, ds)
    y -= 26
    c.drawString(60, y, rng.choice(["Dear Sir or Madam,", "Dear Sir/Madam,", "To whom it may concern,"]))
    y -= 22
    if form.get("subject"):
        c.setFont("Times-Bold", 11.5)
        c.drawString(60, y, "Re: " + form["subject"])
        y -= 22
    c.setFont("Times-Roman", 11.5)
    for para in form["paras"]:
        for ln in wrap(para, "Times-Roman", 11.5, 475):
            c.drawString(60, y, ln)
            y -= 15
        y -= 9
    y -= 4
    c.drawString(60, y, rng.choice(["Yours faithfully,", "Yours sincerely,"]))
    y -= 40
    c.setFont("Times-Italic", 13)
    c.drawString(60, y + 14, A.full.split()[0][0] + ". " + A.surname)
    c.setFont("Times-Roman", 11.5)
    c.drawString(60, y - 4, A.full)
    c.showPage()
    c.save()
    with open(path, "wb") as fh:
        fh.write(buf.getvalue())


def render_email(form, path):
    t = form["truth"]
    A = form["person"]
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    sent = ASOF - days(rng.randint(1, 5))
    hh, mm = rng.randint(7, 22), rng.randint(0, 59)
    sent_s = f"{WEEKDAYS[sent.weekday()]}, {sent.day} {MONTHS[sent.month - 1]} {sent.year} {hh:02d}:{mm:02d}"
    if form["kind"] == "anon_complaint":
        frm = "fedup.tm4resident@gmail.com"
    else:
        frm = f"{A.full} <{email_for(A)}>"
    to = rng.choice(["contactus@thornabymoor.gov.uk", "customer.services@thornabymoor.gov.uk"])
    if t["topic"] == "foi_request":
        to = "foi@thornabymoor.gov.uk"
    c.setFont("Helvetica", 8)
    c.setFillColor(colors.Color(0.4, 0.4, 0.4))
    c.drawString(40, H - 30, f"{sent.day:02d}/{sent.month:02d}/{sent.year}, {hh:02d}:{mm:02d}")
    c.drawRightString(555, H - 30, "Thornaby Moor Council Mail - " + form["subject"][:50])
    c.setFillColor(colors.black)
    c.setFont("Helvetica-Bold", 15)
    c.drawString(40, H - 64, form["subject"])
    c.setLineWidth(0.5)
    c.line(40, H - 74, 555, H - 74)
    y = H - 92
    for k, v in [("From:", frm), ("Sent:", sent_s), ("To:", to), ("Subject:", form["subject"])]:
        c.setFont("Helvetica-Bold", 9.5)
        c.drawString(40, y, k)
        c.setFont("Helvetica", 9.5)
        c.drawString(95, y, v)
        y -= 14
    c.line(40, y + 2, 555, y + 2)
    y -= 20
    c.setFont("Helvetica", 10.5)
    greet = rng.choice(["Hello,", "Hi,", "Dear Sir/Madam,", "Good afternoon,"])
    if form["kind"] in ("anon_complaint",):
        greet = "To the council,"
    c.drawString(40, y, greet)
    y -= 20
    for para in form["paras"]:
        for ln in wrap(para, "Helvetica", 10.5, 510):
            c.drawString(40, y, ln)
            y -= 14
        y -= 8
    y -= 4
    if form["kind"] == "anon_complaint":
        c.drawString(40, y, "A fed up resident")
    else:
        c.drawString(40, y, rng.choice(["Kind regards,", "Thanks,", "Regards,", "Many thanks,"]))
        y -= 16
        c.drawString(40, y, A.full)
        y -= 14
        if form.get("journalist"):
            for ln in ["Reporter, Calder Valley Courier", "Tel: " + phone()]:
                c.drawString(40, y, ln)
                y -= 14
        elif form.get("addr"):
            l1, l2, town, pc = form["addr"]
            sig = f"{l1}, {town} {pc}" if rng.random() < 0.5 else None
            if sig:
                c.drawString(40, y, sig)
                y -= 14
            else:
                for ln in [l1] + ([l2] if l2 else []) + [town, pc]:
                    c.drawString(40, y, ln)
                    y -= 14
    c.setFont("Helvetica-Oblique", 7)
    c.setFillColor(colors.Color(0.5, 0.5, 0.5))
    c.drawString(40, 40, "This email was received by Thornaby Moor Council. Printed for scanning to the correspondence queue.")
    c.showPage()
    c.save()
    with open(path, "wb") as fh:
        fh.write(buf.getvalue())


RENDER = {"grid": render_grid, "yesno_list": render_qlist, "declaration_letter": render_decl,
          "portal_export": render_portal, "resident_letter": render_letter, "printed_email": render_email}


# ----------------------------------------------------------------------------
# the plan
# ----------------------------------------------------------------------------
INTENDED = {
    ("council_tax_spd", "clean"): [], ("council_tax_spd", "DUP"): [],
    ("council_tax_spd", "ANF"): ["ACCOUNT_NOT_FOUND"], ("council_tax_spd", "CLOSED"): ["ACCOUNT_CLOSED"],
    ("council_tax_spd", "NAME"): ["NAME_MISMATCH"], ("council_tax_spd", "ADDR"): ["ADDRESS_MISMATCH"],
    ("council_tax_spd", "DAA"): ["DISCOUNT_ALREADY_APPLIED"],
    ("council_tax_spd", "OTHERS"): ["OTHER_ADULTS_REGISTERED"],
    ("council_tax_spd", "OLD"): ["DATE_TOO_OLD"], ("council_tax_spd", "FUTURE"): ["DATE_IN_FUTURE"],
    ("council_tax_spd", "INCONS"): ["INCONSISTENT_DATES"],
    ("council_tax_spd", "MISSING_DECL"): ["MISSING_FIELD:declaration_date"],
    ("council_tax_move", "clean"): [], ("council_tax_move", "NAME"): ["NAME_MISMATCH"],
    ("council_tax_move", "FUTURE"): ["DATE_IN_FUTURE"], ("council_tax_move", "ANF"): ["ACCOUNT_NOT_FOUND"],
    ("council_tax_move", "BADDECL"): ["INVALID_FORMAT:declaration_date"],
    ("council_tax_move", "PNF"): ["PROPERTY_NOT_FOUND"], ("council_tax_move", "ADDR"): ["ADDRESS_MISMATCH"],
    ("council_tax_move", "OLD"): ["DATE_TOO_OLD"],
    ("parking_permit", "clean"): [], ("parking_permit", "NOZONE"): ["NOT_IN_PERMIT_ZONE"],
    ("parking_permit", "CAP"): ["PERMIT_CAP_REACHED"], ("parking_permit", "NOTRES"): ["NOT_RESIDENT"],
    ("parking_permit", "FUTURE"): ["DATE_IN_FUTURE"], ("parking_permit", "BADVRM"): ["INVALID_FORMAT:vrm"],
    ("parking_permit", "PNF"): ["PROPERTY_NOT_FOUND"], ("parking_permit", "HASPERMIT"): ["VRM_HAS_PERMIT"],
}
CORR_INTENDED = {"ct_query_ANF": ["ACCOUNT_NOT_FOUND"], "anon_complaint": ["SENDER_UNKNOWN"],
                 "foi_noaddr": ["SENDER_UNKNOWN"]}

PLAN = [
    # single person discount
    ("spd", "grid", "clean"), ("spd", "grid", "clean"), ("spd", "grid", "clean"),
    ("spd", "grid", "ANF"), ("spd", "grid", "DAA"), ("spd", "grid", "MISSING_DECL"),
    ("spd", "yesno_list", "clean"), ("spd", "yesno_list", "clean"), ("spd", "yesno_list", "clean"),
    ("spd", "yesno_list", "CLOSED"), ("spd", "yesno_list", "OTHERS"),
    ("spd", "declaration_letter", "clean"), ("spd", "declaration_letter", "clean"),
    ("spd", "declaration_letter", "NAME"), ("spd", "declaration_letter", "OLD"),
    ("spd", "declaration_letter", "FUTURE"),
    ("spd", "portal_export", "clean"), ("spd", "portal_export", "clean"), ("spd", "portal_export", "clean"),
    ("spd", "portal_export", "ADDR"), ("spd", "portal_export", "INCONS"), ("spd", "portal_export", "DUP"),
    # moving home
    ("move", "grid", "clean", "out"), ("move", "grid", "clean", "in"), ("move", "grid", "NAME", "out"),
    ("move", "grid", "FUTURE", "out"),
    ("move", "yesno_list", "clean", "in"), ("move", "yesno_list", "clean", "out"),
    ("move", "yesno_list", "ANF", "out"), ("move", "yesno_list", "BADDECL", "in"),
    ("move", "declaration_letter", "clean", "out"), ("move", "declaration_letter", "clean", "in"),
    ("move", "declaration_letter", "clean", "in"), ("move", "declaration_letter", "PNF", "in"),
    ("move", "portal_export", "clean", "out"), ("move", "portal_export", "clean", "out"),
    ("move", "portal_export", "clean", "in"), ("move", "portal_export", "ADDR", "out"),
    ("move", "portal_export", "OLD", "in"),
    # parking
    ("park", "grid", "clean"), ("park", "grid", "clean"), ("park", "grid", "NOZONE"), ("park", "grid", "CAP"),
    ("park", "yesno_list", "clean"), ("park", "yesno_list", "clean"), ("park", "yesno_list", "clean"),
    ("park", "yesno_list", "NOTRES"), ("park", "yesno_list", "FUTURE"),
    ("park", "declaration_letter", "clean"), ("park", "declaration_letter", "clean"),
    ("park", "declaration_letter", "clean"), ("park", "declaration_letter", "BADVRM"),
    ("park", "portal_export", "clean"), ("park", "portal_export", "clean"), ("park", "portal_export", "PNF"),
    ("park", "portal_export", "HASPERMIT"),
    # correspondence
    ("corr", "resident_letter", "missed_bin"), ("corr", "resident_letter", "ct_query"),
    ("corr", "resident_letter", "complaint"), ("corr", "resident_letter", "other"),
    ("corr", "resident_letter", "ct_query_ANF"),
    ("corr", "printed_email", "missed_bin"), ("corr", "printed_email", "foi"),
    ("corr", "printed_email", "complaint"), ("corr", "printed_email", "anon_complaint"),
    ("corr", "printed_email", "foi_noaddr"),
]

PORTAL_SVC = {"council_tax_spd": "SPD", "council_tax_move": "MOV", "parking_permit": "RPP"}


def portal_meta(form, when=None, rnd=None):
    d = parse_iso(form["truth"].get("declaration_date", "")) or (ASOF - days(2))
    when = when or d
    form["portal_ref"] = f"MYT-{PORTAL_SVC[form['form_type']]}-{rng.randint(200000, 899999)}"
    form["portal_time"] = f"{when.day:02d}/{when.month:02d}/{when.year} {rng.randint(7, 22):02d}:{rng.randint(0, 59):02d}"
    form["portal_extra"] = rng.random() < 0.5
    form["portal_omit"] = rng.random() < 0.4


def write_records(path):
    wb = openpyxl.Workbook()
    wb.properties.creator = "Thornaby Moor MBC - Revenues extract"
    wb.properties.created = dt.datetime(2026, 12, 7, 6, 0, 0)
    wb.properties.modified = dt.datetime(2026, 12, 7, 6, 0, 0)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDDDDD")

    def sheet(name, headers, rows, datecols=()):
        ws = wb.create_sheet(name)
        ws.append(headers)
        for cell in ws[1]:
            cell.font = bold
            cell.fill = fill
        for r in rows:
            ws.append(r)
        for col in datecols:
            for row in ws.iter_rows(min_row=2, min_col=col, max_col=col):
                for cell in row:
                    if cell.value is not None:
                        cell.number_format = "yyyy-mm-dd"
        for i, h in enumerate(headers):
            ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width = max(12, len(h) + 4)
        return ws
    wb.remove(wb.active)
    sheet("properties", ["uprn", "address_line_1", "address_line_2", "town", "postcode", "council_tax_band",
                         "ward", "parking_zone"],
          [[u, PROPS[u]["line1"], PROPS[u]["line2"] or None, PROPS[u]["town"], PROPS[u]["postcode"],
            PROPS[u]["band"], PROPS[u]["ward"], PROPS[u]["zone"] or None] for u in PROP_ORDER])
    accs = sorted(ACCOUNTS.values(), key=lambda a: (a["uprn"], a["start"]))
    ws = sheet("council_tax_accounts", ["account_ref", "uprn", "liable_parties", "status", "start_date", "end_date",
                                        "discounts"],
               [[a["ref"], a["uprn"], "; ".join(a["liable"]), a["status"], a["start"], a["end"],
                 ";".join(a["discounts"]) or None] for a in accs], datecols=(5, 6))
    for row in ws.iter_rows(min_row=2, min_col=1, max_col=1):
        for cell in row:
            cell.number_format = "@"
    sheet("electoral_register", ["elector_number", "full_name", "uprn"],
          [[e["num"], e["name"], e["uprn"]] for e in sorted(ELECTORS, key=lambda e: e["num"])])
    sheet("parking_permits", ["permit_ref", "uprn", "vrm", "zone", "valid_from", "valid_to"],
          [[p["ref"], p["uprn"], p["vrm"], p["zone"], p["frm"], p["to"]] for p in PERMITS], datecols=(5, 6))
    wb.save(path)


def main():
    build_gazetteer()
    base_households()
    forms = []
    letter_toggle = 0
    for item in PLAN:
        kind_ft, layout, kind = item[0], item[1], item[2]
        if kind_ft == "spd":
            f = scen_spd(layout, "clean" if kind == "DUP" else kind)
            f["kind"] = kind
        elif kind_ft == "move":
            f = scen_move(layout, kind, item[3])
        elif kind_ft == "park":
            f = scen_park(layout, kind)
        else:
            f = scen_corr(layout, kind)
            if layout == "resident_letter":
                f["letter_style"] = ["right", "left"][letter_toggle % 2]
                letter_toggle += 1
        finish(f)
        if layout == "portal_export":
            portal_meta(f)
        forms.append(f)
        if kind == "DUP":
            g = dict(f)
            g["truth"] = dict(f["truth"])
            d = parse_iso(f["truth"]["declaration_date"])
            portal_meta(g, when=min(ASOF - days(1), d + days(rng.randint(2, 4))))
            g["portal_extra"], g["portal_omit"] = f["portal_extra"], f["portal_omit"]
            f["dup"] = g["dup"] = "dup-1"
            forms.append(g)

    # expected outcomes from the records as written
    for f in forms:
        got = check(f)
        want = CORR_INTENDED.get(f["kind"], []) if f["form_type"] == "correspondence" \
            else INTENDED[(f["form_type"], f["kind"])]
        assert got == want, (f["form_type"], f["layout"], f["kind"], got, f["truth"])
        f["reasons"] = got
        if f.get("dup"):
            f["outcome"] = "duplicate_pair"
        else:
            f["outcome"] = "approved" if not got else "exception"

    order = list(range(len(forms)))
    rng.shuffle(order)
    inbox = os.path.join(HERE, "inbox")
    if os.path.isdir(inbox):
        shutil.rmtree(inbox)
    os.makedirs(inbox)
    for n, i in enumerate(order, 1):
        forms[i]["file"] = f"doc_{n:04d}.pdf"
    forms_sorted = sorted(forms, key=lambda f: f["file"])
    learned = {}
    for f in forms_sorted:
        key = (f["layout"], f["form_type"])
        if f["outcome"] == "approved" and learned.get(key, 0) < 2:
            f["split"] = "learn"
            learned[key] = learned.get(key, 0) + 1
        else:
            f["split"] = "test"
        RENDER[f["layout"]](f, os.path.join(inbox, f["file"]))

    with open(os.path.join(HERE, "truth.jsonl"), "w") as fh:
        for f in forms_sorted:
            rec = {"file": f["file"], "form_type": f["form_type"], "fields": f["truth"],
                   "outcome": f["outcome"], "reasons": f["reasons"], "layout": f["layout"], "split": f["split"]}
            if f.get("dup"):
                rec["duplicate_group"] = f["dup"]
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    write_records(os.path.join(HERE, "records.xlsx"))

    # summary
    from collections import Counter
    print("files:", len(forms_sorted))
    print("outcomes:", Counter(f["outcome"] for f in forms_sorted))
    print("by type:", Counter(f["form_type"] for f in forms_sorted))
    print("by layout:", Counter(f["layout"] for f in forms_sorted))
    print("splits:", Counter(f["split"] for f in forms_sorted))
    print("reasons:", Counter(r for f in forms_sorted for r in f["reasons"]))
    print("records: properties", len(PROPS), "accounts", len(ACCOUNTS), "electors", len(ELECTORS),
          "permits", len(PERMITS))


if __name__ == "__main__":
    main()
