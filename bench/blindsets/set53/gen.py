#!/usr/bin/env python
"""Blind test set 53: Royal Borough of Kestlebury.

Run `python gen.py`: writes records.xlsx, inbox/doc_NNNN.pdf, truth.jsonl next to
this file.  Fully deterministic (seeded RNG, reportlab invariant mode).
"""
import json
import os
import re
import shutil
import random
from datetime import date, timedelta, datetime

import openpyxl
from reportlab.pdfgen import canvas
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfbase.pdfmetrics import stringWidth

HERE = os.path.dirname(os.path.abspath(__file__))
AS_OF = date(2026, 12, 7)
SEED = 53053
rng = random.Random(SEED)

DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
HAVE_DEJAVU = os.path.exists(DEJAVU)
if HAVE_DEJAVU:
    pdfmetrics.registerFont(TTFont("DejaVu", DEJAVU))

# ---------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------
FIRST_F = """Helen Eleanor Charlotte Harriet Imogen Philippa Rosalind Victoria Alice Beatrice
Camilla Diana Felicity Georgina Henrietta Isobel Jemima Katherine Lucinda Margaret Natasha
Olivia Penelope Rebecca Sophia Tabitha Amelia Caroline Elizabeth Fiona Gillian Joanna Louise
Miranda Nicola Priya Rachel Sarah Theresa Ursula Verity Wendy Anya Bridget Clemency Daphne
Esme Frances Grace Hannah Iris Julia Kirsty Laura Maya Naomi Rosemary Susannah Zara""".split()
FIRST_M = """Richard Alistair Benedict Charles Dominic Edward Frederick Giles Hugo Ian James
Jonathan Laurence Marcus Nicholas Oliver Patrick Quentin Rupert Sebastian Timothy Hamish
William Alexander Christopher David Edmund Francis George Henry Jeremy Julian Kenneth Luke
Matthew Neil Owen Peter Robert Simon Thomas Anil Rohan Daniel Graham Harvey Jasper Leo Miles
Nathaniel Piers Rory Stephen Tristan Vincent""".split()
SURNAMES = """Ashworth Pemberton Fairfax Hargreaves Whitcombe Lockwood Ravenscroft Thornbury
Kingsley Ellery Beaumont Carrington Davenport Fenwick Goodall Hollins Ingram Jessop Kemble
Langley Merriman Norcott Osborne Prideaux Quayle Rutherford Standish Trelawney Underwood
Vane Waverley Yardley Abbott Blakeney Chetwynd Dunmore Everard Fitzroy Gresham Hatherley
Ibbotson Jardine Knollys Latimer Mortimer Nettleton Oakley Pargeter Radcliffe Seymour
Tennant Upton Villiers Wainwright Ashby Bramwell Cholmondeley Drummond Eastwood Fordham
Garside Holbrook Ireton Kendrick Lisle Marchbank Newbold Ormerod Petherick Rowntree Sinclair
Talbot Vickery Westbrook Allardyce Bellamy Crofton Digby Eversley Foxley Gilchrist Hartigan
Kapoor Malhotra Okafor Nakamura Chowdhury Mensah Sandhu Adeyemi Lindqvist Moreau""".split()

USED_NAMES = set()


def new_person(sex=None, surname=None):
    for _ in range(1000):
        s = sex or rng.choice("FM")
        first = rng.choice(FIRST_F if s == "F" else FIRST_M)
        last = surname or rng.choice(SURNAMES)
        full = f"{first} {last}"
        if full not in USED_NAMES:
            USED_NAMES.add(full)
            if s == "F":
                title = rng.choice(["Mrs", "Ms", "Miss", "Mrs", "Dr", "Ms"])
            else:
                title = rng.choice(["Mr", "Mr", "Mr", "Dr"])
            return {"title": title, "first": first, "last": last, "sex": s}
    raise RuntimeError("names exhausted")


def full(p):
    return f"{p['first']} {p['last']}"


def titled(p):
    return f"{p['title']} {p['first']} {p['last']}"


# ---------------------------------------------------------------------------
# Gazetteer
# ---------------------------------------------------------------------------
ZONES = {"KA": "Abbey Quarter", "KB": "Belvedere", "KC": "Castle Hill"}

# street, town, district, ward, zone, kind, count, block name
STREETS = [
    ("Abbey Walk", "Kestlebury", "KB1", "Abbey", "KA", "numbered", 14, None),
    ("Prior's Gate", "Kestlebury", "KB1", "Abbey", "KA", "numbered", 10, None),
    ("Regent Parade", "Kestlebury", "KB1", "Abbey", "KA", "mansion", 12, "Albany Mansions"),
    ("Belvedere Terrace", "Kestlebury", "KB2", "Belvedere", "KB", "numbered", 14, None),
    ("Marlowe Road", "Kestlebury", "KB2", "Belvedere", "KB", "mansion", 14, "Carrington Mansions"),
    ("Queen's Road", "Kestlebury", "KB2", "Belvedere", "KB", "named", 8, None),
    ("Castle Street", "Kestlebury", "KB3", "Castle", "KC", "numbered", 16, None),
    ("Keep Lane", "Kestlebury", "KB3", "Castle", "KC", "numbered", 8, None),
    ("Portcullis Row", "Kestlebury", "KB3", "Castle", "KC", "mansion", 8, "Sovereign Court"),
    ("Orchard Way", "Kestlebury", "KB4", "St Mary's", "", "numbered", 12, None),
    ("Lime Avenue", "Kestlebury", "KB5", "Riverside", "", "named", 10, None),
    ("Hollybush Close", "Kestlebury", "KB5", "Riverside", "", "newbuild", 10, None),
    ("Kingfisher Drive", "Kestlebury", "KB6", "Riverside", "", "newbuild", 14, None),
    ("Meadowsweet Rise", "Kestlebury", "KB6", "Riverside", "", "newbuild", 12, None),
    ("Church Lane", "Ashcombe Regis", "KB7", "Ashcombe", "", "named", 8, None),
    ("The Green", "Ashcombe Regis", "KB7", "Ashcombe", "", "named", 6, None),
    ("Mill Lane", "Ashcombe Regis", "KB8", "Ashcombe", "", "numbered", 8, None),
    ("Wendham Road", "Little Wendham", "KB9", "Wendham", "", "named", 7, None),
    ("Pound Lane", "Little Wendham", "KB10", "Wendham", "", "numbered", 8, None),
    ("Rectory Lane", "Harrowden St Mary", "KB11", "Harrowden", "", "named", 6, None),
    ("Manor Farm Close", "Harrowden St Mary", "KB12", "Harrowden", "", "newbuild", 10, None),
]
HOUSE_NAMES = """The Old Rectory|Lavender Cottage|Hawthorn House|The Coach House|Rose Cottage|Fairview|
The Granary|Old Forge Cottage|Willow Barn|The Gables|Orchard House|Beech Lodge|The Old School House|
Walnut Tree Cottage|Stable Cottage|Highfield|Little Thatch|The Laurels|Well Cottage|Glebe House|
Cedar Lodge|Wisteria House|The Old Vicarage|Bramble Cottage|Holly Lodge|The Mill House|
Chestnut House|Foxgloves|The Dower House|Pear Tree Cottage|Tudor Lodge|Kingsmead""".replace("\n", "").split("|")
WARD_CODE = {"Abbey": "AB", "Belvedere": "BV", "Castle": "CS", "St Mary's": "SM", "Riverside": "RV",
             "Ashcombe": "AR", "Wendham": "LW", "Harrowden": "HS"}
PC_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
USED_PC = {"KB1 1TH"}  # Town Hall


def new_postcode(district):
    while True:
        pc = f"{district} {rng.randint(1, 9)}{rng.choice(PC_LETTERS)}{rng.choice(PC_LETTERS)}"
        if pc not in USED_PC:
            USED_PC.add(pc)
            return pc


props = []
STREET_MAX = {}
uprn = 100091004100
for (street, town, district, ward, zone, kind, n, block) in STREETS:
    pcs = [new_postcode(district)] + ([new_postcode(district)] if n > 8 else [])
    names = rng.sample(HOUSE_NAMES, n) if kind == "named" else None
    STREET_MAX[street] = n
    for i in range(1, n + 1):
        uprn += rng.randint(3, 40)
        if kind == "named":
            line1 = f"{names[i - 1]}, {street}"
            house, num = names[i - 1], None
        elif kind == "mansion":
            line1 = f"Flat {i}, {block}, {street}"
            house, num = f"Flat {i}, {block}", None
        else:
            line1 = f"{i} {street}"
            house, num = str(i), i
        if kind == "named":
            band = rng.choice("FGGHH")
        elif kind == "mansion":
            band = rng.choice("CDDE")
        elif kind == "newbuild":
            band = rng.choice("DDEEF")
        else:
            band = rng.choice("DEEF" if zone else "EF")
        line2 = ""
        if kind == "named" and town == "Kestlebury":
            line2 = "Upper Kestlebury"
        pc = pcs[0] if (len(pcs) == 1 or i <= n // 2) else pcs[1]
        props.append(dict(uprn=uprn, line1=line1, line2=line2, town=town, postcode=pc, band=band,
                          ward=ward, zone=zone, street=street, kind=kind, house=house, num=num,
                          district=district))
PROP_BY_UPRN = {p["uprn"]: p for p in props}

# ---------------------------------------------------------------------------
# Households: accounts, electors, permits
# ---------------------------------------------------------------------------
accounts = []   # dict(ref, uprn, liable[list of names], status, start, end, discounts)
electors = []   # dict(name, uprn)
permits = []    # dict(ref, uprn, vrm, zone, valid_from, valid_to)
USED_REFS = set()
USED_VRMS = set()


def new_ref():
    while True:
        r = str(rng.randint(71000000, 71999999))
        if r not in USED_REFS:
            USED_REFS.add(r)
            return r


def fake_ref():
    """A well-formed reference that is not in the records."""
    while True:
        r = str(rng.randint(71000000, 71999999))
        if r not in USED_REFS:
            USED_REFS.add(r)   # reserve, never written to the workbook
            return r


def rand_date(a, b):
    return a + timedelta(days=rng.randint(0, (b - a).days))


AREA = ["KB", "KE", "KF", "LA", "LB", "LC", "LD", "LE", "BD", "BF", "GN", "GP", "GU", "HF", "HJ", "WR", "YK", "SN",
        "PN", "OU", "OE", "MA", "DY", "EA"]
SUFFIX_L = "ABCDEFGHJKLMNPRSTUVWXYZ"


def new_vrm(style="current"):
    while True:
        if style == "current":
            age = rng.choice(["15", "16", "17", "18", "19", "20", "21", "22", "23", "24", "25", "65", "66", "67",
                              "68", "69", "70", "71", "72", "73", "74", "75", "26"])
            v = rng.choice(AREA) + age + "".join(rng.choice(SUFFIX_L) for _ in range(3))
        elif style == "prefix":
            v = rng.choice("ABCDEFGHJKLMNPRSTVWXY") + str(rng.randint(1, 999)) + "".join(
                rng.choice(SUFFIX_L) for _ in range(3))
        else:  # suffix
            v = "".join(rng.choice(SUFFIX_L) for _ in range(3)) + str(rng.randint(1, 999)) + rng.choice(
                "ABCDEFGHJKLMNPRSTVWXY")
        if v not in USED_VRMS:
            USED_VRMS.add(v)
            return v


def add_account(uprn, liable, status="active", start=None, end=None, discounts=""):
    ref = new_ref()
    if start is None:
        start = rand_date(date(2006, 1, 1), date(2026, 5, 1))
    accounts.append(dict(ref=ref, uprn=uprn, liable=[full(p) for p in liable], status=status,
                         start=start, end=end, discounts=discounts))
    return ref


def add_electors(uprn, people):
    for p in people:
        electors.append(dict(name=full(p), uprn=uprn))


PERMIT_SEQ = [1000]


def add_permit(uprn, vrm, zone, valid_from):
    PERMIT_SEQ[0] += rng.randint(1, 9)
    valid_to = date(valid_from.year + 1, valid_from.month, valid_from.day) - timedelta(days=1) \
        if not (valid_from.month == 2 and valid_from.day == 29) else date(valid_from.year + 1, 2, 28)
    permits.append(dict(ref=f"RP/{zone}/{valid_from.year}/{PERMIT_SEQ[0]:05d}", uprn=uprn, vrm=vrm,
                        zone=zone, valid_from=valid_from, valid_to=valid_to))


def reset(uprn):
    accounts[:] = [a for a in accounts if a["uprn"] != uprn]
    electors[:] = [e for e in electors if e["uprn"] != uprn]
    permits[:] = [p for p in permits if p["uprn"] != uprn]


def random_household(p):
    u = p["uprn"]
    r = rng.random()
    if r < 0.09:  # empty property: only a closed account
        ppl = [new_person()]
        s = rand_date(date(2012, 1, 1), date(2024, 6, 1))
        add_account(u, ppl, "closed", s, rand_date(s + timedelta(days=200), date(2026, 9, 30)))
        return
    nliab = rng.choices([1, 2, 3], [35, 55, 10])[0]
    sur = rng.choice(SURNAMES)
    liable = [new_person(surname=sur)]
    if nliab >= 2:
        liable.append(new_person(sex="M" if liable[0]["sex"] == "F" else "F",
                                 surname=sur if rng.random() < 0.75 else None))
    if nliab == 3:
        liable.append(new_person())
    start = rand_date(date(2004, 1, 1), date(2026, 4, 30))
    if rng.random() < 0.35 and start > date(2009, 1, 1):
        prev = [new_person()]
        add_account(u, prev, "closed", rand_date(date(1998, 1, 1), start - timedelta(days=800)),
                    start - timedelta(days=1))
    el = [x for x in liable if rng.random() < 0.9]
    if rng.random() < 0.2:
        el.append(new_person(surname=sur))
    disc = ""
    if nliab == 1 and len(el) <= 1 and rng.random() < 0.8:
        disc = "SPD"
    add_account(u, liable, "active", start, None, disc)
    add_electors(u, el)
    if p["zone"]:
        k = rng.choices([0, 1, 2], [45, 35, 20])[0]
        for _ in range(k):
            add_permit(u, new_vrm(rng.choice(["current"] * 6 + ["prefix", "suffix"])), p["zone"],
                       rand_date(date(2026, 1, 10), date(2026, 11, 25)))
        if rng.random() < 0.3:
            add_permit(u, new_vrm(), p["zone"], rand_date(date(2025, 1, 5), date(2025, 11, 20)))


for p in props:
    random_household(p)

# claimable pool for scenarios
POOL = props[:]
rng.shuffle(POOL)
CLAIMED = set()


def claim(pred=lambda p: True):
    for p in POOL:
        if p["uprn"] not in CLAIMED and pred(p):
            CLAIMED.add(p["uprn"])
            return p
    raise RuntimeError("no property left for predicate")


def zoned(p):
    return bool(p["zone"])


def unzoned(p):
    return not p["zone"]


def numbered(p):
    return p["num"] is not None


# ---------------------------------------------------------------------------
# Formatting of values as printed on the page
# ---------------------------------------------------------------------------
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def ordinal(n):
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }".replace(" ", "")


def fmt_date(d, style):
    if style == "dmy_slash":
        return d.strftime("%d/%m/%Y")
    if style == "dmy_slash_short":
        return f"{d.day}/{d.month}/{d.year}"
    if style == "dmy_dash":
        return d.strftime("%d-%m-%Y")
    if style == "dmy_dot":
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


def fmt_ref(r, style):
    if style == "plain":
        return r
    if style == "space":
        return f"{r[:4]} {r[4:]}"
    if style == "dash":
        return f"{r[:4]}-{r[4:]}"
    if style == "ct":
        return f"CT{r}"
    raise ValueError(style)


def fmt_vrm(v, style):
    if style == "plain":
        return v
    if style == "space":
        m = re.match(r"^([A-Z]{2}\d{2})([A-Z]{3})$", v)
        if m:
            return f"{m.group(1)} {m.group(2)}"
        m = re.match(r"^([A-Z]\d{1,3})([A-Z]{3})$", v)
        if m:
            return f"{m.group(1)} {m.group(2)}"
        m = re.match(r"^([A-Z]{3})(\d{1,3}[A-Z])$", v)
        if m:
            return f"{m.group(1)} {m.group(2)}"
        m = re.match(r"^([A-Z]{2}\d{2})([A-Z]+)$", v)
        if m:
            return f"{m.group(1)} {m.group(2)}"
        return v
    if style == "lower":
        return fmt_vrm(v, "space").lower()
    raise ValueError(style)


def fmt_pc(pc, style):
    if style == "plain":
        return pc
    if style == "nospace":
        return pc.replace(" ", "")
    if style == "lower":
        return pc.lower()
    raise ValueError(style)


def split_house(line1):
    """(house part, street) for the split AcroForm fields, and the join rule back."""
    p = next((x for x in props if x["line1"] == line1), None)
    if p:
        return p["house"], p["street"]
    m = re.match(r"^(\d+[A-Z]?) (.+)$", line1)
    if m:
        return m.group(1), m.group(2)
    h, s = line1.rsplit(", ", 1)
    return h, s


def join_house(house, street):
    if re.match(r"^\d+[A-Z]?$", house):
        return f"{house} {street}"
    return f"{house}, {street}"


def phone():
    return rng.choice([f"01632 {rng.randint(960000, 960999)}", f"07700 {rng.randint(900000, 900999)}",
                       f"07700 900 {rng.randint(100, 999)}", f"01632 960 {rng.randint(100, 999)}"])


def email_for(p):
    dom = rng.choice(["example.co.uk", "example.com", "example.org", "example.net"])
    f, l = p["first"].lower(), p["last"].lower()
    return rng.choice([f"{f}.{l}@{dom}", f"{f[0]}.{l}@{dom}", f"{f}{l}{rng.randint(1, 99)}@{dom}",
                       f"{l}.{f[0]}@{dom}"])


OUT_STREETS = ["Harbour Street", "Kings Avenue", "Ferry Lane", "St Giles Street", "Clifton Road", "Gloucester Place",
               "Albion Street", "Marine Parade", "Elm Grove", "Banbury Road", "Bootham Terrace", "Station Road",
               "Quayside", "Trumpington Street", "Victoria Road", "Cathedral Close", "Park Crescent", "Sandy Lane",
               "Northgate", "Chapel Row", "Westbourne Grove", "Fisher Street", "Lansdown Crescent"]
OUT_TOWNS = [("Brighton", "BN1"), ("Winchester", "SO23"), ("Exeter", "EX2"), ("Norwich", "NR2"), ("Bristol", "BS8"),
             ("Cheltenham", "GL52"), ("Leeds", "LS1"), ("Worthing", "BN11"), ("Guildford", "GU1"), ("Oxford", "OX2"),
             ("York", "YO30"), ("Cambridge", "CB2"), ("Reading", "RG1"), ("Falmouth", "TR11"), ("Bath", "BA1"),
             ("Chichester", "PO19"), ("Salisbury", "SP1"), ("Canterbury", "CT1"), ("Manchester", "M20"),
             ("Edinburgh", "EH10")]
OUT_USED = set()


def out_addr():
    while True:
        line = f"{rng.randint(1, 120)} {rng.choice(OUT_STREETS)}"
        town, outw = rng.choice(OUT_TOWNS)
        pc = f"{outw} {rng.randint(1, 9)}{rng.choice(PC_LETTERS)}{rng.choice(PC_LETTERS)}"
        if line not in OUT_USED:
            OUT_USED.add(line)
            return line, town, pc


LAYOUT_DATE_STYLES = {
    "elegant": ["ordinal", "long", "long", "ordinal"],
    "table": ["dmy_slash", "dmy_slash", "dmy_slash_short"],
    "boxed": ["dmy_dot", "dmy_dash", "dmy_slash"],
    "casemgmt": ["iso", "dmy_slash"],
    "acroform": ["dmy_slash", "dmy_slash_short"],
    "correspondence": ["long", "ordinal", "us_long", "dmy_slash"],
}
LAYOUT_REF_STYLES = {
    "elegant": ["space", "plain"],
    "table": ["ct", "space", "dash"],
    "boxed": ["plain", "dash"],
    "casemgmt": ["plain", "ct"],
    "acroform": ["plain", "space"],
    "correspondence": ["space", "ct", "plain"],
}


def recent(lo, hi):
    """date between AS_OF-hi and AS_OF-lo days"""
    return AS_OF - timedelta(days=rng.randint(lo, hi))


# ---------------------------------------------------------------------------
# Documents
# ---------------------------------------------------------------------------
DOCS = []


def make_doc(form_type, layout, scenario, fields, outcome, reasons, **extra):
    d = dict(form_type=form_type, layout=layout, scenario=scenario, fields=fields, outcome=outcome,
             reasons=reasons)
    d["date_style"] = rng.choice(LAYOUT_DATE_STYLES[layout])
    d["ref_style"] = rng.choice(LAYOUT_REF_STYLES[layout])
    d["pc_style"] = rng.choice(["plain"] * 5 + ["nospace", "lower"])
    d.update(extra)
    DOCS.append(d)
    return d


SPD_REASONS = {
    "spouse_sep": "{o} and I have separated and {he} moved out on {d}.",
    "child_left": "My {rel} {of} left home on {d} to start a new job in {city}.",
    "lodger": "My lodger, {o}, gave notice and moved out on {d}.",
    "divorce": "Following our divorce {of} moved out of the house on {d}. I now live here on my own.",
    "care": "My {rel2} {of} moved into a nursing home on {d} and will not be returning.",
    "nodate_abroad": "My partner has taken a two-year contract overseas and no longer lives here.",
    "nodate_uni": "My {rel} {of} has moved out permanently and is renting a flat with friends.",
}


def spd_household(p, variant):
    """Set up a clean SPD household at property p. Returns (applicant, other, account ref)."""
    u = p["uprn"]
    reset(u)
    sur = rng.choice(SURNAMES)
    app = new_person(surname=sur)
    other = new_person(sex="M" if app["sex"] == "F" else "F", surname=sur if rng.random() < 0.7 else None)
    start = rand_date(date(2008, 1, 1), date(2024, 12, 31))
    if variant == "joint_both_registered":
        ref = add_account(u, [app, other], start=start)
        add_electors(u, [app, other])
    elif variant == "joint_other_deregistered":
        ref = add_account(u, [app, other], start=start)
        add_electors(u, [app])
    else:  # sole liable, other adult was never liable
        ref = add_account(u, [app], start=start)
        add_electors(u, [app] + ([other] if rng.random() < 0.5 else []))
    return app, other, ref


def spd_fields(p, app, ref, since, other=None, with_fwd=True, reason_key=None, desc_date=None,
               with_title=True, contact=True, decl=None, missing=()):
    f = {"account_ref": ref, "applicant_name": titled(app) if with_title else full(app),
         "address": p["line1"], "postcode": p["postcode"], "sole_adult_since": since.isoformat()}
    extra = {"town": p["town"], "signature": full(app), "person": app}
    if other is not None:
        f["other_adult_name"] = full(other)
        if with_fwd:
            a = out_addr()
            f["other_adult_forwarding_address"] = f"{a[0]}, {a[1]} {a[2]}"
    if reason_key:
        rel = "son" if other and other["sex"] == "M" else "daughter"
        rel2 = "father" if other and other["sex"] == "M" else "mother"
        he = "he" if other and other["sex"] == "M" else "she"
        tmpl = SPD_REASONS[reason_key]
        extra["desc_tmpl"] = tmpl
        extra["desc_vals"] = dict(o=full(other) if other else "", of=other["first"] if other else "",
                                  rel=rel, rel2=rel2, he=he, city=rng.choice(["Leeds", "Manchester", "Bristol",
                                                                              "Edinburgh", "London"]))
        extra["desc_date"] = desc_date if "{d}" in tmpl else None
    if contact:
        if rng.random() < 0.85:
            f["phone"] = phone()
        if rng.random() < 0.7:
            f["email"] = email_for(app)
    if decl is None:
        decl = AS_OF - timedelta(days=rng.randint(2, 30))
        if decl <= since:
            decl = min(AS_OF - timedelta(days=1), since + timedelta(days=3))
    f["declaration_date"] = decl.isoformat()
    for m in missing:
        f.pop(m, None)
    return f, extra


def gen_spd():
    layouts_clean = ["elegant"] * 4 + ["table"] * 3 + ["casemgmt"] * 3
    variants = ["joint_both_registered", "joint_other_deregistered", "sole"]
    reasons_cycle = ["spouse_sep", "child_left", "lodger", "divorce", "care", "nodate_abroad", "nodate_uni",
                     None, "spouse_sep", None]
    for i, lay in enumerate(layouts_clean):
        p = claim()
        var = variants[i % 3]
        app, other, ref = spd_household(p, var)
        registered = any(e["uprn"] == p["uprn"] and e["name"] == full(other) for e in electors)
        name_other = registered or rng.random() < 0.6
        rk = reasons_cycle[i]
        if not name_other and rk is not None:
            rk = "nodate_abroad"
        since = recent(20, 320)
        f, ex = spd_fields(p, app, ref, since, other if name_other else None, with_fwd=rng.random() < 0.6,
                           reason_key=rk, desc_date=since, with_title=rng.random() < 0.7)
        make_doc("council_tax_spd", lay, "clean", f, "approved", [], **ex)

    # duplicate pair: same application on paper (elegant) and online (casemgmt)
    p = claim()
    app, other, ref = spd_household(p, "joint_both_registered")
    since = recent(40, 90)
    f, ex = spd_fields(p, app, ref, since, other, with_fwd=True, reason_key="spouse_sep", desc_date=since)
    make_doc("council_tax_spd", "elegant", "duplicate", f, "duplicate_pair", [], duplicate_group="dup-spd-1", **ex)
    make_doc("council_tax_spd", "casemgmt", "duplicate", dict(f), "duplicate_pair", [],
             duplicate_group="dup-spd-1", **ex)

    # --- exceptions
    # ACCOUNT_NOT_FOUND (table): reference with transposed digits
    p = claim()
    app, other, ref = spd_household(p, "joint_both_registered")
    bad = fake_ref()
    since = recent(30, 200)
    f, ex = spd_fields(p, app, bad, since, other, reason_key="spouse_sep", desc_date=since)
    make_doc("council_tax_spd", "table", "account_not_found", f, "exception", ["ACCOUNT_NOT_FOUND"], **ex)

    # ACCOUNT_CLOSED (casemgmt): the account at the property was closed, nobody else there
    p = claim()
    reset(p["uprn"])
    sur = rng.choice(SURNAMES)
    app = new_person(surname=sur)
    other = new_person(surname=sur, sex="M" if app["sex"] == "F" else "F")
    ref = add_account(p["uprn"], [app, other], "closed", date(2019, 4, 1), date(2026, 9, 30))
    add_electors(p["uprn"], [app])
    since = date(2026, 9, 30)
    f, ex = spd_fields(p, app, ref, since, other, reason_key="divorce", desc_date=since)
    make_doc("council_tax_spd", "casemgmt", "account_closed", f, "exception", ["ACCOUNT_CLOSED"], **ex)

    # NAME_MISMATCH (elegant): the applicant is the adult son, account is in his mother's name
    p = claim()
    reset(p["uprn"])
    sur = rng.choice(SURNAMES)
    mother = new_person(sex="F", surname=sur)
    app = new_person(sex="M", surname=sur)
    ref = add_account(p["uprn"], [mother])
    add_electors(p["uprn"], [mother, app])
    since = recent(30, 120)
    f, ex = spd_fields(p, app, ref, since, mother, with_fwd=False, reason_key="care", desc_date=since)
    make_doc("council_tax_spd", "elegant", "name_mismatch", f, "exception", ["NAME_MISMATCH"], **ex)

    # ADDRESS_MISMATCH (table): right address line, wrong postcode (another street's)
    p = claim()
    app, other, ref = spd_household(p, "joint_other_deregistered")
    wrong_pc = next(q["postcode"] for q in props if q["district"] == p["district"] and q["postcode"] != p["postcode"]) \
        if any(q["district"] == p["district"] and q["postcode"] != p["postcode"] for q in props) \
        else new_postcode(p["district"])
    since = recent(30, 200)
    f, ex = spd_fields(p, app, ref, since, other, reason_key="child_left", desc_date=since)
    f["postcode"] = wrong_pc
    make_doc("council_tax_spd", "table", "address_mismatch", f, "exception", ["ADDRESS_MISMATCH"], **ex)

    # DISCOUNT_ALREADY_APPLIED (casemgmt)
    p = claim()
    reset(p["uprn"])
    app = new_person()
    ref = add_account(p["uprn"], [app], start=date(2021, 6, 14), discounts="SPD")
    add_electors(p["uprn"], [app])
    since = recent(60, 200)
    f, ex = spd_fields(p, app, ref, since, None, reason_key="nodate_abroad")
    make_doc("council_tax_spd", "casemgmt", "discount_already", f, "exception", ["DISCOUNT_ALREADY_APPLIED"], **ex)

    # OTHER_ADULTS_REGISTERED (elegant): an adult daughter is still on the register
    p = claim()
    reset(p["uprn"])
    sur = rng.choice(SURNAMES)
    app = new_person(surname=sur)
    other = new_person(surname=sur, sex="M" if app["sex"] == "F" else "F")
    daughter = new_person(sex="F", surname=sur)
    ref = add_account(p["uprn"], [app, other])
    add_electors(p["uprn"], [app, other, daughter])
    since = recent(30, 150)
    f, ex = spd_fields(p, app, ref, since, other, reason_key="spouse_sep", desc_date=since)
    make_doc("council_tax_spd", "elegant", "other_adults", f, "exception", ["OTHER_ADULTS_REGISTERED"], **ex)

    # DATE_TOO_OLD (table)
    p = claim()
    app, other, ref = spd_household(p, "joint_both_registered")
    since = date(2025, 7, 18)
    f, ex = spd_fields(p, app, ref, since, other, reason_key="divorce", desc_date=since)
    make_doc("council_tax_spd", "table", "date_too_old", f, "exception", ["DATE_TOO_OLD"], **ex)

    # INCONSISTENT_DATES (casemgmt)
    p = claim()
    app, other, ref = spd_household(p, "joint_other_deregistered")
    since = date(2026, 10, 19)
    f, ex = spd_fields(p, app, ref, since, other, reason_key="spouse_sep", desc_date=date(2026, 10, 2))
    make_doc("council_tax_spd", "casemgmt", "inconsistent_dates", f, "exception", ["INCONSISTENT_DATES"], **ex)

    # MISSING_FIELD:declaration_date (elegant): signed but not dated
    p = claim()
    app, other, ref = spd_household(p, "sole")
    since = recent(20, 100)
    f, ex = spd_fields(p, app, ref, since, other, reason_key="lodger", desc_date=since,
                       missing=("declaration_date",))
    make_doc("council_tax_spd", "elegant", "missing_decl", f, "exception", ["MISSING_FIELD:declaration_date"], **ex)


def move_person_fields(app, with_title, contact=True):
    f = {"applicant_name": titled(app) if with_title else full(app)}
    if contact:
        if rng.random() < 0.85:
            f["phone"] = phone()
        if rng.random() < 0.7:
            f["email"] = email_for(app)
    return f


def move_out_case(p=None, variant="clean"):
    p = p or claim()
    u = p["uprn"]
    reset(u)
    sur = rng.choice(SURNAMES)
    app = new_person(surname=sur)
    partner = new_person(surname=sur, sex="M" if app["sex"] == "F" else "F") if rng.random() < 0.6 else None
    liable = [app] + ([partner] if partner else [])
    ref = add_account(u, liable, start=rand_date(date(2010, 1, 1), date(2024, 9, 1)))
    add_electors(u, liable)
    return p, app, partner, ref


def gen_move():
    plan_clean = [("elegant", "in"), ("elegant", "out"), ("elegant", "out"), ("boxed", "in"), ("boxed", "out"),
                  ("casemgmt", "out"), ("casemgmt", "in"), ("acroform", "in"), ("acroform", "out"),
                  ("acroform", "in")]
    for lay, mt in plan_clean:
        if mt == "out":
            p, app, partner, ref = move_out_case(claim(numbered) if lay == "acroform" else None)
            md = AS_OF + timedelta(days=rng.randint(-150, 25))
            f = {"move_type": "out", "account_ref": ref}
            f.update(move_person_fields(app, rng.random() < 0.6))
            f["previous_address"] = p["line1"]
            f["previous_postcode"] = p["postcode"]
            ex = {"prev_town": p["town"], "person": app, "signature": full(app)}
            if rng.random() < 0.8:
                a = out_addr()
                f["new_address"], f["new_postcode"] = a[0], a[2]
                ex["new_town"] = a[1]
        else:
            p = claim(numbered) if lay == "acroform" else claim()
            reset(p["uprn"])
            md = AS_OF + timedelta(days=rng.randint(-120, 25))
            prevp = [new_person()]
            add_account(p["uprn"], prevp, "closed", rand_date(date(2015, 1, 1), date(2022, 1, 1)),
                        min(AS_OF - timedelta(days=2), md - timedelta(days=rng.randint(1, 40))))
            app = new_person()
            f = {"move_type": "in"}
            f.update(move_person_fields(app, rng.random() < 0.6))
            ex = {"new_town": p["town"], "person": app, "signature": full(app)}
            if rng.random() < 0.6:
                a = out_addr()
                f["previous_address"], f["previous_postcode"] = a[0], a[2]
                ex["prev_town"] = a[1]
            f["new_address"] = p["line1"]
            f["new_postcode"] = p["postcode"]
        f["move_date"] = md.isoformat()
        decl = AS_OF - timedelta(days=rng.randint(1, 20))
        f["declaration_date"] = decl.isoformat()
        make_doc("council_tax_move", lay, "clean", f, "approved", [], **ex)

    def out_doc(lay, scen, reasons, ref_override=None, md=None, prev_override=None, app_override=None,
                drop_ref=False, pred=None):
        p, app, partner, ref = move_out_case(claim(pred) if pred else None)
        applicant = app_override or app
        md = md or AS_OF - timedelta(days=rng.randint(10, 90))
        f = {"move_type": "out"}
        if not drop_ref:
            f["account_ref"] = ref_override or ref
        f.update(move_person_fields(applicant, True))
        pa = prev_override(p) if prev_override else p
        f["previous_address"], f["previous_postcode"] = pa["line1"], pa["postcode"]
        a = out_addr()
        f["new_address"], f["new_postcode"] = a[0], a[2]
        f["move_date"] = md.isoformat()
        f["declaration_date"] = (AS_OF - timedelta(days=rng.randint(1, 14))).isoformat()
        make_doc("council_tax_move", lay, scen, f, "exception", reasons,
                 prev_town=pa["town"], new_town=a[1], person=applicant, signature=full(applicant))

    out_doc("boxed", "account_not_found", ["ACCOUNT_NOT_FOUND"], ref_override=fake_ref())
    lodger = new_person()
    out_doc("acroform", "name_mismatch", ["NAME_MISMATCH"], app_override=lodger, pred=numbered)

    def neighbour(p):
        q = next(x for x in props if x["street"] == p["street"] and x["uprn"] != p["uprn"]
                 and abs((x["num"] or 0) - (p["num"] or 0)) <= 3)
        return q
    out_doc("casemgmt", "address_mismatch", ["ADDRESS_MISMATCH"], prev_override=neighbour, pred=numbered)
    out_doc("boxed", "date_too_old", ["DATE_TOO_OLD"], md=date(2025, 10, 24))
    out_doc("casemgmt", "missing_ref", ["MISSING_FIELD:account_ref"], drop_ref=True)

    # in: property not in gazetteer (new phase of an estate)
    def in_doc(lay, scen, reasons, line1, pc, town, md):
        app = new_person()
        f = {"move_type": "in"}
        f.update(move_person_fields(app, True))
        a = out_addr()
        f["previous_address"], f["previous_postcode"] = a[0], a[2]
        f["new_address"], f["new_postcode"] = line1, pc
        f["move_date"] = md.isoformat()
        f["declaration_date"] = (AS_OF - timedelta(days=rng.randint(2, 12))).isoformat()
        make_doc("council_tax_move", lay, scen, f, "exception", reasons, prev_town=a[1], new_town=town,
                 person=app, signature=full(app))

    mr = next(x for x in props if x["street"] == "Meadowsweet Rise")
    in_doc("elegant", "property_not_found", ["PROPERTY_NOT_FOUND"], f"{STREET_MAX['Meadowsweet Rise'] + 15} Meadowsweet Rise",
           mr["postcode"], "Kestlebury", AS_OF - timedelta(days=9))
    p = claim(numbered)
    reset(p["uprn"])
    add_account(p["uprn"], [new_person()], "closed", date(2016, 3, 1), date(2026, 11, 20))
    in_doc("acroform", "date_in_future", ["DATE_IN_FUTURE"], p["line1"], p["postcode"], p["town"], date(2027, 2, 26))


def parking_household(p, applicant_role="liable", active_other=0, expired_same=False, vrm=None):
    u = p["uprn"]
    reset(u)
    sur = rng.choice(SURNAMES)
    head = new_person(surname=sur)
    if applicant_role == "liable":
        app = head
        liable = [head] + ([new_person(surname=sur, sex="M" if head["sex"] == "F" else "F")]
                           if rng.random() < 0.5 else [])
        el = liable[:] if rng.random() < 0.7 else liable[1:]
    elif applicant_role == "elector":  # adult child, on the register only
        app = new_person(surname=sur)
        liable = [head]
        el = [head, app]
    else:  # not resident
        app = new_person()
        liable = [head]
        el = [head]
    add_account(u, liable)
    add_electors(u, el)
    for _ in range(active_other):
        add_permit(u, new_vrm(), p["zone"], rand_date(date(2026, 2, 1), date(2026, 11, 20)))
    vrm = vrm or new_vrm(rng.choice(["current"] * 5 + ["prefix", "suffix"]))
    if expired_same:
        add_permit(u, vrm, p["zone"], rand_date(date(2025, 6, 1), date(2025, 11, 30)))
    return app, vrm


MAKES = ["Volvo XC60", "Audi A4", "Land Rover Discovery", "BMW 320d", "Volkswagen Golf", "Mini Cooper",
         "Toyota Prius", "Tesla Model 3", "Range Rover Evoque", "Honda Jazz", "Skoda Octavia", "Mercedes C220",
         "Jaguar XE", "Kia Niro", "Porsche Macan", "Vauxhall Corsa", "MG ZS", "Fiat 500"]


def parking_fields(p, app, vrm, zone, start, with_title=True, address=None, postcode=None, town=None):
    f = {"applicant_name": titled(app) if with_title else full(app),
         "address": address or p["line1"], "postcode": postcode or p["postcode"], "vrm": vrm}
    if rng.random() < 0.75:
        f["vehicle_make"] = rng.choice(MAKES)
    f["zone"] = zone
    f["start_date"] = start.isoformat()
    if rng.random() < 0.8:
        f["phone"] = phone()
    if rng.random() < 0.6:
        f["email"] = email_for(app)
    f["declaration_date"] = (AS_OF - timedelta(days=rng.randint(1, 21))).isoformat()
    ex = {"town": town or (p["town"] if p else "Kestlebury"), "person": app, "signature": full(app)}
    return f, ex


def gen_parking():
    plan = ["table"] * 3 + ["boxed"] * 2 + ["casemgmt"] * 2 + ["acroform"] * 3
    roles = ["liable", "liable", "elector", "liable", "liable", "elector", "liable", "liable", "liable", "liable"]
    for i, lay in enumerate(plan):
        p = claim(lambda x: zoned(x) and (numbered(x) if lay == "acroform" else True))
        app, vrm = parking_household(p, roles[i], active_other=[0, 1, 0, 1, 0, 1, 0, 1, 0, 0][i],
                                     expired_same=i in (3, 8))
        if i == 7:
            # an expired second permit at the property: one active + one expired, still under the cap
            add_permit(p["uprn"], new_vrm(), p["zone"], date(2025, 3, 2))
        start = AS_OF + timedelta(days=rng.randint(-12, 24))
        f, ex = parking_fields(p, app, vrm, p["zone"], start, with_title=rng.random() < 0.6)
        make_doc("parking_permit", lay, "clean", f, "approved", [], **ex)

    # PROPERTY_NOT_FOUND (boxed)
    cs = next(x for x in props if x["street"] == "Castle Street")
    app = new_person()
    vrm = new_vrm()
    f, ex = parking_fields(None, app, vrm, "KC", AS_OF + timedelta(days=5),
                           address=f"{STREET_MAX['Castle Street'] + 7} Castle Street", postcode=cs["postcode"],
                           town="Kestlebury")
    make_doc("parking_permit", "boxed", "property_not_found", f, "exception", ["PROPERTY_NOT_FOUND"], **ex)

    # NOT_IN_PERMIT_ZONE (table): a street with no residents' parking
    p = claim(lambda x: unzoned(x) and x["town"] == "Kestlebury")
    app, vrm = parking_household(p, "liable")
    f, ex = parking_fields(p, app, vrm, "KC", AS_OF + timedelta(days=3))
    make_doc("parking_permit", "table", "not_in_zone", f, "exception", ["NOT_IN_PERMIT_ZONE"], **ex)

    # NOT_RESIDENT (acroform)
    p = claim(lambda x: zoned(x) and numbered(x))
    app, vrm = parking_household(p, "none")
    f, ex = parking_fields(p, app, vrm, p["zone"], AS_OF + timedelta(days=1))
    make_doc("parking_permit", "acroform", "not_resident", f, "exception", ["NOT_RESIDENT"], **ex)

    # INVALID_FORMAT:vrm (casemgmt): one letter short
    p = claim(zoned)
    app, vrm = parking_household(p, "liable")
    f, ex = parking_fields(p, app, "YK07AB", p["zone"], AS_OF + timedelta(days=8))
    make_doc("parking_permit", "casemgmt", "invalid_vrm", f, "exception", ["INVALID_FORMAT:vrm"], **ex)

    # VRM_HAS_PERMIT (table): early renewal, current permit still running
    p = claim(zoned)
    app, vrm = parking_household(p, "liable")
    add_permit(p["uprn"], vrm, p["zone"], date(2026, 3, 14))
    f, ex = parking_fields(p, app, vrm, p["zone"], AS_OF + timedelta(days=2))
    make_doc("parking_permit", "table", "vrm_has_permit", f, "exception", ["VRM_HAS_PERMIT"], **ex)

    # PERMIT_CAP_REACHED (boxed)
    p = claim(zoned)
    app, vrm = parking_household(p, "liable", active_other=2)
    f, ex = parking_fields(p, app, vrm, p["zone"], AS_OF + timedelta(days=4))
    make_doc("parking_permit", "boxed", "cap_reached", f, "exception", ["PERMIT_CAP_REACHED"], **ex)

    # DATE_IN_FUTURE (acroform)
    p = claim(lambda x: zoned(x) and numbered(x))
    app, vrm = parking_household(p, "liable")
    f, ex = parking_fields(p, app, vrm, p["zone"], date(2027, 2, 1))
    make_doc("parking_permit", "acroform", "date_in_future", f, "exception", ["DATE_IN_FUTURE"], **ex)


# ---------------------------------------------------------------------------
# Correspondence
# ---------------------------------------------------------------------------
def corr_sender(p=None, sole=False):
    p = p or claim()
    u = p["uprn"]
    reset(u)
    sur = rng.choice(SURNAMES)
    app = new_person(surname=sur)
    liable = [app] + ([] if sole else [new_person(surname=sur, sex="M" if app["sex"] == "F" else "F")])
    ref = add_account(u, liable, start=rand_date(date(2012, 1, 1), date(2024, 1, 1)),
                      discounts="SPD" if sole else "")
    add_electors(u, liable)
    return p, app, ref


def gen_corr():
    # Each entry: variant, topic, build function
    def letter_date():
        return AS_OF - timedelta(days=rng.randint(2, 12))

    out = []
    # 1 missed bin, letter, clean
    p, app, ref = corr_sender()
    ld = letter_date()
    missed = ld - timedelta(days=rng.randint(2, 6))
    paras = [f"I am writing to report that our grey general waste bin was not emptied on {DAYS[missed.weekday()]} "
             f"{{D1}}. The bin was at the kerbside by seven o'clock as usual, but the crew did not come along "
             f"{p['street']} at all and several of our neighbours were also missed.",
             "Could you please arrange for the bin to be collected as soon as possible? It is now overflowing "
             "and attracting foxes.",
             "Thank you for your help."]
    out.append(dict(variant="letter", topic="missed_bin", p=p, app=app, sign=titled(app), ref=None,
                    date=ld, dates=[missed], paras=paras, salutation="Dear Sir or Madam,",
                    closing="Yours faithfully,", subject="Missed bin collection", reasons=[]))

    # 2 council tax query, email, clean, quotes account
    p, app, ref = corr_sender()
    ld = letter_date()
    paras = [f"I have just received my council tax bill for account number {{REF}} and would like to change "
             "how I pay. At the moment I pay by direct debit on the 1st of the month over ten instalments.",
             "Please could you move my payments to the 15th of each month and spread them over twelve "
             "instalments instead? Could you also confirm what the monthly amount would then be?"]
    out.append(dict(variant="email", topic="council_tax_query", p=p, app=app, sign=full(app), ref=ref,
                    date=ld, dates=[], paras=paras, salutation="Hello,", closing="Kind regards,",
                    subject="Council tax instalments", reasons=[]))

    # 3 complaint, letter, clean
    p, app, ref = corr_sender()
    ld = letter_date()
    d1 = ld - timedelta(days=rng.randint(15, 25))
    paras = [f"I wish to make a formal complaint about the resurfacing works carried out on {p['street']} "
             f"on {{D1}}. No notice was given to residents, cars parked in the road were covered in tar "
             "spray, and the contractors left the drains blocked with loose chippings.",
             "When I telephoned the Highways team I was told someone would call me back within two working "
             "days. Nobody has done so. I expect a written response explaining what the Council intends to do "
             "about the damage and the blocked drains.",
             ]
    out.append(dict(variant="letter", topic="complaint", p=p, app=app, sign=titled(app), ref=None,
                    date=ld, dates=[d1], paras=paras, salutation="Dear Sir or Madam,",
                    closing="Yours faithfully,", subject="Formal complaint - resurfacing works", reasons=[]))

    # 4 FOI request, email, clean
    p, app, ref = corr_sender()
    ld = letter_date()
    paras = ["Under the Freedom of Information Act 2000, I would like to request the following information:",
             "1. The number of residents' parking permits issued in each of zones KA, KB and KC between "
             "{D1} and {D2}.",
             "2. The total income the Council received from residents' parking permits over the same period.",
             "I would prefer to receive the information electronically, in a spreadsheet if possible."]
    out.append(dict(variant="email", topic="foi_request", p=p, app=app, sign=full(app), ref=None,
                    date=ld, dates=[date(2025, 4, 1), date(2026, 3, 31)], paras=paras, salutation="Dear FOI Officer,",
                    closing="Yours sincerely,", subject="Freedom of Information request - parking permits",
                    reasons=[]))

    # 5 other, letter, clean: street party
    p, app, ref = corr_sender()
    ld = letter_date()
    paras = [f"On behalf of the residents of {p['street']} I would like to ask how we go about organising a "
             "street party to celebrate the opening of the new village hall, which we hope to hold on "
             "{D1}.",
             "Could you let me know whether we need to apply for a road closure, whether there is any charge, "
             "and how far in advance we should send the application? We would also like to borrow some of the "
             "Council's folding tables if that is possible."]
    out.append(dict(variant="letter", topic="other", p=p, app=app, sign=full(app), ref=None,
                    date=ld, dates=[date(2027, 6, 5)], paras=paras, salutation="Dear Sir or Madam,",
                    closing="Yours faithfully,", subject="Street party", reasons=[]))

    # 6 missed bin, email, clean (recycling)
    p, app, ref = corr_sender()
    ld = letter_date()
    d1 = ld - timedelta(days=3)
    paras = ["Our blue recycling bin has been missed again. This is the third collection running that the "
             f"crew has skipped us; the last one was on {DAYS[d1.weekday()]} {{D1}}.",
             "Please can someone come and empty it, and let me know why our house keeps being missed?"]
    out.append(dict(variant="email", topic="missed_bin", p=p, app=app, sign=full(app), ref=None,
                    date=ld, dates=[d1], paras=paras, salutation="Hi,", closing="Thanks,",
                    subject="Recycling not collected AGAIN", reasons=[]))

    # 7 council tax query, letter, clean, quotes account
    p, app, ref = corr_sender(p=claim(lambda x: x["kind"] == "named"))
    ld = letter_date()
    paras = ["Council tax account {REF}",
             "I should be grateful if you could explain how the valuation band for my property was arrived at. "
             "The property is shown as being in a higher band than several similar houses in the lane, and I "
             "would like to understand whether it can be reviewed and how I would go about asking for that.",
             "I would also like a copy of the statement of account for the current year."]
    out.append(dict(variant="letter", topic="council_tax_query", p=p, app=app, sign=titled(app), ref=ref,
                    date=ld, dates=[], paras=paras, salutation="Dear Sir or Madam,",
                    closing="Yours faithfully,", subject=None, reasons=[]))

    # 8 complaint, email, clean
    p, app, ref = corr_sender()
    ld = letter_date()
    d1 = ld - timedelta(days=rng.randint(20, 30))
    paras = [f"I want to complain about how my report of a fallen tree on the verge outside my house has been "
             f"handled. I first reported it on {{D1}} and have since telephoned four times. Each time I was "
             "promised a call back and nobody has ever rung me.",
             "The tree is still blocking half of the pavement and people with pushchairs are having to walk in "
             "the road. This is simply not good enough and I would like a response to this complaint."]
    out.append(dict(variant="email", topic="complaint", p=p, app=app, sign=full(app), ref=None,
                    date=ld, dates=[d1], paras=paras, salutation="Dear Customer Services,", closing="Regards,",
                    subject="Complaint - no response about fallen tree", reasons=[]))

    # 9 SENDER_UNKNOWN: email with no name and no address
    ld = letter_date()
    paras = ["bins on Keep Lane not emptied again this week, whole street is full of rubbish bags now and "
             "the gulls are ripping them open. when is someone actually going to come and collect them?"]
    out.append(dict(variant="email", topic="missed_bin", p=None, app=None, sign=None, ref=None,
                    date=ld, dates=[], paras=paras, salutation=None, closing="Sent from my iPhone",
                    subject="bins", reasons=["SENDER_UNKNOWN"], from_addr="keeplane.resident@example.com"))

    # 10 SENDER_UNKNOWN: letter with a name but no address and no account
    app = new_person()
    ld = letter_date()
    d1 = ld - timedelta(days=4)
    paras = ["I wish to complain about the behaviour of one of your civil enforcement officers in the Market "
             f"Square car park on {{D1}}. He was rude to my elderly mother, refused to listen to her "
             "explanation and issued a ticket while she was still at the machine paying.",
             "I expect the ticket to be cancelled and an apology."]
    out.append(dict(variant="letter", topic="complaint", p=None, app=app, sign=full(app), ref=None,
                    date=ld, dates=[d1], paras=paras, salutation="Dear Sir/Madam,", closing="Yours faithfully,",
                    subject="Complaint about a parking attendant", reasons=["SENDER_UNKNOWN"]))

    # 11 ACCOUNT_NOT_FOUND: letter, known sender, quotes a non-existent account
    p, app, ref = corr_sender()
    bad = fake_ref()
    ld = letter_date()
    d1 = date(2026, 12, 1)
    paras = ["Council Tax reference: {REF}",
             f"I changed banks last month and set up a new direct debit for my council tax, starting on {{D1}}. "
             "Could you please confirm that the new mandate is in place and that my old one has been cancelled, "
             "so that I am not charged twice this month?"]
    out.append(dict(variant="letter", topic="council_tax_query", p=p, app=app, sign=full(app), ref=bad,
                    date=ld, dates=[d1], paras=paras, salutation="Dear Council Tax Team,", closing="Yours sincerely,",
                    subject=None, reasons=["ACCOUNT_NOT_FOUND"]))

    for c in out:
        ds = rng.choice(["long", "ordinal", "dmy_slash", "us_long"]) if c["variant"] == "letter" else "long"
        c["body_date_style"] = ds
        c["ref_style"] = rng.choice(["space", "ct", "plain"])
        f = {"topic": c["topic"]}
        if c["sign"]:
            f["sender_name"] = c["sign"]
        if c["p"] is not None:
            f["address"] = c["p"]["line1"]
            f["postcode"] = c["p"]["postcode"]
        if c["ref"]:
            f["account_ref"] = c["ref"]
        make = make_doc("correspondence", "correspondence", c["reasons"][0].lower() if c["reasons"] else "clean",
                        f, "exception" if c["reasons"] else "approved", c["reasons"], corr=c)
        make["corr"] = c


# ---------------------------------------------------------------------------
# Printed values of a form document
# ---------------------------------------------------------------------------
def pv(doc, key):
    """The string printed on the page for a truth field (None when blank)."""
    f = doc["fields"]
    if key not in f:
        return None
    v = f[key]
    if key in ("sole_adult_since", "move_date", "start_date", "declaration_date"):
        return fmt_date(date.fromisoformat(v), doc["date_style"])
    if key == "account_ref":
        return fmt_ref(v, doc["ref_style"])
    if key in ("postcode",):
        return fmt_pc(v, doc["pc_style"])
    if key == "vrm":
        return fmt_vrm(v, doc.get("vrm_style", "space"))
    if key == "change_description":
        return v
    return v


def finalize_desc(doc):
    """Turn the SPD description template into final text, with the date in a written style."""
    if doc.get("desc_tmpl"):
        vals = dict(doc["desc_vals"])
        if doc.get("desc_date"):
            st = rng.choice(["long", "ordinal", "dmy_slash"])
            vals["d"] = fmt_date(doc["desc_date"], st)
        txt = doc["desc_tmpl"].format(**vals)
        txt = txt[0].upper() + txt[1:]
        doc["fields"]["change_description"] = txt


# ===========================================================================
# Rendering
# ===========================================================================
W, H = A4
INK = (0.08, 0.14, 0.42)


def wrap(text, font, size, width):
    words = text.split()
    lines, cur = [], ""
    for w in words:
        t = (cur + " " + w).strip()
        if stringWidth(t, font, size) <= width or not cur:
            cur = t
        else:
            lines.append(cur)
            cur = w
    if cur:
        lines.append(cur)
    return lines


def new_canvas(path, title):
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    c.setTitle(title)
    c.setAuthor("Royal Borough of Kestlebury")
    return c


def para(c, x, y, text, font, size, width, leading=None, color=(0, 0, 0)):
    leading = leading or size * 1.3
    c.setFillColorRGB(*color)
    c.setFont(font, size)
    for ln in wrap(text, font, size, width):
        c.drawString(x, y, ln)
        y -= leading
    c.setFillColorRGB(0, 0, 0)
    return y


# ---------- field definitions per form type (keys, layouts supply wording) ----------
CHOICE_MOVE = [("in", "moving in"), ("out", "moving out")]
CHOICE_ZONE = [(k, v) for k, v in ZONES.items()]


# ---------- Layout 1: elegant ----------
def smallcaps(c, x, y, text, size, font="Times-Roman", color=(0.25, 0.25, 0.3)):
    c.setFillColorRGB(*color)
    cx = x
    for word in text.split(" "):
        for ch in word:
            if ch.islower():
                c.setFont(font, size * 0.78)
                c.drawString(cx, y, ch.upper())
                cx += stringWidth(ch.upper(), font, size * 0.78) + 0.35
            else:
                c.setFont(font, size)
                c.drawString(cx, y, ch)
                cx += stringWidth(ch, font, size) + 0.35
        cx += stringWidth(" ", font, size) + 0.8
    c.setFillColorRGB(0, 0, 0)
    return cx


HAND = "Helvetica-Oblique"


def el_field(c, x, y, w, label, value, lines=1):
    """label in small caps above thin underline(s); answer in oblique 'ink'."""
    smallcaps(c, x, y, label, 7.6)
    y -= 17
    vals = wrap(value, HAND, 11, w - 6) if value else []
    for i in range(lines):
        c.setStrokeColorRGB(0.45, 0.45, 0.5)
        c.setLineWidth(0.35)
        c.line(x, y - 3, x + w, y - 3)
        if i < len(vals):
            c.setFillColorRGB(*INK)
            c.setFont(HAND, 11)
            c.drawString(x + 4, y, vals[i])
            c.setFillColorRGB(0, 0, 0)
        y -= 18
    return y - 8


def el_header(c, title, formno):
    c.setFont("Times-Roman", 8.5)
    c.setFillColorRGB(0.3, 0.3, 0.35)
    c.drawCentredString(W / 2, H - 48, "T H E   R O Y A L   B O R O U G H   O F")
    c.setFillColorRGB(0.1, 0.12, 0.25)
    c.setFont("Times-Bold", 24)
    c.drawCentredString(W / 2, H - 74, "KESTLEBURY")
    c.setStrokeColorRGB(0.1, 0.12, 0.25)
    c.setLineWidth(0.8)
    c.line(60, H - 84, W - 60, H - 84)
    c.setLineWidth(0.3)
    c.line(60, H - 87, W - 60, H - 87)
    c.setFont("Times-Italic", 15)
    c.drawCentredString(W / 2, H - 108, title)
    c.setFont("Times-Roman", 7)
    c.setFillColorRGB(0.4, 0.4, 0.4)
    c.drawRightString(W - 60, H - 30, formno)
    c.setFillColorRGB(0, 0, 0)
    return H - 130


def el_section(c, y, num, text):
    c.setFillColorRGB(0.1, 0.12, 0.25)
    smallcaps(c, 60, y, f"{num}.  {text}", 10.5, font="Times-Bold", color=(0.1, 0.12, 0.25))
    c.setStrokeColorRGB(0.7, 0.7, 0.75)
    c.setLineWidth(0.3)
    c.line(60, y - 4, W - 60, y - 4)
    return y - 22


def el_choice(c, x, y, label, options, selected):
    smallcaps(c, x, y, label, 7.6)
    y -= 18
    cx = x
    for code, text in options:
        c.setStrokeColorRGB(0.3, 0.3, 0.35)
        c.setLineWidth(0.5)
        c.rect(cx, y - 2, 9, 9)
        if code == selected:
            c.setFillColorRGB(*INK)
            c.setFont(HAND, 11)
            c.drawString(cx + 1.2, y - 0.5, "X")
        c.setFillColorRGB(0.15, 0.15, 0.2)
        c.setFont("Times-Roman", 10)
        c.drawString(cx + 14, y, text)
        cx += 20 + stringWidth(text, "Times-Roman", 10) + 24
    c.setFillColorRGB(0, 0, 0)
    return y - 22


def render_elegant(doc, path):
    ft = doc["form_type"]
    c = new_canvas(path, "Royal Borough of Kestlebury")
    L, R = 60, W - 60
    full_w = R - L
    g = 16
    if ft == "council_tax_spd":
        y = el_header(c, "Application for a Single Person Discount", "Form CT/SPD/3  (revised April 2026)")
        y = para(c, L, y, "If you are the only adult (aged 18 or over) living in your home you may be entitled to a "
                 "25% reduction in your Council Tax. Please complete this form in ink and return it to the "
                 "Revenues Office, Town Hall, Market Square, Kestlebury KB1 1TH.", "Times-Roman", 9.5, full_w) - 8
        y = el_section(c, y, "I", "The property and the account holder")
        y1 = el_field(c, L, y, full_w * 0.38, "Council Tax account number", pv(doc, "account_ref"))
        el_field(c, L + full_w * 0.38 + g, y, full_w * 0.62 - g, "Full name of applicant", pv(doc, "applicant_name"))
        y = y1
        y = el_field(c, L, y, full_w, "Address of the property", pv(doc, "address"))
        y1 = el_field(c, L, y, full_w * 0.6, "Town or village", doc["town"])
        el_field(c, L + full_w * 0.6 + g, y, full_w * 0.4 - g, "Postcode", pv(doc, "postcode"))
        y = el_section(c, y1, "II", "Your circumstances")
        y = el_field(c, L, y, full_w * 0.55, "I have been the only adult living here since",
                     pv(doc, "sole_adult_since"))
        y = el_field(c, L, y, full_w, "Name of the adult who has moved out", pv(doc, "other_adult_name"))
        y = el_field(c, L, y, full_w, "Their new address, if known", pv(doc, "other_adult_forwarding_address"))
        y = el_field(c, L, y, full_w, "Please tell us what has changed", pv(doc, "change_description"), lines=2)
        y = el_section(c, y, "III", "How we may contact you")
        y1 = el_field(c, L, y, full_w * 0.4, "Daytime telephone", pv(doc, "phone"))
        el_field(c, L + full_w * 0.4 + g, y, full_w * 0.6 - g, "Email address", pv(doc, "email"))
        y = el_section(c, y1, "IV", "Declaration")
        y = para(c, L, y, "I declare that the information I have given is correct and complete. I understand that I "
                 "must tell the Council within 21 days if another adult comes to live at the property.",
                 "Times-Italic", 9, full_w) - 10
        y1 = el_field(c, L, y, full_w * 0.6, "Signature", doc["signature"])
        el_field(c, L + full_w * 0.6 + g, y, full_w * 0.4 - g, "Date", pv(doc, "declaration_date"))
    else:  # council_tax_move
        y = el_header(c, "Moving Home: Notification for Council Tax", "Form CT/MV/1  (revised April 2026)")
        y = para(c, L, y, "Please use this form to tell us that you are moving into, or out of, a property in the "
                 "Royal Borough. Complete both address sections where you can.", "Times-Roman", 9.5, full_w) - 8
        y = el_section(c, y, "I", "Your move")
        y = el_choice(c, L, y, "Please mark one box", [("in", "I am moving into a property in the Borough"),
                                                          ("out", "I am leaving a property in the Borough")],
                      doc["fields"]["move_type"])
        y1 = el_field(c, L, y, full_w * 0.62, "Full name", pv(doc, "applicant_name"))
        el_field(c, L + full_w * 0.62 + g, y, full_w * 0.38 - g, "Date of your move", pv(doc, "move_date"))
        y = el_field(c, L, y1, full_w * 0.45, "Council Tax account number (if known)", pv(doc, "account_ref"))
        y = el_section(c, y, "II", "The address you are leaving")
        y = el_field(c, L, y, full_w, "House name or number and street", pv(doc, "previous_address"))
        y1 = el_field(c, L, y, full_w * 0.6, "Town", doc.get("prev_town") if "previous_address" in doc["fields"] else None)
        el_field(c, L + full_w * 0.6 + g, y, full_w * 0.4 - g, "Postcode", pv(doc, "previous_postcode"))
        y = el_section(c, y1, "III", "Your new address")
        y = el_field(c, L, y, full_w, "House name or number and street", pv(doc, "new_address"))
        y1 = el_field(c, L, y, full_w * 0.6, "Town", doc.get("new_town") if "new_address" in doc["fields"] else None)
        el_field(c, L + full_w * 0.6 + g, y, full_w * 0.4 - g, "Postcode", pv(doc, "new_postcode"))
        y = el_section(c, y1, "IV", "Contact and declaration")
        y1 = el_field(c, L, y, full_w * 0.4, "Telephone", pv(doc, "phone"))
        el_field(c, L + full_w * 0.4 + g, y, full_w * 0.6 - g, "Email", pv(doc, "email"))
        y = para(c, L, y1, "I confirm that the details above are true to the best of my knowledge.",
                 "Times-Italic", 9, full_w) - 10
        y1 = el_field(c, L, y, full_w * 0.6, "Signature", doc["signature"])
        el_field(c, L + full_w * 0.6 + g, y, full_w * 0.4 - g, "Date", pv(doc, "declaration_date"))
    c.setFont("Times-Roman", 7)
    c.setFillColorRGB(0.45, 0.45, 0.45)
    c.drawCentredString(W / 2, 30, "Royal Borough of Kestlebury  \u00b7  Town Hall, Market Square, Kestlebury KB1 1TH"
                                   "  \u00b7  www.kestlebury.gov.uk/counciltax")
    c.showPage()
    c.save()


# ---------- Layout 2: table ----------
def render_table(doc, path):
    ft = doc["form_type"]
    c = new_canvas(path, "Kestlebury form")
    L = 40
    cw = [34, 245, W - 80 - 34 - 245]
    if ft == "council_tax_spd":
        title = "Council Tax - Single Person Discount Application"
        rows = [("S", "Part A: The account and the property"),
                ("Q", "Council tax reference number (top right of your bill)", pv(doc, "account_ref")),
                ("Q", "Your name (please include your title)", pv(doc, "applicant_name")),
                ("Q", "House number or name, and street", pv(doc, "address")),
                ("Q", "Town", doc["town"]),
                ("Q", "Postcode", pv(doc, "postcode")),
                ("S", "Part B: Who lives at the property"),
                ("Q", "From what date have you been the only person aged 18 or over living there?",
                 pv(doc, "sole_adult_since")),
                ("Q", "Full name of the person who has left", pv(doc, "other_adult_name")),
                ("Q", "Where have they gone to live? (full address if known)",
                 pv(doc, "other_adult_forwarding_address")),
                ("Q", "Briefly explain the change in your household", pv(doc, "change_description")),
                ("S", "Part C: Contact details"),
                ("Q", "Telephone number", pv(doc, "phone")),
                ("Q", "Email address", pv(doc, "email")),
                ("S", "Part D: Declaration - I confirm the information given is true and complete"),
                ("Q", "Signed", doc["signature"]),
                ("Q", "Date signed", pv(doc, "declaration_date"))]
        ref_line = "Ref: RB/SPD/T2"
    else:
        title = "Application for a Residents' Parking Permit"
        z = doc["fields"].get("zone")
        zone_ans = None
        if z:
            zone_ans = rng.choice([z, f"{z} ({ZONES.get(z, '')})", f"Zone {z}"]) if z in ZONES else z
        rows = [("S", "Section 1: Applicant"),
                ("Q", "Full name (Mr/Mrs/Ms/Dr etc.)", pv(doc, "applicant_name")),
                ("Q", "Address in the permit zone - number/name and street", pv(doc, "address")),
                ("Q", "Town", doc["town"]),
                ("Q", "Postcode", pv(doc, "postcode")),
                ("Q", "Daytime telephone", pv(doc, "phone")),
                ("Q", "Email", pv(doc, "email")),
                ("S", "Section 2: Vehicle and permit"),
                ("Q", "Vehicle registration number", pv(doc, "vrm")),
                ("Q", "Make and model", pv(doc, "vehicle_make")),
                ("Q", "Which zone do you need a permit for? (KA Abbey Quarter, KB Belvedere, KC Castle Hill)",
                 zone_ans),
                ("Q", "Date you want the permit to start", pv(doc, "start_date")),
                ("S", "Section 3: Declaration - I live at the address above and the vehicle is kept there"),
                ("Q", "Signature of applicant", doc["signature"]),
                ("Q", "Date", pv(doc, "declaration_date"))]
        ref_line = "Ref: PK/RES/01"
    # header
    c.setFont("Helvetica-Bold", 12)
    c.drawString(L, H - 50, "Royal Borough of Kestlebury")
    c.setFont("Helvetica", 8)
    c.drawString(L, H - 62, "Town Hall, Market Square, Kestlebury KB1 1TH   Tel 01632 960000")
    c.setFont("Helvetica-Bold", 14)
    c.drawString(L, H - 90, title)
    c.setFont("Helvetica", 8)
    c.drawRightString(W - 40, H - 50, ref_line)
    y = para(c, L, H - 106, "Please answer every question. Incomplete forms may be returned to you. "
             "For office use boxes are on the back of this form.", "Helvetica", 8.5, W - 80) - 6
    # table
    c.setFont("Helvetica-Bold", 9)
    hdr_h = 16
    c.setFillColorRGB(0.2, 0.25, 0.35)
    c.rect(L, y - hdr_h, sum(cw), hdr_h, fill=1, stroke=0)
    c.setFillColorRGB(1, 1, 1)
    c.drawString(L + 4, y - 11, "No.")
    c.drawString(L + cw[0] + 4, y - 11, "Question")
    c.drawString(L + cw[0] + cw[1] + 4, y - 11, "Answer")
    c.setFillColorRGB(0, 0, 0)
    y -= hdr_h
    c.setLineWidth(0.6)
    n = 0
    top_table = y + hdr_h
    for r in rows:
        if r[0] == "S":
            h = 16
            c.setFillColorRGB(0.86, 0.88, 0.92)
            c.rect(L, y - h, sum(cw), h, fill=1, stroke=1)
            c.setFillColorRGB(0, 0, 0)
            c.setFont("Helvetica-Bold", 9)
            c.drawString(L + 4, y - 11.5, r[1])
            y -= h
            continue
        n += 1
        ql = wrap(r[1], "Helvetica", 8.5, cw[1] - 8)
        al = wrap(r[2], "Helvetica", 10, cw[2] - 8) if r[2] else []
        h = max(len(ql) * 10.5, len(al) * 12.5, 12) + 8
        c.rect(L, y - h, cw[0], h)
        c.rect(L + cw[0], y - h, cw[1], h)
        c.rect(L + cw[0] + cw[1], y - h, cw[2], h)
        c.setFont("Helvetica", 8.5)
        c.drawString(L + 6, y - 12, f"{n}")
        for i, ln in enumerate(ql):
            c.drawString(L + cw[0] + 4, y - 12 - i * 10.5, ln)
        c.setFont("Helvetica", 10)
        for i, ln in enumerate(al):
            c.drawString(L + cw[0] + cw[1] + 4, y - 12.5 - i * 12.5, ln)
        y -= h
    c.setLineWidth(1.2)
    c.rect(L, y, sum(cw), top_table - y)
    c.setFont("Helvetica", 7)
    c.drawString(L, 34, "Data protection: we use the information on this form to administer your application. "
                        "See www.kestlebury.gov.uk/privacy")
    c.showPage()
    c.save()


# ---------- Layout 3: boxed ----------
def box(c, x, y, w, h, label, value, multiline=False):
    c.setStrokeColorRGB(0.35, 0.4, 0.5)
    c.setLineWidth(0.7)
    c.rect(x, y - h, w, h)
    c.setFillColorRGB(0.5, 0.5, 0.5)
    c.setFont("Helvetica", 6.3)
    c.drawString(x + 3, y - 8, label)
    c.setFillColorRGB(0, 0, 0)
    if value:
        c.setFont("Helvetica", 10)
        if multiline:
            for i, ln in enumerate(wrap(value, "Helvetica", 10, w - 8)):
                c.drawString(x + 4, y - 20 - i * 12, ln)
        else:
            c.drawString(x + 4, y - h + 7, value)


def tick(selected):
    if HAVE_DEJAVU:
        return "\u2612" if selected else "\u2610"
    return "[X]" if selected else "[ ]"


def box_choice(c, x, y, w, h, label, options, selected):
    c.setStrokeColorRGB(0.35, 0.4, 0.5)
    c.setLineWidth(0.7)
    c.rect(x, y - h, w, h)
    c.setFillColorRGB(0.5, 0.5, 0.5)
    c.setFont("Helvetica", 6.3)
    c.drawString(x + 3, y - 8, label)
    c.setFillColorRGB(0, 0, 0)
    cx = x + 5
    for code, text in options:
        c.setFont("DejaVu" if HAVE_DEJAVU else "Helvetica", 11)
        mark = tick(code == selected)
        c.drawString(cx, y - h + 7, mark)
        cx += stringWidth(mark, "DejaVu" if HAVE_DEJAVU else "Helvetica", 11) + 3
        c.setFont("Helvetica", 9.5)
        c.drawString(cx, y - h + 7, text)
        cx += stringWidth(text, "Helvetica", 9.5) + 16


def render_boxed(doc, path):
    ft = doc["form_type"]
    f = doc["fields"]
    c = new_canvas(path, "Kestlebury")
    L = 36
    FW = W - 72
    c.setFillColorRGB(0.05, 0.3, 0.32)
    c.rect(0, H - 78, W, 78, fill=1, stroke=0)
    c.setFillColorRGB(1, 1, 1)
    c.setFont("Helvetica-Bold", 17)
    c.drawString(L, H - 36, "Royal Borough of Kestlebury")
    c.setFont("Helvetica", 11)
    sub = "Council Tax: moving home" if ft == "council_tax_move" else "Residents' parking permit application"
    c.drawString(L, H - 56, sub)
    c.setFont("Helvetica", 7.5)
    c.drawRightString(W - L, H - 36, "CT-MOVE-B" if ft == "council_tax_move" else "PP-APP-B")
    c.drawRightString(W - L, H - 48, "Please write clearly inside the boxes")
    c.setFillColorRGB(0, 0, 0)
    y = H - 96
    BH = 30
    gap = 6

    def row(y, spec, h=BH):
        x = L
        total = sum(s[0] for s in spec) 
        avail = FW - gap * (len(spec) - 1)
        for frac, label, value, *rest in spec:
            w = avail * frac / total
            if rest and rest[0] == "choice":
                box_choice(c, x, y, w, h, label, rest[1], rest[2])
            else:
                box(c, x, y, w, h, label, value, multiline=bool(rest and rest[0] == "multi"))
            x += w + gap
        return y - h - gap

    def heading(y, text):
        c.setFont("Helvetica-Bold", 10)
        c.setFillColorRGB(0.05, 0.3, 0.32)
        c.drawString(L, y - 10, text)
        c.setFillColorRGB(0, 0, 0)
        return y - 16

    if ft == "council_tax_move":
        y = heading(y, "1  Your move")
        y = row(y, [(5, "Tick one", None, "choice", [("in", "I am moving in"), ("out", "I am moving out")],
                     f["move_type"]),
                    (2, "Date of move", pv(doc, "move_date")),
                    (3, "Council tax account no. (moving out only)", pv(doc, "account_ref"))])
        y = heading(y, "2  About you")
        y = row(y, [(5, "Full name", pv(doc, "applicant_name")), (2.5, "Phone", pv(doc, "phone")),
                    (3.5, "Email", pv(doc, "email"))])
        y = heading(y, "3  Address you are leaving")
        has_prev = "previous_address" in f
        y = row(y, [(6, "House no./name and street", pv(doc, "previous_address")),
                    (3, "Town", doc.get("prev_town") if has_prev else None),
                    (2, "Postcode", pv2(doc, "previous_postcode"))])
        y = heading(y, "4  Address you are moving to")
        has_new = "new_address" in f
        y = row(y, [(6, "House no./name and street", pv(doc, "new_address")),
                    (3, "Town", doc.get("new_town") if has_new else None),
                    (2, "Postcode", pv2(doc, "new_postcode"))])
        y = heading(y, "5  Declaration")
        y = para(c, L, y - 4, "I declare that the information on this form is correct. I understand that giving "
                 "false information to reduce council tax is an offence.", "Helvetica", 8, FW) - 4
        y = row(y, [(6, "Signature", doc["signature"]), (3, "Date", pv(doc, "declaration_date"))], h=34)
    else:
        y = heading(y, "1  Applicant")
        y = row(y, [(6, "Name in full", pv(doc, "applicant_name")), (3, "Telephone", pv(doc, "phone"))])
        y = row(y, [(5, "Number/name and street", pv(doc, "address")), (3, "Town", doc["town"]),
                    (2, "Postcode", pv(doc, "postcode"))])
        y = row(y, [(1, "Email address", pv(doc, "email"))])
        y = heading(y, "2  Vehicle")
        y = row(y, [(3, "Registration", pv(doc, "vrm")), (4, "Make / model", pv(doc, "vehicle_make")),
                    (3, "Permit to start on", pv(doc, "start_date"))])
        y = heading(y, "3  Zone (tick one)")
        y = row(y, [(1, "Residents' parking zone", None, "choice",
                     [(k, f"{k} {v}") for k, v in ZONES.items()], f.get("zone"))])
        y = heading(y, "4  Declaration")
        y = para(c, L, y - 4, "I confirm that I live at the address given and that the vehicle is registered to "
                 "or kept at that address. A permit does not guarantee a parking space.", "Helvetica", 8, FW) - 4
        y = row(y, [(6, "Signature", doc["signature"]), (3, "Date", pv(doc, "declaration_date"))], h=34)
    c.setFont("Helvetica", 7)
    c.setFillColorRGB(0.4, 0.4, 0.4)
    c.drawString(L, 30, "Return to: Customer Services, Town Hall, Market Square, Kestlebury KB1 1TH")
    c.showPage()
    c.save()


def pv2(doc, key):
    f = doc["fields"]
    if key not in f:
        return None
    return fmt_pc(f[key], doc["pc_style"])


# ---------- Layout 4: case-management print-out ----------
def render_casemgmt(doc, path):
    ft = doc["form_type"]
    f = doc["fields"]
    c = new_canvas(path, "CASE PRINT")
    font = "Courier"
    size = 9
    lh = 11.5
    x = 42
    y = H - 50
    c.setFont(font, size)
    caseno = doc["case_no"]
    recv = doc["received"]
    hdr = ["ROYAL BOROUGH OF KESTLEBURY            CUSTOMER CASE MANAGEMENT SYSTEM  R4.2",
           f"CASE REF: {caseno:<22}         PAGE 1 OF 1",
           f"RECEIVED: {recv}            CHANNEL: {doc['channel']}",
           "=" * 80]
    for ln in hdr:
        c.drawString(x, y, ln)
        y -= lh

    def kv(label, value):
        nonlocal y
        lab = (label + " ").ljust(30, ".") + " : "
        if value is None:
            c.drawString(x, y, lab)
            y -= lh
            return
        chunks = wrap(value, font, size, stringWidth("x", font, size) * 46)
        for i, ch in enumerate(chunks):
            c.drawString(x, y, (lab if i == 0 else " " * len(lab)) + ch)
            y -= lh

    def section(t):
        nonlocal y
        y -= 4
        c.drawString(x, y, f"--- {t} " + "-" * (74 - len(t)))
        y -= lh + 2

    if ft == "council_tax_spd":
        c.drawString(x, y, "CASE TYPE: CTAX SINGLE PERSON DISCOUNT (SPD) APPLICATION")
        y -= lh
        section("ACCOUNT")
        kv("CTAX ACCOUNT NO", pv(doc, "account_ref"))
        kv("CUSTOMER NAME", pv(doc, "applicant_name"))
        kv("PROPERTY ADDRESS LINE 1", pv(doc, "address"))
        kv("PROPERTY TOWN", doc["town"])
        kv("PROPERTY POSTCODE", pv(doc, "postcode"))
        section("CIRCUMSTANCES")
        kv("SOLE ADULT OCCUPIER FROM", pv(doc, "sole_adult_since"))
        kv("ADULT NO LONGER RESIDENT", pv(doc, "other_adult_name"))
        kv("FORWARDING ADDRESS (ADULT)", pv(doc, "other_adult_forwarding_address"))
        kv("CUSTOMER STATEMENT", pv(doc, "change_description"))
        section("CONTACT")
        kv("CONTACT TEL", pv(doc, "phone"))
        kv("CONTACT EMAIL", pv(doc, "email"))
        section("DECLARATION")
        kv("DECLARATION ACCEPTED", "Y")
        kv("DECLARATION DATE", pv(doc, "declaration_date"))
    elif ft == "council_tax_move":
        c.drawString(x, y, "CASE TYPE: CTAX CHANGE OF ADDRESS")
        y -= lh
        section("MOVE")
        kv("MOVEMENT TYPE", {"in": "IN - MOVING INTO BOROUGH PROPERTY",
                             "out": "OUT - VACATING BOROUGH PROPERTY"}[f["move_type"]])
        kv("EFFECTIVE DATE OF MOVE", pv(doc, "move_date"))
        kv("CTAX ACCOUNT NO", pv(doc, "account_ref"))
        kv("CUSTOMER NAME", pv(doc, "applicant_name"))
        section("VACATED PROPERTY")
        kv("ADDRESS LINE 1", pv(doc, "previous_address"))
        kv("TOWN", doc.get("prev_town") if "previous_address" in f else None)
        kv("POSTCODE", pv2(doc, "previous_postcode"))
        section("NEW / OCCUPIED PROPERTY")
        kv("ADDRESS LINE 1", pv(doc, "new_address"))
        kv("TOWN", doc.get("new_town") if "new_address" in f else None)
        kv("POSTCODE", pv2(doc, "new_postcode"))
        section("CONTACT")
        kv("CONTACT TEL", pv(doc, "phone"))
        kv("CONTACT EMAIL", pv(doc, "email"))
        section("DECLARATION")
        kv("DECLARATION ACCEPTED", "Y")
        kv("DECLARATION DATE", pv(doc, "declaration_date"))
    else:
        c.drawString(x, y, "CASE TYPE: PARKING - RESIDENT PERMIT NEW/RENEW")
        y -= lh
        section("APPLICANT")
        kv("APPLICANT NAME", pv(doc, "applicant_name"))
        kv("ADDRESS LINE 1", pv(doc, "address"))
        kv("TOWN", doc["town"])
        kv("POSTCODE", pv(doc, "postcode"))
        kv("CONTACT TEL", pv(doc, "phone"))
        kv("CONTACT EMAIL", pv(doc, "email"))
        section("VEHICLE / PERMIT")
        kv("VEHICLE REG MARK", pv(doc, "vrm"))
        kv("VEHICLE MAKE/MODEL", pv(doc, "vehicle_make"))
        z = f.get("zone")
        kv("CPZ REQUESTED", f"{z} ({ZONES[z].upper()})" if z in ZONES else z)
        kv("PERMIT START DATE", pv(doc, "start_date"))
        section("DECLARATION")
        kv("DECLARATION ACCEPTED", "Y")
        kv("DECLARATION DATE", pv(doc, "declaration_date"))
    y -= 6
    c.drawString(x, y, "=" * 80)
    y -= lh
    c.drawString(x, y, "STATUS: AWAITING ASSESSMENT      QUEUE: BACK OFFICE      ** END OF CASE PRINT **")
    c.showPage()
    c.save()


# ---------- Layout 5: AcroForm ----------
def render_acroform(doc, path):
    ft = doc["form_type"]
    f = doc["fields"]
    person = doc["person"]
    c = new_canvas(path, "Kestlebury fillable form")
    af = c.acroForm
    L = 50
    c.setFont("Helvetica-Bold", 15)
    c.setFillColorRGB(0.45, 0.05, 0.2)
    c.drawString(L, H - 56, "Royal Borough of Kestlebury")
    c.setFillColorRGB(0, 0, 0)
    c.setFont("Helvetica", 11)
    c.drawString(L, H - 74, "Council Tax - tell us you are moving" if ft == "council_tax_move"
                 else "Residents' Parking Permit - application")
    c.setFont("Helvetica", 7.5)
    c.drawRightString(W - L, H - 56, "Fillable PDF - v3.1")
    c.drawRightString(W - L, H - 66, "Save and email to forms@kestlebury.gov.uk")
    y = H - 100

    def label(x, y, text, size=8.5):
        c.setFont("Helvetica", size)
        c.drawString(x, y, text)

    def tf(name, x, y, w, value, tip, h=17):
        af.textfield(name=name, tooltip=tip, x=x, y=y - h + 4, width=w, height=h,
                     value=value or "", fontName="Helvetica", fontSize=10, borderWidth=0.8,
                     forceBorder=True, maxlen=200)

    def head(y, t):
        c.setFillColorRGB(0.45, 0.05, 0.2)
        c.setFont("Helvetica-Bold", 10)
        c.drawString(L, y, t)
        c.setFillColorRGB(0, 0, 0)
        return y - 18

    name_title = "applicant_name" in f and f["applicant_name"].startswith(person["title"] + " ")

    def person_block(y):
        label(L, y, "Title")
        label(L + 60, y, "Forename(s)")
        label(L + 230, y, "Surname")
        y -= 12
        tf("txtTitle", L, y, 50, person["title"] if name_title else "", "Title")
        tf("txtForename", L + 60, y, 160, person["first"], "Forename")
        tf("txtSurname", L + 230, y, 265, person["last"], "Surname")
        y -= 24
        label(L, y, "Telephone")
        label(L + 160, y, "Email")
        y -= 12
        tf("txtTel", L, y, 150, f.get("phone"), "Telephone")
        tf("txtEmail", L + 160, y, 335, f.get("email"), "Email")
        return y - 28

    def addr_block(y, prefix, line1, town, pc):
        hn, st = split_house(line1) if line1 else ("", "")
        label(L, y, "House number or name")
        label(L + 150, y, "Street")
        y -= 12
        tf(f"txt{prefix}HouseNo", L, y, 140, hn, "House number or name")
        tf(f"txt{prefix}Street", L + 150, y, 345, st, "Street")
        y -= 24
        label(L, y, "Town")
        label(L + 250, y, "Postcode")
        y -= 12
        tf(f"txt{prefix}Town", L, y, 240, town if line1 else "", "Town")
        tf(f"txt{prefix}Postcode", L + 250, y, 100, pc, "Postcode")
        return y - 28

    if ft == "council_tax_move":
        y = head(y, "1. Are you moving in or moving out?")
        for val, text in (("MovingIn", "I am moving into a property in Kestlebury"),
                          ("MovingOut", "I am moving out of a property in Kestlebury")):
            af.radio(name="optMoveDirection", value=val, selected=(val == ("MovingIn" if f["move_type"] == "in"
                                                                            else "MovingOut")),
                     x=L, y=y - 3, size=11, buttonStyle="circle", shape="circle", borderWidth=0.8)
            label(L + 18, y, text, 9)
            y -= 16
        y -= 6
        y = head(y, "2. Your details")
        y = person_block(y)
        y = head(y, "3. Council tax account number (if moving out)")
        tf("txtAccountNo", L, y, 160, pv(doc, "account_ref"), "Account number")
        y -= 30
        y = head(y, "4. Address you are moving out of")
        y = addr_block(y, "Old", f.get("previous_address"), doc.get("prev_town"), pv2(doc, "previous_postcode"))
        y = head(y, "5. Address you are moving to")
        y = addr_block(y, "New", f.get("new_address"), doc.get("new_town"), pv2(doc, "new_postcode"))
        y = head(y, "6. Date of move")
        tf("txtMoveDate", L, y, 120, pv(doc, "move_date"), "Date of move (dd/mm/yyyy)")
        y -= 30
    else:
        y = head(y, "1. Your details")
        y = person_block(y)
        y = head(y, "2. Your address (must be in a permit zone)")
        y = addr_block(y, "", f.get("address"), doc.get("town"), pv(doc, "postcode"))
        y = head(y, "3. Your vehicle")
        label(L, y, "Registration number")
        label(L + 150, y, "Make and model")
        label(L + 350, y, "Start date")
        y -= 12
        tf("txtVRM", L, y, 140, pv(doc, "vrm"), "Vehicle registration")
        tf("txtMake", L + 150, y, 190, f.get("vehicle_make"), "Make")
        tf("txtStartDate", L + 350, y, 145, pv(doc, "start_date"), "Start date")
        y -= 30
        y = head(y, "4. Permit zone")
        x = L
        for k, v in ZONES.items():
            af.radio(name="optZone", value=k, selected=(f.get("zone") == k), x=x, y=y - 3, size=11,
                     buttonStyle="circle", shape="circle", borderWidth=0.8)
            label(x + 16, y, f"{k} - {v}", 9)
            x += 150
        y -= 28
    y = head(y, "Declaration")
    af.checkbox(name="chkDeclaration", checked=True, x=L, y=y - 4, size=11, buttonStyle="check",
                borderWidth=0.8)
    y = para(c, L + 18, y, "I confirm the information I have given is correct and complete.", "Helvetica", 8.5,
             W - 2 * L - 18) - 8
    label(L, y, "Name of person completing the form")
    label(L + 300, y, "Date")
    y -= 12
    tf("txtSignature", L, y, 280, doc["signature"], "Signature")
    tf("txtDateSigned", L + 300, y, 120, pv(doc, "declaration_date"), "Date signed")
    c.showPage()
    c.save()


# ---------- Layout 6: correspondence ----------
COUNCIL_ADDR = ["Council Tax and Customer Services", "Royal Borough of Kestlebury", "Town Hall", "Market Square",
                "Kestlebury", "KB1 1TH"]


def corr_text(doc):
    c = doc["corr"]
    ds = c["body_date_style"]
    vals = {}
    for i, d in enumerate(c["dates"]):
        vals[f"D{i + 1}"] = fmt_date(d, ds)
    if c["ref"]:
        vals["REF"] = fmt_ref(c["ref"], c["ref_style"])
    paras = [p.format(**vals) for p in c["paras"]]
    return paras


def render_corr(doc, path):
    cc = doc["corr"]
    paras = corr_text(doc)
    f = doc["fields"]
    cv = canvas.Canvas(path, pagesize=A4, invariant=1)
    body_parts = []
    if cc["variant"] == "letter":
        font, size = "Times-Roman", 11
        x = 72
        y = H - 70
        if cc["p"] is not None:
            lines = [cc["p"]["line1"]] + ([cc["p"]["line2"]] if cc["p"]["line2"] else []) + \
                    [cc["p"]["town"], fmt_pc(cc["p"]["postcode"], "plain")]
            cv.setFont(font, size)
            for ln in lines:
                cv.drawRightString(W - 72, y, ln)
                y -= 14
        y -= 10
        cv.setFont(font, size)
        cv.drawRightString(W - 72, y, fmt_date(cc["date"], cc["body_date_style"]))
        y -= 28
        for ln in COUNCIL_ADDR:
            cv.drawString(x, y, ln)
            y -= 14
        y -= 16
        if cc.get("subject"):
            cv.setFont("Times-Bold", size)
            cv.drawString(x, y, cc["subject"])
            y -= 22
        cv.setFont(font, size)
        cv.drawString(x, y, cc["salutation"])
        body_parts.append(cc["salutation"])
        y -= 22
        for ptxt in paras:
            y = para(cv, x, y, ptxt, font, size, W - 144, 14.5) - 8
            body_parts.append(ptxt)
        y -= 4
        cv.drawString(x, y, cc["closing"])
        body_parts.append(cc["closing"])
        y -= 40
        if cc["sign"]:
            cv.setFont(font, size)
            cv.drawString(x, y - 4, cc["sign"])
            body_parts.append(cc["sign"])
    else:
        font, size = "Helvetica", 10
        x = 50
        y = H - 50
        cv.setFont("Helvetica-Bold", 12)
        cv.drawString(x, y, cc["subject"])
        y -= 22
        d = cc["date"]
        sent = f"{DAYS[d.weekday()]}, {d.day} {MONTHS[d.month - 1]} {d.year} {rng.randint(7, 22):02d}:{rng.randint(0, 59):02d}"
        frm = (f"{full(cc['app'])} <{email_for(cc['app'])}>" if cc["app"] else cc["from_addr"])
        for k, v in (("From:", frm), ("Sent:", sent), ("To:", "customer.services@kestlebury.gov.uk"),
                     ("Subject:", cc["subject"])):
            cv.setFont("Helvetica-Bold", 9.5)
            cv.drawString(x, y, k)
            cv.setFont("Helvetica", 9.5)
            cv.drawString(x + 55, y, v)
            y -= 13
        cv.setLineWidth(0.5)
        cv.line(x, y + 2, W - 50, y + 2)
        y -= 20
        cv.setFont(font, size)
        if cc["salutation"]:
            cv.drawString(x, y, cc["salutation"])
            body_parts.append(cc["salutation"])
            y -= 20
        for ptxt in paras:
            y = para(cv, x, y, ptxt, font, size, W - 100, 13) - 8
            body_parts.append(ptxt)
        cv.drawString(x, y, cc["closing"])
        body_parts.append(cc["closing"])
        y -= 14
        if cc["sign"]:
            cv.drawString(x, y, cc["sign"])
            body_parts.append(cc["sign"])
            y -= 13
            p = cc["p"]
            if p is not None:
                for ln in [p["line1"], p["town"] + " " + fmt_pc(p["postcode"], "plain")]:
                    cv.drawString(x, y, ln)
                    y -= 13
            if rng.random() < 0.6:
                cv.drawString(x, y, phone())
                y -= 13
    cv.showPage()
    cv.save()
    f["body"] = " ".join(" ".join(body_parts).split())
    # dates: every full calendar date on the page, first appearance order
    dl = [cc["date"]] + list(cc["dates"])
    seen = []
    for d in dl:
        if d.isoformat() not in seen:
            seen.append(d.isoformat())
    f["dates_mentioned"] = seen


# ===========================================================================
# Workbook
# ===========================================================================
def write_workbook(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "properties"
    ws.append(["uprn", "address_line_1", "address_line_2", "town", "postcode", "council_tax_band", "ward",
               "parking_zone"])
    for p in sorted(props, key=lambda p: p["uprn"]):
        ws.append([p["uprn"], p["line1"], p["line2"] or None, p["town"], p["postcode"], p["band"], p["ward"],
                   p["zone"] or None])
    ws2 = wb.create_sheet("council_tax_accounts")
    ws2.append(["account_ref", "uprn", "liable_parties", "status", "start_date", "end_date", "discounts"])
    for a in sorted(accounts, key=lambda a: a["ref"]):
        ws2.append([a["ref"], a["uprn"], "; ".join(a["liable"]), a["status"], a["start"], a["end"],
                    a["discounts"] or None])
    for row in ws2.iter_rows(min_row=2):
        row[0].number_format = "@"
        row[4].number_format = "yyyy-mm-dd"
        row[5].number_format = "yyyy-mm-dd"
    ws3 = wb.create_sheet("electoral_register")
    ws3.append(["elector_number", "full_name", "uprn"])
    counters = {}
    for e in sorted(electors, key=lambda e: (PROP_BY_UPRN[e["uprn"]]["ward"], e["uprn"], e["name"])):
        wc = WARD_CODE[PROP_BY_UPRN[e["uprn"]]["ward"]]
        counters[wc] = counters.get(wc, 100) + 1
        ws3.append([f"{wc}-{counters[wc]}", e["name"], e["uprn"]])
    ws4 = wb.create_sheet("parking_permits")
    ws4.append(["permit_ref", "uprn", "vrm", "zone", "valid_from", "valid_to"])
    for p in sorted(permits, key=lambda p: p["ref"]):
        ws4.append([p["ref"], p["uprn"], p["vrm"], p["zone"], p["valid_from"], p["valid_to"]])
    for row in ws4.iter_rows(min_row=2):
        row[4].number_format = "yyyy-mm-dd"
        row[5].number_format = "yyyy-mm-dd"
    for s in (ws, ws2, ws3, ws4):
        for col, wdt in zip("ABCDEFGH", [14, 42, 18, 18, 12, 14, 14, 12]):
            s.column_dimensions[col].width = wdt
    wb.properties.creator = "Kestlebury Revenues extract"
    wb.save(path)
    _freeze_xlsx(path)


def _freeze_xlsx(path):
    """Make the saved workbook byte-for-byte reproducible (fixed timestamps)."""
    import zipfile
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(<)", rb"\g<1>2026-12-04T08:00:00Z\g<3>",
                              data)
            zi = zipfile.ZipInfo(name, date_time=(2026, 12, 4, 8, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


# ===========================================================================
# Main
# ===========================================================================
RENDER = {"elegant": render_elegant, "table": render_table, "boxed": render_boxed, "casemgmt": render_casemgmt,
          "acroform": render_acroform, "correspondence": render_corr}


def main():
    gen_spd()
    gen_move()
    gen_parking()
    gen_corr()
    for d in DOCS:
        if d["form_type"] == "council_tax_spd":
            finalize_desc(d)
        d["vrm_style"] = rng.choice(["space", "space", "plain", "lower"])
        if d["layout"] == "casemgmt":
            d["channel"] = rng.choice(["ONLINE", "ONLINE", "PHONE", "FACE TO FACE"])
            recv = AS_OF - timedelta(days=rng.randint(0, 3))
            d["received"] = f"{recv.strftime('%d/%m/%Y')} {rng.randint(8, 17):02d}:{rng.randint(0, 59):02d}"
            d["case_no"] = {"council_tax_spd": "RB/SPD/", "council_tax_move": "RB/MOV/",
                            "parking_permit": "PK/RES/"}[d["form_type"]] + str(rng.randint(40000, 49999))
    # the duplicate pair: identical answers in both submissions
    dups = [d for d in DOCS if d.get("duplicate_group")]
    dups[1]["fields"] = dict(dups[0]["fields"])
    dups[1]["date_style"] = "dmy_slash"
    order = DOCS[:]
    rng.shuffle(order)
    # keep the two halves of the duplicate pair apart
    inbox = os.path.join(HERE, "inbox")
    if os.path.isdir(inbox):
        shutil.rmtree(inbox)
    os.makedirs(inbox)
    truth = []
    seen_clean = {}
    for i, d in enumerate(order, 1):
        fn = f"doc_{i:04d}.pdf"
        RENDER[d["layout"]](d, os.path.join(inbox, fn))
        key = (d["layout"], d["form_type"])
        split = "test"
        if d["outcome"] == "approved":
            seen_clean[key] = seen_clean.get(key, 0) + 1
            if seen_clean[key] <= 2:
                split = "learn"
        t = {"file": fn, "form_type": d["form_type"], "fields": d["fields"], "outcome": d["outcome"],
             "reasons": d["reasons"], "layout": d["layout"], "split": split}
        if d.get("duplicate_group"):
            t["duplicate_group"] = d["duplicate_group"]
        if d["layout"] == "correspondence":
            t["channel"] = "email" if d["corr"]["variant"] == "email" else "post"
        truth.append(t)
    with open(os.path.join(HERE, "truth.jsonl"), "w") as fh:
        for t in truth:
            fh.write(json.dumps(t, ensure_ascii=False) + "\n")
    write_workbook(os.path.join(HERE, "records.xlsx"))
    n_clean = sum(1 for t in truth if t["outcome"] == "approved")
    n_exc = sum(1 for t in truth if t["outcome"] == "exception")
    n_dup = sum(1 for t in truth if t["outcome"] == "duplicate_pair")
    print(f"{len(truth)} files: {n_clean} approved, {n_exc} exception, {n_dup} duplicate_pair; "
          f"{len(props)} properties, {len(accounts)} accounts, {len(electors)} electors, {len(permits)} permits")


if __name__ == "__main__":
    main()
