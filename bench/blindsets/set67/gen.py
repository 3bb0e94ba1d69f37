#!/usr/bin/env python3
"""Blind test set 67 -- Brackenholm District Council.

Run `python gen.py`: writes records.xlsx, inbox/doc_NNNN.pdf, truth.jsonl next to
this file.  Fully deterministic (fixed seed, reportlab invariant mode).
As-of date for every check: 2026-12-07.
"""
import datetime as dt
import json
import os
import random
import shutil
from pathlib import Path

from openpyxl import Workbook
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
SEED = 6767
AS_OF = dt.date(2026, 12, 7)
D = dt.date
W, H = A4

R = random.Random(SEED)

# ---------------------------------------------------------------- fonts
DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
DEJAVU_B = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
if os.path.exists(DEJAVU) and os.path.exists(DEJAVU_B):
    from reportlab.pdfbase.ttfonts import TTFont
    pdfmetrics.registerFont(TTFont("DejaVu", DEJAVU))
    pdfmetrics.registerFont(TTFont("DejaVu-Bold", DEJAVU_B))
    WEB, WEB_B = "DejaVu", "DejaVu-Bold"
else:  # pragma: no cover
    WEB, WEB_B = "Helvetica", "Helvetica-Bold"

# ---------------------------------------------------------------- formatting helpers
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]


def ordsuf(n):
    if 11 <= n % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def fmt_date(d, style):
    m = MONTHS[d.month - 1]
    return {
        "dmy": f"{d.day:02d}/{d.month:02d}/{d.year}",
        "dmy1": f"{d.day}/{d.month}/{d.year}",
        "dash": f"{d.day:02d}-{d.month:02d}-{d.year}",
        "dot": f"{d.day:02d}.{d.month:02d}.{d.year}",
        "long": f"{d.day} {m} {d.year}",
        "ord": f"{d.day}{ordsuf(d.day)} {m} {d.year}",
        "us": f"{m} {d.day}, {d.year}",
        "iso": d.isoformat(),
        "wlong": f"{d.strftime('%A')} {d.day} {m} {d.year}",
    }[style]


def fmt_acc(ref, style):
    return {"plain": ref, "space": ref[:4] + " " + ref[4:], "dash": ref[:4] + "-" + ref[4:],
            "ct": "CT" + ref}[style]


def fmt_pc(pc, style):
    return {"norm": pc, "nospace": pc.replace(" ", ""), "lower": pc.lower()}[style]


def fmt_vrm(v, style):
    # v normalised; put the space where the DVLA would
    if len(v) == 7 and v[:2].isalpha() and v[2:4].isdigit():
        sp = v[:4] + " " + v[4:]
    elif v[0].isalpha() and v[1].isdigit():      # prefix A123BCD
        sp = v[:-3] + " " + v[-3:]
    elif v[:3].isalpha():                         # suffix ABC123D
        sp = v[:3] + " " + v[3:]
    else:
        sp = v[:len(v) - 3] + " " + v[-3:]
    return {"space": sp, "nospace": v, "lower": sp.lower()}[style]


def d2s(d):
    return d.isoformat() if d else None


def rdate(rng, a, b):
    return a + dt.timedelta(days=rng.randint(0, (b - a).days))


# ---------------------------------------------------------------- gazetteer
STREETS = [
    dict(street="Shore Road", town="Brackenholm", loc="", pc="BK1 1SR", zone="Lakeside", ward="Lakeside", kind="guest", n=18),
    dict(street="Lake Road", town="Brackenholm", loc="", pc="BK1 2LR", zone="Lakeside", ward="Lakeside", kind="num", n=14),
    dict(street="Heron Terrace", town="Brackenholm", loc="", pc="BK1 3HT", zone="Lakeside", ward="Lakeside", kind="num", n=10),
    dict(street="Church Street", town="Brackenholm", loc="", pc="BK2 1DS", zone="B1", ward="Brackenholm Central", kind="num", n=18),
    dict(street="Market Place", town="Brackenholm", loc="", pc="BK2 1NP", zone="B1", ward="Brackenholm Central", kind="num", n=10, first=2),
    dict(street="Kirkgate", town="Brackenholm", loc="", pc="BK2 2JG", zone="B2", ward="Brackenholm Central", kind="num", n=18),
    dict(street="Bridge End", town="Brackenholm", loc="", pc="BK2 3BE", zone="B2", ward="Brackenholm Central", kind="num", n=12),
    dict(street="Station Street", town="Brackenholm", loc="", pc="BK3 1SS", zone="Station", ward="Brackenholm Station", kind="flats", building="Coniston House", n=8),
    dict(street="Station Street", town="Brackenholm", loc="", pc="BK3 1SU", zone="Station", ward="Brackenholm Station", kind="num", n=10, first=10),
    dict(street="Station Approach", town="Brackenholm", loc="", pc="BK3 2SA", zone="Station", ward="Brackenholm Station", kind="flats", building="Fellview Court", n=6),
    dict(street="Station Approach", town="Brackenholm", loc="", pc="BK3 2SB", zone="Station", ward="Brackenholm Station", kind="num", n=8),
    dict(street="Mill Lane", town="Brackenholm", loc="", pc="BK3 4NL", zone="", ward="Brackenholm Station", kind="num", n=14),
    dict(street="Fell Road", town="Skelwater", loc="", pc="BK4 1FR", zone="", ward="Skelwater", kind="cottages", building="Quarry Cottages", n=6),
    dict(street="Fell Road", town="Skelwater", loc="", pc="BK4 1FS", zone="", ward="Skelwater", kind="named",
         names=["Beckside", "High Garth", "Slack Barn", "Raven Crag"]),
    dict(street="Main Street", town="Skelwater", loc="", pc="BK4 2HS", zone="", ward="Skelwater", kind="num", n=16),
    dict(street="Tarn Lane", town="Skelwater", loc="", pc="BK5 1TL", zone="", ward="Skelwater", kind="num", n=10),
    dict(street="Slate Row", town="Skelwater", loc="", pc="BK5 2SL", zone="", ward="Skelwater", kind="num", n=8),
    dict(street="Thornmere Road", town="Thornmere", loc="", pc="BK6 1TR", zone="", ward="Thornmere", kind="num", n=14),
    dict(street="Chapel Brow", town="Thornmere", loc="", pc="BK6 2PB", zone="", ward="Thornmere", kind="num", n=8),
    dict(street="Ghyll Close", town="Thornmere", loc="", pc="BK7 1GH", zone="", ward="Thornmere", kind="num", n=12),
    dict(street="Beck Lane", town="Skelwater", loc="Hawsbeck", pc="BK8 1BL", zone="", ward="Hawsbeck and Lowfell", kind="named",
         names=["Low Beck Farm", "Beck Foot", "Ghyll Head Cottage", "The Old Smithy", "Knott View", "Brow Top"]),
    dict(street="Pike View", town="Brackenholm", loc="Lowfell", pc="BK9 1PW", zone="", ward="Hawsbeck and Lowfell", kind="num", n=10),
]
GUEST_NAMES = {8: "Lakeview", 3: "Fellside", 5: "Heron Lodge", 11: "Windy Brow", 14: "The Moorings", 17: "Bay Tree House"}


def build_gazetteer():
    props = []
    i = 0
    for s in STREETS:
        if s["kind"] == "named":
            lines = [f"{nm}, {s['street']}" for nm in s["names"]]
        elif s["kind"] == "flats":
            lines = [f"Flat {k}, {s['building']}, {s['street']}" for k in range(1, s["n"] + 1)]
        elif s["kind"] == "cottages":
            lines = [f"{k} {s['building']}, {s['street']}" for k in range(1, s["n"] + 1)]
        else:
            first = s.get("first", 1)
            lines = []
            for k in range(first, first + s["n"]):
                if s["kind"] == "guest" and k in GUEST_NAMES:
                    lines.append(f"{GUEST_NAMES[k]}, {k} {s['street']}")
                else:
                    lines.append(f"{k} {s['street']}")
        for ln in lines:
            i += 1
            props.append(dict(
                uprn=100120000000 + i * 13 + R.randint(0, 9), line1=ln, loc=s["loc"], town=s["town"],
                pc=s["pc"], band=R.choices("ABCDEFGH", [14, 22, 24, 16, 11, 7, 4, 2])[0],
                ward=s["ward"], zone=s["zone"], street=s["street"]))
    return props


PROPS = build_gazetteer()
BY_LINE = {p["line1"]: p for p in PROPS}
CLAIMED = set()

# ---------------------------------------------------------------- people
F_FIRST = ["Jane", "Margaret", "Susan", "Helen", "Ruth", "Alison", "Claire", "Joanne", "Emma", "Sarah", "Rachel",
           "Catherine", "Fiona", "Lesley", "Janet", "Elaine", "Gillian", "Hannah", "Lucy", "Amy", "Sophie", "Megan",
           "Eleanor", "Isobel", "Kathryn", "Brenda", "Irene", "Shirley", "Pauline", "Anne", "Mary", "Dorothy",
           "Joyce", "Linda", "Karen", "Nicola", "Victoria", "Zoe", "Bethany", "Charlotte"]
M_FIRST = ["John", "David", "Peter", "Michael", "Stephen", "Andrew", "Paul", "Mark", "Ian", "Robert", "Richard",
           "Alan", "Graham", "Keith", "Neil", "Gary", "Martin", "Philip", "Thomas", "James", "William", "George",
           "Daniel", "Matthew", "Christopher", "Jonathan", "Simon", "Colin", "Derek", "Kenneth", "Barry", "Gordon",
           "Stuart", "Joseph", "Samuel", "Oliver", "Harry", "Jack", "Ben", "Luke"]
SURNAMES = ["Airey", "Tyson", "Dixon", "Hodgson", "Nicholson", "Postlethwaite", "Braithwaite", "Wilson", "Atkinson",
            "Fell", "Gaskell", "Birkett", "Relph", "Harker", "Bowness", "Iredale", "Sharp", "Thwaites", "Benson",
            "Armstrong", "Graham", "Routledge", "Crosthwaite", "Mossop", "Dalzell", "Kendall", "Hartley", "Bell",
            "Jackson", "Pattinson", "Rigg", "Steel", "Walker", "Stephenson", "Robinson", "Slee", "Wren", "Holme",
            "Rawlinson", "Gibson", "Coward", "Tweddle", "Fearon", "Lowther", "Musgrave", "Scott", "Irving", "Hayton",
            "Bainbridge", "Metcalfe", "Longmire", "Wilkinson", "Sewell", "Dobson", "Tinkler", "Jopson", "Cockbain",
            "Hewitson", "Moffat", "Carruthers", "Pears", "Nelson", "Richardson", "Bland", "Ritson", "Park",
            "Kirkbride", "Strong", "Allonby", "Greenhow"]
USED_NAMES = set()


def new_person(rng, gender=None, surname=None):
    gender = gender or rng.choice("FM")
    for _ in range(1000):
        first = rng.choice(F_FIRST if gender == "F" else M_FIRST)
        last = surname or rng.choice(SURNAMES)
        if f"{first} {last}" not in USED_NAMES:
            USED_NAMES.add(f"{first} {last}")
            title = rng.choice(["Mrs", "Ms", "Miss", "Mrs", "Dr"]) if gender == "F" else rng.choice(["Mr", "Mr", "Mr", "Dr"])
            if rng.random() < 0.03:
                title = "Mx"
            return dict(first=first, last=last, gender=gender, title=title, full=f"{first} {last}")
        surname = None
    raise RuntimeError("names exhausted")


# ---------------------------------------------------------------- records
ACCOUNTS, ELECTORS, PERMITS = [], [], []
USED_REFS, USED_VRMS = set(), set()
EL_PREFIX = {"Lakeside": "LS", "Brackenholm Central": "BC", "Brackenholm Station": "BS", "Skelwater": "SK",
             "Thornmere": "TH", "Hawsbeck and Lowfell": "HL"}
EL_COUNT = {}
PERMIT_COUNT = [0]


def new_ref(rng):
    while True:
        r = "61" + f"{rng.randint(0, 999999):06d}"
        if r not in USED_REFS:
            USED_REFS.add(r)
            return r


def fake_ref(rng):
    while True:
        r = "61" + f"{rng.randint(0, 999999):06d}"
        if r not in USED_REFS:
            USED_REFS.add(r)   # reserve so it is never issued
            return r


def add_account(p, liable, status="active", start=None, end=None, discounts="", rng=R):
    ref = new_ref(rng)
    start = start or rdate(rng, D(2006, 1, 1), D(2024, 6, 30))
    if status == "closed" and end is None:
        end = rdate(rng, start + dt.timedelta(days=200), D(2026, 9, 30))
    ACCOUNTS.append(dict(account_ref=ref, uprn=p["uprn"], liable_parties="; ".join(liable), status=status,
                         start_date=start, end_date=end if status == "closed" else None, discounts=discounts))
    return ref


def add_elector(p, name):
    pre = EL_PREFIX[p["ward"]]
    EL_COUNT[pre] = EL_COUNT.get(pre, 0) + 1
    ELECTORS.append(dict(elector_number=f"{pre}-{EL_COUNT[pre] * 7 + 100:04d}", full_name=name, uprn=p["uprn"]))


L_ANY = "ABCDEFGHJKLMNOPRSTUVWXYZ"
AREA = "ABCDEFGHKLMNOPRSVWY"
AGE = [16, 66, 17, 67, 18, 68, 19, 69, 20, 70, 21, 71, 22, 72, 23, 73, 24, 74, 25, 75, 26, 76]


def new_vrm(rng, style="current"):
    while True:
        if style == "current":
            v = rng.choice(AREA) + rng.choice(L_ANY) + f"{rng.choice(AGE):02d}" + "".join(rng.choice(L_ANY) for _ in range(3))
        elif style == "prefix":
            v = rng.choice("ABCDEFGHJKLMNPRSTVWXY") + str(rng.randint(1, 999)) + "".join(rng.choice(L_ANY) for _ in range(3))
        else:
            v = "".join(rng.choice(L_ANY) for _ in range(3)) + str(rng.randint(1, 999)) + rng.choice("ABCDEFGHJKLMNPRSTVWXY")
        if v not in USED_VRMS:
            USED_VRMS.add(v)
            return v


def add_permit(p, vrm, valid_from, valid_to=None):
    PERMIT_COUNT[0] += 1
    PERMITS.append(dict(permit_ref=f"BRP/{valid_from.year % 100:02d}/{PERMIT_COUNT[0] * 3 + 4100:05d}", uprn=p["uprn"], vrm=vrm,
                        zone=p["zone"], valid_from=valid_from,
                        valid_to=valid_to or (valid_from + dt.timedelta(days=364))))


def claim(rng, pred, line=None):
    if line:
        p = BY_LINE[line]
        assert p["uprn"] not in CLAIMED, line
    else:
        cands = [p for p in PROPS if p["uprn"] not in CLAIMED and pred(p)]
        p = rng.choice(cands)
    CLAIMED.add(p["uprn"])
    return p


# ---------------------------------------------------------------- external addresses (outside the district)
EXTERNAL = [
    (["27 Highgate"], "Kendal", "LA9 4DA"), (["14 Lowther Street"], "Carlisle", "CA3 8DA"),
    (["3 Station Road"], "Penrith", "CA11 7JG"), (["9 Duke Street"], "Whitehaven", "CA28 7EU"),
    (["45 Market Street"], "Ulverston", "LA12 7LR"), (["2 Church Walk"], "Lancaster", "LA1 1JP"),
    (["18 Bank Street"], "Keswick", "CA12 5JZ"), (["Flat 6, Albion Court", "Queens Road"], "Leeds", "LS6 1HY"),
    (["71 Scotland Road"], "Carlisle", "CA3 9HT"), (["5 Greenside"], "Kendal", "LA9 4LD"),
    (["The Barn, Moor Lane"], "Sedbergh", "LA10 5AW"), (["112 Victoria Road"], "Darlington", "DL1 5JN"),
    (["8 Pennine View"], "Appleby-in-Westmorland", "CA16 6RT"), (["33 Abbey Road"], "Barrow-in-Furness", "LA14 1XH"),
    (["4 Tarn View"], "Keswick", "CA12 5PL"), (["Flat 2, 19 Warwick Road"], "Carlisle", "CA1 1DH"),
    (["60 Stricklandgate"], "Kendal", "LA9 4PU"), (["7 Orchard Close"], "Cockermouth", "CA13 0DX"),
    (["22 Crosby Street"], "Maryport", "CA15 6DS"), (["Flat 3, Carleton House", "King Street"], "Penrith", "CA11 7AY"),
    (["11 Brunswick Road"], "Penrith", "CA11 7LU"), (["40 Lancaster Road"], "Preston", "PR1 2RH"),
    (["9 Helvellyn Street"], "Keswick", "CA12 4EN"), (["Rose Cottage, Back Lane"], "Shap", "CA10 3LJ"),
    (["17 Finkle Street"], "Workington", "CA14 2BD"), (["85 Botchergate"], "Carlisle", "CA1 1RZ"),
    (["3 Castle Terrace"], "Kirkby Stephen", "CA17 4QS"), (["56 Heaton Road"], "Newcastle upon Tyne", "NE6 1SA"),
    (["12 Fern Grove"], "Kendal", "LA9 7HF"), (["Flat 12, Dockside House", "Harbour Road"], "Whitehaven", "CA28 7HW"),
    (["29 Church Street"], "Ambleside", "LA22 0BT"), (["6 Mill Brow"], "Kirkby Lonsdale", "LA6 2AT"),
    (["140 Wilmslow Road"], "Manchester", "M14 5LH"), (["8 Eden Mount"], "Stanwix", "CA3 9LY"),
    (["21 Princes Street"], "Ulverston", "LA12 7NQ"), (["2 Bowling Green Lane"], "Cockermouth", "CA13 9LP"),
    (["47 Moor Road"], "Great Broughton", "CA13 0YT"), (["15 Beech Avenue"], "Durham", "DH1 4DH"),
    (["Flat 1, 33 Stanley Street"], "Workington", "CA14 2HZ"), (["5 Vicarage Lane"], "Grange-over-Sands", "LA11 7DB"),
]
EXT_USED = set()


def ext_addr(rng):
    cands = [e for e in EXTERNAL if e[0][0] not in EXT_USED] or EXTERNAL
    e = rng.choice(cands)
    EXT_USED.add(e[0][0])
    line1 = ", ".join(e[0])
    return dict(line1=line1, parts=line1.split(", "), loc="", town=e[1], pc=e[2])


def paddr(p):
    return dict(line1=p["line1"], parts=p["line1"].split(", "), loc=p["loc"], town=p["town"], pc=p["pc"])


def addr_lines(a, pcfmt="norm", join_town_pc=False):
    """Lines of a postal address as a person would write them."""
    lines = list(a["parts"])
    if a.get("loc"):
        lines.append(a["loc"])
    if join_town_pc:
        lines.append(f"{a['town']} {fmt_pc(a['pc'], pcfmt)}")
    else:
        lines += [a["town"], fmt_pc(a["pc"], pcfmt)]
    return lines


def addr_inline(a, pcfmt="norm"):
    bits = list(a["parts"]) + ([a["loc"]] if a.get("loc") else []) + [f"{a['town']} {fmt_pc(a['pc'], pcfmt)}"]
    return ", ".join(bits)


def phone(rng):
    if rng.random() < 0.5:
        return rng.choice(["017687 ", "015394 ", "019467 "]) + f"{rng.randint(20000, 79999)}"
    return f"07700 900{rng.randint(0, 999):03d}"


def email_for(rng, person):
    dom = rng.choice(["example.org.uk", "example.com", "example.net", "mail.example.co.uk"])
    f, l = person["first"].lower(), person["last"].lower()
    return rng.choice([f"{f}.{l}@{dom}", f"{f[0]}{l}{rng.randint(50, 99)}@{dom}", f"{f}{l}@{dom}"])


MAKES = {"Ford": ["Fiesta", "Focus", "Kuga"], "Vauxhall": ["Corsa", "Astra"], "Volkswagen": ["Golf", "Polo", "Tiguan"],
         "Toyota": ["Yaris", "Corolla", "RAV4"], "Nissan": ["Qashqai", "Micra", "Leaf"], "Skoda": ["Octavia", "Fabia"],
         "Kia": ["Sportage", "Picanto"], "Subaru": ["Forester", "Outback"], "Volvo": ["XC40", "V60"],
         "Land Rover": ["Defender", "Discovery Sport"], "Honda": ["Jazz", "Civic"], "Peugeot": ["208", "2008"],
         "Dacia": ["Duster", "Sandero"], "Mini": ["Cooper", "Countryman"], "Hyundai": ["Tucson", "i10"]}
COLOURS = ["Silver", "Blue", "Black", "Grey", "Red", "White", "Green"]
RELATIONS = {"F": ["my wife", "my partner", "my daughter", "my former partner"],
             "M": ["my husband", "my partner", "my son", "my former partner", "my lodger"]}


# ================================================================ case builders
class Case(dict):
    pass


def spd_case(rng, layout, scen):
    c = Case(ftype="council_tax_spd", layout=layout, scenario=scen, reasons=[], outcome="approved")
    app = new_person(rng)
    other_g = "M" if app["gender"] == "F" else rng.choice("FM")
    p = claim(rng, (lambda q: q["line1"][0].isdigit() and q["street"] != "Fell Road") if scen == "ADDRESS_MISMATCH" else (lambda q: True))
    shape = rng.choice(["named_liable", "named_liable", "named_notreg", "named_child", "none"])
    if scen in ("OTHER_ADULTS_REGISTERED", "INCONSISTENT_DATES", "NAME_MISMATCH", "ADDRESS_MISMATCH"):
        shape = "named_liable"
    if scen in ("DISCOUNT_ALREADY_APPLIED",):
        shape = "none"
    if layout == "letter" and shape == "none" and scen == "clean":
        shape = "named_liable"
    other = None
    if shape == "named_child":
        other = new_person(rng, other_g, surname=app["last"])
    elif shape != "none":
        other = new_person(rng, other_g, surname=app["last"] if rng.random() < 0.7 else None)
    sole = rdate(rng, D(2026, 1, 20), D(2026, 11, 20))
    if scen == "ACCOUNT_CLOSED":
        sole = rdate(rng, D(2026, 2, 1), D(2026, 7, 15))
    if scen == "DATE_TOO_OLD":
        sole = rdate(rng, D(2025, 5, 1), D(2025, 10, 31))
    decl = rdate(rng, max(sole + dt.timedelta(days=4), AS_OF - dt.timedelta(days=30)), AS_OF - dt.timedelta(days=1))
    if scen == "DATE_TOO_OLD":
        decl = rdate(rng, AS_OF - dt.timedelta(days=20), AS_OF - dt.timedelta(days=1))

    # --- records
    applicant_rec_name = app["full"]
    form_app = app
    if scen == "NAME_MISMATCH":
        # account is in her/his married name; the form uses a different surname
        rec = dict(app)
        form_app = dict(app)
        new_last = rng.choice([s for s in SURNAMES if s != app["last"]])
        form_app["last"] = new_last
        form_app["full"] = f"{app['first']} {new_last}"
        USED_NAMES.add(form_app["full"])
        applicant_rec_name = rec["full"]
    liable = [applicant_rec_name]
    if shape in ("named_liable", "named_notreg"):
        liable.append(other["full"])
    status, end, discounts = "active", None, ""
    if scen == "ACCOUNT_CLOSED":
        status, end = "closed", sole + dt.timedelta(days=rng.randint(60, 120))
        if end >= AS_OF:
            end = AS_OF - dt.timedelta(days=10)
    if scen == "DISCOUNT_ALREADY_APPLIED":
        discounts = "SPD"
    acc_start = rdate(rng, D(2009, 1, 1), D(2024, 12, 31))
    ref = add_account(p, liable, status=status, end=end, discounts=discounts, rng=rng, start=acc_start)
    if rng.random() < 0.4:
        prev = new_person(rng)
        ACCOUNTS.append(dict(account_ref=new_ref(rng), uprn=p["uprn"], liable_parties=prev["full"], status="closed",
                             start_date=rdate(rng, D(1998, 1, 1), D(2005, 12, 1)), end_date=acc_start - dt.timedelta(days=1),
                             discounts=""))
    # register
    if scen != "NAME_MISMATCH":
        add_elector(p, applicant_rec_name)
    if shape in ("named_liable", "named_child") and other:
        add_elector(p, other["full"])
    if scen == "OTHER_ADULTS_REGISTERED":
        third = new_person(rng, surname=app["last"])
        add_elector(p, third["full"])
    if scen == "NAME_MISMATCH":
        pass

    form_ref = ref
    if scen == "ACCOUNT_NOT_FOUND":
        form_ref = fake_ref(rng)
    a = paddr(p)
    if scen == "ADDRESS_MISMATCH":
        # wrong house number on the same street
        sibs = [q for q in PROPS if q["street"] == p["street"] and q["pc"] == p["pc"] and q["uprn"] not in CLAIMED]
        q = rng.choice(sibs)
        CLAIMED.add(q["uprn"])
        add_account(q, [new_person(rng)["full"]], status="closed", end=D(2026, 5, 31), rng=rng)
        a = paddr(q)

    # --- form content
    show_title = rng.random() < 0.6
    name = (f"{form_app['title']} " if show_title else "") + form_app["full"]
    f = dict(account_ref=form_ref, applicant_name=name, address=a["line1"], postcode=a["pc"],
             sole_adult_since=d2s(sole), declaration_date=d2s(decl))
    fwd = None
    rel = None
    if other:
        f["other_adult_name"] = other["full"]
        rel = "my son" if (shape == "named_child" and other["gender"] == "M") else \
            "my daughter" if shape == "named_child" else rng.choice([r for r in RELATIONS[other["gender"]] if r not in ("my son", "my daughter")
                         and not (r == "my lodger" and other["last"] == app["last"])])
        if rng.random() < 0.75:
            fwd = ext_addr(rng)
            f["other_adult_forwarding_address"] = addr_inline(fwd)
    change = None
    if layout != "letter":
        who = f"{rel[3:] if rel else 'lodger'}"
        with_date = rng.random() < 0.5 or scen == "INCONSISTENT_DATES"
        ddesc = sole
        if scen == "INCONSISTENT_DATES":
            ddesc = sole - dt.timedelta(days=rng.choice([9, 14, 21, 31]))
        if other:
            if shape == "named_child":
                base = f"My {who} {other['first']} moved out to live with friends"
            elif "former" in (rel or ""):
                base = f"We separated and my former partner {other['first']} moved out"
            elif rel == "my lodger":
                base = f"My lodger {other['first']} gave notice and moved out"
            else:
                base = f"My {who} and I separated and {other['first']} moved out"
        else:
            base = "My lodger gave notice and left"
        if with_date:
            dstyle = rng.choice(["long", "ord", "dmy"])
            change = f"{base} on {fmt_date(ddesc, dstyle)}."
        else:
            change = f"{base}. Nobody else aged 18 or over lives here."
        if rng.random() < 0.9 or scen == "INCONSISTENT_DATES":
            f["change_description"] = change
        else:
            change = None
    if rng.random() < 0.7:
        f["phone"] = phone(rng)
    if rng.random() < 0.55:
        f["email"] = email_for(rng, form_app)
    if scen == "MISSING_FIELD:declaration_date":
        del f["declaration_date"]
    c.update(fields=f, addr=a, person=form_app, show_title=show_title, other=other, rel=rel, fwd=fwd,
             dates=dict(sole=sole, decl=decl))
    if scen != "clean" and scen != "dup":
        c["outcome"] = "exception"
        c["reasons"] = [scen]
    return c


def move_case(rng, layout, scen):
    c = Case(ftype="council_tax_move", layout=layout, scenario=scen, reasons=[], outcome="approved")
    mtype = "in" if scen in ("clean_in", "PROPERTY_NOT_FOUND", "DATE_IN_FUTURE") else "out"
    app = new_person(rng)
    show_title = rng.random() < 0.55
    name = (f"{app['title']} " if show_title else "") + app["full"]
    mdate = rdate(rng, AS_OF - dt.timedelta(days=45), AS_OF + dt.timedelta(days=24))
    if scen == "DATE_IN_FUTURE":
        mdate = AS_OF + dt.timedelta(days=rng.randint(40, 70))
    if scen == "DATE_TOO_OLD":
        mdate = rdate(rng, D(2025, 7, 1), D(2025, 11, 15))
    decl = rdate(rng, AS_OF - dt.timedelta(days=12), AS_OF - dt.timedelta(days=1))
    f = dict(move_type=mtype, applicant_name=name, move_date=d2s(mdate), declaration_date=d2s(decl))
    prev = new = None
    if mtype == "out":
        p = claim(rng, lambda q: True)
        liable = [app["full"]]
        partner = None
        if rng.random() < 0.5:
            partner = new_person(rng, surname=app["last"])
            liable.append(partner["full"])
        holder_names = liable
        if scen == "NAME_MISMATCH":
            # the account is in the parents' names; the writer is their adult son/daughter
            par1 = new_person(rng, "F", surname=app["last"])
            par2 = new_person(rng, "M", surname=app["last"])
            holder_names = [par2["full"], par1["full"]]
        ref = add_account(p, holder_names, rng=rng, start=rdate(rng, D(2008, 1, 1), D(2025, 6, 30)),
                          discounts="SPD" if len(holder_names) == 1 and rng.random() < 0.5 else "")
        for nm in holder_names:
            add_elector(p, nm)
        if scen == "NAME_MISMATCH":
            add_elector(p, app["full"])
        prev = paddr(p)
        if scen == "ADDRESS_MISMATCH":
            sibs = [q for q in PROPS if q["street"] == p["street"] and q["uprn"] not in CLAIMED and q["uprn"] != p["uprn"]]
            q = rng.choice(sibs)
            CLAIMED.add(q["uprn"])
            add_account(q, [new_person(rng)["full"]], status="closed", end=D(2026, 4, 30), rng=rng)
            prev = paddr(q)
        form_ref = fake_ref(rng) if scen == "ACCOUNT_NOT_FOUND" else ref
        new = ext_addr(rng)
        f.update(account_ref=form_ref, previous_address=prev["line1"], previous_postcode=prev["pc"],
                 new_address=new["line1"], new_postcode=new["pc"])
    else:
        if scen == "PROPERTY_NOT_FOUND":
            # a new-build plot the gazetteer does not have yet
            new = dict(line1=f"{rng.randint(2, 9)} Tarn Close", parts=None, loc="", town="Skelwater", pc="BK5 1TZ")
            new["parts"] = [new["line1"]]
        else:
            p = claim(rng, lambda q: True)
            old = new_person(rng)
            add_account(p, [old["full"]], status="closed", end=mdate - dt.timedelta(days=rng.randint(3, 40)), rng=rng,
                        start=rdate(rng, D(2010, 1, 1), D(2022, 1, 1)))
            new = paddr(p)
        f.update(new_address=new["line1"], new_postcode=new["pc"])
        if rng.random() < 0.7 or layout == "paper":
            prev = ext_addr(rng)
            f.update(previous_address=prev["line1"], previous_postcode=prev["pc"])
    if rng.random() < 0.75:
        f["phone"] = phone(rng)
    if rng.random() < 0.5 or layout == "email":
        f["email"] = email_for(rng, app)
    c.update(fields=f, person=app, show_title=show_title, prev=prev, new=new, mtype=mtype,
             dates=dict(move=mdate, decl=decl))
    if not scen.startswith("clean"):
        c["outcome"] = "exception"
        c["reasons"] = [scen]
    return c


def permit_case(rng, layout, scen):
    c = Case(ftype="parking_permit", layout=layout, scenario=scen, reasons=[], outcome="approved")
    app = new_person(rng)
    show_title = rng.random() < 0.5 and layout != "email"
    name = (f"{app['title']} " if show_title else "") + app["full"]
    start = rdate(rng, AS_OF - dt.timedelta(days=6), AS_OF + dt.timedelta(days=25))
    if scen == "DATE_IN_FUTURE":
        start = AS_OF + dt.timedelta(days=rng.randint(35, 60))
    decl = rdate(rng, AS_OF - dt.timedelta(days=14), AS_OF - dt.timedelta(days=1))
    vstyle = rng.choice(["current"] * 5 + ["prefix", "suffix"])
    vrm = new_vrm(rng, vstyle)
    make = rng.choice(sorted(MAKES))
    zone_of = None
    if scen == "PROPERTY_NOT_FOUND":
        a = dict(line1=f"{rng.choice([21, 23, 24])} Shore Road", parts=None, loc="", town="Brackenholm", pc="BK1 1SR")
        a["parts"] = [a["line1"]]
        zone = "Lakeside"
    else:
        if scen == "NOT_IN_PERMIT_ZONE":
            p = claim(rng, lambda q: q["zone"] == "B2")
            zone = "B1"
        else:
            p = claim(rng, lambda q: q["zone"] != "")
            zone = p["zone"]
        a = paddr(p)
        zone_of = p["zone"]
        # household
        kind = rng.choice(["liable", "liable", "liable", "elector_only"])
        if scen == "NOT_RESIDENT":
            res = new_person(rng)
            add_account(p, [res["full"]], rng=rng, discounts="SPD")
            add_elector(p, res["full"])
        elif kind == "liable":
            liable = [app["full"]]
            if rng.random() < 0.5:
                liable.append(new_person(rng, surname=app["last"])["full"])
            add_account(p, liable, rng=rng)
            for nm in liable:
                add_elector(p, nm)
        else:  # grown-up child on the register, parents pay the council tax
            m1 = new_person(rng, "F", surname=app["last"])
            m2 = new_person(rng, "M", surname=app["last"])
            add_account(p, [m2["full"], m1["full"]], rng=rng)
            for nm in (m2["full"], m1["full"], app["full"]):
                add_elector(p, nm)
        # existing permits
        if scen == "PERMIT_CAP_REACHED":
            for _ in range(2):
                add_permit(p, new_vrm(rng), rdate(rng, D(2026, 3, 1), D(2026, 10, 31)))
        elif scen == "VRM_HAS_PERMIT":
            add_permit(p, vrm, rdate(rng, D(2026, 2, 1), D(2026, 8, 31)))
        else:
            k = rng.choice([0, 0, 1, 1, "expired_same"])
            if k == 1:
                add_permit(p, new_vrm(rng), rdate(rng, D(2026, 1, 15), D(2026, 10, 31)))
            elif k == "expired_same":
                vf = D(2025, 12, 1) - dt.timedelta(days=rng.randint(0, 5))
                add_permit(p, vrm, vf, min(AS_OF, start) - dt.timedelta(days=rng.randint(3, 9)))
    if scen == "INVALID_FORMAT:vrm":
        USED_VRMS.discard(vrm)
        vrm = rng.choice(["AB123CD", "KX1234L", "WE22ABCD", "L12AB"])
    f = dict(applicant_name=name, address=a["line1"], postcode=a["pc"], vrm=vrm, zone=zone,
             start_date=d2s(start), declaration_date=d2s(decl))
    if rng.random() < 0.85 or layout in ("acro",):
        f["vehicle_make"] = make
    if rng.random() < 0.7:
        f["phone"] = phone(rng)
    if rng.random() < 0.6 or layout == "email":
        f["email"] = email_for(rng, app)
    c.update(fields=f, person=app, show_title=show_title, addr=a, model=rng.choice(MAKES[make]), make=make,
             colour=rng.choice(COLOURS), dates=dict(start=start, decl=decl))
    if scen != "clean":
        c["outcome"] = "exception"
        c["reasons"] = [scen]
    return c


CORR_TEXT = {
    "missed_bin": [
        "Our {bin} was not emptied on {d1}. All the other bins on {street} were collected but ours was left at the kerb, "
        "lid closed and out by 7am as usual.",
        "This is the second time this has happened, the last time was on {d2}. Could you please arrange for the crew to "
        "come back and empty it, as it is now overflowing.",
    ],
    "council_tax_query": [
        "I have received my council tax bill for this year and I do not understand why the amount has gone up so much. "
        "The instalment due on {d1} is higher than the one I paid last month.",
        "I pay by direct debit and I would like you to check that my payments since {d2} have been recorded against the "
        "right account, and send me a statement showing what is still owed.",
    ],
    "complaint": [
        "I wish to make a formal complaint about the way the contractors resurfacing {street} left the road on {d1}. "
        "Loose chippings were left across the pavement and my neighbour, who uses a walking frame, could not get to her door.",
        "I reported this by telephone the same day and was promised a call back, which never came. I am very "
        "disappointed with the service and would like a written response explaining what will be done.",
    ],
    "foi_request": [
        "Under the Freedom of Information Act 2000, please provide the following information: the number of residents' "
        "parking permits issued in each of the council's permit zones between {d1} and {d2}, and the total income received from them.",
        "I would prefer to receive the information electronically, in a spreadsheet if possible.",
    ],
    "other": [
        "Could you tell me how to put my name down for an allotment? I understand the council manages the plots behind "
        "{street} and I would like to know how long the waiting list is and what the annual rent would be.",
        "I have lived in the district since {d1} and am happy to share a plot if that makes it quicker.",
    ],
}
BINS = ["grey general waste bin", "blue recycling bin", "green garden waste bin"]


def corr_case(rng, layout, scen, topic):
    c = Case(ftype="correspondence", layout=layout, scenario=scen, reasons=[], outcome="approved", topic=topic)
    app = new_person(rng)
    show_title = rng.random() < 0.5 and layout != "email"
    name = (f"{app['title']} " if show_title else "") + app["full"]
    p = claim(rng, lambda q: True)
    ref = add_account(p, [app["full"]] + ([new_person(rng, surname=app["last"])["full"]] if rng.random() < 0.4 else []),
                      rng=rng)
    add_elector(p, app["full"])
    a = paddr(p)
    sent = rdate(rng, AS_OF - dt.timedelta(days=10), AS_OF - dt.timedelta(days=1))
    d1 = sent - dt.timedelta(days=rng.randint(3, 12))
    while d1.weekday() >= 5:
        d1 -= dt.timedelta(days=1)
    d2 = d1 - dt.timedelta(days=rng.randint(14, 60))
    while d2.weekday() >= 5:
        d2 -= dt.timedelta(days=1)
    if topic == "foi_request":
        d1, d2 = D(2025, 4, 1), D(2026, 3, 31)
    if topic == "other":
        d1 = rdate(rng, D(2015, 1, 1), D(2024, 12, 31))
    styles = rng.sample(["long", "ord", "dmy", "wlong", "long"], 2)
    paras = [t.format(bin=rng.choice(BINS), street=p["street"] if scen != "SENDER_UNKNOWN" else p["street"],
                      d1=fmt_date(d1, styles[0]), d2=fmt_date(d2, styles[1])) for t in CORR_TEXT[topic]]
    body_txt = " ".join(paras)
    found = []
    for dd, st in ((d1, styles[0]), (d2, styles[1])):
        pos = body_txt.find(fmt_date(dd, st))
        if pos >= 0:
            found.append((pos, dd))
    dm = []
    for _, dd in sorted(found):
        if d2s(dd) not in dm:
            dm.append(d2s(dd))
    f = dict(topic=topic)
    quote_ref = topic == "council_tax_query"
    if scen == "ACCOUNT_NOT_FOUND":
        ref = fake_ref(rng)
    sender = dict(name=name, addr=a)
    if scen == "SENDER_UNKNOWN_ANON":
        sender = dict(name=None, addr=None)
        quote_ref = False
    elif scen == "SENDER_UNKNOWN_NAMEONLY":
        sender = dict(name=name, addr=None)
        quote_ref = False
    if sender["name"]:
        f["sender_name"] = sender["name"]
    if sender["addr"]:
        f["address"] = a["line1"]
        f["postcode"] = a["pc"]
    if quote_ref:
        f["account_ref"] = ref
    if dm:
        f["dates_mentioned"] = dm
    f["body"] = " ".join(" ".join(x.split()) for x in paras)
    c.update(fields=f, person=app, show_title=show_title, sender=sender, paras=paras, ref=ref if quote_ref else None,
             dates=dict(sent=sent), addr=a)
    if scen != "clean":
        c["outcome"] = "exception"
        c["reasons"] = ["SENDER_UNKNOWN" if scen.startswith("SENDER_UNKNOWN") else scen]
    return c


# ================================================================ drawing helpers
INK = colors.HexColor("#1b2a6b")


def squiggle(c, x, y, w=110, rng=None):
    rng = rng or random.Random(1)
    c.saveState()
    c.setStrokeColor(INK)
    c.setLineWidth(1.1)
    pth = c.beginPath()
    pth.moveTo(x, y)
    cx = x
    for _ in range(5):
        nx = cx + w / 5
        pth.curveTo(cx + rng.uniform(3, 10), y + rng.uniform(6, 16), nx - rng.uniform(3, 10), y - rng.uniform(4, 12), nx, y + rng.uniform(-3, 3))
        cx = nx
    c.drawPath(pth, stroke=1, fill=0)
    c.restoreState()


def wrap(text, font, size, width):
    return simpleSplit(text, font, size, width)


def xbox(c, x, y, checked, size=10):
    c.rect(x, y, size, size, stroke=1, fill=0)
    if checked:
        c.setFont("Helvetica-Bold", size)
        c.drawCentredString(x + size / 2, y + 1.5, "X")


# ---------------------------------------------------------------- layout: paper (printed council form, typed in boxes)
PGREEN = colors.HexColor("#1f5c4a")


class Paper:
    def __init__(self, c, title, code, rng):
        self.c, self.title, self.code, self.rng = c, title, code, rng
        self.page = 0
        self.new_page()

    def new_page(self):
        c = self.c
        if self.page:
            c.showPage()
        self.page += 1
        c.setFillColor(PGREEN)
        c.rect(0, H - 62, W, 62, fill=1, stroke=0)
        c.setFillColor(colors.white)
        c.setFont("Helvetica-Bold", 15)
        c.drawString(36, H - 32, "Brackenholm District Council")
        c.setFont("Helvetica", 8)
        c.drawString(36, H - 46, "Council Tax  |  Town Hall, Brackenholm  |  01768 555 200  |  brackenholm.gov.uk")
        c.setFont("Helvetica-Bold", 9)
        c.drawRightString(W - 36, H - 32, self.code)
        c.setFillColor(colors.black)
        c.setFont("Helvetica", 7)
        c.drawString(36, 28, f"{self.code}  (rev. 04/24)")
        c.drawRightString(W - 36, 28, f"Page {self.page}")
        self.y = H - 84
        if self.page == 1:
            c.setFont("Helvetica-Bold", 14)
            c.drawString(36, self.y, self.title)
            self.y -= 16

    def need(self, h):
        if self.y - h < 50:
            self.new_page()

    def para(self, text, size=8.5, font="Helvetica"):
        lines = wrap(text, font, size, W - 72)
        self.need(len(lines) * (size + 2.5) + 4)
        self.c.setFont(font, size)
        for ln in lines:
            self.c.drawString(36, self.y, ln)
            self.y -= size + 2.5
        self.y -= 4

    def section(self, text):
        self.need(40)
        c = self.c
        self.y -= 4
        c.setFillColor(colors.HexColor("#dbe9e3"))
        c.rect(36, self.y - 4, W - 72, 16, fill=1, stroke=0)
        c.setFillColor(colors.black)
        c.setFont("Helvetica-Bold", 10)
        c.drawString(40, self.y, text)
        self.y -= 22

    def boxes(self, items):
        """items: list of (label, value_lines or str, width fraction, nlines)."""
        maxn = max(it[3] for it in items)
        h = 15 * maxn + 5
        self.need(h + 26)
        c = self.c
        x = 36
        total = W - 72
        gap = 8
        for label, val, frac, n in items:
            w = total * frac - (gap if frac < 1 else 0)
            c.setFont("Helvetica", 8)
            lab = wrap(label, "Helvetica", 8, w)
            ly = self.y
            for ln in lab[:2]:
                c.drawString(x, ly, ln)
                ly -= 9.5
            top = self.y - 9.5 * min(len(lab), 2) - 1
            c.setLineWidth(0.7)
            c.rect(x, top - h, w, h)
            vals = val if isinstance(val, list) else ([val] if val else [])
            c.setFont("Courier", 10.5)
            for i, v in enumerate(vals):
                c.drawString(x + 5, top - 13 - 15 * i, v)
            x += w + gap
        nlab = max(min(len(wrap(it[0], "Helvetica", 8, total * it[2] - gap)), 2) for it in items)
        self.y -= 9.5 * nlab + h + 12

    def comb(self, label, chars, n=8, prefix=None):
        self.need(40)
        c = self.c
        c.setFont("Helvetica", 8)
        c.drawString(36, self.y, label)
        top = self.y - 6
        x = 36
        if prefix:
            c.setFont("Helvetica-Bold", 10)
            c.drawString(x, top - 15, prefix)
            x += stringWidth(prefix, "Helvetica-Bold", 10) + 6
        for i in range(n):
            c.rect(x + i * 17, top - 20, 17, 20)
            if i < len(chars):
                c.setFont("Courier", 11)
                c.drawCentredString(x + i * 17 + 8.5, top - 14, chars[i])
        self.y = top - 34

    def choices(self, label, options, chosen):
        self.need(20 + 14 * len(options))
        c = self.c
        c.setFont("Helvetica", 8)
        c.drawString(36, self.y, label)
        self.y -= 15
        for opt in options:
            xbox(c, 40, self.y - 2, opt == chosen)
            c.setFont("Helvetica", 9)
            c.drawString(56, self.y, opt)
            self.y -= 15
        self.y -= 4


def paper_addr_lines(a, rng, pcfmt="norm"):
    parts = list(a["parts"])
    if len(parts) == 3 and rng.random() < 0.6:
        parts = [f"{parts[0]}, {parts[1]}", parts[2]]
    lines = parts + ([a["loc"]] if a["loc"] else []) + [a["town"]]
    return lines


def render_paper_spd(path, cs, rng):
    f, pers = cs["fields"], cs["person"]
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pp = Paper(c, "Application for Single Person Discount", "CTAX/SPD1", rng)
    pp.para("Use this form if you are the only adult (aged 18 or over) living in your home. If we award the discount your "
            "Council Tax bill will be reduced by 25%. Please write in BLACK ink using CAPITAL letters where possible and "
            "return the form to Council Tax, Town Hall, Brackenholm.")
    pp.section("Section 1   Your Council Tax account")
    pp.comb("1.1  Account number (it is 8 digits long and is shown at the top of your bill)", f["account_ref"])
    pp.section("Section 2   About you")
    title = pers["title"] if cs["show_title"] else ""
    pp.boxes([("2.1 Title", title, 0.16, 1), ("2.2 First name(s)", pers["first"], 0.38, 1), ("2.3 Surname", pers["last"], 0.46, 1)])
    pcf = rng.choice(["norm", "norm", "nospace"])
    pp.boxes([("2.4 Address of the property this claim is for", paper_addr_lines(cs["addr"], rng), 0.7, 4),
              ("2.5 Postcode", fmt_pc(f["postcode"], pcf) if "postcode" in f else "", 0.3, 1)])
    pp.boxes([("2.6 Daytime telephone", f.get("phone", ""), 0.4, 1), ("2.7 Email address", f.get("email", ""), 0.6, 1)])
    pp.section("Section 3   About the discount")
    dstyle = rng.choice(["dmy", "dmy", "dmy1"])
    pp.boxes([("3.1 From what date have you been the only adult living at the property?  (DD/MM/YYYY)",
               fmt_date(cs["dates"]["sole"], dstyle), 0.6, 1)])
    fwd_lines = addr_lines(cs["fwd"], "norm", join_town_pc=True) if cs.get("fwd") else []
    pp.boxes([("3.2 Full name of the person who has moved out (if applicable)", f.get("other_adult_name", ""), 0.5, 1)])
    pp.boxes([("3.3 Their new address, if you know it", fwd_lines, 1.0, max(3, len(fwd_lines)))])
    desc = wrap(f.get("change_description", ""), "Courier", 10.5, W - 90) if f.get("change_description") else []
    pp.boxes([("3.4 Please tell us briefly what has changed in your household", desc, 1.0, max(3, len(desc)))])
    pp.section("Section 4   Declaration")
    pp.para("I declare that the information I have given on this form is correct and complete. I understand that I must "
            "tell the council within 21 days if anyone aged 18 or over comes to live with me. Giving false information "
            "may lead to a penalty of £70 or prosecution.")
    pp.need(60)
    c.setFont("Helvetica", 8)
    c.drawString(36, pp.y, "Signature")
    c.rect(36, pp.y - 34, 260, 28)
    squiggle(c, 50, pp.y - 22, 120, rng)
    c.drawString(320, pp.y, "Date (DD/MM/YYYY)")
    c.rect(320, pp.y - 34, 140, 28)
    if "declaration_date" in f:
        c.setFont("Courier", 10.5)
        c.drawString(328, pp.y - 24, fmt_date(cs["dates"]["decl"], dstyle))
    pp.y -= 50
    c.setFont("Helvetica-Oblique", 7.5)
    c.drawString(36, pp.y, "For office use:  Date received ____________   Checked by ______   Entered ______")
    c.save()


def render_paper_move(path, cs, rng):
    f, pers = cs["fields"], cs["person"]
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pp = Paper(c, "Moving home? Tell us about your Council Tax", "CTAX/MV2", rng)
    pp.para("Please complete this form if you are moving into, out of, or within the Brackenholm district. "
            "Fill in one form for each household. Use BLOCK CAPITALS and mark boxes with an X.")
    pp.section("Part A   Your move")
    opts = ["I am moving INTO a property in the Brackenholm district",
            "I am moving OUT of a property in the Brackenholm district"]
    pp.choices("A1  Which of these applies to you? (mark one box)", opts, opts[0] if cs["mtype"] == "in" else opts[1])
    pp.comb("A2  Council Tax account number, if you have one", f.get("account_ref", ""))
    pp.section("Part B   Your details")
    title = pers["title"] if cs["show_title"] else ""
    pp.boxes([("B1 Title", title, 0.14, 1), ("B2 Forename(s)", pers["first"], 0.40, 1), ("B3 Surname", pers["last"], 0.46, 1)])
    pp.boxes([("B4 Telephone number", f.get("phone", ""), 0.4, 1), ("B5 Email", f.get("email", ""), 0.6, 1)])
    pcf = rng.choice(["norm", "nospace", "norm"])
    pp.section("Part C   Addresses")
    prev, new = cs["prev"], cs["new"]
    pp.boxes([("C1 Address you are leaving (or have left)", paper_addr_lines(prev, rng) if prev else [], 0.7, 4),
              ("Postcode", fmt_pc(prev["pc"], pcf) if prev else "", 0.3, 1)])
    pp.boxes([("C2 Address you are moving to", paper_addr_lines(new, rng), 0.7, 4),
              ("Postcode", fmt_pc(new["pc"], pcf), 0.3, 1)])
    dstyle = rng.choice(["dmy", "dmy1", "dot"])
    pp.boxes([("C3 Date of the move (the date you got, or gave up, the keys)", fmt_date(cs["dates"]["move"], dstyle), 0.5, 1)])
    pp.section("Part D   Declaration")
    pp.para("The information I have given is true to the best of my knowledge. I understand the council may check it "
            "with other records it holds.")
    pp.need(60)
    c.setFont("Helvetica", 8)
    c.drawString(36, pp.y, "Signed")
    c.rect(36, pp.y - 34, 260, 28)
    squiggle(c, 50, pp.y - 22, 110, rng)
    c.drawString(320, pp.y, "Date")
    c.rect(320, pp.y - 34, 140, 28)
    c.setFont("Courier", 10.5)
    c.drawString(328, pp.y - 24, fmt_date(cs["dates"]["decl"], dstyle))
    c.save()


# ---------------------------------------------------------------- layout: acro (fillable PDF, AcroForm fields)
class Acro:
    def __init__(self, c, rng):
        self.c, self.rng, self.n = c, rng, 0
        self.y = H - 60

    def fname(self, kind="Text"):
        self.n += 1
        return f"{kind}{self.n}"

    def header(self, title, sub):
        c = self.c
        c.setFont("Helvetica-Bold", 11)
        c.setFillColor(colors.HexColor("#6b2c5f"))
        c.drawString(40, H - 40, "BRACKENHOLM DISTRICT COUNCIL")
        c.setFillColor(colors.black)
        c.setFont("Helvetica-Bold", 15)
        c.drawString(40, H - 62, title)
        c.setFont("Helvetica-Oblique", 8.5)
        for i, ln in enumerate(wrap(sub, "Helvetica-Oblique", 8.5, W - 80)):
            c.drawString(40, H - 78 - i * 11, ln)
        self.y = H - 78 - 11 * len(wrap(sub, "Helvetica-Oblique", 8.5, W - 80)) - 14

    def heading(self, text):
        c = self.c
        self.y -= 6
        c.setStrokeColor(colors.HexColor("#6b2c5f"))
        c.line(40, self.y - 3, W - 40, self.y - 3)
        c.setStrokeColor(colors.black)
        c.setFont("Helvetica-Bold", 10.5)
        c.drawString(40, self.y, text)
        self.y -= 22

    def text(self, label, value, h=16, lw=190, w=None, multiline=False):
        c = self.c
        c.setFont("Helvetica", 9)
        lab = wrap(label, "Helvetica", 9, lw - 8)
        for i, ln in enumerate(lab):
            c.drawString(40, self.y - i * 10.5, ln)
        w = w or (W - 80 - lw)
        if multiline and value:
            value = "\n".join(wrap(value, "Helvetica", 9.5, w - 8))
        c.acroForm.textfield(name=self.fname(), x=40 + lw, y=self.y - h + 11, width=w, height=h,
                             value=value or "", fontName="Helvetica", fontSize=9.5, borderWidth=0.6,
                             borderColor=colors.HexColor("#7a7a7a"), fillColor=colors.HexColor("#eaf0fb"),
                             textColor=colors.black, forceBorder=True,
                             fieldFlags="multiline" if multiline else "")
        self.y -= max(h, 10.5 * len(lab)) + 8

    def check(self, label, checked, x=None):
        c = self.c
        x = x or 40
        c.acroForm.checkbox(name=self.fname("Check Box"), x=x, y=self.y - 2, size=11, checked=checked,
                            buttonStyle="cross", borderWidth=0.6, borderColor=colors.black, fillColor=colors.white,
                            textColor=colors.black, forceBorder=True)
        c.setFont("Helvetica", 9)
        c.drawString(x + 16, self.y, label)


def acro_addr_fields(a, rng):
    parts = list(a["parts"])
    if len(parts) == 3 and rng.random() < 0.5:
        parts = [f"{parts[0]}, {parts[1]}", parts[2]]
    lines = parts + ([a["loc"]] if a["loc"] else [])
    while len(lines) < 3:
        lines.append("")
    if len(lines) > 3:
        lines = [", ".join(lines[:2])] + lines[2:]
    return lines


def render_acro_spd(path, cs, rng):
    f = cs["fields"]
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    a = Acro(c, rng)
    a.header("Council Tax: claim for a single occupier discount",
             "You can fill in this form on screen, save it and email it to counciltax@brackenholm.gov.uk. "
             "All sections marked * must be completed.")
    a.heading("1. Applicant")
    acc_style = rng.choice(["ct", "space", "plain"])
    a.text("Council Tax reference number *", fmt_acc(f["account_ref"], acc_style))
    a.text("Name of applicant *", f["applicant_name"])
    lines = acro_addr_fields(cs["addr"], rng)
    a.text("Address line 1 *", lines[0])
    a.text("Address line 2", lines[1])
    a.text("Address line 3", lines[2])
    a.text("Town", cs["addr"]["town"])
    a.text("Postcode *", fmt_pc(f["postcode"], rng.choice(["norm", "lower", "nospace"])), w=110)
    a.text("Telephone", f.get("phone", ""), w=160)
    a.text("Email", f.get("email", ""))
    a.heading("2. Your claim")
    dstyle = rng.choice(["dot", "dash", "long"])
    a.text("Date from which you have been the only adult resident *", fmt_date(cs["dates"]["sole"], dstyle), w=140, h=18)
    a.text("Name of the adult who no longer lives with you", f.get("other_adult_name", ""))
    a.text("Where have they moved to? (address if known)", f.get("other_adult_forwarding_address", ""), h=30, multiline=True)
    a.text("Reason for your claim: what has changed?", f.get("change_description", ""), h=44, multiline=True)
    a.heading("3. Declaration")
    a.check("", True, x=40)
    for ln in wrap("I declare that I am the only adult aged 18 or over living at the address above and that the "
                   "information on this form is true. I will tell the council if my circumstances change.",
                   "Helvetica", 8.5, W - 100):
        c.setFont("Helvetica", 8.5)
        c.drawString(60, a.y, ln)
        a.y -= 11
    a.y -= 12
    a.text("Type your name to sign", f["applicant_name"].split(" ", 1)[1] if cs["show_title"] else f["applicant_name"], w=200)
    a.text("Date signed *", fmt_date(cs["dates"]["decl"], dstyle) if "declaration_date" in f else "", w=140)
    c.setFont("Helvetica", 7)
    c.drawString(40, 30, "BDC CT-SOD v3.2  Fillable. Privacy notice: brackenholm.gov.uk/privacy")
    c.save()


def render_acro_permit(path, cs, rng):
    f = cs["fields"]
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    a = Acro(c, rng)
    a.header("Residents' Parking Permit Application",
             "Complete this form electronically. One vehicle per form. Permits cost £45 a year; we will contact you for "
             "payment. Maximum of two resident permits per household.")
    a.heading("Your details")
    a.text("Full name", f["applicant_name"])
    lines = acro_addr_fields(cs["addr"], rng)
    a.text("Address line 1", lines[0])
    a.text("Address line 2", lines[1])
    a.text("Address line 3", lines[2])
    a.text("Town", cs["addr"]["town"])
    a.text("Postcode", fmt_pc(f["postcode"], rng.choice(["norm", "nospace"])), w=110)
    a.text("Contact telephone", f.get("phone", ""), w=160)
    a.text("Email", f.get("email", ""))
    a.heading("Vehicle")
    a.text("Registration number", f["vrm"] if cs["scenario"] == "INVALID_FORMAT:vrm" else fmt_vrm(f["vrm"], rng.choice(["space", "nospace"])), w=140)
    a.text("Make", f.get("vehicle_make", ""), w=160)
    a.text("Model", cs["model"], w=160)
    a.text("Colour", cs["colour"], w=120)
    a.heading("Permit")
    c.setFont("Helvetica", 9)
    c.drawString(40, a.y, "Permit zone (tick one)")
    zones = [("Lakeside", "Lakeside"), ("B1", "Zone B1"), ("B2", "Zone B2"), ("Station", "Station")]
    x = 230
    for code, lab in zones:
        a.check(lab, f["zone"] == code, x=x)
        x += 80
    a.y -= 24
    dstyle = rng.choice(["dmy", "dot", "dash"])
    a.text("Date you want the permit to start (dd/mm/yyyy)", fmt_date(cs["dates"]["start"], dstyle), w=120)
    a.heading("Declaration")
    c.setFont("Helvetica", 8.5)
    for ln in wrap("I live at the address above and the vehicle is kept there. I understand the permit will be cancelled "
                   "if I move or no longer keep the vehicle.", "Helvetica", 8.5, W - 80):
        c.drawString(40, a.y, ln)
        a.y -= 11
    a.y -= 8
    a.text("Signature (type name)", f["applicant_name"], w=200)
    a.text("Date", fmt_date(cs["dates"]["decl"], dstyle), w=120)
    c.setFont("Helvetica", 7)
    c.drawString(40, 30, "Parking Services, Brackenholm District Council  PKG/RES/01")
    c.save()


# ---------------------------------------------------------------- layout: online (browser print of an e-form submission)
class Web:
    def __init__(self, c, rng, subref, submitted, url):
        self.c, self.rng = c, rng
        self.subref, self.submitted, self.url = subref, submitted, url
        self.page = 0
        self.new_page()

    def new_page(self):
        c = self.c
        if self.page:
            c.showPage()
        self.page += 1
        c.setFont(WEB, 7)
        c.setFillColor(colors.HexColor("#555555"))
        c.drawString(28, H - 20, self.printed)
        c.drawRightString(W - 28, H - 20, "Brackenholm District Council - Online forms")
        c.drawString(28, 18, self.url)
        c.drawRightString(W - 28, 18, f"Page {self.page}")
        c.setFillColor(colors.black)
        self.y = H - 40
        if self.page == 1:
            c.setFillColor(colors.HexColor("#0b4f6c"))
            c.rect(28, H - 78, W - 56, 44, fill=1, stroke=0)
            c.setFillColor(colors.white)
            c.setFont(WEB_B, 14)
            c.drawString(40, H - 55, "Brackenholm")
            c.setFont(WEB, 8)
            c.drawString(40, H - 68, "District Council  ·  My Account")
            c.setFillColor(colors.black)
            self.y = H - 100

    printed = ""

    def title(self, t):
        c = self.c
        c.setFont(WEB_B, 14)
        c.drawString(40, self.y, t)
        self.y -= 18
        c.setFont(WEB, 8.5)
        c.drawString(40, self.y, f"Reference: {self.subref}      Submitted: {self.submitted}")
        self.y -= 20

    def group(self, t):
        if self.y < 120:
            self.new_page()
        c = self.c
        c.setFont(WEB_B, 10.5)
        c.setFillColor(colors.HexColor("#0b4f6c"))
        c.drawString(40, self.y, t)
        c.setFillColor(colors.black)
        self.y -= 6

    def row(self, q, ans):
        c = self.c
        qw, aw = 220, W - 80 - 230
        ql = wrap(q, WEB, 8.5, qw - 10)
        al = []
        for part in (ans if isinstance(ans, list) else [ans]):
            al += wrap(part, WEB, 9, aw - 10) if part else []
        n = max(len(ql), len(al), 1)
        h = n * 11.5 + 8
        if self.y - h < 50:
            self.new_page()
        c.setStrokeColor(colors.HexColor("#c9d3da"))
        c.setFillColor(colors.HexColor("#f1f4f6"))
        c.rect(40, self.y - h, qw, h, fill=1, stroke=1)
        c.rect(40 + qw, self.y - h, W - 80 - qw, h, fill=0, stroke=1)
        c.setFillColor(colors.black)
        c.setFont(WEB, 8.5)
        for i, ln in enumerate(ql):
            c.drawString(46, self.y - 12 - i * 11.5, ln)
        c.setFont(WEB_B if False else WEB, 9)
        for i, ln in enumerate(al):
            c.drawString(46 + qw, self.y - 12 - i * 11.5, ln)
        self.y -= h
        c.setStrokeColor(colors.black)

    def gap(self):
        self.y -= 14


def web_setup(path, cs, rng, kind, decl_dt=None):
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    decl = cs["dates"]["decl"]
    hh, mm = rng.randint(7, 22), rng.randint(0, 59)
    subref = cs.get("subref") or f"{kind}-{rng.randint(100000, 999999)}"
    submitted = f"{fmt_date(decl, 'dmy')} {hh:02d}:{mm:02d}"
    if cs.get("submitted"):
        submitted = cs["submitted"]
    url = f"https://my.brackenholm.gov.uk/forms/{kind.lower()}/summary?ref={subref}"
    Web.printed = f"{fmt_date(AS_OF - dt.timedelta(days=rng.randint(0, 3)), 'dmy')}, {rng.randint(8, 16):02d}:{rng.randint(0, 59):02d}"
    wb = Web(c, rng, subref, submitted, url)
    return c, wb


def web_addr(a, rng):
    parts = list(a["parts"])
    return parts + ([a["loc"]] if a["loc"] else []) + [a["town"]]


def render_online_spd(path, cs, rng):
    f = cs["fields"]
    c, wb = web_setup(path, cs, rng, "SPD")
    wb.title("Apply for a single person discount")
    wb.group("Your account")
    wb.row("Council Tax account reference", fmt_acc(f["account_ref"], cs.get("accfmt") or rng.choice(["ct", "plain", "space"])))
    wb.row("Your full name", f["applicant_name"])
    wb.row("Address of the property", web_addr(cs["addr"], rng))
    wb.row("Postcode", f["postcode"])
    wb.row("Phone number (optional)", f.get("phone", "Not provided"))
    wb.row("Email address (optional)", f.get("email", "Not provided"))
    wb.gap()
    wb.group("Who lives with you")
    ds = cs.get("dstyle") or rng.choice(["long", "iso", "long"])
    wb.row("When did you become the only adult (18 or over) living there?", fmt_date(cs["dates"]["sole"], ds))
    if cs.get("other"):
        wb.row("Has someone aged 18 or over moved out?", "Yes")
        wb.row("Their full name", f["other_adult_name"])
        wb.row("Do you know their new address?", "Yes" if f.get("other_adult_forwarding_address") else "No")
        if f.get("other_adult_forwarding_address"):
            wb.row("Their new address", addr_lines(cs["fwd"], "norm", join_town_pc=True))
    else:
        wb.row("Has someone aged 18 or over moved out?", "No")
    if f.get("change_description"):
        wb.row("Tell us what changed", f["change_description"])
    wb.gap()
    wb.group("Declaration")
    wb.row("I confirm the information I have given is correct and complete", "✓ I agree")
    wb.row("Date of declaration", fmt_date(cs["dates"]["decl"], ds))
    c.save()


def render_online_move(path, cs, rng):
    f = cs["fields"]
    c, wb = web_setup(path, cs, rng, "MOVE")
    wb.title("Council Tax - tell us you're moving")
    wb.group("About your move")
    wb.row("Are you moving into the area or leaving a property?",
           "Moving into a property in Brackenholm" if cs["mtype"] == "in" else "Moving out of a property in Brackenholm")
    if f.get("account_ref"):
        wb.row("Council Tax account number", fmt_acc(f["account_ref"], rng.choice(["plain", "dash", "space"])))
    wb.row("Name", f["applicant_name"])
    ds = rng.choice(["long", "dmy", "iso"])
    wb.row("Moving date", fmt_date(cs["dates"]["move"], ds))
    wb.gap()
    wb.group("Addresses")
    prev, new = cs["prev"], cs["new"]
    if cs["mtype"] == "out":
        wb.row("Address you are leaving", web_addr(prev, rng))
        wb.row("Postcode of the address you are leaving", prev["pc"])
        wb.row("Forwarding address", web_addr(new, rng))
        wb.row("Forwarding postcode", new["pc"])
    else:
        wb.row("Address you are moving into", web_addr(new, rng))
        wb.row("Postcode", new["pc"])
        if prev:
            wb.row("Your previous address", web_addr(prev, rng))
            wb.row("Previous postcode", prev["pc"])
    wb.gap()
    wb.group("Contact details")
    wb.row("Telephone", f.get("phone", "-"))
    wb.row("Email", f.get("email", "-"))
    wb.gap()
    wb.group("Declaration")
    wb.row("I declare the information given is true", "Yes")
    wb.row("Date", fmt_date(cs["dates"]["decl"], ds))
    c.save()


ZONE_WEB = {"Lakeside": "Lakeside", "B1": "Zone B1", "B2": "Zone B2", "Station": "Station"}


def render_online_permit(path, cs, rng):
    f = cs["fields"]
    c, wb = web_setup(path, cs, rng, "PERMIT")
    wb.title("Apply for a residents' parking permit")
    wb.group("Applicant")
    wb.row("Full name", f["applicant_name"])
    wb.row("Home address", web_addr(cs["addr"], rng))
    wb.row("Postcode", fmt_pc(f["postcode"], rng.choice(["norm", "norm", "lower"])))
    wb.row("Mobile or landline", f.get("phone", ""))
    wb.row("Email", f.get("email", ""))
    wb.gap()
    wb.group("Vehicle and permit")
    wb.row("Vehicle registration number", fmt_vrm(f["vrm"], "space"))
    if f.get("vehicle_make"):
        wb.row("Vehicle make", f["vehicle_make"])
    wb.row("Which permit zone do you live in?", ZONE_WEB[f["zone"]])
    ds = rng.choice(["long", "dmy"])
    wb.row("When would you like the permit to start?", fmt_date(cs["dates"]["start"], ds))
    wb.row("Do you have any other permits at this address?", "I don't know")
    wb.gap()
    wb.group("Declaration")
    wb.row("I confirm I live at this address and the vehicle is kept here", "Agreed")
    wb.row("Date", fmt_date(cs["dates"]["decl"], ds))
    c.save()


# ---------------------------------------------------------------- layout: backoffice (revenues system contact record, Courier)
def render_backoffice_move(path, cs, rng):
    f = cs["fields"]
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    fs = 9
    y = H - 40
    def line(t="", bold=False):
        nonlocal y
        c.setFont("Courier-Bold" if bold else "Courier", fs)
        c.drawString(36, y, t)
        y -= fs + 3.5
    decl = cs["dates"]["decl"]
    officer = rng.choice(["A.RIGG", "K.SLEE", "M.HOLME", "D.TWEDDLE", "S.FEARON"])
    line(f"BRACKENHOLM DC          REVENUES SYSTEM v8.4          PRINTED {fmt_date(AS_OF, 'dmy')}", bold=True)
    line(f"CTX220  CONTACT RECORD - CHANGE OF ADDRESS              USER {officer}")
    line("-" * 84)
    line(f"Contact ref ........: CR/{decl.year}/{rng.randint(10000, 99999)}     Channel ....: TELEPHONE")
    line(f"Contact taken ......: {fmt_date(decl, 'dmy')} {rng.randint(9, 16):02d}:{rng.randint(0, 59):02d}")
    line("-" * 84)
    line(f"Movement type ......: {'MOVE IN  (new liability)' if cs['mtype'] == 'in' else 'MOVE OUT (end liability)'}")
    line(f"CTax account no ....: {fmt_acc(f['account_ref'], rng.choice(['plain', 'space'])) if f.get('account_ref') else '(none - new customer)'}")
    line(f"Customer name ......: {f['applicant_name']}")
    line(f"Contact tel ........: {f.get('phone', '')}")
    line(f"Contact email ......: {f.get('email', '')}")
    line("")
    def addr_block(head, a):
        line(head, bold=True)
        if not a:
            line("  (not given)")
            return
        lines = list(a["parts"]) + ([a["loc"]] if a["loc"] else []) + [a["town"]]
        line(f"  Address ..........: {lines[0]}")
        for ln in lines[1:]:
            line(f"                      {ln}")
        line(f"  Postcode .........: {a['pc']}")
    if cs["mtype"] == "out":
        addr_block("PROPERTY BEING VACATED", cs["prev"])
        line("")
        addr_block("FORWARDING ADDRESS", cs["new"])
    else:
        addr_block("PROPERTY MOVED INTO", cs["new"])
        line("")
        addr_block("PREVIOUS ADDRESS", cs["prev"])
    line("")
    ds = rng.choice(["dmy", "dash"])
    line(f"Effective date of move .......: {fmt_date(cs['dates']['move'], ds)}")
    line(f"Declaration read and accepted : Y   on {fmt_date(decl, ds)}")
    line("")
    line("NOTES", bold=True)
    note = ("Customer rang to report move. Advised final bill will follow to forwarding address."
            if cs["mtype"] == "out" else "Customer rang to set up council tax at new address. Advised DD mandate form to follow.")
    for ln in wrap(note, "Courier", fs, W - 90):
        line("  " + ln)
    line("-" * 84)
    line("Status: AWAITING PROCESSING          Workflow queue: CTAX-MOVES")
    c.save()


# ---------------------------------------------------------------- layout: letter (prose letters, Times)
COUNCIL_ADDR = ["Council Tax Section", "Brackenholm District Council", "Town Hall", "Brackenholm"]


def letter_frame(c, cs, rng, sender_lines, date_str, recipient, re_line, salutation):
    y = H - 60
    c.setFont("Times-Roman", 11)
    for ln in sender_lines:
        c.drawRightString(W - 60, y, ln)
        y -= 13.5
    y -= 8
    c.drawRightString(W - 60, y, date_str)
    y -= 26
    for ln in recipient:
        c.drawString(60, y, ln)
        y -= 13.5
    y -= 18
    c.drawString(60, y, salutation)
    y -= 22
    if re_line:
        c.setFont("Times-Bold", 11)
        for ln in wrap(re_line, "Times-Bold", 11, W - 120):
            c.drawString(60, y, ln)
            y -= 13.5
        y -= 8
    return y


def letter_paras(c, y, paras):
    c.setFont("Times-Roman", 11)
    for p in paras:
        for ln in wrap(p, "Times-Roman", 11, W - 120):
            c.drawString(60, y, ln)
            y -= 14
        y -= 9
    return y


def letter_close(c, y, rng, valed, name):
    c.setFont("Times-Roman", 11)
    c.drawString(60, y, valed)
    squiggle(c, 64, y - 30, 100, rng)
    c.drawString(60, y - 54, name)


def render_letter_spd(path, cs, rng):
    f = cs["fields"]
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    a = cs["addr"]
    sender = [f["applicant_name"]] + addr_lines(a, rng.choice(["norm", "norm", "nospace"]))
    if f.get("phone"):
        sender.append(f"Tel: {f['phone']}")
    if f.get("email"):
        sender.append(f["email"])
    ds = rng.choice(["ord", "long", "us", "dot"])
    acc = fmt_acc(f["account_ref"], rng.choice(["ct", "space", "plain"]))
    re_line = f"Re: Single person discount - Council Tax account {acc}"
    y = letter_frame(c, cs, rng, sender, fmt_date(cs["dates"]["decl"], ds), COUNCIL_ADDR, re_line, "Dear Sir or Madam")
    sole = fmt_date(cs["dates"]["sole"], rng.choice(["ord", "long"]))
    paras = []
    if cs.get("other"):
        o = cs["other"]
        p1 = (f"I am writing to apply for the single person discount on my council tax. Since {sole} I have been the "
              f"only adult living at the above address, as {cs['rel']}, {o['full']}, moved out on that day.")
        if f.get("other_adult_forwarding_address"):
            p1 += f" {'His' if o['gender'] == 'M' else 'Her'} new address is {f['other_adult_forwarding_address']}."
        paras.append(p1)
    else:
        paras.append(f"I am writing to apply for the single person discount on my council tax. I have been the only adult "
                     f"living at the above address since {sole}.")
    paras.append("I confirm that the information in this letter is correct and that I will let you know straight away "
                  "if anyone aged 18 or over comes to live with me.")
    if f.get("phone") or f.get("email"):
        paras.append("Please contact me using the details above if you need anything further.")
    y = letter_paras(c, y, paras)
    letter_close(c, y - 6, rng, "Yours faithfully", f["applicant_name"])
    c.save()


def render_letter_move(path, cs, rng):
    f = cs["fields"]
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pcf = rng.choice(["norm", "norm", "nospace"])
    home = cs["prev"] if cs["mtype"] == "out" else cs["new"]
    sender = [f["applicant_name"]] + addr_lines(home, pcf)
    if f.get("phone"):
        sender.append(f"Tel. {f['phone']}")
    if f.get("email"):
        sender.append(f"Email: {f['email']}")
    ds = rng.choice(["ord", "long", "dmy"])
    md = fmt_date(cs["dates"]["move"], rng.choice(["ord", "long", "wlong"]))
    if cs["mtype"] == "out":
        acc = fmt_acc(f["account_ref"], rng.choice(["ct", "space", "plain", "dash"]))
        re_line = f"Council Tax account number {acc}"
        paras = [f"I am writing to let you know that I am moving out of {addr_inline(cs['prev'])} on {md}. "
                 f"Please close my council tax account from that date.",
                 f"My new address will be {addr_inline(cs['new'])}. Please send the final bill and any refund there.",
                 "I confirm that the details I have given are correct."]
    else:
        re_line = "New council tax account"
        paras = [f"I moved into {addr_inline(cs['new'])} on {md} and I would like to register for council tax at this "
                 f"address from that date."]
        if cs.get("prev"):
            paras.append(f"Before this I was living at {addr_inline(cs['prev'])}, which was outside your area.")
        paras.append("Please set up the account and let me know how much I need to pay. I confirm that the details I have "
                     "given are correct.")
    y = letter_frame(c, cs, rng, sender, fmt_date(cs["dates"]["decl"], ds), COUNCIL_ADDR, re_line,
                     rng.choice(["Dear Sir or Madam", "Dear Council Tax team"]))
    y = letter_paras(c, y, paras)
    letter_close(c, y - 6, rng, rng.choice(["Yours faithfully", "Yours sincerely"]), f["applicant_name"])
    c.save()


CORR_RE = {"missed_bin": "Missed bin collection", "council_tax_query": "Council tax account {acc}",
           "complaint": "Formal complaint", "foi_request": "Freedom of Information request",
           "other": "Allotments"}
CORR_TO = {"missed_bin": ["Waste Services", "Brackenholm District Council", "Depot Road", "Brackenholm"],
           "council_tax_query": COUNCIL_ADDR,
           "complaint": ["Customer Services", "Brackenholm District Council", "Town Hall", "Brackenholm"],
           "foi_request": ["Information Governance Officer", "Brackenholm District Council", "Town Hall", "Brackenholm"],
           "other": ["Customer Services", "Brackenholm District Council", "Town Hall", "Brackenholm"]}


def render_letter_corr(path, cs, rng):
    f = cs["fields"]
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    a = cs["addr"]
    sender = [f["sender_name"]] + addr_lines(a, rng.choice(["norm", "nospace"]))
    ds = rng.choice(["ord", "long", "dmy"])
    re_line = CORR_RE[cs["topic"]]
    if cs["ref"]:
        re_line = re_line.format(acc=fmt_acc(cs["ref"], rng.choice(["ct", "space", "plain"])))
    y = letter_frame(c, cs, rng, sender, fmt_date(cs["dates"]["sent"], ds), CORR_TO[cs["topic"]], "Re: " + re_line,
                     "Dear Sir or Madam")
    y = letter_paras(c, y, cs["paras"])
    letter_close(c, y - 6, rng, "Yours faithfully", f["sender_name"])
    c.save()


# ---------------------------------------------------------------- layout: email (printed email message)
def email_frame(c, rng, from_name, from_addr, to, sent, subject):
    c.setFont("Helvetica-Bold", 12)
    c.drawString(50, H - 50, from_name or from_addr)
    c.setLineWidth(1.5)
    c.line(50, H - 58, W - 50, H - 58)
    c.setLineWidth(0.5)
    y = H - 76
    rows = [("From:", f"{from_name} <{from_addr}>" if from_name else from_addr),
            ("Sent:", f"{sent.strftime('%A')}, {sent.day} {MONTHS[sent.month - 1]} {sent.year} {rng.randint(7, 22)}:{rng.randint(0, 59):02d}"),
            ("To:", to), ("Subject:", subject)]
    for k, v in rows:
        c.setFont("Helvetica-Bold", 9.5)
        c.drawString(50, y, k)
        c.setFont("Helvetica", 9.5)
        c.drawString(110, y, v)
        y -= 13
    return y - 18


def email_body(c, y, lines_or_paras):
    c.setFont("Helvetica", 10)
    for p in lines_or_paras:
        if p == "":
            y -= 8
            continue
        lines = wrap(p, "Helvetica", 10, W - 100)
        for ln in lines:
            c.drawString(50, y, ln)
            y -= 13
        if len(lines) > 1 or len(p) > 60:
            y -= 6
    return y


def render_email_permit(path, cs, rng):
    f = cs["fields"]
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    a = cs["addr"]
    y = email_frame(c, rng, cs["person"]["full"], f["email"], "parking@brackenholm.gov.uk", cs["dates"]["decl"],
                    f"Residents parking permit application - {a['line1']}")
    zone_txt = {"Lakeside": "the Lakeside zone", "B1": "Zone B1", "B2": "Zone B2", "Station": "the Station zone"}[f["zone"]]
    reg = fmt_vrm(f['vrm'], rng.choice(['space', 'nospace', 'lower']))
    car = (f"The car is a {cs['colour'].lower()} {f['vehicle_make']} {cs['model']}, registration {reg}" if f.get('vehicle_make')
           else f"The car's registration is {reg}")
    sd = fmt_date(cs["dates"]["start"], rng.choice(["long", "ord", "dmy1"]))
    paras = ["Hello,", "",
             f"I would like to apply for a residents' parking permit for {zone_txt}. {car}, and it is kept at my "
             f"home address below. I would like the permit to start on {sd} please.",
             "I confirm that I live at this address and that the details above are correct. Let me know how to pay the fee.",
             "", "Many thanks,", f["applicant_name"]]
    paras += addr_lines(a, rng.choice(["norm", "lower", "nospace"]))
    if f.get("phone"):
        paras.append(f"Tel: {f['phone']}")
    y = email_body(c, y, paras)
    c.save()


def render_email_move(path, cs, rng):  # not used in the plan, kept for completeness
    raise NotImplementedError


def render_email_corr(path, cs, rng):
    f = cs["fields"]
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pers = cs["person"]
    to = {"missed_bin": "waste@brackenholm.gov.uk", "council_tax_query": "counciltax@brackenholm.gov.uk",
          "complaint": "feedback@brackenholm.gov.uk", "foi_request": "foi@brackenholm.gov.uk",
          "other": "enquiries@brackenholm.gov.uk"}[cs["topic"]]
    subj = {"missed_bin": "Bin not emptied", "council_tax_query": "Query about my bill",
            "complaint": "Complaint", "foi_request": "FOI request - parking permits", "other": "Allotment waiting list"}[cs["topic"]]
    if cs["ref"]:
        subj += f" - ref {fmt_acc(cs['ref'], rng.choice(['plain', 'space']))}"
    sender = cs["sender"]
    if sender["name"] is None:
        from_name, from_addr = None, f"lakeside.resident{rng.randint(10, 99)}@example.net"
    else:
        from_name, from_addr = pers["full"], email_for(rng, pers)
    y = email_frame(c, rng, from_name, from_addr, to, cs["dates"]["sent"], subj)
    sal = "Dear Sir/Madam," if sender["name"] else "To whom it may concern,"
    body = [sal, ""] + cs["paras"] + [""]
    if sender["name"]:
        body += ["Regards,", sender["name"]]
        if sender["addr"]:
            body += addr_lines(sender["addr"], rng.choice(["norm", "nospace"]))
    else:
        body += ["A local resident", "", "Sent from my phone"]
    email_body(c, y, body)
    c.save()


RENDER = {
    ("council_tax_spd", "paper"): render_paper_spd, ("council_tax_move", "paper"): render_paper_move,
    ("council_tax_spd", "acro"): render_acro_spd, ("parking_permit", "acro"): render_acro_permit,
    ("council_tax_spd", "online"): render_online_spd, ("council_tax_move", "online"): render_online_move,
    ("parking_permit", "online"): render_online_permit, ("council_tax_move", "backoffice"): render_backoffice_move,
    ("council_tax_spd", "letter"): render_letter_spd, ("council_tax_move", "letter"): render_letter_move,
    ("correspondence", "letter"): render_letter_corr, ("correspondence", "email"): render_email_corr,
    ("parking_permit", "email"): render_email_permit,
}

# ================================================================ the plan
PLAN = (
    [("spd", "paper", s) for s in ["clean", "clean", "clean", "ACCOUNT_CLOSED", "ADDRESS_MISMATCH", "INCONSISTENT_DATES"]]
    + [("spd", "acro", s) for s in ["clean", "clean", "clean", "NAME_MISMATCH", "OTHER_ADULTS_REGISTERED",
                                     "MISSING_FIELD:declaration_date"]]
    + [("spd", "online", s) for s in ["clean", "clean", "clean", "ACCOUNT_NOT_FOUND", "DATE_TOO_OLD", "dup"]]
    + [("spd", "letter", s) for s in ["clean", "clean", "clean", "DISCOUNT_ALREADY_APPLIED"]]
    + [("move", "paper", s) for s in ["clean_in", "clean_in", "clean_out", "PROPERTY_NOT_FOUND", "DATE_TOO_OLD"]]
    + [("move", "backoffice", s) for s in ["clean_in", "clean_out", "clean_out", "ACCOUNT_NOT_FOUND"]]
    + [("move", "online", s) for s in ["clean_out", "clean_out", "clean_in", "ADDRESS_MISMATCH", "DATE_IN_FUTURE"]]
    + [("move", "letter", s) for s in ["clean_out", "clean_out", "clean_in", "NAME_MISMATCH"]]
    + [("permit", "acro", s) for s in ["clean", "clean", "clean", "NOT_IN_PERMIT_ZONE", "INVALID_FORMAT:vrm",
                                        "PERMIT_CAP_REACHED"]]
    + [("permit", "online", s) for s in ["clean", "clean", "clean", "PROPERTY_NOT_FOUND", "VRM_HAS_PERMIT"]]
    + [("permit", "email", s) for s in ["clean", "clean", "clean", "NOT_RESIDENT", "DATE_IN_FUTURE"]]
    + [("corr", "letter", ("clean", t)) for t in ["missed_bin", "council_tax_query", "complaint", "foi_request"]]
    + [("corr", "letter", ("ACCOUNT_NOT_FOUND", "council_tax_query"))]
    + [("corr", "email", ("clean", t)) for t in ["council_tax_query", "other", "foi_request"]]
    + [("corr", "email", ("SENDER_UNKNOWN_ANON", "missed_bin")), ("corr", "email", ("SENDER_UNKNOWN_NAMEONLY", "complaint"))]
)

FTYPE = {"spd": "council_tax_spd", "move": "council_tax_move", "permit": "parking_permit", "corr": "correspondence"}


def build_cases():
    cases = []
    for i, (kind, layout, scen) in enumerate(PLAN):
        rng = random.Random(SEED * 1000 + i)
        if kind == "spd":
            cs = spd_case(rng, layout, scen)
            if scen == "dup":
                cs["outcome"] = "duplicate_pair"
                cs["reasons"] = []
                twin = Case(cs)
                cs["subref"] = f"SPD-{rng.randint(100000, 999999)}"
                twin["subref"] = f"SPD-{int(cs['subref'][4:]) + rng.randint(3, 40)}"
                t = rng.randint(9, 19)
                cs["submitted"] = f"{fmt_date(cs['dates']['decl'], 'dmy')} {t:02d}:{rng.randint(0, 29):02d}"
                twin["submitted"] = f"{fmt_date(cs['dates']['decl'], 'dmy')} {t:02d}:{rng.randint(31, 59):02d}"
                cs["accfmt"] = twin["accfmt"] = "ct"
                cs["dstyle"] = twin["dstyle"] = "long"
                cs["duplicate_group"] = twin["duplicate_group"] = "dup-1"
                cases += [cs, twin]
                continue
        elif kind == "move":
            cs = move_case(rng, layout, scen)
        elif kind == "permit":
            cs = permit_case(rng, layout, scen)
        else:
            cs = corr_case(rng, layout, scen[0], scen[1])
        cases.append(cs)
    return cases


def populate_rest():
    """Ordinary households on every property no case has claimed."""
    rng = random.Random(SEED + 1)
    for p in PROPS:
        if p["uprn"] in CLAIMED:
            continue
        r = rng.random()
        acc_start = rdate(rng, D(2006, 1, 1), D(2025, 9, 30))
        if rng.random() < 0.35:
            prev = new_person(rng)
            ACCOUNTS.append(dict(account_ref=new_ref(rng), uprn=p["uprn"], liable_parties=prev["full"], status="closed",
                                 start_date=rdate(rng, D(1996, 1, 1), acc_start - dt.timedelta(days=400)),
                                 end_date=acc_start - dt.timedelta(days=1), discounts=""))
        if r < 0.07:
            old = new_person(rng)
            add_account(p, [old["full"]], status="closed", end=rdate(rng, D(2026, 3, 1), D(2026, 11, 15)), rng=rng)
            continue
        a = new_person(rng)
        people = [a["full"]]
        electors = [a["full"]]
        disc = ""
        if r < 0.35:
            disc = "SPD" if rng.random() < 0.75 else ""
        elif r < 0.80:
            b = new_person(rng, surname=a["last"] if rng.random() < 0.7 else None)
            people.append(b["full"])
            electors.append(b["full"])
        elif r < 0.93:
            b = new_person(rng, surname=a["last"])
            ch = new_person(rng, surname=a["last"])
            people.append(b["full"])
            electors += [b["full"], ch["full"]]
        else:
            lod = new_person(rng)
            electors.append(lod["full"])
        add_account(p, people, rng=rng, start=acc_start, discounts=disc)
        for nm in electors:
            if rng.random() < 0.93:
                add_elector(p, nm)
        if p["zone"]:
            k = rng.choices([0, 1, 2], [45, 40, 15])[0]
            for _ in range(k):
                add_permit(p, new_vrm(rng, rng.choice(["current"] * 6 + ["prefix"])), rdate(rng, D(2026, 1, 1), D(2026, 11, 30)))
            if rng.random() < 0.3:
                add_permit(p, new_vrm(rng), rdate(rng, D(2024, 6, 1), D(2025, 10, 31)))


def write_workbook(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "properties"
    ws.append(["uprn", "address_line_1", "address_line_2", "town", "postcode", "council_tax_band", "ward", "parking_zone"])
    for p in PROPS:
        ws.append([p["uprn"], p["line1"], p["loc"] or None, p["town"], p["pc"], p["band"], p["ward"], p["zone"] or None])
    ws = wb.create_sheet("council_tax_accounts")
    ws.append(["account_ref", "uprn", "liable_parties", "status", "start_date", "end_date", "discounts"])
    for a in sorted(ACCOUNTS, key=lambda a: a["account_ref"]):
        ws.append([a["account_ref"], a["uprn"], a["liable_parties"], a["status"], a["start_date"], a["end_date"],
                   a["discounts"] or None])
    ws = wb.create_sheet("electoral_register")
    ws.append(["elector_number", "full_name", "uprn"])
    for e in sorted(ELECTORS, key=lambda e: e["elector_number"]):
        ws.append([e["elector_number"], e["full_name"], e["uprn"]])
    ws = wb.create_sheet("parking_permits")
    ws.append(["permit_ref", "uprn", "vrm", "zone", "valid_from", "valid_to"])
    for pm in PERMITS:
        ws.append([pm["permit_ref"], pm["uprn"], pm["vrm"], pm["zone"], pm["valid_from"], pm["valid_to"]])
    for ws in wb.worksheets:
        for col in ws.iter_cols(min_row=2):
            for cell in col:
                if isinstance(cell.value, dt.date):
                    cell.number_format = "yyyy-mm-dd"
        for i, w in enumerate([14, 40, 14, 14, 12, 14, 22, 12], start=1):
            ws.column_dimensions[chr(64 + i)].width = w
    wb.save(path)
    _freeze_zip(path)


def _freeze_zip(path):
    """Make the .xlsx byte-for-byte reproducible: fixed timestamps in the zip and in docProps/core.xml."""
    import re
    import zipfile
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>2026-12-07T08:00:00Z", data)
            zi = zipfile.ZipInfo(name, date_time=(2026, 12, 7, 8, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


def main():
    cases = build_cases()
    populate_rest()
    order_rng = random.Random(SEED + 2)
    order_rng.shuffle(cases)
    inbox = HERE / "inbox"
    if inbox.exists():
        shutil.rmtree(inbox)
    inbox.mkdir()
    write_workbook(HERE / "records.xlsx")
    seen = {}
    out = []
    for n, cs in enumerate(cases, start=1):
        fn = f"doc_{n:04d}.pdf"
        RENDER[(cs["ftype"], cs["layout"])](inbox / fn, cs, random.Random(SEED * 7 + n))
        split = "test"
        if cs["outcome"] == "approved":
            k = (cs["layout"], cs["ftype"])
            seen[k] = seen.get(k, 0) + 1
            if seen[k] <= 2:
                split = "learn"
        rec = {"file": fn, "form_type": cs["ftype"], "fields": cs["fields"], "outcome": cs["outcome"],
               "reasons": cs["reasons"], "layout": cs["layout"], "split": split}
        if cs.get("duplicate_group"):
            rec["duplicate_group"] = cs["duplicate_group"]
        out.append(rec)
    with open(HERE / "truth.jsonl", "w") as fh:
        for rec in out:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    n_clean = sum(r["outcome"] == "approved" for r in out)
    print(f"{len(out)} files: {n_clean} clean, {sum(r['outcome'] == 'exception' for r in out)} exceptions, "
          f"{sum(r['outcome'] == 'duplicate_pair' for r in out)} duplicate pair; "
          f"{len(PROPS)} properties, {len(ACCOUNTS)} accounts, {len(ELECTORS)} electors, {len(PERMITS)} permits")


if __name__ == "__main__":
    main()
