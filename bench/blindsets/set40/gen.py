#!/usr/bin/env python3
"""Blind test set 40 - South Haddon District Council.

Deterministic generator (seed 40040). Writes next to itself:
  records.xlsx, inbox/doc_NNNN.pdf, truth.jsonl
Run:  python gen.py
"""
import os
import re
import json
import random
import shutil
import datetime as dt

from reportlab.pdfgen import canvas
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import simpleSplit
from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
import openpyxl

SEED = 40040
ASOF = dt.date(2026, 12, 7)
HERE = os.path.dirname(os.path.abspath(__file__))
INBOX = os.path.join(HERE, "inbox")
rng = random.Random(SEED)

# ---------------------------------------------------------------- fonts
SCRIPT = "Times-Italic"
for p in ("/usr/share/fonts/truetype/dejavu/DejaVuSerifCondensed-Italic.ttf",
          "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf"):
    if os.path.exists(p):
        pdfmetrics.registerFont(TTFont("ShScript", p))
        SCRIPT = "ShScript"
        break

GREEN = colors.HexColor("#1f4e3d")
LIGHT = colors.HexColor("#e6eee9")
GREY = colors.HexColor("#dddddd")

# ---------------------------------------------------------------- people
FIRST = ["Eleanor", "Margaret", "Susan", "Patricia", "Helen", "Rachel", "Joanne", "Claire", "Sarah", "Lucy",
         "Hannah", "Emily", "Sophie", "Chloe", "Jessica", "Amy", "Rebecca", "Karen", "Julie", "Gillian",
         "Wendy", "Pauline", "Jean", "Brenda", "Fiona", "Tracey", "Nicola", "Zoe", "Megan", "Bethany",
         "Grace", "Ruth", "Alison", "Deborah", "Ann", "Sheila", "Lorraine", "Kerry", "Abigail", "Freya",
         "David", "John", "Peter", "Michael", "Robert", "Stephen", "Andrew", "Mark", "Paul", "Richard",
         "James", "Thomas", "William", "Daniel", "Matthew", "Christopher", "Simon", "Gareth", "Neil", "Colin",
         "Trevor", "Dennis", "Roger", "Keith", "Graham", "Nigel", "Martin", "Gary", "Darren", "Wayne",
         "Oliver", "Harry", "Jack", "Samuel", "Joseph", "Luke", "Callum", "Ryan", "Kieran", "Jacob",
         "Tomasz", "Priya", "Anil", "Mei", "Oksana", "Ahmed", "Fatima", "Rhys", "Owen", "Ciaran"]
LAST = ["Elworthy", "Hockaday", "Pengelly", "Vosper", "Tremlett", "Chudleigh", "Luxton", "Quick", "Yeo", "Ridd",
        "Squire", "Heard", "Pidgeon", "Tuckett", "Westcott", "Babbage", "Coombes", "Dart", "Endacott", "Furse",
        "Gooding", "Hext", "Isaac", "Jewell", "Kingdon", "Lethbridge", "Medland", "Northcott", "Oxenham", "Pook",
        "Rowe", "Stoneman", "Tapp", "Uglow", "Venner", "Wreford", "Yelland", "Ashplant", "Bolt", "Cann",
        "Down", "Eveleigh", "Facey", "Govier", "Holwill", "Irish", "Jeffery", "Knapman", "Lock", "Mudge",
        "Nott", "Passmore", "Quance", "Routley", "Shapland", "Trick", "Vickery", "Widdicombe", "Abbott", "Blackmore",
        "Chammings", "Dommett", "Edworthy", "Fry", "Gammon", "Hosegood", "Langdon", "Manning", "Nation", "Pugsley",
        "Slee", "Thorne", "Underhill", "Voaden", "Warren", "Zeal", "Nowak", "Patel", "Chen", "Kowalczuk",
        "Hussain", "Morgan", "Davies", "Kelly", "Brennan", "Harvey", "Penwarden", "Sanders", "Tolley", "Wakeham"]
_used_names = set()
FEMALE = set(FIRST[:40]) | {"Priya", "Mei", "Oksana", "Fatima"}


def is_f(name):
    return name.split()[0] in FEMALE


def title_for(name):
    r = rng.random()
    if r < 0.55:
        return ""
    if r < 0.6:
        return "Dr "
    return rng.choice(["Mrs ", "Ms ", "Miss "]) if is_f(name) else "Mr "


def new_person(last=None):
    for _ in range(10000):
        n = f"{rng.choice(FIRST)} {last or rng.choice(LAST)}"
        if n not in _used_names:
            _used_names.add(n)
            return n
    raise RuntimeError("names exhausted")


# ---------------------------------------------------------------- gazetteer
STREETS = [
    # street, town, ward, zone, kind, postcodes, count
    ("Market Square", "Haddon Market", "Haddon Market Central", "MS", "num", ["SH1 2AB"], 12),
    ("Sheep Street", "Haddon Market", "Haddon Market Central", "MS", "num", ["SH1 2AD", "SH1 2AE"], 16),
    ("Quay Street", "Haddon Market", "Haddon Market Central", "Q", "num", ["SH1 3QA"], 14),
    ("Fore Street", "Haddon Market", "Haddon Market Central", "Q", "num", ["SH1 3QF", "SH1 3QG"], 16),
    ("Tanners Row", "Haddon Market", "Haddon Market North", "TR", "num", ["SH1 4TR"], 12),
    ("Priory Road", "Haddon Market", "Haddon Market North", "", "num", ["SH1 4DR", "SH1 4DS"], 12),
    ("Station Road", "Haddon Market", "Haddon Market North", "", "num", ["SH2 7LP"], 12),
    ("Orchard Close", "Haddon Market", "Haddon Market North", "", "num", ["SH2 7LW"], 8),
    ("Abbey Walk", "Kingsbury St Mary", "Kingsbury", "K1", "num", ["SH4 1AW"], 12),
    ("Church Street", "Kingsbury St Mary", "Kingsbury", "K1", "num", ["SH4 1CS", "SH4 1CT"], 14),
    ("Bull Lane", "Kingsbury St Mary", "Kingsbury", "", "num", ["SH4 2BL"], 8),
    ("Mill Lane", "Combe Ashford", "Combe Valley", "", "named", ["SH7 3PL", "SH7 3PN"], 12),
    ("Church Road", "Little Haddon", "Combe Valley", "", "named", ["SH9 5HT"], 10),
    ("Barton Lane", "Westleigh", "Stowford & Westleigh", "", "named", ["SH11 6BX"], 8),
    ("Chapel Hill", "Stowford", "Stowford & Westleigh", "", "mixed", ["SH12 3PL", "SH12 3PQ"], 12),
    ("Crewe Road", "Nether Crewe", "Moorside", "", "named", ["SH14 8NW"], 10),
    ("The Green", "Nether Crewe", "Moorside", "", "mixed", ["SH14 8NG"], 8),
]
HOUSE_NAMES = ["Rose Cottage", "Ivy Cottage", "The Old Forge", "The Old Rectory", "Millbrook House",
               "Honeysuckle Cottage", "Orchard View", "Wisteria Cottage", "The Granary", "Coombe Barn",
               "Fernleigh", "Hillcrest", "Little Thatch", "Applegarth", "The Old School House",
               "Pear Tree Cottage", "Meadowside", "Brook Cottage", "Yew Tree Cottage", "Lark Rise",
               "Westwinds", "Holly Lodge", "The Coach House", "Stable Cottage", "Glebe House", "Well Cottage",
               "Shepherds Cottage", "Corner Cottage", "Primrose Cottage", "Badgers End", "Foxhollow",
               "Swallows Barn"]
FARMS = ["Higher Barton Farm", "Lower Barton Farm", "Middle Barton Farm", "Moorgate Farm", "Hillside Farm",
         "Church Farm", "Lower Crewe Farm", "Wood Farm"]
ZONES = {"MS": "Market Square & Sheep Street", "Q": "Quay Street & Fore Street",
         "TR": "Tanners Row", "K1": "Kingsbury: Abbey Walk & Church Street"}
WARD_CODE = {"Haddon Market Central": "HC", "Haddon Market North": "HN", "Kingsbury": "KB",
             "Combe Valley": "CV", "Stowford & Westleigh": "SW", "Moorside": "MO"}

props = []          # dicts
accounts = []       # dicts
electors = []       # dicts
permits = []        # dicts
_uprn = 100041002000
_acct_refs = set()
_vrms = set()
_elector_seq = {}
_permit_seq = [100]


def new_acct_ref():
    while True:
        r = "52" + "".join(rng.choice("0123456789") for _ in range(6))
        if r not in _acct_refs:
            _acct_refs.add(r)
            return r


def rand_date(a, b):
    return a + dt.timedelta(days=rng.randint(0, (b - a).days))


def new_vrm(style=None):
    L = "ABCDEFGHJKLMNOPRSTUVWXY"
    while True:
        s = style or rng.choice(["cur"] * 8 + ["pre", "suf"])
        if s == "cur":
            v = rng.choice(L) + rng.choice(L) + rng.choice(["15", "65", "16", "66", "17", "67", "18", "68", "19",
                                                             "69", "20", "70", "21", "71", "22", "72", "23", "73",
                                                             "24", "74", "25", "75"]) + "".join(rng.choice(L) for _ in range(3))
        elif s == "pre":
            v = rng.choice("NPRSTVWXY") + str(rng.randint(10, 899)) + "".join(rng.choice(L) for _ in range(3))
        else:
            v = "".join(rng.choice(L) for _ in range(3)) + str(rng.randint(10, 899)) + rng.choice("ABCDEFGHJKLMNPRSTVWXY")
        if v not in _vrms:
            _vrms.add(v)
            return v


def add_elector(name, uprn, ward):
    code = WARD_CODE[ward]
    _elector_seq[code] = _elector_seq.get(code, 0) + rng.randint(1, 9)
    electors.append({"elector_number": f"{code}-{_elector_seq[code]:04d}", "full_name": name, "uprn": uprn})


def add_permit(uprn, vrm, zone, vf, vt):
    _permit_seq[0] += rng.randint(1, 13)
    permits.append({"permit_ref": f"SHP{_permit_seq[0]:05d}", "uprn": uprn, "vrm": vrm, "zone": zone,
                    "valid_from": vf, "valid_to": vt})


def build_gazetteer():
    global _uprn
    for street, town, ward, zone, kind, pcs, n in STREETS:
        if kind in ("num", "mixed"):
            nums = sorted(rng.sample(range(1, n + 7), n))
        names = rng.sample(HOUSE_NAMES, min(n, len(HOUSE_NAMES)))
        farms = list(FARMS)
        rng.shuffle(farms)
        for i in range(n):
            if kind == "num" or (kind == "mixed" and i % 3 != 0):
                l1 = f"{nums[i]} {street}"
            elif street == "Barton Lane" and i < 3:
                l1 = f"{farms.pop()}, {street}"
            else:
                l1 = f"{names[i]}, {street}"
            l2 = ""
            if street == "Mill Lane" and i % 4 == 1:
                l2 = "Lower Combe"
            if street == "Crewe Road" and i % 3 == 2:
                l2 = "Crewe Cross"
            _uprn += rng.randint(3, 40)
            band = rng.choice("ABBCCD") if zone or town == "Haddon Market" else rng.choice("CDDEEFG")
            props.append({"uprn": _uprn, "address_line_1": l1, "address_line_2": l2, "town": town,
                          "postcode": pcs[i * len(pcs) // n], "council_tax_band": band, "ward": ward,
                          "parking_zone": zone, "_street": street})


def base_occupancy():
    for p in props:
        r = rng.random()
        ward = p["ward"]
        # older closed account
        if rng.random() < 0.45:
            s = rand_date(dt.date(2006, 1, 1), dt.date(2016, 12, 31))
            e = rand_date(s + dt.timedelta(days=300), dt.date(2021, 6, 30))
            accounts.append({"account_ref": new_acct_ref(), "uprn": p["uprn"], "liable_parties": [new_person()],
                             "status": "closed", "start_date": s, "end_date": e, "discounts": ""})
        if r < 0.90:
            fam = rng.choice(LAST)
            liable = [new_person(fam)]
            if rng.random() < 0.55:
                liable.append(new_person(fam if rng.random() < 0.6 else None))
            disc = "SPD" if len(liable) == 1 and rng.random() < 0.4 else ""
            accounts.append({"account_ref": new_acct_ref(), "uprn": p["uprn"], "liable_parties": liable,
                             "status": "active", "start_date": rand_date(dt.date(2021, 7, 1), dt.date(2026, 5, 31)),
                             "end_date": None, "discounts": disc})
            for nm in liable:
                if rng.random() < 0.9:
                    add_elector(nm, p["uprn"], ward)
            if len(liable) == 2 and rng.random() < 0.25:
                add_elector(new_person(liable[0].split()[-1]), p["uprn"], ward)
            if p["parking_zone"]:
                x = rng.random()
                if x < 0.40:
                    vf = rand_date(dt.date(2026, 1, 5), dt.date(2026, 11, 20))
                    add_permit(p["uprn"], new_vrm(), p["parking_zone"], vf, vf + dt.timedelta(days=364))
                elif x < 0.50:
                    for _ in range(2):
                        vf = rand_date(dt.date(2026, 1, 5), dt.date(2026, 11, 20))
                        add_permit(p["uprn"], new_vrm(), p["parking_zone"], vf, vf + dt.timedelta(days=364))
                elif x < 0.65:
                    vf = rand_date(dt.date(2024, 1, 5), dt.date(2025, 6, 1))
                    add_permit(p["uprn"], new_vrm(), p["parking_zone"], vf, vf + dt.timedelta(days=364))


# ---------------------------------------------------------------- record helpers
def accts_at(uprn, status=None):
    return [a for a in accounts if a["uprn"] == uprn and (status is None or a["status"] == status)]


def reset_property(p, liable, registered, discounts="", start=None, keep_permits=False):
    """Give a property a fresh, known occupancy (used by scenarios)."""
    uprn = p["uprn"]
    for a in accounts:
        if a["uprn"] == uprn and a["status"] == "active":
            a["status"] = "closed"
            a["end_date"] = (start or dt.date(2023, 1, 1)) - dt.timedelta(days=1)
            if a["end_date"] < a["start_date"]:
                a["start_date"] = a["end_date"] - dt.timedelta(days=400)
    electors[:] = [e for e in electors if e["uprn"] != uprn]
    if not keep_permits:
        permits[:] = [x for x in permits if x["uprn"] != uprn]
    acct = None
    if liable:
        acct = {"account_ref": new_acct_ref(), "uprn": uprn, "liable_parties": list(liable), "status": "active",
                "start_date": start or rand_date(dt.date(2019, 3, 1), dt.date(2024, 9, 30)), "end_date": None,
                "discounts": discounts}
        accounts.append(acct)
    for nm in registered:
        add_elector(nm, uprn, p["ward"])
    return acct


_used_uprns = set()


def pick_prop(pred=lambda p: True):
    cands = [p for p in props if p["uprn"] not in _used_uprns and pred(p)]
    p = rng.choice(cands)
    _used_uprns.add(p["uprn"])
    return p


# ---------------------------------------------------------------- value formatting
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def ordinal(n):
    return f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


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
    if style == "us":
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    if style == "iso":
        return d.isoformat()
    raise ValueError(style)


DATE_STYLES = ["slash", "slash_short", "dash", "dot", "long", "ordinal", "us", "iso"]


def fmt_acct(r, style):
    return {"plain": r, "space": f"{r[:4]} {r[4:]}", "dash": f"{r[:4]}-{r[4:]}", "ct": f"CT{r}",
            "ctspace": f"CT {r[:4]} {r[4:]}"}[style]


def fmt_pc(pc, style):
    return {"norm": pc, "lower": pc.lower(), "nospace": pc.replace(" ", ""), "norm2": pc}[style]


def fmt_vrm(v, style):
    if style == "raw":
        return v
    m = re.match(r"^([A-Z]{2}\d{2})([A-Z]{3})$", v)
    if m:
        s = f"{m.group(1)} {m.group(2)}"
    else:
        m = re.match(r"^([A-Z]\d{1,3})([A-Z]{3})$", v) or re.match(r"^([A-Z]{3})(\d{1,3}[A-Z])$", v)
        s = f"{m.group(1)} {m.group(2)}" if m else v
    return s.lower() if style == "lower" else s


def collapse(s):
    return re.sub(r"\s+", " ", s).strip()


PHONE = lambda: rng.choice(["01632 ", "07700 9"]) + "".join(rng.choice("0123456789") for _ in range(5 if rng.random() < .5 else 6))


def email_for(name):
    f, l = name.split()[0].lower(), name.split()[-1].lower()
    return rng.choice([f"{f}.{l}", f"{f[0]}{l}", f"{f}{l}{rng.randint(1, 99)}", f"{l}.{f[0]}"]) + "@" + \
        rng.choice(["btinternet.com", "gmail.com", "outlook.com", "hotmail.co.uk", "yahoo.co.uk", "sky.com"])


OUTSIDE = [("27 St David's Hill", "Exeter", "EX4 4DA"), ("Flat 3, 41 Mutley Plain", "Plymouth", "PL4 6LE"),
           ("8 Kingsway", "Taunton", "TA1 3YG"), ("112 Gloucester Road", "Bristol", "BS7 8AE"),
           ("5 Coronation Terrace", "Truro", "TR1 3HJ"), ("19 Albert Road", "Cheltenham", "GL52 2QX"),
           ("2 Wharf Cottages", "Barnstaple", "EX31 1DS"), ("66 Westbourne Grove", "London", "W2 5SH"),
           ("14 Harbour View", "Falmouth", "TR11 2LT"), ("Apartment 9, Quayside", "Bideford", "EX39 2QQ")]
MAKES = [("Ford", "Fiesta"), ("Vauxhall", "Corsa"), ("Volkswagen", "Golf"), ("Toyota", "Yaris"), ("Nissan", "Qashqai"),
         ("Kia", "Sportage"), ("Peugeot", "208"), ("Skoda", "Octavia"), ("Honda", "Jazz"), ("Renault", "Clio"),
         ("BMW", "1 Series"), ("Land Rover", "Defender"), ("Mini", "Cooper"), ("Hyundai", "i10")]
COLOURS = ["Silver", "Blue", "Grey", "Black", "Red", "White", "Green"]
TITLES = ["", "", "", "Mrs ", "Mr ", "Ms ", "Miss ", "Dr "]


# ---------------------------------------------------------------- scenarios
forms = []   # each: dict(type, layout, truth fields, disp, extras, intended reasons)


def base_form(ftype, layout, intended):
    st = rng.choice(DATE_STYLES)
    if layout == "online_email":
        st = rng.choice(["slash", "slash", "iso", "long"])
    return {"type": ftype, "layout": layout, "intended": intended, "date_style": st,
            "acct_style": rng.choice(["plain", "space", "dash", "ct", "ctspace"]),
            "pc_style": rng.choice(["norm", "norm", "norm2", "lower", "nospace"]),
            "truth": {}, "disp": {}, "extra": {}, "cd_dates": []}


def setd(f, key, d):
    f["truth"][key] = d.isoformat()
    f["disp"][key] = fmt_date(d, f["date_style"])


def set_name(f, key, name, title=None):
    t = title_for(name) if title is None else title
    f["truth"][key] = collapse(t + name)
    f["disp"][key] = t + name


def set_addr(f, akey, pkey, line1, town, pc, l2=""):
    f["truth"][akey] = line1
    f["disp"][akey] = line1
    f["truth"][pkey] = pc
    f["disp"][pkey] = fmt_pc(pc, f["pc_style"])
    f["extra"][akey + "_town"] = town
    f["extra"][akey + "_l2"] = l2


def set_acct(f, ref):
    f["truth"]["account_ref"] = ref
    f["disp"]["account_ref"] = fmt_acct(ref, f["acct_style"])


def set_contact(f, name, p_phone=0.7, p_email=0.6):
    if rng.random() < p_phone:
        v = PHONE()
        f["truth"]["phone"] = v
        f["disp"]["phone"] = v
    if rng.random() < p_email:
        v = email_for(name)
        f["truth"]["email"] = v
        f["disp"]["email"] = v


def set_text(f, key, text):
    f["truth"][key] = collapse(text)
    f["disp"][key] = text


def mk_spd(layout, kind):
    f = base_form("council_tax_spd", layout, [] if kind in ("clean", "dup") else [kind])
    p = pick_prop()
    fam = rng.choice(LAST)
    applicant = new_person(fam)
    other = new_person(fam if rng.random() < 0.6 else None)
    has_other = rng.random() < 0.85 or kind in ("OTHER_ADULTS_REGISTERED", "INCONSISTENT_DATES", "NAME_MISMATCH")
    sole = ASOF - dt.timedelta(days=rng.randint(12, 320))
    liable = [applicant, other] if (has_other and rng.random() < 0.75) else [applicant]
    registered = [applicant] + ([other] if has_other and rng.random() < 0.5 else [])
    disc = ""
    acct = None
    acct_ref = None
    if kind == "ACCOUNT_CLOSED":
        old = reset_property(p, liable, registered, start=dt.date(2017, 4, 1))
        new_start = sole - dt.timedelta(days=rng.randint(200, 400))
        old["status"] = "closed"
        old["end_date"] = new_start - dt.timedelta(days=1)
        accounts.append({"account_ref": new_acct_ref(), "uprn": p["uprn"], "liable_parties": list(liable),
                         "status": "active", "start_date": new_start, "end_date": None, "discounts": ""})
        acct_ref = old["account_ref"]
    elif kind == "NAME_MISMATCH":
        parent1, parent2 = new_person(fam), new_person(fam)
        acct = reset_property(p, [parent1, parent2], [applicant])
        acct_ref = acct["account_ref"]
        # applicant (adult child) applies; the "other adult" is a parent who moved into care
        other = parent2
        has_other = True
    elif kind == "DISCOUNT_ALREADY_APPLIED":
        acct = reset_property(p, [applicant], [applicant], discounts="SPD")
        acct_ref = acct["account_ref"]
    elif kind == "OTHER_ADULTS_REGISTERED":
        lodger = new_person()
        acct = reset_property(p, liable, registered + [lodger])
        acct_ref = acct["account_ref"]
    else:
        acct = reset_property(p, liable, registered, discounts=disc)
        acct_ref = acct["account_ref"]
    if kind == "ACCOUNT_NOT_FOUND":
        acct_ref = new_acct_ref()   # reserved, never written to records
    if kind == "DATE_TOO_OLD":
        sole = ASOF - dt.timedelta(days=rng.randint(400, 520))
    set_acct(f, acct_ref)
    set_name(f, "applicant_name", applicant)
    line1 = p["address_line_1"]
    if kind == "ADDRESS_MISMATCH":
        # applicant gave the address of the property they moved from / a neighbouring house
        q = rng.choice([x for x in props if x["uprn"] != p["uprn"] and x["uprn"] not in _used_uprns])
        set_addr(f, "address", "postcode", q["address_line_1"], q["town"], q["postcode"], q["address_line_2"])
    else:
        set_addr(f, "address", "postcode", line1, p["town"], p["postcode"], p["address_line_2"])
    setd(f, "sole_adult_since", sole)
    cd_date = None
    if has_other:
        set_name(f, "other_adult_name", other, title="")
        if rng.random() < 0.7:
            o = rng.choice(OUTSIDE)
            set_text(f, "other_adult_forwarding_address", f"{o[0]}, {o[1]}, {o[2]}")
        first = other.split()[0]
        spouse = "wife" if is_f(other) else "husband"
        child = "daughter" if is_f(other) else "son"
        if kind == "INCONSISTENT_DATES":
            cd_date = sole - dt.timedelta(days=rng.randint(9, 40))
        elif rng.random() < 0.5:
            cd_date = sole
        reason = rng.choice([
            f"My partner {first} moved out{{D}} and is now renting a flat in {rng.choice(['Exeter', 'Taunton', 'Plymouth'])}. We have separated.",
            f"{first} has moved out{{D}} to take up a job away from the area. I now live here on my own.",
            f"My {spouse} {other} left the property{{D}}. I am now the only person living here.",
            f"My {spouse} {first} went into long term residential care{{D}}. Nobody else lives with me.",
            f"Our relationship ended and {first} moved out{{D}}. I am the only adult at the address now.",
            f"My {child} {first} has moved away to university{{D}} and is not coming back to live here."])
        if kind == "NAME_MISMATCH":
            reason = f"My {'mother' if is_f(other) else 'father'} {other} moved into a care home{{D}}. {'My father' if is_f(other) else 'My mother'} died some years ago and I am the only one left in the house."
        dtxt = ""
        if cd_date:
            dtxt = " on " + fmt_date(cd_date, rng.choice(["long", "ordinal", "slash"]))
            f["cd_dates"] = [cd_date]
        set_text(f, "change_description", reason.replace("{D}", dtxt))
    else:
        set_text(f, "change_description", rng.choice([
            "My lodger moved out and I now live alone.",
            "My brother was staying with me while he looked for work. He has now found his own place.",
            "I have been on my own since my daughter (who is 19) moved in with her boyfriend."]))
    set_contact(f, applicant)
    decl = ASOF - dt.timedelta(days=rng.randint(1, 10))
    setd(f, "declaration_date", decl)
    f["extra"]["signature"] = applicant
    forms.append(f)
    return f


def mk_move(layout, kind, move_type=None):
    f = base_form("council_tax_move", layout, [] if kind == "clean" else [kind])
    if move_type is None:
        move_type = rng.choice(["in", "out"])
    if kind in ("ACCOUNT_NOT_FOUND", "NAME_MISMATCH", "MISSING_FIELD:declaration_date"):
        move_type = "out"
    if kind in ("PROPERTY_NOT_FOUND", "DATE_IN_FUTURE"):
        move_type = "in"
    f["truth"]["move_type"] = move_type
    f["disp"]["move_type"] = move_type
    fam = rng.choice(LAST)
    applicant = new_person(fam)
    mdate = ASOF + dt.timedelta(days=rng.randint(-150, 24))
    if kind == "DATE_TOO_OLD":
        mdate = ASOF - dt.timedelta(days=rng.randint(395, 470))
    if kind == "DATE_IN_FUTURE":
        mdate = ASOF + dt.timedelta(days=rng.randint(45, 80))
    if move_type == "out":
        p = pick_prop()
        partner = new_person(fam) if rng.random() < 0.4 else None
        liable = [applicant] + ([partner] if partner else [])
        if kind == "NAME_MISMATCH":
            tenant = new_person()
            acct = reset_property(p, [tenant], [tenant, applicant], start=dt.date(2022, 8, 1))
        else:
            acct = reset_property(p, liable, liable, start=rand_date(dt.date(2018, 1, 1), dt.date(2024, 6, 1)))
        ref = acct["account_ref"] if kind != "ACCOUNT_NOT_FOUND" else new_acct_ref()
        set_acct(f, ref)
        set_addr(f, "previous_address", "previous_postcode", p["address_line_1"], p["town"], p["postcode"],
                 p["address_line_2"])
        if rng.random() < 0.85:
            if rng.random() < 0.75:
                o = rng.choice(OUTSIDE)
                set_addr(f, "new_address", "new_postcode", o[0], o[1], o[2])
            else:
                q = pick_prop(lambda x: x["_street"] != p["_street"])
                set_addr(f, "new_address", "new_postcode", q["address_line_1"], q["town"], q["postcode"],
                         q["address_line_2"])
    else:
        if kind == "PROPERTY_NOT_FOUND":
            nm, town, pc = rng.choice([("Plot 14, Kestrel Way", "Haddon Market", "SH2 9KW"),
                                       ("7 Kestrel Way", "Haddon Market", "SH2 9KW"),
                                       ("3 Orchard Rise", "Kingsbury St Mary", "SH4 2RX"),
                                       ("The New Bungalow, Mill Lane", "Combe Ashford", "SH7 3PZ")])
            assert not any(x["address_line_1"] == nm for x in props)
            set_addr(f, "new_address", "new_postcode", nm, town, pc)
        else:
            p = pick_prop()
            reset_property(p, [], [], start=mdate - dt.timedelta(days=rng.randint(20, 90)))
            set_addr(f, "new_address", "new_postcode", p["address_line_1"], p["town"], p["postcode"],
                     p["address_line_2"])
        o = rng.choice(OUTSIDE)
        f["extra"]["from_outside"] = f"{o[0]}, {o[1]}"
    set_name(f, "applicant_name", applicant)
    setd(f, "move_date", mdate)
    set_contact(f, applicant)
    if kind != "MISSING_FIELD:declaration_date":
        setd(f, "declaration_date", ASOF - dt.timedelta(days=rng.randint(1, 12)))
    f["extra"]["signature"] = applicant
    forms.append(f)
    return f


def mk_permit(layout, kind):
    f = base_form("parking_permit", layout, [] if kind == "clean" else [kind])
    fam = rng.choice(LAST)
    applicant = new_person(fam)
    zoned = lambda x: bool(x["parking_zone"])
    vrm = new_vrm()
    zone = None
    if kind == "PROPERTY_NOT_FOUND":
        p = pick_prop(zoned)
        street = p["_street"]
        nums = [int(x["address_line_1"].split()[0]) for x in props if x["_street"] == street]
        line1 = f"{max(nums) + rng.randint(3, 9)} {street}"
        set_addr(f, "address", "postcode", line1, p["town"], p["postcode"])
        zone = p["parking_zone"]
    else:
        p = pick_prop(zoned)
        partner = new_person(fam) if rng.random() < 0.5 else None
        how = rng.choice(["liable", "liable", "register"])
        if kind == "NOT_RESIDENT":
            tenant = new_person()
            reset_property(p, [tenant], [tenant])        # applicant is e.g. the landlord / a visitor
        elif how == "register":
            parent = new_person(fam)
            reset_property(p, [parent], [parent, applicant])
        else:
            reset_property(p, [applicant] + ([partner] if partner else []), [applicant])
        zone = p["parking_zone"]
        if kind == "NOT_IN_PERMIT_ZONE":
            zone = rng.choice([z for z in ZONES if z != p["parking_zone"]])
        existing = 0
        if kind == "PERMIT_CAP_REACHED":
            existing = 2
        elif kind == "VRM_HAS_PERMIT":
            existing = 1
        elif rng.random() < 0.4:
            existing = 1
        for i in range(existing):
            vf = rand_date(dt.date(2026, 1, 10), dt.date(2026, 11, 1))
            add_permit(p["uprn"], vrm if (kind == "VRM_HAS_PERMIT") else new_vrm(), p["parking_zone"], vf,
                       vf + dt.timedelta(days=364))
        set_addr(f, "address", "postcode", p["address_line_1"], p["town"], p["postcode"], p["address_line_2"])
    if kind == "INVALID_FORMAT:vrm":
        disp_v = rng.choice(["WK17 ABCD", "Y12 ABCD", "LR66 X1Z"])
        vrm = disp_v.replace(" ", "")
    else:
        disp_v = fmt_vrm(vrm, rng.choice(["spaced", "spaced", "raw", "lower"]))
    set_name(f, "applicant_name", applicant)
    f["truth"]["vrm"] = vrm
    f["disp"]["vrm"] = disp_v
    mk, model = rng.choice(MAKES)
    if rng.random() < 0.85:
        f["truth"]["vehicle_make"] = mk
        f["disp"]["vehicle_make"] = mk
    f["extra"]["model"] = model
    f["extra"]["colour"] = rng.choice(COLOURS)
    f["truth"]["zone"] = zone
    f["disp"]["zone"] = zone
    start = ASOF + dt.timedelta(days=rng.randint(-5, 25))
    if kind == "DATE_IN_FUTURE":
        start = ASOF + dt.timedelta(days=rng.randint(50, 90))
    setd(f, "start_date", start)
    set_contact(f, applicant, 0.8, 0.6)
    setd(f, "declaration_date", ASOF - dt.timedelta(days=rng.randint(1, 9)))
    f["extra"]["signature"] = applicant
    forms.append(f)
    return f


# ---------------------------------------------------------------- correspondence
def mk_letter(layout, topic, kind):
    f = base_form("correspondence", layout, [] if kind == "clean" else [kind])
    f["truth"]["topic"] = topic
    d_letter = ASOF - dt.timedelta(days=rng.randint(1, 9))
    with_addr = True
    name = None
    p = None
    acct_ref = None
    if kind == "SENDER_UNKNOWN_NONAME":
        with_addr = False
    else:
        p = pick_prop(lambda x: bool(accts_at(x["uprn"], "active")))
        a = accts_at(p["uprn"], "active")[0]
        name = a["liable_parties"][0]
        if kind == "SENDER_UNKNOWN_NOADDR":
            with_addr = False
        if topic == "council_tax_query":
            acct_ref = a["account_ref"] if kind != "ACCOUNT_NOT_FOUND" else new_acct_ref()
    sty = rng.choice(["long", "ordinal", "slash"])
    D = lambda d: fmt_date(d, sty)
    d1 = d_letter - dt.timedelta(days=rng.randint(2, 15))
    d2 = d1 - dt.timedelta(days=rng.randint(14, 60))
    dates = [d_letter]
    street = p["_street"] if p else "Fore Street"
    acct_txt = fmt_acct(acct_ref, rng.choice(["plain", "space", "ct"])) if acct_ref else None
    if topic == "missed_bin":
        subj = "Missed bin collection"
        paras = [f"I am writing to report that our black wheelie bin was not emptied on {D(d1)}. It was out at the "
                 f"front of the house by 7am as usual and the lorry came along {street} but drove straight past.",
                 f"This is the second time this has happened; the green recycling box was also missed on {D(d2)}. "
                 "Could you please arrange for the crew to come back and empty it as soon as possible, as it is now full "
                 "and the foxes are getting into the bags."]
        dates += [d1, d2]
    elif topic == "council_tax_query":
        subj = f"Council tax account {acct_txt}"
        paras = [f"I have received a council tax bill for my account, reference {acct_txt}, and I do not understand "
                 "why the monthly instalments have gone up so much compared with last year.",
                 f"I set up a direct debit on {D(d2)} and I thought this would spread the payments over twelve months. "
                 "The new bill shows ten instalments instead. Could you please explain how the amount has been "
                 "worked out, confirm which band my property is in and tell me whether I can pay over twelve months?"]
        dates += [d2]
    elif topic == "complaint":
        subj = "Formal complaint"
        paras = [f"I wish to make a formal complaint about the way I was treated when I visited the customer service "
                 f"desk at the Council Offices in Priory Road on {D(d1)}. I waited over an hour and the member of staff "
                 "I eventually saw was dismissive and would not give me their name.",
                 "I would like this complaint to be investigated under your complaints procedure and I expect a written "
                 "reply. I am very disappointed with the standard of service."]
        if kind == "SENDER_UNKNOWN_NONAME":
            paras = [f"I wish to complain in the strongest terms about the noise from the Cattle Market car park late at "
                     f"night. On {D(d1)} cars were racing round until after 2am and nobody from the council seems to care.",
                     "This has been going on for months. I want the council to put barriers up or lock the car park at "
                     "night. I am not giving my name because I do not want any trouble with the people involved."]
        dates += [d1]
    elif topic == "foi_request":
        subj = "Freedom of Information request"
        y = rng.choice([2024, 2025])
        paras = ["Under the Freedom of Information Act 2000 I would like to request the following information.",
                 f"1. The number of residents' parking permits issued in each permit zone in Haddon Market and Kingsbury "
                 f"St Mary during the period 1 April {y} to 31 March {y + 1}. 2. The total income received from those "
                 "permits. 3. The number of penalty charge notices issued in the same zones over the same period.",
                 "I would prefer to receive the information by email in a spreadsheet format if possible."]
        dates += [dt.date(y, 4, 1), dt.date(y + 1, 3, 31)]
    else:  # other
        subj, paras = rng.choice([
            ("Allotment waiting list",
             ["Could you please tell me how I go about getting an allotment? I understand the council has some plots "
              "off Station Road and I would like to put my name down for one, even a half plot.",
              "Please could you let me know how long the waiting list is, what the annual rent is and whether there is "
              "water on the site."]),
            ("Tables and chairs outside the cafe",
             ["I run a small cafe and I would like to put two tables and four chairs on the pavement outside during the "
              "summer. Is there a licence for this and how do I apply? I could not find anything on your website.",
              "I would also like to know whether I need permission for an A-board sign."]),
            ("Replacement street name sign",
             ["The street name plate at the end of our road has been broken for some time and half of it is missing. "
              "Delivery drivers keep getting lost. Is it possible for the council to replace it?",
              "I am happy to send a photograph if that would help."])])
    body = " ".join(paras)
    f["truth"]["body"] = collapse(body)
    f["truth"]["dates_mentioned"] = sorted({d.isoformat() for d in dates}, key=lambda s: [d.isoformat() for d in dates].index(s))
    f["extra"]["paras"] = paras
    f["extra"]["subject"] = subj
    f["extra"]["letter_date"] = D(d_letter)
    f["extra"]["letter_date_obj"] = d_letter
    f["extra"]["date_style"] = sty
    if name:
        f["truth"]["sender_name"] = name
    if p and with_addr:
        f["truth"]["address"] = p["address_line_1"]
        f["truth"]["postcode"] = p["postcode"]
        f["extra"]["addr_lines"] = [p["address_line_1"]] + ([p["address_line_2"]] if p["address_line_2"] else []) + \
            [p["town"], p["postcode"]]
    else:
        f["extra"]["addr_lines"] = []
    if acct_ref:
        f["truth"]["account_ref"] = acct_ref
    f["extra"]["email"] = email_for(name) if name else "concerned.resident.hm@gmail.com"
    forms.append(f)
    return f


# ---------------------------------------------------------------- checks (forms.md, literally)
TITLE_RE = re.compile(r"^(mr|mrs|ms|miss|dr|mx)\.?\s+", re.I)


def nname(s):
    return TITLE_RE.sub("", collapse(s)).lower()


def naddr(s):
    return collapse(s.replace(",", " ").replace(".", " ")).lower()


def find_prop(line1, pc):
    return [p for p in props if naddr(p["address_line_1"]) == naddr(line1) and p["postcode"] == pc]


def active_permits(pred):
    return [x for x in permits if x["valid_from"] <= ASOF <= x["valid_to"] and pred(x)]


VRM_OK = [re.compile(r"^[A-Z]{2}\d{2}[A-Z]{3}$"), re.compile(r"^[A-Z]\d{1,3}[A-Z]{3}$"),
          re.compile(r"^[A-Z]{3}\d{1,3}[A-Z]$")]


def check(f):
    t = f["truth"]
    R = []
    acct_by = {a["account_ref"]: a for a in accounts}
    D = lambda k: dt.date.fromisoformat(t[k])
    if f["type"] == "council_tax_spd":
        for k in ["account_ref", "applicant_name", "address", "postcode", "sole_adult_since", "declaration_date"]:
            if k not in t:
                R.append(f"MISSING_FIELD:{k}")
        a = acct_by.get(t["account_ref"])
        if not a:
            R.append("ACCOUNT_NOT_FOUND")
        else:
            if a["status"] == "closed":
                R.append("ACCOUNT_CLOSED")
            if nname(t["applicant_name"]) not in [nname(x) for x in a["liable_parties"]]:
                R.append("NAME_MISMATCH")
            pr = [p for p in props if p["uprn"] == a["uprn"]][0]
            if naddr(pr["address_line_1"]) != naddr(t["address"]) or pr["postcode"] != t["postcode"]:
                R.append("ADDRESS_MISMATCH")
            if "SPD" in a["discounts"].split(";"):
                R.append("DISCOUNT_ALREADY_APPLIED")
            ok = {nname(t["applicant_name"])} | ({nname(t["other_adult_name"])} if "other_adult_name" in t else set())
            if any(nname(e["full_name"]) not in ok for e in electors if e["uprn"] == a["uprn"]):
                R.append("OTHER_ADULTS_REGISTERED")
        if D("sole_adult_since") > ASOF:
            R.append("DATE_IN_FUTURE")
        if (ASOF - D("sole_adult_since")).days > 365:
            R.append("DATE_TOO_OLD")
        if any(d.isoformat() != t["sole_adult_since"] for d in f["cd_dates"]):
            R.append("INCONSISTENT_DATES")
    elif f["type"] == "council_tax_move":
        req = ["move_type", "applicant_name", "move_date", "declaration_date"]
        req += ["account_ref", "previous_address", "previous_postcode"] if t["move_type"] == "out" else \
            ["new_address", "new_postcode"]
        for k in req:
            if k not in t:
                R.append(f"MISSING_FIELD:{k}")
        if t["move_type"] == "out":
            a = acct_by.get(t["account_ref"])
            if not a:
                R.append("ACCOUNT_NOT_FOUND")
            else:
                if nname(t["applicant_name"]) not in [nname(x) for x in a["liable_parties"]]:
                    R.append("NAME_MISMATCH")
                pr = [p for p in props if p["uprn"] == a["uprn"]][0]
                if naddr(pr["address_line_1"]) != naddr(t["previous_address"]) or pr["postcode"] != t["previous_postcode"]:
                    R.append("ADDRESS_MISMATCH")
        else:
            if not find_prop(t["new_address"], t["new_postcode"]):
                R.append("PROPERTY_NOT_FOUND")
        if (D("move_date") - ASOF).days > 28:
            R.append("DATE_IN_FUTURE")
        if (ASOF - D("move_date")).days > 365:
            R.append("DATE_TOO_OLD")
    elif f["type"] == "parking_permit":
        for k in ["applicant_name", "address", "postcode", "vrm", "zone", "start_date", "declaration_date"]:
            if k not in t:
                R.append(f"MISSING_FIELD:{k}")
        pr = find_prop(t["address"], t["postcode"])
        if not pr:
            R.append("PROPERTY_NOT_FOUND")
        else:
            pr = pr[0]
            if not pr["parking_zone"] or pr["parking_zone"] != t["zone"]:
                R.append("NOT_IN_PERMIT_ZONE")
            names = set()
            for a in accts_at(pr["uprn"], "active"):
                names |= {nname(x) for x in a["liable_parties"]}
            names |= {nname(e["full_name"]) for e in electors if e["uprn"] == pr["uprn"]}
            if nname(t["applicant_name"]) not in names:
                R.append("NOT_RESIDENT")
        if not any(r.match(t["vrm"]) for r in VRM_OK):
            R.append("INVALID_FORMAT:vrm")
        else:
            if active_permits(lambda x: x["vrm"] == t["vrm"]):
                R.append("VRM_HAS_PERMIT")
        if pr and len(active_permits(lambda x: x["uprn"] == pr["uprn"])) >= 2:
            R.append("PERMIT_CAP_REACHED")
        if (D("start_date") - ASOF).days > 28:
            R.append("DATE_IN_FUTURE")
    else:
        known = False
        if t.get("sender_name"):
            if t.get("address") and t.get("postcode") and find_prop(t["address"], t["postcode"]):
                known = True
            if t.get("account_ref") and t["account_ref"] in acct_by:
                known = True
        if not known:
            R.append("SENDER_UNKNOWN")
        if t.get("account_ref") and t["account_ref"] not in acct_by:
            R.append("ACCOUNT_NOT_FOUND")
    return R


# ================================================================ PDF drawing
class Pg:
    """Tiny wrapper: coordinates measured from the top-left."""

    def __init__(self, c, W, H):
        self.c, self.W, self.H = c, W, H

    def text(self, x, t, s, font="Helvetica", size=10, color=colors.black, align="left"):
        c = self.c
        c.setFont(font, size)
        c.setFillColor(color)
        y = self.H - t
        if align == "left":
            c.drawString(x, y, s)
        elif align == "right":
            c.drawRightString(x, y, s)
        else:
            c.drawCentredString(x, y, s)
        c.setFillColor(colors.black)

    def wrap(self, x, t, s, width, font="Helvetica", size=9, lead=None, color=colors.black):
        lead = lead or size * 1.25
        lines = simpleSplit(s, font, size, width)
        for i, ln in enumerate(lines):
            self.text(x, t + i * lead, ln, font, size, color)
        return t + len(lines) * lead

    def rect(self, x, t, w, h, fill=None, stroke=colors.black, lw=0.7):
        c = self.c
        c.setLineWidth(lw)
        if stroke is not None:
            c.setStrokeColor(stroke)
        if fill is not None:
            c.setFillColor(fill)
        c.rect(x, self.H - t - h, w, h, stroke=1 if stroke else 0, fill=1 if fill is not None else 0)
        c.setFillColor(colors.black)
        c.setStrokeColor(colors.black)

    def line(self, x1, t1, x2, t2, lw=0.6, dash=None):
        c = self.c
        c.setLineWidth(lw)
        if dash:
            c.setDash(*dash)
        c.line(x1, self.H - t1, x2, self.H - t2)
        c.setDash()

    def tick(self, x, t, checked, label, size=9, font="Helvetica"):
        self.rect(x, t, 9, 9)
        if checked:
            self.text(x + 1.6, t + 7.8, "X", "Helvetica-Bold", 9)
        self.text(x + 14, t + 8, label, font, size)


def crest(pg, x, t, s=46):
    c = pg.c
    y = pg.H - t
    p = c.beginPath()
    p.moveTo(x, y)
    p.lineTo(x + s, y)
    p.lineTo(x + s, y - s * 0.55)
    p.curveTo(x + s, y - s * 0.9, x + s * 0.6, y - s * 1.05, x + s / 2, y - s * 1.15)
    p.curveTo(x + s * 0.4, y - s * 1.05, x, y - s * 0.9, x, y - s * 0.55)
    p.close()
    c.setFillColor(GREEN)
    c.drawPath(p, fill=1, stroke=0)
    c.setStrokeColor(colors.white)
    c.setLineWidth(1.2)
    c.line(x + 5, y - s * 0.42, x + s - 5, y - s * 0.42)
    c.setStrokeColor(colors.black)
    c.setFillColor(colors.white)
    c.setFont("Times-Bold", s * 0.28)
    c.drawCentredString(x + s / 2, y - s * 0.33, "SH")
    c.setFont("Times-Roman", s * 0.13)
    c.drawCentredString(x + s / 2, y - s * 0.64, "DC")
    c.setFillColor(colors.black)


def council_header(pg, title, code, dept, t0=30, compact=False):
    W = pg.W
    crest(pg, 40, t0, 40 if compact else 46)
    pg.text(92, t0 + 16, "South Haddon", "Times-Bold", 17, GREEN)
    pg.text(92, t0 + 31, "District Council", "Times-Roman", 13, GREEN)
    pg.text(92, t0 + 44, dept, "Helvetica", 7.5)
    pg.text(W - 40, t0 + 10, code, "Helvetica-Bold", 9, align="right")
    pg.text(W - 40, t0 + 22, "Council Offices, Priory Road", "Helvetica", 7, align="right")
    pg.text(W - 40, t0 + 31, "Haddon Market  SH1 4DQ", "Helvetica", 7, align="right")
    pg.text(W - 40, t0 + 40, "01632 960400  www.southhaddon.gov.uk", "Helvetica", 7, align="right")
    pg.line(40, t0 + 58, W - 40, t0 + 58, 1.5)
    pg.text(40, t0 + 78, title, "Helvetica-Bold", 14)
    return t0 + 90


def footer(pg, left, n, total):
    pg.line(40, pg.H - 34, pg.W - 40, pg.H - 34, 0.4)
    pg.text(40, pg.H - 24, left, "Helvetica", 6.5, colors.HexColor("#555555"))
    pg.text(pg.W - 40, pg.H - 24, f"Page {n} of {total}", "Helvetica", 6.5, colors.HexColor("#555555"), "right")


def office_use(pg, x, t, w, h, items):
    pg.rect(x, t, w, h, fill=colors.HexColor("#f2f2f2"))
    pg.text(x + 6, t + 12, "FOR OFFICE USE ONLY", "Helvetica-Bold", 8)
    cx = x + 6
    for it in items:
        pg.text(cx, t + 28, it, "Helvetica", 7)
        pg.line(cx, t + 42, cx + (w - 12) / len(items) - 10, t + 42, 0.4)
        cx += (w - 12) / len(items)


TYPED = "Courier"       # answers typed by computer


# ---------------------------------------------------------------- layout 1: two columns
def L_twocol(f, path):
    W, H = A4
    c = canvas.Canvas(path, pagesize=A4)
    pg = Pg(c, W, H)
    d, x = f["disp"], f["extra"]
    ty = f["type"]
    XL, XR, CW = 40, 308, 247
    meta = {"council_tax_spd": ("Council Tax: Single Person Discount", "Form CT/SPD/3", "Revenues & Benefits Service"),
            "council_tax_move": ("Council Tax: Change of Address", "Form CT/MOV/2", "Revenues & Benefits Service"),
            "parking_permit": ("Residents' Parking Permit Application", "Form PK/RES/5", "Parking Services")}[ty]
    t = council_header(pg, meta[0], meta[1], meta[2])

    def section(t, num, title):
        pg.rect(40, t, W - 80, 16, fill=GREEN, stroke=None)
        pg.text(46, t + 11.5, f"Section {num}   {title}", "Helvetica-Bold", 9.5, colors.white)
        return t + 24

    def field(xc, t, label, val, h=20, w=CW, hint=None):
        pg.text(xc, t + 8, label, "Helvetica-Bold", 8)
        if hint:
            pg.text(xc + pdfmetrics.stringWidth(label, "Helvetica-Bold", 8) + 4, t + 8, hint, "Helvetica-Oblique", 7)
        pg.rect(xc, t + 12, w, h)
        if val:
            lines = simpleSplit(val, TYPED, 9.5, w - 10)
            for i, ln in enumerate(lines):
                pg.text(xc + 5, t + 12 + 13 + i * 12, ln, TYPED, 9.5)
        return t + 12 + h + 10

    def columns(t, left, right):
        tl, tr = t, t
        for it in left:
            tl = field(XL, tl, *it)
        for it in right:
            tr = field(XR, tr, *it)
        return max(tl, tr)

    note = {"council_tax_spd": "If you are the only adult (aged 18 or over) living in your home you may be entitled to a 25% "
                               "reduction in your Council Tax. Please complete both columns of each section. Answers may be typed.",
            "council_tax_move": "Use this form to tell us you are moving into, out of, or within South Haddon. Complete the left "
                                "column for the home you are leaving and the right column for your new home.",
            "parking_permit": "Permits are only issued to residents of a property within a residents' parking zone. One permit "
                              "per vehicle, maximum two permits per household. Allow 10 working days."}[ty]
    t = pg.wrap(40, t, note, W - 80, "Helvetica", 8.5) + 8
    if ty == "council_tax_spd":
        t = section(t, 1, "About you and your home")
        t = columns(t, [("Council Tax account number", d.get("account_ref"), 20, CW, "(on your bill)"),
                        ("Full name of person liable", d.get("applicant_name")),
                        ("Daytime telephone number", d.get("phone"))],
                    [("Address: house name or number and street", d.get("address")),
                     ("Town or village", x.get("address_town")),
                     ("Postcode", d.get("postcode"))])
        t = field(XL, t, "Email address", d.get("email"), 20, W - 80)
        t = section(t, 2, "The change in your household")
        t = columns(t, [("Date you became the only adult (18+) living here", d.get("sole_adult_since")),
                        ("Full name of the adult who has left", d.get("other_adult_name"))],
                    [("Their new address, if known", d.get("other_adult_forwarding_address"), 44)])
        t = field(XL, t, "Tell us what changed", d.get("change_description"), 52, W - 80,
                  "(for example who moved out, and when)")
        footer(pg, "CT/SPD/3 (rev. 04/26)  South Haddon District Council - continued overleaf", 1, 2)
        c.showPage()
        t = 40
        pg.text(40, t, "CT/SPD/3 continued", "Helvetica-Bold", 9)
        t = section(t + 12, 3, "Declaration")
        decl = ("I declare that the information I have given on this form is correct and complete. I understand that I must "
                "tell the Council within 21 days if anyone aged 18 or over comes to live at the property. I understand that "
                "giving false information to obtain a discount is an offence and may lead to a penalty of up to \u00a370.")
    elif ty == "council_tax_move":
        t = section(t, 1, "Are you moving in or out?")
        pg.tick(50, t, d["move_type"] == "out", "I am moving OUT of a property in South Haddon")
        pg.tick(XR, t, d["move_type"] == "in", "I am moving INTO a property in South Haddon")
        t += 22
        t = section(t, 2, "Your details")
        t = columns(t, [("Full name", d.get("applicant_name")),
                        ("Council Tax account no. (if you are leaving)", d.get("account_ref"))],
                    [("Date of your move", d.get("move_date")),
                     ("Telephone", d.get("phone"))])
        t = field(XL, t, "Email", d.get("email"), 20, W - 80)
        t = section(t, 3, "Addresses")
        pg.text(XL, t + 4, "THE ADDRESS YOU ARE LEAVING", "Helvetica-Bold", 8.5, GREEN)
        pg.text(XR, t + 4, "YOUR NEW ADDRESS", "Helvetica-Bold", 8.5, GREEN)
        t += 10
        t = columns(t, [("House name or number and street", d.get("previous_address")),
                        ("Town", x.get("previous_address_town")),
                        ("Postcode", d.get("previous_postcode"))],
                    [("House name or number and street", d.get("new_address")),
                     ("Town", x.get("new_address_town")),
                     ("Postcode", d.get("new_postcode"))])
        footer(pg, "CT/MOV/2 (rev. 02/26)  South Haddon District Council - please turn over", 1, 2)
        c.showPage()
        t = 40
        pg.text(40, t, "CT/MOV/2 continued", "Helvetica-Bold", 9)
        t = section(t + 12, 4, "Declaration")
        decl = ("I declare that the details I have given are true. I understand that Council Tax is charged daily and that I "
                "remain liable for the property I am leaving until the date shown above.")
    else:
        t = section(t, 1, "You and your vehicle")
        pg.text(XL, t + 4, "APPLICANT", "Helvetica-Bold", 8.5, GREEN)
        pg.text(XR, t + 4, "VEHICLE", "Helvetica-Bold", 8.5, GREEN)
        t += 10
        tl = t
        for it in [("Full name", d.get("applicant_name")), ("House name or number and street", d.get("address")),
                   ("Town", x.get("address_town")), ("Postcode", d.get("postcode")), ("Telephone", d.get("phone")),
                   ("Email", d.get("email"))]:
            tl = field(XL, tl, *it)
        tr = t
        for it in [("Registration number", d.get("vrm")), ("Make", d.get("vehicle_make")),
                   ("Model and colour", f"{x['model']}, {x['colour']}")]:
            tr = field(XR, tr, *it)
        pg.text(XR, tr + 8, "Permit zone (tick one)", "Helvetica-Bold", 8)
        tr += 14
        for z, zn in ZONES.items():
            pg.tick(XR + 4, tr, d.get("zone") == z, f"{z}   {zn}", 8)
            tr += 14
        tr = field(XR, tr + 4, "Permit to start on", d.get("start_date"))
        t = max(tl, tr)
        pg.wrap(40, t + 6, "Your vehicle must be registered to you at the address above. We may ask to see the V5C "
                "registration document and proof of residence.", W - 80, "Helvetica-Oblique", 8)
        footer(pg, "PK/RES/5 (rev. 09/26)  South Haddon District Council - continued overleaf", 1, 2)
        c.showPage()
        t = 40
        pg.text(40, t, "PK/RES/5 continued", "Helvetica-Bold", 9)
        t = section(t + 12, 2, "Declaration")
        decl = ("I declare that I live at the address given and that the vehicle is kept there. I understand that a permit "
                "does not guarantee a space and that misuse of a permit will lead to it being withdrawn.")
    t = pg.wrap(40, t, decl, W - 80, "Helvetica", 8.5) + 8
    pg.text(XL, t + 8, "Signature", "Helvetica-Bold", 8)
    pg.rect(XL, t + 12, CW, 26)
    pg.text(XL + 6, t + 30, x["signature"], SCRIPT, 13)
    pg.text(XR, t + 8, "Date", "Helvetica-Bold", 8)
    pg.rect(XR, t + 12, CW, 26)
    if d.get("declaration_date"):
        pg.text(XR + 6, t + 29, d["declaration_date"], TYPED, 10)
    t += 60
    pg.wrap(40, t, "Data protection: South Haddon District Council will use the information on this form to administer your "
            "application and may share it with other departments to prevent fraud. See www.southhaddon.gov.uk/privacy.",
            W - 80, "Helvetica", 7.5)
    office_use(pg, 40, t + 40, W - 80, 56, ["Date received", "Input by", "Account / permit ref", "Checked"])
    footer(pg, meta[1].replace("Form ", "") + "  South Haddon District Council", 2, 2)
    c.showPage()
    c.save()


# ---------------------------------------------------------------- layout 2: landscape table
def L_table(f, path):
    W, H = landscape(A4)
    c = canvas.Canvas(path, pagesize=(W, H))
    pg = Pg(c, W, H)
    d, x = f["disp"], f["extra"]
    ty = f["type"]
    meta = {"council_tax_spd": ("SINGLE PERSON DISCOUNT - APPLICATION", "SPD1/L"),
            "council_tax_move": ("MOVING HOME - COUNCIL TAX NOTIFICATION", "CTM4/L"),
            "parking_permit": ("RESIDENTS' PARKING PERMIT - APPLICATION", "RPP2/L")}[ty]
    t = council_header(pg, meta[0], "Ref. " + meta[1], "Customer & Revenues Services", t0=24, compact=True)

    def table(t, title, cols, rows, rowhead=None, hh=30, rh=26):
        pg.text(40, t + 9, title, "Helvetica-Bold", 9.5, GREEN)
        t += 14
        total = W - 80
        x0 = 40
        widths = [total * w for w in cols[1]]
        if rowhead:
            rw = 110
            widths = [(total - rw) * w for w in cols[1]]
            pg.rect(40, t, rw, hh, fill=GREY)
            x0 = 40 + rw
        xx = x0
        for hd, w in zip(cols[0], widths):
            pg.rect(xx, t, w, hh, fill=GREY)
            lines = simpleSplit(hd, "Helvetica-Bold", 7.5, w - 6)
            for i, ln in enumerate(lines[:3]):
                pg.text(xx + 3, t + 9 + i * 8.5, ln, "Helvetica-Bold", 7.5)
            xx += w
        t += hh
        for ri, row in enumerate(rows):
            if rowhead:
                pg.rect(40, t, rw, rh)
                pg.wrap(43, t + 10, rowhead[ri], rw - 6, "Helvetica-Bold", 7.5, 8.5)
            xx = x0
            for v, w in zip(row, widths):
                pg.rect(xx, t, w, rh)
                if v:
                    lines = simpleSplit(v, TYPED, 8.5, w - 6)
                    for i, ln in enumerate(lines[:3]):
                        pg.text(xx + 3, t + 11 + i * 10, ln, TYPED, 8.5)
                xx += w
            t += rh
        return t + 10

    pg.wrap(40, t, "Please complete every column that applies to you. Use one row per address. Incomplete forms will be "
            "returned. Guidance notes are available from www.southhaddon.gov.uk/counciltax or the Council Offices.",
            W - 80, "Helvetica-Oblique", 8)
    t += 16
    if ty == "council_tax_spd":
        t = table(t, "PART A   ACCOUNT HOLDER",
                  (["Council tax reference no.", "Name of liable person applying", "Address of property (number or name and street)",
                    "Town / village", "Postcode"], [.15, .25, .3, .15, .15]),
                  [[d.get("account_ref"), d.get("applicant_name"), d.get("address"), x.get("address_town"), d.get("postcode")]])
        t = table(t, "PART B   SINGLE OCCUPANCY",
                  (["Date from which you have been the sole adult resident", "Name of other adult who moved out",
                    "Forwarding address of that person", "Contact telephone", "Email"], [.17, .2, .28, .13, .22]),
                  [[d.get("sole_adult_since"), d.get("other_adult_name"), d.get("other_adult_forwarding_address"),
                    d.get("phone"), d.get("email")]], rh=34)
        t = table(t, "PART C   CIRCUMSTANCES",
                  (["Tell us what changed (please give details)"], [1.0]), [[d.get("change_description")]], hh=16, rh=36)
        decl = ("I declare that I am the only adult resident at the above address and that the information given is correct. "
                "I will notify the Council within 21 days of any change.")
    elif ty == "council_tax_move":
        pg.text(40, t + 8, "I am:", "Helvetica-Bold", 9)
        pg.tick(80, t, d["move_type"] == "in", "moving in to South Haddon / to a new address in the district")
        pg.tick(400, t, d["move_type"] == "out", "moving out of a property in South Haddon")
        t += 18
        t = table(t, "1   YOUR DETAILS",
                  (["Your full name", "Council tax account number (moving out only)", "Date of move",
                    "Daytime telephone", "Email"], [.24, .18, .14, .16, .28]),
                  [[d.get("applicant_name"), d.get("account_ref"), d.get("move_date"), d.get("phone"), d.get("email")]])
        t = table(t, "2   ADDRESSES",
                  (["House number / name and street", "Town or village", "Postcode"], [.5, .28, .22]),
                  [[d.get("previous_address"), x.get("previous_address_town"), d.get("previous_postcode")],
                   [d.get("new_address"), x.get("new_address_town"), d.get("new_postcode")]],
                  rowhead=["Property you are leaving", "Property you are moving to / forwarding address"], hh=18)
        decl = ("I confirm the information above is correct. I understand I must pay Council Tax up to the date I leave "
                "and from the date I move in.")
    else:
        t = table(t, "A   APPLICANT",
                  (["Applicant's full name", "Address within the permit zone (number and street)", "Town",
                    "Postcode", "Daytime phone", "Email"], [.2, .26, .12, .1, .12, .2]),
                  [[d.get("applicant_name"), d.get("address"), x.get("address_town"), d.get("postcode"), d.get("phone"),
                    d.get("email")]])
        t = table(t, "B   VEHICLE AND PERMIT",
                  (["Vehicle registration", "Make", "Model / colour", "Zone applied for (code - see note 3)",
                    "Permit to start (date)"], [.2, .16, .2, .2, .24]),
                  [[d.get("vrm"), d.get("vehicle_make"), f"{x['model']} / {x['colour']}", d.get("zone"), d.get("start_date")]])
        pg.wrap(40, t, "Note 3 - zone codes:  " + ";  ".join(f"{k} = {v}" for k, v in ZONES.items()) +
                ".  Permits are limited to two per household.", W - 80, "Helvetica", 7.5)
        t += 14
        decl = ("I declare that I am resident at the address above, that the vehicle is kept there, and that the "
                "information I have given is true.")
    # declaration area
    t = max(t + 4, H - 150)
    pg.rect(40, t, 520, 88)
    pg.text(46, t + 12, "DECLARATION", "Helvetica-Bold", 9)
    pg.wrap(46, t + 25, decl, 505, "Helvetica", 8)
    pg.text(46, t + 72, "Signed:", "Helvetica", 9)
    pg.text(86, t + 72, x["signature"], SCRIPT, 12)
    pg.line(84, t + 75, 300, t + 75, 0.4)
    pg.text(320, t + 72, "Date:", "Helvetica", 9)
    if d.get("declaration_date"):
        pg.text(350, t + 72, d["declaration_date"], TYPED, 9.5)
    pg.line(348, t + 75, 550, t + 75, 0.4)
    office_use(pg, 575, t, W - 615, 88, ["Rec'd", "Officer", "Action"])
    footer(pg, f"{meta[1]}  Issued by South Haddon District Council. Return to: Council Offices, Priory Road, "
               f"Haddon Market SH1 4DQ", 1, 1)
    c.showPage()
    c.save()


# ---------------------------------------------------------------- layout 3: underlined answers
def L_under(f, path):
    W, H = A4
    c = canvas.Canvas(path, pagesize=A4)
    pg = Pg(c, W, H)
    d, x = f["disp"], f["extra"]
    ty = f["type"]
    meta = {"council_tax_spd": ("Application for 25% Single Person Discount", "SHDC-RB-014"),
            "council_tax_move": ("Notification of a Change of Address", "SHDC-RB-022"),
            "parking_permit": ("Application for a Residents' Parking Permit", "SHDC-PK-003")}[ty]
    t = council_header(pg, meta[0], meta[1], "Revenues, Benefits & Parking")
    n = [0]

    def q(t, label, val, hint=None, numbered=True, x0=40, x1=None):
        x1 = x1 or W - 40
        lab = label
        if numbered:
            n[0] += 1
            lab = f"{n[0]}.  {label}"
        pg.text(x0, t, lab, "Helvetica", 9.5)
        xx = x0 + pdfmetrics.stringWidth(lab, "Helvetica", 9.5) + 4
        if hint:
            pg.text(xx, t, hint, "Helvetica-Oblique", 8)
            xx += pdfmetrics.stringWidth(hint, "Helvetica-Oblique", 8) + 4
        pg.line(xx, t + 2.5, x1, t + 2.5, 0.5)
        if val:
            avail = x1 - xx - 8
            lines = simpleSplit(val, TYPED, 10, avail)
            if len(lines) == 1:
                pg.text(xx + 6, t, val, TYPED, 10)
            else:
                pg.text(xx + 6, t, lines[0], TYPED, 10)
                rest = simpleSplit(" ".join(val.split()[len(lines[0].split()):]), TYPED, 10, W - 100)
                for ln in rest:
                    t += 20
                    pg.line(x0 + 14, t + 2.5, W - 40, t + 2.5, 0.5)
                    pg.text(x0 + 20, t, ln, TYPED, 10)
        return t + 22

    def head(t, s):
        pg.text(40, t + 6, s.upper(), "Helvetica-Bold", 10, GREEN)
        pg.line(40, t + 10, W - 40, t + 10, 0.8)
        return t + 28

    t = pg.wrap(40, t, "Please read the notes before completing this form. Write your answers on the lines provided. "
                "If a question does not apply, leave it blank.", W - 80, "Helvetica-Oblique", 8.5) + 10
    if ty == "council_tax_spd":
        t = head(t, "Part 1 - Your account")
        t = q(t, "Account reference", d.get("account_ref"), "(as shown on your bill)")
        t = q(t, "Your full name", d.get("applicant_name"))
        t = q(t, "Address", d.get("address"), "(number/name and street)")
        t = q(t, "Town", x.get("address_town"), numbered=False, x0=56, x1=330)
        t -= 22
        t = q(t, "Postcode:", d.get("postcode"), numbered=False, x0=340)
        t = q(t, "Phone number", d.get("phone"), "(optional)", x1=300)
        t -= 22
        t = q(t, "Email:", d.get("email"), numbered=False, x0=310)
        t = head(t, "Part 2 - Who lives with you")
        t = q(t, "Since what date have you been the only adult living at the property?", d.get("sole_adult_since"))
        t = q(t, "Name of the person who has moved out", d.get("other_adult_name"), "(if any)")
        t = q(t, "Where have they moved to?", d.get("other_adult_forwarding_address"))
        t = q(t, "Tell us what changed", d.get("change_description"), "(briefly)")
        t = head(t, "Part 3 - Declaration")
        decl = ("I apply for a single person discount. I declare that I am the only person aged 18 or over who lives at "
                "this address as their main home. I will tell the Council within 21 days if this changes.")
    elif ty == "council_tax_move":
        t = head(t, "Part 1 - About your move")
        mv = d["move_type"]
        pg.text(40, t, "1.  Are you moving into or out of the district?", "Helvetica", 9.5)
        pg.tick(300, t - 8, mv == "in", "Moving in")
        pg.tick(390, t - 8, mv == "out", "Moving out")
        n[0] = 1
        t += 22
        t = q(t, "Full name", d.get("applicant_name"))
        t = q(t, "Council tax account number", d.get("account_ref"), "(leaving only)")
        t = q(t, "Date of move", d.get("move_date"), "(the date you got / handed back the keys)")
        t = head(t, "Part 2 - Addresses")
        t = q(t, "Address you are leaving", d.get("previous_address"), "(in South Haddon)")
        t = q(t, "Town", x.get("previous_address_town"), numbered=False, x0=56, x1=330)
        t -= 22
        t = q(t, "Postcode", d.get("previous_postcode"), numbered=False, x0=340)
        t = q(t, "New address", d.get("new_address"), "(or forwarding address)")
        t = q(t, "Town", x.get("new_address_town"), numbered=False, x0=56, x1=330)
        t -= 22
        t = q(t, "Postcode", d.get("new_postcode"), numbered=False, x0=340)
        t = head(t, "Part 3 - Contact")
        t = q(t, "Telephone?", d.get("phone"), x1=300)
        t -= 22
        t = q(t, "Email?", d.get("email"), numbered=False, x0=310)
        t = head(t, "Part 4 - Declaration")
        decl = ("I certify that the information given on this form is true and complete to the best of my knowledge.")
    else:
        t = head(t, "Section A - Applicant")
        t = q(t, "Name", d.get("applicant_name"), "(in full)")
        t = q(t, "Address in the zone", d.get("address"))
        t = q(t, "Town", x.get("address_town"), numbered=False, x0=56, x1=330)
        t -= 22
        t = q(t, "Postcode", d.get("postcode"), numbered=False, x0=340)
        t = q(t, "Contact number:", d.get("phone"), x1=300)
        t -= 22
        t = q(t, "Email:", d.get("email"), numbered=False, x0=310)
        t = head(t, "Section B - Vehicle")
        t = q(t, "Vehicle reg.", d.get("vrm"), x1=300)
        t -= 22
        t = q(t, "Make", d.get("vehicle_make"), numbered=False, x0=310)
        t = q(t, "Model & colour", f"{x['model']} ({x['colour']})")
        t = q(t, "Which zone do you want a permit for?", d.get("zone"), "(MS, Q, TR or K1)")
        t = q(t, "Start date required", d.get("start_date"))
        t = head(t, "Section C - Declaration")
        decl = ("I declare that I reside at the address given, that the vehicle above is kept by me at that address, and "
                "that I will return the permit if I move or sell the vehicle.")
    t = pg.wrap(40, t - 8, decl, W - 80, "Helvetica", 8.5) + 18
    pg.text(40, t, "Signed", "Helvetica", 9.5)
    pg.line(76, t + 2.5, 320, t + 2.5, 0.5)
    pg.text(84, t - 1, x["signature"], SCRIPT, 12)
    pg.text(335, t, "Date", "Helvetica", 9.5)
    pg.line(362, t + 2.5, W - 40, t + 2.5, 0.5)
    if d.get("declaration_date"):
        pg.text(370, t, d["declaration_date"], TYPED, 10)
    t += 22
    office_use(pg, 40, max(t, H - 112), W - 80, 52, ["Received", "Scanned", "System ref", "Officer"])
    footer(pg, f"{meta[1]}  v7  South Haddon District Council", 1, 1)
    c.showPage()
    c.save()


# ---------------------------------------------------------------- layout 4: online form email
def L_email(f, path, sub_ref, sub_time):
    W, H = A4
    c = canvas.Canvas(path, pagesize=A4)
    pg = Pg(c, W, H)
    d, x = f["disp"], f["extra"]
    ty = f["type"]
    name = {"council_tax_spd": "Single Person Discount (Council Tax)",
            "council_tax_move": "Moving home - Council Tax",
            "parking_permit": "Residents parking permit"}[ty]
    team = {"council_tax_spd": "revenues", "council_tax_move": "revenues", "parking_permit": "parking"}[ty]
    pg.text(40, 24, sub_time.strftime("%d/%m/%Y, %H:%M"), "Helvetica", 7)
    pg.text(W / 2, 24, "Mail - South Haddon DC - Outlook", "Helvetica", 7, align="centre")
    t = 52
    pg.text(40, t, f"New submission: {name}", "Helvetica-Bold", 14)
    t += 24
    for k, v in [("From", "South Haddon Online Forms <noreply@forms.southhaddon.gov.uk>"),
                 ("To", f"{team}@southhaddon.gov.uk"),
                 ("Date", sub_time.strftime("%a ") + f"{sub_time.day:02d}/{sub_time.month:02d}/{sub_time.year} "
                  + sub_time.strftime("%H:%M")),
                 ("Subject", f"New submission: {name} [{sub_ref}]")]:
        pg.text(40, t, k + ":", "Helvetica-Bold", 9)
        pg.text(95, t, v, "Helvetica", 9)
        t += 13
    pg.line(40, t, W - 40, t, 0.5)
    t += 20
    t = pg.wrap(40, t, f"A new form has been submitted on www.southhaddon.gov.uk. Submission reference {sub_ref}. "
                "The details entered by the customer are shown below. Blank answers are omitted.", W - 80, "Helvetica", 9.5)
    t += 10

    def sec(t, s):
        pg.text(40, t, s, "Helvetica-Bold", 10.5, GREEN)
        return t + 16

    def fv(t, k, v):
        if not v:
            return t
        pg.text(48, t, f"{k}:", "Helvetica", 9.5)
        xx = 48 + pdfmetrics.stringWidth(f"{k}:", "Helvetica", 9.5) + 5
        lines = simpleSplit(v, "Helvetica", 9.5, W - 40 - xx) if len(v) < 60 else simpleSplit(v, "Helvetica", 9.5, W - 120)
        if len(v) < 60:
            pg.text(xx, t, lines[0], "Helvetica", 9.5)
            t += 13
        else:
            t += 13
            for ln in lines:
                pg.text(64, t, ln, "Helvetica", 9.5)
                t += 13
        return t + 2

    if ty == "council_tax_spd":
        t = sec(t, "About you")
        t = fv(t, "Council tax account number", d.get("account_ref"))
        t = fv(t, "Your name", d.get("applicant_name"))
        t = fv(t, "Address line 1", d.get("address"))
        t = fv(t, "Address line 2", x.get("address_l2"))
        t = fv(t, "Town", x.get("address_town"))
        t = fv(t, "Postcode", d.get("postcode"))
        t = fv(t, "Phone", d.get("phone"))
        t = fv(t, "Email address", d.get("email"))
        t = sec(t + 6, "Your household")
        t = fv(t, "Date you became the only adult in the property", d.get("sole_adult_since"))
        t = fv(t, "Name of the other adult", d.get("other_adult_name"))
        t = fv(t, "Their forwarding address", d.get("other_adult_forwarding_address"))
        t = fv(t, "What has changed? (please explain)", d.get("change_description"))
    elif ty == "council_tax_move":
        t = sec(t, "Your move")
        t = fv(t, "Are you moving in or out", "Moving into South Haddon" if d["move_type"] == "in" else "Moving out of South Haddon")
        t = fv(t, "Full name", d.get("applicant_name"))
        t = fv(t, "Council tax account number", d.get("account_ref"))
        t = fv(t, "Moving date", d.get("move_date"))
        t = sec(t + 6, "Addresses")
        t = fv(t, "Address you are leaving", d.get("previous_address"))
        t = fv(t, "Town (leaving)", x.get("previous_address_town"))
        t = fv(t, "Postcode (leaving)", d.get("previous_postcode"))
        t = fv(t, "New address", d.get("new_address"))
        t = fv(t, "Town (new)", x.get("new_address_town"))
        t = fv(t, "Postcode (new)", d.get("new_postcode"))
        t = sec(t + 6, "Contact")
        t = fv(t, "Telephone", d.get("phone"))
        t = fv(t, "Email", d.get("email"))
    else:
        t = sec(t, "Applicant")
        t = fv(t, "Full name", d.get("applicant_name"))
        t = fv(t, "Address line 1", d.get("address"))
        t = fv(t, "Address line 2", x.get("address_l2"))
        t = fv(t, "Town", x.get("address_town"))
        t = fv(t, "Postcode", d.get("postcode"))
        t = fv(t, "Telephone", d.get("phone"))
        t = fv(t, "Email", d.get("email"))
        t = sec(t + 6, "Vehicle")
        t = fv(t, "Vehicle registration number", d.get("vrm"))
        t = fv(t, "Vehicle make", d.get("vehicle_make"))
        t = fv(t, "Vehicle model", x.get("model"))
        t = fv(t, "Permit zone", d.get("zone") + "  (" + ZONES[d["zone"]] + ")")
        t = fv(t, "Permit start date", d.get("start_date"))
    t = sec(t + 6, "Declaration")
    t = fv(t, "I confirm the information I have given is correct", "Yes" if d.get("declaration_date") else "")
    t = fv(t, "Declaration date", d.get("declaration_date"))
    t += 14
    pg.line(40, t, W - 40, t, 0.3)
    pg.wrap(40, t + 14, "This is an automated message from the South Haddon District Council online forms platform "
            "(FormsHub). Please do not reply to this email. To view the submission log in to the back office with "
            f"reference {sub_ref}.", W - 80, "Helvetica-Oblique", 7.5, color=colors.HexColor("#666666"))
    pg.text(W - 40, H - 20, "1/1", "Helvetica", 7, align="right")
    c.showPage()
    c.save()


# ---------------------------------------------------------------- correspondence layouts
def C_letter(f, path):
    W, H = A4
    c = canvas.Canvas(path, pagesize=A4)
    pg = Pg(c, W, H)
    x = f["extra"]
    t = 60
    for ln in x["addr_lines"]:
        pg.text(W - 60, t, ln, SCRIPT, 12, align="right")
        t += 16
    t += 8
    pg.text(W - 60, t, x["letter_date"], SCRIPT, 12, align="right")
    t += 30
    for ln in ["Council Tax & Customer Services", "South Haddon District Council", "Council Offices, Priory Road",
               "Haddon Market", "SH1 4DQ"]:
        pg.text(60, t, ln, SCRIPT, 11.5)
        t += 15
    t += 20
    pg.text(60, t, "Dear Sir or Madam,", SCRIPT, 12.5)
    t += 22
    if f["truth"].get("account_ref"):
        pg.text(60, t, "Re: " + x["subject"], SCRIPT, 12.5)
        pg.line(60, t + 3, 60 + pdfmetrics.stringWidth("Re: " + x["subject"], SCRIPT, 12.5), t + 3, 0.5)
        t += 24
    for para in x["paras"]:
        t = pg.wrap(60, t, para, W - 120, SCRIPT, 12.5, 19) + 12
    t += 6
    nm = f["truth"].get("sender_name")
    pg.text(60, t, "Yours faithfully," if nm else "From", SCRIPT, 12.5)
    t += 34
    pg.text(60, t, nm or "A concerned resident of Haddon Market", SCRIPT, 14)
    if nm:
        pg.text(60, t + 18, f"({nm})", SCRIPT, 11)
    c.showPage()
    c.save()


def C_email(f, path):
    W, H = A4
    c = canvas.Canvas(path, pagesize=A4)
    pg = Pg(c, W, H)
    x = f["extra"]
    nm = f["truth"].get("sender_name")
    d0 = x["letter_date_obj"]
    sent = f"{d0.strftime('%A')} {fmt_date(d0, x['date_style'])} {rng.randint(7, 21):02d}:{rng.randint(0, 59):02d}"
    pg.text(40, 24, "Printed by: Customer Services (cs-mailbox)", "Helvetica", 7)
    t = 56
    pg.text(40, t, nm or "Unknown sender", "Helvetica-Bold", 13)
    pg.line(40, t + 8, W - 40, t + 8, 1.2)
    t += 26
    for k, v in [("From:", f"{nm} <{x['email']}>" if nm else x["email"]), ("Sent:", sent),
                 ("To:", "customer.services@southhaddon.gov.uk"), ("Subject:", x["subject"])]:
        pg.text(40, t, k, "Helvetica-Bold", 9.5)
        pg.text(100, t, v, "Helvetica", 9.5)
        t += 14
    t += 16
    pg.text(40, t, rng.choice(["Hello,", "Dear Sir/Madam,", "Good morning,"]), "Helvetica", 10.5)
    t += 20
    for para in x["paras"]:
        t = pg.wrap(40, t, para, W - 80, "Helvetica", 10.5, 14) + 10
    t += 4
    pg.text(40, t, rng.choice(["Kind regards,", "Many thanks,", "Regards,"]), "Helvetica", 10.5)
    t += 16
    if nm:
        pg.text(40, t, nm, "Helvetica", 10.5)
        t += 14
    for ln in x["addr_lines"]:
        pg.text(40, t, ln, "Helvetica", 10.5)
        t += 14
    t += 20
    pg.wrap(40, t, "Sent from my iPad" if rng.random() < 0.3 else
            "This email and any attachments are intended solely for the addressee.", W - 80, "Helvetica-Oblique", 8,
            color=colors.HexColor("#777777"))
    c.showPage()
    c.save()


# ================================================================ plan
def plan():
    LAYS = ["two_column", "landscape_table", "underlined", "online_email"]

    def assign(clean_n, excs, extra_clean_layout):
        items = []
        cl = {l: 2 for l in LAYS}
        cl[extra_clean_layout] += clean_n - 8
        for l in LAYS:
            items += [(l, "clean")] * cl[l]
        lay_cycle = list(LAYS)
        rng.shuffle(lay_cycle)
        for i, e in enumerate(excs):
            items.append((lay_cycle[i % 4], e))
        return items

    spd = assign(9, ["ACCOUNT_NOT_FOUND", "ACCOUNT_CLOSED", "NAME_MISMATCH", "ADDRESS_MISMATCH",
                     "DISCOUNT_ALREADY_APPLIED", "OTHER_ADULTS_REGISTERED", "DATE_TOO_OLD", "INCONSISTENT_DATES"],
                 "underlined")
    mov = assign(9, ["ACCOUNT_NOT_FOUND", "NAME_MISMATCH", "PROPERTY_NOT_FOUND", "DATE_TOO_OLD", "DATE_IN_FUTURE",
                     "MISSING_FIELD:declaration_date"], "two_column")
    par = assign(9, ["PROPERTY_NOT_FOUND", "NOT_IN_PERMIT_ZONE", "NOT_RESIDENT", "INVALID_FORMAT:vrm",
                     "VRM_HAS_PERMIT", "PERMIT_CAP_REACHED", "DATE_IN_FUTURE"], "landscape_table")
    for l, k in spd:
        mk_spd(l, k)
    dup = mk_spd("online_email", "dup")
    mv_types = ["in", "out"] * 8
    rng.shuffle(mv_types)
    for i, (l, k) in enumerate(mov):
        mk_move(l, k, mv_types[i])
    for l, k in par:
        mk_permit(l, k)
    corr = [("letter_script", "missed_bin", "clean"), ("printed_email", "missed_bin", "clean"),
            ("letter_script", "council_tax_query", "clean"), ("printed_email", "council_tax_query", "clean"),
            ("letter_script", "council_tax_query", "ACCOUNT_NOT_FOUND"),
            ("letter_script", "complaint", "clean"), ("printed_email", "complaint", "SENDER_UNKNOWN_NOADDR"),
            ("letter_script", "complaint", "SENDER_UNKNOWN_NONAME"),
            ("printed_email", "foi_request", "clean"), ("letter_script", "foi_request", "clean"),
            ("letter_script", "other", "clean"), ("printed_email", "other", "clean")]
    for l, tp, k in corr:
        f = mk_letter(l, tp, k)
        if k.startswith("SENDER_UNKNOWN"):
            f["intended"] = ["SENDER_UNKNOWN"]
    return dup


def write_records():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "properties"
    cols = ["uprn", "address_line_1", "address_line_2", "town", "postcode", "council_tax_band", "ward", "parking_zone"]
    ws.append(cols)
    for p in props:
        ws.append([p[k] if p[k] != "" else None for k in cols])
    ws = wb.create_sheet("council_tax_accounts")
    cols = ["account_ref", "uprn", "liable_parties", "status", "start_date", "end_date", "discounts"]
    ws.append(cols)
    for a in sorted(accounts, key=lambda a: (a["uprn"], a["start_date"])):
        ws.append([a["account_ref"], a["uprn"], ";".join(a["liable_parties"]), a["status"], a["start_date"],
                   a["end_date"], a["discounts"] or None])
    for row in ws.iter_rows(min_row=2):
        row[0].number_format = "@"
        row[4].number_format = "yyyy-mm-dd"
        row[5].number_format = "yyyy-mm-dd"
    ws = wb.create_sheet("electoral_register")
    ws.append(["elector_number", "full_name", "uprn"])
    for e in sorted(electors, key=lambda e: e["elector_number"]):
        ws.append([e["elector_number"], e["full_name"], e["uprn"]])
    ws = wb.create_sheet("parking_permits")
    ws.append(["permit_ref", "uprn", "vrm", "zone", "valid_from", "valid_to"])
    for x in sorted(permits, key=lambda x: x["permit_ref"]):
        ws.append([x["permit_ref"], x["uprn"], x["vrm"], x["zone"], x["valid_from"], x["valid_to"]])
    for row in ws.iter_rows(min_row=2):
        row[4].number_format = "yyyy-mm-dd"
        row[5].number_format = "yyyy-mm-dd"
    for s in wb.worksheets:
        for col in s.columns:
            s.column_dimensions[col[0].column_letter].width = 18
    wb.save(os.path.join(HERE, "records.xlsx"))


def main():
    build_gazetteer()
    base_occupancy()
    dup = plan()
    # every electors' elector_number must be unique
    assert len({e["elector_number"] for e in electors}) == len(electors)
    assert len({a["account_ref"] for a in accounts}) == len(accounts)
    # duplicate pair: a second, identical submission of the same online form
    dup2 = {k: (v.copy() if isinstance(v, dict) else v) for k, v in dup.items()}
    forms.append(dup2)
    dup["dup_group"] = dup2["dup_group"] = "dup-spd-1"

    # verify outcomes against the final records
    results = []
    for f in forms:
        R = check(f)
        if R != f["intended"]:
            raise SystemExit(f"mismatch {f['type']} {f['layout']} intended {f['intended']} got {R}\n{f['truth']}")
        results.append(R)

    if os.path.isdir(INBOX):
        shutil.rmtree(INBOX)
    os.makedirs(INBOX)
    order = list(range(len(forms)))
    rng.shuffle(order)
    names = {}
    for pos, i in enumerate(order):
        names[i] = f"doc_{pos + 1:04d}.pdf"
    base_time = dt.datetime(2026, 11, 20, 8, 0)
    sub_counter = [118300]
    lines = []
    for i in sorted(order, key=lambda i: names[i]):
        f = forms[i]
        path = os.path.join(INBOX, names[i])
        L = f["layout"]
        if L == "two_column":
            L_twocol(f, path)
        elif L == "landscape_table":
            L_table(f, path)
        elif L == "underlined":
            L_under(f, path)
        elif L == "online_email":
            sub_counter[0] += rng.randint(3, 90)
            decl = f["truth"].get("declaration_date")
            day = dt.date.fromisoformat(decl) if decl else ASOF - dt.timedelta(days=2)
            tm = dt.datetime(day.year, day.month, day.day, rng.randint(7, 22), rng.randint(0, 59))
            L_email(f, path, f"SHF-{sub_counter[0]}", tm)
        elif L == "letter_script":
            C_letter(f, path)
        else:
            C_email(f, path)
        R = results[i]
        outcome = "approved" if not R else "exception"
        if "dup_group" in f:
            outcome = "duplicate_pair"
        rec = {"file": names[i], "form_type": f["type"], "fields": dict(sorted(f["truth"].items())),
               "outcome": outcome, "reasons": R, "layout": L}
        if "dup_group" in f:
            rec["duplicate_group"] = f["dup_group"]
        lines.append(rec)
    # split: first two clean per layout x form type in inbox-name order are "learn"
    seen = {}
    for rec in lines:
        key = (rec["layout"], rec["form_type"])
        if rec["outcome"] == "approved" and seen.get(key, 0) < 2:
            rec["split"] = "learn"
            seen[key] = seen.get(key, 0) + 1
        else:
            rec["split"] = "test"
    with open(os.path.join(HERE, "truth.jsonl"), "w") as fh:
        for rec in lines:
            fh.write(json.dumps(rec) + "\n")
    write_records()
    n_clean = sum(1 for r in lines if r["outcome"] == "approved")
    print(f"{len(lines)} forms, {n_clean} clean, {sum(1 for r in lines if r['outcome'] == 'exception')} exceptions, "
          f"{sum(1 for r in lines if r['outcome'] == 'duplicate_pair')} duplicate_pair; "
          f"{len(props)} properties, {len(accounts)} accounts, {len(electors)} electors, {len(permits)} permits")


if __name__ == "__main__":
    main()
