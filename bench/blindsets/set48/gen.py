#!/usr/bin/env python3
"""Blind test set generator: Hartlepoole Vale Borough Council (set48).

Deterministic (seed 48048).  Writes next to itself:
  records.xlsx, inbox/doc_NNNN.pdf, truth.jsonl
Expected outcomes are computed by an independent checker (check_*) over the
records written, and asserted against the scenario each form was built for.
"""
import json
import os
import random
import re
import shutil
from datetime import date, timedelta

from openpyxl import Workbook
from reportlab.lib.colors import Color, black, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas

SEED = 48048
AS_OF = date(2026, 12, 7)
HERE = os.path.dirname(os.path.abspath(__file__))
INBOX = os.path.join(HERE, "inbox")
rng = random.Random(SEED)

COUNCIL = "Hartlepoole Vale Borough Council"
TOWN_HALL = ["Town Hall", "Market Place", "Hartlepoole", "HV1 1TH"]
GREY = Color(0.45, 0.45, 0.45)
LIGHT = Color(0.92, 0.92, 0.92)
DARK = Color(0.16, 0.25, 0.33)

# ---------------------------------------------------------------- people
FIRST = ["Ann", "Brian", "Carol", "Derek", "Elaine", "Frank", "Gillian", "Harold", "Irene", "Jack",
         "Kathleen", "Leonard", "Margaret", "Neil", "Olive", "Peter", "Rita", "Stanley", "Tracey", "Vernon",
         "Wendy", "Aisha", "Bilal", "Chloe", "Darren", "Emma", "Farhan", "Gemma", "Hamza", "Imran",
         "Jodie", "Kieran", "Leanne", "Mohammed", "Nadia", "Owen", "Priya", "Ryan", "Shannon", "Tariq",
         "Zoe", "Yusuf", "Bethany", "Callum", "Dawn", "Eileen", "Graham", "Hazel", "Joyce", "Keith",
         "Lorraine", "Marcus", "Nicola", "Paula", "Roy", "Sandra", "Trevor", "Val", "Warren", "Sadia"]
LAST = ["Whitworth", "Ashworth", "Haworth", "Entwistle", "Pilkington", "Greenhalgh", "Crompton",
        "Holden", "Sutcliffe", "Ormerod", "Duckworth", "Hargreaves", "Kenyon", "Lomax", "Marsden",
        "Nuttall", "Openshaw", "Pickup", "Riley", "Schofield", "Tattersall", "Walmsley", "Barlow",
        "Clegg", "Dewhurst", "Fielding", "Hindle", "Ingham", "Jepson", "Kay", "Livesey", "Mitchell",
        "Pate", "Rushton", "Shorrock", "Taylor", "Uttley", "Warburton", "Yates", "Hussain", "Patel",
        "Begum", "Iqbal", "Khan", "Mahmood", "Akhtar", "Rahman", "Kowalski", "Nowak", "O'Connor",
        "McAllister", "Brennan", "Fitzgerald", "Gallagher"]
used_names = set()


def new_person():
    while True:
        n = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        if n not in used_names:
            used_names.add(n)
            return n


def titled(name, p=0.4):
    if rng.random() < p:
        first = name.split()[0]
        fem = first in {"Ann", "Carol", "Elaine", "Gillian", "Irene", "Kathleen", "Margaret", "Olive", "Rita",
                        "Tracey", "Wendy", "Aisha", "Chloe", "Emma", "Gemma", "Jodie", "Leanne", "Nadia",
                        "Priya", "Shannon", "Zoe", "Bethany", "Dawn", "Eileen", "Hazel", "Joyce", "Lorraine",
                        "Nicola", "Paula", "Sandra", "Val", "Sadia"}
        t = rng.choice(["Mrs", "Ms", "Miss"]) if fem else "Mr"
        if rng.random() < 0.1:
            t = "Dr"
        return f"{t} {name}"
    return name


TITLES = {"mr", "mrs", "ms", "miss", "dr", "mx"}


def norm_name(n):
    toks = re.sub(r"\s+", " ", n.strip()).lower().replace(".", "").split(" ")
    while toks and toks[0] in TITLES:
        toks = toks[1:]
    return " ".join(toks)


def phone():
    if rng.random() < 0.5:
        return f"01632 {rng.randint(960000, 960999)}"
    return f"07700 {rng.randint(900000, 900999)}"


def email_for(name):
    n = norm_name(name).replace("'", "").split()
    dom = rng.choice(["examplemail.co.uk", "inbox-uk.net", "hvmail.org.uk"])
    return f"{n[0]}.{n[-1]}{rng.randint(1, 99)}@{dom}"


# ---------------------------------------------------------------- gazetteer
# (street, town, ward, zone, kind, houses, outward)
STREETS = [
    ("Bridge Street", "Hartlepoole", "Central", "A", "flats", 12, "HV1"),
    ("Mill Lane", "Hartlepoole", "Central", "A", "terrace", 16, "HV1"),
    ("Weavers Row", "Hartlepoole", "Central", "B", "terrace", 16, "HV2"),
    ("Spindle Street", "Hartlepoole", "Millbrook", "B", "terrace", 14, "HV2"),
    ("Chapel Terrace", "Hartlepoole", "Millbrook", "C1", "terrace", 14, "HV3"),
    ("Cotton Street", "Hartlepoole", "Millbrook", "C1", "terrace", 12, "HV3"),
    ("Canal Side", "Hartlepoole", "Millbrook", "C2", "terrace", 12, "HV3"),
    ("Infirmary Road", "Hartlepoole", "St Wilfrid's", "Hospital", "terrace", 14, "HV4"),
    ("Lister Avenue", "Hartlepoole", "St Wilfrid's", "Hospital", "semi", 12, "HV4"),
    ("Beechwood Drive", "Oldcote", "Oldcote", "", "estate", 18, "HV5"),
    ("Larch Close", "Oldcote", "Oldcote", "", "estate", 12, "HV5"),
    ("Rowan Way", "Oldcote", "Oldcote", "", "estate", 14, "HV5"),
    ("Kestrel Court", "Oldcote", "Oldcote", "", "flats_block", 10, "HV5"),
    ("Top Road", "Scarth Bridge", "Moorside", "", "terrace", 12, "HV7"),
    ("Moor Lane", "Scarth Bridge", "Moorside", "", "farm", 8, "HV7"),
]
FARMS = ["Higher Croft Farm", "Lower Croft Farm", "Hollin Hey Farm", "Cote Barn", "Moorcock Farm",
         "Stubbins Farm", "Withins Farm", "Peel House Farm"]
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
properties = []
used_pc = set()


def new_inward():
    while True:
        s = f"{rng.randint(1, 9)}{rng.choice(INWARD_LETTERS)}{rng.choice(INWARD_LETTERS)}"
        if s not in used_pc:
            used_pc.add(s)
            return s


uprn_next = 100041230000
for street, town, ward, zone, kind, n, outward in STREETS:
    pc = None
    for i in range(n):
        if i % 6 == 0:
            pc = f"{outward} {new_inward()}"
        uprn_next += rng.randint(1, 40)
        if kind == "flats":
            no = 3 + 2 * (i // 3)
            fl = ["Ground Floor Flat", "1st Floor Flat", "2nd Floor Flat"][i % 3]
            a1, a2, band, flat = f"{no} {street}", fl, "A", True
        elif kind == "flats_block":
            a1, a2, band, flat = f"Flat {i + 1}, Kestrel Court", "", rng.choice("AB"), False
        elif kind == "farm":
            a1, a2, band, flat = f"{FARMS[i]}, Moor Lane", "Scarth Moor", rng.choice("DEF"), False
        else:
            no = 1 + i * (2 if kind in ("semi", "estate") else 1) + (0 if kind != "estate" else 1)
            band = {"terrace": "A", "semi": "C", "estate": rng.choice("BC")}[kind]
            if kind == "terrace" and rng.random() < 0.2:
                band = "B"
            a1, a2, flat = f"{no} {street}", "", False
        properties.append(dict(uprn=uprn_next, a1=a1, a2=a2, town=town, postcode=pc, band=band,
                               ward=ward, zone=zone, flat=flat, street=street, used=False))
PROP_BY_UPRN = {p["uprn"]: p for p in properties}

accounts = []   # dicts: ref, uprn, liable(list), status, start, end, discounts
electors = []   # dicts: no, name, uprn
permits = []    # dicts: ref, uprn, vrm, zone, valid_from, valid_to
used_refs = set()
used_vrms = set()
WARD_CODE = {"Central": "CE", "Millbrook": "MB", "St Wilfrid's": "SW", "Oldcote": "OC", "Moorside": "MS"}
elector_seq = [1000]


def new_ref():
    while True:
        r = f"61{rng.randint(0, 999999):06d}"
        if r not in used_refs:
            used_refs.add(r)
            return r


def unused_ref():
    while True:
        r = f"61{rng.randint(0, 999999):06d}"
        if r not in used_refs:
            return r


def add_account(uprn, liable, status="active", start=None, end=None, discounts=""):
    a = dict(ref=new_ref(), uprn=uprn, liable=list(liable), status=status,
             start=start or (AS_OF - timedelta(days=rng.randint(500, 5000))), end=end, discounts=discounts)
    accounts.append(a)
    return a


def add_elector(name, uprn):
    elector_seq[0] += rng.randint(1, 7)
    electors.append(dict(no=f"{WARD_CODE[PROP_BY_UPRN[uprn]['ward']]}-{elector_seq[0]}", name=name, uprn=uprn))


VRM_L = "ABCDEFGHJKLMNOPRSTUVWXYZ"


def new_vrm(style="current"):
    while True:
        if style == "current":
            v = (rng.choice("BDFHKLMNOPRSVWY") + rng.choice(VRM_L) + rng.choice(["15", "16", "17", "18", "19", "20",
                 "21", "22", "23", "24", "25", "65", "66", "67", "68", "69", "70", "71", "72", "73", "74"])
                 + "".join(rng.choice(VRM_L) for _ in range(3)))
        elif style == "prefix":
            v = rng.choice("PRSTVWXY") + str(rng.randint(1, 999)) + "".join(rng.choice(VRM_L) for _ in range(3))
        else:
            v = "".join(rng.choice(VRM_L) for _ in range(3)) + str(rng.randint(1, 999)) + rng.choice("ABCDEFGHJKLMNPRST")
        if v not in used_vrms:
            used_vrms.add(v)
            return v


def add_permit(uprn, vrm=None, active=True):
    p = PROP_BY_UPRN[uprn]
    if active:
        vf = AS_OF - timedelta(days=rng.randint(20, 330))
    else:
        vf = AS_OF - timedelta(days=rng.randint(400, 700))
    vt = vf + timedelta(days=364)
    permits.append(dict(ref=f"HVP{len(permits) + 20311:06d}", uprn=uprn, vrm=vrm or new_vrm(rng.choice(
        ["current", "current", "prefix", "suffix"])), zone=p["zone"], valid_from=vf, valid_to=vt))


def pick_prop(zone_req=None, no_flat=False, farm_ok=True):
    cands = [p for p in properties if not p["used"]
             and (zone_req is None or (zone_req == "any" and p["zone"]) or (zone_req == "none" and not p["zone"]))
             and not (no_flat and p["flat"]) and (farm_ok or "Farm" not in p["a1"])]
    p = rng.choice(cands)
    p["used"] = True
    return p


def neighbour(p):
    """another real property in the gazetteer on the same street, not used by a form"""
    cands = [q for q in properties if q["street"] == p["street"] and q["uprn"] != p["uprn"] and not q["used"]]
    q = rng.choice(cands)
    q["used"] = True
    return q


def form_addr(p):
    return f"{p['a2']}, {p['a1']}" if p["flat"] else p["a1"]


# ---------------------------------------------------------------- record lookups (checker side)
def norm_addr(s):
    s = s.lower().replace(",", " ").replace(".", " ")
    return re.sub(r"\s+", " ", s).strip()


def norm_pc(s):
    s = re.sub(r"\s+", "", s.upper())
    return s[:-3] + " " + s[-3:]


PC_RE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$")


def find_property(address, postcode):
    for p in properties:
        if p["postcode"] != norm_pc(postcode):
            continue
        forms = [norm_addr(p["a1"])]
        if p["a2"]:
            forms.append(norm_addr(f"{p['a2']} {p['a1']}"))
        if p["flat"]:
            forms = forms[1:]  # a flat must be named
        if norm_addr(address) in forms:
            return p["uprn"]
    return None


def acct(ref):
    return next((a for a in accounts if a["ref"] == ref), None)


def is_liable(a, name):
    return norm_name(name) in {norm_name(x) for x in a["liable"]}


def active_permits_at(uprn):
    return [p for p in permits if p["uprn"] == uprn and p["valid_from"] <= AS_OF <= p["valid_to"]]


VRM_RES = [re.compile(r"^[A-Z]{2}[0-9]{2}[A-Z]{3}$"), re.compile(r"^[A-Z][0-9]{1,3}[A-Z]{3}$"),
           re.compile(r"^[A-Z]{3}[0-9]{1,3}[A-Z]$")]
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")

REQUIRED = {
    "council_tax_spd": ["account_ref", "applicant_name", "address", "postcode", "sole_adult_since", "declaration_date"],
    "parking_permit": ["applicant_name", "address", "postcode", "vrm", "zone", "start_date", "declaration_date"],
}


def dt(s):
    return date.fromisoformat(s)


def basic(ft, f):
    req = list(REQUIRED.get(ft, []))
    if ft == "council_tax_move":
        req = ["move_type", "applicant_name", "move_date", "declaration_date"]
        req += ["account_ref", "previous_address", "previous_postcode"] if f.get("move_type") == "out" else [
            "new_address", "new_postcode"]
    r = [f"MISSING_FIELD:{k}" for k in req if k not in f]
    for k, v in f.items():
        if k.endswith("_date") or k in ("sole_adult_since",):
            if not ISO.match(v):
                r.append(f"INVALID_FORMAT:{k}")
            else:
                try:
                    dt(v)
                except ValueError:
                    r.append(f"INVALID_FORMAT:{k}")
        if k.endswith("postcode") and not PC_RE.match(v):
            r.append(f"INVALID_FORMAT:{k}")
        if k == "account_ref" and not re.match(r"^\d{8}$", v):
            r.append(f"INVALID_FORMAT:{k}")
    return r


def ok_date(f, k):
    return k in f and ISO.match(f[k]) and not any(x.endswith(":" + k) for x in [])


def safe_date(f, k):
    try:
        return dt(f[k])
    except (KeyError, ValueError):
        return None


def check_spd(f, extra):
    r = basic("council_tax_spd", f)
    a = acct(f.get("account_ref", ""))
    if "account_ref" in f:
        if a is None:
            r.append("ACCOUNT_NOT_FOUND")
        else:
            if a["status"] != "active":
                r.append("ACCOUNT_CLOSED")
            if "applicant_name" in f and not is_liable(a, f["applicant_name"]):
                r.append("NAME_MISMATCH")
            if "address" in f and "postcode" in f and find_property(f["address"], f["postcode"]) != a["uprn"]:
                r.append("ADDRESS_MISMATCH")
            if "SPD" in a["discounts"].split(";"):
                r.append("DISCOUNT_ALREADY_APPLIED")
            allowed = {norm_name(f.get("applicant_name", "")), norm_name(f.get("other_adult_name", ""))}
            if any(norm_name(e["name"]) not in allowed for e in electors if e["uprn"] == a["uprn"]):
                r.append("OTHER_ADULTS_REGISTERED")
    d = safe_date(f, "sole_adult_since")
    if d:
        if d > AS_OF:
            r.append("DATE_IN_FUTURE")
        if d < AS_OF - timedelta(days=365):
            r.append("DATE_TOO_OLD")
        if extra.get("described_date") and extra["described_date"] != f["sole_adult_since"]:
            r.append("INCONSISTENT_DATES")
    return r


def check_move(f, extra):
    r = basic("council_tax_move", f)
    if f.get("move_type") == "out" and "account_ref" in f:
        a = acct(f["account_ref"])
        if a is None:
            r.append("ACCOUNT_NOT_FOUND")
        else:
            if not is_liable(a, f.get("applicant_name", "")):
                r.append("NAME_MISMATCH")
            if find_property(f.get("previous_address", ""), f.get("previous_postcode", "XX1 1XX")) != a["uprn"]:
                r.append("ADDRESS_MISMATCH")
    if f.get("move_type") == "in":
        if find_property(f.get("new_address", ""), f.get("new_postcode", "XX1 1XX")) is None:
            r.append("PROPERTY_NOT_FOUND")
    d = safe_date(f, "move_date")
    if d:
        if d > AS_OF + timedelta(days=28):
            r.append("DATE_IN_FUTURE")
        if d < AS_OF - timedelta(days=365):
            r.append("DATE_TOO_OLD")
    return r


def check_parking(f, extra):
    r = basic("parking_permit", f)
    u = find_property(f.get("address", ""), f.get("postcode", "XX1 1XX"))
    if u is None:
        r.append("PROPERTY_NOT_FOUND")
    else:
        p = PROP_BY_UPRN[u]
        if not p["zone"] or p["zone"] != f.get("zone"):
            r.append("NOT_IN_PERMIT_ZONE")
        n = norm_name(f.get("applicant_name", ""))
        liable = any(a["uprn"] == u and a["status"] == "active" and is_liable(a, n) for a in accounts)
        reg = any(e["uprn"] == u and norm_name(e["name"]) == n for e in electors)
        if not (liable or reg):
            r.append("NOT_RESIDENT")
    v = f.get("vrm")
    if v is not None:
        if not any(x.match(v) for x in VRM_RES):
            r.append("INVALID_FORMAT:vrm")
        elif any(p["vrm"] == v and p["valid_from"] <= AS_OF <= p["valid_to"] for p in permits):
            r.append("VRM_HAS_PERMIT")
    if u is not None and len(active_permits_at(u)) >= 2:
        r.append("PERMIT_CAP_REACHED")
    d = safe_date(f, "start_date")
    if d and d > AS_OF + timedelta(days=28):
        r.append("DATE_IN_FUTURE")
    return r


def check_corr(f, extra):
    r = []
    if extra.get("low_conf"):
        r.append("LOW_CONFIDENCE:topic")
    addr_ok = "address" in f and "postcode" in f and find_property(f["address"], f["postcode"]) is not None
    acct_ok = "account_ref" in f and acct(f["account_ref"]) is not None
    if "sender_name" not in f or not (addr_ok or acct_ok):
        r.append("SENDER_UNKNOWN")
    if "account_ref" in f and acct(f["account_ref"]) is None:
        r.append("ACCOUNT_NOT_FOUND")
    return r


CHECKERS = {"council_tax_spd": check_spd, "council_tax_move": check_move,
            "parking_permit": check_parking, "correspondence": check_corr}

# ---------------------------------------------------------------- display formatting
ORD = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}


def fmt_date(iso, style=None):
    d = dt(iso)
    style = style or rng.choice(["dmy", "dmy1", "dash", "dot", "long", "ord", "us", "iso"])
    return {
        "dmy": d.strftime("%d/%m/%Y"), "dmy1": f"{d.day}/{d.month}/{d.year}", "dash": d.strftime("%d-%m-%Y"),
        "dot": d.strftime("%d.%m.%Y"), "long": f"{d.day} {d.strftime('%B %Y')}",
        "ord": f"{d.day}{ORD.get(d.day, 'th')} {d.strftime('%B %Y')}",
        "us": f"{d.strftime('%B')} {d.day}, {d.year}", "iso": iso}[style]


def fmt_ref(r):
    return rng.choice([r, r, f"{r[:4]} {r[4:]}", f"{r[:4]}-{r[4:]}", f"CT{r}", f"CT {r[:4]} {r[4:]}"])


def fmt_pc(pc):
    x = rng.random()
    if x < 0.15:
        return pc.lower()
    if x < 0.3:
        return pc.replace(" ", "")
    return pc


def fmt_vrm(v):
    x = rng.random()
    if re.match(r"^[A-Z]{2}\d{2}[A-Z]{3}$", v) and x < 0.6:
        s = v[:4] + " " + v[4:]
    elif x < 0.3:
        m = re.match(r"^([A-Z]+\d+)([A-Z]+)$", v)
        s = m.group(1) + " " + m.group(2) if m else v
    else:
        s = v
    return s.lower() if rng.random() < 0.12 else s


def rdate(lo, hi):
    return (AS_OF + timedelta(days=rng.randint(lo, hi))).isoformat()


# ---------------------------------------------------------------- scenario builders
MAKES = ["Ford Fiesta", "Vauxhall Corsa", "Nissan Qashqai", "Toyota Yaris", "Kia Sportage", "VW Golf",
         "Peugeot 208", "Skoda Octavia", "Honda Jazz", "Dacia Sandero", "Ford Transit Custom", "Hyundai i10"]
FORWARD = [("22 Leigh Road", "Wigan", "WN1 2AB"), ("14 Ribble Street", "Preston", "PR1 8JT"),
           ("Flat 6, Albion House, Deansgate", "Manchester", "M3 4LQ"), ("9 Haslam Close", "Bolton", "BL3 5HX"),
           ("31 Sea View Road", "Morecambe", "LA4 6DS"), ("5 Hawthorn Grove", "Blackburn", "BB2 3NW"),
           ("118 Kirkgate", "Leeds", "LS2 7DJ"), ("2 Church Brow", "Clitheroe", "BB7 1EF")]


def spd(kind):
    p = pick_prop(no_flat=(kind == "ADDRESS_MISMATCH"))
    app, other = new_person(), new_person()
    named_other = kind in ("OTHER_ADULTS_REGISTERED", "INCONSISTENT_DATES") or rng.random() < 0.75
    liable = [app, other] if named_other and rng.random() < 0.8 else [app]
    if kind == "NAME_MISMATCH":
        liable = [other]
    a = add_account(p["uprn"], liable, discounts="SPD" if kind == "DISCOUNT_ALREADY_APPLIED" else "")
    if kind == "ACCOUNT_CLOSED":
        a["status"] = "closed"
        a["end"] = AS_OF - timedelta(days=rng.randint(400, 900))
        add_account(p["uprn"], [new_person()], start=a["end"] + timedelta(days=1))
    add_elector(app, p["uprn"])
    if named_other and rng.random() < 0.6:
        add_elector(other, p["uprn"])  # still on the register: allowed, named
    if kind == "OTHER_ADULTS_REGISTERED":
        add_elector(new_person(), p["uprn"])
    since = rdate(-330, -15)
    if kind == "DATE_TOO_OLD":
        since = rdate(-620, -420)
    if kind == "DATE_IN_FUTURE":
        since = rdate(6, 25)
    f = {"account_ref": a["ref"], "applicant_name": titled(app), "address": form_addr(p),
         "postcode": p["postcode"], "sole_adult_since": since}
    if kind == "ACCOUNT_NOT_FOUND":
        f["account_ref"] = unused_ref()
    if kind == "ADDRESS_MISMATCH":
        q = neighbour(p)
        f["address"], f["postcode"] = form_addr(q), q["postcode"]
    extra = {"town": p["town"]}
    if named_other:
        f["other_adult_name"] = other
        fw = rng.choice(FORWARD)
        if rng.random() < 0.7:
            f["other_adult_forwarding_address"] = f"{fw[0]}, {fw[1]} {fw[2]}"
    if named_other and (rng.random() < 0.7 or kind == "INCONSISTENT_DATES"):
        d = since
        if kind == "INCONSISTENT_DATES":
            d = (dt(since) - timedelta(days=rng.randint(20, 60))).isoformat()
        who = rng.choice(["My partner", "My former partner", "My lodger", "My housemate"])
        dd = fmt_date(d, rng.choice(["long", "ord", "dmy"]))
        f["change_description"] = rng.choice([
            f"{who} {other.split()[0]} moved out on {dd} and I now live on my own.",
            f"{who} moved out of the house on {dd} to live elsewhere. I am the only adult left.",
            f"We separated and {other} left the property on {dd}."])
        extra["described_date"] = d
    elif not named_other and rng.random() < 0.5:
        f["change_description"] = rng.choice([
            "My mother went into a care home and I am now on my own.",
            "The other adult moved away for work. Nobody else aged 18 or over lives here now."])
    if rng.random() < 0.8:
        f["phone"] = phone()
    if rng.random() < 0.6:
        f["email"] = email_for(app)
    f["declaration_date"] = rdate(-14, -1)
    if kind == "MISSING_FIELD:declaration_date":
        del f["declaration_date"]
    return f, extra


def move(kind, mtype):
    app = new_person()
    extra = {}
    f = {"move_type": mtype, "applicant_name": titled(app)}
    md = rdate(-200, 20)
    if kind == "DATE_TOO_OLD":
        md = rdate(-560, -400)
    if kind == "DATE_IN_FUTURE":
        md = rdate(40, 75)
    if mtype == "out":
        p = pick_prop(no_flat=(kind == "ADDRESS_MISMATCH"))
        co = new_person() if rng.random() < 0.4 else None
        liable = [app] + ([co] if co else [])
        if kind == "NAME_MISMATCH":
            liable = [new_person()]
        a = add_account(p["uprn"], liable)
        add_elector(app, p["uprn"])
        f["account_ref"] = a["ref"]
        f["previous_address"], f["previous_postcode"] = form_addr(p), p["postcode"]
        extra["prev_town"] = p["town"]
        if kind == "ADDRESS_MISMATCH":
            q = neighbour(p)
            f["previous_address"], f["previous_postcode"] = form_addr(q), q["postcode"]
        if rng.random() < 0.75:
            if rng.random() < 0.3:
                q = pick_prop()
                add_account(q["uprn"], [new_person()], status="closed", end=AS_OF - timedelta(days=300))
                f["new_address"], f["new_postcode"], extra["new_town"] = form_addr(q), q["postcode"], q["town"]
            else:
                fw = rng.choice(FORWARD)
                f["new_address"], f["new_postcode"], extra["new_town"] = fw[0], fw[2], fw[1]
    else:
        if kind == "PROPERTY_NOT_FOUND":
            f["new_address"], f["new_postcode"], extra["new_town"] = "17 Heron Gardens", "HV5 9ZZ", "Oldcote"
        else:
            p = pick_prop()
            if rng.random() < 0.6:
                add_account(p["uprn"], [new_person()], status="closed",
                            start=AS_OF - timedelta(days=3000), end=dt(md) - timedelta(days=1))
            f["new_address"], f["new_postcode"], extra["new_town"] = form_addr(p), p["postcode"], p["town"]
    f["move_date"] = md
    if kind == "MISSING_FIELD:move_date":
        del f["move_date"]
    if rng.random() < 0.8:
        f["phone"] = phone()
    if rng.random() < 0.5:
        f["email"] = email_for(app)
    f["declaration_date"] = rdate(-12, -1)
    return f, extra


def parking(kind):
    zreq = "none" if kind == "NOT_IN_PERMIT_ZONE" and rng.random() < 0.5 else "any"
    p = pick_prop(zone_req=zreq)
    app = new_person()
    extra = {"town": p["town"]}
    hh = [app] if kind != "NOT_RESIDENT" else [new_person()]
    if rng.random() < 0.5:
        hh.append(new_person())
    add_account(p["uprn"], hh)
    if kind != "NOT_RESIDENT":
        add_elector(app, p["uprn"])
    for n in hh[1:]:
        add_elector(n, p["uprn"])
    vrm = new_vrm(rng.choice(["current", "current", "current", "prefix", "suffix"]))
    if kind == "PERMIT_CAP_REACHED":
        add_permit(p["uprn"]); add_permit(p["uprn"])
    elif kind == "VRM_HAS_PERMIT":
        add_permit(p["uprn"], vrm=vrm)
    elif kind == "clean":
        x = rng.random()
        if x < 0.3:
            add_permit(p["uprn"])
        elif x < 0.5:
            add_permit(p["uprn"]); add_permit(p["uprn"], active=False)
    zone = p["zone"]
    if kind == "NOT_IN_PERMIT_ZONE":
        zone = rng.choice([z for z in ["A", "B", "C1", "C2"] if z != p["zone"]])
    f = {"applicant_name": titled(app), "address": form_addr(p), "postcode": p["postcode"], "vrm": vrm}
    if kind == "INVALID_FORMAT:vrm":
        f["vrm"] = rng.choice(["HV12345", "AB12CDEF", "KP19ZZ"])
    if kind == "PROPERTY_NOT_FOUND":
        f["address"] = f"{int(p['a1'].split()[0]) + 60} {p['street']}" if p["a1"][0].isdigit() else "40 Mill Lane"
    if rng.random() < 0.7:
        f["vehicle_make"] = rng.choice(MAKES)
    f["zone"] = zone
    f["start_date"] = rdate(-3, 21)
    if rng.random() < 0.8:
        f["phone"] = phone()
    if rng.random() < 0.5:
        f["email"] = email_for(app)
    f["declaration_date"] = rdate(-10, -1)
    if kind == "INVALID_FORMAT:declaration_date":
        f["declaration_date"] = rng.choice(["31/11/2026", "30/02/2026", "31.09.2026"])
        extra["raw_decl"] = True
    return f, extra


# ---------------------------------------------------------------- drawing helpers
W, H = A4


class Doc:
    def __init__(self, path, code, title):
        self.c = canvas.Canvas(path, pagesize=A4, invariant=1)
        self.c.setTitle(title)
        self.c.setAuthor(COUNCIL)
        self.code, self.title, self.page = code, title, 1
        self.y = H - 50

    def text(self, x, y, s, font="Helvetica", size=10, color=black):
        self.c.setFont(font, size)
        self.c.setFillColor(color)
        self.c.drawString(x, y, s)
        self.c.setFillColor(black)

    def wrap(self, x, y, s, width, font="Helvetica", size=10, lead=None, color=black):
        lead = lead or size * 1.3
        for line in simpleSplit(s, font, size, width):
            self.text(x, y, line, font, size, color)
            y -= lead
        return y

    def crest(self, x, y, s=1.0):
        c = self.c
        c.setFillColor(DARK)
        p = c.beginPath()
        p.moveTo(x, y); p.lineTo(x + 34 * s, y); p.lineTo(x + 34 * s, y - 26 * s)
        p.curveTo(x + 34 * s, y - 36 * s, x + 20 * s, y - 42 * s, x + 17 * s, y - 44 * s)
        p.curveTo(x + 14 * s, y - 42 * s, x, y - 36 * s, x, y - 26 * s); p.close()
        c.drawPath(p, fill=1, stroke=0)
        c.setFillColor(white)
        c.setFont("Helvetica-Bold", 11 * s)
        c.drawCentredString(x + 17 * s, y - 22 * s, "HV")
        c.setFont("Helvetica", 5 * s)
        c.drawCentredString(x + 17 * s, y - 31 * s, "LABORE")
        c.setFillColor(black)

    def footer(self, total=None, note=None):
        if getattr(self, "no_footer", False):
            return
        self.c.setLineWidth(0.5)
        self.c.line(40, 40, W - 40, 40)
        self.text(40, 28, f"{self.code}   {COUNCIL}   Town Hall, Market Place, Hartlepoole HV1 1TH",
                  size=7, color=GREY)
        self.text(W - 95, 28, f"Page {self.page}" + (f" of {total}" if total else ""), size=7, color=GREY)
        if note:
            self.text(W - 200, 48, note, "Helvetica-Oblique", 8)

    def new_page(self, total=None, note="Continued overleaf"):
        self.footer(total, note)
        self.c.showPage()
        self.page += 1
        self.text(40, H - 40, f"{COUNCIL} - {self.title} ({self.code}) continued", "Helvetica-Bold", 9, GREY)
        self.y = H - 70

    def save(self, total=None):
        self.footer(total)
        self.c.showPage()
        self.c.save()


def office_box(d, y, rows=("Date received", "Checked by", "Entered on system")):
    d.c.setDash(3, 2)
    d.c.rect(40, y - 16 - 16 * len(rows), W - 80, 16 + 16 * len(rows))
    d.c.setDash()
    d.text(46, y - 12, "FOR OFFICE USE ONLY", "Helvetica-Bold", 8)
    yy = y - 28
    for r in rows:
        d.text(50, yy, r + ":", size=8, color=GREY)
        d.c.line(150, yy - 2, 300, yy - 2)
        yy -= 16
    return y - 20 - 16 * len(rows)


def tick(c, x, y, size=9):
    c.setLineWidth(1.6)
    c.line(x + 1.5, y + size * 0.5, x + size * 0.4, y + 1.5)
    c.line(x + size * 0.4, y + 1.5, x + size + 1, y + size + 2)
    c.setLineWidth(1)


def checkbox(d, x, y, label, ticked, size=9, font_size=9.5):
    d.c.setLineWidth(0.8)
    d.c.rect(x, y - 1, size, size)
    if ticked:
        tick(d.c, x, y - 1, size)
    d.text(x + size + 5, y, label, size=font_size)
    return x + size + 10 + d.c.stringWidth(label, "Helvetica", font_size) + 14


# ---------------------------------------------------------------- display values
def disp(f, extra, style):
    """page strings for each field (what is printed); style = date preference list"""
    out = {}
    for k, v in f.items():
        if (k.endswith("_date") or k == "sole_adult_since") and ISO.match(v):
            out[k] = fmt_date(v, rng.choice(style))
        elif k == "account_ref":
            out[k] = fmt_ref(v)
        elif k.endswith("postcode"):
            out[k] = fmt_pc(v)
        elif k == "vrm":
            out[k] = fmt_vrm(v) if any(x.match(v) for x in VRM_RES) else v[:4] + " " + v[4:]
        else:
            out[k] = v
    return out


def G(dv, k):
    return dv.get(k, "")


# ---------------------------------------------------------------- question wordings per form type
def questions(ft, f, dv, extra, layout):
    """returns list of ('section', title) / ('q', label, value, hint) in a layout-neutral way"""
    q = []
    if ft == "council_tax_spd":
        q += [("section", "About you and the property")]
        q += [("q", {"L1": "Council tax account number (top right of your bill)", "L2": "Account reference",
                     "L3": "Council tax account no", "L4": "What is your council tax account number?"}[layout],
               G(dv, "account_ref"), "")]
        q += [("q", {"L1": "Full name of the person liable to pay", "L2": "Name of liable person",
                     "L3": "Full name", "L4": "Your full name"}[layout], G(dv, "applicant_name"), "")]
        q += [("q", {"L1": "Address of the property (number and street)", "L2": "Property address - first line",
                     "L3": "Address", "L4": "Address line 1"}[layout], G(dv, "address"), "")]
        q += [("q", "Town", extra.get("town", ""), "")]
        q += [("q", "Postcode", G(dv, "postcode"), "")]
        q += [("q", {"L1": "Daytime telephone number", "L2": "Telephone", "L3": "Contact telephone",
                     "L4": "Phone number"}[layout], G(dv, "phone"), "")]
        q += [("q", {"L1": "Email address", "L2": "Email", "L3": "Email", "L4": "Email address"}[layout],
               G(dv, "email"), "")]
        q += [("section", "Your circumstances")]
        q += [("q", {"L1": "Date from which you have been the only adult (aged 18 or over) living there",
                     "L2": "Date you became the only adult", "L3": "Date you started living alone",
                     "L4": "From what date have you been the only adult in the household?"}[layout],
               G(dv, "sole_adult_since"), "")]
        q += [("q", {"L1": "Name of the adult who has left", "L2": "Name of person who moved out",
                     "L3": "Name of the other adult who left", "L4": "Name of the adult who moved out"}[layout],
               G(dv, "other_adult_name"), "If nobody has left, leave blank")]
        q += [("q", {"L1": "Their new address, if you know it", "L2": "Their forwarding address",
                     "L3": "Their new address", "L4": "Their new address (if known)"}[layout],
               G(dv, "other_adult_forwarding_address"), "")]
        q += [("q", {"L1": "Please tell us what changed", "L2": "Tell us what changed",
                     "L3": "What has changed", "L4": "Tell us what changed"}[layout],
               G(dv, "change_description"), "long")]
        q += [("section", "Declaration")]
        q += [("q", {"L1": "Date of declaration", "L2": "Date signed", "L3": "Date",
                     "L4": "Date of declaration"}[layout], G(dv, "declaration_date"), "")]
    elif ft == "council_tax_move":
        out = f["move_type"] == "out"
        q += [("section", "About you")]
        q += [("q", {"L1": "Your full name", "L2": "Full name of person liable", "L3": "Name",
                     "L4": "Full name"}[layout], G(dv, "applicant_name"), "")]
        q += [("q", {"L1": "Council tax account number (if you have one)", "L2": "Council tax ref (moving out only)",
                     "L3": "Council tax account number", "L4": "Council tax account number (if known)"}[layout],
               G(dv, "account_ref"), "")]
        q += [("q", {"L1": "Daytime telephone number", "L2": "Phone", "L3": "Telephone",
                     "L4": "Contact number"}[layout], G(dv, "phone"), "")]
        q += [("q", {"L1": "Email address", "L2": "Email", "L3": "Email", "L4": "Email"}[layout],
               G(dv, "email"), "")]
        q += [("section", "The address you are leaving")]
        q += [("q", {"L1": "Address you are leaving (number and street)", "L2": "Old address - first line",
                     "L3": "Address you are leaving", "L4": "Address you are moving out of"}[layout],
               G(dv, "previous_address"), "")]
        q += [("q", "Town", extra.get("prev_town", "") if out else "", "")]
        q += [("q", "Postcode", G(dv, "previous_postcode"), "")]
        q += [("section", "Your new address" if not out else "Your new / forwarding address")]
        q += [("q", {"L1": "New or forwarding address (number and street)", "L2": "New address - first line",
                     "L3": "New address", "L4": "Address you are moving to"}[layout], G(dv, "new_address"), "")]
        q += [("q", "Town", extra.get("new_town", "") if "new_address" in f else "", "")]
        q += [("q", "Postcode", G(dv, "new_postcode"), "")]
        q += [("q", {"L1": "Date of your move", "L2": "Moving date", "L3": "Date of move",
                     "L4": "What date did you (or will you) move?"}[layout], G(dv, "move_date"), "")]
        q += [("section", "Declaration")]
        q += [("q", {"L1": "Date of declaration", "L2": "Date signed", "L3": "Date",
                     "L4": "Declaration date"}[layout], G(dv, "declaration_date"), "")]
    else:
        q += [("section", "Applicant")]
        q += [("q", {"L1": "Full name of applicant", "L2": "Applicant's name", "L3": "Full name",
                     "L4": "Applicant full name"}[layout], G(dv, "applicant_name"), "")]
        q += [("q", {"L1": "Home address (number and street)", "L2": "Address (first line)",
                     "L3": "Home address", "L4": "Address where the vehicle will be kept"}[layout],
               G(dv, "address"), "")]
        q += [("q", "Town", extra.get("town", ""), "")]
        q += [("q", "Postcode", G(dv, "postcode"), "")]
        q += [("q", {"L1": "Telephone", "L2": "Tel", "L3": "Telephone", "L4": "Phone"}[layout], G(dv, "phone"), "")]
        q += [("q", {"L1": "Email", "L2": "Email", "L3": "Email", "L4": "Email address"}[layout],
               G(dv, "email"), "")]
        q += [("section", "Vehicle and permit")]
        q += [("q", {"L1": "Vehicle registration number", "L2": "Vehicle reg.", "L3": "Vehicle registration",
                     "L4": "Registration number (number plate)"}[layout], G(dv, "vrm"), "")]
        q += [("q", {"L1": "Make and model", "L2": "Make / model", "L3": "Make of vehicle",
                     "L4": "Vehicle make and model"}[layout], G(dv, "vehicle_make"), "")]
        q += [("q", {"L1": "Permit zone (see the sign at the end of your street)", "L2": "Zone",
                     "L3": "Permit zone", "L4": "Which permit zone do you live in?"}[layout], G(dv, "zone"), "zone")]
        q += [("q", {"L1": "Date you want the permit to start", "L2": "Permit start date",
                     "L3": "Start date", "L4": "Permit start date"}[layout], G(dv, "start_date"), "")]
        q += [("section", "Declaration")]
        q += [("q", {"L1": "Date of declaration", "L2": "Date signed", "L3": "Date",
                     "L4": "Date of declaration"}[layout], G(dv, "declaration_date"), "")]
    return q


TITLES_FT = {"council_tax_spd": ("Council Tax - Single Person Discount", "Application for a 25% discount"),
             "council_tax_move": ("Council Tax - Change of Address", "Tell us you are moving"),
             "parking_permit": ("Residents' Parking Permit", "Application for a resident's permit")}
DECL = {
    "council_tax_spd": "I declare that the information I have given is true and complete. I understand that I must "
                       "tell the council within 21 days if anyone aged 18 or over comes to live at the property, and "
                       "that a penalty of up to GBP 70 may be charged for failing to do so.",
    "council_tax_move": "I declare that the information on this form is correct to the best of my knowledge. I "
                        "understand that giving false information to avoid paying council tax is an offence.",
    "parking_permit": "I declare that I live at the address above, that the vehicle is kept there, and that I will "
                      "return the permit if I move or sell the vehicle. Permits cost GBP 45 a year (first permit).",
}
GUIDE = {
    "council_tax_spd": "You may be entitled to a 25% reduction if you are the only adult (aged 18 or over) who lives "
                       "at the property as your main home. Please answer every question. Incomplete forms will be "
                       "returned.",
    "council_tax_move": "Please tell us at least two weeks before you move, or as soon as possible afterwards. If "
                        "you are moving within the borough, complete both the 'leaving' and 'new address' sections.",
    "parking_permit": "Permits are available to residents of streets in the controlled zones A, B, C1, C2 and "
                      "Hospital. A maximum of two permits is issued to each household.",
}
CODES = {"L1": {"council_tax_spd": "HV/CT/SPD1", "council_tax_move": "HV/CT/MV2", "parking_permit": "HV/PK/RP1"},
         "L2": {"council_tax_spd": "CTAX 12 (rev 09/26)", "council_tax_move": "CTAX 07 (rev 09/26)",
                "parking_permit": "PKG 03 (rev 04/26)"},
         "L3": {"council_tax_spd": "Q-SPD/2026", "council_tax_move": "Q-MOVE/2026", "parking_permit": "Q-PERMIT/2026"}}


def header(d, ft, layout):
    t1, t2 = TITLES_FT[ft]
    if layout == "L1":
        d.crest(40, H - 38)
        d.text(84, H - 52, COUNCIL, "Helvetica-Bold", 15)
        d.text(84, H - 66, "Revenues & Benefits Service" if ft != "parking_permit" else "Highways & Parking Services",
               size=9, color=GREY)
        d.text(W - 150, H - 50, "Form " + d.code, "Helvetica-Bold", 9)
        d.c.line(40, H - 90, W - 40, H - 90)
        d.text(40, H - 112, t1, "Helvetica-Bold", 14)
        d.text(40, H - 128, t2, "Helvetica-Oblique", 10)
        d.y = H - 150
    elif layout == "L2":
        d.c.setFillColor(DARK)
        d.c.rect(0, H - 80, W, 80, fill=1, stroke=0)
        d.c.setFillColor(white)
        d.c.rect(40, H - 70, 40, 58, fill=1, stroke=0)
        d.crest(43, H - 18, 1.0)
        d.text(92, H - 38, "HARTLEPOOLE VALE", "Helvetica-Bold", 18, white)
        d.text(92, H - 54, "BOROUGH COUNCIL", "Helvetica", 11, white)
        d.text(W - 210, H - 38, t1, "Helvetica-Bold", 10, white)
        d.text(W - 210, H - 52, d.code, "Helvetica", 8, white)
        d.y = H - 100
        d.y = d.wrap(40, d.y, GUIDE[ft], W - 80, "Helvetica-Oblique", 8.5) - 6
    elif layout == "L3":
        d.crest(W - 80, H - 36, 0.9)
        d.text(40, H - 48, COUNCIL.upper(), "Helvetica-Bold", 12)
        d.text(40, H - 64, t1 + " questionnaire", "Helvetica-Bold", 13)
        d.text(40, H - 78, f"Reference {d.code}.  Please tick ONE box where options are shown.", size=8.5,
               color=GREY)
        d.c.setLineWidth(1.5)
        d.c.line(40, H - 88, W - 40, H - 88)
        d.c.setLineWidth(1)
        d.y = H - 108


# ---------------------------------------------------------------- layout 1: numbered questions, dotted answer lines
def layout1(path, ft, f, dv, extra):
    d = Doc(path, CODES["L1"][ft], TITLES_FT[ft][0])
    header(d, ft, "L1")
    d.c.setFillColor(LIGHT)
    lines = simpleSplit("Guidance: " + GUIDE[ft], "Helvetica", 8.5, W - 100)
    d.c.rect(40, d.y - 10 - 11 * len(lines), W - 80, 14 + 11 * len(lines), fill=1, stroke=0)
    d.c.setFillColor(black)
    d.y = d.wrap(48, d.y - 4, "Guidance: " + GUIDE[ft], W - 100, size=8.5, lead=11) - 14
    if ft == "council_tax_move":
        d.text(40, d.y, "0.  Are you moving in to, or out of, a property in Hartlepoole Vale?", "Helvetica", 10)
        d.y -= 17
        d.c.setDash(1, 2); d.c.line(64, d.y - 2, W - 50, d.y - 2); d.c.setDash()
        d.text(68, d.y, "Moving in" if f["move_type"] == "in" else "Moving out", "Courier", 10.5)
        d.y -= 22
    n, sub = 0, 0
    qs = questions(ft, f, dv, extra, "L1")
    for i, item in enumerate(qs):
        if item[0] == "section":
            if d.y < 200:
                d.new_page(2)
            d.y -= 6
            d.text(40, d.y, f"PART {chr(65 + sum(1 for x in qs[:i] if x[0] == 'section'))} - {item[1].upper()}",
                   "Helvetica-Bold", 10.5)
            d.c.line(40, d.y - 4, W - 40, d.y - 4)
            d.y -= 22
            if item[1] == "Declaration":
                d.y = d.wrap(40, d.y, DECL[ft], W - 80, "Helvetica-Oblique", 8.5, 11) - 10
            continue
        _, label, val, hint = item
        if label in ("Town", "Postcode"):
            sub += 1
            num = f"{n}{chr(96 + sub + 1)}."
        else:
            n += 1
            sub = 0
            num = f"{n}."
            nxt = qs[i + 1] if i + 1 < len(qs) else None
            if nxt and nxt[0] == "q" and nxt[1] == "Town":
                num = f"{n}a."
        if d.y < 90:
            d.new_page(2)
        d.text(40, d.y, num, "Helvetica-Bold", 10)
        d.text(64, d.y, label, size=10)
        if hint and hint not in ("long", "zone"):
            d.text(W - 40 - d.c.stringWidth(hint, "Helvetica-Oblique", 7.5), d.y, hint, "Helvetica-Oblique", 7.5, GREY)
        d.y -= 17
        vlines = simpleSplit(val, "Courier", 10.5, W - 130) if val else [""]
        if hint == "long":
            vlines += [""] * max(0, 2 - len(vlines))
        for vl in vlines:
            d.c.setDash(1, 2); d.c.line(64, d.y - 2, W - 50, d.y - 2); d.c.setDash()
            d.text(68, d.y, vl, "Courier", 10.5)
            d.y -= 16
        d.y -= 6
    d.text(64, d.y, "Signature:", size=10)
    d.text(125, d.y, "(signed electronically)" if rng.random() < 0.5 else "", "Courier", 10)
    d.y -= 30
    if d.y < 120:
        d.new_page(2)
    office_box(d, d.y)
    d.save(d.page if d.page > 1 else 1)


# ---------------------------------------------------------------- layout 2: boxed grid
def layout2(path, ft, f, dv, extra):
    d = Doc(path, CODES["L2"][ft], TITLES_FT[ft][0])
    header(d, ft, "L2")
    qs = questions(ft, f, dv, extra, "L2")
    # group into rows of 2-3 boxes
    rows, cur = [], []
    sec = None
    for item in qs:
        if item[0] == "section":
            if cur:
                rows.append(("row", cur)); cur = []
            rows.append(("section", item[1]))
            continue
        if item[3] == "long":
            if cur:
                rows.append(("row", cur)); cur = []
            rows.append(("row", [item]))
            continue
        cur.append(item)
        lim = 3 if item[1] in ("Town", "Postcode", "Phone", "Telephone", "Email", "Tel", "Zone", "Vehicle reg.",
                               "Make / model") else 2
        if len(cur) >= lim:
            rows.append(("row", cur)); cur = []
    if cur:
        rows.append(("row", cur))
    if ft == "council_tax_move":
        rows.insert(1, ("row", [("q", "Are you moving in or out?", "Moving in" if f["move_type"] == "in" else
                                 "Moving out", ""), ("q", "Reason for move (optional)", "", "")]))
    x0, x1 = 40, W - 40
    for kind, content in rows:
        if kind == "section":
            if d.y < 150:
                d.new_page(2, "Please turn over")
            d.c.setFillColor(DARK)
            d.c.rect(x0, d.y - 14, x1 - x0, 16, fill=1, stroke=0)
            d.text(x0 + 6, d.y - 10, content.upper(), "Helvetica-Bold", 9, white)
            d.y -= 16
            if content == "Declaration":
                h = 12 * len(simpleSplit(DECL[ft], "Helvetica", 8, x1 - x0 - 12)) + 10
                d.c.rect(x0, d.y - h, x1 - x0, h)
                d.wrap(x0 + 6, d.y - 11, DECL[ft], x1 - x0 - 12, size=8, lead=12)
                d.y -= h
            continue
        n = len(content)
        lines_needed = max(len(simpleSplit(it[2], "Helvetica", 10, (x1 - x0) / n - 10)) if it[2] else 1
                           for it in content)
        hgt = 30 + 13 * (lines_needed - 1)
        if content[0][3] == "long":
            hgt = max(hgt, 52)
        if d.y - hgt < 60:
            d.new_page(2, "Please turn over")
        bw = (x1 - x0) / n
        if n == 2 and content[0][1] in ("Name of liable person", "Applicant's name", "Full name of person liable"):
            widths = [(x1 - x0) * 0.62, (x1 - x0) * 0.38]
        else:
            widths = [bw] * n
        x = x0
        for (item, wdt) in zip(content, widths):
            _, label, val, hint = item
            d.c.setLineWidth(0.7)
            d.c.rect(x, d.y - hgt, wdt, hgt)
            d.text(x + 3, d.y - 8, label, "Helvetica", 6.5, GREY)
            yy = d.y - 21
            for vl in simpleSplit(val, "Helvetica", 10, wdt - 10) if val else []:
                d.text(x + 6, yy, vl, "Helvetica", 10)
                yy -= 13
            x += wdt
        d.y -= hgt
    d.y -= 14
    d.c.rect(x0, d.y - 26, (x1 - x0) * 0.62, 26)
    d.text(x0 + 3, d.y - 8, "Signature", "Helvetica", 6.5, GREY)
    d.y -= 40
    if d.y < 110:
        d.new_page(2, "Please turn over")
    office_box(d, d.y, ("Batch no.", "Scanned", "Keyed by"))
    d.save(d.page)


# ---------------------------------------------------------------- layout 3: questionnaire with ticks
def layout3(path, ft, f, dv, extra):
    d = Doc(path, CODES["L3"][ft], TITLES_FT[ft][0])
    header(d, ft, "L3")
    qn = [0]

    def tq(question, options, chosen):
        qn[0] += 1
        if d.y < 90:
            d.new_page(2, "Continued on page 2")
        d.text(40, d.y, f"Q{qn[0]}", "Helvetica-Bold", 10)
        d.text(68, d.y, question, "Helvetica-Bold", 10)
        d.y -= 17
        x = 76
        for o in options:
            if x + d.c.stringWidth(o, "Helvetica", 9.5) + 30 > W - 40:
                x = 76; d.y -= 16
            x = checkbox(d, x, d.y, o, o == chosen)
        d.y -= 24

    def txt(label, val):
        if d.y < 80:
            d.new_page(2, "Continued on page 2")
        d.text(68, d.y, label + ":", "Helvetica-Bold", 10)
        x = 68 + d.c.stringWidth(label + ":", "Helvetica-Bold", 10) + 6
        lines = simpleSplit(val, "Helvetica", 10, W - 40 - x) if val else [""]
        for ln in lines:
            d.text(x, d.y, ln)
            d.y -= 14
        d.y -= 4

    def sec(t):
        if d.y < 150:
            d.new_page(2, "Continued on page 2")
        d.y -= 4
        d.c.setFillColor(LIGHT)
        d.c.rect(40, d.y - 4, W - 80, 16, fill=1, stroke=0)
        d.c.setFillColor(black)
        d.text(44, d.y, t, "Helvetica-Bold", 10.5)
        d.y -= 24

    if ft == "council_tax_spd":
        sec("Section 1  About you")
        txt("Full name", G(dv, "applicant_name"))
        txt("Council tax account no", G(dv, "account_ref"))
        txt("Address", G(dv, "address"))
        txt("Town", extra["town"])
        txt("Postcode", G(dv, "postcode"))
        txt("Contact telephone", G(dv, "phone"))
        txt("Email", G(dv, "email"))
        sec("Section 2  Who lives at the property")
        tq("Is the property your only or main home?", ["Yes", "No"], "Yes")
        tq("Does anyone aged 18 or over live with you?", ["Yes", "No"], "No")
        tq("Has another adult moved out?", ["Yes", "No"], "Yes" if "other_adult_name" in f else "No")
        txt("Date you started living alone", G(dv, "sole_adult_since"))
        txt("Name of the other adult who left", G(dv, "other_adult_name"))
        txt("Their new address", G(dv, "other_adult_forwarding_address"))
        txt("What has changed", G(dv, "change_description"))
        sec("Section 3  Declaration")
        d.y = d.wrap(68, d.y, DECL[ft], W - 110, "Helvetica-Oblique", 8.5, 11) - 8
        tq("I have read and agree to the declaration above", ["I agree"], "I agree")
        txt("Date", G(dv, "declaration_date"))
    elif ft == "council_tax_move":
        out = f["move_type"] == "out"
        sec("Section 1  Your move")
        tq("Are you:", ["moving into a property in Hartlepoole Vale", "moving out of a property in Hartlepoole Vale"],
           "moving out of a property in Hartlepoole Vale" if out else "moving into a property in Hartlepoole Vale")
        tq("Are you:", ["the owner", "a tenant", "a lodger", "other"], rng.choice(["the owner", "a tenant"]))
        txt("Name", G(dv, "applicant_name"))
        txt("Council tax account number", G(dv, "account_ref"))
        txt("Telephone", G(dv, "phone"))
        txt("Email", G(dv, "email"))
        sec("Section 2  Addresses")
        txt("Address you are leaving", G(dv, "previous_address"))
        txt("Town", extra.get("prev_town", ""))
        txt("Postcode", G(dv, "previous_postcode"))
        d.y -= 4
        txt("New address", G(dv, "new_address"))
        txt("Town", extra.get("new_town", "") if "new_address" in f else "")
        txt("Postcode", G(dv, "new_postcode"))
        txt("Date of move", G(dv, "move_date"))
        sec("Section 3  Declaration")
        d.y = d.wrap(68, d.y, DECL[ft], W - 110, "Helvetica-Oblique", 8.5, 11) - 8
        txt("Date", G(dv, "declaration_date"))
    else:
        sec("Section 1  About you")
        txt("Full name", G(dv, "applicant_name"))
        txt("Home address", G(dv, "address"))
        txt("Town", extra["town"])
        txt("Postcode", G(dv, "postcode"))
        txt("Telephone", G(dv, "phone"))
        txt("Email", G(dv, "email"))
        tq("How long have you lived at this address?", ["under 1 year", "1-5 years", "over 5 years"],
           rng.choice(["under 1 year", "1-5 years", "over 5 years"]))
        sec("Section 2  Your vehicle")
        txt("Vehicle registration", G(dv, "vrm"))
        txt("Make of vehicle", G(dv, "vehicle_make"))
        tq("Is the vehicle:", ["owned by you", "a company car", "leased"], "owned by you")
        tq("Which zone do you live in?", ["A", "B", "C1", "C2", "Hospital"], f["zone"])
        txt("Start date", G(dv, "start_date"))
        sec("Section 3  Declaration")
        d.y = d.wrap(68, d.y, DECL[ft], W - 110, "Helvetica-Oblique", 8.5, 11) - 8
        txt("Date", G(dv, "declaration_date"))
    d.y -= 10
    if d.y < 120:
        d.new_page(2, "Continued on page 2")
    office_box(d, d.y, ("Received", "Action"))
    d.save(d.page)


# ---------------------------------------------------------------- layout 4: email from online form platform
PLATFORM = "FormPoint Citizen Services"
FORM_NAMES = {"council_tax_spd": "Council Tax - apply for single person discount",
              "council_tax_move": "Council Tax - tell us you are moving home",
              "parking_permit": "Apply for a residents' parking permit"}


def layout4(path, ft, f, dv, extra, subid, sent):
    d = Doc(path, "FormPoint", FORM_NAMES[ft])
    d.no_footer = True
    c = d.c
    d.text(40, H - 40, "Hartlepoole Vale BC Mail", "Helvetica-Bold", 10, GREY)
    d.text(W - 200, H - 40, "Printed by: revenues.intake", size=8, color=GREY)
    c.line(40, H - 46, W - 40, H - 46)
    y = H - 66
    for k, v in [("From:", f"{PLATFORM} <no-reply@notify.formpoint-citizen.co.uk>"),
                 ("Sent:", sent),
                 ("To:", "ctax.intake@hartlepoole-vale.gov.uk" if ft != "parking_permit"
                  else "parking.permits@hartlepoole-vale.gov.uk"),
                 ("Subject:", f"New submission {subid}: {FORM_NAMES[ft]}")]:
        d.text(40, y, k, "Helvetica-Bold", 9.5)
        d.text(95, y, v, "Helvetica", 9.5)
        y -= 14
    c.line(40, y - 2, W - 40, y - 2)
    y -= 22
    y = d.wrap(40, y, f"A new response has been submitted to the form \"{FORM_NAMES[ft]}\" on the Hartlepoole Vale "
                      f"Borough Council website. Submission reference: {subid}.", W - 80, size=10) - 8
    pairs = []
    if ft == "council_tax_move":
        pairs.append(("Are you moving in or out?", "Moving into Hartlepoole Vale" if f["move_type"] == "in"
                      else "Moving out of a Hartlepoole Vale property"))
    for item in questions(ft, f, dv, extra, "L4"):
        if item[0] == "section":
            pairs.append(("#", item[1]))
            continue
        _, label, val, _h = item
        if label == "Town" and not val:
            pairs.append((label, ""))
            continue
        pairs.append((label, val))
        if label == "Date of declaration" or label == "Declaration date":
            pairs.append(("I confirm the declaration", "Yes"))
    pairs.append(("Submitted", sent))
    pairs.append(("Form version", "v3.2 (Nov 2026)"))
    d.text(40, y, "-" * 78, "Courier", 9)
    y -= 14
    for k, v in pairs:
        if y < 80:
            d.new_page(None, "")
            y = d.y
        if k == "#":
            y -= 4
            d.text(40, y, f"== {v} ==", "Courier-Bold", 9)
            y -= 14
            continue
        first = f"{k}: "
        lines = simpleSplit(first + (v if v else "(no answer)"), "Courier", 9, W - 90)
        for j, ln in enumerate(lines):
            d.text(40 if j == 0 else 58, y, ln, "Courier", 9)
            y -= 12
        y -= 2
    d.text(40, y, "-" * 78, "Courier", 9)
    y -= 20
    if y < 110:
        d.new_page(None, "")
        y = d.y
    y = d.wrap(40, y, "This email was generated automatically by FormPoint on behalf of Hartlepoole Vale Borough "
                      "Council. Do not reply to this message. The information above is confidential and intended "
                      "only for the council service named. If you have received it in error, please delete it and "
                      "tell us at dataprotection@hartlepoole-vale.gov.uk. FormPoint Ltd, registered in England no. "
                      "09876543.", W - 80, "Helvetica-Oblique", 7.5, 10, GREY)
    d.save()


# ---------------------------------------------------------------- correspondence
RECIP = {"missed_bin": ["Waste and Recycling", "Depot Office, Clough Road", "Hartlepoole", "HV2 6LT"],
         "council_tax_query": ["Council Tax Section", "Town Hall, Market Place", "Hartlepoole", "HV1 1TH"],
         "complaint": ["Customer Feedback Team", "Town Hall, Market Place", "Hartlepoole", "HV1 1TH"],
         "foi_request": ["Information Governance", "Town Hall, Market Place", "Hartlepoole", "HV1 1TH"],
         "other": ["Customer Services", "Town Hall, Market Place", "Hartlepoole", "HV1 1TH"]}
ISO_IN = re.compile(r"\[\[(\d{4}-\d{2}-\d{2})\|([^\]]+)\]\]")


def render_dates(s):
    return ISO_IN.sub(lambda m: m.group(2), s)


def corr_build(spec):
    """spec: dict with kind letter/email, topic, sender, prop, acct, paras (with [[iso|shown]] date marks)"""
    paras = [render_dates(p) for p in spec["paras"]]
    dates = []
    for p in spec["paras"]:
        for m in ISO_IN.finditer(p):
            if m.group(1) not in dates:
                dates.append(m.group(1))
    f = {"topic": spec["topic"]}
    if spec.get("sender"):
        f["sender_name"] = spec.get("sender_display") or spec.get("from_display") or spec["sender"]
    if spec.get("prop"):
        f["address"], f["postcode"] = form_addr(spec["prop"]), spec["prop"]["postcode"]
    if spec.get("acct"):
        f["account_ref"] = spec["acct"]
    if dates:
        f["dates_mentioned"] = dates
    f["body"] = re.sub(r"\s+", " ", " ".join(paras)).strip()
    return f, paras


def draw_letter(path, spec, paras):
    d = Doc(path, "", spec["subject"])
    c = d.c
    p = spec.get("prop")
    y = H - 60
    addr = []
    if spec.get("sender_in_block", True) and spec.get("sender"):
        addr.append(spec["sender_display"])
    if p:
        if p["flat"]:
            addr += [p["a2"] + ",", p["a1"]]
        else:
            addr += [p["a1"]]
        if p["a2"] and not p["flat"]:
            addr.append(p["a2"])
        addr += [p["town"], spec.get("pc_display", p["postcode"])]
    if spec.get("phone"):
        addr.append("Tel: " + spec["phone"])
    for ln in addr:
        d.text(W - 220, y, ln, "Times-Roman", 11)
        y -= 13
    y -= 10
    d.text(W - 220, y, spec["letter_date"], "Times-Roman", 11)
    y -= 30
    for ln in RECIP[spec["topic"]] if spec["topic"] in RECIP else RECIP["other"]:
        d.text(60, y, ln, "Times-Roman", 11)
        y -= 13
    y -= 24
    d.text(60, y, spec.get("salutation", "Dear Sir or Madam,"), "Times-Roman", 11)
    y -= 22
    d.text(60, y, spec["subject"], "Times-Bold", 11)
    y -= 22
    for para in paras:
        y = d.wrap(60, y, para, W - 130, "Times-Roman", 11, 14.5) - 9
        if y < 120:
            d.footer(); c.showPage(); d.page += 1; y = H - 70
    y -= 6
    d.text(60, y, spec.get("closing", "Yours faithfully,"), "Times-Roman", 11)
    y -= 40
    if spec.get("sender"):
        d.text(60, y, spec["sender_display"], "Times-Roman", 11)
    else:
        d.text(60, y, spec.get("anon_sign", ""), "Times-Italic", 11)
    c.showPage()
    c.save()


def draw_email(path, spec, paras):
    d = Doc(path, "", spec["subject"])
    c = d.c
    d.text(40, H - 40, spec.get("mailbox", "customer.services@hartlepoole-vale.gov.uk"), "Helvetica-Bold", 10, GREY)
    c.line(40, H - 46, W - 40, H - 46)
    y = H - 66
    hdr = [("From:", f"{spec['from_display']} <{spec['email']}>"), ("Sent:", spec["sent"]),
           ("To:", spec.get("mailbox", "customer.services@hartlepoole-vale.gov.uk")), ("Subject:", spec["subject"])]
    for k, v in hdr:
        d.text(40, y, k, "Helvetica-Bold", 9.5)
        d.text(95, y, v, "Helvetica", 9.5)
        y -= 14
    c.line(40, y - 2, W - 40, y - 2)
    y -= 24
    d.text(40, y, spec.get("salutation", "Hello,"), "Helvetica", 10)
    y -= 20
    for para in paras:
        y = d.wrap(40, y, para, W - 80, "Helvetica", 10, 13.5) - 8
    y -= 6
    for ln in spec["sig"]:
        d.text(40, y, ln, "Helvetica", 10)
        y -= 13
    y -= 20
    d.wrap(40, y, "Sent from my phone" if spec.get("phone_sig") else "", W - 80, "Helvetica-Oblique", 8, 10, GREY)
    c.showPage()
    c.save()


def long_date(iso):
    return fmt_date(iso, "long")


def wd(iso):
    return dt(iso).strftime("%A")


def make_correspondence():
    """returns list of (layout, spec)"""
    out = []

    def resident(zone=None):
        p = pick_prop(zone_req=zone) if zone else pick_prop()
        n = new_person()
        add_elector(n, p["uprn"])
        a = add_account(p["uprn"], [n])
        return p, n, a

    # 1 landlord about a tenant (letter, council_tax_query, clean)
    p, landlord, _ = resident()
    tp = pick_prop(no_flat=False)
    tenant = new_person()
    ta = add_account(tp["uprn"], [tenant])
    add_elector(tenant, tp["uprn"])
    mo = rdate(-40, -20)
    nt = rdate(-10, -5)
    out.append(("letter", dict(kind="letter", topic="council_tax_query", sender=landlord,
                               sender_display=landlord, prop=p, letter_date=long_date(nt), acct=ta["ref"],
                               subject=f"Re: {form_addr(tp)}, {tp['town']} - change of occupier",
                               paras=[
                                   f"I am the owner and landlord of {form_addr(tp)}, {tp['town']} {tp['postcode']}. "
                                   f"I am writing to let you know that my tenant, {tenant}, gave notice and moved out "
                                   f"of the property on [[{mo}|{fmt_date(mo, 'ord')}]]. The keys were returned to me "
                                   f"the same day.",
                                   f"The council tax account for the property is {fmt_ref(ta['ref'])} and is in the "
                                   f"tenant's name. I do not have a forwarding address for them, but I believe they "
                                   f"have moved to the Bolton area.",
                                   "The property is now empty while I carry out some repairs to the kitchen. Please "
                                   "could you tell me whether I am liable for council tax while it is unoccupied, and "
                                   "whether any exemption applies. I expect a new tenant to move in early in the new "
                                   "year."])))
    # 2 resident about two issues (letter) -> LOW_CONFIDENCE:topic
    p, n, a = resident()
    b1 = rdate(-12, -8)
    out.append(("letter", dict(kind="letter", topic="council_tax_query", sender=n, sender_display=titled(n, 0.9),
                               prop=p, letter_date=fmt_date(rdate(-6, -4), "dmy"), low_conf=True,
                               acct=a["ref"],
                               subject="Two matters - my council tax bill and bin collections",
                               paras=[
                                   f"I am writing about two separate things and hope you can pass this to the right "
                                   f"people. Firstly my council tax account {fmt_ref(a['ref'])}: my November bill "
                                   f"shows an instalment that I think I had already paid by direct debit, and I "
                                   f"would like someone to check my account and tell me the correct balance.",
                                   f"Secondly our grey bin was not emptied on [[{b1}|{wd(b1)} {fmt_date(b1, 'long')}]] "
                                   f"even though it was out on the kerb by 7am. Several neighbours on "
                                   f"{p['street']} had the same problem. Please could the crew come back for it, "
                                   f"as it is now overflowing.",
                                   "Thank you for your help with both of these."],
                               closing="Yours sincerely,")))
    # 3 missed bin email (clean)
    p, n, a = resident()
    b = rdate(-6, -3)
    out.append(("email", dict(kind="email", topic="missed_bin", sender=n, from_display=n, email=email_for(n),
                              prop=p, sent=f"{wd(rdate(-2, -2))} {fmt_date(rdate(-2, -2), 'long')} 08:17",
                              subject="Missed bin collection",
                              paras=[f"Our blue recycling bin was missed again on [[{b}|{fmt_date(b, 'dmy')}]]. "
                                     f"It was out in the usual place at the end of the back street. This is the "
                                     f"second time this month. Could you send the wagon back please?"],
                              sig=[n, form_addr(p), f"{p['town']} {p['postcode']}"])))
    # 4 missed bin letter (clean)
    p, n, a = resident()
    b = rdate(-9, -5)
    out.append(("letter", dict(kind="letter", topic="missed_bin", sender=n, sender_display=titled(n, 0.8), prop=p,
                               letter_date=fmt_date(rdate(-4, -3), "long"), closing="Yours faithfully,",
                               subject="Garden waste bin not collected",
                               paras=[f"My brown garden waste bin was not collected on "
                                      f"[[{b}|{fmt_date(b, 'ord')}]]. I have paid for the garden waste "
                                      f"service for this year (receipt GW-22817) and the bin was at the roadside "
                                      f"from the night before.",
                                      "I am 82 and cannot take the waste to the tip myself. Please arrange for it "
                                      "to be emptied as soon as possible."])))
    # 5 complaint letter (clean)
    p, n, a = resident()
    c1 = rdate(-30, -25)
    c2 = rdate(-14, -10)
    out.append(("letter", dict(kind="letter", topic="complaint", sender=n, sender_display=n, prop=p,
                               letter_date=fmt_date(rdate(-5, -3), "long"), closing="Yours faithfully,",
                               subject="Formal complaint - repairs to the footpath and how I was treated",
                               paras=[f"I wish to make a formal complaint. On [[{c1}|{fmt_date(c1, 'long')}]] I "
                                      f"reported a broken flagstone outside my house which my husband tripped on. "
                                      f"Nothing was done. When I telephoned again on "
                                      f"[[{c2}|{fmt_date(c2, 'long')}]] the person I spoke to was rude and told me "
                                      f"to stop wasting their time.",
                                      "I am very unhappy with the way I have been treated and with the lack of "
                                      "action. I would like an apology and for the footpath to be made safe. Please "
                                      "deal with this under your complaints procedure."])))
    # 6 FOI email (clean)
    p, n, a = resident()
    out.append(("email", dict(kind="email", topic="foi_request", sender=n, from_display=n, email=email_for(n),
                              prop=p, sent=f"{fmt_date(rdate(-3, -3), 'dmy')} 21:42", subject="Freedom of Information request",
                              salutation="Dear Information Governance team,",
                              paras=["Under the Freedom of Information Act 2000 please provide the following "
                                     "information:",
                                     "1. The number of residents' parking permits issued in each zone (A, B, C1, C2 "
                                     "and Hospital) in each of the last three financial years.",
                                     "2. The total income from residents' parking permits in the same years.",
                                     "3. The number of penalty charge notices issued in zone C2 in the same period.",
                                     "I would prefer to receive the information by email in a spreadsheet."],
                              sig=["Regards,", n, form_addr(p) + ", " + p["town"], p["postcode"]])))
    # 7 council tax query letter quoting ref (clean)
    p, n, a = resident()
    r1 = rdate(-20, -15)
    out.append(("letter", dict(kind="letter", topic="council_tax_query", sender=n, sender_display=titled(n, 0.9),
                               prop=p, acct=a["ref"], letter_date=fmt_date(rdate(-5, -2), "dmy"),
                               subject=f"Council tax account {fmt_ref(a['ref'])}",
                               closing="Yours sincerely,",
                               paras=[f"I received a reminder notice dated [[{r1}|{fmt_date(r1, 'long')}]] saying "
                                      f"I have missed an instalment. I pay by standing order on the 1st of each "
                                      f"month and my bank statement shows the payment went out.",
                                      "Please could you check my account and confirm the balance, and explain why "
                                      "the reminder was sent. I would also like to change to paying over 12 "
                                      "months instead of 10 if that is possible."])))
    # 8 council tax query email with non-existent ref -> ACCOUNT_NOT_FOUND
    p, n, a = resident()
    bad = unused_ref()
    out.append(("email", dict(kind="email", topic="council_tax_query", sender=n, from_display=n, email=email_for(n),
                              prop=p, acct=bad, sent=f"{fmt_date(rdate(-1, -1), 'long')} 13:05",
                              subject=f"Query about my bill - ref {bad}",
                              paras=[f"Hi, I have been sent a bill for account {bad} but the band looks wrong. My "
                                     f"house is a mid terrace and my neighbours are all in band A but I am being "
                                     f"charged band B. Can you explain how this is worked out and whether I can "
                                     f"appeal?"],
                              sig=["Thanks", n, form_addr(p), p["town"], p["postcode"]])))
    # 9 other letter: allotment (clean)
    p, n, a = resident()
    out.append(("letter", dict(kind="letter", topic="other", sender=n, sender_display=n, prop=p,
                               letter_date=fmt_date(rdate(-7, -6), "long"), closing="Yours faithfully,",
                               subject="Allotment waiting list",
                               paras=["I would like to put my name down for an allotment plot at the Clough Road "
                                      "or Scarth Bridge allotments. Please could you add me to the waiting list and "
                                      "let me know roughly how long the wait is at present, and what the annual "
                                      "rent is for a half plot."])))
    # 10 email, no address, no account -> SENDER_UNKNOWN
    n = new_person()
    out.append(("email", dict(kind="email", topic="complaint", sender=n, from_display=n, email=email_for(n),
                              sent=f"{fmt_date(rdate(-2, -2), 'long')} 17:55",
                              subject="Complaint about the state of the park",
                              paras=["I want to complain about the state of Victoria Park. The toilets have been "
                                     "locked for weeks, the bins are overflowing and there is broken glass in the "
                                     "children's play area. It is not good enough and I expect the council to do "
                                     "something about it."],
                              sig=[n], phone_sig=True)))
    # 11 letter with address but no name -> SENDER_UNKNOWN
    p = pick_prop()
    add_account(p["uprn"], [new_person()])
    out.append(("letter", dict(kind="letter", topic="complaint", sender=None, sender_display="", prop=p,
                               letter_date=fmt_date(rdate(-8, -8), "long"), closing="Yours,",
                               anon_sign="A fed-up resident", subject="Noise from the taxi office",
                               paras=["I am writing to complain about the noise from the taxi office at the end of "
                                      "our road, which is open all night. Cars are revving and doors slamming until "
                                      "4am and nobody in the street can sleep. We have complained before and "
                                      "nothing has happened. I do not want to give my name because I am worried "
                                      "about what they will do."])))
    return out


# ---------------------------------------------------------------- main
def main():
    if os.path.isdir(INBOX):
        shutil.rmtree(INBOX)
    os.makedirs(INBOX)
    plan = []  # (layout, form_type, kind, extra args)
    P = {
        ("L1", "council_tax_spd"): ["clean", "clean", "ACCOUNT_NOT_FOUND", "OTHER_ADULTS_REGISTERED"],
        ("L2", "council_tax_spd"): ["clean", "clean", "NAME_MISMATCH", "DISCOUNT_ALREADY_APPLIED"],
        ("L3", "council_tax_spd"): ["clean", "clean", "ADDRESS_MISMATCH", "INCONSISTENT_DATES", "clean"],
        ("L4", "council_tax_spd"): ["clean", "clean", "ACCOUNT_CLOSED", "DATE_TOO_OLD", "DUP"],
        ("L1", "council_tax_move"): [("clean", "out"), ("clean", "in"), ("DATE_TOO_OLD", "out")],
        ("L2", "council_tax_move"): [("clean", "in"), ("clean", "out"), ("ADDRESS_MISMATCH", "out"), ("clean", "out")],
        ("L3", "council_tax_move"): [("clean", "out"), ("clean", "in"), ("PROPERTY_NOT_FOUND", "in"),
                                     ("MISSING_FIELD:move_date", "out")],
        ("L4", "council_tax_move"): [("clean", "in"), ("clean", "out"), ("NAME_MISMATCH", "out"),
                                     ("DATE_IN_FUTURE", "in")],
        ("L1", "parking_permit"): ["clean", "clean", "PERMIT_CAP_REACHED", "clean"],
        ("L2", "parking_permit"): ["clean", "clean", "NOT_IN_PERMIT_ZONE", "INVALID_FORMAT:declaration_date"],
        ("L3", "parking_permit"): ["clean", "clean", "INVALID_FORMAT:vrm", "NOT_RESIDENT"],
        ("L4", "parking_permit"): ["clean", "clean", "VRM_HAS_PERMIT", "PROPERTY_NOT_FOUND"],
    }
    items = []
    for (lay, ft), kinds in P.items():
        for k in kinds:
            if ft == "council_tax_spd":
                f, extra = spd("clean" if k == "DUP" else k)
            elif ft == "council_tax_move":
                f, extra = move(k[0], k[1]); k = k[0]
            else:
                f, extra = parking(k)
            if k == "DUP":
                items.append(dict(layout=lay, ft=ft, kind=k, f=f, extra=extra, dup="dup-1"))
                items.append(dict(layout=lay, ft=ft, kind=k, f=dict(f), extra=dict(extra), dup="dup-1"))
            else:
                items.append(dict(layout=lay, ft=ft, kind=k, f=f, extra=extra))
    for lay, spec in make_correspondence():
        f, paras = corr_build(spec)
        items.append(dict(layout=lay, ft="correspondence", kind="LOW_CONFIDENCE:topic" if spec.get("low_conf") else
                          ("clean" if spec.get("sender") and (spec.get("prop") and
                                                                not (spec.get("acct") and acct(spec["acct"]) is None))
                           else ("ACCOUNT_NOT_FOUND" if spec.get("sender") else "SENDER_UNKNOWN")),
                          f=f, extra={"low_conf": spec.get("low_conf")}, spec=spec, paras=paras))
    # email without address: SENDER_UNKNOWN
    for it in items:
        if it["ft"] == "correspondence" and it["spec"].get("prop") is None:
            it["kind"] = "SENDER_UNKNOWN"

    # ------------- background records for the remaining properties
    for p in properties:
        if p["used"]:
            continue
        hh = [new_person() for _ in range(rng.choice([1, 1, 2, 2, 2, 3]))]
        disc = "SPD" if len(hh) == 1 and rng.random() < 0.7 else ""
        if rng.random() < 0.2:
            add_account(p["uprn"], [new_person()], status="closed",
                        start=AS_OF - timedelta(days=rng.randint(2000, 4000)),
                        end=AS_OF - timedelta(days=rng.randint(400, 1500)))
        if rng.random() < 0.93:
            add_account(p["uprn"], hh, discounts=disc)
            for n in hh:
                if rng.random() < 0.9:
                    add_elector(n, p["uprn"])
        if p["zone"] and rng.random() < 0.5:
            for _ in range(rng.choice([1, 1, 2])):
                add_permit(p["uprn"], active=rng.random() < 0.8)

    # ------------- expected outcomes via the checker
    for it in items:
        reasons = CHECKERS[it["ft"]](it["f"], it["extra"])
        exp = [] if it["kind"] in ("clean", "DUP") else [it["kind"]]
        assert reasons == exp, (it["layout"], it["ft"], it["kind"], reasons, it["f"])
        it["reasons"] = reasons
        it["outcome"] = "duplicate_pair" if it["kind"] == "DUP" else ("approved" if not reasons else "exception")

    # duplicates only via the pair: no other same-type repeats of account / property / vrm
    seen = {}
    for it in items:
        f = it["f"]
        key = None
        if it["ft"] == "council_tax_spd":
            key = ("spd", f.get("account_ref"))
        elif it["ft"] == "council_tax_move":
            key = ("move", f.get("account_ref") or f.get("new_address"))
        elif it["ft"] == "parking_permit":
            key = ("pk", f.get("vrm"))
        if key:
            seen.setdefault(key, []).append(it.get("dup"))
    for k, v in seen.items():
        assert len(v) == 1 or (len(v) == 2 and v[0] == "dup-1" and v[1] == "dup-1"), k

    # ------------- shuffle and render
    rng.shuffle(items)
    truth = []
    learn_count = {}
    sent_base = AS_OF - timedelta(days=9)
    for i, it in enumerate(items):
        name = f"doc_{i + 1:04d}.pdf"
        path = os.path.join(INBOX, name)
        ft, lay, f, extra = it["ft"], it["layout"], it["f"], it["extra"]
        if ft == "correspondence":
            spec = it["spec"]
            if lay == "letter":
                draw_letter(path, spec, it["paras"])
            else:
                draw_email(path, spec, it["paras"])
        else:
            style = {"L1": ["dmy", "dmy1", "long", "dot", "ord"], "L2": ["dmy", "dmy", "dash"],
                     "L3": ["long", "ord", "us", "dmy"], "L4": ["iso", "dmy", "iso"]}[lay]
            dv = disp(f, extra, style)
            if lay == "L1":
                layout1(path, ft, f, dv, extra)
            elif lay == "L2":
                layout2(path, ft, f, dv, extra)
            elif lay == "L3":
                layout3(path, ft, f, dv, extra)
            else:
                if it.get("dup"):
                    subid = f"HV-{rng.randint(100000, 999999)}"
                    d0 = dt(f["declaration_date"])
                    sent = f"{d0.strftime('%d/%m/%Y')} {rng.randint(9, 22):02d}:{rng.randint(0, 59):02d}"
                    # identical answers; displayed identically
                    if "dup_dv" not in DUPCACHE:
                        DUPCACHE["dup_dv"] = dv
                    dv = DUPCACHE["dup_dv"]
                else:
                    subid = f"HV-{rng.randint(100000, 999999)}"
                    d0 = dt(f["declaration_date"]) if ISO.match(f.get("declaration_date", "x")) else sent_base
                    sent = f"{d0.strftime('%d/%m/%Y')} {rng.randint(7, 23):02d}:{rng.randint(0, 59):02d}"
                layout4(path, ft, f, dv, extra, subid, sent)
        layout_name = {"L1": "numbered_questions", "L2": "boxed_grid", "L3": "tick_questionnaire",
                       "L4": "online_form_email", "letter": "letter", "email": "email"}[lay]
        key = (layout_name, ft)
        split = "test"
        if it["outcome"] == "approved" and learn_count.get(key, 0) < 2:
            learn_count[key] = learn_count.get(key, 0) + 1
            split = "learn"
        row = {"file": name, "form_type": ft, "fields": f, "outcome": it["outcome"], "reasons": it["reasons"],
               "layout": layout_name, "split": split}
        if it.get("dup"):
            row["duplicate_group"] = it["dup"]
        truth.append(row)
    with open(os.path.join(HERE, "truth.jsonl"), "w") as fh:
        for r in truth:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    write_workbook()
    print(f"{len(truth)} forms; outcomes:",
          {o: sum(1 for r in truth if r["outcome"] == o) for o in ("approved", "exception", "duplicate_pair")})
    print(f"{len(properties)} properties, {len(accounts)} accounts, {len(electors)} electors, {len(permits)} permits")


DUPCACHE = {}


def write_workbook():
    wb = Workbook()
    ws = wb.active
    ws.title = "properties"
    ws.append(["uprn", "address_line_1", "address_line_2", "town", "postcode", "council_tax_band", "ward",
               "parking_zone"])
    for p in properties:
        ws.append([p["uprn"], p["a1"], p["a2"] or None, p["town"], p["postcode"], p["band"], p["ward"],
                   p["zone"] or None])
    ws = wb.create_sheet("council_tax_accounts")
    ws.append(["account_ref", "uprn", "liable_parties", "status", "start_date", "end_date", "discounts"])
    for a in sorted(accounts, key=lambda a: a["ref"]):
        ws.append([a["ref"], a["uprn"], ";".join(a["liable"]), a["status"], a["start"], a["end"],
                   a["discounts"] or None])
    for row in ws.iter_rows(min_row=2, min_col=5, max_col=6):
        for cell in row:
            cell.number_format = "yyyy-mm-dd"
    for row in ws.iter_rows(min_row=2, min_col=1, max_col=1):
        for cell in row:
            cell.number_format = "@"
    ws = wb.create_sheet("electoral_register")
    ws.append(["elector_number", "full_name", "uprn"])
    for e in electors:
        ws.append([e["no"], e["name"], e["uprn"]])
    ws = wb.create_sheet("parking_permits")
    ws.append(["permit_ref", "uprn", "vrm", "zone", "valid_from", "valid_to"])
    for p in permits:
        ws.append([p["ref"], p["uprn"], p["vrm"], p["zone"], p["valid_from"], p["valid_to"]])
    for row in ws.iter_rows(min_row=2, min_col=5, max_col=6):
        for cell in row:
            cell.number_format = "yyyy-mm-dd"
    import datetime as _d
    wb.properties.created = wb.properties.modified = _d.datetime(2026, 12, 6, 18, 0, 0)
    wb.properties.creator = "HVBC Revenues extract"
    out = os.path.join(HERE, "records.xlsx")
    wb.save(out)
    import zipfile  # fixed zip entry times so the workbook is byte-identical run to run
    with zipfile.ZipFile(out) as z:
        parts = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for n, b in parts:
            if n == "docProps/core.xml":
                b = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2026-12-06T18:00:00Z", b)
            z.writestr(zipfile.ZipInfo(n, date_time=(2026, 12, 6, 18, 0, 0)), b, zipfile.ZIP_DEFLATED)


if __name__ == "__main__":
    main()
