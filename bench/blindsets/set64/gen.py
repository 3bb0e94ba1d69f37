#!/usr/bin/env python
"""Blind test set 64: Ashcombe Moor Borough Council (invented moorland borough, Devon).

Run `python gen.py`. Writes next to itself:
  records.xlsx   council records workbook (records.md layout)
  inbox/         doc_0001.pdf ... (neutral names)
  truth.jsonl    one object per file (cli.md truth format + layout/split/duplicate_group)

Deterministic: fixed seed, reportlab invariant mode.
"""
import json
import os
import random
import re
import shutil
from datetime import date, timedelta

from openpyxl import Workbook
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 6464
ASOF = date(2026, 12, 7)
R = random.Random(SEED)

DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
HAVE_DJ = os.path.exists(DEJAVU)
if HAVE_DJ:
    pdfmetrics.registerFont(TTFont("DejaVu", DEJAVU))

MONTHS = ["", "January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

COUNCIL = "Ashcombe Moor Borough Council"
COUNCIL_ADDR = ["Moorgate House", "Station Road", "Ashcombe", "Devon", "AM1 1AA"]

# ---------------------------------------------------------------------------
# names
# ---------------------------------------------------------------------------
FIRST_F = ["Jane", "Susan", "Anne", "Pat", "Karen", "Helen", "Ruth", "Emma", "Claire", "Joanne",
           "Lucy", "Sarah", "Rachel", "Megan", "Tamsin", "Morwenna", "Beth", "Hannah", "Gillian",
           "Linda", "Carol", "Wendy", "Sophie", "Kerry", "Nicola", "Alison", "Fiona", "Jenna",
           "Demelza", "Eleanor", "Harriet", "Judith", "Priya", "Agnieszka", "Olivia", "Rosie",
           "Denise", "Lorraine", "Heather", "Bridget", "Imogen", "Zoe", "Maureen", "Sian"]
FIRST_M = ["Robert", "Derek", "Martin", "Gary", "Paul", "Peter", "Tom", "James", "Mark", "Steve",
           "Andrew", "David", "Nigel", "Colin", "Richard", "Ben", "Sam", "Luke", "Jack", "Ollie",
           "Trevor", "Graham", "Keith", "Ian", "Kevin", "Neil", "Simon", "Adrian", "Tobias", "Ewan",
           "Rhys", "Callum", "Dominic", "Marek", "Arjun", "Philip", "Roger", "Clive", "Barry", "Jago"]
SURNAMES = ["Luscombe", "Hext", "Pellow", "Coaker", "Endacott", "French", "Warne", "Mudge", "Tapper",
            "Northmore", "Stanbury", "Bolt", "Hannaford", "Widdicombe", "Coombe", "Passmore", "Ellis",
            "Hamlyn", "Courtier", "Soper", "Chudleigh", "Trant", "Dunning", "Leaman", "Rowe",
            "Perryman", "Blatchford", "Sampson", "Lethbridge", "Yeo", "Kingdon", "Easterbrook",
            "Heathman", "Rendle", "Squire", "Voisey", "Tucker", "Hosking", "Pengelly", "Cole",
            "Madge", "Nosworthy", "Irish", "Harvey", "Cleave", "Stoneman", "Westaway", "Dodd",
            "Brimblecombe", "Sweet", "Prowse", "Bickford", "Friend", "Gill", "Wonnacott", "Ware",
            "Cornish", "Lang", "Bovey", "Chubb", "Ford", "Mortimore", "Ashplant", "Ching", "Vallance",
            "Kowalski", "Nair", "Okafor", "Brennan", "MacLeod", "Hughes", "Patel", "Fraser"]

USED_NAMES = set()


def new_person(last=None, g=None):
    for _ in range(1000):
        gg = g or R.choice("FM")
        first = R.choice(FIRST_F if gg == "F" else FIRST_M)
        ln = last or R.choice(SURNAMES)
        full = f"{first} {ln}"
        if full not in USED_NAMES:
            USED_NAMES.add(full)
            return {"first": first, "last": ln, "g": gg, "full": full}
        last = None if _ > 20 else last
    raise RuntimeError("names exhausted")


def title_for(p, rr):
    if p["g"] == "F":
        return rr.choice(["Mrs", "Ms", "Miss", "Mrs", "Ms", "Dr"])
    return rr.choice(["Mr", "Mr", "Mr", "Dr"])


# ---------------------------------------------------------------------------
# gazetteer
# ---------------------------------------------------------------------------
STREETS = [
    # street, town, district, zone, ward, max number
    ("Fore Street", "Ashcombe", "AM1", "Fore Street", "Ashcombe Town", 40),
    ("Tinners Row", "Ashcombe", "AM1", "Zone A1", "Ashcombe Town", 18),
    ("Chapel Street", "Ashcombe", "AM1", "Zone A1", "Ashcombe Town", 30),
    ("Market Street", "Ashcombe", "AM1", "Zone A2", "Ashcombe Town", 24),
    ("Stannary Lane", "Ashcombe", "AM1", "Zone A2", "Ashcombe Town", 16),
    ("The Quay", "Ashcombe", "AM2", "Quay", "Ashcombe Quay", 14),
    ("Quay Lane", "Ashcombe", "AM2", "Quay", "Ashcombe Quay", 12),
    ("Bridge Street", "Ashcombe", "AM2", "", "Ashcombe Quay", 20),
    ("Moorview Road", "Ashcombe", "AM3", "", "Moorview", 40),
    ("Abbey Close", "Ashcombe", "AM3", "", "Moorview", 14),
    ("Church Lane", "Lydtor", "AM4", "", "Lydtor and Merripit", 12),
    ("The Green", "Lydtor", "AM4", "", "Lydtor and Merripit", 8),
    ("Clapper Lane", "Merripit Cross", "AM5", "", "Lydtor and Merripit", 10),
    ("Kestor Lane", "Kestorwell", "AM6", "", "High Moor", 8),
    ("Pound Lane", "Dunnabridge", "AM7", "", "High Moor", 8),
    ("Vicarage Hill", "Cadover St Mary", "AM8", "", "Cadover and Vennford", 10),
    ("Mill Leat", "Vennford", "AM9", "", "Cadover and Vennford", 8),
]
FLATS = {  # (street, number): (building name or None, number of flats)
    ("Fore Street", 12): ("The Old Bank", 3),
    ("Fore Street", 27): (None, 2),
    ("Market Street", 5): ("Granite House", 4),
    ("The Quay", 3): ("Harbour Court", 3),
    ("Chapel Street", 9): (None, 2),
}
FARMS = [
    ("Higher Tor Farm, Widecombe Road", "Merripit Cross", "Ashcombe", "AM5", "Lydtor and Merripit"),
    ("Hameldown Farm, Widecombe Road", "Merripit Cross", "Ashcombe", "AM5", "Lydtor and Merripit"),
    ("Stennen Barton, Moorgate Lane", "", "Lydtor", "AM4", "Lydtor and Merripit"),
    ("Blackaton Farm, Postbridge Road", "Kestorwell", "Ashcombe", "AM6", "High Moor"),
    ("Whiteslade Cottage, Postbridge Road", "Kestorwell", "Ashcombe", "AM6", "High Moor"),
    ("Sousson Farm, Kestor Lane", "", "Kestorwell", "AM6", "High Moor"),
    ("Nattadon Farm, Kestor Lane", "", "Kestorwell", "AM6", "High Moor"),
    ("Rowden Farm, Dunnabridge Lane", "Dunnabridge", "Ashcombe", "AM7", "High Moor"),
    ("Ringmoor Cottage, Cadover Road", "", "Cadover St Mary", "AM8", "Cadover and Vennford"),
    ("Lower Venford Farm, Cadover Road", "", "Cadover St Mary", "AM8", "Cadover and Vennford"),
    ("Yellowmead Barn, Vennford Road", "", "Vennford", "AM9", "Cadover and Vennford"),
    ("Combestone Farm, Vennford Road", "", "Vennford", "AM9", "Cadover and Vennford"),
    ("Cator Court Farm, Moorgate Lane", "", "Lydtor", "AM4", "Lydtor and Merripit"),
    ("Sherril Cottage, Dunnabridge Lane", "Dunnabridge", "Ashcombe", "AM7", "High Moor"),
]
WARD_PD = {"Ashcombe Town": "AT", "Ashcombe Quay": "AQ", "Moorview": "MV",
           "Lydtor and Merripit": "LM", "High Moor": "HM", "Cadover and Vennford": "CV"}

PC_LET = "ABDEFGHJLNPQRSTUWXY"
USED_PC = {"AM1 1AA"}


def new_postcode(district):
    while True:
        pc = f"{district} {R.randint(2, 9)}{R.choice(PC_LET)}{R.choice(PC_LET)}"
        if pc not in USED_PC:
            USED_PC.add(pc)
            return pc


props = []
_uprn = [100041200000]


def add_prop(line1, line2, town, pc, band, ward, zone, kind, street, number):
    _uprn[0] += R.randint(3, 97)
    p = {"uprn": _uprn[0], "line1": line1, "line2": line2, "town": town, "postcode": pc,
         "band": band, "ward": ward, "zone": zone, "kind": kind, "street": street, "number": number}
    props.append(p)
    return p


for street, town, district, zone, ward, maxn in STREETS:
    nums = [n for n in range(1, maxn + 1) if R.random() < 0.62 or (street, n) in FLATS]
    pc = None
    for i, n in enumerate(nums):
        if i % 9 == 0:
            pc = new_postcode(district)
        if (street, n) in FLATS:
            bname, nf = FLATS[(street, n)]
            for f in range(1, nf + 1):
                l1 = f"Flat {f}, {bname}, {n} {street}" if bname else f"Flat {f}, {n} {street}"
                add_prop(l1, "", town, pc, R.choice("AAB"), ward, zone, "flat", street, n)
        else:
            band = R.choice("ABBCCCDDE") if town == "Ashcombe" else R.choice("CCDDEEF")
            add_prop(f"{n} {street}", "", town, pc, band, ward, zone, "house", street, n)
for l1, l2, town, district, ward in FARMS:
    add_prop(l1, l2, town, new_postcode(district), R.choice("DEEFFG"), ward, "", "farm", l1.split(", ")[1], None)

PROP_BY_UPRN = {p["uprn"]: p for p in props}
ADDR_KEYS = {(p["line1"].lower(), p["postcode"]) for p in props}
STREET_NUMS = {}
for p in props:
    if p["number"] is not None:
        STREET_NUMS.setdefault(p["street"], set()).add(p["number"])

# ---------------------------------------------------------------------------
# households, accounts, electors, permits
# ---------------------------------------------------------------------------
USED_REFS = set()


def new_ref():
    while True:
        ref = "6" + "".join(str(R.randint(0, 9)) for _ in range(7))
        if ref not in USED_REFS and ref[1] != "0":
            USED_REFS.add(ref)
            return ref


def rand_date(a, b):
    return a + timedelta(days=R.randint(0, (b - a).days))


VRM_L = "ABCDEFGHJKLMNPRSTUVWXY"
USED_VRM = set()


def new_vrm(style=None):
    style = style or R.choice(["cur"] * 8 + ["pre", "suf"])
    while True:
        if style == "cur":
            v = (R.choice("WWWWLKYSBE") + R.choice(VRM_L) +
                 R.choice(["15", "65", "16", "66", "17", "67", "18", "68", "19", "69", "20", "70",
                           "21", "71", "22", "72", "23", "73", "24", "74", "25", "75", "26"]) +
                 "".join(R.choice(VRM_L) for _ in range(3)))
        elif style == "pre":
            v = R.choice("LMNPRSTVWXY") + str(R.randint(1, 999)) + "".join(R.choice(VRM_L) for _ in range(3))
        else:
            v = "".join(R.choice(VRM_L) for _ in range(3)) + str(R.randint(1, 999)) + R.choice("ABCDEFGHJKLMNPRSTVWXY")
        if v not in USED_VRM:
            USED_VRM.add(v)
            return v


def vrm_display(v):
    """Conventional spacing for display."""
    if len(v) == 6 and v[:2].isalpha() and v[2:4].isdigit():
        return v[:4] + " " + v[4:]
    if len(v) == 7 and v[:2].isalpha() and v[2:4].isdigit():
        return v[:4] + " " + v[4:]
    if v[0].isalpha() and v[1].isdigit():  # prefix
        i = 1
        while v[i].isdigit():
            i += 1
        return v[:i] + " " + v[i:]
    if v[:3].isalpha():  # suffix
        return v[:3] + " " + v[3:]
    return v


HH = {}        # uprn -> {"accounts": [...], "electors": [names]}
PERMITS = []   # dicts
_permit_no = [4100]


def new_permit(uprn, vrm, zone, active=True):
    _permit_no[0] += R.randint(1, 9)
    if active:
        vf = rand_date(date(2026, 2, 1), date(2026, 10, 31))
    else:
        vf = rand_date(date(2024, 5, 1), date(2025, 7, 31))
    vt = date(vf.year + 1, vf.month, vf.day) - timedelta(days=1)
    PERMITS.append({"permit_ref": f"RP{vf.year % 100:02d}-{_permit_no[0]:05d}", "uprn": uprn, "vrm": vrm,
                    "zone": zone, "valid_from": vf, "valid_to": vt})


def make_account(uprn, liable, status="active", start=None, end=None, discounts=""):
    ref = new_ref()
    acc = {"account_ref": ref, "uprn": uprn, "liable": [p["full"] for p in liable], "status": status,
           "start": start, "end": end, "discounts": discounts}
    HH.setdefault(uprn, {"accounts": [], "electors": []})["accounts"].append(acc)
    return acc


def background():
    for p in props:
        HH[p["uprn"]] = {"accounts": [], "electors": []}
        r = R.random()
        if r < 0.05:   # empty, previous account closed
            prev = [new_person()]
            s = rand_date(date(2012, 1, 1), date(2022, 12, 31))
            make_account(p["uprn"], prev, "closed", s, rand_date(date(2025, 9, 1), date(2026, 9, 30)))
            continue
        if r < 0.07:   # no account at all (long-term empty)
            continue
        n = R.choices([1, 2, 3], [45, 50, 5])[0]
        a = new_person()
        liable = [a]
        if n >= 2:
            liable.append(new_person(last=a["last"] if R.random() < 0.7 else None))
        if n == 3:
            liable.append(new_person())
        start = rand_date(date(2006, 4, 1), date(2026, 6, 30))
        if R.random() < 0.35:
            s0 = rand_date(date(1998, 4, 1), start - timedelta(days=400))
            make_account(p["uprn"], [new_person()], "closed", s0, start - timedelta(days=1))
        electors = [x["full"] for x in liable if R.random() < 0.92]
        if R.random() < 0.12:
            electors.append(new_person(last=a["last"])["full"])
        disc = ""
        if n == 1 and len(electors) <= 1 and R.random() < 0.6:
            disc = "SPD"
        elif R.random() < 0.04:
            disc = "CTR"
        make_account(p["uprn"], liable, "active", start, None, disc)
        HH[p["uprn"]]["electors"] = electors
        if p["zone"]:
            k = R.choices([0, 1, 2], [45, 35, 20])[0]
            for _ in range(k):
                new_permit(p["uprn"], new_vrm(), p["zone"], True)
            if R.random() < 0.3:
                new_permit(p["uprn"], new_vrm(), p["zone"], False)


background()

USED_UPRN = set()


def take(pred):
    cands = [p for p in props if p["uprn"] not in USED_UPRN and pred(p)]
    p = R.choice(cands)
    USED_UPRN.add(p["uprn"])
    return p


def reset(p, liable, electors, status="active", discounts="", start=None, end=None, history=None):
    """Replace the household at p with a scenario household. Returns the main account."""
    HH[p["uprn"]] = {"accounts": [], "electors": [e["full"] for e in electors]}
    global PERMITS
    PERMITS = [x for x in PERMITS if x["uprn"] != p["uprn"]]
    start = start or rand_date(date(2009, 1, 1), date(2025, 6, 30))
    if history if history is not None else R.random() < 0.4:
        s0 = rand_date(date(1999, 4, 1), start - timedelta(days=500))
        make_account(p["uprn"], [new_person()], "closed", s0, start - timedelta(days=1))
    return make_account(p["uprn"], liable, status, start, end, discounts)


def active_account(uprn):
    for a in HH[uprn]["accounts"]:
        if a["status"] == "active":
            return a
    return None


OUTSIDE = [
    ("22 Alphington Road", "Exeter", "EX2 8HN"), ("Flat 5, 31 Mutley Plain", "Plymouth", "PL4 6LE"),
    ("9 Courtenay Street", "Newton Abbot", "TQ12 2QH"), ("41 Station Road", "Okehampton", "EX20 1EA"),
    ("3 Chapel Hill", "Truro", "TR1 3BB"), ("118 Gloucester Road", "Bristol", "BS7 8NQ"),
    ("6 Orchard Close", "Tavistock", "PL19 8AB"), ("15 Heavitree Road", "Exeter", "EX1 2LD"),
    ("2 Ferndale Mews", "Taunton", "TA1 4PR"), ("50 Kingsley Avenue", "Torquay", "TQ2 7BP"),
    ("8 Mill Street", "Bideford", "EX39 2JT"), ("27 Lemon Road", "Newton Abbot", "TQ12 2AB"),
    ("11 Howell Road", "Exeter", "EX4 4LG"), ("4 Bampfylde Way", "Plymouth", "PL6 5RT"),
    ("19 Winner Street", "Paignton", "TQ3 3BN"), ("Flat 2, 7 Union Street", "Barnstaple", "EX32 8AA"),
    ("33 Ivybridge Road", "Ivybridge", "PL21 0DF"), ("71 Fore Street", "Bovey Tracey", "TQ13 9AE"),
    ("5 St Leonards Road", "Exeter", "EX2 4LA"), ("Flat 9, Dock House, 2 Quay Road", "Teignmouth", "TQ14 8EL"),
    ("60 Cattedown Road", "Plymouth", "PL4 0PX"), ("12 North Street", "Crediton", "EX17 2BN"),
    ("23 Queen Street", "Honiton", "EX14 1HB"), ("7 Seaview Terrace", "Dawlish", "EX7 9NP"),
    ("88 Union Road", "Camborne", "TR14 8HG"), ("Rose Cottage, Church Road", "Chudleigh", "TQ13 0HT"),
    ("14 Albert Road", "Bristol", "BS2 0XA"), ("31 Kingsway", "Swansea", "SA1 5LH"),
    ("9 Laburnum Grove", "Yeovil", "BA21 4DS"), ("2 Meadow View", "South Molton", "EX36 3EF"),
]
_out_i = list(range(len(OUTSIDE)))
R.shuffle(_out_i)


def outside():
    if not _out_i:
        _out_i.extend(range(len(OUTSIDE)))
        R.shuffle(_out_i)
    i = _out_i.pop()
    l1, town, pc = OUTSIDE[i]
    return {"line1": l1, "line2": "", "town": town, "postcode": pc}


def paddr(p):
    return {"line1": p["line1"], "line2": p["line2"], "town": p["town"], "postcode": p["postcode"]}


def phone():
    return R.choice([f"01632 960{R.randint(100, 999)}", f"07700 900{R.randint(100, 999)}",
                     f"07700900{R.randint(100, 999)}", f"01632 960 {R.randint(100, 999)}"])


def email_for(person):
    dom = R.choice(["moormail.co.uk", "tormail.net", "devonline.co.uk", "example.org.uk", "granitenet.co.uk"])
    pat = R.choice(["{f}.{l}", "{f}{l}", "{fi}{l}", "{f}.{l}{n}"])
    return pat.format(f=person["first"].lower(), l=person["last"].lower(), fi=person["first"][0].lower(),
                      n=R.randint(1, 99)) + "@" + dom


def mutate_ref(ref):
    for _ in range(100):
        d = list(ref)
        i = R.randint(2, 6)
        d[i], d[i + 1] = d[i + 1], d[i]
        cand = "".join(d)
        if cand != ref and cand not in USED_REFS:
            return cand
    raise RuntimeError


def other_postcode(pc):
    """A valid-looking borough postcode that is not pc and belongs to no property."""
    while True:
        cand = pc[:4] + str(R.randint(2, 9)) + R.choice(PC_LET) + R.choice(PC_LET)
        if cand != pc and cand not in USED_PC:
            return cand


# ---------------------------------------------------------------------------
# scenarios
# ---------------------------------------------------------------------------
SCEN = []


def scen(**kw):
    kw.setdefault("reasons", [])
    kw["outcome"] = kw.get("outcome") or ("exception" if kw["reasons"] else "approved")
    SCEN.append(kw)
    return kw


def residential(p):
    return True


def decl_after(d0, lo=3, hi=40):
    lo_d = max(d0, ASOF - timedelta(days=hi))
    if lo_d > ASOF - timedelta(days=lo):
        lo_d = ASOF - timedelta(days=lo)
    return rand_date(lo_d, ASOF - timedelta(days=lo))


def spd(layout, kind):
    p = take(lambda p: True)
    a = new_person()
    b = new_person(last=a["last"] if R.random() < 0.6 else None, g="M" if a["g"] == "F" else R.choice("FM"))
    since = rand_date(ASOF - timedelta(days=300), ASOF - timedelta(days=12))
    other = fwd = desc = None
    desc_date = None
    reasons = []
    variant = R.choice(["pair", "pair", "pair_unreg", "single"])
    if kind in ("OTHER_ADULTS_REGISTERED", "INCONSISTENT_DATES", "DATE_IN_FUTURE", "DATE_TOO_OLD"):
        variant = "pair"
    if kind in ("ACCOUNT_NOT_FOUND", "DISCOUNT_ALREADY_APPLIED", "ACCOUNT_CLOSED"):
        variant = "single"
    if kind == "NAME_MISMATCH":
        variant = "name_mismatch"
    if variant == "pair":
        electors = [a, b]
        if kind == "OTHER_ADULTS_REGISTERED":
            electors = [a, b, new_person(last=a["last"])]
        acc = reset(p, [a, b], electors)
        other = b["full"]
    elif variant == "pair_unreg":
        acc = reset(p, [a, b], [a])
        other = b["full"]
    elif variant == "name_mismatch":
        acc = reset(p, [b], [a, b])
        other = b["full"]
    else:  # single
        if kind == "ACCOUNT_CLOSED":
            s = rand_date(date(2015, 1, 1), date(2022, 1, 1))
            acc = reset(p, [a], [a], status="closed", start=s, end=date(2026, 8, 28), history=False)
            since = date(2026, 3, 2)
        else:
            acc = reset(p, [a], [a], discounts="SPD" if kind == "DISCOUNT_ALREADY_APPLIED" else "")
    if kind == "DATE_TOO_OLD":
        since = ASOF - timedelta(days=R.randint(430, 560))
        reasons = ["DATE_TOO_OLD"]
    if kind == "DATE_IN_FUTURE":
        since = ASOF + timedelta(days=R.randint(25, 50))
        reasons = ["DATE_IN_FUTURE"]
    if other and R.random() < 0.75:
        fwd_a = outside()
        fwd = f"{fwd_a['line1']}, {fwd_a['town']}, {fwd_a['postcode']}"
    who = {"M": R.choice(["husband", "partner"]), "F": R.choice(["wife", "partner"])}[b["g"]]
    if variant == "single":
        lodger = new_person()
        if R.random() < 0.5 and kind != "ACCOUNT_CLOSED":
            other = lodger["full"]
            desc = f"My lodger {lodger['first']} moved out and I now live on my own."
        else:
            desc = "I have lived on my own since my son moved into his own flat."
    else:
        mode = R.choice(["dated", "undated"])
        if kind in ("INCONSISTENT_DATES", "DATE_IN_FUTURE"):
            mode = "dated"
        if mode == "dated":
            desc_date = since
            if kind == "INCONSISTENT_DATES":
                desc_date = since - timedelta(days=R.choice([17, 23, 31, 44]))
                reasons = ["INCONSISTENT_DATES"]
            verb = "is moving out on" if kind == "DATE_IN_FUTURE" else "moved out on"
            desc = f"My {who} {b['first']} {verb} {{D}} and I am now the only adult in the house."
            if kind == "DATE_IN_FUTURE":
                desc = f"We have separated. My {who} {b['first']} {verb} {{D}} and after that I will be the only adult in the house."
        else:
            desc = R.choice([f"We have separated and my {who} has moved out.",
                             f"My {who} has gone to live elsewhere, we have split up.",
                             f"{b['first']} moved away for work and will not be coming back to live here."])
    addr = paddr(p)
    ref = acc["account_ref"]
    if kind == "ACCOUNT_NOT_FOUND":
        ref = mutate_ref(ref)
        reasons = ["ACCOUNT_NOT_FOUND"]
    if kind == "ADDRESS_MISMATCH":
        addr = dict(addr, postcode=other_postcode(p["postcode"]))
        reasons = ["ADDRESS_MISMATCH"]
    if kind in ("OTHER_ADULTS_REGISTERED", "NAME_MISMATCH", "DISCOUNT_ALREADY_APPLIED", "ACCOUNT_CLOSED"):
        reasons = [kind]
    decl = decl_after(since if since < ASOF else ASOF - timedelta(days=30))
    sc = scen(type="council_tax_spd", layout=layout, kind=kind, person=a, account_ref=ref, addr=addr,
              since=since, other=other, fwd=fwd, desc=desc, desc_date=desc_date,
              phone=phone() if R.random() < 0.8 else None,
              email=email_for(a) if R.random() < 0.6 else None, decl=decl, reasons=reasons)
    return sc


def move(layout, kind, mtype, dup_of=None):
    reasons = []
    a = new_person()
    if mtype == "out":
        p = take(lambda p: True)
        if kind == "NAME_MISMATCH":
            b = new_person(last=a["last"])
            acc = reset(p, [b], [a, b])
            reasons = ["NAME_MISMATCH"]
        else:
            partner = new_person(last=a["last"]) if R.random() < 0.4 else None
            lia = [a] + ([partner] if partner else [])
            acc = reset(p, lia, lia if R.random() < 0.8 else [a])
        mdate = rand_date(ASOF - timedelta(days=150), ASOF + timedelta(days=21))
        ref = acc["account_ref"]
        prev = paddr(p)
        new = outside() if R.random() < 0.85 else None
        if kind == "ACCOUNT_NOT_FOUND":
            ref = mutate_ref(ref)
            reasons = ["ACCOUNT_NOT_FOUND"]
        if kind == "ADDRESS_MISMATCH":
            nums = STREET_NUMS.get(p["street"], set())
            if p["number"] and p["kind"] == "house":
                cand = [n for n in range(1, 80) if n not in nums and abs(n - p["number"]) < 15]
                n2 = R.choice(cand)
                prev = dict(prev, line1=f"{n2} {p['street']}")
            else:
                prev = dict(prev, postcode=other_postcode(p["postcode"]))
            reasons = ["ADDRESS_MISMATCH"]
        if kind == "DATE_TOO_OLD":
            mdate = ASOF - timedelta(days=R.randint(400, 520))
            reasons = ["DATE_TOO_OLD"]
        if kind == "MISSING_FIELD:move_date":
            reasons = ["MISSING_FIELD:move_date"]
    else:
        if kind == "PROPERTY_NOT_FOUND":
            p = None
            new = {"line1": "4 Cleave Meadow", "line2": "", "town": "Lydtor", "postcode": "AM4 6WT"}
            assert "AM4 6WT" not in USED_PC
            reasons = ["PROPERTY_NOT_FOUND"]
        else:
            p = take(lambda p: True)
            old = [new_person()]
            s = rand_date(date(2010, 1, 1), date(2023, 1, 1))
            HH[p["uprn"]] = {"accounts": [], "electors": []}
            globals()["PERMITS"] = [x for x in PERMITS if x["uprn"] != p["uprn"]]
            make_account(p["uprn"], old, "closed", s, rand_date(date(2026, 5, 1), date(2026, 8, 31)))
            new = paddr(p)
        ref = None
        prev = outside() if R.random() < 0.7 else None
        mdate = rand_date(ASOF - timedelta(days=100), ASOF + timedelta(days=21))
        if kind == "DATE_IN_FUTURE":
            mdate = ASOF + timedelta(days=R.randint(60, 110))
            reasons = ["DATE_IN_FUTURE"]
    decl = decl_after(min(mdate, ASOF - timedelta(days=5)) if kind != "DATE_TOO_OLD" else ASOF - timedelta(days=20))
    if mdate > ASOF:
        decl = rand_date(ASOF - timedelta(days=25), ASOF - timedelta(days=2))
    return scen(type="council_tax_move", layout=layout, kind=kind, move_type=mtype, person=a,
                account_ref=ref, prev=prev, new=new,
                mdate=None if kind == "MISSING_FIELD:move_date" else mdate,
                phone=phone() if R.random() < 0.8 else None,
                email=email_for(a) if R.random() < 0.6 else None, decl=decl, reasons=reasons)


MAKES = ["Ford", "Vauxhall", "Volkswagen", "Toyota", "Nissan", "Kia", "Skoda", "Peugeot", "Honda",
         "Renault", "Hyundai", "Dacia", "Land Rover", "Mini", "Fiat", "Subaru"]


def permit(layout, kind):
    reasons = []
    zone_pred = (lambda p: p["zone"] != "")
    if kind == "NOT_IN_PERMIT_ZONE":
        zone_pred = (lambda p: p["zone"] == "Zone A2")
    p = take(zone_pred)
    a = new_person()
    fam = [a]
    if R.random() < 0.4:
        fam.append(new_person(last=a["last"]))
    applicant = a
    electors = list(fam)
    if kind == "clean" and R.random() < 0.25:   # adult child on the register, not on the bill
        child = new_person(last=a["last"])
        electors.append(child)
        applicant = child
    reset(p, fam, electors)
    zone = p["zone"]
    if kind == "NOT_RESIDENT":
        applicant = new_person()
        reasons = ["NOT_RESIDENT"]
    if kind == "clean" and R.random() < 0.5:
        new_permit(p["uprn"], new_vrm(), zone, True)
    if kind == "clean" and R.random() < 0.3:
        new_permit(p["uprn"], new_vrm(), zone, False)
    if kind == "PERMIT_CAP_REACHED":
        new_permit(p["uprn"], new_vrm(), zone, True)
        new_permit(p["uprn"], new_vrm(), zone, True)
        reasons = ["PERMIT_CAP_REACHED"]
    vrm = new_vrm()
    if kind == "INVALID_FORMAT:vrm":
        vrm = R.choice(VRM_L) + R.choice(VRM_L) + R.choice(["15", "19", "68"]) + R.choice(VRM_L) + R.choice(VRM_L)
        reasons = ["INVALID_FORMAT:vrm"]
    if kind == "VRM_HAS_PERMIT":
        q = take(lambda q: q["zone"] != "" and active_account(q["uprn"]) is not None)
        new_permit(q["uprn"], vrm, q["zone"], True)
        reasons = ["VRM_HAS_PERMIT"]
    if kind == "NOT_IN_PERMIT_ZONE":
        zone = "Fore Street"
        reasons = ["NOT_IN_PERMIT_ZONE"]
    start = rand_date(ASOF - timedelta(days=10), ASOF + timedelta(days=24))
    if kind == "DATE_IN_FUTURE":
        start = ASOF + timedelta(days=R.randint(45, 80))
        reasons = ["DATE_IN_FUTURE"]
    if kind == "MISSING_FIELD:vrm":
        vrm = None
        reasons = ["MISSING_FIELD:vrm"]
    decl = rand_date(ASOF - timedelta(days=25), ASOF - timedelta(days=2))
    return scen(type="parking_permit", layout=layout, kind=kind, person=applicant, addr=paddr(p), vrm=vrm,
                make=R.choice(MAKES) if R.random() < 0.85 else None, zone=zone, start=start,
                phone=phone() if R.random() < 0.8 else None,
                email=email_for(applicant) if R.random() < 0.6 else None, decl=decl, reasons=reasons)


def corr(layout, topic, kind="clean", medium="letter"):
    reasons = []
    p = take(lambda p: active_account(p["uprn"]) is not None and HH[p["uprn"]]["electors"]
             and all(n in HH[p["uprn"]]["electors"] for n in active_account(p["uprn"])["liable"][:1]))
    acc = active_account(p["uprn"])
    name = acc["liable"][0]
    first, last = name.split(" ", 1)
    sender = {"first": first, "last": last, "full": name, "g": "F" if first in FIRST_F else "M"}
    ref = acc["account_ref"] if topic == "council_tax_query" else None
    addr = paddr(p)
    if kind == "anonymous":
        sender = None
        addr = None
        reasons = ["SENDER_UNKNOWN"]
    if kind == "no_address":
        sender = new_person()
        addr = None
        reasons = ["SENDER_UNKNOWN"]
        USED_UPRN.discard(p["uprn"])
    if kind == "bad_account":
        ref = mutate_ref(ref)
        reasons = ["ACCOUNT_NOT_FOUND"]
    return scen(type="correspondence", layout=layout, kind=kind, topic=topic, medium=medium, person=sender,
                addr=addr, account_ref=ref, street=p["street"], reasons=reasons,
                decl=rand_date(ASOF - timedelta(days=20), ASOF - timedelta(days=1)),
                phone=phone() if R.random() < 0.5 else None)


# the plan: (layout, builder)
PLAN = []
for k in ["clean", "clean", "clean", "ACCOUNT_NOT_FOUND", "OTHER_ADULTS_REGISTERED"]:
    PLAN.append(("guidance_paper", "spd", k))
for k in ["clean", "clean", "clean", "NAME_MISMATCH", "DATE_TOO_OLD"]:
    PLAN.append(("two_column", "spd", k))
for k in ["clean", "clean", "clean", "ADDRESS_MISMATCH", "INCONSISTENT_DATES"]:
    PLAN.append(("portal_print", "spd", k))
for k in ["clean", "clean", "clean", "DISCOUNT_ALREADY_APPLIED", "DATE_IN_FUTURE"]:
    PLAN.append(("backoffice_print", "spd", k))
for k in ["clean", "ACCOUNT_CLOSED"]:
    PLAN.append(("letter_email", "spd", k))

for k, m in [("clean", "out"), ("clean", "out"), ("clean", "in"), ("ADDRESS_MISMATCH", "out"), ("DATE_TOO_OLD", "out")]:
    PLAN.append(("guidance_paper", "move", (k, m)))
for k, m in [("clean", "out"), ("clean", "in"), ("clean", "in"), ("PROPERTY_NOT_FOUND", "in"), ("MISSING_FIELD:move_date", "out")]:
    PLAN.append(("fillable_pdf", "move", (k, m)))
for k, m in [("clean", "out"), ("clean", "out"), ("clean", "in"), ("DUP", "in"), ("DATE_IN_FUTURE", "in")]:
    PLAN.append(("portal_print", "move", (k, m)))
for k, m in [("clean", "out"), ("clean", "out"), ("clean", "in"), ("ACCOUNT_NOT_FOUND", "out"), ("NAME_MISMATCH", "out")]:
    PLAN.append(("backoffice_print", "move", (k, m)))
for k, m in [("clean", "out"), ("clean", "in")]:
    PLAN.append(("letter_email", "move", (k, m)))

for k in ["clean", "clean", "clean", "NOT_RESIDENT", "PERMIT_CAP_REACHED"]:
    PLAN.append(("two_column", "permit", k))
for k in ["clean", "clean", "clean", "INVALID_FORMAT:vrm", "VRM_HAS_PERMIT"]:
    PLAN.append(("fillable_pdf", "permit", k))
for k in ["clean", "clean", "clean", "NOT_IN_PERMIT_ZONE", "DATE_IN_FUTURE"]:
    PLAN.append(("portal_print", "permit", k))
for k in ["clean", "MISSING_FIELD:vrm"]:
    PLAN.append(("letter_email", "permit", k))

for t, k, m in [("missed_bin", "clean", "letter"), ("missed_bin", "clean", "email"),
                ("council_tax_query", "clean", "letter"), ("complaint", "clean", "email"),
                ("foi_request", "clean", "letter"), ("other", "clean", "email"),
                ("complaint", "anonymous", "letter"), ("foi_request", "no_address", "email"),
                ("council_tax_query", "bad_account", "letter")]:
    PLAN.append(("letter_email", "corr", (t, k, m)))

for layout, kind, arg in PLAN:
    if kind == "spd":
        spd(layout, arg)
    elif kind == "move":
        k, m = arg
        if k == "DUP":
            sc = move(layout, "clean", m)
            sc["outcome"] = "duplicate_pair"
            sc["dup"] = 1
            twin = dict(sc)
            twin["dup"] = 2
            SCEN.append(twin)
        else:
            move(layout, k, m)
    elif kind == "permit":
        permit(layout, arg)
    else:
        t, k, m = arg
        corr(layout, t, k, m)

# letter/email medium for prose applications
for sc in SCEN:
    if sc["layout"] == "letter_email" and sc["type"] != "correspondence":
        sc["medium"] = {"council_tax_spd": "letter", "parking_permit": "letter"}.get(sc["type"])
        if sc["type"] == "council_tax_move":
            sc["medium"] = "email" if sc["move_type"] == "out" else "letter"

# file order
ORDER = list(range(len(SCEN)))
R.shuffle(ORDER)
SCEN = [SCEN[i] for i in ORDER]
for i, sc in enumerate(SCEN, 1):
    sc["file"] = f"doc_{i:04d}.pdf"
    sc["idx"] = i


# ---------------------------------------------------------------------------
# normal forms and truth
# ---------------------------------------------------------------------------
def iso(d):
    return d.isoformat()


def norm_pc(pc):
    s = pc.replace(" ", "").upper()
    return s[:-3] + " " + s[-3:]


def collapse(s):
    return " ".join(s.split())


def name_written(sc):
    """Applicant name exactly as it will be written on the form."""
    p = sc["person"]
    t = sc.get("title") or ""
    return collapse(f"{t} {p['first']} {p['last']}")


def fill_desc(sc, fmt):
    if sc.get("desc") is None:
        return None
    if "{D}" in sc["desc"]:
        return sc["desc"].replace("{D}", fmt(sc["desc_date"]))
    return sc["desc"]


# ---------------------------------------------------------------------------
# formatting helpers
# ---------------------------------------------------------------------------
def ordinal(n):
    return f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def fmt_date(d, style):
    if style == "dmy0":
        return d.strftime("%d/%m/%Y")
    if style == "dmy":
        return f"{d.day}/{d.month}/{d.year}"
    if style == "dash":
        return d.strftime("%d-%m-%Y")
    if style == "dot":
        return d.strftime("%d.%m.%Y")
    if style == "long":
        return f"{d.day} {MONTHS[d.month]} {d.year}"
    if style == "ord":
        return f"{ordinal(d.day)} {MONTHS[d.month]} {d.year}"
    if style == "us":
        return f"{MONTHS[d.month]} {d.day}, {d.year}"
    if style == "iso":
        return d.isoformat()
    if style == "wlong":
        return f"{WEEKDAYS[d.weekday()]} {d.day} {MONTHS[d.month]} {d.year}"
    raise ValueError(style)


def fmt_ref(ref, style):
    return {"plain": ref, "space": ref[:4] + " " + ref[4:], "dash": ref[:4] + "-" + ref[4:],
            "ct": "CT" + ref, "ctspace": "CT " + ref[:4] + " " + ref[4:]}[style]


def fmt_pc(pc, style):
    return {"norm": pc, "lower": pc.lower(), "nospace": pc.replace(" ", "")}[style]


def fmt_vrm(v, style):
    return {"spaced": vrm_display(v), "tight": v, "lowsp": vrm_display(v).lower()}[style]


def split_line1(l1, mode):
    """How the first address line is split over printed lines."""
    parts = l1.split(", ")
    if mode == "one" or len(parts) == 1:
        return [l1]
    if mode == "two":
        return [", ".join(parts[:-1]), parts[-1]]
    return parts  # "all"


def addr_lines(a, mode="one", with_town=True, county=False):
    lines = split_line1(a["line1"], mode)
    if a.get("line2"):
        lines.append(a["line2"])
    if with_town:
        lines.append(a["town"])
    if county:
        lines.append("Devon")
    return lines


# ---------------------------------------------------------------------------
# PDF toolkit
# ---------------------------------------------------------------------------
W, H = A4


class Doc:
    def __init__(self, path, title, on_page, bottom=60, footer=None):
        self.c = canvas.Canvas(path, pagesize=A4, invariant=1)
        self.c.setTitle(title)
        self.c.setAuthor(COUNCIL)
        self.c.setCreator("Ashcombe Moor BC")
        self.on_page = on_page
        self.footer = footer
        self.bottom = bottom
        self.page = 1
        self.y = on_page(self)

    def ensure(self, h):
        if self.y - h < self.bottom:
            if self.footer:
                self.footer(self)
            self.c.showPage()
            self.page += 1
            self.y = self.on_page(self)

    def text(self, x, y, s, font="Helvetica", size=10, color=colors.black):
        self.c.setFillColor(color)
        self.c.setFont(font, size)
        self.c.drawString(x, y, s)
        self.c.setFillColor(colors.black)

    def rtext(self, x, y, s, font="Helvetica", size=10):
        self.c.setFont(font, size)
        self.c.drawRightString(x, y, s)

    def para(self, x, s, width, font="Helvetica", size=9, lead=None, color=colors.black):
        lead = lead or size * 1.25
        lines = simpleSplit(s, font, size, width)
        self.c.setFillColor(color)
        for ln in lines:
            self.ensure(lead)
            self.c.setFont(font, size)
            self.c.drawString(x, self.y - size, ln)
            self.y -= lead
        self.c.setFillColor(colors.black)
        return len(lines)

    def save(self):
        if self.footer:
            self.footer(self)
        self.c.showPage()
        self.c.save()


def squiggle(c, x, y, w=90, seed=0):
    rr = random.Random(seed)
    c.setLineWidth(0.9)
    c.setStrokeColor(colors.HexColor("#1a237e"))
    pth = c.beginPath()
    pth.moveTo(x, y)
    cx = x
    while cx < x + w:
        nx = cx + rr.randint(8, 16)
        pth.curveTo(cx + 3, y + rr.randint(4, 12), nx - 3, y - rr.randint(2, 9), nx, y + rr.randint(-2, 3))
        cx = nx
    c.drawPath(pth, stroke=1, fill=0)
    c.setStrokeColor(colors.black)
    c.setLineWidth(1)


def tick_glyphs(on):
    if HAVE_DJ:
        return ("DejaVu", "\u2611" if on else "\u2610")
    return ("Helvetica", "[X]" if on else "[  ]")


# ---------------------------------------------------------------------------
# Layout 1: guidance_paper  (paper form, guidance panels between questions, office-use panel)
# ---------------------------------------------------------------------------
GREEN = colors.HexColor("#2e5339")
PALE = colors.HexColor("#e8efe9")


class Guidance:
    def __init__(self, path, title, code, rr):
        self.rr = rr
        self.title = title
        self.code = code
        self.d = Doc(path, title, self.header, bottom=50, footer=self.foot)
        self.x0, self.x1 = 42, W - 42
        self.qn = 0

    def header(self, d):
        c = d.c
        if d.page == 1:
            c.setFillColor(GREEN)
            p = c.beginPath()
            p.moveTo(42, H - 78); p.lineTo(62, H - 48); p.lineTo(74, H - 62); p.lineTo(86, H - 44); p.lineTo(104, H - 78)
            p.close()
            c.drawPath(p, fill=1, stroke=0)
            c.setFillColor(colors.black)
            d.text(112, H - 58, "Ashcombe Moor", "Helvetica-Bold", 15)
            d.text(112, H - 74, "Borough Council", "Helvetica", 12)
            d.rtext(W - 42, H - 52, "Council Tax", "Helvetica-Bold", 13)
            d.rtext(W - 42, H - 66, "Revenues Service, Moorgate House, Station Road, Ashcombe AM1 1AA", "Helvetica", 7)
            d.rtext(W - 42, H - 76, "Tel 01632 960000   www.ashcombemoor.gov.uk/counciltax", "Helvetica", 7)
            c.setFillColor(GREEN)
            c.rect(42, H - 108, W - 84, 22, fill=1, stroke=0)
            d.text(50, H - 101, self.title, "Helvetica-Bold", 12.5, colors.white)
            return H - 118
        d.text(42, H - 40, f"{self.title} (continued)", "Helvetica-Bold", 9)
        c.line(42, H - 46, W - 42, H - 46)
        return H - 56

    def foot(self, d):
        d.text(42, 28, f"{self.code}", "Helvetica", 7)
        d.rtext(W - 42, 28, f"Page {d.page}", "Helvetica", 7)

    def section(self, s):
        d = self.d
        d.ensure(40)
        d.y -= 8
        d.c.setFillColor(colors.HexColor("#cfd8d1"))
        d.c.rect(self.x0, d.y - 16, self.x1 - self.x0, 16, fill=1, stroke=0)
        d.text(self.x0 + 6, d.y - 12, s, "Helvetica-Bold", 10)
        d.y -= 22

    def note(self, s):
        d = self.d
        lines = simpleSplit(s, "Helvetica-Oblique", 8, self.x1 - self.x0 - 16)
        h = len(lines) * 10 + 10
        d.ensure(h + 6)
        d.c.setFillColor(PALE)
        d.c.rect(self.x0, d.y - h, self.x1 - self.x0, h, fill=1, stroke=0)
        d.c.setFillColor(colors.black)
        yy = d.y - 13
        d.text(self.x0 + 6, yy, "Note", "Helvetica-Bold", 8)
        for ln in lines:
            d.text(self.x0 + 34, yy, ln, "Helvetica-Oblique", 8)
            yy -= 10
        d.y -= h + 6

    def label(self, s, num=True):
        d = self.d
        self.qn += 1
        d.ensure(36)
        lab = f"{self.sec_no}.{self.qn}   {s}" if num else s
        d.text(self.x0, d.y - 9, lab, "Helvetica-Bold", 9)
        d.y -= 13

    def box(self, value, width=None, lines=1):
        d = self.d
        width = width or (self.x1 - self.x0)
        h = 16 * lines + 4
        d.ensure(h + 4)
        d.c.setStrokeColor(colors.HexColor("#555555"))
        d.c.rect(self.x0, d.y - h, width, h, fill=0, stroke=1)
        vals = value if isinstance(value, list) else ([value] if value else [])
        yy = d.y - 14
        for v in vals:
            d.text(self.x0 + 5, yy, v, "Courier", 10.5)
            yy -= 16
        d.y -= h + 6

    def charboxes(self, s, n, x=None):
        d = self.d
        x = self.x0 if x is None else x
        d.ensure(24)
        for i in range(n):
            d.c.rect(x + i * 17, d.y - 19, 17, 19)
            if s and i < len(s):
                d.c.setFont("Courier", 11)
                d.c.drawCentredString(x + i * 17 + 8.5, d.y - 14, s[i])
        d.y -= 25

    def datebox(self, dt_, x=None):
        d = self.d
        x = self.x0 if x is None else x
        d.ensure(32)
        parts = [f"{dt_.day:02d}", f"{dt_.month:02d}", str(dt_.year)] if dt_ else ["", "", ""]
        widths = [30, 30, 48]
        hints = ["DD", "MM", "YYYY"]
        cx = x
        for i, (pv, wv) in enumerate(zip(parts, widths)):
            d.c.rect(cx, d.y - 19, wv, 19)
            d.text(cx + 6, d.y - 14, pv, "Courier", 11)
            d.text(cx + 2, d.y - 27, hints[i], "Helvetica", 5.5, colors.grey)
            cx += wv
            if i < 2:
                d.text(cx + 3, d.y - 14, "/", "Helvetica", 11)
                cx += 12
        d.y -= 32

    def choice(self, options, chosen):
        d = self.d
        for opt in options:
            d.ensure(18)
            d.c.rect(self.x0 + 4, d.y - 12, 11, 11)
            if opt == chosen:
                d.c.setFont("Helvetica-Bold", 10)
                d.c.drawCentredString(self.x0 + 9.5, d.y - 10.5, "X")
            d.text(self.x0 + 22, d.y - 10, opt, "Helvetica", 9)
            d.y -= 16
        d.y -= 4

    def inline(self, label, value, lw=95, bw=150):
        d = self.d
        d.ensure(24)
        d.text(self.x0, d.y - 13, label, "Helvetica-Bold", 9)
        d.c.rect(self.x0 + lw, d.y - 19, bw, 19)
        if value:
            d.text(self.x0 + lw + 5, d.y - 14, value, "Courier", 10.5)
        d.y -= 25

    def address(self, a, mode, pc_style):
        lines = addr_lines(a, mode) if a else []
        self.box(lines, lines=4)
        self.inline("Postcode", fmt_pc(a["postcode"], pc_style) if a else "", lw=60, bw=90)

    def declaration(self, text, decl, seed):
        d = self.d
        d.ensure(len(simpleSplit(text, "Helvetica", 8.5, self.x1 - self.x0)) * 10.6 + 50)
        d.para(self.x0, text, self.x1 - self.x0, "Helvetica", 8.5)
        d.y -= 4
        d.ensure(40)
        d.text(self.x0, d.y - 20, "Signature", "Helvetica-Bold", 9)
        d.c.rect(self.x0 + 60, d.y - 28, 170, 28)
        squiggle(d.c, self.x0 + 70, d.y - 16, 120, seed)
        d.text(self.x0 + 260, d.y - 20, "Date", "Helvetica-Bold", 9)
        y0 = d.y
        d.y -= 6
        self.datebox(decl, x=self.x0 + 290)
        d.y = min(d.y, y0 - 40)

    def office(self, extra):
        d = self.d
        d.ensure(92)
        d.y -= 6
        d.c.setLineWidth(1.4)
        d.c.rect(self.x0, d.y - 82, self.x1 - self.x0, 82)
        d.c.setLineWidth(1)
        d.c.setFillColor(colors.HexColor("#eeeeee"))
        d.c.rect(self.x0, d.y - 14, self.x1 - self.x0, 14, fill=1, stroke=0)
        d.text(self.x0 + 6, d.y - 10, "OFFICE USE ONLY - do not write in this panel", "Helvetica-Bold", 8)
        items = ["Date received", "Scanned by", "Account verified   Y / N", "Evidence seen   Y / N"] + extra
        for i, it in enumerate(items):
            col, row = i % 2, i // 2
            xx = self.x0 + 8 + col * 260
            yy = d.y - 32 - row * 16
            d.text(xx, yy, it, "Helvetica", 7.5)
            d.c.line(xx + 100, yy - 2, xx + 240, yy - 2)
        d.y -= 90


def render_guidance_spd(sc, path, rr):
    g = Guidance(path, "Council Tax - Single Person Discount application", "CTX/SPD1 (rev. 04/25)", rr)
    d = g.d
    d.para(42, "Please complete this form in black ink and return it to us. Read the notes in the shaded panels before "
               "you answer. If you need help filling in this form, ring 01632 960000 or visit the Customer Service Centre "
               "at Moorgate House. Incomplete forms may delay your application.", W - 84, size=8.5)
    g.sec_no = 1; g.qn = 0
    g.section("Part 1   About you and your home")
    g.label("Council Tax account number")
    g.note("Your account number is shown at the top right of your bill. It has 8 digits. Write one digit in each box.")
    g.charboxes(sc["account_ref"], 8)
    g.label("Your full name")
    g.box(name_written(sc))
    g.label("Address of the property you are claiming for")
    g.address(sc["addr"], sc["amode"], sc["pcs"])
    g.label("Daytime telephone number")
    g.box(sc["phone"] or "", width=220)
    g.label("Email address (optional)")
    g.box(sc["email"] or "", width=300)
    g.sec_no = 2; g.qn = 0
    g.section("Part 2   About who lives at the property")
    g.note("You may be entitled to a 25% reduction if you are the only adult (aged 18 or over) who lives at the property "
           "as their main home. Some people, such as full-time students and carers, are not counted - please ring us "
           "if this applies.")
    g.label("From what date have you been the only adult living there?")
    g.datebox(sc["since"])
    g.label("If someone has moved out, what is their name?")
    g.box(sc["other"] or "")
    g.label("Their new address, if you know it")
    g.box(sc["fwd"] or "")
    g.label("Please tell us briefly what has changed")
    desc = fill_desc(sc, lambda x: fmt_date(x, sc["dstyle"]))
    g.box(simpleSplit(desc, "Courier", 10.5, W - 100) if desc else [], lines=3)
    g.sec_no = 3; g.qn = 0
    g.section("Part 3   Declaration")
    g.declaration("I declare that the information I have given on this form is correct and complete to the best of my "
                  "knowledge. I understand that I must tell the Council within 21 days if anyone aged 18 or over comes "
                  "to live at the property, and that giving false information may lead to a penalty or prosecution.",
                  sc["decl"], sc["idx"])
    g.office(["Discount start", "Entered on system"])
    d.save()


def render_guidance_move(sc, path, rr):
    g = Guidance(path, "Council Tax - Moving home (change of address)", "CTX/MOV2 (rev. 09/24)", rr)
    d = g.d
    d.para(42, "Use this form to tell us you are moving into, out of, or within Ashcombe Moor. Please complete every "
               "part that applies to you, in black ink. Notes in the shaded panels will help you.", W - 84, size=8.5)
    g.sec_no = 1; g.qn = 0
    g.section("Section 1   Your move")
    g.label("Please mark one box with an X")
    opts = ["I am moving INTO a property in Ashcombe Moor", "I am moving OUT of a property in Ashcombe Moor"]
    g.choice(opts, opts[0] if sc["move_type"] == "in" else opts[1])
    g.label("Date of your move")
    g.note("This is the date your tenancy or ownership starts or ends - usually the day you get or hand back the keys, "
           "not the day your furniture was moved.")
    g.datebox(sc["mdate"])
    g.sec_no = 2; g.qn = 0
    g.section("Section 2   About you")
    g.label("Full name")
    g.box(name_written(sc))
    g.label("Contact telephone")
    g.box(sc["phone"] or "", width=220)
    g.label("Email")
    g.box(sc["email"] or "", width=300)
    g.sec_no = 3; g.qn = 0
    g.section("Section 3   The address you are leaving")
    g.note("If you are leaving a property in Ashcombe Moor, please give your Council Tax account number so we can "
           "close your account and send a final bill. If you are moving to us from another area, just give your old address.")
    g.label("Council Tax account number (if known)")
    g.charboxes(sc["account_ref"] or "", 8)
    g.label("Address")
    g.address(sc["prev"], sc["amode"], sc["pcs"])
    g.sec_no = 4; g.qn = 0
    g.section("Section 4   The address you are moving to")
    g.note("If you are moving out of the borough, this is your forwarding address - we will send your final bill here.")
    g.label("Address")
    g.address(sc["new"], sc["amode"], sc["pcs"])
    g.sec_no = 5; g.qn = 0
    g.section("Section 5   Declaration")
    g.declaration("I confirm that the information on this form is true. I understand that the Council may check it "
                  "with other records it holds.", sc["decl"], sc["idx"])
    g.office(["New a/c no.", "Final bill issued"])
    d.save()


# ---------------------------------------------------------------------------
# Layout 2: two_column  (A4 leaflet-style form, questions flow down left then right column)
# ---------------------------------------------------------------------------
NAVY = colors.HexColor("#23395d")


class TwoCol:
    def __init__(self, path, title, sub):
        self.title = title
        self.sub = sub
        self.c = canvas.Canvas(path, pagesize=A4, invariant=1)
        self.c.setTitle(title)
        self.c.setAuthor(COUNCIL)
        self.cols = [(36, 286), (309, 559)]
        self.col = 0
        self.top = self.header()
        self.y = self.top
        self.q = 0

    def header(self):
        c = self.c
        c.setFillColor(NAVY)
        c.rect(0, H - 70, W, 70, fill=1, stroke=0)
        c.setFillColor(colors.white)
        c.setFont("Helvetica-Bold", 16)
        c.drawString(36, H - 34, "ASHCOMBE MOOR")
        c.setFont("Helvetica", 9)
        c.drawString(36, H - 48, "BOROUGH COUNCIL")
        c.setFont("Helvetica-Bold", 13)
        c.drawRightString(W - 36, H - 34, self.title)
        c.setFont("Helvetica", 8)
        c.drawRightString(W - 36, H - 48, self.sub)
        c.setFillColor(colors.black)
        c.setFont("Helvetica", 7.5)
        c.drawString(36, H - 84, "Please answer all questions in Sections 1 to 3 and sign the declaration. "
                                 "Questions continue in the right-hand column.")
        c.setStrokeColor(colors.lightgrey)
        c.line(297.5, H - 95, 297.5, 70)
        c.setStrokeColor(colors.black)
        return H - 100

    def next_col(self):
        self.col += 1
        self.y = self.top

    def x(self):
        return self.cols[self.col]

    def section(self, s):
        x0, x1 = self.x()
        self.c.setFillColor(colors.HexColor("#dfe6f0"))
        self.c.rect(x0, self.y - 15, x1 - x0, 15, fill=1, stroke=0)
        self.c.setFillColor(NAVY)
        self.c.setFont("Helvetica-Bold", 9)
        self.c.drawString(x0 + 4, self.y - 11, s)
        self.c.setFillColor(colors.black)
        self.y -= 22

    def qline(self, label, value, lw=None):
        """label left, answer on a dotted line to its right"""
        x0, x1 = self.x()
        self.q += 1
        c = self.c
        c.setFont("Helvetica-Bold", 8)
        c.drawString(x0, self.y - 10, f"{self.q}")
        c.setFont("Helvetica", 8)
        c.drawString(x0 + 12, self.y - 10, label)
        lw = lw or (pdfmetrics.stringWidth(label, "Helvetica", 8) + 18)
        c.setDash(1, 2)
        c.line(x0 + lw, self.y - 12, x1, self.y - 12)
        c.setDash()
        if value:
            c.setFont("Times-Roman", 10.5)
            c.drawString(x0 + lw + 3, self.y - 10, value)
        self.y -= 19

    def qblock(self, label, lines, nlines=2):
        """label above, answer lines below"""
        x0, x1 = self.x()
        self.q += 1
        c = self.c
        c.setFont("Helvetica-Bold", 8)
        c.drawString(x0, self.y - 10, f"{self.q}")
        c.setFont("Helvetica", 8)
        c.drawString(x0 + 12, self.y - 10, label)
        self.y -= 14
        for i in range(max(nlines, len(lines))):
            c.setDash(1, 2)
            c.line(x0 + 12, self.y - 12, x1, self.y - 12)
            c.setDash()
            if i < len(lines):
                c.setFont("Times-Roman", 10.5)
                c.drawString(x0 + 14, self.y - 10, lines[i])
            self.y -= 16
        self.y -= 3

    def ticks(self, label, options, chosen, per_row=2):
        x0, x1 = self.x()
        self.q += 1
        c = self.c
        c.setFont("Helvetica-Bold", 8)
        c.drawString(x0, self.y - 10, f"{self.q}")
        c.setFont("Helvetica", 8)
        c.drawString(x0 + 12, self.y - 10, label)
        self.y -= 16
        colw = (x1 - x0 - 12) / per_row
        for i, o in enumerate(options):
            xx = x0 + 12 + (i % per_row) * colw
            f, g = tick_glyphs(o == chosen)
            c.setFont(f, 11)
            c.drawString(xx, self.y - 10, g)
            c.setFont("Helvetica", 9)
            c.drawString(xx + 16, self.y - 10, o)
            if i % per_row == per_row - 1 or i == len(options) - 1:
                self.y -= 15
        self.y -= 4

    def note(self, s):
        x0, x1 = self.x()
        for ln in simpleSplit(s, "Helvetica-Oblique", 7, x1 - x0):
            self.c.setFont("Helvetica-Oblique", 7)
            self.c.setFillColor(colors.HexColor("#444444"))
            self.c.drawString(x0, self.y - 8, ln)
            self.y -= 9
        self.c.setFillColor(colors.black)
        self.y -= 4

    def sign(self, decl_str, seed):
        x0, x1 = self.x()
        c = self.c
        c.setFont("Helvetica", 8)
        c.drawString(x0 + 12, self.y - 14, "Signed")
        c.setDash(1, 2)
        c.line(x0 + 45, self.y - 16, x1, self.y - 16)
        c.setDash()
        squiggle(c, x0 + 60, self.y - 12, 100, seed)
        self.y -= 24

    def save(self, code):
        c = self.c
        c.setFont("Helvetica", 6.5)
        c.drawString(36, 40, f"{code}  |  Data protection: we use your information to administer this application. "
                             "See ashcombemoor.gov.uk/privacy")
        c.showPage()
        c.save()


def two_name(t, sc):
    p = sc["person"]
    t.qline("Title (Mr/Mrs/Ms/Miss/Dr/other)", sc.get("title") or "")
    t.qline("First name(s)", p["first"])
    t.qline("Surname", p["last"])


def render_twocol_spd(sc, path, rr):
    t = TwoCol(path, "Single Person Discount", "Council Tax - tell us you now live alone   Form SPD/2C")
    t.section("Section 1   The account holder")
    two_name(t, sc)
    t.qline("Council Tax reference", fmt_ref(sc["account_ref"], sc["refs"]))
    t.qblock("Address of the property (not the postcode)", addr_lines(sc["addr"], sc["amode"]), 3)
    t.qline("Postcode", fmt_pc(sc["addr"]["postcode"], sc["pcs"]))
    t.qline("Phone number", sc["phone"] or "")
    t.qline("Email", sc["email"] or "")
    t.note("We may contact you if we need more information. We will not share your email address.")
    t.next_col()
    t.section("Section 2   Who lives with you")
    t.qline("I have been the only adult resident from", fmt_date(sc["since"], sc["dstyle"]))
    t.note("Give the date the last other adult (18+) moved out. Do not count anyone under 18.")
    t.qline("Name of the adult who has left", sc["other"] or "")
    t.qblock("Where have they gone to live? (forwarding address)", [sc["fwd"]] if sc["fwd"] else [], 2)
    desc = fill_desc(sc, lambda x: fmt_date(x, sc["dstyle"]))
    t.qblock("What has changed in your household?", simpleSplit(desc, "Times-Roman", 10.5, 230) if desc else [], 3)
    t.section("Section 3   Declaration")
    t.note("I declare that I am the only adult living at the above address as my main home and that the information "
           "I have given is correct. I will tell the Council within 21 days if this changes.")
    t.sign("", sc["idx"])
    t.qline("Date", fmt_date(sc["decl"], sc["dstyle"]))
    t.c.setStrokeColor(colors.grey)
    t.c.rect(309, 90, 250, 60)
    t.c.setFont("Helvetica-Bold", 7)
    t.c.drawString(313, 140, "FOR OFFICE USE")
    t.c.setFont("Helvetica", 7)
    t.c.drawString(313, 126, "Logged: ..................   Officer: ..................")
    t.c.drawString(313, 110, "SPD effective from: ....................................")
    t.c.drawString(313, 96, "Reviewed: ..........")
    t.save("SPD/2C  v3  March 2025")


def render_twocol_permit(sc, path, rr):
    t = TwoCol(path, "Residents' Parking Permit", "Application for a resident permit (one vehicle per form)")
    t.section("Section 1   About you")
    two_name(t, sc)
    t.qblock("Home address", addr_lines(sc["addr"], sc["amode"]), 3)
    t.qline("Postcode", fmt_pc(sc["addr"]["postcode"], sc["pcs"]))
    t.qline("Daytime phone", sc["phone"] or "")
    t.qline("Email", sc["email"] or "")
    t.note("You must live at this address as your main home. We check applications against Council Tax and electoral "
           "registration records.")
    t.section("Section 2   Your vehicle")
    t.qline("Registration number", fmt_vrm(sc["vrm"], sc["vs"]) if sc["vrm"] else "")
    t.qline("Make", sc["make"] or "")
    t.qline("Model", sc["model"] or "")
    t.qline("Colour", sc["colour"])
    t.next_col()
    t.section("Section 3   Your permit")
    t.ticks("Which zone do you live in? (tick one)", ["Fore Street", "Zone A1", "Zone A2", "Quay"], sc["zone"])
    t.note("Zone boundaries are shown on the map at ashcombemoor.gov.uk/parking. A household may hold no more than two "
           "resident permits.")
    t.qline("Start the permit on", fmt_date(sc["start"], sc["dstyle"]))
    t.note("Permits last 12 months from the start date. The charge is GBP 48 for the first permit and GBP 72 for a second.")
    t.section("Section 4   Declaration")
    t.note("I confirm that I live at the address given, that the vehicle is kept there and that the information on this "
           "form is correct. I understand that a permit obtained with false information will be cancelled.")
    t.sign("", sc["idx"])
    t.qline("Date", fmt_date(sc["decl"], sc["dstyle"]))
    t.c.setStrokeColor(colors.grey)
    t.c.rect(309, 90, 250, 60)
    t.c.setFont("Helvetica-Bold", 7)
    t.c.drawString(313, 140, "FOR OFFICE USE")
    t.c.setFont("Helvetica", 7)
    t.c.drawString(313, 126, "Permit no: ...................   Paid: Y / N")
    t.c.drawString(313, 110, "Proof of residence seen: ..........................")
    t.c.drawString(313, 96, "Checked by: ..........")
    t.save("PKG/RP1  rev. 01/2026")


# ---------------------------------------------------------------------------
# Layout 3: fillable_pdf  (AcroForm fields hold every answer)
# ---------------------------------------------------------------------------
class Fill:
    def __init__(self, path, title, code):
        self.c = canvas.Canvas(path, pagesize=A4, invariant=1)
        self.c.setTitle(title)
        self.c.setAuthor(COUNCIL)
        self.code = code
        self.title = title
        self.n = 0
        self.y = self.header()

    def header(self):
        c = self.c
        c.setStrokeColor(colors.HexColor("#7a1f2b"))
        c.setLineWidth(3)
        c.line(40, H - 40, W - 40, H - 40)
        c.setLineWidth(1)
        c.setFont("Helvetica-Bold", 11)
        c.drawString(40, H - 58, COUNCIL.upper())
        c.setFont("Helvetica-Bold", 15)
        c.drawString(40, H - 80, self.title)
        c.setFont("Helvetica", 8)
        c.drawString(40, H - 94, "You can type into this form. Save it and email it to the address at the end, "
                                 "or print it and post it to us.")
        c.drawRightString(W - 40, H - 58, self.code)
        return H - 110

    def heading(self, s):
        self.c.setFont("Helvetica-Bold", 10)
        self.c.setFillColor(colors.HexColor("#7a1f2b"))
        self.c.drawString(40, self.y - 12, s)
        self.c.setFillColor(colors.black)
        self.y -= 20

    def field(self, label, value, x=40, w=515, name=None, newline=True, h=18):
        self.n += 1
        c = self.c
        c.setFont("Helvetica", 8)
        c.drawString(x, self.y - 9, label)
        c.acroForm.textfield(name=name or f"Text{self.n}", value=value or "", x=x, y=self.y - 13 - h, width=w,
                             height=h, fontName="Helvetica", fontSize=10, borderWidth=1,
                             borderColor=colors.HexColor("#888888"), fillColor=colors.HexColor("#eef3fb"),
                             textColor=colors.black, forceBorder=True, maxlen=200)
        if newline:
            self.y -= h + 19

    def row(self, specs):
        """several fields side by side: list of (label, value, width, name)"""
        x = 40
        for lab, val, w, nm in specs:
            self.field(lab, val, x=x, w=w, name=nm, newline=False)
            x += w + 12
        self.y -= 37

    def check(self, label, on, name, x=40):
        self.n += 1
        c = self.c
        c.acroForm.checkbox(name=name, x=x, y=self.y - 14, size=12, checked=bool(on), buttonStyle="cross",
                            borderColor=colors.HexColor("#555555"), fillColor=colors.white, fieldFlags="")
        c.setFont("Helvetica", 9)
        c.drawString(x + 18, self.y - 11, label)

    def text(self, s, size=8):
        for ln in simpleSplit(s, "Helvetica", size, W - 80):
            self.c.setFont("Helvetica", size)
            self.c.drawString(40, self.y - size, ln)
            self.y -= size + 2.5
        self.y -= 4

    def save(self):
        self.c.setFont("Helvetica", 7)
        self.c.drawString(40, 30, f"{self.code} - return to {self.ret}")
        self.c.showPage()
        self.c.save()


def fill_addr(f, a, mode, prefix, pcs, tag):
    if a and a.get("line2"):
        mode = "one"
    lines = addr_lines(a, mode, with_town=False) if a else []
    l1 = lines[0] if lines else ""
    l2 = ", ".join(lines[1:]) if len(lines) > 1 else ""
    f.row([(f"{prefix} - line 1", l1, 300, f"{tag}Addr1"), ("Line 2", l2, 203, f"{tag}Addr2")])
    f.row([("Town", a["town"] if a else "", 200, f"{tag}Town"),
           ("Postcode", fmt_pc(a["postcode"], pcs) if a else "", 100, f"{tag}Postcode")])


def render_fill_move(sc, path, rr):
    f = Fill(path, "Council Tax: moving in or out", "CT-MV-F (fillable) 2026")
    f.ret = "counciltax@ashcombemoor.gov.uk"
    f.heading("1. Your move")
    f.check("I am moving in (new Council Tax account)", sc["move_type"] == "in", "Check Box1")
    f.check("I am moving out", sc["move_type"] == "out", "Check Box2", x=300)
    f.y -= 24
    f.row([("Date of move (DD/MM/YYYY)", fmt_date(sc["mdate"], sc["dstyle"]) if sc["mdate"] else "", 150, "MoveDate"),
           ("Council Tax account no. (if you have one)", fmt_ref(sc["account_ref"], sc["refs"]) if sc["account_ref"] else "",
            200, "Text3")])
    f.heading("2. Your details")
    f.field("Name of the person(s) responsible for the bill", name_written(sc), name="Name")
    f.row([("Phone", sc["phone"] or "", 200, "Phone"), ("Email address", sc["email"] or "", 303, "Email")])
    f.heading("3. Address you are leaving")
    f.text("If you are leaving a property in Ashcombe Moor we will close the account from your move date.")
    fill_addr(f, sc["prev"], sc["amode"], "Address", sc["pcs"], "Old")
    f.heading("4. New address")
    f.text("Moving in: the address in Ashcombe Moor you have moved to. Moving out: where we should send your final bill.")
    fill_addr(f, sc["new"], sc["amode"], "Address", sc["pcs"], "New")
    f.heading("5. Declaration")
    f.text("By typing your name and the date below you confirm the details you have given are correct. A false statement "
           "may be an offence.")
    f.row([("Signature (type your name)", name_written(sc), 300, "Signature"),
           ("Date", fmt_date(sc["decl"], sc["dstyle"]), 120, "Date")])
    f.save()


def render_fill_permit(sc, path, rr):
    f = Fill(path, "Resident parking permit application", "PKG-RP-F 2026")
    f.ret = "parking@ashcombemoor.gov.uk"
    f.heading("Applicant")
    f.field("Full name", name_written(sc), name="Applicant Name")
    fill_addr(f, sc["addr"], sc["amode"], "Home address", sc["pcs"], "")
    f.row([("Telephone", sc["phone"] or "", 200, "Tel"), ("Email", sc["email"] or "", 303, "EmailAddr")])
    f.heading("Vehicle")
    f.row([("Vehicle registration", fmt_vrm(sc["vrm"], sc["vs"]) if sc["vrm"] else "", 150, "VRM"),
           ("Manufacturer", sc["make"] or "", 160, "Make"), ("Model", sc["model"] or "", 181, "Model")])
    f.heading("Permit zone (tick one)")
    for i, z in enumerate(["Fore Street", "Zone A1", "Zone A2", "Quay"]):
        f.check(z, sc["zone"] == z, f"Zone{i + 1}", x=40 + i * 128)
    f.y -= 26
    f.row([("Permit start date", fmt_date(sc["start"], sc["dstyle"]), 150, "StartDate")])
    f.text("Permits are valid for one year. Each household may have up to two resident permits. Visitor vouchers are "
           "applied for separately.")
    f.heading("Declaration")
    f.text("I confirm I am resident at the address above and the vehicle is kept there.")
    f.row([("Signed", name_written(sc), 300, "Sig"), ("Date", fmt_date(sc["decl"], sc["dstyle"]), 120, "SigDate")])
    f.save()


# ---------------------------------------------------------------------------
# Layout 4: portal_print  (browser print of an online form's "check your answers" summary)
# ---------------------------------------------------------------------------
class Portal:
    def __init__(self, path, title, url, ref, submitted, printed):
        self.title = title
        self.url = url
        self.ref = ref
        self.printed = printed
        self.submitted = submitted
        self.pages = 1
        self.d = Doc(path, f"{title} - {COUNCIL}", self.header, bottom=60, footer=self.foot)

    def header(self, d):
        c = d.c
        d.text(24, H - 20, self.printed, "Helvetica", 7.5)
        c.setFont("Helvetica", 7.5)
        c.drawCentredString(W / 2, H - 20, f"Check your answers - {COUNCIL}")
        c.setFillColor(colors.HexColor("#0b0c0c"))
        c.rect(24, H - 58, W - 48, 28, fill=1, stroke=0)
        d.text(34, H - 48, "Ashcombe Moor", "Helvetica-Bold", 13, colors.white)
        d.text(140, H - 48, "| Online services", "Helvetica", 11, colors.white)
        d.rtext(W - 34, H - 48, "")
        c.setFillColor(colors.HexColor("#1d70b8"))
        c.rect(24, H - 62, W - 48, 4, fill=1, stroke=0)
        c.setFillColor(colors.black)
        if d.page == 1:
            d.text(40, H - 80, "Home  >  Council tax  >  " + self.title, "Helvetica", 7.5, colors.HexColor("#1d70b8"))
            d.text(40, H - 108, self.title, "Helvetica-Bold", 19)
            d.text(40, H - 128, f"Application reference: {self.ref}", "Helvetica", 10)
            d.text(40, H - 142, f"Submitted: {self.submitted}", "Helvetica", 10)
            return H - 158
        return H - 78

    def foot(self, d):
        d.text(24, 20, self.url, "Helvetica", 7.5)
        d.rtext(W - 24, 20, f"{d.page}/{self.pages}", "Helvetica", 7.5)

    def h2(self, s):
        d = self.d
        d.ensure(40)
        d.y -= 10
        d.text(40, d.y - 14, s, "Helvetica-Bold", 13)
        d.y -= 24

    def row(self, key, value, change=True):
        d = self.d
        vals = value if isinstance(value, list) else [value]
        wrapped = []
        for v in vals:
            wrapped += simpleSplit(v, "Helvetica", 10, 250) or [""]
        kl = simpleSplit(key, "Helvetica-Bold", 10, 170)
        h = max(len(wrapped), len(kl)) * 13 + 10
        d.ensure(h)
        for i, k in enumerate(kl):
            d.text(40, d.y - 13 - i * 13, k, "Helvetica-Bold", 10)
        for i, v in enumerate(wrapped):
            d.text(225, d.y - 13 - i * 13, v, "Helvetica", 10)
        if change:
            d.text(500, d.y - 13, "Change", "Helvetica", 10, colors.HexColor("#1d70b8"))
        d.c.setStrokeColor(colors.HexColor("#b1b4b6"))
        d.c.line(40, d.y - h + 2, W - 40, d.y - h + 2)
        d.c.setStrokeColor(colors.black)
        d.y -= h + 2


def portal_addr(a, sc):
    return addr_lines(a, sc["amode"]) + [fmt_pc(a["postcode"], sc["pcs"])]


def portal_common(sc, title, url, prefix):
    sub = sc["decl"]
    hh, mm = sc["sub_time"]
    refno = f"{prefix}-{sub.year % 100}-{sc['portal_no']:05d}"
    pm = hh * 60 + mm + sc["print_gap"]
    printed = f"{sub.strftime('%d/%m/%Y')}, {min(23, pm // 60):02d}:{pm % 60:02d}"
    return title, url, refno, f"{sub.day} {MONTHS[sub.month]} {sub.year} at {hh}:{mm:02d}", printed


def portal_decl(P, sc, text):
    P.h2("Declaration")
    P.row("Declaration", text, change=False)
    P.row("Date of declaration", fmt_date(sc["decl"], sc["dstyle"]), change=False)
    d = P.d
    d.y -= 14
    d.para(40, "Now send your application. By submitting you confirm the details are correct to the best of your "
               "knowledge. You will receive an email confirmation.", 500, size=9)
    d.ensure(30)
    d.c.setFillColor(colors.HexColor("#00703c"))
    d.c.rect(40, d.y - 26, 150, 24, fill=1, stroke=0)
    d.text(52, d.y - 18, "Accept and send", "Helvetica-Bold", 11, colors.white)
    d.y -= 34


def portal_render(P, build):
    # two-pass to know the page count for the footer ("1/2")
    build(P)
    P.d.save()


def render_portal_spd(sc, path, rr):
    args = portal_common(sc, "Single person discount", "https://my.ashcombemoor.gov.uk/council-tax/spd/check-answers", "SPD")
    for pages_guess in (1, 2):
        P = Portal(path, *args)
        P.pages = sc.get("_pages", 1)
        P.h2("Your details")
        P.row("Full name", name_written(sc))
        P.row("Phone number", sc["phone"] or "Not provided")
        P.row("Email address", sc["email"] or "Not provided")
        P.h2("Your property")
        P.row("Council tax account number", fmt_ref(sc["account_ref"], sc["refs"]))
        P.row("Address", portal_addr(sc["addr"], sc))
        P.h2("Your household")
        P.row("Date you became the only adult living at the address", fmt_date(sc["since"], sc["dstyle"]))
        P.row("Name of the adult who moved out", sc["other"] or "Not provided")
        if sc["other"]:
            P.row("Their new address", sc["fwd"] or "I don't know")
        desc = fill_desc(sc, lambda x: fmt_date(x, sc["dstyle2"]))
        P.row("Tell us what changed", desc or "Not provided")
        portal_decl(P, sc, "I confirm I am the only adult living at this address as my main home.")
        P.d.save()
        if P.d.page == P.pages:
            break
        sc["_pages"] = P.d.page


def render_portal_move(sc, path, rr):
    args = portal_common(sc, "Tell us you are moving", "https://my.ashcombemoor.gov.uk/council-tax/moving/check-answers", "MOV")
    while True:
        P = Portal(path, *args)
        P.pages = sc.get("_pages", 1)
        P.h2("Your move")
        P.row("Are you moving in or out?", "Moving into Ashcombe Moor" if sc["move_type"] == "in"
              else "Moving out of a property in Ashcombe Moor")
        P.row("Moving date", fmt_date(sc["mdate"], sc["dstyle"]))
        P.h2("About you")
        P.row("Your name", name_written(sc))
        P.row("Telephone", sc["phone"] or "Not provided")
        P.row("Email", sc["email"] or "Not provided")
        if sc["move_type"] == "out":
            P.h2("The property you are leaving")
            P.row("Council tax account number", fmt_ref(sc["account_ref"], sc["refs"]))
            P.row("Address you are leaving", portal_addr(sc["prev"], sc))
            P.h2("Your forwarding address")
            P.row("Forwarding address", portal_addr(sc["new"], sc) if sc["new"] else "I don't know yet")
        else:
            P.h2("Your new home")
            P.row("Address you are moving into", portal_addr(sc["new"], sc))
            P.row("Where did you live before?", portal_addr(sc["prev"], sc) if sc["prev"] else "Not provided")
        portal_decl(P, sc, "The information I have given is correct and complete.")
        P.d.save()
        if P.d.page == P.pages:
            break
        sc["_pages"] = P.d.page


def render_portal_permit(sc, path, rr):
    args = portal_common(sc, "Apply for a resident parking permit",
                         "https://my.ashcombemoor.gov.uk/parking/resident-permit/check-answers", "RPP")
    while True:
        P = Portal(path, *args)
        P.pages = sc.get("_pages", 1)
        P.h2("Applicant")
        P.row("Name", name_written(sc))
        P.row("Home address", portal_addr(sc["addr"], sc))
        P.row("Contact phone", sc["phone"] or "Not provided")
        P.row("Email", sc["email"] or "Not provided")
        P.h2("Vehicle")
        P.row("Vehicle registration number", fmt_vrm(sc["vrm"], sc["vs"]))
        P.row("Vehicle make", sc["make"] or "Not provided")
        P.h2("Permit")
        P.row("Permit zone", sc["zone"])
        P.row("When do you want the permit to start?", fmt_date(sc["start"], sc["dstyle"]))
        P.row("Permit length", "12 months", change=False)
        portal_decl(P, sc, "I live at this address and the vehicle is kept there.")
        P.d.save()
        if P.d.page == P.pages:
            break
        sc["_pages"] = P.d.page


# ---------------------------------------------------------------------------
# Layout 5: backoffice_print  (contact-centre case print from the revenues/parking system)
# ---------------------------------------------------------------------------
class Back:
    def __init__(self, path, system, casetype, sc):
        self.c = canvas.Canvas(path, pagesize=A4, invariant=1)
        self.c.setTitle(f"Case print {sc['case']}")
        self.y = H - 40
        self.sc = sc
        run = min(ASOF, sc["decl"] + timedelta(days=sc["print_lag"]))
        mon = MONTHS[run.month][:3].upper()
        self.line(f"ASHCOMBE MOOR BOROUGH COUNCIL          {system}")
        self.line(f"RUN {run.day:02d}-{mon}-{run.year} {sc['print_time']}    USER {sc['user']}    PRINTED FROM CASE VIEW   PAGE 1")
        self.line("=" * 92)
        self.kv("Case number", sc["case"])
        self.kv("Case type", casetype)
        self.kv("Channel", sc["channel"])
        self.kv("Status", "OPEN - AWAITING ASSESSMENT")
        self.line("-" * 92)

    def line(self, s, size=8.6, font="Courier"):
        self.c.setFont(font, size)
        self.c.drawString(34, self.y, s)
        self.y -= 11.5

    def kv(self, k, v, cont=None):
        lab = (k + " ").ljust(24, ".") + ": "
        self.line(lab + (v or ""))
        for extra in cont or []:
            self.line(" " * len(lab) + extra)

    def block(self, title, text):
        self.line("")
        self.line(title + ":")
        for ln in simpleSplit(text, "Courier", 8.6, W - 90):
            self.line("  " + ln)

    def save(self, audit):
        self.line("")
        self.line("-" * 92)
        self.line("AUDIT TRAIL")
        for a in audit:
            self.line("  " + a)
        self.line("-" * 92)
        self.line("*** END OF CASE PRINT ***   Printed copies are uncontrolled. OFFICIAL-SENSITIVE")
        self.c.showPage()
        self.c.save()


def back_addr(b, k, a, sc):
    lines = addr_lines(a, sc["amode"])
    b.kv(k, lines[0], lines[1:])
    b.kv(k.split()[0] + " postcode", fmt_pc(a["postcode"], sc["pcs"]))


def back_audit(sc):
    d = sc["decl"]
    s = d.strftime("%d/%m/%Y")
    return [f"{s} {sc['t1']}  {sc['user']:<8} Case created ({sc['channel'].lower()})",
            f"{s} {sc['t2']}  {sc['user']:<8} Declaration read to customer - accepted",
            f"{s} {sc['t2']}  SYSTEM   Routed to queue REV-INBOUND"]


def render_back_spd(sc, path, rr):
    b = Back(path, "REVENUES & BENEFITS  -  RBX CASE MANAGER 7.3", "CTAX DISCOUNT - SINGLE PERSON (SPD)", sc)
    b.kv("Council Tax a/c", fmt_ref(sc["account_ref"], sc["refs"]))
    b.kv("Customer name", name_written(sc))
    back_addr(b, "Property address", sc["addr"], sc)
    b.kv("Contact tel", sc["phone"] or "")
    b.kv("Contact email", sc["email"] or "")
    b.line("")
    b.kv("Sole adult from", fmt_date(sc["since"], sc["dstyle"]))
    b.kv("Other adult (left)", sc["other"] or "")
    b.kv("Other adult fwd addr", sc["fwd"] or "")
    desc = fill_desc(sc, lambda x: fmt_date(x, sc["dstyle2"]))
    if desc:
        b.block("Customer statement - what has changed", desc)
    b.line("")
    b.kv("Declaration accepted", "Y")
    b.kv("Declaration date", fmt_date(sc["decl"], sc["dstyle"]))
    b.save(back_audit(sc))


def render_back_move(sc, path, rr):
    b = Back(path, "REVENUES & BENEFITS  -  RBX CASE MANAGER 7.3", "CTAX CHANGE OF ADDRESS", sc)
    b.kv("Movement", "IN  (occupying)" if sc["move_type"] == "in" else "OUT (vacating)")
    b.kv("Effective date of move", fmt_date(sc["mdate"], sc["dstyle"]))
    b.kv("Customer name", name_written(sc))
    b.kv("Contact tel", sc["phone"] or "")
    b.kv("Contact email", sc["email"] or "")
    b.line("")
    if sc["move_type"] == "out":
        b.kv("Council Tax a/c", fmt_ref(sc["account_ref"], sc["refs"]))
        back_addr(b, "Vacated address", sc["prev"], sc)
        if sc["new"]:
            back_addr(b, "Forwarding address", sc["new"], sc)
        else:
            b.kv("Forwarding address", "NOT KNOWN")
    else:
        back_addr(b, "Occupied address", sc["new"], sc)
        if sc["prev"]:
            back_addr(b, "Previous address", sc["prev"], sc)
    b.line("")
    b.kv("Declaration accepted", "Y")
    b.kv("Declaration date", fmt_date(sc["decl"], sc["dstyle"]))
    b.save(back_audit(sc))


def render_back_permit(sc, path, rr):
    b = Back(path, "PARKING SERVICES  -  PERMITDESK 4", "RESIDENT PERMIT - NEW APPLICATION", sc)
    b.kv("Applicant", name_written(sc))
    back_addr(b, "Permit address", sc["addr"], sc)
    b.kv("Contact tel", sc["phone"] or "")
    b.kv("Contact email", sc["email"] or "")
    b.line("")
    b.kv("VRM", fmt_vrm(sc["vrm"], sc["vs"]))
    b.kv("Vehicle make", sc["make"] or "")
    b.kv("CPZ requested", sc["zone"])
    b.kv("Permit start", fmt_date(sc["start"], sc["dstyle"]))
    b.kv("Duration", "12 MONTHS")
    b.line("")
    b.kv("Declaration accepted", "Y")
    b.kv("Declaration date", fmt_date(sc["decl"], sc["dstyle"]))
    b.save(back_audit(sc))


# ---------------------------------------------------------------------------
# Layout 6: letter_email  (letters and printed emails, prose)
# ---------------------------------------------------------------------------
def letter_doc(path, sc, sender_lines, date_str, recipient, subject, paras, signoff, signature_lines):
    d = Doc(path, subject or "Letter", lambda d: H - 50, bottom=60)
    c = d.c
    y = H - 60
    font = sc.get("lfont", "Times-Roman")
    for ln in sender_lines:
        c.setFont(font, 11)
        c.drawRightString(W - 60, y, ln)
        y -= 14
    y -= 10
    if date_str:
        c.drawRightString(W - 60, y, date_str)
    y -= 22
    for ln in recipient:
        c.setFont(font, 11)
        c.drawString(60, y, ln)
        y -= 14
    y -= 18
    c.drawString(60, y, sc.get("salutation", "Dear Sir or Madam,"))
    y -= 22
    if subject:
        c.setFont(font.replace("-Roman", "-Bold") if "Times" in font else font + "-Bold", 11)
        c.drawString(60, y, subject)
        y -= 22
    d.y = y + 11
    for p in paras:
        d.para(60, p, W - 120, font, 11, 14.5)
        d.y -= 8
    d.y -= 6
    d.ensure(80)
    c.setFont(font, 11)
    c.drawString(60, d.y - 11, signoff)
    if sc.get("person"):
        squiggle(c, 64, d.y - 38, 90, sc["idx"])
    yy = d.y - 62
    for ln in signature_lines:
        c.setFont(font, 11)
        c.drawString(60, yy, ln)
        yy -= 14
    d.save()


def email_doc(path, sc, from_, sent, to, subject, paras, sig_lines, greeting="Hello,"):
    d = Doc(path, subject, lambda d: H - 40, bottom=50)
    c = d.c
    d.text(40, H - 40, "Ashcombe Moor Borough Council Mail - " + subject[:60], "Helvetica", 7)
    d.text(40, H - 70, subject, "Helvetica-Bold", 13)
    y = H - 94
    for k, v in [("From:", from_), ("Sent:", sent), ("To:", to), ("Subject:", subject)]:
        d.text(40, y, k, "Helvetica-Bold", 9.5)
        d.text(95, y, v, "Helvetica", 9.5)
        y -= 13
    c.line(40, y - 2, W - 40, y - 2)
    d.y = y - 12
    d.para(40, greeting, W - 80, "Helvetica", 10, 13)
    d.y -= 6
    for p in paras:
        d.para(40, p, W - 80, "Helvetica", 10, 13)
        d.y -= 7
    for ln in sig_lines:
        d.para(40, ln, W - 80, "Helvetica", 10, 13)
    d.save()


def sent_str(sc):
    d = sc["decl"]
    hh, mm = sc["sub_time"]
    return f"{WEEKDAYS[d.weekday()]}, {d.day} {MONTHS[d.month]} {d.year} {hh:02d}:{mm:02d}"


def render_letter(sc, path, rr):
    t = sc["type"]
    if t == "correspondence":
        return render_corr(sc, path, rr)
    p = sc["person"]
    nm = name_written(sc)
    ds = lambda x: fmt_date(x, sc["dstyle"])
    if t == "council_tax_spd":
        a = sc["addr"]
        paras = [f"I am writing to ask for the single person discount on my council tax. My account number is "
                 f"{fmt_ref(sc['account_ref'], sc['refs'])}."]
        if sc["other"]:
            s = f"{sc['other']} moved out on {ds(sc['since'])} and since then I have been the only adult living here."
            if sc["fwd"]:
                s += f" Their new address is {sc['fwd']}."
            paras.append(s)
        else:
            paras.append(f"I have been the only adult living at the property since {ds(sc['since'])}.")
        paras.append("I confirm that the information in this letter is correct to the best of my knowledge and I "
                     "understand I must tell you if anyone else over 18 moves in.")
        contact = []
        if sc["phone"]:
            contact.append(f"by phone on {sc['phone']}")
        if sc["email"]:
            contact.append(f"by email at {sc['email']}")
        if contact:
            paras.append("If you need anything else you can contact me " + " or ".join(contact) + ".")
        letter_doc(path, sc, addr_lines(a, sc["amode"], county=True) + [fmt_pc(a["postcode"], sc["pcs"])],
                   ds(sc["decl"]), ["Council Tax Section", COUNCIL] + COUNCIL_ADDR,
                   "Re: Single person discount", paras, "Yours faithfully,", [nm])
    elif t == "council_tax_move" and sc["move_type"] == "out":
        prev, new = sc["prev"], sc["new"]
        past = sc["mdate"] <= sc["decl"]
        verb = "I moved out of" if past else "I am moving out of"
        paras = [f"Please be advised that {verb} {prev['line1']}, {prev['town']}, "
                 f"{fmt_pc(prev['postcode'], sc['pcs'])} on {ds(sc['mdate'])}. My council tax account number is "
                 f"{fmt_ref(sc['account_ref'], sc['refs'])}."]
        if new:
            lead = "My new address is" if past else "From that date my new address will be"
            paras.append(f"{lead} {new['line1']}, {new['town']}, {new['postcode']}. "
                         "Please send the final bill there.")
        paras.append("I confirm these details are correct. Thanks for your help.")
        sig = ["Kind regards,", nm] + ([sc["phone"]] if sc["phone"] else [])
        email_doc(path, sc, f"{nm} <{sc['email'] or email_for(p)}>", sent_str(sc), "counciltax@ashcombemoor.gov.uk",
                  f"Moving out - council tax {fmt_ref(sc['account_ref'], sc['refs'])}", paras, sig)
    elif t == "council_tax_move":
        new, prev = sc["new"], sc["prev"]
        verb = "I moved into" if sc["mdate"] <= sc["decl"] else "I am moving into"
        paras = [f"{verb} the address above on {ds(sc['mdate'])} and I need to register for council tax there. "
                 "I will be the person responsible for the bill."]
        if prev:
            paras.append(f"Before this I lived at {prev['line1']}, {prev['town']}, {prev['postcode']}.")
        paras.append("Please set up my account and let me know how much I need to pay. I confirm the above is correct.")
        if sc["phone"] or sc["email"]:
            paras.append("You can reach me on " + " or ".join(x for x in [sc["phone"], sc["email"]] if x) + ".")
        letter_doc(path, sc, addr_lines(new, sc["amode"]) + [fmt_pc(new["postcode"], sc["pcs"])], ds(sc["decl"]),
                   ["Council Tax", COUNCIL] + COUNCIL_ADDR, "New council tax account", paras, "Yours sincerely,", [nm])
    else:  # permit
        a = sc["addr"]
        paras = [f"I would like to apply for a residents' parking permit for {sc['zone']}, where I live."]
        if sc["vrm"]:
            car = f"The vehicle is a {sc['make']}, registration {fmt_vrm(sc['vrm'], sc['vs'])}." if sc["make"] else \
                f"The vehicle registration is {fmt_vrm(sc['vrm'], sc['vs'])}."
            paras.append(car)
        else:
            paras.append(f"I am collecting a new car{(' (a ' + sc['make'] + ')') if sc['make'] else ''} shortly and "
                         "do not have the registration number yet. I will let you know it as soon as I have it.")
        paras.append(f"I would like the permit to start on {ds(sc['start'])}. I confirm that I live at the address "
                     "above and that the car will be kept there. Please let me know how to pay.")
        if sc["phone"] or sc["email"]:
            paras.append("My contact details are " + " and ".join(x for x in [sc["phone"], sc["email"]] if x) + ".")
        letter_doc(path, sc, addr_lines(a, sc["amode"]) + [fmt_pc(a["postcode"], sc["pcs"])], ds(sc["decl"]),
                   ["Parking Services", COUNCIL] + COUNCIL_ADDR, "Residents' parking permit", paras,
                   "Yours faithfully,", [nm])


def corr_text(sc, rr):
    """Returns (subject, paragraphs, dates_in_body)."""
    topic, kind = sc["topic"], sc["kind"]
    dates = []

    def D(d, style="long"):
        dates.append(d)
        return fmt_date(d, style)

    st = sc["street"]
    base = sc["decl"]
    if topic == "missed_bin":
        d1 = base - timedelta(days=rr.randint(1, 6))
        while d1.weekday() != 1:
            d1 -= timedelta(days=1)
        d0 = d1 - timedelta(days=14)
        paras = [f"Our general waste bin was not collected on {D(d1, 'wlong')}. It was out at the kerb on {st} by "
                 "7am as usual and the rest of the street was emptied.",
                 f"This is the second time this has happened - it was also missed on {D(d0, 'dmy0')}. Please could "
                 "the crew come back for it this week, as it is now full and the foxes are getting at the bags."]
        subject = "Bin not collected"
    elif topic == "council_tax_query":
        d1 = base - timedelta(days=rr.randint(5, 20))
        ref = fmt_ref(sc["account_ref"], sc["refs"])
        paras = [f"I have received a revised council tax bill dated {D(d1, 'dmy0')} for account {ref}. The monthly "
                 "instalments have gone up from GBP 142 to GBP 168 and I cannot see why, as nothing has changed "
                 "in our household.",
                 "Could you please explain how the new amount has been worked out, and confirm whether my direct "
                 f"debit will still be taken on the 1st of the month? My next payment is due on {D(date(2027, 1, 1), 'long')}."]
        subject = f"Query about my council tax bill - account {ref}"
    elif topic == "complaint":
        d1 = base - timedelta(days=rr.randint(10, 40))
        paras = [f"I wish to make a formal complaint about the closure of the public toilets at the Quay car park, "
                 f"which have been locked since {D(d1, 'long')} with no notice or explanation.",
                 "Elderly residents and visitors rely on these facilities and the nearest alternative is over half a "
                 "mile away up a steep hill. When I telephoned the council I was told someone would call me back, "
                 "but nobody has. I would like a written response explaining why they were closed and when they will "
                 "reopen."]
        if sc["medium"] == "email":
            paras = [f"I want to complain about the play area at Abbey Close. I reported a broken swing and a "
                     f"missing section of fence on {D(d1, 'dmy0')} and was given a reference, but three weeks later "
                     "nothing has been done and the area is not even taped off.",
                     "Young children use this play area every day and the gap in the fence opens straight onto the "
                     "road. I am very unhappy with how this has been handled and expect a proper reply, not another "
                     "automated acknowledgement."]
        if kind == "anonymous":
            paras = [f"I am writing to complain about the state of the pavements on {st}. Since the utility works "
                     f"finished on {D(d1, 'dmy0')} the surface has been left broken and loose, and two people I know "
                     "have tripped on it.",
                     "The council should make the contractor put this right before someone is badly hurt. "
                     "I do not wish to give my name."]
        subject = "Formal complaint"
    elif topic == "foi_request":
        paras = ["Under the Freedom of Information Act 2000, please provide the following information:",
                 f"1. The number of residents' parking permits issued for each zone in Ashcombe between "
                 f"{D(date(2025, 4, 1), 'long')} and {D(date(2026, 3, 31), 'long')}.",
                 "2. The income received from those permits in the same period.",
                 "I would prefer to receive the information electronically. If any part of this request is unclear "
                 "please contact me."]
        subject = "Freedom of Information request - parking permits"
    else:  # other
        d1 = date(2027, 3, 13)
        paras = [f"I run the Merripit Cross book club and we would like to hire the main room at Moorgate Hall for "
                 f"an author talk on the evening of {D(d1, 'wlong')}, from 6pm to 9pm, for about 40 people.",
                 "Could you tell me whether the room is free that evening, what the hire charge is for a community "
                 "group, and whether we can use the kitchen for teas and coffees?"]
        subject = "Booking Moorgate Hall"
    return subject, paras, dates


def render_corr(sc, path, rr):
    subject, paras, dates = corr_text(sc, rr)
    sc["_body"] = collapse(" ".join(paras))
    seen = []
    for d in dates:
        if d.isoformat() not in seen:
            seen.append(d.isoformat())
    sc["_dates"] = seen
    nm = sc["person"]["full"] if sc["person"] else None
    a = sc["addr"]
    if sc["medium"] == "letter":
        sender = (addr_lines(a, sc["amode"]) + [fmt_pc(a["postcode"], sc["pcs"])]) if a else []
        team = {"missed_bin": "Waste & Recycling", "council_tax_query": "Council Tax Section",
                "complaint": "Customer Feedback Team", "foi_request": "Information Governance Officer",
                "other": "Customer Services"}[sc["topic"]]
        sig = [nm] if nm else ["A concerned resident"]
        if sc.get("phone") and nm:
            sig.append(f"Tel: {sc['phone']}")
        letter_doc(path, sc, sender, fmt_date(sc["decl"], sc["dstyle"]), [team, COUNCIL] + COUNCIL_ADDR,
                   "Re: " + subject, paras, "Yours faithfully," if nm else "Regards,", sig)
    else:
        p = sc["person"]
        sig = ["Many thanks,", nm]
        if a:
            sig += [", ".join(addr_lines(a, "one")) + ", " + fmt_pc(a["postcode"], sc["pcs"])]
        if sc.get("phone"):
            sig.append(sc["phone"])
        if sc["kind"] == "no_address":
            sig = ["Regards,", nm, "Data reporter, Moorland Gazette"]
        box = {"missed_bin": "waste@ashcombemoor.gov.uk", "council_tax_query": "counciltax@ashcombemoor.gov.uk",
               "complaint": "feedback@ashcombemoor.gov.uk", "foi_request": "foi@ashcombemoor.gov.uk",
               "other": "enquiries@ashcombemoor.gov.uk"}[sc["topic"]]
        email_doc(path, sc, f"{nm} <{email_for(p)}>", sent_str(sc), box, subject, paras, sig,
                  greeting=rr.choice(["Hello,", "Good afternoon,", "Dear Sir/Madam,"]))


RENDER = {
    ("guidance_paper", "council_tax_spd"): render_guidance_spd,
    ("guidance_paper", "council_tax_move"): render_guidance_move,
    ("two_column", "council_tax_spd"): render_twocol_spd,
    ("two_column", "parking_permit"): render_twocol_permit,
    ("fillable_pdf", "council_tax_move"): render_fill_move,
    ("fillable_pdf", "parking_permit"): render_fill_permit,
    ("portal_print", "council_tax_spd"): render_portal_spd,
    ("portal_print", "council_tax_move"): render_portal_move,
    ("portal_print", "parking_permit"): render_portal_permit,
    ("backoffice_print", "council_tax_spd"): render_back_spd,
    ("backoffice_print", "council_tax_move"): render_back_move,
    ("backoffice_print", "parking_permit"): render_back_permit,
}

# ---------------------------------------------------------------------------
# per-document presentation choices (deterministic)
# ---------------------------------------------------------------------------
DSTYLES = {
    "guidance_paper": ["dmy0"],
    "two_column": ["dot", "dmy", "dmy0", "long"],
    "fillable_pdf": ["dmy0", "dmy0", "dmy"],
    "portal_print": ["long"],
    "backoffice_print": ["dash", "iso", "dash"],
    "letter_email": ["long", "ord", "us", "long", "dmy0"],
}
REFSTYLES = {
    "guidance_paper": ["plain"],
    "two_column": ["dash", "space"],
    "fillable_pdf": ["plain", "space", "ct"],
    "portal_print": ["plain", "ct", "plain"],
    "backoffice_print": ["ct", "ctspace"],
    "letter_email": ["space", "plain", "ct"],
}
COLOURS = ["Silver", "Blue", "Black", "Red", "Grey", "White", "Green"]
MODELS = {"Ford": ["Fiesta", "Focus", "Kuga"], "Vauxhall": ["Corsa", "Astra", "Mokka"],
          "Volkswagen": ["Golf", "Polo", "Tiguan"], "Toyota": ["Yaris", "Aygo", "RAV4"],
          "Nissan": ["Qashqai", "Micra", "Juke"], "Kia": ["Picanto", "Sportage", "Ceed"],
          "Skoda": ["Fabia", "Octavia"], "Peugeot": ["208", "2008"], "Honda": ["Jazz", "Civic"],
          "Renault": ["Clio", "Captur"], "Hyundai": ["i10", "Tucson"], "Dacia": ["Sandero", "Duster"],
          "Land Rover": ["Defender", "Discovery Sport"], "Mini": ["Cooper", "Countryman"],
          "Fiat": ["500", "Panda"], "Subaru": ["Forester", "Outback"]}

portal_no = 3100
case_no = 44000
for sc in SCEN:
    rr = random.Random(SEED * 1000 + sc["idx"])
    sc["rr_seed"] = SEED * 1000 + sc["idx"]
    L = sc["layout"]
    sc["dstyle"] = rr.choice(DSTYLES[L])
    sc["dstyle2"] = rr.choice(["long", "dmy0", "ord"])
    sc["refs"] = rr.choice(REFSTYLES[L])
    sc["pcs"] = rr.choice(["norm"] * 5 + ["lower", "nospace"]) if L in ("portal_print", "fillable_pdf") else \
        rr.choice(["norm"] * 6 + ["nospace"])
    sc["amode"] = rr.choice(["one", "one", "one", "two"]) if L != "backoffice_print" else "one"
    sc["vs"] = rr.choice(["spaced", "spaced", "tight"] + (["lowsp"] if L == "portal_print" else []))
    sc["sub_time"] = (rr.randint(7, 22), rr.randint(0, 59))
    sc["print_time"] = f"{rr.randint(8, 17):02d}:{rr.randint(0, 59):02d}"
    sc["print_lag"] = 0 if L == "portal_print" else rr.randint(0, 2)
    sc["print_gap"] = rr.randint(1, 4)
    sc["lfont"] = rr.choice(["Times-Roman", "Helvetica"])
    sc["salutation"] = rr.choice(["Dear Sir or Madam,", "Dear Sir/Madam,", "To whom it may concern,"])
    sc["user"] = rr.choice(["KHEXT", "JMUDGE", "CSC-TWARNE", "LPELLOW"])
    sc["channel"] = "TELEPHONE" if rr.random() < 0.7 else "FACE TO FACE"
    sc["t1"] = f"{rr.randint(9, 15):02d}:{rr.randint(10, 49):02d}"
    sc["t2"] = sc["t1"][:3] + f"{int(sc['t1'][3:]) + rr.randint(3, 9):02d}"
    case_no += rr.randint(3, 400)
    sc["case"] = f"CM/{sc['decl'].year % 100}/{case_no:06d}"
    portal_no += rr.randint(5, 300)
    sc["portal_no"] = portal_no
    if sc.get("person") and L not in ("letter_email",) and rr.random() < 0.45:
        sc["title"] = title_for(sc["person"], rr)
    if sc["type"] == "parking_permit":
        sc["model"] = rr.choice(MODELS[sc["make"]]) if sc["make"] and rr.random() < 0.8 else None
        sc["colour"] = rr.choice(COLOURS)
    if L == "backoffice_print" and sc["dstyle"] == "iso":
        sc["refs"] = "ct"

# the duplicate pair: same answers, submitted twice a few minutes apart (two portal references)
dups = [sc for sc in SCEN if sc.get("dup")]
assert len(dups) == 2
first, second = sorted(dups, key=lambda s: s["dup"])
for k in ["dstyle", "dstyle2", "refs", "pcs", "amode", "vs", "title"]:
    if k in first:
        second[k] = first[k]
    elif k in second:
        del second[k]
second["sub_time"] = (first["sub_time"][0], min(59, first["sub_time"][1] + 6))
second["portal_no"] = first["portal_no"] + 1
second["print_gap"] = first["print_gap"] + 2
if first["sub_time"][1] > 50:
    first["sub_time"] = (first["sub_time"][0], 44)
    second["sub_time"] = (first["sub_time"][0], 50)


# ---------------------------------------------------------------------------
# truth
# ---------------------------------------------------------------------------
def truth_fields(sc):
    t = sc["type"]
    f = {}
    if t == "council_tax_spd":
        f["account_ref"] = sc["account_ref"]
        f["applicant_name"] = name_written(sc)
        f["address"] = sc["addr"]["line1"]
        f["postcode"] = norm_pc(sc["addr"]["postcode"])
        f["sole_adult_since"] = iso(sc["since"])
        if sc["other"]:
            f["other_adult_name"] = sc["other"]
        if sc["fwd"]:
            f["other_adult_forwarding_address"] = sc["fwd"]
        if sc["layout"] != "letter_email":
            style = sc["dstyle"] if sc["layout"] in ("guidance_paper", "two_column") else sc["dstyle2"]
            desc = fill_desc(sc, lambda x: fmt_date(x, style))
            if desc:
                f["change_description"] = collapse(desc)
        if sc["phone"]:
            f["phone"] = sc["phone"]
        if sc["email"]:
            f["email"] = sc["email"]
        f["declaration_date"] = iso(sc["decl"])
    elif t == "council_tax_move":
        f["move_type"] = sc["move_type"]
        if sc["account_ref"]:
            f["account_ref"] = sc["account_ref"]
        f["applicant_name"] = name_written(sc)
        if sc["prev"]:
            f["previous_address"] = sc["prev"]["line1"]
            f["previous_postcode"] = norm_pc(sc["prev"]["postcode"])
        if sc["new"]:
            f["new_address"] = sc["new"]["line1"]
            f["new_postcode"] = norm_pc(sc["new"]["postcode"])
        if sc["mdate"]:
            f["move_date"] = iso(sc["mdate"])
        if sc["phone"]:
            f["phone"] = sc["phone"]
        if sc["email"]:
            f["email"] = sc["email"]
        f["declaration_date"] = iso(sc["decl"])
    elif t == "parking_permit":
        f["applicant_name"] = name_written(sc)
        f["address"] = sc["addr"]["line1"]
        f["postcode"] = norm_pc(sc["addr"]["postcode"])
        if sc["vrm"]:
            f["vrm"] = sc["vrm"]
        if sc["make"]:
            f["vehicle_make"] = sc["make"]
        f["zone"] = sc["zone"]
        f["start_date"] = iso(sc["start"])
        if sc["phone"]:
            f["phone"] = sc["phone"]
        if sc["email"]:
            f["email"] = sc["email"]
        f["declaration_date"] = iso(sc["decl"])
    else:
        f["topic"] = sc["topic"]
        if sc["person"]:
            f["sender_name"] = sc["person"]["full"]
        if sc["addr"]:
            f["address"] = sc["addr"]["line1"]
            f["postcode"] = norm_pc(sc["addr"]["postcode"])
        if sc["account_ref"]:
            f["account_ref"] = sc["account_ref"]
        if sc["_dates"]:
            f["dates_mentioned"] = sc["_dates"]
        f["body"] = sc["_body"]
    return f


# move-out emails: the email address is always printed in the From line, so it is a field
for sc in SCEN:
    if sc["type"] == "council_tax_move" and sc["layout"] == "letter_email" and sc["move_type"] == "out" \
            and not sc["email"]:
        sc["email"] = email_for(sc["person"])


def main():
    inbox = os.path.join(HERE, "inbox")
    if os.path.isdir(inbox):
        shutil.rmtree(inbox)
    os.makedirs(inbox)
    for sc in SCEN:
        rr = random.Random(sc["rr_seed"] + 7)
        path = os.path.join(inbox, sc["file"])
        if sc["layout"] == "letter_email":
            render_letter(sc, path, rr)
        else:
            RENDER[(sc["layout"], sc["type"])](sc, path, rr)

    # split: first two clean forms of each (layout, form type) in file order are "learn"
    seen = {}
    lines = []
    for sc in SCEN:
        key = (sc["layout"], sc["type"])
        split = "test"
        if sc["outcome"] == "approved":
            seen[key] = seen.get(key, 0) + 1
            if seen[key] <= 2:
                split = "learn"
        obj = {"file": sc["file"], "form_type": sc["type"], "fields": truth_fields(sc),
               "outcome": sc["outcome"], "reasons": list(sc["reasons"]), "layout": sc["layout"], "split": split}
        if sc.get("dup"):
            obj["duplicate_group"] = "dup-1"
        lines.append(obj)
    with open(os.path.join(HERE, "truth.jsonl"), "w") as fh:
        for o in lines:
            fh.write(json.dumps(o, ensure_ascii=False) + "\n")

    # records workbook
    wb = Workbook()
    ws = wb.active
    ws.title = "properties"
    ws.append(["uprn", "address_line_1", "address_line_2", "town", "postcode", "council_tax_band", "ward", "parking_zone"])
    for p in props:
        ws.append([p["uprn"], p["line1"], p["line2"] or None, p["town"], p["postcode"], p["band"], p["ward"],
                   p["zone"] or None])
    ws = wb.create_sheet("council_tax_accounts")
    ws.append(["account_ref", "uprn", "liable_parties", "status", "start_date", "end_date", "discounts"])
    accs = [a for p in props for a in HH[p["uprn"]]["accounts"]]
    accs.sort(key=lambda a: a["account_ref"])
    for a in accs:
        ws.append([a["account_ref"], a["uprn"], "; ".join(a["liable"]), a["status"], a["start"], a["end"],
                   a["discounts"] or None])
    for row in ws.iter_rows(min_row=2):
        row[0].number_format = "@"
        row[4].number_format = "yyyy-mm-dd"
        row[5].number_format = "yyyy-mm-dd"
    ws = wb.create_sheet("electoral_register")
    ws.append(["elector_number", "full_name", "uprn"])
    counters = {}
    for p in props:
        pd = WARD_PD[p["ward"]]
        for n in HH[p["uprn"]]["electors"]:
            counters[pd] = counters.get(pd, 100) + 1
            ws.append([f"{pd}-{counters[pd]}", n, p["uprn"]])
    ws = wb.create_sheet("parking_permits")
    ws.append(["permit_ref", "uprn", "vrm", "zone", "valid_from", "valid_to"])
    for x in sorted(PERMITS, key=lambda x: x["permit_ref"]):
        ws.append([x["permit_ref"], x["uprn"], x["vrm"], x["zone"], x["valid_from"], x["valid_to"]])
    for row in ws.iter_rows(min_row=2):
        row[4].number_format = "yyyy-mm-dd"
        row[5].number_format = "yyyy-mm-dd"
    for w in wb.worksheets:
        for col in w.columns:
            w.column_dimensions[col[0].column_letter].width = max(10, min(48, max(len(str(c.value or "")) for c in col) + 2))
    import datetime as _dt
    import zipfile
    wb.properties.creator = "Ashcombe Moor BC - LLPG/Revenues extract"
    wb.properties.created = _dt.datetime(2026, 12, 4, 6, 0, 0)
    wb.properties.modified = _dt.datetime(2026, 12, 4, 6, 0, 0)
    out = os.path.join(HERE, "records.xlsx")
    tmp = out + ".tmp"
    wb.save(tmp)
    with zipfile.ZipFile(tmp) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():   # fixed zip timestamps so the workbook is byte-for-byte reproducible
            zi = zipfile.ZipInfo(item.filename, date_time=(2026, 12, 4, 6, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            data = zin.read(item.filename)
            if item.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2026-12-04T06:00:00Z", data)
            zout.writestr(zi, data)
    os.remove(tmp)

    n_clean = sum(1 for s in SCEN if s["outcome"] == "approved")
    n_exc = sum(1 for s in SCEN if s["outcome"] == "exception")
    print(f"{len(SCEN)} files: {n_clean} clean, {n_exc} exception, "
          f"{sum(1 for s in SCEN if s['outcome'] == 'duplicate_pair')} duplicate pair; "
          f"{len(props)} properties, {len(accs)} accounts, {sum(len(HH[p['uprn']]['electors']) for p in props)} electors, "
          f"{len(PERMITS)} permits")


if __name__ == "__main__":
    main()
