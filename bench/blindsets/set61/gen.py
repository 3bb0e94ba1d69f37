#!/usr/bin/env python3
"""Blind test set 61 -- Marlowe Vale District Council (invented, Wiltshire).

Run:  python gen.py
Writes next to this file: records.xlsx, inbox/doc_NNNN.pdf, truth.jsonl.
Deterministic: fixed seed, reportlab invariant mode.
"""
import json
import random
import shutil
from datetime import date, timedelta, datetime
from pathlib import Path

from openpyxl import Workbook
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
AS_OF = date(2026, 12, 7)
SEED = 61061
rng = random.Random(SEED)

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
DEJAVU_B = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
HAVE_DV = DEJAVU.exists() and DEJAVU_B.exists()
if HAVE_DV:
    pdfmetrics.registerFont(TTFont("DV", str(DEJAVU)))
    pdfmetrics.registerFont(TTFont("DV-B", str(DEJAVU_B)))
BOX_ON, BOX_OFF = ("\u25a0", "\u25a1") if HAVE_DV else ("[X]", "[ ]")
TICK_FONT = "DV" if HAVE_DV else "Helvetica"

GREEN = (0.13, 0.33, 0.24)
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]

# ---------------------------------------------------------------- formatting

def ordinal(n):
    if 11 <= n % 100 <= 13:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def fmt_date(d, style):
    if style == "dmy":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "dmy1":
        return f"{d.day}/{d.month}/{d.year}"
    if style == "dash":
        return f"{d.day:02d}-{d.month:02d}-{d.year}"
    if style == "dot":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if style == "long":
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "ord":
        return f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}"
    if style == "us":
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    if style == "iso":
        return d.isoformat()
    raise ValueError(style)


def fmt_acct(ref, style):
    return {"plain": ref, "space": f"{ref[:4]} {ref[4:]}", "dash": f"{ref[:4]}-{ref[4:]}",
            "ct": f"CT{ref}"}[style]


def fmt_pc(pc, style):
    return {"std": pc, "lower": pc.lower(), "nospace": pc.replace(" ", "")}[style]


def fmt_vrm(v, style):
    if style == "plain":
        return v
    if style == "lower":
        return spaced_vrm(v).lower()
    return spaced_vrm(v)


def spaced_vrm(v):
    import re
    if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z]{3}", v):
        return v[:4] + " " + v[4:]
    m = re.fullmatch(r"([A-Z]\d{1,3})([A-Z]{3})", v)
    if m:
        return m.group(1) + " " + m.group(2)
    m = re.fullmatch(r"([A-Z]{3})(\d{1,3}[A-Z])", v)
    if m:
        return m.group(1) + " " + m.group(2)
    return v[:4] + " " + v[4:]


DATE_STYLES = {
    "grid_landscape": ["dmy", "dmy1", "long", "dmy"],
    "dotted_mono": ["dot", "dmy", "dash"],
    "booklet": ["long", "ord", "dmy"],
    "tickbox": ["dmy", "dash", "dmy1"],
    "web_print": ["iso", "dmy"],
    "prose": ["long", "ord", "us", "long"],
}
ACCT_STYLES = {
    "grid_landscape": ["space", "plain"],
    "dotted_mono": ["plain", "dash"],
    "booklet": ["ct", "space"],
    "tickbox": ["plain", "space", "dash"],
    "web_print": ["plain", "ct"],
    "prose": ["ct", "space", "dash", "plain"],
}
PC_STYLES = {
    "grid_landscape": ["std", "std", "std", "nospace"],
    "dotted_mono": ["std"],
    "booklet": ["std"],
    "tickbox": ["std", "std", "nospace"],
    "web_print": ["std", "lower", "lower", "nospace"],
    "prose": ["std"],
}

# ---------------------------------------------------------------- people

F_NAMES = ["Helen", "Sarah", "Priya", "Joanne", "Aisha", "Margaret", "Claire", "Fiona", "Bethany",
           "Chloe", "Grace", "Niamh", "Zofia", "Amara", "Eleanor", "Rachel", "Lucy", "Harriet",
           "Megan", "Sian", "Yasmin", "Ruth", "Karen", "Deborah", "Imogen", "Nadia", "Rebecca",
           "Tamsin", "Olivia", "Hannah", "Gwen", "Pauline", "Leah", "Maryam", "Jasmine", "Alison"]
M_NAMES = ["David", "Samuel", "Tom", "James", "Oliver", "Rajesh", "Tomasz", "Graham", "Peter",
           "Michael", "Kwame", "Liam", "Gareth", "Callum", "Hamid", "Stephen", "Richard", "Andrew",
           "Marcus", "Ewan", "Joseph", "Aaron", "Neil", "Kieran", "Dominic", "Colin", "Ian",
           "Robert", "Harry", "Benedict", "Luke", "Owen", "Arjun", "Mateusz", "Trevor", "Philip"]
SURNAMES = ["Okafor", "Pellow", "Hartley", "Lindqvist", "Marsh", "Whitcombe", "Brennan", "Nowak",
            "Chaudhry", "Fairweather", "Adeyemi", "Thorne", "Penhaligon", "Ashdown", "Kowalski",
            "Mensah", "Griffiths", "Hughes", "O'Connell", "Baxter", "Trelawney", "Winslow", "Sutton",
            "Caldwell", "Haddad", "Patel", "Begum", "Rowe", "Kingdon", "Mortimer", "Yeo",
            "Fitzgerald", "Blackmore", "Dunmore", "Sandford", "Catchpole", "Ferreira", "Quinlan",
            "Vaughan", "Ridley", "Lucas", "Moreton", "Pike", "Hollis", "Carver", "Ng", "Osei",
            "Price", "Jenkins", "Ellery", "Shah", "Iqbal", "Duffy", "Hale", "Weller", "Rees", "Cole",
            "Bright", "Lacey", "Tranter", "Sheppard", "Villiers", "Coombes", "Mahmood", "Szabo",
            "Ogunleye", "Harcourt", "Pinnock", "Tolley", "Abbott-Lane", "Du Preez", "Gill"]
USED_NAMES = set()


class Person:
    def __init__(self, sex, first, last, title):
        self.sex, self.first, self.last, self.title = sex, first, last, title

    @property
    def full(self):
        return f"{self.first} {self.last}"

    @property
    def titled(self):
        return f"{self.title} {self.full}"

    @property
    def sig(self):
        return f"{self.first[0]}. {self.last}" if rng.random() < 0.6 else self.full


def person(sex=None, last=None):
    for _ in range(5000):
        sx = sex or rng.choice("FM")
        first = rng.choice(F_NAMES if sx == "F" else M_NAMES)
        sn = last or rng.choice(SURNAMES)
        full = f"{first} {sn}"
        if full in USED_NAMES:
            continue
        USED_NAMES.add(full)
        if sx == "F":
            title = rng.choice(["Mrs", "Ms", "Miss", "Mrs", "Ms", "Dr"])
        else:
            title = rng.choice(["Mr", "Mr", "Mr", "Dr"])
        return Person(sx, first, sn, title)
    raise RuntimeError("names exhausted")


def phone():
    if rng.random() < 0.55:
        n = f"07700 900{rng.randint(0, 999):03d}"
        return n if rng.random() < 0.7 else n.replace(" ", "")
    return f"01632 960{rng.randint(0, 999):03d}"


def email(p):
    first = p.first.lower()
    last = p.last.lower().replace("'", "").replace(" ", "")
    dom = rng.choice(["example.com", "example.co.uk", "example.net", "example.org"])
    form = rng.choice([f"{first}.{last}", f"{first[0]}{last}", f"{first}{last}{rng.randint(1, 99)}",
                       f"{last}.{first[0]}"])
    return f"{form}@{dom}"


OUT_STREETS = ["Albion Road", "Cheltenham Crescent", "Fisherton Street", "Kennet Close", "Wyndham Avenue",
               "Cowley Road", "Abbots Walk", "Victoria Road", "Bell Lane", "Elm Grove", "Southgate Street",
               "Lansdown Place", "Brunel Way", "Ferry Lane", "Marlborough Road", "Gloucester Road",
               "Queens Drive", "Wellington Street", "Nelson Close", "Beech Avenue", "Canal Walk"]
OUT_TOWNS = [("Swindon", "SN1"), ("Bath", "BA2"), ("Salisbury", "SP2"), ("Reading", "RG1"), ("Bristol", "BS6"),
             ("Oxford", "OX4"), ("Devizes", "SN10"), ("Chippenham", "SN15"), ("Frome", "BA11"),
             ("Cheltenham", "GL50"), ("Gloucester", "GL1"), ("Stroud", "GL5"), ("Trowbridge", "BA14"),
             ("Weymouth", "DT4"), ("Andover", "SP10"), ("Newbury", "RG14")]
USED_OUT = set()


def outside():
    """An address outside the district: (line 1, town, postcode)."""
    while True:
        st = rng.choice(OUT_STREETS)
        town, dist = rng.choice(OUT_TOWNS)
        if (st, town) in USED_OUT:
            continue
        USED_OUT.add((st, town))
        pc = f"{dist} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
        return (f"{rng.randint(1, 140)} {st}", town, pc)


MAKES = {"Ford": ["Focus", "Fiesta", "Kuga", "Puma"], "Vauxhall": ["Corsa", "Astra", "Mokka"],
         "Volkswagen": ["Golf", "Polo", "Tiguan"], "Toyota": ["Yaris", "Corolla", "RAV4"],
         "Nissan": ["Qashqai", "Juke", "Leaf"], "Kia": ["Sportage", "Niro", "Picanto"],
         "Skoda": ["Octavia", "Fabia"], "Honda": ["Jazz", "Civic"], "Peugeot": ["208", "2008"],
         "BMW": ["1 Series", "X1"], "Renault": ["Clio", "Captur"], "Hyundai": ["i10", "Tucson"],
         "MINI": ["Cooper"], "Volvo": ["XC40", "V60"], "Fiat": ["500", "Panda"],
         "Land Rover": ["Defender", "Discovery Sport"], "Tesla": ["Model 3", "Model Y"]}
COLOURS = ["Blue", "Silver", "Black", "White", "Grey", "Red", "Green", "Dark blue"]

VRM_L = "ABCDEFGHJKLMNOPRSTUVWXY"
USED_VRMS = set()


def vrm(kind=None):
    while True:
        kind2 = kind or rng.choices(["cur", "pre", "suf"], [8, 2, 1])[0]
        if kind2 == "cur":
            v = (rng.choice("ABCDEFGHKLMNOPRSVWY") + rng.choice(VRM_L)
                 + rng.choice(["15", "65", "16", "66", "17", "67", "18", "68", "19", "69", "20",
                               "70", "21", "71", "22", "72", "23", "73", "24", "74", "25", "75"])
                 + "".join(rng.choice(VRM_L) for _ in range(3)))
        elif kind2 == "pre":
            v = (rng.choice("ABCDEFGHJKLMNPRSTVWXY") + str(rng.randint(1, 999))
                 + "".join(rng.choice(VRM_L) for _ in range(3)))
        else:
            v = ("".join(rng.choice(VRM_L) for _ in range(3)) + str(rng.randint(1, 999))
                 + rng.choice("ABCDEFGHJKLMNPRSTVWXY"))
        if v not in USED_VRMS:
            USED_VRMS.add(v)
            return v


# ---------------------------------------------------------------- gazetteer

UNIT_L = "ABDEFGHJLNPQRSTUWXYZ"
USED_PC = set()


def postcode(district):
    while True:
        pc = f"{district} {rng.randint(1, 9)}{rng.choice(UNIT_L)}{rng.choice(UNIT_L)}"
        if pc not in USED_PC:
            USED_PC.add(pc)
            return pc


COTTAGES = ["Rose Cottage", "Honeysuckle Cottage", "Wren Cottage", "Apple Tree Cottage", "Thatch End",
            "Little Orchard", "The Old Forge", "The Old School House", "Yew Tree Cottage",
            "Bramble Cottage", "Keeper's Cottage", "Pear Tree Cottage", "Primrose Cottage",
            "Holly Cottage", "Ivy Cottage", "The Old Bakery", "Church View", "Lavender Cottage",
            "Brook Cottage", "Mill House", "Corner Cottage", "Swallows"]
FARM_UNITS = ["The Old Granary", "The Threshing Barn", "The Cart Shed", "The Dairy", "Stable Cottage",
              "The Hayloft", "Long Barn", "The Byre", "Dovecote Barn"]

# (kind, street, line2, town, district, ward, zone, count or names)
STREETS = [
    ("num", "Market Street", "", "Marlowe", "MV1", "Marlowe Castle", "Town Centre", list(range(1, 13))),
    ("num", "High Street", "", "Marlowe", "MV1", "Marlowe Castle", "Town Centre", list(range(2, 22, 2))),
    ("num", "Sheep Street", "", "Marlowe", "MV1", "Marlowe Castle", "Town Centre", list(range(1, 12))),
    ("num", "Castle Road", "", "Marlowe", "MV1", "Marlowe Castle", "Zone M1", list(range(1, 15))),
    ("num", "Station Road", "", "Marlowe", "MV1", "Marlowe Abbey", "Zone M1", list(range(1, 11))),
    ("num", "Victoria Terrace", "", "Marlowe", "MV2", "Marlowe Abbey", "Zone M2", list(range(1, 13))),
    ("num", "Orchard Road", "", "Marlowe", "MV2", "Marlowe Abbey", "Zone M2", list(range(1, 11))),
    ("num", "Hospital Road", "", "Marlowe", "MV3", "Marlowe Abbey", "Hospital", list(range(1, 11))),
    ("num", "Infirmary Lane", "", "Marlowe", "MV3", "Marlowe Abbey", "Hospital", list(range(1, 7))),
    ("num", "Kestrel Way", "", "Marlowe", "MV2", "Marlowe Kestrel", "", list(range(1, 25))),
    ("num", "Heron Close", "", "Marlowe", "MV2", "Marlowe Kestrel", "", list(range(1, 9))),
    ("num", "Skylark Rise", "", "Marlowe", "MV2", "Marlowe Kestrel", "", list(range(1, 11))),
    ("num", "Kings Road", "", "Hadleigh", "MV5", "Hadleigh", "", list(range(1, 9))),
    ("num", "Abbey Walk", "", "Hadleigh", "MV5", "Hadleigh", "", list(range(1, 7))),
    ("num", "Wharf Lane", "", "Kingsford", "MV8", "Kingsford and Wharf", "", list(range(1, 7))),
    ("num", "Canal Row", "", "Kingsford", "MV8", "Kingsford and Wharf", "", list(range(1, 7))),
    ("named", "Church Lane", "Little Marlowe", "Marlowe", "MV4", "Vale North", "", 6),
    ("named", "The Street", "Chisbury St Mary", "Hadleigh", "MV6", "Vale North", "", 6),
    ("named", "Mill Lane", "Upper Wyle", "Kingsford", "MV7", "Vale South", "", 5),
    ("named", "Back Lane", "Ashcombe", "Kingsford", "MV9", "Vale South", "", 4),
    ("farm", "Manor Farm", "Little Marlowe", "Marlowe", "MV4", "Vale North", "", 4),
    ("farm", "Home Farm", "Upper Wyle", "Kingsford", "MV7", "Vale South", "", 3),
    ("farm", "Lower Farm", "Ashcombe", "Kingsford", "MV9", "Vale South", "", 2),
]
WARD_CODE = {"Marlowe Castle": "MC", "Marlowe Abbey": "MA", "Marlowe Kestrel": "MK", "Hadleigh": "HD",
             "Kingsford and Wharf": "KW", "Vale North": "VN", "Vale South": "VS"}

PROPS = []
STREET_PC = {}


def build_gazetteer():
    uprn = 100121004000
    cottage_pool = list(COTTAGES)
    rng.shuffle(cottage_pool)
    for kind, street, line2, town, dist, ward, zone, spec in STREETS:
        if kind == "num":
            nums = spec
            pcs = [postcode(dist)] if len(nums) <= 12 else [postcode(dist), postcode(dist)]
            STREET_PC[street] = pcs
            for i, n in enumerate(nums):
                pc = pcs[0] if (len(pcs) == 1 or i < len(nums) // 2) else pcs[1]
                band = {"Kestrel Way": "D", "Heron Close": "C", "Skylark Rise": "D"}.get(
                    street, rng.choice("ABBCC"))
                uprn += rng.randint(1, 40)
                PROPS.append(dict(uprn=uprn, address_line_1=f"{n} {street}", address_line_2=line2,
                                  town=town, postcode=pc, council_tax_band=band, ward=ward,
                                  parking_zone=zone, street=street, kind=kind))
        elif kind == "named":
            pc = postcode(dist)
            STREET_PC[street] = [pc]
            for _ in range(spec):
                name = cottage_pool.pop()
                uprn += rng.randint(1, 40)
                PROPS.append(dict(uprn=uprn, address_line_1=f"{name}, {street}", address_line_2=line2,
                                  town=town, postcode=pc, council_tax_band=rng.choice("DDEEF"),
                                  ward=ward, parking_zone="", street=street, kind=kind))
        else:
            pc = postcode(dist)
            STREET_PC[street] = [pc]
            units = rng.sample(FARM_UNITS, spec)
            for u in units:
                uprn += rng.randint(1, 40)
                PROPS.append(dict(uprn=uprn, address_line_1=f"{u}, {street}", address_line_2=line2,
                                  town=town, postcode=pc, council_tax_band=rng.choice("EFFG"),
                                  ward=ward, parking_zone="", street=street, kind=kind))


build_gazetteer()
PROP_BY_UPRN = {p["uprn"]: p for p in PROPS}

# ---------------------------------------------------------------- records

ACCOUNTS, ELECTORS, PERMITS = [], [], []
CLAIMED = set()
USED_REFS = set()
ELECTOR_SEQ = {c: rng.randint(1000, 3000) for c in WARD_CODE.values()}
PERMIT_SEQ = [rng.randint(10000, 20000)]


def new_ref():
    while True:
        r = str(rng.randint(61000000, 69999999))
        if r not in USED_REFS:
            USED_REFS.add(r)
            return r


def bogus_ref(near):
    """A plausible mistyped reference that does not exist."""
    while True:
        s = list(near)
        i = rng.randint(2, 6)
        s[i], s[i + 1] = s[i + 1], s[i]
        if s == list(near):
            s[i] = str((int(s[i]) + 3) % 10)
        r = "".join(s)
        if r not in USED_REFS and r[0] != "0":
            USED_REFS.add(r)  # reserve so no real account gets it later
            return r


def rand_date(a, b):
    return a + timedelta(days=rng.randint(0, (b - a).days))


def make_account(p, liable, start, end=None, discounts=""):
    ref = new_ref()
    ACCOUNTS.append(dict(account_ref=ref, uprn=p["uprn"], liable_parties="; ".join(x.full for x in liable),
                         status="closed" if end else "active", start_date=start, end_date=end,
                         discounts=discounts, _liable=[x.full for x in liable]))
    return ref


def register(p, people):
    code = WARD_CODE[p["ward"]]
    for x in people:
        ELECTOR_SEQ[code] += rng.randint(1, 9)
        ELECTORS.append(dict(elector_number=f"{code}-{ELECTOR_SEQ[code]}", full_name=x.full, uprn=p["uprn"]))


def add_permit(p, v, active=True):
    if active:
        start = rand_date(AS_OF - timedelta(days=330), AS_OF - timedelta(days=10))
    else:
        start = rand_date(AS_OF - timedelta(days=900), AS_OF - timedelta(days=420))
    PERMIT_SEQ[0] += rng.randint(1, 30)
    PERMITS.append(dict(permit_ref=f"MVP{PERMIT_SEQ[0]:06d}", uprn=p["uprn"], vrm=v, zone=p["parking_zone"],
                        valid_from=start, valid_to=start + timedelta(days=364)))


def history(p, before):
    """Closed account(s) of previous occupants, ending before `before`."""
    end = before - timedelta(days=rng.randint(1, 20))
    start = end - timedelta(days=rng.randint(400, 3000))
    prev = [person() for _ in range(rng.choice([1, 1, 2]))]
    make_account(p, prev, start, end)


def claim(pred):
    cands = [p for p in PROPS if p["uprn"] not in CLAIMED and pred(p)]
    p = rng.choice(cands)
    CLAIMED.add(p["uprn"])
    return p


def household(p, liable, registered, discounts="", start=None, hist=None):
    start = start or rand_date(date(2008, 1, 1), AS_OF - timedelta(days=420))
    if hist or (hist is None and rng.random() < 0.4):
        history(p, start)
    ref = make_account(p, liable, start, None, discounts)
    register(p, registered)
    return ref


# ---------------------------------------------------------------- cases

CASES = []


class Case:
    def __init__(self, form_type, layout, outcome="approved", reasons=()):
        self.form_type, self.layout, self.outcome, self.reasons = form_type, layout, outcome, list(reasons)
        self.fields, self.show, self.x = {}, {}, {}
        self.dstyle = rng.choice(DATE_STYLES[layout])
        self.astyle = rng.choice(ACCT_STYLES[layout])
        self.pstyle = rng.choice(PC_STYLES[layout])
        self.group = None
        self.uprns = []
        CASES.append(self)

    def date(self, key, d, style=None):
        self.fields[key] = d.isoformat()
        self.show[key] = fmt_date(d, style or self.dstyle)

    def acct(self, ref):
        self.fields["account_ref"] = ref
        self.show["account_ref"] = fmt_acct(ref, self.astyle)

    def pc(self, key, pc):
        self.fields[key] = pc
        self.show[key] = fmt_pc(pc, self.pstyle)

    def addr(self, prefix, line1, line2, town, pc, truth=True):
        if truth:
            self.fields[prefix + "address"] = line1
        self.show[prefix + "address"] = line1
        self.show[prefix + "town"] = line2 or town
        self.show[prefix + "lines"] = [line1] + ([line2] if line2 else []) + [town]
        if truth:
            self.pc(prefix + "postcode", pc)
        else:
            self.show[prefix + "postcode"] = fmt_pc(pc, self.pstyle)

    def prop_addr(self, prefix, p):
        self.addr(prefix, p["address_line_1"], p["address_line_2"], p["town"], p["postcode"])

    def text(self, key, val):
        self.fields[key] = " ".join(val.split())
        self.show[key] = val

    def name(self, key, who, title_p=0.35):
        with_title = (self.layout == "dotted_mono" and key == "applicant_name") or rng.random() < title_p
        disp = who.titled if with_title else who.full
        self.fields[key] = disp
        self.show[key] = disp
        if key == "applicant_name":
            self.show["title"] = who.title if with_title else ""
            self.show["forenames"] = who.first
            self.show["surname"] = who.last
            self.x["person"] = who
            self.x["signature"] = who.sig

    def contact(self, who, p_phone=0.7, p_email=0.6):
        if rng.random() < p_phone:
            self.text("phone", phone())
        if rng.random() < p_email:
            self.text("email", email(who))


def decl_date():
    return AS_OF - timedelta(days=rng.randint(1, 16))


# --------------------------- single person discount

def spd_change_text(case, other, since, style, mention_date=True, moved_on=None):
    d = moved_on or since
    ds = fmt_date(d, style)
    rel = {"F": rng.choice(["wife", "partner", "daughter", "mother"]),
           "M": rng.choice(["husband", "partner", "son", "father"])}[other.sex]
    if mention_date:
        opts = [f"My {rel} {other.first} moved out on {ds} and now lives elsewhere.",
                f"We separated and {other.first} moved out of the house on {ds}.",
                f"{other.full} ({rel}) left the property on {ds} to live with family."]
    else:
        opts = [f"My {rel} has moved out permanently and I now live on my own.",
                f"Relationship ended - {other.first} has moved to a flat of their own.",
                f"My {rel} has moved away for work and is no longer living here."]
    return rng.choice(opts)


def spd(layout, variant, dup_of=None):
    """variants: clean_couple, clean_regonly, clean_single, name_mismatch, acct_not_found, too_old,
    other_adults, discount, inconsistent"""
    reasons = {"name_mismatch": ["NAME_MISMATCH"], "acct_not_found": ["ACCOUNT_NOT_FOUND"],
               "too_old": ["DATE_TOO_OLD"], "other_adults": ["OTHER_ADULTS_REGISTERED"],
               "discount": ["DISCOUNT_ALREADY_APPLIED"], "inconsistent": ["INCONSISTENT_DATES"]}.get(variant, [])
    c = Case("council_tax_spd", layout, "exception" if reasons else "approved", reasons)
    c.x["variant"] = variant
    p = claim(lambda q: True)
    c.uprns.append(p["uprn"])
    A = person()
    other = None
    if variant in ("clean_couple", "acct_not_found", "too_old", "inconsistent", "dup"):
        B = person(sex="M" if A.sex == "F" else "F", last=A.last if rng.random() < 0.6 else None)
        ref = household(p, [A, B], [A, B])
        other = B
    elif variant == "clean_regonly":
        B = person(last=A.last if rng.random() < 0.5 else None)
        ref = household(p, [A], [A, B])
        other = B
    elif variant == "clean_single":
        ref = household(p, [A], [A])
    elif variant == "name_mismatch":
        B = person(sex="M" if A.sex == "F" else "F", last=A.last)
        ref = household(p, [B], [A, B])
        other = B
    elif variant == "other_adults":
        B = person(sex="M" if A.sex == "F" else "F", last=A.last)
        C = person(last=A.last)
        ref = household(p, [A, B], [A, B, C])
        other = B
    elif variant == "discount":
        ref = household(p, [A], [A], discounts="SPD")
    else:
        raise ValueError(variant)

    c.acct(ref if variant != "acct_not_found" else bogus_ref(ref))
    c.name("applicant_name", A)
    c.prop_addr("", p)
    if variant == "too_old":
        since = AS_OF - timedelta(days=rng.randint(400, 520))
    else:
        since = AS_OF - timedelta(days=rng.randint(12, 300))
    c.date("sole_adult_since", since)
    if other is not None:
        c.name("other_adult_name", other, title_p=0.0)
        if rng.random() < 0.6:
            o = outside()
            c.text("other_adult_forwarding_address", f"{o[0]}, {o[1]} {o[2]}")
    has_change_box = layout != "prose"
    if variant == "inconsistent":
        moved = since - timedelta(days=rng.randint(6, 30))
        c.text("change_description", spd_change_text(c, other, since, c.dstyle, True, moved))
    elif variant == "clean_single":
        c.text("change_description", rng.choice([
            "My lodger moved out when his tenancy ended. I live on my own now.",
            "The adult who rented my spare room has left and I am now the only person living here.",
            "My adult son moved out to his own flat in Swindon."]))
    elif variant == "discount":
        c.text("change_description", "I have lived on my own since my husband passed away.")
    elif has_change_box and other is not None and rng.random() < 0.8:
        c.text("change_description", spd_change_text(c, other, since, c.dstyle, rng.random() < 0.6))
    c.contact(A)
    c.date("declaration_date", decl_date())
    c.x["ref"] = ref
    return c


def spd_closed_and_moved(layout):
    """Quotes the account for the house they left; gives their new address."""
    c = Case("council_tax_spd", layout, "exception", ["ACCOUNT_CLOSED", "ADDRESS_MISMATCH"])
    c.x["variant"] = "closed_moved"
    old = claim(lambda q: q["kind"] == "num")
    new = claim(lambda q: q["kind"] != "num")
    c.uprns += [old["uprn"], new["uprn"]]
    A = person()
    B = person(sex="M" if A.sex == "F" else "F", last=A.last)
    s_old = rand_date(date(2012, 1, 1), date(2018, 1, 1))
    e_old = rand_date(date(2025, 9, 1), date(2026, 2, 1))
    old_ref = make_account(old, [A, B], s_old, e_old)
    # old house now empty (landlord letting it), no one on the register there
    household(new, [A, B], [A, B], start=e_old + timedelta(days=1), hist=True)
    c.acct(old_ref)
    c.name("applicant_name", A)
    c.prop_addr("", new)
    since = AS_OF - timedelta(days=rng.randint(30, 120))
    c.date("sole_adult_since", since)
    c.name("other_adult_name", B, title_p=0.0)
    c.contact(A, 1.0, 0.5)
    c.date("declaration_date", decl_date())
    return c


# --------------------------- moving

def move(layout, variant):
    """variants: out, in, out_addr, out_name, out_acct, in_notfound, in_future"""
    reasons = {"out_addr": ["ADDRESS_MISMATCH"], "out_name": ["NAME_MISMATCH"],
               "out_acct": ["ACCOUNT_NOT_FOUND"], "in_notfound": ["PROPERTY_NOT_FOUND"],
               "in_future": ["DATE_IN_FUTURE"]}.get(variant, [])
    c = Case("council_tax_move", layout, "exception" if reasons else "approved", reasons)
    c.x["variant"] = variant
    direction = "out" if variant.startswith("out") else "in"
    c.fields["move_type"] = direction
    c.show["move_type"] = direction
    if direction == "out":
        p = claim(lambda q: True)
        c.uprns.append(p["uprn"])
        A = person()
        if variant == "out_name":
            parent = person(last=A.last)
            ref = household(p, [parent], [parent, A])
        elif rng.random() < 0.5:
            B = person(last=A.last)
            ref = household(p, [A, B], [A, B])
        else:
            ref = household(p, [A], [A])
        if variant == "out_acct":
            c.acct(bogus_ref(ref))
        else:
            c.acct(ref)
        c.name("applicant_name", A)
        if variant == "out_addr":
            # wrote the house number of the neighbour
            same = [q for q in PROPS if q["street"] == p["street"] and q["uprn"] != p["uprn"]
                    and q["uprn"] not in CLAIMED and q["postcode"] == p["postcode"]]
            q = rng.choice(same)
            CLAIMED.add(q["uprn"])
            background(q)
            c.uprns.append(q["uprn"])
            c.prop_addr("previous_", q)
        else:
            c.prop_addr("previous_", p)
        o = outside()
        c.addr("new_", o[0], "", o[1], o[2])
        mdate = AS_OF + timedelta(days=rng.randint(-70, 25))
    else:
        A = person()
        if variant == "in_notfound":
            kes = [q for q in PROPS if q["street"] == "Kestrel Way"]
            c.addr("new_", "26 Kestrel Way", "", "Marlowe", kes[0]["postcode"])
        else:
            p = claim(lambda q: q["kind"] == "num" or rng.random() < 0.3)
            c.uprns.append(p["uprn"])
            # empty property: previous occupants' account closed, nobody registered
            end = AS_OF - timedelta(days=rng.randint(20, 120))
            history(p, end + timedelta(days=15))
            c.prop_addr("new_", p)
        c.name("applicant_name", A)
        if rng.random() < 0.75:
            o = outside()
            c.addr("previous_", o[0], "", o[1], o[2])
        if variant == "in_future":
            mdate = AS_OF + timedelta(days=rng.randint(40, 60))
        else:
            mdate = AS_OF + timedelta(days=rng.randint(-60, 20))
    c.date("move_date", mdate)
    c.contact(A, 0.8, 0.6)
    c.date("declaration_date", decl_date())
    return c


# --------------------------- parking permits

def permit(layout, variant):
    """variants: clean, clean_reg, cap, bad_vrm, not_zone, not_resident, vrm_has, future, no_decl"""
    reasons = {"cap": ["PERMIT_CAP_REACHED"], "bad_vrm": ["INVALID_FORMAT:vrm"],
               "not_zone": ["NOT_IN_PERMIT_ZONE"], "not_resident": ["NOT_RESIDENT"],
               "vrm_has": ["VRM_HAS_PERMIT"], "future": ["DATE_IN_FUTURE"],
               "no_decl": ["MISSING_FIELD:declaration_date"]}.get(variant, [])
    c = Case("parking_permit", layout, "exception" if reasons else "approved", reasons)
    c.x["variant"] = variant
    if variant == "not_zone":
        p = claim(lambda q: q["street"] in ("Kestrel Way", "Heron Close", "Skylark Rise"))
        zone = "Zone M2"
    else:
        p = claim(lambda q: q["parking_zone"] != "")
        zone = p["parking_zone"]
    c.uprns.append(p["uprn"])
    A = person()
    if variant == "clean_reg":
        parent = person(last=A.last)
        household(p, [parent], [parent, A])
    elif variant == "not_resident":
        B = person()
        household(p, [B], [B])
    else:
        if rng.random() < 0.4:
            B = person(last=A.last)
            household(p, [A, B], [A, B] if rng.random() < 0.8 else [A])
        else:
            household(p, [A], [A] if rng.random() < 0.8 else [])
    v = vrm()
    if variant == "cap":
        add_permit(p, vrm())
        add_permit(p, vrm())
    elif variant == "vrm_has":
        add_permit(p, v)
    elif p["parking_zone"]:
        r = rng.random()
        if r < 0.35:
            add_permit(p, vrm())
        elif r < 0.6:
            add_permit(p, vrm(), active=False)
            add_permit(p, vrm())
    if variant == "bad_vrm":
        v = v[:4] + v[4:] + rng.choice("ABCDEFGHJKLMNPRSTUVWXY") if len(v) == 7 and v[2].isdigit() else "WX67ABCD"
        c.fields["vrm"] = v
        c.show["vrm"] = v[:4] + " " + v[4:]
    else:
        c.fields["vrm"] = v
        c.show["vrm"] = fmt_vrm(v, rng.choice(["space", "space", "plain", "lower"]))
    c.name("applicant_name", A)
    c.prop_addr("", p)
    make = rng.choice(list(MAKES))
    if rng.random() < 0.9:
        c.text("vehicle_make", make)
    c.x["model"] = rng.choice(MAKES[make])
    c.x["colour"] = rng.choice(COLOURS)
    c.fields["zone"] = zone
    c.show["zone"] = zone
    if variant == "future":
        start = AS_OF + timedelta(days=rng.randint(45, 70))
    else:
        start = AS_OF + timedelta(days=rng.randint(-14, 21))
    c.date("start_date", start)
    c.contact(A, 0.85, 0.7)
    if variant != "no_decl":
        c.date("declaration_date", decl_date())
    return c


# --------------------------- correspondence

def corr(kind, topic, reasons=(), quote=False, fake_ref=False, anon=False, channel="letter"):
    c = Case("correspondence", "prose", "exception" if reasons else "approved", reasons)
    c.x["variant"] = kind
    c.x["channel"] = channel
    c.fields["topic"] = topic
    if anon:
        A = None
        p = None
    else:
        p = claim(lambda q: True)
        c.uprns.append(p["uprn"])
        A = person()
        B = person(last=A.last) if rng.random() < 0.4 else None
        ref = household(p, [A] + ([B] if B else []), [A] + ([B] if B else []))
        c.fields["sender_name"] = A.full
        c.x["person"] = A
        c.fields["address"] = p["address_line_1"]
        c.fields["postcode"] = p["postcode"]
        c.x["p"] = p
        if quote:
            shown = bogus_ref(ref) if fake_ref else ref
            c.fields["account_ref"] = shown
            c.x["acct_disp"] = fmt_acct(shown, c.astyle)
    c.x["sent"] = AS_OF - timedelta(days=rng.randint(1, 12))
    c.x["anon"] = anon
    return c


# ---------------------------------------------------------------- build the set

PLAN = [
    # SPD
    ("spd", "grid_landscape", "clean_couple"), ("spd", "grid_landscape", "clean_single"),
    ("spd", "grid_landscape", "name_mismatch"), ("spd", "grid_landscape", "acct_not_found"),
    ("spd", "dotted_mono", "clean_regonly"), ("spd", "dotted_mono", "clean_couple"),
    ("spd", "dotted_mono", "too_old"),
    ("spd", "booklet", "clean_couple"), ("spd", "booklet", "clean_single"),
    ("spd", "booklet", "other_adults"),
    ("spd", "tickbox", "clean_couple"), ("spd", "tickbox", "discount"),
    ("spd", "web_print", "clean_regonly"), ("spd", "web_print", "inconsistent"),
    ("spd", "web_print", "dup"),
    ("spd", "prose", "clean_couple"), ("spd_closed", "prose", None),
    # moves
    ("move", "grid_landscape", "out"), ("move", "grid_landscape", "in"), ("move", "grid_landscape", "out_addr"),
    ("move", "dotted_mono", "out"), ("move", "dotted_mono", "in"),
    ("move", "booklet", "in"), ("move", "booklet", "out"), ("move", "booklet", "out_name"),
    ("move", "tickbox", "in"), ("move", "tickbox", "out"), ("move", "tickbox", "in_notfound"),
    ("move", "web_print", "out"), ("move", "web_print", "out_acct"), ("move", "web_print", "in_future"),
    ("move", "prose", "out"),
    # permits
    ("permit", "grid_landscape", "clean"), ("permit", "grid_landscape", "clean_reg"),
    ("permit", "grid_landscape", "cap"),
    ("permit", "dotted_mono", "clean"), ("permit", "dotted_mono", "clean"), ("permit", "dotted_mono", "bad_vrm"),
    ("permit", "booklet", "clean"), ("permit", "booklet", "not_resident"), ("permit", "booklet", "no_decl"),
    ("permit", "tickbox", "clean"), ("permit", "tickbox", "clean"), ("permit", "tickbox", "not_zone"),
    ("permit", "web_print", "clean"), ("permit", "web_print", "vrm_has"), ("permit", "web_print", "future"),
    ("permit", "prose", "clean"),
]


def build_cases():
    for kind, layout, variant in PLAN:
        if kind == "spd":
            c = spd(layout, variant)
            if variant == "dup":
                c.outcome = "duplicate_pair"
                c.group = "dup-spd-1"
                twin = Case("council_tax_spd", layout, "duplicate_pair", [])
                twin.fields, twin.show, twin.x = dict(c.fields), dict(c.show), dict(c.x)
                twin.dstyle, twin.astyle, twin.pstyle = c.dstyle, c.astyle, c.pstyle
                twin.group = c.group
                twin.uprns = list(c.uprns)
                t0 = datetime(2026, 1, 1, rng.randint(8, 20), rng.randint(0, 59), rng.randint(0, 59))
                t1 = t0 + timedelta(minutes=rng.randint(4, 50), seconds=rng.randint(0, 59))
                yr = c.fields["declaration_date"][:4]
                c.x["web"] = (f"MVF-{yr}-{rng.randint(100000, 999999)}", t0.hour, t0.minute, t0.second)
                twin.x["web"] = (f"MVF-{yr}-{rng.randint(100000, 999999)}", t1.hour, t1.minute, t1.second)
        elif kind == "spd_closed":
            spd_closed_and_moved(layout)
        elif kind == "move":
            move(layout, variant)
        elif kind == "permit":
            permit(layout, variant)
    corr("bin_letter", "missed_bin")
    corr("bin_email", "missed_bin", channel="email")
    corr("ct_letter", "council_tax_query", quote=True)
    corr("ct_email", "council_tax_query", quote=True, channel="email")
    corr("complaint_letter", "complaint")
    corr("complaint_email", "complaint", channel="email")
    corr("foi_email", "foi_request", channel="email")
    corr("foi_letter", "foi_request")
    corr("other_letter", "other")
    corr("anon_letter", "missed_bin", reasons=["SENDER_UNKNOWN"], anon=True)
    corr("ct_bad_email", "council_tax_query", reasons=["ACCOUNT_NOT_FOUND"], quote=True, fake_ref=True,
         channel="email")


def fill_background():
    """Households for every property not used by a form, plus some permits."""
    for p in PROPS:
        if p["uprn"] in CLAIMED:
            continue
        if rng.random() < 0.07:
            # empty: only a closed account
            history(p, AS_OF - timedelta(days=rng.randint(10, 200)))
            continue
        background(p)


def background(p):
    """A random household for a property no form uses."""
    n = rng.choices([1, 2, 3, 4], [30, 45, 18, 7])[0]
    first = person()
    adults = [first] + [person(last=first.last if rng.random() < 0.6 else None) for _ in range(n - 1)]
    liable = adults[:1] if n == 1 or rng.random() < 0.3 else adults[:2]
    reg = [a for a in adults if rng.random() < 0.9]
    disc = "SPD" if n == 1 and rng.random() < 0.75 else ""
    household(p, liable, reg, discounts=disc)
    if p["parking_zone"]:
        k = rng.choices([0, 1, 2], [40, 40, 20])[0]
        for _ in range(k):
            add_permit(p, vrm())
        if rng.random() < 0.3:
            add_permit(p, vrm(), active=False)


# ---------------------------------------------------------------- prose texts

def build_prose(c):
    """Fill c.x['paras'] (message paragraphs) and header data for letters / emails."""
    st = c.dstyle
    x = c.x
    if c.form_type == "correspondence":
        A = x.get("person")
        p = x.get("p")
        sent = x["sent"]
        v = x["variant"]
        d_prev = sent - timedelta(days=rng.randint(3, 9))
        d_prev2 = d_prev - timedelta(days=14)
        acct = x.get("acct_disp")
        dates = []
        if v in ("bin_letter", "bin_email"):
            bin_kind = rng.choice(["black general waste bin", "green recycling box", "brown garden waste bin",
                                   "blue recycling bin"])
            paras = [f"Our {bin_kind} was not collected on {fmt_date(d_prev, st)}, which was our normal "
                     f"collection day. It was out at the kerb by 7am as usual and the other houses in "
                     f"the road were emptied.",
                     "Could you please arrange for the crew to come back for it as soon as possible? "
                     "It is now overflowing and attracting foxes."]
            subject = "Missed bin collection"
            dates = [d_prev]
        elif v == "anon_letter":
            street = rng.choice(["Sheep Street", "Canal Row", "Abbey Walk"])
            paras = [f"The bins along {street} have not been emptied since {fmt_date(d_prev2, st)}. "
                     f"Nobody came on {fmt_date(d_prev, st)} either, and there are bags piled up by the "
                     f"lamp post.",
                     "Please send the lorry round to collect them. I do not wish to give my name."]
            subject = "Bins not collected"
            dates = [d_prev2, d_prev]
        elif v in ("ct_letter", "ct_email", "ct_bad_email"):
            q = rng.choice([
                [f"I have received my council tax bill and the instalments look higher than last year. "
                 f"Could you explain how the amount has been worked out, and whether the payment due "
                 f"on {fmt_date(d_prev, st)} was received?",
                 "I would also like to switch to paying by direct debit if possible."],
                [f"I paid the balance on my council tax account by bank transfer on {fmt_date(d_prev, st)} "
                 f"but I have since had a reminder letter. Please can you check that the payment has "
                 f"been allocated to the right account and let me know what I still owe.",
                 "I would be grateful for a statement of the account."]])
            paras = [f"My council tax account number is {acct}."] + q
            subject = f"Council tax account {acct}"
            dates = [d_prev]
        elif v in ("complaint_letter", "complaint_email"):
            paras = [f"I wish to make a formal complaint about the way the council has dealt with my "
                     f"reports of noise from the depot behind our house. I first reported it on "
                     f"{fmt_date(d_prev2, st)} and again on {fmt_date(d_prev, st)}, and on neither "
                     f"occasion did anyone call me back as promised.",
                     "Lorries are being loaded from 5am with reversing alarms sounding. I would like a "
                     "written response explaining what the council intends to do, and an apology for "
                     "the lack of contact."]
            subject = "Formal complaint - no response to noise reports"
            dates = [d_prev2, d_prev]
        elif v in ("foi_email", "foi_letter"):
            paras = ["Under the Freedom of Information Act 2000, please provide the following "
                     "information:",
                     "1. The number of fixed penalty notices issued for fly-tipping in the district in "
                     "each of the last three financial years.",
                     "2. The total cost to the council of clearing fly-tipped waste over the same period.",
                     "I would prefer to receive the information electronically, in a spreadsheet if "
                     "possible."]
            subject = "Freedom of Information request - fly-tipping"
            dates = []
        elif v == "other_letter":
            paras = ["I would like to put my name down for an allotment plot at the Mill Lane site. "
                     "Could you tell me how long the waiting list is at the moment and what the annual "
                     "rent is?",
                     "I am happy to take a half plot if that is quicker."]
            subject = "Allotment waiting list"
            dates = []
        x["paras"] = paras
        x["subject"] = subject
        all_dates = [sent] + dates
        seen = []
        for d in all_dates:
            if d.isoformat() not in seen:
                seen.append(d.isoformat())
        c.fields["dates_mentioned"] = seen
        c.fields["body"] = " ".join(" ".join(paras).split())
        return

    # applications written as prose
    A = x["person"]
    f = c.fields
    s = c.show
    if c.form_type == "council_tax_spd":
        sent = date.fromisoformat(f["declaration_date"])
        other = f.get("other_adult_name")
        fw = f.get("other_adult_forwarding_address")
        paras = [f"I am writing to apply for the single person discount on my council tax. I have been "
                 f"the only adult living at {s['address']} since {s['sole_adult_since']}"
                 + (f", when {other} moved out." if other else ".")]
        if fw:
            paras.append(f"{other.split()[0]}'s new address is {fw}.")
        paras.append("Please amend my bill and let me know the new instalments. I confirm that the "
                     "information in this letter is correct to the best of my knowledge.")
        x["subject"] = f"Single person discount - account {s['account_ref']}"
        x["channel"] = "letter"
        x["sent"] = sent
    elif c.form_type == "council_tax_move":
        sent = date.fromisoformat(f["declaration_date"])
        paras = [f"I am writing to let you know that I am moving out of {s['previous_address']}, "
                 f"{s['previous_town']} {s['previous_postcode']} on {s['move_date']}. My council tax "
                 f"account number is {s['account_ref']}.",
                 f"From that date my new address will be {s['new_address']}, {s['new_town']} "
                 f"{s['new_postcode']}. Please send the final bill there.",
                 "I confirm the details above are correct."]
        x["subject"] = "Moving out - council tax"
        x["channel"] = "email"
        x["sent"] = sent
    elif c.form_type == "parking_permit":
        sent = date.fromisoformat(f["declaration_date"])
        mk = f.get("vehicle_make")
        car = f"{x['colour'].lower()} {mk} {x['model']}" if mk else f"{x['colour'].lower()} car"
        zt = s["zone"] if s["zone"].startswith("Zone") else f"the {s['zone']} zone"
        paras = [f"Please could I apply for a residents' parking permit for {zt}. I live at "
                 f"{s['address']}, {s['town']} {s['postcode']}.",
                 f"My car is a {car}, registration {s['vrm']}. I would like the permit to start on "
                 f"{s['start_date']}.",
                 "I confirm that I live at this address and that the vehicle is kept here. Please let "
                 "me know how to pay."]
        x["subject"] = f"Residents parking permit - {s['zone']}"
        x["channel"] = "email"
        x["sent"] = sent
    x["paras"] = paras


# ---------------------------------------------------------------- drawing helpers

def logo(c, x, y, s=1.0, on_dark=False):
    c.saveState()
    if on_dark:
        c.setFillColorRGB(1, 1, 1)
    else:
        c.setFillColorRGB(*GREEN)
    c.circle(x + 13 * s, y + 13 * s, 13 * s, fill=1, stroke=0)
    if on_dark:
        c.setStrokeColorRGB(*GREEN)
    else:
        c.setStrokeColorRGB(1, 1, 1)
    c.setLineWidth(1.6 * s)
    for dy in (9, 14, 19):
        pth = c.beginPath()
        pth.moveTo(x + 3 * s, y + dy * s)
        pth.curveTo(x + 9 * s, y + (dy + 5) * s, x + 16 * s, y + (dy - 5) * s, x + 23 * s, y + dy * s)
        c.drawPath(pth, stroke=1, fill=0)
    c.restoreState()


def wrap(text, font, size, width):
    out = []
    for para in str(text).split("\n"):
        out += simpleSplit(para, font, size, width) or [""]
    return out


def dots(c, x0, x1, y, font="Helvetica", size=10):
    w = pdfmetrics.stringWidth(".", font, size)
    n = max(3, int((x1 - x0) / w))
    c.setFont(font, size)
    c.drawString(x0, y, "." * n)


# ---------------------------------------------------------------- layout 1: landscape grid

GRID = {
    "council_tax_spd": ("Council Tax - Application for Single Person Discount (25%)", "Form CTR/SPD", [
        ("A   Your council tax account", [
            [("account_ref", "Council Tax account no."), ("applicant_name", "Full name (incl. title)")],
            [("address", "Property address - house no./name and street"), ("town", "Town / village")],
            [("postcode", "Postcode"), ("phone", "Telephone")],
            [("email", "Email"), (None, "")]]),
        ("B   Change in the household", [
            [("sole_adult_since", "Date you became the only adult resident"),
             ("other_adult_name", "Name of the adult who left")],
            [("other_adult_forwarding_address", "Their new address (if known)")],
            [("change_description", "Tell us briefly what has changed")]]),
        ("C   Declaration - I declare that the information given is true and complete", [
            [("signature", "Signature"), ("declaration_date", "Date signed")]]),
    ]),
    "council_tax_move": ("Council Tax - Notification of a Change of Address", "Form CTR/MOV", [
        ("A   About you", [
            [("applicant_name", "Your full name"), ("account_ref", "Account reference (if known)")],
            [("phone", "Contact telephone"), ("email", "Email")]]),
        ("B   The move", [
            [("move_type", "Moving in or moving out?"), ("move_date", "Date of move")],
            [("previous_address", "Address moving from (no. & street)"),
             ("new_address", "Address moving to (no. & street)")],
            [("previous_town", "Town"), ("new_town", "Town")],
            [("previous_postcode", "Postcode"), ("new_postcode", "Postcode")]]),
        ("C   Declaration - I declare that the information given is true and complete", [
            [("signature", "Signature"), ("declaration_date", "Date")]]),
    ]),
    "parking_permit": ("Residents' Parking Permit - Application", "Form PK/RES1", [
        ("A   Applicant", [
            [("applicant_name", "Name of applicant"), ("phone", "Phone")],
            [("address", "Home address (first line)"), ("town", "Town")],
            [("postcode", "Postcode"), ("email", "Email")]]),
        ("B   Vehicle and zone", [
            [("vrm", "Vehicle registration number"), ("vehicle_make", "Make")],
            [("model", "Model"), ("colour", "Colour")],
            [("zone", "Permit zone applied for"), ("start_date", "Permit to start on")]]),
        ("C   Declaration - I live at the address above and the vehicle is kept there", [
            [("signature", "Signature of applicant"), ("declaration_date", "Date")]]),
    ]),
}


def show_val(case, key):
    if key is None:
        return ""
    if key == "move_type":
        v = case.show.get("move_type")
        return rng_pick(case, "mt", {"in": ["Moving in", "In"], "out": ["Moving out", "Out"]}[v])
    if key == "signature":
        return case.x.get("signature", "") if "declaration_date" in case.show else ""
    if key in ("model", "colour"):
        return case.x.get(key, "")
    if key == "model_colour":
        return f"{case.x['model']}, {case.x['colour'].lower()}"
    return case.show.get(key, "")


def rng_pick(case, key, options):
    k = "_pick_" + key
    if k not in case.x:
        case.x[k] = rng.choice(options)
    return case.x[k]


def council_header(c, x, y, w, title, code, landscape_=False):
    logo(c, x, y - 28)
    c.setFillColorRGB(*GREEN)
    c.setFont("Helvetica-Bold", 15)
    c.drawString(x + 34, y - 14, "Marlowe Vale")
    c.setFont("Helvetica", 10)
    c.drawString(x + 34, y - 26, "District Council")
    c.setFillColorRGB(0, 0, 0)
    c.setFont("Helvetica-Bold", 13)
    c.drawRightString(x + w, y - 14, title)
    c.setFont("Helvetica", 8)
    c.drawRightString(x + w, y - 26, f"{code}   Council Offices, Bridge Street, Marlowe, Wiltshire MV1 1AA"
                                     f"   01632 960000")


def render_grid(c, case):
    W, H = landscape(A4)
    c.setPageSize((W, H))
    title, code, sections = GRID[case.form_type]
    x0, top = 36, H - 30
    tw = W - 72
    council_header(c, x0, top, tw, title, code)
    c.setFont("Helvetica", 8)
    c.drawString(x0, top - 44, "Please complete every box that applies to you. Incomplete forms may delay "
                               "your application. Return to the address above or scan and email to "
                               "revenues@marlowevale.gov.uk")
    y = top - 56
    lw, aw = 128, tw / 2 - 128
    for heading, rows in sections:
        c.setFillColorRGB(*GREEN)
        c.rect(x0, y - 16, tw, 16, fill=1, stroke=1)
        c.setFillColorRGB(1, 1, 1)
        c.setFont("Helvetica-Bold", 9.5)
        c.drawString(x0 + 5, y - 12, heading)
        y -= 16
        for row in rows:
            if len(row) == 1:
                cells = [(row[0], lw, tw - lw)]
            else:
                cells = [(row[0], lw, aw), (row[1], lw, aw)]
            texts = []
            for (key, label), lwid, awid in cells:
                val = show_val(case, key)
                font = "Times-Italic" if key == "signature" else "Helvetica"
                size = 12 if key == "signature" else 10
                texts.append((wrap(label, "Helvetica", 8, lwid - 8), wrap(val, font, size, awid - 10),
                              font, size))
            nlines = max(max(len(t[0]), len(t[1])) for t in texts)
            h = max(22, nlines * 11.5 + 9)
            cx = x0
            for ((key, label), lwid, awid), (ll, al, font, size) in zip(cells, texts):
                c.setStrokeColorRGB(0.3, 0.3, 0.3)
                c.setLineWidth(0.6)
                c.setFillColorRGB(0.88, 0.9, 0.89)
                c.rect(cx, y - h, lwid, h, fill=1, stroke=1)
                c.setFillColorRGB(1, 1, 1)
                c.rect(cx + lwid, y - h, awid, h, fill=1, stroke=1)
                c.setFillColorRGB(0.15, 0.15, 0.15)
                c.setFont("Helvetica", 8)
                for i, ln in enumerate(ll):
                    c.drawString(cx + 4, y - 10 - i * 9.5, ln)
                c.setFillColorRGB(0, 0, 0)
                c.setFont(font, size)
                for i, ln in enumerate(al):
                    c.drawString(cx + lwid + 5, y - 13 - i * 11.5, ln)
                cx += lwid + awid
            y -= h
        y -= 8
    c.setFont("Helvetica", 7)
    c.setFillColorRGB(0.35, 0.35, 0.35)
    c.drawString(x0, 24, "Marlowe Vale District Council processes your information under the Local "
                         "Government Finance Act 1992 / Road Traffic Regulation Act 1984. Privacy notice: "
                         "marlowevale.gov.uk/privacy")
    c.drawRightString(W - 36, 24, f"{code} (rev. 03/26)")


# ---------------------------------------------------------------- layout 2: dotted leaders, monospace

DOTTED = {
    "council_tax_spd": ("COUNCIL TAX  -  SINGLE PERSON DISCOUNT", "SPD1", [
        ("PART 1   ABOUT YOU", [("title", "Title"), ("forenames", "Forename(s)"), ("surname", "Surname"),
                                ("account_ref", "Council tax reference number"),
                                ("address", "Address of property"), ("town", "Town / village"),
                                ("postcode", "Postcode"), ("phone", "Telephone"), ("email", "E-mail")]),
        ("PART 2   YOUR CIRCUMSTANCES", [("sole_adult_since", "Date from which you have been the sole adult"),
                                         ("other_adult_name", "Full name of person who has left"),
                                         ("other_adult_forwarding_address", "Their forwarding address"),
                                         ("change_description", "What has changed? (give details)")]),
        ("PART 3   DECLARATION", [("_decl", "I declare that I am the only adult aged 18 or over living at the "
                                            "address above and that the information I have given is correct. "
                                            "I will tell the council within 21 days if my circumstances change."),
                                  ("signature", "Signed"), ("declaration_date", "Dated")]),
    ]),
    "council_tax_move": ("COUNCIL TAX  -  CHANGE OF ADDRESS", "MOV2", [
        ("PART 1   ABOUT YOU", [("title", "Title"), ("forenames", "Forename(s)"), ("surname", "Surname"),
                                ("account_ref", "Council tax reference (if known)"),
                                ("phone", "Telephone"), ("email", "E-mail")]),
        ("PART 2   YOUR MOVE", [("move_type", "Are you moving IN or OUT?"), ("move_date", "Date of move"),
                                ("previous_address", "Old address"), ("previous_town", "Town"),
                                ("previous_postcode", "Postcode"),
                                ("new_address", "New address"), ("new_town", "Town"),
                                ("new_postcode", "Postcode")]),
        ("PART 3   DECLARATION", [("_decl", "I declare that the information given on this form is true. I "
                                            "understand that giving false information is an offence."),
                                  ("signature", "Signed"), ("declaration_date", "Dated")]),
    ]),
    "parking_permit": ("RESIDENTS' PARKING PERMIT", "RPP3", [
        ("PART 1   APPLICANT", [("title", "Title"), ("forenames", "Forename(s)"), ("surname", "Surname"),
                                ("address", "Address"), ("town", "Town"), ("postcode", "Postcode"),
                                ("phone", "Telephone"), ("email", "E-mail")]),
        ("PART 2   VEHICLE", [("vrm", "Registration number"), ("vehicle_make", "Make"), ("model", "Model"),
                              ("colour", "Colour"), ("zone", "Permit zone required"),
                              ("start_date", "Date permit required from")]),
        ("PART 3   DECLARATION", [("_decl", "I declare that I live at the address above, that the vehicle is "
                                            "kept there and that I will return the permit if I move."),
                                  ("signature", "Signed"), ("declaration_date", "Dated")]),
    ]),
}


def dotted_val(case, key):
    if key == "move_type":
        return case.show["move_type"].upper()
    return show_val(case, key)


def render_dotted(c, case):
    W, H = A4
    title, code, parts = DOTTED[case.form_type]
    x0 = 56
    y = H - 50
    c.setFont("Helvetica-Bold", 12)
    c.drawCentredString(W / 2, y, "MARLOWE VALE DISTRICT COUNCIL")
    y -= 16
    c.setFont("Helvetica", 9)
    c.drawCentredString(W / 2, y, "Revenues and Benefits  |  Council Offices, Bridge Street, Marlowe MV1 1AA")
    y -= 26
    c.setFont("Helvetica-Bold", 14)
    c.drawCentredString(W / 2, y, title)
    c.setFont("Helvetica", 8)
    c.drawRightString(W - 50, H - 30, f"Form {code}")
    y -= 20
    c.setFont("Helvetica-Oblique", 8.5)
    for ln in wrap("Please read the notes before completing this form. Write clearly and use one line per "
                   "answer. If a question does not apply to you, leave it blank.", "Helvetica-Oblique", 8.5,
                   W - 2 * x0):
        c.drawString(x0, y, ln)
        y -= 11
    y -= 10
    ax = 270
    for heading, items in parts:
        c.setFont("Helvetica-Bold", 10.5)
        c.drawString(x0, y, heading)
        c.setLineWidth(0.8)
        c.line(x0, y - 3, W - x0, y - 3)
        y -= 22
        for key, label in items:
            if key == "_decl":
                c.setFont("Helvetica", 9)
                for ln in wrap(label, "Helvetica", 9, W - 2 * x0):
                    c.drawString(x0, y, ln)
                    y -= 11.5
                y -= 8
                continue
            val = dotted_val(case, key)
            lab_lines = wrap(label, "Helvetica", 10, ax - x0 - 20)
            c.setFont("Helvetica", 10)
            for ln in lab_lines[:-1]:
                c.drawString(x0, y, ln)
                y -= 12
            c.drawString(x0, y, lab_lines[-1])
            lx = x0 + pdfmetrics.stringWidth(lab_lines[-1], "Helvetica", 10) + 3
            dots(c, lx, ax - 4, y)
            font = "Courier-Oblique" if key == "signature" else "Courier"
            vals = wrap(val, font, 10.5, W - x0 - ax)
            c.setFont(font, 10.5)
            for i, ln in enumerate(vals):
                if i:
                    y -= 13
                c.drawString(ax, y, ln)
            y -= 19
        y -= 8
    c.setFont("Helvetica", 7)
    c.drawString(x0, 30, f"{code}/0326   Data protection: we use this information to administer council tax "
                         f"and parking. See marlowevale.gov.uk/privacy")


# ---------------------------------------------------------------- layout 3: two-page booklet

BOOKLET = {
    "council_tax_spd": ("Single Person Discount", "Council Tax application", "CT14", [
        ("About you and the property", [
            ("f", "applicant_name", "Your full name"),
            ("f", "account_ref", "Council Tax account reference"),
            ("block", "", "Address of the property"),
            ("f2", "postcode", "Postcode", "phone", "Daytime phone number"),
            ("f", "email", "Email address")]),
        ("Changes to your household", [
            ("f", "sole_adult_since", "Date from which you have been the only adult (aged 18 or over) living here"),
            ("f", "other_adult_name", "Name of the person who moved out"),
            ("f", "other_adult_forwarding_address", "Where have they moved to?"),
            ("tall", "change_description", "Tell us what changed")]),
    ]),
    "council_tax_move": ("Moving Home", "Council Tax - tell us you are moving", "CT07", [
        ("About you", [
            ("f", "applicant_name", "Your full name"),
            ("f", "account_ref", "Council Tax account reference (if you have one)"),
            ("f2", "phone", "Phone number", "email", "Email address")]),
        ("Your move", [
            ("f2", "move_type", "Are you moving in or moving out?", "move_date", "Date of your move"),
            ("block", "previous_", "Address you are leaving"),
            ("f", "previous_postcode", "Postcode of the address you are leaving"),
            ("block", "new_", "Address you are moving to"),
            ("f", "new_postcode", "Postcode of the address you are moving to")]),
    ]),
    "parking_permit": ("Residents' Parking", "Permit application", "PK02", [
        ("About you", [
            ("f", "applicant_name", "Your full name"),
            ("block", "", "Your home address"),
            ("f2", "postcode", "Postcode", "phone", "Phone number"),
            ("f", "email", "Email address")]),
        ("Your vehicle and zone", [
            ("f", "vrm", "Vehicle registration"),
            ("f2", "vehicle_make", "Make", "model", "Model"),
            ("f2", "zone", "Permit zone", "start_date", "Permit start date")]),
    ]),
}


def booklet_val(case, key):
    if key == "move_type":
        return {"in": "Moving in", "out": "Moving out"}[case.show["move_type"]]
    return show_val(case, key)


def render_booklet(c, case):
    W, H = A4
    big, sub, code, sections = BOOKLET[case.form_type]
    x0, tw = 50, W - 100
    # page 1 cover band
    c.setFillColorRGB(*GREEN)
    c.rect(0, H - 110, W, 110, fill=1, stroke=0)
    logo(c, x0, H - 50, 1.2, on_dark=True)
    c.setFillColorRGB(1, 1, 1)
    c.setFont("Helvetica-Bold", 12)
    c.drawString(x0 + 40, H - 32, "Marlowe Vale District Council")
    c.setFont("Helvetica-Bold", 22)
    c.drawString(x0, H - 80, big)
    c.setFont("Helvetica", 12)
    c.drawString(x0, H - 98, sub)
    c.setFont("Helvetica", 8)
    c.drawRightString(W - x0, H - 32, f"Form {code}")
    c.setFillColorRGB(0, 0, 0)
    y = H - 130
    c.setFont("Helvetica", 9)
    for ln in wrap("Please complete all three sections in black ink and sign the declaration on page 2. "
                   "Boxes marked as optional can be left blank.", "Helvetica", 9, tw):
        c.drawString(x0, y, ln)
        y -= 12
    y -= 6
    n = len(sections) + 1
    for si, (heading, items) in enumerate(sections, 1):
        c.setFillColorRGB(0.9, 0.93, 0.91)
        c.rect(x0, y - 20, tw, 20, fill=1, stroke=0)
        c.setFillColorRGB(*GREEN)
        c.setFont("Helvetica-Bold", 11)
        c.drawString(x0 + 6, y - 14, f"Section {si} of {n}")
        c.setFillColorRGB(0, 0, 0)
        c.setFont("Helvetica", 11)
        c.drawString(x0 + 90, y - 14, heading)
        y -= 32
        for it in items:
            kind = it[0]
            if kind == "f2":
                _, k1, l1, k2, l2 = it
                half = (tw - 14) / 2
                hh = booklet_box(c, x0, y, half, l1, booklet_val(case, k1))
                booklet_box(c, x0 + half + 14, y, half, l2, booklet_val(case, k2))
                y -= hh
            elif kind == "block":
                pre = it[1]
                lines = case.show.get(pre + "lines", [])
                y -= booklet_box(c, x0, y, tw, it[2], "\n".join(lines), min_lines=3)
            elif kind == "tall":
                y -= booklet_box(c, x0, y, tw, it[2], booklet_val(case, it[1]), min_lines=3)
            else:
                y -= booklet_box(c, x0, y, tw, it[2], booklet_val(case, it[1]))
        y -= 4
    c.setFont("Helvetica", 8)
    c.drawString(x0, 30, f"{code} (2026)")
    c.drawRightString(W - x0, 30, "Page 1 of 2  -  please turn over")
    c.showPage()
    # page 2: running head
    c.setFont("Helvetica", 8.5)
    c.setFillColorRGB(0.3, 0.3, 0.3)
    c.drawString(x0, H - 30, f"Marlowe Vale District Council  |  {big}: {sub}  (continued)")
    c.drawRightString(W - x0, H - 30, f"Form {code}  -  Page 2 of 2")
    c.setLineWidth(0.5)
    c.line(x0, H - 36, W - x0, H - 36)
    c.setFillColorRGB(0, 0, 0)
    y = H - 60
    c.setFillColorRGB(0.9, 0.93, 0.91)
    c.rect(x0, y - 20, tw, 20, fill=1, stroke=0)
    c.setFillColorRGB(*GREEN)
    c.setFont("Helvetica-Bold", 11)
    c.drawString(x0 + 6, y - 14, f"Section {n} of {n}")
    c.setFillColorRGB(0, 0, 0)
    c.setFont("Helvetica", 11)
    c.drawString(x0 + 90, y - 14, "Declaration")
    y -= 36
    c.setFont("Helvetica", 9.5)
    decl = ("I declare that the information I have given on this form is correct and complete to the best of "
            "my knowledge. I understand that if I give false information I may be prosecuted, and that I "
            "must tell the council about any change in my circumstances.")
    for ln in wrap(decl, "Helvetica", 9.5, tw):
        c.drawString(x0, y, ln)
        y -= 13
    y -= 10
    signed = "declaration_date" in case.show
    y -= booklet_box(c, x0, y, tw, "Signature", case.x.get("signature", "") if signed else "",
                     font="Times-Italic", size=14)
    half = (tw - 14) / 2
    booklet_box(c, x0, y, half, "Date", case.show.get("declaration_date", ""))
    y -= booklet_box(c, x0 + half + 14, y, half, "Print name", case.x["person"].full)
    y -= 20
    c.setFont("Helvetica-Bold", 10)
    c.drawString(x0, y, "What happens next")
    y -= 14
    c.setFont("Helvetica", 9)
    for ln in wrap("We aim to deal with your form within 10 working days. We will write to you to confirm the "
                   "outcome. Keep a copy of this form for your records. Return it to: Marlowe Vale District "
                   "Council, Council Offices, Bridge Street, Marlowe MV1 1AA.", "Helvetica", 9, tw):
        c.drawString(x0, y, ln)
        y -= 12
    c.setFont("Helvetica", 8)
    c.drawString(x0, 30, f"{code} (2026)")
    c.drawRightString(W - x0, 30, "Page 2 of 2")


def booklet_box(c, x, y, w, label, value, min_lines=1, font="Helvetica", size=10.5):
    c.setFont("Helvetica-Bold", 8.5)
    c.setFillColorRGB(0.1, 0.1, 0.1)
    labs = wrap(label, "Helvetica-Bold", 8.5, w)
    for i, ln in enumerate(labs):
        c.drawString(x, y - 9 - i * 10, ln)
    ly = y - 9 - (len(labs) - 1) * 10
    vals = wrap(value, font, size, w - 12) if value else []
    nl = max(min_lines, len(vals))
    bh = nl * 13.5 + 8
    c.setStrokeColorRGB(0.2, 0.35, 0.28)
    c.setLineWidth(0.8)
    c.setFillColorRGB(1, 1, 1)
    c.rect(x, ly - 5 - bh, w, bh, fill=1, stroke=1)
    c.setFillColorRGB(0, 0, 0)
    c.setFont(font, size)
    for i, ln in enumerate(vals):
        c.drawString(x + 6, ly - 5 - 14 - i * 13.5, ln)
    return (y - (ly - 5 - bh)) + 8


# ---------------------------------------------------------------- layout 4: tick boxes and Yes / No column

def render_tickbox(c, case):
    W, H = A4
    x0, tw = 48, W - 96
    ft = case.form_type
    title = {"council_tax_spd": "Council Tax: Single Person Discount",
             "council_tax_move": "Council Tax: Moving Home",
             "parking_permit": "Residents' Parking Permit"}[ft]
    c.setFillColorRGB(0.12, 0.12, 0.12)
    c.rect(0, H - 64, W, 64, fill=1, stroke=0)
    logo(c, x0, H - 50, 1.0, on_dark=True)
    c.setFillColorRGB(1, 1, 1)
    c.setFont("Helvetica-Bold", 11)
    c.drawString(x0 + 34, H - 30, "MARLOWE VALE DISTRICT COUNCIL")
    c.setFont("Helvetica-Bold", 16)
    c.drawString(x0 + 34, H - 50, title)
    c.setFillColorRGB(0, 0, 0)
    y = H - 84
    c.setFont("Helvetica", 8.5)
    c.drawString(x0, y, f"Mark one box with a cross or fill it in where you are given a choice. "
                        f"Office use: batch {rng.randint(100, 999)}")
    y -= 18

    def heading(t):
        nonlocal y
        c.setFont("Helvetica-Bold", 11)
        c.drawString(x0, y, t)
        c.setLineWidth(1.2)
        c.line(x0, y - 4, x0 + tw, y - 4)
        y -= 20

    def field(label, key, lw=190):
        nonlocal y
        val = show_val(case, key) if key else ""
        c.setFont("Helvetica", 9.5)
        c.drawString(x0, y, label)
        font = "Times-Italic" if key == "signature" else "Helvetica"
        size = 13 if key == "signature" else 10.5
        vals = wrap(val, font, size, tw - lw - 4) or [""]
        c.setFont(font, size)
        for i, ln in enumerate(vals):
            c.drawString(x0 + lw + 4, y - i * 13, ln)
            c.setLineWidth(0.4)
            c.setStrokeColorRGB(0.5, 0.5, 0.5)
            c.line(x0 + lw, y - 3 - i * 13, x0 + tw, y - 3 - i * 13)
        c.setStrokeColorRGB(0, 0, 0)
        y -= 13 * len(vals) + 8

    def choice(question, options, chosen):
        nonlocal y
        c.setFont("Helvetica-Bold", 9.5)
        c.drawString(x0, y, question)
        y -= 15
        for opt in options:
            c.setFont(TICK_FONT, 12)
            c.drawString(x0 + 12, y, BOX_ON if opt == chosen else BOX_OFF)
            c.setFont("Helvetica", 10)
            c.drawString(x0 + 30, y + 1, opt)
            y -= 15
        y -= 5

    def yesno(rows):
        nonlocal y
        colx = x0 + tw - 80
        c.setFillColorRGB(0.85, 0.85, 0.85)
        c.rect(x0, y - 5, tw, 16, fill=1, stroke=0)
        c.setFillColorRGB(0, 0, 0)
        c.setFont("Helvetica-Bold", 9.5)
        c.drawString(x0 + 4, y, "Question")
        c.drawCentredString(colx + 40, y, "Yes / No")
        y -= 18
        for q, a in rows:
            c.setFont("Helvetica", 9.5)
            ql = wrap(q, "Helvetica", 9.5, tw - 96)
            for i, ln in enumerate(ql):
                c.drawString(x0 + 4, y - i * 11.5, ln)
            c.setFont("Helvetica-Bold", 10)
            c.drawCentredString(colx + 40, y, a)
            y -= 11.5 * len(ql) + 3
            c.setLineWidth(0.3)
            c.line(x0, y + 4, x0 + tw, y + 4)
            y -= 8
        y -= 6

    if ft == "council_tax_spd":
        heading("1  Your details")
        field("Name", "applicant_name")
        field("Council Tax account number", "account_ref")
        field("House name or number and street", "address")
        field("Town or village", "town")
        field("Postcode", "postcode")
        field("Telephone", "phone")
        field("Email", "email")
        heading("2  Your household")
        yesno([("Are you now the only person aged 18 or over living at the property?", "Yes"),
               ("Does anyone aged under 18 live with you?", rng.choice(["Yes", "No"])),
               ("Is anyone living with you a full-time student, apprentice or live-in carer?", "No")])
        field("Date you became the only adult", "sole_adult_since")
        field("Name of the adult who left", "other_adult_name")
        field("Their new address", "other_adult_forwarding_address")
        field("What has changed?", "change_description")
        chosen = "Email" if "email" in case.show else ("Telephone" if "phone" in case.show else "Letter")
        choice("How would you like us to contact you?", ["Email", "Telephone", "Letter"], chosen)
        heading("3  Declaration")
    elif ft == "council_tax_move":
        heading("1  About your move")
        opts = ["I am moving into a property in Marlowe Vale", "I am moving out of a property in Marlowe Vale"]
        choice("Please choose one:", opts, opts[0] if case.show["move_type"] == "in" else opts[1])
        field("Date of move", "move_date")
        field("Name", "applicant_name")
        field("Council Tax account number (if known)", "account_ref")
        heading("2  Addresses")
        field("Address you are moving from", "previous_address")
        field("Town", "previous_town")
        field("Postcode", "previous_postcode")
        field("Address you are moving to", "new_address")
        field("Town", "new_town")
        field("Postcode", "new_postcode")
        yesno([("Will anyone still be living at the address you are leaving?", "No"),
               ("Do you own the property you are moving to?", rng.choice(["Yes", "No"])),
               ("Would you like to pay by Direct Debit?", rng.choice(["Yes", "No"]))])
        heading("3  Contact details and declaration")
        field("Telephone", "phone")
        field("Email", "email")
    else:
        heading("1  Applicant")
        field("Name", "applicant_name")
        field("Address (first line)", "address")
        field("Town", "town")
        field("Postcode", "postcode")
        field("Telephone", "phone")
        field("Email", "email")
        heading("2  Permit")
        zones = ["Town Centre", "Zone M1", "Zone M2", "Hospital"]
        choice("Which permit zone do you need?", zones, case.show["zone"])
        field("Vehicle registration number", "vrm")
        field("Make", "vehicle_make")
        field("Model and colour", "model_colour")
        field("Start date", "start_date")
        yesno([("Is the vehicle registered to you at this address (V5C)?", "Yes"),
               ("Is the vehicle a company or lease car?", rng.choice(["No", "No", "Yes"])),
               ("Do you hold a Blue Badge?", "No")])
        heading("3  Declaration")
    c.setFont("Helvetica", 8.5)
    for ln in wrap("I declare that the information on this form is correct. I understand the council may check it "
                   "with other records.", "Helvetica", 8.5, tw):
        c.drawString(x0, y, ln)
        y -= 11
    y -= 8
    field("Signature", "signature")
    field("Date", "declaration_date")


# ---------------------------------------------------------------- layout 5: printed web form

WEB = {
    "council_tax_spd": ("Apply for a single person discount", "council-tax/single-person-discount", [
        ("account_ref", "Your council tax account number"),
        ("applicant_name", "Your full name"),
        ("address", "Property address: building number or name, and street"),
        ("town", "Town or village"),
        ("postcode", "Postcode"),
        ("sole_adult_since", "When did you become the only adult (aged 18 or over) living at the property?"),
        ("other_adult_name", "Name of the adult who moved out (optional)"),
        ("other_adult_forwarding_address", "Their new address (optional)"),
        ("change_description", "Tell us what changed (optional)"),
        ("phone", "Phone number (optional)"),
        ("email", "Email address (optional)"),
        ("_agree", "Declaration"),
        ("declaration_date", "Date of declaration")]),
    "council_tax_move": ("Tell us you are moving home", "council-tax/moving-home", [
        ("move_type", "Are you moving into or out of a property in Marlowe Vale?"),
        ("applicant_name", "Your full name"),
        ("account_ref", "Council tax account number (if you have one)"),
        ("move_date", "Date you are moving or moved"),
        ("previous_address", "Address you are leaving: building and street"),
        ("previous_town", "Town"),
        ("previous_postcode", "Postcode"),
        ("new_address", "Address you are moving to: building and street"),
        ("new_town", "Town"),
        ("new_postcode", "Postcode"),
        ("phone", "Phone number (optional)"),
        ("email", "Email address (optional)"),
        ("_agree", "Declaration"),
        ("declaration_date", "Date of declaration")]),
    "parking_permit": ("Apply for a residents' parking permit", "parking/residents-permit", [
        ("applicant_name", "Full name"),
        ("address", "Address: building number or name, and street"),
        ("town", "Town"),
        ("postcode", "Postcode"),
        ("zone", "Which permit zone do you live in?"),
        ("vrm", "Vehicle registration number"),
        ("vehicle_make", "Vehicle make (optional)"),
        ("start_date", "When do you want the permit to start?"),
        ("phone", "Phone number (optional)"),
        ("email", "Email address (optional)"),
        ("_agree", "Declaration"),
        ("declaration_date", "Date of declaration")]),
}


def render_web(c, case):
    W, H = A4
    x0, tw = 40, W - 80
    title, slug, qs = WEB[case.form_type]
    decl = date.fromisoformat(case.fields["declaration_date"])
    if "web" not in case.x:
        hh, mm, ss = rng.randint(8, 21), rng.randint(0, 59), rng.randint(0, 59)
        case.x["web"] = (f"MVF-{decl.year}-{rng.randint(100000, 999999)}", hh, mm, ss)
    subref, hh, mm, ss = case.x["web"]
    printed = decl + timedelta(days=rng.randint(0, 2))
    # browser print furniture
    c.setFont("Helvetica", 7.5)
    c.setFillColorRGB(0.2, 0.2, 0.2)
    c.drawString(20, H - 18, f"{printed.day:02d}/{printed.month:02d}/{printed.year}, "
                             f"{rng.randint(8, 17):02d}:{rng.randint(0, 59):02d}")
    c.drawCentredString(W / 2, H - 18, f"{title} - Marlowe Vale District Council")
    c.drawString(20, 16, f"https://www.marlowevale.gov.uk/{slug}/submitted?ref={subref}")
    c.drawRightString(W - 20, 16, "1/1")
    # site header
    c.setFillColorRGB(*GREEN)
    c.rect(x0, H - 70, tw, 38, fill=1, stroke=0)
    logo(c, x0 + 8, H - 64, 0.95, on_dark=True)
    c.setFillColorRGB(1, 1, 1)
    c.setFont("Helvetica-Bold", 13)
    c.drawString(x0 + 40, H - 55, "Marlowe Vale District Council")
    c.setFont("Helvetica", 9)
    c.drawRightString(x0 + tw - 8, H - 55, "Search  |  My account  |  Contact us")
    c.setFillColorRGB(0, 0, 0)
    y = H - 100
    c.setFont("Helvetica-Bold", 18)
    c.drawString(x0, y, title)
    y -= 22
    c.setFillColorRGB(0.93, 0.96, 0.94)
    c.rect(x0, y - 30, tw, 36, fill=1, stroke=0)
    c.setFillColorRGB(0, 0, 0)
    c.setFont("Helvetica", 9.5)
    c.drawString(x0 + 8, y - 8, f"Submission reference: {subref}")
    c.drawString(x0 + 8, y - 22, f"Submitted: {decl.day:02d}/{decl.month:02d}/{decl.year} "
                                 f"{hh:02d}:{mm:02d}:{ss:02d}")
    y -= 50
    c.setFont("Helvetica-Bold", 11)
    c.drawString(x0, y, "Your answers")
    y -= 16
    for key, q in qs:
        if key == "_agree":
            val = "I confirm that the information I have given is correct and complete"
        elif key == "move_type":
            val = {"in": "I am moving in", "out": "I am moving out"}[case.show["move_type"]]
        else:
            val = case.show.get(key, "")
        if not val:
            continue
        c.setFillColorRGB(0.45, 0.45, 0.45)
        c.setFont("Helvetica", 8)
        c.drawString(x0, y, q)
        y -= 14
        c.setFillColorRGB(0, 0, 0)
        for ln in wrap(val, "Helvetica-Bold", 11, tw):
            c.setFont("Helvetica-Bold", 11)
            c.drawString(x0, y, ln)
            y -= 13.5
        y -= 3
        c.setStrokeColorRGB(0.8, 0.8, 0.8)
        c.setLineWidth(0.4)
        c.line(x0, y + 4, x0 + tw, y + 4)
        y -= 12


# ---------------------------------------------------------------- layout 6: letters and emails

def sender_block(c):
    A = c.x.get("person")
    if c.form_type == "correspondence":
        p = c.x.get("p")
        if not p:
            return []
        return [p["address_line_1"]] + ([p["address_line_2"]] if p["address_line_2"] else []) + \
               [p["town"], p["postcode"]]
    if c.form_type == "council_tax_move":
        return c.show["previous_lines"] + [c.show["previous_postcode"]]
    return c.show["lines"] + [c.show["postcode"]]


def render_prose(cv, case):
    build_prose(case)
    x = case.x
    if x["channel"] == "email":
        render_email(cv, case)
    else:
        render_letter(cv, case)


def sender_name(case):
    A = case.x.get("person")
    if case.form_type == "correspondence":
        return case.fields.get("sender_name")
    return case.fields["applicant_name"]


def render_letter(cv, case):
    W, H = A4
    x = case.x
    x0 = 72
    y = H - 72
    cv.setFont("Times-Roman", 11.5)
    block = sender_block(case)
    for ln in block:
        cv.drawRightString(W - 72, y, ln)
        y -= 14
    if case.form_type != "correspondence":
        if "phone" in case.fields:
            cv.drawRightString(W - 72, y, f"Tel: {case.fields['phone']}")
            y -= 14
        if "email" in case.fields:
            cv.drawRightString(W - 72, y, case.fields["email"])
            y -= 14
    y -= 10
    cv.drawRightString(W - 72, y, fmt_date(x["sent"], case.dstyle))
    y -= 30
    dept = {"council_tax_spd": "Council Tax Section", "correspondence": {
        "missed_bin": "Waste and Recycling", "council_tax_query": "Council Tax Section",
        "complaint": "Complaints Officer", "foi_request": "Information Governance",
        "other": "Customer Services"}.get(case.fields.get("topic"), "Customer Services")}.get(
        case.form_type, "Customer Services")
    for ln in [dept, "Marlowe Vale District Council", "Council Offices", "Bridge Street", "Marlowe",
               "MV1 1AA"]:
        cv.drawString(x0, y, ln)
        y -= 14
    y -= 18
    cv.drawString(x0, y, "Dear Sir or Madam,")
    y -= 22
    if case.form_type != "correspondence" or case.fields.get("topic") in ("council_tax_query", "complaint"):
        cv.setFont("Times-Bold", 11.5)
        cv.drawString(x0, y, f"Re: {x['subject']}")
        y -= 22
    cv.setFont("Times-Roman", 11.5)
    for para in x["paras"]:
        for ln in wrap(para, "Times-Roman", 11.5, W - 2 * x0):
            cv.drawString(x0, y, ln)
            y -= 14.5
        y -= 9
    y -= 6
    name = sender_name(case)
    if name:
        cv.drawString(x0, y, "Yours faithfully,")
        y -= 34
        cv.setFont("Times-Italic", 15)
        cv.drawString(x0 + 4, y, case.x["person"].sig)
        y -= 22
        cv.setFont("Times-Roman", 11.5)
        cv.drawString(x0, y, name)
    else:
        cv.drawString(x0, y, "A local resident")


def render_email(cv, case):
    W, H = A4
    x = case.x
    x0 = 50
    y = H - 50
    A = x.get("person")
    name = sender_name(case)
    addr = email(A) if A else "anon@example.com"
    if case.form_type != "correspondence" and "email" in case.fields:
        addr = case.fields["email"]
    to = {"council_tax_move": "counciltax@marlowevale.gov.uk", "parking_permit": "parking@marlowevale.gov.uk",
          "correspondence": "customer.services@marlowevale.gov.uk"}.get(case.form_type,
                                                                       "counciltax@marlowevale.gov.uk")
    sent = x["sent"]
    wd = sent.strftime("%A")
    hh, mm = rng.randint(7, 22), rng.randint(0, 59)
    cv.setFont("Helvetica-Bold", 13)
    cv.drawString(x0, y, x["subject"])
    y -= 22
    rows = [("From:", f"{name} <{addr}>"), ("Sent:", f"{wd}, {fmt_date(sent, 'long')} {hh:02d}:{mm:02d}"),
            ("To:", to), ("Subject:", x["subject"])]
    for k, v in rows:
        cv.setFont("Helvetica-Bold", 9.5)
        cv.drawString(x0, y, k)
        cv.setFont("Helvetica", 9.5)
        cv.drawString(x0 + 60, y, v)
        y -= 13
    cv.setLineWidth(1)
    cv.line(x0, y, W - x0, y)
    y -= 24
    cv.setFont("Helvetica", 10.5)
    greet = rng.choice(["Hello,", "Dear Sir/Madam,", "Hi,", "Good morning,"])
    cv.drawString(x0, y, greet)
    y -= 20
    for para in x["paras"]:
        for ln in wrap(para, "Helvetica", 10.5, W - 2 * x0):
            cv.drawString(x0, y, ln)
            y -= 13.5
        y -= 8
    y -= 6
    cv.drawString(x0, y, rng.choice(["Kind regards,", "Many thanks,", "Regards,"]))
    y -= 16
    cv.drawString(x0, y, name)
    y -= 14
    for ln in sender_block(case):
        cv.drawString(x0, y, ln)
        y -= 13.5
    if case.form_type != "correspondence" and "phone" in case.fields:
        cv.drawString(x0, y, f"Mobile: {case.fields['phone']}" if case.fields["phone"].startswith("07")
                      else f"Tel: {case.fields['phone']}")
        y -= 13.5
    if case.form_type != "correspondence" and "email" in case.fields:
        cv.drawString(x0, y, f"Email: {case.fields['email']}")
        y -= 13.5
    cv.setFont("Helvetica", 7.5)
    cv.setFillColorRGB(0.4, 0.4, 0.4)
    cv.drawString(x0, 40, "Printed from the customer services shared mailbox")


RENDER = {"grid_landscape": render_grid, "dotted_mono": render_dotted, "booklet": render_booklet,
          "tickbox": render_tickbox, "web_print": render_web, "prose": render_prose}


# ---------------------------------------------------------------- workbook

def write_workbook(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "properties"
    cols = ["uprn", "address_line_1", "address_line_2", "town", "postcode", "council_tax_band", "ward",
            "parking_zone"]
    ws.append(cols)
    for p in PROPS:
        ws.append([p[k] if p[k] != "" else None for k in cols])
    ws = wb.create_sheet("council_tax_accounts")
    cols = ["account_ref", "uprn", "liable_parties", "status", "start_date", "end_date", "discounts"]
    ws.append(cols)
    for a in sorted(ACCOUNTS, key=lambda a: (a["uprn"], a["start_date"])):
        ws.append([a["account_ref"], a["uprn"], a["liable_parties"], a["status"], a["start_date"],
                   a["end_date"], a["discounts"] or None])
    for row in ws.iter_rows(min_row=2):
        row[0].number_format = "@"
        for cell in (row[4], row[5]):
            cell.number_format = "yyyy-mm-dd"
    ws = wb.create_sheet("electoral_register")
    ws.append(["elector_number", "full_name", "uprn"])
    for e in ELECTORS:
        ws.append([e["elector_number"], e["full_name"], e["uprn"]])
    ws = wb.create_sheet("parking_permits")
    ws.append(["permit_ref", "uprn", "vrm", "zone", "valid_from", "valid_to"])
    for pm in PERMITS:
        ws.append([pm["permit_ref"], pm["uprn"], pm["vrm"], pm["zone"], pm["valid_from"], pm["valid_to"]])
    for row in ws.iter_rows(min_row=2):
        for cell in (row[4], row[5]):
            cell.number_format = "yyyy-mm-dd"
    for ws in wb.worksheets:
        for col in ws.columns:
            ws.column_dimensions[col[0].column_letter].width = 18
    wb.properties.creator = "Marlowe Vale DC extract"
    wb.properties.created = datetime(2026, 12, 7, 6, 0, 0)
    wb.save(path)
    normalise_zip(path)


def normalise_zip(path):
    """Make the .xlsx byte-identical between runs: fixed zip timestamps and document dates."""
    import re
    import zipfile
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>2026-12-07T06:00:00Z", data)
            zi = zipfile.ZipInfo(name, date_time=(2026, 12, 7, 6, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


# ---------------------------------------------------------------- main

def main():
    build_cases()
    fill_background()
    order = list(CASES)
    rng.shuffle(order)
    # keep the duplicate pair apart
    dups = [i for i, c in enumerate(order) if c.group]
    if abs(dups[0] - dups[1]) < 5:
        c2 = order.pop(dups[1])
        order.insert(min(len(order), dups[0] + 17), c2)
    inbox = HERE / "inbox"
    if inbox.exists():
        shutil.rmtree(inbox)
    inbox.mkdir()
    learn_count = {}
    truth = []
    for i, case in enumerate(order, 1):
        fname = f"doc_{i:04d}.pdf"
        cv = canvas.Canvas(str(inbox / fname), pagesize=A4, invariant=1)
        cv.setTitle(fname)
        cv.setAuthor("")
        RENDER[case.layout](cv, case)
        cv.showPage()
        cv.save()
        split = "test"
        if case.outcome == "approved":
            k = (case.layout, case.form_type)
            learn_count[k] = learn_count.get(k, 0) + 1
            if learn_count[k] <= 2:
                split = "learn"
        rec = {"file": fname, "form_type": case.form_type, "fields": case.fields, "outcome": case.outcome,
               "reasons": case.reasons, "layout": case.layout, "split": split}
        if case.group:
            rec["duplicate_group"] = case.group
        truth.append(rec)
    with open(HERE / "truth.jsonl", "w") as fh:
        for rec in truth:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    write_workbook(HERE / "records.xlsx")
    n_ok = sum(r["outcome"] == "approved" for r in truth)
    n_ex = sum(r["outcome"] == "exception" for r in truth)
    n_dup = sum(r["outcome"] == "duplicate_pair" for r in truth)
    print(f"{len(truth)} files: {n_ok} approved, {n_ex} exception, {n_dup} duplicate_pair; "
          f"{len(PROPS)} properties, {len(ACCOUNTS)} accounts "
          f"({sum(a['status'] == 'active' for a in ACCOUNTS)} active), {len(ELECTORS)} electors, "
          f"{len(PERMITS)} permits")


if __name__ == "__main__":
    main()
