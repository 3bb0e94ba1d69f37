#!/usr/bin/env python3
"""Blind test set 37: Ouselea District Council (North Yorkshire).

Deterministic generator: writes records.xlsx, inbox/*.pdf, truth.jsonl and
README.md into the folder this script lives in.  As-of date 2026-12-07.
"""
import datetime as dt
import hashlib
import io
import json
import random
import re
import shutil
import zipfile
from pathlib import Path

from openpyxl import Workbook
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
AS_OF = dt.date(2026, 12, 7)
SEED = 370037
rng = random.Random(SEED)
D = dt.date
W, H = A4
COUNCIL = "Ouselea District Council"
COUNCIL_ADDR = ["Ouselea District Council", "Civic Centre, Market Place", "Ouseby", "North Yorkshire", "OU1 1DC"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]

# ---------------------------------------------------------------- records --
M_FIRST = ["David", "Peter", "Andrew", "Michael", "Graham", "Stephen", "Robert", "James", "Thomas",
           "Daniel", "Mark", "Richard", "Neil", "Ian", "Philip", "Simon", "Craig", "Gareth", "Owen",
           "Matthew", "Christopher", "Alan", "Keith", "Liam", "Ryan", "Jack", "Harry", "Joseph"]
F_FIRST = ["Margaret", "Susan", "Helen", "Karen", "Joanne", "Sarah", "Rachel", "Claire", "Emma",
           "Julie", "Alison", "Patricia", "Gillian", "Lynne", "Hannah", "Rebecca", "Sophie", "Amy",
           "Lucy", "Katherine", "Elizabeth", "Anne", "Deborah", "Catherine", "Wendy", "Fiona", "Jessica"]
SURNAMES = ["Atkinson", "Bainbridge", "Barker", "Brough", "Calvert", "Coates", "Dent", "Dinsdale",
            "Dobson", "Elsworth", "Fairburn", "Foster", "Garside", "Harker", "Hebden", "Hudson",
            "Ibbotson", "Iveson", "Jowett", "Kettlewell", "Kitching", "Layfield", "Lister", "Metcalfe",
            "Moorhouse", "Outhwaite", "Pickersgill", "Pybus", "Rowntree", "Scaife", "Sowerby",
            "Tennant", "Thwaite", "Umpleby", "Verity", "Whitaker", "Wilkinson", "Wray", "Ackroyd",
            "Blenkin", "Cawood", "Dunwell", "Fewster", "Gaunt", "Hardcastle", "Lofthouse", "Mawson",
            "Nattrass", "Petch", "Raw", "Sedgwick", "Thackray", "Wardle", "Yeadon", "Hird", "Clapham"]

TOWNS = [
    ("Ouseby", 1, "Ouseby Central", [("Market Place", "A", 5), ("Bridge Street", "A", 7), ("Castlegate", "A", 7)]),
    ("Ouseby", 2, "Ouseby West", [("Finkle Street", "B", 7), ("Westgate", "B", 7), ("Mill Lane", "B", 6),
                                  ("Station Road", "", 5), ("St Wilfrid's Close", "", 4)]),
    ("Kirkby Ouselea", 3, "Kirkby", [("Kirkgate", "K1", 7), ("High Street", "K1", 6), ("Beck Side", "K2", 7),
                                     ("Chapel Row", "K2", 5), ("Moor Road", "", 5)]),
    ("Thornholme", 4, "Thornholme and Hawbeck", [("Main Street", "", 6), ("The Green", "", 4), ("Ouse View", "", 5)]),
    ("Hawbeck", 5, "Thornholme and Hawbeck", [("Front Street", "", 5), ("Back Lane", "", 4)]),
]
FARMS = [("Low Moor Farm", "Grange Lane"), ("Highfield Farm", "Moor Top"), ("Swallow Barn", "Grange Lane"),
         ("The Granary", "Moor Top"), ("Beckside Cottage", "Easterdale Road"), ("Ings House Farm", "Ings Lane"),
         ("Curlew Cottage", "Easterdale Road"), ("Rigg End Farm", "Rigg Lane")]
PC_LET = "ABDEFGHJLNPQRSTUWXYZ"
WARD_PREFIX = {"Ouseby Central": "OC", "Ouseby West": "OW", "Kirkby": "KY",
               "Thornholme and Hawbeck": "TH", "Easterdale": "ED"}

props = []          # dicts
accounts = {}       # ref -> dict
register = []       # dicts
permits = []        # dicts
used_pcs = set()
used_refs = set()
used_names = set()
used_vrms = set()
elector_seq = {}


def new_pc(district):
    while True:
        pc = f"OU{district} {rng.randint(1, 9)}{rng.choice(PC_LET)}{rng.choice(PC_LET)}"
        if pc not in used_pcs:
            used_pcs.add(pc)
            return pc


def build_properties():
    uprn = 100090011000
    for town, dist, ward, streets in TOWNS:
        for street, zone, n in streets:
            pc = new_pc(dist)
            nums = sorted(rng.sample(range(1, 48), n))
            for num in nums:
                uprn += rng.randint(3, 40)
                props.append(dict(uprn=uprn, line1=f"{num} {street}", line2="", town=town, postcode=pc,
                                  band=rng.choice("AABBBCCCDDEF"), ward=ward, zone=zone, used=False))
    for name, lane in FARMS:
        uprn += rng.randint(3, 40)
        props.append(dict(uprn=uprn, line1=name, line2=lane, town="Easterdale", postcode=new_pc(6),
                          band=rng.choice("DEFG"), ward="Easterdale", zone="", used=False))


def new_ref():
    while True:
        r = f"{rng.choice(['46', '47'])}{rng.randint(0, 999999):06d}"
        if r not in used_refs:
            used_refs.add(r)
            return r


def fake_ref():
    """An 8-digit reference that is not (and will never be) an account."""
    while True:
        r = f"{rng.choice(['46', '47'])}{rng.randint(0, 999999):06d}"
        if r not in used_refs:
            used_refs.add(r)   # reserve so it is never issued
            return r


def new_person(last=None, sex=None):
    while True:
        sex_ = sex or rng.choice("MF")
        first = rng.choice(M_FIRST if sex_ == "M" else F_FIRST)
        l = last or rng.choice(SURNAMES)
        if (first, l) not in used_names:
            used_names.add((first, l))
            title = "Mr" if sex_ == "M" else rng.choice(["Mrs", "Mrs", "Ms", "Miss"])
            return dict(title=title, first=first, last=l)


def full(p):
    return f"{p['first']} {p['last']}"


def add_account(prop, liable, status="active", start=None, end=None, discounts=""):
    ref = new_ref()
    start = start or D(rng.randint(2009, 2024), rng.randint(1, 12), rng.randint(1, 28))
    accounts[ref] = dict(ref=ref, uprn=prop["uprn"], liable=[full(p) for p in liable] if liable and isinstance(liable[0], dict) else list(liable),
                         status=status, start=start, end=end, discounts=discounts)
    return ref


def add_elector(prop, person):
    pre = WARD_PREFIX[prop["ward"]]
    elector_seq[pre] = elector_seq.get(pre, 100) + rng.randint(1, 9)
    register.append(dict(no=f"{pre}-{elector_seq[pre]}", name=full(person) if isinstance(person, dict) else person,
                         uprn=prop["uprn"]))


VL = "ABCDEFGHJKLMNPRSTVWXY"
AGE_IDS = ["15", "16", "18", "19", "21", "22", "24", "25", "65", "66", "68", "69", "70", "71", "73", "74"]


def new_vrm(style=None):
    while True:
        s = style or rng.choice(["cur", "cur", "cur", "cur", "pre", "suf"])
        if s == "cur":
            v = rng.choice(VL) + rng.choice(VL) + rng.choice(AGE_IDS) + "".join(rng.choice(VL) for _ in range(3))
        elif s == "pre":
            v = rng.choice(VL) + str(rng.randint(1, 999)) + "".join(rng.choice(VL) for _ in range(3))
        else:
            v = "".join(rng.choice(VL) for _ in range(3)) + str(rng.randint(1, 999)) + rng.choice(VL)
        if v not in used_vrms:
            used_vrms.add(v)
            return v


def spaced_vrm(v):
    m = re.match(r"^([A-Z]{2}\d{2})([A-Z]{3})$", v)
    if m:
        return f"{m.group(1)} {m.group(2)}"
    m = re.match(r"^([A-Z]\d{1,3})([A-Z]{3})$", v)
    if m:
        return f"{m.group(1)} {m.group(2)}"
    m = re.match(r"^([A-Z]{3})(\d{1,3}[A-Z])$", v)
    return f"{m.group(1)} {m.group(2)}" if m else v


permit_seq = [20410]


def add_permit(prop, vrm, vfrom, vto):
    permit_seq[0] += rng.randint(3, 60)
    permits.append(dict(ref=f"RP{permit_seq[0]:06d}", uprn=prop["uprn"], vrm=vrm, zone=prop["zone"],
                        vfrom=vfrom, vto=vto))


def alloc(pred=lambda p: True):
    cands = [p for p in props if not p["used"] and pred(p)]
    p = rng.choice(cands)
    p["used"] = True
    return p


# ----------------------------------------------------------------- checks --
TITLES = {"mr", "mrs", "ms", "miss", "dr", "mx"}


def nname(s):
    toks = re.sub(r"[.,]", " ", s or "").lower().split()
    while toks and toks[0] in TITLES:
        toks = toks[1:]
    return " ".join(toks)


def naddr(s):
    return " ".join(re.sub(r"[^a-z0-9]+", " ", (s or "").lower()).split())


def npc(s):
    s = re.sub(r"\s+", "", s or "").upper()
    return s[:-3] + " " + s[-3:] if len(s) > 3 else s


def find_prop(line1, pc):
    for p in props:
        if naddr(p["line1"]) == naddr(line1) and p["postcode"] == npc(pc):
            return p
    return None


def reg_at(uprn):
    return [r["name"] for r in register if r["uprn"] == uprn]


def active_permits(pred):
    return [x for x in permits if x["vfrom"] <= AS_OF <= x["vto"] and pred(x)]


VRM_RE = [r"^[A-Z]{2}\d{2}[A-Z]{3}$", r"^[A-Z]\d{1,3}[A-Z]{3}$", r"^[A-Z]{3}\d{1,3}[A-Z]$"]
REQ = {"council_tax_spd": ["account_ref", "applicant_name", "address", "postcode", "sole_adult_since", "declaration_date"],
       "parking_permit": ["applicant_name", "address", "postcode", "vrm", "zone", "start_date", "declaration_date"],
       "correspondence": ["topic", "body"]}


def iso(d):
    return d.isoformat() if d else None


def check(ft, f):
    R = []
    req = list(REQ.get(ft, []))
    if ft == "council_tax_move":
        req = ["move_type", "applicant_name", "move_date", "declaration_date"]
        req += ["account_ref", "previous_address", "previous_postcode"] if f.get("move_type") == "out" else ["new_address", "new_postcode"]
    for k in req:
        if k not in f:
            R.append(f"MISSING_FIELD:{k}")
    if ft == "council_tax_spd":
        acc = accounts.get(f.get("account_ref"))
        if not acc:
            R.append("ACCOUNT_NOT_FOUND")
        else:
            if acc["status"] != "active":
                R.append("ACCOUNT_CLOSED")
            if nname(f["applicant_name"]) not in [nname(x) for x in acc["liable"]]:
                R.append("NAME_MISMATCH")
            p = next(p for p in props if p["uprn"] == acc["uprn"])
            if not (naddr(p["line1"]) == naddr(f["address"]) and p["postcode"] == npc(f["postcode"])):
                R.append("ADDRESS_MISMATCH")
            if "SPD" in acc["discounts"].split(";"):
                R.append("DISCOUNT_ALREADY_APPLIED")
            ok = {nname(f["applicant_name"]), nname(f.get("other_adult_name", ""))}
            if any(nname(n) not in ok for n in reg_at(acc["uprn"])):
                R.append("OTHER_ADULTS_REGISTERED")
        d = f.get("sole_adult_since")
        if d:
            d = D.fromisoformat(d)
            if d > AS_OF:
                R.append("DATE_IN_FUTURE")
            if (AS_OF - d).days > 365:
                R.append("DATE_TOO_OLD")
    elif ft == "council_tax_move":
        if f.get("move_type") == "out":
            acc = accounts.get(f.get("account_ref"))
            if not acc:
                R.append("ACCOUNT_NOT_FOUND")
            else:
                if nname(f["applicant_name"]) not in [nname(x) for x in acc["liable"]]:
                    R.append("NAME_MISMATCH")
                p = next(p for p in props if p["uprn"] == acc["uprn"])
                if not (naddr(p["line1"]) == naddr(f.get("previous_address")) and p["postcode"] == npc(f.get("previous_postcode"))):
                    R.append("ADDRESS_MISMATCH")
        else:
            if not find_prop(f.get("new_address"), f.get("new_postcode")):
                R.append("PROPERTY_NOT_FOUND")
        d = f.get("move_date")
        if d:
            d = D.fromisoformat(d)
            if (d - AS_OF).days > 28:
                R.append("DATE_IN_FUTURE")
            if (AS_OF - d).days > 365:
                R.append("DATE_TOO_OLD")
    elif ft == "parking_permit":
        p = find_prop(f["address"], f["postcode"])
        if not p:
            R.append("PROPERTY_NOT_FOUND")
        else:
            if not p["zone"] or p["zone"] != f.get("zone"):
                R.append("NOT_IN_PERMIT_ZONE")
            liable = [nname(x) for a in accounts.values() if a["uprn"] == p["uprn"] and a["status"] == "active" for x in a["liable"]]
            if nname(f["applicant_name"]) not in liable + [nname(x) for x in reg_at(p["uprn"])]:
                R.append("NOT_RESIDENT")
        if "vrm" in f:
            if not any(re.match(rx, f["vrm"]) for rx in VRM_RE):
                R.append("INVALID_FORMAT:vrm")
            elif active_permits(lambda x: x["vrm"] == f["vrm"]):
                R.append("VRM_HAS_PERMIT")
        if p and len(active_permits(lambda x: x["uprn"] == p["uprn"])) >= 2:
            R.append("PERMIT_CAP_REACHED")
        if f.get("start_date") and (D.fromisoformat(f["start_date"]) - AS_OF).days > 28:
            R.append("DATE_IN_FUTURE")
    elif ft == "correspondence":
        acc_ok = f.get("account_ref") in accounts
        addr_ok = bool(f.get("address") and f.get("postcode") and find_prop(f["address"], f["postcode"]))
        if not f.get("sender_name") or not (acc_ok or addr_ok):
            R.append("SENDER_UNKNOWN")
        if f.get("account_ref") and not acc_ok:
            R.append("ACCOUNT_NOT_FOUND")
    return R


# ------------------------------------------------------------- date text --
def ordsuf(n):
    return "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def fdate(d, style):
    if style == "slash":
        return d.strftime("%d/%m/%Y")
    if style == "slash_short":
        return f"{d.day}/{d.month}/{d.year}"
    if style == "dash":
        return d.strftime("%d-%m-%Y")
    if style == "dot":
        return d.strftime("%d.%m.%Y")
    if style == "long":
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "ord":
        return f"{d.day}{ordsuf(d.day)} {MONTHS[d.month - 1]} {d.year}"
    if style == "us":
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    if style == "iso":
        return d.isoformat()
    raise ValueError(style)


def rdate(a, b):
    return a + dt.timedelta(days=rng.randint(0, (b - a).days))


def phone():
    if rng.random() < 0.55:
        return f"07700 900{rng.randint(0, 999):03d}"
    return f"01{rng.choice(['653', '765', '423', '904'])} {rng.randint(200000, 899999)}"


def email_for(p):
    dom = rng.choice(["example.com", "example.org", "example.net", "example.co.uk"])
    style = rng.choice(["dot", "init", "num"])
    if style == "dot":
        u = f"{p['first']}.{p['last']}".lower()
    elif style == "init":
        u = f"{p['first'][0]}{p['last']}".lower()
    else:
        u = f"{p['first'].lower()}{p['last'].lower()}{rng.randint(1, 99)}"
    return f"{u}@{dom}"


OUT_PLACES = [("Selbury", "OU9"), ("Rawcliffe Bridge", "OU8"), ("Northallerby", "OU7")]
OUT_STREETS = ["Wharf Street", "Clifton Road", "Lime Grove", "Abbey Walk", "Orchard Way", "Nursery Lane",
               "Haxby Road", "Victoria Terrace", "Ropery Lane", "Prospect Place"]


def outside_address():
    town, dist = rng.choice(OUT_PLACES)
    pc = f"{dist} {rng.randint(1, 9)}{rng.choice(PC_LET)}{rng.choice(PC_LET)}"
    flat = rng.random() < 0.3
    line1 = f"{rng.randint(2, 90)} {rng.choice(OUT_STREETS)}"
    if flat:
        line1 = f"Flat {rng.randint(1, 9)}, {line1}"
    return dict(line1=line1, line2="", town=town, postcode=pc)


# -------------------------------------------------------------- scenarios --
def opposite(p):
    return "F" if p["title"] == "Mr" else "M"


def household(prop, n_adults=1, status="active", discounts="", start=None, end=None):
    A = new_person()
    people = [A]
    if n_adults >= 2:
        people.append(new_person(last=A["last"] if rng.random() < 0.7 else None, sex=opposite(A)))
    return people


def spd_raw(layout, kind, variant):
    prop = alloc()
    A = new_person()
    B = None
    raw = dict(person=A, addr=prop, show_title=rng.random() < 0.75, phone=phone() if rng.random() < 0.85 else None)
    raw["email"] = email_for(A) if rng.random() < 0.6 else None
    since = rdate(D(2026, 1, 12), D(2026, 11, 20))
    liable, reg = [A], [A]
    other, desc = None, None
    if kind in ("clean", "NAME_MISMATCH", "OTHER_ADULTS_REGISTERED", "DATE_IN_FUTURE") and variant % 4 != 0 or kind in ("NAME_MISMATCH", "OTHER_ADULTS_REGISTERED"):
        B = new_person(last=A["last"] if rng.random() < 0.6 else None, sex=opposite(A))
        other = B
        liable = [A, B]
        reg = [A, B] if variant % 2 == 1 or kind == "OTHER_ADULTS_REGISTERED" else [A]
    if kind == "clean" and variant % 4 == 3:
        # an adult son or daughter has left; parent alone on the account
        B = new_person(last=A["last"])
        other = B
        liable = [A]
        reg = [A, B]
    acct_ref = None
    if kind == "NAME_MISMATCH":
        # the account is in the other adult's sole name
        liable = [B]
        reg = [A, B]
    if kind == "OTHER_ADULTS_REGISTERED":
        C = new_person(last=A["last"])
        reg = [A, B, C]
    if kind == "DATE_IN_FUTURE":
        since = rng.choice([D(2026, 12, 31), D(2027, 1, 9)])
    if kind == "DATE_TOO_OLD":
        since = D(2025, 9, 28)
    discounts = "SPD" if kind == "DISCOUNT_ALREADY_APPLIED" else rng.choice(["", "", "", ""])
    acct_ref = add_account(prop, liable, discounts=discounts)
    for p in reg:
        add_elector(prop, p)
    if kind == "ACCOUNT_NOT_FOUND":
        real = acct_ref
        acct_ref = fake_ref()
        raw["real_ref"] = real
    raw["account_ref"] = acct_ref
    raw["since"] = since
    raw["other"] = other
    if other and rng.random() < 0.7:
        o = outside_address()
        raw["other_fwd"] = o
    else:
        raw["other_fwd"] = None
    # what changed
    t = variant % 5
    if other and liable == [A, B] or (other and kind == "NAME_MISMATCH"):
        rel = "husband" if other["title"] == "Mr" else "wife"
        if other["last"] != A["last"]:
            rel = "partner"
        opts = [f"My {rel} moved out on {fdate(since, 'long')} and we have separated.",
                f"{other['first']} and I have separated. {('He' if other['title']=='Mr' else 'She')} moved out permanently.",
                f"My {rel} has moved out to live in {raw['other_fwd']['town'] if raw['other_fwd'] else 'another area'}.",
                None]
        desc = opts[t % 4]
    elif other:
        kid = "son" if other["title"] == "Mr" else "daughter"
        desc = [f"My {kid} has moved into his own flat." if kid == "son" else f"My {kid} has moved into her own flat.",
                f"My {kid} moved out on {fdate(since, 'ord')} to live with friends.", None][t % 3]
    else:
        desc = ["My lodger left and I now live on my own.", "I have been on my own since my lodger moved out.",
                None][t % 3]
    if kind == "DATE_IN_FUTURE":
        desc = f"My partner is moving out on {fdate(since, 'long')}. I understand I cannot claim before then." if other else None
        if other:
            desc = desc.replace("partner", "husband" if other["title"] == "Mr" else "partner")
    raw["desc"] = desc
    decl_lo = max(D(2026, 11, 2), since if since <= AS_OF else D(2026, 11, 2))
    raw["decl"] = rdate(decl_lo, D(2026, 12, 4)) if kind != "MISSING_FIELD:declaration_date" else None
    if kind == "ADDRESS_MISMATCH":
        pc = prop["postcode"]
        bad = pc[:-2] + pc[-1] + pc[-2] if pc[-1] != pc[-2] else pc[:-1] + ("A" if pc[-1] != "A" else "B")
        raw["pc_written"] = bad
    return raw


def name_written(layout, p, show_title):
    if layout == "paper_combs":
        return f"{p['first']} {p['last']}".upper()
    return (f"{p['title']} " if show_title else "") + f"{p['first']} {p['last']}"


def up(layout, s):
    return s.upper() if (layout == "paper_combs" and s) else s


def addr_oneline(a):
    return ", ".join(x for x in [a["line1"], a.get("line2"), a["town"], a["postcode"]] if x)


def spd_truth(layout, raw):
    A = raw["person"]
    f = dict(account_ref=raw["account_ref"], applicant_name=name_written(layout, A, raw["show_title"]),
             address=up(layout, raw["addr"]["line1"]), postcode=npc(raw.get("pc_written") or raw["addr"]["postcode"]),
             sole_adult_since=iso(raw["since"]))
    if raw["other"]:
        f["other_adult_name"] = up(layout, full(raw["other"]))
    if raw["other_fwd"]:
        f["other_adult_forwarding_address"] = up(layout, addr_oneline(raw["other_fwd"]))
    if raw["desc"]:
        f["change_description"] = up(layout, raw["desc"])
    if raw["phone"]:
        f["phone"] = raw["phone"]
    if raw["email"]:
        f["email"] = raw["email"]
    if raw["decl"]:
        f["declaration_date"] = iso(raw["decl"])
    return f


def move_raw(layout, kind, variant):
    raw = dict(show_title=rng.random() < 0.7)
    mtype = "in" if kind in ("clean_in", "PROPERTY_NOT_FOUND", "dup") else "out"
    raw["move_type"] = mtype
    A = new_person()
    raw["person"] = A
    raw["phone"] = phone() if rng.random() < 0.85 else None
    raw["email"] = email_for(A) if rng.random() < 0.65 else None
    mdate = rdate(D(2026, 8, 20), D(2026, 12, 28))
    if mtype == "out":
        prop = alloc()
        liable = [A] if variant % 2 == 0 else [A, new_person(last=A["last"], sex=opposite(A))]
        if kind == "NAME_MISMATCH":
            # a relative fills in the form for the liable person
            L = new_person(sex="F")
            liable = [L]
            add_elector(prop, L)
            raw["on_behalf_of"] = L
        else:
            for p in liable:
                add_elector(prop, p)
        ref = add_account(prop, liable)
        raw["account_ref"] = ref
        raw["prev"] = dict(prop)
        if kind == "ADDRESS_MISMATCH":
            m = re.match(r"^(\d+) (.*)$", prop["line1"])
            n = int(m.group(1))
            n2 = int(str(n)[::-1]) if n >= 10 and str(n)[::-1] != str(n) and not str(n).endswith("0") else n + 2
            raw["prev"]["line1"] = f"{n2} {m.group(2)}"
        raw["new"] = outside_address() if rng.random() < 0.8 else None
        if kind == "DATE_IN_FUTURE":
            mdate = D(2027, 2, 26)
        if kind == "DATE_TOO_OLD":
            mdate = D(2025, 10, 31)
    else:
        if kind == "PROPERTY_NOT_FOUND":
            newp = dict(line1=f"{rng.randint(3, 30)} Tannery Court", line2="", town="Ouseby", postcode=new_pc(2))
        else:
            newp = alloc(lambda p: True)
            old = [new_person()]
            add_account(newp, old, status="closed", start=D(2019, 4, 1), end=mdate - dt.timedelta(days=rng.randint(1, 40)))
        raw["new"] = dict(newp)
        raw["prev"] = outside_address() if rng.random() < 0.7 else None
        raw["account_ref"] = None
    raw["mdate"] = None if kind == "MISSING_FIELD:move_date" else mdate
    lo = D(2026, 11, 1)
    raw["decl"] = rdate(lo, D(2026, 12, 4))
    return raw


def move_truth(layout, raw):
    A = raw["person"]
    f = dict(move_type=raw["move_type"], applicant_name=name_written(layout, A, raw["show_title"]))
    if raw["account_ref"]:
        f["account_ref"] = raw["account_ref"]
    if raw["prev"]:
        f["previous_address"] = up(layout, raw["prev"]["line1"])
        f["previous_postcode"] = npc(raw["prev"]["postcode"])
    if raw["new"]:
        f["new_address"] = up(layout, raw["new"]["line1"])
        f["new_postcode"] = npc(raw["new"]["postcode"])
    if raw["mdate"]:
        f["move_date"] = iso(raw["mdate"])
    if raw["phone"]:
        f["phone"] = raw["phone"]
    if raw["email"]:
        f["email"] = raw["email"]
    if raw["decl"]:
        f["declaration_date"] = iso(raw["decl"])
    return f


MAKES = [("Ford", "Fiesta"), ("Vauxhall", "Corsa"), ("Volkswagen", "Golf"), ("Toyota", "Yaris"), ("Nissan", "Qashqai"),
         ("Kia", "Sportage"), ("Skoda", "Octavia"), ("Peugeot", "208"), ("Honda", "Jazz"), ("Land Rover", "Defender"),
         ("Mini", "Cooper"), ("Hyundai", "Tucson"), ("Renault", "Clio"), ("Audi", "A3"), ("Subaru", "Forester")]
COLOURS = ["Silver", "Blue", "Black", "Red", "White", "Grey", "Green"]


def park_raw(layout, kind, variant):
    raw = dict(show_title=rng.random() < 0.7)
    A = new_person()
    raw["person"] = A
    raw["phone"] = phone() if rng.random() < 0.9 else None
    raw["email"] = email_for(A) if rng.random() < 0.7 else None
    make = rng.choice(MAKES)
    raw["make"], raw["model"], raw["colour"] = make[0], make[1], rng.choice(COLOURS)
    zoned = lambda p: bool(p["zone"])
    vrm = new_vrm()
    start = rdate(D(2026, 11, 23), D(2027, 1, 2))
    if kind == "PROPERTY_NOT_FOUND":
        base = alloc(zoned)
        add_account(base, [new_person()])
        m = re.match(r"^(\d+) (.*)$", base["line1"])
        prop = dict(base, line1=f"{m.group(1)}A {m.group(2)}")
        raw["zone"] = base["zone"]
    else:
        prop = alloc(zoned)
        raw["zone"] = prop["zone"]
        liable = [A]
        reg = [A]
        if kind == "clean" and variant % 4 == 2:
            parent = new_person(last=A["last"])
            liable = [parent]
            reg = [parent, A]
        if kind == "NOT_RESIDENT":
            liable = [rng.choice(["Castlegate Holiday Lets Ltd", "Ouse Valley Cottages Ltd", "Dalesway Stays Ltd"])]
            reg = []
        add_account(prop, liable if isinstance(liable[0], dict) else liable,
                    start=D(2026, 10, 1) if kind == "VRM_HAS_PERMIT" else None)
        for p in reg:
            add_elector(prop, p)
        if kind == "clean" and variant % 4 == 1:
            add_permit(prop, new_vrm(), D(2026, 4, 1), D(2027, 3, 31))
        if kind == "clean" and variant % 4 == 3:
            add_permit(prop, vrm, D(2025, 12, 1), D(2026, 11, 30))   # expired: a renewal
        if kind == "PERMIT_CAP_REACHED":
            add_permit(prop, new_vrm(), D(2026, 2, 1), D(2027, 1, 31))
            add_permit(prop, new_vrm(), D(2026, 6, 15), D(2027, 6, 14))
        if kind == "VRM_HAS_PERMIT":
            oldp = alloc(lambda p: bool(p["zone"]) and p["zone"] != prop["zone"])
            add_account(oldp, [A], status="closed", start=D(2021, 5, 1), end=D(2026, 9, 30))
            add_account(oldp, [new_person()], start=D(2026, 10, 1))
            add_permit(oldp, vrm, D(2026, 5, 1), D(2027, 4, 30))
        if kind == "NOT_IN_PERMIT_ZONE":
            raw["zone"] = {"A": "B", "B": "A", "K1": "K2", "K2": "K1"}[prop["zone"]]
    if kind == "INVALID_FORMAT:vrm":
        vrm = new_vrm("cur")[:6]     # one letter short: not a valid UK registration
    if kind == "DATE_IN_FUTURE":
        start = D(2027, 2, 1)
    raw["vrm"] = None if kind == "MISSING_FIELD:vrm" else vrm
    raw["addr"] = prop
    raw["start"] = start
    raw["decl"] = rdate(D(2026, 11, 9), D(2026, 12, 4))
    return raw


def park_truth(layout, raw):
    A = raw["person"]
    f = dict(applicant_name=name_written(layout, A, raw["show_title"]), address=up(layout, raw["addr"]["line1"]),
             postcode=npc(raw["addr"]["postcode"]))
    if raw["vrm"]:
        f["vrm"] = raw["vrm"]
    f["vehicle_make"] = up(layout, raw["make"])
    f["zone"] = raw["zone"]
    f["start_date"] = iso(raw["start"])
    if raw["phone"]:
        f["phone"] = raw["phone"]
    if raw["email"]:
        f["email"] = raw["email"]
    if raw["decl"]:
        f["declaration_date"] = iso(raw["decl"])
    return f


# ------------------------------------------------------------ PDF helpers --
INK = colors.HexColor("#1b2f8f")
GREY = colors.HexColor("#5a5a5a")


def new_canvas(path, title):
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setTitle(title)
    c.setAuthor(COUNCIL)
    c.setCreator("Ouselea DC")
    return c


def squiggle(c, x, y, w=120, seed=1):
    r = random.Random(seed)
    c.saveState()
    c.setStrokeColor(INK)
    c.setLineWidth(1.1)
    p = c.beginPath()
    p.moveTo(x, y + r.uniform(0, 6))
    cx = x
    while cx < x + w:
        nx = cx + r.uniform(12, 26)
        p.curveTo(cx + 4, y + r.uniform(8, 18), nx - 4, y - r.uniform(2, 8), nx, y + r.uniform(0, 9))
        cx = nx
    c.drawPath(p, stroke=1, fill=0)
    c.restoreState()


def para(c, x, y, text, width, font="Helvetica", size=8, lead=None, color=colors.black):
    lead = lead or size * 1.25
    c.setFont(font, size)
    c.setFillColor(color)
    for line in simpleSplit(text, font, size, width):
        c.drawString(x, y, line)
        y -= lead
    c.setFillColor(colors.black)
    return y


# ===================================================== layout 1: paper_combs
class Paper:
    CW, CH = 15, 18

    def __init__(self, c, code, total_pages):
        self.c, self.code, self.total = c, code, total_pages
        self.page = 1
        self.y = H - 40

    def footer(self):
        c = self.c
        c.setFont("Helvetica", 7)
        c.setFillColor(GREY)
        c.drawString(40, 28, f"{self.code}   Ouselea District Council, Civic Centre, Market Place, Ouseby OU1 1DC")
        c.drawRightString(W - 40, 28, f"Page {self.page} of {self.total}")
        c.setFillColor(colors.black)

    def newpage(self):
        self.footer()
        self.c.showPage()
        self.page += 1
        self.y = H - 45

    def header(self, dept, title, sub):
        c = self.c
        c.setFillColor(colors.HexColor("#2d5f3f"))
        c.rect(40, H - 78, W - 80, 44, stroke=0, fill=1)
        c.setFillColor(colors.white)
        c.setFont("Helvetica-Bold", 15)
        c.drawString(50, H - 55, "Ouselea")
        c.setFont("Helvetica", 9)
        c.drawString(50, H - 68, "District Council")
        c.setFont("Helvetica-Bold", 11)
        c.drawRightString(W - 50, H - 55, dept)
        c.setFont("Helvetica", 8)
        c.drawRightString(W - 50, H - 68, "www.ouselea.gov.uk  |  01653 600600")
        c.setFillColor(colors.black)
        c.setFont("Helvetica-Bold", 14)
        c.drawString(40, H - 100, title)
        self.y = para(c, 40, H - 115, sub, W - 80, size=8.5) - 6

    def section(self, text):
        if self.y < 120:
            self.newpage()
        c = self.c
        c.setFillColor(colors.HexColor("#d9e4dc"))
        c.rect(40, self.y - 14, W - 80, 17, stroke=0, fill=1)
        c.setFillColor(colors.black)
        c.setFont("Helvetica-Bold", 10)
        c.drawString(46, self.y - 9, text)
        self.y -= 26

    def note(self, text, size=7.5):
        self.y = para(self.c, 46, self.y, text, W - 92, font="Helvetica-Oblique", size=size) - 4

    def _boxes(self, x, y, n, value, caps=True):
        c = self.c
        c.setStrokeColor(colors.black)
        c.setLineWidth(0.6)
        for i in range(n):
            c.rect(x + i * self.CW, y, self.CW, self.CH, stroke=1, fill=0)
        if value:
            c.setFont("Courier-Bold", 12)
            c.setFillColor(INK)
            for i, ch in enumerate(value[:n]):
                c.drawCentredString(x + i * self.CW + self.CW / 2, y + 5, ch.upper() if caps else ch)
            c.setFillColor(colors.black)

    def combs(self, items):
        """items: list of (label, value, ncells, x)"""
        if self.y < 110:
            self.newpage()
        c = self.c
        for label, value, n, x in items:
            c.setFont("Helvetica", 8.5)
            c.drawString(x, self.y, label)
            self._boxes(x, self.y - 24, n, value)
        self.y -= 36

    def datecomb(self, label, d, x=46, label_width=None):
        if self.y < 110:
            self.newpage()
        c = self.c
        lines = simpleSplit(label, "Helvetica", 8.5, label_width or (W - 92))
        c.setFont("Helvetica", 8.5)
        for i, ln in enumerate(lines):
            c.drawString(x, self.y - i * 10.5, ln)
        y0 = self.y - (len(lines) - 1) * 10.5 - 24
        s = d.strftime("%d%m%Y") if d else ""
        parts = [(s[0:2], 2, "DD"), (s[2:4], 2, "MM"), (s[4:8], 4, "YYYY")]
        cx = x
        for val, n, cap in parts:
            self._boxes(cx, y0, n, val)
            c.setFont("Helvetica", 6)
            c.setFillColor(GREY)
            c.drawCentredString(cx + n * self.CW / 2, y0 - 7, cap)
            c.setFillColor(colors.black)
            cx += n * self.CW + 8
        self.y = y0 - 20

    def lines(self, label, values, n, x=46, width=None):
        if self.y < 80 + n * 20:
            self.newpage()
        c = self.c
        width = width or (W - 46 - x)
        c.setFont("Helvetica", 8.5)
        c.drawString(x, self.y, label)
        y = self.y - 20
        vals = list(values) + [""] * n
        for i in range(n):
            c.setStrokeColor(colors.HexColor("#777777"))
            c.setLineWidth(0.5)
            c.line(x, y - 3, x + width, y - 3)
            if vals[i]:
                c.setFont("Courier-Bold", 11)
                c.setFillColor(INK)
                c.drawString(x + 3, y, vals[i])
                c.setFillColor(colors.black)
            y -= 20
        self.y = y - 4

    def ticks(self, label, opts, chosen):
        if self.y < 100:
            self.newpage()
        c = self.c
        c.setFont("Helvetica", 8.5)
        c.drawString(46, self.y, label)
        y = self.y - 18
        x = 52
        for o in opts:
            c.rect(x, y - 2, 11, 11, stroke=1, fill=0)
            if o == chosen:
                c.setFont("Courier-Bold", 12)
                c.setFillColor(INK)
                c.drawCentredString(x + 5.5, y, "X")
                c.setFillColor(colors.black)
            c.setFont("Helvetica", 8.5)
            c.drawString(x + 16, y, o)
            x += 30 + c.stringWidth(o, "Helvetica", 8.5) + 10
        self.y = y - 18

    def declaration(self, text, d, seed, signed=True):
        self.section("Declaration")
        self.y = para(self.c, 46, self.y, text, W - 92, size=8.5) - 10
        c = self.c
        c.setFont("Helvetica", 8.5)
        c.drawString(46, self.y, "Signature")
        c.rect(46, self.y - 40, 250, 34, stroke=1, fill=0)
        if signed:
            squiggle(c, 60, self.y - 28, 150, seed)
        self.y -= 50
        self.datecomb("Date", d)

    def office(self, rows):
        if self.y < 120:
            self.newpage()
        c = self.c
        top = self.y
        h = 16 + 18 * ((len(rows) + 1) // 2)
        c.setLineWidth(1)
        c.setDash(3, 2)
        c.rect(40, top - h, W - 80, h, stroke=1, fill=0)
        c.setDash()
        c.setFont("Helvetica-Bold", 8)
        c.drawString(46, top - 11, "FOR OFFICE USE ONLY")
        c.setFont("Helvetica", 7.5)
        for i, r in enumerate(rows):
            x = 46 + (i % 2) * 260
            yy = top - 28 - (i // 2) * 18
            c.drawString(x, yy, r)
            c.line(x + c.stringWidth(r, "Helvetica", 7.5) + 4, yy - 2, x + 240, yy - 2)
        self.y = top - h - 14

    def finish(self):
        self.footer()
        self.c.save()


def acct_cells(ref):
    return ref


def pc_cells(pc):
    a, b = pc.split(" ")
    return a.ljust(4) + b


def render_paper(path, ft, raw, truth, seed):
    L = "paper_combs"
    c = new_canvas(path, {"council_tax_spd": "Single Person Discount application",
                          "council_tax_move": "Council Tax change of address",
                          "parking_permit": "Residents parking permit application"}[ft])
    code = {"council_tax_spd": "CT/SPD/1 (04/26)", "council_tax_move": "CT/MOV/2 (04/26)",
            "parking_permit": "PK/RES/1 (03/26)"}[ft]
    P = Paper(c, code, 2)
    A = raw["person"]
    caps_note = ("Please complete this form in BLACK ink using BLOCK CAPITALS, one letter or number in each box. "
                 "Tick the boxes that apply. If you need help filling in this form, phone 01653 600600.")
    if ft == "council_tax_spd":
        P.header("Council Tax", "Single Person Discount - application form",
                 "If you are the only adult (aged 18 or over) living in your home you may be entitled to a 25% "
                 "discount on your Council Tax. " + caps_note)
        P.section("Section 1  -  About you")
        P.combs([("Council Tax account number", raw["account_ref"], 8, 46),
                 ("Title (optional)", "", 4, 330)])
        P.combs([("Surname", A["last"].upper(), 20, 46)])
        P.combs([("Forename(s)", A["first"].upper(), 20, 46)])
        P.lines("Daytime telephone number", [truth.get("phone", "")], 1, width=230)
        P.lines("Email address", [truth.get("email", "")], 1, width=330)
        P.section("Section 2  -  The property you are claiming for")
        a = raw["addr"]
        P.lines("Address", [truth["address"]] + [up(L, x) for x in [a.get("line2"), a["town"]] if x], 3, width=330)
        P.combs([("Postcode", pc_cells(truth["postcode"]), 8, 46)])
        P.section("Section 3  -  About the change")
        P.datecomb("Date from which you have been the only adult (aged 18 or over) living at the property",
                   raw["since"])
        P.lines("Full name of the adult who has left (if applicable)", [truth.get("other_adult_name", "")], 1, width=330)
        P.lines("Their new address, if known", [truth.get("other_adult_forwarding_address", "")], 1)
        desc = simpleSplit(truth.get("change_description", ""), "Courier-Bold", 11, W - 110)
        P.lines("Please tell us what has changed", desc, 3)
        P.newpage()
        P.declaration("I declare that the information I have given on this form is correct and complete. I understand "
                      "that I must tell the Council within 21 days if anyone aged 18 or over comes to live at the "
                      "property, and that giving false information may lead to a penalty of up to \u00a370 or prosecution.",
                      raw["decl"], seed)
        P.office(["Date received", "Checked by", "Discount from", "Entered on system", "Visit required Y/N", "Batch no."])
        P.section("Guidance notes")
        P.note("Who counts as an adult? Anyone aged 18 or over who normally lives at the property. Some people are "
               "'disregarded', for example full-time students, student nurses, apprentices and people who are severely "
               "mentally impaired. If you think someone living with you is disregarded, please phone us rather than use this form.")
        P.note("We check claims against the electoral register and other records. Return the completed form to Council "
               "Tax, Ouselea District Council, Civic Centre, Market Place, Ouseby OU1 1DC.")
    elif ft == "council_tax_move":
        P.header("Council Tax", "Tell us you are moving home",
                 "Use this form to tell us when you move into, out of or within the Ouselea district. " + caps_note)
        P.section("Section 1  -  Your move")
        P.ticks("Are you moving in or out?", ["Moving into a property in Ouselea", "Moving out of a property in Ouselea"],
                "Moving into a property in Ouselea" if raw["move_type"] == "in" else "Moving out of a property in Ouselea")
        P.combs([("Council Tax account number (if known)", raw["account_ref"] or "", 8, 46)])
        P.combs([("Surname", A["last"].upper(), 20, 46)])
        P.combs([("Forename(s)", A["first"].upper(), 20, 46)])
        P.datecomb("Date you moved or will move", raw["mdate"])
        P.section("Section 2  -  The address you are leaving")
        pv = raw["prev"]
        P.lines("Address", [truth.get("previous_address", ""), up(L, pv["town"]) if pv else ""], 2, width=330)
        P.combs([("Postcode", pc_cells(truth["previous_postcode"]) if pv else "", 8, 46)])
        P.section("Section 3  -  The address you are moving to (your forwarding address)")
        nw = raw["new"]
        P.lines("Address", [truth.get("new_address", ""), up(L, nw["town"]) if nw else ""], 2, width=330)
        P.combs([("Postcode", pc_cells(truth["new_postcode"]) if nw else "", 8, 46)])
        P.newpage()
        P.section("Section 4  -  Contact details")
        P.lines("Telephone number", [truth.get("phone", "")], 1, width=230)
        P.lines("Email address", [truth.get("email", "")], 1, width=330)
        P.declaration("I declare that the information I have given is true and complete to the best of my knowledge. "
                      "I understand that the Council may check this information with other records.", raw["decl"], seed)
        P.office(["Date received", "Account closed/opened", "Final bill issued", "Checked by", "Landlord informed", "Batch no."])
        P.section("Notes")
        P.note("If you are moving out, we will send a final bill to your forwarding address. If you are moving in, we will "
               "set up a new Council Tax account and send you a bill. Please allow 10 working days.")
    else:
        P.header("Parking Services", "Residents' parking permit - application",
                 "Permits are issued for one vehicle per application and are valid for 12 months. Each property may hold up "
                 "to two residents' permits. " + caps_note)
        P.section("Section 1  -  About you")
        P.combs([("Surname", A["last"].upper(), 20, 46)])
        P.combs([("Forename(s)", A["first"].upper(), 20, 46)])
        a = raw["addr"]
        P.lines("Home address", [truth["address"]] + [up(L, x) for x in [a.get("line2"), a["town"]] if x], 3, width=330)
        P.combs([("Postcode", pc_cells(truth["postcode"]), 8, 46)])
        P.lines("Telephone number", [truth.get("phone", "")], 1, width=230)
        P.lines("Email address", [truth.get("email", "")], 1, width=330)
        P.section("Section 2  -  Your vehicle")
        vrm = spaced_vrm(raw["vrm"]) if raw["vrm"] else ""
        P.combs([("Vehicle registration number", vrm, 8, 46), ("Permit zone", raw["zone"], 2, 330)])
        P.lines("Make", [truth.get("vehicle_make", "")], 1, width=200)
        P.lines("Model", [up(L, raw["model"])], 1, width=200)
        P.lines("Colour", [up(L, raw["colour"])], 1, width=200)
        P.ticks("The vehicle is:", ["Owned by me", "A company car", "Leased"], rng.choice(["Owned by me", "Owned by me", "Leased"]))
        P.datecomb("Date you would like the permit to start", raw["start"])
        P.newpage()
        P.section("Section 3  -  Proof of residence")
        P.ticks("I have enclosed a copy of:", ["Council Tax bill", "Tenancy agreement", "V5C logbook"], "Council Tax bill")
        P.note("The vehicle must be registered to you at the address above. We will return original documents by post.")
        P.declaration("I apply for a residents' parking permit for the vehicle above. I declare that I live at the address "
                      "given and that the information on this form is correct. I understand the permit may be withdrawn "
                      "if it is misused.", raw["decl"], seed)
        P.office(["Date received", "Permit no.", "Fee paid", "Checked by", "Zone verified", "Issued on"])
    P.finish()


# ==================================================== layout 2: fillable_pdf
class Fill:
    def __init__(self, c):
        self.c = c
        self.n = 0
        self.y = H - 40
        self.page = 1

    def fld(self, tip, value, x, y, w, h=17, multiline=False):
        self.n += 1
        kw = dict(name=f"Text{self.n}", tooltip=tip, x=x, y=y, width=w, height=h, value=value or "",
                  fontName="Helvetica", fontSize=10, borderColor=colors.HexColor("#6b7f99"),
                  fillColor=colors.HexColor("#eef3fb"), textColor=colors.black, borderWidth=0.8, forceBorder=True)
        if multiline:
            kw["fieldFlags"] = "multiline"
        self.c.acroForm.textfield(**kw)

    def row(self, label, value, h=17, multiline=False, hint=None):
        if self.y - h < 70:
            self.newpage()
        c = self.c
        lines = simpleSplit(label, "Helvetica", 9, 180)
        c.setFont("Helvetica", 9)
        for i, ln in enumerate(lines):
            c.drawString(44, self.y - 12 - i * 10.5, ln)
        if hint:
            c.setFont("Helvetica-Oblique", 7)
            c.setFillColor(GREY)
            c.drawString(44, self.y - 12 - len(lines) * 10.5, hint)
            c.setFillColor(colors.black)
        self.fld(label, value, 235, self.y - h, 315, h, multiline)
        self.y -= max(h, len(lines) * 10.5 + (9 if hint else 0)) + 8

    def heading(self, text):
        if self.y < 110:
            self.newpage()
        c = self.c
        c.setFillColor(colors.HexColor("#1f4e79"))
        c.rect(40, self.y - 16, W - 80, 18, stroke=0, fill=1)
        c.setFillColor(colors.white)
        c.setFont("Helvetica-Bold", 10)
        c.drawString(46, self.y - 11, text)
        c.setFillColor(colors.black)
        self.y -= 26

    def text(self, t, size=8.5, font="Helvetica"):
        self.y = para(self.c, 44, self.y - 4, t, W - 88, font=font, size=size) - 4

    def check(self, label, on):
        c = self.c
        self.nc = getattr(self, "nc", 0) + 1
        self.c.acroForm.checkbox(name=f"Check Box{self.nc}", tooltip=label, x=44, y=self.y - 14, size=12, checked=on,
                                 buttonStyle="check", borderColor=colors.HexColor("#6b7f99"), fillColor=colors.white)
        self.y = para(c, 62, self.y - 10, label, W - 110, size=8.5) - 6

    def footer(self, code):
        c = self.c
        c.setFont("Helvetica", 7)
        c.setFillColor(GREY)
        c.drawString(40, 26, f"{code}  -  Ouselea District Council - fillable form. Save the completed form and email it "
                             f"to the address shown, or print and post it.")
        c.drawRightString(W - 40, 26, f"{self.page}")
        c.setFillColor(colors.black)

    def newpage(self):
        self.footer(self.code)
        self.c.showPage()
        self.page += 1
        self.y = H - 45


def fmt_acct(ref, style):
    return {"plain": ref, "ct": "CT" + ref, "space": ref[:4] + " " + ref[4:], "dash": ref[:4] + "-" + ref[4:],
            "ctspace": "CT " + ref}[style]


def render_fillable(path, ft, raw, truth, seed):
    title = "Application for Single Person Discount" if ft == "council_tax_spd" else "Residents' Parking Permit Application"
    c = new_canvas(path, title)
    F = Fill(c)
    F.code = "ODC-SPD-F" if ft == "council_tax_spd" else "ODC-RPP-F"
    c.setFont("Helvetica-Bold", 17)
    c.setFillColor(colors.HexColor("#1f4e79"))
    c.drawString(40, H - 52, "Ouselea District Council")
    c.setFillColor(colors.black)
    c.setFont("Helvetica", 9)
    c.drawRightString(W - 40, H - 44, "Revenues Service" if ft == "council_tax_spd" else "Parking Services")
    c.drawRightString(W - 40, H - 56, "ctax@ouselea.gov.uk" if ft == "council_tax_spd" else "parking@ouselea.gov.uk")
    c.setFont("Helvetica-Bold", 13)
    c.drawString(40, H - 78, title)
    F.y = H - 90
    dstyle = rng.choice(["slash", "slash", "dot", "dash", "slash_short"])
    A = raw["person"]
    if ft == "council_tax_spd":
        F.text("Complete this form on screen if you live on your own, or are the only adult (18 or over) in your home. "
               "The discount is 25% of your Council Tax bill. Fields marked * must be completed.")
        F.heading("Part 1: Your details")
        F.row("Council Tax account no. *", fmt_acct(raw["account_ref"], rng.choice(["plain", "ct", "space", "ctspace"])),
              hint="shown at the top of your bill")
        F.row("Full name of applicant *", truth["applicant_name"])
        a = raw["addr"]
        F.row("Address of property *", truth["address"], hint="house number/name and street")
        F.row("Town / village", ", ".join(x for x in [a.get("line2"), a["town"]] if x))
        F.row("Postcode *", truth["postcode"])
        F.row("Telephone", truth.get("phone"))
        F.row("Email", truth.get("email"))
        F.heading("Part 2: About the change")
        F.row("From what date have you been the only adult living at the property? *", fdate(raw["since"], dstyle),
              hint="dd/mm/yyyy")
        F.row("Name of the other adult who has left", truth.get("other_adult_name"))
        F.row("Their forwarding address", truth.get("other_adult_forwarding_address"))
        F.row("Tell us what changed", truth.get("change_description"), h=44, multiline=True)
        F.heading("Part 3: Declaration")
        F.text("I declare that the information on this form is true and complete. I will tell Ouselea District Council "
               "within 21 days if another adult moves in. I understand that if I knowingly give false information I may "
               "be prosecuted.")
        F.check("I agree with the declaration above", True)
        F.row("Signature (type your full name)", truth["applicant_name"])
        F.row("Date *", fdate(raw["decl"], dstyle) if raw["decl"] else "", hint="dd/mm/yyyy")
    else:
        F.text("Use this form to apply for a residents' permit for a car or small van kept at your home in a controlled "
               "parking zone. A permit costs \u00a345 for 12 months. Fields marked * must be completed.")
        F.heading("Section A - Applicant")
        F.row("Full name *", truth["applicant_name"])
        a = raw["addr"]
        F.row("Address line 1 *", truth["address"])
        F.row("Address line 2", a.get("line2", ""))
        F.row("Town", a["town"])
        F.row("Postcode *", truth["postcode"] if rng.random() < 0.7 else truth["postcode"].replace(" ", ""))
        F.row("Daytime phone", truth.get("phone"))
        F.row("Email address", truth.get("email"))
        F.heading("Section B - Vehicle and permit")
        vr = raw["vrm"] or ""
        F.row("Vehicle registration number *", spaced_vrm(vr) if rng.random() < 0.6 else vr)
        F.row("Vehicle make", truth.get("vehicle_make"))
        F.row("Model", raw["model"])
        F.row("Colour", raw["colour"])
        F.row("Permit zone *", raw["zone"], hint="the zone letter shown on street signs")
        F.row("Permit start date *", fdate(raw["start"], dstyle), hint="dd/mm/yyyy")
        if raw["vrm"] is None:
            F.row("Anything else we should know?", "Collecting my new car next week - I will ring with the registration.",
                  h=34, multiline=True)
        else:
            F.row("Anything else we should know?", "", h=34, multiline=True)
        F.check("I have attached proof of residence (Council Tax bill or tenancy agreement) and the V5C logbook", True)
        F.heading("Section C - Declaration")
        F.text("I declare that I live at the address above, that the vehicle is kept there, and that the information I "
               "have given is correct. I will return the permit if I move or sell the vehicle.")
        F.check("I agree", True)
        F.row("Date *", fdate(raw["decl"], dstyle) if raw["decl"] else "", hint="dd/mm/yyyy")
    F.y -= 6
    c.setFont("Helvetica-Oblique", 7.5)
    c.drawString(44, max(F.y, 80), "Office use only:  Ref ____________   Processed by ______   Date ___________")
    F.footer(F.code)
    c.save()


# ================================================== layout 3: online_receipt
ZONE_NAMES = {"A": "Ouseby town centre", "B": "Ouseby West", "K1": "Kirkby Ouselea centre", "K2": "Kirkby Ouselea Beck Side"}


def typed_pc(pc):
    r = rng.random()
    if r < 0.25:
        return pc.lower()
    if r < 0.4:
        return pc.replace(" ", "")
    return pc


def render_online(path, ft, raw, truth, seed, subm_no):
    title = {"council_tax_move": "Council Tax: tell us you are moving", "parking_permit": "Apply for a residents' parking permit",
             "council_tax_spd": "Apply for a single person discount"}[ft]
    c = new_canvas(path, title + " - receipt")
    A = raw["person"]
    decl = raw["decl"]
    hh, mm = rng.randint(7, 22), rng.randint(0, 59)
    prefix = {"council_tax_move": "MV", "parking_permit": "RPP", "council_tax_spd": "SPD"}[ft]
    ref = f"{prefix}-{subm_no}"
    page = [1]

    def top():
        c.setFillColor(colors.HexColor("#0b3d2e"))
        c.rect(0, H - 46, W, 46, stroke=0, fill=1)
        c.setFillColor(colors.white)
        c.setFont("Helvetica-Bold", 14)
        c.drawString(36, H - 29, "Ouselea District Council")
        c.setFont("Helvetica", 9)
        c.drawRightString(W - 36, H - 29, "My Ouselea  |  Sign out")
        c.setFillColor(colors.black)

    def foot():
        c.setFont("Helvetica", 7)
        c.setFillColor(GREY)
        slug = {"council_tax_move": "council-tax/moving-home", "parking_permit": "parking/resident-permit",
                "council_tax_spd": "council-tax/single-person-discount"}[ft]
        c.drawString(36, 22, f"https://my.ouselea.gov.uk/forms/{slug}/receipt?ref={ref}")
        c.drawRightString(W - 36, 22, f"{page[0]}")
        c.setFillColor(colors.black)

    top()
    c.setFont("Helvetica", 8)
    c.setFillColor(GREY)
    c.drawString(36, H - 62, "Home  >  " + ("Council Tax" if ft != "parking_permit" else "Parking") + "  >  " + title)
    c.setFillColor(colors.HexColor("#00703c"))
    c.rect(36, H - 150, W - 72, 74, stroke=0, fill=1)
    c.setFillColor(colors.white)
    c.setFont("Helvetica-Bold", 17)
    c.drawCentredString(W / 2, H - 102, "Form submitted")
    c.setFont("Helvetica", 11)
    c.drawCentredString(W / 2, H - 122, "Your reference number")
    c.setFont("Helvetica-Bold", 13)
    c.drawCentredString(W / 2, H - 140, ref)
    c.setFillColor(colors.black)
    y = para(c, 36, H - 170, f"Thank you. We received your form '{title}' on {fdate(decl, 'long')} at {hh:02d}:{mm:02d}. "
             "We will contact you within 10 working days. Keep this page for your records - you can print it or save it as a PDF.",
             W - 72, size=9.5, lead=13) - 8
    c.setFont("Helvetica-Bold", 13)
    c.drawString(36, y, "Your answers")
    y -= 10
    rows = []
    dstyle = rng.choice(["long", "long", "iso", "slash"])
    if ft == "council_tax_move":
        rows.append(("section", "Your move"))
        rows.append(("Are you moving in or out?", "Moving in" if raw["move_type"] == "in" else "Moving out"))
        if raw["account_ref"]:
            rows.append(("Council Tax account number", fmt_acct(raw["account_ref"], rng.choice(["plain", "plain", "dash", "space"]))))
        rows.append(("Date of your move", fdate(raw["mdate"], dstyle) if raw["mdate"] else ""))
        rows.append(("section", "About you"))
    else:
        rows.append(("section", "About you"))
    if raw["show_title"]:
        rows.append(("Title", A["title"]))
    rows.append(("First name", A["first"]))
    rows.append(("Last name", A["last"]))

    def addr_lines(a, pc_typed):
        return [x for x in [a["line1"], a.get("line2"), a["town"], pc_typed] if x]

    if ft == "council_tax_move":
        if raw["move_type"] == "out":
            rows.append(("Address you are leaving", addr_lines(raw["prev"], typed_pc(raw["prev"]["postcode"]))))
            rows.append(("Forwarding address", addr_lines(raw["new"], typed_pc(raw["new"]["postcode"])) if raw["new"] else "Not known yet"))
        else:
            rows.append(("Address you are moving to", addr_lines(raw["new"], typed_pc(raw["new"]["postcode"]))))
            rows.append(("Your previous address", addr_lines(raw["prev"], typed_pc(raw["prev"]["postcode"])) if raw["prev"] else "Not provided"))
    else:
        rows.append(("Your address", addr_lines(raw["addr"], typed_pc(raw["addr"]["postcode"]))))
    rows.append(("section", "Contact details"))
    rows.append(("Phone number", truth.get("phone", "Not provided")))
    rows.append(("Email address", truth.get("email", "Not provided")))
    if ft == "parking_permit":
        rows.append(("section", "Your vehicle and permit"))
        v = raw["vrm"]
        rows.append(("Vehicle registration number", rng.choice([v, spaced_vrm(v), spaced_vrm(v).lower()]) if v else ""))
        rows.append(("Vehicle make", raw["make"]))
        rows.append(("Vehicle model", raw["model"]))
        rows.append(("Which permit zone do you live in?", f"{raw['zone']} - {ZONE_NAMES[raw['zone']]}"))
        rows.append(("When do you want the permit to start?", fdate(raw["start"], dstyle)))
        rows.append(("Proof of residence", "council-tax-bill.jpg (uploaded)"))
    rows.append(("section", "Declaration"))
    rows.append(("Declaration", "I confirm that the information I have given is correct and complete"))
    rows.append(("Date of declaration", fdate(decl, dstyle)))

    for r in rows:
        if r[0] == "section":
            if y < 110:
                foot(); c.showPage(); page[0] += 1; top(); y = H - 70
            y -= 16
            c.setFont("Helvetica-Bold", 10.5)
            c.drawString(36, y, r[1])
            y -= 6
            continue
        key, val = r
        vals = val if isinstance(val, list) else simpleSplit(val, "Helvetica", 10, 300)
        klines = simpleSplit(key, "Helvetica-Bold", 9.5, 190)
        h = max(len(vals), len(klines)) * 13 + 10
        if y - h < 60:
            foot(); c.showPage(); page[0] += 1; top(); y = H - 70
        c.setStrokeColor(colors.HexColor("#b1b4b6"))
        c.setLineWidth(0.6)
        c.line(36, y - h + 2, W - 36, y - h + 2)
        c.setFont("Helvetica-Bold", 9.5)
        for i, k in enumerate(klines):
            c.drawString(36, y - 13 - i * 13, k)
        c.setFont("Helvetica", 10)
        for i, v in enumerate(vals):
            c.drawString(240, y - 13 - i * 13, v)
        c.setFillColor(colors.HexColor("#1d70b8"))
        c.setFont("Helvetica", 8.5)
        c.drawRightString(W - 36, y - 13, "")
        c.setFillColor(colors.black)
        y -= h
    foot()
    c.save()


# =================================================== layout 4: caption_lines
class Cap:
    def __init__(self, c, code):
        self.c, self.code = c, code
        self.y = H - 40
        self.page = 1

    def foot(self):
        c = self.c
        c.setFont("Times-Roman", 7.5)
        c.setFillColor(GREY)
        c.drawCentredString(W / 2, 24, f"Ouselea District Council  -  Revenues & Benefits  -  {self.code}  -  page {self.page}")
        c.setFillColor(colors.black)

    def newpage(self):
        self.foot()
        self.c.showPage()
        self.page += 1
        self.y = H - 50

    def q(self, num, text):
        if self.y < 120:
            self.newpage()
        c = self.c
        c.setFont("Times-Bold", 10.5)
        c.drawString(42, self.y, f"{num}.")
        self.y = para(c, 60, self.y, text, W - 110, font="Times-Bold", size=10.5, lead=12.5) - 8

    def segs(self, items, gap=10, x0=60):
        """items: list of (caption, value, width). answer above a dotted line, caption below."""
        if self.y < 90:
            self.newpage()
        c = self.c
        x = x0
        base = self.y - 10
        for cap, val, w in items:
            if val:
                c.setFont("Times-Italic", 12.5)
                c.setFillColor(INK)
                c.drawString(x + 2, base + 3, val)
                c.setFillColor(colors.black)
            c.setDash(1, 2)
            c.setLineWidth(0.7)
            c.line(x, base, x + w, base)
            c.setDash()
            c.setFont("Helvetica", 6.5)
            c.setFillColor(GREY)
            c.drawString(x, base - 9, cap)
            c.setFillColor(colors.black)
            x += w + gap
        self.y = base - 30

    def datesegs(self, d, month_words, x0=60):
        if d:
            mon = MONTHS[d.month - 1] if month_words else f"{d.month:02d}"
            vals = [f"{d.day:02d}" if not month_words else str(d.day), mon, str(d.year)]
        else:
            vals = ["", "", ""]
        self.segs([("Day", vals[0], 40), ("Month", vals[1], 80 if month_words else 40), ("Year", vals[2], 55)], x0=x0)

    def textbox(self, text, h=46):
        c = self.c
        if self.y - h < 70:
            self.newpage()
        c.setLineWidth(0.6)
        c.rect(60, self.y - h, W - 110, h, stroke=1, fill=0)
        if text:
            para(c, 66, self.y - 15, text, W - 124, font="Times-Italic", size=12, lead=14, color=INK)
        self.y -= h + 14

    def circle_choice(self, opts, chosen):
        c = self.c
        x = 60
        c.setFont("Times-Roman", 10)
        c.drawString(x, self.y, "Please circle:")
        x += 80
        for o in opts:
            c.setFont("Times-Bold", 11)
            c.drawString(x, self.y, o)
            w = c.stringWidth(o, "Times-Bold", 11)
            if o == chosen:
                c.setStrokeColor(INK)
                c.setLineWidth(1.3)
                c.ellipse(x - 8, self.y - 7, x + w + 8, self.y + 14, stroke=1, fill=0)
                c.setStrokeColor(colors.black)
            x += w + 50
        self.y -= 28


def render_caption(path, ft, raw, truth, seed):
    spd = ft == "council_tax_spd"
    c = new_canvas(path, "Single Person Discount" if spd else "Change of address - Council Tax")
    K = Cap(c, "Form R12 (rev. 09/26)" if spd else "Form R7 (rev. 09/26)")
    c.setFont("Times-Bold", 15)
    c.drawString(42, H - 52, "OUSELEA DISTRICT COUNCIL")
    c.setFont("Times-Roman", 10)
    c.drawString(42, H - 66, "Revenues & Benefits, Civic Centre, Market Place, Ouseby OU1 1DC")
    # office box
    c.setLineWidth(0.8)
    c.rect(W - 200, H - 100, 160, 66, stroke=1, fill=0)
    c.setFont("Helvetica-Bold", 7)
    c.drawString(W - 195, H - 44, "Office use only")
    c.setFont("Helvetica", 7)
    for i, t in enumerate(["Date stamp:", "Officer:", "Action:"]):
        c.drawString(W - 195, H - 58 - i * 14, t)
    c.setFont("Times-Bold", 13)
    c.drawString(42, H - 96, "Council Tax - Single Person Discount" if spd else "Council Tax - Moving home")
    K.y = para(c, 42, H - 116, ("Complete this form if you are now the only adult living in your home. Please write clearly. "
                                "Read the notes at the end before you sign.") if spd else
               ("Complete this form if you are moving into or out of a property in the Ouselea district. "
                "Please give the full address and the exact date of your move."), W - 84, font="Times-Roman", size=10, lead=12) - 10
    A = raw["person"]
    mw = rng.random() < 0.5
    acct = raw["account_ref"]
    acct_s = fmt_acct(acct, rng.choice(["space", "plain", "ct"])) if acct else ""
    name_items = [("Title", A["title"] if raw["show_title"] else "", 45), ("Forename(s)", A["first"], 150),
                  ("Surname", A["last"], 190)]
    if spd:
        K.q(1, "Your Council Tax reference")
        K.segs([("8-digit number shown on your bill", acct_s, 160)])
        K.q(2, "Your name")
        K.segs(name_items)
        a = raw["addr"]
        K.q(3, "The address you are claiming for")
        K.segs([("House number / name and street", a["line1"], 230), ("Town or village", ", ".join(x for x in [a.get("line2"), a["town"]] if x), 160)])
        K.segs([("Postcode", truth["postcode"], 90)])
        K.q(4, "Date you became the only adult living at this address")
        K.datesegs(raw["since"], mw)
        K.q(5, "If another adult has moved out, please give their name and new address")
        K.segs([("Full name", truth.get("other_adult_name", ""), 200)])
        K.segs([("New address (if known)", truth.get("other_adult_forwarding_address", ""), 400)])
        K.q(6, "Tell us what changed")
        K.textbox(truth.get("change_description", ""))
        K.q(7, "Contact details")
        K.segs([("Telephone", truth.get("phone", ""), 130), ("Email", truth.get("email", ""), 250)])
    else:
        K.q(1, "Are you moving into or out of a property in the Ouselea district?")
        K.circle_choice(["MOVING IN", "MOVING OUT"], "MOVING IN" if raw["move_type"] == "in" else "MOVING OUT")
        K.q(2, "Your name")
        K.segs(name_items)
        K.q(3, "Council Tax reference (if you are moving out)")
        K.segs([("8-digit reference from your bill", acct_s, 160)])
        K.q(4, "Date of your move")
        K.datesegs(raw["mdate"], mw)
        pv, nw = raw["prev"], raw["new"]
        K.q(5, "Address you are leaving")
        K.segs([("House number / name and street", pv["line1"] if pv else "", 230), ("Town", pv["town"] if pv else "", 160)])
        K.segs([("Postcode", pv["postcode"] if pv else "", 90)])
        K.q(6, "Address you are moving to" + (" (forwarding address)" if raw["move_type"] == "out" else ""))
        K.segs([("House number / name and street", nw["line1"] if nw else "", 230), ("Town", nw["town"] if nw else "", 160)])
        K.segs([("Postcode", nw["postcode"] if nw else "", 90)])
        K.q(7, "Contact details")
        K.segs([("Telephone", truth.get("phone", ""), 130), ("Email", truth.get("email", ""), 250)])
    if K.y < 190:
        K.newpage()
    K.q(8, "Declaration")
    K.y = para(c, 60, K.y, "I declare that the information given on this form is correct and complete to the best of my knowledge "
               "and belief. I understand that it is an offence to give false information.", W - 110, font="Times-Roman",
               size=10, lead=12) - 18
    if K.y < 110:
        K.newpage()
    c.setFont("Times-Roman", 10)
    c.drawString(60, K.y, "Signed:")
    squiggle(c, 110, K.y - 2, 120, seed)
    c.setDash(1, 2)
    c.line(105, K.y - 3, 300, K.y - 3)
    c.setDash()
    K.y -= 22
    c.drawString(60, K.y, "Date:")
    K.y += 10
    K.datesegs(raw["decl"], mw, x0=105)
    if K.y < 120:
        K.newpage()
    c.setFont("Times-Bold", 9)
    c.drawString(42, K.y, "Notes")
    K.y = para(c, 42, K.y - 12, ("Single Person Discount reduces the bill by 25%. We may ask for evidence and we check the electoral "
                                 "register. Tell us within 21 days if your circumstances change.") if spd else
               ("We will close or open your Council Tax account from the date of your move and send you a bill. "
                "Landlords: please use form R9 instead."), W - 84, font="Times-Roman", size=8.5, lead=10)
    K.foot()
    c.save()


# =================================================== layout 5: letters_emails
def render_letter(path, it, seed):
    c = new_canvas(path, "Scanned correspondence")
    x_r = W - 230
    y = H - 70
    c.setFont("Times-Roman", 11)
    for ln in it["sender_block"]:
        c.drawString(x_r, y, ln)
        y -= 13.5
    y -= 10
    c.drawString(x_r, y, it["letter_date"])
    y -= 30
    for ln in COUNCIL_ADDR if not it.get("to_block") else it["to_block"]:
        c.drawString(60, y, ln)
        y -= 13.5
    y -= 20
    if it.get("re"):
        c.setFont("Times-Bold", 11)
        c.drawString(60, y, it["re"])
        y -= 22
    c.setFont("Times-Roman", 11)
    c.drawString(60, y, it["salutation"])
    y -= 20
    for p in it["paras"]:
        y = para(c, 60, y, p, W - 130, font="Times-Roman", size=11, lead=14.5) - 8
    y -= 4
    c.drawString(60, y, it["signoff"])
    squiggle(c, 62, y - 32, 100, seed)
    y -= 50
    for ln in it["sig_lines"]:
        c.drawString(60, y, ln)
        y -= 13.5
    c.save()


def render_email(path, it, seed):
    c = new_canvas(path, it["subject"])
    y = H - 50
    c.setFont("Helvetica-Bold", 12)
    c.drawString(40, y, it["subject"])
    y -= 8
    c.setLineWidth(1.2)
    c.line(40, y, W - 40, y)
    y -= 18
    for k, v in [("From:", it["frm"]), ("Sent:", it["sent"]), ("To:", "Customer Services <customer.services@ouselea.gov.uk>"),
                 ("Subject:", it["subject"])]:
        c.setFont("Helvetica-Bold", 9.5)
        c.drawString(40, y, k)
        c.setFont("Helvetica", 9.5)
        c.drawString(100, y, v)
        y -= 13
    y -= 4
    c.setLineWidth(0.5)
    c.line(40, y, W - 40, y)
    y -= 22
    c.setFont("Helvetica", 10.5)
    c.drawString(40, y, it["salutation"])
    y -= 20
    for p in it["paras"]:
        y = para(c, 40, y, p, W - 80, font="Helvetica", size=10.5, lead=14) - 9
    c.setFont("Helvetica", 10.5)
    c.drawString(40, y, it["signoff"])
    y -= 15
    for ln in it["sig_lines"]:
        c.drawString(40, y, ln)
        y -= 14
    c.setFont("Helvetica", 7)
    c.setFillColor(GREY)
    c.drawString(40, 26, "Printed from the Customer Services shared mailbox - Ouselea District Council")
    c.drawRightString(W - 40, 26, "Page 1")
    c.save()


def corr_items():
    items = []

    def resident(pred=lambda p: True):
        prop = alloc(pred)
        A = new_person()
        ref = add_account(prop, [A])
        add_elector(prop, A)
        return A, prop, ref

    def sender_block(A, prop, with_name=False):
        lines = ([f"{A['title']} {full(A)}"] if with_name else []) + [prop["line1"]] + ([prop["line2"]] if prop.get("line2") else []) + [prop["town"], prop["postcode"]]
        return lines

    # 1 letter, missed bin, approved
    A, prop, ref = resident(lambda p: p["town"] in ("Thornholme", "Hawbeck"))
    street = prop["line1"].split(" ", 1)[1]
    paras = [f"I am writing to report that our grey general waste bin was not emptied on Tuesday 24 November 2026, which was our "
             f"normal collection day. The bin was out at the kerbside from half past six in the morning and the other bins on "
             f"{street} were all emptied.",
             "This is the second time this has happened this autumn, the last time being 3 November 2026. Please could you "
             "arrange for the bin to be collected as soon as possible as it is now full."]
    items.append(dict(kind="letter", topic="missed_bin", A=A, prop=prop, sender_name=f"{A['title']} {full(A)}",
                      sender_block=sender_block(A, prop), letter_date="30 November 2026", re="Missed bin collection",
                      salutation="Dear Sir or Madam,", paras=paras, signoff="Yours faithfully,",
                      sig_lines=[f"{A['title']} {full(A)}"], dates=["2026-11-24", "2026-11-03"]))
    # 2 email, missed bin, approved
    A, prop, ref = resident(lambda p: p["town"] == "Kirkby Ouselea")
    paras = [f"Our green garden waste bin has not been collected. It was due on {fdate(D(2026, 12, 2), 'ord')} and was left "
             "out by the gate as usual with the handle facing the road. Could someone come back for it please?",
             "The brown food caddy was emptied so the crew did come down the street."]
    items.append(dict(kind="email", topic="missed_bin", A=A, prop=prop, sender_name=full(A),
                      frm=f"{full(A)} <{email_for(A)}>", sent="Wednesday, December 2, 2026 6:41 PM",
                      subject="Garden waste bin not collected", salutation="Hello,", paras=paras, signoff="Thanks,",
                      sig_lines=[full(A), prop["line1"] + ", " + prop["town"], prop["postcode"]], dates=["2026-12-02"]))
    # 3 letter, council tax query with account, approved
    A, prop, ref = resident(lambda p: p["town"] == "Ouseby")
    paras = [f"I have received a revised Council Tax bill dated 12 November 2026 for the above property. It shows that my "
             f"monthly instalments have gone up from {chr(163)}148.00 to {chr(163)}171.50 but there is no explanation of why.",
             f"I paid the instalment due on 1 October 2026 in full by Direct Debit and as far as I know nothing has changed "
             f"in my household. Please could you explain the increase and confirm the balance outstanding for 2026/27."]
    items.append(dict(kind="letter", topic="council_tax_query", A=A, prop=prop, sender_name=f"{A['title']} {full(A)}",
                      sender_block=sender_block(A, prop, True), letter_date="19/11/2026",
                      re=f"Council Tax account number {ref[:4]} {ref[4:]}", account_ref=ref,
                      salutation="Dear Sir/Madam", paras=paras, signoff="Yours faithfully",
                      sig_lines=[f"{A['title']} {full(A)}"], dates=["2026-11-12", "2026-10-01"]))
    # 4 email, council tax query, reference does not exist (typo) -> ACCOUNT_NOT_FOUND
    A, prop, ref = resident(lambda p: p["town"] == "Ouseby")
    bad = fake_ref()
    paras = [f"My council tax reference is CT{bad}. I would like to change the date my Direct Debit is taken from the 1st to "
             "the 15th of each month, as my pay date has changed.",
             "Could you let me know if this can start from January and whether I need to fill in a new mandate?"]
    items.append(dict(kind="email", topic="council_tax_query", A=A, prop=prop, sender_name=full(A), account_ref=bad,
                      frm=f"{email_for(A)}", sent="Fri 27/11/2026 12:03", subject="Change of direct debit date",
                      salutation="Dear Council Tax team,", paras=paras, signoff="Kind regards",
                      sig_lines=[full(A), f"{prop['line1']}, {prop['town']} {prop['postcode']}"], dates=[],
                      reasons=["ACCOUNT_NOT_FOUND"]))
    # 5 letter, complaint, approved
    A, prop, ref = resident(lambda p: p["town"] == "Kirkby Ouselea")
    paras = ["I wish to make a formal complaint about the way my enquiry about the overgrown verge outside my house has been "
             "handled.",
             "I telephoned your contact centre on 16 November 2026 and was promised that somebody from the Streetscene team "
             "would ring me back within five working days. Nobody has called, and when I rang again on 26 November 2026 I was "
             "told there was no record of my first call.",
             "I would like a written explanation and for the verge to be cut back, as it is now blocking the view of traffic "
             "when I pull out of my drive."]
    items.append(dict(kind="letter", topic="complaint", A=A, prop=prop, sender_name=full(A),
                      sender_block=sender_block(A, prop), letter_date="1st December 2026", re="FORMAL COMPLAINT",
                      salutation="Dear Sir or Madam,", paras=paras, signoff="Yours faithfully,",
                      sig_lines=[full(A)], dates=["2026-11-16", "2026-11-26"]))
    # 6 email, complaint, anonymous -> SENDER_UNKNOWN
    paras = ["I want to complain about the state of the public toilets on the car park in Kirkby Ouselea. They have been "
             "locked every weekend since half term and when they are open there is no soap or paper.",
             "We get a lot of visitors in the holiday cottages round here and it gives a terrible impression of the town. "
             "Who is responsible for cleaning them and why is nothing being done?"]
    items.append(dict(kind="email", topic="complaint", A=None, prop=None, frm="kirkbyresident@example.net",
                      sent="Sun 29/11/2026 20:15", subject="Public toilets - disgraceful", salutation="To whom it may concern,",
                      paras=paras, signoff="A fed up resident", sig_lines=[], dates=[], reasons=["SENDER_UNKNOWN"]))
    # 7 email, FOI request, approved
    A, prop, ref = resident(lambda p: p["town"] in ("Thornholme", "Easterdale"))
    paras = ["Under the Freedom of Information Act 2000, please provide the following information:",
             "1. The number of residents' parking permits issued in each permit zone between 1 April 2025 and 31 March 2026.",
             "2. The total income from residents' parking permits for the same period.",
             "3. The number of penalty charge notices issued in zones A and B in the same period.",
             "I would prefer to receive the information electronically, by reply to this email."]
    items.append(dict(kind="email", topic="foi_request", A=A, prop=prop, sender_name=f"{A['title']} {full(A)}",
                      frm=f"{full(A)} <{email_for(A)}>", sent="Monday, 23 November 2026 09:12",
                      subject="Freedom of Information request - residents' parking", salutation="Dear FOI Officer,",
                      paras=paras, signoff="Yours sincerely,",
                      sig_lines=[f"{A['title']} {full(A)}"] + sender_block(A, prop), dates=["2025-04-01", "2026-03-31"]))
    # 8 letter, FOI request, sender address outside the district records -> SENDER_UNKNOWN
    A = new_person()
    o = outside_address()
    paras = ["I am writing to request information under the Freedom of Information Act 2000.",
             "Please could you tell me how many properties in the Ouselea district were registered as holiday lets for business "
             "rates on 1 April 2026, and how many second homes were charged the Council Tax premium in the financial year "
             "2025/26.",
             "Please send the information to the address above."]
    items.append(dict(kind="letter", topic="foi_request", A=A, prop=dict(o), sender_name=full(A),
                      sender_block=[o["line1"], o["town"], o["postcode"]], letter_date="20.11.2026",
                      re="Freedom of Information request", salutation="Dear Sir or Madam,", paras=paras,
                      signoff="Yours faithfully,", sig_lines=[full(A)], dates=["2026-04-01"], reasons=["SENDER_UNKNOWN"]))
    # 9 letter, other (memorial bench), approved
    A, prop, ref = resident(lambda p: p["town"] == "Ouseby")
    paras = ["My late husband loved walking along the river in Ouseby and I would very much like to place a memorial bench "
             "with a small plaque near the footbridge on the Ings.",
             "Please could you tell me whether this is possible, what it would cost, and who I should speak to. If it could "
             "be in place for the anniversary of his death on 14 February 2027 that would mean a great deal to our family."]
    items.append(dict(kind="letter", topic="other", A=A, prop=prop, sender_name=f"{A['title']} {full(A)}",
                      sender_block=sender_block(A, prop), letter_date="25 November 2026", re="Memorial bench",
                      salutation="Dear Sir or Madam,", paras=paras, signoff="Yours sincerely,",
                      sig_lines=[f"{A['title']} {full(A)}"], dates=["2027-02-14"]))
    # 10 email, council tax query with account, approved
    A, prop, ref = resident(lambda p: p["town"] in ("Kirkby Ouselea", "Hawbeck"))
    paras = [f"Please can you send me a copy of my Council Tax bill for 2026/27. My account number is {ref}. I have lost the "
             "original and I need it as proof of address for my bank.",
             "A PDF by email would be fine."]
    items.append(dict(kind="email", topic="council_tax_query", A=A, prop=prop, sender_name=full(A), account_ref=ref,
                      frm=f"{full(A)} <{email_for(A)}>", sent="Thu 3 Dec 2026 07:58",
                      subject="Copy of council tax bill please", salutation="Hi,", paras=paras, signoff="Many thanks",
                      sig_lines=[full(A)], dates=[], addr_shown=False))
    return items


def corr_truth(it):
    f = dict(topic=it["topic"])
    if it.get("sender_name"):
        f["sender_name"] = it["sender_name"]
    pr = it.get("prop")
    if pr and it.get("addr_shown", True):
        f["address"] = pr["line1"]
        f["postcode"] = npc(pr["postcode"])
    if it.get("account_ref"):
        f["account_ref"] = it["account_ref"]
    if it["dates"]:
        f["dates_mentioned"] = it["dates"]
    f["body"] = " ".join(" ".join(p.split()) for p in it["paras"])
    return f


# ------------------------------------------------------------------- main --
PLAN = [
    # (form_type, layout, kind)
    *[("council_tax_spd", "paper_combs", k) for k in ["clean"] * 4 + ["ACCOUNT_NOT_FOUND", "DATE_TOO_OLD"]],
    *[("council_tax_spd", "fillable_pdf", k) for k in ["clean"] * 3 + ["NAME_MISMATCH", "DISCOUNT_ALREADY_APPLIED", "MISSING_FIELD:declaration_date"]],
    *[("council_tax_spd", "caption_lines", k) for k in ["clean"] * 3 + ["ADDRESS_MISMATCH", "OTHER_ADULTS_REGISTERED", "DATE_IN_FUTURE"]],
    *[("council_tax_move", "paper_combs", k) for k in ["clean_out", "clean_in", "clean_out", "PROPERTY_NOT_FOUND"]],
    *[("council_tax_move", "online_receipt", k) for k in ["clean_in", "clean_out", "clean_out", "clean_in", "DATE_IN_FUTURE", "NAME_MISMATCH"]],
    *[("council_tax_move", "caption_lines", k) for k in ["clean_out", "clean_in", "clean_out", "ADDRESS_MISMATCH", "DATE_TOO_OLD", "MISSING_FIELD:move_date"]],
    *[("parking_permit", "paper_combs", k) for k in ["clean"] * 3 + ["NOT_IN_PERMIT_ZONE", "INVALID_FORMAT:vrm"]],
    *[("parking_permit", "fillable_pdf", k) for k in ["clean"] * 3 + ["PROPERTY_NOT_FOUND", "VRM_HAS_PERMIT", "MISSING_FIELD:vrm"]],
    *[("parking_permit", "online_receipt", k) for k in ["clean"] * 4 + ["NOT_RESIDENT", "PERMIT_CAP_REACHED", "DATE_IN_FUTURE"]],
]
RAW = {"council_tax_spd": spd_raw, "council_tax_move": move_raw, "parking_permit": park_raw}
TRUTH = {"council_tax_spd": spd_truth, "council_tax_move": move_truth, "parking_permit": park_truth}
RENDER = {"paper_combs": render_paper, "fillable_pdf": render_fillable, "caption_lines": render_caption}


def background():
    for p in props:
        if p["used"]:
            continue
        r = rng.random()
        if r < 0.08:
            continue          # no account on file (e.g. new conversion awaiting banding)
        if r < 0.2:
            old = [new_person()]
            add_account(p, old, status="closed", start=D(2012, 4, 1), end=rdate(D(2020, 1, 1), D(2025, 6, 30)))
        n = 1 if rng.random() < 0.4 else 2
        hh = household(p, n)
        disc = "SPD" if n == 1 and rng.random() < 0.6 else ""
        add_account(p, hh, discounts=disc)
        for q in hh:
            add_elector(p, q)
        if n == 2 and rng.random() < 0.2:
            add_elector(p, new_person(last=hh[0]["last"]))
        if p["zone"] and rng.random() < 0.5:
            for _ in range(rng.choice([1, 1, 2])):
                vf = rdate(D(2025, 12, 10), D(2026, 11, 20))
                add_permit(p, new_vrm(), vf, vf + dt.timedelta(days=364))
        if p["zone"] and rng.random() < 0.2:
            vf = rdate(D(2024, 6, 1), D(2025, 6, 1))
            add_permit(p, new_vrm(), vf, vf + dt.timedelta(days=364))   # expired


def write_workbook(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "properties"
    ws.append(["uprn", "address_line_1", "address_line_2", "town", "postcode", "council_tax_band", "ward", "parking_zone"])
    for p in sorted(props, key=lambda p: p["uprn"]):
        ws.append([p["uprn"], p["line1"], p["line2"] or None, p["town"], p["postcode"], p["band"], p["ward"], p["zone"] or None])
    ws = wb.create_sheet("council_tax_accounts")
    ws.append(["account_ref", "uprn", "liable_parties", "status", "start_date", "end_date", "discounts"])
    for a in sorted(accounts.values(), key=lambda a: a["ref"]):
        ws.append([a["ref"], a["uprn"], "; ".join(a["liable"]), a["status"], a["start"], a["end"], a["discounts"] or None])
    ws = wb.create_sheet("electoral_register")
    ws.append(["elector_number", "full_name", "uprn"])
    for r in sorted(register, key=lambda r: (r["no"].split("-")[0], int(r["no"].split("-")[1]))):
        ws.append([r["no"], r["name"], r["uprn"]])
    ws = wb.create_sheet("parking_permits")
    ws.append(["permit_ref", "uprn", "vrm", "zone", "valid_from", "valid_to"])
    for x in sorted(permits, key=lambda x: x["ref"]):
        ws.append([x["ref"], x["uprn"], x["vrm"], x["zone"], x["vfrom"], x["vto"]])
    for sh in wb.worksheets:
        for row in sh.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, dt.date):
                    cell.number_format = "DD/MM/YYYY"
        for col in sh.columns:
            sh.column_dimensions[col[0].column_letter].width = max(12, min(48, max(len(str(c.value or "")) for c in col) + 2))
    fixed = dt.datetime(2026, 12, 6, 18, 0, 0)
    wb.properties.creator = "Ouselea DC Revenues extract"
    wb.properties.created = fixed
    wb.properties.modified = fixed
    buf = io.BytesIO()
    wb.save(buf)
    # rewrite the zip with fixed timestamps and the fixed modified date so the file is byte-identical
    zin = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"<dcterms:modified([^>]*)>[^<]*<", rb"<dcterms:modified\1>2026-12-06T18:00:00Z<", data)
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 12, 6, 18, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(zi, data)


def main():
    inbox = HERE / "inbox"
    if inbox.exists():
        shutil.rmtree(inbox)
    inbox.mkdir()
    build_properties()
    entries = []   # dicts: ft, layout, raw, expected, render
    variant = {}
    for ft, layout, kind in PLAN:
        v = variant.get((ft, layout), 0)
        variant[(ft, layout)] = v + 1
        raw = RAW[ft](layout, kind, v if kind == "clean" else v + 1)
        exp = [] if kind.startswith("clean") else [kind]
        entries.append(dict(ft=ft, layout=layout, raw=raw, expected=exp, outcome="approved" if not exp else "exception"))
    # duplicate pair: the same move-in sent online and then again on paper
    dup = move_raw("online_receipt", "dup", 0)
    dup["decl"] = D(2026, 11, 18)
    dup2 = dict(dup, decl=D(2026, 11, 23))
    entries.append(dict(ft="council_tax_move", layout="online_receipt", raw=dup, expected=[], outcome="duplicate_pair", group="dup-01"))
    entries.append(dict(ft="council_tax_move", layout="paper_combs", raw=dup2, expected=[], outcome="duplicate_pair", group="dup-01"))
    corr = corr_items()
    for it in corr:
        exp = it.get("reasons", [])
        entries.append(dict(ft="correspondence", layout="letters_emails", raw=it, expected=exp,
                            outcome="exception" if exp else "approved"))
    background()
    # truth and self-check against the records
    for e in entries:
        if e["ft"] == "correspondence":
            e["fields"] = corr_truth(e["raw"])
        else:
            e["fields"] = TRUTH[e["ft"]](e["layout"], e["raw"])
        got = check(e["ft"], e["fields"])
        assert got == e["expected"], (e["ft"], e["layout"], e["expected"], got, e["fields"])
    order = list(range(len(entries)))
    rng.shuffle(order)
    for i, idx in enumerate(order):
        entries[idx]["file"] = f"doc_{i + 1:04d}.pdf"
    entries.sort(key=lambda e: e["file"])
    seen = {}
    for n, e in enumerate(entries):
        path = inbox / e["file"]
        seed = SEED + n
        if e["layout"] == "online_receipt":
            render_online(path, e["ft"], e["raw"], e["fields"], seed, f"{rng.randint(100000, 999999)}")
        elif e["layout"] == "letters_emails":
            (render_letter if e["raw"]["kind"] == "letter" else render_email)(path, e["raw"], seed)
        else:
            RENDER[e["layout"]](path, e["ft"], e["raw"], e["fields"], seed)
        key = (e["layout"], e["ft"])
        if e["outcome"] == "approved" and seen.get(key, 0) < 2:
            e["split"] = "learn"
            seen[key] = seen.get(key, 0) + 1
        else:
            e["split"] = "test"
    with open(HERE / "truth.jsonl", "w") as fh:
        for e in entries:
            rec = {"file": e["file"], "form_type": e["ft"], "fields": e["fields"], "outcome": e["outcome"],
                   "reasons": e["expected"], "layout": e["layout"], "split": e["split"]}
            if e.get("group"):
                rec["duplicate_group"] = e["group"]
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    write_workbook(HERE / "records.xlsx")
    write_readme(entries)


def write_readme(entries):
    from collections import Counter
    cnt = Counter((e["ft"], e["outcome"]) for e in entries)
    rs = Counter(r for e in entries for r in e["expected"])
    lines = ["# Blind set 37 - Ouselea District Council", "",
             "Ouselea District Council is a (fictional) district council in North Yorkshire: the market towns of Ouseby and "
             "Kirkby Ouselea, the villages of Thornholme and Hawbeck, and farms and holiday lets in Easterdale. Postcodes are "
             "made up in the OU area (forwarding addresses outside the district use OU7-OU9, which are not in the gazetteer).", "",
             "**As-of date: 2026-12-07** (run with `--as-of 2026-12-07`). Generated by `gen.py` (deterministic, seed "
             f"{SEED}); `records.xlsx` uses the default layout of records.md.", "",
             "## Layouts", "",
             "- `paper_combs` (SPD, moving, parking): a two-page printed form filled in BLOCK CAPITALS in blue ink; account "
             "number, surname, forename(s), postcode, registration number and zone in one-character comb boxes; dates in "
             "DD/MM/YYYY comb boxes with captions; addresses and free text on ruled lines; choices marked X in tick boxes; "
             "labels above the answers; grey section bars, signature box, dashed office-use box, guidance notes, page footers.",
             "- `fillable_pdf` (SPD, parking): an AcroForm fillable PDF; labels to the left, answers only as text-field values "
             "(fields named Text1, Text2... with the label as tooltip); declaration checkboxes; dates dd/mm/yyyy, d/m/yyyy, "
             "dd.mm.yyyy or dd-mm-yyyy; account number sometimes with a CT prefix or a space.",
             "- `online_receipt` (moving, parking): a printed 'Form submitted' receipt from the council's online forms: a "
             "summary list of question and answer rows, name split into Title / First name / Last name, addresses as "
             "multi-line answers with the postcode as typed (sometimes lower case or without a space), dates written in "
             "words, ISO or dd/mm/yyyy, 'Not provided' for skipped optional questions.",
             "- `caption_lines` (SPD, moving): a serif form (one page, the declaration sometimes running onto a second) with numbered questions; answers in blue italic written "
             "on dotted lines with small captions underneath (Title / Forename(s) / Surname; Day / Month / Year, month as "
             "a number or a word; House number and street / Town / Postcode); moving in or out is shown by circling; "
             "office-use box top right.",
             "- `letters_emails` (correspondence): typed letters (sender address top right, date, council address, "
             "subject line, signature) and e-mails printed from the customer-services mailbox (From/Sent/To/Subject header).",
             "", "## Counts", "", "| form type | outcome | files |", "| --- | --- | --- |"]
    for (ft, oc), n in sorted(cnt.items()):
        lines.append(f"| {ft} | {oc} | {n} |")
    lines += ["", "Reason codes: " + ", ".join(f"{k} x{v}" for k, v in sorted(rs.items())), "",
              "## Truth conventions", "",
              "- Names are as written on the page, whitespace collapsed. Where a form splits the name into parts, the parts are "
              "joined with single spaces in the order Title, Forename(s), Surname (a blank title is left out). `paper_combs` "
              "asks for BLOCK CAPITALS with no title, so its names are upper case (`FORENAMES SURNAME`).",
              "- `paper_combs` answers are in capitals, so its `address`, `previous_address`, `new_address`, "
              "`other_adult_name`, `other_adult_forwarding_address`, `change_description` and `vehicle_make` are upper case, "
              "as written. Emails and phone numbers are as written.",
              "- `address` / `previous_address` / `new_address` are the first address line only (house number or name and "
              "street). `other_adult_forwarding_address` is the whole answer as written on its single line.",
              "- `vehicle_make` is the answer to the Make question only (the model is asked separately). `zone` is the zone "
              "code (the online receipt shows e.g. 'B - Ouseby West'; the code is `B`).",
              "- Dates ISO; postcodes upper case with one space; account_ref 8 digits (CT prefix, spaces, dashes removed); vrm "
              "upper case without spaces.",
              "- Moving: for `out`, `new_address`/`new_postcode` are the forwarding address when given; for `in`, "
              "`previous_address`/`previous_postcode` are recorded when the applicant gave their old address. An answer of "
              "'Not known yet' or 'Not provided' counts as blank.",
              "- Correspondence: `body` is the paragraphs between the salutation and the sign-off, joined with single spaces; "
              "`dates_mentioned` lists the dates written in that body (in order), not the letter's own date or the e-mail "
              "header; `sender_name` as signed (with a title when the writer used one); `address`/`postcode` only when the "
              "sender's address is on the page; an anonymous e-mail has no `sender_name`.",
              "- Reasons are listed in the order of forms.md's check lists. Every exception here has exactly one reason.",
              "- Duplicate pair (`duplicate_group` `dup-01`): the same move-in sent through the online form and again on paper "
              "a few days later; both lines have outcome `duplicate_pair` and empty `reasons` (one should be approved, "
              "the other get DUPLICATE_SUBMISSION, either order). Every other form is about a different account, property "
              "and person, so no other submission collides.",
              "- `split`: `learn` on the first two approved files (in file-name order) of each layout and form type, `test` "
              "on everything else.",
              "- Clean forms were checked by gen.py's own implementation of forms.md's checks against records.xlsx "
              "(liable party names, electoral register, zones, active permits, 365-day and 28-day date limits).", ""]
    (HERE / "README.md").write_text("\n".join(lines))


if __name__ == "__main__":
    main()
