#!/usr/bin/env python3
"""Blind test set 65 -- Calderbrook Metropolitan Borough Council.

Run `python gen.py`: writes records.xlsx, inbox/doc_NNNN.pdf and truth.jsonl
next to this file.  Deterministic (seeded); re-running gives the same files.
"""
import datetime as dt
import json
import random
import re
import shutil
from pathlib import Path

import openpyxl
from openpyxl.styles import Font, PatternFill
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
AS_OF = dt.date(2026, 12, 7)
BACKDATE_DAYS = 365
FUTURE_DAYS = 28
PERMIT_CAP = 2
SEED = 650065
R = random.Random(SEED)
D = dt.date
W, H = A4

# ---------------------------------------------------------------- fonts
HAND_FONTS = ["Times-Italic", "Helvetica-Oblique"]
_DJ = Path("/usr/share/fonts/truetype/dejavu")
for _nm, _fn in [("HandSerif", "DejaVuSerif-Italic.ttf"),
                 ("HandSans", "DejaVuSansCondensed-Oblique.ttf")]:
    if (_DJ / _fn).exists():
        pdfmetrics.registerFont(TTFont(_nm, str(_DJ / _fn)))
        HAND_FONTS.append(_nm)
INK = colors.HexColor("#1b2a7a")
NAVY = colors.HexColor("#123c69")

# ---------------------------------------------------------------- formats
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def ordinal(n):
    return f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def fd(d, style):
    if style == "slash0":
        return d.strftime("%d/%m/%Y")
    if style == "slash":
        return f"{d.day}/{d.month}/{d.year}"
    if style == "dash":
        return d.strftime("%d-%m-%Y")
    if style == "dot":
        return d.strftime("%d.%m.%Y")
    if style == "long":
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "ord":
        return f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}"
    if style == "us":
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    if style == "iso":
        return d.isoformat()
    raise ValueError(style)


HAND_DATE_STYLES = ["slash0", "slash", "dash", "dot", "long", "ord"]
TYPED_DATE_STYLES = ["slash0", "long", "iso", "us", "dot", "ord"]


def fref(ref, style):
    return {"plain": ref, "space": f"{ref[:4]} {ref[4:]}", "dash": f"{ref[:4]}-{ref[4:]}",
            "ct": f"CT{ref}"}[style]


REF_STYLES = ["plain", "space", "dash", "ct"]


def norm_pc(pc):
    s = re.sub(r"\s+", "", pc).upper()
    return s[:-3] + " " + s[-3:]


def norm_vrm(v):
    return re.sub(r"\s+", "", v).upper()


TITLES = {"mr", "mrs", "ms", "miss", "dr", "mx"}


def name_key(n):
    parts = re.sub(r"[.,]", " ", n).split()
    if parts and parts[0].lower() in TITLES:
        parts = parts[1:]
    return " ".join(parts).lower()


def addr_key(a):
    return re.sub(r"[^a-z0-9]+", " ", a.lower()).strip()


VRM_RE = [re.compile(r"^[A-Z]{2}[0-9]{2}[A-Z]{3}$"),
          re.compile(r"^[A-Z][0-9]{1,3}[A-Z]{3}$"),
          re.compile(r"^[A-Z]{3}[0-9]{1,3}[A-Z]$")]


def vrm_valid(v):
    return any(p.match(v) for p in VRM_RE)


def rdate(a, b):
    return a + dt.timedelta(days=R.randint(0, (b - a).days))


# ---------------------------------------------------------------- names
FIRST_F = ["Jane", "Margaret", "Susan", "Karen", "Emma", "Sarah", "Rachel", "Hannah", "Lucy",
           "Claire", "Joanne", "Nasreen", "Farzana", "Shazia", "Aisha", "Katarzyna", "Elaine",
           "Janet", "Pauline", "Gillian", "Amy", "Chloe", "Megan", "Zara", "Ruth", "Helen",
           "Beverley", "Denise", "Lorraine", "Sophie", "Rukhsana", "Agnieszka", "Kirsty", "Tracey"]
FIRST_M = ["David", "Paul", "Mark", "Andrew", "Gary", "Stephen", "Michael", "Neil", "Graham",
           "Keith", "Trevor", "Mohammed", "Imran", "Tariq", "Asif", "Shahid", "Tomasz", "Daniel",
           "Liam", "Jack", "Craig", "Darren", "Ian", "Philip", "Brian", "Colin", "Nathan", "Ryan",
           "Adam", "Harry", "Zahid", "Marek", "Dean", "Wayne"]
SURNAMES = ["Sutcliffe", "Greenwood", "Hirst", "Crowther", "Ackroyd", "Barraclough", "Holroyd",
            "Haigh", "Mitchell", "Wood", "Firth", "Lumb", "Pickles", "Shackleton", "Uttley",
            "Brearley", "Midgley", "Stansfield", "Helliwell", "Horsfall", "Iqbal", "Hussain",
            "Akhtar", "Khan", "Mahmood", "Nowak", "Kowalski", "Jagger", "Redman", "Bottomley",
            "Thornber", "Whiteley", "Dyson", "Marsden", "Priestley", "Ramsden", "Ogden", "Lister",
            "Naylor", "Sunderland", "Feather", "Gaukroger", "Crabtree", "Wadsworth", "Hartley"]
USED_NAMES = set()


def new_person(last=None, sex=None):
    for _ in range(1000):
        s = sex or R.choice("FM")
        first = R.choice(FIRST_F if s == "F" else FIRST_M)
        ln = last or R.choice(SURNAMES)
        full = f"{first} {ln}"
        if full not in USED_NAMES:
            USED_NAMES.add(full)
            return {"first": first, "last": ln, "sex": s, "full": full}
        last = None if last and _ > 20 else last
    raise RuntimeError("names")


def title_for(p):
    if p["sex"] == "M":
        return R.choice(["Mr", "Mr", "Mr", "Dr"])
    return R.choice(["Mrs", "Ms", "Miss", "Mrs"])


# ---------------------------------------------------------------- gazetteer
LET = "ABDEFGHJLNPQRSTUWXYZ"
USED_PC = set()


def mk_pc(district):
    while True:
        pc = f"CK{district} {R.randint(1, 9)}{R.choice(LET)}{R.choice(LET)}"
        if pc not in USED_PC:
            USED_PC.add(pc)
            return pc


# (street, district, ward, zone, locality, houses, town)
TERRACES = [
    ("Weaver Street", 1, "Mill Quarter", "Mill Quarter", "", 14, "Calderbrook"),
    ("Spinner Row", 1, "Mill Quarter", "Mill Quarter", "", 10, "Calderbrook"),
    ("Loom Street", 2, "Calder Valley", "Zone C1", "", 14, "Calderbrook"),
    ("Shuttle Lane", 2, "Calder Valley", "Zone C1", "", 12, "Calderbrook"),
    ("Tenter Croft", 2, "Calder Valley", "Zone C1", "Lowfold", 8, "Calderbrook"),
    ("Dyehouse Road", 3, "Brookfoot", "Zone C2", "", 14, "Calderbrook"),
    ("Carding Street", 3, "Brookfoot", "Zone C2", "", 12, "Calderbrook"),
    ("Bobbin Street", 3, "Brookfoot", "Zone C2", "Brookfoot", 10, "Calderbrook"),
    ("Infirmary Road", 4, "Infirmary", "Infirmary", "", 12, "Calderbrook"),
    ("Albert Road", 4, "Infirmary", "Infirmary", "", 10, "Calderbrook"),
    ("Wesley Terrace", 5, "Heights", "", "", 12, "Calderbrook"),
    ("Chapel Fold", 5, "Heights", "", "Stubbing", 8, "Calderbrook"),
    ("Co-operative Street", 6, "Calder Valley", "", "", 12, "Calderbrook"),
    ("Calder View", 7, "Moorside", "", "Ellenroyd", 8, "Calderbrook"),
]
# (mill, street, district, ward, zone, flats, unit word)
MILLS = [
    ("Victoria Mill", "Canal Street", 1, "Mill Quarter", "Mill Quarter", 12, "Apartment"),
    ("Albion Mill", "Wharf Road", 1, "Mill Quarter", "Mill Quarter", 10, "Flat"),
    ("Prospect Mill", "Station Road", 4, "Infirmary", "Infirmary", 8, "Apartment"),
    ("Brookside Mill", "Dye Works Lane", 6, "Brookfoot", "", 8, "Apartment"),
]
# (row, locality, district, ward, n, town)
COTTAGES = [
    ("Moorside Cottages", "Hill Top", 8, "Moorside", 6, "Calderbrook"),
    ("Heather Bank Cottages", "Scar Head", 9, "Moorside", 5, "Lumbfoot"),
    ("Intake Cottages", "Moor End", 9, "Moorside", 4, "Lumbfoot"),
]

props = []
_uprn = 100051004000


def add_prop(line1, line2, town, pc, band, ward, zone, street_key):
    global _uprn
    _uprn += R.randint(3, 40)
    props.append({"uprn": _uprn, "line1": line1, "line2": line2, "town": town, "postcode": pc,
                  "band": band, "ward": ward, "zone": zone, "street": street_key})


for st, dist, ward, zone, loc, n, town in TERRACES:
    nums = sorted(R.sample(range(1, 61), n))
    pcs = [mk_pc(dist), mk_pc(dist)] if n > 11 else [mk_pc(dist)]
    for k in nums:
        pc = pcs[k % len(pcs)]
        add_prop(f"{k} {st}", loc, town, pc, R.choice("AAAB" if zone else "AABBC"), ward, zone, st)
for mill, st, dist, ward, zone, n, word in MILLS:
    pc = mk_pc(dist)
    for k in range(1, n + 1):
        add_prop(f"{word} {k}, {mill}, {st}", "", "Calderbrook", pc, R.choice("BBC"), ward, zone,
                 mill)
for row, loc, dist, ward, n, town in COTTAGES:
    pc = mk_pc(dist)
    for k in range(1, n + 1):
        add_prop(f"{k} {row}", loc, town, pc, R.choice("CCD"), ward, "", row)

PROP_BY_UPRN = {p["uprn"]: p for p in props}

# ---------------------------------------------------------------- accounts, electors, permits
accounts = []
electors = []
permits = []
USED_REFS = set()


def new_ref():
    while True:
        r = "62" + f"{R.randint(0, 999999):06d}"
        if r not in USED_REFS:
            USED_REFS.add(r)
            return r


WARD_CODE = {"Mill Quarter": "MQ", "Calder Valley": "CV", "Brookfoot": "BF", "Infirmary": "IN",
             "Heights": "HT", "Moorside": "MS"}
_elec_no = {}


def add_elector(name, uprn):
    wc = WARD_CODE[PROP_BY_UPRN[uprn]["ward"]]
    _elec_no[wc] = _elec_no.get(wc, 1000) + R.randint(1, 9)
    electors.append({"no": f"{wc}-{_elec_no[wc]}", "name": name, "uprn": uprn})


AREA = ["YA", "YB", "YC", "YD", "YE", "YF", "YG", "YH", "YJ", "YK", "YL", "YM", "YN", "YP",
        "YR", "YS", "YT", "YU", "YV", "YW", "YX", "YY", "MA", "MF", "BD", "LS", "LN"]
AGE = ["09", "59", "10", "60", "12", "62", "14", "64", "15", "65", "16", "66", "17", "67",
       "18", "68", "19", "69", "20", "70", "21", "71", "22", "72", "23", "73", "24", "74", "25"]
VL = "ABCDEFGHJKLMNOPRSTUVWXYZ"
USED_VRM = set()


def new_vrm():
    while True:
        k = R.random()
        if k < 0.85:
            v = R.choice(AREA) + R.choice(AGE) + "".join(R.choice(VL) for _ in range(3))
            disp = v[:4] + " " + v[4:]
        elif k < 0.95:
            n = str(R.randint(1, 999))
            v = R.choice("PRSTVWXY") + n + "".join(R.choice(VL) for _ in range(3))
            disp = v[:1 + len(n)] + " " + v[1 + len(n):]
        else:
            n = str(R.randint(1, 999))
            v = "".join(R.choice(VL) for _ in range(3)) + n + R.choice("ABCDEFGHJKLMN")
            disp = v[:3] + " " + v[3:]
        if v not in USED_VRM:
            USED_VRM.add(v)
            return v, disp


_permit_no = [20000]


def add_permit(uprn, vrm, zone, start):
    _permit_no[0] += R.randint(1, 30)
    permits.append({"ref": f"RP/{_permit_no[0]}", "uprn": uprn, "vrm": vrm, "zone": zone,
                    "from": start, "to": start.replace(year=start.year + 1) - dt.timedelta(days=1)})


PERSON_INFO = {}  # full name -> person dict
HOUSEHOLD = {}    # uprn -> dict(kind, members)

for p in props:
    u = p["uprn"]
    r = R.random()
    # an earlier, closed account for most properties
    prev_end = None
    if R.random() < 0.55 or r < 0.12:
        who = [new_person()]
        if R.random() < 0.5:
            who.append(new_person(last=who[0]["last"]))
        s = rdate(D(2004, 1, 1), D(2018, 12, 31))
        prev_end = rdate(s + dt.timedelta(days=200), D(2025, 9, 30))
        for w in who:
            PERSON_INFO[w["full"]] = w
        accounts.append({"ref": new_ref(), "uprn": u, "liable": [w["full"] for w in who],
                         "status": "closed", "start": s, "end": prev_end, "discounts": []})
    if r < 0.12:
        HOUSEHOLD[u] = {"kind": "vacant", "members": []}
        continue
    k = R.random()
    a = new_person()
    if k < 0.33:
        kind, liable, extra = "single", [a], []
    elif k < 0.73:
        b = new_person(last=a["last"] if R.random() < 0.7 else None,
                       sex="F" if a["sex"] == "M" else "M")
        kind, liable, extra = "couple", [a, b], []
        if R.random() < 0.18:
            extra = [new_person(last=a["last"])]
            kind = "couple+adultchild"
    elif k < 0.85:
        kind, liable, extra = "sharers", [a, new_person()], []
    else:
        kind, liable, extra = "single+adultchild", [a], [new_person(last=a["last"])]
    for w in liable + extra:
        PERSON_INFO[w["full"]] = w
    start = rdate(prev_end + dt.timedelta(days=1) if prev_end else D(2006, 1, 1), D(2025, 11, 30))
    disc = []
    if kind == "single" and R.random() < 0.55:
        disc = ["SPD"]
    accounts.append({"ref": new_ref(), "uprn": u, "liable": [w["full"] for w in liable],
                     "status": "active", "start": start, "end": None, "discounts": disc})
    for w in liable + extra:
        if R.random() < 0.9 or w in extra:
            add_elector(w["full"], u)
    HOUSEHOLD[u] = {"kind": kind, "members": liable + extra}
    if p["zone"]:
        q = R.random()
        if q < 0.30:
            add_permit(u, new_vrm()[0], p["zone"], rdate(D(2026, 1, 5), D(2026, 11, 20)))
        elif q < 0.42:
            add_permit(u, new_vrm()[0], p["zone"], rdate(D(2026, 1, 5), D(2026, 11, 20)))
            add_permit(u, new_vrm()[0], p["zone"], rdate(D(2026, 1, 5), D(2026, 11, 20)))
        elif q < 0.55:
            add_permit(u, new_vrm()[0], p["zone"], rdate(D(2025, 2, 1), D(2025, 11, 30)))

ACCT_BY_REF = {a["ref"]: a for a in accounts}


def active_acct(u):
    for a in accounts:
        if a["uprn"] == u and a["status"] == "active":
            return a
    return None


def electors_at(u):
    return [e["name"] for e in electors if e["uprn"] == u]


def active_permits(u=None, vrm=None, day=AS_OF):
    return [p for p in permits if (u is None or p["uprn"] == u) and (vrm is None or p["vrm"] == vrm)
            and p["from"] <= day <= p["to"]]


def find_prop(line1, pc):
    for p in props:
        if addr_key(p["line1"]) == addr_key(line1) and p["postcode"] == norm_pc(pc):
            return p
    return None


# ---------------------------------------------------------------- reference checks (my reading of forms.md)
REQ = {
    "council_tax_spd": ["account_ref", "applicant_name", "address", "postcode", "sole_adult_since",
                        "declaration_date"],
    "parking_permit": ["applicant_name", "address", "postcode", "vrm", "zone", "start_date",
                       "declaration_date"],
    "correspondence": ["topic", "body"],
}
FIELDS = {
    "council_tax_spd": {"account_ref", "applicant_name", "address", "postcode", "sole_adult_since",
                        "other_adult_name", "other_adult_forwarding_address", "change_description",
                        "phone", "email", "declaration_date"},
    "council_tax_move": {"move_type", "account_ref", "applicant_name", "previous_address",
                         "previous_postcode", "new_address", "new_postcode", "move_date", "phone",
                         "email", "declaration_date"},
    "parking_permit": {"applicant_name", "address", "postcode", "vrm", "vehicle_make", "zone",
                       "start_date", "phone", "email", "declaration_date"},
    "correspondence": {"topic", "sender_name", "address", "postcode", "account_ref",
                       "dates_mentioned", "body"},
}


def pdate(s):
    return dt.date.fromisoformat(s)


def check(ft, f, meta):
    rs = []
    if ft == "council_tax_move":
        req = ["move_type", "applicant_name", "move_date", "declaration_date"]
        req += (["account_ref", "previous_address", "previous_postcode"] if f.get("move_type") == "out"
                else ["new_address", "new_postcode"])
    else:
        req = REQ[ft]
    for k in req:
        if k not in f:
            rs.append(f"MISSING_FIELD:{k}")
    if ft == "council_tax_spd":
        a = ACCT_BY_REF.get(f["account_ref"])
        if not a:
            rs.append("ACCOUNT_NOT_FOUND")
        else:
            p = PROP_BY_UPRN[a["uprn"]]
            if a["status"] == "closed":
                rs.append("ACCOUNT_CLOSED")
            if name_key(f["applicant_name"]) not in [name_key(x) for x in a["liable"]]:
                rs.append("NAME_MISMATCH")
            if addr_key(f["address"]) != addr_key(p["line1"]) or f["postcode"] != p["postcode"]:
                rs.append("ADDRESS_MISMATCH")
            if "SPD" in a["discounts"]:
                rs.append("DISCOUNT_ALREADY_APPLIED")
            allowed = {name_key(f["applicant_name"])}
            if "other_adult_name" in f:
                allowed.add(name_key(f["other_adult_name"]))
            if any(name_key(e) not in allowed for e in electors_at(a["uprn"])):
                rs.append("OTHER_ADULTS_REGISTERED")
        s = pdate(f["sole_adult_since"])
        if s > AS_OF:
            rs.append("DATE_IN_FUTURE")
        if (AS_OF - s).days > BACKDATE_DAYS:
            rs.append("DATE_TOO_OLD")
        if meta.get("desc_date") and meta["desc_date"] != f["sole_adult_since"]:
            rs.append("INCONSISTENT_DATES")
    elif ft == "council_tax_move":
        if f["move_type"] == "out":
            a = ACCT_BY_REF.get(f["account_ref"])
            if not a:
                rs.append("ACCOUNT_NOT_FOUND")
            else:
                p = PROP_BY_UPRN[a["uprn"]]
                if name_key(f["applicant_name"]) not in [name_key(x) for x in a["liable"]]:
                    rs.append("NAME_MISMATCH")
                if (addr_key(f["previous_address"]) != addr_key(p["line1"])
                        or f["previous_postcode"] != p["postcode"]):
                    rs.append("ADDRESS_MISMATCH")
        else:
            if not find_prop(f["new_address"], f["new_postcode"]):
                rs.append("PROPERTY_NOT_FOUND")
        if "move_date" in f:
            m = pdate(f["move_date"])
            if (m - AS_OF).days > FUTURE_DAYS:
                rs.append("DATE_IN_FUTURE")
            if (AS_OF - m).days > BACKDATE_DAYS:
                rs.append("DATE_TOO_OLD")
    elif ft == "parking_permit":
        p = find_prop(f["address"], f["postcode"])
        if not p:
            rs.append("PROPERTY_NOT_FOUND")
        else:
            if not p["zone"] or p["zone"].lower() != f["zone"].lower():
                rs.append("NOT_IN_PERMIT_ZONE")
            a = active_acct(p["uprn"])
            nk = name_key(f["applicant_name"])
            if not ((a and nk in [name_key(x) for x in a["liable"]])
                    or nk in [name_key(x) for x in electors_at(p["uprn"])]):
                rs.append("NOT_RESIDENT")
        if not vrm_valid(f["vrm"]):
            rs.append("INVALID_FORMAT:vrm")
        elif active_permits(vrm=f["vrm"]):
            rs.append("VRM_HAS_PERMIT")
        if p and len(active_permits(u=p["uprn"])) >= PERMIT_CAP:
            rs.append("PERMIT_CAP_REACHED")
        if "start_date" in f and (pdate(f["start_date"]) - AS_OF).days > FUTURE_DAYS:
            rs.append("DATE_IN_FUTURE")
    elif ft == "correspondence":
        known = False
        if f.get("account_ref"):
            if f["account_ref"] not in ACCT_BY_REF:
                pass
            else:
                known = True
        if f.get("address") and f.get("postcode") and find_prop(f["address"], f["postcode"]):
            known = True
        if not f.get("sender_name") or not known:
            rs.append("SENDER_UNKNOWN")
        if f.get("account_ref") and f["account_ref"] not in ACCT_BY_REF:
            rs.append("ACCOUNT_NOT_FOUND")
    return rs


# ---------------------------------------------------------------- scenario building
used_uprns = set()
scenarios = []


def pick(pred, label):
    cands = [p for p in props if p["uprn"] not in used_uprns and pred(p)]
    if not cands:
        raise RuntimeError(f"no property for {label}")
    p = R.choice(cands)
    used_uprns.add(p["uprn"])
    return p


def person_of(full):
    return PERSON_INFO[full]


def show_name(person, with_title):
    t = title_for(person) if with_title else ""
    return {"title": t, "first": person["first"], "last": person["last"],
            "full": " ".join(x for x in [t, person["first"], person["last"]] if x)}


def phone():
    if R.random() < 0.5:
        return f"07700 900{R.randint(0, 999):03d}"
    return f"01632 960{R.randint(0, 999):03d}"


def email_for(person):
    dom = R.choice(["example.com", "example.net", "example.org", "example.co.uk"])
    f, l = person["first"].lower(), person["last"].lower()
    return R.choice([f"{f}.{l}", f"{f[0]}{l}", f"{f}{l}{R.randint(1, 99)}", f"{l}.{f[0]}"]) + "@" + dom


OUTSIDE = [("14 Otley Road", "Leeds", "LS6 3PX"), ("Flat 2, 9 Manor Row", "Bradford", "BD1 4PB"),
           ("27 Commercial Street", "Hebden Bridge", "HX7 8AJ"), ("8 Linden Grove", "Brighouse",
                                                                   "HD6 2LT"),
           ("41 Halifax Road", "Todmorden", "OL14 5QG"), ("3 Fern Close", "Huddersfield", "HD2 1RN"),
           ("112 Skircoat Road", "Halifax", "HX1 2RE"), ("6 Beech Avenue", "Keighley", "BD21 3NE"),
           ("Flat 11, Dock House, Quay Street", "Manchester", "M3 4AE"),
           ("19 Ash Lane", "Sowerby Bridge", "HX6 1LS"), ("2 Cliffe Terrace", "Otley", "LS21 1JQ"),
           ("57 Burnley Road", "Rochdale", "OL11 2BB")]
_out_i = [0]


def outside_addr():
    a = OUTSIDE[_out_i[0] % len(OUTSIDE)]
    _out_i[0] += 1
    return a


def common_opts(hand=True):
    return {"dstyle": R.choice(HAND_DATE_STYLES if hand else TYPED_DATE_STYLES),
            "dstyle2": R.choice(HAND_DATE_STYLES if hand else TYPED_DATE_STYLES),
            "refstyle": R.choice(REF_STYLES), "font": R.choice(HAND_FONTS)}


def add(ft, layout, fields, reasons, ctx, meta=None, outcome=None, dup=None):
    fields = {k: v for k, v in fields.items() if v not in (None, "", [])}
    assert set(fields) <= FIELDS[ft], (ft, set(fields) - FIELDS[ft])
    got = check(ft, fields, meta or {})
    assert got == reasons, (ft, layout, reasons, got, fields)
    sc = {"form_type": ft, "layout": layout, "fields": fields, "reasons": reasons,
          "outcome": outcome or ("approved" if not reasons else "exception"), "ctx": ctx}
    if dup:
        sc["duplicate_group"] = dup
    scenarios.append(sc)
    return sc


# ---- SPD
def spd_clean_pred(p):
    a = active_acct(p["uprn"])
    if not a or a["discounts"]:
        return False
    el = set(electors_at(p["uprn"]))
    if len(a["liable"]) == 2:
        return el <= set(a["liable"]) and HOUSEHOLD[p["uprn"]]["kind"] == "couple"
    return len(el - {a["liable"][0]}) <= 1


def spd(layout, variant, hand=True, dup=None):
    o = common_opts(hand)
    meta = {}
    if variant == "closed":
        p = pick(lambda p: HOUSEHOLD[p["uprn"]]["kind"] == "vacant" and not electors_at(p["uprn"])
                 and any(a["uprn"] == p["uprn"] for a in accounts), variant)
        a = [a for a in accounts if a["uprn"] == p["uprn"]][-1]
        applicant = person_of(a["liable"][0])
        other = person_of(a["liable"][1]) if len(a["liable"]) > 1 else None
    elif variant == "other_adults":
        p = pick(lambda p: HOUSEHOLD[p["uprn"]]["kind"] == "couple+adultchild"
                 and active_acct(p["uprn"]) and not active_acct(p["uprn"])["discounts"]
                 and len(electors_at(p["uprn"])) >= 3, variant)
        a = active_acct(p["uprn"])
        applicant, other = person_of(a["liable"][0]), person_of(a["liable"][1])
    elif variant == "discount":
        p = pick(lambda p: active_acct(p["uprn"]) and active_acct(p["uprn"])["discounts"]
                 and set(electors_at(p["uprn"])) <= set(active_acct(p["uprn"])["liable"]), variant)
        a = active_acct(p["uprn"])
        applicant, other = person_of(a["liable"][0]), None
    elif variant == "name_mismatch":
        p = pick(lambda p: spd_clean_pred(p) and len(active_acct(p["uprn"])["liable"]) == 1
                 and set(electors_at(p["uprn"])) <= set(active_acct(p["uprn"])["liable"]), variant)
        a = active_acct(p["uprn"])
        applicant, other = person_of(a["liable"][0]), None
    else:
        p = pick(spd_clean_pred, variant)
        a = active_acct(p["uprn"])
        applicant = person_of(a["liable"][0])
        el = set(electors_at(p["uprn"])) - {applicant["full"]}
        if len(a["liable"]) == 2:
            other = person_of(a["liable"][1])
        elif el:
            other = person_of(el.pop())
        else:
            other = new_person(last=applicant["last"] if R.random() < 0.5 else None)
    ref = a["ref"]
    if variant == "not_found":
        while True:
            d = list(ref)
            i = R.randint(2, 6)
            d[i], d[i + 1] = d[i + 1], d[i]
            cand = "".join(d)
            if cand != ref and cand not in ACCT_BY_REF:
                ref = cand
                break
    nm = show_name(applicant, R.random() < 0.55)
    since = rdate(D(2026, 2, 1), D(2026, 11, 20))
    if variant == "future":
        since = D(2026, 12, 19)
    decl = rdate(max(since, D(2026, 11, 2)), D(2026, 12, 4)) if since <= D(2026, 12, 4) else D(2026, 12, 3)
    if variant == "name_mismatch":
        # a partner who was never on the bill writes in, naming the account holder as the leaver
        other = applicant
        applicant = new_person(last=applicant["last"] if R.random() < 0.5 else None)
        PERSON_INFO[applicant["full"]] = applicant
        nm = show_name(applicant, R.random() < 0.5)
    addr_p = p
    if variant == "addr_mismatch":
        addr_p = R.choice([q for q in props if q["street"] != p["street"] and q["uprn"] not in used_uprns])
    fwd = None
    if other and R.random() < 0.7:
        oa = outside_addr()
        fwd = f"{oa[0]}, {oa[1]} {oa[2]}"
    desc = None
    desc_date = None
    if other:
        if other["full"] in a["liable"]:
            rel = R.choice(["My partner", "My husband" if other["sex"] == "M" else "My wife"])
        elif other["full"] in electors_at(p["uprn"]):
            rel = R.choice(["My son" if other["sex"] == "M" else "My daughter", "My lodger"])
        else:
            rel = R.choice(["My partner", "My lodger", "My brother" if other["sex"] == "M" else "My sister"])
        if variant == "inconsistent":
            desc_date = since - dt.timedelta(days=R.randint(12, 40))
        elif R.random() < 0.6:
            desc_date = since
        if desc_date:
            desc = f"{rel} {other['first']} moved out on {fd(desc_date, o['dstyle2'])} " + R.choice([
                "and I now live on my own.", "after we separated. I am the only adult here now.",
                "to take up a job in Leeds, so I live alone.", "and has not come back."])
        else:
            desc = f"{rel} {other['first']} has moved out " + R.choice([
                "permanently and I am now the only adult living here.",
                "to live with family, I live here alone now.",
                "and taken all their belongings. There is nobody else over 18 here."])
    elif R.random() < 0.7:
        desc = "I have lived on my own since my mother went into a care home."
    if variant == "discount":
        desc = "I live on my own and would like the single person discount."
    if layout == "letter_email":
        desc = None
    other_nm = None
    if other:
        other_nm = show_name(other, R.random() < 0.3)["full"]
    has_phone = R.random() < 0.7
    has_email = R.random() < 0.45 or (layout == "letter_email" and variant == "future")
    fields = {
        "account_ref": ref, "applicant_name": nm["full"], "address": addr_p["line1"],
        "postcode": addr_p["postcode"], "sole_adult_since": since.isoformat(),
        "other_adult_name": other_nm, "other_adult_forwarding_address": fwd,
        "change_description": desc, "phone": phone() if has_phone else None,
        "email": email_for(applicant) if has_email else None,
        "declaration_date": None if variant == "missing_decl" else decl.isoformat(),
    }
    meta["desc_date"] = desc_date.isoformat() if desc_date else None
    reasons = {"clean": [], "dup": [], "closed": ["ACCOUNT_CLOSED"],
               "other_adults": ["OTHER_ADULTS_REGISTERED"],
               "missing_decl": ["MISSING_FIELD:declaration_date"], "name_mismatch": ["NAME_MISMATCH"],
               "not_found": ["ACCOUNT_NOT_FOUND"], "discount": ["DISCOUNT_ALREADY_APPLIED"],
               "inconsistent": ["INCONSISTENT_DATES"], "addr_mismatch": ["ADDRESS_MISMATCH"],
               "future": ["DATE_IN_FUTURE"]}[variant]
    ctx = dict(o, prop=addr_p, name=nm, other=other, since=since, decl=decl,
               desc_date=desc_date, variant=variant,
               dob=rdate(D(1948, 1, 1), D(2000, 12, 31)),
               other_dob=rdate(D(1950, 1, 1), D(2004, 12, 31)))
    if dup:
        s1 = add("council_tax_spd", layout, fields, [], ctx, meta, outcome="duplicate_pair", dup=dup)
        ctx["hfont"] = "Courier"
        ctx2 = dict(ctx, hfont=HAND_FONTS[-1], copy=2)
        add("council_tax_spd", layout, dict(fields), [], ctx2, meta, outcome="duplicate_pair", dup=dup)
        return s1
    return add("council_tax_spd", layout, fields, reasons, ctx, meta)


# ---- move
def move(layout, variant, hand=False):
    o = common_opts(hand)
    out = variant.startswith("out")
    dmove = rdate(D(2026, 10, 12), D(2027, 1, 2))
    if variant == "out_old":
        dmove = rdate(D(2025, 8, 1), D(2025, 11, 20))
    if variant == "in_future":
        dmove = rdate(D(2027, 1, 25), D(2027, 3, 1))
    decl = rdate(D(2026, 11, 6), D(2026, 12, 4))
    if dmove < decl and (decl - dmove).days > 60 and variant != "out_old":
        decl = dmove + dt.timedelta(days=R.randint(1, 20))
    fields = {"move_type": "out" if out else "in", "move_date": dmove.isoformat(),
              "declaration_date": decl.isoformat()}
    ctx = dict(o, variant=variant, move_date=dmove, decl=decl)
    if out:
        p = pick(lambda p: active_acct(p["uprn"]) is not None and p["zone"] == ""
                 or (active_acct(p["uprn"]) is not None and R.random() < 0.5), variant)
        a = active_acct(p["uprn"])
        applicant = person_of(a["liable"][0])
        if variant == "out_name":
            applicant = new_person(last=applicant["last"])
            PERSON_INFO[applicant["full"]] = applicant
            ctx["on_behalf"] = person_of(a["liable"][0])
        nm = show_name(applicant, R.random() < 0.5)
        prev = p
        prev_line1 = p["line1"]
        if variant == "out_addr":
            street = [q for q in props if q["street"] == p["street"]]
            nums = {int(q["line1"].split()[0]) for q in street if q["line1"][0].isdigit()}
            if p["line1"][0].isdigit():
                n = int(p["line1"].split()[0])
                alt = [x for x in range(1, 70) if x not in nums and abs(x - n) <= 12] or [n + 100]
                prev_line1 = f"{R.choice(alt)} {' '.join(p['line1'].split()[1:])}"
            else:
                prev_line1 = re.sub(r"\d+", lambda m: str(int(m.group()) + 20), p["line1"], 1)
        if R.random() < 0.3:
            q = pick(lambda q: q["uprn"] != p["uprn"], "fwd")
            fwd = (q["line1"], q["town"], q["postcode"])
        else:
            fwd = outside_addr()
        fields.update({"account_ref": a["ref"], "applicant_name": nm["full"],
                       "previous_address": prev_line1, "previous_postcode": p["postcode"],
                       "new_address": fwd[0], "new_postcode": fwd[2]})
        if variant == "out_notfound":
            fields["account_ref"] = "62" + f"{R.randint(0, 999999):06d}"
            assert fields["account_ref"] not in ACCT_BY_REF
        ctx.update(prop=prev, prop_line1=prev_line1, fwd=fwd, name=nm, person=applicant)
    else:
        applicant = new_person()
        PERSON_INFO[applicant["full"]] = applicant
        nm = show_name(applicant, R.random() < 0.5)
        p = pick(lambda p: HOUSEHOLD[p["uprn"]]["kind"] == "vacant", variant)
        line1 = p["line1"]
        if variant == "in_notfound":
            street = [q for q in props if q["street"] == p["street"]]
            nums = {int(q["line1"].split()[0]) for q in street if q["line1"][0].isdigit()}
            line1 = f"{R.choice([x for x in range(61, 80) if x not in nums])} {' '.join(p['line1'].split()[1:])}" \
                if p["line1"][0].isdigit() else re.sub(r"\d+", "31", p["line1"], 1)
        prev = outside_addr() if R.random() < 0.75 else None
        fields.update({"applicant_name": nm["full"], "new_address": line1, "new_postcode": p["postcode"]})
        if prev:
            fields.update({"previous_address": prev[0], "previous_postcode": prev[2]})
        ctx.update(prop=p, prop_line1=line1, prevaddr=prev, name=nm, person=applicant,
                   household=[applicant] + ([new_person(last=applicant["last"])] if R.random() < 0.6 else []))
    if variant == "in_missing_date":
        del fields["move_date"]
    if R.random() < 0.65:
        fields["phone"] = phone()
    if R.random() < 0.5 or layout == "letter_email":
        fields["email"] = email_for(applicant)
    reasons = {"out_clean": [], "in_clean": [], "out_addr": ["ADDRESS_MISMATCH"],
               "in_notfound": ["PROPERTY_NOT_FOUND"], "out_old": ["DATE_TOO_OLD"],
               "out_name": ["NAME_MISMATCH"], "in_future": ["DATE_IN_FUTURE"],
               "in_missing_date": ["MISSING_FIELD:move_date"],
               "out_notfound": ["ACCOUNT_NOT_FOUND"]}[variant]
    return add("council_tax_move", layout, fields, reasons, ctx)


# ---- parking
MAKES = ["Ford Fiesta", "Vauxhall Corsa", "Nissan Qashqai", "Toyota Yaris", "Kia Sportage",
         "Volkswagen Golf", "Skoda Octavia", "Honda Jazz", "Peugeot 208", "Hyundai i10",
         "Dacia Sandero", "Ford Transit Custom", "BMW 1 Series", "Fiat 500", "Renault Clio"]
ZONES = ["Mill Quarter", "Zone C1", "Zone C2", "Infirmary"]


def parking(layout, variant, hand=True):
    o = common_opts(hand)
    if variant == "wrong_zone":
        p = pick(lambda p: not p["zone"] and active_acct(p["uprn"]), variant)
    elif variant == "vrm_has":
        p = pick(lambda p: p["zone"] and len(active_permits(u=p["uprn"])) == 1, variant)
    elif variant == "cap":
        p = pick(lambda p: p["zone"] and len(active_permits(u=p["uprn"])) == 2, variant)
    else:
        p = pick(lambda p: p["zone"] and active_acct(p["uprn"]) and len(active_permits(u=p["uprn"])) <= 1
                 and set(electors_at(p["uprn"])) & set(active_acct(p["uprn"])["liable"]), variant)
    a = active_acct(p["uprn"])
    if variant == "not_resident":
        applicant = new_person()
        PERSON_INFO[applicant["full"]] = applicant
    else:
        cands = a["liable"] + [e for e in electors_at(p["uprn"]) if e not in a["liable"]]
        applicant = person_of(R.choice(cands))
    nm = show_name(applicant, R.random() < 0.45)
    line1 = p["line1"]
    if variant == "prop_not_found":
        street = [q for q in props if q["street"] == p["street"]]
        nums = {int(q["line1"].split()[0]) for q in street if q["line1"][0].isdigit()}
        line1 = (f"{R.choice([x for x in range(62, 90) if x not in nums])} {' '.join(p['line1'].split()[1:])}"
                 if p["line1"][0].isdigit() else re.sub(r"\d+", "47", p["line1"], 1))
    if variant == "vrm_has":
        v = active_permits(u=p["uprn"])[0]["vrm"]
        vdisp = v[:4] + " " + v[4:] if VRM_RE[0].match(v) else v
    elif variant == "bad_vrm":
        v, vdisp = R.choice([("YK2OABC", "YK2O ABC"), ("BD51SM", "BD51 SM"), ("LS12CD3", "LS12 CD3")])
    else:
        v, vdisp = new_vrm()
    if R.random() < 0.2:
        vdisp = vdisp.replace(" ", "")
    zone = p["zone"] if p["zone"] else "Zone C1"
    start = rdate(D(2026, 11, 23), D(2027, 1, 2))
    if variant == "future":
        start = rdate(D(2027, 1, 20), D(2027, 2, 28))
    decl = rdate(D(2026, 11, 9), D(2026, 12, 4))
    fields = {"applicant_name": nm["full"], "address": line1, "postcode": p["postcode"],
              "vrm": v, "vehicle_make": R.choice(MAKES) if R.random() < 0.8 else None,
              "zone": zone, "start_date": start.isoformat(),
              "phone": phone() if R.random() < 0.7 else None,
              "email": email_for(applicant) if R.random() < 0.45 else None,
              "declaration_date": decl.isoformat()}
    reasons = {"clean": [], "wrong_zone": ["NOT_IN_PERMIT_ZONE"], "vrm_has": ["VRM_HAS_PERMIT"],
               "cap": ["PERMIT_CAP_REACHED"], "bad_vrm": ["INVALID_FORMAT:vrm"],
               "not_resident": ["NOT_RESIDENT"], "prop_not_found": ["PROPERTY_NOT_FOUND"],
               "future": ["DATE_IN_FUTURE"]}[variant]
    ctx = dict(o, prop=p, prop_line1=line1, name=nm, person=applicant, vdisp=vdisp, start=start,
               decl=decl, variant=variant)
    return add("parking_permit", layout, fields, reasons, ctx)


# ---- correspondence
def corr(kind, channel, known=True):
    o = common_opts(False)
    ctx = dict(o, channel=channel, kind=kind)
    fields = {}
    reasons = []
    if known:
        p = pick(lambda p: active_acct(p["uprn"]) is not None, kind)
        a = active_acct(p["uprn"])
        person = person_of(a["liable"][0])
        nm = show_name(person, R.random() < 0.5)
        ctx.update(prop=p, name=nm, person=person, acct=a)
    sent = rdate(D(2026, 11, 16), D(2026, 12, 4))
    ctx["sent"] = sent
    if kind == "missed_bin":
        d1 = rdate(D(2026, 11, 10), sent - dt.timedelta(days=2))
        bin_ = R.choice(["green recycling bin", "grey general waste bin", "brown garden waste bin"])
        paras = [f"Our {bin_} was not emptied on {fd(d1, o['dstyle'])}. The rest of the street was done "
                 "but ours was left at the kerb with the lid closed and nothing blocking it.",
                 "This is the second time in a couple of months. Please could someone come back "
                 "and collect it as it is now overflowing and attracting foxes."]
        dates = [d1]
        topic = "missed_bin"
    elif kind == "council_tax_query":
        d1 = D(2026, 12, 1)
        paras = [f"I have been sent a reminder saying I missed the instalment due on {fd(d1, o['dstyle'])}, "
                 "but the money left my bank account on that day. My Council Tax reference is "
                 f"{fref(ctx['acct']['ref'] if known else ctx.get('badref'), o['refstyle'])}.",
                 "Could you please check the account and confirm that the reminder can be ignored? "
                 "I do not want it to go to a summons."]
        dates = [d1]
        topic = "council_tax_query"
    elif kind == "complaint":
        d1 = rdate(D(2026, 11, 2), sent - dt.timedelta(days=3))
        paras = [f"I wish to make a formal complaint about the way I was treated when I phoned the "
                 f"contact centre on {fd(d1, o['dstyle'])}. I was kept on hold for fifty minutes and "
                 "then the adviser put the phone down on me.",
                 "I would like an apology and an explanation of what your service standards actually "
                 "are. I expect a written response within your published complaint timescales."]
        dates = [d1]
        topic = "complaint"
    elif kind == "foi_request":
        d1, d2 = D(2025, 4, 1), D(2026, 3, 31)
        paras = ["Under the Freedom of Information Act 2000, please send me the number of residents' "
                 f"parking permits issued in each permit zone for the period {fd(d1, o['dstyle'])} to "
                 f"{fd(d2, o['dstyle'])}, and the total income the council received from them.",
                 "I would prefer to receive the information by email as a spreadsheet."]
        dates = [d1, d2]
        topic = "foi_request"
    else:
        d1 = D(2027, 6, 12)
        paras = ["We are organising a street party for the residents of our street and would like to "
                 f"close the road on {fd(d1, o['dstyle'])} from 11am to 6pm.",
                 "Please could you tell me how to apply for a road closure and whether there is a fee. "
                 "We have already spoken to all of the neighbours and nobody has objected."]
        dates = [d1]
        topic = "other"
    ctx["paras"] = paras
    fields["topic"] = topic
    fields["body"] = " ".join(paras)
    fields["dates_mentioned"] = [d.isoformat() for d in dates]
    if known:
        fields["sender_name"] = ctx["name"]["full"]
        show_addr = channel == "letter" or R.random() < 0.5
        ctx["show_addr"] = show_addr
        if show_addr:
            fields["address"] = ctx["prop"]["line1"]
            fields["postcode"] = ctx["prop"]["postcode"]
        if kind == "council_tax_query" or not show_addr:
            fields["account_ref"] = ctx["acct"]["ref"]
    return add("correspondence", "letter_email", fields, reasons, ctx)


def corr_bad_ref():
    o = common_opts(False)
    p = pick(lambda p: active_acct(p["uprn"]) is not None, "badref")
    a = active_acct(p["uprn"])
    person = person_of(a["liable"][0])
    nm = show_name(person, True)
    bad = a["ref"][:2] + a["ref"][3] + a["ref"][2] + a["ref"][4:]
    if bad in ACCT_BY_REF or bad == a["ref"]:
        bad = "629" + a["ref"][3:]
    assert bad not in ACCT_BY_REF
    sent = rdate(D(2026, 11, 16), D(2026, 12, 4))
    d1 = D(2026, 11, 30)
    paras = [f"I am writing about Council Tax account {fref(bad, 'space')}. I have paid the bill in full "
             f"but on {fd(d1, o['dstyle'])} I received a letter saying I am in arrears.",
             "Please explain why this has happened and correct the balance shown on my account."]
    ctx = dict(o, channel="letter", kind="ct_badref", prop=p, name=nm, person=person, sent=sent,
               paras=paras, show_addr=True)
    fields = {"topic": "council_tax_query", "sender_name": nm["full"], "address": p["line1"],
              "postcode": p["postcode"], "account_ref": bad, "dates_mentioned": [d1.isoformat()],
              "body": " ".join(paras)}
    return add("correspondence", "letter_email", fields, ["ACCOUNT_NOT_FOUND"], ctx)


def corr_anon(channel):
    o = common_opts(False)
    sent = rdate(D(2026, 11, 16), D(2026, 12, 4))
    st = R.choice(["Loom Street", "Dyehouse Road", "Carding Street", "Wesley Terrace"])
    if channel == "email":
        d1 = rdate(D(2026, 11, 12), sent - dt.timedelta(days=2))
        paras = [f"Bins on {st} were missed AGAIN on {fd(d1, 'long')}. Every single week there is a "
                 "problem and nobody ever answers the phone.",
                 "Sort it out please. Sent from my phone"]
        topic, dates = "missed_bin", [d1]
    else:
        paras = [f"I am writing to complain about the state of the back street behind {st}. Fly-tipping "
                 "has been reported to the council many times and nothing is ever done about it.",
                 "The council should be ashamed of the way this part of the town has been left to rot. "
                 "I pay my council tax like everyone else and I expect better."]
        topic, dates = "complaint", []
    ctx = dict(o, channel=channel, kind="anon", sent=sent, paras=paras, show_addr=False, name=None,
               anon_email=R.choice(["calderbrook.resident@example.com", "fedupcitizen77@example.net"]))
    fields = {"topic": topic, "body": " ".join(paras), "dates_mentioned": [d.isoformat() for d in dates]}
    return add("correspondence", "letter_email", fields, ["SENDER_UNKNOWN"], ctx)


# ---------------------------------------------------------------- the plan
def build():
    # SPD
    for v in ["clean", "clean", "clean", "closed", "other_adults", "missing_decl"]:
        spd("ruled_handwritten", v)
    for v in ["clean", "clean", "clean", "name_mismatch"]:
        spd("acroform_fillable", v, hand=False)
    for v in ["clean", "clean", "not_found", "discount"]:
        spd("casework_summary", v, hand=False)
    for v in ["clean", "clean", "inconsistent", "addr_mismatch"]:
        spd("household_table", v, hand=False)
    spd("household_table", "dup", hand=False, dup="dup-1")
    for v in ["clean", "future"]:
        sc = spd("letter_email", v, hand=False)
    # move
    for v in ["out_clean", "in_clean", "out_clean", "in_clean", "out_addr", "in_notfound", "out_old"]:
        move("qa_table", v)
    for v in ["out_clean", "in_clean", "out_clean", "out_name", "in_future"]:
        move("casework_summary", v)
    for v in ["in_clean", "in_clean", "in_missing_date"]:
        move("household_table", v, hand=True)
    move("letter_email", "out_clean")
    # parking
    for v in ["clean", "clean", "clean", "wrong_zone", "vrm_has"]:
        parking("ruled_handwritten", v)
    for v in ["clean", "clean", "clean", "cap", "bad_vrm"]:
        parking("qa_table", v, hand=False)
    for v in ["clean", "clean", "not_resident", "prop_not_found"]:
        parking("acroform_fillable", v, hand=False)
    parking("letter_email", "clean", hand=False)
    # correspondence
    corr("missed_bin", "letter")
    corr("council_tax_query", "email")
    corr("complaint", "letter")
    corr("foi_request", "email")
    corr("other", "letter")
    corr("missed_bin", "email")
    corr_bad_ref()
    corr_anon("email")
    corr_anon("letter")


# ================================================================ rendering
FOOT = "Calderbrook MBC, Town Hall, Crown Street, Calderbrook CK1 1AA  |  01632 960100  |  www.calderbrook.gov.uk"


class Doc:
    def __init__(self, path, running=""):
        self.c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
        self.c.setAuthor("Calderbrook MBC")
        self.page = 1
        self.running = running
        self.y = H - 50
        self.foot = FOOT

    def footer(self):
        c = self.c
        c.setFont("Helvetica", 7)
        c.setFillColor(colors.grey)
        c.drawString(40, 28, self.foot)
        c.drawRightString(W - 40, 28, f"Page {self.page}")
        c.setFillColor(colors.black)

    def newpage(self):
        self.footer()
        self.c.showPage()
        self.page += 1
        self.y = H - 45
        if self.running:
            self.c.setFont("Helvetica", 7.5)
            self.c.setFillColor(colors.grey)
            self.c.drawString(40, H - 30, self.running)
            self.c.setFillColor(colors.black)

    def need(self, h):
        if self.y - h < 55:
            self.newpage()

    def save(self):
        self.footer()
        self.c.save()


def crest(c, x, y, s=34):
    c.setFillColor(NAVY)
    c.rect(x, y, s, s, fill=1, stroke=0)
    c.setFillColor(colors.white)
    c.setStrokeColor(colors.white)
    c.setLineWidth(1.2)
    # stylised mill chimney and hills
    c.rect(x + s * 0.62, y + s * 0.3, s * 0.1, s * 0.55, fill=1, stroke=0)
    p = c.beginPath()
    p.moveTo(x + 3, y + s * 0.3)
    p.curveTo(x + s * 0.3, y + s * 0.55, x + s * 0.5, y + s * 0.2, x + s - 3, y + s * 0.42)
    c.drawPath(p, stroke=1, fill=0)
    c.setFillColor(colors.black)
    c.setStrokeColor(colors.black)


def council_header(d, title, subtitle, code, colour=NAVY):
    c = d.c
    crest(c, 40, H - 78)
    c.setFont("Helvetica-Bold", 12.5)
    c.drawString(82, H - 56, "Calderbrook Metropolitan Borough Council")
    c.setFont("Helvetica", 8.5)
    c.drawString(82, H - 69, subtitle)
    c.setFont("Helvetica", 7.5)
    c.drawRightString(W - 40, H - 56, code)
    c.setFillColor(colour)
    c.rect(40, H - 108, W - 80, 22, fill=1, stroke=0)
    c.setFillColor(colors.white)
    c.setFont("Helvetica-Bold", 12)
    c.drawString(48, H - 101, title)
    c.setFillColor(colors.black)
    d.y = H - 124


def para(d, text, font="Helvetica", size=8.5, x=40, width=None, lead=None, color=None):
    width = width or (W - 80)
    lead = lead or size * 1.3
    c = d.c
    for ln in simpleSplit(text, font, size, width):
        d.need(lead)
        c.setFont(font, size)
        if color:
            c.setFillColor(color)
        c.drawString(x, d.y, ln)
        c.setFillColor(colors.black)
        d.y -= lead


def section_bar(d, text, shade="#dde6f0"):
    d.need(30)
    c = d.c
    d.y -= 6
    c.setFillColor(colors.HexColor(shade))
    c.rect(40, d.y - 4, W - 80, 15, fill=1, stroke=0)
    c.setFillColor(colors.black)
    c.setFont("Helvetica-Bold", 9.5)
    c.drawString(45, d.y, text)
    d.y -= 20


def squiggle(c, x, y, w=110):
    c.setStrokeColor(INK)
    c.setLineWidth(1)
    p = c.beginPath()
    p.moveTo(x, y + 2)
    n = 6
    for i in range(n):
        x0 = x + w * i / n
        p.curveTo(x0 + w / n * 0.3, y + 14 - 3 * (i % 2), x0 + w / n * 0.6, y - 4, x0 + w / n, y + 4)
    c.drawPath(p, stroke=1, fill=0)
    c.setStrokeColor(colors.black)
    c.setLineWidth(0.5)


# ---------------------------------------------------------------- layout 1: ruled, handwritten
def hand(c, x, y, text, font, size=12):
    c.setFont(font, size)
    c.setFillColor(INK)
    c.drawString(x, y + R.uniform(-0.5, 1.2), text)
    c.setFillColor(colors.black)


def ruled_field(d, label, value, font, label_w=None, x0=40, x1=None, gap=24):
    c = d.c
    x1 = x1 or W - 40
    d.need(gap)
    c.setFont("Helvetica", 9)
    c.drawString(x0, d.y, label)
    lw = label_w or (c.stringWidth(label, "Helvetica", 9) + 8)
    c.setStrokeColor(colors.HexColor("#8a8a8a"))
    c.setLineWidth(0.5)
    c.line(x0 + lw, d.y - 2, x1, d.y - 2)
    c.setStrokeColor(colors.black)
    if value:
        hand(c, x0 + lw + 6, d.y + 1, value, font)
    d.y -= gap


def ruled_block(d, label, text, font, lines=3):
    c = d.c
    d.need(16 + lines * 22)
    c.setFont("Helvetica", 9)
    c.drawString(40, d.y, label)
    d.y -= 22
    wrapped = simpleSplit(text or "", font, 12, W - 100) if text else []
    for i in range(max(lines, len(wrapped))):
        c.setStrokeColor(colors.HexColor("#8a8a8a"))
        c.line(40, d.y - 2, W - 40, d.y - 2)
        c.setStrokeColor(colors.black)
        if i < len(wrapped):
            hand(c, 46, d.y + 1, wrapped[i], font)
        d.y -= 22


def tick_row(d, label, options, chosen, font):
    c = d.c
    d.need(26)
    c.setFont("Helvetica", 9)
    c.drawString(40, d.y, label)
    d.y -= 18
    x = 50
    for opt in options:
        c.rect(x, d.y - 2, 10, 10, stroke=1, fill=0)
        if opt == chosen:
            hand(c, x + 1.5, d.y - 1, "X", font, 11)
        c.setFont("Helvetica", 9.5)
        c.drawString(x + 15, d.y, opt)
        x += 30 + c.stringWidth(opt, "Helvetica", 9.5) + 10
    d.y -= 22


def char_boxes(d, label, chars, font, n=8):
    c = d.c
    d.need(26)
    c.setFont("Helvetica", 9)
    c.drawString(40, d.y, label)
    x = 40 + c.stringWidth(label, "Helvetica", 9) + 10
    for i in range(n):
        c.rect(x + i * 17, d.y - 5, 17, 18, stroke=1, fill=0)
        if i < len(chars):
            hand(c, x + i * 17 + 4.5, d.y, chars[i], font, 12)
    d.y -= 28


def render_ruled(sc, path):
    ctx, f, ft = sc["ctx"], sc["fields"], sc["form_type"]
    font = ctx["font"]
    p = ctx["prop"]
    if ft == "council_tax_spd":
        d = Doc(path, "CT/SPD1  Single Person Discount application (continued)")
        council_header(d, "Council Tax: Single Person Discount", "Revenues and Benefits Service",
                       "Form CT/SPD1  rev. 03/26")
        para(d, "You may get a 25% reduction on your Council Tax bill if you are the only person aged 18 "
                "or over who lives at the property as their main home. Please complete this form in black "
                "ink and return it to the address at the bottom of the page. Incomplete forms will delay "
                "your discount.")
        section_bar(d, "Part 1   About you and the property")
        if R.random() < 0.5:
            char_boxes(d, "Council Tax account number (shown on your bill)", f["account_ref"], font)
            ctx["ref_shown"] = f["account_ref"]
        else:
            ctx["ref_shown"] = fref(f["account_ref"], ctx["refstyle"])
            ruled_field(d, "Council Tax account number (shown on your bill)", ctx["ref_shown"], font)
        ruled_field(d, "Your full name (Mr / Mrs / Miss / Ms / other)", f["applicant_name"], font)
        d.c.setFont("Helvetica", 9)
        d.c.drawString(40, d.y, "Address of the property you are claiming for")
        d.y -= 22
        lines = [f["address"], p["line2"] or p["town"], p["town"] if p["line2"] else ""]
        for ln in lines:
            d.c.setStrokeColor(colors.HexColor("#8a8a8a"))
            d.c.line(40, d.y - 2, W - 40, d.y - 2)
            if ln:
                hand(d.c, 46, d.y + 1, ln, font)
            d.y -= 22
        pcs = f["postcode"] if R.random() < 0.8 else f["postcode"].replace(" ", "").lower()
        ruled_field(d, "Postcode", pcs, font, x1=250)
        ruled_field(d, "Daytime telephone number", f.get("phone", ""), font)
        ruled_field(d, "Email address", f.get("email", ""), font)
        section_bar(d, "Part 2   Your household")
        has_other = "other_adult_name" in f
        tick_row(d, "Has another adult moved out of the property?", ["Yes", "No"],
                 "Yes" if has_other else "No", font)
        ruled_field(d, "Date from which you have been the only adult (18 or over) living there",
                    fd(pdate(f["sole_adult_since"]), ctx["dstyle"]), font)
        ruled_field(d, "If yes, full name of the person who left", f.get("other_adult_name", ""), font)
        ruled_field(d, "Their new address, if you know it", f.get("other_adult_forwarding_address", ""),
                    font)
        ruled_block(d, "Please tell us what has changed", f.get("change_description"), font, 3)
        d.newpage()
        section_bar(d, "Part 3   Declaration")
        para(d, "I declare that the information I have given on this form is correct and complete. I "
                "understand that I must tell the council within 21 days if anyone aged 18 or over comes "
                "to live at the property, and that giving false information may lead to a penalty of "
                "£70 and prosecution.", size=9)
        d.y -= 16
        d.c.setFont("Helvetica", 9)
        d.c.drawString(40, d.y, "Signature")
        d.c.line(90, d.y - 2, 300, d.y - 2)
        squiggle(d.c, 100, d.y)
        d.c.drawString(320, d.y, "Date")
        d.c.line(348, d.y - 2, W - 40, d.y - 2)
        if "declaration_date" in f:
            hand(d.c, 354, d.y + 1, fd(pdate(f["declaration_date"]), ctx["dstyle"]), font)
        d.y -= 40
        para(d, "For office use only:   Date received ________   Checked by ________   Batch ________",
             size=8, color=colors.grey)
        d.save()
    else:
        d = Doc(path)
        council_header(d, "Residents' Parking Permit - Application", "Parking Services",
                       "PS/RP2  (2026)")
        para(d, "Use this form to apply for a permit for a vehicle kept at your home in a residents' "
                "parking zone. Permits are valid for 12 months. You must live at the address and the "
                "vehicle must be registered to you at that address. Write clearly.")
        section_bar(d, "1  Applicant")
        ruled_field(d, "Full name", f["applicant_name"], font)
        d.c.setFont("Helvetica", 9)
        d.c.drawString(40, d.y, "Home address")
        d.y -= 20
        lines = [f["address"], (p["line2"] + ", " if p["line2"] else "") + p["town"]]
        for ln in lines:
            d.c.setStrokeColor(colors.HexColor("#8a8a8a"))
            d.c.line(40, d.y - 2, W - 40, d.y - 2)
            hand(d.c, 46, d.y + 1, ln, font)
            d.y -= 22
        ruled_field(d, "Postcode", f["postcode"], font, x1=220)
        d.y += 24
        ruled_field(d, "Contact telephone", f.get("phone", ""), font, x0=240)
        ruled_field(d, "Email", f.get("email", ""), font)
        section_bar(d, "2  Vehicle")
        ruled_field(d, "Vehicle registration number", ctx["vdisp"], font, x1=330)
        ruled_field(d, "Make of vehicle", f.get("vehicle_make", ""), font, x1=330)
        tick_row(d, "Which permit zone do you live in?  (tick one box)", ZONES, f["zone"], font)
        ruled_field(d, "Date you would like the permit to start",
                    fd(pdate(f["start_date"]), ctx["dstyle2"]), font, x1=400)
        section_bar(d, "3  Declaration")
        para(d, "I confirm that I live at the address above, that the vehicle is kept there, and that the "
                "information I have given is true. I understand that a permit obtained with false "
                "information will be cancelled without refund.", size=9)
        d.y -= 14
        d.c.setFont("Helvetica", 9)
        d.c.drawString(40, d.y, "Signed")
        d.c.line(80, d.y - 2, 290, d.y - 2)
        squiggle(d.c, 90, d.y)
        d.c.drawString(310, d.y, "Dated")
        d.c.line(345, d.y - 2, W - 40, d.y - 2)
        hand(d.c, 352, d.y + 1, fd(pdate(f["declaration_date"]), ctx["dstyle"]), font)
        d.y -= 30
        para(d, "Fees: first permit £45, second permit £70. You will be sent a payment link once we have "
                "checked your application.", size=8, color=colors.grey)
        d.save()


# ---------------------------------------------------------------- layout 2: question / answer table
def qa_table(d, rows, font="Helvetica", size=9.5, qw=230):
    c = d.c
    aw = W - 80 - qw

    def head():
        c.setFillColor(colors.HexColor("#2f5d50"))
        c.rect(40, d.y - 5, W - 80, 17, fill=1, stroke=0)
        c.setFillColor(colors.white)
        c.setFont("Helvetica-Bold", 9.5)
        c.drawString(46, d.y, "Question")
        c.drawString(46 + qw, d.y, "Your answer")
        c.setFillColor(colors.black)
        d.y -= 5

    head()
    for row in rows:
        if row[0] == "§":
            d.need(20)
            c.setFillColor(colors.HexColor("#e4eee9"))
            c.rect(40, d.y - 16, W - 80, 16, fill=1, stroke=1)
            c.setFillColor(colors.black)
            c.setFont("Helvetica-Bold", 9)
            c.drawString(46, d.y - 12, row[1])
            d.y -= 16
            continue
        q, ans = row
        ql = simpleSplit(q, "Helvetica", 9, qw - 12)
        al = []
        for a in (ans if isinstance(ans, list) else [ans]):
            al += simpleSplit(a, font, size, aw - 12) if a else []
        h = max(len(ql), len(al), 1) * 12 + 8
        if d.y - h < 55:
            d.newpage()
            head()
        c.setLineWidth(0.6)
        c.rect(40, d.y - h, qw, h, stroke=1, fill=0)
        c.rect(40 + qw, d.y - h, aw, h, stroke=1, fill=0)
        c.setFont("Helvetica", 9)
        for i, ln in enumerate(ql):
            c.drawString(46, d.y - 12 - i * 12, ln)
        c.setFont(font, size)
        for i, ln in enumerate(al):
            c.drawString(46 + qw, d.y - 12 - i * 12, ln)
        d.y -= h


def render_qa(sc, path):
    ctx, f, ft = sc["ctx"], sc["fields"], sc["form_type"]
    font = R.choice(["Helvetica", "Times-Roman", "Courier"])
    size = 9 if font == "Courier" else 9.5
    ds = ctx["dstyle"]
    p = ctx["prop"]
    d = Doc(path, "Calderbrook MBC")
    if ft == "council_tax_move":
        council_header(d, "Council Tax - tell us you are moving home", "Council Tax Section",
                       "CTX-MOV (Word version)", colour=colors.HexColor("#2f5d50"))
        para(d, "Please answer every question that applies to you. If you are moving within Calderbrook "
                "you only need to fill in one form. Type your answers in the right-hand column.")
        d.y -= 6
        out = f["move_type"] == "out"
        rows = [("§", "Section A: Your move"),
                ("Are you moving into a property in Calderbrook, or moving out of one?",
                 R.choice(["Moving out", "I am moving out"]) if out else R.choice(["Moving in", "I am moving in"])),
                ("Your full name (please include your title)", f["applicant_name"])]
        combined = R.random() < 0.5
        if out:
            rows.append(("Council Tax account number (if known)", fref(f["account_ref"], ctx["refstyle"])))
            if combined:
                rows.append(("Address of the property you are leaving, including postcode",
                             [ctx["prop_line1"], p["town"], f["previous_postcode"]]))
            else:
                rows.append(("Address of the property you are leaving",
                             [ctx["prop_line1"]] + ([p["line2"]] if p["line2"] else []) + [p["town"]]))
                rows.append(("Postcode of the property you are leaving", f["previous_postcode"]))
            rows.append(("Date you moved out (or will move out)",
                         fd(pdate(f["move_date"]), ds) if "move_date" in f else ""))
            fw = ctx["fwd"]
            rows.append(("Your forwarding address", [fw[0], fw[1]]))
            rows.append(("Forwarding postcode", fw[2]))
        else:
            if combined:
                rows.append(("Address you are moving into, including postcode",
                             [ctx["prop_line1"], p["town"], f["new_postcode"]]))
            else:
                rows.append(("Address you are moving into",
                             [ctx["prop_line1"]] + ([p["line2"]] if p["line2"] else []) + [p["town"]]))
                rows.append(("Postcode", f["new_postcode"]))
            rows.append(("Date you moved in (the date you got the keys)",
                         fd(pdate(f["move_date"]), ds) if "move_date" in f else ""))
            pv = ctx["prevaddr"]
            rows.append(("Where did you live before? (previous address and postcode)",
                         [pv[0], f"{pv[1]} {pv[2]}"] if pv else "Lived with parents, not in the area"))
        rows += [("§", "Section B: Contact details"),
                 ("Telephone number", f.get("phone", "")),
                 ("Email address", f.get("email", "")),
                 ("§", "Section C: Declaration"),
                 ("I confirm the information I have given is correct. Type your name to sign.",
                  ctx["name"]["first"] + " " + ctx["name"]["last"]),
                 ("Date", fd(pdate(f["declaration_date"]), ctx["dstyle2"]))]
        qa_table(d, rows, font, size)
    else:
        council_header(d, "Residents' parking permit application", "Highways and Parking",
                       "PARK-01", colour=colors.HexColor("#2f5d50"))
        para(d, "Complete the table below. Permits are issued for one year from the start date you ask "
                "for. A maximum of two permits can be issued to any one household.")
        d.y -= 6
        rows = [("§", "About you"),
                ("Name of applicant", f["applicant_name"]),
                ("Address where the vehicle is kept overnight", [ctx["prop_line1"]] +
                 ([p["line2"]] if p["line2"] else []) + [p["town"]]),
                ("Postcode", f["postcode"] if R.random() < 0.7 else f["postcode"].replace(" ", "")),
                ("Daytime phone", f.get("phone", "")),
                ("Email", f.get("email", "")),
                ("§", "About the vehicle"),
                ("Vehicle registration (number plate)", ctx["vdisp"]),
                ("Vehicle make and model", f.get("vehicle_make", "")),
                ("Which permit zone are you applying for?", f["zone"]),
                ("When would you like the permit to start?", fd(pdate(f["start_date"]), ds)),
                ("§", "Declaration"),
                ("I confirm that I live at this address and that the details above are correct. "
                 "Today's date:", fd(pdate(f["declaration_date"]), ctx["dstyle2"]))]
        qa_table(d, rows, font, size)
    d.y -= 14
    para(d, "Send the completed form to the address below or email it to the service. We aim to reply "
            "within ten working days.", size=8, color=colors.grey)
    d.save()


# ---------------------------------------------------------------- layout 3: fillable AcroForm
class Acro:
    def __init__(self, d):
        self.d = d
        self.n = 0

    def text(self, x, y, w, value, h=16, size=10, multiline=False):
        self.n += 1
        self.d.c.acroForm.textfield(name=f"Text{self.n}", value=value or "", x=x, y=y, width=w,
                                    height=h, fontName="Helvetica", fontSize=size,
                                    borderColor=colors.HexColor("#7f7f7f"),
                                    fillColor=colors.HexColor("#eef3fb"), textColor=colors.black,
                                    borderWidth=0.6, forceBorder=True,
                                    fieldFlags="multiline" if multiline else "", maxlen=1000)

    def check(self, x, y, on):
        self.n += 1
        self.d.c.acroForm.checkbox(name=f"Check Box{self.n}", checked=bool(on), x=x, y=y, size=11,
                                   buttonStyle="cross", borderColor=colors.HexColor("#7f7f7f"),
                                   fillColor=colors.white, textColor=colors.black, borderWidth=0.6,
                                   forceBorder=True)


def acro_row(d, a, label, value, w=330, above=False, size=10):
    c = d.c
    if above:
        d.need(36)
        c.setFont("Helvetica", 8.5)
        c.drawString(40, d.y, label)
        multi = len(value or "") > 80
        hh = 28 if multi else 16
        a.text(40, d.y - 8 - hh, W - 80 if w == "full" else w, value, h=hh, size=size, multiline=multi)
        d.y -= 22 + hh
    else:
        d.need(24)
        c.setFont("Helvetica", 9)
        c.drawString(40, d.y, label)
        x = 205
        a.text(x, d.y - 5, (W - 40 - x) if w == "full" else w, value, size=size)
        d.y -= 23


def acro_date(d, a, label, dte, split, style="slash0"):
    c = d.c
    d.need(24)
    c.setFont("Helvetica", 9)
    c.drawString(40, d.y, label)
    x = 205
    if dte is None:
        a.text(x, d.y - 5, 110, "")
    elif split:
        a.text(x, d.y - 5, 24, f"{dte.day:02d}")
        a.text(x + 30, d.y - 5, 24, f"{dte.month:02d}")
        a.text(x + 60, d.y - 5, 40, f"{dte.year}")
        c.setFont("Helvetica", 6.5)
        c.drawString(x, d.y - 12, "DD")
        c.drawString(x + 30, d.y - 12, "MM")
        c.drawString(x + 60, d.y - 12, "YYYY")
        d.y -= 6
    else:
        a.text(x, d.y - 5, 130, fd(dte, style))
    d.y -= 23


def render_acro(sc, path):
    ctx, f, ft = sc["ctx"], sc["fields"], sc["form_type"]
    p = ctx["prop"]
    nm = ctx["name"]
    d = Doc(path)
    a = Acro(d)
    split = R.random() < 0.6
    ctx["split_dates"] = split
    if ft == "council_tax_spd":
        council_header(d, "Single Person Discount - claim form", "Council Tax (fillable PDF)",
                       "SPD-F v2.1", colour=colors.HexColor("#5b2c6f"))
        para(d, "Fill in this form on screen, save it and email it to counciltax@calderbrook.gov.uk. "
                "Fields marked * must be completed.")
        section_bar(d, "Your details", shade="#ece3f0")
        acro_row(d, a, "Council Tax account no. *", fref(f["account_ref"], ctx["refstyle"]), w=130)
        acro_row(d, a, "Title", nm["title"], w=60)
        acro_row(d, a, "Forename(s) *", nm["first"], w=200)
        acro_row(d, a, "Surname *", nm["last"], w=200)
        acro_row(d, a, "Address line 1 *", f["address"], w="full")
        acro_row(d, a, "Address line 2", p["line2"], w="full")
        acro_row(d, a, "Town", p["town"], w=200)
        acro_row(d, a, "Post code *", f["postcode"], w=90)
        acro_row(d, a, "Contact number", f.get("phone", ""), w=160)
        acro_row(d, a, "E-mail", f.get("email", ""), w="full")
        section_bar(d, "Your claim", shade="#ece3f0")
        d.need(20)
        a.check(40, d.y - 3, True)
        d.c.setFont("Helvetica", 9)
        d.c.drawString(58, d.y, "I am the only adult (aged 18 or over) who lives at this address")
        d.y -= 22
        acro_date(d, a, "Living alone since *", pdate(f["sole_adult_since"]), split, ctx["dstyle"])
        acro_row(d, a, "Name of any adult who has left", f.get("other_adult_name", ""), w="full")
        acro_row(d, a, "Their new address (if known)", f.get("other_adult_forwarding_address", ""),
                 w="full", above=True, size=9)
        acro_row(d, a, "Any other information (what has changed?)", f.get("change_description", ""),
                 w="full", above=True, size=8)
        section_bar(d, "Declaration", shade="#ece3f0")
        para(d, "By entering the date below I confirm that the information on this form is correct. I "
                "will tell the council straight away if another adult moves in.", size=8.5)
        d.y -= 4
        acro_date(d, a, "Date *", pdate(f["declaration_date"]), split, ctx["dstyle2"])
    else:
        council_header(d, "Residents' Parking Permit", "Parking Services - online form (PDF)",
                       "RPP-FILL 2026", colour=colors.HexColor("#5b2c6f"))
        para(d, "Complete all of the boxes. Only one vehicle per form. Tick the zone shown on the signs "
                "in your street.")
        section_bar(d, "Applicant", shade="#ece3f0")
        acro_row(d, a, "Name", f["applicant_name"], w=260)
        acro_row(d, a, "House number and street", f["address"], w="full")
        acro_row(d, a, "Area / town", ", ".join(x for x in [p["line2"], p["town"]] if x), w=200)
        acro_row(d, a, "Postcode", f["postcode"], w=90)
        acro_row(d, a, "Phone", f.get("phone", ""), w=160)
        acro_row(d, a, "Email", f.get("email", ""), w="full")
        section_bar(d, "Vehicle", shade="#ece3f0")
        acro_row(d, a, "Registration mark", ctx["vdisp"], w=110)
        acro_row(d, a, "Make", f.get("vehicle_make", ""), w=200)
        d.need(40)
        d.c.setFont("Helvetica", 9)
        d.c.drawString(40, d.y, "Permit zone")
        x = 205
        for z in ZONES:
            a.check(x, d.y - 3, z == f["zone"])
            d.c.setFont("Helvetica", 9)
            d.c.drawString(x + 15, d.y, z)
            x += 30 + d.c.stringWidth(z, "Helvetica", 9)
        d.y -= 24
        acro_date(d, a, "Permit to start on", pdate(f["start_date"]), split, ctx["dstyle"])
        section_bar(d, "Declaration", shade="#ece3f0")
        para(d, "I declare that I am a resident at the address given and that the vehicle is used by me.",
             size=8.5)
        d.y -= 4
        acro_date(d, a, "Date of application", pdate(f["declaration_date"]), split, ctx["dstyle2"])
    d.save()


# ---------------------------------------------------------------- layout 4: case management summary
def render_case(sc, path):
    ctx, f, ft = sc["ctx"], sc["fields"], sc["form_type"]
    p = ctx["prop"]
    ds = R.choice(["dash", "iso", "slash0"])
    ctx["case_ds"] = ds
    d = Doc(path)
    d.foot = "CalderConnect CRM 4.2  -  printed by revenues back office  -  OFFICIAL-SENSITIVE"
    c = d.c
    y = H - 50
    lines = []
    caseno = f"CS-2026-{R.randint(100000, 199999)}"
    created = pdate(f["declaration_date"])
    agent = R.choice(["KHALID.R", "SMITHSON.J", "BRIGGS.A", "OKAFOR.N", "HOLT.D"])
    chan = R.choice(["TELEPHONE", "FACE TO FACE (CUSTOMER FIRST)", "WEBCHAT"])
    lines.append(("B", "CALDERBROOK MBC   CUSTOMER CONTACT RECORD"))
    lines.append(("", f"Case no: {caseno}      Created: {fd(created, ds)} {R.randint(8, 17):02d}:{R.randint(0, 59):02d}"))
    lines.append(("", f"Channel: {chan:<30} Agent: {agent}"))

    def kv(k, v):
        lines.append(("", f"{k:.<30}: {v}"))

    if ft == "council_tax_move":
        out = f["move_type"] == "out"
        lines.append(("", "Service: REVENUES > COUNCIL TAX > CHANGE OF ADDRESS"))
        lines.append(("", "-" * 78))
        lines.append(("B", "CASE DETAIL"))
        kv("Move type", "MOVING OUT" if out else "MOVING IN")
        kv("Customer name", f["applicant_name"])
        if out:
            kv("CTax account", fref(f["account_ref"], R.choice(["ct", "plain", "space"])))
            kv("Property vacated - line 1", ctx["prop_line1"])
            if p["line2"]:
                kv("Property vacated - line 2", p["line2"])
            kv("Property vacated - town", p["town"])
            kv("Property vacated - postcode", f["previous_postcode"])
            kv("Date of move", fd(pdate(f["move_date"]), ds))
            fw = ctx["fwd"]
            kv("Forwarding address", fw[0])
            kv("Forwarding town", fw[1])
            kv("Forwarding postcode", fw[2])
        else:
            kv("New property - line 1", ctx["prop_line1"])
            if p["line2"]:
                kv("New property - line 2", p["line2"])
            kv("New property - town", p["town"])
            kv("New property - postcode", f["new_postcode"])
            kv("Date of move", fd(pdate(f["move_date"]), ds) if "move_date" in f else "")
            pv = ctx["prevaddr"]
            kv("Previous address", pv[0] if pv else "NOT GIVEN")
            if pv:
                kv("Previous town", pv[1])
                kv("Previous postcode", pv[2])
        kv("Contact telephone", f.get("phone", ""))
        kv("Contact email", f.get("email", ""))
        lines.append(("", "-" * 78))
        lines.append(("B", "NOTES"))
        if ctx.get("on_behalf"):
            note = (f"Caller rang about the move at this address. Caller states account holder "
                    f"{ctx['on_behalf']['full']} is their parent. DPA checks passed on caller.")
        else:
            note = ("Customer called to report " + ("moving out" if out else "moving in") +
                    ". DPA checks passed. Advised a final bill / new bill will be issued.")
        lines += [("", ln) for ln in simpleSplit(note, "Courier", 9, W - 90)]
    else:
        lines.append(("", "Service: REVENUES > COUNCIL TAX > DISCOUNTS > SINGLE OCCUPIER"))
        lines.append(("", "-" * 78))
        lines.append(("B", "CASE DETAIL"))
        kv("Account reference", fref(f["account_ref"], R.choice(["ct", "plain", "dash"])))
        kv("Customer name", f["applicant_name"])
        kv("Property address", f["address"])
        if p["line2"]:
            kv("Locality", p["line2"])
        kv("Town", p["town"])
        kv("Postcode", f["postcode"])
        kv("Contact tel", f.get("phone", ""))
        kv("Contact email", f.get("email", ""))
        kv("Sole adult from", fd(pdate(f["sole_adult_since"]), ds))
        kv("Adult vacated - name", f.get("other_adult_name", "N/A"))
        kv("Adult vacated - fwd address", f.get("other_adult_forwarding_address", "NOT KNOWN"))
        lines.append(("", "-" * 78))
        lines.append(("B", "CUSTOMER STATEMENT (what has changed)"))
        if f.get("change_description"):
            lines += [("", ln) for ln in simpleSplit(f["change_description"], "Courier", 9, W - 90)]
    lines.append(("", "-" * 78))
    lines.append(("B", "DECLARATION"))
    lines.append(("", "Declaration read to customer and accepted: YES"))
    kv("Declaration date", fd(pdate(f["declaration_date"]), ds))
    lines.append(("", ""))
    lines.append(("", "Workflow: routed to FORMS INBOX for automated processing"))
    c.setFont("Courier", 9)
    for style, ln in lines:
        if y < 60:
            d.newpage()
            y = H - 50
        c.setFont("Courier-Bold" if style == "B" else "Courier", 9)
        c.drawString(45, y, ln)
        y -= 12.5
    d.save()


# ---------------------------------------------------------------- layout 5: household table
def boxfield(d, x, y, w, h, label, value, font, size=11):
    c = d.c
    c.setLineWidth(0.7)
    c.rect(x, y - h, w, h, stroke=1, fill=0)
    c.setFont("Helvetica", 6.8)
    c.drawString(x + 3, y - 8, label)
    vals = value if isinstance(value, list) else [value]
    for i, v in enumerate(vals):
        if v:
            c.setFont(font, size)
            c.setFillColor(INK if font in HAND_FONTS else colors.black)
            c.drawString(x + 5, y - 21 - i * 13, v)
            c.setFillColor(colors.black)


def grid(d, cols, widths, rows, font, size=9, rowh=30):
    c = d.c
    x0 = 40
    d.need(18 + rowh * len(rows))
    c.setFillColor(colors.HexColor("#f3e7c9"))
    c.rect(x0, d.y - 18, sum(widths), 18, fill=1, stroke=1)
    c.setFillColor(colors.black)
    x = x0
    for col, w in zip(cols, widths):
        c.setFont("Helvetica-Bold", 7.5)
        for i, ln in enumerate(simpleSplit(col, "Helvetica-Bold", 7.5, w - 6)[:2]):
            c.drawString(x + 3, d.y - 8 - i * 8, ln)
        x += w
    d.y -= 18
    for row in rows:
        x = x0
        for val, w in zip(row, widths):
            c.rect(x, d.y - rowh, w, rowh, stroke=1, fill=0)
            c.setFont(font, size)
            c.setFillColor(INK if font in HAND_FONTS else colors.black)
            for i, ln in enumerate(simpleSplit(val or "", font, size, w - 8)[:2]):
                c.drawString(x + 4, d.y - 12 - i * 11, ln)
            c.setFillColor(colors.black)
            x += w
        d.y -= rowh
    d.y -= 12


def render_household(sc, path):
    ctx, f, ft = sc["ctx"], sc["fields"], sc["form_type"]
    p = ctx["prop"]
    font = ctx["font"] if ft == "council_tax_move" else (ctx.get("hfont") or R.choice(["Courier", HAND_FONTS[-1]]))
    size = 10
    d = Doc(path)
    colour = colors.HexColor("#8a5a00")
    if ft == "council_tax_spd":
        council_header(d, "Who lives at your home?  Single Person Discount", "Council Tax - household review",
                       "HR/SPD 11/25", colour=colour)
        para(d, "We need to know about every adult who has lived at your address in the last 12 months. "
                "Please fill in all of sections A to D.")
        section_bar(d, "A   Your details and the property", shade="#f3e7c9")
        y = d.y
        boxfield(d, 40, y, 330, 30, "Your full name", f["applicant_name"], font, size)
        boxfield(d, 375, y, W - 415, 30, "Council Tax reference", fref(f["account_ref"], ctx["refstyle"]), font, size)
        y -= 34
        addr_lines = [f["address"]] + ([p["line2"]] if p["line2"] else []) + [p["town"]]
        boxfield(d, 40, y, 330, 58, "Address of the property", addr_lines, font, size)
        boxfield(d, 375, y, W - 415, 58, "Postcode", f["postcode"], font, size)
        y -= 62
        boxfield(d, 40, y, 200, 30, "Phone", f.get("phone", ""), font, size)
        boxfield(d, 245, y, W - 285, 30, "Email", f.get("email", ""), font, size)
        d.y = y - 40
        section_bar(d, "B   Adults (aged 18 or over) who have lived at this address in the last 12 months",
                    shade="#f3e7c9")
        para(d, "Start with yourself. If someone has left, tell us the date they moved out and their new "
                "address.", size=8)
        rows = [[ctx["name"]["first"] + " " + ctx["name"]["last"], fd(ctx["dob"], "slash0"), "Yes", "", ""]]
        if "other_adult_name" in f:
            left = ctx["desc_date"] or ctx["since"]
            rows.append([f["other_adult_name"], fd(ctx["other_dob"], "slash0"), "No",
                         fd(left, ctx["dstyle"]), f.get("other_adult_forwarding_address", "")])
        rows.append(["", "", "", "", ""])
        grid(d, ["Full name", "Date of birth", "Still living here?", "Date they moved out",
                 "New address if known"], [130, 70, 60, 75, W - 80 - 335], rows, font, 8.5, 28)
        section_bar(d, "C   Your claim", shade="#f3e7c9")
        y = d.y
        boxfield(d, 40, y, W - 80, 30, "From what date have you been the only adult living at the address?",
                 fd(pdate(f["sole_adult_since"]), ctx["dstyle"]), font, size)
        y -= 34
        desc = simpleSplit(f.get("change_description", ""), font, size, W - 95)
        boxfield(d, 40, y, W - 80, 20 + 13 * max(2, len(desc)), "Tell us what changed", desc, font, size)
        d.y = y - 30 - 13 * max(2, len(desc))
        section_bar(d, "D   Declaration", shade="#f3e7c9")
        para(d, "The information I have given is true. I will tell the council within 21 days of any change.",
             size=8.5)
        y = d.y - 2
        boxfield(d, 40, y, 250, 34, "Signature", "", font)
        squiggle(d.c, 60, y - 24, 90)
        boxfield(d, 300, y, W - 340, 34, "Date signed",
                 fd(pdate(f["declaration_date"]), ctx["dstyle2"]) if "declaration_date" in f else "", font, size)
        d.y = y - 44
    else:
        council_header(d, "Council Tax - Moving In", "Council Tax registration for new occupiers",
                       "MI2 (household)", colour=colour)
        para(d, "Please use this form if you have moved into a property in Calderbrook. We will open a "
                "Council Tax account in the name of the people responsible for paying.")
        section_bar(d, "1   About you", shade="#f3e7c9")
        y = d.y
        boxfield(d, 40, y, 330, 30, "Name (with title)", f["applicant_name"], font, size)
        boxfield(d, 375, y, W - 415, 30, "Telephone", f.get("phone", ""), font, size)
        y -= 34
        boxfield(d, 40, y, W - 80, 30, "Email", f.get("email", ""), font, size)
        d.y = y - 40
        section_bar(d, "2   The property you have moved into", shade="#f3e7c9")
        y = d.y
        addr_lines = [f["new_address"]] + ([p["line2"]] if p["line2"] else []) + [p["town"]]
        boxfield(d, 40, y, 330, 58, "Address", addr_lines, font, size)
        boxfield(d, 375, y, W - 415, 58, "Postcode", f["new_postcode"], font, size)
        y -= 62
        boxfield(d, 40, y, 250, 30, "Date you moved in / tenancy start date",
                 fd(pdate(f["move_date"]), ctx["dstyle"]) if "move_date" in f else "", font, size)
        pv = ctx["prevaddr"]
        y -= 34
        boxfield(d, 40, y, W - 80, 30, "Your previous address (including postcode)",
                 f"{pv[0]}, {pv[1]} {pv[2]}" if pv else "", font, size)
        d.y = y - 40
        section_bar(d, "3   Everyone aged 18 or over who lives at the property", shade="#f3e7c9")
        rows = []
        for i, m in enumerate(ctx["household"]):
            rows.append([m["first"] + " " + m["last"],
                         fd(rdate(D(1960, 1, 1), D(2005, 12, 31)), "slash0"),
                         "Self" if i == 0 else R.choice(["Partner", "Sister", "Brother", "Friend"]),
                         "No" if R.random() < 0.85 else "Yes"])
        rows += [["", "", "", ""]] * 2
        grid(d, ["Full name", "Date of birth", "Relationship to you", "Full-time student?"],
             [190, 90, 130, W - 80 - 410], rows, font, 9, 24)
        section_bar(d, "4   Declaration", shade="#f3e7c9")
        para(d, "I declare that the information on this form is correct to the best of my knowledge.",
             size=8.5)
        y = d.y - 2
        boxfield(d, 40, y, 250, 34, "Signature", "", font)
        squiggle(d.c, 60, y - 24, 90)
        boxfield(d, 300, y, W - 340, 34, "Date", fd(pdate(f["declaration_date"]), ctx["dstyle2"]), font, size)
        d.y = y - 44
    para(d, "Return to: Council Tax, Calderbrook MBC, PO Box 65, Calderbrook.", size=8, color=colors.grey)
    d.save()


# ---------------------------------------------------------------- layout 6: letters and emails
def render_letter_email(sc, path):
    ctx, f, ft = sc["ctx"], sc["fields"], sc["form_type"]
    channel = ctx.get("channel") or ("email" if ft == "council_tax_move" or
                                     ctx.get("variant") == "future" else "letter")
    sent = ctx.get("sent") or pdate(f["declaration_date"])
    nm = ctx.get("name")
    p = ctx.get("prop")
    if ft == "correspondence":
        paras = ctx["paras"]
        subject = {"missed_bin": "Missed bin collection", "council_tax_query": "Council Tax reminder",
                   "complaint": "Complaint", "foi_request": "Freedom of Information request",
                   "other": "Road closure for street party", "ct_badref": "My council tax account",
                   "anon": "Bins" if channel == "email" else ""}[ctx["kind"]]
        to = {"missed_bin": "waste@calderbrook.gov.uk", "council_tax_query": "counciltax@calderbrook.gov.uk",
              "foi_request": "foi@calderbrook.gov.uk"}.get(ctx["kind"], "enquiries@calderbrook.gov.uk")
        sender_email = email_for(ctx["person"]) if nm else ctx.get("anon_email")
    elif ft == "council_tax_spd":
        other = ctx["other"]
        ref = fref(f["account_ref"], ctx["refstyle"])
        since = fd(pdate(f["sole_adult_since"]), ctx["dstyle"])
        if ctx["variant"] == "future":
            paras = [f"My partner {f.get('other_adult_name', '')} is moving out of our home on {since}. "
                     "After that I will be the only adult living here.",
                     f"Please can I have the single person discount on Council Tax account {ref} from "
                     f"{since}? The address is {f['address']}, {f['postcode']}."]
            if "other_adult_forwarding_address" in f:
                paras.insert(1, f"From then they will be living at {f['other_adult_forwarding_address']}.")
        else:
            paras = [f"Re: Council Tax account {ref}",
                     "I am writing to apply for the single person discount. "
                     + (f"{f['other_adult_name']} moved out of the property on {since} and "
                        if "other_adult_name" in f else f"Since {since} ")
                     + "I have been the only adult living here."]
            if "other_adult_forwarding_address" in f:
                paras.append(f"Their new address is {f['other_adult_forwarding_address']}.")
            paras.append("Please apply the discount from that date."
                         + (f" You can ring me on {f['phone']} if you need anything else."
                            if "phone" in f else ""))
        subject = "Single person discount"
        to = "counciltax@calderbrook.gov.uk"
        sender_email = f.get("email")
    elif ft == "council_tax_move":
        fw = ctx["fwd"]
        paras = [f"I am writing to let you know that I am moving out of {f['previous_address']}, "
                 f"{f['previous_postcode']} on {fd(pdate(f['move_date']), ctx['dstyle'])}. My Council Tax "
                 f"account number is {fref(f['account_ref'], ctx['refstyle'])}.",
                 f"Please send my final bill to my new address: {fw[0]}, {fw[1]}, {fw[2]}."
                 + (f" My phone number is {f['phone']}." if "phone" in f else ""),
                 "I confirm that this information is correct."]
        subject = "Moving out - Council Tax"
        to = "counciltax@calderbrook.gov.uk"
        sender_email = f.get("email")
    else:  # parking
        mk = f.get("vehicle_make")
        paras = [f"I would like to apply for a residents' parking permit for {f['zone']}. I live at "
                 f"{f['address']} and my car is a {mk + ', ' if mk else ''}registration {ctx['vdisp']}.",
                 f"I would like the permit to start on {fd(pdate(f['start_date']), ctx['dstyle'])}. "
                 "I confirm that I live at this address and the car is kept here."
                 + (f" My phone number is {f['phone']}." if "phone" in f else "")]
        subject = "Parking permit application"
        to = "parking@calderbrook.gov.uk"
        sender_email = f.get("email")
        if mk:
            ctx["make_shown"] = mk
    ctx["channel_used"] = channel
    d = Doc(path)
    c = d.c
    if channel == "email":
        c.setFont("Helvetica-Bold", 11)
        c.drawString(40, H - 50, "Calderbrook MBC Mail")
        c.setLineWidth(1.2)
        c.line(40, H - 58, W - 40, H - 58)
        y = H - 78
        tm = f"{R.randint(7, 22):02d}:{R.randint(0, 59):02d}"
        frm = (f"{nm['first']} {nm['last']} <{sender_email}>" if nm and sender_email
               else (f"{nm['first']} {nm['last']}" if nm else sender_email))
        if ft != "correspondence" and nm and sender_email:
            frm = f"{nm['first']} {nm['last']} <{sender_email}>"
        for k, v in [("From:", frm), ("Sent:", f"{WEEKDAYS[sent.weekday()]}, {sent.day} {MONTHS[sent.month - 1]} {sent.year} {tm}"),
                     ("To:", to), ("Subject:", subject)]:
            c.setFont("Helvetica-Bold", 10)
            c.drawString(40, y, k)
            c.setFont("Helvetica", 10)
            c.drawString(100, y, v)
            y -= 15
        c.setLineWidth(0.5)
        c.line(40, y + 4, W - 40, y + 4)
        d.y = y - 16
        greet = "Hello," if ft == "correspondence" and not nm else R.choice(["Dear Sir or Madam,", "Hello,", "Hi,"])
        para(d, greet, font="Helvetica", size=10.5)
        d.y -= 6
        for pg in paras:
            para(d, pg, font="Helvetica", size=10.5)
            d.y -= 8
        if nm:
            para(d, R.choice(["Kind regards,", "Thanks,", "Regards,"]), font="Helvetica", size=10.5)
            para(d, nm["full"], font="Helvetica", size=10.5)
            if ctx.get("show_addr") or ft != "correspondence":
                if p:
                    line1 = ctx.get("prop_line1", p["line1"])
                    if ft in ("correspondence", "council_tax_spd", "parking_permit"):
                        line1 = f.get("address", line1)
                    if ft != "council_tax_move":
                        para(d, line1, font="Helvetica", size=10.5)
                        if p["line2"]:
                            para(d, p["line2"], font="Helvetica", size=10.5)
                        para(d, f"{p['town']} {f.get('postcode', p['postcode'])}", font="Helvetica",
                             size=10.5)
            if ft == "correspondence" and "account_ref" in f and ctx["kind"] != "council_tax_query":
                para(d, f"Account: {fref(f['account_ref'], 'plain')}", font="Helvetica", size=10.5)
            if ft != "correspondence" and f.get("email") and R.random() < 0.0:
                pass
    else:
        c.setFont("Times-Roman", 11)
        y = H - 60
        if nm and (ctx.get("show_addr", True)):
            blk = [f.get("address", p["line1"])] + ([p["line2"]] if p["line2"] else []) + \
                  [p["town"], f.get("postcode", p["postcode"])]
            if "phone" in f and ft != "correspondence" and R.random() < 0.5:
                blk.append(f"Tel: {f['phone']}")
                ctx["phone_in_block"] = True
            if f.get("email") and ft != "correspondence":
                blk.append(f["email"])
            for ln in blk:
                c.drawRightString(W - 50, y, ln)
                y -= 14
        y -= 10
        c.drawRightString(W - 50, y, fd(sent, R.choice(["long", "ord"])))
        y -= 30
        for ln in ["Calderbrook Metropolitan Borough Council", "Town Hall", "Crown Street",
                   "Calderbrook", "CK1 1AA"]:
            c.drawString(50, y, ln)
            y -= 14
        d.y = y - 20
        para(d, "Dear Sir or Madam," if nm else "To whom it may concern,", font="Times-Roman", size=11.5,
             x=50, width=W - 100)
        d.y -= 6
        for pg in paras:
            para(d, pg, font="Times-Roman", size=11.5, x=50, width=W - 100)
            d.y -= 8
        d.y -= 4
        if nm:
            para(d, "Yours faithfully,", font="Times-Roman", size=11.5, x=50)
            squiggle(c, 55, d.y - 12, 100)
            d.y -= 30
            para(d, nm["full"], font="Times-Roman", size=11.5, x=50)
        else:
            para(d, "A concerned resident", font="Times-Roman", size=11.5, x=50)
    d.save()


RENDER = {"ruled_handwritten": render_ruled, "qa_table": render_qa, "acroform_fillable": render_acro,
          "casework_summary": render_case, "household_table": render_household,
          "letter_email": render_letter_email}


# ---------------------------------------------------------------- records workbook
def write_records(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "properties"
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDE6F0")

    def sheet(ws, head, rows, datecols=()):
        ws.append(head)
        for cell in ws[1]:
            cell.font = bold
            cell.fill = fill
        for r in rows:
            ws.append(r)
        for col in datecols:
            for row in ws.iter_rows(min_row=2, min_col=col, max_col=col):
                for cell in row:
                    cell.number_format = "yyyy-mm-dd"
        for i, h in enumerate(head, 1):
            ws.column_dimensions[openpyxl.utils.get_column_letter(i)].width = max(12, len(h) + 4)

    sheet(ws, ["uprn", "address_line_1", "address_line_2", "town", "postcode", "council_tax_band", "ward",
               "parking_zone"],
          [[p["uprn"], p["line1"], p["line2"] or None, p["town"], p["postcode"], p["band"], p["ward"],
            p["zone"] or None] for p in props])
    ws.column_dimensions["B"].width = 44
    ws2 = wb.create_sheet("council_tax_accounts")
    sheet(ws2, ["account_ref", "uprn", "liable_parties", "status", "start_date", "end_date", "discounts"],
          [[a["ref"], a["uprn"], ";".join(a["liable"]), a["status"], a["start"], a["end"],
            ";".join(a["discounts"]) or None] for a in accounts], datecols=(5, 6))
    for row in ws2.iter_rows(min_row=2, min_col=1, max_col=1):
        for cell in row:
            cell.number_format = "@"
    ws3 = wb.create_sheet("electoral_register")
    sheet(ws3, ["elector_number", "full_name", "uprn"], [[e["no"], e["name"], e["uprn"]] for e in electors])
    ws4 = wb.create_sheet("parking_permits")
    sheet(ws4, ["permit_ref", "uprn", "vrm", "zone", "valid_from", "valid_to"],
          [[p["ref"], p["uprn"], p["vrm"], p["zone"], p["from"], p["to"]] for p in permits], datecols=(5, 6))
    fixed = dt.datetime(2026, 12, 6, 18, 0, 0)
    wb.properties.creator = "Calderbrook MBC Revenues extract"
    wb.properties.created = fixed
    wb.properties.modified = fixed
    tmp = Path(str(path) + ".tmp")
    wb.save(tmp)
    # rewrite the zip with fixed timestamps so the workbook is byte-for-byte reproducible
    import zipfile
    with zipfile.ZipFile(tmp) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "docProps/core.xml":
                data = re.sub(rb"<dcterms:modified([^>]*)>[^<]*<", rb"<dcterms:modified\1>2026-12-06T18:00:00Z<", data)
            zi = zipfile.ZipInfo(item.filename, date_time=(2026, 12, 6, 18, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(zi, data)
    tmp.unlink()


# ---------------------------------------------------------------- main
def main():
    build()
    inbox = HERE / "inbox"
    if inbox.exists():
        shutil.rmtree(inbox)
    inbox.mkdir()
    write_records(HERE / "records.xlsx")
    order = list(range(len(scenarios)))
    R.shuffle(order)
    # keep the two copies of the duplicate apart, first copy earlier
    learn_count = {}
    out = []
    for i, idx in enumerate(order, 1):
        sc = scenarios[idx]
        name = f"doc_{i:04d}.pdf"
        RENDER[sc["layout"]](sc, inbox / name)
        key = (sc["layout"], sc["form_type"])
        split = "test"
        if sc["outcome"] == "approved" and learn_count.get(key, 0) < 2:
            learn_count[key] = learn_count.get(key, 0) + 1
            split = "learn"
        rec = {"file": name, "form_type": sc["form_type"], "fields": sc["fields"],
               "outcome": sc["outcome"], "reasons": sc["reasons"], "layout": sc["layout"],
               "split": split}
        if sc.get("duplicate_group"):
            rec["duplicate_group"] = sc["duplicate_group"]
        out.append(rec)
    with open(HERE / "truth.jsonl", "w") as fh:
        for rec in out:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    # summary
    from collections import Counter
    print(f"properties {len(props)}  accounts {len(accounts)} "
          f"(active {sum(a['status'] == 'active' for a in accounts)})  electors {len(electors)}  "
          f"permits {len(permits)} (active {len(active_permits())})")
    print("files", len(out), Counter(r["outcome"] for r in out))
    print(Counter((r["layout"], r["form_type"]) for r in out))
    print(Counter(x for r in out for x in r["reasons"]))
    print("learn", sum(r["split"] == "learn" for r in out))


if __name__ == "__main__":
    main()
