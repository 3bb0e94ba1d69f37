#!/usr/bin/env python3
"""Blind test set 32: London Borough of Sedgemere.

Deterministic generator: records.xlsx, inbox/*.pdf, truth.jsonl, README.md.
Run with any Python 3.11 that has reportlab and openpyxl.
"""
import datetime as dt
import io
import json
import os
import random
import re
import shutil
import zipfile

import openpyxl
from reportlab.lib.colors import Color, black, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

HERE = os.path.dirname(os.path.abspath(__file__))
INBOX = os.path.join(HERE, "inbox")
AS_OF = dt.date(2026, 12, 7)
SEED = 3232
rng = random.Random(SEED)
D = dt.date

FONT_DIR = "/usr/share/fonts/truetype/dejavu"
pdfmetrics.registerFont(TTFont("Hand", os.path.join(FONT_DIR, "DejaVuSerif-Italic.ttf")))
pdfmetrics.registerFont(TTFont("HandB", os.path.join(FONT_DIR, "DejaVuSansCondensed-Oblique.ttf")))
pdfmetrics.registerFont(TTFont("DVS", os.path.join(FONT_DIR, "DejaVuSans.ttf")))
pdfmetrics.registerFont(TTFont("DVSB", os.path.join(FONT_DIR, "DejaVuSans-Bold.ttf")))
pdfmetrics.registerFont(TTFont("DVSC", os.path.join(FONT_DIR, "DejaVuSansCondensed.ttf")))

# ---------------------------------------------------------------- normalisers
TITLES = {"mr", "mrs", "ms", "miss", "dr", "mx"}


def norm_name(n):
    toks = re.sub(r"\s+", " ", n.replace(".", " ")).strip().lower().split(" ")
    while toks and toks[0] in TITLES:
        toks = toks[1:]
    return " ".join(toks)


def norm_addr(a):
    a = a.lower().replace(",", " ").replace(".", " ")
    return re.sub(r"\s+", " ", a).strip()


def norm_pc(p):
    p = re.sub(r"\s+", "", p).upper()
    return p[:-3] + " " + p[-3:]


def norm_vrm(v):
    return re.sub(r"\s+", "", v).upper()


VRM_RE = [re.compile(r"^[A-Z]{2}[0-9]{2}[A-Z]{3}$"),      # current  AB12CDE
          re.compile(r"^[A-Z][0-9]{1,3}[A-Z]{3}$"),       # prefix   A123BCD
          re.compile(r"^[A-Z]{3}[0-9]{1,3}[A-Z]$")]       # suffix   ABC123D


def vrm_valid(v):
    return any(r.match(v) for r in VRM_RE)


# ---------------------------------------------------------------- display formats
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def ordinal(n):
    if 11 <= n % 100 <= 13:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }".replace(" ", "")


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
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "ordinal":
        return f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}"
    if style == "us_long":
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    if style == "iso":
        return d.isoformat()
    raise ValueError(style)


DATE_STYLES = ["slash", "slash", "slash_short", "dash", "dot", "long", "ordinal", "us_long", "iso"]


def fmt_acct(ref, style):
    if style == "plain":
        return ref
    if style == "space":
        return ref[:4] + " " + ref[4:]
    if style == "dash":
        return ref[:4] + "-" + ref[4:]
    if style == "ct":
        return "CT" + ref
    raise ValueError(style)


def fmt_pc(pc, style):
    if style == "std":
        return pc
    if style == "nospace":
        return pc.replace(" ", "")
    if style == "lower":
        return pc.lower()
    raise ValueError(style)


def fmt_vrm(v, style):
    if style == "plain":
        return v
    if style == "split":
        # current style: AB12 CDE ; prefix A123 BCD ; suffix ABC 123D
        if VRM_RE[0].match(v):
            return v[:4] + " " + v[4:]
        if VRM_RE[1].match(v):
            return v[:-3] + " " + v[-3:]
        if VRM_RE[2].match(v):
            return v[:3] + " " + v[3:]
        return v
    if style == "lower":
        return fmt_vrm(v, "split").lower()
    raise ValueError(style)


# ---------------------------------------------------------------- the world
STREETS = [
    # name, district, ward, zone, kind, block/street for mansions
    dict(name="Harcourt Road", dist="SG1", ward="Kingsmere", zone="K2", kind="shopflat"),
    dict(name="Kingsmere Road", dist="SG1", ward="Kingsmere", zone="K2", kind="house"),
    dict(name="Alderney Mansions", dist="SG2", ward="Priory", zone="SM1", kind="mansion", street="Priory Walk"),
    dict(name="Tavistock Mansions", dist="SG2", ward="Priory", zone="SM1", kind="mansion", street="Sedgemere High Street"),
    dict(name="Sedgemere High Street", dist="SG2", ward="Priory", zone="SM1", kind="shopflat"),
    dict(name="Canal Street", dist="SG3", ward="Wharfside", zone="C", kind="shopflat"),
    dict(name="Ropemakers Row", dist="SG3", ward="Wharfside", zone="C", kind="house"),
    dict(name="Cressida Road", dist="SG4", ward="St Anne's", zone="SM2", kind="house"),
    dict(name="St Anne's Terrace", dist="SG4", ward="St Anne's", zone="SM2", kind="house"),
    dict(name="Lyndhurst Gardens", dist="SG7", ward="Lyndhurst", zone="K3", kind="house"),
    dict(name="Beaumont Court", dist="SG5", ward="Wharfside", zone="C", kind="mansion", street="Wharf Lane"),
    dict(name="Orchard Grove", dist="SG6", ward="Northfield", zone="", kind="house"),
    dict(name="Elmfield Avenue", dist="SG8", ward="Northfield", zone="", kind="house"),
]
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
used_pcs = set()


def new_inward():
    while True:
        s = f"{rng.randint(1, 9)}{rng.choice(INWARD_LETTERS)}{rng.choice(INWARD_LETTERS)}"
        if s not in used_pcs:
            used_pcs.add(s)
            return s


for st in STREETS:
    st["pcs"] = [f"{st['dist']} {new_inward()}" for _ in range(3)]
    st["used"] = set()

FIRST = ["Amelia", "Oliver", "Priya", "Tomasz", "Grace", "Daniel", "Fatima", "Liam", "Chloe", "Kwame",
         "Siobhan", "Hassan", "Eleanor", "Marcus", "Yasmin", "Rhys", "Ngozi", "Callum", "Ines", "Dmitri",
         "Aisha", "George", "Mei", "Samuel", "Harriet", "Jamal", "Zofia", "Benedict", "Leila", "Patrick",
         "Ruth", "Arjun", "Bethany", "Femi", "Catriona", "Ravi", "Hannah", "Luca", "Olumide", "Freya",
         "Imran", "Sophie", "Kofi", "Agnieszka", "Theo", "Margaret", "Nikhil", "Rosa", "Euan", "Adaeze",
         "Jonathan", "Niamh", "Oscar", "Tariq", "Isla", "Emeka", "Clara", "Vikram", "Maud", "Stefan"]
LAST = ["Whitfield", "Okafor", "Raman", "Nowak", "Adeyemi", "Brennan", "Hussain", "Fletcher", "Moreau",
        "Mensah", "O'Neill", "Karimi", "Ashworth", "Delaney", "Patel", "Llewellyn", "Eze", "Macleod",
        "Ferreira", "Volkov", "Rahman", "Pemberton", "Zhang", "Osei", "Greaves", "Ellis-Barker",
        "Kowalczyk", "Hart", "Haddad", "Quinn", "Abrahams", "Chaudhry", "Sinclair", "Adebayo", "Fraser",
        "Naidoo", "Gallagher", "Bianchi", "Balogun", "Lindqvist", "Siddiqui", "Thornton", "Asante",
        "Lawson", "Kerr", "Mehta", "Santos", "Campbell", "Obi", "Drummond", "Varga", "Costa"]
used_names = set()


def new_name(last=None):
    while True:
        n = f"{rng.choice(FIRST)} {last or rng.choice(LAST)}"
        if n not in used_names:
            used_names.add(n)
            return n


properties = []        # dicts
prop_by_uprn = {}
accounts = {}          # ref -> dict
electors = []          # dicts
permits = []           # dicts
used_refs = set()
used_vrms = set()
_uprn = [100023410000]


def new_uprn():
    _uprn[0] += rng.randint(3, 40)
    return _uprn[0]


def new_property(street_name=None, kind=None, zone=None, no_zone=False):
    cands = [s for s in STREETS if (street_name is None or s["name"] == street_name)
             and (kind is None or s["kind"] == kind)
             and (zone is None or s["zone"] == zone)
             and (not no_zone or s["zone"] == "")]
    st = rng.choice(cands)
    while True:
        if st["kind"] == "house":
            line1 = f"{rng.randint(1, 96)} {st['name']}"
            line2 = rng.choice(["", "", "Sedgemere"])
        elif st["kind"] == "shopflat":
            num = rng.randint(2, 140)
            flat = rng.choice(["Flat 1", "Flat 2", "Flat 3", "Flat A", "Flat B", "First Floor Flat"])
            line1 = f"{flat}, {num} {st['name']}"
            line2 = ""
        else:
            line1 = f"{rng.randint(1, 48)} {st['name']}"
            line2 = st["street"]
        if line1 not in st["used"]:
            st["used"].add(line1)
            break
    p = dict(uprn=new_uprn(), address_line_1=line1, address_line_2=line2, town="London",
             postcode=rng.choice(st["pcs"]), council_tax_band=rng.choice("ABCCDDDEEFG"),
             ward=st["ward"], parking_zone=st["zone"], street=st)
    properties.append(p)
    prop_by_uprn[p["uprn"]] = p
    return p


def sibling_flat(p):
    """Another flat in the same building (shop flats only)."""
    st = p["street"]
    flat, rest = p["address_line_1"].split(", ", 1)
    for f in ["Flat 1", "Flat 2", "Flat 3", "Flat 4", "Flat A", "Flat B"]:
        line1 = f"{f}, {rest}"
        if line1 not in st["used"]:
            st["used"].add(line1)
            q = dict(p, uprn=new_uprn(), address_line_1=line1)
            properties.append(q)
            prop_by_uprn[q["uprn"]] = q
            return q
    raise RuntimeError


def new_ref():
    while True:
        r = f"52{rng.randint(0, 999999):06d}"
        if r not in used_refs:
            used_refs.add(r)
            return r


def add_account(p, parties, status="active", start=None, end=None, discounts=""):
    ref = new_ref()
    if start is None:
        start = D(rng.randint(2008, 2024), rng.randint(1, 12), rng.randint(1, 28))
    accounts[ref] = dict(account_ref=ref, uprn=p["uprn"], liable_parties=";".join(parties),
                         status=status, start_date=start, end_date=end, discounts=discounts)
    return ref


_eln = {}


def add_elector(name, p):
    pd = {"Kingsmere": "KA", "Priory": "PB", "Wharfside": "WC", "St Anne's": "SD",
          "Lyndhurst": "LE", "Northfield": "NF"}[p["ward"]]
    _eln[pd] = _eln.get(pd, 0) + rng.randint(1, 9)
    electors.append(dict(elector_number=f"{pd}-{_eln[pd]:04d}", full_name=name, uprn=p["uprn"]))


def new_vrm(style="current"):
    L = "ABCDEFGHJKLMNOPRSTUVWXY"
    while True:
        if style == "current":
            v = f"{rng.choice('BDEFGHKLMNOPRSVWY')}{rng.choice(L)}{rng.choice(['15', '16', '18', '19', '20', '21', '22', '23', '24', '65', '66', '68', '69', '70', '71', '72', '73', '74'])}" \
                f"{rng.choice(L)}{rng.choice(L)}{rng.choice(L)}"
        elif style == "prefix":
            v = f"{rng.choice('LMNPRST')}{rng.randint(1, 999)}{rng.choice(L)}{rng.choice(L)}{rng.choice(L)}"
        else:
            v = f"{rng.choice(L)}{rng.choice(L)}{rng.choice(L)}{rng.randint(1, 999)}{rng.choice('ABCDEFGHJKLMNPRSTVWXY')}"
        if v not in used_vrms:
            used_vrms.add(v)
            return v


_pref = [0]


def add_permit(p, vrm, valid_from, valid_to=None):
    _pref[0] += rng.randint(1, 30)
    if valid_to is None:
        valid_to = valid_from + dt.timedelta(days=364)
    permits.append(dict(permit_ref=f"SRP{valid_from.year % 100:02d}-{4100 + _pref[0]:05d}", uprn=p["uprn"],
                        vrm=vrm, zone=p["parking_zone"], valid_from=valid_from, valid_to=valid_to))


def rand_date(a, b):
    return a + dt.timedelta(days=rng.randint(0, (b - a).days))


def phone():
    if rng.random() < 0.6:
        return f"07700 900{rng.randint(0, 999):03d}"
    return f"020 7946 0{rng.randint(0, 999):03d}"


def email_for(name):
    f, l = name.split(" ", 1)
    l = l.replace("'", "").replace("-", "").lower()
    dom = rng.choice(["gmail.com", "outlook.com", "btinternet.com", "yahoo.co.uk", "icloud.com", "hotmail.co.uk"])
    pat = rng.choice([f"{f.lower()}.{l}", f"{f[0].lower()}{l}", f"{f.lower()}{l}{rng.randint(1, 99)}", f"{l}.{f.lower()}"])
    return f"{pat}@{dom}"


OUT_OF_AREA = [("14 Chapel Street", "Headingley", "Leeds", "LS6 3QX"),
               ("Flat 9, Marlowe House, 2 Quay Street", "", "Bristol", "BS1 4RJ"),
               ("27 Fernbank Road", "", "Reading", "RG30 2NW"),
               ("3 Glebe Cottages", "Upper Tysoe", "Warwick", "CV35 0TW"),
               ("112 Victoria Avenue", "", "Margate", "CT9 1FG"),
               ("Flat 2, 40 Gloucester Place", "", "Brighton", "BN1 4AW"),
               ("8 Rowan Close", "", "St Albans", "AL3 5PL"),
               ("56 Harrow View", "", "Harrow", "HA1 4TB")]

# ---------------------------------------------------------------- checks


def find_property(line1, pc):
    for p in properties:
        if norm_addr(p["address_line_1"]) == norm_addr(line1) and p["postcode"] == pc:
            return p
    return None


def check(ft, f):
    req = {"council_tax_spd": ["account_ref", "applicant_name", "address", "postcode", "sole_adult_since", "declaration_date"],
           "council_tax_move": ["move_type", "applicant_name", "move_date", "declaration_date"],
           "parking_permit": ["applicant_name", "address", "postcode", "vrm", "zone", "start_date", "declaration_date"],
           "correspondence": ["topic", "body"]}[ft]
    if ft == "council_tax_move":
        if f.get("move_type") == "out":
            req += ["account_ref", "previous_address", "previous_postcode"]
        else:
            req += ["new_address", "new_postcode"]
    reasons = [f"MISSING_FIELD:{k}" for k in req if k not in f]
    if ft == "council_tax_spd":
        acct = accounts.get(f.get("account_ref"))
        prop = None
        if "account_ref" in f and acct is None:
            reasons.append("ACCOUNT_NOT_FOUND")
        if acct:
            prop = prop_by_uprn[acct["uprn"]]
            if acct["status"] != "active":
                reasons.append("ACCOUNT_CLOSED")
            if norm_name(f["applicant_name"]) not in [norm_name(x) for x in acct["liable_parties"].split(";")]:
                reasons.append("NAME_MISMATCH")
            if norm_addr(f["address"]) != norm_addr(prop["address_line_1"]) or f["postcode"] != prop["postcode"]:
                reasons.append("ADDRESS_MISMATCH")
            if "SPD" in acct["discounts"].split(";"):
                reasons.append("DISCOUNT_ALREADY_APPLIED")
        else:
            prop = find_property(f["address"], f["postcode"])
        if prop:
            allowed = {norm_name(f["applicant_name"])}
            if "other_adult_name" in f:
                allowed.add(norm_name(f["other_adult_name"]))
            if any(norm_name(e["full_name"]) not in allowed for e in electors if e["uprn"] == prop["uprn"]):
                reasons.append("OTHER_ADULTS_REGISTERED")
        if "sole_adult_since" in f:
            s = D.fromisoformat(f["sole_adult_since"])
            if s > AS_OF:
                reasons.append("DATE_IN_FUTURE")
            if (AS_OF - s).days > 365:
                reasons.append("DATE_TOO_OLD")
    elif ft == "council_tax_move":
        if f["move_type"] == "out":
            acct = accounts.get(f.get("account_ref"))
            if acct is None:
                reasons.append("ACCOUNT_NOT_FOUND")
            else:
                prop = prop_by_uprn[acct["uprn"]]
                if norm_name(f["applicant_name"]) not in [norm_name(x) for x in acct["liable_parties"].split(";")]:
                    reasons.append("NAME_MISMATCH")
                if norm_addr(f["previous_address"]) != norm_addr(prop["address_line_1"]) or f["previous_postcode"] != prop["postcode"]:
                    reasons.append("ADDRESS_MISMATCH")
        else:
            if find_property(f["new_address"], f["new_postcode"]) is None:
                reasons.append("PROPERTY_NOT_FOUND")
        if "move_date" in f:
            m = D.fromisoformat(f["move_date"])
            if (m - AS_OF).days > 28:
                reasons.append("DATE_IN_FUTURE")
            if (AS_OF - m).days > 365:
                reasons.append("DATE_TOO_OLD")
    elif ft == "parking_permit":
        prop = find_property(f["address"], f["postcode"])
        if prop is None:
            reasons.append("PROPERTY_NOT_FOUND")
        else:
            if not prop["parking_zone"] or prop["parking_zone"] != f.get("zone"):
                reasons.append("NOT_IN_PERMIT_ZONE")
            nm = norm_name(f["applicant_name"])
            liable = any(a["uprn"] == prop["uprn"] and a["status"] == "active" and
                         nm in [norm_name(x) for x in a["liable_parties"].split(";")] for a in accounts.values())
            reg = any(e["uprn"] == prop["uprn"] and norm_name(e["full_name"]) == nm for e in electors)
            if not (liable or reg):
                reasons.append("NOT_RESIDENT")
        v = f.get("vrm")
        if v and not vrm_valid(v):
            reasons.append("INVALID_FORMAT:vrm")
        elif v and any(pm["vrm"] == v and pm["valid_from"] <= AS_OF <= pm["valid_to"] for pm in permits):
            reasons.append("VRM_HAS_PERMIT")
        if prop is not None:
            n = sum(1 for pm in permits if pm["uprn"] == prop["uprn"] and pm["valid_from"] <= AS_OF <= pm["valid_to"])
            if n >= 2:
                reasons.append("PERMIT_CAP_REACHED")
        if "start_date" in f and (D.fromisoformat(f["start_date"]) - AS_OF).days > 28:
            reasons.append("DATE_IN_FUTURE")
    elif ft == "correspondence":
        if "account_ref" in f and f["account_ref"] not in accounts:
            reasons.append("ACCOUNT_NOT_FOUND")
        addr_ok = "address" in f and "postcode" in f and find_property(f["address"], f["postcode"]) is not None
        acct_ok = "account_ref" in f and f["account_ref"] in accounts
        if "sender_name" not in f or not (addr_ok or acct_ok):
            reasons.insert(0, "SENDER_UNKNOWN")
    return reasons


# ---------------------------------------------------------------- scenarios
MAKES = {"Toyota": ["Yaris", "Corolla", "Prius"], "Ford": ["Fiesta", "Focus", "Puma"],
         "Volkswagen": ["Golf", "Polo", "ID.3"], "Vauxhall": ["Corsa", "Astra"], "Kia": ["Niro", "Picanto"],
         "Nissan": ["Leaf", "Micra", "Juke"], "Honda": ["Jazz", "Civic"], "Renault": ["Clio", "Zoe"],
         "Peugeot": ["208", "2008"], "Hyundai": ["i10", "Kona"], "Skoda": ["Fabia", "Octavia"],
         "Mini": ["Cooper", "Countryman"], "Fiat": ["500", "Panda"], "Tesla": ["Model 3"]}
COLOURS = ["Silver", "Black", "White", "Blue", "Grey", "Red", "Dark green"]
CLEAN_SINCE = (D(2026, 1, 20), D(2026, 11, 26))


FEMALE = {"Amelia", "Priya", "Grace", "Fatima", "Chloe", "Siobhan", "Eleanor", "Yasmin", "Ngozi", "Ines", "Aisha",
          "Mei", "Harriet", "Zofia", "Leila", "Ruth", "Bethany", "Catriona", "Hannah", "Freya", "Sophie", "Agnieszka",
          "Margaret", "Rosa", "Adaeze", "Niamh", "Isla", "Clara", "Maud"}


def who_written(name, p_title=0.35):
    if rng.random() < p_title:
        if name.split(" ")[0] in FEMALE:
            t = rng.choice(["Mrs", "Ms", "Miss", "Dr", "Ms", "Mx"])
        else:
            t = rng.choice(["Mr", "Mr", "Dr", "Mx"])
        return t + " " + name
    return name


def styles():
    return dict(date=rng.choice(DATE_STYLES), acct=rng.choice(["plain", "plain", "space", "dash", "ct"]),
                pc=rng.choice(["std", "std", "std", "nospace", "lower"]),
                vrm=rng.choice(["plain", "split", "split", "lower"]))


def addr_lines(p):
    return [p["address_line_1"], p["address_line_2"], p["town"]]


def bare(name):
    toks = name.split(" ")
    while toks and toks[0].lower().rstrip(".") in TITLES:
        toks = toks[1:]
    return " ".join(toks)


def opt_contact(f, name, p_phone=0.6, p_email=0.5):
    if rng.random() < p_phone:
        f["phone"] = phone()
    if rng.random() < p_email:
        f["email"] = email_for(bare(name))


SPD_CHANGES = [
    "{o} moved out to live in {town}.",
    "My partner {o} and I have separated and {he} has moved out.",
    "My flatmate {o} moved out when their part of the tenancy ended.",
    "{o} moved out on {date}.",
    "My partner left the property. We are separated.",
    "My lodger has moved out and I am not taking another.",
    "The other adult who lived with me has moved into a care home permanently.",
]


def spd_scenario(kind, layout):
    p = new_property()
    applicant = new_name()
    sty = styles()
    other = None
    if kind in ("other_adults",) or rng.random() < 0.65:
        other = new_name(applicant.split(" ", 1)[1] if rng.random() < 0.5 else None)
    parties = [applicant]
    if other and rng.random() < 0.5:
        parties.append(other)
    discounts = "SPD" if kind == "discount" else ""
    if kind == "name_mismatch":
        landlord = new_name()
        parties = [landlord]
    ref = add_account(p, parties, discounts=discounts,
                      start=D(rng.randint(2012, 2024), rng.randint(1, 12), rng.randint(1, 28)))
    add_elector(applicant, p)
    name_other_on_form = other is not None and rng.random() < 0.8
    if other and name_other_on_form and rng.random() < 0.6:
        add_elector(other, p)          # register not yet updated: allowed, named on the form
    if kind == "other_adults":
        name_other_on_form = True
        add_elector(other, p)
        add_elector(new_name(applicant.split(" ", 1)[1]), p)
    since = rand_date(*CLEAN_SINCE)
    if kind == "too_old":
        since = rand_date(D(2025, 6, 1), D(2025, 11, 15))
    if kind == "future":
        since = rand_date(D(2026, 12, 14), D(2027, 1, 10))
    decl = rand_date(max(since, D(2026, 11, 5)) if kind != "future" else D(2026, 11, 20), D(2026, 12, 4))
    f = dict(account_ref=ref, applicant_name=who_written(applicant), address=p["address_line_1"],
             postcode=p["postcode"], sole_adult_since=since.isoformat())
    show = dict(sty=sty, addr=addr_lines(p), acct_display=fmt_acct(ref, sty["acct"]))
    if kind == "account_not_found":
        while True:
            ds = list(ref)
            i = rng.randint(2, 6)
            ds[i], ds[i + 1] = ds[i + 1], ds[i]
            bad = "".join(ds)
            if bad not in accounts and bad != ref:
                break
        f["account_ref"] = bad
        show["acct_display"] = fmt_acct(bad, sty["acct"])
    if kind == "address_mismatch":
        q = sibling_flat(p) if p["street"]["kind"] == "shopflat" else None
        if q is None:
            q = new_property(kind="shopflat")
        add_account(q, [new_name()])
        f["address"] = q["address_line_1"]
        f["postcode"] = q["postcode"]
        show["addr"] = addr_lines(q)
    if name_other_on_form:
        f["other_adult_name"] = other
        if rng.random() < 0.7:
            oa = rng.choice(OUT_OF_AREA)
            f["other_adult_forwarding_address"] = f"{oa[0]}, {oa[2]} {oa[3]}"
    if rng.random() < 0.75:
        t = rng.choice(SPD_CHANGES if other else SPD_CHANGES[4:])
        if "{o}" in t and not name_other_on_form:
            t = SPD_CHANGES[5]
        f["change_description"] = t.format(o=other or "", town=rng.choice(["Leeds", "Bristol", "Margate", "Croydon"]),
                                           he="she" if (other or "").split(" ")[0] in FEMALE else "he",
                                           date=fmt_date(since, "long"))
    opt_contact(f, f["applicant_name"])
    if kind != "missing_decl":
        f["declaration_date"] = decl.isoformat()
    return [dict(form_type="council_tax_spd", layout=layout, fields=f, show=show, kind=kind,
                 sig=applicant)]


def spd_dup(layouts):
    forms = spd_scenario("clean", layouts[0])
    a = forms[0]
    b = json.loads(json.dumps({k: v for k, v in a.items()}))
    b["layout"] = layouts[1]
    d0 = D.fromisoformat(a["fields"]["declaration_date"])
    b["fields"]["declaration_date"] = (d0 + dt.timedelta(days=rng.randint(2, 9))).isoformat()
    b["show"]["sty"] = styles()
    b["show"]["acct_display"] = fmt_acct(a["fields"]["account_ref"], b["show"]["sty"]["acct"])
    a["dup"] = b["dup"] = "dup-spd-1"
    return [a, b]


def move_scenario(kind, layout, move_type):
    sty = styles()
    applicant = new_name()
    f = dict(move_type=move_type)
    show = dict(sty=sty)
    oa = rng.choice(OUT_OF_AREA)
    if move_type == "out":
        p = new_property()
        parties = [applicant] + ([new_name(applicant.split(" ", 1)[1])] if rng.random() < 0.35 else [])
        if kind == "name_mismatch":
            holder = new_name(applicant.split(" ", 1)[1])
            parties = [holder]
        ref = add_account(p, parties)
        for n in parties:
            add_elector(n, p)
        if kind == "account_not_found":
            ref_form = new_ref()         # reserved, never created
        else:
            ref_form = ref
        f["account_ref"] = ref_form
        show["acct_display"] = fmt_acct(ref_form, sty["acct"])
        f["previous_address"] = p["address_line_1"]
        f["previous_postcode"] = p["postcode"]
        show["prev"] = addr_lines(p)
        if rng.random() < 0.25:
            q = new_property()
            add_account(q, [new_name()], status="closed", start=D(2015, 4, 1), end=D(2026, 9, 30))
            f["new_address"], f["new_postcode"] = q["address_line_1"], q["postcode"]
            show["new"] = addr_lines(q)
        else:
            f["new_address"], f["new_postcode"] = oa[0], oa[3]
            show["new"] = [oa[0], oa[1], oa[2]]
        md = rand_date(D(2026, 10, 20), D(2026, 12, 30))
    else:
        if kind == "property_not_found":
            f["new_address"] = rng.choice(["Apartment 12, Wharfside Point", "Flat 31, Quayside Lofts"])
            f["new_postcode"] = f"SG5 {new_inward()}"
            show["new"] = [f["new_address"], "Wharf Lane", "London"]
        else:
            p = new_property()
            old = new_name()
            add_account(p, [old], status="closed", start=D(rng.randint(2010, 2022), 5, 1),
                        end=rand_date(D(2026, 8, 1), D(2026, 10, 31)))
            f["new_address"], f["new_postcode"] = p["address_line_1"], p["postcode"]
            show["new"] = addr_lines(p)
        f["previous_address"], f["previous_postcode"] = oa[0], oa[3]
        show["prev"] = [oa[0], oa[1], oa[2]]
        md = rand_date(D(2026, 10, 1), D(2026, 12, 20))
    if kind == "future":
        md = rand_date(D(2027, 1, 20), D(2027, 3, 1))
    if kind == "too_old":
        md = rand_date(D(2025, 8, 1), D(2025, 11, 20))
    f["applicant_name"] = who_written(applicant)
    if kind != "missing_move_date":
        f["move_date"] = md.isoformat()
    opt_contact(f, f["applicant_name"], 0.75, 0.55)
    f["declaration_date"] = rand_date(D(2026, 11, 10), D(2026, 12, 4)).isoformat()
    return [dict(form_type="council_tax_move", layout=layout, fields=f, show=show, kind=kind, sig=applicant)]


def parking_scenario(kind, layout, vstyle="current"):
    sty = styles()
    applicant = new_name()
    show = dict(sty=sty)
    if kind == "not_in_zone":
        p = new_property(no_zone=True)
    elif kind == "property_not_found":
        st = [s for s in STREETS if s["name"] == "Kingsmere Road"][0]
        p = dict(address_line_1=f"{rng.randint(131, 160)} Kingsmere Road", address_line_2="", town="London",
                 postcode=rng.choice(st["pcs"]), parking_zone="K2")
    else:
        p = new_property(zone=rng.choice(["SM1", "SM2", "C", "K2", "K3"]))
    zone_form = p["parking_zone"] or "SM2"
    if kind != "property_not_found":
        if kind == "not_resident":
            occ = new_name()
            add_account(p, [occ])
            add_elector(occ, p)
        elif kind == "cap":
            parent = new_name(applicant.split(" ", 1)[1])
            add_account(p, [parent])
            add_elector(parent, p)
            add_elector(applicant, p)
            for _ in range(2):
                add_permit(p, new_vrm(), rand_date(D(2026, 2, 1), D(2026, 10, 1)))
        elif rng.random() < 0.3:   # lodger / sharer: on the register only
            holder = new_name()
            add_account(p, [holder])
            add_elector(holder, p)
            add_elector(applicant, p)
        else:
            add_account(p, [applicant] + ([new_name()] if rng.random() < 0.3 else []))
            add_elector(applicant, p)
        if kind not in ("cap",) and rng.random() < 0.35:
            add_permit(p, new_vrm(), rand_date(D(2026, 1, 10), D(2026, 11, 1)))
    vrm = new_vrm(vstyle)
    if kind == "renewal":
        add_permit(p, vrm, D(2025, 11, 1), D(2026, 10, 31))
    if kind == "vrm_has_permit":
        q = new_property(zone=rng.choice(["SM1", "C", "K2"]))
        add_account(q, [new_name()])
        add_permit(q, vrm, rand_date(D(2026, 3, 1), D(2026, 9, 1)))
    if kind == "invalid_vrm":
        vrm = "LK19XVB4"
        show["vrm_display"] = "LK19 XVB4"
    else:
        if sty["vrm"] == "lower" and any(ch in vrm for ch in "LIO"):
            sty["vrm"] = "split"          # a lower-case l or o would be ambiguous to a human reader
        show["vrm_display"] = fmt_vrm(vrm, sty["vrm"])
    start = rand_date(D(2026, 11, 28), D(2027, 1, 2))
    if kind == "future":
        start = rand_date(D(2027, 1, 18), D(2027, 2, 20))
    make = rng.choice(sorted(MAKES))
    f = dict(applicant_name=who_written(applicant), address=p["address_line_1"], postcode=p["postcode"], vrm=vrm)
    if rng.random() < 0.85:
        f["vehicle_make"] = make
    f["zone"] = zone_form
    f["start_date"] = start.isoformat()
    opt_contact(f, f["applicant_name"], 0.8, 0.6)
    f["declaration_date"] = rand_date(D(2026, 11, 18), D(2026, 12, 4)).isoformat()
    show["addr"] = addr_lines(p)
    show["model"] = rng.choice(MAKES[make]) if "vehicle_make" in f else ""
    show["colour"] = rng.choice(COLOURS)
    return [dict(form_type="parking_permit", layout=layout, fields=f, show=show, kind=kind, sig=applicant)]


def resident_with_account():
    p = new_property()
    n = new_name()
    ref = add_account(p, [n])
    add_elector(n, p)
    return p, n, ref


def corr_scenarios():
    out = []

    def mk(variant, topic, sender, p, ref, paras, dates, subject, extra, kind="clean"):
        f = dict(topic=topic)
        if sender:
            f["sender_name"] = sender
        if p is not None:
            f["address"] = p[0]
            f["postcode"] = p[1]
        if ref:
            f["account_ref"] = ref
        if dates:
            f["dates_mentioned"] = [d.isoformat() for d in dates]
        f["body"] = re.sub(r"\s+", " ", " ".join(paras)).strip()
        out.append(dict(form_type="correspondence", layout="correspondence", fields=f, kind=kind,
                        show=dict(variant=variant, paras=paras, subject=subject, **extra)))

    # 1 missed bin, Outlook
    p, n, ref = resident_with_account()
    d1, d2 = D(2026, 12, 1), D(2026, 11, 3)
    mk("outlook", "missed_bin", n, (p["address_line_1"], p["postcode"]), None,
       [f"Our recycling bin (the blue-lidded one) was not emptied on Tuesday {fmt_date(d1, 'long')}. It was out on the pavement by 7am as usual and the crew emptied the bins either side of us.",
        f"This is the second time this has happened since {fmt_date(d2, 'ordinal')}. Could you please arrange for it to be collected before the next round? The bin is now overflowing.",
        "Thank you."],
       [d1, d2], "Missed recycling collection", dict(sender_email=email_for(n), addr=addr_lines(p) + [p["postcode"]],
                                                      sent=D(2026, 12, 2), salutation="Hello,", closing="Kind regards,"))
    # 2 council tax query, Gmail, account quoted
    p, n, ref = resident_with_account()
    d1 = D(2026, 11, 16)
    mk("gmail", "council_tax_query", n, (p["address_line_1"], p["postcode"]), ref,
       [f"I pay my council tax by direct debit and the payment due on {fmt_date(d1, 'slash')} was taken twice from my bank account. My account number is {fmt_acct(ref, 'space')}.",
        "Could you please check my council tax account and refund the second payment, or let me know if it will be taken off my next instalment?"],
       [d1], f"Council tax account {fmt_acct(ref, 'plain')} - payment taken twice",
       dict(sender_email=email_for(n), addr=addr_lines(p) + [p["postcode"]], sent=D(2026, 11, 27),
            salutation="Dear Council Tax team,", closing="Many thanks,"))
    # 3 complaint, letter
    p, n, ref = resident_with_account()
    d1, d2 = D(2026, 10, 19), D(2026, 11, 9)
    mk("letter", "complaint", n, (p["address_line_1"], p["postcode"]), None,
       [f"I wish to make a formal complaint about the resurfacing works carried out in our road by the council's contractor, which began on {fmt_date(d1, 'long')}.",
        "The contractor left a trench open outside our building for over three weeks without proper barriers, and my elderly neighbour tripped and was hurt. I reported this twice by telephone and was promised a call back that never came.",
        f"The trench was finally filled on {fmt_date(d2, 'long')}. I would like a written explanation of why it took so long and what will be done to stop this happening again."],
       [d1, d2], "Formal complaint - roadworks", dict(addr=addr_lines(p) + [p["postcode"]], date=D(2026, 11, 23),
                                                      salutation="Dear Sir or Madam,", closing="Yours faithfully,",
                                                      to=["Complaints and Feedback Team", "London Borough of Sedgemere",
                                                          "Sedgemere Town Hall", "1 Civic Way", "London SG1 1AA"]))
    # 4 FOI, letter, resident
    p, n, ref = resident_with_account()
    d1, d2 = D(2025, 4, 1), D(2026, 3, 31)
    mk("letter", "foi_request", n, (p["address_line_1"], p["postcode"]), None,
       ["Under the Freedom of Information Act 2000 I would like to request the following information.",
        f"1. The number of residents' parking permits issued in each controlled parking zone between {fmt_date(d1, 'long')} and {fmt_date(d2, 'long')}. 2. The number of penalty charge notices issued in zone SM1 over the same period. 3. The income received from residents' parking permits in that period.",
        "I would prefer to receive the information by email or in a spreadsheet if possible."],
       [d1, d2], "Freedom of Information request", dict(addr=addr_lines(p) + [p["postcode"]], date=D(2026, 11, 30),
                                                        salutation="Dear Information Governance Officer,", closing="Yours sincerely,",
                                                        to=["Information Governance", "London Borough of Sedgemere",
                                                            "Sedgemere Town Hall", "1 Civic Way", "London SG1 1AA"]))
    # 5 FOI, Outlook, journalist out of borough -> SENDER_UNKNOWN
    n = new_name()
    d1 = D(2024, 1, 1)
    mk("outlook", "foi_request", n, ("Unit 4, 19 Bermondsey Wharf", "SE1 3XY"), None,
       [f"I am writing to make a request under the Freedom of Information Act 2000. Please provide the total number of single person discount reviews the council has carried out since {fmt_date(d1, 'long')}, and the number of discounts removed as a result of those reviews, broken down by year.",
        "Please also provide any guidance given to staff on how such reviews are carried out.",
        "I look forward to your response within the statutory 20 working days."],
       [d1], "FOI request - single person discount reviews",
       dict(sender_email=f"{n.split()[0].lower()}.{n.split()[1].lower().replace(chr(39), '')}@londoncivicreview.co.uk",
            addr=["The London Civic Review", "Unit 4, 19 Bermondsey Wharf", "London", "SE1 3XY"],
            sent=D(2026, 12, 3), salutation="Dear Sir/Madam,", closing="Best regards,", sig_title="Reporter"),
       kind="sender_unknown")
    # 6 missed bin, Gmail, anonymous
    d1 = D(2026, 11, 30)
    pstreet = rng.choice([p for p in properties if p["street"]["kind"] == "shopflat"])
    street = pstreet["address_line_1"].split(", ", 1)[1]
    paras = [f"The food waste bins behind the shops on {street} were not collected on {fmt_date(d1, 'long')} and the bags have been split open by foxes. It smells awful and there is rubbish all over the alley.",
             "Please can someone come and collect it."]
    mk("gmail", "missed_bin", None, None, None, paras, [d1], "bins not collected",
       dict(sender_email="sg.alleyway.residents@gmail.com", sender_display="sg.alleyway.residents@gmail.com",
            addr=[], sent=D(2026, 12, 4), salutation="Hi,", closing="Sent from my iPhone", no_name=True),
       kind="sender_unknown")
    # 7 council tax query, letter, wrong account number (address matches)
    p, n, ref = resident_with_account()
    while True:
        bad = new_ref()
        if bad not in accounts:
            break
    d1 = D(2026, 11, 20)
    mk("letter", "council_tax_query", n, (p["address_line_1"], p["postcode"]), bad,
       [f"Council Tax account number: {fmt_acct(bad, 'plain')}",
        f"I received a reminder notice dated {fmt_date(d1, 'long')} saying I have missed an instalment. I have paid every month by standing order and have my bank statements to show this.",
        "Please could you check your records and confirm that my account is up to date, and withdraw the reminder."],
       [d1], "Reminder notice", dict(addr=addr_lines(p) + [p["postcode"]], date=D(2026, 11, 26),
                                     salutation="Dear Sir or Madam,", closing="Yours faithfully,",
                                     to=["Council Tax Section", "London Borough of Sedgemere", "PO Box 4410",
                                         "London SG1 1AA"], ref_in_re=True),
       kind="account_not_found")
    # 8 complaint, Outlook, account quoted
    p, n, ref = resident_with_account()
    d1 = D(2026, 11, 12)
    mk("outlook", "complaint", n, (p["address_line_1"], p["postcode"]), ref,
       [f"I want to make a complaint about the way my council tax account ({fmt_acct(ref, 'ct')}) has been handled. On {fmt_date(d1, 'long')} I received a letter from an enforcement agent even though I had agreed a payment plan with your officer by telephone in October.",
        "Nobody has replied to my two emails about this and the letter has caused me a great deal of worry. I would like the enforcement action stopped and an apology."],
       [d1], "Complaint about enforcement letter",
       dict(sender_email=email_for(n), addr=addr_lines(p) + [p["postcode"]], sent=D(2026, 12, 1),
            salutation="Dear Sir or Madam,", closing="Regards,"))
    # 9 other, letter: community room booking
    p, n, ref = resident_with_account()
    d1 = D(2027, 1, 16)
    mk("letter", "other", n, (p["address_line_1"], p["postcode"]), None,
       [f"I would like to book the community room at Sedgemere Green Library for a children's birthday party on Saturday {fmt_date(d1, 'long')}, from 2pm to 5pm, for about 20 children and 10 adults.",
        "Could you please let me know whether the room is free on that date, what the hire charge is, and whether we may bring our own food."],
       [d1], "Booking the community room", dict(addr=addr_lines(p) + [p["postcode"]], date=D(2026, 12, 1),
                                                salutation="Dear Sir or Madam,", closing="Yours faithfully,",
                                                to=["Libraries and Community Venues", "London Borough of Sedgemere",
                                                    "Sedgemere Town Hall", "1 Civic Way", "London SG1 1AA"]))
    # 10 council tax query, Gmail: student exemption
    p, n, ref = resident_with_account()
    d1 = D(2026, 9, 21)
    mk("gmail", "council_tax_query", n, (p["address_line_1"], p["postcode"]), ref,
       [f"My son started a full-time course at university on {fmt_date(d1, 'long')} and still lives at home with me. I understand he may be disregarded for council tax, which would mean I am the only adult counted.",
        f"Could you tell me what evidence you need and whether this will change my council tax bill? My account reference is {fmt_acct(ref, 'plain')}."],
       [d1], "Student disregard question",
       dict(sender_email=email_for(n), addr=addr_lines(p) + [p["postcode"]], sent=D(2026, 12, 5),
            salutation="Hello,", closing="Thanks,"))
    return out


# ---------------------------------------------------------------- drawing helpers
W, H = A4
INK = Color(0.08, 0.17, 0.55)
TEAL = Color(0.0, 0.40, 0.44)
TEAL_LIGHT = Color(0.90, 0.96, 0.96)
GREY = Color(0.55, 0.55, 0.55)
LIGHT = Color(0.86, 0.86, 0.86)
COUNCIL_ADDR = ["Sedgemere Town Hall", "1 Civic Way", "London SG1 1AA"]


def mkcanvas(target, title):
    c = canvas.Canvas(target, pagesize=A4, invariant=1)
    c.setTitle(title)
    c.setAuthor("London Borough of Sedgemere")
    return c


def para(c, x, y, text, font, size, width, lead=None, color=black):
    lead = lead or size * 1.3
    c.setFont(font, size)
    c.setFillColor(color)
    for line in simpleSplit(text, font, size, width):
        c.drawString(x, y, line)
        y -= lead
    c.setFillColor(black)
    return y


def dshow(form, key):
    v = form["fields"].get(key)
    if v is None:
        return ""
    return fmt_date(D.fromisoformat(v), form["show"]["sty"]["date"])


def pcshow(form, key="postcode"):
    v = form["fields"].get(key)
    return fmt_pc(v, form["show"]["sty"]["pc"]) if v else ""


def name_parts(name):
    toks = name.split(" ")
    title = ""
    if toks[0].lower() in TITLES:
        title = toks[0]
        toks = toks[1:]
    return title, " ".join(toks[:-1]), toks[-1]


def lines_nonblank(lines):
    return [l for l in lines if l]


# ---------------------------------------------------------------- layout 1: word-processed, handwritten answers
class WP:
    def __init__(self, c, footer, service):
        self.c, self.footer, self.page, self.qn = c, footer, 1, 0
        self.service = service
        self.jit = random.Random(7)
        self.top()

    def top(self):
        c = self.c
        if self.page == 1:
            c.setFont("Times-Bold", 15)
            c.drawString(50, H - 58, "LONDON BOROUGH OF SEDGEMERE")
            c.setFont("Times-Roman", 10.5)
            c.drawString(50, H - 73, self.service)
            c.setFont("Times-Roman", 8.5)
            yy = H - 50
            for l in COUNCIL_ADDR + ["Telephone 020 7946 0100", "www.sedgemere.gov.uk"]:
                c.drawRightString(W - 50, yy, l)
                yy -= 10.5
            c.setLineWidth(0.6)
            c.line(50, H - 108, W - 50, H - 108)
            self.y = H - 132
        else:
            self.y = H - 60

    def foot(self):
        c = self.c
        c.setFont("Times-Roman", 8)
        c.drawString(50, 36, self.footer)
        c.drawRightString(W - 50, 36, f"Page {self.page}")

    def need(self, h):
        if self.y - h < 70:
            self.c.setFont("Times-Italic", 9)
            self.c.drawRightString(W - 50, 52, "Please turn over")
            self.foot()
            self.c.showPage()
            self.page += 1
            self.top()

    def title(self, t):
        c = self.c
        c.setFont("Times-Bold", 14)
        c.drawCentredString(W / 2, self.y, t)
        tw = pdfmetrics.stringWidth(t, "Times-Bold", 14)
        c.line(W / 2 - tw / 2, self.y - 2, W / 2 + tw / 2, self.y - 2)
        self.y -= 24

    def para(self, t, font="Times-Roman", size=10):
        n = len(simpleSplit(t, font, size, W - 100))
        self.need(n * 13 + 4)
        self.y = para(self.c, 50, self.y, t, font, size, W - 100, 13) - 5

    def heading(self, t):
        self.need(40)
        self.y -= 4
        self.c.setFont("Times-Bold", 11.5)
        self.c.drawString(50, self.y, t)
        self.y -= 18

    def _line(self, x0, x1, y, text):
        c = self.c
        c.setStrokeColor(GREY)
        c.setDash(1, 2)
        c.line(x0, y, x1, y)
        c.setDash()
        c.setStrokeColor(black)
        if text:
            c.setFont("Hand", 12)
            c.setFillColor(INK)
            c.drawString(x0 + 6 + self.jit.randint(0, 14), y + 3, text)
            c.setFillColor(black)

    def q(self, label, answer, hint=None, nlines=1):
        self.qn += 1
        ans_lines = simpleSplit(answer or "", "Hand", 12, W - 130) or [""]
        nlines = max(nlines, len(ans_lines))
        self.need(24 + (12 if hint else 0) + nlines * 20)
        c = self.c
        c.setFont("Times-Bold", 10.5)
        c.drawString(50, self.y, f"{self.qn}.")
        c.drawString(68, self.y, label)
        self.y -= 13
        if hint:
            c.setFont("Times-Italic", 8.5)
            c.setFillColor(GREY)
            c.drawString(68, self.y, hint)
            c.setFillColor(black)
            self.y -= 12
        for i in range(nlines):
            self.y -= 8
            self._line(68, W - 60, self.y, ans_lines[i] if i < len(ans_lines) else "")
            self.y -= 12
        self.y -= 6

    def addr(self, label, lines, n=3):
        self.qn += 1
        lines = lines_nonblank(lines)
        self.need(20 + n * 20)
        c = self.c
        c.setFont("Times-Bold", 10.5)
        c.drawString(50, self.y, f"{self.qn}.")
        c.drawString(68, self.y, label)
        self.y -= 13
        for i in range(n):
            self.y -= 8
            self._line(68, W - 60, self.y, lines[i] if i < len(lines) else "")
            self.y -= 12
        self.y -= 6

    def tick(self, label, options, sel):
        self.qn += 1
        self.need(24 + 18 * len(options))
        c = self.c
        c.setFont("Times-Bold", 10.5)
        c.drawString(50, self.y, f"{self.qn}.")
        c.drawString(68, self.y, label)
        self.y -= 18
        for i, o in enumerate(options):
            c.rect(72, self.y - 2, 10, 10)
            if i == sel:
                c.setStrokeColor(INK)
                c.setLineWidth(1.4)
                c.line(71, self.y - 3, 83, self.y + 9)
                c.line(71, self.y + 9, 83, self.y - 3)
                c.setLineWidth(1)
                c.setStrokeColor(black)
            c.setFont("Times-Roman", 10.5)
            c.drawString(90, self.y, o)
            self.y -= 17
        self.y -= 6

    def sig(self, signame, date):
        self.need(50)
        self.y -= 10
        c = self.c
        c.setFont("Times-Bold", 10.5)
        c.drawString(50, self.y, "Signed")
        self._line(92, 330, self.y, "")
        c.setFont("HandB", 15)
        c.setFillColor(INK)
        c.drawString(104, self.y + 3, signame)
        c.setFillColor(black)
        c.setFont("Times-Bold", 10.5)
        c.drawString(350, self.y, "Date")
        self._line(380, W - 60, self.y, date)
        self.y -= 30

    def office(self, items):
        self.need(60)
        c = self.c
        c.setLineWidth(0.8)
        c.rect(50, self.y - 40, W - 100, 48)
        c.setFont("Times-Bold", 9)
        c.drawString(56, self.y - 4, "FOR OFFICE USE ONLY")
        c.setFont("Times-Roman", 8.5)
        x = 56
        for it in items:
            c.drawString(x, self.y - 26, it + " ........................")
            x += (W - 112) / len(items)
        self.y -= 56

    def finish(self):
        self.foot()
        self.c.showPage()


DECL_CT = ("I declare that the information I have given on this form is correct and complete to the best of my "
           "knowledge. I understand that I must tell the council within 21 days of any change that affects my "
           "Council Tax, and that giving false information may lead to a penalty or prosecution.")


def wp_spd(c, form):
    f, s = form["fields"], form["show"]
    w = WP(c, "CT/SPD/01  Single person discount  (rev. April 2026)", "Council Tax Service")
    w.title("Council Tax: Single Person Discount application")
    w.para("If you are the only adult (aged 18 or over) living in your home you may be able to get a 25% discount "
           "on your Council Tax bill. Please answer every question that applies to you and leave the others blank.")
    w.para("Return the completed form to: Council Tax, London Borough of Sedgemere, PO Box 4410, London SG1 1AA.",
           "Times-Italic")
    w.heading("Part 1   About you and your home")
    w.q("What is your Council Tax account number?", s["acct_display"], "You will find this at the top of your Council Tax bill")
    w.q("Full name of applicant", f["applicant_name"])
    w.addr("Address of the property", s["addr"])
    w.q("Postcode", pcshow(form))
    w.heading("Part 2   About the change")
    w.q("Date you became the only adult living at the property", dshow(form, "sole_adult_since"))
    w.q("Name of the other adult who has left (if applicable)", f.get("other_adult_name", ""))
    w.q("Their forwarding address (if known)", f.get("other_adult_forwarding_address", ""))
    w.q("Tell us what changed", f.get("change_description", ""), nlines=2)
    w.heading("Part 3   Contact details")
    w.q("Daytime telephone number", f.get("phone", ""))
    w.q("Email address", f.get("email", ""))
    w.heading("Declaration")
    w.para(DECL_CT)
    w.sig(form["sig"], dshow(form, "declaration_date"))
    w.office(["Date received", "Discount from", "Officer"])
    w.finish()


def wp_move(c, form):
    f, s = form["fields"], form["show"]
    w = WP(c, "CT/COA/03  Change of address  (rev. March 2026)", "Council Tax Service")
    w.title("Council Tax: tell us about a change of address")
    w.para("Use this form if you are moving into, out of, or within the London Borough of Sedgemere. "
           "If more than one person is moving, only one of you needs to complete the form.")
    w.tick("Are you moving in or out?", ["Moving into a property in Sedgemere", "Moving out of a property in Sedgemere"],
           0 if f["move_type"] == "in" else 1)
    w.q("Council Tax account number", s.get("acct_display", ""), "Only if you are moving out of a Sedgemere property")
    w.q("Your full name", f["applicant_name"])
    w.addr("Address you are leaving", s["prev"])
    w.q("Postcode of the address you are leaving", pcshow(form, "previous_postcode"))
    w.addr("Your new address", s["new"])
    w.q("Postcode of your new address", pcshow(form, "new_postcode"))
    w.q("Date of the move", dshow(form, "move_date"), "The date you moved, or will move, in or out")
    w.q("Telephone number", f.get("phone", ""))
    w.q("Email address", f.get("email", ""))
    w.heading("Declaration")
    w.para(DECL_CT)
    w.sig(form["sig"], dshow(form, "declaration_date"))
    w.office(["Date received", "Action", "Officer"])
    w.finish()


def wp_parking(c, form):
    f, s = form["fields"], form["show"]
    w = WP(c, "PK/RES/1  Residents' parking permit application", "Parking Services")
    w.title("Application for a residents' parking permit")
    w.para("Residents' permits are issued for one vehicle each, up to a limit of two permits per household. "
           "A permit lets you park in your own zone only. Please complete this form in ink.")
    w.heading("Part 1   The applicant")
    w.q("Full name of applicant", f["applicant_name"])
    w.addr("Home address", s["addr"])
    w.q("Postcode", pcshow(form))
    w.q("Daytime telephone number", f.get("phone", ""))
    w.q("Email address", f.get("email", ""))
    w.heading("Part 2   Your vehicle")
    w.q("Vehicle registration number", s["vrm_display"])
    w.q("Make of vehicle", f.get("vehicle_make", ""), "For example Ford, Toyota")
    w.q("Colour", s["colour"])
    w.heading("Part 3   Your permit")
    w.q("Permit zone", f["zone"], "The zone letters are shown on the parking signs in your street")
    w.q("Date you would like the permit to start", dshow(form, "start_date"))
    w.para("Please enclose proof that you live at the address (a tenancy agreement, or a utility bill dated within "
           "the last three months) and a copy of the vehicle registration certificate (V5C).", "Times-Italic", 9.5)
    w.heading("Declaration")
    w.para("I declare that I live at the address above, that the vehicle is kept there, and that the information on "
           "this form is true. I understand a permit may be withdrawn if it was obtained using false information.")
    w.sig(form["sig"], dshow(form, "declaration_date"))
    w.office(["Permit no.", "Fee paid", "Checked by"])
    w.finish()


# ---------------------------------------------------------------- layout 2: ruled two-column grid
class Grid:
    X0, X1 = 40, W - 40
    LW = 84

    def __init__(self, c, title, code, dept):
        self.c, self.code = c, code
        c.setFillColor(black)
        c.rect(40, H - 88, 120, 50, fill=1, stroke=0)
        c.setFillColor(white)
        c.setFont("Helvetica", 7.5)
        c.drawString(48, H - 52, "London Borough of")
        c.setFont("Helvetica-Bold", 16)
        c.drawString(48, H - 72, "SEDGEMERE")
        c.setFillColor(black)
        c.setFont("Helvetica-Bold", 15)
        c.drawRightString(W - 40, H - 56, title)
        c.setFont("Helvetica", 8.5)
        c.drawRightString(W - 40, H - 70, dept)
        c.drawRightString(W - 40, H - 81, "Form " + code)
        self.y = H - 104

    def note(self, t, size=7.8, font="Helvetica"):
        self.y = para(self.c, 42, self.y - 10, t, font, size, W - 84, size * 1.3) - 2

    def section(self, t):
        c = self.c
        self.y -= 4
        c.setFillColor(LIGHT)
        c.rect(self.X0, self.y - 16, self.X1 - self.X0, 16, fill=1, stroke=1)
        c.setFillColor(black)
        c.setFont("Helvetica-Bold", 9.5)
        c.drawString(self.X0 + 5, self.y - 11.5, t)
        self.y -= 16

    def _cell(self, x, w, label, answer, h, font="Courier", size=10):
        c = self.c
        c.setLineWidth(0.7)
        c.rect(x, self.y - h, w, h)
        c.line(x + self.LW, self.y - h, x + self.LW, self.y)
        c.setFont("Helvetica-Bold", 7.5)
        yy = self.y - 10
        for ln in simpleSplit(label, "Helvetica-Bold", 7.5, self.LW - 8):
            c.drawString(x + 4, yy, ln)
            yy -= 9
        c.setFont(font, size)
        c.setFillColor(Color(0, 0, 0.35))
        yy = self.y - 14
        for ln in simpleSplit(answer or "", font, size, w - self.LW - 10):
            c.drawString(x + self.LW + 5, yy, ln)
            yy -= 12
        c.setFillColor(black)

    def _h(self, label, answer, w, font="Courier", size=10):
        nl = len(simpleSplit(label, "Helvetica-Bold", 7.5, self.LW - 8))
        na = len(simpleSplit(answer or "", font, size, w - self.LW - 10))
        return max(24, 8 + 9 * nl, 8 + 12 * na)

    def row(self, a, b):
        half = (self.X1 - self.X0) / 2
        h = max(self._h(a[0], a[1], half), self._h(b[0], b[1], half) if b else 0)
        self._cell(self.X0, half, a[0], a[1], h)
        if b:
            self._cell(self.X0 + half, half, b[0], b[1], h)
        else:
            self.c.rect(self.X0 + half, self.y - h, half, h)
        self.y -= h

    def full(self, label, answer, minh=24):
        w = self.X1 - self.X0
        h = max(minh, self._h(label, answer, w))
        self._cell(self.X0, w, label, answer, h)
        self.y -= h

    def sigrow(self, signame, date):
        half = (self.X1 - self.X0) / 2
        self._cell(self.X0, half, "Signature", "", 30)
        self.c.setFont("HandB", 14)
        self.c.setFillColor(INK)
        self.c.drawString(self.X0 + self.LW + 8, self.y - 21, signame)
        self.c.setFillColor(black)
        self._cell(self.X0 + half, half, "Date", date, 30)
        self.y -= 30

    def tickrow(self, label, options, sel):
        c = self.c
        w = self.X1 - self.X0
        c.rect(self.X0, self.y - 22, w, 22)
        c.setFont("Helvetica-Bold", 7.5)
        c.drawString(self.X0 + 4, self.y - 14, label)
        x = self.X0 + 14 + pdfmetrics.stringWidth(label, "Helvetica-Bold", 7.5)
        for i, o in enumerate(options):
            c.rect(x, self.y - 16, 10, 10)
            if i == sel:
                c.setFont("Courier-Bold", 11)
                c.drawString(x + 1.8, self.y - 14.5, "X")
            c.setFont("Helvetica", 8.5)
            c.drawString(x + 14, self.y - 14, o)
            x += 24 + pdfmetrics.stringWidth(o, "Helvetica", 8.5)
        self.y -= 22

    def office(self, items):
        c = self.c
        self.y -= 12
        c.setDash(3, 2)
        c.rect(self.X0, self.y - 44, self.X1 - self.X0, 44)
        c.setDash()
        c.setFont("Helvetica-Bold", 8)
        c.drawString(self.X0 + 5, self.y - 11, "OFFICE USE ONLY")
        c.setFont("Helvetica", 7.5)
        x = self.X0 + 5
        for it in items:
            c.drawString(x, self.y - 30, it + ":")
            c.line(x + pdfmetrics.stringWidth(it + ":", "Helvetica", 7.5) + 3, self.y - 31, x + 120, self.y - 31)
            x += (self.X1 - self.X0) / len(items)
        self.y -= 44

    def finish(self):
        c = self.c
        c.setFont("Helvetica", 7)
        c.drawString(40, 30, f"{self.code}   London Borough of Sedgemere, {', '.join(COUNCIL_ADDR)}")
        c.drawRightString(W - 40, 30, "1 of 1")
        c.showPage()


def grid_spd(c, form):
    f, s = form["fields"], form["show"]
    g = Grid(c, "Single Person Discount - Application", "SPD-2", "Revenues and Benefits: Council Tax")
    g.note("Complete this form if you are the only adult (18 or over) who lives at the property as your main home. "
           "Some people are not counted as adults for Council Tax, for example full-time students. Please write clearly.")
    g.section("1.  Applicant and property")
    l = s["addr"]
    g.full("Name(s)", f["applicant_name"])
    g.row(("Account no.", s["acct_display"]), ("Daytime tel.", f.get("phone", "")))
    g.full("Address line 1", l[0])
    g.row(("Address line 2", l[1]), ("Town", l[2]))
    g.row(("Postcode", pcshow(form)), ("Mobile", ""))
    g.full("Email", f.get("email", ""))
    g.section("2.  The change")
    g.row(("Only adult from (date)", dshow(form, "sole_adult_since")), ("Adults living there now", "1"))
    g.full("Name of adult who left", f.get("other_adult_name", ""))
    g.full("Their new address", f.get("other_adult_forwarding_address", ""))
    g.full("What has changed?", f.get("change_description", ""), 36)
    g.section("3.  Declaration")
    g.note(DECL_CT)
    g.sigrow(form["sig"], dshow(form, "declaration_date"))
    g.office(["Received", "Input by", "SPD from"])
    g.finish()


def grid_parking(c, form):
    f, s = form["fields"], form["show"]
    g = Grid(c, "Resident Permit Application", "PP-R7", "Parking Services, Environment Directorate")
    g.note("One form per vehicle. A household may hold no more than two residents' permits. Permits are valid for "
           "12 months from the start date. Proof of residence and the vehicle's V5C must be supplied.")
    l = s["addr"]
    g.section("A.  Applicant")
    g.full("Name of applicant", f["applicant_name"])
    g.full("Address line 1", l[0])
    g.row(("Address line 2", l[1]), ("Town", l[2]))
    g.row(("Postcode", pcshow(form)), ("Telephone", f.get("phone", "")))
    g.full("Email address", f.get("email", ""))
    g.section("B.  Vehicle")
    g.row(("Reg. no.", s["vrm_display"]), ("Make", f.get("vehicle_make", "")))
    g.row(("Model", s["model"]), ("Colour", s["colour"]))
    g.tickrow("Is the vehicle registered (V5C) at the address above?", ["Yes", "No"], 0)
    g.section("C.  Permit")
    g.row(("Permit zone", f["zone"]), ("Start date", dshow(form, "start_date")))
    g.tickrow("Permit length", ["12 months", "6 months"], 0)
    g.section("D.  Declaration")
    g.note("I declare that the above vehicle is kept at my address, that I live at the address as my main home and "
           "that the information given is correct. I understand that a permit does not guarantee a parking space.")
    g.sigrow(form["sig"], dshow(form, "declaration_date"))
    g.office(["Permit ref", "Payment", "Officer"])
    g.finish()


# ---------------------------------------------------------------- layout 3: coloured section bars, multi-page
class Bars:
    def __init__(self, c, title, code, total):
        self.c, self.title, self.code, self.total = c, title, code, total
        self.page, self.sec, self.sub = 1, 0, 0
        self.top()

    def top(self):
        c = self.c
        if self.page == 1:
            c.setFillColor(TEAL)
            c.rect(0, H - 92, W, 92, fill=1, stroke=0)
            c.setFillColor(white)
            c.setFont("DVS", 8)
            c.drawString(36, H - 34, "London Borough of")
            c.setFont("DVSB", 20)
            c.drawString(36, H - 56, "Sedgemere")
            c.setFont("DVSB", 14)
            c.drawRightString(W - 36, H - 44, self.title)
            c.setFont("DVS", 8.5)
            c.drawRightString(W - 36, H - 60, "Please use BLACK ink and CAPITAL letters. Put a cross (X) in boxes that apply.")
            c.setFillColor(black)
            self.y = H - 112
        else:
            c.setFillColor(TEAL)
            c.rect(0, H - 30, W, 30, fill=1, stroke=0)
            c.setFillColor(white)
            c.setFont("DVSB", 9)
            c.drawString(36, H - 19, self.title + " (continued)")
            c.setFillColor(black)
            self.y = H - 52

    def foot(self, last):
        c = self.c
        c.setFont("DVS", 7.5)
        c.drawString(36, 28, self.code)
        c.drawRightString(W - 36, 28, f"Page {self.page} of {self.total}")
        if not last:
            c.setFont("DVSB", 9)
            c.drawRightString(W - 36, 46, "Continued on next page")

    def pagebreak(self):
        self.foot(False)
        self.c.showPage()
        self.page += 1
        self.top()

    def section(self, t):
        c = self.c
        self.sec += 1
        self.sub = 0
        self.y -= 6
        c.setFillColor(TEAL)
        c.rect(36, self.y - 18, W - 72, 18, fill=1, stroke=0)
        c.setFillColor(white)
        c.setFont("DVSB", 10)
        c.drawString(42, self.y - 13, f"Section {self.sec}   {t}")
        c.setFillColor(black)
        self.y -= 28

    def _num(self, label, hint=None):
        self.sub += 1
        c = self.c
        c.setFont("DVSB", 8.5)
        c.drawString(40, self.y, f"{self.sec}.{self.sub}")
        c.setFont("DVS", 9)
        c.drawString(64, self.y, label)
        if hint:
            c.setFont("DVS", 7.2)
            c.setFillColor(GREY)
            c.drawString(64 + pdfmetrics.stringWidth(label, "DVS", 9) + 6, self.y, hint)
            c.setFillColor(black)

    def _box(self, x, w, h, text):
        c = self.c
        c.setFillColor(TEAL_LIGHT)
        c.setStrokeColor(TEAL)
        c.rect(x, self.y - h, w, h, fill=1, stroke=1)
        c.setStrokeColor(black)
        c.setFillColor(Color(0.1, 0.1, 0.35))
        c.setFont("Helvetica", 10.5)
        c.drawString(x + 5, self.y - h + 6, text or "")
        c.setFillColor(black)

    def q(self, label, answer, hint=None, width=None):
        self._num(label, hint)
        self.y -= 6
        self._box(64, width or (W - 100 - 64 + 36), 20, answer)
        self.y -= 30

    def addr(self, label, lines):
        self._num(label)
        self.y -= 6
        for l in (lines_nonblank(lines) + ["", "", ""])[:3]:
            self._box(64, W - 128, 20, l)
            self.y -= 22
        self.y -= 8

    def boxes(self, label, chars, n, hint=None):
        self._num(label, hint)
        self.y -= 6
        c = self.c
        c.setStrokeColor(TEAL)
        for i in range(n):
            c.setFillColor(white)
            c.rect(64 + i * 18, self.y - 21, 18, 21, fill=1, stroke=1)
            if i < len(chars) and chars[i] != " ":
                c.setFillColor(Color(0.1, 0.1, 0.35))
                c.setFont("Helvetica", 12)
                c.drawCentredString(64 + i * 18 + 9, self.y - 15, chars[i])
        c.setFillColor(black)
        c.setStrokeColor(black)
        self.y -= 32

    def tick(self, label, options, sel, hint=None):
        self._num(label, hint)
        self.y -= 18
        c = self.c
        x = 64
        for i, o in enumerate(options):
            c.setStrokeColor(TEAL)
            c.rect(x, self.y - 2, 11, 11)
            c.setStrokeColor(black)
            if i == sel:
                c.setStrokeColor(Color(0.1, 0.1, 0.35))
                c.setLineWidth(1.5)
                c.line(x + 1.5, self.y - 0.5, x + 9.5, self.y + 7.5)
                c.line(x + 1.5, self.y + 7.5, x + 9.5, self.y - 0.5)
                c.setLineWidth(1)
                c.setStrokeColor(black)
            c.setFont("DVS", 9)
            c.drawString(x + 15, self.y, o)
            x += 34 + pdfmetrics.stringWidth(o, "DVS", 9)
        self.y -= 20

    def note(self, t):
        self.y = para(self.c, 64, self.y, t, "DVS", 7.8, W - 128, 10.5) - 6

    def sig(self, signame, date):
        self._num("Signature")
        self.c.setFont("DVS", 9)
        self.c.drawString(330, self.y, f"{self.sec}.{self.sub + 1}")
        self.c.drawString(354, self.y, "Date")
        self.sub += 1
        self.y -= 6
        self._box(64, 240, 26, "")
        self.c.setFont("HandB", 14)
        self.c.setFillColor(INK)
        self.c.drawString(72, self.y - 19, signame)
        self.c.setFillColor(black)
        self._box(354, W - 36 - 354, 26, date)
        self.y -= 38

    def office(self, items):
        c = self.c
        self.y -= 4
        c.setFillColor(Color(0.93, 0.93, 0.93))
        c.rect(36, self.y - 46, W - 72, 46, fill=1, stroke=0)
        c.setFillColor(black)
        c.setFont("DVSB", 8)
        c.drawString(42, self.y - 12, "For office use only")
        c.setFont("DVS", 7.5)
        x = 42
        for it in items:
            c.drawString(x, self.y - 32, it)
            c.rect(x + pdfmetrics.stringWidth(it, "DVS", 7.5) + 4, self.y - 36, 80, 14)
            x += (W - 84) / len(items)
        self.y -= 52

    def finish(self):
        self.foot(True)
        self.c.showPage()


def bars_move(c, form, total):
    f, s = form["fields"], form["show"]
    b = Bars(c, "Moving home: Council Tax", "CTM4 / Sedgemere Council Tax, PO Box 4410, London SG1 1AA", total)
    b.note("Tell us within 21 days if you move into or out of a property in the borough. We will close or open "
           "your Council Tax account and send you a bill or a final statement.")
    b.section("About your move")
    b.tick("Moving in or out?", ["Moving in", "Moving out"], 0 if f["move_type"] == "in" else 1)
    b.q("Date of move", dshow(form, "move_date"), width=180)
    b.section("About you")
    title, fore, sur = name_parts(f["applicant_name"])
    opts = ["Mr", "Mrs", "Miss", "Ms", "Mx", "Dr"]
    b.tick("Title", opts, opts.index(title) if title else -1)
    b.q("First name(s)", fore)
    b.q("Surname", sur)
    acct = f.get("account_ref", "")
    b.boxes("Council Tax account number", acct, 8, "(if you are moving out)")
    b.q("Telephone", f.get("phone", ""), width=220)
    b.q("Email", f.get("email", ""))
    b.pagebreak()
    b.section("The property you are leaving")
    b.addr("Address", s["prev"])
    b.boxes("Postcode", pcshow(form, "previous_postcode").upper(), 8)
    b.section("Your new address")
    b.addr("Address", s["new"])
    b.boxes("Postcode", pcshow(form, "new_postcode").upper(), 8)
    b.section("Declaration")
    b.note(DECL_CT)
    b.sig(form["sig"], dshow(form, "declaration_date"))
    b.office(["Date rec'd", "Account", "Officer"])
    b.finish()


def bars_parking(c, form, total):
    f, s = form["fields"], form["show"]
    b = Bars(c, "Residents' parking permit", "PKR2 / Parking Services, Sedgemere Town Hall, London SG1 1AA", total)
    b.note("You can apply for a residents' permit if you live in a controlled parking zone (CPZ). A household may "
           "hold up to two permits. Permits run for 12 months from the start date you choose.")
    b.section("Your details")
    title, fore, sur = name_parts(f["applicant_name"])
    opts = ["Mr", "Mrs", "Miss", "Ms", "Mx", "Dr"]
    b.tick("Title", opts, opts.index(title) if title else -1)
    b.q("First name(s)", fore)
    b.q("Surname", sur)
    b.addr("Address", s["addr"])
    b.boxes("Postcode", pcshow(form).upper(), 8)
    b.q("Telephone", f.get("phone", ""), width=220)
    b.q("Email", f.get("email", ""))
    b.pagebreak()
    b.section("Your vehicle")
    b.boxes("Vehicle registration number", f["vrm"], 8)
    b.q("Make", f.get("vehicle_make", ""), width=220)
    b.q("Colour", s["colour"], width=220)
    b.tick("Is the vehicle registered to you at this address?", ["Yes", "No"], 0)
    b.section("Your permit")
    zones = ["SM1", "SM2", "C", "K2", "K3"]
    b.tick("Which zone do you live in?", zones, zones.index(f["zone"]), "(tick one)")
    b.q("Permit start date", dshow(form, "start_date"), width=180)
    b.section("Declaration")
    b.note("I confirm that I live at the address given, that the vehicle is kept there and that the information I "
           "have given is correct. I understand the council may cancel a permit obtained with false information.")
    b.sig(form["sig"], dshow(form, "declaration_date"))
    b.office(["Permit no.", "Paid", "Checked"])
    b.finish()


# ---------------------------------------------------------------- layout 4: fillable AcroForm
class Acro:
    def __init__(self, c, title, dept, code):
        self.c, self.code, self.n = c, code, 0
        c.setStrokeColor(Color(0.1, 0.3, 0.6))
        c.setLineWidth(3)
        c.line(40, H - 40, W - 40, H - 40)
        c.setLineWidth(1)
        c.setStrokeColor(black)
        c.setFont("Helvetica-Bold", 11)
        c.drawString(40, H - 58, "London Borough of Sedgemere")
        c.setFont("Helvetica", 8.5)
        c.drawRightString(W - 40, H - 58, dept)
        c.setFont("Helvetica-Bold", 17)
        c.drawString(40, H - 84, title)
        self.y = H - 100
        self.note("You can fill in this form on screen. Save it and email it to the address at the bottom of the "
                  "page, or print it and post it to us.", "Helvetica-Oblique")
        self.y -= 10

    def note(self, t, font="Helvetica"):
        self.y = para(self.c, 40, self.y - 4, t, font, 8.5, W - 80, 11) - 4

    def h(self, t):
        c = self.c
        self.y -= 8
        c.setFont("Helvetica-Bold", 11)
        c.setFillColor(Color(0.1, 0.3, 0.6))
        c.drawString(40, self.y, t)
        c.setFillColor(black)
        c.setStrokeColor(Color(0.75, 0.8, 0.9))
        c.line(40, self.y - 4, W - 40, self.y - 4)
        c.setStrokeColor(black)
        self.y -= 18

    def field(self, name, value, x, w, h=18, multiline=False):
        self.c.acroForm.textfield(name=name, tooltip=name, value=value or "", x=x, y=self.y - h, width=w, height=h,
                                  fontName="Helvetica", fontSize=10, borderColor=Color(0.5, 0.5, 0.6),
                                  fillColor=Color(0.93, 0.95, 1.0), textColor=black, borderWidth=1,
                                  forceBorder=True, fieldFlags="multiline" if multiline else "")

    def q(self, label, value, name, w=None, h=18, multiline=False):
        self.c.setFont("Helvetica", 9)
        self.c.drawString(40, self.y, label)
        self.y -= 4
        self.field(name, value, 40, w or W - 80, h, multiline)
        self.y -= h + 12

    def pair(self, a, b):
        half = (W - 80) / 2 - 6
        self.c.setFont("Helvetica", 9)
        self.c.drawString(40, self.y, a[0])
        self.c.drawString(40 + half + 12, self.y, b[0])
        self.y -= 4
        self.field(a[2], a[1], 40, half)
        self.field(b[2], b[1], 40 + half + 12, half)
        self.y -= 30

    def addr(self, label, lines, prefix, pc, pcname):
        self.c.setFont("Helvetica", 9)
        self.c.drawString(40, self.y, label)
        self.y -= 4
        ls = (lines_nonblank(lines) + ["", "", ""])[:3]
        for i, l in enumerate(ls):
            self.field(f"{prefix}{i + 1}", l, 40, W - 80)
            self.y -= 21
        self.y -= 6
        self.c.setFont("Helvetica", 9)
        self.c.drawString(40, self.y, "Postcode")
        self.y -= 4
        self.field(pcname, pc, 40, 110)
        self.y -= 30

    def check(self, label, options, sel, prefix):
        c = self.c
        c.setFont("Helvetica", 9)
        c.drawString(40, self.y, label)
        x = 60 + pdfmetrics.stringWidth(label, "Helvetica", 9)
        for i, o in enumerate(options):
            c.acroForm.checkbox(name=f"{prefix}{i}", tooltip=o, x=x, y=self.y - 3, size=12, checked=(i == sel),
                                buttonStyle="cross", borderColor=Color(0.5, 0.5, 0.6),
                                fillColor=Color(0.93, 0.95, 1.0), textColor=black, forceBorder=True)
            c.setFont("Helvetica", 9)
            c.drawString(x + 16, self.y, o)
            x += 40 + pdfmetrics.stringWidth(o, "Helvetica", 9)
        self.y -= 24

    def finish(self, email):
        c = self.c
        c.setFont("Helvetica", 7.5)
        c.drawString(40, 30, f"{self.code}  |  Email: {email}  |  Post: {', '.join(COUNCIL_ADDR)}")
        c.showPage()


def acro_spd(c, form):
    f, s = form["fields"], form["show"]
    a = Acro(c, "Apply for a single person discount", "Council Tax", "SPD online v3")
    a.h("Your details")
    a.q("Your reference (Council Tax account number)", s["acct_display"], "CTRef", 200)
    a.q("Your full name", f["applicant_name"], "FullName")
    a.addr("Property address", s["addr"], "PropAddr", pcshow(form), "PropPostcode")
    a.h("Living alone")
    a.q("From what date have you been the only adult aged 18 or over living there?", dshow(form, "sole_adult_since"),
        "DateSoleAdult", 160)
    a.q("Name of the other adult who moved out (if any)", f.get("other_adult_name", ""), "OtherAdult")
    a.q("Where have they moved to?", f.get("other_adult_forwarding_address", ""), "OtherAdultAddr")
    a.q("Please tell us what changed", f.get("change_description", ""), "WhatChanged", h=34, multiline=True)
    a.h("Contact")
    a.pair(("Telephone", f.get("phone", ""), "Tel"), ("Email", f.get("email", ""), "Email"))
    a.h("Declaration")
    a.note(DECL_CT)
    a.check("I confirm the information I have given is correct", ["Yes"], 0, "Confirm")
    a.pair(("Signature (type your name)", form["sig"], "Signature"),
           ("Date", dshow(form, "declaration_date"), "SignedDate"))
    a.finish("counciltax@sedgemere.gov.uk")


def acro_move(c, form):
    f, s = form["fields"], form["show"]
    a = Acro(c, "Moving home? Council Tax change of address", "Council Tax", "COA online v2")
    a.check("Moving in or out?", ["Moving in", "Moving out"], 0 if f["move_type"] == "in" else 1, "InOut")
    a.q("Account number (if you already pay Council Tax in Sedgemere)", s.get("acct_display", ""), "AccountNo", 200)
    a.q("Full name", f["applicant_name"], "Name")
    a.addr("Address you are leaving", s["prev"], "OldAddr", pcshow(form, "previous_postcode"), "OldPostcode")
    a.addr("Address you are moving to", s["new"], "NewAddr", pcshow(form, "new_postcode"), "NewPostcode")
    a.q("Moving date", dshow(form, "move_date"), "MoveDate", 160)
    a.pair(("Telephone", f.get("phone", ""), "Tel"), ("Email", f.get("email", ""), "Email"))
    a.h("Declaration")
    a.note(DECL_CT)
    a.pair(("Signature (type your name)", form["sig"], "Signature"),
           ("Date", dshow(form, "declaration_date"), "SignedDate"))
    a.finish("counciltax@sedgemere.gov.uk")


# ---------------------------------------------------------------- layout 5: correspondence
DOW = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def sig_block(form):
    f, s = form["fields"], form["show"]
    out = []
    if f.get("sender_name"):
        out.append(f["sender_name"])
    if s.get("sig_title"):
        out.append(s["sig_title"])
    a = s.get("addr") or []
    if a:
        body = lines_nonblank(a[:-1])
        out += body[:-1] + [f"{body[-1]} {a[-1]}"] if body else [a[-1]]
    return out


def corr_outlook(c, form):
    f, s = form["fields"], form["show"]
    y = H - 50
    c.setFont("Helvetica-Bold", 13)
    c.drawString(40, y, "Customer Services (shared mailbox)")
    y -= 8
    c.setLineWidth(2.2)
    c.line(40, y, W - 40, y)
    c.setLineWidth(1)
    y -= 22
    sent = s["sent"]
    hh = rng.randint(7, 21)
    mm = rng.randint(0, 59)
    frm = f"{f['sender_name']} <{s['sender_email']}>" if f.get("sender_name") else s["sender_email"]
    hdr = [("From:", frm), ("Sent:", f"{DOW[sent.weekday()]}, {sent.day} {MONTHS[sent.month - 1]} {sent.year} {hh:02d}:{mm:02d}"),
           ("To:", "Customer Services <customer.services@sedgemere.gov.uk>"), ("Subject:", s["subject"])]
    for k, v in hdr:
        c.setFont("Helvetica-Bold", 10)
        c.drawString(40, y, k)
        c.setFont("Helvetica", 10)
        c.drawString(110, y, v)
        y -= 14
    y -= 14
    c.setFont("Helvetica", 10.5)
    c.drawString(40, y, s["salutation"])
    y -= 22
    for ptxt in s["paras"]:
        y = para(c, 40, y, ptxt, "Helvetica", 10.5, W - 80, 14) - 10
    c.drawString(40, y, s["closing"])
    y -= 22
    for l in sig_block(form):
        c.setFont("Helvetica", 10.5)
        c.drawString(40, y, l)
        y -= 14
    c.showPage()


def corr_gmail(c, form):
    f, s = form["fields"], form["show"]
    sent = s["sent"]
    y = H - 40
    c.setFont("Helvetica", 8)
    c.drawString(30, H - 20, f"{sent.strftime('%d/%m/%Y')}, {rng.randint(8, 22):02d}:{rng.randint(0, 59):02d}")
    c.drawCentredString(W / 2, H - 20, f"Gmail - {s['subject']}")
    c.setFont("Helvetica-Bold", 18)
    c.setFillColor(GREY)
    c.drawString(40, y - 14, "Gmail")
    c.setFillColor(black)
    c.setFont("Helvetica", 9)
    me = f"{f['sender_name']} <{s['sender_email']}>" if f.get("sender_name") else s["sender_email"]
    c.drawRightString(W - 40, y - 12, me)
    y -= 26
    c.setStrokeColor(LIGHT)
    c.line(40, y, W - 40, y)
    c.setStrokeColor(black)
    y -= 24
    c.setFont("Helvetica-Bold", 13)
    c.drawString(40, y, s["subject"])
    y -= 14
    c.setFont("Helvetica", 8.5)
    c.drawString(40, y, "1 message")
    y -= 8
    c.setStrokeColor(LIGHT)
    c.line(40, y, W - 40, y)
    c.setStrokeColor(black)
    y -= 18
    c.setFont("Helvetica-Bold", 10)
    nm = f.get("sender_name") or s["sender_email"]
    c.drawString(40, y, nm)
    c.setFont("Helvetica", 9.5)
    if f.get("sender_name"):
        c.drawString(44 + pdfmetrics.stringWidth(nm, "Helvetica-Bold", 10), y, f"<{s['sender_email']}>")
    c.drawRightString(W - 40, y, f"{DOW[sent.weekday()][:3]}, {sent.day} {MONTHS[sent.month - 1][:3]} {sent.year} at {rng.randint(8, 22):02d}:{rng.randint(0, 59):02d}")
    y -= 13
    c.drawString(40, y, "To: counciltax@sedgemere.gov.uk" if f["topic"] == "council_tax_query" else "To: contact@sedgemere.gov.uk")
    y -= 26
    c.setFont("Helvetica", 10)
    c.drawString(40, y, s["salutation"])
    y -= 20
    for ptxt in s["paras"]:
        y = para(c, 40, y, ptxt, "Helvetica", 10, W - 80, 13.5) - 9
    c.drawString(40, y, s["closing"])
    y -= 18
    for l in sig_block(form):
        c.drawString(40, y, l)
        y -= 13.5
    c.setFont("Helvetica", 7.5)
    c.drawString(30, 20, f"https://mail.google.com/mail/u/0/?ik=4f1c2a9e07&view=pt&search=all&permthid=thread-f:{rng.randint(10**17, 10**18)}")
    c.drawRightString(W - 30, 20, "1/1")
    c.showPage()


def corr_letter(c, form):
    f, s = form["fields"], form["show"]
    y = H - 60
    a = s["addr"]
    lines = lines_nonblank(a[:-1]) + [a[-1]]
    for l in lines:
        c.setFont("Times-Roman", 11)
        c.drawRightString(W - 60, y, l)
        y -= 14
    y -= 10
    c.drawRightString(W - 60, y, fmt_date(s["date"], "long"))
    y -= 30
    for l in s["to"]:
        c.drawString(60, y, l)
        y -= 14
    y -= 22
    c.drawString(60, y, s["salutation"])
    y -= 24
    c.setFont("Times-Bold", 11)
    c.drawString(60, y, f"Re: {s['subject']}")
    y -= 22
    for ptxt in s["paras"]:
        y = para(c, 60, y, ptxt, "Times-Roman", 11, W - 120, 14.5) - 10
    y -= 6
    c.setFont("Times-Roman", 11)
    c.drawString(60, y, s["closing"])
    y -= 34
    c.setFont("HandB", 16)
    c.setFillColor(INK)
    c.drawString(66, y, f["sender_name"].split(" ")[0][0] + ". " + f["sender_name"].split(" ")[-1])
    c.setFillColor(black)
    y -= 22
    c.setFont("Times-Roman", 11)
    c.drawString(60, y, f["sender_name"])
    c.showPage()


# ---------------------------------------------------------------- main
RENDER = {("wp_script", "council_tax_spd"): wp_spd, ("wp_script", "council_tax_move"): wp_move,
          ("wp_script", "parking_permit"): wp_parking, ("ruled_grid", "council_tax_spd"): grid_spd,
          ("ruled_grid", "parking_permit"): grid_parking, ("colour_bars", "council_tax_move"): bars_move,
          ("colour_bars", "parking_permit"): bars_parking, ("fillable_acroform", "council_tax_spd"): acro_spd,
          ("fillable_acroform", "council_tax_move"): acro_move}
TITLE = {"council_tax_spd": "Single Person Discount", "council_tax_move": "Change of address",
         "parking_permit": "Residents parking permit", "correspondence": "Scanned correspondence"}


def render(form, path):
    if form["form_type"] == "correspondence":
        fn = {"outlook": corr_outlook, "gmail": corr_gmail, "letter": corr_letter}[form["show"]["variant"]]
        c = mkcanvas(path, form["show"]["subject"])
        fn(c, form)
        c.save()
        return
    fn = RENDER[(form["layout"], form["form_type"])]
    if form["layout"] == "colour_bars":
        state = rng.getstate()
        buf = io.BytesIO()
        c = mkcanvas(buf, TITLE[form["form_type"]])
        fn(c, form, 0)
        total = c.getPageNumber() - 1
        rng.setstate(state)
        c = mkcanvas(path, TITLE[form["form_type"]])
        fn(c, form, total)
        c.save()
        return
    c = mkcanvas(path, TITLE[form["form_type"]])
    fn(c, form)
    c.save()


def build_forms():
    forms = []
    L1, L2, L3, L4 = "wp_script", "ruled_grid", "colour_bars", "fillable_acroform"
    # council_tax_spd
    for k in ["clean", "clean", "clean", "clean", "account_not_found", "too_old"]:
        forms += spd_scenario(k, L1)
    for k in ["clean", "clean", "clean", "name_mismatch", "discount", "missing_decl", "future"]:
        forms += spd_scenario(k, L2)
    for k in ["clean", "clean", "clean", "other_adults", "address_mismatch"]:
        forms += spd_scenario(k, L4)
    forms += spd_dup([L1, L4])
    # council_tax_move
    for k, t in [("clean", "out"), ("clean", "in"), ("clean", "out"), ("account_not_found", "out"), ("future", "in")]:
        forms += move_scenario(k, L1, t)
    for k, t in [("clean", "in"), ("clean", "out"), ("clean", "out"), ("property_not_found", "in"), ("name_mismatch", "out")]:
        forms += move_scenario(k, L3, t)
    for k, t in [("clean", "out"), ("clean", "in"), ("clean", "in"), ("too_old", "out"), ("missing_move_date", "out")]:
        forms += move_scenario(k, L4, t)
    # parking_permit
    for k, v in [("clean", "current"), ("renewal", "current"), ("clean", "suffix"), ("not_resident", "current"),
                 ("invalid_vrm", "current")]:
        forms += parking_scenario(k, L1, v)
    for k, v in [("clean", "current"), ("clean", "current"), ("clean", "prefix"), ("clean", "current"),
                 ("property_not_found", "current"), ("vrm_has_permit", "current")]:
        forms += parking_scenario(k, L2, v)
    for k, v in [("clean", "current"), ("clean", "current"), ("renewal", "current"), ("clean", "current"),
                 ("not_in_zone", "current"), ("cap", "current"), ("future", "current")]:
        forms += parking_scenario(k, L3, v)
    forms += corr_scenarios()
    return forms


EXPECT = {"clean": [], "renewal": [], "account_not_found": ["ACCOUNT_NOT_FOUND"], "too_old": ["DATE_TOO_OLD"],
          "future": ["DATE_IN_FUTURE"], "name_mismatch": ["NAME_MISMATCH"], "discount": ["DISCOUNT_ALREADY_APPLIED"],
          "missing_decl": ["MISSING_FIELD:declaration_date"], "other_adults": ["OTHER_ADULTS_REGISTERED"],
          "address_mismatch": ["ADDRESS_MISMATCH"], "property_not_found": ["PROPERTY_NOT_FOUND"],
          "missing_move_date": ["MISSING_FIELD:move_date"], "not_resident": ["NOT_RESIDENT"],
          "invalid_vrm": ["INVALID_FORMAT:vrm"], "vrm_has_permit": ["VRM_HAS_PERMIT"], "not_in_zone": ["NOT_IN_PERMIT_ZONE"],
          "cap": ["PERMIT_CAP_REACHED"], "sender_unknown": ["SENDER_UNKNOWN"]}


def filler():
    """Households that no form touches, so the records look like a real extract."""
    for _ in range(45):
        p = new_property()
        r = rng.random()
        if r < 0.1:
            continue                                    # void / unoccupied, no account
        n = rng.choice([1, 1, 2, 2, 3])
        sur = rng.choice(LAST)
        people = [new_name(sur if i and rng.random() < 0.6 else None) for i in range(n)]
        liable = people[:1 if n == 1 or rng.random() < 0.4 else 2]
        if rng.random() < 0.25:
            add_account(p, [new_name()], status="closed", start=D(rng.randint(2008, 2018), 4, 1),
                        end=D(rng.randint(2019, 2024), rng.randint(1, 12), rng.randint(1, 28)))
        add_account(p, liable, discounts="SPD" if n == 1 and rng.random() < 0.6 else "")
        for x in people:
            if rng.random() < 0.9:
                add_elector(x, p)
        if p["parking_zone"] and rng.random() < 0.5:
            for _k in range(rng.choice([1, 1, 2])):
                fr = rand_date(D(2025, 6, 1), D(2026, 11, 30))
                add_permit(p, new_vrm(), fr)


def write_workbook(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "properties"
    cols = ["uprn", "address_line_1", "address_line_2", "town", "postcode", "council_tax_band", "ward", "parking_zone"]
    ws.append(cols)
    for p in sorted(properties, key=lambda p: p["uprn"]):
        ws.append([p[k] if p[k] != "" else None for k in cols])
    ws = wb.create_sheet("council_tax_accounts")
    cols = ["account_ref", "uprn", "liable_parties", "status", "start_date", "end_date", "discounts"]
    ws.append(cols)
    for a in sorted(accounts.values(), key=lambda a: a["account_ref"]):
        ws.append([a[k] if a[k] not in ("",) else None for k in cols])
        ws.cell(ws.max_row, 1).number_format = "@"
        for col in (5, 6):
            ws.cell(ws.max_row, col).number_format = "yyyy-mm-dd"
    ws = wb.create_sheet("electoral_register")
    ws.append(["elector_number", "full_name", "uprn"])
    for e in sorted(electors, key=lambda e: e["elector_number"]):
        ws.append([e["elector_number"], e["full_name"], e["uprn"]])
    ws = wb.create_sheet("parking_permits")
    cols = ["permit_ref", "uprn", "vrm", "zone", "valid_from", "valid_to"]
    ws.append(cols)
    for pm in sorted(permits, key=lambda x: x["permit_ref"]):
        ws.append([pm[k] for k in cols])
        for col in (5, 6):
            ws.cell(ws.max_row, col).number_format = "yyyy-mm-dd"
    for w in wb.worksheets:
        for col in w.columns:
            w.column_dimensions[col[0].column_letter].width = max(10, min(45, max(len(str(x.value or "")) for x in col) + 2))
    fixed = dt.datetime(2026, 12, 7, 8, 0, 0)
    wb.properties.created = fixed
    wb.properties.modified = fixed
    wb.properties.creator = "Sedgemere Revenues extract"
    buf = io.BytesIO()
    wb.save(buf)
    # rewrite the zip with fixed timestamps so the file is byte-for-byte reproducible
    zin = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            data = re.sub(rb"<dcterms:(created|modified)([^>]*)>[^<]*<", lambda m: m.group(0)[:m.group(0).index(b">") + 1] + b"2026-12-07T08:00:00Z<", data) \
                if item.filename == "docProps/core.xml" else data
            zi = zipfile.ZipInfo(item.filename, date_time=(2026, 12, 7, 8, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(zi, data)


def main():
    forms = build_forms()
    filler()
    # the records are complete: compute every outcome with the spec's checks
    for fm in forms:
        reasons = check(fm["form_type"], fm["fields"])
        want = EXPECT[fm["kind"]]
        assert reasons == want, (fm["form_type"], fm["layout"], fm["kind"], reasons, fm["fields"])
        fm["reasons"] = reasons
        fm["outcome"] = "duplicate_pair" if fm.get("dup") else ("approved" if not reasons else "exception")
    order = list(range(len(forms)))
    rng.shuffle(order)
    if os.path.isdir(INBOX):
        shutil.rmtree(INBOX)
    os.makedirs(INBOX)
    named = []
    for i, idx in enumerate(order):
        fm = forms[idx]
        fm["file"] = f"doc_{i + 1:04d}.pdf"
        named.append(fm)
    seen = {}
    for fm in named:        # file-name order
        key = (fm["layout"], fm["form_type"])
        if fm["outcome"] == "approved" and seen.get(key, 0) < 2:
            fm["split"] = "learn"
            seen[key] = seen.get(key, 0) + 1
        else:
            fm["split"] = "test"
    for fm in named:
        render(fm, os.path.join(INBOX, fm["file"]))
    with open(os.path.join(HERE, "truth.jsonl"), "w") as out:
        for fm in named:
            rec = {"file": fm["file"], "form_type": fm["form_type"], "fields": fm["fields"], "outcome": fm["outcome"],
                   "reasons": fm["reasons"], "layout": fm["layout"], "split": fm["split"]}
            if fm["form_type"] == "correspondence":
                rec["variant"] = fm["show"]["variant"]
            if fm.get("dup"):
                rec["duplicate_group"] = fm["dup"]
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    write_workbook(os.path.join(HERE, "records.xlsx"))
    # summary
    from collections import Counter
    print(len(named), "files")
    print(Counter((f["form_type"], f["outcome"]) for f in named))
    print(Counter(f["layout"] for f in named))
    print(len(properties), "properties", len(accounts), "accounts", len(electors), "electors", len(permits), "permits")


if __name__ == "__main__":
    main()
