#!/usr/bin/env python
"""Blind test set 63 -- Tollesbury Coast District Council.

Run `python gen.py`: writes records.xlsx, inbox/doc_NNNN.pdf and truth.jsonl
next to this file.  Deterministic (seeded); re-running gives the same data.
"""
import datetime as dt
import json
import os
import random
import re
import shutil

import openpyxl
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 63
R = random.Random(SEED)
D = dt.date
AS_OF = D(2026, 12, 7)
W, H = A4

# --------------------------------------------------------------------------
# fonts
# --------------------------------------------------------------------------
DJ = "/usr/share/fonts/truetype/dejavu/"
HAND = "Helvetica-Oblique"
if os.path.exists(DJ + "DejaVuSansCondensed-Oblique.ttf"):
    pdfmetrics.registerFont(TTFont("Hand", DJ + "DejaVuSansCondensed-Oblique.ttf"))
    HAND = "Hand"
SIG = "Times-Italic"
if os.path.exists(DJ + "DejaVuSerif-Italic.ttf"):
    pdfmetrics.registerFont(TTFont("Sig", DJ + "DejaVuSerif-Italic.ttf"))
    SIG = "Sig"

# --------------------------------------------------------------------------
# small helpers
# --------------------------------------------------------------------------
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]


def ordinal(n):
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def fd(d, style):
    """format a date as printed on a form"""
    if style == "dmy_slash":
        return d.strftime("%d/%m/%Y")
    if style == "dmy_short":
        return f"{d.day}/{d.month}/{d.year}"
    if style == "dmy_dash":
        return d.strftime("%d-%m-%Y")
    if style == "dmy_dot":
        return d.strftime("%d.%m.%Y")
    if style == "long":
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "long_ord":
        return f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}"
    if style == "us_long":
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    if style == "iso":
        return d.isoformat()
    raise ValueError(style)


def fa(ref, style):
    """format an account reference as printed"""
    if style == "plain":
        return ref
    if style == "space":
        return ref[:4] + " " + ref[4:]
    if style == "dash":
        return ref[:4] + "-" + ref[4:]
    if style == "ct":
        return "CT" + ref
    if style == "ct_space":
        return "CT " + ref[:4] + " " + ref[4:]
    raise ValueError(style)


def norm_pc(s):
    s = re.sub(r"\s+", "", s).upper()
    return s[:-3] + " " + s[-3:]


def norm_vrm(s):
    return re.sub(r"\s+", "", s).upper()


def collapse(s):
    return re.sub(r"\s+", " ", s).strip()


def pc_variant(pc, kind):
    if kind == "lower":
        return pc.lower()
    if kind == "nospace":
        return pc.replace(" ", "")
    return pc


def rdate(a, b):
    return a + dt.timedelta(days=R.randint(0, (b - a).days))


def days(n):
    return dt.timedelta(days=n)


# --------------------------------------------------------------------------
# people
# --------------------------------------------------------------------------
FEM = ["Ann", "Barbara", "Carol", "Diane", "Elaine", "Fiona", "Gillian", "Helen",
       "Irene", "Janet", "Karen", "Linda", "Margaret", "Nicola", "Pauline", "Rachel",
       "Sandra", "Tracey", "Valerie", "Wendy", "Alison", "Beverley", "Claire",
       "Deborah", "Emma", "Hayley", "Joanne", "Kirsty", "Lorraine", "Michelle",
       "Natalie", "Sharon", "Zoe", "Ellie", "Grace", "Megan", "Amy", "Chloe", "Jodie",
       "Rita", "Sylvia", "Maureen", "Shirley", "Jean", "Doreen", "Lucy", "Harriet",
       "Rosie", "Bethany", "Sophie"]
MAL = ["Adrian", "Brian", "Colin", "Darren", "Edward", "Frank", "Graham", "Howard",
       "Ian", "Jason", "Keith", "Lee", "Martin", "Neil", "Owen", "Paul", "Richard",
       "Stephen", "Trevor", "Vincent", "Wayne", "Alan", "Barry", "Craig", "Dean",
       "Gavin", "Kevin", "Mark", "Nigel", "Philip", "Roger", "Simon", "Terry", "Tom",
       "Luke", "Oliver", "Harry", "Jack", "George", "Stuart", "Derek", "Dennis", "Roy",
       "Callum", "Ryan", "Daniel", "Matthew", "Liam", "Jamie", "Robert"]
SUR = ["Appleton", "Bartholomew", "Bloomfield", "Cobbold", "Creasey", "Dowsett",
       "Everitt", "Fenn", "Gosling", "Hales", "Heard", "Jarvis", "Kerridge", "Lark",
       "Leeder", "Lilley", "Mead", "Marriage", "Osborne", "Pannell", "Potter",
       "Ratcliffe", "Rudd", "Scrivener", "Shelley", "Sparrow", "Tabor", "Thurgood",
       "Tweed", "Underwood", "Vince", "Webb", "Wheeler", "Wiseman", "Woolf", "Bunting",
       "Chaplin", "Digby", "Eagle", "Fairweather", "Gladwin", "Harrington", "Ingram",
       "Joslin", "Knights", "Lockwood", "Manning", "Newcombe", "Prentice", "Quinton",
       "Rolfe", "Saltmarsh", "Tansley", "Vaughan", "Wade", "Youngs", "Abbott", "Baines",
       "Clarke", "Drury", "Emery", "Fisher", "Goddard", "Hammond", "Ives", "Jennings",
       "Kemp", "Lambert", "Mayhew", "Nash", "Oakley", "Peck", "Redgwell", "Stebbing",
       "Tydeman", "Usher", "Wenden", "Brand", "Crisp", "Finch", "Gurton", "Hazell",
       "Juby", "Kettle", "Lodge", "Munson", "Parmenter", "Root", "Sims", "Theobald",
       "Vale", "Whybrow", "Mussett", "Pettit", "Binks", "Frost", "Harvey", "Keeble",
       "Lufkin", "Mott", "Nunn", "Rayner", "Sadler", "Tiffin", "Upson", "Yeldham",
       "Carter", "Hughes", "Cranfield", "Spurgeon", "Mallett", "Hedgecock", "Pudney"]
USED_NAMES = set()


def new_person(gender=None, last=None):
    gender = gender or R.choice("FM")
    fixed = last
    while True:
        first = R.choice(FEM if gender == "F" else MAL)
        last = fixed or R.choice(SUR)
        if (first, last) not in USED_NAMES:
            USED_NAMES.add((first, last))
            break
    if gender == "F":
        title = R.choice(["Mrs", "Ms", "Miss", "Mrs", "Ms", "Dr"])
    else:
        title = R.choice(["Mr", "Mr", "Mr", "Dr"])
    return {"first": first, "last": last, "title": title, "g": gender}


def nm(p):
    return f"{p['first']} {p['last']}"


def tnm(p):
    return f"{p['title']} {p['first']} {p['last']}"


def phone():
    if R.random() < 0.55:
        return R.choice(["07700 900", "07700 900", "07700900"]) + f"{R.randint(0, 999):03d}"
    return R.choice(["01621 86", "01621 ", "(01621) 8"]) + f"{R.randint(1000, 9999)}" if R.random() < 0.5 \
        else f"01206 {R.randint(100000, 999999)}"


def email_for(p):
    dom = R.choice(["gmail.com", "btinternet.com", "outlook.com", "coastmail.co.uk", "yahoo.co.uk"])
    form = R.choice(["{f}.{l}", "{f}{l}", "{fi}{l}", "{f}.{l}{n}"])
    local = form.format(f=p["first"].lower(), l=p["last"].lower(), fi=p["first"][0].lower(),
                        n=R.randint(1, 89))
    return f"{local}@{dom}"


# --------------------------------------------------------------------------
# property gazetteer
# --------------------------------------------------------------------------
# street, locality, town, outward, zone, kind, count, ward
STREETS = [
    ("High Street", "", "Tollesbury", "TC1", "Zone T1", "house", 9, "Tollesbury Central"),
    ("Church Street", "", "Tollesbury", "TC1", "Zone T1", "house", 10, "Tollesbury Central"),
    ("East Street", "", "Tollesbury", "TC1", "Zone T2", "house", 11, "Tollesbury Central"),
    ("Station Road", "", "Tollesbury", "TC1", "Zone T2", "house", 10, "Tollesbury Central"),
    ("Hard Lane", "Woodrolfe", "Tollesbury", "TC2", "Harbour", "weather", 10, "Woodrolfe"),
    ("Woodrolfe Road", "Woodrolfe", "Tollesbury", "TC2", "Harbour", "weather", 10, "Woodrolfe"),
    ("Quay Street", "", "Tollesbury", "TC2", "Harbour", "weather", 9, "Woodrolfe"),
    ("Marine Parade", "", "Shingle End", "TC3", "Seafront", "house", 11, "Shingle End"),
    ("The Esplanade", "", "Shingle End", "TC3", "Seafront", "house", 9, "Shingle End"),
    ("Seawall Holiday Park", "", "Shingle End", "TC4", "", "chalet", 16, "Shingle End"),
    ("Saltings Way", "", "Shingle End", "TC4", "", "house", 8, "Shingle End"),
    ("Mill Lane", "", "Goldwick", "TC5", "", "house", 9, "Goldwick"),
    ("Wickham Road", "", "Goldwick", "TC5", "", "weather", 8, "Goldwick"),
    ("Oyster Row", "", "Salcot Fleet", "TC6", "", "weather", 8, "Salcot Fleet"),
    ("Fleet Lane", "", "Salcot Fleet", "TC6", "", "house", 7, "Salcot Fleet"),
    ("Coastguard Cottages", "", "Bramblewick", "TC7", "", "house", 6, "Bramblewick"),
    ("Back Lane", "", "Bramblewick", "TC7", "", "weather", 7, "Bramblewick"),
    ("Marsh Road", "Old Hythe", "Bramblewick", "TC8", "", "house", 8, "Old Hythe"),
    ("Chapel Lane", "", "Strood Marsh", "TC9", "", "weather", 7, "Strood Marsh"),
]
# block, street, zone-from-street, flats
BLOCKS = [("Anchor Court", "High Street", 8), ("Mariners Court", "Marine Parade", 8),
          ("Quayside House", "Quay Street", 6), ("Bawley Court", "Station Road", 6)]
HOUSE_NAMES = ["Sail Loft", "Net Loft", "Smack Cottage", "Bawley House", "Tide End", "Spratts",
               "Oyster Cottage", "Mast House", "Boathouse", "Sea Holly", "Saltings", "Creekside",
               "Driftwood", "Pilot's Cottage", "Winkle Cottage", "Marsh View", "Shrimpers",
               "Rope Walk Cottage", "Fid Cottage", "Kedge End", "Bosun's Rest", "Fairhaven",
               "The Old Sail Loft", "Tarred Cottage", "Salt House", "Blackwater View",
               "Heron Cottage", "Samphire", "Brent Cottage", "Swallows"]
WARD_CODE = {"Tollesbury Central": "TA", "Woodrolfe": "TB", "Shingle End": "TC", "Goldwick": "TD",
             "Salcot Fleet": "TE", "Bramblewick": "TF", "Old Hythe": "TG", "Strood Marsh": "TH"}
PC_LET = "ABDEFGHJLNPQRSTUWXYZ"
USED_PC = {"TC2 4AA", "TC4 8WX"}  # council offices; new-build site (not in gazetteer)
PROPS = []
UPRNS = set()


def new_pc(outward):
    while True:
        pc = f"{outward} {R.randint(1, 9)}{R.choice(PC_LET)}{R.choice(PC_LET)}"
        if pc not in USED_PC:
            USED_PC.add(pc)
            return pc


def new_uprn():
    while True:
        u = 100090000000 + R.randint(1000, 899999)
        if u not in UPRNS:
            UPRNS.add(u)
            return u


def add_prop(parts, locality, town, pc, zone, kind, ward, band):
    p = {"uprn": new_uprn(), "parts": parts, "line1": ", ".join(parts), "locality": locality,
         "town": town, "postcode": pc, "zone": zone, "kind": kind, "ward": ward, "band": band}
    PROPS.append(p)
    return p


def build_gazetteer():
    names = HOUSE_NAMES[:]
    R.shuffle(names)
    names.remove("Sail Loft")
    for street, loc, town, out, zone, kind, n, ward in STREETS:
        pcs = [new_pc(out) for _ in range((n + 4) // 5)]
        if kind == "chalet":
            nums = sorted(R.sample(range(1, 60), n))
            if 31 not in nums:
                nums[0] = 31
                nums.sort()
        else:
            nums = list(range(1, 2 * n, 2)) if R.random() < 0.5 else list(range(1, n + 1))
        for i, num in enumerate(nums):
            pc = pcs[min(i // 5, len(pcs) - 1)]
            if kind == "chalet":
                parts = [f"Chalet {num}", street]
                band = "A"
            elif kind == "weather" and (R.random() < 0.55 or (street == "Hard Lane" and num == 5)):
                hn = "Sail Loft" if (street == "Hard Lane" and num == 5) else names.pop()
                parts = [hn, f"{num} {street}"]
                band = R.choice("CDEF")
            else:
                parts = [f"{num} {street}"]
                band = R.choice("BCCDDE")
            add_prop(parts, loc, town, pc, zone, kind, ward, band)
    for block, street, n in BLOCKS:
        sdef = [s for s in STREETS if s[0] == street][0]
        pc = new_pc(sdef[3])
        for f in range(1, n + 1):
            add_prop([f"{f} {block}", street], sdef[1], sdef[2], pc, sdef[4], "flat", sdef[7],
                     R.choice("AAB"))


OUT_OF_AREA = [
    (["14 Crouch Street"], "Colchester", "CO3 3ES"),
    (["Flat 2", "18 Baddow Road"], "Chelmsford", "CM2 0DG"),
    (["27 Rosebery Avenue"], "Colchester", "CO1 2UG"),
    (["5 Tiptree Road"], "Maldon", "CM9 6BN"),
    (["112 Kings Road"], "Brentwood", "CM14 4EA"),
    (["3 Coopers Close"], "Witham", "CM8 1PQ"),
    (["9 Wellington Street"], "Ipswich", "IP1 2NU"),
    (["41 Hythe Hill"], "Colchester", "CO1 2NH"),
    (["7 Orchard Way"], "Braintree", "CM7 9LN"),
    (["22 Elm Grove"], "Southend-on-Sea", "SS1 2RE"),
    (["Flat 6", "Wharf House", "Navigation Road"], "Chelmsford", "CM2 6HX"),
    (["58 Straight Road"], "Boxted", "CO4 5RB"),
    (["1 Rectory Close"], "Heybridge", "CM9 4QT"),
    (["Fernlea", "16 Church Lane"], "Kelvedon", "CO5 9AH"),
    (["33 Maldon Road"], "Colchester", "CO3 3AQ"),
    (["8 Acacia Drive"], "Maldon", "CM9 6AW"),
    (["Flat 11", "Bridge Court", "Springfield Road"], "Chelmsford", "CM2 6FB"),
    (["70 Ipswich Road"], "Colchester", "CO4 0ER"),
    (["2 Nursery Cottages", "The Street"], "Great Totham", "CM9 8DL"),
    (["15 Harwich Road"], "Manningtree", "CO11 1JN"),
    (["46 Queens Road"], "Wivenhoe", "CO7 9JH"),
    (["19 Victoria Avenue"], "Southend-on-Sea", "SS2 6EP"),
    (["4 Mill Close"], "Sudbury", "CO10 1LT"),
    (["126 London Road"], "Witham", "CM8 2AA"),
    (["The Granary", "Hall Farm"], "Layer de la Haye", "CO2 0ES"),
    (["57 Old Heath Road"], "Colchester", "CO2 8DD"),
    (["10 Greenstead Road"], "Colchester", "CO1 2SN"),
    (["3 Beach Road"], "West Mersea", "CO5 8AA"),
    (["88 High Street"], "Burnham-on-Crouch", "CM0 8AA"),
    (["21 Castle Road"], "Rayleigh", "SS6 7QF"),
    (["6 Lexden Road"], "Colchester", "CO3 3NE"),
    (["Flat 3", "12 Tower Street"], "Brightlingsea", "CO7 0AL"),
    (["29 Spital Road"], "Maldon", "CM9 6DY"),
    (["1 The Chase"], "Tiptree", "CO5 0DE"),
]
OOA_USED = set()


def ooa():
    i = R.choice([k for k in range(len(OUT_OF_AREA)) if k not in OOA_USED])
    OOA_USED.add(i)
    parts, town, pc = OUT_OF_AREA[i]
    return {"parts": parts, "line1": ", ".join(parts), "locality": "", "town": town, "postcode": pc,
            "kind": "ooa"}


def addr_oneline(a, with_pc=True, with_loc=False):
    bits = list(a["parts"])
    if with_loc and a.get("locality"):
        bits.append(a["locality"])
    bits.append(a["town"])
    if with_pc:
        bits.append(a["postcode"])
    return ", ".join(bits)


# --------------------------------------------------------------------------
# records
# --------------------------------------------------------------------------
ACCTS, ELECT, PERMS = [], [], []
REFS = set()
ELNO = set()
PERMREFS = set()
VRMS = set()
CLAIMED = set()


def new_ref():
    while True:
        r = str(R.choice([61, 62, 63, 64])) + f"{R.randint(0, 999999):06d}"
        if r not in REFS:
            REFS.add(r)
            return r


def missing_ref(base):
    """a plausible reference that does not exist (a keying slip on base)"""
    for i in range(7):
        r = base[:i] + base[i + 1] + base[i] + base[i + 2:]
        if r != base and r not in REFS:
            return r
    while True:
        r = "6" + f"{R.randint(0, 9999999):07d}"
        if r not in REFS:
            return r


def add_account(p, liable, status="active", start=None, end=None, discounts=""):
    ref = new_ref()
    start = start or rdate(D(2008, 4, 1), D(2024, 12, 31))
    ACCTS.append({"account_ref": ref, "uprn": p["uprn"], "liable_parties": "; ".join(nm(x) for x in liable),
                  "status": status, "start_date": start, "end_date": end, "discounts": discounts})
    return ref


def add_elector(person, p):
    code = WARD_CODE.get(p.get("ward"), "TZ")
    while True:
        n = f"{code}-{R.randint(1, 2999)}"
        if n not in ELNO:
            ELNO.add(n)
            break
    ELECT.append({"elector_number": n, "full_name": nm(person), "uprn": p["uprn"]})


VL = "ABCDEFGHJKLMNOPRSTUVWXY"


def new_vrm(style=None):
    style = style or R.choice(["cur"] * 7 + ["pre", "suf"])
    while True:
        if style == "cur":
            v = R.choice(["AB", "EK", "KX", "EF", "AV", "YR", "LK", "EA", "GN", "FV", "HN", "RK"]) + \
                R.choice(["15", "16", "18", "19", "20", "21", "22", "23", "24", "25", "66", "68", "69", "70", "71", "72", "73", "74", "75"]) + \
                "".join(R.choice(VL) for _ in range(3))
            w = v[:4] + " " + v[4:]
        elif style == "pre":
            v = R.choice("MNPRSTVWXY") + str(R.randint(1, 999)) + "".join(R.choice(VL) for _ in range(3))
            w = v[:-3] + " " + v[-3:]
        else:
            v = "".join(R.choice(VL) for _ in range(3)) + str(R.randint(1, 999)) + R.choice("ABCDEFGH")
            w = v[:3] + " " + v[3:]
        if v not in VRMS:
            VRMS.add(v)
            return v, w


def add_permit(p, vrm, start):
    while True:
        ref = f"TCP{start.year % 100:02d}-{R.randint(1000, 9999)}"
        if ref not in PERMREFS:
            PERMREFS.add(ref)
            break
    try:
        end = start.replace(year=start.year + 1) - days(1)
    except ValueError:
        end = D(start.year + 1, 2, 28)
    PERMS.append({"permit_ref": ref, "uprn": p["uprn"], "vrm": vrm, "zone": p["zone"],
                  "valid_from": start, "valid_to": end})


def active_permit(p, vrm=None):
    add_permit(p, vrm or new_vrm()[0], rdate(D(2026, 2, 1), D(2026, 10, 31)))


def expired_permit(p, vrm=None):
    add_permit(p, vrm or new_vrm()[0], rdate(D(2023, 3, 1), D(2025, 6, 1)))


def claim(pred):
    cands = [p for p in PROPS if p["uprn"] not in CLAIMED and pred(p)]
    p = R.choice(cands)
    CLAIMED.add(p["uprn"])
    return p


def filler():
    """households for every property no form refers to"""
    for p in PROPS:
        if p["uprn"] in CLAIMED:
            continue
        r = R.random()
        if R.random() < 0.3:  # an earlier, closed account
            old = [new_person() for _ in range(R.choice([1, 2]))]
            s = rdate(D(2005, 4, 1), D(2016, 12, 31))
            e = rdate(s + days(400), D(2021, 12, 31))
            add_account(p, old, "closed", s, e)
            start_new = e + days(R.randint(1, 40))
        else:
            start_new = None
        if r < 0.07:  # empty property
            continue
        n = R.choice([1, 1, 2, 2, 2])
        adults = [new_person() for _ in range(n)]
        extra = [new_person() for _ in range(1 if R.random() < 0.2 else 0)]
        disc = "SPD" if (n == 1 and not extra and R.random() < 0.6) else ""
        add_account(p, adults, "active", start_new or rdate(D(2006, 4, 1), D(2025, 11, 30)), None, disc)
        for a in adults + extra:
            if R.random() < 0.85:
                add_elector(a, p)
        if p["zone"] and R.random() < 0.55:
            for _ in range(R.choice([1, 1, 2])):
                active_permit(p)
            if R.random() < 0.3:
                expired_permit(p)


def write_workbook(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "properties"
    ws.append(["uprn", "address_line_1", "address_line_2", "town", "postcode", "council_tax_band",
               "ward", "parking_zone"])
    for p in sorted(PROPS, key=lambda x: x["uprn"]):
        ws.append([p["uprn"], p["line1"], p["locality"] or None, p["town"], p["postcode"], p["band"],
                   p["ward"], p["zone"] or None])
    ws = wb.create_sheet("council_tax_accounts")
    ws.append(["account_ref", "uprn", "liable_parties", "status", "start_date", "end_date", "discounts"])
    for a in sorted(ACCTS, key=lambda x: x["account_ref"]):
        ws.append([a["account_ref"], a["uprn"], a["liable_parties"], a["status"], a["start_date"],
                   a["end_date"], a["discounts"] or None])
    ws = wb.create_sheet("electoral_register")
    ws.append(["elector_number", "full_name", "uprn"])
    for e in sorted(ELECT, key=lambda x: (x["elector_number"][:2], int(x["elector_number"][3:]))):
        ws.append([e["elector_number"], e["full_name"], e["uprn"]])
    ws = wb.create_sheet("parking_permits")
    ws.append(["permit_ref", "uprn", "vrm", "zone", "valid_from", "valid_to"])
    for pm in sorted(PERMS, key=lambda x: x["permit_ref"]):
        ws.append([pm["permit_ref"], pm["uprn"], pm["vrm"], pm["zone"], pm["valid_from"], pm["valid_to"]])
    for ws in wb.worksheets:
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, dt.date):
                    cell.number_format = "yyyy-mm-dd"
        for col in ws.columns:
            ws.column_dimensions[col[0].column_letter].width = max(12, min(40, max(
                len(str(c.value or "")) for c in col) + 2))
        ws.freeze_panes = "A2"
    wb.save(path)


# --------------------------------------------------------------------------
# scenarios (what each form says, what the records say about it)
# --------------------------------------------------------------------------
DATE_STYLES = {
    "paper_boxes": ["dmy_slash", "dmy_slash", "dmy_short"],
    "qa_table": ["long_ord", "dmy_dot", "long", "dmy_slash"],
    "fillable_acroform": ["dmy_dash", "dmy_slash"],
    "portal_print": ["long"],
    "case_summary": ["iso"],
    "letter_email": ["long", "long_ord", "us_long", "dmy_slash"],
}
ACC_STYLES = {
    "paper_boxes": ["plain"],
    "qa_table": ["dash", "ct_space", "space"],
    "fillable_acroform": ["plain", "space"],
    "portal_print": ["space"],
    "case_summary": ["ct"],
    "letter_email": ["space", "ct", "plain", "dash"],
}


def styles(layout):
    return {"date": R.choice(DATE_STYLES[layout]), "acc": R.choice(ACC_STYLES[layout]),
            "pc": R.choice(["std", "std", "std", "lower", "nospace"]) if layout == "fillable_acroform" else
            R.choice(["std", "std", "std", "nospace"]) if layout in ("paper_boxes", "qa_table") else "std",
            "vrm": R.choice(["spaced", "spaced", "tight", "lower"]) if layout == "fillable_acroform" else
            R.choice(["spaced", "tight"])}


def vrm_written(v, w, st):
    if st == "tight":
        return v
    if st == "lower":
        return w.lower() if R.random() < 0.5 else v.lower()
    return w


RELATIONS = ["partner", "partner", "partner", "parent", "lodger", "child"]


def spd_change_text(rel, other, since, dstyle, with_date, named=True):
    if not named:
        w = {"partner": "My partner", "parent": "My " + ("mother" if other["g"] == "F" else "father"),
             "lodger": "My lodger", "child": "My " + ("daughter" if other["g"] == "F" else "son")}[rel]
        if rel == "parent":
            return (f"{w} died on {fd(since, dstyle)} and I now live alone." if with_date
                    else f"{w} has gone into a care home permanently, so I live alone now.")
        return (f"{w} moved out on {fd(since, dstyle)}." if with_date
                else f"{w} has moved out and does not live here any more.")
    o = nm(other)
    if rel == "partner":
        if with_date:
            return R.choice([f"My partner {o} moved out on {fd(since, dstyle)} after we separated.",
                             f"{o} and I have separated. {other['first']} left the house on {fd(since, dstyle)} and is not coming back."])
        return R.choice([f"We have separated and {o} no longer lives here.",
                         f"{o} has moved out permanently following our separation."])
    if rel == "parent":
        w = "mother" if other["g"] == "F" else "father"
        if with_date:
            return f"My {w} {o}, who lived with me, died on {fd(since, dstyle)}. I now live here on my own."
        return f"My {w} {o} has gone into a care home permanently. I live here on my own now."
    if rel == "lodger":
        if with_date:
            return f"My lodger {o} left on {fd(since, dstyle)} and I am not taking in another one."
        return "The lodger has moved out and I will not be replacing them."
    w = "daughter" if other["g"] == "F" else "son"
    if with_date:
        return f"My {w} {other['first']} moved out on {fd(since, dstyle)} to live with friends."
    return f"My {w} {other['first']} has moved away for work, so I am the only adult here now."


def build_spd(layout, variant):
    st = styles(layout)
    p = claim(lambda a: True)
    app = new_person()
    rel = R.choice(RELATIONS)
    other = new_person()
    since = rdate(D(2026, 2, 20), D(2026, 11, 12))
    decl = rdate(max(since + days(4), D(2026, 11, 2)), D(2026, 12, 4))
    liable = [app] + ([other] if rel == "partner" and R.random() < 0.5 else [])
    acc_status = "active"
    discounts = ""
    if variant == "NAME_MISMATCH":
        # the bill is still in the name of the applicant's late parent
        rel = "parent"
        other = new_person(last=app["last"])
        liable = [other]
    # --- records
    if variant == "ACCOUNT_CLOSED":
        rel = "partner"
        liable = [app, other]
        since = rdate(D(2026, 3, 20), D(2026, 4, 20))
        end = since
        acct = add_account(p, liable, "closed", rdate(D(2012, 1, 1), D(2020, 1, 1)), end)
        add_account(p, [app], "active", end + days(1))
    else:
        if variant == "DISCOUNT_ALREADY_APPLIED":
            discounts = "SPD"
        acct = add_account(p, liable, acc_status, None, None, discounts)
    add_elector(app, p)
    other_registered = R.random() < 0.5 and variant not in ("DISCOUNT_ALREADY_APPLIED",)
    if variant in ("ACCOUNT_CLOSED", "OTHER_ADULTS_REGISTERED", "NAME_MISMATCH"):
        other_registered = True
    if other_registered:
        add_elector(other, p)
    if variant == "OTHER_ADULTS_REGISTERED":
        add_elector(new_person(), p)  # an adult nobody mentions
    name_other = other_registered or R.random() < 0.6
    if variant == "DATE_IN_FUTURE":
        since = D(2027, 1, R.randint(8, 20))
        decl = rdate(D(2026, 11, 20), D(2026, 12, 4))
        rel = "partner"
    with_date = R.random() < 0.5
    if variant == "INCONSISTENT_DATES":
        with_date = True
        rel = R.choice(["partner", "lodger"])
    if variant == "MISSING_FIELD:sole_adult_since":
        with_date = False
    change = None
    cstyle = st["date"] if layout != "case_summary" else R.choice(["long", "dmy_slash"])
    if R.random() < 0.8 or variant == "INCONSISTENT_DATES":
        cdate = since - days(R.randint(12, 30)) if variant == "INCONSISTENT_DATES" else since
        if variant == "DATE_IN_FUTURE":
            change = (f"My partner {nm(other) if name_other else ''} is moving out on {fd(since, cstyle)} "
                      "when the sale of our other house completes.")
        else:
            change = spd_change_text(rel, other, cdate, cstyle, with_date, name_other)
    fwd = None
    if rel in ("partner", "lodger", "child") and name_other and R.random() < 0.7:
        fwd = addr_oneline(ooa())
    pc_written = pc_variant(p["postcode"], st["pc"])
    if variant == "ADDRESS_MISMATCH":
        other_pc = R.choice([q["postcode"] for q in PROPS if q["postcode"][:3] != p["postcode"][:3]])
        pc_written = other_pc
    account_written = acct
    if variant == "ACCOUNT_NOT_FOUND":
        account_written = missing_ref(acct)
    show_title = R.random() < 0.6 or layout == "paper_boxes"
    d = {"person": app, "show_title": show_title, "addr": p, "pc": pc_written, "account": account_written,
         "since": None if variant == "MISSING_FIELD:sole_adult_since" else since,
         "other": other if name_other else None, "rel": rel, "fwd": fwd, "change": change,
         "phone": phone() if R.random() < 0.85 else None,
         "email": email_for(app) if R.random() < 0.6 else None, "decl": decl, "st": st}
    f = {"account_ref": account_written,
         "applicant_name": tnm(app) if show_title else nm(app),
         "address": p["line1"], "postcode": norm_pc(pc_written)}
    if d["since"]:
        f["sole_adult_since"] = since.isoformat()
    if d["other"]:
        f["other_adult_name"] = nm(other)
    if fwd:
        f["other_adult_forwarding_address"] = fwd
    if change:
        f["change_description"] = collapse(change)
    if d["phone"]:
        f["phone"] = d["phone"]
    if d["email"]:
        f["email"] = d["email"]
    f["declaration_date"] = decl.isoformat()
    return d, f


def build_move(layout, variant, move_type):
    st = styles(layout)
    app = new_person()
    d = {"person": app, "show_title": R.random() < 0.6 or layout == "paper_boxes", "move_type": move_type,
         "st": st, "phone": phone() if R.random() < 0.85 else None,
         "email": email_for(app) if R.random() < 0.6 else None}
    decl = rdate(D(2026, 11, 5), D(2026, 12, 5))
    if move_type == "out":
        p = claim(lambda a: True)
        # NAME_MISMATCH: a relative writes in; the liable person is someone else of the same family
        holder = new_person(last=app["last"]) if variant == "NAME_MISMATCH" else app
        partner = new_person() if R.random() < 0.4 else None
        liable = [holder] + ([partner] if partner else [])
        acct = add_account(p, liable, "active")
        add_elector(holder, p)
        if partner:
            add_elector(partner, p)
        move_date = rdate(D(2026, 10, 20), D(2026, 12, 28))
        if variant == "DATE_TOO_OLD":
            move_date = rdate(D(2025, 9, 1), D(2025, 11, 15))
        account_written = acct
        if variant == "ACCOUNT_NOT_FOUND":
            account_written = missing_ref(acct)
        new = ooa() if R.random() < 0.75 else None
        if new is None and R.random() < 0.5:
            new = claim(lambda a: True)  # moving within the district
            add_account(new, [new_person()], "closed", D(2015, 5, 1), move_date - days(3))
        d.update({"account": account_written, "prev": p, "prev_pc": pc_variant(p["postcode"], st["pc"]),
                  "new": new, "new_pc": new["postcode"] if new else None, "move_date": move_date, "decl": decl})
        if variant == "ADDRESS_MISMATCH":
            # the address written is another property in the same town, not the one the account bills
            p2 = claim(lambda a: a["town"] == p["town"])
            add_account(p2, [new_person()], "active")
            d["prev"], d["prev_pc"] = p2, pc_variant(p2["postcode"], st["pc"])
    else:
        if variant == "PROPERTY_NOT_FOUND":
            p = {"parts": [f"Plot {R.randint(3, 19)}", "Saltings Reach"], "locality": "", "town": "Shingle End",
                 "postcode": "TC4 8WX", "kind": "newbuild"}
            p["line1"] = ", ".join(p["parts"])
        else:
            p = claim(lambda a: True)
            old = [new_person()]
        move_date = rdate(D(2026, 10, 12), D(2026, 12, 30))
        if variant == "DATE_IN_FUTURE":
            move_date = rdate(D(2027, 2, 8), D(2027, 3, 12))
        if variant != "PROPERTY_NOT_FOUND":
            add_account(p, old, "closed", rdate(D(2014, 1, 1), D(2022, 1, 1)),
                        min(move_date, AS_OF) - days(R.randint(5, 40)))
        prev = ooa() if R.random() < 0.6 else None
        d.update({"account": None, "prev": prev, "prev_pc": prev["postcode"] if prev else None,
                  "new": p, "new_pc": pc_variant(p["postcode"], st["pc"]), "move_date": move_date,
                  "decl": decl})
    f = {"move_type": move_type}
    if d["account"]:
        f["account_ref"] = d["account"]
    f["applicant_name"] = tnm(app) if d["show_title"] else nm(app)
    if d["prev"]:
        f["previous_address"] = d["prev"]["line1"]
        f["previous_postcode"] = norm_pc(d["prev_pc"])
    if d["new"]:
        f["new_address"] = d["new"]["line1"]
        f["new_postcode"] = norm_pc(d["new_pc"])
    f["move_date"] = d["move_date"].isoformat()
    if d["phone"]:
        f["phone"] = d["phone"]
    if d["email"]:
        f["email"] = d["email"]
    f["declaration_date"] = decl.isoformat()
    return d, f


MAKES = ["Ford", "Vauxhall", "Volkswagen", "Toyota", "Nissan", "Kia", "Peugeot", "Renault", "Skoda",
         "Honda", "BMW", "Audi", "Hyundai", "Citroen", "Fiat", "Mini", "Volvo", "Dacia", "Mazda"]


def build_parking(layout, variant):
    st = styles(layout)
    if variant == "NOT_IN_PERMIT_ZONE":
        p = claim(lambda a: a["kind"] == "chalet")
        zone = "Seafront"
    else:
        p = claim(lambda a: bool(a["zone"]))
        zone = p["zone"]
    app = new_person()
    if variant == "NOT_RESIDENT":
        hh = [new_person()]
        add_account(p, hh, "active")
        add_elector(hh[0], p)
    elif R.random() < 0.7 or variant == "NOT_IN_PERMIT_ZONE":
        hh = [app] + ([new_person()] if R.random() < 0.5 else [])
        add_account(p, hh, "active")
        for x in hh:
            if x is app or R.random() < 0.8:
                add_elector(x, p)
    else:  # on the register, not liable (adult child / partner)
        hh = [new_person()]
        add_account(p, hh, "active")
        add_elector(hh[0], p)
        add_elector(app, p)
    v, w = new_vrm()
    if variant == "INVALID_FORMAT:vrm":
        v, w = "KX71HRDZ", "KX71 HRDZ"
    if p["zone"]:
        if variant == "PERMIT_CAP_REACHED":
            active_permit(p)
            active_permit(p)
        elif variant == "VRM_HAS_PERMIT":
            active_permit(p, v)
        elif R.random() < 0.45:
            active_permit(p)
        if R.random() < 0.35:
            expired_permit(p)
    decl = rdate(D(2026, 11, 5), D(2026, 12, 5))
    start = rdate(max(decl, AS_OF - days(6)), AS_OF + days(24))
    d = {"person": app, "show_title": R.random() < 0.6 or layout == "paper_boxes", "addr": p,
         "pc": pc_variant(p["postcode"], st["pc"]), "vrm": vrm_written(v, w, st["vrm"]),
         "make": R.choice(MAKES) if R.random() < 0.85 else None, "zone": zone, "start": start,
         "phone": phone() if R.random() < 0.85 else None,
         "email": email_for(app) if R.random() < 0.6 else None,
         "decl": None if variant == "MISSING_FIELD:declaration_date" else decl, "st": st}
    f = {"applicant_name": tnm(app) if d["show_title"] else nm(app), "address": p["line1"],
         "postcode": norm_pc(d["pc"]), "vrm": norm_vrm(d["vrm"])}
    if d["make"]:
        f["vehicle_make"] = d["make"]
    f["zone"] = zone
    f["start_date"] = start.isoformat()
    if d["phone"]:
        f["phone"] = d["phone"]
    if d["email"]:
        f["email"] = d["email"]
    if d["decl"]:
        f["declaration_date"] = decl.isoformat()
    return d, f


class DateBag:
    """formats dates for prose and remembers them in order (dates_mentioned)"""

    def __init__(self, style):
        self.style = style
        self.seen = []

    def __call__(self, d, style=None):
        if d.isoformat() not in self.seen:
            self.seen.append(d.isoformat())
        return fd(d, style or self.style)


def resident_household(pred=lambda a: True):
    p = claim(pred)
    s = new_person()
    extra = [new_person()] if R.random() < 0.5 else []
    acct = add_account(p, [s] + extra, "active")
    add_elector(s, p)
    for x in extra:
        add_elector(x, p)
    return p, s, acct


BINS = ["grey general waste bin", "green garden waste bin", "blue recycling box", "food waste caddy"]


def build_corr(layout, topic, variant, kind):
    st = styles(layout)
    letter_date = rdate(D(2026, 11, 16), D(2026, 12, 4))
    db = DateBag(st["date"])
    sender = None
    p = None
    acct = None
    acc_quoted = None
    subject = None
    if variant == "anon":
        pass
    elif variant == "outsider":
        sender = new_person()
        p = ooa()
    else:
        p, sender, acct = resident_household()
    if topic == "missed_bin":
        b = R.choice(BINS)
        d1 = letter_date - days(R.randint(2, 6))
        street = re.sub(r"^\d+\s+", "", p["parts"][-1])
        if kind == "letter":
            paras = [f"I am writing because our {b} was not emptied on {db(d1)}. It was out at the kerb by 7am as usual, but the crew did not come down {street} at all, although bins elsewhere in the village were done.",
                     f"This has now happened twice; the last missed collection was on {db(d1 - days(14))}. Please could you arrange for it to be collected as soon as possible, as it is overflowing and the gulls are tearing the bags open."]
        else:
            subject = "Missed collection"
            paras = [f"Our {b} was missed again on {db(d1)}. It was put out the night before as usual and everyone else in the road had theirs emptied.",
                     "Please can someone come back for it this week?"]
    elif topic == "council_tax_query":
        acc_quoted = acct
        if variant == "badref":
            acc_quoted = missing_ref(acct)
        aw = fa(acc_quoted, st["acc"])
        d1 = D(2026, R.choice([10, 11]), R.choice([1, 15]))
        if kind == "letter":
            paras = [f"My council tax account number is {aw}. I have received a reminder notice saying that I have missed an instalment, but I paid the instalment due on {db(d1)} by bank transfer.",
                     "Please could you check the account and write to me confirming the correct balance for this year, as I do not want this to go to a summons."]
        else:
            subject = f"Council tax account {aw}"
            paras = [f"Could you please tell me which band my property is in and whether I can change to paying in 12 monthly instalments instead of 10? My account reference is {aw}.",
                     f"I would like the change to start from {db(D(2027, 1, 1))} if possible."]
    elif topic == "complaint":
        d1 = letter_date - days(R.randint(15, 30))
        if kind == "letter":
            paras = [f"I wish to make a formal complaint about the way my enquiry has been handled. I telephoned your customer services on {db(d1)} to report the broken railings on the sea wall path near the sailing club and was promised a call back within five working days.",
                     "Nobody has called me back and the railings are still dangerous; a child could easily fall through onto the saltings. I would like this dealt with under your complaints procedure and a written reply."]
        else:
            subject = "Complaint - public toilets Marine Parade"
            paras = [f"I want to complain about the public toilets on Marine Parade. They have been locked since {db(d1)} with no notice, and people are using the beach huts and the sea wall instead. It is disgusting and the council should be ashamed.",
                     "I am not giving my name because nothing ever gets done anyway."]
    elif topic == "foi_request":
        subject = "Freedom of Information request"
        if variant == "outsider":
            paras = ["Under the Freedom of Information Act 2000 I would like to request the following information.",
                     f"1. The number of complaints the council received about the Seawall Holiday Park between {db(D(2026, 1, 1))} and {db(D(2026, 9, 30))}.",
                     "2. The number of enforcement notices served on the operator of the park in the same period.",
                     "I would prefer to receive the information electronically. I am a freelance journalist and may use the information in an article."]
        else:
            paras = ["Under the Freedom of Information Act 2000, please could you provide the following:",
                     f"1. The number of residents' parking permits issued in the Harbour zone in each financial year since {db(D(2023, 4, 1))}.",
                     "2. The total income the council received from those permits in each of those years.",
                     "An email reply is fine."]
    else:  # other
        d1 = D(2027, 3, 1)
        paras = ["I would like to put my name down on the waiting list for a council beach hut at Shingle End. I understand the list is opened again every spring.",
                 f"Could you send me the application form and tell me the fee for the season starting {db(d1)}? I am happy to share a hut if that makes it more likely."]
    d = {"kind": kind, "sender": sender, "addr": p, "paras": paras, "subject": subject, "date": letter_date,
         "topic": topic, "st": st,
         "email": (email_for(sender) if sender else "seawallwatcher88@outlook.com") if kind == "email" else None,
         "title_in_sig": R.random() < 0.3}
    f = {"topic": topic}
    if sender:
        f["sender_name"] = tnm(sender) if d["title_in_sig"] else nm(sender)
    if p:
        f["address"] = p["line1"]
        f["postcode"] = p["postcode"]
    if acc_quoted:
        f["account_ref"] = acc_quoted
    if db.seen:
        f["dates_mentioned"] = db.seen
    f["body"] = collapse(" ".join(paras))
    return d, f


# --------------------------------------------------------------------------
# drawing helpers
# --------------------------------------------------------------------------
TEAL = colors.Color(0.04, 0.32, 0.36)
LTEAL = colors.Color(0.86, 0.93, 0.93)
GREY = colors.Color(0.45, 0.45, 0.45)
LGREY = colors.Color(0.9, 0.9, 0.9)
BLUE = colors.Color(0.11, 0.44, 0.72)


def new_canvas(path, title):
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    c.setTitle(title)
    c.setAuthor("Tollesbury Coast District Council")
    return c


def text_lines(c, x, y, lines, font, size, leading=None, color=colors.black):
    leading = leading or size * 1.25
    c.setFillColor(color)
    c.setFont(font, size)
    for ln in lines:
        c.drawString(x, y, ln)
        y -= leading
    c.setFillColor(colors.black)
    return y


def wrap(text, font, size, width):
    return simpleSplit(text, font, size, width)


def addr_lines(a, with_loc=True):
    ls = list(a["parts"])
    if with_loc and a.get("locality"):
        ls.append(a["locality"])
    ls.append(a["town"])
    return ls


def signature(c, x, y, person, size=15):
    c.setFont(SIG, size)
    c.setFillColor(colors.Color(0.05, 0.1, 0.35))
    c.drawString(x, y, f"{person['first'][0]}. {person['last']}")
    c.setFillColor(colors.black)


# ============================ layout 1: paper_boxes ============================
def pb_header(c, service, title, code):
    c.setFillColor(TEAL)
    c.rect(0, H - 80, W, 80, stroke=0, fill=1)
    c.setFillColor(colors.white)
    c.setFont("Helvetica-Bold", 17)
    c.drawString(36, H - 38, "Tollesbury Coast")
    c.setFont("Helvetica", 11)
    c.drawString(36, H - 54, "District Council")
    c.setStrokeColor(colors.white)
    c.setLineWidth(1.1)
    for k in range(3):
        pth = c.beginPath()
        pth.moveTo(36, H - 64 - k * 4)
        for i in range(6):
            pth.curveTo(36 + i * 14 + 4, H - 61 - k * 4, 36 + i * 14 + 10, H - 67 - k * 4, 36 + (i + 1) * 14, H - 64 - k * 4)
        c.drawPath(pth)
    c.setFont("Helvetica", 10)
    c.drawRightString(W - 36, H - 30, service)
    c.setFont("Helvetica-Bold", 15)
    c.drawRightString(W - 36, H - 50, title)
    c.setFont("Helvetica", 8)
    c.drawRightString(W - 36, H - 66, code)
    c.setFillColor(colors.black)
    c.setStrokeColor(colors.black)
    c.setLineWidth(0.6)


def pb_intro(c, text):
    y = H - 96
    lines = wrap(text, "Helvetica", 8.5, 360)
    y = text_lines(c, 36, y, lines, "Helvetica", 8.5, 10.5)
    # office use box
    c.setStrokeColor(GREY)
    c.rect(410, H - 150, 150, 60)
    c.setFont("Helvetica-Bold", 7)
    c.setFillColor(GREY)
    c.drawString(415, H - 100, "FOR OFFICE USE ONLY")
    c.setFont("Helvetica", 7)
    c.drawString(415, H - 114, "Date received:")
    c.drawString(415, H - 128, "Batch no:")
    c.drawString(415, H - 142, "Keyed by:")
    c.setFillColor(colors.black)
    c.setStrokeColor(colors.black)
    return min(y, H - 156) - 4


def pb_section(c, y, text):
    c.setFillColor(LTEAL)
    c.rect(36, y - 16, W - 72, 16, stroke=0, fill=1)
    c.setFillColor(TEAL)
    c.setFont("Helvetica-Bold", 10)
    c.drawString(42, y - 12, text)
    c.setFillColor(colors.black)
    return y - 22


def pb_box(c, x, y, w, label, value=None, nlines=1, comb=0, hint=None):
    """label above a box; returns the bottom y"""
    lab = wrap(label, "Helvetica", 8, w)
    c.setFont("Helvetica", 8)
    for i, ln in enumerate(lab):
        c.drawString(x, y - 8 - i * 9.5, ln)
    top = y - 4 - len(lab) * 9.5 - 2
    c.setStrokeColor(TEAL)
    c.setLineWidth(0.7)
    if comb:
        cw, h = 17, 20
        for i in range(comb):
            c.rect(x + i * cw, top - h, cw, h)
        if value:
            assert len(value) <= comb, value
            c.setFont(HAND, 12)
            c.setFillColor(colors.Color(0.05, 0.1, 0.35))
            for i, ch in enumerate(value):
                c.drawCentredString(x + i * cw + cw / 2, top - h + 6, ch)
        bottom = top - h
        if hint:
            c.setFont("Helvetica", 7)
            c.setFillColor(GREY)
            c.drawString(x + comb * cw + 6, top - h + 7, hint)
    else:
        lh = 15
        h = nlines * lh + 6
        c.rect(x, top - h, w, h)
        if value:
            lines = value if isinstance(value, list) else wrap(value, HAND, 11, w - 10)
            assert len(lines) <= nlines, (label, lines)
            c.setFont(HAND, 11)
            c.setFillColor(colors.Color(0.05, 0.1, 0.35))
            for i, ln in enumerate(lines):
                c.drawString(x + 5, top - 14 - i * lh, ln)
        bottom = top - h
        if hint:
            c.setFont("Helvetica", 7)
            c.setFillColor(GREY)
            c.drawRightString(x + w - 4, top - h + 4, hint)
    c.setFillColor(colors.black)
    c.setStrokeColor(colors.black)
    return bottom


def pb_ticks(c, x, y, options, selected, width=None):
    """options across the row, X in the chosen one; returns bottom y"""
    cx = x
    for opt in options:
        c.setStrokeColor(TEAL)
        c.rect(cx, y - 13, 12, 12)
        if opt == selected:
            c.setFont(HAND, 12)
            c.setFillColor(colors.Color(0.05, 0.1, 0.35))
            c.drawCentredString(cx + 6, y - 11, "X")
            c.setFillColor(colors.black)
        c.setFont("Helvetica", 9)
        c.drawString(cx + 17, y - 10, opt)
        cx += (width or (c.stringWidth(opt, "Helvetica", 9) + 40))
    c.setStrokeColor(colors.black)
    return y - 20


def pb_name_row(c, y, d):
    p = d["person"]
    b1 = pb_box(c, 36, y, 60, "Title", p["title"] if d["show_title"] else None)
    pb_box(c, 104, y, 215, "First name(s)", p["first"])
    pb_box(c, 327, y, 232, "Surname", p["last"])
    return b1 - 8


def pb_contact_row(c, y, d):
    b = pb_box(c, 36, y, 200, "Daytime telephone number", d["phone"])
    pb_box(c, 244, y, 315, "Email address", d["email"])
    return b - 8


def pb_declaration(c, y, d, text):
    y = pb_section(c, y, "Declaration")
    y = text_lines(c, 40, y - 6, wrap(text, "Helvetica", 8, W - 84), "Helvetica", 8, 9.8) - 2
    b = pb_box(c, 36, y, 300, "Signature", None, nlines=1)
    if d.get("decl") is not None or True:
        signature(c, 46, b + 6, d["person"])
    pb_box(c, 350, y, 209, "Date", fd(d["decl"], d["st"]["date"]) if d.get("decl") else None,
           hint="dd/mm/yyyy")
    return b - 8


def pb_footer(c, code, page="Page 1 of 1"):
    c.setFont("Helvetica", 6.5)
    c.setFillColor(GREY)
    c.drawString(36, 22, f"{code}   Tollesbury Coast District Council, Council Offices, Woodrolfe Road, Tollesbury TC2 4AA   "
                         "Tel 01621 860000   www.tollesburycoast.gov.uk")
    c.drawRightString(W - 36, 22, page)
    c.drawString(36, 13, "We will use the information you give us to administer council tax and parking. See our privacy notice at tollesburycoast.gov.uk/privacy.")
    c.setFillColor(colors.black)


def pb_address(c, y, label, a, pc, allow_blank=False):
    lines = addr_lines(a) if a else None
    b = pb_box(c, 36, y, 330, label, lines, nlines=4)
    pb_box(c, 380, y - 9.5 if len(wrap(label, "Helvetica", 8, 330)) > 1 else y, 179, "Postcode",
           pc, comb=8)
    return b - 8


def render_paper_spd(c, d):
    code = "CTR14 (rev. 04/25)"
    pb_header(c, "Council Tax", "Single Person Discount", code)
    y = pb_intro(c, "Use this form if you are the only adult (aged 18 or over) living at the property. "
                    "Please write clearly in black ink and return the form to Council Tax, Council Offices, "
                    "Woodrolfe Road, Tollesbury TC2 4AA. You can also apply online at tollesburycoast.gov.uk/spd.")
    y = pb_section(c, y, "1   Your Council Tax account")
    y = pb_box(c, 36, y, 300, "Account number (the 8-digit number at the top right of your bill)",
               d["account"], comb=8) - 8
    y = pb_section(c, y, "2   About you")
    y = pb_name_row(c, y, d)
    y = pb_address(c, y, "Address of the property this application is for", d["addr"], d["pc"])
    y = pb_contact_row(c, y, d)
    y = pb_section(c, y, "3   Your household")
    y = pb_box(c, 36, y, 240, "From what date have you been the only adult living at this address?",
               fd(d["since"], d["st"]["date"]) if d["since"] else None, hint="dd/mm/yyyy") - 6
    o = d["other"]
    b = pb_box(c, 36, y, 250, "If another adult has moved out, their full name", nm(o) if o else None)
    pb_box(c, 294, y, 265, "Their new address (if you know it)", d["fwd"], nlines=2)
    y = b - 26
    y = pb_box(c, 36, y, W - 72, "Please tell us what has changed", d["change"], nlines=3) - 8
    y = pb_declaration(c, y, d, "I declare that the information on this form is correct and complete. I understand that I must tell "
                                "the council within 21 days if another adult comes to live at the property, and that giving false "
                                "information may lead to a penalty of £70 and prosecution.")
    pb_footer(c, code)


def render_paper_move(c, d):
    code = "CTR02 (rev. 09/24)"
    pb_header(c, "Council Tax", "Moving home", code)
    y = pb_intro(c, "Tell us when you move into, out of, or within Tollesbury Coast so that we can send you the right "
                    "bill. Complete every section that applies to you and send the form to Council Tax, Council Offices, "
                    "Woodrolfe Road, Tollesbury TC2 4AA.")
    y = pb_section(c, y, "1   Are you moving in or out? (tick one)")
    sel = {"in": "I am moving INTO a property in Tollesbury Coast",
           "out": "I am moving OUT of a property in Tollesbury Coast"}[d["move_type"]]
    y = pb_ticks(c, 42, y - 2, ["I am moving INTO a property in Tollesbury Coast",
                                "I am moving OUT of a property in Tollesbury Coast"], sel, width=258) - 4
    y = pb_section(c, y, "2   Your details")
    y = pb_name_row(c, y, d)
    y = pb_contact_row(c, y, d)
    y = pb_section(c, y, "3   The address you are leaving")
    y = pb_address(c, y, "Address", d["prev"], d["prev_pc"] if d["prev"] else None)
    y = pb_box(c, 36, y, 300, "Council Tax account number for this address (if you have one)",
               d["account"], comb=8) - 8
    y = pb_section(c, y, "4   Your new address")
    y = pb_address(c, y, "Address (if you are leaving the district, your forwarding address)", d["new"],
                   d["new_pc"] if d["new"] else None)
    y = pb_section(c, y, "5   Moving date")
    y = pb_box(c, 36, y, 200, "Date you moved, or will move", fd(d["move_date"], d["st"]["date"]),
               hint="dd/mm/yyyy") - 8
    y = pb_declaration(c, y, d, "I declare that the information I have given is true. I understand that knowingly giving "
                                "false information is an offence.")
    pb_footer(c, code)


ZONES = ["Harbour", "Zone T1", "Zone T2", "Seafront"]


def render_paper_parking(c, d):
    code = "PK1 Residents (2026)"
    pb_header(c, "Parking Services", "Residents' Parking Permit", code)
    y = pb_intro(c, "One form per vehicle. A household may hold up to two residents' permits. Permits cost £45 a year. "
                    "Please enclose proof of residence and the vehicle's V5C logbook, and post the form to Parking "
                    "Services, Council Offices, Woodrolfe Road, Tollesbury TC2 4AA.")
    y = pb_section(c, y, "1   Applicant")
    y = pb_name_row(c, y, d)
    y = pb_address(c, y, "Home address in the permit zone", d["addr"], d["pc"])
    y = pb_contact_row(c, y, d)
    y = pb_section(c, y, "2   Which zone do you live in? (mark one box with X)")
    y = pb_ticks(c, 42, y - 2, ZONES, d["zone"], width=120) - 4
    y = pb_section(c, y, "3   Your vehicle")
    b = pb_box(c, 36, y, 200, "Registration number", d["vrm"], comb=8)
    pb_box(c, 250, y, 150, "Make (e.g. Ford)", d["make"])
    pb_box(c, 410, y, 149, "Colour", R.choice(["Blue", "Silver", "Black", "Red", "White", "Grey"]))
    y = b - 8
    y = pb_box(c, 36, y, 200, "Date you want the permit to start", fd(d["start"], d["st"]["date"]),
               hint="dd/mm/yyyy") - 8
    y = pb_section(c, y, "4   Proof of residence enclosed (mark all that apply)")
    y = pb_ticks(c, 42, y - 2, ["Council tax bill", "Tenancy agreement", "Utility bill"],
                 R.choice(["Council tax bill", "Utility bill"]), width=150) - 4
    y = pb_declaration(c, y, d, "I declare that I live at the address above, that the vehicle is kept there, and that the "
                                "information I have given is correct. I understand the permit may be withdrawn if it is misused.")
    pb_footer(c, code)


# ============================ layout 2: qa_table ============================
def qa_header(c, service, title, code, intro):
    c.setFont("Times-Bold", 14)
    c.drawString(40, H - 50, "TOLLESBURY COAST DISTRICT COUNCIL")
    c.setFont("Times-Italic", 10)
    c.drawString(40, H - 64, service)
    c.setLineWidth(1.5)
    c.line(40, H - 72, W - 40, H - 72)
    c.setLineWidth(0.5)
    c.rect(W - 130, H - 62, 90, 22)
    c.setFont("Helvetica-Bold", 9)
    c.drawCentredString(W - 85, H - 54, code)
    c.setFont("Times-Bold", 15)
    c.drawCentredString(W / 2, H - 98, title)
    y = text_lines(c, 40, H - 118, wrap(intro, "Times-Roman", 10, W - 80), "Times-Roman", 10, 12.5)
    return y - 6


def qa_table(c, y, rows, head=("No.", "Question", "Your answer"), newpage=None):
    x0, x1, x2, x3 = 40, 68, 300, W - 40
    qf, af = "Times-Roman", "Helvetica"

    def hdr(y):
        c.setFillColor(LGREY)
        c.rect(x0, y - 16, x3 - x0, 16, stroke=1, fill=1)
        c.setFillColor(colors.black)
        c.setFont("Times-Bold", 10)
        c.drawString(x0 + 4, y - 12, head[0])
        c.drawString(x1 + 4, y - 12, head[1])
        c.drawString(x2 + 4, y - 12, head[2])
        return y - 16

    y = hdr(y)
    for n, q, a in rows:
        ql = wrap(q, qf, 10, x2 - x1 - 8)
        if a is None:
            al = []
        elif isinstance(a, list):
            al = a
        else:
            al = wrap(a, af, 10, x3 - x2 - 8)
        h = max(len(ql), len(al), 1) * 12.5 + 7
        if y - h < 70:
            newpage()
            y = hdr(H - 50)
        c.rect(x0, y - h, x3 - x0, h)
        c.line(x1, y, x1, y - h)
        c.line(x2, y, x2, y - h)
        c.setFont("Times-Bold", 10)
        c.drawString(x0 + 4, y - 12, str(n))
        text_lines(c, x1 + 4, y - 12, ql, qf, 10, 12.5)
        text_lines(c, x2 + 5, y - 12, al, af, 10, 12.5, colors.Color(0, 0, 0.3))
        y -= h
    return y


def qa_footer(c, code, pg):
    c.setFont("Times-Roman", 7.5)
    c.drawString(40, 28, f"{code} - Tollesbury Coast District Council, Council Offices, Woodrolfe Road, Tollesbury TC2 4AA")
    c.drawRightString(W - 40, 28, f"Page {pg}")


def qa_run(c, code, service, title, intro, rows, decl_text, d):
    pg = [1]

    def newpage():
        qa_footer(c, code, pg[0])
        c.showPage()
        pg[0] += 1
        c.setFont("Times-Italic", 9)
        c.drawString(40, H - 34, f"{title} (continued)")

    y = qa_header(c, service, title, code, intro)
    y = qa_table(c, y, rows, newpage=newpage)
    if y < 150:
        newpage()
        y = H - 60
    c.setFont("Times-Bold", 11)
    c.drawString(40, y - 22, "Declaration")
    y = text_lines(c, 40, y - 36, wrap(decl_text, "Times-Roman", 10, W - 80), "Times-Roman", 10, 12.5)
    c.setFont("Times-Roman", 10)
    c.drawString(40, y - 22, "Signed:")
    c.line(80, y - 24, 300, y - 24)
    signature(c, 90, y - 21, d["person"])
    qa_footer(c, code, pg[0])


def qa_name(d):
    return tnm(d["person"]) if d["show_title"] else nm(d["person"])


def render_qa_spd(c, d):
    st = d["st"]
    o = d["other"]
    rows = [
        (1, "Your full name (and title)", qa_name(d)),
        (2, "Council Tax account reference (shown on your bill)", fa(d["account"], st["acc"])),
        (3, "Address of the property you are claiming for", addr_lines(d["addr"])),
        (4, "Postcode", d["pc"]),
        (5, "A telephone number we can call you on", d["phone"]),
        (6, "Email address (optional)", d["email"]),
        (7, "On what date did you become the only person aged 18 or over living at this address?",
         fd(d["since"], st["date"]) if d["since"] else None),
        (8, "If someone aged 18 or over has left, what is their name?", nm(o) if o else None),
        (9, "Where have they moved to? (full address if known)", d["fwd"]),
        (10, "Please explain what has changed in your household", d["change"]),
        (11, "Date you completed this form", fd(d["decl"], st["date"])),
    ]
    qa_run(c, "Form SPD/2", "Revenues and Benefits Service", "Application for a Single Person Discount",
           "A 25% reduction is available where only one adult lives in a property. Please answer every "
           "question. If a question does not apply to you, leave the answer blank.",
           rows, "I declare that to the best of my knowledge the answers I have given are correct. I will tell the "
                 "council if anyone aged 18 or over moves in.", d)


def render_qa_move(c, d):
    st = d["st"]
    rows = [
        (1, "Are you moving into the district or moving out of it?",
         "Moving in" if d["move_type"] == "in" else "Moving out"),
        (2, "Your full name", qa_name(d)),
        (3, "Contact telephone number", d["phone"]),
        (4, "Email address", d["email"]),
        (5, "What is the address you are leaving?", addr_lines(d["prev"]) if d["prev"] else None),
        (6, "Postcode of the address you are leaving", d["prev_pc"] if d["prev"] else None),
        (7, "Council Tax account reference for the address you are leaving",
         fa(d["account"], st["acc"]) if d["account"] else None),
        (8, "What is your new address? (your forwarding address if you are leaving the district)",
         addr_lines(d["new"]) if d["new"] else None),
        (9, "Postcode of your new address", d["new_pc"] if d["new"] else None),
        (10, "On what date did (or will) you move?", fd(d["move_date"], st["date"])),
        (11, "Today's date", fd(d["decl"], st["date"])),
    ]
    qa_run(c, "Form CTM/1", "Revenues and Benefits Service", "Council Tax: Notification of a Change of Address",
           "Please use this form to tell us that you are moving. Answer the questions that apply to you.",
           rows, "I confirm that the information given on this form is correct and complete.", d)


def render_qa_parking(c, d):
    st = d["st"]
    rows = [
        (1, "Full name of the applicant", qa_name(d)),
        (2, "Address where the vehicle will be kept", addr_lines(d["addr"])),
        (3, "Postcode", d["pc"]),
        (4, "Which residents' parking zone is the permit for? (Harbour, Zone T1, Zone T2 or Seafront)", d["zone"]),
        (5, "Vehicle registration number", d["vrm"]),
        (6, "Make of vehicle", d["make"]),
        (7, "From what date do you need the permit?", fd(d["start"], st["date"])),
        (8, "Daytime telephone", d["phone"]),
        (9, "Email", d["email"]),
        (10, "Date of application", fd(d["decl"], st["date"]) if d["decl"] else None),
    ]
    qa_run(c, "Form PP/3", "Parking Services", "Residents' Parking Permit - Application",
           "Complete this form to apply for a residents' parking permit. One application per vehicle; a maximum "
           "of two permits per household.",
           rows, "I certify that I am resident at the address given and that the vehicle described is kept there.", d)


# ============================ layout 3: fillable_acroform ============================
class AcroForm:
    def __init__(self, c, title, subtitle, email):
        self.c = c
        self.n = 0
        c.setFillColor(colors.Color(0.0, 0.25, 0.45))
        c.rect(36, H - 40, W - 72, 3, stroke=0, fill=1)
        c.setFont("Helvetica-Bold", 15)
        c.drawString(36, H - 60, "Tollesbury Coast District Council")
        c.setFont("Helvetica", 8)
        c.setFillColor(GREY)
        c.drawRightString(W - 36, H - 58, "Interactive form - complete on screen")
        c.setFillColor(colors.black)
        c.setFont("Helvetica-Bold", 13)
        c.drawString(36, H - 84, title)
        lines = wrap(f"{subtitle} Fill in the boxes on screen, save the form and email it to {email}. "
                     "You do not need to print it.", "Helvetica", 8.5, W - 72)
        self.y = text_lines(c, 36, H - 100, lines, "Helvetica", 8.5, 10.5) - 6

    def heading(self, t):
        c = self.c
        self.y -= 6
        c.setFont("Helvetica-Bold", 10)
        c.setFillColor(colors.Color(0.0, 0.25, 0.45))
        c.drawString(36, self.y - 10, t)
        c.setFillColor(colors.black)
        c.setLineWidth(0.4)
        c.line(36, self.y - 14, W - 36, self.y - 14)
        self.y -= 22

    def name(self):
        self.n += 1
        return f"Text{self.n}"

    def text(self, label, value, w=300, h=17, multiline=False, x=200):
        c = self.c
        lab = wrap(label, "Helvetica", 9, x - 44)
        hh = max(h, len(lab) * 11)
        text_lines(c, 36, self.y - 12, lab, "Helvetica", 9, 11)
        kw = {}
        if multiline:
            kw["fieldFlags"] = "multiline"
        c.acroForm.textfield(name=self.name(), tooltip=label, x=x, y=self.y - h, width=w, height=h,
                             value=value or "", fontName="Helvetica", fontSize=9 if multiline else 10,
                             borderColor=GREY, fillColor=colors.Color(0.93, 0.95, 1), textColor=colors.black,
                             forceBorder=True, **kw)
        self.y -= hh + 8

    def pair(self, l1, v1, l2, v2, w1=130, w2=150):
        c = self.c
        c.setFont("Helvetica", 9)
        c.drawString(36, self.y - 12, l1)
        c.acroForm.textfield(name=self.name(), tooltip=l1, x=200, y=self.y - 17, width=w1, height=17,
                             value=v1 or "", fontName="Helvetica", fontSize=10, borderColor=GREY,
                             fillColor=colors.Color(0.93, 0.95, 1), forceBorder=True)
        c.drawString(200 + w1 + 12, self.y - 12, l2)
        x2 = W - 36 - w2
        c.acroForm.textfield(name=self.name(), tooltip=l2, x=x2, y=self.y - 17, width=w2, height=17,
                             value=v2 or "", fontName="Helvetica", fontSize=10, borderColor=GREY,
                             fillColor=colors.Color(0.93, 0.95, 1), forceBorder=True)
        self.y -= 25

    def radios(self, label, group, options, selected, per_row=2, colw=175):
        c = self.c
        lab = wrap(label, "Helvetica", 9, 156)
        text_lines(c, 36, self.y - 12, lab, "Helvetica", 9, 11)
        y = self.y
        for i, opt in enumerate(options):
            col, row = i % per_row, i // per_row
            x = 200 + col * colw
            yy = y - 4 - row * 18
            c.acroForm.radio(name=group, tooltip=label, value=f"Choice{i + 1}", selected=(opt == selected),
                             x=x, y=yy - 11, size=11, buttonStyle="circle", borderColor=GREY,
                             fillColor=colors.white, textColor=colors.black, forceBorder=True)
            c.setFont("Helvetica", 9)
            c.drawString(x + 15, yy - 9, opt)
        rows = (len(options) + per_row - 1) // per_row
        self.y -= max(rows * 18, len(lab) * 11) + 8

    def check(self, label, checked):
        c = self.c
        c.acroForm.checkbox(name=f"Check{self.n}", tooltip=label, x=36, y=self.y - 13, size=11,
                            checked=checked, buttonStyle="check", borderColor=GREY,
                            fillColor=colors.white, textColor=colors.black, forceBorder=True)
        lab = wrap(label, "Helvetica", 8.5, W - 100)
        text_lines(c, 54, self.y - 10, lab, "Helvetica", 8.5, 10.5)
        self.y -= len(lab) * 10.5 + 10

    def footer(self, code):
        c = self.c
        c.setFont("Helvetica", 7)
        c.setFillColor(GREY)
        c.drawString(36, 24, f"{code}  |  Tollesbury Coast District Council  |  www.tollesburycoast.gov.uk")
        c.setFillColor(colors.black)


def acro_addr(a, pc, f, prefix=""):
    parts = a["parts"] if a else []
    if a and len(parts) >= 2:
        l1, l2 = parts[0], ", ".join(parts[1:])
    elif a:
        l1, l2 = parts[0], a.get("locality", "")
    else:
        l1 = l2 = ""
    f.text(f"{prefix}Address line 1", l1)
    f.text(f"{prefix}Address line 2", l2)
    f.pair("Town / village", a["town"] if a else "", "Postcode", pc if a else "", w1=150, w2=90)


def acro_names(d, f):
    p = d["person"]
    c = f.c
    c.setFont("Helvetica", 9)
    c.drawString(36, f.y - 12, "Title")
    c.acroForm.textfield(name=f.name(), tooltip="Title", x=200, y=f.y - 17, width=50, height=17,
                         value=p["title"] if d["show_title"] else "", fontName="Helvetica", fontSize=10,
                         borderColor=GREY, fillColor=colors.Color(0.93, 0.95, 1), forceBorder=True)
    f.y -= 25
    f.pair("First name", p["first"], "Last name", p["last"], w1=130, w2=160)


def render_acro_spd(c, d):
    st = d["st"]
    f = AcroForm(c, "Council Tax - apply for Single Person Discount",
                 "Complete this form if you are now the only adult living in your home.", "counciltax@tollesburycoast.gov.uk")
    f.heading("Your account")
    f.text("Council Tax account no.", fa(d["account"], st["acc"]), w=140)
    f.heading("Your details")
    acro_names(d, f)
    acro_addr(d["addr"], d["pc"], f)
    f.pair("Telephone", d["phone"], "Email", d["email"], w1=130, w2=175)
    f.heading("About the change")
    f.text(f"Date you became the only adult resident ({'dd-mm-yyyy' if st['date'] == 'dmy_dash' else 'dd/mm/yyyy'})",
           fd(d["since"], st["date"]) if d["since"] else "", w=110)
    o = d["other"]
    f.radios("Has another adult left the property?", "AdultLeft", ["Yes", "No"],
             "Yes" if o else "No", per_row=2, colw=70)
    f.text("Name of the adult who left", nm(o) if o else "")
    f.text("Their forwarding address", d["fwd"] or "", w=355)
    f.text("Tell us what has changed", d["change"] or "", w=355, h=40, multiline=True)
    f.heading("Declaration")
    f.check("I declare that I am the only adult living at the address above and that the information I have "
            "given is correct. I will tell the council if this changes.", True)
    f.text("Date", fd(d["decl"], st["date"]), w=110)
    f.footer("CT-SPD-E v2.1")


def render_acro_move(c, d):
    st = d["st"]
    f = AcroForm(c, "Council Tax - change of address",
                 "Use this form to tell us you are moving in to, or out of, Tollesbury Coast.",
                 "counciltax@tollesburycoast.gov.uk")
    f.heading("Your move")
    sel = "I am moving into Tollesbury Coast" if d["move_type"] == "in" else "I am moving out of Tollesbury Coast"
    f.radios("Please select one", "MoveDirection", ["I am moving into Tollesbury Coast",
                                                   "I am moving out of Tollesbury Coast"], sel, per_row=1)
    f.text("Date of move", fd(d["move_date"], st["date"]), w=110)
    f.heading("Your details")
    acro_names(d, f)
    f.pair("Telephone", d["phone"], "Email", d["email"], w1=130, w2=175)
    f.heading("Property you are leaving")
    f.text("Council Tax account no. (if known)", fa(d["account"], st["acc"]) if d["account"] else "", w=140)
    acro_addr(d["prev"], d["prev_pc"], f)
    f.heading("Property you are moving to / forwarding address")
    acro_addr(d["new"], d["new_pc"], f)
    f.heading("Declaration")
    f.check("The information I have given is correct to the best of my knowledge.", True)
    f.text("Date", fd(d["decl"], st["date"]), w=110)
    f.footer("CT-MOVE-E v1.4")


def render_acro_parking(c, d):
    st = d["st"]
    f = AcroForm(c, "Residents' parking permit application",
                 "One application per vehicle; no more than two permits per household.",
                 "parking@tollesburycoast.gov.uk")
    f.heading("Applicant")
    acro_names(d, f)
    acro_addr(d["addr"], d["pc"], f)
    f.pair("Telephone", d["phone"], "Email", d["email"], w1=130, w2=175)
    f.heading("Permit")
    f.radios("Permit zone", "Zone", ZONES, d["zone"], per_row=4, colw=88)
    f.text("Permit start date", fd(d["start"], st["date"]), w=110)
    f.heading("Vehicle")
    f.pair("Registration (VRM)", d["vrm"], "Make", d["make"], w1=110, w2=160)
    f.radios("Is the vehicle registered to you at this address?", "V5C", ["Yes", "No - company / lease car"],
             "Yes" if R.random() < 0.8 else "No - company / lease car", per_row=2, colw=70)
    f.heading("Declaration")
    f.check("I confirm I live at the address above and that the vehicle is kept there. I understand a permit "
            "does not guarantee a parking space.", True)
    f.text("Date", fd(d["decl"], st["date"]) if d["decl"] else "", w=110)
    f.footer("PK-RES-E 2026")


# ============================ layout 4: portal_print ============================
class Portal:
    def __init__(self, c, page_title, when, url, service, heading, ref, refkind):
        self.c, self.when, self.url, self.page_title = c, when, url, page_title
        self.pg = 1
        self.chrome()
        c.setFillColor(colors.Color(0.0, 0.27, 0.45))
        c.rect(24, H - 72, W - 48, 36, stroke=0, fill=1)
        c.setFillColor(colors.white)
        c.setFont("Helvetica-Bold", 13)
        c.drawString(36, H - 59, "Tollesbury Coast District Council")
        c.setFont("Helvetica", 9)
        c.drawRightString(W - 36, H - 58, "My Account  |  Sign out")
        c.setFillColor(BLUE)
        c.setFont("Helvetica", 8.5)
        c.drawString(36, H - 88, f"Home  >  {service}  >  {heading}")
        c.setFillColor(colors.black)
        c.setFont("Helvetica-Bold", 19)
        c.drawString(36, H - 116, heading)
        c.setFillColor(colors.Color(0.0, 0.44, 0.24))
        c.rect(36, H - 186, W - 72, 58, stroke=0, fill=1)
        c.setFillColor(colors.white)
        c.setFont("Helvetica-Bold", 14)
        c.drawCentredString(W / 2, H - 148, f"{refkind} submitted")
        c.setFont("Helvetica", 10)
        c.drawCentredString(W / 2, H - 164, "Your reference number")
        c.setFont("Helvetica-Bold", 12)
        c.drawCentredString(W / 2, H - 179, ref)
        c.setFillColor(colors.black)
        self.y = H - 200
        c.setFont("Helvetica", 9)
        c.drawString(36, self.y - 10, "Keep a copy of this page for your records. Below is a summary of the answers you gave.")
        self.y -= 22

    def chrome(self):
        c = self.c
        c.setFont("Helvetica", 7)
        c.setFillColor(colors.black)
        c.drawString(20, H - 16, self.when)
        c.drawCentredString(W / 2, H - 16, self.page_title)
        c.drawString(20, 14, self.url)
        c.drawRightString(W - 20, 14, f"{self.pg}/2" if False else f"{self.pg}")

    def h2(self, t):
        if self.y < 120:
            self.newpage()
        c = self.c
        self.y -= 10
        c.setFont("Helvetica-Bold", 13)
        c.drawString(36, self.y - 12, t)
        self.y -= 22

    def newpage(self):
        self.c.showPage()
        self.pg += 1
        self.chrome()
        self.y = H - 40

    def row(self, key, value):
        c = self.c
        kl = wrap(key, "Helvetica-Bold", 9.5, 165)
        if value is None:
            vl = []
        elif isinstance(value, list):
            vl = value
        else:
            vl = wrap(value, "Helvetica", 9.5, 250)
        h = max(len(kl), len(vl), 1) * 12 + 10
        if self.y - h < 40:
            self.newpage()
        text_lines(c, 36, self.y - 13, kl, "Helvetica-Bold", 9.5, 12)
        text_lines(c, 210, self.y - 13, vl, "Helvetica", 9.5, 12)
        c.setFillColor(BLUE)
        c.setFont("Helvetica", 9.5)
        c.drawRightString(W - 36, self.y - 13, "Change")
        c.setFillColor(colors.black)
        c.setStrokeColor(colors.Color(0.75, 0.75, 0.75))
        c.line(36, self.y - h, W - 36, self.y - h)
        c.setStrokeColor(colors.black)
        self.y -= h


def portal_addr(a, pc):
    return list(a["parts"]) + ([a["locality"]] if a.get("locality") else []) + [a["town"], pc]


def portal_when(d, minute_shift=0):
    t = 8 * 60 + R.randint(0, 12 * 60) + minute_shift
    return t


def render_portal(c, d, kind, ref, when_min):
    st = d["st"]
    dd = d["decl"] or d.get("start")
    hhmm = f"{when_min // 60:02d}:{when_min % 60:02d}"
    when = f"{dd.strftime('%d/%m/%Y')}, {hhmm}"
    nm_ = tnm(d["person"]) if d["show_title"] else nm(d["person"])
    if kind == "spd":
        pt = "Apply for single person discount - Tollesbury Coast District Council"
        p = Portal(c, pt, when, f"https://myaccount.tollesburycoast.gov.uk/council-tax/spd/confirmation?ref={ref}",
                   "Council tax", "Apply for a single person discount", ref, "Application")
        p.h2("Your council tax")
        p.row("Council tax account number", fa(d["account"], st["acc"]))
        p.h2("About you")
        p.row("Name", nm_)
        p.row("Address", portal_addr(d["addr"], d["pc"]))
        p.row("Phone number", d["phone"])
        p.row("Email address", d["email"])
        p.h2("Your household")
        p.row("Is anyone else aged 18 or over living with you?", "No")
        p.row("Date you started living on your own", fd(d["since"], st["date"]) if d["since"] else None)
        o = d["other"]
        p.row("Has someone moved out?", "Yes" if (o or d["change"]) else "Not applicable")
        p.row("Name of the person who moved out", nm(o) if o else None)
        p.row("Their new address", d["fwd"])
        p.row("What has changed?", d["change"])
        p.h2("Declaration")
        p.row("I confirm the information I have given is correct", "Yes")
        p.row("Date", fd(d["decl"], st["date"]))
    elif kind == "move":
        pt = "Tell us you are moving - Tollesbury Coast District Council"
        p = Portal(c, pt, when, f"https://myaccount.tollesburycoast.gov.uk/council-tax/moving/complete/{ref}",
                   "Council tax", "Tell us you are moving home", ref, "Change of address")
        p.h2("Your move")
        p.row("Are you moving into or out of Tollesbury Coast?",
              "Moving into Tollesbury Coast" if d["move_type"] == "in" else "Moving out of Tollesbury Coast")
        p.row("Moving date", fd(d["move_date"], st["date"]))
        p.h2("About you")
        p.row("Name", nm_)
        p.row("Phone number", d["phone"])
        p.row("Email address", d["email"])
        p.h2("Addresses")
        p.row("Council tax account number", fa(d["account"], st["acc"]) if d["account"] else None)
        p.row("Address you are moving from", portal_addr(d["prev"], d["prev_pc"]) if d["prev"] else None)
        p.row("Address you are moving to", portal_addr(d["new"], d["new_pc"]) if d["new"] else None)
        p.h2("Declaration")
        p.row("I confirm the information I have given is correct", "Yes")
        p.row("Date", fd(d["decl"], st["date"]))
    else:
        pt = "Apply for a residents' parking permit - Tollesbury Coast District Council"
        p = Portal(c, pt, when, f"https://myaccount.tollesburycoast.gov.uk/parking/residents/receipt?id={ref}",
                   "Parking", "Apply for a residents' parking permit", ref, "Application")
        p.h2("About you")
        p.row("Name", nm_)
        p.row("Address", portal_addr(d["addr"], d["pc"]))
        p.row("Phone number", d["phone"])
        p.row("Email address", d["email"])
        p.h2("Your permit")
        p.row("Permit zone", d["zone"])
        p.row("Vehicle registration number", d["vrm"])
        p.row("Vehicle make", d["make"])
        p.row("When do you want your permit to start?", fd(d["start"], st["date"]))
        p.row("Permit length", "12 months")
        p.h2("Declaration")
        p.row("I confirm the information I have given is correct", "Yes")
        p.row("Date", fd(d["decl"], st["date"]))


# ============================ layout 5: case_summary ============================
class Case:
    def __init__(self, c, case_type, case_id, received, officer, channel):
        self.c = c
        c.setFillColor(colors.Color(0.25, 0.25, 0.3))
        c.rect(30, H - 56, W - 60, 26, stroke=0, fill=1)
        c.setFillColor(colors.white)
        c.setFont("Helvetica-Bold", 11)
        c.drawString(38, H - 47, "TCDC Revenues - Customer Contact System")
        c.setFont("Helvetica", 8)
        c.drawRightString(W - 38, H - 47, "CASE SUMMARY")
        c.setFillColor(colors.black)
        c.setFont("Helvetica", 7.5)
        c.drawString(30, H - 68, f"Printed {min(AS_OF, received + days(R.randint(1, 3))).isoformat()} {R.randint(8, 16):02d}:{R.randint(0, 59):02d} "
                                 f"by TCDC\\{officer.replace('. ', '').lower()}   Environment: LIVE   Classification: OFFICIAL-SENSITIVE")
        self.y = H - 80
        self.section("Case")
        self.grid([("Case ID", case_id), ("Case type", case_type),
                   ("Received", f"{received.isoformat()} {R.randint(9, 16):02d}:{R.randint(0, 59):02d}"),
                   ("Channel", channel), ("Officer", officer), ("Status", "Open - awaiting processing")])

    def section(self, t):
        c = self.c
        c.setFillColor(colors.Color(0.78, 0.80, 0.85))
        c.rect(30, self.y - 15, W - 60, 15, stroke=1, fill=1)
        c.setFillColor(colors.black)
        c.setFont("Helvetica-Bold", 9)
        c.drawString(35, self.y - 11, t.upper())
        self.y -= 15

    def grid(self, pairs):
        """pairs laid out two to a row: label | value | label | value"""
        c = self.c
        xs = [30, 130, 300, 400, W - 30]
        for i in range(0, len(pairs), 2):
            row = pairs[i:i + 2]
            vls = []
            kls = []
            for j, (k, v) in enumerate(row):
                vls.append(wrap(v or "", "Helvetica", 8.5, 162))
                kls.append(wrap(k, "Helvetica-Bold", 7.5, xs[j * 2 + 1] - xs[j * 2] - 6))
            h = max(max(len(v) for v in vls) * 10.5, max(len(k) for k in kls) * 9 + 1, 10.5) + 6
            for j, (k, v) in enumerate(row):
                lx, vx = xs[j * 2], xs[j * 2 + 1]
                c.setFillColor(colors.Color(0.94, 0.94, 0.96))
                c.rect(lx, self.y - h, vx - lx, h, stroke=1, fill=1)
                c.setFillColor(colors.white)
                c.rect(vx, self.y - h, xs[j * 2 + 2] - vx, h, stroke=1, fill=1)
                c.setFillColor(colors.black)
                c.setFont("Helvetica-Bold", 7.5)
                for n_, kl in enumerate(wrap(k, "Helvetica-Bold", 7.5, vx - lx - 6)):
                    c.drawString(lx + 3, self.y - 10 - n_ * 9, kl)
                text_lines(c, vx + 3, self.y - 10, vls[j], "Helvetica", 8.5, 10.5)
            if len(row) == 1:
                c.rect(xs[2], self.y - h, xs[4] - xs[2], h)
            self.y -= h

    def wide(self, label, text):
        c = self.c
        lines = wrap(text or "", "Helvetica", 8.5, W - 60 - 110)
        h = max(len(lines) * 10.5, len(wrap(label, "Helvetica-Bold", 7.5, 94)) * 9 + 1, 10.5) + 6
        c.setFillColor(colors.Color(0.94, 0.94, 0.96))
        c.rect(30, self.y - h, 100, h, stroke=1, fill=1)
        c.setFillColor(colors.black)
        c.rect(130, self.y - h, W - 160, h)
        c.setFont("Helvetica-Bold", 7.5)
        for n_, kl in enumerate(wrap(label, "Helvetica-Bold", 7.5, 94)):
            c.drawString(33, self.y - 10 - n_ * 9, kl)
        text_lines(c, 133, self.y - 10, lines, "Helvetica", 8.5, 10.5)
        self.y -= h

    def history(self, events):
        self.section("History")
        c = self.c
        for when, who, what in events:
            c.setFont("Courier", 7.5)
            c.drawString(35, self.y - 10, f"{when}  {who:<9} {what}")
            self.y -= 11
        c.line(30, self.y - 2, W - 30, self.y - 2)

    def footer(self):
        c = self.c
        c.setFont("Helvetica", 6.5)
        c.setFillColor(GREY)
        c.drawString(30, 20, "Internal use only. Generated from the Customer Contact System. Do not send to customers.")
        c.drawRightString(W - 30, 20, "Page 1 of 1")
        c.setFillColor(colors.black)


OFFICERS = ["K. Morley", "J. Pettit", "S. Adeyemi", "R. Lusted", "A. Brannigan"]


def render_case(c, d, kind, case_id):
    st = d["st"]
    officer = R.choice(OFFICERS)
    recv = d["decl"]
    chan = R.choice(["Telephone", "Telephone", "Face to face (Tollesbury office)"])
    pname = tnm(d["person"]) if d["show_title"] else nm(d["person"])
    oid = officer.replace(". ", "").upper()[:8]
    if kind == "spd":
        cs = Case(c, "CTAX - Single Person Discount (new claim)", case_id, recv, officer, chan)
        cs.section("Customer")
        cs.grid([("Customer name", pname), ("CT account", fa(d["account"], st["acc"])),
                 ("Contact tel.", d["phone"]), ("Email", d["email"])])
        cs.section("Property")
        a = d["addr"]
        cs.grid([("Property address", addr_oneline(a, with_pc=False, with_loc=True)), ("Postcode", d["pc"]),
                 ("UPRN", str(a["uprn"]) if "uprn" in a else ""), ("Band", a.get("band", ""))])
        cs.section("Claim details")
        o = d["other"]
        cs.grid([("Sole adult from", d["since"].isoformat() if d["since"] else None),
                 ("Adult who left", nm(o) if o else None),
                 ("Fwd address of adult who left", d["fwd"]),
                 ("Verbal declaration accepted", recv.isoformat())])
        cs.wide("Customer's account of the change", d["change"])
        cs.wide("Officer notes", "Declaration read to customer and agreed. Advised that a review form may be sent. "
                                 "Customer aware they must report any change within 21 days.")
        cs.history([(f"{recv.isoformat()} 10:{R.randint(10, 59)}", oid, "Case created from contact"),
                    (f"{recv.isoformat()} 10:{R.randint(10, 59)}", oid, "Declaration recorded"),
                    (f"{recv.isoformat()} 11:{R.randint(10, 59)}", "WFLOW", "Routed to Revenues - Discounts queue")])
    else:
        cs = Case(c, "CTAX - Change of address (" + ("moving out" if d["move_type"] == "out" else "moving in") + ")",
                  case_id, recv, officer, chan)
        cs.section("Customer")
        cs.grid([("Customer name", pname), ("CT account", fa(d["account"], st["acc"]) if d["account"] else None),
                 ("Contact tel.", d["phone"]), ("Email", d["email"])])
        cs.section("Move")
        cs.grid([("Direction", "OUT" if d["move_type"] == "out" else "IN"), ("Effective date", d["move_date"].isoformat())])
        prev, new = d["prev"], d["new"]
        cs.section("Property being vacated")
        cs.grid([("Address", addr_oneline(prev, with_pc=False, with_loc=True) if prev else None),
                 ("Postcode", d["prev_pc"] if prev else None)])
        cs.section("New / forwarding address")
        cs.grid([("Address", addr_oneline(new, with_pc=False, with_loc=True) if new else None),
                 ("Postcode", d["new_pc"] if new else None)])
        cs.section("Declaration")
        cs.grid([("Declaration accepted", recv.isoformat()), ("Accepted by", officer)])
        cs.wide("Officer notes", "Customer called to notify change of address. Final bill to be issued to forwarding "
                                 "address. Advised to contact new authority if moving out of the district.")
        cs.history([(f"{recv.isoformat()} 14:{R.randint(10, 59)}", oid, "Case created from contact"),
                    (f"{recv.isoformat()} 14:{R.randint(10, 59)}", "WFLOW", "Routed to Revenues - Billing queue")])
    cs.footer()


# ============================ layout 6: letter_email ============================
COUNCIL_ADDR = ["Tollesbury Coast District Council", "Council Offices", "Woodrolfe Road", "Tollesbury", "TC2 4AA"]


def render_letter(c, date_str, sender_lines, recipient, salutation, paras, closing, person, printed_name,
                  subject=None, font="Times-Roman"):
    size = 11
    y = H - 60
    for ln in sender_lines:
        c.setFont(font, size)
        c.drawRightString(W - 60, y, ln)
        y -= 13.5
    y -= 8
    c.drawRightString(W - 60, y, date_str)
    y -= 30
    for ln in recipient:
        c.drawString(60, y, ln)
        y -= 13.5
    y -= 20
    c.drawString(60, y, salutation)
    y -= 22
    if subject:
        c.setFont(font.replace("Roman", "Bold") if "Roman" in font else font + "-Bold", size)
        c.drawString(60, y, subject)
        y -= 22
    for para in paras:
        y = text_lines(c, 60, y, wrap(para, font, size, W - 120), font, size, 14) - 9
    y -= 6
    c.setFont(font, size)
    c.drawString(60, y, closing)
    if person:
        signature(c, 64, y - 30, person, 17)
    if printed_name:
        c.setFont(font, size)
        c.drawString(60, y - 52, printed_name)


def render_email(c, from_, sent, to, subject, paras, closing, sig_lines, greeting="Dear Sir or Madam,"):
    c.setFont("Helvetica-Bold", 10)
    c.drawString(50, H - 50, from_.split("<")[0].strip() or from_)
    c.setLineWidth(1.5)
    c.line(50, H - 56, W - 50, H - 56)
    y = H - 74
    for k, v in [("From:", from_), ("Sent:", sent), ("To:", to), ("Subject:", subject)]:
        c.setFont("Helvetica-Bold", 9.5)
        c.drawString(50, y, k)
        c.setFont("Helvetica", 9.5)
        c.drawString(110, y, v)
        y -= 13
    y -= 16
    c.setFont("Calibri" if False else "Helvetica", 10.5)
    c.drawString(50, y, greeting)
    y -= 20
    for para in paras:
        y = text_lines(c, 50, y, wrap(para, "Helvetica", 10.5, W - 100), "Helvetica", 10.5, 13.5) - 8
    y -= 4
    y = text_lines(c, 50, y, [closing], "Helvetica", 10.5, 13.5)
    text_lines(c, 50, y, sig_lines, "Helvetica", 10.5, 13.5)
    c.setFont("Helvetica", 7)
    c.setFillColor(GREY)
    c.drawString(50, 24, "Printed from the Customer Services shared mailbox")
    c.setFillColor(colors.black)


def sent_str(d, style):
    hh = R.randint(7, 22)
    mm = R.randint(0, 59)
    if style == "us_long":
        return f"{d.strftime('%A')}, {MONTHS[d.month - 1]} {d.day}, {d.year} {hh % 12 or 12}:{mm:02d} {'PM' if hh >= 12 else 'AM'}"
    return f"{d.strftime('%A')}, {d.day} {MONTHS[d.month - 1]} {d.year} {hh:02d}:{mm:02d}"


def letter_sender_lines(a):
    return list(a["parts"]) + ([a["locality"]] if a.get("locality") and R.random() < 0.5 else []) + [a["town"], a["postcode"]]


def render_corr(c, d):
    st = d["st"]
    s = d["sender"]
    a = d["addr"]
    name_line = (tnm(s) if d["title_in_sig"] else nm(s)) if s else None
    if d["kind"] == "letter":
        team = {"missed_bin": "Waste and Recycling", "council_tax_query": "Council Tax",
                "complaint": "Customer Services", "foi_request": "Information Governance",
                "other": "Customer Services"}[d["topic"]]
        rec = [team] + COUNCIL_ADDR
        subj = None
        if d["topic"] == "council_tax_query":
            subj = "Re: council tax reminder notice"
        render_letter(c, fd(d["date"], st["date"]), letter_sender_lines(a) if a else [], rec,
                      "Dear Sir or Madam,", d["paras"], R.choice(["Yours faithfully,", "Yours sincerely,"]),
                      s, name_line, subj, R.choice(["Times-Roman", "Helvetica"]))
    else:
        to = {"missed_bin": "waste@tollesburycoast.gov.uk", "council_tax_query": "counciltax@tollesburycoast.gov.uk",
              "complaint": "customer.services@tollesburycoast.gov.uk", "foi_request": "foi@tollesburycoast.gov.uk",
              "other": "customer.services@tollesburycoast.gov.uk"}[d["topic"]]
        if s:
            from_ = f"{nm(s)} <{d['email']}>"
            sig = [name_line] + ([", ".join(a["parts"]), f"{a['town']} {a['postcode']}"] if a else [])
            closing = R.choice(["Kind regards,", "Many thanks,", "Regards,"])
        else:
            from_ = d["email"]
            sig = ["A fed-up resident"]
            closing = ""
        render_email(c, from_, sent_str(d["date"], st["date"]), to, d["subject"] or "Enquiry", d["paras"],
                     closing, sig, R.choice(["Dear Sir or Madam,", "Hello,", "To whom it may concern,"]))


def render_prose_spd(c, d):
    st = d["st"]
    p = d["person"]
    o = d["other"]
    aw = fa(d["account"], st["acc"])
    paras = [f"I am writing to apply for the single person discount on my council tax. My account number is {aw}."]
    ds = fd(d['since'], st['date'])
    rel = d["rel"]
    if rel == "parent":
        s = (f"My {'mother' if o['g'] == 'F' else 'father'}, {nm(o)}, who lived with me, died on {ds}, "
             "and since then I have been the only adult living here.")
    else:
        who = {"partner": "My partner", "lodger": "My lodger",
               "child": "My daughter" if o["g"] == "F" else "My son"}[rel]
        s = f"{who} {nm(o)} moved out on {ds} and since then I have been the only adult living here."
    if d["fwd"]:
        s += f" The new address for {o['first']} is {d['fwd']}."
    paras.append(s)
    contact = []
    if d["phone"]:
        contact.append(f"on {d['phone']}")
    if d["email"]:
        contact.append(f"by email at {d['email']}")
    if contact:
        paras.append("If you need any more information, please contact me " + " or ".join(contact) + ".")
    paras.append("I confirm that the information in this letter is correct.")
    name_line = tnm(p) if d["show_title"] else nm(p)
    render_letter(c, fd(d["decl"], st["date"]), letter_sender_lines(d["addr"]), ["Council Tax Section"] + COUNCIL_ADDR,
                  "Dear Sir or Madam,", paras, "Yours faithfully,", p, name_line,
                  "Single person discount", R.choice(["Times-Roman", "Helvetica"]))


def render_prose_move(c, d):
    st = d["st"]
    p = d["person"]
    prev, new = d["prev"], d["new"]
    aw = fa(d["account"], st["acc"])
    paras = [f"I am writing to let you know that I am moving out of {', '.join(prev['parts'])}, {prev['town']} "
             f"{d['prev_pc']} on {fd(d['move_date'], st['date'])}. My council tax account number is {aw}."]
    if new:
        paras.append(f"Please send the final bill to my new address, which will be {', '.join(new['parts'])}, "
                     f"{new['town']} {d['new_pc']}.")
    if d["phone"]:
        paras.append(f"You can phone me on {d['phone']} if you need to.")
    name_line = tnm(p) if d["show_title"] else nm(p)
    render_email(c, f"{nm(p)} <{d['email']}>", sent_str(d["decl"], st["date"]), "counciltax@tollesburycoast.gov.uk",
                 "Moving out - council tax", paras, "Kind regards,", [name_line], "Dear Council Tax team,")


# --------------------------------------------------------------------------
# the plan
# --------------------------------------------------------------------------
PLAN = [
    # layout, form type, variant (CLEAN = clean), extra
    ("paper_boxes", "council_tax_spd", "CLEAN", None),
    ("paper_boxes", "council_tax_spd", "CLEAN", None),
    ("paper_boxes", "council_tax_spd", "ADDRESS_MISMATCH", None),
    ("paper_boxes", "council_tax_spd", "MISSING_FIELD:sole_adult_since", None),
    ("paper_boxes", "council_tax_move", "CLEAN", "in"),
    ("paper_boxes", "council_tax_move", "CLEAN", "out"),
    ("paper_boxes", "council_tax_move", "CLEAN", "out"),
    ("paper_boxes", "council_tax_move", "PROPERTY_NOT_FOUND", "in"),
    ("paper_boxes", "parking_permit", "CLEAN", None),
    ("paper_boxes", "parking_permit", "CLEAN", None),
    ("paper_boxes", "council_tax_spd", "CLEAN", None),
    ("paper_boxes", "parking_permit", "PERMIT_CAP_REACHED", None),
    ("paper_boxes", "parking_permit", "NOT_IN_PERMIT_ZONE", None),

    ("qa_table", "council_tax_spd", "CLEAN", None),
    ("qa_table", "council_tax_spd", "CLEAN", None),
    ("qa_table", "council_tax_spd", "OTHER_ADULTS_REGISTERED", None),
    ("qa_table", "council_tax_move", "CLEAN", "out"),
    ("qa_table", "council_tax_move", "CLEAN", "in"),
    ("qa_table", "council_tax_move", "DATE_TOO_OLD", "out"),
    ("qa_table", "council_tax_move", "CLEAN", "in"),
    ("qa_table", "council_tax_move", "ADDRESS_MISMATCH", "out"),
    ("qa_table", "parking_permit", "CLEAN", None),
    ("qa_table", "parking_permit", "CLEAN", None),
    ("qa_table", "parking_permit", "CLEAN", None),
    ("qa_table", "parking_permit", "INVALID_FORMAT:vrm", None),

    ("fillable_acroform", "council_tax_spd", "CLEAN", None),
    ("fillable_acroform", "council_tax_spd", "CLEAN", None),
    ("fillable_acroform", "council_tax_spd", "CLEAN", None),
    ("fillable_acroform", "council_tax_spd", "DATE_IN_FUTURE", None),
    ("fillable_acroform", "council_tax_move", "CLEAN", "in"),
    ("fillable_acroform", "council_tax_move", "CLEAN", "out"),
    ("fillable_acroform", "council_tax_move", "NAME_MISMATCH", "out"),
    ("fillable_acroform", "council_tax_move", "CLEAN", "out"),
    ("fillable_acroform", "parking_permit", "CLEAN", None),
    ("fillable_acroform", "parking_permit", "CLEAN", None),
    ("fillable_acroform", "parking_permit", "VRM_HAS_PERMIT", None),
    ("fillable_acroform", "parking_permit", "MISSING_FIELD:declaration_date", None),

    ("portal_print", "council_tax_spd", "CLEAN", None),
    ("portal_print", "council_tax_spd", "CLEAN", None),
    ("portal_print", "council_tax_spd", "DUPLICATE", None),
    ("portal_print", "council_tax_spd", "DISCOUNT_ALREADY_APPLIED", None),
    ("portal_print", "council_tax_move", "CLEAN", "out"),
    ("portal_print", "council_tax_move", "CLEAN", "in"),
    ("portal_print", "council_tax_move", "DATE_IN_FUTURE", "in"),
    ("portal_print", "parking_permit", "CLEAN", None),
    ("portal_print", "parking_permit", "CLEAN", None),
    ("portal_print", "parking_permit", "NOT_RESIDENT", None),
    ("portal_print", "parking_permit", "CLEAN", None),
    ("portal_print", "council_tax_spd", "NAME_MISMATCH", None),

    ("case_summary", "council_tax_spd", "CLEAN", None),
    ("case_summary", "council_tax_spd", "CLEAN", None),
    ("case_summary", "council_tax_spd", "ACCOUNT_CLOSED", None),
    ("case_summary", "council_tax_spd", "INCONSISTENT_DATES", None),
    ("case_summary", "council_tax_move", "CLEAN", "out"),
    ("case_summary", "council_tax_move", "CLEAN", "out"),
    ("case_summary", "council_tax_move", "ACCOUNT_NOT_FOUND", "out"),
    ("case_summary", "council_tax_move", "CLEAN", "out"),

    ("letter_email", "correspondence", "CLEAN", ("missed_bin", "resident", "letter")),
    ("letter_email", "correspondence", "CLEAN", ("missed_bin", "resident", "email")),
    ("letter_email", "correspondence", "CLEAN", ("council_tax_query", "resident", "letter")),
    ("letter_email", "correspondence", "CLEAN", ("council_tax_query", "resident", "email")),
    ("letter_email", "correspondence", "CLEAN", ("complaint", "resident", "letter")),
    ("letter_email", "correspondence", "CLEAN", ("foi_request", "resident", "email")),
    ("letter_email", "correspondence", "CLEAN", ("other", "resident", "letter")),
    ("letter_email", "correspondence", "SENDER_UNKNOWN", ("complaint", "anon", "email")),
    ("letter_email", "correspondence", "SENDER_UNKNOWN", ("foi_request", "outsider", "email")),
    ("letter_email", "correspondence", "ACCOUNT_NOT_FOUND", ("council_tax_query", "badref", "letter")),
    ("letter_email", "council_tax_spd", "CLEAN", None),
    ("letter_email", "council_tax_spd", "ACCOUNT_NOT_FOUND", None),
    ("letter_email", "council_tax_move", "CLEAN", "out"),
]


def main():
    inbox = os.path.join(HERE, "inbox")
    if os.path.isdir(inbox):
        shutil.rmtree(inbox)
    os.makedirs(inbox)
    build_gazetteer()

    plan = PLAN[:]
    R.shuffle(plan)
    # the duplicate: one planned entry becomes two files, the copy placed later in the inbox
    dup_i = [i for i, p in enumerate(plan) if p[2] == "DUPLICATE"][0]
    later = R.randint(dup_i + 3, min(len(plan), dup_i + 20))
    plan.insert(later, ("portal_print", "council_tax_spd", "DUPLICATE_COPY", None))

    cases = []
    dup_data = None
    for layout, ftype, variant, extra in plan:
        if variant == "DUPLICATE_COPY":
            d, f = dup_data
        elif ftype == "council_tax_spd":
            v = variant if variant not in ("CLEAN", "DUPLICATE") else "clean"
            if layout == "letter_email":
                d, f = build_spd(layout, v)
                # prose letters: no change-description box; say what happened in the letter
                d["change"] = None
                f.pop("change_description", None)
                if d["other"] is None:  # a letter always names who left
                    d["other"] = new_person()
                    ELECT  # not registered -> nothing else to do
                    f["other_adult_name"] = nm(d["other"])
                if d["since"] is None:
                    raise RuntimeError
                f = reorder(f, SPD_ORDER)
            else:
                d, f = build_spd(layout, v)
            if variant == "DUPLICATE":
                dup_data = (d, f)
        elif ftype == "council_tax_move":
            v = variant if variant != "CLEAN" else "clean"
            d, f = build_move(layout, v, extra)
            if layout == "letter_email":
                if not d["email"]:
                    d["email"] = email_for(d["person"])
                    f["email"] = d["email"]
                if d["new"] is None:
                    d["new"] = ooa()
                    d["new_pc"] = d["new"]["postcode"]
                    f["new_address"] = d["new"]["line1"]
                    f["new_postcode"] = d["new_pc"]
                f = reorder(f, MOVE_ORDER)
        elif ftype == "parking_permit":
            v = variant if variant != "CLEAN" else "clean"
            d, f = build_parking(layout, v)
        else:
            topic, who, kind = extra
            d, f = build_corr(layout, topic, who, kind)
        cases.append({"layout": layout, "form_type": ftype, "variant": variant, "d": d, "fields": f})

    filler()

    truth = []
    learn_count = {}
    for i, cs in enumerate(cases, 1):
        fn = f"doc_{i:04d}.pdf"
        path = os.path.join(inbox, fn)
        layout, ftype, d = cs["layout"], cs["form_type"], cs["d"]
        titles = {"council_tax_spd": "Single Person Discount", "council_tax_move": "Change of address",
                  "parking_permit": "Residents parking permit", "correspondence": "Correspondence"}
        c = new_canvas(path, titles[ftype] if layout != "letter_email" else "")
        if layout == "paper_boxes":
            {"council_tax_spd": render_paper_spd, "council_tax_move": render_paper_move,
             "parking_permit": render_paper_parking}[ftype](c, d)
        elif layout == "qa_table":
            {"council_tax_spd": render_qa_spd, "council_tax_move": render_qa_move,
             "parking_permit": render_qa_parking}[ftype](c, d)
        elif layout == "fillable_acroform":
            {"council_tax_spd": render_acro_spd, "council_tax_move": render_acro_move,
             "parking_permit": render_acro_parking}[ftype](c, d)
        elif layout == "portal_print":
            kind = {"council_tax_spd": "spd", "council_tax_move": "move", "parking_permit": "parking"}[ftype]
            prefix = {"spd": "SPD", "move": "MOV", "parking": "RPP"}[kind]
            if cs["variant"] == "DUPLICATE":
                dup_when = R.randint(9 * 60, 20 * 60)
                when = dup_when
            elif cs["variant"] == "DUPLICATE_COPY":
                when = dup_when + R.randint(3, 25)
            else:
                when = R.randint(7 * 60, 22 * 60)
            ref = f"{prefix}-{R.randint(100000, 999999)}"
            render_portal(c, d, kind, ref, when)
        elif layout == "case_summary":
            render_case(c, d, "spd" if ftype == "council_tax_spd" else "move", f"CRM-{R.randint(1000000, 9999999)}")
        else:
            if ftype == "correspondence":
                render_corr(c, d)
            elif ftype == "council_tax_spd":
                render_prose_spd(c, d)
            else:
                render_prose_move(c, d)
        c.showPage()
        c.save()

        variant = cs["variant"]
        rec = {"file": fn, "form_type": ftype, "fields": cs["fields"]}
        if variant == "CLEAN":
            rec["outcome"], rec["reasons"] = "approved", []
        elif variant in ("DUPLICATE", "DUPLICATE_COPY"):
            rec["outcome"], rec["reasons"] = "duplicate_pair", []
        else:
            rec["outcome"], rec["reasons"] = "exception", [variant]
        rec["layout"] = layout
        key = (layout, ftype)
        if variant == "CLEAN" and learn_count.get(key, 0) < 2:
            learn_count[key] = learn_count.get(key, 0) + 1
            rec["split"] = "learn"
        else:
            rec["split"] = "test"
        if variant in ("DUPLICATE", "DUPLICATE_COPY"):
            rec["duplicate_group"] = "dup-1"
        truth.append(rec)

    write_workbook(os.path.join(HERE, "records.xlsx"))
    with open(os.path.join(HERE, "truth.jsonl"), "w") as fh:
        for rec in truth:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    n_clean = sum(1 for t in truth if t["outcome"] == "approved")
    n_exc = sum(1 for t in truth if t["outcome"] == "exception")
    print(f"{len(truth)} files: {n_clean} clean, {n_exc} exceptions, "
          f"{sum(1 for t in truth if t['outcome'] == 'duplicate_pair')} in the duplicate pair; "
          f"{len(PROPS)} properties, {len(ACCTS)} accounts, {len(ELECT)} electors, {len(PERMS)} permits")


SPD_ORDER = ["account_ref", "applicant_name", "address", "postcode", "sole_adult_since", "other_adult_name",
             "other_adult_forwarding_address", "change_description", "phone", "email", "declaration_date"]
MOVE_ORDER = ["move_type", "account_ref", "applicant_name", "previous_address", "previous_postcode", "new_address",
              "new_postcode", "move_date", "phone", "email", "declaration_date"]


def reorder(f, order):
    return {k: f[k] for k in order if k in f}


if __name__ == "__main__":
    main()
