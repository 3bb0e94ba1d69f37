#!/usr/bin/env python3
"""Blind test set generator: Royal Borough of Ashwick on Tyne (set46).

Deterministic (seed 46046). Writes next to itself:
  records.xlsx, inbox/doc_NNNN.pdf, truth.jsonl
Run with any Python that has reportlab + openpyxl.
"""
import datetime as dt
import json
import math
import os
import random
import re
import shutil

from openpyxl import Workbook
from reportlab.lib.colors import Color, black, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas

SEED = 46046
HERE = os.path.dirname(os.path.abspath(__file__))
INBOX = os.path.join(HERE, "inbox")
AS_OF = dt.date(2026, 12, 7)
BACKDATE = 365
FORWARD = 28
PERMIT_CAP = 2

R = random.Random(SEED)
D = dt.date
TOWN = "Ashwick on Tyne"
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]

# ----------------------------------------------------------------------------
# normal forms
# ----------------------------------------------------------------------------

def norm_pc(s):
    s = re.sub(r"\s+", "", s).upper()
    return s[:-3] + " " + s[-3:]


def norm_vrm(s):
    return re.sub(r"\s+", "", s).upper()


def collapse(s):
    return re.sub(r"\s+", " ", s).strip()


VRM_RE = [re.compile(r"^[A-Z]{2}[0-9]{2}[A-Z]{3}$"),        # current
          re.compile(r"^[A-Z][0-9]{1,3}[A-Z]{3}$"),          # prefix
          re.compile(r"^[A-Z]{3}[0-9]{1,3}[A-Z]$")]          # suffix


def vrm_valid(v):
    return any(r.match(v) for r in VRM_RE)


def ordinal(n):
    if 11 <= n % 100 <= 13:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def fmt_date(d, style):
    if style == "slash0":
        return d.strftime("%d/%m/%Y")
    if style == "slash":
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
    raise ValueError(style)


def fmt_acct(ref, style):
    if style == "plain":
        return ref
    if style == "space":
        return ref[:4] + " " + ref[4:]
    if style == "dash":
        return ref[:4] + "-" + ref[4:]
    if style == "ct":
        return "CT" + ref
    if style == "ctspace":
        return "CT " + ref[:4] + " " + ref[4:]
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
    if style == "plain":
        return v
    if style == "spaced":
        if VRM_RE[0].match(v):
            return v[:4] + " " + v[4:]
        m = re.match(r"^([A-Z]+[0-9]+)([A-Z]+)$", v)
        return (m.group(1) + " " + m.group(2)) if m else v
    if style == "lower":
        return fmt_vrm(v, "spaced").lower()
    raise ValueError(style)


# ----------------------------------------------------------------------------
# people
# ----------------------------------------------------------------------------
FIRST_F = ["Joanne", "Lisa", "Claire", "Karen", "Gemma", "Leanne", "Nicola", "Sarah",
           "Michelle", "Kelly", "Hayley", "Dawn", "Julie", "Tracey", "Amy", "Rachel",
           "Emma", "Laura", "Sophie", "Chloe", "Megan", "Maureen", "Brenda", "Irene",
           "Sheila", "Pauline", "Aisling", "Priya", "Zofia", "Amira", "Shannon",
           "Beth", "Lucy", "Carol", "Denise", "Hannah", "Jade", "Kirsty", "Natalie"]
FIRST_M = ["Gary", "Paul", "Craig", "Steven", "Mark", "Lee", "Darren", "Michael",
           "David", "John", "Alan", "Kevin", "Neil", "Peter", "Stuart", "Ryan", "Liam",
           "Jordan", "Callum", "Daniel", "Ian", "Keith", "Brian", "Ronnie", "Tomasz",
           "Chidi", "Arjun", "Omar", "Graham", "Jamie", "Connor", "Shaun", "Wayne",
           "Dean", "Adam", "Ross", "Terry", "Malcolm"]
SURNAMES = ["Robson", "Charlton", "Armstrong", "Milburn", "Dodds", "Elliott", "Hall",
            "Bell", "Pattinson", "Thompson", "Hedley", "Reay", "Ridley", "Tait",
            "Wardle", "Fenwick", "Liddell", "Nixon", "Heslop", "Scott", "Wilson",
            "Young", "Anderson", "Turnbull", "Forster", "Lowes", "Errington", "Carr",
            "Purvis", "Bainbridge", "Stobbart", "Kirkup", "Coulson", "Dixon", "Nesbitt",
            "Straughan", "Gibson", "Marshall", "Laidler", "Charlton", "Hindmarsh",
            "Swinburne", "Blenkinsop", "Nowak", "Okafor", "Sharma", "Byrne", "Chen",
            "Hussain", "Kowalski", "Proudlock", "Shotton", "Bewick", "Appleby", "Oliver",
            "Rutherford", "Common", "Potts", "Craggs", "Lambton", "Ramshaw", "Dunn"]
USED_NAMES = set()


def person(sex=None, surname=None):
    for _ in range(500):
        s = sex or R.choice("FM")
        first = R.choice(FIRST_F if s == "F" else FIRST_M)
        sur = surname or R.choice(SURNAMES)
        n = f"{first} {sur}"
        if n not in USED_NAMES:
            USED_NAMES.add(n)
            return n
    raise RuntimeError("names exhausted")


def title_for(name):
    first = name.split()[0]
    if first in FIRST_F:
        return R.choice(["Mrs", "Ms", "Miss"])
    return "Mr"


# ----------------------------------------------------------------------------
# gazetteer
# ----------------------------------------------------------------------------
# (street, district, locality, ward, zone, kind, numbers)
STREETS = [
    ("Coquet Street", "AT2", "Heaton Bank", "Heaton Bank", "R2", "tyneflat", 20),
    ("Rothbury Terrace", "AT2", "Heaton Bank", "Heaton Bank", "R2", "tyneflat", 14),
    ("Simonside Terrace", "AT3", "Sandyford", "Sandyford", "R3", "tyneflat", 12),
    ("Warkworth Street", "AT6", "Westmoor", "Westmoor", "", "tyneflat", 10),
    ("Pit Row", "AT5", "Eastburn Colliery", "Eastburn", "", "terrace", 16),
    ("Seaham Street", "AT5", "Eastburn Colliery", "Eastburn", "", "terrace", 12),
    ("Davison Street", "AT7", "Hetton Bank", "Hetton Bank", "R7", "terrace", 12),
    ("Hartley Street", "AT4", "Byker Hill", "Byker Hill", "R4", "terrace", 14),
    ("Mariners Wharf", "AT1", "Quayside", "Quayside", "Quayside", "apartment", 18),
    ("Keelmen's Quay", "AT1", "Quayside", "Quayside", "Quayside", "apartment", 12),
    ("Ropery Walk", "AT1", "St Lawrence", "Quayside", "R1", "terrace", 8),
    ("Sandyford Grove", "AT3", "Sandyford", "Sandyford", "R3", "student", 10),
    ("Osborne Villas", "AT3", "Sandyford", "Sandyford", "R5", "student", 8),
    ("Whitley Road", "AT8", "Longbenton", "Longbenton", "R8", "semi", 10),
    ("Front Street", "AT6", "Westmoor", "Westmoor", "R6", "terrace", 8),
    ("Benton Lane", "AT4", "Byker Hill", "Byker Hill", "R4", "semi", 6),
    ("Laburnum Gardens", "AT9", "Fellside", "Fellside", "R9", "semi", 8),
    ("Beechwood Avenue", "AT9", "Fellside", "Fellside", "", "semi", 6),
    ("Chollerton Drive", "AT8", "Longbenton", "Longbenton", "", "semi", 6),
]
LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
PROPS = {}
UPRN_NEXT = [10090045000]


def mk_pc(district):
    return f"{district} {R.randint(1, 9)}{R.choice(LETTERS)}{R.choice(LETTERS)}"


def build_gazetteer():
    used_pc = set()
    for street, dist, loc, ward, zone, kind, n in STREETS:
        pcs = []
        for _ in range(2):
            while True:
                pc = mk_pc(dist)
                if pc not in used_pc:
                    used_pc.add(pc)
                    pcs.append(pc)
                    break
        if kind == "tyneflat":
            nums = sorted(R.sample(range(3, 60), n // 2))
            for i, num in enumerate(nums):
                pc = pcs[0] if i < len(nums) / 2 else pcs[1]
                for fl in ("Ground Floor Flat", "First Floor Flat"):
                    add_prop(f"{fl}, {num} {street}", loc, pc, R.choice("AAB"), ward, zone, kind,
                             street=street, num=num)
        elif kind == "apartment":
            for i in range(1, n + 1):
                pc = pcs[0] if i <= n / 2 else pcs[1]
                add_prop(f"Apartment {i}, {street}", "Quayside", pc, R.choice("CCDE"), ward, zone,
                         kind, street=street, num=i)
        else:
            nums = sorted(R.sample(range(1, 80), n))
            for i, num in enumerate(nums):
                pc = pcs[0] if i < n / 2 else pcs[1]
                band = {"terrace": "AAB", "student": "BBC", "semi": "CCD"}[kind]
                add_prop(f"{num} {street}", loc, pc, R.choice(band), ward, zone, kind,
                         street=street, num=num)


def add_prop(line1, line2, pc, band, ward, zone, kind, street, num):
    u = UPRN_NEXT[0]
    UPRN_NEXT[0] += R.randint(3, 41)
    PROPS[u] = dict(uprn=u, address_line_1=line1, address_line_2=line2, town=TOWN,
                    postcode=pc, council_tax_band=band, ward=ward, parking_zone=zone,
                    kind=kind, street=street, num=num)


# ----------------------------------------------------------------------------
# records
# ----------------------------------------------------------------------------
ACCOUNTS = []   # dicts
ELECTORS = []
PERMITS = []
ACCT_REFS = set()
VRMS = set()
ELECTOR_SEQ = {}
PERMIT_SEQ = [4100]


def new_ref():
    while True:
        r = "6" + str(R.randint(1000000, 9999999))
        if r not in ACCT_REFS:
            ACCT_REFS.add(r)
            return r


def add_account(uprn, liable, status="active", start=None, end=None, discounts=""):
    ref = new_ref()
    if start is None:
        start = D(2008, 1, 1) + dt.timedelta(days=R.randint(0, 6200))
        if start > D(2026, 6, 1):
            start = D(2026, 6, 1) - dt.timedelta(days=R.randint(0, 400))
    ACCOUNTS.append(dict(account_ref=ref, uprn=uprn, liable=list(liable), status=status,
                         start_date=start, end_date=end, discounts=discounts))
    return ref


def add_elector(name, uprn):
    ward = PROPS[uprn]["ward"]
    pre = "".join(w[0] for w in ward.split()).upper()
    if len(pre) == 1:
        pre = ward[:2].upper()
    ELECTOR_SEQ[pre] = ELECTOR_SEQ.get(pre, 100) + R.randint(1, 9)
    ELECTORS.append(dict(elector_number=f"{pre}-{ELECTOR_SEQ[pre]}", full_name=name, uprn=uprn))


def new_vrm(style=None):
    while True:
        st = style or R.choice(["cur"] * 8 + ["pre", "suf"])
        L = "ABCDEFGHJKLMNPRSTUVWXYZ"
        if st == "cur":
            mem = R.choice(["NK", "NL", "NA", "ND", "NE", "NG", "NJ", "YT", "SN", "PN", "YK"])
            age = R.choice(["09", "59", "11", "61", "13", "63", "15", "65", "17", "67", "19", "69",
                            "21", "71", "22", "72", "23", "73", "24", "74", "25", "75"])
            v = mem + age + "".join(R.choice(L) for _ in range(3))
        elif st == "pre":
            v = R.choice("PRSTVWXY") + str(R.randint(1, 999)) + "".join(R.choice(L) for _ in range(3))
        else:
            v = "".join(R.choice(L) for _ in range(3)) + str(R.randint(1, 999)) + R.choice("LMNPRSTVWXY")
        if v not in VRMS:
            VRMS.add(v)
            return v


def add_permit(uprn, vrm, zone, frm, to):
    PERMIT_SEQ[0] += R.randint(1, 17)
    z = "QS" if zone == "Quayside" else zone
    PERMITS.append(dict(permit_ref=f"RP/{z}/{PERMIT_SEQ[0]:05d}", uprn=uprn, vrm=vrm, zone=zone,
                        valid_from=frm, valid_to=to))


def reset_prop(uprn):
    ACCOUNTS[:] = [a for a in ACCOUNTS if a["uprn"] != uprn]
    ELECTORS[:] = [e for e in ELECTORS if e["uprn"] != uprn]
    PERMITS[:] = [p for p in PERMITS if p["uprn"] != uprn]


def build_baseline():
    for u, p in PROPS.items():
        r = R.random()
        if r < 0.05:   # vacant, maybe old closed account
            if R.random() < 0.6:
                nm = person()
                s = D(2012, 1, 1) + dt.timedelta(days=R.randint(0, 4000))
                add_account(u, [nm], "closed", s, s + dt.timedelta(days=R.randint(300, 1500)))
            continue
        if p["kind"] == "student":
            landlord = person()
            prev = None
            s = D(2015, 1, 1) + dt.timedelta(days=R.randint(0, 3500))
            add_account(u, [landlord], "active", s, None, "EXN")
            for _ in range(R.randint(2, 4)):
                add_elector(person(), u)
            continue
        sur = R.choice(SURNAMES)
        if R.random() < 0.45:
            liable = [person(surname=sur)]
        else:
            liable = [person("F", sur), person("M", sur if R.random() < 0.7 else None)]
        start = D(2004, 1, 1) + dt.timedelta(days=R.randint(0, 7800))
        if R.random() < 0.35:
            ps = start - dt.timedelta(days=R.randint(400, 3000))
            add_account(u, [person()], "closed", ps, start - dt.timedelta(days=1))
        disc = ""
        if len(liable) == 1 and R.random() < 0.5:
            disc = "SPD"
        add_account(u, liable, "active", start, None, disc)
        for nm in liable:
            if R.random() < 0.9:
                add_elector(nm, u)
        if R.random() < 0.2 and len(liable) == 2:
            add_elector(person(surname=sur), u)
        if p["parking_zone"]:
            k = R.choice([0, 0, 1, 1, 2])
            for _ in range(k):
                fr = AS_OF - dt.timedelta(days=R.randint(10, 340))
                add_permit(u, new_vrm(), p["parking_zone"], fr, fr + dt.timedelta(days=364))
            if R.random() < 0.3:
                fr = AS_OF - dt.timedelta(days=R.randint(400, 700))
                add_permit(u, new_vrm(), p["parking_zone"], fr, fr + dt.timedelta(days=364))


USED_UPRNS = set()


def pick_prop(pred=lambda p: True):
    cands = [u for u, p in PROPS.items() if u not in USED_UPRNS and pred(p)]
    u = R.choice(cands)
    USED_UPRNS.add(u)
    return u


def accounts_for(uprn):
    return [a for a in ACCOUNTS if a["uprn"] == uprn]


def electors_at(uprn):
    return [e["full_name"] for e in ELECTORS if e["uprn"] == uprn]


def active_permits(uprn=None, vrm=None, day=AS_OF):
    return [p for p in PERMITS if p["valid_from"] <= day <= p["valid_to"]
            and (uprn is None or p["uprn"] == uprn) and (vrm is None or p["vrm"] == vrm)]


# ----------------------------------------------------------------------------
# outside-borough addresses (forwarding / previous)
# ----------------------------------------------------------------------------
OUTSIDE = [
    ("14 Beaconsfield Road", "Low Fell, Gateshead", "NE9 5EX"),
    ("Flat 6, 2 Stanhope Court", "Morpeth", "NE61 1QR"),
    ("31 Sea View Crescent", "Blyth", "NE24 3HT"),
    ("7 Elm Grove", "Durham", "DH1 4QT"),
    ("22 Victoria Terrace", "Hexham", "NE46 3EG"),
    ("4 Chapel Row", "Consett", "DH8 5AB"),
    ("58 Roker Avenue", "Sunderland", "SR6 0HW"),
    ("The Old Schoolhouse, Main Street", "Corbridge", "NE45 5LA"),
    ("103 Cleveland Road", "Middlesbrough", "TS4 2PJ"),
    ("12 Castle View", "Alnwick", "NE66 1RG"),
    ("9 Aldwych Close", "Leeds", "LS6 2NB"),
    ("Flat 2, 40 Marine Parade", "Whitley Bay", "NE26 1AU"),
]
R.shuffle(OUTSIDE)
OUT_IDX = [0]


def outside_addr():
    a = OUTSIDE[OUT_IDX[0] % len(OUTSIDE)]
    OUT_IDX[0] += 1
    return a


def prop_addr(u):
    p = PROPS[u]
    return (p["address_line_1"], f"{p['address_line_2']}, {TOWN}", p["postcode"])


def rand_date(a, b):
    return a + dt.timedelta(days=R.randint(0, (b - a).days))


def phone():
    if R.random() < 0.55:
        return f"07700 900{R.randint(100, 999)}"
    return f"0191 496 0{R.randint(100, 999)}"


def email_for(name):
    f, s = name.split()[0].lower(), name.split()[-1].lower()
    dom = R.choice(["example.com", "example.co.uk", "mail.example.net", "example.org"])
    return R.choice([f"{f}.{s}", f"{f}{s}{R.randint(1, 99)}", f"{f[0]}{s}", f"{s}.{f}"]) + "@" + dom


# ----------------------------------------------------------------------------
# scenario builders -> form dicts
# ----------------------------------------------------------------------------
FORMS = []
LAYOUTS = ["numbered_boxes", "scanned_typed", "table_multirow", "phone_web"]


def form(ftype, layout, fields, outcome="approved", reasons=None, **extra):
    f = dict(form_type=ftype, layout=layout, fields=fields, outcome=outcome,
             reasons=reasons or [], extra=extra)
    FORMS.append(f)
    return f


def spd(layout, problem=None):
    kinds = lambda p: p["kind"] != "student"
    u = pick_prop(kinds)
    reset_prop(u)
    sur = R.choice(SURNAMES)
    sex = R.choice("FM")
    applicant = person(sex, sur)
    relation = R.choice(["partner", "husband", "wife", "son", "daughter", "lodger", "mother",
                         "brother", "none"])
    if problem == "INCONSISTENT_DATES" and relation == "none":
        relation = "partner"
    other = None
    if relation in ("husband", "partner", "brother", "son"):
        other = person("M", sur if relation != "partner" or R.random() < 0.5 else None)
    elif relation in ("wife", "daughter", "mother"):
        other = person("F", sur)
    elif relation == "lodger":
        other = person()
    liable = [applicant] + ([other] if other and relation in ("husband", "partner", "wife") else [])
    R.shuffle(liable)
    start = D(2005, 1, 1) + dt.timedelta(days=R.randint(0, 6000))
    since = rand_date(D(2026, 1, 10), D(2026, 11, 28))
    decl = rand_date(max(since, D(2026, 11, 9)), D(2026, 12, 4))
    reasons = []
    status, end, disc = "active", None, ""
    electors = [applicant]
    if other and R.random() < 0.5:
        electors.append(other)   # other adult still registered: allowed because named
    ref = None
    form_addr = PROPS[u]["address_line_1"]
    form_ref = None
    desc_date = since
    if problem == "ACCOUNT_NOT_FOUND":
        ref = add_account(u, liable, status, start, None, disc)
        # a keying slip (two digits swapped) -> a reference that does not exist
        for i in range(2, 7):
            cand = ref[:i] + ref[i + 1] + ref[i] + ref[i + 2:]
            if cand != ref and cand not in ACCT_REFS:
                form_ref = cand
                break
        assert form_ref
        reasons = ["ACCOUNT_NOT_FOUND"]
    elif problem == "ACCOUNT_CLOSED":
        end = rand_date(D(2026, 3, 1), D(2026, 8, 31))
        ref = add_account(u, liable, "closed", start, end, disc)
        reasons = ["ACCOUNT_CLOSED"]
    elif problem == "NAME_MISMATCH":
        # applicant lives there but is not liable: the liable party is the adult who left
        other = other or person()
        liable = [other]
        ref = add_account(u, liable, status, start, None, disc)
        reasons = ["NAME_MISMATCH"]
        relation = "partner"
    elif problem == "ADDRESS_MISMATCH":
        ref = add_account(u, liable, status, start, None, disc)
        p = PROPS[u]
        # neighbouring number on the same street, same postcode (a real-looking slip)
        others = [q for q in PROPS.values() if q["street"] == p["street"] and q["num"] != p["num"]]
        q = R.choice(others)
        form_addr = q["address_line_1"]
        if form_addr == p["address_line_1"]:
            raise RuntimeError
        reasons = ["ADDRESS_MISMATCH"]
    elif problem == "DISCOUNT_ALREADY_APPLIED":
        ref = add_account(u, liable, status, start, None, "SPD")
        reasons = ["DISCOUNT_ALREADY_APPLIED"]
    elif problem == "OTHER_ADULTS_REGISTERED":
        ref = add_account(u, liable, status, start, None, disc)
        electors.append(person(surname=sur))
        reasons = ["OTHER_ADULTS_REGISTERED"]
    elif problem == "DATE_TOO_OLD":
        ref = add_account(u, liable, status, start, None, disc)
        since = rand_date(D(2025, 6, 1), D(2025, 10, 31))
        desc_date = since
        reasons = ["DATE_TOO_OLD"]
    elif problem == "INCONSISTENT_DATES":
        ref = add_account(u, liable, status, start, None, disc)
        since = rand_date(D(2026, 7, 1), D(2026, 11, 10))
        desc_date = since - dt.timedelta(days=R.choice([14, 30, 31, 61]))
        decl = rand_date(D(2026, 11, 12), D(2026, 12, 4))
        reasons = ["INCONSISTENT_DATES"]
    else:
        ref = add_account(u, liable, status, start, None, disc)
    if problem == "ACCOUNT_CLOSED" and since > end:
        since = end - dt.timedelta(days=40)
    if problem != "INCONSISTENT_DATES":
        desc_date = since
    for e in electors:
        add_elector(e, u)
    if R.random() < 0.3:
        old = person()
        add_account(u, [old], "closed", start - dt.timedelta(days=R.randint(500, 3000)),
                    start - dt.timedelta(days=1))
    fields = dict(account_ref=form_ref or ref, applicant_name=None, address=form_addr,
                  postcode=PROPS[u]["postcode"], sole_adult_since=since.isoformat())
    nm = applicant
    if R.random() < 0.35:
        nm = f"{title_for(applicant)} {applicant}"
    fields["applicant_name"] = nm
    rel_word = {"partner": "partner", "husband": "husband", "wife": "wife", "son": "son",
                "daughter": "daughter", "lodger": "lodger", "mother": "mother",
                "brother": "brother"}.get(relation)
    desc = None
    if other and relation != "none":
        fields["other_adult_name"] = other
        if R.random() < 0.7:
            oa = outside_addr() if R.random() < 0.6 else prop_addr(pick_prop(kinds))
            fields["other_adult_forwarding_address"] = f"{oa[0]}, {oa[1]} {oa[2]}"
        first = other.split()[0]
        dstyle = R.choice(["long", "ord", "slash0", "long"])
        tmpl = R.choice([
            "My {rel} {first} moved out on {d} and now lives at a separate address.",
            "{first} ({rel}) moved out on {d}. We have separated and I now live on my own.",
            "Our relationship ended and my {rel} left the property on {d}. I am now the only adult here.",
            "My {rel} moved into rented accommodation of their own on {d}.",
        ])
        if relation == "mother":
            tmpl = "My mother {first} moved into a care home on {d}. I am now the only adult living here."
        if relation in ("son", "daughter"):
            tmpl = "My {rel} {first} left home on {d} to start university / their own flat."
        if problem == "INCONSISTENT_DATES" or R.random() < 0.75:
            desc = tmpl.format(rel=rel_word, first=first, d=fmt_date(desc_date, dstyle))
        elif R.random() < 0.5:
            desc = f"My {rel_word} has moved out permanently. I live alone now."
    elif relation == "none":
        if R.random() < 0.6:
            desc = R.choice(["My husband passed away and I now live on my own.",
                             "I have lived alone since my flatmate's tenancy ended.",
                             "The other adult on the bill has moved out permanently."])
    if desc:
        fields["change_description"] = desc
    if R.random() < 0.75:
        fields["phone"] = phone()
    if R.random() < 0.6:
        fields["email"] = email_for(applicant)
    fields["declaration_date"] = decl.isoformat()
    fields = {k: v for k, v in fields.items() if v is not None}
    if problem in (None, "DUP"):
        outcome, reasons = "approved", []
    else:
        outcome = "exception"
    # sanity re-check with an independent evaluator later
    return form("council_tax_spd", layout, fields, outcome, reasons,
                ctr=R.choice(["No", "No", "Yes"]), sig=applicant)


def move(layout, mtype, problem=None):
    reasons = []
    decl = rand_date(D(2026, 11, 9), D(2026, 12, 4))
    fields = {"move_type": mtype}
    if mtype == "out":
        u = pick_prop(lambda p: p["kind"] != "student")
        reset_prop(u)
        sur = R.choice(SURNAMES)
        applicant = person(surname=sur)
        liable = [applicant] if R.random() < 0.5 else [applicant, person(surname=sur)]
        start = D(2006, 1, 1) + dt.timedelta(days=R.randint(0, 6500))
        disc = "SPD" if len(liable) == 1 and R.random() < 0.5 else ""
        if problem == "NAME_MISMATCH":
            liable = [person()]   # tenant named on bill is someone else (e.g. ex-partner)
            reasons = ["NAME_MISMATCH"]
        ref = add_account(u, liable, "active", start, None, disc)
        for nm in liable:
            add_elector(nm, u)
        if problem == "NAME_MISMATCH":
            add_elector(applicant, u)
        mdate = rand_date(D(2026, 3, 1), D(2026, 12, 30))
        if problem == "DATE_IN_FUTURE":
            mdate = rand_date(D(2027, 1, 20), D(2027, 3, 20))
            reasons = ["DATE_IN_FUTURE"]
        if mdate > AS_OF:
            decl = rand_date(D(2026, 11, 9), D(2026, 12, 4))
        fields["account_ref"] = ref
        nm = applicant if R.random() < 0.6 else f"{title_for(applicant)} {applicant}"
        fields["applicant_name"] = nm
        pa = prop_addr(u)
        fields["previous_address"], fields["previous_postcode"] = pa[0], pa[2]
        na = outside_addr() if R.random() < 0.6 else prop_addr(pick_prop(lambda p: True))
        fields["new_address"], fields["new_postcode"] = na[0], norm_pc(na[2])
        fields["move_date"] = mdate.isoformat()
        if problem == "INVALID_DATE":
            bad = R.choice(["31.09.2026", "31/06/2026", "30.02.2026"])
            fields["move_date"] = bad
            reasons = ["INVALID_FORMAT:move_date"]
        prev_line2, new_line2 = pa[1], na[1]
    else:
        sur = R.choice(SURNAMES)
        applicant = person(surname=sur)
        if problem == "PROPERTY_NOT_FOUND":
            u = pick_prop(lambda p: p["kind"] == "apartment")
            p = PROPS[u]
            n_max = max(q["num"] for q in PROPS.values() if q["street"] == p["street"])
            new_line1 = f"Apartment {n_max + R.randint(6, 20)}, {p['street']}"
            na = (new_line1, f"Quayside, {TOWN}", p["postcode"])
            reasons = ["PROPERTY_NOT_FOUND"]
        else:
            u = pick_prop(lambda p: True)
            reset_prop(u)
            # previous occupier's account closed: the property is empty
            old = person()
            s = D(2014, 1, 1) + dt.timedelta(days=R.randint(0, 3000))
            add_account(u, [old], "closed", s, rand_date(D(2026, 5, 1), D(2026, 10, 31)))
            na = prop_addr(u)
        mdate = rand_date(D(2026, 6, 1), D(2026, 12, 20))
        nm = applicant if R.random() < 0.6 else f"{title_for(applicant)} {applicant}"
        fields["applicant_name"] = nm
        if R.random() < 0.75:
            pa = outside_addr()
            fields["previous_address"], fields["previous_postcode"] = pa[0], norm_pc(pa[2])
            prev_line2 = pa[1]
        else:
            prev_line2 = None
        fields["new_address"], fields["new_postcode"] = na[0], na[2]
        new_line2 = na[1]
        fields["move_date"] = mdate.isoformat()
    if R.random() < 0.7:
        fields["phone"] = phone()
    if R.random() < 0.6:
        fields["email"] = email_for(applicant)
    fields["declaration_date"] = decl.isoformat()
    if problem == "MISSING_DECL":
        del fields["declaration_date"]
        reasons = ["MISSING_FIELD:declaration_date"]
    outcome = "exception" if reasons else "approved"
    return form("council_tax_move", layout, fields, outcome, reasons, sig=applicant,
                prev_line2=prev_line2, new_line2=new_line2,
                tenure=R.choice(["Tenant (private landlord)", "Owner occupier", "Tenant (housing association)"]),
                adults=str(R.randint(1, 3)))


MAKES = [("Ford", "Fiesta"), ("Vauxhall", "Corsa"), ("Nissan", "Qashqai"), ("Toyota", "Yaris"),
         ("Volkswagen", "Golf"), ("Kia", "Sportage"), ("Skoda", "Octavia"), ("Peugeot", "208"),
         ("Hyundai", "i10"), ("BMW", "1 Series"), ("Dacia", "Sandero"), ("Honda", "Jazz"),
         ("MG", "ZS"), ("Tesla", "Model 3"), ("Mini", "Cooper"), ("Renault", "Clio")]
COLOURS = ["Silver", "Black", "Blue", "Grey", "White", "Red", "Dark green"]


def parking(layout, problem=None):
    reasons = []
    if problem == "ZONE_EMPTY":
        u = pick_prop(lambda p: not p["parking_zone"] and p["kind"] != "student")
    elif problem == "ZONE_DIFF":
        u = pick_prop(lambda p: p["parking_zone"] in ("R4", "R3", "R2", "R8"))
    else:
        u = pick_prop(lambda p: bool(p["parking_zone"]))
    p = PROPS[u]
    reset_prop(u)
    sur = R.choice(SURNAMES)
    applicant = person(surname=sur)
    route = R.choice(["liable", "liable", "register"])
    if p["kind"] == "student":
        route = "register"
    start = D(2008, 1, 1) + dt.timedelta(days=R.randint(0, 6000))
    if route == "liable":
        liable = [applicant] + ([person(surname=sur)] if R.random() < 0.5 else [])
        add_account(u, liable, "active", start, None, "")
        for nm in liable:
            if nm != applicant or R.random() < 0.6:
                add_elector(nm, u)
    else:
        landlord = person()
        add_account(u, [landlord], "active", start, None, "EXN" if p["kind"] == "student" else "")
        add_elector(applicant, u)
        for _ in range(R.randint(0, 3) if p["kind"] == "student" else 0):
            add_elector(person(), u)
    if problem == "NOT_RESIDENT":
        # the applicant is not on the bill nor registered (e.g. applying for a relative's house)
        ACCOUNTS[:] = [a for a in ACCOUNTS if a["uprn"] != u]
        ELECTORS[:] = [e for e in ELECTORS if e["uprn"] != u]
        occ = [person(surname=sur)]
        add_account(u, occ, "active", start, None, "SPD")
        add_elector(occ[0], u)
        reasons = ["NOT_RESIDENT"]
    zone = p["parking_zone"]
    vrm = new_vrm()
    existing = R.choice([0, 0, 1])
    if problem == "PERMIT_CAP_REACHED":
        existing = 2
        reasons = ["PERMIT_CAP_REACHED"]
    for _ in range(existing):
        fr = AS_OF - dt.timedelta(days=R.randint(15, 330))
        add_permit(u, new_vrm(), zone, fr, fr + dt.timedelta(days=364))
    if problem is None and R.random() < 0.5:
        # renewal: this vehicle's previous permit here has already expired
        to = AS_OF - dt.timedelta(days=R.randint(2, 40))
        add_permit(u, vrm, zone, to - dt.timedelta(days=364), to)
    if problem == "VRM_HAS_PERMIT":
        other_u = R.choice([q for q in PROPS if q not in USED_UPRNS and PROPS[q]["parking_zone"]
                            and len(active_permits(q)) == 0])
        USED_UPRNS.add(other_u)
        fr = AS_OF - dt.timedelta(days=R.randint(30, 200))
        add_permit(other_u, vrm, PROPS[other_u]["parking_zone"], fr, fr + dt.timedelta(days=364))
        reasons = ["VRM_HAS_PERMIT"]
    form_zone = zone
    if problem == "ZONE_EMPTY":
        form_zone = R.choice(["R6", "R7", "R5"])
        reasons = ["NOT_IN_PERMIT_ZONE"]
    if problem == "ZONE_DIFF":
        form_zone = {"R4": "R7", "R3": "R5", "R2": "R3", "R8": "R9"}[zone]
        reasons = ["NOT_IN_PERMIT_ZONE"]
    form_vrm = vrm
    if problem == "BAD_VRM":
        form_vrm = vrm[:4] + vrm[5:] if VRM_RE[0].match(vrm) else vrm[:-1]
        form_vrm = form_vrm[:6] if len(form_vrm) > 6 else form_vrm
        if vrm_valid(form_vrm):
            form_vrm = "1" + form_vrm
        assert not vrm_valid(form_vrm)
        reasons = ["INVALID_FORMAT:vrm"]
    sdate = rand_date(D(2026, 11, 25), D(2026, 12, 31))
    if problem == "DATE_IN_FUTURE":
        sdate = rand_date(D(2027, 1, 25), D(2027, 3, 1))
        reasons = ["DATE_IN_FUTURE"]
    decl = rand_date(D(2026, 11, 12), D(2026, 12, 4))
    nm = applicant if R.random() < 0.6 else f"{title_for(applicant)} {applicant}"
    make, model = R.choice(MAKES)
    fields = dict(applicant_name=nm, address=p["address_line_1"], postcode=p["postcode"],
                  vrm=form_vrm, vehicle_make=make, zone=form_zone, start_date=sdate.isoformat())
    if R.random() < 0.7:
        fields["phone"] = phone()
    if R.random() < 0.6:
        fields["email"] = email_for(applicant)
    fields["declaration_date"] = decl.isoformat()
    if problem == "MISSING_DECL":
        del fields["declaration_date"]
        reasons = ["MISSING_FIELD:declaration_date"]
    outcome = "exception" if reasons else "approved"
    return form("parking_permit", layout, fields, outcome, reasons, sig=applicant, model=model,
                colour=R.choice(COLOURS), line2=f"{p['address_line_2']}, {TOWN}")


# ----------------------------------------------------------------------------
# build everything
# ----------------------------------------------------------------------------
build_gazetteer()
build_baseline()

PLAN_SPD = {
    "numbered_boxes": [None, None, None, "ACCOUNT_NOT_FOUND", "INCONSISTENT_DATES"],
    "scanned_typed": [None, None, None, "DATE_TOO_OLD", "NAME_MISMATCH"],
    "table_multirow": [None, None, None, "ADDRESS_MISMATCH", "DISCOUNT_ALREADY_APPLIED"],
    "phone_web": [None, None, None, "OTHER_ADULTS_REGISTERED", "ACCOUNT_CLOSED"],
}
PLAN_MOVE = {
    "numbered_boxes": [("out", None), ("out", None), ("in", None), ("out", "DATE_IN_FUTURE")],
    "scanned_typed": [("out", None), ("in", None), ("in", None), ("out", "INVALID_DATE")],
    "table_multirow": [("out", None), ("in", None), ("out", None), ("out", "NAME_MISMATCH")],
    "phone_web": [("in", None), ("out", None), ("out", None), ("in", "PROPERTY_NOT_FOUND")],
}
PLAN_PARK = {
    "numbered_boxes": [None, None, "PERMIT_CAP_REACHED", "BAD_VRM"],
    "scanned_typed": [None, None, "MISSING_DECL", "ZONE_EMPTY"],
    "table_multirow": [None, None, "VRM_HAS_PERMIT", "NOT_RESIDENT"],
    "phone_web": [None, None, "DATE_IN_FUTURE", "ZONE_DIFF"],
}
for lay in LAYOUTS:
    for pr in PLAN_SPD[lay]:
        spd(lay, pr)
    for mt, pr in PLAN_MOVE[lay]:
        move(lay, mt, pr)
    for pr in PLAN_PARK[lay]:
        parking(lay, pr)

# duplicate pair: the same online SPD application submitted twice
dup = spd("phone_web", "DUP")
dup2 = json.loads(json.dumps({k: v for k, v in dup.items()}))
FORMS.append(dup2)
for f in (dup, dup2):
    f["outcome"] = "duplicate_pair"
    f["reasons"] = []
    f["duplicate_group"] = "dup-1"
dup2["extra"]["resubmit"] = True

# ----------------------------------------------------------------------------
# correspondence
# ----------------------------------------------------------------------------

def corr(layout, topic, kind):
    """kind: clean / anon / noaddr / badacct"""
    reasons = []
    u = pick_prop(lambda p: True)
    if True:
        reset_prop(u)
        sur = R.choice(SURNAMES)
        nm0 = person(surname=sur)
        add_account(u, [nm0], "active", D(2015, 1, 1) + dt.timedelta(days=R.randint(0, 3000)), None, "")
        add_elector(nm0, u)
        accts = [a for a in accounts_for(u) if a["status"] == "active"]
    acct = accts[0]
    name = acct["liable"][0]
    p = PROPS[u]
    ref = acct["account_ref"]
    quoted = None
    if kind == "badacct":
        while True:
            quoted = "6" + str(R.randint(1000000, 9999999))
            if quoted not in ACCT_REFS:
                break
        reasons = ["ACCOUNT_NOT_FOUND"]
    elif topic == "council_tax_query":
        quoted = ref
    d1 = rand_date(D(2026, 10, 20), D(2026, 11, 27))
    d2 = rand_date(D(2026, 11, 1), D(2026, 12, 3))
    wd = d1.strftime("%A")
    dates = []
    sal, paras = "Dear Sir or Madam,", []
    subject = ""
    ds = R.choice(["long", "ord", "slash0"])
    if topic == "missed_bin":
        bin_ = R.choice(["grey general waste bin", "blue recycling bin", "green garden waste bin"])
        subject = "Missed bin collection - " + p["address_line_1"]
        paras = [f"Our {bin_} was not emptied on {wd} {fmt_date(d1, 'long')}. It was out at the kerb by 6.30am as usual and the rest of the street was done.",
                 "This is the second time in a couple of months. Could the crew please come back for it as soon as possible, as it is now overflowing and attracting gulls.",
                 "The bin is kept in the back lane behind the house."]
        dates = [d1]
    elif topic == "council_tax_query":
        subject = f"Council tax account {fmt_acct(quoted, 'space')} - query about my bill"
        paras = [f"I am writing about my council tax account, reference {fmt_acct(quoted, R.choice(['plain', 'space', 'ct']))}. The bill I received dated {fmt_date(d1, ds)} shows an amount outstanding which I do not understand, as I have paid every instalment by direct debit.",
                 "Could you please send me a statement showing the payments you have received this year and explain how the balance has been worked out. I would also like to know whether I can spread the remaining amount over twelve monthly instalments instead of ten."]
        dates = [d1]
    elif topic == "complaint":
        subject = "Formal complaint"
        paras = [f"I wish to make a formal complaint about the way the resurfacing work in our street was carried out on {fmt_date(d1, ds)}. The contractors left loose chippings across the pavement and blocked the back lane for most of the day without any notice to residents.",
                 "My elderly neighbour could not get out of her yard and nobody from the council answered the telephone when I rang. I am very unhappy with the service and would like a written response explaining what went wrong and what will be done to put it right."]
        dates = [d1]
    elif topic == "foi_request":
        subject = "Freedom of Information request - residents' parking enforcement"
        paras = ["Under the Freedom of Information Act 2000, please provide the following information.",
                 "1. The number of penalty charge notices issued in each residents' parking zone (R1 to R9 and Quayside) in each of the last three financial years. 2. The total income from residents' parking permits over the same period.",
                 "I would prefer to receive the information electronically as a spreadsheet."]
        dates = []
    else:  # other
        subject = "Street light not working"
        paras = [f"The street light outside my house has not been working since {fmt_date(d1, ds)}. The lane is very dark in the evenings and I am worried someone will fall.",
                 "Please could somebody come and look at it. The lamp post has the number 14 on it."]
        dates = [d1]
    if kind == "anon":
        sal = "To whom it may concern,"
        paras[-1] += " I do not wish to give my name."
    body = collapse(" ".join(paras))
    fields = {"topic": topic}
    show_addr = kind != "noaddr" and kind != "anon"
    if kind != "anon":
        fields["sender_name"] = name
    if show_addr:
        fields["address"] = p["address_line_1"]
        fields["postcode"] = p["postcode"]
    if quoted:
        fields["account_ref"] = quoted
    if dates:
        fields["dates_mentioned"] = [d.isoformat() for d in dates]
    fields["body"] = body
    if kind in ("anon", "noaddr"):
        reasons = ["SENDER_UNKNOWN"]
    outcome = "exception" if reasons else "approved"
    return form("correspondence", layout, fields, outcome, reasons, paras=paras, sal=sal,
                subject=subject, line2=f"{p['address_line_2']}", sent=d2, name=name,
                show_addr=show_addr, anon=kind == "anon")


for topic in ["missed_bin", "council_tax_query", "complaint", "other"]:
    corr("formal_letter", topic, "clean")
corr("formal_letter", "complaint", "anon")
corr("formal_letter", "council_tax_query", "badacct")
for topic in ["missed_bin", "council_tax_query", "foi_request", "complaint"]:
    corr("outlook_email", topic, "clean")
corr("outlook_email", "complaint", "noaddr")
corr("outlook_email", "council_tax_query", "badacct")


# ----------------------------------------------------------------------------
# independent re-check of every expected outcome against the records
# ----------------------------------------------------------------------------
TITLES = {"mr", "mrs", "ms", "miss", "dr", "mx"}


def bare(n):
    w = n.replace(".", "").split()
    if w and w[0].lower() in TITLES:
        w = w[1:]
    return " ".join(w).lower()


def parse_iso(s):
    try:
        return dt.date.fromisoformat(s)
    except Exception:
        return None


def prop_by_addr(line1, pc):
    for p in PROPS.values():
        if p["address_line_1"].lower() == line1.lower() and p["postcode"] == pc:
            return p
    return None


REQ = {"council_tax_spd": ["account_ref", "applicant_name", "address", "postcode",
                           "sole_adult_since", "declaration_date"],
       "parking_permit": ["applicant_name", "address", "postcode", "vrm", "zone", "start_date",
                          "declaration_date"]}


def expect(f):
    t, F = f["form_type"], f["fields"]
    rs = []
    req = list(REQ.get(t, []))
    if t == "council_tax_move":
        req = ["move_type", "applicant_name", "move_date", "declaration_date"]
        req += ["account_ref", "previous_address", "previous_postcode"] if F["move_type"] == "out" \
            else ["new_address", "new_postcode"]
    for k in req:
        if k not in F:
            rs.append(f"MISSING_FIELD:{k}")
    for k in ("sole_adult_since", "move_date", "start_date", "declaration_date"):
        if k in F and parse_iso(F[k]) is None:
            rs.append(f"INVALID_FORMAT:{k}")
    if t == "council_tax_spd":
        acc = [a for a in ACCOUNTS if a["account_ref"] == F["account_ref"]]
        if not acc:
            return rs + ["ACCOUNT_NOT_FOUND"]
        a = acc[0]
        if a["status"] != "active":
            rs.append("ACCOUNT_CLOSED")
        if bare(F["applicant_name"]) not in [bare(x) for x in a["liable"]]:
            rs.append("NAME_MISMATCH")
        pp = PROPS[a["uprn"]]
        if pp["address_line_1"].lower() != F["address"].lower() or pp["postcode"] != F["postcode"]:
            rs.append("ADDRESS_MISMATCH")
        if "SPD" in a["discounts"].split(";"):
            rs.append("DISCOUNT_ALREADY_APPLIED")
        allowed = {bare(F["applicant_name"]), bare(F.get("other_adult_name", "-"))}
        if any(bare(e) not in allowed for e in electors_at(a["uprn"])):
            rs.append("OTHER_ADULTS_REGISTERED")
        s = parse_iso(F["sole_adult_since"])
        if s > AS_OF:
            rs.append("DATE_IN_FUTURE")
        if (AS_OF - s).days > BACKDATE:
            rs.append("DATE_TOO_OLD")
        if "change_description" in F:
            for m in DATE_PAT.finditer(F["change_description"]):
                d = parse_text_date(m.group(0))
                if d and d != s:
                    rs.append("INCONSISTENT_DATES")
                    break
    elif t == "council_tax_move":
        if F["move_type"] == "out":
            acc = [a for a in ACCOUNTS if a["account_ref"] == F["account_ref"]]
            if not acc:
                return rs + ["ACCOUNT_NOT_FOUND"]
            a = acc[0]
            if bare(F["applicant_name"]) not in [bare(x) for x in a["liable"]]:
                rs.append("NAME_MISMATCH")
            pp = PROPS[a["uprn"]]
            if pp["address_line_1"] != F["previous_address"] or pp["postcode"] != F["previous_postcode"]:
                rs.append("ADDRESS_MISMATCH")
        else:
            if not prop_by_addr(F["new_address"], F["new_postcode"]):
                rs.append("PROPERTY_NOT_FOUND")
        m = parse_iso(F["move_date"])
        if m:
            if (m - AS_OF).days > FORWARD:
                rs.append("DATE_IN_FUTURE")
            if (AS_OF - m).days > BACKDATE:
                rs.append("DATE_TOO_OLD")
    elif t == "parking_permit":
        pp = prop_by_addr(F["address"], F["postcode"])
        if not pp:
            return rs + ["PROPERTY_NOT_FOUND"]
        if not pp["parking_zone"] or pp["parking_zone"] != F["zone"]:
            rs.append("NOT_IN_PERMIT_ZONE")
        u = pp["uprn"]
        res = [bare(x) for a in ACCOUNTS if a["uprn"] == u and a["status"] == "active" for x in a["liable"]]
        res += [bare(x) for x in electors_at(u)]
        if bare(F["applicant_name"]) not in res:
            rs.append("NOT_RESIDENT")
        if not vrm_valid(F["vrm"]):
            rs.append("INVALID_FORMAT:vrm")
        elif active_permits(vrm=F["vrm"]):
            rs.append("VRM_HAS_PERMIT")
        if len(active_permits(uprn=u)) >= PERMIT_CAP:
            rs.append("PERMIT_CAP_REACHED")
        s = parse_iso(F["start_date"])
        if s and (s - AS_OF).days > FORWARD:
            rs.append("DATE_IN_FUTURE")
    elif t == "correspondence":
        if "account_ref" in F and not any(a["account_ref"] == F["account_ref"] for a in ACCOUNTS):
            rs.append("ACCOUNT_NOT_FOUND")
        known_addr = "address" in F and prop_by_addr(F["address"], F["postcode"])
        known_acct = "account_ref" in F and any(a["account_ref"] == F["account_ref"] for a in ACCOUNTS)
        if "sender_name" not in F or not (known_addr or known_acct):
            rs.insert(0, "SENDER_UNKNOWN")
    return rs


DATE_PAT = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)? (January|February|March|April|May|June|July|"
                      r"August|September|October|November|December) (\d{4})\b|\b(\d{2})/(\d{2})/(\d{4})\b")


def parse_text_date(s):
    m = DATE_PAT.match(s)
    if m.group(1):
        return D(int(m.group(3)), MONTHS.index(m.group(2)) + 1, int(m.group(1)))
    return D(int(m.group(6)), int(m.group(5)), int(m.group(4)))


# no accidental sharing of accounts / properties / vehicles between forms (duplicate aside)
seen = {}
for i, f in enumerate(FORMS):
    F = f["fields"]
    keys = []
    if f["form_type"] in ("council_tax_spd",) or (f["form_type"] == "council_tax_move" and F["move_type"] == "out"):
        keys.append(("acct", F["account_ref"]))
    if f["form_type"] == "parking_permit":
        keys += [("vrm", F["vrm"]), ("addr", F["address"])]
    for k in keys:
        if k in seen and f.get("duplicate_group") is None:
            raise SystemExit(f"accidental shared key {k}")
        seen[k] = i

for f in FORMS:
    exp = expect(f)
    if f["outcome"] == "duplicate_pair":
        assert exp == [], (f, exp)
        continue
    want = f["reasons"]
    if sorted(exp) != sorted(want):
        raise SystemExit(f"MISMATCH {f['form_type']} {f['layout']} want={want} got={exp}\n{f['fields']}")
    assert (f["outcome"] == "approved") == (not want)

# ----------------------------------------------------------------------------
# PDF drawing helpers
# ----------------------------------------------------------------------------
W, H = A4
BLUE_INK = Color(0.12, 0.2, 0.62)
GREY = Color(0.45, 0.45, 0.45)
LIGHT = Color(0.92, 0.92, 0.92)
NAVY = Color(0.05, 0.2, 0.35)
TEAL = Color(0.0, 0.38, 0.42)


class Page:
    """Canvas wrapper with top-left coordinates."""

    def __init__(self, path, size=A4, title=""):
        self.c = canvas.Canvas(path, pagesize=size, invariant=1)
        self.c.setTitle(title)
        self.c.setAuthor("Royal Borough of Ashwick on Tyne")
        self.w, self.h = size
        self.pageno = 1

    def text(self, x, y, s, font="Helvetica", size=10, color=black, align="left"):
        c = self.c
        c.setFont(font, size)
        c.setFillColor(color)
        if align == "left":
            c.drawString(x, self.h - y, s)
        elif align == "right":
            c.drawRightString(x, self.h - y, s)
        else:
            c.drawCentredString(x, self.h - y, s)

    def para(self, x, y, s, width, font="Helvetica", size=9, lead=None, color=black):
        lead = lead or size * 1.25
        lines = simpleSplit(s, font, size, width)
        for i, ln in enumerate(lines):
            self.text(x, y + i * lead, ln, font, size, color)
        return y + len(lines) * lead

    def rect(self, x, y, w, h, stroke=black, fill=None, lw=0.6):
        c = self.c
        c.setLineWidth(lw)
        if stroke is not None:
            c.setStrokeColor(stroke)
        if fill is not None:
            c.setFillColor(fill)
        c.rect(x, self.h - y - h, w, h, stroke=1 if stroke is not None else 0,
               fill=1 if fill is not None else 0)

    def line(self, x1, y1, x2, y2, color=black, lw=0.6, dash=None):
        c = self.c
        c.setStrokeColor(color)
        c.setLineWidth(lw)
        if dash:
            c.setDash(*dash)
        c.line(x1, self.h - y1, x2, self.h - y2)
        c.setDash()

    def new_page(self):
        self.c.showPage()
        self.pageno += 1

    def save(self):
        self.c.save()


def crest(pg, x, y, s, col=NAVY, fill=None):
    """Shield with a castle and the river Tyne: the borough's arms, simplified."""
    c = pg.c
    x0, y0 = x, pg.h - y
    p = c.beginPath()
    p.moveTo(x0, y0)
    p.lineTo(x0 + s, y0)
    p.lineTo(x0 + s, y0 - 0.6 * s)
    p.curveTo(x0 + s, y0 - 0.95 * s, x0 + 0.62 * s, y0 - 1.05 * s, x0 + 0.5 * s, y0 - 1.18 * s)
    p.curveTo(x0 + 0.38 * s, y0 - 1.05 * s, x0, y0 - 0.95 * s, x0, y0 - 0.6 * s)
    p.close()
    c.setStrokeColor(col)
    c.setLineWidth(1.3)
    if fill is not None:
        c.setFillColor(fill)
    c.drawPath(p, stroke=1, fill=1 if fill is not None else 0)
    # castle
    c.setFillColor(col)
    bx, by = x0 + 0.3 * s, y0 - 0.5 * s
    c.rect(bx, by, 0.4 * s, 0.26 * s, stroke=0, fill=1)
    for k in range(3):
        c.rect(bx + k * 0.16 * s, by + 0.26 * s, 0.08 * s, 0.07 * s, stroke=0, fill=1)
    # river
    c.setLineWidth(1)
    for k in range(3):
        yy = y0 - 0.64 * s - k * 0.1 * s
        pth = c.beginPath()
        pth.moveTo(x0 + 0.12 * s, yy)
        for j in range(1, 9):
            xx = x0 + 0.12 * s + j * 0.095 * s
            pth.lineTo(xx, yy + (0.03 * s if j % 2 else -0.03 * s))
        c.drawPath(pth, stroke=1, fill=0)


def jitter():
    return R.uniform(-1, 1)


# per-form display styles -------------------------------------------------------
DATE_STYLES = {"numbered_boxes": ["slash0", "long", "ord", "slash0"],
               "scanned_typed": ["dot", "slash0", "dash", "slash"],
               "table_multirow": ["slash0", "slash", "long", "iso"],
               "phone_web": ["long", "long", "us"]}
ACCT_STYLES = {"numbered_boxes": ["plain", "space"],
               "scanned_typed": ["ctspace", "dash", "space"],
               "table_multirow": ["plain", "ct", "dash"],
               "phone_web": ["plain", "plain", "ct"]}


def disp_fields(f):
    lay = f["layout"]
    F = f["fields"]
    ds = R.choice(DATE_STYLES[lay])
    d = {}
    for k, v in F.items():
        if k in ("sole_adult_since", "move_date", "start_date", "declaration_date"):
            iso = parse_iso(v)
            d[k] = fmt_date(iso, ds) if iso else v
        elif k == "account_ref":
            d[k] = fmt_acct(v, R.choice(ACCT_STYLES[lay]))
        elif k in ("postcode", "previous_postcode", "new_postcode"):
            d[k] = fmt_pc(v, R.choice(["std"] * 6 + ["lower", "nospace"]))
        elif k == "vrm":
            d[k] = fmt_vrm(v, R.choice(["plain", "spaced", "spaced", "lower"])) if vrm_valid(v) else \
                R.choice([v, v[:4] + " " + v[4:]])
        else:
            d[k] = v
    # the display of an invalid vrm must still normalise to the truth value
    if "vrm" in d:
        assert norm_vrm(d["vrm"]) == F["vrm"]
    return d


def spd_other_names(f):
    return f["fields"].get("other_adult_name")


# ----------------------------------------------------------------------------
# Layout 1: plain A4, numbered boxes 1-15, labels in bold capitals
# ----------------------------------------------------------------------------

def qlist(f, d):
    """Question list (label, answer or None, section heading or None) per form type."""
    t = f["form_type"]
    x = f["extra"]
    if t == "council_tax_spd":
        return "SINGLE PERSON DISCOUNT APPLICATION", "CTS1", [
            ("A  ABOUT YOU AND THE PROPERTY", None),
            ("COUNCIL TAX ACCOUNT NUMBER (ON YOUR BILL)", d.get("account_ref")),
            ("FULL NAME OF PERSON LIABLE", d.get("applicant_name")),
            ("HOUSE NUMBER OR NAME AND STREET", d.get("address")),
            ("POSTCODE", d.get("postcode")),
            ("DAYTIME TELEPHONE NUMBER", d.get("phone")),
            ("EMAIL ADDRESS", d.get("email")),
            ("B  WHAT HAS CHANGED", None),
            ("DATE YOU BECAME THE ONLY ADULT (18 OR OVER) LIVING AT THE PROPERTY", d.get("sole_adult_since")),
            ("FULL NAME OF THE ADULT WHO HAS LEFT", d.get("other_adult_name")),
            ("THEIR NEW ADDRESS, IF KNOWN", d.get("other_adult_forwarding_address")),
            ("TELL US WHAT CHANGED", d.get("change_description")),
            ("DO YOU RECEIVE COUNCIL TAX SUPPORT?", x.get("ctr")),
            ("WILL ANYONE LIVING WITH YOU TURN 18 IN THE NEXT SIX MONTHS?", "No"),
            ("C  DECLARATION", None),
            ("SIGNATURE", "signed electronically - " + x["sig"]),
            ("DATE SIGNED", d.get("declaration_date")),
            ("HOW WOULD YOU LIKE US TO CONTACT YOU?", "Email" if d.get("email") else "Post"),
        ]
    if t == "council_tax_move":
        out = d["move_type"] == "out"
        return "MOVING HOME - COUNCIL TAX", "CTM2", [
            ("A  YOUR MOVE", None),
            ("ARE YOU MOVING INTO OR OUT OF A PROPERTY IN ASHWICK?", "Moving out" if out else "Moving in"),
            ("COUNCIL TAX ACCOUNT NUMBER (IF MOVING OUT)", d.get("account_ref")),
            ("YOUR FULL NAME", d.get("applicant_name")),
            ("ADDRESS YOU ARE LEAVING - NUMBER AND STREET", d.get("previous_address")),
            ("POSTCODE OF THE ADDRESS YOU ARE LEAVING", d.get("previous_postcode")),
            ("NEW OR FORWARDING ADDRESS - NUMBER AND STREET", d.get("new_address")),
            ("NEW POSTCODE", d.get("new_postcode")),
            ("DATE OF MOVE (THE DAY YOU GOT OR GAVE BACK THE KEYS)", d.get("move_date")),
            ("B  CONTACT AND OCCUPANCY", None),
            ("TELEPHONE", d.get("phone")),
            ("EMAIL", d.get("email")),
            ("ARE YOU THE OWNER OR A TENANT?", x.get("tenure")),
            ("HOW MANY ADULTS WILL LIVE AT THE NEW ADDRESS?", x.get("adults") if not out else None),
            ("C  DECLARATION", None),
            ("SIGNATURE", "signed electronically - " + x["sig"]),
            ("DATE", d.get("declaration_date")),
            ("FORMER OCCUPIER OR LANDLORD, IF KNOWN", None),
        ]
    return "RESIDENTS' PARKING PERMIT APPLICATION", "PKR1", [
        ("A  APPLICANT", None),
        ("FULL NAME", d.get("applicant_name")),
        ("HOUSE NUMBER OR NAME AND STREET", d.get("address")),
        ("POSTCODE", d.get("postcode")),
        ("PERMIT ZONE (SHOWN ON THE ZONE SIGNS)", d.get("zone")),
        ("TELEPHONE", d.get("phone")),
        ("EMAIL", d.get("email")),
        ("B  VEHICLE", None),
        ("VEHICLE REGISTRATION NUMBER", d.get("vrm")),
        ("MAKE OF VEHICLE", d.get("vehicle_make")),
        ("MODEL AND COLOUR", f"{x['model']}, {x['colour'].lower()}"),
        ("IS THE VEHICLE REGISTERED TO YOU AT THIS ADDRESS (V5C)?", "Yes"),
        ("DATE YOU WANT THE PERMIT TO START", d.get("start_date")),
        ("PERMIT LENGTH", "12 months"),
        ("PROOF OF RESIDENCE ENCLOSED", R.choice(["Tenancy agreement", "Council tax bill", "Utility bill"])),
        ("C  DECLARATION", None),
        ("SIGNATURE", "signed electronically - " + x["sig"]),
        ("DATE", d.get("declaration_date")),
    ]


def draw_numbered(path, f):
    d = disp_fields(f)
    title, code, qs = qlist(f, d)
    pg = Page(path, title=title.title())
    rev = R.choice(["04/26", "09/25", "01/26"])

    def header(first):
        crest(pg, 40, 30, 34)
        pg.text(82, 44, "Royal Borough of", "Helvetica", 9)
        pg.text(82, 60, "ASHWICK ON TYNE", "Helvetica-Bold", 16)
        pg.rect(440, 28, 115, 38)
        pg.text(448, 42, f"Form {code}", "Helvetica-Bold", 11)
        pg.text(448, 57, f"Revision {rev}", "Helvetica", 8)
        pg.line(40, 78, 555, 78, lw=1.5)
        if first:
            pg.text(40, 100, title, "Helvetica-Bold", 14)
        else:
            pg.text(40, 100, f"{title} (continued)", "Helvetica-Bold", 11)

    def footer():
        pg.line(40, 805, 555, 805, lw=0.4)
        pg.text(40, 818, f"{code} rev {rev}   Royal Borough of Ashwick on Tyne, Civic Centre, Quayside, AT1 1AA",
                "Helvetica", 7, GREY)
        pg.text(555, 818, f"Page {pg.pageno}", "Helvetica", 7, GREY, "right")

    header(True)
    guide = {"CTS1": "Use this form if you are now the only adult aged 18 or over living at your home. "
                     "Answer every question. If a question does not apply, leave the box empty. "
                     "Return it to the Council Tax Section or email ctax@ashwick.gov.uk.",
             "CTM2": "Tell us within 21 days of moving. If you are leaving Ashwick on Tyne we will "
                     "send your final bill to the forwarding address. Please answer questions 1 to 15.",
             "PKR1": "Permits are issued for twelve months for vehicles kept at an address in a residents' "
                     "zone. A maximum of two permits can be issued per household."}[code]
    y = pg.para(40, 118, guide, 515, size=8.5, color=GREY) + 6
    n = 0
    for label, ans in qs:
        if ans is None and label[1:3] == "  ":
            if y > 730:
                footer(); pg.new_page(); header(False); y = 118
            pg.rect(40, y, 515, 16, stroke=None, fill=LIGHT)
            pg.text(46, y + 11.5, "SECTION " + label, "Helvetica-Bold", 9)
            y += 24
            if label.startswith("C"):
                y = pg.para(40, y, "I declare that the information I have given is correct and complete. "
                            "I understand that giving false information may lead to prosecution.",
                            515, size=8) + 6
            continue
        n += 1
        if n > 15:
            break
        lab_lines = simpleSplit(label, "Helvetica-Bold", 8, 180)
        ans_lines = simpleSplit(ans or "", "Helvetica", 10, 285) or [""]
        h = max(22, len(lab_lines) * 10 + 8, len(ans_lines) * 12.5 + 9)
        if y + h > 790:
            footer(); pg.new_page(); header(False); y = 118
        pg.rect(40, y, 16, 16, fill=NAVY, stroke=None)
        pg.text(48, y + 11.5, str(n), "Helvetica-Bold", 8.5, white, "center")
        for i, ln in enumerate(lab_lines):
            pg.text(62, y + 10 + i * 10, ln, "Helvetica-Bold", 8)
        pg.rect(255, y, 300, h, lw=0.8)
        for i, ln in enumerate(ans_lines):
            pg.text(261, y + 14 + i * 12.5, ln, "Helvetica", 10)
        y += h + 7
    if y > 700:
        footer(); pg.new_page(); header(False); y = 118
    y += 8
    pg.rect(360, y, 195, 70, lw=0.8)
    pg.text(366, y + 12, "FOR OFFICE USE ONLY", "Helvetica-Bold", 7.5)
    for i, lbl in enumerate(["Date received", "Entered by", "Batch"]):
        pg.text(366, y + 28 + i * 14, lbl, "Helvetica", 7.5, GREY)
        pg.line(420, y + 29 + i * 14, 548, y + 29 + i * 14, GREY, 0.4)
    footer()
    pg.save()


# ----------------------------------------------------------------------------
# Layout 2: answers typed on a scanned paper form (grey print, blue typewriter)
# ----------------------------------------------------------------------------

def draw_scanned(path, f):
    d = disp_fields(f)
    t = f["form_type"]
    x = f["extra"]
    pg = Page(path, title="Scanned form")
    c = pg.c
    INK = Color(0.5, 0.5, 0.5)

    def scan_bg():
        c.setFillColor(Color(0.975, 0.972, 0.96))
        c.rect(0, 0, W, H, stroke=0, fill=1)
        c.setFillColor(Color(0.55, 0.55, 0.55))
        for _ in range(70):
            c.circle(R.uniform(0, W), R.uniform(0, H), R.uniform(0.2, 0.7), stroke=0, fill=1)
        ang = R.uniform(-0.7, 0.7)
        c.translate(W / 2, H / 2)
        c.rotate(ang)
        c.translate(-W / 2 + R.uniform(-4, 4), -H / 2 + R.uniform(-4, 4))

    def typed(xx, yy, s, size=10.5):
        if s is None:
            return
        pg.text(xx + R.uniform(-4, 7), yy + R.uniform(-3.5, 2.5), s, "Courier", size, BLUE_INK)

    def field_line(xx, yy, w, label, val, lw_=None):
        """label printed above a dotted/solid line; answer typed on the line"""
        pg.text(xx, yy, label, "Times-Roman", 9, INK)
        pg.line(xx, yy + 18, xx + w, yy + 18, INK, 0.5)
        typed(xx + 2, yy + 15, val)

    def inline(xx, yy, w, label, val):
        pg.text(xx, yy, label, "Times-Roman", 9.5, INK)
        lw_ = pg.c.stringWidth(label, "Times-Roman", 9.5) + 6
        pg.line(xx + lw_, yy + 2, xx + w, yy + 2, INK, 0.5, dash=(1, 2))
        typed(xx + lw_ + 4, yy, val)

    def charboxes(xx, yy, n, val, label):
        pg.text(xx, yy, label, "Times-Roman", 9, INK)
        for i in range(n):
            pg.rect(xx + i * 15, yy + 5, 15, 17, stroke=INK, lw=0.5)
        typed(xx + 3, yy + 18, val, 11)

    def tick(xx, yy, label, on):
        pg.rect(xx, yy - 9, 11, 11, stroke=INK, lw=0.6)
        pg.text(xx + 17, yy, label, "Times-Roman", 9.5, INK)
        if on:
            pg.text(xx + 2 + R.uniform(-1.5, 2), yy + R.uniform(-1, 1.5), "X", "Courier-Bold", 11, BLUE_INK)

    def head(title, code):
        crest(pg, 42, 36, 30, INK)
        pg.text(80, 48, "ROYAL BOROUGH OF ASHWICK ON TYNE", "Times-Bold", 13, INK)
        pg.text(80, 62, "Revenues, Benefits and Customer Services", "Times-Italic", 9, INK)
        pg.text(553, 46, code, "Times-Bold", 10, INK, "right")
        pg.text(553, 58, "Please type or use black ink", "Times-Italic", 8, INK, "right")
        pg.line(42, 72, 553, 72, INK, 1)
        pg.text(42, 92, title, "Times-Bold", 14, INK)

    def part(yy, s):
        pg.rect(42, yy, 511, 15, stroke=None, fill=Color(0.8, 0.8, 0.8))
        pg.text(47, yy + 11, s, "Times-Bold", 10, Color(0.3, 0.3, 0.3))
        return yy + 26

    def stamp(ytop=140):
        sd = parse_iso(f["fields"].get("declaration_date", "")) or D(2026, 12, 1)
        sd = min(sd + dt.timedelta(days=R.randint(1, 4)), AS_OF - dt.timedelta(days=1))
        c.saveState()
        c.translate(430, H - ytop)
        c.rotate(R.uniform(-8, 8))
        red = Color(0.75, 0.15, 0.15)
        c.setStrokeColor(red); c.setFillColor(red); c.setLineWidth(1.4)
        c.roundRect(0, 0, 118, 40, 5, stroke=1, fill=0)
        c.setFont("Helvetica-Bold", 10); c.drawCentredString(59, 27, "RECEIVED")
        c.setFont("Helvetica-Bold", 9); c.drawCentredString(59, 15, sd.strftime("%d %b %Y").upper())
        c.setFont("Helvetica", 6.5); c.drawCentredString(59, 5, "CUSTOMER SERVICE CENTRE")
        c.restoreState()

    def foot(code):
        pg.text(42, 815, f"{code}   Page {pg.pageno} of 2", "Times-Roman", 8, INK)
        pg.text(553, 815, "Council Tax, PO Box 77, Ashwick on Tyne AT1 1AA", "Times-Roman", 8, INK, "right")

    def decl_block(yy, code):
        yy = part(yy, "Part 4  Declaration")
        yy = pg.para(42, yy, "I declare that the information on this form is true and complete to the best "
                     "of my knowledge. I will tell the Council about any change of circumstances. I understand "
                     "that the Council may check this information with other organisations and that knowingly "
                     "giving false information is an offence.", 505, "Times-Roman", 9.5, color=INK) + 14
        field_line(42, yy, 300, "Signature", x["sig"])
        field_line(370, yy, 183, "Date", d.get("declaration_date"))
        yy += 50
        pg.rect(42, yy, 511, 92, stroke=INK, lw=0.8)
        pg.text(50, yy + 14, "FOR OFFICE USE ONLY", "Times-Bold", 9, INK)
        for i, lbl in enumerate(["Checked by", "Date input", "Verified (EDM)", "Notes"]):
            pg.text(50 + (i % 2) * 255, yy + 36 + (i // 2) * 26, lbl, "Times-Roman", 8.5, INK)
            pg.line(120 + (i % 2) * 255, yy + 38 + (i // 2) * 26, 290 + (i % 2) * 255, yy + 38 + (i // 2) * 26, INK, 0.4)
        return yy + 100

    scan_bg()
    if t == "council_tax_spd":
        code = "Form ST/2 (paper) 03/25"
        head("Council Tax - Application for Single Person Discount (25%)", code)
        y = pg.para(42, 110, "Complete this form if you are the only adult (18 or over) living in your home. "
                    "Notes on page 2 explain who can be left out of the count.", 360, "Times-Roman", 9.5,
                    color=INK) + 12
        y = part(y, "Part 1  About you")
        inline(42, y, 300, "Account number", d.get("account_ref"))
        y += 28
        field_line(42, y, 511, "Full name of the person liable for Council Tax (Mr/Mrs/Ms/Miss/Dr)", d.get("applicant_name"))
        y += 40
        field_line(42, y, 511, "Address of the property (number and street)", d.get("address"))
        y += 40
        charboxes(42, y, 8, d.get("postcode"), "Postcode")
        field_line(230, y, 323, "Telephone number", d.get("phone"))
        y += 40
        field_line(42, y, 511, "Email", d.get("email"))
        y += 44
        y = part(y, "Part 2  The change")
        field_line(42, y, 250, "Date from which you have been the only adult", d.get("sole_adult_since"))
        y += 40
        field_line(42, y, 511, "Name of the other adult who has moved out", d.get("other_adult_name"))
        y += 40
        field_line(42, y, 511, "Their forwarding address (if known)", d.get("other_adult_forwarding_address"))
        y += 40
        pg.text(42, y, "Please tell us what changed", "Times-Roman", 9, INK)
        pg.rect(42, y + 5, 511, 62, stroke=INK, lw=0.5)
        if d.get("change_description"):
            for i, ln in enumerate(simpleSplit(d["change_description"], "Courier", 10, 490)):
                typed(48, y + 20 + i * 13, ln, 10)
        y += 82
        y = part(y, "Part 3  Council Tax Support")
        tick(42, y, "I receive Council Tax Support", x.get("ctr") == "Yes")
        tick(250, y, "I do not receive Council Tax Support", x.get("ctr") != "Yes")
        stamp()
        foot(code)
        pg.new_page()
        scan_bg()
        y = 50
        y = decl_block(y, code)
        y += 10
        pg.text(42, y, "Notes", "Times-Bold", 11, INK)
        y += 16
        for note in ["People who are not counted include full-time students, apprentices, people who are "
                     "severely mentally impaired, live-in carers and people aged 18 who still attract child benefit.",
                     "Your discount will start from the date you became the only adult. We can normally backdate a "
                     "discount for up to one year.",
                     "If another adult moves in, you must tell us within 21 days."]:
            y = pg.para(52, y, "- " + note, 490, "Times-Roman", 9, color=INK) + 6
        foot(code)
    elif t == "council_tax_move":
        code = "Form CTM/P 11/24"
        head("Council Tax - Change of Address", code)
        y = 120
        y = part(y, "Part 1  Your move")
        out = d["move_type"] == "out"
        tick(42, y, "I am moving OUT of a property in the borough", out)
        tick(300, y, "I am moving INTO a property in the borough", not out)
        y += 24
        inline(42, y, 330, "Council Tax account number (if known)", d.get("account_ref"))
        y += 28
        field_line(42, y, 511, "Full name", d.get("applicant_name"))
        y += 42
        y = part(y, "Part 2  Addresses")
        field_line(42, y, 511, "Address you are leaving", d.get("previous_address"))
        typed(44, y + 30, x.get("prev_line2"))
        pg.line(42, y + 33, 553, y + 33, INK, 0.5)
        y += 44
        charboxes(42, y, 8, d.get("previous_postcode"), "Postcode")
        y += 38
        field_line(42, y, 511, "New address (or forwarding address if you are leaving the borough)", d.get("new_address"))
        typed(44, y + 30, x.get("new_line2"))
        pg.line(42, y + 33, 553, y + 33, INK, 0.5)
        y += 44
        charboxes(42, y, 8, d.get("new_postcode"), "Postcode")
        y += 38
        y = part(y, "Part 3  Dates and contact details")
        field_line(42, y, 240, "Date of move", d.get("move_date"))
        field_line(300, y, 253, "Telephone", d.get("phone"))
        y += 40
        field_line(42, y, 511, "Email", d.get("email"))
        y += 40
        inline(42, y, 511, "Owner / tenant", x.get("tenure"))
        stamp(106)
        foot(code)
        pg.new_page()
        scan_bg()
        y = decl_block(50, code)
        pg.text(42, y + 10, "Please send a copy of your tenancy agreement or completion statement if you have one.",
                "Times-Italic", 9, INK)
        foot(code)
    else:
        code = "PK/RES/1 (paper)"
        head("Application for a Residents' Parking Permit", code)
        y = pg.para(42, 110, "One form per vehicle. Zones R1 to R9 and Quayside. A household may hold no more "
                    "than two residents' permits at any one time.", 360, "Times-Roman", 9.5, color=INK) + 12
        y = part(y, "Part 1  Applicant")
        field_line(42, y, 511, "Name of applicant", d.get("applicant_name"))
        y += 40
        field_line(42, y, 511, "Address (number and street)", d.get("address"))
        typed(44, y + 30, x.get("line2"))
        pg.line(42, y + 33, 553, y + 33, INK, 0.5)
        y += 44
        charboxes(42, y, 8, d.get("postcode"), "Postcode")
        inline(230, y + 16, 323, "Zone", d.get("zone"))
        y += 40
        field_line(42, y, 240, "Telephone", d.get("phone"))
        field_line(300, y, 253, "Email", d.get("email"))
        y += 44
        y = part(y, "Part 2  Vehicle")
        field_line(42, y, 240, "Registration mark", d.get("vrm"))
        field_line(300, y, 253, "Make", d.get("vehicle_make"))
        y += 40
        field_line(42, y, 240, "Model", x.get("model"))
        field_line(300, y, 253, "Colour", x.get("colour"))
        y += 40
        tick(42, y, "The vehicle is registered to me at this address", True)
        y += 18
        tick(42, y, "It is a company / lease vehicle (attach letter from employer)", False)
        y += 24
        y = part(y, "Part 3  Permit")
        field_line(42, y, 240, "Start date required", d.get("start_date"))
        tick(300, y + 14, "12 months (GBP 45)", True)
        tick(420, y + 14, "6 months (GBP 25)", False)
        stamp()
        foot(code)
        pg.new_page()
        scan_bg()
        y = decl_block(50, code)
        foot(code)
    pg.save()


# ----------------------------------------------------------------------------
# Layout 3: table form, address spanning three rows under a heading cell
# ----------------------------------------------------------------------------

def draw_table(path, f):
    d = disp_fields(f)
    t = f["form_type"]
    x = f["extra"]
    pg = Page(path, title="Application")
    LBLW, X0, X1 = 200, 45, 550
    SHADE = Color(0.88, 0.92, 0.95)
    state = {"y": 0}

    def header(title, code):
        pg.rect(0, 0, W, 64, stroke=None, fill=TEAL)
        crest(pg, 45, 12, 30, white)
        pg.text(85, 32, "Royal Borough of Ashwick on Tyne", "Helvetica-Bold", 15, white)
        pg.text(85, 48, "Civic Centre  |  Quayside  |  Ashwick on Tyne  |  AT1 1AA", "Helvetica", 8, white)
        pg.text(550, 32, code, "Helvetica-Bold", 9, white, "right")
        pg.text(45, 90, title, "Helvetica-Bold", 15, TEAL)
        state["y"] = 102

    def foot():
        pg.text(45, 820, "Data protection: we use the information on this form to administer Council Tax and "
                "parking. See ashwick.gov.uk/privacy.", "Helvetica", 6.5, GREY)
        pg.text(550, 820, f"{pg.pageno}", "Helvetica", 7, GREY, "right")

    def need(h):
        if state["y"] + h > 800:
            foot(); pg.new_page(); state["y"] = 50

    def span(s, dark=True):
        need(18)
        y = state["y"]
        pg.rect(X0, y, X1 - X0, 17, stroke=black, fill=TEAL if dark else SHADE, lw=0.5)
        pg.text(X0 + 5, y + 12, s, "Helvetica-Bold", 9.5, white if dark else black)
        state["y"] += 17

    def row(label, val, h=None):
        ll = simpleSplit(label, "Helvetica", 8.5, LBLW - 10)
        vl = simpleSplit(val or "", "Helvetica", 10, X1 - X0 - LBLW - 12) or [""]
        h = h or max(20, 10 * len(ll) + 8, 12.5 * len(vl) + 8)
        need(h)
        y = state["y"]
        pg.rect(X0, y, LBLW, h, fill=SHADE, lw=0.5)
        pg.rect(X0 + LBLW, y, X1 - X0 - LBLW, h, lw=0.5)
        for i, ln in enumerate(ll):
            pg.text(X0 + 5, y + 12 + i * 10, ln, "Helvetica", 8.5)
        for i, ln in enumerate(vl):
            pg.text(X0 + LBLW + 6, y + 13.5 + i * 12.5, ln, "Helvetica", 10)
        state["y"] += h

    def addr(heading, l1, l2, pc):
        span(heading, dark=False)
        row("Line 1 (house number / flat and street)", l1)
        row("Line 2 (area and town)", l2)
        row("Postcode", pc)

    def gap(n=10):
        state["y"] += n

    def checkbox_row(label, on):
        need(28)
        y = state["y"]
        pg.rect(X0, y, X1 - X0, 28, lw=0.5)
        pg.rect(X0 + 6, y + 8, 11, 11, lw=0.6)
        if on:
            pg.text(X0 + 8.5, y + 17.5, "X", "Helvetica-Bold", 10)
        pg.para(X0 + 24, y + 11, label, X1 - X0 - 30, size=8)
        state["y"] += 28

    def decl():
        gap()
        span("Declaration")
        checkbox_row("I declare that the information I have given on this form is correct and complete. "
                     "I understand it is an offence to give false information.", True)
        row("Signature", x["sig"])
        row("Date", d.get("declaration_date"))
        gap(16)
        need(60)
        y = state["y"]
        pg.rect(350, y, 200, 56, stroke=GREY, lw=0.5)
        pg.text(356, y + 12, "Office use only", "Helvetica-Oblique", 8, GREY)
        pg.text(356, y + 28, "Ref:", "Helvetica", 8, GREY)
        pg.text(356, y + 44, "Action:", "Helvetica", 8, GREY)
        state["y"] += 60

    if t == "council_tax_spd":
        header("Council Tax: Single Person Discount", "Ref RBAT-CT-SPD-T")
        state["y"] = pg.para(45, 110, "Fill in this form if you are the only adult living at your home. "
                             "You can also apply online at ashwick.gov.uk/counciltax.", 500, size=9) + 8
        span("1. Your Council Tax account")
        row("Council Tax reference", d.get("account_ref"))
        row("Name of the person who pays the Council Tax", d.get("applicant_name"))
        addr("Address of the property", d.get("address"), f"{PROPS_BY_LINE(f)}", d.get("postcode"))
        row("Contact telephone", d.get("phone"))
        row("Email address", d.get("email"))
        gap()
        span("2. About the change")
        row("Date from which you have lived alone (no other adult aged 18 or over)", d.get("sole_adult_since"))
        row("Name of the person who moved out", d.get("other_adult_name"))
        row("Where they have moved to (if known)", d.get("other_adult_forwarding_address"))
        row("Tell us what changed", d.get("change_description"), None)
        row("Do you get Council Tax Support?", x.get("ctr"))
        decl()
    elif t == "council_tax_move":
        header("Council Tax: Change of Address", "Ref RBAT-CT-MOV-T")
        state["y"] = pg.para(45, 110, "Use this form to tell us you are moving into, out of or within "
                             "Ashwick on Tyne. Use one form per household.", 500, size=9) + 8
        span("1. About you")
        out = d["move_type"] == "out"
        row("Are you moving in or moving out?", "Moving out" if out else "Moving in")
        row("Full name", d.get("applicant_name"))
        row("Council Tax reference (for the address you are leaving)", d.get("account_ref"))
        gap()
        span("2. Addresses")
        addr("Address you are moving from", d.get("previous_address"), x.get("prev_line2"),
             d.get("previous_postcode"))
        addr("Address you are moving to", d.get("new_address"), x.get("new_line2"), d.get("new_postcode"))
        row("Date of move", d.get("move_date"))
        gap()
        span("3. Contact")
        row("Telephone", d.get("phone"))
        row("Email", d.get("email"))
        row("Owner or tenant?", x.get("tenure"))
        decl()
    else:
        header("Residents' Parking Permit", "Ref RBAT-PK-RES-T")
        state["y"] = pg.para(45, 110, "Permits are available to residents of streets in zones R1-R9 and Quayside. "
                             "No more than two permits per household.", 500, size=9) + 8
        span("1. Applicant")
        row("Full name", d.get("applicant_name"))
        addr("Address where the vehicle is kept", d.get("address"), x.get("line2"), d.get("postcode"))
        row("Residents' zone", d.get("zone"))
        row("Telephone", d.get("phone"))
        row("Email", d.get("email"))
        gap()
        span("2. Vehicle")
        row("Registration number", d.get("vrm"))
        row("Make", d.get("vehicle_make"))
        row("Model", x.get("model"))
        row("Colour", x.get("colour"))
        gap()
        span("3. Permit")
        row("Permit to start on", d.get("start_date"))
        row("Length", "12 months")
        decl()
    foot()
    if pg.pageno == 1:
        pg.new_page()
        y = 60
        pg.text(45, y, "Notes for completing this form", "Helvetica-Bold", 12, TEAL)
        y += 20
        for i, note in enumerate([
                "Write the address exactly as it appears on your Council Tax bill.",
                "Dates should be written day, month, year.",
                "We will write to you within 10 working days. If we need more information we will contact you.",
                "Return the completed form to: Royal Borough of Ashwick on Tyne, Civic Centre, Quayside, "
                "Ashwick on Tyne AT1 1AA."], 1):
            y = pg.para(45, y, f"{i}. {note}", 500, size=9) + 6
        foot()
    pg.save()


def PROPS_BY_LINE(f):
    F = f["fields"]
    for p in PROPS.values():
        if p["postcode"] == F["postcode"] and p["street"] in F["address"]:
            return f"{p['address_line_2']}, {TOWN}"
    return TOWN


# ----------------------------------------------------------------------------
# Layout 4: web summary printed from a phone
# ----------------------------------------------------------------------------

def draw_web(path, f):
    d = disp_fields(f)
    st = R.getstate()
    n = _draw_web(os.devnull, f, d, "?")
    R.setstate(st)
    _draw_web(path, f, d, n)


def _draw_web(path, f, d, npages):
    t = f["form_type"]
    x = f["extra"]
    PW, PH = 300, 640
    pg = Page(path, size=(PW, PH), title="Check your answers")
    sub = parse_iso(f["fields"].get("declaration_date", "")) or D(2026, 12, 1)
    hh, mm = R.randint(7, 22), R.randint(0, 59)
    if x.get("resubmit"):
        mm = min(mm + 1, 59)
    ref = f"WEB-{ {'council_tax_spd': 'SPD', 'council_tax_move': 'MOV', 'parking_permit': 'PRK'}[t] }-{R.randint(100000, 999999)}"
    printed = sub + dt.timedelta(days=R.randint(0, 2))
    GR = Color(0.42, 0.42, 0.46)

    def chrome():
        pg.text(10, 12, f"{printed.strftime('%d/%m/%Y')}, {R.randint(7, 23):02d}:{R.randint(0, 59):02d}",
                "Helvetica", 6, GR)
        pg.text(PW - 10, 12, "Ashwick on Tyne - Online services", "Helvetica", 6, GR, "right")
        pg.text(10, PH - 8, f"https://my.ashwick.gov.uk/forms/{t.replace('_', '-')}/summary", "Helvetica", 6, GR)
        pg.text(PW - 10, PH - 8, f"{pg.pageno}/{npages}", "Helvetica", 6, GR, "right")

    chrome()
    pg.rect(0, 20, PW, 40, stroke=None, fill=NAVY)
    crest(pg, 12, 25, 22, white)
    pg.text(42, 45, "Ashwick on Tyne", "Helvetica-Bold", 13, white)
    pg.text(PW - 12, 45, "Menu", "Helvetica", 9, white, "right")
    title = {"council_tax_spd": "Apply for a single person discount",
             "council_tax_move": "Tell us you are moving",
             "parking_permit": "Apply for a residents' parking permit"}[t]
    y = pg.para(14, 86, title, PW - 28, "Helvetica-Bold", 16, 19)
    y += 6
    pg.rect(14, y, PW - 28, 40, stroke=None, fill=Color(0.0, 0.44, 0.24))
    pg.text(22, y + 16, "Application submitted", "Helvetica-Bold", 10, white)
    pg.text(22, y + 31, f"Your reference: {ref}", "Helvetica", 8.5, white)
    y += 52
    pg.text(14, y, f"Submitted {fmt_date(sub, 'long')} at {hh:02d}:{mm:02d}", "Helvetica", 8, GR)
    y += 18

    def addr_block(l1, l2, pc):
        parts = [p for p in (l1, l2, pc) if p]
        return "\n".join(parts) if parts else None

    if t == "council_tax_spd":
        items = [("Council tax account number", d.get("account_ref")),
                 ("Your full name", d.get("applicant_name")),
                 ("Address", addr_block(d.get("address"), PROPS_BY_LINE(f), d.get("postcode"))),
                 ("Date you became the only adult", d.get("sole_adult_since")),
                 ("Name of the adult who left", d.get("other_adult_name")),
                 ("Their new address", d.get("other_adult_forwarding_address")),
                 ("What changed", d.get("change_description")),
                 ("Do you get council tax support?", x.get("ctr")),
                 ("Phone number", d.get("phone")),
                 ("Email address", d.get("email")),
                 ("Declaration", "I confirm the information I have given is correct"),
                 ("Date of declaration", d.get("declaration_date"))]
    elif t == "council_tax_move":
        out = d["move_type"] == "out"
        items = [("What are you telling us?", "I am moving out of a property in Ashwick on Tyne" if out
                  else "I am moving into a property in Ashwick on Tyne"),
                 ("Council tax account number", d.get("account_ref")),
                 ("Your full name", d.get("applicant_name")),
                 ("Address you are moving out of" if out else "Your previous address",
                  addr_block(d.get("previous_address"), x.get("prev_line2"), d.get("previous_postcode"))),
                 ("Forwarding address" if out else "Address you are moving into",
                  addr_block(d.get("new_address"), x.get("new_line2"), d.get("new_postcode"))),
                 ("Moving date", d.get("move_date")),
                 ("Do you own or rent?", x.get("tenure")),
                 ("Phone number", d.get("phone")),
                 ("Email address", d.get("email")),
                 ("Declaration", "I confirm the information I have given is correct"),
                 ("Date of declaration", d.get("declaration_date"))]
    else:
        zl = {"R1": "St Lawrence", "R2": "Heaton Bank", "R3": "Sandyford", "R4": "Byker Hill",
              "R5": "Sandyford North", "R6": "Westmoor", "R7": "Hetton Bank", "R8": "Longbenton",
              "R9": "Fellside", "Quayside": "Quayside"}
        z = d.get("zone")
        zdisp = (f"Zone {z} - {zl[z]}" if z != "Quayside" else "Quayside zone") if z else None
        items = [("Your full name", d.get("applicant_name")),
                 ("Address where the vehicle is kept", addr_block(d.get("address"), x.get("line2"), d.get("postcode"))),
                 ("Permit zone", zdisp),
                 ("Vehicle registration", d.get("vrm")),
                 ("Vehicle make", d.get("vehicle_make")),
                 ("Vehicle model", x.get("model")),
                 ("Permit start date", d.get("start_date")),
                 ("Permit length", "12 months - GBP 45.00"),
                 ("Phone number", d.get("phone")),
                 ("Email address", d.get("email")),
                 ("Declaration", "I confirm I live at this address and the vehicle is kept here"),
                 ("Date of declaration", d.get("declaration_date"))]
    for q, a in items:
        if not a:
            continue
        lines = []
        for part in a.split("\n"):
            lines += simpleSplit(part, "Helvetica", 14, PW - 28)
        h = 14 + len(lines) * 17 + 10
        if y + h > PH - 24:
            pg.new_page(); chrome(); y = 34
        pg.text(14, y, q.upper(), "Helvetica", 7, GR)
        for i, ln in enumerate(lines):
            pg.text(14, y + 18 + i * 17, ln, "Helvetica", 14, black)
        y += h
        pg.line(14, y - 4, PW - 14, y - 4, Color(0.8, 0.8, 0.82), 0.7)
        y += 8
    if y + 60 > PH - 24:
        pg.new_page(); chrome(); y = 34
    y = pg.para(14, y + 6, "Keep your reference number. We will email you when your application has been "
                "processed, usually within 10 working days.", PW - 28, size=8, color=GR)
    pg.save()
    return pg.pageno


# ----------------------------------------------------------------------------
# Layout 5a: formal letter;  5b: Outlook email printout
# ----------------------------------------------------------------------------

def draw_letter(path, f):
    F, x = f["fields"], f["extra"]
    pg = Page(path, title="Letter")
    font = R.choice(["Times-Roman", "Helvetica"])
    bold = "Times-Bold" if font.startswith("Times") else "Helvetica-Bold"
    y = 60
    if x["show_addr"]:
        pcd = fmt_pc(F["postcode"], R.choice(["std", "std", "nospace"]))
        for ln in [F["address"], x["line2"], TOWN, pcd]:
            pg.text(550, y, ln, font, 10.5, align="right")
            y += 13.5
    else:
        y += 20
    y += 20
    sent = x["sent"]
    pg.text(550, y, fmt_date(sent, R.choice(["long", "ord"])), font, 10.5, align="right")
    y += 30
    dept = {"missed_bin": "Waste and Recycling Services", "council_tax_query": "Council Tax Section",
            "complaint": "Customer Feedback Team", "foi_request": "Information Governance",
            "other": "Highways and Street Lighting"}[F["topic"]]
    for ln in [dept, "Royal Borough of Ashwick on Tyne", "Civic Centre", "Quayside", "Ashwick on Tyne",
               "AT1 1AA"]:
        pg.text(60, y, ln, font, 10.5)
        y += 13.5
    y += 18
    if F.get("account_ref"):
        # formal reference block
        pg.rect(60, y, 230, 34, lw=0.5)
        pg.text(66, y + 13, "Your ref:", font, 9.5)
        pg.text(130, y + 13, fmt_acct(F["account_ref"], R.choice(["space", "ctspace"])), bold, 9.5)
        pg.text(66, y + 27, "Our ref:", font, 9.5)
        pg.text(130, y + 27, "-", font, 9.5)
        y += 52
    pg.text(60, y, x["sal"], font, 11)
    y += 20
    if x["subject"] and not x["anon"]:
        pg.text(60, y, x["subject"], bold, 11)
        y += 20
    for para in x["paras"]:
        y = pg.para(60, y, para, 480, font, 11, 14.5) + 10
    y += 6
    if x["anon"]:
        pg.text(60, y, "A concerned resident", font, 11)
    else:
        pg.text(60, y, "Yours faithfully" if x["sal"].startswith("Dear Sir") else "Yours sincerely", font, 11)
        pg.text(66, y + 30, x["name"].split()[0][0] + ". " + x["name"].split()[-1], "Times-Italic", 16,
                Color(0.1, 0.1, 0.35))
        pg.text(60, y + 50, x["name"], font, 11)
    pg.save()


def draw_email(path, f):
    F, x = f["fields"], f["extra"]
    pg = Page(path, title=x["subject"])
    name = x["name"]
    addr = email_for(name)
    sent = x["sent"]
    hh, mm = R.randint(7, 22), R.randint(0, 59)
    pg.text(40, 40, "Customer Services (RBAT)", "Helvetica-Bold", 13)
    pg.line(40, 48, 555, 48, black, 1.8)
    y = 68
    rows = [("From:", f"{name} <{addr}>" if not x["anon"] else addr),
            ("Sent:", f"{sent.strftime('%A')}, {sent.day} {MONTHS[sent.month-1]} {sent.year} {hh:02d}:{mm:02d}"),
            ("To:", "Customer Services <customer.services@ashwick.gov.uk>"),
            ("Cc:", R.choice(["", "ctax@ashwick.gov.uk" if F["topic"] == "council_tax_query" else ""])),
            ("Subject:", x["subject"])]
    for k, v in rows:
        pg.text(40, y, k, "Helvetica-Bold", 10)
        pg.text(110, y, v, "Helvetica", 10)
        y += 14
    y += 16
    font = "Helvetica"
    greet = R.choice(["Hello,", "Hi,", "Dear Sir or Madam,", "Good morning,"])
    pg.text(40, y, greet, font, 10.5)
    y += 20
    for para in x["paras"]:
        y = pg.para(40, y, para, 500, font, 10.5, 14) + 10
    y += 4
    if x["show_addr"]:
        pg.text(40, y, R.choice(["Kind regards,", "Thanks,", "Regards,"]), font, 10.5)
        y += 16
        sig = [name, F["address"], f"{x['line2']}, {TOWN}",
               fmt_pc(F["postcode"], R.choice(["std", "std", "lower"]))]
        for ln in sig:
            pg.text(40, y, ln, font, 10.5)
            y += 13.5
    else:
        pg.text(40, y, "Thanks", font, 10.5)
        y += 16
        pg.text(40, y, name.split()[0], font, 10.5)
        y += 14
        pg.text(40, y, "Sent from my iPhone", font, 9, GREY)
    pg.text(40, 812, "1", "Helvetica", 8, GREY)
    pg.save()


DRAW = {"numbered_boxes": draw_numbered, "scanned_typed": draw_scanned, "table_multirow": draw_table,
        "phone_web": draw_web, "formal_letter": draw_letter, "outlook_email": draw_email}

# ----------------------------------------------------------------------------
# write everything
# ----------------------------------------------------------------------------

def write_workbook(path):
    wb = Workbook()
    wb.properties.created = dt.datetime(2026, 12, 6, 18, 0, 0)
    ws = wb.active
    ws.title = "properties"
    cols = ["uprn", "address_line_1", "address_line_2", "town", "postcode", "council_tax_band", "ward",
            "parking_zone"]
    ws.append(cols)
    for u in sorted(PROPS):
        p = PROPS[u]
        ws.append([p[c] if p[c] != "" else None for c in cols])
    ws = wb.create_sheet("council_tax_accounts")
    ws.append(["account_ref", "uprn", "liable_parties", "status", "start_date", "end_date", "discounts"])
    for a in sorted(ACCOUNTS, key=lambda a: (a["uprn"], a["start_date"])):
        ws.append([a["account_ref"], a["uprn"], ";".join(a["liable"]), a["status"], a["start_date"],
                   a["end_date"], a["discounts"] or None])
    for row in ws.iter_rows(min_row=2):
        row[0].number_format = "@"
        row[4].number_format = "yyyy-mm-dd"
        row[5].number_format = "yyyy-mm-dd"
    ws = wb.create_sheet("electoral_register")
    ws.append(["elector_number", "full_name", "uprn"])
    for e in sorted(ELECTORS, key=lambda e: (e["uprn"], e["elector_number"])):
        ws.append([e["elector_number"], e["full_name"], e["uprn"]])
    ws = wb.create_sheet("parking_permits")
    ws.append(["permit_ref", "uprn", "vrm", "zone", "valid_from", "valid_to"])
    for p in sorted(PERMITS, key=lambda p: p["permit_ref"]):
        ws.append([p["permit_ref"], p["uprn"], p["vrm"], p["zone"], p["valid_from"], p["valid_to"]])
    for row in ws.iter_rows(min_row=2):
        row[4].number_format = "yyyy-mm-dd"
        row[5].number_format = "yyyy-mm-dd"
    wb.save(path)


def main():
    # unique elector numbers / permit refs / account refs
    assert len({e["elector_number"] for e in ELECTORS}) == len(ELECTORS)
    assert len({p["permit_ref"] for p in PERMITS}) == len(PERMITS)
    assert len({a["account_ref"] for a in ACCOUNTS}) == len(ACCOUNTS)
    if os.path.isdir(INBOX):
        shutil.rmtree(INBOX)
    os.makedirs(INBOX)
    write_workbook(os.path.join(HERE, "records.xlsx"))
    order = list(range(len(FORMS)))
    di = [i for i, f in enumerate(FORMS) if f.get("duplicate_group")]
    while True:
        R.shuffle(order)
        if abs(order.index(di[0]) - order.index(di[1])) > 5:
            break
    # the duplicate pair must not sit next to each other
    names = {}
    for k, i in enumerate(order, 1):
        names[i] = f"doc_{k:04d}.pdf"
    seen = {}
    lines = []
    for i in sorted(order, key=lambda i: names[i]):
        f = FORMS[i]
        fn = names[i]
        DRAW[f["layout"]](os.path.join(INBOX, fn), f)
        key = (f["layout"], f["form_type"])
        split = "test"
        if f["outcome"] == "approved" and seen.get(key, 0) < 2:
            split = "learn"
            seen[key] = seen.get(key, 0) + 1
        rec = {"file": fn, "form_type": f["form_type"], "fields": f["fields"], "outcome": f["outcome"],
               "reasons": f["reasons"], "layout": f["layout"], "split": split}
        if f.get("duplicate_group"):
            rec["duplicate_group"] = f["duplicate_group"]
        lines.append(json.dumps(rec, ensure_ascii=False))
    with open(os.path.join(HERE, "truth.jsonl"), "w") as fh:
        fh.write("\n".join(lines) + "\n")
    from collections import Counter
    print("forms:", len(FORMS), Counter(f["outcome"] for f in FORMS))
    print("properties", len(PROPS), "accounts", len(ACCOUNTS), "electors", len(ELECTORS), "permits", len(PERMITS))


if __name__ == "__main__":
    main()
